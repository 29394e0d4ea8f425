#include "playbook/playbookloader.h"
#include "jsonedits.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using callos::PlaybookLoader;

namespace {

using callos::test::kRemove;
using Edit = callos::test::JsonEdit;

QJsonObject defaultRoot()
{
    static const QJsonObject root = callos::test::readJsonObject(callos::test::defaultPlaybookPath());
    return root;
}

// The default playbook with edits applied.
QByteArray mutated(std::initializer_list<Edit> edits)
{
    return callos::test::withEdits(defaultRoot(), edits);
}

QJsonArray questions(int count)
{
    QJsonArray out;
    for (int i = 1; i <= count; ++i)
        out.append(QJsonObject{{u"id"_s, u"q%1"_s.arg(i)}, {u"text"_s, u"Why?"_s}});
    return out;
}

QString identifierRule()
{
    return u"must start with a letter and contain only letters, digits, '-' or '_' (at most 64)"_s;
}

} // namespace

class TestPlaybookLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPlaybookLoads();
    void serializedDefaultIsValid();
    void rejectsMalformedPlaybook_data();
    void rejectsMalformedPlaybook();
    void loadFileReportsMissingFile();
    void loadFileReadsWrittenFile();
    void loadFileRefusesLargeFileBeforeReading();
};

void TestPlaybookLoader::defaultPlaybookLoads()
{
    const auto loaded = PlaybookLoader::loadFile(callos::test::defaultPlaybookPath());
    QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.messages().join(u'\n')));
    QVERIFY(loaded.ok());
    const callos::Playbook &playbook = *loaded.value;

    QCOMPARE(playbook.schemaVersion, 1);
    QCOMPARE(playbook.id, u"default"_s);
    QCOMPARE(playbook.currency, u"USD"_s);
    QCOMPARE(playbook.precallChecklist.size(), 8);

    QStringList milestoneIds;
    for (const callos::Milestone &milestone : playbook.milestones)
        milestoneIds.append(milestone.id);
    QCOMPARE(milestoneIds, (QStringList{u"context"_s, u"current-state"_s, u"vision"_s, u"reality"_s,
                                        u"solution"_s, u"offer"_s, u"decision"_s}));
    QCOMPARE(playbook.decisionMilestone().id, u"decision"_s);

    QCOMPARE(playbook.objections.size(), 6);
    for (const callos::ObjectionType &objection : playbook.objections) {
        QVERIFY2(objection.questions.size() >= 3 && objection.questions.size() <= 5, qPrintable(objection.id));
    }

    const callos::GateRule &gate = playbook.gate;
    QCOMPARE(gate.field, u"clientCount"_s);
    QCOMPARE(gate.op, callos::GateOp::GreaterOrEqual);
    QCOMPARE(gate.value, 500.0);
    QCOMPARE(gate.blockedMilestones, (QStringList{u"solution"_s, u"offer"_s}));
    QVERIFY(playbook.field(gate.field) && playbook.field(gate.field)->type == callos::FieldType::Integer);
    QVERIFY(!gate.passes(499));
    QVERIFY(gate.passes(500));
    QVERIFY(!gate.passes(std::nullopt));

    for (const QString &reason : {u"under-500-clients"_s, u"cash-flow"_s, u"no-decision-authority"_s})
        QVERIFY2(playbook.decision.reason(reason), qPrintable(reason));
    QVERIFY(playbook.decision.choice(callos::DecisionOption::Proceed));
    QVERIFY(playbook.decision.choice(callos::DecisionOption::Pause));
    QVERIFY(playbook.decision.choice(callos::DecisionOption::Decline));
}

