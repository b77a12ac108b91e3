// Linting a text with one rule, for the unit tests of rules that fixtures cannot reach.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lint/engine.h"
#include "rules/registry.h"

namespace sqlgate::testing {

// The findings of rule `id` on a migration set of the files given (name, text).
inline std::vector<lint::Diagnostic> lint_rule_set(
    const std::vector<std::pair<std::string, std::string>>& files, const std::string& id,
    int pg_version = 15) {
  std::vector<lint::SourceFile> sources;
  for (const auto& [name, text] : files) {
    lint::SourceFile& file = sources.emplace_back();
    file.path = name;
    file.display = name;
    file.text = text;
    lint::classify(file);
  }
  lint::MigrationSet set = lint::make_set(std::move(sources));
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

// The findings of rule `id` on `text`, linted as a migration set of one file named `name`.
inline std::vector<lint::Diagnostic> lint_rule(const std::string& text, const std::string& id,
                                               int pg_version = 15,
                                               const std::string& name = "1_x.up.sql") {
  return lint_rule_set({{name, text}}, id, pg_version);
}

}  // namespace sqlgate::testing
