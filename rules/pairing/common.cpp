#include "rules/pairing/common.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <limits>

#include "lint/pg_facts.h"
#include "lint/table_state.h"

namespace sqlgate::rules::pairing {

using lint::ObjectKind;
using lint::ObjectRef;

namespace {

// Reserved words that cannot stand as a bare column or table name.
constexpr std::string_view k_reserved[] = {
    "all",      "analyse", "analyze",  "and",        "any",     "array",  "as",         "asc",
    "both",     "case",    "cast",     "check",      "collate", "column", "constraint", "create",
    "default",  "desc",    "distinct", "do",         "else",    "end",    "except",     "false",
    "fetch",    "for",     "foreign",  "from",       "grant",   "group",  "having",     "in",
    "into",     "leading", "limit",    "not",        "null",    "offset", "on",         "only",
    "or",       "order",   "primary",  "references", "select",  "table",  "then",       "to",
    "trailing", "true",    "union",    "unique",     "user",    "using",  "when",       "where",
    "window",   "with"};

std::string_view keyword(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::materialized_view:
      return "MATERIALIZED VIEW";
    case ObjectKind::foreign_table:
      return "FOREIGN TABLE";
    case ObjectKind::event_trigger:
      return "EVENT TRIGGER";
    case ObjectKind::operator_:
      return "OPERATOR";
    case ObjectKind::operator_class:
      return "OPERATOR CLASS";
    case ObjectKind::operator_family:
      return "OPERATOR FAMILY";
    case ObjectKind::text_search_configuration:
      return "TEXT SEARCH CONFIGURATION";
    case ObjectKind::text_search_dictionary:
      return "TEXT SEARCH DICTIONARY";
    case ObjectKind::text_search_parser:
      return "TEXT SEARCH PARSER";
    case ObjectKind::text_search_template:
      return "TEXT SEARCH TEMPLATE";
    case ObjectKind::foreign_data_wrapper:
      return "FOREIGN DATA WRAPPER";
    case ObjectKind::statistics:
      return "STATISTICS";
    case ObjectKind::access_method:
      return "ACCESS METHOD";
    case ObjectKind::user_mapping:
      return "USER MAPPING FOR";
    default:
      return {};
  }
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

}  // namespace

std::string sql_keyword(ObjectKind kind) {
  std::string_view word = keyword(kind);
  return word.empty() ? upper(lint::to_string(kind)) : std::string(word);
}

std::string parent_sql(const ObjectRef& ref, bool qualified) {
  ObjectRef table;
  table.kind = ObjectKind::table;
  table.schema = ref.schema;
  table.name = ref.parent;
  return sql_name(table, qualified);
}

std::string quote_identifier(std::string_view name) {
  bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
  }
  if (plain &&
      std::find(std::begin(k_reserved), std::end(k_reserved), name) == std::end(k_reserved)) {
    return std::string(name);
  }
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string sql_name(const ObjectRef& ref, bool qualified) {
  std::string text;
  if (!ref.schema.empty() && (qualified || ref.schema != "public")) {
    text = quote_identifier(ref.schema) + ".";
  }
  if (ref.kind == ObjectKind::cast || ref.kind == ObjectKind::user_mapping) return ref.name;
  text += quote_identifier(ref.name);
  if (lint::is_routine(ref.kind) && ref.args) text += "(" + *ref.args + ")";
  return text;
}

// A constant, as SQL writes it; nothing for an expression.
std::optional<std::string> literal(lint::Node value) {
  if (value.is("TypeCast")) value = value.get("arg");
  if (!value.is("A_Const") || value.flag("isnull")) return std::nullopt;
  if (lint::Node text = value.get("sval"); text.valid()) return lint::sql_literal(text.str("sval"));
  // 0 is written without its value ("ival": {}).
  if (lint::Node integer = value.get("ival"); integer.valid())
    return std::to_string(integer.num("ival"));
  if (lint::Node number = value.get("fval"); number.valid()) return std::string(number.str("fval"));
  if (lint::Node boolean = value.get("boolval"); boolean.valid()) {
    return boolean.flag("boolval") ? "true" : "false";
  }
  return std::nullopt;
}

std::string describe(const ObjectRef& ref) {
  std::string kind(lint::to_string(ref.kind));
  switch (ref.kind) {
    case ObjectKind::column:
      return kind + " " + parent_sql(ref) + "." + quote_identifier(ref.name);
    case ObjectKind::constraint:
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return kind + " " + quote_identifier(ref.name) + " on " + parent_sql(ref);
    default:
      // A temporary relation as PostgreSQL's messages name it: without its session's schema.
      if (ref.schema == "pg_temp") return kind + " " + quote_identifier(ref.name);
      return kind + " " + sql_name(ref);
  }
}

std::string describe_rule(const lint::Catalog& catalog, lint::ObjectId rule, lint::Tick at) {
  const lint::CatalogObject& object = catalog.object(rule);
  std::string text = describe(object.ref_at(at));
  if (const lint::RuleDefinition* definition = object.rule_at(at)) {
    text += " (" + lint::to_string(*definition->facts) + ")";
  }
  return text;
}

std::string comment_target(const ObjectRef& ref) {
  switch (ref.kind) {
    case ObjectKind::column:
      return "COLUMN " + parent_sql(ref) + "." + quote_identifier(ref.name);
    case ObjectKind::constraint:
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return sql_keyword(ref.kind) + " " + quote_identifier(ref.name) + " ON " + parent_sql(ref);
    default:
      return sql_keyword(ref.kind) + " " + sql_name(ref);
  }
}

namespace {

// "fillfactor, autovacuum_enabled", "SET search_path": a setting change's parameters.
std::string setting_names(const lint::Effect& effect) {
  std::vector<std::string> names;
  for (const std::string& name : effect.columns) {
    if (name == "set:*") {
      names.emplace_back("RESET ALL");
    } else if (name.starts_with("set:")) {
      names.push_back("SET " + name.substr(4));
    } else if (name == "statistics") {
      names.emplace_back("statistics target");
    } else if (effect.change == lint::Change::routine_options) {
      std::string upper = name;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      names.push_back(upper);
    } else {
      names.push_back(name);
    }
  }
  return lint::join_strings(names, ", ");
}

// "trigger audit on table users", "every trigger on table users".
std::string triggers_words(const lint::Effect& effect, const ObjectRef& table) {
  std::string key = effect.columns.empty() ? std::string("ALL") : effect.columns.front();
  if (key == "ALL") return "every trigger on " + describe(table);
  if (key == "USER") return "the user triggers on " + describe(table);
  return "trigger " + quote_identifier(key) + " on " + describe(table);
}

}  // namespace

SettingWords setting_words(const lint::Effect& effect, const ObjectRef& ref) {
  std::string object = describe(ref);
  switch (effect.change) {
    case lint::Change::comment:
      return {"sets the comment on " + object, "set it back"};
    case lint::Change::owner:
      return {"changes the owner of " + object, "give it back to its earlier owner"};
    case lint::Change::storage_parameters:
      return {"changes storage parameters (" + setting_names(effect) + ") of " + object,
              "set them back"};
    case lint::Change::replica_identity:
      return {"changes the replica identity of " + object, "set it back"};
    case lint::Change::enable_trigger:
    case lint::Change::disable_trigger: {
      if (ref.kind == ObjectKind::event_trigger) {
        return effect.change == lint::Change::enable_trigger
                   ? SettingWords{"enables " + object, "disable it again"}
                   : SettingWords{"disables " + object, "enable it again"};
      }
      bool one = !effect.columns.empty() && effect.columns.front() != "ALL" &&
                 effect.columns.front() != "USER";
      bool enables = effect.change == lint::Change::enable_trigger;
      return {(enables ? "enables " : "disables ") + triggers_words(effect, ref),
              std::string(enables ? "disable " : "enable ") + (one ? "it" : "them") + " again"};
    }
    case lint::Change::set_logged:
      return {"makes " + object + " logged", "make it unlogged again"};
    case lint::Change::set_unlogged:
      return {"makes " + object + " unlogged (its rows are lost after a crash)",
              "make it logged again"};
    case lint::Change::clustering:
      return {"changes the index " + object + " is clustered on", "set it back"};
    case lint::Change::tablespace:
      return {"moves " + object + " to another tablespace", "move it back"};
    case lint::Change::access_method:
      return {"changes the access method of " + object, "set it back"};
    case lint::Change::column_setting:
      return {"changes the " + setting_names(effect) + " of " + object, "set it back"};
    case lint::Change::sequence_options:
      return {"changes the options (" + setting_names(effect) + ") of " + object, "set them back"};
    case lint::Change::routine_options:
      return {"changes the attributes (" + setting_names(effect) + ") of " + object,
              "set them back"};
    case lint::Change::constraint_timing:
      return {"changes whether " + object + " is deferred", "set it back"};
    default:
      return {"changes " + object, "set it back"};
  }
}

namespace {

// Whether the statement resets parameters (RESET (...)) rather than setting them.
bool resets(const lint::Node& statement) {
  for (lint::Node command : statement.list("cmds")) {
    std::string_view type = command.str("subtype");
    if (type == "AT_ResetRelOptions" || type == "AT_ResetOptions") return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> setting_undo_sql(const lint::Effect& effect, const ObjectRef& ref,
                                            const lint::Node& statement, bool set_before) {
  using lint::Change;
  std::string key = effect.columns.empty() ? std::string() : effect.columns.front();
  switch (effect.change) {
    case Change::enable_trigger:
    case Change::disable_trigger:
      // An event trigger starts enabled (ENABLE): the up's DISABLE, ENABLE REPLICA or ENABLE
      // ALWAYS is undone by ENABLE, its ENABLE (of one switched off) by DISABLE. Where an earlier
      // migration switched it the same way, what that set is not known here.
      if (ref.kind == ObjectKind::event_trigger) {
        if (set_before) return std::nullopt;
        return "ALTER EVENT TRIGGER " + quote_identifier(ref.name) +
               (statement.str("tgenabled") == "O" ? " DISABLE;" : " ENABLE;");
      }
      return "ALTER TABLE " + sql_name(ref) +
             (effect.change == Change::enable_trigger ? " DISABLE TRIGGER " : " ENABLE TRIGGER ") +
             (key.empty() || key == "ALL" || key == "USER" ? (key.empty() ? "ALL" : key)
                                                           : quote_identifier(key)) +
             ";";
    case Change::set_logged:
    case Change::set_unlogged:
      return "ALTER TABLE " + sql_name(ref) +
             (effect.change == Change::set_logged ? " SET UNLOGGED;" : " SET LOGGED;");
    default:
      break;
  }
  if (set_before) return std::nullopt;
  switch (effect.change) {
    case Change::comment:
      return "COMMENT ON " + comment_target(ref) + " IS NULL;";
    case Change::storage_parameters: {
      if (resets(statement) || effect.columns.empty()) return std::nullopt;
      return "ALTER " + sql_keyword(ref.kind) + " " + sql_name(ref) + " RESET (" +
             lint::join_strings(effect.columns, ", ") + ");";
    }
    case Change::replica_identity:
      return "ALTER TABLE " + sql_name(ref) + " REPLICA IDENTITY DEFAULT;";
    case Change::clustering:
      return "ALTER TABLE " + sql_name(ref) + " SET WITHOUT CLUSTER;";
    case Change::column_setting: {
      std::string column =
          "ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " + quote_identifier(ref.name);
      if (key == "statistics") return column + " SET STATISTICS -1;";
      if (key == "compression") return column + " SET COMPRESSION DEFAULT;";
      bool options = !effect.columns.empty() && !resets(statement);
      for (const std::string& name : effect.columns) {
        if (name != "n_distinct" && name != "n_distinct_inherited") options = false;
      }
      if (!options) return std::nullopt;
      return column + " RESET (" + lint::join_strings(effect.columns, ", ") + ");";
    }
    default:
      return std::nullopt;
  }
}

std::string setting_help(const lint::Effect& effect, const ObjectRef& ref,
                         const lint::Node& statement) {
  if (auto sql = setting_undo_sql(effect, ref, statement, false)) {
    bool exact = is_switch(effect.change);
    return "add `" + *sql + "` to the down" +
           (exact ? std::string() : " (or set what it was before, if an earlier migration set it)");
  }
  switch (effect.change) {
    case lint::Change::owner:
      return "add `ALTER " + sql_keyword(ref.kind) + " " + sql_name(ref) +
             " OWNER TO <its earlier owner>;` to the down";
    case lint::Change::tablespace:
      return "add `ALTER " + sql_keyword(ref.kind) + " " + sql_name(ref) +
             " SET TABLESPACE <its earlier tablespace>;` to the down";
    case lint::Change::access_method:
      return "add `ALTER TABLE " + sql_name(ref) +
             " SET ACCESS METHOD <its earlier access method>;` to the down";
    case lint::Change::sequence_options: {
      // "INCREMENT BY <as before> CACHE <as before>": each option the up sets.
      std::vector<std::string> options;
      for (const std::string& name : effect.columns) {
        if (name == "cycle") {
          options.emplace_back("<CYCLE or NO CYCLE, as before>");
        } else if (name == "increment") {
          options.emplace_back("INCREMENT BY <as before>");
        } else if (name == "start") {
          options.emplace_back("START WITH <as before>");
        } else if (name == "owned_by") {
          options.emplace_back("OWNED BY <as before, or NONE>");
        } else {
          options.push_back(upper(name) + " <as before>");
        }
      }
      if (options.empty()) break;
      return "add `ALTER SEQUENCE " + sql_name(ref) + " " + lint::join_strings(options, " ") +
             ";` to the down";
    }
    default:
      break;
  }
  return "add the statement that sets back what it was before to the down";
}

bool updates_only(const lint::Catalog& catalog, lint::ObjectId table, lint::Tick tick,
                  const lint::Statement& statement,
                  const std::function<bool(lint::ObjectId)>& undone) {
  lint::NodeList targets = statement.node.list("targetList");
  if (statement.kind() != "UpdateStmt" || targets.empty()) return false;
  for (lint::Node target : targets) {
    std::string name = lint::truncate_identifier(target.str("name"));
    bool written_undone = false;
    for (lint::ObjectId child : catalog.object(table).children) {
      const lint::CatalogObject& column = catalog.object(child);
      if (column.kind() == ObjectKind::column && column.alive_at(tick) &&
          column.ref_at(tick).name == name) {
        written_undone = undone(child);
      }
    }
    if (!written_undone) return false;
  }
  return true;
}

std::optional<EarlierChange> last_change_before(const lint::Catalog& catalog, lint::ObjectId id,
                                                lint::Tick tick,
                                                const std::function<bool(lint::Change)>& which) {
  std::optional<EarlierChange> found;
  for (const lint::Origin& origin : catalog.object(id).changed) {
    if (origin.tick >= tick) continue;
    for (const auto& other : catalog.steps_at(origin.file, origin.statement)) {
      if (other.object == id && other.tick < tick && which(other.effect.change) &&
          (!found || other.tick > found->step->tick)) {
        found = EarlierChange{origin, &other};
      }
    }
  }
  return found;
}

bool changed_before(const lint::Catalog& catalog, lint::ObjectId id, lint::Tick tick,
                    lint::Change change) {
  return last_change_before(catalog, id, tick, [&](lint::Change c) { return c == change; })
      .has_value();
}

bool parameters_set_before(const lint::Project& project, const lint::Catalog& catalog,
                           lint::ObjectId id, lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(id);
  if (const lint::Statement* created = lint::statement_at(project, object.created)) {
    const lint::Node& node = created->node;
    if (!node.list("options").empty() || !node.get("into").list("options").empty()) return true;
    // A view's WITH [LOCAL | CASCADED] CHECK OPTION is its check_option parameter.
    std::string_view check = node.str("withCheckOption");
    if (!check.empty() && check != "NO_CHECK_OPTION") return true;
  }
  return changed_before(catalog, id, tick, lint::Change::storage_parameters);
}

bool resets_only(const lint::Node& statement) {
  bool any = false;
  for (lint::Node command : statement.list("cmds")) {
    std::string_view type = command.str("subtype");
    if (type == "AT_SetRelOptions" || type == "AT_ReplaceRelOptions") return false;
    if (type == "AT_ResetRelOptions") any = true;
  }
  return any;
}

bool is_switch(lint::Change change) {
  return change == lint::Change::enable_trigger || change == lint::Change::disable_trigger ||
         change == lint::Change::set_logged || change == lint::Change::set_unlogged;
}

bool sets_back(const lint::Effect& change, const std::vector<const lint::Effect*>& later,
               std::vector<std::string>* unset) {
  using lint::Change;
  auto opposite = [](Change c) {
    switch (c) {
      case Change::enable_trigger:
        return Change::disable_trigger;
      case Change::disable_trigger:
        return Change::enable_trigger;
      case Change::set_logged:
        return Change::set_unlogged;
      case Change::set_unlogged:
        return Change::set_logged;
      default:
        return c;
    }
  };
  Change wanted = opposite(change.change);
  bool triggers = wanted == Change::enable_trigger || wanted == Change::disable_trigger;
  bool by_name = triggers || change.change == Change::storage_parameters ||
                 change.change == Change::column_setting ||
                 change.change == Change::sequence_options ||
                 change.change == Change::routine_options;
  std::vector<std::string> missing = by_name ? change.columns : std::vector<std::string>();
  bool any = false;
  for (const lint::Effect* effect : later) {
    if (effect->change != wanted) continue;
    any = true;
    std::erase_if(missing, [&](const std::string& name) {
      for (const std::string& set : effect->columns) {
        if (set == name) return true;
        // ENABLE TRIGGER ALL turns on what DISABLE TRIGGER USER or x turned off; USER covers a
        // trigger by its name (a constraint's trigger cannot be switched by its name alone).
        if (triggers && (set == "ALL" || (set == "USER" && name != "ALL"))) return true;
        if (set == "set:*" && name.starts_with("set:")) return true;
      }
      return false;
    });
  }
  if (unset != nullptr) *unset = any ? missing : change.columns;
  return any && missing.empty();
}

std::string drop_sql(const ObjectRef& ref, bool qualified) {
  switch (ref.kind) {
    case ObjectKind::column:
      return "ALTER TABLE " + parent_sql(ref, qualified) + " DROP COLUMN IF EXISTS " +
             quote_identifier(ref.name) + ";";
    case ObjectKind::constraint:
      return "ALTER TABLE " + parent_sql(ref, qualified) + " DROP CONSTRAINT IF EXISTS " +
             quote_identifier(ref.name) + ";";
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return "DROP " + upper(lint::to_string(ref.kind)) + " IF EXISTS " +
             quote_identifier(ref.name) + " ON " + parent_sql(ref, qualified) + ";";
    case ObjectKind::cast:
      return "DROP CAST IF EXISTS (" + ref.name + ");";
    default:
      return "DROP " + sql_keyword(ref.kind) + " IF EXISTS " + sql_name(ref, qualified) + ";";
  }
}

lint::TextRange statement_range(const lint::ParsedFile& file, std::size_t statement) {
  const auto& all = file.all_statements();
  if (statement >= all.size()) return lint::TextRange{0, 0};
  return all[statement]->range;
}

lint::TextRange anchor(const lint::ParsedFile& file) {
  if (file.statements().empty()) return lint::TextRange{0, 0};
  return file.statements().front().range;
}

std::optional<lint::Change> row_security_switch(lint::Change change) {
  switch (change) {
    case lint::Change::enable_row_security:
      return lint::Change::disable_row_security;
    case lint::Change::disable_row_security:
      return lint::Change::enable_row_security;
    case lint::Change::force_row_security:
      return lint::Change::no_force_row_security;
    case lint::Change::no_force_row_security:
      return lint::Change::force_row_security;
    default:
      return std::nullopt;
  }
}

std::string row_security_sql(lint::Change change) {
  switch (change) {
    case lint::Change::enable_row_security:
      return "ENABLE ROW LEVEL SECURITY";
    case lint::Change::disable_row_security:
      return "DISABLE ROW LEVEL SECURITY";
    case lint::Change::force_row_security:
      return "FORCE ROW LEVEL SECURITY";
    default:
      return "NO FORCE ROW LEVEL SECURITY";
  }
}

std::optional<std::string> role_name(const lint::Node& role) {
  std::string_view type = role.str("roletype");
  if (type == "ROLESPEC_CSTRING") return quote_identifier(role.str("rolename"));
  if (type == "ROLESPEC_PUBLIC") return "PUBLIC";
  if (type == "ROLESPEC_CURRENT_USER") return "CURRENT_USER";
  if (type == "ROLESPEC_SESSION_USER") return "SESSION_USER";
  if (type == "ROLESPEC_CURRENT_ROLE") return "CURRENT_ROLE";
  return std::nullopt;
}

std::vector<std::string> role_names(const lint::NodeList& roles) {
  std::vector<std::string> names;
  for (lint::Node role : roles) {
    if (auto name = role_name(role)) names.push_back(std::move(*name));
  }
  return names;
}

// The privileges a GRANT names, as SQL: "SELECT, UPDATE (a)", or ALL.
namespace {

std::string privileges_sql(const lint::Node& grant) {
  std::string text;
  for (lint::Node privilege : grant.list("privileges")) {
    if (!text.empty()) text += ", ";
    std::string name(privilege.str("priv_name"));
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    text += name;
    std::vector<std::string> columns;
    for (lint::Node column : privilege.list("cols"))
      columns.push_back(quote_identifier(column.as_str()));
    if (!columns.empty()) text += " (" + lint::join_strings(columns, ", ") + ")";
  }
  return text.empty() ? "ALL" : text;
}

// The word GRANT puts before an object's name: "TABLE ", "FUNCTION ", "SCHEMA ", ...
std::string_view grant_object_word(const lint::Node& grant) {
  std::string_view type = grant.str("objtype");
  if (type == "OBJECT_SEQUENCE") return "SEQUENCE ";
  if (type == "OBJECT_FUNCTION") return "FUNCTION ";
  if (type == "OBJECT_PROCEDURE") return "PROCEDURE ";
  if (type == "OBJECT_ROUTINE") return "ROUTINE ";
  if (type == "OBJECT_SCHEMA") return "SCHEMA ";
  if (type == "OBJECT_TYPE") return "TYPE ";
  if (type == "OBJECT_DOMAIN") return "DOMAIN ";
  if (type == "OBJECT_DATABASE") return "DATABASE ";
  if (type == "OBJECT_LANGUAGE") return "LANGUAGE ";
  if (type == "OBJECT_FOREIGN_SERVER") return "FOREIGN SERVER ";
  if (type == "OBJECT_FDW") return "FOREIGN DATA WRAPPER ";
  if (type == "OBJECT_TABLESPACE") return "TABLESPACE ";
  if (type == "OBJECT_LARGEOBJECT") return "LARGE OBJECT ";
  return "TABLE ";
}

}  // namespace

std::string revoke_sql(const lint::Node& grant, const lint::ObjectRef& object,
                       const std::vector<std::string>& roles) {
  return "REVOKE " + privileges_sql(grant) + " ON " + std::string(grant_object_word(grant)) +
         sql_name(object) + " FROM " + lint::join_strings(roles, ", ") + ";";
}

namespace {

// The words GRANT ... ON ALL <objects> IN SCHEMA and ALTER DEFAULT PRIVILEGES ... ON <objects>
// write an object type with.
std::string_view objects_word(std::string_view type) {
  return type == "OBJECT_SEQUENCE"    ? "SEQUENCES"
         : type == "OBJECT_FUNCTION"  ? "FUNCTIONS"
         : type == "OBJECT_PROCEDURE" ? "PROCEDURES"
         : type == "OBJECT_ROUTINE"   ? "ROUTINES"
         : type == "OBJECT_TYPE"      ? "TYPES"
         : type == "OBJECT_SCHEMA"    ? "SCHEMAS"
                                      : "TABLES";
}

}  // namespace

std::string revoke_in_schema_sql(const lint::Node& grant, const std::vector<std::string>& roles) {
  std::string_view objects = objects_word(grant.str("objtype"));
  std::vector<std::string> schemas;
  for (lint::Node schema : grant.list("objects"))
    schemas.push_back(quote_identifier(schema.as_str()));
  return "REVOKE " + privileges_sql(grant) + " ON ALL " + std::string(objects) + " IN SCHEMA " +
         lint::join_strings(schemas, ", ") + " FROM " + lint::join_strings(roles, ", ") + ";";
}

namespace {

std::string default_privileges_sql(const lint::Node& statement,
                                   const std::vector<std::string>& roles, bool grant) {
  std::string text = "ALTER DEFAULT PRIVILEGES";
  for (lint::Node option : statement.list("options")) {
    lint::Node list = option.get("arg");
    lint::NodeList items = list.is("List") ? list.list("items") : list.items();
    if (option.str("defname") == "roles") {
      text += " FOR ROLE " + lint::join_strings(role_names(items), ", ");
    } else if (option.str("defname") == "schemas") {
      std::vector<std::string> schemas;
      for (lint::Node schema : items) schemas.push_back(quote_identifier(schema.as_str()));
      text += " IN SCHEMA " + lint::join_strings(schemas, ", ");
    }
  }
  lint::Node action = statement.get("action");
  std::string_view objects = objects_word(action.str("objtype"));
  return text + (grant ? " GRANT " : " REVOKE ") + privileges_sql(action) + " ON " +
         std::string(objects) + (grant ? " TO " : " FROM ") + lint::join_strings(roles, ", ") + ";";
}

}  // namespace

std::string default_privileges_revoke_sql(const lint::Node& statement,
                                          const std::vector<std::string>& roles) {
  return default_privileges_sql(statement, roles, false);
}

std::string default_privileges_grant_sql(const lint::Node& statement,
                                         const std::vector<std::string>& roles) {
  return default_privileges_sql(statement, roles, true);
}

bool lists_role(const lint::NodeList& roles, const std::string& role) {
  for (lint::Node spec : roles) {
    if (role_name(spec) == role) return true;
  }
  return false;
}

std::optional<std::string> new_owner(const lint::Node& statement) {
  if (statement.is("AlterOwnerStmt")) return role_name(statement.get("newowner"));
  if (!statement.is("AlterTableStmt")) return std::nullopt;
  std::optional<std::string> owner;
  for (lint::Node command : statement.list("cmds")) {
    if (command.str("subtype") == "AT_ChangeOwner") owner = role_name(command.get("newowner"));
  }
  return owner;
}

bool has_owner(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::column:
    case ObjectKind::index:
    case ObjectKind::constraint:
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
    case ObjectKind::role:
    case ObjectKind::cast:
    case ObjectKind::text_search_parser:
    case ObjectKind::text_search_template:
    case ObjectKind::user_mapping:
    case ObjectKind::access_method:
    case ObjectKind::transform:
      return false;
    default:
      return true;
  }
}

std::optional<std::string> created_owner(const lint::Project& project, const lint::Catalog& catalog,
                                         lint::ObjectId id) {
  const lint::CatalogObject& object = catalog.object(id);
  const lint::ParsedFile* file = project.parsed(object.created.file);
  const lint::Statement* created = lint::statement_at(project, object.created);
  if (!has_owner(object.kind()) || file == nullptr || created == nullptr) return std::nullopt;
  std::optional<std::string> as = session_role(*file, object.created.statement);
  if (created->node.is("CreateSchemaStmt") && created->node.has("authrole")) {
    std::optional<std::string> named = role_name(created->node.get("authrole"));
    // AUTHORIZATION CURRENT_USER (CURRENT_ROLE) is the role of the SET ROLE, if any.
    if ((named != "CURRENT_USER" && named != "CURRENT_ROLE") || !as) return named;
  }
  return as;
}

std::optional<std::string> owner_before(const lint::Project& project, const lint::Catalog& catalog,
                                        lint::ObjectId id, lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(id);
  std::optional<std::string> owner = created_owner(project, catalog, id);
  lint::Tick last = 0;
  for (const lint::Origin& origin : object.changed) {
    if (origin.tick >= tick || origin.tick < last) continue;
    const lint::Statement* statement = lint::statement_at(project, origin);
    if (statement == nullptr) continue;
    if (std::optional<std::string> to = new_owner(statement->node)) {
      owner = std::move(to);
      last = origin.tick;
    }
  }
  return owner;
}

bool drops_owned(const Pair& pair, const std::string& role, std::size_t before) {
  const auto& down = pair.down_file->all_statements();
  for (std::size_t i = 0; i < before && i < down.size(); ++i) {
    const lint::Node& node = down[i]->node;
    if (node.is("DropOwnedStmt") && lists_role(node.list("roles"), role)) return true;
  }
  return false;
}

namespace {

// Whether PUBLIC holds the privilege on a new object of the kind without a GRANT.
bool public_by_default(lint::ObjectKind kind, std::string_view privilege) {
  switch (kind) {
    case ObjectKind::function:
    case ObjectKind::procedure:
    case ObjectKind::aggregate:
      return privilege == "execute";
    case ObjectKind::type:
    case ObjectKind::domain:
    case ObjectKind::language:
      return privilege == "usage";
    case ObjectKind::database:
      return privilege == "connect" || privilege == "temporary" || privilege == "temp";
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> grantees_to_revoke(const lint::Project& project,
                                            const lint::Catalog& catalog, const lint::Node& grant,
                                            lint::ObjectId id, lint::Tick tick) {
  std::vector<std::string> roles = role_names(grant.list("grantees"));
  if (id == lint::k_no_object) return roles;
  Privileges given;
  apply_grant(given, grant, catalog.object(id).kind());
  const Privileges before = privileges_before(project, catalog, id, tick);
  // A role that held each of them before the up: the GRANT changed nothing for it.
  std::erase_if(roles, [&](const std::string& role) {
    bool any = false;
    for (const Privilege& privilege : given) {
      if (privilege.role != role) continue;
      if (!holds(before, privilege)) return false;
      any = true;
    }
    return any;
  });
  return roles;
}

std::vector<PriorHolder> prior_holders(const lint::Project& project, const lint::Catalog& catalog,
                                       const lint::Node& revoke, lint::ObjectId id,
                                       lint::Tick tick) {
  std::vector<PriorHolder> holders;
  // REVOKE GRANT OPTION FOR leaves the privileges: what to give back is the option, not judged.
  if (id == lint::k_no_object || revoke.flag("grant_option")) return holders;
  const lint::CatalogObject& object = catalog.object(id);
  lint::ObjectKind kind = object.kind();
  // Whether the REVOKE takes what PUBLIC holds on every new object of the kind, and PUBLIC was
  // given it when the object was made (ALTER DEFAULT PRIVILEGES ... REVOKE EXECUTE ON FUNCTIONS
  // FROM PUBLIC before: it was not). ALL on a database includes CREATE, which PUBLIC lacks.
  const Privileges made_with = creation_privileges(project, catalog, id);
  auto by_default = [&](std::string_view privilege) {
    return public_by_default(kind, privilege) &&
           holds(made_with, {"PUBLIC", std::string(privilege), {}});
  };
  lint::NodeList privileges = revoke.list("privileges");
  bool takes_default = privileges.empty() && kind != ObjectKind::database &&
                       (by_default("execute") || by_default("usage"));
  for (lint::Node privilege : privileges) {
    if (by_default(privilege.str("priv_name"))) takes_default = true;
  }
  for (const std::string& role : role_names(revoke.list("grantees"))) {
    // The last GRANT or REVOKE to the role on the object before the up.
    std::optional<lint::Origin> last;
    bool granted = false;
    for (const lint::Origin& origin : object.changed) {
      if (origin.tick >= tick || (last && origin.tick < last->tick)) continue;
      const lint::Statement* statement = lint::statement_at(project, origin);
      if (statement == nullptr || statement->kind() != "GrantStmt" ||
          !lists_role(statement->node.list("grantees"), role)) {
        continue;
      }
      last = origin;
      granted = statement->node.flag("is_grant");
    }
    if (last && granted) {
      holders.push_back({role, last});
    } else if (!last && role == "PUBLIC" && takes_default) {
      holders.push_back({role, std::nullopt});
    }
  }
  return holders;
}

std::vector<std::string_view> all_privileges(lint::ObjectKind kind, bool column) {
  if (column) return {"select", "insert", "update", "references"};
  switch (kind) {
    case ObjectKind::sequence:
      return {"usage", "select", "update"};
    case ObjectKind::function:
    case ObjectKind::procedure:
    case ObjectKind::aggregate:
      return {"execute"};
    case ObjectKind::schema:
      return {"usage", "create"};
    case ObjectKind::database:
      return {"create", "connect", "temporary"};
    case ObjectKind::tablespace:
      return {"create"};
    case ObjectKind::type:
    case ObjectKind::domain:
    case ObjectKind::language:
    case ObjectKind::server:
    case ObjectKind::foreign_data_wrapper:
      return {"usage"};
    default:
      return {"select", "insert", "update", "delete", "truncate", "references", "trigger"};
  }
}

namespace {

std::size_t privilege_rank(lint::ObjectKind kind, std::string_view privilege) {
  auto all = all_privileges(kind, false);
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), privilege) - all.begin());
}

}  // namespace

void apply_grant(Privileges& held, const lint::Node& statement, lint::ObjectKind kind) {
  // REVOKE GRANT OPTION FOR leaves the privileges.
  if (!statement.is("GrantStmt") ||
      (statement.flag("grant_option") && !statement.flag("is_grant"))) {
    return;
  }
  bool grant = statement.flag("is_grant");
  // Each privilege named, with its columns (none: the object's own).
  std::vector<std::pair<std::string, std::vector<std::string>>> named;
  for (lint::Node privilege : statement.list("privileges")) {
    std::vector<std::string> columns;
    for (lint::Node column : privilege.list("cols")) {
      columns.push_back(lint::truncate_identifier(column.as_str()));
    }
    std::string name(privilege.str("priv_name"));
    if (name == "temp") name = "temporary";
    if (name.empty()) {  // ALL (columns)
      for (std::string_view each : all_privileges(kind, true)) named.emplace_back(each, columns);
    } else {
      named.emplace_back(std::move(name), std::move(columns));
    }
  }
  if (statement.list("privileges").empty()) {
    for (std::string_view each : all_privileges(kind, false))
      named.emplace_back(each, std::vector<std::string>());
  }
  for (const std::string& role : role_names(statement.list("grantees"))) {
    for (const auto& entry : named) {
      const std::string& privilege = entry.first;
      const std::vector<std::string>& columns = entry.second;
      if (grant) {
        if (columns.empty()) held.insert({role, privilege, {}});
        for (const std::string& column : columns) held.insert({role, privilege, column});
      } else if (columns.empty()) {
        // REVOKE on the object takes the privilege on each of its columns too.
        std::erase_if(
            held, [&](const Privilege& p) { return p.role == role && p.privilege == privilege; });
      } else {
        for (const std::string& column : columns) held.erase({role, privilege, column});
      }
    }
  }
}

bool holds(const Privileges& held, const Privilege& privilege) {
  return held.count(privilege) != 0 ||
         (!privilege.column.empty() && held.count({privilege.role, privilege.privilege, {}}) != 0);
}

std::optional<std::string_view> default_privileges_objects(lint::ObjectKind kind) {
  if (kind == ObjectKind::sequence) return "SEQUENCES";
  if (lint::is_routine(kind)) return "FUNCTIONS";
  if (kind == ObjectKind::type || kind == ObjectKind::domain) return "TYPES";
  if (kind == ObjectKind::schema) return "SCHEMAS";
  if (kind == ObjectKind::table || kind == ObjectKind::view ||
      kind == ObjectKind::materialized_view || kind == ObjectKind::foreign_table) {
    return "TABLES";
  }
  return std::nullopt;
}

namespace {

// PostgreSQL's own default for new objects of a kind, without a pg_default_acl entry: EXECUTE
// on functions and USAGE on types for PUBLIC, for the role that owns them.
void add_built_in_defaults(std::vector<DefaultPrivilege>& held, const std::string& owner,
                           std::string_view objects) {
  if (objects == "FUNCTIONS") held.push_back({owner, "", objects, "PUBLIC", "execute"});
  if (objects == "TYPES") held.push_back({owner, "", objects, "PUBLIC", "usage"});
}

// Applies a statement to pg_default_acl as PostgreSQL reads it when a role makes an object: the
// role's entry for the kind of object in every schema, made from PostgreSQL's own default by the
// first ALTER DEFAULT PRIVILEGES that changes it (an entry without grantee marks that it is made),
// and the role's IN SCHEMA entries. Unlike apply_default_privileges(), a statement is about its
// role's objects only: the one FOR ROLE names, else the role running it (`runner`, "" for the
// migrations' own role).
void apply_own_defaults(std::vector<DefaultPrivilege>& entries, const lint::Node& statement,
                        const std::string& runner) {
  if (!statement.is("AlterDefaultPrivilegesStmt")) {
    // DROP SCHEMA and DROP OWNED BY take the entries (the marks too) as they do for the others.
    apply_default_privileges(entries, statement);
    return;
  }
  lint::Node action = statement.get("action");
  bool grant = action.flag("is_grant");
  if (!grant && action.flag("grant_option")) return;  // the option, not the privileges
  for (DefaultPrivilege& entry : default_privileges(statement)) {
    if (entry.owner.empty()) entry.owner = runner;
    auto same = [&](const DefaultPrivilege& held) { return held == entry; };
    auto mark = [&](const DefaultPrivilege& held) {
      return held.grantee.empty() && held.owner == entry.owner && held.objects == entry.objects;
    };
    if (entry.schema.empty() && std::none_of(entries.begin(), entries.end(), mark)) {
      entries.push_back({entry.owner, "", entry.objects, "", ""});
      add_built_in_defaults(entries, entry.owner, entry.objects);
    }
    if (!grant) {
      std::erase_if(entries, same);
    } else if (std::none_of(entries.begin(), entries.end(), same)) {
      entries.push_back(std::move(entry));
    }
  }
}

// A list of pg_default_acl entries over the run of the ups: each entry with the ticks it is in
// force between, kept once however long it lasts.
class DefaultPrivilegeLog {
 public:
  // What the list became from the tick on. The statements only take entries away and add new
  // ones at the end: an entry of the list before that is not found in order is gone.
  void record(const std::vector<DefaultPrivilege>& now, lint::Tick tick) {
    std::vector<std::size_t> live;
    std::size_t next = 0;
    for (std::size_t at : m_live) {
      Entry& entry = m_entries[at];
      if (next < now.size() && entry.value == now[next]) {
        live.push_back(at);
        ++next;
      } else {
        entry.to = tick;
      }
    }
    for (; next < now.size(); ++next) {
      live.push_back(m_entries.size());
      m_entries.push_back({now[next], tick});
    }
    m_live = std::move(live);
  }

  // The entries in force for what is made at the tick, in the order they were made.
  std::vector<const DefaultPrivilege*> at(lint::Tick tick) const {
    std::vector<const DefaultPrivilege*> found;
    for (const Entry& entry : m_entries) {
      if (entry.from <= tick && tick < entry.to) found.push_back(&entry.value);
    }
    return found;
  }

 private:
  struct Entry {
    DefaultPrivilege value;
    lint::Tick from = 0;
    lint::Tick to = std::numeric_limits<lint::Tick>::max();
  };
  std::vector<Entry> m_entries;
  std::vector<std::size_t> m_live;  // the entries of the list last recorded
};

// What pg_default_acl holds over the run of the ups, as far as the migrations say: as
// default_privileges_before() answers (held), and as new objects are given (own).
struct DefaultPrivilegesTimeline {
  DefaultPrivilegeLog held;
  DefaultPrivilegeLog own;
};

// Whether apply_default_privileges() may change something for the statement.
bool changes_default_privileges(const lint::Node& node) {
  std::string_view renamed = node.is("RenameStmt") ? node.str("renameType") : "";
  return node.is("AlterDefaultPrivilegesStmt") || node.is("DropOwnedStmt") ||
         (node.is("DropStmt") && node.str("removeType") == "OBJECT_SCHEMA") ||
         renamed == "OBJECT_SCHEMA" || renamed == "OBJECT_ROLE";
}

// Read once per set: every up's statements once.
const DefaultPrivilegesTimeline& default_privileges_timeline(const lint::Project& project,
                                                             const lint::Catalog& catalog) {
  return project.shared<DefaultPrivilegesTimeline>([&project, &catalog] {
    DefaultPrivilegesTimeline timeline;
    // What PostgreSQL gives PUBLIC on new objects without any entry (EXECUTE on functions,
    // USAGE on types, in every schema, for every role's objects).
    std::vector<DefaultPrivilege> held{{"", "", "FUNCTIONS", "PUBLIC", "execute"},
                                       {"", "", "TYPES", "PUBLIC", "usage"}};
    std::vector<DefaultPrivilege> own;
    timeline.held.record(held, 0);
    for (std::size_t f : ups_before(project, catalog, catalog.end())) {
      const lint::ParsedFile& file = *project.parsed(f);
      const auto& statements = file.all_statements();
      for (std::size_t i = 0; i < statements.size(); ++i) {
        const lint::Node& node = statements[i]->node;
        if (!changes_default_privileges(node)) continue;
        apply_default_privileges(held, node);
        apply_own_defaults(own, node, session_role(file, i).value_or(std::string()));
        // In force for what is made from the statement's first step on (a statement without
        // steps: the next one's).
        lint::Tick tick = catalog.before_statement(f, i);
        timeline.held.record(held, tick);
        timeline.own.record(own, tick);
      }
    }
    return timeline;
  });
}

}  // namespace

Privileges creation_privileges(const lint::Project& project, const lint::Catalog& catalog,
                               lint::ObjectId id) {
  const lint::CatalogObject& object = catalog.object(id);
  const lint::ParsedFile* file = project.parsed(object.created.file);
  if (file == nullptr || catalog.replay(object.created.file).direction != lint::Direction::up) {
    return creation_privileges(project, catalog, object.kind(), {}, std::nullopt, 0);
  }
  // The role that makes it owns it: the migrations' role, or the one of a SET ROLE before.
  return creation_privileges(project, catalog, object.kind(), object.names.front().ref.schema,
                             session_role(*file, object.created.statement).value_or(std::string()),
                             object.created.tick);
}

Privileges creation_privileges(const lint::Project& project, const lint::Catalog& catalog,
                               ObjectKind kind, const std::string& schema,
                               const std::optional<std::string>& made_by, lint::Tick tick,
                               const lint::ParsedFile* down, std::size_t before) {
  std::optional<std::string_view> objects = default_privileges_objects(kind);
  if (!objects || !made_by) {
    Privileges held;
    for (std::string_view privilege : all_privileges(kind, false)) {
      if (public_by_default(kind, privilege)) held.insert({"PUBLIC", std::string(privilege), {}});
    }
    return held;
  }
  const std::string& creator = *made_by;
  std::vector<const DefaultPrivilege*> entries =
      default_privileges_timeline(project, catalog).own.at(tick);
  // A down's ALTER DEFAULT PRIVILEGES (DROP OWNED BY, ...) before the statement count too.
  std::vector<DefaultPrivilege> changed;
  if (down != nullptr) {
    for (const DefaultPrivilege* entry : entries) changed.push_back(*entry);
    const auto& statements = down->all_statements();
    for (std::size_t i = 0; i < before && i < statements.size(); ++i) {
      if (changes_default_privileges(statements[i]->node)) {
        apply_own_defaults(changed, statements[i]->node,
                           session_role(*down, i).value_or(std::string()));
      }
    }
    entries.clear();
    for (const DefaultPrivilege& entry : changed) entries.push_back(&entry);
  }
  // The creator's entry in every schema, or PostgreSQL's own default where no statement made
  // one; the IN SCHEMA entry of its schema added to it.
  std::vector<DefaultPrivilege> built_in;
  if (std::none_of(entries.begin(), entries.end(), [&](const DefaultPrivilege* entry) {
        return entry->grantee.empty() && entry->owner == creator && entry->objects == *objects;
      })) {
    add_built_in_defaults(built_in, creator, *objects);
    for (const DefaultPrivilege& entry : built_in) entries.push_back(&entry);
  }
  Privileges held;
  for (const DefaultPrivilege* entry : entries) {
    if (!entry->grantee.empty() && entry->owner == creator && entry->objects == *objects &&
        (entry->schema.empty() || entry->schema == schema)) {
      held.insert({entry->grantee, entry->privilege, {}});
    }
  }
  return held;
}

Privileges privileges_before(const lint::Project& project, const lint::Catalog& catalog,
                             lint::ObjectId id, lint::Tick tick) {
  Privileges held = creation_privileges(project, catalog, id);
  const lint::CatalogObject& object = catalog.object(id);
  for (const lint::ObjectChange& change : lint::changes_before(project, object, tick)) {
    apply_grant(held, change.statement->node, object.kind());
  }
  return held;
}

std::vector<std::size_t> broad_privilege_statements(const lint::ParsedFile& file) {
  std::vector<std::size_t> found;
  const auto& statements = file.all_statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const lint::Node& node = statements[i]->node;
    if (node.is("DropOwnedStmt") ||
        (node.is("GrantStmt") && node.str("targtype") == "ACL_TARGET_ALL_IN_SCHEMA")) {
      found.push_back(i);
    }
  }
  return found;
}

bool reaches_in_schema(const lint::Node& statement, lint::ObjectKind kind,
                       const std::string& schema) {
  if (!statement.is("GrantStmt") || statement.str("targtype") != "ACL_TARGET_ALL_IN_SCHEMA") {
    return false;
  }
  std::string_view type = statement.str("objtype");
  // ALL TABLES: tables, views, materialized views and foreign tables; not sequences.
  bool kind_matches =
      type == "OBJECT_SEQUENCE" ? kind == ObjectKind::sequence
      : type == "OBJECT_TABLE"
          ? lint::is_relation(kind) && kind != ObjectKind::index && kind != ObjectKind::sequence
          : lint::is_routine(kind);
  if (!kind_matches) return false;
  for (lint::Node each : statement.list("objects")) {
    if (lint::truncate_identifier(each.as_str()) == schema) return true;
  }
  return false;
}

void replay_privileges(Privileges& held, const lint::ParsedFile& file,
                       const std::vector<std::size_t>& broad,
                       const std::vector<const lint::CatalogStep*>& steps, lint::ObjectKind kind,
                       const std::string& schema, std::size_t end) {
  std::unordered_set<std::size_t> on_object;
  // The statements that may change what roles hold on it, in file order.
  std::vector<std::size_t> order;
  for (std::size_t i : broad) {
    if (i < end) order.push_back(i);
  }
  for (const lint::CatalogStep* step : steps) {
    if (step->statement < end && (step->effect.change == lint::Change::grant ||
                                  step->effect.change == lint::Change::revoke)) {
      on_object.insert(step->statement);
      order.push_back(step->statement);
    }
  }
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  // SET SCHEMA statements of the file move the object: an ON ALL ... IN SCHEMA after one reaches
  // it in its new schema only.
  std::vector<std::pair<std::size_t, std::string>> moves;
  for (const lint::CatalogStep* step : steps) {
    if (step->statement < end && step->effect.action == lint::Action::rename &&
        !step->effect.new_schema.empty()) {
      moves.emplace_back(step->statement, step->effect.new_schema);
    }
  }
  std::string current = schema;
  const auto& statements = file.all_statements();
  for (std::size_t i : order) {
    for (const auto& [at, to] : moves) {
      if (at < i) current = to;
    }
    const lint::Node& node = statements[i]->node;
    if (node.is("DropOwnedStmt")) {
      for (const std::string& role : role_names(node.list("roles"))) {
        std::erase_if(held, [&](const Privilege& p) { return p.role == role; });
      }
      continue;
    }
    if (on_object.count(i) != 0 || reaches_in_schema(node, kind, current)) {
      apply_grant(held, node, kind);
    }
  }
}

namespace {

// GRANT (or REVOKE) statements of the privileges, on the object a GRANT or REVOKE names.
std::string privileges_statements(std::string_view object_word, const lint::ObjectRef& object,
                                  const std::vector<Privilege>& privileges, bool grant) {
  // Per role, its privileges as GRANT lists them: "SELECT, UPDATE (a, b)".
  std::vector<std::string> roles;
  std::unordered_map<std::string, std::vector<Privilege>> of_role;
  for (const Privilege& privilege : privileges) {
    if (of_role.count(privilege.role) == 0) roles.push_back(privilege.role);
    of_role[privilege.role].push_back(privilege);
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> grants;  // privileges, roles
  for (const std::string& role : roles) {
    std::vector<Privilege>& list = of_role[role];
    std::stable_sort(list.begin(), list.end(), [&](const Privilege& a, const Privilege& b) {
      return privilege_rank(object.kind, a.privilege) < privilege_rank(object.kind, b.privilege);
    });
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < list.size();) {
      std::string part = upper(list[i].privilege);
      std::vector<std::string> columns;
      std::size_t j = i;
      for (; j < list.size() && list[j].privilege == list[i].privilege; ++j) {
        if (!list[j].column.empty()) columns.push_back(quote_identifier(list[j].column));
      }
      if (columns.size() == j - i) {
        part += " (" + lint::join_strings(columns, ", ") + ")";
      } else if (!columns.empty()) {
        part = upper(list[i].privilege);  // the object's own covers its columns
      }
      parts.push_back(std::move(part));
      i = j;
    }
    std::string text = lint::join_strings(parts, ", ");
    auto same = std::find_if(grants.begin(), grants.end(),
                             [&](const auto& grant) { return grant.first == text; });
    if (same != grants.end()) {
      same->second.push_back(role);
    } else {
      grants.push_back({text, {role}});
    }
  }
  std::vector<std::string> statements;
  for (const auto& [text, grantees] : grants) {
    statements.push_back((grant ? "GRANT " : "REVOKE ") + text + " ON " + std::string(object_word) +
                         sql_name(object) + (grant ? " TO " : " FROM ") +
                         lint::join_strings(grantees, ", ") + ";");
  }
  return lint::join_strings(statements, " ");
}

}  // namespace

std::string grant_sql(const lint::Node& statement, const lint::ObjectRef& object,
                      const std::vector<Privilege>& privileges) {
  return privileges_statements(grant_object_word(statement), object, privileges, true);
}

std::string revoke_privileges_sql(const lint::Node& statement, const lint::ObjectRef& object,
                                  const std::vector<Privilege>& privileges) {
  return privileges_statements(grant_object_word(statement), object, privileges, false);
}

std::string object_privileges_sql(const lint::ObjectRef& object,
                                  const std::vector<Privilege>& privileges, bool grant) {
  std::string_view word = "TABLE ";
  switch (object.kind) {
    case ObjectKind::sequence:
      word = "SEQUENCE ";
      break;
    case ObjectKind::function:
    case ObjectKind::aggregate:
      word = "FUNCTION ";
      break;
    case ObjectKind::procedure:
      word = "PROCEDURE ";
      break;
    case ObjectKind::schema:
      word = "SCHEMA ";
      break;
    case ObjectKind::type:
      word = "TYPE ";
      break;
    case ObjectKind::domain:
      word = "DOMAIN ";
      break;
    default:
      break;
  }
  return privileges_statements(word, object, privileges, grant);
}

std::string privileges_words(const std::vector<Privilege>& privileges,
                             std::string_view preposition) {
  // Per role, in the order they come: "SELECT (id), UPDATE (name) to app".
  std::vector<std::string> roles;
  std::unordered_map<std::string, std::vector<std::string>> of_role;
  for (const Privilege& privilege : privileges) {
    if (of_role.count(privilege.role) == 0) roles.push_back(privilege.role);
    std::vector<std::string>& words = of_role[privilege.role];
    std::string word = upper(privilege.privilege);
    std::string column = quote_identifier(privilege.column);
    // Columns of the same privilege in one list: "SELECT (id, name)".
    if (!privilege.column.empty() && !words.empty() && words.back().starts_with(word + " (")) {
      words.back().insert(words.back().size() - 1, ", " + column);
      continue;
    }
    words.push_back(word + (privilege.column.empty() ? "" : " (" + column + ")"));
  }
  std::vector<std::string> parts;
  for (const std::string& role : roles) {
    parts.push_back(lint::join_strings(of_role[role], ", ") + " " + std::string(preposition) + " " +
                    role);
  }
  return lint::join_strings(parts, ", ");
}

std::string grant_back_sql(const lint::Node& revoke, const lint::ObjectRef& object,
                           const std::vector<std::string>& roles) {
  return "GRANT " + privileges_sql(revoke) + " ON " + std::string(grant_object_word(revoke)) +
         sql_name(object) + " TO " + lint::join_strings(roles, ", ") + ";";
}

namespace {

// The tokens of a definition: comments left out, keywords and unquoted names in lower case, and
// without OR REPLACE and IF NOT EXISTS. Two definitions written alike up to spacing, comments,
// case and those words make the same object.
std::vector<std::string> definition_tokens(const lint::ParsedFile& file,
                                           const lint::Statement& statement) {
  std::vector<std::string> texts;
  for (const lint::Token& token : file.tokens(statement.range)) {
    if (token.name == "SQL_COMMENT" || token.name == "C_COMMENT") continue;
    std::string text(file.slice(token.range));
    if (token.keyword || (token.name == "IDENT" && !text.starts_with('"'))) {
      for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    texts.push_back(std::move(text));
  }
  auto words = [&](std::size_t at, std::initializer_list<std::string_view> expected) {
    std::size_t i = at;
    for (std::string_view word : expected) {
      if (i >= texts.size() || texts[i] != word) return false;
      ++i;
    }
    return true;
  };
  std::vector<std::string> tokens;
  // Both come before the object's name, within the first few words.
  constexpr std::size_t k_head = 8;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i == 1 && words(i, {"or", "replace"})) {
      ++i;
    } else if (i < k_head && words(i, {"if", "not", "exists"})) {
      i += 2;
    } else {
      tokens.push_back(std::move(texts[i]));
    }
  }
  return tokens;
}

}  // namespace

std::optional<Definition> last_definition(const lint::Project& project,
                                          const lint::CatalogObject& object, lint::Tick tick) {
  const lint::Statement* made = lint::statement_at(project, object.created);
  if (made == nullptr) return std::nullopt;
  Definition found{object.created, project.parsed(object.created.file), made};
  for (const lint::Origin& origin : object.changed) {
    if (origin.tick >= tick || origin.tick <= found.origin.tick) continue;
    const lint::Statement* statement = lint::statement_at(project, origin);
    if (statement != nullptr && statement->node.kind() == made->node.kind()) {
      found = {origin, project.parsed(origin.file), statement};
    }
  }
  if (found.file == nullptr) return std::nullopt;
  return found;
}

bool same_definition(const lint::ParsedFile& a_file, const lint::Statement& a,
                     const lint::ParsedFile& b_file, const lint::Statement& b) {
  return a.node.kind() == b.node.kind() &&
         definition_tokens(a_file, a) == definition_tokens(b_file, b);
}

bool replaces_definition(const lint::Project& project, const lint::Catalog& catalog,
                         lint::ObjectId id, std::size_t up) {
  const lint::CatalogObject& object = catalog.object(id);
  for (const lint::Origin& origin : object.changed) {
    if (origin.file != up) continue;
    for (const auto& step : catalog.steps_at(origin.file, origin.statement)) {
      if (step.object != id || step.effect.action != lint::Action::create) continue;
      auto before = last_definition(project, object, step.tick);
      const lint::Statement* now = lint::statement_at(project, origin);
      if (before && now != nullptr &&
          !same_definition(*before->file, *before->statement, *project.parsed(up), *now)) {
        return true;
      }
    }
  }
  return false;
}

std::string timing_sql(ConstraintTiming timing) {
  if (!timing.deferrable) return "NOT DEFERRABLE";
  return timing.deferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
}

lint::Node constraint_at(const lint::Statement& statement, std::uint32_t offset,
                         std::string& column, ConstraintTiming* timing) {
  lint::Node found;
  auto read = [&](const lint::Node& constraint) {
    if (timing != nullptr) {
      // INITIALLY DEFERRED alone makes it DEFERRABLE too (the parser says so for a table
      // constraint, and PostgreSQL for a column's).
      timing->deferred = constraint.flag("initdeferred");
      timing->deferrable = constraint.flag("deferrable") || timing->deferred;
    }
  };
  lint::walk(statement.node, [&](const lint::Node& node) {
    if (found.valid()) return false;
    if (node.is("ColumnDef")) {
      bool in = false;
      for (lint::Node constraint : node.list("constraints")) {
        std::string_view type = constraint.str("contype");
        if (in) {
          // The attributes written after a column's constraint are its own.
          if (!type.starts_with("CONSTR_ATTR_")) break;
          if (timing == nullptr) continue;
          if (type == "CONSTR_ATTR_DEFERRABLE") timing->deferrable = true;
          if (type == "CONSTR_ATTR_NOT_DEFERRABLE") timing->deferrable = false;
          if (type == "CONSTR_ATTR_DEFERRED") timing->deferred = timing->deferrable = true;
          if (type == "CONSTR_ATTR_IMMEDIATE") timing->deferred = false;
        } else if (constraint.is("Constraint") &&
                   statement.offset(constraint.location()) == offset) {
          found = constraint;
          column = lint::truncate_identifier(node.str("colname"));
          read(constraint);
          in = true;
        }
      }
      return !found.valid();
    } else if (node.is("Constraint") && statement.offset(node.location()) == offset) {
      found = node;
      read(node);
      return false;
    }
    return true;
  });
  return found;
}

std::vector<std::string> key_columns(const lint::Project& project, const lint::Catalog& catalog,
                                     lint::ObjectId key) {
  const lint::CatalogObject& object = catalog.object(key);
  if (!object.columns.empty() || object.parent == lint::k_no_object) return object.columns;
  const lint::Statement* made = lint::statement_at(project, object.created);
  if (made == nullptr) return {};
  std::string column;
  lint::Node constraint = constraint_at(*made, object.created.offset, column);
  if (!constraint.has("indexname")) return {};
  // USING INDEX: the index, under its name before the statement or the constraint's after it.
  lint::ObjectRef index;
  index.kind = ObjectKind::index;
  index.schema = catalog.object(object.parent).ref_at(object.created.tick).schema;
  for (std::string name : {lint::truncate_identifier(constraint.str("indexname")),
                           object.ref_at(object.created.tick).name}) {
    index.name = std::move(name);
    for (lint::Tick tick : {object.created.tick, object.created.tick + 1}) {
      lint::ObjectId id = catalog.find(index, tick);
      if (id != lint::k_no_object && !catalog.object(id).columns.empty()) {
        return catalog.object(id).columns;
      }
    }
  }
  return {};
}

std::vector<std::string> down_key_columns(const lint::Catalog& catalog,
                                          const lint::FileReplay& down, std::size_t k) {
  const lint::CatalogStep& step = down.steps[k];
  if (!step.effect.columns.empty() || k + 1 >= down.steps.size()) return step.effect.columns;
  // USING INDEX: the statement's next step names the index (renamed to the constraint, or taken
  // by it), one the down made before or one there after the up.
  const lint::CatalogStep& next = down.steps[k + 1];
  if (next.statement != step.statement || next.effect.object.kind != ObjectKind::index) return {};
  for (std::size_t i = k; i-- > 0;) {
    const lint::Effect& made = down.steps[i].effect;
    if (made.action == lint::Action::create && made.object.kind == ObjectKind::index &&
        made.object.name == next.effect.object.name) {
      return made.columns;
    }
  }
  if (next.object == lint::k_no_object) return {};
  return catalog.object(next.object).columns;
}

bool key_sets_not_null(const lint::Project& project, const lint::Catalog& catalog,
                       lint::ObjectId key, lint::ObjectId column, lint::Tick start) {
  const lint::CatalogObject& made = catalog.object(key);
  std::vector<std::string> columns = key_columns(project, catalog, key);
  return std::find(columns.begin(), columns.end(),
                   catalog.object(column).ref_at(made.created.tick).name) != columns.end() &&
         !lint::column_not_null_before(project, catalog, column, start).value_or(false);
}

bool key_made_not_null(const lint::Project& project, const lint::Catalog& catalog,
                       lint::ObjectId column, const Pair& pair) {
  const lint::CatalogObject& object = catalog.object(column);
  if (object.parent == lint::k_no_object) return false;
  for (lint::ObjectId id : catalog.object(object.parent).children) {
    const lint::CatalogObject& key = catalog.object(id);
    if (key.kind() == ObjectKind::constraint && key.contype == 'p' && key.created.file == pair.up &&
        key_sets_not_null(project, catalog, id, column, pair.up_replay->start)) {
      return true;
    }
  }
  return false;
}

std::optional<ConstraintTiming> timing_set_by(const lint::Statement& statement,
                                              std::string_view constraint) {
  std::optional<ConstraintTiming> timing;
  for (lint::Node command : statement.node.list("cmds")) {
    lint::Node definition = command.get("def");
    if (command.str("subtype") == "AT_AlterConstraint" &&
        lint::truncate_identifier(definition.str("conname")) == constraint) {
      timing = ConstraintTiming{definition.flag("deferrable") || definition.flag("initdeferred"),
                                definition.flag("initdeferred")};
    }
  }
  return timing;
}

std::optional<ConstraintTiming> timing_before(const lint::Project& project,
                                              const lint::Catalog& catalog, lint::ObjectId id,
                                              lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(id);
  auto last = last_change_before(catalog, id, tick, [](lint::Change change) {
    return change == lint::Change::constraint_timing;
  });
  if (last) {
    const lint::Statement* statement = lint::statement_at(project, last->origin);
    if (statement == nullptr) return std::nullopt;
    return timing_set_by(*statement, object.ref_at(last->step->tick).name);
  }
  const lint::Statement* made = lint::statement_at(project, object.created);
  if (made == nullptr) return std::nullopt;
  std::string column;
  ConstraintTiming timing;
  if (!constraint_at(*made, object.created.offset, column, &timing).valid()) return std::nullopt;
  return timing;
}

std::optional<std::string> timing_undo_sql(const lint::Project& project,
                                           const lint::Catalog& catalog, lint::ObjectId id,
                                           lint::Tick tick) {
  auto timing = timing_before(project, catalog, id, tick);
  if (!timing) return std::nullopt;
  const lint::ObjectRef& ref = catalog.object(id).ref_at(tick);
  return "ALTER TABLE " + parent_sql(ref) + " ALTER CONSTRAINT " + quote_identifier(ref.name) +
         " " + timing_sql(*timing) + ";";
}

bool irreversible(const lint::ParsedFile& down) {
  return down.has_directive(lint::DirectiveKind::irreversible);
}

std::vector<Pair> pairs(const lint::Project& project) {
  std::vector<Pair> result;
  const lint::Catalog* catalog = project.catalog();
  if (catalog == nullptr) return result;
  for (std::size_t i = 0; i < project.size(); ++i) {
    const auto& migration = project.source(i).migration;
    if (!migration || migration->direction != lint::Direction::up || migration->partner < 0) {
      continue;
    }
    auto down = static_cast<std::size_t>(migration->partner);
    const lint::FileReplay& up_replay = catalog->replay(i);
    const lint::FileReplay& down_replay = catalog->replay(down);
    if (!up_replay.replayed || !down_replay.replayed) continue;
    result.push_back(
        Pair{i, down, project.parsed(i), project.parsed(down), &up_replay, &down_replay});
  }
  return result;
}

std::vector<std::size_t> ups_before(const lint::Project& project, const lint::Catalog& catalog,
                                    lint::Tick start) {
  std::vector<std::size_t> files;
  for (std::size_t i : catalog.ups_before(start)) {
    if (project.parsed(i) != nullptr) files.push_back(i);
  }
  return files;
}

StepsByObject::StepsByObject(const lint::FileReplay& replay) {
  for (const auto& step : replay.steps) {
    if (step.object != lint::k_no_object) m_steps[step.object].push_back(&step);
  }
}

const std::vector<const lint::CatalogStep*>& StepsByObject::of(lint::ObjectId id) const {
  static const std::vector<const lint::CatalogStep*> none;
  auto found = m_steps.find(id);
  return found == m_steps.end() ? none : found->second;
}

std::vector<const lint::Effect*> other_alters(const StepsByObject& steps,
                                              const lint::CatalogStep& step) {
  std::vector<const lint::Effect*> effects;
  for (const lint::CatalogStep* other : steps.of(step.object)) {
    if (other != &step && other->effect.action == lint::Action::alter) {
      effects.push_back(&other->effect);
    }
  }
  return effects;
}

std::unordered_set<lint::ObjectId> taken_by(const lint::FileReplay& down) {
  std::unordered_set<lint::ObjectId> taken;
  for (const auto& step : down.steps) {
    // What goes with another change (an identity's sequence) counts too.
    taken.insert(step.implied.begin(), step.implied.end());
    if (step.effect.action != lint::Action::drop || step.object == lint::k_no_object) continue;
    taken.insert(step.object);
  }
  return taken;
}

std::unordered_set<std::string> made_by(const lint::FileReplay& down) {
  std::unordered_set<std::string> made;
  for (const auto& step : down.steps) {
    if (step.effect.action == lint::Action::create) {
      made.insert(step.effect.object.base_key());
    } else if (step.effect.action == lint::Action::rename && !step.effect.new_name.empty()) {
      lint::ObjectRef target = step.effect.object;
      target.name = step.effect.new_name;
      if (!step.effect.new_schema.empty()) target.schema = step.effect.new_schema;
      made.insert(target.base_key());
    }
  }
  return made;
}

bool created_by(const lint::Catalog& catalog, lint::ObjectId id, std::size_t up) {
  for (lint::ObjectId current = id; current != lint::k_no_object;
       current = catalog.object(current).parent) {
    if (catalog.object(current).created.file == up) return true;
  }
  return false;
}

bool touched_by(const lint::Catalog& catalog, lint::ObjectId id, std::size_t up) {
  for (lint::ObjectId current = id; current != lint::k_no_object;
       current = catalog.object(current).parent) {
    const lint::CatalogObject& object = catalog.object(current);
    if (object.created.file == up) return true;
    if (current != id) continue;
    for (const auto& origin : object.changed) {
      if (origin.file == up) return true;
    }
    if (object.dropped && object.dropped->file == up) return true;
  }
  return false;
}

// The entries an ALTER DEFAULT PRIVILEGES statement names.
std::vector<DefaultPrivilege> default_privileges(const lint::Node& statement) {
  std::vector<std::string> owners{""};
  std::vector<std::string> schemas{""};
  for (lint::Node option : statement.list("options")) {
    lint::Node list = option.get("arg");
    lint::NodeList items = list.is("List") ? list.list("items") : list.items();
    if (option.str("defname") == "roles") {
      owners.clear();
      for (std::string& role : role_names(items)) {
        bool runner = role == "CURRENT_USER" || role == "CURRENT_ROLE" || role == "SESSION_USER";
        owners.push_back(runner ? std::string() : std::move(role));
      }
    } else if (option.str("defname") == "schemas") {
      schemas.clear();
      for (lint::Node schema : items) schemas.push_back(lint::truncate_identifier(schema.as_str()));
    }
  }
  lint::Node action = statement.get("action");
  std::string_view type = action.str("objtype");
  auto [objects, kind] = type == "OBJECT_SEQUENCE"   ? std::pair{"SEQUENCES", ObjectKind::sequence}
                         : type == "OBJECT_FUNCTION" ? std::pair{"FUNCTIONS", ObjectKind::function}
                         : type == "OBJECT_TYPE"     ? std::pair{"TYPES", ObjectKind::type}
                         : type == "OBJECT_SCHEMA"   ? std::pair{"SCHEMAS", ObjectKind::schema}
                                                     : std::pair{"TABLES", ObjectKind::table};
  std::vector<std::string> privileges;
  for (lint::Node privilege : action.list("privileges")) {
    privileges.emplace_back(privilege.str("priv_name"));
  }
  if (privileges.empty()) {
    for (std::string_view privilege : all_privileges(kind, false)) {
      privileges.emplace_back(privilege);
    }
  }
  std::vector<DefaultPrivilege> entries;
  for (const std::string& owner : owners) {
    for (const std::string& schema : schemas) {
      for (const std::string& grantee : role_names(action.list("grantees"))) {
        for (const std::string& privilege : privileges) {
          entries.push_back({owner, schema, objects, grantee, privilege});
        }
      }
    }
  }
  return entries;
}

// Whether a REVOKE's entry takes back a GRANT's: the same schema (or none for both), kind of
// object, grantee and privilege, for the same role's objects (a statement without FOR ROLE is
// about the role running the migrations, which may be the one named: not told apart).
bool takes_back(const DefaultPrivilege& revoke, const DefaultPrivilege& grant) {
  return (revoke.owner.empty() || grant.owner.empty() || revoke.owner == grant.owner) &&
         revoke.schema == grant.schema && revoke.objects == grant.objects &&
         revoke.grantee == grant.grantee && revoke.privilege == grant.privilege;
}

// Whether two entries are the same pg_default_acl privilege (a statement without FOR ROLE may be
// about any role's objects: see takes_back()).
namespace {
bool same_entry(const DefaultPrivilege& a, const DefaultPrivilege& b) {
  return takes_back(a, b);
}
}  // namespace

// Applies an ALTER DEFAULT PRIVILEGES to the entries held: a GRANT adds its entries, a REVOKE
// takes those it names (REVOKE GRANT OPTION FOR leaves the privileges). DROP SCHEMA takes the
// entries IN SCHEMA of each schema it names: they depend on the schema, and go with it with or
// without CASCADE (a schema made again under the name is another one, without them).
void apply_default_privileges(std::vector<DefaultPrivilege>& held, const lint::Node& statement) {
  if (statement.is("DropStmt") && statement.str("removeType") == "OBJECT_SCHEMA") {
    for (lint::Node name : statement.list("objects")) {
      std::string schema = lint::truncate_identifier(name.as_str());
      std::erase_if(held, [&](const DefaultPrivilege& entry) { return entry.schema == schema; });
    }
    return;
  }
  // pg_default_acl keys its entries by the schema's and the roles' OIDs: they follow a rename.
  if (statement.is("RenameStmt")) {
    std::string_view type = statement.str("renameType");
    std::string old_name = lint::truncate_identifier(statement.str("subname"));
    std::string new_name = lint::truncate_identifier(statement.str("newname"));
    for (DefaultPrivilege& entry : held) {
      if (type == "OBJECT_SCHEMA" && entry.schema == old_name) entry.schema = new_name;
      if (type == "OBJECT_ROLE") {
        if (entry.owner == quote_identifier(old_name)) entry.owner = quote_identifier(new_name);
        if (entry.grantee == quote_identifier(old_name)) entry.grantee = quote_identifier(new_name);
      }
    }
    return;
  }
  // DROP OWNED BY r removes the entries r owns (FOR ROLE r), and what the others give r.
  if (statement.is("DropOwnedStmt")) {
    for (const std::string& role : role_names(statement.list("roles"))) {
      std::erase_if(held, [&](const DefaultPrivilege& entry) {
        return entry.owner == role || entry.grantee == role;
      });
    }
    return;
  }
  if (!statement.is("AlterDefaultPrivilegesStmt")) return;
  lint::Node action = statement.get("action");
  if (action.flag("is_grant")) {
    for (DefaultPrivilege& entry : default_privileges(statement)) held.push_back(std::move(entry));
  } else if (!action.flag("grant_option")) {
    for (const DefaultPrivilege& entry : default_privileges(statement)) {
      std::erase_if(held, [&](const DefaultPrivilege& h) { return takes_back(entry, h); });
    }
  }
}

// What pg_default_acl holds before the up, as far as the migrations say: what PostgreSQL gives
// PUBLIC on new objects without any entry, then the ALTER DEFAULT PRIVILEGES of the earlier ups
// (default_privileges_timeline()).
std::vector<DefaultPrivilege> default_privileges_before(const lint::Project& project,
                                                        const lint::Catalog& catalog,
                                                        lint::Tick start) {
  // The earlier ups' statements are in force from ticks before the up's start; the up's own
  // from ticks after it.
  std::vector<DefaultPrivilege> held;
  for (const DefaultPrivilege* entry :
       default_privileges_timeline(project, catalog).held.at(start)) {
    held.push_back(*entry);
  }
  return held;
}

std::string default_privileges_words(const std::vector<DefaultPrivilege>& entries) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < entries.size();) {
    std::string objects(entries[i].objects);
    std::transform(objects.begin(), objects.end(), objects.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    std::string part = "on new " + objects;
    if (!entries[i].schema.empty()) {
      part += " in schema " + quote_identifier(entries[i].schema);
    }
    std::vector<std::string> privileges;
    std::size_t j = i;
    for (; j < entries.size() && entries[j].objects == entries[i].objects &&
           entries[j].schema == entries[i].schema;
         ++j) {
      std::string privilege = upper(entries[j].privilege);
      if (std::find(privileges.begin(), privileges.end(), privilege) == privileges.end()) {
        privileges.push_back(std::move(privilege));
      }
    }
    parts.push_back(part + " (" + lint::join_strings(privileges, ", ") + ")");
    i = j;
  }
  return lint::join_strings(parts, ", ");
}

