#include <memory>

#include <CLI/CLI.hpp>

#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_up(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto count = std::make_shared<std::int64_t>(-1);
  CLI::App* sub =
      app.add_subcommand("up", "Apply all pending migrations, or the next N, after the lint gate");
  sub->add_option("N", *count, "Apply at most N migrations")->check(CLI::NonNegativeNumber);
  add_connection_options(*sub, *settings);
  add_apply_options(*sub, *settings);
  sub->callback([settings, count, &io, &exit_code] {
    runner::PlanRequest request;
    request.goal = runner::Goal::up;
    if (*count >= 0) request.count = *count;
    exit_code = run_guarded(io, *settings, false, [&](RunnerContext& context) {
      return apply_plan(context, io, request);
    });
  });
}

}  // namespace sqlgate::cli
