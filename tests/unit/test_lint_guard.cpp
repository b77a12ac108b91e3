#include <gtest/gtest.h>

#include "lint/guard.h"
#include "lint/guard_match.h"
#include "lint/sql.h"

namespace sqlgate::lint {
namespace {

struct Parsed {
  SourceFile source;
  std::unique_ptr<ParsedFile> file;
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto parsed = std::make_unique<Parsed>();
  parsed->source.path = "1_x.up.sql";
  parsed->source.display = "1_x.up.sql";
  parsed->source.text = std::move(text);
  classify(parsed->source);
  parsed->file = ParsedFile::parse(parsed->source);
  EXPECT_FALSE(parsed->file->error()) << parsed->file->error()->message;
  return parsed;
}

// The guard of the embedded statement whose text starts with `start`.
std::optional<Guard> guard_of(const ParsedFile& file, std::string_view start,
                              std::vector<Condition> errors,
                              std::vector<RelationName> tables = {}) {
  GuardAnalysis analysis(file);
  for (const Statement& statement : file.embedded()) {
    if (file.slice(statement.range).starts_with(start)) {
      return analysis.find(statement, GuardQuery{std::move(errors), std::move(tables)});
    }
  }
  ADD_FAILURE() << "no embedded statement starts with " << start;
  return std::nullopt;
}

Node first_statement(const ParsedFile& file) {
  return file.statements().front().node;
}

TEST(GuardConditions, HandlersCatchByNameSqlstateClassOrOthers) {
  EXPECT_TRUE(catches("duplicate_object", condition::duplicate_object));
  EXPECT_TRUE(catches("DUPLICATE_OBJECT", condition::duplicate_object));
  EXPECT_FALSE(catches("duplicate_table", condition::duplicate_object));
  EXPECT_FALSE(catches("duplicate_object", condition::duplicate_table));
  EXPECT_TRUE(catches("42P07", condition::duplicate_table));
  EXPECT_FALSE(catches("42P07", condition::duplicate_object));
  EXPECT_TRUE(catches("42000", condition::undefined_column)) << "a class catches its members";
  EXPECT_TRUE(catches("syntax_error_or_access_rule_violation", condition::duplicate_object));
  EXPECT_TRUE(catches("integrity_constraint_violation", condition::unique_violation));
  EXPECT_FALSE(catches("integrity_constraint_violation", condition::duplicate_object));
  EXPECT_TRUE(catches("others", condition::invalid_schema_name));
  EXPECT_TRUE(catches("OTHERS", condition::wrong_object_type));
  EXPECT_FALSE(catches("division_by_zero", condition::duplicate_object));
}

TEST(GuardConditions, RepeatErrorsAsPostgresRaisesThem) {
  struct Case {
    std::string sql;
    std::optional<Condition> error;
  };
  std::vector<Case> cases = {
      {"CREATE TABLE t (a int)", condition::duplicate_table},
      {"CREATE TABLE IF NOT EXISTS t (a int)", std::nullopt},
      {"CREATE INDEX i ON t (a)", condition::duplicate_table},
      {"CREATE INDEX ON t (a)", std::nullopt},
      {"CREATE SCHEMA s", condition::duplicate_schema},
      {"CREATE TYPE e AS ENUM ('a')", condition::duplicate_object},
      {"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", condition::duplicate_function},
      {"CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", std::nullopt},
      {"CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple)", condition::unique_violation},
      {"DROP TABLE t", condition::undefined_table},
      {"DROP INDEX i", condition::undefined_object},
      {"DROP SCHEMA s", condition::invalid_schema_name},
      {"DROP FUNCTION f()", condition::undefined_function},
      {"DROP TABLE IF EXISTS t", std::nullopt},
      {"ALTER TABLE t RENAME COLUMN a TO b", condition::undefined_column},
      {"ALTER TABLE IF EXISTS t RENAME COLUMN a TO b", condition::undefined_column},
      {"ALTER TABLE t RENAME TO u", condition::undefined_table},
      {"ALTER TABLE IF EXISTS t RENAME TO u", std::nullopt},
      {"ALTER POLICY p ON t RENAME TO q", condition::duplicate_object},
      {"ALTER TYPE e RENAME VALUE 'a' TO 'b'", condition::invalid_parameter_value},
      {"ALTER TYPE e ADD VALUE 'b'", condition::duplicate_object},
      {"ALTER TYPE e ADD VALUE IF NOT EXISTS 'b'", std::nullopt},
      {"ALTER EXTENSION e SET SCHEMA s", std::nullopt},
      {"INSERT INTO t VALUES (1)", condition::unique_violation},
      {"INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", std::nullopt},
      {"CREATE TEMP TABLE t (a int)", std::nullopt},
  };
  for (const auto& c : cases) {
    auto parsed = parse(c.sql);
    auto error = repeat_error(first_statement(*parsed->file));
    EXPECT_EQ(error.has_value(), c.error.has_value()) << c.sql;
    if (error && c.error) {
      EXPECT_EQ(error->sqlstate, c.error->sqlstate) << c.sql;
    }
  }
}

TEST(GuardConditions, RepeatErrorsOfAlterSubcommands) {
  auto parsed = parse(
      "ALTER TABLE t ADD COLUMN a int, ADD COLUMN IF NOT EXISTS b int, DROP COLUMN c, "
      "ADD CONSTRAINT k CHECK (a > 0), ADD CONSTRAINT u UNIQUE (a), ADD PRIMARY KEY (a), "
      "ADD UNIQUE (b), ADD CONSTRAINT p PRIMARY KEY USING INDEX i, DROP CONSTRAINT x, "
      "DROP CONSTRAINT IF EXISTS y, ADD CONSTRAINT j UNIQUE USING INDEX j, "
      "ADD PRIMARY KEY USING INDEX k");
  Node statement = first_statement(*parsed->file);
  std::vector<std::optional<Condition>> expected = {
      condition::duplicate_column,
      std::nullopt,
      condition::undefined_column,
      condition::duplicate_object,
      condition::duplicate_table,
      condition::invalid_table_definition,
      std::nullopt,
      condition::undefined_object,
      condition::undefined_object,
      std::nullopt,
      // The index is the constraint's after the first run: "already associated with a constraint".
      condition::object_not_in_prerequisite_state,
      condition::object_not_in_prerequisite_state,
  };
  std::size_t i = 0;
  for (Node command : statement.list("cmds")) {
    ASSERT_LT(i, expected.size());
    auto error = repeat_error(statement, command);
    EXPECT_EQ(error.has_value(), expected[i].has_value()) << "subcommand " << i;
    if (error && expected[i]) {
      EXPECT_EQ(error->name, expected[i]->name) << "subcommand " << i;
    }
    ++i;
  }
  EXPECT_EQ(i, expected.size());

  auto attach = parse("ALTER TABLE p ATTACH PARTITION q FOR VALUES IN (1)");
  Node alter = first_statement(*attach->file);
  auto error = repeat_error(alter, alter.list("cmds").front());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->sqlstate, "42809");

