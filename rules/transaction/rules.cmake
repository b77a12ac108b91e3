list(APPEND SQLGATE_RULE_SOURCES transaction/registry.cpp)
list(APPEND SQLGATE_RULE_SOURCES transaction/unclosed_transaction.cpp
  transaction/nested_transaction.cpp transaction/mid_file_commit.cpp)
list(APPEND SQLGATE_RULE_DOCS)
list(APPEND SQLGATE_RULE_DOCS transaction/unclosed-transaction.md transaction/nested-transaction.md
  transaction/mid-file-commit.md)
