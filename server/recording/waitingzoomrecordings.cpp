#include "recording/waitingzoomrecordings.h"

#include "common/clock.h"
#include "json/validationerrors.h"
#include "recording/zoomrecordingintake.h"
#include "recording/zoomrecordingnotice.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::server {

WaitingZoomRecordings::WaitingZoomRecordings(
    Database &database, ZoomRecordingIntake &intake, JsonLog &log, const Clock &clock)
    : m_database(database), m_intake(intake), m_log(log), m_clock(clock)
{
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        const Result<Swept> swept = sweep();
        if (!swept)
            m_log.write(u"error"_s, u"zoom.waiting_sweep_failed"_s, { { u"error"_s, swept.refusal().message } });
    });
}

std::optional<Refusal> WaitingZoomRecordings::keep(const ZoomRecordingNotice &notice, const QByteArray &body)
{
    const ZoomRecordingFile *audio = notice.audioFile();
    const qint64 startedAt = audio && audio->startedAt > 0 ? audio->startedAt : notice.startedAt;
    Transaction transaction(m_database, tr("Keeping the Zoom recording of meeting %1").arg(notice.meetingNumber));
    if (auto refusal = transaction.begin())
        return refusal;
    // The same delivery again keeps the first.
    if (auto refusal = transaction.exec(
            u"INSERT INTO zoom_recordings_waiting (dedupe_key, meeting_number, recording_started_at, notice, "
            "received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING"_s,
            { notice.dedupeKey(), notice.meetingNumber, startedAt, QString::fromUtf8(body), m_clock.nowMs() }))
        return refusal;
    return transaction.commit();
}

Result<WaitingZoomRecordings::Swept> WaitingZoomRecordings::sweep()
{
    // The notices belong to no organisation, their calls to any.
    const TenantScope::Entered system = m_database.tenantScope().enterSystem();
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the waiting Zoom recordings"),
        u"SELECT dedupe_key, meeting_number, notice, received_at FROM zoom_recordings_waiting "
        "ORDER BY received_at, dedupe_key LIMIT ?"_s,
        { kSweepBatch });
    if (!rows)
        return rows.refusal();
    Swept swept;
    const qint64 now = m_clock.nowMs();
    for (const SqlRows::Row &row : rows.value()) {
        const QString key = row.at(0).toString();
        const QJsonObject fields{ { u"meeting"_s, row.at(1).toString() } };
        ValidationErrors errors{ QString() };
        const std::optional<ZoomRecordingNotice> notice =
            ZoomRecordingNotice::read(QJsonDocument::fromJson(row.at(2).toString().toUtf8()).object(), errors);
        if (!notice || now - row.at(3).toLongLong() > kKeepMs) {
            if (auto refusal = remove(key))
                return *refusal;
            m_log.write(u"warning"_s, u"zoom.waiting_dropped"_s, fields);
            ++swept.dropped;
            continue;
        }
        const Result<ZoomIntakeOutcome> taken = m_intake.take(*notice);
        if (!taken)
            return taken.refusal();
        if (taken.value().kind == ZoomIntakeOutcome::Kind::NoCall) {
            ++swept.waiting;
            continue;
        }
        if (auto refusal = remove(key))
            return *refusal;
        QJsonObject logged = fields;
        logged.insert(u"outcome"_s, taken.value().code());
        logged.insert(u"call_id"_s, taken.value().callId);
        m_log.write(u"info"_s, u"zoom.waiting_taken"_s, logged);
        ++swept.taken;
    }
    return swept;
}

void WaitingZoomRecordings::sweepEvery(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(interval);
}

std::optional<Refusal> WaitingZoomRecordings::remove(const QString &dedupeKey)
{
    Transaction transaction(m_database, tr("Removing a waiting Zoom recording"));
    if (auto refusal = transaction.begin())
        return refusal;
    if (auto refusal = transaction.exec(u"DELETE FROM zoom_recordings_waiting WHERE dedupe_key = ?"_s, { dedupeKey }))
        return refusal;
    return transaction.commit();
}

} // namespace callos::server
