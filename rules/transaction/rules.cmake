list(APPEND SQLGATE_RULE_SOURCES
  transaction/registry.cpp
  transaction/no_transaction_marker.cpp
  transaction/manual_transaction.cpp
)
list(APPEND SQLGATE_RULE_DOCS
  transaction/no-transaction-marker.md
  transaction/manual-transaction.md
)
