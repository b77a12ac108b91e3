// require-idempotent-update: UPDATE (and ON CONFLICT DO UPDATE, MERGE ... UPDATE) whose SET
// computes a column from itself in a way a second run repeats (arithmetic, concatenation,
// md5(), format(), a jsonb_set counter, a CASE toggle, a swap, the same row under another name),
// unless a WHERE keeps the updated rows out of a second run; and ALTER COLUMN ... TYPE ... USING
// an expression that computes from the column rather than casting it or settling on its result.
#include <algorithm>
#include <array>
#include <cctype>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/terms.h"
#include "lint/transaction.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::NodeList;
using lint::Statement;

// The table an assignment writes to, and the names its row goes by: the table's, its alias, and
// the alias of the same table joined to it row for row (UPDATE t a ... FROM t b WHERE b.id = a.id).
struct Target {
  std::string table;
  std::string schema;
  std::vector<std::string> names;
};

Target target_of(const Node& range_var) {
  Target target{
      std::string(range_var.str("relname")), std::string(range_var.str("schemaname")), {}};
  target.names.push_back(target.table);
  std::string alias(range_var.get("alias").str("aliasname"));
  if (!alias.empty()) target.names.push_back(alias);
  return target;
}

bool names_row(const Target& target, std::string_view qualifier) {
  return std::find(target.names.begin(), target.names.end(), qualifier) != target.names.end();
}

// What an expression is compared with: a column of the target, or a key path inside it (the
// path jsonb_set writes).
struct Subject {
  std::string_view column;
  const Target* target = nullptr;
  std::vector<std::string> path;
};

Subject plain(std::string_view column, const Target& target) {
  return Subject{column, &target, {}};
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
  return names_row(target, fields[fields.size() - 2]);
}

std::string_view last_name(const NodeList& names) {
  return names.empty() ? std::string_view() : names.back().as_str();
}

std::string_view operator_of(const Node& expression) {
  if (!expression.is("A_Expr") || expression.str("kind") != "AEXPR_OP") return {};
  NodeList names = expression.list("name");
  return names.size() == 1 ? names.front().as_str() : std::string_view();
}

// A json key path written as a constant: '{a,b}', ARRAY['a', 'b'], either cast to text[].
std::optional<std::vector<std::string>> constant_path(const Node& expression) {
  if (expression.is("TypeCast")) return constant_path(expression.get("arg"));
  std::vector<std::string> path;
  if (expression.is("A_ArrayExpr")) {
    for (Node element : expression.list("elements")) {
      if (!element.is("A_Const") || !element.has("sval")) return std::nullopt;
      path.emplace_back(element.get("sval").str("sval"));
    }
    return path;
  }
  if (!expression.is("A_Const") || !expression.has("sval")) return std::nullopt;
  std::string_view text = expression.get("sval").str("sval");
  auto trim = [](std::string_view part) {
    auto first = part.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::string_view();
    return part.substr(first, part.find_last_not_of(" \t\r\n") - first + 1);
  };
  text = trim(text);
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return std::nullopt;
  text = text.substr(1, text.size() - 2);
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view part = trim(text.substr(0, comma));
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = part.substr(1, part.size() - 2);
    }
    if (part.empty() || part.find_first_of("\"\\{}") != std::string_view::npos) return std::nullopt;
    path.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text = text.substr(comma + 1);
  }
  return path;
}

// The key path an expression reads from the column (j->'a'->>'b', j #> '{a,b}'), or nothing.
std::optional<std::vector<std::string>> path_read(const Node& expression, const Subject& subject) {
  std::string_view op = operator_of(expression);
  if (op != "->" && op != "->>" && op != "#>" && op != "#>>") return std::nullopt;
  Node base = expression.get("lexpr");
  Node key = expression.get("rexpr");
  std::vector<std::string> path;
  if (!(base.is("ColumnRef") && names_column(base, subject.column, *subject.target))) {
    auto inner = path_read(base, subject);
    if (!inner) return std::nullopt;
    path = std::move(*inner);
  }
  if (op == "#>" || op == "#>>") {
    auto keys = constant_path(key);
    if (!keys) return std::nullopt;
    path.insert(path.end(), keys->begin(), keys->end());
  } else if (key.is("A_Const") && key.has("sval")) {
    path.emplace_back(key.get("sval").str("sval"));
  } else if (key.is("A_Const") && key.has("ival")) {
    path.push_back(std::to_string(key.get("ival").num("ival")));
  } else {
    return std::nullopt;
  }
  return path;
}

// Whether an expression is the subject itself.
bool refers(const Node& expression, const Subject& subject) {
  if (subject.path.empty()) {
    return expression.is("ColumnRef") && names_column(expression, subject.column, *subject.target);
  }
  auto path = path_read(expression, subject);
  return path && *path == subject.path;
}

// Whether an expression is the subject's value, through casts, COLLATE, COALESCE, NULLIF and
// max() / min() (of a subquery over the table).
bool is_value(const Node& expression, const Subject& subject) {
  if (refers(expression, subject)) return true;
  if (expression.is("TypeCast") || expression.is("CollateClause") ||
      expression.is("A_Indirection")) {
    return is_value(expression.get("arg"), subject);
  }
  if (expression.is("CoalesceExpr")) {
    for (Node argument : expression.list("args")) {
      if (is_value(argument, subject)) return true;
    }
    return false;
  }
  if (expression.is("A_Expr") && expression.str("kind") == "AEXPR_NULLIF") {
    return is_value(expression.get("lexpr"), subject);
  }
  if (expression.is("FuncCall") && !expression.has("over")) {
    std::string_view name = last_name(expression.list("funcname"));
    NodeList arguments = expression.list("args");
    return (name == "max" || name == "min") && arguments.size() == 1 &&
           is_value(arguments[0], subject);
  }
  return false;
}

