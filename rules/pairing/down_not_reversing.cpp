// down-not-reversing: a change the up makes to an object that existed before it, which the down
// does not undo: ADD COLUMN (DROP COLUMN), ADD CONSTRAINT (DROP CONSTRAINT), RENAME (the reverse
// RENAME), SET / DROP NOT NULL, types and defaults, DROP (create it again, with what went with
// it), CREATE OR REPLACE or DROP and CREATE (the old definition), ALTER CONSTRAINT (its old
// timing), GRANT and REVOKE, default privileges, row level security and the other
// settings (a comment, an owner, storage parameters, triggers switched off...), rows written or
// deleted, and ALTER TYPE ... ADD VALUE or DROP EXPRESSION, which only an irreversible migration
// can leave in place. Where the migrations say what was there before, the down must put back
// that: the same column type, index columns, default and comment, a sequence's options and a
// column's identity, and a table made again with the columns, types and defaults it had.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/terms.h"
#include "rules/pairing/common.h"
#include "rules/pairing/publications.h"
#include "rules/pairing/rules.h"
#include "rules/pairing/sequences.h"

namespace sqlgate::rules::pairing {
namespace {

using lint::Action;
using lint::Change;
using lint::ObjectId;
using lint::ObjectKind;

struct Context {
  const lint::Project& project;
  const lint::Catalog& catalog;
  const Pair& pair;
  lint::Reporter& out;
  std::unordered_set<ObjectId> taken;
  std::size_t reported = 0;  // findings so far
  // Each file's steps by object: the checks below ask about one object's other steps.
  StepsByObject up_steps{*pair.up_replay};
  StepsByObject down_steps{*pair.down_replay};
  // Per file (the up's, then the down's), found on first use: broad_privilege_statements().
  std::optional<std::vector<std::size_t>> broad_privilege_changes[2];

  const std::vector<std::size_t>& broad_privilege_statements(const lint::ParsedFile& file) {
    std::optional<std::vector<std::size_t>>& found =
        broad_privilege_changes[&file == pair.up_file ? 0 : 1];
    if (!found) found = pairing::broad_privilege_statements(file);
    return *found;
  }

  bool created_by_up(ObjectId id) const { return created_by(catalog, id, pair.up); }

  // A down step that does this to the object.
  bool down_does(ObjectId id, Action action, Change change = Change::none) const {
    for (const lint::CatalogStep* step : down_steps.of(id)) {
      if (step->effect.action == action &&
          (change == Change::none || step->effect.change == change)) {
        return true;
      }
    }
    return false;
  }

  // The down's last step that makes the change to the object.
  const lint::CatalogStep* down_step(ObjectId id, Change change) const {
    const lint::CatalogStep* found = nullptr;
    for (const lint::CatalogStep* step : down_steps.of(id)) {
      if (step->effect.change == change) found = step;
    }
    return found;
  }

  // Whether the step is the up's first that makes its change to its object.
  bool first_change(const lint::CatalogStep& step, Change change) const {
    for (const lint::CatalogStep* other : up_steps.of(step.object)) {
      if (other == &step) return true;
      if (other->effect.change == change) return false;
    }
    return true;
  }

  // Whether the step is the up's first that does its action to its object.
  bool first_action(const lint::CatalogStep& step, Action action) const {
    for (const lint::CatalogStep* other : up_steps.of(step.object)) {
      if (other == &step) return true;
      if (other->effect.action == action) return false;
    }
    return true;
  }

  // Whether a later step of the up makes the change to the step's object (a GRANT: to the role).
  bool later_in_up(const lint::CatalogStep& step, Change change,
                   const std::string* role = nullptr) const {
    const auto& up = pair.up_file->all_statements();
    bool later = false;
    for (const lint::CatalogStep* other : up_steps.of(step.object)) {
      if (later && other->effect.change == change &&
          (role == nullptr || lists_role(up[other->statement]->node.list("grantees"), *role))) {
        return true;
      }
      if (other == &step) later = true;
    }
    return false;
  }

  // Whether a down step makes the change (GRANT or REVOKE) on the object to or from the role.
  bool down_lists(ObjectId id, Change change, const std::string& role) const {
    const auto& down = pair.down_file->all_statements();
    for (const lint::CatalogStep* step : down_steps.of(id)) {
      if (step->effect.change == change &&
          lists_role(down[step->statement]->node.list("grantees"), role)) {
        return true;
      }
    }
    return false;
  }
  bool down_grants(ObjectId id, const std::string& role) const {
    return down_lists(id, Change::grant, role);
  }

  // Whether the down creates an object of that name (or renames one to it).
  bool down_creates(const lint::ObjectRef& ref) {
    if (!made) made = made_by(*pair.down_replay);
    return made->count(ref.base_key()) != 0;
  }
  std::optional<std::unordered_set<std::string>> made;

  // The down's last step that creates an object of that name and kind.
  const lint::CatalogStep* down_created(const lint::ObjectRef& ref) {
    if (!created) {
      created.emplace();
      for (const auto& step : pair.down_replay->steps) {
        if (step.effect.action == Action::create) {
          (*created)[step.effect.object.base_key()] = &step;
        }
      }
    }
    auto found = created->find(ref.base_key());
    return found == created->end() ? nullptr : found->second;
  }
  std::optional<std::unordered_map<std::string, const lint::CatalogStep*>> created;

  // The down's steps that rename a column, in file order.
  const std::vector<const lint::CatalogStep*>& down_column_renames() {
    if (!column_renames) {
      column_renames.emplace();
      for (const auto& step : pair.down_replay->steps) {
        if (step.effect.action == Action::rename && step.effect.object.kind == ObjectKind::column &&
            !step.effect.new_name.empty()) {
          column_renames->push_back(&step);
        }
      }
    }
    return *column_renames;
  }
  std::optional<std::vector<const lint::CatalogStep*>> column_renames;

  lint::DiagnosticBuilder report(const lint::CatalogStep& step, const std::string& message,
                                 const std::string& help, bool warning = false) {
    return report_at(step, message, help,
                     warning ? lint::Severity::warning : lint::Severity::error);
  }
  // At the down's first statement, or at `range` of the down when given.
  lint::DiagnosticBuilder report_at(const lint::CatalogStep& step, const std::string& message,
                                    const std::string& help, lint::Severity most,
                                    std::optional<lint::TextRange> range = std::nullopt) {
    ++reported;
    auto builder =
        out.report(*pair.down_file, range ? *range : anchor(*pair.down_file), message, help);
    builder.related(*pair.up_file, statement_range(*pair.up_file, step.statement),
                    "the up's change");
    if (most != lint::Severity::error) builder.at_most(most);
    return builder;
  }
};

// The down's DELETE of a table that an unconditional ON DELETE DO INSTEAD rule of the table runs
// in place of (a soft delete that marks the rows): it deletes no row. When every statement of the
// down that writes the table is such a DELETE: the first, and the rule.
struct RewrittenDelete {
  const lint::CatalogStep* step = nullptr;
  ObjectId rule = lint::k_no_object;
};
std::optional<RewrittenDelete> deletes_rewritten(const Context& c, ObjectId table) {
  std::optional<RewrittenDelete> first;
  for (const lint::CatalogStep* step : c.down_steps.of(table)) {
    if (step->effect.action != Action::use) continue;
    if (step->effect.change != Change::delete_rows) return std::nullopt;
    ObjectId instead = lint::k_no_object;
    for (const auto& rule : lint::rules_before(c.project, c.catalog, c.pair.down, step->statement,
                                               table, Change::delete_rows)) {
      const lint::RuleFacts& facts = *rule.definition->facts;
      if (rule.fires && facts.instead && !facts.conditional) {
        instead = rule.id;
        break;
      }
    }
    if (instead == lint::k_no_object) return std::nullopt;
    if (!first) first = RewrittenDelete{step, instead};
  }
  return first;
}

// Whether an INSERT ... SELECT of the up inserts nothing: its rows come only from tables the up
// created (a plain CREATE TABLE, no partitions or children) and wrote no rows into before it.
bool inserts_nothing(const Context& c, const lint::CatalogStep& step) {
  const lint::Node& insert = c.pair.up_file->all_statements()[step.statement]->node;
  if (!insert.is("InsertStmt")) return false;
  const lint::Effect& effect = step.effect;
  std::function<bool(const lint::Node&)> query_empty;
  auto table_empty = [&](const lint::Node& range_var, const lint::Node& select) {
    lint::RelationName name = lint::relation_name(range_var);
    std::string table = lint::truncate_identifier(name.name);
    if (name.schema.empty()) {
      for (lint::Node cte : select.get("withClause").list("ctes")) {
        if (lint::truncate_identifier(cte.str("ctename")) == table) return false;
      }
    }
    std::vector<std::string> schemas;
    if (!name.schema.empty()) {
      schemas.push_back(lint::truncate_identifier(name.schema));
    } else if (effect.search_path) {
      schemas = *effect.search_path;
    } else {
      schemas.push_back(effect.object.schema);
    }
    ObjectId id = lint::k_no_object;
    for (const std::string& schema : schemas) {
      lint::ObjectRef ref;
      ref.schema = schema;
      ref.name = table;
      id = c.catalog.find(ref, step.tick);
      if (id != lint::k_no_object) break;
    }
    if (id == lint::k_no_object || !c.created_by_up(id)) return false;
    const lint::CatalogObject& object = c.catalog.object(id);
    if (object.kind() != ObjectKind::table || object.partitioned) return false;
    const lint::Statement* created = lint::statement_at(c.project, object.created);
    if (created == nullptr || !created->node.is("CreateStmt")) return false;
    for (const auto& edge : object.dependents) {
      if (c.catalog.object(edge.object).kind() == ObjectKind::table) return false;  // children
    }
    for (const lint::CatalogStep* other : c.up_steps.of(id)) {
      if (other->tick >= step.tick) break;
      if (other->effect.action == Action::use && other->effect.change == Change::insert) {
        return false;
      }
    }
    return true;
  };
  // Whether a FROM item has no rows: a join by its kind, a table when it is an empty one.
  std::function<bool(const lint::Node&, const lint::Node&)> item_empty =
      [&](const lint::Node& item, const lint::Node& select) -> bool {
    if (item.is("RangeVar")) return table_empty(item, select);
    if (item.is("RangeSubselect")) return query_empty(item.get("subquery"));
    if (!item.is("JoinExpr")) return false;
    std::string_view type = item.str("jointype");
    bool left = item_empty(item.get("larg"), select);
    bool right = item_empty(item.get("rarg"), select);
    if (type == "JOIN_LEFT") return left;
    if (type == "JOIN_RIGHT") return right;
    if (type == "JOIN_FULL") return left && right;
    return left || right;
  };
  query_empty = [&](const lint::Node& select) -> bool {
    if (!select.is("SelectStmt") || select.has("valuesLists")) return false;
    if (select.has("larg")) {
      std::string_view op = select.str("op");
      bool left = query_empty(select.get("larg"));
      bool right = query_empty(select.get("rarg"));
      if (op == "SETOP_INTERSECT") return left || right;
      if (op == "SETOP_EXCEPT") return left;
      return left && right;
    }
    if (lint::aggregates_without_group(select)) return false;
    for (lint::Node item : select.list("fromClause")) {
      if (item_empty(item, select)) return true;
    }
    return false;
  };
  return query_empty(insert.get("selectStmt"));
}

// What a switch turns: "row level security on", "forced row level security off".
std::string row_security_words(Change change) {
  bool on = change == Change::enable_row_security || change == Change::force_row_security;
  bool forced = change == Change::force_row_security || change == Change::no_force_row_security;
  return std::string(forced ? "forced row level security " : "row level security ") +
         (on ? "on" : "off");
}

// Whether another step of the up switches the same thing on the same table, either way: the
// up then ends where it may have started, and what the down owes is not worked out.
bool switched_elsewhere(const Context& c, const lint::CatalogStep& step, Change undo) {
  for (const lint::Effect* other : other_alters(c.up_steps, step)) {
    if (other->change == undo || other->change == step.effect.change) return true;
  }
  return false;
}

// Whether the table has triggers at the tick that sqlgate knows of: its own, and with `system`
// those PostgreSQL makes for the foreign keys on it or pointing at it.
bool has_triggers(const lint::Catalog& catalog, ObjectId table, lint::Tick tick, bool system) {
  auto foreign_key = [&](ObjectId id) {
    const lint::CatalogObject& object = catalog.object(id);
    return object.kind() == ObjectKind::constraint && object.contype == 'f' &&
           object.alive_at(tick);
  };
  for (ObjectId child : catalog.object(table).children) {
    const lint::CatalogObject& object = catalog.object(child);
    if (object.kind() == ObjectKind::trigger && object.alive_at(tick)) return true;
    if (system && foreign_key(child)) return true;
  }
  if (system) {
    for (const auto& edge : catalog.object(table).dependents) {
      if (foreign_key(edge.object)) return true;
    }
  }
  return false;
}

// Whether an OWNER TO gives the object to the role running the migration (CURRENT_USER,
// CURRENT_ROLE, SESSION_USER).
bool to_the_runner(const lint::Node& statement) {
  std::vector<lint::Node> owners;
  if (statement.is("AlterOwnerStmt")) owners.push_back(statement.get("newowner"));
  for (lint::Node command : statement.list("cmds")) {
    if (command.str("subtype") == "AT_ChangeOwner") owners.push_back(command.get("newowner"));
  }
  if (owners.empty()) return false;
  for (const lint::Node& owner : owners) {
    auto name = role_name(owner);
    if (!name || (*name != "CURRENT_USER" && *name != "CURRENT_ROLE" && *name != "SESSION_USER")) {
      return false;
    }
  }
  return true;
}

// Whether a column definition (a ColumnDef) gives the column a default: DEFAULT, or a serial type.
bool defines_default(const lint::Node& definition) {
  if (auto type = lint::column_type(definition.get("typeName")); lint::is_serial(type)) {
    return true;
  }
  for (lint::Node constraint : definition.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_DEFAULT") return true;
  }
  return false;
}

// The CREATE DOMAIN that made a domain; invalid when something else made it.
lint::Node domain_definition(const lint::Project& project, const lint::Catalog& catalog,
                             ObjectId domain) {
  const lint::Statement* created = lint::statement_at(project, catalog.object(domain).created);
  if (created == nullptr || created->kind() != "CreateDomainStmt") return {};
  return created->node;
}

// The DEFAULT a column definition (a ColumnDef) or a CREATE DOMAIN writes; invalid when none.
lint::Node written_default(const lint::Node& definition) {
  for (lint::Node constraint : definition.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_DEFAULT") return constraint.get("raw_expr");
  }
  return {};
}

// Whether the column (or domain) had a default before `tick`: its last SET or DROP DEFAULT,
// else its definition (a DEFAULT, or a serial's); nullopt when neither says (CREATE TABLE AS,
// LIKE...).
std::optional<bool> had_default(const lint::Project& project, const lint::Catalog& catalog,
                                ObjectId column, lint::Tick tick) {
  auto last = last_change_before(catalog, column, tick, [](Change change) {
    return change == Change::set_default || change == Change::drop_default;
  });
  if (last) return last->step->effect.change == Change::set_default;
  if (catalog.object(column).kind() == ObjectKind::domain) {
    lint::Node domain = domain_definition(project, catalog, column);
    if (!domain.valid()) return std::nullopt;
    return written_default(domain).valid();
  }
  lint::Node definition = lint::column_definition(project, catalog, column);
  if (!definition.valid()) return std::nullopt;
  return defines_default(definition);
}

// The expression an ALTER TABLE ... ALTER COLUMN name SET DEFAULT of the statement sets (its
// last), or an ALTER DOMAIN ... SET DEFAULT; invalid when it sets none.
lint::Node default_set_by(const lint::Statement& statement, std::string_view column) {
  lint::Node found;
  if (statement.kind() == "AlterDomainStmt") {
    if (statement.node.str("subtype") == "T") found = statement.node.get("def");
    return found;
  }
  for (lint::Node command : statement.node.list("cmds")) {
    if (command.str("subtype") == "AT_ColumnDefault" &&
        lint::truncate_identifier(command.str("name")) == column && command.has("def")) {
      found = command.get("def");
    }
  }
  return found;
}

// The default expression a column (or domain) had before the tick: its last SET DEFAULT, else
// the DEFAULT of its definition; invalid when it had none or the migrations do not say.
// `where`, when given, is set to the statement that wrote it.
lint::Node default_before(const lint::Project& project, const lint::Catalog& catalog,
                          ObjectId column, lint::Tick tick, lint::Origin* where = nullptr) {
  auto last = last_change_before(catalog, column, tick, [](Change change) {
    return change == Change::set_default || change == Change::drop_default;
  });
  const std::string& name = catalog.object(column).ref_at(tick).name;
  if (last) {
    if (last->step->effect.change != Change::set_default) return {};
    if (where != nullptr) *where = last->origin;
    const lint::Statement* statement = lint::statement_at(project, last->origin);
    return statement != nullptr ? default_set_by(*statement, name) : lint::Node();
  }
  if (where != nullptr) *where = catalog.object(column).created;
  if (catalog.object(column).kind() == ObjectKind::domain) {
    return written_default(domain_definition(project, catalog, column));
  }
  return written_default(lint::column_definition(project, catalog, column));
}

// What the defaults of a column (or domain) are compared with: the type they take, that of the
// column before `tick` or the domain's base type.
lint::TermTypes default_types(const lint::Project& project, const lint::Catalog& catalog,
                              ObjectId id, lint::Tick tick) {
  std::optional<lint::ColumnType> type;
  if (catalog.object(id).kind() == ObjectKind::domain) {
    lint::Node domain = domain_definition(project, catalog, id);
    if (domain.valid()) type = lint::column_type(domain.get("typeName"));
  } else {
    type = lint::column_type_before(project, catalog, id, tick);
  }
  return lint::TermTypes{lint::term_type(type), {}};
}

// How the regclass constants of a statement resolve ('customers_id_seq'::regclass): a name
// without a schema in the first schema of the search path the statement was read with that has
// the relation, else the first of that path; "schema.name" either way.
std::function<std::string(std::string_view)> statement_relations(const lint::Catalog& catalog,
                                                                 std::size_t file,
                                                                 std::size_t statement) {
  return [&catalog, file, statement](std::string_view text) -> std::string {
    std::vector<std::string> parts = lint::text_name_parts(text);
    if (parts.size() == 2 || parts.size() == 3) {
      return parts[parts.size() - 2] + "." + parts.back();
    }
    if (parts.size() != 1) return {};
    std::string schema = "public";
    for (const lint::CatalogStep& step : catalog.steps_at(file, statement)) {
      if (step.effect.search_path && !step.effect.search_path->empty()) {
        schema = step.effect.search_path->front();
        break;
      }
    }
    for (ObjectKind kind : {ObjectKind::sequence, ObjectKind::table}) {
      ObjectId id = lint::find_as_written(catalog, file, statement, kind, {}, parts.front());
      if (id != lint::k_no_object) {
        schema = catalog.object(id).ref_at(catalog.before_statement(file, statement)).schema;
        break;
      }
    }
    return schema + "." + parts.front();
  };
}

// What same_terms() needs to compare the expressions of a constraint or an index (a CHECK, a
// WHERE): the types its table's columns have at `tick`.
lint::TermTypes parent_types(const lint::Project& project, const lint::Catalog& catalog,
                             ObjectId id, lint::Tick tick) {
  const lint::ObjectRef& ref = catalog.object(id).ref_at(tick);
  if (!ref.parent.empty()) {
    lint::ObjectRef table;
    table.schema = ref.schema;
    table.name = ref.parent;
    return lint::column_term_types(project, catalog, table, tick);
  }
  for (const lint::DependencyEdge& edge : catalog.object(id).depends_on) {
    if (edge.object != lint::k_no_object &&
        catalog.object(edge.object).kind() == ObjectKind::table) {
      return lint::column_term_types(project, catalog, catalog.object(edge.object).ref_at(tick),
                                     tick);
    }
  }
  return {};
}

// Whether the up ends by setting the column's default to the one it had before it (DROP
// DEFAULT, ALTER COLUMN ... TYPE, SET DEFAULT again, as a type swap does): nothing changed.
bool default_set_back(const Context& c, ObjectId id) {
  const lint::CatalogStep* last = nullptr;
  for (const lint::CatalogStep* step : c.up_steps.of(id)) {
    if (step->effect.change == Change::set_default || step->effect.change == Change::drop_default) {
      last = step;
    }
  }
  if (last == nullptr || last->effect.change != Change::set_default) return false;
  lint::Node before = default_before(c.project, c.catalog, id, c.pair.up_replay->start);
  const std::string& name = c.catalog.object(id).ref_at(last->tick).name;
  lint::Node after = default_set_by(*c.pair.up_file->all_statements()[last->statement], name);
  return before.valid() && after.valid() &&
         lint::same_terms(before, after,
                          default_types(c.project, c.catalog, id, c.pair.up_replay->start));
}

// Whether the up's last SET or DROP DEFAULT of the object sets one.
bool ends_with_default(const Context& c, ObjectId id) {
  bool sets = false;
  for (const lint::CatalogStep* step : c.up_steps.of(id)) {
    if (step->effect.change == Change::set_default) sets = true;
    if (step->effect.change == Change::drop_default) sets = false;
  }
  return sets;
}

// Whether a DROP ... CASCADE of the down takes the default the column has after the up: the
// default goes with what it uses (PostgreSQL: "drop cascades to default value for column c of
// table t", as DROP SCHEMA ... CASCADE of the schema of its nextval()'s sequence does), and the
// column is left without one.
bool default_cascaded(const Context& c, ObjectId id) {
  lint::Tick after = c.pair.up_replay->end;
  for (const lint::CatalogStep& step : c.pair.down_replay->steps) {
    if (step.effect.action != Action::drop || !step.effect.cascade ||
        step.object == lint::k_no_object) {
      continue;
    }
    for (const lint::DependencyEdge& edge : c.catalog.object(id).depends_on) {
      if (edge.source != lint::DependencySource::default_value || !edge.alive_at(after)) continue;
      if (edge.object == step.object ||
          std::find(step.implied.begin(), step.implied.end(), edge.object) != step.implied.end()) {
        return true;
      }
    }
  }
  return false;
}

// Whether both types are known well enough to say they differ. A type named with its schema
// once and without it the other time may be the same type: not judged.
bool differ(const std::optional<lint::ColumnType>& a, const std::optional<lint::ColumnType>& b) {
  return a && b && a->modifiers_known && b->modifiers_known && a->schema == b->schema &&
         !(*a == *b);
}

// The type the down's ALTER COLUMN ... TYPE (its step `set`) leaves the column of once the down
// has run: the type as written there, under the name the down's later renames give it (an enum
// made again under a temporary name, the column converted to it, then renamed to the old name, as
// Prisma writes an enum's rebuild). Nothing when the statement sets none.
std::optional<lint::ColumnType> type_left_by_down(const Context& c, const lint::CatalogStep& set,
                                                  const std::string& column) {
  auto type = lint::type_set_by(*c.pair.down_file->all_statements()[set.statement], column);
  if (!type) return type;
  const auto& steps = c.pair.down_replay->steps;
  for (auto step = steps.begin() + (&set - steps.data()) + 1; step != steps.end(); ++step) {
    const lint::Effect& effect = step->effect;
    if (effect.action != Action::rename ||
        (effect.object.kind != ObjectKind::type && effect.object.kind != ObjectKind::domain) ||
        effect.object.name != type->name ||
        (!type->schema.empty() && effect.object.schema != type->schema)) {
      continue;
    }
    if (!effect.new_name.empty()) type->name = effect.new_name;
    if (!effect.new_schema.empty()) type->schema = effect.new_schema;
  }
  return type;
}

// The comment a statement writes; nullopt for IS NULL and IS ''.
std::optional<std::string> comment_of(const lint::Statement* statement) {
  // IS '' removes the comment too.
  if (statement == nullptr || statement->node.str("comment").empty()) return std::nullopt;
  return std::string(statement->node.str("comment"));
}

// A down that writes a comment back: the one the object had before the up (the last an earlier
// migration wrote, else none)?
void check_comment_restored(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  auto last = last_change_before(c.catalog, step.object, c.pair.up_replay->start,
                                 [](Change change) { return change == Change::comment; });
  std::optional<std::string> before =
      last ? comment_of(lint::statement_at(c.project, last->origin)) : std::nullopt;
  std::optional<std::string> restored;
  if (const lint::CatalogStep* down = c.down_step(step.object, Change::comment)) {
    restored = comment_of(c.pair.down_file->all_statements()[down->statement]);
  }
  if (restored == before) return;
  auto words = [](const std::optional<std::string>& comment) {
    return comment ? "'" + *comment + "'" : std::string("none");
  };
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  c.report(step,
           "the down sets the comment on " + describe(ref) + " to " + words(restored) +
               ", but before the up it was " + words(before),
           "write back the comment it had: `COMMENT ON " + comment_target(ref) + " IS " +
               (before ? lint::sql_literal(*before) : std::string("NULL")) + ";`",
           true);
}

// An object the up drops (or makes anew) and the down makes again, which had a comment before
// the up (an earlier migration's COMMENT ON): the down writes a comment on it again, or it comes
// back without one (warning).
void check_comment_made_again(Context& c, const lint::CatalogStep& step,
                              const lint::ObjectRef& ref) {
  auto last = last_change_before(c.catalog, step.object, c.pair.up_replay->start,
                                 [](Change change) { return change == Change::comment; });
  if (!last) return;
  std::optional<std::string> before = comment_of(lint::statement_at(c.project, last->origin));
  if (!before) return;
  for (const lint::CatalogStep& down : c.pair.down_replay->steps) {
    if (down.effect.change == Change::comment && down.effect.object.base_key() == ref.base_key()) {
      return;
    }
  }
  c.report(step,
           "the down makes " + describe(ref) + " again without the comment it had before the up",
           "write it back: `COMMENT ON " + comment_target(ref) + " IS " +
               lint::sql_literal(*before) + ";`",
           true);
}

// The REPLICA IDENTITY an ALTER TABLE sets: "FULL", "NOTHING", "USING INDEX i", "DEFAULT";
// nullopt for a statement without one.
std::optional<std::string> replica_identity_set(const lint::Node& statement) {
  std::optional<std::string> identity;
  for (lint::Node command : statement.list("cmds")) {
    if (command.str("subtype") != "AT_ReplicaIdentity") continue;
    std::string_view type = command.get("def").str("identity_type");
    identity = type == "f"   ? "FULL"
               : type == "n" ? "NOTHING"
               : type == "i"
                   ? "USING INDEX " +
                         quote_identifier(lint::truncate_identifier(command.get("def").str("name")))
                   : "DEFAULT";
  }
  return identity;
}

// A table the up drops and the down makes again, which had row level security switched on (or
// forced), a replica identity other than the default, or a place in a publication before the
// up: CREATE TABLE makes it with none of them, so the down switches each on again, or after a
// rollback the table is open to every role with privileges on it and no longer published.
void check_table_settings_made_again(Context& c, const lint::CatalogStep& step,
                                     const lint::ObjectRef& ref) {
  lint::Tick start = c.pair.up_replay->start;
  const auto& down = c.pair.down_file->all_statements();
  std::vector<std::string> missing;
  std::vector<std::string> statements;
  auto down_changes = [&](const std::function<bool(const lint::CatalogStep&)>& which) {
    return std::any_of(c.pair.down_replay->steps.begin(), c.pair.down_replay->steps.end(),
                       [&](const lint::CatalogStep& down_step) {
                         return down_step.effect.object.base_key() == ref.base_key() &&
                                which(down_step);
                       });
  };
  // Row level security: on before the up when its last switch was ENABLE (FORCE).
  for (const auto& setting :
       {std::tuple{Change::enable_row_security, Change::disable_row_security, "row level security"},
        std::tuple{Change::force_row_security, Change::no_force_row_security,
                   "row level security forced on its owner"}}) {
    // Named copies: a lambda cannot capture a structured binding in C++20 (clang refuses it).
    Change on = std::get<0>(setting);
    Change off = std::get<1>(setting);
    const char* words = std::get<2>(setting);
    auto last = last_change_before(c.catalog, step.object, start,
                                   [&](Change change) { return change == on || change == off; });
    if (!last || last->step->effect.change != on) continue;
    if (down_changes([&](const lint::CatalogStep& s) { return s.effect.change == on; })) continue;
    missing.emplace_back(words);
    statements.push_back("ALTER TABLE " + sql_name(ref) + " " + row_security_sql(on) + ";");
  }
  // Its replica identity, when not the default.
  auto identity = last_change_before(c.catalog, step.object, start, [](Change change) {
    return change == Change::replica_identity;
  });
  if (const lint::Statement* set =
          identity ? lint::statement_at(c.project, identity->origin) : nullptr) {
    std::optional<std::string> before = replica_identity_set(set->node);
    if (before && *before != "DEFAULT" && !down_changes([&](const lint::CatalogStep& s) {
          return s.effect.change == Change::replica_identity &&
                 replica_identity_set(down[s.statement]->node) == before;
        })) {
      missing.push_back("REPLICA IDENTITY " + *before);
      statements.push_back("ALTER TABLE " + sql_name(ref) + " REPLICA IDENTITY " + *before + ";");
    }
  }
  // The publications that listed it.
  for (const std::string& publication : publications_of(c.project, c.catalog, step.object, start)) {
    bool added = false;
    for (const lint::Statement* statement : down) {
      const lint::Node& node = statement->node;
      if ((!node.is("AlterPublicationStmt") && !node.is("CreatePublicationStmt")) ||
          lint::truncate_identifier(node.str("pubname")) != publication ||
          node.str("action") == "AP_DropObjects") {
        continue;
      }
      for (lint::Node spec : node.list("pubobjects")) {
        lint::RelationName relation = lint::relation_name(spec.get("pubtable").get("relation"));
        if (lint::truncate_identifier(relation.name) == ref.name &&
            (relation.schema.empty() || lint::truncate_identifier(relation.schema) == ref.schema)) {
          added = true;
        }
      }
    }
    if (added) continue;
    missing.push_back("its place in publication " + quote_identifier(publication));
    statements.push_back("ALTER PUBLICATION " + quote_identifier(publication) + " ADD TABLE " +
                         sql_name(ref) + ";");
  }
  if (missing.empty()) return;
  std::string what = lint::join_strings(missing, ", ");
  if (std::size_t last = what.rfind(", "); last != std::string::npos) {
    what.replace(last, 2, " and ");
  }
  c.report(step,
           "the down makes " + describe(ref) + " again without " + what +
               ", which it had before the up: CREATE TABLE makes a table without them",
           "add `" + lint::join_strings(statements, " ") + "` to the down, after the CREATE TABLE");
}

// A setting of an object the up did not make (a comment, an owner, a storage parameter, a
// trigger switched off...), which the down has to set back.
// The statements that changed the object after it was made and before `start`, in order.
std::vector<lint::Origin> changed_between(const lint::CatalogObject& object, lint::Tick start) {
  std::vector<lint::Origin> found;
  for (const lint::Origin& origin : object.changed) {
    if (origin.tick < start && origin.tick > object.created.tick) found.push_back(origin);
  }
  std::sort(found.begin(), found.end(),
            [](const lint::Origin& a, const lint::Origin& b) { return a.tick < b.tick; });
  return found;
}

// Storage parameter values by name ("toast.fillfactor" with its namespace); nullopt: unset.
using Parameters = std::unordered_map<std::string, std::optional<std::string>>;

// A parameter's value as written, lower-cased, booleans spelled one way.
std::string parameter_value(const lint::Node& option) {
  lint::Node arg = option.get("arg");
  std::string text;
  if (!arg.valid()) {
    text = "true";  // SET (name) alone
  } else if (arg.is("Integer")) {
    text = std::to_string(arg.as_int());
  } else if (arg.is("Float")) {
    text = std::string(arg.str("fval"));
  } else if (arg.is("TypeName")) {
    lint::NodeList names = arg.list("names");
    if (!names.empty()) text = std::string(names.back().as_str());
  } else {
    text = std::string(arg.as_str());
  }
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (text == "on" || text == "yes") text = "true";
  if (text == "off" || text == "no") text = "false";
  return text;
}

std::string parameter_name(const lint::Node& option) {
  std::string name(option.str("defnamespace"));
  if (!name.empty()) name += '.';
  name += option.str("defname");
  return name;
}

// A setting's value that SQL takes as written: a name that needs no quotes, or a number.
bool simple_value(std::string_view text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(),
                                   [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; })) {
    return true;
  }
  return !text.empty() && lint::sql_identifier(text) == text;
}

