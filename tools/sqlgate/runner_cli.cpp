#include "tools/sqlgate/runner_cli.h"

#include <cstdio>
#include <cstdlib>
#include <future>

#include <CLI/CLI.hpp>

#include "lint/report/report.h"
#include "rules/registry.h"
#include "runner/postgres.h"

namespace sqlgate::cli {
namespace {

// NAME=VALUE, both non-empty.
std::pair<std::string, std::string> split_pair(const std::string& text, const char* option) {
  auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
    throw UsageError(std::string(option) + " takes NAME=VALUE, got '" + text + "'");
  }
  return {text.substr(0, equals), text.substr(equals + 1)};
}

std::vector<runner::SourceSettings> source_specs(const RunnerSettings& settings) {
  std::vector<runner::SourceSettings> specs;
  if (settings.sources.empty()) {
    specs.push_back(
        {"default", settings.path.empty() ? "migrations/sql" : settings.path, "", false});
  } else {
    if (!settings.path.empty()) throw UsageError("--path and --source cannot be combined");
    for (const auto& text : settings.sources) {
      auto [name, dir] = split_pair(text, "--source");
      for (const auto& spec : specs) {
        if (spec.name == name) throw UsageError("--source " + name + " is given twice");
      }
      specs.push_back({name, dir, "", false});
    }
  }
  for (const auto& text : settings.source_tables) {
    auto [name, table] = split_pair(text, "--source-table");
    bool found = false;
    for (auto& spec : specs) {
      if (spec.name != name) continue;
      spec.table = table;
      spec.table_quoted = table.front() == '"';
      found = true;
    }
    if (!found) throw UsageError("--source-table " + name + ": no such source");
  }
  return specs;
}

std::string format_ms(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1fms", ms);
  return buffer;
}

void print_failure(Io& io, const runner::FailureReport& r) {
  io.err << "sqlgate: migration " << r.version << '/' << r.direction << ' ' << r.name
         << " failed\n";
  io.err << r.file;
  if (r.line > 0) io.err << ':' << r.line << ':' << r.column;
  io.err << ": ERROR";
  if (!r.sqlstate.empty()) io.err << ' ' << r.sqlstate;
  io.err << ": " << r.message << '\n';
  if (!r.detail.empty()) io.err << "  detail: " << r.detail << '\n';
  if (!r.hint.empty()) io.err << "  hint: " << r.hint << '\n';
  if (!r.context.empty()) io.err << "  context: " << r.context << '\n';
  if (r.line == 0 && !r.dirty) {
    io.err << "  (its statements all succeed when replayed one by one: the failure came from "
              "running them together or from recording the version)\n";
  }
  if (!r.dirty) {
    io.err << "the transaction was rolled back: the database stays at version " << r.state_version
           << ", nothing of " << r.version << " was applied\n";
    return;
  }
  io.err << "Dirty database version " << r.state_version << ". Fix and force version.\n";
  if (r.nothing_remains) {
    io.err << "nothing of it remains (no statement of the file took effect): `sqlgate recover` "
              "resets the version to the last clean one\n";
  } else {
    io.err << "these statements ran and their effects remain: line";
    if (r.lines_that_ran.size() > 1) io.err << 's';
    for (std::size_t i = 0; i < r.lines_that_ran.size(); ++i) {
      io.err << (i == 0 ? " " : ", ") << r.lines_that_ran[i];
    }
    io.err << " of " << r.file
           << "; finish or undo the migration by hand, then `sqlgate force` the version the "
              "schema is at\n";
  }
}

}  // namespace

void add_connection_options(CLI::App& sub, RunnerSettings& settings) {
  sub.add_option("-d,--database", settings.database,
                 "Database URL (default: DATABASE_URL, else libpq's PG* variables)");
  sub.add_option("-p,--path", settings.path, "Migrations folder (default: migrations/sql)");
  sub.add_option("--source", settings.sources,
                 "NAME=DIR: a migration folder with its own state table (repeatable, in order)");
  sub.add_option("--source-table", settings.source_tables,
                 "NAME=TABLE: the state table of a source (default: schema_migrations for the "
                 "first, schema_migrations_NAME for the others)");
  sub.add_option("--only", settings.only, "Act on this source only");
  sub.add_option("--lock-timeout", settings.lock_timeout_seconds,
                 "Seconds to wait for the migration lock (default 15)")
      ->check(CLI::Range(0.0, 86400.0));
  sub.add_option("-j,--jobs", settings.jobs,
                 "Threads that parse and check files (default: one per core)");
}

void add_apply_options(CLI::App& sub, RunnerSettings& settings) {
  sub.add_flag("--dry-run", settings.dry_run,
               "Print what would run, in order, after the gate; change nothing");
  sub.add_flag("--allow-drift", settings.allow_drift,
               "Run even when applied files were edited or removed");
  sub.add_flag("--allow-out-of-order", settings.allow_out_of_order,
               "Apply pending migrations whose version is below the applied one");
}

