// What a rule is, what it sees, and how it reports.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/options.h"
#include "lint/source.h"
#include "lint/sql.h"

namespace sqlgate::lint {

enum class FixKind : std::uint8_t { none, safe, unsafe };
std::string_view to_string(FixKind kind);

struct RuleInfo {
  std::string_view id;
  Category category = Category::syntax;
  Severity severity = Severity::error;  // default severity
  bool enabled = true;                  // false: opt-in (--enable-all or config turns it on)
  std::string_view summary;
  FixKind fix = FixKind::none;
  std::string_view doc;  // the rule's page, markdown (embedded at build time)
  // The options the configuration may set for it (.sqlgate.json "rules"); none by default.
  std::span<const OptionSpec> options;
};

// How migration versions are written (.sqlgate.json "naming"): a 14-digit UTC timestamp
// (YYYYMMDDHHMMSS) or a zero-padded sequence number.
enum class NamingConvention : std::uint8_t { timestamp, sequence };
std::string_view to_string(NamingConvention naming);
std::optional<NamingConvention> parse_naming(std::string_view text);

class Catalog;
class RuleSet;

// Everything the rules may look at: the files, their parse, and the options of the run.
// What Project::shared and FileContext::shared key a T by: one address per type, whatever the
// types of the other template arguments (each call's lambda has its own).
template <typename T>
const void* shared_tag() {
  static const char k_tag = 0;
  return &k_tag;
}

class Project {
 public:
  Project(const MigrationSet& set, std::vector<std::unique_ptr<ParsedFile>> parsed, int pg_version);
  ~Project();
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  const MigrationSet& set() const { return *m_set; }
  std::size_t size() const { return m_parsed.size(); }
  const SourceFile& source(std::size_t index) const { return m_set->files[index]; }
  // The parse of a file: null for a file that is not SQL or could not be read.
  const ParsedFile* parsed(std::size_t index) const { return m_parsed[index].get(); }
  // The parse of the other direction of a migration, when there is one.
  const ParsedFile* partner(std::size_t index) const;
  std::size_t index_of(const ParsedFile& file) const;
  int pg_version() const { return m_pg_version; }
  // The convention the configuration names, else the folder's own: timestamp when most
  // migration files have a 14-digit version, sequence otherwise.
  NamingConvention naming() const;
  // A rule's options for a file: its configuration, with the path overrides that match the file.
  RuleOptions options(std::string_view rule_id, std::size_t index) const;
  // Puts the parse of file i in place, while the engine parses (from any thread, each file once).
  void set_parsed(std::size_t index, std::unique_ptr<ParsedFile> parsed) {
    m_parsed[index] = std::move(parsed);
  }
  // Set by the engine before rules run.
  void configure(const RuleSet* rules, std::vector<std::vector<std::size_t>> overrides,
                 std::optional<NamingConvention> naming);
  // The configuration's overrides that match a file (indexes into the rule set's overrides).
  const std::vector<std::size_t>& overrides(std::size_t index) const;

  // The schema replayed from the ups in version order; null until replayed.
  const Catalog* catalog() const { return m_catalog.get(); }
  void set_catalog(std::shared_ptr<const Catalog> catalog) { m_catalog = std::move(catalog); }

  // Which migrations this change adds (a pull request's), for the checks that compare new
  // migrations with the ones already applied. Unset: no migration is known to be new.
  struct History {
    std::function<bool(const SourceFile&)> is_new;  // added since the base (git)
    std::optional<Version> applied;                 // the version the database is at
  };
  const History& history() const { return m_history; }
  void set_history(History history) { m_history = std::move(history); }

  // What rules derive from the whole set, made once by `make()` (for the first rule, on any
  // thread, that asks) and kept: one T per project. Rules of many files ask at once.
  template <typename T, typename Make>
  const T& shared(Make make) const {
    const void* k_tag = shared_tag<T>();
    std::lock_guard<std::recursive_mutex> lock(m_shared_mutex);
    for (const auto& [tag, value] : m_shared) {
      if (tag == k_tag) return *static_cast<const T*>(value.get());
    }
    auto value = std::make_shared<T>(make());
    m_shared.emplace_back(k_tag, value);
    return *value;
  }

