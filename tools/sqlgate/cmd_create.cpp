#include <memory>

#include <CLI/CLI.hpp>

#include "runner/create.h"
#include "runner/errors.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {

void add_create(CLI::App& app, Io& io, int& exit_code) {
  auto options = std::make_shared<runner::CreateOptions>();
  CLI::App* sub = app.add_subcommand(
      "create", "Create an empty up/down pair named <version>_NAME (golang-migrate's create)");
  sub->add_option("NAME", options->name, "The migration's name (snake_case)")->required();
  sub->add_option("--dir", options->dir, "Folder to create it in (default: migrations/sql)");
  sub->add_option("--ext", options->extension, "File extension (default: sql)");
  CLI::Option* seq =
      sub->add_flag("--seq", options->sequential, "A sequence number instead of a timestamp");
  sub->add_option("--digits", options->digits, "Digits of a sequence number (default 6)")
      ->check(CLI::PositiveNumber);
  CLI::Option* format = sub->add_option(
      "--time-format", options->time_format,
      "Go time layout of the version (default 20060102150405), or unix, or unixNano");
  sub->add_option("--tz", options->time_zone, "Time zone of the timestamp (default UTC)");
  format->excludes(seq);
  sub->callback([options, &io, &exit_code] {
    try {
      for (const auto& path : runner::create_migration(*options)) io.out << path.string() << '\n';
      exit_code = k_exit_ok;
    } catch (const runner::RunRefused& e) {
      io.err << "sqlgate: " << e.what() << '\n';
      exit_code = k_exit_findings;
    }
  });
}

}  // namespace sqlgate::cli
