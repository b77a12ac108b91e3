#include "rules/pairing/publications.h"

#include <algorithm>
#include <cctype>

#include "lint/guard.h"
#include "lint/table_state.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::pairing {

using lint::ObjectId;
using lint::ObjectKind;

namespace {

// The text of a member as the statement writes it, from where its table is named to the comma
// (or WITH, or the end) after it, without comments and with its spacing made single spaces; ""
// when the tree's locations do not map into the file.
std::string member_text(const lint::ParsedFile& file, const lint::Statement& statement,
                        std::optional<std::uint32_t> location) {
  if (!location || !statement.exact) return {};
  std::string_view text = file.text();
  std::size_t end = std::min<std::size_t>(statement.range.end, text.size());
  auto word_char = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '$';
  };
  std::string out;
  int depth = 0;
  for (std::size_t i = statement.offset(location); i < end; ++i) {
    char ch = text[i];
    if (ch == '\'' || ch == '"') {
      std::size_t close = text.find(ch, i + 1);
      close = close == std::string_view::npos ? end : std::min(close + 1, end);
      out.append(text.substr(i, close - i));
      i = close - 1;
      continue;
    }
    if (text.substr(i, 2) == "--" || text.substr(i, 2) == "/*") {
      // Up to the end of the line, or past the "*/".
      bool line = text.substr(i, 2) == "--";
      std::size_t close = line ? text.find('\n', i) : text.find("*/", i + 2);
      close = close == std::string_view::npos ? end : std::min(close + (line ? 1 : 2), end);
      if (!out.empty() && out.back() != ' ' && out.back() != '(') out += ' ';
      i = close - 1;
      continue;
    }
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
    if (depth < 0 || (depth == 0 && (ch == ',' || ch == ';'))) break;
    if (depth == 0 && (ch == 'W' || ch == 'w') && (out.empty() || !word_char(text[i - 1]))) {
      std::string word(text.substr(i, 4));
      for (char& w : word) w = static_cast<char>(std::toupper(static_cast<unsigned char>(w)));
      if (word == "WITH" && (i + 4 >= end || !word_char(text[i + 4]))) break;
    }
    if (std::isspace(static_cast<unsigned char>(ch))) {
      if (!out.empty() && out.back() != ' ' && out.back() != '(') out += ' ';
      continue;
    }
    if (ch == ')' && !out.empty() && out.back() == ' ') out.pop_back();
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A publication's boolean option as written: no value, true, on, 1, ...
bool option_true(const lint::Node& option) {
  lint::Node arg = option.get("arg");
  if (!arg.valid()) return true;
  if (arg.is("Integer")) return arg.as_int() != 0;
  if (arg.is("Boolean")) return arg.flag("boolval");
  std::string value(arg.as_str());
  for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return value == "true" || value == "on" || value == "1" || value == "yes" || value == "t" ||
         value == "y";
}

}  // namespace

// The members a CREATE or ALTER PUBLICATION lists, their tables looked up at the tick.
std::vector<PublishedMember> listed_members(const lint::Catalog& catalog,
                                            const lint::ParsedFile& file,
                                            const lint::Statement& statement, lint::Tick tick) {
  std::vector<PublishedMember> members;
  for (lint::Node spec : statement.node.list("pubobjects")) {
    std::string_view type = spec.str("pubobjtype");
    PublishedMember member;
    if (type == "PUBLICATIONOBJ_TABLES_IN_SCHEMA" ||
        type == "PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA") {
      std::string schema = type == "PUBLICATIONOBJ_TABLES_IN_SCHEMA"
                               ? lint::truncate_identifier(spec.str("name"))
                               : std::string("public");
      member.key = "schema " + schema;
      member.schema = true;
      member.name = "TABLES IN SCHEMA " + quote_identifier(schema);
      member.text = member.name;
      members.push_back(std::move(member));
      continue;
    }
    lint::Node table = spec.get("pubtable");
    if (!table.valid()) continue;
    lint::RelationName relation = lint::relation_name(table.get("relation"));
    lint::ObjectRef ref;
    ref.kind = ObjectKind::table;
    ref.schema = relation.schema.empty() ? "public" : lint::truncate_identifier(relation.schema);
    ref.name = lint::truncate_identifier(relation.name);
    ObjectId id = catalog.find(ref, tick);
    member.table = id;
    if (id != lint::k_no_object) {
      member.key = std::to_string(id);
      member.key.insert(member.key.begin(), '#');
    } else {
      member.key = relation.schema.empty() ? std::string() : ref.schema + ".";
      member.key += ref.name;
    }
    member.name = relation.schema.empty() ? quote_identifier(ref.name) : sql_name(ref);
    for (lint::Node column : table.list("columns")) {
      member.columns.push_back(lint::truncate_identifier(column.as_str()));
    }
    std::sort(member.columns.begin(), member.columns.end());
    member.where = table.get("whereClause");
    member.text = member_text(file, statement, relation.location);
    if (member.text.empty()) member.text = member.name;
    members.push_back(std::move(member));
  }
  return members;
}

// The options a CREATE or ALTER PUBLICATION ... SET (...) writes.
void apply_publication_options(PublicationState& state, const lint::Node& statement) {
  for (lint::Node option : statement.list("options")) {
    std::string_view name = option.str("defname");
    if (name == "publish") {
      std::set<std::string> actions;
      std::string value(option.get("arg").as_str());
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        std::string word;
        for (std::size_t i = start; i < comma; ++i) {
          if (!std::isspace(static_cast<unsigned char>(value[i]))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(value[i])));
          }
        }
        if (!word.empty()) actions.insert(word);
        start = comma + 1;
      }
      state.publish = std::move(actions);
    } else if (name == "publish_via_partition_root") {
      state.via_root = option_true(option);
    }
  }
}

