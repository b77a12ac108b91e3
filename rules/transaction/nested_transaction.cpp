// nested-transaction: BEGIN inside a transaction block the file already opened. PostgreSQL only
// warns and carries on, and the first COMMIT ends both.
#include "lint/rule.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  const lint::Statement* open = nullptr;
  for (const lint::Statement& statement : file.statements()) {
    if (lint::is_end(statement)) {
      open = nullptr;
      continue;
    }
    if (!lint::is_begin(statement)) continue;
    if (open == nullptr) {
      open = &statement;
      continue;
    }
    out.report(statement.range,
               "BEGIN inside a transaction that is already open: PostgreSQL ignores it with a "
               "warning, so the next COMMIT ends the outer transaction and what follows runs "
               "outside any transaction",
               "remove this BEGIN, or COMMIT the first transaction before it (PostgreSQL has no "
               "nested transactions; SAVEPOINT is the nearest thing)")
        .related(file, open->range, "the transaction opened here");
  }
}

}  // namespace

lint::Rule nested_transaction() {
  return {.info = {.id = "nested-transaction",
                   .category = lint::Category::transaction,
                   .severity = lint::Severity::error,
                   .summary = "BEGIN inside a transaction block already open in the file"},
          .check_file = check};
}

}  // namespace sqlgate::rules
