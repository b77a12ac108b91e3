// The CHECK constraints and indexes PostgreSQL parses again after ALTER COLUMN ... TYPE, judged
// with the column's new type. Checked on PostgreSQL 15: a text column made an enum, with
// CHECK (status IN ('open', 'closed')) stored as status = ANY (ARRAY['open'::text, ...]), fails
// with "operator does not exist: ticket_status = text"; an index on lower(status) with "function
// lower(ticket_status) does not exist"; a boolean made smallint, with an index WHERE is_urgent,
// with "argument of WHERE must be type boolean, not type smallint".
#include "rules/ordering/rebuilt_dependents.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "rules/ordering/type_changes.h"
#include "rules/safety/immutable.h"
#include "rules/safety/operator_classes.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ColumnType;
using lint::Node;
using lint::ObjectId;
using lint::ObjectKind;

// The families of types between which PostgreSQL 15 has no operator and no implicit cast.
enum class Family : std::uint8_t { none, boolean, number, string, enumeration };

Family family_of(const ColumnType& type) {
  if (!type.schema.empty() || type.array) return Family::none;
  const std::string& name = type.name;
  if (name == "bool") return Family::boolean;
  if (name == "int2" || name == "int4" || name == "int8" || name == "numeric" || name == "float4" ||
      name == "float8") {
    return Family::number;
  }
  if (name == "text" || name == "varchar" || name == "bpchar") return Family::string;
  return Family::none;
}

// The column an ALTER changes, with its type before and after.
struct Retyped {
  std::string name;  // as the dependent's definition names it
  ColumnType before;
  ColumnType after;
  Family family = Family::none;  // the new type's
  std::string after_name;        // as PostgreSQL's messages name it
  // An enum of the migrations the column has (k_no_object for a built-in type), and its name
  // when the ALTER runs (the enum rebuild renames it first).
  ObjectId before_enum = lint::k_no_object;
  std::string before_enum_name;
  // The enum it is given: k_no_object for a built-in type, and for an enum a down makes itself.
  ObjectId after_enum = lint::k_no_object;
};

bool is_column(const Node& node, const std::string& name) {
  if (!node.is("ColumnRef")) return false;
  lint::NodeList fields = node.list("fields");
  return !fields.empty() && fields.back().is("String") &&
         lint::truncate_identifier(fields.back().as_str()) == name;
}

// A constant compared with a column of type `before`, as PostgreSQL stored it: its family and
// type. Only for the column types it compares with their constants as they are (a varchar
// column is cast to text first, and a cast survives the new type): text and char(n) with
// strings, integers and numeric with numbers, booleans with booleans, an enum with its labels.
struct Constant {
  Family family = Family::none;
  std::string type;
};

Constant constant_of(const Node& value, const Retyped& column) {
  const ColumnType& before = column.before;
  if (column.before_enum != lint::k_no_object) {
    // 'open' or 'open'::ticket_status: a constant of the enum, under the name it has now.
    Node constant = value;
    if (constant.is("TypeCast")) {
      ColumnType cast = lint::column_type(constant.get("typeName"));
      if (cast.array || cast.name != before.name ||
          (!cast.schema.empty() && !before.schema.empty() && cast.schema != before.schema)) {
        return {};
      }
      constant = constant.get("arg");
    }
    if (!constant.is("A_Const") || !constant.has("sval")) return {};
    return {Family::enumeration, column.before_enum_name};
  }
  if (!before.schema.empty() || before.array) return {};
  const std::string& old = before.name;
  bool integer = old == "int2" || old == "int4" || old == "int8";
  bool direct = integer || old == "text" || old == "bpchar" || old == "numeric" || old == "bool";
  if (!direct) return {};
  Node constant = value;
  if (constant.is("TypeCast")) {
    ColumnType cast = lint::column_type(constant.get("typeName"));
    if (!cast.schema.empty() || cast.array || cast.name != old) return {};
    constant = constant.get("arg");
    if (!constant.is("A_Const") || constant.flag("isnull")) return {};
    return {family_of(before), sql_type_name(before)};
  }
  if (!constant.is("A_Const") || constant.flag("isnull")) return {};
  if (constant.has("sval")) return {family_of(before), sql_type_name(before)};
  if (constant.has("ival") && (integer || old == "numeric")) {
    return {Family::number, old == "numeric" ? "numeric" : "integer"};
  }
  if (constant.has("fval") && old == "numeric") return {Family::number, "numeric"};
  if (constant.has("boolval") && old == "bool") return {Family::boolean, "boolean"};
  return {};
}

