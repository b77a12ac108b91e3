// Black-box tests of the sqlgate binary: exit codes, the JSON contract, directives.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;
using testing::TempDir;

TEST(CliLint, CleanFolderExitsZero) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;\n");
  dir.write("m/1_a.down.sql", "SELECT 1;\n");
  auto result = run_sqlgate({"lint", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("No findings in 2 files"), std::string::npos) << result.out;
}

TEST(CliLint, DefaultPathIsMigrationsSql) {
  TempDir dir;
  dir.write("migrations/sql/1_a.up.sql", "SELECT 1;\n");
  dir.write("migrations/sql/1_a.down.sql", "SELECT 1;\n");
  auto result = run_sqlgate({"lint"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("2 files"), std::string::npos) << result.out;
}

TEST(CliLint, FindingsExitOneAndBadUsageTwo) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE (id int);\n");
  auto findings = run_sqlgate({"lint", (dir.path() / "m").string()});
  EXPECT_EQ(findings.exit_code, 1) << findings.out << findings.err;
  EXPECT_NE(findings.out.find("1_a.up.sql:1:14: error[syntax-error]"), std::string::npos)
      << findings.out;

  EXPECT_EQ(run_sqlgate({"lint", "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(run_sqlgate({"lint", "--select", "no-such-rule", dir.path().string()}).exit_code, 2);
  auto missing = run_sqlgate({"lint", (dir.path() / "nowhere").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file or folder"), std::string::npos) << missing.err;
  EXPECT_EQ(run_sqlgate({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_sqlgate({}).exit_code, 2);
}

TEST(CliLint, FailOnDecidesTheExitCode) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "-- sqlgate:ignore-file -- stale\nSELECT 1;\n");
  dir.write("m/1_a.down.sql", "SELECT 1;\n");
  std::string path = (dir.path() / "m").string();
  EXPECT_EQ(run_sqlgate({"lint", path}).exit_code, 0) << "unused-ignore is info";
  EXPECT_EQ(run_sqlgate({"lint", "--fail-on", "warning", path}).exit_code, 0);
  EXPECT_EQ(run_sqlgate({"lint", "--fail-on", "info", path}).exit_code, 1);
}

TEST(CliLint, PathsMayFollowSelectAndIgnore) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE (id int);\n");
  auto result = run_sqlgate({"lint", "--select", "syntax", "--ignore", "meta", "m"}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("m/1_a.up.sql:1:14: error[syntax-error]"), std::string::npos);
}

// --select and --ignore take one value per use: a comma-separated list, or the option again.
// Whatever follows is a path, in every spelling: a path taken as a rule name exits 2, and a
// folder taken as a value goes unlinted.
TEST(CliLint, SelectAndIgnoreListsNeverTakeThePaths) {
  TempDir dir;
  dir.write("a/1_users.up.sql", "CREATE TABLE users (id bigint);\n");
  dir.write("b/2_orders.down.sql", "DROP TABLE orders;\n");
  auto findings = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"lint", "--format", "json"});
    auto result = run_sqlgate(args, dir.path());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    std::vector<std::string> lines;
    if (result.exit_code != 1) return lines;
    auto json = nlohmann::json::parse(result.out);
    for (const auto& d : json["diagnostics"]) {
      lines.push_back(d["file"].get<std::string>() + " " + d["rule"].get<std::string>());
    }
    return lines;
  };
  const std::vector<std::string> pairing{"a/1_users.up.sql missing-down",
                                         "b/2_orders.down.sql orphan-down"};
  EXPECT_EQ(findings({"--select", "missing-down,orphan-down", "a", "b"}), pairing);
  EXPECT_EQ(findings({"--select", "missing-down", "--select", "orphan-down", "a", "b"}), pairing);
  EXPECT_EQ(findings({"--select=missing-down,orphan-down", "a", "b"}), pairing);
  EXPECT_EQ(findings({"a", "--select", "missing-down", "b", "--select", "orphan-down"}), pairing);
  EXPECT_EQ(findings({"--select", "pairing", "--", "a", "b"}), pairing);
  EXPECT_EQ(findings({"--ignore", "require-if-not-exists,require-if-exists", "a", "b"}), pairing);
  EXPECT_EQ(
      findings({"--ignore", "require-if-not-exists", "--ignore", "require-if-exists", "a", "b"}),
      pairing);
  EXPECT_EQ(findings({"--select", "idempotency", "--select", "pairing", "--ignore",
                      "require-if-exists", "--ignore", "orphan-down", "a", "b"}),
            (std::vector<std::string>{"a/1_users.up.sql missing-down",
                                      "a/1_users.up.sql require-if-not-exists"}));
}

TEST(CliLint, JsonContract) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;\n-- sqlgate:ignore no-such-rule\nSELECT 2;\n");
  dir.write("m/2_b.up.sql", "CREATE TABLE (id int);\n");
  auto result = run_sqlgate(
      {"lint", "--format", "json", (dir.path() / "m").string(), "--ignore", "missing-down"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_TRUE(json.contains("diagnostics"));
  ASSERT_EQ(json["diagnostics"].size(), 2u) << result.out;
  const auto& first = json["diagnostics"][0];
  for (const char* key : {"file", "line", "column", "end_line", "end_column", "rule", "category",
                          "severity", "message", "help"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(first["rule"], "unknown-rule");
  EXPECT_EQ(first["category"], "meta");
  EXPECT_EQ(first["line"], 2);
  EXPECT_EQ(first["column"], 19);
  EXPECT_EQ(json["diagnostics"][1]["rule"], "syntax-error");
  const auto& summary = json["summary"];
  EXPECT_EQ(summary["files"], 2);
  EXPECT_EQ(summary["statements"], 2);
  EXPECT_EQ(summary["error"], 2);
  EXPECT_EQ(summary["warning"], 0);
  EXPECT_EQ(summary["info"], 0);
}

TEST(CliLint, NulByteAndInvalidUtf8BesideAGoodFile) {
  TempDir dir;
  dir.write("m/1_a.up.sql", std::string("SELECT 1;\0SELECT 2;\n", 20));
  dir.write("m/2_b.up.sql", "SELECT 'caf\xe9';\n");
  dir.write("m/3_c.up.sql", "CREATE TABLE (x int);\n");
  auto result = run_sqlgate(
      {"lint", "--format", "json", (dir.path() / "m").string(), "--ignore", "missing-down"});
  EXPECT_EQ(result.exit_code, 1);
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["diagnostics"].size(), 3u) << result.out;
  EXPECT_EQ(json["diagnostics"][0]["rule"], "invalid-encoding");
  EXPECT_NE(json["diagnostics"][0]["message"].get<std::string>().find("NUL byte at byte offset 9"),
            std::string::npos);
  EXPECT_EQ(json["diagnostics"][0]["file"], (dir.path() / "m" / "1_a.up.sql").string());
  EXPECT_EQ(json["diagnostics"][1]["rule"], "invalid-encoding");
  EXPECT_EQ(json["diagnostics"][1]["file"], (dir.path() / "m" / "2_b.up.sql").string());
  EXPECT_NE(json["diagnostics"][1]["message"].get<std::string>().find("invalid UTF-8 at byte "
                                                                      "offset 11"),
            std::string::npos);
  EXPECT_EQ(json["diagnostics"][2]["rule"], "syntax-error") << "the other files are still linted";
}

// An index an earlier migration made is judged as the catalog replay of that migration left it:
// a partial unique index cannot back a constraint (PostgreSQL: "is a partial index"), a plain
// one can.
TEST(CliLint, UsingIndexOfAnIndexAnEarlierMigrationMade) {
  TempDir dir;
  dir.write("m/1_users.up.sql",
            "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text, handle text,\n"
            "  deleted_at timestamptz);\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS users_email_live ON users (email)\n"
            "  WHERE deleted_at IS NULL;\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS users_handle_key ON users (handle);\n");
  dir.write("m/1_users.down.sql", "DROP TABLE IF EXISTS users;\n");
  dir.write("m/2_keys.up.sql",
            "ALTER TABLE users ADD CONSTRAINT users_handle_key UNIQUE USING INDEX "
            "users_handle_key;\n"
            "ALTER TABLE users ADD CONSTRAINT users_email_live UNIQUE USING INDEX "
            "users_email_live;\n");
  dir.write("m/2_keys.down.sql",
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_live;\n"
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_handle_key;\n");
  auto result = run_sqlgate({"lint", "--color", "never", "--select",
                             "require-constraint-using-index", (dir.path() / "m").string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("2_keys.up.sql:2:19: error[require-constraint-using-index]: ADD "
                            "UNIQUE USING INDEX users_email_live fails: users_email_live is a "
                            "partial index"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("2_keys.up.sql:1:"), std::string::npos) << result.out;
}

TEST(CliRules, ListsEveryRuleAsJson) {
  auto result = run_sqlgate({"rules", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0);
  auto json = nlohmann::json::parse(result.out);
  ASSERT_FALSE(json["rules"].empty());
  for (const auto& rule : json["rules"]) {
    for (const char* key : {"id", "category", "severity", "enabled", "fixable", "summary"}) {
      EXPECT_TRUE(rule.contains(key)) << key;
    }
  }
  auto text = run_sqlgate({"rules"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("syntax-error"), std::string::npos);
}

TEST(CliExplain, PrintsTheRulePage) {
  auto result = run_sqlgate({"explain", "syntax-error"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.starts_with("# syntax-error\n")) << result.out;
  auto unknown = run_sqlgate({"explain", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown rule 'nope'"), std::string::npos);
}

TEST(CliVersion, PrintsTheVersion) {
  auto result = run_sqlgate({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.starts_with("sqlgate ")) << result.out;
}

// Checked on PostgreSQL 15: an index attached to a UNIQUE partitioned index must be UNIQUE too
// ("cannot attach index ... The index definitions do not match"), and one made without UNIQUE all
// along leaves the table without the uniqueness: the recipe keeps UNIQUE, the method and WHERE.
TEST(CliLint, PartitionedIndexRecipeKeepsTheDefinition) {
  TempDir dir;
  dir.write("m/20250101000000_t.up.sql",
            "CREATE TABLE IF NOT EXISTS pay (id bigint, ref text, at date,\n"
            "  PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\n");
  dir.write("m/20250101000000_t.down.sql", "DROP TABLE IF EXISTS pay;\n");
  dir.write("m/20250102000000_i.up.sql",
            "CREATE UNIQUE INDEX IF NOT EXISTS pay_ref_key ON pay USING btree (ref, at)\n"
            "  WHERE ref IS NOT NULL;\n"
            "CREATE INDEX IF NOT EXISTS pay_ref_hash ON pay USING hash (ref);\n");
  dir.write("m/20250102000000_i.down.sql",
            "DROP INDEX IF EXISTS pay_ref_hash;\nDROP INDEX IF EXISTS pay_ref_key;\n");
  auto result = run_sqlgate(
      {"lint", "--format", "json", "--select", "require-concurrent-index", dir.path() / "m"});
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["diagnostics"].size(), 2u) << result.out;
  std::string unique = json["diagnostics"][0]["help"];
  std::string hash = json["diagnostics"][1]["help"];
  EXPECT_NE(unique.find("write CREATE UNIQUE INDEX pay_ref_key ON ONLY public.pay (...), then for "
                        "each partition CREATE UNIQUE INDEX CONCURRENTLY on the partition with "
                        "the same columns, WHERE"),
            std::string::npos)
      << unique;
  EXPECT_NE(hash.find("CREATE INDEX pay_ref_hash ON ONLY public.pay USING hash (...)"),
            std::string::npos)
      << hash;
}

// A generated column dropped for good loses no data (its values are computed from the other
// columns): the finding says so, and keeps what it says of running clients.
TEST(CliLint, DropOfAGeneratedColumnSaysNoDataIsLost) {
  TempDir dir;
  dir.write("m/20250101000000_t.up.sql",
            "CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY, name text,\n"
            "  name_lower text GENERATED ALWAYS AS (lower(name)) STORED);\n");
  dir.write("m/20250101000000_t.down.sql", "DROP TABLE IF EXISTS items;\n");
  dir.write("m/20250102000000_d.up.sql", "ALTER TABLE items DROP COLUMN IF EXISTS name_lower;\n");
  dir.write("m/20250102000000_d.down.sql",
            "ALTER TABLE items ADD COLUMN IF NOT EXISTS name_lower text\n"
            "  GENERATED ALWAYS AS (lower(name)) STORED;\n");
  auto result =
      run_sqlgate({"lint", "--format", "json", "--select", "ban-drop-column", dir.path() / "m"});
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << result.out;
  std::string message = json["diagnostics"][0]["message"];
  EXPECT_NE(message.find("a generated column: its values can be computed again"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("deletes its data"), std::string::npos) << message;
}

// The down of a pg_dump baseline: public is there before it (every database has it), CASCADE
// takes what the up made in it, and a second run succeeds (it drops the empty schema again).
TEST(CliLint, ADownThatRebuildsSchemaPublicDropsWhatTheUpMadeInIt) {
  TempDir dir;
  dir.write("m/20250101000000_baseline.up.sql",
            "SELECT pg_catalog.set_config('search_path', '', false);\n"
            "CREATE TABLE public.customers (id integer NOT NULL, email text NOT NULL);\n"
            "CREATE VIEW public.customer_emails AS SELECT email FROM public.customers;\n");
  dir.write("m/20250101000000_baseline.down.sql",
            "DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n");
  auto result = run_sqlgate({"lint", "--format", "json", dir.path() / "m"});
  auto json = nlohmann::json::parse(result.out);
  std::string down_findings;
  for (const auto& diagnostic : json["diagnostics"]) {
    std::string file = diagnostic["file"];
    if (file.find(".down.sql") == std::string::npos) continue;
    down_findings += diagnostic["rule"].get<std::string>() + ": " +
                     diagnostic["message"].get<std::string>() + "\n";
  }
  EXPECT_EQ(down_findings.find("use-before-create"), std::string::npos) << down_findings;
  EXPECT_EQ(down_findings.find("down-incomplete"), std::string::npos) << down_findings;
  EXPECT_EQ(down_findings.find("fails once the schema holds objects"), std::string::npos)
      << down_findings;
  EXPECT_NE(down_findings.find("drops the schema again with CASCADE"), std::string::npos)
      << down_findings;
}

}  // namespace
}  // namespace sqlgate
