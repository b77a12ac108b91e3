// The runner end to end, through the sqlgate binary, against the test server.
#include <filesystem>
#include <future>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runner/lock.h"
#include "runner/postgres.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;

using Project = testing::MigrationProject;

std::string dump(const CommandResult& r) {
  return testing::describe(r);
}

std::size_t count(const std::string& text, const std::string& what) {
  return testing::count_occurrences(text, what);
}

TEST(RunnerCli, TheShopSetGoesUpDownAndUpAgain) {
  Project p;
  p.copy_fixture("shop");
  CommandResult up = p.run({"up"});
  ASSERT_EQ(up.exit_code, 0) << dump(up);
  EXPECT_TRUE(
      std::regex_search(up.out, std::regex(R"(^20250101090000/u create_users \([0-9.]+ms\)\n)")))
      << up.out;
  EXPECT_EQ(count(up.out, "/u "), 7u) << up.out;
  EXPECT_EQ(p.scalar("SELECT version::text || ' ' || dirty FROM schema_migrations"),
            "20250107090000 false");
  EXPECT_TRUE(p.exists("orders_user_id_idx"));
  EXPECT_EQ(p.scalar("SELECT value FROM settings"), "EUR");

  CommandResult down = p.run({"down", "--all", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << dump(down);
  EXPECT_EQ(count(down.out, "/d "), 7u) << down.out;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM schema_migrations"), "0");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                     "c.relnamespace WHERE n.nspname = 'public' AND c.relname NOT LIKE "
                     "'schema_migrations%' AND c.relname NOT LIKE 'sqlgate_history%'"),
            "0")
      << "the downs leave nothing of the ups behind";
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_type WHERE typname = 'order_status'"), "0");

  CommandResult again = p.run({"up"});
  ASSERT_EQ(again.exit_code, 0) << dump(again);
  EXPECT_EQ(count(again.out, "/u "), 7u);
  CommandResult nothing = p.run({"up"});
  EXPECT_EQ(nothing.exit_code, 0);
  EXPECT_EQ(nothing.out, "no change\n");
}

// golang-migrate skips files it cannot read a version from; sqlgate too, but it says so.
TEST(RunnerCli, SqlFilesNotNamedAsMigrationsAreNamedNotApplied) {
  Project p;
  p.write("V0001.init.up.sql", "CREATE TABLE IF NOT EXISTS t (id int);\n");
  CommandResult up = p.run({"up"});
  ASSERT_EQ(up.exit_code, 0) << dump(up);
  EXPECT_EQ(up.out, "no change\n");
  EXPECT_NE(up.err.find("1 .sql file is not named as a migration"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("V0001.init.up.sql"), std::string::npos) << up.err;
  EXPECT_FALSE(p.exists("t"));
}

TEST(RunnerCli, TheExampleSetGoesUpDownAndUpAgain) {
  fs::path examples = testing::source_dir() / "migrations" / "sql";
  bool has_migrations = false;
  if (fs::is_directory(examples)) {
    for (const auto& entry : fs::directory_iterator(examples)) {
      has_migrations = has_migrations || entry.path().filename().string().ends_with(".up.sql");
    }
  }
  if (!has_migrations) GTEST_SKIP() << "migrations/sql holds no migrations yet";
  Project p;
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"-d", p.db().url(), "-p", examples.string()});
    return testing::run_sqlgate(args, {}, {{"DATABASE_URL", ""}});
  };
  for (auto args :
       std::vector<std::vector<std::string>>{{"up"}, {"down", "--all", "--yes"}, {"up"}}) {
    CommandResult r = run(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << "\n" << dump(r);
  }
  EXPECT_EQ(run({"up"}).out, "no change\n");
}

