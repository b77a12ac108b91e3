list(APPEND SQLGATE_RULE_SOURCES transaction/registry.cpp)
list(APPEND SQLGATE_RULE_DOCS)
