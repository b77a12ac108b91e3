// invalid-ddl: row level security and privilege commands PostgreSQL 15 refuses, for what they
// say or for what the object they name is as the migrations before left it. Each message is
// PostgreSQL's.
#include "rules/safety/refused_privileges.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/safety/builtin_settings.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct Refusal {
  std::string what;     // the command, as the message names it
  std::string why;      // empty when the command alone says it
  std::string message;  // PostgreSQL's
  std::string help;
  lint::Condition error;
};

void report(const lint::Statement& statement, const Refusal& refusal, lint::Reporter& out) {
  if (lint::conditional(statement, refusal.error)) return;
  std::string text = refusal.what;
  text +=
      refusal.why.empty() ? " fails whenever it runs" : " fails on its first run: " + refusal.why;
  text += ", and PostgreSQL refuses it (\"";
  text += refusal.message;
  text += "\")";
  out.report(statement.range, std::move(text), refusal.help);
}

constexpr lint::Condition k_syntax_error{"syntax_error", "42601"};
constexpr lint::Condition k_wrong_object_type{"wrong_object_type", "42809"};

// ---- policies

// What a policy's command refuses of its USING and WITH CHECK clauses; nothing when it takes
// them. `command` is CreatePolicyStmt's cmd_name ("all", "select", "insert", ...).
std::optional<std::pair<std::string, std::string>> policy_clauses(std::string_view command,
                                                                  bool has_using, bool has_check,
                                                                  bool create) {
  if ((command == "select" || command == "delete") && has_check) {
    std::string upper = command == "select" ? "SELECT" : "DELETE";
    // CREATE POLICY and ALTER POLICY say it in words of their own.
    return std::pair{create ? std::string("WITH CHECK cannot be applied to SELECT or DELETE")
                            : std::string("only USING expression allowed for SELECT, DELETE"),
                     "a FOR " + upper +
                         " policy has only a USING expression (the rows it lets the command "
                         "see): drop WITH CHECK, or make a FOR INSERT or FOR UPDATE policy "
                         "with it"};
  }
  if (command == "insert" && has_using) {
    return std::pair{std::string("only WITH CHECK expression allowed for INSERT"),
                     std::string("a FOR INSERT policy has only a WITH CHECK expression (the rows "
                                 "it lets the command write): write WITH CHECK (...) instead of "
                                 "USING (...)")};
  }
  return std::nullopt;
}

// The relation kinds that have no row level security, with the plural PostgreSQL's detail uses.
struct NoSecurity {
  lint::ObjectKind kind;
  std::string_view noun;    // "view"
  std::string_view plural;  // "views"
  std::string_view object;  // ALTER <object> names this kind only ("" for none)
};
constexpr NoSecurity k_no_security[] = {
    {lint::ObjectKind::view, "view", "views", "OBJECT_VIEW"},
    {lint::ObjectKind::materialized_view, "materialized view", "materialized views",
     "OBJECT_MATVIEW"},
    {lint::ObjectKind::sequence, "sequence", "sequences", "OBJECT_SEQUENCE"},
    {lint::ObjectKind::foreign_table, "foreign table", "foreign tables", "OBJECT_FOREIGN_TABLE"},
};

// The relation a statement names as written, when the migrations made it one of the kinds
// without row level security: its kind and the file that made it.
struct Insecure {
  const NoSecurity* kind = nullptr;
  std::string name;
  std::string made_by;
};
std::optional<Insecure> insecure_relation(const lint::FileContext& context,
                                          const lint::Statement& statement,
                                          const lint::RelationName& written) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  for (const NoSecurity& kind : k_no_security) {
    lint::ObjectId id =
        lint::find_as_written(context, statement, kind.kind, written.schema, written.name);
    if (id == lint::k_no_object) continue;
    const lint::CatalogObject& relation = context.project.catalog()->object(id);
    return Insecure{&kind, relation.ref_at(*tick).name,
                    context.project.source(relation.created.file).display};
  }
  return std::nullopt;
}

std::optional<Refusal> create_policy(const lint::FileContext& context,
                                     const lint::Statement& statement) {
  const Node& node = statement.node;
  lint::RelationName table = lint::relation_name(node.get("table"));
  std::string what = "CREATE POLICY " + std::string(node.str("policy_name")) + " ON " +
                     lint::sql_name(table.schema, table.name);
  // PostgreSQL reads the clauses before it looks the relation up.
  if (auto clauses =
          policy_clauses(node.str("cmd_name"), node.has("qual"), node.has("with_check"), true)) {
    return Refusal{what, "", clauses->first, clauses->second, k_syntax_error};
  }
  auto relation = insecure_relation(context, statement, table);
  if (!relation) return std::nullopt;
  std::string noun(relation->kind->noun);
  return Refusal{what, relation->name + " is a " + noun + " (made by " + relation->made_by + ")",
                 "\"" + relation->name + "\" is not a table",
                 "policies are of tables: make the policy on the table the " + noun +
                     " reads (a view reads it with its owner's rights unless it is made WITH "
                     "(security_invoker = true))",
                 k_wrong_object_type};
}

