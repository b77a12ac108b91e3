// invalid-ddl: commands PostgreSQL refuses for what the relation or the type they name is, as the
// migrations before left it. Each message is PostgreSQL 15's.
#include "rules/safety/refused_relation_ddl.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

void refuse(const lint::TextRange& range, const std::string& what, const std::string& why,
            const std::string& message, const std::string& help, lint::Reporter& out) {
  out.report(range,
             what + " fails on its first run: " + why + ", and PostgreSQL refuses it (\"" +
                 message + "\")",
             help);
}

// Whether the table's last ALTER TABLE ... OF / NOT OF before the tick was NOT OF.
bool untyped_since(const lint::FileContext& context, const lint::CatalogObject& table,
                   lint::Tick tick) {
  bool untyped = false;
  for (const lint::Origin& origin : table.changed) {
    if (origin.tick >= tick) continue;
    const lint::Statement* altered = lint::statement_at(context.project, origin);
    if (altered == nullptr || !altered->node.is("AlterTableStmt")) continue;
    for (Node command : altered->node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      if (subtype == "AT_DropOf") untyped = true;
      if (subtype == "AT_AddOf") untyped = false;
    }
  }
  return untyped;
}

// A table made with CREATE TABLE ... OF the type (and not NOT OF since): its name, or nothing.
std::optional<std::string> typed_table_of(const lint::FileContext& context, lint::ObjectId type,
                                          lint::Tick tick) {
  const lint::Catalog& catalog = *context.project.catalog();
  for (const lint::DependencyEdge& edge : catalog.object(type).dependents) {
    if (!edge.alive_at(tick) || edge.source != lint::DependencySource::definition) continue;
    const lint::CatalogObject& user = catalog.object(edge.object);
    if (!user.alive_at(tick) || user.kind() != lint::ObjectKind::table) continue;
    if (untyped_since(context, user, tick)) continue;
    return user.ref_at(tick).name;
  }
  return std::nullopt;
}

// ALTER TYPE t ADD | DROP | ALTER | RENAME ATTRIBUTE without CASCADE while a typed table has the
// type: PostgreSQL refuses it before it looks at the attribute.
void typed_table_attribute(const lint::FileContext& context, const lint::Statement& statement,
                           const Node& type_name, const std::string& what,
                           const lint::TextRange& range, lint::Reporter& out) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  lint::RelationName written = lint::relation_name(type_name);
  lint::ObjectId type = lint::find_as_written(context, statement, lint::ObjectKind::type,
                                              written.schema, written.name);
  if (type == lint::k_no_object) return;
  auto table = typed_table_of(context, type, *tick);
  if (!table) return;
  std::string name = context.project.catalog()->object(type).ref_at(*tick).name;
  refuse(range, what, "table " + *table + " is a typed table of " + name + " (CREATE TABLE ... OF)",
         "cannot alter type \"" + name + "\" because it is the type of a typed table",
         "add CASCADE to the command, which alters " + *table + " with the type", out);
}

void check_alter_type(const lint::FileContext& context, const lint::Statement& statement,
                      lint::Reporter& out) {
  const Node& node = statement.node;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  std::string type = lint::sql_name(written.schema, written.name);
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    if (command.str("behavior") == "DROP_CASCADE") continue;
    std::string_view subtype = command.str("subtype");
    std::string what = "ALTER TYPE " + type;
    if (subtype == "AT_AddColumn") {
      what += " ADD ATTRIBUTE ";
      what += command.get("def").str("colname");
    } else if (subtype == "AT_DropColumn") {
      what += " DROP ATTRIBUTE ";
      what += command.str("name");
    } else if (subtype == "AT_AlterColumnType") {
      what += " ALTER ATTRIBUTE ";
      what += command.str("name");
    } else {
      continue;
    }
    typed_table_attribute(context, statement, node.get("relation"), what,
                          lint::alter_command_range(context.file, statement, at), out);
    return;  // the first refused command fails the statement
  }
}

// The action an ALTER TABLE command that enables or disables a trigger or a rule names in
// PostgreSQL's message, and whether it is a rule's; nothing for other commands.
std::optional<std::pair<std::string_view, bool>> trigger_or_rule_action(std::string_view subtype) {
  static constexpr std::pair<std::string_view, std::string_view> k_actions[] = {
      {"AT_EnableTrig", "ENABLE TRIGGER"},
      {"AT_EnableAlwaysTrig", "ENABLE ALWAYS TRIGGER"},
      {"AT_EnableReplicaTrig", "ENABLE REPLICA TRIGGER"},
      {"AT_DisableTrig", "DISABLE TRIGGER"},
      {"AT_EnableTrigAll", "ENABLE TRIGGER ALL"},
      {"AT_DisableTrigAll", "DISABLE TRIGGER ALL"},
      {"AT_EnableTrigUser", "ENABLE TRIGGER USER"},
      {"AT_DisableTrigUser", "DISABLE TRIGGER USER"},
      {"AT_EnableRule", "ENABLE RULE"},
      {"AT_EnableAlwaysRule", "ENABLE ALWAYS RULE"},
      {"AT_EnableReplicaRule", "ENABLE REPLICA RULE"},
      {"AT_DisableRule", "DISABLE RULE"},
  };
  for (const auto& [name, action] : k_actions) {
    if (name == subtype) return std::pair{action, subtype.ends_with("Rule")};
  }
  return std::nullopt;
}

