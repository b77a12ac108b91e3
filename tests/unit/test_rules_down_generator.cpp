// Down generation: the down each up gets, built from the catalog replay of the up.
#include <gtest/gtest.h>

#include "lint/catalog.h"
#include "lint/directives.h"
#include "lint/engine.h"
#include "rules/pairing/down_generator.h"
#include "rules/registry.h"

namespace sqlgate::rules::pairing {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// A migration set in memory, parsed and replayed, and the down generated for its last up.
class Generated {
 public:
  explicit Generated(const Files& files) {
    std::vector<lint::SourceFile> sources;
    for (const auto& [name, text] : files) {
      lint::SourceFile source;
      source.path = name;
      source.display = name;
      source.text = text;
      lint::classify(source);
      sources.push_back(std::move(source));
    }
    m_set = lint::make_set(std::move(sources));
    std::vector<std::unique_ptr<lint::ParsedFile>> parsed;
    for (const auto& file : m_set.files) parsed.push_back(lint::ParsedFile::parse(file));
    m_project = std::make_unique<lint::Project>(m_set, std::move(parsed), 15);
    m_project->set_catalog(lint::Catalog::build(*m_project));
    m_up = static_cast<std::size_t>(m_set.find(files.back().first));
    down = generate_down(*m_project, m_up);
  }

  // The set with the generated down beside the up, linted with every rule: the findings in
  // the down.
  lint::LintResult lint_with_down() const {
    std::vector<lint::SourceFile> files = m_set.files;
    lint::SourceFile file;
    file.path = down_file();
    file.display = file.path.string();
    file.text = down.text;
    lint::classify(file);
    files.push_back(std::move(file));
    lint::MigrationSet set = lint::make_set(std::move(files));
    lint::RuleSet rules = make_rule_set();
    lint::RuleSelection all;
    all.enable_all = true;
    rules.configure(all);
    lint::LintResult result = lint::lint(set, rules, lint::LintOptions{1, 15, {}});
    std::erase_if(result.diagnostics,
                  [&](const lint::Diagnostic& d) { return d.file != down_file(); });
    return result;
  }
  std::string down_file() const { return down_name(m_set.files[m_up].path.string()); }

  GeneratedDown down;

 private:
  lint::MigrationSet m_set;
  std::unique_ptr<lint::Project> m_project;
  std::size_t m_up = 0;
};

std::string findings(const lint::LintResult& result) {
  std::string text;
  for (const auto& d : result.diagnostics) {
    text += d.file + ":" + std::to_string(d.start.line) + " " + d.rule + ": " + d.message + "\n";
  }
  return text;
}

const std::string k_users = R"sql(CREATE TABLE IF NOT EXISTS users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text,
  mail text
);
)sql";
const std::string k_users_down = "DROP TABLE IF EXISTS users;\n";