std::optional<Refusal> alter_policy(const lint::FileContext& context,
                                    const lint::Statement& statement) {
  const Node& node = statement.node;
  if (!node.has("qual") && !node.has("with_check")) return std::nullopt;
  lint::RelationName table = lint::relation_name(node.get("table"));
  std::string name = lint::truncate_identifier(node.str("policy_name"));
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::policy, table.schema, name,
                            lint::truncate_identifier(table.name));
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& policy = context.project.catalog()->object(id);
  const lint::Statement* made = lint::statement_at(context.project, policy.created);
  if (made == nullptr || !made->node.is("CreatePolicyStmt")) return std::nullopt;
  std::string_view command = made->node.str("cmd_name");
  auto clauses = policy_clauses(command, node.has("qual"), node.has("with_check"), false);
  if (!clauses) return std::nullopt;
  std::string upper;
  for (char c : command) upper += static_cast<char>(c - 'a' + 'A');
  return Refusal{"ALTER POLICY " + name + " ON " + lint::sql_name(table.schema, table.name),
                 name + " is a FOR " + upper + " policy (made by " +
                     context.project.source(policy.created.file).display + ")",
                 clauses->first, clauses->second, k_syntax_error};
}

// ALTER TABLE r ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY of a view, materialized
// view, sequence or foreign table (ALTER VIEW and the like name their own kind only).
std::optional<Refusal> row_security(const lint::FileContext& context,
                                    const lint::Statement& statement) {
  static constexpr std::pair<std::string_view, std::string_view> k_actions[] = {
      {"AT_EnableRowSecurity", "ENABLE ROW SECURITY"},
      {"AT_DisableRowSecurity", "DISABLE ROW SECURITY"},
      {"AT_ForceRowSecurity", "FORCE ROW SECURITY"},
      {"AT_NoForceRowSecurity", "NO FORCE ROW SECURITY"},
  };
  const Node& node = statement.node;
  std::string_view action;
  for (Node command : node.list("cmds")) {
    for (const auto& [subtype, name] : k_actions) {
      if (command.str("subtype") == subtype && action.empty()) action = name;
    }
  }
  if (action.empty()) return std::nullopt;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  auto relation = insecure_relation(context, statement, written);
  if (!relation) return std::nullopt;
  std::string_view objtype = node.str("objtype");
  if (objtype != "OBJECT_TABLE" && objtype != relation->kind->object) return std::nullopt;
  std::string noun(relation->kind->noun);
  std::string what = "ALTER TABLE " + lint::sql_name(written.schema, written.name) + " ";
  what += action.substr(0, action.size() - 8);  // "ENABLE ROW " + "LEVEL SECURITY"
  what += "LEVEL SECURITY";
  std::string message = "ALTER action ";
  message += action;
  message += " cannot be performed on relation \"" + relation->name +
             "\": This operation is not supported for ";
  message += relation->kind->plural;
  return Refusal{what, relation->name + " is a " + noun + " (made by " + relation->made_by + ")",
                 message,
                 "row level security is a table's: turn it on for the table the " + noun +
                     " reads, and drop the command",
                 k_wrong_object_type};
}

// ---- privileges

constexpr lint::Condition k_invalid_grant_operation{"invalid_grant_operation", "0LP01"};

// What GRANT ON <objtype> takes, and how PostgreSQL's message names the kind. TABLE takes the
// privileges of tables and of sequences (a sequence named there gets the ones it has, with a
// WARNING for the others), USAGE only of a sequence.
struct Privileges {
  std::string_view objtype;
  std::string_view noun;
  std::initializer_list<std::string_view> allowed;
};
const Privileges k_privileges[] = {
    {"OBJECT_TABLE",
     "relation",
     {"select", "insert", "update", "delete", "truncate", "references", "trigger", "usage"}},
    {"OBJECT_SEQUENCE", "sequence", {"usage", "select", "update"}},
    {"OBJECT_FUNCTION", "function", {"execute"}},
    {"OBJECT_PROCEDURE", "procedure", {"execute"}},
    {"OBJECT_ROUTINE", "routine", {"execute"}},
    {"OBJECT_SCHEMA", "schema", {"usage", "create"}},
    {"OBJECT_TYPE", "type", {"usage"}},
    {"OBJECT_DOMAIN", "domain", {"usage"}},
    {"OBJECT_DATABASE", "database", {"create", "temporary", "temp", "connect"}},
    {"OBJECT_FOREIGN_SERVER", "foreign server", {"usage"}},
    {"OBJECT_FDW", "foreign-data wrapper", {"usage"}},
    {"OBJECT_LANGUAGE", "language", {"usage"}},
    {"OBJECT_TABLESPACE", "tablespace", {"create"}},
    {"OBJECT_LARGEOBJECT", "large object", {"select", "update"}},
    {"OBJECT_PARAMETER_ACL", "parameter", {"set", "alter system"}},
};
// ALTER DEFAULT PRIVILEGES ... ON TABLES takes the privileges of tables only.
const Privileges k_default_tables{
    "OBJECT_TABLE",
    "relation",
    {"select", "insert", "update", "delete", "truncate", "references", "trigger"}};

