#include "transcription/transcripts.h"

#include "common/clock.h"
#include "json/validationerrors.h"
#include "storage/sqlrows.h"
#include "storage/sqltext.h"
#include "storage/transaction.h"
#include "transcription/transcriptjson.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

Transcripts::Transcripts(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<std::optional<TranscriptRow>> Transcripts::find(const QString &recordingId)
{
    return first(tr("reading the transcript of recording %1").arg(recordingId), u"recording_id = ?"_s, { recordingId });
}

Result<std::optional<TranscriptRow>> Transcripts::findByExternalId(const QString &engine, const QString &externalId)
{
    return first(tr("finding transcript %1").arg(externalId), u"engine = ? AND external_id = ?"_s, { engine, externalId });
}

Result<std::optional<TranscriptRow>> Transcripts::first(const QString &what, const QString &where, const QVariantList &values)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, what,
        u"SELECT recording_id, org_id, call_id, engine, state, external_id, language, duration_ms, utterances, error "
        "FROM transcripts WHERE "_s
            + where,
        values);
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<TranscriptRow>();
    const SqlRows::Row &r = *row.value();
    TranscriptRow out;
    out.recordingId = r.at(0).toString();
    out.orgId = r.at(1).toString();
    out.callId = r.at(2).toString();
    out.transcript.engine = r.at(3).toString();
    out.state = r.at(4).toString();
    out.externalId = r.at(5).toString();
    out.transcript.language = r.at(6).toString();
    out.transcript.durationMs = r.at(7).toLongLong();
    ValidationErrors errors{ u"transcripts.utterances"_s };
    const std::optional<QList<Utterance>> utterances = TranscriptJson::utterancesFromJson(
        QJsonDocument::fromJson(r.at(8).toString().toUtf8()).array(), errors);
    if (!utterances)
        return Refusal{ u"transcript.corrupt"_s,
            tr("The stored transcript of recording %1 is not readable: %2")
                .arg(out.recordingId, errors.messages().join(u"; "_s)) };
    out.transcript.utterances = *utterances;
    out.error = r.at(9).toString();
    return std::optional<TranscriptRow>(std::move(out));
}

std::optional<Refusal> Transcripts::saveCompleted(Transaction &transaction, const QString &recordingId,
    const QString &orgId, const QString &callId, const Transcript &transcript)
{
    const qint64 now = m_clock.nowMs();
    const QString utterances = QString::fromUtf8(
        QJsonDocument(TranscriptJson::utterancesToJson(transcript.utterances)).toJson(QJsonDocument::Compact));
    return transaction.exec(
        u"INSERT INTO transcripts (recording_id, org_id, call_id, engine, state, language, duration_ms, utterances, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?) "
        "ON CONFLICT (recording_id) DO UPDATE SET engine = excluded.engine, state = 'completed', "
        "language = excluded.language, duration_ms = excluded.duration_ms, utterances = excluded.utterances, "
        "error = '', updated_at = excluded.updated_at"_s,
        { recordingId, orgId, callId, transcript.engine, orEmpty(transcript.language), transcript.durationMs, utterances,
            now, now });
}

std::optional<Refusal> Transcripts::saveRequested(Transaction &transaction, const QString &recordingId,
    const QString &orgId, const QString &callId, const QString &engine, const QString &externalId)
{
    const qint64 now = m_clock.nowMs();
    return transaction.exec(
        u"INSERT INTO transcripts (recording_id, org_id, call_id, engine, state, external_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'requested', ?, ?, ?) "
        "ON CONFLICT (recording_id) DO UPDATE SET engine = excluded.engine, state = 'requested', "
        "external_id = excluded.external_id, error = '', updated_at = excluded.updated_at"_s,
        { recordingId, orgId, callId, engine, externalId, now, now });
}

std::optional<Refusal> Transcripts::saveFailed(Transaction &transaction, const QString &recordingId, const QString &error)
{
    return transaction.exec(u"UPDATE transcripts SET state = 'failed', error = ?, updated_at = ? WHERE recording_id = ?"_s,
        { orEmpty(error), m_clock.nowMs(), recordingId });
}

std::optional<Refusal> Transcripts::removeFailed(Transaction &transaction, const QString &recordingId)
{
    return transaction.exec(u"DELETE FROM transcripts WHERE recording_id = ? AND state = 'failed'"_s, { recordingId });
}

} // namespace callos::server
