// down-drops-foreign: a down that drops or changes an object its up did not create or change,
// or that drops an object which does not exist after its up.
#include <string>
#include <unordered_set>

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
// unless the down makes it again. (Parts of what is dropped, its columns, indexes and
// constraints, go with it by design.)
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
                     kind == lint::ObjectKind::constraint;
    if (!dependent || (object.parent != lint::k_no_object && gone.count(object.parent) != 0)) {
      continue;
    }
    if (created_by(catalog, id, pair.up)) continue;
    const lint::ObjectRef& ref = object.ref_at(pair.up_replay->end);
    if (recreated.count(ref.base_key()) != 0) continue;
    auto builder = out.report(
        *pair.down_file, statement_range(*pair.down_file, step.statement),
        "the down's DROP ... CASCADE also drops " + describe(ref) +
            ", which its up does not create (it comes from " +
            migration_name(project, object.created.file) + "), and does not make it again",
        "drop what depends on it by name first, and make again in the down what an earlier "
        "migration made (or leave CASCADE out, so that PostgreSQL says what depends on it)");
    if (const lint::ParsedFile* owner = project.parsed(object.created.file)) {
      builder.related(*owner, statement_range(*owner, object.created.statement), "created here");
    }
  }
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

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const Pair& pair : pairs(project)) {
    // A down whose up is empty is orphan-down's finding.
    if (pair.up_file->statements().empty()) continue;
    lint::Tick after = pair.up_replay->end;
    std::unordered_set<std::string> recreated = made_by(*pair.down_replay);
    std::unordered_set<std::string> created_so_far;  // by the down, before this statement
    for (const auto& step : pair.down_replay->steps) {
      const lint::Effect& effect = step.effect;
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
      // A definition the up replaced: down-not-reversing says the down loses the earlier one.
      if (drop && replaces_definition(project, catalog, step.object, pair.up)) continue;
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
