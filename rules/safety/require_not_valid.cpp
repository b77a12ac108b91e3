// require-not-valid: ADD FOREIGN KEY or CHECK on an existing table without NOT VALID: the
// constraint is checked against every row while strong locks are held.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/partitioned.h"
#include "rules/safety/relation_kinds.h"

namespace sqlgate::rules {

namespace {

// PostgreSQL 15 refuses NOT VALID on a foreign key of a partitioned table ("cannot add NOT VALID
// foreign key on partitioned table", a partitioned partition too), but adding the foreign key to
// it attaches an equal one that each partition already has, validated, without a scan.
// `first`: the help's first words, instead of "add the same foreign key".
std::string partitioned_foreign_key_help(const std::string& table, const std::string& name,
                                         std::string_view first = {}) {
  std::string help = "PostgreSQL refuses NOT VALID on a foreign key of partitioned table ";
  help += table;
  help += ": ";
  help += first.empty() ? "add the same foreign key" : first;
  if (!name.empty()) {
    help += " (";
    help += name;
    help += ")";
  }
  help +=
      " NOT VALID to each leaf partition and VALIDATE CONSTRAINT it there in a later "
      "transaction, then add it to ";
  help += table;
  help += ": PostgreSQL attaches the partitions' validated foreign keys without checking a row";
  return help;
}

// ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY / CHECK. `partitioned`: the table, when the
// replay knows it as partitioned.
void check_constraint(const lint::Statement& statement, const lint::QualifiedName& table,
                      const lint::Node& def, lint::TextRange range,
                      const std::optional<std::string>& partitioned, lint::Reporter& out) {
  std::string_view kind = def.str("contype");
  if ((kind != "CONSTR_FOREIGN" && kind != "CONSTR_CHECK") || def.flag("skip_validation")) return;
  std::string name(def.str("conname"));
  std::string message;
  if (kind == "CONSTR_FOREIGN") {
    auto referenced = lint::QualifiedName::of(lint::relation_name(def.get("pktable")));
    message = "ADD FOREIGN KEY without NOT VALID checks every row of existing table " +
              table.display() + " while holding SHARE ROW EXCLUSIVE locks on it and on " +
              referenced.display() + ": writes to both wait until the check is done";
  } else {
    message = "ADD CHECK without NOT VALID checks every row of existing table " + table.display() +
              " under an ACCESS EXCLUSIVE lock: no reads or writes until it is done";
  }
  if (kind == "CONSTR_FOREIGN" && partitioned) {
    out.report(range, std::move(message), partitioned_foreign_key_help(table.display(), name));
    return;
  }
  auto finding =
      out.report(range, std::move(message),
                 "add it NOT VALID (new rows are checked at once), then run ALTER TABLE " +
                     table.display() + " VALIDATE CONSTRAINT " + (name.empty() ? "<name>" : name) +
                     " in a later transaction: it takes only a SHARE UPDATE EXCLUSIVE lock");
  // NOT VALID goes after the whole constraint, its attributes included: the end of the command.
  // It changes what is checked until VALIDATE runs, so the fix is unsafe.
  if (statement.exact && range != statement.range) {
    finding.fix("Add NOT VALID", {lint::Edit{lint::TextRange{range.end, range.end}, " NOT VALID"}},
                false);
  }
}

// ADD COLUMN with an inline CHECK, or an inline REFERENCES with a non-NULL default: the new values
// are checked in every row. (Without a default every value is NULL and PostgreSQL skips the
// foreign key's check.)
void check_column(const lint::QualifiedName& table, const lint::Node& def, lint::TextRange range,
                  const std::optional<std::string>& partitioned, lint::Reporter& out) {
  bool has_default = false;
  for (lint::Node constraint : def.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_DEFAULT" &&
        !lint::is_null_constant(constraint.get("raw_expr"))) {
      has_default = true;
    }
  }
  std::string column(def.str("colname"));
  for (lint::Node constraint : def.list("constraints")) {
    std::string_view kind = constraint.str("contype");
    if (kind == "CONSTR_CHECK" && !constraint.flag("skip_validation")) {
      out.report(range,
                 "ADD COLUMN " + column + " with a CHECK checks every row of existing table " +
                     table.display() +
                     " under an ACCESS EXCLUSIVE lock: no reads or writes until it is done",
                 "add the column without the CHECK, then ADD CONSTRAINT ... CHECK (...) NOT VALID "
                 "and VALIDATE CONSTRAINT in a later transaction");
      return;
    }
    if (kind == "CONSTR_FOREIGN" && has_default) {
      auto referenced = lint::QualifiedName::of(lint::relation_name(constraint.get("pktable")));
      std::string help = partitioned
                             ? partitioned_foreign_key_help(
                                   table.display(), std::string(),
                                   "add the column without REFERENCES, then add the foreign key")
                             : "add the column, then ADD CONSTRAINT ... FOREIGN KEY (" + column +
                                   ") REFERENCES ... NOT VALID and VALIDATE CONSTRAINT in a later "
                                   "transaction";
      out.report(range,
                 "ADD COLUMN " + column +
                     " with a default and REFERENCES checks every row of existing table " +
                     table.display() + " against " + referenced.display() +
                     " while holding an ACCESS EXCLUSIVE lock on it",
                 std::move(help));
      return;
    }
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        std::string_view subtype = cmd.str("subtype");
        if (subtype != "AT_AddConstraint" && subtype != "AT_AddColumn") return;
        if (tables.is_new_table(table, statement)) return;
        if (names_view(context, statement, table)) return;  // refused: invalid-ddl
        lint::TextRange range = lint::alter_command_range(file, statement, i);
        std::optional<std::string> partitioned = partitioned_table_of(context, statement);
        if (subtype == "AT_AddConstraint") {
          check_constraint(statement, table, cmd.get("def"), range, partitioned, out);
        } else {
          check_column(table, cmd.get("def"), range, partitioned, out);
        }
      });
}

}  // namespace

lint::Rule require_not_valid() {
  return {.info = {.id = "require-not-valid",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ADD FOREIGN KEY or CHECK on an existing table without NOT VALID",
                   .fix = lint::FixKind::unsafe},
          .check_file = check};
}

}  // namespace sqlgate::rules
