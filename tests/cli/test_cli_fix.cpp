// `sqlgate lint --fix | --diff | --unsafe-fixes` through the binary. The loop itself is tested
// with rules defined in tests/unit/test_lint_fix.cpp; here, the command line, and every
// registered rule that declares fixes, on its own fixtures.
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_sqlgate;
using testing::TempDir;

TEST(CliFix, UnsafeFixesNeedFixOrDiff) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;\n");
  auto result = run_sqlgate({"lint", "--unsafe-fixes", "m"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "sqlgate: --unsafe-fixes goes with --fix or --diff\n");
}

TEST(CliFix, NothingToFixLeavesFilesAndReportsWhatRemains) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE (id int);\n");
  dir.write("m/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  auto fixed = run_sqlgate({"lint", "--fix", "m"}, dir.path());
  EXPECT_EQ(fixed.exit_code, 1) << "the syntax error remains";
  EXPECT_TRUE(fixed.out.starts_with("No fix applied.\n\nm/1_a.up.sql:1:14: error[syntax-error]"))
      << fixed.out;
  EXPECT_EQ(read_file(dir.path() / "m/1_a.up.sql"), "CREATE TABLE (id int);\n");

  auto json = run_sqlgate({"lint", "--fix", "--format", "json", "m"}, dir.path());
  EXPECT_EQ(json.err, "No fix applied.\n") << "machine formats keep stdout for the report";
  EXPECT_EQ(nlohmann::json::parse(json.out)["diagnostics"].size(), 1u);

  auto diff = run_sqlgate({"lint", "--diff", "m"}, dir.path());
  EXPECT_EQ(diff.out, "");
  EXPECT_EQ(diff.err, "No fix to apply.\n");
  EXPECT_EQ(diff.exit_code, 1) << "findings remain";

  dir.write("clean/1_a.up.sql", "SELECT 1;\n");
  dir.write("clean/1_a.down.sql", "SELECT 1;\n");
  auto clean = run_sqlgate({"lint", "--diff", "clean"}, dir.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
}

// Every file under a folder, by its path relative to it.
std::map<std::string, std::string> folder_files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".diff") continue;
    files[entry.path().lexically_relative(root).generic_string()] = read_file(entry.path());
  }
  return files;
}

// A set-level rule's fixtures: err/ fixed gives fix.expected/ (files it creates included).
void check_folder_fixes(const std::string& id, const fs::path& fixtures) {
  TempDir dir;
  fs::path set = dir.path() / "set";
  auto reset = [&] {
    fs::remove_all(set);
    fs::copy(fixtures / "err", set, fs::copy_options::recursive);
  };
  reset();
  auto before = folder_files(set);
  auto expected = folder_files(fixtures / "fix.expected");
  auto diff = run_sqlgate({"lint", "--diff", "--unsafe-fixes", "--select", id, "."}, set);
  EXPECT_EQ(diff.exit_code, 1) << id << ": the diff is not empty";
  EXPECT_EQ(folder_files(set), before) << id << ": --diff writes nothing";
  testing::write_file(set / "patch.diff", diff.out);
  auto patched = testing::run_program({"patch", "-s", "-p1", "-i", "patch.diff"}, set);
  EXPECT_EQ(patched.exit_code, 0) << id << patched.err << diff.out;
  EXPECT_EQ(folder_files(set), expected) << id << ": the patch";

  reset();
  auto fixed = run_sqlgate({"lint", "--fix", "--unsafe-fixes", "--select", id, "."}, set);
  EXPECT_NE(fixed.exit_code, 2) << id << fixed.err;
  EXPECT_TRUE(fixed.out.starts_with("Fixed ")) << id << fixed.out;
  EXPECT_EQ(folder_files(set), expected) << id << ": --fix";
}

// For every rule that declares fixes: `lint --fix` on a copy of its err.sql gives its
// fix.expected.sql (err/ gives fix.expected/ for a rule on the migration set), and `lint --diff`
// prints a patch that does the same and writes nothing.
TEST(CliFix, EveryFixableRuleOnItsFixtures) {
  auto listed = run_sqlgate({"rules", "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0);
  auto catalogue = nlohmann::json::parse(listed.out);
  std::size_t checked = 0;
  for (const auto& rule : catalogue["rules"]) {
    if (!rule["fixable"].get<bool>()) continue;
    std::string id = rule["id"];
    fs::path fixtures = testing::source_dir() / "tests" / "rules" / id;
    if (fs::is_directory(fixtures / "fix.expected") && fs::is_directory(fixtures / "err")) {
      check_folder_fixes(id, fixtures);
      ++checked;
      continue;
    }
    if (!fs::exists(fixtures / "fix.expected.sql") || !fs::exists(fixtures / "err.sql")) continue;
    std::string before = read_file(fixtures / "err.sql");
    std::string expected = read_file(fixtures / "fix.expected.sql");

    TempDir dir;
    dir.write("err.sql", before);
    auto diff =
        run_sqlgate({"lint", "--diff", "--unsafe-fixes", "--select", id, "err.sql"}, dir.path());
    EXPECT_EQ(diff.exit_code, 1) << id << ": the diff is not empty";
    EXPECT_EQ(read_file(dir.path() / "err.sql"), before) << id << ": --diff writes nothing";
    dir.write("patch.diff", diff.out);
    auto patched = testing::run_program({"patch", "-s", "-p1", "-i", "patch.diff"}, dir.path());
    EXPECT_EQ(patched.exit_code, 0) << id << patched.err << diff.out;
    EXPECT_EQ(read_file(dir.path() / "err.sql"), expected) << id << ": the patch";

    dir.write("err.sql", before);
    auto fixed =
        run_sqlgate({"lint", "--fix", "--unsafe-fixes", "--select", id, "err.sql"}, dir.path());
    EXPECT_NE(fixed.exit_code, 2) << id << fixed.err;
    EXPECT_TRUE(fixed.out.starts_with("Fixed ")) << id << fixed.out;
    EXPECT_EQ(read_file(dir.path() / "err.sql"), expected) << id << ": --fix";
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no registered rule declares fixes yet";
}

}  // namespace
}  // namespace sqlgate
