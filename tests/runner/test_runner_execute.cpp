// Running migration files on the test server and locating their failures.
#include <gtest/gtest.h>

#include "lint/sql.h"
#include "runner/execute.h"
#include "tests/support/database.h"

namespace sqlgate::runner {
namespace {

lint::SourceFile source(std::string text, std::string name = "1_a.up.sql") {
  lint::SourceFile file;
  file.path = name;
  file.display = "m/" + name;
  file.text = std::move(text);
  file.is_sql = true;
  return file;
}

bool table_exists(Session& session, const std::string& name) {
  return session.query("SELECT to_regclass(" + quote_literal(name) + ") IS NOT NULL").rows[0][0] ==
         "t";
}

TEST(ExecuteMigration, RunsAFileAsOneTransaction) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1), (2);\n");
  auto parsed = lint::ParsedFile::parse(file);
  EXPECT_FALSE(execute_migration(*session, *parsed).has_value());
  EXPECT_EQ(session->query("SELECT count(*) FROM t").rows[0][0], "2");
}

// Checked on PostgreSQL 15: a file of one statement sent alone runs outside a transaction block,
// where CREATE INDEX CONCURRENTLY and a procedure's COMMIT succeed; `sqlgate up` runs it in one.
TEST(ExecuteMigration, AFileOfOneStatementRunsInATransactionToo) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  session->execute(
      "CREATE TABLE t (a int);"
      "CREATE PROCEDURE fill() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (1); COMMIT; "
      "END $$");
  auto index = source("-- the index\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n");
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(index));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->sqlstate, "25001");
  EXPECT_EQ(failure->position, (lint::Position{2, 1}));
  EXPECT_FALSE(table_exists(*session, "t_a"));
  auto call = source("CALL fill()");
  failure = execute_migration(*session, *lint::ParsedFile::parse(call));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->message, "invalid transaction termination");
  EXPECT_EQ(session->query("SELECT count(*) FROM t").rows[0][0], "0");
  // With the marker both run, statement by statement.
  auto marked = source("-- sqlgate:no-transaction\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n");
  EXPECT_FALSE(execute_migration(*session, *lint::ParsedFile::parse(marked)).has_value());
  EXPECT_TRUE(table_exists(*session, "t_a"));
}

TEST(ExecuteMigration, FailureNamesTheStatementAndLeavesNothingBehind) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  session->execute("CREATE TABLE existing (a int)");
  auto file = source(
      "-- two tables\n"
      "CREATE TABLE fresh (a int);\n"
      "\n"
      "CREATE TABLE existing (\n"
      "    a int\n"
      ");\n");
  auto parsed = lint::ParsedFile::parse(file);
  auto failure = execute_migration(*session, *parsed);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->file, "m/1_a.up.sql");
  EXPECT_EQ(failure->position, (lint::Position{4, 1}));
  EXPECT_EQ(failure->statement, 1);
  EXPECT_EQ(failure->sqlstate, "42P07");
  EXPECT_EQ(failure->message, "relation \"existing\" already exists");
  // The run and the replay that found the statement were both rolled back.
  EXPECT_FALSE(table_exists(*session, "fresh"));
}

TEST(ExecuteMigration, UsesPostgresPositionInsideTheStatement) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source(
      "CREATE TABLE t (a int);\n"
      "INSERT INTO t (a)\n"
      "    SELECT nosuch FROM t;\n");
  auto parsed = lint::ParsedFile::parse(file);
  auto failure = execute_migration(*session, *parsed);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->position, (lint::Position{3, 12}));
  EXPECT_EQ(failure->statement, 1);
  EXPECT_EQ(failure->sqlstate, "42703");
}

TEST(ExecuteMigration, PositionOfAnErrorFoundOnlyByReplay) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  // The cast fails at run time: the error of the whole file has no position, the replay finds
  // the statement and PostgreSQL's position in it.
  auto file = source(
      "CREATE TABLE t (a int);\n"
      "INSERT INTO t VALUES (1);\n"
      "ALTER TABLE t ADD CONSTRAINT positive CHECK (a > 1);\n");
  auto parsed = lint::ParsedFile::parse(file);
  auto failure = execute_migration(*session, *parsed);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->statement, 2);
  EXPECT_EQ(failure->position, (lint::Position{3, 1}));
  EXPECT_EQ(failure->sqlstate, "23514");
  EXPECT_FALSE(table_exists(*session, "t"));
}

