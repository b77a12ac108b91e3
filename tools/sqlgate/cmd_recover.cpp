#include <memory>

#include <CLI/CLI.hpp>

#include "runner/runner.h"
#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_recover(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  CLI::App* sub = app.add_subcommand(
      "recover",
      "Reset a dirty database to its last clean version when nothing of the failed migration "
      "remains; otherwise say what to inspect");
  add_connection_options(*sub, *settings);
  sub->callback([settings, &io, &exit_code] {
    exit_code = run_guarded(io, *settings, true, [&](RunnerContext& context) {
      runner::Runner runner(*context.session, context.sources, context.rules, context.options);
      runner::RecoverResult result = runner.recover();
      if (result.was_dirty) {
        io.out << "recovered: version " << result.from << " (dirty) -> " << result.to
               << " (clean): " << result.explanation << '\n';
      } else {
        io.out << result.explanation << '\n';
      }
      return k_exit_ok;
    });
  });
}

}  // namespace sqlgate::cli
