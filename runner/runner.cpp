#include "runner/runner.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "lint/sql.h"
#include "lint/transaction.h"
#include "runner/execute.h"
#include "runner/lock.h"
#include "runner/state.h"

namespace sqlgate::runner {
namespace {

bool has_option(const lint::Node& list_owner, std::string_view list, std::string_view name) {
  for (lint::Node option : list_owner.list(list)) {
    if (option.str("defname") == name) return true;
  }
  return false;
}

// A statement that can leave something behind even when it fails: a CONCURRENTLY build
// leaves an invalid index, a concurrent detach a pending partition.
bool may_leave_trace(const lint::Statement& statement) {
  const lint::Node& node = statement.node;
  if (node.is("IndexStmt")) return node.flag("concurrent");
  if (node.is("ReindexStmt")) return has_option(node, "params", "concurrently");
  if (node.is("AlterTableStmt")) {
    for (lint::Node command : node.list("cmds")) {
      lint::Node partition = command.get("def");
      if (partition.is("PartitionCmd") && partition.flag("concurrent")) return true;
    }
  }
  return false;
}

// Warnings and infos per file of a lint result, counted in one pass.
struct Verdicts {
  explicit Verdicts(const lint::LintResult& result) {
    for (const auto& d : result.diagnostics) {
      if (d.severity == lint::Severity::warning) ++counts[d.file].first;
      if (d.severity == lint::Severity::info) ++counts[d.file].second;
    }
  }

