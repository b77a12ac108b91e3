// ban-drop-column: ALTER TABLE ... DROP COLUMN in an up, of a column this migration did not add.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;  // a down undoes its up's columns
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(file, [&](const lint::Statement& statement,
                                         const lint::QualifiedName& table, lint::Node cmd,
                                         std::size_t i) {
    if (cmd.str("subtype") != "AT_DropColumn") return;
    std::string column(cmd.str("name"));
    if (tables.is_new_table(table, statement) || tables.is_new_column(table, column, statement)) {
      return;
    }
    out.report(lint::alter_command_range(file, statement, i),
               "DROP COLUMN " + column +
                   " deletes its data for good and breaks every running client that still reads "
                   "or writes " +
                   table.display() + "." + column,
               "deploy code that no longer uses the column first (and ignore it in ORMs that "
               "select every column); then suppress this with -- sqlgate:ignore "
               "ban-drop-column -- <why it is safe>");
  });
}

}  // namespace

lint::Rule ban_drop_column() {
  return {.info = {.id = "ban-drop-column",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DROP COLUMN in an up loses data and breaks running clients"},
          .check_file = check};
}

}  // namespace sqlgate::rules
