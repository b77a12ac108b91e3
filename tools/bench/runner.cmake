# The runner benchmark: bench_runner times sqlgate, dbmate and runner_floor (the floor).
add_executable(runner_floor ${CMAKE_CURRENT_LIST_DIR}/runner_floor.cpp)
target_link_libraries(runner_floor PRIVATE sqlgate_runner)
add_executable(bench_runner ${CMAKE_CURRENT_LIST_DIR}/runner.cpp)
target_link_libraries(bench_runner PRIVATE sqlgate_runner)
target_compile_definitions(bench_runner PRIVATE
  SQLGATE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  SQLGATE_BINARY="$<TARGET_FILE:sqlgate>"
  SQLGATE_FLOOR="$<TARGET_FILE:runner_floor>")
add_dependencies(bench_runner sqlgate runner_floor)
