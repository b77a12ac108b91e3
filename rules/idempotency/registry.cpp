#include "rules/registry.h"

#include "rules/idempotency/rules.h"

namespace sqlgate::rules {

void add_idempotency(std::vector<lint::Rule>& rules) {
  rules.push_back(idempotency::require_if_not_exists());
  rules.push_back(idempotency::require_if_exists());
  rules.push_back(idempotency::require_or_replace());
  rules.push_back(idempotency::require_index_name());
  rules.push_back(idempotency::guard_create());
  rules.push_back(idempotency::guard_add_constraint());
  rules.push_back(idempotency::guard_rename());
  rules.push_back(idempotency::require_on_conflict());
  rules.push_back(idempotency::require_idempotent_update());
}

}  // namespace sqlgate::rules
