list(APPEND SQLGATE_CLI_TESTS
  cli/test_cli_completion.cpp
  cli/test_cli_config.cpp
  cli/test_cli_create_down.cpp
  cli/test_cli_fix.cpp
  cli/test_cli_formats.cpp
  cli/test_cli_lint.cpp
  cli/test_cli_bad_input.cpp
  cli/test_cli_changes.cpp
  cli/test_cli_package.cpp
  cli/test_cli_pairing.cpp
  cli/test_cli_precommit.cpp
  cli/test_cli_rules_idempotency.cpp
  cli/test_cli_runner.cpp
  cli/test_cli_verify.cpp
)
