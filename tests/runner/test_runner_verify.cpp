// verify on the test server: a correct set passes, and each kind of failure is caught at the
// right step and file.
#include <gtest/gtest.h>

#include "runner/verify.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate::runner {
namespace {

std::string fixture(const std::string& name) {
  return (testing::source_dir() / "tests/runner/verify" / name).string();
}

VerifyResult run(const std::vector<std::string>& dirs, VerifyOptions options = {}) {
  TemporaryDatabase database(testing::test_database_url());
  std::vector<LoadedSource> sources;
  for (const auto& dir : dirs) sources.push_back(load_source({"", dir}));
  return verify(database, sources, options);
}

const MigrationResult& migration(const VerifyResult& result, const std::string& label) {
  for (const auto& m : result.migrations) {
    if (m.label == label) return m;
  }
  throw std::runtime_error("no migration " + label);
}

std::string ends_with_file(const std::string& path) {
  return path.substr(path.rfind('/') + 1);
}

// Writes m/<name>.up.sql and m/<name>.down.sql.
void write_pair(const testing::TempDir& dir, const std::string& name, const std::string& up,
                const std::string& down) {
  dir.write("m/" + name + ".up.sql", up);
  dir.write("m/" + name + ".down.sql", down);
}

bool names(const StepResult& step, const std::string& object) {
  for (const auto& d : step.differences) {
    if (d.object == object) return true;
  }
  return false;
}

TEST(Verify, ACorrectSetPassesAndSaysWhatItSkipped) {
  std::vector<std::string> labels;
  VerifyOptions options;
  options.progress = [&labels](const MigrationResult& m) { labels.push_back(m.label); };
  VerifyResult result = run({fixture("pass")}, options);
  EXPECT_TRUE(result.ok()) << result.stopped;
  EXPECT_EQ(result.passed, 9u);
  EXPECT_EQ(result.failed, 0u);
  EXPECT_EQ(labels.size(), 9u);
  for (const auto& m : result.migrations) {
    EXPECT_EQ(m.status, MigrationStatus::passed) << m.label;
    ASSERT_EQ(m.steps.size(), 5u);
    EXPECT_EQ(m.failure(), nullptr);
  }

  const auto& rename = migration(result, "20240107120000_rename_host_details");
  EXPECT_EQ(rename.steps[1].status, StepStatus::skipped);
  EXPECT_NE(rename.steps[1].reason.find("run-once: a rename cannot run twice"), std::string::npos);
  EXPECT_EQ(rename.steps[2].status, StepStatus::passed);
  EXPECT_EQ(rename.steps[3].status, StepStatus::skipped);
  EXPECT_EQ(rename.steps[4].status, StepStatus::passed);

  const auto& billing = migration(result, "20240108120000_add_billing_role");
  EXPECT_EQ(billing.steps[1].status, StepStatus::passed);
  for (std::size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(billing.steps[i].status, StepStatus::skipped);
    EXPECT_NE(billing.steps[i].reason.find("irreversible: PostgreSQL cannot remove a value"),
              std::string::npos);
  }
}

TEST(Verify, CatchesANonIdempotentUp) {
  VerifyResult result = run({fixture("up_not_idempotent")});
  EXPECT_FALSE(result.ok());
  const auto& m = migration(result, "20240202090000_create_audit_log");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::up_again);
  ASSERT_TRUE(m.failure()->error);
  EXPECT_EQ(ends_with_file(m.failure()->error->file), "20240202090000_create_audit_log.up.sql");
  EXPECT_EQ(m.failure()->error->position, (lint::Position{2, 1}));
  EXPECT_EQ(m.failure()->error->sqlstate, "42P07");
  // The down is checked all the same, from the state the first up left.
  EXPECT_EQ(m.steps[2].status, StepStatus::passed);
  EXPECT_EQ(m.steps[3].status, StepStatus::passed);
  EXPECT_EQ(m.steps[4].status, StepStatus::passed) << "the down dropped what the up made";
}

