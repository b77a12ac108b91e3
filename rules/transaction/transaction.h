// The transaction rules: how a migration's statements fit the transaction the runner wraps it in.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules::transaction {

lint::Rule no_transaction_marker();
lint::Rule manual_transaction();

}  // namespace sqlgate::rules::transaction
