#include "fakeclaude.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <atomic>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

qint64 tokens(qsizetype characters)
{
    return (characters + 3) / 4;
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return value.toString().toUtf8();
}

bool isPositiveInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() >= 1 && value.toDouble() == double(value.toInteger());
}

// A text block of system or of a message's content; counts its breakpoint.
QString invalidTextBlock(const QJsonValue &value, const QString &path, int &breakpoints)
{
    const QJsonObject block = value.toObject();
    if (!value.isObject() || block.value(u"type"_s).toString() != u"text"_s)
        return path + u".type: Input should be 'text'"_s;
    if (!block.value(u"text"_s).isString())
        return path + u".text: Field required"_s;
    for (auto it = block.constBegin(); it != block.constEnd(); ++it) {
        if (it.key() != u"type"_s && it.key() != u"text"_s && it.key() != u"cache_control"_s)
            return path + u'.' + it.key() + u": Extra inputs are not permitted"_s;
    }
    if (block.contains(u"cache_control"_s)) {
        const QJsonObject cache = block.value(u"cache_control"_s).toObject();
        if (cache.value(u"type"_s).toString() != u"ephemeral"_s)
            return path + u".cache_control.type: Input should be 'ephemeral'"_s;
        ++breakpoints;
    }
    return {};
}

// Every object of a structured output's schema must be closed: the path
// of the first that is not.
QString looseObject(const QJsonObject &schema, const QString &path)
{
    const QJsonValue type = schema.value(u"type"_s);
    const bool isObject
        = type == QJsonValue(u"object"_s) || type.toArray().contains(u"object"_s) || schema.contains(u"properties"_s);
    if (isObject && schema.value(u"additionalProperties"_s) != QJsonValue(false))
        return path;
    for (const auto &keyword : { u"properties"_s, u"$defs"_s, u"definitions"_s }) {
        const QJsonObject children = schema.value(keyword).toObject();
        for (auto it = children.constBegin(); it != children.constEnd(); ++it) {
            if (QString found = looseObject(it.value().toObject(), path + u'.' + keyword + u'.' + it.key());
                !found.isEmpty())
                return found;
        }
    }
    for (const auto &keyword : { u"items"_s, u"additionalProperties"_s, u"not"_s }) {
        if (schema.value(keyword).isObject()) {
            if (QString found = looseObject(schema.value(keyword).toObject(), path + u'.' + keyword); !found.isEmpty())
                return found;
        }
    }
    for (const auto &keyword : { u"anyOf"_s, u"allOf"_s, u"oneOf"_s, u"prefixItems"_s }) {
        const QJsonArray children = schema.value(keyword).toArray();
        for (qsizetype i = 0; i < children.size(); ++i) {
            const QString at = path + u'.' + keyword + u'[' + QString::number(i) + u']';
            if (QString found = looseObject(children.at(i).toObject(), at); !found.isEmpty())
                return found;
        }
    }
    return {};
}

} // namespace

FakeClaude::FakeClaude(QByteArray apiKey)
    : m_apiKey(std::move(apiKey))
{
    setAnswer(QJsonObject{ { u"summary"_s, u"ok"_s } });
}

void FakeClaude::setAnswer(const QJsonObject &answer)
{
    setAnswerText(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
}

void FakeClaude::setAnswerText(const QString &text)
{
    const QMutexLocker lock(&m_stateMutex);
    m_text = text;
    m_stopReason = u"end_turn"_s;
}

void FakeClaude::setRefusal()
{
    const QMutexLocker lock(&m_stateMutex);
    m_text = u"I can't help with that request."_s;
    m_stopReason = u"refusal"_s;
}

void FakeClaude::setCutOff(const QJsonObject &answer)
{
    const QString whole = QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    const QMutexLocker lock(&m_stateMutex);
    m_text = whole.left(whole.size() / 2);
    m_stopReason = u"max_tokens"_s;
}

void FakeClaude::setMinimumCacheableTokens(int tokens)
{
    const QMutexLocker lock(&m_stateMutex);
    m_minimumCacheableTokens = tokens;
}

void FakeClaude::expireCache()
{
    const QMutexLocker lock(&m_stateMutex);
    m_cachedPrefixes.clear();
}

QList<QJsonObject> FakeClaude::messageBodies() const
{
    QList<QJsonObject> bodies;
    for (const FakeRequest &request : requestsTo(u"/v1/messages"_s))
        bodies.append(QJsonDocument::fromJson(request.body).object());
    return bodies;
}

FakeResponse FakeClaude::error(
    int status, const QByteArray &type, const QString &message, QList<QPair<QByteArray, QByteArray>> headers)
{
    static std::atomic<int> counter = 0;
    const QString requestId = u"req_fake_error_%1"_s.arg(++counter);
    headers.append({ "request-id", requestId.toUtf8() });
    const QJsonObject body{
        { u"type"_s, u"error"_s },
        { u"error"_s, QJsonObject{ { u"type"_s, QString::fromLatin1(type) }, { u"message"_s, message } } },
        { u"request_id"_s, requestId },
    };
    return FakeResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(headers));
}

