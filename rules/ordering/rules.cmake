list(APPEND SQLGATE_RULE_SOURCES
  ordering/registry.cpp
  ordering/already_exists.cpp
  ordering/case_folded.cpp
  ordering/alter_type_default.cpp
  ordering/alter_type_dependents.cpp
  ordering/drop_order.cpp
  ordering/drop_role.cpp
  ordering/incompatible_replace.cpp
  ordering/rebuilt_dependents.cpp
  ordering/type_changes.cpp
  ordering/use_before_create.cpp
  ordering/view_types.cpp)
list(APPEND SQLGATE_RULE_DOCS
  ordering/already-exists.md
  ordering/alter-type-default.md
  ordering/alter-type-dependents.md
  ordering/drop-order.md
  ordering/incompatible-replace.md
  ordering/use-before-create.md)
