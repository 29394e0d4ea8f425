// ClaudeClient against a fake of Claude's Messages API over real HTTP: the
// request is exactly the documented one (and nothing the contract
// forbids), answers are read with their usage and cache figures, and every
// way an answer can be wrong or missing ends as the job queue needs it -
// a refusal, invalid JSON, a cut-off, a schema mismatch, 429 with
// Retry-After, a spend limit, 529, 5xx, 4xx, a cut body, a timeout - with
// the API key in no message.
#include "analysis/claudeclient.h"
#include "fakeclaude.h"
#include "fakeclock.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

Q_DECLARE_METATYPE(callos::test::FakeResponse)

namespace {

const QByteArray kKey = "sk-ant-api03-test-key-0123456789abcdef";
const QString kModel = u"claude-sonnet-4-5"_s;
constexpr int kMaxTokens = 2048;

// Long enough to be cached (1024 tokens at 4 characters each).
QString instructions()
{
    QString text = u"You analyse sales calls. Answer in the schema given, quoting the transcript.\n"_s;
    while (text.size() < 4400)
        text += u"Judge the agent on discovery, objections and the next step; do not invent facts. "_s;
    return text;
}

const QString kPlaybook = u"Playbook: open, discover the budget, present, handle objections, close."_s;
const QString kContext = u"Call of 2025-03-12 with Acme (prospect), agent Alice."_s;
const QString kTranscript = u"A: Hello, this is Alice.\nB: We have 620 clients and a budget of [number]."_s;

QJsonObject schema()
{
    const QJsonObject objection{
        { u"type"_s, u"object"_s },
        { u"additionalProperties"_s, false },
        { u"required"_s, QJsonArray{ u"quote"_s, u"handled"_s } },
        { u"properties"_s,
            QJsonObject{ { u"quote"_s, QJsonObject{ { u"type"_s, u"string"_s } } },
                { u"handled"_s, QJsonObject{ { u"type"_s, u"boolean"_s } } } } },
    };
    return QJsonObject{
        { u"type"_s, u"object"_s },
        { u"additionalProperties"_s, false },
        { u"required"_s, QJsonArray{ u"summary"_s, u"talk_ratio"_s, u"objections"_s, u"next_step"_s } },
        { u"properties"_s,
            QJsonObject{
                { u"summary"_s, QJsonObject{ { u"type"_s, u"string"_s } } },
                { u"talk_ratio"_s, QJsonObject{ { u"type"_s, u"number"_s } } },
                { u"objections"_s, QJsonObject{ { u"type"_s, u"array"_s }, { u"items"_s, objection } } },
                { u"next_step"_s, QJsonObject{ { u"type"_s, QJsonArray{ u"string"_s, u"null"_s } } } },
                { u"sentiment"_s,
                    QJsonObject{ { u"type"_s, u"string"_s },
                        { u"enum"_s, QJsonArray{ u"positive"_s, u"neutral"_s, u"negative"_s } } } },
            } },
    };
}

QJsonObject goodAnswer()
{
    return QJsonObject{
        { u"summary"_s, u"Acme has budget; pricing objection handled."_s },
        { u"talk_ratio"_s, 0.42 },
        { u"objections"_s,
            QJsonArray{ QJsonObject{ { u"quote"_s, u"too expensive"_s }, { u"handled"_s, true } },
                QJsonObject{ { u"quote"_s, u"need IT approval"_s }, { u"handled"_s, false } } } },
        { u"next_step"_s, u"Demo on Friday"_s },
        { u"sentiment"_s, u"positive"_s },
    };
}

ClaudeRequest analysis()
{
    ClaudeRequest request;
    request.system = { { instructions(), true }, { kPlaybook, true }, { kContext, false } };
    request.userText = kTranscript;
    request.schema = schema();
    return request;
}

QJsonObject textBlock(const QString &text, bool cached = false)
{
    QJsonObject block{ { u"type"_s, u"text"_s }, { u"text"_s, text } };
    if (cached)
        block.insert(u"cache_control"_s, QJsonObject{ { u"type"_s, u"ephemeral"_s } });
    return block;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray describe(const ClaudeResult &result)
{
    return (u"outcome %1, problem \"%2\", failure \"%3\""_s.arg(int(result.outcome))
                .arg(result.problem, result.failure.message))
        .toUtf8();
}

} // namespace

class TestClaudeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsExactlyTheDocumentedRequest();
    void putsTheBreakpointOnTheLastStableBlock_data();
    void putsTheBreakpointOnTheLastStableBlock();
    void readsAnAnswerWithItsUsage();
    void laterCallsReadTheCachedPrefix();
    void aShortPrefixIsNotCached();
    void aRefusalIsPermanent();
    void anAnswerThatIsNotJsonIsInvalid_data();
    void anAnswerThatIsNotJsonIsInvalid();
    void anAnswerCutOffAtMaxTokensIsInvalid();
    void anAnswerOutsideTheSchemaIsInvalid_data();
    void anAnswerOutsideTheSchemaIsInvalid();
    void apiErrorsEndTheAttemptAsDocumented_data();
    void apiErrorsEndTheAttemptAsDocumented();
    void aWrongKeyIsPermanentAndNeverShown();
    void anEchoedKeyIsBlackedOut();
    void noWholeAnswerIsTriedAgain_data();
    void noWholeAnswerIsTriedAgain();
    void aLooseSchemaOrNoKeySendsNothing();
    void theFakeRefusesWhatTheContractForbids_data();
    void theFakeRefusesWhatTheContractForbids();

private:
    ClaudeSettings settings(const QByteArray &key = kKey) const;
    ClaudeResult send(const ClaudeRequest &request, const QByteArray &key = kKey);
    // Sends `body` as it is, with the right headers.
    HttpResponse post(const QJsonObject &body);

