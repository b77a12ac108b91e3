// .sqlgate.json: reading, validation with clear messages, flags over the file, and the rule
// settings (levels, options, path overrides) reaching the rules through the engine.
#include <gtest/gtest.h>

#include "lint/config.h"
#include "rules/registry.h"
#include "tests/support/testing.h"

namespace sqlgate::lint {
namespace {

namespace fs = std::filesystem;

constexpr OptionSpec k_table_options[] = {
    {"max_tables", OptionType::integer, "report past this many tables"},
    {"allowed", OptionType::strings, "table names never reported"},
    {"loud", OptionType::boolean, "say more"},
    {"suffix", OptionType::string, "appended to the message"},
};

// Reports every CREATE TABLE, with what its options say in the message.
void check_tables(const FileContext& context, Reporter& out) {
  const RuleOptions& options = out.options();
  EXPECT_EQ(options, context.options(out.rule().id)) << "the same, through the file context";
  auto allowed = options.strings("allowed");
  std::int64_t count = 0;
  for (const Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "CreateStmt") continue;
    std::string name(statement->node.get("relation").str("relname"));
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    if (++count <= options.integer("max_tables", 0)) continue;
    auto at = statement->offset(statement->node.get("relation").location());
    out.report(TextRange{at, at + 1},
               "table " + name + options.string("suffix", "") +
                   (options.boolean("loud", false) ? "!" : ""),
               "help");
  }
}

// A set rule: one finding per up file, reading its options through the project.
void check_ups(const Project& project, Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const ParsedFile* file = project.parsed(i);
    if (file == nullptr || project.source(i).role() != Direction::up) continue;
    out.report(*file, TextRange{0, 0},
               "up" + project.options(out.rule().id, i).string("suffix", ""), "help");
  }
}

constexpr OptionSpec k_up_options[] = {{"suffix", OptionType::string, "appended"}};

RuleSet test_rules() {
  std::vector<Rule> list = rules::all();
  list.push_back(Rule{RuleInfo{"table-rule", Category::idempotency, Severity::error, true, "tables",
                               FixKind::none, "", k_table_options},
                      check_tables, nullptr});
  list.push_back(Rule{RuleInfo{"up-rule", Category::naming, Severity::warning, true, "ups",
                               FixKind::none, "", k_up_options},
                      nullptr, check_ups});
  list.push_back(Rule{
      RuleInfo{"opt-in-rule", Category::safety, Severity::info, false, "opt in", FixKind::none, ""},
      check_tables, nullptr});
  return RuleSet(std::move(list), {});
}

Config parse(std::string_view text) {
  return parse_config(text, ".sqlgate.json", test_rules());
}

std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Config, ReadsEveryKey) {
  Config config = parse(R"({
    "$schema": "https://example.com/sqlgate.schema.json",
    // comments are allowed
    "paths": ["db/migrations", "vendor/jobs"],
    "rules": {
      "safety": "warning",
      "table-rule": {"severity": "info", "max_tables": 2, "allowed": ["a"], "loud": true},
      "up-rule": "off"
    },
    "overrides": [{"files": "legacy/**", "rules": {"table-rule": "off"}}],
    "pg_version": 13,
    "fail_on": "warning",
    "naming": "sequence",
    "migrations_table": "app_migrations",
    "lock_timeout": "1.5s",
    "docs_url": "https://docs.example.com/rules/{rule}.md"
  })");
  EXPECT_EQ(config.paths.value, (std::vector<std::string>{"db/migrations", "vendor/jobs"}));
  EXPECT_EQ(config.paths.origin.describe(), ".sqlgate.json");
  EXPECT_EQ(config.pg_version.value, 13);
  EXPECT_EQ(config.fail_on.value, Severity::warning);
  EXPECT_EQ(config.naming.value, NamingConvention::sequence);
  EXPECT_EQ(config.migrations_table.value, "app_migrations");
  EXPECT_EQ(config.lock_timeout.value, std::chrono::milliseconds(1500));
  EXPECT_EQ(config.docs_url.value, "https://docs.example.com/rules/{rule}.md");
  ASSERT_EQ(config.rules.size(), 3u);
  const RuleConfig& table = config.rules.at("table-rule");
  EXPECT_TRUE(table.has_level);
  EXPECT_EQ(table.severity, Severity::info);
  EXPECT_EQ(table.options.integer("max_tables", 0), 2);
  EXPECT_EQ(table.options.strings("allowed"), std::vector<std::string>{"a"});
  EXPECT_TRUE(table.options.boolean("loud", false));
  EXPECT_TRUE(config.rules.at("up-rule").has_level);
  EXPECT_FALSE(config.rules.at("up-rule").severity.has_value()) << "off";
  ASSERT_EQ(config.overrides.size(), 1u);
  EXPECT_EQ(config.overrides[0].files, std::vector<std::string>{"legacy/**"});
}

