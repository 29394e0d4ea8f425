#include "playbook/fieldvalues.h"
#include "testpaths.h"

#include <QJsonValue>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using callos::FieldFormatter;
using callos::FieldValues;

namespace {

const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
const QLocale kGerman(QLocale::German, QLocale::Germany);

} // namespace

class TestFieldValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void formatsValues_data();
    void formatsValues();
    void formatsMoneyInPlaybookCurrency();
    void rendersTemplates();
    void missingValuesRenderAsGap();
    void fieldValueProblem_data();
    void fieldValueProblem();
    void fieldValueProblemBounds();

private:
    callos::Playbook m_playbook;
};

void TestFieldValues::initTestCase()
{
    // fieldValueProblem() words its bounds in the default locale.
    QLocale::setDefault(kEnglish);
    m_playbook = callos::test::loadDefaultPlaybook();
}

void TestFieldValues::formatsValues_data()
{
    QTest::addColumn<QString>("fieldId");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");

    QTest::newRow("integer") << u"clientCount"_s << QJsonValue(1200) << u"1,200"_s << u"1.200"_s;
    QTest::newRow("large integer") << u"clientCount"_s << QJsonValue(1000000) << u"1,000,000"_s << u"1.000.000"_s;
    QTest::newRow("zero") << u"clientCount"_s << QJsonValue(0) << u"0"_s << u"0"_s;
    QTest::newRow("money whole") << u"monthlyRevenue"_s << QJsonValue(12500) << u"$12,500"_s << u"12.500\u00A0$"_s;
    QTest::newRow("money with cents") << u"monthlyRevenue"_s << QJsonValue(1234.5) << u"$1,234.50"_s
                                      << u"1.234,50\u00A0$"_s;
    QTest::newRow("percent whole") << u"churnRate"_s << QJsonValue(18) << u"18%"_s << u"18%"_s;
    QTest::newRow("percent fraction") << u"churnRate"_s << QJsonValue(12.5) << u"12.5%"_s << u"12,5%"_s;
    QTest::newRow("date") << u"targetDate"_s << QJsonValue(u"2024-03-05"_s) << u"3/5/24"_s << u"05.03.24"_s;
    QTest::newRow("choice label") << u"deliveryModel"_s << QJsonValue(u"group"_s) << u"Group"_s << u"Group"_s;
    QTest::newRow("text as is") << u"company"_s << QJsonValue(u"Acme & Co"_s) << u"Acme & Co"_s << u"Acme & Co"_s;

    const QString gap = u"—"_s;
    QTest::newRow("null") << u"clientCount"_s << QJsonValue(QJsonValue::Null) << gap << gap;
    QTest::newRow("absent") << u"clientCount"_s << QJsonValue(QJsonValue::Undefined) << gap << gap;
    QTest::newRow("blank text") << u"company"_s << QJsonValue(u"  "_s) << gap << gap;
    QTest::newRow("unknown choice") << u"deliveryModel"_s << QJsonValue(u"solo"_s) << gap << gap;
    QTest::newRow("invalid date") << u"targetDate"_s << QJsonValue(u"2024-02-30"_s) << gap << gap;
}

void TestFieldValues::formatsValues()
{
    QFETCH(QString, fieldId);
    QFETCH(QJsonValue, value);
    QFETCH(QString, english);
    QFETCH(QString, german);

    const callos::FieldDefinition *field = m_playbook.field(fieldId);
    QVERIFY(field);
    QCOMPARE(FieldFormatter(m_playbook, kEnglish).format(*field, value), english);
    QCOMPARE(FieldFormatter(m_playbook, kGerman).format(*field, value), german);

    const FieldValues values{{fieldId, value}};
    QCOMPARE(FieldFormatter(m_playbook, kEnglish).format(fieldId, values), english);
    QCOMPARE(FieldFormatter(m_playbook, kGerman).format(fieldId, values), german);
}

void TestFieldValues::formatsMoneyInPlaybookCurrency()
{
    callos::Playbook euros = m_playbook;
    euros.currency = u"EUR"_s;
    callos::Playbook francs = m_playbook;
    francs.currency = u"CHF"_s;
    const FieldValues values{{u"monthlyRevenue"_s, 12500}};

    QCOMPARE(FieldFormatter(euros, kEnglish).format(u"monthlyRevenue"_s, values), u"€12,500"_s);
    QCOMPARE(FieldFormatter(euros, kGerman).format(u"monthlyRevenue"_s, values), u"12.500\u00A0€"_s);
    // A currency without a symbol of its own reads as "amount CODE" in every locale.
    QCOMPARE(FieldFormatter(francs, kEnglish).format(u"monthlyRevenue"_s, values), u"12,500\u00A0CHF"_s);
    QCOMPARE(FieldFormatter(francs, kGerman).format(u"monthlyRevenue"_s, values), u"12.500\u00A0CHF"_s);
}