// Every bad row below is this document with one change, so it must be valid itself.
void TestPlaybookLoader::serializedDefaultIsValid()
{
    const auto loaded = PlaybookLoader::parse(mutated({}), u"bad.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
}

void TestPlaybookLoader::rejectsMalformedPlaybook_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");

    const QString unknownCallObjective = u"bad.json: milestones[0].summaryTemplate: unknown placeholder {{callObjective}}"_s;

    // Wrong types.
    // A milestone with an invalid id, title, goal or estimatedMinutes is dropped with its fields, so every
    // template naming one of those fields reports it as unknown as well (see the report).
    QTest::newRow("string where number")
        << mutated({{u"milestones[1].estimatedMinutes"_s, u"10"_s}})
        << QStringList{u"bad.json: milestones[1].estimatedMinutes: must be a whole number"_s};
    QTest::newRow("fraction where whole number") << mutated({{u"version"_s, 1.5}})
                                                 << QStringList{u"bad.json: version: must be a whole number"_s};
    QTest::newRow("number where string") << mutated({{u"name"_s, 42}})
                                         << QStringList{u"bad.json: name: must be a string"_s};
    QTest::newRow("number in string array") << mutated({{u"milestones[0].guidance[1]"_s, 5}})
                                            << QStringList{u"bad.json: milestones[0].guidance[1]: must be a non-empty string"_s};
    QTest::newRow("array where object") << mutated({{u"gate"_s, QJsonArray{}}})
                                        << QStringList{u"bad.json: gate: must be an object"_s};
    QTest::newRow("string where boolean") << mutated({{u"precallChecklist[0].required"_s, u"yes"_s}})
                                          << QStringList{u"bad.json: precallChecklist[0].required: must be true or false"_s};

    // Missing required keys.
    QTest::newRow("missing id") << mutated({{u"id"_s, kRemove}}) << QStringList{u"bad.json: id: is required"_s};
    QTest::newRow("null id") << mutated({{u"id"_s, QJsonValue::Null}}) << QStringList{u"bad.json: id: is required"_s};
    QTest::newRow("missing milestones")
        << mutated({{u"milestones"_s, kRemove}})
        << QStringList{u"bad.json: milestones: is required"_s,
                       u"bad.json: gate.blockedMilestones[0]: unknown milestone 'solution'"_s,
                       u"bad.json: gate.blockedMilestones[1]: unknown milestone 'offer'"_s};
    QTest::newRow("missing gate") << mutated({{u"gate"_s, kRemove}}) << QStringList{u"bad.json: gate: is required"_s};
    QTest::newRow("missing milestone goal")
        << mutated({{u"milestones[2].goal"_s, kRemove}})
        << QStringList{u"bad.json: milestones[2].goal: is required"_s};
    QTest::newRow("blank milestone title")
        << mutated({{u"milestones[2].title"_s, u"   "_s}})
        << QStringList{u"bad.json: milestones[2].title: must not be empty"_s};

    // Unknown keys.
    QTest::newRow("unknown key at root") << mutated({{u"colour"_s, u"blue"_s}})
                                         << QStringList{u"bad.json: colour: unknown key"_s};
    QTest::newRow("typo in checklist item")
        << mutated({{u"milestones[1].checklist[0].required"_s, kRemove}, {u"milestones[1].checklist[0].requried"_s, true}})
        << QStringList{u"bad.json: milestones[1].checklist[0].requried: unknown key"_s};

    // Identifiers.
    QTest::newRow("duplicate milestone id")
        << mutated({{u"milestones[3].id"_s, u"vision"_s}})
        << QStringList{u"bad.json: milestones[3].id: duplicate milestone id 'vision' (first at milestones[2].id)"_s};
    // The milestone field with the duplicate id is dropped, so the template that named it by its old id reports it.
    QTest::newRow("duplicate field id across prospect fields and milestone")
        << mutated({{u"milestones[0].fields[0].id"_s, u"clientCount"_s}})
        << QStringList{u"bad.json: milestones[0].fields[0].id: duplicate field id 'clientCount' (first at prospectFields[2].id)"_s,
                       unknownCallObjective};
    QTest::newRow("duplicate precall checklist id")
        << mutated({{u"precallChecklist[3].id"_s, u"reviewed-crm"_s}})
        << QStringList{u"bad.json: precallChecklist[3].id: duplicate checklist item id 'reviewed-crm' (first at precallChecklist[0].id)"_s};
    QTest::newRow("id starting with a digit")
        << mutated({{u"milestones[0].id"_s, u"1st"_s}})
        << QStringList{u"bad.json: milestones[0].id: must start with a letter and contain only letters, digits, '-' or '_' (at most 64)"_s};
    QTest::newRow("id with a space") << mutated({{u"precallChecklist[1].id"_s, u"has space"_s}})
                                     << QStringList{u"bad.json: precallChecklist[1].id: "_s + identifierRule()};

    // Field definitions. A field with any error is dropped, so templates naming it report it as unknown too.
    QTest::newRow("min greater than max")
        << mutated({{u"milestones[1].fields[0].min"_s, 200000}})
        << QStringList{u"bad.json: milestones[1].fields[0].min: must be <= max"_s};
    QTest::newRow("date min after max")
        << mutated({{u"milestones[2].fields[3].max"_s, u"2019-12-31"_s}})
        << QStringList{u"bad.json: milestones[2].fields[3].min: must be <= max"_s};
    QTest::newRow("invalid date bound")
        << mutated({{u"milestones[2].fields[3].min"_s, u"2020-02-30"_s}})
        << QStringList{u"bad.json: milestones[2].fields[3].min: must be a date YYYY-MM-DD"_s};
    QTest::newRow("percent min below 0")
        << mutated({{u"prospectFields[4].min"_s, -5}})
        << QStringList{u"bad.json: prospectFields[4].min: a percent cannot be below 0"_s};
    QTest::newRow("choice without options")
        << mutated({{u"milestones[1].fields[3].options"_s, kRemove}})
        << QStringList{u"bad.json: milestones[1].fields[3].options: is required"_s};
    QTest::newRow("maxLength on an integer field")
        << mutated({{u"milestones[4].fields[1].maxLength"_s, 10}})
        << QStringList{u"bad.json: milestones[4].fields[1].maxLength: only for text fields"_s};
    QTest::newRow("multiline on a number field")
        << mutated({{u"prospectFields[2].multiline"_s, true}})
        << QStringList{u"bad.json: prospectFields[2].multiline: only for text fields"_s};
    QTest::newRow("multiline not a boolean")
        << mutated({{u"prospectFields[3].multiline"_s, u"yes"_s}})
        << QStringList{u"bad.json: prospectFields[3].multiline: must be true or false"_s};
    QTest::newRow("maxLength on the gate field")
        << mutated({{u"prospectFields[2].maxLength"_s, 10}})
        << QStringList{u"bad.json: prospectFields[2].maxLength: only for text fields"_s};
    QTest::newRow("min on a text field")
        << mutated({{u"milestones[3].fields[1].min"_s, 1}})
        << QStringList{u"bad.json: milestones[3].fields[1].min: only for integer, money, percent and date fields"_s};
    // With an unknown type the type-specific keys are never read, so a valid maxLength shows up as unknown.
    QTest::newRow("unknown field type")
        << mutated({{u"prospectFields[5].type"_s, u"url"_s}})
        << QStringList{u"bad.json: prospectFields[5].type: must be one of integer, money, percent, text, choice, date (got 'url')"_s};

    // Gate.
    QTest::newRow("gate on unknown field") << mutated({{u"gate.field"_s, u"clientCnt"_s}})
                                           << QStringList{u"bad.json: gate.field: unknown field 'clientCnt'"_s};
    QTest::newRow("gate on text field")
        << mutated({{u"gate.field"_s, u"company"_s}})
        << QStringList{u"bad.json: gate.field: must name a numeric field (integer, money or percent)"_s};
    QTest::newRow("gate field not a string") << mutated({{u"gate.field"_s, 3}})
                                             << QStringList{u"bad.json: gate.field: must be a string"_s};
    QTest::newRow("gate op invalid")
        << mutated({{u"gate.op"_s, u"=>"_s}})
        << QStringList{u"bad.json: gate.op: must be one of >=, >, <=, <, ==, != (got '=>')"_s};
    QTest::newRow("gate blocks unknown and decision milestones")
        << mutated({{u"gate.blockedMilestones"_s, QJsonArray{u"solution"_s, u"closing"_s, u"decision"_s, 7}}})
        << QStringList{u"bad.json: gate.blockedMilestones[3]: must be a milestone id"_s,
                       u"bad.json: gate.blockedMilestones[1]: unknown milestone 'closing'"_s,
                       u"bad.json: gate.blockedMilestones[2]: the decision milestone cannot be blocked"_s};

    // Templates.
    QTest::newRow("unknown placeholder in summaryTemplate")
        << mutated({{u"milestones[0].summaryTemplate"_s, u"{{prospectName}} wants {{budget}}."_s}})
        << QStringList{u"bad.json: milestones[0].summaryTemplate: unknown placeholder {{budget}}"_s};
    QTest::newRow("unknown placeholder in gate failMessage")
        << mutated({{u"gate.failMessage"_s, u"Advisory only: {{clientCount}} clients, {{revenue}} revenue."_s}})
        << QStringList{u"bad.json: gate.failMessage: unknown placeholder {{revenue}}"_s};
    QTest::newRow("unclosed placeholder")
        << mutated({{u"gate.passMessage"_s, u"Qualified: {{clientCount clients."_s}})
        << QStringList{u"bad.json: gate.passMessage: unclosed '{{' at character 12"_s};
    QTest::newRow("empty and non-identifier placeholders")
        << mutated({{u"milestones[6].summaryTemplate"_s, u"{{}} then {{next step}}"_s}})
        << QStringList{u"bad.json: milestones[6].summaryTemplate: empty placeholder at character 1"_s,
                       u"bad.json: milestones[6].summaryTemplate: placeholder 'next step' is not a field id"_s};

    // Versions, counts and ranges.
    // The "unknown key" lines are not wanted (the loader means to stop at the version); see the report.
    QTest::newRow("schemaVersion 2")
        << mutated({{u"schemaVersion"_s, 2}})
        << QStringList{u"bad.json: schemaVersion: unsupported version 2; this CallOS reads version 1"_s};
    QTest::newRow("lowercase currency")
        << mutated({{u"currency"_s, u"usd"_s}})
        << QStringList{u"bad.json: currency: must be an ISO 4217 code such as USD or EUR"_s};
    QTest::newRow("decision option maybe")
        << mutated({{u"decision.options[1].id"_s, u"maybe"_s}})
        << QStringList{u"bad.json: decision.options[1].id: must be one of proceed, pause, decline (got 'maybe')"_s};
    QTest::newRow("duplicate decision option")
        << mutated({{u"decision.options[1].id"_s, u"proceed"_s}})
        << QStringList{u"bad.json: decision.options[1].id: duplicate decision option 'proceed' (first at decision.options[0].id)"_s};
    QTest::newRow("decline without reasons")
        << mutated({{u"decision.disqualificationReasons"_s, kRemove}})
        << QStringList{u"bad.json: decision.disqualificationReasons: at least one reason is required when decline is an option"_s};
    QTest::newRow("decline with empty reasons")
        << mutated({{u"decision.disqualificationReasons"_s, QJsonArray{}}})
        << QStringList{u"bad.json: decision.disqualificationReasons: at least one reason is required when decline is an option"_s};
    QTest::newRow("objection with 0 questions")
        << mutated({{u"objections[0].questions"_s, QJsonArray{}}})
        << QStringList{u"bad.json: objections[0].questions: must have at least one entry"_s};
    QTest::newRow("objection with 11 questions")
        << mutated({{u"objections[1].questions"_s, questions(11)}})
        << QStringList{u"bad.json: objections[1].questions: must have at most 10 entries"_s};
    // The milestone is dropped with its fields, so its own template's {{callObjective}} turns unknown.
    QTest::newRow("estimatedMinutes 0")
        << mutated({{u"milestones[0].estimatedMinutes"_s, 0}})
        << QStringList{u"bad.json: milestones[0].estimatedMinutes: must be between 1 and 240"_s};
    QTest::newRow("estimatedMinutes 241")
        << mutated({{u"milestones[5].estimatedMinutes"_s, 241}})
        << QStringList{u"bad.json: milestones[5].estimatedMinutes: must be between 1 and 240"_s};

    // Several independent problems: every one is reported, in document order, unknown root keys last.
    QTest::newRow("many problems at once")
        << mutated({{u"id"_s, kRemove},
                    {u"name"_s, 42},
                    {u"milestones[2].goal"_s, kRemove},
                    {u"objections[2].questions[0].text"_s, kRemove},
                    {u"decision.options[0].id"_s, u"maybe"_s},
                    {u"colour"_s, u"blue"_s}})
        << QStringList{u"bad.json: id: is required"_s,
                       u"bad.json: name: must be a string"_s,
                       u"bad.json: milestones[2].goal: is required"_s,
                       u"bad.json: objections[2].questions[0].text: is required"_s,
                       u"bad.json: decision.options[0].id: must be one of proceed, pause, decline (got 'maybe')"_s,
                       u"bad.json: colour: unknown key"_s};

    // File-level problems.
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\n  \"name\": \"Caf\xC3\xA9 \xFF\"\n}")
        << QStringList{u"bad.json: line 2, column 18: invalid UTF-8"_s};
    QTest::newRow("overlong UTF-8") << QByteArray("{\"name\": \"\xC0\xAF\"}")
                                    << QStringList{u"bad.json: line 1, column 11: invalid UTF-8"_s};
    QTest::newRow("UTF-8 encoded surrogate") << QByteArray("{\"name\": \"\xED\xA0\x80\"}")
                                             << QStringList{u"bad.json: line 1, column 11: invalid UTF-8"_s};
    QTest::newRow("escaped lone high surrogate") << QByteArray("{\"name\": \"a\\ud800b\"}")
                                                 << QStringList{u"bad.json: line 1, column 12: \\ud800 is half of a surrogate pair without its other half, not a character"_s};
    QTest::newRow("escaped lone low surrogate") << QByteArray("{\"name\": \"\\uDC00\"}")
                                                << QStringList{u"bad.json: line 1, column 11: \\uDC00 is half of a surrogate pair without its other half, not a character"_s};
    QTest::newRow("escaped pair backwards") << QByteArray("{\"name\": \"\\udc00\\ud800\"}")
                                            << QStringList{u"bad.json: line 1, column 11: \\udc00 is half of a surrogate pair without its other half, not a character"_s};
    QTest::newRow("truncated UTF-8 at end") << QByteArray("{}\xE2\x82")
                                            << QStringList{u"bad.json: line 1, column 3: invalid UTF-8"_s};
    QTest::newRow("empty file") << QByteArray() << QStringList{u"bad.json: file is empty"_s};
    QTest::newRow("whitespace-only file") << QByteArray(" \n\t\r\n  ") << QStringList{u"bad.json: file is empty"_s};
    {
        const qsizetype size = 10 * 1024 * 1024;
        const QByteArray head = "{\"name\": \"";
        const QByteArray tail = "\"}";
        QTest::newRow("10 MB file") << QByteArray(head + QByteArray(size - head.size() - tail.size(), 'x') + tail)
                                    << QStringList{u"bad.json: file is too large (10485760 bytes; the limit is 2097152)"_s};
    }
    QTest::newRow("1000 nested arrays") << QByteArray(QByteArray(1000, '[') + QByteArray(1000, ']'))
                                        << QStringList{u"bad.json: line 1, column 33: nested deeper than 32 levels"_s};
    QTest::newRow("brackets inside strings do not nest")
        << QByteArray("{\"name\": \"" + QByteArray(100, '[') + "\"}")
        << QStringList{u"bad.json: schemaVersion: is required"_s,
                       u"bad.json: id: is required"_s,
                       u"bad.json: version: is required"_s,
                       u"bad.json: prospectFields: is required"_s,
                       u"bad.json: precallChecklist: is required"_s,
                       u"bad.json: gate: is required"_s,
                       u"bad.json: milestones: is required"_s,
                       u"bad.json: objections: is required"_s,
                       u"bad.json: decision: is required"_s};
    QTest::newRow("trailing garbage") << QByteArray("{\"schemaVersion\": 1}\n}")
                                      << QStringList{u"bad.json: line 2, column 1: garbage at the end of the document"_s};
    QTest::newRow("missing colon") << QByteArray("{\n  \"id\": \"x\",\n  \"name\" \"y\"\n}")
                                   << QStringList{u"bad.json: line 3, column 11: missing name separator"_s};
    QTest::newRow("root is an array") << QByteArray("[{\"schemaVersion\": 1}]")
                                      << QStringList{u"bad.json: must be a JSON object"_s};
}

