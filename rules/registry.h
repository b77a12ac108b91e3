// The explicit list of every rule. Each category adds its rules in its own registry.cpp.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lint/engine.h"
#include "lint/rule.h"

namespace sqlgate::rules {

// Every rule, in the order `sqlgate rules` lists them, with its doc page attached.
const std::vector<lint::Rule>& all();
// Old rule ids that still name a rule (an id is permanent; a rename keeps the old one here).
const std::map<std::string, std::string>& aliases();
// A rule set with every rule at its defaults; configure() it for a run.
lint::RuleSet make_rule_set();
// The rule's page (markdown), embedded at build time; empty when there is none.
std::string_view doc_page(std::string_view id);

// One per category (rules/<category>/registry.cpp).
void add_idempotency(std::vector<lint::Rule>& rules);
void add_pairing(std::vector<lint::Rule>& rules);
void add_ordering(std::vector<lint::Rule>& rules);
void add_naming(std::vector<lint::Rule>& rules);
void add_safety(std::vector<lint::Rule>& rules);
void add_transaction(std::vector<lint::Rule>& rules);
void add_syntax(std::vector<lint::Rule>& rules);
void add_meta(std::vector<lint::Rule>& rules);

}  // namespace sqlgate::rules
