// invalid-timestamp: in a folder numbered by timestamp, a version that is not a real UTC date
// and time written YYYYMMDDHHMMSS.
#include <set>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  if (convention_of(set) != Convention::timestamp) return;
  std::set<std::string> seen;
  for (const auto& file : set.files) {
    if (!file.migration) continue;
    const std::string& raw = file.migration->version.raw();
    if (valid_timestamp(raw) || !seen.insert(raw).second) continue;
    std::string why = raw.size() != 14 ? "it has " + std::to_string(raw.size()) + " digits, not 14"
                                       : "it is not a real date and time";
    out.report(file, lint::TextRange{0, 0},
               "version " + raw + " is not a UTC timestamp (YYYYMMDDHHMMSS): " + why +
                   "; the other migrations of this folder are numbered by timestamp",
               "rename the migration with the UTC time it was written, e.g. what `sqlgate "
               "create` or `migrate create -ext sql` gives");
  }
}

}  // namespace

lint::Rule invalid_timestamp() {
  return {.info = {.id = "invalid-timestamp",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::warning,
                   .summary = "A version that is not a real YYYYMMDDHHMMSS UTC timestamp"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
