#include "rules/safety/partition_bounds.h"

#include <algorithm>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// A partition of the table and the bound it was made or last attached with.
struct Partition {
  std::string name;
  Node bound;  // a PartitionBoundSpec
};

// A partitioned table as the migrations before a statement left it.
struct Parent {
  std::string name;
  std::string made_in;           // the migration file that made it
  std::string strategy;          // "hash", "range" or "list"
  std::vector<std::string> key;  // the key's columns ("" for an expression)
  std::vector<Partition> partitions;
};

// The bound the ALTER TABLE commands before the tick left the partition with, starting from
// `bound`: an ATTACH PARTITION of it to the table gives its bound, to another table or a DETACH
// PARTITION takes it away.
Node bound_after_alters(const lint::FileContext& context, const lint::CatalogObject& partition,
                        const lint::CatalogObject& table, lint::Tick tick, Node bound) {
  for (const lint::Origin& origin : partition.changed) {
    if (origin.tick >= tick) break;
    const lint::Statement* changed = lint::statement_at(context.project, origin);
    if (changed == nullptr || !changed->node.is("AlterTableStmt")) continue;
    for (Node command : changed->node.list("cmds")) {
      std::string_view type = command.str("subtype");
      if (type != "AT_AttachPartition" && type != "AT_DetachPartition") continue;
      Node def = command.get("def");
      if (lint::truncate_identifier(lint::relation_name(def.get("name")).name) !=
          partition.ref_at(origin.tick).name) {
        continue;
      }
      std::string to =
          lint::truncate_identifier(lint::relation_name(changed->node.get("relation")).name);
      bound = type == "AT_AttachPartition" && to == table.ref_at(origin.tick).name
                  ? def.get("bound")
                  : Node();
    }
  }
  return bound;
}

// The partitioned table the statement names, just before it; nothing when the migrations did not
// make it with PARTITION BY (or for a down).
std::optional<Parent> parent_before(const lint::FileContext& context,
                                    const lint::Statement& statement,
                                    const lint::RelationName& written) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                            written.schema, written.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& table = catalog.object(id);
  const lint::Statement* made = lint::statement_at(context.project, table.created);
  if (made == nullptr || !made->node.is("CreateStmt") || !made->node.has("partspec")) {
    return std::nullopt;
  }
  Parent parent;
  parent.name = table.ref_at(*tick).name;
  parent.made_in = context.project.source(table.created.file).display;
  Node spec = made->node.get("partspec");
  parent.strategy = spec.str("strategy");
  for (Node element : spec.list("partParams")) {
    parent.key.push_back(element.has("name") ? lint::truncate_identifier(element.str("name"))
                                             : std::string());
  }
  std::vector<lint::ObjectId> seen;
  for (const lint::DependencyEdge& edge : table.dependents) {
    if (!edge.automatic || edge.object == lint::k_no_object) continue;
    if (std::find(seen.begin(), seen.end(), edge.object) != seen.end()) continue;
    seen.push_back(edge.object);
    const lint::CatalogObject& partition = catalog.object(edge.object);
    if (partition.kind() != lint::ObjectKind::table || !partition.alive_at(*tick)) continue;
    Node bound;
    const lint::Statement* created = lint::statement_at(context.project, partition.created);
    if (created != nullptr && created->node.is("CreateStmt") && created->node.has("partbound")) {
      bound = created->node.get("partbound");
    }
    bound = bound_after_alters(context, partition, table, *tick, bound);
    if (bound) parent.partitions.push_back({partition.ref_at(*tick).name, bound});
  }
  return parent;
}

// "HASH", "RANGE", "LIST", as PARTITION BY writes them.
std::string strategy_sql(std::string_view strategy) {
  return strategy == "hash" ? "HASH" : strategy == "range" ? "RANGE" : "LIST";
}

}  // namespace

std::optional<BoundRefusal> bound_form(const lint::FileContext& context,
                                       const lint::Statement& statement,
                                       const lint::RelationName& written, const Node& bound) {
  auto parent = parent_before(context, statement, written);
  if (!parent) return std::nullopt;
  std::string is = parent->name + " (made by " + parent->made_in + ") is partitioned by " +
                   strategy_sql(parent->strategy);
  if (bound.flag("is_default")) {
    if (parent->strategy != "hash") return std::nullopt;
    return BoundRefusal{is, "a hash-partitioned table may not have a default partition",
                        "leave out DEFAULT: hash partitions take every row once their remainders "
                        "cover every value; create the partitions of the remainders not covered "
                        "yet (FOR VALUES WITH (MODULUS m, REMAINDER r))"};
  }
  return std::nullopt;
}

}  // namespace sqlgate::rules