 private:
  const MigrationSet* m_set;
  std::vector<std::unique_ptr<ParsedFile>> m_parsed;
  int m_pg_version;
  std::optional<NamingConvention> m_naming;  // as configured; unset: inferred
  const RuleSet* m_rules = nullptr;
  std::vector<std::vector<std::size_t>> m_overrides;
  std::shared_ptr<const Catalog> m_catalog;
  History m_history;
  mutable std::recursive_mutex m_shared_mutex;
  mutable std::vector<std::pair<const void*, std::shared_ptr<void>>> m_shared;
};

// A file rule sees one parsed file (that parsed without error) at a time.
struct FileContext {
  const Project& project;
  std::size_t index;
  const ParsedFile& file;

  const SourceFile& source() const { return file.source(); }
  Direction direction() const { return file.source().role(); }
  const ParsedFile* partner() const { return project.partner(index); }
  int pg_version() const { return project.pg_version(); }
  // A rule's options for this file (Reporter::options() gives the running rule's).
  RuleOptions options(std::string_view rule_id) const { return project.options(rule_id, index); }

  // What several rules derive from the file, made once (T(args...), by the first rule that
  // asks) and kept for the file's other rules: one T per file. A file's rules run on one thread.
  template <typename T, typename... Args>
  T& shared(Args&&... args) const {
    const void* k_tag = shared_tag<T>();
    for (const auto& [tag, value] : m_shared) {
      if (tag == k_tag) return *static_cast<T*>(value.get());
    }
    auto value = std::make_shared<T>(std::forward<Args>(args)...);
    m_shared.emplace_back(k_tag, value);
    return *value;
  }

  mutable std::vector<std::pair<const void*, std::shared_ptr<void>>> m_shared{};
};

class Reporter;

struct Rule {
  RuleInfo info;
  // At most one of these is set; none for findings the engine itself produces (syntax, meta).
  void (*check_file)(const FileContext&, Reporter&) = nullptr;
  void (*check_set)(const Project&, Reporter&) = nullptr;
};

// Adds the related locations and the fix of the finding it was made for.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(Diagnostic& diagnostic) : m_diagnostic(&diagnostic) {}
  DiagnosticBuilder& related(const ParsedFile& file, TextRange range, std::string message);
  DiagnosticBuilder& related(const SourceFile& file, TextRange range, std::string message);
  // `file` names another file the edits apply to (created when it does not exist); empty for
  // the finding's own file.
  DiagnosticBuilder& fix(std::string title, std::vector<Edit> edits, bool safe = true,
                         std::string file = {});
  // Lowers this finding's severity below the rule's (a warning-level case of an error rule);
  // never raises it, so configuration still caps what a rule can say.
  DiagnosticBuilder& at_most(Severity severity);
  Diagnostic& diagnostic() { return *m_diagnostic; }

 private:
  Diagnostic* m_diagnostic;
};

// Collects the findings of one rule. Rules set byte ranges; line and column are computed here.
class Reporter {
 public:
  Reporter(const RuleInfo& rule, Severity severity, std::vector<Diagnostic>& out,
           const ParsedFile* current = nullptr, const RuleOptions* options = nullptr)
      : m_rule(&rule), m_severity(severity), m_out(&out), m_current(current), m_options(options) {}

  // A finding in the current file (file rules).
  DiagnosticBuilder report(TextRange range, std::string message, std::string help = {});
  // A finding in a given file (set rules).
  DiagnosticBuilder report(const ParsedFile& file, TextRange range, std::string message,
                           std::string help = {});
  // A finding about a file that has no parse (naming rules on any file).
  DiagnosticBuilder report(const SourceFile& file, TextRange range, std::string message,
                           std::string help = {});

  const RuleInfo& rule() const { return *m_rule; }
  // The rule's options as configured (for a file rule: for the current file).
  const RuleOptions& options() const;

 private:
  Diagnostic& add(const std::string& file, TextRange range, Position start, Position end,
                  std::string message, std::string help);

  const RuleInfo* m_rule;
  Severity m_severity;
  std::vector<Diagnostic>* m_out;
  const ParsedFile* m_current;
  const RuleOptions* m_options;
};

// Position of an offset in a text without an index (for files that did not parse).
Position position_in(std::string_view text, std::uint32_t offset);

}  // namespace sqlgate::lint
