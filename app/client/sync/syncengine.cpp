#include "client/sync/syncengine.h"

#include "client/store/calleventstore.h"
#include "client/sync/apiclient.h"
#include "client/sync/backoffpolicy.h"
#include "client/sync/playbookcache.h"
#include "client/sync/prospectcache.h"
#include "client/sync/prospectjson.h"
#include "client/sync/refusedevents.h"
#include "common/clock.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

QString pathId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

SyncEngine::SyncEngine(const Parts &parts, QObject *parent) : SyncEngine(parts, Options {}, parent) { }

SyncEngine::SyncEngine(const Parts &parts, const Options &options, QObject *parent)
    : QObject(parent)
    , m_api(parts.api)
    , m_outbox(parts.outbox)
    , m_refused(parts.refused)
    , m_prospects(parts.prospects)
    , m_events(parts.events)
    , m_playbook(parts.playbook)
    , m_backoff(parts.backoff)
    , m_clock(parts.clock)
    , m_options(options)
{
    qRegisterMetaType<SyncStatus>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(m_options.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::runRound);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::runRound);
    m_pullTimer.setInterval(m_options.pullIntervalMs);
    connect(&m_pullTimer, &QTimer::timeout, this, [this] {
        m_pullDue = true;
        runRound();
    });
    m_countRefresh.setSingleShot(true);
    m_countRefresh.setInterval(200);
    connect(&m_countRefresh, &QTimer::timeout, this, &SyncEngine::refreshCounts);
    refreshCounts();
}

SyncEngine::~SyncEngine()
{
    m_api.cancel(this);
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_pullDue = true;
    m_backoff.succeeded();
    m_pullTimer.start();
    runRound();
}

void SyncEngine::stop()
{
    m_running = false;
    m_busy = false;
    m_again = false;
    ++m_round;
    m_debounce.stop();
    m_retry.stop();
    m_pullTimer.stop();
    m_api.cancel(this);
    refreshCounts();
    setStatus(SyncStatus::State::Stopped);
}

void SyncEngine::syncNow()
{
    if (!m_running)
        return;
    m_pullDue = true;
    m_debounce.stop();
    m_retry.stop(); // the agent asked: no waiting out the backoff
    runRound();
}

void SyncEngine::localChanged()
{
    if (!m_countRefresh.isActive())
        m_countRefresh.start();
    if (!m_running)
        return;
    // While a retry is scheduled the backoff decides; a change does not
    // make the server come back sooner.
    if (m_retry.isActive())
        return;
    if (m_busy) {
        m_again = true;
        return;
    }
    // "Synced" is no longer true; the count follows with the next refresh.
    if (m_status.state == SyncStatus::State::Synced) {
        m_status.state = SyncStatus::State::Syncing;
        Q_EMIT statusChanged(m_status);
    }
    m_debounce.start();
}

void SyncEngine::refreshCounts()
{
    const Result<int> pending = m_outbox.pendingCount();
    const Result<int> refused = m_refused.count();
    SyncStatus status = m_status;
    if (pending)
        status.pending = pending.value();
    if (refused)
        status.refused = refused.value();
    if (status != m_status) {
        const bool refusedMoved = status.refused != m_status.refused;
        m_status = status;
        Q_EMIT statusChanged(m_status);
        if (refusedMoved)
            Q_EMIT refusedChanged(m_status.refused);
    }
}

std::optional<Refusal> SyncEngine::sendRefusedAgain(const QStringList &eventIds)
{
    if (auto refusal = m_refused.sendAgain(eventIds))
        return refusal;
    refreshCounts();
    if (m_running)
        localChanged();
    return std::nullopt;
}

std::optional<Refusal> SyncEngine::keepRefusedLocalOnly(const QStringList &eventIds)
{
    if (auto refusal = m_refused.keepLocalOnly(eventIds, m_clock.nowMs()))
        return refusal;
    refreshCounts();
    return std::nullopt;
}

