# The table-driven suite test_rules.cpp reads tests/rules/<rule-id>/ (no per-rule code).
