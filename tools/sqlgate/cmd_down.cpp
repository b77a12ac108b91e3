#include <memory>

#include <CLI/CLI.hpp>

#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {
namespace {

struct DownArgs {
  std::int64_t count = -1;
  bool all = false;
  bool yes = false;
};

}  // namespace

void add_down(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto args = std::make_shared<DownArgs>();
  CLI::App* sub = app.add_subcommand(
      "down", "Revert the last migration, or the last N, or all of them with --all");
  sub->add_option("N", args->count, "Revert the last N migrations (default 1)")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--all", args->all, "Revert every applied migration (asks first)");
  sub->add_flag("-y,--yes", args->yes, "Do not ask before --all");
  sub->add_flag("--dry-run", settings->dry_run,
                "Print what would run, in order, after the gate; change nothing");
  add_connection_options(*sub, *settings);
  sub->callback([settings, args, &io, &exit_code] {
    runner::PlanRequest request;
    if (args->all) {
      if (args->count >= 0) throw UsageError("--all cannot be used with N");
      request.goal = runner::Goal::down_all;
      if (!args->yes && !settings->dry_run) {
        if (!io.in_is_terminal) {
          throw UsageError(
              "down --all reverts every migration: confirm with --yes when not on a terminal");
        }
        if (!confirm(io, "Are you sure you want to apply all down migrations?")) {
          io.err << "sqlgate: aborted, nothing was reverted\n";
          exit_code = k_exit_findings;
          return;
        }
      }
    } else {
      request.goal = runner::Goal::down;
      request.count = args->count >= 0 ? args->count : 1;
    }
    exit_code = run_guarded(io, *settings, !args->all, [&](RunnerContext& context) {
      return apply_plan(context, io, request);
    });
  });
}

}  // namespace sqlgate::cli
