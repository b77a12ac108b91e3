// invalid-ddl's checks of ALTER TYPE, ALTER TABLE and CREATE RULE commands that PostgreSQL refuses
// for what the relation or type is: an attribute change without CASCADE of a type a typed table
// has, ENABLE / DISABLE TRIGGER or RULE of a view (a materialized view, a sequence; a rule of a
// foreign table), VALIDATE CONSTRAINT of a key, CREATE RULE with NEW in an ON DELETE rule (OLD in
// an ON INSERT one) or a RETURNING list PostgreSQL refuses, CREATE TABLE ... OF a base type.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of the statement as invalid-ddl.
void check_refused_relation_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out);

}  // namespace sqlgate::rules
