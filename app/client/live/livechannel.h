#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QWebSocket>

namespace callos::client {

class Account;
class ApiClient;

// The app's end of callos-server's live channel (WebSocket /api/v1/live):
// one connection while the account is signed in. It says hello with the
// session token (in the first message, never in the URL), watches the
// pipelines of the calls asked for, and after a dropped connection
// reconnects with growing pauses and watches them all again, so the server
// sends each call's current status anew.
class LiveChannel : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Off, // signed out, or the server ended the session
        Connecting, // connecting or saying hello
        Ready, // the server pushes what is watched
        Waiting, // the connection dropped; the next attempt comes
    };
    Q_ENUM(State)

    struct Options
    {
        // Pauses before each new attempt after a drop; the last repeats.
        QList<int> reconnectMs{ 1000, 2000, 5000, 10000, 30000 };
    };

    LiveChannel(ApiClient &api, const Account &account, QObject *parent = nullptr);
    LiveChannel(ApiClient &api, const Account &account, const Options &options, QObject *parent = nullptr);
    ~LiveChannel() override;

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }

    // Follow the work after a call (recording, transcription, analysis):
    // pipelineChanged() brings its status now and at each change.
    void watchPipeline(const QString &callId);
    void unwatchPipeline(const QString &callId);
    bool isWatching(const QString &callId) const { return m_watched.contains(callId); }

Q_SIGNALS:
    void stateChanged(callos::client::LiveChannel::State state);
    // {recording_id, steps:[{step, state, engine?, attempts?, last_error?,
    // next_attempt_at?}]} as GET /calls/{id}/review's "pipeline".
    void pipelineChanged(const QString &callId, const QJsonObject &pipeline);
    // The server does not know the call (not synced yet) or it is not this
    // agent's: it is no longer watched.
    void watchRefused(const QString &callId, const QString &message);

private:
    void onAccountChanged();
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &text);
    void send(const QJsonObject &message);
    void setState(State state);

    ApiClient &m_api;
    const Account &m_account;
    Options m_options;
    QWebSocket m_socket;
    QTimer m_reconnect;
    int m_attempt = 0;
    QSet<QString> m_watched;
    State m_state = State::Off;
    bool m_wanted = false; // signed in: keep a connection up
};

} // namespace callos::client
