#include "runner/verify.h"

#include <chrono>
#include <memory>

#include "lint/sql.h"
#include "runner/server_state.h"

namespace sqlgate::runner {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One migration of one source, its files parsed once.
struct Item {
  const LoadedSource* source = nullptr;
  const MigrationPair* pair = nullptr;
  std::unique_ptr<lint::ParsedFile> up;
  std::unique_ptr<lint::ParsedFile> down;
  bool check = false;  // in the range checked; else applied unchecked
};

// "run-once: backfill (x.up.sql:3)" for the first directive of the kinds given.
std::optional<std::string> directive_reason(const lint::ParsedFile& file, std::string_view what,
                                            std::initializer_list<lint::DirectiveKind> kinds) {
  for (const lint::Directive& directive : file.directives()) {
    for (lint::DirectiveKind kind : kinds) {
      if (directive.kind != kind) continue;
      std::string reason(what);
      if (!directive.reason.empty()) reason += ": " + directive.reason;
      return reason + " (" + file.display() + ":" + std::to_string(directive.line) + ")";
    }
  }
  return std::nullopt;
}

class Verifier {
 public:
  Verifier(TemporaryDatabase& database, const VerifyOptions& options)
      : m_database(database), m_options(options) {
    connect();
  }

  VerifyResult run(std::vector<Item>& items) {
    auto start = Clock::now();
    for (Item& item : items) {
      MigrationResult result = describe(item);
      if (!m_result.stopped.empty()) {
        result.status = MigrationStatus::not_run;
      } else if (item.check) {
        check(item, result);
      } else {
        apply(item, result);
      }
      count(result);
      if (m_options.progress) m_options.progress(result);
      m_result.migrations.push_back(std::move(result));
    }
    m_result.milliseconds = milliseconds_since(start);
    return std::move(m_result);
  }

 private:
  void connect() {
    disconnect();
    m_work = m_database.connect();
    m_look = m_database.connect();
    m_reader = std::make_unique<SnapshotReader>(*m_look, m_options.snapshot);
    m_fresh = true;
  }

  // Each file runs as a separate `migrate up` or `migrate down` would: in a session that holds
  // nothing an earlier file left (settings, the role, temporary objects, prepared statements,
  // cursors, advisory locks, LISTEN). DISCARD ALL drops all of it at once and synchronously (an
  // ended session's temporary objects would go only as its backend exits); a session it cannot
  // reset (a transaction left open) is replaced by a new one.
  void fresh_session() {
    if (m_fresh) return;
    try {
      m_work->execute("DISCARD ALL");
    } catch (const SqlError&) {
      m_work = m_database.connect();
    }
    m_fresh = true;
  }

  void disconnect() {
    m_reader.reset();
    m_work.reset();
    m_look.reset();
  }

  void check_interrupt() const {
    if (m_options.interrupted && m_options.interrupted()) throw Interrupted();
  }

  Snapshot snapshot() {
    check_interrupt();
    return m_reader->take();
  }

  std::optional<MigrationFailure> run_file(const lint::ParsedFile& file) {
    check_interrupt();
    fresh_session();
    m_fresh = false;
    if (m_options.server) m_options.server->begin(file);
    auto failure = execute_migration(*m_work, file);
    if (m_options.server) m_options.server->end();
    return failure;
  }

  static MigrationResult describe(const Item& item) {
    MigrationResult result;
    result.source = item.source->name;
    result.label = item.source->label(*item.pair);
    result.version = item.pair->version;
    result.name = item.pair->name;
    result.up_file = item.up->display();
    if (item.down) result.down_file = item.down->display();
    return result;
  }

  void count(const MigrationResult& result) {
    switch (result.status) {
      case MigrationStatus::passed:
        ++m_result.passed;
        break;
      case MigrationStatus::failed:
        ++m_result.failed;
        break;
      case MigrationStatus::applied:
        ++m_result.applied;
        break;
      case MigrationStatus::not_run:
        ++m_result.not_run;
        break;
    }
  }

  // Before the range: the up once, unchecked.
  void apply(Item& item, MigrationResult& result) {
    auto start = Clock::now();
    StepResult step{Step::up};
    auto failure = run_file(*item.up);
    step.milliseconds = milliseconds_since(start);
    m_current.reset();
    if (failure) {
      step.status = StepStatus::failed;
      step.error = std::move(failure);
      result.status = MigrationStatus::failed;
      m_result.stopped = result.label + " failed to apply: the migrations after it depend on it";
    } else {
      step.status = StepStatus::passed;
      result.status = MigrationStatus::applied;
      m_applied.push_back(&item);
    }
    result.milliseconds = step.milliseconds;
    result.steps.push_back(std::move(step));
  }

