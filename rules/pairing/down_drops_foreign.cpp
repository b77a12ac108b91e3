// down-drops-foreign: a down that drops or changes an object its up did not create or change,
// or that drops an object which does not exist after its up, or that deletes rows an earlier
// migration inserted.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "lint/table_state.h"
#include "rules/pairing/common.h"
#include "rules/pairing/rules.h"

namespace sqlgate::rules::pairing {
namespace {

bool uses_touched(const lint::Catalog& catalog, lint::ObjectId id, std::size_t up,
                  lint::Tick after) {
  for (const auto& edge : catalog.object(id).depends_on) {
    if (!edge.automatic && edge.alive_at(after) && touched_by(catalog, edge.object, up)) {
      return true;
    }
  }
  return false;
}

std::string migration_name(const lint::Project& project, std::size_t file) {
  return project.source(file).display;
}

// DROP ... CASCADE in a down takes along what depends on the object: a view, a function, a
// trigger, a policy or a foreign key that an earlier migration made is gone after the down
// unless the down makes it again, and so is a column of a type, collation or extension dropped
// with CASCADE, with its data. (Parts of what is dropped, its columns, indexes and constraints,
// go with it by design.)
void check_cascade(const lint::Project& project, const Pair& pair, const lint::CatalogStep& step,
                   const std::unordered_set<std::string>& recreated, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  std::unordered_set<lint::ObjectId> gone(step.implied.begin(), step.implied.end());
  gone.insert(step.object);
  for (lint::ObjectId id : step.implied) {
    const lint::CatalogObject& object = catalog.object(id);
    lint::ObjectKind kind = object.kind();
    bool dependent = kind == lint::ObjectKind::view ||
                     kind == lint::ObjectKind::materialized_view ||
                     kind == lint::ObjectKind::function || kind == lint::ObjectKind::procedure ||
                     kind == lint::ObjectKind::trigger || kind == lint::ObjectKind::policy ||
                     kind == lint::ObjectKind::constraint || kind == lint::ObjectKind::column;
    if (!dependent || (object.parent != lint::k_no_object && gone.count(object.parent) != 0)) {
      continue;
    }
    if (created_by(catalog, id, pair.up)) continue;
    const lint::ObjectRef& ref = object.ref_at(pair.up_replay->end);
    if (recreated.count(ref.base_key()) != 0) continue;
    bool column = kind == lint::ObjectKind::column;
    auto builder = out.report(
        *pair.down_file, statement_range(*pair.down_file, step.statement),
        "the down's DROP ... CASCADE also drops " + describe(ref) +
            (column ? " and its data (PostgreSQL: \"drop cascades to column " + ref.name +
                          " of table " + ref.parent + "\")"
                    : std::string()) +
            ", which its up does not create (it comes from " +
            migration_name(project, object.created.file) + "), and does not make it again",
        column ? "give the column back the type or collation it had before the up (ALTER TABLE ... "
                 "ALTER COLUMN ... TYPE) before the DROP, and leave CASCADE out"
               : "drop what depends on it by name first, and make again in the down what an "
                 "earlier migration made (or leave CASCADE out, so that PostgreSQL says what "
                 "depends on it)");
    if (const lint::ParsedFile* owner = project.parsed(object.created.file)) {
      builder.related(*owner, statement_range(*owner, object.created.statement), "created here");
    }
  }
}

// Whether the up's ADD CONSTRAINT ... USING INDEX of the index is one PostgreSQL refuses (an
// index on expressions, a partial one, ...): no constraint took the index, so the down's DROP
// CONSTRAINT leaves it (require-constraint-using-index reports the up).
bool adoption_refused(const lint::Project& project, const Pair& pair, const std::string& index) {
  lint::FileContext context{project, pair.up, *pair.up_file};
  for (const lint::Statement* statement : pair.up_file->all_statements()) {
    if (!statement->node.is("AlterTableStmt")) continue;
    auto table = lint::QualifiedName::of(lint::relation_name(statement->node.get("relation")));
    for (lint::Node command : statement->node.list("cmds")) {
      if (command.str("subtype") != "AT_AddConstraint") continue;
      lint::Node def = command.get("def");
      if (!def.has("indexname") || lint::truncate_identifier(def.str("indexname")) != index) {
        continue;
      }
      if (lint::unadoptable_index(context, *statement, table, index)) return true;
    }
  }
  return false;
}

// ADD CONSTRAINT ... USING INDEX makes the index the constraint's: DROP CONSTRAINT drops it too.
// An index an earlier migration built, which the up turned into a constraint, is gone after a
// down that drops the constraint, unless the down creates it again.
void check_owned_index(const lint::Project& project, const Pair& pair,
                       const lint::CatalogStep& step,
                       const std::unordered_set<std::string>& recreated, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (lint::ObjectId id : step.implied) {
    const lint::CatalogObject& index = catalog.object(id);
    if (index.kind() != lint::ObjectKind::index || created_by(catalog, id, pair.up)) continue;
    const lint::ObjectRef& before = index.ref_at(pair.up_replay->start);
    const lint::ObjectRef& now = index.ref_at(pair.up_replay->end);
    if (recreated.count(before.base_key()) != 0 || recreated.count(now.base_key()) != 0) continue;
    if (adoption_refused(project, pair, before.name)) continue;
    const lint::ParsedFile* owner = project.parsed(index.created.file);
    const lint::Statement* made = lint::statement_at(project, index.created);
    std::string help = "create the index again in the down after the DROP CONSTRAINT";
    if (owner != nullptr && made != nullptr && made->node.is("IndexStmt")) {
      help += ": `";
      help += owner->slice(made->range);
      help += ";`";
      if (made->node.flag("concurrent"))
        help += " (CONCURRENTLY: in a -- sqlgate:no-transaction down)";
    } else {
      help += ", as " + migration_name(project, index.created.file) + " did";
    }
    auto builder = out.report(
        *pair.down_file, statement_range(*pair.down_file, step.statement),
        "the down's DROP CONSTRAINT also drops " + describe(before) +
            ", which the up's USING INDEX gave to the constraint: the index comes from " +
            migration_name(project, index.created.file) + ", and after the down it is gone",
        help);
    if (owner != nullptr) {
      builder.related(*owner, statement_range(*owner, index.created.statement), "created here");
    }
  }
}

// The rows a DELETE names by constant values of one column: WHERE c = v or WHERE c IN (v, ...);
// nothing for any other condition.
struct KeyValues {
  std::string column;
  std::vector<std::string> values;
};
std::optional<KeyValues> deleted_keys(const lint::Node& statement) {
  if (!statement.is("DeleteStmt") || !statement.list("usingClause").empty()) return std::nullopt;
  lint::Node where = statement.get("whereClause");
  lint::NodeList op = where.list("name");
  if (!where.is("A_Expr") || op.size() != 1 || op[0].as_str() != "=") return std::nullopt;
  lint::Node left = where.get("lexpr");
  lint::NodeList fields = left.list("fields");
  if (!left.is("ColumnRef") || fields.empty() || !fields.back().is("String")) return std::nullopt;
  KeyValues keys{lint::truncate_identifier(fields.back().as_str()), {}};
  std::string_view kind = where.str("kind");
  lint::Node right = where.get("rexpr");
  std::vector<lint::Node> operands;
  if (kind == "AEXPR_OP") {
    operands.push_back(right);
  } else if (kind == "AEXPR_IN") {
    for (lint::Node item : right.is("List") ? right.list("items") : right.items()) {
      operands.push_back(item);
    }
  } else {
    return std::nullopt;
  }
  for (const lint::Node& operand : operands) {
    auto value = literal(operand);
    if (!value) return std::nullopt;
    keys.values.push_back(*value);
  }
  return keys;
}

// The constants an INSERT ... VALUES writes into the column, row by row.
std::vector<std::string> inserted_values(const lint::Catalog& catalog,
                                         const lint::CatalogObject& table, const lint::Node& insert,
                                         lint::Tick tick, const std::string& column) {
  std::vector<std::string> columns;
  for (lint::Node target : insert.list("cols")) {
    columns.push_back(lint::truncate_identifier(target.str("name")));
  }
  if (columns.empty()) {
    for (lint::ObjectId id : catalog.columns(table.ref_at(tick), tick)) {
      columns.push_back(catalog.object(id).ref_at(tick).name);
    }
  }
  auto at = std::find(columns.begin(), columns.end(), column);
  std::vector<std::string> values;
  if (at == columns.end()) return values;
  auto position = static_cast<std::size_t>(at - columns.begin());
  for (lint::Node row : insert.get("selectStmt").list("valuesLists")) {
    lint::NodeList items = row.list("items");
    if (position >= items.size()) continue;
    if (auto value = literal(items[position])) values.push_back(*value);
  }
  return values;
}

// A DELETE in a down of rows, by constant key values, that an earlier migration's up inserted
// and that were still there when this up ran (an up that re-inserts them with ON CONFLICT DO
// NOTHING adds nothing): rolling this migration back loses them. Only the ups' row writes of the
// table before this up are followed; a DELETE or UPDATE of the key there that is not by
// constants, a TRUNCATE or a column rename leaves the rows unknown. An up that deletes, updates
// or empties the table itself is down-not-reversing's to judge; a down that inserts rows into
// the table (writes them back) is left alone.
void check_deleted_rows(const lint::Project& project, const Pair& pair,
                        const lint::CatalogStep& step, const StepsByObject& down_steps,
                        lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::CatalogObject& table = catalog.object(step.object);
  if (table.kind() != lint::ObjectKind::table) return;
  const lint::Statement& statement = *pair.down_file->all_statements()[step.statement];
  auto keys = deleted_keys(statement.node);
  if (!keys) return;
  for (const lint::CatalogStep* other : down_steps.of(step.object)) {
    if (other->effect.change == lint::Change::insert) return;
  }
  std::map<std::string, lint::Origin> present;  // key value -> the INSERT that wrote it
  for (const lint::Origin& change : table.changed) {
    if (change.tick >= pair.up_replay->end) continue;
    const lint::Statement* made = lint::statement_at(project, change);
    if (made == nullptr) continue;
    const lint::Node& node = made->node;
    bool ours = change.tick >= pair.up_replay->start;
    if (ours) {
      if (node.is("DeleteStmt") || node.is("UpdateStmt") || node.is("TruncateStmt")) return;
      continue;
    }
    if (node.is("InsertStmt")) {
      for (const std::string& value :
           inserted_values(catalog, table, node, change.tick, keys->column)) {
        present.emplace(value, change);
      }
    } else if (node.is("DeleteStmt")) {
      auto gone = deleted_keys(node);
      if (!gone || gone->column != keys->column) {
        present.clear();
        continue;
      }
      for (const std::string& value : gone->values) present.erase(value);
    } else if (node.is("UpdateStmt")) {
      for (lint::Node target : node.list("targetList")) {
        if (lint::truncate_identifier(target.str("name")) == keys->column) present.clear();
      }
    } else if (node.is("TruncateStmt") || node.is("RenameStmt")) {
      present.clear();
    }
  }
  std::vector<std::string> lost;
  const lint::Origin* first = nullptr;
  for (const std::string& value : keys->values) {
    auto found = present.find(value);
    if (found == present.end()) continue;
    if (std::find(lost.begin(), lost.end(), value) != lost.end()) continue;
    lost.push_back(value);
    if (first == nullptr) first = &found->second;
  }
  if (first == nullptr) return;
  std::string name = describe(table.ref_at(pair.up_replay->end));
  std::string source = migration_name(project, first->file);
  auto builder = out.report(
      *pair.down_file, statement_range(*pair.down_file, step.statement),
      "the down deletes rows of " + name + " with " + keys->column + " " +
          lint::join_strings(lost, ", ") + ", which an earlier migration inserted (" + source +
          "): they were there before this up ran, so a rollback of this migration loses them",
      "delete only the rows this migration's up added: leave out the keys an earlier migration "
      "inserts (and the DELETE altogether when the up only re-inserts rows that were there)");
  if (const lint::ParsedFile* owner = project.parsed(first->file)) {
    builder.related(*owner, statement_range(*owner, first->statement), "inserted here");
  }
}

// An ALTER TABLE ... ENABLE / DISABLE TRIGGER x (or ALL, USER) of the down, where the up makes a
// trigger x on that table (CREATE [OR REPLACE] TRIGGER).
bool switches_trigger_made_by_up(const lint::Catalog& catalog, const Pair& pair,
                                 const lint::CatalogStep& step) {
  const lint::Effect& effect = step.effect;
  if (effect.change != lint::Change::enable_trigger &&
      effect.change != lint::Change::disable_trigger) {
    return false;
  }
  const std::string& which = effect.columns.empty() ? std::string() : effect.columns.front();
  const lint::ObjectRef& table = catalog.object(step.object).ref_at(pair.up_replay->end);
  for (const auto& made : pair.up_replay->steps) {
    const lint::ObjectRef& ref = made.effect.object;
    if (made.effect.action == lint::Action::create && ref.kind == lint::ObjectKind::trigger &&
        ref.parent == table.name && ref.schema == table.schema &&
        (which == ref.name || which == "ALL" || which == "USER")) {
      return true;
    }
  }
  return false;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const Pair& pair : pairs(project)) {
    // A down whose up is empty is orphan-down's finding.
    if (pair.up_file->statements().empty()) continue;
    lint::Tick after = pair.up_replay->end;
    std::unordered_set<std::string> recreated = made_by(*pair.down_replay);
    std::unordered_set<std::string> created_so_far;  // by the down, before this statement
    std::optional<StepsByObject> down_steps;
    for (const auto& step : pair.down_replay->steps) {
      const lint::Effect& effect = step.effect;
      if (effect.action == lint::Action::use && effect.change == lint::Change::delete_rows &&
          step.object != lint::k_no_object) {
        if (!down_steps) down_steps.emplace(*pair.down_replay);
        check_deleted_rows(project, pair, step, *down_steps, out);
        continue;
      }
      if (effect.action == lint::Action::create) created_so_far.insert(effect.object.base_key());
      bool drop = effect.action == lint::Action::drop;
      bool change = effect.action == lint::Action::rename ||
                    (effect.action == lint::Action::alter && effect.change != lint::Change::none);
      if (!drop && !change) continue;
      // REVOKE ... ON ALL TABLES IN SCHEMA reaches every table there: what it takes from a role
      // that held it before the up is down-not-reversing's.
      if (effect.all_in_schema) continue;
      lint::TextRange range = statement_range(*pair.down_file, step.statement);
      if (step.object == lint::k_no_object) {
        // Dropped earlier in this down: drop-order says it. Unknown to the migrations: it may
        // come from elsewhere.
        if (!drop || effect.if_exists || step.dropped_by_step >= 0) continue;
        // Named without argument types while several fit: drop-order says PostgreSQL refuses it.
        if (step.ambiguous) continue;
        if (!catalog.known(effect.object)) continue;
        // A work table the down itself made.
        bool made_here = false;
        for (lint::ObjectKind kind : {effect.object.kind, lint::ObjectKind::table}) {
          lint::ObjectRef candidate = effect.object;
          candidate.kind = kind;
          if (created_so_far.count(candidate.base_key()) != 0) made_here = true;
        }
        if (made_here) continue;
        lint::ObjectId later = catalog.created_after(effect.object, after);
        std::string why = later != lint::k_no_object
                              ? "it is created by a later migration, " +
                                    migration_name(project, catalog.object(later).created.file)
                              : "no migration up to this one leaves it in place";
        out.report(*pair.down_file, range,
                   "the down drops " + describe(effect.object) +
                       ", which does not exist after its up (" + why + "): the down fails",
                   "drop only what this migration's up created; move this statement to the "
                   "down of the migration that creates it");
        continue;
      }
      if (drop && effect.cascade) check_cascade(project, pair, step, recreated, out);
      if (drop && effect.object.kind == lint::ObjectKind::constraint) {
        check_owned_index(project, pair, step, recreated, out);
      }
      // A drop reverses a create: the up must have created the object (or what it belongs
      // to). Other changes reverse any change the up made to it.
      if (drop ? created_by(catalog, step.object, pair.up)
               : touched_by(catalog, step.object, pair.up)) {
        continue;
      }
      // DROP NOT NULL of a column the up's primary key made NOT NULL: dropping the key leaves
      // it so, and the down takes it back.
      if (effect.change == lint::Change::drop_not_null &&
          key_made_not_null(project, catalog, step.object, pair)) {
        continue;
      }
      // A RESET of storage parameters nothing set before (no WITH (...) at its creation, no
      // earlier SET): the relation keeps its defaults, and the down changes nothing.
      if (!drop && effect.change == lint::Change::storage_parameters &&
          resets_only(pair.down_file->all_statements()[step.statement]->node) &&
          !parameters_set_before(project, catalog, step.object, step.tick)) {
        continue;
      }
      // A definition the up replaced: down-not-reversing says the down loses the earlier one.
      if (drop && replaces_definition(project, catalog, step.object, pair.up)) continue;
      // ENABLE / DISABLE of a trigger the up made anew (CREATE OR REPLACE TRIGGER makes it
      // ENABLE): the down switches it back to the mode it had.
      if (!drop && switches_trigger_made_by_up(catalog, pair, step)) continue;
      // Changing what uses an object the up changed is part of reversing it (a column moved to
      // the enum the down recreates without the up's new value).
      if (!drop && uses_touched(catalog, step.object, pair.up, after)) continue;
      const lint::CatalogObject& object = catalog.object(step.object);
      const lint::ObjectRef& ref = object.ref_at(after);
      if (drop && (recreated.count(ref.base_key()) != 0 ||
                   recreated.count(object.ref_at(pair.up_replay->start).base_key()) != 0)) {
        continue;
      }
      const lint::ParsedFile* owner = project.parsed(object.created.file);
      auto builder = out.report(
          *pair.down_file, range,
          std::string("the down ") + (drop ? "drops " : "changes ") + describe(ref) +
              (drop ? ", which its up does not create (it comes from "
                    : ", which its up does not create or change (it comes from ") +
              migration_name(project, object.created.file) + ")",
          "a down reverses only its own up: remove this statement, or move it to the down of "
          "the migration that created the object");
      if (owner != nullptr) {
        builder.related(*owner, statement_range(*owner, object.created.statement), "created here");
      }
    }
  }
}

}  // namespace

lint::Rule down_drops_foreign() {
  return {.info = {.id = "down-drops-foreign",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "A down drops or changes what its up did not create or change"},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