TEST(RunnerCli, EveryVerb) {
  Project p;
  // create
  CommandResult created =
      testing::run_sqlgate({"create", "add_accounts", "--dir", p.migrations().string(), "--seq"});
  ASSERT_EQ(created.exit_code, 0) << dump(created);
  EXPECT_NE(created.out.find("000001_add_accounts.up.sql"), std::string::npos) << created.out;
  p.write("000001_add_accounts.up.sql", "CREATE TABLE IF NOT EXISTS accounts (id bigint);\n");
  p.write("000001_add_accounts.down.sql", "DROP TABLE IF EXISTS accounts;\n");
  ASSERT_EQ(testing::run_sqlgate({"create", "add_notes", "--dir", p.migrations().string(), "--seq"})
                .exit_code,
            0);
  p.write("000002_add_notes.up.sql", "CREATE TABLE IF NOT EXISTS notes (id bigint);\n");
  p.write("000002_add_notes.down.sql", "DROP TABLE IF EXISTS notes;\n");
  testing::TempDir other;
  other.write("7_existing.up.sql", "");
  // "7" is no token of Go's layouts: the version is 7, which exists.
  CommandResult duplicate = testing::run_sqlgate(
      {"create", "again", "--dir", other.path().string(), "--time-format", "7"});
  EXPECT_EQ(duplicate.exit_code, 1) << dump(duplicate);
  EXPECT_NE(duplicate.err.find("duplicate migration version: 7"), std::string::npos)
      << duplicate.err;

  // version on an empty database: golang-migrate's answer
  CommandResult none = p.run({"version"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err, "sqlgate: no migration\n");

  // up --dry-run changes nothing
  CommandResult dry = p.run({"up", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dump(dry);
  EXPECT_EQ(dry.out,
            "would run 1/u add_accounts (transaction)\nwould run 2/u add_notes (transaction)\n"
            "dry run: 2 migrations would run; nothing was changed\n");
  EXPECT_FALSE(p.exists("schema_migrations"));

  EXPECT_EQ(p.run({"up", "1"}).exit_code, 0);
  EXPECT_EQ(p.run({"version"}).out, "1\n");
  EXPECT_EQ(p.run({"up"}).exit_code, 0);
  EXPECT_EQ(p.run({"version"}).out, "2\n");

  // status, text and JSON
  CommandResult status = p.run({"status"});
  ASSERT_EQ(status.exit_code, 0) << dump(status);
  EXPECT_NE(status.out.find("public.schema_migrations, version 2"), std::string::npos)
      << status.out;
  EXPECT_TRUE(std::regex_search(status.out, std::regex(R"(1 +add_accounts +applied +20)")))
      << status.out;
  CommandResult json = p.run({"status", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << dump(json);
  auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["sources"][0]["version"], 2);
  EXPECT_EQ(parsed["sources"][0]["migrations"][1]["status"], "applied");
  EXPECT_EQ(parsed["sources"][0]["migrations"][1]["checksum"].get<std::string>().size(), 64u);

  // down (one step by default), goto
  CommandResult down = p.run({"down"});
  EXPECT_EQ(down.exit_code, 0) << dump(down);
  EXPECT_TRUE(down.out.starts_with("2/d add_notes (")) << down.out;
  EXPECT_FALSE(p.exists("notes"));
  EXPECT_EQ(p.run({"goto", "2"}).exit_code, 0);
  EXPECT_TRUE(p.exists("notes"));
  EXPECT_EQ(p.run({"goto", "1"}).exit_code, 0);
  EXPECT_EQ(p.run({"version"}).out, "1\n");
  CommandResult unknown = p.run({"goto", "7"});
  EXPECT_EQ(unknown.exit_code, 2) << dump(unknown);
  EXPECT_NE(unknown.err.find("no migration with version 7"), std::string::npos);

  // force, recover on a clean database
  EXPECT_EQ(p.run({"force", "2"}).exit_code, 0);
  EXPECT_EQ(p.run({"version"}).out, "2\n");
  EXPECT_EQ(p.run({"force", "-2"}).exit_code, 2);
  CommandResult recover = p.run({"recover"});
  EXPECT_EQ(recover.exit_code, 0) << dump(recover);
  EXPECT_NE(recover.out.find("not dirty"), std::string::npos);
  EXPECT_EQ(p.run({"force", "-1"}).exit_code, 0);
  EXPECT_EQ(p.scalar("SELECT count(*) FROM schema_migrations"), "0");

  // drop: refuses without a terminal, then --force
  CommandResult refused = p.run({"drop"});
  EXPECT_EQ(refused.exit_code, 2) << dump(refused);
  EXPECT_TRUE(p.exists("accounts"));
  CommandResult dropped = p.run({"drop", "--force"});
  ASSERT_EQ(dropped.exit_code, 0) << dump(dropped);
  EXPECT_FALSE(p.exists("accounts"));
  EXPECT_FALSE(p.exists("schema_migrations"));

  // down --all needs --yes without a terminal
  EXPECT_EQ(p.run({"up"}).exit_code, 0);
  CommandResult all = p.run({"down", "--all"});
  EXPECT_EQ(all.exit_code, 2) << dump(all);
  EXPECT_NE(all.err.find("--yes"), std::string::npos);
  EXPECT_TRUE(p.exists("notes"));
}

TEST(RunnerCli, TheGateRefusesABadMigrationAndTouchesNothing) {
  Project p;
  p.pair("1_good", "CREATE TABLE IF NOT EXISTS good (id int);\n", "DROP TABLE IF EXISTS good;\n");
  p.pair("2_bad", "CREATE TABLE IF NOT EXISTS bad (id int,);\n", "DROP TABLE IF EXISTS bad;\n");
  p.pair("3_index", "CREATE INDEX CONCURRENTLY IF NOT EXISTS good_id ON good (id);\n",
         "-- sqlgate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS good_id;\n");
  CommandResult r = p.run({"up"});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.out.find("2_bad.up.sql:1:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error[syntax-error]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3_index.up.sql:1:1: error[no-transaction-marker]"), std::string::npos)
      << r.out;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("the lint gate refused the run: [0-9]+ errors")))
      << r.err;
  EXPECT_FALSE(p.exists("good")) << "nothing applied, not even the good migration";
  EXPECT_FALSE(p.exists("schema_migrations")) << "nothing touched";

  // What the command would not run does not count: the first up alone passes.
  CommandResult one = p.run({"up", "1"});
  EXPECT_EQ(one.exit_code, 0) << dump(one);
  EXPECT_TRUE(p.exists("good"));
  // The dry run shows the refusal too.
  EXPECT_EQ(p.run({"up", "--dry-run"}).exit_code, 1);
}

TEST(RunnerCli, TheGateKeepsSetChecksOverFilesItDoesNotRun) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  ASSERT_EQ(p.run({"up"}).exit_code, 0);
  p.pair("2_b", "CREATE TABLE IF NOT EXISTS b (id int);\n", "DROP TABLE IF EXISTS b;\n");
  // Going up runs 2_b.up.sql alone; a set-level error in 1_a's down still refuses the run.
  p.write("1_a.down.sql", "SELECT 1;\n");
  CommandResult refused = p.run({"up"});
  EXPECT_EQ(refused.exit_code, 1) << dump(refused);
  EXPECT_NE(refused.out.find("1_a.down.sql:1:1: error[down-incomplete]"), std::string::npos)
      << refused.out;
  EXPECT_FALSE(p.exists("b"));
  // The file's own ignore directive waives it, although the file rules do not run on it.
  p.write("1_a.down.sql", "-- sqlgate:ignore down-incomplete -- a stays\nSELECT 1;\n");
  CommandResult applied = p.run({"up"});
  EXPECT_EQ(applied.exit_code, 0) << dump(applied);
  EXPECT_TRUE(p.exists("b"));
}