// A down that leaves a column behind, after an up that wrote a random key: made again, the
// database gets another key, and the checks go on from there with a note instead of stopping.
TEST(Verify, GoesOnWhenTheUpsAppliedAgainWriteOtherRandomRows) {
  testing::TempDir dir;
  write_pair(dir, "1_networks",
             "CREATE TABLE IF NOT EXISTS networks (id uuid PRIMARY KEY);\n"
             "INSERT INTO networks (id) SELECT gen_random_uuid() "
             "WHERE NOT EXISTS (SELECT FROM networks);\n",
             "DROP TABLE IF EXISTS networks;\n");
  write_pair(dir, "2_note", "COMMENT ON TABLE networks IS NULL;\n",
             "ALTER TABLE networks ADD COLUMN IF NOT EXISTS extra int;\n");
  write_pair(dir, "3_c", "CREATE TABLE IF NOT EXISTS c (id int);\n", "DROP TABLE IF EXISTS c;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  const auto& note = migration(result, "2_note");
  EXPECT_EQ(note.status, MigrationStatus::failed);
  EXPECT_EQ(note.steps[2].status, StepStatus::failed) << "the down leaves the column";
  ASSERT_EQ(note.notes.size(), 1u);
  EXPECT_NE(note.notes[0].find("other rows in table public.networks"), std::string::npos)
      << note.notes[0];
  EXPECT_TRUE(result.stopped.empty()) << result.stopped;
  EXPECT_EQ(migration(result, "3_c").status, MigrationStatus::passed);
}

// A no-transaction up whose second run writes a row, then fails: the database is made again
// and the random key comes back otherwise, so the state before the up is not known and the
// down is not judged; the migrations after it still are.
TEST(Verify, LeavesTheDownUnjudgedWhenTheStateBeforeTheUpIsLost) {
  testing::TempDir dir;
  write_pair(dir, "1_networks",
             "CREATE TABLE IF NOT EXISTS networks (id uuid PRIMARY KEY);\n"
             "INSERT INTO networks (id) SELECT gen_random_uuid() "
             "WHERE NOT EXISTS (SELECT FROM networks);\n"
             "CREATE TABLE IF NOT EXISTS events (id serial PRIMARY KEY);\n",
             "DROP TABLE IF EXISTS events;\nDROP TABLE IF EXISTS networks;\n");
  write_pair(dir, "2_log",
             "-- sqlgate:no-transaction\n"
             "INSERT INTO events DEFAULT VALUES;\n"
             "ALTER TABLE events ADD COLUMN note text;\n",
             "ALTER TABLE events DROP COLUMN IF EXISTS note;\n");
  write_pair(dir, "3_c", "CREATE TABLE IF NOT EXISTS c (id int);\n", "DROP TABLE IF EXISTS c;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  const auto& log = migration(result, "2_log");
  EXPECT_EQ(log.status, MigrationStatus::failed);
  EXPECT_EQ(log.steps[1].status, StepStatus::failed);
  EXPECT_EQ(log.steps[2].status, StepStatus::not_run);
  ASSERT_EQ(log.notes.size(), 1u);
  EXPECT_NE(log.notes[0].find("the down was not checked"), std::string::npos) << log.notes[0];
  EXPECT_TRUE(result.stopped.empty()) << result.stopped;
  EXPECT_EQ(migration(result, "3_c").status, MigrationStatus::passed);
}

// An up that cannot run twice and a down that leaves something: one run reports both, and
// the state is brought back for the migrations after it.
TEST(Verify, ReportsTheDownOfAnUpThatFailsItsSecondRun) {
  testing::TempDir dir;
  write_pair(dir, "1_a",
             "CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN IF NOT EXISTS note text;\n",
             "ALTER TABLE a DROP COLUMN IF EXISTS note;\n");
  write_pair(dir, "2_b", "CREATE TABLE IF NOT EXISTS b (id int);\n", "DROP TABLE IF EXISTS b;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  const auto& a = migration(result, "1_a");
  EXPECT_EQ(a.status, MigrationStatus::failed);
  EXPECT_EQ(a.steps[1].status, StepStatus::failed);
  ASSERT_TRUE(a.steps[1].error);
  EXPECT_EQ(a.steps[1].error->sqlstate, "42P07");
  EXPECT_EQ(a.steps[2].status, StepStatus::failed) << "the down leaves table a";
  EXPECT_TRUE(names(a.steps[2], "table public.a"));
  EXPECT_EQ(a.steps[3].status, StepStatus::not_run);
  EXPECT_EQ(migration(result, "2_b").status, MigrationStatus::passed);
}

TEST(Verify, CatchesANonIdempotentDown) {
  VerifyResult result = run({fixture("down_not_idempotent")});
  const auto& m = migration(result, "20240202090000_add_organization_plan");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::down_again);
  ASSERT_TRUE(m.failure()->error);
  EXPECT_EQ(ends_with_file(m.failure()->error->file),
            "20240202090000_add_organization_plan.down.sql");
  EXPECT_EQ(m.failure()->error->position, (lint::Position{2, 1}));
  EXPECT_EQ(m.failure()->error->sqlstate, "42703");
}

TEST(Verify, CatchesADownThatLeavesAColumn) {
  VerifyResult result = run({fixture("down_leaves_column")});
  const auto& m = migration(result, "20240202090000_add_organization_plan");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::down);
  EXPECT_FALSE(m.failure()->error);
  ASSERT_EQ(m.failure()->differences.size(), 1u);
  const Difference& d = m.failure()->differences[0];
  EXPECT_EQ(d.object, "column public.organizations.plan");
  EXPECT_FALSE(d.before.has_value());
  EXPECT_EQ(d.after, "text NOT NULL DEFAULT 'free'::text");
}

TEST(Verify, CatchesADownThatFailsOnForeignKeyOrder) {
  VerifyResult result = run({fixture("down_fk_order")});
  const auto& m = migration(result, "20240202090000_create_campaigns");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::down);
  ASSERT_TRUE(m.failure()->error);
  EXPECT_EQ(ends_with_file(m.failure()->error->file), "20240202090000_create_campaigns.down.sql");
  EXPECT_EQ(m.failure()->error->position, (lint::Position{1, 1}));
  EXPECT_EQ(m.failure()->error->sqlstate, "2BP01");
  EXPECT_NE(m.failure()->error->detail.find("campaign_targets"), std::string::npos);
}

