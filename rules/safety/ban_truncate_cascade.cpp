// ban-truncate-cascade: TRUNCATE ... CASCADE in an up also empties every table that references
// the ones named, and those that reference them.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() == lint::Direction::down) return;
  for (const lint::Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "TruncateStmt") continue;
    const lint::Node& node = statement->node;
    if (node.str("behavior") != "DROP_CASCADE") continue;
    std::string list;
    for (lint::Node relation : node.list("relations")) {
      auto name = lint::relation_name(relation);
      list += (list.empty() ? "" : ", ") +
              (name.schema.empty() ? std::string(name.name)
                                   : std::string(name.schema) + "." + std::string(name.name));
    }
    out.report(statement->range,
               "TRUNCATE " + list +
                   " CASCADE also empties every table with a foreign key to them, and the tables "
                   "referencing those, whatever their names",
               "name every table to empty and drop CASCADE: TRUNCATE then refuses to run if "
               "another table still references them");
  }
}

}  // namespace

lint::Rule ban_truncate_cascade() {
  return {.info = {.id = "ban-truncate-cascade",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "TRUNCATE CASCADE empties every referencing table too"},
          .check_file = check};
}

}  // namespace sqlgate::rules