// The privilege names PostgreSQL knows (RULE is an old one it ignores).
bool known_privilege(std::string_view name) {
  static constexpr std::string_view k_known[] = {
      "select",  "insert",  "update",       "delete", "truncate",  "references",
      "trigger", "execute", "usage",        "create", "temporary", "temp",
      "connect", "set",     "alter system", "rule"};
  for (std::string_view known : k_known) {
    if (known == name) return true;
  }
  return false;
}

std::string upper(std::string_view text) {
  std::string result;
  for (char c : text) result += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return result;
}

// How GRANT ON <objtype> writes the kind ("" for TABLE, which may go unwritten), and ON ALL ...
// IN SCHEMA and ALTER DEFAULT PRIVILEGES ... ON <plural>.
std::string_view kind_words(std::string_view objtype, bool plural) {
  static constexpr std::array<std::array<std::string_view, 3>, 15> k_words = {{
      {"OBJECT_TABLE", "TABLE", "TABLES"},
      {"OBJECT_SEQUENCE", "SEQUENCE", "SEQUENCES"},
      {"OBJECT_FUNCTION", "FUNCTION", "FUNCTIONS"},
      {"OBJECT_PROCEDURE", "PROCEDURE", "PROCEDURES"},
      {"OBJECT_ROUTINE", "ROUTINE", "ROUTINES"},
      {"OBJECT_SCHEMA", "SCHEMA", "SCHEMAS"},
      {"OBJECT_TYPE", "TYPE", "TYPES"},
      {"OBJECT_DOMAIN", "DOMAIN", "DOMAINS"},
      {"OBJECT_DATABASE", "DATABASE", "DATABASES"},
      {"OBJECT_FOREIGN_SERVER", "FOREIGN SERVER", "FOREIGN SERVERS"},
      {"OBJECT_FDW", "FOREIGN DATA WRAPPER", "FOREIGN DATA WRAPPERS"},
      {"OBJECT_LANGUAGE", "LANGUAGE", "LANGUAGES"},
      {"OBJECT_TABLESPACE", "TABLESPACE", "TABLESPACES"},
      {"OBJECT_LARGEOBJECT", "LARGE OBJECT", "LARGE OBJECTS"},
      {"OBJECT_PARAMETER_ACL", "PARAMETER", "PARAMETERS"},
  }};
  for (const auto& words : k_words) {
    if (words[0] == objtype) return plural ? words[2] : words[1];
  }
  return {};
}

// An object of GRANT's list as written (a routine without its arguments).
std::string object_text(const Node& object) {
  if (object.is("RangeVar")) {
    lint::RelationName name = lint::relation_name(object);
    return lint::sql_name(name.schema, name.name);
  }
  if (object.is("ObjectWithArgs")) return std::string(object.list("objname").back().str("sval"));
  if (object.is("String")) return std::string(object.str("sval"));
  lint::NodeList names = object.is("TypeName") ? object.list("names")
                         : object.is("List")   ? object.list("items")
                                               : object.items();
  if (!names.empty() && names.back().is("String")) return std::string(names.back().str("sval"));
  return "...";
}

// "GRANT SELECT, EXECUTE ON TABLE invoices", "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS":
// the command as messages name it (IN SCHEMA and the grantees left out).
std::string grant_text(const Node& grant, bool defaults) {
  std::string text = defaults ? "ALTER DEFAULT PRIVILEGES " : "";
  text += grant.flag("is_grant") ? "GRANT " : "REVOKE ";
  lint::NodeList privileges = grant.list("privileges");
  if (privileges.empty()) text += "ALL";
  bool first = true;
  for (Node privilege : privileges) {
    if (!first) text += ", ";
    first = false;
    text += privilege.has("priv_name") ? upper(privilege.str("priv_name")) : "ALL";
    if (privilege.has("cols")) text += " (...)";
  }
  std::string_view objtype = grant.str("objtype");
  text += " ON ";
  if (defaults) {
    text += kind_words(objtype, true);
    return text;
  }
  bool all = grant.str("targtype") == "ACL_TARGET_ALL_IN_SCHEMA";
  if (all) text += "ALL ";
  text += kind_words(objtype, all);
  text += all ? " IN SCHEMA " : " ";
  first = true;
  for (Node object : grant.list("objects")) {
    if (!first) text += ", ";
    first = false;
    text += object_text(object);
  }
  return text;
}