TEST(DownGenerator, DropsTablesInReverseOrderWithWhatGoesWithThem) {
  Generated g(Files{{"1_campaigns.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS campaigns (id bigserial PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS campaign_targets (
  id bigserial PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id),
  target text NOT NULL,
  UNIQUE (campaign_id, target)
);
CREATE INDEX IF NOT EXISTS campaign_targets_target_idx ON campaign_targets (target);
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS campaign_targets;\n"
            "DROP TABLE IF EXISTS campaigns;\n");
  EXPECT_EQ(g.down.statements, 2u);
  EXPECT_TRUE(g.down.todo.empty());
  EXPECT_FALSE(g.down.no_transaction);
  EXPECT_TRUE(g.down.text.starts_with("-- Reverses 1_campaigns.up.sql")) << g.down.text;
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, DropsATableWithAForeignKeyBeforeTheTableItReferences) {
  // Created first, but its foreign key (added last) points at the second table.
  Generated g(Files{{"1_orders.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE TABLE IF NOT EXISTS customers (id bigint PRIMARY KEY);
DO $$
BEGIN
  ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
    REFERENCES customers (id);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS orders;\n"
            "DROP TABLE IF EXISTS customers;\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, TablesWhoseForeignKeysFormACycleAreDroppedTogether) {
  Generated g(Files{{"1_cycle.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY);
CREATE TABLE IF NOT EXISTS caches (id int PRIMARY KEY, config_id int);
CREATE TABLE IF NOT EXISTS configs (id int PRIMARY KEY, cache_id int REFERENCES caches (id));
DO $$
BEGIN
  ALTER TABLE caches ADD CONSTRAINT caches_config_fk FOREIGN KEY (config_id) REFERENCES configs (id);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS configs, caches;\n"
            "DROP TABLE IF EXISTS notes;\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, FunctionsAndTypesGoAfterTheTablesAndTriggersUsingThem) {
  Generated g(Files{{"1_base.up.sql", k_users}, {"2_audit.up.sql", R"sql(
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA IF NOT EXISTS audit;
DO $$
BEGIN
  CREATE TYPE audit.action AS ENUM ('insert', 'update');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE SEQUENCE IF NOT EXISTS audit.entry_seq;
CREATE OR REPLACE FUNCTION audit.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.at := now();
  RETURN NEW;
END $$;
CREATE TABLE IF NOT EXISTS audit.entries (
  id bigint PRIMARY KEY DEFAULT nextval('audit.entry_seq'),
  action audit.action NOT NULL,
  at timestamptz
);
CREATE OR REPLACE TRIGGER entries_stamp BEFORE INSERT ON audit.entries
  FOR EACH ROW EXECUTE FUNCTION audit.stamp();
CREATE OR REPLACE VIEW audit.recent AS SELECT id, action FROM audit.entries;
CREATE OR REPLACE FUNCTION public.user_count(since timestamptz, kind text) RETURNS bigint
  LANGUAGE sql AS $$ SELECT count(*) FROM users $$;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP FUNCTION IF EXISTS user_count(timestamptz,text);\n"
            "DROP VIEW IF EXISTS audit.recent;\n"
            "DROP TABLE IF EXISTS audit.entries;\n"
            "DROP FUNCTION IF EXISTS audit.stamp();\n"
            "DROP SEQUENCE IF EXISTS audit.entry_seq;\n"
            "DROP TYPE IF EXISTS audit.action;\n"
            "DROP SCHEMA IF EXISTS audit;\n"
            "DROP EXTENSION IF EXISTS pgcrypto;\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, WhatUsesAFunctionOrAnExtensionGoesBeforeIt) {
  Generated g(Files{{"1_links.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS links (id text PRIMARY KEY, url text NOT NULL);
CREATE OR REPLACE FUNCTION gen_link_id() RETURNS text
  LANGUAGE sql AS $$ SELECT substr(md5(random()::text), 1, 8) $$;
ALTER TABLE links ALTER COLUMN id SET DEFAULT gen_link_id();
CREATE EXTENSION citext;
ALTER TABLE links ADD COLUMN IF NOT EXISTS owner_email citext;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS links;\n"
            "DROP EXTENSION IF EXISTS citext;\n"
            "DROP FUNCTION IF EXISTS gen_link_id();\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, ReversesChangesToAnExistingTable) {
  Generated g(
      Files{{"1_users.up.sql", k_users}, {"2_profile.up.sql", R"sql(-- sqlgate:no-transaction
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text CHECK (length(nickname) < 40);
UPDATE users SET nickname = split_part(email, '@', 1) WHERE nickname IS NULL;
DO $$
BEGIN
  ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
EXCEPTION WHEN duplicate_table OR duplicate_object THEN NULL;
END $$;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS users_mail_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_mail_idx ON users (mail);
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP INDEX CONCURRENTLY IF EXISTS users_mail_idx;\n"
            "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n"
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;\n"
            "ALTER TABLE users DROP COLUMN IF EXISTS nickname;\n");
  EXPECT_TRUE(g.down.no_transaction);
  EXPECT_NE(g.down.text.find("\n-- sqlgate:no-transaction\n"), std::string::npos) << g.down.text;
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, SwitchesRowLevelSecurityBack) {
  Generated g(Files{{"1_users.up.sql", k_users}, {"2_rls.up.sql", R"sql(
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER TABLE users NO FORCE ROW LEVEL SECURITY;\n"
            "ALTER TABLE users DISABLE ROW LEVEL SECURITY;\n");
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, SetsSettingsBackToDefaultsOrToWhatAnEarlierMigrationSet) {
  Generated g(Files{{"1_users.up.sql", k_users},
                    {"2_comment.up.sql", "COMMENT ON TABLE users IS 'first';\n"},
                    {"3_settings.up.sql", R"sql(
COMMENT ON TABLE users IS 'second';
COMMENT ON COLUMN users.email IS 'where mail goes';
ALTER TABLE users SET (fillfactor = 70, toast.autovacuum_enabled = false);
ALTER TABLE users SET UNLOGGED;
ALTER TABLE users DISABLE TRIGGER ALL;
ALTER TABLE users ALTER COLUMN email SET STATISTICS 500;
ALTER TABLE users ALTER COLUMN mail SET STORAGE EXTERNAL;
ALTER TABLE users REPLICA IDENTITY FULL;
ALTER TABLE users OWNER TO app_owner;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "-- sqlgate:irreversible TODO: the up changes the owner of table users; sqlgate does "
            "not know what it was before (up line 10)\n"
            "ALTER TABLE users REPLICA IDENTITY DEFAULT;\n"
            "-- sqlgate:irreversible TODO: the up changes the storage of column users.mail; "
            "sqlgate does not know what it was before (up line 8)\n"
            "ALTER TABLE users ALTER COLUMN email SET STATISTICS -1;\n"
            "ALTER TABLE users ENABLE TRIGGER ALL;\n"
            "ALTER TABLE users SET LOGGED;\n"
            "ALTER TABLE users RESET (fillfactor, toast.autovacuum_enabled);\n"
            "COMMENT ON COLUMN users.email IS NULL;\n"
            "COMMENT ON TABLE users IS 'first';\n");
  // Only the two TODO lines are left to settle; down-not-reversing has nothing to say.
  std::string found = findings(g.lint_with_down());
  EXPECT_EQ(found.find("down-not-reversing"), std::string::npos) << found;
  EXPECT_NE(found.find("the up changes the owner of table users"), std::string::npos) << found;
}

TEST(DownGenerator, DoesNotResetAStorageParameterTheTableWasCreatedWith) {
  // RESET would not give the table back its 80.
  Generated g(
      Files{{"1_t.up.sql", "CREATE TABLE IF NOT EXISTS t (id int) WITH (fillfactor = 80);\n"},
            {"2_t.up.sql", "ALTER TABLE t SET (fillfactor = 60);\n"}});
  EXPECT_EQ(g.down.body,
            "-- sqlgate:irreversible TODO: the up changes storage parameters (fillfactor) of table "
            "t; set back what 1_t.up.sql line 1 set (up line 1)\n");
}

TEST(DownGenerator, LeavesATriggerSwitchedBothWaysByTheUpAlone) {
  Generated g(Files{{"1_users.up.sql", k_users}, {"2_fix.up.sql", R"sql(
ALTER TABLE users DISABLE TRIGGER USER;
UPDATE users SET mail = lower(mail) WHERE mail <> lower(mail);
ALTER TABLE users ENABLE TRIGGER USER;
)sql"}});
  EXPECT_EQ(g.down.body,
            "-- sqlgate:irreversible TODO: the up updates rows of table users (up line 3)\n");
}

TEST(DownGenerator, LeavesPublicItsDefaultExecuteOnAFunction) {
  const std::string function =
      "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n";
  // PUBLIC may run a new function: a REVOKE in the down would take away what it had before.
  Generated fresh(Files{{"1_f.up.sql", function},
                        {"2_grant.up.sql", "GRANT EXECUTE ON FUNCTION f() TO PUBLIC, app;\n"}});
  EXPECT_EQ(fresh.down.body,
            "SET lock_timeout = '5s';\n"
            "REVOKE EXECUTE ON FUNCTION f() FROM app;\n");
  // Taken from PUBLIC by an earlier migration: the GRANT gives it back, the down takes it again.
  Generated revoked(Files{{"1_f.up.sql", function + "REVOKE ALL ON FUNCTION f() FROM PUBLIC;\n"},
                          {"2_grant.up.sql", "GRANT EXECUTE ON FUNCTION f() TO PUBLIC;\n"}});
  EXPECT_EQ(revoked.down.body,
            "SET lock_timeout = '5s';\n"
            "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;\n");
}

TEST(DownGenerator, LeavesWhatTheDefaultPrivilegesGaveATableOrFunctionAlone) {
  // reader may read every table made in public since the ALTER DEFAULT PRIVILEGES: the up's
  // GRANT gives it nothing new, and a REVOKE in the down would take what it had.
  Generated table(Files{
      {"1_defaults.up.sql",
       "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reader;\n" + k_users},
      {"2_grant.up.sql", "GRANT SELECT ON users TO reader, app;\n"}});
  EXPECT_EQ(table.down.body,
            "SET lock_timeout = '5s';\n"
            "REVOKE SELECT ON TABLE users FROM app;\n");
  // Functions made after the default privileges took EXECUTE from PUBLIC never gave it: the up's
  // REVOKE takes nothing the migrations gave, and a GRANT in the down would let every role call
  // f. What PUBLIC may hold from outside them is the author's to say.
  Generated function(
      Files{{"1_f.up.sql",
             "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
             "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"},
            {"2_lock.up.sql",
             "REVOKE ALL ON FUNCTION f() FROM PUBLIC;\n"
             "GRANT EXECUTE ON FUNCTION f() TO app;\n"}});
  EXPECT_EQ(function.down.body,
            "SET lock_timeout = '5s';\n"
            "REVOKE EXECUTE ON FUNCTION f() FROM app;\n"
            "-- sqlgate:irreversible TODO: the up revokes privileges on function f(): grant back "
            "what the roles had before, if they had it (up line 1)\n");
}

TEST(DownGenerator, GrantsBackWhatTheUpRevokes) {
  Generated g(Files{
      {"1_users.up.sql", k_users + "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS "
                                   "'SELECT 1';\nGRANT SELECT ON users TO reader;\n"},
      {"2_lock.up.sql",
       "REVOKE ALL ON users FROM reader, nobody;\n"
       "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;\n"}});
  // reader's SELECT as the earlier migration granted it; PUBLIC's EXECUTE, which every new
  // function gives; nobody had nothing.
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "GRANT EXECUTE ON FUNCTION f() TO PUBLIC;\n"
            "GRANT SELECT ON users TO reader;\n");
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
}

TEST(DownGenerator, RevokesDefaultPrivilegesTheUpGrants) {
  Generated g(Files{{"1_defaults.up.sql",
                     "ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA app GRANT SELECT, UPDATE "
                     "ON TABLES TO reader, \"Writer\";\n"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA app REVOKE SELECT, UPDATE ON TABLES "
            "FROM reader, \"Writer\";\n");
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
}

TEST(DownGenerator, GrantsBackDefaultPrivilegesHeldBeforeTheUp) {
  Generated g(Files{
      {"1_defaults.up.sql",
       "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO reporting;\n"},
      {"2_lock.up.sql",
       "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
       "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE INSERT ON TABLES FROM reporting, "
       "auditor;\n"
       "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO auditor;\n"
       "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SEQUENCES FROM auditor;\n"
       "ALTER DEFAULT PRIVILEGES REVOKE GRANT OPTION FOR SELECT ON TABLES FROM reporting;\n"}});
  // PUBLIC's EXECUTE on new functions (PostgreSQL's default) and reporting's INSERT (the
  // earlier GRANT) come back; auditor held nothing, and the USAGE the up granted it is gone
  // again; a grant option taken leaves the privileges.
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SEQUENCES FROM auditor;\n"
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO reporting;\n"
            "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;\n");
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, GivesAPublicationBackWhatItPublishedBefore) {
  const std::string sales =
      R"sql(CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, total int);
CREATE TABLE IF NOT EXISTS refunds (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY);
CREATE PUBLICATION sales FOR TABLE orders (id, total) WHERE (total > 0), refunds
  WITH (publish = 'insert, update');
)sql";
  Generated g(Files{{"1_sales.up.sql", sales},
                    {"2_audit.up.sql",
                     "ALTER PUBLICATION sales ADD TABLE audit;\n"
                     "ALTER PUBLICATION sales DROP TABLE orders;\n"
                     "ALTER PUBLICATION sales SET (publish = 'insert', "
                     "publish_via_partition_root = true);\n"}});
  // The options as CREATE PUBLICATION left them (publish_via_partition_root by default false),
  // orders with its column list and row filter; each ADD / DROP caught for a second run.
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER PUBLICATION sales SET (publish = 'insert, update', publish_via_partition_root = "
            "false);\n"
            "DO $$\nBEGIN\n  ALTER PUBLICATION sales ADD TABLE orders (id, total) WHERE (total > "
            "0);\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\n"
            "DO $$\nBEGIN\n  ALTER PUBLICATION sales DROP TABLE audit;\nEXCEPTION WHEN "
            "undefined_object THEN NULL;\nEND $$;\n");
  EXPECT_TRUE(g.down.todo.empty()) << g.down.todo.front();
  EXPECT_EQ(findings(g.lint_with_down()), "");

  // SET TABLE: the members it had before the statement (audit, added by the earlier up).
  Generated set(Files{{"1_sales.up.sql", sales},
                      {"2_audit.up.sql", "ALTER PUBLICATION sales ADD TABLE audit;\n"},
                      {"3_only_refunds.up.sql", "ALTER PUBLICATION sales SET TABLE refunds;\n"}});
  EXPECT_EQ(
      set.down.body,
      "SET lock_timeout = '5s';\n"
      "ALTER PUBLICATION sales SET TABLE orders (id, total) WHERE (total > 0), TABLE refunds, "
      "TABLE audit;\n");
  EXPECT_EQ(findings(set.lint_with_down()), "");
}

TEST(DownGenerator, LeavesWhatAPublicationHadBeforeToTheAuthorWhenUnknown) {
  Generated g(Files{{"1_ext.up.sql",
                     "ALTER PUBLICATION ext ADD TABLE audit, TABLES IN SCHEMA app;\n"
                     "ALTER PUBLICATION ext SET (publish = 'insert');\n"
                     "ALTER PUBLICATION ext SET TABLE refunds;\n"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "-- sqlgate:irreversible TODO: the up sets the tables of publication ext, and sqlgate "
            "does not know those it published before (up line 3)\n"
            "-- sqlgate:irreversible TODO: the up changes the options of publication ext, and "
            "sqlgate does not know what they were before (up line 2)\n"
            "DO $$\nBEGIN\n  ALTER PUBLICATION ext DROP TABLE audit, TABLES IN SCHEMA app;\n"
            "EXCEPTION WHEN undefined_object THEN NULL;\nEND $$;\n");
}

TEST(DownGenerator, RevokesWhatTheUpGrantsOnExistingObjects) {
  Generated g(Files{{"1_users.up.sql", k_users}, {"2_grants.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY);
GRANT SELECT, UPDATE (email) ON users, audit TO "Reporting", PUBLIC;
REVOKE INSERT ON users FROM PUBLIC;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "-- sqlgate:irreversible TODO: the up revokes privileges on table users: grant back "
            "what the roles had before, if they had it (up line 4)\n"
            "REVOKE SELECT, UPDATE (email) ON TABLE users FROM \"Reporting\", PUBLIC;\n"
            "DROP TABLE IF EXISTS audit;\n");
  ASSERT_EQ(g.down.todo.size(), 1u);
  EXPECT_NE(g.down.todo.front().find("revokes privileges on table users"), std::string::npos)
      << g.down.todo.front();
}

TEST(DownGenerator, AConstraintListedBeforeItsColumnGoesWithTheColumn) {
  Generated g(Files{{"1_users.up.sql", k_users}, {"2_level.up.sql", R"sql(
ALTER TABLE users ADD CONSTRAINT users_level_check CHECK (level > 0),
  ADD COLUMN IF NOT EXISTS level int NOT NULL DEFAULT 1;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER TABLE users DROP COLUMN IF EXISTS level;\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, RenamesBackGuarded) {
  Generated g(Files{{"1_users.up.sql", k_users + "CREATE TABLE IF NOT EXISTS legacy (id int);\n"},
                    {"2_rename.up.sql", R"sql(
-- sqlgate:run-once the app reads both names during the deploy
ALTER TABLE users RENAME COLUMN mail TO backup_email;
ALTER TABLE IF EXISTS legacy RENAME TO archive;
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "ALTER TABLE IF EXISTS archive RENAME TO legacy;\n"
            "DO $$\n"
            "BEGIN\n"
            "  IF EXISTS (SELECT FROM information_schema.columns\n"
            "             WHERE table_schema = 'public' AND table_name = 'users'\n"
            "               AND column_name = 'backup_email') THEN\n"
            "    ALTER TABLE users RENAME COLUMN backup_email TO mail;\n"
            "  END IF;\n"
            "END $$;\n");
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, DeletesSeedRowsByTheirKeys) {
  Generated g(Files{{"1_roles.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS roles (id int PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS grants (role_id int, scope text, PRIMARY KEY (role_id, scope));
)sql"},
                    {"2_seed.up.sql", R"sql(
INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'o''brien') ON CONFLICT (id) DO NOTHING;
INSERT INTO roles (name, id) VALUES ('guest', -3), ('nobody', 0), ('x', - 4) ON CONFLICT DO NOTHING;
INSERT INTO grants VALUES (1, 'all'), (2, 'read'::text) ON CONFLICT ON CONSTRAINT grants_pkey
  DO NOTHING;
)sql"}});
  EXPECT_EQ(g.down.body,
            "DELETE FROM grants WHERE (role_id, scope) IN ((1, 'all'), (2, 'read'));\n"
            "DELETE FROM roles WHERE id IN (-3, 0, -4);\n"
            "DELETE FROM roles WHERE id IN (1, 2);\n");
  EXPECT_TRUE(g.down.deletes_rows);
  EXPECT_TRUE(g.down.todo.empty());
  EXPECT_EQ(findings(g.lint_with_down()), "");
}

TEST(DownGenerator, WhatCannotBeReversedBecomesATodoLine) {
  Generated g(Files{{"1_users.up.sql", k_users + "CREATE TABLE IF NOT EXISTS legacy (id int);\n" +
                                           "CREATE TYPE mood AS ENUM ('ok');\n"},
                    {"2_cleanup.up.sql", R"sql(
UPDATE users SET email = lower(email);
DROP TABLE IF EXISTS legacy;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'great';
INSERT INTO users (email) VALUES ('root@example.com');
REVOKE SELECT ON users FROM PUBLIC;
CREATE TABLE IF NOT EXISTS notes (id int);
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS notes;\n"
            "-- sqlgate:irreversible TODO: the up revokes privileges on table users: grant back "
            "what the roles had before, if they had it (up line 6)\n"
            "-- sqlgate:irreversible TODO: the up inserts rows into table users without writing "
            "their key id (up line 5)\n"
            "-- sqlgate:irreversible TODO: the up adds a value to type mood, which PostgreSQL "
            "cannot remove (up line 4)\n"
            "-- sqlgate:irreversible TODO: the up drops table legacy, which the down cannot "
            "recreate (up line 3)\n"
            "-- sqlgate:irreversible TODO: the up updates rows of table users (up line 2)\n");
  EXPECT_EQ(g.down.todo.size(), 5u);
  EXPECT_EQ(g.down.statements, 1u);
  // Each line stays a finding until the author decides.
  lint::LintResult result = g.lint_with_down();
  std::size_t unconfirmed_lines = 0;
  for (const auto& d : result.diagnostics) {
    if (d.rule == "missing-down") ++unconfirmed_lines;
  }
  EXPECT_EQ(unconfirmed_lines, 5u) << findings(result);
}

TEST(DownGenerator, AnUpWithNothingToReverseStillGetsALineToDecide) {
  Generated g(Files{{"1_settings.up.sql", "SET lock_timeout = '5s';\nSELECT 1;\n"}});
  EXPECT_EQ(g.down.statements, 0u);
  ASSERT_EQ(g.down.todo.size(), 1u);
  EXPECT_NE(g.down.body.find("-- sqlgate:irreversible TODO: "), std::string::npos);
}

TEST(DownGenerator, BackfillOfANewColumnNeedsNothingMore) {
  Generated g(Files{{"1_users.up.sql", k_users}, {"2_backfill.up.sql", R"sql(
ALTER TABLE users ADD COLUMN IF NOT EXISTS domain text;
UPDATE users SET domain = split_part(email, '@', 2);
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN IF EXISTS domain;\n");
}

TEST(DownGenerator, QuotesIdentifiersOnlyWhenNeeded) {
  Generated g(Files{{"1_odd.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS "Order Items" (id int);
CREATE TABLE IF NOT EXISTS "user" (id int);
CREATE TABLE IF NOT EXISTS plain_name (id int);
)sql"}});
  EXPECT_EQ(g.down.body,
            "SET lock_timeout = '5s';\n"
            "DROP TABLE IF EXISTS plain_name;\n"
            "DROP TABLE IF EXISTS \"user\";\n"
            "DROP TABLE IF EXISTS \"Order Items\";\n");
}

TEST(DownGenerator, UnconfirmedIsOnlyTheGeneratedReason) {
  auto directive = [](std::string_view text) { return *lint::parse_directive(text, 0); };
  EXPECT_TRUE(unconfirmed(directive("-- sqlgate:irreversible TODO: the up drops table x")));
  EXPECT_FALSE(unconfirmed(directive("-- sqlgate:irreversible enum values stay")));
  EXPECT_FALSE(unconfirmed(directive("-- sqlgate:run-once TODO: later")));
}

TEST(DownGenerator, DownName) {
  EXPECT_EQ(down_name("20251220123456_add_campaigns.up.sql"),
            "20251220123456_add_campaigns.down.sql");
  EXPECT_EQ(down_name("1_x.up.pgsql"), "1_x.down.pgsql");
}

}  // namespace
}  // namespace sqlgate::rules::pairing
