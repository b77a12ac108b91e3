#include "tools/sqlgate/app.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "lint/fix.h"
#include "lint/source.h"

namespace sqlgate::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> k_commands = {
      {"lint", add_lint},
      {"rules", add_rules},
      {"explain", add_explain},
      {"up", add_up},
      {"down", add_down},
      {"goto", add_goto},
      {"force", add_force},
      {"version", add_version},
      {"status", add_status},
      {"create", add_create},
      {"drop", add_drop},
      {"recover", add_recover},
      {"verify", add_verify},
      {"config", add_config},
      {"completion", add_completion},
      {"create-down", add_create_down},
  };
  return k_commands;
}

lint::ConfigFlags ConfigArgs::flags() const {
  auto given = [&](const char* name) {
    for (const CLI::Option* option : options) {
      if (option->check_name(name)) return option->count() > 0;
    }
    return false;
  };
  lint::ConfigFlags flags;
  if (given("--config")) flags.config_file = config_file;
  if (given("paths")) flags.paths = paths;
  if (given("--pg-version")) flags.pg_version = pg_version;
  if (given("--fail-on")) flags.fail_on = lint::parse_severity(fail_on);
  if (given("--naming")) flags.naming = lint::parse_naming(naming);
  if (given("--docs-url")) flags.docs_url = docs_url;
  return flags;
}

void add_config_options(CLI::App& sub, ConfigArgs& args, bool paths) {
  if (paths) {
    args.options.push_back(
        sub.add_option("paths", args.paths, "Folders or files (default: the configuration's paths)")
            ->type_name("PATH"));
  }
  args.options.push_back(
      sub.add_option("--config", args.config_file,
                     "Configuration file (default: .sqlgate.json here or in a folder above)")
          ->type_name("FILE"));
  args.options.push_back(
      sub.add_option("--pg-version", args.pg_version,
                     "PostgreSQL major version the migrations target (default 15)")
          ->check(CLI::Range(9, 18)));
  args.options.push_back(
      sub.add_option("--fail-on", args.fail_on,
                     "Lowest severity that fails the run, exit 1 (default error)")
          ->check(CLI::IsMember({"error", "warning", "info"})));
  args.options.push_back(
      sub.add_option("--naming", args.naming, "Version convention: timestamp (default) or sequence")
          ->check(CLI::IsMember({"timestamp", "sequence"})));
  args.options.push_back(
      sub.add_option("--docs-url", args.docs_url,
                     "Base URL of the rule pages, for links in SARIF ({rule}, {category})")
          ->type_name("URL"));
}

lint::Config load_config(const ConfigArgs& args, const lint::RuleSet& rules) {
  return lint::load_config(args.flags(), std::filesystem::current_path(), rules);
}

void keep_until_exit(std::shared_ptr<const void> data) {
  if (!data) return;
  // Reachable (not leaked) until the process ends; never destroyed.
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::move(data));
}

bool use_color(const std::string& mode, const Io& io) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  if (mode == "always") return true;
  if (mode == "never") return false;
  return io.out_is_terminal;
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
  } catch (const lint::ConfigError& e) {
    io.err << "sqlgate: " << e.what() << '\n';
    return k_exit_error;
  } catch (const lint::FixError& e) {
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
