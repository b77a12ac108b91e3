// mid-file-commit: COMMIT or ROLLBACK followed by statements that run outside any transaction
// block: a failure there leaves the migration half applied.
#include "lint/rule.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  const lint::Statement* ended = nullptr;  // the last COMMIT/ROLLBACK, while no block is open
  for (const lint::Statement& statement : file.statements()) {
    if (lint::is_begin(statement)) {
      ended = nullptr;
      continue;
    }
    if (lint::is_end(statement)) {
      ended = &statement;
      continue;
    }
    if (ended == nullptr) continue;
    if (statement.kind() == "TransactionStmt") continue;  // SAVEPOINT and the like fail anyway
    std::string_view word =
        ended->node.str("kind") == "TRANS_STMT_ROLLBACK" ? "ROLLBACK" : "COMMIT";
    out.report(ended->range,
               std::string(word) +
                   " in the middle of the file: the statements after it run "
                   "outside any transaction, so a failure among them leaves the migration half "
                   "applied",
               "move the statements after it into the transaction (before the " +
                   std::string(word) + "), or into a migration of their own")
        .related(file, statement.range, "this statement runs outside a transaction");
    ended = nullptr;
  }
}

}  // namespace

lint::Rule mid_file_commit() {
  return {.info = {.id = "mid-file-commit",
                   .category = lint::Category::transaction,
                   .severity = lint::Severity::error,
                   .summary = "COMMIT or ROLLBACK before the end of the file leaves the rest "
                              "outside a transaction"},
          .check_file = check};
}

}  // namespace sqlgate::rules
