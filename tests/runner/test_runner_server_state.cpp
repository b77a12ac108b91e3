// verify leaves the whole server as it found it: the roles its migrations create are dropped,
// what they change on the roles that were there is put back, and what cannot be put back is
// said. Each test uses role names of its own (the tests run side by side on one server).
#include <map>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "runner/postgres.h"
#include "runner/server_state.h"
#include "runner/verify.h"
#include "tests/support/database.h"
#include "tests/support/testing.h"

namespace sqlgate::runner {
namespace {

// "sqlgate_vr<pid>_<n>_": role names of one test that no other test uses (ctest runs each in a
// process of its own, side by side).
std::string next_prefix() {
  static int count = 0;
  return "sqlgate_vr" + std::to_string(getpid()) + "_" + std::to_string(count++) + "_";
}

std::unique_ptr<Session> admin() {
  return connect_postgres(testing::test_database_url());
}

std::string scalar(const std::string& sql) {
  auto rows = admin()->query(sql).rows;
  if (rows.empty()) return "(none)";
  return rows[0][0].value_or("NULL");
}

bool role_exists(const std::string& name) {
  return scalar("SELECT count(*) FROM pg_roles WHERE rolname = " + quote_literal(name)) == "1";
}

std::string role_oid(const std::string& name) {
  return scalar("SELECT oid FROM pg_roles WHERE rolname = " + quote_literal(name));
}

bool contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& line : lines) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// The part of the server's state that belongs to roles whose names start with `prefix`, with
// names in place of oids: what the tests compare before and after (other tests change the rest).
struct Mine {
  std::map<std::string, std::string> roles;  // name -> oid, attributes, limit, until, comment
  std::set<std::string> memberships;         // "member in role (admin)"
  std::map<std::string, std::string> settings;
  std::map<std::string, std::string> passwords;

  bool operator==(const Mine&) const = default;
};

Mine mine(const std::string& prefix) {
  auto session = admin();
  session->execute("SET timezone = 'UTC'; SET datestyle = 'ISO, YMD'");
  ServerState state = read_server_state(*session, "", true);
  Mine result;
  std::map<std::string, std::string> names;
  for (const auto& [oid, role] : state.roles) names[oid] = role.name;
  auto ours = [&](const std::string& oid) { return names[oid].rfind(prefix, 0) == 0; };
  for (const auto& [oid, role] : state.roles) {
    if (!ours(oid)) continue;
    std::string attributes;
    for (bool a : role.attributes) attributes += a ? '1' : '0';
    result.roles[role.name] = oid + " " + attributes + " " + std::to_string(role.connection_limit) +
                              " " + role.valid_until.value_or("-") + " " +
                              role.comment.value_or("-");
    result.passwords[role.name] = role.password.value_or("-");
  }
  for (const auto& [key, m] : state.memberships) {
    if (ours(m.role) || ours(m.member)) {
      result.memberships.insert(names[m.member] + " in " + names[m.role] +
                                (m.admin ? " (admin)" : ""));
    }
  }
  for (const auto& [key, s] : state.settings) {
    if (s.role != "0" && ours(s.role)) {
      result.settings[names[s.role] + " " + s.database + " " + s.name] = s.value;
    }
  }
  return result;
}

// verify as the CLI runs it on a --scratch-url server.
struct Watched {
  explicit Watched(const std::string& dir, const std::string& server = "")
      : url(server.empty() ? testing::test_database_url() : server),
        database(std::make_unique<TemporaryDatabase>(url)),
        watch(url, database->name()),
        sources{load_source({"", dir})} {
    options.server = &watch;
  }
  VerifyResult run() { return verify(*database, sources, options); }
  // The database dropped, then the server put back.
  ServerRestore finish() {
    database.reset();
    return watch.restore();
  }

