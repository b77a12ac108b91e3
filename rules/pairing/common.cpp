#include "rules/pairing/common.h"

#include <algorithm>

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

std::string parent_sql(const ObjectRef& ref) {
  ObjectRef table;
  table.kind = ObjectKind::table;
  table.schema = ref.schema;
  table.name = ref.parent;
  return sql_name(table);
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

std::string sql_name(const ObjectRef& ref) {
  std::string text;
  if (!ref.schema.empty() && ref.schema != "public") text = quote_identifier(ref.schema) + ".";
  if (ref.kind == ObjectKind::cast || ref.kind == ObjectKind::user_mapping) return ref.name;
  text += quote_identifier(ref.name);
  if (lint::is_routine(ref.kind) && ref.args) text += "(" + *ref.args + ")";
  return text;
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
      return kind + " " + sql_name(ref);
  }
}

std::string drop_sql(const ObjectRef& ref) {
  switch (ref.kind) {
    case ObjectKind::column:
      return "ALTER TABLE " + parent_sql(ref) + " DROP COLUMN IF EXISTS " +
             quote_identifier(ref.name) + ";";
    case ObjectKind::constraint:
      return "ALTER TABLE " + parent_sql(ref) + " DROP CONSTRAINT IF EXISTS " +
             quote_identifier(ref.name) + ";";
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return "DROP " + upper(lint::to_string(ref.kind)) + " IF EXISTS " +
             quote_identifier(ref.name) + " ON " + parent_sql(ref) + ";";
    case ObjectKind::cast:
      return "DROP CAST IF EXISTS (" + ref.name + ");";
    default:
      return "DROP " + sql_keyword(ref.kind) + " IF EXISTS " + sql_name(ref) + ";";
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

bool lists_role(const lint::NodeList& roles, const std::string& role) {
  for (lint::Node spec : roles) {
    if (role_name(spec) == role) return true;
  }
  return false;
}

bool drops_owned(const Pair& pair, const std::string& role, std::size_t before) {
  const auto& down = pair.down_file->all_statements();
  for (std::size_t i = 0; i < before && i < down.size(); ++i) {
    const lint::Node& node = down[i]->node;
    if (node.is("DropOwnedStmt") && lists_role(node.list("roles"), role)) return true;
  }
  return false;
}

bool revokes(const lint::Catalog& catalog, const Pair& pair, lint::ObjectId id,
             const std::string& role, std::size_t before) {
  const auto& down = pair.down_file->all_statements();
  for (const auto& step : pair.down_replay->steps) {
    if (step.statement < before && step.object == id &&
        step.effect.change == lint::Change::revoke &&
        lists_role(down[step.statement]->node.list("grantees"), role)) {
      return true;
    }
  }
  const std::string& schema = catalog.object(id).ref().schema;
  for (std::size_t i = 0; i < before && i < down.size(); ++i) {
    const lint::Node& node = down[i]->node;
    if (!node.is("GrantStmt") || node.flag("is_grant") ||
        node.str("targtype") != "ACL_TARGET_ALL_IN_SCHEMA" ||
        !lists_role(node.list("grantees"), role)) {
      continue;
    }
    for (lint::Node object : node.list("objects")) {
      if (lint::truncate_identifier(object.as_str()) == schema) return true;
    }
  }
  return drops_owned(pair, role, before);
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

}  // namespace sqlgate::rules::pairing
