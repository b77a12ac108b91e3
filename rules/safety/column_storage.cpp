// A column's storage settings PostgreSQL 15 refuses (see column_storage.h). Measured on
// PostgreSQL 15: SET STORAGE other than PLAIN, and SET COMPRESSION or COMPRESSION other than
// default, need a type whose pg_type.typstorage is not 'p' (PLAIN); the storage is one of plain,
// external, extended and main, the compression one of pglz, lz4 and default (as written: the
// names are identifiers, folded to lower case unless quoted).
#include "rules/safety/column_storage.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/sql.h"
#include "lint/table_state.h"
#include "rules/safety/identity.h"
#include "rules/safety/relation_options.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// The built-in types PostgreSQL 15 stores PLAIN only (typstorage 'p': the fixed-length ones, and
// a few varlena ones), with the name its messages give them (format_type). Read from pg_type.
constexpr std::array<std::pair<std::string_view, std::string_view>, 44> k_plain_types{{
    {"aclitem", "aclitem"},
    {"bool", "boolean"},
    {"box", "box"},
    {"char", "\"char\""},
    {"cid", "cid"},
    {"circle", "circle"},
    {"date", "date"},
    {"float4", "real"},
    {"float8", "double precision"},
    {"gtsvector", "gtsvector"},
    {"int2", "smallint"},
    {"int2vector", "int2vector"},
    {"int4", "integer"},
    {"int8", "bigint"},
    {"interval", "interval"},
    {"line", "line"},
    {"lseg", "lseg"},
    {"macaddr", "macaddr"},
    {"macaddr8", "macaddr8"},
    {"money", "money"},
    {"name", "name"},
    {"oid", "oid"},
    {"oidvector", "oidvector"},
    {"pg_lsn", "pg_lsn"},
    {"point", "point"},
    {"regclass", "regclass"},
    {"regcollation", "regcollation"},
    {"regconfig", "regconfig"},
    {"regdictionary", "regdictionary"},
    {"regnamespace", "regnamespace"},
    {"regoper", "regoper"},
    {"regoperator", "regoperator"},
    {"regproc", "regproc"},
    {"regprocedure", "regprocedure"},
    {"regrole", "regrole"},
    {"regtype", "regtype"},
    {"tid", "tid"},
    {"time", "time without time zone"},
    {"timestamp", "timestamp without time zone"},
    {"timestamptz", "timestamp with time zone"},
    {"timetz", "time with time zone"},
    {"tsquery", "tsquery"},
    {"uuid", "uuid"},
    {"xid", "xid"},
}};

// The name PostgreSQL gives a column's type when the type takes only PLAIN storage; nothing when
// it can be stored otherwise (varlena types, arrays, composite and range types) or is unknown
// (an extension's). A domain has its base type's storage (and its own name in messages); an
// enum the migrations made is PLAIN.
std::optional<std::string> plain_only(const lint::FileContext& context,
                                      const lint::Statement& statement,
                                      const lint::ColumnType& type) {
  if (type.array) return std::nullopt;
  if (type.schema.empty() || type.schema == "pg_catalog") {
    std::string_view name = type.name;
    if (std::string_view integer = lint::serial_integer(type); !integer.empty()) name = integer;
    for (const auto& [canonical, display] : k_plain_types) {
      if (canonical == name) return std::string(display);
    }
    if (lint::is_builtin_type(type)) return std::nullopt;
  }
  lint::ColumnType base = lint::base_type(context, statement, type);
  if (!(base == type)) {
    if (plain_only(context, statement, base)) return type.name;
    return std::nullopt;
  }
  const lint::Statement* made =
      lint::definition_of(context, statement, lint::ObjectKind::type, type.schema, type.name);
  if (made != nullptr && made->node.is("CreateEnumStmt")) return type.name;
  return std::nullopt;
}

// The column's type as the statement leaves it before the command runs: an ALTER COLUMN ... TYPE
// of it in the same ALTER TABLE runs first.
std::optional<lint::ColumnType> type_for(const lint::FileContext& context,
                                         const lint::Statement& statement,
                                         const std::string& column) {
  for (Node command : statement.node.list("cmds")) {
    if (command.str("subtype") == "AT_AlterColumnType" && command.str("name") == column) {
      return lint::column_type(command.get("def").get("typeName"));
    }
  }
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  auto shape = column_shape(context, statement, lint::QualifiedName::of(relation), column);
  if (!shape || !shape->type) return std::nullopt;
  return shape->type;
}