bool mentions_column(const Node& expression, std::string_view column, const Target& target) {
  bool found = false;
  lint::walk(expression, [&](const Node& node) {
    if (node.is("ColumnRef") && names_column(node, column, target)) found = true;
    return !found;
  });
  return found;
}

// What applying a function to its own result gives: the same value (lower(lower(x)) =
// lower(x)), a new one, or the value before (reverse).
enum class Again : std::uint8_t { same, changes, flips, unknown };

struct FunctionAgain {
  std::string_view name;
  Again again;
};

// The one list both checks read: the functions whose second application changes nothing, which
// UPDATE SET and ALTER COLUMN ... TYPE ... USING may apply to the column, and those whose second
// application changes the value again. (trim() is btrim / ltrim / rtrim in the parse tree.)
constexpr std::array<FunctionAgain, 21> k_functions = {{
    {"lower", Again::same},
    {"upper", Again::same},
    {"initcap", Again::same},
    {"btrim", Again::same},
    {"ltrim", Again::same},
    {"rtrim", Again::same},
    {"round", Again::same},
    {"trunc", Again::same},
    {"abs", Again::same},
    {"ceil", Again::same},
    {"ceiling", Again::same},
    {"floor", Again::same},
    {"date_trunc", Again::same},
    {"md5", Again::changes},
    {"sha224", Again::changes},
    {"sha256", Again::changes},
    {"sha384", Again::changes},
    {"sha512", Again::changes},
    {"quote_literal", Again::changes},
    {"quote_nullable", Again::changes},
    {"reverse", Again::flips},
}};

Again function_again(std::string_view name) {
  for (const FunctionAgain& function : k_functions) {
    if (function.name == name) return function.again;
  }
  return Again::unknown;
}

// Whether an expression applied to its own result gives the same value: the column, through
// casts and the functions whose second application changes nothing (round(c), lower(trim(c))).
bool settles(const Node& expression, const Subject& subject) {
  if (refers(expression, subject)) return true;
  if (expression.is("TypeCast") || expression.is("CollateClause")) {
    return settles(expression.get("arg"), subject);
  }
  if (!expression.is("FuncCall") || expression.has("over") || expression.flag("agg_star") ||
      expression.flag("agg_distinct")) {
    return false;
  }
  if (function_again(last_name(expression.list("funcname"))) != Again::same) return false;
  std::size_t on_column = 0;
  for (Node argument : expression.list("args")) {
    if (!mentions_column(argument, subject.column, *subject.target)) continue;
    if (!settles(argument, subject)) return false;
    ++on_column;
  }
  return on_column == 1;
}

// A constant as far as comparing it with another goes.
struct Constant {
  enum class Kind : std::uint8_t { null, boolean, number, text };
  Kind kind = Kind::null;
  std::string text;  // boolean: "t" or "f"
};

std::optional<Constant> constant_of(const Node& expression) {
  using Kind = Constant::Kind;
  if (expression.is("TypeCast")) {
    auto value = constant_of(expression.get("arg"));
    std::string_view type = last_name(expression.get("typeName").list("names"));
    if (value && value->kind == Kind::text && (type == "bool" || type == "boolean")) {
      auto truth = lint::boolean_input(value->text);
      if (!truth) return std::nullopt;
      return Constant{Kind::boolean, *truth ? "t" : "f"};
    }
    return value;
  }
  if (!expression.is("A_Const")) return std::nullopt;
  if (expression.flag("isnull")) return Constant{Kind::null, {}};
  if (Node text = expression.get("sval"); text.valid()) {
    return Constant{Kind::text, std::string(text.str("sval"))};
  }
  if (Node integer = expression.get("ival"); integer.valid()) {
    return Constant{Kind::number, std::to_string(integer.num("ival"))};
  }
  if (Node boolean = expression.get("boolval"); boolean.valid()) {
    return Constant{Kind::boolean, boolean.flag("boolval") ? "t" : "f"};
  }
  return std::nullopt;
}

// Whether two non-null constants are equal, when that is certain.
std::optional<bool> equal(const Constant& a, const Constant& b) {
  using Kind = Constant::Kind;
  if (a.kind == Kind::null || b.kind == Kind::null) return std::nullopt;
  if (a.kind == b.kind) return a.text == b.text;
  const Constant& boolean = a.kind == Kind::boolean ? a : b;
  const Constant& text = a.kind == Kind::text ? a : b;
  if (boolean.kind == Kind::boolean && text.kind == Kind::text) {
    auto truth = lint::boolean_input(text.text);
    if (truth) return (*truth ? "t" : "f") == boolean.text;
  }
  return std::nullopt;
}

// Whether two constants are the same value (NULL is NULL), when that is certain.
std::optional<bool> same(const Constant& a, const Constant& b) {
  using Kind = Constant::Kind;
  if (a.kind == Kind::null || b.kind == Kind::null) return a.kind == b.kind;
  return equal(a, b);
}

