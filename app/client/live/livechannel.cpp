#include "client/live/livechannel.h"

#include "client/account/account.h"
#include "client/sync/apiclient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::client {

namespace {

// The server's close code for a token it no longer takes (docs/api.md).
constexpr int kSessionEnded = 4401;

} // namespace

LiveChannel::LiveChannel(ApiClient &api, const Account &account, QObject *parent)
    : LiveChannel(api, account, Options(), parent)
{
}

LiveChannel::LiveChannel(ApiClient &api, const Account &account, const Options &options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_account(account)
    , m_options(options)
{
    if (m_options.reconnectMs.isEmpty())
        m_options.reconnectMs = Options().reconnectMs;
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &LiveChannel::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, &LiveChannel::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &LiveChannel::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveChannel::onMessage);
    // (Qt 6.4 names the signal error(); 6.5 adds errorOccurred.) A refused
    // or unreachable server may end the attempt without a
    // "disconnected"; either way the next attempt is scheduled once.
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this] {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(&m_account, &Account::stateChanged, this, &LiveChannel::onAccountChanged);
    onAccountChanged();
}

LiveChannel::~LiveChannel()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void LiveChannel::watchPipeline(const QString &callId)
{
    if (callId.isEmpty() || m_watched.contains(callId))
        return;
    m_watched.insert(callId);
    if (isReady())
        send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, callId } });
}

void LiveChannel::unwatchPipeline(const QString &callId)
{
    if (!m_watched.remove(callId))
        return;
    if (isReady())
        send({ { u"type"_s, u"unwatch_pipeline"_s }, { u"call"_s, callId } });
}

void LiveChannel::onAccountChanged()
{
    const bool wanted = m_account.isSignedIn();
    if (wanted == m_wanted)
        return;
    m_wanted = wanted;
    m_reconnect.stop();
    m_attempt = 0;
    if (wanted) {
        connectNow();
        return;
    }
    m_socket.abort();
    setState(State::Off);
}

void LiveChannel::connectNow()
{
    if (!m_wanted)
        return;
    setState(State::Connecting);
    m_socket.abort();
    m_socket.open(m_api.webSocketUrlFor(u"/live"_s));
}

void LiveChannel::onConnected()
{
    send({ { u"type"_s, u"hello"_s }, { u"token"_s, m_api.token() } });
}

void LiveChannel::onDisconnected()
{
    if (!m_wanted || m_reconnect.isActive())
        return;
    // A session the server ended stays off: the account notices it at the
    // next request and asks the agent to sign in again, which reconnects.
    if (m_socket.closeCode() == kSessionEnded) {
        m_wanted = false;
        setState(State::Off);
        return;
    }
    setState(State::Waiting);
    m_reconnect.start(m_options.reconnectMs.at(qMin(m_attempt, int(m_options.reconnectMs.size()) - 1)));
    ++m_attempt;
}

void LiveChannel::onMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    const QString callId = message.value(u"call"_s).toString();
    if (type == u"ready"_s) {
        m_attempt = 0;
        setState(State::Ready);
        for (const QString &watched : std::as_const(m_watched))
            send({ { u"type"_s, u"watch_pipeline"_s }, { u"call"_s, watched } });
    } else if (type == u"pipeline"_s && m_watched.contains(callId)) {
        Q_EMIT pipelineChanged(callId, message.value(u"pipeline"_s).toObject());
    } else if (type == u"error"_s && message.value(u"code"_s).toString() == u"call.unknown"_s
        && m_watched.remove(callId)) {
        Q_EMIT watchRefused(callId, message.value(u"message"_s).toString());
    }
}

void LiveChannel::send(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveChannel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace callos::client
