#include <gtest/gtest.h>

#include "runner/errors.h"
#include "runner/lock.h"

namespace sqlgate::runner {
namespace {

TEST(LockKey, Crc32IsIeee) {
  EXPECT_EQ(crc32_ieee("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32_ieee(""), 0u);
}

TEST(LockKey, MatchesGolangMigrate) {
  EXPECT_EQ(advisory_lock_key("database_name"), 1764327054u);
  EXPECT_EQ(advisory_lock_key("database_name", {"schema_name_1"}), 2453313553u);
  EXPECT_EQ(advisory_lock_key("/mydb", {"public", "schema_migrations"}), 616192132u);
  EXPECT_EQ(state_lock_key(StateTable{"public", "schema_migrations"}, "/mydb"), 616192132u);
}

// A database whose lock is free after a number of attempts; records the order of attempts.
class FakeDatabase final : public Database {
 public:
  FakeDatabase(std::uint32_t key, int busy, std::vector<std::uint32_t>& log)
      : m_key(key), m_busy(busy), m_log(log) {}
  const StateTable& table() const override { return m_table; }
  std::uint32_t lock_key() const override { return m_key; }
  bool try_lock() override {
    m_log.push_back(m_key);
    if (m_busy != 0) {
      if (m_busy > 0) --m_busy;
      return false;
    }
    held = true;
    return true;
  }
  void unlock() override { held = false; }
  std::string lock_holder() override { return "pid 42"; }
  void ensure_tables() override {}
  StateRow state() override { return {}; }
  std::vector<HistoryEntry> history() override { return {}; }
  double apply(const MigrationRun&) override { return 0; }
  std::optional<ReplayFailure> replay(const std::vector<std::string_view>&) override { return {}; }
  std::int64_t begin_dirty(const MigrationRun&) override { return 0; }
  void run_statement(std::string_view) override {}
  void finish_dirty(std::int64_t, const MigrationRun&, double, std::int64_t) override {}
  void fail_dirty(std::int64_t, std::int64_t, bool, const std::string&) override {}
  void set_state(const StateRow&, const HistoryEntry&) override {}
  void drop_all() override {}

  bool held = false;

 private:
  StateTable m_table{"public", "t"};
  std::uint32_t m_key;
  int m_busy;  // -1: never free
  std::vector<std::uint32_t>& m_log;
};

TEST(LockSet, TakesKeysInAscendingOrderAndReleasesThem) {
  std::vector<std::uint32_t> log;
  FakeDatabase high(900, 0, log);
  FakeDatabase low(100, 2, log);
  {
    LockSet locks({&high, &low}, std::chrono::milliseconds(1000), std::chrono::milliseconds(1));
    EXPECT_TRUE(high.held);
    EXPECT_TRUE(low.held);
  }
  EXPECT_EQ(log, (std::vector<std::uint32_t>{100, 100, 100, 900}));
  EXPECT_FALSE(high.held);
  EXPECT_FALSE(low.held);
}

TEST(LockSet, GivesUpAfterTheTimeoutAndReleasesWhatItTook) {
  std::vector<std::uint32_t> log;
  FakeDatabase free_one(1, 0, log);
  FakeDatabase busy(2, -1, log);
  try {
    LockSet locks({&busy, &free_one}, std::chrono::milliseconds(30), std::chrono::milliseconds(5));
    FAIL() << "took a lock that is never free";
  } catch (const LockTimeout& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("timeout: can't acquire database lock"), std::string::npos) << message;
    EXPECT_NE(message.find("pid 42"), std::string::npos) << message;
  }
  EXPECT_FALSE(free_one.held);
  EXPECT_GT(log.size(), 2u);
}

}  // namespace
}  // namespace sqlgate::runner
