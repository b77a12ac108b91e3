#include "runner/postgres.h"

#include <cstdlib>
#include <libpq-fe.h>

#include "runner/url.h"

namespace sqlgate::runner {
namespace {

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value == nullptr ? std::string() : std::string(value);
}

ServerError server_error(const PGresult* result) {
  ServerError error;
  error.sqlstate = field(result, PG_DIAG_SQLSTATE);
  error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  error.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  error.hint = field(result, PG_DIAG_MESSAGE_HINT);
  error.context = field(result, PG_DIAG_CONTEXT);
  std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
  if (!position.empty()) error.position = std::atoi(position.c_str());
  error.internal_query = field(result, PG_DIAG_INTERNAL_QUERY);
  std::string internal_position = field(result, PG_DIAG_INTERNAL_POSITION);
  if (!internal_position.empty()) error.internal_position = std::atoi(internal_position.c_str());
  if (error.message.empty()) {
    // An error libpq raised itself (no server fields): its whole message, trimmed.
    std::string message = PQresultErrorMessage(result);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    error.message = message.empty() ? "unknown error" : message;
  }
  return error;
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresSession final : public Session {
 public:
  explicit PostgresSession(PGconn* connection) : m_connection(connection) {
    PQsetNoticeReceiver(m_connection, &PostgresSession::receive_notice, this);
  }
  ~PostgresSession() override { PQfinish(m_connection); }
  PostgresSession(const PostgresSession&) = delete;
  PostgresSession& operator=(const PostgresSession&) = delete;

  void execute(const std::string& sql) override { run(sql); }

  Rows query(const std::string& sql) override {
    Result result = run(sql);
    Rows rows;
    int columns = PQnfields(result.get());
    int count = PQntuples(result.get());
    for (int c = 0; c < columns; ++c) rows.columns.emplace_back(PQfname(result.get(), c));
    rows.rows.reserve(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) {
      std::vector<std::optional<std::string>> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          values.emplace_back(std::nullopt);
        } else {
          values.emplace_back(
              std::string(PQgetvalue(result.get(), r, c),
                          static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
        }
      }
      rows.rows.push_back(std::move(values));
    }
    return rows;
  }

  int server_version() override { return PQserverVersion(m_connection); }

  std::vector<std::string> take_notices() override {
    std::vector<std::string> notices;
    notices.swap(m_notices);
    return notices;
  }

 private:
  static void receive_notice(void* self, const PGresult* result) {
    auto* session = static_cast<PostgresSession*>(self);
    if (session->m_notices.size() >= 1000) return;
    std::string severity = field(result, PG_DIAG_SEVERITY);
    session->m_notices.push_back(severity + ": " + field(result, PG_DIAG_MESSAGE_PRIMARY));
  }

  // Sends the text as one simple query; the last result when every statement succeeded.
  Result run(const std::string& sql) {
    Result result(PQexec(m_connection, sql.c_str()));
    if (PQstatus(m_connection) == CONNECTION_BAD) {
      throw ConnectionError(std::string("connection to the server lost: ") +
                            trimmed(PQerrorMessage(m_connection)));
    }
    if (!result) {
      throw ConnectionError(std::string("query failed: ") + trimmed(PQerrorMessage(m_connection)));
    }
    ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR ||
        status == PGRES_BAD_RESPONSE) {
      throw SqlError(server_error(result.get()), sql, PQresultErrorMessage(result.get()));
    }
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      // COPY ... FROM STDIN has no data to read here: end it so the session stays usable.
      if (status == PGRES_COPY_IN) PQputCopyEnd(m_connection, "COPY FROM STDIN is not supported");
      Result rest;
      while ((rest = Result(PQgetResult(m_connection)))) {
      }
      throw SqlError(ServerError{.sqlstate = "0A000",
                                 .message = "COPY to or from the client is not supported here"},
                     sql, "");
    }
    return result;
  }

  static std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
  }

  PGconn* m_connection;
  std::vector<std::string> m_notices;
};

// 'value' with backslashes and quotes escaped, as libpq's key=value syntax wants.
std::string conninfo_value(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  return quoted + '\'';
}

}  // namespace

std::unique_ptr<Session> connect_postgres(const std::string& conninfo) {
  // The URL's own settings win over these; the application name is only a fallback.
  const char* keywords[] = {"client_encoding", "dbname", "fallback_application_name", nullptr};
  const char* values[] = {"UTF8", conninfo.c_str(), "sqlgate", nullptr};
  PGconn* connection = PQconnectdbParams(keywords, values, 1);
  if (connection == nullptr) throw ConnectionError("cannot connect: out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    // libpq names the host and user, never the password; redact it anyway, in case a
    // message ever quotes the connection string.
    throw ConnectionError("cannot connect: " + redact_password(message, conninfo));
  }
  return std::make_unique<PostgresSession>(connection);
}

std::string conninfo_with_database(const std::string& conninfo, const std::string& database) {
  char* error = nullptr;
  PQconninfoOption* options =
      PQconninfoParse(parse_database_target(conninfo).conninfo.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    throw std::invalid_argument("not a PostgreSQL connection URL or key=value string");
  }
  std::vector<std::pair<std::string, std::string>> parameters;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    std::string_view keyword = option->keyword;
    if (option->val == nullptr || (keyword == "dbname" && !database.empty())) continue;
    parameters.emplace_back(keyword, option->val);
  }
  PQconninfoFree(options);
  if (!database.empty()) parameters.emplace_back("dbname", database);
  return make_conninfo(parameters);
}

std::string make_conninfo(const std::vector<std::pair<std::string, std::string>>& parameters) {
  std::string result;
  for (const auto& [keyword, value] : parameters) {
    if (!result.empty()) result += ' ';
    result += keyword + "=" + conninfo_value(value);
  }
  return result;
}

}  // namespace sqlgate::runner