TEST(RunnerCli, AFailingStatementLeavesTheVersionAndReportsItsLine) {
  Project p;
  p.pair("1_users", "CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY);\n",
         "DROP TABLE IF EXISTS users;\n");
  p.write("2_orders.down.sql", "DROP TABLE IF EXISTS never;\nDROP TABLE IF EXISTS orders;\n");
  p.write("2_orders.up.sql",
          "CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY);\n"
          "\n"
          "-- the third statement fails\n"
          "INSERT INTO orders (id) VALUES (1) ON CONFLICT DO NOTHING;\n"
          "INSERT INTO orders (id, user_id)  -- sqlgate:ignore invalid-dml -- fails on purpose\n"
          "VALUES (2, 1) ON CONFLICT DO NOTHING;\n"
          "CREATE TABLE IF NOT EXISTS never (id int);\n");
  p.pair("3_more", "CREATE TABLE IF NOT EXISTS more (id int);\n", "DROP TABLE IF EXISTS more;\n");
  CommandResult r = p.run({"up"});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_TRUE(r.out.starts_with("1/u users (")) << r.out;
  EXPECT_EQ(r.out.find("2/u"), std::string::npos);
  EXPECT_NE(r.err.find("sqlgate: migration 2/u orders failed"), std::string::npos) << r.err;
  // PostgreSQL points at user_id, line 5 column 25 of the file.
  EXPECT_NE(r.err.find("2_orders.up.sql:5:25: ERROR 42703: column \"user_id\" of relation "
                       "\"orders\" does not exist"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("stays at version 1"), std::string::npos) << r.err;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "1false");
  EXPECT_FALSE(p.exists("orders"));
  EXPECT_FALSE(p.exists("more"));

  // Once the file is fixed, the next up applies it and what follows, each once.
  p.write("2_orders.up.sql",
          "CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY);\n"
          "INSERT INTO orders (id) VALUES (1) ON CONFLICT DO NOTHING;\n"
          "CREATE TABLE IF NOT EXISTS never (id int);\n");
  CommandResult fixed = p.run({"up"});
  EXPECT_EQ(fixed.exit_code, 0) << dump(fixed);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3false");
  EXPECT_EQ(p.scalar("SELECT string_agg(version || ':' || status, ' ' ORDER BY id) FROM "
                     "sqlgate_history"),
            "1:applied 2:applied 3:applied")
      << "the failed attempt left no trace";
}

