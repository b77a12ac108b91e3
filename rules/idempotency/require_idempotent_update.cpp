// require-idempotent-update: UPDATE (and ON CONFLICT DO UPDATE, MERGE ... UPDATE) whose SET
// computes a column from itself with arithmetic or concatenation, and ALTER COLUMN ... TYPE ...
// USING an expression that computes from the column rather than casting it.
#include <algorithm>
#include <array>
#include <cctype>

#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::NodeList;
using lint::Statement;

// The table an assignment writes to, as its columns may be qualified.
struct Target {
  std::string table;
  std::string alias;
};

Target target_of(const Node& range_var) {
  return Target{std::string(range_var.str("relname")),
                std::string(range_var.get("alias").str("aliasname"))};
}

// Whether a column reference names `column` of the target.
bool names_column(const Node& reference, std::string_view column, const Target& target) {
  std::vector<std::string_view> fields;
  for (Node field : reference.list("fields")) {
    if (!field.is("String")) return false;  // t.* or the like
    fields.push_back(field.as_str());
  }
  if (fields.empty() || fields.back() != column) return false;
  if (fields.size() == 1) return true;
  std::string_view qualifier = fields[fields.size() - 2];
  return qualifier == target.table || (!target.alias.empty() && qualifier == target.alias);
}

// Whether an expression is the column itself, through casts, COLLATE, COALESCE and NULLIF.
bool is_column(const Node& expression, std::string_view column, const Target& target) {
  if (expression.is("ColumnRef")) return names_column(expression, column, target);
  if (expression.is("TypeCast") || expression.is("CollateClause") ||
      expression.is("A_Indirection")) {
    return is_column(expression.get("arg"), column, target);
  }
  if (expression.is("CoalesceExpr")) {
    for (Node argument : expression.list("args")) {
      if (is_column(argument, column, target)) return true;
    }
    return false;
  }
  if (expression.is("A_Expr") && expression.str("kind") == "AEXPR_NULLIF") {
    return is_column(expression.get("lexpr"), column, target);
  }
  return false;
}

std::string_view last_name(const NodeList& names) {
  return names.empty() ? std::string_view() : names.back().as_str();
}

// A JSON object written as a string: {"key": ...}.
bool json_object_text(std::string_view text) {
  auto at = text.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos || text[at] != '{') return false;
  auto next = text.find_first_not_of(" \t\r\n", at + 1);
  if (next == std::string_view::npos) return false;
  if (text[next] == '}') return true;
  if (text[next] != '"') return false;
  auto close = text.find('"', next + 1);
  if (close == std::string_view::npos) return false;
  auto colon = text.find_first_not_of(" \t\r\n", close + 1);
  return colon != std::string_view::npos && text[colon] == ':';
}

// A jsonb / hstore object: merging it with || sets keys, which a second run sets again to the
// same values.
bool object_value(const Node& expression) {
  if (expression.is("A_Const")) return json_object_text(expression.get("sval").str("sval"));
  if (expression.is("TypeCast")) {
    std::string_view type = last_name(expression.get("typeName").list("names"));
    Node argument = expression.get("arg");
    if (type == "hstore") return true;
    if (type == "jsonb" || type == "json") {
      return !argument.is("A_Const") || json_object_text(argument.get("sval").str("sval"));
    }
    return false;
  }
  if (expression.is("FuncCall")) {
    std::string_view name = last_name(expression.list("funcname"));
    return name == "jsonb_build_object" || name == "json_build_object" || name == "jsonb_object" ||
           name == "json_object" || name == "hstore";
  }
  return false;
}

// What "column - x" removes when x is a key or keys (jsonb, hstore): a second run removes
// nothing more.
bool key_removal(const Node& expression) {
  if (expression.is("A_Const")) return expression.has("sval");
  if (expression.is("A_ArrayExpr")) return true;
  if (expression.is("TypeCast")) {
    Node type = expression.get("typeName");
    std::string_view name = last_name(type.list("names"));
    return name == "text" || name == "varchar" || !type.list("arrayBounds").empty();
  }
  return false;
}

constexpr std::array<std::string_view, 10> k_accumulating = {"+", "-",  "*", "/",  "%",
                                                             "^", "||", "#", "<<", ">>"};