std::unique_ptr<RunnerContext> open_runner(RunnerSettings settings, Io& io, bool single) {
  if (settings.database.empty()) {
    if (const char* url = std::getenv("DATABASE_URL"); url != nullptr) settings.database = url;
  }
  auto specs = source_specs(settings);
  // Name each later source's table now, so that --only keeps it whatever its position.
  for (std::size_t i = 1; i < specs.size(); ++i) {
    if (specs[i].table.empty()) specs[i].table = "schema_migrations_" + specs[i].name;
  }
  if (!settings.only.empty()) {
    std::vector<runner::SourceSettings> kept;
    for (const auto& spec : specs) {
      if (spec.name == settings.only) kept.push_back(spec);
    }
    if (kept.empty()) throw UsageError("--only " + settings.only + ": no such source");
    specs = std::move(kept);
  }
  if (single && specs.size() > 1) {
    throw UsageError("several sources: choose one with --only NAME");
  }

  auto context = std::make_unique<RunnerContext>(
      RunnerContext{runner::parse_database_target(settings.database),
                    runner::mask_password(settings.database),
                    nullptr,
                    {},
                    rules::make_rule_set(),
                    {}});
  for (const auto& warning : context->target.warnings) {
    io.err << "sqlgate: warning: " << warning << '\n';
  }
  context->options.lock_timeout = std::chrono::milliseconds(
      static_cast<long long>(settings.lock_timeout_seconds * 1000.0 + 0.5));
  context->options.allow_drift = settings.allow_drift;
  context->options.allow_out_of_order = settings.allow_out_of_order;
  context->options.dry_run = settings.dry_run;
  context->options.jobs = settings.jobs;
  // The files are read while the connection opens; a connection error still comes first.
  auto sets = std::async(std::launch::async, [&specs] { return runner::read_sources(specs); });
  try {
    context->session = runner::connect_postgres(context->target.conninfo);
  } catch (const runner::ConnectionError& e) {
    std::string where = context->masked_url.empty() ? "the PG* environment" : context->masked_url;
    throw runner::ConnectionError(std::string(e.what()) + " (database: " + where + ")");
  }
  if (auto timeout = context->target.options.statement_timeout_ms) {
    context->session->execute("SET statement_timeout = " + std::to_string(*timeout));
  }
  std::vector<lint::MigrationSet> read = sets.get();
  for (std::size_t i = 0; i < read.size(); ++i) {
    for (const auto& warning : read[i].warnings) io.err << "sqlgate: warning: " << warning << '\n';
    if (std::string warning = read[i].not_applied_warning(); !warning.empty()) {
      io.err << "sqlgate: warning: " << specs[i].dir << ": " << warning << '\n';
    }
  }
  context->sources =
      runner::open_sources(*context->session, specs, context->target, std::move(read));
  return context;
}

int run_guarded(Io& io, const RunnerSettings& settings, bool single,
                const std::function<int(RunnerContext&)>& body) {
  auto say = [&](const std::string& message) {
    io.err << "sqlgate: " << runner::redact_password(message, settings.database) << '\n';
  };
  std::unique_ptr<RunnerContext> context;
  try {
    context = open_runner(settings, io, single);
    return body(*context);
  } catch (const runner::GateRefused& e) {
    for (const auto& refusal : e.refusals()) {
      lint::MigrationSet empty;
      const lint::MigrationSet* set = &empty;
      for (const auto& source : context->sources) {
        if (source.name == refusal.source) set = &source.set;
      }
      lint::report::write_text(io.out, refusal.findings, *set, {false, true});
    }
    io.out.flush();
    say(e.what());
    return k_exit_findings;
  } catch (const runner::MigrationFailed& e) {
    io.out.flush();
    print_failure(io, e.report());
    return k_exit_findings;
  } catch (const runner::RunRefused& e) {
    io.out.flush();
    say(e.what());
    return k_exit_findings;
  } catch (const runner::ConnectionError& e) {
    say(e.what());
    return k_exit_error;
  } catch (const runner::SqlError& e) {
    say("database error: " + e.fields().message +
        (e.detail().empty() ? "" : " (" + e.detail() + ")"));
    return k_exit_error;
  }
}

std::string step_line(const runner::Source& source, const runner::PlannedStep& step, double ms,
                      bool several_sources) {
  std::string line;
  if (several_sources) line += "[" + source.name + "] ";
  line += std::to_string(step.version) + (step.direction == lint::Direction::up ? "/u " : "/d ") +
          step.name + " (" + format_ms(ms) + ")";
  return line;
}

int apply_plan(RunnerContext& context, Io& io, const runner::PlanRequest& request) {
  bool several = context.sources.size() > 1;
  bool dry_run = context.options.dry_run;
  runner::Events events;
  events.step = [&](const runner::Source& source, const runner::PlannedStep& step,
                    runner::RunMode mode, double ms) {
    if (dry_run) {
      std::string line = step_line(source, step, 0, several);
      line = line.substr(0, line.rfind(" ("));
      io.out << "would run " << line << " (" << runner::to_string(mode) << ")\n";
    } else {
      io.out << step_line(source, step, ms, several) << '\n' << std::flush;
    }
  };
  runner::Runner runner(*context.session, context.sources, context.rules, context.options,
                        std::move(events));
  runner::RunResult result = runner.run(request);
  for (auto& parsed : result.parsed) keep_until_exit(std::move(parsed));
  if (result.steps == 0) {
    io.out << "no change\n";
  } else if (dry_run) {
    io.out << "dry run: " << result.steps << " migration" << (result.steps == 1 ? "" : "s")
           << " would run; nothing was changed\n";
  }
  return k_exit_ok;
}

bool confirm(Io& io, const std::string& question) {
  if (!io.in_is_terminal || io.in == nullptr) return false;
  io.err << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(*io.in, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
}

}  // namespace sqlgate::cli
