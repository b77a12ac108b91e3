// Bad input through the sqlgate binary: each case names the file and says why, exits with the
// documented code (README "Exit codes"), lints the other files of the run, and neither crashes
// nor hangs. NUL bytes and invalid UTF-8 are in test_cli_lint.cpp.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::describe;
using testing::TempDir;

// A migration that is fine but for one finding, so that a run shows it was linted.
constexpr std::string_view k_other_up = "CREATE TABLE other (id bigint);\n";
constexpr std::string_view k_other_down = "DROP TABLE IF EXISTS other;\n";
constexpr std::string_view k_other_finding =
    "m/20250102000000_other.up.sql:1:1: error[require-if-not-exists]: ";

// A folder m/ holding the other migration, and the bad file the test adds.
class Folder {
 public:
  Folder() {
    m_dir.write("m/20250102000000_other.up.sql", k_other_up);
    m_dir.write("m/20250102000000_other.down.sql", k_other_down);
  }
  const TempDir& dir() const { return m_dir; }
  fs::path write(const std::string& name, std::string_view text) const {
    return m_dir.write("m/" + name, text);
  }
  // sqlgate lint m ARGS..., text output, run in the folder.
  CommandResult lint(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"lint", "--color", "never", "m"});
    return testing::run_sqlgate(args, m_dir.path());
  }

 private:
  TempDir m_dir;
};

bool contains(const std::string& text, std::string_view what) {
  return text.find(what) != std::string::npos;
}

void expect_other_linted(const CommandResult& r) {
  EXPECT_TRUE(contains(r.out, k_other_finding)) << "the other file is still linted\n"
                                                << describe(r);
}

