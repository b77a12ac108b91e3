// The object model: what each statement creates, drops, alters and renames.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "lint/objects.h"

namespace sqlgate::lint {
namespace {

struct Parsed {
  SourceFile source;
  std::unique_ptr<ParsedFile> file;
};

std::unique_ptr<Parsed> parse(const std::string& sql) {
  auto parsed = std::make_unique<Parsed>();
  parsed->source.display = "test.sql";
  parsed->source.text = sql;
  parsed->file = ParsedFile::parse(parsed->source);
  EXPECT_FALSE(parsed->file->error()) << parsed->file->error()->message;
  return parsed;
}

// "create table public.t", one line per effect, for every statement of the SQL.
std::vector<std::string> describe(const std::string& sql, ObjectResolver::NameTaken taken = {},
                                  std::vector<std::string> path = {"public"}) {
  auto parsed = parse(sql);
  ObjectResolver resolver(std::move(path));
  std::vector<std::string> lines;
  for (const Statement* statement : parsed->file->all_statements()) {
    for (const Effect& effect : resolver.effects(*statement, taken)) {
      std::string line = std::string(to_string(effect.action)) + " " +
                         std::string(to_string(effect.object.kind)) + " ";
      if (!effect.object.schema.empty()) line += effect.object.schema + ".";
      if (!effect.object.parent.empty()) line += effect.object.parent + ".";
      line += effect.object.name;
      if (effect.object.args) line += "(" + *effect.object.args + ")";
      if (!effect.new_name.empty()) line += " -> " + effect.new_name;
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<Effect> effects_of(const std::string& sql) {
  auto parsed = parse(sql);
  ObjectResolver resolver;
  std::vector<Effect> all;
  for (const Statement* statement : parsed->file->all_statements()) {
    for (auto& effect : resolver.effects(*statement)) all.push_back(std::move(effect));
  }
  return all;
}

using Lines = std::vector<std::string>;

TEST(LintObjects, CreateTableWithImplicitObjectsInPostgresOrder) {
  // Names verified on PostgreSQL 15: checks first, then the primary key and unique indexes,
  // then the foreign keys; a serial's sequence before all of them.
  EXPECT_EQ(describe("CREATE TABLE p (id serial PRIMARY KEY, code text UNIQUE, "
                     "n int CHECK (n > 0) CHECK (n < 10), CHECK (n > id), UNIQUE (code, n), "
                     "q int REFERENCES other (id));"),
            (Lines{"create table public.p", "create column public.p.id",
                   "create sequence public.p_id_seq", "create column public.p.code",
                   "create column public.p.n", "create column public.p.q",
                   "create constraint public.p.p_n_check", "create constraint public.p.p_n_check1",
                   "create constraint public.p.p_check", "create constraint public.p.p_pkey",
                   "create index public.p_pkey", "create constraint public.p.p_code_key",
                   "create index public.p_code_key", "create constraint public.p.p_code_n_key",
                   "create index public.p_code_n_key", "create constraint public.p.p_q_fkey"}));
}

TEST(LintObjects, TemporaryTablesAreShownWithoutTheirSessionsSchema) {
  auto effects = effects_of("CREATE TEMP TABLE batch_ids (id bigint);");
  ASSERT_FALSE(effects.empty());
  EXPECT_EQ(effects[0].object.schema, "pg_temp");
  // As PostgreSQL names it: relation "batch_ids" already exists.
  EXPECT_EQ(effects[0].object.display(), "batch_ids");
}

TEST(LintObjects, RedundantUniqueConstraintsShareOneIndex) {
  // PostgreSQL keeps one index for UNIQUE (a) written twice, and none for a UNIQUE that repeats
  // the primary key.
  EXPECT_EQ(
      describe("CREATE TABLE q (code text UNIQUE, id int PRIMARY KEY UNIQUE, UNIQUE (code));"),
      (Lines{"create table public.q", "create column public.q.code", "create column public.q.id",
             "create constraint public.q.q_pkey", "create index public.q_pkey",
             "create constraint public.q.q_code_key", "create index public.q_code_key"}));
}

TEST(LintObjects, KeysThatDifferInAnyPartAreTwoIndexes) {
  // On PostgreSQL 15 a UNIQUE alike in every part to the primary key is merged into it (and
  // names it); one with INCLUDE, NULLS NOT DISTINCT or DEFERRABLE is a constraint of its own,
  // named b_id_sku_key (INCLUDE columns join the name), b_id_key and b_id_key1 there.
  EXPECT_EQ(describe("CREATE TABLE a (id bigint PRIMARY KEY, CONSTRAINT a_id_key UNIQUE (id));"),
            (Lines{"create table public.a", "create column public.a.id",
                   "create constraint public.a.a_id_key", "create index public.a_id_key"}));
  EXPECT_EQ(
      describe("CREATE TABLE b (id bigint PRIMARY KEY, sku text, "
               "UNIQUE (id) INCLUDE (sku), UNIQUE NULLS NOT DISTINCT (id), "
               "UNIQUE (id) DEFERRABLE);"),
      (Lines{"create table public.b", "create column public.b.id", "create column public.b.sku",
             "create constraint public.b.b_pkey", "create index public.b_pkey",
             "create constraint public.b.b_id_sku_key", "create index public.b_id_sku_key",
             "create constraint public.b.b_id_key", "create index public.b_id_key",
             "create constraint public.b.b_id_key1", "create index public.b_id_key1"}));
  // And an index's (checked on PostgreSQL 15).
  EXPECT_EQ(describe("CREATE INDEX ON c (a) INCLUDE (b);"),
            (Lines{"use table public.c", "create index public.c_a_b_idx"}));
}

TEST(LintObjects, ImplicitNamesAvoidNamesInUse) {
  // On PostgreSQL 15, with a table t_a_key in the schema, UNIQUE (a) on t is named t_a_key1;
  // constraint names count across the whole schema.
  std::set<std::string> relations{"t_a_key"};
  std::set<std::string> constraints{"t_b_fkey"};
  auto taken = [&](const std::string& schema, const std::string& name, bool rel, bool con) {
    EXPECT_EQ(schema, "public");
    return (rel && relations.count(name) != 0) || (con && constraints.count(name) != 0);
  };
  EXPECT_EQ(describe("CREATE TABLE t (a int UNIQUE, b int REFERENCES t (a));", taken),
            (Lines{"create table public.t", "create column public.t.a", "create column public.t.b",
                   "create constraint public.t.t_a_key1", "create index public.t_a_key1",
                   "create constraint public.t.t_b_fkey1"}));
}

TEST(LintObjects, LongNamesAreTruncatedLikePostgres) {
  // Verified on PostgreSQL 15.
  std::string table(63, 'a');
  std::string column(63, 'b');
  EXPECT_EQ(make_object_name(table, column, "key"),
            std::string(29, 'a') + "_" + std::string(29, 'b') + "_key");
  EXPECT_EQ(make_object_name(table, "x", "key"), std::string(57, 'a') + "_x_key");
  EXPECT_EQ(make_object_name(table, "y", "seq"), std::string(57, 'a') + "_y_seq");
  // Multibyte names are cut at a character boundary.
  EXPECT_EQ(make_object_name("Ünïcödé_täble_with_a_very_long_name_that_goes_beyond_sixty",
                             "ääääääääää", "key"),
            "Ünïcödé_täble_with_a_very_long_na_ääääääääää_key");
  EXPECT_EQ(truncate_identifier(std::string(70, 'x')), std::string(63, 'x'));
  EXPECT_EQ(truncate_identifier(std::string(62, 'x') + "é"), std::string(62, 'x'));
  auto lines = describe("CREATE TABLE " + std::string(70, 'l') + " (id int);");
  EXPECT_EQ(lines.front(), "create table public." + std::string(63, 'l'));
}

TEST(LintObjects, ChooseNameCountsUp) {
  std::set<std::string> used{"t_a_check", "t_a_check1"};
  EXPECT_EQ(
      choose_name("t", "a", "check", [&](const std::string& n) { return used.count(n) != 0; }),
      "t_a_check2");
  EXPECT_EQ(choose_name("t", "", "pkey", {}), "t_pkey");
}

TEST(LintObjects, IndexesAndTheirDefaultNames) {
  EXPECT_EQ(describe("CREATE INDEX ON t6 (e); CREATE INDEX ON t6 (lower(e::text)); "
                     "CREATE INDEX ON t6 (e, id); CREATE UNIQUE INDEX IF NOT EXISTS named ON "
                     "s.t (a);"),
            (Lines{"use table public.t6", "create index public.t6_e_idx", "use table public.t6",
                   "create index public.t6_lower_idx", "use table public.t6",
                   "create index public.t6_e_id_idx", "use table s.t", "create index s.named"}));
  auto effects = effects_of("CREATE UNIQUE INDEX i ON t (b, a) WHERE a > 0;");
  ASSERT_EQ(effects.size(), 2u);
  EXPECT_TRUE(effects[1].unique);
  EXPECT_TRUE(effects[1].partial);
  EXPECT_EQ(effects[1].columns, (std::vector<std::string>{"b", "a"}));
  ASSERT_EQ(effects[1].depends_on.size(), 1u);
  EXPECT_EQ(effects[1].depends_on[0].object.name, "t");
  EXPECT_TRUE(effects[1].depends_on[0].automatic);
}

TEST(LintObjects, GistAndGinElementsDependOnTheirColumnsDefaultOperatorClass) {
  auto effects = effects_of("CREATE INDEX i ON t USING gist (a, b gist_trgm_ops, (c + 1));");
  ASSERT_EQ(effects.size(), 2u);
  ASSERT_EQ(effects[1].depends_on.size(), 3u);
  EXPECT_EQ(effects[1].depends_on[1].object.kind, ObjectKind::column);
  EXPECT_EQ(effects[1].depends_on[1].object.parent, "t");
  EXPECT_EQ(effects[1].depends_on[1].object.name, "a");
  EXPECT_EQ(effects[1].depends_on[1].default_opclass_of, "gist");
  EXPECT_EQ(effects[1].depends_on[2].object.name, "gist_trgm_ops");
  EXPECT_EQ(effects[1].depends_on[2].extension, "pg_trgm");
  // Under btree no contrib extension supplies the default class of a built-in type.
  EXPECT_EQ(effects_of("CREATE INDEX j ON t (a);")[1].depends_on.size(), 1u);
}

TEST(LintObjects, SearchPathDecidesTheSchema) {
  EXPECT_EQ(describe("CREATE TABLE a (id int); SET search_path TO app, public; "
                     "CREATE TABLE b (id int); SET search_path = 'x, y'; CREATE TYPE e AS ENUM "
                     "('a'); RESET search_path; CREATE VIEW v AS SELECT 1; "
                     "CREATE TABLE other.c ();"),
            (Lines{"create table public.a", "create column public.a.id", "create table app.b",
                   "create column app.b.id", "create type x, y.e", "create view public.v",
                   "create table other.c"}));
  EXPECT_EQ(describe("CREATE TABLE a ();", {}, {"$user", "app"}), (Lines{"create table app.a"}));
  // set_config() sets it too (pg_dump writes it; a migration sets its transaction's path so).
  EXPECT_EQ(
      describe("SELECT set_config('search_path', 'app, public', true); CREATE TABLE a (); "
               "SELECT pg_catalog.set_config('search_path', 'b', false); CREATE TABLE c (); "
               "SELECT set_config('work_mem', '1GB', true); CREATE TABLE d (); "
               "SELECT other.set_config('search_path', 'x', true); CREATE TABLE e ();"),
      (Lines{"create table app.a", "create table b.c", "create table b.d", "create table b.e"}));
  // set_config() reads a list as PostgreSQL does: unquoted names folded, quoted ones kept.
  EXPECT_EQ(
      describe("SELECT set_config('search_path', ' App ,\"B, c\"', false); CREATE TABLE a (); "
               "SET search_path = \"x\", 'Y'; CREATE TABLE b ();"),
      (Lines{"create table app.a", "create table x.b"}));
  EXPECT_EQ(
      describe("SELECT set_config('search_path', '\"B, c\", app', false); CREATE TABLE a ();"),
      (Lines{"create table B, c.a"}));
  // An empty path holds no schema: PostgreSQL searches pg_catalog only (and a CREATE fails).
  EXPECT_EQ(
      describe("SELECT pg_catalog.set_config('search_path', '', false); CREATE TABLE a (); "
               "SET search_path = ''; ALTER TABLE b ADD COLUMN c int; "
               "SET search_path = '', app; CREATE TABLE d (); DISCARD ALL; CREATE TABLE e ();"),
      (Lines{"create table pg_catalog.a", "alter table pg_catalog.b",
             "create column pg_catalog.b.c", "create table app.d", "create table public.e"}));
  // A value PostgreSQL refuses leaves the path as it was.
  EXPECT_EQ(describe("SET search_path = app; SELECT set_config('search_path', 'a,', false); "
                     "CREATE TABLE a ();"),
            (Lines{"create table app.a"}));
  auto effects = effects_of("ALTER TABLE t ADD COLUMN c int; ALTER TABLE s.t ADD COLUMN c int;");
  EXPECT_FALSE(effects[0].schema_given);
  ASSERT_TRUE(effects[0].search_path);
  EXPECT_TRUE(effects[2].schema_given);
}

// An unqualified name of an existing relation is looked up along the path: the first schema
// that has it, as the replay answers. A composite type stays in the first schema.
TEST(LintObjects, UnqualifiedRelationsAreFoundAlongThePath) {
  auto in_public = [](const std::string& schema, const std::string& name, bool relations, bool) {
    return relations && schema == "public" && name == "tenants";
  };
  EXPECT_EQ(describe("SET search_path = app, public; ALTER TABLE tenants ADD COLUMN x int; "
                     "CREATE INDEX i ON tenants (x); ALTER TYPE tenants ADD ATTRIBUTE y int; "
                     "CREATE TABLE tenants ();",
                     in_public),
            (Lines{"alter table public.tenants", "create column public.tenants.x",
                   "use table public.tenants", "create index public.i", "alter type app.tenants",
                   "create table app.tenants"}));
}

TEST(LintObjects, CreateSchemaElementsTakeTheNewSchema) {
  EXPECT_EQ(
      describe("CREATE SCHEMA s CREATE TABLE t (id int) CREATE VIEW v AS "
               "SELECT * FROM t;"),
      (Lines{"create schema s", "create table s.t", "create column s.t.id", "create view s.v"}));
}

TEST(LintObjects, AlterTableCommands) {
  EXPECT_EQ(
      describe("ALTER TABLE IF EXISTS t ADD COLUMN IF NOT EXISTS c bigserial UNIQUE, "
               "DROP COLUMN d, ALTER COLUMN e SET NOT NULL, ALTER COLUMN e DROP NOT NULL, "
               "ADD CONSTRAINT k UNIQUE (e), DROP CONSTRAINT IF EXISTS k2, "
               "ALTER COLUMN e TYPE bigint, ADD CHECK (e > 0), ADD PRIMARY KEY (id), "
               "ADD FOREIGN KEY (e) REFERENCES u, ENABLE ROW LEVEL SECURITY;"),
      (Lines{"alter table public.t", "create column public.t.c", "create sequence public.t_c_seq",
             "create constraint public.t.t_c_key", "create index public.t_c_key",
             "drop column public.t.d", "alter column public.t.e", "alter column public.t.e",
             "create constraint public.t.k", "create index public.k", "drop constraint public.t.k2",
             "alter column public.t.e", "create constraint public.t.t_e_check",
             "create constraint public.t.t_pkey", "create index public.t_pkey",
             "create constraint public.t.t_e_fkey", "alter table public.t"}));
  auto effects = effects_of(
      "ALTER TABLE t ALTER COLUMN e SET NOT NULL, ALTER COLUMN e SET "
      "DEFAULT 1, ALTER COLUMN e DROP DEFAULT;");
  EXPECT_EQ(effects[1].change, Change::set_not_null);
  EXPECT_EQ(effects[2].change, Change::set_default);
  EXPECT_EQ(effects[3].change, Change::drop_default);
}

TEST(LintObjects, ForeignKeysDependOnTheTableTheyReference) {
  auto effects = effects_of(
      "CREATE TABLE campaign_targets (id bigserial PRIMARY KEY, campaign_id bigint NOT NULL "
      "REFERENCES campaigns (id) ON DELETE CASCADE);");
  const Effect* fkey = nullptr;
  for (const auto& effect : effects) {
    if (effect.contype == 'f') fkey = &effect;
  }
  ASSERT_NE(fkey, nullptr);
  EXPECT_EQ(fkey->object.name, "campaign_targets_campaign_id_fkey");
  EXPECT_EQ(fkey->object.parent, "campaign_targets");
  EXPECT_TRUE(fkey->implicit);
  ASSERT_EQ(fkey->depends_on.size(), 2u);
  EXPECT_EQ(fkey->depends_on[1].object.name, "campaigns");
  EXPECT_FALSE(fkey->depends_on[1].automatic);
}

TEST(LintObjects, ViewsDependOnWhatTheyRead) {
  auto effects = effects_of(
      "CREATE OR REPLACE VIEW v AS WITH recent AS (SELECT * FROM orders) SELECT * FROM recent "
      "JOIN s.customers c USING (id) JOIN pg_catalog.pg_class ON true;");
  ASSERT_EQ(effects.size(), 1u);
  EXPECT_TRUE(effects[0].or_replace);
  std::vector<std::string> reads;
  for (const auto& dependency : effects[0].depends_on) {
    std::string line = dependency.object.display();
    if (dependency.all_columns) line += ".*";
    if (!dependency.any_of.empty()) line += " (" + std::to_string(dependency.any_of.size()) + ")";
    reads.push_back(line);
  }
  std::sort(reads.begin(), reads.end());
  // The tables, and the columns: every one of both tables (*), and the USING column of the
  // table that has it on the right (the left is a WITH query).
  EXPECT_EQ(reads, (std::vector<std::string>{"orders", "orders.*", "s.customers", "s.customers.*",
                                             "s.customers.id (1)"}));
}

TEST(LintObjects, ViewsDependOnTheColumnsTheyRead) {
  auto columns = [](const std::string& sql) {
    std::vector<std::string> lines;
    for (const auto& effect : effects_of(sql)) {
      for (const auto& dependency : effect.depends_on) {
        if (dependency.object.kind != ObjectKind::column && !dependency.all_columns) continue;
        std::string line = dependency.object.display();
        if (dependency.all_columns) line += ".*";
        for (const auto& other : dependency.shared_with) line += " & " + other.object.display();
        if (!dependency.any_of.empty()) {
          line = dependency.object.name + " of";
          for (const auto& candidate : dependency.any_of) line += " " + candidate.object.parent;
        }
        lines.push_back(line);
      }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  // One table: unqualified names are its columns.
  EXPECT_EQ(columns("CREATE VIEW v AS SELECT id, t.name FROM t WHERE deleted_at IS NULL"),
            (Lines{"t.deleted_at", "t.id", "t.name"}));
  // Aliases, an unqualified name in a join, ORDER BY an output name (not a column).
  EXPECT_EQ(columns("CREATE VIEW v AS SELECT b.id, r.name AS room, starts_at FROM bookings b "
                    "JOIN rooms r ON r.id = b.room_id ORDER BY room"),
            (Lines{"bookings.id", "bookings.room_id", "rooms.id", "rooms.name",
                   "starts_at of bookings rooms"}));
  // USING on both sides, NATURAL as the columns both tables have, r.* as every column.
  EXPECT_EQ(columns("CREATE VIEW v AS SELECT r.* FROM a JOIN b USING (k) NATURAL JOIN c r"),
            (Lines{"a.* & c", "b.* & c", "c.*", "c.* & a", "c.* & b", "k of a", "k of b"}));
  // Subqueries see their own tables and the outer names; a subquery's output is no table.
  EXPECT_EQ(columns("CREATE MATERIALIZED VIEW m AS SELECT s.x FROM (SELECT x FROM a) s "
                    "WHERE EXISTS (SELECT 1 FROM b WHERE b.a = s.x AND q > 0)"),
            (Lines{"a.x", "b.a", "q of b"}));
  // A WITH query and an alias with column names are not tables of their own names.
  EXPECT_EQ(columns("CREATE VIEW v AS WITH w AS (SELECT id FROM a) SELECT w.id, y.p FROM w, "
                    "b AS y(p)"),
            (Lines{"a.id"}));
  // GROUP BY and DISTINCT ON an output name; the name of a table as its whole row.
  EXPECT_EQ(columns("CREATE VIEW v AS SELECT DISTINCT ON (n) lower(name) AS n, row_to_json(t) "
                    "FROM t GROUP BY n, t ORDER BY n"),
            (Lines{"t of t", "t.name"}));
}

TEST(LintObjects, RoutinesCarryTheirArgumentTypes) {
  EXPECT_EQ(describe("CREATE FUNCTION f(a int, OUT b text, VARIADIC c integer[]) RETURNS int "
                     "LANGUAGE sql AS 'select 1'; DROP FUNCTION f(int4, int[]); DROP FUNCTION f; "
                     "CREATE PROCEDURE s.p(character varying) LANGUAGE sql AS ''; "
                     "ALTER FUNCTION f(bigint) OWNER TO x; CREATE AGGREGATE agg (int) "
                     "(sfunc = int4pl, stype = int);"),
            (Lines{"create function public.f(int4,int4[])", "drop function public.f(int4,int4[])",
                   "drop function public.f", "create procedure s.p(varchar)",
                   "alter function public.f(int8)", "create aggregate public.agg(int4)"}));
}

// "kind name" of each dependency of an effect that is not automatic, with the call's argument
// types, the extension that may provide it, and how it is ended.
std::vector<std::string> uses(const Effect& effect) {
  std::vector<std::string> lines;
  for (const auto& dependency : effect.depends_on) {
    if (dependency.automatic) continue;
    const ObjectRef& object = dependency.object;
    std::string line = std::string(to_string(object.kind)) + " " +
                       (dependency.schema_given && !object.schema.empty() && object.parent.empty()
                            ? object.schema + "."
                            : "") +
                       (object.parent.empty() ? "" : object.parent + ".") + object.name;
    if (dependency.call) {
      std::string args;
      for (const auto& type : *dependency.call) args += (args.empty() ? "" : ",") + type;
      line += "(" + args + ")";
    }
    if (!dependency.extension.empty()) line += " [" + dependency.extension + "]";
    if (dependency.source == DependencySource::default_value) line += " default";
    if (dependency.source == DependencySource::type) line += " type";
    if (dependency.reverse) line += " reverse";
    lines.push_back(line);
  }
  return lines;
}

TEST(LintObjects, ExpressionsDependOnTheFunctionsTypesAndSequencesTheyName) {
  auto effects = effects_of(
      "CREATE TABLE t (a int DEFAULT f(1, 'x', NULL, true, 2.5, g(a), 'y'::text), "
      "b text DEFAULT lower(pg_catalog.upper(app.h())), c status[], "
      "d int DEFAULT nextval('s'), e int DEFAULT nextval('app.s2'::regclass), "
      "f int DEFAULT nextval('s3'::text), g uuid DEFAULT uuid_generate_v4(), h citext, "
      "i int GENERATED ALWAYS AS (twice(a)) STORED CHECK (positive(i)));");
  ASSERT_GE(effects.size(), 11u);
  EXPECT_EQ(uses(effects[1]), (Lines{"function f(int4,unknown,unknown,bool,,,text) default",
                                     "function g() default"}));
  EXPECT_EQ(uses(effects[2]), (Lines{"function app.h() default"}));
  EXPECT_EQ(uses(effects[3]), (Lines{"type status type"}));
  EXPECT_EQ(uses(effects[4]), (Lines{"sequence s default"}));
  EXPECT_EQ(uses(effects[5]), (Lines{"sequence app.s2 default"}));
  EXPECT_EQ(uses(effects[6]), (Lines{}));
  EXPECT_EQ(uses(effects[7]), (Lines{"function uuid_generate_v4() [uuid-ossp] default"}));
  EXPECT_EQ(uses(effects[8]), (Lines{"type citext [citext] type"}));
  EXPECT_EQ(uses(effects[9]), (Lines{"function twice()", "column t.a"}));
  EXPECT_EQ(effects[10].object.name, "t_i_check");
  EXPECT_EQ(uses(effects[10]), (Lines{"function positive()"}));
}

// A generated column of CREATE TABLE depends on the columns it reads, those declared after it
// too: ALTER COLUMN ... TYPE and DROP COLUMN of them are refused while it is there.
TEST(LintObjects, AGeneratedColumnOfCreateTableDependsOnTheColumnsItReads) {
  auto effects =
      effects_of("CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a - b) STORED, b int, c int);");
  ASSERT_EQ(effects.size(), 5u);
  EXPECT_EQ(uses(effects[2]), (Lines{"column t.a"}));
  EXPECT_EQ(uses(effects[3]), (Lines{"column t.g reverse"}));
  EXPECT_EQ(uses(effects[4]), (Lines{}));
}

TEST(LintObjects, AnalyzedSqlBodiesUseWhatTheyNameAlongTheRoutinesPath) {
  auto effects = effects_of(
      "CREATE FUNCTION f(k text) RETURNS bigint LANGUAGE sql SET search_path = '' "
      "AS $$ SELECT count(*) FROM t WHERE t.kind = k AND ok(k) $$;"
      "CREATE FUNCTION g() RETURNS bigint LANGUAGE sql SET search_path = app, public "
      "AS $$ SELECT count(*) FROM u $$;"
      "CREATE FUNCTION h() RETURNS bigint LANGUAGE sql AS 'SELECT 1';");
  ASSERT_EQ(effects.size(), 5u);
  const Effect& body = effects[1];
  EXPECT_EQ(body.action, Action::use);
  EXPECT_EQ(body.change, Change::body);
  EXPECT_EQ(body.object.display(), "f(text)");
  // k is the parameter unless t has a column so named (PostgreSQL tries the column first).
  ASSERT_EQ(uses(body), (Lines{"table t", "function ok()", "column t.kind", "column t.k"}));
  EXPECT_EQ(body.depends_on[3].any_of.size(), 1u);
  // An empty search path reaches nothing but pg_catalog: the names have no schema.
  for (const Dependency& dependency : body.depends_on) {
    EXPECT_EQ(dependency.source, DependencySource::statement);
    EXPECT_FALSE(dependency.schema_given);
    EXPECT_EQ(dependency.object.schema, "");
  }
  // SET search_path = '' sets the one schema of no name (SHOW search_path gives ""), never there.
  ASSERT_NE(body.search_path, nullptr);
  EXPECT_EQ(*body.search_path, (std::vector<std::string>{""}));
  EXPECT_EQ(uses(effects[3]), (Lines{"table u"}));
  EXPECT_EQ(effects[3].depends_on[0].object.schema, "app");
  EXPECT_EQ(*effects[3].search_path, (std::vector<std::string>{"app", "public"}));
  // A body that names nothing to look up adds no use.
  EXPECT_EQ(effects[4].action, Action::create);
}

// A LANGUAGE sql body looks an unqualified relation up along the routine's own path.
TEST(LintObjects, AnalyzedSqlBodiesFindRelationsAlongTheRoutinesPath) {
  auto in_public = [](const std::string& schema, const std::string& name, bool relations, bool) {
    return relations && schema == "public" && name == "tenants";
  };
  auto parsed = parse(
      "CREATE FUNCTION n() RETURNS bigint LANGUAGE sql SET search_path = app, public "
      "AS $$ SELECT count(*) FROM tenants $$;");
  ObjectResolver resolver;
  auto effects = resolver.effects(*parsed->file->all_statements().front(), in_public);
  ASSERT_EQ(effects.size(), 2u);
  ASSERT_EQ(uses(effects[1]), (Lines{"table tenants"}));
  EXPECT_EQ(effects[1].depends_on[0].object.schema, "public");
}

TEST(LintObjects, SerialSequencesAreNeededByTheirColumn) {
  auto effects = effects_of("CREATE TABLE t (id bigserial, n int GENERATED ALWAYS AS IDENTITY);");
  ASSERT_EQ(effects.size(), 5u);
  EXPECT_EQ(effects[2].object.name, "t_id_seq");
  EXPECT_EQ(uses(effects[2]), (Lines{"column t.id default reverse"}));
  EXPECT_EQ(effects[4].object.name, "t_n_seq");
  EXPECT_EQ(uses(effects[4]), (Lines{"column t.n reverse"}));
}

TEST(LintObjects, RoutinesIndexesAndOthersDependOnWhatTheyName) {
  auto effects = effects_of(
      "CREATE FUNCTION f(a status, b int DEFAULT 0, d users.email%TYPE DEFAULT '', "
      "VARIADIC c text[] DEFAULT '{}') RETURNS SETOF app.result LANGUAGE sql AS 'select 1';"
      "CREATE INDEX i ON t USING gin (name gin_trgm_ops, (lower2(x))) WHERE keep(y);"
      "CREATE INDEX j ON t (name int4_ops);"
      "CREATE VIEW v AS SELECT count(*), weighted(x), 'a'::mood FROM t;"
      "CREATE TABLE copy AS SELECT rate(x) FROM t;"
      "ALTER TABLE t ALTER COLUMN x SET DEFAULT next_code(), ALTER COLUMN y TYPE mood;"
      "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION moddatetime(at);"
      "CREATE TYPE pair AS (m mood, n int); CREATE DOMAIN code AS text DEFAULT next_code() "
      "CHECK (valid(VALUE));");
  ASSERT_EQ(effects.size(), 15u);
  EXPECT_EQ(effects[0].optional_args, 3);
  EXPECT_TRUE(effects[0].variadic);
  EXPECT_EQ(uses(effects[0]), (Lines{"type status", "type app.result"}));
  EXPECT_EQ(uses(effects[2]), (Lines{"operator class gin_trgm_ops [pg_trgm]", "function lower2()",
                                     "function keep()"}));
  // int4_ops is btree's own operator class (btree_gin has one of that name for gin).
  EXPECT_EQ(uses(effects[4]), (Lines{"operator class int4_ops"}));
  // The view reads column x of its one table: DROP COLUMN x is refused while it is there.
  EXPECT_EQ(uses(effects[5]), (Lines{"table t", "column t.x", "function weighted()", "type mood"}));
  EXPECT_EQ(effects[6].depends_on.size(), 1u);
  EXPECT_EQ(effects[6].depends_on[0].source, DependencySource::statement);
  EXPECT_EQ(effects[7].object.display(), "copy.rate");
  EXPECT_EQ(uses(effects[9]), (Lines{"function next_code() default"}));
  EXPECT_EQ(uses(effects[10]), (Lines{"type mood type"}));
  EXPECT_EQ(uses(effects[11]), (Lines{"function moddatetime [moddatetime]"}));
  EXPECT_EQ(uses(effects[12]), (Lines{"type mood"}));
  EXPECT_EQ(uses(effects[13]), (Lines{"function next_code() default"}));
  EXPECT_EQ(effects[14].object.name, "code_check");
  EXPECT_EQ(uses(effects[14]), (Lines{"function valid()"}));
}

// The names PostgreSQL gives the columns of a table made from a query (FigureColname()).
TEST(LintObjects, TablesMadeFromAQueryHaveTheColumnsItNames) {
  auto columns_of = [](const std::string& sql) {
    Lines names;
    for (const auto& effect : effects_of(sql)) {
      if (effect.object.kind == ObjectKind::column) names.push_back(effect.object.name);
    }
    return names;
  };
  EXPECT_EQ(columns_of("CREATE TABLE c AS SELECT kind, count(*), count(*) AS n, kind::varchar, "
                       "'a'::text, 1::int, 1, id + 1, true, interval '1 day', t.id, arr[1], "
                       "nullif(a, 1), coalesce(a, 2), greatest(a, 1), CASE WHEN a THEN 1 END, "
                       "CASE WHEN a THEN 1 ELSE b END, ARRAY[1], current_date, current_user, "
                       "EXISTS (SELECT 1), (SELECT 1 AS q), (SELECT y FROM u), kind COLLATE \"C\", "
                       "now()::date, count(*)::int, pg_catalog.lower(kind) FROM t"),
            (Lines{"kind",         "count",        "n",        "kind",     "text", "int4",
                   "?column?",     "?column?",     "?column?", "interval", "id",   "arr",
                   "nullif",       "coalesce",     "greatest", "case",     "b",    "array",
                   "current_date", "current_user", "exists",   "q",        "y",    "kind",
                   "now",          "count",        "lower"}));
  EXPECT_EQ(columns_of("CREATE TABLE c (a, b) AS SELECT 1, 2, 3 AS z"), (Lines{"a", "b", "z"}));
  EXPECT_EQ(columns_of("CREATE TABLE c AS VALUES (1, 2)"), (Lines{"column1", "column2"}));
  EXPECT_EQ(columns_of("CREATE TABLE c AS SELECT 1 AS u UNION SELECT 2 AS v"), (Lines{"u"}));
  EXPECT_EQ(columns_of("SELECT 1 AS a, id INTO c FROM t"), (Lines{"a", "id"}));
  // Only PostgreSQL knows what * stands for: no columns.
  EXPECT_EQ(columns_of("CREATE TABLE c AS SELECT * FROM t"), (Lines{}));
  EXPECT_EQ(columns_of("CREATE TABLE c AS SELECT t.*, 1 AS x FROM t"), (Lines{}));
  EXPECT_EQ(columns_of("CREATE TABLE c AS SELECT (SELECT * FROM u) FROM t"), (Lines{}));
  EXPECT_EQ(columns_of("CREATE TABLE c AS TABLE t"), (Lines{}));
  // A materialized view's columns are not recorded, as a view's are not.
  EXPECT_EQ(columns_of("CREATE MATERIALIZED VIEW m AS SELECT 1 AS a"), (Lines{}));
}

TEST(LintObjects, TriggersPoliciesAndTheirTables) {
  auto effects = effects_of(
      "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION audit.f(); "
      "CREATE POLICY p ON t USING (true); DROP TRIGGER IF EXISTS tr ON t; DROP POLICY p ON s.t;");
  ASSERT_EQ(effects.size(), 4u);
  EXPECT_EQ(effects[0].object.display(), "t.tr");
  EXPECT_EQ(effects[0].depends_on[1].object.display(), "audit.f()");
  EXPECT_FALSE(effects[0].depends_on[1].automatic);
  EXPECT_EQ(effects[1].object.kind, ObjectKind::policy);
  EXPECT_EQ(effects[2].action, Action::drop);
  EXPECT_TRUE(effects[2].if_exists);
  EXPECT_EQ(effects[2].object.parent, "t");
  EXPECT_EQ(effects[3].object.schema, "s");
}

TEST(LintObjects, DropsAndRenames) {
  EXPECT_EQ(
      describe("DROP TABLE IF EXISTS a, s.b CASCADE; DROP INDEX i; DROP TYPE ty; "
               "DROP EXTENSION e; DROP SCHEMA s; DROP ROLE r; DROP MATERIALIZED VIEW m; "
               "ALTER TABLE t RENAME TO t2; ALTER TABLE t RENAME COLUMN a TO b; "
               "ALTER INDEX i RENAME TO j; ALTER TABLE t RENAME CONSTRAINT a TO b; "
               "ALTER TYPE ty ADD VALUE 'x'; ALTER TABLE t SET SCHEMA other;"),
      (Lines{"drop table public.a", "drop table s.b", "drop index public.i", "drop type public.ty",
             "drop extension e", "drop schema s", "drop role r", "drop materialized view public.m",
             "rename table public.t -> t2", "rename column public.t.a -> b",
             "rename index public.i -> j", "rename constraint public.t.a -> b",
             "alter type public.ty", "rename table public.t -> t"}));
  auto effects = effects_of("DROP TABLE IF EXISTS a, b CASCADE; ALTER TYPE ty ADD VALUE 'x';");
  EXPECT_TRUE(effects[0].if_exists);
  EXPECT_TRUE(effects[1].cascade);
  EXPECT_EQ(effects[2].change, Change::add_value);
}

TEST(LintObjects, EveryKindOfCreate) {
  EXPECT_EQ(
      describe("CREATE TYPE mood AS ENUM ('a'); CREATE TYPE pair AS (a int, b int); "
               "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%'); "
               "CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE SEQUENCE s; "
               "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t; CREATE ROLE app; "
               "CREATE TABLE c AS SELECT * FROM t; CREATE COLLATION coll (locale = 'C'); "
               "CREATE RULE r AS ON INSERT TO t DO NOTHING;"),
      (Lines{"create type public.mood", "create type public.pair", "create domain public.email",
             "create constraint public.email.email_check", "create extension pgcrypto",
             "create sequence public.s", "create materialized view public.mv", "create role app",
             "create table public.c", "create collation public.coll", "create rule public.t.r"}));
}

TEST(LintObjects, RowsWrittenAndTheStatementsInsideDoBlocks) {
  EXPECT_EQ(describe("INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT DO NOTHING; "
                     "DELETE FROM t WHERE a = 1; UPDATE s.t SET a = 2; TRUNCATE t;\n"
                     "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'm') THEN "
                     "CREATE TYPE m AS ENUM ('x'); END IF; END $$;"),
            (Lines{"use table public.t", "use table public.t", "use table s.t",
                   "use table public.t", "create type public.m"}));
  // A sequence a string constant names to nextval, currval or setval: looked up at once.
  EXPECT_EQ(describe("SELECT setval('invoice_seq', 5000); SELECT pg_catalog.nextval('s.q'); "
                     "SELECT setval(to_regclass('x'), 1), nextval('y'::text);"),
            (Lines{"use sequence public.invoice_seq", "use sequence s.q"}));
  auto effects = effects_of("INSERT INTO t (a, b) VALUES (1, 2);");
  EXPECT_EQ(effects[0].change, Change::insert);
  EXPECT_EQ(effects[0].columns, (std::vector<std::string>{"a", "b"}));
}

TEST(LintObjects, OtherAltersNameTheirObject) {
  EXPECT_EQ(describe("ALTER TYPE mood SET (SEND = mood_send); ALTER PUBLICATION pub ADD TABLE t; "
                     "ALTER EVENT TRIGGER et DISABLE; ALTER STATISTICS s.st SET STATISTICS 10; "
                     "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR word WITH simple; "
                     "GRANT SELECT ON t TO app;"),
            (Lines{"alter type public.mood", "alter publication pub", "alter event trigger et",
                   "alter statistics object s.st", "alter text search configuration public.cfg",
                   "alter table public.t"}));
  // A mapping's token types and dictionaries; REPLACE's old one is needed by the statement only.
  auto mappings = effects_of(
      "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR asciiword, word WITH d, simple; "
      "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING REPLACE english_stem WITH s.d; "
      "ALTER TEXT SEARCH CONFIGURATION cfg DROP MAPPING FOR email;");
  ASSERT_EQ(mappings.size(), 3u);
  EXPECT_EQ(mappings[0].columns, (std::vector<std::string>{"asciiword", "word"}));
  ASSERT_EQ(mappings[0].depends_on.size(), 1u);
  EXPECT_EQ(mappings[0].depends_on[0].object.display(), "d");
  EXPECT_EQ(mappings[0].depends_on[0].source, DependencySource::mapping);
  EXPECT_TRUE(mappings[1].columns.empty());
  ASSERT_EQ(mappings[1].depends_on.size(), 2u);
  EXPECT_EQ(mappings[1].depends_on[0].object.display(), "pg_catalog.english_stem");
  EXPECT_EQ(mappings[1].depends_on[0].source, DependencySource::statement);
  EXPECT_EQ(mappings[1].depends_on[1].object.display(), "s.d");
  EXPECT_EQ(mappings[2].columns, (std::vector<std::string>{"email"}));
  EXPECT_TRUE(mappings[2].depends_on.empty());
  // GRANT and REVOKE change each object they name; ALL ... IN SCHEMA names the schema and the
  // kind of objects, which the catalog's replay makes one effect per object.
  auto grants = effects_of(
      "GRANT SELECT ON t, s.u TO app; REVOKE EXECUTE ON FUNCTION f(int) FROM PUBLIC; "
      "GRANT USAGE ON SCHEMA app TO app; GRANT SELECT ON ALL TABLES IN SCHEMA app TO app; "
      "REVOKE ALL ON ALL ROUTINES IN SCHEMA app, b FROM app;");
  ASSERT_EQ(grants.size(), 7u);
  EXPECT_EQ(grants[0].change, Change::grant);
  EXPECT_EQ(grants[1].object.schema, "s");
  EXPECT_EQ(grants[2].change, Change::revoke);
  EXPECT_EQ(grants[2].object.kind, ObjectKind::function);
  EXPECT_EQ(grants[3].object.kind, ObjectKind::schema);
  EXPECT_FALSE(grants[3].all_in_schema);
  EXPECT_TRUE(grants[4].all_in_schema);
  EXPECT_EQ(grants[4].object.display(), "app.tables");
  EXPECT_EQ(grants[4].change, Change::grant);
  EXPECT_EQ(grants[5].object.name, "routines");
  EXPECT_EQ(grants[6].object.schema, "b");
  EXPECT_EQ(grants[6].change, Change::revoke);
}

TEST(LintObjects, CanonicalTypes) {
  EXPECT_EQ(describe("DROP FUNCTION f(integer, bigint, boolean, character varying, decimal, "
                     "timestamptz, timestamp with time zone, text[], public.mood);"),
            (Lines{"drop function public.f(int4,int8,bool,varchar,numeric,timestamptz,"
                   "timestamptz,text[],mood)"}));
}

TEST(LintObjects, SettingsAreChangesOfTheirOwnWithWhatTheySet) {
  auto effects = effects_of(
      "ALTER FUNCTION app.f(int) SECURITY DEFINER SET search_path = public RESET ALL;"
      "ALTER TABLE t SET (fillfactor = 70, toast.autovacuum_enabled = false), "
      "DISABLE TRIGGER audit, ENABLE TRIGGER ALL;"
      "ALTER SEQUENCE s INCREMENT BY 2 RESTART WITH 10;"
      "ALTER SEQUENCE s RESTART;"
      "COMMENT ON COLUMN t.c IS 'x';");
  std::vector<std::string> seen;
  for (const Effect& effect : effects) {
    if (effect.change == Change::none) continue;
    std::string line = effect.object.display() + " " + std::to_string(int(effect.change));
    for (const auto& name : effect.columns) line += " " + name;
    seen.push_back(line);
  }
  auto code = [](Change change) { return " " + std::to_string(int(change)); };
  // ALTER FUNCTION names its function (the struct it holds has no node kind of its own).
  EXPECT_EQ(seen,
            (std::vector<std::string>{
                "app.f(int4)" + code(Change::routine_options) + " security set:search_path set:*",
                "t" + code(Change::storage_parameters) + " fillfactor toast.autovacuum_enabled",
                "t" + code(Change::disable_trigger) + " audit",
                "t" + code(Change::enable_trigger) + " ALL",
                "s" + code(Change::sequence_options) + " increment",
                "s" + code(Change::other),
                "t.c" + code(Change::comment),
            }));
  for (const Effect& effect : effects) {
    EXPECT_EQ(is_setting(effect.change),
              effect.change != Change::none && effect.change != Change::other)
        << effect.object.display();
  }
}

}  // namespace
}  // namespace sqlgate::lint
