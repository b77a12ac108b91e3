// invalid-ddl: a subquery in an expression PostgreSQL computes for one row, or stores, without a
// query around it. Its parse analysis refuses a SubLink there ("cannot use subquery in ...",
// SQLSTATE 0A000) whatever the schema and the data, so the statement fails on every run. Each
// message is PostgreSQL 15's.
#include "rules/safety/refused_subqueries.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// Where the expression stands, as PostgreSQL's message names it, and what to write instead.
struct Place {
  std::string_view noun;  // "cannot use subquery in <noun>"
  std::string_view help;
};

constexpr Place k_transform{
    "transform expression",
    "USING may read only the row's own columns: add a column of the new type, fill it with "
    "UPDATE ... FROM the other table, then drop the old column and rename the new one (or call "
    "a function that looks the value up)"};
constexpr Place k_default{"DEFAULT expression",
                          "a default may not read tables: write the value itself, call a "
                          "function that looks it up (DEFAULT f()), or set it in a BEFORE INSERT "
                          "trigger"};
constexpr Place k_check{"check constraint",
                        "a CHECK constraint sees only the row it checks: to keep a column to the "
                        "values of another table, add a foreign key to that table (REFERENCES), "
                        "or list the values (CHECK (x IN ('a', 'b')))"};
constexpr Place k_generated{"column generation expression",
                            "a generated column is computed from its own row only: make it a "
                            "plain column that a trigger keeps up to date, or compute it in a "
                            "view"};
constexpr Place k_index_expression{"index expression",
                                   "an index is computed from each row alone: index the "
                                   "columns, or an immutable function of them"};
constexpr Place k_index_predicate{"index predicate",
                                  "a partial index's WHERE sees only the row: test the row's "
                                  "columns against constants"};
constexpr Place k_partition_key{"partition key expression",
                                "partition by the columns, or an immutable function of them"};
constexpr Place k_partition_bound{"partition bound", "write the bound's values as constants"};
constexpr Place k_statistics{"statistics expression",
                             "name the columns, or an expression of the row's columns"};
constexpr Place k_trigger_when{"trigger WHEN condition",
                               "test the condition inside the trigger's function, which may "
                               "query other tables"};

// An expression to look into, with the place it stands in and how the message names it.
struct Candidate {
  Node expression;
  const Place* place;
  std::string part;  // "the USING expression of column status", ...
  std::optional<std::size_t> command;
};

Node first_subquery(const Node& expression) {
  Node found;
  lint::walk(expression, [&](const Node& node) {
    if (found.valid()) return false;
    if (node.is("SubLink")) found = node;
    return !found.valid();
  });
  return found;
}

std::string of_column(std::string_view what, std::string_view column) {
  return std::string(what) + " of column " + lint::sql_identifier(column);
}

// A table constraint's expressions: a CHECK's, an exclusion constraint's elements and WHERE.
void constraint_candidates(const Node& constraint, std::optional<std::size_t> command,
                           std::vector<Candidate>& out) {
  std::string_view type = constraint.str("contype");
  std::string name;
  if (constraint.has("conname")) {
    name += ' ';
    name += lint::sql_identifier(constraint.str("conname"));
  }
  if (type == "CONSTR_CHECK") {
    out.push_back({constraint.get("raw_expr"), &k_check, "the CHECK constraint" + name, command});
  } else if (type == "CONSTR_EXCLUSION") {
    out.push_back({constraint.get("exclusions"), &k_index_expression,
                   "an element of the exclusion constraint" + name, command});
    out.push_back({constraint.get("where_clause"), &k_index_predicate,
                   "the WHERE of the exclusion constraint" + name, command});
  }
}

// A column definition's DEFAULT, CHECK and generation expression.
void column_candidates(const Node& column, std::optional<std::size_t> command,
                       std::vector<Candidate>& out) {
  std::string_view name = column.str("colname");
  for (Node constraint : column.list("constraints")) {
    std::string_view type = constraint.str("contype");
    if (type == "CONSTR_DEFAULT") {
      out.push_back(
          {constraint.get("raw_expr"), &k_default, of_column("the default", name), command});
    } else if (type == "CONSTR_GENERATED") {
      out.push_back({constraint.get("raw_expr"), &k_generated,
                     of_column("the generation expression", name), command});
    } else if (type == "CONSTR_CHECK") {
      out.push_back(
          {constraint.get("raw_expr"), &k_check, of_column("the CHECK constraint", name), command});
    }
  }
}