TEST(Verify, CatchesASeedThatDuplicatesRowsAndChecksTheMigrationsAfterIt) {
  VerifyResult result = run({fixture("seed_duplicates")});
  const auto& m = migration(result, "20240202090000_seed_plans");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::up_again);
  ASSERT_EQ(m.failure()->differences.size(), 1u);
  const Difference& d = m.failure()->differences[0];
  EXPECT_EQ(d.object, "rows of table public.plans");
  EXPECT_EQ(d.before, "3 rows");
  // The key is a serial: its values are the sequence's, only the count tells.
  EXPECT_EQ(d.after, "6 rows");
  // The database was rebuilt to the state after the first up: the next migration is checked.
  const auto& next = migration(result, "20240203090000_create_plan_features");
  EXPECT_EQ(next.status, MigrationStatus::passed);
  EXPECT_TRUE(result.stopped.empty()) << result.stopped;
  EXPECT_EQ(result.failed, 1u);
  EXPECT_EQ(result.passed, 2u);
}

TEST(Verify, CatchesADownThatDropsMoreThanItsUpCreated) {
  VerifyResult result = run({fixture("down_drops_more")});
  const auto& m = migration(result, "20240202090000_create_teams");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::down);
  EXPECT_TRUE(names(*m.failure(), "table public.organizations"));
  ASSERT_EQ(m.failure()->differences.size(), 1u);
  EXPECT_FALSE(m.failure()->differences[0].after.has_value());
}

