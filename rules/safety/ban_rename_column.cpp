// ban-rename-column: ALTER TABLE ... RENAME COLUMN in an up, of a column this migration did not
// add.
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
    if (node.str("renameType") != "OBJECT_COLUMN") continue;
    std::string_view relation_type = node.str("relationType");
    if (relation_type != "OBJECT_TABLE" && relation_type != "OBJECT_FOREIGN_TABLE") continue;
    auto table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    std::string column(node.str("subname"));
    if (tables.is_new_table(table, *statement) || tables.is_new_column(table, column, *statement)) {
      continue;
    }
    std::string new_name(node.str("newname"));
    out.report(statement->range,
               "renaming column " + table.display() + "." + column + " to " + new_name +
                   " breaks every running client that still uses the old name",
               "add the new column, write both and backfill, move readers over, then drop the "
               "old column in a later migration");
  }
}

}  // namespace

lint::Rule ban_rename_column() {
  return {.info = {.id = "ban-rename-column",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "RENAME COLUMN in an up breaks running clients"},
          .check_file = check};
}

}  // namespace sqlgate::rules
