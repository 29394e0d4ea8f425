#pragma once

#include "call/eventsink.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace callos::client {

class LocalStore;

// The engine's EventSink on the local store: the call event log, kept before
// the UI shows an action as done. Each event is stored as its JSON
// (CallEventCodec) plus indexed columns, in append order. Every stored event
// starts in the outbox (not yet acknowledged by the server) until
// markAcknowledged() takes it out.
class CallEventStore final : public EventSink
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::CallEventStore)

public:
    explicit CallEventStore(LocalStore &store);

    // Stores the whole batch in one transaction, or nothing: an event id that
    // is already stored, or twice in the batch, refuses the whole batch
    // (store.duplicate_event); any failed write refuses it too
    // (store.write_failed). A batch that contains CallCompleted also marks
    // its call record completed, in the same transaction, so the list of
    // unfinished calls never offers a finished call for resume after a crash.
    std::optional<Refusal> append(const QList<CallEvent> &events) override;
    qint64 lastSeq(const QString &deviceId) const override;

    // The events of one call, in the order they were appended.
    Result<QList<CallEvent>> events(const QString &callId) const;

    // The outbox: events not yet acknowledged by the server, oldest first.
    Result<QList<CallEvent>> unacknowledged(int limit) const;
    Result<int> unacknowledgedCount() const;
    // Takes the events the server accepted out of the outbox. Ids that are
    // unknown or already acknowledged are ignored (a resent answer).
    std::optional<Refusal> markAcknowledged(const QStringList &eventIds, qint64 acknowledgedAtMs);

private:
    Result<QList<CallEvent>> readEvents(const QString &what, const QString &sql, const QVariantList &values) const;

    LocalStore &m_store;
};

} // namespace callos::client