  auto index = parse("ALTER INDEX p_a ATTACH PARTITION q_a");
  Node attach_index = first_statement(*index->file);
  EXPECT_FALSE(repeat_error(attach_index, attach_index.list("cmds").front()))
      << "attaching an attached index does nothing";
}

TEST(GuardAnalysis, ExceptionHandlerMustCatchWhatTheRepeatRaises) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  CREATE TYPE a AS ENUM ('x');\n"
      "EXCEPTION WHEN duplicate_object THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  CREATE TYPE b AS ENUM ('x');\n"
      "EXCEPTION WHEN duplicate_table THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  CREATE TYPE c AS ENUM ('x');\n"
      "EXCEPTION WHEN duplicate_object THEN RAISE;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  BEGIN\n"
      "    CREATE TYPE d AS ENUM ('x');\n"
      "  EXCEPTION WHEN division_by_zero THEN NULL;\n"
      "  END;\n"
      "EXCEPTION WHEN SQLSTATE '42710' THEN RAISE NOTICE 'exists';\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  PERFORM 1;\n"
      "EXCEPTION WHEN OTHERS THEN\n"
      "  CREATE TYPE e AS ENUM ('x');\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  auto a = guard_of(file, "CREATE TYPE a", {condition::duplicate_object});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, GuardKind::exception_handler);
  EXPECT_EQ(a->test, "duplicate_object");
  EXPECT_FALSE(guard_of(file, "CREATE TYPE b", {condition::duplicate_object}));
  EXPECT_FALSE(guard_of(file, "CREATE TYPE c", {condition::duplicate_object}))
      << "a handler that raises again guards nothing";
  auto d = guard_of(file, "CREATE TYPE d", {condition::duplicate_object});
  ASSERT_TRUE(d) << "an outer block's handler";
  EXPECT_EQ(d->test, "42710");
  EXPECT_FALSE(guard_of(file, "CREATE TYPE e", {condition::duplicate_object}))
      << "a statement in a handler is not guarded by that handler";
  EXPECT_FALSE(guard_of(file, "CREATE TYPE a", {})) << "nothing raised: only a test guards";
}

TEST(GuardAnalysis, TheRestOfABlockIsNotReachedAfterACaughtFailure) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  CREATE TYPE a AS ENUM ('x');\n"
      "  INSERT INTO roles VALUES ('admin');\n"
      "  IF true THEN\n"
      "    UPDATE accounts SET n = n + 1;\n"
      "  END IF;\n"
      "EXCEPTION WHEN duplicate_object THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  CREATE TEMP TABLE scratch (id int);\n"
      "  INSERT INTO roles VALUES ('viewer');\n"
      "EXCEPTION WHEN duplicate_table THEN NULL;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  IF false THEN\n"
      "    CREATE TYPE b AS ENUM ('x');\n"
      "  END IF;\n"
      "  INSERT INTO roles VALUES ('editor');\n"
      "EXCEPTION WHEN duplicate_object THEN NULL;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  auto insert = guard_of(file, "INSERT INTO roles VALUES ('admin')", {});
  ASSERT_TRUE(insert);
  EXPECT_EQ(insert->kind, GuardKind::not_reached);
  EXPECT_EQ(insert->test, "duplicate_object");
  EXPECT_TRUE(guard_of(file, "UPDATE accounts", {})) << "nested in the same block";
  EXPECT_FALSE(guard_of(file, "INSERT INTO roles VALUES ('viewer')", {}))
      << "a temporary table is made again without an error";
  EXPECT_FALSE(guard_of(file, "INSERT INTO roles VALUES ('editor')", {}))
      << "a statement in a branch may not run";
}