TEST(RunnerCli, AFailureWithoutAPositionIsFoundByReplayingTheStatements) {
  Project p;
  p.write("1_seed.down.sql", "DROP TABLE IF EXISTS seeds;\n");
  // Re-runnable statements that pass the gate: the UPDATE gives row 1 the code the next INSERT
  // uses, whose ON CONFLICT names only the key: a unique violation, which has no position.
  p.write("1_seed.up.sql",
          "CREATE TABLE IF NOT EXISTS seeds (id int PRIMARY KEY, code text NOT NULL UNIQUE);\n"
          "INSERT INTO seeds (id, code) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING;\n"
          "UPDATE seeds SET code = 'b' WHERE id = 1;\n"
          "INSERT INTO seeds (id, code)\n"
          "  VALUES (2, 'b') ON CONFLICT (id) DO NOTHING;\n");
  CommandResult r = p.run({"up"});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.err.find("1_seed.up.sql:4:1: ERROR 23505: duplicate key value"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("detail: Key (code)=(b) already exists."), std::string::npos) << r.err;
  EXPECT_FALSE(p.exists("seeds")) << "the replay was rolled back";
  EXPECT_EQ(p.scalar("SELECT count(*) FROM schema_migrations"), "0");
}

TEST(RunnerCli, ANoTransactionFileRunsUnderTheDirtyProtocol) {
  Project p;
  p.pair("1_table", "CREATE TABLE IF NOT EXISTS items (id int, sku text);\n",
         "DROP TABLE IF EXISTS items;\n");
  p.write("2_index.down.sql",
          "-- sqlgate:no-transaction\n"
          "DROP INDEX CONCURRENTLY IF EXISTS items_sku_idx;\n"
          "DROP INDEX CONCURRENTLY IF EXISTS items_id_idx;\n");
  p.write("2_index.up.sql",
          "-- sqlgate:no-transaction\n"
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_id_idx ON items (id);\n"
          "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_sku_idx ON items (sku);\n");
  CommandResult r = p.run({"up"});
  ASSERT_EQ(r.exit_code, 0) << dump(r);
  EXPECT_TRUE(p.exists("items_id_idx"));
  EXPECT_EQ(p.scalar("SELECT mode || ' ' || status || ' ' || statements_done FROM sqlgate_history "
                     "WHERE version = 2"),
            "no-transaction applied 2");

  // A later statement fails: the first one's index stays, the database is dirty, recover
  // refuses and says what ran.
  p.session().execute("INSERT INTO items VALUES (1, 'a'), (1, 'b')");
  p.write("3_more.down.sql",
          "-- sqlgate:no-transaction\n"
          "DROP INDEX CONCURRENTLY IF EXISTS items_id2_idx;\n"
          "DROP INDEX CONCURRENTLY IF EXISTS items_sku2_idx;\n");
  p.write("3_more.up.sql",
          "-- sqlgate:no-transaction\n"
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_sku2_idx ON items (sku);\n"
          "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_id2_idx ON items (id);\n");
  CommandResult failed = p.run({"up"});
  EXPECT_EQ(failed.exit_code, 1) << dump(failed);
  EXPECT_NE(failed.err.find("3_more.up.sql:3:1: ERROR 23505"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("Dirty database version 3. Fix and force version."), std::string::npos)
      << failed.err;
  EXPECT_NE(failed.err.find("line 2 of"), std::string::npos) << failed.err;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3true");
  CommandResult blocked = p.run({"up"});
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_NE(blocked.err.find("Dirty database version 3. Fix and force version."), std::string::npos)
      << blocked.err;
  CommandResult recover = p.run({"recover"});
  EXPECT_EQ(recover.exit_code, 1) << dump(recover);
  EXPECT_NE(recover.err.find("force 2"), std::string::npos) << recover.err;
  // The operator fixes it by hand and forces the version.
  p.session().execute("DROP INDEX items_id2_idx; DROP INDEX items_sku2_idx");
  EXPECT_EQ(p.run({"force", "2"}).exit_code, 0);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "2false");
}

