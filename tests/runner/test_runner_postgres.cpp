#include <gtest/gtest.h>

#include "runner/postgres.h"
#include "tests/support/database.h"

namespace sqlgate::runner {
namespace {

TEST(Postgres, ExecutesAndQueries) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  session->execute(
      "CREATE TABLE t (id int PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'a'), (2, NULL);");
  Rows rows = session->query("SELECT id, name FROM t ORDER BY id");
  ASSERT_EQ(rows.columns, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(rows.rows[0][1], "a");
  EXPECT_FALSE(rows.rows[1][1].has_value());
  EXPECT_GE(session->server_version(), 150000);
}

TEST(Postgres, ErrorsCarrySqlstate) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  try {
    session->execute("SELECT * FROM missing_table");
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.sqlstate(), "42P01");
  }
}

TEST(Postgres, QuotingRoundTrips) {
  testing::ScratchDatabase db;
  auto session = db.connect();
  std::string name = "we\"ird name";
  std::string text = "it's";
  session->execute("CREATE TABLE " + quote_identifier(name) + " (v text); INSERT INTO " +
                   quote_identifier(name) + " VALUES (" + quote_literal(text) + ")");
  Rows rows = session->query("SELECT v FROM " + quote_identifier(name));
  ASSERT_EQ(rows.rows.size(), 1u);
  EXPECT_EQ(rows.rows[0][0], text);
}

TEST(Postgres, ConnectionErrorForABadServer) {
  EXPECT_THROW(connect_postgres("postgresql://nobody@/postgres?host=/nonexistent&port=1"),
               ConnectionError);
}

}  // namespace
}  // namespace sqlgate::runner
