// invalid-ddl: DDL that PostgreSQL refuses on its first run, as the migrations before it left the
// schema: SET LOGGED of a table with a foreign key to an unlogged table, SET UNLOGGED of a table a
// logged table's foreign key references. Each message is PostgreSQL 15's.
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// The migration file that made an object, as reports name it.
std::string made_in(const lint::FileContext& context, const lint::Origin& origin) {
  return context.project.source(origin.file).display;
}

// The table's persistence before a tick: 'p' (logged) or 'u' (unlogged), as its CREATE TABLE and
// every SET LOGGED / SET UNLOGGED since left it; nothing when another statement made it.
std::optional<char> persistence(const lint::FileContext& context, const lint::CatalogObject& table,
                                lint::Tick tick) {
  const lint::Statement* made = lint::statement_at(context.project, table.created);
  if (made == nullptr || !made->node.is("CreateStmt")) return std::nullopt;
  std::string_view given = made->node.get("relation").str("relpersistence");
  if (given != "p" && given != "u") return std::nullopt;
  char now = given[0];
  for (const lint::Origin& change : table.changed) {
    if (change.tick >= tick) continue;
    const lint::Statement* alter = lint::statement_at(context.project, change);
    if (alter == nullptr || !alter->node.is("AlterTableStmt")) continue;
    for (Node command : alter->node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      if (subtype == "AT_SetLogged") now = 'p';
      if (subtype == "AT_SetUnLogged") now = 'u';
    }
  }
  return now;
}

struct Refusal {
  std::string what;     // what the statement does, for the message
  std::string why;      // what in the schema makes PostgreSQL refuse it
  std::string message;  // PostgreSQL's
  std::string help;
};

// SET LOGGED of a table with a foreign key to an unlogged table; SET UNLOGGED of a table that a
// logged table's foreign key references. A table's references to itself do not count.
std::optional<Refusal> persistence_change(const lint::FileContext& context,
                                          const lint::Statement& statement, bool logged) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                            relation.schema, relation.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& table = catalog.object(id);
  std::string name = table.ref_at(*tick).name;
  auto other_table = [&](lint::ObjectId other) -> std::optional<Refusal> {
    if (other == id || other == lint::k_no_object) return std::nullopt;
    const lint::CatalogObject& object = catalog.object(other);
    if (object.kind() != lint::ObjectKind::table || !object.alive_at(*tick)) return std::nullopt;
    auto kept = persistence(context, object, *tick);
    if (!kept || (*kept == 'p') == logged) return std::nullopt;
    std::string them = object.ref_at(*tick).name;
    std::string where = " (made by " + made_in(context, object.created) + ")";
    if (logged) {
      return Refusal{"SET LOGGED of " + name,
                     "it has a foreign key to unlogged table " + them + where,
                     "could not change table \"" + name +
                         "\" to logged because it references unlogged table \"" + them + "\"",
                     "SET LOGGED " + them + " first, or drop the foreign key"};
    }
    return Refusal{"SET UNLOGGED of " + name,
                   "logged table " + them + where + " has a foreign key to it",
                   "could not change table \"" + name +
                       "\" to unlogged because it references logged table \"" + them + "\"",
                   "SET UNLOGGED " + them + " first, or drop its foreign key"};
  };
  for (lint::ObjectId child : table.children) {
    const lint::CatalogObject& constraint = catalog.object(child);
    if (constraint.kind() != lint::ObjectKind::constraint || constraint.contype != 'f') continue;
    if (!constraint.alive_at(*tick)) continue;
    // Ours: the table it references.
    if (!logged) continue;
    for (const lint::DependencyEdge& edge : constraint.depends_on) {
      if (auto refusal = other_table(edge.object)) return refusal;
    }
  }
  if (logged) return std::nullopt;
  for (const lint::DependencyEdge& edge : table.dependents) {
    const lint::CatalogObject& constraint = catalog.object(edge.object);
    if (constraint.kind() != lint::ObjectKind::constraint || constraint.contype != 'f') continue;
    if (!constraint.alive_at(*tick) || !edge.alive_at(*tick)) continue;
    if (auto refusal = other_table(constraint.parent)) return refusal;
  }
  return std::nullopt;
}

void check_alter_table(const lint::FileContext& context, const lint::Statement& statement,
                       lint::Reporter& out) {
  std::size_t i = 0;
  for (Node command : statement.node.list("cmds")) {
    std::size_t at = i++;
    std::string_view subtype = command.str("subtype");
    std::optional<Refusal> refusal;
    if (subtype == "AT_SetLogged" || subtype == "AT_SetUnLogged") {
      refusal = persistence_change(context, statement, subtype == "AT_SetLogged");
    }
    if (!refusal) continue;
    out.report(lint::alter_command_range(context.file, statement, at),
               refusal->what + " fails on its first run: " + refusal->why +
                   ", and PostgreSQL refuses it (\"" + refusal->message + "\")",
               refusal->help);
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.project.catalog() == nullptr) return;
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (node.is("AlterTableStmt")) check_alter_table(context, *statement, out);
  }
}

}  // namespace

lint::Rule invalid_ddl() {
  return {.info = {.id = "invalid-ddl",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DDL that PostgreSQL refuses on its first run, as the migrations "
                              "before left the schema: SET LOGGED of a table that references an "
                              "unlogged one"},
          .check_file = check};
}

}  // namespace sqlgate::rules
