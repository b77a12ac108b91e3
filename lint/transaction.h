// Transaction control written in a migration file: what the runner needs to choose how to run
// a file, and what the transaction rules check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "lint/sql.h"

namespace sqlgate::lint {

enum class TransactionKind : std::uint8_t {
  none,               // not a transaction statement
  begin,              // BEGIN, START TRANSACTION
  commit,             // COMMIT, END
  rollback,           // ROLLBACK, ABORT
  prepare,            // PREPARE TRANSACTION
  commit_prepared,    // COMMIT PREPARED
  rollback_prepared,  // ROLLBACK PREPARED
  savepoint,          // SAVEPOINT
  release,            // RELEASE SAVEPOINT
  rollback_to,        // ROLLBACK TO SAVEPOINT
};

TransactionKind transaction_kind(const Statement& statement);

// Opens or ends a transaction (BEGIN, COMMIT, ROLLBACK, PREPARE TRANSACTION, COMMIT/ROLLBACK
// PREPARED); savepoints work inside any transaction and do not count.
bool controls_transaction(TransactionKind kind);

// COMMIT AND CHAIN, ROLLBACK AND CHAIN: a new transaction starts at once.
bool chains(const Statement& statement);

// The file controls its own transaction: a top-level statement that opens or ends one.
bool manages_own_transaction(const ParsedFile& file);

// A TransactionStmt that opens a transaction block (BEGIN, START TRANSACTION).
bool is_begin(const Statement& statement);
// A TransactionStmt that ends one (COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION), not
// counting COMMIT AND CHAIN, which opens the next at once.
bool is_end(const Statement& statement);

// How sqlgate's runner groups the statements of a file into transactions: the whole file in one
// transaction; or, for a file marked `-- sqlgate:no-transaction`, each statement on its own; or,
// for a file that manages its own transactions (top-level BEGIN ... COMMIT), as written.

class TransactionLayout {
 public:
  // A statement that runs in a transaction of its own (autocommit).
  static constexpr std::ptrdiff_t k_alone = -1;

  explicit TransactionLayout(const ParsedFile& file);

  // The file has top-level BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK or ABORT.
  bool manages_own_transactions() const { return m_explicit; }
  // The file carries `-- sqlgate:no-transaction`.
  bool no_transaction() const { return m_no_transaction; }

  // Statements with the same id run in one transaction; k_alone for one that runs by itself.
  // A statement a DO block runs shares the DO's transaction.
  std::ptrdiff_t transaction_of(const Statement& statement) const;
  // The statement runs inside a transaction block or a DO block, where CONCURRENTLY, VACUUM and
  // the like fail.
  bool in_transaction_block(const Statement& statement) const;
  // The statement is sent to the server by itself, outside any transaction block: only then may
  // a fix add CONCURRENTLY to it. True for top-level statements of a no-transaction file that
  // are not between BEGIN and COMMIT.
  bool runs_alone(const Statement& statement) const;

 private:
  std::ptrdiff_t top_level_index(const Statement& statement) const;

  const ParsedFile* m_file;
  bool m_explicit = false;
  bool m_no_transaction = false;
  std::vector<std::ptrdiff_t> m_transaction;  // per top-level statement
};

}  // namespace sqlgate::lint