TEST(GuardAnalysis, BranchesTakenAfterACatalogTest) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'a') THEN\n"
      "    CREATE TYPE a AS ENUM ('x');\n"
      "  END IF;\n"
      "  IF to_regclass('t') IS NOT NULL THEN\n"
      "    NULL;\n"
      "  ELSE\n"
      "    CREATE TABLE t (id int);\n"
      "  END IF;\n"
      "  IF (SELECT count(*) FROM users) > 0 THEN\n"
      "    CREATE TYPE b AS ENUM ('x');\n"
      "  ELSIF EXISTS (SELECT FROM information_schema.columns WHERE column_name = 'c') THEN\n"
      "    ALTER TABLE t RENAME COLUMN c TO d;\n"
      "  END IF;\n"
      "  CASE WHEN to_regtype('e') IS NULL THEN\n"
      "    CREATE TYPE e AS ENUM ('x');\n"
      "  ELSE\n"
      "    NULL;\n"
      "  END CASE;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  auto a = guard_of(file, "CREATE TYPE a", {});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, GuardKind::catalog_test);
  EXPECT_EQ(a->test, "NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'a')");
  EXPECT_TRUE(guard_of(file, "CREATE TABLE t", {})) << "the ELSE of a catalog test";
  EXPECT_FALSE(guard_of(file, "CREATE TYPE b", {})) << "a test of the data is no guard";
  EXPECT_TRUE(guard_of(file, "ALTER TABLE t RENAME", {})) << "an ELSIF that tests the catalog";
  EXPECT_TRUE(guard_of(file, "CREATE TYPE e", {})) << "CASE WHEN";
}

TEST(GuardAnalysis, FoundAndVariablesSetFromTheCatalog) {
  auto parsed = parse(
      "DO $$\n"
      "DECLARE\n"
      "  has_d boolean := to_regtype('d') IS NOT NULL;\n"
      "  n int;\n"
      "  e boolean;\n"
      "BEGIN\n"
      "  PERFORM 1 FROM pg_catalog.pg_type WHERE typname = 'a';\n"
      "  IF NOT FOUND THEN\n"
      "    CREATE TYPE a AS ENUM ('x');\n"
      "  END IF;\n"
      "  UPDATE users SET name = name;\n"
      "  IF NOT FOUND THEN\n"
      "    CREATE TYPE b AS ENUM ('x');\n"
      "  END IF;\n"
      "  SELECT count(*) INTO n FROM information_schema.columns WHERE column_name = 'c';\n"
      "  IF n = 0 THEN\n"
      "    ALTER TABLE t ADD COLUMN c int;\n"
      "  END IF;\n"
      "  IF NOT has_d THEN\n"
      "    CREATE TYPE d AS ENUM ('x');\n"
      "  END IF;\n"
      "  e := EXISTS (SELECT FROM pg_type WHERE typname = 'e');\n"
      "  IF NOT e THEN\n"
      "    CREATE TYPE e AS ENUM ('x');\n"
      "  END IF;\n"
      "  SELECT count(*) INTO n FROM users;\n"
      "  IF n = 0 THEN\n"
      "    CREATE TYPE f AS ENUM ('x');\n"
      "  END IF;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  EXPECT_TRUE(guard_of(file, "CREATE TYPE a", {})) << "NOT FOUND after a PERFORM over pg_type";
  EXPECT_FALSE(guard_of(file, "CREATE TYPE b", {})) << "FOUND set by an UPDATE";
  EXPECT_TRUE(guard_of(file, "ALTER TABLE t ADD COLUMN c", {})) << "SELECT ... INTO a variable";
  EXPECT_TRUE(guard_of(file, "CREATE TYPE d", {})) << "a DECLARE default";
  EXPECT_TRUE(guard_of(file, "CREATE TYPE e", {})) << "an assignment";
  EXPECT_FALSE(guard_of(file, "CREATE TYPE f", {})) << "the nearest assignment counts";
}

TEST(GuardAnalysis, EarlyReturnAfterACatalogTest) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'r') THEN\n"
      "    RAISE NOTICE 'exists';\n"
      "    RETURN;\n"
      "  END IF;\n"
      "  CREATE ROLE r;\n"
      "END $$;\n"
      "DO $$ BEGIN\n"
      "  IF EXISTS (SELECT FROM users) THEN\n"
      "    RETURN;\n"
      "  END IF;\n"
      "  CREATE ROLE s;\n"
      "END $$;\n");
  auto r = guard_of(*parsed->file, "CREATE ROLE r", {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, GuardKind::early_return);
  EXPECT_FALSE(guard_of(*parsed->file, "CREATE ROLE s", {}));
}

