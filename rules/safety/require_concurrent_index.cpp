// require-concurrent-index: CREATE INDEX without CONCURRENTLY on a table that already exists.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/safety/partitioned.h"
#include "rules/safety/relation_kinds.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<lint::TransactionLayout> layout;
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "IndexStmt") continue;
    const lint::Node& node = statement->node;
    if (node.flag("concurrent")) continue;
    lint::Node relation = node.get("relation");
    // CREATE INDEX ... ON ONLY a partitioned table builds nothing: the index stays invalid
    // until each partition's index is attached.
    if (!relation.flag("inh")) continue;
    if (relation.str("relpersistence") == "t") continue;  // a temporary table: this session's
    auto table = lint::QualifiedName::of(lint::relation_name(relation));
    if (tables.is_new_table(table, *statement)) continue;
    if (names_view(context, *statement, table)) continue;  // refused: invalid-ddl
    // A partitioned table takes no CONCURRENTLY (PostgreSQL refuses it): build the index on each
    // partition concurrently and attach it to one made ON ONLY the parent.
    if (auto partitioned = partitioned_table_of(context, *statement)) {
      out.report(statement->range,
                 "CREATE INDEX on partitioned table " + *partitioned +
                     " builds the index on every partition while holding SHARE locks on them "
                     "all: no writes to the table until it is done (and PostgreSQL refuses "
                     "CONCURRENTLY on a partitioned table)",
                 partitioned_index_recipe(node, *partitioned, true));
      continue;
    }

    std::string message = "CREATE INDEX without CONCURRENTLY on existing table " + table.display() +
                          " blocks every write to it (SHARE lock) until the index is built";
    std::string help;
    if (statement->embedded()) {
      help =
          "CONCURRENTLY cannot run inside a DO block: move the CREATE INDEX CONCURRENTLY out of "
          "it, into a file marked -- sqlgate:no-transaction";
    } else {
      help =
          "write CREATE INDEX CONCURRENTLY, alone in a file marked -- sqlgate:no-transaction "
          "(it cannot run inside a transaction)";
    }
    auto finding = out.report(statement->range, std::move(message), std::move(help));
    if (!layout) layout.emplace(file);
    if (!layout->runs_alone(*statement)) continue;
    auto concurrently = lint::insert_after_token(file, *statement, "INDEX", " CONCURRENTLY");
    if (!concurrently) continue;
    if (!node.flag("if_not_exists") || node.str("idxname").empty()) {
      finding.fix("Add CONCURRENTLY", {*concurrently});
      continue;
    }
    // With IF NOT EXISTS, a retry after a failed concurrent build would keep the INVALID index
    // it left: drop a leftover first. That also rebuilds a valid index on a re-run: unsafe.
    std::string drop = "DROP INDEX CONCURRENTLY IF EXISTS " +
                       lint::sql_name(table.schema, node.str("idxname")) + ";\n";
    finding.fix("Add CONCURRENTLY, dropping a leftover invalid index first",
                {lint::Edit{lint::TextRange{statement->range.begin, statement->range.begin}, drop},
                 *concurrently},
                false);
  }
}

}  // namespace

lint::Rule require_concurrent_index() {
  return {
      .info = {.id = "require-concurrent-index",
               .category = lint::Category::safety,
               .severity = lint::Severity::error,
               .summary = "CREATE INDEX on an existing table without CONCURRENTLY blocks writes",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules
