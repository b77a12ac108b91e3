// What the formats share: the list of formats, rule links, fingerprints.
#include "lint/report/report.h"

#include <map>
#include <tuple>

#include <openssl/evp.h>

#include "lint/sql.h"

namespace sqlgate::lint::report {

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> k_names = {"text",   "json", "sarif",
                                                   "github", "gcc",  "gitlab"};
  return k_names;
}

std::string rule_url(std::string_view docs_url, const RuleInfo& rule) {
  if (docs_url.empty()) return {};
  std::string url(docs_url);
  auto replace = [&](std::string_view key, std::string_view value) {
    bool found = false;
    for (auto at = url.find(key); at != std::string::npos; at = url.find(key, at + value.size())) {
      url.replace(at, key.size(), value);
      found = true;
    }
    return found;
  };
  replace("{category}", to_string(rule.category));
  if (!replace("{rule}", rule.id)) {
    if (!url.ends_with('/')) url += '/';
    url += std::string(rule.id) + ".md";
  }
  return url;
}

namespace {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += k_hex[digest[i] >> 4];
    hex += k_hex[digest[i] & 0xF];
  }
  return hex;
}

// Runs of white space become one space; none at either end.
std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string plural(std::size_t n, std::string_view word, std::string_view many) {
  std::string text = std::to_string(n) + " ";
  if (n == 1) return text + std::string(word);
  return text + (many.empty() ? std::string(word) + "s" : std::string(many));
}

std::string_view note_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      break;
  }
  return "note";
}

std::string ci_path(std::string_view display) {
  std::string out(display);
  while (out.starts_with("./")) out.erase(0, 2);
  return out;
}

std::vector<std::string> fingerprints(const LintResult& result, const MigrationSet& set) {
  std::vector<std::string> out;
  out.reserve(result.diagnostics.size());
  std::map<std::string, LineIndex> indexes;
  std::map<std::string, std::size_t> seen;
  for (const auto& d : result.diagnostics) {
    std::string line;
    std::string span;
    if (auto at = set.find(d.file); at >= 0) {
      const std::string& text = set.files[static_cast<std::size_t>(at)].text;
      auto [it, added] = indexes.try_emplace(d.file, text);
      line = collapse(it->second.line_text(d.start.line));
      if (d.range.begin <= d.range.end && d.range.end <= text.size()) {
        span = collapse(std::string_view(text).substr(d.range.begin, d.range.end - d.range.begin));
      }
    }
    std::string key = ci_path(d.file);
    key += '\0';
    key += d.rule;
    key += '\0';
    key += line;
    key += '\0';
    key += span;
    std::size_t occurrence = seen[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    out.push_back(sha256_hex(key).substr(0, 32));
  }
  return out;
}

}  // namespace sqlgate::lint::report
