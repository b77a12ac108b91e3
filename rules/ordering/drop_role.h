#pragma once

#include "lint/rule.h"

namespace sqlgate::rules::ordering {

// drop-order's check of DROP ROLE in each down: the role must no longer hold what its up gave
// it (privileges, default privileges, a policy, an object it owns).
void check_role_drops(const lint::Project& project, lint::Reporter& out);

}  // namespace sqlgate::rules::ordering
