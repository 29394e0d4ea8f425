#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace callos::client {

class LocalStore;

// What the server said about one event it would not take.
struct EventRefusal
{
    QString eventId;
    QString code;
    QString message;
};

// A refused event as the agent sees it: which call, what it was, and why.
struct RefusedEvent
{
    QString eventId;
    QString callId;
    QString type;
    qint64 at = 0; // when it happened (UTC ms)
    QString prospectName;
    QString code;
    QString message;
    qint64 refusedAt = 0;
};

// The events the server refused, kept in the local store with the reason
// until the agent decides: send them again (after fixing what the server
// disliked, or when a refusal was temporary) or keep them on this computer
// only. Until then they stay in the outbox but are not pushed again, so one
// bad event never blocks or loops the sync.
class RefusedEvents
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::RefusedEvents)

public:
    explicit RefusedEvents(LocalStore &store);

    // Refusals of events no longer in the outbox are ignored.
    std::optional<Refusal> record(const QList<EventRefusal> &refusals, qint64 atMs);
    // Those waiting for the agent, oldest event first.
    Result<QList<RefusedEvent>> list() const;
    Result<int> count() const;
    // The next push sends them again.
    std::optional<Refusal> sendAgain(const QStringList &eventIds);
    // They leave the outbox; the events and the server's reason stay stored.
    std::optional<Refusal> keepLocalOnly(const QStringList &eventIds, qint64 atMs);

private:
    LocalStore &m_store;
};

} // namespace callos::client
