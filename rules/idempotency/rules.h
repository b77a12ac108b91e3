// The idempotency rules, one per file in rules/idempotency/.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules::idempotency {

lint::Rule require_if_not_exists();
lint::Rule require_if_exists();
lint::Rule require_or_replace();
lint::Rule require_index_name();
lint::Rule guard_create();
lint::Rule guard_add_constraint();
lint::Rule guard_rename();
lint::Rule require_on_conflict();
lint::Rule require_idempotent_update();

}  // namespace sqlgate::rules::idempotency
