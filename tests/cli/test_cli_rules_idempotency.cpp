// Black-box tests of `sqlgate lint` with the idempotency rules: the example sets, directives,
// fixes and DO blocks as users see them.
#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;
using testing::TempDir;

nlohmann::json lint_json(const std::vector<std::string>& args, int expected_exit) {
  std::vector<std::string> argv = {"lint", "--format", "json"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = run_sqlgate(argv);
  EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
  return nlohmann::json::parse(result.out);
}

// "LINE rule" for each finding, in report order.
std::vector<std::string> findings(const nlohmann::json& json) {
  std::vector<std::string> lines;
  for (const auto& d : json["diagnostics"]) {
    lines.push_back(std::to_string(d["line"].get<int>()) + " " + d["rule"].get<std::string>());
  }
  return lines;
}

using Lines = std::vector<std::string>;

TEST(CliExamples, TheExampleSetIsClean) {
  auto path = (testing::source_dir() / "migrations" / "sql").string();
  auto result = run_sqlgate({"lint", "--enable-all", path});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("No findings"), std::string::npos) << result.out;
}

TEST(CliExamples, TheFaultySetTriggersEveryRule) {
  auto rules = run_sqlgate({"rules", "--format", "json"});
  ASSERT_EQ(rules.exit_code, 0) << rules.err;
  auto path = (testing::source_dir() / "migrations" / "examples" / "faulty").string();
  auto json = lint_json({"--enable-all", path}, 1);
  std::set<std::string> fired;
  for (const auto& d : json["diagnostics"]) fired.insert(d["rule"].get<std::string>());

  // out-of-order needs to know which migrations a change adds (the folder's README.md): the set
  // in a git repository whose main branch holds every file but the late pair, which a branch
  // adds, linted as a pull request against main.
  const std::string late = "20251211100000_add_project_currency";
  TempDir repo;
  auto git = [&](const std::vector<std::string>& args) {
    auto result = testing::run_git(args, repo.path());
    ASSERT_EQ(result.exit_code, 0) << result.err;
  };
  auto copy_files = [&](bool late_pair) {
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      std::string name = entry.path().filename().string();
      if ((name.rfind(late, 0) == 0) != late_pair) continue;
      std::filesystem::copy_file(entry.path(), repo.path() / "faulty" / name);
    }
  };
  std::filesystem::create_directories(repo.path() / "faulty");
  copy_files(false);
  git({"init", "-q", "-b", "main"});
  git({"add", "-A"});
  git({"commit", "-q", "-m", "main"});
  git({"checkout", "-q", "-b", "feature"});
  copy_files(true);
  git({"add", "-A"});
  git({"commit", "-q", "-m", "feature"});
  auto branch =
      lint_json({"--enable-all", "--changed-since", "main", (repo.path() / "faulty").string()}, 1);
  for (const auto& d : branch["diagnostics"]) {
    EXPECT_EQ(std::filesystem::path(d["file"].get<std::string>()).filename().string(),
              late + ".up.sql")
        << d.dump();
    fired.insert(d["rule"].get<std::string>());
  }
  auto listed = nlohmann::json::parse(rules.out);
  ASSERT_FALSE(listed["rules"].empty());
  for (const auto& rule : listed["rules"]) {
    std::string id = rule["id"];
    EXPECT_TRUE(fired.contains(id))
        << id << " never fires on migrations/examples/faulty: add a migration pair for it";
  }
}

TEST(CliIdempotency, ReRunnableStatementsAreNeverFlagged) {
  // Each of these runs twice on PostgreSQL 15 without an error.
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, owner text, balance "
            "numeric, note text);\n"
            "CREATE SEQUENCE IF NOT EXISTS account_numbers;\n"
            "ALTER TABLE accounts ALTER COLUMN owner SET NOT NULL;\n"
            "ALTER TABLE accounts ALTER COLUMN note DROP NOT NULL;\n"
            "ALTER TABLE accounts ALTER COLUMN balance SET DEFAULT 0;\n"
            "ALTER TABLE accounts ALTER COLUMN note DROP DEFAULT;\n"
            "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;\n"
            "ALTER TABLE accounts DISABLE ROW LEVEL SECURITY;\n"
            "ALTER TABLE accounts SET (fillfactor = 90);\n"
            "COMMENT ON TABLE accounts IS 'money';\n"
            "COMMENT ON COLUMN accounts.note IS NULL;\n"
            "GRANT SELECT ON accounts TO PUBLIC;\n"
            "REVOKE INSERT ON accounts FROM PUBLIC;\n"
            "DELETE FROM accounts WHERE balance < 0;\n"
            "TRUNCATE accounts;\n"
            "SELECT setval('account_numbers', 1000);\n"
            "UPDATE accounts SET note = lower(note);\n"
            "UPDATE accounts SET note = 'closed' WHERE note = 'pending';\n"
            "CREATE OR REPLACE VIEW rich_accounts AS SELECT * FROM accounts WHERE balance > 1000;\n"
            "CREATE OR REPLACE FUNCTION account_count() RETURNS bigint LANGUAGE sql AS 'SELECT "
            "count(*) FROM accounts';\n"
            "ALTER SEQUENCE account_numbers RESTART WITH 1000;\n"
            "ALTER TABLE accounts OWNER TO CURRENT_USER;\n"
            "ANALYZE accounts;\n");
  auto json = lint_json({"--select", "idempotency", "--", (dir.path() / "m").string()}, 0);
  EXPECT_TRUE(json["diagnostics"].empty()) << json.dump(2);
  EXPECT_EQ(json["summary"]["statements"], 23);
}

