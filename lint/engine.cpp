#include "lint/engine.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "lint/catalog.h"
#include "lint/directives.h"
#include "lint/sql.h"

namespace sqlgate::lint {

// ---- rule set ---------------------------------------------------------------------------

RuleSet::RuleSet(std::vector<Rule> rules, const std::map<std::string, std::string>& aliases)
    : m_rules(std::move(rules)) {
  for (std::size_t i = 0; i < m_rules.size(); ++i) m_index.emplace(m_rules[i].info.id, i);
  for (const auto& [alias, id] : aliases) {
    auto target = m_index.find(id);
    if (target != m_index.end()) m_index.emplace(alias, target->second);
  }
  configure(RuleSelection{});
}

std::ptrdiff_t RuleSet::index(std::string_view id) const {
  auto found = m_index.find(id);
  return found == m_index.end() ? -1 : static_cast<std::ptrdiff_t>(found->second);
}

const Rule* RuleSet::find(std::string_view id) const {
  auto i = index(id);
  return i < 0 ? nullptr : &m_rules[static_cast<std::size_t>(i)];
}

bool RuleSet::is_known(std::string_view id_or_category) const {
  return index(id_or_category) >= 0 || parse_category(id_or_category).has_value();
}

void RuleSet::configure(const RuleSelection& selection) {
  auto matches = [&](const Rule& rule, const std::string& name) {
    if (auto category = parse_category(name)) return rule.info.category == *category;
    return index(name) == static_cast<std::ptrdiff_t>(&rule - m_rules.data());
  };
  auto check_known = [&](const std::string& name, std::string_view option) {
    if (!is_known(name)) {
      throw std::invalid_argument(std::string(option) + ": unknown rule or category '" + name +
                                  "' (see `sqlgate rules`)");
    }
  };
  auto rule_index = [&](const std::string& name) {
    auto i = index(name);
    if (i < 0) throw std::invalid_argument("unknown rule '" + name + "'");
    return static_cast<std::size_t>(i);
  };
  for (const auto& name : selection.select) check_known(name, "--select");
  for (const auto& name : selection.ignore) check_known(name, "--ignore");
  for (const auto& [name, severity] : selection.severities) rule_index(name);
  for (const auto& [name, options] : selection.options) rule_index(name);
  std::vector<Override> overrides;
  for (const auto& file_override : selection.overrides) {
    Override converted{file_override.matches, {}, {}};
    for (const auto& [name, severity] : file_override.severities) {
      converted.severities.emplace_back(rule_index(name), severity);
    }
    for (const auto& [name, options] : file_override.options) {
      converted.options.emplace_back(rule_index(name), options);
    }
    overrides.push_back(std::move(converted));
  }

  m_active.assign(m_rules.size(), false);
  m_excluded.assign(m_rules.size(), false);
  m_severity.assign(m_rules.size(), Severity::error);
  m_options.assign(m_rules.size(), RuleOptions{});
  m_overrides = std::move(overrides);
  for (std::size_t i = 0; i < m_rules.size(); ++i) {
    const Rule& rule = m_rules[i];
    bool on = rule.info.enabled || selection.enable_all;
    m_severity[i] = rule.info.severity;
    for (const auto& [name, severity] : selection.severities) {
      if (index(name) != static_cast<std::ptrdiff_t>(i)) continue;
      on = severity.has_value();
      if (severity) m_severity[i] = *severity;
    }
    for (const auto& [name, options] : selection.options) {
      if (index(name) == static_cast<std::ptrdiff_t>(i)) m_options[i].merge(options);
    }
    if (!selection.select.empty()) {
      bool selected = false;
      bool by_id = false;
      for (const auto& name : selection.select) {
        if (matches(rule, name)) {
          selected = true;
          by_id = by_id || !parse_category(name);
        }
      }
      // Naming an opt-in rule selects it; naming its category keeps it opt-in.
      on = selected && (on || by_id);
      m_excluded[i] = !selected;
    }
    for (const auto& name : selection.ignore) {
      if (matches(rule, name)) {
        on = false;
        m_excluded[i] = true;
      }
    }
    m_active[i] = on;
  }
}

bool RuleSet::active(std::string_view id) const {
  auto i = index(id);
  return i >= 0 && m_active[static_cast<std::size_t>(i)];
}

Severity RuleSet::severity(std::string_view id) const {
  auto i = index(id);
  return i < 0 ? Severity::error : m_severity[static_cast<std::size_t>(i)];
}

const RuleOptions& RuleSet::options(std::string_view id) const {
  static const RuleOptions k_none;
  auto i = index(id);
  return i < 0 ? k_none : m_options[static_cast<std::size_t>(i)];
}

std::vector<std::size_t> RuleSet::overrides_for(const SourceFile& file) const {
  std::vector<std::size_t> matched;
  for (std::size_t i = 0; i < m_overrides.size(); ++i) {
    if (m_overrides[i].matches && m_overrides[i].matches(file)) matched.push_back(i);
  }
  return matched;
}

RuleSetting RuleSet::setting(std::string_view id, const std::vector<std::size_t>& overrides) const {
  auto found = index(id);
  if (found < 0) return {};
  auto i = static_cast<std::size_t>(found);
  RuleSetting setting{m_active[i], m_severity[i], m_options[i]};
  for (std::size_t o : overrides) {
    for (const auto& [rule, severity] : m_overrides[o].severities) {
      if (rule != i) continue;
      setting.active = severity.has_value();
      if (severity) setting.severity = *severity;
    }
    for (const auto& [rule, options] : m_overrides[o].options) {
      if (rule == i) setting.options.merge(options);
    }
  }
  if (m_excluded[i]) setting.active = false;
  return setting;
}

bool RuleSet::active_anywhere(std::string_view id) const {
  auto found = index(id);
  if (found < 0) return false;
  auto i = static_cast<std::size_t>(found);
  if (m_active[i]) return true;
  if (m_excluded[i]) return false;
  for (const auto& file_override : m_overrides) {
    for (const auto& [rule, severity] : file_override.severities) {
      if (rule == i && severity) return true;
    }
  }
  return false;
}

std::size_t LintResult::count_at_or_above(Severity severity) const {
  std::size_t count = 0;
  if (severity <= Severity::error) count += errors;
  if (severity <= Severity::warning) count += warnings;
  if (severity <= Severity::info) count += infos;
  return count;
}

// ---- parallelism ------------------------------------------------------------------------

unsigned thread_count(unsigned jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  jobs = static_cast<unsigned>(std::min<std::size_t>(thread_count(jobs), count));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// ---- directives -------------------------------------------------------------------------

namespace {

// The rule settings that apply in one file (the overrides matching it taken into account).
struct FileSettings {
  const RuleSet& rules;
  const std::vector<std::size_t>& overrides;

  RuleSetting operator()(std::string_view id) const { return rules.setting(id, overrides); }
  bool active(std::string_view id) const {
    return overrides.empty() ? rules.active(id) : rules.setting(id, overrides).active;
  }
};

// Reports through a registered engine rule when it is active in the file.
struct EngineReporter {
  const RuleSet& rules;
  FileSettings settings;
  std::vector<Diagnostic>& out;

  std::optional<DiagnosticBuilder> report(std::string_view id, const ParsedFile& file,
                                          TextRange range, std::string message, std::string help) {
    const Rule* rule = rules.find(id);
    if (rule == nullptr) return std::nullopt;
    RuleSetting setting = settings(id);
    if (!setting.active) return std::nullopt;
    Reporter reporter(rule->info, setting.severity, out, &file);
    return reporter.report(range, std::move(message), std::move(help));
  }
};

bool directive_covers(const ParsedFile& file, const Directive& directive,
                      const Diagnostic& diagnostic) {
  if (directive.kind == DirectiveKind::ignore_file) return true;
  if (diagnostic.start.line == directive.line) return true;
  if (directive.statement < 0) return false;
  const Statement* statement = file.all_statements()[static_cast<std::size_t>(directive.statement)];
  return diagnostic.range.begin >= statement->range.begin &&
         diagnostic.range.begin <= statement->range.end;
}

bool names_rule(const RuleSet& rules, const Directive& directive, const Diagnostic& diagnostic) {
  if (directive.kind == DirectiveKind::ignore_file && directive.rules.empty()) return true;
  for (const auto& name : directive.rules) {
    if (name.id == diagnostic.rule) return true;
    if (auto category = parse_category(name.id); category && *category == diagnostic.category) {
      return true;
    }
    if (const Rule* rule = rules.find(name.id); rule && rule->info.id == diagnostic.rule) {
      return true;
    }
  }
  return false;
}

// Checks a file's directives and drops the findings they suppress. checked: the file rules ran
// on the file; otherwise only the suppression applies, since whether a directive is used or
// well formed is the file's own finding.
void apply_directives(const ParsedFile& file, const RuleSet& rules, const FileSettings& settings,
                      std::vector<Diagnostic>& findings, std::vector<Diagnostic>& meta,
                      bool checked) {
  EngineReporter engine{rules, settings, meta};
  const auto& directives = file.directives();
  std::vector<bool> used(directives.size(), false);

  if (checked) {
    for (const Directive& directive : directives) {
      switch (directive.kind) {
        case DirectiveKind::unknown:
          engine.report(k_unknown_directive, file, directive.range,
                        "unknown directive 'sqlgate:" + directive.name + "'",
                        "known directives: ignore, ignore-file, run-once, run-once-file, "
                        "irreversible, no-transaction");
          break;
        case DirectiveKind::ignore:
        case DirectiveKind::ignore_file:
          if (directive.kind == DirectiveKind::ignore && directive.rules.empty()) {
            engine.report(
                k_unknown_rule, file, directive.range, "'sqlgate:ignore' names no rule",
                "name the rules it suppresses: -- sqlgate:ignore rule-a, rule-b -- reason");
          }
          for (const auto& name : directive.rules) {
            if (!rules.is_known(name.id)) {
              engine.report(k_unknown_rule, file, name.range,
                            "unknown rule '" + name.id + "' in sqlgate:" + directive.name,
                            "`sqlgate rules` lists every rule id");
            }
          }
          break;
        case DirectiveKind::run_once:
        case DirectiveKind::run_once_file:
        case DirectiveKind::irreversible:
          if (directive.reason.empty()) {
            engine.report(k_missing_reason, file, directive.range,
                          "'sqlgate:" + directive.name + "' without a reason",
                          "say why, for the reviewer: -- sqlgate:" + directive.name + " <reason>");
          }
          break;
        case DirectiveKind::no_transaction:
          break;
      }
    }
  }

  std::vector<Diagnostic> kept;
  kept.reserve(findings.size());
  for (auto& diagnostic : findings) {
    bool suppressed = false;
    for (std::size_t i = 0; i < directives.size(); ++i) {
      const Directive& directive = directives[i];
      if (directive.kind != DirectiveKind::ignore && directive.kind != DirectiveKind::ignore_file) {
        continue;
      }
      if (names_rule(rules, directive, diagnostic) &&
          directive_covers(file, directive, diagnostic)) {
        used[i] = true;
        suppressed = true;
      }
    }
    if (!suppressed) kept.push_back(std::move(diagnostic));
  }
  findings = std::move(kept);
  if (!checked) return;

  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& directive = directives[i];
    if (used[i] ||
        (directive.kind != DirectiveKind::ignore && directive.kind != DirectiveKind::ignore_file)) {
      continue;
    }
    // A directive naming a rule that is switched off may matter elsewhere: say nothing.
    bool all_active =
        std::all_of(directive.rules.begin(), directive.rules.end(), [&](const auto& n) {
          if (auto category = parse_category(n.id)) return true;
          return rules.is_known(n.id) && settings.active(n.id);
        });
    if (!all_active || (directive.kind == DirectiveKind::ignore && directive.rules.empty())) {
      continue;
    }
    engine.report(k_unused_ignore, file, directive.range,
                  "this 'sqlgate:" + directive.name + "' suppresses nothing",
                  "remove it, or check the rule ids and the statement it precedes");
  }
}

}  // namespace

// ---- lint -------------------------------------------------------------------------------

LintResult lint(const MigrationSet& set, const RuleSet& rules, const LintOptions& options) {
  LintResult result;
  std::size_t count = set.files.size();

  // The configuration's path overrides that match each file.
  std::vector<std::vector<std::size_t>> overrides(count);
  if (rules.has_overrides()) {
    for (std::size_t i = 0; i < count; ++i) overrides[i] = rules.overrides_for(set.files[i]);
  }
  auto owned = std::make_unique<Project>(set, std::vector<std::unique_ptr<ParsedFile>>{},
                                         options.pg_version);
  Project& project = *owned;
  project.configure(&rules, overrides, options.naming);

  // The catalog is replayed from the ups in order on a thread of its own while the files after
  // them are still being parsed.
  unsigned jobs = thread_count(options.jobs);
  CatalogBuild build(project, CatalogOptions{options.search_path, options.jobs});
  auto parse = [&](std::size_t i) {
    const SourceFile& file = set.files[i];
    if ((file.is_sql || file.migration) && !file.read_error) {
      project.set_parsed(i, ParsedFile::parse(file));
    }
    build.prepare(i);
  };
  std::shared_ptr<const Catalog> catalog;
  if (jobs <= 1 || count < 2) {
    parallel_for(count, 1, parse);
    catalog = build.replay();
  } else {
    std::exception_ptr failure;
    std::thread replay([&] {
      try {
        catalog = build.replay();
      } catch (...) {
        failure = std::current_exception();
      }
    });
    try {
      parallel_for(count, jobs, parse);
    } catch (...) {
      build.abandon();
      replay.join();
      throw;
    }
    replay.join();
    if (failure) std::rethrow_exception(failure);
  }
  for (const auto& file : set.files) {
    if (file.read_error) result.io_errors.push_back(file.display + ": " + *file.read_error);
  }
  project.set_catalog(std::move(catalog));
  project.set_history(Project::History{options.is_new, options.applied_version});

  // Findings per file, so that a file's directives apply to what lands in it.
  std::vector<std::vector<Diagnostic>> per_file(count);
  std::vector<std::vector<Diagnostic>> meta(count);

  std::vector<const Rule*> file_rules;
  std::vector<const Rule*> set_rules;
  for (const Rule& rule : rules.all()) {
    if (!rules.active_anywhere(rule.info.id)) continue;
    if (rule.check_file) file_rules.push_back(&rule);
    if (rule.check_set) set_rules.push_back(&rule);
  }

  // The settings outside every override, looked up once rather than per file.
  std::vector<RuleSetting> base_settings;
  base_settings.reserve(file_rules.size());
  for (const Rule* rule : file_rules) base_settings.push_back(rules.setting(rule->info.id, {}));

  // Files whose findings are dropped in the end (report_file) are spared the file rules and
  // their directives: in a pull request's lint, every file but the changed few.
  std::vector<char> reported(count, 1);
  if (options.report_file) {
    for (std::size_t i = 0; i < count; ++i) reported[i] = options.report_file(set.files[i]) ? 1 : 0;
  }
  // Files the file rules run on (check_file): the others keep only set-level findings.
  std::vector<char> checked(reported);
  if (options.check_file) {
    for (std::size_t i = 0; i < count; ++i) {
      if (checked[i] && !options.check_file(set.files[i])) checked[i] = 0;
    }
  }

  // The set rules run as one more task beside the files': they read only what is built by now.
  std::vector<Diagnostic> set_findings;
  auto check_set = [&] {
    for (const Rule* rule : set_rules) {
      Reporter reporter(rule->info, rules.severity(rule->info.id), set_findings, nullptr,
                        &rules.options(rule->info.id));
      rule->check_set(project, reporter);
    }
  };
  auto check_file = [&](std::size_t i) {
    const ParsedFile* file = project.parsed(i);
    if (file == nullptr || !checked[i]) return;
    auto& out = per_file[i];
    FileSettings settings{rules, overrides[i]};
    EngineReporter engine{rules, settings, out};
    if (const auto& error = file->error()) {
      engine.report(error->rule, *file, TextRange{error->offset, error->offset}, error->message,
                    error->rule == k_syntax_error ? "PostgreSQL would reject this file; fix the SQL"
                                                  : "save the file as UTF-8 without NUL bytes");
      return;
    }
    for (const auto& error : file->block_errors()) {
      engine.report(error.rule, *file, TextRange{error.offset, error.offset}, error.message,
                    "PostgreSQL compiles a DO block when it runs it, and would fail here");
    }
    FileContext context{project, i, *file};
    for (std::size_t k = 0; k < file_rules.size(); ++k) {
      const Rule* rule = file_rules[k];
      std::optional<RuleSetting> overridden;
      if (!overrides[i].empty()) overridden = settings(rule->info.id);
      const RuleSetting& setting = overridden ? *overridden : base_settings[k];
      if (!setting.active) continue;
      Reporter reporter(rule->info, setting.severity, out, file, &setting.options);
      rule->check_file(context, reporter);
    }
  };
  parallel_for(count + 1, options.jobs, [&](std::size_t task) {
    if (task == 0) {
      check_set();
    } else {
      check_file(task - 1);
    }
  });
  std::unordered_map<std::string_view, std::size_t> by_name;
  for (std::size_t i = 0; i < count; ++i) by_name.emplace(set.files[i].display, i);
  for (auto& diagnostic : set_findings) {
    auto found = by_name.find(diagnostic.file);
    if (found == by_name.end()) {
      if (rules.active(diagnostic.rule)) result.diagnostics.push_back(std::move(diagnostic));
      continue;
    }
    std::size_t i = found->second;
    // A set rule runs once for every file: the file's own setting decides what is kept.
    RuleSetting setting = rules.setting(diagnostic.rule, overrides[i]);
    if (!setting.active) continue;
    Severity ran_at = rules.severity(diagnostic.rule);
    diagnostic.severity = diagnostic.severity < ran_at
                              ? std::min(diagnostic.severity, setting.severity)
                              : setting.severity;
    per_file[i].push_back(std::move(diagnostic));
  }

  parallel_for(count, options.jobs, [&](std::size_t i) {
    if (!reported[i]) return;
    if (const ParsedFile* file = project.parsed(i)) {
      apply_directives(*file, rules, FileSettings{rules, overrides[i]}, per_file[i], meta[i],
                       checked[i] != 0);
    }
  });

  for (std::size_t i = 0; i < count; ++i) {
    if (project.parsed(i) != nullptr) {
      ++result.files;
      result.statements += project.parsed(i)->statements().size();
    }
    if (!reported[i]) continue;
    for (auto* list : {&per_file[i], &meta[i]}) {
      std::sort(list->begin(), list->end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.start, a.rule, a.message) < std::tie(b.start, b.rule, b.message);
      });
    }
    std::vector<Diagnostic> merged;
    std::merge(std::make_move_iterator(per_file[i].begin()),
               std::make_move_iterator(per_file[i].end()), std::make_move_iterator(meta[i].begin()),
               std::make_move_iterator(meta[i].end()), std::back_inserter(merged),
               [](const Diagnostic& a, const Diagnostic& b) {
                 return std::tie(a.start, a.rule) < std::tie(b.start, b.rule);
               });
    for (auto& diagnostic : merged) result.diagnostics.push_back(std::move(diagnostic));
  }
  for (const auto& diagnostic : result.diagnostics) {
    switch (diagnostic.severity) {
      case Severity::error:
        ++result.errors;
        break;
      case Severity::warning:
        ++result.warnings;
        break;
      case Severity::info:
        ++result.infos;
        break;
    }
  }
  if (options.keep_project) result.project = std::move(owned);
  return result;
}

}  // namespace sqlgate::lint