// The privilege PostgreSQL refuses for the kind GRANT names, by its reading of the privilege list
// (before it looks at any object); nothing when it takes them all.
std::optional<Refusal> privilege_types(const Node& grant, bool defaults, const std::string& what) {
  const Privileges* kind = nullptr;
  std::string_view objtype = grant.str("objtype");
  if (defaults && objtype == "OBJECT_TABLE") {
    kind = &k_default_tables;
  } else {
    for (const Privileges& privileges : k_privileges) {
      if (privileges.objtype == objtype) kind = &privileges;
    }
  }
  if (kind == nullptr) return std::nullopt;
  for (Node privilege : grant.list("privileges")) {
    if (!privilege.has("priv_name")) continue;  // ALL (columns)
    std::string_view name = privilege.str("priv_name");
    if (!known_privilege(name)) {
      return Refusal{what, "", "unrecognized privilege type \"" + std::string(name) + "\"",
                     "name a privilege PostgreSQL has (SELECT, INSERT, UPDATE, DELETE, TRUNCATE, "
                     "REFERENCES, TRIGGER, USAGE, EXECUTE, CREATE, CONNECT, TEMPORARY, SET, "
                     "ALTER SYSTEM)",
                     k_syntax_error};
    }
    if (name == "rule") continue;
    bool allowed = false;
    for (std::string_view known : kind->allowed) allowed = allowed || known == name;
    if (allowed) continue;
    std::string list;
    for (std::string_view known : kind->allowed) {
      if (known == "temp") continue;
      if (!list.empty()) list += ", ";
      list += upper(known);
    }
    std::string noun(kind->noun);
    return Refusal{what, "", "invalid privilege type " + upper(name) + " for " + noun,
                   "a " + noun + " has the privileges " + list + " only: drop " + upper(name) +
                       " from the list" +
                       (objtype == "OBJECT_SEQUENCE" && name != "execute"
                            ? std::string(" (a sequence's nextval() needs USAGE or UPDATE)")
                            : std::string()),
                   k_invalid_grant_operation};
  }
  return std::nullopt;
}

// PUBLIC among the grantees of GRANT ... WITH GRANT OPTION.
std::optional<Refusal> grant_option_to_public(const Node& grant, const std::string& what) {
  if (!grant.flag("is_grant") || !grant.flag("grant_option")) return std::nullopt;
  for (Node grantee : grant.list("grantees")) {
    if (grantee.str("roletype") != "ROLESPEC_PUBLIC") continue;
    return Refusal{what + " TO PUBLIC WITH GRANT OPTION", "",
                   "grant options can only be granted to roles",
                   "grant the privilege to PUBLIC without WITH GRANT OPTION, and WITH GRANT "
                   "OPTION to the roles that are to pass it on",
                   k_invalid_grant_operation};
  }
  return std::nullopt;
}

// Column privileges: only SELECT, INSERT, UPDATE and REFERENCES are a column's.
std::optional<Refusal> column_privileges(const Node& grant, const std::string& what) {
  for (Node privilege : grant.list("privileges")) {
    if (!privilege.has("cols") || !privilege.has("priv_name")) continue;
    std::string_view name = privilege.str("priv_name");
    if (name == "select" || name == "insert" || name == "update" || name == "references" ||
        !known_privilege(name) || name == "rule") {
      continue;
    }
    return Refusal{what, "", "invalid privilege type " + upper(name) + " for column",
                   "a column has the privileges SELECT, INSERT, UPDATE, REFERENCES only: grant " +
                       upper(name) + " on the table, without a column list",
                   k_invalid_grant_operation};
  }
  return std::nullopt;
}

// A routine's signature as PostgreSQL's messages write it: name(bigint, text).
std::string signature(const Node& object) {
  std::string text(object.list("objname").back().str("sval"));
  text += '(';
  bool first = true;
  for (Node type : object.list("objargs")) {
    if (!first) text += ", ";
    first = false;
    text += lint::column_type(type).display();
  }
  text += ')';
  return text;
}

// The routines alive at a tick with that schema and name (and input argument types, when given).
std::vector<lint::ObjectId> routines_named(const lint::Catalog& catalog, std::string_view schema,
                                           std::string_view name,
                                           const std::optional<std::string>& args,
                                           lint::Tick tick) {
  std::vector<lint::ObjectId> found;
  for (lint::ObjectId id = 0; id < catalog.size(); ++id) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!lint::is_routine(object.kind()) || !object.alive_at(tick)) continue;
    const lint::ObjectRef& ref = object.ref_at(tick);
    if (ref.name != name || ref.schema != schema) continue;
    if (args && ref.args && *ref.args != *args) continue;
    found.push_back(id);
  }
  return found;
}

