// invalid-ddl: commands PostgreSQL refuses for what the relation or the type they name is, as the
// migrations before left it. Each message is PostgreSQL 15's.
#include "rules/safety/refused_relation_ddl.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/builtins.h"
#include "lint/catalog.h"
#include "lint/guard.h"
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

// ALTER TABLE t VALIDATE CONSTRAINT c of a primary key, unique or exclusion constraint, or of a
// constraint trigger's: PostgreSQL validates foreign keys and CHECK constraints only (the others
// are never NOT VALID). ALTER TABLE t DROP CONSTRAINT c of a constraint trigger's (CASCADE and IF
// EXISTS too): the trigger needs it, and goes only with DROP TRIGGER (which takes it along).
void constraint_command(const lint::FileContext& context, const lint::Statement& statement,
                        lint::Reporter& out) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  const lint::Catalog& catalog = *context.project.catalog();
  lint::RelationName table = lint::relation_name(statement.node.get("relation"));
  std::string relation = lint::truncate_identifier(table.name);
  std::string altered = "ALTER TABLE " + lint::sql_name(table.schema, table.name);
  std::size_t i = 0;
  for (Node command : statement.node.list("cmds")) {
    std::size_t at = i++;
    std::string_view subtype = command.str("subtype");
    bool drop = subtype == "AT_DropConstraint";
    if (!drop && subtype != "AT_ValidateConstraint" && subtype != "AT_ValidateConstraintRecurse") {
      continue;
    }
    std::string name = lint::truncate_identifier(command.str("name"));
    lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::constraint,
                                              table.schema, name, relation);
    if (id == lint::k_no_object) continue;
    const lint::CatalogObject& constraint = catalog.object(id);
    char type = constraint.contype;
    std::string made = " (made by " + context.project.source(constraint.created.file).display + ")";
    if (drop) {
      if (type != 't' ||
          lint::conditional(statement, lint::condition::dependent_objects_still_exist)) {
        continue;
      }
      std::string trigger = name;
      for (const lint::DependencyEdge& edge : constraint.depends_on) {
        if (catalog.object(edge.object).kind() == lint::ObjectKind::trigger) {
          trigger = catalog.object(edge.object).ref_at(*tick).name;
        }
      }
      refuse(lint::alter_command_range(context.file, statement, at),
             altered + " DROP CONSTRAINT " + name,
             name + " is the constraint of constraint trigger " + trigger + made,
             "cannot drop constraint " + name + " on table " + relation + " because trigger " +
                 trigger + " on table " + relation + " requires it",
             "write DROP TRIGGER " + trigger + " ON " + lint::sql_name(table.schema, table.name) +
                 ", which drops the constraint too",
             out);
      return;  // the first refused command fails the statement
    }
    std::string kind = type == 'p'   ? "a primary key"
                       : type == 'u' ? "a unique constraint"
                       : type == 'x' ? "an exclusion constraint"
                       : type == 't' ? "the constraint of a constraint trigger"
                                     : "";
    if (kind.empty()) continue;
    refuse(lint::alter_command_range(context.file, statement, at),
           altered + " VALIDATE CONSTRAINT " + name, name + " is " + kind + made,
           "constraint \"" + name + "\" of relation \"" + relation +
               "\" is not a foreign key or check constraint",
           type == 't' ? std::string("drop the command: a constraint trigger is never NOT VALID")
                       : "drop the command: the " + kind.substr(kind.find(' ') + 1) +
                             " is valid from its creation (only foreign keys and CHECK "
                             "constraints can be NOT VALID)",
           out);
    return;  // the first refused command fails the statement
  }
}

// The names of a ColumnRef's fields (lower-cased as parsed), "*" for a star.
std::vector<std::string> column_ref_fields(const Node& ref) {
  std::vector<std::string> fields;
  for (Node field : ref.list("fields")) {
    fields.push_back(field.is("A_Star") ? std::string("*") : std::string(field.str("sval")));
  }
  return fields;
}

// Whether a rule's action (or its WHERE clause) reads the pseudo relation `pseudo` ("new" or
// "old") as `pseudo.column` or `pseudo.*`; not judged (false) when the action names a relation or
// an alias of that name itself.
bool uses_pseudo(const Node& tree, std::string_view pseudo) {
  bool used = false;
  bool shadowed = false;
  lint::walk(tree, [&](const Node& node) {
    if (node.is("RangeVar") &&
        (node.str("relname") == pseudo || node.get("alias").str("aliasname") == pseudo)) {
      shadowed = true;
    } else if (node.is("Alias") && node.str("aliasname") == pseudo) {
      shadowed = true;
    } else if (node.is("ColumnRef")) {
      auto fields = column_ref_fields(node);
      if (fields.size() >= 2 && fields[0] == pseudo) used = true;
    }
    return true;
  });
  return used && !shadowed;
}

