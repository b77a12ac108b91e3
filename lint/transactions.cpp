#include "lint/transactions.h"

namespace sqlgate::lint {

namespace {

std::string_view transaction_kind(const Statement& statement) {
  if (statement.kind() != "TransactionStmt") return {};
  return statement.node.str("kind");
}

}  // namespace

bool is_begin(const Statement& statement) {
  std::string_view kind = transaction_kind(statement);
  return kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START";
}

bool is_end(const Statement& statement) {
  std::string_view kind = transaction_kind(statement);
  if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK") {
    return !statement.node.flag("chain");
  }
  return kind == "TRANS_STMT_PREPARE";
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