TEST(Config, DefaultsWhenThereIsNoFile) {
  testing::TempDir dir;
  Config config = load_config({}, dir.path(), test_rules());
  EXPECT_FALSE(config.file.has_value());
  EXPECT_EQ(config.paths.value, std::vector<std::string>{"migrations/sql"});
  EXPECT_EQ(config.paths.origin.describe(), "default");
  EXPECT_EQ(config.pg_version.value, 15);
  EXPECT_EQ(config.fail_on.value, Severity::error);
  EXPECT_EQ(config.naming.value, NamingConvention::timestamp);
  EXPECT_EQ(config.migrations_table.value, "schema_migrations");
  EXPECT_EQ(config.lock_timeout.value, std::chrono::seconds(15));
  EXPECT_EQ(config.lint_paths(dir.path()), std::vector<std::string>{"migrations/sql"});
}

TEST(Config, FoundUpwardAndPathsResolvedFromItsFolder) {
  testing::TempDir dir;
  dir.write(".sqlgate.json", R"({"paths": "db/migrations", "pg_version": 14})");
  dir.write("db/migrations/.keep", "");
  fs::create_directories(dir.path() / "src" / "deep");
  fs::path cwd = dir.path() / "src" / "deep";
  EXPECT_EQ(find_config(cwd), dir.path() / ".sqlgate.json");
  Config config = load_config({}, cwd, test_rules());
  ASSERT_TRUE(config.file.has_value());
  EXPECT_EQ(config.file->string(), "../../.sqlgate.json");
  EXPECT_EQ(config.pg_version.origin.describe(), "../../.sqlgate.json");
  EXPECT_EQ(config.lint_paths(cwd), std::vector<std::string>{"../../db/migrations"});
  EXPECT_EQ(load_config({}, dir.path(), test_rules()).lint_paths(dir.path()),
            std::vector<std::string>{"db/migrations"});
}

TEST(Config, FlagsOverrideKeyByKey) {
  testing::TempDir dir;
  dir.write("conf/custom.json", R"({"pg_version": 14, "fail_on": "info", "naming": "sequence"})");
  ConfigFlags flags;
  flags.config_file = "conf/custom.json";
  flags.fail_on = Severity::warning;
  flags.paths = std::vector<std::string>{"other"};
  flags.lock_timeout = std::chrono::milliseconds(250);
  Config config = load_config(flags, dir.path(), test_rules());
  EXPECT_EQ(config.pg_version.value, 14) << "not given as a flag: the file's";
  EXPECT_EQ(config.pg_version.origin.describe(), "conf/custom.json");
  EXPECT_EQ(config.fail_on.value, Severity::warning);
  EXPECT_EQ(config.fail_on.origin.describe(), "flag --fail-on");
  EXPECT_EQ(config.naming.value, NamingConvention::sequence);
  EXPECT_EQ(config.lock_timeout.value, std::chrono::milliseconds(250));
  EXPECT_EQ(config.lint_paths(dir.path()), std::vector<std::string>{"other"});
  EXPECT_EQ(config.paths.origin.describe(), "command line");
}

