#include "rules/registry.h"

namespace sqlgate::rules {

const std::vector<lint::Rule>& all() {
  static const std::vector<lint::Rule> k_rules = [] {
    std::vector<lint::Rule> rules;
    add_syntax(rules);
    add_idempotency(rules);
    add_pairing(rules);
    add_ordering(rules);
    add_naming(rules);
    add_safety(rules);
    add_transaction(rules);
    add_meta(rules);
    for (auto& rule : rules) rule.info.doc = doc_page(rule.info.id);
    return rules;
  }();
  return k_rules;
}

const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> k_aliases = {};
  return k_aliases;
}

lint::RuleSet make_rule_set() {
  return lint::RuleSet(all(), aliases());
}

}  // namespace sqlgate::rules
