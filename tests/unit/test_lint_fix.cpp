// apply_edits, and the fix loop (fix, re-parse, re-lint) with rules defined here: one with a
// safe fix, one with an unsafe fix, one whose fix breaks the SQL, one whose fix never settles,
// one whose fix creates a file.
#include <gtest/gtest.h>

#include "lint/fix.h"
#include "lint/sql.h"
#include "rules/registry.h"
#include "tests/support/testing.h"

namespace sqlgate::lint {
namespace {

namespace fs = std::filesystem;

TEST(ApplyEdits, AppliesFromTheEndBackwards) {
  std::string text = "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);\n";
  std::vector<Edit> edits = {{{13, 13}, "IF NOT EXISTS "}, {{38, 38}, "IF NOT EXISTS "}};
  EXPECT_EQ(apply_edits(text, edits),
            "CREATE TABLE IF NOT EXISTS t (id int);\nCREATE INDEX IF NOT EXISTS i ON t (id);\n");
}

TEST(ApplyEdits, SkipsOverlapsAndCountsThem) {
  std::size_t skipped = 0;
  std::string result =
      apply_edits("abcdef", {{{1, 3}, "X"}, {{2, 4}, "Y"}, {{5, 6}, ""}}, &skipped);
  EXPECT_EQ(result, "aXde");
  EXPECT_EQ(skipped, 1u);
}

TEST(ApplyEdits, SameEditTwiceCountsOnce) {
  std::size_t skipped = 0;
  EXPECT_EQ(apply_edits("ab", {{{1, 1}, "-"}, {{1, 1}, "-"}}, &skipped), "a-b");
  EXPECT_EQ(skipped, 0u);
}

TEST(ApplyEdits, RejectsRangesOutsideTheText) {
  std::size_t skipped = 0;
  EXPECT_EQ(apply_edits("ab", {{{1, 9}, "-"}}, &skipped), "ab");
  EXPECT_EQ(skipped, 1u);
}

// ---- rules with fixes, for the loop ------------------------------------------------------

const Node* create_table(const Statement& statement) {
  return statement.kind() == "CreateStmt" ? &statement.node : nullptr;
}

// CREATE TABLE without IF NOT EXISTS: a safe fix inserts it before the name.
void check_if_not_exists(const FileContext& context, Reporter& out) {
  for (const Statement* statement : context.file.all_statements()) {
    const Node* node = create_table(*statement);
    if (node == nullptr || node->flag("if_not_exists")) continue;
    auto at = statement->offset(node->get("relation").location());
    out.report(TextRange{at, at + 1}, "CREATE TABLE without IF NOT EXISTS", "add IF NOT EXISTS")
        .fix("Add IF NOT EXISTS", {Edit{{at, at}, "IF NOT EXISTS "}});
  }
}

// DROP TABLE without CASCADE: an unsafe fix adds it (it would drop dependents too).
void check_cascade(const FileContext& context, Reporter& out) {
  for (const Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "DropStmt" || statement->node.str("behavior") == "DROP_CASCADE") {
      continue;
    }
    auto end = statement->range.end;
    out.report(statement->range, "DROP without CASCADE", "add CASCADE")
        .fix("Add CASCADE", {Edit{{end, end}, " CASCADE"}}, false);
  }
}

// Flags every SELECT; its "fix" deletes the statement's last character: broken SQL.
void check_broken(const FileContext& context, Reporter& out) {
  for (const Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "SelectStmt") continue;
    auto end = statement->range.end;
    out.report(statement->range, "a SELECT", "help").fix("Break it", {Edit{{end - 1, end}, "("}});
  }
}

// Flags any file without a "-- checked" line, and "fixes" it by adding one that it never sees.
void check_restless(const FileContext& context, Reporter& out) {
  if (context.file.text().find("-- checked\n") == 0) return;
  out.report(TextRange{0, 0}, "not checked", "help").fix("Check", {Edit{{0, 0}, "-- check\n"}});
}

