list(APPEND SQLGATE_RULE_SOURCES
  pairing/registry.cpp
  pairing/common.cpp
  pairing/missing_down.cpp
  pairing/orphan_down.cpp
  pairing/down_incomplete.cpp
  pairing/down_drops_foreign.cpp
  pairing/down_not_reversing.cpp
  pairing/sequences.cpp
  pairing/publications.cpp
  pairing/down_generator.cpp)
list(APPEND SQLGATE_RULE_DOCS
  pairing/missing-down.md
  pairing/orphan-down.md
  pairing/down-incomplete.md
  pairing/down-drops-foreign.md
  pairing/down-not-reversing.md)
