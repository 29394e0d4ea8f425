#pragma once

#include "jobs/job.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
struct HttpResponse;

struct ClaudeSettings
{
    QByteArray apiKey; // from the environment only; never in a message
    QString baseUrl = QStringLiteral("https://api.anthropic.com");
    // Model ids change often: a setting, with a current Sonnet as default.
    QString model = QStringLiteral("claude-sonnet-4-5");
    int maxTokens = 8192;
    int connectTimeoutMs = 10000;
    // Without streaming, nothing arrives until the whole answer is
    // written, so "nothing for this long" is as long as the whole wait.
    int stallTimeoutMs = 300000;
    int totalTimeoutMs = 300000;
};

// One block of the system prompt. The stable ones (instructions, the
// playbook) are the same for many calls and come first, so that the
// prefix up to the last of them is cached; the others (this call's
// context) follow.
struct ClaudeSystemBlock
{
    QString text;
    bool stable = false;
};

struct ClaudeRequest
{
    QList<ClaudeSystemBlock> system; // in order, the stable ones first
    QString userText; // the (masked) transcript
    // What the answer must look like (structured output); every object in
    // it must say "additionalProperties": false. Empty: no structured
    // output is asked for, and the answer is still read as a JSON object.
    QJsonObject schema;
};

struct ClaudeUsage
{
    qint64 inputTokens = 0; // after the cached prefix
    qint64 outputTokens = 0;
    qint64 cacheCreationInputTokens = 0;
    qint64 cacheReadInputTokens = 0;
};

// How one request ended.
struct ClaudeResult
{
    enum class Outcome {
        Answered, // `answer` holds the JSON object, checked against the schema
        Refused, // stop_reason "refusal"
        InvalidAnswer, // not JSON, not an object, cut off at max_tokens, not the schema's shape: see `problem`
        Failed, // no answer: the API's error or the network's, see `failure`
    };

    Outcome outcome = Outcome::Failed;
    QJsonObject answer;
    // From Claude's message (all but Failed).
    QString messageId;
    QString model;
    QString stopReason;
    ClaudeUsage usage;
    QString text; // the answer's text, as it came
    // Refused and InvalidAnswer: what is wrong, for admins.
    QString problem;
    // Failed: the message (the API's error type and message, never the
    // key), the API's Retry-After, and whether trying again can help.
    JobFailure failure;

    bool answered() const { return outcome == Outcome::Answered; }
    // How the attempt ends for the job queue, by default: Failed as
    // `failure` says; a refusal is permanent (the same call is refused
    // again); an answer cut off at max_tokens too (the same limit cuts it
    // again); any other invalid answer is tried again (another sample may
    // be right; the job's maxAttempts bounds it). std::nullopt when
    // Answered.
    std::optional<JobFailure> jobFailure() const;
};

// Claude's Messages API (POST {base}/v1/messages, anthropic-version
// 2023-06-01), one blocking request per call on the job workers' thread.
// Sends exactly model, max_tokens, system (text blocks, cache_control on
// the last stable one), messages [{user, text}] and output_config with the
// schema: no temperature, top_p, top_k, tool_choice or prefill (newer
// models refuse them). Retries are not its business: it reports, the job
// queue schedules (with JobFailure::retryAfterMs and jitter).
class ClaudeClient
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ClaudeClient)

public:
    static constexpr auto kApiVersion = "2023-06-01";
    static constexpr auto kPath = "/v1/messages";

    ClaudeClient(ClaudeSettings settings, HttpClient &http, const Clock &clock);

    const ClaudeSettings &settings() const { return m_settings; }

    // The body send() posts.
    QJsonObject requestBody(const ClaudeRequest &request) const;

    ClaudeResult send(const ClaudeRequest &request);

private:
    ClaudeResult failed(const HttpResponse &response) const;
    ClaudeResult read(const QByteArray &body, const QJsonObject &schema) const;
    // The message without the API key, wherever it came from.
    QString withoutKey(QString message) const;

    ClaudeSettings m_settings;
    HttpClient &m_http;
    const Clock &m_clock;
};

} // namespace callos::server
