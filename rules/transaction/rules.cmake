list(APPEND SQLGATE_RULE_SOURCES
  transaction/registry.cpp
  transaction/enum_value_before_commit.cpp
  transaction/manual_transaction.cpp
  transaction/mid_file_commit.cpp
  transaction/nested_transaction.cpp
  transaction/no_transaction_marker.cpp
  transaction/unclosed_transaction.cpp
  transaction/validate_after_add.cpp
)
list(APPEND SQLGATE_RULE_DOCS
  transaction/enum-value-before-commit.md
  transaction/manual-transaction.md
  transaction/mid-file-commit.md
  transaction/nested-transaction.md
  transaction/no-transaction-marker.md
  transaction/unclosed-transaction.md
)
