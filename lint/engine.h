// Runs the rules over a migration set: parse every file once (in parallel), run file rules in
// parallel and set rules once, apply directives and configuration, sort.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/rule.h"
#include "lint/source.h"

namespace sqlgate::lint {

// Findings the engine produces itself; their RuleInfo lives in the registry like any rule's.
inline constexpr std::string_view k_syntax_error = "syntax-error";
inline constexpr std::string_view k_invalid_encoding = "invalid-encoding";
inline constexpr std::string_view k_unknown_rule = "unknown-rule";
inline constexpr std::string_view k_unknown_directive = "unknown-directive";
inline constexpr std::string_view k_unused_ignore = "unused-ignore";
inline constexpr std::string_view k_missing_reason = "missing-reason";

// Which rules run and at what severity.
struct RuleSelection {
  std::vector<std::string> select;  // rule ids or categories; empty = every enabled rule
  std::vector<std::string> ignore;  // rule ids or categories
  bool enable_all = false;          // opt-in rules too
  // Per rule id: a severity, or nullopt for "off".
  std::map<std::string, std::optional<Severity>> severities;
};

class RuleSet {
 public:
  // Every registered rule, with old ids that still name a rule.
  RuleSet(std::vector<Rule> rules, std::map<std::string, std::string> aliases = {});

  const std::vector<Rule>& all() const { return m_rules; }
  const Rule* find(std::string_view id) const;  // by id or alias
  bool is_known(std::string_view id_or_category) const;

  // Applies a selection; throws std::invalid_argument naming an unknown rule or category.
  void configure(const RuleSelection& selection);

  bool active(std::string_view id) const;
  Severity severity(std::string_view id) const;

 private:
  std::vector<Rule> m_rules;
  std::map<std::string, std::string> m_aliases;
  std::vector<bool> m_active;
  std::vector<Severity> m_severity;
  std::ptrdiff_t index(std::string_view id) const;
};

struct LintOptions {
  unsigned jobs = 0;  // 0: one per core
  int pg_version = 15;
  // When set, findings are kept only for files it accepts (set-level checks still see all).
  std::function<bool(const SourceFile&)> report_file;
  // Schemas unqualified names resolve to in the catalog replay, first first.
  std::vector<std::string> search_path = {"public"};
  // Migrations this change adds, and the version already applied (see Project::History).
  std::function<bool(const SourceFile&)> is_new;
  std::optional<Version> applied_version;
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;
  std::size_t files = 0;       // SQL files linted
  std::size_t statements = 0;  // top-level statements parsed
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  // Files that could not be read: the result is incomplete (exit code 2).
  std::vector<std::string> io_errors;

  std::size_t count_at_or_above(Severity severity) const;
};

LintResult lint(const MigrationSet& set, const RuleSet& rules, const LintOptions& options);

// Runs fn(i) for i in [0, count) on up to `jobs` threads.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace sqlgate::lint