TEST(GuardAnalysis, TablesOfTheQueryCountForInserts) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM roles WHERE name = 'admin') THEN\n"
      "    INSERT INTO roles (name) VALUES ('admin');\n"
      "  END IF;\n"
      "END $$;\n");
  RelationName roles{"", "roles", std::nullopt};
  RelationName users{"", "users", std::nullopt};
  EXPECT_TRUE(guard_of(*parsed->file, "INSERT INTO roles", {}, {roles}));
  EXPECT_FALSE(guard_of(*parsed->file, "INSERT INTO roles", {}, {users}));
  EXPECT_FALSE(guard_of(*parsed->file, "INSERT INTO roles", {}));
}

TEST(GuardAnalysis, TopLevelStatementsHaveNoGuard) {
  auto parsed = parse("CREATE TYPE a AS ENUM ('x');\n");
  GuardAnalysis analysis(*parsed->file);
  EXPECT_FALSE(analysis.find(parsed->file->statements().front(),
                             GuardQuery{{condition::duplicate_object}, {}}));
  EXPECT_TRUE(analysis.reads_catalog("EXISTS (SELECT FROM information_schema.tables)"));
  EXPECT_TRUE(analysis.reads_catalog("to_regprocedure('f()') IS NULL"));
  EXPECT_FALSE(analysis.reads_catalog("EXISTS (SELECT FROM users)"));
  EXPECT_FALSE(analysis.reads_catalog("this is not SQL ("));
}

// Why the catalog test around the embedded statement starting with `start` does not guard it;
// empty when it does, or when nothing says it cannot.
std::string mismatch_of(const ParsedFile& file, std::string_view start,
                        GuardQuery query = GuardQuery{}) {
  GuardAnalysis analysis(file);
  for (const Statement& statement : file.embedded()) {
    if (file.slice(statement.range).starts_with(start)) {
      std::string why;
      if (analysis.find(statement, query, &why)) return "guarded";
      return why;
    }
  }
  ADD_FAILURE() << "no embedded statement starts with " << start;
  return "";
}

std::string guarded_once(std::string_view test, std::string_view statement) {
  auto parsed = parse("DO $$ BEGIN IF " + std::string(test) + " THEN " + std::string(statement) +
                      "; END IF; END $$;\n");
  return mismatch_of(*parsed->file, statement.substr(0, 12));
}

TEST(GuardMatch, NamesAreComparedAsPostgresStoresThem) {
  // Unquoted identifiers fold to lower case; the catalog keeps them so.
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'OrderStatus')",
                         "CREATE TYPE OrderStatus AS ENUM ('new')"),
            "the guard tests typname = 'OrderStatus', but the type is named orderstatus");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'orderstatus')",
                         "CREATE TYPE OrderStatus AS ENUM ('new')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'OrderStatus')",
                         "CREATE TYPE \"OrderStatus\" AS ENUM ('new')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_class WHERE relname = 'Orders')",
                         "CREATE TABLE Orders (id int)"),
            "the guard tests relname = 'Orders', but the table is named orders");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'UPPER')",
                         "CREATE ROLE UPPER NOLOGIN"),
            "the guard tests rolname = 'UPPER', but the role is named upper");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'C_CK')",
                         "ALTER TABLE t ADD CONSTRAINT C_CK CHECK (a > 0)"),
            "the guard tests conname = 'C_CK', but the constraint is named c_ck");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM information_schema.columns WHERE table_name = "
                         "'t' AND column_name = 'CreatedAt')",
                         "ALTER TABLE t ADD COLUMN CreatedAt timestamptz"),
            "the guard tests column_name = 'CreatedAt', but the column is named createdat");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM information_schema.columns WHERE table_name = "
                         "'T' AND column_name = 'c')",
                         "ALTER TABLE t ADD COLUMN c int"),
            "the guard tests table_name = 'T', but the column is on t");
  // Longer than 63 bytes: the literal is cut as the name was.
  std::string name(70, 'n');
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname = '" + name + "')",
                         "CREATE TYPE " + name + " AS ENUM ('a')"),
            "guarded");
  // A lookup reads its argument as SQL does: unquoted folds, quoted is kept.
  EXPECT_EQ(guarded_once("to_regclass('Orders') IS NULL", "CREATE TABLE Orders (id int)"),
            "guarded");
  EXPECT_EQ(guarded_once("to_regclass('\"Orders\"') IS NULL", "CREATE TABLE Orders (id int)"),
            "the guard tests to_regclass('\"Orders\"'), but the table is named orders");
  EXPECT_EQ(guarded_once("to_regclass('orders_y') IS NULL", "CREATE TABLE orders_x (id int)"),
            "the guard tests to_regclass('orders_y'), but the table is named orders_x");
  EXPECT_EQ(guarded_once("to_regclass('app.orders') IS NULL", "CREATE TABLE app.orders (id int)"),
            "guarded");
  EXPECT_EQ(
      guarded_once("to_regclass('public.orders') IS NULL", "CREATE TABLE app.orders (id int)"),
      "the guard tests to_regclass('public.orders'), but the table is in schema app");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = "
                         "t.typnamespace WHERE t.typname = 'e' AND n.nspname = 'public')",
                         "CREATE TYPE app.e AS ENUM ('a')"),
            "the guard tests nspname = 'public', but the type is in schema app");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'other' AND "
                         "conrelid = 't'::regclass)",
                         "ALTER TABLE t ADD CONSTRAINT t_ck CHECK (a > 0)"),
            "the guard tests conname = 'other', but the constraint is named t_ck");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname IN ('a', 'b'))",
                         "CREATE TYPE b AS ENUM ('x')"),
            "guarded");
}

