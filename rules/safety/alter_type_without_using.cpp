// alter-type-without-using: ALTER COLUMN ... TYPE without USING from a type PostgreSQL has no
// implicit or assignment cast from: text to integer, uuid, jsonb, boolean, a date, an enum...
// PostgreSQL refuses it on the first run, whatever the rows ("column c cannot be cast
// automatically to type t", 42804), and suggests USING c::t.
#include <algorithm>
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

// Whether a type name a statement writes is an enum the migrations made before it.
bool is_enum(const lint::FileContext& context, const lint::Statement& statement,
             const lint::ColumnType& type) {
  if (type.array) return false;
  const lint::Statement* made =
      lint::definition_of(context, statement, lint::ObjectKind::type, type.schema, type.name);
  return made != nullptr && made->kind() == "CreateEnumStmt";
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        if (cmd.str("subtype") != "AT_AlterColumnType") return;
        lint::Node def = cmd.get("def");
        if (def.has("raw_default")) return;  // USING
        std::string column(cmd.str("name"));
        lint::ColumnType written = lint::column_type(def.get("typeName"));
        std::optional<lint::ColumnType> declared = tables.column_type(table, column, statement);
        if (!declared) return;
        // A domain converts as its base type does (to it: then its checks run on the values).
        lint::ColumnType target = lint::base_type(context, statement, written);
        std::optional<lint::ColumnType> source = lint::base_type(context, statement, *declared);
        std::optional<bool> converts = lint::converts_automatically(*source, target);
        if (!converts) {
          // An enum converts to the string types (by its text) and to nothing else; nothing but
          // itself converts to an enum.
          bool from_enum = is_enum(context, statement, *source);
          bool to_enum = is_enum(context, statement, target);
          if (from_enum && to_enum) {
            converts = source->name == target.name && source->schema == target.schema;
          } else if (from_enum) {
            if (lint::is_builtin_type(target)) converts = lint::is_string_type(target);
          } else if (to_enum && lint::is_builtin_type(*source)) {
            converts = false;
          }
        }
        if (!converts || *converts) return;
        std::string shown = lint::quote_if_folded(column);
        std::string name = lint::sql_identifier(column);
        out.report(lint::alter_command_range(file, statement, i),
                   "ALTER COLUMN " + shown + " TYPE " + written.display() +
                       " fails: PostgreSQL has " + "no automatic cast from " + declared->display() +
                       " to " + written.display() + " (\"column \"" + column +
                       "\" cannot be cast automatically to type " + written.display() + "\")",
                   "say how each value converts: ALTER COLUMN " + name + " TYPE " +
                       written.display() + " USING " + name + "::" + written.display() +
                       " (or an expression that maps the values that do not convert as they are)");
      });
}

}  // namespace

lint::Rule alter_type_without_using() {
  return {.info = {.id = "alter-type-without-using",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ALTER COLUMN ... TYPE without USING between types PostgreSQL "
                              "does not convert automatically fails"},
          .check_file = check};
}

}  // namespace sqlgate::rules
