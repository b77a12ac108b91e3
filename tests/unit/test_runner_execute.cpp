// The parts of running a migration that need no server: mapping PostgreSQL's error position
// back into the text sent, and choosing how a file is sent.
#include <gtest/gtest.h>

#include "lint/sql.h"
#include "runner/execute.h"

namespace sqlgate::runner {
namespace {

lint::SourceFile source(std::string text) {
  lint::SourceFile file;
  file.path = "1_a.up.sql";
  file.display = "1_a.up.sql";
  file.text = std::move(text);
  file.is_sql = true;
  return file;
}

TEST(ErrorOffset, CountsCharactersNotBytes) {
  // PostgreSQL's positions count characters from 1.
  EXPECT_EQ(error_offset(1, "select nosuch"), 0u);
  EXPECT_EQ(error_offset(8, "select nosuch"), 7u);
  EXPECT_EQ(error_offset(4, "'é' x"), 4u);  // é is two bytes
  // "at end of input": one past the last character.
  EXPECT_EQ(error_offset(14, "select nosuch"), 13u);
}

TEST(ErrorOffset, NothingWithoutAPosition) {
  EXPECT_FALSE(error_offset(0, "select 1").has_value());
  EXPECT_FALSE(error_offset(-1, "select 1").has_value());
}

TEST(RunMode, FollowsTheDirectiveAndTheFilesOwnTransaction) {
  auto single = source("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n");
  EXPECT_EQ(run_mode(*lint::ParsedFile::parse(single)), RunMode::transaction);

  auto none = source("-- sqlgate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n");
  EXPECT_EQ(run_mode(*lint::ParsedFile::parse(none)), RunMode::no_transaction);

  auto own = source("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n");
  EXPECT_EQ(run_mode(*lint::ParsedFile::parse(own)), RunMode::own_transaction);

  // A savepoint alone does not make the file manage its transaction.
  auto savepoint = source("SAVEPOINT a;\nRELEASE SAVEPOINT a;\n");
  EXPECT_EQ(run_mode(*lint::ParsedFile::parse(savepoint)), RunMode::transaction);
}

TEST(MigrationFailure, SummaryNamesFileLineAndColumn) {
  MigrationFailure failure;
  failure.file = "m/1_a.up.sql";
  failure.position = {3, 14};
  failure.message = "relation \"t\" already exists";
  EXPECT_EQ(failure.summary(), "m/1_a.up.sql:3:14: relation \"t\" already exists");
}

}  // namespace
}  // namespace sqlgate::runner
