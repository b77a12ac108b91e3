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
#include "rules/ordering/relations.h"

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

// A FROM item: the name it is referred to by, and the table behind it when the replay knows it
// (k_no_object for a subquery, a function, a view, a CTE, a join with an alias).
struct Source {
  std::string name;
  lint::ObjectId table = lint::k_no_object;
};

struct Scope {
  const lint::Project& project;
  const lint::Catalog& catalog;
  const lint::Effect* effect = nullptr;
  lint::Tick tick = 0;
  std::vector<std::string> ctes;
  std::vector<Source> sources;
};

std::string alias_of(const Node& item) {
  Node alias = item.get("alias");
  return alias.valid() ? lint::truncate_identifier(alias.str("aliasname")) : std::string();
}

void add_sources(Scope& scope, const Node& item) {
  if (item.is("JoinExpr") && !item.has("alias")) {
    add_sources(scope, item.get("larg"));
    add_sources(scope, item.get("rarg"));
    return;
  }
  Source source{alias_of(item)};
  if (item.is("RangeVar")) {
    std::string name = lint::truncate_identifier(item.str("relname"));
    if (source.name.empty()) source.name = name;
    bool given = item.has("schemaname");
    bool cte = !given && std::find(scope.ctes.begin(), scope.ctes.end(), name) != scope.ctes.end();
    const auto& path = scope.effect != nullptr ? scope.effect->search_path : nullptr;
    std::string schema = given ? lint::truncate_identifier(item.str("schemaname"))
                         : path && !path->empty() ? path->front()
                                                  : std::string("public");
    lint::ObjectId id = cte ? lint::k_no_object
                            : relation_named(scope.catalog, schema, name, given, path, scope.tick);
    if (id != lint::k_no_object && scope.catalog.object(id).kind() == lint::ObjectKind::table) {
      source.table = id;
    }
  }
  scope.sources.push_back(std::move(source));
}

// The column of that name of a source's table, when the replay knows it.
std::optional<ColumnType> column_of(const Scope& scope, const Source& source,
                                    const std::string& column, bool& found) {
  found = false;
  const lint::ObjectRef& table = scope.catalog.object(source.table).ref_at(scope.tick);
  for (lint::ObjectId id : scope.catalog.columns(table, scope.tick)) {
    if (scope.catalog.object(id).ref_at(scope.tick).name != column) continue;
    found = true;
    return lint::column_type_before(scope.project, scope.catalog, id, scope.tick);
  }
  return std::nullopt;
}

std::optional<ColumnType> column_ref_type(const Scope& scope, const Node& ref) {
  NodeList fields = ref.list("fields");
  if (fields.empty() || fields.size() > 2 || fields.back().is("A_Star")) return std::nullopt;
  std::string column = lint::truncate_identifier(fields.back().as_str());
  if (fields.size() == 2) {
    std::string qualifier = lint::truncate_identifier(fields.front().as_str());
    for (const Source& source : scope.sources) {
      if (source.name != qualifier) continue;
      if (source.table == lint::k_no_object) return std::nullopt;
      bool found = false;
      return column_of(scope, source, column, found);
    }
    return std::nullopt;
  }
  // Unqualified: exactly one source has it, and every source is known (any other might).
  std::optional<ColumnType> type;
  int owners = 0;
  for (const Source& source : scope.sources) {
    if (source.table == lint::k_no_object) return std::nullopt;
    bool found = false;
    auto found_type = column_of(scope, source, column, found);
    if (found) {
      ++owners;
      type = std::move(found_type);
    }
  }
  return owners == 1 ? type : std::nullopt;
}

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
  if (value.is("ColumnRef")) return column_ref_type(scope, value);
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
  Scope scope{project, catalog};
  scope.tick = origin.tick;
  for (const lint::CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
    scope.effect = &step.effect;
    break;
  }
  if (Node with = query.get("withClause"); with.valid()) {
    for (Node cte : with.list("ctes")) {
      scope.ctes.push_back(lint::truncate_identifier(cte.str("ctename")));
    }
  }
  for (Node item : query.list("fromClause")) add_sources(scope, item);
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
