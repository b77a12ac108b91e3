// invalid-ddl: a relation named as of another kind than it is. Tables, views, materialized
// views, indexes, sequences and foreign tables share one namespace: PostgreSQL finds the relation
// by its name, then refuses the statement when its kind is not the one written ("\"v\" is not a
// table"), or when the command is not one of that kind's ("ALTER action ADD COLUMN cannot be
// performed on relation \"v\""). Each message is PostgreSQL 15's (SQLSTATE 42809).
#include "rules/safety/relation_kinds.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/objects.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules {

namespace {

using lint::Node;
using lint::ObjectKind;

// The relation kind a statement's object type names; nothing for other objects.
std::optional<ObjectKind> written_kind(std::string_view object_type) {
  static constexpr std::pair<std::string_view, ObjectKind> k_kinds[] = {
      {"OBJECT_TABLE", ObjectKind::table},
      {"OBJECT_VIEW", ObjectKind::view},
      {"OBJECT_MATVIEW", ObjectKind::materialized_view},
      {"OBJECT_SEQUENCE", ObjectKind::sequence},
      {"OBJECT_INDEX", ObjectKind::index},
      {"OBJECT_FOREIGN_TABLE", ObjectKind::foreign_table},
  };
  for (const auto& [type, kind] : k_kinds) {
    if (type == object_type) return kind;
  }
  return std::nullopt;
}

std::string article(ObjectKind kind) {
  return kind == ObjectKind::index ? "an " : "a ";
}

// The relation the statement names, when the migrations made it: its kind, its name in
// PostgreSQL's messages and who made it.
struct Found {
  ObjectKind kind;
  std::string name;     // "daily_revenue"
  std::string written;  // "reporting.daily_revenue"
  std::string made;     // "materialized view (made by ...)"
};
// The kind of relation the last statement of the file before `until` that made one of that name
// made (CREATE TABLE, CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW), for a file without a
// replay (linted alone); nothing when none did.
std::optional<ObjectKind> made_in_file(const lint::FileContext& context,
                                       const lint::Statement& until,
                                       const lint::QualifiedName& target) {
  std::optional<ObjectKind> made;
  for (const lint::Statement* earlier : context.file.all_statements()) {
    if (earlier == &until) break;
    const Node& node = earlier->node;
    Node relation;
    ObjectKind kind = ObjectKind::table;
    if (node.is("CreateStmt")) {
      relation = node.get("relation");
    } else if (node.is("ViewStmt")) {
      relation = node.get("view");
      kind = ObjectKind::view;
    } else if (node.is("CreateTableAsStmt") && node.str("objtype") == "OBJECT_MATVIEW") {
      relation = node.get("into").get("rel");
      kind = ObjectKind::materialized_view;
    } else if (node.is("DropStmt")) {
      for (Node object : node.list("objects")) {
        if (object.is("List") && lint::QualifiedName::of(object.list("items")).matches(target)) {
          made.reset();
        }
      }
      continue;
    } else {
      continue;
    }
    if (!lint::QualifiedName::of(lint::relation_name(relation)).matches(target)) continue;
    // CREATE TABLE IF NOT EXISTS (or CREATE MATERIALIZED VIEW) of a name taken: skipped.
    if (!made || !node.flag("if_not_exists")) made = kind;
  }
  return made;
}

std::optional<Found> found(const lint::FileContext& context, const lint::Statement& statement,
                           std::string_view schema, std::string_view name) {
  Found result{ObjectKind::table, lint::truncate_identifier(name), lint::sql_name(schema, name),
               ""};
  lint::ObjectId id = lint::relation_as_written(context, statement, schema, name);
  const lint::Catalog* catalog = context.project.catalog();
  if (id != lint::k_no_object) {
    const lint::CatalogObject& relation = catalog->object(id);
    result.kind = relation.kind();
    result.made = std::string(lint::to_string(result.kind)) + " (made by " +
                  context.project.source(relation.created.file).display + ")";
    return result;
  }
  if (catalog != nullptr && catalog->replay(context.index).replayed) return std::nullopt;
  auto kind =
      made_in_file(context, statement, lint::QualifiedName{std::string(schema), std::string(name)});
  if (!kind) return std::nullopt;
  result.kind = *kind;
  result.made = std::string(lint::to_string(result.kind)) + " (made earlier in the file)";
  return result;
}

void refuse(const lint::Statement& statement, const lint::TextRange& range, const std::string& what,
            const std::string& why, const std::string& message, const std::string& help,
            lint::Reporter& out) {
  if (lint::conditional(statement, lint::condition::wrong_object_type)) return;
  out.report(range,
             what + " fails on its first run: " + why + ", and PostgreSQL refuses it (\"" +
                 message + "\")",
             help);
}

// COMMENT ON <kind> r, ALTER VIEW r ..., ALTER MATERIALIZED VIEW r ... (RENAME, SET SCHEMA,
// OWNER TO, SET (...)): r is of another kind. ALTER TABLE takes any kind for RENAME, SET SCHEMA
// and OWNER TO; RENAME COLUMN of a view or materialized view is taken either way.
struct Mismatch {
  ObjectKind written;
  Found relation;
  std::string what;  // the statement, as the message names it
};
std::optional<Mismatch> kind_mismatch(const lint::FileContext& context,
                                      const lint::Statement& statement) {
  const Node& node = statement.node;
  std::optional<ObjectKind> kind;
  lint::QualifiedName name;
  std::string what;
  if (node.is("CommentStmt")) {
    kind = written_kind(node.str("objtype"));
    if (!kind) return std::nullopt;
    name = lint::QualifiedName::of(node.get("object").list("items"));
    what = "COMMENT ON " + pairing::sql_keyword(*kind) + " " + name.display();
  } else {
    std::string action;
    if (node.is("AlterTableStmt")) {
      kind = written_kind(node.str("objtype"));
    } else if (node.is("RenameStmt")) {
      kind = written_kind(node.str("renameType"));
      action = " RENAME TO " + lint::sql_identifier(node.str("newname"));
    } else if (node.is("AlterObjectSchemaStmt")) {
      kind = written_kind(node.str("objectType"));
      action = " SET SCHEMA " + lint::sql_identifier(node.str("newschema"));
    }
    if (kind != ObjectKind::view && kind != ObjectKind::materialized_view) return std::nullopt;
    name = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    what = "ALTER " + pairing::sql_keyword(*kind) +
           (node.flag("missing_ok") ? " IF EXISTS " : " ") + name.display() + action;
  }
  auto relation = found(context, statement, name.schema, name.name);
  if (!relation || relation->kind == *kind) return std::nullopt;
  return Mismatch{*kind, *relation, what};
}

void report_mismatch(const lint::Statement& statement, const Mismatch& mismatch,
                     lint::Reporter& out) {
  std::string keyword = pairing::sql_keyword(mismatch.written);
  std::string noun = article(mismatch.written) + std::string(lint::to_string(mismatch.written));
  std::string right = mismatch.what;
  right.replace(right.find(keyword), keyword.size(), pairing::sql_keyword(mismatch.relation.kind));
  refuse(statement, statement.range, mismatch.what,
         mismatch.relation.written + " is a " + mismatch.relation.made,
         "\"" + mismatch.relation.name + "\" is not " + noun,
         "name it as what it is: " + right + " (" + keyword + " names only " + noun + ")", out);
}

// The ALTER TABLE commands PostgreSQL refuses on a view, as its message names them (checked on
// PostgreSQL 15). SET DEFAULT, SET (...), OWNER TO, RENAME and SET SCHEMA are a view's too;
// ENABLE / DISABLE TRIGGER, RULE and ROW LEVEL SECURITY are refused_relation_ddl.h's and
// refused_privileges.h's.
std::optional<std::string_view> view_refused_action(std::string_view subtype) {
  static constexpr std::pair<std::string_view, std::string_view> k_actions[] = {
      {"AT_AddColumn", "ADD COLUMN"},
      {"AT_DropColumn", "DROP COLUMN"},
      {"AT_AddConstraint", "ADD CONSTRAINT"},
      {"AT_DropConstraint", "DROP CONSTRAINT"},
      {"AT_ValidateConstraint", "VALIDATE CONSTRAINT"},
      {"AT_SetNotNull", "ALTER COLUMN ... SET NOT NULL"},
      {"AT_DropNotNull", "ALTER COLUMN ... DROP NOT NULL"},
      {"AT_AlterColumnType", "ALTER COLUMN ... SET DATA TYPE"},
      {"AT_SetStatistics", "ALTER COLUMN ... SET STATISTICS"},
      {"AT_SetLogged", "SET LOGGED"},
  };
  for (const auto& [type, action] : k_actions) {
    if (type == subtype) return action;
  }
  return std::nullopt;
}

constexpr std::string_view k_view_help =
    "a view has no storage of its own: make the change on the table it reads (after a rename, "
    "the table's new name)";

void alter_table_of_view(const lint::FileContext& context, const lint::Statement& statement,
                         lint::Reporter& out) {
  lint::RelationName written = lint::relation_name(statement.node.get("relation"));
  auto relation = found(context, statement, written.schema, written.name);
  if (!relation || relation->kind != ObjectKind::view) return;
  std::size_t i = 0;
  for (Node command : statement.node.list("cmds")) {
    std::size_t at = i++;
    auto action = view_refused_action(command.str("subtype"));
    if (!action) continue;
    refuse(statement, lint::alter_command_range(context.file, statement, at),
           "ALTER TABLE " + relation->written + " " + std::string(*action),
           relation->written + " is a " + relation->made,
           "ALTER action " + std::string(*action) + " cannot be performed on relation \"" +
               relation->name + "\": This operation is not supported for views",
           std::string(k_view_help), out);
    return;  // the first refused command fails the statement
  }
}

}  // namespace