    std::unique_ptr<FakeClaude> m_claude;
    FakeClock m_clock;
    HttpClient m_http;
};

void TestClaudeClient::init()
{
    m_claude = std::make_unique<FakeClaude>(kKey);
    m_claude->setAnswer(goodAnswer());
    QVERIFY(m_claude->start());
}

void TestClaudeClient::cleanup()
{
    m_claude.reset();
}

ClaudeSettings TestClaudeClient::settings(const QByteArray &key) const
{
    ClaudeSettings settings;
    settings.apiKey = key;
    settings.baseUrl = m_claude->baseUrl() + u'/'; // a trailing slash makes no "//"
    settings.model = kModel;
    settings.maxTokens = kMaxTokens;
    settings.connectTimeoutMs = 2000;
    settings.stallTimeoutMs = 1000;
    settings.totalTimeoutMs = 1500;
    return settings;
}

ClaudeResult TestClaudeClient::send(const ClaudeRequest &request, const QByteArray &key)
{
    ClaudeClient client(settings(key), m_http, m_clock);
    ClaudeResult result = client.send(request);
    // Wherever a message comes from, the key is not in it.
    if (!key.isEmpty()) {
        const QString text = QString::fromUtf8(key);
        if (result.failure.message.contains(text) || result.problem.contains(text))
            qFatal("The API key is in a message: %s", describe(result).constData());
    }
    return result;
}

HttpResponse TestClaudeClient::post(const QJsonObject &body)
{
    HttpRequest request;
    request.method = "POST";
    request.url = m_claude->url(u"/v1/messages"_s);
    request.headers
        = { { "x-api-key", kKey }, { "anthropic-version", "2023-06-01" }, { "content-type", "application/json" } };
    request.body = compact(body);
    return m_http.send(request);
}

