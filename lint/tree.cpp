#include "lint/tree.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace sqlgate::lint {

using simdjson::dom::element_type;

Node::Node(simdjson::dom::element element) : m_element(element), m_body(element), m_valid(true) {
  if (element.type() != element_type::OBJECT) return;
  simdjson::dom::object object(element.get_object());
  auto it = object.begin();
  if (it == object.end()) return;
  std::string_view key = it.key();
  auto next = it;
  ++next;
  if (next == object.end() && !key.empty() && key[0] >= 'A' && key[0] <= 'Z') {
    m_kind = key;
    m_body = it.value();
  }
}

Node Node::get(std::string_view field) const {
  if (!m_valid || m_body.type() != element_type::OBJECT) return Node();
  simdjson::dom::element value;
  if (simdjson::dom::object(m_body.get_object()).at_key(field).get(value) != simdjson::SUCCESS) {
    return Node();
  }
  return Node(value);
}

std::string_view Node::str(std::string_view field) const {
  return get(field).as_str();
}

std::int64_t Node::num(std::string_view field, std::int64_t fallback) const {
  Node value = get(field);
  return value.valid() ? value.as_int() : fallback;
}

bool Node::flag(std::string_view field) const {
  Node value = get(field);
  bool result = false;
  if (value.valid() && value.m_body.get_bool().get(result) == simdjson::SUCCESS) return result;
  return false;
}

NodeList Node::list(std::string_view field) const {
  return get(field).items();
}

std::string_view Node::as_str() const {
  if (!m_valid) return {};
  std::string_view text;
  if (m_body.get_string().get(text) == simdjson::SUCCESS) return text;
  if (m_kind == "String") return str("sval");
  return {};
}

std::int64_t Node::as_int() const {
  if (!m_valid) return 0;
  std::int64_t value = 0;
  if (m_body.get_int64().get(value) == simdjson::SUCCESS) return value;
  if (m_kind == "Integer") return num("ival");
  return 0;
}

NodeList Node::items() const {
  if (!m_valid || m_body.type() != element_type::ARRAY) return NodeList();
  return NodeList(simdjson::dom::array(m_body.get_array()));
}

std::optional<std::uint32_t> Node::location() const {
  Node value = get("location");
  if (!value.valid()) return std::nullopt;
  std::int64_t offset = value.as_int();
  if (offset < 0) return std::nullopt;
  return static_cast<std::uint32_t>(offset);
}

std::optional<std::uint32_t> Node::first_location() const {
  std::optional<std::uint32_t> best;
  walk(*this, [&](const Node& node) {
    if (auto at = node.location(); at && (!best || *at < *best)) best = at;
    return true;
  });
  return best;
}

Node NodeList::operator[](std::size_t index) const {
  if (!m_valid) return Node();
  simdjson::dom::element value;
  if (m_array.at(index).get(value) != simdjson::SUCCESS) return Node();
  return Node(value);
}

std::vector<std::string_view> string_list(const NodeList& list) {
  std::vector<std::string_view> result;
  result.reserve(list.size());
  for (Node item : list) result.push_back(item.as_str());
  return result;
}

std::string join_names(const NodeList& list, std::string_view separator) {
  std::string result;
  for (Node item : list) {
    if (!result.empty()) result += separator;
    result += item.as_str();
  }
  return result;
}

RelationName relation_name(const Node& range_var) {
  return RelationName{range_var.str("schemaname"), range_var.str("relname"), range_var.location()};
}

namespace detail {

void push_children(simdjson::dom::element element, std::vector<simdjson::dom::element>& stack) {
  std::size_t first = stack.size();
  if (element.type() == element_type::OBJECT) {
    for (auto field : simdjson::dom::object(element.get_object())) {
      auto type = field.value.type();
      if (type == element_type::OBJECT || type == element_type::ARRAY) stack.push_back(field.value);
    }
  } else if (element.type() == element_type::ARRAY) {
    for (auto child : simdjson::dom::array(element.get_array())) {
      auto type = child.type();
      if (type == element_type::OBJECT || type == element_type::ARRAY) stack.push_back(child);
    }
  }
  std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
}

}  // namespace detail

namespace {

// Deep enough for what libpg_query accepts; raised further on demand.
constexpr std::size_t k_initial_depth = 4096;
constexpr std::size_t k_max_depth = std::size_t{1} << 22;

}  // namespace

Documents::Documents() = default;
Documents::~Documents() = default;