TEST(Verify, AFailingUpStopsTheRun) {
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  dir.write("m/1_a.down.sql", "DROP TABLE IF EXISTS a;\n");
  dir.write("m/2_b.up.sql", "CREATE TABLE IF NOT EXISTS b (id int REFERENCES nosuch);\n");
  dir.write("m/3_c.up.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  EXPECT_FALSE(result.ok());
  const auto& b = migration(result, "2_b");
  EXPECT_EQ(b.status, MigrationStatus::failed);
  EXPECT_EQ(b.failure()->step, Step::up);
  EXPECT_EQ(migration(result, "3_c").status, MigrationStatus::not_run);
  EXPECT_EQ(result.not_run, 1u);
  EXPECT_NE(result.stopped.find("2_b"), std::string::npos);
  EXPECT_EQ(migration(result, "1_a").status, MigrationStatus::passed);
}

TEST(Verify, AMissingDownSkipsTheDownSteps) {
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  ASSERT_EQ(result.migrations.size(), 1u);
  const auto& steps = result.migrations[0].steps;
  EXPECT_EQ(steps[1].status, StepStatus::passed);
  for (std::size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(steps[i].status, StepStatus::skipped);
    EXPECT_EQ(steps[i].reason, "no down migration");
  }
}

TEST(Verify, FromAppliesEarlierMigrationsOnceUnchecked) {
  VerifyOptions options;
  options.from = lint::Version("20240202090000");
  VerifyResult result = run({fixture("up_not_idempotent")}, options);
  ASSERT_EQ(result.migrations.size(), 2u);
  EXPECT_EQ(result.migrations[0].status, MigrationStatus::applied);
  ASSERT_EQ(result.migrations[0].steps.size(), 1u);
  EXPECT_EQ(result.migrations[1].status, MigrationStatus::failed);
  EXPECT_EQ(result.applied, 1u);

  VerifyOptions only;
  only.from = only.to = lint::Version("20240201090000");
  result = run({fixture("up_not_idempotent")}, only);
  ASSERT_EQ(result.migrations.size(), 1u);
  EXPECT_EQ(result.migrations[0].status, MigrationStatus::passed);
  EXPECT_TRUE(result.ok());
}

TEST(Verify, SourcesRunOneAfterTheOtherOnOneDatabase) {
  testing::TempDir dir;
  dir.write("app/1_accounts.up.sql", "CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY);\n");
  dir.write("app/1_accounts.down.sql", "DROP TABLE IF EXISTS accounts;\n");
  dir.write("queue/1_jobs.up.sql",
            "CREATE TABLE IF NOT EXISTS jobs (account int REFERENCES accounts (id));\n");
  dir.write("queue/1_jobs.down.sql", "DROP TABLE IF EXISTS jobs;\n");
  TemporaryDatabase database(testing::test_database_url());
  std::vector<LoadedSource> sources{load_source({"app", (dir.path() / "app").string()}),
                                    load_source({"queue", (dir.path() / "queue").string()})};
  VerifyResult result = verify(database, sources, {});
  EXPECT_TRUE(result.ok()) << result.stopped;
  ASSERT_EQ(result.migrations.size(), 2u);
  EXPECT_EQ(result.migrations[0].label, "app/1_accounts");
  EXPECT_EQ(result.migrations[1].label, "queue/1_jobs");
  EXPECT_EQ(result.migrations[1].source, "queue");
}

TEST(Verify, TheDownRunsInASessionTheUpLeftNothingIn) {
  // The up's SET search_path sends the table to billing; a down run later, as migrate down
  // runs it, resolves "invoices" in public and cannot drop the schema that still holds it.
  testing::TempDir dir;
  dir.write("m/1_billing.up.sql",
            "CREATE SCHEMA IF NOT EXISTS billing;\n"
            "SET search_path = billing, public;\n"
            "CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);\n");
  dir.write("m/1_billing.down.sql",
            "DROP TABLE IF EXISTS invoices;\n"
            "DROP SCHEMA IF EXISTS billing;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  EXPECT_FALSE(result.ok());
  const auto& m = migration(result, "1_billing");
  ASSERT_NE(m.failure(), nullptr);
  EXPECT_EQ(m.failure()->step, Step::down);
  ASSERT_TRUE(m.failure()->error.has_value());
  EXPECT_EQ(m.failure()->error->sqlstate, "2BP01");
  EXPECT_EQ(m.failure()->error->position.line, 2u);
}

TEST(Verify, EachStepStartsWithoutTheSessionStateOfTheStepBefore) {
  // A temporary table, a prepared statement and a setting are the session's: a second run in a
  // new session finds none of them, and neither does the next migration.
  testing::TempDir dir;
  dir.write("m/1_a.up.sql",
            "CREATE TEMP TABLE staging (id int);\n"
            "PREPARE find_staging AS SELECT id FROM staging;\n"
            "SET search_path = nowhere;\n");
  dir.write("m/1_a.down.sql", "SELECT 1;\n");
  dir.write("m/2_b.up.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  dir.write("m/2_b.down.sql", "DROP TABLE IF EXISTS b;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  EXPECT_TRUE(result.ok()) << result.stopped;
  for (const auto& m : result.migrations) {
    EXPECT_EQ(m.status, MigrationStatus::passed) << m.label;
  }
}

TEST(Verify, ASessionLeftInAFailedTransactionIsReplaced) {
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  dir.write("m/1_a.down.sql",
            "-- sqlgate:no-transaction\n"
            "BEGIN;\n"
            "SELECT 1 / 0;\n");
  dir.write("m/2_b.up.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  dir.write("m/2_b.down.sql", "DROP TABLE IF EXISTS b;\n");
  VerifyResult result = run({(dir.path() / "m").string()});
  const auto& a = migration(result, "1_a");
  ASSERT_NE(a.failure(), nullptr);
  EXPECT_EQ(a.failure()->step, Step::down);
  EXPECT_TRUE(result.stopped.empty()) << result.stopped;
  EXPECT_EQ(migration(result, "2_b").status, MigrationStatus::passed);
}

TEST(Verify, StopsWhenInterrupted) {
  int asked = 0;
  VerifyOptions options;
  options.interrupted = [&asked] { return ++asked > 3; };
  EXPECT_THROW(run({fixture("pass")}, options), Interrupted);
}

}  // namespace
}  // namespace sqlgate::runner
