#include <gtest/gtest.h>

#include "lint/plpgsql.h"
#include "lint/sql.h"

namespace sqlgate::lint {
namespace {

SourceFile source(std::string text, std::string name = "1_x.up.sql") {
  SourceFile file;
  file.path = name;
  file.display = name;
  file.text = std::move(text);
  classify(file);
  return file;
}

TEST(LineIndex, CountsCodePoints) {
  std::string text = "ab\nçé x\n\nlast";
  LineIndex index(text);
  EXPECT_EQ(index.position(0), (Position{1, 1}));
  EXPECT_EQ(index.position(3), (Position{2, 1}));
  // "çé " is 5 bytes, 3 code points: x is column 4.
  EXPECT_EQ(index.position(8), (Position{2, 4}));
  EXPECT_EQ(index.position(10), (Position{3, 1}));
  EXPECT_EQ(index.line_text(2), "çé x");
  EXPECT_EQ(index.line_text(4), "last");
  EXPECT_EQ(index.offset(Position{2, 4}), 8u);
}

TEST(ParsedFile, StatementRangesSkipLeadingComments) {
  SourceFile file =
      source("-- header\nCREATE TABLE a (id int);\n\n/* c */ CREATE INDEX i ON a (id);\nSELECT 1");
  auto parsed = ParsedFile::parse(file);
  ASSERT_FALSE(parsed->error());
  ASSERT_EQ(parsed->statements().size(), 3u);
  EXPECT_EQ(parsed->slice(parsed->statements()[0].range), "CREATE TABLE a (id int)");
  EXPECT_EQ(parsed->slice(parsed->statements()[1].range), "CREATE INDEX i ON a (id)");
  EXPECT_EQ(parsed->slice(parsed->statements()[2].range), "SELECT 1");
  EXPECT_EQ(parsed->statements()[0].kind(), "CreateStmt");
  EXPECT_EQ(parsed->statements()[1].kind(), "IndexStmt");
  const Statement& create = parsed->statements()[0];
  EXPECT_EQ(create.node.get("relation").str("relname"), "a");
  EXPECT_EQ(create.offset(create.node.get("relation").location()), 23u);
}

TEST(ParsedFile, SyntaxErrorHasAPosition) {
  SourceFile file = source("SELECT 1;\nCREATE TABLE (id int);\n");
  auto parsed = ParsedFile::parse(file);
  ASSERT_TRUE(parsed->error());
  EXPECT_EQ(parsed->error()->rule, "syntax-error");
  EXPECT_EQ(parsed->position(parsed->error()->offset), (Position{2, 14}));
  EXPECT_TRUE(parsed->statements().empty());
}

TEST(ParsedFile, SyntaxErrorPositionCountsCharacters) {
  SourceFile file = source("SELECT 'é';\nSELEC 1;\n");
  auto parsed = ParsedFile::parse(file);
  ASSERT_TRUE(parsed->error());
  EXPECT_EQ(parsed->position(parsed->error()->offset), (Position{2, 1}));
}

TEST(ParsedFile, RejectsNulAndInvalidUtf8) {
  SourceFile nul_source = source(std::string("SELECT 1;\0DROP TABLE x;", 23));
  auto nul = ParsedFile::parse(nul_source);
  ASSERT_TRUE(nul->error());
  EXPECT_EQ(nul->error()->rule, "invalid-encoding");
  EXPECT_EQ(nul->error()->offset, 9u);
  SourceFile latin1_source = source("SELECT 'caf\xe9';");
  auto latin1 = ParsedFile::parse(latin1_source);
  ASSERT_TRUE(latin1->error());
  EXPECT_EQ(latin1->error()->offset, 11u);
  EXPECT_FALSE(check_encoding("ok: \xe6\x97\xa5"));
  EXPECT_TRUE(check_encoding("\xed\xa0\x80"));  // a surrogate
  EXPECT_TRUE(check_encoding("\xc0\xaf"));      // overlong
  EXPECT_TRUE(check_encoding("truncated \xe6\x97"));
}

TEST(ParsedFile, NegativeIntegersKeepTheirValue) {
  // libpg_query's JSON writes a negative integer constant like 0; the tree has the value.
  SourceFile file_source = source(
      "SELECT -5, 0, - 7, 12, -0, '-9', -2147483648;\n"
      "DO $$ BEGIN INSERT INTO t VALUES (-3); IF -4 < 0 THEN RETURN; END IF; END $$;");
  auto parsed = ParsedFile::parse(file_source);
  ASSERT_FALSE(parsed->error());
  std::vector<std::string> values;
  for (Node target : parsed->statements()[0].node.list("targetList")) {
    Node value = target.get("val");
    if (Node integer = value.get("ival"); integer.valid()) {
      values.push_back(std::to_string(integer.num("ival")));
    } else if (Node text = value.get("sval"); text.valid()) {
      std::string quoted = "'";
      quoted.append(text.str("sval")).append("'");
      values.push_back(std::move(quoted));
    } else {
      values.push_back(std::string(value.get("fval").str("fval")));
    }
  }
  EXPECT_EQ(values, (std::vector<std::string>{"-5", "0", "-7", "12", "0", "'-9'", "-2147483648"}));

  // In a statement a DO block runs: its text is parsed on its own.
  const Statement* insert = nullptr;
  for (const Statement* statement : parsed->all_statements()) {
    if (statement->kind() == "InsertStmt") insert = statement;
  }
  ASSERT_NE(insert, nullptr);
  Node row = insert->node.get("selectStmt").list("valuesLists")[0];
  EXPECT_EQ(row.list("items")[0].get("ival").num("ival"), -3);
}

TEST(ParsedFile, ExpandsDoBlocks) {
  std::string text =
      "DO $body$\n"
      "BEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n"
      "    CREATE TYPE mood AS ENUM ('a');\n"
      "  END IF;\n"
      "  EXECUTE 'ALTER TABLE t ADD COLUMN c int';\n"
      "  BEGIN\n"
      "    ALTER TABLE t ADD CONSTRAINT u UNIQUE (c);\n"
      "  EXCEPTION WHEN duplicate_object THEN NULL;\n"
      "  END;\n"
      "END\n"
      "$body$;\n";
  SourceFile file = source(text);
  auto parsed = ParsedFile::parse(file);
  ASSERT_FALSE(parsed->error());
  ASSERT_EQ(parsed->statements().size(), 1u);
  const auto& inner = parsed->embedded();
  ASSERT_EQ(inner.size(), 3u);

  EXPECT_EQ(inner[0].kind(), "CreateEnumStmt");
  EXPECT_EQ(parsed->slice(inner[0].range), "CREATE TYPE mood AS ENUM ('a')");
  EXPECT_TRUE(inner[0].exact);
  EXPECT_EQ(inner[0].parent, 0);
  ASSERT_EQ(inner[0].frames.size(), 2u);
  EXPECT_EQ(inner[0].frames[0].node.kind(), "PLpgSQL_stmt_block");
  EXPECT_EQ(inner[0].frames[1].node.kind(), "PLpgSQL_stmt_if");
  EXPECT_EQ(inner[0].frames[1].part, "then_body");
  EXPECT_EQ(inner[0].frames[1].node.get("cond").get("query").as_str(),
            "NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood')");
  EXPECT_EQ(parsed->position(inner[0].range.begin), (Position{4, 5}));

  EXPECT_EQ(inner[1].kind(), "AlterTableStmt");
  EXPECT_TRUE(inner[1].dynamic);
  EXPECT_TRUE(inner[1].exact);
  EXPECT_EQ(parsed->slice(inner[1].range), "ALTER TABLE t ADD COLUMN c int");
  std::uint32_t table = inner[1].offset(inner[1].node.get("relation").location());
  EXPECT_EQ(parsed->text().substr(table, 1), "t");

  EXPECT_EQ(inner[2].kind(), "AlterTableStmt");
  ASSERT_EQ(inner[2].frames.size(), 2u);
  const Node& block = inner[2].frames[1].node;
  EXPECT_EQ(block.kind(), "PLpgSQL_stmt_block");
  auto handlers = block.get("exceptions").get("exc_list").items();
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0].list("conditions")[0].str("condname"), "duplicate_object");

