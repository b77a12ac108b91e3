// The Database conformance suite: what every implementation of runner::Database must do,
// checked against a fresh PostgreSQL database per test. An implementation joins by adding its
// factory to k_implementations.
#include <functional>

#include <gtest/gtest.h>

#include "runner/lock.h"
#include "runner/postgres.h"
#include "runner/state.h"
#include "tests/support/database.h"

namespace sqlgate::runner {
namespace {

using Factory = std::function<std::unique_ptr<Database>(Session&, StateTable, std::string)>;

struct Implementation {
  const char* name;
  Factory open;
};

// gtest prints a parameter in the test's name: the implementation's name.
void PrintTo(const Implementation& implementation, std::ostream* out) {
  *out << implementation.name;
}

const std::vector<Implementation> k_implementations = {
    {"postgres", [](Session& session, StateTable table, std::string database) {
       return open_state(session, std::move(table), std::move(database));
     }}};

class DatabaseConformance : public ::testing::TestWithParam<Implementation> {
 protected:
  void SetUp() override {
    session = scratch.connect();
    db = open(*session);
  }
  std::unique_ptr<Database> open(Session& on, StateTable table = {"public", "schema_migrations"}) {
    return GetParam().open(on, std::move(table), "/" + scratch.name());
  }
  std::string scalar(const std::string& sql) {
    Rows rows = session->query(sql);
    return rows.rows.at(0).at(0).value_or("NULL");
  }
  MigrationRun run(std::int64_t version, std::string_view sql, std::int64_t before = -1) {
    MigrationRun r;
    r.version = version;
    r.name = "m" + std::to_string(version);
    r.sql = sql;
    r.checksum = sha256_hex(sql);
    r.lint_verdict = "clean";
    r.statements = 1;
    r.version_before = before;
    r.version_after = version;
    return r;
  }

  testing::ScratchDatabase scratch;
  std::unique_ptr<Session> session;
  std::unique_ptr<Database> db;
};

TEST_P(DatabaseConformance, AMissingTableIsTheNilVersion) {
  EXPECT_EQ(db->state(), StateRow{});
  EXPECT_TRUE(db->history().empty());
  EXPECT_EQ(scalar("SELECT to_regclass('public.schema_migrations') IS NULL"), "t")
      << "reading the state creates nothing";
}

TEST_P(DatabaseConformance, CreatesGolangMigratesTable) {
  db->ensure_tables();
  Rows columns = session->query(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE "
      "table_schema = 'public' AND table_name = 'schema_migrations' ORDER BY ordinal_position");
  ASSERT_EQ(columns.rows.size(), 2u);
  EXPECT_EQ(columns.rows[0][0], "version");
  EXPECT_EQ(columns.rows[0][1], "bigint");
  EXPECT_EQ(columns.rows[0][2], "NO");
  EXPECT_EQ(columns.rows[1][0], "dirty");
  EXPECT_EQ(columns.rows[1][1], "boolean");
  EXPECT_EQ(scalar("SELECT count(*) FROM pg_index WHERE indrelid = 'schema_migrations'::regclass "
                   "AND indisprimary"),
            "1");
  db->ensure_tables();  // again: nothing to do
  EXPECT_EQ(db->state(), StateRow{});
}

TEST_P(DatabaseConformance, ApplyCommitsTheMigrationItsStateAndItsHistoryTogether) {
  db->ensure_tables();
  double ms = db->apply(run(20250101000000, "CREATE TABLE a (id int); -- no newline at the end"));
  EXPECT_GE(ms, 0.0);
  EXPECT_EQ(db->state(), (StateRow{20250101000000, false}));
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), "1");
  EXPECT_EQ(scalar("SELECT to_regclass('a') IS NOT NULL"), "t");
  auto history = db->history();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].version, 20250101000000);
  EXPECT_EQ(history[0].action, "up");
  EXPECT_EQ(history[0].status, "applied");
  EXPECT_EQ(history[0].checksum, sha256_hex("CREATE TABLE a (id int); -- no newline at the end"));
  EXPECT_EQ(history[0].mode, "transaction");
  EXPECT_EQ(history[0].lint_verdict, "clean");
  EXPECT_EQ(history[0].version_before, -1);
  EXPECT_FALSE(history[0].applied_by.empty());
  EXPECT_EQ(history[0].applied_at.size(), 20u) << history[0].applied_at;

  MigrationRun down = run(20250101000000, "DROP TABLE a;", 20250101000000);
  down.direction = lint::Direction::down;
  down.version_after = k_nil_version;
  db->apply(down);
  EXPECT_EQ(db->state(), StateRow{});
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), "0") << "nil: the table is empty";
  EXPECT_EQ(db->history().back().action, "down");
}