TEST(Config, MissingConfigFileNamedByFlag) {
  testing::TempDir dir;
  ConfigFlags flags;
  flags.config_file = "nope.json";
  try {
    load_config(flags, dir.path(), test_rules());
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "nope.json: no such configuration file");
  }
}

TEST(Config, SourcesAndTheirTables) {
  Config config = parse(R"({
    "sources": {"app": "migrations/sql", "jobs": {"path": "vendor/jobs", "table": "jobs_migrations"},
                "audit": "audit/sql"},
    "migrations_table": "app_migrations"
  })");
  ASSERT_EQ(config.sources.value.size(), 3u);
  EXPECT_EQ(config.sources.value[0].name, "app") << "in the order written";
  EXPECT_EQ(config.sources.value[1].path, "vendor/jobs");
  EXPECT_EQ(config.table_for(0), "app_migrations");
  EXPECT_EQ(config.table_for(1), "jobs_migrations");
  EXPECT_EQ(config.table_for(2), "schema_migrations_audit");
  EXPECT_EQ(config.lint_paths(fs::current_path()).size(), 3u);
}

TEST(Config, BadJsonNamesLineAndColumn) {
  EXPECT_EQ(error_of("{\n  \"pg_version\": 15,\n  \"fail_on\": error\n}"),
            ".sqlgate.json:3:14: invalid JSON: syntax error while parsing value - invalid "
            "literal; last read: '\"fail_on\": e'");
  EXPECT_EQ(error_of("{\n  \"paths\": [\"a\",]\n}"),
            ".sqlgate.json:2:17: invalid JSON: syntax error while parsing value - unexpected "
            "']'; expected '[', '{', or a literal");
  std::string empty = error_of("");
  EXPECT_TRUE(empty.starts_with(".sqlgate.json:1:1: invalid JSON: ")) << empty;
}

TEST(Config, UnknownKeysAreNamedWithASuggestion) {
  EXPECT_EQ(error_of("{\n  \"fail-on\": \"warning\"\n}"),
            ".sqlgate.json:2:3: unknown key 'fail-on' (did you mean 'fail_on'?)");
  std::string far = error_of(R"({"colour": true})");
  EXPECT_NE(far.find("unknown key 'colour' (known keys: "), std::string::npos) << far;
  EXPECT_EQ(error_of(R"({"overrides": [{"files": "*.sql", "rulez": {}}]})"),
            ".sqlgate.json:1:35: overrides[0]: unknown key 'rulez' (did you mean 'rules'?)");
  EXPECT_EQ(error_of(R"({"sources": {"a": {"path": "x", "tabel": "t"}}})"),
            ".sqlgate.json:1:33: sources.a: unknown key 'tabel' (did you mean 'table'?)");
}

TEST(Config, UnknownRulesAndOptions) {
  EXPECT_EQ(error_of("{\"rules\": {\n  \"table-rules\": \"off\"}}"),
            ".sqlgate.json:2:3: rules: unknown rule or category 'table-rules' (did you mean "
            "'table-rule'?)");
  EXPECT_EQ(error_of(R"({"rules": {"frobnicate-everything": "off"}})"),
            ".sqlgate.json:1:12: rules: unknown rule or category 'frobnicate-everything' (see "
            "`sqlgate rules`)");
  EXPECT_EQ(error_of(R"({"rules": {"table-rule": {"max_table": 3}}})"),
            ".sqlgate.json:1:27: rules.table-rule: unknown option 'max_table' (did you mean "
            "'max_tables'?)");
  EXPECT_EQ(error_of(R"({"rules": {"opt-in-rule": {"anything": 3}}})"),
            ".sqlgate.json:1:28: rules.opt-in-rule: unknown option 'anything' (opt-in-rule takes "
            "no options; only \"severity\")");
  EXPECT_EQ(error_of(R"({"overrides": [{"files": "a", "rules": {"nope-rule": "off"}}]})"),
            ".sqlgate.json:1:41: overrides[0].rules: unknown rule or category 'nope-rule' (did "
            "you mean 'up-rule'?)");
  EXPECT_EQ(error_of(R"({"rules": {"safety": {"severity": "info"}}})"),
            ".sqlgate.json:1:22: rules.safety: options go under a rule id, not a category; a "
            "category takes a level: off, info, warning or error");
}

