// ban-drop-column: ALTER TABLE ... DROP COLUMN in an up, of a column this migration did not add.
#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

// Whether the column a DROP COLUMN statement drops was made generated, as the migrations before
// made it.
bool dropped_generated(const lint::FileContext& context, const lint::Statement& statement,
                       const std::string& column) {
  const lint::Catalog* catalog = context.project.catalog();
  auto ordinal = context.file.ordinal(statement);
  if (catalog == nullptr || !ordinal) return false;
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, *ordinal)) {
    if (step->effect.action != lint::Action::drop ||
        step->effect.object.kind != lint::ObjectKind::column ||
        step->effect.object.name != column || step->object == lint::k_no_object) {
      continue;
    }
    return lint::generated_column(context.project, *catalog, step->object);
  }
  return false;
}

// Whether a statement of the file after `after` adds the column to the table again, generated.
bool added_again_generated(const lint::ParsedFile& file, const lint::Statement& after,
                           const lint::QualifiedName& table, const std::string& column) {
  bool found = false;
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& altered,
                lint::Node cmd, std::size_t) {
        if (found || statement.range.begin <= after.range.begin || !altered.matches(table) ||
            cmd.str("subtype") != "AT_AddColumn") {
          return;
        }
        lint::Node definition = cmd.get("def");
        found = lint::truncate_identifier(definition.str("colname")) == column &&
                lint::generation_expression(definition).valid();
      });
  return found;
}

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
    // A generated column loses no data: its values are computed again from the other columns.
    // Dropped and added again generated (the way to change its expression before PostgreSQL 17),
    // it is there again under its name when the migration commits.
    bool computed = dropped_generated(context, statement, lint::truncate_identifier(column));
    if (computed &&
        added_again_generated(file, statement, table, lint::truncate_identifier(column))) {
      return;
    }
    out.report(lint::alter_command_range(file, statement, i),
               "DROP COLUMN " + column +
                   (computed ? " (a generated column: its values can be computed again) breaks "
                               "every running client that still reads "
                             : " deletes its data for good and breaks every running client that "
                               "still reads or writes ") +
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