TEST_P(DatabaseConformance, AFailedApplyLeavesNothingBehind) {
  db->ensure_tables();
  db->apply(run(1, "CREATE TABLE a (id int);"));
  std::string sql = "CREATE TABLE b (id int);\nSELECT nope FROM a;\n";
  try {
    db->apply(run(2, sql, 1));
    FAIL() << "the migration should fail";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.sqlstate(), "42703");
    // PostgreSQL's position, made relative to the file: "nope" on line 2.
    EXPECT_EQ(e.position(), static_cast<int>(sql.find("nope")) + 1);
  }
  EXPECT_EQ(db->state(), (StateRow{1, false}));
  EXPECT_EQ(scalar("SELECT to_regclass('b') IS NULL"), "t");
  EXPECT_EQ(db->history().size(), 1u);
  EXPECT_EQ(scalar("SELECT 1"), "1") << "the session is usable again";
}

TEST_P(DatabaseConformance, ReplayFindsTheFailingStatementAndKeepsNothing) {
  db->ensure_tables();
  std::vector<std::string_view> statements = {"CREATE TABLE c (id int PRIMARY KEY)",
                                              "INSERT INTO c VALUES (1)",
                                              "INSERT INTO c VALUES (1)", "SELECT 1"};
  auto failure = db->replay(statements);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->index, 2u);
  EXPECT_EQ(failure->error.sqlstate, "23505");
  EXPECT_FALSE(failure->error.detail.empty());
  EXPECT_EQ(scalar("SELECT to_regclass('c') IS NULL"), "t");
  EXPECT_FALSE(db->replay({"SELECT 1", "SELECT 2"}).has_value());
}

TEST_P(DatabaseConformance, TheDirtyProtocol) {
  db->ensure_tables();
  MigrationRun r = run(5, "CREATE INDEX CONCURRENTLY i ON d (id)");
  r.mode = RunMode::no_transaction;
  session->execute("CREATE TABLE d (id int)");
  std::int64_t id = db->begin_dirty(r);
  EXPECT_EQ(db->state(), (StateRow{5, true}));
  EXPECT_EQ(db->history().back().status, "running");
  db->run_statement("CREATE INDEX CONCURRENTLY i ON d (id)");
  db->finish_dirty(id, r, 12.5, 1);
  EXPECT_EQ(db->state(), (StateRow{5, false}));
  auto last = db->history().back();
  EXPECT_EQ(last.status, "applied");
  EXPECT_EQ(last.mode, "no-transaction");
  EXPECT_DOUBLE_EQ(last.duration_ms, 12.5);
  EXPECT_EQ(last.statements_done, 1);

  MigrationRun next = run(6, "BEGIN; SELECT broken; COMMIT;", 5);
  next.mode = RunMode::own_transaction;
  id = db->begin_dirty(next);
  db->run_statement("BEGIN");
  EXPECT_THROW(db->run_statement("SELECT broken"), SqlError);
  db->fail_dirty(id, 0, true, "column \"broken\" does not exist");
  EXPECT_EQ(db->state(), (StateRow{6, true}));
  last = db->history().back();
  EXPECT_EQ(last.status, "failed");
  EXPECT_TRUE(last.nothing_remains);
  EXPECT_EQ(last.error, "column \"broken\" does not exist");
  EXPECT_EQ(scalar("SELECT 1"), "1") << "fail_dirty ended the file's open transaction";
}

TEST_P(DatabaseConformance, SetStateForcesAndResolves) {
  db->ensure_tables();
  MigrationRun r = run(3, "SELECT 1");
  std::int64_t id = db->begin_dirty(r);
  db->fail_dirty(id, 0, true, "boom");
  HistoryEntry note;
  note.version = 2;
  note.action = "force";
  note.version_before = 3;
  note.version_after = 2;
  db->set_state(StateRow{2, false}, note);
  EXPECT_EQ(db->state(), (StateRow{2, false}));
  auto history = db->history();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].status, "resolved");
  EXPECT_EQ(history[1].action, "force");

  note.version_after = k_nil_version;
  db->set_state(StateRow{k_nil_version, true}, note);
  EXPECT_EQ(db->state(), (StateRow{k_nil_version, true})) << "golang-migrate's (-1, dirty) row";
  db->set_state(StateRow{}, note);
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), "0");
}

