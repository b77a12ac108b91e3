// Connection strings, without a server.
#include <gtest/gtest.h>

#include "runner/postgres.h"

namespace sqlgate::runner {
namespace {

TEST(Conninfo, NamesAnotherDatabaseFromAUrl) {
  std::string conninfo = conninfo_with_database(
      "postgresql://app:s3cret@db.example:6432/appdb?sslmode=require", "scratch");
  EXPECT_NE(conninfo.find("host='db.example'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("port='6432'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("user='app'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("sslmode='require'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("dbname='scratch'"), std::string::npos) << conninfo;
  EXPECT_EQ(conninfo.find("appdb"), std::string::npos) << conninfo;
}

TEST(Conninfo, DropsGolangMigratesXParameters) {
  std::string conninfo = conninfo_with_database(
      "postgres://u@/db?host=/tmp/x&x-migrations-table=versions&port=5433&x-multi-statement=true",
      "");
  EXPECT_NE(conninfo.find("dbname='db'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("port='5433'"), std::string::npos) << conninfo;
  EXPECT_EQ(conninfo.find("x-"), std::string::npos) << conninfo;
}

TEST(Conninfo, ReadsKeyValueStringsAndQuotesValues) {
  std::string conninfo = conninfo_with_database("host=/tmp/we\\'ird dbname=old user=me", "new db");
  EXPECT_NE(conninfo.find("host='/tmp/we\\'ird'"), std::string::npos) << conninfo;
  EXPECT_NE(conninfo.find("dbname='new db'"), std::string::npos) << conninfo;
  EXPECT_EQ(make_conninfo({{"host", "/a b"}, {"port", "1"}}), "host='/a b' port='1'");
}

TEST(Conninfo, AnUnreadableStringIsRejectedWithoutEchoingIt) {
  try {
    conninfo_with_database("postgresql://u:p%zzsecret@host/db", "x");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sqlgate::runner