// ON CONFLICT protects only rows that meet a key: the schema replay of the earlier migrations
// tells which tables have none.
TEST(CliIdempotency, OnConflictNeedsAKeyOnTheTarget) {
  TempDir dir;
  dir.write("m/1_tables.up.sql",
            "CREATE TABLE IF NOT EXISTS audit_log (at timestamptz NOT NULL, message text);\n"
            "CREATE TABLE IF NOT EXISTS settings (key text PRIMARY KEY, value text);\n"
            "CREATE TABLE IF NOT EXISTS tags (name text);\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS tags_name ON tags (name);\n"
            "CREATE TABLE IF NOT EXISTS settings_copy (LIKE settings INCLUDING ALL);\n");
  dir.write("m/1_tables.down.sql",
            "DROP TABLE IF EXISTS settings_copy;\nDROP TABLE IF EXISTS tags;\n"
            "DROP TABLE IF EXISTS settings;\nDROP TABLE IF EXISTS audit_log;\n");
  dir.write("m/2_seed.up.sql",
            "INSERT INTO audit_log VALUES (now(), 'seeded') ON CONFLICT DO NOTHING;\n"
            "INSERT INTO audit_log (message) VALUES ('x') ON CONFLICT (message) DO NOTHING;\n"
            "INSERT INTO settings VALUES ('a', 'b') ON CONFLICT DO NOTHING;\n"
            "INSERT INTO tags VALUES ('red') ON CONFLICT (name) DO NOTHING;\n"
            "INSERT INTO settings_copy VALUES ('a', 'b') ON CONFLICT DO NOTHING;\n"
            "INSERT INTO from_elsewhere VALUES (1) ON CONFLICT DO NOTHING;\n");
  dir.write("m/2_seed.down.sql",
            "DELETE FROM settings_copy WHERE key = 'a';\nDELETE FROM tags WHERE name = 'red';\n"
            "DELETE FROM settings WHERE key = 'a';\n"
            "DELETE FROM audit_log WHERE message IN ('seeded', 'x');\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json), (Lines{"1 require-on-conflict", "2 require-on-conflict"}))
      << json.dump(2);
  std::string first = json["diagnostics"][0]["message"];
  EXPECT_NE(first.find("adds its rows again"), std::string::npos) << first;
  std::string second = json["diagnostics"][1]["message"];
  EXPECT_NE(second.find("PostgreSQL refuses the INSERT"), std::string::npos) << second;
}

// Checked on PostgreSQL 15 by running each file twice: DROP VIEW v; CREATE VIEW v runs again
// unless something the file makes after it depends on v (then the second DROP fails), and with
// CASCADE a default made with its column is lost on the second run.
TEST(CliIdempotency, DropThenCreateIsAGuardUntilSomethingMadeLaterDependsOnIt) {
  TempDir dir;
  dir.write("m/1_t.up.sql",
            "CREATE TABLE IF NOT EXISTS t (id int, name text, extra text);\n"
            "CREATE OR REPLACE VIEW v AS SELECT id, name, extra FROM t;\n");
  dir.write("m/1_t.down.sql", "DROP VIEW IF EXISTS v;\nDROP TABLE IF EXISTS t;\n");
  dir.write("m/2_narrow.up.sql",
            "DROP VIEW IF EXISTS v;\n"
            "CREATE VIEW v AS SELECT id, name FROM t;\n"
            "CREATE OR REPLACE VIEW w AS SELECT * FROM v;\n"
            "DROP FUNCTION IF EXISTS touch();\n"
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END "
            "$$;\n"
            "CREATE OR REPLACE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION "
            "touch();\n"
            "DROP FUNCTION IF EXISTS default_rank() CASCADE;\n"
            "CREATE FUNCTION default_rank() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
            "ALTER TABLE t ADD COLUMN IF NOT EXISTS r int DEFAULT default_rank();\n");
  dir.write("m/2_narrow.down.sql",
            "ALTER TABLE t DROP COLUMN IF EXISTS r;\nDROP FUNCTION IF EXISTS default_rank();\n"
            "DROP TRIGGER IF EXISTS t_touch ON t;\nDROP FUNCTION IF EXISTS touch();\n"
            "DROP VIEW IF EXISTS w;\n"
            "DROP VIEW IF EXISTS v;\n"
            "CREATE VIEW v AS SELECT id, name, extra FROM t;\n"
            "CREATE OR REPLACE VIEW w AS SELECT id FROM v;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-or-replace"}, 1);
  // The down's DROP v is re-runnable: its DROP w comes first.
  EXPECT_EQ(findings(json),
            (Lines{"2 require-or-replace", "5 require-or-replace", "8 require-or-replace"}))
      << json.dump(2);
  auto message = [&](std::size_t i) {
    return json["diagnostics"][i]["message"].get<std::string>();
  };
  EXPECT_NE(message(0).find("view w, made after it by this file, depends on it"), std::string::npos)
      << message(0);
  EXPECT_NE(message(1).find("trigger t_touch on t"), std::string::npos) << message(1);
  EXPECT_NE(message(2).find("with CASCADE takes the default of column r of t along"),
            std::string::npos)
      << message(2);
}

