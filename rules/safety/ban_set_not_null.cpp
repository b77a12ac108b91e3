// ban-set-not-null: ALTER COLUMN ... SET NOT NULL on an existing table scans it under ACCESS
// EXCLUSIVE, unless (PostgreSQL 12+) a validated CHECK constraint already proves it.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/relation_kinds.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  bool proof_counts = context.pg_version() >= 12;
  lint::for_each_alter_command(file, [&](const lint::Statement& statement,
                                         const lint::QualifiedName& table, lint::Node cmd,
                                         std::size_t i) {
    if (cmd.str("subtype") != "AT_SetNotNull" || tables.is_new_table(table, statement)) return;
    if (names_view(context, statement, table)) return;  // refused: invalid-ddl
    std::string column(cmd.str("name"));
    // Already NOT NULL: PostgreSQL does nothing, no scan.
    if (tables.is_not_null(table, column, statement)) return;
    if (proof_counts && tables.has_not_null_check(table, column, statement)) return;
    std::string help;
    if (proof_counts) {
      std::string check = table.name + "_" + column + "_not_null";
      help = "first ALTER TABLE " + table.display() + " ADD CONSTRAINT " + check + " CHECK (" +
             column +
             " IS NOT NULL) NOT VALID; then, in another transaction, VALIDATE CONSTRAINT " + check +
             " (it does not block writes); SET NOT NULL then skips its scan, and the CHECK can "
             "be dropped";
    } else {
      help = "before PostgreSQL 12 SET NOT NULL always scans: keep a validated CHECK (" + column +
             " IS NOT NULL) constraint instead, or run it in a maintenance window";
    }
    out.report(lint::alter_command_range(file, statement, i),
               "SET NOT NULL on " + column + " scans all of existing table " + table.display() +
                   " under an ACCESS EXCLUSIVE lock: no reads or writes until it is done",
               std::move(help));
  });
}

}  // namespace

lint::Rule ban_set_not_null() {
  return {.info = {.id = "ban-set-not-null",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "SET NOT NULL scans an existing table under ACCESS EXCLUSIVE unless "
                              "a validated CHECK proves it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
