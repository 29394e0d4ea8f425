#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace callos::client {

// Why a request to callos-server did not succeed, in one shape for every
// caller: the server's {"error":{"code","message"}} when it answered, or what
// the network said when it did not. `message` is for the agent, as is.
struct ApiProblem
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::ApiProblem)

public:
    enum class Kind {
        Unreachable, // no connection (refused, no route, no such host, dropped)
        Timeout, // connected, but no answer in time
        Http, // the server answered with an error status
        BadAnswer, // the server answered something that is not our API
        Cancelled, // we gave up on it (signed out, stopped)
    };

    Kind kind = Kind::Http;
    int status = 0; // HTTP status, 0 without an answer
    QString code; // the server's stable code (auth.invalid_credentials, ...), or net.*
    QString message;
    qint64 retryAfterMs = -1; // from Retry-After, -1 when absent

    // The token is no longer good: the agent has to sign in again.
    bool endsSession() const;
    // Worth trying again later as is (network trouble, 5xx, 408, 429).
    bool isTransient() const;
    // No answer at all from the server (we are offline or it is down).
    bool isOffline() const { return kind == Kind::Unreachable || kind == Kind::Timeout; }

    // A 2xx answer without what the API promises (`what`: "a token").
    static ApiProblem badAnswer(const QString &what);
};

// What one request got back. `problem` is set exactly when it failed.
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QByteArray etag;
    std::optional<ApiProblem> problem;

    bool ok() const { return !problem.has_value(); }
};

} // namespace callos::client
