#include "runner/url.h"

#include <charconv>
#include <stdexcept>

namespace sqlgate::runner {
namespace {

constexpr std::string_view k_mask = "xxxxx";

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The length of "postgres://" or "postgresql://" at the start, else 0.
std::size_t scheme_length(std::string_view text) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (starts_with_nocase(text, scheme)) return scheme.size();
  }
  return 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; '+' kept as is in paths, a space in query values.
std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

// The parts of a URL, as views into it.
struct UrlParts {
  std::size_t scheme = 0;     // length of the scheme and "://"
  std::string_view userinfo;  // before the last '@' of the authority (empty when none)
  bool has_userinfo = false;
  std::string_view path;   // from the '/' after the authority, to the '?' (may be empty)
  std::string_view query;  // after '?', to '#' (may be empty)
  bool has_query = false;
};

UrlParts split_url(std::string_view url, std::size_t scheme) {
  UrlParts parts;
  parts.scheme = scheme;
  std::string_view rest = url.substr(scheme);
  std::size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    parts.userinfo = authority.substr(0, at);
    parts.has_userinfo = true;
  }
  if (authority_end == std::string_view::npos) return parts;
  std::string_view tail = rest.substr(authority_end);
  std::size_t question = tail.find('?');
  parts.path = tail.substr(0, question);
  if (question != std::string_view::npos) {
    parts.query = tail.substr(question + 1);
    parts.has_query = true;
  }
  return parts;
}

struct Parameter {
  std::string_view raw;  // key=value as written
  std::string key;       // decoded
  std::string value;     // decoded
};

std::vector<Parameter> split_query(std::string_view query) {
  std::vector<Parameter> parameters;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view raw = query.substr(start, end - start);
    if (!raw.empty()) {
      std::size_t equals = raw.find('=');
      Parameter parameter;
      parameter.raw = raw;
      parameter.key = percent_decode(raw.substr(0, equals), true);
      if (equals != std::string_view::npos) {
        parameter.value = percent_decode(raw.substr(equals + 1), true);
      }
      parameters.push_back(std::move(parameter));
    }
    start = end + 1;
  }
  return parameters;
}

// Go's strconv.ParseBool.
std::optional<bool> parse_bool(std::string_view text) {
  for (std::string_view yes : {"1", "t", "T", "TRUE", "true", "True"}) {
    if (text == yes) return true;
  }
  for (std::string_view no : {"0", "f", "F", "FALSE", "false", "False"}) {
    if (text == no) return false;
  }
  return std::nullopt;
}

std::optional<long long> parse_int(std::string_view text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A libpq key=value string's password value: its range in the text (quotes included) and the
// value itself.
struct KeywordValue {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string value;
};

std::vector<KeywordValue> keyword_passwords(std::string_view text) {
  std::vector<KeywordValue> found;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t key_begin = i;
    while (i < text.size() && text[i] != '=' && !is_space(text[i])) ++i;
    std::string_view key = text.substr(key_begin, i - key_begin);
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') {
      // Not a key=value string (a bare database name): nothing to find.
      if (key.empty()) break;
      continue;
    }
    ++i;
    while (i < text.size() && is_space(text[i])) ++i;
    KeywordValue value;
    value.begin = i;
    if (i < text.size() && text[i] == '\'') {
      ++i;
      while (i < text.size() && text[i] != '\'') {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value.value += text[i];
        ++i;
      }
      if (i < text.size()) ++i;
    } else {
      while (i < text.size() && !is_space(text[i])) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value.value += text[i];
        ++i;
      }
    }
    value.end = i;
    if (key == "password") found.push_back(std::move(value));
  }
  return found;
}

// Every password a URL or connection string carries, as written and decoded.
std::vector<std::string> passwords_of(std::string_view text) {
  std::vector<std::string> passwords;
  auto add = [&](std::string password) {
    if (!password.empty()) passwords.push_back(std::move(password));
  };
  if (std::size_t scheme = scheme_length(text)) {
    UrlParts parts = split_url(text, scheme);
    if (parts.has_userinfo) {
      std::size_t colon = parts.userinfo.find(':');
      if (colon != std::string_view::npos) {
        std::string_view raw = parts.userinfo.substr(colon + 1);
        add(std::string(raw));
        add(percent_decode(raw, false));
      }
    }
    for (const auto& parameter : split_query(parts.query)) {
      if (parameter.key == "password") {
        std::size_t equals = parameter.raw.find('=');
        if (equals != std::string_view::npos) add(std::string(parameter.raw.substr(equals + 1)));
        add(parameter.value);
      }
    }
  } else {
    for (auto& value : keyword_passwords(text)) add(std::move(value.value));
  }
  return passwords;
}

}  // namespace

