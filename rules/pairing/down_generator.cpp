#include "rules/pairing/down_generator.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "lint/catalog.h"
#include "rules/idempotency/common.h"
#include "rules/pairing/common.h"
#include "rules/pairing/publications.h"

namespace sqlgate::rules::pairing {
namespace {

using idempotency::sql_literal;
using lint::Action;
using lint::Change;
using lint::Node;
using lint::NodeList;
using lint::ObjectId;
using lint::ObjectKind;
using lint::ObjectRef;

constexpr ObjectId k_none = lint::k_no_object;

// One thing the down does, in the order of the up step it reverses.
struct Item {
  enum class Kind : std::uint8_t { drop, rename, drop_not_null, delete_rows, statement, todo };
  Kind kind = Kind::todo;
  // The up statement (index into all_statements()) and step it reverses: later ones first.
  std::size_t statement = 0;
  std::size_t order = 0;
  ObjectId object = k_none;  // drop, rename, drop_not_null, delete_rows: the object
  ObjectRef from;            // rename of an object the catalog does not know: its new name
  ObjectRef to;              // rename: the name it goes back to; else the object's name
  bool concurrent = false;   // drop of an index the up created CONCURRENTLY
  std::string text;          // statement: the SQL; delete_rows: its WHERE; todo: the reason
};

bool is_plain_relation(ObjectKind kind) {
  return kind == ObjectKind::table || kind == ObjectKind::view ||
         kind == ObjectKind::materialized_view || kind == ObjectKind::index ||
         kind == ObjectKind::sequence || kind == ObjectKind::foreign_table;
}

// Statements that change no schema object and no row: nothing to reverse.
bool changes_nothing(const lint::Statement& statement) {
  static const std::set<std::string_view> k_kinds = {
      "VariableSetStmt", "VariableShowStmt", "TransactionStmt", "ExplainStmt",
      "NotifyStmt",      "ListenStmt",       "UnlistenStmt",    "VacuumStmt",
      "CheckPointStmt",  "LockStmt",         "CommentStmt",     "DiscardStmt",
      "ReindexStmt",     "ClusterStmt",      "DeallocateStmt",  "PrepareStmt"};
  std::string_view kind = statement.kind();
  if (kind == "SelectStmt") return !statement.node.has("intoClause");
  return k_kinds.count(kind) != 0;
}

// "UPDATE", "GRANT", "CALL": how a statement kind reads in a message.
std::string statement_words(std::string_view kind) {
  std::string words;
  if (kind.size() > 4 && kind.substr(kind.size() - 4) == "Stmt") kind.remove_suffix(4);
  for (char c : kind) {
    if (c >= 'A' && c <= 'Z' && !words.empty()) words += ' ';
    words += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return words;
}

// The names objects have while the down runs: the names after the up, then the old names as
// the down renames them back.
class Names {
 public:
  Names(const lint::Catalog& catalog, lint::Tick after) : m_catalog(catalog), m_after(after) {}

  ObjectRef current(ObjectId id) const {
    const lint::CatalogObject& object = m_catalog.object(id);
    auto it = m_now.find(id);
    ObjectRef ref = it != m_now.end() ? it->second : object.ref_at(m_after);
    if (object.parent != k_none) {
      ObjectRef table = current(object.parent);
      ref.parent = table.name;
      ref.schema = table.schema;
    }
    return ref;
  }
  void rename(ObjectId id, ObjectRef to) { m_now[id] = std::move(to); }

 private:
  const lint::Catalog& m_catalog;
  lint::Tick m_after;
  std::unordered_map<ObjectId, ObjectRef> m_now;
};

// The DO block that runs a statement only when a catalog test finds what it acts on.
std::string guarded(const std::string& test, const std::string& statement) {
  return "DO $$\nBEGIN\n  IF " + test + " THEN\n    " + statement + "\n  END IF;\nEND $$;";
}

// The DO block that runs a statement and ignores the error a second run raises.
std::string caught(const std::string& statement, std::string_view condition) {
  return "DO $$\nBEGIN\n  " + statement + "\nEXCEPTION WHEN " + std::string(condition) +
         " THEN NULL;\nEND $$;";
}

std::string schema_of(const ObjectRef& ref) {
  return ref.schema.empty() ? std::string("public") : ref.schema;
}

// The statement that gives an object its old name (or schema) back, guarded so that a second
// run of the down does nothing.
std::string rename_sql(const ObjectRef& from, const ObjectRef& to) {
  bool move = from.schema != to.schema;
  if (is_plain_relation(from.kind)) {
    std::string head = "ALTER " + sql_keyword(from.kind) + " IF EXISTS " + sql_name(from);
    return head +
           (move ? " SET SCHEMA " + quote_identifier(to.schema)
                 : " RENAME TO " + quote_identifier(to.name)) +
           ";";
  }
  switch (from.kind) {
    case ObjectKind::column:
      return guarded(
          "EXISTS (SELECT FROM information_schema.columns\n             WHERE "
          "table_schema = " +
              sql_literal(schema_of(from)) + " AND table_name = " + sql_literal(from.parent) +
              "\n               AND column_name = " + sql_literal(from.name) + ")",
          "ALTER TABLE " + parent_sql(from) + " RENAME COLUMN " + quote_identifier(from.name) +
              " TO " + quote_identifier(to.name) + ";");
    case ObjectKind::constraint:
      return guarded(
          "EXISTS (SELECT FROM pg_catalog.pg_constraint\n             WHERE conrelid "
          "= to_regclass(" +
              sql_literal(quote_identifier(schema_of(from)) + "." + quote_identifier(from.parent)) +
              ") AND conname = " + sql_literal(from.name) + ")",
          "ALTER TABLE " + parent_sql(from) + " RENAME CONSTRAINT " + quote_identifier(from.name) +
              " TO " + quote_identifier(to.name) + ";");
    default:
      break;
  }
  std::string name = sql_name(from);
  if (from.kind == ObjectKind::trigger || from.kind == ObjectKind::policy ||
      from.kind == ObjectKind::rule) {
    name = quote_identifier(from.name) + " ON " + parent_sql(from);
  } else if (from.kind == ObjectKind::schema) {
    name = quote_identifier(from.name);
  }
  std::string statement = "ALTER " + sql_keyword(from.kind) + " " + name +
                          (move ? " SET SCHEMA " + quote_identifier(to.schema)
                                : " RENAME TO " + quote_identifier(to.name)) +
                          ";";
  // What a second run raises, once the object has its old name again (see guard-rename).
  std::string_view condition = "undefined_object";
  if (lint::is_routine(from.kind)) condition = "undefined_function";
  if (from.kind == ObjectKind::schema) condition = "invalid_schema_name";
  if (from.kind == ObjectKind::policy) condition = "duplicate_object";
  return caught(statement, condition);
}

class Generator {
 public:
  Generator(const lint::Project& project, std::size_t up)
      : m_project(project),
        m_catalog(*project.catalog()),
        m_file(*project.parsed(up)),
        m_replay(m_catalog.replay(up)),
        m_up(up) {}

  GeneratedDown run() {
    collect_created();
    for (std::size_t k = 0; k < m_replay.steps.size(); ++k) reverse(k, m_replay.steps[k]);
    statements_without_effects();
    return render(ordered());
  }

 private:
  const lint::Project& m_project;
  const lint::Catalog& m_catalog;
  const lint::ParsedFile& m_file;
  const lint::FileReplay& m_replay;
  StepsByObject m_steps{m_replay};
  std::size_t m_up;
  std::vector<Item> m_items;
  // Objects the up creates that the down removes: each mapped to the object whose drop takes
  // it (itself for the objects the down drops by name).
  std::unordered_map<ObjectId, ObjectId> m_root;
  std::unordered_map<ObjectId, std::size_t> m_created_at;  // object -> step that created it
  std::set<std::pair<std::size_t, std::string>> m_todo_seen;

  const lint::CatalogObject& object(ObjectId id) const { return m_catalog.object(id); }
  lint::Tick after() const { return m_replay.end; }
  bool ours(ObjectId id) const { return created_by(m_catalog, id, m_up); }

  void add_item(Item::Kind kind, std::size_t order, std::size_t statement, std::string text) {
    Item item;
    item.kind = kind;
    item.statement = statement;
    item.order = order;
    item.text = std::move(text);
    m_items.push_back(std::move(item));
  }

  // A statement of the down, written out as it stands.
  void statement_item(std::size_t order, std::size_t statement, std::string text) {
    add_item(Item::Kind::statement, order, statement, std::move(text));
  }

  void todo(std::size_t order, std::size_t statement, std::string reason) {
    std::uint32_t line = m_file.position(statement_range(m_file, statement).begin).line;
    reason += " (up line " + std::to_string(line) + ")";
    if (!m_todo_seen.insert({statement, reason}).second) return;
    add_item(Item::Kind::todo, order, statement, std::move(reason));
  }

  // What the down drops: the objects the up creates that are still there after it, less those
  // that go with something else the down drops (the columns of a new table, the index of a new
  // constraint, the constraints and indexes on a dropped column, a serial's sequence).
  void collect_created() {
    const auto& steps = m_replay.steps;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const lint::CatalogStep& step = steps[k];
      if (step.effect.action != Action::create || step.existed || step.object == k_none) continue;
      ObjectId id = step.object;
      const lint::CatalogObject& created = object(id);
      if (created.created.file != m_up || !created.alive_at(after())) continue;
      // Dropped and created again by the up: the name was there before; the drop says it.
      if (m_catalog.find(created.ref_at(after()), m_replay.start) != k_none) continue;
      if (m_created_at.count(id) != 0) continue;
      m_created_at[id] = k;
      std::optional<ObjectId> with;
      if (created.parent != k_none && m_root.count(created.parent) != 0) with = created.parent;
      for (const auto& edge : created.depends_on) {
        if (!with && edge.automatic && m_root.count(edge.object) != 0) with = edge.object;
      }
      if (!with && !created.uses.empty()) with = dropped_column(created);
      if (with) {
        m_root[id] = m_root[*with];
        continue;
      }
      // A sequence PostgreSQL made for an identity column of a table that stays: it goes only
      // with its column.
      if (created.implicit && created.kind() == ObjectKind::sequence) continue;
      m_root[id] = id;
      Item item;
      item.kind = Item::Kind::drop;
      item.statement = step.statement;
      item.order = k;
      item.object = id;
      const lint::Statement* statement = m_file.all_statements()[step.statement];
      item.concurrent = created.kind() == ObjectKind::index && statement->kind() == "IndexStmt" &&
                        statement->node.flag("concurrent");
      m_items.push_back(std::move(item));
    }
    // A constraint or index the up made before the column it reads (one ALTER TABLE may list
    // ADD CONSTRAINT before ADD COLUMN) goes with that column too.
    std::erase_if(m_items, [&](const Item& item) {
      if (item.kind != Item::Kind::drop || object(item.object).uses.empty()) return false;
      auto column = dropped_column(object(item.object));
      if (!column || *column == item.object) return false;
      ObjectId root = m_root[*column];
      for (auto& [id, with] : m_root) {
        if (with == item.object) with = root;
      }
      return true;
    });
  }

  // A column the down drops that an index or constraint reads (DROP COLUMN takes it along).
  std::optional<ObjectId> dropped_column(const lint::CatalogObject& dependent) const {
    ObjectId table = dependent.parent;
    for (const auto& edge : dependent.depends_on) {
      if (table == k_none && edge.automatic && object(edge.object).kind() == ObjectKind::table) {
        table = edge.object;
      }
    }
    if (table == k_none) return std::nullopt;
    for (ObjectId child : object(table).children) {
      const lint::CatalogObject& column = object(child);
      if (column.kind() != ObjectKind::column || m_root.count(child) == 0) continue;
      const std::string& name = column.ref_at(after()).name;
      if (std::find(dependent.uses.begin(), dependent.uses.end(), name) != dependent.uses.end()) {
        return child;
      }
    }
    return std::nullopt;
  }

  void reverse(std::size_t k, const lint::CatalogStep& step) {
    const lint::Effect& effect = step.effect;
    const lint::Statement& statement = *m_file.all_statements()[step.statement];
    ObjectId id = step.object;
    switch (effect.action) {
      case Action::create:
        // OR REPLACE of an object an earlier migration made: its old definition is lost.
        if (step.existed && effect.or_replace && id != k_none && !ours(id)) {
          todo(k, step.statement,
               "the up replaces " + describe(object(id).ref_at(step.tick)) +
                   ", and its earlier definition is not restored");
        }
        return;
      case Action::drop:
        if (id == k_none || ours(id)) return;
        todo(k, step.statement,
             "the up drops " + describe(object(id).ref_at(step.tick)) +
                 ", which the down cannot recreate");
        return;
      case Action::rename:
        rename(k, step);
        return;
      case Action::alter:
        alter(k, step, statement);
        return;
      case Action::use:
        use(k, step, statement);
        return;
    }
  }

  void rename(std::size_t k, const lint::CatalogStep& step) {
    const lint::Effect& effect = step.effect;
    ObjectId id = step.object;
    Item item;
    item.kind = Item::Kind::rename;
    item.statement = step.statement;
    item.order = k;
    if (id == k_none) {
      // Renamed outside what the migrations made: reverse it by the names the statement gives.
      item.to = effect.object;
      item.from = effect.object;
      if (!effect.new_name.empty()) item.from.name = effect.new_name;
      if (!effect.new_schema.empty()) item.from.schema = effect.new_schema;
    } else {
      if (ours(id) || !object(id).alive_at(after())) return;
      item.object = id;
      item.to = object(id).ref_at(step.tick);
    }
    m_items.push_back(std::move(item));
  }

  void alter(std::size_t k, const lint::CatalogStep& step, const lint::Statement& statement) {
    const lint::Effect& effect = step.effect;
    if (effect.change == Change::none) return;
    ObjectId id = step.object;
    if (id != k_none && ours(id)) return;
    ObjectRef ref = id != k_none ? object(id).ref_at(step.tick) : effect.object;
    switch (effect.change) {
      case Change::set_not_null: {
        Item item;
        item.kind = Item::Kind::drop_not_null;
        item.statement = step.statement;
        item.order = k;
        item.object = id;
        item.to = ref;
        m_items.push_back(std::move(item));
        return;
      }
      case Change::drop_not_null:
        todo(k, step.statement,
             "the up drops NOT NULL from " + describe(ref) +
                 ": set it again only if rows written since have no NULL there");
        return;
      case Change::set_default:
      case Change::drop_default:
        todo(k, step.statement,
             "the up changes the default of " + describe(ref) +
                 ", and its earlier default is "
                 "unknown");
        return;
      case Change::set_type:
        todo(k, step.statement,
             "the up changes the type of " + describe(ref) + ", and its earlier type is unknown");
        return;
      case Change::drop_expression:
        todo(k, step.statement,
             "the up makes generated " + describe(ref) +
                 " a plain column: only dropping it and adding it again with its expression "
                 "makes it generated again");
        return;
      case Change::add_value:
        todo(k, step.statement,
             "the up adds a value to " + describe(ref) + ", which PostgreSQL cannot remove");
        return;
      case Change::grant: {
        std::vector<std::string> roles =
            grantees_to_revoke(m_project, m_catalog, statement.node, id, m_replay.start);
        if (!roles.empty())
          statement_item(k, step.statement, revoke_sql(statement.node, ref, roles));
        return;
      }
      case Change::revoke: {
        // What the roles held before the up: PUBLIC's default privilege, or what an earlier
        // GRANT gave (written again as it was).
        std::vector<std::string> by_default;
        std::set<std::pair<std::size_t, std::size_t>> earlier;
        for (const PriorHolder& holder :
             prior_holders(m_project, m_catalog, statement.node, id, m_replay.start)) {
          if (!holder.granted_by) {
            by_default.push_back(holder.role);
          } else if (earlier.insert({holder.granted_by->file, holder.granted_by->statement})
                         .second) {
            earlier_statement_item(k, step.statement, *holder.granted_by);
          }
        }
        if (!by_default.empty()) {
          statement_item(k, step.statement, grant_back_sql(statement.node, ref, by_default));
        }
        if (by_default.empty() && earlier.empty()) {
          todo(k, step.statement,
               "the up revokes privileges on " + describe(ref) +
                   ": grant back what the roles had before, if they had it");
        }
        return;
      }
      case Change::enable_row_security:
      case Change::disable_row_security:
      case Change::force_row_security:
      case Change::no_force_row_security:
        statement_item(k, step.statement,
                       "ALTER TABLE " + sql_name(ref) + " " +
                           row_security_sql(*row_security_switch(effect.change)) + ";");
        return;
      default:
        break;
    }
    if (lint::is_setting(effect.change)) {
      setting(k, step, statement, ref);
      return;
    }
    if (statement.kind() == "AlterTableStmt" && validates_only(statement)) return;
    if (effect.change == Change::rename_value) {
      rename_value(k, step.statement, statement);
      return;
    }
    if (statement.kind() == "AlterPublicationStmt") {
      publication(k, step.statement, ref);
      return;
    }
    todo(k, step.statement, "the up changes " + describe(ref) + " in a way sqlgate cannot reverse");
  }

  // ALTER PUBLICATION of a publication an earlier migration made: ADD TABLE becomes DROP TABLE
  // (PostgreSQL refuses to add a table it publishes already) and DROP TABLE becomes ADD TABLE,
  // with the column list and row filter it had; SET TABLE and SET (...) set back what it had
  // before the statement, when the migrations say.
  void publication(std::size_t k, std::size_t index, const ObjectRef& ref) {
    const auto& all = m_file.all_statements();
    const lint::Statement& statement = *all[index];
    const Node& node = statement.node;
    std::string name = lint::truncate_identifier(node.str("pubname"));
    std::size_t first = index;
    for (std::size_t s = 0; s < index && first == index; ++s) {
      if (names_publication(all[s]->node, name)) first = s;
    }
    std::optional<PublicationState> known =
        publication_before(m_project, m_catalog, m_up, first, m_replay.start);
    if (!known) return;
    PublicationState state = std::move(*known);
    for (std::size_t s = first; s < index; ++s) {
      if (!names_publication(all[s]->node, name)) continue;
      apply_publication(m_catalog, state, m_file, *all[s], m_catalog.before_statement(m_up, s));
    }
    std::string alter = "ALTER PUBLICATION " + quote_identifier(name);
    if (!node.list("options").empty()) {
      std::vector<std::string> settings;
      for (Node option : node.list("options")) {
        std::string_view option_name = option.str("defname");
        if (option_name == "publish" && state.publish) {
          settings.push_back(publish_sql(*state.publish));
        } else if (option_name == "publish_via_partition_root" && state.via_root) {
          settings.push_back(std::string("publish_via_partition_root = ") +
                             (*state.via_root ? "true" : "false"));
        } else {
          todo(k, index,
               "the up changes the options of " + describe(ref) +
                   ", and sqlgate does not know what they were before");
          return;
        }
      }
      statement_item(k, index, alter + " SET (" + lint::join_strings(settings, ", ") + ");");
      return;
    }
    std::string_view action = node.str("action");
    std::vector<PublishedMember> listed =
        listed_members(m_catalog, m_file, statement, m_catalog.before_statement(m_up, index));
    // The members the statement lists; as_before: with the column list and row filter they had.
    auto items = [&](bool as_before) {
      std::vector<std::string> words;
      for (const PublishedMember& member : listed) {
        const PublishedMember* was = as_before ? state.find(member.key) : nullptr;
        std::string text = was != nullptr && was->details ? was->text : member.name;
        words.push_back(member.schema ? text : "TABLE " + text);
      }
      return lint::join_strings(words, ", ");
    };
    // Caught so that a second run of the down does nothing: PostgreSQL raises undefined_object
    // for a table the publication does not publish, duplicate_object for one it does.
    if (action == "AP_AddObjects") {
      statement_item(k, index, caught(alter + " DROP " + items(false) + ";", "undefined_object"));
    } else if (action == "AP_DropObjects") {
      statement_item(k, index, caught(alter + " ADD " + items(true) + ";", "duplicate_object"));
    } else if (!state.complete || state.all_tables) {
      todo(k, index,
           "the up sets the tables of " + describe(ref) +
               ", and sqlgate does not know those it published before");
    } else {
      std::vector<std::string> words;
      for (const PublishedMember& member : state.members) {
        if (member.member) words.push_back(member.schema ? member.text : "TABLE " + member.text);
      }
      // Nothing published before: the tables the up set go again.
      statement_item(k, index,
                     words.empty()
                         ? caught(alter + " DROP " + items(false) + ";", "undefined_object")
                         : alter + " SET " + lint::join_strings(words, ", ") + ";");
    }
  }

  // A setting the up changes (a comment, a storage parameter, a trigger switched off...): set
  // back to what an earlier migration set, else to PostgreSQL's default.
  void setting(std::size_t k, const lint::CatalogStep& step, const lint::Statement& statement,
               const ObjectRef& ref) {
    const lint::Effect& effect = step.effect;
    if (effect.change == Change::constraint_timing && step.object != k_none) {
      if (auto sql = timing_undo_sql(m_project, m_catalog, step.object, m_replay.start)) {
        statement_item(k, step.statement, *sql);
        return;
      }
    }
    std::optional<lint::Origin> earlier;
    if (step.object != k_none) {
      if (is_switch(effect.change)) {
        // Switched both ways by the up (a trigger disabled around a data fix): nothing to undo.
        if (sets_back(effect, other_alters(m_steps, step))) return;
      }
      earlier = earlier_setting(step);
    }
    if (earlier && effect.change == Change::comment) {
      // The comment an earlier migration wrote, written again.
      earlier_statement_item(k, step.statement, *earlier);
      return;
    }
    if (!earlier && effect.change == Change::storage_parameters && step.object != k_none &&
        parameters_set_before(m_project, m_catalog, step.object, step.tick)) {
      earlier = object(step.object).created;  // made WITH (...)
    }
    if (auto sql = setting_undo_sql(effect, ref, statement.node, earlier.has_value())) {
      statement_item(k, step.statement, *sql);
      return;
    }
    std::string before = "sqlgate does not know what it was before";
    if (earlier) {
      const lint::ParsedFile* file = m_project.parsed(earlier->file);
      if (file != nullptr) {
        before =
            "set back what " + file->display() + " line " +
            std::to_string(file->position(statement_range(*file, earlier->statement).begin).line) +
            " set";
      }
    }
    todo(k, step.statement, "the up " + setting_words(effect, ref).what + "; " + before);
  }

  // The last change of an earlier migration to the same setting of the step's object.
  std::optional<lint::Origin> earlier_setting(const lint::CatalogStep& step) const {
    Change change = step.effect.change;
    auto found = last_change_before(m_catalog, step.object, m_replay.start, [&](Change other) {
      return other == change || (is_switch(change) && is_switch(other));
    });
    if (!found) return std::nullopt;
    return found->origin;
  }

  // An earlier migration's statement, written again in the down as it stands there.
  void earlier_statement_item(std::size_t order, std::size_t statement,
                              const lint::Origin& earlier) {
    const lint::ParsedFile* file = m_project.parsed(earlier.file);
    if (file == nullptr || earlier.statement >= file->all_statements().size()) return;
    std::string text(file->slice(statement_range(*file, earlier.statement)));
    if (text.empty() || text.back() != ';') text += ';';
    statement_item(order, statement, std::move(text));
  }

  // ALTER TABLE whose only commands the object model leaves as "other" are VALIDATE
  // CONSTRAINT: validating changes no definition, and a down has nothing to undo.
  static bool validates_only(const lint::Statement& statement) {
    static const std::set<std::string_view> k_modeled = {"AT_AddColumn",
                                                         "AT_DropColumn",
                                                         "AT_SetNotNull",
                                                         "AT_DropNotNull",
                                                         "AT_ColumnDefault",
                                                         "AT_AlterColumnType",
                                                         "AT_AddConstraint",
                                                         "AT_DropConstraint",
                                                         "AT_AddConstraintRecurse",
                                                         "AT_DropConstraintRecurse"};
    bool validates = false;
    for (Node command : statement.node.list("cmds")) {
      std::string_view type = command.str("subtype");
      if (type == "AT_ValidateConstraint" || type == "AT_ValidateConstraintRecurse") {
        validates = true;
      } else if (k_modeled.count(type) == 0) {
        return false;
      }
    }
    return validates;
  }

  void rename_value(std::size_t k, std::size_t index, const lint::Statement& statement) {
    const Node& node = statement.node;
    auto names = lint::string_list(node.list("typeName"));
    std::vector<std::string> parts;
    for (auto part : names) parts.push_back(quote_identifier(part));
    std::string name = lint::join_strings(parts, ".");
    statement_item(
        k, index,
        caught("ALTER TYPE " + name + " RENAME VALUE " + sql_literal(node.str("newVal")) + " TO " +
                   sql_literal(node.str("oldVal")) + ";",
               "invalid_parameter_value"));
  }

  void use(std::size_t k, const lint::CatalogStep& step, const lint::Statement& statement) {
    const lint::Effect& effect = step.effect;
    ObjectId id = step.object;
    if (id != k_none && ours(id)) return;
    ObjectRef ref = id != k_none ? object(id).ref_at(step.tick) : effect.object;
    switch (effect.change) {
      case Change::insert:
        seed_delete(k, step, statement, ref);
        return;
      case Change::update:
        if (id != k_none && updates_only(m_catalog, id, step.tick, statement, [&](ObjectId column) {
              return m_root.count(column) != 0;  // a column the down drops
            })) {
          return;
        }
        todo(k, step.statement, "the up updates rows of " + describe(ref));
        return;
      case Change::delete_rows:
        todo(k, step.statement, "the up deletes rows of " + describe(ref));
        return;
      case Change::truncate:
        todo(k, step.statement, "the up empties " + describe(ref));
        return;
      default:
        return;
    }
  }

  // The columns the up's INSERT ... ON CONFLICT names as its conflict target, else the key the
  // table has.
  std::optional<std::vector<std::string>> key_columns(const lint::CatalogStep& step,
                                                      const Node& insert,
                                                      const ObjectRef& table) const {
    Node infer = insert.get("onConflictClause").get("infer");
    std::vector<std::string> keys;
    if (!infer.list("indexElems").empty()) {
      for (Node element : infer.list("indexElems")) {
        if (element.has("expr") || element.str("name").empty()) return std::nullopt;
        keys.push_back(lint::truncate_identifier(element.str("name")));
      }
      return keys;
    }
    if (step.object == k_none) return std::nullopt;
    std::string constraint(infer.str("conname"));
    for (ObjectId id : m_catalog.constraints(table, step.tick)) {
      const lint::CatalogObject& candidate = object(id);
      bool match = constraint.empty()
                       ? candidate.contype == 'p'
                       : candidate.ref_at(step.tick).name == lint::truncate_identifier(constraint);
      if (match && !candidate.columns.empty()) return candidate.columns;
    }
    return std::nullopt;
  }

  void seed_delete(std::size_t k, const lint::CatalogStep& step, const lint::Statement& statement,
                   const ObjectRef& table) {
    const Node& insert = statement.node;
    std::string what = "the up inserts rows into " + describe(table);
    if (statement.kind() != "InsertStmt") {
      todo(k, step.statement, "the up copies rows into " + describe(table));
      return;
    }
    NodeList rows = insert.get("selectStmt").list("valuesLists");
    if (rows.empty()) {
      todo(k, step.statement, what + " from a query, which the down cannot tell apart");
      return;
    }
    std::vector<std::string> columns = step.effect.columns;
    if (columns.empty() && step.object != k_none) {
      for (ObjectId id : m_catalog.columns(table, step.tick)) {
        columns.push_back(object(id).ref_at(step.tick).name);
      }
    }
    auto keys = key_columns(step, insert, table);
    if (!keys) {
      todo(k, step.statement, what + ", and sqlgate does not know their key");
      return;
    }
    std::vector<std::size_t> positions;
    for (const auto& key : *keys) {
      auto at = std::find(columns.begin(), columns.end(), key);
      if (at == columns.end()) {
        todo(k, step.statement, what + " without writing their key " + quote_identifier(key));
        return;
      }
      positions.push_back(static_cast<std::size_t>(at - columns.begin()));
    }
    std::vector<std::string> tuples;
    for (Node row : rows) {
      NodeList values = row.list("items");
      std::vector<std::string> parts;
      for (std::size_t position : positions) {
        auto value = position < values.size() ? literal(values[position]) : std::nullopt;
        if (!value) {
          todo(k, step.statement, what + " whose keys are not constants");
          return;
        }
        parts.push_back(*value);
      }
      std::string tuple = lint::join_strings(parts, ", ");
      tuples.push_back(parts.size() == 1 ? tuple : "(" + tuple + ")");
    }
    std::vector<std::string> quoted;
    for (const auto& key : *keys) quoted.push_back(quote_identifier(key));
    std::string key_list = lint::join_strings(quoted, ", ");
    if (keys->size() > 1) key_list = "(" + key_list + ")";
    std::string values = lint::join_strings(tuples, ", ");
    Item item;
    item.kind = Item::Kind::delete_rows;
    item.statement = step.statement;
    item.order = k;
    item.object = step.object;
    item.to = table;
    item.text = " WHERE " + key_list + " IN (" + values + ");";
    m_items.push_back(std::move(item));
  }

  // Top-level statements the object model sees no effect of: harmless ones (SET, SELECT) need
  // nothing; the rest (GRANT, CALL, a DO block whose statements are hidden) cannot be reversed
  // by sqlgate.
  void statements_without_effects() {
    const auto& all = m_file.all_statements();
    std::vector<bool> has_steps(all.size(), false);
    for (const auto& step : m_replay.steps) has_steps[step.statement] = true;
    for (std::size_t s = 0; s < all.size(); ++s) {
      if (has_steps[s]) continue;
      const lint::Statement& statement = *all[s];
      if (statement.embedded() || changes_nothing(statement)) continue;
      if (statement.kind() == "DoStmt" && s + 1 < all.size() && all[s + 1]->embedded()) continue;
      if (statement.kind() == "AlterDefaultPrivilegesStmt") {
        default_privileges_undo(s);
        continue;
      }
      std::string what = statement.kind() == "DoStmt"
                             ? "the up runs a DO block whose statements sqlgate cannot see"
                             : "the up runs " + statement_words(statement.kind()) +
                                   ", which sqlgate cannot reverse";
      todo(0, s, what);
    }
  }

  // ALTER DEFAULT PRIVILEGES: a GRANT is revoked; what a REVOKE took that the roles held before
  // the up (an earlier migration's GRANT, PUBLIC's EXECUTE on functions and USAGE on types) is
  // granted back, to those roles only.
  void default_privileges_undo(std::size_t index) {
    const auto& all = m_file.all_statements();
    const Node& node = all[index]->node;
    Node action = node.get("action");
    if (action.flag("is_grant")) {
      statement_item(0, index,
                     default_privileges_revoke_sql(node, role_names(action.list("grantees"))));
      return;
    }
    std::vector<DefaultPrivilege> before_up =
        default_privileges_before(m_project, m_catalog, m_replay.start);
    std::vector<DefaultPrivilege> held = before_up;
    for (std::size_t s = 0; s < index; ++s) apply_default_privileges(held, all[s]->node);
    std::vector<std::string> roles;
    for (const DefaultPrivilege& entry : default_privileges_taken(node, before_up, held)) {
      if (std::find(roles.begin(), roles.end(), entry.grantee) == roles.end()) {
        roles.push_back(entry.grantee);
      }
    }
    if (!roles.empty()) statement_item(0, index, default_privileges_grant_sql(node, roles));
  }

  // The items in the order the down runs them: reverse order of the up, then each drop moved
  // after the drops of what depends on it (a table with a foreign key before the table it
  // references, a trigger's table before its function). Tables whose foreign keys point at
  // each other are dropped together, in one statement: one group.
  std::vector<std::vector<const Item*>> ordered() const {
    std::vector<const Item*> items;
    for (const auto& item : m_items) items.push_back(&item);
    std::stable_sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
      return a->statement != b->statement ? a->statement > b->statement : a->order > b->order;
    });
    // Each dropped object's members: itself and all that goes with it.
    std::unordered_map<ObjectId, std::vector<ObjectId>> members;
    for (const auto& [id, root] : m_root) members[root].push_back(id);
    std::unordered_map<const Item*, std::unordered_set<ObjectId>> needs;  // roots to drop first
    for (const Item* item : items) {
      if (item->kind != Item::Kind::drop) continue;
      for (ObjectId member : members[item->object]) {
        for (const auto& edge : object(member).dependents) {
          auto root = m_root.find(edge.object);
          if (edge.automatic || !edge.alive_at(after()) || root == m_root.end() ||
              root->second == item->object) {
            continue;
          }
          needs[item].insert(root->second);
        }
      }
    }
    std::unordered_map<ObjectId, std::size_t> item_of;  // root -> index in items
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i]->kind == Item::Kind::drop) item_of[items[i]->object] = i;
    }
    std::vector<std::vector<const Item*>> result;
    std::unordered_set<ObjectId> dropped;
    std::vector<bool> done(items.size(), false);
    std::size_t left = items.size();
    auto unmet = [&](std::size_t i) {
      std::vector<std::size_t> waiting;
      auto it = needs.find(items[i]);
      if (it == needs.end()) return waiting;
      for (ObjectId root : it->second) {
        auto at = item_of.find(root);
        if (dropped.count(root) == 0 && at != item_of.end()) waiting.push_back(at->second);
      }
      return waiting;
    };
    auto take = [&](std::size_t i, std::vector<const Item*>& group) {
      done[i] = true;
      --left;
      if (items[i]->kind == Item::Kind::drop) dropped.insert(items[i]->object);
      group.push_back(items[i]);
    };
    // What a drop waits for, transitively; tables only, or nothing.
    auto waits_for = [&](std::size_t first) {
      std::vector<std::size_t> chain{first};
      for (std::size_t k = 0; k < chain.size(); ++k) {
        for (std::size_t i : unmet(chain[k])) {
          if (std::find(chain.begin(), chain.end(), i) == chain.end()) chain.push_back(i);
        }
      }
      bool tables = std::all_of(chain.begin(), chain.end(), [&](std::size_t i) {
        return object(items[i]->object).kind() == ObjectKind::table;
      });
      return tables ? chain : std::vector<std::size_t>{};
    };
    while (left > 0) {
      std::vector<const Item*> group;
      for (std::size_t i = 0; i < items.size() && group.empty(); ++i) {
        if (done[i]) continue;
        std::vector<std::size_t> waiting = unmet(i);
        if (waiting.empty()) {
          take(i, group);
          break;
        }
        // In a cycle of foreign keys: every table of it goes in one DROP TABLE.
        std::vector<std::size_t> chain = waits_for(i);
        bool cycle = std::any_of(waiting.begin(), waiting.end(), [&](std::size_t w) {
          auto back = waits_for(w);
          return std::find(back.begin(), back.end(), i) != back.end();
        });
        if (!cycle || chain.empty()) continue;
        std::sort(chain.begin(), chain.end());
        for (std::size_t k : chain) take(k, group);
      }
      if (group.empty()) {  // PostgreSQL refuses it whatever the order: keep the reverse order
        take(static_cast<std::size_t>(std::find(done.begin(), done.end(), false) - done.begin()),
             group);
      }
      result.push_back(std::move(group));
    }
    return result;
  }

  GeneratedDown render(const std::vector<std::vector<const Item*>>& groups) const {
    GeneratedDown down;
    Names names(m_catalog, after());
    bool locks = false;  // a statement waits for a lock that blocks the table's users
    for (const auto& group : groups) {
      const Item* item = group.front();
      std::string line;
      if (group.size() > 1) {
        std::vector<std::string> tables;
        for (const Item* member : group) tables.push_back(sql_name(names.current(member->object)));
        down.body += "DROP TABLE IF EXISTS " + lint::join_strings(tables, ", ") + ";\n";
        locks = true;
        ++down.statements;
        continue;
      }
      switch (item->kind) {
        case Item::Kind::drop: {
          ObjectRef ref = names.current(item->object);
          line = drop_sql(ref);
          if (item->concurrent) line = "DROP INDEX CONCURRENTLY IF EXISTS " + sql_name(ref) + ";";
          down.no_transaction = down.no_transaction || item->concurrent;
          locks = locks || !item->concurrent;
          ++down.statements;
          break;
        }
        case Item::Kind::rename: {
          ObjectRef from = item->object != k_none ? names.current(item->object) : item->from;
          ObjectRef to = item->to;
          if (item->object != k_none) {
            const lint::CatalogObject& renamed = object(item->object);
            if (renamed.parent != k_none) {
              to.parent = from.parent;
              to.schema = from.schema;
            }
            names.rename(item->object, to);
          }
          line = rename_sql(from, to);
          locks = true;
          ++down.statements;
          break;
        }
        case Item::Kind::drop_not_null: {
          ObjectRef ref = item->object != k_none ? names.current(item->object) : item->to;
          line = ref.kind == ObjectKind::domain
                     ? "ALTER DOMAIN " + sql_name(ref) + " DROP NOT NULL;"
                     : "ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " +
                           quote_identifier(ref.name) + " DROP NOT NULL;";
          locks = true;
          ++down.statements;
          break;
        }
        case Item::Kind::delete_rows: {
          ObjectRef table = item->object != k_none ? names.current(item->object) : item->to;
          line = "DELETE FROM " + sql_name(table) + item->text;
          down.deletes_rows = true;
          ++down.statements;
          break;
        }
        case Item::Kind::statement:
          line = item->text;
          locks = true;
          ++down.statements;
          break;
        case Item::Kind::todo:
          line = "-- sqlgate:irreversible " + std::string(k_unconfirmed) + " " + item->text;
          down.todo.push_back(item->text);
          break;
      }
      down.body += line + "\n";
    }
    // As the example migrations do: give up rather than queue every user of the table behind
    // a lock that waits (require-lock-timeout).
    if (locks) down.body = "SET lock_timeout = '5s';\n" + down.body;
    if (down.body.empty()) {
      std::string reason = "sqlgate found nothing in the up to reverse: write this down by hand";
      down.body = "-- sqlgate:irreversible " + std::string(k_unconfirmed) + " " + reason + "\n";
      down.todo.push_back(reason);
    }
    std::string name = m_file.source().path.filename().string();
    down.text = "-- Reverses " + name + ", generated by sqlgate from what the up does.\n";
    if (!down.todo.empty()) {
      down.text +=
          "-- A `sqlgate:irreversible TODO` line is a change sqlgate cannot reverse: write what\n"
          "-- undoes it and delete the line, or replace \"TODO: ...\" with the reason this\n"
          "-- migration cannot be rolled back.\n";
    }
    if (down.no_transaction) down.text += "-- sqlgate:no-transaction\n";
    down.text += "\n" + down.body;
    return down;
  }
};

}  // namespace

