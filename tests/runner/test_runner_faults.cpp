// The runner when things go wrong under it, on a real PostgreSQL: the process killed, the
// connection terminated, the server stopped, many runs at once. After each, the state table and
// the history tell the truth, nothing ran twice, nothing was lost, and the next run completes.
#include <chrono>
#include <csignal>
#include <functional>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "runner/postgres.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::CommandResult;
using testing::describe;
using testing::MigrationProject;

// Polls until the condition holds; false after the timeout.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

// The pid of the backend running pg_sleep in the project's database ("" when none).
std::string sleeping_backend(MigrationProject& p) {
  std::string pid = p.scalar(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
      "pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep%' LIMIT 1");
  return pid == "(none)" ? "" : pid;
}

// `sqlgate up` in the background, and the pid of its backend once a migration sleeps.
struct SleepingUp {
  std::unique_ptr<testing::RunningProgram> up;
  std::string backend;  // empty when no migration slept within 30 s
};
SleepingUp start_up_until_asleep(MigrationProject& p) {
  SleepingUp result{p.start({"up"}), ""};
  eventually([&] { return !(result.backend = sleeping_backend(p)).empty(); });
  return result;
}

// Whether any session other than the test's is connected to the project's database.
// Client sessions only: an autovacuum worker on the database (a loaded machine, a busy table)
// is no one's migration.
bool others_connected(MigrationProject& p) {
  return p.scalar(
             "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
             "pid <> pg_backend_pid() AND backend_type = 'client backend'") != "0";
}

// Migrations that count how often each ran: 1 creates runs(version, n); each later one adds its
// row or bumps n. The slow one sleeps first.
void counting_set(const MigrationProject& p, int count, int slow, double sleep_seconds) {
  p.pair("1_runs", "CREATE TABLE IF NOT EXISTS runs (version int PRIMARY KEY, n int NOT NULL);\n",
         "DROP TABLE IF EXISTS runs;\n");
  for (int v = 2; v <= count; ++v) {
    std::string version = std::to_string(v);
    std::string up;
    if (v == slow) up += "SELECT pg_sleep(" + std::to_string(sleep_seconds) + ");\n";
    up +=
        "-- sqlgate:run-once n counts how often this migration was applied\n"
        "INSERT INTO runs (version, n) VALUES (" +
        version + ", 1) ON CONFLICT (version) DO UPDATE SET n = runs.n + 1;\n";
    p.pair(version + "_step" + version, up, "DELETE FROM runs WHERE version = " + version + ";\n");
  }
}

// The state row, the history and the effects agree: a version is recorded as applied exactly
// when its row exists, and each row was written once.
void expect_truthful(MigrationProject& p, int count) {
  std::string state = p.scalar("SELECT version::text || ' ' || dirty FROM schema_migrations");
  ASSERT_NE(state, "(none)");
  EXPECT_TRUE(state.ends_with("false")) << state;
  int version = std::stoi(state);
  for (int v = 2; v <= count; ++v) {
    std::string n = p.scalar("SELECT n FROM runs WHERE version = " + std::to_string(v));
    std::string recorded = p.scalar(
        "SELECT count(*) FROM sqlgate_history WHERE action = 'up' AND status = 'applied' AND "
        "version = " +
        std::to_string(v));
    if (v <= version) {
      EXPECT_EQ(n, "1") << "version " << v << " is recorded: it ran exactly once";
      EXPECT_EQ(recorded, "1") << "version " << v;
    } else {
      EXPECT_EQ(n, "(none)") << "version " << v << " is not recorded: it did not run";
      EXPECT_EQ(recorded, "0") << "version " << v;
    }
  }
}

