// Down generation: the down that reverses an up, built from the catalog replay of the up (what
// each statement created, changed, renamed or wrote), not from its text. Objects the up created
// are dropped with IF EXISTS in reverse order of creation, dependents first; columns and
// constraints added to existing tables are dropped from them; renames are renamed back; SET NOT
// NULL becomes DROP NOT NULL; seed rows are deleted by their keys. What no down can reverse
// becomes a `-- sqlgate:irreversible TODO: ...` line, which missing-down keeps reporting until
// the author decides.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lint/directives.h"
#include "lint/rule.h"

namespace sqlgate::rules::pairing {

// The reason a generated irreversible line starts with: the author has not confirmed it yet.
inline constexpr std::string_view k_unconfirmed = "TODO:";

// An irreversible directive whose reason still starts with "TODO:".
bool unconfirmed(const lint::Directive& directive);

struct GeneratedDown {
  std::string text;               // the down file's content
  std::string body;               // the statements and TODO lines alone (no header comment)
  std::size_t statements = 0;     // statements that reverse something
  std::vector<std::string> todo;  // what it cannot reverse, one entry per TODO line
  bool deletes_rows = false;      // it deletes the rows the up seeded
  bool no_transaction = false;    // it drops an index CONCURRENTLY
};

// The down of the up at `up` (an index into the project's files). The project must have its
// catalog replayed (the engine does it before rules run).
GeneratedDown generate_down(const lint::Project& project, std::size_t up);
// The same for an up of a migration set (an index into set.files): parses every file and replays
// the ups first. Throws std::invalid_argument when the up does not parse.
GeneratedDown generate_down(const lint::MigrationSet& set, std::size_t up, int pg_version = 15);

// The name of the down file beside an up: "20251220123456_x.up.sql" -> "..._x.down.sql".
std::string down_name(std::string_view up_name);

}  // namespace sqlgate::rules::pairing