namespace {

// A copy of a parsed document in buffers of the size it uses. A document parsed in place keeps a
// tape of 8 bytes and a string buffer of 5/3 bytes per byte of JSON, most of it unused; the tape
// and the strings refer to each other by relative offsets, so the used parts copy as they are.
std::unique_ptr<simdjson::dom::document> compact_copy(const simdjson::dom::document& from) {
  constexpr std::uint64_t k_payload = simdjson::internal::JSON_VALUE_MASK;
  const std::uint64_t* tape = from.tape.get();
  // The opening root entry holds the index just past the closing one.
  auto tape_size = static_cast<std::size_t>(tape[0] & k_payload);
  std::size_t strings_size = 0;
  for (std::size_t i = 0; i < tape_size; ++i) {
    auto type = static_cast<char>(tape[i] >> 56);
    if (type == 'l' || type == 'u' || type == 'd') {
      ++i;  // the value takes the next entry
    } else if (type == '"') {
      auto offset = static_cast<std::size_t>(tape[i] & k_payload);
      std::uint32_t length = 0;
      std::memcpy(&length, from.string_buf.get() + offset, sizeof length);
      strings_size = std::max(strings_size, offset + sizeof length + length + 1);
    }
  }
  auto document = std::make_unique<simdjson::dom::document>();
  document->tape.reset(new std::uint64_t[tape_size]);
  std::memcpy(document->tape.get(), tape, tape_size * sizeof(std::uint64_t));
  document->string_buf.reset(new std::uint8_t[std::max<std::size_t>(strings_size, 1)]);
  std::memcpy(document->string_buf.get(), from.string_buf.get(), strings_size);
  return document;
}

// The JSON of a negative integer constant (or 0) as libpg_query 15 writes it, up to the digits
// of its location.
constexpr std::string_view k_lost_integer = "\"ival\":{},\"location\":";

// The value of the negative integer written at `at` in the source ("-5", "- 5"); nullopt for
// anything else (0 is written that way too).
std::optional<std::int64_t> negative_integer_at(std::string_view source, std::size_t at) {
  if (at >= source.size() || source[at] != '-') return std::nullopt;
  std::size_t digits = source.find_first_not_of(" \t\r\n", at + 1);
  if (digits == std::string_view::npos) return std::nullopt;
  std::int64_t value = 0;
  auto [end, code] = std::from_chars(source.data() + digits, source.data() + source.size(), value);
  if (code != std::errc() || end == source.data() + digits) return std::nullopt;
  return -value;
}

// The JSON with each negative integer constant's value written out; empty when there is none.
std::string restore_negative_integers(std::string_view json, std::string_view source) {
  std::string restored;
  std::size_t copied = 0;
  for (std::size_t at = 0;;) {
    const void* found =
        memmem(json.data() + at, json.size() - at, k_lost_integer.data(), k_lost_integer.size());
    if (found == nullptr) break;
    std::size_t match = static_cast<std::size_t>(static_cast<const char*>(found) - json.data());
    std::size_t digits = match + k_lost_integer.size();
    std::size_t location = 0;
    auto [end, code] = std::from_chars(json.data() + digits, json.data() + json.size(), location);
    at = digits;
    if (code != std::errc()) continue;
    std::optional<std::int64_t> value = negative_integer_at(source, location);
    if (!value) continue;
    if (restored.empty()) restored.reserve(json.size() + 64);
    restored.append(json.substr(copied, match - copied));
    restored.append("\"ival\":{\"ival\":").append(std::to_string(*value)).append("},\"location\":");
    copied = digits;
  }
  if (copied == 0) return {};
  restored.append(json.substr(copied));
  return restored;
}

}  // namespace

Node Documents::load_parse_tree(std::string_view json, std::string_view source,
                                std::string* error) {
  std::string restored = restore_negative_integers(json, source);
  return load(restored.empty() ? json : std::string_view(restored), error);
}

Node Documents::load(std::string_view json, std::string* error) {
  thread_local simdjson::dom::parser parser;
  thread_local std::size_t depth = 0;
  // Parsed into a buffer reused by every load on this thread, then kept as a compact copy.
  thread_local simdjson::dom::document scratch;
  for (;;) {
    if (depth == 0 || parser.capacity() < json.size()) {
      if (depth == 0) depth = k_initial_depth;
      std::size_t capacity = std::max<std::size_t>(json.size(), std::size_t{1} << 16);
      if (auto code = parser.allocate(capacity, depth); code != simdjson::SUCCESS) {
        if (error) *error = simdjson::error_message(code);
        return Node();
      }
    }
    simdjson::dom::element root;
    auto code = parser.parse_into_document(scratch, json.data(), json.size()).get(root);
    if (code == simdjson::DEPTH_ERROR && depth < k_max_depth) {
      depth *= 8;
      if (auto again = parser.allocate(std::max(parser.capacity(), json.size()), depth);
          again != simdjson::SUCCESS) {
        if (error) *error = simdjson::error_message(again);
        return Node();
      }
      continue;
    }
    if (code != simdjson::SUCCESS) {
      if (error) *error = simdjson::error_message(code);
      return Node();
    }
    m_documents.push_back(compact_copy(scratch));
    return Node(m_documents.back()->root());
  }
}

}  // namespace sqlgate::lint
