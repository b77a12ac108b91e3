list(APPEND SQLGATE_RULE_SOURCES meta/registry.cpp)
list(APPEND SQLGATE_RULE_DOCS
  meta/unknown-rule.md
  meta/unknown-directive.md
  meta/unused-ignore.md
  meta/missing-reason.md)
