// The difference between two snapshots, on snapshots built by hand (the database side is in
// tests/runner/test_runner_snapshot.cpp).
#include <gtest/gtest.h>

#include "runner/snapshot.h"

namespace sqlgate::runner {
namespace {

Snapshot users_table() {
  Snapshot s;
  s.objects["table public.users"] = {"OWNER postgres", ""};
  s.objects["column public.users.id"] = {"bigint NOT NULL", "table public.users"};
  s.objects["column public.users.email"] = {"text", "table public.users"};
  s.objects["constraint public.users.users_pkey"] = {"PRIMARY KEY (id)", "table public.users"};
  s.objects["index public.users_pkey"] = {"CREATE UNIQUE INDEX ...", "table public.users"};
  s.rows["table public.users"] = TableRows{"id", 2, true, {"(1)", "(2)"}};
  return s;
}

TEST(SnapshotDiff, EqualSnapshotsHaveNoDifference) {
  EXPECT_TRUE(diff(users_table(), users_table()).empty());
  EXPECT_EQ(users_table(), users_table());
}

TEST(SnapshotDiff, ReportsAChangedDefinitionWithBeforeAndAfter) {
  Snapshot after = users_table();
  after.objects["column public.users.email"].definition = "text NOT NULL";
  auto differences = diff(users_table(), after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].object, "column public.users.email");
  EXPECT_EQ(differences[0].before, "text");
  EXPECT_EQ(differences[0].after, "text NOT NULL");
}

TEST(SnapshotDiff, ALeftOverObjectHasNoBefore) {
  Snapshot after = users_table();
  after.objects["column public.users.nickname"] = {"text", "table public.users"};
  auto differences = diff(users_table(), after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].object, "column public.users.nickname");
  EXPECT_FALSE(differences[0].before.has_value());
  EXPECT_EQ(differences[0].after, "text");
}

TEST(SnapshotDiff, ADroppedTableSaysWhatWentWithItOnce) {
  Snapshot before = users_table();
  Snapshot after;
  auto differences = diff(before, after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].object, "table public.users");
  EXPECT_EQ(differences[0].before,
            "OWNER postgres; columns email, id; 1 constraint, 1 index; 2 rows");
  EXPECT_FALSE(differences[0].after.has_value());
}

TEST(SnapshotDiff, DuplicatedRowsShowTheKeysAdded) {
  Snapshot after = users_table();
  after.rows["table public.users"] = TableRows{"id", 4, true, {"(1)", "(2)", "(3)", "(4)"}};
  auto differences = diff(users_table(), after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].object, "rows of table public.users");
  EXPECT_EQ(differences[0].before, "2 rows");
  EXPECT_EQ(differences[0].after, "4 rows; added (id)=(3), (id)=(4)");
}

TEST(SnapshotDiff, ReplacedKeysShowBothSidesAndLongListsAreCut) {
  Snapshot before = users_table();
  Snapshot after = users_table();
  after.rows["table public.users"].keys = {"(1)", "(9)"};
  auto differences = diff(before, after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].after, "2 rows; added (id)=(9); removed (id)=(2)");

  before.rows["table public.users"] = TableRows{"name", 0, true, {}};
  after.rows["table public.users"] =
      TableRows{"name", 7, true, {"(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"}};
  differences = diff(before, after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].after,
            "7 rows; added (name)=(a), (name)=(b), (name)=(c), (name)=(d), (name)=(e) and 2 more");
}

TEST(SnapshotDiff, BigTablesCompareTheirCountOnly) {
  Snapshot before = users_table();
  Snapshot after = users_table();
  before.rows["table public.users"] = TableRows{"id", 20000, false, {}};
  after.rows["table public.users"] = TableRows{"id", 20000, false, {}};
  EXPECT_TRUE(diff(before, after).empty());
  after.rows["table public.users"].count = 20001;
  auto differences = diff(before, after);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].after, "20001 rows");
}

}  // namespace
}  // namespace sqlgate::runner
