// duplicate-version: two ups or two downs of one version (0001_a against 1_b too), which
// golang-migrate refuses to load, and an up and a down of one version under different names.
#include <algorithm>
#include <map>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  // (version digits, direction) -> files, in set order
  std::map<std::pair<std::string, lint::Direction>, std::vector<const lint::SourceFile*>> groups;
  for (const auto& file : set.files) {
    if (!file.migration) continue;
    groups[{file.migration->version.digits(), file.migration->direction}].push_back(&file);
  }
  const auto& is_new = project.history().is_new;
  for (auto& [key, files] : groups) {
    // Report on the files a change adds (the CI gate shows findings only on those).
    if (is_new) {
      std::stable_partition(files.begin(), files.end(),
                            [&](const lint::SourceFile* file) { return !is_new(*file); });
    }
    const lint::SourceFile& first = *files.front();
    std::string direction(lint::to_string(key.second));
    for (std::size_t i = 1; i < files.size(); ++i) {
      const lint::SourceFile& file = *files[i];
      out.report(file, lint::TextRange{0, 0},
                 "version " + file.migration->version.raw() + " has a second " + direction + " (" +
                     first.path.filename().string() +
                     "): golang-migrate refuses to load the folder",
                 "give one of them a new version above every existing one")
          .related(first, lint::TextRange{0, 0}, "the first " + direction + " of this version");
    }
  }
  for (const auto& [key, ups] : groups) {
    if (key.second != lint::Direction::up || ups.size() != 1) continue;
    auto downs = groups.find({key.first, lint::Direction::down});
    if (downs == groups.end() || downs->second.size() != 1) continue;
    const lint::SourceFile& up = *ups.front();
    const lint::SourceFile& down = *downs->second.front();
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
