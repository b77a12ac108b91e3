#include "runner/scratch.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <pwd.h>
#include <random>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runner/postgres.h"

namespace sqlgate::runner {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* k_superuser = "postgres";

bool is_executable(const fs::path& path) {
  return access(path.c_str(), X_OK) == 0 && fs::is_regular_file(path);
}

bool has_server(const fs::path& dir) {
  return !dir.empty() && is_executable(dir / "initdb") && is_executable(dir / "postgres");
}

// The first line `command` prints, or "" when it cannot run.
std::string first_line_of(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  char buffer[4096];
  std::string line;
  if (std::fgets(buffer, sizeof buffer, pipe) != nullptr) line = buffer;
  pclose(pipe);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// The last lines of a log, for an error message.
std::string tail(const fs::path& path, std::size_t lines = 8) {
  std::ifstream in(path);
  std::vector<std::string> kept;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    kept.push_back(line);
    if (kept.size() > lines) kept.erase(kept.begin());
  }
  std::string text;
  for (const auto& line : kept) text += "\n  " + line;
  return text;
}

// The account a child process runs as (root's children switch to it).
struct Account {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Starts a program in its own process group (a Ctrl-C on the terminal reaches only sqlgate, which
// then stops it in order), its output appended to `log`, signals at their defaults, and
// `death_signal` sent to it should sqlgate die first.
pid_t spawn(const std::vector<std::string>& arguments, const fs::path& log, const fs::path& cwd,
            const Account& account, int death_signal) {
  std::vector<char*> argv;
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (out < 0) throw ScratchError("cannot write " + log.string() + ": " + std::strerror(errno));
  if (account.switch_user && fchown(out, account.uid, account.gid) != 0) {
    close(out);
    throw ScratchError("cannot hand " + log.string() + " to the server's user");
  }
  int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  long max_fd = std::clamp<long>(sysconf(_SC_OPEN_MAX), 64, 65536);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(out);
    if (in >= 0) close(in);
    throw ScratchError(std::string("cannot start a process: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction defaults {};
    defaults.sa_handler = SIG_DFL;
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) sigaction(sig, &defaults, nullptr);
    setpgid(0, 0);
    if (in >= 0) dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    for (long fd = 3; fd < max_fd; ++fd) close(static_cast<int>(fd));
    if (chdir(cwd.c_str()) != 0) _exit(126);
    if (account.switch_user) {
      if (setgroups(0, nullptr) != 0 || setgid(account.gid) != 0 || setuid(account.uid) != 0) {
        _exit(126);
      }
    }
    // After the switch: changing credentials clears the death signal.
    prctl(PR_SET_PDEATHSIG, death_signal);
    if (getppid() != parent) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out);
  if (in >= 0) close(in);
  return pid;
}

// Waits for a child; returns its exit status, or -1 when the deadline passes first.
int wait_for(pid_t pid, Clock::time_point deadline) {
  while (true) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (done < 0 && errno != EINTR) return 255;
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::string random_hex(std::size_t digits) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::random_device device;
  std::mt19937_64 generator(device());
  std::string text;
  for (std::size_t i = 0; i < digits; ++i) text += k_hex[generator() % 16];
  return text;
}

}  // namespace

// ---- the server binaries ----------------------------------------------------------------

fs::path find_server_bindir(const fs::path& configured) {
  if (!configured.empty()) {
    if (has_server(configured)) return configured;
    throw ScratchError(configured.string() + " holds no PostgreSQL server (initdb and postgres)");
  }
  fs::path from_pg_config = first_line_of("pg_config --bindir 2>/dev/null");
  if (has_server(from_pg_config)) return from_pg_config;

  // Debian's layout: /usr/lib/postgresql/<major>/bin, the newest first.
  std::error_code ec;
  std::vector<std::pair<long, fs::path>> debian;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string name = entry.path().filename().string();
    char* end = nullptr;
    long major = std::strtol(name.c_str(), &end, 10);
    if (end != name.c_str() && has_server(entry.path() / "bin")) {
      debian.emplace_back(major, entry.path() / "bin");
    }
  }
  if (!debian.empty()) return std::max_element(debian.begin(), debian.end())->second;