void TestClaudeClient::sendsExactlyTheDocumentedRequest()
{
    m_claude->setAnswer(goodAnswer());
    const ClaudeResult result = send(analysis());
    QVERIFY2(result.answered(), describe(result).constData());

    const QList<FakeRequest> requests = m_claude->requests();
    QCOMPARE(requests.size(), 1);
    const FakeRequest &request = requests.first();
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.path, u"/v1/messages"_s);
    QCOMPARE(request.header("x-api-key"), kKey);
    QCOMPARE(request.header("anthropic-version"), "2023-06-01"_ba);
    QCOMPARE(request.header("content-type"), "application/json"_ba);

    const QJsonObject expected{
        { u"model"_s, kModel },
        { u"max_tokens"_s, kMaxTokens },
        { u"system"_s, QJsonArray{ textBlock(instructions()), textBlock(kPlaybook, true), textBlock(kContext) } },
        { u"messages"_s, QJsonArray{ QJsonObject{ { u"role"_s, u"user"_s }, { u"content"_s, kTranscript } } } },
        { u"output_config"_s,
            QJsonObject{
                { u"format"_s, QJsonObject{ { u"type"_s, u"json_schema"_s }, { u"schema"_s, schema() } } } } },
    };
    const QJsonObject received = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(compact(received), compact(expected));
    // The same, spelled out: what the contract forbids is not there.
    for (const auto &field : { u"temperature"_s, u"top_p"_s, u"top_k"_s, u"tool_choice"_s, u"tools"_s })
        QVERIFY2(!received.contains(field), qPrintable(field));
    QCOMPARE(received.value(u"messages"_s).toArray().last()[u"role"_s].toString(), u"user"_s);
    QCOMPARE(ClaudeClient(settings(), m_http, m_clock).requestBody(analysis()), expected);
}

void TestClaudeClient::putsTheBreakpointOnTheLastStableBlock_data()
{
    QTest::addColumn<QList<bool>>("stable");
    QTest::addColumn<int>("breakpoint"); // -1: none

    QTest::newRow("stable, stable, call") << QList<bool>{ true, true, false } << 1;
    QTest::newRow("all stable") << QList<bool>{ true, true, true } << 2;
    QTest::newRow("none stable") << QList<bool>{ false, false } << -1;
    QTest::newRow("one stable") << QList<bool>{ true } << 0;
    // Out of order (a caller's mistake): still one breakpoint, on the
    // last stable block, so the prefix cached is all that comes before.
    QTest::newRow("stable after a changing one") << QList<bool>{ true, false, true, false } << 2;
}

void TestClaudeClient::putsTheBreakpointOnTheLastStableBlock()
{
    QFETCH(QList<bool>, stable);
    QFETCH(int, breakpoint);
    ClaudeRequest request;
    for (qsizetype i = 0; i < stable.size(); ++i)
        request.system.append({ u"block %1"_s.arg(i), stable.at(i) });
    request.userText = kTranscript;
    request.schema = schema();
    const QJsonArray system = ClaudeClient(settings(), m_http, m_clock).requestBody(request)[u"system"_s].toArray();
    QCOMPARE(system.size(), stable.size());
    for (qsizetype i = 0; i < system.size(); ++i) {
        QCOMPARE(system.at(i)[u"text"_s].toString(), u"block %1"_s.arg(i));
        QCOMPARE(system.at(i).toObject().contains(u"cache_control"_s), i == breakpoint);
    }

    // Whatever the blocks, the fake (like the API) takes the request.
    const ClaudeResult result = send(request);
    QVERIFY2(result.answered(), describe(result).constData());

    // No system blocks and no schema: neither field is sent.
    const QJsonObject bare
        = ClaudeClient(settings(), m_http, m_clock).requestBody(ClaudeRequest{ {}, kTranscript, {} });
    QCOMPARE(bare.keys(), (QStringList{ u"max_tokens"_s, u"messages"_s, u"model"_s }));
}

void TestClaudeClient::readsAnAnswerWithItsUsage()
{
    m_claude->setAnswer(goodAnswer());
    const ClaudeResult result = send(analysis());
    QVERIFY2(result.answered(), describe(result).constData());
    QCOMPARE(result.answer, goodAnswer());
    QCOMPARE(result.messageId, u"msg_fake_1"_s);
    QCOMPARE(result.model, kModel);
    QCOMPARE(result.stopReason, u"end_turn"_s);
    QVERIFY(result.problem.isEmpty());
    QVERIFY(!result.jobFailure());
    // The fake counts 4 characters a token: the prefix is the two stable
    // blocks; the rest is the call's block, the transcript and the schema.
    const qint64 prefix = qint64(instructions().size() + kPlaybook.size() + 3) / 4;
    QCOMPARE(result.usage.cacheCreationInputTokens, prefix);
    QCOMPARE(result.usage.cacheReadInputTokens, qint64(0));
    QVERIFY(result.usage.inputTokens > (kContext.size() + kTranscript.size()) / 4);
    QVERIFY(result.usage.inputTokens < prefix);
    QCOMPARE(result.usage.outputTokens, qint64(compact(goodAnswer()).size() + 3) / 4);
}