// Applies a routine's attributes to their values as pg_proc keeps them, keyed as option_names()
// names them: "security", "strict", "leakproof", "volatility", "parallel", and "set:<parameter>"
// for a setting of pg_proc.proconfig (a value list joined, "app, pg_temp"; "FROM CURRENT" for the
// session's value when it ran). A value PostgreSQL gives by default (SECURITY INVOKER, CALLED ON
// NULL INPUT, NOT LEAKPROOF, VOLATILE, PARALLEL UNSAFE, no setting) is nullopt. CREATE [OR
// REPLACE] writes them all afresh: what it does not name goes back to the default.
void apply_routine_settings(Parameters& values, const lint::Node& statement) {
  lint::NodeList options;
  if (statement.is("CreateFunctionStmt")) {
    options = statement.list("options");
    for (auto& [name, value] : values) value = std::nullopt;
  } else if (statement.is("AlterFunctionStmt")) {
    options = statement.list("actions");
  }
  for (lint::Node option : options) {
    std::string name(option.str("defname"));
    lint::Node arg = option.get("arg");
    if (name == "security" || name == "strict" || name == "leakproof") {
      values[name] = arg.flag("boolval") ? std::optional<std::string>("true") : std::nullopt;
      continue;
    }
    if (name == "volatility" || name == "parallel") {
      std::string value(arg.as_str());
      bool default_value = value == (name == "volatility" ? "volatile" : "unsafe");
      values[name] = default_value ? std::nullopt : std::optional<std::string>(value);
      continue;
    }
    if (name != "set") continue;
    std::string_view kind = arg.str("kind");
    if (kind == "VAR_RESET_ALL") {
      for (auto& [key, value] : values) {
        if (key.starts_with("set:")) value = std::nullopt;
      }
      continue;
    }
    std::string key = "set:" + std::string(arg.str("name"));
    std::optional<std::string> value;
    if (kind == "VAR_SET_CURRENT") value = "FROM CURRENT";
    if (kind == "VAR_SET_VALUE") {
      std::vector<std::string> items = lint::set_values(arg);
      if (items.empty()) {  // not a constant: not known
        values.erase(key);
        continue;
      }
      for (std::string& item : items) {
        if (!simple_value(item)) item = lint::sql_literal(item);
      }
      value = lint::join_strings(items, ", ");
    }
    values[key] = value;
  }
}

// A routine's attribute as ALTER FUNCTION writes it: "SECURITY DEFINER", "SET search_path = app",
// "RESET search_path" (see apply_routine_settings()).
std::string attribute_sql(const std::string& key, const std::optional<std::string>& value) {
  auto upper = [](std::string text) {
    for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return text;
  };
  if (key.starts_with("set:")) {
    return value ? "SET " + key.substr(4) + " = " + *value : "RESET " + key.substr(4);
  }
  if (key == "security") return value ? "SECURITY DEFINER" : "SECURITY INVOKER";
  if (key == "strict") return value ? "STRICT" : "CALLED ON NULL INPUT";
  if (key == "leakproof") return value ? "LEAKPROOF" : "NOT LEAKPROOF";
  if (key == "volatility") return upper(value.value_or("volatile"));
  if (key == "parallel") return "PARALLEL " + upper(value.value_or("unsafe"));
  return upper(key) + (value ? " " + *value : std::string());
}

// Applies the parameters a statement sets or resets on the relation: the WITH (...) of the
// statement that made it (of its kind), an ALTER ... SET (...) or RESET (...); on a routine, its
// SET and RESET clauses.
void apply_parameters(Parameters& values, const lint::Node& statement, ObjectKind kind) {
  if (lint::is_routine(kind)) {
    apply_routine_settings(values, statement);
    return;
  }
  lint::NodeList made;
  if ((statement.is("CreateStmt") && kind == ObjectKind::table) ||
      (statement.is("IndexStmt") && kind == ObjectKind::index) ||
      (statement.is("ViewStmt") && kind == ObjectKind::view)) {
    made = statement.list("options");
  } else if (statement.is("CreateTableAsStmt") && kind == ObjectKind::materialized_view) {
    made = statement.get("into").list("options");
  } else if (statement.is("AlterTableStmt")) {
    for (lint::Node command : statement.list("cmds")) {
      std::string_view type = command.str("subtype");
      if (type != "AT_SetRelOptions" && type != "AT_ResetRelOptions") continue;
      for (lint::Node option : command.get("def").list("items")) {
        if (type == "AT_SetRelOptions") {
          values[parameter_name(option)] = parameter_value(option);
        } else {
          values[parameter_name(option)] = std::nullopt;
        }
      }
    }
    return;
  }
  for (lint::Node option : made) values[parameter_name(option)] = parameter_value(option);
  // WITH [CASCADED | LOCAL] CHECK OPTION is stored as the view's check_option parameter (WITH
  // CHECK OPTION alone means cascaded).
  if (statement.is("ViewStmt") && kind == ObjectKind::view) {
    std::string_view clause = statement.str("withCheckOption");
    if (clause == "LOCAL_CHECK_OPTION") values["check_option"] = "local";
    if (clause == "CASCADED_CHECK_OPTION") values["check_option"] = "cascaded";
  }
}

// The storage parameters the up sets or resets on a relation whose earlier values the migrations
// give (its WITH (...) at creation, the earlier SET and RESET), or the settings of a routine
// (its CREATE's SET clauses, the earlier ALTER and CREATE OR REPLACE): the down that resets one
// an earlier migration set, or sets it to another value, does not put it back. Returns whether
// it reported.
bool check_parameters_back(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  lint::Tick start = c.pair.up_replay->start;
  const lint::Statement* made = lint::statement_at(c.project, object.created);
  if (made == nullptr || object.created.tick >= start) return false;
  bool routine = lint::is_routine(object.kind());
  // The statements that set them: of the same kind of change, or a routine's CREATE OR REPLACE.
  auto sets = [&](const lint::Effect& effect) {
    return effect.change == step.effect.change || (routine && effect.or_replace);
  };
  Parameters before;
  apply_parameters(before, made->node, object.kind());
  for (const lint::Origin& origin : changed_between(object, start)) {
    for (const auto& other : c.catalog.steps_at(origin.file, origin.statement)) {
      if (other.object != step.object || !sets(other.effect)) continue;
      if (const lint::Statement* statement = lint::statement_at(c.project, origin)) {
        apply_parameters(before, statement->node, object.kind());
      }
      break;
    }
  }
  // The down's SET and RESET of them, in file order, and the statement that wrote each last.
  Parameters down;
  std::unordered_map<std::string, std::size_t> written_at;
  std::set<std::size_t> seen;
  const auto& down_statements = c.pair.down_file->all_statements();
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (!sets(other->effect)) continue;
    if (!seen.insert(other->statement).second) continue;
    const lint::Node& statement = down_statements[other->statement]->node;
    // A down that makes the routine again from scratch starts from no settings.
    if (routine && other->effect.action == lint::Action::create) {
      for (const auto& [name, value] : before) down[name] = std::nullopt;
    }
    Parameters was = down;
    apply_parameters(down, statement, object.kind());
    for (const auto& [name, value] : down) {
      auto old = was.find(name);
      if (old == was.end() || old->second != value) written_at[name] = other->statement;
    }
  }
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  std::vector<std::string> wrong;
  std::vector<std::string> settings;
  std::optional<std::size_t> first_wrong;  // the down's statement that wrote the first
  for (const std::string& name : step.effect.columns) {
    std::vector<std::string> names = {name};
    if (name == "set:*") {  // RESET ALL: each setting the routine had
      names.clear();
      for (const auto& [had, value] : before) {
        if (had.starts_with("set:") && value) names.push_back(had);
      }
      std::sort(names.begin(), names.end());
    }
    for (const std::string& one : names) {
      auto had = before.find(one);
      if (had == before.end() || !had->second) continue;  // unset before: RESET puts it back
      auto again = down.find(one);
      if (again == down.end() || again->second == had->second) continue;  // not written, or back
      if (!first_wrong) first_wrong = written_at[one];
      if (routine) {
        wrong.push_back(attribute_sql(one, again->second) + " where it was " +
                        attribute_sql(one, had->second));
        settings.push_back(attribute_sql(one, had->second));
      } else {
        wrong.push_back(one + (again->second ? " to " + *again->second : " (RESET)") +
                        " where it was " + *had->second);
        settings.push_back(one + " = " + *had->second);
      }
    }
  }
  if (wrong.empty()) return false;
  std::string what = routine ? "the attributes of " : "storage parameters of ";
  std::string back = routine ? " " + lint::join_strings(settings, " ")
                             : " SET (" + lint::join_strings(settings, ", ") + ")";
  c.report_at(step,
              "the down sets " + what + describe(ref) +
                  " otherwise than they were before the up: " + lint::join_strings(wrong, "; "),
              "set them back in the down: `ALTER " + sql_keyword(ref.kind) + " " + sql_name(ref) +
                  back + ";`",
              lint::Severity::warning, statement_range(*c.pair.down_file, *first_wrong));
  return true;
}

// A trigger's mode as ALTER EVENT TRIGGER (ALTER TABLE ... TRIGGER) sets it
// (pg_event_trigger.evtenabled, pg_trigger.tgenabled): 'O'
// (ENABLE), 'D' (DISABLE), 'R' (ENABLE REPLICA), 'A' (ENABLE ALWAYS).
std::string trigger_mode_sql(char mode) {
  switch (mode) {
    case 'D':
      return "DISABLE";
    case 'R':
      return "ENABLE REPLICA";
    case 'A':
      return "ENABLE ALWAYS";
    default:
      return "ENABLE";
  }
}

// Applies the statement's ALTER EVENT TRIGGER ... ENABLE / DISABLE to the mode.
void apply_event_trigger_mode(char& mode, const lint::Statement* statement) {
  if (statement == nullptr || !statement->node.is("AlterEventTrigStmt")) return;
  std::string_view set = statement->node.str("tgenabled");
  if (!set.empty()) mode = set.front();
}

// A trigger's (an event trigger's) mode before the up, after it, and after the down.
struct Modes {
  char before;
  char up;
  char down;
};

// The finding of a trigger the down does not switch back to the mode it had before the up:
// `back` is the statement that does.
void report_mode_back(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref,
                      Modes modes, const std::string& back, const std::string& why = {}) {
  auto [before, up, down] = modes;
  std::string message;
  if (down != up) {
    message = "the down sets " + describe(ref) + " to " + trigger_mode_sql(down) + ", but it was " +
              trigger_mode_sql(before) + " before the up";
  } else if (up == 'D') {
    message = "the up disables " + describe(ref) + " but the down does not enable it again";
  } else if (before == 'D') {
    message = "the up enables " + describe(ref) + " but the down does not disable it again";
  } else {
    message = "the up sets " + describe(ref) + " to " + trigger_mode_sql(up) + " (it was " +
              trigger_mode_sql(before) + ") but the down does not set it back";
  }
  if (!why.empty()) message += " (" + why + ")";
  // Left off in ordinary sessions (DISABLE, or ENABLE REPLICA: fired only while
  // session_replication_role is replica) where it fired before: what it does (audits, blocks,
  // keeps up to date) is skipped unseen.
  bool off = (down == 'D' || down == 'R') && (before == 'O' || before == 'A');
  c.report(step, message, "add `" + back + "` to the down", !off);
}

// ALTER EVENT TRIGGER ... ENABLE [REPLICA | ALWAYS] / DISABLE of one an earlier migration made:
// the down sets back the mode it had (CREATE EVENT TRIGGER makes it ENABLE), judged at the up's
// first switch of it.
void check_event_trigger_back(Context& c, const lint::CatalogStep& step) {
  auto switches = [](Change change) {
    return change == Change::enable_trigger || change == Change::disable_trigger;
  };
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other == &step) break;
    if (switches(other->effect.change)) return;
  }
  const lint::CatalogObject& object = c.catalog.object(step.object);
  char before = 'O';
  for (const lint::Origin& origin : changed_between(object, c.pair.up_replay->start)) {
    apply_event_trigger_mode(before, lint::statement_at(c.project, origin));
  }
  char up = before;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (switches(other->effect.change)) {
      apply_event_trigger_mode(up, c.pair.up_file->all_statements()[other->statement]);
    }
  }
  if (up == before) return;  // switched and switched back within the up
  char down = up;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (switches(other->effect.change)) {
      apply_event_trigger_mode(down, c.pair.down_file->all_statements()[other->statement]);
    }
  }
  if (down == before) return;
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  report_mode_back(
      c, step, ref, {before, up, down},
      "ALTER EVENT TRIGGER " + quote_identifier(ref.name) + " " + trigger_mode_sql(before) + ";");
}

// Applies the statement's ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER (of that
// trigger, or ALL / USER) to its mode (pg_trigger.tgenabled, the letters of evtenabled).
void apply_trigger_mode(char& mode, const lint::Statement* statement, const std::string& trigger) {
  if (statement == nullptr || !statement->node.is("AlterTableStmt")) return;
  for (lint::Node command : statement->node.list("cmds")) {
    std::string_view type = command.str("subtype");
    bool all = type.ends_with("TrigAll") || type.ends_with("TrigUser");
    if (!all && lint::truncate_identifier(command.str("name")) != trigger) continue;
    if (type == "AT_EnableTrig" || type == "AT_EnableTrigAll" || type == "AT_EnableTrigUser") {
      mode = 'O';
    } else if (type == "AT_EnableAlwaysTrig") {
      mode = 'A';
    } else if (type == "AT_EnableReplicaTrig") {
      mode = 'R';
    } else if (type.starts_with("AT_DisableTrig")) {
      mode = 'D';
    }
  }
}

// Whether the steps make the trigger (CREATE [OR REPLACE] TRIGGER).
bool makes_trigger(const StepsByObject& steps, ObjectId trigger) {
  const auto& of = steps.of(trigger);
  return std::any_of(of.begin(), of.end(),
                     [](const lint::CatalogStep* s) { return s->effect.action == Action::create; });
}

// The mode (pg_trigger.tgenabled) a file leaves the trigger `name` of `table` in, from `mode`:
// its ALTER TABLE ... ENABLE / DISABLE TRIGGER, and its CREATE [OR REPLACE] TRIGGER of one of
// `triggers`, which makes it ENABLE whatever mode the one it replaces had; in file order.
char mode_after(const StepsByObject& steps, const lint::ParsedFile& file, ObjectId table,
                const std::string& name, const std::vector<ObjectId>& triggers, char mode) {
  std::vector<std::pair<std::size_t, bool>> events;  // the statement, and whether it makes it
  for (const lint::CatalogStep* other : steps.of(table)) {
    Change change = other->effect.change;
    if (change == Change::enable_trigger || change == Change::disable_trigger) {
      events.emplace_back(other->statement, false);
    }
  }
  for (ObjectId trigger : triggers) {
    for (const lint::CatalogStep* other : steps.of(trigger)) {
      if (other->effect.action == Action::create) events.emplace_back(other->statement, true);
    }
  }
  std::sort(events.begin(), events.end());
  for (const auto& [statement, makes] : events) {
    if (makes) {
      mode = 'O';
    } else {
      apply_trigger_mode(mode, file.all_statements()[statement], name);
    }
  }
  return mode;
}

// CREATE OR REPLACE TRIGGER (or DROP and CREATE TRIGGER) in the up of a trigger an earlier
// migration made and switched: the trigger PostgreSQL makes is ENABLE whatever mode the one it
// replaces had, so a trigger that was off is on after the up, and after a down that only writes
// the earlier definition back. The down leaves it in the mode it had before the up. `now`: the
// trigger after the up.
void check_trigger_mode_kept(Context& c, const lint::CatalogStep& step, ObjectId now) {
  const lint::CatalogObject& trigger = c.catalog.object(step.object);
  lint::ObjectRef ref = trigger.ref_at(c.pair.up_replay->start);
  lint::ObjectRef table_ref;
  table_ref.kind = ObjectKind::table;
  table_ref.schema = ref.schema;
  table_ref.name = ref.parent;
  ObjectId table = c.catalog.find(table_ref, step.tick);
  auto earlier = last_definition(c.project, trigger, step.tick);
  if (table == lint::k_no_object || !earlier) return;
  char before = 'O';
  for (const lint::Origin& origin :
       changed_between(c.catalog.object(table), c.pair.up_replay->start)) {
    if (origin.tick > earlier->origin.tick) {
      apply_trigger_mode(before, lint::statement_at(c.project, origin), ref.name);
    }
  }
  std::vector<ObjectId> triggers = {step.object};
  if (now != step.object) triggers.push_back(now);
  char up = mode_after(c.up_steps, *c.pair.up_file, table, ref.name, triggers, before);
  if (const lint::CatalogStep* made = c.down_created(ref)) triggers.push_back(made->object);
  char down = mode_after(c.down_steps, *c.pair.down_file, table, ref.name, triggers, up);
  if (down == before) return;
  lint::ObjectRef table_now = c.catalog.object(table).ref_at(c.pair.up_replay->end);
  report_mode_back(c, step, c.catalog.object(now).ref_at(c.pair.up_replay->end), {before, up, down},
                   "ALTER TABLE " + sql_name(table_now) + " " + trigger_mode_sql(before) +
                       " TRIGGER " + quote_identifier(ref.name) + ";",
                   "CREATE TRIGGER makes a trigger ENABLE, whatever mode the one it replaces had");
}

// ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER of a trigger the up did not make:
// the down sets back the mode it had before the up (CREATE TRIGGER makes it ENABLE), judged at
// the up's first switch of it. `trigger`: the trigger in the catalog, if a migration made it.
void check_trigger_back(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref,
                        ObjectId trigger) {
  const std::string& name = ref.name;
  auto switches = [&](const lint::CatalogStep& other) {
    const lint::Effect& effect = other.effect;
    if (effect.change != Change::enable_trigger && effect.change != Change::disable_trigger) {
      return false;
    }
    const std::string& which = effect.columns.empty() ? name : effect.columns.front();
    return which == name || which == "ALL" || which == "USER";
  };
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other == &step) break;
    if (switches(*other)) return;
  }
  // Made anew by the up (CREATE OR REPLACE): check_trigger_mode_kept() follows it.
  if (trigger != lint::k_no_object && makes_trigger(c.up_steps, trigger)) return;
  char before = 'O';
  if (trigger != lint::k_no_object) {
    lint::Tick made = c.catalog.object(trigger).created.tick;
    for (const lint::Origin& origin :
         changed_between(c.catalog.object(step.object), c.pair.up_replay->start)) {
      if (origin.tick > made) {
        apply_trigger_mode(before, lint::statement_at(c.project, origin), name);
      }
    }
  }
  char up = before;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (switches(*other)) {
      apply_trigger_mode(up, c.pair.up_file->all_statements()[other->statement], name);
    }
  }
  if (up == before) return;  // switched and switched back within the up
  char down = up;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (switches(*other)) {
      apply_trigger_mode(down, c.pair.down_file->all_statements()[other->statement], name);
    }
  }
  if (down == before) return;
  lint::ObjectRef table = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  report_mode_back(c, step, ref, {before, up, down},
                   "ALTER TABLE " + sql_name(table) + " " + trigger_mode_sql(before) + " TRIGGER " +
                       quote_identifier(name) + ";");
}

// Whether a column setting changes only options of an identity column's sequence (SET
// INCREMENT BY, SET CACHE, SET GENERATED ...), not its statistics, storage or attribute options.
bool identity_options(const lint::Effect& effect) {
  static const std::unordered_set<std::string_view> k_sequence_options = {
      "as", "increment", "minvalue", "maxvalue", "start", "cache", "cycle", "generated"};
  return effect.change == Change::column_setting && !effect.columns.empty() &&
         std::all_of(effect.columns.begin(), effect.columns.end(),
                     [](const std::string& name) { return k_sequence_options.count(name) != 0; });
}

// The steps of a file on the subject's objects, in file order.
std::vector<const lint::CatalogStep*> subject_steps(const StepsByObject& steps,
                                                    const SequenceSubject& subject) {
  std::vector<const lint::CatalogStep*> found;
  for (ObjectId id : {subject.column, subject.sequence}) {
    if (id == lint::k_no_object) continue;
    const auto& of = steps.of(id);
    found.insert(found.end(), of.begin(), of.end());
  }
  // All point into one file's steps, which are in file order.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

// The options (DefElem names) a step's ALTER SEQUENCE, or ALTER COLUMN ... SET of an identity,
// writes.
const std::vector<std::string>& options_written(const lint::CatalogStep& step) {
  static const std::vector<std::string> k_none;
  return step.effect.change == Change::sequence_options || identity_options(step.effect)
             ? step.effect.columns
             : k_none;
}

// Whether the field's value is known.
bool known(const SequenceOptions& s, std::string_view field) {
  if (field == "as") return s.type.has_value();
  if (field == "increment") return s.increment.has_value();
  if (field == "minvalue") return s.minvalue.has_value();
  if (field == "maxvalue") return s.maxvalue.has_value();
  if (field == "start") return s.start.has_value();
  if (field == "cache") return s.cache.has_value();
  if (field == "cycle") return s.cycle.has_value();
  return false;
}

// A clause for an option the finding asks the down to write: its value before the up when known,
// else a placeholder (`numbers`: bounds as numbers, for a message).
std::string option_clause(const SequenceOptions& before, const std::string& name,
                          bool numbers = false) {
  if (std::find(k_sequence_fields.begin(), k_sequence_fields.end(), name) !=
      k_sequence_fields.end()) {
    return sequence_option_sql(before, name, numbers);
  }
  if (name == "owned_by") return "OWNED BY <as before, or NONE>";
  std::string upper = name;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return upper + " <as before>";
}

// What is left different after the down of a sequence's options (an identity's too): the fields
// whose values before the up and after the down are known and differ, and the options the up
// writes whose earlier value the migrations do not say and the down does not write (judged by
// name). Ordered as k_sequence_fields, the unknown others after them.
struct OptionsLeft {
  std::vector<std::string> fields;
  bool down_writes = false;  // the down writes one of the fields that differ
};
OptionsLeft options_left(const SequenceOptions& before, const SequenceOptions& after_down,
                         const std::vector<const lint::CatalogStep*>& up,
                         const std::vector<const lint::CatalogStep*>& down, bool identity) {
  OptionsLeft left;
  std::set<std::string> written_up;
  std::set<std::string> written_down;
  for (const lint::CatalogStep* step : up) {
    for (const std::string& name : options_written(*step)) written_up.insert(name);
  }
  for (const lint::CatalogStep* step : down) {
    for (const std::string& name : options_written(*step)) written_down.insert(name);
  }
  std::vector<std::string> differ = sequence_differences(before, after_down);
  // An identity's type is its column's: ALTER COLUMN ... TYPE's business.
  if (identity) std::erase(differ, std::string("as"));
  for (const std::string& field : differ) {
    if (written_down.count(field) != 0) left.down_writes = true;
  }
  std::set<std::string> names(differ.begin(), differ.end());
  for (const std::string& name : written_up) {
    if (name == "generated" || name == "restart" || name == "sequence_name") continue;
    if (known(before, name) || written_down.count(name) != 0) continue;
    names.insert(name);
  }
  for (std::string_view field : k_sequence_fields) {
    if (names.erase(std::string(field)) != 0) left.fields.emplace_back(field);
  }
  left.fields.insert(left.fields.end(), names.begin(), names.end());
  return left;
}

// "CACHE 5, NO MAXVALUE": the fields as an options list writes them, for a message.
std::string options_words(const SequenceOptions& options, const std::vector<std::string>& fields) {
  std::vector<std::string> words;
  for (const std::string& field : fields) words.push_back(option_clause(options, field, true));
  return lint::join_strings(words, ", ");
}

// Reports the options left different after the down (`what`: "sequence s", "the identity of
// column t.c"): not set back, or set back otherwise (`down_writes`).
void report_options_left(Context& c, const lint::CatalogStep& step, const OptionsLeft& left,
                         const SequenceOptions& before, const SequenceOptions& after,
                         const std::string& what, bool down_writes, const std::string& help) {
  if (!down_writes) {
    c.report(step,
             "the up changes the options (" + lint::join_strings(left.fields, ", ") + ") of " +
                 what + " but the down does not set them back",
             help);
    return;
  }
  c.report(step,
           "the down leaves " + what + " with " + options_words(after, left.fields) +
               ", but it had " + options_words(before, left.fields) + " before the up",
           help);
}

// The column that owns a sequence at a tick (ALTER SEQUENCE ... OWNED BY, a serial column);
// k_no_object when none does.
lint::ObjectId owner_at(const lint::Catalog& catalog, lint::ObjectId sequence, lint::Tick tick) {
  for (const lint::DependencyEdge& edge : catalog.object(sequence).depends_on) {
    if (edge.automatic && edge.alive_at(tick) &&
        catalog.object(edge.object).kind() == ObjectKind::column) {
      return edge.object;
    }
  }
  return lint::k_no_object;
}

// Whether the sequence is owned after the down by a column of the name its owner had before the
// up (or by none, as before). The int-to-bigint swap of a key makes a new column, renames it to
// the old one's name and gives it the sequence: a down that keeps that column leaves the schema
// as it was, though the owner is another column.
bool same_owner_after_down(const Context& c, lint::ObjectId sequence) {
  lint::ObjectId before = owner_at(c.catalog, sequence, c.pair.up_replay->start);
  lint::ObjectId after = owner_at(c.catalog, sequence, c.pair.up_replay->end);
  if (before == lint::k_no_object || after == lint::k_no_object) return before == after;
  // The down's own renames of the owner or its table are not in the catalog's names.
  lint::ObjectId table = c.catalog.object(after).parent;
  for (const lint::CatalogStep& step : c.pair.down_replay->steps) {
    if (step.effect.action == Action::rename && (step.object == after || step.object == table)) {
      return false;
    }
  }
  const lint::ObjectRef& was = c.catalog.object(before).ref_at(c.pair.up_replay->start);
  const lint::ObjectRef& is = c.catalog.object(after).ref_at(c.pair.up_replay->end);
  return was.schema == is.schema && was.parent == is.parent && was.name == is.name;
}

// ALTER SEQUENCE of a sequence an earlier migration made: each option must have after the down
// the value it had before the up, as its CREATE SEQUENCE (or serial or identity column) and the
// earlier ALTERs leave it, PostgreSQL's defaults included. An up that writes what the sequence
// had changes nothing. Options whose earlier value the migrations do not say are judged by name:
// the down must write each the up writes. Judged once per sequence, at the up's first ALTER.
void check_sequence_back(Context& c, const lint::CatalogStep& step) {
  if (!c.first_change(step, Change::sequence_options)) return;
  SequenceSubject subject{step.object, identity_column_of(c.project, c.catalog, step.object)};
  IdentityState before = state_before(c.project, c.catalog, subject, c.pair.up_replay->start);
  auto up = subject_steps(c.up_steps, subject);
  auto down = subject_steps(c.down_steps, subject);
  IdentityState after = before;
  apply_steps(after, c.project, c.catalog, *c.pair.up_file, up, subject);
  apply_steps(after, c.project, c.catalog, *c.pair.down_file, down, subject);
  OptionsLeft left = options_left(before.options, after.options, up, down, false);
  if (same_owner_after_down(c, step.object)) std::erase(left.fields, std::string("owned_by"));
  if (left.fields.empty()) return;
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  std::vector<std::string> clauses;
  for (const auto& field : left.fields) clauses.push_back(option_clause(before.options, field));
  std::string help = "add `ALTER SEQUENCE " + sql_name(ref) + " " +
                     lint::join_strings(clauses, " ") + ";` to the down";
  report_options_left(c, step, left, before.options, after.options, describe(ref), left.down_writes,
                      help);
}

// Whether the step changes the identity of its column: ADD GENERATED ... AS IDENTITY, DROP
// IDENTITY, SET GENERATED, SET INCREMENT BY, ...
bool identity_step(const Context& c, const lint::CatalogStep& step) {
  if (step.effect.object.kind != ObjectKind::column) return false;
  Change change = step.effect.change;
  if (change == Change::drop_identity || identity_options(step.effect)) return true;
  return change == Change::other &&
         changes_identity(*c.pair.up_file->all_statements()[step.statement],
                          step.effect.object.name);
}

// Whether the up's statement drops the identity of the column with IF EXISTS.
bool drops_identity_if_exists(const lint::Statement& statement, std::string_view column) {
  for (lint::Node cmd : statement.node.list("cmds")) {
    if (cmd.str("subtype") == "AT_DropIdentity" &&
        lint::truncate_identifier(cmd.str("name")) == column && cmd.flag("missing_ok")) {
      return true;
    }
  }
  return false;
}

// The identity of a column an earlier migration made, which the up adds, drops or changes: after
// the down the column must be an identity column again if it was one, of the same kind (ALWAYS
// or BY DEFAULT), with the same sequence options, and no identity column if it was not. Judged
// once per column, at the up's first change of its identity.
void check_identity_back(Context& c, const lint::CatalogStep& step) {
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other == &step) break;
    if (identity_step(c, *other)) return;  // judged at the first
  }
  lint::Tick start = c.pair.up_replay->start;
  lint::Tick end = c.pair.up_replay->end;
  SequenceSubject subject{identity_sequence_of(c.project, c.catalog, step.object, start),
                          step.object};
  IdentityState before = state_before(c.project, c.catalog, subject, start);
  const lint::Statement& statement = *c.pair.up_file->all_statements()[step.statement];
  if (!before.kind) {
    // What the up's first change shows: ADD GENERATED succeeds only on a column without an
    // identity, DROP IDENTITY (without IF EXISTS) and SET ... only on one with one.
    if (adds_identity(statement, step.effect.object.name)) {
      before.kind = '\0';
    } else if (!drops_identity_if_exists(statement, step.effect.object.name)) {
      before.kind = '?';
    } else {
      return;  // IF EXISTS on a column not known to be an identity column: may change nothing
    }
  }
  auto up = subject_steps(c.up_steps, subject);
  IdentityState after = before;
  apply_steps(after, c.project, c.catalog, *c.pair.up_file, up, subject);
  SequenceSubject later{identity_sequence_of(c.project, c.catalog, step.object, end), step.object};
  auto down = subject_steps(c.down_steps, later);
  apply_steps(after, c.project, c.catalog, *c.pair.down_file, down, later);
  char was = *before.kind;
  char now = after.kind.value_or('?');
  // Whether the steps write the kind: ADD GENERATED ... AS IDENTITY, or SET GENERATED.
  auto sets_kind = [&](const lint::ParsedFile& file,
                       const std::vector<const lint::CatalogStep*>& steps) {
    for (const lint::CatalogStep* other : steps) {
      const auto& written = options_written(*other);
      if (other->object != step.object) continue;
      if (std::find(written.begin(), written.end(), "generated") != written.end()) return true;
      if (adds_identity(*file.all_statements()[other->statement], other->effect.object.name)) {
        return true;
      }
    }
    return false;
  };
  // The down adds the identity again, or sets its kind.
  bool down_changes = sets_kind(*c.pair.down_file, down);
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(end);
  std::string alter =
      "ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " + quote_identifier(ref.name);
  if (was == '\0') {
    if (now == '\0') return;
    c.report(step,
             down_changes ? "the down leaves " + describe(ref) +
                                " an identity column, which it was not before the up"
                          : "the up makes " + describe(ref) +
                                " an identity column but the down does not drop its identity",
             "add `" + alter + " DROP IDENTITY IF EXISTS;` to the down");
    return;
  }
  if (now == '\0') {
    // The options it had, where they are not a new identity's defaults.
    std::vector<std::string> options =
        sequence_differences(before.options, default_options(before.options.type));
    std::erase(options, std::string("as"));
    std::string add = "add `" + alter + " ADD ";
    add += was == '?' ? std::string("GENERATED <ALWAYS or BY DEFAULT, as before>")
                      : identity_kind_sql(was);
    add += " AS IDENTITY";
    if (!options.empty()) {
      add += " (";
      add += sequence_options_sql(before.options, options);
      add += ")";
    }
    add += ";` to the down, then setval() its sequence past the values already in the column";
    c.report(step,
             "the up drops the identity of " + describe(ref) + " but the down does not add it back",
             add);
    return;
  }
  if (was != '?' && now != '?' && was != now) {
    c.report(step,
             down_changes
                 ? "the down leaves " + describe(ref) + " " + identity_kind_sql(now) +
                       " AS IDENTITY, but it was " + identity_kind_sql(was) + " before the up"
                 : "the up makes " + describe(ref) + " " + identity_kind_sql(now) +
                       " but the down does not set it back to " + identity_kind_sql(was),
             "add `" + alter + " SET " + identity_kind_sql(was) + ";` to the down");
  } else if (was == '?' && sets_kind(*c.pair.up_file, up) && !down_changes) {
    // Not known which it was: the up's SET GENERATED owes one in the down.
    c.report(step,
             "the up changes whether " + describe(ref) +
                 " is GENERATED ALWAYS or BY DEFAULT but the down does not set it back",
             "add `" + alter + " SET GENERATED <ALWAYS or BY DEFAULT, as before>;` to the down");
  }
  OptionsLeft left = options_left(before.options, after.options, up, down, true);
  if (left.fields.empty()) return;
  std::vector<std::string> clauses;
  for (const auto& field : left.fields) {
    clauses.push_back("SET " + option_clause(before.options, field));
  }
  std::string help = "add `" + alter + " " + lint::join_strings(clauses, " ") + ";` to the down";
  report_options_left(c, step, left, before.options, after.options,
                      "the identity of " + describe(ref), left.down_writes || down_changes, help);
}