// An up without a down: a fix creates the down file.
void check_down(const Project& project, Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const SourceFile& file = project.source(i);
    if (!file.migration || file.migration->direction != Direction::up) continue;
    if (project.partner(i) != nullptr || project.parsed(i) == nullptr) continue;
    std::string down = file.display.substr(0, file.display.size() - 7) + ".down.sql";
    out.report(*project.parsed(i), TextRange{0, 0}, "no down", "write one")
        .fix("Create the down", {Edit{{0, 0}, "SELECT 'down';\n"}}, true, down);
  }
}

RuleSet test_rules(const std::vector<std::string>& select) {
  std::vector<Rule> list = rules::all();
  list.push_back(Rule{RuleInfo{"if-not-exists", Category::idempotency, Severity::error, true, "x",
                               FixKind::safe, ""},
                      check_if_not_exists, nullptr});
  list.push_back(
      Rule{RuleInfo{"cascade", Category::safety, Severity::warning, true, "x", FixKind::unsafe, ""},
           check_cascade, nullptr});
  list.push_back(Rule{
      RuleInfo{"broken-fix", Category::safety, Severity::warning, true, "x", FixKind::safe, ""},
      check_broken, nullptr});
  list.push_back(
      Rule{RuleInfo{"restless", Category::meta, Severity::info, true, "x", FixKind::safe, ""},
           check_restless, nullptr});
  list.push_back(
      Rule{RuleInfo{"down-rule", Category::pairing, Severity::error, true, "x", FixKind::safe, ""},
           nullptr, check_down});
  RuleSet rules(std::move(list), {});
  RuleSelection selection;
  selection.select = select;
  rules.configure(selection);
  return rules;
}

MigrationSet set_of(const testing::TempDir& dir) {
  return discover({dir.path().string()}, DiscoverOptions{true});
}

FixOutcome run_fix(const testing::TempDir& dir, const std::vector<std::string>& select,
                   bool unsafe = false, unsigned passes = 10) {
  LintOptions options;
  options.jobs = 1;
  return fix_set(set_of(dir), test_rules(select), options, FixOptions{unsafe, passes});
}

std::vector<std::string> rules_of(const LintResult& result) {
  std::vector<std::string> ids;
  for (const auto& d : result.diagnostics) ids.push_back(d.rule);
  return ids;
}

TEST(FixLoop, AppliesSafeFixesAndRelints) {
  testing::TempDir dir;
  dir.write("1_a.up.sql",
            "CREATE TABLE a (id int);\nCREATE TABLE IF NOT EXISTS b (id int);\n"
            "CREATE TABLE c (id int);\n");
  FixOutcome outcome = run_fix(dir, {"if-not-exists"});
  ASSERT_EQ(outcome.changes.size(), 1u);
  EXPECT_EQ(outcome.changes[0].after,
            "CREATE TABLE IF NOT EXISTS a (id int);\nCREATE TABLE IF NOT EXISTS b (id int);\n"
            "CREATE TABLE IF NOT EXISTS c (id int);\n");
  EXPECT_FALSE(outcome.changes[0].created);
  EXPECT_EQ(outcome.applied.size(), 2u);
  EXPECT_EQ(outcome.applied[0].rule, "if-not-exists");
  EXPECT_EQ(outcome.applied[0].start.line, 1u);
  EXPECT_EQ(outcome.applied[1].start.line, 3u);
  EXPECT_TRUE(outcome.result.diagnostics.empty()) << "re-linted: nothing remains";
  EXPECT_EQ(outcome.passes, 1u);
  EXPECT_TRUE(outcome.settled);
  EXPECT_EQ(testing::read_file(dir.path() / "1_a.up.sql").find("IF NOT EXISTS a"),
            std::string::npos)
      << "fix_set writes nothing";
}

TEST(FixLoop, UnsafeFixesOnlyWhenAsked) {
  testing::TempDir dir;
  dir.write("1_a.up.sql", "DROP TABLE a;\n");
  FixOutcome safe_only = run_fix(dir, {"cascade"});
  EXPECT_TRUE(safe_only.changes.empty());
  EXPECT_EQ(safe_only.unsafe_available, 1u);
  EXPECT_EQ(rules_of(safe_only.result), std::vector<std::string>{"cascade"});

  FixOutcome unsafe = run_fix(dir, {"cascade"}, true);
  ASSERT_EQ(unsafe.changes.size(), 1u);
  EXPECT_EQ(unsafe.changes[0].after, "DROP TABLE a CASCADE;\n");
  EXPECT_EQ(unsafe.unsafe_available, 0u);
  ASSERT_EQ(unsafe.applied.size(), 1u);
  EXPECT_FALSE(unsafe.applied[0].safe);
}

