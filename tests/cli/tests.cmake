list(APPEND SQLGATE_CLI_TESTS
  cli/test_cli_lint.cpp
  cli/test_cli_runner.cpp
)
