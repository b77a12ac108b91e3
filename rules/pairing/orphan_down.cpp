// orphan-down: a down without an up of its version, or whose up holds no statement while the
// down does something.
#include "rules/pairing/common.h"
#include "rules/pairing/rules.h"

namespace sqlgate::rules::pairing {
namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::SourceFile& source = project.source(i);
    if (!source.migration || source.migration->direction != lint::Direction::down) continue;
    const std::string& version = source.migration->version.raw();
    if (source.migration->partner < 0) {
      out.report(source, lint::TextRange{0, 0},
                 "down migration without an up: golang-migrate never applies version " + version +
                     " but would run this file on a rollback through it",
                 "add " + version + "_" + source.migration->name +
                     ".up.sql, or delete this file (check its name against the up's)");
      continue;
    }
    const lint::ParsedFile* down = project.parsed(i);
    const lint::ParsedFile* up = project.partner(i);
    if (down == nullptr || up == nullptr || down->error() || up->error()) continue;
    if (!up->statements().empty() || down->statements().empty()) continue;
    out.report(*down, anchor(*down),
               "the up of version " + version +
                   " holds no statement, yet this down changes the schema on a rollback",
               "empty this down too, or move its statements to the migration whose up "
               "created what it removes")
        .related(*up, lint::TextRange{0, 0}, "the empty up");
  }
}

}  // namespace

lint::Rule orphan_down() {
  return {.info = {.id = "orphan-down",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "A down migration has no up, or an empty one"},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
