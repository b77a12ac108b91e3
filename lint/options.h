// Rule options: what a rule declares it accepts (RuleInfo::options), and the values the
// configuration sets (.sqlgate.json "rules": {"rule-id": {"severity": ..., "option": value}}).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sqlgate::lint {

enum class OptionType : std::uint8_t { boolean, integer, string, strings };
std::string_view to_string(OptionType type);

// One option a rule accepts; the configuration rejects names and types a rule does not declare.
struct OptionSpec {
  std::string_view name;
  OptionType type = OptionType::boolean;
  std::string_view description;
};

using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;
OptionType type_of(const OptionValue& value);

// The options set for one rule (for one file, once path overrides are merged in). A rule reads
// them with a fallback: what is not configured is the rule's default.
class RuleOptions {
 public:
  bool has(std::string_view name) const { return m_values.find(name) != m_values.end(); }
  bool empty() const { return m_values.empty(); }

  bool boolean(std::string_view name, bool fallback) const;
  std::int64_t integer(std::string_view name, std::int64_t fallback) const;
  std::string string(std::string_view name, std::string_view fallback) const;
  std::vector<std::string> strings(std::string_view name,
                                   const std::vector<std::string>& fallback = {}) const;

  void set(std::string name, OptionValue value) { m_values[std::move(name)] = std::move(value); }
  // Takes every value of `other`, key by key.
  void merge(const RuleOptions& other);
  const std::map<std::string, OptionValue, std::less<>>& values() const { return m_values; }

  bool operator==(const RuleOptions&) const = default;

 private:
  std::map<std::string, OptionValue, std::less<>> m_values;
};

}  // namespace sqlgate::lint
