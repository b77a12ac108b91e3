// The ALTER COLUMN ... TYPE steps of every migration file, as the ordering rules that judge them
// read them.
#pragma once

#include <cstddef>

#include "lint/catalog.h"
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

}  // namespace sqlgate::rules::ordering
