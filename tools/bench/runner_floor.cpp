// The floor for the runner benchmark: the statements sqlgate sends for each migration (BEGIN,
// the file, the state row, the history row, COMMIT, as one string) and nothing else: no lint
// gate, no lock, no plan, no reading of the state.
//   runner_floor CONNINFO DIR
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lint/source.h"
#include "runner/postgres.h"
#include "runner/state.h"

int main(int argc, char** argv) {
  using namespace sqlgate;
  if (argc != 3) {
    std::cerr << "usage: runner_floor CONNINFO DIR\n";
    return 2;
  }
  try {
    struct File {
      lint::Version version;
      std::string name;
      std::string text;
    };
    std::vector<File> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[2])) {
      auto name = lint::parse_migration_name(entry.path().filename().string());
      if (!name || name->direction != lint::Direction::up) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files.push_back({name->version, name->name, std::move(text).str()});
    }
    std::sort(files.begin(), files.end(),
              [](const File& a, const File& b) { return a.version < b.version; });

    auto session = runner::connect_postgres(argv[1]);
    std::string schema = runner::session_info(*session).current_schema;
    auto db = runner::open_state(*session, {schema, "schema_migrations"}, "");
    db->ensure_tables();
    std::int64_t at = runner::k_nil_version;
    for (const File& file : files) {
      runner::MigrationRun run;
      run.version = *file.version.as_bigint();
      run.name = file.name;
      run.sql = file.text;
      run.checksum = runner::sha256_hex(file.text);
      run.lint_verdict = "clean";
      run.statements = 1;
      run.version_before = at;
      run.version_after = run.version;
      db->apply(run);
      at = run.version;
    }
  } catch (const std::exception& e) {
    std::cerr << "runner_floor: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
