#include "rules/registry.h"

namespace sqlgate::rules {

void add_ordering(std::vector<lint::Rule>& rules) {
  (void)rules;
}

}  // namespace sqlgate::rules
