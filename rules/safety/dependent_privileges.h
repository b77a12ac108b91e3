// invalid-ddl's check of a REVOKE without CASCADE of a privilege (or of its grant option) that its
// grantee holds WITH GRANT OPTION and has passed on (a GRANT the migrations ran under SET ROLE of
// the grantee): PostgreSQL refuses it, "dependent privileges exist".
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports such a REVOKE of an up as invalid-ddl.
void check_dependent_privileges(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out);

}  // namespace sqlgate::rules
