// ban-validate-in-same-transaction: VALIDATE CONSTRAINT in the transaction that added the
// constraint NOT VALID: the strong lock ADD CONSTRAINT took is still held while VALIDATE scans.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/transaction/transaction.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TransactionLayout layout(file);
  auto together = [&](const lint::Statement& a, const lint::Statement& b) {
    std::ptrdiff_t transaction = layout.transaction_of(b);
    return transaction != lint::TransactionLayout::k_alone &&
           layout.transaction_of(a) == transaction;
  };
  for (const auto& found : transaction::validated_with_add(context, together)) {
    std::string lock =
        found.foreign ? "SHARE ROW EXCLUSIVE locks on both tables" : "an ACCESS EXCLUSIVE lock";
    out.report(lint::alter_command_range(file, *found.validate, found.command),
               "VALIDATE CONSTRAINT " + found.name +
                   " runs in the transaction that added it NOT VALID: the scan runs while " + lock +
                   " from ADD CONSTRAINT " + (found.foreign ? "are" : "is") +
                   " still held, as if NOT VALID had not been written",
               "validate in a later migration, or mark this file -- sqlgate:no-transaction so "
               "that each statement commits on its own")
        .related(file, found.added->range, "added NOT VALID here");
  }
}

}  // namespace

lint::Rule ban_validate_in_same_transaction() {
  return {.info = {.id = "ban-validate-in-same-transaction",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "VALIDATE CONSTRAINT in the transaction that added it NOT VALID "
                              "keeps the strong lock during the scan"},
          .check_file = check};
}

}  // namespace sqlgate::rules