QuotedTable parse_quoted_table(std::string_view text) {
  // golang-migrate takes every "..." group: the last is the table, a first of two the schema.
  std::vector<std::string> groups;
  std::size_t i = 0;
  while (true) {
    std::size_t open = text.find('"', i);
    if (open == std::string_view::npos) break;
    std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) break;
    groups.emplace_back(text.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  if (groups.empty() || text.size() < 2 || text.front() != '"' || text.back() != '"') {
    throw std::invalid_argument(
        "x-migrations-table must be quoted (for instance '\"migrate\".\"schema_migrations\"') "
        "when x-migrations-table-quoted is enabled, current value is: " +
        std::string(text));
  }
  if (groups.size() > 2) {
    throw std::invalid_argument("\"" + std::string(text) +
                                "\" MigrationsTable contains too many dot characters");
  }
  QuotedTable table;
  table.table = groups.back();
  if (groups.size() == 2) table.schema = groups.front();
  if (table.table.empty()) throw std::invalid_argument("x-migrations-table names no table");
  return table;
}

DatabaseTarget parse_database_target(std::string_view text) {
  DatabaseTarget target;
  std::size_t scheme = scheme_length(text);
  if (scheme == 0) {
    target.conninfo = std::string(text);
    return target;
  }
  UrlParts parts = split_url(text, scheme);
  if (!parts.path.empty()) target.url_path = percent_decode(parts.path, false);

  std::string kept;
  std::optional<std::string> quoted;
  for (const auto& parameter : split_query(parts.query)) {
    if (!parameter.key.starts_with("x-")) {
      if (!kept.empty()) kept += '&';
      kept += parameter.raw;
      continue;
    }
    const std::string& key = parameter.key;
    const std::string& value = parameter.value;
    if (key == "x-migrations-table") {
      target.options.migrations_table = value;
    } else if (key == "x-migrations-table-quoted") {
      if (!value.empty()) quoted = value;
    } else if (key == "x-statement-timeout") {
      if (value.empty()) continue;
      auto ms = parse_int(value);
      if (!ms || *ms < 0 || *ms > 2147483647) {
        throw std::invalid_argument("x-statement-timeout: '" + value +
                                    "' is not a number of milliseconds");
      }
      if (*ms > 0) target.options.statement_timeout_ms = static_cast<int>(*ms);
    } else if (key == "x-multi-statement") {
      if (!value.empty() && !parse_bool(value)) {
        throw std::invalid_argument("x-multi-statement: '" + value + "' is not a boolean");
      }
    } else if (key == "x-multi-statement-max-size") {
      if (!value.empty() && !parse_int(value)) {
        throw std::invalid_argument("x-multi-statement-max-size: '" + value + "' is not a number");
      }
    } else {
      target.warnings.push_back("unknown URL parameter " + key + " ignored");
    }
  }
  if (quoted) {
    auto flag = parse_bool(*quoted);
    if (!flag) {
      throw std::invalid_argument("x-migrations-table-quoted: '" + *quoted + "' is not a boolean");
    }
    target.options.migrations_table_quoted = *flag;
  }
  if (target.options.migrations_table_quoted && !target.options.migrations_table.empty()) {
    parse_quoted_table(target.options.migrations_table);  // validates now, before connecting
  }

  std::string_view before_query = text.substr(0, text.find('?'));
  std::size_t fragment = before_query.find('#');
  if (fragment != std::string_view::npos) before_query = before_query.substr(0, fragment);
  target.conninfo = std::string(before_query);
  if (!kept.empty()) target.conninfo += "?" + kept;
  return target;
}

std::string mask_password(std::string_view text) {
  if (std::size_t scheme = scheme_length(text)) {
    UrlParts parts = split_url(text, scheme);
    std::string out;
    std::size_t copied = 0;
    if (parts.has_userinfo) {
      std::size_t colon = parts.userinfo.find(':');
      if (colon != std::string_view::npos) {
        std::size_t begin =
            static_cast<std::size_t>(parts.userinfo.data() - text.data()) + colon + 1;
        std::size_t end =
            static_cast<std::size_t>(parts.userinfo.data() - text.data()) + parts.userinfo.size();
        out.append(text.substr(0, begin));
        out.append(k_mask);
        copied = end;
      }
    }
    for (const auto& parameter : split_query(parts.query)) {
      if (parameter.key != "password") continue;
      std::size_t equals = parameter.raw.find('=');
      if (equals == std::string_view::npos) continue;
      std::size_t begin = static_cast<std::size_t>(parameter.raw.data() - text.data()) + equals + 1;
      std::size_t end =
          static_cast<std::size_t>(parameter.raw.data() - text.data()) + parameter.raw.size();
      out.append(text.substr(copied, begin - copied));
      out.append(k_mask);
      copied = end;
    }
    out.append(text.substr(copied));
    return out;
  }
  std::string out;
  std::size_t copied = 0;
  for (const auto& value : keyword_passwords(text)) {
    out.append(text.substr(copied, value.begin - copied));
    out.append(k_mask);
    copied = value.end;
  }
  out.append(text.substr(copied));
  return out;
}

std::string redact_password(std::string_view message, std::string_view url_or_conninfo) {
  std::string out = mask_password(message);
  for (const std::string& password : passwords_of(url_or_conninfo)) {
    std::size_t at = 0;
    while ((at = out.find(password, at)) != std::string::npos) {
      out.replace(at, password.size(), k_mask);
      at += k_mask.size();
    }
  }
  return out;
}

}  // namespace sqlgate::runner