// Checked on PostgreSQL 15: a test of pg_type's typname alone finds the type an earlier migration
// made in public, the CREATE TYPE billing.invoice_status it guards never runs, and the table after
// it fails (type "billing.invoice_status" does not exist). The same test before a type of the
// same schema is a guard.
TEST(CliIdempotency, TypnameTestFindsATypeOfAnotherSchema) {
  TempDir dir;
  auto guarded = [](const std::string& type) {
    return "DO $$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = "
           "'invoice_status') THEN\n        CREATE TYPE " +
           type + " AS ENUM ('draft', 'paid');\n    END IF;\nEND\n$$;\n";
  };
  dir.write("m/1_public.up.sql", guarded("invoice_status"));
  dir.write("m/1_public.down.sql", "DROP TYPE IF EXISTS invoice_status;\n");
  dir.write("m/2_billing.up.sql",
            "CREATE SCHEMA IF NOT EXISTS billing;\n" + guarded("billing.invoice_status"));
  dir.write("m/2_billing.down.sql",
            "DROP TYPE IF EXISTS billing.invoice_status;\nDROP SCHEMA IF EXISTS billing;\n");
  dir.write("m/3_again.up.sql", guarded("invoice_status"));
  dir.write("m/3_again.down.sql", "SELECT 1;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "guard-create"}, 1);
  EXPECT_EQ(findings(json), (Lines{"5 guard-create"})) << json.dump(2);
  ASSERT_EQ(json["diagnostics"].size(), 1u);
  std::string message = json["diagnostics"][0]["message"];
  EXPECT_NE(message.find("CREATE TYPE billing.invoice_status never runs, not even the first time"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("type public.invoice_status, which an earlier migration made"),
            std::string::npos)
      << message;
  EXPECT_EQ(json["diagnostics"][0]["file"].get<std::string>().find("2_billing.up.sql") ==
                std::string::npos,
            false);
}

// Checked on PostgreSQL 15: under SET LOCAL search_path = billing, app, public,
// to_regtype('account_status') finds app.account_status, which an earlier migration made, so the
// CREATE TYPE account_status it guards (which would make billing.account_status) never runs, and
// a column DEFAULT 'current' of that type fails (invalid input value for enum account_status:
// "current"). Under a path whose first schema is app, the test finds app's own type: a guard.
TEST(CliIdempotency, ToRegtypeFindsATypeOfAnotherSchemaAlongThePath) {
  TempDir dir;
  auto guarded = [](const std::string& tested, const std::string& type) {
    return "DO $$\nBEGIN\n    IF to_regtype('" + tested + "') IS NULL THEN\n        CREATE TYPE " +
           type + " AS ENUM ('current', 'overdue');\n    END IF;\nEND\n$$;\n";
  };
  dir.write("m/1_app.up.sql",
            "CREATE SCHEMA IF NOT EXISTS app;\nCREATE SCHEMA IF NOT EXISTS billing;\n" +
                guarded("app.account_status", "app.account_status"));
  dir.write("m/1_app.down.sql",
            "DROP TYPE IF EXISTS app.account_status;\nDROP SCHEMA IF EXISTS billing;\nDROP SCHEMA "
            "IF EXISTS app;\n");
  dir.write("m/2_billing.up.sql", "SET LOCAL search_path = billing, app, public;\n" +
                                      guarded("account_status", "account_status"));
  dir.write("m/2_billing.down.sql", "DROP TYPE IF EXISTS billing.account_status;\n");
  dir.write("m/3_app_again.up.sql",
            "SET LOCAL search_path = app, public;\n" + guarded("account_status", "account_status"));
  dir.write("m/3_app_again.down.sql", "SELECT 1;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "guard-create"}, 1);
  EXPECT_EQ(findings(json), (Lines{"5 guard-create"})) << json.dump(2);
  ASSERT_EQ(json["diagnostics"].size(), 1u);
  std::string message = json["diagnostics"][0]["message"];
  EXPECT_NE(message.find("CREATE TYPE account_status never runs, not even the first time: the "
                         "guard's test to_regtype('account_status')"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("already finds type app.account_status, which an earlier migration made"),
            std::string::npos)
      << message;
  EXPECT_NE(json["diagnostics"][0]["file"].get<std::string>().find("2_billing.up.sql"),
            std::string::npos);
}

// Checked on PostgreSQL 15 by running the up twice: a table dropped and made again is re-made
// empty on the second run, and once a foreign key or view made after it depends on it, the second
// run's DROP fails (cannot drop table users because other objects depend on it), IF NOT EXISTS on
// the CREATE or not. Dropping the view first keeps the file re-runnable.
TEST(CliIdempotency, DropThenCreateTableFailsOnceSomethingMadeLaterDependsOnIt) {
  TempDir dir;
  dir.write("m/1_t.up.sql",
            "DROP TABLE IF EXISTS users;\n"
            "CREATE TABLE users (id bigint PRIMARY KEY);\n"
            "CREATE TABLE IF NOT EXISTS posts (id bigint PRIMARY KEY,\n"
            "  user_id bigint REFERENCES users (id));\n"
            "DROP TABLE IF EXISTS people;\n"
            "CREATE TABLE IF NOT EXISTS people (id bigint, name text);\n"
            "CREATE OR REPLACE VIEW names AS SELECT name FROM people;\n"
            "DROP VIEW IF EXISTS tag_names;\n"
            "DROP TABLE IF EXISTS tags;\n"
            "CREATE TABLE IF NOT EXISTS tags (id bigint, name text);\n"
            "CREATE OR REPLACE VIEW tag_names AS SELECT name FROM tags;\n"
            "DROP TABLE IF EXISTS notes;\n"
            "CREATE TABLE notes (id bigint);\n"
            "DROP TABLE IF EXISTS comments;\n"
            "DROP TABLE IF EXISTS authors;\n"
            "CREATE TABLE authors (id bigint PRIMARY KEY);\n"
            "CREATE TABLE comments (id bigint, author_id bigint REFERENCES authors (id));\n");
  dir.write("m/1_t.down.sql",
            "DROP TABLE IF EXISTS comments;\nDROP TABLE IF EXISTS authors;\n"
            "DROP TABLE IF EXISTS notes;\nDROP VIEW IF EXISTS tag_names;\nDROP TABLE IF EXISTS "
            "tags;\nDROP VIEW IF EXISTS names;\nDROP TABLE IF EXISTS people;\n"
            "DROP TABLE IF EXISTS posts;\nDROP TABLE IF EXISTS users;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-if-not-exists"}, 1);
  // The table whose foreign key references authors is dropped before authors: both drops run
  // again, and both tables come back empty.
  EXPECT_EQ(findings(json),
            (Lines{"2 require-if-not-exists", "6 require-if-not-exists", "13 require-if-not-exists",
                   "16 require-if-not-exists", "17 require-if-not-exists"}))
      << json.dump(2);
  auto message = [&](std::size_t i) {
    return json["diagnostics"][i]["message"].get<std::string>();
  };
  auto help = [&](std::size_t i) { return json["diagnostics"][i]["help"].get<std::string>(); };
  EXPECT_NE(message(0).find("a second run's DROP fails: constraint posts_user_id_fkey on posts, "
                            "made after it by this file, depends on it"),
            std::string::npos)
      << message(0);
  EXPECT_NE(help(0).find("before the DROP of users"), std::string::npos) << help(0);
  EXPECT_NE(message(1).find("CREATE TABLE IF NOT EXISTS people is no guard: a second run's DROP "
                            "fails: view names"),
            std::string::npos)
      << message(1);
  EXPECT_NE(help(1).find("or leave out the DROP"), std::string::npos) << help(1);
  for (std::size_t i : {2, 3, 4}) {
    EXPECT_NE(message(i).find("drops the table and its rows again and creates it empty"),
              std::string::npos)
        << message(i);
  }
}

// Checked on PostgreSQL 15 by running each INSERT twice: where the key's column is left to a
// serial, identity or volatile default, every run draws a new value and nothing conflicts.
TEST(CliIdempotency, OnConflictNeedsAKeyTheRowsCanMeetAgain) {
  TempDir dir;
  dir.write("m/1_tables.up.sql",
            "CREATE TABLE IF NOT EXISTS plans (id serial PRIMARY KEY, name text NOT NULL);\n"
            "CREATE TABLE IF NOT EXISTS tiers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY "
            "KEY,\n  code text NOT NULL UNIQUE);\n"
            "CREATE TABLE IF NOT EXISTS api_keys (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n"
            "  label text);\n"
            "CREATE TABLE IF NOT EXISTS singleton (id int PRIMARY KEY DEFAULT 1, label text);\n"
            "CREATE TABLE IF NOT EXISTS later (id bigint PRIMARY KEY, label text);\n"
            "ALTER TABLE later ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;\n"
            "CREATE SEQUENCE IF NOT EXISTS codes_seq;\n"
            "CREATE TABLE IF NOT EXISTS codes (id bigint PRIMARY KEY, label text);\n"
            "ALTER TABLE codes ALTER COLUMN id SET DEFAULT nextval('codes_seq');\n"
            "CREATE TABLE IF NOT EXISTS once (id bigint GENERATED BY DEFAULT AS IDENTITY\n"
            "  PRIMARY KEY, label text);\n"
            "ALTER TABLE once ALTER COLUMN id DROP IDENTITY IF EXISTS;\n"
            "ALTER TABLE once ALTER COLUMN id SET DEFAULT 1;\n");
  dir.write("m/1_tables.down.sql",
            "DROP TABLE IF EXISTS once, codes, later, singleton, api_keys, tiers, plans;\n"
            "DROP SEQUENCE IF EXISTS codes_seq;\n");
  dir.write("m/2_seed.up.sql",
            "INSERT INTO plans (name) VALUES ('free') ON CONFLICT DO NOTHING;\n"          // 1
            "INSERT INTO plans (id, name) VALUES (1, 'free') ON CONFLICT DO NOTHING;\n"   // 2
            "INSERT INTO plans (name) VALUES ('free') ON CONFLICT (id) DO NOTHING;\n"     // 3
            "INSERT INTO tiers (code) VALUES ('gold') ON CONFLICT DO NOTHING;\n"          // 4
            "INSERT INTO tiers (code) VALUES ('gold') ON CONFLICT (code) DO NOTHING;\n"   // 5
            "INSERT INTO tiers (code) VALUES ('gold') ON CONFLICT (id) DO NOTHING;\n"     // 6
            "INSERT INTO api_keys (label) VALUES ('ci') ON CONFLICT DO NOTHING;\n"        // 7
            "INSERT INTO api_keys VALUES (DEFAULT, 'ci') ON CONFLICT DO NOTHING;\n"       // 8
            "INSERT INTO singleton (label) VALUES ('one') ON CONFLICT DO NOTHING;\n"      // 9
            "INSERT INTO later (label) VALUES ('x') ON CONFLICT DO NOTHING;\n"            // 10
            "INSERT INTO plans (name) SELECT 'x' ON CONFLICT ON CONSTRAINT plans_pkey\n"  // 11
            "  DO NOTHING;\n"
            "INSERT INTO codes (label) VALUES ('a') ON CONFLICT DO NOTHING;\n"   // 13
            "INSERT INTO once (label) VALUES ('a') ON CONFLICT DO NOTHING;\n");  // 14
  dir.write("m/2_seed.down.sql", "SELECT 1;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json),
            (Lines{"1 require-on-conflict", "3 require-on-conflict", "6 require-on-conflict",
                   "7 require-on-conflict", "8 require-on-conflict", "10 require-on-conflict",
                   "11 require-on-conflict", "13 require-on-conflict"}))
      << json.dump(2);
  std::string first = json["diagnostics"][0]["message"];
  EXPECT_NE(first.find("includes id, which the INSERT does not give"), std::string::npos) << first;
}

// Checked on PostgreSQL 15: a conflict target no key has exactly, a partial unique index named
// without its WHERE and ON CONSTRAINT naming an index are refused on the first run; a key column
// left NULL never conflicts (NULLs are distinct), unless the key is NULLS NOT DISTINCT, so the
// row is added again (or fails on another key) on every run.
TEST(CliIdempotency, OnConflictTargetsAKeyTheTableHasAndTheRowsCanMeet) {
  TempDir dir;
  dir.write("m/1_tables.up.sql",
            "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text NOT NULL,\n"
            "  tenant_id bigint, name text, deleted_at timestamptz, code text);\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS users_email_live ON users (email)\n"
            "  WHERE deleted_at IS NULL;\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS users_tenant_name ON users (tenant_id, name);\n"
            "CREATE UNIQUE INDEX IF NOT EXISTS users_code_key ON users (code);\n"
            "CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY, scope text, label text,\n"
            "  kind text DEFAULT 'plain', UNIQUE NULLS NOT DISTINCT (scope, label));\n"
            "CREATE TABLE IF NOT EXISTS flags (id bigint PRIMARY KEY, name text, scope text,\n"
            "  CONSTRAINT flags_scope_name UNIQUE (scope, name));\n"
            "CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY, tenant text, title text,\n"
            "  UNIQUE (tenant, title));\n"
            "CREATE OR REPLACE FUNCTION notes_tenant() RETURNS trigger LANGUAGE plpgsql AS\n"
            "  $$ BEGIN NEW.tenant := current_setting('app.tenant'); RETURN NEW; END $$;\n"
            "CREATE OR REPLACE TRIGGER notes_tenant BEFORE INSERT ON notes\n"
            "  FOR EACH ROW EXECUTE FUNCTION notes_tenant();\n"
            "CREATE DOMAIN scope_name AS text DEFAULT 'global';\n"
            "CREATE TABLE IF NOT EXISTS labels (id bigint PRIMARY KEY, scope scope_name,\n"
            "  region text, name text, UNIQUE (scope, name), UNIQUE (region, name));\n"
            "ALTER TABLE labels ALTER COLUMN region SET NOT NULL;\n");
  dir.write("m/1_tables.down.sql",
            "DROP TABLE IF EXISTS labels, notes, flags, tags, users;\n"
            "DROP DOMAIN IF EXISTS scope_name;\n"
            "DROP FUNCTION IF EXISTS notes_tenant();\n");
  dir.write(
      "m/2_seed.up.sql",
      "INSERT INTO users (id, email) VALUES (1, 'a') ON CONFLICT (email) DO NOTHING;\n"  // 1
      "INSERT INTO users (id, email) VALUES (2, 'b')\n"                                  // 2
      "  ON CONFLICT (email) WHERE deleted_at IS NULL DO NOTHING;\n"
      "INSERT INTO users (id, email, name) VALUES (3, 'c', 'c')\n"  // 4
      "  ON CONFLICT (tenant_id, name) DO NOTHING;\n"
      "INSERT INTO users (id, email, tenant_id, name) VALUES (4, 'd', 1, 'd')\n"  // 6
      "  ON CONFLICT (name, tenant_id) DO NOTHING;\n"
      "INSERT INTO users (id, email) VALUES (5, 'e') ON CONFLICT (name) DO NOTHING;\n"  // 8
      "INSERT INTO users (id, email, code) VALUES (6, 'f', 'x')\n"                      // 9
      "  ON CONFLICT ON CONSTRAINT users_code_key DO NOTHING;\n"
      "INSERT INTO users (id, email) VALUES (7, 'g') ON CONFLICT DO NOTHING;\n"    // 11
      "INSERT INTO tags (id, label) VALUES (1, 'x') ON CONFLICT (scope, label)\n"  // 12
      "  DO NOTHING;\n"
      "INSERT INTO flags (id, name) VALUES (1, 'beta') ON CONFLICT (scope, name)\n"  // 14
      "  DO NOTHING;\n"
      "INSERT INTO flags (id, name, scope) VALUES (2, 'beta', NULL), (3, 'new', 'web')\n"  // 16
      "  ON CONFLICT (scope, name) DO NOTHING;\n"
      "INSERT INTO flags (id, name, scope) VALUES (4, 'old', 'web')\n"  // 18
      "  ON CONFLICT ON CONSTRAINT flags_scope_name DO NOTHING;\n"
      // A row trigger fills tenant: the NULL the INSERT leaves is not what is stored.
      "INSERT INTO notes (id, title) VALUES (1, 'x') ON CONFLICT (tenant, title)\n"  // 20
      "  DO NOTHING;\n"
      // The domain gives scope a default; region is NOT NULL (the INSERT fails on its own).
      "INSERT INTO labels (id, name) VALUES (1, 'x') ON CONFLICT (scope, name) DO NOTHING;\n"
      "INSERT INTO labels (id, name) VALUES (2, 'y') ON CONFLICT (region, name) DO NOTHING;\n");
  dir.write("m/2_seed.down.sql", "SELECT 1;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json),
            (Lines{"1 require-on-conflict", "4 require-on-conflict", "8 require-on-conflict",
                   "9 require-on-conflict", "14 require-on-conflict", "16 require-on-conflict"}))
      << json.dump(2);
  auto message = [&](std::size_t i) {
    return json["diagnostics"][i]["message"].get<std::string>();
  };
  EXPECT_NE(message(0).find("partial unique index users_email_live"), std::string::npos);
  EXPECT_NE(message(1).find("includes tenant_id, which the INSERT leaves NULL"), std::string::npos);
  EXPECT_NE(message(2).find("matches no unique key of users"), std::string::npos);
  EXPECT_NE(message(3).find("names a unique index, not a constraint"), std::string::npos);
  EXPECT_NE(message(4).find("includes scope, which the INSERT leaves NULL"), std::string::npos);
}

// Checked on PostgreSQL 15: a DEFERRABLE key is never an arbiter ("ON CONFLICT does not support
// deferrable unique constraints/exclusion constraints as arbiters"), whether the target names
// its columns or its name, or there is no target and no other key conflicts first; and DO UPDATE
// refuses an exclusion constraint. A NULLS NOT DISTINCT key is judged as any other.
TEST(CliIdempotency, ADeferrableKeyIsNeverAnArbiter) {
  TempDir dir;
  dir.write("m/1_tables.up.sql",
            "CREATE TABLE IF NOT EXISTS booking (id bigint PRIMARY KEY, room bigint, seq int,\n"
            "  CONSTRAINT booking_room_seq UNIQUE (room, seq) DEFERRABLE INITIALLY DEFERRED);\n"
            "CREATE TABLE IF NOT EXISTS slot (id bigint PRIMARY KEY DEFERRABLE, name text);\n"
            "CREATE TABLE IF NOT EXISTS hold (id bigint, during int4range,\n"
            "  CONSTRAINT hold_no_overlap EXCLUDE USING gist (during WITH &&));\n"
            "CREATE TABLE IF NOT EXISTS code (id bigint PRIMARY KEY, value text,\n"
            "  CONSTRAINT code_value UNIQUE NULLS NOT DISTINCT (value));\n");
  dir.write("m/1_tables.down.sql", "DROP TABLE IF EXISTS code, hold, slot, booking;\n");
  dir.write("m/2_seed.up.sql",
            "INSERT INTO booking VALUES (1, 1, 1) ON CONFLICT (room, seq) DO NOTHING;\n"  // 1
            "INSERT INTO booking VALUES (2, 1, 2)\n"                                      // 2
            "  ON CONFLICT ON CONSTRAINT booking_room_seq DO NOTHING;\n"
            "INSERT INTO booking VALUES (3, 1, 3) ON CONFLICT (id) DO NOTHING;\n"
            "INSERT INTO booking VALUES (4, 1, 4) ON CONFLICT DO NOTHING;\n"   // 5
            "INSERT INTO slot VALUES (1, 'a') ON CONFLICT (id) DO NOTHING;\n"  // 6
            "INSERT INTO hold VALUES (1, '[1,2)')\n"                           // 7
            "  ON CONFLICT ON CONSTRAINT hold_no_overlap DO UPDATE SET id = 2;\n"
            "INSERT INTO hold VALUES (1, '[1,2)') ON CONFLICT DO NOTHING;\n"
            "INSERT INTO code VALUES (1, 'x') ON CONFLICT (value) DO NOTHING;\n"
            "INSERT INTO code (id) VALUES (2) ON CONFLICT (value) DO NOTHING;\n");
  dir.write("m/2_seed.down.sql", "SELECT 1;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json),
            (Lines{"1 require-on-conflict", "2 require-on-conflict", "5 require-on-conflict",
                   "6 require-on-conflict", "7 require-on-conflict"}))
      << json.dump(2);
  auto message = [&](std::size_t i) {
    return json["diagnostics"][i]["message"].get<std::string>();
  };
  EXPECT_NE(message(0).find("uses constraint booking_room_seq, which is DEFERRABLE"),
            std::string::npos);
  EXPECT_NE(message(2).find("without a target checks every key"), std::string::npos);
  EXPECT_NE(message(3).find("constraint slot_pkey, which is DEFERRABLE"), std::string::npos);
  EXPECT_NE(message(4).find("names an exclusion constraint"), std::string::npos);
}

// Checked on PostgreSQL 15: the DELETE removes the 'theme' row only, and INSERT INTO settings
// VALUES (...) writes its columns in the table's order, so 'locale' is added again on every run.
TEST(CliIdempotency, ADeleteClearsOnlyTheRowsItPinsInAnInsertWithoutAColumnList) {
  TempDir dir;
  dir.write("m/1_settings.up.sql", "CREATE TABLE IF NOT EXISTS settings (key text, value text);\n");
  dir.write("m/1_settings.down.sql", "DROP TABLE IF EXISTS settings;\n");
  dir.write("m/2_seed.up.sql",
            "DELETE FROM settings WHERE key = 'theme';\n"
            "INSERT INTO settings VALUES ('theme', 'dark'), ('locale', 'en');\n"  // 2
            "DELETE FROM settings WHERE key IN ('mode', 'size');\n"
            "INSERT INTO settings VALUES ('mode', 'dark'), ('size', 'l');\n");
  dir.write("m/2_seed.down.sql", "DELETE FROM settings;\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json), (Lines{"2 require-on-conflict"})) << json.dump(2);
}

// Checked on PostgreSQL 15: the second run of the block with a test of another row inserts its
// row again; the blocks testing the row they write insert nothing.
TEST(CliIdempotency, ADoBlockGuardTestsTheRowItInserts) {
  TempDir dir;
  dir.write("m/1_k.up.sql", "CREATE TABLE IF NOT EXISTS k (name text, v int);\n");
  dir.write("m/1_k.down.sql", "DROP TABLE IF EXISTS k;\n");
  dir.write("m/2_seed.up.sql",
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM k WHERE name = 'x') THEN\n"
            "  INSERT INTO k VALUES ('x', 1); END IF; END $$;\n"
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM k WHERE name = 'y') THEN\n"
            "  INSERT INTO k (v, name) SELECT 2, 'y'; END IF; END $$;\n"
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM k WHERE name = 'zzz') THEN\n"
            "  INSERT INTO k VALUES ('z', 3); END IF; END $$;\n");  // 6
  dir.write("m/2_seed.down.sql", "DELETE FROM k WHERE name IN ('x', 'y', 'z');\n");
  auto json = lint_json({(dir.path() / "m").string(), "--select", "require-on-conflict"}, 1);
  EXPECT_EQ(findings(json), (Lines{"6 require-on-conflict"})) << json.dump(2);
  std::string message = json["diagnostics"][0]["message"];
  EXPECT_NE(message.find("tests other values than the row it writes"), std::string::npos)
      << message;
}

TEST(CliDirectives, IgnoreWithAndWithoutAReason) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "-- sqlgate:ignore require-if-not-exists -- the bootstrap job created it\n"
            "CREATE TABLE a (id int);\n"
            "-- sqlgate:ignore require-if-not-exists\n"
            "CREATE TABLE b (id int);\n"
            "CREATE TABLE c (id int);  -- sqlgate:ignore idempotency\n"
            "CREATE TABLE d (id int);\n"
            "-- sqlgate:ignore require-on-conflict -- wrong rule for the next statement\n"
            "CREATE TABLE e (id int);\n");
  dir.write("m/1_a.down.sql",
            "DROP TABLE IF EXISTS e;\nDROP TABLE IF EXISTS d;\nDROP TABLE IF EXISTS c;\n"
            "DROP TABLE IF EXISTS b;\nDROP TABLE IF EXISTS a;\n");
  auto json = lint_json({(dir.path() / "m").string()}, 1);
  EXPECT_EQ(findings(json),
            (Lines{"6 require-if-not-exists", "7 unused-ignore", "8 require-if-not-exists"}));
}

