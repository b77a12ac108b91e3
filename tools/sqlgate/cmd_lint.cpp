#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "lint/diff.h"
#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/report/report.h"
#include "rules/registry.h"
#include "tools/sqlgate/app.h"
#include "tools/sqlgate/git_changes.h"

namespace sqlgate::cli {
namespace {

struct LintArgs {
  ConfigArgs config;
  std::string format = "text";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool enable_all = false;
  unsigned jobs = 0;
  bool recursive = false;
  std::string color = "auto";
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  std::string changed_since;
  std::string since_version;
};

// One migration set per configured source (their versions are separate); else one set of
// every path.
std::vector<std::vector<std::string>> path_groups(const lint::Config& config) {
  auto cwd = std::filesystem::current_path();
  std::vector<std::string> paths = config.lint_paths(cwd);
  if (config.paths.origin.kind == lint::Origin::Kind::flag || config.sources.value.empty()) {
    return {paths};
  }
  std::vector<std::vector<std::string>> groups;
  for (const auto& path : paths) groups.push_back({path});
  return groups;
}

void merge(lint::LintResult& into, lint::LintResult&& from) {
  for (auto& d : from.diagnostics) into.diagnostics.push_back(std::move(d));
  into.files += from.files;
  into.statements += from.statements;
  into.errors += from.errors;
  into.warnings += from.warnings;
  into.infos += from.infos;
  for (auto& error : from.io_errors) into.io_errors.push_back(std::move(error));
}

int run_lint(const LintArgs& args, Io& io) {
  if (args.unsafe_fixes && !args.fix && !args.diff) {
    throw UsageError("--unsafe-fixes goes with --fix or --diff");
  }
  lint::RuleSet rules = rules::make_rule_set();
  lint::Config config = load_config(args.config, rules);
  lint::RuleSelection selection = config.selection(rules);
  selection.select = args.select;
  selection.ignore = args.ignore;
  selection.enable_all = args.enable_all;
  rules.configure(selection);

  lint::LintOptions options;
  options.jobs = args.jobs;
  options.keep_project = !args.fix && !args.diff;  // left to exit (a fix lints several times)
  options.pg_version = config.pg_version.value;
  if (config.naming.origin.kind != lint::Origin::Kind::default_value) {
    options.naming = config.naming.value;
  }
  if (!args.since_version.empty()) {
    try {
      options.applied_version = lint::Version(args.since_version);
    } catch (const std::invalid_argument&) {
      throw UsageError("--since-version: '" + args.since_version + "' is not a version number");
    }
  }
  if (!args.changed_since.empty()) {
    // Findings only on what the change touches; set-level checks still see the whole folder.
    auto changes = std::make_shared<GitChanges>(
        git_changes(config.lint_paths(std::filesystem::current_path()), args.changed_since));
    options.report_file = [changes](const lint::SourceFile& file) {
      return changes->is_changed(file.path);
    };
    options.is_new = [changes](const lint::SourceFile& file) {
      return changes->is_added(file.path);
    };
  }
  bool fixing = args.fix || args.diff;

  lint::MigrationSet shown;  // every file, for the reports that quote source lines
  lint::LintResult result;
  lint::FixOutcome fixes;
  for (const auto& paths : path_groups(config)) {
    lint::MigrationSet set = lint::discover(paths, lint::DiscoverOptions{args.recursive});
    for (const auto& warning : set.warnings) io.err << "sqlgate: warning: " << warning << '\n';
    for (const auto& error : set.errors) result.io_errors.push_back(error);
    if (fixing) {
      lint::FixOutcome outcome = lint::fix_set(set, rules, options, {args.unsafe_fixes});
      merge(result, std::move(outcome.result));
      for (auto& file : outcome.set.files) shown.files.push_back(std::move(file));
      for (auto& change : outcome.changes) fixes.changes.push_back(std::move(change));
      for (auto& fix : outcome.applied) fixes.applied.push_back(std::move(fix));
      for (auto& fix : outcome.rejected) fixes.rejected.push_back(std::move(fix));
      fixes.unsafe_available += outcome.unsafe_available;
      fixes.passes = std::max(fixes.passes, outcome.passes);
      fixes.settled = fixes.settled && outcome.settled;
    } else {
      lint::LintResult linted = lint::lint(set, rules, options);
      keep_until_exit(std::move(linted.project));
      merge(result, std::move(linted));
      for (auto& file : set.files) shown.files.push_back(std::move(file));
    }
  }
  auto fail_on = config.fail_on.value;
  for (const auto& error : result.io_errors) io.err << "sqlgate: cannot read " << error << '\n';

  if (args.diff) {
    for (const auto& change : fixes.changes) {
      io.out << lint::unified_diff(change.before, change.after,
                                   lint::report::ci_path(change.display), change.created);
    }
    lint::report::write_fix_summary(io.err, fixes, true);
    if (!result.io_errors.empty()) return k_exit_error;
    bool remaining = result.count_at_or_above(fail_on) > 0;
    return !fixes.changes.empty() || remaining ? k_exit_findings : k_exit_ok;
  }
  if (args.fix) {
    lint::write_changes(fixes.changes);
    lint::report::write_fix_summary(args.format == "text" ? io.out : io.err, fixes, false);
    if (args.format == "text") io.out << '\n';
  }

  const std::string& format = args.format;
  if (format == "json") {
    lint::report::write_json(io.out, result);
  } else if (format == "sarif" || format == "github" || format == "gcc" || format == "gitlab") {
    lint::report::RunInfo run{&rules, SQLGATE_VERSION, config.docs_url.value,
                              std::filesystem::current_path()};
    if (format == "sarif") lint::report::write_sarif(io.out, result, shown, run);
    if (format == "github") lint::report::write_github(io.out, result);
    if (format == "gcc") lint::report::write_gcc(io.out, result);
    if (format == "gitlab") lint::report::write_gitlab(io.out, result, shown);
  } else {
    lint::report::write_text(io.out, result, shown, {use_color(args.color, io), true});
  }
  if (!result.io_errors.empty()) return k_exit_error;
  return result.count_at_or_above(fail_on) > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void add_lint(CLI::App& app, Io& io, int& exit_code) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* sub = app.add_subcommand("lint", "Lint migration files (default: migrations/sql)");
  add_config_options(*sub, args->config);
  sub->add_option("--format", args->format, "Output format (default text)")
      ->check(CLI::IsMember(lint::report::format_names()));
  // One value per use (comma-separated lists allowed), so that paths can follow.
  sub->add_option("--select", args->select, "Only these rules or categories (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("RULE");
  sub->add_option("--ignore", args->ignore, "Skip these rules or categories (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("RULE");
  sub->add_flag("--enable-all", args->enable_all, "Turn on the opt-in rules too");
  sub->add_option("-j,--jobs", args->jobs,
                  "Threads that parse and check files (default: one per core)");
  sub->add_flag("-r,--recursive", args->recursive, "Descend into sub-folders");
  sub->add_option("--color", args->color,
                  "Colour: auto (a terminal), always, never; NO_COLOR turns it off")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub->add_flag("--fix", args->fix, "Apply the safe fixes in place, then report what remains");
  sub->add_flag("--unsafe-fixes", args->unsafe_fixes,
                "With --fix or --diff: also the fixes that change behaviour");
  sub->add_flag("--diff", args->diff, "Print the fixes as a unified diff; write nothing");
  sub->add_option("--changed-since", args->changed_since,
                  "Report only on files added or changed since this git revision (a pull "
                  "request's base); set-level checks still see every file");
  sub->add_option("--since-version", args->since_version,
                  "The version the database is at: migrations above it are new (out-of-order)");
  sub->callback([args, &io, &exit_code] { exit_code = run_lint(*args, io); });
}

}  // namespace sqlgate::cli