  // Runs a file, then compares the database with `expected`; fills the step.
  bool run_step(StepResult& step, const lint::ParsedFile& file, const Snapshot& expected,
                std::string_view differs, Snapshot* taken = nullptr) {
    auto start = Clock::now();
    auto failure = run_file(file);
    if (failure) {
      step.status = StepStatus::failed;
      step.error = std::move(failure);
    } else {
      Snapshot now = snapshot();
      if (now == expected) {
        step.status = StepStatus::passed;
      } else {
        step.status = StepStatus::failed;
        step.reason = std::string(differs);
        step.differences = diff(expected, now);
      }
      if (taken != nullptr) *taken = std::move(now);
    }
    step.milliseconds = milliseconds_since(start);
    return step.status == StepStatus::passed;
  }

  void check(Item& item, MigrationResult& result) {
    auto start = Clock::now();
    Snapshot before = m_current ? std::move(*m_current) : snapshot();
    m_current.reset();
    for (Step step :
         {Step::up, Step::up_again, Step::down, Step::down_again, Step::up_after_down}) {
      result.steps.push_back(StepResult{step});
    }
    auto& steps = result.steps;

    // up -> S1
    Snapshot after;
    {
      auto step_start = Clock::now();
      auto failure = run_file(*item.up);
      if (failure) {
        steps[0].status = StepStatus::failed;
        steps[0].error = std::move(failure);
        steps[0].milliseconds = milliseconds_since(step_start);
        result.status = MigrationStatus::failed;
        result.milliseconds = milliseconds_since(start);
        m_result.stopped = result.label + "'s up failed: the migrations after it depend on it";
        return;
      }
      after = snapshot();
      steps[0].status = StepStatus::passed;
      steps[0].milliseconds = milliseconds_since(step_start);
      m_applied.push_back(&item);
    }

    // up again == S1
    bool again = true;
    if (auto reason =
            directive_reason(*item.up, "run-once",
                             {lint::DirectiveKind::run_once_file, lint::DirectiveKind::run_once})) {
      steps[1].status = StepStatus::skipped;
      steps[1].reason = *reason;
    } else {
      again = run_step(steps[1], *item.up, after, "the second up changed the database");
    }
    auto cannot_restore = [&] {
      m_result.stopped = "the database could not be brought back to its state after " +
                         result.label + ": the migrations after it were not checked";
    };
    // The down is judged all the same, from the state the first up left: one run tells all
    // that is wrong with the migration.
    std::size_t notes = result.notes.size();
    if (!again && !restore(item, after, &result)) {
      cannot_restore();
      result.status = MigrationStatus::failed;
      result.milliseconds = milliseconds_since(start);
      return;
    }
    if (result.notes.size() != notes) {
      // Brought back with other rows: the state before the up is not known any more, so the
      // down cannot be judged against it.
      result.notes.back() += "; the down was not checked, since that state is not known again";
      result.status = MigrationStatus::failed;
      m_current = std::move(after);
      result.milliseconds = milliseconds_since(start);
      return;
    }

    bool ok = true;
    // down == S0, down again == S0, up == S1
    std::optional<std::string> no_down;
    if (!item.down) {
      no_down = "no down migration";
    } else {
      no_down = directive_reason(*item.down, "irreversible", {lint::DirectiveKind::irreversible});
    }
    if (ok && no_down) {
      for (std::size_t i = 2; i < 5; ++i) {
        steps[i].status = StepStatus::skipped;
        steps[i].reason = *no_down;
      }
    } else if (ok) {
      ok = run_step(steps[2], *item.down, before,
                    "the down did not give back the database as it was before the up");
      if (ok) {
        if (auto reason = directive_reason(
                *item.down, "run-once",
                {lint::DirectiveKind::run_once_file, lint::DirectiveKind::run_once})) {
          steps[3].status = StepStatus::skipped;
          steps[3].reason = *reason;
        } else {
          ok = run_step(steps[3], *item.down, before, "the second down changed the database");
        }
      }
      if (ok) {
        ok = run_step(steps[4], *item.up, after,
                      "the up after the down did not give the database the first up gave");
      }
    }

    ok = ok && again;
    result.status = ok ? MigrationStatus::passed : MigrationStatus::failed;
    if (!ok && !restore(item, after, &result)) cannot_restore();
    m_current = std::move(after);
    result.milliseconds = milliseconds_since(start);
  }

