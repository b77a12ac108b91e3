#include <gtest/gtest.h>

#include "lint/source.h"
#include "tests/support/testing.h"

namespace sqlgate::lint {
namespace {

TEST(Version, ComparesNumericallyAtAnyLength) {
  EXPECT_LT(Version("9"), Version("10"));
  EXPECT_EQ(Version("0001"), Version("1"));
  EXPECT_EQ(Version("0001").raw(), "0001");
  EXPECT_EQ(Version("000").digits(), "0");
  EXPECT_LT(Version("20150100000001000000"), Version("20150100000001000001"));
  EXPECT_GT(Version("100000000000000000000"), Version("99999999999999999999"));
  EXPECT_THROW(Version("12a"), std::invalid_argument);
  EXPECT_THROW(Version(""), std::invalid_argument);
}

TEST(Version, KnowsWhenItFitsBigint) {
  EXPECT_EQ(Version("9223372036854775807").as_bigint(), 9223372036854775807LL);
  EXPECT_FALSE(Version("9223372036854775808").as_bigint().has_value());
  EXPECT_FALSE(Version("20150100000001000000").as_bigint().has_value());
  EXPECT_EQ(Version("00042").as_bigint(), 42);
}

TEST(MigrationName, FollowsGolangMigratesLoader) {
  auto name = parse_migration_name("20251220123456_add_campaigns.up.sql");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->version.raw(), "20251220123456");
  EXPECT_EQ(name->name, "add_campaigns");
  EXPECT_EQ(name->direction, Direction::up);
  EXPECT_EQ(name->extension, "sql");

  auto down = parse_migration_name("1_x.down.sql");
  ASSERT_TRUE(down);
  EXPECT_EQ(down->direction, Direction::down);

  // The name is greedy: the last .up. or .down. decides.
  auto greedy = parse_migration_name("3_a.down.b.up.sql");
  ASSERT_TRUE(greedy);
  EXPECT_EQ(greedy->name, "a.down.b");
  EXPECT_EQ(greedy->direction, Direction::up);

  // Loaded by golang-migrate with another extension: not a migration sqlgate runs.
  auto backup = parse_migration_name("1_x.up.sql.bak");
  ASSERT_TRUE(backup);
  EXPECT_EQ(backup->extension, "sql.bak");

  EXPECT_FALSE(parse_migration_name("1_x.UP.sql"));
  EXPECT_FALSE(parse_migration_name("1-x.up.sql"));
  EXPECT_FALSE(parse_migration_name("x.up.sql"));
  EXPECT_FALSE(parse_migration_name("1_x.sql"));
  EXPECT_FALSE(parse_migration_name("V0001.Initial.up.sql"));
  // An empty name is allowed by the regex.
  auto empty = parse_migration_name("1_.up.sql");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->name, "");
}

TEST(Discover, PairsAndOrdersAFolder) {
  testing::TempDir dir;
  dir.write("10_b.up.sql", "SELECT 1;");
  dir.write("10_b.down.sql", "SELECT 1;");
  dir.write("9_a.up.sql", "SELECT 1;");
  dir.write("9_a.down.sql", "SELECT 1;");
  dir.write("README.md", "# readme");
  dir.write("notes.SQL", "SELECT 1;");
  dir.write("sub/11_c.up.sql", "SELECT 1;");

  MigrationSet set = discover({dir.path().string()}, {});
  std::vector<std::string> names;
  for (const auto& file : set.files) names.push_back(file.path.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"9_a.up.sql", "9_a.down.sql", "10_b.up.sql",
                                             "10_b.down.sql", "README.md", "notes.SQL"}));
  EXPECT_EQ(set.partner(set.files[0])->path.filename(), "9_a.down.sql");
  EXPECT_EQ(set.partner(set.files[3])->path.filename(), "10_b.up.sql");
  EXPECT_TRUE(set.files[5].is_sql);
  EXPECT_FALSE(set.files[5].migration);
  EXPECT_FALSE(set.files[4].is_sql);
  EXPECT_TRUE(set.files[4].text.empty()) << "only SQL files are read";

  MigrationSet recursive = discover({dir.path().string()}, DiscoverOptions{true});
  EXPECT_EQ(recursive.files.size(), 7u);
}

