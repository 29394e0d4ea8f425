// SqlScript: migration files split into the statements Qt SQL can run.
#include "storage/sqlscript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos::server;

class TestSqlScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsPlainStatementsAndDropsComments();
    void keepsQuotedSemicolons();
    void keepsSqliteTriggerBodyWhole();
    void keepsDollarQuotedBodyWhole();
};

void TestSqlScript::splitsPlainStatementsAndDropsComments()
{
    const QStringList statements = SqlScript::split(
        u"-- header; with a semicolon\nCREATE TABLE a (x INT); /* block; */ CREATE TABLE b (y INT);\n-- end\n"_s);
    QCOMPARE(statements, (QStringList{ u"CREATE TABLE a (x INT)"_s, u"CREATE TABLE b (y INT)"_s }));
}

void TestSqlScript::keepsQuotedSemicolons()
{
    const QStringList statements
        = SqlScript::split(u"INSERT INTO t VALUES ('a;b', 'it''s; here'); SELECT \"odd;name\" FROM t;"_s);
    QCOMPARE(statements,
        (QStringList{ u"INSERT INTO t VALUES ('a;b', 'it''s; here')"_s, u"SELECT \"odd;name\" FROM t"_s }));
}

void TestSqlScript::keepsSqliteTriggerBodyWhole()
{
    const QStringList statements = SqlScript::split(u"CREATE TRIGGER t BEFORE UPDATE ON x\nBEGIN\n"
                                                    "    SELECT CASE WHEN 1 THEN RAISE(ABORT, 'no') END;\n"
                                                    "    SELECT 2;\nEND;\nCREATE INDEX i ON x (a);"_s);
    QCOMPARE(statements.size(), 2);
    QVERIFY(statements.at(0).startsWith(u"CREATE TRIGGER t"_s));
    QVERIFY(statements.at(0).endsWith(u"SELECT 2;\nEND"_s));
    QCOMPARE(statements.at(1), u"CREATE INDEX i ON x (a)"_s);
}

void TestSqlScript::keepsDollarQuotedBodyWhole()
{
    const QStringList statements = SqlScript::split(
        u"CREATE FUNCTION f() RETURNS trigger AS $body$\nBEGIN\n  RAISE EXCEPTION 'x;y';\nEND;\n$body$ "
        "LANGUAGE plpgsql;\nCREATE TRIGGER t BEFORE DELETE ON x FOR EACH ROW EXECUTE FUNCTION f();"_s);
    QCOMPARE(statements.size(), 2);
    QVERIFY(statements.at(0).endsWith(u"$body$ LANGUAGE plpgsql"_s));
    QCOMPARE(statements.at(1), u"CREATE TRIGGER t BEFORE DELETE ON x FOR EACH ROW EXECUTE FUNCTION f()"_s);
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
