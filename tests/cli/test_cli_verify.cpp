// Black-box tests of `sqlgate verify`: the report, exit codes, JSON, and cleaning up whatever
// happens (Ctrl-C included).
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runner/postgres.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::run_sqlgate;
using testing::TempDir;

std::string fixture(const std::string& name) {
  return (testing::source_dir() / "tests/runner/verify" / name).string();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

testing::CommandResult verify(std::vector<std::string> args) {
  args.insert(args.begin(), "verify");
  args.push_back("--scratch-url");
  args.push_back(testing::test_database_url());
  return run_sqlgate(args);
}

// Databases verify left on the test server.
std::size_t scratch_databases(const std::string& pattern) {
  auto admin = runner::connect_postgres(testing::test_database_url());
  return std::stoul(*admin
                         ->query("SELECT count(*) FROM pg_database WHERE datname LIKE " +
                                 runner::quote_literal(pattern))
                         .rows[0][0]);
}

TEST(CliVerify, ACorrectSetPasses) {
  auto result = verify({"-p", fixture("pass")});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "PASS     20240101120000_create_users (")) << result.out;
  EXPECT_TRUE(contains(result.out, "up again skipped: run-once: a rename cannot run twice (" +
                                       fixture("pass") +
                                       "/20240107120000_rename_host_details.up.sql:1)"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "down again skipped: run-once: a rename cannot run twice ("))
      << result.out;
  EXPECT_TRUE(contains(result.out,
                       "down, down again, up after down skipped: irreversible: PostgreSQL cannot "
                       "remove a value from an enum"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "verify: 9 checked: 9 passed, 0 failed")) << result.out;
  EXPECT_TRUE(contains(result.out, "of the --scratch-url server, PostgreSQL")) << result.out;
}

TEST(CliVerify, AFailureExitsOneWithTheStepAndTheLocation) {
  auto result = verify({"-p", fixture("down_fk_order")});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "FAIL     20240202090000_create_campaigns")) << result.out;
  EXPECT_TRUE(contains(result.out, "down failed: " + fixture("down_fk_order") +
                                       "/20240202090000_create_campaigns.down.sql:1:1: cannot "
                                       "drop table campaigns because other objects depend on it "
                                       "[2BP01]"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "detail: constraint campaign_targets_campaign_id_fkey"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "1 passed, 1 failed")) << result.out;
}

TEST(CliVerify, ADifferenceIsShownAsObjectBeforeAndAfter) {
  auto result = verify({"-p", fixture("down_leaves_column")});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out,
                       "down: the down did not give back the database as it was before the up\n"
                       "           column public.organizations.plan\n"
                       "             before: (none)\n"
                       "             after:  text NOT NULL DEFAULT 'free'::text\n"))
      << result.out;
}

