#include "rules/registry.h"

#include "rules/transaction/transaction.h"

namespace sqlgate::rules {

void add_transaction(std::vector<lint::Rule>& rules) {
  rules.push_back(transaction::no_transaction_marker());
  rules.push_back(transaction::manual_transaction());
}

}  // namespace sqlgate::rules
