#include "runner/state.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include <openssl/evp.h>

#include "lint/sql.h"
#include "runner/lock.h"

namespace sqlgate::runner {
namespace {

constexpr std::string_view k_undefined_table = "42P01";
constexpr std::string_view k_duplicate_table = "42P07";
constexpr std::string_view k_unique_violation = "23505";
// "BEGIN;\n" before the migration's text in apply(): 7 characters.
constexpr std::string_view k_begin = "BEGIN;\n";

std::string number(std::int64_t value) {
  return std::to_string(value);
}

std::string milliseconds(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::int64_t to_int(const std::optional<std::string>& value) {
  return value ? std::stoll(*value) : 0;
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(Session& session, StateTable table, std::string lock_database)
      : m_session(session),
        m_table(std::move(table)),
        m_lock_key(state_lock_key(m_table, lock_database)),
        m_state(m_table.qualified()),
        m_history(m_table.history_qualified()),
        m_table_literal(quote_literal(m_table.display())) {}

  const StateTable& table() const override { return m_table; }
  std::uint32_t lock_key() const override { return m_lock_key; }

  bool try_lock() override {
    Rows rows = m_session.query("SELECT pg_try_advisory_lock(" + number(m_lock_key) + ")");
    return !rows.rows.empty() && rows.rows[0][0] == "t";
  }

  void unlock() override {
    m_session.execute("SELECT pg_advisory_unlock(" + number(m_lock_key) + ")");
  }

  std::string lock_holder() override {
    try {
      // A bigint key below 2^32 is held as classid 0, objid key, objsubid 1.
      Rows rows = m_session.query(
          "SELECT l.pid, coalesce(a.application_name, '') FROM pg_locks l LEFT JOIN "
          "pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND "
          "l.classid = 0 AND l.objid = " +
          number(m_lock_key) + " AND l.objsubid = 1 AND l.pid <> pg_backend_pid() LIMIT 1");
      if (rows.rows.empty()) return {};
      std::string holder = "pid " + rows.rows[0][0].value_or("?");
      std::string application = rows.rows[0][1].value_or("");
      if (!application.empty()) holder += ", application '" + application + "'";
      return holder;
    } catch (const SqlError&) {
      return {};
    }
  }

  void ensure_tables() override {
    if (m_tables_exist) return;
    Rows rows =
        m_session.query("SELECT to_regclass(" + quote_literal(m_state) +
                        ") IS NOT NULL, to_regclass(" + quote_literal(m_history) + ") IS NOT NULL");
    bool state = rows.rows[0][0] == "t";
    bool history = rows.rows[0][1] == "t";
    // golang-migrate's DDL, to the letter: a read-only user can still run with an existing table.
    if (!state) {
      create("CREATE TABLE IF NOT EXISTS " + m_state +
             " (version bigint not null primary key, dirty boolean not null)");
    }
    if (!history) {
      create("CREATE TABLE IF NOT EXISTS " + m_history +
             " (id bigserial PRIMARY KEY, migrations_table text NOT NULL, version bigint NOT "
             "NULL, name text NOT NULL DEFAULT '', action text NOT NULL, status text NOT NULL, "
             "checksum text NOT NULL DEFAULT '', mode text NOT NULL DEFAULT '', version_before "
             "bigint NOT NULL, version_after bigint NOT NULL, applied_at timestamptz NOT NULL "
             "DEFAULT now(), duration_ms double precision NOT NULL DEFAULT 0, applied_by text NOT "
             "NULL DEFAULT session_user, lint_verdict text NOT NULL DEFAULT '', statements_done "
             "bigint NOT NULL DEFAULT 0, nothing_remains boolean NOT NULL DEFAULT false, error "
             "text NOT NULL DEFAULT '')");
    }
    m_tables_exist = true;
  }

  StateRow state() override {
    try {
      Rows rows = m_session.query("SELECT version, dirty FROM " + m_state + " LIMIT 1");
      if (rows.rows.empty()) return StateRow{};
      return StateRow{to_int(rows.rows[0][0]), rows.rows[0][1] == "t"};
    } catch (const SqlError& e) {
      if (e.sqlstate() == k_undefined_table) return StateRow{};
      throw;
    }
  }

  std::vector<HistoryEntry> history() override {
    std::vector<HistoryEntry> entries;
    Rows rows;
    try {
      rows = m_session.query(
          "SELECT id, version, name, action, status, checksum, mode, version_before, "
          "version_after, to_char(applied_at AT TIME ZONE 'UTC', "
          "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), duration_ms, applied_by, lint_verdict, "
          "statements_done, nothing_remains, error FROM " +
          m_history + " WHERE migrations_table = " + m_table_literal + " ORDER BY id");
    } catch (const SqlError& e) {
      if (e.sqlstate() == k_undefined_table) return entries;
      throw;
    }
    entries.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
      HistoryEntry entry;
      entry.id = to_int(row[0]);
      entry.version = to_int(row[1]);
      entry.name = row[2].value_or("");
      entry.action = row[3].value_or("");
      entry.status = row[4].value_or("");
      entry.checksum = row[5].value_or("");
      entry.mode = row[6].value_or("");
      entry.version_before = to_int(row[7]);
      entry.version_after = to_int(row[8]);
      entry.applied_at = row[9].value_or("");
      entry.duration_ms = row[10] ? std::stod(*row[10]) : 0.0;
      entry.applied_by = row[11].value_or("");
      entry.lint_verdict = row[12].value_or("");
      entry.statements_done = to_int(row[13]);
      entry.nothing_remains = row[14] == "t";
      entry.error = row[15].value_or("");
      entries.push_back(std::move(entry));
    }
    return entries;
  }

  double apply(const MigrationRun& run) override {
    std::string sql;
    sql.reserve(run.sql.size() + 640);
    sql += k_begin;
    sql += run.sql;
    // A line break first: the file may end inside a -- comment.
    sql += "\n;\n";
    append_state(sql, StateRow{run.version_after, false});
    // The duration is the transaction's so far: the file's statements ran since BEGIN.
    append_history(sql, run, "applied", "1000 * extract(epoch FROM clock_timestamp() - now())");
    sql += ";\nCOMMIT;";
    auto start = std::chrono::steady_clock::now();
    try {
      m_session.execute(sql);
    } catch (const SqlError& e) {
      rollback();
      ServerError fields = e.fields();
      // Make the position relative to the file's text.
      fields.position = file_position(fields.position, run.sql);
      throw SqlError(std::move(fields), e.query(), e.what());
    }
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count();
  }

  std::optional<ReplayFailure> replay(const std::vector<std::string_view>& statements) override {
    std::optional<ReplayFailure> failure;
    m_session.execute("BEGIN");
    for (std::size_t i = 0; i < statements.size(); ++i) {
      try {
        m_session.execute(std::string(statements[i]));
      } catch (const SqlError& e) {
        failure = ReplayFailure{i, e.fields()};
        break;
      }
    }
    rollback();
    return failure;
  }

  std::int64_t begin_dirty(const MigrationRun& run) override {
    std::string sql = "BEGIN;\n";
    append_state(sql, StateRow{run.version_after, true});
    MigrationRun started = run;
    started.statements = 0;  // none has run yet
    append_history(sql, started, "running", "0");
    sql += " RETURNING id";
    Rows rows;
    try {
      rows = m_session.query(sql);
      m_session.execute("COMMIT");
    } catch (const SqlError&) {
      rollback();
      throw;
    }
    return to_int(rows.rows.at(0).at(0));
  }

  void run_statement(std::string_view sql) override { m_session.execute(std::string(sql)); }

  void finish_dirty(std::int64_t id, const MigrationRun& run, double duration_ms,
                    std::int64_t statements) override {
    std::string sql = "BEGIN;\n";
    append_state(sql, StateRow{run.version_after, false});
    sql += "UPDATE " + m_history +
           " SET status = 'applied', duration_ms = " + milliseconds(duration_ms) +
           ", statements_done = " + number(statements) + " WHERE id = " + number(id) + ";\nCOMMIT;";
    try {
      m_session.execute(sql);
    } catch (const SqlError&) {
      rollback();
      throw;
    }
  }

  void fail_dirty(std::int64_t id, std::int64_t statements_done, bool nothing_remains,
                  const std::string& error) override {
    rollback();
    m_session.execute("UPDATE " + m_history +
                      " SET status = 'failed', statements_done = " + number(statements_done) +
                      ", nothing_remains = " + (nothing_remains ? "true" : "false") +
                      ", error = " + quote_literal(error) + " WHERE id = " + number(id));
  }

  void set_state(const StateRow& row, const HistoryEntry& note) override {
    std::string sql = "BEGIN;\n";
    append_state(sql, row);
    sql += "UPDATE " + m_history +
           " SET status = 'resolved' WHERE migrations_table = " + m_table_literal +
           " AND status IN ('running', 'failed');\n";
    sql += "INSERT INTO " + m_history +
           " (migrations_table, version, name, action, status, version_before, version_after, "
           "error) VALUES (" +
           m_table_literal + ", " + number(note.version) + ", " + quote_literal(note.name) + ", " +
           quote_literal(note.action) + ", 'applied', " + number(note.version_before) + ", " +
           number(note.version_after) + ", " + quote_literal(note.error) + ");\nCOMMIT;";
    try {
      m_session.execute(sql);
    } catch (const SqlError&) {
      rollback();
      throw;
    }
  }

  void drop_all() override {
    std::string schema = quote_literal(m_table.schema);
    std::string q_schema = quote_identifier(m_table.schema);
    // Objects that belong to an extension stay: DROP EXTENSION owns them.
    std::string not_extension =
        " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = X.oid AND d.deptype = 'e')";
    auto member = [&](std::string alias) {
      std::string text = not_extension;
      text.replace(text.find("X."), 2, alias + ".");
      return text;
    };
    std::string sql;
    Rows relations = m_session.query(
        "SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = " +
        schema + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition" +
        member("c") + " ORDER BY c.relkind DESC, c.relname");
    for (const auto& row : relations.rows) {
      std::string kind = row[0].value_or("");
      std::string what = kind == "v"   ? "VIEW"
                         : kind == "m" ? "MATERIALIZED VIEW"
                         : kind == "S" ? "SEQUENCE"
                         : kind == "f" ? "FOREIGN TABLE"
                                       : "TABLE";
      sql += "DROP " + what + " IF EXISTS " + q_schema + "." +
             quote_identifier(row[1].value_or("")) + " CASCADE;\n";
    }
    Rows routines = m_session.query(
        "SELECT p.prokind, p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid "
        "= p.pronamespace WHERE n.nspname = " +
        schema + member("p") + " ORDER BY 2");
    for (const auto& row : routines.rows) {
      std::string kind = row[0].value_or("f");
      std::string what = kind == "p" ? "PROCEDURE" : kind == "a" ? "AGGREGATE" : "FUNCTION";
      sql += "DROP " + what + " IF EXISTS " + row[1].value_or("") + " CASCADE;\n";
    }
    Rows types = m_session.query(
        "SELECT t.typtype, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = "
        "t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid WHERE n.nspname = " +
        schema + " AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))" +
        member("t") + " ORDER BY t.typname");
    for (const auto& row : types.rows) {
      std::string what = row[0] == "d" ? "DOMAIN" : "TYPE";
      sql += "DROP " + what + " IF EXISTS " + q_schema + "." +
             quote_identifier(row[1].value_or("")) + " CASCADE;\n";
    }
    if (!sql.empty()) m_session.execute(sql);
    m_session.take_notices();
    m_tables_exist = false;
  }

 private:
  void create(const std::string& sql) {
    try {
      m_session.execute(sql);
    } catch (const SqlError& e) {
      // Another run created it at the same moment (IF NOT EXISTS can still collide in the
      // catalog): it exists now, which is all that was asked.
      if (e.sqlstate() != k_duplicate_table && e.sqlstate() != k_unique_violation) throw;
    }
  }

  // DELETE + INSERT: the same rows golang-migrate's TRUNCATE + INSERT leaves, far cheaper.
  void append_state(std::string& sql, const StateRow& row) const {
    sql += "DELETE FROM " + m_state + ";\n";
    if (row.version >= 0 || row.dirty) {
      sql += "INSERT INTO " + m_state + " (version, dirty) VALUES (" + number(row.version) + ", " +
             (row.dirty ? "true" : "false") + ");\n";
    }
  }

  // The history row of a migration run (no terminating ';').
  void append_history(std::string& sql, const MigrationRun& run, std::string_view status,
                      std::string_view duration_sql) const {
    sql += "INSERT INTO " + m_history +
           " (migrations_table, version, name, action, status, checksum, mode, version_before, "
           "version_after, duration_ms, lint_verdict, statements_done) VALUES (" +
           m_table_literal + ", " + number(run.version) + ", " + quote_literal(run.name) + ", " +
           quote_literal(lint::to_string(run.direction)) + ", " + quote_literal(status) + ", " +
           quote_literal(run.checksum) + ", " + quote_literal(to_string(run.mode)) + ", " +
           number(run.version_before) + ", " + number(run.version_after) + ", " +
           std::string(duration_sql) + ", " + quote_literal(run.lint_verdict) + ", " +
           number(run.statements) + ")";
  }

  void rollback() {
    try {
      m_session.execute("ROLLBACK");
    } catch (const SqlError&) {
    }
    m_session.take_notices();  // "there is no transaction in progress"
  }

  // A position in the string apply() sent, as a position in the file's text (0 outside it).
  static int file_position(int position, std::string_view text) {
    int begin = static_cast<int>(k_begin.size());
    if (position <= begin) return 0;
    int in_file = position - begin;
    std::int64_t characters = 0;
    for (char c : text) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
    }
    return in_file <= characters ? in_file : 0;
  }

  Session& m_session;
  StateTable m_table;
  std::uint32_t m_lock_key;
  std::string m_state;
  std::string m_history;
  std::string m_table_literal;
  bool m_tables_exist = false;
};

}  // namespace

SessionInfo session_info(Session& session) {
  Rows rows = session.query("SELECT current_schema(), current_database()");
  SessionInfo info;
  info.current_schema = rows.rows.at(0).at(0).value_or("");
  info.current_database = rows.rows.at(0).at(1).value_or("");
  return info;
}

std::unique_ptr<Database> open_state(Session& session, StateTable table,
                                     std::string lock_database) {
  return std::make_unique<PostgresDatabase>(session, std::move(table), std::move(lock_database));
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // The algorithm is fetched once and the context kept per thread: OpenSSL 3 looks the
  // algorithm up, and allocates a context, on every EVP_Digest call otherwise.
  static EVP_MD* const k_sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                               &EVP_MD_CTX_free);
  if (k_sha256 == nullptr || context == nullptr ||
      EVP_DigestInit_ex2(context.get(), k_sha256, nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), text.data(), text.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += k_hex[digest[i] >> 4];
    hex += k_hex[digest[i] & 0x0F];
  }
  return hex;
}

}  // namespace sqlgate::runner
