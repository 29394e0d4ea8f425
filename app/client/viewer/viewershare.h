#pragma once

#include "client/sync/apiresponse.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSize>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace callos::client {

class Account;
class ApiClient;
class CallController;
class PresentationController;

// Shares the running call's slides with the prospect in a browser: makes a
// share link on callos-server (POST /calls/{id}/share-links), then sends the
// slide the prospect sees now (PUT /calls/{id}/slide, PNG) every time it
// changes, until the agent stops (DELETE .../share-links), the call ends or
// another call is opened. The server shows the PNG as is at
// <server>/view/<token>, so what is sent is exactly the presentation
// window's picture, as the function it is given draws and encodes it (this
// layer has no QtGui: the UI draws).
//
// At most one slide is on the wire: changes meanwhile are folded into one
// upload of the latest picture once it is answered, so an agent clicking
// through ten slides sends two pictures, not ten. A failed upload leaves the
// link up; the next change (or a short timer) sends the picture again.
class ViewerShare : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Off, // not sharing; reason() may say why (stopped, call ended, refused)
        Starting, // making the link
        Live, // the prospect's browser shows the current slide
        Behind, // sharing, but the last picture did not reach the server (reason())
    };
    Q_ENUM(State)

    // What the browser is sent: a 720p picture is sharp on a laptop screen
    // and a few dozen KiB as PNG.
    static constexpr QSize kSlideSize { 1280, 720 };

    struct Parts
    {
        ApiClient &api;
        const Account &account;
        const CallController &call;
        const PresentationController &presentation;
        // The picture the presentation window shows now (black when black,
        // the frozen slide when frozen), at kSlideSize, as PNG; the same
        // bytes for the same picture, empty when there is none.
        std::function<QByteArray()> visibleSlidePng;
        // Pushes what is waiting to the server at once (the sync engine's
        // "sync now"): a call just started may not be there yet.
        std::function<void()> syncNow;
    };

    struct Options
    {
        // How long to wait before asking again while the server does not
        // know the call yet (after asking the sync to send it each time).
        QList<int> unknownCallRetryMs { 400, 800, 1600, 3200 };
        // When an upload failed and nothing changed since, try again after this.
        int resendMs = 3000;
    };

    explicit ViewerShare(const Parts &parts, QObject *parent = nullptr);
    ViewerShare(const Parts &parts, const Options &options, QObject *parent = nullptr);
    ~ViewerShare() override;

    State state() const { return m_state; }
    bool isSharing() const { return m_state != State::Off; }
    // Why it is Off or Behind, for the agent; empty when all is well.
    QString reason() const { return m_reason; }
    // The link to give the prospect while sharing; empty otherwise.
    QUrl viewerUrl() const { return m_viewerUrl; }
    // How many pictures the server took since the link was made.
    int slidesDelivered() const { return m_slidesDelivered; }

    // Why sharing cannot start now (signed out, no call running), or empty.
    QString whyNotAvailable() const;
    bool isAvailable() const { return whyNotAvailable().isEmpty(); }

    // Makes a link for the current call; already sharing it: nothing to do.
    void start();
    // Takes the links back (the prospect's page closes) and stops sending.
    void stop();

Q_SIGNALS:
    void stateChanged(callos::client::ViewerShare::State state);
    // Whether sharing can start, or why not, changed (sign-in, call started or ended).
    void availabilityChanged();

private:
    void requestLink();
    void onLinkAnswer(quint64 session, const QString &callId, const ApiResponse &response);
    // The presentation (or what its slide shows) changed: send it soon.
    void slideChanged();
    void scheduleUpload();
    void upload();
    void onUploadAnswer(quint64 session, const ApiResponse &response);
    void revokeLinks(const QString &callId);
    void onCallReplaced();
    void onCallMoved();
    void onAccountChanged();
    // Stops sending, forgets the link, says why (empty: the agent stopped).
    void end(const QString &reason);
    void setState(State state, const QString &reason = {});
    void announceAvailability();
    bool callIsRunning() const;
    QString currentCallId() const;

    ApiClient &m_api;
    const Account &m_account;
    const CallController &m_call;
    std::function<QByteArray()> m_visibleSlidePng;
    std::function<void()> m_syncNow;
    Options m_options;

    State m_state = State::Off;
    QString m_reason;
    QString m_callId;
    QUrl m_viewerUrl;
    // Answers of an earlier start are ignored (they may still revoke).
    quint64 m_session = 0;
    bool m_uploading = false;
    bool m_dirty = false; // the picture may have changed since the last upload began
    QByteArray m_lastSent; // the PNG in flight or delivered; empty after a failure
    int m_slidesDelivered = 0;
    QTimer m_uploadSoon; // 0 ms: lets the presentation window paint first
    QTimer m_linkRetry; // the server did not know the call yet
    int m_linkAttempt = 0;
    QTimer m_resend; // the last upload failed and nothing changed since
    QString m_whyNotAvailable; // as last announced
};

} // namespace callos::client
