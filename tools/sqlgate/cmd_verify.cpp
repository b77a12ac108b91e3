#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "lint/engine.h"
#include "lint/report/report.h"
#include "lint/report/style.h"
#include "rules/registry.h"
#include "runner/scratch.h"
#include "runner/server_state.h"
#include "runner/sources.h"
#include "runner/verify.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {
namespace {

using Json = nlohmann::ordered_json;

struct VerifyArgs {
  std::string path;
  std::vector<std::string> sources;
  std::string scratch_url;
  std::string scratch_user;
  std::string pg_bindir;
  std::string from;
  std::string to;
  std::string only;
  std::string format = "text";
  std::vector<std::string> state_tables;
  std::string color = "auto";
};

std::optional<lint::Version> version_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  try {
    return lint::Version(text);
  } catch (const std::invalid_argument&) {
    throw UsageError(std::string(option) + " wants a migration version (digits), got '" + text +
                     "'");
  }
}

std::string format_ms(double ms) {
  char buffer[32];
  if (ms >= 1000) {
    std::snprintf(buffer, sizeof buffer, "%.2f s", ms / 1000);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.0f ms", ms);
  }
  return buffer;
}

double round_ms(double ms) {
  return static_cast<double>(static_cast<long long>(ms * 10 + 0.5)) / 10;
}

std::string server_version_text(int version) {
  return std::to_string(version / 10000) + "." + std::to_string(version % 100);
}

using lint::report::k_bold;
using lint::report::k_green;
using lint::report::k_red;
using lint::report::k_reset;
using lint::report::k_yellow;
using lint::report::Style;

// Lint findings by file display name.
using Findings = std::map<std::string, std::vector<lint::Diagnostic>>;

std::string finding_line(const lint::Diagnostic& d) {
  return d.file + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
         std::string(lint::to_string(d.severity)) + "[" + d.rule + "]: " + d.message;
}

// Every line of `text` after the first indented by `indent`.
std::string indent_lines(const std::string& text, const std::string& indent) {
  std::string result;
  for (char c : text) {
    result += c;
    if (c == '\n') result += indent;
  }
  return result;
}

class TextReport {
 public:
  TextReport(std::ostream& out, Style style, const Findings& findings)
      : m_out(out), m_style(style), m_findings(findings) {}

