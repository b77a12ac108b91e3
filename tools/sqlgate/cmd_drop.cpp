#include <memory>
#include <set>

#include <CLI/CLI.hpp>

#include "runner/runner.h"
#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {

void add_drop(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto force = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand(
      "drop",
      "Drop every table, view, sequence, function and type in the state table's schema (asks "
      "first)");
  sub->add_flag("-f,--force", *force, "Do not ask");
  add_connection_options(*sub, *settings);
  sub->callback([settings, force, &io, &exit_code] {
    if (!*force) {
      if (!io.in_is_terminal) {
        throw UsageError(
            "drop deletes everything in the schema: confirm with --force when not "
            "on a terminal");
      }
      if (!confirm(io, "Are you sure you want to drop the entire database schema?")) {
        io.err << "sqlgate: aborted, nothing was dropped\n";
        exit_code = k_exit_findings;
        return;
      }
    }
    exit_code = run_guarded(io, *settings, false, [&](RunnerContext& context) {
      runner::Runner runner(*context.session, context.sources, context.rules, context.options);
      runner.drop();
      std::set<std::string> schemas;
      for (const auto& source : context.sources) schemas.insert(source.db->table().schema);
      for (const auto& schema : schemas)
        io.out << "dropped everything in schema " << schema << '\n';
      return k_exit_ok;
    });
  });
}

}  // namespace sqlgate::cli
