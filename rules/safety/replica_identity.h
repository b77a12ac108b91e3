// A table's replica identity as the replay of the migrations leaves it, for the rules that judge
// what PostgreSQL refuses because of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules {

// The replica identity of a table before a tick, as its last REPLICA IDENTITY left it: FULL, or
// the columns of its primary key (DEFAULT) or of the index (USING INDEX); no columns for NOTHING
// or a DEFAULT without a primary key.
struct ReplicaIdentity {
  bool full = false;
  std::vector<std::string> columns;          // as the key or index was made with them
  lint::ObjectId index = lint::k_no_object;  // USING INDEX: the index
  std::string text;                          // "the primary key (id)", "REPLICA IDENTITY FULL", ...
};

// Nothing when the index of a USING INDEX is not known.
std::optional<ReplicaIdentity> replica_identity(const lint::Project& project,
                                                const lint::Catalog& catalog, lint::ObjectId table,
                                                lint::Tick tick);

}  // namespace sqlgate::rules