TEST(Config, WrongTypesAndValues) {
  EXPECT_EQ(error_of(R"({"pg_version": "15"})"),
            ".sqlgate.json:1:16: pg_version: expected an integer from 9 to 18, found a string "
            "(\"15\")");
  EXPECT_EQ(error_of(R"({"pg_version": 42})"),
            ".sqlgate.json:1:16: pg_version: expected an integer from 9 to 18, found an integer "
            "(42)");
  EXPECT_EQ(error_of(R"({"fail_on": "warn"})"),
            ".sqlgate.json:1:13: fail_on: 'warn' is not one of error, warning or info (did you "
            "mean 'warning'?)");
  EXPECT_EQ(error_of(R"({"rules": {"table-rule": "warnin"}})"),
            ".sqlgate.json:1:26: rules.table-rule: 'warnin' is not one of off, info, warning or "
            "error (did you mean 'warning'?)");
  EXPECT_EQ(error_of(R"({"rules": {"table-rule": {"max_tables": "3"}}})"),
            ".sqlgate.json:1:41: rules.table-rule.max_tables: expected an integer, found a string "
            "(\"3\")");
  EXPECT_EQ(error_of(R"({"rules": {"table-rule": {"allowed": ["a", 1]}}})"),
            ".sqlgate.json:1:38: rules.table-rule.allowed: expected a list of strings, found an "
            "array");
  EXPECT_EQ(error_of(R"({"rules": {"table-rule": 2}})"),
            ".sqlgate.json:1:26: rules.table-rule: expected a level (off, info, warning or error) "
            "or an object {\"severity\": ..., options}, found an integer (2)");
  EXPECT_EQ(error_of(R"({"paths": ["a", 3]})"),
            ".sqlgate.json:1:17: paths[1]: expected a string, found an integer (3)");
  EXPECT_EQ(error_of(R"({"paths": []})"), ".sqlgate.json:1:11: paths: the list is empty");
  EXPECT_EQ(error_of(R"({"naming": "semver"})"),
            ".sqlgate.json:1:12: naming: 'semver' is not one of timestamp or sequence");
  EXPECT_EQ(error_of(R"({"lock_timeout": "soon"})"),
            ".sqlgate.json:1:18: lock_timeout: expected a duration (seconds, or a string such as "
            "\"15s\", \"500ms\", \"2m\"), found a string (\"soon\")");
  EXPECT_EQ(error_of(R"({"lock_timeout": -1})"),
            ".sqlgate.json:1:18: lock_timeout: expected a duration (seconds, or a string such as "
            "\"15s\", \"500ms\", \"2m\"), found an integer (-1)");
  EXPECT_EQ(error_of(R"({"migrations_table": ""})"),
            ".sqlgate.json:1:22: migrations_table: the table name is empty");
  EXPECT_EQ(error_of(R"({"migrations_table": ")" + std::string(64, 'x') + R"("})"),
            ".sqlgate.json:1:22: migrations_table: '" + std::string(64, 'x') +
                "' is longer than PostgreSQL's 63-byte identifier limit");
  EXPECT_EQ(error_of(R"({"paths": "a", "sources": {"x": "y"}})"),
            ".sqlgate.json:1:16: sources: set either paths or sources, not both");
  EXPECT_EQ(error_of(R"({"overrides": [{"rules": {}}]})"),
            ".sqlgate.json:1:16: overrides[0]: \"files\" is missing");
  EXPECT_EQ(error_of("[1, 2]"),
            ".sqlgate.json:1:1: the configuration must be a JSON object, found an array");
  EXPECT_EQ(error_of("{\"pg_version\": 14,\n \"pg_version\": 15}"),
            ".sqlgate.json:2:2: duplicate key 'pg_version'");
}

