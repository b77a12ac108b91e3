// What the runner's subcommands share: their options (one struct, which the config file can
// fill as well), connecting, the sources, and turning the runner's errors into messages and
// exit codes.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "runner/database.h"
#include "runner/runner.h"
#include "runner/url.h"
#include "tools/sqlgate/app.h"

namespace CLI {
class App;
}

namespace sqlgate::cli {

// Every option of the runner's subcommands. The command line fills it, then the environment
// (DATABASE_URL) what is still empty; a config file can fill it the same way.
struct RunnerSettings {
  std::string database;  // -d/--database; else DATABASE_URL; else libpq's PG* environment
  std::string path;      // -p/--path; default migrations/sql
  std::vector<std::string> sources;        // --source NAME=DIR, in order
  std::vector<std::string> source_tables;  // --source-table NAME=TABLE
  std::string only;                        // --only NAME
  double lock_timeout_seconds = 15;        // --lock-timeout
  bool allow_drift = false;
  bool allow_out_of_order = false;
  bool dry_run = false;
  unsigned jobs = 0;
};

// -d, -p, --source, --source-table, --only, --lock-timeout, -j.
void add_connection_options(CLI::App& sub, RunnerSettings& settings);
// --allow-drift, --allow-out-of-order, --dry-run (up, goto).
void add_apply_options(CLI::App& sub, RunnerSettings& settings);

// A connected session, its sources, the rule set the gate lints with.
struct RunnerContext {
  runner::DatabaseTarget target;
  std::string masked_url;
  std::unique_ptr<runner::Session> session;
  std::vector<runner::Source> sources;
  lint::RuleSet rules;
  runner::RunOptions options;
};

// Reads DATABASE_URL, splits the URL, connects, opens the sources (only the --only one when
// given; with `single`, exactly one must remain). Warnings go to io.err.
std::unique_ptr<RunnerContext> open_runner(RunnerSettings settings, Io& io, bool single);

// Opens the runner and runs a command body with it, turning the runner's errors into messages
// (the password masked) and exit codes: refused or failed runs exit 1, connection and database
// errors 2. Usage errors propagate to the app (exit 2).
int run_guarded(Io& io, const RunnerSettings& settings, bool single,
                const std::function<int(RunnerContext&)>& body);

// "V/u name (12.3ms)": golang-migrate's line for each migration.
std::string step_line(const runner::Source& source, const runner::PlannedStep& step, double ms,
                      bool several_sources);

// Runs up, down, goto or down --all and prints golang-migrate's lines ("no change" when
// nothing is pending; the plan in a dry run). Returns the exit code.
int apply_plan(RunnerContext& context, Io& io, const runner::PlanRequest& request);

// Asks a yes/no question on the terminal; false without a terminal.
bool confirm(Io& io, const std::string& question);

}  // namespace sqlgate::cli
