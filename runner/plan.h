// What the runner would do: the migrations of a source, their status against the recorded
// state and history, and the steps of up, down and goto.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lint/source.h"
#include "runner/database.h"

namespace sqlgate::runner {

// One version of a source with its up and down files (indexes into MigrationSet::files).
struct SourceMigration {
  std::int64_t version = 0;
  std::string name;
  std::ptrdiff_t up = -1;
  std::ptrdiff_t down = -1;
};

// The migrations of a set in version order. Throws RunRefused for a version beyond bigint
// (golang-migrate's version column) or two files of the same version and direction.
std::vector<SourceMigration> index_migrations(const lint::MigrationSet& set);

// Where one version stands.
struct VersionStatus {
  std::int64_t version = 0;
  std::string name;
  std::ptrdiff_t up = -1;  // -1: no file
  std::ptrdiff_t down = -1;
  bool applied = false;
  bool out_of_order = false;             // pending, yet below the recorded version
  bool file_missing = false;             // applied, but its up file is gone
  bool edited = false;                   // applied, and its up file changed since
  bool dirty = false;                    // the state row's version, marked dirty
  std::optional<HistoryEntry> last_run;  // the history row of its latest up, when recorded
  std::string checksum;                  // the up file's SHA-256 now (applied versions)

  bool pending() const { return !applied && up >= 0; }
};

struct SourceStatus {
  StateRow state;
  std::vector<VersionStatus> versions;  // every version with a file or applied, ascending

  bool drift() const;
  const VersionStatus* find(std::int64_t version) const;
};

// Which versions are applied: golang-migrate's rule (everything up to the recorded version)
// refined by the history: versions sqlgate applied or reverted itself, ranges another tool
// moved the version across, and versions added below the recorded one afterwards.
SourceStatus compute_status(const lint::MigrationSet& set,
                            const std::vector<SourceMigration>& migrations, const StateRow& state,
                            const std::vector<HistoryEntry>& history);

enum class Goal : std::uint8_t { up, down, to_version, down_all };

struct PlanRequest {
  Goal goal = Goal::up;
  std::optional<std::int64_t> count;  // up N, down N
  std::int64_t target = 0;            // goto V
  bool allow_drift = false;
  bool allow_out_of_order = false;
};

struct PlannedStep {
  std::int64_t version = 0;
  std::string name;
  lint::Direction direction = lint::Direction::up;
  std::size_t file = 0;  // the file that runs
  std::int64_t before = k_nil_version;
  std::int64_t after = k_nil_version;
};

// The steps, in order; empty for "no change". Throws DirtyDatabase, RunRefused (drift,
// out-of-order versions, a missing down file) or std::invalid_argument (goto an unknown
// version).
std::vector<PlannedStep> make_plan(const SourceStatus& status, const PlanRequest& request);

}  // namespace sqlgate::runner
