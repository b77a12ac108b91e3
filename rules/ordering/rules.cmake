list(APPEND SQLGATE_RULE_SOURCES
  ordering/registry.cpp
  ordering/drop_order.cpp
  ordering/use_before_create.cpp)
list(APPEND SQLGATE_RULE_DOCS
  ordering/drop-order.md
  ordering/use-before-create.md)
