// The CI gate on pull requests: `sqlgate lint --changed-since REF` and `--since-version V`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;
using testing::TempDir;

// A git repository in a temporary folder.
class Repository {
 public:
  Repository() { git({"init", "-q", "-b", "main"}); }
  void git(const std::vector<std::string>& args) const {
    auto result = testing::run_git(args, m_dir.path());
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  void commit(const std::string& message) const {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message});
  }
  void write(const std::string& path, const std::string& text) const { m_dir.write(path, text); }
  std::filesystem::path path() const { return m_dir.path(); }

 private:
  TempDir m_dir;
};

std::vector<std::string> findings(const std::string& json_text) {
  std::vector<std::string> lines;
  auto json = nlohmann::json::parse(json_text);
  for (const auto& d : json["diagnostics"]) {
    lines.push_back(std::filesystem::path(d["file"].get<std::string>()).filename().string() + " " +
                    d["rule"].get<std::string>());
  }
  return lines;
}

const char* k_table = "CREATE TABLE IF NOT EXISTS t (id int);\n";
const char* k_drop = "DROP TABLE IF EXISTS t;\n";

TEST(CliChangedSince, ReportsOnlyOnFilesTheChangeTouches) {
  Repository repo;
  repo.write("db/migrations/1_old.up.sql", "SELECT 1;\n");  // missing-down, already on main
  repo.write("db/migrations/3_base.up.sql", k_table);
  repo.write("db/migrations/3_base.down.sql", k_drop);
  repo.commit("base");
  repo.git({"checkout", "-q", "-b", "feature"});
  repo.write("db/migrations/4_new.up.sql", "SELECT 4;\n");  // committed
  repo.commit("feature");
  repo.write("db/migrations/2_late.up.sql", "CREATE TABLE IF NOT EXISTS u ();\n");  // untracked
  repo.write("db/migrations/2_late.down.sql", "DROP TABLE IF EXISTS u;\n");

  std::string folder = (repo.path() / "db/migrations").string();
  auto all = run_sqlgate({"lint", "--format", "json", folder});
  EXPECT_EQ(findings(all.out),
            (std::vector<std::string>{"1_old.up.sql missing-down", "4_new.up.sql missing-down"}));

  auto gate = run_sqlgate({"lint", "--format", "json", "--changed-since", "main", folder});
  EXPECT_EQ(gate.exit_code, 1) << gate.err;
  EXPECT_EQ(findings(gate.out),
            (std::vector<std::string>{"2_late.up.sql out-of-order", "4_new.up.sql missing-down"}))
      << gate.out;

  // From inside the repository, with a relative path, and with a commit id.
  auto relative = run_sqlgate(
      {"lint", "--format", "json", "--changed-since", "HEAD~1", "db/migrations"}, repo.path());
  EXPECT_EQ(findings(relative.out),
            (std::vector<std::string>{"2_late.up.sql out-of-order", "4_new.up.sql missing-down"}));
}

TEST(CliChangedSince, SetChecksStillSeeTheWholeFolder) {
  Repository repo;
  repo.write("m/1_users.up.sql", k_table);
  repo.write("m/1_users.down.sql", k_drop);
  repo.commit("base");
  // A second up of version 1 (0001 is 1): the finding lands on the new file.
  repo.write("m/0001_accounts.up.sql", "SELECT 1;\n");
  repo.write("m/0001_accounts.down.sql", "SELECT 1;\n");
  auto gate = run_sqlgate({"lint", "--format", "json", "--changed-since", "HEAD",
                           (repo.path() / "m").string(), "--select", "duplicate-version"});
  EXPECT_EQ(gate.exit_code, 1) << gate.err;
  EXPECT_EQ(findings(gate.out), (std::vector<std::string>{"0001_accounts.up.sql duplicate-version",
                                                          "0001_accounts.down.sql "
                                                          "duplicate-version"}))
      << gate.out;
}

TEST(CliChangedSince, UnchangedFilesGetNoFileLevelFindingsButTheirDirectivesStillWaive) {
  Repository repo;
  // Already on main: a file-level error, an ignore that waives nothing, and a set-level finding
  // waived in the file.
  repo.write("m/1_old.up.sql",
             "-- sqlgate:ignore-file missing-down -- kept as it was applied\n"
             "-- sqlgate:ignore require-on-conflict -- no insert here\n"
             "CREATE TABLE t (id int);\n");
  repo.commit("base");
  repo.write("m/2_new.up.sql", "CREATE TABLE u (id int);\n");
  repo.write("m/2_new.down.sql", "DROP TABLE IF EXISTS u;\n");
  std::string folder = (repo.path() / "m").string();

  auto all = run_sqlgate({"lint", "--format", "json", folder});
  EXPECT_EQ(findings(all.out), (std::vector<std::string>{"1_old.up.sql unused-ignore",
                                                         "1_old.up.sql require-if-not-exists",
                                                         "2_new.up.sql require-if-not-exists"}))
      << all.out;
  auto gate = run_sqlgate({"lint", "--format", "json", "--changed-since", "HEAD", folder});
  EXPECT_EQ(gate.exit_code, 1) << gate.err;
  EXPECT_EQ(findings(gate.out), (std::vector<std::string>{"2_new.up.sql require-if-not-exists"}))
      << gate.out;
}

TEST(CliChangedSince, SinceVersionMarksWhatTheDatabaseHas) {
  Repository repo;
  repo.write("m/1_a.up.sql", k_table);
  repo.write("m/1_a.down.sql", k_drop);
  repo.commit("base");
  repo.write("m/5_b.up.sql", "SELECT 1;\n");
  repo.write("m/5_b.down.sql", "SELECT 1;\n");
  std::string folder = (repo.path() / "m").string();
  EXPECT_EQ(run_sqlgate({"lint", "--changed-since", "HEAD", folder}).exit_code, 0);
  auto behind = run_sqlgate(
      {"lint", "--format", "json", "--changed-since", "HEAD", "--since-version", "7", folder});
  EXPECT_EQ(behind.exit_code, 1);
  EXPECT_EQ(findings(behind.out), (std::vector<std::string>{"5_b.up.sql out-of-order"}));
  auto message = run_sqlgate({"lint", "--changed-since", "HEAD", "--since-version", "7", folder});
  EXPECT_NE(message.out.find("which the database already has"), std::string::npos) << message.out;
  EXPECT_EQ(run_sqlgate({"lint", "--since-version", "3", folder}).exit_code, 0);
}

TEST(CliChangedSince, ClearErrorsExitTwo) {
  TempDir plain;
  plain.write("m/1_a.up.sql", "SELECT 1;\n");
  auto outside = run_sqlgate({"lint", "--changed-since", "main", (plain.path() / "m").string()});
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("is not in a git repository"), std::string::npos) << outside.err;

  Repository repo;
  repo.write("m/1_a.up.sql", k_table);
  repo.write("m/1_a.down.sql", k_drop);
  repo.commit("base");
  std::string folder = (repo.path() / "m").string();
  auto unknown = run_sqlgate({"lint", "--changed-since", "no-such-branch", folder});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown git revision 'no-such-branch'"), std::string::npos)
      << unknown.err;
  auto option = run_sqlgate({"lint", "--changed-since=--output=x", folder});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_NE(option.err.find("is not a git revision"), std::string::npos) << option.err;
  auto version = run_sqlgate({"lint", "--since-version", "v1.2", folder});
  EXPECT_EQ(version.exit_code, 2);
  EXPECT_NE(version.err.find("--since-version: 'v1.2' is not a version number"), std::string::npos)
      << version.err;
}

}  // namespace
}  // namespace sqlgate
