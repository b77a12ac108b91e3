// duplicate-column-assignment: the same column assigned or declared twice in one statement,
// which PostgreSQL rejects when the migration runs.
#include <set>

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

struct Seen {
  std::set<std::string> names;
  bool first(std::string_view name) { return names.insert(std::string(name)).second; }
};

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  auto report = [&](const lint::Statement& statement, std::optional<std::uint32_t> location,
                    std::string what, std::string_view name) {
    out.report(lint::token_at(file, statement, location),
               what + " " + std::string(name) + " twice: PostgreSQL rejects the statement",
               "keep one of them");
  };
  // SET lists of UPDATE and ON CONFLICT DO UPDATE; subscripted or field targets (a[1], r.f)
  // may repeat a column.
  auto targets = [&](const lint::Statement& statement, const lint::NodeList& list,
                     const std::string& what) {
    Seen seen;
    for (lint::Node target : list) {
      if (!target.list("indirection").empty()) continue;
      std::string_view name = target.str("name");
      if (!seen.first(name)) report(statement, target.location(), what, name);
    }
  };
  for (const lint::Statement* statement : file.all_statements()) {
    const lint::Node& node = statement->node;
    std::string_view kind = statement->kind();
    if (kind == "UpdateStmt") {
      targets(*statement, node.list("targetList"), "UPDATE assigns");
    } else if (kind == "InsertStmt") {
      targets(*statement, node.list("cols"), "INSERT names column");
      lint::Node conflict = node.get("onConflictClause");
      targets(*statement, conflict.list("targetList"), "ON CONFLICT DO UPDATE assigns");
    } else if (kind == "CreateStmt") {
      Seen seen;
      for (lint::Node element : node.list("tableElts")) {
        if (!element.is("ColumnDef")) continue;
        std::string_view name = element.str("colname");
        if (!seen.first(name)) {
          report(*statement, element.location(), "CREATE TABLE declares column", name);
        }
      }
    } else if (kind == "ViewStmt") {
      Seen seen;
      for (lint::Node alias : node.list("aliases")) {
        if (!seen.first(alias.as_str())) {
          report(*statement, std::nullopt, "CREATE VIEW names column", alias.as_str());
        }
      }
    } else if (kind == "AlterTableStmt") {
      Seen seen;
      for (lint::Node cmd : node.list("cmds")) {
        if (cmd.str("subtype") != "AT_AddColumn") continue;
        lint::Node column = cmd.get("def");
        std::string_view name = column.str("colname");
        // ADD COLUMN IF NOT EXISTS skips a column that exists by then.
        if (!seen.first(name) && !cmd.flag("missing_ok")) {
          report(*statement, column.location(), "ALTER TABLE adds column", name);
        }
      }
    }
  }
}

}  // namespace

lint::Rule duplicate_column_assignment() {
  return {.info = {.id = "duplicate-column-assignment",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "the same column assigned or declared twice in one statement"},
          .check_file = check};
}

}  // namespace sqlgate::rules
