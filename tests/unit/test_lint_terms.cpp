#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pg_query.h>

#include "lint/terms.h"
#include "lint/tree.h"

namespace sqlgate::lint {
namespace {

// The WHERE of `SELECT 1 WHERE <expression>`, as libpg_query parses it.
Node expression(Documents& documents, const std::string& text) {
  std::string sql = "SELECT 1 WHERE " + text;
  PgQueryParseResult result = pg_query_parse(sql.c_str());
  EXPECT_EQ(result.error, nullptr) << text;
  std::string json = result.parse_tree != nullptr ? result.parse_tree : "{}";
  pg_query_free_parse_result(result);
  std::string error;
  Node root = documents.load(json, &error);
  EXPECT_TRUE(root.valid()) << error;
  return root.list("stmts")[0].get("stmt").get("whereClause");
}

TEST(Terms, SameTermsReadsAnExpressionWrittenInAnotherHandAsTheSame) {
  Documents documents;
  auto same = [&](const std::string& a, const std::string& b) {
    return same_terms(expression(documents, a), expression(documents, b));
  };
  // As pg_dump writes it back: every parenthesis, casts, IN as = ANY (ARRAY[...]).
  EXPECT_TRUE(same("a > 0 AND (b IS NULL AND c IS NULL) OR d IS NOT NULL",
                   "((((a > 0) AND (b IS NULL) AND (c IS NULL)) OR (d IS NOT NULL)))"));
  EXPECT_TRUE(
      same("status IN ('new', 'paid')", "(status = ANY (ARRAY['new'::text, 'paid'::text]))"));
  EXPECT_TRUE(same("char_length(name) <= 200", "(char_length((name)::text) <= 200)"));
  // Another operator, constant, column, function or list is another expression.
  EXPECT_FALSE(same("a > 0", "a >= 0"));
  EXPECT_FALSE(same("a > 0", "a > 1"));
  EXPECT_FALSE(same("a > 0", "b > 0"));
  EXPECT_FALSE(same("length(a) > 0", "char_length(a) > 0"));
  EXPECT_FALSE(same("status IN ('new', 'paid')", "status IN ('new', 'paid', 'void')"));
  EXPECT_FALSE(same("a IS NULL", "a IS NOT NULL"));
  EXPECT_FALSE(same("a > 0 AND b > 0", "a > 0 OR b > 0"));
  EXPECT_FALSE(same("a > 0 AND b > 0", "NOT (a > 0 AND b > 0)"));
  EXPECT_FALSE(same("a = 'x'", "a = 'y'"));
  EXPECT_FALSE(same("a = 1", "a = 1 AND a = 1"));
  EXPECT_TRUE(same_terms(Node(), Node()));
  EXPECT_FALSE(same_terms(expression(documents, "a > 0"), Node()));
}

TEST(Terms, ReadsALiteralInTheTypeOfTheColumnItIsComparedWith) {
  Documents documents;
  TermTypes types;
  types.column = [](std::string_view column) -> std::string {
    if (column == "active") return "bool";
    if (column == "qty") return "int4";
    if (column == "units") return "int8";
    return {};
  };
  auto same = [&](const std::string& a, const std::string& b) {
    return same_terms(expression(documents, a), expression(documents, b), types);
  };
  // As PostgreSQL stores them (pg_get_constraintdef prints the second form for both).
  EXPECT_TRUE(same("active = 'f' OR qty > 0", "((active = false) OR (qty > 0))"));
  EXPECT_TRUE(same("'t' = active", "true = active"));
  EXPECT_TRUE(same("active = 'yes'", "active = 'on'::boolean"));
  EXPECT_TRUE(same("active = 'f'", "active = ' false '"));  // boolin() trims blanks
  EXPECT_TRUE(same("qty = '1'", "qty = 1"));
  EXPECT_TRUE(same("qty = ' +7 '", "qty = 7"));
  // An array type's bounds are no term: text[] and text[][] are one type.
  EXPECT_TRUE(same("tags <> '{}'", "tags <> '{}'::text[]"));
  EXPECT_TRUE(same("tags <> '{}'::text[][]", "tags <> '{}'::text[]"));
  // Other values, a bigint (stored as '1'::bigint, not as 1), a column of unknown type.
  EXPECT_FALSE(same("active = 'f'", "active = true"));
  EXPECT_FALSE(same("active = 'x'", "active = false"));
  EXPECT_FALSE(same("qty = '1'", "qty = 2"));
  EXPECT_FALSE(same("qty = '1.0'", "qty = 1"));
  EXPECT_FALSE(same("units = '1'", "units = 1"));
  EXPECT_FALSE(same("label = 'f'", "label = false"));
  // Without types, spellings stay apart.
  EXPECT_FALSE(
      same_terms(expression(documents, "active = 'f'"), expression(documents, "active = false")));
}

TEST(Terms, ReadsAWholeConstantInTheTypeItTakes) {
  Documents documents;
  auto same = [&](const std::string& type, const std::string& a, const std::string& b) {
    return same_terms(expression(documents, a), expression(documents, b), TermTypes{type, {}});
  };
  EXPECT_TRUE(same("bool", "'f'", "false"));
  EXPECT_TRUE(same("bool", "'TRUE'", "true"));
  EXPECT_TRUE(same("int4", "'1'", "1"));
  EXPECT_FALSE(same("int8", "'1'", "1"));
  EXPECT_FALSE(same("text", "'f'", "false"));
  EXPECT_FALSE(same("bool", "'f'", "true"));
}

TEST(Terms, ConjunctsFlattensNestedAnds) {
  Documents documents;
  std::vector<Node> found;
  conjuncts(expression(documents, "a AND (b AND (c OR d)) AND e"), found);
  EXPECT_EQ(found.size(), 4u);
  found.clear();
  conjuncts(expression(documents, "a OR b"), found);
  EXPECT_EQ(found.size(), 1u);
}

}  // namespace
}  // namespace sqlgate::lint