  // "clean", or what the gate let through: "2 warnings, 1 info".
  std::string of(const std::string& file) const {
    auto found = counts.find(file);
    if (found == counts.end()) return "clean";
    auto [warnings, infos] = found->second;
    if (warnings == 0 && infos == 0) return "clean";
    std::string verdict;
    if (warnings > 0) {
      verdict = std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    }
    if (infos > 0) {
      if (!verdict.empty()) verdict += ", ";
      verdict += std::to_string(infos) + (infos == 1 ? " info" : " infos");
    }
    return verdict;
  }

  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> counts;
};

std::string short_direction(lint::Direction direction) {
  return direction == lint::Direction::up ? "u" : "d";
}

// Everything the runner knows about one migration it is about to run.
struct Prepared {
  const Source* source = nullptr;
  PlannedStep step;
  const lint::SourceFile* file = nullptr;
  const lint::ParsedFile* parsed = nullptr;  // the gate's parse (RunResult::parsed keeps it)
  RunMode mode = RunMode::transaction;
  std::string verdict;
};

FailureReport base_report(const Prepared& prepared) {
  FailureReport report;
  report.source = prepared.source->name;
  report.version = prepared.step.version;
  report.name = prepared.step.name;
  report.direction = short_direction(prepared.step.direction);
  report.file = prepared.file->display;
  return report;
}

void fill_error(FailureReport& report, const ServerError& error) {
  report.sqlstate = error.sqlstate;
  report.message = error.message;
  report.detail = error.detail;
  report.hint = error.hint;
  report.context = error.context;
}

// Sets the failing statement's location: PostgreSQL's position when given, else its start.
void locate(FailureReport& report, const lint::ParsedFile& parsed, std::size_t index,
            int position_in_statement) {
  const lint::Statement& statement = parsed.statements()[index];
  std::string_view text = parsed.slice(statement.range);
  std::uint32_t offset = statement.range.begin;
  if (position_in_statement > 0) {
    offset += lint::byte_offset_of_char(text, position_in_statement);
    report.exact_position = true;
  }
  lint::Position position = parsed.position(offset);
  report.line = position.line;
  report.column = position.column;
  report.statement = std::string(text);
}

// The top-level statement a file offset falls in.
std::size_t statement_at(const lint::ParsedFile& parsed, std::uint32_t offset) {
  const auto& statements = parsed.statements();
  std::size_t found = 0;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (statements[i].span.begin <= offset) found = i;
  }
  return found;
}

// The history row of the run that left the state dirty at this version: the last one still
// running (the process or its connection stopped) or failed; null when another tool did it.
const HistoryEntry* unfinished_run(const std::vector<HistoryEntry>& history, std::int64_t version) {
  const HistoryEntry* last = nullptr;
  for (const auto& row : history) {
    if ((row.status == "running" || row.status == "failed") && row.version_after == version) {
      last = &row;
    }
  }
  return last;
}

std::string describe_run(const HistoryEntry& run) {
  return std::to_string(run.version) + "/" + (run.action == "down" ? "d" : "u") + " " + run.name;
}

// The file a recorded run ran, as reports name it; empty when it is gone.
std::string file_of(const Source& source, const HistoryEntry& run) {
  lint::Direction direction = run.action == "down" ? lint::Direction::down : lint::Direction::up;
  for (const lint::SourceFile& file : source.set.files) {
    if (!file.migration || file.migration->direction != direction) continue;
    if (file.migration->version.as_bigint() == run.version) return file.display;
  }
  return {};
}

// What the history says about a dirty state, for the refusal of up, down and goto.
std::string dirty_detail(const Source& source, const StateRow& state,
                         const std::vector<HistoryEntry>& history) {
  const HistoryEntry* run = unfinished_run(history, state.version);
  if (run == nullptr) {
    return "sqlgate has no record of the run that left it dirty (another tool marked it); "
           "`sqlgate recover` tells whether it can reset it";
  }
  std::string file = file_of(source, *run);
  std::string what = describe_run(*run) + (file.empty() ? "" : " (" + file + ")");
  std::string force = "`sqlgate force V` with the version the schema is at";
  if (run->status == "running") {
    return what +
           " did not finish: the process or its connection stopped while it ran statement by "
           "statement, so some of its statements may have taken effect. Compare the database "
           "with the file, finish or undo them by hand, then " +
           force;
  }
  if (run->nothing_remains) {
    return what + " failed (" + run->error +
           ") and nothing of it remains: `sqlgate recover` resets the version";
  }
  return what + " failed (" + run->error + ") after " + std::to_string(run->statements_done) +
         " of its statements took effect; finish or undo them by hand, then " + force;
}

// A lost connection, with what it means for the migration that was running.
ConnectionError lost_during(const ConnectionError& error, const Prepared& item) {
  std::string what = std::to_string(item.step.version) + "/" +
                     short_direction(item.step.direction) + " " + item.step.name + " (" +
                     item.file->display + ")";
  if (item.mode == RunMode::transaction) {
    return ConnectionError(std::string(error.what()) + "\nwhile applying " + what +
                           ": its transaction did not commit unless the server had already "
                           "finished it; `sqlgate version` shows which, and `sqlgate up` "
                           "continues from there");
  }
  return ConnectionError(std::string(error.what()) + "\nwhile running " + what +
                         " statement by statement: the database stays dirty at version " +
                         std::to_string(item.step.after) +
                         "; compare it with the file, finish or undo the migration by hand, "
                         "then `sqlgate force` the version the schema is at");
}

std::vector<Database*> databases_of(std::vector<Source>& sources) {
  std::vector<Database*> databases;
  for (auto& source : sources) databases.push_back(source.db.get());
  return databases;
}

// golang-migrate's dirty protocol: (V, dirty), the statements one by one as the file has them,
// (V, clean).
double run_dirty(Session& session, const Prepared& item, const MigrationRun& run) {
  Database& db = *item.source->db;
  const lint::ParsedFile& parsed = *item.parsed;
  std::int64_t id = db.begin_dirty(run);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::uint32_t> committed;  // lines of statements whose effects are kept
  std::vector<std::uint32_t> pending;    // lines run inside the file's open transaction
  bool in_block = false;
  const auto& statements = parsed.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const lint::Statement& statement = statements[i];
    lint::TransactionKind kind = lint::transaction_kind(statement);
    try {
      db.run_statement(parsed.slice(statement.range));
    } catch (const SqlError& e) {
      FailureReport report = base_report(item);
      fill_error(report, e.fields());
      locate(report, parsed, i, e.position());
      report.state_version = item.step.after;
      report.dirty = true;
      report.nothing_remains = committed.empty() && (in_block || !may_leave_trace(statement));
      report.lines_that_ran = committed;
      db.fail_dirty(id, static_cast<std::int64_t>(committed.size()), report.nothing_remains,
                    report.message);
      session.take_notices();
      throw MigrationFailed(std::move(report));
    }
    std::uint32_t line = parsed.position(statement.range.begin).line;
    switch (kind) {
      case lint::TransactionKind::begin:
        in_block = true;
        break;
      case lint::TransactionKind::commit:
      case lint::TransactionKind::prepare:
        committed.insert(committed.end(), pending.begin(), pending.end());
        pending.clear();
        in_block = lint::chains(statement);
        break;
      case lint::TransactionKind::rollback:
        pending.clear();
        in_block = lint::chains(statement);
        break;
      default:
        (in_block ? pending : committed).push_back(line);
        break;
    }
  }
  if (in_block) {
    // BEGIN without COMMIT: what ran since BEGIN is rolled back rather than committed silently.
    FailureReport report = base_report(item);
    report.message =
        "the file ends inside a transaction it opened (BEGIN without COMMIT); its statements "
        "since BEGIN were rolled back";
    report.hint = "end the file with COMMIT, or drop BEGIN and let sqlgate run it in a transaction";
    report.state_version = item.step.after;
    report.dirty = true;
    report.nothing_remains = committed.empty();
    report.lines_that_ran = committed;
    db.fail_dirty(id, static_cast<std::int64_t>(committed.size()), report.nothing_remains,
                  report.message);
    throw MigrationFailed(std::move(report));
  }
  std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  db.finish_dirty(id, run, elapsed.count(), static_cast<std::int64_t>(statements.size()));
  return elapsed.count();
}

}  // namespace

