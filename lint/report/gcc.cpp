// The compiler format editors and CI log parsers understand:
//   file:line:col: error: message [rule]
// followed by the help and the related places as notes.
#include "lint/report/report.h"

namespace sqlgate::lint::report {
namespace {

// One line per entry: line breaks inside a message would start a bogus entry.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

void write_gcc(std::ostream& out, const LintResult& result) {
  for (const auto& d : result.diagnostics) {
    std::string where =
        d.file + ':' + std::to_string(d.start.line) + ':' + std::to_string(d.start.column) + ": ";
    out << where << note_level(d.severity) << ": " << one_line(d.message) << " [" << d.rule
        << "]\n";
    if (!d.help.empty()) out << where << "note: help: " << one_line(d.help) << '\n';
    for (const auto& related : d.related) {
      out << related.file << ':' << related.start.line << ':' << related.start.column
          << ": note: " << one_line(related.message) << '\n';
    }
  }
  for (const auto& error : result.io_errors) out << "sqlgate: error: cannot read " << error << '\n';
}

}  // namespace sqlgate::lint::report
