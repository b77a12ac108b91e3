// Applying fixes: edits applied from the end of the text backwards; the fix loop that lints,
// applies the fixes, re-parses and re-lints until nothing more applies.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/engine.h"
#include "lint/source.h"

namespace sqlgate::lint {

// The text with the edits applied. Edits that overlap an edit already taken are skipped and
// counted in *skipped (when given). Edits are taken in the order of their start offsets.
std::string apply_edits(std::string_view text, std::vector<Edit> edits,
                        std::size_t* skipped = nullptr);

struct FixOptions {
  bool unsafe = false;       // also the fixes that change behaviour (--unsafe-fixes)
  unsigned max_passes = 10;  // lint-and-fix rounds before giving up on fixes that keep coming
};

// A file the fixes changed or created.
struct FileChange {
  std::filesystem::path path;
  std::string display;
  std::string before;  // empty for a created file
  std::string after;
  bool created = false;
};

struct AppliedFix {
  std::string file;  // the finding's file
  Position start;    // where the finding was, in the text of the round that fixed it
  std::string rule;
  std::string title;
  bool safe = true;
};

// A fix that was not applied: it would have left its file unparseable, or it is malformed.
struct RejectedFix {
  std::string file;
  Position start;
  std::string rule;
  std::string title;
  std::string reason;
};

struct FixOutcome {
  MigrationSet set;   // the files as the fixes left them
  LintResult result;  // their findings: what remains
  std::vector<FileChange> changes;
  std::vector<AppliedFix> applied;
  std::vector<RejectedFix> rejected;
  std::size_t unsafe_available = 0;  // remaining findings whose fix needs --unsafe-fixes
  unsigned passes = 0;               // rounds that changed something
  bool settled = true;               // false: fixes still applied when max_passes ran out
};

// Lints the set, applies the fixes of its findings (safe ones; unsafe ones too when asked),
// re-parses and re-lints, until no fix applies or max_passes rounds have run. A file whose
// fixes would make it fail to parse gets only the fixes that keep it parsing; the others are
// reported as rejected. Nothing is written: see write_changes().
FixOutcome fix_set(const MigrationSet& set, const RuleSet& rules, const LintOptions& options,
                   const FixOptions& fix_options);

// Raised when a fixed file cannot be written.
class FixError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes each changed file through a temporary file renamed over it (keeping its permissions).
void write_changes(const std::vector<FileChange>& changes);

}  // namespace sqlgate::lint