// What a CASE test says when the column holds `input`; nothing when it cannot be told.
std::optional<bool> holds(const Node& test, const Subject& subject, const Constant& input) {
  using Kind = Constant::Kind;
  if (refers(test, subject)) {
    if (input.kind == Kind::boolean) return input.text == "t";
    if (input.kind == Kind::null) return false;
    return std::nullopt;
  }
  if (test.is("NullTest") && refers(test.get("arg"), subject)) {
    bool is_null = input.kind == Kind::null;
    return test.str("nulltesttype") == "IS_NOT_NULL" ? !is_null : is_null;
  }
  if (test.is("BooleanTest") && refers(test.get("arg"), subject)) {
    std::string_view kind = test.str("booltesttype");
    std::optional<bool> value;
    if (input.kind == Kind::boolean) value = input.text == "t";
    if (input.kind != Kind::boolean && input.kind != Kind::null) return std::nullopt;
    bool result = kind == "IS_TRUE"        ? value == true
                  : kind == "IS_NOT_TRUE"  ? value != true
                  : kind == "IS_FALSE"     ? value == false
                  : kind == "IS_NOT_FALSE" ? value != false
                  : kind == "IS_UNKNOWN"   ? !value
                                           : value.has_value();
    return result;
  }
  if (test.is("BoolExpr")) {
    std::string_view op = test.str("boolop");
    std::vector<bool> values;
    for (Node argument : test.list("args")) {
      auto value = holds(argument, subject, input);
      if (!value) return std::nullopt;
      values.push_back(*value);
    }
    if (op == "NOT_EXPR") {
      // NOT of a NULL test result stays NULL, which a CASE does not take.
      if (values.size() != 1 || input.kind == Kind::null) return std::nullopt;
      return !values[0];
    }
    bool any = std::find(values.begin(), values.end(), true) != values.end();
    bool all = std::find(values.begin(), values.end(), false) == values.end();
    return op == "AND_EXPR" ? all : any;
  }
  std::string_view op = operator_of(test);
  if (op == "=" || op == "<>" || op == "!=") {
    Node left = test.get("lexpr");
    Node right = test.get("rexpr");
    if (!refers(left, subject)) std::swap(left, right);
    auto other = constant_of(right);
    if (!refers(left, subject) || !other) return std::nullopt;
    if (input.kind == Kind::null || other->kind == Kind::null) return false;
    auto equals = equal(input, *other);
    if (!equals) return std::nullopt;
    return op == "=" ? *equals : !*equals;
  }
  return std::nullopt;
}

// What a branch of a CASE gives when the column holds `input`.
std::optional<Constant> branch_value(const Node& result, const Subject& subject,
                                     const Constant& input) {
  if (refers(result, subject)) return input;
  return constant_of(result);
}

// What a CASE gives when the column holds `input`; nothing when it cannot be told.
std::optional<Constant> case_value(const Node& expression, const Subject& subject,
                                   const Constant& input) {
  Node argument = expression.get("arg");
  if (argument.valid() && !refers(argument, subject)) return std::nullopt;
  for (Node when : expression.list("args")) {
    std::optional<bool> taken;
    if (argument.valid()) {
      auto value = constant_of(when.get("expr"));
      if (!value) return std::nullopt;
      if (input.kind == Constant::Kind::null || value->kind == Constant::Kind::null) {
        taken = false;
      } else {
        taken = equal(input, *value);
      }
    } else {
      taken = holds(when.get("expr"), subject, input);
    }
    if (!taken) return std::nullopt;
    if (*taken) return branch_value(when.get("result"), subject, input);
  }
  Node otherwise = expression.get("defresult");
  if (!otherwise.valid()) return Constant{};
  return branch_value(otherwise, subject, input);
}

// A CASE on the column that maps a value it sets to another one (CASE WHEN active THEN false
// ELSE true END maps false to true): the value it gives, and what a second run makes of it.
struct Remap {
  Constant from;
  Constant to;
};

std::optional<Remap> remap(const Node& expression, const Subject& subject) {
  if (!expression.is("CaseExpr")) return std::nullopt;
  std::vector<Node> results;
  for (Node when : expression.list("args")) results.push_back(when.get("result"));
  if (Node otherwise = expression.get("defresult"); otherwise.valid()) {
    results.push_back(otherwise);
  }
  for (const Node& result : results) {
    auto value = constant_of(result);
    if (!value || value->kind == Constant::Kind::null) continue;
    auto again = case_value(expression, subject, *value);
    if (!again) continue;
    auto unchanged = same(*value, *again);
    if (unchanged && !*unchanged) return Remap{*value, *again};
  }
  return std::nullopt;
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

// How a computation moves the column: on at every run (n + 1, md5(s)), or back and forth
// (NOT flag, -n, a CASE that swaps values).
enum class Change : std::uint8_t { accumulates, flips };

struct Computation {
  Node node;
  Change change = Change::accumulates;
};

// format() with a constant format that adds text to its argument ('%s (legacy)').
bool format_grows(const NodeList& arguments, const Subject& subject) {
  if (arguments.empty() || !arguments[0].is("A_Const")) return false;
  std::string_view format = arguments[0].get("sval").str("sval");
  if (format.empty() || format == "%s" || format.find('$') != std::string_view::npos) return false;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    if (is_value(arguments[i], subject)) return true;
  }
  return false;
}

std::optional<Computation> self_computation(const Node& expression, const Subject& subject);

// A scalar subquery over the target's own table that computes the column from itself: the same
// row (SELECT x.n + 1 FROM t x WHERE x.id = t.id), or an aggregate of the whole table
// (SELECT max(n) + 1 FROM t).
std::optional<Computation> subquery_computation(const Node& sublink, const Subject& subject);

// The first place where an expression computes the subject from itself in a way a second run
// repeats: arithmetic, concatenation, negation, array_append, md5(), format(), jsonb_set() of a
// value computed from the key it sets, and the like.
std::optional<Computation> self_computation(const Node& expression, const Subject& subject) {
  std::optional<Computation> hit;
  lint::walk(expression, [&](const Node& node) {
    if (hit) return false;
    if (node.is("SubLink")) {  // a subquery's columns are its own
      if (subject.path.empty()) hit = subquery_computation(node, subject);
      return false;
    }
    if (node.is("A_Expr") && node.str("kind") == "AEXPR_OP") {
      std::string_view op = operator_of(node);
      Node left = node.get("lexpr");
      Node right = node.get("rexpr");
      if (op == "~" && !left.valid() && is_value(right, subject)) {
        hit = Computation{node, Change::flips};  // ~n
        return false;
      }
      if (std::find(k_accumulating.begin(), k_accumulating.end(), op) == k_accumulating.end()) {
        return true;
      }
      bool left_self = left.valid() && is_value(left, subject);
      bool right_self = is_value(right, subject);
      if (!left_self && !right_self) return true;
      if (!left.valid()) {
        if (op == "-") hit = Computation{node, Change::flips};  // -c
        return !hit;
      }
      Node other = left_self ? right : left;
      if (op == "||" && object_value(other)) return true;
      if (op == "-" && left_self && key_removal(right)) return true;
      hit = Computation{node, Change::accumulates};
    } else if (node.is("BoolExpr") && node.str("boolop") == "NOT_EXPR") {
      for (Node argument : node.list("args")) {
        if (is_value(argument, subject)) hit = Computation{node, Change::flips};
      }
    } else if (node.is("FuncCall")) {
      std::string_view name = last_name(node.list("funcname"));
      NodeList arguments = node.list("args");
      if ((name == "jsonb_set" || name == "jsonb_set_lax") && arguments.size() >= 3 &&
          subject.path.empty() && is_value(arguments[0], subject)) {
        if (auto path = constant_path(arguments[1])) {
          Subject key{subject.column, subject.target, std::move(*path)};
          if (self_computation(arguments[2], key)) hit = Computation{node, Change::accumulates};
        }
        return !hit;
      }
      if (name == "format") {
        if (format_grows(arguments, subject)) hit = Computation{node, Change::accumulates};
        return !hit;
      }
      Again again = function_again(name);
      if (again == Again::changes || again == Again::flips) {
        for (Node argument : arguments) {
          if (!is_value(argument, subject)) continue;
          hit = Computation{node, again == Again::flips ? Change::flips : Change::accumulates};
        }
        return !hit;
      }
      std::size_t first = name == "concat_ws" ? 1 : 0;
      bool accumulating = name == "array_append" || name == "array_prepend" ||
                          name == "array_cat" || name == "concat" || name == "concat_ws";
      for (std::size_t i = first; accumulating && i < arguments.size(); ++i) {
        if (is_value(arguments[i], subject)) hit = Computation{node, Change::accumulates};
      }
    }
    return !hit;
  });
  return hit;
}

// Whether a condition equates a column of the row `inner` with the same column of the target's
// row (b.id = a.id), so that `inner` is the very row being updated.
bool same_row(const Node& condition, std::string_view inner, const Target& target) {
  if (condition.is("BoolExpr") && condition.str("boolop") == "AND_EXPR") {
    for (Node argument : condition.list("args")) {
      if (same_row(argument, inner, target)) return true;
    }
    return false;
  }
  if (operator_of(condition) != "=") return false;
  auto qualified = [](const Node& side) -> std::pair<std::string_view, std::string_view> {
    if (!side.is("ColumnRef")) return {};
    NodeList fields = side.list("fields");
    if (fields.size() < 2 || !fields[fields.size() - 1].is("String")) return {};
    return {fields[fields.size() - 2].as_str(), fields[fields.size() - 1].as_str()};
  };
  auto [left_row, left_column] = qualified(condition.get("lexpr"));
  auto [right_row, right_column] = qualified(condition.get("rexpr"));
  if (left_column.empty() || left_column != right_column) return false;
  return (left_row == inner && names_row(target, right_row)) ||
         (right_row == inner && names_row(target, left_row));
}

// A FROM item that is the target's own table.
bool same_table(const Node& range_var, const Target& target) {
  if (!range_var.is("RangeVar") || range_var.str("relname") != target.table) return false;
  std::string_view schema = range_var.str("schemaname");
  return schema.empty() || target.schema.empty() || schema == target.schema;
}

