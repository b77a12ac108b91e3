// Output formats for lint results. One file per format; nothing here decides exit codes.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/source.h"

namespace sqlgate::lint::report {

// The formats `sqlgate lint --format` accepts, in the order help lists them.
const std::vector<std::string>& format_names();

struct TextOptions {
  bool color = false;       // ANSI colours (the CLI decides: a terminal and no NO_COLOR)
  bool show_source = true;  // the source line with the span underlined
};

// What the CI formats say about the run besides its findings.
struct RunInfo {
  const RuleSet* rules = nullptr;  // the rules of the run (SARIF lists them and their settings)
  std::string version;             // sqlgate's version
  // Where the rule pages live: "{rule}" and "{category}" are replaced; without "{rule}" the
  // rule id and ".md" are appended (with a '/' between when needed). Empty: no links.
  std::string docs_url;
  // The absolute folder that relative file names are relative to (SARIF's %SRCROOT%).
  std::filesystem::path root;
};

// file:line:col: severity[rule]: message, the source line underlined, the help; a summary.
void write_text(std::ostream& out, const LintResult& result, const MigrationSet& set,
                const TextOptions& options);
// The closing line of the text format ("Found 3 findings (...) in 2 files." or "No findings ...").
std::string summary_line(const LintResult& result);

// {"diagnostics": [...], "summary": {...}}: the documented contract; keys are only ever added.
void write_json(std::ostream& out, const LintResult& result);

// One diagnostic as write_json writes it, for reports that embed lint findings (verify).
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic);

// SARIF 2.1.0, as GitHub code scanning reads it.
void write_sarif(std::ostream& out, const LintResult& result, const MigrationSet& set,
                 const RunInfo& run);

// GitHub Actions workflow commands (::error file=...::message), then the summary line.
void write_github(std::ostream& out, const LintResult& result);

// file:line:col: error: message [rule], as compilers print (help and related places as notes).
void write_gcc(std::ostream& out, const LintResult& result);

// GitLab Code Quality: a JSON array of issues with stable fingerprints.
void write_gitlab(std::ostream& out, const LintResult& result, const MigrationSet& set);

// What `lint --fix` did (or, dry_run, would do): the fixes applied, those rejected, those left
// for --unsafe-fixes, and a warning when fixes had not settled.
void write_fix_summary(std::ostream& out, const FixOutcome& outcome, bool dry_run);

// A fingerprint per finding (same order), stable across runs and unaffected by lines added or
// removed elsewhere in the file: SHA-256 over the file's path, the rule id, the text of the
// finding's first line and of its span (white space collapsed), and how many findings before
// it in the file share all of those; the first 32 hex digits.
std::vector<std::string> fingerprints(const LintResult& result, const MigrationSet& set);

// "1 file", "2 files"; `many` when the plural is not word + "s".
std::string plural(std::size_t n, std::string_view word, std::string_view many = {});

// The name compilers and SARIF give a severity: error, warning, note.
std::string_view note_level(Severity severity);

// A file's name as the CI formats give it: without a leading "./".
std::string ci_path(std::string_view display);

// The page of a rule under a docs base URL (see RunInfo::docs_url); empty without one.
std::string rule_url(std::string_view docs_url, const RuleInfo& rule);

}  // namespace sqlgate::lint::report