// The first place where an expression computes the column from itself in a way a second run
// repeats: arithmetic, concatenation, negation, array_append and the like.
std::optional<Node> self_computation(const Node& expression, std::string_view column,
                                     const Target& target) {
  std::optional<Node> hit;
  lint::walk(expression, [&](const Node& node) {
    if (hit) return false;
    if (node.is("SubLink")) return false;  // a subquery's columns are its own
    if (node.is("A_Expr") && node.str("kind") == "AEXPR_OP") {
      NodeList names = node.list("name");
      std::string_view op = names.size() == 1 ? names.front().as_str() : std::string_view();
      if (std::find(k_accumulating.begin(), k_accumulating.end(), op) == k_accumulating.end()) {
        return true;
      }
      Node left = node.get("lexpr");
      Node right = node.get("rexpr");
      bool left_self = left.valid() && is_column(left, column, target);
      bool right_self = is_column(right, column, target);
      if (!left_self && !right_self) return true;
      if (!left.valid()) {
        if (op == "-") hit = node;  // -c
        return !hit;
      }
      Node other = left_self ? right : left;
      if (op == "||" && object_value(other)) return true;
      if (op == "-" && left_self && key_removal(right)) return true;
      hit = node;
    } else if (node.is("BoolExpr") && node.str("boolop") == "NOT_EXPR") {
      for (Node argument : node.list("args")) {
        if (is_column(argument, column, target)) hit = node;
      }
    } else if (node.is("FuncCall")) {
      std::string_view name = last_name(node.list("funcname"));
      NodeList arguments = node.list("args");
      std::size_t first = name == "concat_ws" ? 1 : 0;
      bool accumulating = name == "array_append" || name == "array_prepend" ||
                          name == "array_cat" || name == "concat" || name == "concat_ws";
      for (std::size_t i = first; accumulating && i < arguments.size(); ++i) {
        if (is_column(arguments[i], column, target)) hit = node;
      }
    }
    return !hit;
  });
  return hit;
}

bool mentions_column(const Node& expression, std::string_view column, const Target& target) {
  bool found = false;
  lint::walk(expression, [&](const Node& node) {
    if (node.is("ColumnRef") && names_column(node, column, target)) found = true;
    return !found;
  });
  return found;
}

// Whether a WHERE or FROM uses a column of that name at all (of any table: a subquery that
// partitions by it, a join on it), so that it may stop matching once the update is applied.
bool uses_column(const Node& expression, std::string_view column) {
  bool found = false;
  lint::walk(expression, [&](const Node& node) {
    if (node.is("ColumnRef")) {
      NodeList fields = node.list("fields");
      found = !fields.empty() && fields.back().as_str() == column;
    }
    return !found;
  });
  return found;
}

// The tests the PL/pgSQL around a statement makes before running it: WHILE conditions, the
// queries of FOR loops, IF / ELSIF / CASE conditions.
std::vector<std::string_view> enclosing_tests(const Statement& statement) {
  std::vector<std::string_view> tests;
  auto add = [&](const Node& expression) {
    std::string_view text = expression.get("query").as_str();
    if (!text.empty()) tests.push_back(text);
  };
  for (const auto& frame : statement.frames) {
    const Node& node = frame.node;
    if (node.is("PLpgSQL_stmt_while") || node.is("PLpgSQL_stmt_if")) add(node.get("cond"));
    if (node.is("PLpgSQL_stmt_fors")) add(node.get("query"));
    if (node.is("PLpgSQL_stmt_case")) add(node.get("t_expr"));
    for (Node elsif : node.list("elsif_list")) add(elsif.get("cond"));
    for (Node when : node.list("case_when_list")) add(when.get("expr"));
  }
  return tests;
}

// Whether SQL text names a column of that name (as an identifier token).
bool text_names_column(std::string_view sql, std::string_view column) {
  for (const lint::Token& token : lint::scan_tokens(sql)) {
    if (token.name != "IDENT" && !token.keyword) continue;
    std::string_view text = sql.substr(token.range.begin, token.range.end - token.range.begin);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
      if (text.substr(1, text.size() - 2) == column) return true;
      continue;
    }
    if (text.size() != column.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < text.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(text[i])) == column[i];
    }
    if (same) return true;
  }
  return false;
}

// The value assigned to a SET target: its expression, or its part of (a, b) = (x, y).
Node assigned_value(const Node& target) {
  Node value = target.get("val");
  if (!value.is("MultiAssignRef")) return value;
  Node source = value.get("source");
  if (!source.is("RowExpr")) return Node();  // (a, b) = (SELECT ...)
  std::int64_t column = value.num("colno");
  NodeList arguments = source.list("args");
  if (column < 1 || static_cast<std::size_t>(column) > arguments.size()) return Node();
  return arguments[static_cast<std::size_t>(column - 1)];
}

