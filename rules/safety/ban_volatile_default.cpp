// ban-volatile-default: ADD COLUMN whose value PostgreSQL must compute row by row, rewriting
// the whole table under ACCESS EXCLUSIVE: a volatile default, a stored generated column, an
// identity or serial column, a domain with constraints; and any default before PostgreSQL 11.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

struct Rewrite {
  std::string why;
  std::string help;
};

std::optional<Rewrite> rewrite_of(const lint::FileContext& context, lint::TableState& tables,
                                  const lint::Statement& statement, const lint::Node& column) {
  lint::ColumnType type = lint::column_type(column.get("typeName"));
  const std::string backfill =
      "add the column without a default, set the default for new rows with ALTER COLUMN ... SET "
      "DEFAULT, then fill the existing rows in batches";
  if (lint::is_serial(type)) {
    return Rewrite{"a " + type.display() +
                       " column gets nextval() as its default, a volatile "
                       "call evaluated for every existing row",
                   "add it as " +
                       std::string(lint::serial_integer(type) == "int8" ? "bigint" : "integer") +
                       " without a default, create and attach the sequence, " +
                       "SET DEFAULT nextval(...), then fill the existing rows in batches"};
  }
  for (lint::Node constraint : column.list("constraints")) {
    std::string_view kind = constraint.str("contype");
    if (kind == "CONSTR_IDENTITY") {
      return Rewrite{"an identity column is filled from its sequence for every existing row",
                     "add a plain bigint column, fill it in batches, then ALTER COLUMN ... ADD "
                     "GENERATED ... AS IDENTITY (a catalog change)"};
    }
    if (kind == "CONSTR_GENERATED") {
      return Rewrite{"a stored generated column is computed for every existing row",
                     "add a plain column filled by a trigger and backfilled in batches, or "
                     "compute the value when reading it"};
    }
    if (kind != "CONSTR_DEFAULT") continue;
    lint::Node expression = constraint.get("raw_expr");
    if (lint::is_null_constant(expression)) continue;
    if (auto function = lint::volatile_call(expression)) {
      return Rewrite{"its default calls " + *function +
                         "(), which is volatile: PostgreSQL evaluates it for every existing row",
                     backfill};
    }
    // A function an earlier migration created without IMMUTABLE or STABLE is volatile.
    for (const lint::QualifiedName& function : lint::function_calls(expression)) {
      if (lint::is_known_non_volatile(function)) continue;
      if (tables.function_volatility(function, statement) == 'v') {
        return Rewrite{"its default calls " + function.display() +
                           "(), which a migration created without IMMUTABLE or STABLE, so it is "
                           "volatile: PostgreSQL evaluates it for every existing row",
                       backfill};
      }
    }
    if (context.pg_version() < 11) {
      return Rewrite{
          "before PostgreSQL 11 every non-NULL default is written into every existing "
          "row",
          backfill + " (PostgreSQL 11+ stores a constant default in the catalog)"};
    }
  }
  if (auto constrained = tables.domain_has_constraints(
          lint::QualifiedName::of(column.get("typeName").list("names")), statement);
      constrained && *constrained) {
    return Rewrite{"its type is a domain with constraints, checked against every existing row",
                   "add the column with the domain's base type, backfill, then add a CHECK "
                   "constraint NOT VALID and VALIDATE it"};
  }
  return std::nullopt;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        if (cmd.str("subtype") != "AT_AddColumn" || tables.is_new_table(table, statement)) return;
        lint::Node column = cmd.get("def");
        auto rewrite = rewrite_of(context, tables, statement, column);
        if (!rewrite) return;
        out.report(lint::alter_command_range(file, statement, i),
                   "ADD COLUMN " + std::string(column.str("colname")) +
                       " rewrites existing table " + table.display() +
                       " under an ACCESS EXCLUSIVE lock (no reads or writes until it is done): " +
                       rewrite->why,
                   rewrite->help);
      });
}

}  // namespace

lint::Rule ban_volatile_default() {
  return {
      .info = {.id = "ban-volatile-default",
               .category = lint::Category::safety,
               .severity = lint::Severity::error,
               .summary = "ADD COLUMN with a volatile default (or any default before PostgreSQL "
                          "11) rewrites the table"},
      .check_file = check};
}

}  // namespace sqlgate::rules
