// The types of a view's columns where they can be told for certain. Checked on PostgreSQL 15 by
// reading pg_attribute of views: a cast gives exactly the type written (x::varchar of a
// varchar(20) is varchar, without a length); an integer constant is integer, bigint beyond it,
// numeric beyond that; a decimal one numeric; a string or NULL text; count() bigint; sum() of
// smallint or integer bigint, of bigint or numeric numeric; avg() of an integer or numeric
// numeric, of a float double precision; min() and max() the argument's type without its
// modifiers (text for varchar).
#include "rules/ordering/view_types.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "lint/table_state.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ColumnType;
using lint::Node;
using lint::NodeList;

ColumnType named(std::string_view name) {
  ColumnType type;
  type.name = name;
  return type;
}

// What the expressions of a view's query are read against: the query and the statement that made
// the view.
struct Scope {
  const lint::Project& project;
  const lint::Catalog& catalog;
  Node query;
  lint::Origin origin;
};

std::optional<ColumnType> constant_type(const Node& value) {
  if (value.flag("isnull") || value.get("sval").valid()) return named("text");
  if (value.get("ival").valid()) return named("int4");
  if (value.get("boolval").valid()) return named("bool");
  if (Node number = value.get("fval"); number.valid()) {
    std::string_view text = number.str("fval");
    std::string_view digits = text.substr(!text.empty() && text.front() == '-' ? 1 : 0);
    bool integer = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
    if (!integer) return named("numeric");
    // Beyond int4 (ival holds those): int8 when it fits, numeric beyond.
    std::string_view max = text.front() == '-' ? "9223372036854775808" : "9223372036854775807";
    bool fits = digits.size() < max.size() || (digits.size() == max.size() && digits <= max);
    return named(fits ? "int8" : "numeric");
  }
  return std::nullopt;
}

std::optional<ColumnType> expression_type(const Scope& scope, const Node& value);

// count(), and sum(), avg(), min(), max() of a built-in type they are known for.
std::optional<ColumnType> aggregate_type(const Scope& scope, const Node& call) {
  NodeList names = call.list("funcname");
  if (names.empty() || names.size() > 2) return std::nullopt;
  if (names.size() == 2 && names.front().as_str() != "pg_catalog") return std::nullopt;
  if (call.flag("agg_within_group") || call.flag("func_variadic")) return std::nullopt;
  std::string_view name = names.back().as_str();
  NodeList args = call.list("args");
  if (name == "count" && (call.flag("agg_star") || args.size() == 1)) return named("int8");
  if (args.size() != 1) return std::nullopt;
  auto argument = expression_type(scope, args.front());
  if (!argument || !argument->schema.empty() || argument->array) return std::nullopt;
  const std::string& type = argument->name;
  auto any = [&](std::initializer_list<std::string_view> types) {
    return std::find(types.begin(), types.end(), type) != types.end();
  };
  if (name == "sum") {
    if (any({"int2", "int4"})) return named("int8");
    if (any({"int8", "numeric"})) return named("numeric");
    if (any({"float4", "float8", "interval", "money"})) return named(type);
  } else if (name == "avg") {
    if (any({"int2", "int4", "int8", "numeric"})) return named("numeric");
    if (any({"float4", "float8"})) return named("float8");
    if (type == "interval") return named("interval");
  } else if (name == "min" || name == "max") {
    if (any({"varchar", "text"})) return named("text");
    if (any({"int2", "int4", "int8", "numeric", "float4", "float8", "date", "time", "timetz",
             "timestamp", "timestamptz", "interval", "money", "oid", "bpchar"})) {
      return named(type);
    }
  }
  return std::nullopt;
}

std::optional<ColumnType> expression_type(const Scope& scope, const Node& value) {
  if (value.is("TypeCast")) {
    ColumnType type = lint::column_type(value.get("typeName"));
    type.location.reset();
    return type;
  }
  if (value.is("CollateClause")) return expression_type(scope, value.get("arg"));
  if (value.is("A_Const")) return constant_type(value);
  if (value.is("ColumnRef")) {
    return lint::selected_column_type(scope.project, scope.catalog, scope.query, value,
                                      scope.origin);
  }
  if (value.is("FuncCall")) return aggregate_type(scope, value);
  return std::nullopt;
}

}  // namespace

std::vector<std::optional<ColumnType>> view_column_types(const lint::Project& project,
                                                         const lint::Catalog& catalog,
                                                         const Node& view,
                                                         const lint::Origin& origin) {
  std::vector<std::optional<ColumnType>> types;
  Node query = view.get("query");
  if (!query.is("SelectStmt") || query.has("valuesLists") ||
      (query.str("op") != "" && query.str("op") != "SETOP_NONE")) {
    return types;
  }
  Scope scope{project, catalog, query, origin};
  for (Node target : query.list("targetList")) {
    types.push_back(expression_type(scope, target.get("val")));
  }
  return types;
}

std::optional<bool> types_differ(const ColumnType& a, const ColumnType& b) {
  if (!a.modifiers_known || !b.modifiers_known) return std::nullopt;
  if (a.name == b.name && a.schema != b.schema && (a.schema.empty() || b.schema.empty())) {
    return std::nullopt;
  }
  // INTERVAL's fields (INTERVAL DAY) are modifiers of their own.
  if (a.name == "interval" && b.name == "interval" &&
      (!a.modifiers.empty() || !b.modifiers.empty())) {
    return std::nullopt;
  }
  auto normal = [](ColumnType type) {
    // numeric(10) is numeric(10,0).
    if (type.name == "numeric" && type.modifiers.size() == 1) type.modifiers.push_back(0);
    return type;
  };
  return !(normal(a) == normal(b));
}

}  // namespace sqlgate::rules::ordering
