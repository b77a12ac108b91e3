#include "rules/registry.h"

#include "rules/pairing/rules.h"

namespace sqlgate::rules {

void add_pairing(std::vector<lint::Rule>& rules) {
  rules.push_back(pairing::missing_down());
  rules.push_back(pairing::orphan_down());
  rules.push_back(pairing::down_incomplete());
  rules.push_back(pairing::down_drops_foreign());
  rules.push_back(pairing::down_not_reversing());
}

}  // namespace sqlgate::rules
