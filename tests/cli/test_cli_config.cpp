// .sqlgate.json through the binary: found upward, --config, flags over the file, mistakes that
// exit 2 with a message naming the place, and `sqlgate config --print`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::run_sqlgate;
using testing::TempDir;

// A project whose only finding is an unused ignore (info) in db/1_a.up.sql.
void write_project(const TempDir& dir, const std::string& config) {
  dir.write(".sqlgate.json", config);
  dir.write("db/1_a.up.sql", "-- sqlgate:ignore syntax-error\nSELECT 1;\n");
  dir.write("db/1_a.down.sql", "SELECT 1;\n");
}

TEST(CliConfig, FoundUpwardWithPathsFromItsFolder) {
  TempDir dir;
  write_project(dir, R"({"paths": ["db"], "fail_on": "info"})");
  fs::create_directories(dir.path() / "src" / "app");
  auto result = run_sqlgate({"lint"}, dir.path() / "src" / "app");
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("../../db/1_a.up.sql:1:1: info[unused-ignore]"), std::string::npos)
      << result.out;
}

TEST(CliConfig, FlagsOverrideTheFileKeyByKey) {
  TempDir dir;
  write_project(dir, R"({"paths": "db", "fail_on": "info"})");
  EXPECT_EQ(run_sqlgate({"lint"}, dir.path()).exit_code, 1) << "fail_on info from the file";
  EXPECT_EQ(run_sqlgate({"lint", "--fail-on", "error"}, dir.path()).exit_code, 0);
  dir.write("other/1_b.up.sql", "SELECT 1;\n");
  dir.write("other/1_b.down.sql", "SELECT 1;\n");
  auto paths = run_sqlgate({"lint", "other"}, dir.path());
  EXPECT_EQ(paths.exit_code, 0) << "paths given on the command line replace the file's";
  EXPECT_NE(paths.out.find("No findings in 2 files"), std::string::npos) << paths.out;
}

TEST(CliConfig, ExplicitConfigFile) {
  TempDir dir;
  write_project(dir, R"({"paths": "db"})");
  dir.write("ci/strict.json", R"({"paths": "../db", "fail_on": "info"})");
  EXPECT_EQ(run_sqlgate({"lint"}, dir.path()).exit_code, 0);
  auto strict = run_sqlgate({"lint", "--config", "ci/strict.json"}, dir.path());
  EXPECT_EQ(strict.exit_code, 1) << strict.out << strict.err;
  auto missing = run_sqlgate({"lint", "--config", "ci/nope.json"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "sqlgate: ci/nope.json: no such configuration file\n");
  auto folder = run_sqlgate({"lint", "--config", "ci"}, dir.path());
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, "sqlgate: ci: is a folder, not a file\n");
}

TEST(CliConfig, RuleLevelsAndPathOverrides) {
  TempDir dir;
  dir.write(".sqlgate.json", R"({
    "paths": "db",
    "rules": {"meta": "off"},
    "overrides": [{"files": "db/legacy/**", "rules": {"syntax-error": "warning"}}]
  })");
  dir.write("db/1_a.up.sql", "-- sqlgate:frobnicate\nCREATE TABLE (x int);\n");
  dir.write("db/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  dir.write("db/legacy/2_b.up.sql", "CREATE TABLE (x int);\n");
  dir.write("db/legacy/2_b.down.sql", "DROP TABLE IF EXISTS b;\n");
  auto result = run_sqlgate({"lint", "--recursive", "--format", "gcc"}, dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out,
            "db/1_a.up.sql:2:14: error: syntax error at or near \"(\" [syntax-error]\n"
            "db/1_a.up.sql:2:14: note: help: PostgreSQL would reject this file; fix the SQL\n"
            "db/legacy/2_b.up.sql:1:14: warning: syntax error at or near \"(\" [syntax-error]\n"
            "db/legacy/2_b.up.sql:1:14: note: help: PostgreSQL would reject this file; fix the "
            "SQL\n")
      << "meta is off; the legacy folder's syntax errors are warnings";
  auto selected = run_sqlgate({"lint", "-r", "--select", "meta", "--format", "gcc"}, dir.path());
  EXPECT_EQ(selected.exit_code, 0) << "--select only narrows: meta stays off" << selected.out;
}

TEST(CliConfig, EachSourceIsItsOwnSet) {
  TempDir dir;
  dir.write(".sqlgate.json",
            R"({"sources": {"app": "migrations/app", "jobs": {"path": "migrations/jobs",
                "table": "jobs_schema_migrations"}}})");
  dir.write("migrations/app/1_a.up.sql", "SELECT 1;\n");
  dir.write("migrations/app/1_a.down.sql", "SELECT 1;\n");
  dir.write("migrations/jobs/1_a.up.sql", "CREATE TABLE (x int);\n");
  dir.write("migrations/jobs/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  auto result = run_sqlgate({"lint", "--format", "gcc"}, dir.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.out.starts_with("migrations/jobs/1_a.up.sql:1:14: error:")) << result.out;
  auto printed = run_sqlgate({"config", "--print", "--format", "json"}, dir.path());
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  auto json = nlohmann::json::parse(printed.out);
  EXPECT_EQ(json["settings"]["sources"]["value"]["app"]["table"], "schema_migrations");
  EXPECT_EQ(json["settings"]["sources"]["value"]["jobs"]["table"], "jobs_schema_migrations");
  EXPECT_EQ(json["lint_paths"], nlohmann::json::array({"migrations/app", "migrations/jobs"}));
}

