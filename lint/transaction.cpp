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

bool is_begin(const Statement& statement) {
  return transaction_kind(statement) == TransactionKind::begin;
}

bool is_end(const Statement& statement) {
  switch (transaction_kind(statement)) {
    case TransactionKind::commit:
    case TransactionKind::rollback:
      return !chains(statement);
    case TransactionKind::prepare:
      return true;
    default:
      return false;
  }
}

TransactionLayout::TransactionLayout(const ParsedFile& file)
    : m_file(&file), m_no_transaction(file.has_directive(DirectiveKind::no_transaction)) {
  const auto& statements = file.statements();
  for (const Statement& statement : statements) {
    if (is_begin(statement) || is_end(statement)) m_explicit = true;
  }
  m_transaction.assign(statements.size(), k_alone);
  if (!m_explicit) {
    if (!m_no_transaction) m_transaction.assign(statements.size(), 0);
    return;
  }
  std::ptrdiff_t open = k_alone;
  std::ptrdiff_t next = 0;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (open == k_alone && is_begin(statements[i])) open = next++;
    m_transaction[i] = open;
    if (is_end(statements[i])) open = k_alone;
  }
}

std::ptrdiff_t TransactionLayout::top_level_index(const Statement& statement) const {
  if (statement.embedded()) return statement.parent;
  const auto& statements = m_file->statements();
  if (statements.empty() || &statement < statements.data() ||
      &statement >= statements.data() + statements.size()) {
    return -1;
  }
  return &statement - statements.data();
}

std::ptrdiff_t TransactionLayout::transaction_of(const Statement& statement) const {
  std::ptrdiff_t index = top_level_index(statement);
  if (index < 0) return k_alone;
  return m_transaction[static_cast<std::size_t>(index)];
}

bool TransactionLayout::in_transaction_block(const Statement& statement) const {
  return statement.embedded() || transaction_of(statement) != k_alone;
}

bool TransactionLayout::runs_alone(const Statement& statement) const {
  return m_no_transaction && !statement.embedded() && transaction_of(statement) == k_alone;
}

}  // namespace sqlgate::lint