bool unconfirmed(const lint::Directive& directive) {
  return directive.kind == lint::DirectiveKind::irreversible &&
         directive.reason.compare(0, k_unconfirmed.size(), k_unconfirmed) == 0;
}

GeneratedDown generate_down(const lint::Project& project, std::size_t up) {
  const lint::Catalog* catalog = project.catalog();
  const lint::ParsedFile* file = project.parsed(up);
  if (catalog == nullptr || file == nullptr || file->error() || !catalog->replay(up).replayed ||
      catalog->replay(up).direction != lint::Direction::up) {
    throw std::invalid_argument(project.source(up).display +
                                ": not an up migration that parses; no down can be generated");
  }
  return Generator(project, up).run();
}

GeneratedDown generate_down(const lint::MigrationSet& set, std::size_t up, int pg_version) {
  std::vector<std::unique_ptr<lint::ParsedFile>> parsed(set.files.size());
  for (std::size_t i = 0; i < set.files.size(); ++i) {
    const lint::SourceFile& file = set.files[i];
    if ((file.is_sql || file.migration) && !file.read_error) {
      parsed[i] = lint::ParsedFile::parse(file);
    }
  }
  lint::Project project(set, std::move(parsed), pg_version);
  project.set_catalog(lint::Catalog::build(project));
  return generate_down(project, up);
}

std::string down_name(std::string_view up_name) {
  std::string name(up_name);
  auto at = name.rfind(".up.");
  if (at == std::string::npos) return name + ".down.sql";
  return name.replace(at, 4, ".down.");
}

}  // namespace sqlgate::rules::pairing