// The type of a plain column reference (or a cast) in a query over one relation, as the
// migrations before left the column; nothing when not known.
struct Scope {
  lint::RelationName relation;
  std::string alias;
  bool only = true;  // the query reads no other relation
};
std::optional<lint::ColumnType> expression_type(const lint::FileContext& context,
                                                const lint::Statement& statement,
                                                const Node& expression, const Scope& scope,
                                                lint::Tick tick) {
  if (expression.is("TypeCast")) return lint::column_type(expression.get("typeName"));
  if (!expression.is("ColumnRef")) return std::nullopt;
  auto fields = column_ref_fields(expression);
  if (fields.empty() || fields.size() > 2 || fields.back() == "*") return std::nullopt;
  if (fields.size() == 2) {
    const std::string& qualifier = fields[0];
    if (scope.alias.empty() ? qualifier != scope.relation.name : qualifier != scope.alias) {
      return std::nullopt;
    }
  } else if (!scope.only) {
    return std::nullopt;
  }
  lint::ObjectId column = lint::find_as_written(
      context, statement, lint::ObjectKind::column, scope.relation.schema,
      lint::truncate_identifier(fields.back()), lint::truncate_identifier(scope.relation.name));
  if (column == lint::k_no_object) return std::nullopt;
  return lint::column_type_before(context.project, *context.project.catalog(), column, tick);
}

// A view's columns, as the last CREATE [OR REPLACE] VIEW before the tick made them: their names
// and, when known, types. Nothing when the view is unknown or its select list has a star.
struct ViewColumn {
  std::string name;
  std::optional<lint::ColumnType> type;
};
std::optional<std::vector<ViewColumn>> view_columns(const lint::FileContext& context,
                                                    const lint::Statement& statement,
                                                    const lint::RelationName& view,
                                                    lint::Tick tick) {
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::view, view.schema, view.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& object = context.project.catalog()->object(id);
  const lint::Statement* defined = nullptr;
  std::vector<lint::Origin> origins{object.created};
  origins.insert(origins.end(), object.changed.begin(), object.changed.end());
  for (const lint::Origin& origin : origins) {
    if (origin.tick >= tick) break;
    const lint::Statement* made = lint::statement_at(context.project, origin);
    if (made != nullptr && made->node.is("ViewStmt")) defined = made;
  }
  if (defined == nullptr) return std::nullopt;
  Node query = defined->node.get("query");
  if (!query.is("SelectStmt") || query.has("larg")) return std::nullopt;
  Scope scope;
  lint::NodeList from = query.list("fromClause");
  if (from.size() == 1 && from[0].is("RangeVar")) {
    scope.relation = lint::relation_name(from[0]);
    scope.alias = from[0].get("alias").str("aliasname");
  } else {
    scope.only = false;
  }
  std::vector<ViewColumn> columns;
  for (Node target : query.list("targetList")) {
    Node value = target.get("val");
    if (value.is("ColumnRef") && column_ref_fields(value).back() == "*") return std::nullopt;
    ViewColumn column;
    if (target.has("name")) {
      column.name = target.str("name");
    } else if (value.is("ColumnRef")) {
      column.name = column_ref_fields(value).back();
    }
    // Resolved as of the rule: PostgreSQL refuses to change the type of a column a view reads.
    if (scope.only || value.is("TypeCast")) {
      column.type = expression_type(context, statement, value, scope, tick);
    }
    columns.push_back(std::move(column));
  }
  std::size_t i = 0;
  for (Node alias : defined->node.list("aliases")) {
    if (i < columns.size()) columns[i].name = alias.str("sval");
    ++i;
  }
  return columns;
}

// A RETURNING entry that PostgreSQL finds of another type, or size, than the view's column; the
// reason, or nothing.
std::optional<std::string> returning_mismatch(const lint::ColumnType& entry,
                                              const lint::ColumnType& column, std::size_t n,
                                              const std::string& name) {
  if (!entry.schema.empty() || !column.schema.empty()) return std::nullopt;
  if (entry.name != column.name || entry.array != column.array) {
    return "RETURNING list's entry " + std::to_string(n) + " has different type from column \"" +
           name + "\"";
  }
  if (entry.modifiers_known && column.modifiers_known && !entry.modifiers.empty() &&
      !column.modifiers.empty() && entry.modifiers != column.modifiers) {
    return "RETURNING list's entry " + std::to_string(n) + " has different size from column \"" +
           name + "\"";
  }
  return std::nullopt;
}

