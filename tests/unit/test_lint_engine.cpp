// The engine with rules defined here, so that it is tested apart from the real rules.
#include <gtest/gtest.h>

#include "lint/engine.h"
#include "rules/registry.h"
#include "tests/support/testing.h"

namespace sqlgate::lint {
namespace {

// Reports every CREATE TABLE at its relation name.
void check_tables(const FileContext& context, Reporter& out) {
  for (const Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "CreateStmt") continue;
    auto at = statement->offset(statement->node.get("relation").location());
    out.report(TextRange{at, at + 1}, "a table", "help");
  }
}

// Reports each migration version once, on its up file.
void check_versions(const Project& project, Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    if (const ParsedFile* file = project.parsed(i);
        file && project.source(i).migration && project.source(i).role() == Direction::up) {
      out.report(*file, TextRange{0, 0}, "a version", "help");
    }
  }
}

RuleSet test_rules() {
  std::vector<Rule> list;  // the engine's own rules (syntax, meta), none of the real ones
  for (const Rule& rule : rules::all()) {
    if (rule.info.category == Category::syntax || rule.info.category == Category::meta) {
      list.push_back(rule);
    }
  }
  list.push_back(Rule{RuleInfo{"table-rule", Category::idempotency, Severity::error, true, "tables",
                               FixKind::none, ""},
                      check_tables, nullptr});
  list.push_back(Rule{RuleInfo{"version-rule", Category::naming, Severity::warning, true,
                               "versions", FixKind::none, ""},
                      nullptr, check_versions});
  list.push_back(Rule{
      RuleInfo{"opt-in-rule", Category::safety, Severity::info, false, "opt in", FixKind::none, ""},
      check_tables, nullptr});
  return RuleSet(std::move(list), {{"old-table-rule", "table-rule"}});
}

std::vector<std::string> found(const LintResult& result) {
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) {
    lines.push_back(std::filesystem::path(d.file).filename().string() + ":" +
                    std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " +
                    d.rule);
  }
  return lines;
}

LintResult lint_dir(const testing::TempDir& dir, const RuleSet& rules, unsigned jobs = 2) {
  MigrationSet set = discover({dir.path().string()}, {});
  return lint(set, rules, LintOptions{jobs, 15, {}});
}

TEST(Engine, RunsFileAndSetRulesInFileOrder) {
  testing::TempDir dir;
  dir.write("2_b.up.sql", "CREATE TABLE b (id int);");
  dir.write("1_a.up.sql", "SELECT 1;\nCREATE TABLE a (id int);");
  auto result = lint_dir(dir, test_rules());
  EXPECT_EQ(found(result), (std::vector<std::string>{
                               "1_a.up.sql:1:1 version-rule", "1_a.up.sql:2:14 table-rule",
                               "2_b.up.sql:1:1 version-rule", "2_b.up.sql:1:14 table-rule"}));
  EXPECT_EQ(result.files, 2u);
  EXPECT_EQ(result.statements, 3u);
  EXPECT_EQ(result.errors, 2u);
  EXPECT_EQ(result.warnings, 2u);
}

TEST(Engine, SyntaxErrorBesideAGoodFile) {
  testing::TempDir dir;
  dir.write("1_a.up.sql", "CREATE TABLE (id int);");
  dir.write("2_b.up.sql", "CREATE TABLE b (id int);");
  auto result = lint_dir(dir, test_rules());
  EXPECT_EQ(found(result), (std::vector<std::string>{
                               "1_a.up.sql:1:1 version-rule", "1_a.up.sql:1:14 syntax-error",
                               "2_b.up.sql:1:1 version-rule", "2_b.up.sql:1:14 table-rule"}));
}

TEST(Engine, IgnoreCoversItsLineAndTheNextStatement) {
  testing::TempDir dir;
  dir.write("1_a.up.sql",
            "-- sqlgate:ignore table-rule -- created by the bootstrap job\n"
            "CREATE TABLE\n  a (id int);\n"
            "CREATE TABLE b (id int); -- sqlgate:ignore idempotency\n"
            "CREATE TABLE c (id int);\n"
            "-- sqlgate:ignore old-table-rule\n"
            "CREATE TABLE d (id int);\n");
  RuleSet rules = test_rules();
  rules.configure(RuleSelection{{"table-rule", "meta"}, {}, false, {}});
  auto result = lint_dir(dir, rules);
  EXPECT_EQ(found(result), (std::vector<std::string>{"1_a.up.sql:5:14 table-rule"}));
}

TEST(Engine, IgnoreFileAndMetaFindings) {
  testing::TempDir dir;
  dir.write("1_a.up.sql",
            "-- sqlgate:ignore-file table-rule\n"
            "CREATE TABLE a (id int);\n"
            "-- sqlgate:ignore nope-rule\n"
            "SELECT 1;\n"
            "-- sqlgate:ignore version-rule\n"
            "SELECT 2;\n"
            "-- sqlgate:frob\n");
  RuleSet rules = test_rules();
  rules.configure(RuleSelection{{"table-rule", "version-rule", "meta"}, {}, false, {}});
  auto result = lint_dir(dir, rules);
  EXPECT_EQ(found(result),
            (std::vector<std::string>{"1_a.up.sql:1:1 version-rule", "1_a.up.sql:3:19 unknown-rule",
                                      "1_a.up.sql:5:1 unused-ignore",
                                      "1_a.up.sql:7:1 unknown-directive"}));
}

