list(APPEND SQLGATE_UNIT_TESTS
  unit/test_lint_catalog.cpp
  unit/test_lint_config.cpp
  unit/test_lint_diff.cpp
  unit/test_lint_directives.cpp
  unit/test_lint_engine.cpp
  unit/test_lint_fix.cpp
  unit/test_lint_guard.cpp
  unit/test_lint_objects.cpp
  unit/test_lint_report.cpp
  unit/test_lint_source.cpp
  unit/test_lint_sql.cpp
  unit/test_runner_execute.cpp
  unit/test_runner_postgres.cpp
  unit/test_runner_snapshot.cpp
  unit/test_runner_sources.cpp
)