// A sequence the up drops and the down creates again: with the options it had before the up
// (a serial's sequence is AS integer, which a plain CREATE SEQUENCE makes AS bigint).
void check_sequence_made_again(Context& c, const lint::CatalogStep& step,
                               const lint::ObjectRef& ref, const lint::CatalogStep& made) {
  SequenceSubject subject{step.object, identity_column_of(c.project, c.catalog, step.object)};
  IdentityState before = state_before(c.project, c.catalog, subject, c.pair.up_replay->start);
  IdentityState again = state_made_by(c.project, c.catalog, *c.pair.down_file, made);
  // An identity column's made again: the identity's own finding.
  if (again.kind && *again.kind != '\0') return;
  std::vector<const lint::CatalogStep*> later;
  for (const lint::CatalogStep* other : c.down_steps.of(made.object)) {
    if (other->statement > made.statement) later.push_back(other);
  }
  apply_steps(again, c.project, c.catalog, *c.pair.down_file, later,
              {made.object, lint::k_no_object});
  std::vector<std::string> fields = sequence_differences(before.options, again.options);
  if (fields.empty()) return;
  bool created = c.pair.down_file->all_statements()[made.statement]->kind() == "CreateSeqStmt";
  // At the down's statement that makes it.
  c.report_at(
      step,
      "the down creates " + describe(ref) + " again with " + options_words(again.options, fields) +
          ", but it had " + options_words(before.options, fields) + " before the up dropped it",
      created ? "write " + sequence_options_sql(before.options, fields) +
                    " in its CREATE SEQUENCE in the down"
              : "create it in the down with " + sequence_options_sql(before.options, fields),
      lint::Severity::error, statement_range(*c.pair.down_file, made.statement));
}

// OWNER TO a role that held privileges on the object: PostgreSQL merges them into the new
// owner's (the old owner's entries become its), and the down's OWNER TO back hands the owner's
// entries to the old owner: the role's own grants are gone (on the object and its columns) unless
// the down grants them again after it.
void check_owner_privileges_back(Context& c, const lint::CatalogStep& step) {
  const auto& up = c.pair.up_file->all_statements();
  std::optional<std::string> role = new_owner(up[step.statement]->node);
  if (!role) return;
  std::vector<Privilege> held;
  for (const Privilege& privilege :
       privileges_before(c.project, c.catalog, step.object,
                         c.catalog.before_statement(c.pair.up, step.statement))) {
    if (privilege.role == *role) held.push_back(privilege);
  }
  if (held.empty()) return;
  // The down's last owner change of the object, then the GRANTs after it.
  std::optional<std::size_t> back;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (other->effect.change == Change::owner) back = other->statement;
  }
  if (!back) return;
  const auto& down = c.pair.down_file->all_statements();
  ObjectKind kind = c.catalog.object(step.object).kind();
  Privileges granted;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (other->statement > *back && other->effect.change == Change::grant) {
      apply_grant(granted, down[other->statement]->node, kind);
    }
  }
  std::erase_if(held, [&](const Privilege& privilege) { return holds(granted, privilege); });
  if (held.empty()) return;
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  // "SELECT", "UPDATE (rate)"
  auto words_of = [](const Privilege& privilege) {
    std::string one = privilege.privilege;
    for (char& letter : one) letter = static_cast<char>(std::toupper(letter));
    if (!privilege.column.empty()) {
      one += " (";
      one += quote_identifier(privilege.column);
      one += ')';
    }
    return one;
  };
  std::string on = " ON " + sql_keyword(ref.kind) + " " + sql_name(ref);
  std::string grants;
  std::vector<std::string> words;
  for (const Privilege& privilege : held) {
    words.push_back(words_of(privilege));
    grants += "GRANT " + words.back() + on + " TO " + *role + "; ";
  }
  // A column's entries go to the old owner too, which did not hold them before.
  std::optional<std::string> old_owner = new_owner(down[*back]->node);
  for (const Privilege& privilege : held) {
    if (privilege.column.empty() || !old_owner) continue;
    grants += "REVOKE " + words_of(privilege) + on + " FROM " + *old_owner + "; ";
  }
  grants.pop_back();
  c.report(step,
           "the up gives " + describe(ref) + " to " + *role + ", which held " +
               lint::join_strings(words, ", ") +
               " on it: PostgreSQL merges those into the owner's, " +
               "and the down's OWNER TO back gives the owner's privileges to the old owner, so " +
               *role + " loses " + (held.size() == 1 ? "it" : "them"),
           "after the down's OWNER TO, grant " + std::string(held.size() == 1 ? "it" : "them") +
               " again: `" + grants + "`");
}

// Whether a migration names a tablespace other than pg_default (TABLESPACE of CREATE TABLE, AS,
// INDEX or a key's USING INDEX, SET TABLESPACE, ALL IN TABLESPACE, CREATE TABLESPACE) or sets
// default_tablespace to one: until one does, every relation lives in the default tablespace.
struct OtherTablespaces {
  bool named = false;
};

bool names_other_tablespace(const lint::Node& statement) {
  bool found = false;
  lint::walk(statement, [&](const lint::Node& node) {
    if (found) return false;
    std::string_view kind = node.kind();
    if (kind == "CreateTableSpaceStmt" || kind == "AlterTableMoveAllStmt") found = true;
    for (std::string_view field :
         {"tablespacename", "tableSpaceName", "tableSpace", "indexspace"}) {
      std::string_view name = node.str(field);
      if (!name.empty() && name != "pg_default") found = true;
    }
    if (kind == "AlterTableCmd" && node.str("subtype") == "AT_SetTableSpace" &&
        node.str("name") != "pg_default") {
      found = true;
    }
    if (kind == "VariableSetStmt" && node.str("name") == "default_tablespace") {
      for (lint::Node arg : node.list("args")) {
        std::string_view value = arg.get("sval").str("sval");
        if (!value.empty() && value != "pg_default") found = true;
      }
    }
    return !found;
  });
  return found;
}

// ALTER ... SET TABLESPACE pg_default while no migration puts anything in another tablespace:
// the object is in the default one already (reltablespace 0), and PostgreSQL moves nothing
// (measured: the same relfilenode after it). A database created with another default
// tablespace would move it; the migrations cannot create one, so that is left aside.
bool moves_nowhere(const Context& c, const lint::CatalogStep& step,
                   const lint::Statement& statement) {
  if (step.effect.change != Change::tablespace || !statement.node.is("AlterTableStmt")) {
    return false;
  }
  for (lint::Node cmd : statement.node.list("cmds")) {
    if (cmd.str("subtype") == "AT_SetTableSpace" && cmd.str("name") != "pg_default") return false;
  }
  const lint::Project& project = c.project;
  return !project
              .shared<OtherTablespaces>([&project] {
                OtherTablespaces other;
                for (std::size_t i = 0; i < project.size() && !other.named; ++i) {
                  const lint::ParsedFile* file = project.parsed(i);
                  if (file == nullptr) continue;
                  for (const lint::Statement* each : file->all_statements()) {
                    if (names_other_tablespace(each->node)) {
                      other.named = true;
                      break;
                    }
                  }
                }
                return other;
              })
              .named;
}

void check_setting(Context& c, const lint::CatalogStep& step) {
  const lint::Effect& effect = step.effect;
  if (effect.change == Change::sequence_options) {
    check_sequence_back(c, step);
    return;
  }
  const lint::CatalogObject& object = c.catalog.object(step.object);
  const lint::ObjectRef& ref = object.ref_at(step.tick);
  // COMMENT ON VIEW of a materialized view (ON TABLE of a view, ...): PostgreSQL refuses it, so
  // the up sets no comment (invalid-ddl reports it).
  if (effect.change == Change::comment && lint::is_relation(effect.object.kind) &&
      effect.object.kind != object.kind()) {
    return;
  }
  bool triggers =
      effect.change == Change::enable_trigger || effect.change == Change::disable_trigger;
  if (triggers && object.kind() == ObjectKind::event_trigger) {
    check_event_trigger_back(c, step);
    return;
  }
  if (triggers && !effect.columns.empty() && effect.columns.front() != "ALL" &&
      effect.columns.front() != "USER") {
    // A trigger the up creates goes with the down's DROP TRIGGER (or DROP TABLE).
    lint::ObjectRef trigger;
    trigger.kind = ObjectKind::trigger;
    trigger.schema = ref.schema;
    trigger.parent = ref.name;
    trigger.name = effect.columns.front();
    lint::ObjectId id = c.catalog.find(trigger, step.tick);
    if (id != lint::k_no_object && (c.created_by_up(id) || c.taken.count(id) != 0)) return;
    if (id != lint::k_no_object) {
      check_trigger_back(c, step, trigger, id);
      return;
    }
  }
  if (triggers && !effect.columns.empty() &&
      (effect.columns.front() == "ALL" || effect.columns.front() == "USER") &&
      !has_triggers(c.catalog, step.object, step.tick, effect.columns.front() == "ALL")) {
    // No trigger to switch: ENABLE or DISABLE of them all changes nothing (a trigger made later
    // starts enabled).
    return;
  }
  const lint::Statement& statement = *c.pair.up_file->all_statements()[step.statement];
  if (effect.change == Change::owner && to_the_runner(statement.node) &&
      !changed_before(c.catalog, step.object, step.tick, Change::owner)) {
    // The migrations made it and gave it to no one else: the role that runs them owns it.
    return;
  }
  if (effect.change == Change::owner) {
    // OWNER TO the role that owns it already (a sequence a serial column owns went with its
    // table's ALTER TABLE ... OWNER TO) changes nothing.
    std::optional<std::string> before = owner_before(
        c.project, c.catalog, step.object, c.catalog.before_statement(c.pair.up, step.statement));
    if (before && before == new_owner(statement.node)) return;
  }
  if (moves_nowhere(c, step, statement)) return;
  if (effect.change == Change::storage_parameters && resets_only(statement.node) &&
      !parameters_set_before(c.project, c.catalog, step.object, step.tick)) {
    return;  // RESET of parameters nothing set: the table keeps its defaults
  }
  // Switched off and on again within the up (a trigger disabled around a data fix), either
  // way round: the up ends where it started.
  if (is_switch(effect.change) && sets_back(effect, other_alters(c.up_steps, step))) return;
  if ((effect.change == Change::storage_parameters || effect.change == Change::routine_options) &&
      check_parameters_back(c, step)) {
    return;
  }
  lint::Effect missing = effect;
  if (sets_back(effect, other_alters(c.down_steps, step), &missing.columns)) {
    if (effect.change == Change::comment) check_comment_restored(c, step);
    if (effect.change == Change::owner) check_owner_privileges_back(c, step);
    return;
  }
  const lint::ObjectRef& now = object.ref_at(c.pair.up_replay->end);
  SettingWords words = setting_words(missing, now);
  // A table left unlogged, or a trigger left off, loses rows or skips what the trigger does; a
  // replica identity or a sequence's options (an identity column's too) are catalog settings the
  // down can always write back. The other settings leave the old release working.
  bool harmful = effect.change == Change::disable_trigger ||
                 effect.change == Change::set_unlogged ||
                 effect.change == Change::replica_identity ||
                 effect.change == Change::sequence_options || identity_options(effect);
  c.report(step, "the up " + words.what + " but the down does not " + words.undo,
           setting_help(missing, now, statement.node), !harmful);
}

// Whether a statement of the down after `made` alters the column with a subcommand of one of
// the subtypes (AT_ColumnDefault: SET or DROP DEFAULT; AT_SetNotNull).
bool alters_later(const Context& c, const lint::CatalogStep& made, const std::string& table,
                  const std::string& column, std::initializer_list<std::string_view> subtypes) {
  const auto& down = c.pair.down_file->all_statements();
  for (std::size_t i = made.statement + 1; i < down.size(); ++i) {
    const lint::Node& node = down[i]->node;
    if (!node.is("AlterTableStmt") ||
        lint::truncate_identifier(node.get("relation").str("relname")) != table) {
      continue;
    }
    for (lint::Node cmd : node.list("cmds")) {
      if (std::find(subtypes.begin(), subtypes.end(), cmd.str("subtype")) != subtypes.end() &&
          lint::truncate_identifier(cmd.str("name")) == column) {
        return true;
      }
    }
  }
  return false;
}

// Whether the column was NOT NULL before `tick` (false when not known).
bool was_not_null(const lint::Project& project, const lint::Catalog& catalog, ObjectId column,
                  lint::Tick tick) {
  return lint::column_not_null_before(project, catalog, column, tick).value_or(false);
}

void table_parts_made_again(Context& c, const lint::CatalogStep& step,
                            std::vector<std::string>& differences);

// A table the up drops and the down creates again: with each column it had, of the type it
// had, with a default where it had one. (Only a CREATE TABLE that lists its columns: LIKE,
// INHERITS, OF and AS take them from elsewhere.)
void check_table_made_again(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref,
                            const lint::CatalogStep& made) {
  const lint::Statement& create = *c.pair.down_file->all_statements()[made.statement];
  const lint::Node& node = create.node;
  if (!node.is("CreateStmt") || !node.list("inhRelations").empty() || node.has("ofTypename") ||
      node.has("partbound")) {
    return;
  }
  for (lint::Node element : node.list("tableElts")) {
    if (element.is("TableLikeClause")) return;
  }
  // The columns a table constraint makes the primary key (NOT NULL with it).
  std::vector<std::string> keys = lint::primary_key_columns(node);
  std::vector<std::string> differences;
  // Only defaults the old table lacked and NOT NULLs it had: differences the old release works
  // with (a warning); a missing column, another type or a lost default break what worked.
  bool only_warnings = true;
  for (ObjectId id : c.catalog.object(step.object).children) {
    const lint::CatalogObject& column = c.catalog.object(id);
    if (column.kind() != ObjectKind::column || !column.alive_at(step.tick)) continue;
    const std::string& name = column.ref_at(step.tick).name;
    lint::Node definition = lint::column_definition(create, name);
    if (!definition.valid()) {
      differences.push_back("column " + name + " is missing");
      only_warnings = false;
      continue;
    }
    auto old_type = lint::column_type_before(c.project, c.catalog, id, step.tick);
    auto new_type = lint::defined_type(definition);
    if (differ(old_type, new_type)) {
      differences.push_back(name + " is " + new_type->display() + ", it was " +
                            old_type->display());
      only_warnings = false;
      continue;
    }
    auto had = had_default(c.project, c.catalog, id, step.tick);
    if (was_not_null(c.project, c.catalog, id, step.tick) &&
        !lint::defines_not_null(definition, keys) &&
        !alters_later(c, made, ref.name, name, {"AT_SetNotNull"})) {
      differences.push_back(name + " lacks the NOT NULL it had");
    }
    if (had && *had != defines_default(definition) &&
        !alters_later(c, made, ref.name, name, {"AT_ColumnDefault"})) {
      differences.push_back(*had ? name + " lacks the default it had"
                                 : name + " has a default it did not have");
      only_warnings = only_warnings && !*had;
    }
  }
  std::size_t columns_differ = differences.size();
  table_parts_made_again(c, step, differences);
  if (differences.size() > columns_differ) only_warnings = false;
  if (differences.empty()) return;
  c.report(step,
           "the down creates " + describe(ref) + " again, but not as it was before the up " +
               "dropped it: " + lint::join_strings(differences, "; "),
           "create it in the down as it was before the up (the migrations that made and last "
           "altered it say how)",
           only_warnings);
}

void check_index_written_again(Context& c, const lint::CatalogStep& step,
                               const lint::ObjectRef& ref, const lint::CatalogStep& made);
void check_constraint_made_again(Context& c, const lint::CatalogStep& step,
                                 const lint::ObjectRef& ref, const lint::CatalogStep& made);
void table_parts_made_again(Context& c, const lint::CatalogStep& step,
                            std::vector<std::string>& differences);

// The definition a column or index had before the up dropped it, against the one the down makes
// again under its name: a down that adds the column back with another type, or builds the index
// on other columns, does not give the database back as it was. (What a down creates is not kept
// in the catalog: its step's effect and statement say what it is.)
// The names a list of String nodes holds, as written.
std::vector<std::string> name_list(const lint::NodeList& list) {
  std::vector<std::string> names;
  for (lint::Node item : list) names.push_back(lint::truncate_identifier(item.as_str()));
  return names;
}

// How two CREATE TRIGGERs differ: timing, events, UPDATE OF columns, FOR EACH ROW or STATEMENT,
// WHEN, the function and its arguments (compared as parsed).
std::vector<std::string> trigger_differences(const lint::Node& was, const lint::Node& again) {
  std::vector<std::string> found;
  auto timing = [](const lint::Node& node) {
    std::int64_t bits = node.num("timing");
    return std::string((bits & 2) != 0 ? "BEFORE" : (bits & 64) != 0 ? "INSTEAD OF" : "AFTER");
  };
  if (timing(was) != timing(again)) {
    found.push_back(timing(again) + " where it was " + timing(was));
  }
  auto events = [](const lint::Node& node) {
    std::int64_t bits = node.num("events");
    std::vector<std::string> words;
    if ((bits & 4) != 0) words.emplace_back("INSERT");
    if ((bits & 16) != 0) words.emplace_back("UPDATE");
    if ((bits & 8) != 0) words.emplace_back("DELETE");
    if ((bits & 32) != 0) words.emplace_back("TRUNCATE");
    return lint::join_strings(words, " OR ");
  };
  if (events(was) != events(again)) {
    found.push_back("on " + events(again) + " where it was on " + events(was));
  }
  auto columns = [](const lint::Node& node) {
    std::vector<std::string> names = name_list(node.list("columns"));
    std::sort(names.begin(), names.end());
    return names;
  };
  if (columns(was) != columns(again)) {
    auto words = [](const std::vector<std::string>& names) {
      if (names.empty()) return std::string("any UPDATE");
      std::string text = "UPDATE OF (";
      text += lint::join_strings(names, ", ");
      text += ')';
      return text;
    };
    std::string difference = "on ";
    difference += words(columns(again));
    difference += " where it was on ";
    difference += words(columns(was));
    found.push_back(std::move(difference));
  }
  if (was.flag("row") != again.flag("row")) {
    found.emplace_back(again.flag("row") ? "FOR EACH ROW where it was FOR EACH STATEMENT"
                                         : "FOR EACH STATEMENT where it was FOR EACH ROW");
  }
  lint::Node when_was = was.get("whenClause");
  lint::Node when_again = again.get("whenClause");
  if (when_was.valid() != when_again.valid() ||
      (when_was.valid() && !lint::same_terms(when_was, when_again))) {
    found.emplace_back(!when_again.valid() ? "without the WHEN it had"
                       : !when_was.valid() ? "with a WHEN it did not have"
                                           : "with another WHEN");
  }
  // The function: by name (with its schema when both write one), and its arguments.
  std::vector<std::string> function_was = name_list(was.list("funcname"));
  std::vector<std::string> function_again = name_list(again.list("funcname"));
  bool other_function = false;
  if (function_was.size() == function_again.size()) {
    other_function = function_was != function_again;
  } else if (!function_was.empty() && !function_again.empty()) {
    other_function = function_was.back() != function_again.back();
  }
  if (other_function) {
    found.push_back("EXECUTE FUNCTION " + lint::join_strings(function_again, ".") +
                    " where it was " + lint::join_strings(function_was, "."));
  } else if (name_list(was.list("args")) != name_list(again.list("args"))) {
    found.emplace_back("with other arguments to its function");
  }
  return found;
}

// A trigger the up drops and the down creates again: as the migration that made it (or the last
// earlier CREATE OR REPLACE) wrote it?
void check_trigger_made_again(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref,
                              const lint::CatalogStep& made) {
  auto earlier = last_definition(c.project, c.catalog.object(step.object), c.pair.up_replay->start);
  if (!earlier || !earlier->statement->node.is("CreateTrigStmt")) return;
  const lint::Statement& remade = *c.pair.down_file->all_statements()[made.statement];
  if (!remade.node.is("CreateTrigStmt")) return;
  auto differences = trigger_differences(earlier->statement->node, remade.node);
  if (differences.empty()) return;
  std::string text(earlier->file->slice(earlier->statement->range));
  constexpr std::size_t k_quoted = 400;
  c.report(step,
           "the down creates " + describe(ref) + " again, but not as it was before the up " +
               "dropped it: " + lint::join_strings(differences, "; "),
           "create it in the down as " + earlier->file->display() + " made it" +
               (text.size() <= k_quoted ? ": `" + text + ";`" : std::string()))
      .related(*earlier->file, earlier->statement->range, "the earlier definition");
}

// A collation the up dropped, made again by the down: with the provider, locale and
// determinism it had (a collation another locale makes sorts and compares otherwise).
void check_collation_made_again(Context& c, const lint::CatalogStep& step,
                                const lint::ObjectRef& ref, const lint::CatalogStep& made) {
  auto earlier = last_definition(c.project, c.catalog.object(step.object), step.tick);
  const lint::Node& again = c.pair.down_file->all_statements()[made.statement]->node;
  if (!earlier || !earlier->statement->node.is("DefineStmt") || !again.is("DefineStmt")) return;
  auto was = lint::collation_definition(earlier->statement->node);
  auto is = lint::collation_definition(again);
  if (was == is) return;
  std::vector<std::string> differences;
  for (const auto& [name, value] : was) {
    auto other = is.find(name);
    std::string now = other == is.end() ? std::string("none") : other->second;
    if (now != value) differences.push_back(name + " " + now + " instead of " + value);
  }
  for (const auto& [name, value] : is) {
    if (was.count(name) == 0) differences.push_back(name + " " + value + " instead of none");
  }
  std::string text(earlier->file->slice(earlier->statement->range));
  c.report(step,
           "the down creates " + describe(ref) + " again with another definition than it had " +
               "before the up dropped it (" + lint::join_strings(differences, ", ") +
               "): after a rollback it sorts and compares otherwise",
           "create it in the down as " + earlier->file->display() + " made it: `" + text + ";`")
      .related(*earlier->file, earlier->statement->range, "the earlier definition");
}

// The name an object has when a down statement runs (its step `until`): the one it has after
// the up, as the down's renames and moves of it before that step leave it.
lint::ObjectRef ref_in_down(const Context& c, ObjectId id, const lint::CatalogStep& until) {
  lint::ObjectRef ref = c.catalog.object(id).ref_at(c.pair.up_replay->end);
  for (const lint::CatalogStep* step : c.down_steps.of(id)) {
    if (step >= &until) break;  // both point into the down's steps
    if (step->effect.action != Action::rename) continue;
    if (!step->effect.new_name.empty()) ref.name = step->effect.new_name;
    if (!step->effect.new_schema.empty()) ref.schema = step->effect.new_schema;
  }
  return ref;
}

// An index the down creates again on another table than the one it was on before the up dropped
// it (after a swap, the old table's index dropped by name and made again on the new table of
// that name): the old table's index is gone for good, and the other table has one more. Judged
// when both tables are the migrations' (compared as objects, not by name: a table the down has
// renamed back is the same table).
bool check_index_table(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref,
                       const lint::CatalogStep& made) {
  auto indexed = [&](ObjectId id) {
    return id != lint::k_no_object &&
           (c.catalog.object(id).kind() == ObjectKind::table ||
            c.catalog.object(id).kind() == ObjectKind::materialized_view);
  };
  ObjectId was = lint::k_no_object;
  for (const lint::DependencyEdge& edge : c.catalog.object(step.object).depends_on) {
    if (edge.automatic && indexed(edge.object)) {
      was = edge.object;
      break;
    }
  }
  // The table the down's CREATE INDEX names, as the down's state has it then.
  const lint::CatalogStep* on = nullptr;
  for (const lint::CatalogStep& other : c.pair.down_replay->steps) {
    if (&other >= &made) break;
    if (other.statement == made.statement && other.effect.action == Action::use &&
        indexed(other.object)) {
      on = &other;
    }
  }
  if (was == lint::k_no_object || on == nullptr || on->object == was) return false;
  lint::ObjectRef table = ref_in_down(c, was, made);
  c.report(step,
           "the down creates " + describe(ref) + " again on " +
               describe(ref_in_down(c, on->object, made)) + ", but it was on " + describe(table) +
               " before the up dropped it: that table's index is gone after the down, and " +
               "the other table has one it did not have",
           "create it in the down ON " + sql_name(table) + ", as it was");
  return true;
}

void check_made_again(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref) {
  const lint::CatalogStep* made = c.down_created(ref);
  if (made == nullptr) return;
  if (ref.kind == ObjectKind::collation) {
    check_collation_made_again(c, step, ref, *made);
    return;
  }
  const auto& down = c.pair.down_file->all_statements();
  if (ref.kind == ObjectKind::column) {
    // As it was before the up (which may have changed it before dropping it).
    lint::Tick before = c.pair.up_replay->start;
    auto old_type = lint::column_type_before(c.project, c.catalog, step.object, before);
    lint::Node definition = lint::column_definition(*down[made->statement], ref.name);
    auto new_type = definition.valid() ? lint::defined_type(definition) : std::nullopt;
    if (differ(old_type, new_type)) {
      c.report(step,
               "the down adds " + describe(ref) + " again as " + new_type->display() +
                   ", but it was " + old_type->display() + " before the up dropped it",
               "add it as " + old_type->display() + " in the down");
      return;
    }
    if (!definition.valid()) return;
    auto had = had_default(c.project, c.catalog, step.object, before);
    if (was_not_null(c.project, c.catalog, step.object, before) &&
        !lint::defines_not_null(definition) &&
        !alters_later(c, *made, ref.parent, ref.name, {"AT_SetNotNull"})) {
      c.report(step,
               "the down adds " + describe(ref) + " again without the NOT NULL it had before " +
                   "the up dropped it",
               "set it again once the column is filled: `ALTER TABLE " + parent_sql(ref) +
                   " ALTER COLUMN " + quote_identifier(ref.name) + " SET NOT NULL;`",
               true);
    }
    if (!had || *had == defines_default(definition) ||
        alters_later(c, *made, ref.parent, ref.name, {"AT_ColumnDefault"})) {
      return;
    }
    std::string column = quote_identifier(ref.name);
    c.report(step,
             *had ? "the down adds " + describe(ref) + " again without the default it had " +
                        "before the up dropped it"
                  : "the down adds " + describe(ref) + " again with a default it did not have " +
                        "before the up dropped it",
             *had ? "add it with its old DEFAULT in the down"
                  : "drop the default once the column is back (it fills the rows already "
                    "there): `ALTER TABLE " +
                        parent_sql(ref) + " ALTER COLUMN " + column + " DROP DEFAULT;`",
             !*had);  // a default it lacked changes what works only in what it fills in
  } else if (ref.kind == ObjectKind::sequence) {
    check_sequence_made_again(c, step, ref, *made);
  } else if (ref.kind == ObjectKind::table) {
    check_table_made_again(c, step, ref, *made);
  } else if (ref.kind == ObjectKind::constraint) {
    check_constraint_made_again(c, step, ref, *made);
  } else if (ref.kind == ObjectKind::trigger) {
    check_trigger_made_again(c, step, ref, *made);
  } else if (ref.kind == ObjectKind::index) {
    if (check_index_table(c, step, ref, *made)) return;
    const lint::CatalogObject& before = c.catalog.object(step.object);
    const lint::Effect& again = made->effect;
    // The columns by the names the down gives them by then: a column the up renamed and the down
    // renames back is the same column.
    std::vector<std::string> columns = before.columns;
    for (const lint::CatalogStep* rename : c.down_column_renames()) {
      if (rename >= made) break;  // both point into the down's steps
      std::replace(columns.begin(), columns.end(), rename->effect.object.name,
                   rename->effect.new_name);
    }
    auto has_expression = [](const std::vector<std::string>& columns) {
      return std::find(columns.begin(), columns.end(), "expr") != columns.end();
    };
    if (columns.empty() || again.columns.empty() || has_expression(columns) ||
        has_expression(again.columns) ||
        (columns == again.columns && before.unique == again.unique &&
         before.partial == again.partial)) {
      // Expressions and WHERE clauses: compared as written, when nothing renamed a column.
      check_index_written_again(c, step, ref, *made);
      return;
    }
    auto words = [](const std::vector<std::string>& columns, bool unique, bool partial) {
      return std::string(unique ? "unique " : "") + "on (" + lint::join_strings(columns, ", ") +
             ")" + (partial ? " with a WHERE" : "");
    };
    std::string was = words(columns, before.unique, before.partial);
    c.report(step,
             "the down creates " + describe(ref) + " again " +
                 words(again.columns, again.unique, again.partial) + ", but it was " + was +
                 " before the up dropped it",
             "create it in the down as it was: " + was);
  }
}

// The column names an index definition reads: its keys and the columns of its expressions and
// WHERE, sorted.
// Calls `add` with each column name a part of a definition reads: index elements by name, and
// the columns its expressions read.
template <typename Add>
void read_columns(const lint::Node& part, Add&& add) {
  lint::walk(part, [&](const lint::Node& node) {
    if (node.is("IndexElem") && !node.str("name").empty()) {
      add(lint::truncate_identifier(node.str("name")));
    } else if (node.is("ColumnRef")) {
      lint::NodeList fields = node.list("fields");
      if (!fields.empty() && fields.back().is("String")) {
        add(lint::truncate_identifier(fields.back().as_str()));
      }
    }
    return true;
  });
}