// The next three fixtures drop and rename, in ups, tables that come from outside the folder:
// the directives are checked against the rules they are about, the idempotency ones.
TEST(CliDirectives, IgnoreFileWithAndWithoutRules) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "-- sqlgate:ignore-file require-if-not-exists -- generated by the ORM\n"
            "CREATE TABLE a (id int);\n"
            "DROP TABLE b;\n");
  dir.write("m/2_b.up.sql",
            "CREATE TABLE c (id int);\n"
            "DROP TABLE d;\n"
            "-- sqlgate:ignore-file\n");
  auto json = lint_json({"--select", "idempotency,meta", (dir.path() / "m").string()}, 1);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << json.dump(2);
  EXPECT_EQ(json["diagnostics"][0]["rule"], "require-if-exists");
  EXPECT_EQ(json["diagnostics"][0]["line"], 3);
}

TEST(CliDirectives, RunOnceAcceptsAStatementOrAFileForEveryIdempotencyRule) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "-- sqlgate:run-once the column is renamed once; the app reads both names\n"
            "ALTER TABLE users RENAME COLUMN mail TO email;\n"
            "UPDATE accounts SET balance = balance * 100;  -- sqlgate:run-once cents from now on\n"
            "-- sqlgate:run-once the role is created by the first deploy only\n"
            "DO $$\n"
            "BEGIN\n"
            "  CREATE ROLE reporting;\n"
            "  CREATE TYPE mood AS ENUM ('ok');\n"
            "END $$;\n"
            "DO $$\n"
            "BEGIN\n"
            "  -- sqlgate:run-once seeded once, edited by hand afterwards\n"
            "  INSERT INTO configs VALUES ('theme', 'dark');\n"
            "  INSERT INTO configs VALUES ('locale', 'en');\n"
            "END $$;\n"
            "ALTER TABLE users RENAME COLUMN name TO full_name;\n");
  dir.write("m/2_b.up.sql",
            "CREATE TABLE a (id int);\n"
            "-- sqlgate:run-once-file a one-off data migration\n"
            "DROP TABLE b;\n"
            "INSERT INTO a VALUES (1);\n");
  auto json = lint_json({"--select", "idempotency,meta", (dir.path() / "m").string()}, 1);
  EXPECT_EQ(findings(json), (Lines{"14 require-on-conflict", "16 guard-rename"}));
}

