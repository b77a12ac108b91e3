#include "tests/support/testing.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace sqlgate::testing {
namespace fs = std::filesystem;

fs::path source_dir() {
  return fs::path(SQLGATE_SOURCE_DIR);
}
fs::path sqlgate_binary() {
  return fs::path(SQLGATE_BINARY);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, std::string_view content) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

RunningProgram::RunningProgram(const std::vector<std::string>& argv, const fs::path& cwd,
                               const std::map<std::string, std::string>& env) {
  std::string pattern = (fs::temp_directory_path() / "sqlgate-run-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  m_capture = pattern;
  fs::path out_path = m_capture / "out";
  fs::path err_path = m_capture / "err";
  m_pid = fork();
  if (m_pid < 0) throw std::runtime_error("fork failed");
  if (m_pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    for (const auto& [key, value] : env) {
      if (value.empty()) {
        unsetenv(key.c_str());
      } else {
        setenv(key.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
}

RunningProgram::~RunningProgram() {
  if (!m_waited && m_pid > 0) {
    ::kill(m_pid, SIGKILL);
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  std::error_code ec;
  fs::remove_all(m_capture, ec);
}

void RunningProgram::kill(int signal) const {
  if (!m_waited) ::kill(m_pid, signal);
}

CommandResult RunningProgram::wait() {
  CommandResult result;
  if (m_waited) throw std::logic_error("the program was already waited for");
  int status = 0;
  while (waitpid(m_pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  m_waited = true;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(m_capture / "out");
  result.err = read_file(m_capture / "err");
  return result;
}

CommandResult run_program(const std::vector<std::string>& argv, const fs::path& cwd,
                          const std::map<std::string, std::string>& env) {
  return RunningProgram(argv, cwd, env).wait();
}

namespace {

std::vector<std::string> sqlgate_argv(const std::vector<std::string>& args) {
  std::vector<std::string> argv{sqlgate_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace

std::unique_ptr<RunningProgram> start_sqlgate(const std::vector<std::string>& args,
                                              const fs::path& cwd,
                                              const std::map<std::string, std::string>& env) {
  return std::make_unique<RunningProgram>(sqlgate_argv(args), cwd, env);
}

std::string describe(const CommandResult& result) {
  return "exit " + std::to_string(result.exit_code) + "\n--- out\n" + result.out + "--- err\n" +
         result.err;
}

std::size_t count_occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

CommandResult run_sqlgate(const std::vector<std::string>& args, const fs::path& cwd,
                          const std::map<std::string, std::string>& env) {
  return run_program(sqlgate_argv(args), cwd, env);
}

namespace {

const passwd* nobody() {
  return getpwnam("nobody");
}

}  // namespace

std::optional<std::vector<std::string>> unprivileged_command(std::vector<std::string> argv) {
  if (geteuid() != 0) return argv;
  const char* runuser = "/usr/sbin/runuser";
  if (nobody() == nullptr || access(runuser, X_OK) != 0) return std::nullopt;
  std::vector<std::string> wrapped{runuser, "-u", "nobody", "--"};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return wrapped;
}

UnprivilegedScope::UnprivilegedScope() : m_uid(geteuid()), m_gid(getegid()) {
  if (m_uid != 0) return;
  const passwd* user = nobody();
  if (user == nullptr) {
    m_failure = "there is no user \"nobody\" to drop root's privileges to";
    return;
  }
  // The group first: once the user is not root it may not change its group.
  if (setegid(user->pw_gid) != 0 || seteuid(user->pw_uid) != 0) {
    m_failure = "cannot switch to the user \"nobody\"";
    if (setegid(m_gid) != 0) m_failure += " (and cannot restore the group)";
    return;
  }
  m_switched = true;
}

UnprivilegedScope::~UnprivilegedScope() {
  if (!m_switched) return;
  if (seteuid(m_uid) != 0 || setegid(m_gid) != 0) std::abort();  // the next tests would lie
}

CommandResult run_git(const std::vector<std::string>& args, const fs::path& cwd) {
  std::vector<std::string> argv{"git",
                                "-c",
                                "user.name=sqlgate",
                                "-c",
                                "user.email=sqlgate@example.invalid",
                                "-c",
                                "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, cwd, {{"GIT_CONFIG_GLOBAL", "/dev/null"}});
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "sqlgate-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make unreadable test files removable again.
  for (auto it = fs::recursive_directory_iterator(m_path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(m_path, ec);
}

void TempDir::share() const {
  fs::permissions(m_path, fs::perms::all & ~(fs::perms::group_write | fs::perms::others_write));
}

fs::path TempDir::write(const std::string& relative, std::string_view content) const {
  fs::path path = m_path / relative;
  write_file(path, content);
  return path;
}

}  // namespace sqlgate::testing
