// invalid-ddl: operator class parameters and range subtype_diff functions PostgreSQL 15 refuses.
// Each message is PostgreSQL 15's (measured).
#include "rules/safety/refused_parameters.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct OpclassParameter {
  std::string_view opclass;
  std::string_view name;
  std::int64_t min;
  std::int64_t max;
  std::int64_t multiple_of;  // 0: any
};

// The operator classes of PostgreSQL 15 and its contrib extensions that take parameters (each
// one integer parameter), and their bounds.
constexpr OpclassParameter k_opclass_parameters[] = {
    {"tsvector_ops", "siglen", 1, 2024, 0},    {"gist_ltree_ops", "siglen", 4, 2024, 4},
    {"gist__ltree_ops", "siglen", 1, 2024, 0}, {"gist_trgm_ops", "siglen", 1, 2024, 0},
    {"gist_hstore_ops", "siglen", 1, 2024, 0}, {"gist__intbig_ops", "siglen", 1, 2024, 0},
    {"gist__int_ops", "numranges", 1, 252, 0},
};

struct Refused {
  std::string why;
  std::string message;  // PostgreSQL's
  std::string help;
  lint::Condition error;
  std::optional<std::uint32_t> location;
};

constexpr lint::Condition k_invalid_parameter{"invalid_parameter_value", "22023"};

// The parameters of an index column's operator class, `gist_ltree_ops (siglen = 3000)`.
std::optional<Refused> opclass_options(const Node& element) {
  lint::NodeList options = element.list("opclassopts");
  lint::NodeList opclass = element.list("opclass");
  if (options.empty() || opclass.empty()) return std::nullopt;
  if (opclass.size() == 2 && opclass[0].as_str() != "public" &&
      opclass[0].as_str() != "pg_catalog") {
    return std::nullopt;
  }
  std::string_view name = opclass[opclass.size() - 1].as_str();
  const OpclassParameter* known = nullptr;
  for (const OpclassParameter& entry : k_opclass_parameters) {
    if (entry.opclass == name) known = &entry;
  }
  if (known == nullptr) return std::nullopt;
  std::string shown(name);
  for (Node option : options) {
    std::string_view parameter = option.str("defname");
    if (parameter != known->name) {
      return Refused{
          "operator class " + shown + " takes parameter " + std::string(known->name) + " only",
          "unrecognized parameter \"" + std::string(parameter) + "\"",
          "write " + shown + " (" + std::string(known->name) +
              " = ...), or leave the "
              "parameters out",
          k_invalid_parameter, option.location()};
    }
    Node arg = option.get("arg");
    if (!arg.is("Integer")) continue;
    std::int64_t value = arg.as_int();
    std::string bounds =
        "between " + std::to_string(known->min) + " and " + std::to_string(known->max);
    if (value < known->min || value > known->max) {
      return Refused{"operator class " + shown + " takes " + std::string(parameter) + " " + bounds +
                         ", not " + std::to_string(value),
                     "value " + std::to_string(value) + " out of bounds for option \"" +
                         std::string(parameter) + "\"",
                     "give " + std::string(parameter) + " a value " + bounds +
                         " (in bytes: a larger signature is more selective and larger), or "
                         "leave it out for the default",
                     k_invalid_parameter, option.location()};
    }
    if (known->multiple_of != 0 && value % known->multiple_of != 0) {
      return Refused{"operator class " + shown + " takes a " + std::string(parameter) +
                         " that is a multiple of " + std::to_string(known->multiple_of) + ", not " +
                         std::to_string(value),
                     std::string(parameter) + " value must be a multiple of " +
                         std::to_string(known->multiple_of),
                     "round " + std::string(parameter) + " to a multiple of " +
                         std::to_string(known->multiple_of),
                     k_invalid_parameter, option.location()};
    }
  }
  return std::nullopt;
}

// A built-in type as PostgreSQL's messages name it (format_type), from a type as written;
// empty when it is none of those a subtype_diff below takes.
std::string_view builtin_type(const Node& type_name) {
  if (!type_name.list("arrayBounds").empty()) return {};
  lint::NodeList names = type_name.list("names");
  if (names.empty() || names.size() > 2) return {};
  if (names.size() == 2 && names[0].as_str() != "pg_catalog") return {};
  static constexpr std::pair<std::string_view, std::string_view> k_types[] = {
      {"int2", "smallint"},
      {"smallint", "smallint"},
      {"int4", "integer"},
      {"integer", "integer"},
      {"int", "integer"},
      {"int8", "bigint"},
      {"bigint", "bigint"},
      {"float4", "real"},
      {"real", "real"},
      {"float8", "double precision"},
      {"numeric", "numeric"},
      {"decimal", "numeric"},
      {"date", "date"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"time", "time without time zone"},
      {"interval", "interval"},
      {"money", "money"},
      {"text", "text"},
      {"varchar", "character varying"},
      {"bpchar", "character"},
      {"inet", "inet"},
      {"bool", "boolean"},
      {"uuid", "uuid"},
  };
  std::string_view name = names[names.size() - 1].as_str();
  for (const auto& entry : k_types) {
    if (entry.first == name) return entry.second;
  }
  return {};
}

struct DiffFunction {
  std::string_view name;
  std::string_view argument;  // both arguments, as format_type names it
  std::string_view result;
};

