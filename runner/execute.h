// Running one migration file on a session, and finding where it failed: the statement, and
// PostgreSQL's position in it mapped to the file's line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lint/diagnostic.h"
#include "lint/sql.h"
#include "runner/database.h"

namespace sqlgate::runner {

// How a migration file runs: its no-transaction marker, its own BEGIN/COMMIT, or neither.
RunMode run_mode(const lint::ParsedFile& file);

// The byte offset in `sent` of PostgreSQL's position (1-based, in characters); nothing when the
// error has no position or the position does not fit `sent`.
std::optional<std::uint32_t> error_offset(int position, std::string_view sent);

// Where and why a migration file failed.
struct MigrationFailure {
  std::string file;  // the file's display name
  // Where: PostgreSQL's position when it gave one, else the failing statement's first token
  // (for a statement a DO block runs: its line in the block), else the file's start.
  lint::Position position{1, 1};
  std::uint32_t offset = 0;       // the same as a byte offset into the file
  std::ptrdiff_t statement = -1;  // index into ParsedFile::statements(); -1 when not found
  std::string sqlstate;           // empty when the file never reached the server
  std::string message;            // PostgreSQL's primary message (or why it was not sent)
  std::string detail;
  std::string hint;
  std::string context;

  // "file:line:column: message"
  std::string summary() const;
};

// What was sent when an error came back: `text`, whose byte i is byte i + shift of the file
// (the runner may send its own statements around a migration; a statement alone has a shift of
// its start).
struct SentText {
  std::string_view text;
  std::int64_t shift = 0;
};

// Runs a migration file as its run mode says. Returns nothing on success, the located
// failure when the server rejects it (or it cannot be sent: invalid encoding). Throws
// ConnectionError when the connection is lost.
std::optional<MigrationFailure> execute_migration(Session& session, const lint::ParsedFile& file);

// Locates a failure of the file sent as one string (modes transaction and own_transaction): by
// replaying the statements one by one in a transaction that is rolled back, so the failing
// statement is found and nothing persists, then PostgreSQL's position inside it. PostgreSQL's
// position in the text sent is used alone only for a file the parser rejects (nothing to replay),
// or when no statement fails alone.
MigrationFailure locate_failure(Session& session, const lint::ParsedFile& file,
                                const SqlError& error, SentText sent);

}  // namespace sqlgate::runner
