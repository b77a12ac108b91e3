// The private cluster, temporary databases and the signal watch.
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "runner/postgres.h"
#include "runner/scratch.h"
#include "runner/verify.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate::runner {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
  return (testing::source_dir() / "tests/runner/verify" / name).string();
}

bool database_exists(const std::string& name) {
  auto admin = connect_postgres(testing::test_database_url());
  return admin->query("SELECT count(*) FROM pg_database WHERE datname = " + quote_literal(name))
             .rows[0][0] == "1";
}

// One test starts the cluster: a start costs a second or more, so everything about it is
// checked here.
TEST(ScratchCluster, StartsPrivatelyVerifiesAndLeavesNothingBehind) {
  auto cluster = ScratchCluster::start();
  fs::path dir = cluster->directory();
  ASSERT_TRUE(fs::is_directory(dir));
  EXPECT_TRUE(fs::exists(dir / (".s.PGSQL." + std::to_string(cluster->port()))));

  auto session = connect_postgres(cluster->conninfo());
  EXPECT_EQ(session->query("SHOW listen_addresses").rows[0][0], "");  // no TCP
  EXPECT_EQ(session->query("SHOW fsync").rows[0][0], "off");
  EXPECT_EQ(session->query("SHOW unix_socket_directories").rows[0][0], dir.string());
  EXPECT_EQ(session->query("SELECT current_user").rows[0][0], "postgres");
  if (geteuid() == 0) {
    // PostgreSQL refuses root: the server runs as the postgres account.
    struct stat data {};
    ASSERT_EQ(stat((dir / "data").c_str(), &data), 0);
    struct passwd* postgres = getpwnam("postgres");
    ASSERT_NE(postgres, nullptr);
    EXPECT_EQ(data.st_uid, postgres->pw_uid);
  }
  session.reset();

  {
    // verify through the private cluster, the command's default
    TemporaryDatabase database(cluster->conninfo());
    std::vector<LoadedSource> sources{load_source({"", fixture("pass")})};
    VerifyResult result = verify(database, sources, {});
    EXPECT_TRUE(result.ok()) << result.stopped;
    EXPECT_EQ(result.passed, sources[0].migrations.size());
  }

  cluster->stop();
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_THROW(connect_postgres(cluster->conninfo()), ConnectionError);
  cluster->stop();  // again: nothing left to do
}

TEST(ScratchCluster, ExplainsAMissingServerAccount) {
  if (geteuid() != 0) GTEST_SKIP() << "only root switches to another account";
  ClusterOptions options;
  options.user = "sqlgate_no_such_user";
  try {
    ScratchCluster::start(options);
    FAIL() << "expected a ScratchError";
  } catch (const ScratchError& e) {
    EXPECT_NE(std::string(e.what()).find("--scratch-user"), std::string::npos) << e.what();
  }
}

TEST(ServerBindir, FindsTheLocalServerOrSaysWhatIsMissing) {
  fs::path bindir = find_server_bindir();
  EXPECT_TRUE(fs::exists(bindir / "initdb")) << bindir;
  EXPECT_TRUE(fs::exists(bindir / "postgres")) << bindir;
  testing::TempDir empty;
  EXPECT_THROW(find_server_bindir(empty.path()), ScratchError);
}

TEST(TemporaryDatabase, IsCreatedEmptyAndDroppedWhenItGoes) {
  std::string name;
  {
    TemporaryDatabase database(testing::test_database_url(), "sqlgate_scratch_test");
    name = database.name();
    EXPECT_EQ(name.rfind("sqlgate_scratch_test_", 0), 0u) << name;
    EXPECT_TRUE(database_exists(name));
    auto session = database.connect();
    EXPECT_EQ(session->query("SELECT current_database()").rows[0][0], name);
    session->execute("CREATE TABLE t (a int)");

    database.recreate();
    auto again = database.connect();
    EXPECT_EQ(again->query("SELECT to_regclass('t') IS NULL").rows[0][0], "t");
  }
  EXPECT_FALSE(database_exists(name));
}

TEST(TemporaryDatabase, DisconnectAllEndsTheSessions) {
  TemporaryDatabase database(testing::test_database_url());
  auto session = database.connect();
  session->execute("SELECT 1");
  database.disconnect_all();
  EXPECT_THROW(session->execute("SELECT 1"), ConnectionError);
}

TEST(TemporaryDatabase, ACreateFailureIsAScratchError) {
  // A role without CREATEDB cannot make the scratch database.
  auto admin = connect_postgres(testing::test_database_url());
  admin->execute("DROP ROLE IF EXISTS sqlgate_no_createdb");
  admin->execute("CREATE ROLE sqlgate_no_createdb LOGIN");
  std::string url = conninfo_with_database(testing::test_database_url(), "postgres");
  url += " user='sqlgate_no_createdb'";
  try {
    TemporaryDatabase database(url);
    FAIL() << "expected a ScratchError";
  } catch (const ScratchError& e) {
    EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos) << e.what();
  }
  admin->execute("DROP ROLE sqlgate_no_createdb");
}

TEST(SignalWatch, RecordsTheSignalAndRunsTheHandlers) {
  SignalWatch watch;
  std::atomic<int> calls{0};
  watch.on_signal([&calls] { ++calls; });
  EXPECT_FALSE(watch.interrupted());
  kill(getpid(), SIGTERM);  // would end the process without the watch
  for (int i = 0; i < 500 && !watch.interrupted(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(watch.interrupted());
  EXPECT_EQ(watch.signal(), SIGTERM);
  for (int i = 0; i < 100 && calls == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(calls, 1);
  // A handler added later runs at once.
  watch.on_signal([&calls] { ++calls; });
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace sqlgate::runner
