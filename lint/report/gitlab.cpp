// GitLab Code Quality (a subset of Code Climate's issue format): a JSON array, one issue per
// finding, each with a fingerprint that stays the same across runs and line shifts, so the
// merge request widget shows what a change introduced and what it fixed.
#include <nlohmann/json.hpp>

#include "lint/report/report.h"

namespace sqlgate::lint::report {

using Json = nlohmann::ordered_json;

namespace {

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "major";
    case Severity::warning:
      return "minor";
    case Severity::info:
      break;
  }
  return "info";
}

// Code Climate's categories: what each of ours is to a reviewer.
std::string_view climate_category(Category category) {
  switch (category) {
    case Category::naming:
      return "Style";
    case Category::safety:
      return "Performance";
    case Category::meta:
      return "Clarity";
    default:
      break;
  }
  return "Bug Risk";
}

}  // namespace

void write_gitlab(std::ostream& out, const LintResult& result, const MigrationSet& set) {
  std::vector<std::string> prints = fingerprints(result, set);
  Json issues = Json::array();
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    const Diagnostic& d = result.diagnostics[i];
    issues.push_back(Json{
        {"type", "issue"},
        {"check_name", d.rule},
        {"description", d.help.empty() ? d.message : d.message + " (" + d.help + ")"},
        {"categories", Json::array({climate_category(d.category)})},
        {"severity", gitlab_severity(d.severity)},
        {"fingerprint", prints[i]},
        {"location",
         {{"path", ci_path(d.file)},
          {"lines", {{"begin", d.start.line}, {"end", std::max(d.start.line, d.end.line)}}}}}});
  }
  out << issues.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace sqlgate::lint::report
