#include <memory>

#include <CLI/CLI.hpp>

#include "rules/registry.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {

void add_explain(CLI::App& app, Io& io, int& exit_code) {
  auto id = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("explain", "Print a rule's documentation");
  sub->add_option("rule", *id, "Rule id")->required()->type_name("RULE_ID");
  sub->callback([id, &io, &exit_code] {
    lint::RuleSet set = rules::make_rule_set();
    const lint::Rule* rule = set.find(*id);
    if (rule == nullptr) throw UsageError("unknown rule '" + *id + "' (see `sqlgate rules`)");
    io.out << rule->info.doc;
    if (!rule->info.doc.ends_with('\n')) io.out << '\n';
    exit_code = k_exit_ok;
  });
}

}  // namespace sqlgate::cli
