#include <gtest/gtest.h>

#include "lint/fix.h"

namespace sqlgate::lint {
namespace {

TEST(ApplyEdits, AppliesFromTheEndBackwards) {
  std::string text = "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);\n";
  std::vector<Edit> edits = {{{13, 13}, "IF NOT EXISTS "}, {{38, 38}, "IF NOT EXISTS "}};
  EXPECT_EQ(apply_edits(text, edits),
            "CREATE TABLE IF NOT EXISTS t (id int);\nCREATE INDEX IF NOT EXISTS i ON t (id);\n");
}

TEST(ApplyEdits, SkipsOverlapsAndCountsThem) {
  std::size_t skipped = 0;
  std::string result =
      apply_edits("abcdef", {{{1, 3}, "X"}, {{2, 4}, "Y"}, {{5, 6}, ""}}, &skipped);
  EXPECT_EQ(result, "aXde");
  EXPECT_EQ(skipped, 1u);
}

TEST(ApplyEdits, SameEditTwiceCountsOnce) {
  std::size_t skipped = 0;
  EXPECT_EQ(apply_edits("ab", {{{1, 1}, "-"}, {{1, 1}, "-"}}, &skipped), "a-b");
  EXPECT_EQ(skipped, 0u);
}

TEST(ApplyEdits, RejectsRangesOutsideTheText) {
  std::size_t skipped = 0;
  EXPECT_EQ(apply_edits("ab", {{{1, 9}, "-"}}, &skipped), "ab");
  EXPECT_EQ(skipped, 1u);
}

}  // namespace
}  // namespace sqlgate::lint
