// Throwaway PostgreSQL for verify: a private cluster started from the local binaries, uniquely
// named databases, and a signal watch so that both are removed whatever happens.
#pragma once

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "runner/database.h"

namespace sqlgate::runner {

// A private cluster or a scratch database could not be set up (no server binaries, initdb or
// the server failed, no right to create a database): exit code 2.
class ScratchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The folder of the PostgreSQL server binaries (initdb, postgres): `configured` when given, else
// `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin, else the folder of
// initdb on PATH. Throws ScratchError when none has both.
std::filesystem::path find_server_bindir(const std::filesystem::path& configured = {});

struct ClusterOptions {
  std::filesystem::path bindir;  // empty: find_server_bindir()
  // When sqlgate runs as root (PostgreSQL refuses to): the account the server runs as.
  std::string user = "postgres";
  std::filesystem::path parent;  // where its temporary folder goes; empty: the temp directory
  std::chrono::milliseconds start_timeout{60000};
};

// A private PostgreSQL cluster: initdb into a new temporary folder, the server listening on a
// unix socket in that folder only (no TCP) on a free port, fsync off, trust authentication for
// its superuser "postgres". Stopped and its folder removed when the object goes.
class ScratchCluster {
 public:
  static std::unique_ptr<ScratchCluster> start(const ClusterOptions& options = {});
  ~ScratchCluster();
  ScratchCluster(const ScratchCluster&) = delete;
  ScratchCluster& operator=(const ScratchCluster&) = delete;

  // Stops the server (immediate shutdown) and removes the folder; safe to call again.
  void stop() noexcept;
  // Asks the server to shut down now; safe from another thread (a signal watch). Sessions to
  // it then fail with ConnectionError; stop() still cleans up.
  void interrupt() noexcept;

  // A libpq key=value connection string to one of its databases, as its superuser.
  std::string conninfo(const std::string& database = "postgres") const;
  const std::filesystem::path& directory() const { return m_directory; }
  int port() const { return m_port; }
  // The server's major version ("15").
  const std::string& version() const { return m_version; }

 private:
  ScratchCluster() = default;

  std::filesystem::path m_directory;
  int m_port = 0;
  std::string m_version;
  std::atomic<int> m_pid{0};
  bool m_stopped = false;
};

// A uniquely named database created from template0 on a server, dropped (with FORCE: every
// session to it ended) when the object goes.
class TemporaryDatabase {
 public:
  // `server`: a connection string or URL to any database of the server, with the right to
  // create databases. Throws ConnectionError when the server cannot be reached, ScratchError
  // when the database cannot be created.
  explicit TemporaryDatabase(const std::string& server,
                             const std::string& prefix = "sqlgate_verify");
  ~TemporaryDatabase();
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

  const std::string& name() const { return m_name; }
  // A key=value connection string to the database.
  const std::string& conninfo() const { return m_conninfo; }
  std::unique_ptr<Session> connect() const;
  // Drops the database and creates it again, empty.
  void recreate();
  // Drops the database; safe to call again. Never throws.
  void drop() noexcept;
  // Ends every session connected to the database, from another thread (a signal watch): their
  // next call fails with ConnectionError.
  void disconnect_all() noexcept;

 private:
  void create();

  std::string m_server;
  std::string m_name;
  std::string m_conninfo;
  bool m_exists = false;
};

// While it lives, SIGINT, SIGTERM and SIGHUP no longer end the process: a watcher thread records
// the signal and runs the handlers (which end sessions or stop a server), so the code that owns
// scratch resources notices, unwinds and removes them. Construct it before starting threads:
// they inherit the blocked signals.
class SignalWatch {
 public:
  SignalWatch();
  ~SignalWatch();
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  // Runs on the watcher thread when a signal comes (at once if one came already).
  void on_signal(std::function<void()> handler);
  // Forgets the handlers (before what they act on goes); signals are still recorded.
  void clear_handlers();
  bool interrupted() const { return m_signal.load() != 0; }
  // The signal received (SIGINT...), 0 for none.
  int signal() const { return m_signal.load(); }

 private:
  void watch();

  sigset_t m_set{};
  sigset_t m_previous{};
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_signal{0};
  std::mutex m_mutex;
  std::vector<std::function<void()>> m_handlers;
  std::thread m_thread;
};

}  // namespace sqlgate::runner
