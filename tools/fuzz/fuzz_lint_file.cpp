// libFuzzer target: lint one file with every rule (opt-in rules too).
#include <cstddef>
#include <cstdint>
#include <string>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sqlgate::lint::SourceFile file;
  file.path = "20250101000000_fuzz.up.sql";
  file.display = file.path.string();
  file.text.assign(reinterpret_cast<const char*>(data), size);
  sqlgate::lint::classify(file);
  std::vector<sqlgate::lint::SourceFile> files;
  files.push_back(std::move(file));
  sqlgate::lint::MigrationSet set = sqlgate::lint::make_set(std::move(files));
  sqlgate::lint::lint(set, all_rules(), sqlgate::lint::LintOptions{1, 15, {}});
  return 0;
}
