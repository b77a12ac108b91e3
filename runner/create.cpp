#include "runner/create.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <stdexcept>
#include <unistd.h>

#include "lint/source.h"
#include "runner/errors.h"

namespace sqlgate::runner {
namespace fs = std::filesystem;
namespace {

// Sets TZ for the scope of a conversion (the C library reads zones only from there).
class ZoneScope {
 public:
  explicit ZoneScope(const std::string& zone) {
    const char* old = std::getenv("TZ");
    if (old != nullptr) m_old = old;
    if (zone == "Local") {
      unsetenv("TZ");
    } else {
      setenv("TZ", zone == "UTC" ? "UTC0" : zone.c_str(), 1);
    }
    tzset();
  }
  ~ZoneScope() {
    if (m_old) {
      setenv("TZ", m_old->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  ZoneScope(const ZoneScope&) = delete;
  ZoneScope& operator=(const ZoneScope&) = delete;

 private:
  std::optional<std::string> m_old;
};

bool zone_exists(const std::string& zone) {
  if (zone == "UTC" || zone == "Local") return true;
  if (zone.empty() || zone.find("..") != std::string::npos || zone.front() == '/') return false;
  for (const char* base :
       {"/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/usr/share/lib/zoneinfo/"}) {
    if (fs::is_regular_file(fs::path(base) / zone)) return true;
  }
  return false;
}

std::string padded(long value, int width) {
  std::string text = std::to_string(value);
  while (static_cast<int>(text.size()) < width) text = "0" + text;
  return text;
}

constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* k_long_months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

std::string version_for(const CreateOptions& options) {
  if (options.sequential) {
    if (options.digits <= 0) throw std::invalid_argument("--digits must be positive");
    std::error_code ec;
    lint::Version highest("0");
    bool any = false;
    if (fs::is_directory(options.dir, ec)) {
      for (const auto& entry : fs::directory_iterator(options.dir, ec)) {
        auto name = lint::parse_migration_name(entry.path().filename().string());
        if (!name) continue;
        if (!any || name->version > highest) highest = name->version;
        any = true;
      }
    }
    std::uint64_t next = 1;
    if (any) {
      auto value = highest.as_bigint();
      if (!value || *value == INT64_MAX) {
        throw std::invalid_argument("the highest version, " + highest.raw() +
                                    ", leaves no next sequence number");
      }
      next = static_cast<std::uint64_t>(*value) + 1;
    }
    std::string version = std::to_string(next);
    if (static_cast<int>(version.size()) > options.digits) {
      throw std::invalid_argument("next sequence number " + version + " too large: at most " +
                                  std::to_string(options.digits) + " digits are allowed");
    }
    return padded(static_cast<long>(next), options.digits);
  }
  if (options.time_format.empty()) throw std::invalid_argument("--time-format may not be empty");
  using namespace std::chrono;
  if (options.time_format == "unix") {
    return std::to_string(duration_cast<seconds>(options.now.time_since_epoch()).count());
  }
  if (options.time_format == "unixNano") {
    return std::to_string(duration_cast<nanoseconds>(options.now.time_since_epoch()).count());
  }
  return format_go_time(options.time_format, options.now, options.time_zone);
}

}  // namespace

std::string format_go_time(std::string_view layout, std::chrono::system_clock::time_point time,
                           const std::string& time_zone) {
  if (!zone_exists(time_zone)) throw std::invalid_argument("unknown time zone '" + time_zone + "'");
  using namespace std::chrono;
  std::time_t seconds_since = system_clock::to_time_t(time);
  long nanos = static_cast<long>(
      duration_cast<nanoseconds>(time.time_since_epoch() - seconds(seconds_since)).count());
  if (nanos < 0) nanos += 1000000000L;
  std::tm tm{};
  {
    ZoneScope scope(time_zone);
    localtime_r(&seconds_since, &tm);
  }
  std::string out;
  std::size_t i = 0;
  auto take = [&](std::string_view token) {
    if (layout.substr(i, token.size()) != token) return false;
    i += token.size();
    return true;
  };
  while (i < layout.size()) {
    int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    if (take("2006")) {
      out += padded(tm.tm_year + 1900, 4);
    } else if (take("January")) {
      out += k_long_months[tm.tm_mon];
    } else if (take("Jan")) {
      out += k_months[tm.tm_mon];
    } else if (take("01")) {
      out += padded(tm.tm_mon + 1, 2);
    } else if (take("02")) {
      out += padded(tm.tm_mday, 2);
    } else if (take("03")) {
      out += padded(hour12, 2);
    } else if (take("04")) {
      out += padded(tm.tm_min, 2);
    } else if (take("05")) {
      out += padded(tm.tm_sec, 2);
    } else if (take("06")) {
      out += padded((tm.tm_year + 1900) % 100, 2);
    } else if (take("15")) {
      out += padded(tm.tm_hour, 2);
    } else if (take("PM")) {
      out += tm.tm_hour >= 12 ? "PM" : "AM";
    } else if (layout.substr(i, 2) == ".0" || layout.substr(i, 2) == ".9") {
      char digit = layout[i + 1];
      std::size_t j = i + 1;
      while (j < layout.size() && layout[j] == digit) ++j;
      int width = static_cast<int>(j - i - 1);
      std::string fraction =
          padded(nanos, 9).substr(0, static_cast<std::size_t>(std::min(width, 9)));
      if (digit == '9') {
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
        if (!fraction.empty()) out += "." + fraction;
      } else {
        out += "." + fraction;
      }
      i = j;
    } else if (take("1")) {
      out += std::to_string(tm.tm_mon + 1);
    } else if (take("2")) {
      out += std::to_string(tm.tm_mday);
    } else if (take("3")) {
      out += std::to_string(hour12);
    } else if (take("4")) {
      out += std::to_string(tm.tm_min);
    } else if (take("5")) {
      out += std::to_string(tm.tm_sec);
    } else {
      out += layout[i++];
    }
  }
  return out;
}

std::vector<fs::path> create_migration(const CreateOptions& options) {
  if (options.name.empty()) throw std::invalid_argument("please specify a name");
  if (options.name.find('/') != std::string::npos || options.name.find('\\') != std::string::npos) {
    throw std::invalid_argument("the name '" + options.name + "' contains a path separator");
  }
  std::string extension = options.extension;
  while (!extension.empty() && extension.front() == '.') extension.erase(0, 1);
  if (extension.empty()) throw std::invalid_argument("--ext may not be empty");

  std::string version = version_for(options);
  if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos) {
    throw std::invalid_argument("the version '" + version +
                                "' is not a number: --time-format must produce digits only");
  }
  lint::Version wanted(version);
  std::error_code ec;
  if (fs::is_directory(options.dir, ec)) {
    std::vector<std::string> taken;
    for (const auto& entry : fs::directory_iterator(options.dir, ec)) {
      std::string file = entry.path().filename().string();
      auto name = lint::parse_migration_name(file);
      if (name && name->version == wanted) taken.push_back(file);
    }
    if (!taken.empty()) {
      std::sort(taken.begin(), taken.end());
      throw RunRefused("duplicate migration version: " + version + " (" + taken.back() +
                       " exists)");
    }
  }
  fs::create_directories(options.dir, ec);
  if (ec) throw std::runtime_error("cannot create " + options.dir + ": " + ec.message());

  std::vector<fs::path> created;
  for (const char* direction : {"up", "down"}) {
    fs::path path =
        fs::path(options.dir) / (version + "_" + options.name + "." + direction + "." + extension);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) {
      std::string reason = std::strerror(errno);
      for (const auto& made : created) fs::remove(made, ec);
      throw std::runtime_error("cannot create " + path.string() + ": " + reason);
    }
    ::close(fd);
    created.push_back(path);
  }
  return created;
}

}  // namespace sqlgate::runner
