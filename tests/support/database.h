// The PostgreSQL server tools/test.sh starts, for the runner's tests.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runner/database.h"
#include "tests/support/testing.h"

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

// A scratch database, a migrations folder, and the sqlgate binary pointed at both.
class MigrationProject {
 public:
  MigrationProject();

  std::filesystem::path migrations() const { return m_dir.path() / "migrations"; }
  const std::filesystem::path& root() const { return m_dir.path(); }
  const ScratchDatabase& db() const { return m_db; }
  runner::Session& session() { return *m_session; }

  void write(const std::string& name, std::string_view text) const;
  // VERSION_NAME.up.sql and its down.
  void pair(const std::string& stem, std::string_view up, std::string_view down) const;
  // Copies tests/runner/fixtures/NAME into the migrations folder.
  void copy_fixture(const std::string& fixture) const;
  // sqlgate VERB ARGS... -d URL -p migrations, run to its end; start() runs it in the background.
  CommandResult run(std::vector<std::string> args, bool with_path = true) const;
  std::unique_ptr<RunningProgram> start(std::vector<std::string> args) const;
  // The first column of the first row, "NULL" for NULL, "(none)" without rows.
  std::string scalar(const std::string& sql);
  bool exists(const std::string& relation);

 private:
  std::vector<std::string> arguments(std::vector<std::string> args, bool with_path) const;

  ScratchDatabase m_db;
  TempDir m_dir;
  std::unique_ptr<runner::Session> m_session;
};

}  // namespace sqlgate::testing