  ASSERT_EQ(parsed->all_statements().size(), 4u);
  EXPECT_EQ(parsed->all_statements()[0], &parsed->statements()[0]);
  EXPECT_EQ(parsed->all_statements()[1], &inner[0]);
}

// The kinds of the body statements of each statement ("-" when it has no analyzed body).
std::vector<std::string> bodies(const std::string& sql) {
  SourceFile file = source(sql);
  auto parsed = ParsedFile::parse(file);
  std::vector<std::string> kinds;
  for (const Statement* statement : parsed->all_statements()) {
    if (statement->body == nullptr) {
      kinds.emplace_back("-");
      continue;
    }
    std::string line;
    for (const Statement& inner : *statement->body) {
      if (!line.empty()) line += " ";
      line += inner.kind();
    }
    kinds.push_back(line);
  }
  return kinds;
}

TEST(SqlBody, StatementsStandWhereTheBodyWritesThem) {
  std::string text =
      "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
      "AS $fn$ SELECT a FROM t; INSERT INTO u VALUES (a) $fn$;\n"
      "create procedure p() language sql as /* the body */ 'delete from t where b = ''x''';\n";
  SourceFile file = source(text);
  auto parsed = ParsedFile::parse(file);
  const auto& all = parsed->all_statements();
  ASSERT_EQ(all.size(), 2u);
  ASSERT_NE(all[0]->body, nullptr);
  const auto& body = *all[0]->body;
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0].kind(), "SelectStmt");
  EXPECT_TRUE(body[0].exact);
  EXPECT_EQ(parsed->slice(body[0].range), "SELECT a FROM t");
  EXPECT_EQ(parsed->slice(body[1].range), "INSERT INTO u VALUES (a)");
  std::uint32_t table = body[1].offset(body[1].node.get("relation").location());
  EXPECT_EQ(text.substr(table, 1), "u");
  // A doubled quote: the text PostgreSQL parses is not the file's, so findings go to the
  // CREATE statement.
  ASSERT_NE(all[1]->body, nullptr);
  ASSERT_EQ(all[1]->body->size(), 1u);
  const Statement& rewritten = all[1]->body->front();
  EXPECT_FALSE(rewritten.exact);
  EXPECT_EQ(rewritten.range, all[1]->range);
  EXPECT_EQ(rewritten.node.get("relation").str("relname"), "t");
}

