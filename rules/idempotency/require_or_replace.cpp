// require-or-replace: CREATE VIEW / FUNCTION / PROCEDURE / AGGREGATE / RULE / TRIGGER / LANGUAGE /
// TRANSFORM without OR REPLACE.
#include "lint/catalog.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

struct Candidate {
  std::string statement;  // "CREATE VIEW"
  std::string noun;
  std::string object;
  Node relation;  // the view, or the table of a rule or trigger
  std::optional<ObjectKey> key;
  bool drop_guards = false;  // a DROP of it earlier in the file makes it re-runnable
  bool safe = true;          // whether adding OR REPLACE is a safe fix
  int since = 0;             // PostgreSQL major version that has OR REPLACE here
  std::string older;         // the advice below that version
};

std::optional<Candidate> candidate(const Node& node) {
  std::string_view kind = node.kind();
  if (node.flag("replace")) return std::nullopt;
  Candidate c;
  if (kind == "ViewStmt") {
    c.statement = "CREATE VIEW";
    c.noun = "view";
    c.relation = node.get("view");
    c.object = name_of(c.relation).display();
    c.key = ObjectKey{ObjectKind::view, name_of(c.relation), {}};
    return c;
  }
  if (kind == "CreateFunctionStmt") {
    bool procedure = node.flag("is_procedure");
    c.statement = procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
    c.noun = procedure ? "procedure" : "function";
    c.object = name_of(node.list("funcname")).display();
    c.key = ObjectKey{ObjectKind::function, name_of(node.list("funcname")), {}};
    c.safe = false;
    return c;
  }
  if (kind == "DefineStmt" && node.str("kind") == "OBJECT_AGGREGATE") {
    c.statement = "CREATE AGGREGATE";
    c.noun = "aggregate";
    c.object = name_of(node.list("defnames")).display();
    c.key = ObjectKey{ObjectKind::function, name_of(node.list("defnames")), {}};
    c.safe = false;
    c.since = 12;
    c.older = "create it in a DO block guarded by a catalog test (to_regprocedure(...) IS NULL)";
    return c;
  }
  if (kind == "RuleStmt") {
    c.statement = "CREATE RULE";
    c.noun = "rule";
    c.relation = node.get("relation");
    c.object = std::string(node.str("rulename")) + " ON " + name_of(c.relation).display();
    c.key = ObjectKey{ObjectKind::rule, QualifiedName{"", std::string(node.str("rulename"))},
                      name_of(c.relation)};
    c.drop_guards = true;
    return c;
  }
  if (kind == "CreateTrigStmt") {
    if (node.flag("isconstraint")) return std::nullopt;  // no OR REPLACE: guard-create's
    c.statement = "CREATE TRIGGER";
    c.noun = "trigger";
    c.relation = node.get("relation");
    c.object = std::string(node.str("trigname")) + " ON " + name_of(c.relation).display();
    c.key = ObjectKey{ObjectKind::trigger, QualifiedName{"", std::string(node.str("trigname"))},
                      name_of(c.relation)};
    c.drop_guards = true;
    c.since = 14;
    c.older = "drop it first: DROP TRIGGER IF EXISTS " + std::string(node.str("trigname")) +
              " ON " + name_of(c.relation).display() + ";";
    return c;
  }
  if (kind == "CreatePLangStmt") {
    c.statement = "CREATE LANGUAGE";
    c.noun = "language";
    c.object = node.str("plname");
    return c;
  }
  if (kind == "CreateTransformStmt") {
    c.statement = "CREATE TRANSFORM";
    c.noun = "transform";
    c.object = "FOR " + lint::join_names(node.get("type_name").list("names")) + " LANGUAGE " +
               std::string(node.str("lang"));
    return c;
  }
  return std::nullopt;
}

