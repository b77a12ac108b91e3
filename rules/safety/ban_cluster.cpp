// ban-cluster: CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "ClusterStmt") continue;
    lint::Node relation = statement->node.get("relation");
    std::string target = "every table clustered before";
    if (relation.valid()) {
      auto table = lint::QualifiedName::of(lint::relation_name(relation));
      if (tables.is_new_table(table, *statement)) continue;
      target = table.display();
    }
    out.report(statement->range,
               "CLUSTER rewrites " + target +
                   " under an ACCESS EXCLUSIVE lock: no reads or writes until it is done",
               "reorder the table online with pg_repack --order-by (or REPACK CONCURRENTLY ... "
               "USING INDEX on PostgreSQL 19+), or run CLUSTER in a maintenance window");
  }
}

}  // namespace

lint::Rule ban_cluster() {
  return {.info = {.id = "ban-cluster",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "CLUSTER locks the table against reads and writes while it rewrites "
                              "it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