std::string_view operator_of(const Node& expression) {
  lint::NodeList names = expression.list("name");
  return names.empty() ? std::string_view() : names.back().as_str();
}

bool is_comparison(std::string_view op) {
  static constexpr std::array<std::string_view, 12> k_ops = {
      "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"};
  return std::find(k_ops.begin(), k_ops.end(), op) != k_ops.end();
}

bool is_pattern(std::string_view op) {
  static constexpr std::array<std::string_view, 8> k_ops = {"~~", "~~*", "!~~", "!~~*",
                                                            "~",  "~*",  "!~",  "!~*"};
  return std::find(k_ops.begin(), k_ops.end(), op) != k_ops.end();
}

// The operands an A_Expr compares its column with, and the operator PostgreSQL looks up.
struct Comparison {
  std::string op;
  bool column_left = true;
  Node other;
};

std::optional<Comparison> comparison_of(const Node& expression,
                                        const std::function<bool(const Node&)>& reads) {
  std::string_view kind = expression.str("kind");
  Node left = expression.get("lexpr");
  Node right = expression.get("rexpr");
  std::string_view op = operator_of(expression);
  auto first_of = [](const Node& list) {
    lint::NodeList items = list.is("List") ? list.list("items") : list.items();
    return items.empty() ? Node() : items[0];
  };
  if (kind == "AEXPR_OP" || kind == "AEXPR_DISTINCT" || kind == "AEXPR_NOT_DISTINCT" ||
      kind == "AEXPR_NULLIF" || kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE") {
    bool equality =
        kind == "AEXPR_DISTINCT" || kind == "AEXPR_NOT_DISTINCT" || kind == "AEXPR_NULLIF";
    if (equality) op = "=";
    if (!is_comparison(op) && !is_pattern(op)) return std::nullopt;
    if (reads(left)) return Comparison{std::string(op), true, right};
    if (reads(right)) return Comparison{std::string(op), false, left};
    return std::nullopt;
  }
  if (!reads(left)) return std::nullopt;
  if (kind == "AEXPR_IN") return Comparison{std::string(op), true, first_of(right)};
  if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
    if (!right.is("A_ArrayExpr") || !is_comparison(op)) return std::nullopt;
    lint::NodeList elements = right.list("elements");
    if (elements.empty()) return std::nullopt;
    return Comparison{std::string(op), true, elements[0]};
  }
  if (kind == "AEXPR_BETWEEN" || kind == "AEXPR_BETWEEN_SYM") {
    return Comparison{">=", true, first_of(right)};
  }
  if (kind == "AEXPR_NOT_BETWEEN" || kind == "AEXPR_NOT_BETWEEN_SYM") {
    return Comparison{"<", true, first_of(right)};
  }
  return std::nullopt;
}

// Built-in functions of strings alone, and of numbers alone: none takes a boolean or an enum,
// and no implicit cast turns a number into a string or back. Each takes the column as it is only
// for some types: text for those of strings (a varchar or char(n) column is cast to text first,
// and an enum casts to text); any number for abs(); numeric and double precision for the others
// (an integer column is cast to numeric first, and text casts to numeric).
constexpr std::array<std::string_view, 31> k_string_functions = {
    "lower",        "upper",          "initcap",      "length",         "char_length",
    "btrim",        "ltrim",          "rtrim",        "substr",         "substring",
    "left",         "right",          "replace",      "reverse",        "strpos",
    "split_part",   "starts_with",    "md5",          "lpad",           "rpad",
    "translate",    "regexp_replace", "regexp_match", "regexp_matches", "regexp_like",
    "regexp_count", "regexp_substr",  "regexp_instr", "ascii",          "character_length",
    "position"};
