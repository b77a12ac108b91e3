// invalid-ddl's checks of CREATE COLLATION that PostgreSQL 15 refuses from the statement alone,
// before it looks whether the collation exists (IF NOT EXISTS does not help): an attribute it
// has not, one given twice, FROM with another attribute, LOCALE with LC_COLLATE or LC_CTYPE,
// DETERMINISTIC that is not a Boolean, a provider other than icu or libc, a locale missing, and
// DETERMINISTIC = false with the libc provider (the default).
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports such a refusal of a CREATE COLLATION statement as invalid-ddl.
void check_create_collation(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out);

}  // namespace sqlgate::rules
