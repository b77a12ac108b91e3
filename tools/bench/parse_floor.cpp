// The parse floor: read the given .sql files (folders are searched recursively) and call
// pg_query_parse on each, on N threads, doing nothing else. sqlgate lint cannot be faster than
// this; tools/bench/lint.sh compares the two. --protobuf calls pg_query_parse_protobuf instead,
// libpg_query's other output, to compare the two (under callgrind, say).
//   parse_floor [-j N] [--protobuf] PATH...
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <pg_query.h>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool protobuf = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
      continue;
    }
    if (std::strcmp(argv[i], "--protobuf") == 0) {
      protobuf = true;
      continue;
    }
    fs::path path(argv[i]);
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".sql") {
          files.push_back(entry.path());
        }
      }
    } else {
      files.push_back(path);
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> errors{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      std::ifstream in(files[i], std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      std::string text = buffer.str();
      if (protobuf) {
        PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.c_str());
        if (result.error != nullptr) errors.fetch_add(1);
        pg_query_free_protobuf_parse_result(result);
      } else {
        PgQueryParseResult result = pg_query_parse(text.c_str());
        if (result.error != nullptr) errors.fetch_add(1);
        pg_query_free_parse_result(result);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  std::printf("%zu files parsed (%s), %zu with syntax errors, %u threads\n", files.size(),
              protobuf ? "protobuf" : "JSON", errors.load(), jobs);
  return 0;
}
