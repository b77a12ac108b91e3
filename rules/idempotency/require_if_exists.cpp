// require-if-exists: DROP ... and ALTER ... DROP ... without IF EXISTS, and the removals that have
// no IF EXISTS form (DETACH PARTITION, NO INHERIT, ALTER EXTENSION / PUBLICATION ... DROP).
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "lint/objects.h"
#include "lint/table_state.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"
#include "rules/pairing/publications.h"
#include "rules/safety/identity.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

struct DropForm {
  std::string_view remove_type;
  std::string_view words;  // as written after DROP
  std::string_view noun;
  std::size_t keywords;  // keyword tokens after DROP, before the name (without CONCURRENTLY)
};

constexpr std::array<DropForm, 35> k_drop_forms = {{
    {"OBJECT_TABLE", "TABLE", "table", 1},
    {"OBJECT_SEQUENCE", "SEQUENCE", "sequence", 1},
    {"OBJECT_VIEW", "VIEW", "view", 1},
    {"OBJECT_MATVIEW", "MATERIALIZED VIEW", "materialized view", 2},
    {"OBJECT_INDEX", "INDEX", "index", 1},
    {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE", "foreign table", 2},
    {"OBJECT_COLLATION", "COLLATION", "collation", 1},
    {"OBJECT_CONVERSION", "CONVERSION", "conversion", 1},
    {"OBJECT_STATISTIC_EXT", "STATISTICS", "statistics object", 1},
    {"OBJECT_TSPARSER", "TEXT SEARCH PARSER", "text search parser", 3},
    {"OBJECT_TSDICTIONARY", "TEXT SEARCH DICTIONARY", "text search dictionary", 3},
    {"OBJECT_TSTEMPLATE", "TEXT SEARCH TEMPLATE", "text search template", 3},
    {"OBJECT_TSCONFIGURATION", "TEXT SEARCH CONFIGURATION", "text search configuration", 3},
    {"OBJECT_ACCESS_METHOD", "ACCESS METHOD", "access method", 2},
    {"OBJECT_EVENT_TRIGGER", "EVENT TRIGGER", "event trigger", 2},
    {"OBJECT_EXTENSION", "EXTENSION", "extension", 1},
    {"OBJECT_FDW", "FOREIGN DATA WRAPPER", "foreign-data wrapper", 3},
    {"OBJECT_LANGUAGE", "LANGUAGE", "language", 1},
    {"OBJECT_PUBLICATION", "PUBLICATION", "publication", 1},
    {"OBJECT_SCHEMA", "SCHEMA", "schema", 1},
    {"OBJECT_FOREIGN_SERVER", "SERVER", "server", 1},
    {"OBJECT_POLICY", "POLICY", "policy", 1},
    {"OBJECT_RULE", "RULE", "rule", 1},
    {"OBJECT_TRIGGER", "TRIGGER", "trigger", 1},
    {"OBJECT_TYPE", "TYPE", "type", 1},
    {"OBJECT_DOMAIN", "DOMAIN", "domain", 1},
    {"OBJECT_CAST", "CAST", "cast", 1},
    {"OBJECT_OPCLASS", "OPERATOR CLASS", "operator class", 2},
    {"OBJECT_OPFAMILY", "OPERATOR FAMILY", "operator family", 2},
    {"OBJECT_FUNCTION", "FUNCTION", "function", 1},
    {"OBJECT_PROCEDURE", "PROCEDURE", "procedure", 1},
    {"OBJECT_ROUTINE", "ROUTINE", "routine", 1},
    {"OBJECT_AGGREGATE", "AGGREGATE", "aggregate", 1},
    {"OBJECT_OPERATOR", "OPERATOR", "operator", 1},
    {"OBJECT_TRANSFORM", "TRANSFORM", "transform", 1},
}};

const DropForm* drop_form(std::string_view remove_type) {
  for (const DropForm& form : k_drop_forms) {
    if (form.remove_type == remove_type) return &form;
  }
  return nullptr;
}

// One object of a DROP as it is written.
std::string dropped_name(std::string_view remove_type, const Node& object) {
  if (remove_type == "OBJECT_TRIGGER" || remove_type == "OBJECT_RULE" ||
      remove_type == "OBJECT_POLICY") {
    lint::NodeList names = object.list("items");
    if (names.empty()) return "";
    std::string table;
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
      if (!table.empty()) table += ".";
      table += names[i].as_str();
    }
    return std::string(names.back().as_str()) + " ON " + table;
  }
  if (remove_type == "OBJECT_CAST") {
    lint::NodeList types = object.list("items");
    if (types.size() != 2) return "";
    return "(" + object_display(types[0]) + " AS " + object_display(types[1]) + ")";
  }
  if (remove_type == "OBJECT_OPCLASS" || remove_type == "OBJECT_OPFAMILY") {
    lint::NodeList names = object.list("items");
    if (names.size() < 2) return "";
    std::string name;
    for (std::size_t i = 1; i < names.size(); ++i) {
      if (!name.empty()) name += ".";
      name += names[i].as_str();
    }
    return name + " USING " + std::string(names[0].as_str());
  }
  return object_display(object);
}

// The names a DROP statement lists, for the message.
std::string dropped_names(const Node& statement) {
  std::string names;
  for (Node object : statement.list("objects")) {
    std::string name = dropped_name(statement.str("removeType"), object);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// Inserts "IF EXISTS " after `keywords` keyword tokens that follow the first token, skipping an
// optional CONCURRENTLY or PROCEDURAL among them.
std::optional<std::vector<lint::Edit>> after_keywords(const StatementTokens& tokens,
                                                      std::size_t keywords) {
  std::size_t i = 1;
  for (std::size_t seen = 0; seen < keywords; ++i) {
    if (i >= tokens.size() || !tokens[i].keyword) return std::nullopt;
    if (tokens.is(i, "PROCEDURAL")) continue;
    ++seen;
  }
  if (tokens.is(i, "CONCURRENTLY")) ++i;
  if (i >= tokens.size() || tokens.is(i, "IF_P")) return std::nullopt;
  return std::vector<lint::Edit>{insert_before(tokens[i], "IF EXISTS ")};
}

// Inserts " IF EXISTS" after the first token named `keyword` in [from, to).
std::optional<std::vector<lint::Edit>> after_keyword(const StatementTokens& tokens,
                                                     std::string_view keyword, std::size_t from = 0,
                                                     std::size_t to = SIZE_MAX) {
  auto at = tokens.find(keyword, from);
  if (!at || *at >= std::min(to, tokens.size()) || tokens.is(*at + 1, "IF_P")) {
    return std::nullopt;
  }
  std::uint32_t end = tokens[*at].range.end;
  return std::vector<lint::Edit>{lint::Edit{lint::TextRange{end, end}, " IF EXISTS"}};
}

// DROP of relations this session created TEMPORARY.
bool all_temporary(const FileScope& scope, const Statement& statement) {
  std::string_view type = statement.node.str("removeType");
  if (type != "OBJECT_TABLE" && type != "OBJECT_VIEW" && type != "OBJECT_SEQUENCE") return false;
  lint::NodeList objects = statement.node.list("objects");
  for (Node object : objects) {
    if (!scope.temporary(statement, name_of(object.list("items")))) return false;
  }
  return !objects.empty();
}

// Created in this file, before the DROP (a scratch object) or after it (dropped to be made
// again): either way it exists when a second run reaches the DROP.
bool created_in_file(const FileScope& scope, const Statement& statement, const ObjectKey& key) {
  return scope.created_before(statement, key) || scope.created_after(statement, key) ||
         scope.moved_onto_before(statement, key) || scope.moved_onto_after(statement, key);
}

bool created_in_file(const FileScope& scope, const Statement& statement) {
  ObjectChanges changes = object_changes(statement.node);
  if (changes.dropped.empty()) return false;
  for (const ObjectKey& key : changes.dropped) {
    if (!created_in_file(scope, statement, key)) return false;
  }
  return true;
}

// DROP INDEX of indexes that a later ADD CONSTRAINT of the file makes (a primary key or unique
// constraint's index takes its name): a second run finds each there. That DROP fails then for
// another reason, which guard-add-constraint reports.
bool constraint_indexes_made_after(const FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.str("removeType") != "OBJECT_INDEX") return false;
  const auto& all = scope.file().all_statements();
  std::size_t here = scope.index_of(statement);
  lint::NodeList objects = node.list("objects");
  for (Node object : objects) {
    QualifiedName index = name_of(object.list("items"));
    std::string name = lint::truncate_identifier(index.name);
    bool made = false;
    for (const auto& [at, key] : keys_named(scope, name)) {
      made = made || (at > here && all[at]->kind() == "AlterTableStmt" && key->constraint &&
                      (index.schema.empty() || key->table.schema.empty() ||
                       index.schema == key->table.schema));
    }
    if (!made) return false;
  }
  return !objects.empty();
}

// DROP TABLE IF EXISTS x before the file makes x a view (or any relation of another kind: a
// table made a view, a materialized view a plain one): on the second run x is the view, and
// DROP TABLE IF EXISTS refuses it ("x" is not a table, 42809). IF EXISTS skips only a name that
// is not there at all.
std::string_view noun(ObjectKind kind);

std::string upper(std::string_view text);

// pg_class.relkind of a relation kind.
std::string_view relkind(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::view:
      return "v";
    case ObjectKind::materialized_view:
      return "m";
    case ObjectKind::sequence:
      return "S";
    case ObjectKind::foreign_table:
      return "f";
    case ObjectKind::index:
      return "i";
    default:
      return "r";
  }
}

void check_drop_other_kind(FileScope& scope, const Statement& statement) {
  static constexpr ObjectKind k_relations[] = {
      ObjectKind::table,    ObjectKind::view,          ObjectKind::materialized_view,
      ObjectKind::sequence, ObjectKind::foreign_table, ObjectKind::index};
  auto relation = [](ObjectKind kind) {
    return std::find(std::begin(k_relations), std::end(k_relations), kind) != std::end(k_relations);
  };
  for (const ObjectKey& dropped : object_changes(statement.node).dropped) {
    if (!relation(dropped.kind)) continue;
    for (ObjectKind other : k_relations) {
      if (other == dropped.kind) continue;
      ObjectKey made_key{other, dropped.name, {}};
      const Statement* made = scope.created_after(statement, made_key);
      const Statement* moved = scope.moved_onto_after(statement, made_key);
      if (made == nullptr || (moved != nullptr && scope.index_of(*moved) < scope.index_of(*made))) {
        made = moved;
      }
      if (made == nullptr || scope.dropped_after(*made, made_key) != nullptr ||
          scope.moved_away_after(*made, made_key) != nullptr) {
        continue;
      }
      if (scope.guard(statement, lint::condition::wrong_object_type)) return;
      std::string line = std::to_string(scope.file().position(made->range.begin).line);
      std::string kind(noun(other));
      std::string a = kind.front() == 'i' ? "an " : "a ";
      scope
          .report(statement, statement.range,
                  "DROP " + upper(noun(dropped.kind)) + " IF EXISTS " + dropped.name.display() +
                      " fails " + std::string(k_again) + ": line " + line + " makes " +
                      dropped.name.display() + " " + a + kind +
                      ", and IF EXISTS skips only a name that is not there",
                  "test what it is first: DO $$ BEGIN IF (SELECT relkind FROM "
                  "pg_catalog.pg_class WHERE oid = to_regclass(" +
                      sql_literal(dropped.name.display()) + ")) = '" +
                      std::string(relkind(dropped.kind)) + "' THEN DROP " +
                      upper(noun(dropped.kind)) + " " + dropped.name.display() +
                      "; END IF; END $$;")
          .related(scope.file(), made->range, "makes it " + a + kind);
      return;
    }
  }
}

void check_drop(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  check_drop_other_kind(scope, statement);
  if (node.flag("missing_ok")) return;
  const DropForm* form = drop_form(node.str("removeType"));
  if (form == nullptr) return;
  if (all_temporary(scope, statement) || created_in_file(scope, statement) ||
      constraint_indexes_made_after(scope, statement)) {
    return;
  }
  if (scope.guard(statement, lint::repeat_error(node))) return;
  std::string names = dropped_names(node);
  auto finding = scope.report(statement, statement.range,
                              "DROP " + std::string(form->words) + " " + names + " fails " +
                                  std::string(k_again) + ": the " + std::string(form->noun) +
                                  " is already gone",
                              "write DROP " + std::string(form->words) + " IF EXISTS " + names);
  StatementTokens tokens(scope.file(), statement);
  if (tokens.is(0, "DROP")) {
    FileScope::fix(finding, statement, "Add IF EXISTS", after_keywords(tokens, form->keywords),
                   true);
  }
}

