// Transaction control written in a migration file: what the runner needs to choose how to run
// a file, and what the transaction rules check.
#pragma once

#include <cstdint>

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

}  // namespace sqlgate::lint
