#include "tests/support/testing.h"

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
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

CommandResult run_program(const std::vector<std::string>& argv, const fs::path& cwd,
                          const std::map<std::string, std::string>& env) {
  TempDir capture;
  fs::path out_path = capture.path() / "out";
  fs::path err_path = capture.path() / "err";
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
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
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

CommandResult run_sqlgate(const std::vector<std::string>& args, const fs::path& cwd,
                          const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv{sqlgate_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, cwd, env);
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

fs::path TempDir::write(const std::string& relative, std::string_view content) const {
  fs::path path = m_path / relative;
  write_file(path, content);
  return path;
}

}  // namespace sqlgate::testing
