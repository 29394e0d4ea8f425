#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace callos::server {

// Work to be done after a request, as its asker describes it.
struct NewJob
{
    QString orgId;
    QString kind; // "transcribe", "analyse", ...: which JobHandler runs it
    QJsonObject payload;
    // Set, the same work asked for twice is one job: (org, kind, key).
    QString dedupeKey;
    int maxAttempts = 5;
    qint64 runAt = 0; // not before (UTC ms); 0: now
};

// A job a worker holds the lease of.
struct Job
{
    QString id;
    QString orgId;
    QString kind;
    QJsonObject payload;
    int attempts = 0; // counting this one
    int maxAttempts = 0;
    QString leaseOwner;
};

// Why a run failed, and whether to run it again.
struct JobFailure
{
    QString message; // for admins: no secrets, no tokens
    // The service said when to come back (HTTP Retry-After), in ms.
    std::optional<qint64> retryAfterMs;
    // Running it again cannot help (bad input, a refusal): dead at once.
    bool permanent = false;

    static JobFailure retryLater(QString message) { return JobFailure{ std::move(message), std::nullopt, false }; }
    static JobFailure givingUp(QString message) { return JobFailure{ std::move(message), std::nullopt, true }; }
};

// A job as admins list it.
struct JobInfo
{
    QString id;
    QString kind;
    QString state;
    int attempts = 0;
    int maxAttempts = 0;
    qint64 runAt = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> finishedAt;
};

} // namespace callos::server