std::string role_name(const Node& role) {
  std::string_view type = role.str("roletype");
  if (type == "ROLESPEC_CURRENT_USER") return "CURRENT_USER";
  if (type == "ROLESPEC_SESSION_USER") return "SESSION_USER";
  if (type == "ROLESPEC_CURRENT_ROLE") return "CURRENT_ROLE";
  if (type == "ROLESPEC_PUBLIC") return "PUBLIC";
  return std::string(role.str("rolename"));
}

// DROP ROLE / DATABASE / TABLESPACE / USER MAPPING / SUBSCRIPTION.
void check_drop_other(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.flag("missing_ok")) return;
  std::string_view kind = node.kind();
  std::string words;
  std::string object;
  std::string noun;
  std::string_view keyword;
  if (kind == "DropRoleStmt") {
    words = "ROLE";
    noun = "role";
    for (Node role : node.list("roles")) {
      if (!object.empty()) object += ", ";
      object += role_name(role);
    }
    if (created_in_file(scope, statement)) return;
  } else if (kind == "DropdbStmt") {
    words = "DATABASE";
    noun = "database";
    object = node.str("dbname");
    keyword = "DATABASE";
  } else if (kind == "DropTableSpaceStmt") {
    words = "TABLESPACE";
    noun = "tablespace";
    object = node.str("tablespacename");
    keyword = "TABLESPACE";
  } else if (kind == "DropUserMappingStmt") {
    words = "USER MAPPING";
    noun = "user mapping";
    object =
        "FOR " + role_name(node.get("user")) + " SERVER " + std::string(node.str("servername"));
    keyword = "MAPPING";
  } else if (kind == "DropSubscriptionStmt") {
    words = "SUBSCRIPTION";
    noun = "subscription";
    object = node.str("subname");
    keyword = "SUBSCRIPTION";
  } else {
    return;
  }
  if (scope.guard(statement, lint::repeat_error(node))) return;
  auto finding = scope.report(statement, statement.range,
                              "DROP " + words + " " + object + " fails " + std::string(k_again) +
                                  ": the " + noun + " is already gone",
                              "write DROP " + words + " IF EXISTS");
  StatementTokens tokens(scope.file(), statement);
  if (kind == "DropRoleStmt") {
    // DROP ROLE | USER | GROUP name
    FileScope::fix(finding, statement, "Add IF EXISTS", after_keywords(tokens, 1), true);
  } else {
    FileScope::fix(finding, statement, "Add IF EXISTS", after_keyword(tokens, keyword), true);
  }
}

// DROP EXPRESSION of a column known not to be generated (or made plain by an earlier DROP
// EXPRESSION of the statement), DROP IDENTITY of one known not to be an identity column: the first
// run fails already (invalid-ddl, invalid-identity), not a rerun.
bool never_there(const FileScope& scope, const Statement& statement, std::size_t index) {
  lint::NodeList commands = statement.node.list("cmds");
  Node command = commands[index];
  std::string_view subtype = command.str("subtype");
  if (subtype != "AT_DropExpression" && subtype != "AT_DropIdentity") return false;
  if (statement.node.str("objtype") != "OBJECT_TABLE") return false;
  for (std::size_t i = 0; i < index; ++i) {
    if (subtype == "AT_DropExpression" && commands[i].str("subtype") == subtype &&
        lint::truncate_identifier(commands[i].str("name")) ==
            lint::truncate_identifier(command.str("name"))) {
      return true;
    }
  }
  auto generation = column_generation(
      scope.context(), statement,
      lint::QualifiedName::of(lint::relation_name(statement.node.get("relation"))),
      lint::truncate_identifier(command.str("name")));
  if (!generation) return false;
  return subtype == "AT_DropExpression" ? !generation->generated : generation->identity == 0;
}

// Where a second run finds the partition a DETACH PARTITION names: attached to the table again
// when the file attaches it back after the DETACH (to add a partition while rows sit in DEFAULT),
// or attaches it before; nullopt when the file does not tell.
std::optional<PartitionOnRerun> detached_partition(const FileScope& scope,
                                                   const Statement& statement,
                                                   const Node& command) {
  if (command.str("subtype") != "AT_DetachPartition") return std::nullopt;
  return partition_on_rerun(scope, statement, name_of(command.get("def").get("name")));
}

// ALTER TABLE / ALTER TYPE subcommands that remove something.
void check_alter_table(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  bool type = node.str("objtype") == "OBJECT_TYPE";
  std::string target = (type ? "type " : "table ") + name_of(relation).display();
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    std::string_view subtype = command.str("subtype");
    std::string name(command.str("name"));
    std::string what;
    std::string help;
    std::string_view keyword;  // IF EXISTS goes after it
    if (command.flag("missing_ok")) continue;
    if (subtype == "AT_DropColumn") {
      what = (type ? "DROP ATTRIBUTE " : "DROP COLUMN ") + name;
      help =
          type ? "write DROP ATTRIBUTE IF EXISTS " + name : "write DROP COLUMN IF EXISTS " + name;
      keyword = type ? "ATTRIBUTE" : "COLUMN";
    } else if (subtype == "AT_DropConstraint") {
      what = "DROP CONSTRAINT " + name;
      help = "write DROP CONSTRAINT IF EXISTS " + name;
      keyword = "CONSTRAINT";
    } else if (subtype == "AT_DropIdentity") {
      what = "ALTER COLUMN " + name + " DROP IDENTITY";
      help = "write DROP IDENTITY IF EXISTS";
      keyword = "IDENTITY_P";
    } else if (subtype == "AT_DropExpression") {
      what = "ALTER COLUMN " + name + " DROP EXPRESSION";
      help = "write DROP EXPRESSION IF EXISTS";
      keyword = "EXPRESSION";
    } else if (subtype == "AT_DetachPartition") {
      what = "DETACH PARTITION " + name_of(command.get("def").get("name")).display();
      help =
          "DETACH PARTITION has no IF EXISTS: run it in a DO block guarded by a catalog test "
          "(pg_inherits), or mark it -- sqlgate:run-once <reason>";
    } else if (subtype == "AT_DropInherit") {
      what = "NO INHERIT " + name_of(command.get("def")).display();
      help =
          "NO INHERIT has no IF EXISTS: run it in a DO block guarded by a catalog test "
          "(pg_inherits), or mark it -- sqlgate:run-once <reason>";
    } else if ((subtype == "AT_GenericOptions" || subtype == "AT_AlterColumnGenericOptions") &&
               option_dropped(command.get("def").list("items"))) {
      what = "OPTIONS (DROP " + *option_dropped(command.get("def").list("items")) + ")";
      help =
          "OPTIONS (DROP ...) has no IF EXISTS: run it in a DO block guarded by a catalog test "
          "(pg_options_to_table() of the options), or mark it -- sqlgate:run-once <reason>";
    } else if (subtype == "AT_DropOf") {
      what = "NOT OF";
      help =
          "NOT OF has no IF EXISTS: run it in a DO block guarded by a catalog test "
          "(pg_class.reloftype), or mark it -- sqlgate:run-once <reason>";
    } else {
      continue;
    }
    if (scope.fresh(statement, relation)) return;
    if (never_there(scope, statement, i)) continue;
    auto partition = detached_partition(scope, statement, command);
    if (partition && partition->attached && same_name(partition->parent, name_of(relation))) {
      continue;
    }
    if (scope.guard(statement, lint::repeat_error(node, command))) continue;
    if (subtype == "AT_DropConstraint" &&
        (FileScope::adds_constraint_later(node, i, name) ||
         created_in_file(scope, statement,
                         ObjectKey{ObjectKind::table_constraint, QualifiedName{"", name},
                                   name_of(relation)}))) {
      continue;
    }
    // A column the file adds again (DROP COLUMN c, ADD COLUMN c of another type): the second
    // run drops the one the first added.
    if (subtype == "AT_DropColumn" && !type &&
        (FileScope::adds_column_later(node, i, name) ||
         created_in_file(
             scope, statement,
             ObjectKey{ObjectKind::column, QualifiedName{"", name}, name_of(relation)}))) {
      continue;
    }
    lint::TextRange range = commands.range(i);
    // What a second run finds: a partition detached (a table still, no longer a partition), a
    // parent no longer inherited from, a type no longer the table's: else the thing is gone.
    std::string found_elsewhere;
    if (partition && partition->attached) {
      found_elsewhere = "it is a partition of " + partition->parent.display() + " then";
    }
    std::string found = !found_elsewhere.empty()          ? found_elsewhere
                        : subtype == "AT_DetachPartition" ? "it is no longer a partition"
                        : subtype == "AT_DropInherit"     ? "it no longer inherits from it"
                        : subtype == "AT_DropOf"          ? "the table is no longer of a type"
                                                          : "it is already gone";
    auto finding = scope.report(
        statement, range,
        what + " on " + target + " fails " + std::string(k_again) + ": " + std::string(found),
        help);
    auto span = commands.tokens_of(i);
    if (!keyword.empty() && span) {
      const StatementTokens& tokens = commands.tokens();
      auto edits = after_keyword(tokens, keyword, span->first, span->second);
      // DROP name (COLUMN left out): IF EXISTS goes after DROP.
      if (!edits && subtype == "AT_DropColumn") {
        edits = after_keyword(tokens, "DROP", span->first, span->second);
      }
      FileScope::fix(finding, statement, "Add IF EXISTS", edits, true);
    }
  }
}

// The file's ALTER TABLE ... ALTER COLUMN ... ADD GENERATED ... AS IDENTITY commands, in file
// order: found in one pass, for every SET / DROP DEFAULT to look up.
struct AddedIdentities {
  struct Added {
    std::size_t statement;  // index in all_statements()
    QualifiedName table;
    std::string column;
  };
  std::vector<Added> added;
  explicit AddedIdentities(const lint::ParsedFile& file) {
    const auto& statements = file.all_statements();
    for (std::size_t i = 0; i < statements.size(); ++i) {
      if (statements[i]->kind() != "AlterTableStmt") continue;
      for (Node command : statements[i]->node.list("cmds")) {
        if (command.str("subtype") == "AT_AddIdentity") {
          added.push_back(
              {i, name_of(statements[i]->node.get("relation")), std::string(command.str("name"))});
        }
      }
    }
  }
};

// Whether a statement of the file after `at` makes column `column` of `table` an identity
// column (ALTER COLUMN ... ADD GENERATED ... AS IDENTITY).
const Statement* made_identity_later(const FileScope& scope, const Statement& at,
                                     const QualifiedName& table, std::string_view column) {
  const auto& identities = scope.context().shared<AddedIdentities>(scope.file()).added;
  if (identities.empty()) return nullptr;
  const auto& statements = scope.file().all_statements();
  std::size_t after = scope.index_of(at);
  for (const auto& identity : identities) {
    if (identity.statement > after && identity.column == column &&
        same_name(identity.table, table)) {
      return statements[identity.statement];
    }
  }
  return nullptr;
}

// ALTER COLUMN c SET / DROP DEFAULT before the file makes c an identity column (the serial to
// identity recipe): PostgreSQL refuses either on an identity column, so the second run stops
// there, however the ADD GENERATED is guarded.
void check_default_before_identity(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  QualifiedName table = name_of(node.get("relation"));
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    if (command.str("subtype") != "AT_ColumnDefault") continue;
    std::string column(command.str("name"));
    const Statement* identity = made_identity_later(scope, statement, table, column);
    if (identity == nullptr) continue;
    if (scope.guard(statement, lint::condition::syntax_error)) continue;
    std::string what = command.has("def") ? "SET DEFAULT" : "DROP DEFAULT";
    scope.report(statement, commands.range(i),
                 "ALTER COLUMN " + column + " " + what + " on table " + table.display() +
                     " fails " + std::string(k_again) + ": line " +
                     std::to_string(scope.file().position(identity->range.begin).line) + " made " +
                     column + " an identity column, and PostgreSQL refuses a default on one",
                 "run the whole conversion (the " + what +
                     ", dropping the sequence, ADD GENERATED ... AS IDENTITY) in one DO block "
                     "guarded by IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE "
                     "attrelid = " +
                     sql_literal(table.display()) +
                     "::regclass AND attname = " + sql_literal(column) + " AND attidentity <> '')");
  }
}

