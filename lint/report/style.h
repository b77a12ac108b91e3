// ANSI styles for terminal reports, on only when the caller decides colour is wanted.
#pragma once

#include <string_view>

namespace sqlgate::lint::report {

// style(k_red) is the code when colour is on, "" when off.
struct Style {
  bool on = false;
  std::string_view operator()(std::string_view code) const { return on ? code : ""; }
};

inline constexpr std::string_view k_reset = "\x1b[0m";
inline constexpr std::string_view k_bold = "\x1b[1m";
inline constexpr std::string_view k_red = "\x1b[31m";
inline constexpr std::string_view k_green = "\x1b[32m";
inline constexpr std::string_view k_yellow = "\x1b[33m";
inline constexpr std::string_view k_blue = "\x1b[34m";
inline constexpr std::string_view k_cyan = "\x1b[36m";

}  // namespace sqlgate::lint::report