TEST(Engine, SelectionAndSeverities) {
  RuleSet rules = test_rules();
  EXPECT_TRUE(rules.active("table-rule"));
  EXPECT_FALSE(rules.active("opt-in-rule"));
  rules.configure(RuleSelection{{}, {}, true, {}});
  EXPECT_TRUE(rules.active("opt-in-rule"));
  rules.configure(RuleSelection{{"safety"}, {}, false, {}});
  EXPECT_FALSE(rules.active("opt-in-rule")) << "a category keeps opt-in rules off";
  EXPECT_FALSE(rules.active("table-rule"));
  rules.configure(RuleSelection{{"opt-in-rule"}, {}, false, {}});
  EXPECT_TRUE(rules.active("opt-in-rule")) << "naming an opt-in rule turns it on";
  rules.configure(RuleSelection{{}, {"idempotency"}, false, {{"version-rule", Severity::error}}});
  EXPECT_FALSE(rules.active("table-rule"));
  EXPECT_EQ(rules.severity("version-rule"), Severity::error);
  rules.configure(RuleSelection{{}, {}, false, {{"table-rule", std::nullopt}}});
  EXPECT_FALSE(rules.active("table-rule"));
  EXPECT_TRUE(rules.active("old-table-rule") == rules.active("table-rule"));
  EXPECT_THROW(rules.configure(RuleSelection{{"no-such"}, {}, false, {}}), std::invalid_argument);
}

TEST(Engine, UnreadableFileIsAnIoError) {
  testing::TempDir dir;
  dir.share();
  auto path = dir.write("1_a.up.sql", "SELECT 1;");
  dir.write("2_b.up.sql", "CREATE TABLE b (id int);");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  LintResult result;
  {
    testing::UnprivilegedScope unprivileged;  // root reads every file
    if (!unprivileged.failure().empty()) GTEST_SKIP() << unprivileged.failure();
    result = lint_dir(dir, test_rules());
  }
  ASSERT_EQ(result.io_errors.size(), 1u);
  EXPECT_NE(result.io_errors[0].find("1_a.up.sql"), std::string::npos) << result.io_errors[0];
  EXPECT_NE(result.io_errors[0].find("Permission denied"), std::string::npos)
      << result.io_errors[0];
  EXPECT_EQ(found(result),
            (std::vector<std::string>{"2_b.up.sql:1:1 version-rule", "2_b.up.sql:1:14 table-rule"}))
      << "the other file is still linted";
}

TEST(Engine, ReportFilterKeepsSetChecksWhole) {
  testing::TempDir dir;
  dir.write("1_a.up.sql", "CREATE TABLE a (id int);");
  dir.write("2_b.up.sql", "CREATE TABLE b (id int);");
  MigrationSet set = discover({dir.path().string()}, {});
  LintOptions options{1, 15, [](const SourceFile& f) { return f.display.ends_with("2_b.up.sql"); }};
  auto result = lint(set, test_rules(), options);
  EXPECT_EQ(found(result), (std::vector<std::string>{"2_b.up.sql:1:1 version-rule",
                                                     "2_b.up.sql:1:14 table-rule"}));
}

TEST(Engine, CheckFilterRunsFileRulesOnlyWhereAsked) {
  testing::TempDir dir;
  // 1_a is not checked: its table is not reported and its unused ignore is not its finding,
  // but its set-level finding is, and its ignore directive still suppresses one.
  dir.write("1_a.up.sql",
            "-- sqlgate:ignore table-rule -- not checked here\n"
            "SELECT 1;\n"
            "CREATE TABLE a (id int);\n"
            "-- sqlgate:frob\n");
  dir.write("2_b.up.sql", "-- sqlgate:ignore version-rule -- known\nCREATE TABLE b (id int);");
  dir.write("3_c.up.sql", "-- sqlgate:ignore table-rule -- unused\nSELECT 1;");
  MigrationSet set = discover({dir.path().string()}, {});
  LintOptions options;
  options.jobs = 2;
  options.check_file = [](const SourceFile& f) { return !f.display.ends_with("1_a.up.sql"); };
  auto checked = lint(set, test_rules(), options);
  EXPECT_EQ(found(checked), (std::vector<std::string>{
                                "1_a.up.sql:1:1 version-rule", "2_b.up.sql:2:14 table-rule",
                                "3_c.up.sql:1:1 unused-ignore", "3_c.up.sql:1:1 version-rule"}));

  options.check_file = [](const SourceFile& f) { return !f.display.ends_with("2_b.up.sql"); };
  auto unchecked = lint(set, test_rules(), options);
  EXPECT_EQ(found(unchecked), (std::vector<std::string>{
                                  "1_a.up.sql:1:1 unused-ignore", "1_a.up.sql:1:1 version-rule",
                                  "1_a.up.sql:3:14 table-rule", "1_a.up.sql:4:1 unknown-directive",
                                  "3_c.up.sql:1:1 unused-ignore", "3_c.up.sql:1:1 version-rule"}))
      << "2_b's ignore still suppresses the set-level finding it names";
}

}  // namespace
}  // namespace sqlgate::lint
