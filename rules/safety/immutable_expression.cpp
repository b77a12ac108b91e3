// immutable-expression: a stored generated column's expression, an index's (or an exclusion
// constraint's) expression or WHERE that calls a built-in function PostgreSQL does not mark
// IMMUTABLE (concat_ws(), format(), jsonb_build_object(), to_tsvector() without a configuration,
// now(), CURRENT_DATE, random(), ...). PostgreSQL refuses the statement: "generation expression is
// not immutable", "functions in index expression (predicate) must be marked IMMUTABLE".
#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <string>

#include "lint/objects.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/safety/immutable.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// pg_catalog functions none of whose overloads is immutable (PostgreSQL 15's pg_proc), among those
// an expression of a column or an index plausibly calls.
constexpr std::string_view k_not_immutable[] = {"array_to_json",
                                                "array_to_string",
                                                "col_description",
                                                "concat",
                                                "concat_ws",
                                                "current_database",
                                                "current_schema",
                                                "current_schemas",
                                                "current_setting",
                                                "current_user",
                                                "enum_first",
                                                "enum_last",
                                                "enum_range",
                                                "format",
                                                "format_type",
                                                "get_current_ts_config",
                                                "json_build_array",
                                                "json_build_object",
                                                "json_populate_record",
                                                "json_to_record",
                                                "jsonb_build_array",
                                                "jsonb_build_object",
                                                "jsonb_path_exists_tz",
                                                "jsonb_path_match_tz",
                                                "jsonb_path_query_array_tz",
                                                "jsonb_path_query_first_tz",
                                                "jsonb_populate_record",
                                                "jsonb_to_record",
                                                "make_timestamptz",
                                                "now",
                                                "obj_description",
                                                "row_to_json",
                                                "session_user",
                                                "statement_timestamp",
                                                "to_char",
                                                "to_date",
                                                "to_json",
                                                "to_jsonb",
                                                "to_number",
                                                "to_regclass",
                                                "to_regtype",
                                                "transaction_timestamp",
                                                "txid_current",
                                                "version"};

// Functions of the contrib extensions migrations use that are not IMMUTABLE (PostgreSQL 15):
// unaccent() is STABLE (it reads its dictionary), pgcrypto's encryption is VOLATILE (a random
// salt). Called with any schema: extensions live where they were installed.
constexpr std::string_view k_extension_not_immutable[] = {
    "normal_rand",     "pgp_pub_encrypt",       "pgp_pub_encrypt_bytea",
    "pgp_sym_encrypt", "pgp_sym_encrypt_bytea", "unaccent"};

// Functions immutable with a text search configuration (or format) given and stable without:
// the argument count of the stable overloads.
struct Overloaded {
  std::string_view name;
  std::size_t stable_args;
};
constexpr Overloaded k_stable_when[] = {{"to_tsvector", 1},          {"to_tsquery", 1},
                                        {"plainto_tsquery", 1},      {"phraseto_tsquery", 1},
                                        {"websearch_to_tsquery", 1}, {"to_timestamp", 2},
                                        {"json_to_tsvector", 2},     {"jsonb_to_tsvector", 2}};

// The type of a column the expression names (by its last name), when known.
using ColumnTypes = std::function<std::optional<lint::ColumnType>(std::string_view)>;

