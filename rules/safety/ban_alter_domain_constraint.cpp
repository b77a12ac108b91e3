// ban-alter-domain-constraint: ALTER DOMAIN ... ADD CONSTRAINT (without NOT VALID), SET NOT NULL
// or VALIDATE CONSTRAINT checks every column of that domain in every table, blocking writes.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "AlterDomainStmt") continue;
    const lint::Node& node = statement->node;
    std::string_view subtype = node.str("subtype");
    auto domain = lint::QualifiedName::of(node.list("typeName"));
    std::string what;
    if (subtype == "C") {
      lint::Node constraint = node.get("def");
      if (constraint.flag("skip_validation")) continue;
      what = "ADD CONSTRAINT";
    } else if (subtype == "O") {  // SET NOT NULL ("N" is DROP NOT NULL)
      what = "SET NOT NULL";
    } else if (subtype == "V") {
      what = "VALIDATE CONSTRAINT";
    } else {
      continue;
    }
    // A domain created in this migration is used only by tables created since.
    if (tables.is_new_domain(domain, *statement)) continue;
    std::string help =
        subtype == "C"
            ? "add the rule as a NOT VALID CHECK constraint on each table's column and VALIDATE "
              "it there (VALIDATE on a table does not block writes); ALTER DOMAIN ... ADD "
              "CONSTRAINT ... NOT VALID only postpones the same scan to VALIDATE"
            : "put the rule on the tables' columns instead: ADD CONSTRAINT ... CHECK ... NOT "
              "VALID, then VALIDATE CONSTRAINT, which does not block writes";
    out.report(statement->range,
               "ALTER DOMAIN " + domain.display() + " " + what +
                   " checks every column of that domain in every table while holding a SHARE "
                   "lock on each: no writes to them until it is done",
               std::move(help));
  }
}

}  // namespace

lint::Rule ban_alter_domain_constraint() {
  return {.info = {.id = "ban-alter-domain-constraint",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ALTER DOMAIN ADD CONSTRAINT, SET NOT NULL or VALIDATE scans every "
                              "table using the domain, blocking writes"},
          .check_file = check};
}

}  // namespace sqlgate::rules