TEST(CliDirectives, RunOnceWithoutAReasonStillAcceptsButIsReported) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "-- sqlgate:run-once\n"
            "ALTER TABLE users RENAME COLUMN mail TO email;\n");
  auto json = lint_json({"--select", "idempotency,meta", (dir.path() / "m").string()}, 1);
  EXPECT_EQ(findings(json), (Lines{"1 missing-reason"}));
}

TEST(CliDoBlocks, FindingsStandAtTheirLineInTheFile) {
  TempDir dir;
  dir.write("m/1_a.up.sql",
            "SELECT 1;\n"
            "DO $$\n"
            "BEGIN\n"
            "  IF NOT EXISTS (SELECT FROM pg_type WHERE typname = 'mood') THEN\n"
            "    CREATE TYPE mood AS ENUM ('ok');\n"
            "  END IF;\n"
            "  CREATE TABLE audit (id int);\n"
            "  EXECUTE 'CREATE TABLE notes (body text DEFAULT ''x'')';\n"
            "END $$;\n");
  dir.write(
      "m/1_a.down.sql",
      "DROP TABLE IF EXISTS notes;\nDROP TABLE IF EXISTS audit;\nDROP TYPE IF EXISTS mood;\n");
  auto json = lint_json({(dir.path() / "m").string()}, 1);
  ASSERT_EQ(json["diagnostics"].size(), 2u) << json.dump(2);
  const auto& audit = json["diagnostics"][0];
  EXPECT_EQ(audit["line"], 7);
  EXPECT_EQ(audit["column"], 3);
  ASSERT_TRUE(audit.contains("fix"));
  EXPECT_EQ(audit["fix"]["edits"][0]["text"], "IF NOT EXISTS ");
  // The EXECUTE string's text is not the file's (doubled quotes): no fix, the whole string.
  const auto& notes = json["diagnostics"][1];
  EXPECT_EQ(notes["line"], 8);
  EXPECT_FALSE(notes.contains("fix"));
}

