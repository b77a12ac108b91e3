#include "lint/rule.h"

#include <algorithm>

#include "lint/engine.h"

namespace sqlgate::lint {

std::string_view to_string(FixKind kind) {
  switch (kind) {
    case FixKind::safe:
      return "safe";
    case FixKind::unsafe:
      return "unsafe";
    case FixKind::none:
      break;
  }
  return "none";
}

std::string_view to_string(NamingConvention naming) {
  return naming == NamingConvention::sequence ? "sequence" : "timestamp";
}

std::optional<NamingConvention> parse_naming(std::string_view text) {
  if (text == "timestamp") return NamingConvention::timestamp;
  if (text == "sequence") return NamingConvention::sequence;
  return std::nullopt;
}

Project::Project(const MigrationSet& set, std::vector<std::unique_ptr<ParsedFile>> parsed,
                 int pg_version)
    : m_set(&set), m_parsed(std::move(parsed)), m_pg_version(pg_version) {
  m_parsed.resize(set.files.size());
}

Project::~Project() = default;

void Project::configure(const RuleSet* rules, std::vector<std::vector<std::size_t>> overrides,
                        std::optional<NamingConvention> naming) {
  m_rules = rules;
  m_overrides = std::move(overrides);
  m_naming = naming;
}

const std::vector<std::size_t>& Project::overrides(std::size_t index) const {
  static const std::vector<std::size_t> k_none;
  return index < m_overrides.size() ? m_overrides[index] : k_none;
}

RuleOptions Project::options(std::string_view rule_id, std::size_t index) const {
  if (m_rules == nullptr) return {};
  return m_rules->setting(rule_id, overrides(index)).options;
}

const ParsedFile* Project::partner(std::size_t index) const {
  const auto& migration = m_set->files[index].migration;
  if (!migration || migration->partner < 0) return nullptr;
  return m_parsed[static_cast<std::size_t>(migration->partner)].get();
}

NamingConvention Project::naming() const {
  if (m_naming) return *m_naming;
  std::size_t timestamps = 0;
  std::size_t total = 0;
  for (const auto& file : m_set->files) {
    if (!file.migration) continue;
    ++total;
    if (file.migration->version.raw().size() == 14) ++timestamps;
  }
  return total > 0 && timestamps * 2 > total ? NamingConvention::timestamp
                                             : NamingConvention::sequence;
}

std::size_t Project::index_of(const ParsedFile& file) const {
  return static_cast<std::size_t>(&file.source() - m_set->files.data());
}

Position position_in(std::string_view text, std::uint32_t offset) {
  Position position{1, 1};
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  for (std::uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++position.column;
    }
  }
  return position;
}

DiagnosticBuilder& DiagnosticBuilder::related(const ParsedFile& file, TextRange range,
                                              std::string message) {
  m_diagnostic->related.push_back(
      Related{file.display(), range, file.position(range.begin), std::move(message)});
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::related(const SourceFile& file, TextRange range,
                                              std::string message) {
  m_diagnostic->related.push_back(
      Related{file.display, range, position_in(file.text, range.begin), std::move(message)});
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::fix(std::string title, std::vector<Edit> edits, bool safe,
                                          std::string file) {
  m_diagnostic->fix = Fix{std::move(title), safe, std::move(edits), std::move(file)};
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::at_most(Severity severity) {
  m_diagnostic->severity = std::min(m_diagnostic->severity, severity);
  return *this;
}

const RuleOptions& Reporter::options() const {
  static const RuleOptions k_none;
  return m_options ? *m_options : k_none;
}

Diagnostic& Reporter::add(const std::string& file, TextRange range, Position start, Position end,
                          std::string message, std::string help) {
  Diagnostic diagnostic;
  diagnostic.file = file;
  diagnostic.range = range;
  diagnostic.start = start;
  diagnostic.end = end;
  diagnostic.rule = std::string(m_rule->id);
  diagnostic.category = m_rule->category;
  diagnostic.severity = m_severity;
  diagnostic.message = std::move(message);
  diagnostic.help = std::move(help);
  m_out->push_back(std::move(diagnostic));
  return m_out->back();
}

DiagnosticBuilder Reporter::report(TextRange range, std::string message, std::string help) {
  return report(*m_current, range, std::move(message), std::move(help));
}

DiagnosticBuilder Reporter::report(const ParsedFile& file, TextRange range, std::string message,
                                   std::string help) {
  return add(file.display(), range, file.position(range.begin), file.position(range.end),
             std::move(message), std::move(help));
}

DiagnosticBuilder Reporter::report(const SourceFile& file, TextRange range, std::string message,
                                   std::string help) {
  return add(file.display, range, position_in(file.text, range.begin),
             position_in(file.text, range.end), std::move(message), std::move(help));
}

}  // namespace sqlgate::lint
