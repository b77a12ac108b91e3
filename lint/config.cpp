#include "lint/config.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace sqlgate::lint {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string Origin::describe() const {
  switch (kind) {
    case Kind::file:
      return where;
    case Kind::flag:
      return where.empty() ? "command line" : "flag " + where;
    case Kind::default_value:
      break;
  }
  return "default";
}

// ---- small helpers ----------------------------------------------------------------------

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.size()][b.size()];
  };
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  for (const auto& candidate : candidates) {
    std::size_t d = distance(word, candidate);
    bool close = d <= limit || (word.size() >= 3 && candidate.starts_with(word));
    if (close && (!best || d < best_distance)) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

namespace {

bool glob_from(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      p.remove_prefix(2);
      if (p.starts_with('/')) {
        // "**/": zero or more whole folders.
        p.remove_prefix(1);
        if (glob_from(p, s)) return true;
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (s[i] == '/' && glob_from(p, s.substr(i + 1))) return true;
        }
        return false;
      }
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_from(p, s.substr(i))) return true;
      }
      return false;
    }
    char c = p.front();
    if (c == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0;; ++i) {
        if (glob_from(p, s.substr(i))) return true;
        if (i == s.size() || s[i] == '/') return false;
      }
    }
    if (s.empty()) return false;
    if (c == '?') {
      if (s.front() == '/') return false;
    } else if (c == '[') {
      std::size_t close = p.find(']', 2);
      if (close == std::string_view::npos) {
        if (s.front() != '[') return false;  // a lone '[' is literal
      } else {
        std::string_view set = p.substr(1, close - 1);
        bool negate = !set.empty() && (set.front() == '!' || set.front() == '^');
        if (negate) set.remove_prefix(1);
        bool in = false;
        for (std::size_t i = 0; i < set.size(); ++i) {
          if (i + 2 < set.size() && set[i + 1] == '-') {
            in = in || (s.front() >= set[i] && s.front() <= set[i + 2]);
            i += 2;
          } else {
            in = in || s.front() == set[i];
          }
        }
        if (in == negate || s.front() == '/') return false;
        p.remove_prefix(close);
      }
    } else if (c != s.front()) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  while (path.starts_with("./")) path.remove_prefix(2);
  if (pattern.find('/') == std::string_view::npos) {
    auto slash = path.rfind('/');
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  }
  return glob_from(pattern, path);
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.')) {
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string number(text.substr(0, digits));
  if (std::count(number.begin(), number.end(), '.') > 1 || number == ".") return std::nullopt;
  std::string_view unit = text.substr(digits);
  double scale = 0;
  if (unit.empty() || unit == "s") {
    scale = 1000;
  } else if (unit == "ms") {
    scale = 1;
  } else if (unit == "m" || unit == "min") {
    scale = 60000;
  } else {
    return std::nullopt;
  }
  double value = std::stod(number) * scale;
  if (!std::isfinite(value) || value > 1e12) return std::nullopt;
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(value)));
}