// CREATE RULE: what PostgreSQL 15 refuses of its actions, in its order: the WHERE clause or an
// action reading NEW in an ON DELETE rule (OLD in an ON INSERT one), a RETURNING list in a rule
// that is not INSTEAD or has a WHERE clause, two RETURNING lists, a RETURNING list that does not
// match the view's columns.
std::optional<std::pair<std::string, std::string>> refused_rule(const lint::FileContext& context,
                                                                const lint::Statement& statement) {
  const Node& node = statement.node;
  std::string_view event = node.str("event");
  std::string_view pseudo = event == "CMD_DELETE" ? "new" : event == "CMD_INSERT" ? "old" : "";
  std::string event_name = event == "CMD_DELETE" ? "DELETE" : "INSERT";
  std::string upper = pseudo == "new" ? "NEW" : "OLD";
  if (!pseudo.empty() && uses_pseudo(node.get("whereClause"), pseudo)) {
    return std::pair{
        "its WHERE clause reads " + upper + ", which an ON " + event_name + " rule has not",
        "invalid reference to FROM-clause entry for table \"" + std::string(pseudo) + "\""};
  }
  lint::NodeList actions = node.list("actions");
  for (Node action : actions) {
    if (!pseudo.empty() && uses_pseudo(action, pseudo)) {
      return std::pair{"an action reads " + upper + ", which an ON " + event_name + " rule has not",
                       "ON " + event_name + " rule cannot use " + upper};
    }
  }
  if (event == "CMD_SELECT") return std::nullopt;
  bool returning = false;
  for (Node action : actions) {
    lint::NodeList list = action.list("returningList");
    if (list.empty()) continue;
    if (returning) {
      return std::pair{std::string("two of its actions have a RETURNING list"),
                       std::string("cannot have multiple RETURNING lists in a rule")};
    }
    returning = true;
    if (node.has("whereClause")) {
      return std::pair{std::string("it has a WHERE clause and a RETURNING list"),
                       std::string("RETURNING lists are not supported in conditional rules")};
    }
    if (!node.flag("instead")) {
      return std::pair{std::string("it is not DO INSTEAD and has a RETURNING list"),
                       std::string("RETURNING lists are not supported in non-INSTEAD rules")};
    }
    auto tick = lint::tick_before(context, statement);
    if (!tick) continue;
    lint::RelationName view = lint::relation_name(node.get("relation"));
    auto columns = view_columns(context, statement, view, *tick);
    if (!columns) continue;
    std::size_t entries = 0;
    bool star = false;
    for (Node target : list) {
      Node value = target.get("val");
      if (value.is("ColumnRef") && column_ref_fields(value).back() == "*") star = true;
      ++entries;
    }
    if (star) continue;
    std::string shown = lint::sql_name(view.schema, view.name);
    if (entries != columns->size()) {
      return std::pair{"its RETURNING list has " + std::to_string(entries) + " entries and view " +
                           shown + " has " + std::to_string(columns->size()) + " columns",
                       entries < columns->size()
                           ? std::string("RETURNING list has too few entries")
                           : std::string("RETURNING list has too many entries")};
    }
    Scope scope;
    scope.relation = lint::relation_name(action.get("relation"));
    scope.alias = action.get("relation").get("alias").str("aliasname");
    scope.only = action.list("fromClause").empty() && action.list("usingClause").empty();
    for (std::size_t i = 0; i < entries; ++i) {
      const ViewColumn& column = (*columns)[i];
      if (!column.type) continue;
      auto type = expression_type(context, statement, list[i].get("val"), scope, *tick);
      if (!type) continue;
      if (auto mismatch = returning_mismatch(*type, *column.type, i + 1, column.name)) {
        return std::pair{"its RETURNING entry " + std::to_string(i + 1) + " is of type " +
                             type->display() + " and column " + column.name + " of view " + shown +
                             " of type " + column.type->display(),
                         *mismatch};
      }
    }
  }
  return std::nullopt;
}

// What to write instead, for each of PostgreSQL's messages refused_rule gives.
std::string rule_help(std::string_view message) {
  if (message.starts_with("ON ") || message.starts_with("invalid reference")) {
    return "an ON INSERT rule has only NEW, an ON DELETE rule only OLD (an ON UPDATE rule both)";
  }
  if (message.find("non-INSTEAD") != std::string_view::npos) {
    return "make the rule DO INSTEAD, or leave out the RETURNING list";
  }
  if (message.find("conditional") != std::string_view::npos) {
    return "leave out the rule's WHERE clause (test the condition in the action's own WHERE) or "
           "the RETURNING list";
  }
  if (message.find("multiple") != std::string_view::npos) {
    return "give a RETURNING list in one action only";
  }
  return "return the view's columns, in their order and each of its column's type (cast an entry "
         "to it: RETURNING id, sku::text, ...)";
}

