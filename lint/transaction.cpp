#include "lint/transaction.h"

#include <algorithm>

namespace sqlgate::lint {

TransactionKind transaction_kind(const Statement& statement) {
  if (!statement.node.is("TransactionStmt")) return TransactionKind::none;
  std::string_view kind = statement.node.str("kind");
  if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START") return TransactionKind::begin;
  if (kind == "TRANS_STMT_COMMIT") return TransactionKind::commit;
  if (kind == "TRANS_STMT_ROLLBACK") return TransactionKind::rollback;
  if (kind == "TRANS_STMT_PREPARE") return TransactionKind::prepare;
  if (kind == "TRANS_STMT_COMMIT_PREPARED") return TransactionKind::commit_prepared;
  if (kind == "TRANS_STMT_ROLLBACK_PREPARED") return TransactionKind::rollback_prepared;
  if (kind == "TRANS_STMT_SAVEPOINT") return TransactionKind::savepoint;
  if (kind == "TRANS_STMT_RELEASE") return TransactionKind::release;
  if (kind == "TRANS_STMT_ROLLBACK_TO") return TransactionKind::rollback_to;
  return TransactionKind::none;
}

bool controls_transaction(TransactionKind kind) {
  switch (kind) {
    case TransactionKind::begin:
    case TransactionKind::commit:
    case TransactionKind::rollback:
    case TransactionKind::prepare:
    case TransactionKind::commit_prepared:
    case TransactionKind::rollback_prepared:
      return true;
    default:
      return false;
  }
}

bool chains(const Statement& statement) {
  return statement.node.is("TransactionStmt") && statement.node.flag("chain");
}

bool manages_own_transaction(const ParsedFile& file) {
  return std::any_of(file.statements().begin(), file.statements().end(),
                     [](const Statement& s) { return controls_transaction(transaction_kind(s)); });
}

}  // namespace sqlgate::lint