TEST(CliFixes, SafeAndUnsafeFixesAndTheTargetVersion) {
  TempDir dir;
  std::string text =
      "CREATE TABLE a (id int);\n"
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
      "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION g();\n";
  dir.write("m/1_a.up.sql", text);
  dir.write(
      "m/1_a.down.sql",
      "DROP TRIGGER IF EXISTS t ON a;\nDROP FUNCTION IF EXISTS f();\nDROP TABLE IF EXISTS a;\n");
  auto json = lint_json({(dir.path() / "m").string()}, 1);
  ASSERT_EQ(json["diagnostics"].size(), 3u) << json.dump(2);
  const auto& table = json["diagnostics"][0]["fix"];
  EXPECT_EQ(table["safe"], true);
  EXPECT_EQ(table["edits"][0]["start"], 13);
  EXPECT_EQ(table["edits"][0]["end"], 13);
  EXPECT_EQ(table["edits"][0]["text"], "IF NOT EXISTS ");
  EXPECT_EQ(json["diagnostics"][1]["fix"]["safe"], false) << "OR REPLACE on a function";
  EXPECT_EQ(json["diagnostics"][2]["fix"]["edits"][0]["text"], "OR REPLACE ");

  // PostgreSQL 13 has no CREATE OR REPLACE TRIGGER: other advice, no fix.
  auto old = lint_json({"--pg-version", "13", (dir.path() / "m").string()}, 1);
  const auto& trigger = old["diagnostics"][2];
  EXPECT_EQ(trigger["rule"], "require-or-replace");
  EXPECT_FALSE(trigger.contains("fix"));
  EXPECT_NE(trigger["help"].get<std::string>().find("DROP TRIGGER IF EXISTS t ON a"),
            std::string::npos)
      << trigger["help"];

  // CREATE OR REPLACE AGGREGATE came in 12, CREATE COLLATION IF NOT EXISTS in 10.
  dir.write("n/1_a.up.sql",
            "CREATE AGGREGATE total (int) (sfunc = int4pl, stype = int);\n"
            "CREATE COLLATION german (locale = 'de_DE');\n");
  dir.write("n/1_a.down.sql",
            "DROP COLLATION IF EXISTS german;\nDROP AGGREGATE IF EXISTS total (int);\n");
  auto current = lint_json({(dir.path() / "n").string()}, 1);
  ASSERT_EQ(current["diagnostics"].size(), 2u);
  EXPECT_TRUE(current["diagnostics"][0].contains("fix"));
  EXPECT_TRUE(current["diagnostics"][1].contains("fix"));
  auto nine = lint_json({"--pg-version", "9", (dir.path() / "n").string()}, 1);
  ASSERT_EQ(nine["diagnostics"].size(), 2u);
  for (const auto& d : nine["diagnostics"]) {
    EXPECT_FALSE(d.contains("fix")) << d.dump();
    EXPECT_NE(d["help"].get<std::string>().find("DO block"), std::string::npos) << d.dump();
  }
}

