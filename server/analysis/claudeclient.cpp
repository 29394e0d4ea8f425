#include "analysis/claudeclient.h"

#include "analysis/jsonschemacheck.h"
#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kService = u"Claude"_s;

ClaudeResult failure(const QString &message, std::optional<qint64> retryAfterMs, bool permanent)
{
    ClaudeResult result;
    result.outcome = ClaudeResult::Outcome::Failed;
    result.failure = JobFailure{ message, retryAfterMs, permanent };
    return result;
}

// The organisation's monthly spend cap: a 429 like a rate limit, but no
// wait short of next month (or a raised limit) helps. The code comes in
// error.details.error_code; older answers only name it in the message.
bool isSpendLimit(const QJsonObject &error)
{
    const QString code = u"enforced_spend_limit_reached"_s;
    return error.value(u"details"_s).toObject().value(u"error_code"_s).toString() == code
        || error.value(u"type"_s).toString() == code || error.value(u"message"_s).toString().contains(code);
}

} // namespace

std::optional<JobFailure> ClaudeResult::jobFailure() const
{
    switch (outcome) {
    case Outcome::Answered:
        return std::nullopt;
    case Outcome::Refused:
        return JobFailure{ problem, std::nullopt, true };
    case Outcome::InvalidAnswer:
        return JobFailure{ problem, std::nullopt, stopReason == u"max_tokens"_s };
    case Outcome::Failed:
        break;
    }
    return failure;
}

ClaudeClient::ClaudeClient(ClaudeSettings settings, HttpClient &http, const Clock &clock)
    : m_settings(std::move(settings))
    , m_http(http)
    , m_clock(clock)
{
}

QJsonObject ClaudeClient::requestBody(const ClaudeRequest &request) const
{
    QJsonObject body{
        { u"model"_s, m_settings.model },
        { u"max_tokens"_s, m_settings.maxTokens },
        { u"messages"_s, QJsonArray{ QJsonObject{ { u"role"_s, u"user"_s }, { u"content"_s, request.userText } } } },
    };
    if (!request.system.isEmpty()) {
        // One breakpoint, on the last stable block: the prefix up to it
        // (tools, then system) is what stays the same from call to call.
        qsizetype lastStable = -1;
        for (qsizetype i = 0; i < request.system.size(); ++i) {
            if (request.system.at(i).stable)
                lastStable = i;
        }
        QJsonArray system;
        for (qsizetype i = 0; i < request.system.size(); ++i) {
            QJsonObject block{ { u"type"_s, u"text"_s }, { u"text"_s, request.system.at(i).text } };
            if (i == lastStable)
                block.insert(u"cache_control"_s, QJsonObject{ { u"type"_s, u"ephemeral"_s } });
            system.append(block);
        }
        body.insert(u"system"_s, system);
    }
    if (!request.schema.isEmpty()) {
        body.insert(u"output_config"_s,
            QJsonObject{
                { u"format"_s, QJsonObject{ { u"type"_s, u"json_schema"_s }, { u"schema"_s, request.schema } } } });
    }
    return body;
}

ClaudeResult ClaudeClient::send(const ClaudeRequest &request)
{
    if (m_settings.apiKey.isEmpty())
        return failure(tr("No API key for Claude is set."), std::nullopt, true);
    // The API refuses such a schema with a 400; saying where is more use.
    if (const QString problem = JsonSchemaCheck::strictnessProblem(request.schema); !problem.isEmpty())
        return failure(tr("The answer's schema is not strict: %1").arg(problem), std::nullopt, true);

    HttpRequest http;
    http.method = "POST";
    QString base = m_settings.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    http.url = base + QLatin1String(kPath);
    http.headers = {
        { "x-api-key", m_settings.apiKey },
        { "anthropic-version", kApiVersion },
        { "content-type", "application/json" },
    };
    http.body = QJsonDocument(requestBody(request)).toJson(QJsonDocument::Compact);
    http.connectTimeoutMs = m_settings.connectTimeoutMs;
    http.stallTimeoutMs = m_settings.stallTimeoutMs;
    http.totalTimeoutMs = m_settings.totalTimeoutMs;
    const HttpResponse response = m_http.send(http);
    if (!response.ok())
        return failed(response);
    return read(response.body, request.schema);
}

