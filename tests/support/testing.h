// Helpers shared by the test suites.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace sqlgate::testing {

std::filesystem::path source_dir();
std::filesystem::path sqlgate_binary();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view content);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program and waits for it; environment entries are added to (or, when the value is
// empty, removed from) the current environment.
CommandResult run_program(const std::vector<std::string>& argv,
                          const std::filesystem::path& cwd = {},
                          const std::map<std::string, std::string>& env = {});
// A program started in the background, its output captured; waited for (or killed) by the test.
class RunningProgram {
 public:
  RunningProgram(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                 const std::map<std::string, std::string>& env = {});
  ~RunningProgram();  // kills the program (SIGKILL) unless it was waited for
  RunningProgram(const RunningProgram&) = delete;
  RunningProgram& operator=(const RunningProgram&) = delete;

  pid_t pid() const { return m_pid; }
  void kill(int signal) const;
  // Waits for the program to end; exit_code is 128 + the signal when a signal ended it.
  CommandResult wait();

 private:
  std::filesystem::path m_capture;  // a private folder with its stdout and stderr
  pid_t m_pid = -1;
  bool m_waited = false;
};

// Starts the sqlgate binary under test in the background.
std::unique_ptr<RunningProgram> start_sqlgate(const std::vector<std::string>& args,
                                              const std::filesystem::path& cwd = {},
                                              const std::map<std::string, std::string>& env = {});

// The exit code, stdout and stderr of a run, for a failing assertion's message.
std::string describe(const CommandResult& result);

// How often `what` occurs in `text`.
std::size_t count_occurrences(std::string_view text, std::string_view what);

// Runs the sqlgate binary under test.
CommandResult run_sqlgate(const std::vector<std::string>& args,
                          const std::filesystem::path& cwd = {},
                          const std::map<std::string, std::string>& env = {});

// Runs git in a folder with a fixed identity, without the user's configuration or signing.
CommandResult run_git(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// Root reads every file, so a test about file permissions runs the code under test as the
// unprivileged user "nobody" when the suite runs as root.
//
// The argv that runs a program as "nobody" when the tests run as root (through runuser), argv
// itself otherwise; nullopt when root cannot switch users (no runuser, no "nobody").
std::optional<std::vector<std::string>> unprivileged_command(std::vector<std::string> argv);

// While it lives, this process's effective user is "nobody" when it was root (the real user
// stays root, so the destructor can switch back); nothing changes otherwise.
class UnprivilegedScope {
 public:
  UnprivilegedScope();
  ~UnprivilegedScope();
  UnprivilegedScope(const UnprivilegedScope&) = delete;
  UnprivilegedScope& operator=(const UnprivilegedScope&) = delete;

  // Why the switch failed; empty when the process now runs unprivileged.
  const std::string& failure() const { return m_failure; }

 private:
  std::string m_failure;
  bool m_switched = false;
  uid_t m_uid = 0;
  gid_t m_gid = 0;
};

// A temporary folder, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& relative, std::string_view content) const;
  // Lets every user list the folder and read its files (an unprivileged run needs to).
  void share() const;

 private:
  std::filesystem::path m_path;
};

}  // namespace sqlgate::testing
