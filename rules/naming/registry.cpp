#include "rules/registry.h"

namespace sqlgate::rules {

void add_naming(std::vector<lint::Rule>& rules) {
  (void)rules;
}

}  // namespace sqlgate::rules
