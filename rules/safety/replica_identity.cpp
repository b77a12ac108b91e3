#include "rules/safety/replica_identity.h"

namespace sqlgate::rules {

using lint::Node;

std::optional<ReplicaIdentity> replica_identity(const lint::Project& project,
                                                const lint::Catalog& catalog, lint::ObjectId table,
                                                lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(table);
  char type = 'd';
  std::string index;
  lint::Tick at = 0;
  for (const lint::Origin& change : object.changed) {
    if (change.tick >= tick || change.tick < at) continue;
    const lint::Statement* statement = lint::statement_at(project, change);
    if (statement == nullptr || !statement->node.is("AlterTableStmt")) continue;
    for (Node command : statement->node.list("cmds")) {
      if (command.str("subtype") != "AT_ReplicaIdentity") continue;
      Node identity = command.get("def");
      std::string_view given = identity.str("identity_type");
      if (given.empty()) continue;
      type = given[0];
      index = lint::truncate_identifier(identity.str("name"));
      at = change.tick;
    }
  }
  ReplicaIdentity identity;
  if (type == 'f') {
    identity.full = true;
    identity.text = "REPLICA IDENTITY FULL";
  } else if (type == 'n') {
    identity.text = "REPLICA IDENTITY NOTHING";
  } else if (type == 'i') {
    lint::ObjectRef ref;
    ref.kind = lint::ObjectKind::index;
    ref.schema = object.ref_at(tick).schema;
    ref.name = index;
    lint::ObjectId id = catalog.find(ref, tick);
    if (id == lint::k_no_object) return std::nullopt;
    identity.columns = catalog.object(id).columns;
    identity.index = id;
    identity.text = "index " + index;
  } else {
    identity.text = "no primary key";
    for (lint::ObjectId child : object.children) {
      const lint::CatalogObject& key = catalog.object(child);
      if (key.kind() != lint::ObjectKind::constraint || key.contype != 'p' || !key.alive_at(tick)) {
        continue;
      }
      identity.columns = key.columns;
      identity.text = "the primary key";
    }
  }
  if (!identity.columns.empty()) {
    identity.text += " (" + lint::join_strings(identity.columns, ", ") + ")";
  }
  return identity;
}

}  // namespace sqlgate::rules