  std::string url;
  std::unique_ptr<TemporaryDatabase> database;
  ServerWatch watch;
  std::vector<LoadedSource> sources;
  VerifyOptions options;
};

struct Verified {
  VerifyResult result;
  ServerRestore restore;
};

Verified verify_on_server(const std::string& dir, const std::string& server = "") {
  Watched watched(dir, server);
  Verified verified;
  verified.result = watched.run();
  verified.restore = watched.finish();
  return verified;
}

// Each migration's status and the step where it failed, for comparing two runs.
std::vector<std::string> outcome(const VerifyResult& result) {
  std::vector<std::string> lines;
  for (const auto& m : result.migrations) {
    std::string line = m.label + " " + std::string(to_string(m.status));
    if (const StepResult* failure = m.failure()) {
      line += " at " + std::string(to_string(failure->step));
      if (failure->error) line += " " + failure->error->sqlstate;
    }
    lines.push_back(line);
  }
  if (!result.stopped.empty()) lines.push_back("stopped: " + result.stopped);
  return lines;
}

class Roles : public ::testing::Test {
 protected:
  void TearDown() override {
    // Whatever a failed assertion left.
    auto session = admin();
    auto rows = session
                    ->query(
                        "SELECT quote_ident(rolname) FROM pg_roles WHERE starts_with("
                        "rolname, " +
                        quote_literal(m_prefix) + ") ORDER BY oid DESC")
                    .rows;
    for (const auto& row : rows) {
      try {
        session->execute("DROP ROLE " + *row[0]);
      } catch (const SqlError&) {
      }
    }
  }

