#include <gtest/gtest.h>

#include "runner/url.h"

namespace sqlgate::runner {
namespace {

TEST(DatabaseTarget, TakesTheXParametersOutBeforeLibpqSeesTheUrl) {
  DatabaseTarget target = parse_database_target(
      "postgres://app:s3cret@db.internal:5432/orders?sslmode=disable&x-migrations-table=mig"
      "&x-statement-timeout=5000&application_name=deploy&x-multi-statement=true"
      "&x-multi-statement-max-size=100");
  EXPECT_EQ(
      target.conninfo,
      "postgres://app:s3cret@db.internal:5432/orders?sslmode=disable&application_name=deploy");
  EXPECT_EQ(target.url_path, "/orders");
  EXPECT_EQ(target.options.migrations_table, "mig");
  EXPECT_FALSE(target.options.migrations_table_quoted);
  EXPECT_EQ(target.options.statement_timeout_ms, 5000);
  EXPECT_TRUE(target.warnings.empty());
}

TEST(DatabaseTarget, DropsTheQueryWhenOnlyXParametersWereThere) {
  DatabaseTarget target = parse_database_target("postgresql://u@/app?x-migrations-table=m");
  EXPECT_EQ(target.conninfo, "postgresql://u@/app");
}

TEST(DatabaseTarget, WarnsAboutUnknownXParametersAndRemovesThem) {
  DatabaseTarget target = parse_database_target("postgres://u@h/db?x-no-lock=true&port=5433");
  EXPECT_EQ(target.conninfo, "postgres://u@h/db?port=5433");
  ASSERT_EQ(target.warnings.size(), 1u);
  EXPECT_NE(target.warnings[0].find("x-no-lock"), std::string::npos);
}

TEST(DatabaseTarget, ThePathIsGolangMigratesDatabaseName) {
  EXPECT_EQ(parse_database_target("postgres://u@h/my%20db").url_path, "/my db");
  EXPECT_EQ(parse_database_target("postgres://u@h/").url_path, "/");
  EXPECT_FALSE(parse_database_target("postgres://u@h").url_path.has_value());
  EXPECT_FALSE(parse_database_target("postgres://u@h?host=/tmp").url_path.has_value());
  EXPECT_EQ(parse_database_target("POSTGRESQL://u@/app?host=/tmp").url_path, "/app");
}

TEST(DatabaseTarget, OtherConnectionStringsGoToLibpqUnchanged) {
  for (std::string text : {"", "host=/tmp dbname=app", "app"}) {
    DatabaseTarget target = parse_database_target(text);
    EXPECT_EQ(target.conninfo, text);
    EXPECT_FALSE(target.url_path.has_value());
  }
}

TEST(DatabaseTarget, QuotedTableNamesASchema) {
  DatabaseTarget target = parse_database_target(
      "postgres://u@h/"
      "db?x-migrations-table=%22audit%22.%22versions%22&x-migrations-table-quoted=1");
  EXPECT_TRUE(target.options.migrations_table_quoted);
  QuotedTable table = parse_quoted_table(target.options.migrations_table);
  EXPECT_EQ(table.schema, "audit");
  EXPECT_EQ(table.table, "versions");
  QuotedTable bare = parse_quoted_table("\"my.table\"");
  EXPECT_EQ(bare.schema, "");
  EXPECT_EQ(bare.table, "my.table");
}

TEST(DatabaseTarget, RejectsMalformedXValuesWithoutThePassword) {
  for (std::string url :
       {"postgres://u:hunter22@h/db?x-statement-timeout=soon",
        "postgres://u:hunter22@h/db?x-migrations-table-quoted=maybe",
        "postgres://u:hunter22@h/db?x-migrations-table=plain&x-migrations-table-quoted=true",
        "postgres://u:hunter22@h/db?x-migrations-table=%22a%22.%22b%22.%22c%22"
        "&x-migrations-table-quoted=true",
        "postgres://u:hunter22@h/db?x-multi-statement=perhaps"}) {
    try {
      parse_database_target(url);
      ADD_FAILURE() << "accepted " << url;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
    }
  }
}

TEST(MaskPassword, MasksEveryFormOnce) {
  EXPECT_EQ(mask_password("postgres://app:s3cret@db:5432/orders?sslmode=disable"),
            "postgres://app:xxxxx@db:5432/orders?sslmode=disable");
  EXPECT_EQ(mask_password("postgresql://app:p%40ss@db/orders"), "postgresql://app:xxxxx@db/orders");
  // A raw '@' in the password: the last '@' ends the user information, as Go's parser reads it.
  EXPECT_EQ(mask_password("postgres://app:p@ss@db/orders"), "postgres://app:xxxxx@db/orders");
  EXPECT_EQ(mask_password("postgres://db/orders?user=app&password=s3cret&sslmode=require"),
            "postgres://db/orders?user=app&password=xxxxx&sslmode=require");
  EXPECT_EQ(mask_password("host=db password=s3cret dbname=orders"),
            "host=db password=xxxxx dbname=orders");
  EXPECT_EQ(mask_password("host=db password = 'it\\'s secret' dbname=orders"),
            "host=db password = xxxxx dbname=orders");
  EXPECT_EQ(mask_password("host=db password='s3 cret'"), "host=db password=xxxxx");
}

TEST(MaskPassword, LeavesTextWithoutAPasswordAlone) {
  for (std::string text : {"postgres://app@db/orders", "postgres://db/orders", "orders",
                           "host=db dbname=orders", ""}) {
    EXPECT_EQ(mask_password(text), text);
  }
}

TEST(RedactPassword, RemovesThePasswordFromAnyMessage) {
  std::string url = "postgres://app:p%40ss@db/orders";
  EXPECT_EQ(redact_password("auth failed for p@ss and p%40ss", url),
            "auth failed for xxxxx and xxxxx");
  EXPECT_EQ(redact_password("could not connect to postgres://app:p%40ss@db/orders", url),
            "could not connect to postgres://app:xxxxx@db/orders");
  EXPECT_EQ(redact_password("nothing secret", "postgres://app@db/orders"), "nothing secret");
}

}  // namespace
}  // namespace sqlgate::runner
