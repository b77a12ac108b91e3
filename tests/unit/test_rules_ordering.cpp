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

// A trigger that stayed on its table when a swap renamed the table away: nothing renamed the
// trigger, and the table named orders now is the copy, which has none (PostgreSQL: trigger
// "orders_touch" for table "orders" does not exist).
TEST(OrderingMessages, AChildLeftOnATableRenamedAwayIsNotSaidToBeRenamed) {
  auto found = testing::lint_rule_set(
      {{"1_orders.up.sql",
        "CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, updated_at timestamptz);\n"
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.updated_at := now(); RETURN NEW; END $$;\n"
        "CREATE OR REPLACE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE "
        "FUNCTION touch();\n"},
       {"1_orders.down.sql", "SELECT 1;\n"},
       {"2_swap.up.sql",
        "CREATE TABLE orders_new (LIKE orders INCLUDING ALL);\n"
        "ALTER TABLE orders RENAME TO orders_old;\n"
        "ALTER TABLE orders_new RENAME TO orders;\n"},
       {"2_swap.down.sql", "SELECT 1;\n"},
       {"3_cleanup.up.sql", "DROP TRIGGER orders_touch ON orders;\n"},
       {"3_cleanup.down.sql", "SELECT 1;\n"}},
      "use-before-create");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("trigger orders_touch on orders, which is not on the table "
                                  "named orders now (2_swap.up.sql renamed the table it is on to "
                                  "orders_old)"),
            std::string::npos)
      << found[0].message;
  EXPECT_EQ(found[0].message.find("renamed it to"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].help.find("name the table it is on now, orders_old, or create it on orders"),
            std::string::npos)
      << found[0].help;
}

}  // namespace
}  // namespace sqlgate::rules
