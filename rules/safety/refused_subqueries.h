// invalid-ddl's check of subqueries where PostgreSQL takes none: an expression it stores or
// computes for one row at a time without a query around it (a column's DEFAULT, a CHECK
// constraint, a generated column's expression, ALTER COLUMN ... TYPE ... USING, an index's
// expressions and predicate, a partition key or bound, a statistics expression, a trigger's WHEN
// condition, a function parameter's DEFAULT). PostgreSQL refuses the statement whatever the
// schema and the data: "cannot use subquery in check constraint".
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports the statement as invalid-ddl when one of those expressions has a subquery.
void check_refused_subqueries(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out);

}  // namespace sqlgate::rules