TEST(CliVerify, JsonHasTheSameContent) {
  auto result = verify({"-p", fixture("seed_duplicates"), "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  auto report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["summary"]["migrations"], 3);
  EXPECT_EQ(report["summary"]["passed"], 2);
  EXPECT_EQ(report["summary"]["failed"], 1);
  EXPECT_EQ(report["server"]["kind"], "scratch-url");
  const auto& seed = report["migrations"][1];
  EXPECT_EQ(seed["version"], "20240202090000");
  EXPECT_EQ(seed["name"], "seed_plans");
  EXPECT_EQ(seed["status"], "fail");
  EXPECT_TRUE(seed["time_ms"].is_number());
  EXPECT_TRUE(contains(seed["up"].get<std::string>(), "20240202090000_seed_plans.up.sql"));
  const auto& step = seed["steps"][1];
  EXPECT_EQ(step["step"], "up again");
  EXPECT_EQ(step["status"], "fail");
  EXPECT_EQ(step["differences"][0]["object"], "rows of table public.plans");
  EXPECT_EQ(step["differences"][0]["before"], "3 rows");
  // The down is checked all the same; the up after it inserts the rows again, once.
  EXPECT_EQ(seed["steps"][2]["status"], "pass");
  EXPECT_EQ(seed["steps"][4]["status"], "pass");
  // Progress goes to stderr, so that stdout is the JSON alone.
  EXPECT_TRUE(contains(result.err, "verify: fail 20240202090000_seed_plans")) << result.err;

  auto failed =
      nlohmann::json::parse(verify({"-p", fixture("up_not_idempotent"), "--format", "json"}).out);
  const auto& error = failed["migrations"][1]["steps"][1]["error"];
  EXPECT_EQ(error["line"], 2);
  EXPECT_EQ(error["column"], 1);
  EXPECT_EQ(error["sqlstate"], "42P07");
  EXPECT_TRUE(contains(error["file"].get<std::string>(), "create_audit_log.up.sql"));
}

TEST(CliVerify, LintFindingsAreShownBesideTheirMigration) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "-- sqlgate:no-such-directive\nCREATE TABLE IF NOT EXISTS a (id int);\n");
  dir.write("m/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  auto result = verify({"-p", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "lint: " + (dir.path() / "m").string() + "/1_a.up.sql:1:1: "))
      << result.out;
  EXPECT_TRUE(contains(result.out, "[unknown-directive]")) << result.out;

  auto json =
      nlohmann::json::parse(verify({"-p", (dir.path() / "m").string(), "--format", "json"}).out);
  EXPECT_EQ(json["migrations"][0]["lint"][0]["rule"], "unknown-directive");
}

TEST(CliVerify, OnlyChecksOneVersionAndAppliesTheOnesBefore) {
  auto result = verify({"-p", fixture("up_not_idempotent"), "--only", "20240202090000"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "APPLIED  20240201090000_create_organizations")) << result.out;
  EXPECT_TRUE(contains(result.out, "1 applied unchecked")) << result.out;

  result = verify({"-p", fixture("up_not_idempotent"), "--to", "20240201090000"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_FALSE(contains(result.out, "create_audit_log")) << result.out;
}

TEST(CliVerify, UsageErrorsExitTwo) {
  std::string pass = fixture("pass");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"-p", pass, "--only", "1", "--from", "1"},
           {"-p", pass, "--from", "abc"},
           {"-p", pass, "--from", "20240105120000", "--to", "20240101120000"},
           {"-p", pass, "--source", "a=" + pass},
           {"-p", pass, "--only", "20991231000000"},
           {"--source", "nameless"},
           {"-p", "/nonexistent/migrations"},
           {"-p", pass, "--scratch-user", "postgres"}}) {
    auto result = verify(args);
    EXPECT_EQ(result.exit_code, 2) << args[args.size() - 1] << "\n" << result.out << result.err;
    EXPECT_TRUE(contains(result.err, "sqlgate: ")) << result.err;
  }
}