  void migration(const runner::MigrationResult& result) {
    std::string_view colour = k_green;
    std::string status = "PASS";
    switch (result.status) {
      case runner::MigrationStatus::passed:
        break;
      case runner::MigrationStatus::failed:
        colour = k_red;
        status = "FAIL";
        break;
      case runner::MigrationStatus::applied:
        colour = k_yellow;
        status = "APPLIED";
        break;
      case runner::MigrationStatus::not_run:
        colour = k_yellow;
        status = "NOT RUN";
        break;
    }
    m_out << m_style(colour) << m_style(k_bold) << status << m_style(k_reset)
          << std::string(9 - status.size(), ' ') << result.label;
    if (result.status != runner::MigrationStatus::not_run) {
      m_out << " (" << format_ms(result.milliseconds) << ")";
    }
    if (result.status == runner::MigrationStatus::applied) m_out << "  applied once, unchecked";
    m_out << '\n';
    const std::string pad(9, ' ');
    const auto& steps = result.steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].status == runner::StepStatus::failed) failed_step(steps[i], pad);
      if (steps[i].status != runner::StepStatus::skipped) continue;
      // Steps skipped for one reason (an irreversible down skips three) share a line.
      std::string names(runner::to_string(steps[i].step));
      while (i + 1 < steps.size() && steps[i + 1].status == runner::StepStatus::skipped &&
             steps[i + 1].reason == steps[i].reason) {
        names += ", " + std::string(runner::to_string(steps[++i].step));
      }
      m_out << pad << names << " skipped: " << steps[i].reason << '\n';
    }
    for (const std::string& note : result.notes) m_out << pad << "note: " << note << '\n';
    if (result.status != runner::MigrationStatus::not_run) {
      for (const std::string& file : {result.up_file, result.down_file}) {
        auto found = m_findings.find(file);
        if (file.empty() || found == m_findings.end()) continue;
        for (const auto& d : found->second) m_out << pad << "lint: " << finding_line(d) << '\n';
      }
    }
    m_out.flush();
  }

 private:
  void failed_step(const runner::StepResult& step, const std::string& pad) {
    if (step.error) {
      const runner::MigrationFailure& e = *step.error;
      m_out << pad << runner::to_string(step.step) << " failed: " << e.summary();
      if (!e.sqlstate.empty()) m_out << " [" << e.sqlstate << "]";
      m_out << '\n';
      if (!e.detail.empty())
        m_out << pad << "  detail: " << indent_lines(e.detail, pad + "  ") << '\n';
      if (!e.hint.empty()) m_out << pad << "  hint: " << indent_lines(e.hint, pad + "  ") << '\n';
      return;
    }
    m_out << pad << runner::to_string(step.step) << ": " << step.reason << '\n';
    const std::string inner = pad + "    ";
    for (const runner::Difference& d : step.differences) {
      m_out << pad << "  " << d.object << '\n';
      m_out << inner
            << "before: " << (d.before ? indent_lines(*d.before, inner + "        ") : "(none)")
            << '\n';
      m_out << inner
            << "after:  " << (d.after ? indent_lines(*d.after, inner + "        ") : "(none)")
            << '\n';
    }
  }

  std::ostream& m_out;
  Style m_style;
  const Findings& m_findings;
};

// What verify put back on the server, and what it could not, one line each after `lead`.
void server_lines(std::ostream& out, const runner::ServerRestore& restore, const std::string& lead,
                  Style style) {
  for (const auto& line : restore.restored) out << lead << line << '\n';
  for (const auto& line : restore.notes) out << lead << "note: " << line << '\n';
  for (const auto& line : restore.not_restored) {
    out << lead << style(k_red) << style(k_bold) << "NOT PUT BACK" << style(k_reset) << ": " << line
        << '\n';
  }
}

Json failure_json(const runner::MigrationFailure& e) {
  Json error{{"file", e.file},
             {"line", e.position.line},
             {"column", e.position.column},
             {"message", e.message},
             {"sqlstate", e.sqlstate}};
  if (!e.detail.empty()) error["detail"] = e.detail;
  if (!e.hint.empty()) error["hint"] = e.hint;
  if (!e.context.empty()) error["context"] = e.context;
  return error;
}

Json migration_json(const runner::MigrationResult& result, const Findings& findings) {
  Json steps = Json::array();
  for (const runner::StepResult& step : result.steps) {
    Json item{{"step", runner::to_string(step.step)},
              {"status", runner::to_string(step.status)},
              {"time_ms", round_ms(step.milliseconds)}};
    if (!step.reason.empty()) item["reason"] = step.reason;
    if (step.error) item["error"] = failure_json(*step.error);
    if (!step.differences.empty()) {
      Json differences = Json::array();
      for (const runner::Difference& d : step.differences) {
        differences.push_back(Json{{"object", d.object},
                                   {"before", d.before ? Json(*d.before) : Json()},
                                   {"after", d.after ? Json(*d.after) : Json()}});
      }
      item["differences"] = std::move(differences);
    }
    steps.push_back(std::move(item));
  }
  Json lint = Json::array();
  for (const std::string& file : {result.up_file, result.down_file}) {
    auto found = findings.find(file);
    if (file.empty() || found == findings.end()) continue;
    for (const auto& d : found->second) lint.push_back(lint::report::diagnostic_json(d));
  }
  return Json{{"source", result.source},
              {"version", result.version.raw()},
              {"name", result.name},
              {"up", result.up_file},
              {"down", result.down_file.empty() ? Json() : Json(result.down_file)},
              {"status", runner::to_string(result.status)},
              {"time_ms", round_ms(result.milliseconds)},
              {"steps", std::move(steps)},
              {"notes", result.notes},
              {"lint", std::move(lint)}};
}