// The built-in type an expression has, as far as the forms that matter here tell: a column, a
// cast, AT TIME ZONE (which turns a timestamptz into a timestamp and back), ->> and #>> (text).
// Empty when not known.
std::string type_of(const Node& expression, const ColumnTypes& columns) {
  if (expression.is("ColumnRef")) {
    lint::NodeList fields = expression.list("fields");
    if (fields.empty() || !fields.back().is("String")) return {};
    std::optional<lint::ColumnType> type = columns(fields.back().as_str());
    return type && type->schema.empty() && !type->array ? type->name : std::string();
  }
  if (expression.is("TypeCast")) {
    lint::ColumnType type = lint::column_type(expression.get("typeName"));
    return type.schema.empty() && !type.array ? type.name : std::string();
  }
  if (expression.is("A_Expr") && expression.str("kind") == "AEXPR_OP") {
    lint::NodeList names = expression.list("name");
    std::string_view op = names.empty() ? std::string_view() : names.back().as_str();
    if (op == "->>" || op == "#>>" || op == "||") return op == "||" ? std::string() : "text";
    if (op == "+" && (type_of(expression.get("lexpr"), columns) == "timestamptz" ||
                      type_of(expression.get("rexpr"), columns) == "timestamptz")) {
      return "timestamptz";
    }
    return {};
  }
  if (expression.is("FuncCall")) {
    lint::NodeList names = expression.list("funcname");
    lint::NodeList args = expression.list("args");
    std::string_view name = names.empty() ? std::string_view() : names.back().as_str();
    if (name == "timezone" && args.size() == 2) {
      std::string type = type_of(args[1], columns);
      if (type == "timestamptz") return "timestamp";
      if (type == "timestamp") return "timestamptz";
      return {};
    }
    if (name == "date_trunc" && args.size() >= 2) {
      std::string type = type_of(args[1], columns);
      return type == "timestamp" || type == "timestamptz" ? type : std::string();
    }
    if (name == "now" && args.empty()) return "timestamptz";
  }
  return {};
}

bool is_text_type(std::string_view type) {
  return type == "text" || type == "varchar" || type == "bpchar";
}

// How a value is named in a message: "the timestamptz occurred_at" for a column.
std::string operand(const Node& expression, std::string_view type) {
  std::string text = "a ";
  if (expression.is("ColumnRef")) {
    text = "the ";
    text += type;
    text += " ";
    text += lint::join_names(expression.list("fields"));
    return text;
  }
  text += type;
  return text;
}

// A call or cast whose volatility depends on its argument's type and that reads a setting for
// that type (checked on PostgreSQL 15): date_trunc(), extract() and date_part() of a timestamptz
// and its casts to other types read TimeZone; text parsed as a date or time, and dates and
// intervals written as text, read DateStyle (IntervalStyle); timestamptz + interval reads TimeZone
// (a day is not always 24 hours); age() of one value reads the current date. The call as the
// message names it and the setting; nothing when none is.
struct Dependent {
  std::string text;
  std::string setting;
};
std::optional<Dependent> setting_dependent(const Node& node, const ColumnTypes& columns) {
  if (node.is("FuncCall")) {
    lint::NodeList names = node.list("funcname");
    lint::NodeList args = node.list("args");
    if (names.empty()) return std::nullopt;
    if (names.size() > 1 && names[0].as_str() != "pg_catalog") return std::nullopt;
    std::string_view name = names.back().as_str();
    if (name == "age" && args.size() == 1) {
      return Dependent{"age() of one value", "current date"};
    }
    bool of_time = ((name == "date_trunc" || name == "date_part" || name == "extract") &&
                    (args.size() == 2 || (name == "date_trunc" && args.size() == 3))) ||
                   ((name == "date" || name == "time" || name == "timetz") && args.size() == 1);
    if (!of_time) return std::nullopt;
    Node value = args[args.size() == 1 ? 0 : 1];
    if (type_of(value, columns) != "timestamptz") return std::nullopt;
    std::string text(name);
    text += "() of ";
    text += operand(value, "timestamptz");
    return Dependent{text, "TimeZone"};
  }
  if (node.is("TypeCast")) {
    Node value = node.get("arg");
    if (value.is("A_Const")) return std::nullopt;  // converted once, when the statement is parsed
    std::string from = type_of(value, columns);
    if (from.empty()) return std::nullopt;
    lint::ColumnType target = lint::column_type(node.get("typeName"));
    if (!target.schema.empty() || target.array) return std::nullopt;
    const std::string& to = target.name;
    std::string setting;
    if (from == "timestamptz" && to != "timestamptz") {
      setting = "TimeZone";
    } else if ((from == "timestamp" || from == "date") && to == "timestamptz") {
      setting = "TimeZone";
    } else if (from == "time" && to == "timetz") {
      setting = "TimeZone";
    } else if ((from == "timestamp" || from == "date") && is_text_type(to)) {
      setting = "DateStyle";
    } else if (from == "interval" && is_text_type(to)) {
      setting = "IntervalStyle";
    } else if (is_text_type(from) && (to == "date" || to == "time" || to == "timetz" ||
                                      to == "timestamp" || to == "timestamptz")) {
      setting = to == "timestamptz" ? "DateStyle and TimeZone" : "DateStyle";
    } else if (is_text_type(from) && to == "interval") {
      setting = "IntervalStyle";
    } else {
      return std::nullopt;
    }
    std::string text = "the cast of ";
    text += operand(value, from);
    text += " to ";
    text += target.display();
    return Dependent{text, setting};
  }
  if (node.is("A_Expr") && node.str("kind") == "AEXPR_OP") {
    lint::NodeList names = node.list("name");
    std::string_view op = names.empty() ? std::string_view() : names.back().as_str();
    Node left = node.get("lexpr");
    Node right = node.get("rexpr");
    std::string left_type = type_of(left, columns);
    std::string right_type = type_of(right, columns);
    // timestamptz + anything is the addition of an interval; timestamptz - a timestamptz is an
    // interval (immutable), so only a known interval counts there.
    bool adds = (op == "+" && (left_type == "timestamptz" || right_type == "timestamptz") &&
                 left_type != right_type) ||
                (op == "-" && left_type == "timestamptz" && right_type == "interval");
    if (!adds) return std::nullopt;
    bool left_is = left_type == "timestamptz";
    std::string text = "timestamptz ";
    text += op;
    text += " interval on ";
    text += operand(left_is ? left : right, "timestamptz");
    return Dependent{text, "TimeZone"};
  }
  return std::nullopt;
}

