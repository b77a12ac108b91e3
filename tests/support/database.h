// The PostgreSQL server tools/test.sh starts, for the runner's tests.
#pragma once

#include <memory>
#include <string>

#include "runner/database.h"

namespace sqlgate::testing {

// SQLGATE_TEST_DATABASE_URL when set, else the server the CTest fixture "postgres" started;
// the test fails when there is neither.
std::string test_database_url();

// A fresh, uniquely named database on the test server, dropped when the object goes.
class ScratchDatabase {
 public:
  ScratchDatabase();
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& name() const { return m_name; }
  // A URL to this database (the server's URL with the database name replaced).
  const std::string& url() const { return m_url; }
  std::unique_ptr<runner::Session> connect() const;

 private:
  std::string m_name;
  std::string m_url;
};

}  // namespace sqlgate::testing
