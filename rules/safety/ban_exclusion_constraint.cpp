// ban-exclusion-constraint: ADD CONSTRAINT ... EXCLUDE on an existing table builds its index
// under ACCESS EXCLUSIVE, and has no NOT VALID or USING INDEX form to avoid it.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        if (cmd.str("subtype") != "AT_AddConstraint" ||
            cmd.get("def").str("contype") != "CONSTR_EXCLUSION" ||
            tables.is_new_table(table, statement)) {
          return;
        }
        out.report(lint::alter_command_range(file, statement, i),
                   "ADD CONSTRAINT ... EXCLUDE builds its index over existing table " +
                       table.display() +
                       " under an ACCESS EXCLUSIVE lock: no reads or writes until it is built, and "
                       "PostgreSQL has no NOT VALID or USING INDEX form for it",
                   "create the constraint with the table, or run it in a maintenance window (then "
                   "-- sqlgate:ignore ban-exclusion-constraint -- <when it runs>); a trigger can "
                   "enforce the rule online meanwhile");
      });
}

}  // namespace

lint::Rule ban_exclusion_constraint() {
  return {
      .info = {.id = "ban-exclusion-constraint",
               .category = lint::Category::safety,
               .severity = lint::Severity::error,
               .summary = "ADD EXCLUDE constraint on an existing table locks it while the index "
                          "builds"},
      .check_file = check};
}

}  // namespace sqlgate::rules
