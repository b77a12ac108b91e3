// invalid-ddl's checks of row level security and privilege commands that PostgreSQL refuses:
// CREATE | ALTER POLICY with a USING or WITH CHECK clause its command does not take, ENABLE /
// DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY or CREATE POLICY on a relation that is not a
// table, GRANT / REVOKE (and ALTER DEFAULT PRIVILEGES) of a privilege the object's kind has not,
// WITH GRANT OPTION to PUBLIC, ON SEQUENCE of a table, ON FUNCTION of a procedure (and the
// reverse), a routine's name alone when it has overloads; SET of a parameter PostgreSQL does not
// know, cannot set from a function, role or database, or with a value it refuses.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of the statement as invalid-ddl.
void check_refused_privileges(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out);

}  // namespace sqlgate::rules
