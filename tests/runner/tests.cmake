# Runner tests need PostgreSQL; tools/test.sh starts one (SQLGATE_TEST_DATABASE_URL).
list(APPEND SQLGATE_RUNNER_TESTS
  runner/test_runner_cli.cpp
  runner/test_runner_database.cpp
  runner/test_runner_postgres.cpp
  runner/test_runner_execute.cpp
  runner/test_runner_faults.cpp
  runner/test_runner_snapshot.cpp
  runner/test_runner_scratch.cpp
  runner/test_runner_server_state.cpp
  runner/test_runner_verify.cpp
)
