#include <memory>

#include <CLI/CLI.hpp>

#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_version(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  CLI::App* sub = app.add_subcommand("version", "Print the current migration version");
  add_connection_options(*sub, *settings);
  sub->callback([settings, &io, &exit_code] {
    exit_code = run_guarded(io, *settings, false, [&](RunnerContext& context) {
      bool several = context.sources.size() > 1;
      int code = k_exit_ok;
      for (auto& source : context.sources) {
        runner::StateRow state = source.db->state();
        if (several) io.out << source.name << ": ";
        if (state.version == runner::k_nil_version && !state.dirty) {
          // golang-migrate's answer, and its exit code, for a database nothing was applied to.
          if (several) {
            io.out << "no migration\n";
          } else {
            io.err << "sqlgate: no migration\n";
          }
          code = k_exit_findings;
          continue;
        }
        io.out << state.version << (state.dirty ? " (dirty)" : "") << '\n';
      }
      return code;
    });
  });
}

}  // namespace sqlgate::cli