  std::string name(const std::string& what) const { return m_prefix + what; }
  std::string m_prefix = next_prefix();
};

TEST_F(Roles, VerifyTwiceGivesTheSameAnswerAndLeavesTheRolesAsTheyWere) {
  std::string app = name("app");
  std::string base = name("base");
  std::string reader = name("reader");
  std::string writer = name("writer");
  testing::ScratchDatabase other;  // a database that is not verify's
  auto session = admin();
  session->execute("CREATE ROLE " + app + " LOGIN CONNECTION LIMIT 5 PASSWORD 'app-secret'");
  session->execute("CREATE ROLE " + base);
  session->execute("ALTER ROLE " + app +
                   " SET search_path = a, \"B c\", \"$user\", \"x\"\"y\", \"a,b\"");
  session->execute("ALTER ROLE " + app + " SET work_mem = '64MB'");
  session->execute("COMMENT ON ROLE " + app + " IS 'the application'");
  Mine before = mine(m_prefix);
  std::string app_oid = role_oid(app);
  std::string settings_sql =
      "SELECT setconfig::text FROM pg_db_role_setting WHERE setdatabase = 0 AND setrole = " +
      app_oid;
  std::string settings = scalar(settings_sql);

  testing::TempDir dir;
  // A role created behind a guard, made a member of and granted a database elsewhere; its down
  // undoes it all.
  dir.write("m/1_reader.up.sql",
            "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + reader +
                "') THEN\n    CREATE ROLE " + reader + " NOLOGIN;\n  END IF;\nEND\n$$;\n" +
                "GRANT " + reader + " TO " + app + ";\nGRANT CONNECT ON DATABASE " + other.name() +
                " TO " + reader + ";\n");
  dir.write("m/1_reader.down.sql",
            "DO $$\nBEGIN\n  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + reader +
                "') THEN\n    REVOKE CONNECT ON DATABASE " + other.name() + " FROM " + reader +
                ";\n    REVOKE " + reader + " FROM " + app + ";\n  END IF;\nEND\n$$;\n" +
                "DROP ROLE IF EXISTS " + reader + ";\n");
  // Settings of a role that was there, one changed, one added, one in another database; the down
  // leaves them (and verify's comparison sees it).
  dir.write("m/2_settings.up.sql", "ALTER ROLE " + app + " SET search_path = app, public;\n" +
                                       "ALTER ROLE " + app + " SET statement_timeout = '5s';\n" +
                                       "ALTER ROLE " + app + " IN DATABASE " + other.name() +
                                       " SET lock_timeout = '1s';\n" + "ALTER ROLE " + app +
                                       " RESET work_mem;\n");
  dir.write("m/2_settings.down.sql", "SELECT 1;\n");
  // A membership between two roles that were there, and their attributes.
  dir.write("m/3_membership.up.sql",
            "GRANT " + base + " TO " + app + " WITH ADMIN OPTION;\nALTER ROLE " + app +
                " CONNECTION LIMIT 10 VALID UNTIL '2040-01-01' CREATEDB;\nCOMMENT ON ROLE " + app +
                " IS 'changed';\nALTER ROLE " + app + " PASSWORD 'changed-secret';\n");
  dir.write("m/3_membership.down.sql", "SELECT 1;\n");
  // An unguarded CREATE ROLE: its second up fails, and so would the first up of a second run
  // if the first left the role behind.
  dir.write("m/4_writer.up.sql", "CREATE ROLE " + writer + ";\n");
  dir.write("m/4_writer.down.sql", "DROP ROLE IF EXISTS " + writer + ";\n");
  std::string migrations = (dir.path() / "m").string();

  Verified first = verify_on_server(migrations);
  EXPECT_TRUE(first.restore.ok()) << joined(first.restore.not_restored);
  EXPECT_EQ(mine(m_prefix), before) << joined(first.restore.restored);
  Verified second = verify_on_server(migrations);
  EXPECT_TRUE(second.restore.ok()) << joined(second.restore.not_restored);
  EXPECT_EQ(mine(m_prefix), before) << joined(second.restore.restored);

  EXPECT_EQ(outcome(first.result), outcome(second.result));
  std::vector<std::string> expected{"1_reader pass", "2_settings fail at down", "3_membership pass",
                                    "4_writer fail at up again 42710"};
  EXPECT_EQ(outcome(first.result), expected);
  EXPECT_EQ(first.restore.restored, second.restore.restored);

  // The role that was there is the same role, never dropped.
  EXPECT_EQ(role_oid(app), app_oid);
  EXPECT_FALSE(role_exists(reader));
  EXPECT_FALSE(role_exists(writer));
  const auto& done = first.restore.restored;
  EXPECT_TRUE(
      contains(done, "dropped role " + writer + ", created by " + migrations + "/4_writer.up.sql"))
      << joined(done);
  EXPECT_TRUE(contains(done, "set back search_path of role " + app)) << joined(done);
  EXPECT_TRUE(contains(done, "reset statement_timeout of role " + app)) << joined(done);
  EXPECT_TRUE(contains(done, "set back work_mem of role " + app)) << joined(done);
  EXPECT_TRUE(contains(done, "reset lock_timeout of role " + app + " in database " + other.name()))
      << joined(done);
  EXPECT_TRUE(contains(done, "revoked the membership of role " + app + " in role " + base))
      << joined(done);
  EXPECT_TRUE(contains(done, "set role " + app + " back to NOCREATEDB CONNECTION LIMIT 5"))
      << joined(done);
  EXPECT_TRUE(contains(done, "cleared the VALID UNTIL of role " + app)) << joined(done);
  EXPECT_TRUE(contains(done, "put back the password of role " + app)) << joined(done);
  EXPECT_TRUE(contains(done, "put back the comment on role " + app)) << joined(done);
  // Never a password, old or new, nor its hash.
  std::string all = joined(done) + joined(first.restore.not_restored);
  EXPECT_EQ(all.find("secret"), std::string::npos) << all;
  EXPECT_EQ(all.find("SCRAM"), std::string::npos) << all;
  // The settings as stored, a list of quoted names included.
  EXPECT_EQ(scalar(settings_sql), settings);
}

TEST_F(Roles, AFailingVerifyStillDropsTheRolesItsMigrationsCreated) {
  std::string early = name("early");
  std::string late = name("late");
  testing::TempDir dir;
  dir.write("m/1_early.up.sql", "DO $$ BEGIN CREATE ROLE " + early +
                                    "; EXCEPTION WHEN duplicate_object THEN NULL; "
                                    "END $$;\n");
  dir.write("m/1_early.down.sql", "DROP ROLE IF EXISTS " + early + ";\n");
  // Creates a role, then fails: outside a transaction, the role stays.
  dir.write("m/2_late.up.sql",
            "-- sqlgate:no-transaction\nCREATE ROLE " + late + ";\nSELECT 1 / 0;\n");
  dir.write("m/2_late.down.sql", "DROP ROLE IF EXISTS " + late + ";\n");
  std::string migrations = (dir.path() / "m").string();

  for (int i = 0; i < 2; ++i) {
    Verified run = verify_on_server(migrations);
    std::vector<std::string> expected{
        "1_early pass", "2_late fail at up 22012",
        "stopped: 2_late's up failed: the migrations after it depend on it"};
    EXPECT_EQ(outcome(run.result), expected) << "run " << i;
    EXPECT_TRUE(run.restore.ok()) << joined(run.restore.not_restored);
    EXPECT_TRUE(contains(run.restore.restored, "dropped role " + early))
        << joined(run.restore.restored);
    EXPECT_TRUE(contains(run.restore.restored, "dropped role " + late))
        << joined(run.restore.restored);
    EXPECT_FALSE(role_exists(early));
    EXPECT_FALSE(role_exists(late));
  }
}

TEST_F(Roles, AnInterruptedVerifyIsPutBackToo) {
  std::string role = name("interrupted");
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "-- sqlgate:no-transaction\nCREATE ROLE " + role + ";\n");
  dir.write("m/2_b.up.sql", "SELECT 1;\n");
  Watched watched((dir.path() / "m").string());
  int asked = 0;
  watched.options.interrupted = [&asked] { return ++asked > 2; };
  EXPECT_THROW(watched.run(), Interrupted);
  EXPECT_TRUE(role_exists(role));
  ServerRestore restore = watched.finish();
  EXPECT_TRUE(restore.ok()) << joined(restore.not_restored);
  EXPECT_FALSE(role_exists(role));
}