TEST_P(DatabaseConformance, TheLockExcludesOtherSessionsOnTheSameTable) {
  auto other_session = scratch.connect();
  auto other = open(*other_session);
  EXPECT_EQ(db->lock_key(), other->lock_key());
  EXPECT_EQ(db->lock_key(), state_lock_key({"public", "schema_migrations"}, "/" + scratch.name()));
  ASSERT_TRUE(db->try_lock());
  EXPECT_FALSE(other->try_lock());
  EXPECT_NE(other->lock_holder().find("pid "), std::string::npos);
  db->unlock();
  EXPECT_TRUE(other->try_lock());
  other->unlock();
  // Another state table has another key.
  EXPECT_NE(open(*session, {"public", "other_migrations"})->lock_key(), db->lock_key());
}

TEST_P(DatabaseConformance, AStateTableInItsOwnSchema) {
  session->execute("CREATE SCHEMA audit");
  auto audited = open(*session, {"audit", "versions"});
  audited->ensure_tables();
  audited->apply(run(1, "SELECT 1"));
  EXPECT_EQ(scalar("SELECT version FROM audit.versions"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM audit.sqlgate_history"), "1");
  EXPECT_EQ(db->state(), StateRow{}) << "public.schema_migrations is another table";
}

TEST_P(DatabaseConformance, DropAllEmptiesTheSchema) {
  db->ensure_tables();
  session->execute(
      "CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN positive AS int CHECK (VALUE > 0);"
      "CREATE TABLE t (id serial PRIMARY KEY, m mood, p positive);"
      "CREATE VIEW v AS SELECT * FROM t; CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;"
      "CREATE SEQUENCE s; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
      "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'; CREATE TYPE pair AS (a int, b int);"
      "CREATE TABLE parted (id int) PARTITION BY RANGE (id);"
      "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10);");
  db->drop_all();
  EXPECT_EQ(scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                   "c.relnamespace WHERE n.nspname = 'public'"),
            "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                   "WHERE n.nspname = 'public'"),
            "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = "
                   "t.typnamespace WHERE n.nspname = 'public'"),
            "0");
  EXPECT_EQ(db->state(), StateRow{});
}

INSTANTIATE_TEST_SUITE_P(Runner, DatabaseConformance, ::testing::ValuesIn(k_implementations),
                         [](const auto& info) { return std::string(info.param.name); });

// The session facts the runner builds on.
TEST(PostgresSession, ErrorsCarryPositionDetailAndHint) {
  testing::ScratchDatabase scratch;
  auto session = scratch.connect();
  try {
    session->execute("SELECT 1;\nSELECT nope;");
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.sqlstate(), "42703");
    EXPECT_EQ(e.fields().message, "column \"nope\" does not exist");
    // what() is libpq's whole report, as libpqxx gave it: code that reads it keeps working.
    EXPECT_NE(std::string(e.what()).find("ERROR:  column \"nope\" does not exist\nLINE 2: "),
              std::string::npos)
        << e.what();
    // In a multi-statement string the position counts from the start of the whole string.
    EXPECT_EQ(e.position(), 18);
  }
  session->execute("CREATE TABLE u (id int PRIMARY KEY); INSERT INTO u VALUES (1)");
  try {
    session->execute("INSERT INTO u VALUES (1)");
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.detail(), "Key (id)=(1) already exists.");
  }
  try {
    session->execute("SELECT * FROM u WHERE id = 'x'::int");
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.sqlstate(), "22P02");
  }
  try {
    session->execute("DO $$ BEGIN PERFORM nope(); END $$");
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_FALSE(e.hint().empty());
    EXPECT_NE(e.context().find("PL/pgSQL"), std::string::npos) << e.context();
  }
}

TEST(PostgresSession, NoticesAreCollectedNotPrinted) {
  testing::ScratchDatabase scratch;
  auto session = scratch.connect();
  session->execute("DROP TABLE IF EXISTS nothing_here");
  auto notices = session->take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("does not exist, skipping"), std::string::npos);
  EXPECT_TRUE(session->take_notices().empty());
}

TEST(PostgresSession, ConnectionErrorsMaskThePassword) {
  std::string url = testing::test_database_url();
  auto at = url.find("postgres@");
  ASSERT_NE(at, std::string::npos);
  url.replace(at, 9, "postgres:hunter22@");
  auto path = url.find("/postgres?");
  ASSERT_NE(path, std::string::npos);
  url.replace(path, 10, "/hunter22?");  // a database named like the password does not exist
  try {
    connect_postgres(url);
    FAIL();
  } catch (const ConnectionError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sqlgate::runner
