// The summary `lint --fix` and `lint --diff` print about the fixes.
#include "lint/report/report.h"

namespace sqlgate::lint::report {

void write_fix_summary(std::ostream& out, const FixOutcome& outcome, bool dry_run) {
  if (outcome.applied.empty()) {
    out << (dry_run ? "No fix to apply.\n" : "No fix applied.\n");
  } else {
    out << (dry_run ? "Would fix " : "Fixed ") << plural(outcome.applied.size(), "finding")
        << " in " << plural(outcome.changes.size(), "file") << ":\n";
    for (const auto& fix : outcome.applied) {
      out << "  " << fix.file << ':' << fix.start.line << ':' << fix.start.column << ": "
          << fix.rule << ": " << fix.title << (fix.safe ? "" : " (unsafe)") << '\n';
    }
  }
  for (const auto& fix : outcome.rejected) {
    out << "Not fixed: " << fix.file << ':' << fix.start.line << ':' << fix.start.column << ": "
        << fix.rule << ": " << fix.title << ": " << fix.reason << '\n';
  }
  if (outcome.unsafe_available > 0) {
    out << plural(outcome.unsafe_available, "more fix", "more fixes")
        << " available with --unsafe-fixes (they change behaviour: review them).\n";
  }
  if (!outcome.settled) {
    out << "Fixes were still applying after " << plural(outcome.passes, "round")
        << "; run again and review the result.\n";
  }
}

}  // namespace sqlgate::lint::report
