// The offline analysis (no Claude key): call metrics from the transcript,
// the call's events placed on the recording's time line, and the
// rule-based flags, score, feedback and e-mail, over calls made by the real
// engine and transcripts written for them.
#include "analysis/callmetrics.h"
#include "analysis/calltimeline.h"
#include "analysis/rulebasedanalyzer.h"
#include "callharness.h"
#include "playbook/playbookloader.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

constexpr qint64 kSecond = 1000;

Utterance said(const QString &speaker, qint64 startS, qint64 endS, const QString &text)
{
    return Utterance{ speaker, startS * kSecond, endS * kSecond, text, 0.9, {} };
}

QStringList codesOf(const QJsonObject &analysis)
{
    QStringList codes;
    for (const QJsonValue &flag : analysis[u"risk_flags"_s].toArray())
        codes.append(flag[u"code"_s].toString());
    return codes;
}

QJsonObject flagOf(const QJsonObject &analysis, const QString &code)
{
    for (const QJsonValue &flag : analysis[u"risk_flags"_s].toArray()) {
        if (flag[u"code"_s].toString() == code)
            return flag.toObject();
    }
    return {};
}

// Every key the schema requires, at every level, with its JSON type.
void expectSchemaShape(const QJsonObject &schema, const QJsonValue &value, const QString &path)
{
    const QString type = schema[u"type"_s].toString();
    if (type == u"object"_s) {
        QVERIFY2(value.isObject(), qPrintable(path + u" is not an object"_s));
        const QJsonObject properties = schema[u"properties"_s].toObject();
        for (const QJsonValue &key : schema[u"required"_s].toArray())
            QVERIFY2(value.toObject().contains(key.toString()), qPrintable(path + u"." + key.toString() + u" missing"_s));
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
            if (value.toObject().contains(it.key()))
                expectSchemaShape(it.value().toObject(), value.toObject().value(it.key()), path + u'.' + it.key());
        }
        for (const QString &key : value.toObject().keys())
            QVERIFY2(properties.contains(key), qPrintable(path + u"." + key + u" is not in the schema"_s));
    } else if (type == u"array"_s) {
        QVERIFY2(value.isArray(), qPrintable(path + u" is not an array"_s));
        for (const QJsonValue &item : value.toArray())
            expectSchemaShape(schema[u"items"_s].toObject(), item, path + u"[]"_s);
    } else if (type == u"string"_s) {
        QVERIFY2(value.isString(), qPrintable(path + u" is not a string"_s));
        if (schema.contains(u"enum"_s))
            QVERIFY2(schema[u"enum"_s].toArray().contains(value), qPrintable(path + u" = "_s + value.toString()));
    } else if (type == u"integer"_s) {
        QVERIFY2(value.isDouble() && value.toDouble() == double(value.toInteger()), qPrintable(path + u" is not an integer"_s));
    }
}

} // namespace

class TestRuleBasedAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void metricsOfAConversation();
    void questionsWithAndWithoutPunctuation_data();
    void questionsWithAndWithoutPunctuation();
    void eventsLandOnTheRecordingsTimeLine();
    void aGoodCallRaisesNoFlag();
    void aPoorCallIsFlaggedWithEvidence();
    void anAdvisoryCallMustNotPitch();
    void oneVoiceSaysNothingAboutTalkRatios();

private:
    Playbook m_playbook;
    QJsonObject m_schema;
};

void TestRuleBasedAnalyzer::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY(loaded.ok());
    m_playbook = *loaded.value;
    QFile schema(u":/analysis/call-analysis.schema.json"_s);
    QVERIFY(schema.open(QIODevice::ReadOnly));
    m_schema = QJsonDocument::fromJson(schema.readAll()).object();
    QVERIFY(!m_schema.isEmpty());
}

