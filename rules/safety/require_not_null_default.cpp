// require-not-null-default: ADD COLUMN ... NOT NULL (or PRIMARY KEY) without a default on an
// existing table: it fails as soon as the table has a row.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        if (cmd.str("subtype") != "AT_AddColumn" || tables.is_new_table(table, statement)) return;
        lint::Node column = cmd.get("def");
        if (lint::is_serial(lint::column_type(column.get("typeName")))) return;
        std::string_view required;
        bool filled = false;
        for (lint::Node constraint : column.list("constraints")) {
          std::string_view kind = constraint.str("contype");
          if (kind == "CONSTR_NOTNULL") required = "NOT NULL";
          if (kind == "CONSTR_PRIMARY") required = "PRIMARY KEY";
          if (kind == "CONSTR_IDENTITY" || kind == "CONSTR_GENERATED") filled = true;
          if (kind == "CONSTR_DEFAULT" && !lint::is_null_constant(constraint.get("raw_expr"))) {
            filled = true;
          }
        }
        if (required.empty() || filled) return;
        std::string name(column.str("colname"));
        out.report(lint::alter_command_range(file, statement, i),
                   "ADD COLUMN " + name + " " + std::string(required) +
                       " without a default fails on existing table " + table.display() +
                       " as soon as it has a row (the new column would be NULL in every row)",
                   "give it a constant DEFAULT (PostgreSQL 11+ adds it without a rewrite), or add "
                   "it nullable, backfill it, then make it NOT NULL with a validated CHECK (" +
                       name + " IS NOT NULL) constraint first");
      });
}

}  // namespace

lint::Rule require_not_null_default() {
  return {.info = {.id = "require-not-null-default",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ADD COLUMN NOT NULL without a default fails on a table with rows"},
          .check_file = check};
}

}  // namespace sqlgate::rules
