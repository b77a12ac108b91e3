// down-incomplete: an object the up created that its down neither drops nor takes with
// something it drops (DROP TABLE takes the table's columns, indexes, constraints, triggers,
// policies and owned sequences; CASCADE takes the dependents).
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/pairing/common.h"
#include "rules/pairing/rules.h"
#include "rules/pairing/sequences.h"

namespace sqlgate::rules::pairing {
namespace {

using lint::ObjectId;
using lint::ObjectKind;

// Objects whose reversal down-not-reversing judges: columns and constraints added to a table
// that existed before the up.
bool added_to_existing(const lint::Catalog& catalog, const lint::CatalogObject& object,
                       std::size_t up) {
  if (object.kind() != ObjectKind::column && object.kind() != ObjectKind::constraint) {
    return false;
  }
  return object.parent == lint::k_no_object || catalog.object(object.parent).created.file != up;
}

// The search path a file sets and leaves at its end (SET search_path, set_config()); nullopt
// when it sets none, or sets it back.
std::optional<std::vector<std::string>> path_left(const lint::ParsedFile& file) {
  std::optional<std::vector<std::string>> path;
  for (const lint::Statement* statement : file.all_statements()) {
    if (auto change = lint::search_path_change(statement->node)) path = change->path;
  }
  return path;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const Pair& pair : pairs(project)) {
    if (irreversible(*pair.down_file)) continue;
    if (pair.down_file->statements().empty()) continue;  // missing-down says it
    lint::Tick after = pair.up_replay->end;
    std::unordered_set<ObjectId> created;
    std::vector<const lint::CatalogStep*> steps;
    for (const auto& step : pair.up_replay->steps) {
      if (step.effect.action != lint::Action::create || step.existed ||
          step.object == lint::k_no_object) {
        continue;
      }
      const lint::CatalogObject& object = catalog.object(step.object);
      if (object.created.file != pair.up || !object.alive_at(after)) continue;
      // An extension created IF NOT EXISTS may well have been there before: leave it.
      if (object.kind() == ObjectKind::extension && step.effect.if_not_exists) continue;
      // A temporary object goes when the session (or with ON COMMIT DROP, the transaction)
      // ends: there is nothing for the down to drop.
      if (object.ref_at(after).schema == "pg_temp") continue;
      // Made in pg_catalog: written without a schema under a search path that holds none,
      // which fails for a relation (use-before-create says so).
      if (object.ref_at(after).schema == "pg_catalog") continue;
      if (added_to_existing(catalog, object, pair.up)) continue;
      // The index of a primary key, unique or exclusion constraint goes with the constraint, and
      // PostgreSQL refuses DROP INDEX of it ("cannot drop index t_pkey because constraint t_pkey
      // on table t requires it"): the constraint is what the down drops.
      if (object.kind() == ObjectKind::index &&
          catalog.key_partner(step.object, after) != lint::k_no_object) {
        continue;
      }
      // The sequence of ADD GENERATED ... AS IDENTITY on a column that existed before the up:
      // DROP SEQUENCE is refused while the column requires it; down-not-reversing asks for DROP
      // IDENTITY.
      if (object.kind() == ObjectKind::sequence) {
        ObjectId column = identity_column_of(project, catalog, step.object);
        if (column != lint::k_no_object && !created_by(catalog, column, pair.up)) continue;
      }
      // Dropped and created again by the up (an index rebuilt): the name was there before, and
      // the down has no reason to drop it.
      if (catalog.find(object.ref_at(after), pair.up_replay->start) != lint::k_no_object) continue;
      // A column of a table that takes the name of one the replay knows only in part (CREATE
      // TABLE ... AS SELECT *, LIKE): the column may well have been there before the up.
      if (object.kind() == ObjectKind::column && object.parent != lint::k_no_object) {
        ObjectId before =
            catalog.find(catalog.object(object.parent).ref_at(after), pair.up_replay->start);
        if (before != lint::k_no_object &&
            !lint::columns_known(project, catalog, before, pair.up_replay->start)) {
          continue;
        }
      }
      created.insert(step.object);
      steps.push_back(&step);
    }
    std::unordered_set<ObjectId> taken = taken_by(*pair.down_replay);
    // A down that sets a search path without the object's schema: a DROP must write it.
    auto path = path_left(*pair.down_file);
    std::unordered_set<ObjectId> missing;
    for (const auto* step : steps) {
      if (taken.count(step->object) == 0) missing.insert(step->object);
    }
    for (const auto* step : steps) {
      ObjectId id = step->object;
      if (missing.count(id) == 0) continue;
      const lint::CatalogObject& object = catalog.object(id);
      // Name only what the down must drop itself: not what goes with another missing object.
      bool covered = object.implicit && object.parent != lint::k_no_object &&
                     missing.count(object.parent) != 0;
      if (object.parent != lint::k_no_object && missing.count(object.parent) != 0) covered = true;
      for (const auto& edge : object.depends_on) {
        if (edge.automatic && missing.count(edge.object) != 0) covered = true;
      }
      if (covered) continue;
      const lint::ObjectRef& ref = object.ref_at(after);
      bool off_path = path && !ref.schema.empty() &&
                      std::find(path->begin(), path->end(), ref.schema) == path->end();
      out.report(*pair.down_file, anchor(*pair.down_file),
                 "the down does not drop " + describe(ref) + ", which its up creates" +
                     (off_path ? " (the search path the down sets does not hold schema " +
                                     quote_identifier(ref.schema) +
                                     ": a name written without a schema does not find it)"
                               : std::string()),
                 "add `" + drop_sql(ref, off_path) +
                     "` to the down, after what depends on it and before what it depends on")
          .related(*pair.up_file, statement_range(*pair.up_file, object.created.statement),
                   "created here");
    }
  }
}

}  // namespace

lint::Rule down_incomplete() {
  return {.info = {.id = "down-incomplete",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "A down leaves behind an object its up created"},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