void partition_bound_candidates(const Node& bound, std::optional<std::size_t> command,
                                std::vector<Candidate>& out) {
  for (std::string_view field : {"listdatums", "lowerdatums", "upperdatums"}) {
    out.push_back({bound.get(field), &k_partition_bound, "the partition bound", command});
  }
}

// Whether ALTER TABLE ... ADD COLUMN IF NOT EXISTS names a column the table has: PostgreSQL skips
// it before it reads the column's expressions.
bool skipped_column(const lint::FileContext& context, const lint::Statement& statement,
                    const Node& command) {
  if (!command.flag("missing_ok")) return false;
  lint::RelationName table = lint::relation_name(statement.node.get("relation"));
  return lint::find_as_written(context, statement, lint::ObjectKind::column, table.schema,
                               command.get("def").str("colname"), table.name) != lint::k_no_object;
}

// The expressions of the statement PostgreSQL refuses a subquery in, in the order it reads them,
// and what the statement is for the message. Nothing when the statement is skipped before they
// are read (IF NOT EXISTS of an object there already, IF EXISTS of one not there).
std::vector<Candidate> candidates(const lint::FileContext& context,
                                  const lint::Statement& statement, std::string& what) {
  const Node& node = statement.node;
  std::vector<Candidate> out;
  if (node.is("AlterTableStmt") && node.str("objtype") != "OBJECT_TYPE") {
    lint::RelationName table = lint::relation_name(node.get("relation"));
    if (node.flag("missing_ok") &&
        lint::find_as_written(context, statement, lint::ObjectKind::table, table.schema,
                              table.name) == lint::k_no_object) {
      return out;
    }
    what = "ALTER TABLE " + lint::sql_name(table.schema, table.name);
    lint::NodeList commands = node.list("cmds");
    // Type changes are prepared, their USING read, before any command runs.
    for (std::size_t at = 0; at < commands.size(); ++at) {
      Node command = commands[at];
      if (command.str("subtype") != "AT_AlterColumnType") continue;
      out.push_back({command.get("def").get("raw_default"), &k_transform,
                     of_column("the USING expression", command.str("name")), at});
    }
    for (std::size_t at = 0; at < commands.size(); ++at) {
      Node command = commands[at];
      std::string_view subtype = command.str("subtype");
      if (subtype == "AT_AddColumn" && !skipped_column(context, statement, command)) {
        column_candidates(command.get("def"), at, out);
      } else if (subtype == "AT_ColumnDefault") {
        out.push_back(
            {command.get("def"), &k_default, of_column("the default", command.str("name")), at});
      } else if (subtype == "AT_AddConstraint") {
        constraint_candidates(command.get("def"), at, out);
      } else if (subtype == "AT_AttachPartition") {
        partition_bound_candidates(command.get("def").get("bound"), at, out);
      }
    }
  } else if (node.is("CreateStmt")) {
    lint::RelationName table = lint::relation_name(node.get("relation"));
    if (node.flag("if_not_exists") &&
        lint::find_as_written(context, statement, lint::ObjectKind::table, table.schema,
                              table.name) != lint::k_no_object) {
      return out;
    }
    what = "CREATE TABLE " + lint::sql_name(table.schema, table.name);
    for (Node param : node.get("partspec").list("partParams")) {
      out.push_back({param.get("expr"), &k_partition_key, "the partition key", std::nullopt});
    }
    partition_bound_candidates(node.get("partbound"), std::nullopt, out);
    for (Node element : node.list("tableElts")) {
      if (element.is("ColumnDef")) column_candidates(element, std::nullopt, out);
      if (element.is("Constraint")) constraint_candidates(element, std::nullopt, out);
    }
  } else if (node.is("IndexStmt")) {
    what = "CREATE INDEX";
    if (node.has("idxname")) {
      what += ' ';
      what += lint::sql_identifier(node.str("idxname"));
    }
    for (Node element : node.list("indexParams")) {
      out.push_back(
          {element.get("expr"), &k_index_expression, "an index expression", std::nullopt});
    }
    out.push_back({node.get("whereClause"), &k_index_predicate, "the index's WHERE", std::nullopt});
  } else if (node.is("CreateDomainStmt") || node.is("AlterDomainStmt")) {
    lint::QualifiedName domain =
        lint::QualifiedName::of(node.list(node.is("CreateDomainStmt") ? "domainname" : "typeName"));
    what = (node.is("CreateDomainStmt") ? "CREATE DOMAIN " : "ALTER DOMAIN ") + domain.display();
    for (Node constraint : node.list("constraints")) {
      std::string_view type = constraint.str("contype");
      if (type == "CONSTR_CHECK") constraint_candidates(constraint, std::nullopt, out);
      if (type == "CONSTR_DEFAULT") {
        out.push_back({constraint.get("raw_expr"), &k_default, "the default", std::nullopt});
      }
    }
    if (node.str("subtype") == "C") constraint_candidates(node.get("def"), std::nullopt, out);
    if (node.str("subtype") == "T") {
      out.push_back({node.get("def"), &k_default, "the default", std::nullopt});
    }
  } else if (node.is("CreateTrigStmt")) {
    what = "CREATE TRIGGER " + lint::sql_identifier(node.str("trigname"));
    out.push_back({node.get("whenClause"), &k_trigger_when, "the WHEN condition", std::nullopt});
  } else if (node.is("CreateStatsStmt")) {
    what = "CREATE STATISTICS";
    if (!node.list("defnames").empty()) {
      what += ' ';
      what += lint::QualifiedName::of(node.list("defnames")).display();
    }
    for (Node element : node.list("exprs")) {
      out.push_back({element.get("expr"), &k_statistics, "a statistics expression", std::nullopt});
    }
  } else if (node.is("CreateFunctionStmt")) {
    lint::QualifiedName function = lint::QualifiedName::of(node.list("funcname"));
    what = std::string(node.flag("is_procedure") ? "CREATE PROCEDURE " : "CREATE FUNCTION ") +
           function.display();
    for (Node parameter : node.list("parameters")) {
      Node argument = parameter.get("FunctionParameter");
      if (!argument.valid()) argument = parameter;
      std::string name = argument.has("name") ? "the default of parameter " +
                                                    lint::sql_identifier(argument.str("name"))
                                              : std::string("a parameter's default");
      out.push_back({argument.get("defexpr"), &k_default, name, std::nullopt});
    }
  }
  return out;
}

