#include "storage/sql_script.h"
#include "test_registry.h"

#include <QTest>

using ch::storage::splitSqlScript;
using Statements = std::vector<std::string>;

class TestSqlScript : public QObject
{
    Q_OBJECT
private slots:
    void splitsOnSemicolons()
    {
        QCOMPARE(splitSqlScript("CREATE TABLE a (x);\n  CREATE TABLE b (y) ;\n"),
                 (Statements{"CREATE TABLE a (x)", "CREATE TABLE b (y)"}));
    }
    void keepsSemicolonsInsideQuotesAndComments()
    {
        const char* script = "INSERT INTO t VALUES ('a;b', 'it''s; fine');\n"
                             "-- a comment; not a statement\n"
                             "SELECT \"odd;name\", [x;y], `z;w` FROM t /* ; */;";
        QCOMPARE(splitSqlScript(script),
                 (Statements{"INSERT INTO t VALUES ('a;b', 'it''s; fine')",
                             "-- a comment; not a statement\n"
                             "SELECT \"odd;name\", [x;y], `z;w` FROM t /* ; */"}));
    }
    void dropsCommentOnlyAndEmptyStatements()
    {
        QCOMPARE(splitSqlScript("-- header\n;;\nCREATE TABLE a (x);\n/* tail */\n-- end\n"),
                 (Statements{"CREATE TABLE a (x)"}));
        QCOMPARE(splitSqlScript(""), Statements{});
    }
    void keepsAFinalStatementWithoutSemicolon()
    {
        QCOMPARE(splitSqlScript("PRAGMA user_version = 3"),
                 (Statements{"PRAGMA user_version = 3"}));
    }
    void triggerBodyEndsAtEnd()
    {
        const char* script = "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
                             "  INSERT INTO log VALUES (new.x);\n"
                             "  UPDATE c SET n = n + 1;\n"
                             "END;\n"
                             "CREATE TABLE z (q);";
        QCOMPARE(splitSqlScript(script),
                 (Statements{"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
                             "  INSERT INTO log VALUES (new.x);\n"
                             "  UPDATE c SET n = n + 1;\n"
                             "END",
                             "CREATE TABLE z (q)"}));
    }
    void endAsAnIdentifierOutsideTriggersIsPlain()
    {
        // Only CREATE … TRIGGER statements wait for END; a column named "end" changes nothing.
        QCOMPARE(splitSqlScript("SELECT 1 AS end; SELECT 2;"),
                 (Statements{"SELECT 1 AS end", "SELECT 2"}));
    }
};
CH_REGISTER_TEST(TestSqlScript);

#include "tst_sql_script.moc"
