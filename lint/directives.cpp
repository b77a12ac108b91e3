#include "lint/directives.h"

#include <array>
#include <utility>

namespace sqlgate::lint {
namespace {

constexpr std::array<std::pair<std::string_view, DirectiveKind>, 6> k_names = {{
    {"ignore", DirectiveKind::ignore},
    {"ignore-file", DirectiveKind::ignore_file},
    {"run-once", DirectiveKind::run_once},
    {"run-once-file", DirectiveKind::run_once_file},
    {"irreversible", DirectiveKind::irreversible},
    {"no-transaction", DirectiveKind::no_transaction},
}};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string_view directive_name(DirectiveKind kind) {
  for (const auto& [name, k] : k_names) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<Directive> parse_directive(std::string_view comment, std::uint32_t at) {
  // Strip the comment markers, remembering where the body starts.
  std::size_t begin = 0;
  std::size_t end = comment.size();
  if (comment.starts_with("--")) {
    begin = 2;
  } else if (comment.starts_with("/*")) {
    begin = 2;
    if (end >= 4 && comment.substr(end - 2) == "*/") end -= 2;
  } else {
    return std::nullopt;
  }
  while (begin < end && is_space(comment[begin])) ++begin;
  constexpr std::string_view k_prefix = "sqlgate:";
  if (comment.substr(begin, k_prefix.size()) != k_prefix) return std::nullopt;
  std::size_t name_begin = begin + k_prefix.size();
  std::size_t name_end = name_begin;
  while (name_end < end && is_name_char(comment[name_end])) ++name_end;

  Directive directive;
  directive.name = std::string(comment.substr(name_begin, name_end - name_begin));
  directive.range = TextRange{at, at + static_cast<std::uint32_t>(comment.size())};
  for (const auto& [name, kind] : k_names) {
    if (name == directive.name) directive.kind = kind;
  }
  std::string_view rest = comment.substr(name_end, end - name_end);
  std::uint32_t rest_at = at + static_cast<std::uint32_t>(name_end);

  if (directive.kind == DirectiveKind::ignore || directive.kind == DirectiveKind::ignore_file) {
    std::size_t reason_at = rest.find("--");
    std::string_view list = rest.substr(0, reason_at);
    if (reason_at != std::string_view::npos) {
      directive.reason = std::string(trim(rest.substr(reason_at + 2)));
    }
    std::size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && (is_space(list[i]) || list[i] == ',')) ++i;
      std::size_t start = i;
      while (i < list.size() && !is_space(list[i]) && list[i] != ',') ++i;
      if (i > start) {
        directive.rules.push_back({std::string(list.substr(start, i - start)),
                                   TextRange{rest_at + static_cast<std::uint32_t>(start),
                                             rest_at + static_cast<std::uint32_t>(i)}});
      }
    }
  } else {
    std::string_view reason = trim(rest);
    if (reason.starts_with("--")) reason = trim(reason.substr(2));
    if (reason.starts_with(":")) reason = trim(reason.substr(1));
    directive.reason = std::string(reason);
  }
  return directive;
}

}  // namespace sqlgate::lint