std::string format_duration(std::chrono::milliseconds duration) {
  auto ms = duration.count();
  if (ms % 60000 == 0 && ms != 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

// ---- where each key is in the file ------------------------------------------------------

namespace {

// Byte offsets of the keys and values of a JSON text that nlohmann accepted (comments
// allowed), by JSON pointer; duplicate keys are reported, since the parser keeps only one.
class Locator {
 public:
  Locator(std::string_view text, const std::string& file) : m_text(text), m_file(file) {
    skip();
    value("");
  }

  std::uint32_t key(const std::string& pointer) const { return find(m_keys, pointer); }
  std::uint32_t value_at(const std::string& pointer) const { return find(m_values, pointer); }

 private:
  static std::uint32_t find(const std::map<std::string, std::uint32_t>& map,
                            const std::string& pointer) {
    auto it = map.find(pointer);
    return it == map.end() ? 0 : it->second;
  }

  void skip() {
    while (m_at < m_text.size()) {
      char c = m_text[m_at];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++m_at;
      } else if (m_text.substr(m_at, 2) == "//") {
        auto end = m_text.find('\n', m_at);
        m_at = end == std::string_view::npos ? m_text.size() : end;
      } else if (m_text.substr(m_at, 2) == "/*") {
        auto end = m_text.find("*/", m_at + 2);
        m_at = end == std::string_view::npos ? m_text.size() : end + 2;
      } else {
        break;
      }
    }
  }

  std::string string() {
    std::string out;
    ++m_at;  // opening quote
    while (m_at < m_text.size() && m_text[m_at] != '"') {
      if (m_text[m_at] == '\\' && m_at + 1 < m_text.size()) {
        char e = m_text[m_at + 1];
        m_at += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u': {
            unsigned code = hex4();
            if (code >= 0xD800 && code < 0xDC00 && m_text.substr(m_at, 2) == "\\u") {
              m_at += 2;
              code = 0x10000 + ((code - 0xD800) << 10) + (hex4() - 0xDC00);
            }
            append_utf8(out, code);
            break;
          }
          default:
            out += e;
        }
      } else {
        out += m_text[m_at++];
      }
    }
    ++m_at;  // closing quote
    return out;
  }

  unsigned hex4() {
    unsigned code = 0;
    for (int i = 0; i < 4 && m_at < m_text.size(); ++i, ++m_at) {
      char c = m_text[m_at];
      code = code * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  void value(const std::string& pointer) {
    m_values[pointer] = static_cast<std::uint32_t>(m_at);
    if (m_at >= m_text.size()) return;
    char c = m_text[m_at];
    if (c == '{') {
      ++m_at;
      skip();
      std::set<std::string> seen;
      while (m_at < m_text.size() && m_text[m_at] != '}') {
        auto key_at = static_cast<std::uint32_t>(m_at);
        std::string key = string();
        std::string child = pointer + "/" + escape(key);
        if (!seen.insert(key).second) {
          Position at = position_in(m_text, key_at);
          throw ConfigError(m_file + ":" + std::to_string(at.line) + ":" +
                            std::to_string(at.column) + ": duplicate key '" + key + "'");
        }
        m_keys[child] = key_at;
        skip();
        ++m_at;  // ':'
        skip();
        value(child);
        skip();
        if (m_at < m_text.size() && m_text[m_at] == ',') {
          ++m_at;
          skip();
        }
      }
      ++m_at;
    } else if (c == '[') {
      ++m_at;
      skip();
      for (std::size_t i = 0; m_at < m_text.size() && m_text[m_at] != ']'; ++i) {
        value(pointer + "/" + std::to_string(i));
        skip();
        if (m_at < m_text.size() && m_text[m_at] == ',') {
          ++m_at;
          skip();
        }
      }
      ++m_at;
    } else if (c == '"') {
      string();
    } else {
      while (m_at < m_text.size() &&
             std::string_view(",]} \t\r\n/").find(m_text[m_at]) == std::string_view::npos) {
        ++m_at;
      }
    }
  }

  static std::string escape(const std::string& key) {
    std::string out;
    for (char c : key) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
    return out;
  }

  std::string_view m_text;
  const std::string& m_file;
  std::size_t m_at = 0;
  std::map<std::string, std::uint32_t> m_keys;
  std::map<std::string, std::uint32_t> m_values;
};

// ---- reading the document ---------------------------------------------------------------

std::string_view json_type(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      break;
  }
  return "a value";
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

const std::vector<std::string> k_levels = {"off", "info", "warning", "error"};

class Reader {
 public:
  Reader(std::string_view text, std::string file, const RuleSet& rules)
      : m_text(text),
        m_file(std::move(file)),
        m_rules(rules),
        m_origin{Origin::Kind::file, m_file} {}

  Config read(const Json& root, Config config) {
    m_locator.emplace(m_text, m_file);
    if (!root.is_object()) {
      fail_value("",
                 "the configuration must be a JSON object, found " + std::string(json_type(root)));
    }
    check_keys(root, "", "",
               {"$schema", "paths", "sources", "rules", "overrides", "pg_version", "fail_on",
                "naming", "migrations_table", "lock_timeout", "docs_url"});
    if (root.contains("paths") && root.contains("sources")) {
      fail_key("/sources", "sources: set either paths or sources, not both");
    }
    for (const auto& [key, value] : root.items()) {
      std::string pointer = "/" + key;
      if (key == "$schema") {
        expect_string(value, pointer, key);
      } else if (key == "paths") {
        config.paths = {string_list(value, pointer, key), m_origin};
      } else if (key == "sources") {
        config.sources = {sources(value, pointer), m_origin};
      } else if (key == "rules") {
        config.rules = rule_map(value, pointer, key);
      } else if (key == "overrides") {
        config.overrides = overrides(value, pointer);
      } else if (key == "pg_version") {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 9 ||
            value.get<std::int64_t>() > 18) {
          fail_value(pointer, key + ": expected an integer from 9 to 18, found " + describe(value));
        }
        config.pg_version = {value.get<int>(), m_origin};
      } else if (key == "fail_on") {
        std::string text = expect_string(value, pointer, key);
        auto severity = parse_severity(text);
        if (!severity) fail_choice(pointer, key, text, {"error", "warning", "info"});
        config.fail_on = {*severity, m_origin};
      } else if (key == "naming") {
        std::string text = expect_string(value, pointer, key);
        auto naming = parse_naming(text);
        if (!naming) fail_choice(pointer, key, text, {"timestamp", "sequence"});
        config.naming = {*naming, m_origin};
      } else if (key == "migrations_table") {
        config.migrations_table = {table_name(value, pointer, key), m_origin};
      } else if (key == "lock_timeout") {
        config.lock_timeout = {duration(value, pointer, key), m_origin};
      } else if (key == "docs_url") {
        config.docs_url = {expect_string(value, pointer, key), m_origin};
      }
    }
    return config;
  }

 private:
  [[noreturn]] void fail_at(std::uint32_t offset, const std::string& message) const {
    Position at = position_in(m_text, offset);
    throw ConfigError(m_file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                      ": " + message);
  }
  [[noreturn]] void fail_value(const std::string& pointer, const std::string& message) const {
    fail_at(m_locator->value_at(pointer), message);
  }
  [[noreturn]] void fail_key(const std::string& pointer, const std::string& message) const {
    fail_at(m_locator->key(pointer), message);
  }
  [[noreturn]] void fail_choice(const std::string& pointer, const std::string& name,
                                const std::string& text,
                                const std::vector<std::string>& choices) const {
    std::string message = name + ": '" + text + "' is not one of " + quoted_list(choices);
    if (auto close = closest_match(text, choices)) message += " (did you mean '" + *close + "'?)";
    fail_value(pointer, message);
  }

  static std::string describe(const Json& value) {
    std::string type(json_type(value));
    if (value.is_string()) return type + " (\"" + value.get<std::string>() + "\")";
    if (value.is_number()) return type + " (" + value.dump() + ")";
    return type;
  }

  // Unknown keys are errors that name the key, with the closest known one.
  void check_keys(const Json& object, const std::string& pointer, const std::string& where,
                  const std::vector<std::string>& known) const {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string message = (where.empty() ? "" : where + ": ") + "unknown key '" + key + "'";
      if (auto close = closest_match(key, known)) {
        message += " (did you mean '" + *close + "'?)";
      } else {
        message += " (known keys: " + quoted_list(known) + ")";
      }
      fail_at(m_locator->key(pointer + "/" + key), message);
    }
  }

  std::string expect_string(const Json& value, const std::string& pointer,
                            const std::string& name) const {
    if (!value.is_string())
      fail_value(pointer, name + ": expected a string, found " + describe(value));
    return value.get<std::string>();
  }

  std::vector<std::string> string_list(const Json& value, const std::string& pointer,
                                       const std::string& name) const {
    std::vector<std::string> list;
    if (value.is_string()) {
      list.push_back(value.get<std::string>());
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        list.push_back(expect_string(value[i], pointer + "/" + std::to_string(i),
                                     name + "[" + std::to_string(i) + "]"));
      }
    } else {
      fail_value(pointer,
                 name + ": expected a string or an array of strings, found " + describe(value));
    }
    if (list.empty()) fail_value(pointer, name + ": the list is empty");
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].empty()) {
        fail_value(value.is_array() ? pointer + "/" + std::to_string(i) : pointer,
                   name + ": an empty path");
      }
    }
    return list;
  }

  std::string table_name(const Json& value, const std::string& pointer,
                         const std::string& name) const {
    std::string table = expect_string(value, pointer, name);
    if (table.empty()) fail_value(pointer, name + ": the table name is empty");
    if (table.size() > 63) {
      fail_value(pointer,
                 name + ": '" + table + "' is longer than PostgreSQL's 63-byte identifier limit");
    }
    if (table.find('\0') != std::string::npos) fail_value(pointer, name + ": a NUL byte");
    return table;
  }

  std::chrono::milliseconds duration(const Json& value, const std::string& pointer,
                                     const std::string& name) const {
    std::optional<std::chrono::milliseconds> parsed;
    if (value.is_number()) {
      double seconds = value.get<double>();
      if (seconds >= 0 && seconds <= 1e9) {
        parsed = std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000)));
      }
    } else if (value.is_string()) {
      parsed = parse_duration(value.get<std::string>());
    }
    if (!parsed) {
      fail_value(pointer, name +
                              ": expected a duration (seconds, or a string such as \"15s\", "
                              "\"500ms\", \"2m\"), found " +
                              describe(value));
    }
    return *parsed;
  }

  std::vector<SourceConfig> sources(const Json& value, const std::string& pointer) const {
    if (!value.is_object() || value.empty()) {
      fail_value(pointer,
                 "sources: expected an object of name: folder (or name: {\"path\": ..., "
                 "\"table\": ...}), found " +
                     describe(value));
    }
    std::vector<SourceConfig> list;
    for (const auto& [name, entry] : value.items()) {
      std::string child = pointer + "/" + name;
      std::string where = "sources." + name;
      if (name.empty()) fail_key(child, "sources: a source needs a name");
      SourceConfig source{name, {}, std::nullopt};
      if (entry.is_string()) {
        source.path = entry.get<std::string>();
      } else if (entry.is_object()) {
        check_keys(entry, child, where, {"path", "table"});
        if (!entry.contains("path")) fail_value(child, where + ": \"path\" is missing");
        source.path = expect_string(entry["path"], child + "/path", where + ".path");
        if (entry.contains("table")) {
          source.table = table_name(entry["table"], child + "/table", where + ".table");
        }
      } else {
        fail_value(child, where + ": expected a folder or {\"path\": ..., \"table\": ...}, found " +
                              describe(entry));
      }
      if (source.path.empty()) fail_value(child, where + ": an empty path");
      list.push_back(std::move(source));
    }
    return list;
  }

  std::vector<std::string> rule_names() const {
    std::vector<std::string> names;
    for (const auto& rule : m_rules.all()) names.emplace_back(rule.info.id);
    for (Category category : all_categories()) names.emplace_back(to_string(category));
    return names;
  }

  std::map<std::string, RuleConfig> rule_map(const Json& value, const std::string& pointer,
                                             const std::string& where) const {
    if (!value.is_object()) {
      fail_value(pointer, where + ": expected an object of rule: level, found " + describe(value));
    }
    std::map<std::string, RuleConfig> map;
    for (const auto& [name, entry] : value.items()) {
      std::string child = pointer + "/" + name;
      const Rule* rule = m_rules.find(name);
      bool category = parse_category(name).has_value();
      if (rule == nullptr && !category) {
        std::string message = where + ": unknown rule or category '" + name + "'";
        if (auto close = closest_match(name, rule_names())) {
          message += " (did you mean '" + *close + "'?)";
        } else {
          message += " (see `sqlgate rules`)";
        }
        fail_at(m_locator->key(child), message);
      }
      std::string entry_where = where + "." + name;
      RuleConfig config;
      config.origin = m_origin;
      if (entry.is_string()) {
        set_level(config, entry, child, entry_where);
      } else if (entry.is_object() && rule != nullptr) {
        for (const auto& [key, option] : entry.items()) {
          std::string option_pointer = child + "/" + key;
          if (key == "severity" || key == "level") {
            set_level(config, option, option_pointer, entry_where + "." + key);
            continue;
          }
          const OptionSpec* spec = nullptr;
          std::vector<std::string> known = {"severity"};
          for (const auto& candidate : rule->info.options) {
            known.emplace_back(candidate.name);
            if (candidate.name == key) spec = &candidate;
          }
          if (spec == nullptr) {
            std::string message = entry_where + ": unknown option '" + key + "'";
            if (auto close = closest_match(key, known)) {
              message += " (did you mean '" + *close + "'?)";
            } else if (rule->info.options.empty()) {
              message += " (" + name + " takes no options; only \"severity\")";
            } else {
              message += " (it takes: " + quoted_list(known) + ")";
            }
            fail_at(m_locator->key(option_pointer), message);
          }
          config.options.set(key,
                             option_value(*spec, option, option_pointer, entry_where + "." + key));
        }
      } else if (entry.is_object()) {
        fail_value(child, entry_where +
                              ": options go under a rule id, not a category; a "
                              "category takes a level: " +
                              quoted_list(k_levels));
      } else {
        fail_value(child, entry_where + ": expected a level (" + quoted_list(k_levels) +
                              ") or an object {\"severity\": ..., options}, found " +
                              describe(entry));
      }
      map.emplace(name, std::move(config));
    }
    return map;
  }

  void set_level(RuleConfig& config, const Json& value, const std::string& pointer,
                 const std::string& where) const {
    std::string text = expect_string(value, pointer, where);
    if (text == "off") {
      config.has_level = true;
      config.severity = std::nullopt;
      return;
    }
    auto severity = parse_severity(text);
    if (!severity) fail_choice(pointer, where, text, k_levels);
    config.has_level = true;
    config.severity = severity;
  }

  OptionValue option_value(const OptionSpec& spec, const Json& value, const std::string& pointer,
                           const std::string& where) const {
    auto wrong = [&] { wrong_type(spec, value, pointer, where); };
    switch (spec.type) {
      case OptionType::boolean:
        if (!value.is_boolean()) wrong();
        return value.get<bool>();
      case OptionType::integer:
        if (!value.is_number_integer()) wrong();
        return value.get<std::int64_t>();
      case OptionType::string:
        if (!value.is_string()) wrong();
        return value.get<std::string>();
      case OptionType::strings: {
        if (!value.is_array()) wrong();
        std::vector<std::string> list;
        for (const auto& item : value) {
          if (!item.is_string()) wrong();
          list.push_back(item.get<std::string>());
        }
        return list;
      }
    }
    wrong_type(spec, value, pointer, where);
  }

  [[noreturn]] void wrong_type(const OptionSpec& spec, const Json& value,
                               const std::string& pointer, const std::string& where) const {
    fail_value(pointer, where + ": expected " + std::string(to_string(spec.type)) + ", found " +
                            describe(value));
  }

  std::vector<OverrideConfig> overrides(const Json& value, const std::string& pointer) const {
    if (!value.is_array()) {
      fail_value(pointer,
                 "overrides: expected an array of {\"files\": [...], \"rules\": {...}}, "
                 "found " +
                     describe(value));
    }
    std::vector<OverrideConfig> list;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Json& entry = value[i];
      std::string child = pointer + "/" + std::to_string(i);
      std::string where = "overrides[" + std::to_string(i) + "]";
      if (!entry.is_object()) {
        fail_value(child, where + ": expected an object, found " + describe(entry));
      }
      check_keys(entry, child, where, {"files", "rules"});
      if (!entry.contains("files")) fail_value(child, where + ": \"files\" is missing");
      if (!entry.contains("rules")) fail_value(child, where + ": \"rules\" is missing");
      OverrideConfig item;
      item.files = string_list(entry["files"], child + "/files", where + ".files");
      item.rules = rule_map(entry["rules"], child + "/rules", where + ".rules");
      item.origin = m_origin;
      list.push_back(std::move(item));
    }
    return list;
  }

  std::string_view m_text;
  std::string m_file;
  const RuleSet& m_rules;
  Origin m_origin;
  std::optional<Locator> m_locator;
};