constexpr std::array<std::string_view, 12> k_number_functions = {
    "ceil", "ceiling", "floor", "round", "trunc", "sign",
    "sqrt", "exp",     "ln",    "log",   "log10", "power"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// What keeps the definition from parsing with the new type, as PostgreSQL says it; `why` names
// the part of the definition.
struct Refusal {
  std::string error;
  std::string why;
  std::string hint;  // how to write it for the new type, when there is a usual way
};

class Judge {
 public:
  // The column, or the column cast to the type it has (s::text of a text column: PostgreSQL
  // stores no cast to the type a value has already).
  bool reads_column(const Node& node) const {
    if (is_column(node, m_column.name)) return true;
    if (!node.is("TypeCast") || !is_column(node.get("arg"), m_column.name)) return false;
    ColumnType cast = lint::column_type(node.get("typeName"));
    return cast == m_column.before && m_column.before.modifiers.empty();
  }

  Judge(const Retyped& column, const std::function<bool(std::string_view)>& user_function)
      : m_column(column), m_user_function(user_function) {}

  // `condition`: the expression is a CHECK's or an index's WHERE ("CHECK", "WHERE").
  std::optional<Refusal> judge(const Node& expression, std::string_view condition = {}) const {
    std::optional<Refusal> found;
    if (!condition.empty()) found = as_condition(expression, condition);
    lint::walk(expression, [&](const Node& node) {
      if (found) return false;
      if (node.is("A_Expr")) {
        found = compared(node);
      } else if (node.is("FuncCall")) {
        found = called(node);
      } else if (node.is("BoolExpr")) {
        std::string_view op = node.str("boolop");
        std::string_view name = op == "AND_EXPR" ? "AND" : op == "OR_EXPR" ? "OR" : "NOT";
        for (Node arg : node.list("args")) {
          if (!found) found = as_condition(arg, name);
        }
      } else if (node.is("BooleanTest")) {
        std::string test(node.str("booltesttype"));
        std::replace(test.begin(), test.end(), '_', ' ');
        found = as_condition(node.get("arg"), test);
      } else if (node.is("CaseExpr") && !node.has("arg")) {
        for (Node when : node.list("args")) {
          Node inner = when.is("CaseWhen") ? when : when.get("CaseWhen");
          if (!found) found = as_condition(inner.get("expr"), "CASE/WHEN");
        }
      }
      return !found;
    });
    return found;
  }

  // An index's expression or predicate (`part`) that is no longer immutable with the new type:
  // PostgreSQL refuses to build the index again ("functions in index expression must be marked
  // IMMUTABLE").
  std::optional<Refusal> not_immutable(const Node& expression, std::string_view part) const {
    std::string error = "functions in index ";
    error += part;
    error += " must be marked IMMUTABLE";
    std::optional<std::string> why = stable_comparison(expression);
    if (!why) why = text_of_enum(expression);
    if (!why) {
      auto typed = [&](const ColumnType& type) {
        return [&, type](std::string_view name) -> std::optional<ColumnType> {
          if (lint::truncate_identifier(name) == m_column.name) return type;
          return std::nullopt;
        };
      };
      if (!rules::first_not_immutable_builtin(expression, typed(m_column.before))) {
        if (auto call = rules::first_not_immutable_builtin(expression, typed(m_column.after))) {
          why = "it calls ";
          *why += *call;
          *why += ", which is not IMMUTABLE for the new type";
        }
      }
    }
    if (!why) return std::nullopt;
    std::string hint;
    if (m_column.after.is("timestamptz")) {
      hint = "(";
      hint += m_column.name;
      hint += " AT TIME ZONE 'UTC') in place of ";
      hint += m_column.name;
      hint += " reads it in a fixed time zone, as a timestamp";
    }
    return Refusal{error, *why, hint};
  }

 private:
  const Retyped& m_column;

  // A timestamptz compared with a timestamp or a date, or back: PostgreSQL marks these
  // comparisons STABLE (they read TimeZone). The constant keeps the column's old type.
  std::optional<std::string> stable_comparison(const Node& expression) const {
    const ColumnType& before = m_column.before;
    const ColumnType& after = m_column.after;
    auto is_time = [](const ColumnType& type) {
      return type.schema.empty() && !type.array &&
             (type.name == "timestamp" || type.name == "timestamptz" || type.name == "date");
    };
    if (!is_time(before) || !is_time(after) || before.name == after.name ||
        (before.name != "timestamptz" && after.name != "timestamptz")) {
      return std::nullopt;
    }
    std::optional<std::string> found;
    lint::walk(expression, [&](const Node& node) {
      if (found || !node.is("A_Expr")) return !found;
      std::optional<Comparison> comparison =
          comparison_of(node, [&](const Node& operand) { return reads_column(operand); });
      if (!comparison || is_pattern(comparison->op)) return true;
      std::string_view op = comparison->op;
      if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") return true;
      Node constant = comparison->other;
      if (constant.is("TypeCast")) {
        ColumnType cast = lint::column_type(constant.get("typeName"));
        if (!(cast == before)) return true;
        constant = constant.get("arg");
      }
      if (!constant.is("A_Const") || !constant.has("sval")) return true;
      std::string why = "it compares the column ";
      why += m_column.name;
      why += " with a constant of type ";
      why += sql_type_name(before);
      why += ", and PostgreSQL marks ";
      why += sql_type_name(after);
      why += ' ';
      why += op;
      why += ' ';
      why += sql_type_name(before);
      why += " STABLE (it depends on the TimeZone setting)";
      found = why;
      return false;
    });
    return found;
  }

  // A varchar or char(n) column made an enum, read as text (given to a function of strings,
  // compared with a string): PostgreSQL stored the cast to text, and an enum's cast to text is
  // STABLE.
  std::optional<std::string> text_of_enum(const Node& expression) const {
    if (m_column.family != Family::enumeration || !m_column.before.schema.empty() ||
        m_column.before.array ||
        (m_column.before.name != "varchar" && m_column.before.name != "bpchar")) {
      return std::nullopt;
    }
    bool found = false;
    lint::walk(expression, [&](const Node& node) {
      if (found) return false;
      if (node.is("FuncCall")) {
        lint::NodeList names = node.list("funcname");
        bool builtin =
            names.size() == 1 || (names.size() == 2 && names[0].as_str() == "pg_catalog");
        if (builtin && among(k_string_functions, names.back().as_str())) {
          for (Node arg : node.list("args")) found = found || is_column(arg, m_column.name);
        }
      } else if (node.is("A_Expr")) {
        std::optional<Comparison> comparison = comparison_of(
            node, [&](const Node& operand) { return is_column(operand, m_column.name); });
        found = comparison && comparison->other.is("A_Const") && comparison->other.has("sval");
      }
      return !found;
    });
    if (!found) return std::nullopt;
    std::string why = "it reads the column ";
    why += m_column.name;
    why += " as text, through a cast from ";
    why += m_column.after_name;
    why += " to text that PostgreSQL marks STABLE (it reads the enum's labels from the catalog)";
    return why;
  }
  const std::function<bool(std::string_view)>& m_user_function;

  // The column read as a condition, once a boolean and then not.
  std::optional<Refusal> as_condition(const Node& expression, std::string_view what) const {
    if (!reads_column(expression) || family_of(m_column.before) != Family::boolean) {
      return std::nullopt;
    }
    if (m_column.family == Family::boolean || m_column.family == Family::none) return std::nullopt;
    std::string error = "argument of ";
    error += what;
    error += " must be type boolean, not type ";
    error += m_column.after_name;
    std::string why = "it reads the column ";
    why += m_column.name;
    why += " as a condition";
    return Refusal{error, why};
  }

  std::optional<Refusal> compared(const Node& expression) const {
    std::optional<Comparison> comparison =
        comparison_of(expression, [&](const Node& node) { return reads_column(node); });
    if (!comparison) return std::nullopt;
    Constant constant = constant_of(comparison->other, m_column);
    if (constant.family == Family::none || m_column.family == Family::none) return std::nullopt;
    if (is_pattern(comparison->op) && constant.family != Family::string) return std::nullopt;
    // Two enums compare only with themselves: the old enum's constant with the new enum fails.
    if (constant.family == m_column.family &&
        (constant.family != Family::enumeration || m_column.after_enum == m_column.before_enum)) {
      return std::nullopt;
    }
    std::string error = "operator does not exist: ";
    error += comparison->column_left ? m_column.after_name : constant.type;
    error += ' ';
    error += comparison->op;
    error += ' ';
    error += comparison->column_left ? constant.type : m_column.after_name;
    std::string why = "it compares the column ";
    why += m_column.name;
    why += " with a constant of type ";
    why += constant.type;
    std::string hint;
    if (m_column.before_enum != lint::k_no_object) {
      why += " (the enum the column had: the constant keeps the type it took when the ";
      why += "definition was made)";
      if (m_column.family == Family::enumeration || m_column.family == Family::string) {
        hint = "the same text, made again, gives its constants the new type";
      }
    }
    return Refusal{error, why, hint};
  }

  std::optional<Refusal> called(const Node& call) const {
    lint::NodeList names = call.list("funcname");
    if (names.empty() || names.size() > 2) return std::nullopt;
    if (names.size() == 2 && names[0].as_str() != "pg_catalog") return std::nullopt;
    std::string_view name = names.back().as_str();
    const std::string& old = m_column.before.name;
    bool strings = among(k_string_functions, name) && old == "text";
    bool numbers = (name == "abs" && family_of(m_column.before) == Family::number) ||
                   (among(k_number_functions, name) && (old == "numeric" || old == "float8"));
    if (!strings && !numbers) return std::nullopt;
    Family family = m_column.family;
    if (family == Family::none || (strings && family == Family::string) ||
        (numbers && family == Family::number)) {
      return std::nullopt;
    }
    lint::NodeList args = call.list("args");
    bool reads = false;
    for (Node arg : args) reads = reads || reads_column(arg);
    if (!reads || (names.size() == 1 && m_user_function(name))) return std::nullopt;
    std::string error = "function ";
    error += name;
    error += '(';
    error += reads_column(args[0]) ? m_column.after_name : "...";
    if (args.size() > 1) error += ", ...";
    error += ") does not exist";
    std::string why = "it gives the column ";
    why += m_column.name;
    why += " to ";
    why += name;
    why += "(), which takes ";
    why += strings ? "strings" : "numbers";
    why += " only";
    return Refusal{error, why};
  }
};

// An index element keying the column with an operator class PostgreSQL keeps in the index's
// definition (one that is no type's default: varchar_pattern_ops, jsonb_path_ops, ...), which
// does not take the new type: the rebuild fails ("operator class "varchar_pattern_ops" does not
// accept data type integer"). PostgreSQL's own classes and pg_trgm's, unless a migration makes
// one of that name.
std::optional<Refusal> kept_class(const lint::Project& project, const Node& element,
                                  std::string_view method, const Retyped& column) {
  if (!element.has("name") || lint::truncate_identifier(element.str("name")) != column.name) {
    return std::nullopt;
  }
  lint::NodeList names = element.list("opclass");
  if (names.empty() || names.size() > 2 ||
      (names.size() == 2 && names[0].as_str() != "pg_catalog")) {
    return std::nullopt;
  }
  std::string_view name = names.back().as_str();
  const OperatorClass* known = operator_class(method, name);
  if (known == nullptr || is_default_class(method, name) || makes_operator_class(project, name)) {
    return std::nullopt;
  }
  if (column.family == Family::enumeration) {
    if (known->input == "anyenum") return std::nullopt;
  } else if (!lint::is_builtin_type(column.after) || accepts(known->input, column.after)) {
    return std::nullopt;
  }
  std::string input(known->input);
  ColumnType taken;
  taken.name = input;
  std::string error = "operator class \"";
  error += name;
  error += "\" does not accept data type ";
  error += column.after_name;
  std::string why = "it keys the column ";
  why += column.name;
  why += " with operator class ";
  why += name;
  why += ", which takes ";
  why += input.starts_with("any") ? input.substr(3) : sql_type_name(taken);
  why += " only";
  std::string hint = "with an operator class for ";
  hint += column.after.display();
  hint += ", or none (its default one)";
  return Refusal{error, why, hint};
}

// The CHECK of a constraint, as the statement that made it wrote it: by its name, else the one
// unnamed CHECK of the statement that reads the column.
Node check_expression(const lint::Statement& statement, const std::string& name,
                      const std::string& column) {
  std::vector<Node> checks;
  lint::walk(statement.node, [&](const Node& node) {
    if (node.is("Constraint") && node.str("contype") == "CONSTR_CHECK") {
      checks.push_back(node);
      return false;
    }
    return true;
  });
  for (const Node& check : checks) {
    if (lint::truncate_identifier(check.str("conname")) == name) return check.get("raw_expr");
  }
  Node found;
  int count = 0;
  for (const Node& check : checks) {
    if (!check.str("conname").empty()) continue;
    bool reads = false;
    lint::walk(check.get("raw_expr"), [&](const Node& node) {
      reads = reads || is_column(node, column);
      return !reads;
    });
    if (!reads) continue;
    found = check.get("raw_expr");
    ++count;
  }
  return count == 1 ? found : Node();
}

}  // namespace

