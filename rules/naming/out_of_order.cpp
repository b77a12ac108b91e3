// out-of-order: a migration this change adds whose version is not above every migration already
// there (or already applied): golang-migrate, at a higher version, skips it silently.
#include <set>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Project::History& history = project.history();
  const lint::MigrationSet& set = project.set();
  if (!history.is_new && !history.applied) return;
  auto is_new = [&](const lint::SourceFile& file) {
    if (history.is_new) return history.is_new(file);
    return file.migration->version > *history.applied;
  };
  // The highest version among the migrations that are not new (a version with a new file is
  // new as a whole).
  std::set<std::string> new_versions;
  for (const auto& file : set.files) {
    if (file.migration && is_new(file)) new_versions.insert(file.migration->version.digits());
  }
  const lint::SourceFile* highest = nullptr;
  for (const auto& file : set.files) {
    if (!file.migration || new_versions.count(file.migration->version.digits()) != 0) continue;
    if (highest == nullptr || file.migration->version > highest->migration->version) {
      highest = &file;
    }
  }
  for (const auto& file : set.files) {
    if (!file.migration || file.migration->direction != lint::Direction::up || !is_new(file)) {
      continue;
    }
    const lint::Version& version = file.migration->version;
    if (history.applied && !(version > *history.applied)) {
      out.report(file, lint::TextRange{0, 0},
                 "new migration " + version.raw() + " is not above version " +
                     history.applied->raw() +
                     ", which the database already has: golang-migrate skips it silently",
                 "give it a version above " + history.applied->raw() + " (a fresh UTC timestamp)");
      continue;
    }
    if (highest != nullptr && !(version > highest->migration->version)) {
      out.report(file, lint::TextRange{0, 0},
                 "new migration " + version.raw() + " is not above existing migration " +
                     highest->migration->version.raw() +
                     ": a database already at that version skips it silently",
                 "give it a version above " + highest->migration->version.raw() +
                     " (a fresh UTC timestamp)")
          .related(*highest, lint::TextRange{0, 0}, "the highest existing migration");
    }
  }
}

}  // namespace

lint::Rule out_of_order() {
  return {.info = {.id = "out-of-order",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::error,
                   .summary = "A new migration whose version is not above the existing ones"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
