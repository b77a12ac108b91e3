#include <gtest/gtest.h>

#include "runner/errors.h"
#include "runner/plan.h"

namespace sqlgate::runner {
namespace {

lint::MigrationSet set_of(const std::vector<std::string>& names) {
  std::vector<lint::SourceFile> files;
  for (const auto& name : names) {
    lint::SourceFile file;
    file.path = name;
    file.display = name;
    file.text = "SELECT '" + name + "';\n";
    lint::classify(file);
    files.push_back(std::move(file));
  }
  return lint::make_set(std::move(files));
}

// Versions 1..n, each with an up and a down.
lint::MigrationSet versions(int n) {
  std::vector<std::string> names;
  for (int v = 1; v <= n; ++v) {
    names.push_back(std::to_string(v) + "_m" + std::to_string(v) + ".up.sql");
    names.push_back(std::to_string(v) + "_m" + std::to_string(v) + ".down.sql");
  }
  return set_of(names);
}

HistoryEntry row(std::string action, std::int64_t version, std::int64_t before, std::int64_t after,
                 std::string checksum = {}) {
  HistoryEntry entry;
  entry.action = std::move(action);
  entry.status = "applied";
  entry.version = version;
  entry.version_before = before;
  entry.version_after = after;
  entry.checksum = std::move(checksum);
  return entry;
}

std::vector<std::int64_t> applied(const SourceStatus& status) {
  std::vector<std::int64_t> out;
  for (const auto& v : status.versions) {
    if (v.applied) out.push_back(v.version);
  }
  return out;
}

std::vector<std::int64_t> out_of_order(const SourceStatus& status) {
  std::vector<std::int64_t> out;
  for (const auto& v : status.versions) {
    if (v.out_of_order) out.push_back(v.version);
  }
  return out;
}

std::vector<std::string> steps(const std::vector<PlannedStep>& plan) {
  std::vector<std::string> out;
  for (const auto& step : plan) {
    out.push_back(std::to_string(step.version) +
                  (step.direction == lint::Direction::up ? "/u " : "/d ") +
                  std::to_string(step.before) + "->" + std::to_string(step.after));
  }
  return out;
}

SourceStatus status_of(const lint::MigrationSet& set, StateRow state,
                       const std::vector<HistoryEntry>& history = {}) {
  return compute_status(set, index_migrations(set), state, history);
}

TEST(IndexMigrations, PairsUpsAndDownsByVersion) {
  auto set =
      set_of({"20240101000000_a.up.sql", "20240101000000_a.down.sql", "3_b.up.sql", "notes.sql"});
  auto migrations = index_migrations(set);
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].version, 3);
  EXPECT_EQ(migrations[0].down, -1);
  EXPECT_EQ(migrations[1].version, 20240101000000);
  EXPECT_EQ(migrations[1].name, "a");
  EXPECT_GE(migrations[1].down, 0);
}

TEST(IndexMigrations, RefusesVersionsBeyondBigint) {
  auto set = set_of({"99999999999999999999_huge.up.sql"});
  try {
    index_migrations(set);
    FAIL();
  } catch (const RunRefused& e) {
    EXPECT_NE(std::string(e.what()).find("bigint"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("99999999999999999999_huge.up.sql"), std::string::npos);
  }
}

TEST(IndexMigrations, RefusesTwoFilesOfOneVersionAndDirection) {
  EXPECT_THROW(index_migrations(set_of({"1_a.up.sql", "01_b.up.sql"})), RunRefused);
}

TEST(Status, AGolangMigrateDatabaseHasEverythingUpToItsVersionApplied) {
  auto set = versions(4);
  SourceStatus status = status_of(set, StateRow{2, false});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(out_of_order(status).empty());
  EXPECT_FALSE(status.drift());
  EXPECT_EQ(steps(make_plan(status, {})), (std::vector<std::string>{"3/u 2->3", "4/u 3->4"}));
}

TEST(Status, AVersionAddedBelowTheRecordedOneIsOutOfOrder) {
  auto set = set_of({"1_a.up.sql", "2_b.up.sql", "3_c.up.sql"});
  // sqlgate took over at 1 and applied 3; 2 came later.
  SourceStatus status = status_of(set, StateRow{3, false}, {row("up", 3, 1, 3)});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(out_of_order(status), (std::vector<std::int64_t>{2}));
  EXPECT_THROW(make_plan(status, {}), RunRefused);
  PlanRequest allow;
  allow.allow_out_of_order = true;
  EXPECT_EQ(steps(make_plan(status, allow)), (std::vector<std::string>{"2/u 3->3"}));
}

TEST(Status, VersionsAnotherToolMovedAcrossFollowTheVersion) {
  auto set = versions(6);
  // sqlgate applied 1 and 2; golang-migrate then went up to 5 and down to 4.
  SourceStatus status =
      status_of(set, StateRow{4, false}, {row("up", 1, -1, 1), row("up", 2, 1, 2)});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1, 2, 3, 4}));
  // sqlgate applied 1..3, golang-migrate went down to 1.
  status = status_of(set, StateRow{1, false},
                     {row("up", 1, -1, 1), row("up", 2, 1, 2), row("up", 3, 2, 3)});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1}));
  EXPECT_TRUE(out_of_order(status).empty());
}

