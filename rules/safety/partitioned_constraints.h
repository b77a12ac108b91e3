// invalid-ddl's checks of constraints a partitioned table refuses: PostgreSQL 15 refuses a
// foreign key added with ALTER TABLE ONLY (as a table constraint, or a column's REFERENCES in ADD
// COLUMN), one added NOT VALID (until PostgreSQL 18), and any exclusion constraint (until
// PostgreSQL 17), in CREATE TABLE ... PARTITION BY or ALTER TABLE ... ADD.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of a CREATE TABLE or ALTER TABLE statement as invalid-ddl.
void check_partitioned_constraints(const lint::FileContext& context,
                                   const lint::Statement& statement, lint::Reporter& out);

}  // namespace sqlgate::rules
