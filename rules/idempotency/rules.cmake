list(APPEND SQLGATE_RULE_SOURCES
  idempotency/registry.cpp
  idempotency/common.cpp
  idempotency/require_if_not_exists.cpp
  idempotency/require_if_exists.cpp
  idempotency/require_or_replace.cpp
  idempotency/require_index_name.cpp
  idempotency/guard_create.cpp
  idempotency/guard_add_constraint.cpp
  idempotency/guard_rename.cpp
  idempotency/require_on_conflict.cpp
  idempotency/require_idempotent_update.cpp)
list(APPEND SQLGATE_RULE_DOCS
  idempotency/require-if-not-exists.md
  idempotency/require-if-exists.md
  idempotency/require-or-replace.md
  idempotency/require-index-name.md
  idempotency/guard-create.md
  idempotency/guard-add-constraint.md
  idempotency/guard-rename.md
  idempotency/require-on-conflict.md
  idempotency/require-idempotent-update.md)
