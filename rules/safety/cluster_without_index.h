// invalid-ddl's check of CLUSTER t without USING: PostgreSQL clusters on the index marked as the
// table's clustering index (by CLUSTER t USING i, or ALTER TABLE t CLUSTER ON i), and refuses
// it when none is.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports a CLUSTER statement PostgreSQL refuses so as invalid-ddl.
void check_cluster_without_index(const lint::FileContext& context, const lint::Statement& statement,
                                 lint::Reporter& out);

}  // namespace sqlgate::rules
