// The runner benchmark (a program, not a test): two workloads of N migrations, each applied to a
// fresh database by sqlgate, by dbmate (when installed) and by the floor (runner_floor: the same
// statements and bookkeeping, one string per migration, nothing else), alternated (each round
// starts with another tool; a checkpoint before each run), median of R. Besides the medians of
// the times it prints the median of the rounds' own sqlgate/floor ratios: the two runs of a
// round are minutes apart at most, so a server that drifts during the benchmark moves both.
//   bench_runner [--count N] [--rounds R] [--dbmate PATH] [--url SERVER_URL]
// Without --url (or SQLGATE_BENCH_URL) it starts a throwaway server with tools/pg-sandbox.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "runner/postgres.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using sqlgate::runner::quote_identifier;

struct Options {
  int count = 1000;
  int rounds = 5;
  std::string dbmate = "/tmp/bench-node/node_modules/.bin/dbmate";
  std::string url;
};

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Runs a program, its output discarded unless it fails; returns the exit code. *cpu gets the
// CPU time (user + system) the program used.
int run(const std::vector<std::string>& argv, std::string* output = nullptr,
        double* cpu = nullptr) {
  fs::path log = fs::temp_directory_path() / ("bench-runner-" + std::to_string(getpid()) + ".log");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + argv[0]);
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0) {
  }
  if (cpu) {
    *cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(log);
  if (output) *output = text;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  if (code != 0) std::cerr << text;
  return code;
}

std::string version_of(int i) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%06d", i);
  return buffer;
}

struct Workload {
  std::string name;
  std::string setup;  // run on each fresh database before timing
  std::string (*up)(int);
  std::string (*down)(int);
};

std::string comment_up(int i) {
  return "COMMENT ON TABLE bench_target IS 'migration " + std::to_string(i) + "';\n";
}
std::string comment_down(int) {
  return "COMMENT ON TABLE bench_target IS NULL;\n";
}
std::string table_up(int i) {
  std::string t = "item_" + std::to_string(i);
  return "CREATE TABLE IF NOT EXISTS " + t +
         " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT "
         "now());\nCREATE INDEX IF NOT EXISTS " +
         t + "_name_idx ON " + t + " (name);\n";
}
std::string table_down(int i) {
  std::string t = "item_" + std::to_string(i);
  return "DROP INDEX IF EXISTS " + t + "_name_idx;\nDROP TABLE IF EXISTS " + t + ";\n";
}

// The sqlgate/golang-migrate folder and the dbmate folder of a workload.
void generate(const Workload& workload, int count, const fs::path& golang, const fs::path& dbmate) {
  fs::create_directories(golang);
  fs::create_directories(dbmate);
  for (int i = 1; i <= count; ++i) {
    std::string stem = version_of(i) + "_" + workload.name + "_" + std::to_string(i);
    write(golang / (stem + ".up.sql"), workload.up(i));
    write(golang / (stem + ".down.sql"), workload.down(i));
    write(dbmate / (stem + ".sql"),
          "-- migrate:up\n" + workload.up(i) + "\n-- migrate:down\n" + workload.down(i));
  }
}

// postgresql://user@/postgres?host=... with another database.
std::string with_database(const std::string& url, const std::string& database) {
  auto scheme = url.find("://");
  auto path = url.find('/', scheme + 3);
  auto query = url.find('?', scheme + 3);
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return url.substr(0, std::min(path, query)) + "/" + database + tail;
}

