#include <gtest/gtest.h>

#include "runner/sources.h"
#include "tests/support/testing.h"

namespace sqlgate::runner {
namespace {

using testing::TempDir;

TEST(SourceSpec, ParsesNameEqualsDir) {
  SourceSpec spec = parse_source_spec("queue=vendor/queue/migrations");
  EXPECT_EQ(spec.name, "queue");
  EXPECT_EQ(spec.dir, "vendor/queue/migrations");
  EXPECT_EQ(parse_source_spec("a=b=c").dir, "b=c");
  EXPECT_THROW(parse_source_spec("queue"), std::invalid_argument);
  EXPECT_THROW(parse_source_spec("=dir"), std::invalid_argument);
  EXPECT_THROW(parse_source_spec("queue="), std::invalid_argument);
}

TEST(LoadSource, PairsUpsWithDownsInVersionOrder) {
  TempDir dir;
  dir.write("m/10_c.up.sql", "SELECT 3;");
  dir.write("m/2_b.up.sql", "SELECT 2;");
  dir.write("m/2_b.down.sql", "SELECT 2;");
  dir.write("m/1_a.up.sql", "SELECT 1;");
  dir.write("m/1_a.down.sql", "SELECT 1;");
  dir.write("m/notes.txt", "not a migration");
  LoadedSource source = load_source({"", (dir.path() / "m").string()});
  ASSERT_EQ(source.migrations.size(), 3u);
  EXPECT_EQ(source.migrations[0].version.raw(), "1");
  EXPECT_EQ(source.migrations[1].name, "b");
  EXPECT_EQ(source.migrations[2].version.raw(), "10");
  EXPECT_EQ(source.down(source.migrations[2]), nullptr);
  ASSERT_NE(source.down(source.migrations[0]), nullptr);
  EXPECT_EQ(source.down(source.migrations[0])->migration->direction, lint::Direction::down);
  EXPECT_EQ(source.up(source.migrations[1])->text, "SELECT 2;");
  EXPECT_EQ(source.label(source.migrations[0]), "1_a");
  EXPECT_TRUE(source.warnings.empty());
}

TEST(LoadSource, NamedSourcesLabelTheirMigrations) {
  TempDir dir;
  dir.write("q/1_jobs.up.sql", "SELECT 1;");
  LoadedSource source = load_source({"queue", (dir.path() / "q").string()});
  EXPECT_EQ(source.label(source.migrations[0]), "queue/1_jobs");
}

TEST(LoadSource, WarnsAboutADownWithoutAnUp) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;");
  dir.write("m/2_b.down.sql", "SELECT 2;");
  LoadedSource source = load_source({"", (dir.path() / "m").string()});
  EXPECT_EQ(source.migrations.size(), 1u);
  ASSERT_EQ(source.warnings.size(), 1u);
  EXPECT_NE(source.warnings[0].find("2_b.down.sql"), std::string::npos);
}

TEST(LoadSource, RefusesTwoUpsOfOneVersion) {
  TempDir dir;
  dir.write("m/1_a.up.sql", "SELECT 1;");
  dir.write("m/001_b.up.sql", "SELECT 1;");
  try {
    load_source({"", (dir.path() / "m").string()});
    FAIL() << "expected a SourceError";
  } catch (const lint::SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("two up migrations have version"), std::string::npos);
  }
}

TEST(LoadSource, MissingFolderIsASourceError) {
  TempDir dir;
  EXPECT_THROW(load_source({"", (dir.path() / "nothing").string()}), lint::SourceError);
}

}  // namespace
}  // namespace sqlgate::runner