// A pg_catalog type as PostgreSQL's messages name it (format_type).
std::string formatted_type(const std::string& name) {
  static constexpr std::pair<std::string_view, std::string_view> k_names[] = {
      {"int2", "smallint"},
      {"int4", "integer"},
      {"int8", "bigint"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"bool", "boolean"},
      {"varchar", "character varying"},
      {"bpchar", "character"},
      {"varbit", "bit varying"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"time", "time without time zone"},
      {"timetz", "time with time zone"},
  };
  for (const auto& [internal, shown] : k_names) {
    if (internal == name) return std::string(shown);
  }
  return name;
}

// CREATE TABLE t OF x, ALTER TABLE t OF x of a type pg_catalog has, written without a schema (or
// with pg_catalog): PostgreSQL searches pg_catalog first, so a CREATE TYPE of the same name in
// another schema (a composite money) is not reached, and no type of pg_catalog is a stand-alone
// composite one. OF takes the type's name as pg_type has it (int4; int is no type there).
void of_builtin_type(const lint::FileContext& context, const lint::Statement& statement,
                     const Node& type_name, const std::string& what, const lint::TextRange& range,
                     lint::Reporter& out) {
  lint::NodeList names = type_name.list("names");
  if (names.empty() || names.size() > 2 || type_name.has("arrayBounds")) return;
  if (names.size() == 2 && names[0].str("sval") != "pg_catalog") return;
  std::string written(names.back().str("sval"));
  lint::ColumnType type = lint::column_type(type_name);
  if (!lint::is_builtin_type_name(written) || lint::is_serial(type)) return;
  lint::ObjectId own =
      names.size() == 1
          ? lint::find_as_written(context, statement, lint::ObjectKind::type, "public", written)
          : lint::k_no_object;
  std::string why = written + " is pg_catalog's type";
  if (own != lint::k_no_object) {
    why += ", which PostgreSQL finds before the composite type public." + written +
           " of the migrations";
  } else if (names.size() == 1) {
    why += ", which PostgreSQL finds before the schemas of the search path";
  }
  refuse(range, what, why, "type " + formatted_type(written) + " is not a composite type",
         own != lint::k_no_object
             ? "name the composite type with its schema (OF public." + written +
                   "), or give it a name pg_catalog has not"
             : "OF takes a composite type (CREATE TYPE ... AS (...)); for a column of type " +
                   written + " write CREATE TABLE ... (col " + written + ")",
         out);
}

}  // namespace

void check_refused_relation_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out) {
  const Node& node = statement.node;
  if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TYPE") {
    check_alter_type(context, statement, out);
  } else if (node.is("AlterTableStmt")) {
    trigger_or_rule_switch(context, statement, out);
    constraint_command(context, statement, out);
    std::size_t i = 0;
    for (Node command : node.list("cmds")) {
      std::size_t at = i++;
      if (command.str("subtype") != "AT_AddOf") continue;
      lint::RelationName table = lint::relation_name(node.get("relation"));
      of_builtin_type(context, statement, command.get("def"),
                      "ALTER TABLE " + lint::sql_name(table.schema, table.name) + " OF " +
                          std::string(command.get("def").list("names").back().str("sval")),
                      lint::alter_command_range(context.file, statement, at), out);
    }
  } else if (node.is("CreateStmt") && node.has("ofTypename")) {
    lint::RelationName table = lint::relation_name(node.get("relation"));
    // IF NOT EXISTS of a table there already: PostgreSQL skips it before it looks at the type.
    if (lint::find_as_written(context, statement, lint::ObjectKind::table, table.schema,
                              table.name) == lint::k_no_object) {
      of_builtin_type(context, statement, node.get("ofTypename"),
                      "CREATE TABLE " + lint::sql_name(table.schema, table.name) + " OF " +
                          std::string(node.get("ofTypename").list("names").back().str("sval")),
                      statement.range, out);
    }
  } else if (node.is("RuleStmt")) {
    if (auto refused = refused_rule(context, statement)) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      refuse(statement.range,
             "CREATE RULE " + std::string(node.str("rulename")) + " ON " +
                 lint::sql_name(relation.schema, relation.name),
             refused->first, refused->second, rule_help(refused->second), out);
    }
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