TEST(SqlBody, OnlyWhatPostgresAnalyzes) {
  EXPECT_EQ(bodies("CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ "
                   "SELECT 1; UPDATE t SET a = 1; DELETE FROM t; CALL p(); "
                   "CREATE TABLE c AS SELECT * FROM t; EXPLAIN SELECT 2; "
                   "CREATE TABLE d (a int); ALTER TABLE t ADD b int; TRUNCATE t $$;"),
            (std::vector<std::string>{
                "SelectStmt UpdateStmt DeleteStmt CallStmt SelectStmt SelectStmt"}));
  EXPECT_EQ(bodies("CREATE FUNCTION f(anyelement) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                   "CREATE FUNCTION g(OUT x anyelement, y int) LANGUAGE sql AS 'SELECT y';"
                   "CREATE FUNCTION h() RETURNS int LANGUAGE plpgsql AS 'BEGIN RETURN 1; END';"
                   "CREATE FUNCTION i() RETURNS int LANGUAGE sql RETURN 1;"
                   "CREATE FUNCTION j() RETURNS int LANGUAGE sql SET check_function_bodies = off "
                   "AS 'SELECT 1';"
                   "CREATE FUNCTION k() RETURNS int LANGUAGE sql AS 'SELECT (';"),
            (std::vector<std::string>{"-", "SelectStmt", "-", "-", "-", "-"}));
}

TEST(SqlBody, FollowsCheckFunctionBodies) {
  EXPECT_EQ(bodies("SET check_function_bodies = false;"
                   "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                   "RESET check_function_bodies;"
                   "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                   "SELECT pg_catalog.set_config('check_function_bodies', 'off', false);"
                   "CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                   "SET check_function_bodies TO on;"
                   "CREATE FUNCTION i() RETURNS int LANGUAGE sql AS 'SELECT 1';"),
            (std::vector<std::string>{"-", "-", "-", "SelectStmt", "-", "-", "-", "SelectStmt"}));
}