void TestClaudeClient::laterCallsReadTheCachedPrefix()
{
    const ClaudeResult first = send(analysis());
    QVERIFY2(first.answered(), describe(first).constData());
    QVERIFY(first.usage.cacheCreationInputTokens > 1024);
    QCOMPARE(first.usage.cacheReadInputTokens, qint64(0));

    // The same prefix: read, not written.
    const ClaudeResult second = send(analysis());
    QVERIFY2(second.answered(), describe(second).constData());
    QCOMPARE(second.usage.cacheCreationInputTokens, qint64(0));
    QCOMPARE(second.usage.cacheReadInputTokens, first.usage.cacheCreationInputTokens);
    QCOMPARE(second.usage.inputTokens, first.usage.inputTokens);
    QCOMPARE(second.messageId, u"msg_fake_2"_s);

    // Another call (its block and transcript change): the prefix still hits.
    ClaudeRequest another = analysis();
    another.system[2].text = u"Call of 2025-03-13 with Globex."_s;
    another.userText = u"A: Hi.\nB: We are 18 people."_s;
    const ClaudeResult third = send(another);
    QCOMPARE(third.usage.cacheCreationInputTokens, qint64(0));
    QCOMPARE(third.usage.cacheReadInputTokens, first.usage.cacheCreationInputTokens);

    // A changed playbook is a new prefix: written again.
    ClaudeRequest newPlaybook = analysis();
    newPlaybook.system[1].text = kPlaybook + u" Always book the next meeting."_s;
    const ClaudeResult fourth = send(newPlaybook);
    QVERIFY(fourth.usage.cacheCreationInputTokens > first.usage.cacheCreationInputTokens);
    QCOMPARE(fourth.usage.cacheReadInputTokens, qint64(0));
}

void TestClaudeClient::aShortPrefixIsNotCached()
{
    ClaudeRequest request = analysis();
    request.system[0].text = u"You analyse sales calls."_s;
    for (int i = 0; i < 2; ++i) {
        const ClaudeResult result = send(request);
        QVERIFY2(result.answered(), describe(result).constData());
        QCOMPARE(result.usage.cacheCreationInputTokens, qint64(0));
        QCOMPARE(result.usage.cacheReadInputTokens, qint64(0));
    }
}

void TestClaudeClient::aRefusalIsPermanent()
{
    m_claude->setRefusal();
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Refused);
    QCOMPARE(result.stopReason, u"refusal"_s);
    QVERIFY(result.answer.isEmpty());
    QVERIFY(result.problem.contains(u"refusal"_s));
    QVERIFY(result.usage.inputTokens > 0);
    const std::optional<JobFailure> failure = result.jobFailure();
    QVERIFY(failure);
    QVERIFY(failure->permanent);
    QCOMPARE(failure->message, result.problem);
}

void TestClaudeClient::anAnswerThatIsNotJsonIsInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");

    QTest::newRow("prose") << u"Here is the analysis: the call went well."_s << u"not JSON"_s;
    QTest::newRow("prose around JSON") << u"Sure! {\"summary\":\"ok\"}"_s << u"not JSON"_s;
    QTest::newRow("empty") << QString() << u"not JSON"_s;
    QTest::newRow("array") << u"[1, 2, 3]"_s << u"not an object"_s;
    QTest::newRow("string") << u"\"ok\""_s << u"not an object"_s;
    QTest::newRow("number") << u"42"_s << u"not an object"_s;
    QTest::newRow("two objects") << u"{}{}"_s << u"not JSON"_s;
}

void TestClaudeClient::anAnswerThatIsNotJsonIsInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    m_claude->setAnswerText(text);
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::InvalidAnswer);
    QVERIFY2(result.problem.contains(problem), qPrintable(result.problem));
    QCOMPARE(result.text, text);
    QVERIFY(result.answer.isEmpty());
    // Another sample may be right: tried again.
    const std::optional<JobFailure> failure = result.jobFailure();
    QVERIFY(failure);
    QVERIFY(!failure->permanent);
}

