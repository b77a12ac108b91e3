// invalid-ddl: an exclusion constraint with an operator that is not its own commutator. Every
// built-in operator of these names is not (PostgreSQL 15's pg_operator: <@ and @>, < and >, <=
// and >=, << and >> are each other's commutators; &< and &> have none), and PostgreSQL checks it
// before whether the operator class has the operator. Each message is PostgreSQL 15's.
#include "rules/safety/exclusion_operators.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

constexpr std::string_view k_not_commutative[] = {
    "<@", "@>", "<", ">", "<=", ">=", "<<", ">>", "&<", "&>"};

// The first operator of an exclusion constraint that is not commutative: a built-in name, written
// without a schema or with pg_catalog's. Empty when there is none.
std::string non_commutative(const Node& constraint) {
  if (constraint.str("contype") != "CONSTR_EXCLUSION") return {};
  for (const lint::ExclusionElement& element : lint::exclusion_elements(constraint)) {
    if (element.op.empty()) continue;
    if (element.op.size() > 1 && element.op[0].as_str() != "pg_catalog") continue;
    std::string_view name = element.op[element.op.size() - 1].as_str();
    if (std::find(std::begin(k_not_commutative), std::end(k_not_commutative), name) !=
        std::end(k_not_commutative)) {
      return std::string(name);
    }
  }
  return {};
}

std::string help(const std::string& op) {
  if (op == "<@" || op == "@>") {
    return "write WITH && to refuse overlapping values (nested ones overlap too); to refuse only "
           "containment, check it in a trigger";
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    return "an exclusion constraint compares every two rows both ways: use =, <> or && (a range "
           "of the values), or check the order in a trigger";
  }
  return "use a commutative operator (=, <>, &&, -|-), or check the condition in a trigger";
}

void report(const lint::TextRange& range, const std::string& what, const std::string& op,
            lint::Reporter& out) {
  out.report(range,
             what + " fails whenever it runs: its exclusion constraint compares with " + op +
                 ", which is not commutative (a " + op + " b is not b " + op +
                 " a), and PostgreSQL refuses it (\"Only commutative operators can be used in "
                 "exclusion constraints.\")",
             help(op));
}

}  // namespace

void check_exclusion_operators(const lint::FileContext& context, const lint::Statement& statement,
                               lint::Reporter& out) {
  const Node& node = statement.node;
  if (!node.is("CreateStmt") && !node.is("AlterTableStmt")) return;
  if (lint::conditional(statement, lint::condition::wrong_object_type, false)) return;
  // A partitioned table takes no exclusion constraint before PostgreSQL 17, which it checks
  // first (partitioned_constraints.h).
  bool partitioned = node.is("CreateStmt") ? node.has("partspec")
                                           : partitioned_table_of(context, statement).has_value();
  if (partitioned && context.pg_version() < 17) return;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  std::string table = lint::sql_name(written.schema, written.name);
  if (node.is("CreateStmt")) {
    // IF NOT EXISTS of a table there already: PostgreSQL skips it before it reads the constraint.
    if (node.flag("if_not_exists") &&
        lint::find_as_written(context, statement, lint::ObjectKind::table, written.schema,
                              written.name) != lint::k_no_object) {
      return;
    }
    for (Node element : node.list("tableElts")) {
      std::string op = element.is("Constraint") ? non_commutative(element) : std::string();
      if (op.empty()) continue;
      report(statement.range, "CREATE TABLE " + table, op, out);
      return;
    }
    return;
  }
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    if (command.str("subtype") != "AT_AddConstraint") continue;
    std::string op = non_commutative(command.get("def"));
    if (op.empty()) continue;
    report(lint::alter_command_range(context.file, statement, at),
           "ALTER TABLE " + table + " ADD ... EXCLUDE", op, out);
    return;
  }
}

}  // namespace sqlgate::rules
