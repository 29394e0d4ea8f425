#pragma once

#include "fakehttpserver.h"

#include <QJsonObject>
#include <QSet>

namespace callos::test {

// Claude's Messages API as the integrations page documents it:
//   POST /v1/messages with x-api-key, anthropic-version: 2023-06-01 and
//   content-type: application/json; a body of model, max_tokens, system
//   (a string or text blocks), messages and output_config (json_schema,
//   every object with "additionalProperties": false).
// It checks requests as the real API would and refuses with its error
// shape ({"type":"error","error":{"type","message"},"request_id"}): 401
// authentication_error for a missing or wrong key, 400
// invalid_request_error for a wrong version or content type, a body
// without model, max_tokens or messages, unknown fields, the fields our
// contract forbids (tool_choice, temperature, top_p, top_k), an assistant
// prefill, more than 4 cache_control breakpoints or a loose schema; 404
// not_found_error elsewhere.
//
// It answers with the configured reply as the text block, and usage
// figures like the real ones: tokens estimated at 4 characters each;
// the system blocks up to the last cache_control (with the model) form
// the cached prefix: the first request with a prefix writes it
// (cache_creation_input_tokens), later ones read it
// (cache_read_input_tokens); prefixes shorter than the model's minimum
// are not cached at all, as the API does.
class FakeClaude : public FakeHttpServer
{
public:
    explicit FakeClaude(QByteArray apiKey);

    QString baseUrl() const { return url(QString()); }

    // The reply to the next requests, until set again: the JSON of
    // `answer` (end_turn; the default is {"summary": "ok"}).
    void setAnswer(const QJsonObject &answer);
    // Any text (end_turn): not JSON, an array, ...
    void setAnswerText(const QString &text);
    // stop_reason "refusal".
    void setRefusal();
    // stop_reason "max_tokens": the JSON of `answer` cut in the middle.
    void setCutOff(const QJsonObject &answer);
    // The smallest prefix that is cached, in tokens (Sonnet: 1024).
    void setMinimumCacheableTokens(int tokens);
    // Forgets the cached prefixes (they live 5 minutes at Anthropic).
    void expireCache();

    // The JSON bodies of the requests to /v1/messages, in order.
    QList<QJsonObject> messageBodies() const;

    // The API's failures, for misbehaveNext().
    static FakeResponse error(
        int status, const QByteArray &type, const QString &message, QList<QPair<QByteArray, QByteArray>> headers = {});
    // 429 rate_limit_error with retry-after.
    static FakeResponse rateLimited(int retryAfterSeconds);
    // 429 rate_limit_error whose details say enforced_spend_limit_reached
    // (no retry-after).
    static FakeResponse spendLimitReached();
    // 529 overloaded_error.
    static FakeResponse overloaded();
    // 500 api_error.
    static FakeResponse internalError();

protected:
    FakeResponse respond(const FakeRequest &request) override;

private:
    QString invalidBody(const QJsonObject &body) const;
    FakeResponse message(const QJsonObject &body);

    const QByteArray m_apiKey;
    QMutex m_stateMutex;
    QString m_text;
    QString m_stopReason;
    int m_minimumCacheableTokens = 1024;
    QSet<QByteArray> m_cachedPrefixes;
    int m_messages = 0;
};

} // namespace callos::test