// The first call in an expression that is not immutable, as the message names it: "concat_ws()",
// "CURRENT_DATE"; nothing when every call is immutable as far as is known.
// A function a migration created is judged by the volatility it was created with ('i' when it
// is not to be reported).
using Volatility = std::function<std::optional<char>(const lint::QualifiedName&)>;

struct Call {
  std::string text;
  bool made = false;    // a function a migration created without IMMUTABLE
  std::string setting;  // what a call of a built-in function reads for its argument's type
};

std::optional<Call> first_not_immutable(const Node& expression, const Volatility& created,
                                        const ColumnTypes& columns) {
  std::optional<std::string> found;
  bool made = false;
  std::string setting;
  lint::walk(expression, [&](const Node& node) {
    if (found) return false;
    if (node.is("SQLValueFunction")) {
      std::string_view op = node.str("op");
      std::string name(op.substr(op.find("SVFOP_") == 0 ? 6 : 0));
      found = name;
      return false;
    }
    if (!node.is("FuncCall")) return true;
    lint::NodeList names = node.list("funcname");
    if (names.empty()) return true;
    std::string_view name = names[names.size() - 1].as_str();
    lint::QualifiedName function = lint::QualifiedName::of(names);
    if (std::optional<char> volatility = created(function)) {
      if (*volatility != 'i') {
        found = function.display() + "()";
        made = true;
        return false;
      }
      return true;
    }
    bool stable =
        std::find(std::begin(k_extension_not_immutable), std::end(k_extension_not_immutable),
                  name) != std::end(k_extension_not_immutable);
    if (names.size() > 1 && names[0].as_str() != "pg_catalog" && !stable) {
      return true;  // another schema's
    }
    stable = stable || std::find(std::begin(k_not_immutable), std::end(k_not_immutable), name) !=
                           std::end(k_not_immutable);
    for (const Overloaded& overloaded : k_stable_when) {
      stable =
          stable || (overloaded.name == name && node.list("args").size() == overloaded.stable_args);
    }
    if (stable) {
      found = std::string(name) + "()";
      return false;
    }
    return true;
  });
  if (!found) {
    if (auto call = lint::volatile_call(expression)) found = *call + "()";
  }
  // Then the built-in calls and casts that read a setting for their argument's type: a call
  // found above names the cause better (now() - interval '1 day').
  if (!found) {
    lint::walk(expression, [&](const Node& node) {
      if (found) return false;
      if (std::optional<Dependent> dependent = setting_dependent(node, columns)) {
        found = dependent->text;
        setting = dependent->setting;
        return false;
      }
      return true;
    });
  }
  if (!found) return std::nullopt;
  return Call{*found, made, setting};
}