// GRANT | REVOKE ON FUNCTION | PROCEDURE | ROUTINE: PostgreSQL looks each routine up among those
// of the kind named (functions and aggregates, procedures, any); a name without arguments must
// have one, and one with arguments must be of that kind.
std::optional<Refusal> routine_lookup(const lint::FileContext& context,
                                      const lint::Statement& statement, const Node& grant,
                                      const std::string& what) {
  std::string_view objtype = grant.str("objtype");
  if (objtype != "OBJECT_FUNCTION" && objtype != "OBJECT_PROCEDURE" &&
      objtype != "OBJECT_ROUTINE") {
    return std::nullopt;
  }
  auto tick = lint::tick_before(context, statement);
  auto ordinal = context.file.ordinal(statement);
  if (!tick || !ordinal) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  std::string noun = objtype == "OBJECT_FUNCTION"    ? "function"
                     : objtype == "OBJECT_PROCEDURE" ? "procedure"
                                                     : "routine";
  auto of_kind = [&](lint::ObjectKind kind) {
    if (objtype == "OBJECT_PROCEDURE") return kind == lint::ObjectKind::procedure;
    if (objtype == "OBJECT_FUNCTION") return kind != lint::ObjectKind::procedure;
    return true;
  };
  auto steps = catalog.steps_of(context.index, *ordinal);
  std::size_t at = 0;
  for (Node object : grant.list("objects")) {
    const lint::CatalogStep* step = at < steps.size() ? steps[at++] : nullptr;
    if (step == nullptr) return std::nullopt;
    lint::NodeList names = object.list("objname");
    std::string name = lint::truncate_identifier(names.back().str("sval"));
    std::string schema =
        names.size() > 1 ? lint::truncate_identifier(names[names.size() - 2].str("sval")) : "";
    lint::ObjectId any =
        lint::find_as_written(context, statement, lint::ObjectKind::function, schema, name);
    if (any == lint::k_no_object) continue;
    schema = catalog.object(any).ref_at(*tick).schema;
    bool bare = object.flag("args_unspecified");
    std::optional<std::string> args;
    if (!bare) args = step->effect.object.args;
    if (!bare && !args) continue;
    std::vector<lint::ObjectId> kinds;
    for (lint::ObjectId id : routines_named(catalog, schema, name, args, *tick)) {
      if (of_kind(catalog.object(id).kind())) kinds.push_back(id);
    }
    if (bare && kinds.size() > 1) {
      std::string made;
      for (lint::ObjectId id : kinds) {
        if (!made.empty()) made += ", ";
        made += catalog.object(id).ref_at(*tick).display();
      }
      return Refusal{
          what, name + " has overloads (" + made + ")",
          noun + " name \"" + name + "\" is not unique",
          "write the argument types of the one meant: " + upper(noun) + " " + name + "(...)",
          lint::Condition{"ambiguous_function", "42725"}};
    }
    if (!kinds.empty()) continue;
    if (bare) {
      return Refusal{what,
                     name + " is not a " + noun + " (a " +
                         std::string(lint::to_string(catalog.object(any).kind())) + " has it)",
                     "could not find a " + noun + " named \"" + name + "\"",
                     "write ON ROUTINE, which names functions and procedures alike",
                     lint::Condition{"undefined_function", "42883"}};
    }
    auto other = routines_named(catalog, schema, name, args, *tick);
    if (other.empty()) continue;
    std::string kind(lint::to_string(catalog.object(other.front()).kind()));
    std::string written = signature(object);
    return Refusal{what,
                   written + " is a " + kind + " (made by " +
                       context.project.source(catalog.object(other.front()).created.file).display +
                       ")",
                   written + " is not a " + noun,
                   "write ON " + upper(kind == "aggregate" ? "function" : kind) +
                       " (or ON ROUTINE, which names both)",
                   k_wrong_object_type};
  }
  return std::nullopt;
}