std::optional<Computation> subquery_computation(const Node& sublink, const Subject& subject) {
  if (sublink.str("subLinkType") != "EXPR_SUBLINK") return std::nullopt;
  Node select = sublink.get("subselect");
  if (!select.is("SelectStmt") || select.has("groupClause") || select.has("havingClause")) {
    return std::nullopt;
  }
  NodeList from = select.list("fromClause");
  NodeList columns = select.list("targetList");
  if (from.size() != 1 || columns.size() != 1 || !same_table(from[0], *subject.target)) {
    return std::nullopt;
  }
  std::string alias(from[0].get("alias").str("aliasname"));
  Target inner{subject.target->table, subject.target->schema, {alias.empty() ? "" : alias}};
  if (alias.empty()) inner.names[0] = inner.table;
  if (Node where = select.get("whereClause"); where.valid()) {
    // Only the same row: a subquery over other rows may or may not meet the updated ones.
    if (alias.empty() || names_row(*subject.target, alias) ||
        !same_row(where, alias, *subject.target)) {
      return std::nullopt;
    }
  }
  auto hit = self_computation(columns[0].get("val"), plain(subject.column, inner));
  if (hit) hit->node = sublink;
  return hit;
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

// One SET target: its column, value, and what the value does to the column.
struct Assignment {
  Node target;
  std::string column;
  Node value;
  std::optional<Computation> computation;
  std::optional<Remap> remap;
  std::optional<Constant> constant;
};

// A test of one column against a value that does not depend on what the statement sets:
// c < 10, 'x' = c, c IS NOT NULL, c IS DISTINCT FROM 0.
struct ColumnTest {
  const Assignment* assignment = nullptr;
  // "=", "<>", "<", "<=", ">", ">=", "distinct", "not distinct", "null", "not null", "has"
  // (holds elements), "has not"
  std::string op;
  Node other;
};

std::string negated(std::string_view op) {
  if (op == "=") return "<>";
  if (op == "<>") return "=";
  if (op == "<") return ">=";
  if (op == "<=") return ">";
  if (op == ">") return "<=";
  if (op == ">=") return "<";
  if (op == "distinct") return "not distinct";
  if (op == "not distinct") return "distinct";
  if (op == "null") return "not null";
  if (op == "has") return "has not";
  if (op == "has not") return "has";
  return "null";
}

std::string mirrored(std::string_view op) {
  if (op == "<") return ">";
  if (op == "<=") return ">=";
  if (op == ">") return "<";
  if (op == ">=") return "<=";
  return std::string(op);
}

// An array written out: ARRAY[...], '{a,b}' (not a JSON object), or a cast to an array type.
bool array_value(const Node& expression) {
  if (expression.is("A_ArrayExpr")) return true;
  if (expression.is("TypeCast")) {
    if (!expression.get("typeName").list("arrayBounds").empty()) return true;
    return array_value(expression.get("arg"));
  }
  if (!expression.is("A_Const") || !expression.has("sval")) return false;
  std::string_view text = expression.get("sval").str("sval");
  auto at = text.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && text[at] == '{' && !json_object_text(text);
}

// A test that an array column holds elements: 'x' = ANY (c), c @> '{x}', '{x}' <@ c,
// c && '{x,y}'. Adding elements to the array keeps it true.
template <typename SetColumn, typename Independent>
std::optional<ColumnTest> membership(const Node& test, const SetColumn& set_column,
                                     const Independent& independent) {
  std::string_view kind = test.str("kind");
  std::string_view op = last_name(test.list("name"));
  Node left = test.get("lexpr");
  Node right = test.get("rexpr");
  if (kind == "AEXPR_OP_ANY" && op == "=") {
    const Assignment* assignment = set_column(right);
    if (assignment != nullptr && independent(left)) return ColumnTest{assignment, "has", left};
    return std::nullopt;
  }
  if (kind != "AEXPR_OP" || (op != "@>" && op != "<@" && op != "&&")) return std::nullopt;
  if (op == "<@") std::swap(left, right);
  const Assignment* assignment = set_column(left);
  if (assignment == nullptr && op == "&&") {
    std::swap(left, right);
    assignment = set_column(left);
  }
  if (assignment == nullptr || !array_value(right) || !independent(right)) return std::nullopt;
  return ColumnTest{assignment, "has", right};
}

std::optional<ColumnTest> column_test(const Node& test, const std::vector<Assignment>& assignments,
                                      const Target& target) {
  auto set_column = [&](const Node& side) -> const Assignment* {
    for (const Assignment& assignment : assignments) {
      if (is_value(side, plain(assignment.column, target))) return &assignment;
    }
    return nullptr;
  };
  auto independent = [&](const Node& side) {
    for (const Assignment& assignment : assignments) {
      if (uses_column(side, assignment.column)) return false;
    }
    return true;
  };
  if (test.is("NullTest")) {
    const Assignment* assignment = set_column(test.get("arg"));
    if (assignment == nullptr) return std::nullopt;
    return ColumnTest{assignment, test.str("nulltesttype") == "IS_NOT_NULL" ? "not null" : "null",
                      Node()};
  }
  if (!test.is("A_Expr")) return std::nullopt;
  std::string_view kind = test.str("kind");
  if (auto has = membership(test, set_column, independent)) return has;
  std::string op;
  if (kind == "AEXPR_DISTINCT") {
    op = "distinct";
  } else if (kind == "AEXPR_NOT_DISTINCT") {
    op = "not distinct";
  } else {
    op = std::string(operator_of(test));
    if (op == "!=") op = "<>";
    if (op != "=" && op != "<>" && op != "<" && op != "<=" && op != ">" && op != ">=") {
      return std::nullopt;
    }
  }
  Node left = test.get("lexpr");
  Node right = test.get("rexpr");
  if (const Assignment* assignment = set_column(left); assignment && independent(right)) {
    return ColumnTest{assignment, op, right};
  }
  if (const Assignment* assignment = set_column(right); assignment && independent(left)) {
    return ColumnTest{assignment, mirrored(op), left};
  }
  return std::nullopt;
}

// Whether a computation adds elements to an array and takes none away: array_append(c, x),
// array_prepend(x, c), array_cat(c, x), c || x.
bool adds_elements(const Node& computation) {
  if (computation.is("FuncCall")) {
    std::string_view name = last_name(computation.list("funcname"));
    return name == "array_append" || name == "array_prepend" || name == "array_cat";
  }
  return operator_of(computation) == "||";
}

// Whether a row the statement has updated fails the test: a second run leaves it alone.
// Anything it cannot judge counts as failing.
bool test_stops(const ColumnTest& test) {
  const Assignment& assignment = *test.assignment;
  const std::string& op = test.op;
  if (assignment.constant) {
    using Kind = Constant::Kind;
    const Constant& now = *assignment.constant;
    if (op == "null") return now.kind != Kind::null;
    if (op == "not null") return now.kind == Kind::null;
    auto other = constant_of(test.other);
    if (!other) return true;
    if (op == "distinct" || op == "not distinct") {
      auto unchanged = same(now, *other);
      if (!unchanged) return true;
      return op == "distinct" ? *unchanged : !*unchanged;
    }
    if (op != "=" && op != "<>") return true;
    if (now.kind == Kind::null || other->kind == Kind::null) return true;
    auto equals = equal(now, *other);
    if (!equals) return true;
    return op == "=" ? !*equals : *equals;
  }
  if (assignment.computation && assignment.computation->change == Change::accumulates) {
    // An open range still holds for some of the values it moves (5 * 100 < 1000).
    // An array it adds to still holds what it held.
    if (op == "has") return !adds_elements(assignment.computation->node);
    return !(op == "<" || op == "<=" || op == ">" || op == ">=" || op == "<>" || op == "distinct" ||
             op == "not null");
  }
  if (assignment.computation || assignment.remap) return op != "not null";
  return true;
}

// Whether a condition keeps a second run from updating the rows the first one updated.
bool stops(const Node& condition, const std::vector<Assignment>& assignments,
           const Target& target) {
  if (!condition.valid()) return false;
  auto mentions_set = [&](const Node& node) {
    for (const Assignment& assignment : assignments) {
      if (uses_column(node, assignment.column)) return true;
    }
    return false;
  };
  if (condition.is("BoolExpr")) {
    std::string_view op = condition.str("boolop");
    NodeList arguments = condition.list("args");
    if (op == "AND_EXPR") {
      for (Node argument : arguments) {
        if (stops(argument, assignments, target)) return true;
      }
      return false;
    }
    if (op == "OR_EXPR") {
      for (Node argument : arguments) {
        if (!stops(argument, assignments, target)) return false;
      }
      return true;
    }
    if (arguments.size() == 1) {
      if (!mentions_set(arguments[0])) return false;
      auto test = column_test(arguments[0], assignments, target);
      if (!test) return true;
      test->op = negated(test->op);
      return test_stops(*test);
    }
  }
  if (!mentions_set(condition)) return false;
  auto test = column_test(condition, assignments, target);
  return !test || test_stops(*test);
}

// Whether a value is a plain copy of the subject (through casts): coalesce(a, b) is not a copy
// of b once a is set.
bool copies(const Node& expression, const Subject& subject) {
  if (expression.is("TypeCast") || expression.is("CollateClause")) {
    return copies(expression.get("arg"), subject);
  }
  return refers(expression, subject);
}

// The assignments of a SET list.
std::vector<Assignment> assignments_of(const NodeList& targets, const Target& target) {
  std::vector<Assignment> assignments;
  for (Node node : targets) {
    Assignment assignment{node, std::string(node.str("name")), assigned_value(node), {}, {}, {}};
    if (assignment.column.empty()) continue;
    if (assignment.value.valid()) {
      Subject subject = plain(assignment.column, target);
      assignment.computation = self_computation(assignment.value, subject);
      assignment.remap = remap(assignment.value, subject);
      assignment.constant = constant_of(assignment.value);
    }
    assignments.push_back(std::move(assignment));
  }
  return assignments;
}

// Whether `next` (the statement after `statement` in the file) runs right after it whenever it
// runs: both outside DO blocks, or next to each other in the same list of PL/pgSQL statements of
// the same DO block (not in the other branch of an IF).
bool runs_next(const Statement& statement, const Statement& next) {
  if (statement.embedded() != next.embedded() || next.dynamic) return false;
  if (!statement.embedded()) return true;
  if (statement.parent != next.parent || statement.frames.empty() ||
      statement.frames.size() != next.frames.size()) {
    return false;
  }
  for (std::size_t i = 0; i < statement.frames.size(); ++i) {
    const lint::PlpgsqlFrame& a = statement.frames[i];
    const lint::PlpgsqlFrame& b = next.frames[i];
    std::size_t index = i + 1 == statement.frames.size() ? a.index + 1 : a.index;
    if (a.node.at() != b.node.at() || a.part != b.part || a.elsif.at() != b.elsif.at() ||
        b.index != index) {
      return false;
    }
  }
  return true;
}

// The UPDATE that comes next in the file, in the same transaction, and marks every row an UPDATE
// of the same table has just updated: its WHERE is none, or conditions the first one's WHERE ANDs
// too, on columns the first one does not set (UPDATE t SET price = price * 1.1 WHERE version = 1;
// UPDATE t SET version = 2 WHERE version = 1). Its SET list; nothing when there is no such UPDATE.
std::optional<NodeList> marked_next(const FileScope& scope, const Statement& statement,
                                    const std::vector<Assignment>& assignments) {
  const auto& all = scope.file().all_statements();
  std::size_t index = scope.index_of(statement);
  if (index + 1 >= all.size()) return std::nullopt;
  const Statement& next = *all[index + 1];
  lint::TransactionLayout layout(scope.file());
  std::ptrdiff_t transaction = layout.transaction_of(statement);
  if (!next.node.is("UpdateStmt") || !runs_next(statement, next) ||
      transaction == lint::TransactionLayout::k_alone ||
      layout.transaction_of(next) != transaction ||
      !lint::QualifiedName::of(lint::relation_name(next.node.get("relation")))
           .matches(lint::QualifiedName::of(lint::relation_name(statement.node.get("relation")))) ||
      next.node.has("fromClause")) {
    return std::nullopt;
  }
  std::vector<Node> first;
  std::vector<Node> second;
  lint::conjuncts(statement.node.get("whereClause"), first);
  if (next.node.has("whereClause")) lint::conjuncts(next.node.get("whereClause"), second);
  for (const Node& condition : second) {
    for (const Assignment& assignment : assignments) {
      if (uses_column(condition, assignment.column)) return std::nullopt;
    }
    bool found = false;
    for (const Node& given : first) found = found || lint::same_terms(given, condition);
    if (!found) return std::nullopt;
  }
  return next.node.list("targetList");
}

// SET lists of UPDATE, INSERT ... ON CONFLICT DO UPDATE and MERGE ... WHEN MATCHED THEN UPDATE.
// `marks`: the SET list of the UPDATE that next marks every row this one updates (marked_next()).
void check_assignments(FileScope& scope, const Statement& statement, const NodeList& targets,
                       const Node& where, const Node& from, const Target& target,
                       std::string_view what, const std::optional<NodeList>& marks = {}) {
  std::vector<Assignment> assignments = assignments_of(targets, target);
  // What the rows hold once the marks are set too, for judging the WHERE.
  std::vector<Assignment> settled = assignments;
  if (marks) {
    for (Assignment& mark : assignments_of(*marks, target)) settled.push_back(std::move(mark));
  }

  // A WHERE that the updated rows fail, a FROM that joins on a column the statement sets, or a
  // loop or branch of the DO block around it that tests one: a second run finds nothing to do.
  if (stops(where, settled, target)) return;
  std::vector<std::string_view> tests = enclosing_tests(statement);
  for (const Assignment& assignment : assignments) {
    if (uses_column(from, assignment.column)) return;
    for (std::string_view test : tests) {
      if (text_names_column(test, assignment.column)) return;
    }
  }

  for (const Assignment& assignment : assignments) {
    const std::string& column = assignment.column;
    lint::TextRange range = at_location(statement, assignment.target, column.size());
    std::string again = "a second run applies it again " + std::string(k_again);
    if (assignment.computation) {
      scope.report(statement, range,
                   std::string(what) + " SET " + column + " = ... computes " + column +
                       " from itself: " + again,
                   "set a value that does not depend on the column (SET " + column +
                       " = <value>), add a WHERE that no longer matches once it is applied, or "
                       "mark it -- sqlgate:run-once <reason>");
      continue;
    }
    auto shown = [](const Constant& value) {
      switch (value.kind) {
        case Constant::Kind::null:
          return std::string("NULL");
        case Constant::Kind::boolean:
          return std::string(value.text == "t" ? "true" : "false");
        case Constant::Kind::number:
          return value.text;
        case Constant::Kind::text:
          break;
      }
      return "'" + value.text + "'";
    };
    if (assignment.remap) {
      scope.report(statement, range,
                   std::string(what) + " SET " + column + " = CASE ... turns " +
                       shown(assignment.remap->from) + ", a value it sets, into " +
                       shown(assignment.remap->to) + ": a second run changes " + column +
                       " again " + std::string(k_again),
                   "set each row's final value (SET " + column +
                       " = <value> WHERE <the rows to change>), add a WHERE that no longer "
                       "matches once it is applied, or mark it -- sqlgate:run-once <reason>");
      continue;
    }
    // SET a = b, b = <anything else>: a second run copies the new b into a.
    if (!assignment.value.valid()) continue;
    for (const Assignment& source : assignments) {
      if (&source == &assignment || !source.value.valid()) continue;
      Subject read = plain(source.column, target);
      if (!copies(assignment.value, read) || is_value(source.value, read)) continue;
      scope.report(statement, range,
                   std::string(what) + " SET " + column + " = " + source.column + " reads " +
                       source.column +
                       ", which the same statement sets: a second run copies "
                       "the new " +
                       source.column + " into " + column + " " + std::string(k_again),
                   "copy from a value the statement does not change, add a WHERE that no longer "
                   "matches once it is applied, or mark it -- sqlgate:run-once <reason>");
      break;
    }
  }
}

// The alias of the target's own table in FROM, joined to it row for row (UPDATE t a ... FROM t b
// WHERE b.id = a.id): its columns are the updated row's.
void add_same_rows(Target& target, const Node& from, const Node& where) {
  for (Node item : from.items()) {
    if (!same_table(item, target)) continue;
    std::string alias(item.get("alias").str("aliasname"));
    if (alias.empty() || names_row(target, alias)) continue;
    if (same_row(where, alias, target)) target.names.push_back(alias);
  }
}

// ALTER COLUMN c TYPE boolean USING c = 'yes': a second run compares the boolean with true again.
bool true_test(const Node& expression, const Subject& subject, const Node& type) {
  std::string_view name = last_name(type.list("names"));
  if ((name != "bool" && name != "boolean") || operator_of(expression) != "=") return false;
  Node left = expression.get("lexpr");
  Node right = expression.get("rexpr");
  if (!settles(left, subject)) std::swap(left, right);
  if (!settles(left, subject) || !right.is("A_Const") || !right.has("sval")) return false;
  return lint::boolean_input(right.get("sval").str("sval")) == true;
}

// The built-in range types, with the type of their bounds and whether they are discrete
// (PostgreSQL stores a discrete range canonically, as [a,b)).
struct RangeType {
  std::string_view name;
  std::string_view subtype;
  bool discrete;
};
constexpr std::array<RangeType, 6> k_range_types = {{
    {"int4range", "int4", true},
    {"int8range", "int8", true},
    {"numrange", "numeric", false},
    {"tsrange", "timestamp", false},
    {"tstzrange", "timestamptz", false},
    {"daterange", "date", true},
}};

const RangeType* range_type(const lint::ColumnType& type) {
  if (!type.schema.empty() || type.array) return nullptr;
  for (const RangeType& range : k_range_types) {
    if (range.name == type.name) return &range;
  }
  return nullptr;
}

// Whether PostgreSQL converts a value of type `from` to type `to` keeping distinct values
// distinct and in order: the same type, a date to its midnight, an integer to a wider one.
bool keeps_apart(std::string_view from, std::string_view to) {
  return from == to || (from == "date" && (to == "timestamp" || to == "timestamptz")) ||
         (from == "int4" && (to == "int8" || to == "numeric")) ||
         (from == "int8" && to == "numeric");
}

// Whether a range constructor's bound argument is lower(c) (or upper(c)) of the column, cast to
// nothing else than the old or the new bounds' type.
bool own_bound(const Node& argument, std::string_view function, const Subject& subject,
               const RangeType& from, const RangeType& to) {
  Node bound = argument;
  if (bound.is("TypeCast")) {
    std::string type = lint::column_type(bound.get("typeName")).name;
    if (type != from.subtype && type != to.subtype) return false;
    bound = bound.get("arg");
  }
  if (!bound.is("FuncCall") || last_name(bound.list("funcname")) != function) return false;
  NodeList args = bound.list("args");
  return args.size() == 1 && refers(args[0], subject);
}

// ALTER COLUMN c TYPE daterange USING daterange(lower(c)::date, upper(c)::date, '[)'): the new
// range built from the old one's bounds. A second run builds each range the first made again
// from its own bounds and gets the same one, unless the first made an empty range (lower() of an
// empty range is NULL, and a range built from NULL bounds is unbounded, `(,)`). None is empty when
// the old ranges are discrete (a bounded one has lower < upper) and their bounds convert keeping
// them apart (keeps_apart()); a discrete new type must also be written with the bounds it stores,
// '[)' (with '[]' a second run adds a day again). A tstzrange made into a daterange is not left
// alone: two times of one day make an empty daterange, which the second run makes `(,)`.
bool rebuilds_range(const Node& expression, const Subject& subject, const lint::ColumnType& type,
                    const std::optional<lint::ColumnType>& source) {
  const RangeType* to = range_type(type);
  const RangeType* from = source ? range_type(*source) : nullptr;
  if (to == nullptr || from == nullptr || !from->discrete ||
      !keeps_apart(from->subtype, to->subtype) || !expression.is("FuncCall") ||
      last_name(expression.list("funcname")) != to->name) {
    return false;
  }
  NodeList args = expression.list("args");
  if (args.size() != 2 && args.size() != 3) return false;
  if (!own_bound(args[0], "lower", subject, *from, *to) ||
      !own_bound(args[1], "upper", subject, *from, *to)) {
    return false;
  }
  std::string bounds = "[)";
  if (args.size() == 3) {
    if (!args[2].is("A_Const") || !args[2].has("sval")) return false;
    bounds = std::string(args[2].get("sval").str("sval"));
  }
  return !to->discrete || bounds == "[)";
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
    Node definition = command.get("def");
    Node expression = definition.get("raw_default");
    std::string column(command.str("name"));
    Subject subject = plain(column, target);
    if (!expression.valid() || !mentions_column(expression, column, target) ||
        settles(expression, subject) ||
        true_test(expression, subject, definition.get("typeName"))) {
      continue;
    }
    // The column's type before the statement, for a change between range types.
    lint::ColumnType type = lint::column_type(definition.get("typeName"));
    std::optional<lint::ColumnType> source;
    if (range_type(type) != nullptr) {
      source = lint::TableState(scope.context())
                   .column_type(lint::QualifiedName::of(lint::relation_name(relation)), column,
                                statement);
      if (rebuilds_range(expression, subject, type, source)) continue;
    }
    if (scope.fresh(statement, relation)) return;
    if (scope.guard(statement, std::nullopt)) return;
    lint::TextRange range = commands.range(i);
    // PostgreSQL has no cast from one range type to another ("cannot cast type tstzrange to
    // daterange"): the conversion has to compute.
    bool between_ranges = source && range_type(*source) != nullptr && !(*source == type);
    scope.report(statement, range,
                 "ALTER COLUMN " + column + " TYPE ... USING computes from " + column +
                     " rather than casting it: a second run applies it again to the converted "
                     "values, or fails on them, " +
                     std::string(k_again),
                 std::string(between_ranges ? "PostgreSQL has no cast between range types: run "
                                            : "cast only (USING " + column + "::<type>), or run ") +
                     "it in a DO block guarded by the column's current type "
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
      add_same_rows(target, node.get("fromClause"), node.get("whereClause"));
      auto marks =
          node.has("fromClause")
              ? std::nullopt
              : marked_next(scope, *statement, assignments_of(node.list("targetList"), target));
      check_assignments(scope, *statement, node.list("targetList"), node.get("whereClause"),
                        node.get("fromClause"), target, "UPDATE", marks);
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