FakeResponse FakeClaude::rateLimited(int retryAfterSeconds)
{
    return error(429, "rate_limit_error",
        u"This request would exceed the rate limit for your organization of 450,000 input tokens per minute."_s,
        { { "retry-after", QByteArray::number(retryAfterSeconds) } });
}

FakeResponse FakeClaude::spendLimitReached()
{
    FakeResponse response = error(429, "rate_limit_error",
        u"Your organization has reached its monthly usage limit. Access resumes on the first of next month."_s);
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QJsonObject details = body.value(u"error"_s).toObject();
    details.insert(u"details"_s, QJsonObject{ { u"error_code"_s, u"enforced_spend_limit_reached"_s } });
    body.insert(u"error"_s, details);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

FakeResponse FakeClaude::overloaded()
{
    return error(529, "overloaded_error", u"Overloaded"_s);
}

FakeResponse FakeClaude::internalError()
{
    return error(500, "api_error", u"Internal server error"_s);
}

FakeResponse FakeClaude::respond(const FakeRequest &request)
{
    if (request.method != "POST" || request.path != u"/v1/messages"_s)
        return error(404, "not_found_error", u"Not found"_s);
    const QByteArray key = request.header("x-api-key");
    if (key.isEmpty())
        return error(401, "authentication_error", u"x-api-key header is required"_s);
    if (key != m_apiKey)
        return error(401, "authentication_error", u"invalid x-api-key"_s);
    const QByteArray version = request.header("anthropic-version");
    if (version.isEmpty())
        return error(400, "invalid_request_error", u"anthropic-version: header is required"_s);
    if (version != "2023-06-01")
        return error(
            400, "invalid_request_error", u"anthropic-version: invalid version %1"_s.arg(QString::fromLatin1(version)));
    if (!request.header("content-type").startsWith("application/json"))
        return error(400, "invalid_request_error", u"content-type: must be application/json"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(
            400, "invalid_request_error", u"There was an issue with the format of your request: invalid JSON"_s);
    if (const QString problem = invalidBody(document.object()); !problem.isEmpty())
        return error(400, "invalid_request_error", problem);
    return message(document.object());
}

QString FakeClaude::invalidBody(const QJsonObject &body) const
{
    static const QStringList forbidden{ u"tool_choice"_s, u"temperature"_s, u"top_p"_s, u"top_k"_s };
    static const QStringList known{ u"model"_s, u"max_tokens"_s, u"messages"_s, u"system"_s, u"output_config"_s,
        u"metadata"_s, u"stop_sequences"_s, u"stream"_s, u"tools"_s, u"thinking"_s, u"service_tier"_s };
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (forbidden.contains(it.key()))
            return it.key() + u": not accepted (the integrations contract forbids it; newer models refuse it)"_s;
        if (!known.contains(it.key()))
            return it.key() + u": Extra inputs are not permitted"_s;
    }
    if (!body.value(u"model"_s).isString() || body.value(u"model"_s).toString().isEmpty())
        return u"model: Field required"_s;
    if (!body.contains(u"max_tokens"_s))
        return u"max_tokens: Field required"_s;
    if (!isPositiveInteger(body.value(u"max_tokens"_s)))
        return u"max_tokens: Input should be a valid integer greater than or equal to 1"_s;
    if (body.value(u"stream"_s).toBool())
        return u"stream: the fake does not stream"_s;

    int breakpoints = 0;
    const QJsonValue system = body.value(u"system"_s);
    if (system.isArray()) {
        const QJsonArray blocks = system.toArray();
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            if (QString problem = invalidTextBlock(blocks.at(i), u"system.%1"_s.arg(i), breakpoints);
                !problem.isEmpty())
                return problem;
        }
    } else if (!system.isUndefined() && !system.isString()) {
        return u"system: Input should be a valid string or list of text blocks"_s;
    }

    const QJsonArray messages = body.value(u"messages"_s).toArray();
    if (!body.value(u"messages"_s).isArray())
        return u"messages: Field required"_s;
    if (messages.isEmpty())
        return u"messages: at least one message is required"_s;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        if (role != u"user"_s && role != u"assistant"_s)
            return u"messages.%1.role: Input should be 'user' or 'assistant'"_s.arg(i);
        for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
            if (it.key() != u"role"_s && it.key() != u"content"_s)
                return u"messages.%1.%2: Extra inputs are not permitted"_s.arg(i).arg(it.key());
        }
        const QJsonValue content = message.value(u"content"_s);
        if (content.isArray()) {
            const QJsonArray blocks = content.toArray();
            for (qsizetype j = 0; j < blocks.size(); ++j) {
                if (QString problem
                    = invalidTextBlock(blocks.at(j), u"messages.%1.content.%2"_s.arg(i).arg(j), breakpoints);
                    !problem.isEmpty())
                    return problem;
            }
        } else if (!content.isString()) {
            return u"messages.%1.content: Field required"_s.arg(i);
        }
    }
    if (messages.first().toObject().value(u"role"_s).toString() != u"user"_s)
        return u"messages: the first message must use the \"user\" role"_s;
    if (messages.last().toObject().value(u"role"_s).toString() != u"user"_s)
        return u"This model does not support assistant message prefill. "
               u"The conversation must end with a user message."_s;
    if (breakpoints > 4)
        return u"A maximum of 4 blocks with cache_control may be provided. Found %1."_s.arg(breakpoints);

    if (body.contains(u"output_config"_s)) {
        const QJsonObject config = body.value(u"output_config"_s).toObject();
        const QJsonObject format = config.value(u"format"_s).toObject();
        if (format.value(u"type"_s).toString() != u"json_schema"_s)
            return u"output_config.format.type: Input should be 'json_schema'"_s;
        if (!format.value(u"schema"_s).isObject())
            return u"output_config.format.schema: Field required"_s;
        if (const QString loose = looseObject(format.value(u"schema"_s).toObject(), u"schema"_s); !loose.isEmpty())
            return u"output_config.format.schema: For 'object' type, 'additionalProperties' "
                   u"must be explicitly set to false (at %1)"_s.arg(loose);
    }
    return {};
}