void TestRuleBasedAnalyzer::metricsOfAConversation()
{
    Transcript transcript;
    transcript.utterances = {
        said(u"A"_s, 0, 10, u"Thanks for making the time. How many clients do you work with today?"_s),
        said(u"B"_s, 11, 41, u"About six hundred. Most of them monthly."_s),
        said(u"A"_s, 42, 50, u"What happens when a month is slow?"_s),
        said(u"B"_s, 51, 71, u"We scramble. It is stressful."_s),
        said(u"B"_s, 72, 92, u"Honestly it keeps me up at night. Is that normal?"_s),
    };
    const CallMetrics metrics = CallMetrics::compute(transcript);
    QCOMPARE(metrics.agentSpeaker, u"A"_s); // the one who opens
    QVERIFY(metrics.speakersKnown);
    QCOMPARE(metrics.speechMs, 88 * kSecond);
    QCOMPARE(metrics.talkRatio.value(u"A"_s), 18.0 / 88.0);
    QCOMPARE(metrics.talkRatio.value(u"B"_s), 70.0 / 88.0);
    QCOMPARE(metrics.questions.value(u"A"_s), 2);
    QCOMPARE(metrics.questions.value(u"B"_s), 1);
    // B's last two utterances are one stretch: 51 s to 92 s.
    QCOMPARE(metrics.longestMonologueSpeaker, u"B"_s);
    QCOMPARE(metrics.longestMonologueMs, 41 * kSecond);
    QCOMPARE(metrics.longestMonologueStartMs, 51 * kSecond);
    // Three changes of speaker over 92 s.
    QCOMPARE(metrics.switchesPerMinute, 3 * 60.0 / 92.0);
    const QJsonObject json = metrics.toJson();
    QCOMPARE(json[u"talk_ratio"_s][u"B"_s].toDouble(), 0.795);
    QCOMPARE(json[u"longest_monologue"_s][u"ms"_s].toInteger(), 41000);
}

void TestRuleBasedAnalyzer::questionsWithAndWithoutPunctuation_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<bool>("question");
    QTest::newRow("question mark") << u"And that is the plan?"_s << true;
    QTest::newRow("offline, no punctuation") << u"how many clients do you have"_s << true;
    QTest::newRow("offline, do") << u"do you track revenue monthly"_s << true;
    QTest::newRow("statement") << u"we track revenue monthly"_s << false;
    QTest::newRow("question word, full stop") << u"What we do is simple."_s << false;
    QTest::newRow("tell me") << u"tell me about your last quarter"_s << true;
}

void TestRuleBasedAnalyzer::questionsWithAndWithoutPunctuation()
{
    QFETCH(QString, sentence);
    QFETCH(bool, question);
    QCOMPARE(CallMetrics::isQuestion(sentence), question);
}

void TestRuleBasedAnalyzer::eventsLandOnTheRecordingsTimeLine()
{
    CallHarness call(m_playbook);
    const qint64 start = call.clock().nowMs();
    QVERIFY(call.begin());
    call.clock().advance(90 * kSecond);
    QVERIFY(call.session().raiseObjection(u"price"_s));
    call.clock().advance(30 * kSecond);
    QVERIFY(call.session().classifyObjection(ObjectionOutcome::Resolved));
    // Recording began 12 s after the agent started the call in the app.
    const QList<TimelineEntry> timeline = CallTimeline::align(call.events(), m_playbook, start + 12 * kSecond);
    const auto find = [&](const QString &kind) {
        for (const TimelineEntry &entry : timeline) {
            if (entry.kind == kind)
                return entry;
        }
        return TimelineEntry{};
    };
    QCOMPARE(find(u"milestone_entered"_s).label, u"Context & Frame"_s);
    QCOMPARE(find(u"milestone_entered"_s).atMs, -12 * kSecond); // before the recording began
    QCOMPARE(find(u"objection_raised"_s).atMs, 78 * kSecond);
    QCOMPARE(find(u"objection_raised"_s).label, u"Price"_s);
    QCOMPARE(find(u"objection_closed"_s).atMs, 108 * kSecond);
    QCOMPARE(find(u"objection_closed"_s).label, u"Price (resolved)"_s);
    QCOMPARE(CallTimeline::toJson(timeline).size(), timeline.size());
}

