// The safety and transaction rules where the fixtures cannot reach: --pg-version gating, opt-in
// defaults, and files whose direction is guessed from their name.
#include <gtest/gtest.h>

#include "tests/support/rules.h"

namespace sqlgate::rules {
namespace {

struct Finding {
  std::string rule;
  lint::Severity severity;
  bool fix;
};

std::vector<Finding> lint_text(const std::string& text, const std::string& id, int pg_version,
                               const std::string& name = "1_x.up.sql") {
  std::vector<Finding> found;
  for (const auto& d : testing::lint_rule(text, id, pg_version, name)) {
    found.push_back(Finding{d.rule, d.severity, d.fix.has_value()});
  }
  return found;
}

TEST(SafetyVersions, AnyDefaultRewritesBeforePostgres11) {
  const std::string sql = "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';";
  EXPECT_EQ(lint_text(sql, "ban-volatile-default", 10).size(), 1u);
  EXPECT_TRUE(lint_text(sql, "ban-volatile-default", 11).empty());
  const std::string null_default = "ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;";
  EXPECT_TRUE(lint_text(null_default, "ban-volatile-default", 10).empty());
}

TEST(SafetyVersions, ReindexConcurrentlyFromPostgres12) {
  const std::string sql = "-- sqlgate:no-transaction\nREINDEX TABLE orders;";
  auto pg11 = lint_text(sql, "require-concurrent-reindex", 11);
  ASSERT_EQ(pg11.size(), 1u);
  EXPECT_FALSE(pg11[0].fix);  // no CONCURRENTLY to add before 12
  auto pg12 = lint_text(sql, "require-concurrent-reindex", 12);
  ASSERT_EQ(pg12.size(), 1u);
  EXPECT_TRUE(pg12[0].fix);
}

TEST(SafetyVersions, DetachConcurrentlyFromPostgres14) {
  const std::string sql = "ALTER TABLE measurements DETACH PARTITION measurements_2023;";
  EXPECT_TRUE(lint_text(sql, "require-concurrent-detach", 13).empty());
  EXPECT_EQ(lint_text(sql, "require-concurrent-detach", 14).size(), 1u);
}

TEST(SafetyVersions, ACheckProvesNotNullFromPostgres12) {
  const std::string sql =
      "ALTER TABLE orders ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\n"
      "ALTER TABLE orders VALIDATE CONSTRAINT c_nn;\n"
      "ALTER TABLE orders ALTER COLUMN c SET NOT NULL;\n";
  EXPECT_EQ(lint_text(sql, "ban-set-not-null", 11).size(), 1u);
  EXPECT_TRUE(lint_text(sql, "ban-set-not-null", 12).empty());
}

TEST(SafetyVersions, TimestampToTimestamptzInUtcFromPostgres12) {
  const std::string sql =
      "ALTER TABLE orders ADD COLUMN IF NOT EXISTS placed_at timestamp;\n"
      "SET TIME ZONE 'UTC';\n"
      "ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;\n";
  auto pg11 = lint_text(sql, "ban-alter-column-type", 11);
  ASSERT_EQ(pg11.size(), 1u);
  EXPECT_EQ(pg11[0].severity, lint::Severity::error);  // a rewrite
  auto pg12 = lint_text(sql, "ban-alter-column-type", 12);
  ASSERT_EQ(pg12.size(), 1u);
  EXPECT_EQ(pg12[0].severity, lint::Severity::warning);  // indexes rebuilt only
}

TEST(SafetyVersions, ANegativeOffsetIsNotUtc) {
  // SET TIME ZONE -5 is five hours west of UTC; its parse tree writes -5 like 0.
  for (const std::string zone : {"-5", "- 5"}) {
    const std::string sql =
        "ALTER TABLE orders ADD COLUMN IF NOT EXISTS placed_at timestamp;\n"
        "SET TIME ZONE " +
        zone +
        ";\n"
        "ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;\n";
    auto found = lint_text(sql, "ban-alter-column-type", 15);
    ASSERT_EQ(found.size(), 1u) << zone;
    EXPECT_EQ(found[0].severity, lint::Severity::error) << zone << ": a rewrite";
  }
  auto utc = lint_text(
      "ALTER TABLE orders ADD COLUMN IF NOT EXISTS placed_at timestamp;\n"
      "SET TIME ZONE 0;\n"
      "ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;\n",
      "ban-alter-column-type", 15);
  ASSERT_EQ(utc.size(), 1u);
  EXPECT_EQ(utc[0].severity, lint::Severity::warning);
}

TEST(SafetyFunctions, AFunctionAnEarlierMigrationCreatedWithoutAVolatilityIsVolatile) {
  auto file = [](std::string name, std::string text) {
    lint::SourceFile source;
    source.path = name;
    source.display = name;
    source.text = std::move(text);
    lint::classify(source);
    return source;
  };
  lint::MigrationSet set = lint::make_set(
      {file("1_fn.up.sql",
            "CREATE FUNCTION random_code(int) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;\n"
            "CREATE FUNCTION region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$;"),
       file("2_col.up.sql",
            "ALTER TABLE orders ADD COLUMN code text DEFAULT random_code(8);\n"
            "ALTER TABLE orders ADD COLUMN region text DEFAULT region();\n"
            "ALTER TABLE orders ADD COLUMN other text DEFAULT unknown_fn();")});
  lint::RuleSet rules = make_rule_set();
  lint::RuleSelection selection;
  selection.select = {"ban-volatile-default"};
  rules.configure(selection);
  lint::LintResult result = lint::lint(set, rules, lint::LintOptions{1, 15, {}});
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].start.line, 1u);
  EXPECT_NE(result.diagnostics[0].message.find("random_code"), std::string::npos);
}

TEST(SafetyDefaults, OptInRules) {
  lint::RuleSet rules = make_rule_set();
  for (std::string_view id : {"require-lock-timeout", "ban-create-domain-with-constraint"}) {
    const lint::Rule* rule = rules.find(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_FALSE(rule->info.enabled) << id;
    EXPECT_FALSE(rules.active(id)) << id;
  }
  lint::RuleSelection all;
  all.enable_all = true;
  rules.configure(all);
  EXPECT_TRUE(rules.active("require-lock-timeout"));
  EXPECT_EQ(rules.find("require-enum-value-ordering")->info.severity, lint::Severity::info);
  EXPECT_EQ(rules.find("prefer-text-over-varchar")->info.severity, lint::Severity::warning);
}

TEST(SafetyDirections, ANonMigrationFileNamedDownIsADown) {
  const std::string sql = "DROP TABLE IF EXISTS invoices;";
  EXPECT_EQ(lint_text(sql, "ban-drop-table", 15, "cleanup.sql").size(), 1u);
  EXPECT_TRUE(lint_text(sql, "ban-drop-table", 15, "cleanup_down.sql").empty());
  EXPECT_TRUE(lint_text(sql, "ban-drop-table", 15, "1_x.down.sql").empty());
}

}  // namespace
}  // namespace sqlgate::rules