TEST(CliVerify, AnUnreachableServerExitsTwoAndNeverShowsThePassword) {
  auto result = run_sqlgate({"verify", "-p", fixture("pass"), "--scratch-url",
                             "postgresql://app:s3cretpw@/app?host=/nonexistent&port=1"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_FALSE(contains(result.out + result.err, "s3cretpw")) << result.err;
  EXPECT_TRUE(contains(result.err, "cannot connect")) << result.err;
}

TEST(CliVerify, NothingToCheckIsNotAFailure) {
  TempDir dir;
  dir.write("m/readme.txt", "no migrations here");
  auto result = run_sqlgate({"verify", "-p", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "no migrations to check")) << result.out;
  EXPECT_FALSE(contains(result.err, "warning")) << result.err;
}

// Files named as another tool names them are never applied: verify and the runner say so.
TEST(CliVerify, SqlFilesNotNamedAsMigrationsAreNamed) {
  TempDir dir;
  dir.write("m/V0001.Initial_Schema.up.sql", "CREATE TABLE IF NOT EXISTS t (id int);\n");
  dir.write("m/V0001.Initial_Schema.down.sql", "DROP TABLE IF EXISTS t;\n");
  auto result = run_sqlgate({"verify", "-p", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.err, "2 .sql files are not named as a migration")) << result.err;
  EXPECT_TRUE(contains(result.err, "V0001.Initial_Schema.up.sql")) << result.err;
}

// ---- the server around the scratch database ---------------------------------------------

bool role_exists(const std::string& name) {
  auto admin = runner::connect_postgres(testing::test_database_url());
  return admin->query("SELECT 1 FROM pg_roles WHERE rolname = " + runner::quote_literal(name))
             .rows.size() == 1;
}

// A migration that creates a role as it should (run twice, it leaves it), and its down.
void write_role_migration(const TempDir& dir, const std::string& stem, const std::string& role) {
  dir.write("m/" + stem + ".up.sql", "DO $$ BEGIN CREATE ROLE " + role +
                                         "; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n");
  dir.write("m/" + stem + ".down.sql", "DROP ROLE IF EXISTS " + role + ";\n");
}

TEST(CliVerify, DropsTheRolesTheMigrationsCreatedAndSaysSo) {
  std::string role = "sqlgate_cli_verify_" + std::to_string(getpid()) + "_reader";
  TempDir dir;
  write_role_migration(dir, "1_reader", role);
  std::string migrations = (dir.path() / "m").string();
  // Twice: the second run finds the server as the first found it.
  for (int run = 0; run < 2; ++run) {
    auto result = verify({"-p", migrations});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_TRUE(contains(result.out, "server: dropped role " + role + ", created by " + migrations +
                                         "/1_reader.up.sql\n"))
        << result.out;
    EXPECT_FALSE(role_exists(role));
  }
  auto json = nlohmann::json::parse(verify({"-p", migrations, "--format", "json"}).out);
  ASSERT_EQ(json["server"]["restored"].size(), 1u) << json.dump(2);
  EXPECT_TRUE(contains(json["server"]["restored"][0].get<std::string>(), "dropped role " + role));
  EXPECT_TRUE(json["server"]["not_restored"].empty());
  EXPECT_FALSE(role_exists(role));
}

TEST(CliVerify, WhatCannotBePutBackIsSaidAndExitsOne) {
  std::string role = "sqlgate_cli_verify_" + std::to_string(getpid()) + "_owner";
  testing::ScratchDatabase other;
  TempDir dir;
  dir.write("m/1_owner.up.sql", "-- sqlgate:run-once-file\nCREATE ROLE " + role +
                                    ";\nALTER DATABASE " + other.name() + " OWNER TO " + role +
                                    ";\n");
  auto result = verify({"-p", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "PASS     1_owner")) << result.out;
  EXPECT_TRUE(contains(result.out, "server: NOT PUT BACK: role " + role + ", created by "))
      << result.out;
  EXPECT_TRUE(contains(result.out, "(owner of database " + other.name() + ")")) << result.out;
  auto admin = runner::connect_postgres(testing::test_database_url());
  admin->execute("ALTER DATABASE " + other.name() + " OWNER TO CURRENT_USER");
  admin->execute("DROP ROLE " + role);
}

// ---- the private cluster, the default --------------------------------------------------

// A temporary folder the server's account can reach when sqlgate runs as root.
std::string open_temp_dir(const TempDir& dir) {
  chmod(dir.path().c_str(), 0755);
  return dir.path().string();
}

// Processes whose command line mentions `text`.
std::size_t processes_mentioning(const std::string& text) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline;
    try {
      cmdline = testing::read_file(entry.path() / "cmdline");
    } catch (...) {
      continue;
    }
    if (contains(cmdline, text)) ++count;
  }
  return count;
}

TEST(CliVerify, ThePrivateClusterIsTheDefaultAndIsRemovedAfterwards) {
  TempDir tmp;
  std::string tmpdir = open_temp_dir(tmp);
  auto result = run_sqlgate({"verify", "-p", fixture("down_fk_order")}, {}, {{"TMPDIR", tmpdir}});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "on a private PostgreSQL")) << result.out;
  EXPECT_TRUE(contains(result.out, "down failed: ")) << result.out;
  EXPECT_TRUE(fs::is_empty(tmp.path()));
  EXPECT_EQ(processes_mentioning(tmpdir), 0u);
}

