// ban-drop-not-null: ALTER COLUMN ... DROP NOT NULL in an up: code that reads the column may
// assume it is never NULL.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;  // reverses a SET NOT NULL
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(file, [&](const lint::Statement& statement,
                                         const lint::QualifiedName& table, lint::Node cmd,
                                         std::size_t i) {
    if (cmd.str("subtype") != "AT_DropNotNull") return;
    std::string column(cmd.str("name"));
    if (tables.is_new_table(table, statement) || tables.is_new_column(table, column, statement)) {
      return;
    }
    out.report(lint::alter_command_range(file, statement, i),
               "DROP NOT NULL on " + table.display() + "." + column +
                   " lets NULLs into a column that running code may read as never NULL",
               "ship readers that handle NULL in " + column +
                   " first; then suppress this with -- sqlgate:ignore ban-drop-not-null -- "
                   "<why it is safe>");
  });
}

}  // namespace

lint::Rule ban_drop_not_null() {
  return {.info = {.id = "ban-drop-not-null",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "DROP NOT NULL breaks readers that assume the column is never NULL"},
          .check_file = check};
}

}  // namespace sqlgate::rules
