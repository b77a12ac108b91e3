// invalid-ddl's checks of a foreign key added to a partitioned table: PostgreSQL 15 refuses one
// added with ALTER TABLE ONLY (as a table constraint, or a column's REFERENCES in ADD COLUMN),
// and one added NOT VALID (until PostgreSQL 18).
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of an ALTER TABLE statement as invalid-ddl.
void check_partitioned_foreign_key(const lint::FileContext& context,
                                   const lint::Statement& statement, lint::Reporter& out);

}  // namespace sqlgate::rules