TEST(RunnerCli, RecoverResetsWhenNothingOfTheFailedMigrationRemains) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  p.write("2_vacuum.down.sql", "-- sqlgate:no-transaction\nVACUUM a;\n");
  p.write("2_vacuum.up.sql", "-- sqlgate:no-transaction\nVACUUM missing_table;\nVACUUM a;\n");
  CommandResult r = p.run({"up"});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.err.find("nothing of it remains"), std::string::npos) << r.err;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "2true");
  CommandResult recover = p.run({"recover"});
  ASSERT_EQ(recover.exit_code, 0) << dump(recover);
  EXPECT_NE(recover.out.find("recovered: version 2 (dirty) -> 1 (clean)"), std::string::npos)
      << recover.out;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "1false");
  p.write("2_vacuum.up.sql", "-- sqlgate:no-transaction\nVACUUM a;\n");
  CommandResult again = p.run({"up"});
  EXPECT_EQ(again.exit_code, 0) << dump(again);
}

TEST(RunnerCli, AFileWithItsOwnBeginAndCommitRunsAsWritten) {
  Project p;
  p.write("1_own.down.sql", "DROP TABLE IF EXISTS ledger;\n");
  p.write("1_own.up.sql",
          "BEGIN;\n"
          "CREATE TABLE IF NOT EXISTS ledger (id int PRIMARY KEY);\n"
          "INSERT INTO ledger (id) VALUES (1) ON CONFLICT DO NOTHING;\n"
          "COMMIT;\n");
  CommandResult r = p.run({"up"});
  ASSERT_EQ(r.exit_code, 0) << dump(r) << "manual-transaction is a warning: the gate lets it by";
  EXPECT_EQ(p.scalar("SELECT count(*) FROM ledger"), "1");
  EXPECT_TRUE(std::regex_match(p.scalar("SELECT mode || ' ' || lint_verdict FROM sqlgate_history"),
                               std::regex("own-transaction [0-9]+ warnings?.*")));

  // Failing inside its own transaction (the second row repeats a unique ledger_id that the
  // ON CONFLICT target does not cover): nothing remains, recover can reset.
  p.write("2_own.down.sql", "DROP TABLE IF EXISTS journal;\n");
  p.write(
      "2_own.up.sql",
      "BEGIN;\n"
      "CREATE TABLE IF NOT EXISTS journal (id int PRIMARY KEY, ledger_id int NOT NULL UNIQUE);\n"
      "INSERT INTO journal (id, ledger_id) VALUES (1, 1), (2, 1) ON CONFLICT (id) DO NOTHING;\n"
      "COMMIT;\n");
  CommandResult failed = p.run({"up"});
  EXPECT_EQ(failed.exit_code, 1) << dump(failed);
  EXPECT_NE(failed.err.find("2_own.up.sql:3:1: ERROR 23505"), std::string::npos) << failed.err;
  EXPECT_FALSE(p.exists("journal"));
  EXPECT_EQ(p.scalar("SELECT 1"), "1") << "the file's failed transaction was ended";
  EXPECT_EQ(p.run({"recover"}).exit_code, 0);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "1false");
}