TEST(Discover, StopsAtASymlinkLoop) {
  testing::TempDir dir;
  dir.write("a/1_x.up.sql", "SELECT 1;");
  std::filesystem::create_directory_symlink("..", dir.path() / "a" / "loop");
  MigrationSet set = discover({dir.path().string()}, DiscoverOptions{true});
  EXPECT_EQ(set.files.size(), 1u);
  ASSERT_FALSE(set.warnings.empty());
  EXPECT_NE(set.warnings.front().find("symlink loop"), std::string::npos);
}

TEST(Discover, FollowsLinksAndWarnsOfBrokenOnes) {
  testing::TempDir dir;
  dir.write("elsewhere/2_b.up.sql", "SELECT 2;");
  dir.write("elsewhere/deeper/3_c.up.sql", "SELECT 3;");
  dir.write("m/1_a.up.sql", "SELECT 1;");
  namespace fs = std::filesystem;
  fs::create_symlink(dir.path() / "elsewhere" / "2_b.up.sql", dir.path() / "m" / "2_b.up.sql");
  fs::create_directory_symlink(dir.path() / "elsewhere" / "deeper", dir.path() / "m" / "linked");
  fs::create_symlink(dir.path() / "nowhere.sql", dir.path() / "m" / "4_d.up.sql");
  std::string m = (dir.path() / "m").string();

  MigrationSet flat = discover({m}, {});
  std::vector<std::string> names;
  for (const auto& file : flat.files) names.push_back(file.display.substr(m.size() + 1));
  EXPECT_EQ(names, (std::vector<std::string>{"1_a.up.sql", "2_b.up.sql"}));
  EXPECT_EQ(flat.files[1].text, "SELECT 2;") << "a link to a file is read through";
  ASSERT_EQ(flat.warnings.size(), 1u);
  EXPECT_EQ(flat.warnings[0], m + "/4_d.up.sql: broken symbolic link, skipped");

  MigrationSet recursive = discover({m}, DiscoverOptions{true});
  names.clear();
  for (const auto& file : recursive.files) names.push_back(file.display.substr(m.size() + 1));
  EXPECT_EQ(names, (std::vector<std::string>{"1_a.up.sql", "2_b.up.sql", "linked/3_c.up.sql"}))
      << "a link to a folder is entered with --recursive";
  EXPECT_EQ(recursive.files[2].path, fs::path(m) / "linked" / "3_c.up.sql");
}

TEST(Discover, ReadsEveryFileOfALargeFolderInVersionOrder) {
  testing::TempDir dir;
  for (int i = 1; i <= 300; ++i) {
    dir.write(std::to_string(i) + "_m.up.sql", "SELECT " + std::to_string(i) + ";");
  }
  MigrationSet set = discover({dir.path().string()}, {});
  ASSERT_EQ(set.files.size(), 300u);
  for (std::size_t i = 0; i < set.files.size(); ++i) {
    ASSERT_EQ(set.files[i].text, "SELECT " + std::to_string(i + 1) + ";");
  }
}

TEST(Discover, MissingPathThrows) {
  EXPECT_THROW(discover({"/nonexistent/sqlgate"}, {}), SourceError);
}

TEST(Discover, GuessesTheDirectionOfOtherNames) {
  SourceFile down;
  down.path = "2024-01-01-000000_x/down.sql";
  classify(down);
  EXPECT_EQ(down.role(), Direction::down);
  SourceFile harness;
  harness.path = "0001_x_down.sql";
  classify(harness);
  EXPECT_EQ(harness.role(), Direction::down);
  SourceFile up;
  up.path = "V0001.Initial.up.sql";
  classify(up);
  EXPECT_EQ(up.role(), Direction::up);
}

}  // namespace
}  // namespace sqlgate::lint
