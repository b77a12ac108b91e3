#include "tests/support/database.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include "runner/postgres.h"

namespace sqlgate::testing {

std::string test_database_url() {
  const char* url = std::getenv("SQLGATE_TEST_DATABASE_URL");
  if (url != nullptr && *url != '\0') return url;
  // The server of the CTest fixture "postgres" (tools/pg-sandbox.sh writes its URL there).
  std::ifstream in(std::string(SQLGATE_PG_SANDBOX) + "/url");
  std::string line;
  if (in && std::getline(in, line) && !line.empty()) return line;
  throw std::runtime_error(
      "no test PostgreSQL: set SQLGATE_TEST_DATABASE_URL or run the tests with ctest, whose "
      "fixture starts one in " SQLGATE_PG_SANDBOX);
}

namespace {

// postgresql://user@/postgres?host=... -> the same URL naming another database.
std::string with_database(const std::string& url, const std::string& database) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) throw std::runtime_error("not a URL: " + url);
  auto path = url.find('/', scheme + 3);
  auto query = url.find('?', scheme + 3);
  std::string head = url.substr(0, std::min(path, query));
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + database + tail;
}

}  // namespace

ScratchDatabase::ScratchDatabase() {
  static std::atomic<int> counter{0};
  m_name = "sqlgate_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string server = test_database_url();
  auto admin = runner::connect_postgres(server);
  admin->execute("DROP DATABASE IF EXISTS " + runner::quote_identifier(m_name));
  admin->execute("CREATE DATABASE " + runner::quote_identifier(m_name));
  m_url = with_database(server, m_name);
}

ScratchDatabase::~ScratchDatabase() {
  try {
    auto admin = runner::connect_postgres(test_database_url());
    admin->execute("DROP DATABASE IF EXISTS " + runner::quote_identifier(m_name) + " WITH (FORCE)");
  } catch (...) {
    // The server may be gone (a fault test stopped it): nothing to clean then.
  }
}

std::unique_ptr<runner::Session> ScratchDatabase::connect() const {
  return runner::connect_postgres(m_url);
}

MigrationProject::MigrationProject() : m_session(m_db.connect()) {
  std::filesystem::create_directories(migrations());
}

void MigrationProject::write(const std::string& name, std::string_view text) const {
  m_dir.write("migrations/" + name, text);
}

void MigrationProject::pair(const std::string& stem, std::string_view up,
                            std::string_view down) const {
  write(stem + ".up.sql", up);
  write(stem + ".down.sql", down);
}

void MigrationProject::copy_fixture(const std::string& fixture) const {
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "runner" /
                                                               "fixtures" / fixture)) {
    std::filesystem::copy_file(entry.path(), migrations() / entry.path().filename());
  }
}

std::vector<std::string> MigrationProject::arguments(std::vector<std::string> args,
                                                     bool with_path) const {
  args.push_back("-d");
  args.push_back(m_db.url());
  if (with_path) {
    args.push_back("-p");
    args.push_back(migrations().string());
  }
  return args;
}

CommandResult MigrationProject::run(std::vector<std::string> args, bool with_path) const {
  return run_sqlgate(arguments(std::move(args), with_path), m_dir.path(), {{"DATABASE_URL", ""}});
}

std::unique_ptr<RunningProgram> MigrationProject::start(std::vector<std::string> args) const {
  return start_sqlgate(arguments(std::move(args), true), m_dir.path(), {{"DATABASE_URL", ""}});
}

std::string MigrationProject::scalar(const std::string& sql) {
  runner::Rows rows = m_session->query(sql);
  if (rows.rows.empty()) return "(none)";
  return rows.rows.at(0).at(0).value_or("NULL");
}

bool MigrationProject::exists(const std::string& relation) {
  return scalar("SELECT to_regclass('" + relation + "') IS NOT NULL") == "t";
}

}  // namespace sqlgate::testing
