// The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit, offline: a temporary
// git repository uses the hook from a local repository holding this checkout's hook manifest,
// with the sqlgate under test first on PATH. A bad migration blocks the commit; a good one
// passes.
#include <cstdlib>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run_program;

class PreCommit : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_program({"pre-commit", "--version"}).exit_code != 0) {
      GTEST_FAIL() << "pre-commit is not installed (tools/bootstrap.sh installs it)";
    }
    fs::create_directories(m_dir.path() / "home");
    std::string path = testing::sqlgate_binary().parent_path().string();
    if (const char* system_path = std::getenv("PATH")) path += std::string(":") + system_path;
    m_env = {
        {"PATH", path},
        {"HOME", (m_dir.path() / "home").string()},
        {"PRE_COMMIT_HOME", (m_dir.path() / "cache").string()},
        {"XDG_CACHE_HOME", (m_dir.path() / "cache").string()},
        {"GIT_CONFIG_NOSYSTEM", "1"},
        {"GIT_AUTHOR_NAME", "Test"},
        {"GIT_AUTHOR_EMAIL", "test@example.com"},
        {"GIT_COMMITTER_NAME", "Test"},
        {"GIT_COMMITTER_EMAIL", "test@example.com"},
        // Offline: git may only read local repositories; anything else fails fast.
        {"GIT_ALLOW_PROTOCOL", "file"},
        {"http_proxy", "http://127.0.0.1:9"},
        {"https_proxy", "http://127.0.0.1:9"},
        {"HTTP_PROXY", "http://127.0.0.1:9"},
        {"HTTPS_PROXY", "http://127.0.0.1:9"},
        {"NO_COLOR", "1"},
    };
  }

  CommandResult run(const std::vector<std::string>& argv, const fs::path& cwd) {
    return run_program(argv, cwd, m_env);
  }

  void git(const std::vector<std::string>& args, const fs::path& cwd) {
    std::vector<std::string> argv{"git", "-c", "init.defaultBranch=main"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = run(argv, cwd);
    ASSERT_EQ(result.exit_code, 0) << "git " << args.front() << ": " << result.out << result.err;
  }

  std::string head(const fs::path& repo) { return run({"git", "rev-parse", "HEAD"}, repo).out; }

  testing::TempDir m_dir;
  std::map<std::string, std::string> m_env;
};

TEST_F(PreCommit, BadMigrationBlocksTheCommitGoodOnePasses) {
  // The hook's repository: this checkout's manifest, committed.
  fs::path hooks = m_dir.path() / "hooks";
  testing::write_file(hooks / ".pre-commit-hooks.yaml",
                      testing::read_file(testing::source_dir() / ".pre-commit-hooks.yaml"));
  git({"init", "-q", hooks.string()}, m_dir.path());
  git({"add", ".pre-commit-hooks.yaml"}, hooks);
  git({"commit", "-q", "-m", "hooks"}, hooks);
  std::string rev = head(hooks);
  rev.pop_back();

  // A project that uses it.
  fs::path project = m_dir.path() / "project";
  testing::write_file(project / ".pre-commit-config.yaml",
                      "repos:\n"
                      "  - repo: " +
                          hooks.string() +
                          "\n"
                          "    rev: " +
                          rev +
                          "\n"
                          "    hooks:\n"
                          "      - id: sqlgate-lint\n");
  testing::write_file(project / "README.md", "a project\n");
  git({"init", "-q", project.string()}, m_dir.path());
  git({"add", "."}, project);
  git({"commit", "-q", "-m", "start"}, project);
  auto installed = run({"pre-commit", "install"}, project);
  ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;

  // A good migration passes.
  testing::write_file(project / "migrations/sql/20250101000000_create_users.up.sql",
                      "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);\n");
  testing::write_file(project / "migrations/sql/20250101000000_create_users.down.sql",
                      "DROP TABLE IF EXISTS users;\n");
  git({"add", "migrations"}, project);
  auto good = run({"git", "commit", "-m", "users"}, project);
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  EXPECT_NE((good.out + good.err).find("sqlgate lint"), std::string::npos)
      << "the hook ran: " << good.out << good.err;
  std::string after_good = head(project);

  // A bad one is refused, with sqlgate's findings.
  testing::write_file(project / "migrations/sql/20250102000000_add_email.up.sql",
                      "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text,,;\n");
  testing::write_file(project / "migrations/sql/20250102000000_add_email.down.sql",
                      "ALTER TABLE users DROP COLUMN IF EXISTS email;\n");
  git({"add", "migrations"}, project);
  auto bad = run({"git", "commit", "-m", "email"}, project);
  EXPECT_NE(bad.exit_code, 0) << bad.out << bad.err;
  std::string output = bad.out + bad.err;
  EXPECT_NE(output.find("20250102000000_add_email.up.sql:1:55: error[syntax-error]"),
            std::string::npos)
      << output;
  EXPECT_EQ(head(project), after_good) << "nothing was committed";

  // Fixed, it passes.
  testing::write_file(project / "migrations/sql/20250102000000_add_email.up.sql",
                      "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n");
  git({"add", "migrations"}, project);
  auto fixed = run({"git", "commit", "-m", "email"}, project);
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_NE(head(project), after_good);

  // A commit without SQL does not run the hook.
  testing::write_file(project / "README.md", "a project with migrations\n");
  git({"add", "README.md"}, project);
  auto docs = run({"git", "commit", "-m", "docs"}, project);
  EXPECT_EQ(docs.exit_code, 0) << docs.out << docs.err;
  EXPECT_NE((docs.out + docs.err).find("(no files to check)Skipped"), std::string::npos)
      << docs.out << docs.err;
}

}  // namespace
}  // namespace sqlgate
