// require-concurrent-index-drop: DROP INDEX without CONCURRENTLY on an index of an existing table.
#include <algorithm>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

struct DroppedTable {
  std::uint32_t at;
  lint::QualifiedName name;
};

// Whether every index the DROP names went already, with a table or column an earlier statement
// of the same down dropped: the statement does nothing and locks nothing (drop-order says so).
bool already_gone(const lint::FileContext& context, const lint::Statement& statement) {
  const lint::Catalog* catalog = context.project.catalog();
  auto ordinal = context.file.ordinal(statement);
  if (catalog == nullptr || !ordinal) return false;
  bool any = false;
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, *ordinal)) {
    if (step->effect.action != lint::Action::drop) continue;
    if (step->object != lint::k_no_object || step->dropped_by_step < 0) return false;
    any = true;
  }
  return any;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<lint::TransactionLayout> layout;
  std::optional<std::vector<DroppedTable>> dropped_tables;
  // The file drops the table after `after` anyway (a down dropping an index, then its table).
  auto dropped_later = [&](const lint::QualifiedName& table, const lint::Statement& after) {
    if (!dropped_tables) {
      dropped_tables.emplace();
      for (const lint::Statement* statement : file.all_statements()) {
        if (statement->kind() != "DropStmt" ||
            statement->node.str("removeType") != "OBJECT_TABLE") {
          continue;
        }
        for (auto& name : lint::drop_objects(statement->node)) {
          dropped_tables->push_back(DroppedTable{statement->range.begin, std::move(name)});
        }
      }
    }
    return std::any_of(dropped_tables->begin(), dropped_tables->end(), [&](const auto& drop) {
      return drop.at > after.range.begin && drop.name.matches(table);
    });
  };

  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "DropStmt") continue;
    const lint::Node& node = statement->node;
    if (node.str("removeType") != "OBJECT_INDEX" || node.flag("concurrent")) continue;
    std::vector<lint::QualifiedName> indexes = lint::drop_objects(node);
    bool harmless = std::all_of(indexes.begin(), indexes.end(), [&](const auto& index) {
      // On a table created in this migration, or one the file drops next: no lock that matters.
      auto table = tables.table_of_index(index, *statement);
      return table &&
             (tables.is_new_table(*table, *statement) || dropped_later(*table, *statement));
    });
    if (harmless || already_gone(context, *statement)) continue;
    // PostgreSQL drops a partitioned index with its partitions' indexes, and never CONCURRENTLY:
    // there is nothing to demand, only the lock to keep short.
    if (auto partitioned = partitioned_table_of(context, *statement)) {
      out.report(statement->range,
                 "DROP INDEX of an index on partitioned table " + *partitioned +
                     " takes ACCESS EXCLUSIVE locks on it and on every partition until the "
                     "statement ends, and PostgreSQL cannot drop a partitioned index "
                     "CONCURRENTLY",
                 "run it with a short lock_timeout (SET lock_timeout = '2s') and retry when it "
                 "times out, so that it does not queue reads and writes behind it")
          .at_most(lint::Severity::warning);
      continue;
    }
    std::string list;
    for (const auto& index : indexes) list += (list.empty() ? "" : ", ") + index.display();
    auto finding = out.report(
        statement->range,
        "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: "
        "every read and write of it waits, and so does everything queued behind it (" +
            list + ")",
        statement->embedded()
            ? "CONCURRENTLY cannot run inside a DO block: move DROP INDEX CONCURRENTLY IF EXISTS "
              "out of it, into a file marked -- sqlgate:no-transaction"
            : "write DROP INDEX CONCURRENTLY, one index per statement and without CASCADE, in a "
              "file marked -- sqlgate:no-transaction");
    if (indexes.size() != 1 || node.str("behavior") == "DROP_CASCADE") continue;
    if (!layout) layout.emplace(file);
    if (!layout->runs_alone(*statement)) continue;
    if (auto edit = lint::insert_after_token(file, *statement, "INDEX", " CONCURRENTLY")) {
      finding.fix("Add CONCURRENTLY", {*edit});
    }
  }
}

}  // namespace

lint::Rule require_concurrent_index_drop() {
  return {.info = {.id = "require-concurrent-index-drop",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DROP INDEX without CONCURRENTLY locks the table against reads and "
                              "writes",
                   .fix = lint::FixKind::safe},
          .check_file = check};
}

}  // namespace sqlgate::rules
