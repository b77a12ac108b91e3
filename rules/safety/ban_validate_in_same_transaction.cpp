// ban-validate-in-same-transaction: VALIDATE CONSTRAINT in the transaction that added the
// constraint NOT VALID: the strong lock ADD CONSTRAINT took is still held while VALIDATE scans.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

struct Added {
  lint::QualifiedName table;
  std::string name;
  const lint::Statement* statement;
  std::ptrdiff_t transaction;
  bool foreign;
};

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::TransactionLayout layout(file);
  std::vector<Added> added;
  lint::for_each_alter_command(file, [&](const lint::Statement& statement,
                                         const lint::QualifiedName& table, lint::Node cmd,
                                         std::size_t i) {
    std::string_view subtype = cmd.str("subtype");
    if (subtype == "AT_AddConstraint") {
      lint::Node def = cmd.get("def");
      if (def.flag("skip_validation") && !def.str("conname").empty() &&
          !tables.is_new_table(table, statement)) {
        added.push_back(Added{table, std::string(def.str("conname")), &statement,
                              layout.transaction_of(statement),
                              def.str("contype") == "CONSTR_FOREIGN"});
      }
      return;
    }
    if (subtype != "AT_ValidateConstraint") return;
    std::ptrdiff_t transaction = layout.transaction_of(statement);
    if (transaction == lint::TransactionLayout::k_alone) return;
    for (const Added& constraint : added) {
      if (constraint.name != cmd.str("name") || !constraint.table.matches(table) ||
          constraint.transaction != transaction) {
        continue;
      }
      std::string lock = constraint.foreign ? "SHARE ROW EXCLUSIVE locks on both tables"
                                            : "an ACCESS EXCLUSIVE lock";
      out.report(lint::alter_command_range(file, statement, i),
                 "VALIDATE CONSTRAINT " + constraint.name +
                     " runs in the transaction that added it NOT VALID: the scan runs while " +
                     lock +
                     " from ADD CONSTRAINT are still held, as if NOT VALID had not been "
                     "written",
                 "validate in a later migration, or mark this file -- sqlgate:no-transaction so "
                 "that each statement commits on its own")
          .related(file, constraint.statement->range, "added NOT VALID here");
      return;
    }
  });
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
