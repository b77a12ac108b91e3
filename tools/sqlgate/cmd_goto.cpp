#include <memory>

#include <CLI/CLI.hpp>

#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_goto(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto version = std::make_shared<std::int64_t>(0);
  CLI::App* sub = app.add_subcommand(
      "goto", "Migrate up or down to version V (the gate checks what would run)");
  sub->add_option("V", *version, "Target version")->required()->check(CLI::NonNegativeNumber);
  add_connection_options(*sub, *settings);
  add_apply_options(*sub, *settings);
  sub->callback([settings, version, &io, &exit_code] {
    runner::PlanRequest request;
    request.goal = runner::Goal::to_version;
    request.target = *version;
    exit_code = run_guarded(io, *settings, true, [&](RunnerContext& context) {
      return apply_plan(context, io, request);
    });
  });
}

}  // namespace sqlgate::cli
