#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;
struct BotDelivery;

// A bot that was sent to a call's meeting.
struct MeetingBotRow
{
    QString id;
    QString orgId;
    QString callId;
    QString provider;
    QString externalId;
    QString state; // BotDelivery's states
    QString providerState;
    QString lastEvent; // the service's event type[/sub type], or kLeaveRequested
    qint64 lastEventAt = 0;
    qint64 updatedAt = 0;
};

// The meeting_bots table and the deliveries taken for its bots (migration
// 008).
class MeetingBots
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::MeetingBots)

public:
    static constexpr auto kLeaveRequested = "leave_requested";

    MeetingBots(Database &database, const Clock &clock, IdGenerator &ids);

    // In the caller's tenant scope.
    Result<std::optional<MeetingBotRow>> findForCall(const QString &callId);
    // The bot the service calls `externalId`; a webhook looks it up in the
    // system's scope, since it names no organisation.
    Result<std::optional<MeetingBotRow>> findByExternalId(const QString &provider, const QString &externalId);
    // A bot that has just joined (state joining). false: the call has a bot
    // already, or the service's id is taken, and nothing changed.
    Result<bool> add(Transaction &transaction, const MeetingBotRow &bot);
    // Keeps the delivery's idempotency key; false when it was taken before
    // (a delivery sent again), and nothing changed.
    Result<bool> recordDelivery(Transaction &transaction, const MeetingBotRow &bot, const BotDelivery &delivery);
    // The bot's state after a state change, unless a later change was
    // applied already (deliveries can arrive out of order). A state CallOS
    // does not know keeps the one it had.
    std::optional<Refusal> applyState(Transaction &transaction, const MeetingBotRow &bot, const BotDelivery &delivery);
    // CallOS asked the bot to leave.
    std::optional<Refusal> markLeaving(Transaction &transaction, const MeetingBotRow &bot);

private:
    Result<std::optional<MeetingBotRow>> first(const QString &what, const QString &where, const QVariantList &values);

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
