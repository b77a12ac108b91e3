#include "rules/registry.h"

#include "rules/naming/rules.h"

namespace sqlgate::rules {

void add_naming(std::vector<lint::Rule>& rules) {
  rules.push_back(naming::near_miss_name());
  rules.push_back(naming::backup_file());
  rules.push_back(naming::invalid_timestamp());
  rules.push_back(naming::non_snake_case_name());
  rules.push_back(naming::version_overflow());
  rules.push_back(naming::duplicate_version());
  rules.push_back(naming::out_of_order());
}

}  // namespace sqlgate::rules
