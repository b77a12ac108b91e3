// duplicate-version: two ups or two downs of one version (0001_a against 1_b too), which
// golang-migrate refuses to load, and an up and a down of one version under different names.
#include <algorithm>
#include <vector>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

// Reports every file of a group after its first: a second up (or down) of one version.
void report_duplicates(const lint::Project& project, std::vector<const lint::SourceFile*>& files,
                       lint::Direction direction_of_files, lint::Reporter& out) {
  if (files.size() < 2) return;
  // Report on the files a change adds (the CI gate shows findings only on those).
  if (const auto& is_new = project.history().is_new) {
    std::stable_partition(files.begin(), files.end(),
                          [&](const lint::SourceFile* file) { return !is_new(*file); });
  }
  const lint::SourceFile& first = *files.front();
  std::string direction(lint::to_string(direction_of_files));
  for (std::size_t i = 1; i < files.size(); ++i) {
    const lint::SourceFile& file = *files[i];
    out.report(file, lint::TextRange{0, 0},
               "version " + file.migration->version.raw() + " has a second " + direction + " (" +
                   first.path.filename().string() + "): golang-migrate refuses to load the folder",
               "give one of them a new version above every existing one")
        .related(first, lint::TextRange{0, 0}, "the first " + direction + " of this version");
  }
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  // The set lists the migrations first, by version (0001 and 1 alike): the files of a version
  // are adjacent, in set order within each direction.
  std::vector<const lint::SourceFile*> ups;
  std::vector<const lint::SourceFile*> downs;
  std::size_t i = 0;
  while (i < set.files.size() && set.files[i].migration) {
    const lint::Version& version = set.files[i].migration->version;
    ups.clear();
    downs.clear();
    for (; i < set.files.size() && set.files[i].migration &&
           set.files[i].migration->version == version;
         ++i) {
      const lint::SourceFile& file = set.files[i];
      (file.migration->direction == lint::Direction::up ? ups : downs).push_back(&file);
    }
    report_duplicates(project, ups, lint::Direction::up, out);
    report_duplicates(project, downs, lint::Direction::down, out);
    if (ups.size() != 1 || downs.size() != 1) continue;
    const lint::SourceFile& up = *ups.front();
    const lint::SourceFile& down = *downs.front();
    if (up.migration->name == down.migration->name &&
        up.migration->version.raw() == down.migration->version.raw()) {
      continue;
    }
    out.report(down, lint::TextRange{0, 0},
               "the down of version " + up.migration->version.digits() + " is named '" +
                   down.path.filename().string() + "' but its up '" + up.path.filename().string() +
                   "'",
               "name both files alike: " + up.migration->version.raw() + "_" + up.migration->name +
                   ".down.sql")
        .related(up, lint::TextRange{0, 0}, "the up")
        .at_most(lint::Severity::warning);
  }
}

}  // namespace

lint::Rule duplicate_version() {
  return {.info = {.id = "duplicate-version",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::error,
                   .summary = "Two migrations of one version and direction, or an up and a down "
                              "named apart"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
