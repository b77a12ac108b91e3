// The runner's view of a database server: a session that runs SQL text (postgres.* is the only
// implementation and the only code that talks to libpq), and the Database interface the runner
// drives: golang-migrate's state table, sqlgate's history, the advisory lock, applying.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lint/source.h"

namespace sqlgate::runner {

// Cannot reach or talk to the server (exit code 2).
class ConnectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// PostgreSQL's fields of an error report.
struct ServerError {
  std::string sqlstate;
  std::string message;  // the primary message
  std::string detail;
  std::string hint;
  std::string context;  // where inside a function or DO block it happened
  // 1-based character position in the query text sent, 0 when the server gave none.
  int position = 0;
  // For an error in a statement a function or DO block ran: that statement's text, and the
  // 1-based character position in it (0 when none).
  std::string internal_query;
  int internal_position = 0;
};

// The server rejected a statement. what() is libpq's whole report (the message, its LINE and
// caret, DETAIL, HINT, CONTEXT lines); fields() has each part on its own.
class SqlError : public std::runtime_error {
 public:
  SqlError(std::string message, std::string sqlstate, std::string query)
      : std::runtime_error(message), m_query(std::move(query)) {
    m_fields.sqlstate = std::move(sqlstate);
    m_fields.message = std::move(message);
  }
  SqlError(ServerError fields, std::string query, const std::string& report)
      : std::runtime_error(report.empty() ? fields.message : report),
        m_fields(std::move(fields)),
        m_query(std::move(query)) {}

  const std::string& sqlstate() const { return m_fields.sqlstate; }
  const std::string& query() const { return m_query; }
  const std::string& detail() const { return m_fields.detail; }
  const std::string& hint() const { return m_fields.hint; }
  const std::string& context() const { return m_fields.context; }
  int position() const { return m_fields.position; }
  const ServerError& fields() const { return m_fields; }

 private:
  ServerError m_fields;
  std::string m_query;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: SQL NULL
};

class Session {
 public:
  virtual ~Session() = default;
  // Runs SQL text, one or more statements, as one simple query (one round trip). Throws
  // SqlError when the server rejects it, ConnectionError when the connection is lost.
  virtual void execute(const std::string& sql) = 0;
  // Runs one query and returns its rows as text.
  virtual Rows query(const std::string& sql) = 0;
  // The server's version number (150004 for 15.4).
  virtual int server_version() = 0;
  // The NOTICE and WARNING messages the server sent since the last call.
  virtual std::vector<std::string> take_notices() { return {}; }
};

// "name" with embedded quotes doubled: safe for any identifier.
std::string quote_identifier(std::string_view name);
// 'text' with embedded quotes doubled (standard_conforming_strings, on since PostgreSQL 9.1).
std::string quote_literal(std::string_view text);

// ---- the state the runner keeps ---------------------------------------------------------

// golang-migrate's "no version": an empty schema_migrations table.
inline constexpr std::int64_t k_nil_version = -1;

// golang-migrate's schema_migrations row: (version, dirty), or no row (nil version).
struct StateRow {
  std::int64_t version = k_nil_version;
  bool dirty = false;

  bool operator==(const StateRow&) const = default;
};

// Where a source's state lives: golang-migrate's table, and sqlgate's history beside it.
struct StateTable {
  std::string schema;
  std::string table;