std::vector<std::string> index_names(const lint::Node& index) {
  std::vector<std::string> names;
  for (lint::Node part : {index.get("indexParams"), index.get("whereClause")}) {
    read_columns(part, [&](std::string name) { names.push_back(std::move(name)); });
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// Whether two index key lists are the same keys: names or expressions, operator classes,
// collations, and sort orders as PostgreSQL stores them (ASC is the default, and NULLS LAST
// the default of ASC, NULLS FIRST of DESC).
bool same_keys(const lint::NodeList& a, const lint::NodeList& b) {
  if (a.size() != b.size()) return false;
  auto descending = [](const lint::Node& key) { return key.str("ordering") == "SORTBY_DESC"; };
  auto nulls_first = [&](const lint::Node& key) {
    std::string_view nulls = key.str("nulls_ordering");
    if (nulls == "SORTBY_NULLS_FIRST") return true;
    if (nulls == "SORTBY_NULLS_LAST") return false;
    return descending(key);
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    lint::Node x = a[i];
    lint::Node y = b[i];
    if (x.str("name") != y.str("name") || !lint::same_tree(x.get("expr"), y.get("expr")) ||
        !lint::same_tree(x.get("opclass"), y.get("opclass")) ||
        !lint::same_tree(x.get("collation"), y.get("collation")) ||
        descending(x) != descending(y) || nulls_first(x) != nulls_first(y)) {
      return false;
    }
  }
  return true;
}

// How the index a CREATE INDEX makes differs from `before`, as the CREATE INDEX that made it
// wrote it: keys and expressions, INCLUDE, WHERE, method and uniqueness. nullopt when not
// judged: either statement is not a CREATE INDEX, or a column `before` reads was renamed since
// it was made (the names it was written with are not the names it reads now).
std::optional<std::vector<std::string>> index_differences(const lint::Project& project,
                                                          const lint::CatalogObject& before,
                                                          const lint::Node& now,
                                                          const lint::TermTypes& types) {
  const lint::Statement* original = lint::statement_at(project, before.created);
  if (original == nullptr || !original->node.is("IndexStmt") || !now.is("IndexStmt")) {
    return std::nullopt;
  }
  std::vector<std::string> read = before.uses;
  std::sort(read.begin(), read.end());
  read.erase(std::unique(read.begin(), read.end()), read.end());
  if (index_names(original->node) != read) return std::nullopt;  // a column renamed since
  const lint::Node& was = original->node;
  auto method = [](const lint::Node& index) {
    std::string_view name = index.str("accessMethod");
    return name.empty() ? std::string_view("btree") : name;
  };
  std::vector<std::string> differences;
  if (!same_keys(was.list("indexParams"), now.list("indexParams")) ||
      !same_keys(was.list("indexIncludingParams"), now.list("indexIncludingParams"))) {
    differences.push_back("other keys");
  }
  if (!lint::same_terms(was.get("whereClause"), now.get("whereClause"), types)) {
    differences.push_back(was.has("whereClause") ? "another WHERE" : "a WHERE it lacked");
  }
  if (method(was) != method(now)) differences.push_back("another method");
  if (was.flag("unique") != now.flag("unique")) {
    differences.push_back(was.flag("unique") ? "not unique where it was"
                                             : "unique where it was not");
  }
  return differences;
}

// The migration that made an object, and the statement, for a help text: "create it as
// 0003_x.up.sql did: `CREATE INDEX ...;`".
std::string as_made(const lint::Project& project, const lint::CatalogObject& object,
                    bool quote_statement) {
  const lint::ParsedFile* file = project.parsed(object.created.file);
  const lint::Statement* original = lint::statement_at(project, object.created);
  if (file == nullptr || original == nullptr) return "as it was";
  std::string text = "as " + file->display() + " did";
  if (quote_statement) text += ": `" + std::string(file->slice(original->range)) + ";`";
  return text;
}

// An index the down creates again on the same columns: with the expressions, WHERE, method and
// uniqueness the migration that made it wrote? Judged only when the names it reads are still
// the ones it was written with (no column renamed since) and the down renames none.
void check_index_written_again(Context& c, const lint::CatalogStep& step,
                               const lint::ObjectRef& ref, const lint::CatalogStep& made) {
  for (const lint::CatalogStep* rename : c.down_column_renames()) {
    if (rename < &made) return;  // both point into the down's steps
  }
  const lint::CatalogObject& before = c.catalog.object(step.object);
  const lint::Statement& remade = *c.pair.down_file->all_statements()[made.statement];
  auto differences = index_differences(c.project, before, remade.node,
                                       parent_types(c.project, c.catalog, step.object, step.tick));
  if (!differences || differences->empty()) return;
  c.report(step,
           "the down creates " + describe(ref) + " again, but not as it was before the up " +
               "dropped it: " + lint::join_strings(*differences, "; "),
           "create it " + as_made(c.project, before, true));
}

// A constraint as written: its Constraint node (with the column it is written on, for one
// written inline: `c int REFERENCES t`), and what the catalog knows of it.
struct ConstraintDefinition {
  lint::Node node;
  ConstraintTiming timing;
  std::string column;
  char contype = 0;
  std::vector<std::string> columns;         // keys, or a foreign key's columns
  std::optional<std::string> references;    // a foreign key's table, when known
  ObjectId referenced = lint::k_no_object;  // that table, for one the migrations made
};

// The column names a Constraint node writes (keys, foreign key columns, INCLUDE, and those its
// expressions read), not those of the table it references.
std::unordered_set<std::string> written_columns(const lint::Node& constraint) {
  std::unordered_set<std::string> names;
  for (const char* field : {"keys", "fk_attrs", "including"}) {
    for (lint::Node name : constraint.list(field)) {
      names.insert(lint::truncate_identifier(name.as_str()));
    }
  }
  for (const char* field : {"raw_expr", "exclusions", "where_clause"}) {
    read_columns(constraint.get(field), [&](std::string name) { names.insert(std::move(name)); });
  }
  return names;
}

// "schema.name" of the table a foreign key references.
std::string table_words(const lint::ObjectRef& table) {
  return table.schema.empty() ? table.name : table.schema + "." + table.name;
}

// A constraint the migrations made (an object of the catalog), as its statement wrote it, the
// table it references named as at `at`. nullopt when its node is not found, or when a column it
// reads was renamed since (the names it was written with are not those it reads now).
std::optional<ConstraintDefinition> constraint_made(const lint::Project& project,
                                                    const lint::Catalog& catalog, ObjectId id,
                                                    lint::Tick at) {
  const lint::CatalogObject& object = catalog.object(id);
  const lint::Statement* statement = lint::statement_at(project, object.created);
  if (statement == nullptr) return std::nullopt;
  ConstraintDefinition definition;
  definition.node =
      constraint_at(*statement, object.created.offset, definition.column, &definition.timing);
  if (!definition.node.valid()) return std::nullopt;
  definition.contype = object.contype;
  definition.columns = object.columns;
  std::unordered_set<std::string> written = written_columns(definition.node);
  if (!definition.column.empty()) written.insert(definition.column);
  for (const std::string& column : object.columns) {
    if (written.count(column) == 0) return std::nullopt;
  }
  for (const lint::DependencyEdge& edge : object.depends_on) {
    if (edge.automatic || edge.object == lint::k_no_object) continue;
    const lint::CatalogObject& table = catalog.object(edge.object);
    if (table.kind() == ObjectKind::table) {
      definition.references = table_words(table.ref_at(at));
      definition.referenced = edge.object;
    }
  }
  return definition;
}

// A constraint a down statement makes (the catalog keeps no object for it: its effect says).
std::optional<ConstraintDefinition> constraint_written(const lint::Statement& statement,
                                                       const lint::Effect& effect) {
  ConstraintDefinition definition;
  definition.node = constraint_at(statement, effect.offset, definition.column, &definition.timing);
  if (!definition.node.valid()) return std::nullopt;
  definition.contype = effect.contype;
  definition.columns = effect.columns;
  for (const lint::Dependency& dependency : effect.depends_on) {
    if (!dependency.automatic && !dependency.reverse &&
        dependency.object.kind == ObjectKind::table) {
      definition.references = table_words(dependency.object);
    }
  }
  return definition;
}

// How the constraint `now` differs from `was`: the kind, the columns, a CHECK's expression, a
// foreign key's table, referenced columns, actions and MATCH, INCLUDE, NULLS NOT DISTINCT, an
// exclusion's operators and WHERE, and DEFERRABLE. NOT VALID is no difference: once validated
// the constraint is the same.
std::vector<std::string> constraint_differences(const ConstraintDefinition& was,
                                                const ConstraintDefinition& now,
                                                const lint::TermTypes& types) {
  auto kind = [](char contype) -> std::string {
    switch (contype) {
      case 'p':
        return "a primary key";
      case 'u':
        return "a unique constraint";
      case 'f':
        return "a foreign key";
      case 'c':
        return "a CHECK constraint";
      case 'x':
        return "an exclusion constraint";
      default:
        return "another kind of constraint";
    }
  };
  std::vector<std::string> differences;
  if (was.contype != now.contype) {
    differences.push_back(kind(now.contype) + " where it was " + kind(was.contype));
    return differences;
  }
  const lint::Node& a = was.node;
  const lint::Node& b = now.node;
  // A key added USING INDEX names no columns: those of its index are not compared.
  if (was.contype != 'c' && !was.columns.empty() && !now.columns.empty() &&
      was.columns != now.columns) {
    differences.push_back("on (" + lint::join_strings(now.columns, ", ") + ") where it was on (" +
                          lint::join_strings(was.columns, ", ") + ")");
  }
  if (was.contype == 'c' && !lint::same_terms(a.get("raw_expr"), b.get("raw_expr"), types)) {
    differences.push_back("another CHECK expression");
  }
  if (a.flag("is_no_inherit") != b.flag("is_no_inherit")) {
    differences.push_back(a.flag("is_no_inherit") ? "without the NO INHERIT it had"
                                                  : "NO INHERIT where it was not");
  }
  if (was.contype == 'f') {
    if (was.references && now.references && *was.references != *now.references) {
      differences.push_back("referencing " + *now.references + " where it referenced " +
                            *was.references);
    }
    auto names = [](const lint::Node& node) {
      std::vector<std::string> out;
      for (lint::Node name : node.list("pk_attrs")) {
        out.push_back(lint::truncate_identifier(name.as_str()));
      }
      return out;
    };
    // No column list: the referenced table's primary key, which the catalog does not compare.
    if (!names(a).empty() && !names(b).empty() && names(a) != names(b)) {
      differences.push_back("referencing (" + lint::join_strings(names(b), ", ") +
                            ") where it referenced (" + lint::join_strings(names(a), ", ") + ")");
    }
    auto action = [](const lint::Node& node, std::string_view field) -> std::string {
      std::string_view code = node.str(field);
      if (code == "r") return "RESTRICT";
      if (code == "c") return "CASCADE";
      if (code == "n") return "SET NULL";
      if (code == "d") return "SET DEFAULT";
      return "NO ACTION";
    };
    for (auto [field, words] :
         {std::pair{"fk_del_action", "ON DELETE "}, std::pair{"fk_upd_action", "ON UPDATE "}}) {
      if (action(a, field) != action(b, field)) {
        differences.push_back(words + action(b, field) + " where it was " + words +
                              action(a, field));
      }
    }
    if (!lint::same_tree(a.get("fk_del_set_cols"), b.get("fk_del_set_cols"))) {
      differences.push_back("other columns set on delete");
    }
    auto match = [](const lint::Node& node) -> std::string {
      std::string_view code = node.str("fk_matchtype");
      return code == "f" ? "MATCH FULL" : code == "p" ? "MATCH PARTIAL" : "MATCH SIMPLE";
    };
    if (match(a) != match(b)) {
      differences.push_back(match(b) + " where it was " + match(a));
    }
  }
  if (!lint::same_tree(a.get("including"), b.get("including"))) {
    differences.push_back("other INCLUDE columns");
  }
  if (a.flag("nulls_not_distinct") != b.flag("nulls_not_distinct")) {
    differences.push_back(a.flag("nulls_not_distinct") ? "without NULLS NOT DISTINCT"
                                                       : "NULLS NOT DISTINCT where it was not");
  }
  if (was.contype == 'x') {
    auto method = [](const lint::Node& node) {
      std::string_view name = node.str("access_method");
      return name.empty() ? std::string_view("btree") : name;  // EXCLUDE without USING: btree
    };
    if (!lint::same_tree(a.get("exclusions"), b.get("exclusions")) || method(a) != method(b)) {
      differences.push_back("other exclusions");
    }
    if (!lint::same_terms(a.get("where_clause"), b.get("where_clause"), types)) {
      differences.push_back(a.has("where_clause") ? "another WHERE" : "a WHERE it lacked");
    }
  }
  if (was.timing != now.timing) {
    differences.push_back(timing_sql(now.timing) + " where it was " + timing_sql(was.timing));
  }
  return differences;
}

// Whether the statement is ALTER TABLE <the constraint's table> VALIDATE CONSTRAINT <it>.
bool validates(const lint::Statement& statement, const lint::ObjectRef& constraint) {
  if (statement.kind() != "AlterTableStmt" ||
      lint::truncate_identifier(statement.node.get("relation").str("relname")) !=
          constraint.parent) {
    return false;
  }
  for (lint::Node command : statement.node.list("cmds")) {
    std::string_view subtype = command.str("subtype");
    if ((subtype == "AT_ValidateConstraint" || subtype == "AT_ValidateConstraintRecurse") &&
        lint::truncate_identifier(command.str("name")) == constraint.name) {
      return true;
    }
  }
  return false;
}

// Whether a table constraint the migrations made is validated at the tick. CREATE TABLE marks
// its constraints valid (NOT VALID or not); a CHECK or foreign key ALTER TABLE adds NOT VALID
// stays unvalidated (pg_constraint.convalidated false) until VALIDATE CONSTRAINT. nullopt when
// the migrations do not say.
std::optional<bool> validated_at(const Context& c, ObjectId id, lint::Tick tick) {
  const lint::CatalogObject& object = c.catalog.object(id);
  const lint::Statement* made = lint::statement_at(c.project, object.created);
  if (made == nullptr) return std::nullopt;
  if (made->kind() == "CreateStmt") return true;
  if (made->kind() != "AlterTableStmt" || object.parent == lint::k_no_object) return std::nullopt;
  std::string column;
  lint::Node node = constraint_at(*made, object.created.offset, column);
  if (!node.valid()) return std::nullopt;
  if (!node.flag("skip_validation")) return true;
  for (const lint::Origin& change : c.catalog.object(object.parent).changed) {
    if (change.tick <= object.created.tick || change.tick >= tick) continue;
    const lint::Statement* statement = lint::statement_at(c.project, change);
    if (statement != nullptr && validates(*statement, object.ref_at(change.tick))) return true;
  }
  return false;
}

// Whether a constraint the up drops was validated before the up ran: what the down must leave.
// One the up itself made is judged where the up drops it.
std::optional<bool> validated_before_up(const Context& c, ObjectId id, lint::Tick dropped) {
  lint::Tick start = c.pair.up_replay->start;
  bool existed = c.catalog.object(id).created.tick < start;
  return validated_at(c, id, existed ? start : dropped);
}

// Whether a statement of the down from `from` on validates the constraint.
bool down_validates(const Context& c, const lint::ObjectRef& ref, std::size_t from = 0) {
  const auto& down = c.pair.down_file->all_statements();
  for (std::size_t s = from; s < down.size(); ++s) {
    if (validates(*down[s], ref)) return true;
  }
  return false;
}

// Whether the constraint a down step adds is validated when the down ends: added by CREATE
// TABLE, or by ALTER TABLE without NOT VALID, or validated by a later statement of the down.
bool down_leaves_validated(const Context& c, const lint::ObjectRef& ref,
                           const lint::CatalogStep& made) {
  const lint::Statement& statement = *c.pair.down_file->all_statements()[made.statement];
  if (statement.kind() != "AlterTableStmt") return true;
  std::string column;
  lint::Node node = constraint_at(statement, made.effect.offset, column);
  return !node.valid() || !node.flag("skip_validation") ||
         down_validates(c, ref, made.statement + 1);
}

std::string validate_sql(const lint::ObjectRef& ref) {
  return "ALTER TABLE " + parent_sql(ref) + " VALIDATE CONSTRAINT " + quote_identifier(ref.name) +
         ";";
}

// A constraint the down adds again: as it was before the up dropped it? Judged when no column
// was renamed since it was made and the down renames none before adding it.
void check_constraint_made_again(Context& c, const lint::CatalogStep& step,
                                 const lint::ObjectRef& ref, const lint::CatalogStep& made) {
  for (const lint::CatalogStep* rename : c.down_column_renames()) {
    if (rename < &made) return;  // both point into the down's steps
  }
  auto was = constraint_made(c.project, c.catalog, step.object, c.pair.up_replay->end);
  auto now = constraint_written(*c.pair.down_file->all_statements()[made.statement], made.effect);
  if (!was || !now) return;
  // The table it referenced, named as when the down adds it again: a table swap the down undoes
  // first (orders renamed back from orders_old) has given it its old name back.
  if (was->referenced != lint::k_no_object) {
    was->references = table_words(ref_in_down(c, was->referenced, made));
  }
  std::vector<std::string> differences = constraint_differences(
      *was, *now, parent_types(c.project, c.catalog, step.object, step.tick));
  // Validated before the up, added again NOT VALID and never validated by the down.
  bool unvalidated = validated_before_up(c, step.object, step.tick).value_or(false) &&
                     !down_leaves_validated(c, ref, made);
  if (differences.empty() && !unvalidated) return;
  if (differences.empty()) {
    c.report_at(
        step,
        "the down adds " + describe(ref) + " again NOT VALID, but it was validated before " +
            "the up: PostgreSQL leaves it unvalidated after the down",
        "add it without NOT VALID in the down, or validate it after: `" + validate_sql(ref) + "`",
        lint::Severity::error, statement_range(*c.pair.down_file, made.statement));
    return;
  }
  if (unvalidated) differences.push_back("NOT VALID where it was validated");
  std::string help = "add it " + as_made(c.project, c.catalog.object(step.object), false);
  if (unvalidated) help += ", then `" + validate_sql(ref) + "`";
  c.report(step,
           "the down adds " + describe(ref) + " again, but not as it was before the up " +
               "dropped it: " + lint::join_strings(differences, "; "),
           help);
}

// The constraints and indexes a table had before the up dropped it, which the down that makes
// the table again must make again too, as they were: each one missing, or made otherwise, is a
// difference.
void table_parts_made_again(Context& c, const lint::CatalogStep& step,
                            std::vector<std::string>& differences) {
  const lint::ObjectRef& table = c.catalog.object(step.object).ref_at(step.tick);
  const auto& down = c.pair.down_file->all_statements();
  for (ObjectId id : c.catalog.constraints(table, step.tick)) {
    const lint::ObjectRef& ref = c.catalog.object(id).ref_at(step.tick);
    const lint::CatalogStep* made = c.down_created(ref);
    if (made == nullptr) {
      differences.push_back("constraint " + ref.name + " is missing");
      continue;
    }
    auto was = constraint_made(c.project, c.catalog, id, c.pair.up_replay->end);
    auto now = constraint_written(*down[made->statement], made->effect);
    if (!was || !now) continue;
    for (const std::string& difference :
         constraint_differences(*was, *now, parent_types(c.project, c.catalog, id, step.tick))) {
      differences.push_back("constraint " + ref.name + " is " + difference);
    }
  }
  for (ObjectId id : c.catalog.indexes(table, step.tick)) {
    const lint::CatalogObject& index = c.catalog.object(id);
    if (index.implicit) continue;  // a constraint's: it comes with the constraint
    const lint::ObjectRef& ref = index.ref_at(step.tick);
    const lint::CatalogStep* made = c.down_created(ref);
    if (made == nullptr) {
      differences.push_back("index " + ref.name + " is missing");
      continue;
    }
    auto changed = index_differences(c.project, index, down[made->statement]->node,
                                     parent_types(c.project, c.catalog, id, step.tick));
    if (changed && !changed->empty()) {
      differences.push_back("index " + ref.name + " has " + lint::join_strings(*changed, ", "));
    }
  }
}

// A constraint or index the up drops and makes again under its name, defined otherwise (a
// foreign key given ON DELETE CASCADE, an index another WHERE): the down must make it again as
// it was before the up. Made again as it was, it is left alone.
void check_redefined(Context& c, const lint::CatalogStep& step, const lint::ObjectRef& ref) {
  const lint::CatalogObject& before = c.catalog.object(step.object);
  ObjectId again = c.catalog.find(ref, c.pair.up_replay->end);
  if (again == lint::k_no_object || before.kind() != c.catalog.object(again).kind()) return;
  std::vector<std::string> changed;
  if (ref.kind == ObjectKind::constraint) {
    auto was = constraint_made(c.project, c.catalog, step.object, c.pair.up_replay->end);
    auto now = constraint_made(c.project, c.catalog, again, c.pair.up_replay->end);
    if (!was || !now) return;
    changed = constraint_differences(*was, *now,
                                     parent_types(c.project, c.catalog, step.object, step.tick));
  } else if (ref.kind == ObjectKind::index) {
    const lint::Statement* remade = lint::statement_at(c.project, c.catalog.object(again).created);
    if (remade == nullptr) return;
    auto differences =
        index_differences(c.project, before, remade->node,
                          parent_types(c.project, c.catalog, step.object, step.tick));
    if (!differences) return;
    changed = *differences;
  } else {
    return;
  }
  if (changed.empty()) {
    // Made again as it was, but NOT VALID where it was validated: the down validates it (or adds
    // it again validated).
    if (ref.kind != ObjectKind::constraint ||
        !validated_before_up(c, step.object, step.tick).value_or(false) ||
        validated_at(c, again, c.pair.up_replay->end).value_or(true) || down_validates(c, ref)) {
      return;
    }
    if (const lint::CatalogStep* made = c.down_created(ref)) {
      check_constraint_made_again(c, step, ref, *made);
      return;
    }
    c.report(step,
             "the up adds " + describe(ref) + " again NOT VALID where it was validated, and " +
                 "the down does not validate it: PostgreSQL leaves it unvalidated after the down",
             "add `" + validate_sql(ref) + "` to the down");
    return;
  }
  if (const lint::CatalogStep* made = c.down_created(ref)) {
    if (ref.kind == ObjectKind::constraint) {
      check_constraint_made_again(c, step, ref, *made);
    } else {
      check_index_written_again(c, step, ref, *made);
    }
    return;
  }
  if (c.down_creates(ref)) return;  // renamed to it: a definition not followed
  bool constraint = ref.kind == ObjectKind::constraint;
  c.report(step,
           "the up redefines " + describe(ref) + " (" + lint::join_strings(changed, "; ") +
               ") but the down does not " + (constraint ? "add" : "create") + " it back as it was",
           "in the down, drop it and " + std::string(constraint ? "add" : "create") + " it again " +
               as_made(c.project, before, !constraint));
}

// Whether an object goes with a relation as a part of it: its constraints, triggers, policies
// and rules, and the indexes on it.
bool part_of(const lint::Catalog& catalog, ObjectId part, ObjectId relation) {
  const lint::CatalogObject& object = catalog.object(part);
  if (object.parent == relation) return true;
  if (object.kind() != ObjectKind::index) return false;
  return std::any_of(
      object.depends_on.begin(), object.depends_on.end(),
      [&](const lint::DependencyEdge& edge) { return edge.automatic && edge.object == relation; });
}

// A part of a table that DROP FUNCTION (TYPE, ...) ... CASCADE took on its own, its table staying:
// a CHECK constraint, index, trigger or policy that uses the function or type. Not the index of a
// constraint taken too (it goes with it), nor a column of the type (check_cascade_columns',
// with the attributes of composite types).
bool cascade_part(const lint::Catalog& catalog, const lint::CatalogStep& step, ObjectId id) {
  const lint::CatalogObject& taken = catalog.object(id);
  ObjectKind kind = taken.kind();
  if (kind != ObjectKind::constraint && kind != ObjectKind::index && kind != ObjectKind::trigger &&
      kind != ObjectKind::policy) {
    return false;
  }
  auto implied = [&](ObjectId other) {
    return std::find(step.implied.begin(), step.implied.end(), other) != step.implied.end();
  };
  if (taken.parent != lint::k_no_object && implied(taken.parent)) return false;
  return std::none_of(
      taken.depends_on.begin(), taken.depends_on.end(),
      [&](const lint::DependencyEdge& edge) { return edge.automatic && implied(edge.object); });
}

// DROP ... CASCADE of an object that existed before the up: the objects of their own that went
// with it (a view or materialized view reading it, a function using its type...) and existed
// before the up must be there again after the down, made again by the up or by the down.
void check_cascade_taken(Context& c, const lint::CatalogStep& step) {
  if (!step.effect.cascade) return;
  lint::Tick start = c.pair.up_replay->start;
  lint::Tick after = c.pair.up_replay->end;
  std::vector<std::string> missing;
  ObjectKind dropped = c.catalog.object(step.object).kind();
  bool of_relation = dropped == ObjectKind::column || lint::is_relation(dropped);
  for (ObjectId id : step.implied) {
    const lint::CatalogObject& taken = c.catalog.object(id);
    if (c.created_by_up(id) || !taken.alive_at(start)) continue;
    if (taken.parent != lint::k_no_object || taken.kind() == ObjectKind::index) {
      // The parts of a relation or column the up drops, and what goes with them automatically
      // (owned sequences), are check_taken_along's.
      if (of_relation || !cascade_part(c.catalog, step, id)) continue;
    } else if (std::any_of(taken.depends_on.begin(), taken.depends_on.end(),
                           [](const lint::DependencyEdge& edge) { return edge.automatic; })) {
      continue;
    }
    const lint::ObjectRef& ref = taken.ref_at(start);
    ObjectId again = c.catalog.find(ref, after);
    if ((again != lint::k_no_object && c.taken.count(again) == 0) || c.down_creates(ref)) continue;
    missing.push_back(describe(ref));
  }
  if (missing.empty()) return;
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(start);
  bool one = missing.size() == 1;
  c.report(step,
           "the up's DROP ... CASCADE of " + describe(ref) + " also drops " +
               lint::join_strings(missing, ", ") + ", which existed before the up, but the down " +
               "does not create " + (one ? "it" : "them") + " again",
           std::string("create ") + (one ? "it" : "them") + " again in the down as before, after " +
               describe(ref) +
               ", or declare the down irreversible (`-- sqlgate:irreversible <reason>`)");
}

// DROP TYPE (or DOMAIN) ... CASCADE of a type an earlier migration made: PostgreSQL drops the
// columns of that type and keeps their tables (`drop cascades to column ship_to of table
// invoices`), and the attributes of that type of composite types, keeping the composite types.
// Each that existed before the up must be there again after the down: the down adds it back
// (its values are gone), or makes its table or composite type again.
void check_cascade_columns(Context& c, const lint::CatalogStep& step) {
  if (!step.effect.cascade) return;
  lint::Tick start = c.pair.up_replay->start;
  lint::Tick after = c.pair.up_replay->end;
  std::vector<std::string> missing;
  std::vector<std::string> adds;  // the statements that give them back
  auto taken_whole = [&](ObjectId id) {
    return id == step.object ||
           std::find(step.implied.begin(), step.implied.end(), id) != step.implied.end();
  };
  for (ObjectId id : step.implied) {
    const lint::CatalogObject& taken = c.catalog.object(id);
    if (taken.kind() != ObjectKind::column || taken.parent == lint::k_no_object ||
        taken_whole(taken.parent) || c.created_by_up(id) || !taken.alive_at(start)) {
      continue;
    }
    const lint::ObjectRef& ref = taken.ref_at(start);
    ObjectId again = c.catalog.find(ref, after);
    if ((again != lint::k_no_object && c.taken.count(again) == 0) || c.down_creates(ref)) continue;
    lint::ObjectRef table = c.catalog.object(taken.parent).ref_at(start);
    if (c.down_creates(table)) continue;
    missing.push_back(describe(ref));
    auto type = lint::column_type_before(c.project, c.catalog, id, step.tick);
    if (type) {
      adds.push_back("ALTER TABLE " + sql_name(table) + " ADD COLUMN " +
                     quote_identifier(ref.name) + " " + type->display() + ";");
    }
  }
  // The attributes of composite types made by CREATE TYPE ... AS (...) and not altered since.
  const lint::CatalogObject& dropped = c.catalog.object(step.object);
  const lint::ObjectRef& dropped_ref = dropped.ref_at(start);
  const auto& down = c.pair.down_file->all_statements();
  for (const lint::DependencyEdge& edge : dropped.dependents) {
    if (edge.source != lint::DependencySource::attribute || !edge.alive_at(start)) continue;
    const lint::CatalogObject& composite = c.catalog.object(edge.object);
    if (taken_whole(edge.object) || c.created_by_up(edge.object) || !composite.alive_at(start) ||
        !composite.alive_at(after)) {
      continue;
    }
    const lint::Statement* made = lint::statement_at(c.project, composite.created);
    if (made == nullptr || !made->node.is("CompositeTypeStmt") ||
        !lint::changes_before(c.project, composite, start).empty()) {
      continue;
    }
    const lint::ObjectRef& type = composite.ref_at(start);
    if (c.down_creates(type)) continue;
    for (lint::Node attribute : made->node.list("coldeflist")) {
      lint::NodeList names = attribute.get("typeName").list("names");
      if (names.empty() || lint::truncate_identifier(names.back().as_str()) != dropped_ref.name) {
        continue;
      }
      std::string name = lint::truncate_identifier(attribute.str("colname"));
      // ALTER TYPE t ADD ATTRIBUTE name ... in the down.
      bool added = std::any_of(down.begin(), down.end(), [&](const lint::Statement* statement) {
        if (!statement->node.is("AlterTableStmt") ||
            lint::truncate_identifier(lint::relation_name(statement->node.get("relation")).name) !=
                type.name) {
          return false;
        }
        for (lint::Node command : statement->node.list("cmds")) {
          if (command.str("subtype") == "AT_AddColumn" &&
              lint::truncate_identifier(command.get("def").str("colname")) == name) {
            return true;
          }
        }
        return false;
      });
      if (added) continue;
      missing.push_back("attribute " + quote_identifier(name) + " of " + describe(type));
      adds.push_back("ALTER TYPE " + sql_name(type) + " ADD ATTRIBUTE " + quote_identifier(name) +
                     " " + lint::column_type(attribute.get("typeName")).display() + ";");
    }
  }
  if (missing.empty()) return;
  bool one = missing.size() == 1;
  std::string how =
      adds.size() == missing.size() ? " (" + lint::join_strings(adds, " ") + ")" : std::string();
  c.report(step,
           "the up's DROP ... CASCADE of " + describe(dropped_ref) + " also drops " +
               lint::join_strings(missing, ", ") + ", which existed before the up (PostgreSQL " +
               "keeps the table or type and drops the column of that type), but the down " +
               "does not add " + (one ? "it" : "them") + " back",
           std::string("add ") + (one ? "it" : "them") + " back in the down after making " +
               describe(dropped_ref) + " again" + how +
               " (the values are gone), or declare the down irreversible (`-- "
               "sqlgate:irreversible <reason>`)");
}

// What goes with an object the up drops: the indexes and constraints that use a column (DROP
// COLUMN takes them), and the indexes, constraints, triggers, policies and rules of a table,
// view or materialized view. Each that existed before the up must be there again after the
// down: made again by the up and left alone by the down, or made again by the down. The parts
// of a relation are judged when the down creates the relation again under its name (not there
// again, it is the drop's own finding); a table the down makes again (and the up does not) is
// compared whole, its constraints and indexes with it.
void check_taken_along(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& dropped = c.catalog.object(step.object);
  ObjectKind kind = dropped.kind();
  bool column = kind == ObjectKind::column;
  if (!column && !lint::is_relation(kind)) return;
  lint::Tick start = c.pair.up_replay->start;
  lint::Tick after = c.pair.up_replay->end;
  // Whether an object of that name is there after the down: made again by the up and not taken
  // by the down, or made again by the down.
  auto there_again = [&](const lint::ObjectRef& ref) {
    ObjectId again = c.catalog.find(ref, after);
    return (again != lint::k_no_object && c.taken.count(again) == 0) || c.down_creates(ref);
  };
  const lint::ObjectRef& ref = dropped.ref_at(start);
  bool table_compared = false;
  if (!column) {
    // Judged when the down creates it under its name: a relation made under another name and
    // renamed (a table rebuilt) has parts named after the other name.
    if (c.down_created(ref) == nullptr) return;
    table_compared = kind == ObjectKind::table && c.catalog.find(ref, after) == lint::k_no_object &&
                     c.down_created(ref) != nullptr;
  }
  std::vector<std::string> missing;
  std::vector<std::string> statements;  // how the migrations made them, when short
  bool made_by_up = false;              // one of them the up made again, and the down took
  for (ObjectId id : step.implied) {
    const lint::CatalogObject& taken = c.catalog.object(id);
    ObjectKind part = taken.kind();
    if (column) {
      if (part != ObjectKind::index && part != ObjectKind::constraint) continue;
    } else {
      if (part != ObjectKind::index && part != ObjectKind::constraint &&
          part != ObjectKind::trigger && part != ObjectKind::policy && part != ObjectKind::rule) {
        continue;
      }
      if (!part_of(c.catalog, id, step.object)) continue;
      // Named by PostgreSQL (an inline constraint, a constraint's index): the down's CREATE
      // names its own after the relation's name then, which an earlier rename may have changed.
      if (taken.implicit) continue;
      if (table_compared && (part == ObjectKind::index || part == ObjectKind::constraint)) {
        continue;
      }
    }
    if (c.created_by_up(id)) continue;
    const lint::ObjectRef& part_ref = taken.ref_at(start);
    if (there_again(part_ref)) continue;
    made_by_up = made_by_up || c.catalog.find(part_ref, after) != lint::k_no_object;
    missing.push_back(describe(part_ref));
    const lint::ParsedFile* file = c.project.parsed(taken.created.file);
    const lint::Statement* made = lint::statement_at(c.project, taken.created);
    if (file != nullptr && made != nullptr && !made->node.is("CreateStmt") &&
        !made->node.is("AlterTableStmt") && made->range.end - made->range.begin <= 300) {
      statements.push_back("`" + std::string(file->slice(made->range)) + ";`");
    }
  }
  if (missing.empty()) return;
  bool one = missing.size() == 1;
  std::string how =
      statements.size() == missing.size()
          ? ": " + lint::join_strings(statements, " ")
          : std::string(", as the migrations that made ") + (one ? "it" : "them") + " did";
  const lint::ObjectRef& now = dropped.ref_at(step.tick);
  if (column) {
    c.report(step,
             "the up drops " + describe(now) + " and with it " + lint::join_strings(missing, ", ") +
                 ", which existed before it, but the down does not create " +
                 (one ? "it" : "them") + " again" +
                 (!made_by_up ? ""
                  : one       ? " (the up makes it again, but the down's DROP takes that one)"
                              : " (the down's DROP takes those the up makes again)"),
             "create " + std::string(one ? "it" : "each") +
                 " again in the down after adding the column back" + how);
    return;
  }
  c.report(step,
           "the down makes " + describe(ref) + " again without " +
               lint::join_strings(missing, ", ") + ", which " + (one ? "it" : "they") +
               " had before the up dropped it: after a rollback " + (one ? "it is" : "they are") +
               " gone",
           "create " + std::string(one ? "it" : "each") + " again in the down after making " +
               describe(ref) + " again" + how);
}

// A column the up renames, which the down drops and adds again under its old name (a rename
// written as drop and add, as Alembic's autogenerate writes it): its DROP COLUMN takes the
// constraints and indexes on the column, which the new column has only if the down makes them
// again. Renaming the column back keeps them (and its rows).
void check_renamed_column_replaced(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& column = c.catalog.object(step.object);
  if (column.kind() != ObjectKind::column) return;
  lint::Tick start = c.pair.up_replay->start;
  const lint::ObjectRef& before = column.ref_at(start);
  const lint::ObjectRef& now = column.ref_at(c.pair.up_replay->end);
  if (before.name == now.name || !c.down_creates(before)) return;
  std::vector<ObjectId> parts;
  std::unordered_set<std::string> constraints;
  for (const lint::CatalogStep* down : c.down_steps.of(step.object)) {
    if (down->effect.action != Action::drop) continue;
    for (ObjectId id : down->implied) {
      ObjectKind kind = c.catalog.object(id).kind();
      if (kind != ObjectKind::constraint && kind != ObjectKind::index) continue;
      if (c.created_by_up(id)) continue;
      parts.push_back(id);
      if (kind == ObjectKind::constraint)
        constraints.insert(c.catalog.object(id).ref_at(start).name);
    }
  }
  std::vector<std::string> missing;
  for (ObjectId id : parts) {
    const lint::ObjectRef& ref = c.catalog.object(id).ref_at(start);
    // A key's index goes and comes with its constraint.
    if (ref.kind == ObjectKind::index && constraints.count(ref.name) != 0) continue;
    if (c.down_creates(ref)) continue;
    missing.push_back(describe(ref));
  }
  if (missing.empty()) return;
  bool one = missing.size() == 1;
  c.report(step,
           "the up renames " + describe(before) + " to " + quote_identifier(now.name) +
               " and the down drops it and adds a new column " + quote_identifier(before.name) +
               ": the DROP COLUMN takes " + lint::join_strings(missing, ", ") +
               " with it, which the down does not make again",
           "rename the column back instead (`ALTER TABLE " + parent_sql(now) + " RENAME COLUMN " +
               quote_identifier(now.name) + " TO " + quote_identifier(before.name) +
               ";` keeps its constraints, indexes and rows), or create " + (one ? "it" : "each") +
               " again in the down after adding the column");
}

// Applies to what roles hold on the object the statements of a file that change it, in order.
void replay_privileges(Context& c, Privileges& held, const lint::ParsedFile& file,
                       const StepsByObject& steps, ObjectId id) {
  const lint::CatalogObject& object = c.catalog.object(id);
  pairing::replay_privileges(held, file, c.broad_privilege_statements(file), steps.of(id),
                             object.kind(), object.ref_at(c.pair.up_replay->end).schema);
}

// The up revokes privileges on an object an earlier migration made: what a role held there
// before the up (an earlier GRANT, or what PUBLIC holds on every new object of the kind) and
// no longer holds after the up must be given back by the down (or by the up itself, later).
void check_privileges_back(Context& c, const lint::CatalogStep& step) {
  Privileges before = privileges_before(c.project, c.catalog, step.object, c.pair.up_replay->start);
  Privileges held = before;
  replay_privileges(c, held, *c.pair.up_file, c.up_steps, step.object);
  std::vector<Privilege> lost;
  for (const Privilege& privilege : before) {
    if (!holds(held, privilege)) lost.push_back(privilege);
  }
  if (lost.empty()) return;
  replay_privileges(c, held, *c.pair.down_file, c.down_steps, step.object);
  std::erase_if(lost, [&](const Privilege& privilege) { return holds(held, privilege); });
  if (lost.empty()) return;
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  const lint::Statement& revoking = *c.pair.up_file->all_statements()[step.statement];
  c.report(step,
           "the up revokes " + privileges_words(lost) + " on " + describe(ref) +
               ", held before it, but the down does not grant " +
               (lost.size() == 1 ? "it" : "them") + " back",
           "add `" + grant_sql(revoking.node, ref, lost) + "` to the down");
}

// REVOKE ... CASCADE (of privileges, or of the grant option for them) also revokes what the
// roles granted others through the grant option, and what those granted in turn (a GRANT run
// under SET ROLE of the grantor). What a role held that way before the up goes, and the down
// must grant it back as the role that granted it.
void check_cascaded_grants(Context& c, const lint::CatalogStep& step) {
  const lint::Node& revoke = c.pair.up_file->all_statements()[step.statement]->node;
  if (revoke.str("behavior") != "DROP_CASCADE") return;
  const lint::CatalogObject& object = c.catalog.object(step.object);
  ObjectKind kind = object.kind();
  std::set<std::string> privileges = object_privileges(revoke, kind);
  std::vector<std::string> revoked_roles = role_names(revoke.list("grantees"));
  std::set<std::string> grantors(revoked_roles.begin(), revoked_roles.end());
  // What the earlier migrations granted through the option (what the up grants before the
  // REVOKE goes with it: the up leaves nothing of it).
  lint::Tick start = c.pair.up_replay->start;
  Privileges before = privileges_before(c.project, c.catalog, step.object, start);
  struct Lost {
    std::string grantor;
    Privilege privilege;
    bool option = false;  // held WITH GRANT OPTION
  };
  std::vector<Lost> lost;
  for (const lint::ObjectChange& change : lint::changes_before(c.project, object, start)) {
    const lint::Origin& origin = change.origin;
    const lint::ParsedFile& file = *c.project.parsed(origin.file);
    const lint::Node& node = change.statement->node;
    if (!node.is("GrantStmt") || !node.flag("is_grant")) continue;
    std::optional<std::string> grantor = session_role(file, origin.statement);
    if (!grantor || grantors.count(*grantor) == 0) continue;
    for (const std::string& grantee : role_names(node.list("grantees"))) {
      for (const std::string& privilege : object_privileges(node, kind)) {
        if (privileges.count(privilege) == 0 || grantors.count(grantee) != 0) continue;
        if (!holds(before, {grantee, privilege, {}})) continue;
        lost.push_back({*grantor, {grantee, privilege, {}}, node.flag("grant_option")});
      }
      // Granted on with the option: what it grants goes too.
      if (node.flag("grant_option")) grantors.insert(grantee);
    }
  }
  // The down's GRANTs on the object, each as the role it runs as.
  const auto& down = c.pair.down_file->all_statements();
  for (const lint::CatalogStep* grant : c.down_steps.of(step.object)) {
    if (grant->effect.change != Change::grant) continue;
    const lint::Node& node = down[grant->statement]->node;
    std::optional<std::string> as = session_role(*c.pair.down_file, grant->statement);
    std::set<std::string> given = object_privileges(node, kind);
    std::erase_if(lost, [&](const Lost& entry) {
      return as == entry.grantor && given.count(entry.privilege.privilege) != 0 &&
             lists_role(node.list("grantees"), entry.privilege.role);
    });
  }
  if (lost.empty()) return;
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  // Per grantor, in the order they granted: what the down grants as it.
  std::vector<std::string> order;
  for (const Lost& entry : lost) {
    if (std::find(order.begin(), order.end(), entry.grantor) == order.end()) {
      order.push_back(entry.grantor);
    }
  }
  std::string what;
  std::string help = "after giving " + revoked_roles.front() + " its grant option back, add `";
  for (const std::string& grantor : order) {
    std::vector<Privilege> of_grantor;
    help += "SET ROLE " + grantor + "; ";
    for (bool option : {false, true}) {
      std::vector<Privilege> some;
      for (const Lost& entry : lost) {
        if (entry.grantor == grantor && entry.option == option) some.push_back(entry.privilege);
      }
      if (some.empty()) continue;
      of_grantor.insert(of_grantor.end(), some.begin(), some.end());
      std::string grant = grant_sql(revoke, ref, some);
      // Each GRANT statement of it ends with ';'.
      for (std::size_t at = grant.find(';'); option && at != std::string::npos;
           at = grant.find(';', at + 19)) {
        grant.insert(at, " WITH GRANT OPTION");
      }
      help += grant + " ";
    }
    if (!what.empty()) what += ", and ";
    what += privileges_words(of_grantor);
    what += " (granted by ";
    what += grantor;
    what += ')';
  }
  help += "RESET ROLE;` to the down";
  c.report(step,
           "the up's REVOKE ... CASCADE also revokes " + what + " on " + describe(ref) +
               ", granted through the grant option before the up, but the down does not grant " +
               (lost.size() == 1 ? "it" : "them") + " back as the role that granted " +
               (lost.size() == 1 ? "it" : "them"),
           help);
}

// A REVOKE of the down (ON ALL TABLES IN SCHEMA too) that takes from a role what it held on an
// object before the up, which the up did not take (that is check_privileges_back's): after a
// rollback the role has lost it.
void check_privileges_lost(Context& c) {
  std::unordered_set<ObjectId> seen;
  lint::Tick start = c.pair.up_replay->start;
  for (const lint::CatalogStep& step : c.pair.down_replay->steps) {
    if (step.effect.change != Change::revoke || step.object == lint::k_no_object) continue;
    if (!seen.insert(step.object).second || c.created_by_up(step.object)) continue;
    const lint::CatalogObject& object = c.catalog.object(step.object);
    if (!object.alive_at(start)) continue;
    Privileges before = privileges_before(c.project, c.catalog, step.object, start);
    if (before.empty()) continue;
    Privileges held = before;
    replay_privileges(c, held, *c.pair.up_file, c.up_steps, step.object);
    Privileges after_up = held;
    replay_privileges(c, held, *c.pair.down_file, c.down_steps, step.object);
    std::vector<Privilege> lost;
    for (const Privilege& privilege : before) {
      if (holds(after_up, privilege) && !holds(held, privilege)) lost.push_back(privilege);
    }
    if (lost.empty()) continue;
    const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
    const lint::Statement& revoking = *c.pair.down_file->all_statements()[step.statement];
    c.out.report(*c.pair.down_file, statement_range(*c.pair.down_file, step.statement),
                 "the down revokes " + privileges_words(lost) + " on " + describe(ref) +
                     ", held before the up: after a rollback " +
                     (lost.size() == 1 ? "it is" : "they are") + " gone",
                 "revoke only what the up granted, or grant it back after: `" +
                     grant_sql(revoking.node, ref, lost) + "`");
  }
}

// A GRANT of the down (ON ALL TABLES IN SCHEMA too: each table there) of a privilege a role did
// not hold on the object before the up, and that the up did not take from it: after a rollback
// the role has what it never had (anon can read a table). What the up revoked from a role the
// migrations never gave it is left alone: the role may hold it from outside them (a platform's
// default privileges), and the up's REVOKE says it did; not so for PUBLIC, whose privileges on a
// new object PostgreSQL sets. A GRANT to the object's owner, or to the role running the
// migrations (CURRENT_USER), gives nothing the owner does not have.
void check_privileges_gained(Context& c) {
  std::unordered_set<ObjectId> seen;
  lint::Tick start = c.pair.up_replay->start;
  const auto& down = c.pair.down_file->all_statements();
  for (const lint::CatalogStep& step : c.pair.down_replay->steps) {
    if (step.effect.change != Change::grant || step.object == lint::k_no_object) continue;
    if (!seen.insert(step.object).second || c.created_by_up(step.object)) continue;
    const lint::CatalogObject& object = c.catalog.object(step.object);
    if (!object.alive_at(start) || c.taken.count(step.object) != 0) continue;
    Privileges before = privileges_before(c.project, c.catalog, step.object, start);
    Privileges held = before;
    replay_privileges(c, held, *c.pair.up_file, c.up_steps, step.object);
    Privileges after_up = held;
    replay_privileges(c, held, *c.pair.down_file, c.down_steps, step.object);
    std::optional<std::string> owner = owner_before(c.project, c.catalog, step.object, start);
    std::vector<Privilege> gained;
    for (const Privilege& privilege : held) {
      if (holds(before, privilege) || holds(after_up, privilege) || privilege.role == owner ||
          privilege.role == "CURRENT_USER" || privilege.role == "CURRENT_ROLE" ||
          privilege.role == "SESSION_USER") {
        continue;
      }
      if (privilege.role != "PUBLIC") {
        // Whether the up takes it: it would not hold it after the up had it held it before.
        Privileges probe{privilege};
        replay_privileges(c, probe, *c.pair.up_file, c.up_steps, step.object);
        if (!holds(probe, privilege)) continue;
      }
      gained.push_back(privilege);
    }
    if (gained.empty()) continue;
    // Reported at the down's first GRANT on the object of one of them.
    std::size_t at = step.statement;
    for (const lint::CatalogStep* grant : c.down_steps.of(step.object)) {
      if (grant->effect.change != Change::grant) continue;
      const lint::Node& node = down[grant->statement]->node;
      Privileges given;
      apply_grant(given, node, object.kind());
      if (std::any_of(gained.begin(), gained.end(),
                      [&](const Privilege& privilege) { return holds(given, privilege); })) {
        at = grant->statement;
        break;
      }
    }
    const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
    std::set<std::string> roles;
    for (const Privilege& privilege : gained) roles.insert(privilege.role);
    std::string what = roles.size() == 1 ? (gained.size() == 1 ? "the role has a privilege it"
                                                               : "the role has privileges it")
                                         : "the roles have privileges they";
    c.out.report(*c.pair.down_file, statement_range(*c.pair.down_file, at),
                 "the down grants " + privileges_words(gained, "to") + " on " + describe(ref) +
                     ", not held before the up: after a rollback " + what + " did not have",
                 "grant back only what the up took, or add `" +
                     revoke_privileges_sql(down[at]->node, ref, gained) + "` after it");
  }
}

// Whether the statement that made the table lists all its columns: a CREATE TABLE without LIKE,
// INHERITS, OF type or PARTITION OF, which take columns from elsewhere.
bool lists_columns(const lint::Statement* made) {
  if (made == nullptr || !made->node.is("CreateStmt")) return false;
  const lint::Node& node = made->node;
  if (!node.list("inhRelations").empty() || node.has("ofTypename") || node.has("partbound")) {
    return false;
  }
  for (lint::Node element : node.list("tableElts")) {
    if (element.is("TableLikeClause")) return false;
  }
  return true;
}

// Whether the up drops, alters or renames a column of that name of the table, without IF EXISTS,
// where no migration made one: it was there before the up all the same, made outside the
// migrations sqlgate replays (a file it does not take as a migration, say), or the up fails.
bool up_expects_column(const Context& c, const lint::CatalogObject& table,
                       const std::string& name) {
  for (const lint::CatalogStep& step : c.pair.up_replay->steps) {
    const lint::Effect& effect = step.effect;
    if (effect.object.kind != ObjectKind::column || effect.object.name != name ||
        step.object != lint::k_no_object || effect.if_exists || effect.action == Action::create ||
        effect.action == Action::use) {
      continue;
    }
    if (effect.object.parent == table.ref_at(step.tick).name) return true;
  }
  return false;
}

// ADD COLUMN in the down of a column the table did not have before the up (the up added and
// dropped it, or never had it): after a rollback the table has a column it did not have. Judged
// on tables an earlier migration made with a list of their columns, for the column as the down
// leaves it (not dropped again, under its last name).
void check_columns_added(Context& c) {
  lint::Tick start = c.pair.up_replay->start;
  const auto& steps = c.pair.down_replay->steps;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const lint::CatalogStep& step = steps[k];
    const lint::Effect& effect = step.effect;
    if (effect.action != Action::create || step.existed ||
        effect.object.kind != ObjectKind::column) {
      continue;
    }
    lint::ObjectRef table_ref;
    table_ref.schema = effect.object.schema;
    table_ref.name = effect.object.parent;
    ObjectId table = c.catalog.find(table_ref, c.pair.up_replay->end);
    if (table == lint::k_no_object || c.taken.count(table) != 0) continue;
    const lint::CatalogObject& made = c.catalog.object(table);
    if (made.kind() != ObjectKind::table || made.created.tick >= start || !made.alive_at(start)) {
      continue;
    }
    if (!lists_columns(lint::statement_at(c.project, made.created))) continue;
    // What the rest of the down does to it: dropped, or renamed.
    std::string name = effect.object.name;
    bool dropped = false;
    for (std::size_t later = k + 1; later < steps.size() && !dropped; ++later) {
      const lint::Effect& next = steps[later].effect;
      if (next.object.kind != ObjectKind::column || next.object.parent != table_ref.name ||
          next.object.name != name) {
        continue;
      }
      if (next.action == Action::drop) dropped = true;
      if (next.action == Action::rename && !next.new_name.empty()) name = next.new_name;
    }
    if (dropped) continue;
    lint::ObjectRef column = made.ref_at(start);
    column.kind = ObjectKind::column;
    column.parent = column.name;
    column.name = name;
    if (c.catalog.find(column, start) != lint::k_no_object) continue;  // there before the up
    if (up_expects_column(c, made, name)) continue;
    lint::ObjectRef now = effect.object;
    now.name = name;
    c.out
        .report(*c.pair.down_file, statement_range(*c.pair.down_file, step.statement),
                "the down adds " + describe(now) +
                    ", which did not exist before the up: after a rollback the table has a "
                    "column it did not have",
                "leave the column out of the down (and what uses it), or drop it before the "
                "down ends: `" +
                    drop_sql(now) + "`")
        .related(*c.project.parsed(made.created.file),
                 statement_range(*c.project.parsed(made.created.file), made.created.statement),
                 "where the table was made");
  }
}

// A GRANT of the up run as another role (after SET ROLE a: a grants through its grant option).
// While a's grant stands, a REVOKE of the privilege (or of its grant option) from a without
// CASCADE fails: PostgreSQL refuses it ("dependent privileges exist"). The grant goes with a
// REVOKE from its grantee run as a (a REVOKE run as another role does not take it), or with a
// REVOKE ... CASCADE from a. Reports the down's first REVOKE that fails so (the up's own are
// followed), or a REVOKE from the grantee run as another role, which leaves the grant; true when
// it did, or when the up and the down take the grant back whole (then there is nothing to add).
bool check_dependent_revoke(Context& c, const lint::CatalogStep& step) {
  const lint::ParsedFile& up = *c.pair.up_file;
  std::optional<std::string> grantor = session_role(up, step.statement);
  if (!grantor) return false;
  const lint::Node& grant = up.all_statements()[step.statement]->node;
  if (!grant.is("GrantStmt") || !grant.flag("is_grant")) return false;
  ObjectKind kind = c.catalog.object(step.object).kind();
  std::set<std::pair<std::string, std::string>> standing;  // (grantee, privilege)
  for (const std::string& grantee : role_names(grant.list("grantees"))) {
    for (const std::string& privilege : object_privileges(grant, kind)) {
      standing.emplace(grantee, privilege);
    }
  }
  // The up's REVOKEs on the object after the GRANT, then the down's.
  std::vector<std::pair<const lint::ParsedFile*, std::size_t>> revokes;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other->statement > step.statement && other->effect.change == Change::revoke) {
      revokes.emplace_back(&up, other->statement);
    }
  }
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (other->effect.change == Change::revoke) {
      revokes.emplace_back(c.pair.down_file, other->statement);
    }
  }
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  for (const auto& [file, index] : revokes) {
    const lint::Node& revoke = file->all_statements()[index]->node;
    if (!revoke.is("GrantStmt") || revoke.flag("is_grant")) continue;
    std::set<std::string> privileges = object_privileges(revoke, kind);
    std::vector<std::string> from = role_names(revoke.list("grantees"));
    if (session_role(*file, index) == grantor) {
      std::erase_if(standing, [&](const std::pair<std::string, std::string>& entry) {
        return privileges.count(entry.second) != 0 &&
               std::find(from.begin(), from.end(), entry.first) != from.end();
      });
      continue;
    }
    if (std::find(from.begin(), from.end(), *grantor) == from.end()) continue;
    bool cascade = revoke.str("behavior") == "DROP_CASCADE";
    std::vector<Privilege> dependent;
    for (const auto& entry : standing) {
      if (privileges.count(entry.second) != 0) dependent.push_back({entry.first, entry.second, {}});
    }
    if (cascade) {
      std::erase_if(standing, [&](const std::pair<std::string, std::string>& entry) {
        return privileges.count(entry.second) != 0;
      });
      continue;
    }
    if (dependent.empty()) continue;
    if (file != c.pair.down_file) return false;  // the up fails first: invalid-ddl's
    ++c.reported;
    bool one = dependent.size() == 1;
    std::string undo = "SET ROLE " + *grantor + "; " +
                       revoke_privileges_sql(grant, ref, dependent) + " RESET ROLE;";
    c.out
        .report(*file, statement_range(*file, index),
                "the down's REVOKE from " + *grantor + " on " + describe(ref) +
                    " fails: the up, as " + *grantor + " (SET ROLE), grants " +
                    privileges_words(dependent, "to") +
                    " through its grant option, and PostgreSQL refuses to revoke a privilege "
                    "others hold through it without CASCADE (\"dependent privileges exist\")",
                "add CASCADE to the REVOKE, which revokes what " + *grantor +
                    " granted too; or "
                    "revoke " +
                    (one ? "that grant" : "those grants") + " before it, as " + *grantor +
                    " (a REVOKE run as another role does not take a grant " + *grantor +
                    " made): `" + undo + "`")
        .related(up, statement_range(up, step.statement), "the up's GRANT as " + *grantor);
    return true;
  }
  // Taken back whole (as a, or with CASCADE from a): nothing left to revoke.
  if (standing.empty()) return true;
  // A REVOKE from the grantee run as another role, which leaves a's grant: what the down seems to
  // revoke stays.
  for (const auto& [file, index] : revokes) {
    const lint::Node& revoke = file->all_statements()[index]->node;
    if (file != c.pair.down_file || !revoke.is("GrantStmt") || revoke.flag("is_grant") ||
        session_role(*file, index) == grantor) {
      continue;
    }
    std::set<std::string> privileges = object_privileges(revoke, kind);
    std::vector<std::string> from = role_names(revoke.list("grantees"));
    std::vector<Privilege> kept;
    for (const auto& entry : standing) {
      if (privileges.count(entry.second) != 0 &&
          std::find(from.begin(), from.end(), entry.first) != from.end()) {
        kept.push_back({entry.first, entry.second, {}});
      }
    }
    if (kept.empty()) continue;
    ++c.reported;
    c.out
        .report(*file, statement_range(*file, index),
                "the down's REVOKE does not take back what the up granted as " + *grantor +
                    " (SET ROLE) on " + describe(ref) + ": " + privileges_words(kept, "to") +
                    ", whose grantor is " + *grantor +
                    "; a REVOKE run as another role revokes only the grants that role made",
                "revoke it as " + *grantor + ": `SET ROLE " + *grantor + "; " +
                    revoke_privileges_sql(grant, ref, kept) + " RESET ROLE;`, or revoke from " +
                    *grantor + " with CASCADE")
        .related(up, statement_range(up, step.statement), "the up's GRANT as " + *grantor);
    return true;
  }
  return false;
}