TEST(FixLoop, AFixThatBreaksTheSqlIsNeverApplied) {
  testing::TempDir dir;
  dir.write("1_a.up.sql", "CREATE TABLE a (id int);\nSELECT 1;\n");
  dir.write("2_b.up.sql", "SELECT 2;\n");
  FixOutcome outcome = run_fix(dir, {"if-not-exists", "broken-fix"});
  ASSERT_EQ(outcome.changes.size(), 1u) << "2_b has only the broken fix: untouched";
  EXPECT_EQ(outcome.changes[0].display, (dir.path() / "1_a.up.sql").string());
  EXPECT_EQ(outcome.changes[0].after, "CREATE TABLE IF NOT EXISTS a (id int);\nSELECT 1;\n")
      << "the good fix in the same file still applies";
  ASSERT_EQ(outcome.rejected.size(), 2u);
  EXPECT_EQ(outcome.rejected[0].rule, "broken-fix");
  EXPECT_EQ(outcome.rejected[0].reason, "it would leave the file unparseable");
  EXPECT_EQ(rules_of(outcome.result), (std::vector<std::string>{"broken-fix", "broken-fix"}))
      << "what could not be fixed remains";
  EXPECT_TRUE(outcome.settled);
}

TEST(FixLoop, StopsAfterMaxPassesWhenFixesKeepComing) {
  testing::TempDir dir;
  dir.write("1_a.up.sql", "SELECT 1;\n");
  FixOutcome outcome = run_fix(dir, {"restless"}, false, 3);
  EXPECT_FALSE(outcome.settled);
  EXPECT_EQ(outcome.passes, 3u);
  ASSERT_EQ(outcome.changes.size(), 1u);
  EXPECT_EQ(outcome.changes[0].after, "-- check\n-- check\n-- check\nSELECT 1;\n");
}

TEST(FixLoop, AFixCanCreateAFile) {
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;\n");
  dir.write("m/2_b.up.sql", "SELECT 2;\n");
  dir.write("m/2_b.down.sql", "SELECT 3;\n");
  FixOutcome outcome = run_fix(dir, {"down-rule"});
  ASSERT_EQ(outcome.changes.size(), 1u);
  EXPECT_TRUE(outcome.changes[0].created);
  EXPECT_EQ(outcome.changes[0].path, dir.path() / "m" / "1_a.down.sql");
  EXPECT_EQ(outcome.changes[0].after, "SELECT 'down';\n");
  EXPECT_TRUE(outcome.result.diagnostics.empty()) << "re-linted with the new file in the set";
  EXPECT_EQ(outcome.set.files.size(), 4u);

  write_changes(outcome.changes);
  EXPECT_EQ(testing::read_file(dir.path() / "m" / "1_a.down.sql"), "SELECT 'down';\n");
}

TEST(FixLoop, WriteChangesKeepsPermissions) {
  testing::TempDir dir;
  auto path = dir.write("1_a.up.sql", "CREATE TABLE a (id int);\n");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  FixOutcome outcome = run_fix(dir, {"if-not-exists"});
  write_changes(outcome.changes);
  EXPECT_EQ(testing::read_file(path), "CREATE TABLE IF NOT EXISTS a (id int);\n");
  EXPECT_EQ(fs::status(path).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_FALSE(fs::exists(dir.path() / "1_a.up.sql.sqlgate-fix"));
}

TEST(FixLoop, AFileThatCannotBeWrittenIsAnError) {
  testing::TempDir dir;
  fs::create_directories(dir.path() / "taken.sql" / "inside");
  std::vector<FileChange> changes = {
      FileChange{dir.path() / "taken.sql", "taken.sql", "", "SELECT 1;\n", true}};
  try {
    write_changes(changes);
    FAIL() << "no error";
  } catch (const FixError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("cannot replace taken.sql: ")) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir.path() / "taken.sql.sqlgate-fix")) << "the temporary is removed";
}

}  // namespace
}  // namespace sqlgate::lint
