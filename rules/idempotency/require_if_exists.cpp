// require-if-exists: DROP ... and ALTER ... DROP ... without IF EXISTS, and the removals that have
// no IF EXISTS form (DETACH PARTITION, NO INHERIT, ALTER EXTENSION / PUBLICATION ... DROP).
#include <array>
#include <cctype>

#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

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
  return scope.created_before(statement, key) || scope.created_after(statement, key);
}

bool created_in_file(const FileScope& scope, const Statement& statement) {
  ObjectChanges changes = object_changes(statement.node);
  if (changes.dropped.empty()) return false;
  for (const ObjectKey& key : changes.dropped) {
    if (!created_in_file(scope, statement, key)) return false;
  }
  return true;
}

void check_drop(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.flag("missing_ok")) return;
  const DropForm* form = drop_form(node.str("removeType"));
  if (form == nullptr) return;
  if (all_temporary(scope, statement) || created_in_file(scope, statement)) return;
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
    auto finding = scope.report(
        statement, range,
        what + " on " + target + " fails " + std::string(k_again) + ": it is already gone", help);
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
  std::string noun;  // "table", "role"
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
    default:
      return "table";
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

void add_roles(const lint::NodeList& roles, std::vector<Target>& targets) {
  for (Node role : roles) {
    if (role.str("roletype") != "ROLESPEC_CSTRING") continue;
    targets.push_back({{ObjectKind::role}, {"", std::string(role.str("rolename"))}, "role"});
  }
}

// What a statement needs to exist, when it is a kind of statement that fails without it and
// has no IF EXISTS written: ALTER TABLE / INDEX / SEQUENCE / VIEW, COMMENT ON, GRANT and
// REVOKE (their objects and roles, role memberships), ALTER DEFAULT PRIVILEGES (its roles),
// DROP OWNED and REASSIGN OWNED, INSERT, UPDATE, DELETE, TRUNCATE, CREATE INDEX.
std::vector<Target> needed(const Statement& statement) {
  const Node& node = statement.node;
  std::string_view kind = statement.kind();
  std::vector<Target> targets;
  auto relation = [&](const Node& range_var) {
    targets.push_back({relation_kinds(), name_of(range_var), "table"});
  };
  if (kind == "AlterTableStmt") {
    auto altered = altered_kind(node.str("objtype"));
    if (!altered || node.flag("missing_ok")) return {};
    targets.push_back({{*altered}, name_of(node.get("relation")), std::string(noun(*altered))});
  } else if (kind == "CommentStmt") {
    std::string_view type = node.str("objtype");
    Node object = node.get("object");
    lint::NodeList items = object.is("List") ? object.list("items") : object.items();
    if (type == "OBJECT_COLUMN" && items.size() >= 2) {
      QualifiedName table;
      table.name = std::string(items[items.size() - 2].as_str());
      if (items.size() >= 3) table.schema = std::string(items[items.size() - 3].as_str());
      targets.push_back({relation_kinds(), table, "table"});
    } else if (auto commented = altered_kind(type); commented && !items.empty()) {
      targets.push_back({{*commented}, name_of(items), std::string(noun(*commented))});
      if (*commented == ObjectKind::table) targets.back().kinds = relation_kinds();
    }
  } else if (kind == "GrantStmt") {
    if (node.str("targtype") == "ACL_TARGET_OBJECT" && node.str("objtype") == "OBJECT_TABLE") {
      for (Node object : node.list("objects")) relation(object);
    }
    add_roles(node.list("grantees"), targets);
  } else if (kind == "GrantRoleStmt") {
    // GRANT / REVOKE role membership: both the role and its members must exist.
    for (Node granted : node.list("granted_roles")) {
      if (granted.has("priv_name")) {
        targets.push_back(
            {{ObjectKind::role}, {"", std::string(granted.str("priv_name"))}, "role"});
      }
    }
    add_roles(node.list("grantee_roles"), targets);
  } else if (kind == "AlterDefaultPrivilegesStmt") {
    for (Node option : node.list("options")) {
      if (option.str("defname") == "roles") add_roles(option.get("arg").list("items"), targets);
    }
    add_roles(node.get("action").list("grantees"), targets);
  } else if (kind == "DropOwnedStmt" || kind == "ReassignOwnedStmt") {
    add_roles(node.list("roles"), targets);
  } else if (kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt" ||
             kind == "IndexStmt") {
    relation(node.get("relation"));
  } else if (kind == "TruncateStmt") {
    for (Node object : node.list("relations")) relation(object);
  }
  return targets;
}

