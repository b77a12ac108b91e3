// What stops a run. The CLI turns each into a message and an exit code: RunRefused and its
// kinds exit 1; ConnectionError (database.h) and std::invalid_argument exit 2.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lint/engine.h"

namespace sqlgate::runner {

// The run was refused or failed; the message says why and what to do.
class RunRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another migration holds the lock past --lock-timeout.
class LockTimeout : public RunRefused {
 public:
  using RunRefused::RunRefused;
};

// golang-migrate's "Dirty database version N. Fix and force version."
class DirtyDatabase : public RunRefused {
 public:
  // detail: what is known of the run that left it dirty, on the lines after golang-migrate's.
  explicit DirtyDatabase(std::int64_t version, const std::string& detail = {});
  std::int64_t version() const { return m_version; }

 private:
  std::int64_t m_version;
};

// The refusing findings of one source.
struct GateFindings {
  std::string source;         // the source's name
  lint::LintResult findings;  // only the findings that refuse the run
};

// The lint gate found errors in what the command would run.
class GateRefused : public RunRefused {
 public:
  explicit GateRefused(std::vector<GateFindings> refusals);
  const std::vector<GateFindings>& refusals() const { return m_refusals; }

 private:
  std::vector<GateFindings> m_refusals;
};

// Where and why a migration failed.
struct FailureReport {
  std::string source;
  std::int64_t version = 0;
  std::string name;
  std::string direction;   // "u" or "d"
  std::string file;        // display path
  std::uint32_t line = 0;  // of the failing statement (0: not found)
  std::uint32_t column = 0;
  bool exact_position = false;  // line/column is PostgreSQL's error position, not the start
  std::string statement;        // the failing statement's text
  std::string sqlstate;
  std::string message;
  std::string detail;
  std::string hint;
  std::string context;
  // The state after the failure.
  std::int64_t state_version = -1;
  bool dirty = false;
  bool nothing_remains = true;
  std::vector<std::uint32_t> lines_that_ran;  // dirty protocol: statements that left effects
};

class MigrationFailed : public RunRefused {
 public:
  explicit MigrationFailed(FailureReport report);
  const FailureReport& report() const { return m_report; }

 private:
  FailureReport m_report;
};

}  // namespace sqlgate::runner