// The advice for the call found.
std::string advice(const Call& call, bool predicate) {
  const std::string& text = call.text;
  if (call.setting == "TimeZone") {
    return "fix the time zone first: AT TIME ZONE turns a timestamptz into a timestamp "
           "(date_trunc('day', created_at AT TIME ZONE 'UTC'), (created_at AT TIME ZONE "
           "'UTC')::date), on which these are immutable";
  }
  if (!call.setting.empty() && call.setting != "current date") {
    return "keep the value in a column of its own type, or compute it in a trigger, or call a "
           "function of your own declared IMMUTABLE when the text's format is fixed";
  }
  if (call.made) {
    return "declare " + text.substr(0, text.size() - 2) +
           " IMMUTABLE (CREATE OR REPLACE FUNCTION ... IMMUTABLE) before this statement, when its "
           "result depends on its arguments alone";
  }
  if (text == "concat()" || text == "concat_ws()" || text == "format()") {
    return "join the texts with || instead (coalesce(a, '') || ' ' || coalesce(b, '')), which is "
           "immutable";
  }
  if (text.starts_with("to_ts") || text.ends_with("_tsquery()")) {
    return "name the text search configuration: " + text.substr(0, text.size() - 1) +
           "'english', ...)";
  }
  if (text == "unaccent()") {
    return "call it through a function of your own declared IMMUTABLE that names the "
           "dictionary (unaccent('public.unaccent'::regdictionary, $1)), the usual way to index "
           "unaccented text";
  }
  if (predicate) {
    return "an index's WHERE cannot depend on the time or the session: compare with a constant "
           "(a fixed date), or leave the condition to the queries";
  }
  return "compute the value in a trigger instead, or call a function of your own declared "
         "IMMUTABLE (only when its result truly depends on nothing but its arguments)";
}

// "which PostgreSQL does not mark IMMUTABLE", or for a function a migration made, that it was
// made without.
std::string why(const Call& call) {
  if (!call.setting.empty()) {
    std::string text = call.text;
    text += ", which depends on the ";
    text += call.setting;
    if (call.setting != "current date") {
      text += call.setting.find(" and ") == std::string::npos ? " setting" : " settings";
    }
    text += " (PostgreSQL marks it STABLE, not IMMUTABLE)";
    return text;
  }
  return call.text + (call.made ? ", which its migration created without IMMUTABLE"
                                : ", which PostgreSQL does not mark IMMUTABLE");
}

void check_generated(const Node& column_def, const lint::Statement& statement,
                     const Volatility& created, const ColumnTypes& columns, lint::Reporter& out) {
  if (Node expression = lint::generation_expression(column_def); expression.valid()) {
    auto call = first_not_immutable(expression, created, columns);
    if (!call) return;
    out.report(statement.range,
               "the generated column " + std::string(column_def.str("colname")) + " calls " +
                   why(*call) +
                   ": a generated column's expression must be IMMUTABLE, so the statement fails "
                   "(\"generation expression is not immutable\")",
               advice(*call, false));
  }
}

// The first call that is not immutable in the elements of an index (IndexElem nodes), then in its
// WHERE; `predicate` tells which.
std::optional<Call> index_call(const std::vector<Node>& elements, const Node& where,
                               const Volatility& created, const ColumnTypes& columns,
                               bool& predicate) {
  predicate = false;
  for (Node param : elements) {
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    if (!element.has("expr")) continue;
    if (auto call = first_not_immutable(element.get("expr"), created, columns)) return call;
  }
  if (!where.valid()) return std::nullopt;
  auto call = first_not_immutable(where, created, columns);
  predicate = call.has_value();
  return call;
}