int run_verify(const VerifyArgs& args, Io& io) {
  // ---- options
  if (!args.path.empty() && !args.sources.empty()) {
    throw UsageError("--path and --source are alternatives: give one");
  }
  if (!args.only.empty() && (!args.from.empty() || !args.to.empty())) {
    throw UsageError("--only cannot be combined with --from or --to");
  }
  if (!args.scratch_url.empty() && (!args.scratch_user.empty() || !args.pg_bindir.empty())) {
    throw UsageError(
        "--scratch-user and --pg-bindir set up the private server; --scratch-url "
        "names another one");
  }
  runner::VerifyOptions options;
  options.from = version_option(args.only.empty() ? args.from : args.only,
                                args.only.empty() ? "--from" : "--only");
  options.to = version_option(args.only.empty() ? args.to : args.only,
                              args.only.empty() ? "--to" : "--only");
  if (options.from && options.to && *options.to < *options.from) {
    throw UsageError("--from " + args.from + " comes after --to " + args.to);
  }
  if (!args.state_tables.empty()) options.snapshot.excluded_tables = args.state_tables;

  // ---- the migrations
  std::vector<runner::SourceSpec> specs;
  if (args.sources.empty()) {
    specs.push_back({"", args.path.empty() ? "migrations/sql" : args.path});
  }
  std::set<std::string> names;
  for (const std::string& text : args.sources) {
    specs.push_back(runner::parse_source_spec(text));
    if (!names.insert(specs.back().name).second) {
      throw UsageError("two --source options are named '" + specs.back().name + "'");
    }
  }
  std::vector<runner::LoadedSource> sources;
  std::size_t in_range = 0;
  bool only_found = false;
  for (const auto& spec : specs) {
    sources.push_back(runner::load_source(spec));
    for (const auto& warning : sources.back().warnings) {
      io.err << "sqlgate: warning: " << warning << '\n';
    }
    for (const auto& pair : sources.back().migrations) {
      if (options.from && pair.version < *options.from) continue;
      if (options.to && *options.to < pair.version) continue;
      ++in_range;
      if (!args.only.empty()) only_found = true;
    }
  }
  if (!args.only.empty() && !only_found) {
    throw UsageError("no migration has version " + args.only);
  }
  std::string where = specs.size() == 1 ? specs[0].dir : std::to_string(specs.size()) + " sources";
  if (in_range == 0) {
    if (args.format == "json") {
      io.out << Json{{"migrations", Json::array()},
                     {"summary",
                      {{"migrations", 0},
                       {"passed", 0},
                       {"failed", 0},
                       {"applied", 0},
                       {"not_run", 0},
                       {"time_ms", 0}}}}
                    .dump(2)
             << '\n';
    } else {
      io.out << "verify: no migrations to check in " << where << '\n';
    }
    return k_exit_ok;
  }

  // ---- the scratch database: removed whatever happens, Ctrl-C included; on a --scratch-url
  // server, what the migrations changed outside it (roles...) is put back afterwards
  std::unique_ptr<runner::ScratchCluster> cluster;
  std::unique_ptr<runner::TemporaryDatabase> database;
  std::unique_ptr<runner::ServerWatch> server_watch;
  std::optional<runner::ServerRestore> restored;
  runner::SignalWatch watch;
  auto put_back = [&]() -> const runner::ServerRestore& {
    if (!restored) {
      database.reset();
      restored.emplace();
      // A private server goes with everything on it.
      if (server_watch && !cluster) restored = server_watch->restore();
    }
    return *restored;
  };
  struct Cleanup {
    runner::SignalWatch& watch;
    std::unique_ptr<runner::TemporaryDatabase>& database;
    std::unique_ptr<runner::ServerWatch>& server_watch;
    std::unique_ptr<runner::ScratchCluster>& cluster;
    std::optional<runner::ServerRestore>& restored;
    std::function<const runner::ServerRestore&()> put_back;
    Io& io;
    ~Cleanup() {
      watch.clear_handlers();
      try {
        // Verify stopped early (an error, an interruption): the report goes to stderr.
        if (!restored) server_lines(io.err, put_back(), "sqlgate: ", Style{false});
      } catch (...) {
      }
      database.reset();
      server_watch.reset();
      cluster.reset();
    }
  } cleanup{watch, database, server_watch, cluster, restored, put_back, io};
  options.interrupted = [&watch] { return watch.interrupted(); };

  std::string server;
  int version = 0;
  try {
    if (args.scratch_url.empty()) {
      runner::ClusterOptions cluster_options;
      cluster_options.bindir = args.pg_bindir;
      if (!args.scratch_user.empty()) cluster_options.user = args.scratch_user;
      cluster = runner::ScratchCluster::start(cluster_options);
      watch.on_signal([c = cluster.get()] { c->interrupt(); });
      database = std::make_unique<runner::TemporaryDatabase>(cluster->conninfo());
      server_watch = std::make_unique<runner::ServerWatch>(cluster->conninfo(), database->name());
      server = "a private PostgreSQL";
    } else {
      database = std::make_unique<runner::TemporaryDatabase>(args.scratch_url);
      watch.on_signal([d = database.get()] { d->disconnect_all(); });
      server_watch = std::make_unique<runner::ServerWatch>(args.scratch_url, database->name());
      server = "database " + database->name() + " of the --scratch-url server, PostgreSQL";
    }
    options.server = server_watch.get();
    version = database->connect()->server_version();
  } catch (const runner::ConnectionError& e) {
    if (watch.interrupted()) throw runner::Interrupted();
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  } catch (const runner::ScratchError& e) {
    if (watch.interrupted()) throw runner::Interrupted();
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  }
  server += " " + server_version_text(version);

  // ---- lint findings, shown beside each migration (verify is itself a check: no gate)
  lint::RuleSet rules = rules::make_rule_set();
  lint::LintOptions lint_options;
  lint_options.pg_version = version / 10000;
  Findings findings;
  std::set<std::string> migration_files;
  for (const auto& source : sources) {
    lint::LintResult linted = lint::lint(source.set, rules, lint_options);
    for (auto& d : linted.diagnostics) findings[d.file].push_back(std::move(d));
    for (const auto& pair : source.migrations) {
      migration_files.insert(source.up(pair)->display);
      if (const auto* down = source.down(pair)) migration_files.insert(down->display);
    }
  }

  // ---- the checks
  bool json = args.format == "json";
  TextReport text(io.out, Style{use_color(args.color, io)}, findings);
  if (!json) {
    io.out << "sqlgate verify: " << in_range << " migration" << (in_range == 1 ? "" : "s")
           << " from " << where << " on " << server << '\n';
  }
  options.progress = [&](const runner::MigrationResult& result) {
    if (json) {
      io.err << "verify: " << runner::to_string(result.status) << ' ' << result.label << " ("
             << format_ms(result.milliseconds) << ")\n";
    } else {
      text.migration(result);
    }
  };
  runner::VerifyResult result;
  try {
    result = runner::verify(*database, sources, options);
  } catch (const runner::ConnectionError& e) {
    if (watch.interrupted()) throw runner::Interrupted();
    io.err << "sqlgate: lost the scratch server: " << e.what() << '\n';
    return k_exit_error;
  }
  if (watch.interrupted()) throw runner::Interrupted();
  const runner::ServerRestore& restore = put_back();

  // ---- the report
  std::vector<const lint::Diagnostic*> other_findings;
  for (const auto& [file, list] : findings) {
    if (migration_files.contains(file)) continue;
    for (const auto& d : list) other_findings.push_back(&d);
  }
  if (json) {
    Json migrations = Json::array();
    for (const auto& migration : result.migrations) {
      migrations.push_back(migration_json(migration, findings));
    }
    Json other = Json::array();
    for (const auto* d : other_findings) other.push_back(lint::report::diagnostic_json(*d));
    Json summary{{"migrations", result.migrations.size()},
                 {"passed", result.passed},
                 {"failed", result.failed},
                 {"applied", result.applied},
                 {"not_run", result.not_run},
                 {"time_ms", round_ms(result.milliseconds)}};
    if (!result.stopped.empty()) summary["stopped"] = result.stopped;
    Json document{{"server",
                   {{"kind", args.scratch_url.empty() ? "private" : "scratch-url"},
                    {"version", server_version_text(version)},
                    {"restored", restore.restored},
                    {"not_restored", restore.not_restored},
                    {"notes", restore.notes}}},
                  {"migrations", std::move(migrations)},
                  {"lint", std::move(other)},
                  {"summary", std::move(summary)}};
    io.out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  } else {
    if (!other_findings.empty()) {
      io.out << "lint, other files:\n";
      for (const auto* d : other_findings) io.out << "         " << finding_line(*d) << '\n';
    }
    if (!result.stopped.empty()) io.out << "stopped: " << result.stopped << '\n';
    server_lines(io.out, restore, "server: ", Style{use_color(args.color, io)});
    std::size_t checked = result.passed + result.failed;
    io.out << "\nverify: " << checked << " checked: " << result.passed << " passed, "
           << result.failed << " failed";
    if (result.applied > 0) io.out << "; " << result.applied << " applied unchecked";
    if (result.not_run > 0) io.out << "; " << result.not_run << " not run";
    io.out << " (" << format_ms(result.milliseconds) << ")\n";
  }
  return result.ok() && restore.ok() ? k_exit_ok : k_exit_findings;
}

}  // namespace