// Every mistake in the file: exit 2, and a message naming file:line:column and the key.
TEST(CliConfig, MistakesExitTwoWithTheirPlace) {
  struct Case {
    std::string config;
    std::string message;
  };
  std::vector<Case> cases = {
      {"{\n  \"paths\": \"db\",\n}",
       "sqlgate: .sqlgate.json:3:1: invalid JSON: syntax error while parsing object key - "
       "unexpected '}'; expected string literal\n"},
      {"{\"fail-on\": \"info\"}",
       "sqlgate: .sqlgate.json:1:2: unknown key 'fail-on' (did you mean 'fail_on'?)\n"},
      {"{\"pg_version\": \"15\"}",
       "sqlgate: .sqlgate.json:1:16: pg_version: expected an integer from 9 to 18, found a "
       "string (\"15\")\n"},
      {"{\"rules\": {\"unused-ignores\": \"off\"}}",
       "sqlgate: .sqlgate.json:1:12: rules: unknown rule or category 'unused-ignores' (did you "
       "mean 'unused-ignore'?)\n"},
      {"{\"rules\": {\"unused-ignore\": {\"max\": 3}}}",
       "sqlgate: .sqlgate.json:1:30: rules.unused-ignore: unknown option 'max' (unused-ignore "
       "takes no options; only \"severity\")\n"},
      {"{\"overrides\": [{\"files\": 3, \"rules\": {}}]}",
       "sqlgate: .sqlgate.json:1:26: overrides[0].files: expected a string or an array of "
       "strings, found an integer (3)\n"},
      {"{\"lock_timeout\": \"forever\"}",
       "sqlgate: .sqlgate.json:1:18: lock_timeout: expected a duration (seconds, or a string "
       "such as \"15s\", \"500ms\", \"2m\"), found a string (\"forever\")\n"},
  };
  for (const auto& c : cases) {
    TempDir dir;
    write_project(dir, c.config);
    for (const char* command : {"lint", "config"}) {
      std::vector<std::string> args{command};
      if (std::string(command) == "config") args.push_back("--print");
      auto result = run_sqlgate(args, dir.path());
      EXPECT_EQ(result.exit_code, 2) << c.config;
      EXPECT_EQ(result.err, c.message) << command;
      EXPECT_EQ(result.out, "");
    }
  }
}

TEST(CliConfig, PrintShowsWhereEachValueCameFrom) {
  TempDir dir;
  write_project(dir, R"({"paths": "db", "pg_version": 14, "rules": {"meta": "warning",
                         "unused-ignore": "info"}})");
  auto result =
      run_sqlgate({"config", "--print", "--format", "json", "--fail-on", "warning"}, dir.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["file"], ".sqlgate.json");
  const auto& settings = json["settings"];
  EXPECT_EQ(settings["pg_version"]["value"], 14);
  EXPECT_EQ(settings["pg_version"]["origin"], ".sqlgate.json");
  EXPECT_EQ(settings["fail_on"]["value"], "warning");
  EXPECT_EQ(settings["fail_on"]["origin"], "flag --fail-on");
  EXPECT_EQ(settings["naming"]["origin"], "default");
  EXPECT_EQ(settings["lock_timeout"]["value"], "15s");
  EXPECT_EQ(json["rules"]["unknown-rule"]["value"], "warning");
  EXPECT_EQ(json["rules"]["unknown-rule"]["origin"], ".sqlgate.json (rules.meta)");
  EXPECT_EQ(json["rules"]["unused-ignore"]["value"], "info");
  EXPECT_EQ(json["rules"]["unused-ignore"]["origin"], ".sqlgate.json");
  EXPECT_EQ(json["rules"]["syntax-error"]["origin"], "default");

  auto text = run_sqlgate({"config", "--print", "--pg-version", "13"}, dir.path());
  EXPECT_NE(text.out.find("pg_version        13"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("# flag --pg-version"), std::string::npos) << text.out;

  TempDir empty;
  auto defaults = run_sqlgate({"config", "--print"}, empty.path());
  EXPECT_EQ(defaults.exit_code, 0);
  EXPECT_NE(defaults.out.find("# configuration file: none"), std::string::npos);

  auto no_action = run_sqlgate({"config"}, empty.path());
  EXPECT_EQ(no_action.exit_code, 2);
  EXPECT_EQ(no_action.err, "sqlgate: config: say what to do: --print\n");
}

}  // namespace
}  // namespace sqlgate