void TestFieldValues::rendersTemplates()
{
    const FieldValues values{{u"prospectName"_s, u"Ann"_s},
                             {u"clientCount"_s, 1200},
                             {u"monthlyRevenue"_s, 12500},
                             {u"churnRate"_s, 18}};
    const QString text = u"{{prospectName}}: {{clientCount}} clients, {{monthlyRevenue}} a month, churn {{churnRate}}."_s;

    QCOMPARE(FieldFormatter(m_playbook, kEnglish).render(text, values),
             u"Ann: 1,200 clients, $12,500 a month, churn 18%."_s);
    QCOMPARE(FieldFormatter(m_playbook, kGerman).render(text, values),
             u"Ann: 1.200 clients, 12.500\u00A0$ a month, churn 18%."_s);
}

void TestFieldValues::missingValuesRenderAsGap()
{
    const FieldFormatter formatter(m_playbook, kEnglish);
    const FieldValues values{{u"prospectName"_s, u"Ann"_s}, {u"company"_s, QJsonValue::Null}};

    const QString rendered = formatter.render(u"{{prospectName}} ({{company}}) has {{clientCount}} clients."_s, values);
    QCOMPARE(rendered, u"Ann (—) has — clients."_s);
    QVERIFY(!rendered.contains(u"{{clientCount}}"_s));
    QVERIFY(!rendered.contains(u"{{"_s));

    QCOMPARE(formatter.render(u"{{notAField}}"_s, values), FieldFormatter::gap());
    QCOMPARE(formatter.format(u"notAField"_s, values), u"—"_s);
    QCOMPARE(FieldFormatter::gap(), u"—"_s);
}