void check_other(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  std::string_view kind = node.kind();
  std::string message;
  std::string help;
  std::optional<std::string_view> keyword;
  if (kind == "AlterDomainStmt" && node.str("subtype") == "X") {
    if (node.flag("missing_ok")) return;
    std::string name(node.str("name"));
    QualifiedName domain = name_of(node.list("typeName"));
    if (created_in_file(
            scope, statement,
            ObjectKey{ObjectKind::domain_constraint, QualifiedName{"", name}, domain})) {
      return;
    }
    message = "DROP CONSTRAINT " + name + " on domain " + domain.display() + " fails " +
              std::string(k_again) + ": it is already gone";
    help = "write DROP CONSTRAINT IF EXISTS " + name;
    keyword = "CONSTRAINT";
  } else if (kind == "AlterExtensionContentsStmt" && node.num("action") < 0) {
    message = "ALTER EXTENSION " + std::string(node.str("extname")) + " DROP fails " +
              std::string(k_again) + ": the object is no longer a member";
    help =
        "it has no IF EXISTS: run it in a DO block guarded by a catalog test (pg_depend), "
        "or mark it -- sqlgate:run-once <reason>";
  } else if (kind == "AlterOpFamilyStmt" && node.flag("isDrop")) {
    message = "ALTER OPERATOR FAMILY " + name_of(node.list("opfamilyname")).display() +
              " DROP fails " + std::string(k_again) + ": the member is gone";
    help =
        "it has no IF EXISTS: run it in a DO block guarded by a catalog test (pg_amop, "
        "pg_amproc), or mark it -- sqlgate:run-once <reason>";
  } else if (kind == "AlterSubscriptionStmt" &&
             node.str("kind") == "ALTER_SUBSCRIPTION_DROP_PUBLICATION") {
    message = "ALTER SUBSCRIPTION " + std::string(node.str("subname")) + " DROP PUBLICATION " +
              lint::join_names(node.list("publication"), ", ") + " fails " + std::string(k_again) +
              ": the publication is no longer in the subscription";
    help =
        "write ALTER SUBSCRIPTION ... SET PUBLICATION with the publications it keeps "
        "(re-runnable), or guard it in a DO block with a catalog test (pg_subscription)";
  } else if (kind == "AlterTSConfigurationStmt" &&
             node.str("kind") == "ALTER_TSCONFIG_DROP_MAPPING") {
    if (node.flag("missing_ok")) return;
    message = "ALTER TEXT SEARCH CONFIGURATION " + name_of(node.list("cfgname")).display() +
              " DROP MAPPING FOR " + lint::join_names(node.list("tokentype"), ", ") + " fails " +
              std::string(k_again) + ": the mapping is already gone";
    help = "write DROP MAPPING IF EXISTS FOR ...";
    keyword = "MAPPING";
  } else if ((kind == "AlterForeignServerStmt" || kind == "AlterFdwStmt" ||
              kind == "AlterUserMappingStmt") &&
             option_dropped(node.list("options"))) {
    message = options_owner(node) + " OPTIONS (DROP " + *option_dropped(node.list("options")) +
              ") fails " + std::string(k_again) + ": the option is already gone";
    help =
        "OPTIONS (DROP ...) has no IF EXISTS: run it in a DO block guarded by a catalog test "
        "(pg_options_to_table() of the options), or mark it -- sqlgate:run-once <reason>";
  } else if (kind == "AlterPublicationStmt" && node.str("action") == "AP_DropObjects") {
    // Refused on the first run already: invalid-ddl's.
    const lint::Catalog* catalog = scope.context().project.catalog();
    if (catalog != nullptr && pairing::dropped_non_member(scope.context().project, *catalog,
                                                          scope.context().index, statement)) {
      return;
    }
    message = "ALTER PUBLICATION " + std::string(node.str("pubname")) + " DROP fails " +
              std::string(k_again) + ": the table is no longer part of the publication";
    help =
        "write ALTER PUBLICATION ... SET TABLE with the tables it keeps (re-runnable), or "
        "guard it in a DO block with a catalog test (pg_publication_tables)";
  } else {
    return;
  }
  if (scope.guard(statement, lint::repeat_error(node))) return;
  auto finding = scope.report(statement, statement.range, std::move(message), std::move(help));
  if (keyword) {
    StatementTokens tokens(scope.file(), statement);
    FileScope::fix(finding, statement, "Add IF EXISTS", after_keyword(tokens, *keyword), true);
  }
}

// ---- statements on what a later statement of the file drops

// An object a statement works on, as the file names it.
struct Target {
  std::vector<ObjectKind> kinds;  // any of these
  QualifiedName name;
  std::string noun;  // "table", "function", "schema"
  // The table of a column, trigger, policy, rule or table constraint, or the domain of a domain
  // constraint: a DROP of it takes the object along.
  QualifiedName parent;
  std::vector<ObjectKind> parent_kinds;
  // A routine's input argument types (canonical), when written: f(int) is not f(text).
  std::optional<std::vector<std::string>> args;
  // What PostgreSQL raises when the object itself is missing.
  lint::Condition missing = lint::condition::undefined_table;
  std::string what;  // the statement, for messages: "COMMENT ON FUNCTION f()"
};

std::vector<ObjectKind> relation_kinds() {
  return {ObjectKind::table, ObjectKind::view, ObjectKind::materialized_view,
          ObjectKind::foreign_table};
}

std::string_view noun(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::index:
      return "index";
    case ObjectKind::sequence:
      return "sequence";
    case ObjectKind::view:
      return "view";
    case ObjectKind::materialized_view:
      return "materialized view";
    case ObjectKind::foreign_table:
      return "foreign table";
    case ObjectKind::role:
      return "role";
    case ObjectKind::function:
      return "function";
    case ObjectKind::type:
      return "type";
    case ObjectKind::schema:
      return "schema";
    case ObjectKind::trigger:
      return "trigger";
    case ObjectKind::rule:
      return "rule";
    case ObjectKind::policy:
      return "policy";
    case ObjectKind::event_trigger:
      return "event trigger";
    case ObjectKind::table_constraint:
    case ObjectKind::domain_constraint:
      return "constraint";
    case ObjectKind::extension:
      return "extension";
    case ObjectKind::publication:
      return "publication";
    case ObjectKind::column:
      return "column";
    case ObjectKind::text_search_configuration:
      return "text search configuration";
    case ObjectKind::text_search_dictionary:
      return "text search dictionary";
    case ObjectKind::text_search_parser:
      return "text search parser";
    case ObjectKind::text_search_template:
      return "text search template";
    case ObjectKind::table:
      break;
  }
  return "table";
}

// What PostgreSQL 15 raises when a statement names a missing object of this kind.
lint::Condition missing_error(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::table:
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::foreign_table:
    case ObjectKind::sequence:
    case ObjectKind::index:
      return lint::condition::undefined_table;
    case ObjectKind::function:
      return lint::condition::undefined_function;
    case ObjectKind::schema:
      return lint::condition::invalid_schema_name;
    case ObjectKind::column:
      return lint::condition::undefined_column;
    default:
      return lint::condition::undefined_object;
  }
}

