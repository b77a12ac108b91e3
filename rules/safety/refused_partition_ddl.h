// invalid-ddl's checks of ALTER TABLE commands that PostgreSQL refuses for a table being a
// partition (or not being one) as the migrations before left it: DETACH PARTITION ... FINALIZE
// (no DETACH ... CONCURRENTLY can be pending on a fresh database), DETACH PARTITION of a table
// that is not a partition of the table named, ADD COLUMN to a partition, DROP, RENAME or ALTER
// COLUMN ... TYPE of a partition's (inherited) column, DROP NOT NULL of a column NOT NULL in the
// parent, DROP CONSTRAINT of an inherited CHECK or foreign key, INHERIT / NO INHERIT of a
// partition; inheriting (CREATE TABLE ... INHERITS, ALTER TABLE ... INHERIT) from a partitioned
// table or a partition.
#pragma once

#include <optional>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules {

// The partitioned table `table` is a partition of just before the tick, as its CREATE TABLE ...
// PARTITION OF and each ATTACH and DETACH PARTITION since left it: k_no_object when it is none;
// nothing when the migrations do not tell (another statement made the table).
std::optional<lint::ObjectId> partition_parent(const lint::Project& project,
                                               const lint::Catalog& catalog, lint::ObjectId table,
                                               lint::Tick tick);

// Reports each such refusal of the statement as invalid-ddl.
void check_refused_partition_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                 lint::Reporter& out);

}  // namespace sqlgate::rules