TEST(Config, GlobMatching) {
  EXPECT_TRUE(glob_match("*.sql", "db/a/1_x.up.sql")) << "no slash: the file name anywhere";
  EXPECT_TRUE(glob_match("*.down.sql", "1_x.down.sql"));
  EXPECT_FALSE(glob_match("*.down.sql", "1_x.up.sql"));
  EXPECT_TRUE(glob_match("legacy/*.sql", "legacy/1_a.up.sql"));
  EXPECT_FALSE(glob_match("legacy/*.sql", "legacy/old/1_a.up.sql")) << "* stays in a folder";
  EXPECT_FALSE(glob_match("legacy/*.sql", "new/legacy/1_a.up.sql"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/old/1_a.up.sql"));
  EXPECT_TRUE(glob_match("**/legacy/*.sql", "legacy/1_a.up.sql")) << "**/ may match nothing";
  EXPECT_TRUE(glob_match("**/legacy/*.sql", "db/x/legacy/1_a.up.sql"));
  EXPECT_TRUE(glob_match("./db/**/*.up.sql", "db/1_a.up.sql"));
  EXPECT_TRUE(glob_match("db/2025??_*.sql", "db/202501_a.sql"));
  EXPECT_FALSE(glob_match("db/2025??_*.sql", "db/2025/1_a.sql"));
  EXPECT_TRUE(glob_match("db/[0-9]*_a.sql", "db/7_a.sql"));
  EXPECT_FALSE(glob_match("db/[!0-9]*_a.sql", "db/7_a.sql"));
  EXPECT_TRUE(glob_match("db/[!0-9]*_a.sql", "db/x_a.sql"));
}

TEST(Config, Durations) {
  EXPECT_EQ(parse_duration("15"), std::chrono::seconds(15));
  EXPECT_EQ(parse_duration("15s"), std::chrono::seconds(15));
  EXPECT_EQ(parse_duration("250ms"), std::chrono::milliseconds(250));
  EXPECT_EQ(parse_duration("2m"), std::chrono::minutes(2));
  EXPECT_EQ(parse_duration("0.5s"), std::chrono::milliseconds(500));
  EXPECT_FALSE(parse_duration("1h").has_value());
  EXPECT_FALSE(parse_duration("s").has_value());
  EXPECT_FALSE(parse_duration("1..2").has_value());
  EXPECT_EQ(format_duration(std::chrono::milliseconds(1500)), "1500ms");
  EXPECT_EQ(format_duration(std::chrono::seconds(15)), "15s");
  EXPECT_EQ(format_duration(std::chrono::minutes(2)), "2m");
}

TEST(Config, ClosestMatch) {
  std::vector<std::string> keys = {"paths", "sources", "fail_on", "pg_version"};
  EXPECT_EQ(closest_match("fail-on", keys), "fail_on");
  EXPECT_EQ(closest_match("pgversion", keys), "pg_version");
  EXPECT_EQ(closest_match("path", keys), "paths");
  EXPECT_FALSE(closest_match("colour", keys).has_value());
}

std::vector<std::string> found(const LintResult& result) {
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) {
    lines.push_back(fs::path(d.file).filename().string() + ":" + std::to_string(d.start.line) +
                    " " + d.rule + " " + std::string(to_string(d.severity)) + " " + d.message);
  }
  return lines;
}

// Lints dir/db with the configuration in dir/.sqlgate.json, as the command line does.
LintResult lint_with_config(const testing::TempDir& dir) {
  RuleSet rules = test_rules();
  Config config = load_config({}, dir.path(), rules);
  rules.configure(config.selection(rules));
  std::vector<std::string> paths;
  for (const auto& path : config.lint_paths(dir.path())) {
    paths.push_back((dir.path() / path).string());
  }
  MigrationSet set = discover(paths, DiscoverOptions{true});
  LintOptions options;
  options.jobs = 1;
  if (config.naming.origin.kind != Origin::Kind::default_value)
    options.naming = config.naming.value;
  return lint(set, rules, options);
}

TEST(Config, RuleLevelsAndOptionsReachTheRules) {
  testing::TempDir dir;
  dir.write(".sqlgate.json", R"json({
    "paths": "db",
    "rules": {
      "idempotency": "warning",
      "table-rule": {"max_tables": 1, "allowed": ["skip_me"], "suffix": " (configured)"},
      "naming": "off",
      "meta": "off"
    }
  })json");
  dir.write("db/1_a.up.sql",
            "CREATE TABLE IF NOT EXISTS one (id int);\nCREATE TABLE IF NOT EXISTS skip_me (id "
            "int);\nCREATE TABLE IF NOT EXISTS two (id int);\n");
  dir.write(
      "db/1_a.down.sql",
      "DROP TABLE IF EXISTS two;\nDROP TABLE IF EXISTS skip_me;\nDROP TABLE IF EXISTS one;\n");
  EXPECT_EQ(found(lint_with_config(dir)),
            (std::vector<std::string>{"1_a.up.sql:3 table-rule warning table two (configured)"}))
      << "category level, then the rule's options; the naming category (up-rule) is off";
}