std::vector<lint::MigrationSet> read_sources(const std::vector<SourceSettings>& specs) {
  std::vector<lint::MigrationSet> sets;
  for (const SourceSettings& spec : specs) {
    sets.push_back(lint::discover({spec.dir}, lint::DiscoverOptions{false}));
    if (!sets.back().errors.empty()) {
      throw lint::SourceError("cannot read " + sets.back().errors.front());
    }
  }
  return sets;
}

std::vector<Source> open_sources(Session& session, const std::vector<SourceSettings>& specs,
                                 const DatabaseTarget& target,
                                 std::vector<lint::MigrationSet> sets) {
  if (sets.size() != specs.size()) {
    throw std::logic_error("open_sources: one migration set per source expected");
  }
  SessionInfo info = session_info(session);
  std::string lock_database = target.url_path ? *target.url_path : info.current_database;
  std::vector<Source> sources;
  std::set<std::string> tables;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const SourceSettings& spec = specs[i];
    std::string name = spec.table;
    bool quoted = spec.table_quoted;
    if (name.empty() && i == 0 && !target.options.migrations_table.empty()) {
      name = target.options.migrations_table;
      quoted = target.options.migrations_table_quoted;
    }
    if (name.empty()) {
      name = i == 0 ? std::string(k_default_table) : std::string(k_default_table) + "_" + spec.name;
      quoted = false;
    }
    StateTable table;
    if (quoted) {
      QuotedTable parts = parse_quoted_table(name);
      table.schema = parts.schema;
      table.table = parts.table;
    } else {
      table.table = name;
    }
    if (table.schema.empty()) {
      if (info.current_schema.empty()) {
        throw ConnectionError(
            "no schema: the session's search_path names no existing schema; set one, or name the "
            "state table's schema with x-migrations-table-quoted");
      }
      table.schema = info.current_schema;
    }
    if (!tables.insert(table.display()).second) {
      throw std::invalid_argument("two sources record their state in " + table.display() +
                                  ": give each its own table");
    }
    Source source;
    source.name = spec.name;
    source.dir = spec.dir;
    source.set = std::move(sets[i]);
    source.migrations = index_migrations(source.set);
    source.db = open_state(session, std::move(table), lock_database);
    sources.push_back(std::move(source));
  }
  return sources;
}

Runner::Runner(Session& session, std::vector<Source>& sources, const lint::RuleSet& rules,
               RunOptions options, Events events)
    : m_session(session),
      m_sources(sources),
      m_rules(rules),
      m_options(options),
      m_events(std::move(events)) {}

