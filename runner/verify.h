// The dynamic checks on a scratch database: for each migration in order, snapshot S0; up -> S1;
// up again must leave S1; down must give S0; down again must leave S0; up must give S1 again;
// then the next migration.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lint/source.h"
#include "runner/execute.h"
#include "runner/scratch.h"
#include "runner/snapshot.h"
#include "runner/sources.h"

namespace sqlgate::runner {

// A signal asked verify to stop.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

enum class Step : std::uint8_t { up, up_again, down, down_again, up_after_down };
std::string_view to_string(Step step);  // "up", "up again", "down", "down again", "up after down"

enum class StepStatus : std::uint8_t { passed, failed, skipped, not_run };
std::string_view to_string(StepStatus status);  // "pass", "fail", "skip", "not-run"

struct StepResult {
  Step step = Step::up;
  StepStatus status = StepStatus::not_run;
  // Why it was skipped ("run-once: backfill (x.up.sql:3)"), or how the database differs ("the
  // second up changed the database"); empty for a step that failed with an error.
  std::string reason;
  std::optional<MigrationFailure> error;  // failed with an error
  std::vector<Difference> differences;    // failed with a different database
  double milliseconds = 0;
};

enum class MigrationStatus : std::uint8_t {
  passed,   // every step passed or was skipped for a stated reason
  failed,   // a step failed
  applied,  // before the range checked (--from, --only): applied once, unchecked
  not_run,  // after a failure that stopped the run
};
std::string_view to_string(MigrationStatus status);  // "pass", "fail", "applied", "not-run"

struct MigrationResult {
  std::string source;  // the source's name; empty for --path
  std::string label;   // "20240101120000_create_users" (with "source/" in a named source)
  lint::Version version;
  std::string name;
  std::string up_file;    // display names
  std::string down_file;  // empty when there is none
  MigrationStatus status = MigrationStatus::not_run;
  std::vector<StepResult> steps;  // the five steps of a checked migration; the up of an applied one
  double milliseconds = 0;
  // What the reader should know beside the steps (how the database was brought back).
  std::vector<std::string> notes;

  // The first failed step, or null.
  const StepResult* failure() const;
};

class ServerWatch;

struct VerifyOptions {
  // The range checked: migrations before it are applied once, unchecked; those after it are
  // left out. `only` is from = to = that version.
  std::optional<lint::Version> from;
  std::optional<lint::Version> to;
  SnapshotOptions snapshot;
  // Asked between steps; when it says yes, verify throws Interrupted.
  std::function<bool()> interrupted;
  // Called as each migration is done (checked, applied, or not run), for progress lines.
  std::function<void(const MigrationResult&)> progress;
  // Watches the server-wide state (roles...) around each file run; when the database is
  // recreated, what the migrations changed there is put back first, so that the ups run again
  // on the server as verify found it. Null: not watched.
  ServerWatch* server = nullptr;
};

struct VerifyResult {
  std::vector<MigrationResult> migrations;
  // Why migrations were not run ("" when every migration in range ran).
  std::string stopped;
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t applied = 0;
  std::size_t not_run = 0;
  double milliseconds = 0;

  bool ok() const { return failed == 0 && stopped.empty(); }
};

// Runs the checks on `database` (it is recreated when a failed step leaves it in a state that
// the up cannot be recovered from), the sources one after the other, each in version order.
// What the migrations change outside the database is put back by options.server's restore(),
// which the caller runs after dropping the database.
// Throws ConnectionError when the server goes away, Interrupted when asked to stop.
VerifyResult verify(TemporaryDatabase& database, const std::vector<LoadedSource>& sources,
                    const VerifyOptions& options);

}  // namespace sqlgate::runner
