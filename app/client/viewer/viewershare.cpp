#include "client/viewer/viewershare.h"

#include "client/account/account.h"
#include "client/call/callcontroller.h"
#include "client/presentation/presentationcontroller.h"
#include "client/sync/apiclient.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

QString callPath(const QString &callId, const QString &rest)
{
    return u"/calls/"_s + QString::fromLatin1(QUrl::toPercentEncoding(callId)) + rest;
}

} // namespace

ViewerShare::ViewerShare(const Parts &parts, QObject *parent) : ViewerShare(parts, Options {}, parent) { }

ViewerShare::ViewerShare(const Parts &parts, const Options &options, QObject *parent)
    : QObject(parent)
    , m_api(parts.api)
    , m_account(parts.account)
    , m_call(parts.call)
    , m_visibleSlidePng(parts.visibleSlidePng)
    , m_syncNow(parts.syncNow)
    , m_options(options)
{
    m_uploadSoon.setSingleShot(true);
    m_uploadSoon.setInterval(0);
    connect(&m_uploadSoon, &QTimer::timeout, this, &ViewerShare::upload);
    m_linkRetry.setSingleShot(true);
    connect(&m_linkRetry, &QTimer::timeout, this, &ViewerShare::requestLink);
    m_resend.setSingleShot(true);
    m_resend.setInterval(m_options.resendMs);
    connect(&m_resend, &QTimer::timeout, this, &ViewerShare::scheduleUpload);

    connect(&parts.presentation, &PresentationController::changed, this, &ViewerShare::slideChanged);
    connect(&m_call, &CallController::eventsCommitted, this, &ViewerShare::onCallMoved);
    connect(&m_call, &CallController::callReplaced, this, &ViewerShare::onCallReplaced);
    connect(&m_account, &Account::stateChanged, this, &ViewerShare::onAccountChanged);
    m_whyNotAvailable = whyNotAvailable();
}

ViewerShare::~ViewerShare() = default;

QString ViewerShare::whyNotAvailable() const
{
    using AccountState = Account::State;
    switch (m_account.state()) {
    case AccountState::SignedIn:
        break;
    case AccountState::Restoring:
    case AccountState::SigningIn:
        return tr("Signing in… Slides can be shared once you are signed in.");
    case AccountState::SessionEnded:
        return tr("Your session with the server ended. Sign in again (Account → Sign in…) to share slides in a "
                  "browser.");
    case AccountState::SignedOut:
        if (m_account.profile().server.isEmpty())
            return tr("No CallOS server is set up. Sign in to your team's server first (Account → Sign in…).");
        return tr("You are signed out. Sign in (Account → Sign in…) to share slides in a browser.");
    }
    if (!callIsRunning())
        return tr("Start or resume a call first: only a running call's slides can be shared.");
    return {};
}

void ViewerShare::start()
{
    if (isSharing() && m_callId == currentCallId())
        return;
    if (isSharing())
        stop();
    if (const QString why = whyNotAvailable(); !why.isEmpty()) {
        setState(State::Off, why);
        return;
    }
    ++m_session;
    m_callId = currentCallId();
    m_viewerUrl.clear();
    m_lastSent.clear();
    m_slidesDelivered = 0;
    m_linkAttempt = 0;
    setState(State::Starting);
    requestLink();
}

void ViewerShare::stop()
{
    if (!isSharing())
        return;
    const QString callId = m_callId;
    // While the link is being made there is none to take back yet; its
    // answer takes it back when it comes (see onLinkAnswer).
    const bool linkMade = m_state != State::Starting;
    end({});
    if (linkMade)
        revokeLinks(callId);
}

void ViewerShare::requestLink()
{
    const quint64 session = m_session;
    const QString callId = m_callId;
    ApiClient::Request request { "POST", callPath(callId, u"/share-links"_s), {}, QJsonObject {}, {} };
    m_api.send(request, this,
        [this, session, callId](const ApiResponse &response) { onLinkAnswer(session, callId, response); });
}

void ViewerShare::onLinkAnswer(quint64 session, const QString &callId, const ApiResponse &response)
{
    if (session != m_session) {
        // Stopped while the link was being made: the prospect must not keep
        // it. (Sharing the same call again since: its new link stays.)
        if (response.ok() && (!isSharing() || m_callId != callId))
            revokeLinks(callId);
        return;
    }
    if (response.ok()) {
        const QString path = response.json.value(u"path"_s).toString();
        if (!path.startsWith(u"/view/"_s)) {
            end(ApiProblem::badAnswer(tr("a viewer link")).message);
            return;
        }
        m_viewerUrl = m_api.pageUrlFor(path);
        setState(State::Live);
        // The prospect sees the current slide as soon as the page opens.
        m_dirty = true;
        scheduleUpload();
        return;
    }
    const ApiProblem &problem = *response.problem;
    if (problem.code == u"call.not_found"_s) {
        // A call started a moment ago may still be on its way to the server
        // (the sync sends it shortly): send it now and ask again.
        if (m_linkAttempt < m_options.unknownCallRetryMs.size()) {
            if (m_syncNow)
                m_syncNow();
            setState(State::Starting, tr("The server does not have this call yet; sending it now…"));
            m_linkRetry.start(m_options.unknownCallRetryMs.at(m_linkAttempt++));
            return;
        }
        end(tr("The server still does not know this call, so there is no link yet. Check the sync in the status bar "
               "(F5 syncs now), then try again."));
    } else if (problem.code == u"call.ended"_s) {
        end(tr("This call has ended on the server, so its slides can no longer be shared."));
    } else {
        end(tr("No link could be made: %1").arg(problem.message));
    }
}

