#include "rules/registry.h"

namespace sqlgate::rules {

void add_pairing(std::vector<lint::Rule>& rules) {
  (void)rules;
}

}  // namespace sqlgate::rules