  // "schema"."table", quoted.
  std::string qualified() const;
  // "schema"."sqlgate_history", quoted.
  std::string history_qualified() const;
  // schema.table as people write it (for messages and the history's migrations_table column).
  std::string display() const;
};

// golang-migrate's state table, when nothing names another.
inline constexpr std::string_view k_default_table = "schema_migrations";
// The history table's name, in the state table's schema.
inline constexpr std::string_view k_history_table = "sqlgate_history";

// How a migration file runs.
enum class RunMode : std::uint8_t {
  transaction,     // one transaction with its state and history rows
  no_transaction,  // `-- sqlgate:no-transaction`: statement by statement, dirty protocol
  own_transaction  // the file's own BEGIN/COMMIT: as written, statement by statement, dirty
                   // protocol
};
std::string_view to_string(RunMode mode);

// One row of sqlgate's history table (golang-migrate ignores it).
struct HistoryEntry {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string name;
  std::string action;    // "up", "down", "force", "recover"
  std::string status;    // "applied", "running", "failed", "resolved"
  std::string checksum;  // SHA-256 of the file that ran, hex; empty for force and recover
  std::string mode;      // to_string(RunMode), empty for force and recover
  std::int64_t version_before = k_nil_version;  // the state version before and after
  std::int64_t version_after = k_nil_version;
  std::string applied_at;  // ISO 8601, UTC
  double duration_ms = 0;
  std::string applied_by;
  std::string lint_verdict;  // "clean", "2 warnings", ...
  std::int64_t statements_done = 0;
  bool nothing_remains = false;  // failed: none of its statements left anything behind
  std::string error;
};

// One migration for the database to run.
struct MigrationRun {
  std::int64_t version = 0;
  std::string name;
  lint::Direction direction = lint::Direction::up;
  RunMode mode = RunMode::transaction;
  std::string_view sql;  // the file's text
  std::string checksum;
  std::string lint_verdict;
  std::int64_t statements = 0;  // top-level statements in the file
  std::int64_t version_before = k_nil_version;
  std::int64_t version_after = k_nil_version;
};

// A failed statement found by replaying a migration's statements.
struct ReplayFailure {
  std::size_t index = 0;  // into the statements replayed
  ServerError error;
};

// The database operations the runner needs, golang-migrate's driver interface plus history.
// open_state() in state.h gives the PostgreSQL one; tests/runner/ has its conformance suite.
class Database {
 public:
  virtual ~Database() = default;

  virtual const StateTable& table() const = 0;
  // golang-migrate's advisory lock key for this state table.
  virtual std::uint32_t lock_key() const = 0;
  // One attempt at the session-level advisory lock; never waits.
  virtual bool try_lock() = 0;
  virtual void unlock() = 0;
  // Who holds this table's lock ("pid 1234, application 'migrate'"); empty when unknown.
  virtual std::string lock_holder() = 0;

  // Creates the state table (golang-migrate's DDL) and the history table when missing.
  virtual void ensure_tables() = 0;
  // The state row; nil when the table is missing or empty.
  virtual StateRow state() = 0;
  // This state table's history rows, oldest first; empty when there is no history table.
  virtual std::vector<HistoryEntry> history() = 0;

  // Runs a transaction-mode migration: BEGIN, the file, the state row, the history row, COMMIT,
  // sent as one string. Returns the time it took, in milliseconds. On failure the transaction
  // is rolled back and the SqlError rethrown: the state stays as it was.
  virtual double apply(const MigrationRun& run) = 0;
  // Replays statements one by one in a transaction that is rolled back; the first that fails.
  virtual std::optional<ReplayFailure> replay(const std::vector<std::string_view>& statements) = 0;

  // golang-migrate's dirty protocol, for files that cannot run in one transaction:
  // begin_dirty writes (version_after, dirty) and a "running" history row, returns its id;
  virtual std::int64_t begin_dirty(const MigrationRun& run) = 0;
  // run_statement runs one statement as it stands (autocommit);
  virtual void run_statement(std::string_view sql) = 0;
  // finish_dirty writes (version_after, clean) and completes the history row;
  virtual void finish_dirty(std::int64_t id, const MigrationRun& run, double duration_ms,
                            std::int64_t statements) = 0;
  // fail_dirty ends any transaction the file left open and records the failure; the state
  // stays dirty.
  virtual void fail_dirty(std::int64_t id, std::int64_t statements_done, bool nothing_remains,
                          const std::string& error) = 0;

  // Writes a state row directly (force, recover) with a history row saying so; marks the
  // running and failed rows of this table resolved. A nil clean version empties the table.
  virtual void set_state(const StateRow& row, const HistoryEntry& note) = 0;

  // Drops every table, view, sequence, function and type in the state table's schema.
  virtual void drop_all() = 0;
};

}  // namespace sqlgate::runner