TEST(GuardMatch, AQuotedMixedCaseNameIsShownQuoted) {
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'role')",
                         "CREATE TYPE \"Role\" AS ENUM ('USER')"),
            "the guard tests typname = 'role', but the type is named \"Role\"");
  EXPECT_EQ(guarded_once("to_regtype('Role') IS NULL", "CREATE TYPE \"Role\" AS ENUM ('USER')"),
            "the guard tests to_regtype('Role'), but the type is named \"Role\"");
  EXPECT_EQ(guarded_once("to_regtype('\"Role\"') IS NULL", "CREATE TYPE \"Role\" AS ENUM ('USER')"),
            "guarded");
}

// pg_publication_tables lists a publication's tables by the names the catalog keeps.
TEST(GuardMatch, PublicationTablesListTheTablesOfAPublication) {
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = "
                         "'realtime' AND schemaname = 'public' AND tablename = 'reactions')",
                         "ALTER PUBLICATION realtime ADD TABLE public.\"Reactions\""),
            "the guard tests tablename = 'reactions', but the table is named \"Reactions\"");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = "
                         "'realtime' AND schemaname = 'public' AND tablename = 'Reactions')",
                         "ALTER PUBLICATION realtime ADD TABLE public.\"Reactions\""),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = "
                         "'realtime' AND schemaname = 'app' AND tablename = 'reactions')",
                         "ALTER PUBLICATION realtime ADD TABLE public.reactions"),
            "the guard tests schemaname = 'app', but the table is in schema public");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = "
                         "'other' AND tablename = 'reactions')",
                         "ALTER PUBLICATION realtime ADD TABLE reactions"),
            "the guard tests pubname = 'other', but the publication is named realtime");
  // A test of the publication alone may find it with any of its tables.
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = "
                         "'realtime')",
                         "CREATE PUBLICATION realtime"),
            "guarded");
}

TEST(GuardMatch, CatalogsThatCannotListTheObject) {
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_user WHERE usename = 'readonly')",
                         "CREATE ROLE readonly"),
            "the guard looks in pg_user, which lists only roles that can log in, not role "
            "readonly (CREATE ROLE makes a role without LOGIN unless it says LOGIN)");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_user WHERE usename = 'app')",
                         "CREATE ROLE app LOGIN"),
            "guarded");
  EXPECT_EQ(
      guarded_once("NOT EXISTS (SELECT FROM pg_user WHERE usename = 'app')", "CREATE USER app"),
      "guarded");
  EXPECT_NE(guarded_once("NOT EXISTS (SELECT FROM pg_user WHERE usename = 'app')",
                         "CREATE USER app NOLOGIN"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_tables WHERE tablename = 'v')",
                         "CREATE VIEW v AS SELECT 1 AS x"),
            "the guard looks in pg_tables, which lists only tables, not view v");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM information_schema.tables WHERE table_name = "
                         "'mv')",
                         "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x"),
            "the guard looks in information_schema.tables, which lists only tables, views and "
            "foreign tables, not materialized view mv");
  EXPECT_NE(guarded_once("NOT EXISTS (SELECT FROM information_schema.tables WHERE table_name = "
                         "'sq')",
                         "CREATE SEQUENCE sq"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM information_schema.tables WHERE table_name = "
                         "'v')",
                         "CREATE VIEW v AS SELECT 1 AS x"),
            "guarded");
  EXPECT_NE(guarded_once("NOT EXISTS (SELECT FROM information_schema.table_constraints WHERE "
                         "constraint_name = 'ex')",
                         "ALTER TABLE t ADD CONSTRAINT ex EXCLUDE USING btree (a WITH =)"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM information_schema.table_constraints WHERE "
                         "constraint_name = 'uq')",
                         "ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a)"),
            "guarded");
  EXPECT_EQ(guarded_once("to_regclass('e') IS NULL", "CREATE TYPE e AS ENUM ('a')"),
            "the guard tests to_regclass('e'), which finds only relations and composite types, "
            "not type e");
  EXPECT_EQ(guarded_once("to_regclass('c') IS NULL", "CREATE TYPE c AS (a int)"), "guarded");
  EXPECT_EQ(guarded_once("to_regtype('t') IS NULL", "CREATE TABLE t (a int)"), "guarded");
}