// A GRANT of the up on an object an earlier migration made: what it gives a role, privilege by
// privilege and column by column, that the role did not hold before the up must be gone after
// the up and the down (a REVOKE of those privileges, REVOKE ALL, ON ALL ... IN SCHEMA, DROP OWNED
// BY). A REVOKE of other privileges, or of other columns, leaves it. What a role held before
// the up (PUBLIC's EXECUTE on a function, an earlier GRANT) the GRANT does not change.
void check_grant_taken_back(Context& c, const lint::CatalogStep& step,
                            std::set<std::size_t>& schema_wide) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  const lint::Statement& granting = *c.pair.up_file->all_statements()[step.statement];
  Privileges given;
  apply_grant(given, granting.node, object.kind());
  if (given.empty()) return;
  Privileges before = privileges_before(c.project, c.catalog, step.object, c.pair.up_replay->start);
  Privileges held = before;
  replay_privileges(c, held, *c.pair.up_file, c.up_steps, step.object);
  replay_privileges(c, held, *c.pair.down_file, c.down_steps, step.object);
  std::vector<Privilege> left;
  std::vector<std::string> roles;
  for (const std::string& role : role_names(granting.node.list("grantees"))) {
    for (const Privilege& privilege : given) {
      if (privilege.role != role || holds(before, privilege) || !holds(held, privilege)) continue;
      left.push_back(privilege);
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    }
  }
  if (left.empty()) return;
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  bool one = left.size() == 1;
  if (step.effect.all_in_schema) {
    // Once per statement, at the first object it reached.
    if (!schema_wide.insert(step.statement).second) return;
    c.report(step,
             "the up grants " + privileges_words(left, "to") + " on every " +
                 std::string(ref.kind == ObjectKind::sequence ? "sequence"
                             : lint::is_routine(ref.kind)     ? "routine"
                                                              : "table") +
                 " in schema " + quote_identifier(ref.schema) + " (" + describe(ref) +
                 " among them) but the down does not revoke " + (one ? "it" : "them"),
             "add `" + revoke_in_schema_sql(granting.node, roles) + "` to the down");
    return;
  }
  // Granted as another role (SET ROLE): only a REVOKE run as that role takes it.
  std::string revoke = revoke_privileges_sql(granting.node, ref, left);
  if (auto grantor = session_role(*c.pair.up_file, step.statement)) {
    revoke = "SET ROLE " + *grantor + "; " + revoke + " RESET ROLE;";
  } else {
    // A role the up's GRANTs run as (SET ROLE) passed it on: without CASCADE the REVOKE fails.
    bool passed_on = false;
    for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
      if (other->effect.change != Change::grant) continue;
      auto as = session_role(*c.pair.up_file, other->statement);
      passed_on = passed_on || (as && std::find(roles.begin(), roles.end(), *as) != roles.end());
    }
    for (std::size_t at = revoke.find(';'); passed_on && at != std::string::npos;
         at = revoke.find(';', at + 9)) {
      revoke.insert(at, " CASCADE");
    }
  }
  c.report(step,
           "the up grants " + privileges_words(left, "to") + " on " + describe(ref) +
               " but the down does not revoke " + (one ? "it" : "them"),
           "add `" + revoke + "` to the down");
}

// ALTER CONSTRAINT of a constraint an earlier migration made ([NOT] DEFERRABLE, INITIALLY ...):
// the down sets back the timing it had before the up. An up that ends with the timing it found
// changes nothing.
void check_timing_back(Context& c, const lint::CatalogStep& step) {
  lint::Tick start = c.pair.up_replay->start;
  const lint::CatalogObject& object = c.catalog.object(step.object);
  auto before = timing_before(c.project, c.catalog, step.object, start);
  const lint::CatalogStep* last = &step;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other->effect.change == Change::constraint_timing) last = other;
  }
  auto now = timing_set_by(*c.pair.up_file->all_statements()[last->statement],
                           object.ref_at(last->tick).name);
  if (before && now && *before == *now) return;
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  std::string undo =
      timing_undo_sql(c.project, c.catalog, step.object, start)
          .value_or("ALTER TABLE " + parent_sql(ref) + " ALTER CONSTRAINT " +
                    quote_identifier(ref.name) + " <DEFERRABLE or NOT DEFERRABLE, as it was>;");
  if (const lint::CatalogStep* back = c.down_step(step.object, Change::constraint_timing)) {
    auto again = timing_set_by(*c.pair.down_file->all_statements()[back->statement], ref.name);
    if (!before || !again || *before == *again) return;
    c.report(step,
             "the down makes " + describe(ref) + " " + timing_sql(*again) +
                 ", but before the up it was " + timing_sql(*before),
             "write `" + undo + "` in the down");
    return;
  }
  c.report(step,
           "the up makes " + describe(ref) + " " +
               (now ? timing_sql(*now) : std::string("deferred otherwise")) +
               (before ? " (it was " + timing_sql(*before) + ")" : std::string()) +
               " but the down does not set it back",
           "add `" + undo + "` to the down");
}

// The value an ALTER TABLE gives a column's storage or compression (`setting`: "storage" or
// "compression") by the column's name then: "external", "lz4"; nullopt when it sets none.
std::optional<std::string> column_setting_value(const lint::Statement* statement,
                                                const std::string& column,
                                                std::string_view setting) {
  if (statement == nullptr || !statement->node.is("AlterTableStmt")) return std::nullopt;
  std::string_view subtype = setting == "storage" ? "AT_SetStorage" : "AT_SetCompression";
  std::optional<std::string> value;
  for (lint::Node command : statement->node.list("cmds")) {
    if (command.str("subtype") == subtype &&
        lint::truncate_identifier(command.str("name")) == column) {
      value = std::string(command.get("def").as_str());
    }
  }
  return value;
}

// ALTER COLUMN ... TYPE gives the column its new type's storage (pg_attribute.attstorage, from
// typstorage) and no compression method, whatever SET STORAGE or SET COMPRESSION an earlier
// migration gave it (its statistics target and options are kept). The down sets them again,
// after its own ALTER COLUMN ... TYPE back.
void check_storage_reset(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  std::vector<lint::Origin> changes = changed_between(object, c.pair.up_replay->start);
  // The storage the column's type gives (pg_type.typstorage), for the common built-in types.
  auto type = lint::column_type_before(c.project, c.catalog, step.object, step.tick);
  std::optional<std::string_view> type_storage;
  if (type && type->schema.empty()) {
    static const std::unordered_map<std::string_view, std::string_view> k_storage = {
        {"text", "extended"},     {"varchar", "extended"}, {"bpchar", "extended"},
        {"bytea", "extended"},    {"json", "extended"},    {"jsonb", "extended"},
        {"xml", "extended"},      {"numeric", "main"},     {"inet", "main"},
        {"cidr", "main"},         {"int2", "plain"},       {"int4", "plain"},
        {"int8", "plain"},        {"float4", "plain"},     {"float8", "plain"},
        {"bool", "plain"},        {"date", "plain"},       {"timestamp", "plain"},
        {"timestamptz", "plain"}, {"uuid", "plain"}};
    if (type->array) {
      type_storage = "extended";
    } else if (auto found = k_storage.find(type->name); found != k_storage.end()) {
      type_storage = found->second;
    }
  }
  for (std::string_view setting : {"storage", "compression"}) {
    // The earlier migrations' last SET of it, unless a TYPE change came after it.
    std::optional<std::string> before;
    for (const lint::Origin& origin : changes) {
      for (const auto& other : c.catalog.steps_at(origin.file, origin.statement)) {
        if (other.object != step.object) continue;
        if (other.effect.change == Change::set_type) before.reset();
        if (other.effect.change == Change::column_setting) {
          auto value = column_setting_value(lint::statement_at(c.project, origin),
                                            other.effect.object.name, setting);
          if (value) before = *value == "default" ? std::nullopt : value;
        }
      }
    }
    if (!before) continue;
    // The storage the type gives anyway, once the down has given the column its type back.
    if (setting == "storage" && type_storage && *before == *type_storage) continue;
    // Set again by the up after its TYPE change: the usual check of settings judges it.
    auto sets_again = [&](const StepsByObject& steps, const lint::ParsedFile& file) {
      bool again = false;
      for (const lint::CatalogStep* other : steps.of(step.object)) {
        if (other->effect.change == Change::set_type) again = false;
        if (other->effect.change == Change::column_setting &&
            column_setting_value(file.all_statements()[other->statement], other->effect.object.name,
                                 setting)) {
          again = true;
        }
      }
      return again;
    };
    if (sets_again(c.up_steps, *c.pair.up_file) || sets_again(c.down_steps, *c.pair.down_file)) {
      continue;
    }
    const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
    std::string value = *before;
    for (char& ch : value) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string clause = setting == "storage" ? "STORAGE " + value : "COMPRESSION " + *before;
    c.report(step,
             "the up's ALTER COLUMN ... TYPE gives " + describe(ref) + " its new type's " +
                 std::string(setting) + ", not the " + clause +
                 " an earlier migration set, and the down does not set it again",
             "add `ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " + quote_identifier(ref.name) +
                 " SET " + clause + ";` to the down, after its ALTER COLUMN ... TYPE",
             true);
  }
}

// Kinds whose whole definition is one statement, which a down writes back to restore one.// Kinds
// whose whole definition is one statement, which a down writes back to restore one.
bool defined_whole(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::function:
    case ObjectKind::procedure:
    case ObjectKind::aggregate:
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return true;
    default:
      return false;
  }
}

// How a CREATE FUNCTION (or PROCEDURE) `now` differs from `was` in what callers see besides
// the body: the parameters' names, modes, types and defaults, and the result type. Empty when
// alike there, or when either is not a CREATE FUNCTION.
std::vector<std::string> signature_differences(const lint::Node& was, const lint::Node& now) {
  std::vector<std::string> differences;
  if (!was.is("CreateFunctionStmt") || !now.is("CreateFunctionStmt")) return differences;
  auto type_of = [](const lint::Node& type) -> std::optional<std::string> {
    if (!type.valid() || type.flag("pct_type")) return std::nullopt;
    std::string text = type.flag("setof") ? "setof " : "";
    text += lint::canonical_type(type);
    return text;
  };
  auto mode_of = [](const lint::Node& parameter) {
    std::string_view mode = parameter.str("mode");
    return mode.empty() || mode == "FUNC_PARAM_DEFAULT" ? std::string_view("FUNC_PARAM_IN") : mode;
  };
  lint::NodeList before = was.list("parameters");
  lint::NodeList after = now.list("parameters");
  if (before.size() != after.size()) {
    differences.push_back(std::to_string(after.size()) + " parameters where it had " +
                          std::to_string(before.size()));
    return differences;
  }
  for (std::size_t i = 0; i < before.size(); ++i) {
    lint::Node old_parameter = before[i];
    lint::Node parameter = after[i];
    std::string old_name = lint::truncate_identifier(old_parameter.str("name"));
    std::string name = lint::truncate_identifier(parameter.str("name"));
    std::string which = "parameter " + std::to_string(i + 1);
    if (name != old_name) {
      differences.push_back(
          which + (name.empty() ? " is unnamed" : " is named " + name) +
          (old_name.empty() ? " where it had no name" : " where it was named " + old_name));
    } else if (!name.empty()) {
      which += " (" + name + ")";
    }
    if (mode_of(parameter) != mode_of(old_parameter)) {
      differences.push_back(which + " has another mode (IN, OUT, INOUT, VARIADIC)");
    }
    auto type = type_of(parameter.get("argType"));
    auto old_type = type_of(old_parameter.get("argType"));
    if (type && old_type && *type != *old_type) {
      differences.push_back(which + " is of type " + *type + " where it was " + *old_type);
    }
    bool has_default = parameter.has("defexpr");
    if (has_default != old_parameter.has("defexpr")) {
      differences.push_back(which + (has_default ? " has a default where it had none"
                                                 : " has no default where it had one"));
    } else if (has_default &&
               !lint::same_tree(parameter.get("defexpr"), old_parameter.get("defexpr"))) {
      differences.push_back(which + " has another default");
    }
  }
  auto result = type_of(now.get("returnType"));
  auto old_result = type_of(was.get("returnType"));
  if (result && old_result && *result != *old_result) {
    differences.push_back("it returns " + *result + " where it returned " + *old_result);
  }
  return differences;
}

