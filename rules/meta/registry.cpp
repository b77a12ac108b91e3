#include "rules/registry.h"

#include "lint/engine.h"

namespace sqlgate::rules {

// Findings about sqlgate's own directives, produced by the engine.
void add_meta(std::vector<lint::Rule>& rules) {
  using lint::Category;
  using lint::Severity;
  rules.push_back(
      {.info = {.id = lint::k_unknown_rule,
                .category = Category::meta,
                .severity = Severity::error,
                .summary = "A directive names a rule or category that does not exist"}});
  rules.push_back(
      {.info = {.id = lint::k_unknown_directive,
                .category = Category::meta,
                .severity = Severity::error,
                .summary = "A comment starts with 'sqlgate:' but names no known directive"}});
  rules.push_back({.info = {.id = lint::k_unused_ignore,
                            .category = Category::meta,
                            .severity = Severity::info,
                            .summary = "An ignore directive suppresses nothing"}});
  rules.push_back({.info = {.id = lint::k_missing_reason,
                            .category = Category::meta,
                            .severity = Severity::error,
                            .summary = "A run-once or irreversible directive gives no reason"}});
}

}  // namespace sqlgate::rules