TEST(RunnerCli, AnEditedFileIsDetected) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  p.pair("2_b", "CREATE TABLE IF NOT EXISTS b (id int);\n", "DROP TABLE IF EXISTS b;\n");
  ASSERT_EQ(p.run({"up", "1"}).exit_code, 0);
  p.write("1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id bigint);\n");
  CommandResult status = p.run({"status"});
  EXPECT_TRUE(std::regex_search(status.out, std::regex(R"(1 +a +edited)"))) << status.out;
  CommandResult refused = p.run({"up"});
  EXPECT_EQ(refused.exit_code, 1) << dump(refused);
  EXPECT_NE(refused.err.find("1 a: edited after it was applied"), std::string::npos) << refused.err;
  EXPECT_FALSE(p.exists("b"));
  EXPECT_EQ(p.run({"up", "--allow-drift"}).exit_code, 0);
  EXPECT_TRUE(p.exists("b"));

  // A file removed after it was applied.
  fs::remove(p.migrations() / "2_b.up.sql");
  CommandResult json = p.run({"status", "--format", "json"});
  auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["sources"][0]["migrations"][1]["status"], "file missing") << json.out;
  EXPECT_EQ(parsed["sources"][0]["drift"], true);
}

TEST(RunnerCli, TakesOverAGolangMigrateDatabase) {
  Project p;
  p.copy_fixture("shop");
  // golang-migrate's DDL and a row inserted by hand, as golang-migrate leaves them after the
  // first three migrations ran.
  p.session().execute(
      "CREATE TABLE IF NOT EXISTS \"public\".\"schema_migrations\" (version bigint not null "
      "primary key, dirty boolean not null);"
      "INSERT INTO schema_migrations (version, dirty) VALUES (20250103090000, false);");
  for (const char* file :
       {"20250101090000_create_users.up.sql", "20250102090000_create_order_status.up.sql",
        "20250103090000_create_orders.up.sql"}) {
    p.session().execute(testing::read_file(p.migrations() / file));
  }
  CommandResult status = p.run({"status"});
  EXPECT_EQ(count(status.out, " applied\n"), 3u) << status.out;
  EXPECT_EQ(count(status.out, " pending\n"), 4u) << status.out;

  CommandResult up = p.run({"up"});
  ASSERT_EQ(up.exit_code, 0) << dump(up);
  EXPECT_TRUE(up.out.starts_with("20250104090000/u index_orders_user_id (")) << up.out;
  EXPECT_EQ(count(up.out, "/u "), 4u);
  // The rows golang-migrate reads: one, clean, the last version.
  EXPECT_EQ(p.scalar("SELECT count(*)::text || ' ' || max(version) || ' ' || bool_or(dirty) FROM "
                     "schema_migrations"),
            "1 20250107090000 false");
  // And back down through a version sqlgate never applied.
  EXPECT_EQ(p.run({"goto", "20250102090000"}).exit_code, 0);
  EXPECT_FALSE(p.exists("orders"));
  EXPECT_EQ(p.scalar("SELECT version FROM schema_migrations"), "20250102090000");
}

TEST(RunnerCli, TakesGolangMigratesLockKey) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  // golang-migrate's CLI key for this URL: schema, table, database name with its slash.
  std::uint32_t key = runner::state_lock_key({"public", "schema_migrations"}, "/" + p.db().name());
  auto holder = p.db().connect();
  holder->execute("SELECT pg_advisory_lock(" + std::to_string(key) + ")");
  auto start = std::chrono::steady_clock::now();
  CommandResult r = p.run({"up", "--lock-timeout", "0.3"});
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.err.find("timeout: can't acquire database lock"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("held by pid "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("after 300ms"), std::string::npos) << r.err;
  EXPECT_GE(waited, std::chrono::milliseconds(300));
  EXPECT_FALSE(p.exists("a"));
  holder->execute("SELECT pg_advisory_unlock(" + std::to_string(key) + ")");
  EXPECT_EQ(p.run({"up", "--lock-timeout", "0.3"}).exit_code, 0);
}

