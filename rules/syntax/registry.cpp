#include "rules/registry.h"

#include "lint/engine.h"

namespace sqlgate::rules {

// Produced by the engine while it reads and parses a file.
void add_syntax(std::vector<lint::Rule>& rules) {
  using lint::Category;
  using lint::Severity;
  rules.push_back(
      {.info = {.id = lint::k_syntax_error,
                .category = Category::syntax,
                .severity = Severity::error,
                .summary = "The file (or a DO block in it) is not valid PostgreSQL 15 SQL"}});
  rules.push_back({.info = {.id = lint::k_invalid_encoding,
                            .category = Category::syntax,
                            .severity = Severity::error,
                            .summary = "The file has a NUL byte or invalid UTF-8"}});
}

}  // namespace sqlgate::rules
