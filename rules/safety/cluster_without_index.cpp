// invalid-ddl: CLUSTER t (without USING) of a table or materialized view no index of which is
// marked for clustering: the migrations made the table, and none of them ran CLUSTER t USING i
// or ALTER TABLE t CLUSTER ON i since (ALTER TABLE t SET WITHOUT CLUSTER clears the mark). Left
// alone when the mark's index may be gone or renamed since, or a statement the replay does not
// read changed the table. PostgreSQL 15's message.
#include "rules/safety/cluster_without_index.h"

#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

void check_cluster_without_index(const lint::FileContext& context, const lint::Statement& statement,
                                 lint::Reporter& out) {
  const lint::Node& node = statement.node;
  if (!node.is("ClusterStmt") || !node.has("relation") || !node.str("indexname").empty()) return;
  if (lint::conditional(statement, lint::Condition{"undefined_object", "42704"})) return;
  auto tick = lint::tick_before(context, statement);
  const lint::Catalog* catalog = context.project.catalog();
  if (!tick || catalog == nullptr) return;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  lint::ObjectId id = lint::k_no_object;
  for (lint::ObjectKind kind : {lint::ObjectKind::table, lint::ObjectKind::materialized_view}) {
    if (id == lint::k_no_object) {
      id = lint::find_as_written(context, statement, kind, written.schema, written.name);
    }
  }
  if (id == lint::k_no_object) return;
  const lint::CatalogObject& table = catalog->object(id);
  const lint::Statement* made = lint::statement_at(context.project, table.created);
  if (made == nullptr || !(made->node.is("CreateStmt") || made->node.is("CreateTableAsStmt"))) {
    return;
  }
  // The index the migrations last marked, as it was named then.
  std::optional<std::string> marked;
  for (const lint::Origin& origin : table.changed) {
    if (origin.tick >= *tick) break;
    const lint::Statement* changed = lint::statement_at(context.project, origin);
    if (changed == nullptr) return;
    if (changed->node.is("ClusterStmt") && !changed->node.str("indexname").empty()) {
      marked = std::string(changed->node.str("indexname"));
    } else if (changed->node.is("AlterTableStmt")) {
      for (lint::Node command : changed->node.list("cmds")) {
        if (command.str("subtype") == "AT_ClusterOn") marked = std::string(command.str("name"));
        if (command.str("subtype") == "AT_DropCluster") marked.reset();
      }
    } else if (changed->node.is("DoStmt") || changed->node.is("CallStmt") ||
               changed->node.is("SelectStmt")) {
      return;  // code the replay does not read (EXECUTE, a function) may have marked one
    }
  }
  if (marked) return;  // marked (its index may be gone since: not judged)
  std::string name = table.ref_at(*tick).name;
  std::string shown = lint::sql_name(written.schema, written.name);
  out.report(statement.range,
             "CLUSTER " + shown + " fails on its first run: no index of " + name + " (made by " +
                 context.project.source(table.created.file).display +
                 ") is marked for clustering (CLUSTER " + shown +
                 " USING i or ALTER TABLE ... CLUSTER ON i marks one), and PostgreSQL refuses it "
                 "(\"there is no previously clustered index for table \"" +
                 name + "\"\")",
             "name the index: CLUSTER " + shown +
                 " USING <index> (which marks it, so later CLUSTER " + shown + " uses it too)");
}

}  // namespace sqlgate::rules