TEST(RunnerCli, TwoConcurrentUpsApplyEachMigrationOnce) {
  Project p;
  p.pair("000_runs", "CREATE TABLE IF NOT EXISTS runs (version int PRIMARY KEY, n int NOT NULL);\n",
         "DROP TABLE IF EXISTS runs;\n");
  for (int v = 1; v <= 12; ++v) {
    std::string name = std::to_string(v);
    p.pair(std::string(v < 10 ? "00" : "0") + name + "_step",
           "SELECT pg_sleep(0.02);\n"
           "-- sqlgate:run-once n counts how often this migration was applied\n"
           "INSERT INTO runs (version, n) VALUES (" +
               name + ", 1) ON CONFLICT (version) DO UPDATE SET n = runs.n + 1;\n",
           "DELETE FROM runs WHERE version = " + name + ";\n");
  }
  auto first = std::async(std::launch::async, [&] { return p.run({"up"}); });
  auto second = std::async(std::launch::async, [&] { return p.run({"up"}); });
  CommandResult a = first.get();
  CommandResult b = second.get();
  EXPECT_EQ(a.exit_code, 0) << dump(a);
  EXPECT_EQ(b.exit_code, 0) << dump(b);
  EXPECT_EQ(count(a.out, "/u ") + count(b.out, "/u "), 13u) << dump(a) << dump(b);
  EXPECT_EQ(p.scalar("SELECT count(*)::text || ' ' || max(n) FROM runs"), "12 1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM sqlgate_history WHERE action = 'up'"), "13");
}

TEST(RunnerCli, OutOfOrderVersionsAreRefusedUnlessAllowed) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  p.pair("3_c", "CREATE TABLE IF NOT EXISTS c (id int);\n", "DROP TABLE IF EXISTS c;\n");
  ASSERT_EQ(p.run({"up"}).exit_code, 0);
  p.pair("2_b", "CREATE TABLE IF NOT EXISTS b (id int);\n", "DROP TABLE IF EXISTS b;\n");
  CommandResult status = p.run({"status"});
  EXPECT_TRUE(std::regex_search(status.out, std::regex(R"(2 +b +out of order)"))) << status.out;
  CommandResult refused = p.run({"up"});
  EXPECT_EQ(refused.exit_code, 1) << dump(refused);
  EXPECT_NE(refused.err.find("below the applied version 3"), std::string::npos) << refused.err;
  CommandResult allowed = p.run({"up", "--allow-out-of-order"});
  EXPECT_EQ(allowed.exit_code, 0) << dump(allowed);
  EXPECT_TRUE(allowed.out.starts_with("2/u b (")) << allowed.out;
  EXPECT_TRUE(p.exists("b"));
  EXPECT_EQ(p.scalar("SELECT version FROM schema_migrations"), "3");
}