RunResult Runner::run(const PlanRequest& request) {
  // The locks first: the state read, the plan and the gate all see what the locks protect.
  std::optional<LockSet> locks;
  if (!m_options.dry_run) locks.emplace(databases_of(m_sources), m_options.lock_timeout);

  std::vector<std::size_t> order(m_sources.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  bool going_down = request.goal == Goal::down || request.goal == Goal::down_all;
  if (going_down) std::reverse(order.begin(), order.end());

  // Plan every source, then gate every planned file, before touching anything.
  std::vector<std::vector<PlannedStep>> plans(m_sources.size());
  for (std::size_t index : order) {
    Source& source = m_sources[index];
    StateRow state = source.db->state();
    std::vector<HistoryEntry> history = source.db->history();
    if (state.dirty) throw DirtyDatabase(state.version, dirty_detail(source, state, history));
    SourceStatus status = compute_status(source.set, source.migrations, state, history);
    PlanRequest source_request = request;
    source_request.allow_drift = request.allow_drift || m_options.allow_drift;
    source_request.allow_out_of_order = request.allow_out_of_order || m_options.allow_out_of_order;
    plans[index] = make_plan(status, source_request);
  }

  // The gate lints every file of every source, with the server's major version: the set-level
  // checks over all of them, the file rules over the files the plan runs.
  int pg_major = m_session.server_version() / 10000;
  RunResult result;
  std::vector<Prepared> prepared;
  std::vector<GateFindings> refusals;
  std::vector<std::string> unrunnable;
  for (std::size_t index : order) {
    Source& source = m_sources[index];
    const std::vector<PlannedStep>& steps = plans[index];
    std::unordered_set<std::string_view> planned_files;
    for (const PlannedStep& step : steps) planned_files.insert(source.set.files[step.file].display);
    lint::LintOptions options;
    options.jobs = m_options.jobs;
    options.pg_version = pg_major > 0 ? pg_major : 15;
    options.keep_project = true;  // each planned file runs as the gate parsed it
    options.check_file = [&](const lint::SourceFile& file) {
      return planned_files.contains(file.display);
    };
    lint::LintResult linted = lint::lint(source.set, m_rules, options);
    if (!linted.io_errors.empty()) {
      throw std::runtime_error("cannot read " + linted.io_errors.front());
    }
    result.parsed.push_back(linted.project);

    lint::LintResult refusing;
    for (const auto& d : linted.diagnostics) {
      if (d.severity != lint::Severity::error) continue;
      const lint::Rule* rule = m_rules.find(d.rule);
      bool set_level = rule != nullptr && rule->check_set != nullptr;
      if (set_level || planned_files.contains(d.file)) {
        refusing.diagnostics.push_back(d);
        ++refusing.errors;
      }
    }
    refusing.files = linted.files;
    refusing.statements = linted.statements;
    if (!refusing.diagnostics.empty()) refusals.push_back({source.name, std::move(refusing)});

    Verdicts verdicts(linted);
    for (const PlannedStep& step : steps) {
      Prepared item;
      item.source = &source;
      item.step = step;
      item.file = &source.set.files[step.file];
      item.parsed = linted.project ? linted.project->parsed(step.file) : nullptr;
      if (item.parsed == nullptr) {
        throw std::logic_error("the gate did not parse " + item.file->display);
      }
      if (item.parsed->error()) {
        unrunnable.push_back(item.file->display + ": " + item.parsed->error()->message);
        continue;
      }
      if (step.direction == lint::Direction::down) {
        for (const auto& directive : item.parsed->directives()) {
          if (directive.kind != lint::DirectiveKind::irreversible) continue;
          unrunnable.push_back(item.file->display + ": marked irreversible" +
                               (directive.reason.empty() ? "" : " (" + directive.reason + ")") +
                               "; version " + std::to_string(step.version) + " cannot be reverted");
        }
      }
      item.mode = run_mode(*item.parsed);
      item.verdict = verdicts.of(item.file->display);
      prepared.push_back(std::move(item));
    }
  }
  if (!refusals.empty()) throw GateRefused(std::move(refusals));
  if (!unrunnable.empty()) {
    std::string list;
    for (const auto& line : unrunnable) list += "\n  " + line;
    throw RunRefused("nothing was applied: these migrations cannot run:" + list);
  }

  if (m_options.dry_run) {
    for (const Prepared& item : prepared) {
      if (m_events.step) m_events.step(*item.source, item.step, item.mode, 0.0);
    }
    result.steps = prepared.size();
    return result;
  }

  std::set<const Source*> ensured;
  for (Prepared& item : prepared) {
    Database& db = *item.source->db;
    if (ensured.insert(item.source).second) db.ensure_tables();
    const lint::ParsedFile& parsed = *item.parsed;
    MigrationRun run;
    run.version = item.step.version;
    run.name = item.step.name;
    run.direction = item.step.direction;
    run.mode = item.mode;
    run.sql = item.file->text;
    run.checksum = sha256_hex(item.file->text);
    run.lint_verdict = item.verdict;
    run.statements = static_cast<std::int64_t>(parsed.statements().size());
    run.version_before = item.step.before;
    run.version_after = item.step.after;

    double ms = 0;
    if (item.mode == RunMode::transaction) {
      try {
        ms = db.apply(run);
      } catch (const ConnectionError& e) {
        throw lost_during(e, item);
      } catch (const SqlError& e) {
        FailureReport report = base_report(item);
        report.state_version = item.step.before;
        report.dirty = false;
        report.nothing_remains = true;
        fill_error(report, e.fields());
        if (e.position() > 0) {
          std::uint32_t offset = lint::byte_offset_of_char(item.file->text, e.position());
          std::size_t index = statement_at(parsed, offset);
          locate(report, parsed, index, 0);
          lint::Position position = parsed.position(offset);
          report.line = position.line;
          report.column = position.column;
          report.exact_position = true;
        } else if (!parsed.statements().empty()) {
          std::vector<std::string_view> texts;
          for (const auto& statement : parsed.statements()) {
            texts.push_back(parsed.slice(statement.range));
          }
          if (auto failure = db.replay(texts)) {
            locate(report, parsed, failure->index, failure->error.position);
            if (report.detail.empty()) report.detail = failure->error.detail;
            if (report.hint.empty()) report.hint = failure->error.hint;
          }
        }
        m_session.take_notices();
        throw MigrationFailed(std::move(report));
      }
    } else {
      try {
        ms = run_dirty(m_session, item, run);
      } catch (const ConnectionError& e) {
        throw lost_during(e, item);
      }
    }
    m_session.take_notices();
    if (m_events.step) m_events.step(*item.source, item.step, item.mode, ms);
  }
  result.steps = prepared.size();
  return result;
}

std::vector<SourceStatus> Runner::status() {
  std::vector<SourceStatus> statuses;
  for (Source& source : m_sources) {
    statuses.push_back(
        compute_status(source.set, source.migrations, source.db->state(), source.db->history()));
  }
  return statuses;
}

void Runner::force(std::int64_t version) {
  if (version < k_nil_version) throw std::invalid_argument("version must be >= -1");
  Source& source = m_sources.front();
  LockSet locks({source.db.get()}, m_options.lock_timeout);
  source.db->ensure_tables();
  StateRow before = source.db->state();
  HistoryEntry note;
  note.version = version;
  note.action = "force";
  note.version_before = before.version;
  note.version_after = version;
  if (const auto* migration = [&]() -> const SourceMigration* {
        for (const auto& m : source.migrations) {
          if (m.version == version) return &m;
        }
        return nullptr;
      }()) {
    note.name = migration->name;
  }
  if (before.dirty) note.error = "was dirty at version " + std::to_string(before.version);
  source.db->set_state(StateRow{version, false}, note);
}

RecoverResult Runner::recover() {
  Source& source = m_sources.front();
  LockSet locks({source.db.get()}, m_options.lock_timeout);
  RecoverResult result;
  StateRow state = source.db->state();
  result.from = state.version;
  result.to = state.version;
  if (!state.dirty) {
    result.explanation = "the database is not dirty (version " + std::to_string(state.version) +
                         "): nothing to recover";
    return result;
  }
  result.was_dirty = true;
  std::vector<HistoryEntry> history = source.db->history();
  const HistoryEntry* last = unfinished_run(history, state.version);
  auto reset = [&](std::int64_t to, const std::string& name, const std::string& why) {
    HistoryEntry note;
    note.version = state.version;
    note.name = name;
    note.action = "recover";
    note.version_before = state.version;
    note.version_after = to;
    note.error = why;
    source.db->ensure_tables();
    source.db->set_state(StateRow{to, false}, note);
    result.to = to;
    result.explanation = why;
  };
  std::string force_help = "then run `sqlgate force V` with the version the schema is really at";

  if (last != nullptr) {
    std::string what = describe_run(*last);
    if (last->status == "running") {
      throw RunRefused("the run of " + what +
                       " was interrupted between statements (the process or the connection "
                       "stopped): some of its statements may have run. Compare the database with "
                       "the file, finish or undo them by hand, " +
                       force_help);
    }
    if (!last->nothing_remains) {
      throw RunRefused(what + " failed (" + last->error + ") after " +
                       std::to_string(last->statements_done) +
                       " of its statements had run and left their effects; nothing rolls those "
                       "back. Undo them by hand and run `sqlgate force " +
                       std::to_string(last->version_before) +
                       "`, or finish the migration by hand and run `sqlgate force " +
                       std::to_string(last->version_after) + "`");
    }
    reset(last->version_before, last->name,
          "nothing of " + what + " remained (" + last->error + ")");
    return result;
  }

  // Marked dirty by another tool (golang-migrate writes the version it was going to). Either
  // the up of that version failed, or the down of the next one.
  const SourceMigration* up = nullptr;
  const SourceMigration* next_down = nullptr;
  std::int64_t previous = k_nil_version;
  for (const auto& migration : source.migrations) {
    if (migration.version < state.version) previous = migration.version;
    if (migration.version == state.version && migration.up >= 0) up = &migration;
    if (migration.version > state.version) {
      if (migration.down >= 0) next_down = &migration;
      break;
    }
  }
  std::int64_t known = history.empty() ? k_nil_version - 1 : history.back().version_after;
  const SourceMigration* failed = nullptr;
  std::int64_t clean = k_nil_version;
  lint::Direction direction = lint::Direction::up;
  if (up != nullptr && (next_down == nullptr || known == previous)) {
    failed = up;
    clean = previous;
  } else if (next_down != nullptr && (up == nullptr || known == next_down->version)) {
    failed = next_down;
    clean = next_down->version;
    direction = lint::Direction::down;
  }
  if (failed == nullptr) {
    throw RunRefused(
        "version " + std::to_string(state.version) +
        " was marked dirty by another tool, and sqlgate cannot tell which migration failed (the "
        "up of " +
        std::to_string(state.version) + " or the down of the version after it). Check which ran, " +
        force_help);
  }
  const lint::SourceFile& file = source.set.files[static_cast<std::size_t>(
      direction == lint::Direction::up ? failed->up : failed->down)];
  auto parsed = lint::ParsedFile::parse(file);
  std::string what =
      std::to_string(failed->version) + "/" + short_direction(direction) + " " + failed->name;
  bool atomic = !parsed->error() && run_mode(*parsed) == RunMode::transaction &&
                !std::any_of(parsed->statements().begin(), parsed->statements().end(),
                             [](const lint::Statement& s) { return may_leave_trace(s); });
  if (!atomic) {
    throw RunRefused("version " + std::to_string(state.version) +
                     " was marked dirty by another tool while running " + what + " (" +
                     file.display +
                     "), which does not run as one transaction: some of its statements may "
                     "have run. Compare the database with the file, " +
                     force_help);
  }
  reset(clean, failed->name,
        "nothing of " + what +
            " remained: golang-migrate sends a file as one query, which runs "
            "as one transaction (unless x-multi-statement was on)");
  return result;
}

void Runner::drop() {
  LockSet locks(databases_of(m_sources), m_options.lock_timeout);
  std::set<std::string> schemas;
  for (Source& source : m_sources) {
    if (schemas.insert(source.db->table().schema).second) source.db->drop_all();
  }
}

}  // namespace sqlgate::runner