TEST(Status, ForceSetsTheVersionBothWays) {
  auto set = versions(5);
  SourceStatus status = status_of(
      set, StateRow{2, false},
      {row("up", 1, -1, 1), row("up", 2, 1, 2), row("up", 3, 2, 3), row("force", 2, 3, 2)});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1, 2}));
  status = status_of(set, StateRow{4, false}, {row("up", 1, -1, 1), row("force", 4, 1, 4)});
  EXPECT_EQ(applied(status), (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST(Status, EditedAndMissingFilesAreDrift) {
  auto set = versions(2);
  SourceStatus status =
      status_of(set, StateRow{3, false},
                {row("up", 1, -1, 1, "0000"), row("up", 2, 1, 2), row("up", 3, 2, 3)});
  const VersionStatus* one = status.find(1);
  ASSERT_NE(one, nullptr);
  EXPECT_TRUE(one->edited);
  EXPECT_FALSE(status.find(2)->edited) << "no checksum recorded: nothing to compare";
  ASSERT_NE(status.find(3), nullptr);
  EXPECT_TRUE(status.find(3)->file_missing);
  EXPECT_TRUE(status.drift());
  try {
    make_plan(status, {});
    FAIL();
  } catch (const RunRefused& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("1 m1: edited"), std::string::npos) << message;
    EXPECT_NE(message.find("3: applied, but its up file is gone"), std::string::npos) << message;
  }
  PlanRequest allow;
  allow.allow_drift = true;
  EXPECT_TRUE(make_plan(status, allow).empty());
}

TEST(Plan, DirtyRefusesWithGolangMigratesMessage) {
  auto set = versions(2);
  try {
    make_plan(status_of(set, StateRow{2, true}), {});
    FAIL();
  } catch (const DirtyDatabase& e) {
    EXPECT_STREQ(e.what(), "Dirty database version 2. Fix and force version.");
  }
}

TEST(Plan, UpDownAndGoto) {
  auto set = versions(4);
  SourceStatus at_two = status_of(set, StateRow{2, false});
  PlanRequest up_one;
  up_one.count = 1;
  EXPECT_EQ(steps(make_plan(at_two, up_one)), (std::vector<std::string>{"3/u 2->3"}));
  PlanRequest down;
  down.goal = Goal::down;
  EXPECT_EQ(steps(make_plan(at_two, down)), (std::vector<std::string>{"2/d 2->1"}));
  PlanRequest all;
  all.goal = Goal::down_all;
  EXPECT_EQ(steps(make_plan(at_two, all)), (std::vector<std::string>{"2/d 2->1", "1/d 1->-1"}));
  PlanRequest to;
  to.goal = Goal::to_version;
  to.target = 4;
  EXPECT_EQ(steps(make_plan(at_two, to)), (std::vector<std::string>{"3/u 2->3", "4/u 3->4"}));
  to.target = 1;
  EXPECT_EQ(steps(make_plan(at_two, to)), (std::vector<std::string>{"2/d 2->1"}));
  to.target = 2;
  EXPECT_TRUE(make_plan(at_two, to).empty());
  to.target = 9;
  EXPECT_THROW(make_plan(at_two, to), std::invalid_argument);
  EXPECT_TRUE(make_plan(status_of(set, StateRow{}), down).empty()) << "nothing to revert";
}

TEST(Plan, DownSkipsVersionsThatWereNeverApplied) {
  auto set = versions(3);
  // 2 is pending below 3: reverting 3 goes back to 1.
  SourceStatus status =
      status_of(set, StateRow{3, false}, {row("up", 1, -1, 1), row("up", 3, 1, 3)});
  PlanRequest down;
  down.goal = Goal::down;
  EXPECT_EQ(steps(make_plan(status, down)), (std::vector<std::string>{"3/d 3->1"}));
}

TEST(Plan, DownNeedsADownFile) {
  auto set = set_of({"1_a.up.sql", "2_b.up.sql"});
  PlanRequest down;
  down.goal = Goal::down;
  EXPECT_THROW(make_plan(status_of(set, StateRow{2, false}), down), RunRefused);
}

}  // namespace
}  // namespace sqlgate::runner