TEST(CliBadInput, InvalidSql) {
  Folder f;
  f.write("20250101000000_bad.up.sql", "CREATE TABEL t (id int);\n");
  f.write("20250101000000_bad.down.sql", "DROP TABLE IF EXISTS t;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "m/20250101000000_bad.up.sql:1:8: error[syntax-error]: syntax error "
                       "at or near \"TABEL\""))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, EmptyFile) {
  Folder f;
  // An empty pair is a valid no-op migration (golang-migrate records the version); an empty down
  // beside an up that does something is not.
  f.write("20250101000000_placeholder.up.sql", "");
  f.write("20250101000000_placeholder.down.sql", "");
  f.write("20250101000001_users.up.sql", "CREATE TABLE IF NOT EXISTS users (id bigint);\n");
  f.write("20250101000001_users.down.sql", "");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_FALSE(contains(r.out, "placeholder")) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "m/20250101000001_users.down.sql:1:1: error[missing-down]: this down "
                       "holds no statement, but its up does"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, CommentOnlyFile) {
  Folder f;
  f.write("20250101000000_notes.up.sql", "-- nothing yet\n/* still nothing */\n");
  f.write("20250101000000_notes.down.sql", "DROP TABLE IF EXISTS notes;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "m/20250101000000_notes.down.sql:1:1: error[orphan-down]: the up of "
                       "version 20250101000000 holds no statement"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, FiftyMegabyteFile) {
  Folder f;
  // A seed migration of 50 MB: idempotent inserts of 25 kB documents. (50 MB of short statements,
  // 450,000 of them, lints too, but takes about 2 GB and a minute: a benchmark, not a test.)
  fs::path path = f.dir().path() / "m" / "20250101000000_seed.up.sql";
  {
    std::ofstream out(path, std::ios::binary);
    out << "CREATE TABLE IF NOT EXISTS seed (id bigint PRIMARY KEY, body text);\n";
    std::string body;
    while (body.size() < 25000) body += "lorem ipsum dolor sit amet ";
    std::size_t written = 0;
    for (std::size_t i = 0; written < 50u * 1024 * 1024; ++i) {
      std::string row = "INSERT INTO seed (id, body) VALUES (" + std::to_string(i) + ", '" + body +
                        "') ON CONFLICT (id) DO NOTHING;\n";
      out << row;
      written += row.size();
    }
  }
  f.write("20250101000000_seed.down.sql", "DROP TABLE IF EXISTS seed;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_FALSE(contains(r.out, "20250101000000_seed.up.sql")) << "a clean file\n" << describe(r);
  EXPECT_TRUE(contains(r.out, "in 4 files")) << describe(r);
  expect_other_linted(r);
}

// Thousands of DO blocks whose guards test for another object than the one they make: each
// guard is judged against everything the file changes. That list was once kept for every guard,
// which grew with the square of the file: 4 GB for these 3,000 blocks. sqlgate runs with its data
// segment limited to 1 GiB (not in the sanitizer builds, whose shadow memory counts against it).
TEST(CliBadInput, ThousandsOfMisguardedBlocksLintInBoundedMemory) {
  Folder f;
  std::string up;
  std::string down;
  constexpr int k_blocks = 3000;
  for (int i = 0; i < k_blocks; ++i) {
    std::string n = std::to_string(i);
    up += "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'other_" + n +
          "') THEN ALTER TABLE t ADD CONSTRAINT c_" + n + " CHECK (true); END IF; END $$;\n";
    down += "ALTER TABLE t DROP CONSTRAINT IF EXISTS c_" + n + ";\n";
  }
  f.write("20250101000000_checks.up.sql", up);
  f.write("20250101000000_checks.down.sql", down);
  std::vector<std::string> argv{
      testing::sqlgate_binary().string(), "lint", "--color", "never", "--format", "json", "m"};
#if !defined(__SANITIZE_ADDRESS__) && !defined(SQLGATE_SANITIZE)
  argv.insert(argv.begin(), {"/bin/sh", "-c", "ulimit -d 1048576 && exec \"$@\"", "sh"});
#endif
  CommandResult r = testing::run_program(argv, f.dir().path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Each guard tests for a constraint the file never makes: one finding each.
  EXPECT_EQ(testing::count_occurrences(r.out, "\"rule\": \"guard-add-constraint\""),
            static_cast<std::size_t>(k_blocks))
      << r.err;
  EXPECT_TRUE(contains(r.out,
                       "the guard tests conname = 'other_2999', but the constraint is "
                       "named c_2999"))
      << r.err;
}

TEST(CliBadInput, DeeplyNestedParentheses) {
  Folder f;
  f.write("20250101000000_deep.up.sql",
          "SELECT " + std::string(20000, '(') + "1" + std::string(20000, ')') + ";\n");
  f.write("20250101000000_deep.down.sql", "SELECT 1;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "m/20250101000000_deep.up.sql:1:")) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "error[syntax-error]: the statement nests too deeply for "
                       "PostgreSQL's parser"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, HundredThousandCharacterIdentifier) {
  Folder f;
  std::string name(100000, 'x');
  f.write("20250101000000_long.up.sql", "CREATE TABLE IF NOT EXISTS " + name + " (id bigint);\n");
  f.write("20250101000000_long.down.sql", "DROP TABLE IF EXISTS " + name + ";\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "m/20250101000000_long.up.sql:1:28: warning[identifier-too-long]: "))
      << describe(r);
  EXPECT_LT(r.out.size(), 20000u) << "the report does not quote the whole name";
  expect_other_linted(r);
}

TEST(CliBadInput, UnterminatedDollarQuote) {
  Folder f;
  f.write("20250101000000_fn.up.sql",
          "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n  SELECT 1;\n");
  f.write("20250101000000_fn.down.sql", "DROP FUNCTION IF EXISTS f();\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "m/20250101000000_fn.up.sql:1:")) << describe(r);
  EXPECT_TRUE(contains(r.out, "error[syntax-error]: unterminated dollar-quoted string"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, UnreadableFile) {
  Folder f;
  f.dir().share();
  fs::path bad = f.write("20250101000000_secret.up.sql", "SELECT 1;\n");
  f.write("20250101000000_secret.down.sql", "SELECT 1;\n");
  fs::permissions(bad, fs::perms::none);
  // Root reads every file: run sqlgate as an unprivileged user.
  auto command = testing::unprivileged_command(
      {testing::sqlgate_binary().string(), "lint", "--color", "never", "m"});
  if (!command) GTEST_SKIP() << "running as root, and runuser cannot switch to \"nobody\"";
  CommandResult r = testing::run_program(*command, f.dir().path());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.err,
                       "sqlgate: cannot read m/20250101000000_secret.up.sql: Permission "
                       "denied"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, UnreadableFolderWithRecursive) {
  Folder f;
  f.dir().share();
  f.write("locked/20250103000000_hidden.up.sql", "SELECT 1;\n");
  fs::permissions(f.dir().path() / "m" / "locked", fs::perms::none);
  auto command = testing::unprivileged_command(
      {testing::sqlgate_binary().string(), "lint", "--color", "never", "--recursive", "m"});
  if (!command) GTEST_SKIP() << "running as root, and runuser cannot switch to \"nobody\"";
  CommandResult r = testing::run_program(*command, f.dir().path());
  EXPECT_EQ(r.exit_code, 2) << "files may be missing: the result is incomplete\n" << describe(r);
  EXPECT_TRUE(contains(r.err,
                       "sqlgate: cannot read m/locked: cannot list folder: Permission "
                       "denied"))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, DirectorySymlinkLoopWithRecursive) {
  Folder f;
  fs::create_directories(f.dir().path() / "m" / "nested");
  fs::create_directory_symlink("..", f.dir().path() / "m" / "nested" / "loop");
  CommandResult r = f.lint({"--recursive"});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err,
                       "sqlgate: warning: m/nested/loop: folder already visited (symlink "
                       "loop?), skipped"))
      << describe(r);
  EXPECT_EQ(testing::count_occurrences(r.out, k_other_finding), 1u) << "linted once\n"
                                                                    << describe(r);
}

TEST(CliBadInput, NonSqlFile) {
  Folder f;
  f.write("20250101000000_notes.up.txt", "CREATE TABLE notes (id int);\n");
  f.write("README.md", "# migrations\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(
      contains(r.out,
               "m/20250101000000_notes.up.txt:1:1: error[near-miss-name]: golang-migrate runs this "
               "file as the up of version 20250101000000"))
      << describe(r);
  EXPECT_FALSE(contains(r.out, "README.md")) << describe(r);
  expect_other_linted(r);

  // Named on the command line, a file that is not SQL is not skipped without a word.
  CommandResult named =
      testing::run_sqlgate({"lint", "--color", "never", "m/README.md"}, f.dir().path());
  EXPECT_EQ(named.exit_code, 0) << describe(named);
  EXPECT_TRUE(contains(named.err, "sqlgate: warning: m/README.md: not a .sql file, not linted"))
      << describe(named);
}

TEST(CliBadInput, VersionBeyondBigint) {
  Folder f;
  f.write("99999999999999999999_huge.up.sql", "SELECT 1;\n");
  f.write("99999999999999999999_huge.down.sql", "SELECT 1;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, "m/99999999999999999999_huge.up.sql:1:1: error[version-overflow]: "))
      << describe(r);
  expect_other_linted(r);
}

TEST(CliBadInput, DuplicateVersions) {
  Folder f;
  f.write("20250101000000_users.up.sql", "SELECT 1;\n");
  f.write("20250101000000_users.down.sql", "SELECT 1;\n");
  f.write("020250101000000_accounts.up.sql", "SELECT 2;\n");
  f.write("020250101000000_accounts.down.sql", "SELECT 2;\n");
  CommandResult r = f.lint();
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out,
                       "m/20250101000000_users.up.sql:1:1: error[duplicate-version]: version "
                       "20250101000000 has a second up (020250101000000_accounts.up.sql)"))
      << describe(r);
  expect_other_linted(r);
}

}  // namespace
}  // namespace sqlgate
