// The transaction rules' cases the fixture harness cannot hold: the marker nothing needs, the
// PostgreSQL version gate, statements inside the file's own BEGIN ... COMMIT, and fix shapes.
#include <gtest/gtest.h>

#include "lint/engine.h"
#include "lint/fix.h"
#include "rules/registry.h"

namespace sqlgate {
namespace {

struct Linted {
  lint::MigrationSet set;
  lint::LintResult result;
};

Linted lint_text(std::string_view rule, std::string text, int pg_version = 15) {
  lint::SourceFile file;
  file.path = "0001_example.up.sql";
  file.display = "0001_example.up.sql";
  file.text = std::move(text);
  lint::classify(file);
  Linted linted;
  linted.set = lint::make_set({std::move(file)});
  lint::RuleSet rules = rules::make_rule_set();
  lint::RuleSelection selection;
  selection.select = {std::string(rule)};
  rules.configure(selection);
  linted.result = lint::lint(linted.set, rules, lint::LintOptions{1, pg_version, {}});
  return linted;
}

std::vector<std::string> findings(const Linted& linted) {
  std::vector<std::string> out;
  for (const auto& d : linted.result.diagnostics) {
    out.push_back(std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " +
                  std::string(lint::to_string(d.severity)));
  }
  return out;
}

std::string fixed(const Linted& linted) {
  std::vector<lint::Edit> edits;
  for (const auto& d : linted.result.diagnostics) {
    if (d.fix) edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
  }
  return lint::apply_edits(linted.set.files.front().text, edits);
}

TEST(NoTransactionMarker, AMarkerNothingNeedsIsAWarningWithAnUnsafeFix) {
  Linted linted = lint_text("no-transaction-marker",
                            "-- sqlgate:no-transaction\n"
                            "ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n");
  ASSERT_EQ(findings(linted), (std::vector<std::string>{"1:1 warning"}));
  const auto& fix = linted.result.diagnostics.front().fix;
  ASSERT_TRUE(fix.has_value());
  EXPECT_FALSE(fix->safe);
  EXPECT_EQ(fixed(linted), "ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n");
}

TEST(NoTransactionMarker, ATrailingMarkerIsRemovedWithoutItsLine) {
  Linted linted =
      lint_text("no-transaction-marker", "SELECT 1; -- sqlgate:no-transaction\nSELECT 2;\n");
  ASSERT_EQ(findings(linted).size(), 1u);
  EXPECT_EQ(fixed(linted), "SELECT 1;\nSELECT 2;\n");
}

TEST(NoTransactionMarker, AddValueNeedsTheMarkerOnlyBeforePostgres12) {
  std::string text = "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm';\n";
  EXPECT_EQ(findings(lint_text("no-transaction-marker", text, 11)),
            (std::vector<std::string>{"1:1 error"}));
  EXPECT_TRUE(findings(lint_text("no-transaction-marker", text, 12)).empty());
  // RENAME VALUE runs in a transaction on every version.
  EXPECT_TRUE(
      findings(lint_text("no-transaction-marker", "ALTER TYPE mood RENAME VALUE 'a' TO 'b';", 11))
          .empty());
}

TEST(NoTransactionMarker, InAFileWithItsOwnTransactionOnlyStatementsInsideTheBlockCount) {
  Linted linted = lint_text("no-transaction-marker",
                            "BEGIN;\n"
                            "CREATE INDEX CONCURRENTLY a_idx ON t (a);\n"
                            "COMMIT;\n"
                            "CREATE INDEX CONCURRENTLY b_idx ON t (b);\n");
  ASSERT_EQ(findings(linted), (std::vector<std::string>{"2:1 error"}));
  EXPECT_NE(linted.result.diagnostics.front().message.find("between"), std::string::npos);
  EXPECT_FALSE(linted.result.diagnostics.front().fix.has_value());
}

TEST(NoTransactionMarker, AMarkedFileThatNeedsItIsClean) {
  EXPECT_TRUE(
      findings(lint_text("no-transaction-marker", "-- sqlgate:no-transaction\nVACUUM users;\n"))
          .empty());
}

// PostgreSQL runs a DO block as a function: VACUUM there fails with the marker or without
// ("VACUUM cannot be executed from a function"), and moving it out is what the marker is for.
TEST(NoTransactionMarker, StatementsInsideDoBlocksFailWithOrWithoutTheMarker) {
  for (std::string marker : {"", "-- sqlgate:no-transaction\n"}) {
    auto linted =
        lint_text("no-transaction-marker", marker + "DO $$ BEGIN EXECUTE 'VACUUM t'; END $$;\n");
    ASSERT_EQ(linted.result.diagnostics.size(), 1u) << marker;
    EXPECT_NE(linted.result.diagnostics.front().message.find("cannot run in a DO block"),
              std::string::npos)
        << linted.result.diagnostics.front().message;
  }
}

TEST(ManualTransaction, ReportsTheFirstTransactionStatementOnce) {
  Linted linted = lint_text("manual-transaction",
                            "CREATE TABLE IF NOT EXISTS a (id int);\n"
                            "COMMIT;\n"
                            "BEGIN;\n"
                            "CREATE TABLE IF NOT EXISTS b (id int);\n"
                            "COMMIT;\n");
  ASSERT_EQ(findings(linted), (std::vector<std::string>{"2:1 warning"}));
  EXPECT_FALSE(linted.result.diagnostics.front().fix.has_value()) << "not the plain shape";
}

TEST(ManualTransaction, OptionsOrChainKeepTheFileAsWritten) {
  for (std::string text : {"BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n",
                           "BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\n"}) {
    Linted linted = lint_text("manual-transaction", text);
    ASSERT_EQ(findings(linted).size(), 1u) << text;
    EXPECT_FALSE(linted.result.diagnostics.front().fix.has_value()) << text;
  }
}

TEST(ManualTransaction, TheFixKeepsStatementsSharingALine) {
  Linted linted = lint_text("manual-transaction", "BEGIN; SELECT 1; COMMIT;\n");
  ASSERT_EQ(findings(linted).size(), 1u);
  EXPECT_EQ(fixed(linted), " SELECT 1; \n");
}

TEST(ManualTransaction, PreparedTransactionsCount) {
  EXPECT_EQ(findings(lint_text("manual-transaction", "COMMIT PREPARED 'x';\n")).size(), 1u);
}

}  // namespace
}  // namespace sqlgate