void TestRuleBasedAnalyzer::aGoodCallRaisesNoFlag()
{
    CallHarness call(m_playbook);
    const qint64 start = call.clock().nowMs();
    QVERIFY(call.begin());
    call.clock().advance(60 * kSecond);
    QVERIFY(call.session().raiseObjection(u"price"_s));
    call.clock().advance(40 * kSecond);
    QVERIFY(call.session().classifyObjection(ObjectionOutcome::Resolved));
    QVERIFY(call.runToDecision());
    QVERIFY(call.session().recordDecision(DecisionOption::Proceed));
    QVERIFY(call.fillMilestone(call.state().current));
    QVERIFY(call.session().completeCall());

    CallAnalysisInput input;
    input.playbook = &m_playbook;
    input.state = call.state();
    input.events = call.events();
    input.recordingStartedAt = start;
    input.transcript.durationMs = 20 * 60 * kSecond;
    input.transcript.utterances = {
        said(u"A"_s, 0, 8, u"How many clients do you work with today?"_s),
        said(u"B"_s, 9, 40, u"Around six hundred, mostly on monthly plans."_s),
        said(u"A"_s, 41, 48, u"What does a slow month do to you?"_s),
        said(u"B"_s, 49, 59, u"It hurts. I cannot plan."_s),
        said(u"B"_s, 62, 80, u"To be honest the price worries me."_s), // the objection, 60 s to 100 s
        said(u"A"_s, 81, 88, u"What would the price need to do for you?"_s),
        said(u"B"_s, 89, 99, u"Pay for itself within a quarter."_s),
        said(u"A"_s, 101, 106, u"Where would you start?"_s),
        said(u"B"_s, 107, 130, u"With the retainer clients. Can we begin next week?"_s),
        said(u"A"_s, 131, 135, u"Is Monday good?"_s),
        said(u"B"_s, 136, 140, u"Yes. Let's do it."_s),
    };
    const CallMetrics metrics = CallMetrics::compute(input.transcript);
    const QJsonObject analysis = RuleBasedAnalyzer().analyse(input, metrics);
    expectSchemaShape(m_schema, analysis, u"analysis"_s);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(codesOf(analysis), QStringList());
    const QJsonArray objections = analysis[u"objections"_s].toArray();
    QCOMPARE(objections.size(), 1);
    QCOMPARE(objections[0][u"category"_s].toString(), u"price"_s);
    QCOMPARE(objections[0][u"handling"_s].toString(), u"resolved"_s);
    // The lines spoken while it was open, at their times on the recording.
    const QJsonArray evidence = objections[0][u"evidence"_s].toArray();
    QCOMPARE(evidence.size(), 3);
    QCOMPARE(evidence[0][u"quote"_s].toString(), u"To be honest the price worries me."_s);
    QCOMPARE(evidence[0][u"start_ms"_s].toInteger(), 62000);
    QCOMPARE(evidence[0][u"speaker"_s].toString(), u"B"_s);
    const int score = analysis[u"readiness"_s][u"score"_s].toInt();
    QVERIFY2(score >= 80 && score <= 100, qPrintable(QString::number(score)));
    QCOMPARE(analysis[u"readiness"_s][u"reasons"_s][0].toString(), u"The prospect decided to proceed."_s);
    const QStringList strengths = analysis[u"agent_feedback"_s][u"strengths"_s].toVariant().toStringList();
    QVERIFY(strengths.contains(u"You asked 5 questions: the prospect did the explaining."_s));
    QVERIFY(strengths.contains(u"Every objection was worked through to an outcome."_s));
    QCOMPARE(analysis[u"agent_feedback"_s][u"improvements"_s].toArray(), QJsonArray());
    QCOMPARE(analysis[u"follow_up_email"_s][u"subject"_s].toString(), u"Next steps"_s);
    QVERIFY(analysis[u"follow_up_email"_s][u"body"_s].toString().startsWith(u"Hello Dana,\n\n"_s));
    QVERIFY(analysis[u"summary"_s].toString().contains(u"Whitfield Coaching"_s));
    QVERIFY(analysis[u"summary"_s].toString().contains(u"Decision: proceed."_s));
}

