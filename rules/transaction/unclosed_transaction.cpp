// unclosed-transaction: BEGIN (or START TRANSACTION) with no COMMIT or ROLLBACK after it.
#include "lint/rule.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::Statement* open = nullptr;
  for (const lint::Statement& statement : context.file.statements()) {
    if (lint::is_begin(statement) && open == nullptr) open = &statement;
    if (lint::is_end(statement)) open = nullptr;
  }
  if (open == nullptr) return;
  out.report(open->range,
             "this transaction is never committed: the file ends inside it, so its statements "
             "are rolled back when the session ends (or committed by whatever the runner sends "
             "next)",
             "end the file with COMMIT; (or remove the BEGIN and let the runner wrap the file in "
             "its own transaction)");
}

}  // namespace

lint::Rule unclosed_transaction() {
  return {.info = {.id = "unclosed-transaction",
                   .category = lint::Category::transaction,
                   .severity = lint::Severity::error,
                   .summary = "BEGIN without a COMMIT or ROLLBACK before the end of the file"},
          .check_file = check};
}

}  // namespace sqlgate::rules