TEST(GuardMatch, WhatCannotBeJudgedStillGuards) {
  // Variables, format(), concatenation, functions of the column, unknown catalogs, user tables.
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname = v_name)",
                         "CREATE TYPE orderstatus AS ENUM ('a')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname = 'order' || 'status')",
                         "CREATE TYPE other AS ENUM ('a')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE lower(typname) = 'x')",
                         "CREATE TYPE other AS ENUM ('a')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname ILIKE 'x')",
                         "CREATE TYPE other AS ENUM ('a')"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_depend WHERE objid = 1)",
                         "CREATE TYPE other AS ENUM ('a')"),
            "guarded");
  EXPECT_EQ(guarded_once("to_regclass(format('%I', v)) IS NULL", "CREATE TABLE x (a int)"),
            "guarded");
  EXPECT_EQ(guarded_once("NOT EXISTS (SELECT FROM pg_type WHERE typname = $1)",
                         "CREATE TYPE other AS ENUM ('a')"),
            "guarded");
}

TEST(GuardMatch, OneTestGuardsEveryStatementOfItsBranch) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF NOT EXISTS (SELECT FROM pg_type WHERE typname = 'status') THEN\n"
      "    CREATE TYPE status AS ENUM ('a');\n"
      "    CREATE TYPE priority AS ENUM ('low');\n"
      "  END IF;\n"
      "  IF NOT EXISTS (SELECT FROM pg_type WHERE typname = 'nothing') THEN\n"
      "    CREATE TYPE severity AS ENUM ('low');\n"
      "  END IF;\n"
      "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'gone') THEN\n"
      "    RETURN;\n"
      "  END IF;\n"
      "  CREATE ROLE gone;\n"
      "  CREATE ROLE also;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  EXPECT_EQ(mismatch_of(file, "CREATE TYPE priority"), "guarded");
  EXPECT_EQ(mismatch_of(file, "CREATE TYPE severity"),
            "the guard tests typname = 'nothing', but the type is named severity");
  EXPECT_EQ(mismatch_of(file, "CREATE ROLE also"), "guarded") << "after an early return";
  // The first run made a role under the tested name: the second returns early.
}

TEST(GuardMatch, ATestOfWhatTheFileDropsLaterGuards) {
  // The first run drops old_jobs after the block: the second finds no old_jobs and skips.
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF EXISTS (SELECT FROM information_schema.tables WHERE table_name = 'old_jobs') THEN\n"
      "    INSERT INTO jobs SELECT * FROM old_jobs;\n"
      "    CREATE TYPE job_state AS ENUM ('a');\n"
      "  END IF;\n"
      "END $$;\n"
      "DROP TABLE IF EXISTS old_jobs;\n");
  EXPECT_EQ(mismatch_of(*parsed->file, "CREATE TYPE job_state"), "guarded");
}

TEST(GuardMatch, WhatIsOnATableRenamedLaterIsFoundUnderItsNewName) {
  // The branch adds revision to jobs_new and renames jobs_new to jobs: after the first run the
  // test finds the column on jobs.
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF NOT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = 'jobq'\n"
      "                 AND table_name = 'jobs' AND column_name = 'revision') THEN\n"
      "    CREATE TABLE jobq.jobs_new (LIKE jobq.jobs INCLUDING ALL);\n"
      "    ALTER TABLE jobq.jobs_new ADD COLUMN revision integer NOT NULL DEFAULT 0;\n"
      "    ALTER TABLE jobq.jobs RENAME TO jobs_old;\n"
      "    ALTER TABLE jobq.jobs_new RENAME TO jobs;\n"
      "  END IF;\n"
      "  IF NOT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = 'jobq'\n"
      "                 AND table_name = 'orders' AND column_name = 'note') THEN\n"
      "    ALTER TABLE jobq.orders_new ADD COLUMN note text;\n"
      "  END IF;\n"
      "END $$;\n"
      "ALTER TABLE jobq.orders_new RENAME TO orders_archive;\n");
  const ParsedFile& file = *parsed->file;
  EXPECT_EQ(mismatch_of(file, "ALTER TABLE jobq.jobs_new ADD"), "guarded");
  EXPECT_EQ(mismatch_of(file, "CREATE TABLE jobq.jobs_new"), "guarded");
  EXPECT_EQ(mismatch_of(file, "ALTER TABLE jobq.orders_new ADD"),
            "the guard tests table_name = 'orders', but the column is on orders_new, renamed "
            "orders_archive later");
}