// Starts sqlgate without waiting; its output goes to files in `dir`.
pid_t start_sqlgate(const std::vector<std::string>& args, const TempDir& dir,
                    const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv{testing::sqlgate_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string out = (dir.path() / "out").string();
  std::string err = (dir.path() / "err").string();
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
    std::vector<char*> pointers;
    for (auto& a : argv) pointers.push_back(a.data());
    pointers.push_back(nullptr);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  return pid;
}

bool wait_for_text(const fs::path& file, const std::string& text, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string content;
    try {
      content = testing::read_file(file);
    } catch (...) {
    }
    if (contains(content, text)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

int wait_exit(pid_t pid, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A set whose second migration sleeps long enough to be interrupted.
void write_sleeping_set(const TempDir& dir) {
  dir.write("m/1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  dir.write("m/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  dir.write("m/2_sleep.up.sql", "SELECT pg_sleep(120);\n");
}

TEST(CliVerify, CtrlCStopsTheServerAndRemovesItsFolder) {
  TempDir dir;
  TempDir tmp;
  std::string tmpdir = open_temp_dir(tmp);
  write_sleeping_set(dir);
  pid_t pid =
      start_sqlgate({"verify", "-p", (dir.path() / "m").string()}, dir, {{"TMPDIR", tmpdir}});
  ASSERT_TRUE(wait_for_text(dir.path() / "out", "PASS     1_a", std::chrono::seconds(120)))
      << testing::read_file(dir.path() / "err");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto sent = std::chrono::steady_clock::now();
  kill(pid, SIGINT);
  int code = wait_exit(pid, std::chrono::seconds(60));
  EXPECT_EQ(code, 2);
  EXPECT_LT(std::chrono::steady_clock::now() - sent, std::chrono::seconds(30));
  EXPECT_TRUE(contains(testing::read_file(dir.path() / "err"), "interrupted"));
  EXPECT_TRUE(fs::is_empty(tmp.path()));
  EXPECT_EQ(processes_mentioning(tmpdir), 0u);
}

TEST(CliVerify, SigtermDropsTheScratchDatabase) {
  TempDir dir;
  write_sleeping_set(dir);
  pid_t pid = start_sqlgate(
      {"verify", "-p", (dir.path() / "m").string(), "--scratch-url", testing::test_database_url()},
      dir, {});
  std::string pattern = "sqlgate_verify_" + std::to_string(pid) + "_%";
  ASSERT_TRUE(wait_for_text(dir.path() / "out", "PASS     1_a", std::chrono::seconds(120)))
      << testing::read_file(dir.path() / "err");
  EXPECT_EQ(scratch_databases(pattern), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGTERM);
  EXPECT_EQ(wait_exit(pid, std::chrono::seconds(60)), 2);
  EXPECT_TRUE(contains(testing::read_file(dir.path() / "err"), "interrupted"));
  EXPECT_EQ(scratch_databases(pattern), 0u);
}

TEST(CliVerify, SigtermPutsBackTheServerToo) {
  std::string role = "sqlgate_cli_verify_" + std::to_string(getpid()) + "_sigterm";
  TempDir dir;
  write_role_migration(dir, "1_a", role);
  dir.write("m/2_sleep.up.sql", "SELECT pg_sleep(120);\n");
  pid_t pid = start_sqlgate(
      {"verify", "-p", (dir.path() / "m").string(), "--scratch-url", testing::test_database_url()},
      dir, {});
  ASSERT_TRUE(wait_for_text(dir.path() / "out", "PASS     1_a", std::chrono::seconds(120)))
      << testing::read_file(dir.path() / "err");
  EXPECT_TRUE(role_exists(role));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGTERM);
  EXPECT_EQ(wait_exit(pid, std::chrono::seconds(60)), 2);
  std::string err = testing::read_file(dir.path() / "err");
  EXPECT_TRUE(contains(err, "sqlgate: dropped role " + role + ", created by ")) << err;
  EXPECT_TRUE(contains(err, "interrupted")) << err;
  EXPECT_FALSE(role_exists(role));
}

}  // namespace
}  // namespace sqlgate
