// `sqlgate create`: a new up/down pair, named as golang-migrate's create names it.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::runner {

struct CreateOptions {
  std::string dir = "migrations/sql";
  std::string name;
  std::string extension = "sql";
  bool sequential = false;  // next number after the highest version in dir
  int digits = 6;           // width of a sequence number
  // Go's reference-time layout ("20060102150405"), or "unix" / "unixNano".
  std::string time_format = "20060102150405";
  std::string time_zone = "UTC";  // an IANA zone name, or "Local"
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// Formats a time with a Go layout (2006 06 01 1 Jan 02 2 15 03 3 04 4 05 5 PM .000 ...) in a
// time zone. Throws std::invalid_argument for an unknown zone.
std::string format_go_time(std::string_view layout, std::chrono::system_clock::time_point time,
                           const std::string& time_zone);

// Creates <version>_<name>.up.<ext> and .down.<ext> (empty) and returns their paths. Throws
// RunRefused when the version exists already, std::invalid_argument for bad options.
std::vector<std::filesystem::path> create_migration(const CreateOptions& options);

}  // namespace sqlgate::runner
