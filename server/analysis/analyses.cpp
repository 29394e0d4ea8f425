#include "analysis/analyses.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/sqlrows.h"
#include "storage/sqltext.h"
#include "storage/transaction.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &stored)
{
    return QJsonDocument::fromJson(stored.toString().toUtf8()).object();
}

} // namespace

Analyses::Analyses(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
{
}

Result<bool> Analyses::add(Transaction &transaction, const QString &orgId, const AnalysisRow &analysis)
{
    const Result<int> added = transaction.execCounting(
        u"INSERT INTO analyses (id, org_id, call_id, recording_id, engine, state, result, failure_reason, "
        "prompt_versions, model, usage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (org_id, call_id, recording_id) DO NOTHING"_s,
        { analysis.id.isEmpty() ? m_ids.nextId() : analysis.id, orgId, analysis.callId, analysis.recordingId,
            analysis.engine, analysis.state, analysis.result.isEmpty() ? QVariant() : QVariant(compact(analysis.result)),
            orEmpty(analysis.failureReason), compact(analysis.promptVersions), orEmpty(analysis.model),
            compact(analysis.usage),
            m_clock.nowMs() });
    if (!added)
        return added.refusal();
    return added.value() == 1;
}

std::optional<Refusal> Analyses::removeFailed(Transaction &transaction, const QString &callId, const QString &recordingId)
{
    return transaction.exec(u"DELETE FROM analyses WHERE call_id = ? AND recording_id = ? AND state = 'failed'"_s,
        { callId, recordingId });
}

Result<std::optional<AnalysisRow>> Analyses::find(const QString &callId, const QString &recordingId)
{
    return first(tr("reading the analysis of call %1").arg(callId), u"call_id = ? AND recording_id = ?"_s,
        { callId, recordingId });
}

Result<std::optional<AnalysisRow>> Analyses::latest(const QString &callId)
{
    return first(tr("reading the analysis of call %1").arg(callId), u"call_id = ?"_s, { callId });
}

Result<std::optional<AnalysisRow>> Analyses::first(const QString &what, const QString &where, const QVariantList &values)
{
    const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, what,
        u"SELECT id, call_id, recording_id, engine, state, result, failure_reason, prompt_versions, model, usage, "
        "created_at FROM analyses WHERE "_s
            + where + u" ORDER BY created_at DESC, id DESC LIMIT 1"_s,
        values);
    if (!row)
        return row.refusal();
    if (!row.value())
        return std::optional<AnalysisRow>();
    const SqlRows::Row &r = *row.value();
    return std::optional<AnalysisRow>(AnalysisRow{ r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
        r.at(3).toString(), r.at(4).toString(), objectOf(r.at(5)), r.at(6).toString(), objectOf(r.at(7)),
        r.at(8).toString(), objectOf(r.at(9)), r.at(10).toLongLong() });
}

} // namespace callos::server
