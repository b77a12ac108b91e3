// version-overflow: a version beyond PostgreSQL's bigint, the type of golang-migrate's
// schema_migrations.version.
#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

bool beyond_uint64(const lint::Version& version) {
  static const std::string k_max = "18446744073709551615";
  const std::string& digits = version.digits();
  return digits.size() > k_max.size() || (digits.size() == k_max.size() && digits > k_max);
}

void check(const lint::Project& project, lint::Reporter& out) {
  for (const auto& file : project.set().files) {
    if (!file.migration || file.migration->version.as_bigint()) continue;
    const lint::Version& version = file.migration->version;
    out.report(file, lint::TextRange{0, 0},
               "version " + version.raw() + " does not fit PostgreSQL's bigint: " +
                   (beyond_uint64(version)
                        ? "golang-migrate cannot even parse it and skips the file silently"
                        : "golang-migrate loads it but cannot record it in "
                          "schema_migrations.version"),
               "use a version of at most 19 digits, such as a 14-digit UTC timestamp "
               "(YYYYMMDDHHMMSS)");
  }
}

}  // namespace

lint::Rule version_overflow() {
  return {.info = {.id = "version-overflow",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::error,
                   .summary = "A version too large for golang-migrate's bigint version column"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