// A routine's attributes (apply_routine_settings()) before the up: as its last definition before
// it and the ALTER FUNCTIONs after that left them.
Parameters attributes_before(const Context& c, const lint::CatalogObject& object,
                             const Definition& earlier) {
  Parameters values;
  apply_routine_settings(values, earlier.statement->node);
  for (const lint::Origin& origin : changed_between(object, c.pair.up_replay->start)) {
    if (origin.tick <= earlier.origin.tick) continue;
    if (const lint::Statement* statement = lint::statement_at(c.project, origin)) {
      apply_routine_settings(values, statement->node);
    }
  }
  return values;
}

// The ALTER that gives a routine the attributes it had (`want`) where `have` differs, with
// `what` listing them; empty when alike.
std::string attributes_back(const lint::ObjectRef& ref, const Parameters& want,
                            const Parameters& have, std::string* what = nullptr) {
  std::set<std::string> keys;
  for (const auto& [key, value] : want) keys.insert(key);
  for (const auto& [key, value] : have) keys.insert(key);
  std::vector<std::string> back;
  for (const std::string& key : keys) {
    auto wanted = want.find(key);
    auto had = have.find(key);
    std::optional<std::string> a = wanted == want.end() ? std::nullopt : wanted->second;
    std::optional<std::string> b = had == have.end() ? std::nullopt : had->second;
    if (a != b) back.push_back(attribute_sql(key, a));
  }
  if (back.empty()) return {};
  if (what != nullptr) *what = lint::join_strings(back, ", ");
  return "ALTER " + sql_keyword(ref.kind) + " " + sql_name(ref) + " " +
         lint::join_strings(back, " ") + ";";
}

// A routine the up defines anew in place, whose attributes after the down (the up's and the
// down's CREATE OR REPLACE and ALTER, in order) are not those it had before the up: CREATE OR
// REPLACE gives each attribute it does not write its default, so the SECURITY DEFINER or SET
// search_path an earlier ALTER FUNCTION gave is lost unless the down sets it again.
void check_attributes_restored(Context& c, const lint::CatalogStep& step,
                               const lint::ObjectRef& ref, const Definition& earlier) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  Parameters before = attributes_before(c, object, earlier);
  Parameters after = before;
  std::set<std::size_t> seen;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (seen.insert(other->statement).second) {
      apply_routine_settings(after, c.pair.up_file->all_statements()[other->statement]->node);
    }
  }
  std::vector<const lint::CatalogStep*> down = c.down_steps.of(step.object);
  if (const lint::CatalogStep* made = c.down_created(ref); made && made->object != step.object) {
    const auto& again = c.down_steps.of(made->object);
    down.insert(down.end(), again.begin(), again.end());
    std::sort(down.begin(), down.end(), [](const lint::CatalogStep* a, const lint::CatalogStep* b) {
      return a->statement < b->statement;
    });
  }
  seen.clear();
  for (const lint::CatalogStep* other : down) {
    if (seen.insert(other->statement).second) {
      apply_routine_settings(after, c.pair.down_file->all_statements()[other->statement]->node);
    }
  }
  std::string what;
  std::string back = attributes_back(ref, before, after, &what);
  if (back.empty()) return;
  c.report(step,
           "after the down, " + describe(ref) + " does not have the attributes it had before the " +
               "up (" + what + "): CREATE OR REPLACE gives each attribute it does not write " +
               "its default, and the down does not set them again",
           "set them again in the down, after its CREATE OR REPLACE: `" + back + "`", true);
}

// A function, view, trigger... an earlier migration defined, which the up defines anew: with
// CREATE OR REPLACE (`now` is `step.object`), or by dropping it and creating it again (`now` is
// the new object). The down writes the earlier definition back; a down that drops the object, or
// leaves it, or writes the up's definition again, loses it. A definition written alike (up to
// spacing, comments, case, OR REPLACE and IF NOT EXISTS) changes nothing and is left alone.
void check_definition_restored(Context& c, const lint::CatalogStep& step, ObjectId now) {
  const lint::ObjectRef& ref = c.catalog.object(now).ref_at(c.pair.up_replay->end);
  auto earlier = last_definition(c.project, c.catalog.object(step.object), step.tick);
  auto current = last_definition(c.project, c.catalog.object(now), c.pair.up_replay->end);
  if (!earlier || !current) return;
  bool in_place = now == step.object && lint::is_routine(ref.kind);
  if (same_definition(*earlier->file, *earlier->statement, *current->file, *current->statement)) {
    if (in_place) check_attributes_restored(c, step, ref, *earlier);
    return;
  }
  std::string what =
      "the up " +
      std::string(now == step.object ? "replaces the definition of " : "drops and creates again ") +
      describe(ref) + ", which an earlier migration defined, but the down ";
  if (const lint::CatalogStep* made = c.down_created(ref)) {
    // Written back: as it was, or otherwise (only a routine's signature judged: parameter
    // names, defaults, result), unless as the up defines it.
    const lint::Statement& written = *c.pair.down_file->all_statements()[made->statement];
    if (!same_definition(*current->file, *current->statement, *c.pair.down_file, written)) {
      auto differences = signature_differences(earlier->statement->node, written.node);
      if (differences.empty()) {
        if (in_place) check_attributes_restored(c, step, ref, *earlier);
        return;
      }
      what += "makes it again otherwise than it was before the up: " +
              lint::join_strings(differences, "; ");
    } else {
      what += "makes it again as the up defines it, not as it was before";
    }
  } else if (c.down_creates(ref)) {
    return;  // renamed to it: a definition not followed
  } else if (c.taken.count(now) != 0) {
    what += "drops it instead of writing the earlier definition back: after a rollback it is gone";
  } else {
    what += "does not write the earlier definition back";
  }
  // CREATE OR REPLACE cannot take columns from a view or change a function's result type: the
  // down drops the up's version first, unless the up replaced a routine in place.
  std::string text(earlier->file->slice(earlier->statement->range));
  constexpr std::size_t k_quoted = 400;
  std::string definition = text.size() <= k_quoted
                               ? "`" + text + ";`"
                               : "(the statement shown as the earlier definition)";
  // The attributes later ALTERs gave it, which that definition alone does not.
  if (lint::is_routine(ref.kind)) {
    Parameters alone;
    apply_routine_settings(alone, earlier->statement->node);
    std::string back =
        attributes_back(ref, attributes_before(c, c.catalog.object(step.object), *earlier), alone);
    if (!back.empty()) definition += ", then `" + back + "`";
  }
  c.report(
       step, what,
       "in the down, " +
           (in_place ? std::string() : "drop the up's version (`" + drop_sql(ref) + "`), then ") +
           "write back the definition " + earlier->file->display() + " made: " + definition +
           " (or declare the down irreversible: `-- sqlgate:irreversible <reason>`)")
      .related(*earlier->file, earlier->statement->range, "the earlier definition");
}

// What a policy's definition says: the roles it applies to, USING and WITH CHECK (invalid when
// absent), and the statement that last wrote each.
struct PolicyState {
  std::vector<std::string> roles;
  lint::Node using_expression;
  lint::Node check_expression;
  const lint::Statement* wrote[3] = {nullptr, nullptr, nullptr};
  const lint::ParsedFile* file[3] = {nullptr, nullptr, nullptr};
};

constexpr std::string_view k_policy_fields[3] = {"roles", "qual", "with_check"};

// Applies a CREATE POLICY (every field) or an ALTER POLICY (the fields it writes).
void apply_policy(PolicyState& state, const lint::ParsedFile* file,
                  const lint::Statement& statement) {
  const lint::Node& node = statement.node;
  bool create = node.is("CreatePolicyStmt");
  if (!create && !node.is("AlterPolicyStmt")) return;
  for (std::size_t i = 0; i < 3; ++i) {
    if (!create && !node.has(k_policy_fields[i])) continue;
    if (i == 0) {
      state.roles = role_names(node.list("roles"));
      std::sort(state.roles.begin(), state.roles.end());
    } else {
      (i == 1 ? state.using_expression : state.check_expression) = node.get(k_policy_fields[i]);
    }
    state.wrote[i] = &statement;
    state.file[i] = file;
  }
}

bool same_expression(const lint::Node& a, const lint::Node& b) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  return lint::same_terms(a, b);
}

// The fields (indexes into k_policy_fields) on which two states differ.
std::vector<std::size_t> policy_differences(const PolicyState& a, const PolicyState& b) {
  std::vector<std::size_t> found;
  if (a.roles != b.roles) found.push_back(0);
  if (!same_expression(a.using_expression, b.using_expression)) found.push_back(1);
  if (!same_expression(a.check_expression, b.check_expression)) found.push_back(2);
  return found;
}

// An ALTER POLICY of a policy an earlier migration made: the down sets back the roles, USING and
// WITH CHECK it changes, to what the CREATE POLICY (or the last earlier ALTER POLICY) wrote.
void check_policy_back(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  lint::Tick start = c.pair.up_replay->start;
  // Before the up: its CREATE POLICY, then the earlier ALTER POLICYs in order.
  const lint::Statement* made = lint::statement_at(c.project, object.created);
  if (made == nullptr || !made->node.is("CreatePolicyStmt") || object.created.tick >= start) {
    return;
  }
  PolicyState before;
  apply_policy(before, c.project.parsed(object.created.file), *made);
  for (const lint::Origin& origin : changed_between(object, start)) {
    if (const lint::Statement* statement = lint::statement_at(c.project, origin)) {
      apply_policy(before, c.project.parsed(origin.file), *statement);
    }
  }
  // After the up.
  PolicyState up = before;
  const auto& up_statements = c.pair.up_file->all_statements();
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    apply_policy(up, c.pair.up_file, *up_statements[other->statement]);
  }
  std::vector<std::size_t> changed = policy_differences(before, up);
  if (changed.empty()) return;  // set to what it was already
  // After the down: its ALTER POLICYs, or the policy made again (then altered).
  const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->end);
  PolicyState down = up;
  std::vector<const lint::CatalogStep*> steps = c.down_steps.of(step.object);
  const lint::CatalogStep* remade = c.down_created(ref);
  if (remade != nullptr && remade->object != step.object) {
    steps.push_back(remade);
    for (const lint::CatalogStep* other : c.down_steps.of(remade->object)) steps.push_back(other);
  } else if (remade == nullptr && c.taken.count(step.object) != 0) {
    return;  // dropped: not this finding's
  }
  std::sort(steps.begin(), steps.end());  // all point into the down's steps, in file order
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  const auto& down_statements = c.pair.down_file->all_statements();
  for (const lint::CatalogStep* other : steps) {
    apply_policy(down, c.pair.down_file, *down_statements[other->statement]);
  }
  std::vector<std::size_t> left;
  for (std::size_t field : policy_differences(before, down)) {
    if (std::find(changed.begin(), changed.end(), field) != changed.end()) left.push_back(field);
  }
  if (left.empty()) return;
  constexpr std::string_view k_words[3] = {"TO", "USING", "WITH CHECK"};
  std::vector<std::string> words;
  for (std::size_t field : left) words.emplace_back(k_words[field]);
  bool wrote = steps.size() > 0 && policy_differences(up, down).size() > 0;
  std::string message = "the up changes " + lint::join_strings(words, ", ") + " of " +
                        describe(ref) + ", which an earlier migration defined, but the down ";
  message += wrote ? "sets it otherwise than it was before the up" : "does not set it back";
  // The earlier statements that wrote those fields, quoted.
  std::string help = "in the down, set " + lint::join_strings(words, ", ") +
                     " back as the earlier migrations wrote ";
  help += left.size() > 1 ? "them" : "it";
  help += " (`ALTER POLICY " + quote_identifier(ref.name) + " ON " + parent_sql(ref) + " ...`): ";
  std::vector<const lint::Statement*> quoted;
  constexpr std::size_t k_quoted = 400;
  bool first = true;
  for (std::size_t field : left) {
    const lint::Statement* statement = before.wrote[field];
    if (std::find(quoted.begin(), quoted.end(), statement) != quoted.end()) continue;
    quoted.push_back(statement);
    std::string text(before.file[field]->slice(statement->range));
    if (!first) help += "; ";
    first = false;
    help += text.size() <= k_quoted ? "`" + text + ";`"
                                    : "(the statement of " + before.file[field]->display() + ")";
  }
  auto builder = c.report(step, message, help);
  for (std::size_t field : left) {
    builder.related(*before.file[field], before.wrote[field]->range, "the earlier definition");
  }
}

// Where a partition hangs: attached or not, to which table, with which bounds, as written where.
struct Attachment {
  bool attached = false;
  std::string parent;
  lint::Node bound;  // PartitionBoundSpec
  const lint::ParsedFile* file = nullptr;
  const lint::Statement* statement = nullptr;
};

// Applies what a statement does to the partition's attachment (named `name` then): CREATE TABLE
// ... PARTITION OF, ATTACH PARTITION, DETACH PARTITION. Returns whether it did anything.
bool apply_attachment(Attachment& state, const lint::ParsedFile* file,
                      const lint::Statement& statement, const std::string& name) {
  const lint::Node& node = statement.node;
  if (node.is("CreateStmt")) {
    if (!node.has("partbound") || node.list("inhRelations").empty()) return false;
    state = {true, lint::truncate_identifier(node.list("inhRelations").front().str("relname")),
             node.get("partbound"), file, &statement};
    return true;
  }
  if (!node.is("AlterTableStmt")) return false;
  bool did = false;
  for (lint::Node command : node.list("cmds")) {
    std::string_view type = command.str("subtype");
    if (type != "AT_AttachPartition" && type != "AT_DetachPartition") continue;
    lint::Node partition = command.get("def");
    if (lint::truncate_identifier(partition.get("name").str("relname")) != name) continue;
    if (type == "AT_AttachPartition") {
      state = {true, lint::truncate_identifier(node.get("relation").str("relname")),
               partition.get("bound"), file, &statement};
    } else {
      state.attached = false;
    }
    did = true;
  }
  return did;
}

bool same_bounds(const lint::Node& a, const lint::Node& b) {
  if (a.flag("is_default") != b.flag("is_default") || a.num("modulus") != b.num("modulus") ||
      a.num("remainder") != b.num("remainder")) {
    return false;
  }
  for (std::string_view field : {"listdatums", "lowerdatums", "upperdatums"}) {
    lint::Node x = a.get(field);
    lint::Node y = b.get(field);
    if (x.valid() != y.valid() || (x.valid() && !lint::same_terms(x, y))) return false;
  }
  return true;
}

// The bound as written: from FOR VALUES (or DEFAULT) to the end of the statement, or to what
// follows the bound in a CREATE TABLE.
std::string bound_text(const Attachment& state) {
  auto location = state.bound.location();
  if (!location || !state.statement->exact) return "<the bounds it had>";
  std::uint32_t begin = state.statement->offset(location);
  std::string text(state.file->slice({begin, state.statement->range.end}));
  std::string upper = text;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (std::string_view tail : {" PARTITION BY ", " WITH (", " USING ", " TABLESPACE ", ","}) {
    auto at = upper.find(tail);
    // A comma inside the bound's parentheses is the bound's.
    if (tail == "," && at != std::string::npos && upper.find(')', at) != std::string::npos) {
      continue;
    }
    if (at != std::string::npos) text.resize(at);
  }
  // The bound's location is that of FROM, IN or WITH, after FOR VALUES.
  if (!state.bound.flag("is_default") && !upper.starts_with("FOR ")) text = "FOR VALUES " + text;
  return text;
}

// A DETACH PARTITION of a partition an earlier migration attached: the down attaches it back to
// the same table with the bounds it had.
void check_partition_back(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& object = c.catalog.object(step.object);
  lint::Tick start = c.pair.up_replay->start;
  if (object.created.tick >= start) return;
  Attachment before;
  std::vector<lint::Origin> origins = changed_between(object, start);
  origins.insert(origins.begin(), object.created);
  for (const lint::Origin& origin : origins) {
    if (const lint::Statement* statement = lint::statement_at(c.project, origin)) {
      apply_attachment(before, c.project.parsed(origin.file), *statement,
                       object.ref_at(origin.tick).name);
    }
  }
  if (!before.attached) return;  // not known attached before the up
  // The up ends with it detached?
  Attachment up = before;
  const auto& up_statements = c.pair.up_file->all_statements();
  std::set<std::size_t> seen;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (!seen.insert(other->statement).second) continue;
    apply_attachment(up, c.pair.up_file, *up_statements[other->statement],
                     object.ref_at(other->tick).name);
  }
  if (up.attached) return;  // attached again by the up (judged as any other change)
  Attachment down = up;
  const auto& down_statements = c.pair.down_file->all_statements();
  seen.clear();
  // The down's steps all have the tick after the up: follow its renames for the name it has.
  std::string name = object.ref_at(c.pair.up_replay->end).name;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (seen.insert(other->statement).second) {
      apply_attachment(down, c.pair.down_file, *down_statements[other->statement], name);
    }
    if (other->effect.action == Action::rename && !other->effect.new_name.empty()) {
      name = other->effect.new_name;
    }
  }
  // Named as the down leaves it: the name ATTACH PARTITION takes at its end.
  lint::ObjectRef ref = object.ref_at(c.pair.up_replay->end);
  ref.name = name;
  std::string attach = "ALTER TABLE " + quote_identifier(before.parent) + " ATTACH PARTITION " +
                       sql_name(ref) + " " + bound_text(before) + ";";
  if (!down.attached) {
    c.report(step,
             "the up detaches " + describe(ref) + " from " + quote_identifier(before.parent) +
                 " but the down does not attach it back",
             "add `" + attach + "` to the down")
        .related(*before.file, before.statement->range, "where it was attached");
    return;
  }
  if (down.parent == before.parent && same_bounds(down.bound, before.bound)) return;
  c.report(step,
           "the down attaches " + describe(ref) + " again " +
               (down.parent != before.parent
                    ? "to " + quote_identifier(down.parent) + ", but it was a partition of " +
                          quote_identifier(before.parent)
                    : std::string("with other bounds than it had")) +
               " before the up detached it",
           "attach it as it was: `" + attach + "`")
      .related(*before.file, before.statement->range, "where it was attached");
}

// ALTER TYPE ... RENAME VALUE of an enum an earlier migration made: the down renames each label
// back (the up's renames followed one after the other, then the down's).
void check_values_renamed(Context& c, const lint::CatalogStep& step) {
  struct Label {
    std::string was;
    std::string now;
    const lint::CatalogStep* renamed = nullptr;  // the up's first rename of it
  };
  std::vector<Label> labels;
  auto rename = [&](const lint::ParsedFile& file, const lint::CatalogStep& other, bool add) {
    const lint::Node& node = file.all_statements()[other.statement]->node;
    std::string from(node.str("oldVal"));
    std::string to(node.str("newVal"));
    for (Label& label : labels) {
      if (label.now == from) {
        label.now = to;
        return;
      }
    }
    if (add) labels.push_back({from, to, &other});
  };
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other->effect.change == Change::rename_value) rename(*c.pair.up_file, *other, true);
  }
  std::vector<Label> after_up = labels;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (other->effect.change == Change::rename_value) rename(*c.pair.down_file, *other, false);
  }
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const Label& label = labels[k];
    if (label.now == label.was) continue;
    std::string help = "add `ALTER TYPE " + sql_name(ref) + " RENAME VALUE " +
                       lint::sql_literal(label.now) + " TO " + lint::sql_literal(label.was) +
                       ";` to the down";
    std::string message = "the up renames value " + lint::sql_literal(label.was) + " of enum " +
                          sql_name(ref) + " to " + lint::sql_literal(after_up[k].now);
    if (label.now == after_up[k].now) {
      message += " but the down does not rename it back";
    } else {
      message += " and the down renames it to " + lint::sql_literal(label.now) + ", not back";
    }
    c.report(*label.renamed, message, help);
  }
}

// Whether the up step is the DETACH PARTITION of its object.
bool detaches(const Context& c, const lint::CatalogStep& step) {
  const lint::Statement& statement = *c.pair.up_file->all_statements()[step.statement];
  if (!statement.node.is("AlterTableStmt")) return false;
  const std::string& name = c.catalog.object(step.object).ref_at(step.tick).name;
  for (lint::Node command : statement.node.list("cmds")) {
    if (command.str("subtype") != "AT_DetachPartition") continue;
    lint::Node partition = command.get("def");
    if (lint::truncate_identifier(partition.get("name").str("relname")) == name) return true;
  }
  return false;
}

// Whether the step is the up's first DETACH PARTITION of its object.
bool first_detach(const Context& c, const lint::CatalogStep& step) {
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (other == &step) return true;
    if (other->effect.change == Change::detach_partition && detaches(c, *other)) return false;
  }
  return true;
}

// Whether a domain was NOT NULL before the tick: its last ALTER DOMAIN ... SET / DROP NOT NULL,
// else its CREATE DOMAIN; nullopt when something else made it.
std::optional<bool> domain_not_null_before(const lint::Project& project,
                                           const lint::Catalog& catalog, ObjectId domain,
                                           lint::Tick tick) {
  auto last = last_change_before(catalog, domain, tick, [](Change change) {
    return change == Change::set_not_null || change == Change::drop_not_null;
  });
  if (last) return last->step->effect.change == Change::set_not_null;
  lint::Node definition = domain_definition(project, catalog, domain);
  if (!definition.valid()) return std::nullopt;
  bool not_null = false;
  for (lint::Node constraint : definition.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_NOTNULL") not_null = true;
  }
  return not_null;
}

// ALTER DOMAIN ... SET / DROP NOT NULL of a domain an earlier migration made: after the down it
// is NOT NULL if and only if it was before the up (an up that sets what it had, or sets and
// drops it again, changes nothing). Judged once per domain, at the up's first; returns false when
// the migrations do not say what it was (each step is then judged by itself).
bool check_domain_not_null(Context& c, const lint::CatalogStep& step) {
  auto before = domain_not_null_before(c.project, c.catalog, step.object, c.pair.up_replay->start);
  if (!before) return false;
  auto not_null_step = [](const lint::CatalogStep* other) {
    return other->effect.change == Change::set_not_null ||
           other->effect.change == Change::drop_not_null;
  };
  bool after = *before;
  bool first = true;
  for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
    if (!not_null_step(other)) continue;
    if (first && other != &step) return true;  // judged at the up's first
    first = false;
    after = other->effect.change == Change::set_not_null;
  }
  bool down_writes = false;
  for (const lint::CatalogStep* other : c.down_steps.of(step.object)) {
    if (!not_null_step(other)) continue;
    down_writes = true;
    after = other->effect.change == Change::set_not_null;
  }
  if (after == *before) return true;
  const lint::ObjectRef& ref = c.catalog.object(step.object).ref_at(c.pair.up_replay->end);
  if (after) {
    c.report(
        step,
        down_writes
            ? "the down leaves " + describe(ref) + " NOT NULL, which it was not " + "before the up"
            : "the up sets " + describe(ref) + " NOT NULL but the down does not drop it",
        "add `ALTER DOMAIN " + sql_name(ref) + " DROP NOT NULL;` to the down");
  } else {
    // Warning: values written since may be NULL, and then the down cannot set it again.
    c.report(
        step,
        down_writes
            ? "the down leaves " + describe(ref) + " without the NOT NULL it had " + "before the up"
            : "the up drops NOT NULL from " + describe(ref) + " but the down does not set it again",
        "add `ALTER DOMAIN " + sql_name(ref) +
            " SET NOT NULL;` to the down, if values written since cannot be NULL",
        true);
  }
  return true;
}

// A column the up adds to a table with inheritance children (CREATE TABLE ... INHERITS), which
// ADD COLUMN adds to them too, and the down drops with ALTER TABLE ONLY: the children keep it, as
// a column of their own. Returns whether it reported.
bool check_dropped_only(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& column = c.catalog.object(step.object);
  for (const lint::CatalogStep* down : c.down_steps.of(step.object)) {
    if (down->effect.action != Action::drop) continue;
    const lint::Node& node = c.pair.down_file->all_statements()[down->statement]->node;
    if (!node.is("AlterTableStmt") || node.get("relation").flag("inh")) return false;
    std::vector<std::string> children;
    for (const lint::DependencyEdge& edge : c.catalog.object(column.parent).dependents) {
      const lint::CatalogObject& child = c.catalog.object(edge.object);
      if (edge.automatic || child.kind() != ObjectKind::table || !child.alive_at(down->tick) ||
          c.taken.count(edge.object) != 0) {
        continue;
      }
      const lint::Statement* made = lint::statement_at(c.project, child.created);
      if (made == nullptr || !made->node.is("CreateStmt") || made->node.has("partbound") ||
          made->node.list("inhRelations").empty()) {
        continue;
      }
      children.push_back(child.ref_at(down->tick).name);
    }
    if (children.empty()) return false;
    const lint::ObjectRef& ref = column.ref_at(c.pair.up_replay->end);
    c.report(step,
             "the up adds " + describe(ref) +
                 ", which ADD COLUMN adds to its inheritance "
                 "children too, but the down drops it with ALTER TABLE ONLY: " +
                 lint::join_strings(children, ", ") + (children.size() == 1 ? " keeps" : " keep") +
                 " it, as a column of its own",
             "drop it without ONLY in the down (`ALTER TABLE " + parent_sql(ref) + " DROP COLUMN " +
                 quote_identifier(ref.name) +
                 ";`), which takes the children's inherited column along");
    return true;
  }
  return false;
}

// Applies a statement's ADD and DROP ATTRIBUTE (ALTER TYPE of a composite type) to its attributes,
// in order: ADD ATTRIBUTE appends.
void apply_attributes(std::vector<std::string>& attributes, const lint::Node& node) {
  if (!node.is("AlterTableStmt") || node.str("objtype") != "OBJECT_TYPE") return;
  for (const lint::Node& command : node.list("cmds")) {
    std::string_view subtype = command.str("subtype");
    if (subtype == "AT_AddColumn") {
      std::string name = lint::truncate_identifier(command.get("def").str("colname"));
      if (std::find(attributes.begin(), attributes.end(), name) == attributes.end()) {
        attributes.push_back(name);
      }
    } else if (subtype == "AT_DropColumn") {
      std::string name = lint::truncate_identifier(command.str("name"));
      attributes.erase(std::remove(attributes.begin(), attributes.end(), name), attributes.end());
    }
  }
}

// Whether the statement renames an attribute (not followed here).
bool renames_attribute(const lint::Node& node) {
  return node.is("RenameStmt") && node.str("renameType") == "OBJECT_ATTRIBUTE";
}

// ALTER TYPE of a composite type an earlier migration made, whose attributes the down gives back
// in another order: a DROP ATTRIBUTE undone by ADD ATTRIBUTE, which appends. Composite values are
// read by position (ROW(...), '(...)'::t), so they then mean something else. Judged at the up's
// first ALTER of the type.
void check_attribute_order(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& type = c.catalog.object(step.object);
  const lint::Statement* made = lint::statement_at(c.project, type.created);
  if (made == nullptr || !made->node.is("CompositeTypeStmt")) return;
  std::vector<std::string> before;
  for (const lint::Node& column : made->node.list("coldeflist")) {
    before.push_back(lint::truncate_identifier(column.str("colname")));
  }
  for (const lint::Origin& change : type.changed) {
    if (change.tick >= c.pair.up_replay->start) break;
    const lint::Statement* statement = lint::statement_at(c.project, change);
    if (statement != nullptr) apply_attributes(before, statement->node);
  }
  std::vector<std::string> after = before;
  for (const auto* file : {c.pair.up_file, c.pair.down_file}) {
    const StepsByObject& steps = file == c.pair.up_file ? c.up_steps : c.down_steps;
    std::size_t last = static_cast<std::size_t>(-1);
    for (const lint::CatalogStep* other : steps.of(step.object)) {
      if (other->effect.action != Action::alter) return;  // dropped, renamed: not judged
      if (other->statement == last) continue;
      last = other->statement;
      apply_attributes(after, file->all_statements()[other->statement]->node);
    }
    for (const lint::Statement* statement : file->all_statements()) {
      if (renames_attribute(statement->node)) return;
    }
  }
  if (after == before) return;
  std::vector<std::string> sorted_before = before;
  std::vector<std::string> sorted_after = after;
  std::sort(sorted_before.begin(), sorted_before.end());
  std::sort(sorted_after.begin(), sorted_after.end());
  if (sorted_before != sorted_after) return;
  const lint::ObjectRef& ref = type.ref_at(c.pair.up_replay->start);
  c.report(step,
           "the up changes the attributes of " + describe(ref) +
               " and the down gives them back in "
               "another order, (" +
               lint::join_strings(after, ", ") + ") where they were (" +
               lint::join_strings(before, ", ") +
               "): ADD ATTRIBUTE appends, and composite values are read by position",
           "in the down, drop the attributes that came after the one added back and add them "
           "again after it, in their old order (their values in columns of the type are lost), "
           "or declare the down irreversible: `-- sqlgate:irreversible <reason>`");
}

// The schema an extension's members were in at a tick, read from its CREATE EXTENSION ... SCHEMA
// and the ALTER EXTENSION ... SET SCHEMA since; empty when no statement names one (it went to
// the first schema of the search path, or to the one its control file names).
std::string extension_schema(const Context& c, const lint::CatalogObject& extension,
                             lint::Tick at) {
  std::string schema;
  const lint::Statement* made = lint::statement_at(c.project, extension.created);
  if (made != nullptr && made->node.is("CreateExtensionStmt")) {
    for (lint::Node option : made->node.list("options")) {
      if (option.str("defname") == "schema") schema = option.get("arg").as_str();
    }
  }
  for (const lint::Origin& change : extension.changed) {
    if (change.tick >= at) break;
    const lint::Statement* statement = lint::statement_at(c.project, change);
    if (statement != nullptr && statement->node.is("AlterObjectSchemaStmt")) {
      schema = statement->node.str("newschema");
    }
  }
  return lint::truncate_identifier(schema);
}

// ALTER EXTENSION ... SET SCHEMA of an extension an earlier migration made (the extension is in
// no schema: its members move): the down moves them back where they were before the up.
void check_extension_move(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& extension = c.catalog.object(step.object);
  std::string before = extension_schema(c, extension, step.tick);
  std::string now;
  for (const lint::CatalogStep* up : c.up_steps.of(step.object)) {
    if (up->effect.action == Action::rename) now = up->effect.new_schema;
  }
  if (now.empty() || now == before) return;
  std::string back;
  for (const lint::CatalogStep* down : c.down_steps.of(step.object)) {
    if (down->effect.action == Action::rename) back = down->effect.new_schema;
  }
  // Where it was is not written: any move of the down is taken as the way back.
  if (!back.empty() && (before.empty() || back == before)) return;
  const lint::ObjectRef& ref = extension.ref_at(step.tick);
  std::string message = "the up moves " + describe(ref) + " to schema " + quote_identifier(now);
  if (back.empty()) {
    message += " but the down does not move it back";
  } else {
    message += " and the down moves it to schema " + quote_identifier(back) + ", not back to " +
               quote_identifier(before);
  }
  std::string help =
      "move it back in the down: `ALTER EXTENSION " + quote_identifier(ref.name) + " SET SCHEMA ";
  help += before.empty() ? "<the schema it was in>" : quote_identifier(before);
  help += ";`";
  c.report(step, message, help);
}

