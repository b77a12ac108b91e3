#include <algorithm>
#include <map>

#include "lint/report/report.h"
#include "lint/report/style.h"
#include "lint/sql.h"

namespace sqlgate::lint::report {
namespace {

std::string_view severity_colour(Severity severity) {
  switch (severity) {
    case Severity::error:
      return k_red;
    case Severity::warning:
      return k_yellow;
    case Severity::info:
      break;
  }
  return k_blue;
}

// Number of code points in a UTF-8 string.
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

void write_text(std::ostream& out, const LintResult& result, const MigrationSet& set,
                const TextOptions& options) {
  Style style{options.color};
  std::map<std::string, LineIndex> indexes;
  std::map<std::string_view, const SourceFile*> sources;
  for (const auto& file : set.files) sources.emplace(file.display, &file);
  for (const auto& d : result.diagnostics) {
    out << style(k_bold) << d.file << ':' << d.start.line << ':' << d.start.column << ": "
        << style(k_reset) << style(severity_colour(d.severity)) << style(k_bold)
        << to_string(d.severity) << style(k_reset) << '[' << d.rule << "]: " << style(k_bold)
        << d.message << style(k_reset) << '\n';
    auto file = sources.find(d.file);
    if (options.show_source && file != sources.end()) {
      const SourceFile& source = *file->second;
      auto [it, added] = indexes.try_emplace(d.file, source.text);
      const LineIndex& lines = it->second;
      std::string_view line = lines.line_text(d.start.line);
      if (!line.empty() && line.size() <= 400) {
        std::string number = std::to_string(d.start.line);
        std::string pad(number.size(), ' ');
        out << ' ' << pad << style(k_cyan) << " |" << style(k_reset) << '\n';
        out << ' ' << style(k_cyan) << number << " |" << style(k_reset) << ' ' << line << '\n';
        std::size_t start = d.start.column - 1;
        std::size_t end = d.end.line == d.start.line ? d.end.column - 1 : width(line);
        std::size_t marks = std::max<std::size_t>(1, end > start ? end - start : 1);
        std::string indent;
        // Keep tabs so that the carets line up under the text.
        std::size_t column = 0;
        for (std::size_t i = 0; i < line.size() && column < start; ++i) {
          if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
          indent += line[i] == '\t' ? '\t' : ' ';
          ++column;
        }
        out << ' ' << pad << style(k_cyan) << " |" << style(k_reset) << ' ' << indent
            << style(severity_colour(d.severity)) << std::string(marks, '^') << style(k_reset)
            << '\n';
      }
    }
    for (const auto& related : d.related) {
      out << "  " << style(k_cyan) << "note" << style(k_reset) << ": " << related.file << ':'
          << related.start.line << ':' << related.start.column << ": " << related.message << '\n';
    }
    if (!d.help.empty()) {
      out << "  " << style(k_cyan) << "help" << style(k_reset) << ": " << d.help << '\n';
    }
    if (d.fix) {
      out << "  " << style(k_cyan) << "fix" << style(k_reset) << ": " << d.fix->title
          << (d.fix->safe ? "" : " (unsafe)") << '\n';
    }
    out << '\n';
  }
  for (const auto& error : result.io_errors) out << "error: " << error << '\n';
  if (result.diagnostics.empty()) {
    out << summary_line(result) << '\n';
  } else {
    out << style(k_bold) << summary_line(result) << style(k_reset) << '\n';
  }
}

std::string summary_line(const LintResult& result) {
  if (result.diagnostics.empty()) {
    return "No findings in " + plural(result.files, "file") + " (" +
           plural(result.statements, "statement") + ").";
  }
  return "Found " + plural(result.diagnostics.size(), "finding") + " (" +
         plural(result.errors, "error") + ", " + plural(result.warnings, "warning") + ", " +
         std::to_string(result.infos) + " info) in " + plural(result.files, "file") + ".";
}

}  // namespace sqlgate::lint::report
