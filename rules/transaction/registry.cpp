#include "rules/registry.h"

#include "rules/transaction/transaction.h"

namespace sqlgate::rules {

lint::Rule unclosed_transaction();
lint::Rule nested_transaction();
lint::Rule mid_file_commit();
lint::Rule enum_value_before_commit();

void add_transaction(std::vector<lint::Rule>& rules) {
  rules.push_back(unclosed_transaction());
  rules.push_back(nested_transaction());
  rules.push_back(mid_file_commit());
  rules.push_back(enum_value_before_commit());
  rules.push_back(transaction::no_transaction_marker());
  rules.push_back(transaction::manual_transaction());
}

}  // namespace sqlgate::rules