// Three counting migrations, the second sleeping 4 s; sqlgate up killed (-9) while it sleeps.
// (1.5 s was once too short a window for the poll that looks for the sleeping backend, on a
// loaded machine: the test then waited 30 s for a sleep that was over.)
void kill_up_during_the_second(MigrationProject& p) {
  counting_set(p, 3, 2, 4);
  auto [up, pid] = start_up_until_asleep(p);
  ASSERT_FALSE(pid.empty()) << describe(up->wait());
  up->kill(SIGKILL);
  CommandResult killed = up->wait();
  EXPECT_EQ(killed.exit_code, 128 + SIGKILL) << describe(killed);
  EXPECT_NE(killed.out.find("1/u runs"), std::string::npos) << describe(killed);
}

TEST(RunnerFaults, KillNineDuringAMigrationLosesNothingAndRunsNothingTwice) {
  MigrationProject p;
  ASSERT_NO_FATAL_FAILURE(kill_up_during_the_second(p));
  // The server runs the rest of what it was sent (it hears of the dead client only when it
  // replies): migration 2 commits whole, with its state and history rows, or not at all.
  ASSERT_TRUE(eventually([&] { return !others_connected(p); }));
  expect_truthful(p, 3);
  CommandResult again = p.run({"up"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3false");
  expect_truthful(p, 3);
}

TEST(RunnerFaults, TheNextUpWaitsForTheKilledRunsServerSide) {
  MigrationProject p;
  ASSERT_NO_FATAL_FAILURE(kill_up_during_the_second(p));
  // Its backend still holds the advisory lock until it ends: the next run waits for it rather
  // than applying migration 2 a second time beside it.
  CommandResult again = p.run({"up", "--lock-timeout", "60"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3false");
  expect_truthful(p, 3);
}

TEST(RunnerFaults, ATerminatedConnectionRollsTheMigrationBack) {
  MigrationProject p;
  counting_set(p, 3, 2, 30);
  auto [up, pid] = start_up_until_asleep(p);
  ASSERT_FALSE(pid.empty()) << describe(up->wait());
  EXPECT_EQ(p.scalar("SELECT pg_terminate_backend(" + pid + ")"), "t");
  CommandResult r = up->wait();
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("connection to the server lost"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("while applying 2/u step2 ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2_step2.up.sql"), std::string::npos) << r.err;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "1false");
  expect_truthful(p, 3);

  p.write("2_step2.up.sql",
          "-- sqlgate:run-once n counts how often this migration was applied\n"
          "INSERT INTO runs (version, n) VALUES (2, 1) ON CONFLICT (version) DO UPDATE SET n = "
          "runs.n + 1;\n");
  CommandResult again = p.run({"up"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3false");
  expect_truthful(p, 3);
}

// A no-transaction file: CREATE TABLE ran, the sleep is cut short, the index never started.
void no_transaction_set(const MigrationProject& p) {
  p.pair("1_runs", "CREATE TABLE IF NOT EXISTS runs (version int PRIMARY KEY, n int NOT NULL);\n",
         "DROP TABLE IF EXISTS runs;\n");
  p.write("2_items.up.sql",
          "-- sqlgate:no-transaction\n"
          "CREATE TABLE IF NOT EXISTS items (id int);\n"
          "SELECT pg_sleep(30);\n"
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_id_idx ON items (id);\n");
  p.write("2_items.down.sql",
          "-- sqlgate:no-transaction\n"
          "DROP INDEX CONCURRENTLY IF EXISTS items_id_idx;\n"
          "DROP TABLE IF EXISTS items;\n");
  p.pair("3_after", "CREATE TABLE IF NOT EXISTS after_items (id int);\n",
         "DROP TABLE IF EXISTS after_items;\n");
}

// What an interrupted no-transaction file leaves: dirty at its version, the history row still
// "running"; up refuses and names the file; recover refuses (statements may have run); after the
// operator undoes them and forces the previous version, up completes.
void expect_dirty_then_repair(MigrationProject& p) {
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "2true");
  EXPECT_EQ(p.scalar("SELECT status FROM sqlgate_history WHERE version = 2"), "running");
  EXPECT_TRUE(p.exists("items")) << "its first statement took effect";
  EXPECT_FALSE(p.exists("items_id_idx"));

  CommandResult up = p.run({"up"});
  EXPECT_EQ(up.exit_code, 1) << describe(up);
  EXPECT_NE(up.err.find("Dirty database version 2. Fix and force version."), std::string::npos)
      << up.err;
  EXPECT_NE(up.err.find("2/u items ("), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("2_items.up.sql) did not finish"), std::string::npos) << up.err;
  CommandResult version = p.run({"version"});
  EXPECT_EQ(version.out, "2 (dirty)\n") << describe(version);
  CommandResult recover = p.run({"recover"});
  EXPECT_EQ(recover.exit_code, 1) << describe(recover);
  EXPECT_NE(recover.err.find("interrupted"), std::string::npos) << recover.err;
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "2true");

  p.session().execute("DROP TABLE items");
  CommandResult force = p.run({"force", "1"});
  EXPECT_EQ(force.exit_code, 0) << describe(force);
  p.write("2_items.up.sql",
          "-- sqlgate:no-transaction\n"
          "CREATE TABLE IF NOT EXISTS items (id int);\n"
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_id_idx ON items (id);\n");
  CommandResult again = p.run({"up"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "3false");
  EXPECT_TRUE(p.exists("items_id_idx"));
  EXPECT_TRUE(p.exists("after_items"));
  EXPECT_EQ(p.scalar("SELECT string_agg(action || ':' || status, ' ' ORDER BY id) FROM "
                     "sqlgate_history WHERE version = 2 OR action = 'force'"),
            "up:resolved force:applied up:applied");
}

TEST(RunnerFaults, ANoTransactionFileKilledHalfwayStaysDirtyAndNamesTheFile) {
  MigrationProject p;
  no_transaction_set(p);
  auto [up, pid] = start_up_until_asleep(p);
  ASSERT_FALSE(pid.empty()) << describe(up->wait());
  up->kill(SIGKILL);
  EXPECT_EQ(up->wait().exit_code, 128 + SIGKILL);
  // The orphaned backend would sleep on; end it, as a server timeout would.
  p.scalar("SELECT pg_cancel_backend(" + pid + ")");
  ASSERT_TRUE(eventually([&] { return !others_connected(p); }));
  expect_dirty_then_repair(p);
}

TEST(RunnerFaults, ANoTransactionFileWhoseConnectionIsTerminatedStaysDirty) {
  MigrationProject p;
  no_transaction_set(p);
  auto [up, pid] = start_up_until_asleep(p);
  ASSERT_FALSE(pid.empty()) << describe(up->wait());
  EXPECT_EQ(p.scalar("SELECT pg_terminate_backend(" + pid + ")"), "t");
  CommandResult r = up->wait();
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("connection to the server lost"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("while running 2/u items ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stays dirty at version 2"), std::string::npos) << r.err;
  expect_dirty_then_repair(p);
}

TEST(RunnerFaults, TenConcurrentUpsApplyEachMigrationOnce) {
  MigrationProject p;
  counting_set(p, 13, 5, 0.2);
  std::vector<std::unique_ptr<testing::RunningProgram>> runs;
  for (int i = 0; i < 10; ++i) runs.push_back(p.start({"up", "--lock-timeout", "120"}));
  std::size_t applied = 0;
  std::size_t no_change = 0;
  for (auto& run : runs) {
    CommandResult r = run->wait();
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    applied += testing::count_occurrences(r.out, "/u ");
    no_change += testing::count_occurrences(r.out, "no change");
  }
  EXPECT_EQ(applied, 13u);
  EXPECT_EQ(no_change, 9u) << "the first to take the lock applies everything";
  EXPECT_EQ(p.scalar("SELECT version::text || dirty FROM schema_migrations"), "13false");
  expect_truthful(p, 13);
  EXPECT_EQ(p.scalar("SELECT count(*) FROM sqlgate_history"), "13");
}

// A private server, since this test stops it: the shared one serves the other tests.
class PrivateServer {
 public:
  PrivateServer() {
    m_dir.share();  // the server runs as postgres when the tests run as root
    CommandResult r = script("start");
    if (r.exit_code != 0) throw std::runtime_error("pg-sandbox start failed:\n" + describe(r));
    m_url = r.out.substr(0, r.out.find('\n'));
  }
  ~PrivateServer() { script("stop"); }
  PrivateServer(const PrivateServer&) = delete;
  PrivateServer& operator=(const PrivateServer&) = delete;

  const std::string& url() const { return m_url; }
  CommandResult script(const std::string& command) const {
    return testing::run_program({(testing::source_dir() / "tools" / "pg-sandbox.sh").string(),
                                 command, (m_dir.path() / "pg").string()});
  }

 private:
  testing::TempDir m_dir;
  std::string m_url;
};

TEST(RunnerFaults, TheServerStoppedBetweenTwoMigrations) {
  PrivateServer server;
  testing::TempDir dir;
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"-d", server.url(), "-p", (dir.path() / "m").string()});
    return testing::run_sqlgate(args, dir.path(), {{"DATABASE_URL", ""}});
  };
  dir.write("m/1_first.up.sql", "CREATE TABLE IF NOT EXISTS first (id int);\n");
  dir.write("m/1_first.down.sql", "DROP TABLE IF EXISTS first;\n");
  dir.write("m/2_second.up.sql",
            "SELECT pg_sleep(30);\nCREATE TABLE IF NOT EXISTS second (id int);\n");
  dir.write("m/2_second.down.sql", "DROP TABLE IF EXISTS second;\n");
  auto session = runner::connect_postgres(server.url());
  auto scalar = [&](const std::string& sql) {
    runner::Rows rows = session->query(sql);
    return rows.rows.empty() ? std::string("(none)") : rows.rows.at(0).at(0).value_or("NULL");
  };

  auto up = testing::start_sqlgate({"up", "-d", server.url(), "-p", (dir.path() / "m").string()},
                                   dir.path(), {{"DATABASE_URL", ""}});
  ASSERT_TRUE(eventually([&] {
    return scalar(
               "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'BEGIN;%pg_sleep%' AND "
               "pid <> pg_backend_pid()") == "1";
  })) << describe(up->wait());
  session.reset();
  CommandResult halt = server.script("halt");
  ASSERT_EQ(halt.exit_code, 0) << describe(halt);
  CommandResult r = up->wait();
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.out.find("1/u first"), std::string::npos) << describe(r);
  EXPECT_NE(r.err.find("while applying 2/u second ("), std::string::npos) << r.err;

  CommandResult unreachable = run({"up"});
  EXPECT_EQ(unreachable.exit_code, 2) << describe(unreachable);
  EXPECT_NE(unreachable.err.find("cannot connect"), std::string::npos) << unreachable.err;

  CommandResult resume = server.script("resume");
  ASSERT_EQ(resume.exit_code, 0) << describe(resume);
  session = runner::connect_postgres(server.url());
  EXPECT_EQ(scalar("SELECT version::text || dirty FROM schema_migrations"), "1false");
  EXPECT_EQ(scalar("SELECT to_regclass('second') IS NULL"), "t");
  dir.write("m/2_second.up.sql", "CREATE TABLE IF NOT EXISTS second (id int);\n");
  CommandResult again = run({"up"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(scalar("SELECT version::text || dirty FROM schema_migrations"), "2false");
  EXPECT_EQ(scalar("SELECT string_agg(version || ':' || action || ':' || status, ' ' ORDER BY id) "
                   "FROM sqlgate_history"),
            "1:up:applied 2:up:applied");
}

}  // namespace
}  // namespace sqlgate
