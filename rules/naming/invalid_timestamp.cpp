// invalid-timestamp: in a folder numbered by timestamp, a version that is not a real UTC date
// and time written YYYYMMDDHHMMSS.
#include <string_view>
#include <unordered_set>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

// Whether 14 digits are a real UTC date and time (YYYYMMDDHHMMSS, years 1970 to 9999).
bool valid_timestamp(std::string_view digits) {
  if (digits.size() != 14) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (digits[i] - '0');
    return value;
  };
  int year = number(0, 4);
  int month = number(4, 2);
  int day = number(6, 2);
  int hour = number(8, 2);
  int minute = number(10, 2);
  int second = number(12, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = k_days[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days && hour < 24 && minute < 60 && second < 60;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  if (project.naming() != lint::NamingConvention::timestamp) return;
  std::unordered_set<std::string_view> seen;  // versions reported, as written
  for (const auto& file : set.files) {
    if (!file.migration) continue;
    const std::string& raw = file.migration->version.raw();
    if (valid_timestamp(raw) || !seen.insert(raw).second) continue;
    std::string why = raw.size() != 14 ? "it has " + std::to_string(raw.size()) + " digits, not 14"
                                       : "it is not a real date and time";
    out.report(file, lint::TextRange{0, 0},
               "version " + raw + " is not a UTC timestamp (YYYYMMDDHHMMSS): " + why +
                   "; this folder's migrations are numbered by timestamp",
               "rename the migration with the UTC time it was written, e.g. what `sqlgate "
               "create` or `migrate create -ext sql` gives");
  }
}

}  // namespace

lint::Rule invalid_timestamp() {
  return {.info = {.id = "invalid-timestamp",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::warning,
                   .summary = "A version that is not a real YYYYMMDDHHMMSS UTC timestamp"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
