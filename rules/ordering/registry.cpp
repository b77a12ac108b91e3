#include "rules/registry.h"

#include "rules/ordering/rules.h"

namespace sqlgate::rules {

void add_ordering(std::vector<lint::Rule>& rules) {
  rules.push_back(ordering::drop_order());
  rules.push_back(ordering::incompatible_replace());
  rules.push_back(ordering::use_before_create());
  rules.push_back(ordering::alter_type_dependents());
  rules.push_back(ordering::alter_type_default());
  rules.push_back(ordering::already_exists());
}

}  // namespace sqlgate::rules