TEST(CliHelp, NoOnConflictIsAdvisedForATableWithAnUpdateRule) {
  TempDir dir;
  dir.write("m/1_plans.up.sql",
            "CREATE TABLE IF NOT EXISTS plans (code text PRIMARY KEY);\n"
            "CREATE TABLE IF NOT EXISTS plan_log (code text PRIMARY KEY);\n"
            "CREATE OR REPLACE RULE plans_log AS ON UPDATE TO plans\n"
            "    DO ALSO INSERT INTO plan_log (code) VALUES (NEW.code);\n");
  dir.write("m/1_plans.down.sql", "DROP TABLE IF EXISTS plans;\nDROP TABLE IF EXISTS plan_log;\n");
  dir.write(
      "m/2_seed.up.sql",
      "INSERT INTO plans (code) VALUES ('free');\nINSERT INTO plan_log (code) VALUES ('x');\n");
  dir.write("m/2_seed.down.sql",
            "DELETE FROM plan_log WHERE code = 'x';\nDELETE FROM plans WHERE code = 'free';\n");
  auto json = lint_json({"--select", "require-on-conflict", (dir.path() / "m").string()}, 1);
  ASSERT_EQ(json["diagnostics"].size(), 2u) << json.dump(2);
  // PostgreSQL refuses ON CONFLICT on plans ("INSERT with ON CONFLICT clause cannot be used with
  // table that has INSERT or UPDATE rules"): only the NOT EXISTS form works there.
  std::string plans = json["diagnostics"][0]["help"].get<std::string>();
  EXPECT_EQ(plans.find("ON CONFLICT ("), std::string::npos) << plans;
  EXPECT_NE(plans.find("WHERE NOT EXISTS"), std::string::npos) << plans;
  EXPECT_NE(plans.find("rule plans_log on plans (ON UPDATE DO ALSO)"), std::string::npos) << plans;
  std::string log = json["diagnostics"][1]["help"].get<std::string>();
  EXPECT_NE(log.find("add ON CONFLICT (<key>)"), std::string::npos) << log;
}

TEST(CliRules, TheIdempotencyRulesAreListedAndExplained) {
  auto result = run_sqlgate({"rules", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0);
  std::set<std::string> idempotency;
  auto listed = nlohmann::json::parse(result.out);
  for (const auto& rule : listed["rules"]) {
    if (rule["category"] == "idempotency") idempotency.insert(rule["id"].get<std::string>());
  }
  EXPECT_EQ(idempotency, (std::set<std::string>{
                             "require-if-not-exists", "require-if-exists", "require-or-replace",
                             "require-index-name", "guard-create", "guard-add-constraint",
                             "guard-rename", "require-on-conflict", "require-idempotent-update"}));
  auto page = run_sqlgate({"explain", "guard-create"});
  EXPECT_EQ(page.exit_code, 0);
  EXPECT_TRUE(page.out.starts_with("# guard-create\n")) << page.out;
}

}  // namespace
}  // namespace sqlgate