// Where PostgreSQL's caret points: the subquery's "(", the IN or EXISTS before it, or the operator
// of an ANY or ALL.
lint::TextRange subquery_range(const lint::FileContext& context, const lint::Statement& statement,
                               const Node& subquery) {
  auto location = subquery.location();
  lint::TextRange range = lint::token_at(context.file, statement, location);
  if (range != statement.range || !location || !statement.exact) return range;
  std::uint32_t begin = statement.offset(location);
  std::string_view text = context.file.text();
  std::uint32_t end = begin;
  if (end < text.size() && text[end] == '(') {
    ++end;
  } else {
    while (end < text.size() &&
           std::string_view("+-*/<>=~!@#%^&|`?").find(text[end]) != std::string_view::npos) {
      ++end;
    }
  }
  if (end > begin) range = lint::TextRange{begin, std::min(end, statement.range.end)};
  return range;
}

}  // namespace

void check_refused_subqueries(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out) {
  // Only a statement with a subquery somewhere can have one where PostgreSQL refuses it: the
  // others need no catalog lookups.
  if (!first_subquery(statement.node).valid()) return;
  std::string what;
  for (const Candidate& candidate : candidates(context, statement, what)) {
    if (!candidate.expression.valid()) continue;
    Node subquery = first_subquery(candidate.expression);
    if (!subquery.valid()) continue;
    if (lint::conditional(statement, lint::condition::feature_not_supported, false)) {
      return;
    }
    std::string message = "cannot use subquery in ";
    message += candidate.place->noun;
    out.report(subquery_range(context, statement, subquery),
               what + " fails on its first run: " + candidate.part +
                   " has a subquery, and PostgreSQL refuses it (\"" + message + "\")",
               std::string(candidate.place->help));
    return;  // the first refused expression fails the statement
  }
}

}  // namespace sqlgate::rules
