// identifier-too-long: identifiers over 63 bytes, which PostgreSQL truncates (NAMEDATALEN - 1).
#include <array>
#include <set>

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

constexpr std::size_t k_max_identifier = 63;

// A run of identifier bytes, or a double-quoted span, longer than the limit: only then is the
// text worth scanning.
bool may_hold_long_identifier(std::string_view text) {
  // Bytes an unquoted identifier can hold (letters, digits, _, $ and every non-ASCII byte).
  static constexpr auto k_word = [] {
    std::array<bool, 256> word{};
    for (int c = 0; c < 256; ++c) {
      word[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                          (c >= '0' && c <= '9') || c == '_' || c == '$' ||
                                          c >= 0x80;
    }
    return word;
  }();
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) return true;
      if (close - i - 1 > k_max_identifier) return true;
      i = close;
      run = 0;
      continue;
    }
    run = k_word[c] ? run + 1 : 0;
    if (run > k_max_identifier) return true;
  }
  return false;
}

// The identifier a token stands for: quotes removed ("" is one quote).
std::string identifier_of(std::string_view token) {
  if (token.size() < 2 || token.front() != '"') return std::string(token);
  std::string name;
  for (std::size_t i = 1; i + 1 < token.size(); ++i) {
    name += token[i];
    if (token[i] == '"') ++i;
  }
  return name;
}

// Where PostgreSQL cuts it: at 63 bytes, backed off to a character boundary.
std::string truncated(const std::string& name) {
  std::size_t cut = k_max_identifier;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut);
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  if (!may_hold_long_identifier(file.text())) return;
  std::set<std::string> reported;
  for (const lint::Statement* statement : file.all_statements()) {
    // A DO block's body is one string token: its statements are scanned on their own.
    if (statement->kind() == "DoStmt" || !statement->exact) continue;
    if (!may_hold_long_identifier(file.slice(statement->range))) continue;
    for (const lint::Token& token : file.tokens(statement->range)) {
      if (token.name != "IDENT") continue;
      std::string_view text = file.slice(token.range);
      std::string name = identifier_of(text);
      if (name.size() <= k_max_identifier) continue;
      // Unquoted identifiers are folded to lower case first.
      if (text.front() != '"') {
        for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
      if (!reported.insert(name).second) continue;
      out.report(token.range,
                 "identifier is " + std::to_string(name.size()) +
                     " bytes: PostgreSQL silently truncates it to 63, to \"" + truncated(name) +
                     "\", so the object is not named as written and two long names can collide",
                 "shorten it to at most 63 bytes");
    }
  }
}

}  // namespace

lint::Rule identifier_too_long() {
  return {.info = {.id = "identifier-too-long",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "identifiers over 63 bytes are truncated by PostgreSQL"},
          .check_file = check};
}

}  // namespace sqlgate::rules