void TestPlaybookLoader::rejectsMalformedPlaybook()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);

    const auto loaded = PlaybookLoader::parse(bytes, u"bad.json"_s);
    // Every message at once, in order; on a mismatch show them all.
    QVERIFY2(loaded.messages() == expected, qPrintable(u"got:\n"_s + loaded.messages().join(u'\n')));
    QVERIFY(!loaded.value.has_value());
    QVERIFY(!loaded.ok());
    for (const callos::ValidationError &error : loaded.errors)
        QCOMPARE(error.file, u"bad.json"_s);
}

void TestPlaybookLoader::loadFileReportsMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto loaded = PlaybookLoader::loadFile(dir.filePath(u"missing.json"_s));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.errors.size(), 1);
    QVERIFY2(loaded.messages().constFirst().startsWith(u"missing.json: cannot open: "_s),
             qPrintable(loaded.messages().constFirst()));
}

void TestPlaybookLoader::loadFileReadsWrittenFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    };

    write(u"coaching.json"_s, mutated({{u"id"_s, u"coaching"_s}}));
    const auto good = PlaybookLoader::loadFile(dir.filePath(u"coaching.json"_s));
    QVERIFY2(good.ok(), qPrintable(good.messages().join(u'\n')));
    QCOMPARE(good.value->id, u"coaching"_s);
    QCOMPARE(good.value->milestones.size(), 7);

    // Errors name the file by its name only, not the directory it sits in.
    write(u"broken.json"_s, mutated({{u"gate.op"_s, u"=>"_s}, {u"objections[0].label"_s, kRemove}}));
    const auto broken = PlaybookLoader::loadFile(dir.filePath(u"broken.json"_s));
    QVERIFY(!broken.value.has_value());
    QCOMPARE(broken.messages(),
             (QStringList{u"broken.json: gate.op: must be one of >=, >, <=, <, ==, != (got '=>')"_s,
                          u"broken.json: objections[0].label: is required"_s}));
}

void TestPlaybookLoader::loadFileRefusesLargeFileBeforeReading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = mutated({});
    QFile file(dir.filePath(u"big.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    callos::JsonLimits limits;
    limits.maxBytes = 1000;
    const auto loaded = PlaybookLoader::loadFile(file.fileName(), limits);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.messages(),
             QStringList{u"big.json: file is too large (%1 bytes; the limit is 1000)"_s.arg(bytes.size())});
}

QTEST_GUILESS_MAIN(TestPlaybookLoader)
#include "tst_playbookloader.moc"
