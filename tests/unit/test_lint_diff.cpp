#include <random>

#include <gtest/gtest.h>

#include "lint/diff.h"
#include "tests/support/testing.h"

namespace sqlgate::lint {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "f.sql"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(unified_diff(before, after, "m/1_a.up.sql"),
            "--- a/m/1_a.up.sql\n"
            "+++ b/m/1_a.up.sql\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesMakeTwoHunks) {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("18\n"), 3, "");
  EXPECT_EQ(unified_diff(before, after, "f", false, 1),
            "--- a/f\n+++ b/f\n"
            "@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n"
            "@@ -17,3 +17,2 @@\n 17\n-18\n 19\n");
}

TEST(UnifiedDiff, MissingNewlineAtEndIsMarked) {
  EXPECT_EQ(unified_diff("a\nb", "a\nb\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiff, CreatedAndEmptiedFiles) {
  EXPECT_EQ(unified_diff("", "x\ny\n", "d/1_a.down.sql", true),
            "--- /dev/null\n+++ b/d/1_a.down.sql\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  EXPECT_EQ(unified_diff("x\n", "", "f"), "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-x\n");
  EXPECT_EQ(unified_diff("x\n", "x\ny\n", "f"), "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n x\n+y\n");
}

// Count of changed lines: what a minimal diff has to touch.
std::size_t changed_lines(const std::string& diff) {
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < diff.size()) {
    std::size_t end = diff.find('\n', start);
    std::string_view line(diff.data() + start, end - start);
    if ((line.starts_with('+') && !line.starts_with("+++")) ||
        (line.starts_with('-') && !line.starts_with("---"))) {
      ++count;
    }
    start = end + 1;
  }
  return count;
}

// Random texts: GNU patch applies every diff exactly, and each diff is as small as GNU diff's
// --minimal.
TEST(UnifiedDiff, PatchAppliesItAndItIsMinimal) {
  std::mt19937 random(20251220);
  testing::TempDir dir;
  const char* words[] = {"a", "b", "c", "CREATE TABLE t (id int);", "", "d"};
  for (int round = 0; round < 60; ++round) {
    auto text = [&](int lines) {
      std::string out;
      for (int i = 0; i < lines; ++i) out += std::string(words[random() % 6]) + "\n";
      if (random() % 5 == 0 && !out.empty()) out.pop_back();
      return out;
    };
    std::string before = text(static_cast<int>(random() % 30));
    std::string after = before;
    // Mutate: replace, insert and delete a few lines.
    for (int edits = static_cast<int>(random() % 5); edits > 0; --edits) {
      std::string other = text(static_cast<int>(random() % 3));
      std::size_t at = after.empty() ? 0 : random() % after.size();
      at = after.rfind('\n', at) == std::string::npos ? 0 : after.rfind('\n', at) + 1;
      std::size_t len = random() % 2 ? 0 : after.find('\n', at);
      if (len == std::string::npos) len = after.size();
      if (len != 0) len = len - at;
      after.replace(at, len, other);
    }
    std::string diff = unified_diff(before, after, "f");
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    auto before_path = dir.write("before", before);
    auto diff_path = dir.write("patch", diff);
    auto out_path = dir.path() / "out";
    auto patched = testing::run_program(
        {"patch", "-s", "-o", out_path.string(), before_path.string(), "-i", diff_path.string()});
    ASSERT_EQ(patched.exit_code, 0) << patched.out << patched.err << diff;
    EXPECT_EQ(testing::read_file(out_path), after) << diff;
    auto after_path = dir.write("after", after);
    auto gnu = testing::run_program(
        {"diff", "--minimal", "-u", before_path.string(), after_path.string()});
    EXPECT_EQ(changed_lines(diff), changed_lines(gnu.out)) << diff << "\nGNU:\n" << gnu.out;
  }
}

}  // namespace
}  // namespace sqlgate::lint
