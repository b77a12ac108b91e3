// Linting a text with one rule, for the unit tests of rules that fixtures cannot reach.
#pragma once

#include <string>
#include <vector>

#include "lint/engine.h"
#include "rules/registry.h"

namespace sqlgate::testing {

// The findings of rule `id` on `text`, linted as a migration set of one file named `name`.
inline std::vector<lint::Diagnostic> lint_rule(const std::string& text, const std::string& id,
                                               int pg_version = 15,
                                               const std::string& name = "1_x.up.sql") {
  lint::SourceFile file;
  file.path = name;
  file.display = name;
  file.text = text;
  lint::classify(file);
  lint::MigrationSet set = lint::make_set({file});
  lint::RuleSet rules = rules::make_rule_set();
  lint::RuleSelection selection;
  selection.select = {id};
  rules.configure(selection);
  lint::LintResult result = lint::lint(set, rules, lint::LintOptions{1, pg_version, {}});
  std::vector<lint::Diagnostic> found;
  for (auto& d : result.diagnostics) {
    if (d.rule == id) found.push_back(std::move(d));
  }
  return found;
}

}  // namespace sqlgate::testing
