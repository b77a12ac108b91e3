// The command line: one file per subcommand, wired here. Only this folder prints or exits.
#pragma once

#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sqlgate::cli {

// Exit codes, for every command.
inline constexpr int k_exit_ok = 0;        // success, nothing at or above --fail-on
inline constexpr int k_exit_findings = 1;  // findings at or above it, or a refused/failed run
inline constexpr int k_exit_error = 2;     // usage, I/O, configuration or connection error

// A mistake in how sqlgate was called: the message is printed, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  std::istream* in = nullptr;  // answers to confirmation prompts
  bool in_is_terminal = false;
};

// What each subcommand file provides: it adds its subcommand to the app; its callback sets
// exit_code.
struct Command {
  const char* name;
  void (*add)(CLI::App& app, Io& io, int& exit_code);
};
const std::vector<Command>& commands();

void add_lint(CLI::App& app, Io& io, int& exit_code);
void add_rules(CLI::App& app, Io& io, int& exit_code);
void add_explain(CLI::App& app, Io& io, int& exit_code);
void add_up(CLI::App& app, Io& io, int& exit_code);
void add_down(CLI::App& app, Io& io, int& exit_code);
void add_goto(CLI::App& app, Io& io, int& exit_code);
void add_force(CLI::App& app, Io& io, int& exit_code);
void add_version(CLI::App& app, Io& io, int& exit_code);
void add_status(CLI::App& app, Io& io, int& exit_code);
void add_create(CLI::App& app, Io& io, int& exit_code);
void add_drop(CLI::App& app, Io& io, int& exit_code);
void add_recover(CLI::App& app, Io& io, int& exit_code);

// Parses the arguments and runs the command; returns the exit code.
int run(const std::vector<std::string>& args, Io& io);
int main(int argc, char** argv);

std::string version_string();

}  // namespace sqlgate::cli
