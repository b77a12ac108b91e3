// The runner's view of a database server: a session that runs SQL text. postgres.* is the only
// implementation and the only code that includes libpqxx.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::runner {

// Cannot reach or talk to the server (exit code 2).
class ConnectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server rejected a statement.
class SqlError : public std::runtime_error {
 public:
  SqlError(std::string message, std::string sqlstate, std::string query)
      : std::runtime_error(std::move(message)),
        m_sqlstate(std::move(sqlstate)),
        m_query(std::move(query)) {}
  const std::string& sqlstate() const { return m_sqlstate; }
  const std::string& query() const { return m_query; }

 private:
  std::string m_sqlstate;
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
};

// "name" with embedded quotes doubled: safe for any identifier.
std::string quote_identifier(std::string_view name);
// 'text' with embedded quotes doubled (standard_conforming_strings, on since PostgreSQL 9.1).
std::string quote_literal(std::string_view text);

}  // namespace sqlgate::runner
