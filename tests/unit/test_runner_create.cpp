#include <gtest/gtest.h>

#include "runner/create.h"
#include "runner/errors.h"
#include "tests/support/testing.h"

namespace sqlgate::runner {
namespace {

namespace fs = std::filesystem;

// 2025-12-20 12:34:56.789 UTC
std::chrono::system_clock::time_point sample_time() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1766234096)) +
         std::chrono::milliseconds(789);
}

TEST(GoTime, FormatsGolangMigratesDefaultLayout) {
  EXPECT_EQ(format_go_time("20060102150405", sample_time(), "UTC"), "20251220123456");
  EXPECT_EQ(format_go_time("2006-01-02 15:04:05.000 Jan PM", sample_time(), "UTC"),
            "2025-12-20 12:34:56.789 Dec PM");
  EXPECT_EQ(format_go_time("060102", sample_time(), "UTC"), "251220");
}

TEST(GoTime, HonoursTheTimeZone) {
  EXPECT_EQ(format_go_time("20060102150405", sample_time(), "Asia/Tokyo"), "20251220213456");
  EXPECT_THROW(format_go_time("2006", sample_time(), "Mars/Olympus"), std::invalid_argument);
}

TEST(Create, WritesAnEmptyPairNamedWithATimestamp) {
  testing::TempDir dir;
  CreateOptions options{.dir = (dir.path() / "migrations").string(), .name = "add_users"};
  options.now = sample_time();
  auto created = create_migration(options);
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(created[0].filename(), "20251220123456_add_users.up.sql");
  EXPECT_EQ(created[1].filename(), "20251220123456_add_users.down.sql");
  EXPECT_EQ(testing::read_file(created[0]), "");
  try {
    CreateOptions other = options;
    other.name.replace(0, other.name.size(), "other_name");
    create_migration(other);
    FAIL() << "created a second migration with the same version";
  } catch (const RunRefused& e) {
    EXPECT_NE(std::string(e.what()).find("duplicate migration version: 20251220123456"),
              std::string::npos);
  }
}

TEST(Create, SequenceNumbersFollowTheHighestVersion) {
  testing::TempDir dir;
  dir.write("000007_b.up.sql", "");
  dir.write("000003_a.up.sql", "");
  dir.write("README.md", "");
  CreateOptions options{.dir = dir.path().string(), .name = "c", .sequential = true};
  EXPECT_EQ(create_migration(options)[0].filename(), "000008_c.up.sql");
  CreateOptions narrow{.dir = dir.path().string(), .name = "d", .sequential = true, .digits = 1};
  EXPECT_EQ(create_migration(narrow)[0].filename(), "9_d.up.sql");
  CreateOptions too_narrow{
      .dir = dir.path().string(), .name = "e", .sequential = true, .digits = 1};
  EXPECT_THROW(create_migration(too_narrow), std::invalid_argument) << "10 needs two digits";
}

TEST(Create, RefusesAVersionThatIsNotANumber) {
  testing::TempDir dir;
  CreateOptions options{.dir = dir.path().string(), .name = "x", .time_format = "2006-01-02"};
  EXPECT_THROW(create_migration(options), std::invalid_argument);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace sqlgate::runner