// ALTER TABLE (or ALTER VIEW ...) r ENABLE | DISABLE TRIGGER | RULE ... of a relation that is not
// a table: PostgreSQL enables and disables triggers of tables, partitioned tables and foreign
// tables only, and rules of tables and partitioned tables only (a view's INSTEAD OF triggers and
// rules stay on until dropped).
void trigger_or_rule_switch(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  const Node& node = statement.node;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    auto action = trigger_or_rule_action(command.str("subtype"));
    if (!action) continue;
    struct Kind {
      lint::ObjectKind kind;
      std::string_view noun;  // as PostgreSQL's detail names it
      bool triggers_too;      // triggers are refused as well as rules
    };
    static constexpr Kind k_kinds[] = {
        {lint::ObjectKind::view, "views", true},
        {lint::ObjectKind::materialized_view, "materialized views", true},
        {lint::ObjectKind::sequence, "sequences", true},
        {lint::ObjectKind::foreign_table, "foreign tables", false},
    };
    for (const Kind& kind : k_kinds) {
      if (!action->second && !kind.triggers_too) continue;
      lint::ObjectId id =
          lint::find_as_written(context, statement, kind.kind, written.schema, written.name);
      if (id == lint::k_no_object) continue;
      const lint::CatalogObject& relation = context.project.catalog()->object(id);
      std::string name = relation.ref_at(*tick).name;
      std::string noun(kind.noun);
      noun.pop_back();
      std::string what = "ALTER TABLE " + lint::sql_name(written.schema, written.name) + " ";
      what += action->first;
      if (command.has("name")) {
        what += ' ';
        what += command.str("name");
      }
      std::string why = name + " is a " + noun + " (made by " +
                        context.project.source(relation.created.file).display + ")";
      std::string message = "ALTER action ";
      message += action->first;
      message += " cannot be performed on relation \"" + name +
                 "\": This operation is not "
                 "supported for ";
      message += kind.noun;
      refuse(lint::alter_command_range(context.file, statement, at), what, why, message,
             action->second ? "a rule of a " + noun +
                                  " cannot be switched off: drop it (DROP RULE) "
                                  "and make it again (CREATE RULE) when it is wanted"
                            : "a trigger of a " + noun +
                                  " cannot be switched off: drop it (DROP "
                                  "TRIGGER) and make it again (CREATE TRIGGER) when it is wanted",
             out);
      return;  // the first refused command fails the statement
    }
  }
}

// ALTER TABLE t VALIDATE CONSTRAINT c of a primary key, unique or exclusion constraint:
// PostgreSQL validates foreign keys and CHECK constraints only (the others are never NOT VALID).
void validate_key(const lint::FileContext& context, const lint::Statement& statement,
                  lint::Reporter& out) {
  if (!lint::tick_before(context, statement)) return;
  lint::RelationName table = lint::relation_name(statement.node.get("relation"));
  std::size_t i = 0;
  for (Node command : statement.node.list("cmds")) {
    std::size_t at = i++;
    std::string_view subtype = command.str("subtype");
    if (subtype != "AT_ValidateConstraint" && subtype != "AT_ValidateConstraintRecurse") continue;
    std::string name = lint::truncate_identifier(command.str("name"));
    lint::ObjectId id =
        lint::find_as_written(context, statement, lint::ObjectKind::constraint, table.schema, name,
                              lint::truncate_identifier(table.name));
    if (id == lint::k_no_object) continue;
    const lint::CatalogObject& constraint = context.project.catalog()->object(id);
    char type = constraint.contype;
    std::string kind = type == 'p'   ? "a primary key"
                       : type == 'u' ? "a unique constraint"
                       : type == 'x' ? "an exclusion constraint"
                                     : "";
    if (kind.empty()) continue;
    refuse(
        lint::alter_command_range(context.file, statement, at),
        "ALTER TABLE " + lint::sql_name(table.schema, table.name) + " VALIDATE CONSTRAINT " + name,
        name + " is " + kind + " (made by " +
            context.project.source(constraint.created.file).display + ")",
        "constraint \"" + name + "\" of relation \"" + lint::truncate_identifier(table.name) +
            "\" is not a foreign key or check constraint",
        "drop the command: the " + kind.substr(kind.find(' ') + 1) +
            " is valid from its creation (only foreign keys and CHECK constraints can be NOT "
            "VALID)",
        out);
    return;  // the first refused command fails the statement
  }
}
}  // namespace

void check_refused_relation_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out) {
  const Node& node = statement.node;
  if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TYPE") {
    check_alter_type(context, statement, out);
  } else if (node.is("AlterTableStmt")) {
    trigger_or_rule_switch(context, statement, out);
    validate_key(context, statement, out);
  } else if (node.is("RenameStmt") && node.str("renameType") == "OBJECT_ATTRIBUTE" &&
             node.str("behavior") != "DROP_CASCADE") {
    lint::RelationName written = lint::relation_name(node.get("relation"));
    typed_table_attribute(context, statement, node.get("relation"),
                          "ALTER TYPE " + lint::sql_name(written.schema, written.name) +
                              " RENAME ATTRIBUTE " + std::string(node.str("subname")),
                          statement.range, out);
  }
}

}  // namespace sqlgate::rules
