#include "callevents.h"

#include "apiharness.h"
#include "call/calleventcodec.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::test {

QString uuidFor(const QString &prefix, const QString &id)
{
    static const QUuid kNamespace = QUuid::fromString(u"6f1c1b1e-3a53-4a43-9d8e-2f0c61a4c001"_s);
    return QUuid::createUuidV5(kNamespace, prefix + id).toString(QUuid::WithoutBraces);
}

QJsonArray envelopes(const QList<CallEvent> &events, const QString &prefix, qsizetype from, qsizetype count)
{
    QJsonArray out;
    const QList<CallEvent> slice = events.mid(from, count);
    for (const CallEvent &event : slice) {
        QJsonObject json = CallEventCodec::toJson(event);
        json[u"id"_s] = uuidFor(prefix, event.id);
        json[u"callId"_s] = uuidFor(prefix, event.callId);
        out.append(json);
    }
    return out;
}

QString registerCall(ApiHarness &api, const QString &token, const QString &prefix, const QList<CallEvent> &events)
{
    const QString prospectId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const ApiReply prospect = api.put(u"/api/v1/prospects/"_s + prospectId,
        QJsonObject{ { u"name"_s, u"Dana Reyes"_s }, { u"company"_s, u"Northwind"_s }, { u"client_count"_s, 620 } },
        token);
    if (prospect.status != 200 && prospect.status != 201)
        qWarning() << "prospect:" << prospect.status << prospect.body;
    const QString callId = uuidFor(prefix, events.first().callId);
    const ApiReply call = api.put(u"/api/v1/calls/"_s + callId, QJsonObject{ { u"prospect_id"_s, prospectId } }, token);
    if (call.status != 200 && call.status != 201)
        qWarning() << "call:" << call.status << call.body;
    return callId;
}

} // namespace callos::test