// Checked on PostgreSQL 15: rebuilding the partial index for the new type fails with "operator
// does not exist: state = state_old", and the error's position is that of the comparison in the
// CREATE INDEX that made the index, not a place in the ALTER TABLE.
TEST(ExecuteMigration, AnErrorWhileRebuildingAnIndexNamesTheStatementThatRebuiltIt) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  session->execute(
      "CREATE TYPE state AS ENUM ('available', 'done');"
      "CREATE TABLE jobs (id bigint PRIMARY KEY, state state NOT NULL);"
      "CREATE INDEX jobs_available ON jobs (id) WHERE state = 'available'");
  auto file = source(
      "ALTER TYPE state RENAME TO state_old;\n"
      "CREATE TYPE state AS ENUM ('available', 'done', 'failed');\n"
      "ALTER TABLE jobs ALTER COLUMN state TYPE state USING state::text::state;\n"
      "DROP TYPE state_old;\n");
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(file));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->sqlstate, "42883");
  EXPECT_EQ(failure->statement, 2);
  EXPECT_EQ(failure->position.line, 3u);
}

TEST(ExecuteMigration, AnErrorInADoBlockPointsAtItsLine) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source(
      "CREATE TABLE t (a int);\n"
      "DO $$\n"
      "BEGIN\n"
      "    PERFORM 1;\n"
      "    INSERT INTO nosuch VALUES (1);\n"
      "END\n"
      "$$;\n");
  auto parsed = lint::ParsedFile::parse(file);
  auto failure = execute_migration(*session, *parsed);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->statement, 1);
  EXPECT_EQ(failure->position, (lint::Position{5, 17})) << failure->summary();
  EXPECT_NE(failure->context.find("inline_code_block"), std::string::npos);
}

TEST(ExecuteMigration, NoTransactionFilesRunStatementByStatement) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  session->execute("CREATE TABLE t (a int)");
  auto file = source(
      "-- sqlgate:no-transaction\n"
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);\n"
      "CREATE TABLE kept (a int);\n"
      "CREATE TABLE t (a int);\n");
  auto parsed = lint::ParsedFile::parse(file);
  auto failure = execute_migration(*session, *parsed);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->position, (lint::Position{4, 1}));
  EXPECT_EQ(failure->statement, 2);
  // Each statement committed on its own: the ones before the failure stay.
  EXPECT_TRUE(table_exists(*session, "kept"));
  EXPECT_TRUE(table_exists(*session, "t_a_idx"));
}

TEST(ExecuteMigration, AFileWithItsOwnTransactionRunsAsWritten) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto ok = source("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n");
  EXPECT_FALSE(execute_migration(*session, *lint::ParsedFile::parse(ok)).has_value());
  EXPECT_TRUE(table_exists(*session, "t"));

  auto bad = source("BEGIN;\nCREATE TABLE u (a int);\nCREATE TABLE t (a int);\nCOMMIT;\n");
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(bad));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->position, (lint::Position{3, 1}));
  // The session is usable again and nothing of the failed file stayed.
  EXPECT_FALSE(table_exists(*session, "u"));
}

TEST(ExecuteMigration, AFileThatLeavesItsTransactionOpenFails) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source("BEGIN;\nCOMMIT;\nBEGIN;\nCREATE TABLE t (a int);\n");
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(file));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->position, (lint::Position{3, 1}));
  EXPECT_NE(failure->message.find("does not end"), std::string::npos);
  // Rolled back: the session is out of the transaction and the table is gone.
  EXPECT_FALSE(table_exists(*session, "t"));
  EXPECT_EQ(session->query("SELECT transaction_timestamp() = statement_timestamp()").rows[0][0],
            "t");
}

TEST(ExecuteMigration, InvalidEncodingIsNeverSent) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source(std::string("CREATE TABLE t (a text DEFAULT '\xff');\n"));
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(file));
  ASSERT_TRUE(failure.has_value());
  EXPECT_TRUE(failure->sqlstate.empty());
  EXPECT_NE(failure->message.find("invalid UTF-8"), std::string::npos);
  EXPECT_FALSE(table_exists(*session, "t"));
}

TEST(ExecuteMigration, ASyntaxErrorIsLocatedByTheServer) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  auto file = source("CREATE TABLE t (a int);\nCREATE TABLE u (a int,, b int);\n");
  auto failure = execute_migration(*session, *lint::ParsedFile::parse(file));
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->sqlstate, "42601");
  EXPECT_EQ(failure->position, (lint::Position{2, 23}));
}

TEST(LocateFailure, MapsPositionsThroughTextSentAroundTheFile) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  // The runner sends its own statements around a migration: positions come back shifted. A
  // syntax error leaves nothing to replay, so its position in the text sent places it.
  auto file = source("CREATE TABLE t (a int);\nSELECT (1 FROM t;\n");
  auto parsed = lint::ParsedFile::parse(file);
  std::string prefix = "BEGIN;\nSELECT 1;\n";
  std::string sent = prefix + file.text + "COMMIT;";
  try {
    session->execute(sent);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    MigrationFailure failure = locate_failure(
        *session, *parsed, e, SentText{sent, -static_cast<std::int64_t>(prefix.size())});
    EXPECT_EQ(failure.sqlstate, "42601");
    EXPECT_EQ(failure.position, (lint::Position{2, 11}));
  }
}

}  // namespace
}  // namespace sqlgate::runner