TEST(GuardMatch, ATestOfWhatItsBranchMakesAndDropsAgainIsNoGuard) {
  // The branch renames jobs to jobs_old and drops jobs_old: the first run leaves no jobs_old,
  // and the second takes the branch again.
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF to_regclass('jobq.jobs_old') IS NULL THEN\n"
      "    CREATE TABLE jobq.jobs_new (LIKE jobq.jobs INCLUDING ALL);\n"
      "    ALTER TABLE jobq.jobs_new ADD COLUMN revision integer NOT NULL DEFAULT 0;\n"
      "    ALTER TABLE jobq.jobs RENAME TO jobs_old;\n"
      "    ALTER TABLE jobq.jobs_new RENAME TO jobs;\n"
      "    DROP TABLE jobq.jobs_old;\n"
      "  END IF;\n"
      "  IF NOT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'scratch'\n"
      "                 AND column_name = 'total') THEN\n"
      "    CREATE TABLE scratch (id int);\n"
      "    ALTER TABLE scratch ADD COLUMN total int;\n"
      "    CREATE TYPE tally AS ENUM ('a');\n"
      "    DROP TABLE scratch;\n"
      "  END IF;\n"
      // Only dropped (it was there before): the second run finds it gone and skips.
      "  IF to_regclass('legacy') IS NOT NULL THEN\n"
      "    CREATE TYPE legacy_state AS ENUM ('a');\n"
      "    DROP TABLE legacy;\n"
      "  END IF;\n"
      // Made IF NOT EXISTS: it may have been there before.
      "  IF to_regclass('maybe') IS NOT NULL THEN\n"
      "    CREATE TABLE IF NOT EXISTS maybe (id int);\n"
      "    CREATE TYPE maybe_state AS ENUM ('a');\n"
      "    DROP TABLE maybe;\n"
      "  END IF;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  EXPECT_EQ(mismatch_of(file, "ALTER TABLE jobq.jobs_new ADD"),
            "the guard tests to_regclass('jobq.jobs_old'), but the branch renames table "
            "jobq.jobs to jobs_old (line 5) and drops jobs_old (line 7), so the test finds no "
            "jobq.jobs_old on any run");
  EXPECT_EQ(mismatch_of(file, "CREATE TYPE tally"),
            "the guard tests table_name = 'scratch', but the branch makes table scratch (line 11) "
            "and drops scratch (line 14), so the test finds no scratch on any run");
  EXPECT_EQ(mismatch_of(file, "CREATE TYPE legacy_state"), "guarded");
  EXPECT_EQ(mismatch_of(file, "CREATE TYPE maybe_state"), "guarded");
}

TEST(GuardMatch, FoundAfterALookupInTheCatalog) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  PERFORM 1 FROM pg_type WHERE typname = 'MyType';\n"
      "  IF NOT FOUND THEN\n"
      "    CREATE TYPE MyType AS ENUM ('a');\n"
      "  END IF;\n"
      "END $$;\n");
  EXPECT_EQ(mismatch_of(*parsed->file, "CREATE TYPE MyType"),
            "the guard tests typname = 'MyType', but the type is named mytype");
}

TEST(GuardMatch, AHandlerForAFailedLookupOfWhatItMakes) {
  auto parsed = parse(
      "DO $$ BEGIN PERFORM 'x'::regclass;\n"
      "EXCEPTION WHEN undefined_table THEN CREATE TABLE x (id int); END $$;\n"
      "DO $$ BEGIN PERFORM 'other'::regclass;\n"
      "EXCEPTION WHEN undefined_table THEN CREATE TABLE y (id int); END $$;\n"
      "DO $$ BEGIN PERFORM 'z'::regclass;\n"
      "EXCEPTION WHEN undefined_object THEN CREATE TABLE z (id int); END $$;\n"
      "DO $$ BEGIN PERFORM 'e'::regtype;\n"
      "EXCEPTION WHEN undefined_object THEN CREATE TYPE e AS ENUM ('a'); END $$;\n"
      "DO $$ BEGIN PERFORM 'w'::regclass; UPDATE users SET a = 1;\n"
      "EXCEPTION WHEN undefined_table THEN CREATE TABLE w (id int); END $$;\n");
  const ParsedFile& file = *parsed->file;
  auto x = guard_of(file, "CREATE TABLE x", {condition::duplicate_table});
  ASSERT_TRUE(x);
  EXPECT_EQ(x->kind, GuardKind::failed_lookup);
  EXPECT_FALSE(guard_of(file, "CREATE TABLE y", {condition::duplicate_table})) << "another name";
  EXPECT_FALSE(guard_of(file, "CREATE TABLE z", {condition::duplicate_table}))
      << "the handler does not catch what regclass raises (42P01)";
  EXPECT_TRUE(guard_of(file, "CREATE TYPE e", {condition::duplicate_object}));
  EXPECT_FALSE(guard_of(file, "CREATE TABLE w", {condition::duplicate_table}))
      << "the body does more than look up";
}

TEST(GuardMatch, ARenameWhoseOldNameComesBackNeedsATestOfTheNewName) {
  auto parsed = parse(
      "DO $$ BEGIN\n"
      "  IF EXISTS (SELECT FROM pg_tables WHERE tablename = 'events') THEN\n"
      "    ALTER TABLE events RENAME TO events_old;\n"
      "  END IF;\n"
      "  IF to_regclass('events_old') IS NULL THEN\n"
      "    ALTER TABLE events RENAME TO events_old;\n"
      "  END IF;\n"
      "END $$;\n");
  const ParsedFile& file = *parsed->file;
  GuardQuery renamed_away;
  renamed_away.new_name_only = true;
  GuardQuery plain;
  std::string first = mismatch_of(file, "ALTER TABLE events", renamed_away);
  EXPECT_EQ(first, "the guard tests tablename = 'events', but the table is renamed to events_old");
  EXPECT_EQ(mismatch_of(file, "ALTER TABLE events", plain), "guarded");
}