FakeResponse FakeClaude::message(const QJsonObject &body)
{
    const QMutexLocker lock(&m_stateMutex);
    const QString model = body.value(u"model"_s).toString();

    // The cached prefix: the system blocks up to the last breakpoint.
    qsizetype prefixCharacters = 0;
    qsizetype restCharacters = 0;
    QJsonArray prefix;
    const QJsonValue system = body.value(u"system"_s);
    if (system.isString()) {
        restCharacters += system.toString().size();
    } else {
        const QJsonArray blocks = system.toArray();
        qsizetype breakpoint = -1;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            if (blocks.at(i).toObject().contains(u"cache_control"_s))
                breakpoint = i;
        }
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const qsizetype size = blocks.at(i).toObject().value(u"text"_s).toString().size();
            if (i <= breakpoint) {
                prefix.append(blocks.at(i).toObject().value(u"text"_s));
                prefixCharacters += size;
            } else {
                restCharacters += size;
            }
        }
    }
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    for (const QJsonValue &entry : messages) {
        const QJsonValue content = entry.toObject().value(u"content"_s);
        if (content.isString()) {
            restCharacters += content.toString().size();
        } else {
            const QJsonArray blocks = content.toArray();
            for (const QJsonValue &block : blocks)
                restCharacters += block.toObject().value(u"text"_s).toString().size();
        }
    }
    // Structured outputs put the schema in front of the model, too.
    restCharacters += compact(body.value(u"output_config"_s)).size();

    qint64 inputTokens = tokens(restCharacters);
    qint64 cacheCreation = 0;
    qint64 cacheRead = 0;
    const qint64 prefixTokens = tokens(prefixCharacters);
    if (!prefix.isEmpty() && prefixTokens >= m_minimumCacheableTokens) {
        const QByteArray key
            = QCryptographicHash::hash(QByteArray(model.toUtf8() + '\n' + compact(prefix)), QCryptographicHash::Sha256);
        if (m_cachedPrefixes.contains(key)) {
            cacheRead = prefixTokens;
        } else {
            cacheCreation = prefixTokens;
            m_cachedPrefixes.insert(key);
        }
    } else {
        inputTokens += prefixTokens;
    }

    const int number = ++m_messages;
    const QJsonObject answer{
        { u"id"_s, u"msg_fake_%1"_s.arg(number) },
        { u"type"_s, u"message"_s },
        { u"role"_s, u"assistant"_s },
        { u"model"_s, model },
        { u"content"_s, QJsonArray{ QJsonObject{ { u"type"_s, u"text"_s }, { u"text"_s, m_text } } } },
        { u"stop_reason"_s, m_stopReason },
        { u"stop_sequence"_s, QJsonValue::Null },
        { u"usage"_s,
            QJsonObject{
                { u"input_tokens"_s, inputTokens },
                { u"output_tokens"_s, qMax<qint64>(1, tokens(m_text.size())) },
                { u"cache_creation_input_tokens"_s, cacheCreation },
                { u"cache_read_input_tokens"_s, cacheRead },
            } },
    };
    return FakeResponse::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact),
        { { "request-id", u"req_fake_%1"_s.arg(number).toUtf8() } });
}

} // namespace callos::test
