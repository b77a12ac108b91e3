// What PostgreSQL refuses, as the safety rules that report first-run refusals word it: "<what>
// fails on its first run: <why>, and PostgreSQL refuses it ("<message>")", then <help>.
#pragma once

#include <string>
#include <string_view>

namespace sqlgate::rules {

struct Refusal {
  std::string what;     // what the statement does, for the message
  std::string why;      // what in the schema makes PostgreSQL refuse it
  std::string message;  // PostgreSQL's
  std::string help;
};

// A name in double quotes, as PostgreSQL's messages write it: "orders".
inline std::string in_quotes(std::string_view name) {
  std::string text = "\"";
  text += name;
  text += '"';
  return text;
}

}  // namespace sqlgate::rules
