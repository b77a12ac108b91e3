// The ALTER COLUMN ... TYPE steps of every migration file, as the ordering rules that judge them
// read them, and the types they name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules::ordering {

// Calls visit(file index, file, replay, step index, step) for each step of a replayed file that
// changes a known column's type, in file order.
template <typename Visit>
void for_each_type_change(const lint::Project& project, const lint::Catalog& catalog,
                          Visit&& visit) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    const lint::ParsedFile* file = project.parsed(i);
    if (!replay.replayed || file == nullptr) continue;
    for (std::size_t s = 0; s < replay.steps.size(); ++s) {
      const lint::CatalogStep& step = replay.steps[s];
      if (step.effect.action != lint::Action::alter ||
          step.effect.change != lint::Change::set_type || step.object == lint::k_no_object ||
          catalog.object(step.object).kind() != lint::ObjectKind::column) {
        continue;
      }
      visit(i, *file, replay, s, step);
    }
  }
}

// Whether the statement that made a type is CREATE TYPE ... AS ENUM.
bool makes_enum(const lint::Statement* statement);

// The type an ALTER COLUMN ... TYPE names, as far as the file and the catalog tell.
struct Target {
  bool is_enum = false;
  // The catalog's object; k_no_object when the file makes it itself (a down).
  lint::ObjectId id = lint::k_no_object;
};

// The type an ALTER COLUMN ... TYPE names, at step `s` of the replay: an enum the file made before
// (a down's creates are not in the catalog), else the catalog's type of that name at the tick
// (less what a down renamed away before); for an array, its element type. nullopt for a type the
// migrations do not make.
std::optional<Target> target_of(const lint::Project& project, const lint::Catalog& catalog,
                                const lint::FileReplay& replay, const lint::ParsedFile& file,
                                std::size_t s, const lint::ColumnType& type);

// The type object the column has at the tick (by its type edge); k_no_object for a built-in type
// or one the migrations do not make.
lint::ObjectId current_type(const lint::Catalog& catalog, lint::ObjectId column, lint::Tick tick);

// The name a type of the migrations has when step `s` of the replay runs (a down's renames before
// it are not in the catalog), as PostgreSQL's messages name it (shown_type_name()).
std::string type_name_at(const lint::Catalog& catalog, const lint::FileReplay& replay,
                         std::size_t s, lint::ObjectId type);

// A type of a schema as PostgreSQL's messages name it: qualified unless its schema is on the
// default search path (public, pg_catalog).
std::string shown_type_name(const std::string& schema, const std::string& name);

}  // namespace sqlgate::rules::ordering