// The relations ALTER TABLE / INDEX / SEQUENCE / VIEW / MATERIALIZED VIEW / FOREIGN TABLE and
// COMMENT ON name; nullopt for other kinds.
std::optional<ObjectKind> altered_kind(std::string_view objtype) {
  auto kind = object_kind(objtype);
  if (!kind) return std::nullopt;
  switch (*kind) {
    case ObjectKind::table:
    case ObjectKind::index:
    case ObjectKind::sequence:
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::foreign_table:
      return kind;
    default:
      return std::nullopt;
  }
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

// "f(int4)", "t ON users", "users.email": the object's name as SQL writes it.
std::string target_name(const Target& target) {
  std::string name = target.name.display();
  if (target.kinds.front() == ObjectKind::column) {
    name = target.parent.display() + "." + name;
  } else if (target.kinds.front() == ObjectKind::domain_constraint) {
    name += " ON DOMAIN " + target.parent.display();
  } else if (!target.parent.name.empty()) {
    name += " ON " + target.parent.display();
  }
  if (target.args) name += "(" + lint::join_strings(*target.args, ", ") + ")";
  return name;
}

// "FUNCTION f(int4)", "TRIGGER t ON users", "COLUMN users.email": the object as SQL names it.
std::string display(const Target& target) {
  return upper(target.noun) + " " + target_name(target);
}

// The object an OBJECT_* type and the object node of COMMENT ON, SECURITY LABEL, ALTER ... OWNER
// TO or GRANT name; nullopt for the kinds not followed.
std::optional<Target> named_object(std::string_view objtype, const Node& object) {
  Target target;
  lint::NodeList items = object.is("List") ? object.list("items") : object.items();
  // [schema.]table.name: a column, trigger, policy, rule or table constraint.
  auto on_table = [&](ObjectKind kind) -> std::optional<Target> {
    if (items.size() < 2) return std::nullopt;
    target.kinds = {kind};
    target.name.name = std::string(items[items.size() - 1].as_str());
    target.parent.name = std::string(items[items.size() - 2].as_str());
    if (items.size() >= 3) target.parent.schema = std::string(items[items.size() - 3].as_str());
    target.parent_kinds = relation_kinds();
    target.noun = noun(kind);
    target.missing = missing_error(kind);
    return target;
  };
  if (objtype == "OBJECT_COLUMN") return on_table(ObjectKind::column);
  if (objtype == "OBJECT_TRIGGER") return on_table(ObjectKind::trigger);
  if (objtype == "OBJECT_POLICY") return on_table(ObjectKind::policy);
  if (objtype == "OBJECT_RULE") return on_table(ObjectKind::rule);
  if (objtype == "OBJECT_TABCONSTRAINT") return on_table(ObjectKind::table_constraint);
  if (objtype == "OBJECT_DOMCONSTRAINT") {
    // [TypeName, name]
    if (items.size() != 2 || !items[0].is("TypeName")) return std::nullopt;
    target.kinds = {ObjectKind::domain_constraint};
    target.name.name = std::string(items[1].as_str());
    target.parent = name_of(items[0].list("names"));
    target.parent_kinds = {ObjectKind::type};
    target.noun = "constraint";
    target.missing = lint::condition::undefined_object;
    return target;
  }
  if (objtype == "OBJECT_ROLE") {
    target.kinds = {ObjectKind::role};
    target.name.name = std::string(object.as_str());
    target.noun = "role";
    target.missing = lint::condition::undefined_object;
    return target;
  }
  auto kind = object_kind(objtype);
  if (!kind) return std::nullopt;
  target.kinds = {*kind};
  if (*kind == ObjectKind::table) target.kinds = relation_kinds();
  target.noun = noun(*kind);
  if (objtype == "OBJECT_PROCEDURE") target.noun = "procedure";
  if (objtype == "OBJECT_ROUTINE") target.noun = "routine";
  if (objtype == "OBJECT_AGGREGATE") target.noun = "aggregate";
  if (objtype == "OBJECT_DOMAIN") target.noun = "domain";
  target.missing = missing_error(*kind);
  switch (*kind) {
    case ObjectKind::function:
      target.name = name_of(object.list("objname"));
      target.args = routine_args(object);
      break;
    case ObjectKind::type:
      target.name = object.is("TypeName") ? name_of(object.list("names")) : name_of(items);
      break;
    case ObjectKind::schema:
    case ObjectKind::extension:
    case ObjectKind::event_trigger:
    case ObjectKind::publication:
      target.name.name = std::string(object.as_str());
      break;
    case ObjectKind::trigger:
    case ObjectKind::rule:
    case ObjectKind::policy:
      return std::nullopt;
    default:
      if (object.has("relname")) {
        target.name = name_of(object);
      } else {
        target.name = name_of(items);
      }
      break;
  }
  if (target.name.name.empty()) return std::nullopt;
  return target;
}

void add_roles(const lint::NodeList& roles, std::vector<Target>& targets, const std::string& what,
               std::string_view label = "role ") {
  for (Node role : roles) {
    if (role.str("roletype") != "ROLESPEC_CSTRING") continue;
    Target target;
    target.kinds = {ObjectKind::role};
    target.name = {"", std::string(role.str("rolename"))};
    target.noun = "role";
    target.missing = lint::condition::undefined_object;
    target.what = what + std::string(label) + target.name.name;
    targets.push_back(std::move(target));
  }
}

Target relation_target(const Node& range_var, std::vector<ObjectKind> kinds) {
  Target target;
  target.noun = noun(kinds.front());
  target.kinds = std::move(kinds);
  target.name = name_of(range_var);
  target.missing = lint::condition::undefined_table;
  return target;
}

// The tables the WITH queries of an INSERT, UPDATE or DELETE write or read (WITH moved AS
// (DELETE FROM t RETURNING *) INSERT ...): a RangeVar that names no CTE of the statement.
std::vector<Node> with_tables(const Node& node) {
  std::vector<Node> withs{node.get("withClause")};
  if (node.is("InsertStmt")) withs.push_back(node.get("selectStmt").get("withClause"));
  std::vector<std::string_view> ctes;
  std::vector<Node> tables;
  for (const Node& with : withs) {
    for (Node cte : with.list("ctes")) ctes.push_back(cte.str("ctename"));
  }
  for (const Node& with : withs) {
    for (Node cte : with.list("ctes")) {
      auto add = [&](const Node& range_var) {
        if (!range_var.str("schemaname").empty() ||
            std::find(ctes.begin(), ctes.end(), range_var.str("relname")) == ctes.end()) {
          tables.push_back(range_var);
        }
      };
      Node query = cte.get("ctequery");
      // A DML query's own table stands in the tree without the RangeVar wrapper.
      if (query.has("relation")) add(query.get("relation"));
      walk(query, [&](const Node& n) {
        if (!n.is("RangeVar")) return true;
        add(n);
        return false;
      });
    }
  }
  return tables;
}

// A table an INSERT's SELECT, an UPDATE's FROM or a DELETE's USING reads, with the columns of
// it the statement names: qualified with its name or alias, or unqualified when it is the only
// table the query reads (an UPDATE's or DELETE's own table is in scope too, so never there).
struct Source {
  Node relation;  // the RangeVar
  std::vector<std::string> columns;
};

std::vector<Source> sources(const Node& node) {
  std::string_view kind = node.kind();
  Node query = kind == "InsertStmt" ? node.get("selectStmt") : node;
  lint::NodeList from = kind == "InsertStmt"   ? query.list("fromClause")
                        : kind == "UpdateStmt" ? node.list("fromClause")
                        : kind == "DeleteStmt" ? node.list("usingClause")
                                               : lint::NodeList{};
  // CTE names: a RangeVar naming one is not a table.
  std::vector<std::string_view> ctes;
  walk(node, [&](const Node& n) {
    if (n.is("CommonTableExpr")) ctes.push_back(n.str("ctename"));
    return true;
  });
  std::vector<Source> result;
  bool joined = false;
  for (Node item : from) {
    walk(item, [&](const Node& n) {
      if (n.is("JoinExpr")) joined = true;
      if (n.is("RangeSubselect") || n.is("RangeFunction")) return false;
      if (!n.is("RangeVar")) return true;
      if (!n.str("schemaname").empty() ||
          std::find(ctes.begin(), ctes.end(), n.str("relname")) == ctes.end()) {
        result.push_back(Source{n, {}});
      }
      return false;
    });
  }
  bool alone = kind == "InsertStmt" && result.size() == 1 && !joined;
  walk(query, [&](const Node& ref) {
    if (ref.is("SubLink") || ref.is("RangeSubselect")) return false;
    if (!ref.is("ColumnRef")) return true;
    lint::NodeList fields = ref.list("fields");
    if (fields.empty() || !fields.back().is("String")) return false;
    for (Source& source : result) {
      std::string_view alias = source.relation.get("alias").str("aliasname");
      bool named =
          fields.size() == 2 &&
          fields.front().as_str() == (alias.empty() ? source.relation.str("relname") : alias);
      std::string column = lint::truncate_identifier(fields.back().as_str());
      if ((named || (fields.size() == 1 && alone)) &&
          std::find(source.columns.begin(), source.columns.end(), column) == source.columns.end()) {
        source.columns.push_back(std::move(column));
      }
    }
    return false;
  });
  return result;
}

// What a statement needs to exist, when it is a kind of statement that fails without it and
// has no IF EXISTS written: ALTER TABLE / INDEX / SEQUENCE / VIEW / TYPE / DOMAIN / FUNCTION /
// POLICY / EXTENSION / EVENT TRIGGER, ALTER ... OWNER TO, COMMENT ON, SECURITY LABEL, GRANT and
// REVOKE (their objects and roles, role memberships), ALTER DEFAULT PRIVILEGES (its schemas and
// roles), DROP OWNED and REASSIGN OWNED, INSERT, UPDATE, DELETE, TRUNCATE, CREATE INDEX, LOCK,
// REFRESH MATERIALIZED VIEW, VACUUM and ANALYZE.
std::vector<Target> needed(const Statement& statement) {
  const Node& node = statement.node;
  std::string_view kind = statement.kind();
  std::vector<Target> targets;
  auto add = [&](Target target, std::string what) {
    target.what = std::move(what) + display(target);
    targets.push_back(std::move(target));
  };
  auto relation = [&](const Node& range_var, std::string what) {
    Target target = relation_target(range_var, relation_kinds());
    target.what = std::move(what) + target.name.display();
    targets.push_back(std::move(target));
  };
  if (kind == "AlterTableStmt") {
    if (node.flag("missing_ok")) return {};
    std::string_view objtype = node.str("objtype");
    if (objtype == "OBJECT_TYPE") {
      // ALTER TYPE of a composite type: PostgreSQL looks it up as a relation.
      Target target = relation_target(node.get("relation"), {ObjectKind::type});
      target.what = "ALTER TYPE " + target.name.display();
      targets.push_back(std::move(target));
      return targets;
    }
    auto altered = altered_kind(objtype);
    if (!altered) return {};
    Target target = relation_target(node.get("relation"), {*altered});
    target.what = "ALTER " + upper(noun(*altered)) + " " + target.name.display();
    targets.push_back(std::move(target));
  } else if (kind == "AlterSeqStmt") {
    if (node.flag("missing_ok")) return {};
    Target target = relation_target(node.get("sequence"), {ObjectKind::sequence});
    target.what = "ALTER SEQUENCE " + target.name.display();
    targets.push_back(std::move(target));
  } else if (kind == "CommentStmt" || kind == "SecLabelStmt") {
    if (auto target = named_object(node.str("objtype"), node.get("object"))) {
      add(std::move(*target), kind == "CommentStmt" ? "COMMENT ON " : "SECURITY LABEL ON ");
    }
  } else if (kind == "AlterOwnerStmt") {
    std::string_view objtype = node.str("objectType");
    std::optional<Target> target;
    if (node.has("relation")) {
      if (auto altered = altered_kind(objtype)) {
        target = relation_target(node.get("relation"), {*altered});
      }
    } else {
      target = named_object(objtype, node.get("object"));
    }
    if (target) {
      target->what = "ALTER " + display(*target) + " OWNER TO";
      targets.push_back(std::move(*target));
    }
    Node owner = node.get("newowner");
    if (owner.str("roletype") == "ROLESPEC_CSTRING") {
      Target role;
      role.kinds = {ObjectKind::role};
      role.name = {"", std::string(owner.str("rolename"))};
      role.noun = "role";
      role.missing = lint::condition::undefined_object;
      role.what = "ALTER ... OWNER TO role " + role.name.name;
      targets.push_back(std::move(role));
    }
  } else if (kind == "AlterFunctionStmt") {
    std::string_view objtype = node.str("objtype");
    if (auto target =
            named_object(objtype.empty() ? "OBJECT_FUNCTION" : objtype, node.get("func"))) {
      add(std::move(*target), "ALTER ");
    }
  } else if (kind == "AlterPolicyStmt") {
    Target target;
    target.kinds = {ObjectKind::policy};
    target.name.name = std::string(node.str("policy_name"));
    target.parent = name_of(node.get("table"));
    target.parent_kinds = relation_kinds();
    target.noun = "policy";
    target.missing = lint::condition::undefined_object;
    add(std::move(target), "ALTER ");
  } else if (kind == "AlterEnumStmt") {
    // ADD VALUE; RENAME VALUE is guard-rename's.
    if (!node.str("oldVal").empty()) return {};
    Target target;
    target.kinds = {ObjectKind::type};
    target.name = name_of(node.list("typeName"));
    target.noun = "type";
    target.missing = lint::condition::undefined_object;
    add(std::move(target), "ALTER ");
  } else if (kind == "AlterDomainStmt") {
    // Its IF EXISTS (DROP CONSTRAINT IF EXISTS) is the constraint's: the domain must exist.
    Target target;
    target.kinds = {ObjectKind::type};
    target.name = name_of(node.list("typeName"));
    target.noun = "domain";
    target.missing = lint::condition::undefined_object;
    add(std::move(target), "ALTER ");
  } else if (kind == "AlterExtensionStmt" || kind == "AlterExtensionContentsStmt" ||
             kind == "AlterEventTrigStmt" || kind == "AlterPublicationStmt") {
    Target target;
    std::string_view field = kind == "AlterEventTrigStmt"     ? "trigname"
                             : kind == "AlterPublicationStmt" ? "pubname"
                                                              : "extname";
    target.kinds = {kind == "AlterEventTrigStmt"     ? ObjectKind::event_trigger
                    : kind == "AlterPublicationStmt" ? ObjectKind::publication
                                                     : ObjectKind::extension};
    target.name.name = std::string(node.str(field));
    target.noun = noun(target.kinds.front());
    target.missing = lint::condition::undefined_object;
    add(std::move(target), "ALTER ");
  } else if (kind == "AlterTSConfigurationStmt") {
    Target configuration;
    configuration.kinds = {ObjectKind::text_search_configuration};
    configuration.name = name_of(node.list("cfgname"));
    configuration.noun = noun(ObjectKind::text_search_configuration);
    configuration.missing = lint::condition::undefined_object;
    configuration.what = "ALTER TEXT SEARCH CONFIGURATION " + configuration.name.display();
    std::string what = configuration.what;
    targets.push_back(std::move(configuration));
    // ALTER MAPPING [FOR ...] REPLACE old WITH new looks `old` up, also when nothing maps to it.
    lint::NodeList dictionaries = node.list("dicts");
    if (node.flag("replace") && !dictionaries.empty()) {
      Node names = dictionaries.front();
      Target dictionary;
      dictionary.kinds = {ObjectKind::text_search_dictionary};
      dictionary.name = name_of(names.items().empty() ? names.list("items") : names.items());
      dictionary.noun = noun(ObjectKind::text_search_dictionary);
      dictionary.missing = lint::condition::undefined_object;
      dictionary.what = what + " ... REPLACE " + dictionary.name.display();
      targets.push_back(std::move(dictionary));
    }
  } else if (kind == "GrantStmt") {
    bool grant = node.flag("is_grant");
    std::string words = grant ? "GRANT ... ON " : "REVOKE ... ON ";
    std::string_view objtype = node.str("objtype");
    std::string_view targtype = node.str("targtype");
    if (targtype == "ACL_TARGET_OBJECT") {
      for (Node object : node.list("objects")) {
        if (objtype == "OBJECT_TABLE" || objtype == "OBJECT_SEQUENCE") {
          Target target = relation_target(
              object, objtype == "OBJECT_TABLE" ? relation_kinds()
                                                : std::vector<ObjectKind>{ObjectKind::sequence});
          target.what = words + upper(target.noun) + " " + target.name.display();
          targets.push_back(std::move(target));
        } else if (auto target = named_object(objtype, object)) {
          add(std::move(*target), words);
        }
      }
    } else if (targtype == "ACL_TARGET_ALL_IN_SCHEMA") {
      for (Node schema : node.list("objects")) {
        Target target;
        target.kinds = {ObjectKind::schema};
        target.name.name = std::string(schema.as_str());
        target.noun = "schema";
        target.missing = lint::condition::invalid_schema_name;
        add(std::move(target), std::string(grant ? "GRANT" : "REVOKE") + " ... ON ALL ... IN ");
      }
    }
    add_roles(node.list("grantees"), targets, grant ? "GRANT ... TO " : "REVOKE ... FROM ");
  } else if (kind == "GrantRoleStmt") {
    // GRANT / REVOKE role membership: both the role and its members must exist.
    std::string words = node.flag("is_grant") ? "GRANT ... TO " : "REVOKE ... FROM ";
    for (Node granted : node.list("granted_roles")) {
      if (!granted.has("priv_name")) continue;
      Target target;
      target.kinds = {ObjectKind::role};
      target.name = {"", std::string(granted.str("priv_name"))};
      target.noun = "role";
      target.missing = lint::condition::undefined_object;
      target.what = words + "role " + target.name.name;
      targets.push_back(std::move(target));
    }
    add_roles(node.list("grantee_roles"), targets, words);
  } else if (kind == "AlterDefaultPrivilegesStmt") {
    for (Node option : node.list("options")) {
      if (option.str("defname") == "roles") {
        add_roles(option.get("arg").list("items"), targets, "ALTER DEFAULT PRIVILEGES ... ");
      }
      if (option.str("defname") == "schemas") {
        for (Node schema : option.get("arg").list("items")) {
          Target target;
          target.kinds = {ObjectKind::schema};
          target.name.name = std::string(schema.as_str());
          target.noun = "schema";
          target.missing = lint::condition::invalid_schema_name;
          target.what = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + target.name.name;
          targets.push_back(std::move(target));
        }
      }
    }
    add_roles(node.get("action").list("grantees"), targets, "ALTER DEFAULT PRIVILEGES ... ");
  } else if (kind == "DropOwnedStmt" || kind == "ReassignOwnedStmt") {
    add_roles(node.list("roles"), targets,
              kind == "DropOwnedStmt" ? "DROP OWNED BY " : "REASSIGN OWNED BY ", "");
  } else if (kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt") {
    std::string words = kind == "InsertStmt"   ? "INSERT INTO "
                        : kind == "UpdateStmt" ? "UPDATE "
                                               : "DELETE FROM ";
    relation(node.get("relation"), words);
    std::string statement_name = words + name_of(node.get("relation")).display();
    for (const Source& source : sources(node)) {
      relation(source.relation, statement_name + " reading ");
    }
    for (const Node& written : with_tables(node)) {
      relation(written, statement_name + " through its WITH query on ");
    }
  } else if (kind == "IndexStmt") {
    relation(node.get("relation"), "CREATE INDEX ON ");
  } else if (kind == "TruncateStmt") {
    for (Node object : node.list("relations")) relation(object, "TRUNCATE ");
  } else if (kind == "LockStmt") {
    for (Node object : node.list("relations")) relation(object, "LOCK TABLE ");
  } else if (kind == "RefreshMatViewStmt") {
    Target target = relation_target(node.get("relation"), {ObjectKind::materialized_view});
    target.what = "REFRESH MATERIALIZED VIEW " + target.name.display();
    targets.push_back(std::move(target));
  } else if (kind == "VacuumStmt") {
    std::string words = node.flag("is_vacuumcmd") ? "VACUUM " : "ANALYZE ";
    for (Node rel : node.list("rels")) relation(rel.get("relation"), words);
  }
  return targets;
}

// How a later statement of the file removes what a statement needs: a DROP, or a rename (or
// SET SCHEMA) that takes the name away.
struct Removal {
  enum class Cause : std::uint8_t { itself, parent, schema };
  const Statement* drop = nullptr;
  Cause cause = Cause::itself;
  bool moved = false;
};

// Whether a DROP of routines removes the target's overload, or names the routine without its
// argument types.
bool drops_overload(const Statement& drop, const Target& target) {
  if (!target.args) return true;
  if (drop.kind() == "RenameStmt" || drop.kind() == "AlterObjectSchemaStmt") {
    Node object = drop.node.get("object");
    if (!object.is("ObjectWithArgs")) return true;
    auto args = routine_args(object);
    return !args || *args == *target.args;
  }
  if (drop.kind() != "DropStmt") return true;
  for (Node object : drop.node.list("objects")) {
    if (!same_name(name_of(object.list("objname")), target.name)) continue;
    auto args = routine_args(object);
    if (!args || *args == *target.args) return true;
  }
  return false;
}

// The schema the target (or its table) is written in; empty when not written.
std::string schema_of(const Target& target) {
  return target.name.schema.empty() ? target.parent.schema : target.name.schema;
}

ObjectKey schema_key(const std::string& schema) {
  return ObjectKey{ObjectKind::schema, QualifiedName{"", schema}, {}};
}

// The catalog's kind of a relation kind; nothing for the others.
std::optional<lint::ObjectKind> relation_kind(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::table:
      return lint::ObjectKind::table;
    case ObjectKind::view:
      return lint::ObjectKind::view;
    case ObjectKind::materialized_view:
      return lint::ObjectKind::materialized_view;
    case ObjectKind::sequence:
      return lint::ObjectKind::sequence;
    case ObjectKind::foreign_table:
      return lint::ObjectKind::foreign_table;
    case ObjectKind::index:
      return lint::ObjectKind::index;
    default:
      return std::nullopt;
  }
}

