#include "lint/options.h"

namespace sqlgate::lint {

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::boolean:
      return "a boolean";
    case OptionType::integer:
      return "an integer";
    case OptionType::string:
      return "a string";
    case OptionType::strings:
      break;
  }
  return "a list of strings";
}

OptionType type_of(const OptionValue& value) {
  return static_cast<OptionType>(value.index());
}

namespace {

template <typename T>
const T* find(const std::map<std::string, OptionValue, std::less<>>& values,
              std::string_view name) {
  auto it = values.find(name);
  return it == values.end() ? nullptr : std::get_if<T>(&it->second);
}

}  // namespace

bool RuleOptions::boolean(std::string_view name, bool fallback) const {
  const bool* value = find<bool>(m_values, name);
  return value ? *value : fallback;
}

std::int64_t RuleOptions::integer(std::string_view name, std::int64_t fallback) const {
  const std::int64_t* value = find<std::int64_t>(m_values, name);
  return value ? *value : fallback;
}

std::string RuleOptions::string(std::string_view name, std::string_view fallback) const {
  const std::string* value = find<std::string>(m_values, name);
  return value ? *value : std::string(fallback);
}

std::vector<std::string> RuleOptions::strings(std::string_view name,
                                              const std::vector<std::string>& fallback) const {
  const auto* value = find<std::vector<std::string>>(m_values, name);
  return value ? *value : fallback;
}

void RuleOptions::merge(const RuleOptions& other) {
  for (const auto& [name, value] : other.m_values) m_values[name] = value;
}

}  // namespace sqlgate::lint
