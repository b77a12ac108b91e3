// ban-drop-database: DROP DATABASE in an up.
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;
  for (const lint::Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "DropdbStmt") continue;
    out.report(statement->range,
               "DROP DATABASE " + std::string(statement->node.str("dbname")) +
                   " deletes a whole database: a migration should never do that by accident",
               "drop databases by hand, outside the migrations; if this one is deliberate, "
               "suppress it with -- sqlgate:ignore ban-drop-database -- <why>");
  }
}

}  // namespace

lint::Rule ban_drop_database() {
  return {.info = {.id = "ban-drop-database",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DROP DATABASE in a migration"},
          .check_file = check};
}

}  // namespace sqlgate::rules