// Applies a statement to a publication's state: CREATE, DROP, ALTER ... ADD / DROP / SET TABLE
// and SET (options). `before`, when given, learns what the statement shows of the state the
// replay started from where that was not known: ADD TABLE of a table that was not published,
// DROP TABLE of one that was (PostgreSQL refuses either otherwise).
void apply_publication(const lint::Catalog& catalog, PublicationState& state,
                       const lint::ParsedFile& file, const lint::Statement& statement,
                       lint::Tick tick, PublicationState* before) {
  const lint::Node& node = statement.node;
  if (node.is("DropStmt")) {
    state = PublicationState();
    state.exists = false;
    return;
  }
  if (node.is("CreatePublicationStmt")) {
    state = PublicationState();
    state.complete = true;
    state.all_tables = node.flag("for_all_tables");
    state.members = listed_members(catalog, file, statement, tick);
    state.publish = std::set<std::string>{"insert", "update", "delete", "truncate"};
    state.via_root = false;
    apply_publication_options(state, node);
    return;
  }
  if (!node.list("options").empty()) {
    apply_publication_options(state, node);
    return;
  }
  std::string_view action = node.str("action");
  std::vector<PublishedMember> listed = listed_members(catalog, file, statement, tick);
  if (action == "AP_SetObjects") {
    state.members = std::move(listed);
    state.complete = true;
    return;
  }
  bool adds = action != "AP_DropObjects";
  for (PublishedMember& member : listed) {
    if (before != nullptr && state.status(member.key) < 0 && before->status(member.key) < 0) {
      PublishedMember known = member;
      known.member = !adds;
      known.details = false;
      before->members.push_back(std::move(known));
    }
    member.member = adds;
    if (PublishedMember* found = state.find(member.key)) {
      *found = std::move(member);
    } else {
      state.members.push_back(std::move(member));
    }
  }
}

// The publication a statement names: CREATE / ALTER PUBLICATION, or a DROP PUBLICATION of it.
bool names_publication(const lint::Node& node, const std::string& name) {
  if (node.is("CreatePublicationStmt") || node.is("AlterPublicationStmt")) {
    return lint::truncate_identifier(node.str("pubname")) == name;
  }
  if (node.is("DropStmt") && node.str("removeType") == "OBJECT_PUBLICATION") {
    for (lint::Node object : node.list("objects")) {
      if (lint::truncate_identifier(object.as_str()) == name) return true;
    }
  }
  return false;
}

// "publish = 'insert, update'" as PostgreSQL lists the actions.
std::string publish_sql(const std::set<std::string>& actions) {
  std::vector<std::string> words;
  for (const char* action : {"insert", "update", "delete", "truncate"}) {
    if (actions.count(action) != 0) words.emplace_back(action);
  }
  return "publish = '" + lint::join_strings(words, ", ") + "'";
}

std::optional<PublicationState> publication_at(const lint::Project& project,
                                               const lint::Catalog& catalog, ObjectId id,
                                               lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(id);
  const lint::Statement* made = lint::statement_at(project, object.created);
  if (made == nullptr || !made->node.is("CreatePublicationStmt")) return std::nullopt;
  PublicationState state;
  apply_publication(catalog, state, *project.parsed(object.created.file), *made,
                    object.created.tick);
  for (const lint::ObjectChange& change : lint::changes_before(project, object, tick)) {
    if (!change.statement->node.is("AlterPublicationStmt")) continue;
    apply_publication(catalog, state, *project.parsed(change.origin.file), *change.statement,
                      change.origin.tick);
  }
  // A table dropped since left the publication.
  std::erase_if(state.members, [&](const PublishedMember& member) {
    return member.table != lint::k_no_object && !catalog.object(member.table).alive_at(tick);
  });
  return state;
}

