#include "client/review/callreview.h"

#include "client/account/account.h"
#include "client/live/livechannel.h"
#include "client/sync/apiclient.h"

using namespace Qt::StringLiterals;

namespace callos::client {

CallReview::CallReview(const Parts &parts, QObject *parent)
    : CallReview(parts, Options(), parent)
{
}

CallReview::CallReview(const Parts &parts, const Options &options, QObject *parent)
    : QObject(parent)
    , m_api(parts.api)
    , m_account(parts.account)
    , m_live(parts.live)
    , m_syncNow(parts.syncNow)
    , m_options(options)
{
    if (m_options.retryMs.isEmpty())
        m_options.retryMs = Options().retryMs;
    m_again.setSingleShot(true);
    connect(&m_again, &QTimer::timeout, this, &CallReview::load);
    m_poll.setInterval(m_options.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &CallReview::load);
    connect(&m_live, &LiveChannel::pipelineChanged, this, &CallReview::onPipeline);
    connect(&m_live, &LiveChannel::watchRefused, this, &CallReview::onRefused);
    connect(&m_live, &LiveChannel::stateChanged, this, &CallReview::updatePolling);
    connect(&m_account, &Account::stateChanged, this, &CallReview::onAccountChanged);
}

CallReview::~CallReview() = default;

QString CallReview::signInFirst()
{
    return tr("Sign in to a CallOS server to get the recording, its transcript and the analysis of this call.");
}

void CallReview::follow(const QString &callId)
{
    if (callId == m_callId && m_state != State::Off)
        return;
    stop();
    m_callId = callId;
    if (m_callId.isEmpty())
        return;
    if (!m_account.isSignedIn()) {
        setState(State::Off, signInFirst());
        return;
    }
    m_live.watchPipeline(m_callId);
    setState(State::Loading);
    load();
}

void CallReview::stop()
{
    if (!m_callId.isEmpty())
        m_live.unwatchPipeline(m_callId);
    ++m_generation;
    m_loading = false;
    m_loadAgain = false;
    m_retrying = false;
    m_attempt = 0;
    m_again.stop();
    m_poll.stop();
    m_data = CallReviewData();
    m_lastPipeline = QJsonObject();
    m_callId.clear();
    setState(State::Off);
}

void CallReview::retry()
{
    if (m_state != State::Ready || m_retrying)
        return;
    m_retrying = true;
    m_reason.clear();
    Q_EMIT changed();
    const quint64 generation = m_generation;
    m_api.post(u"/calls/%1/review/retry"_s.arg(m_callId), {}, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        m_retrying = false;
        if (response.ok()) {
            m_data = CallReviewData::fromJson(response.json);
            m_lastPipeline = response.json.value(u"pipeline"_s).toObject();
        } else {
            m_reason = response.problem->message;
        }
        updatePolling();
        Q_EMIT changed();
    });
}

bool CallReview::isSettled() const
{
    if (m_state != State::Ready)
        return false;
    if (const PipelineStep *recording = m_data.step(u"recording"_s); recording && recording->state == u"no_consent"_s)
        return true;
    return !m_data.steps.isEmpty()
        && std::all_of(m_data.steps.cbegin(), m_data.steps.cend(),
            [](const PipelineStep &step) { return step.isDone() || step.isFailed(); });
}

void CallReview::load()
{
    if (m_callId.isEmpty() || !m_account.isSignedIn())
        return;
    if (m_loading) {
        m_loadAgain = true;
        return;
    }
    m_loading = true;
    const quint64 generation = m_generation;
    m_api.get(u"/calls/%1/review"_s.arg(m_callId), this,
        [this, generation](const ApiResponse &response) { onReview(generation, response); });
}

void CallReview::onReview(quint64 generation, const ApiResponse &response)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (response.ok()) {
        m_attempt = 0;
        m_again.stop();
        m_data = CallReviewData::fromJson(response.json);
        m_lastPipeline = response.json.value(u"pipeline"_s).toObject();
        // Refused earlier, while the call was still on its way.
        if (!m_live.isWatching(m_callId))
            m_live.watchPipeline(m_callId);
        setState(State::Ready);
        updatePolling();
        Q_EMIT changed();
        if (std::exchange(m_loadAgain, false))
            load();
        return;
    }
    m_loadAgain = false;
    const ApiProblem &problem = *response.problem;
    if (problem.kind == ApiProblem::Kind::Cancelled || problem.endsSession())
        return; // signed out, or the account asks the agent to sign in again
    if (problem.code == u"call.not_found"_s) {
        if (m_syncNow)
            m_syncNow();
        scheduleAgain(State::NotOnServer, tr("The server does not have this call yet; sending it now…"));
        return;
    }
    // What was shown stays; the next attempt may bring it up to date.
    scheduleAgain(m_state == State::Ready ? State::Ready : State::Unavailable, problem.message);
}

void CallReview::onPipeline(const QString &callId, const QJsonObject &pipeline)
{
    if (callId != m_callId || m_state == State::Off)
        return;
    // The first push after watching repeats what the review just said.
    if (m_state == State::Ready && pipeline == m_lastPipeline)
        return;
    m_lastPipeline = pipeline;
    const QList<PipelineStep> steps = CallReviewData::stepsFromJson(pipeline);
    if (m_state == State::Ready) {
        // Shown at once; the results of a step just done come with the
        // review read next.
        m_data.steps = steps;
        Q_EMIT changed();
    }
    load();
}

void CallReview::onRefused(const QString &callId)
{
    if (callId == m_callId && m_state != State::Off && !m_loading)
        load();
}

void CallReview::onAccountChanged()
{
    if (m_callId.isEmpty())
        return;
    const QString callId = m_callId;
    if (m_account.isSignedIn()) {
        if (m_state == State::Off) {
            m_callId.clear();
            follow(callId);
        }
        return;
    }
    if (m_account.state() == Account::State::Restoring || m_account.state() == Account::State::SigningIn)
        return;
    stop();
    m_callId = callId; // followed again once signed in
    setState(State::Off, signInFirst());
}

void CallReview::scheduleAgain(State state, const QString &reason)
{
    setState(state, reason);
    m_again.start(m_options.retryMs.at(qMin(m_attempt, int(m_options.retryMs.size()) - 1)));
    ++m_attempt;
}

void CallReview::setState(State state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT changed();
}

void CallReview::updatePolling()
{
    if (m_state != State::Ready || m_live.isReady() || isSettled())
        m_poll.stop();
    else if (!m_poll.isActive())
        m_poll.start();
}

} // namespace callos::client