void TestRuleBasedAnalyzer::aPoorCallIsFlaggedWithEvidence()
{
    CallHarness call(m_playbook);
    const qint64 start = call.clock().nowMs();
    QVERIFY(call.begin());
    call.clock().advance(100 * kSecond);
    QVERIFY(call.session().raiseObjection(u"timing"_s));
    call.clock().advance(60 * kSecond);
    QVERIFY(call.session().classifyObjection(ObjectionOutcome::Deferred));
    // The call stops here: no decision.

    CallAnalysisInput input;
    input.playbook = &m_playbook;
    input.state = call.state();
    input.events = call.events();
    input.recordingStartedAt = start;
    input.transcript.durationMs = 5 * 60 * kSecond;
    input.transcript.utterances = {
        said(u"A"_s, 0, 95, u"Let me tell you all about how we work and what we have done for others."_s),
        said(u"B"_s, 96, 104, u"Now is not a good time for us."_s),
        said(u"A"_s, 105, 150, u"Trust me, this is a no-brainer for a business like yours."_s),
        said(u"B"_s, 151, 158, u"Maybe later in the year."_s),
        said(u"A"_s, 159, 200, u"Sure. I will send you some material."_s),
    };
    const CallMetrics metrics = CallMetrics::compute(input.transcript);
    const QJsonObject analysis = RuleBasedAnalyzer().analyse(input, metrics);
    expectSchemaShape(m_schema, analysis, u"analysis"_s);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(codesOf(analysis),
        (QStringList{ u"persuasion_during_objection"_s, u"no_explicit_decision"_s,
            u"deferred_objection_without_follow_up"_s, u"agent_dominates_talk"_s }));
    const QJsonObject persuasion = flagOf(analysis, u"persuasion_during_objection"_s);
    QCOMPARE(persuasion[u"severity"_s].toString(), u"high"_s);
    QCOMPARE(persuasion[u"evidence"_s][0][u"quote"_s].toString(),
        u"Trust me, this is a no-brainer for a business like yours."_s);
    QCOMPARE(persuasion[u"evidence"_s][0][u"start_ms"_s].toInteger(), 105000);
    const QJsonObject talk = flagOf(analysis, u"agent_dominates_talk"_s);
    QCOMPARE(talk[u"description"_s].toString(), u"The agent talked 92 % of the time (more than 65 %)."_s);
    QCOMPARE(talk[u"evidence"_s][0][u"start_ms"_s].toInteger(), 0); // the longest monologue
    QCOMPARE(flagOf(analysis, u"deferred_objection_without_follow_up"_s)[u"evidence"_s][0][u"quote"_s].toString(),
        u"Now is not a good time for us."_s);
    QCOMPARE(analysis[u"objections"_s][0][u"handling"_s].toString(), u"deferred"_s);
    const int score = analysis[u"readiness"_s][u"score"_s].toInt();
    QVERIFY2(score <= 35, qPrintable(QString::number(score)));
    QVERIFY(analysis[u"summary"_s].toString().endsWith(u"No decision was recorded."_s));
    const QStringList improvements = analysis[u"agent_feedback"_s][u"improvements"_s].toVariant().toStringList();
    QVERIFY(improvements.contains(u"Ask more open questions: you asked 0."_s));
    QVERIFY(improvements.contains(u"When an objection comes up, ask the diagnostic questions before answering it."_s));
}

void TestRuleBasedAnalyzer::anAdvisoryCallMustNotPitch()
{
    CallHarness call(m_playbook);
    const qint64 start = call.clock().nowMs();
    QVERIFY(call.begin(200)); // fewer than 500 clients: advisory only
    QVERIFY(call.state().advisoryOnly);
    CallAnalysisInput input;
    input.playbook = &m_playbook;
    input.state = call.state();
    input.events = call.events();
    input.recordingStartedAt = start;
    input.transcript.utterances = {
        said(u"A"_s, 0, 10, u"What are you working on this quarter?"_s),
        said(u"B"_s, 11, 30, u"Growing past two hundred clients."_s),
        said(u"A"_s, 31, 45, u"Our program costs 2,000 per month and you could sign up today."_s),
        said(u"B"_s, 46, 60, u"I see. Let me think about it."_s),
    };
    const QJsonObject analysis = RuleBasedAnalyzer().analyse(input, CallMetrics::compute(input.transcript));
    const QJsonObject pitch = flagOf(analysis, u"pitch_in_advisory_call"_s);
    QCOMPARE(pitch[u"severity"_s].toString(), u"high"_s);
    QCOMPARE(pitch[u"evidence"_s].toArray().size(), 1);
    QCOMPARE(pitch[u"evidence"_s][0][u"start_ms"_s].toInteger(), 31000);
    QVERIFY(analysis[u"readiness"_s][u"score"_s].toInt() <= 40);
    QVERIFY(analysis[u"readiness"_s][u"reasons"_s].toVariant().toStringList().contains(
        u"Advisory-only call: the prospect is below the client threshold for an offer."_s));
    QVERIFY(analysis[u"summary"_s].toString().contains(u"(advisory only)"_s));
}

void TestRuleBasedAnalyzer::oneVoiceSaysNothingAboutTalkRatios()
{
    CallHarness call(m_playbook);
    QVERIFY(call.begin(200));
    CallAnalysisInput input;
    input.playbook = &m_playbook;
    input.state = call.state();
    input.events = call.events();
    input.recordingStartedAt = call.state().startedAt;
    // An offline transcript of a mono recording: one label for everyone.
    input.transcript.utterances = { said(u"A"_s, 0, 200, u"our program costs two thousand per month"_s) };
    const CallMetrics metrics = CallMetrics::compute(input.transcript);
    QVERIFY(!metrics.speakersKnown);
    QCOMPARE(metrics.toJson()[u"speakers_known"_s].toBool(), false);
    const QJsonObject analysis = RuleBasedAnalyzer().analyse(input, metrics);
    // Who said it is unknown: no pitch, persuasion or talk flags.
    QCOMPARE(codesOf(analysis), QStringList{ u"no_explicit_decision"_s });
}

QTEST_GUILESS_MAIN(TestRuleBasedAnalyzer)
#include "tst_rulebasedanalyzer.moc"
