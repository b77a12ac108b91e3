// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message
// GitHub decodes %25, %0D and %0A in the message, and also %3A and %2C in property values.
#include "lint/report/report.h"

namespace sqlgate::lint::report {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void write_github(std::ostream& out, const LintResult& result) {
  for (const auto& d : result.diagnostics) {
    out << "::" << (d.severity == Severity::info ? "notice" : note_level(d.severity))
        << " file=" << escape_property(ci_path(d.file)) << ",line=" << d.start.line;
    // Columns only on one line (GitHub ignores them across lines); endColumn is inclusive.
    if (d.end.line == d.start.line) {
      out << ",col=" << d.start.column << ",endLine=" << d.end.line
          << ",endColumn=" << std::max(d.start.column, d.end.column - 1);
    } else {
      out << ",endLine=" << d.end.line;
    }
    out << ",title=" << escape_property(d.rule)
        << "::" << escape_data(d.help.empty() ? d.message : d.message + "\nhelp: " + d.help)
        << '\n';
  }
  for (const auto& error : result.io_errors) {
    out << "::error title=sqlgate::" << escape_data("cannot read " + error) << '\n';
  }
  out << summary_line(result) << '\n';
}

}  // namespace sqlgate::lint::report
