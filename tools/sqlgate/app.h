// The command line: one file per subcommand, wired here. Only this folder prints or exits.
#pragma once

#include <istream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lint/config.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

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
void add_verify(CLI::App& app, Io& io, int& exit_code);
void add_config(CLI::App& app, Io& io, int& exit_code);
void add_completion(CLI::App& app, Io& io, int& exit_code);

// The flags of every command that reads .sqlgate.json; each one given overrides its key.
struct ConfigArgs {
  std::vector<std::string> paths;  // positional [PATH...]
  std::string config_file;
  int pg_version = 15;
  std::string fail_on;
  std::string naming;
  std::string docs_url;
  // The options, to tell a flag given from one left at its default.
  std::vector<CLI::Option*> options;

  lint::ConfigFlags flags() const;
};
// Adds --config, --pg-version, --fail-on, --naming, --docs-url and, with `paths`, [PATH...] to a
// subcommand (commands whose positional arguments mean something else leave it out).
void add_config_options(CLI::App& sub, ConfigArgs& args, bool paths = true);
// The effective configuration: defaults, .sqlgate.json (--config, else found upward from the
// working directory), then the flags.
lint::Config load_config(const ConfigArgs& args, const lint::RuleSet& rules);
// Parks what the process would only free right before it ends (parse trees, the schema
// replay): the operating system takes the memory back at exit faster than freeing it one
// allocation at a time.
void keep_until_exit(std::shared_ptr<const void> data);
// Whether to colour output on stdout: --color always|never, else a terminal; never when NO_COLOR
// is set and not empty.
bool use_color(const std::string& mode, const Io& io);
void add_up(CLI::App& app, Io& io, int& exit_code);
void add_down(CLI::App& app, Io& io, int& exit_code);
void add_goto(CLI::App& app, Io& io, int& exit_code);
void add_force(CLI::App& app, Io& io, int& exit_code);
void add_version(CLI::App& app, Io& io, int& exit_code);
void add_status(CLI::App& app, Io& io, int& exit_code);
void add_create(CLI::App& app, Io& io, int& exit_code);
void add_drop(CLI::App& app, Io& io, int& exit_code);
void add_recover(CLI::App& app, Io& io, int& exit_code);
void add_create_down(CLI::App& app, Io& io, int& exit_code);

// Parses the arguments and runs the command; returns the exit code.
int run(const std::vector<std::string>& args, Io& io);
int main(int argc, char** argv);

std::string version_string();

}  // namespace sqlgate::cli
