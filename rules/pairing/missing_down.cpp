// missing-down: an up without a down, or with a down that holds no statement, when the up does
// something. A deliberately irreversible migration says so in its down.
#include "rules/pairing/common.h"
#include "rules/pairing/rules.h"

namespace sqlgate::rules::pairing {
namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::SourceFile& source = project.source(i);
    if (!source.migration || source.migration->direction != lint::Direction::up) continue;
    const lint::ParsedFile* up = project.parsed(i);
    if (up == nullptr || (!up->error() && up->statements().empty())) continue;
    const std::string expected =
        source.migration->version.raw() + "_" + source.migration->name + ".down.sql";
    const lint::SourceFile* partner = set.partner(source);
    if (partner == nullptr) {
      out.report(*up, lint::TextRange{0, 0},
                 "version " + source.migration->version.raw() +
                     " has no down migration: it cannot be rolled back",
                 "add " + expected +
                     " that reverses this up, or one that says `-- sqlgate:irreversible "
                     "<reason>` when it cannot be reversed");
      continue;
    }
    const lint::ParsedFile* down = project.partner(i);
    if (down == nullptr || down->error() || !down->statements().empty() || irreversible(*down)) {
      continue;
    }
    out.report(*down, lint::TextRange{0, 0},
               "this down holds no statement, but its up does: rolling back version " +
                   source.migration->version.raw() + " reverses nothing",
               "write the statements that reverse the up, or say `-- sqlgate:irreversible "
               "<reason>` when it cannot be reversed")
        .related(*up, anchor(*up), "the up it should reverse");
  }
}

}  // namespace

lint::Rule missing_down() {
  return {.info = {.id = "missing-down",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "An up migration has no down, or an empty one"},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
