// ban-create-domain-with-constraint (opt-in): CREATE DOMAIN with a CHECK or NOT NULL: every
// later change to the rule scans all tables using the domain, and adding a column of the domain
// to an existing table rewrites it.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "CreateDomainStmt") continue;
    for (lint::Node constraint : statement->node.list("constraints")) {
      std::string_view kind = constraint.str("contype");
      if (kind != "CONSTR_CHECK" && kind != "CONSTR_NOTNULL") continue;
      out.report(lint::token_at(file, *statement, constraint.location()),
                 "domain " + lint::join_names(statement->node.list("domainname")) + " has a " +
                     (kind == "CONSTR_CHECK" ? "CHECK" : "NOT NULL") +
                     " constraint: changing it later scans every table that uses the domain "
                     "(blocking writes), and adding a column of this domain to an existing table "
                     "rewrites that table",
                 "declare the domain without constraints and put CHECK constraints on the "
                 "columns, where NOT VALID and VALIDATE work");
      break;
    }
  }
}

}  // namespace

lint::Rule ban_create_domain_with_constraint() {
  return {.info = {.id = "ban-create-domain-with-constraint",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .enabled = false,
                   .summary = "CREATE DOMAIN with a constraint makes later changes lock every "
                              "table using it (opt-in)"},
          .check_file = check};
}

}  // namespace sqlgate::rules
