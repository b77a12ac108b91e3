#include <cstdlib>
#include <memory>

#include <CLI/CLI.hpp>

#include "lint/engine.h"
#include "lint/report/report.h"
#include "rules/registry.h"
#include "tools/sqlgate/app.h"
#include "tools/sqlgate/git_changes.h"

namespace sqlgate::cli {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool enable_all = false;
  std::string fail_on = "error";
  int pg_version = 15;
  unsigned jobs = 0;
  bool recursive = false;
  std::string color = "auto";
  std::string changed_since;
  std::string since_version;
};

bool use_color(const std::string& mode, const Io& io) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return io.out_is_terminal;
}

int run_lint(const LintArgs& args, Io& io) {
  lint::RuleSet rules = rules::make_rule_set();
  lint::RuleSelection selection;
  selection.select = args.select;
  selection.ignore = args.ignore;
  selection.enable_all = args.enable_all;
  rules.configure(selection);
  auto fail_on = lint::parse_severity(args.fail_on);

  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back("migrations/sql");
  lint::MigrationSet set = lint::discover(paths, lint::DiscoverOptions{args.recursive});
  for (const auto& warning : set.warnings) io.err << "sqlgate: warning: " << warning << '\n';

  lint::LintOptions options;
  options.jobs = args.jobs;
  options.pg_version = args.pg_version;
  if (!args.since_version.empty()) {
    try {
      options.applied_version = lint::Version(args.since_version);
    } catch (const std::invalid_argument&) {
      throw UsageError("--since-version: '" + args.since_version + "' is not a version number");
    }
  }
  if (!args.changed_since.empty()) {
    // Findings only on what the change touches; set-level checks still see the whole folder.
    auto changes = std::make_shared<GitChanges>(git_changes(paths, args.changed_since));
    options.report_file = [changes](const lint::SourceFile& file) {
      return changes->is_changed(file.path);
    };
    options.is_new = [changes](const lint::SourceFile& file) {
      return changes->is_added(file.path);
    };
  }
  lint::LintResult result = lint::lint(set, rules, options);

  if (args.format == "json") {
    lint::report::write_json(io.out, result);
  } else {
    lint::report::write_text(io.out, result, set, {use_color(args.color, io), true});
  }
  for (const auto& error : result.io_errors) io.err << "sqlgate: cannot read " << error << '\n';
  if (!result.io_errors.empty()) return k_exit_error;
  return result.count_at_or_above(*fail_on) > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void add_lint(CLI::App& app, Io& io, int& exit_code) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* sub = app.add_subcommand("lint", "Lint migration files (default: migrations/sql)");
  sub->add_option("paths", args->paths, "Folders or files to lint");
  sub->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--select", args->select, "Only these rules or categories (repeatable)")
      ->delimiter(',');
  sub->add_option("--ignore", args->ignore, "Skip these rules or categories (repeatable)")
      ->delimiter(',');
  sub->add_flag("--enable-all", args->enable_all, "Turn on the opt-in rules too");
  sub->add_option("--fail-on", args->fail_on, "Lowest severity that fails the run (exit 1)")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  sub->add_option("--pg-version", args->pg_version,
                  "PostgreSQL major version the migrations target (gates version rules)")
      ->check(CLI::Range(9, 18));
  sub->add_option("-j,--jobs", args->jobs, "Files linted in parallel (default: one per core)");
  sub->add_flag("-r,--recursive", args->recursive, "Descend into sub-folders");
  sub->add_option("--color", args->color,
                  "Colour: auto (a terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub->add_option("--changed-since", args->changed_since,
                  "Report only on files added or changed since this git revision (a pull "
                  "request's base); set-level checks still see every file");
  sub->add_option("--since-version", args->since_version,
                  "The version the database is at: migrations above it are new (out-of-order)");
  sub->callback([args, &io, &exit_code] { exit_code = run_lint(*args, io); });
}

}  // namespace sqlgate::cli
