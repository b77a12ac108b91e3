#include "runner/errors.h"

namespace sqlgate::runner {

DirtyDatabase::DirtyDatabase(std::int64_t version, const std::string& detail)
    : RunRefused("Dirty database version " + std::to_string(version) + ". Fix and force version." +
                 (detail.empty() ? "" : "\n" + detail)),
      m_version(version) {}

namespace {

std::size_t count_errors(const std::vector<GateFindings>& refusals) {
  std::size_t errors = 0;
  for (const auto& refusal : refusals) errors += refusal.findings.errors;
  return errors;
}

}  // namespace

GateRefused::GateRefused(std::vector<GateFindings> refusals)
    : RunRefused("the lint gate refused the run: " + std::to_string(count_errors(refusals)) +
                 " error" + (count_errors(refusals) == 1 ? "" : "s") +
                 " in what it would apply; nothing was applied"),
      m_refusals(std::move(refusals)) {}

MigrationFailed::MigrationFailed(FailureReport report)
    : RunRefused("migration " + std::to_string(report.version) + "/" + report.direction + " " +
                 report.name + " failed: " + report.message),
      m_report(std::move(report)) {}

}  // namespace sqlgate::runner
