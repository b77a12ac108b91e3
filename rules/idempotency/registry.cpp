#include "rules/registry.h"

namespace sqlgate::rules {

void add_idempotency(std::vector<lint::Rule>& rules) {
  (void)rules;
}

}  // namespace sqlgate::rules