// An exclusion constraint (EXCLUDE USING gist (...) [WHERE (...)]) builds an index over its
// elements: PostgreSQL checks them as an index's.
void check_exclusion(const Node& constraint, lint::TextRange range, const Volatility& created,
                     const ColumnTypes& columns, lint::Reporter& out) {
  if (constraint.str("contype") != "CONSTR_EXCLUSION") return;
  std::vector<Node> elements;
  for (const lint::ExclusionElement& pair : lint::exclusion_elements(constraint)) {
    elements.push_back(pair.element);
  }
  bool predicate = false;
  auto call = index_call(elements, constraint.get("where_clause"), created, columns, predicate);
  if (!call) return;
  out.report(range,
             "the exclusion constraint's " + std::string(predicate ? "WHERE" : "expression") +
                 " calls " + why(*call) +
                 ", so PostgreSQL refuses the constraint, whose index it would be (\"functions "
                 "in index " +
                 (predicate ? "predicate" : "expression") + " must be marked IMMUTABLE\")",
             advice(*call, predicate));
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  lint::TableState tables(context);
  for (const lint::Statement* statement : context.file.all_statements()) {
    Volatility created = [&](const lint::QualifiedName& function) -> std::optional<char> {
      const lint::Statement* definition = tables.function_definition(function, *statement);
      if (definition == nullptr) return std::nullopt;
      // PostgreSQL inlines a function written in SQL before it checks the expression, so what
      // counts is its body's calls, not what the function was declared (checked on 15).
      for (Node option : definition->node.list("options")) {
        if (option.str("defname") == "language" && option.get("arg").as_str() == "sql") {
          return 'i';
        }
      }
      return tables.function_volatility(function, *statement);
    };
    const Node& node = statement->node;
    // The columns of the table the statement is about: the statement's own definitions (a
    // CREATE TABLE's, an ADD COLUMN's), else what the migrations before it left.
    ColumnTypes columns = [&](std::string_view column) -> std::optional<lint::ColumnType> {
      std::string name = lint::truncate_identifier(column);
      if (Node def = lint::column_definition(*statement, name)) return lint::defined_type(def);
      if (!node.has("relation")) return std::nullopt;
      auto table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      return tables.column_type(table, name, *statement);
    };
    if (node.is("CreateStmt")) {
      for (Node element : node.list("tableElts")) {
        if (element.is("ColumnDef")) check_generated(element, *statement, created, columns, out);
        if (element.is("Constraint")) {
          check_exclusion(element, statement->range, created, columns, out);
        }
      }
    } else if (node.is("AlterTableStmt")) {
      std::size_t i = 0;
      for (Node command : node.list("cmds")) {
        std::size_t at = i++;
        if (command.str("subtype") == "AT_AddColumn") {
          check_generated(command.get("def"), *statement, created, columns, out);
        } else if (command.str("subtype") == "AT_AddConstraint") {
          check_exclusion(command.get("def"),
                          lint::alter_command_range(context.file, *statement, at), created, columns,
                          out);
        }
      }
    } else if (node.is("IndexStmt")) {
      bool predicate = false;
      std::vector<Node> params;
      for (Node param : node.list("indexParams")) params.push_back(param);
      std::optional<Call> call =
          index_call(params, node.get("whereClause"), created, columns, predicate);
      if (!call) continue;
      std::string part = predicate ? "predicate" : "expression";
      out.report(statement->range,
                 "the index's " + std::string(predicate ? "WHERE" : "expression") + " calls " +
                     why(*call) + ", so PostgreSQL refuses the index (\"functions in index " +
                     part + " must be marked IMMUTABLE\")",
                 advice(*call, predicate));
    }
  }
}

}  // namespace

std::optional<std::string> first_not_immutable_builtin(const lint::Node& expression) {
  // The column types are not known here: what a call reads for its argument's type is left out.
  return first_not_immutable_builtin(
      expression, [](std::string_view) { return std::optional<lint::ColumnType>(); });
}

std::optional<std::string> first_not_immutable_builtin(const lint::Node& expression,
                                                       const ColumnTypes& columns) {
  auto call = first_not_immutable(
      expression, [](const lint::QualifiedName&) { return std::optional<char>(); }, columns);
  if (!call) return std::nullopt;
  return call->text;
}

lint::Rule immutable_expression() {
  return {.info = {.id = "immutable-expression",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "A generated column's, an index's or an exclusion constraint's "
                              "expression calls a function that is not IMMUTABLE: PostgreSQL "
                              "refuses it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