TEST(Config, OverridesApplyPerFile) {
  testing::TempDir dir;
  dir.write(".sqlgate.json", R"({
    "paths": "db",
    "rules": {"table-rule": {"suffix": "."}, "up-rule": {"suffix": "!"}, "meta": "off"},
    "overrides": [
      {"files": "db/legacy/**", "rules": {"table-rule": "off", "up-rule": "error"}},
      {"files": ["*_loud.up.sql"], "rules": {"table-rule": {"severity": "info", "loud": true},
                                             "up-rule": {"suffix": "?"}}},
      {"files": "db/new/**", "rules": {"opt-in-rule": "warning"}}
    ]
  })");
  // Each up with its down, so that only the test's own rules have something to say.
  dir.write("db/legacy/1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  dir.write("db/legacy/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  dir.write("db/2_b_loud.up.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  dir.write("db/2_b_loud.down.sql", "DROP TABLE IF EXISTS b;\n");
  dir.write("db/new/3_c.up.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  dir.write("db/new/3_c.down.sql", "DROP TABLE IF EXISTS c;\n");
  EXPECT_EQ(found(lint_with_config(dir)), (std::vector<std::string>{
                                              "1_a.up.sql:1 up-rule error up!",
                                              "2_b_loud.up.sql:1 up-rule warning up?",
                                              "2_b_loud.up.sql:1 table-rule info table b.!",
                                              "3_c.up.sql:1 up-rule warning up!",
                                              "3_c.up.sql:1 opt-in-rule warning table c",
                                              "3_c.up.sql:1 table-rule error table c.",
                                          }));
}

TEST(Config, CommandLineExclusionWinsOverOverrides) {
  RuleSet rules = test_rules();
  RuleSelection selection;
  FileOverride everywhere;
  everywhere.matches = [](const SourceFile&) { return true; };
  everywhere.severities["opt-in-rule"] = Severity::error;
  everywhere.severities["table-rule"] = Severity::error;
  selection.overrides.push_back(everywhere);
  selection.ignore = {"opt-in-rule"};
  selection.select = {"idempotency", "safety"};
  rules.configure(selection);
  EXPECT_FALSE(rules.active_anywhere("opt-in-rule")) << "--ignore wins";
  EXPECT_TRUE(rules.active_anywhere("table-rule"));
  EXPECT_FALSE(rules.active_anywhere("up-rule")) << "--select left it out";
  SourceFile file;
  file.path = "x.sql";
  EXPECT_FALSE(rules.setting("opt-in-rule", rules.overrides_for(file)).active);
}

}  // namespace
}  // namespace sqlgate::lint