void SyncEngine::setStatus(SyncStatus::State state, const QString &reason, qint64 retryAtMs)
{
    SyncStatus status = m_status;
    status.state = state;
    status.reason = reason;
    status.retryAtMs = retryAtMs;
    if (const Result<int> pending = m_outbox.pendingCount())
        status.pending = pending.value();
    if (const Result<int> refused = m_refused.count())
        status.refused = refused.value();
    if (status == m_status)
        return;
    const bool refusedMoved = status.refused != m_status.refused;
    m_status = status;
    Q_EMIT statusChanged(m_status);
    if (refusedMoved)
        Q_EMIT refusedChanged(m_status.refused);
}

void SyncEngine::runRound()
{
    if (!m_running)
        return;
    if (m_busy || m_inFlight > 0) {
        // Never two pushes at once: the answer of one decides what the next sends.
        m_again = true;
        return;
    }
    m_busy = true;
    m_again = false;
    m_debounce.stop();
    m_retry.stop();
    m_problems.clear();
    m_pullThisRound = m_pullDue;
    m_pullDue = false;
    ++m_round;
    setStatus(SyncStatus::State::Syncing);
    pushProspects();
}

void SyncEngine::request(const QByteArray &method, const QString &path, const QJsonObject *body, const QUrlQuery &query,
    const QByteArray &ifNoneMatch, std::function<void(const ApiResponse &)> onAnswer)
{
    ApiClient::Request request;
    request.method = method;
    request.path = path;
    request.query = query;
    if (body)
        request.body = *body;
    request.ifNoneMatch = ifNoneMatch;
    const quint64 round = m_round;
    ++m_inFlight;
    m_api.send(request, this, [this, round, onAnswer = std::move(onAnswer)](const ApiResponse &response) {
        --m_inFlight;
        if (round != m_round || !m_running) {
            // A stale answer: if a round waited for the wire to be free, go.
            if (m_again && !m_busy && m_inFlight == 0)
                QTimer::singleShot(0, this, &SyncEngine::runRound);
            return;
        }
        if (response.problem && response.problem->endsSession()) {
            // Whoever owns the sign-in heard it too (ApiClient::sessionEnded)
            // and asks the agent; nothing is lost, the outbox stays.
            const QString reason = response.problem->message;
            stop();
            setStatus(SyncStatus::State::Stopped, reason);
            Q_EMIT roundFinished(false);
            return;
        }
        onAnswer(response);
    });
}

void SyncEngine::pushProspects()
{
    Result<QList<Prospect>> due = m_outbox.prospectsToPush();
    if (!due)
        return failRound(due.refusal());
    m_prospectQueue = std::move(due).value();
    pushNextProspect();
}

void SyncEngine::pushNextProspect()
{
    if (m_prospectQueue.isEmpty())
        return pushCalls();
    const Prospect prospect = m_prospectQueue.takeFirst();
    const QJsonObject body = ProspectJson::toPutBody(prospect);
    request("PUT", u"/prospects/"_s + pathId(prospect.id), &body, {}, {}, [this, prospect](const ApiResponse &answer) {
        if (answer.problem) {
            if (answer.problem->isTransient() || answer.problem->kind == ApiProblem::Kind::Cancelled)
                return failRound(*answer.problem);
            noteProblem(tr("The server did not take prospect %1: %2").arg(prospect.name, answer.problem->message));
            return pushNextProspect();
        }
        if (auto refusal = m_outbox.markProspectPushed(prospect.id, prospect.updatedAt))
            return failRound(*refusal);
        pushNextProspect();
    });
}

void SyncEngine::pushCalls()
{
    Result<QList<CallToPush>> due = m_outbox.callsToPush();
    if (!due)
        return failRound(due.refusal());
    m_callQueue = std::move(due).value();
    pushNextCall();
}