// ADD PRIMARY KEY (USING INDEX too) on a table an earlier migration made sets each key column
// NOT NULL, and DROP CONSTRAINT leaves them so: a column that was nullable before the up must be
// given DROP NOT NULL by the down, or rows with NULL in it cannot be written after a rollback.
void check_key_not_null(Context& c, const lint::CatalogStep& step) {
  const lint::CatalogObject& key = c.catalog.object(step.object);
  lint::Tick start = c.pair.up_replay->start;
  for (ObjectId id : c.catalog.object(key.parent).children) {
    const lint::CatalogObject& column = c.catalog.object(id);
    if (column.kind() != ObjectKind::column || !column.alive_at(step.tick) ||
        !column.alive_at(start) || c.created_by_up(id) || c.taken.count(id) != 0 ||
        !key_sets_not_null(c.project, c.catalog, step.object, id, start)) {
      continue;
    }
    // The up's own SET NOT NULL or DROP NOT NULL of it is judged for itself.
    if (std::any_of(c.up_steps.of(id).begin(), c.up_steps.of(id).end(),
                    [](const lint::CatalogStep* other) {
                      return other->effect.change == Change::set_not_null ||
                             other->effect.change == Change::drop_not_null;
                    }) ||
        c.down_does(id, Action::alter, Change::drop_not_null)) {
      continue;
    }
    const lint::ObjectRef& ref = column.ref_at(c.pair.up_replay->end);
    c.report(step,
             "the up's primary key " + quote_identifier(key.ref_at(step.tick).name) + " sets " +
                 describe(ref) +
                 " NOT NULL, which it was not before the up, but the down does not drop the NOT "
                 "NULL: dropping the key leaves the column NOT NULL",
             "add `ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " + quote_identifier(ref.name) +
                 " DROP NOT NULL;` to the down, after dropping the key");
  }
}