TEST_F(Roles, ALostConnectionIsPutBackToo) {
  // The file ends its own session after creating a role: verify stops with a ConnectionError
  // while the file is still running.
  std::string role = name("lost");
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "-- sqlgate:no-transaction\nCREATE ROLE " + role +
                                ";\nSELECT pg_terminate_backend(pg_backend_pid());\n");
  Watched watched((dir.path() / "m").string());
  EXPECT_THROW(watched.run(), ConnectionError);
  EXPECT_TRUE(role_exists(role));
  ServerRestore restore = watched.finish();
  EXPECT_TRUE(restore.ok()) << joined(restore.not_restored);
  EXPECT_TRUE(contains(restore.restored, "dropped role " + role)) << joined(restore.restored);
  EXPECT_FALSE(role_exists(role));
}

TEST_F(Roles, TheRolesAreDroppedBeforeTheUpsRunAgainOnARecreatedDatabase) {
  // The seed's second up duplicates rows: the database is recreated and every up applied again,
  // the unguarded CREATE ROLE of the first included.
  std::string role = name("seed");
  testing::TempDir dir;
  dir.write("m/1_role.up.sql",
            "-- sqlgate:run-once-file creates its role once\nCREATE ROLE " + role + ";\n");
  dir.write("m/1_role.down.sql", "DROP ROLE IF EXISTS " + role + ";\n");
  dir.write("m/2_seed.up.sql",
            "CREATE TABLE IF NOT EXISTS plans (id serial PRIMARY KEY, name text);\n"
            "INSERT INTO plans (name) VALUES ('free');\n");
  dir.write("m/2_seed.down.sql", "DROP TABLE IF EXISTS plans;\n");
  dir.write("m/3_next.up.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  dir.write("m/3_next.down.sql", "DROP TABLE IF EXISTS c;\n");
  Verified run = verify_on_server((dir.path() / "m").string());
  std::vector<std::string> expected{"1_role pass", "2_seed fail at up again", "3_next pass"};
  EXPECT_EQ(outcome(run.result), expected);
  EXPECT_TRUE(run.restore.ok()) << joined(run.restore.not_restored);
  EXPECT_FALSE(role_exists(role));
}

TEST_F(Roles, ARoleThatExistedBeforeIsRenamedBackAndNeverDropped) {
  std::string old_name = name("old");
  std::string new_name = name("new");
  std::string replaced = name("replaced");
  auto session = admin();
  session->execute("CREATE ROLE " + old_name);
  session->execute("CREATE ROLE " + replaced);
  std::string oid = role_oid(old_name);
  std::string replaced_oid = role_oid(replaced);
  testing::TempDir dir;
  dir.write("m/1_rename.up.sql", "-- sqlgate:run-once-file renames\nALTER ROLE " + old_name +
                                     " RENAME TO " + new_name + ";\n");
  dir.write("m/2_replace.up.sql", "-- sqlgate:run-once-file\nDROP ROLE IF EXISTS " + replaced +
                                      ";\nCREATE ROLE " + replaced + ";\n");
  Verified run = verify_on_server((dir.path() / "m").string());
  EXPECT_TRUE(run.result.ok()) << run.result.stopped;
  EXPECT_TRUE(contains(run.restore.restored, "renamed role " + new_name + " back to " + old_name))
      << joined(run.restore.restored);
  EXPECT_EQ(role_oid(old_name), oid);
  EXPECT_FALSE(role_exists(new_name));
  // Dropped and created again: not the role that was there, and verify says so; the name it had
  // is not dropped.
  EXPECT_TRUE(role_exists(replaced));
  EXPECT_NE(role_oid(replaced), replaced_oid);
  ASSERT_EQ(run.restore.not_restored.size(), 1u) << joined(run.restore.not_restored);
  EXPECT_TRUE(
      contains(run.restore.not_restored, "role " + replaced +
                                             " existed before verify, and the migrations dropped "
                                             "it and created it again"))
      << joined(run.restore.not_restored);
}

TEST_F(Roles, ARoleThatCannotBeDroppedIsNamedWithWhatHoldsIt) {
  std::string owner = name("owner");
  testing::ScratchDatabase other;
  testing::TempDir dir;
  dir.write("m/1_owner.up.sql", "-- sqlgate:run-once-file\nCREATE ROLE " + owner +
                                    ";\nALTER DATABASE " + other.name() + " OWNER TO " + owner +
                                    ";\n");
  Verified run = verify_on_server((dir.path() / "m").string());
  EXPECT_FALSE(run.restore.ok());
  EXPECT_TRUE(contains(run.restore.not_restored,
                       "role " + owner + ", created by " + (dir.path() / "m").string() +
                           "/1_owner.up.sql, could not be dropped: role \"" + owner +
                           "\" cannot be dropped because some objects depend on it (owner of "
                           "database " +
                           other.name() + ")"))
      << joined(run.restore.not_restored);
  EXPECT_TRUE(role_exists(owner));
  admin()->execute("ALTER DATABASE " + other.name() + " OWNER TO CURRENT_USER");
}

TEST_F(Roles, OnlyAChangeTheRunningFileNamesIsTheMigrations) {
  // Someone else creates a role while a migration runs: verify leaves it alone.
  std::string ours = name("ours");
  std::string theirs = name("theirs");
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "CREATE ROLE " + ours + ";\n");
  auto set = lint::discover({(dir.path() / "m").string()}, {});
  auto file = lint::ParsedFile::parse(set.files[0]);
  std::string url = testing::test_database_url();
  ServerWatch watch(url, "sqlgate_no_such_database");
  watch.begin(*file);
  auto session = admin();
  session->execute("CREATE ROLE " + ours);
  session->execute("CREATE ROLE " + theirs);
  watch.end();
  ServerRestore restore = watch.restore();
  EXPECT_TRUE(contains(restore.restored, "dropped role " + ours)) << joined(restore.restored);
  EXPECT_FALSE(role_exists(ours));
  EXPECT_TRUE(role_exists(theirs));
  EXPECT_TRUE(contains(restore.notes, "role " + theirs + " appeared while "))
      << joined(restore.notes);
  // Outside a file's run nothing is the migrations'.
  session->execute("CREATE ROLE " + ours);
  restore = watch.restore();
  EXPECT_TRUE(role_exists(ours));
}