TEST(RunnerCli, DownRefusesWhatCannotBeReverted) {
  Project p;
  p.pair("1_a", "CREATE TABLE IF NOT EXISTS a (id int);\n", "DROP TABLE IF EXISTS a;\n");
  p.pair("2_b", "CREATE TABLE IF NOT EXISTS b (id int);\n",
         "-- sqlgate:irreversible b holds data no down can bring back\nSELECT 1;\n");
  ASSERT_EQ(p.run({"up"}).exit_code, 0);
  CommandResult r = p.run({"down"});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.err.find("2_b.down.sql: marked irreversible (b holds data no down can bring back)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(p.scalar("SELECT version FROM schema_migrations"), "2");
  std::filesystem::remove(p.migrations() / "2_b.down.sql");
  CommandResult missing = p.run({"down"});
  EXPECT_EQ(missing.exit_code, 1) << dump(missing);
  EXPECT_NE(missing.err.find("version 2 b has no down file"), std::string::npos) << missing.err;
  EXPECT_TRUE(p.exists("b"));
}

TEST(RunnerCli, SeveralSourcesEachWithItsStateTable) {
  Project p;
  testing::TempDir jobs;
  jobs.write("1_jobs.up.sql", "CREATE TABLE IF NOT EXISTS jobs (id int PRIMARY KEY);\n");
  jobs.write("1_jobs.down.sql", "DROP TABLE IF EXISTS jobs;\n");
  p.write("1_app.up.sql",
          "CREATE TABLE IF NOT EXISTS app_jobs (job_id int REFERENCES jobs (id));\n");
  p.write("1_app.down.sql", "DROP TABLE IF EXISTS app_jobs;\n");
  std::vector<std::string> sources = {"--source", "jobs=" + jobs.path().string(), "--source",
                                      "app=" + p.migrations().string()};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), sources.begin(), sources.end());
    return p.run(args, false);
  };
  CommandResult up = with({"up"});
  ASSERT_EQ(up.exit_code, 0) << dump(up);
  EXPECT_EQ(up.out.substr(0, up.out.find('(')), "[jobs] 1/u jobs ");
  EXPECT_NE(up.out.find("[app] 1/u app ("), std::string::npos) << up.out;
  EXPECT_EQ(p.scalar("SELECT version FROM schema_migrations"), "1");
  EXPECT_EQ(p.scalar("SELECT version FROM schema_migrations_app"), "1");
  CommandResult status = with({"status"});
  EXPECT_NE(status.out.find("source jobs:"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("source app:"), std::string::npos) << status.out;
  EXPECT_EQ(with({"down"}).exit_code, 2) << "one step of which source?";
  CommandResult down = with({"down", "--all", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << dump(down);
  EXPECT_LT(down.out.find("[app]"), down.out.find("[jobs]")) << "the last source goes first";
  EXPECT_FALSE(p.exists("jobs"));
}

TEST(RunnerCli, UrlParametersNameTheTableAndLimitStatements) {
  Project p;
  p.write("1_slow.down.sql", "SELECT 1;\n");
  p.write("1_slow.up.sql", "SELECT pg_sleep(5);\n");
  std::string url = p.db().url() + "&x-migrations-table=versions&x-statement-timeout=200";
  CommandResult r = testing::run_sqlgate({"up", "-d", url, "-p", p.migrations().string()}, {},
                                         {{"DATABASE_URL", ""}});
  EXPECT_EQ(r.exit_code, 1) << dump(r);
  EXPECT_NE(r.err.find("57014"), std::string::npos) << r.err;
  EXPECT_TRUE(p.exists("versions"));
  EXPECT_FALSE(p.exists("schema_migrations"));

  // DATABASE_URL serves when -d is absent; an unknown x- parameter is a warning.
  p.write("1_slow.up.sql", "SELECT 1;\n");
  CommandResult env = testing::run_sqlgate(
      {"up", "-p", p.migrations().string()}, {},
      {{"DATABASE_URL", p.db().url() + "&x-migrations-table=versions&x-bogus=1"}});
  EXPECT_EQ(env.exit_code, 0) << dump(env);
  EXPECT_NE(env.err.find("unknown URL parameter x-bogus"), std::string::npos) << env.err;
  EXPECT_EQ(p.scalar("SELECT version FROM versions"), "1");

  // A quoted table names its schema.
  p.session().execute("CREATE SCHEMA audit");
  CommandResult quoted = testing::run_sqlgate(
      {"up", "-p", p.migrations().string(), "-d",
       p.db().url() +
           "&x-migrations-table=%22audit%22.%22versions%22&x-migrations-table-quoted=true"},
      {}, {{"DATABASE_URL", ""}});
  EXPECT_EQ(quoted.exit_code, 0) << dump(quoted);
  EXPECT_EQ(p.scalar("SELECT version FROM audit.versions"), "1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM audit.sqlgate_history"), "1");
}

TEST(RunnerCli, ConnectionErrorsExitTwoWithThePasswordMasked) {
  std::string url = testing::test_database_url();
  url.replace(url.find("postgres@"), 9, "postgres:hunter22@");
  url.replace(url.find("/postgres?"), 10, "/no_such_database?");
  testing::TempDir dir;
  CommandResult r = testing::run_sqlgate({"up", "-d", url, "-p", dir.path().string()});
  EXPECT_EQ(r.exit_code, 2) << dump(r);
  EXPECT_EQ(r.err.find("hunter22"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("postgres:xxxxx@"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sqlgate
