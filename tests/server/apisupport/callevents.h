#pragma once

#include "call/callevent.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace callos::test {

class ApiHarness;

// The engine's test harness (CallHarness) numbers its ids from 1 ("id-1");
// the server takes UUIDs, as the desktop makes them. The same prefix and id
// give the same UUID, so tests can name events; different prefixes keep
// calls apart.
QString uuidFor(const QString &prefix, const QString &id);

// Events as POST /api/v1/events takes them, ids mapped through uuidFor.
QJsonArray envelopes(const QList<CallEvent> &events, const QString &prefix, qsizetype from = 0, qsizetype count = -1);

// PUTs a prospect and the call of `events` as the desktop sync does, signed
// in with `token`; the call's id on the server.
QString registerCall(ApiHarness &api, const QString &token, const QString &prefix, const QList<CallEvent> &events);

} // namespace callos::test