  if (const char* path = std::getenv("PATH")) {
    std::stringstream folders(path);
    for (std::string folder; std::getline(folders, folder, ':');) {
      fs::path initdb = fs::path(folder.empty() ? "." : folder) / "initdb";
      if (!is_executable(initdb)) continue;
      fs::path real = fs::canonical(initdb, ec).parent_path();
      if (!ec && has_server(real)) return real;
      if (has_server(initdb.parent_path())) return initdb.parent_path();
    }
  }
  throw ScratchError(
      "no PostgreSQL server binaries found (pg_config --bindir, /usr/lib/postgresql/*/bin, "
      "PATH): install PostgreSQL (postgresql-15 on Debian), or name a server with --scratch-url");
}

// ---- the private cluster ----------------------------------------------------------------

std::unique_ptr<ScratchCluster> ScratchCluster::start(const ClusterOptions& options) {
  std::unique_ptr<ScratchCluster> cluster(new ScratchCluster());
  fs::path bindir = find_server_bindir(options.bindir);

  Account account;
  if (geteuid() == 0) {
    // initdb and postgres refuse to run as root.
    struct passwd* user = getpwnam(options.user.c_str());
    if (user == nullptr) {
      throw ScratchError("sqlgate runs as root, which PostgreSQL refuses: there is no user '" +
                         options.user + "' to run the private server as (--scratch-user NAME)");
    }
    account = Account{true, user->pw_uid, user->pw_gid};
  }

  fs::path parent = options.parent.empty() ? fs::temp_directory_path() : options.parent;
  std::string pattern = (parent / "sqlgate-scratch-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw ScratchError("cannot create a folder in " + parent.string() + ": " +
                       std::strerror(errno));
  }
  cluster->m_directory = pattern;
  const fs::path& dir = cluster->m_directory;
  if (account.switch_user && chown(dir.c_str(), account.uid, account.gid) != 0) {
    throw ScratchError("cannot hand " + dir.string() + " to user '" + options.user + "'");
  }
  auto deadline = Clock::now() + options.start_timeout;
  std::string unreachable = account.switch_user ? " (the server runs as '" + options.user +
                                                      "': it must reach " + dir.string() + ")"
                                                : "";

  // initdb; C.UTF-8 where the system has it, else C.
  fs::path initdb_log = dir / "initdb.log";
  int status = -1;
  for (const char* locale : {"--locale=C.UTF-8", "--locale=C"}) {
    std::error_code ec;
    fs::remove_all(dir / "data", ec);
    pid_t pid = spawn({(bindir / "initdb").string(), "-D", (dir / "data").string(), "-U",
                       k_superuser, "-A", "trust", "-E", "UTF8", locale, "--no-sync"},
                      initdb_log, dir, account, SIGKILL);
    status = wait_for(pid, deadline);
    if (status < 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      throw ScratchError("initdb did not finish in time" + tail(initdb_log));
    }
    if (status == 0) break;
    std::ifstream in(initdb_log);
    std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (log.find("locale") == std::string::npos) break;
  }
  if (status != 0) throw ScratchError("initdb failed" + unreachable + tail(initdb_log));

  // The socket lives in the private folder: any port is free there. Pick one at random all the
  // same, so that lock-file names never repeat.
  std::random_device device;
  std::uniform_int_distribution<int> ports(20000, 39999);
  int port = ports(device);
  while (fs::exists(dir / (".s.PGSQL." + std::to_string(port)))) ++port;
  cluster->m_port = port;

  fs::path server_log = dir / "server.log";
  std::vector<std::string> arguments = {(bindir / "postgres").string(),
                                        "-D",
                                        (dir / "data").string(),
                                        "-k",
                                        dir.string(),
                                        "-p",
                                        std::to_string(port),
                                        "-c",
                                        "listen_addresses=",
                                        "-c",
                                        "unix_socket_permissions=0700",
                                        "-c",
                                        "fsync=off",
                                        "-c",
                                        "synchronous_commit=off",
                                        "-c",
                                        "full_page_writes=off",
                                        "-c",
                                        "wal_level=minimal",
                                        "-c",
                                        "max_wal_senders=0",
                                        "-c",
                                        "autovacuum=off",
                                        "-c",
                                        "max_connections=20",
                                        "-c",
                                        "jit=off"};
  pid_t pid = spawn(arguments, server_log, dir, account, SIGQUIT);
  cluster->m_pid = pid;