std::optional<FailedRebuild> failed_rebuild(const lint::Project& project,
                                            const lint::Catalog& catalog, std::size_t file,
                                            const lint::FileReplay& replay, std::size_t s,
                                            const std::function<bool(lint::ObjectId)>& there) {
  const lint::CatalogStep& step = replay.steps[s];
  const lint::ParsedFile* parsed = project.parsed(file);
  if (parsed == nullptr) return std::nullopt;
  const lint::Statement& statement = *parsed->all_statements()[step.statement];
  const lint::CatalogObject& column = catalog.object(step.object);
  if (column.parent == lint::k_no_object) return std::nullopt;
  std::optional<ColumnType> after = lint::type_set_by(statement, column.ref_at(step.tick).name);
  // The state before the statement: an earlier command of it (DROP DEFAULT) is a change of the
  // column that names the new type already.
  std::size_t first = s;
  while (first > 0 && replay.steps[first - 1].statement == step.statement) --first;
  lint::Tick tick = replay.steps[first].tick;
  std::optional<ColumnType> before = lint::column_type_before(project, catalog, step.object, tick);
  if (!after || !before) return std::nullopt;
  Retyped retyped;
  retyped.before = *before;
  retyped.after = *after;
  retyped.family = family_of(*after);
  retyped.after_name = sql_type_name(*after);
  if (!lint::is_builtin_type(*before)) {
    // An enum the migrations made: its constants are of that enum.
    ObjectId type = current_type(catalog, step.object, tick);
    if (before->array || type == lint::k_no_object ||
        !makes_enum(lint::statement_at(project, catalog.object(type).created))) {
      return std::nullopt;
    }
    retyped.before_enum = type;
    retyped.before_enum_name = type_name_at(catalog, replay, s, type);
  }
  if (!lint::is_builtin_type(*after)) {
    std::optional<Target> target = target_of(project, catalog, replay, *parsed, s, *after);
    if (after->array || !target || !target->is_enum) return std::nullopt;
    retyped.family = Family::enumeration;
    retyped.after_name = shown_type_name(lint::truncate_identifier(after->schema), after->name);
    retyped.after_enum = target->id;
  }
  auto user_function = [&](std::string_view name) {
    return lint::find_as_written(catalog, file, step.statement, ObjectKind::function, {}, name) !=
           lint::k_no_object;
  };
  std::function<bool(std::string_view)> user(user_function);
  const lint::ObjectRef& table = catalog.object(column.parent).ref_at(step.tick);
  std::vector<ObjectId> dependents = catalog.constraints(table, step.tick);
  std::vector<ObjectId> indexes = catalog.indexes(table, step.tick);
  dependents.insert(dependents.end(), indexes.begin(), indexes.end());
  for (ObjectId id : dependents) {
    const lint::CatalogObject& dependent = catalog.object(id);
    if (dependent.kind() == ObjectKind::constraint && dependent.contype != 'c') continue;
    if (!there(id)) continue;
    const lint::Statement* made = lint::statement_at(project, dependent.created);
    if (made == nullptr) continue;
    // The definition was parsed with the type the column had then; judged only when it is the
    // type it has now (the same enum, whatever its name).
    if (retyped.before_enum != lint::k_no_object) {
      if (current_type(catalog, step.object, dependent.created.tick) != retyped.before_enum) {
        continue;
      }
    } else {
      std::optional<ColumnType> then =
          lint::column_type_before(project, catalog, step.object, dependent.created.tick);
      if (!then || !(*then == *before)) continue;
    }
    retyped.name = column.ref_at(dependent.created.tick).name;
    if (std::find(dependent.uses.begin(), dependent.uses.end(), retyped.name) ==
        dependent.uses.end()) {
      continue;
    }
    Judge judge(retyped, user);
    std::optional<Refusal> refusal;
    if (dependent.kind() == ObjectKind::constraint) {
      Node check =
          check_expression(*made, dependent.ref_at(dependent.created.tick).name, retyped.name);
      if (check) refusal = judge.judge(check, "CHECK");
    } else if (made->kind() == "IndexStmt") {
      std::string_view method =
          made->node.has("accessMethod") ? made->node.str("accessMethod") : "btree";
      for (Node param : made->node.list("indexParams")) {
        Node element = param.is("IndexElem") ? param : param.get("IndexElem");
        if (!refusal) refusal = kept_class(project, element, method, retyped);
        if (refusal || !element.has("expr")) continue;
        refusal = judge.judge(element.get("expr"));
        if (!refusal) refusal = judge.not_immutable(element.get("expr"), "expression");
      }
      if (!refusal && made->node.has("whereClause")) {
        refusal = judge.judge(made->node.get("whereClause"), "WHERE");
        if (!refusal) refusal = judge.not_immutable(made->node.get("whereClause"), "predicate");
      }
    }
    if (refusal) {
      // An enum needs no CHECK of its values: said of a column made an enum, not of one that
      // was one.
      return FailedRebuild{
          id,
          refusal->error,
          refusal->why,
          refusal->hint,
          after->display(),
          retyped.family == Family::enumeration && retyped.before_enum == lint::k_no_object};
    }
  }
  return std::nullopt;
}

}  // namespace sqlgate::rules::ordering
