// libFuzzer target: lint an up/down pair with every rule. The input is split at the first
// "\n--down--\n" (or in half when it has none): the up before it, the down after.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lint/engine.h"
#include "rules/registry.h"

namespace {

const sqlgate::lint::RuleSet& all_rules() {
  static const sqlgate::lint::RuleSet k_rules = [] {
    sqlgate::lint::RuleSet rules = sqlgate::rules::make_rule_set();
    sqlgate::lint::RuleSelection selection;
    selection.enable_all = true;
    rules.configure(selection);
    return rules;
  }();
  return k_rules;
}

sqlgate::lint::SourceFile make_file(std::string name, std::string_view text) {
  sqlgate::lint::SourceFile file;
  file.path = std::move(name);
  file.display = file.path.string();
  file.text = std::string(text);
  sqlgate::lint::classify(file);
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view k_separator = "\n--down--\n";
  std::size_t split = input.find(k_separator);
  std::string_view up =
      split == std::string_view::npos ? input.substr(0, size / 2) : input.substr(0, split);
  std::string_view down = split == std::string_view::npos
                              ? input.substr(size / 2)
                              : input.substr(split + k_separator.size());
  std::vector<sqlgate::lint::SourceFile> files;
  files.push_back(make_file("20250101000000_fuzz.up.sql", up));
  files.push_back(make_file("20250101000000_fuzz.down.sql", down));
  files.push_back(make_file("20250101000001_next.up.sql", "SELECT 1;"));
  sqlgate::lint::MigrationSet set = sqlgate::lint::make_set(std::move(files));
  sqlgate::lint::lint(set, all_rules(), sqlgate::lint::LintOptions{1, 15, {}});
  return 0;
}
