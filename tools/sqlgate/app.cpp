#include "tools/sqlgate/app.h"

#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "lint/source.h"

namespace sqlgate::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> k_commands = {
      {"lint", add_lint},     {"rules", add_rules},     {"explain", add_explain},
      {"up", add_up},         {"down", add_down},       {"goto", add_goto},
      {"force", add_force},   {"version", add_version}, {"status", add_status},
      {"create", add_create}, {"drop", add_drop},       {"recover", add_recover},
  };
  return k_commands;
}

std::string version_string() {
  return "sqlgate " SQLGATE_VERSION;
}

int run(const std::vector<std::string>& args, Io& io) {
  CLI::App app{"sqlgate: PostgreSQL migration linter, idempotency checker and runner", "sqlgate"};
  app.set_version_flag("--version", version_string());
  app.require_subcommand(1);
  int exit_code = k_exit_ok;
  for (const Command& command : commands()) command.add(app, io, exit_code);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, io.out, io.err);
    return code == 0 ? k_exit_ok : k_exit_error;
  } catch (const UsageError& e) {
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  } catch (const lint::SourceError& e) {
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  } catch (const std::invalid_argument& e) {
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  } catch (const std::exception& e) {
    io.err << "sqlgate: error: " << e.what() << '\n';
    return k_exit_error;
  }
  return exit_code;
}

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  std::ios::sync_with_stdio(false);
  Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, &std::cin, isatty(STDIN_FILENO) == 1};
  int code = run(args, io);
  std::cout.flush();
  return code;
}

}  // namespace sqlgate::cli
