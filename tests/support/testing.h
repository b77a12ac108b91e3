// Helpers shared by the test suites.
#pragma once

#include <filesystem>
#include <map>
#include <string>
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
// Runs the sqlgate binary under test.
CommandResult run_sqlgate(const std::vector<std::string>& args,
                          const std::filesystem::path& cwd = {},
                          const std::map<std::string, std::string>& env = {});

// Runs git in a folder with a fixed identity, without the user's configuration or signing.
CommandResult run_git(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// A temporary folder, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& relative, std::string_view content) const;

 private:
  std::filesystem::path m_path;
};

}  // namespace sqlgate::testing