// "ALTER TABLE t", "REVOKE ... FROM role r", "INSERT INTO t": the statement, for messages.
std::string what(const Statement& statement, const Target& target) {
  std::string_view kind = statement.kind();
  std::string object = std::string(target.noun) + " " + target.name.display();
  std::string name = target.name.display();
  if (kind == "AlterTableStmt") {
    std::string words(noun(target.kinds.front()));
    for (char& c : words) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "ALTER " + words + " " + name;
  }
  if (kind == "CommentStmt") return "COMMENT ON " + object;
  if (kind == "GrantStmt") {
    bool grant = statement.node.flag("is_grant");
    bool role = target.kinds.front() == ObjectKind::role;
    if (role) return std::string(grant ? "GRANT ... TO " : "REVOKE ... FROM ") + object;
    return std::string(grant ? "GRANT ... ON " : "REVOKE ... ON ") + object;
  }
  if (kind == "GrantRoleStmt") {
    return std::string(statement.node.flag("is_grant") ? "GRANT ... TO " : "REVOKE ... FROM ") +
           "role " + name;
  }
  if (kind == "AlterDefaultPrivilegesStmt") return "ALTER DEFAULT PRIVILEGES ... role " + name;
  if (kind == "DropOwnedStmt") return "DROP OWNED BY " + name;
  if (kind == "ReassignOwnedStmt") return "REASSIGN OWNED BY " + name;
  if (kind == "InsertStmt") return "INSERT INTO " + name;
  if (kind == "UpdateStmt") return "UPDATE " + name;
  if (kind == "DeleteStmt") return "DELETE FROM " + name;
  if (kind == "TruncateStmt") return "TRUNCATE " + name;
  if (kind == "IndexStmt") return "CREATE INDEX ON " + name;
  return "this statement on " + object;
}

// A statement whose object a later statement of the file drops (and nothing makes again): the
// second run finds it gone there. ALTER TABLE gets IF EXISTS; the others a guard. Whether it
// said so (or found the statement guarded).
bool check_gone_on_rerun(FileScope& scope, const Statement& statement) {
  for (const Target& target : needed(statement)) {
    for (ObjectKind kind : target.kinds) {
      ObjectKey key{kind, target.name, {}};
      const Statement* drop = scope.dropped_after(statement, key);
      if (drop == nullptr || scope.created_after(*drop, key) != nullptr ||
          scope.created_before(statement, key) != nullptr) {
        continue;
      }
      bool role = kind == ObjectKind::role;
      if (scope.guard(statement, role ? lint::condition::undefined_object
                                      : lint::condition::undefined_table)) {
        return true;
      }
      std::string dropped_line = std::to_string(scope.file().position(drop->range.begin).line);
      std::string help;
      std::optional<std::string_view> keyword;
      if (statement.kind() == "AlterTableStmt") {
        std::string_view objtype = statement.node.str("objtype");
        keyword = objtype == "OBJECT_INDEX"                                 ? "INDEX"
                  : objtype == "OBJECT_SEQUENCE"                            ? "SEQUENCE"
                  : objtype == "OBJECT_VIEW" || objtype == "OBJECT_MATVIEW" ? "VIEW"
                                                                            : "TABLE";
        help =
            "write IF EXISTS after ALTER " + std::string(*keyword) + ": a second run then skips it";
      } else {
        help = std::string("run it in a DO block that first tests the catalog for ") +
               target.name.display() + (role ? " (pg_roles)" : " (to_regclass())") +
               ", or leave it out if the DROP makes it pointless";
      }
      auto finding = scope.report(statement, statement.range,
                                  what(statement, target) + " fails " + std::string(k_again) +
                                      ": the DROP on line " + dropped_line +
                                      " of this file has removed it by then",
                                  help);
      if (keyword) {
        StatementTokens tokens(scope.file(), statement);
        FileScope::fix(finding, statement, "Add IF EXISTS", after_keyword(tokens, *keyword), true);
      }
      return true;
    }
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

// An INSERT, UPDATE or DELETE that names a column a later statement of the file drops (and
// nothing adds again): the second run fails there, before it reaches the DROP (42703).
void check_column_gone_on_rerun(FileScope& scope, const Statement& statement) {
  std::string_view kind = statement.kind();
  if (kind != "InsertStmt" && kind != "UpdateStmt" && kind != "DeleteStmt") return;
  QualifiedName table = name_of(statement.node.get("relation"));
  for (const std::string& column : columns_named(statement.node)) {
    ObjectKey key{ObjectKind::column, QualifiedName{"", column}, table};
    const Statement* drop = scope.dropped_after(statement, key);
    if (drop == nullptr || scope.created_after(*drop, key) != nullptr ||
        scope.created_before(statement, key) != nullptr) {
      continue;
    }
    if (scope.guard(statement, lint::condition::undefined_column)) return;
    std::string dropped_line = std::to_string(scope.file().position(drop->range.begin).line);
    scope.report(statement, statement.range,
                 what(statement, Target{relation_kinds(), table, "table"}) + " fails " +
                     std::string(k_again) + ": column " + column + " is gone by then, dropped on " +
                     "line " + dropped_line + " of this file",
                 "run it in a DO block that first tests the catalog for the column "
                 "(information_schema.columns), or put it in an earlier migration than the DROP");
    return;
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  for (const Statement* statement : scope.statements()) {
    std::string_view kind = statement->kind();
    if (!check_gone_on_rerun(scope, *statement)) check_column_gone_on_rerun(scope, *statement);
    if (kind == "DropStmt") {
      check_drop(scope, *statement);
    } else if (kind == "AlterTableStmt") {
      check_alter_table(scope, *statement);
      check_default_before_identity(scope, *statement);
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