std::string display_path(const fs::path& path, const fs::path& cwd) {
  fs::path relative = path.lexically_relative(cwd);
  if (relative.empty()) return path.string();
  return relative.string();
}

}  // namespace

// ---- loading ----------------------------------------------------------------------------

std::optional<fs::path> find_config(const fs::path& from) {
  std::error_code ec;
  fs::path dir = fs::absolute(from, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / k_config_file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

Config parse_config(std::string_view text, const fs::path& file, const RuleSet& rules) {
  std::string name = file.string();
  Json root;
  try {
    root = Json::parse(text, nullptr, true, true);
  } catch (const Json::parse_error& e) {
    std::string message = e.what();
    // Drop nlohmann's "[json.exception...] parse error at line L, column C: " prefix.
    if (auto at = message.find("parse error"); at != std::string::npos) {
      if (auto colon = message.find(": ", at); colon != std::string::npos) {
        message = message.substr(colon + 2);
      }
    }
    auto offset = static_cast<std::uint32_t>(e.byte > 0 ? e.byte - 1 : 0);
    Position at = position_in(text, offset);
    throw ConfigError(name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                      ": invalid JSON: " + message);
  }
  Config config;
  config.file = file;
  config.base = fs::absolute(file).lexically_normal().parent_path();
  return Reader(text, name, rules).read(root, std::move(config));
}

Config load_config(const ConfigFlags& flags, const fs::path& cwd, const RuleSet& rules) {
  Config config;
  config.base = fs::absolute(cwd).lexically_normal();
  std::optional<fs::path> file;
  std::string shown;
  if (flags.config_file) {
    file = fs::path(*flags.config_file);
    if (file->is_relative()) file = cwd / *file;
    shown = *flags.config_file;
    std::error_code ec;
    if (!fs::exists(*file, ec)) throw ConfigError(shown + ": no such configuration file");
    if (fs::is_directory(*file, ec)) throw ConfigError(shown + ": is a folder, not a file");
  } else if ((file = find_config(cwd))) {
    shown = display_path(*file, fs::absolute(cwd).lexically_normal());
  }
  if (file) {
    std::string text;
    {
      std::FILE* in = std::fopen(file->c_str(), "rb");
      if (in == nullptr) throw ConfigError(shown + ": cannot read the configuration file");
      char buffer[4096];
      for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) {
        text.append(buffer, n);
      }
      bool failed = std::ferror(in) != 0;
      std::fclose(in);
      if (failed) throw ConfigError(shown + ": cannot read the configuration file");
    }
    config = parse_config(text, fs::path(shown), rules);
    config.file = fs::path(shown);
    config.base = fs::absolute(*file).lexically_normal().parent_path();
  }

  auto flag = [](const char* name) { return Origin{Origin::Kind::flag, name}; };
  if (flags.paths) config.paths = {*flags.paths, flag("")};
  if (flags.pg_version) config.pg_version = {*flags.pg_version, flag("--pg-version")};
  if (flags.fail_on) config.fail_on = {*flags.fail_on, flag("--fail-on")};
  if (flags.naming) config.naming = {*flags.naming, flag("--naming")};
  if (flags.migrations_table) {
    config.migrations_table = {*flags.migrations_table, flag("--migrations-table")};
  }
  if (flags.lock_timeout) config.lock_timeout = {*flags.lock_timeout, flag("--lock-timeout")};
  if (flags.docs_url) config.docs_url = {*flags.docs_url, flag("--docs-url")};
  return config;
}

// ---- using it ---------------------------------------------------------------------------

std::vector<std::string> Config::lint_paths(const fs::path& cwd) const {
  if (paths.origin.kind == Origin::Kind::flag) return paths.value;
  std::vector<std::string> configured;
  if (!sources.value.empty()) {
    for (const auto& source : sources.value) configured.push_back(source.path);
  } else {
    configured = paths.value;
  }
  fs::path here = fs::absolute(cwd).lexically_normal();
  std::vector<std::string> resolved;
  for (const auto& path : configured) {
    fs::path p(path);
    if (p.is_absolute() || base == here) {
      resolved.push_back(path);
    } else {
      resolved.push_back(display_path((base / p).lexically_normal(), here));
    }
  }
  return resolved;
}

std::string Config::table_for(std::size_t index) const {
  if (index < sources.value.size() && sources.value[index].table) {
    return *sources.value[index].table;
  }
  if (index == 0) return migrations_table.value;
  std::string name = index < sources.value.size() ? sources.value[index].name : "";
  return "schema_migrations_" + name;
}

namespace {

// Category entries first, then rule ids: a rule's own entry wins over its category's.
void expand(const std::map<std::string, RuleConfig>& entries, const RuleSet& rules,
            std::map<std::string, std::optional<Severity>>& severities,
            std::map<std::string, RuleOptions>& options) {
  for (const auto& [name, entry] : entries) {
    auto category = parse_category(name);
    if (!category || !entry.has_level) continue;
    for (const auto& rule : rules.all()) {
      if (rule.info.category == *category) severities[std::string(rule.info.id)] = entry.severity;
    }
  }
  for (const auto& [name, entry] : entries) {
    const Rule* rule = rules.find(name);
    if (parse_category(name) || rule == nullptr) continue;
    std::string id(rule->info.id);
    if (entry.has_level) severities[id] = entry.severity;
    if (!entry.options.empty()) options[id].merge(entry.options);
  }
}

std::string relative_to(const fs::path& path, const fs::path& base) {
  fs::path absolute = fs::absolute(path).lexically_normal();
  fs::path relative = absolute.lexically_relative(base);
  if (relative.empty()) return absolute.generic_string();
  return relative.generic_string();
}

}  // namespace

RuleSelection Config::selection(const RuleSet& known) const {
  RuleSelection selection;
  expand(rules, known, selection.severities, selection.options);
  for (const auto& entry : overrides) {
    FileOverride file_override;
    expand(entry.rules, known, file_override.severities, file_override.options);
    file_override.matches = [globs = entry.files, root = base](const SourceFile& file) {
      std::string path = relative_to(file.path, root);
      return std::any_of(globs.begin(), globs.end(),
                         [&](const std::string& glob) { return glob_match(glob, path); });
    };
    selection.overrides.push_back(std::move(file_override));
  }
  return selection;
}

}  // namespace sqlgate::lint