void check_pair(Context& c) {
  lint::Tick after = c.pair.up_replay->end;
  std::set<std::size_t> schema_wide;  // up statements ON ALL ... IN SCHEMA reported
  for (const auto& step : c.pair.up_replay->steps) {
    const lint::Effect& effect = step.effect;
    if (step.object == lint::k_no_object) continue;
    const lint::CatalogObject& object = c.catalog.object(step.object);
    bool gone = c.taken.count(step.object) != 0;
    if (effect.action == Action::create && !step.existed) {
      if (effect.part) continue;  // a constraint written inline in ADD COLUMN goes with it
      bool column = object.kind() == ObjectKind::column;
      if (!column && object.kind() != ObjectKind::constraint) continue;
      if (object.parent == lint::k_no_object || c.created_by_up(object.parent)) continue;
      if (object.kind() == ObjectKind::constraint && object.contype == 'p' &&
          c.taken.count(object.parent) == 0) {
        check_key_not_null(c, step);
      }
      if (column && gone && check_dropped_only(c, step)) continue;
      if (!object.alive_at(after) || gone) continue;
      // Dropped and added again under the same name (a constraint redefined): the down has to
      // restore the old definition, not drop it, and sqlgate cannot compare definitions.
      if (c.catalog.find(object.ref_at(after), c.pair.up_replay->start) != lint::k_no_object) {
        continue;
      }
      const lint::ObjectRef& ref = object.ref_at(after);
      c.report(step, std::string("the up adds ") + describe(ref) + " but the down does not drop it",
               "add `" + drop_sql(ref) + "` to the down");
    } else if (effect.action == Action::rename) {
      // Renamed out of the way and dropped later in the up: nothing to rename back.
      if (c.created_by_up(step.object) || !object.alive_at(after)) continue;
      if (gone) {
        if (c.first_action(step, Action::rename)) check_renamed_column_replaced(c, step);
        continue;
      }
      // Judged by the net effect, at the up's first rename of the object: the name it has after
      // the up's renames and then the down's must be the one it had before the up (a swap through
      // a temporary name, repeated by the down, is its own inverse).
      if (!c.first_action(step, Action::rename)) continue;
      // A key constraint and its index are renamed together: the pair is judged once, at the
      // up's first rename of either, and a rename of either in the down renames both back.
      ObjectId partner = c.catalog.key_partner(step.object, step.tick);
      std::vector<const lint::CatalogStep*> back = c.down_steps.of(step.object);
      if (partner != lint::k_no_object) {
        const auto& up = c.up_steps.of(partner);
        if (std::any_of(up.begin(), up.end(), [&](const lint::CatalogStep* other) {
              return other < &step && other->effect.action == Action::rename;
            })) {
          continue;
        }
        const auto& more = c.down_steps.of(partner);
        back.insert(back.end(), more.begin(), more.end());
        std::sort(back.begin(), back.end());  // both point into the down's steps: file order
      }
      if (object.kind() == ObjectKind::extension) {
        check_extension_move(c, step);
        continue;
      }
      const lint::ObjectRef& before = object.ref_at(step.tick);
      const lint::ObjectRef& now = object.ref_at(after);
      if (now.name == before.name && now.schema == before.schema) continue;  // back where it was
      std::string name = now.name;
      std::string schema = now.schema;
      for (const lint::CatalogStep* down : back) {
        if (down->effect.action != Action::rename) continue;
        if (!down->effect.new_name.empty()) name = down->effect.new_name;
        if (!down->effect.new_schema.empty()) schema = down->effect.new_schema;
      }
      if (name == before.name && schema == before.schema) continue;
      // A move to another schema under the same name is worded as one.
      bool moved = now.name == before.name;
      std::string message =
          "the up " + std::string(moved ? "moves " : "renames ") + describe(before) + " to ";
      if (!moved) message += quote_identifier(now.name);
      if (now.schema != before.schema) {
        if (!moved) message += " in ";
        message += "schema " + quote_identifier(now.schema);
      }
      if (name == now.name && schema == now.schema) {
        message +=
            moved ? " but the down does not move it back" : " but the down does not rename it back";
      } else if (name == before.name) {
        message +=
            " but the down leaves it in schema " + quote_identifier(schema) + ", not as it was";
      } else {
        message += " but the down leaves it named " + quote_identifier(name);
        if (schema != before.schema) message += " in schema " + quote_identifier(schema);
        message += ", not as it was";
      }
      std::string help = "rename it back in the down (ALTER ... ";
      if (name != before.name) {
        help += "RENAME " + quote_identifier(name) + " TO " + quote_identifier(before.name);
      }
      if (schema != before.schema) {
        if (name != before.name) help += ", then ";
        help += "SET SCHEMA " + quote_identifier(before.schema);
      }
      help += ")";
      c.report(step, message, help);
    } else if (effect.action == Action::alter && effect.change == Change::set_not_null) {
      // Dropped later by the up: the down makes it again as it was before the up.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (object.kind() == ObjectKind::domain && check_domain_not_null(c, step)) continue;
      // NOT NULL already before the up: PostgreSQL changed nothing, there is nothing to drop.
      if (object.kind() == ObjectKind::column &&
          was_not_null(c.project, c.catalog, step.object, c.pair.up_replay->start)) {
        continue;
      }
      if (c.down_does(step.object, Action::alter, Change::drop_not_null)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      std::string help = object.kind() == ObjectKind::domain
                             ? "add `ALTER DOMAIN " + sql_name(ref) + " DROP NOT NULL;` to the down"
                             : "add `ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " +
                                   quote_identifier(ref.name) + " DROP NOT NULL;` to the down";
      c.report(step, "the up sets " + describe(ref) + " NOT NULL but the down does not drop it",
               help);
    } else if (effect.action == Action::alter && object.kind() == ObjectKind::type &&
               effect.change == Change::other) {
      if (!c.created_by_up(step.object) && !gone && c.first_action(step, Action::alter)) {
        check_attribute_order(c, step);
      }
    } else if (effect.action == Action::alter && effect.change == Change::add_value) {
      if (c.created_by_up(step.object)) continue;
      // The usual way back: the type renamed away (or dropped) and created again without the
      // value, the columns converted to it.
      if ((gone || c.down_does(step.object, Action::rename)) &&
          c.down_creates(object.ref_at(after))) {
        continue;
      }
      c.report(step,
               "the up adds a value to " + describe(object.ref_at(after)) +
                   ", which PostgreSQL cannot remove: this down cannot reverse it",
               "declare it in the down: `-- sqlgate:irreversible <reason>` (or recreate the "
               "type without the value and convert every column that uses it)");
    } else if (effect.action == Action::alter && effect.change == Change::rename_value) {
      // The type dropped by the down (not its to drop: down-drops-foreign) or made again.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (c.down_does(step.object, Action::rename) && c.down_creates(object.ref_at(after))) {
        continue;
      }
      if (!c.first_change(step, Change::rename_value)) continue;  // judged at the first
      check_values_renamed(c, step);
    } else if (effect.action == Action::alter && effect.change == Change::drop_expression) {
      // Only dropping the column and adding it again makes it generated again.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      // IF EXISTS on a column not known to be generated may change nothing.
      if (effect.if_exists && !lint::generated_column(c.project, c.catalog, step.object)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      c.report(step,
               "the up makes generated " + describe(ref) +
                   " a plain column, which no ALTER makes generated again: this down cannot "
                   "reverse it",
               "drop the column and add it again with its GENERATED ALWAYS AS (...) STORED in the "
               "down, or declare the down irreversible (`-- sqlgate:irreversible <reason>`)");
    } else if (effect.action == Action::alter && effect.change == Change::set_type &&
               object.kind() == ObjectKind::column) {
      // Dropped later by the up: the down makes it again as it was before the up.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (!c.first_change(step, Change::set_type)) continue;  // judged at the up's first one
      check_storage_reset(c, step);
      const lint::ObjectRef& ref = object.ref_at(after);
      auto old_type = lint::column_type_before(c.project, c.catalog, step.object, step.tick);
      auto old_collation =
          lint::column_collation_before(c.project, c.catalog, step.object, step.tick);
      // The up ends with the type and collation it had (ALTER COLUMN ... TYPE text USING lower(c)
      // of a text column rewrites values, not the type; a type changed and changed back): nothing
      // for the down to change back. Each ALTER COLUMN ... TYPE gives both anew.
      const lint::CatalogStep* last = &step;
      for (const lint::CatalogStep* other : c.up_steps.of(step.object)) {
        if (other->effect.change == Change::set_type) last = other;
      }
      const lint::Statement& up_last = *c.pair.up_file->all_statements()[last->statement];
      const std::string& up_name = object.ref_at(last->tick).name;
      auto new_type = lint::type_set_by(up_last, up_name);
      auto new_collation = lint::collation_set_by(up_last, up_name);
      bool same_type = old_type && new_type && old_type->modifiers_known &&
                       new_type->modifiers_known && old_type->schema == new_type->schema &&
                       *old_type == *new_type;
      if (same_type && !lint::collations_differ(old_collation, new_collation)) continue;
      // The type to write back, with the collation the column had when that is not the type's
      // default (a TYPE without COLLATE gives the default).
      std::string old_definition = old_type ? old_type->display() : "<its old type>";
      if (old_type && old_collation && !old_collation->name.empty()) {
        auto by_default = lint::default_collation(*old_type);
        if (!by_default || lint::collations_differ(old_collation, by_default)) {
          old_definition += " COLLATE " + old_collation->sql();
        }
      }
      std::string back_sql = "ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " +
                             quote_identifier(ref.name) + " TYPE " + old_definition + ";";
      if (const lint::CatalogStep* back = c.down_step(step.object, Change::set_type)) {
        // The down changes it again: to the type and collation it had? The type by the name
        // the down leaves it with (a type it renames after converting the column).
        lint::Node written = lint::type_definition_set_by(
            *c.pair.down_file->all_statements()[back->statement], object.ref_at(back->tick).name);
        auto down_type = type_left_by_down(c, *back, object.ref_at(back->tick).name);
        auto down_collation = lint::defined_collation(written);
        if (differ(old_type, down_type)) {
          c.report(step,
                   "the down changes the type of " + describe(ref) + " to " + down_type->display() +
                       ", but it was " + old_type->display() + " before the up",
                   "change it back to " + old_definition + " in the down");
        } else if (lint::collations_differ(old_collation, down_collation)) {
          c.report(step,
                   "the down gives " + describe(ref) + " collation " + down_collation->sql() +
                       ", but it had " + old_collation->sql() + " before the up" +
                       (written.get("collClause").valid()
                            ? std::string()
                            : " (a TYPE without COLLATE gives the type's default collation)"),
                   "write `" + back_sql + "` in the down instead");
        }
        continue;
      }
      if (same_type) {
        // Only the collation changed: the column's comparisons and indexes follow it.
        c.report(step,
                 "the up changes the collation of " + describe(ref) + " from " +
                     old_collation->sql() + " to " + new_collation->sql() +
                     " but the down does not change it back",
                 "add `" + back_sql + "` to the down");
        continue;
      }
      c.report(step,
               "the up changes the type of " + describe(ref) +
                   (old_type ? " from " + old_type->display() : std::string()) +
                   " but the down does not change it back",
               "add `" + back_sql + "` to the down");
    } else if (effect.action == Action::alter &&
               (effect.change == Change::set_default || effect.change == Change::drop_default) &&
               (object.kind() == ObjectKind::column || object.kind() == ObjectKind::domain)) {
      // Dropped later by the up: the down makes it again as it was before the up.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (!c.first_change(step, Change::set_default) ||
          !c.first_change(step, Change::drop_default)) {
        continue;  // judged at the up's first one
      }
      // Whether it had a default before the up: 1, 0, or -1 when the migrations do not say.
      int had = -1;
      if (auto known = had_default(c.project, c.catalog, step.object, step.tick)) {
        had = *known ? 1 : 0;
      }
      const lint::CatalogStep* set = c.down_step(step.object, Change::set_default);
      const lint::CatalogStep* dropped = c.down_step(step.object, Change::drop_default);
      if (set != nullptr || dropped != nullptr) {
        // The down sets or drops it: as it was before the up?
        // The later step of the down (both point into its steps, in file order).
        bool down_sets = dropped == nullptr || (set != nullptr && set > dropped);
        if (had == 1 && down_sets) {
          // Another default than the one it had (compared by its terms)?
          lint::Origin where;
          lint::Node before =
              default_before(c.project, c.catalog, step.object, c.pair.up_replay->start, &where);
          lint::Node written = default_set_by(*c.pair.down_file->all_statements()[set->statement],
                                              object.ref_at(set->tick).name);
          lint::TermTypes types =
              default_types(c.project, c.catalog, step.object, c.pair.up_replay->start);
          lint::TermTypes before_types = types;
          before_types.relation = statement_relations(c.catalog, where.file, where.statement);
          types.relation = statement_relations(c.catalog, c.pair.down, set->statement);
          if (before.valid() && written.valid() &&
              !lint::same_terms(before, before_types, written, types)) {
            const lint::ObjectRef& ref = object.ref_at(after);
            c.report(step,
                     "the down sets another default on " + describe(ref) +
                         " than the one it had before the up",
                     "set the default the earlier migrations gave it back in the down");
          }
          continue;
        }
        if (had >= 0 && (had == 1) != down_sets) {
          const lint::ObjectRef& ref = object.ref_at(after);
          c.report(step,
                   had == 1 ? "the down drops the default of " + describe(ref) +
                                  ", which had one before the up"
                            : "the down sets a default on " + describe(ref) +
                                  ", which had none before the up",
                   had == 1 ? std::string("set the default it had back in the down")
                            : std::string("drop the default in the down"));
        }
        continue;
      }
      // No default before the up, none after it (set and dropped again) or none after the down
      // (its CASCADE took it), or the one it had set again: nothing changed.
      if (had == 0 && (!ends_with_default(c, step.object) || default_cascaded(c, step.object))) {
        continue;
      }
      if (had == 1 && default_set_back(c, step.object)) {
        continue;
      }
      const lint::ObjectRef& ref = object.ref_at(after);
      std::string alter =
          object.kind() == ObjectKind::domain
              ? "ALTER DOMAIN " + sql_name(ref)
              : "ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " + quote_identifier(ref.name);
      if (had == 1 && effect.change == Change::set_default && default_cascaded(c, step.object)) {
        c.report(step,
                 "the down's DROP ... CASCADE takes the default the up set on " + describe(ref) +
                     " with what it uses (PostgreSQL: \"drop cascades to default value for "
                     "column\"), but the column had a default before the up: after the down it "
                     "has none",
                 "add `" + alter + " SET DEFAULT <the old default>;` to the down after the DROP");
        continue;
      }
      c.report(step,
               std::string(effect.change == Change::set_default ? "the up sets the default of "
                                                                : "the up drops the default of ") +
                   describe(ref) + " but the down does not restore it",
               "add `" + alter + " SET DEFAULT <the old default>;` (or DROP DEFAULT when it had " +
                   "none) to the down");
    } else if (effect.action == Action::alter && effect.change == Change::drop_not_null) {
      // Dropped later by the up: the down makes it again as it was before the up.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (object.kind() == ObjectKind::domain && check_domain_not_null(c, step)) continue;
      if (c.down_does(step.object, Action::alter, Change::set_not_null)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      // A primary key the down adds on it sets it NOT NULL too.
      // (USING INDEX: the index's columns.)
      const lint::FileReplay& down = *c.pair.down_replay;
      bool keyed = false;
      for (std::size_t k = 0; k < down.steps.size() && object.kind() == ObjectKind::column; ++k) {
        const lint::Effect& made = down.steps[k].effect;
        if (made.action != Action::create || made.contype != 'p' ||
            made.object.parent != ref.parent) {
          continue;
        }
        std::vector<std::string> columns = down_key_columns(c.catalog, down, k);
        keyed = keyed || std::find(columns.begin(), columns.end(), ref.name) != columns.end();
      }
      if (keyed) continue;
      // Warning: rows written since may hold NULL, and then the down cannot set it again.
      c.report(
          step,
          "the up drops NOT NULL from " + describe(ref) + " but the down does not set it again",
          object.kind() == ObjectKind::domain
              ? "add `ALTER DOMAIN " + sql_name(ref) +
                    " SET NOT NULL;` to the down, if values written since cannot be NULL"
              : "add `ALTER TABLE " + parent_sql(ref) + " ALTER COLUMN " +
                    quote_identifier(ref.name) +
                    " SET NOT NULL;` to the down, if rows written since cannot hold NULL there",
          true);
    } else if (effect.action == Action::alter && row_security_switch(effect.change)) {
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      Change undo = *row_security_switch(effect.change);
      if (c.down_does(step.object, Action::alter, undo)) continue;
      if (switched_elsewhere(c, step, undo)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      c.report(
          step,
          "the up turns " + row_security_words(effect.change) + " for " + describe(ref) +
              " but the down does not turn it back",
          "add `ALTER TABLE " + sql_name(ref) + " " + row_security_sql(undo) + ";` to the down");
    } else if (effect.action == Action::alter && object.kind() == ObjectKind::policy &&
               c.pair.up_file->all_statements()[step.statement]->node.is("AlterPolicyStmt")) {
      if (c.created_by_up(step.object) || !object.alive_at(after)) continue;
      if (!c.first_change(step, effect.change)) continue;  // judged at the up's first one
      check_policy_back(c, step);
    } else if (effect.action == Action::alter && effect.change == Change::detach_partition &&
               object.kind() == ObjectKind::table && detaches(c, step)) {
      if (c.created_by_up(step.object) || c.taken.count(step.object) != 0 ||
          !object.alive_at(after)) {
        continue;
      }
      if (!first_detach(c, step)) continue;
      check_partition_back(c, step);
    } else if (effect.action == Action::alter && identity_step(c, step)) {
      // Dropped later by the up, or by the down: made again as it was, or down-incomplete's.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      check_identity_back(c, step);
    } else if (effect.action == Action::alter && effect.change == Change::constraint_timing) {
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (!c.first_change(step, Change::constraint_timing)) continue;  // judged at the first
      check_timing_back(c, step);
    } else if (effect.action == Action::alter && lint::is_setting(effect.change)) {
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      check_setting(c, step);
    } else if (effect.action == Action::alter && effect.change == Change::revoke) {
      // REVOKE of what a role held before the up: the down grants it back.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      check_cascaded_grants(c, step);
      if (!c.first_change(step, Change::revoke)) continue;  // judged once per object
      check_privileges_back(c, step);
    } else if (effect.action == Action::alter && effect.change == Change::grant) {
      // GRANT on something an earlier migration made: the down revokes it again.
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (check_dependent_revoke(c, step)) continue;
      check_grant_taken_back(c, step, schema_wide);
    } else if (effect.action == Action::create && step.existed && effect.or_replace) {
      // CREATE OR REPLACE of a function, view or trigger an earlier migration made: the down
      // writes the old definition back.
      if (c.created_by_up(step.object) || !object.alive_at(after)) continue;
      check_definition_restored(c, step, step.object);
      if (object.kind() == ObjectKind::trigger) check_trigger_mode_kept(c, step, step.object);
    } else if (effect.action == Action::drop && step.existed) {
      // Something that existed before the up, dropped by it: the down makes it again (an index,
      // a view, a function, a column...). What went with a dropped table is the table's.
      if (c.created_by_up(step.object)) continue;
      check_taken_along(c, step);
      check_cascade_taken(c, step);
      check_cascade_columns(c, step);
      // By the name it had before the up: a table rebuilt as new (renamed to _old, made again,
      // rows copied, the old one dropped) is there again under that name.
      const lint::ObjectRef& ref = object.ref_at(c.pair.up_replay->start);
      if (ObjectId again = c.catalog.find(ref, after); again != lint::k_no_object) {
        // Made again by the up.
        std::size_t reported = c.reported;
        check_redefined(c, step, ref);
        if (defined_whole(ref.kind) && c.catalog.object(again).kind() == ref.kind) {
          check_definition_restored(c, step, again);
          if (ref.kind == ObjectKind::trigger) check_trigger_mode_kept(c, step, again);
        }
        if (c.down_created(ref) != nullptr) check_comment_made_again(c, step, ref);
        // The up's one taken by the down, which makes it again (a serial's sequence dropped for
        // an identity's of the same name, and made again when the down drops the identity).
        if (ref.kind == ObjectKind::sequence && c.taken.count(again) != 0) {
          if (const lint::CatalogStep* made = c.down_created(ref)) {
            check_sequence_made_again(c, step, ref, *made);
          }
        }
        // Made again as it was (a view dropped for an ALTER COLUMN ... TYPE), and dropped again
        // by the down, which does not make it: gone after a rollback.
        if (c.reported == reported && c.taken.count(again) != 0 && !c.down_creates(ref)) {
          c.report(step,
                   "the up drops " + describe(ref) +
                       ", which existed before it, and makes it again, but the down drops it "
                       "too and does not create it again: after a rollback it is gone",
                   "create it again in the down as it was before the up, after the statements "
                   "that need it gone");
        }
        continue;
      }
      if (c.down_creates(ref)) {
        check_made_again(c, step, ref);
        if (c.down_created(ref) != nullptr) {
          check_comment_made_again(c, step, ref);
          if (ref.kind == ObjectKind::table) check_table_settings_made_again(c, step, ref);
        }
        continue;
      }
      c.report(step,
               "the up drops " + describe(ref) +
                   ", which existed before it, but the down does not create it again",
               "create it again in the down as it was, or declare the down irreversible "
               "(`-- sqlgate:irreversible <reason>`), for instance when the up drops data");
    } else if (effect.action == Action::use && effect.change == Change::insert) {
      if (c.created_by_up(step.object) || gone) continue;
      // A DELETE, a TRUNCATE, or rows written back (an upsert of the old values); but a DELETE
      // that a rule of the table runs in place of deletes nothing.
      if (auto rewritten = deletes_rewritten(c, step.object)) {
        if (!c.first_change(step, Change::insert)) continue;  // one finding per table
        const lint::ObjectRef& ref = object.ref_at(after);
        const lint::CatalogObject& rule = c.catalog.object(rewritten->rule);
        std::string table = "ALTER TABLE " + sql_name(ref);
        std::string name = quote_identifier(rule.ref_at(after).name);
        auto builder = c.report_at(
            step,
            "the up inserts rows into " + describe(ref) +
                ", which existed before it, and the down's DELETE deletes none of them: "
                "PostgreSQL runs " +
                describe_rule(c.catalog, rewritten->rule, after) +
                " in its place (DELETE 0), so the rows stay after a rollback",
            "turn the rule off around the DELETE: `" + table + " DISABLE RULE " + name +
                ";` before it and `" + table + " ENABLE RULE " + name +
                ";` after it (or drop the rule before it and make it again after)",
            lint::Severity::warning,
            statement_range(*c.pair.down_file, rewritten->step->statement));
        if (const lint::ParsedFile* creator = c.project.parsed(rule.created.file)) {
          builder.related(*creator, statement_range(*creator, rule.created.statement),
                          "the rule is created here");
        }
        continue;
      }
      if (c.down_does(step.object, Action::use)) continue;
      // Rows copied from a table the up has just made, still empty: none.
      if (inserts_nothing(c, step)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      c.report(step,
               "the up inserts rows into " + describe(ref) +
                   ", which existed before it, but the down does not delete them",
               "add `DELETE FROM " + sql_name(ref) +
                   " WHERE ...;` for the keys the up inserts to the down",
               true);
    } else if (effect.action == Action::use &&
               (effect.change == Change::delete_rows || effect.change == Change::truncate ||
                effect.change == Change::update)) {
      if (c.created_by_up(step.object) || gone || !object.alive_at(after)) continue;
      if (!c.first_change(step, effect.change)) continue;   // one finding per table and kind
      if (c.down_does(step.object, Action::use)) continue;  // rows written back
      const lint::Statement& statement = *c.pair.up_file->all_statements()[step.statement];
      if (effect.change == Change::update &&
          updates_only(c.catalog, step.object, step.tick, statement, [&](ObjectId column) {
            return c.created_by_up(column) || c.taken.count(column) != 0;
          })) {
        continue;  // a backfill of columns the down drops
      }
      // DELETE before an INSERT of the same rows (the delete-then-insert idiom): the INSERT's
      // finding says what the down owes.
      if (effect.change != Change::update && c.later_in_up(step, Change::insert)) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      std::string what = effect.change == Change::update     ? "updates rows of "
                         : effect.change == Change::truncate ? "empties "
                                                             : "deletes rows of ";
      // Rows deleted are lost to a rollback (warning); values updated are mostly data fixes the
      // old release lives with (NULLs filled in before SET NOT NULL), so only noted.
      c.report_at(step,
                  "the up " + what + describe(ref) +
                      ", which existed before it, and the down does not put the rows back as "
                      "they were",
                  "write the old rows (or values) back in the down, or declare the down "
                  "irreversible: `-- sqlgate:irreversible <reason>`",
                  effect.change == Change::update ? lint::Severity::info : lint::Severity::warning);
    }
  }
}

// ALTER DEFAULT PRIVILEGES ... GRANT in the down of what the roles did not have before the up
// (`before`), and the up did not take: objects made after a rollback give them what they never
// had. PostgreSQL gives PUBLIC EXECUTE on functions and USAGE on types without an entry, but an
// entry IN SCHEMA is stored apart: GRANT EXECUTE ON FUNCTIONS TO PUBLIC IN SCHEMA s adds one,
// which a later REVOKE without IN SCHEMA does not reach. What the up revoked from a role the
// migrations never gave it is left alone (it may hold it from outside them, a platform's
// default privileges), not so for PUBLIC, whose defaults PostgreSQL sets.
void check_default_privileges_gained(Context& c, const std::vector<DefaultPrivilege>& before,
                                     const std::vector<DefaultPrivilege>& after_up,
                                     const std::vector<DefaultPrivilege>& after_down) {
  const auto& up = c.pair.up_file->all_statements();
  const auto& down = c.pair.down_file->all_statements();
  std::vector<DefaultPrivilege> revoked_by_up;
  for (const lint::Statement* statement : up) {
    lint::Node action = statement->node.get("action");
    if (!statement->node.is("AlterDefaultPrivilegesStmt") || action.flag("is_grant") ||
        action.flag("grant_option")) {
      continue;
    }
    for (DefaultPrivilege& entry : default_privileges(statement->node)) {
      revoked_by_up.push_back(std::move(entry));
    }
  }
  for (std::size_t i = 0; i < down.size(); ++i) {
    const lint::Node& node = down[i]->node;
    if (!node.is("AlterDefaultPrivilegesStmt") || !node.get("action").flag("is_grant")) continue;
    std::vector<DefaultPrivilege> gained;
    std::vector<std::string> roles;
    for (DefaultPrivilege& entry : default_privileges(node)) {
      if (holds_default(before, entry) || holds_default(after_up, entry) ||
          !holds_default(after_down, entry)) {
        continue;
      }
      if (entry.grantee != "PUBLIC" &&
          std::any_of(revoked_by_up.begin(), revoked_by_up.end(),
                      [&](const DefaultPrivilege& r) { return takes_back(r, entry); })) {
        continue;
      }
      if (std::find(roles.begin(), roles.end(), entry.grantee) == roles.end()) {
        roles.push_back(entry.grantee);
      }
      gained.push_back(std::move(entry));
    }
    if (gained.empty()) continue;
    std::string objects(gained.front().objects);
    for (char& ch : objects) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool public_default =
        std::any_of(gained.begin(), gained.end(), [](const DefaultPrivilege& entry) {
          return entry.grantee == "PUBLIC" && !entry.schema.empty() &&
                 ((entry.objects == "FUNCTIONS" && entry.privilege == "execute") ||
                  (entry.objects == "TYPES" && entry.privilege == "usage"));
        });
    std::string consequence =
        public_default
            ? "PostgreSQL gives PUBLIC that on new " + objects +
                  " without any entry, but this adds an entry for the schema, which a later "
                  "ALTER DEFAULT PRIVILEGES ... REVOKE without IN SCHEMA does not reach: " +
                  objects + " made there after a rollback keep giving it"
            : objects + " made after a rollback give them";
    c.out.report(*c.pair.down_file, statement_range(*c.pair.down_file, i),
                 "the down grants default privileges " + default_privileges_words(gained) + " to " +
                     lint::join_strings(roles, ", ") + ", not held before the up: " + consequence,
                 "grant back only what the up took, or add `" +
                     default_privileges_revoke_sql(node, roles) + "` after it");
  }
}

// ALTER DEFAULT PRIVILEGES in the up: what a GRANT gives the roles on every object made later
// stays after a rollback unless the down revokes it (or DROP OWNED BY the role, or DROP SCHEMA of
// the schema it was given IN), entry by entry: a REVOKE on TABLES leaves what was given on
// FUNCTIONS, one IN SCHEMA api what was given in every schema. A role the down drops is
// drop-order's: DROP ROLE fails while it holds default privileges. A GRANT of what the roles held
// already changes nothing. What a REVOKE takes that was held before the up (an earlier migration's
// GRANT, or PUBLIC's EXECUTE on functions and USAGE on types, which only a REVOKE without IN SCHEMA
// takes) the down grants back.
void check_default_privileges(Context& c) {
  const auto& up = c.pair.up_file->all_statements();
  const auto& down = c.pair.down_file->all_statements();
  auto default_privileges_statement = [](const lint::Statement* statement) {
    return statement->node.is("AlterDefaultPrivilegesStmt");
  };
  if (std::none_of(up.begin(), up.end(), default_privileges_statement) &&
      std::none_of(down.begin(), down.end(), default_privileges_statement)) {
    return;
  }
  std::vector<DefaultPrivilege> revoked;
  for (const lint::Statement* statement : down) {
    if (statement->node.is("AlterDefaultPrivilegesStmt") &&
        !statement->node.get("action").flag("is_grant")) {
      for (DefaultPrivilege& entry : default_privileges(statement->node)) {
        revoked.push_back(std::move(entry));
      }
    }
  }
  // What is held before each statement of the up, and after the up and the down.
  const std::vector<DefaultPrivilege> before_up =
      default_privileges_before(c.project, c.catalog, c.pair.up_replay->start);
  std::vector<DefaultPrivilege> held = before_up;
  std::vector<std::vector<DefaultPrivilege>> before_statement;
  for (const lint::Statement* statement : up) {
    before_statement.push_back(held);
    apply_default_privileges(held, statement->node);
  }
  const std::vector<DefaultPrivilege> after_up = held;
  // A DROP SCHEMA in the down takes the entries IN SCHEMA with the schema.
  for (const lint::Statement* statement : down) apply_default_privileges(held, statement->node);
  check_default_privileges_gained(c, before_up, after_up, held);
  for (std::size_t i = 0; i < up.size(); ++i) {
    const lint::Node& node = up[i]->node;
    if (!node.is("AlterDefaultPrivilegesStmt")) continue;
    lint::Node action = node.get("action");
    std::vector<DefaultPrivilege> entries = default_privileges(node);
    if (entries.empty()) continue;
    std::string objects(entries.front().objects);
    for (char& ch : objects) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::vector<std::string> missing;
    if (!action.flag("is_grant")) {
      // What it took that was held before it, and is not held after the down.
      std::vector<std::string> privileges;
      for (const DefaultPrivilege& entry :
           default_privileges_taken(node, before_up, before_statement[i])) {
        if (holds_default(held, entry)) continue;
        if (std::find(missing.begin(), missing.end(), entry.grantee) == missing.end()) {
          missing.push_back(entry.grantee);
        }
        std::string privilege = entry.privilege;
        for (char& ch : privilege) {
          ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        if (std::find(privileges.begin(), privileges.end(), privilege) == privileges.end()) {
          privileges.push_back(privilege);
        }
      }
      if (missing.empty()) continue;
      auto builder = c.out.report(
          *c.pair.down_file, anchor(*c.pair.down_file),
          "the up revokes default privileges on " + objects + " (" +
              lint::join_strings(privileges, ", ") + ") from " + lint::join_strings(missing, ", ") +
              ", held before the up, but the down does not grant them back: " + objects +
              " made after a rollback no longer give them",
          "add `" + default_privileges_grant_sql(node, missing) + "` to the down");
      builder.related(*c.pair.up_file, statement_range(*c.pair.up_file, i), "the up's change");
      continue;
    }
    for (const DefaultPrivilege& entry : entries) {
      const std::string& role = entry.grantee;
      if (std::find(missing.begin(), missing.end(), role) != missing.end()) continue;
      // Held before the statement: the GRANT changes nothing for it. Gone after the up and the
      // down (revoked again by either): nothing stays.
      if (holds_default(before_statement[i], entry) || !holds_default(held, entry)) continue;
      if (std::any_of(revoked.begin(), revoked.end(),
                      [&](const DefaultPrivilege& r) { return takes_back(r, entry); }) ||
          drops_owned(c.pair, role)) {
        continue;
      }
      bool dropped = false;
      for (const lint::Statement* statement : down) {
        if (statement->node.is("DropRoleStmt") && lists_role(statement->node.list("roles"), role)) {
          dropped = true;
        }
      }
      if (!dropped) missing.push_back(role);
    }
    if (missing.empty()) continue;
    auto builder = c.out.report(
        *c.pair.down_file, anchor(*c.pair.down_file),
        "the up grants default privileges on " + objects + " to " +
            lint::join_strings(missing, ", ") +
            " but the down does not revoke them (for the same kind of object, schemas and "
            "privileges): " +
            objects + " made after a rollback still give them",
        "add `" + default_privileges_revoke_sql(node, missing) + "` to the down");
    builder.related(*c.pair.up_file, statement_range(*c.pair.up_file, i), "the up's change");
  }
}

// What an ALTER ROLE ... SET / RESET or ALTER DATABASE ... SET / RESET does to
// pg_db_role_setting: the row of a role in a database ("" for every database), of every role in
// one (role "ALL"), or of a database (role ""); a parameter set, reset, or all of them reset
// (parameter "*").
struct RoleSetting {
  std::string role;
  std::string database;
  std::string parameter;
  bool set = false;  // a value (SET ... TO, FROM CURRENT); false: RESET or SET ... TO DEFAULT

  bool same_row(const RoleSetting& other) const {
    return role == other.role && database == other.database;
  }
  // "role r12_app", "role r12_app in database app", "database app".
  std::string words() const {
    std::string in = database.empty() ? std::string() : " in database " + database;
    if (role.empty()) return "database " + database;
    if (role == "ALL") return "every role" + in;
    return "role " + role + in;
  }
  std::string sql(std::string_view action) const {
    std::string text = role.empty() ? "ALTER DATABASE " + database : "ALTER ROLE " + role;
    if (!role.empty() && !database.empty()) text += " IN DATABASE " + database;
    return text + " " + std::string(action) + ";";
  }
};

std::optional<RoleSetting> role_setting(const lint::Node& node) {
  RoleSetting setting;
  if (node.is("AlterRoleSetStmt")) {
    if (node.has("role")) {
      std::optional<std::string> role = role_name(node.get("role"));
      if (!role) return std::nullopt;
      setting.role = std::move(*role);
    } else {
      setting.role = "ALL";
    }
    if (node.has("database")) setting.database = quote_identifier(node.str("database"));
  } else if (node.is("AlterDatabaseSetStmt")) {
    setting.database = quote_identifier(node.str("dbname"));
  } else {
    return std::nullopt;
  }
  lint::Node set = node.get("setstmt");
  std::string_view kind = set.str("kind");
  setting.set = kind == "VAR_SET_VALUE" || kind == "VAR_SET_CURRENT";
  if (kind == "VAR_RESET_ALL") {
    setting.parameter = "*";
  } else {
    setting.parameter = std::string(set.str("name"));
    for (char& ch : setting.parameter) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  if (setting.parameter.empty()) return std::nullopt;
  return setting;
}

// Whether a statement drops the role or database a setting belongs to (its settings go too).
bool drops_owner_of(const lint::Node& node, const RoleSetting& setting) {
  if (node.is("DropRoleStmt")) {
    return !setting.role.empty() && setting.role != "ALL" &&
           lists_role(node.list("roles"), setting.role);
  }
  if (node.is("DropdbStmt")) {
    return setting.role.empty() && quote_identifier(node.str("dbname")) == setting.database;
  }
  return false;
}

// ALTER ROLE ... SET param and ALTER DATABASE ... SET param in the up: the value stays in
// pg_db_role_setting after a rollback (sessions of the role get it) unless the down resets it,
// or sets back the value an earlier migration gave it. A RESET in the up of a value an earlier
// migration set: the down sets it again.
void check_role_settings(Context& c) {
  const auto& up = c.pair.up_file->all_statements();
  std::vector<std::pair<std::size_t, RoleSetting>> changes;
  for (std::size_t i = 0; i < up.size(); ++i) {
    if (auto setting = role_setting(up[i]->node)) changes.emplace_back(i, std::move(*setting));
  }
  if (changes.empty()) return;
  // The parameters earlier ups left set, by row: replayed in version order.
  std::vector<std::size_t> earlier = ups_before(c.project, c.catalog, c.pair.up_replay->start);
  std::vector<RoleSetting> set_before;
  auto apply = [](std::vector<RoleSetting>& held, const RoleSetting& change) {
    std::erase_if(held, [&](const RoleSetting& s) {
      return s.same_row(change) && (change.parameter == "*" || s.parameter == change.parameter);
    });
    if (change.set) held.push_back(change);
  };
  for (std::size_t file : earlier) {
    for (const lint::Statement* statement : c.project.parsed(file)->all_statements()) {
      if (auto setting = role_setting(statement->node)) apply(set_before, *setting);
    }
  }
  auto held = [](const std::vector<RoleSetting>& list, const RoleSetting& setting) {
    return std::any_of(list.begin(), list.end(), [&](const RoleSetting& s) {
      return s.same_row(setting) && s.parameter == setting.parameter;
    });
  };
  const auto& down = c.pair.down_file->all_statements();
  // Whether the down deals with the parameter: sets it (`set`), or resets it or sets a value.
  auto down_handles = [&](const RoleSetting& setting, bool needs_value) {
    for (const lint::Statement* statement : down) {
      if (drops_owner_of(statement->node, setting)) return true;
      auto change = role_setting(statement->node);
      if (!change || !change->same_row(setting)) continue;
      if (change->parameter != setting.parameter && change->parameter != "*") continue;
      if (change->set || !needs_value) return true;
    }
    return false;
  };
  std::vector<RoleSetting> after = set_before;
  for (const auto& [index, change] : changes) apply(after, change);
  std::set<std::string> reported;
  // Judged at the up's last change of each parameter (a RESET ALL: of each it had set).
  for (std::size_t k = changes.size(); k-- > 0;) {
    const auto& [index, change] = changes[k];
    std::vector<RoleSetting> parameters;
    if (change.parameter != "*") {
      parameters.push_back(change);
    } else {
      for (const RoleSetting& s : set_before) {
        if (s.same_row(change)) parameters.push_back(s);
      }
    }
    for (RoleSetting& parameter : parameters) {
      parameter.set = change.set;
      if (!reported
               .insert(parameter.role + '\x1f' + parameter.database + '\x1f' + parameter.parameter)
               .second) {
        continue;
      }
      bool before = held(set_before, parameter);
      bool now = held(after, parameter);
      if (!before && !now) continue;  // set and reset within the up
      if (down_handles(parameter, before)) continue;
      std::string message;
      std::string help;
      if (!before) {
        message = "the up sets " + parameter.parameter + " for " + parameter.words() +
                  " but the down does not reset it: sessions still get it after a rollback";
        help = "add `" + parameter.sql("RESET " + parameter.parameter) + "` to the down";
      } else {
        message = "the up " + std::string(now ? "changes " : "resets ") + parameter.parameter +
                  " for " + parameter.words() +
                  ", which an earlier migration set, but the down does not set it back";
        help = "add `" + parameter.sql("SET " + parameter.parameter + " TO <the earlier value>") +
               "` to the down";
      }
      auto builder = c.out.report(*c.pair.down_file, anchor(*c.pair.down_file), message, help);
      builder.related(*c.pair.up_file, statement_range(*c.pair.up_file, index), "the up's change");
      builder.at_most(lint::Severity::warning);
    }
  }
}

// ---- publications: the tables (and schemas) they publish, and their options (publications.h).

// "table refunds", "the tables in schema app".
std::string member_words(const PublishedMember& member) {
  return member.schema
             ? "the tables in schema " + member.name.substr(std::string("TABLES IN SCHEMA ").size())
             : "table " + member.name;
}

// Which options a CREATE or ALTER PUBLICATION writes.
bool writes_option(const lint::Node& statement, std::string_view name) {
  for (lint::Node option : statement.list("options")) {
    if (option.str("defname") == name) return true;
  }
  return false;
}

// ALTER PUBLICATION of a publication an earlier migration made: the down gives it back the
// tables (and schemas) it published before the up, with their column lists and row filters,
// and the options it had (publish, publish_via_partition_root). What it had is read from the
// earlier migrations' CREATE and ALTER PUBLICATION; where no migration made it, from what the
// up's own statements show (ADD TABLE of a table it did not publish, DROP TABLE of one it did),
// and an option the up sets must be set again by the down.
void check_publication(Context& c, std::size_t first, const std::string& name) {
  const auto& up = c.pair.up_file->all_statements();
  const auto& down = c.pair.down_file->all_statements();
  lint::Tick start = c.pair.up_replay->start;
  // Made or dropped by the up: down-incomplete's, or the drop's.
  for (const lint::Statement* statement : up) {
    if (names_publication(statement->node, name) && !statement->node.is("AlterPublicationStmt")) {
      return;
    }
  }
  // Before the up: from the migration that made it, and the later ones that changed it.
  std::optional<PublicationState> known =
      publication_before(c.project, c.catalog, c.pair.up, first, start);
  if (!known) return;
  PublicationState before = std::move(*known);
  // After the up, then after the down. Where the up last changed each member, and the options.
  PublicationState after = before;
  bool up_sets[2] = {false, false};  // publish, publish_via_partition_root
  std::unordered_map<std::string, std::size_t> changed_at;
  std::size_t options_at = first;
  for (std::size_t j = first; j < up.size(); ++j) {
    if (!names_publication(up[j]->node, name)) continue;
    PublicationState was = after;
    apply_publication(c.catalog, after, *c.pair.up_file, *up[j],
                      c.catalog.before_statement(c.pair.up, j), &before);
    for (const PublicationState* state : {&was, &after}) {
      for (const PublishedMember& member : state->members) {
        const PublishedMember* then = was.find(member.key);
        const PublishedMember* now = after.find(member.key);
        if (was.status(member.key) != after.status(member.key) || then == nullptr ||
            now == nullptr || then->columns != now->columns ||
            !lint::same_terms(then->where, now->where)) {
          changed_at[member.key] = j;
        }
      }
    }
    if (!up[j]->node.list("options").empty()) options_at = j;
    up_sets[0] = up_sets[0] || writes_option(up[j]->node, "publish");
    up_sets[1] = up_sets[1] || writes_option(up[j]->node, "publish_via_partition_root");
  }
  PublicationState after_up = after;
  std::optional<std::size_t> down_set;      // the down's last SET TABLE of it
  std::optional<std::size_t> down_options;  // its last SET (...)
  bool down_alters = false;
  bool down_sets[2] = {false, false};
  for (std::size_t j = 0; j < down.size(); ++j) {
    const lint::Node& node = down[j]->node;
    if (!names_publication(node, name)) continue;
    down_alters = true;
    apply_publication(c.catalog, after, *c.pair.down_file, *down[j], c.pair.up_replay->end);
    if (!node.is("AlterPublicationStmt")) continue;
    if (node.list("options").empty() && node.str("action") == "AP_SetObjects") down_set = j;
    if (!node.list("options").empty()) down_options = j;
    down_sets[0] = down_sets[0] || writes_option(node, "publish");
    down_sets[1] = down_sets[1] || writes_option(node, "publish_via_partition_root");
  }
  if (!after.exists) return;  // dropped by the down: not about what it publishes
  auto report = [&](std::optional<std::size_t> at, const std::string& message,
                    const std::string& help, std::size_t change) {
    auto builder = c.out.report(
        *c.pair.down_file, at ? statement_range(*c.pair.down_file, *at) : anchor(*c.pair.down_file),
        message, help);
    builder.related(*c.pair.up_file, statement_range(*c.pair.up_file, change), "the up's change");
  };
  std::string publication = "publication " + quote_identifier(name);
  std::string alter = "ALTER PUBLICATION " + quote_identifier(name);
  // The tables (and schemas): published before and not after, or the other way round, or with
  // other columns or another row filter.
  if (!before.all_tables && !after.all_tables) {
    std::string members_before;  // what SET TABLE writes to give back what it had
    if (before.complete) {
      std::vector<std::string> texts;
      for (const PublishedMember& member : before.members) {
        if (member.member) texts.push_back(member.text);
      }
      members_before = lint::join_strings(texts, ", ");
    }
    std::string set_back = alter + " SET TABLE " + members_before + ";";
    std::vector<std::string> keys;
    for (const PublicationState* state : {&before, &after_up, &after}) {
      for (const PublishedMember& member : state->members) {
        // A table the up makes (down-incomplete's), drops, or the down drops: the publication
        // loses it with it.
        ObjectId table = member.table;
        if (table != lint::k_no_object &&
            (c.created_by_up(table) || !c.catalog.object(table).alive_at(c.pair.up_replay->end) ||
             c.taken.count(table) != 0)) {
          continue;
        }
        if (std::find(keys.begin(), keys.end(), member.key) == keys.end()) {
          keys.push_back(member.key);
        }
      }
    }
    for (const std::string& key : keys) {
      int had = before.status(key);
      int has = after.status(key);
      const PublishedMember* was = before.find(key);
      const PublishedMember* is = after.find(key);
      const PublishedMember& member = was != nullptr  ? *was
                                      : is != nullptr ? *is
                                                      : *after_up.find(key);
      std::string words = member_words(member);
      auto changed = changed_at.find(key);
      std::size_t change = changed == changed_at.end() ? first : changed->second;
      if (had == 1 && has == 0) {
        if (down_set) {
          report(down_set,
                 "the down's SET TABLE of " + publication + " leaves out " + words +
                     ", which it published before the up: after a rollback " +
                     (member.schema ? "their" : "its") + " changes are no longer published",
                 members_before.empty()
                     ? "add " + member.text + " to the down's SET TABLE"
                     : "write what it published before the up: `" + set_back + "`",
                 change);
        } else {
          report(std::nullopt,
                 "the up takes " + words + " out of " + publication +
                     " but the down does not add " + (member.schema ? "them" : "it") + " back",
                 "add `" + alter + " ADD " + (member.schema ? "" : "TABLE ") + member.text +
                     ";` to the down",
                 change);
        }
      } else if (had == 0 && has == 1) {
        if (down_set) {
          report(down_set,
                 "the down's SET TABLE of " + publication + " lists " + words +
                     ", which it did not publish before the up",
                 members_before.empty()
                     ? "leave " + member.name + " out of the down's SET TABLE"
                     : "write what it published before the up: `" + set_back + "`",
                 change);
        } else if (after_up.status(key) == 0) {
          // The up left it out as before (its DROP of a table the publication did not list
          // fails): the down is what adds it.
          std::optional<std::size_t> adds;
          for (std::size_t j = 0; j < down.size(); ++j) {
            if (!names_publication(down[j]->node, name) ||
                down[j]->node.str("action") != "AP_AddObjects") {
              continue;
            }
            for (const PublishedMember& listed :
                 listed_members(c.catalog, *c.pair.down_file, *down[j], c.pair.up_replay->end)) {
              if (listed.key == key) adds = j;
            }
          }
          report(adds,
                 "the down adds " + words + " to " + publication +
                     ", which did not list it before the up",
                 "leave " + member.name + " out of the down: after a rollback " + publication +
                     " should publish what it did before the up",
                 change);
        } else {
          report(std::nullopt,
                 "the up adds " + words + " to " + publication + " but the down does not drop " +
                     (member.schema ? "them" : "it"),
                 "add `" + alter + " DROP " + (member.schema ? "" : "TABLE ") + member.name +
                     ";` to the down",
                 change);
        }
      } else if (had == 1 && has == 1 && was != nullptr && is != nullptr && was->details &&
                 is->details && !member.schema) {
        std::vector<std::string> what;
        if (was->columns != is->columns) what.emplace_back("another column list");
        if (!lint::same_terms(was->where, is->where)) what.emplace_back("another row filter");
        if (what.empty()) continue;
        report(down_set,
               "after the down, " + publication + " publishes " + words + " with " +
                   lint::join_strings(what, " and ") + " than before the up",
               members_before.empty() ? "publish it in the down as before the up: " + member.text
                                      : "write what it published before the up: `" + set_back + "`",
               change);
      }
    }
    // Where the migrations do not say what it published before, a SET TABLE of the up that the
    // down does not answer.
    if (!before.complete && after_up.complete && !down_alters) {
      report(std::nullopt,
             "the up sets the tables of " + publication +
                 " but the down does not set back those it published before",
             "add `" + alter + " SET TABLE <the tables it published before the up>;` to the down",
             first);
    }
  }
  // The options: as they were before the up, or, where the migrations do not say, set again by
  // the down.
  std::vector<std::string> wrong;
  std::vector<std::string> settings;
  if (up_sets[0] && (before.publish ? after.publish != before.publish : !down_sets[0])) {
    wrong.emplace_back("publish");
    settings.push_back(before.publish ? publish_sql(*before.publish) : "publish = '<as it was>'");
  }
  if (up_sets[1] && (before.via_root ? after.via_root != before.via_root : !down_sets[1])) {
    wrong.emplace_back("publish_via_partition_root");
    settings.push_back("publish_via_partition_root = " +
                       (before.via_root ? std::string(*before.via_root ? "true" : "false")
                                        : std::string("<as it was>")));
  }
  if (!wrong.empty()) {
    bool one = wrong.size() == 1;
    report(down_options,
           "the up changes " + lint::join_strings(wrong, " and ") + " of " + publication +
               " but the down does not set " + (one ? "it" : "them") + " back" +
               (before.publish
                    ? " to what " + std::string(one ? "it was" : "they were") + " before the up"
                    : std::string()),
           "add `" + alter + " SET (" + lint::join_strings(settings, ", ") + ");` to the down",
           options_at);
  }
}

// Whether a list of schema names (String nodes) names schema public.
bool lists_public(const lint::NodeList& objects) {
  for (lint::Node object : objects) {
    if (lint::truncate_identifier(object.as_str()) == "public") return true;
  }
  return false;
}

// Whether a statement is a GRANT or REVOKE on schema public.
bool names_public_schema(const lint::Node& node) {
  if (!node.is("GrantStmt") || node.str("objtype") != "OBJECT_SCHEMA" ||
      node.str("targtype") != "ACL_TARGET_OBJECT") {
    return false;
  }
  return lists_public(node.list("objects"));
}

// Whether a statement makes or drops schema public.
bool remakes_public_schema(const lint::Node& node) {
  if (node.is("CreateSchemaStmt"))
    return lint::truncate_identifier(node.str("schemaname")) == "public";
  if (!node.is("DropStmt") || node.str("removeType") != "OBJECT_SCHEMA") return false;
  return lists_public(node.list("objects"));
}

// An object that existed before the up, dropped (by the up or the down) and made again by the
// down: PostgreSQL gives the new one what a new object gets (the default privileges; EXECUTE for
// PUBLIC on a function), not what the roles held on the old one. After its CREATE the down gives
// back what they held before the up (an earlier GRANT; a REVOKE ... FROM PUBLIC) and takes
// nothing they did not hold.
void check_privileges_made_again(Context& c) {
  const auto& steps = c.pair.down_replay->steps;
  std::vector<std::size_t> broad;
  bool broad_read = false;
  for (const lint::CatalogStep& step : steps) {
    const lint::Effect& effect = step.effect;
    // A down's CREATE of an object no longer there: its effect names it (the catalog keeps the
    // ups' objects).
    if (effect.action != Action::create || step.existed ||
        !default_privileges_objects(effect.object.kind)) {
      continue;
    }
    const lint::ObjectRef& ref = effect.object;
    ObjectId old = c.catalog.find(ref, c.pair.up_replay->start);
    if (old == lint::k_no_object) continue;
    if (!broad_read) {
      broad = broad_privilege_statements(*c.pair.down_file);
      broad_read = true;
    }
    Privileges before = privileges_before(c.project, c.catalog, old, c.pair.up_replay->start);
    Privileges after =
        creation_privileges(c.project, c.catalog, ref.kind, ref.schema,
                            session_role(*c.pair.down_file, step.statement).value_or(""),
                            c.pair.up_replay->end, c.pair.down_file, step.statement);
    // The down's GRANTs and REVOKEs on it after its CREATE.
    std::vector<const lint::CatalogStep*> later;
    for (const lint::CatalogStep& other : steps) {
      const lint::ObjectRef& named = other.effect.object;
      if (other.statement > step.statement && named.name == ref.name &&
          named.schema == ref.schema && named.parent == ref.parent &&
          (named.kind == ref.kind ||
           (lint::is_relation(named.kind) && lint::is_relation(ref.kind)))) {
        later.push_back(&other);
      }
    }
    std::vector<std::size_t> broad_later;
    for (std::size_t i : broad) {
      if (i > step.statement) broad_later.push_back(i);
    }
    replay_privileges(after, *c.pair.down_file, broad_later, later, ref.kind, ref.schema);
    std::vector<Privilege> lost;
    for (const Privilege& privilege : before) {
      if (!holds(after, privilege)) lost.push_back(privilege);
    }
    std::vector<Privilege> gained;
    for (const Privilege& privilege : after) {
      if (!holds(before, privilege)) gained.push_back(privilege);
    }
    if (lost.empty() && gained.empty()) continue;
    std::vector<std::string> what;
    std::vector<std::string> back;
    if (!lost.empty()) {
      what.push_back("without " + privileges_words(lost, "for"));
      back.push_back(object_privileges_sql(ref, lost, true));
    }
    if (!gained.empty()) {
      what.push_back("with " + privileges_words(gained, "for"));
      back.push_back(object_privileges_sql(ref, gained, false));
    }
    bool public_gains = std::any_of(gained.begin(), gained.end(),
                                    [](const Privilege& p) { return p.role == "PUBLIC"; });
    ++c.reported;
    auto builder = c.out.report(
        *c.pair.down_file, statement_range(*c.pair.down_file, step.statement),
        "the down makes " + describe(ref) + " again " + lint::join_strings(what, " and ") +
            ", unlike before the up: a dropped object's privileges go with it, and the new one " +
            "gets what a new object gets" +
            (public_gains ? " (PUBLIC can use it again where an earlier migration revoked that)"
                          : ""),
        "after it, in the down: `" + lint::join_strings(back, " ") + "`");
    if (!public_gains) builder.at_most(lint::Severity::warning);
  }
}

// The owner and comment of schema public, which no migration makes: PostgreSQL 15 makes it owned
// by pg_database_owner (the role of whoever owns the database) with the comment 'standard public
// schema' (the owner is not judged for an earlier version). What the earlier ups left them (their
// ALTER SCHEMA public OWNER TO and COMMENT ON SCHEMA public), the down leaves them. Nothing when a
// migration makes or drops the schema.
void check_public_schema_owner(Context& c) {
  const auto& up = c.pair.up_file->all_statements();
  const auto& down = c.pair.down_file->all_statements();
  auto owner_of_public = [](const lint::Node& node) -> std::optional<std::string> {
    if (!node.is("AlterOwnerStmt") || node.str("objectType") != "OBJECT_SCHEMA" ||
        lint::truncate_identifier(node.get("object").as_str()) != "public") {
      return std::nullopt;
    }
    return new_owner(node);
  };
  auto comments_public = [](const lint::Node& node) {
    return node.is("CommentStmt") && node.str("objtype") == "OBJECT_SCHEMA" &&
           lint::truncate_identifier(node.get("object").as_str()) == "public";
  };
  auto changes = [&](const lint::Statement* statement) {
    return owner_of_public(statement->node) || comments_public(statement->node);
  };
  if (std::none_of(up.begin(), up.end(), changes)) return;
  struct State {
    std::string owner = "pg_database_owner";
    std::optional<std::string> comment = std::string("standard public schema");
    std::size_t owner_at = 0;  // the statement that set each last, in the file last applied
    std::size_t comment_at = 0;
  } state;
  // Applies a file's statements; false when it makes or drops the schema.
  auto apply = [&](const std::vector<const lint::Statement*>& statements) {
    for (std::size_t i = 0; i < statements.size(); ++i) {
      const lint::Node& node = statements[i]->node;
      if (remakes_public_schema(node)) return false;
      if (auto owner = owner_of_public(node)) {
        state.owner = *owner;
        state.owner_at = i;
      }
      if (comments_public(node)) {
        lint::Node comment = node.get("comment");
        state.comment =
            comment.valid() ? std::optional<std::string>(comment.as_str()) : std::nullopt;
        state.comment_at = i;
      }
    }
    return true;
  };
  for (std::size_t file : ups_before(c.project, c.catalog, c.pair.up_replay->start)) {
    if (!apply(c.project.parsed(file)->all_statements())) return;
  }
  const State before = state;
  if (!apply(up)) return;
  const State after_up = state;
  if (!apply(down)) return;
  auto first_up = std::find_if(up.begin(), up.end(), changes);
  lint::CatalogStep step;
  step.statement = static_cast<std::size_t>(first_up - up.begin());
  auto at = [&](std::size_t statement, const std::string& before_up_value,
                const std::string& after_up_value, const std::string& now) {
    // At the down's statement that wrote it, else at the down's first statement.
    return now != after_up_value || before_up_value == after_up_value
               ? std::optional<lint::TextRange>(statement_range(*c.pair.down_file, statement))
               : std::nullopt;
  };
  // Before PostgreSQL 15 the bootstrap superuser owned it, a role sqlgate cannot name.
  bool owner_known = c.project.pg_version() >= 15;
  if (owner_known && state.owner != before.owner) {
    bool created = before.owner == "pg_database_owner";
    c.report_at(
        step,
        "after the down, schema public is owned by " + state.owner + ", but it was owned by " +
            before.owner + " before the up" +
            (created ? " (PostgreSQL 15 makes it so: the role of whoever owns the database)" : ""),
        "add `ALTER SCHEMA public OWNER TO " + before.owner + ";` to the down",
        lint::Severity::warning, at(state.owner_at, before.owner, after_up.owner, state.owner));
  }
  if (state.comment != before.comment) {
    std::string was = before.comment ? lint::sql_literal(*before.comment) : std::string("NULL");
    c.report_at(
        step,
        "after the down, schema public " +
            (state.comment ? "has the comment " + lint::sql_literal(*state.comment)
                           : std::string("has no comment")) +
            ", but it had " + (before.comment ? "the comment " + was : "none") + " before the up" +
            (before.comment == std::optional<std::string>("standard public schema")
                 ? " (PostgreSQL 15 makes it with that comment)"
                 : ""),
        "add `COMMENT ON SCHEMA public IS " + was + ";` to the down", lint::Severity::warning,
        at(state.comment_at, was,
           after_up.comment ? lint::sql_literal(*after_up.comment) : std::string("NULL"),
           state.comment ? lint::sql_literal(*state.comment) : std::string("NULL")));
  }
}

// GRANT and REVOKE on schema public, which no migration makes: PostgreSQL 15 makes it with
// USAGE for PUBLIC (CREATE only for its owner, pg_database_owner). What roles hold there before
// the up (that, then the earlier ups' GRANTs and REVOKEs on it) the down leaves them: no less
// (the up's REVOKE ... FROM PUBLIC granted back) and no more (GRANT ALL ... TO PUBLIC gives
// CREATE, which PUBLIC did not have).
void check_public_schema(Context& c) {
  const auto& up = c.pair.up_file->all_statements();
  const auto& down = c.pair.down_file->all_statements();
  auto names = [](const lint::Statement* statement) {
    return names_public_schema(statement->node);
  };
  if (std::none_of(up.begin(), up.end(), names) && std::none_of(down.begin(), down.end(), names)) {
    return;
  }
  // The ups before this one, in the order they ran.
  std::vector<std::size_t> earlier = ups_before(c.project, c.catalog, c.pair.up_replay->start);
  Privileges held{{"PUBLIC", "usage", {}}};
  bool granted_before = false;  // an earlier up grants or revokes on it
  // Applies a file's GRANTs and REVOKEs on schema public and DROP OWNED BY (which takes what the
  // roles hold); false when it makes or drops the schema (then what is held is not known here).
  auto apply = [&](const std::vector<const lint::Statement*>& statements) {
    for (const lint::Statement* statement : statements) {
      const lint::Node& node = statement->node;
      if (remakes_public_schema(node)) return false;
      if (names_public_schema(node)) apply_grant(held, node, ObjectKind::schema);
      if (node.is("DropOwnedStmt")) {
        for (const std::string& role : role_names(node.list("roles"))) {
          std::erase_if(held, [&](const Privilege& p) { return p.role == role; });
        }
      }
    }
    return true;
  };
  for (std::size_t file : earlier) {
    const auto& statements = c.project.parsed(file)->all_statements();
    granted_before = granted_before || std::any_of(statements.begin(), statements.end(), names);
    if (!apply(statements)) return;
  }
  const Privileges before = held;
  if (!apply(up)) return;
  const Privileges after_up = held;
  if (!apply(down)) return;
  lint::ObjectRef ref;
  ref.kind = ObjectKind::schema;
  ref.name = "public";
  std::vector<Privilege> lost;
  for (const Privilege& privilege : before) {
    if (!holds(held, privilege)) lost.push_back(privilege);
  }
  auto first_up = std::find_if(up.begin(), up.end(), names);
  if (!lost.empty() && first_up != up.end()) {
    lint::CatalogStep step;
    step.statement = static_cast<std::size_t>(first_up - up.begin());
    bool by_default =
        !granted_before && std::any_of(lost.begin(), lost.end(), [](const Privilege& privilege) {
          return privilege.role == "PUBLIC" && privilege.privilege == "usage";
        });
    c.report(step,
             "the down leaves schema public without " + privileges_words(lost, "for") +
                 ", held before the up" +
                 (by_default ? " (PostgreSQL 15 makes schema public with USAGE for PUBLIC)" : ""),
             "add `" + grant_sql((*first_up)->node, ref, lost) + "` to the down");
  }
  std::vector<Privilege> gained;
  for (const Privilege& privilege : held) {
    if (!holds(before, privilege) && !holds(after_up, privilege)) gained.push_back(privilege);
  }
  if (gained.empty()) return;
  // Reported at the down's last GRANT on schema public.
  auto last = std::find_if(down.rbegin(), down.rend(), [](const lint::Statement* statement) {
    return names_public_schema(statement->node) && statement->node.flag("is_grant");
  });
  if (last == down.rend()) return;
  std::size_t at = static_cast<std::size_t>(down.rend() - last) - 1;
  bool create_for_all = std::any_of(gained.begin(), gained.end(), [](const Privilege& privilege) {
    return privilege.role == "PUBLIC" && privilege.privilege == "create";
  });
  c.out.report(*c.pair.down_file, statement_range(*c.pair.down_file, at),
               "the down grants " + privileges_words(gained, "to") + " on schema public, which " +
                   (gained.size() == 1 ? "was" : "were") + " not held before the up" +
                   (create_for_all && !granted_before
                        ? " (PostgreSQL 15 makes schema public with USAGE only for PUBLIC)"
                        : "") +
                   (create_for_all ? ": after a rollback every role can create objects in it" : ""),
               "grant back only what was held before the up, or add `" +
                   revoke_privileges_sql((*last)->node, ref, gained) + "` after it");
}

// Each publication the up alters, judged once.
void check_publications(Context& c) {
  const auto& up = c.pair.up_file->all_statements();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < up.size(); ++i) {
    if (!up[i]->node.is("AlterPublicationStmt")) continue;
    std::string name = lint::truncate_identifier(up[i]->node.str("pubname"));
    if (seen.insert(name).second) check_publication(c, i, name);
  }
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const Pair& pair : pairs(project)) {
    if (irreversible(*pair.down_file)) continue;
    if (pair.down_file->statements().empty()) continue;  // missing-down says it
    Context context{project, catalog, pair, out, taken_by(*pair.down_replay)};
    check_pair(context);
    check_default_privileges(context);
    check_role_settings(context);
    check_privileges_lost(context);
    check_privileges_gained(context);
    check_public_schema(context);
    check_public_schema_owner(context);
    check_privileges_made_again(context);
    check_columns_added(context);
    check_publications(context);
  }
}

}  // namespace

lint::Rule down_not_reversing() {
  return {.info = {.id = "down-not-reversing",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "A down does not undo a change its up makes to an existing object"},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
