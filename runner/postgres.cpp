#include "runner/postgres.h"

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

}  // namespace

std::unique_ptr<Session> connect_postgres(const std::string& conninfo) {
  try {
    return std::make_unique<PostgresSession>(conninfo);
  } catch (const pqxx::broken_connection& e) {
    // libpq's message names the host and user, never the password.
    throw ConnectionError(std::string("cannot connect: ") + e.what());
  }
}

}  // namespace sqlgate::runner