TEST_F(Roles, APasswordVerifyCannotReadIsReported) {
  // A role with CREATEROLE but no superuser cannot read pg_authid: it can change a password,
  // not see the one before.
  std::string ci = name("ci");
  std::string app = name("app");
  auto session = admin();
  session->execute("CREATE ROLE " + ci + " LOGIN CREATEDB CREATEROLE");
  session->execute("CREATE ROLE " + app + " LOGIN PASSWORD 'before-secret'");
  std::string url =
      conninfo_with_database(testing::test_database_url(), "postgres") + " user=" + ci;
  testing::TempDir dir;
  dir.write("m/1_a.up.sql", "-- sqlgate:run-once-file\nSELECT 1;\nALTER ROLE " + app +
                                " PASSWORD 'after-secret';\n");
  Verified run = verify_on_server((dir.path() / "m").string(), url);
  EXPECT_TRUE(run.result.ok()) << run.result.stopped;
  EXPECT_FALSE(run.restore.ok());
  EXPECT_TRUE(contains(run.restore.not_restored, "the password of role " + app +
                                                     " may have been changed by " +
                                                     (dir.path() / "m").string() +
                                                     "/1_a.up.sql:3: only a superuser can "
                                                     "read passwords"))
      << joined(run.restore.not_restored);
  EXPECT_EQ(joined(run.restore.not_restored).find("secret"), std::string::npos);
}