// Whether an entry is among those held.
bool holds_default(const std::vector<DefaultPrivilege>& held, const DefaultPrivilege& entry) {
  return std::any_of(held.begin(), held.end(),
                     [&](const DefaultPrivilege& h) { return same_entry(h, entry); });
}

std::vector<DefaultPrivilege> default_privileges_taken(
    const lint::Node& revoke, const std::vector<DefaultPrivilege>& before_up,
    const std::vector<DefaultPrivilege>& before_statement) {
  std::vector<DefaultPrivilege> taken;
  lint::Node action = revoke.get("action");
  if (action.flag("is_grant") || action.flag("grant_option")) return taken;
  for (DefaultPrivilege& entry : default_privileges(revoke)) {
    auto takes = [&](const std::vector<DefaultPrivilege>& at) {
      return std::any_of(at.begin(), at.end(),
                         [&](const DefaultPrivilege& h) { return takes_back(entry, h); });
    };
    if (takes(before_up) && takes(before_statement)) taken.push_back(std::move(entry));
  }
  return taken;
}

// The role the statements of a file run as before statement `before`: the last SET ROLE's (as
// role_name() writes it); nullopt without one, after RESET ROLE or SET ROLE NONE (the role
// running the migrations).
std::optional<std::string> session_role(const lint::ParsedFile& file, std::size_t before) {
  std::optional<std::string> role;
  const auto& statements = file.all_statements();
  for (std::size_t i = 0; i < before && i < statements.size(); ++i) {
    const lint::Node& node = statements[i]->node;
    if (!node.is("VariableSetStmt") || node.str("name") != "role") continue;
    std::string value = lint::set_value(node);
    role = value.empty() || value == "none" ? std::nullopt
                                            : std::optional<std::string>(quote_identifier(value));
  }
  return role;
}

// The privileges a GRANT or REVOKE names on the object itself (ALL: each of the kind); those on
// columns are left out.
std::set<std::string> object_privileges(const lint::Node& statement, lint::ObjectKind kind) {
  std::set<std::string> names;
  if (statement.list("privileges").empty()) {
    for (std::string_view each : all_privileges(kind, false)) names.emplace(each);
  }
  for (lint::Node privilege : statement.list("privileges")) {
    if (!privilege.list("cols").empty()) continue;
    std::string name(privilege.str("priv_name"));
    if (name.empty()) {
      for (std::string_view each : all_privileges(kind, false)) names.emplace(each);
    } else {
      names.insert(name == "temp" ? std::string("temporary") : name);
    }
  }
  return names;
}

}  // namespace sqlgate::rules::pairing
