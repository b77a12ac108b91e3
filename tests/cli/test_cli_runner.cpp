// The runner's subcommands where no database is needed: usage errors, create, connection
// failures.
#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;

TEST(CliRunner, HelpListsEveryVerb) {
  auto r = run_sqlgate({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* verb :
       {"up", "down", "goto", "force", "version", "status", "create", "drop", "recover"}) {
    EXPECT_NE(r.out.find(std::string("\n  ") + verb + " "), std::string::npos) << verb;
  }
}

TEST(CliRunner, UsageErrorsExitTwo) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{"force", "-2"}, "argument V must be >= -1"},
           {{"down", "--all", "3"}, "--all cannot be used with N"},
           {{"up", "--source", "jobs"}, "--source takes NAME=VALUE, got 'jobs'"},
           {{"up", "-p", "a", "--source", "x=b"}, "--path and --source cannot be combined"},
           {{"up", "--source", "a=x", "--source", "a=y"}, "--source a is given twice"},
           {{"up", "--source", "a=x", "--source-table", "b=t"}, "--source-table b: no such source"},
           {{"up", "--source", "a=x", "--only", "b"}, "--only b: no such source"},
           {{"goto", "1", "--source", "a=x", "--source", "b=y"}, "choose one with --only NAME"},
           {{"up", "-d", "postgres://u:hunter22@/db?x-statement-timeout=soon"},
            "x-statement-timeout: 'soon' is not a number of milliseconds"},
           {{"create", "x", "--seq", "--time-format", "1"}, "--seq excludes --time-format"},
       }) {
    auto r = run_sqlgate(c.args, {}, {{"DATABASE_URL", ""}});
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("hunter22"), std::string::npos) << r.err;
  }
}

TEST(CliRunner, AnUnreachableServerExitsTwoWithThePasswordMasked) {
  testing::TempDir dir;
  auto r = run_sqlgate({"up", "-d", "postgres://app:hunter22@/db?host=/nonexistent&port=1", "-p",
                        dir.path().string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sqlgate: cannot connect"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("postgres://app:xxxxx@/db"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("hunter22"), std::string::npos) << r.err;
}

TEST(CliRunner, AConnectionErrorComesBeforeAMissingFolder) {
  // The folder is read while the connection opens; the connection's error is the one reported.
  testing::TempDir dir;
  auto r = run_sqlgate({"up", "-d", "postgres://app@/db?host=/nonexistent&port=1", "-p",
                        (dir.path() / "no-such-folder").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sqlgate: cannot connect"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("no-such-folder"), std::string::npos) << r.err;
}

TEST(CliRunner, CreateWritesAPairAndRefusesADuplicate) {
  testing::TempDir dir;
  auto created =
      run_sqlgate({"create", "add_users", "--dir", "db", "--seq", "--digits", "4"}, dir.path());
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_EQ(created.out, "db/0001_add_users.up.sql\ndb/0001_add_users.down.sql\n");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "db" / "0001_add_users.down.sql"));
  auto stamped =
      run_sqlgate({"create", "add_orders", "--dir", "db", "--tz", "Europe/Paris"}, dir.path());
  ASSERT_EQ(stamped.exit_code, 0) << stamped.err;
  EXPECT_EQ(stamped.out.find("db/"), 0u);
  EXPECT_EQ(stamped.out.find("_add_orders.up.sql"), 3u + 14u) << stamped.out;
  auto duplicate =
      run_sqlgate({"create", "later", "--dir", "db", "--time-format", "0007"}, dir.path());
  ASSERT_EQ(duplicate.exit_code, 0) << duplicate.err;
  auto refused =
      run_sqlgate({"create", "again", "--dir", "db", "--time-format", "0007"}, dir.path());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "sqlgate: duplicate migration version: 0007 (0007_later.up.sql exists)\n");
}

}  // namespace
}  // namespace sqlgate