void SyncEngine::pushNextCall()
{
    if (m_callQueue.isEmpty())
        return pushEvents();
    const CallToPush call = m_callQueue.takeFirst();
    const QJsonObject body { { u"prospect_id"_s, call.prospectId } };
    request("PUT", u"/calls/"_s + pathId(call.id), &body, {}, {}, [this, call](const ApiResponse &answer) {
        if (answer.problem) {
            if (answer.problem->isTransient() || answer.problem->kind == ApiProblem::Kind::Cancelled)
                return failRound(*answer.problem);
            noteProblem(tr("The server did not take call %1: %2").arg(call.id, answer.problem->message));
            return pushNextCall();
        }
        if (auto refusal = m_outbox.markCallPushed(call.id, m_clock.nowMs()))
            return failRound(*refusal);
        pushNextCall();
    });
}

void SyncEngine::pushEvents()
{
    Result<QList<EventToPush>> due = m_outbox.eventsToPush(m_options.eventBatch, m_options.maxBatchBytes);
    if (!due)
        return failRound(due.refusal());
    const QList<EventToPush> batch = std::move(due).value();
    if (batch.isEmpty()) {
        if (m_pullThisRound)
            return pullProspects(0);
        return finishRound();
    }
    QJsonArray events;
    for (const EventToPush &event : batch)
        events.append(event.json);
    const QJsonObject body { { u"events"_s, events } };
    request("POST", u"/events"_s, &body, {}, {},
        [this, batch](const ApiResponse &answer) { handleEventsAnswer(batch, answer); });
}

void SyncEngine::handleEventsAnswer(const QList<EventToPush> &sent, const ApiResponse &answer)
{
    if (answer.problem) {
        if (answer.problem->isTransient() || answer.problem->kind == ApiProblem::Kind::Cancelled)
            return failRound(*answer.problem);
        // The batch as a whole was refused (too large, malformed): nothing
        // in it can be told apart, so the round stops here and says why.
        return failRound(*answer.problem);
    }
    QSet<QString> sentIds;
    for (const EventToPush &event : sent)
        sentIds.insert(event.id);
    const QJsonValue acceptedValue = answer.json.value(u"accepted"_s);
    const QJsonValue refusedValue = answer.json.value(u"refused"_s);
    if (!acceptedValue.isArray() || !refusedValue.isArray())
        return failRound(ApiProblem::badAnswer(tr("the lists of accepted and refused events")));
    QStringList accepted;
    for (const QJsonValue &id : acceptedValue.toArray()) {
        if (sentIds.remove(id.toString()))
            accepted.append(id.toString());
    }
    QList<EventRefusal> refused;
    for (const QJsonValue &value : refusedValue.toArray()) {
        const QJsonObject entry = value.toObject();
        const QString id = entry.value(u"id"_s).toString();
        if (!sentIds.remove(id))
            continue;
        QString message = entry.value(u"message"_s).toString();
        const QString code = entry.value(u"code"_s).toString();
        if (message.isEmpty())
            message = tr("Refused by the server (%1).").arg(code);
        refused.append(EventRefusal { id, code, message });
    }
    if (accepted.isEmpty() && refused.isEmpty())
        return failRound(ApiProblem::badAnswer(tr("an answer for the events that were sent")));
    if (auto problem = m_events.markAcknowledged(accepted, m_clock.nowMs()))
        return failRound(*problem);
    if (auto problem = m_refused.record(refused, m_clock.nowMs()))
        return failRound(*problem);
    setStatus(SyncStatus::State::Syncing);
    // Ids the answer left out stay in the outbox and go with the next batch.
    pushEvents();
}