// The middle value; for an even count, the mean of the two middle ones.
double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The median of a/b taken round by round.
double median_ratio(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> ratios;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) ratios.push_back(a[i] / b[i]);
  return median(ratios);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    try {
      if (arg == "--count") {
        options.count = std::stoi(value());
      } else if (arg == "--rounds") {
        options.rounds = std::stoi(value());
      } else if (arg == "--dbmate") {
        options.dbmate = value();
      } else if (arg == "--url") {
        options.url = value();
      } else {
        std::cerr << "usage: bench_runner [--count N] [--rounds R] [--dbmate PATH] [--url URL]\n";
        return 2;
      }
    } catch (const std::exception& e) {
      std::cerr << "bench_runner: " << e.what() << '\n';
      return 2;
    }
  }
  if (options.url.empty()) {
    if (const char* url = std::getenv("SQLGATE_BENCH_URL")) options.url = url;
  }

  fs::path source(SQLGATE_SOURCE_DIR);
  fs::path work = fs::temp_directory_path() / ("bench-runner-" + std::to_string(getpid()));
  fs::create_directories(work);
  fs::path sandbox = work / "pg";
  bool own_server = options.url.empty();
  int code = 0;
  try {
    if (own_server) {
      std::string out;
      if (run({(source / "tools" / "pg-sandbox.sh").string(), "start", sandbox.string()}, &out) !=
          0) {
        throw std::runtime_error("cannot start a PostgreSQL sandbox");
      }
      options.url = out.substr(0, out.find('\n'));
      // Autovacuum wakes up at random while the catalogs fill, and its work lands on whichever
      // run happens to be going. Off on the benchmark's own server only.
      auto admin = sqlgate::runner::connect_postgres(options.url);
      admin->execute("ALTER SYSTEM SET autovacuum = off");
      admin->execute("SELECT pg_reload_conf()");
    }
    bool have_dbmate = fs::exists(options.dbmate);
    std::vector<Workload> workloads = {
        {"comment", "CREATE TABLE bench_target (id int)", comment_up, comment_down},
        {"table", "", table_up, table_down}};
    for (const auto& workload : workloads) {
      generate(workload, options.count, work / ("golang_" + workload.name),
               work / ("dbmate_" + workload.name));
    }

    auto admin = sqlgate::runner::connect_postgres(options.url);
    std::vector<std::string> tools = {"sqlgate", "floor"};
    if (have_dbmate) tools.insert(tools.begin() + 1, "dbmate");
    std::map<std::string, std::map<std::string, std::vector<double>>> times;
    std::map<std::string, std::map<std::string, std::vector<double>>> cpu_times;
    int serial = 0;
    for (int round = 0; round < options.rounds; ++round) {
      for (const auto& workload : workloads) {
        // Each round starts with another tool, so that none always runs right after the same one.
        std::vector<std::string> order = tools;
        std::rotate(order.begin(), order.begin() + round % order.size(), order.end());
        for (const auto& tool : order) {
          std::string name = "bench_" + std::to_string(getpid()) + "_" + std::to_string(serial++);
          admin->execute("CREATE DATABASE " + quote_identifier(name));
          std::string url = with_database(options.url, name);
          if (!workload.setup.empty())
            sqlgate::runner::connect_postgres(url)->execute(workload.setup);
          // What creating the database and dropping the last one wrote is flushed now, not
          // during the timed run.
          admin->execute("CHECKPOINT");
          fs::path golang = work / ("golang_" + workload.name);
          std::vector<std::string> command;
          if (tool == "sqlgate") {
            command = {(fs::path(SQLGATE_BINARY)).string(), "up", "-d", url, "-p", golang.string()};
          } else if (tool == "floor") {
            command = {(fs::path(SQLGATE_FLOOR)).string(), url, golang.string()};
          } else {
            command = {options.dbmate,
                       "--url",
                       url + "&sslmode=disable",
                       "--migrations-dir",
                       (work / ("dbmate_" + workload.name)).string(),
                       "--no-dump-schema",
                       "up"};
          }
          auto start = std::chrono::steady_clock::now();
          double cpu = 0;
          int status = run(command, nullptr, &cpu);
          std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
          if (status != 0) throw std::runtime_error(tool + " failed on " + workload.name);
          // Check that everything was applied.
          auto check = sqlgate::runner::connect_postgres(url);
          std::string applied =
              tool == "dbmate"
                  ? check->query("SELECT count(*) FROM schema_migrations").rows[0][0].value_or("")
                  : check->query("SELECT max(version) FROM schema_migrations")
                        .rows[0][0]
                        .value_or("");
          check.reset();
          if (applied != std::to_string(options.count)) {
            throw std::runtime_error(tool + " applied " + applied + " migrations of " +
                                     workload.name);
          }
          times[workload.name][tool].push_back(took.count());
          cpu_times[workload.name][tool].push_back(cpu);
          admin->execute("DROP DATABASE " + quote_identifier(name) + " WITH (FORCE)");
        }
      }
    }

    std::printf(
        "runner benchmark: %d migrations per workload, median of %d runs, each on a "
        "fresh database\n",
        options.count, options.rounds);
    std::printf("%-9s %10s %10s %10s %15s %14s\n", "workload", "sqlgate", "dbmate", "floor",
                "sqlgate/floor", "dbmate/floor");
    for (const auto& workload : workloads) {
      auto& row = times[workload.name];
      double sqlgate = median(row["sqlgate"]);
      double floor = median(row["floor"]);
      if (have_dbmate) {
        double dbmate = median(row["dbmate"]);
        std::printf("%-9s %9.3fs %9.3fs %9.3fs %14.2fx %13.2fx\n", workload.name.c_str(), sqlgate,
                    dbmate, floor, sqlgate / floor, dbmate / floor);
      } else {
        std::printf("%-9s %9.3fs %10s %9.3fs %14.2fx %14s\n", workload.name.c_str(), sqlgate, "-",
                    floor, sqlgate / floor, "-");
      }
    }
    std::printf("\nMedian of the per-round ratios (each round's runs back to back):\n");
    std::printf("%-9s %15s %14s   (%s)\n", "workload", "sqlgate/floor", "dbmate/floor",
                "sqlgate/floor of each round");
    for (const auto& workload : workloads) {
      auto& row = times[workload.name];
      char dbmate[16] = "-";
      if (have_dbmate) {
        std::snprintf(dbmate, sizeof dbmate, "%.2fx", median_ratio(row["dbmate"], row["floor"]));
      }
      std::string each;
      for (std::size_t i = 0; i < row["sqlgate"].size(); ++i) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%s%.2f", i == 0 ? "" : " ",
                      row["sqlgate"][i] / row["floor"][i]);
        each += buffer;
      }
      std::printf("%-9s %14.2fx %14s   (%s)\n", workload.name.c_str(),
                  median_ratio(row["sqlgate"], row["floor"]), dbmate, each.c_str());
    }
    std::printf(
        "\nCPU time of the client process (user + system), median; the rest is waiting "
        "for the server:\n");
    for (const auto& workload : workloads) {
      auto& row = cpu_times[workload.name];
      std::string dbmate =
          have_dbmate ? std::to_string(median(row["dbmate"])).substr(0, 5) + "s" : std::string("-");
      std::printf("%-9s %9.3fs %10s %9.3fs\n", workload.name.c_str(), median(row["sqlgate"]),
                  dbmate.c_str(), median(row["floor"]));
    }
    if (!have_dbmate) {
      std::printf(
          "dbmate not found at %s: `npm install dbmate` in /tmp/bench-node (outside the "
          "repository) to include it\n",
          options.dbmate.c_str());
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_runner: " << e.what() << '\n';
    code = 1;
  }
  if (own_server) run({(source / "tools" / "pg-sandbox.sh").string(), "stop", sandbox.string()});
  std::error_code ec;
  fs::remove_all(work, ec);
  return code;
}
