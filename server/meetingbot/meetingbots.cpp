#include "meetingbot/meetingbots.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "meetingbot/meetingbotwebhook.h"
#include "storage/sqlrows.h"
#include "storage/sqltext.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

MeetingBots::MeetingBots(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database), m_clock(clock), m_ids(ids)
{ }

Result<std::optional<MeetingBotRow>> MeetingBots::findForCall(const QString &callId)
{
    return first(tr("reading the meeting bot of call %1").arg(callId), u"call_id = ?"_s, { callId });
}

Result<std::optional<MeetingBotRow>> MeetingBots::findByExternalId(const QString &provider, const QString &externalId)
{
    return first(
        tr("finding meeting bot %1").arg(externalId), u"provider = ? AND external_id = ?"_s, { provider, externalId });
}

Result<std::optional<MeetingBotRow>> MeetingBots::first(
    const QString &what, const QString &where, const QVariantList &values)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, what,
        u"SELECT id, org_id, call_id, provider, external_id, state, provider_state, last_event, last_event_at, "
        "updated_at FROM meeting_bots WHERE "_s
            + where,
        values);
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<MeetingBotRow>();
    const SqlRows::Row &r = *row.value();
    return std::optional<MeetingBotRow>(MeetingBotRow { r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
        r.at(3).toString(), r.at(4).toString(), r.at(5).toString(), r.at(6).toString(), r.at(7).toString(),
        r.at(8).isNull() ? 0 : r.at(8).toLongLong(), r.at(9).toLongLong() });
}

Result<bool> MeetingBots::add(Transaction &transaction, const MeetingBotRow &bot)
{
    const qint64 now = m_clock.nowMs();
    const Result<int> added = transaction.execCounting(
        u"INSERT INTO meeting_bots (id, org_id, call_id, provider, external_id, state, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        { bot.id.isEmpty() ? m_ids.nextId() : bot.id, bot.orgId, bot.callId, bot.provider, bot.externalId,
            bot.state.isEmpty() ? QString::fromLatin1(BotDelivery::kJoining) : bot.state, now, now });
    if (!added)
        return added.refusal();
    return added.value() > 0;
}

Result<bool> MeetingBots::recordDelivery(
    Transaction &transaction, const MeetingBotRow &bot, const BotDelivery &delivery)
{
    const Result<int> added = transaction.execCounting(
        u"INSERT INTO meeting_bot_events (bot_id, idempotency_key, org_id, trigger, event_type, provider_state, "
        "occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
        { bot.id, delivery.idempotencyKey, bot.orgId, delivery.trigger, orEmpty(delivery.eventType),
            orEmpty(delivery.providerState),
            delivery.occurredAt > 0 ? QVariant(delivery.occurredAt) : QVariant(QMetaType(QMetaType::LongLong)),
            m_clock.nowMs() });
    if (!added)
        return added.refusal();
    return added.value() > 0;
}

std::optional<Refusal> MeetingBots::applyState(
    Transaction &transaction, const MeetingBotRow &bot, const BotDelivery &delivery)
{
    const qint64 now = m_clock.nowMs();
    // Without the service's time, the time it arrived.
    const qint64 at = delivery.occurredAt > 0 ? delivery.occurredAt : now;
    // "fatal_error/bot_not_launched": the sub type is often the reason.
    const QString event
        = delivery.eventSubType.isEmpty() ? delivery.eventType : delivery.eventType + u'/' + delivery.eventSubType;
    return transaction.exec(u"UPDATE meeting_bots SET state = CASE WHEN ? = '' THEN state ELSE ? END, "
                            "provider_state = ?, last_event = ?, last_event_at = ?, updated_at = ? "
                            "WHERE id = ? AND COALESCE(last_event_at, 0) <= ?"_s,
        { orEmpty(delivery.state), orEmpty(delivery.state), orEmpty(delivery.providerState), orEmpty(event), at, now,
            bot.id, at });
}

std::optional<Refusal> MeetingBots::markLeaving(Transaction &transaction, const MeetingBotRow &bot)
{
    const qint64 now = m_clock.nowMs();
    // Only a bot still there; the service's own word on an ended one stands.
    return transaction.exec(u"UPDATE meeting_bots SET state = ?, last_event = ?, updated_at = ? "
                            "WHERE id = ? AND state IN ('joining', 'in_meeting', 'recording')"_s,
        { QString::fromLatin1(BotDelivery::kLeaving), QString::fromLatin1(kLeaveRequested), now, bot.id });
}

} // namespace callos::server