// GRANT | REVOKE ON SEQUENCE of a table (a view, ...), ON DOMAIN of a type that is not one: what
// PostgreSQL finds by the name is not of that kind.
std::optional<Refusal> object_kind(const lint::FileContext& context,
                                   const lint::Statement& statement, const Node& grant,
                                   const std::string& what) {
  std::string_view objtype = grant.str("objtype");
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  for (Node object : grant.list("objects")) {
    if (objtype == "OBJECT_SEQUENCE" && object.is("RangeVar")) {
      lint::RelationName written = lint::relation_name(object);
      if (lint::find_as_written(context, statement, lint::ObjectKind::sequence, written.schema,
                                written.name) != lint::k_no_object) {
        continue;
      }
      lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                written.schema, written.name);
      if (id == lint::k_no_object) continue;
      const lint::CatalogObject& relation = catalog.object(id);
      std::string name = relation.ref_at(*tick).name;
      std::string kind(lint::to_string(relation.kind()));
      return Refusal{what,
                     name + " is a " + kind + " (made by " +
                         context.project.source(relation.created.file).display + ")",
                     "\"" + name + "\" is not a sequence",
                     "write ON TABLE " + name + " for the " + kind +
                         "'s privileges, or name its sequence (an identity "
                         "or serial column's: pg_get_serial_sequence('" +
                         name + "', 'col'))",
                     k_wrong_object_type};
    }
    if (objtype == "OBJECT_DOMAIN") {
      lint::NodeList names = object.is("TypeName") ? object.list("names")
                             : object.is("List")   ? object.list("items")
                                                   : object.items();
      if (names.empty() || names.size() > 2) continue;
      std::string name = lint::truncate_identifier(names.back().str("sval"));
      std::string schema = names.size() == 2 ? std::string(names[0].str("sval")) : "";
      lint::ObjectId id =
          lint::find_as_written(context, statement, lint::ObjectKind::domain, schema, name);
      if (id != lint::k_no_object && catalog.object(id).kind() == lint::ObjectKind::domain) {
        continue;
      }
      if (id == lint::k_no_object) {
        id = lint::find_as_written(context, statement, lint::ObjectKind::table, schema, name);
      }
      if (id == lint::k_no_object) continue;
      const lint::CatalogObject& type = catalog.object(id);
      std::string kind(lint::to_string(type.kind()));
      return Refusal{
          what,
          name + " is a " + kind + (type.kind() == lint::ObjectKind::type ? "" : "'s row type") +
              " (made by " + context.project.source(type.created.file).display + ")",
          "\"" + name + "\" is not a domain", "write ON TYPE " + name, k_wrong_object_type};
    }
  }
  return std::nullopt;
}

// GRANT | REVOKE USAGE ON TABLE r (ON r) of a relation that is not a sequence.
std::optional<Refusal> usage_on_table(const lint::FileContext& context,
                                      const lint::Statement& statement, const Node& grant,
                                      const std::string& what) {
  if (grant.str("objtype") != "OBJECT_TABLE" || grant.str("targtype") != "ACL_TARGET_OBJECT") {
    return std::nullopt;
  }
  bool usage = false;
  for (Node privilege : grant.list("privileges"))
    usage = usage || privilege.str("priv_name") == "usage";
  if (!usage) return std::nullopt;
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  for (Node object : grant.list("objects")) {
    lint::RelationName written = lint::relation_name(object);
    lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                              written.schema, written.name);
    if (id == lint::k_no_object) continue;
    const lint::CatalogObject& relation = context.project.catalog()->object(id);
    std::string kind(lint::to_string(relation.kind()));
    return Refusal{what,
                   relation.ref_at(*tick).name + " is a " + kind + " (made by " +
                       context.project.source(relation.created.file).display + ")",
                   "invalid privilege type USAGE for table",
                   "USAGE is a sequence's privilege: drop it (SELECT reads a " + kind + ")",
                   k_invalid_grant_operation};
  }
  return std::nullopt;
}

// GRANT | REVOKE, and ALTER DEFAULT PRIVILEGES (`defaults`, `in_schema`): the first refusal in
// PostgreSQL's order: the objects' lookup, the privilege list, then each object's grant.
std::optional<Refusal> refused_grant(const lint::FileContext& context,
                                     const lint::Statement& statement, const Node& grant,
                                     bool defaults, bool in_schema) {
  std::string what = grant_text(grant, defaults);
  if (!defaults && grant.str("targtype") == "ACL_TARGET_OBJECT") {
    auto lookup = routine_lookup(context, statement, grant, what);
    if (!lookup) lookup = object_kind(context, statement, grant, what);
    if (lookup) return lookup;
  }
  if (auto refusal = privilege_types(grant, defaults, what)) return refusal;
  if (defaults && in_schema && grant.str("objtype") == "OBJECT_SCHEMA") {
    return Refusal{"ALTER DEFAULT PRIVILEGES IN SCHEMA ... " +
                       what.substr(std::string_view("ALTER DEFAULT PRIVILEGES ").size()),
                   "", "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS",
                   "drop IN SCHEMA: the default privileges of schemas are the role's, for every "
                   "schema it makes",
                   k_invalid_grant_operation};
  }
  if (!defaults) {
    if (auto refusal = usage_on_table(context, statement, grant, what)) return refusal;
    if (auto refusal = column_privileges(grant, what)) return refusal;
  }
  return grant_option_to_public(grant, what);
}

// ---- configuration parameters

