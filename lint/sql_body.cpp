#include "lint/sql_body.h"

#include <algorithm>
#include <cctype>
#include <string>

#include <pg_query.h>

#include "lint/objects.h"
#include "lint/pg_facts.h"
#include "lint/plpgsql.h"

namespace sqlgate::lint {

namespace {

// What a VariableSetStmt sets check_function_bodies to.
std::optional<bool> variable_set_value(const Node& set) {
  if (set.str("name") != "check_function_bodies") return std::nullopt;
  std::string_view kind = set.str("kind");
  if (kind == "VAR_SET_DEFAULT" || kind == "VAR_RESET") return true;
  if (kind != "VAR_SET_VALUE") return std::nullopt;
  return parse_bool(set_value(set));
}

// The pseudo-types PostgreSQL calls polymorphic (IsPolymorphicType()).
bool polymorphic(const Node& type_name) {
  auto names = string_list(type_name.list("names"));
  if (names.empty() || (names.size() == 2 && names.front() != "pg_catalog") || names.size() > 2) {
    return false;
  }
  static constexpr std::string_view k_types[] = {"anyelement",
                                                 "anyarray",
                                                 "anynonarray",
                                                 "anyenum",
                                                 "anyrange",
                                                 "anymultirange",
                                                 "anycompatible",
                                                 "anycompatiblearray",
                                                 "anycompatiblenonarray",
                                                 "anycompatiblerange",
                                                 "anycompatiblemultirange"};
  return std::find(std::begin(k_types), std::end(k_types), names.back()) != std::end(k_types);
}

// The node of a body statement PostgreSQL analyzes: the statement, or the query a utility
// statement holds; invalid for the statements it only parses.
Node analyzed_node(const Node& statement) {
  std::string_view kind = statement.kind();
  if (kind == "SelectStmt") return statement.has("intoClause") ? Node() : statement;
  if (kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt" || kind == "MergeStmt" ||
      kind == "CallStmt") {
    return statement;
  }
  if (kind == "CreateTableAsStmt" || kind == "ExplainStmt" || kind == "DeclareCursorStmt") {
    return statement.get("query");
  }
  return {};
}

}  // namespace

std::optional<bool> sets_check_function_bodies(const Node& statement) {
  if (statement.is("VariableSetStmt")) {
    if (statement.str("kind") == "VAR_RESET_ALL") return true;
    return variable_set_value(statement);
  }
  auto change = setting_change(statement);
  if (!change || !change->set_config || change->name != "check_function_bodies") {
    return std::nullopt;
  }
  return parse_bool(change->values->front());
}

std::optional<std::vector<Statement>> analyzed_sql_body(std::string_view file_text,
                                                        const Statement& create,
                                                        Documents& documents) {
  const Node& node = create.node;
  if (!node.is("CreateFunctionStmt") || node.has("sql_body")) return std::nullopt;
  bool sql = false;
  Node as;
  for (Node option : node.list("options")) {
    std::string_view name = option.str("defname");
    if (name == "language") sql = option.get("arg").as_str() == "sql";
    if (name == "as") as = option;
    // The routine's own SET clauses apply while PostgreSQL checks the body.
    if (name == "set" && variable_set_value(option.get("arg")) == false) return std::nullopt;
  }
  NodeList parts = as.get("arg").list("items");
  if (!sql || parts.size() != 1) return std::nullopt;
  for (Node parameter : node.list("parameters")) {
    if (!input_parameter(parameter)) continue;
    if (polymorphic(parameter.get("argType"))) return std::nullopt;
  }
  std::string content(parts.front().as_str());
  PgQueryParseResult result = pg_query_parse(content.c_str());
  if (result.error != nullptr) {
    pg_query_free_parse_result(result);
    return std::nullopt;
  }
  Node root = documents.load_parse_tree(result.parse_tree, content, nullptr);
  pg_query_free_parse_result(result);
  if (!root.valid()) return std::nullopt;
  StringBody located = string_body(file_text, create, as, content);
  std::vector<Statement> statements;
  for (Statement& statement :
       split_statements(root, content, located.exact ? located.range.begin : 0)) {
    Node analyzed = analyzed_node(statement.node);
    if (!analyzed.valid()) continue;
    statement.node = analyzed;
    if (!located.exact) {
      statement.range = located.range;
      statement.span = located.range;
      statement.base = located.range.begin;
      statement.exact = false;
    }
    statements.push_back(std::move(statement));
  }
  return statements;
}

}  // namespace sqlgate::lint
