#include <memory>

#include <CLI/CLI.hpp>

#include "runner/runner.h"
#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_force(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto version = std::make_shared<std::int64_t>(0);
  CLI::App* sub = app.add_subcommand(
      "force", "Set the version to V without running anything, and clear the dirty flag");
  sub->add_option("V", *version, "The version the schema is at (-1: none)")->required();
  add_connection_options(*sub, *settings);
  sub->callback([settings, version, &io, &exit_code] {
    if (*version < -1) throw UsageError("argument V must be >= -1");
    exit_code = run_guarded(io, *settings, true, [&](RunnerContext& context) {
      runner::Runner runner(*context.session, context.sources, context.rules, context.options);
      runner.force(*version);
      return k_exit_ok;
    });
  });
}

}  // namespace sqlgate::cli