// A COMPRESSION (method) PostgreSQL refuses for a column of `type`: checked in its order, the
// type first, then the method.
std::optional<Refusal> compression(const lint::FileContext& context,
                                   const lint::Statement& statement,
                                   const std::optional<lint::ColumnType>& type,
                                   std::string_view method, const std::string& what,
                                   const std::string& column) {
  if (method == "default") return std::nullopt;
  if (type) {
    if (auto plain = plain_only(context, statement, *type)) {
      return Refusal{what,
                     "column " + column + " is of type " + *plain +
                         ", which is stored PLAIN and never compressed",
                     "column data type " + *plain + " does not support compression",
                     "leave COMPRESSION out for this column: only variable-length types "
                     "(text, bytea, jsonb, numeric, arrays, ...) are compressed"};
    }
  }
  if (method == "pglz" || method == "lz4") return std::nullopt;
  std::string name(method);
  return Refusal{what, "PostgreSQL 15 has no compression method " + name,
                 "invalid compression method \"" + name + "\"",
                 "write COMPRESSION pglz, lz4 (when the server is built with it) or "
                 "default (lower case, unquoted)"};
}

// The statistics target an ALTER COLUMN ... SET STATISTICS gives: the parse tree leaves out 0 and
// negative ones, read then from the command's text (after STATISTICS).
std::optional<std::int64_t> statistics_target(const lint::ParsedFile& file,
                                              const lint::Statement& statement, const Node& command,
                                              std::size_t at) {
  Node value = command.get("def");
  if (value.has("ival")) return value.as_int();
  if (!statement.exact) return std::nullopt;
  lint::TextRange range = lint::alter_command_range(file, statement, at);
  bool after = false;
  bool negative = false;
  for (const lint::Token& token : file.tokens(range)) {
    std::string_view text = file.slice(token.range);
    if (!after) {
      after = token.name == "STATISTICS";
      continue;
    }
    if (text == "-") {
      negative = !negative;
    } else if (text != "+") {
      if (token.name != "ICONST") return std::nullopt;
      std::int64_t number = 0;
      for (char digit : text) number = number * 10 + (digit - '0');
      return negative ? -number : number;
    }
  }
  return std::nullopt;
}

// A column of an index as its CREATE INDEX made it: a table's column (`name`), or an expression.
struct IndexColumn {
  std::string name;  // empty for an expression
  bool included = false;
};

// The columns of an index a migration made with CREATE INDEX (keys, then INCLUDE); nothing when
// another statement made it. An expression that is a bare column, ((city)), is the column.
std::optional<std::vector<IndexColumn>> index_columns(const lint::FileContext& context,
                                                      const lint::Statement& statement,
                                                      const lint::RelationName& index) {
  const lint::Statement* made =
      lint::definition_of(context, statement, lint::ObjectKind::index, index.schema, index.name);
  if (made == nullptr || !made->node.is("IndexStmt")) return std::nullopt;
  std::vector<IndexColumn> columns;
  for (std::string_view list : {"indexParams", "indexIncludingParams"}) {
    for (Node element : made->node.list(list)) {
      IndexColumn& column = columns.emplace_back();
      column.included = list == "indexIncludingParams";
      if (element.has("name")) {
        column.name = lint::truncate_identifier(element.str("name"));
      } else if (Node expression = element.get("expr"); expression.is("ColumnRef") &&
                                                        expression.list("fields").size() == 1 &&
                                                        expression.list("fields")[0].is("String")) {
        column.name = lint::truncate_identifier(expression.list("fields")[0].as_str());
      }
    }
  }
  return columns;
}

}  // namespace

std::optional<Refusal> column_storage_command(const lint::FileContext& context,
                                              const lint::Statement& statement,
                                              const Node& command) {
  std::string_view objtype = statement.node.str("objtype");
  std::string_view subtype = command.str("subtype");
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  std::string table = lint::sql_name(relation.schema, relation.name);
  if (subtype == "AT_SetOptions") {
    Node options = command.get("def");
    auto refusal = attribute_options(options.is("List") ? options.list("items") : options.items(),
                                     Written{context.file, statement});
    if (!refusal) return std::nullopt;
    std::string column(command.str("name"));
    std::string what = "ALTER ";
    what += objtype == "OBJECT_INDEX"           ? "INDEX "
            : objtype == "OBJECT_MATVIEW"       ? "MATERIALIZED VIEW "
            : objtype == "OBJECT_FOREIGN_TABLE" ? "FOREIGN TABLE "
                                                : "TABLE ";
    what += table + " ALTER COLUMN " + column + " SET (...)";
    return Refusal{what, refusal->why, refusal->message, refusal->help};
  }
  if (objtype != "OBJECT_TABLE") return std::nullopt;
  if (subtype == "AT_AddColumn") {
    Node def = command.get("def");
    if (!def.has("compression")) return std::nullopt;
    std::string column(def.str("colname"));
    return compression(context, statement, lint::column_type(def.get("typeName")),
                       def.str("compression"),
                       "ALTER TABLE " + table + " ADD COLUMN " + column + " ... COMPRESSION " +
                           std::string(def.str("compression")),
                       column);
  }
  if (subtype != "AT_SetStorage" && subtype != "AT_SetCompression") return std::nullopt;
  std::string column(command.str("name"));
  std::string_view value = command.get("def").as_str();
  if (subtype == "AT_SetCompression") {
    return compression(context, statement, type_for(context, statement, column), value,
                       "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET COMPRESSION " +
                           std::string(value),
                       column);
  }
  std::string what =
      "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET STORAGE " + std::string(value);
  if (value != "plain" && value != "external" && value != "extended" && value != "main") {
    std::string name(value);
    return Refusal{what, "PostgreSQL has no storage " + name,
                   "invalid storage type \"" + name + "\"",
                   "write SET STORAGE plain, external, extended or main (lower case, "
                   "unquoted)"};
  }
  if (value == "plain") return std::nullopt;
  auto type = type_for(context, statement, column);
  if (!type) return std::nullopt;
  auto plain = plain_only(context, statement, *type);
  if (!plain) return std::nullopt;
  return Refusal{what,
                 "column " + column + " is of type " + *plain +
                     ", which PostgreSQL stores only PLAIN (inline, uncompressed)",
                 "column data type " + *plain + " can only have storage PLAIN",
                 "leave the column's storage as it is: EXTERNAL, EXTENDED and MAIN apply to "
                 "variable-length types (text, bytea, jsonb, numeric, arrays, ...) only"};
}

