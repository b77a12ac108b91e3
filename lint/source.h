// Finding migration files, reading them, parsing their names and pairing ups with downs.
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::lint {

// A migration version: a string of decimal digits, compared numerically at any length
// (Ory uses 20-digit versions, beyond 64 bits).
class Version {
 public:
  Version() = default;
  // Throws std::invalid_argument unless text is one or more ASCII digits.
  explicit Version(std::string_view text);

  // As written in the file name, leading zeros included.
  const std::string& raw() const { return m_raw; }
  // Without leading zeros ("0" for zero): equal versions have equal digits.
  const std::string& digits() const { return m_digits; }
  // The value when it fits PostgreSQL's bigint (golang-migrate's version column).
  std::optional<std::int64_t> as_bigint() const;

  std::strong_ordering operator<=>(const Version& other) const;
  bool operator==(const Version& other) const { return m_digits == other.m_digits; }

 private:
  std::string m_raw;
  std::string m_digits;
};

enum class Direction : std::uint8_t { up, down };
std::string_view to_string(Direction direction);

// The parts golang-migrate's loader takes from a file name: ^([0-9]+)_(.*)\.(down|up)\.(.*)$
struct MigrationName {
  Version version;
  std::string name;
  Direction direction = Direction::up;
  std::string extension;  // "sql" for a migration sqlgate runs
};
std::optional<MigrationName> parse_migration_name(std::string_view filename);

struct Migration {
  Version version;
  std::string name;
  Direction direction = Direction::up;
  // Index in MigrationSet::files of the other direction of the same version, or -1.
  std::ptrdiff_t partner = -1;
};

struct SourceFile {
  std::filesystem::path path;  // as found on disk
  std::string display;         // as reports name it
  std::string text;
  std::optional<std::string> read_error;  // set when the file could not be read
  // Set when the name is golang-migrate's and the extension is exactly "sql".
  std::optional<Migration> migration;
  // A name ending in .sql (any case): its SQL is linted even when it is not a migration.
  bool is_sql = false;

  // The migration's direction, else a guess from the name: one ending in "down.sql" (any case,
  // any separator) is a down, every other file an up.
  Direction role() const;
};

struct DiscoverOptions {
  bool recursive = false;
};

// Raised for a path that does not exist or cannot be listed.
class SourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every file found under the paths given, migrations first in version order (up before down),
// then the other files by path.
class MigrationSet {
 public:
  std::vector<SourceFile> files;
  // What was skipped while listing folders (a symlink loop, a broken link): the set is complete.
  std::vector<std::string> warnings;
  // Folders that could not be listed, in full or in part: files may be missing from the set, so
  // a result built on it is incomplete (the CLI exits 2).
  std::vector<std::string> errors;

  const SourceFile* partner(const SourceFile& file) const;
  // Indexes of the migration files, in order.
  std::vector<std::size_t> migrations() const;
  // Index of the first file with this display name, or -1.
  std::ptrdiff_t find(std::string_view display) const;
  // For the runner and verify, which apply migrations only: a warning naming the .sql files
  // whose names are not a migration's (V1__init.sql, 0001.up.sql), which they never apply;
  // empty when there are none.
  std::string not_applied_warning() const;
};

// Lists and reads the files. A path that does not exist throws SourceError; a file that cannot
// be read is kept with read_error set. Never follows a symlink loop.
MigrationSet discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

// Builds a set from files already in memory (tests, fuzzing, fixes): sorted and paired as
// discover() does.
MigrationSet make_set(std::vector<SourceFile> files);

// Fills migration and is_sql from the file name of path.
void classify(SourceFile& file);

}  // namespace sqlgate::lint