lint::TextRange at_location(const Statement& statement, const Node& node, std::size_t length) {
  std::uint32_t begin = statement.offset(node.location());
  return lint::TextRange{begin,
                         begin + static_cast<std::uint32_t>(std::max<std::size_t>(length, 1))};
}

// SET lists of UPDATE, INSERT ... ON CONFLICT DO UPDATE and MERGE ... WHEN MATCHED THEN UPDATE.
void check_assignments(FileScope& scope, const Statement& statement, const NodeList& targets,
                       const Node& where, const Node& from, const Target& target,
                       std::string_view what) {
  // WHERE (or the FROM it joins, or a loop or branch of the DO block around it) tests a column
  // the statement sets: it may well keep a second run from applying anything again.
  std::vector<std::string_view> tests = enclosing_tests(statement);
  for (Node assignment : targets) {
    std::string_view column = assignment.str("name");
    if (uses_column(where, column) || uses_column(from, column)) return;
    for (std::string_view test : tests) {
      if (text_names_column(test, column)) return;
    }
  }
  for (Node assignment : targets) {
    std::string column(assignment.str("name"));
    Node value = assigned_value(assignment);
    if (column.empty() || !value.valid()) continue;
    if (!self_computation(value, column, target)) continue;
    scope.report(statement, at_location(statement, assignment, column.size()),
                 std::string(what) + " SET " + column + " = ... computes " + column +
                     " from itself: a second run applies it again " + std::string(k_again),
                 "set a value that does not depend on the column (SET " + column +
                     " = <value>), add a WHERE that no longer matches once it is applied, or "
                     "mark it -- sqlgate:run-once <reason>");
  }
}

bool pure_cast(const Node& expression) {
  if (expression.is("ColumnRef")) return true;
  if (expression.is("TypeCast") || expression.is("CollateClause")) {
    return pure_cast(expression.get("arg"));
  }
  return false;
}

void check_alter_type(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  Target target = target_of(relation);
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    if (command.str("subtype") != "AT_AlterColumnType") continue;
    Node expression = command.get("def").get("raw_default");
    std::string column(command.str("name"));
    if (!expression.valid() || !mentions_column(expression, column, target) ||
        pure_cast(expression)) {
      continue;
    }
    if (scope.fresh(statement, relation)) return;
    if (scope.guard(statement, std::nullopt)) return;
    lint::TextRange range = commands.range(i);
    scope.report(statement, range,
                 "ALTER COLUMN " + column + " TYPE ... USING computes from " + column +
                     " rather than casting it: a second run applies it again to the converted "
                     "values, or fails on them, " +
                     std::string(k_again),
                 "cast only (USING " + column +
                     "::<type>), or run it in a DO block guarded by the column's current type "
                     "(information_schema.columns.data_type), or mark it -- sqlgate:run-once "
                     "<reason>");
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  for (const Statement* statement : scope.statements()) {
    const Node& node = statement->node;
    std::string_view kind = node.kind();
    if (kind == "AlterTableStmt") {
      check_alter_type(scope, *statement);
      continue;
    }
    Node relation = node.get("relation");
    if (kind != "UpdateStmt" && kind != "InsertStmt" && kind != "MergeStmt") continue;
    if (scope.fresh(*statement, relation)) continue;
    if (scope.guard(*statement, std::nullopt)) continue;
    Target target = target_of(relation);
    if (kind == "UpdateStmt") {
      check_assignments(scope, *statement, node.list("targetList"), node.get("whereClause"),
                        node.get("fromClause"), target, "UPDATE");
    } else if (kind == "InsertStmt") {
      Node conflict = node.get("onConflictClause");
      if (conflict.str("action") != "ONCONFLICT_UPDATE") continue;
      check_assignments(scope, *statement, conflict.list("targetList"), conflict.get("whereClause"),
                        Node(), target, "ON CONFLICT DO UPDATE");
    } else {
      for (Node when : node.list("mergeWhenClauses")) {
        if (when.str("commandType") != "CMD_UPDATE") continue;
        check_assignments(scope, *statement, when.list("targetList"), when.get("condition"), Node(),
                          target, "MERGE ... UPDATE");
      }
    }
  }
}

}  // namespace

lint::Rule require_idempotent_update() {
  return lint::Rule{
      .info = {.id = "require-idempotent-update",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "UPDATE SET c = c + ... (or ALTER COLUMN TYPE ... USING a computation) "
                          "changes the data again when the migration runs again"},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