  // Ready when it accepts a connection.
  fs::path socket = dir / (".s.PGSQL." + std::to_string(port));
  while (true) {
    int exited = wait_for(pid, Clock::now());
    if (exited >= 0) {
      cluster->m_pid = 0;
      throw ScratchError("the private PostgreSQL server did not start" + unreachable +
                         tail(server_log));
    }
    if (fs::exists(socket)) {
      try {
        connect_postgres(cluster->conninfo());
        break;
      } catch (const ConnectionError&) {
        // Still starting up.
      }
    }
    if (Clock::now() >= deadline) {
      throw ScratchError("the private PostgreSQL server did not accept connections in time" +
                         tail(server_log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return cluster;
}

ScratchCluster::~ScratchCluster() {
  stop();
}

void ScratchCluster::interrupt() noexcept {
  int pid = m_pid.load();
  if (pid > 0) kill(pid, SIGQUIT);
}

void ScratchCluster::stop() noexcept {
  if (m_stopped) return;
  m_stopped = true;
  int pid = m_pid.exchange(0);
  if (pid > 0) {
    kill(pid, SIGQUIT);  // immediate shutdown: the data is thrown away anyway
    if (wait_for(pid, Clock::now() + std::chrono::seconds(10)) < 0) {
      kill(-pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
  if (!m_directory.empty()) {
    std::error_code ec;
    fs::remove_all(m_directory, ec);
  }
}

std::string ScratchCluster::conninfo(const std::string& database) const {
  return make_conninfo({{"host", m_directory.string()},
                        {"port", std::to_string(m_port)},
                        {"user", k_superuser},
                        {"dbname", database}});
}

// ---- temporary databases ----------------------------------------------------------------

TemporaryDatabase::TemporaryDatabase(const std::string& server, const std::string& prefix)
    : m_server(conninfo_with_database(server, "")),
      m_name(prefix + "_" + std::to_string(getpid()) + "_" + random_hex(8)),
      m_conninfo(conninfo_with_database(server, m_name)) {
  create();
}

TemporaryDatabase::~TemporaryDatabase() {
  drop();
}

void TemporaryDatabase::create() {
  auto admin = connect_postgres(m_server);
  try {
    admin->execute("CREATE DATABASE " + quote_identifier(m_name) + " TEMPLATE template0");
  } catch (const SqlError& e) {
    std::string message = e.what();
    auto end = message.find('\n');
    throw ScratchError("cannot create the scratch database " + m_name + ": " +
                       message.substr(0, end));
  }
  m_exists = true;
}

std::unique_ptr<Session> TemporaryDatabase::connect() const {
  return connect_postgres(m_conninfo);
}

void TemporaryDatabase::recreate() {
  drop();
  if (m_exists) throw ScratchError("cannot drop the scratch database " + m_name);
  create();
}

void TemporaryDatabase::drop() noexcept {
  if (!m_exists) return;
  try {
    auto admin = connect_postgres(m_server);
    std::string name = quote_identifier(m_name);
    if (admin->server_version() >= 130000) {
      admin->execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } else {
      admin->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " +
                     quote_literal(m_name) + " AND pid <> pg_backend_pid()");
      admin->execute("DROP DATABASE IF EXISTS " + name);
    }
    m_exists = false;
  } catch (...) {
    // The server is gone (a private cluster stopped first): nothing is left to drop.
  }
}

void TemporaryDatabase::disconnect_all() noexcept {
  try {
    auto admin = connect_postgres(m_server);
    admin->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " +
                   quote_literal(m_name) + " AND pid <> pg_backend_pid()");
  } catch (...) {
    // Nothing to end when the server cannot be reached.
  }
}

// ---- signals ----------------------------------------------------------------------------

SignalWatch::SignalWatch() {
  sigemptyset(&m_set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&m_set, sig);
  pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
  m_thread = std::thread([this] { watch(); });
}

SignalWatch::~SignalWatch() {
  m_stop = true;
  m_thread.join();
  pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

void SignalWatch::on_signal(std::function<void()> handler) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (interrupted()) handler();
  m_handlers.push_back(std::move(handler));
}

void SignalWatch::clear_handlers() {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_handlers.clear();
}

void SignalWatch::watch() {
  const timespec k_poll{0, 50'000'000};
  while (!m_stop) {
    int sig = sigtimedwait(&m_set, nullptr, &k_poll);
    if (sig <= 0) continue;
    std::lock_guard<std::mutex> lock(m_mutex);
    bool first = m_signal.exchange(sig) == 0;
    if (!first) continue;
    for (const auto& handler : m_handlers) handler();
  }
}

}  // namespace sqlgate::runner