// Whether the relation `at` names as `written` and the one a later statement removes under a
// name written otherwise (one with a schema, the other without) are two relations, by the
// catalog's replay: an unqualified name is looked up along the search path (ALTER TABLE
// app.accounts ...; DROP TABLE accounts drops public.accounts). False when it cannot tell.
bool other_relation(const FileScope& scope, const Statement& at, const QualifiedName& written,
                    const std::vector<ObjectKind>& kinds, const Statement& removal) {
  if (removal.kind() != "DropStmt") return false;
  for (const ObjectKey& dropped : object_changes(removal.node).dropped) {
    if (!same_name(dropped.name, written) || dropped.name.schema == written.schema) continue;
    if (std::find(kinds.begin(), kinds.end(), dropped.kind) == kinds.end()) continue;
    auto kind = relation_kind(dropped.kind);
    if (!kind) return false;
    const lint::FileContext& context = scope.context();
    lint::ObjectId mine = lint::find_as_written(context, at, *kind, written.schema, written.name);
    lint::ObjectId theirs =
        lint::find_as_written(context, removal, *kind, dropped.name.schema, dropped.name.name);
    return mine != lint::k_no_object && theirs != lint::k_no_object && mine != theirs;
  }
  return false;
}

// The first statement after `at` that removes the target: a DROP of it, of its table (or
// domain), or of the schema its name is qualified with (with CASCADE, or after what it held); or
// a rename or SET SCHEMA of one of them.
std::optional<Removal> removed_after(const FileScope& scope, const Statement& at,
                                     const Target& target) {
  std::optional<Removal> first;
  auto consider = [&](const Statement* drop, Removal::Cause cause, bool moved = false) {
    if (drop == nullptr) return;
    if (cause == Removal::Cause::itself &&
        other_relation(scope, at, target.name, target.kinds, *drop)) {
      return;
    }
    if (cause == Removal::Cause::parent &&
        other_relation(scope, at, target.parent, target.parent_kinds, *drop)) {
      return;
    }
    if (!first || scope.index_of(*drop) < scope.index_of(*first->drop)) {
      first = Removal{drop, cause, moved};
    }
  };
  auto removed = [&](const ObjectKey& key, Removal::Cause cause) {
    consider(scope.dropped_after(at, key), cause);
    consider(scope.moved_away_after(at, key), cause, true);
  };
  for (ObjectKind kind : target.kinds) {
    ObjectKey key{kind, target.name, target.parent};
    const Statement* drop = scope.dropped_after(at, key);
    while (drop != nullptr && !drops_overload(*drop, target))
      drop = scope.dropped_after(*drop, key);
    consider(drop, Removal::Cause::itself);
    const Statement* move = scope.moved_away_after(at, key);
    while (move != nullptr && !drops_overload(*move, target))
      move = scope.moved_away_after(*move, key);
    consider(move, Removal::Cause::itself, true);
  }
  for (ObjectKind kind : target.parent_kinds) {
    removed(ObjectKey{kind, target.parent, {}}, Removal::Cause::parent);
  }
  std::string schema = schema_of(target);
  if (!schema.empty()) removed(schema_key(schema), Removal::Cause::schema);
  return first;
}

// Whether the file makes the target before `at` (after it): then a second run finds it there.
// For an object of a table, making the table counts (its columns and inline constraints are not
// followed one by one), and so does a CREATE SCHEMA with schema elements of its schema.
bool made(const FileScope& scope, const Statement& at, const Target& target, bool after) {
  auto find = [&](const ObjectKey& key) {
    const Statement* made = after ? scope.created_after(at, key) : scope.created_before(at, key);
    if (made == nullptr) {
      made = after ? scope.moved_onto_after(at, key) : scope.moved_onto_before(at, key);
    }
    return made;
  };
  for (ObjectKind kind : target.kinds) {
    if (find(ObjectKey{kind, target.name, target.parent}) != nullptr) return true;
  }
  for (ObjectKind kind : target.parent_kinds) {
    if (find(ObjectKey{kind, target.parent, {}}) != nullptr) return true;
  }
  std::string schema = schema_of(target);
  if (schema.empty()) return false;
  const Statement* made_schema = find(schema_key(schema));
  return made_schema != nullptr && !made_schema->node.list("schemaElts").empty();
}

// A test that finds the target, for the DO block a help text proposes.
std::string catalog_test(const Target& target) {
  auto literal = [](const QualifiedName& name) { return sql_literal(name.lookup()); };
  std::string name = sql_literal(target.name.name);
  switch (target.kinds.front()) {
    case ObjectKind::function:
      if (target.args) {
        return "to_regprocedure(" +
               sql_literal(target.name.lookup() + "(" + lint::join_strings(*target.args, ", ") +
                           ")") +
               ") IS NOT NULL";
      }
      return "to_regproc(" + literal(target.name) + ") IS NOT NULL";
    case ObjectKind::type:
      return "to_regtype(" + literal(target.name) + ") IS NOT NULL";
    case ObjectKind::schema:
      return "to_regnamespace(" + sql_literal(lint::quote_if_folded(target.name.name)) +
             ") IS NOT NULL";
    case ObjectKind::role:
      return "to_regrole(" + sql_literal(lint::quote_if_folded(target.name.name)) + ") IS NOT NULL";
    case ObjectKind::trigger:
      return "EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgrelid = to_regclass(" +
             literal(target.parent) + ") AND tgname = " + name + ")";
    case ObjectKind::policy:
      return "EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = to_regclass(" +
             literal(target.parent) + ") AND polname = " + name + ")";
    case ObjectKind::rule:
      return "EXISTS (SELECT FROM pg_catalog.pg_rewrite WHERE ev_class = to_regclass(" +
             literal(target.parent) + ") AND rulename = " + name + ")";
    case ObjectKind::table_constraint:
      return "EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass(" +
             literal(target.parent) + ") AND conname = " + name + ")";
    case ObjectKind::domain_constraint:
      return "EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE contypid = to_regtype(" +
             literal(target.parent) + ") AND conname = " + name + ")";
    case ObjectKind::column:
      return "EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(" +
             literal(target.parent) + ") AND attname = " + name + " AND NOT attisdropped)";
    case ObjectKind::extension:
      return "EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = " + name + ")";
    case ObjectKind::event_trigger:
      return "EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = " + name + ")";
    case ObjectKind::publication:
      return "EXISTS (SELECT FROM pg_catalog.pg_publication WHERE pubname = " + name + ")";
    case ObjectKind::text_search_configuration:
      return "EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = " + name + ")";
    case ObjectKind::text_search_dictionary:
      return "EXISTS (SELECT FROM pg_catalog.pg_ts_dict WHERE dictname = " + name + ")";
    default:
      return "to_regclass(" + literal(target.name) + ") IS NOT NULL";
  }
}

// A later rename (or SET SCHEMA) of the file onto an object a DROP removes, of the same kind,
// whose result the file leaves there: on the second run the DROP finds the renamed object under
// that name and drops it, with its data, while the rename's source is gone (ALTER TABLE accounts
// DROP COLUMN IF EXISTS plan; ... RENAME COLUMN plan_v2 TO plan). Nothing when the file makes
// the source again before the rename (a rebuild: CREATE TABLE t_new ...; DROP TABLE IF EXISTS t;
// ALTER TABLE t_new RENAME TO t), or makes the name itself between the DROP and the rename.
struct RenamedOnto {
  const Statement* rename = nullptr;
  ObjectMove move;
};

std::optional<RenamedOnto> renamed_onto_after(const FileScope& scope, const Statement& drop,
                                              const ObjectKey& key) {
  const Statement* rename = scope.moved_onto_after(drop, key);
  if (rename == nullptr) return std::nullopt;
  std::size_t at = scope.index_of(*rename);
  const Statement* made = scope.created_after(drop, key);
  if (made != nullptr && scope.index_of(*made) < at) return std::nullopt;
  if (scope.dropped_after(*rename, key) != nullptr ||
      scope.moved_away_after(*rename, key) != nullptr) {
    return std::nullopt;
  }
  // A relation's source is given for each relation kind: the one of the DROP's kind is shown.
  std::optional<RenamedOnto> found;
  for (ObjectMove& move : object_moves(rename->node)) {
    if (!move.to.matches(key)) continue;
    if (scope.created_before(*rename, move.from) != nullptr ||
        scope.moved_onto_before(*rename, move.from) != nullptr) {
      return std::nullopt;
    }
    if (!found || move.from.kind == key.kind) found = RenamedOnto{rename, std::move(move)};
  }
  return found;
}

void report_renamed_onto(FileScope& scope, const Statement& drop, lint::TextRange range,
                         const std::string& what, const ObjectKey& key) {
  auto onto = renamed_onto_after(scope, drop, key);
  if (!onto || scope.guard(drop, std::nullopt)) return;
  const ObjectKey& from = onto->move.from;
  std::string kind(noun(key.kind));
  std::string line = std::to_string(scope.file().position(onto->rename->range.begin).line);
  Target source;
  source.kinds = {from.kind};
  source.name = from.name;
  source.parent = from.parent;
  // A rename that a second run skips (IF EXISTS, a guard) leaves the loss for good; one that
  // fails leaves it unless a transaction around the migration rolls the DROP back.
  const Node& renamed = onto->rename->node;
  bool skipped = (renamed.is("RenameStmt") && renamed.flag("missing_ok")) ||
                 scope.guard(*onto->rename, lint::repeat_error(renamed)).has_value();
  bool holds_data = key.kind == ObjectKind::table || key.kind == ObjectKind::column ||
                    key.kind == ObjectKind::materialized_view || key.kind == ObjectKind::sequence;
  std::string then = skipped ? ", and skips the rename: " + from.name.display() + " is gone"
                             : ", then fails at the rename (" + from.name.display() + " is gone)" +
                                   (holds_data ? ": outside a transaction the data is lost" : "");
  scope
      .report(drop, range,
              what + " drops the wrong " + kind + " " + std::string(k_again) + ": line " + line +
                  " renames " + kind + " " + from.name.display() + " to " + key.name.display() +
                  ", so the second run drops that one" + (holds_data ? ", with its data" : "") +
                  then,
              "drop and rename only while " + from.name.display() + " is there: DO $$ BEGIN IF " +
                  catalog_test(source) + " THEN " + what + "; <the rename>; END IF; END $$;")
      .related(scope.file(), onto->rename->range,
               "renames " + from.name.display() + " to " + key.name.display());
}