void TestClaudeClient::anAnswerCutOffAtMaxTokensIsInvalid()
{
    m_claude->setCutOff(goodAnswer());
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::InvalidAnswer);
    QCOMPARE(result.stopReason, u"max_tokens"_s);
    QVERIFY2(result.problem.contains(u"max_tokens (2048)"_s), qPrintable(result.problem));
    QVERIFY(!result.text.isEmpty());
    // The same limit cuts it again: no retry.
    QVERIFY(result.jobFailure() && result.jobFailure()->permanent);
}

void TestClaudeClient::anAnswerOutsideTheSchemaIsInvalid_data()
{
    QTest::addColumn<QJsonObject>("answer");
    QTest::addColumn<QString>("problem"); // empty: it follows the schema

    QJsonObject answer = goodAnswer();
    answer.remove(u"summary"_s);
    QTest::newRow("required key missing") << answer << u"$: \"summary\" is missing."_s;

    answer = goodAnswer();
    answer.insert(u"talk_ratio"_s, u"42%"_s);
    QTest::newRow("wrong type") << answer << u"$.talk_ratio: expected number, found a string."_s;

    answer = goodAnswer();
    answer.insert(u"objections"_s, QJsonObject {});
    QTest::newRow("object for an array") << answer << u"$.objections: expected array, found an object."_s;

    answer = goodAnswer();
    QJsonArray objections = answer.value(u"objections"_s).toArray();
    objections.replace(1, QJsonObject{ { u"quote"_s, u"later"_s }, { u"handled"_s, u"no"_s } });
    answer.insert(u"objections"_s, objections);
    QTest::newRow("nested wrong type") << answer << u"$.objections[1].handled: expected boolean, found a string."_s;

    answer = goodAnswer();
    objections = answer.value(u"objections"_s).toArray();
    objections.append(QJsonObject{ { u"quote"_s, u"no budget"_s } });
    answer.insert(u"objections"_s, objections);
    QTest::newRow("nested key missing") << answer << u"$.objections[2]: \"handled\" is missing."_s;

    answer = goodAnswer();
    answer.insert(u"score"_s, 7);
    QTest::newRow("extra key") << answer << u"$.score is not in the schema."_s;

    answer = goodAnswer();
    answer.insert(u"sentiment"_s, u"ecstatic"_s);
    QTest::newRow("not in enum") << answer << u"$.sentiment: a string is not one of the allowed values."_s;

    answer = goodAnswer();
    answer.insert(u"next_step"_s, QJsonValue::Null);
    QTest::newRow("null where allowed") << answer << QString();

    answer = goodAnswer();
    answer.remove(u"sentiment"_s);
    QTest::newRow("optional key left out") << answer << QString();
}

void TestClaudeClient::anAnswerOutsideTheSchemaIsInvalid()
{
    QFETCH(QJsonObject, answer);
    QFETCH(QString, problem);
    m_claude->setAnswer(answer);
    const ClaudeResult result = send(analysis());
    if (problem.isEmpty()) {
        QVERIFY2(result.answered(), describe(result).constData());
        QCOMPARE(result.answer, answer);
        return;
    }
    QCOMPARE(result.outcome, ClaudeResult::Outcome::InvalidAnswer);
    QCOMPARE(result.problem, u"The answer does not follow the schema: "_s + problem);
    QVERIFY(result.answer.isEmpty());
}

