// The parts of running a migration that need no server: reading PostgreSQL's error text and
// mapping its position back into the text sent, and choosing how a file is sent.
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

TEST(ServerMessage, SplitsLibpqFields) {
  ServerMessage m = parse_server_message(
      "ERROR:  cannot drop table campaigns because other objects depend on it\n"
      "DETAIL:  constraint t_fkey on table t depends on table campaigns\n"
      "constraint u_fkey on table u depends on table campaigns\n"
      "HINT:  Use DROP ... CASCADE to drop the dependent objects too.\n");
  EXPECT_EQ(m.severity, "ERROR");
  EXPECT_EQ(m.message, "cannot drop table campaigns because other objects depend on it");
  EXPECT_EQ(m.detail,
            "constraint t_fkey on table t depends on table campaigns\n"
            "constraint u_fkey on table u depends on table campaigns");
  EXPECT_EQ(m.hint, "Use DROP ... CASCADE to drop the dependent objects too.");
  EXPECT_EQ(m.line, 0u);
}

TEST(ServerMessage, ReadsLineAndCaret) {
  ServerMessage m = parse_server_message(
      "ERROR:  column \"nosuch\" does not exist\n"
      "LINE 2: select nosuch from pg_class;\n"
      "               ^\n");
  EXPECT_EQ(m.message, "column \"nosuch\" does not exist");
  EXPECT_EQ(m.line, 2u);
  EXPECT_EQ(m.line_text, "select nosuch from pg_class;");
  EXPECT_EQ(m.caret, 7u);  // under the n of nosuch, counted from the shown text
}

TEST(ServerMessage, KeepsTheInternalQueryAndContext) {
  ServerMessage m = parse_server_message(
      "ERROR:  relation \"nosuch\" does not exist\n"
      "LINE 1: INSERT INTO nosuch VALUES (1)\n"
      "                    ^\n"
      "QUERY:  INSERT INTO nosuch VALUES (1)\n"
      "CONTEXT:  PL/pgSQL function inline_code_block line 4 at SQL statement\n");
  EXPECT_EQ(m.query, "INSERT INTO nosuch VALUES (1)");
  EXPECT_EQ(m.context, "PL/pgSQL function inline_code_block line 4 at SQL statement");
  EXPECT_EQ(m.line, 1u);
  // The position is in the internal query, not in the text sent.
  EXPECT_FALSE(error_offset(m, "DO $$ ... $$").has_value());
}

TEST(ServerMessage, TextWithoutSeverityIsTheMessage) {
  ServerMessage m = parse_server_message("server closed the connection unexpectedly");
  EXPECT_EQ(m.severity, "");
  EXPECT_EQ(m.message, "server closed the connection unexpectedly");
}

TEST(ErrorOffset, MapsLineAndCaretToABytOffset) {
  std::string sent = "select 1;\nselect nosuch from pg_class;";
  ServerMessage m =
      parse_server_message("ERROR:  x\nLINE 2: select nosuch from pg_class;\n               ^\n");
  auto offset = error_offset(m, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset, 6), "nosuch");
}

TEST(ErrorOffset, CountsCarriageReturnsAsLibpqDoes) {
  std::string sent = "select 1;\r\nselect 2;\rselect nosuch;";
  ServerMessage m = parse_server_message("ERROR:  x\nLINE 3: select nosuch;\n               ^\n");
  auto offset = error_offset(m, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset, 6), "nosuch");
}

TEST(ErrorOffset, FindsTheSpotInALineLibpqCut) {
  // libpq shows at most about 60 columns, with "..." where it cut.
  std::string sent =
      "select 1,\n  nosuch_col_with_a_very_long_name_that_goes_on_and_on, "
      "another_column_name_here_too, more_columns_to_push_it_far from pg_class";
  ServerMessage start = parse_server_message(
      "ERROR:  x\n"
      "LINE 2:   nosuch_col_with_a_very_long_name_that_goes_on_and_on, anot...\n"
      "          ^\n");
  auto offset = error_offset(start, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset, 6), "nosuch");

  ServerMessage right = parse_server_message(
      "ERROR:  x\n"
      "LINE 2: ...name_here_too, more_columns_to_push_it_far from pg_class\n"
      "                          ^\n");
  offset = error_offset(right, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset, 4), "more");
}

TEST(ErrorOffset, ShowsTabsAsSpacesAndCountsCharacters) {
  std::string sent = "\tselect 'é', nosuch";
  ServerMessage m = parse_server_message(
      "ERROR:  x\nLINE 1:  select 'é', nosuch\n"
      "                     ^\n");
  auto offset = error_offset(m, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset), "nosuch");
}

TEST(ErrorOffset, WideCharactersTakeTwoColumns) {
  std::string sent = "select '表', nosuch";
  ServerMessage m =
      parse_server_message("ERROR:  x\nLINE 1: select '表', nosuch\n                     ^\n");
  auto offset = error_offset(m, sent);
  ASSERT_TRUE(offset);
  EXPECT_EQ(sent.substr(*offset), "nosuch");
}

TEST(ErrorOffset, NothingWhenTheLineDoesNotFit) {
  ServerMessage m = parse_server_message("ERROR:  x\nLINE 9: select 1\n        ^\n");
  EXPECT_FALSE(error_offset(m, "select 1").has_value());
  ServerMessage other = parse_server_message("ERROR:  x\nLINE 1: something else\n        ^\n");
  EXPECT_FALSE(error_offset(other, "select 1").has_value());
  ServerMessage none = parse_server_message("ERROR:  x\n");
  EXPECT_FALSE(error_offset(none, "select 1").has_value());
}

TEST(TransactionMode, FollowsTheDirectiveAndTheFilesOwnTransaction) {
  auto single = source("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n");
  EXPECT_EQ(transaction_mode(*lint::ParsedFile::parse(single)), TransactionMode::single);

  auto none = source("-- sqlgate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n");
  EXPECT_EQ(transaction_mode(*lint::ParsedFile::parse(none)), TransactionMode::none);

  auto own = source("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n");
  EXPECT_EQ(transaction_mode(*lint::ParsedFile::parse(own)), TransactionMode::own);

  // A savepoint alone does not make the file manage its transaction.
  auto savepoint = source("SAVEPOINT a;\nRELEASE SAVEPOINT a;\n");
  EXPECT_EQ(transaction_mode(*lint::ParsedFile::parse(savepoint)), TransactionMode::single);
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
