list(APPEND SQLGATE_UNIT_TESTS
  unit/test_lint_directives.cpp
  unit/test_lint_engine.cpp
  unit/test_lint_fix.cpp
  unit/test_lint_source.cpp
  unit/test_lint_sql.cpp
  unit/test_rules_transaction.cpp
  unit/test_runner_create.cpp
  unit/test_runner_lock.cpp
  unit/test_runner_plan.cpp
  unit/test_runner_url.cpp
)