std::optional<Refusal> set_statistics(const lint::FileContext& context,
                                      const lint::Statement& statement, const Node& command,
                                      std::size_t at) {
  if (command.str("subtype") != "AT_SetStatistics") return std::nullopt;
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  std::string name = lint::sql_name(relation.schema, relation.name);
  std::string_view objtype = statement.node.str("objtype");
  bool by_number = !command.has("name");
  std::string column =
      by_number ? std::to_string(command.num("num")) : std::string(command.str("name"));
  std::string what = std::string(objtype == "OBJECT_INDEX" ? "ALTER INDEX " : "ALTER TABLE ") +
                     name + " ALTER COLUMN " + column + " SET STATISTICS";
  lint::ObjectId index = lint::find_as_written(context, statement, lint::ObjectKind::index,
                                               relation.schema, relation.name);
  // PostgreSQL checks a column number of a table before it runs any command.
  if (by_number && index == lint::k_no_object && objtype == "OBJECT_TABLE" &&
      lint::find_as_written(context, statement, lint::ObjectKind::table, relation.schema,
                            relation.name) != lint::k_no_object) {
    return Refusal{
        what, name + " is a table, whose columns are named, not numbered",
        "cannot refer to non-index column by number",
        "name the column: ALTER TABLE " + name + " ALTER COLUMN <column> SET STATISTICS ..."};
  }
  if (auto target = statistics_target(context.file, statement, command, at);
      target && *target < -1) {
    std::string value = std::to_string(*target);
    return Refusal{what, "the statistics target " + value + " is below -1",
                   "statistics target " + value + " is too low",
                   "give a target between 0 and 10000, or -1 for the server's "
                   "default_statistics_target"};
  }
  if (index == lint::k_no_object) return std::nullopt;
  auto columns = index_columns(context, statement, relation);
  if (!columns) return std::nullopt;
  std::string index_name = lint::truncate_identifier(relation.name);
  const IndexColumn* target = nullptr;
  if (by_number) {
    auto number = static_cast<std::size_t>(command.num("num"));
    if (number > columns->size()) {
      return Refusal{
          what, "index " + index_name + " has " + std::to_string(columns->size()) + " columns",
          "column number " + column + " of relation \"" + index_name + "\" does not exist",
          "number the index's columns from 1, keys first, then INCLUDE ones"};
    }
    if (number >= 1) target = &(*columns)[number - 1];
  } else {
    for (const IndexColumn& candidate : *columns) {
      if (!candidate.name.empty() && candidate.name == column) target = &candidate;
    }
  }
  if (target == nullptr || target->name.empty()) return std::nullopt;
  if (target->included) {
    return Refusal{what, "column " + column + " of index " + index_name + " is an INCLUDE column",
                   "cannot alter statistics on included column \"" + target->name +
                       "\" of index \"" + index_name + "\"",
                   "an INCLUDE column has no statistics of its own: set them on the table's "
                   "column " +
                       target->name};
  }
  return Refusal{what,
                 "column " + column + " of index " + index_name + " is the table's column " +
                     target->name + ", not an expression",
                 "cannot alter statistics on non-expression column \"" + target->name +
                     "\" of index \"" + index_name + "\"",
                 "set the statistics on the table's column: ALTER TABLE ... ALTER COLUMN " +
                     target->name +
                     " SET STATISTICS ...; an index keeps its own only for "
                     "an expression"};
}

std::optional<Refusal> create_table_compression(const lint::FileContext& context,
                                                const lint::Statement& statement) {
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  std::string table = lint::sql_name(relation.schema, relation.name);
  for (Node element : statement.node.list("tableElts")) {
    if (!element.is("ColumnDef") || !element.has("compression")) continue;
    std::string column(element.str("colname"));
    std::string_view method = element.str("compression");
    auto refusal = compression(
        context, statement, lint::column_type(element.get("typeName")), method,
        "CREATE TABLE " + table + " (" + column + " ... COMPRESSION " + std::string(method) + ")",
        column);
    if (refusal) return refusal;
  }
  return std::nullopt;
}

}  // namespace sqlgate::rules
