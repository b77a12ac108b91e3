#include <gtest/gtest.h>

#include "lint/fix.h"
#include "lint/pg_facts.h"

namespace sqlgate::lint {
namespace {

struct Parsed {
  SourceFile source;
  std::unique_ptr<ParsedFile> file;

  explicit Parsed(std::string text) {
    source.path = "1_x.up.sql";
    source.display = "1_x.up.sql";
    source.text = std::move(text);
    classify(source);
    file = ParsedFile::parse(source);
  }
  const Statement& at(std::size_t n) const { return *file->all_statements().at(n); }
};

// The type of the first column of "CREATE TABLE t (c <type>)".
ColumnType type_of(const std::string& type) {
  Parsed parsed("CREATE TABLE t (c " + type + ");");
  std::vector<ColumnDefinition> columns = column_definitions(parsed.at(0));
  if (columns.size() != 1) {
    ADD_FAILURE() << "not one column: " << type;
    return {};
  }
  return column_type(columns[0].type_name);
}

// parse_bool() and boolin() as PostgreSQL 15 reads them (SET check_function_bodies = 'of',
// SELECT ' Yes '::boolean).
TEST(Booleans, ReadAsPostgresReadsThem) {
  EXPECT_EQ(parse_bool("on"), true);
  EXPECT_EQ(parse_bool("OF"), false);
  EXPECT_EQ(parse_bool("t"), true);
  EXPECT_EQ(parse_bool("fals"), false);
  EXPECT_EQ(parse_bool("Y"), true);
  EXPECT_EQ(parse_bool("1"), true);
  EXPECT_EQ(parse_bool("0"), false);
  EXPECT_EQ(parse_bool("o"), std::nullopt);
  EXPECT_EQ(parse_bool("10"), std::nullopt);
  EXPECT_EQ(parse_bool("truer"), std::nullopt);
  EXPECT_EQ(parse_bool(""), std::nullopt);
  EXPECT_EQ(parse_bool(" yes"), std::nullopt);
  EXPECT_EQ(boolean_input(" Yes \n"), true);
  EXPECT_EQ(boolean_input("  "), std::nullopt);
}

TEST(ColumnType, FoldsPostgresSpellings) {
  EXPECT_EQ(type_of("int").display(), "integer");
  EXPECT_EQ(type_of("integer").name, "int4");
  EXPECT_EQ(type_of("int4").name, "int4");
  EXPECT_EQ(type_of("bigint").name, "int8");
  EXPECT_EQ(type_of("serial").name, "serial4");
  EXPECT_EQ(type_of("bigserial").display(), "bigserial");
  EXPECT_EQ(type_of("character varying(10)").display(), "varchar(10)");
  EXPECT_EQ(type_of("char(3)").display(), "char(3)");
  EXPECT_EQ(type_of("\"char\"").name, "char");  // the one-byte type, not char(n)
  EXPECT_EQ(type_of("decimal(10, 2)").display(), "numeric(10,2)");
  EXPECT_EQ(type_of("timestamp(3) without time zone").display(), "timestamp(3)");
  EXPECT_EQ(type_of("timestamp with time zone").name, "timestamptz");
  EXPECT_EQ(type_of("timestamptz").name, "timestamptz");
  EXPECT_EQ(type_of("bit varying(5)").display(), "varbit(5)");
  EXPECT_EQ(type_of("int[]").display(), "integer[]");
  EXPECT_EQ(type_of("app.money").display(), "app.money");
  EXPECT_TRUE(is_serial(type_of("smallserial")));
  EXPECT_EQ(serial_integer(type_of("bigserial")), "int8");
  EXPECT_TRUE(is_small_integer(type_of("smallint")));
  EXPECT_FALSE(is_small_integer(type_of("bigint")));
}

// A quoted name keeps its case in the catalog: Prisma's "Role" is not role, and SQL must write it
// quoted again.
TEST(ColumnType, KeepsTheCaseOfAQuotedName) {
  EXPECT_EQ(type_of("\"Role\"").name, "Role");
  EXPECT_EQ(type_of("\"Role\"").display(), "\"Role\"");
  EXPECT_EQ(type_of("\"Billing\".\"Role\"[]").display(), "\"Billing\".\"Role\"[]");
  EXPECT_EQ(type_of("Role").name, "role");  // folded by the parser, not again
  EXPECT_EQ(type_of("role").display(), "role");
  EXPECT_FALSE(type_of("\"Role\"") == type_of("role"));
}

TEST(TypeChange, TheChangesCheckedOnPostgres15) {
  TypeChangeContext pg15{15, false};
  TypeChangeContext utc{15, true};
  auto change = [](const char* from, const char* to, TypeChangeContext context) {
    return type_change(type_of(from), type_of(to), context);
  };
  EXPECT_EQ(change("varchar(10)", "varchar(20)", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("varchar(10)", "varchar", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("varchar(10)", "text", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("varchar(10)", "varchar(5)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("text", "varchar", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("text", "varchar(100)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("numeric(10,2)", "numeric(12,2)", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("numeric(10,2)", "numeric", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("numeric(10,2)", "numeric(12,3)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("numeric", "numeric(10,2)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("varbit(5)", "varbit(10)", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("bit(5)", "varbit", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("bit(5)", "varbit(10)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("cidr", "inet", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("xml", "text", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("char(5)", "char(10)", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("char(5)", "text", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("int", "bigint", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("smallint", "int", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("json", "jsonb", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("varchar(10)[]", "text[]", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("int", "int", pg15), TypeChange::no_rewrite);
  EXPECT_EQ(change("timestamp", "timestamptz", pg15), TypeChange::rewrite);
  EXPECT_EQ(change("timestamp", "timestamptz", utc), TypeChange::rebuilds_indexes);
  EXPECT_EQ(change("timestamptz", "timestamp", utc), TypeChange::rebuilds_indexes);
  EXPECT_EQ(change("timestamp", "timestamptz", (TypeChangeContext{11, true})), TypeChange::rewrite);
}

TEST(TypeChange, TargetsThatAnUnknownSourceMayReachWithoutARewrite) {
  TypeChangeContext pg15{15, false};
  EXPECT_TRUE(reachable_without_rewrite(type_of("text"), pg15));
  EXPECT_TRUE(reachable_without_rewrite(type_of("varchar(200)"), pg15));
  EXPECT_TRUE(reachable_without_rewrite(type_of("numeric(14,2)"), pg15));
  EXPECT_FALSE(reachable_without_rewrite(type_of("bigint"), pg15));
  EXPECT_FALSE(reachable_without_rewrite(type_of("jsonb"), pg15));
  EXPECT_FALSE(reachable_without_rewrite(type_of("timestamptz"), pg15));
  EXPECT_TRUE(reachable_without_rewrite(type_of("timestamptz"), (TypeChangeContext{12, true})));
  EXPECT_FALSE(reachable_without_rewrite(type_of("text[]"), pg15));
}

// The default expression of "ALTER TABLE t ADD COLUMN c int DEFAULT <expression>".
std::optional<std::string> volatile_default(const std::string& expression) {
  Parsed parsed("ALTER TABLE t ADD COLUMN c int DEFAULT " + expression + ";");
  EXPECT_FALSE(parsed.file->error()) << expression;
  Node column = parsed.at(0).node.list("cmds").front().get("def");
  return volatile_call(column.list("constraints").front().get("raw_expr"));
}

TEST(Facts, CollationsDifferByNameOrWrittenSchema) {
  using Collation = std::optional<QualifiedName>;
  Collation c{QualifiedName{"", "C"}};
  Collation posix{QualifiedName{"", "POSIX"}};
  EXPECT_TRUE(collations_differ(c, posix));
  EXPECT_FALSE(collations_differ(c, c));
  EXPECT_FALSE(collations_differ(c, std::nullopt));
  // Not collatable: the type says more.
  EXPECT_FALSE(collations_differ(c, Collation{QualifiedName{}}));
  // One name in two schemas, both written; unqualified may be either.
  EXPECT_TRUE(
      collations_differ(Collation{QualifiedName{"a", "ci"}}, Collation{QualifiedName{"b", "ci"}}));
  EXPECT_FALSE(
      collations_differ(Collation{QualifiedName{"a", "ci"}}, Collation{QualifiedName{"", "ci"}}));
  ColumnType type;
  type.name = "text";
  EXPECT_EQ(default_collation(type)->sql(), "\"default\"");
  type.name = "name";
  EXPECT_EQ(default_collation(type)->sql(), "\"C\"");
  type.name = "int4";
  EXPECT_EQ(default_collation(type)->name, "");
  type.name = "money_text";
  EXPECT_FALSE(default_collation(type));
}

TEST(Volatility, KnownVolatileCallsAnywhereInTheExpression) {
  EXPECT_EQ(volatile_default("random()"), "random");
  EXPECT_EQ(volatile_default("(random() * 10)::int"), "random");
  EXPECT_EQ(volatile_default("extensions.uuid_generate_v4()"), "uuid_generate_v4");
  EXPECT_EQ(volatile_default("nextval('s')"), "nextval");
  EXPECT_EQ(volatile_default("coalesce(NULL, clock_timestamp())"), "clock_timestamp");
  EXPECT_EQ(volatile_default("now()"), std::nullopt);  // stable
  EXPECT_EQ(volatile_default("42"), std::nullopt);
  EXPECT_EQ(volatile_default("make_code()"), std::nullopt);   // unknown: not guessed
  EXPECT_EQ(volatile_default("\"RANDOM\"()"), std::nullopt);  // a function of its own
  EXPECT_TRUE(is_known_non_volatile(QualifiedName{"", "now"}));
  EXPECT_TRUE(is_known_non_volatile(QualifiedName{"pg_catalog", "lower"}));
  EXPECT_FALSE(is_known_non_volatile(QualifiedName{"app", "now"}));  // a function of its own
  EXPECT_FALSE(is_known_non_volatile(QualifiedName{"", "random_code"}));
}

// As PostgreSQL reads 'x'::regclass and nextval('x') (checked on 15: nextval('"Seq"') finds the
// sequence named Seq, nextval('Seq') the one named seq).
TEST(Facts, QualifiedNamesInText) {
  using Parts = std::vector<std::string>;
  EXPECT_EQ(text_name_parts("orders_id_seq"), (Parts{"orders_id_seq"}));
  EXPECT_EQ(text_name_parts("App.Orders_Id_Seq"), (Parts{"app", "orders_id_seq"}));
  EXPECT_EQ(text_name_parts("public.\"My Seq\""), (Parts{"public", "My Seq"}));
  EXPECT_EQ(text_name_parts(" \"a\"\"b\" . c "), (Parts{"a\"b", "c"}));
  EXPECT_EQ(text_name_parts("db.app.seq"), (Parts{"db", "app", "seq"}));
  EXPECT_TRUE(text_name_parts("").empty());
  EXPECT_TRUE(text_name_parts("a..b").empty());
  EXPECT_TRUE(text_name_parts("\"open").empty());
  EXPECT_TRUE(text_name_parts("a b").empty());
  EXPECT_TRUE(text_name_parts("a.").empty());
  EXPECT_TRUE(text_name_parts("int[]").empty());
  EXPECT_TRUE(text_name_parts("a-b").empty());
  EXPECT_EQ(text_name_parts("_a$1.b2"), (Parts{"_a$1", "b2"}));
}

// The first value of "SELECT <expression>".
std::optional<std::string> constant_of(const std::string& expression) {
  Parsed parsed("SELECT " + expression + ";");
  return constant_text(parsed.at(0).node.list("targetList").front().get("val"));
}

TEST(Facts, ConstantsAsText) {
  EXPECT_EQ(constant_of("'theme'"), "theme");
  EXPECT_EQ(constant_of("'a'::text::varchar"), "a");
  EXPECT_EQ(constant_of("42"), "42");
  EXPECT_EQ(constant_of("1.5"), "1.5");
  EXPECT_EQ(constant_of("lower('A')"), std::nullopt);
  EXPECT_EQ(constant_of("x"), std::nullopt);
}

TEST(Facts, NullConstantsAndTimeZones) {
  Parsed parsed("SELECT NULL, NULL::text, 'x';");
  NodeList targets = parsed.at(0).node.list("targetList");
  EXPECT_TRUE(is_null_constant(targets[0].get("val")));
  EXPECT_TRUE(is_null_constant(targets[1].get("val")));
  EXPECT_FALSE(is_null_constant(targets[2].get("val")));
  EXPECT_TRUE(is_utc_zone("UTC"));
  EXPECT_TRUE(is_utc_zone("Etc/UTC"));
  EXPECT_TRUE(is_utc_zone("gmt"));
  EXPECT_TRUE(is_utc_zone("0"));
  EXPECT_FALSE(is_utc_zone("Europe/Paris"));
  EXPECT_FALSE(is_utc_zone(""));
}

TEST(Facts, SetValues) {
  Parsed parsed(
      "SET lock_timeout = '5s'; SET LOCAL statement_timeout TO 3000; SET TIME ZONE 'UTC';\n"
      "SET lock_timeout TO DEFAULT; RESET lock_timeout;");
  EXPECT_EQ(set_value(parsed.at(0).node), "5s");
  EXPECT_EQ(set_value(parsed.at(1).node), "3000");
  EXPECT_EQ(set_value(parsed.at(2).node), "UTC");
  EXPECT_EQ(set_value(parsed.at(3).node), "");
  EXPECT_EQ(set_value(parsed.at(4).node), "");

  Parsed offsets("SET TIME ZONE -5; SET TIME ZONE 0; SET extra_float_digits = - 3;");
  EXPECT_EQ(set_value(offsets.at(0).node), "-5");
  EXPECT_FALSE(is_utc_zone(set_value(offsets.at(0).node)));
  EXPECT_EQ(set_value(offsets.at(1).node), "0");
  EXPECT_EQ(set_value(offsets.at(2).node), "-3");

  Parsed lists(
      "SET search_path = app, \"$user\", 'pg_temp'; SET work_mem = 65536; RESET search_path;");
  EXPECT_EQ(set_values(lists.at(0).node), (std::vector<std::string>{"app", "$user", "pg_temp"}));
  EXPECT_EQ(set_value(lists.at(0).node), "");  // a list is not one value
  EXPECT_EQ(set_values(lists.at(1).node), (std::vector<std::string>{"65536"}));
  EXPECT_TRUE(set_values(lists.at(2).node).empty());
}

TEST(ColumnType, KeepsANegativeScale) {
  ColumnType type = type_of("numeric(10,-2)");
  EXPECT_TRUE(type.modifiers_known);
  EXPECT_EQ(type.modifiers, (std::vector<std::int64_t>{10, -2}));
  EXPECT_EQ(type_of("numeric(10,0)").modifiers, (std::vector<std::int64_t>{10, 0}));
}

TEST(Facts, AlterCommandRanges) {
  Parsed parsed(
      "ALTER TABLE IF EXISTS ONLY app.\"Orders\" ADD COLUMN a numeric(10, 2) DEFAULT f(1, 2),\n"
      "  ALTER COLUMN b SET NOT NULL, DROP COLUMN c;\n"
      "ALTER TABLE t ADD CONSTRAINT k CHECK (x IN (1, 2));\n");
  std::vector<TextRange> ranges = alter_command_ranges(*parsed.file, parsed.at(0));
  ASSERT_EQ(ranges.size(), 3u);
  EXPECT_EQ(parsed.file->slice(ranges[0]), "ADD COLUMN a numeric(10, 2) DEFAULT f(1, 2)");
  EXPECT_EQ(parsed.file->slice(ranges[1]), "ALTER COLUMN b SET NOT NULL");
  EXPECT_EQ(parsed.file->slice(ranges[2]), "DROP COLUMN c");
  EXPECT_EQ(parsed.file->slice(alter_command_range(*parsed.file, parsed.at(1), 0)),
            "ADD CONSTRAINT k CHECK (x IN (1, 2))");
  // Out of range: the whole statement.
  EXPECT_EQ(alter_command_range(*parsed.file, parsed.at(1), 5), parsed.at(1).range);
}

TEST(Facts, SqlIdentifiers) {
  EXPECT_EQ(sql_identifier("orders"), "orders");
  EXPECT_EQ(sql_identifier("user"), "\"user\"");  // a reserved word
  EXPECT_EQ(sql_identifier("Orders"), "\"Orders\"");
  EXPECT_EQ(sql_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(sql_identifier("1st"), "\"1st\"");
  EXPECT_EQ(sql_name("app", "user"), "app.\"user\"");
  EXPECT_EQ(sql_name("", "orders"), "orders");
}

TEST(Facts, NamesQuotedWhereFoldingChangesThem) {
  EXPECT_EQ(quote_if_folded("orders"), "orders");
  EXPECT_EQ(quote_if_folded("user"), "user");  // a lookup by name takes keywords as they are
  EXPECT_EQ(quote_if_folded("Post"), "\"Post\"");
  EXPECT_EQ(quote_if_folded("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quote_if_folded("1st"), "\"1st\"");
}

TEST(Facts, InsertAfterTokenSkipsAnOptionList) {
  Parsed parsed("REINDEX (VERBOSE) TABLE orders;\nCREATE UNIQUE INDEX i ON t (a);");
  auto reindex = insert_after_token(*parsed.file, parsed.at(0), "TABLE", " CONCURRENTLY");
  ASSERT_TRUE(reindex);
  auto index = insert_after_token(*parsed.file, parsed.at(1), "INDEX", " CONCURRENTLY");
  ASSERT_TRUE(index);
  EXPECT_EQ(apply_edits(parsed.file->text(), {*reindex, *index}),
            "REINDEX (VERBOSE) TABLE CONCURRENTLY orders;\n"
            "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);");
  EXPECT_FALSE(insert_after_token(*parsed.file, parsed.at(0), "SCHEMA", "x"));
}

TEST(Facts, ReplaceableTypeNames) {
  Parsed parsed(
      "CREATE TABLE t (a json, b pg_catalog.json, c timestamp(3));\n"
      "ALTER TABLE t ALTER COLUMN a TYPE json;\n");
  auto columns = column_definitions(parsed.at(0));
  ASSERT_EQ(columns.size(), 3u);
  auto a = replaceable_type(*parsed.file, parsed.at(0), columns[0]);
  ASSERT_TRUE(a);
  EXPECT_EQ(parsed.file->slice(*a), "json");
  EXPECT_FALSE(replaceable_type(*parsed.file, parsed.at(0), columns[1]));  // qualified
  auto c = replaceable_type(*parsed.file, parsed.at(0), columns[2]);
  ASSERT_TRUE(c);
  EXPECT_EQ(parsed.file->slice(*c), "timestamp");
  auto retyped = column_definitions(parsed.at(1));
  ASSERT_EQ(retyped.size(), 1u);
  EXPECT_EQ(retyped[0].origin, ColumnDefinition::Origin::alter_type);
  EXPECT_FALSE(replaceable_type(*parsed.file, parsed.at(1), retyped[0]));
}

TEST(Facts, ColumnDefinitionsKnowKeys) {
  Parsed parsed(
      "CREATE TABLE t (a int, b int GENERATED ALWAYS AS IDENTITY, c int PRIMARY KEY, d int,\n"
      "  PRIMARY KEY (a, d));");
  auto columns = column_definitions(parsed.at(0));
  ASSERT_EQ(columns.size(), 4u);
  EXPECT_TRUE(columns[0].primary_key);
  EXPECT_TRUE(columns[1].identity);
  EXPECT_FALSE(columns[1].primary_key);
  EXPECT_TRUE(columns[2].primary_key);
  EXPECT_TRUE(columns[3].primary_key);
}

TEST(Facts, DropObjects) {
  Parsed parsed("DROP TABLE a, app.b; DROP DOMAIN app.d; DROP INDEX i;");
  auto tables = drop_objects(parsed.at(0).node);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[1].display(), "app.b");
  EXPECT_EQ(drop_objects(parsed.at(1).node).at(0).display(), "app.d");
  EXPECT_EQ(drop_objects(parsed.at(2).node).at(0).display(), "i");
  EXPECT_TRUE((QualifiedName{"", "b"}.matches(QualifiedName{"app", "b"})));
  EXPECT_FALSE((QualifiedName{"x", "b"}.matches(QualifiedName{"app", "b"})));
}

}  // namespace
}  // namespace sqlgate::lint
