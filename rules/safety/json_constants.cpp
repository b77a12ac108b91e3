#include "rules/safety/json_constants.h"

#include <cctype>
#include <string>
#include <string_view>

#include "lint/pg_facts.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : m_text(text) {}

  bool document() {
    space();
    if (!value(0)) return false;
    space();
    return m_at == m_text.size();
  }

 private:
  static constexpr int k_depth = 1000;  // deeper: not judged (PostgreSQL's stack limit)

  void space() {
    while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
                                    m_text[m_at] == '\n' || m_text[m_at] == '\r')) {
      ++m_at;
    }
  }
  bool peek(char c) const { return m_at < m_text.size() && m_text[m_at] == c; }
  bool digit() const {
    return m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at])) != 0;
  }
  bool word(std::string_view literal) {
    if (m_text.substr(m_at, literal.size()) != literal) return false;
    m_at += literal.size();
    // PostgreSQL's lexer takes a token up to a delimiter: "truex" is one bad token.
    return m_at == m_text.size() ||
           !(std::isalnum(static_cast<unsigned char>(m_text[m_at])) != 0 || m_text[m_at] == '_' ||
             static_cast<unsigned char>(m_text[m_at]) >= 0x80);
  }
  bool string() {
    ++m_at;  // the opening quote
    while (m_at < m_text.size()) {
      auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') {
        ++m_at;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        ++m_at;
        if (m_at >= m_text.size()) return false;
        char escape = m_text[m_at];
        if (escape == 'u') {
          for (int i = 1; i <= 4; ++i) {
            if (m_at + i >= m_text.size() ||
                std::isxdigit(static_cast<unsigned char>(m_text[m_at + i])) == 0) {
              return false;
            }
          }
          m_at += 4;
        } else if (std::string_view("\"\\/bfnrt").find(escape) == std::string_view::npos) {
          return false;
        }
      }
      ++m_at;
    }
    return false;
  }
  bool number() {
    if (peek('-')) ++m_at;
    if (!digit()) return false;
    if (peek('0')) {
      ++m_at;
    } else {
      while (digit()) ++m_at;
    }
    if (peek('.')) {
      ++m_at;
      if (!digit()) return false;
      while (digit()) ++m_at;
    }
    if (peek('e') || peek('E')) {
      ++m_at;
      if (peek('+') || peek('-')) ++m_at;
      if (!digit()) return false;
      while (digit()) ++m_at;
    }
    // A number runs into letters or digits: "01", "1x" are one bad token.
    return m_at == m_text.size() ||
           !(std::isalnum(static_cast<unsigned char>(m_text[m_at])) != 0 || m_text[m_at] == '_');
  }
  bool value(int depth) {
    if (depth > k_depth) {
      m_deep = true;
      return false;
    }
    if (m_at >= m_text.size()) return false;
    char c = m_text[m_at];
    if (c == '{') return container(depth, '}', true);
    if (c == '[') return container(depth, ']', false);
    if (c == '"') return string();
    if (c == 't') return word("true");
    if (c == 'f') return word("false");
    if (c == 'n') return word("null");
    return number();
  }
  bool container(int depth, char close, bool object) {
    ++m_at;
    space();
    if (peek(close)) {
      ++m_at;
      return true;
    }
    while (true) {
      if (object) {
        if (!peek('"') || !string()) return false;
        space();
        if (!peek(':')) return false;
        ++m_at;
        space();
      }
      if (!value(depth + 1)) return false;
      space();
      if (peek(close)) {
        ++m_at;
        return true;
      }
      if (!peek(',')) return false;
      ++m_at;
      space();
    }
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  bool m_deep = false;

 public:
  bool too_deep() const { return m_deep; }
};

// The text of a string constant ('...', E'...'); nothing for another node.
std::optional<std::string_view> string_constant(const Node& node) {
  if (!node.is("A_Const") || node.flag("isnull")) return std::nullopt;
  Node value = node.get("sval");
  if (!value.valid()) return std::nullopt;
  return value.str("sval");
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text.substr(0, 40)) {
    out += c;
    if (c == '\'') out += '\'';
  }
  if (text.size() > 40) out += "...";
  out += "'";
  return out;
}

std::optional<MalformedConstant> json_refusal(const Node& constant, std::string_view text,
                                              const std::string& as) {
  JsonParser parser(text);
  if (parser.document() || parser.too_deep()) return std::nullopt;
  return MalformedConstant{constant.location(), quoted(text) + " as " + as,
                           "invalid input syntax for type json",
                           "write valid JSON: a string in double quotes ('\"dark\"'), keys in "
                           "double quotes, no trailing comma"};
}

}  // namespace

bool valid_json(std::string_view text) {
  JsonParser parser(text);
  return parser.document() || parser.too_deep();
}

std::optional<MalformedConstant> malformed_json_constant(const Node& node) {
  std::optional<MalformedConstant> found;
  lint::walk(node, [&](const Node& current) {
    if (found) return false;
    if (current.is("TypeCast")) {
      auto text = string_constant(current.get("arg"));
      lint::ColumnType type = lint::column_type(current.get("typeName"));
      if (text && !type.array && (type.is("json") || type.is("jsonb"))) {
        found = json_refusal(current.get("arg"), *text, type.name);
      }
      return !found;
    }
    if (!current.is("FuncCall")) return true;
    lint::NodeList names = current.list("funcname");
    if (names.empty() || names.size() > 2 ||
        (names.size() == 2 && names[0].as_str() != "pg_catalog")) {
      return true;
    }
    std::string_view name = names.back().as_str();
    if (name != "jsonb_set" && name != "jsonb_set_lax" && name != "jsonb_insert") return true;
    lint::NodeList args = current.list("args");
    if (args.size() < 3 || current.has("agg_order") || current.flag("func_variadic")) return true;
    for (Node arg : args) {
      if (arg.is("NamedArgExpr")) return true;
    }
    // The path, a text[]: an array literal starts with { (or [ of its dimensions).
    if (auto path = string_constant(args[1])) {
      std::size_t first = path->find_first_not_of(" \t\n\r\v\f");
      if (first == std::string_view::npos || ((*path)[first] != '{' && (*path)[first] != '[')) {
        found =
            MalformedConstant{args[1].location(),
                              quoted(*path) + " as the text[] path of " + std::string(name) + "()",
                              "malformed array literal: \"" + std::string(*path) + "\"",
                              "write the path as an array literal: '{" + std::string(*path) + "}'"};
        return false;
      }
    }
    if (auto value = string_constant(args[2])) {
      found = json_refusal(args[2], *value, "the jsonb value of " + std::string(name) + "()");
    }
    return !found;
  });
  return found;
}

}  // namespace sqlgate::rules