void check_drop_renamed_onto(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (statement.kind() == "DropStmt") {
    ObjectChanges changes = object_changes(node);
    for (const ObjectKey& key : changes.dropped) {
      std::string what = "DROP " + upper(noun(key.kind)) +
                         (node.flag("missing_ok") ? " IF EXISTS " : " ") + key.name.display();
      report_renamed_onto(scope, statement, statement.range, what, key);
    }
    return;
  }
  if (statement.kind() != "AlterTableStmt" || node.str("objtype") != "OBJECT_TABLE") return;
  Node relation = node.get("relation");
  if (scope.fresh(statement, relation)) return;
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    std::string_view subtype = command.str("subtype");
    bool column = subtype == "AT_DropColumn";
    if (!column && subtype != "AT_DropConstraint") continue;
    std::string name(command.str("name"));
    ObjectKey key{column ? ObjectKind::column : ObjectKind::table_constraint,
                  QualifiedName{"", name}, name_of(relation)};
    std::string what = "ALTER TABLE " + name_of(relation).display() +
                       (column ? " DROP COLUMN " : " DROP CONSTRAINT ") +
                       (command.flag("missing_ok") ? "IF EXISTS " : "") + name;
    report_renamed_onto(scope, statement, commands.range(i), what, key);
  }
}

// A cast that looks a name up ('x'::regclass), what it finds, and what it raises when nothing
// has the name (PostgreSQL 15), where its to_reg*() twin gives NULL.
struct NameCast {
  std::string_view type;
  std::string_view function;
  std::vector<ObjectKind> kinds;
  lint::Condition missing;
};

const NameCast* name_cast(std::string_view type) {
  static const NameCast k_casts[] = {
      {"regclass",
       "to_regclass",
       {ObjectKind::table, ObjectKind::view, ObjectKind::materialized_view, ObjectKind::sequence,
        ObjectKind::foreign_table, ObjectKind::index},
       lint::condition::undefined_table},
      {"regtype", "to_regtype", {ObjectKind::type}, lint::condition::undefined_object},
      {"regproc", "to_regproc", {ObjectKind::function}, lint::condition::undefined_function},
      {"regprocedure",
       "to_regprocedure",
       {ObjectKind::function},
       lint::condition::undefined_function},
      {"regnamespace",
       "to_regnamespace",
       {ObjectKind::schema},
       lint::condition::invalid_schema_name},
      {"regrole", "to_regrole", {ObjectKind::role}, lint::condition::undefined_object},
  };
  for (const NameCast& cast : k_casts) {
    if (cast.type == type) return &cast;
  }
  return nullptr;
}

// Whether the statement itself drops the object or renames it away.
bool removes(const Statement& statement, const ObjectKey& key) {
  for (const ObjectKey& dropped : object_changes(statement.node).dropped) {
    if (dropped.matches(key)) return true;
  }
  for (const ObjectMove& move : object_moves(statement.node)) {
    if (move.from.matches(key)) return true;
  }
  return false;
}

// The statement of the file that leaves the object gone for a second run reaching `at`: the
// last drop or rename at or after it. Null when one before it takes it away: then the first run
// fails there as well.
const Statement* removal(const FileScope& scope, const Statement& at, const ObjectKey& key) {
  if (scope.moved_away_before(at, key) != nullptr || scope.dropped_before(at, key) != nullptr) {
    return nullptr;
  }
  const Statement* last = removes(at, key) ? &at : nullptr;
  for (const Statement* found : {scope.moved_away_after(at, key), scope.dropped_after(at, key)}) {
    if (found != nullptr && (last == nullptr || scope.index_of(*found) > scope.index_of(*last))) {
      last = found;
    }
  }
  return last;
}

// Whether a block around the statement, outside frame `frame`, catches the error.
bool caught_outside(const Statement& statement, std::size_t frame, const lint::Condition& error) {
  for (std::size_t k = 0; k < frame; ++k) {
    const lint::PlpgsqlFrame& outer = statement.frames[k];
    if (!outer.node.is("PLpgSQL_stmt_block") || outer.part != "body") continue;
    for (Node handler : outer.node.get("exceptions").list("exc_list")) {
      for (Node condition : handler.list("conditions")) {
        if (lint::catches(condition.str("condname"), error)) return true;
      }
    }
  }
  return false;
}

// Where the cast stands in the DO statement's text: its literal, "::" and the type.
lint::TextRange cast_range(const lint::ParsedFile& file, const Statement& block,
                           const std::string& literal, std::string_view type) {
  std::string_view text = file.slice(block.range);
  std::string quoted = sql_literal(literal);
  for (std::size_t at = text.find(quoted); at != std::string_view::npos;
       at = text.find(quoted, at + 1)) {
    std::size_t end = at + quoted.size();
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])) != 0) ++end;
    if (text.substr(end, 2) != "::") continue;
    end += 2;
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])) != 0) ++end;
    std::string word;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[end++])));
    }
    if (word != type) continue;
    auto begin = static_cast<std::uint32_t>(block.range.begin + at);
    return lint::TextRange{begin, static_cast<std::uint32_t>(block.range.begin + end)};
  }
  return lint::TextRange{};
}

// An IF test of a DO block that casts the name of an object the file drops or renames away to
// regclass (regtype, regproc, ...): on the second run the object is gone when the test runs, and
// the cast raises (relation "x" does not exist, 42P01) where to_regclass('x') gives NULL: the
// guard stops the migration instead of skipping. Judged once per test, at the first statement
// it guards.
struct CastsSeen {
  std::unordered_map<std::string, bool> seen;
};

void check_cast_in_guard(FileScope& scope, const Statement& statement, CastsSeen& seen) {
  if (!statement.embedded() || statement.parent < 0) return;
  const Statement& block = scope.file().statements()[static_cast<std::size_t>(statement.parent)];
  for (std::size_t k = 0; k < statement.frames.size(); ++k) {
    const lint::PlpgsqlFrame& frame = statement.frames[k];
    if (!frame.node.is("PLpgSQL_stmt_if")) continue;
    std::vector<std::string_view> tests{frame.node.get("cond").get("query").as_str()};
    for (Node elsif : frame.node.list("elsif_list")) {
      tests.push_back(elsif.get("cond").get("query").as_str());
    }
    for (std::string_view test : tests) {
      Node tree = scope.condition(lint::Guard{lint::GuardKind::catalog_test, k, std::string(test)});
      std::vector<std::pair<const NameCast*, std::string>> casts;
      walk(tree, [&](const Node& node) {
        if (!node.is("TypeCast")) return true;
        const NameCast* cast = name_cast(node.get("typeName").list("names").back().as_str());
        Node arg = node.get("arg");
        if (cast != nullptr && arg.is("A_Const") && arg.has("sval")) {
          casts.emplace_back(cast, std::string(arg.get("sval").str("sval")));
        }
        return true;
      });
      for (const auto& [cast, literal] : casts) {
        std::string once = std::to_string(statement.parent) + ":" +
                           std::to_string(frame.node.at()) + ":" + std::string(cast->type) + ":" +
                           literal;
        if (!seen.seen.emplace(once, true).second) continue;
        std::string_view name_text = literal;
        if (cast->type == "regprocedure") name_text = name_text.substr(0, name_text.find('('));
        std::vector<std::string> parts = lint::text_name_parts(name_text);
        if (parts.empty() || parts.size() > 2) continue;
        QualifiedName name{parts.size() == 2 ? lint::truncate_identifier(parts[0]) : "",
                           lint::truncate_identifier(parts.back())};
        bool there = false;
        const Statement* gone = nullptr;
        ObjectKind gone_kind = cast->kinds.front();
        for (ObjectKind kind : cast->kinds) {
          ObjectKey key{kind, name, {}};
          std::optional<bool> exists = scope.exists_on_rerun(statement, key);
          if (!exists && removes(statement, key)) exists = false;
          if (!exists) continue;
          there = there || *exists;
          if (!*exists && gone == nullptr) {
            gone = removal(scope, statement, key);
            gone_kind = kind;
          }
        }
        if (there || gone == nullptr || caught_outside(statement, k, cast->missing)) continue;
        std::string shown = sql_literal(literal) + "::" + std::string(cast->type);
        bool renamed = !object_moves(gone->node).empty();
        std::string line = std::to_string(scope.file().position(gone->range.begin).line);
        lint::TextRange range = cast_range(scope.file(), block, literal, cast->type);
        bool located = range.end > range.begin;
        scope
            .report(located ? block : statement, located ? range : statement.range,
                    "the guard's " + shown + " raises " + std::string(k_again) + ": line " + line +
                        (renamed ? " renames " : " drops ") + std::string(noun(gone_kind)) + " " +
                        name.display() + (renamed ? " away" : "") +
                        ", and the cast of a missing name fails (" +
                        std::string(cast->missing.name) + ", " +
                        std::string(cast->missing.sqlstate) + ") instead of finding nothing",
                    "write " + std::string(cast->function) + "(" + sql_literal(literal) +
                        "), which gives NULL for a missing name")
            .related(scope.file(), gone->range,
                     std::string(renamed ? "renames " : "drops ") + name.display());
      }
    }
  }
}

// The statement's words, for "... has no IF EXISTS form".
std::string statement_words(const Statement& statement) {
  const Node& node = statement.node;
  std::string_view kind = statement.kind();
  if (kind == "CommentStmt") return "COMMENT ON";
  if (kind == "SecLabelStmt") return "SECURITY LABEL";
  if (kind == "GrantStmt" || kind == "GrantRoleStmt")
    return node.flag("is_grant") ? "GRANT" : "REVOKE";
  if (kind == "AlterDefaultPrivilegesStmt") return "ALTER DEFAULT PRIVILEGES";
  if (kind == "AlterOwnerStmt") return "ALTER ... OWNER TO";
  if (kind == "AlterFunctionStmt") return "ALTER FUNCTION";
  if (kind == "AlterPolicyStmt") return "ALTER POLICY";
  if (kind == "AlterEnumStmt" || kind == "AlterTableStmt") return "ALTER TYPE";
  if (kind == "AlterDomainStmt") return "ALTER DOMAIN";
  if (kind == "AlterExtensionStmt" || kind == "AlterExtensionContentsStmt")
    return "ALTER EXTENSION";
  if (kind == "AlterEventTrigStmt") return "ALTER EVENT TRIGGER";
  if (kind == "AlterPublicationStmt") return "ALTER PUBLICATION";
  if (kind == "AlterTSConfigurationStmt") return "ALTER TEXT SEARCH CONFIGURATION";
  if (kind == "DropOwnedStmt") return "DROP OWNED";
  if (kind == "ReassignOwnedStmt") return "REASSIGN OWNED";
  if (kind == "InsertStmt") return "INSERT";
  if (kind == "UpdateStmt") return "UPDATE";
  if (kind == "DeleteStmt") return "DELETE";
  if (kind == "TruncateStmt") return "TRUNCATE";
  if (kind == "IndexStmt") return "CREATE INDEX";
  if (kind == "LockStmt") return "LOCK";
  if (kind == "RefreshMatViewStmt") return "REFRESH MATERIALIZED VIEW";
  if (kind == "VacuumStmt") return node.flag("is_vacuumcmd") ? "VACUUM" : "ANALYZE";
  return "it";
}

// Where IF EXISTS goes in a statement that has it: after ALTER TABLE, INDEX, SEQUENCE, VIEW
// (MATERIALIZED VIEW, FOREIGN TABLE); nullopt for the others.
std::optional<std::string_view> if_exists_keyword(const Statement& statement) {
  if (statement.kind() == "AlterSeqStmt") return "SEQUENCE";
  if (statement.kind() != "AlterTableStmt") return std::nullopt;
  std::string_view objtype = statement.node.str("objtype");
  if (objtype == "OBJECT_TYPE") return std::nullopt;
  if (objtype == "OBJECT_INDEX") return "INDEX";
  if (objtype == "OBJECT_SEQUENCE") return "SEQUENCE";
  if (objtype == "OBJECT_VIEW" || objtype == "OBJECT_MATVIEW") return "VIEW";
  return "TABLE";
}