void ViewerShare::slideChanged()
{
    if (m_state != State::Live && m_state != State::Behind)
        return;
    m_dirty = true;
    scheduleUpload();
}

void ViewerShare::scheduleUpload()
{
    // The answer to the upload in flight schedules the next one.
    if (!m_uploading && !m_uploadSoon.isActive())
        m_uploadSoon.start();
}

void ViewerShare::upload()
{
    if ((m_state != State::Live && m_state != State::Behind) || m_uploading || !m_dirty)
        return;
    m_dirty = false;
    m_resend.stop();
    const QByteArray png = m_visibleSlidePng ? m_visibleSlidePng() : QByteArray();
    if (png.isEmpty()) {
        setState(State::Behind, tr("Viewer not updating: the slide could not be made into a picture."));
        return;
    }
    // Many changes leave the picture as it was (the slide's own record
    // arriving, a note typed, black while black): nothing to send.
    if (png == m_lastSent)
        return;
    m_lastSent = png;
    m_uploading = true;
    const quint64 session = m_session;
    ApiClient::Request request { "PUT", callPath(m_callId, u"/slide"_s), {}, std::nullopt, {},
        ApiClient::Payload { "image/png", png } };
    m_api.send(request, this, [this, session](const ApiResponse &response) { onUploadAnswer(session, response); });
}

void ViewerShare::onUploadAnswer(quint64 session, const ApiResponse &response)
{
    if (session != m_session)
        return;
    m_uploading = false;
    if (response.ok()) {
        ++m_slidesDelivered;
        if (m_state == State::Behind)
            setState(State::Live);
        if (m_dirty)
            scheduleUpload();
        return;
    }
    const ApiProblem &problem = *response.problem;
    if (problem.code == u"call.ended"_s) {
        end(tr("The call has ended on the server, and the link with it."));
        return;
    }
    // The prospect still sees the slide before: send the current one again
    // at the next change, and shortly anyway when the trouble may pass by
    // itself (offline, the server busy).
    m_lastSent.clear();
    m_dirty = true;
    setState(State::Behind,
        problem.isOffline() ? tr("Viewer not updating: offline. It catches up as soon as the server can be reached.")
                            : tr("Viewer not updating: %1").arg(problem.message));
    if (problem.isTransient())
        m_resend.start();
}

void ViewerShare::revokeLinks(const QString &callId)
{
    const quint64 session = m_session;
    ApiClient::Request request { "DELETE", callPath(callId, u"/share-links"_s), {}, std::nullopt, {} };
    m_api.send(request, this, [this, session](const ApiResponse &response) {
        if (response.ok() || session != m_session || isSharing())
            return;
        setState(State::Off,
            tr("Sharing stopped here, but the server could not be told (%1). The link ends with the call.")
                .arg(response.problem->message));
    });
}

void ViewerShare::onCallMoved()
{
    announceAvailability();
    if (!isSharing())
        return;
    if (!callIsRunning()) {
        // The server ends the call's links itself once the sync tells it the
        // call is over; nothing is sent from here on.
        end(tr("The call has ended, and sharing with it."));
        return;
    }
    // A field on the slide may have changed (a frozen picture stays as it is).
    slideChanged();
}

void ViewerShare::onCallReplaced()
{
    announceAvailability();
    if (!isSharing())
        return;
    if (currentCallId() == m_callId && callIsRunning()) {
        slideChanged();
        return;
    }
    // The call shared is no longer on screen but may still run on the
    // server: its link must not show a slide that no longer moves.
    const QString callId = m_callId;
    const bool linkMade = m_state != State::Starting;
    end(tr("Another call was opened, so sharing stopped."));
    if (linkMade)
        revokeLinks(callId);
}

void ViewerShare::onAccountChanged()
{
    announceAvailability();
    if (!isSharing() || m_account.isSignedIn())
        return;
    end(tr("You are no longer signed in, so the slides are not sent. The link ends with the call."));
}

void ViewerShare::end(const QString &reason)
{
    ++m_session; // answers still on their way are for a sharing that is over
    m_uploadSoon.stop();
    m_linkRetry.stop();
    m_resend.stop();
    m_uploading = false;
    m_dirty = false;
    m_lastSent.clear();
    m_viewerUrl.clear();
    setState(State::Off, reason);
}

void ViewerShare::setState(State state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged(state);
}

void ViewerShare::announceAvailability()
{
    QString why = whyNotAvailable();
    if (why == m_whyNotAvailable)
        return;
    m_whyNotAvailable = std::move(why);
    Q_EMIT availabilityChanged();
}

bool ViewerShare::callIsRunning() const
{
    if (!m_call.hasCall())
        return false;
    const CallPhase phase = m_call.state().phase;
    return phase == CallPhase::PreCall || phase == CallPhase::InProgress;
}

QString ViewerShare::currentCallId() const
{
    return m_call.hasCall() ? m_call.state().callId : QString();
}

} // namespace callos::client
