// The runner: lint gate first, then each migration in its own transaction (or under
// golang-migrate's dirty protocol), with golang-migrate's state table and lock.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/source.h"
#include "runner/database.h"
#include "runner/errors.h"
#include "runner/plan.h"
#include "runner/url.h"

namespace sqlgate::runner {

// A folder of migrations and the state table that records it.
struct SourceSettings {
  std::string name;
  std::string dir;
  // The state table, as x-migrations-table takes it; empty: schema_migrations for the first
  // source, schema_migrations_<name> for the others.
  std::string table;
  bool table_quoted = false;  // "schema"."table", as x-migrations-table-quoted takes it
};

struct Source {
  std::string name;
  std::string dir;
  lint::MigrationSet set;
  std::vector<SourceMigration> migrations;
  std::unique_ptr<Database> db;
};

// Reads each source's files, one set per source; needs no database, so it can run while the
// connection opens. Throws lint::SourceError when a folder cannot be read.
std::vector<lint::MigrationSet> read_sources(const std::vector<SourceSettings>& specs);

// Opens each source's state table, with its files as read_sources read them: the schema from a
// quoted table name or the session's current_schema(), the lock key's database name from the
// URL's path or the session's current_database(), as golang-migrate's postgres driver does.
std::vector<Source> open_sources(Session& session, const std::vector<SourceSettings>& specs,
                                 const DatabaseTarget& target,
                                 std::vector<lint::MigrationSet> sets);

struct RunOptions {
  std::chrono::milliseconds lock_timeout{15000};
  bool allow_drift = false;
  bool allow_out_of_order = false;
  bool dry_run = false;  // plan and gate only: reads the state, changes nothing
  unsigned jobs = 0;     // lint threads (0: one per core)
};

// What the runner reports as it goes; the CLI prints it.
struct Events {
  // A migration ran (or, in a dry run, would run).
  std::function<void(const Source&, const PlannedStep&, RunMode mode, double ms)> step;
};

struct RunResult {
  std::size_t steps = 0;  // 0: "no change"
  // The gate's parse of each source, for a caller that ends right after and leaves freeing it
  // to the operating system.
  std::vector<std::shared_ptr<const lint::Project>> parsed;
};

struct RecoverResult {
  bool was_dirty = false;
  std::int64_t from = k_nil_version;
  std::int64_t to = k_nil_version;
  std::string explanation;
};

class Runner {
 public:
  Runner(Session& session, std::vector<Source>& sources, const lint::RuleSet& rules,
         RunOptions options, Events events = {});

  // up, down, goto, down --all across the sources (downs go through them last to first).
  RunResult run(const PlanRequest& request);
  // Every source's status; reads only.
  std::vector<SourceStatus> status();
  // Sets the first source's version (golang-migrate's force: V >= -1, clean).
  void force(std::int64_t version);
  // Resets a dirty first source to its last clean version when nothing of the failed
  // migration remains; otherwise throws RunRefused saying what to inspect.
  RecoverResult recover();
  // Drops everything in the schemas of the sources' state tables.
  void drop();

 private:
  Session& m_session;
  std::vector<Source>& m_sources;
  const lint::RuleSet& m_rules;
  RunOptions m_options;
  Events m_events;
};

}  // namespace sqlgate::runner