void TestFieldValues::fieldValueProblem_data()
{
    QTest::addColumn<QString>("fieldId");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem"); // empty when the value is valid

    const QJsonValue null(QJsonValue::Null);
    for (const QString &fieldId : {u"clientCount"_s, u"monthlyRevenue"_s, u"churnRate"_s, u"company"_s,
                                   u"deliveryModel"_s, u"targetDate"_s}) {
        QTest::addRow("%s null is valid", qPrintable(fieldId)) << fieldId << null << QString();
        QTest::addRow("%s absent is valid", qPrintable(fieldId)) << fieldId << QJsonValue(QJsonValue::Undefined)
                                                                 << QString();
    }

    QTest::newRow("integer valid") << u"clientCount"_s << QJsonValue(1200) << QString();
    QTest::newRow("integer at max") << u"clientCount"_s << QJsonValue(1000000) << QString();
    QTest::newRow("integer fraction") << u"clientCount"_s << QJsonValue(12.5)
                                      << u"Active clients must be a whole number."_s;
    QTest::newRow("integer as string") << u"clientCount"_s << QJsonValue(u"12"_s)
                                       << u"Active clients must be a number."_s;
    QTest::newRow("integer as bool") << u"clientCount"_s << QJsonValue(true) << u"Active clients must be a number."_s;
    QTest::newRow("integer below min") << u"clientCount"_s << QJsonValue(-1)
                                       << u"Active clients must be between 0 and 1,000,000."_s;
    QTest::newRow("integer above max") << u"teamSize"_s << QJsonValue(10001)
                                       << u"Team size (coaches and staff) must be between 1 and 10,000."_s;

    QTest::newRow("money with cents") << u"monthlyRevenue"_s << QJsonValue(12500.5) << QString();
    QTest::newRow("money below min") << u"monthlyRevenue"_s << QJsonValue(-0.01)
                                     << u"Monthly revenue must be at least 0."_s;
    QTest::newRow("money as string") << u"monthlyRevenue"_s << QJsonValue(u"$12,500"_s)
                                     << u"Monthly revenue must be a number."_s;

    QTest::newRow("percent fraction") << u"churnRate"_s << QJsonValue(18.5) << QString();
    QTest::newRow("percent above max") << u"churnRate"_s << QJsonValue(101)
                                       << u"Monthly churn must be between 0 and 100."_s;
    QTest::newRow("percent as string") << u"churnRate"_s << QJsonValue(u"18%"_s) << u"Monthly churn must be a number."_s;

    QTest::newRow("text valid") << u"company"_s << QJsonValue(u"Acme"_s) << QString();
    QTest::newRow("text empty is valid") << u"company"_s << QJsonValue(u""_s) << QString();
    QTest::newRow("text as number") << u"company"_s << QJsonValue(5) << u"Company must be text."_s;
    QTest::newRow("text at maxLength") << u"zoomLink"_s << QJsonValue(QString(500, u'x')) << QString();
    QTest::newRow("text too long") << u"zoomLink"_s << QJsonValue(QString(501, u'x'))
                                   << u"Zoom link is too long (at most 500 characters)."_s;
    QTest::newRow("text too long by default limit") << u"company"_s << QJsonValue(QString(2001, u'x'))
                                                    << u"Company is too long (at most 2000 characters)."_s;

    QTest::newRow("choice valid") << u"deliveryModel"_s << QJsonValue(u"hybrid"_s) << QString();
    QTest::newRow("choice unknown option") << u"deliveryModel"_s << QJsonValue(u"solo"_s)
                                           << u"Delivery model must be one of the listed options."_s;
    QTest::newRow("choice label instead of id") << u"deliveryModel"_s << QJsonValue(u"Group"_s)
                                                << u"Delivery model must be one of the listed options."_s;
    QTest::newRow("choice as number") << u"deliveryModel"_s << QJsonValue(1)
                                      << u"Delivery model must be one of the listed options."_s;

    QTest::newRow("date valid") << u"targetDate"_s << QJsonValue(u"2024-03-05"_s) << QString();
    QTest::newRow("date at min") << u"targetDate"_s << QJsonValue(u"2020-01-01"_s) << QString();
    QTest::newRow("date impossible") << u"targetDate"_s << QJsonValue(u"2024-02-30"_s)
                                     << u"Target date must be a date (YYYY-MM-DD)."_s;
    QTest::newRow("date in local format") << u"targetDate"_s << QJsonValue(u"05.03.2024"_s)
                                          << u"Target date must be a date (YYYY-MM-DD)."_s;
    QTest::newRow("date as number") << u"targetDate"_s << QJsonValue(20240305)
                                    << u"Target date must be a date (YYYY-MM-DD)."_s;
    QTest::newRow("date before min") << u"targetDate"_s << QJsonValue(u"2019-12-31"_s)
                                     << u"Target date is outside the allowed dates."_s;
}

void TestFieldValues::fieldValueProblem()
{
    QFETCH(QString, fieldId);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);

    const callos::FieldDefinition *field = m_playbook.field(fieldId);
    QVERIFY(field);
    const std::optional<QString> actual = callos::fieldValueProblem(*field, value);
    if (problem.isEmpty())
        QVERIFY2(!actual, qPrintable(actual.value_or(QString())));
    else
        QCOMPARE(actual.value_or(u"<valid>"_s), problem);
}

void TestFieldValues::fieldValueProblemBounds()
{
    callos::FieldDefinition score;
    score.label = u"Score"_s;
    score.type = callos::FieldType::Integer;
    QVERIFY(!callos::fieldValueProblem(score, QJsonValue(-1000000)));

    score.max = 10;
    QCOMPARE(callos::fieldValueProblem(score, QJsonValue(11)).value_or(QString()), u"Score must be at most 10."_s);
    QVERIFY(!callos::fieldValueProblem(score, QJsonValue(10)));

    score.max.reset();
    score.min = 1;
    QCOMPARE(callos::fieldValueProblem(score, QJsonValue(0)).value_or(QString()), u"Score must be at least 1."_s);

    callos::FieldDefinition deadline;
    deadline.label = u"Deadline"_s;
    deadline.type = callos::FieldType::Date;
    deadline.maxDate = QDate(2030, 12, 31);
    QVERIFY(!callos::fieldValueProblem(deadline, QJsonValue(u"2030-12-31"_s)));
    QCOMPARE(callos::fieldValueProblem(deadline, QJsonValue(u"2031-01-01"_s)).value_or(QString()),
             u"Deadline is outside the allowed dates."_s);
}

QTEST_GUILESS_MAIN(TestFieldValues)
#include "tst_fieldvalues.moc"