// A statement whose object a later statement of the file drops (itself, its table, or its
// schema), while nothing makes it again: the second run finds it gone there. ALTER TABLE and
// ALTER SEQUENCE get IF EXISTS; the others, which have no IF EXISTS form, a guard. Whether it
// said so (or found the statement guarded).
bool check_gone_on_rerun(FileScope& scope, const Statement& statement) {
  for (const Target& target : needed(statement)) {
    auto removal = removed_after(scope, statement, target);
    if (!removal) continue;
    if (made(scope, statement, target, false) || made(scope, *removal->drop, target, true)) {
      continue;
    }
    // What the second run raises: the object's own error, or its table's or schema's when
    // those are gone as well.
    std::string schema = schema_of(target);
    bool parent_is_domain =
        !target.parent_kinds.empty() && target.parent_kinds.front() == ObjectKind::type;
    lint::Condition error = target.missing;
    std::string verb = "removed";
    std::string by = "the DROP";
    if (removal->moved) {
      bool rename = removal->drop->kind() == "RenameStmt";
      verb = rename ? "renamed" : "moved";
      by = rename ? "the RENAME" : "the SET SCHEMA";
    }
    std::string how = "has " + verb + " it by then";
    if (removal->cause == Removal::Cause::schema) {
      how = "has " + verb + " its schema " + schema + " by then";
      if (scope.created_before(statement, schema_key(schema)) == nullptr) {
        error = lint::condition::invalid_schema_name;
      } else if (!target.parent.name.empty()) {
        error =
            parent_is_domain ? lint::condition::undefined_object : lint::condition::undefined_table;
      }
    } else if (removal->cause == Removal::Cause::parent) {
      how = "has " + verb + " its " + (parent_is_domain ? "domain " : "table ") +
            target.parent.display() + " by then";
      error =
          parent_is_domain ? lint::condition::undefined_object : lint::condition::undefined_table;
    }
    if (scope.guard(statement, error)) return true;
    std::string dropped_line =
        std::to_string(scope.file().position(removal->drop->range.begin).line);
    std::optional<std::string_view> keyword = if_exists_keyword(statement);
    std::string help;
    if (keyword) {
      help =
          "write IF EXISTS after ALTER " + std::string(*keyword) + ": a second run then skips it";
    } else {
      help = statement_words(statement) + " has no IF EXISTS form: run it in a DO block, IF " +
             catalog_test(target) + " THEN ... END IF" +
             (removal->moved ? std::string(", or write it after ") + by + " with the new name"
                             : std::string(", or leave it out if the DROP makes it pointless"));
    }
    auto finding = scope.report(statement, statement.range,
                                target.what + " fails " + std::string(k_again) + ": " + by +
                                    " on line " + dropped_line + " of this file " + how,
                                help);
    if (keyword) {
      StatementTokens tokens(scope.file(), statement);
      FileScope::fix(finding, statement, "Add IF EXISTS", after_keyword(tokens, *keyword), true);
    }
    return true;
  }
  return false;
}

// The columns of its table that an INSERT, UPDATE or DELETE names: the INSERT's column list,
// the UPDATE's SET targets, and the column references of its values and WHERE that belong to the
// table (qualified with its name or alias, or unqualified when no other table is in scope;
// subqueries are left out).
std::vector<std::string> columns_named(const Node& node) {
  std::vector<std::string> columns;
  auto add = [&](std::string_view name) {
    std::string column = lint::truncate_identifier(name);
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
      columns.push_back(std::move(column));
    }
  };
  Node relation = node.get("relation");
  std::string_view alias = relation.get("alias").str("aliasname");
  bool alone = node.list("fromClause").empty() && node.list("usingClause").empty();
  auto references = [&](const Node& tree) {
    walk(tree, [&](const Node& ref) {
      if (ref.is("SubLink") || ref.is("SelectStmt")) return false;
      if (!ref.is("ColumnRef")) return true;
      lint::NodeList fields = ref.list("fields");
      if (fields.empty() || !fields.back().is("String")) return false;
      if (fields.size() == 1 && alone) add(fields.back().as_str());
      if (fields.size() == 2) {
        std::string_view qualifier = fields.front().as_str();
        if (qualifier == (alias.empty() ? relation.str("relname") : alias)) {
          add(fields.back().as_str());
        }
      }
      return false;
    });
  };
  std::string_view kind = node.kind();
  if (kind == "InsertStmt") {
    for (Node target : node.list("cols")) add(target.str("name"));
  } else if (kind == "UpdateStmt") {
    for (Node target : node.list("targetList")) {
      add(target.str("name"));
      references(target.get("val"));
    }
    references(node.get("whereClause"));
  } else if (kind == "DeleteStmt") {
    references(node.get("whereClause"));
  }
  return columns;
}

// The columns an ALTER TABLE alters (ALTER COLUMN c SET DEFAULT, TYPE, SET NOT NULL, SET
// STATISTICS, ...), those it adds itself left out: ADD COLUMN IF NOT EXISTS c makes them again.
std::vector<std::string> columns_altered(const Node& node) {
  static constexpr std::string_view k_subtypes[] = {
      "AT_ColumnDefault",  "AT_SetNotNull",
      "AT_DropNotNull",    "AT_AlterColumnType",
      "AT_SetStatistics",  "AT_SetOptions",
      "AT_ResetOptions",   "AT_SetStorage",
      "AT_SetCompression", "AT_AddIdentity",
      "AT_SetIdentity",    "AT_DropIdentity",
      "AT_DropExpression", "AT_AlterColumnGenericOptions"};
  std::vector<std::string> altered;
  std::vector<std::string> added;
  for (Node command : node.list("cmds")) {
    std::string_view subtype = command.str("subtype");
    if (subtype == "AT_AddColumn") {
      added.push_back(lint::truncate_identifier(command.get("def").str("colname")));
    } else if (std::find(std::begin(k_subtypes), std::end(k_subtypes), subtype) !=
                   std::end(k_subtypes) &&
               !command.str("name").empty()) {
      altered.push_back(lint::truncate_identifier(command.str("name")));
    }
  }
  std::erase_if(altered, [&](const std::string& column) {
    return std::find(added.begin(), added.end(), column) != added.end();
  });
  return altered;
}

// An INSERT, UPDATE or DELETE that names a column a later statement of the file drops or
// renames (and nothing adds again), of its table or of one it reads, or an ALTER TABLE that
// alters it: the second run fails there, before it reaches the DROP (42703). ALTER COLUMN has no
// IF EXISTS form.
void check_column_gone_on_rerun(FileScope& scope, const Statement& statement) {
  std::string_view kind = statement.kind();
  bool alter = kind == "AlterTableStmt" && statement.node.str("objtype") == "OBJECT_TABLE";
  if (kind != "InsertStmt" && kind != "UpdateStmt" && kind != "DeleteStmt" && !alter) return;
  std::vector<std::pair<QualifiedName, std::vector<std::string>>> tables;
  tables.emplace_back(name_of(statement.node.get("relation")),
                      alter ? columns_altered(statement.node) : columns_named(statement.node));
  if (!alter) {
    for (Source& source : sources(statement.node)) {
      tables.emplace_back(name_of(source.relation), std::move(source.columns));
    }
  }
  for (const auto& [table, columns] : tables) {
    for (const std::string& column : columns) {
      ObjectKey key{ObjectKind::column, QualifiedName{"", column}, table};
      const Statement* drop = scope.dropped_after(statement, key);
      const Statement* moved = scope.moved_away_after(statement, key);
      bool renamed =
          moved != nullptr && (drop == nullptr || scope.index_of(*moved) < scope.index_of(*drop));
      if (renamed) drop = moved;
      if (drop == nullptr || scope.created_after(*drop, key) != nullptr ||
          scope.moved_onto_after(*drop, key) != nullptr ||
          scope.created_before(statement, key) != nullptr ||
          scope.moved_onto_before(statement, key) != nullptr) {
        continue;
      }
      if (scope.guard(statement, lint::condition::undefined_column)) return;
      std::string dropped_line = std::to_string(scope.file().position(drop->range.begin).line);
      std::string of = table.display() == name_of(statement.node.get("relation")).display()
                           ? ""
                           : " of " + table.display();
      scope.report(statement, statement.range,
                   needed(statement).front().what + " fails " + std::string(k_again) + ": column " +
                       column + of + " is gone by then, " + (renamed ? "renamed" : "dropped") +
                       " on line " + dropped_line + " of this file",
                   "run it in a DO block that first tests the catalog for the column "
                   "(information_schema.columns), or put it in an earlier migration than the " +
                       std::string(renamed ? "RENAME" : "DROP"));
      return;
    }
  }
}

// ALTER TABLE ... VALIDATE CONSTRAINT c (or ALTER CONSTRAINT c) before a later statement of the
// file drops c (or renames it away), and nothing makes it again: the second run stops there
// (constraint "c" of relation "t" does not exist, 42704); IF EXISTS after ALTER TABLE is the
// table's, not the constraint's. The GitLab cleanup: validate, SET NOT NULL, drop the check.
void check_constraint_gone_on_rerun(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (statement.kind() != "AlterTableStmt" || node.str("objtype") != "OBJECT_TABLE") return;
  Node relation = node.get("relation");
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    std::string_view subtype = command.str("subtype");
    std::string name;
    std::string what;
    if (subtype == "AT_ValidateConstraint" || subtype == "AT_ValidateConstraintRecurse") {
      name = lint::truncate_identifier(command.str("name"));
      what = "VALIDATE CONSTRAINT ";
    } else if (subtype == "AT_AlterConstraint") {
      name = lint::truncate_identifier(command.get("def").str("conname"));
      what = "ALTER CONSTRAINT ";
    } else {
      continue;
    }
    if (name.empty() || FileScope::drops_constraint_earlier(node, i, name)) continue;
    ObjectKey key{ObjectKind::table_constraint, QualifiedName{"", name}, name_of(relation)};
    const Statement* drop = scope.dropped_after(statement, key);
    const Statement* moved = scope.moved_away_after(statement, key);
    bool renamed =
        moved != nullptr && (drop == nullptr || scope.index_of(*moved) < scope.index_of(*drop));
    if (renamed) drop = moved;
    if (drop == nullptr || scope.exists_on_rerun(statement, key) != false) continue;
    if (scope.guard(statement, lint::condition::undefined_object)) return;
    std::string line = std::to_string(scope.file().position(drop->range.begin).line);
    what += name;
    Target target;
    target.kinds = {ObjectKind::table_constraint};
    target.name = key.name;
    target.parent = key.parent;
    scope
        .report(statement, commands.range(i),
                what + " fails " + std::string(k_again) + ": constraint " + name + " of " +
                    key.parent.display() + " is gone by then, " +
                    (renamed ? "renamed" : "dropped") + " on line " + line + " of this file",
                "run it in a DO block, IF " + catalog_test(target) +
                    " THEN ... END IF, or leave it out if the " + (renamed ? "RENAME" : "DROP") +
                    " makes it pointless")
        .related(scope.file(), drop->range, (renamed ? "renames " : "drops ") + name);
  }
}

// ---- enum labels a rebuild of the enum removes

// What a second run raises when an unknown literal names no label of the enum (enum_in()).
constexpr lint::Condition k_invalid_enum_input{"invalid_text_representation", "22P02"};

bool same_type_name(const lint::NodeList& a, const lint::NodeList& b) {
  if (a.empty() || b.empty() || a.back().as_str() != b.back().as_str()) return false;
  return a.size() == 1 || b.size() == 1 || a[a.size() - 2].as_str() == b[b.size() - 2].as_str();
}

// The enum a column of a table ends the file as, when the file converts it to one it makes
// (the rebuild: RENAME the old type, CREATE TYPE ... AS ENUM without a label, ALTER COLUMN ...
// TYPE ... USING, DROP the old type): the CREATE TYPE and the ALTER COLUMN.
struct EnumConversion {
  const Statement* created = nullptr;
  const Statement* converted = nullptr;
};

std::optional<EnumConversion> enum_conversion(const FileScope& scope, const Node& relation,
                                              std::string_view column) {
  const auto& all = scope.file().all_statements();
  QualifiedName table = name_of(relation);
  Node type;
  std::size_t at = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i]->kind() != "AlterTableStmt" ||
        !same_name(name_of(all[i]->node.get("relation")), table)) {
      continue;
    }
    for (Node command : all[i]->node.list("cmds")) {
      if (command.str("subtype") == "AT_AlterColumnType" && command.str("name") == column) {
        type = command.get("def").get("typeName");
        at = i;
      }
    }
  }
  if (!type.valid() || !type.list("arrayBounds").empty()) return std::nullopt;
  for (std::size_t i = at; i-- > 0;) {
    if (all[i]->kind() == "CreateEnumStmt" &&
        same_type_name(all[i]->node.list("typeName"), type.list("names"))) {
      return EnumConversion{all[i], all[at]};
    }
  }
  return std::nullopt;
}