void SyncEngine::pullProspects(int offset)
{
    if (offset == 0)
        m_pulled.clear();
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_options.prospectPage));
    query.addQueryItem(u"offset"_s, QString::number(offset));
    request("GET", u"/prospects"_s, nullptr, query, {}, [this, offset](const ApiResponse &answer) {
        if (answer.problem) {
            if (answer.problem->isTransient() || answer.problem->kind == ApiProblem::Kind::Cancelled)
                return failRound(*answer.problem);
            noteProblem(tr("The prospects cannot be fetched from the server: %1").arg(answer.problem->message));
            return pullPlaybook();
        }
        const QJsonValue list = answer.json.value(u"prospects"_s);
        if (!list.isArray())
            return failRound(ApiProblem::badAnswer(tr("the list of prospects")));
        const QJsonArray page = list.toArray();
        int skipped = 0;
        for (const QJsonValue &value : page) {
            const Result<Prospect> prospect = ProspectJson::fromJson(value.toObject());
            if (prospect)
                m_pulled.append(prospect.value());
            else
                ++skipped;
        }
        if (skipped > 0)
            noteProblem(tr("%n prospect(s) from the server could not be read.", nullptr, skipped));
        const int total = answer.json.value(u"total"_s).toInt();
        const int next = offset + int(page.size());
        if (!page.isEmpty() && next < total)
            return pullProspects(next);
        const Result<ProspectCache::Merged> merged = m_prospects.merge(m_pulled);
        m_pulled.clear();
        if (!merged)
            return failRound(merged.refusal());
        if (merged.value().skipped > 0)
            noteProblem(tr("%n prospect(s) from the server cannot be stored here.", nullptr, merged.value().skipped));
        if (merged.value().changed > 0)
            Q_EMIT prospectsPulled(merged.value().changed);
        pullPlaybook();
    });
}

void SyncEngine::pullPlaybook()
{
    if (!m_playbook)
        return finishRound();
    request("GET", u"/playbook"_s, nullptr, {}, m_playbook->etag(), [this](const ApiResponse &answer) {
        if (answer.problem) {
            if (answer.problem->isTransient() || answer.problem->kind == ApiProblem::Kind::Cancelled)
                return failRound(*answer.problem);
            noteProblem(tr("The playbook cannot be fetched from the server: %1").arg(answer.problem->message));
            return finishRound();
        }
        if (answer.status == 304)
            return finishRound();
        if (auto refusal = m_playbook->store(answer.body, answer.etag))
            noteProblem(refusal->message);
        else
            Q_EMIT playbookPulled();
        finishRound();
    });
}

void SyncEngine::noteProblem(const QString &message)
{
    m_problems.append(message);
}

void SyncEngine::finishRound()
{
    m_busy = false;
    if (m_problems.isEmpty()) {
        m_backoff.succeeded();
        setStatus(SyncStatus::State::Synced);
    } else {
        // Something the server will not take as it is: try again later (an
        // admin may fix it) without hammering, and say what it is.
        const qint64 delay = m_backoff.failed();
        setStatus(SyncStatus::State::Error, m_problems.join(u'\n'), m_backoff.nextAttemptAtMs());
        scheduleRetry(delay);
    }
    Q_EMIT roundFinished(m_problems.isEmpty());
    if (m_again && m_running && !m_retry.isActive())
        QTimer::singleShot(0, this, &SyncEngine::runRound);
}

void SyncEngine::failRound(const ApiProblem &problem)
{
    m_busy = false;
    const qint64 delay = m_backoff.failed(problem.retryAfterMs);
    const bool offline = problem.isOffline() || problem.kind == ApiProblem::Kind::Cancelled;
    setStatus(
        offline ? SyncStatus::State::Offline : SyncStatus::State::Error, problem.message, m_backoff.nextAttemptAtMs());
    scheduleRetry(delay);
    Q_EMIT roundFinished(false);
}

void SyncEngine::failRound(const Refusal &refusal)
{
    m_busy = false;
    const qint64 delay = m_backoff.failed();
    setStatus(SyncStatus::State::Error, refusal.message, m_backoff.nextAttemptAtMs());
    scheduleRetry(delay);
    Q_EMIT roundFinished(false);
}

void SyncEngine::scheduleRetry(qint64 delayMs)
{
    if (!m_running)
        return;
    m_retry.start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
}

} // namespace callos::client