void TestClaudeClient::apiErrorsEndTheAttemptAsDocumented_data()
{
    QTest::addColumn<FakeResponse>("response");
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<QString>("message");

    QTest::newRow("429 rate limit") << FakeClaude::rateLimited(7) << false << qint64(7000)
                                    << u"Claude answered HTTP 429: rate_limit_error: This request would exceed"_s;
    QTest::newRow("429 spend limit") << FakeClaude::spendLimitReached() << true << qint64(-1)
                                     << u"spend limit is reached"_s;
    QTest::newRow("529 overloaded") << FakeClaude::overloaded() << false << qint64(-1)
                                    << u"Claude answered HTTP 529: overloaded_error: Overloaded"_s;
    QTest::newRow("529 with retry-after")
        << FakeClaude::error(529, "overloaded_error", u"Overloaded"_s, { { "retry-after", "3" } }) << false
        << qint64(3000) << u"overloaded_error"_s;
    QTest::newRow("500") << FakeClaude::internalError() << false << qint64(-1)
                         << u"Claude answered HTTP 500: api_error: Internal server error"_s;
    FakeResponse proxy;
    proxy.status = 503;
    proxy.headers = { { "Content-Type", "text/html" } };
    proxy.body = "<html>Service Unavailable</html>";
    QTest::newRow("503 from a proxy") << proxy << false << qint64(-1) << u"Claude answered HTTP 503."_s;
    QTest::newRow("400") << FakeClaude::error(400, "invalid_request_error", u"messages: Field required"_s) << true
                         << qint64(-1)
                         << u"Claude answered HTTP 400: invalid_request_error: messages: Field required"_s;
    QTest::newRow("401") << FakeClaude::error(401, "authentication_error", u"invalid x-api-key"_s) << true << qint64(-1)
                         << u"authentication_error: invalid x-api-key"_s;
    QTest::newRow("403") << FakeClaude::error(403, "permission_error", u"Your API key does not have permission"_s)
                         << true << qint64(-1) << u"permission_error"_s;
    QTest::newRow("404") << FakeClaude::error(404, "not_found_error", u"model: claude-sonnet-4-5"_s) << true
                         << qint64(-1) << u"not_found_error"_s;
    QTest::newRow("413") << FakeClaude::error(413, "request_too_large", u"Request exceeds the maximum size"_s) << true
                         << qint64(-1) << u"request_too_large"_s;
}

void TestClaudeClient::apiErrorsEndTheAttemptAsDocumented()
{
    QFETCH(FakeResponse, response);
    QFETCH(bool, permanent);
    QFETCH(qint64, retryAfterMs);
    QFETCH(QString, message);
    m_claude->misbehaveNext(response);
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QCOMPARE(result.failure.permanent, permanent);
    QCOMPARE(result.failure.retryAfterMs.value_or(-1), retryAfterMs);
    QVERIFY2(result.failure.message.contains(message), qPrintable(result.failure.message));
    if (response.body.startsWith('{'))
        QVERIFY2(result.failure.message.contains(u"(request req_fake_error_"_s), qPrintable(result.failure.message));
    const std::optional<JobFailure> failure = result.jobFailure();
    QVERIFY(failure);
    QCOMPARE(failure->permanent, permanent);
    QCOMPARE(failure->message, result.failure.message);

    // The next request gets the fake's answer again.
    QVERIFY(send(analysis()).answered());
}

void TestClaudeClient::aWrongKeyIsPermanentAndNeverShown()
{
    const QByteArray wrong = "sk-ant-api03-wrong-key-fedcba9876543210";
    const ClaudeResult result = send(analysis(), wrong);
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QVERIFY(result.failure.permanent);
    QVERIFY2(result.failure.message.contains(u"HTTP 401: authentication_error: invalid x-api-key"_s),
        qPrintable(result.failure.message));
    QVERIFY(!result.failure.message.contains(QString::fromUtf8(wrong)));
    QVERIFY(!result.failure.message.contains(QString::fromUtf8(kKey)));
}

void TestClaudeClient::anEchoedKeyIsBlackedOut()
{
    m_claude->misbehaveNext(FakeClaude::error(
        401, "authentication_error", u"invalid x-api-key: "_s + QString::fromUtf8(kKey) + u" was revoked"_s));
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QVERIFY2(result.failure.message.contains(u"invalid x-api-key: [api key] was revoked"_s),
        qPrintable(result.failure.message));
}

void TestClaudeClient::noWholeAnswerIsTriedAgain_data()
{
    QTest::addColumn<FakeResponse>("response");

    FakeResponse whole = FakeResponse::json(200, compact(QJsonObject{ { u"type"_s, u"message"_s } }));
    FakeResponse cut = FakeResponse::json(200,
        R"({"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"{}"}],)"
        R"("stop_reason":"end_turn"})");
    cut.truncateAfter = 40;
    QTest::newRow("body cut") << cut;
    FakeResponse stall;
    stall.stall = true;
    QTest::newRow("timeout") << stall;
    FakeResponse hangUp;
    hangUp.hangUp = true;
    QTest::newRow("hang-up") << hangUp;
    QTest::newRow("malformed body") << FakeResponse::json(200, R"({"id":"msg_1","type":"mess)");
    QTest::newRow("not a message") << FakeResponse::json(200, R"({"hello":"world"})");
    QTest::newRow("message without content") << whole;
}