// EXECUTE format('CREATE VIEW %I.active_projects AS ...', s) in a DO block (a loop over every
// tenant's schema) with nothing around it that tests or catches the error: the second run finds
// the object there. Judged by the template's form, as require-if-not-exists judges its CREATEs: a
// DROP of the object (or of the table it is on) in any template of the file is taken to make way
// for it.
void check_templates(FileScope& scope) {
  TemplateChanges templates(scope.file());
  for (const Statement* statement : scope.templates()) {
    auto c = candidate(statement->node);
    if (!c || (c->key && templates.dropped(*c->key))) continue;
    if (c->relation.valid() && statement->kind() != "ViewStmt" &&
        templates.dropped(ObjectKey{ObjectKind::table, name_of(c->relation), {}})) {
      continue;
    }
    if (lint::conditional(*statement, lint::repeat_error(statement->node))) continue;
    scope.report(*statement, statement->range,
                 "EXECUTE format(...) runs " + c->statement + " " + c->object + ", which fails " +
                     std::string(k_again) + ": the " + c->noun + " already exists",
                 scope.pg_version() >= c->since
                     ? "write CREATE OR REPLACE " + c->statement.substr(7) +
                           " in the format() template: the second run replaces it with the same "
                           "definition"
                     : "PostgreSQL " + std::to_string(scope.pg_version()) +
                           " has no CREATE OR REPLACE " + c->statement.substr(7) + ": " + c->older);
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  check_templates(scope);
  for (const Statement* statement : scope.statements()) {
    auto c = candidate(statement->node);
    if (!c) continue;
    bool on_table = statement->kind() != "ViewStmt";  // the table of a rule or trigger
    if (c->relation.valid() && (on_table ? scope.fresh(*statement, c->relation)
                                         : scope.temporary(*statement, c->relation))) {
      continue;
    }
    const Statement* dropped = c->key ? scope.dropped_before(*statement, *c->key) : nullptr;
    if (dropped != nullptr && c->drop_guards) continue;
    // Created and dropped again in this file: the second run creates it afresh.
    if (c->key && scope.dropped_after(*statement, *c->key)) continue;
    if (scope.guard(*statement, lint::repeat_error(statement->node))) continue;

    if (dropped != nullptr) {
      // DROP VIEW IF EXISTS v; CREATE VIEW v: the way to narrow a view or change a function's
      // result, and re-runnable while nothing made after it depends on it.
      std::optional<std::string> blocker = drop_blocker(scope, *statement, *dropped);
      if (!blocker) continue;
      std::string consequence = blocker->empty()
                                    ? std::string(drop_consequence(c->key->kind, *dropped))
                                    : blocked_drop_consequence(*dropped, *blocker);
      scope.report(
          *statement, statement->range,
          "the DROP before " + c->statement + " " + c->object +
              " is no guard: a second run's DROP " + consequence,
          blocker->empty()
              ? "write CREATE OR REPLACE " + c->statement.substr(7) +
                    " without the DROP (or mark it -- sqlgate:run-once <reason> when its "
                    "columns or signature change)"
          : blocker->starts_with("the default of")
              ? "set " + *blocker + " with ALTER COLUMN ... SET DEFAULT after " + c->statement +
                    " (a second run sets it again), or write"
                    " CREATE OR REPLACE " +
                    c->statement.substr(7) + " without the DROP when the definition allows it"
              : "drop " + *blocker + " (IF EXISTS) before the DROP of " + c->object +
                    ", or write CREATE OR REPLACE " + c->statement.substr(7) +
                    " without the DROP when the definition allows it");
      continue;
    }
    bool available = scope.pg_version() >= c->since;
    std::optional<lint::Edit> edit;
    StatementTokens tokens(scope.file(), *statement);
    if (available && tokens.is(0, "CREATE") && !tokens.is(1, "OR")) {
      edit = insert_before(tokens[1], "OR REPLACE ");
    }
    std::string help;
    if (available) {
      help = "write " +
             (edit ? rewritten_head(scope.file(), *statement, *edit)
                   : "CREATE OR REPLACE " + c->statement.substr(7)) +
             ": the second run replaces it with the same definition";
    } else {
      help = "PostgreSQL " + std::to_string(scope.pg_version()) + " has no CREATE OR REPLACE " +
             c->statement.substr(7) + " (it came in " + std::to_string(c->since) + "): " + c->older;
    }
    auto finding = scope.report(*statement, statement->range,
                                c->statement + " " + c->object + " fails " + std::string(k_again) +
                                    ": the " + c->noun + " already exists",
                                std::move(help));
    if (edit) {
      FileScope::fix(finding, *statement, "Add OR REPLACE", std::vector<lint::Edit>{*edit},
                     c->safe);
    }
  }
}

}  // namespace

lint::Rule require_or_replace() {
  return lint::Rule{
      .info = {.id = "require-or-replace",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "CREATE VIEW, FUNCTION, TRIGGER, ... without OR REPLACE fails when the "
                          "migration runs again",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
