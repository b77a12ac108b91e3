// Runs the rules over a migration set: parse every file once (in parallel), run file rules in
// parallel and set rules once, apply directives and configuration, sort.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Rule settings for the files an override matches (.sqlgate.json "overrides"). Later overrides
// win over earlier ones, and all of them over the selection's own settings; a rule that
// --select leaves out or --ignore names stays off everywhere.
struct FileOverride {
  std::function<bool(const SourceFile&)> matches;
  // Per rule id: a severity, or nullopt for "off".
  std::map<std::string, std::optional<Severity>> severities;
  // Per rule id: options merged key by key over the rule's own.
  std::map<std::string, RuleOptions> options;
};

// Which rules run and at what severity.
struct RuleSelection {
  std::vector<std::string> select;  // rule ids or categories; empty = every enabled rule
  std::vector<std::string> ignore;  // rule ids or categories
  bool enable_all = false;          // opt-in rules too
  // Per rule id: a severity, or nullopt for "off".
  std::map<std::string, std::optional<Severity>> severities;
  // Per rule id: the options the configuration sets.
  std::map<std::string, RuleOptions> options;
  std::vector<FileOverride> overrides;
};

// What a rule does in one file, once the overrides that match the file are applied.
struct RuleSetting {
  bool active = false;
  Severity severity = Severity::error;
  RuleOptions options;
};

class RuleSet {
 public:
  // Every registered rule, with old ids that still name a rule.
  RuleSet(std::vector<Rule> rules, const std::map<std::string, std::string>& aliases = {});

  const std::vector<Rule>& all() const { return m_rules; }
  const Rule* find(std::string_view id) const;  // by id or alias
  bool is_known(std::string_view id_or_category) const;

  // Applies a selection; throws std::invalid_argument naming an unknown rule or category.
  void configure(const RuleSelection& selection);

  // The settings outside every override.
  bool active(std::string_view id) const;
  Severity severity(std::string_view id) const;
  const RuleOptions& options(std::string_view id) const;

  // Per file: the overrides that match it (indexes, in order), and a rule's setting there.
  bool has_overrides() const { return !m_overrides.empty(); }
  std::vector<std::size_t> overrides_for(const SourceFile& file) const;
  RuleSetting setting(std::string_view id, const std::vector<std::size_t>& overrides) const;
  // Active outside the overrides or in at least one of them: the engine runs it.
  bool active_anywhere(std::string_view id) const;

 private:
  struct Override {
    std::function<bool(const SourceFile&)> matches;
    std::vector<std::pair<std::size_t, std::optional<Severity>>> severities;
    std::vector<std::pair<std::size_t, RuleOptions>> options;
  };

  // Looked up by id without building a std::string.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::vector<Rule> m_rules;
  // Rule id and alias -> position in m_rules.
  std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> m_index;
  std::vector<bool> m_active;
  std::vector<bool> m_excluded;  // left out by --select or named by --ignore
  std::vector<Severity> m_severity;
  std::vector<RuleOptions> m_options;
  std::vector<Override> m_overrides;
  std::ptrdiff_t index(std::string_view id) const;
};

struct LintOptions {
  unsigned jobs = 0;  // 0: one per core
  int pg_version = 15;
  // When set, findings are kept only for files it accepts (set-level checks still see all).
  std::function<bool(const SourceFile&)> report_file;
  // When set, the file rules run only on the files it accepts. The others still take part in
  // the set-level checks, whose findings they keep (their ignore directives applied), but get
  // no finding of their own: the runner's gate checks only the files it will run this way.
  std::function<bool(const SourceFile&)> check_file;
  // The version convention; unset: the folder's own (see Project::naming).
  std::optional<NamingConvention> naming;
  // Schemas unqualified names resolve to in the catalog replay, first first.
  std::vector<std::string> search_path = {"public"};
  // Migrations this change adds, and the version already applied (see Project::History).
  std::function<bool(const SourceFile&)> is_new;
  std::optional<Version> applied_version;
  // Hand the parse trees (and the catalog) back in LintResult::project: for a caller that runs
  // the files after linting them (the runner's gate) and must not parse them again, or that
  // ends right after and leaves freeing them to the operating system.
  bool keep_project = false;
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
  // With LintOptions::keep_project: the files as parsed, indexed as the set's files.
  std::shared_ptr<const Project> project;

  std::size_t count_at_or_above(Severity severity) const;
};

LintResult lint(const MigrationSet& set, const RuleSet& rules, const LintOptions& options);

// The number of threads a `jobs` setting means: 0 is one per core.
unsigned thread_count(unsigned jobs);

// Runs fn(i) for i in [0, count) on up to `jobs` threads (0: one per core).
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace sqlgate::lint
