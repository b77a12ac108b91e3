// The transaction rules: how a migration's statements fit the transaction the runner wraps it in.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules::transaction {

lint::Rule no_transaction_marker();
lint::Rule manual_transaction();

// A value an ALTER TYPE ... ADD VALUE of the file adds, used as a value of its type by a later
// statement: PostgreSQL refuses that until the transaction that added it commits.
struct EarlyEnumUse {
  const lint::Statement* added = nullptr;  // the ALTER TYPE
  const lint::Statement* user = nullptr;
  lint::TextRange range;  // the constant, or the statement when it is not exact
  lint::QualifiedName type;
  std::string label;
};

// Each statement's first such use, counting only the pairs `together` says run in one
// transaction. None before PostgreSQL 12 (ADD VALUE runs in no transaction there).
std::vector<EarlyEnumUse> enum_values_used_early(
    const lint::FileContext& context,
    const std::function<bool(const lint::Statement&, const lint::Statement&)>& together);

// An ALTER TABLE ... VALIDATE CONSTRAINT of a constraint an earlier ALTER TABLE of the file added
// NOT VALID to a table the file did not create. Run in one transaction, the scan holds the lock
// ADD CONSTRAINT took (ACCESS EXCLUSIVE; SHARE ROW EXCLUSIVE on both tables for a foreign key), as
// if NOT VALID had not been written.
struct ValidatedWithAdd {
  const lint::Statement* added = nullptr;     // the ADD CONSTRAINT ... NOT VALID
  const lint::Statement* validate = nullptr;  // the VALIDATE CONSTRAINT
  std::size_t command = 0;                    // the VALIDATE among its statement's commands
  std::string name;
  bool foreign = false;
};

// Each such VALIDATE once, counting only the pairs `together` says run in one transaction.
std::vector<ValidatedWithAdd> validated_with_add(
    const lint::FileContext& context,
    const std::function<bool(const lint::Statement&, const lint::Statement&)>& together);

}  // namespace sqlgate::rules::transaction
