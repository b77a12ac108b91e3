// Output formats for lint results. One file per format; nothing here decides exit codes.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "lint/engine.h"
#include "lint/source.h"

namespace sqlgate::lint::report {

struct TextOptions {
  bool color = false;       // ANSI colours (the CLI decides: a terminal and no NO_COLOR)
  bool show_source = true;  // the source line with the span underlined
};

// file:line:col: severity[rule]: message, the source line underlined, the help; a summary.
void write_text(std::ostream& out, const LintResult& result, const MigrationSet& set,
                const TextOptions& options);

// {"diagnostics": [...], "summary": {...}}: the documented contract; keys are only ever added.
void write_json(std::ostream& out, const LintResult& result);

// One diagnostic as write_json writes it, for reports that embed lint findings (verify).
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic);

}  // namespace sqlgate::lint::report