void add_verify(CLI::App& app, Io& io, int& exit_code) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* sub = app.add_subcommand(
      "verify",
      "Prove on a scratch PostgreSQL that every up and down is idempotent and that up/down "
      "round trips leave the database as before");
  sub->add_option("-p,--path", args->path, "Migration folder (default: migrations/sql)");
  sub->add_option("--source", args->sources,
                  "A named migration folder, NAME=DIR (repeatable; verified in the order given)");
  sub->add_option("--scratch-url", args->scratch_url,
                  "A server where sqlgate creates, and afterwards drops, a uniquely named "
                  "database (default: a private server started from the local binaries)");
  sub->add_option("--scratch-user", args->scratch_user,
                  "When run as root: the account the private server runs as (default postgres)");
  sub->add_option("--pg-bindir", args->pg_bindir,
                  "Folder of the PostgreSQL server binaries for the private server (default: "
                  "pg_config --bindir, /usr/lib/postgresql/<newest>/bin, PATH)");
  sub->add_option("--from", args->from,
                  "Check from this version on (earlier ones are applied once)");
  sub->add_option("--to", args->to, "Check up to this version (later ones are left out)");
  sub->add_option("--only", args->only, "Check this version only (earlier ones are applied once)");
  sub->add_option("--state-table", args->state_tables,
                  "A table left out of the comparison (repeatable; default: the runner's state "
                  "tables schema_migrations and sqlgate_history)");
  sub->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--color", args->color,
                  "Colour: auto (a terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub->callback([args, &io, &exit_code] {
    try {
      exit_code = run_verify(*args, io);
    } catch (const runner::Interrupted&) {
      io.err << "sqlgate: interrupted; the scratch database and any private server were removed\n";
      exit_code = k_exit_error;
    }
  });
}

}  // namespace sqlgate::cli
