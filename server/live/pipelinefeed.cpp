#include "live/pipelinefeed.h"

#include "live/liveconnection.h"
#include "pipeline/pipelinestatus.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"
#include "storage/tenantscope.h"

using namespace Qt::StringLiterals;

namespace callos::server {

PipelineFeed::PipelineFeed(Database &database, PipelineStatus &status, JsonLog &log,
    std::chrono::milliseconds pollInterval, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_status(status)
    , m_log(log)
{
    m_poll.setInterval(pollInterval);
    connect(&m_poll, &QTimer::timeout, this, &PipelineFeed::poll);
}

bool PipelineFeed::watch(LiveConnection &connection, const QString &orgId, const QString &callId)
{
    const Result<QJsonObject> pipeline = read(orgId, callId);
    if (!pipeline)
        return false;
    const QString callKey = key(orgId, callId);
    Watched &watched = m_calls[callKey];
    watched.orgId = orgId;
    watched.callId = callId;
    watched.members.insert(&connection);
    watched.last = pipeline.value();
    m_byConnection[&connection].insert(callKey);
    connection.send(message(callId, pipeline.value()));
    if (!m_poll.isActive())
        m_poll.start();
    return true;
}

bool PipelineFeed::unwatch(LiveConnection &connection, const QString &orgId, const QString &callId)
{
    const QString callKey = key(orgId, callId);
    auto mine = m_byConnection.find(&connection);
    if (mine == m_byConnection.end() || !mine->remove(callKey))
        return false;
    if (mine->isEmpty())
        m_byConnection.erase(mine);
    if (auto watched = m_calls.find(callKey); watched != m_calls.end()) {
        watched->members.remove(&connection);
        if (watched->members.isEmpty())
            m_calls.erase(watched);
    }
    if (m_calls.isEmpty())
        m_poll.stop();
    return true;
}

void PipelineFeed::forget(LiveConnection &connection)
{
    const QSet<QString> keys = m_byConnection.take(&connection);
    for (const QString &callKey : keys) {
        if (auto watched = m_calls.find(callKey); watched != m_calls.end()) {
            watched->members.remove(&connection);
            if (watched->members.isEmpty())
                m_calls.erase(watched);
        }
    }
    if (m_calls.isEmpty())
        m_poll.stop();
}

void PipelineFeed::poll()
{
    for (Watched &watched : m_calls) {
        const Result<QJsonObject> pipeline = read(watched.orgId, watched.callId);
        // A failed read sends nothing: the members keep the last status,
        // and the next interval tries again.
        if (!pipeline || pipeline.value() == watched.last)
            continue;
        watched.last = pipeline.value();
        const QJsonObject update = message(watched.callId, watched.last);
        for (LiveConnection *member : std::as_const(watched.members))
            member->send(update);
    }
}

Result<QJsonObject> PipelineFeed::read(const QString &orgId, const QString &callId)
{
    // Outside any HTTP request: the hub's work enters its tenant itself.
    const TenantScope::Entered organisation = m_database.tenantScope().enterOrganisation(orgId);
    Result<QJsonObject> pipeline = m_status.ofCall(orgId, callId);
    if (!pipeline)
        m_log.write(u"error"_s, u"live.pipeline_read_failed"_s,
            { { u"org_id"_s, orgId }, { u"call_id"_s, callId }, { u"detail"_s, pipeline.refusal().message } });
    return pipeline;
}

QJsonObject PipelineFeed::message(const QString &callId, const QJsonObject &pipeline)
{
    return { { u"type"_s, u"pipeline"_s }, { u"call"_s, callId }, { u"pipeline"_s, pipeline } };
}

} // namespace callos::server