TEST(ParsedFile, EscapedExecuteIsApproximate) {
  SourceFile parsed_source = source(
      "DO $$ BEGIN EXECUTE 'COMMENT ON TABLE t IS ''x'''; EXECUTE format('DROP TABLE %I', 't'); "
      "END $$;");
  auto parsed = ParsedFile::parse(parsed_source);
  ASSERT_EQ(parsed->embedded().size(), 1u) << "format() is not a constant";
  EXPECT_FALSE(parsed->embedded()[0].exact);
  EXPECT_EQ(parsed->embedded()[0].kind(), "CommentStmt");
  ASSERT_EQ(parsed->templated().size(), 1u) << "format()'s template, apart";
  EXPECT_EQ(parsed->templated()[0].kind(), "DropStmt");
  EXPECT_TRUE(parsed->templated()[0].dynamic);
  EXPECT_FALSE(parsed->ordinal(parsed->templated()[0]).has_value());
  EXPECT_EQ(parsed->ordinal(parsed->embedded()[0]), 1u);
}

TEST(FormatTemplate, StandsInForEachArgument) {
  EXPECT_EQ(format_template_sql("CREATE INDEX i ON %I.t (%s) WHERE k = %L"),
            "CREATE INDEX i ON \"%I\".t (\"%s\") WHERE k = '%L'");
  EXPECT_EQ(format_template_sql("CREATE TABLE %1$I.%2$I (p int CHECK (p <= 100)) -- 100%%"),
            "CREATE TABLE \"%I\".\"%I\" (p int CHECK (p <= 100)) -- 100%");
  EXPECT_EQ(format_template_sql("SELECT %-10s, %*s, %*2$I"), "SELECT \"%s\", \"%s\", \"%I\"");
  EXPECT_FALSE(format_template_sql("SELECT %d"));
  EXPECT_FALSE(format_template_sql("SELECT 50%"));
}

TEST(ParsedFile, ReadsDirectivesOnlyWhenMentioned) {
  std::string text =
      "-- sqlgate:ignore rule-a\n"
      "CREATE TABLE a (id int);\n"
      "CREATE TABLE b (id int); -- sqlgate:ignore rule-b\n"
      "DO $$\n"
      "BEGIN\n"
      "  -- sqlgate:run-once inside the block\n"
      "  ALTER TABLE a RENAME COLUMN id TO key;\n"
      "END $$;\n";
  SourceFile parsed_source = source(text);
  auto parsed = ParsedFile::parse(parsed_source);
  ASSERT_EQ(parsed->directives().size(), 3u);
  const auto& all = parsed->all_statements();
  EXPECT_EQ(all[static_cast<std::size_t>(parsed->directives()[0].statement)],
            &parsed->statements()[0]);
  EXPECT_TRUE(parsed->directives()[1].trailing);
  EXPECT_EQ(all[static_cast<std::size_t>(parsed->directives()[1].statement)],
            &parsed->statements()[1]);
  EXPECT_EQ(parsed->directives()[2].kind, DirectiveKind::run_once);
  EXPECT_EQ(parsed->directives()[2].line, 6u);
  EXPECT_EQ(all[static_cast<std::size_t>(parsed->directives()[2].statement)],
            &parsed->embedded()[0]);
  EXPECT_EQ(parsed->directives_for(parsed->embedded()[0], DirectiveKind::run_once).size(), 1u);

  SourceFile plain_source = source("-- no directives\nSELECT 1;");
  auto plain = ParsedFile::parse(plain_source);
  EXPECT_TRUE(plain->comments().empty()) << "the scanner runs only for files that need it";
}

TEST(ParsedFile, TokensOfARange) {
  SourceFile parsed_source = source("SELECT 1;\nCREATE INDEX CONCURRENTLY i ON t (a);");
  auto parsed = ParsedFile::parse(parsed_source);
  const Statement& index = parsed->statements()[1];
  auto tokens = parsed->tokens(index.range);
  ASSERT_GE(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].name, "CREATE");
  EXPECT_EQ(tokens[1].name, "INDEX");
  EXPECT_EQ(tokens[2].name, "CONCURRENTLY");
  EXPECT_EQ(tokens[3].name, "IDENT");
  EXPECT_EQ(parsed->slice(tokens[3].range), "i");
}

TEST(ParsedFile, DeepNestingDecodes) {
  std::string text = "SELECT " + std::string(2000, '(') + "1" + std::string(2000, ')') + ";";
  SourceFile parsed_source = source(text);
  auto parsed = ParsedFile::parse(parsed_source);
  if (!parsed->error()) {
    EXPECT_EQ(parsed->statements().size(), 1u);
    EXPECT_TRUE(parsed->statements()[0].node.first_location().has_value());
  } else {
    EXPECT_EQ(parsed->error()->rule, "syntax-error");
  }
}

}  // namespace
}  // namespace sqlgate::lint