void TestClaudeClient::noWholeAnswerIsTriedAgain()
{
    QFETCH(FakeResponse, response);
    m_claude->misbehaveNext(response);
    const ClaudeResult result = send(analysis());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QVERIFY2(!result.failure.permanent, qPrintable(result.failure.message));
    QVERIFY(!result.failure.retryAfterMs);
    QVERIFY(result.failure.message.startsWith(u"Claude"_s));
    QVERIFY(result.jobFailure() && !result.jobFailure()->permanent);
}

void TestClaudeClient::aLooseSchemaOrNoKeySendsNothing()
{
    ClaudeRequest loose = analysis();
    QJsonObject properties = loose.schema.value(u"properties"_s).toObject();
    properties.insert(u"contact"_s,
        QJsonObject{ { u"type"_s, u"object"_s },
            { u"properties"_s, QJsonObject{ { u"name"_s, QJsonObject{ { u"type"_s, u"string"_s } } } } } });
    loose.schema.insert(u"properties"_s, properties);
    ClaudeResult result = send(loose);
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QVERIFY(result.failure.permanent);
    QVERIFY2(result.failure.message.contains(u"$.contact"_s), qPrintable(result.failure.message));

    result = send(analysis(), QByteArray());
    QCOMPARE(result.outcome, ClaudeResult::Outcome::Failed);
    QVERIFY(result.failure.permanent);

    QVERIFY(m_claude->requests().isEmpty());
}

void TestClaudeClient::theFakeRefusesWhatTheContractForbids_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // null: the field is left out
    QTest::addColumn<QString>("message");

    QTest::newRow("temperature") << u"temperature"_s << QJsonValue(0.2) << u"temperature"_s;
    QTest::newRow("top_p") << u"top_p"_s << QJsonValue(0.9) << u"top_p"_s;
    QTest::newRow("top_k") << u"top_k"_s << QJsonValue(40) << u"top_k"_s;
    QTest::newRow("tool_choice") << u"tool_choice"_s << QJsonValue(QJsonObject{ { u"type"_s, u"any"_s } })
                                 << u"tool_choice"_s;
    QTest::newRow("unknown field") << u"temprature"_s << QJsonValue(0.2) << u"Extra inputs are not permitted"_s;
    QTest::newRow("prefill") << u"messages"_s
                             << QJsonValue(
                                    QJsonArray{ QJsonObject{ { u"role"_s, u"user"_s }, { u"content"_s, u"Hi"_s } },
                                        QJsonObject{ { u"role"_s, u"assistant"_s }, { u"content"_s, u"{"_s } } })
                             << u"prefill"_s;
    QTest::newRow("no max_tokens") << u"max_tokens"_s << QJsonValue() << u"max_tokens: Field required"_s;
    QTest::newRow("five breakpoints") << u"system"_s << QJsonValue([] {
        QJsonArray blocks;
        for (int i = 0; i < 5; ++i)
            blocks.append(textBlock(u"block"_s, true));
        return blocks;
    }()) << u"A maximum of 4 blocks with cache_control"_s;
    QTest::newRow("loose schema") << u"output_config"_s
                                  << QJsonValue(QJsonObject{ { u"format"_s,
                                         QJsonObject{ { u"type"_s, u"json_schema"_s },
                                             { u"schema"_s, QJsonObject{ { u"type"_s, u"object"_s } } } } } })
                                  << u"additionalProperties"_s;
}

void TestClaudeClient::theFakeRefusesWhatTheContractForbids()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject body = ClaudeClient(settings(), m_http, m_clock).requestBody(analysis());
    QCOMPARE(post(body).status, 200); // the client's own body passes
    if (value.isNull())
        body.remove(field);
    else
        body.insert(field, value);
    const HttpResponse response = post(body);
    QCOMPARE(response.status, 400);
    const QJsonObject error = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(error[u"type"_s].toString(), u"error"_s);
    QCOMPARE(error[u"error"_s][u"type"_s].toString(), u"invalid_request_error"_s);
    QVERIFY2(error[u"error"_s][u"message"_s].toString().contains(message), response.body.constData());
}

QTEST_GUILESS_MAIN(TestClaudeClient)
#include "tst_claudeclient.moc"
