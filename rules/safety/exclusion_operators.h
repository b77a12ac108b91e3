// invalid-ddl's check of an exclusion constraint's operators: PostgreSQL takes only commutative
// operators there (a conflicts with b exactly when b conflicts with a), and refuses <@, @>, <, >,
// <=, >=, <<, >>, &< and &> ("operator <@(anyrange,anyrange) is not commutative").
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each exclusion constraint of a CREATE TABLE or ALTER TABLE ... ADD CONSTRAINT that
// PostgreSQL refuses so as invalid-ddl.
void check_exclusion_operators(const lint::FileContext& context, const lint::Statement& statement,
                               lint::Reporter& out);

}  // namespace sqlgate::rules
