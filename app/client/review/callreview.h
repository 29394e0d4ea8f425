#pragma once

#include "client/review/callreviewdata.h"
#include "client/sync/apiresponse.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace callos::client {

class Account;
class ApiClient;
class LiveChannel;

// The work after one call as the agent sees it on the summary page: where
// the recording, the transcription and the analysis stand, live, then the
// analysis itself. It reads GET /calls/{id}/review, watches the call's
// pipeline on the live channel and reads the review again whenever the
// server says a step moved. Without the live channel (it dropped, or the
// server is older) it asks every `pollMs` until every step is settled.
//
// A call that ended a moment ago may not be on the server yet: it asks the
// sync to send it and tries again, with growing pauses.
class CallReview : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Off, // no call followed, or signed out (reason() says so)
        NotOnServer, // the server does not know the call yet; it is being sent
        Loading, // the first answer is on its way
        Ready, // data() holds the review
        Unavailable, // the server cannot be asked now (reason()); retried
    };
    Q_ENUM(State)

    struct Parts
    {
        ApiClient &api;
        const Account &account;
        LiveChannel &live;
        // Pushes what is waiting to the server now (the sync's "sync now").
        std::function<void()> syncNow;
    };

    struct Options
    {
        // Pauses before asking again while the server does not know the
        // call, or cannot be reached; the last repeats.
        QList<int> retryMs{ 1000, 2000, 5000, 10000, 30000 };
        // How often to ask while the live channel is down and work is open.
        int pollMs = 15000;
    };

    CallReview(const Parts &parts, QObject *parent = nullptr);
    CallReview(const Parts &parts, const Options &options, QObject *parent = nullptr);
    ~CallReview() override;

    // Follows `callId` (the one on the summary page); the same call again
    // changes nothing.
    void follow(const QString &callId);
    void stop();
    // Runs every failed step again (POST /calls/{id}/review/retry).
    void retry();

    const QString &callId() const { return m_callId; }
    State state() const { return m_state; }
    // Why it is Off or Unavailable, or what went wrong with a retry.
    const QString &reason() const { return m_reason; }
    const CallReviewData &data() const { return m_data; }
    bool isRetrying() const { return m_retrying; }
    // Every step is done or failed (or nothing will be recorded).
    bool isSettled() const;

Q_SIGNALS:
    void changed();

private:
    void load();
    void onReview(quint64 generation, const ApiResponse &response);
    void onPipeline(const QString &callId, const QJsonObject &pipeline);
    void onRefused(const QString &callId);
    void onAccountChanged();
    void scheduleAgain(State state, const QString &reason);
    void setState(State state, const QString &reason = {});
    void updatePolling();
    static QString signInFirst();

    ApiClient &m_api;
    const Account &m_account;
    LiveChannel &m_live;
    std::function<void()> m_syncNow;
    Options m_options;

    QString m_callId;
    // Answers to an earlier follow() are dropped.
    quint64 m_generation = 0;
    State m_state = State::Off;
    QString m_reason;
    CallReviewData m_data;
    QJsonObject m_lastPipeline; // as the review or the live channel last said
    bool m_loading = false;
    bool m_loadAgain = false; // the pipeline moved while a load was on its way
    bool m_retrying = false;
    int m_attempt = 0;
    QTimer m_again; // after a failure or while the call is not on the server
    QTimer m_poll; // while the live channel is down
};

} // namespace callos::client
