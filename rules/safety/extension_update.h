// invalid-ddl's check of ALTER EXTENSION ... UPDATE [TO 'v'] of a contrib extension of PostgreSQL
// 15 to a version its update scripts do not reach from the version the migrations left it at (a
// downgrade: contrib ships no downgrade scripts), in an up or in a down; CREATE EXTENSION ...
// VERSION of a version PostgreSQL 15 cannot install.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports the statement as invalid-ddl when PostgreSQL refuses it so.
void check_extension_update(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out);

}  // namespace sqlgate::rules
