// ban-vacuum-full: VACUUM FULL rewrites each table under ACCESS EXCLUSIVE.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

bool option_on(const lint::Node& option) {
  lint::Node arg = option.get("arg");
  if (!arg.valid()) return true;
  if (arg.is("Boolean")) return arg.flag("boolval");
  std::string_view text = arg.as_str();
  return !(text == "false" || text == "off" || text == "0" || text == "no");
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "VacuumStmt" || !statement->node.flag("is_vacuumcmd")) continue;
    const lint::Node& node = statement->node;
    bool full = false;
    for (lint::Node option : node.list("options")) {
      if (option.str("defname") == "full") full = option_on(option);
    }
    if (!full) continue;
    std::string list;
    bool any_old = node.list("rels").empty();
    for (lint::Node relation : node.list("rels")) {
      auto table = lint::QualifiedName::of(lint::relation_name(relation.get("relation")));
      if (tables.is_new_table(table, *statement)) continue;
      any_old = true;
      list += (list.empty() ? " " : ", ") + table.display();
    }
    if (!any_old) continue;
    out.report(statement->range,
               "VACUUM FULL" + (list.empty() ? std::string(" of every table") : list) +
                   " rewrites each table under an ACCESS EXCLUSIVE lock: no reads or writes "
                   "until it is done",
               "a plain VACUUM reclaims space for reuse without blocking; to shrink a table "
               "online use pg_repack (or REPACK CONCURRENTLY on PostgreSQL 19+)");
  }
}

}  // namespace

lint::Rule ban_vacuum_full() {
  return {.info = {.id = "ban-vacuum-full",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "VACUUM FULL locks each table against reads and writes while it "
                              "rewrites it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
