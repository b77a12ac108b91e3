// ban-rename-table: ALTER TABLE ... RENAME TO in an up, of a table this migration did not create.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;  // reverses its up's rename
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "RenameStmt") continue;
    const lint::Node& node = statement->node;
    if (node.str("renameType") != "OBJECT_TABLE") continue;
    auto table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    if (tables.is_new_table(table, *statement)) continue;
    std::string new_name(node.str("newname"));
    out.report(statement->range,
               "renaming table " + table.display() + " to " + new_name +
                   " breaks every running client that still uses the old name",
               "create the new name as a view of the table (or rename and leave a view named " +
                   table.name +
                   "), move the code over, then drop the old name in a later "
                   "migration");
  }
}

}  // namespace

lint::Rule ban_rename_table() {
  return {.info = {.id = "ban-rename-table",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "RENAME of a table in an up breaks running clients"},
          .check_file = check};
}

}  // namespace sqlgate::rules
