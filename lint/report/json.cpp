#include <nlohmann/json.hpp>

#include "lint/report/report.h"

namespace sqlgate::lint::report {

using Json = nlohmann::ordered_json;

namespace {

Json fix_json(const Fix& fix) {
  Json edits = Json::array();
  for (const auto& edit : fix.edits) {
    edits.push_back(
        Json{{"start", edit.range.begin}, {"end", edit.range.end}, {"text", edit.text}});
  }
  Json item{{"title", fix.title}, {"safe", fix.safe}, {"edits", std::move(edits)}};
  if (!fix.file.empty()) item["file"] = fix.file;
  return item;
}

}  // namespace

Json diagnostic_json(const Diagnostic& d) {
  Json item{{"file", d.file},
            {"line", d.start.line},
            {"column", d.start.column},
            {"end_line", d.end.line},
            {"end_column", d.end.column},
            {"rule", d.rule},
            {"category", to_string(d.category)},
            {"severity", to_string(d.severity)},
            {"message", d.message},
            {"help", d.help}};
  if (!d.related.empty()) {
    Json related = Json::array();
    for (const auto& r : d.related) {
      related.push_back(Json{{"file", r.file},
                             {"line", r.start.line},
                             {"column", r.start.column},
                             {"message", r.message}});
    }
    item["related"] = std::move(related);
  }
  if (d.fix) item["fix"] = fix_json(*d.fix);
  return item;
}

void write_json(std::ostream& out, const LintResult& result) {
  Json diagnostics = Json::array();
  for (const auto& d : result.diagnostics) diagnostics.push_back(diagnostic_json(d));
  Json summary{{"files", result.files},
               {"statements", result.statements},
               {"error", result.errors},
               {"warning", result.warnings},
               {"info", result.infos}};
  if (!result.io_errors.empty()) summary["io_errors"] = result.io_errors;
  Json document{{"diagnostics", std::move(diagnostics)}, {"summary", std::move(summary)}};
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace sqlgate::lint::report