// The server's account, for a folder it must own (a tablespace's).
bool hand_to_server(const std::filesystem::path& dir) {
  std::string data = scalar("SHOW data_directory");
  struct stat info {};
  if (stat(data.c_str(), &info) != 0) return false;
  chmod(dir.parent_path().c_str(), 0755);
  return chown(dir.c_str(), info.st_uid, info.st_gid) == 0 || geteuid() == info.st_uid;
}

TEST_F(Roles, ATablespaceTheMigrationsCreatedIsDropped) {
  std::string space = name("space");
  testing::TempDir dir;
  std::filesystem::path location = dir.path() / "space";
  std::filesystem::create_directories(location);
  if (!hand_to_server(location)) GTEST_SKIP() << "cannot give a folder to the server's account";
  dir.write("m/1_space.up.sql", "-- sqlgate:no-transaction\nCREATE TABLESPACE " + space +
                                    " LOCATION '" + location.string() + "';\n");
  Verified run = verify_on_server((dir.path() / "m").string());
  std::vector<std::string> expected{"1_space fail at up again 42710"};
  EXPECT_EQ(outcome(run.result), expected);
  EXPECT_TRUE(run.restore.ok()) << joined(run.restore.not_restored);
  EXPECT_TRUE(contains(run.restore.restored, "dropped tablespace " + space))
      << joined(run.restore.restored);
  EXPECT_EQ(scalar("SELECT count(*) FROM pg_tablespace WHERE spcname = " + quote_literal(space)),
            "0");
  admin()->execute("DROP TABLESPACE IF EXISTS " + space);
}

}  // namespace
}  // namespace sqlgate::runner