bool names_view(const lint::FileContext& context, const lint::Statement& statement,
                const lint::QualifiedName& relation) {
  auto named = found(context, statement, relation.schema, relation.name);
  return named && named->kind == ObjectKind::view;
}

bool names_other_kind(const lint::FileContext& context, const lint::Statement& statement) {
  return kind_mismatch(context, statement).has_value();
}

void check_relation_kinds(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  const Node& node = statement.node;
  if (auto mismatch = kind_mismatch(context, statement)) {
    report_mismatch(statement, *mismatch, out);
    return;
  }
  if (node.is("AlterTableStmt") && written_kind(node.str("objtype")) == ObjectKind::table) {
    alter_table_of_view(context, statement, out);
    return;
  }
  if (!node.is("IndexStmt") && !node.is("TruncateStmt")) return;
  bool index = node.is("IndexStmt");
  std::vector<lint::RelationName> named;
  if (index) {
    named.push_back(lint::relation_name(node.get("relation")));
  } else {
    for (Node relation : node.list("relations")) named.push_back(lint::relation_name(relation));
  }
  for (const lint::RelationName& written : named) {
    auto relation = found(context, statement, written.schema, written.name);
    if (!relation || relation->kind != ObjectKind::view) continue;
    std::string why = relation->written + " is a " + relation->made;
    if (index) {
      refuse(statement, statement.range, "CREATE INDEX on " + relation->written, why,
             "cannot create index on relation \"" + relation->name +
                 "\": This operation is not supported for views",
             std::string(k_view_help), out);
    } else {
      refuse(statement, statement.range, "TRUNCATE " + relation->written, why,
             "\"" + relation->name + "\" is not a table",
             "a view holds no rows: truncate the table it reads (after a rename, the table's new "
             "name)",
             out);
    }
    return;
  }
}

}  // namespace sqlgate::rules