// parse_bool's reading: a unique prefix of true, false, yes, no, on (two letters), off (two),
// or 1, 0, in any case.
bool boolean_text(std::string_view text) {
  std::string lower;
  for (char c : text) lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower.empty()) return false;
  for (std::string_view word : {"true", "false", "yes", "no"}) {
    if (word.starts_with(lower)) return true;
  }
  if (lower.size() >= 2 &&
      (std::string_view("on").starts_with(lower) || std::string_view("off").starts_with(lower))) {
    return true;
  }
  return lower == "1" || lower == "0";
}

// What a unit is in kB (memory) or ms (time); nothing for another.
std::optional<std::pair<bool, double>> unit_size(std::string_view unit) {
  static constexpr std::tuple<std::string_view, bool, double> k_units[] = {
      {"B", true, 1.0 / 1024},
      {"kB", true, 1},
      {"8kB", true, 8},
      {"MB", true, 1024},
      {"GB", true, 1024.0 * 1024},
      {"TB", true, 1024.0 * 1024 * 1024},
      {"us", false, 0.001},
      {"ms", false, 1},
      {"s", false, 1000},
      {"min", false, 60000},
      {"h", false, 3600000},
      {"d", false, 86400000}};
  for (const auto& [name, memory, size] : k_units) {
    if (name == unit) return std::pair{memory, size};
  }
  return std::nullopt;
}

std::string number_text(double value, bool integer) {
  char buffer[64];
  if (integer) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%g", value);
  }
  return buffer;
}

// Why PostgreSQL refuses the value of a numeric parameter, in its words; nothing when it takes
// it or when it is not sure (hexadecimal and octal integers, units it would read otherwise).
std::optional<std::string> numeric_value(const Setting& setting, std::string_view name,
                                         const std::string& text) {
  bool integer = setting.type == Setting::Type::integer;
  std::string invalid =
      "invalid value for parameter \"" + std::string(name) + "\": \"" + text + "\"";
  std::size_t at = 0;
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  std::string_view rest(text);
  rest.remove_prefix(at);
  if (rest.starts_with("-") || rest.starts_with("+")) rest.remove_prefix(1);
  if (rest.starts_with("0x") || rest.starts_with("0X") ||
      (integer && rest.size() > 1 && rest[0] == '0' &&
       std::isdigit(static_cast<unsigned char>(rest[1])))) {
    return std::nullopt;  // strtol's base 0: hexadecimal and octal
  }
  const char* begin = text.c_str() + at;
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  if (end == begin) return invalid;
  std::string_view unit(end);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.front())))
    unit.remove_prefix(1);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.back())))
    unit.remove_suffix(1);
  if (std::isnan(value) || std::isinf(value)) return std::nullopt;
  if (!unit.empty()) {
    auto written = unit_size(unit);
    auto base = unit_size(setting.unit);
    if (!written || !base || written->first != base->first) return std::nullopt;
    value = value * written->second / base->second;
  }
  if (integer) {
    value = std::rint(value);
    if (value > 2147483647.0 || value < -2147483648.0) return invalid;
  }
  double min = std::strtod(std::string(setting.min).c_str(), nullptr);
  double max = std::strtod(std::string(setting.max).c_str(), nullptr);
  if (value >= min && value <= max) return std::nullopt;
  std::string message = number_text(value, integer);
  if (!setting.unit.empty()) {
    message += ' ';
    message += setting.unit;
  }
  message += " is outside the valid range for parameter \"" + std::string(name) + "\" (";
  message += std::string(setting.min) + " .. " + std::string(setting.max) + ")";
  return message;
}

