// invalid-ddl's checks of ALTER TABLE commands that PostgreSQL refuses for a table being a
// partition (or not being one) as the migrations before left it: DETACH PARTITION ... FINALIZE
// (no DETACH ... CONCURRENTLY can be pending on a fresh database), DETACH PARTITION of a table
// that is not a partition of the table named, ADD COLUMN to a partition, DROP, RENAME or ALTER
// COLUMN ... TYPE of a partition's (inherited) column, DROP NOT NULL of a column NOT NULL in the
// parent, DROP CONSTRAINT of an inherited CHECK or foreign key, INHERIT / NO INHERIT of a
// partition; inheriting (CREATE TABLE ... INHERITS, ALTER TABLE ... INHERIT) from a partitioned
// table or a partition.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of the statement as invalid-ddl.
void check_refused_partition_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                 lint::Reporter& out);

}  // namespace sqlgate::rules
