// ALTER TABLE ... VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID: what
// ban-validate-in-same-transaction reports, and what makes -- sqlgate:no-transaction needed.
#include "lint/table_state.h"
#include "rules/transaction/transaction.h"

namespace sqlgate::rules::transaction {

std::vector<ValidatedWithAdd> validated_with_add(
    const lint::FileContext& context,
    const std::function<bool(const lint::Statement&, const lint::Statement&)>& together) {
  struct Added {
    lint::QualifiedName table;
    std::string name;
    const lint::Statement* statement;
    bool foreign;
  };
  lint::TableState tables(context);
  std::vector<Added> added;
  std::vector<ValidatedWithAdd> found;
  lint::for_each_alter_command(
      context.file, [&](const lint::Statement& statement, const lint::QualifiedName& table,
                        lint::Node cmd, std::size_t i) {
        std::string_view subtype = cmd.str("subtype");
        if (subtype == "AT_AddConstraint") {
          lint::Node def = cmd.get("def");
          if (def.flag("skip_validation") && !def.str("conname").empty() &&
              !tables.is_new_table(table, statement)) {
            added.push_back(Added{table, std::string(def.str("conname")), &statement,
                                  def.str("contype") == "CONSTR_FOREIGN"});
          }
          return;
        }
        if (subtype != "AT_ValidateConstraint") return;
        for (const Added& constraint : added) {
          if (constraint.name != cmd.str("name") || !constraint.table.matches(table) ||
              !together(*constraint.statement, statement)) {
            continue;
          }
          found.push_back(ValidatedWithAdd{constraint.statement, &statement, i, constraint.name,
                                           constraint.foreign});
          return;
        }
      });
  return found;
}

}  // namespace sqlgate::rules::transaction
