list(APPEND SQLGATE_RULE_SOURCES idempotency/registry.cpp)
list(APPEND SQLGATE_RULE_DOCS)