// SET name ... (or RESET name) of CREATE | ALTER FUNCTION, ALTER ROLE, ALTER DATABASE: what
// PostgreSQL refuses of it when it stores it: a name it does not know (without a dot), a
// parameter that is not set that way, a value of a boolean or numeric one it does not read.
std::optional<Refusal> refused_setting(const Node& set, const std::string& what) {
  std::string_view kind = set.str("kind");
  if (kind == "VAR_RESET_ALL" || kind == "VAR_SET_MULTI") return std::nullopt;
  std::string name(set.str("name"));
  if (name.empty() || name.find('.') != std::string::npos) return std::nullopt;
  std::string command = what + (kind == "VAR_RESET" ? " RESET " : " SET ") + name;
  const Setting* setting = builtin_setting(name);
  if (setting == nullptr) {
    return Refusal{command, "", "unrecognized configuration parameter \"" + name + "\"",
                   "PostgreSQL 15 has no parameter of that name: check its spelling (SHOW ALL "
                   "lists them); a custom one needs a prefix with a dot (app." +
                       name + ")",
                   lint::Condition{"undefined_object", "42704"}};
  }
  constexpr lint::Condition k_cant_change{"cant_change_runtime_param", "55P02"};
  std::string quoted = "parameter \"" + name + "\"";
  struct Fixed {
    Setting::Context context;
    std::string_view message;  // after `parameter "x"`
    std::string_view help;     // after the name
  };
  static constexpr Fixed k_fixed[] = {
      {Setting::Context::internal, " cannot be changed",
       " is a fact of the server, not a setting: drop it"},
      {Setting::Context::postmaster, " cannot be changed without restarting the server",
       " is set for the whole server (postgresql.conf or ALTER SYSTEM, then a restart): drop it "
       "here"},
      {Setting::Context::sighup, " cannot be changed now",
       " is set for the whole server (postgresql.conf or ALTER SYSTEM, then a reload): drop it "
       "here"},
      {Setting::Context::backend, " cannot be set after connection start",
       " is set when a session starts (in the connection's options or postgresql.conf): drop it "
       "here"},
  };
  for (const Fixed& fixed : k_fixed) {
    if (fixed.context != setting->context) continue;
    std::string message = quoted;
    message += fixed.message;
    std::string help = name;
    help += fixed.help;
    return Refusal{command, "", message, help, k_cant_change};
  }
  std::string value = lint::set_value(set);
  if (value.empty()) return std::nullopt;
  constexpr lint::Condition k_invalid_value{"invalid_parameter_value", "22023"};
  if (setting->type == Setting::Type::boolean && !boolean_text(value)) {
    return Refusal{command + " = '" + value + "'", "", quoted + " requires a Boolean value",
                   "give on or off (true, false, yes, no, 1, 0)", k_invalid_value};
  }
  if (setting->type == Setting::Type::integer || setting->type == Setting::Type::real) {
    if (auto message = numeric_value(*setting, name, value)) {
      std::string range =
          "a value from " + std::string(setting->min) + " to " + std::string(setting->max);
      if (!setting->unit.empty()) {
        range += ' ';
        range += setting->unit;
      }
      return Refusal{command + " = '" + value + "'", "", *message,
                     "give " + range + " (a unit may be written with the number)", k_invalid_value};
    }
  }
  return std::nullopt;
}

// The SET clauses of a statement that stores settings, and the statement as messages name it.
std::optional<Refusal> refused_settings(const Node& node) {
  std::string what;
  auto from_options = [&](const lint::NodeList& options) -> std::optional<Refusal> {
    for (Node option : options) {
      if (option.str("defname") != "set") continue;
      if (auto refusal = refused_setting(option.get("arg"), what)) return refusal;
    }
    return std::nullopt;
  };
  if (node.is("CreateFunctionStmt")) {
    what = node.flag("is_procedure") ? "CREATE PROCEDURE " : "CREATE FUNCTION ";
    what += node.list("funcname").back().str("sval");
    return from_options(node.list("options"));
  }
  if (node.is("AlterFunctionStmt")) {
    what = node.str("objtype") == "OBJECT_PROCEDURE" ? "ALTER PROCEDURE "
           : node.str("objtype") == "OBJECT_ROUTINE" ? "ALTER ROUTINE "
                                                     : "ALTER FUNCTION ";
    what += node.get("func").list("objname").back().str("sval");
    return from_options(node.list("actions"));
  }
  if (node.is("AlterRoleSetStmt")) {
    what = "ALTER ROLE";
    if (node.get("role").has("rolename")) {
      what += ' ';
      what += node.get("role").str("rolename");
    }
    return refused_setting(node.get("setstmt"), what);
  }
  if (node.is("AlterDatabaseSetStmt")) {
    what = "ALTER DATABASE " + std::string(node.str("dbname"));
    return refused_setting(node.get("setstmt"), what);
  }
  return std::nullopt;
}

}  // namespace

void check_refused_privileges(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out) {
  const Node& node = statement.node;
  std::optional<Refusal> refusal;
  if (node.is("CreatePolicyStmt")) {
    refusal = create_policy(context, statement);
  } else if (node.is("AlterPolicyStmt")) {
    refusal = alter_policy(context, statement);
  } else if (node.is("AlterTableStmt")) {
    refusal = row_security(context, statement);
  } else if (node.is("GrantStmt")) {
    refusal = refused_grant(context, statement, node, false, false);
  } else if (node.is("CreateFunctionStmt") || node.is("AlterFunctionStmt") ||
             node.is("AlterRoleSetStmt") || node.is("AlterDatabaseSetStmt")) {
    refusal = refused_settings(node);
  } else if (node.is("AlterDefaultPrivilegesStmt")) {
    bool in_schema = false;
    for (Node option : node.list("options"))
      in_schema = in_schema || option.str("defname") == "schemas";
    refusal = refused_grant(context, statement, node.get("action"), true, in_schema);
  }
  if (refusal) report(statement, *refusal, out);
}

}  // namespace sqlgate::rules
