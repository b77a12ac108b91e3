list(APPEND SQLGATE_RULE_SOURCES
  naming/registry.cpp
  naming/near_miss_name.cpp
  naming/backup_file.cpp
  naming/invalid_timestamp.cpp
  naming/non_snake_case_name.cpp
  naming/version_overflow.cpp
  naming/duplicate_version.cpp
  naming/out_of_order.cpp)
list(APPEND SQLGATE_RULE_DOCS
  naming/near-miss-name.md
  naming/backup-file.md
  naming/invalid-timestamp.md
  naming/non-snake-case-name.md
  naming/version-overflow.md
  naming/duplicate-version.md
  naming/out-of-order.md)