// Whether the file gives the enum the label: CREATE TYPE ... AS ENUM with it, or ADD VALUE of it
// after that.
bool has_label(const FileScope& scope, const EnumConversion& conversion, std::string_view label) {
  for (Node value : conversion.created->node.list("vals")) {
    if (value.as_str() == label) return true;
  }
  const auto& all = scope.file().all_statements();
  for (std::size_t i = scope.index_of(*conversion.created) + 1; i < all.size(); ++i) {
    if (all[i]->kind() == "AlterEnumStmt" && all[i]->node.str("newVal") == label) return true;
  }
  return false;
}

// A string literal compared with a column of the statement's table in its WHERE or SET values
// (c = 'x', c <> 'x', c IN ('x', 'y'), CASE c WHEN 'x'): the column, and each literal.
struct LabelUse {
  std::string column;
  Node literal;
};

std::vector<LabelUse> label_uses(const Node& node) {
  std::vector<LabelUse> uses;
  Node relation = node.get("relation");
  std::string_view alias = relation.get("alias").str("aliasname");
  bool alone = node.list("fromClause").empty() && node.list("usingClause").empty();
  auto column_of = [&](const Node& side) -> std::string {
    if (!side.is("ColumnRef")) return {};
    lint::NodeList fields = side.list("fields");
    if (fields.empty() || !fields.back().is("String")) return {};
    if (fields.size() == 1 && alone) return std::string(fields.back().as_str());
    if (fields.size() == 2 &&
        fields.front().as_str() == (alias.empty() ? relation.str("relname") : alias)) {
      return std::string(fields.back().as_str());
    }
    return {};
  };
  auto literal = [](const Node& side) { return side.is("A_Const") && side.has("sval"); };
  auto add = [&](const std::string& column, const Node& value) {
    if (column.empty()) return;
    if (literal(value)) uses.push_back({column, value});
    if (value.is("List")) {
      for (Node item : value.list("items")) {
        if (literal(item)) uses.push_back({column, item});
      }
    }
  };
  auto scan = [&](const Node& tree) {
    walk(tree, [&](const Node& expression) {
      if (expression.is("SubLink") || expression.is("SelectStmt")) return false;
      if (expression.is("A_Expr")) {
        std::string_view kind = expression.str("kind");
        if (kind == "AEXPR_OP" || kind == "AEXPR_IN" || kind == "AEXPR_DISTINCT" ||
            kind == "AEXPR_NOT_DISTINCT") {
          add(column_of(expression.get("lexpr")), expression.get("rexpr"));
          if (kind != "AEXPR_IN") {
            add(column_of(expression.get("rexpr")), expression.get("lexpr"));
          }
        }
      } else if (expression.is("CaseExpr")) {
        std::string column = column_of(expression.get("arg"));
        for (Node when : expression.list("args")) add(column, when.get("expr"));
      }
      return true;
    });
  };
  scan(node.get("whereClause"));
  for (Node target : node.list("targetList")) scan(target.get("val"));
  return uses;
}

// The name the enum a conversion makes has once the file's later statements have run: a rebuild
// made under a temporary name renames it to the old one after converting the columns (Prisma's
// down: CREATE TYPE "Role_old", ALTER COLUMN ... TYPE "Role_old", ALTER TYPE "Role_old" RENAME TO
// "Role"), and a second run meets it under that name.
std::string enum_name_at_end(const FileScope& scope, const EnumConversion& conversion) {
  lint::NodeList names = conversion.created->node.list("typeName");
  std::string name(names.back().as_str());
  const auto& all = scope.file().all_statements();
  for (std::size_t i = scope.index_of(*conversion.converted) + 1; i < all.size(); ++i) {
    const Node& node = all[i]->node;
    if (all[i]->kind() != "RenameStmt" || node.str("renameType") != "OBJECT_TYPE") continue;
    lint::NodeList renamed = node.get("object").list("items");
    if (renamed.empty() || renamed.back().as_str() != name ||
        (renamed.size() > 1 && names.size() > 1 &&
         renamed[renamed.size() - 2].as_str() != names[names.size() - 2].as_str())) {
      continue;
    }
    name = node.str("newname");
  }
  return name;
}

// An UPDATE or DELETE that compares a column with a label of its enum that a later rebuild of
// the enum in the file leaves out (Alembic's down: UPDATE t SET status = 'A' WHERE status = 'X',
// then the enum made again without 'X' and the column converted to it): on the second run the
// column is of the new enum, and the literal fails (invalid input value for enum, 22P02).
void check_label_gone_on_rerun(FileScope& scope, const Statement& statement) {
  std::string_view kind = statement.kind();
  if (kind != "UpdateStmt" && kind != "DeleteStmt") return;
  Node relation = statement.node.get("relation");
  for (const LabelUse& use : label_uses(statement.node)) {
    auto conversion = enum_conversion(scope, relation, use.column);
    if (!conversion || scope.index_of(*conversion->created) < scope.index_of(statement)) continue;
    std::string label(use.literal.get("sval").str("sval"));
    if (has_label(scope, *conversion, label)) continue;
    if (scope.guard(statement, k_invalid_enum_input)) return;
    std::string made(conversion->created->node.list("typeName").back().as_str());
    // Under the name it has by then, as PostgreSQL writes it (format_type: quoted when it has
    // to be).
    std::string final_name = enum_name_at_end(scope, *conversion);
    std::string type = lint::sql_identifier(final_name);
    std::string as_made = final_name == made ? std::string() : " (as " + made + ")";
    auto line = [&](const Statement* at) {
      return std::to_string(scope.file().position(at->range.begin).line);
    };
    std::uint32_t begin = statement.offset(use.literal.location());
    lint::TextRange range{begin, begin + static_cast<std::uint32_t>(label.size() + 2)};
    scope
        .report(statement, range,
                (kind == "DeleteStmt" ? "DELETE FROM " : "UPDATE ") + name_of(relation).display() +
                    " fails " + std::string(k_again) + ": by then " + use.column + " is of enum " +
                    type + ", which line " + line(conversion->created) + " of this file makes" +
                    as_made + " without '" + label + "' (line " + line(conversion->converted) +
                    " converts the column to it), and PostgreSQL rejects the literal: invalid "
                    "input value for enum " +
                    type + ": \"" + label + "\"",
                "compare the column as text (" + use.column + "::text = " + sql_literal(label) +
                    "), which a second run finds no rows for, or mark it -- sqlgate:run-once "
                    "<reason>")
        .related(scope.file(), conversion->created->range, "makes " + made + " without it");
    return;
  }
}

// Where the file drops and makes table constraints, by the constraint's name: statement
// indexes in file order, true for a make. Read once per file.
struct ConstraintEvents {
  explicit ConstraintEvents(const lint::ParsedFile& file) {
    const auto& all = file.all_statements();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i]->kind() != "AlterTableStmt" && all[i]->kind() != "CreateStmt") continue;
      ObjectChanges changes = object_changes(all[i]->node);
      for (const auto& [keys, made] :
           {std::pair{&changes.dropped, false}, std::pair{&changes.created, true}}) {
        for (const ObjectKey& key : *keys) {
          if (key.kind == ObjectKind::table_constraint)
            by_name[key.name.name].emplace_back(i, made);
        }
      }
    }
  }
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, bool>>> by_name;
};

// SET CONSTRAINTS k IMMEDIATE (or DEFERRED) before a later statement of the file drops k, and
// nothing makes it again: the second run finds no k (42704), and SET CONSTRAINTS has no IF
// EXISTS. Django writes it before dropping a foreign key.
void check_set_constraints(FileScope& scope, const Statement& statement) {
  const auto& all = scope.file().all_statements();
  const auto& events = scope.context().shared<ConstraintEvents>(scope.file()).by_name;
  std::size_t here = scope.index_of(statement);
  for (Node constraint : statement.node.list("constraints")) {
    std::string name = lint::truncate_identifier(constraint.str("relname"));
    auto found = events.find(name);
    if (found == events.end()) continue;
    // The first drop after it; any make before it (made first on every run) or after that drop
    // leaves a constraint of that name for the second run's SET CONSTRAINTS.
    std::optional<std::size_t> dropped;
    bool made_again = false;
    for (const auto& [at, made] : found->second) {
      if (made && (at < here || (dropped && at > *dropped))) made_again = true;
      if (!made && at > here && !dropped) dropped = at;
    }
    if (!dropped || made_again) continue;
    if (scope.guard(statement, lint::condition::undefined_object)) return;
    const Statement& drop = *all[*dropped];
    std::string line = std::to_string(scope.file().position(drop.range.begin).line);
    scope
        .report(statement, statement.range,
                "SET CONSTRAINTS " + name + " fails " + std::string(k_again) + ": constraint " +
                    name + " is gone by then, dropped on line " + line + " of this file",
                "leave it out: a constraint about to be dropped needs no checking mode (or run "
                "it in a DO block that tests pg_constraint first)")
        .related(scope.file(), drop.range, "drops " + name);
    return;
  }
}

// EXECUTE format('DROP INDEX %I.orders_placed_at_idx', s) in a DO block (a loop over every
// tenant's schema), with nothing around it that tests or catches: the second run finds the
// object gone. Judged by the template's form, as require-if-not-exists judges its CREATEs: the
// names %I and %s stand for are not known, so a statement of any template of the file that makes
// an object of the same kind and name (its schema may be a stand-in) is taken to make it again.
void check_templates(FileScope& scope, const lint::ParsedFile& file) {
  const auto& templated = file.templated();
  TemplateChanges templates(file);
  auto made_again = [&](const ObjectKey& gone) { return templates.made(gone); };
  auto report = [&](const Statement& statement, const std::string& what, std::string_view found,
                    const std::string& help) {
    scope.report(statement, statement.range,
                 "EXECUTE format(...) runs " + what + ", which fails " + std::string(k_again) +
                     ": " + std::string(found),
                 help);
  };
  for (const Statement& statement : templated) {
    const Node& node = statement.node;
    if (node.is("DropStmt")) {
      const DropForm* form = drop_form(node.str("removeType"));
      if (form == nullptr || node.flag("missing_ok") ||
          lint::conditional(statement, lint::repeat_error(node))) {
        continue;
      }
      ObjectChanges changes = object_changes(node);
      if (std::any_of(changes.dropped.begin(), changes.dropped.end(), made_again)) continue;
      std::string words(form->words);
      report(statement, "DROP " + words + " " + dropped_names(node),
             "the " + std::string(form->noun) + " is already gone",
             "write DROP " + words +
                 " IF EXISTS in the format() template: the second run then "
                 "skips what the first dropped");
      continue;
    }
    if (!node.is("AlterTableStmt") || node.str("objtype") != "OBJECT_TABLE") continue;
    QualifiedName table = name_of(node.get("relation"));
    for (Node command : node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      bool column = subtype == "AT_DropColumn";
      if ((!column && subtype != "AT_DropConstraint") || command.flag("missing_ok") ||
          lint::conditional(statement, lint::repeat_error(node, command))) {
        continue;
      }
      std::string name(command.str("name"));
      ObjectKey gone{column ? ObjectKind::column : ObjectKind::table_constraint,
                     QualifiedName{"", name}, table};
      if (made_again(gone)) continue;
      std::string what = (column ? "DROP COLUMN " : "DROP CONSTRAINT ") + name;
      report(statement, "ALTER TABLE " + table.display() + " " + what,
             "the " + std::string(column ? "column" : "constraint") + " is already gone",
             "write " +
                 std::string(column ? "DROP COLUMN IF EXISTS " : "DROP CONSTRAINT IF EXISTS ") +
                 name + " in the format() template");
    }
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  CastsSeen casts;
  check_templates(scope, context.file);
  for (const Statement* statement : scope.statements()) {
    std::string_view kind = statement->kind();
    check_cast_in_guard(scope, *statement, casts);
    if (check_gone_on_rerun(scope, *statement)) continue;
    check_column_gone_on_rerun(scope, *statement);
    check_constraint_gone_on_rerun(scope, *statement);
    check_label_gone_on_rerun(scope, *statement);
    check_drop_renamed_onto(scope, *statement);
    if (kind == "DropStmt") {
      check_drop(scope, *statement);
    } else if (kind == "AlterTableStmt") {
      check_alter_table(scope, *statement);
      check_default_before_identity(scope, *statement);
    } else if (kind == "ConstraintsSetStmt") {
      check_set_constraints(scope, *statement);
    } else if (kind == "DropRoleStmt" || kind == "DropdbStmt" || kind == "DropTableSpaceStmt" ||
               kind == "DropUserMappingStmt" || kind == "DropSubscriptionStmt") {
      check_drop_other(scope, *statement);
    } else {
      check_other(scope, *statement);
    }
  }
}

}  // namespace

lint::Rule require_if_exists() {
  return lint::Rule{
      .info = {.id = "require-if-exists",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "DROP without IF EXISTS fails when the migration runs again",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
