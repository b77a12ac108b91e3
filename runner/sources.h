// Where migrations come from: `--path DIR`, or `--source NAME=DIR` (repeatable), each folder a
// golang-migrate source whose migrations run in version order.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lint/source.h"

namespace sqlgate::runner {

struct SourceSpec {
  std::string name;  // empty for the single source of --path
  std::string dir;
};

// Parses "NAME=DIR". Throws std::invalid_argument with a message that says what is wrong.
SourceSpec parse_source_spec(std::string_view text);

// One version of a source: its up, and its down when there is one.
struct MigrationPair {
  lint::Version version;
  std::string name;
  std::ptrdiff_t up = -1;    // index into the source's set.files
  std::ptrdiff_t down = -1;  // -1: no down file
};

struct LoadedSource {
  std::string name;
  lint::MigrationSet set;                 // every file of the folder, as the linter sees it
  std::vector<MigrationPair> migrations;  // in version order
  std::vector<std::string> warnings;      // downs without an up, problems listing the folder

  const lint::SourceFile* up(const MigrationPair& pair) const;
  const lint::SourceFile* down(const MigrationPair& pair) const;
  // "20240101120000_create_users", or "NAME/20240101120000_create_users" in a named source.
  std::string label(const MigrationPair& pair) const;
};

// Reads a source folder (not recursive, as golang-migrate's file source). Throws
// lint::SourceError when the folder does not exist, a migration cannot be read, or two ups (or
// two downs) share a version: golang-migrate refuses such a folder too.
LoadedSource load_source(const SourceSpec& spec);

}  // namespace sqlgate::runner