  // After a failed step: the database as the migration's first up left it, so that the
  // migrations after it are checked from the state they expect. A failed down usually leaves
  // it as before the up, and the up once more restores it; else recreate the database and
  // apply every up so far again. Applied again, ups that write random or time-dependent values
  // (a uuid key, now()) give other rows: when rows are all that differ, the checks go on from
  // there (`expected` becomes the new state) and `result` gets a note saying so.
  bool restore(const Item& item, Snapshot& expected, MigrationResult* result) {
    if (snapshot() == expected) return true;
    if (!run_file(*item.up) && snapshot() == expected) return true;
    disconnect();
    m_database.recreate();
    // The roles and settings the ups made must go too, or the ups run again on a server that
    // already has them.
    if (m_options.server) m_options.server->restore();
    connect();
    for (const Item* item : m_applied) {
      if (run_file(*item->up)) return false;
    }
    Snapshot now = snapshot();
    if (now == expected) return true;
    std::vector<std::string> tables;
    for (const Difference& difference : diff(expected, now)) {
      if (!difference.object.starts_with("rows of ")) return false;
      tables.push_back(difference.object.substr(8));
    }
    if (result != nullptr) {
      result->notes.push_back(
          "the database was made again and the ups applied again; they wrote other rows in " +
          lint::join_strings(tables, ", ") +
          " (random or time-dependent values): the migrations after this one are checked from "
          "there");
    }
    expected = std::move(now);
    return true;
  }

  TemporaryDatabase& m_database;
  const VerifyOptions& m_options;
  std::unique_ptr<Session> m_work;  // runs the migrations
  bool m_fresh = false;             // m_work has run nothing since it was made or reset
  std::unique_ptr<Session> m_look;  // takes the snapshots, with its own settings
  std::unique_ptr<SnapshotReader> m_reader;
  std::optional<Snapshot> m_current;
  std::vector<const Item*> m_applied;  // whose up the database holds, in order
  VerifyResult m_result;
};

}  // namespace

std::string_view to_string(Step step) {
  switch (step) {
    case Step::up:
      return "up";
    case Step::up_again:
      return "up again";
    case Step::down:
      return "down";
    case Step::down_again:
      return "down again";
    case Step::up_after_down:
      break;
  }
  return "up after down";
}

std::string_view to_string(StepStatus status) {
  switch (status) {
    case StepStatus::passed:
      return "pass";
    case StepStatus::failed:
      return "fail";
    case StepStatus::skipped:
      return "skip";
    case StepStatus::not_run:
      break;
  }
  return "not-run";
}

std::string_view to_string(MigrationStatus status) {
  switch (status) {
    case MigrationStatus::passed:
      return "pass";
    case MigrationStatus::failed:
      return "fail";
    case MigrationStatus::applied:
      return "applied";
    case MigrationStatus::not_run:
      break;
  }
  return "not-run";
}

const StepResult* MigrationResult::failure() const {
  for (const StepResult& step : steps) {
    if (step.status == StepStatus::failed) return &step;
  }
  return nullptr;
}

VerifyResult verify(TemporaryDatabase& database, const std::vector<LoadedSource>& sources,
                    const VerifyOptions& options) {
  std::vector<Item> items;
  for (const LoadedSource& source : sources) {
    for (const MigrationPair& pair : source.migrations) {
      if (options.to && pair.version > *options.to) continue;
      Item item;
      item.source = &source;
      item.pair = &pair;
      item.check = !options.from || pair.version >= *options.from;
      item.up = lint::ParsedFile::parse(*source.up(pair));
      if (const lint::SourceFile* down = source.down(pair))
        item.down = lint::ParsedFile::parse(*down);
      items.push_back(std::move(item));
    }
  }
  // Roles are the server's: only the settings of those the migrations set are compared.
  std::vector<const lint::ParsedFile*> files;
  for (const Item& item : items) {
    files.push_back(item.up.get());
    files.push_back(item.down.get());
  }
  VerifyOptions with_roles = options;
  with_roles.snapshot.roles = roles_with_settings(files);
  Verifier verifier(database, with_roles);
  return verifier.run(items);
}

}  // namespace sqlgate::runner
