#include "runner/postgres.h"

#include <libpq-fe.h>
#include <stdexcept>

#include <pqxx/pqxx>

namespace sqlgate::runner {
namespace {

class PostgresSession final : public Session {
 public:
  explicit PostgresSession(const std::string& conninfo) : m_connection(conninfo) {}

  void execute(const std::string& sql) override {
    run([&](pqxx::nontransaction& tx) { tx.exec(sql); });
  }

  Rows query(const std::string& sql) override {
    Rows rows;
    run([&](pqxx::nontransaction& tx) {
      pqxx::result result = tx.exec(sql);
      for (pqxx::row::size_type c = 0; c < result.columns(); ++c) {
        rows.columns.emplace_back(result.column_name(c));
      }
      for (const auto& row : result) {
        std::vector<std::optional<std::string>> values;
        values.reserve(row.size());
        for (const auto& field : row) {
          values.push_back(field.is_null() ? std::nullopt
                                           : std::optional<std::string>(field.c_str()));
        }
        rows.rows.push_back(std::move(values));
      }
    });
    return rows;
  }

  int server_version() override { return m_connection.server_version(); }

 private:
  template <typename Work>
  void run(Work&& work) {
    try {
      pqxx::nontransaction tx(m_connection);
      work(tx);
    } catch (const pqxx::broken_connection& e) {
      throw ConnectionError(std::string("connection to the server lost: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      throw SqlError(e.what(), e.sqlstate(), e.query());
    }
  }

  pqxx::connection m_connection;
};

// A URL without its x- query parameters (golang-migrate's, unknown to libpq).
std::string without_x_parameters(const std::string& conninfo) {
  bool url = conninfo.starts_with("postgres://") || conninfo.starts_with("postgresql://");
  auto query = conninfo.find('?');
  if (!url || query == std::string::npos) return conninfo;
  std::string result = conninfo.substr(0, query);
  char separator = '?';
  std::size_t at = query + 1;
  while (at <= conninfo.size()) {
    std::size_t end = conninfo.find('&', at);
    if (end == std::string::npos) end = conninfo.size();
    std::string parameter = conninfo.substr(at, end - at);
    if (!parameter.empty() && !parameter.starts_with("x-")) {
      result += separator;
      result += parameter;
      separator = '&';
    }
    at = end + 1;
  }
  return result;
}

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

std::string conninfo_with_database(const std::string& conninfo, const std::string& database) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(without_x_parameters(conninfo).c_str(), &error);
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

std::unique_ptr<Session> connect_postgres(const std::string& conninfo) {
  try {
    return std::make_unique<PostgresSession>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    // libpq's message names the host and user, never the password.
    throw ConnectionError(std::string("cannot connect: ") + e.what());
  }
}

}  // namespace sqlgate::runner