// guard_mismatch() with the other statements' targets in a TargetIndex gives what it gives with
// them all in one list: the index only spares judging targets that fare alike.
TEST(GuardMatch, TheIndexOfTheFilesTargetsJudgesAsTheWholeListDoes) {
  auto parsed = parse(
      "CREATE TYPE status AS ENUM ('a');\n"
      "CREATE TYPE app.priority AS ENUM ('low');\n"
      "CREATE TABLE orders (id int);\n"
      "CREATE TABLE app.orders (id int);\n"
      "ALTER TABLE orders ADD CONSTRAINT orders_id_check CHECK (id > 0);\n"
      "ALTER TABLE orders ADD CONSTRAINT orders_ex EXCLUDE USING gist (id WITH =);\n"
      "ALTER TABLE orders RENAME TO old_orders;\n"
      "ALTER TABLE app.orders SET SCHEMA archive;\n"
      "CREATE ROLE reader;\n"
      "CREATE ROLE writer LOGIN;\n"
      "CREATE SCHEMA app;\n"
      "CREATE INDEX orders_idx ON orders (id);\n"
      "CREATE TRIGGER audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f();\n"
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n");
  const ParsedFile& file = *parsed->file;
  std::vector<std::pair<const Statement*, GuardTarget>> all;
  for (const Statement* statement : file.all_statements()) {
    for (GuardTarget& target : guard_targets(*statement)) all.emplace_back(statement, target);
  }
  TargetIndex index;
  for (const auto& [owner, target] : all) index.add(target, owner);
  const std::vector<std::string> conditions = {
      "EXISTS (SELECT FROM pg_type WHERE typname = 'status')",
      "EXISTS (SELECT FROM pg_type WHERE typname = 'priority')",
      "EXISTS (SELECT FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
      "WHERE t.typname = 'priority' AND n.nspname = 'public')",
      "EXISTS (SELECT FROM pg_class WHERE relname = 'orders')",
      "EXISTS (SELECT FROM pg_class WHERE relname = 'old_orders')",
      "EXISTS (SELECT FROM pg_tables WHERE tablename = 'orders' AND schemaname = 'archive')",
      "EXISTS (SELECT FROM pg_constraint WHERE conname = 'orders_ex')",
      "EXISTS (SELECT FROM pg_constraint WHERE conname IN ('x', 'orders_id_check'))",
      "EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'orders'::regclass)",
      "EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader')",
      "EXISTS (SELECT FROM pg_user WHERE usename = 'reader')",
      "EXISTS (SELECT FROM pg_user WHERE usename = 'writer')",
      "EXISTS (SELECT FROM pg_namespace WHERE nspname = 'app')",
      "EXISTS (SELECT FROM pg_indexes WHERE indexname = 'orders_idx')",
      "EXISTS (SELECT FROM pg_trigger WHERE tgname = 'audit')",
      "EXISTS (SELECT FROM pg_trigger)",
      "EXISTS (SELECT FROM pg_proc WHERE proname = 'f')",
      "to_regclass('app.orders') IS NOT NULL",
      "to_regclass('archive.orders') IS NOT NULL",
      "to_regtype('status') IS NOT NULL",
      "'old_orders'::regclass IS NOT NULL",
      "EXISTS (SELECT FROM pg_type WHERE typname = 'nothing')",
      "EXISTS (SELECT FROM pg_class WHERE relname = lower('Orders'))",
  };
  std::size_t mismatches = 0;
  for (const std::string& condition : conditions) {
    auto test = parse("SELECT " + condition + ";\n");
    Node tree = first_statement(*test->file);
    for (const Statement* statement : file.all_statements()) {
      std::vector<GuardTarget> own_targets = guard_targets(*statement);
      std::vector<const GuardTarget*> own;
      for (const GuardTarget& target : own_targets) own.push_back(&target);
      if (own.empty()) continue;
      std::vector<const GuardTarget*> whole = own;
      for (const auto& [owner, target] : all) {
        if (owner != statement) whole.push_back(&target);
      }
      auto flat = guard_mismatch(tree, whole);
      auto indexed = guard_mismatch(tree, own, &index, [&](const TargetIndex::Entry& entry) {
        return entry.owner == statement;
      });
      EXPECT_EQ(flat, indexed) << condition << "\nguarding: " << file.slice(statement->range);
      if (flat) ++mismatches;
    }
  }
  // Both answers occur, so the comparison means something.
  EXPECT_GT(mismatches, 20u);
  EXPECT_LT(mismatches, conditions.size() * file.all_statements().size());
}

}  // namespace
}  // namespace sqlgate::lint