std::optional<PublicationState> publication_before(const lint::Project& project,
                                                   const lint::Catalog& catalog, std::size_t up,
                                                   std::size_t first, lint::Tick start) {
  PublicationState before;
  ObjectId id = lint::k_no_object;
  for (const lint::CatalogStep* step : catalog.steps_of(up, first)) {
    if (step->effect.object.kind == ObjectKind::publication) id = step->object;
  }
  if (id != lint::k_no_object && created_by(catalog, id, up)) return std::nullopt;
  if (id != lint::k_no_object && catalog.object(id).alive_at(start)) {
    if (auto state = publication_at(project, catalog, id, start)) before = std::move(*state);
  }
  return before;
}

std::optional<NonMember> dropped_non_member(const lint::Project& project,
                                            const lint::Catalog& catalog, std::size_t file,
                                            const lint::Statement& statement) {
  const lint::Node& node = statement.node;
  const lint::ParsedFile* parsed = project.parsed(file);
  const lint::FileReplay& replay = catalog.replay(file);
  if (!node.is("AlterPublicationStmt") || node.str("action") != "AP_DropObjects" ||
      parsed == nullptr || !replay.replayed || replay.direction != lint::Direction::up ||
      lint::conditional(statement)) {
    return std::nullopt;
  }
  std::optional<std::size_t> ordinal = parsed->ordinal(statement);
  if (!ordinal) return std::nullopt;
  lint::Tick tick = catalog.before_statement(file, *ordinal);
  ObjectId id = lint::k_no_object;
  for (const lint::CatalogStep* step : catalog.steps_of(file, *ordinal)) {
    if (step->effect.object.kind == ObjectKind::publication) id = step->object;
  }
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& object = catalog.object(id);
  const lint::Statement* made = lint::statement_at(project, object.created);
  const lint::ParsedFile* made_in = project.parsed(object.created.file);
  if (made == nullptr || made_in == nullptr || !lint::made_on_first_run(*made_in, *made)) {
    return std::nullopt;
  }
  for (const lint::ObjectChange& change : lint::changes_before(project, object, tick)) {
    if (lint::conditional(*change.statement)) return std::nullopt;
  }
  std::optional<PublicationState> state = publication_at(project, catalog, id, tick);
  if (!state || !state->complete || state->all_tables) return std::nullopt;
  for (PublishedMember& member : listed_members(catalog, *parsed, statement, tick)) {
    if (member.schema || member.table == lint::k_no_object || state->status(member.key) != 0) {
      continue;
    }
    const lint::ObjectRef& table = catalog.object(member.table).ref_at(tick);
    std::string schema = state->status("schema " + table.schema) == 1 ? table.schema : "";
    return NonMember{std::move(member), table.name, std::move(schema)};
  }
  return std::nullopt;
}

std::vector<std::string> publications_of(const lint::Project& project, const lint::Catalog& catalog,
                                         ObjectId table, lint::Tick tick) {
  std::vector<std::pair<std::string, PublicationState>> states;
  auto state_of = [&](const std::string& name) -> PublicationState& {
    for (auto& [known, state] : states) {
      if (known == name) return state;
    }
    states.emplace_back(name, PublicationState());
    return states.back().second;
  };
  for (std::size_t f : ups_before(project, catalog, tick)) {
    const lint::ParsedFile& file = *project.parsed(f);
    const auto& statements = file.all_statements();
    for (std::size_t i = 0; i < statements.size(); ++i) {
      const lint::Node& node = statements[i]->node;
      lint::Tick at = catalog.before_statement(f, i);
      if (at >= tick) break;
      if (node.is("CreatePublicationStmt") || node.is("AlterPublicationStmt")) {
        apply_publication(catalog, state_of(lint::truncate_identifier(node.str("pubname"))), file,
                          *statements[i], at);
      } else if (node.is("DropStmt") && node.str("removeType") == "OBJECT_PUBLICATION") {
        for (lint::Node object : node.list("objects")) {
          apply_publication(catalog, state_of(lint::truncate_identifier(object.as_str())), file,
                            *statements[i], at);
        }
      }
    }
  }
  std::string key = std::to_string(table);
  key.insert(key.begin(), '#');
  std::vector<std::string> names;
  for (const auto& [name, state] : states) {
    if (!state.exists || state.all_tables) continue;
    for (const PublishedMember& member : state.members) {
      if (member.key == key && member.member) names.push_back(name);
    }
  }
  return names;
}

}  // namespace sqlgate::rules::pairing
