// The ordering rules' words, which the fixtures do not check.
#include <gtest/gtest.h>

#include "tests/support/rules.h"

namespace sqlgate::rules {
namespace {

// A temporary table is named as PostgreSQL names it (relation "batch_ids" already exists), not
// by the session's schema the replay files it under.
TEST(OrderingMessages, ATemporaryTableIsNamedWithoutItsSessionsSchema) {
  auto found =
      testing::lint_rule_set({{"1_archive.up.sql", "CREATE TEMP TABLE batch_ids (id bigint);\n"},
                              {"1_archive.down.sql", "SELECT 1;\n"},
                              {"2_purge.up.sql", "CREATE TEMP TABLE batch_ids (id bigint);\n"},
                              {"2_purge.down.sql", "SELECT 1;\n"}},
                             "already-exists");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("this creates table batch_ids, which"), std::string::npos)
      << found[0].message;
  EXPECT_EQ(found[0].message.find("pg_temp"), std::string::npos) << found[0].message;
}

}  // namespace
}  // namespace sqlgate::rules
