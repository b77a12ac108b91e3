#include "lint/diagnostic.h"

#include <array>
#include <tuple>

namespace sqlgate::lint {
namespace {

constexpr std::array<std::string_view, 3> k_severity_names = {"info", "warning", "error"};
constexpr std::array<std::string_view, 8> k_category_names = {
    "idempotency", "pairing", "ordering", "naming", "safety", "transaction", "syntax", "meta"};

}  // namespace

std::string_view to_string(Severity severity) {
  return k_severity_names[static_cast<std::size_t>(severity)];
}

std::string_view to_string(Category category) {
  return k_category_names[static_cast<std::size_t>(category)];
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (std::size_t i = 0; i < k_severity_names.size(); ++i) {
    if (k_severity_names[i] == text) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

std::optional<Category> parse_category(std::string_view text) {
  for (std::size_t i = 0; i < k_category_names.size(); ++i) {
    if (k_category_names[i] == text) return static_cast<Category>(i);
  }
  return std::nullopt;
}

const std::vector<Category>& all_categories() {
  static const std::vector<Category> k_all = {
      Category::idempotency, Category::pairing,     Category::ordering, Category::naming,
      Category::safety,      Category::transaction, Category::syntax,   Category::meta};
  return k_all;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.start, a.rule, a.message) <
         std::tie(b.file, b.start, b.rule, b.message);
}

}  // namespace sqlgate::lint
