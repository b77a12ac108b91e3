#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {

std::string_view to_string(Convention convention) {
  return convention == Convention::timestamp ? "timestamp" : "sequence";
}

Convention convention_of(const lint::MigrationSet& set, std::optional<Convention> configured) {
  if (configured) return *configured;
  std::size_t timestamps = 0;
  std::size_t total = 0;
  for (const auto& file : set.files) {
    if (!file.migration) continue;
    ++total;
    if (file.migration->version.raw().size() == 14) ++timestamps;
  }
  return total > 0 && timestamps * 2 > total ? Convention::timestamp : Convention::sequence;
}

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

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

}  // namespace sqlgate::rules::naming
