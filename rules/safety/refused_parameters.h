// invalid-ddl's checks of parameters PostgreSQL 15 refuses by what the built-in or contrib object
// they name takes: an operator class parameter (siglen, numranges) an operator class has not, or
// out of its bounds; a range type's subtype_diff that is a built-in function of other argument
// types than the subtype, or that does not return double precision.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports such a refusal of a CREATE INDEX or CREATE TYPE ... AS RANGE statement as invalid-ddl.
void check_refused_parameters(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out);

}  // namespace sqlgate::rules
