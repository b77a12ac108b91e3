// ban-drop-table: DROP TABLE in an up, of a table this migration did not create.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;  // a down undoes its up's tables
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "DropStmt") continue;
    const lint::Node& node = statement->node;
    if (node.str("removeType") != "OBJECT_TABLE") continue;
    std::string list;
    for (const auto& table : lint::drop_objects(node)) {
      if (tables.is_new_table(table, *statement)) continue;
      list += (list.empty() ? "" : ", ") + table.display();
    }
    if (list.empty()) continue;
    out.report(statement->range,
               "DROP TABLE " + list +
                   " deletes its data for good and breaks every running client that still uses "
                   "it (it also waits for, then holds, an ACCESS EXCLUSIVE lock)",
               "stop all code from using the table first and keep a backup; then suppress this "
               "with -- sqlgate:ignore ban-drop-table -- <why it is safe>");
  }
}

}  // namespace

lint::Rule ban_drop_table() {
  return {.info = {.id = "ban-drop-table",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DROP TABLE in an up loses data and breaks running clients"},
          .check_file = check};
}

}  // namespace sqlgate::rules
