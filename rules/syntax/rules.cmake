list(APPEND SQLGATE_RULE_SOURCES syntax/registry.cpp)
list(APPEND SQLGATE_RULE_DOCS syntax/syntax-error.md syntax/invalid-encoding.md)
