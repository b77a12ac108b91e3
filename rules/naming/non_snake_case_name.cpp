// non-snake-case-name: the name part of a migration (after `<version>_`) with spaces, capitals
// or other characters than a-z, 0-9 and '_'.
#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

std::string snake_case(std::string_view name) {
  std::string result;
  char previous = '_';
  for (char c : name) {
    char next = c;
    if (c >= 'A' && c <= 'Z') {
      if (previous != '_' && !(previous >= 'A' && previous <= 'Z') && !result.empty()) {
        result += '_';
      }
      next = static_cast<char>(c - 'A' + 'a');
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      next = '_';
    }
    if (next == '_' && (result.empty() || result.back() == '_')) {
      previous = c;
      continue;
    }
    result += next;
    previous = c;
  }
  while (!result.empty() && result.back() == '_') result.pop_back();
  return result;
}

void check(const lint::Project& project, lint::Reporter& out) {
  for (const auto& file : project.set().files) {
    if (!file.migration) continue;
    const std::string& name = file.migration->name;
    std::vector<std::string> problems;
    bool space = false;
    bool capital = false;
    bool other = false;
    for (char c : name) {
      if (c == ' ' || c == '\t') {
        space = true;
      } else if (c >= 'A' && c <= 'Z') {
        capital = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        other = true;
      }
    }
    if (name.empty()) problems.push_back("it is empty");
    if (space) problems.push_back("spaces");
    if (capital) problems.push_back("capitals");
    if (other) problems.push_back("characters other than a-z, 0-9 and '_'");
    if (problems.empty()) continue;
    std::string list;
    for (std::size_t i = 0; i < problems.size(); ++i) {
      if (i > 0) list += i + 1 == problems.size() ? " and " : ", ";
      list += problems[i];
    }
    std::string suggestion = snake_case(name);
    if (suggestion.empty()) suggestion = "describe_the_change";
    out.report(file, lint::TextRange{0, 0},
               "migration name '" + name + "' is not snake_case: " + list,
               "rename it to " + file.migration->version.raw() + "_" + suggestion + "." +
                   std::string(lint::to_string(file.migration->direction)) + ".sql");
  }
}

}  // namespace

lint::Rule non_snake_case_name() {
  return {.info = {.id = "non-snake-case-name",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::warning,
                   .summary = "A migration name with spaces, capitals or punctuation"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