ClaudeResult ClaudeClient::failed(const HttpResponse &response) const
{
    const std::optional<JobFailure> base = HttpJobFailure::of(response, kService, m_clock.nowMs());
    ClaudeResult result = failure(withoutKey(base ? base->message : tr("Claude did not answer.")),
        base ? base->retryAfterMs : std::nullopt, base && base->permanent);
    if (!response.error.isEmpty())
        return result; // no answer: a timeout, a cut connection

    // {"type":"error","error":{"type","message"},"request_id"}; a proxy's
    // page in front of the API has none of it, and the status alone says
    // what to do.
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonObject error = body.value(u"error"_s).toObject();
    const QString type = error.value(u"type"_s).toString();
    const QString message = error.value(u"message"_s).toString();
    QString text = type.isEmpty() ? tr("Claude answered HTTP %1.").arg(response.status)
                                  : tr("Claude answered HTTP %1: %2: %3").arg(response.status).arg(type, message);
    QString requestId = body.value(u"request_id"_s).toString();
    if (requestId.isEmpty())
        requestId = QString::fromLatin1(response.header("request-id"));
    if (!requestId.isEmpty())
        text += u' ' + tr("(request %1)").arg(requestId);
    if (response.status == 429 && isSpendLimit(error)) {
        text += u' ' + tr("The organisation's spend limit is reached: nothing is tried again until it is raised.");
        result.failure.permanent = true;
        result.failure.retryAfterMs = std::nullopt;
    }
    result.failure.message = withoutKey(text);
    return result;
}

ClaudeResult ClaudeClient::read(const QByteArray &body, const QJsonObject &schema) const
{
    // A body that is not a message is a transport problem (cut, or a proxy
    // answered): another try can get the whole thing.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject message = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || message.value(u"type"_s).toString() != u"message"_s || !message.value(u"content"_s).isArray()) {
        const QString why
            = parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("it is not a message");
        return failure(tr("Claude's answer could not be read: %1").arg(why), std::nullopt, false);
    }

    ClaudeResult result;
    result.messageId = message.value(u"id"_s).toString();
    result.model = message.value(u"model"_s).toString();
    result.stopReason = message.value(u"stop_reason"_s).toString();
    const QJsonObject usage = message.value(u"usage"_s).toObject();
    result.usage.inputTokens = usage.value(u"input_tokens"_s).toInteger();
    result.usage.outputTokens = usage.value(u"output_tokens"_s).toInteger();
    result.usage.cacheCreationInputTokens = usage.value(u"cache_creation_input_tokens"_s).toInteger();
    result.usage.cacheReadInputTokens = usage.value(u"cache_read_input_tokens"_s).toInteger();
    const QJsonArray content = message.value(u"content"_s).toArray();
    for (const QJsonValue &block : content) {
        if (block.toObject().value(u"type"_s).toString() == u"text"_s)
            result.text += block.toObject().value(u"text"_s).toString();
    }

    const auto invalid = [&result](const QString &problem) {
        result.outcome = ClaudeResult::Outcome::InvalidAnswer;
        result.problem = problem;
        return result;
    };
    if (result.stopReason == u"refusal"_s) {
        result.outcome = ClaudeResult::Outcome::Refused;
        result.problem = tr("Claude declined to answer (stop_reason \"refusal\", message %1).").arg(result.messageId);
        return result;
    }
    if (result.stopReason == u"max_tokens"_s)
        return invalid(tr("The answer was cut off at max_tokens (%1).").arg(m_settings.maxTokens));
    if (result.stopReason != u"end_turn"_s && result.stopReason != u"stop_sequence"_s)
        return invalid(tr("Claude stopped for an unexpected reason: \"%1\".").arg(result.stopReason));

    const QByteArray text = result.text.toUtf8();
    const QJsonDocument answer = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument reads only objects and arrays at the top: a lone
        // string or number is JSON too, just not the object asked for.
        const QJsonDocument wrapped = QJsonDocument::fromJson(QByteArray('[' + text + ']'));
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return invalid(tr("The answer is JSON but not an object."));
        return invalid(
            tr("The answer is not JSON: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!answer.isObject())
        return invalid(tr("The answer is JSON but not an object."));
    if (const QString mismatch = JsonSchemaCheck::mismatch(answer.object(), schema); !mismatch.isEmpty())
        return invalid(tr("The answer does not follow the schema: %1").arg(mismatch));
    result.outcome = ClaudeResult::Outcome::Answered;
    result.answer = answer.object();
    return result;
}

QString ClaudeClient::withoutKey(QString message) const
{
    if (!m_settings.apiKey.isEmpty())
        message.replace(QString::fromUtf8(m_settings.apiKey), u"[api key]"_s);
    return message;
}

} // namespace callos::server
