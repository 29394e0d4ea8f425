#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

struct AnalysisRow
{
    QString id;
    QString callId;
    QString recordingId;
    QString engine; // claude, rule-based
    QString state; // completed, failed
    QJsonObject result; // the schema's fields plus "metrics"
    QString failureReason;
    QJsonObject promptVersions;
    QString model;
    QJsonObject usage;
    qint64 createdAt = 0;
};

// The analyses table (migration 007): one per call and recording.
class Analyses
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::Analyses)

public:
    Analyses(Database &database, const Clock &clock, IdGenerator &ids);

    // false: the call and recording have one already (a job run twice), and
    // nothing changed.
    Result<bool> add(Transaction &transaction, const QString &orgId, const AnalysisRow &analysis);
    // In the caller's tenant scope.
    Result<std::optional<AnalysisRow>> find(const QString &callId, const QString &recordingId);
    // A failed analysis goes, so the call is analysed again (its reason
    // stays in the audit log of the retry).
    std::optional<Refusal> removeFailed(Transaction &transaction, const QString &callId, const QString &recordingId);
    // The newest of the call's analyses.
    Result<std::optional<AnalysisRow>> latest(const QString &callId);

private:
    Result<std::optional<AnalysisRow>> first(const QString &what, const QString &where, const QVariantList &values);

    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