// Built-in functions of two arguments of one type, each the only function of its name in
// pg_catalog, that a subtype_diff is written with.
constexpr DiffFunction k_diff_functions[] = {
    {"int2mi", "smallint", "smallint"},
    {"int4mi", "integer", "integer"},
    {"int8mi", "bigint", "bigint"},
    {"float4mi", "real", "real"},
    {"float8mi", "double precision", "double precision"},
    {"numeric_sub", "numeric", "numeric"},
    {"date_mi", "date", "integer"},
    {"timestamp_mi", "timestamp without time zone", "interval"},
    {"timestamptz_mi", "timestamp with time zone", "interval"},
    {"time_mi_time", "time without time zone", "interval"},
    {"interval_mi", "interval", "interval"},
    {"cash_mi", "money", "money"},
    {"int4range_subdiff", "integer", "double precision"},
    {"int8range_subdiff", "bigint", "double precision"},
    {"numrange_subdiff", "numeric", "double precision"},
    {"daterange_subdiff", "date", "double precision"},
    {"tsrange_subdiff", "timestamp without time zone", "double precision"},
    {"tstzrange_subdiff", "timestamp with time zone", "double precision"},
};

// Whether a migration makes a function or procedure of that name (an overload PostgreSQL would
// find).
bool made_by_migrations(const lint::FileContext& context, std::string_view name) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr) return true;
  for (lint::ObjectId id = 0; id < catalog->size(); ++id) {
    const lint::CatalogObject& object = catalog->object(id);
    if (object.kind() != lint::ObjectKind::function &&
        object.kind() != lint::ObjectKind::procedure) {
      continue;
    }
    for (const auto& named : object.names) {
      if (named.ref.name == name) return true;
    }
  }
  return false;
}

// CREATE TYPE r AS RANGE (subtype = t, subtype_diff = f): PostgreSQL looks f up with exactly
// (t, t), then wants it to return double precision.
std::optional<Refused> range_subtype_diff(const lint::FileContext& context, const Node& create) {
  Node subtype;
  Node diff;
  for (Node param : create.list("params")) {
    if (param.str("defname") == "subtype") subtype = param.get("arg");
    if (param.str("defname") == "subtype_diff") diff = param;
  }
  if (!subtype.is("TypeName") || !diff.valid() || !diff.get("arg").is("TypeName")) {
    return std::nullopt;
  }
  std::string_view type = builtin_type(subtype);
  lint::NodeList names = diff.get("arg").list("names");
  if (type.empty() || names.empty() || names.size() > 2) return std::nullopt;
  if (names.size() == 2 && names[0].as_str() != "pg_catalog") return std::nullopt;
  std::string_view name = names[names.size() - 1].as_str();
  const DiffFunction* known = nullptr;
  for (const DiffFunction& entry : k_diff_functions) {
    if (entry.name == name) known = &entry;
  }
  if (known == nullptr || made_by_migrations(context, name)) return std::nullopt;
  // As written: PostgreSQL's message names it so (pg_catalog.date_mi).
  std::string signature;
  for (Node part : names) {
    if (!signature.empty()) signature += '.';
    signature += part.as_str();
  }
  signature += "(";
  signature += type;
  signature += ", ";
  signature += type;
  signature += ")";
  std::string help = "give a function of (" + std::string(type) + ", " + std::string(type) +
                     ") returning double precision";
  if (type == "double precision") {
    help += " (float8mi)";
  } else {
    help += ": CREATE FUNCTION ... (a " + std::string(type) + ", b " + std::string(type) +
            ") RETURNS float8 IMMUTABLE, or leave subtype_diff out";
  }
  if (known->argument != type) {
    return Refused{"subtype_diff " + std::string(name) + " takes (" + std::string(known->argument) +
                       ", " + std::string(known->argument) + "), not the subtype " +
                       std::string(type),
                   "function " + signature + " does not exist",
                   help,
                   {"undefined_function", "42883"},
                   std::nullopt};
  }
  if (known->result != "double precision") {
    return Refused{
        "subtype_diff " + std::string(name) + " returns " + std::string(known->result),
        "range subtype diff function " + signature + " must return type double precision",
        help,
        {"invalid_object_definition", "42P17"},
        std::nullopt};
  }
  return std::nullopt;
}

}  // namespace

void check_refused_parameters(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out) {
  const Node& node = statement.node;
  std::optional<Refused> refused;
  std::string what;
  if (node.is("IndexStmt")) {
    // IF NOT EXISTS of an index there already: PostgreSQL skips it before the parameters.
    if (node.flag("if_not_exists") && node.has("idxname") &&
        lint::find_as_written(context, statement, lint::ObjectKind::index,
                              lint::relation_name(node.get("relation")).schema,
                              node.str("idxname")) != lint::k_no_object) {
      return;
    }
    for (Node element : node.list("indexParams")) {
      refused = opclass_options(element);
      if (refused) break;
    }
    what = "CREATE INDEX";
    if (node.has("idxname")) {
      what += ' ';
      what += lint::sql_identifier(node.str("idxname"));
    }
  } else if (node.is("CreateRangeStmt")) {
    refused = range_subtype_diff(context, node);
    what = "CREATE TYPE ";
    std::string name;
    for (Node part : node.list("typeName")) {
      if (!name.empty()) name += '.';
      name += lint::sql_identifier(part.as_str());
    }
    what += name + " AS RANGE";
  }
  // A DO block's IF runs it on a fresh database; only a handler that catches the error keeps it
  // from failing.
  if (!refused || lint::conditional(statement, refused->error, false)) return;
  lint::TextRange range = statement.range;
  if (refused->location) range = lint::token_at(context.file, statement, *refused->location);
  out.report(range,
             what + " fails whenever it runs: " + refused->why + ", and PostgreSQL refuses it (\"" +
                 refused->message + "\")",
             refused->help);
}

}  // namespace sqlgate::rules
