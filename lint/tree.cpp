#include "lint/tree.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <limits>

#include <simdjson.h>

namespace sqlgate::lint {

// ---- interned field names -----------------------------------------------------------------

namespace tree {
namespace {

// A name's first and last eight bytes (overlapping, or zero-padded when shorter): with its size
// they are the whole name up to 16 bytes, so most names compare and hash as two words.
struct Words {
  std::size_t size = 0;
  std::uint64_t first = 0;
  std::uint64_t last = 0;

  explicit Words(std::string_view name) : size(name.size()) {
    const char* data = name.data();
    if (size >= 8) {
      std::memcpy(&first, data, 8);
      std::memcpy(&last, data + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t head = 0;
      std::uint32_t tail = 0;
      std::memcpy(&head, data, 4);
      std::memcpy(&tail, data + size - 4, 4);
      first = head | (std::uint64_t{tail} << 32);
    } else if (size > 0) {
      first = static_cast<unsigned char>(data[0]) |
              (std::uint64_t{static_cast<unsigned char>(data[size / 2])} << 8) |
              (std::uint64_t{static_cast<unsigned char>(data[size - 1])} << 16);
    }
  }
  std::size_t hash() const {
    std::uint64_t hash = first ^ ((last << 29) | (last >> 35)) ^ (size * 0x9e3779b97f4a7c15ull);
    hash *= 0xff51afd7ed558ccdull;
    hash ^= hash >> 29;
    hash *= 0xc4ceb9fe1a85ec53ull;
    return static_cast<std::size_t>(hash >> 32);
  }
  bool operator==(const Words& other) const = default;
};

struct Key {
  std::string_view name;
  Words words;
  bool kind = false;

  bool is(std::string_view other, const Words& other_words) const {
    if (!(words == other_words)) return false;
    return words.size <= 16 || name == other;
  }
};

// Open addressing, lock-free: a slot, once set, never changes, so a reader needs no lock. The
// names come from libpg_query's output, a few hundred in all.
constexpr std::size_t k_key_slots = std::size_t{1} << 14;
std::array<std::atomic<const Key*>, k_key_slots> g_keys{};

void discard(const Key* key) {
  if (key == nullptr) return;
  delete[] key->name.data();
  delete key;
}

// The key of a name, adding it when `add`; 0 when absent (or when the table is full).
std::uint16_t lookup(std::string_view name, bool add) {
  Words words(name);
  std::size_t slot = words.hash() & (k_key_slots - 1);
  const Key* mine = nullptr;
  for (std::size_t probes = 0; probes < k_key_slots / 2; ++probes) {
    const Key* key = g_keys[slot].load(std::memory_order_acquire);
    if (key == nullptr) {
      if (!add) return 0;
      if (mine == nullptr) {
        char* text = new char[name.size()];
        std::memcpy(text, name.data(), name.size());
        mine = new Key{std::string_view(text, name.size()), words,
                       !name.empty() && name[0] >= 'A' && name[0] <= 'Z'};
      }
      if (g_keys[slot].compare_exchange_strong(key, mine, std::memory_order_acq_rel)) {
        return static_cast<std::uint16_t>(slot + 1);
      }
      // Another thread took the slot first: key is now what it stored.
    }
    if (key->is(name, words)) {
      discard(mine);
      return static_cast<std::uint16_t>(slot + 1);
    }
    slot = (slot + 1) & (k_key_slots - 1);
  }
  discard(mine);
  return 0;
}

// lookup() for the common case, inline: the name sits in the slot its hash gives.
inline std::uint16_t find_fast(std::string_view name, bool add) {
  Words words(name);
  std::size_t slot = words.hash() & (k_key_slots - 1);
  const Key* key = g_keys[slot].load(std::memory_order_acquire);
  if (key != nullptr && key->is(name, words)) return static_cast<std::uint16_t>(slot + 1);
  return lookup(name, add);
}

const Key* key_at(std::uint16_t key) {
  return key == 0 ? nullptr : g_keys[key - 1u].load(std::memory_order_acquire);
}

// The key of "location", asked for by every rule: interned on first use, so that it does not
// depend on the order in which static objects are initialised.
std::uint16_t location_key() {
  static const std::uint16_t key = lookup("location", true);
  return key;
}

}  // namespace

std::uint16_t find_key(std::string_view name) {
  return find_fast(name, false);
}

std::string_view key_name(std::uint16_t key) {
  const Key* found = key_at(key);
  return found ? found->name : std::string_view();
}

bool key_is_kind(std::uint16_t key) {
  const Key* found = key_at(key);
  return found != nullptr && found->kind;
}

std::string_view Document::string(std::uint32_t at) const {
  const char* text = strings.get() + cells[at].value;
  std::uint32_t length = 0;
  std::memcpy(&length, text, sizeof length);
  return std::string_view(text + sizeof length, length);
}

}  // namespace tree

// ---- nodes ----------------------------------------------------------------------------------

using tree::CellType;

Node::Node(const tree::Document* document, std::uint32_t at)
    : m_document(document), m_at(at), m_body(at) {
  if (document->type(at) != CellType::object) return;
  std::uint32_t first = at + 1;
  std::uint32_t end = document->cells[at].value;
  if (first >= end) return;
  std::uint16_t key = document->cells[first].key;
  if (document->next(first) == end && tree::key_is_kind(key)) {
    m_kind = key;
    m_body = first;
  }
}

namespace {

Node field_of(const tree::Document* document, std::uint32_t body, std::uint16_t key) {
  if (key == 0 || document->type(body) != CellType::object) return Node();
  std::uint32_t end = document->cells[body].value;
  for (std::uint32_t at = body + 1; at < end; at = document->next(at)) {
    if (document->cells[at].key == key) return Node(document, at);
  }
  return Node();
}

}  // namespace

Node Node::get(std::string_view field) const {
  if (!valid()) return Node();
  return field_of(m_document, m_body, tree::find_key(field));
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
  return value.valid() && value.m_document->type(value.m_body) == CellType::yes;
}

NodeList Node::list(std::string_view field) const {
  return get(field).items();
}

std::string_view Node::as_str() const {
  if (!valid()) return {};
  if (m_document->type(m_body) == CellType::string) return m_document->string(m_body);
  if (kind() == "String") return str("sval");
  return {};
}

std::int64_t Node::as_int() const {
  if (!valid()) return 0;
  const tree::Cell& cell = m_document->cells[m_body];
  switch (static_cast<CellType>(cell.type)) {
    case CellType::integer:
      return static_cast<std::int32_t>(cell.value);
    case CellType::wide:
      return m_document->wide[cell.value];
    default:
      break;
  }
  if (kind() == "Integer") return num("ival");
  return 0;
}

NodeList Node::items() const {
  if (!valid() || m_document->type(m_body) != CellType::array) return NodeList();
  return NodeList(m_document, m_body);
}

std::optional<std::uint32_t> Node::location() const {
  if (!valid()) return std::nullopt;
  Node value = field_of(m_document, m_body, tree::location_key());
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

bool same_tree(const Node& a, const Node& b) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  static const std::uint16_t location = tree::find_key("location");
  const tree::Document& x = *a.document();
  const tree::Document& y = *b.document();
  std::uint32_t i = a.at();
  std::uint32_t j = b.at();
  // The ends of the containers each walk is in: both must close the same ones at each step.
  std::vector<std::uint32_t> x_open{x.next(i)};
  std::vector<std::uint32_t> y_open{y.next(j)};
  bool root = true;  // the roots' own keys are the fields they hang from: not compared
  while (true) {
    while (location != 0 && i < x_open.front() && x.cells[i].key == location) ++i;
    while (location != 0 && j < y_open.front() && y.cells[j].key == location) ++j;
    std::size_t x_closed = 0;
    std::size_t y_closed = 0;
    while (!x_open.empty() && i >= x_open.back()) x_open.pop_back(), ++x_closed;
    while (!y_open.empty() && j >= y_open.back()) y_open.pop_back(), ++y_closed;
    if (x_closed != y_closed) return false;
    if (x_open.empty() || y_open.empty()) return x_open.empty() && y_open.empty();
    const tree::Cell& c = x.cells[i];
    const tree::Cell& d = y.cells[j];
    if ((!root && c.key != d.key) || c.type != d.type) return false;
    root = false;
    switch (x.type(i)) {
      case tree::CellType::string:
        if (x.string(i) != y.string(j)) return false;
        break;
      case tree::CellType::integer:
        if (c.value != d.value) return false;
        break;
      case tree::CellType::wide:
        if (x.wide[c.value] != y.wide[d.value]) return false;
        break;
      case tree::CellType::object:
      case tree::CellType::array:
        x_open.push_back(x.next(i));
        y_open.push_back(y.next(j));
        break;
      default:
        break;
    }
    ++i;
    ++j;
  }
}

std::size_t NodeList::size() const {
  if (m_document == nullptr) return 0;
  std::uint8_t count = m_document->cells[m_at].count;
  if (count < tree::k_count_saturated) return count;
  std::size_t result = 0;
  for (auto it = begin(); it != end(); ++it) ++result;
  return result;
}

Node NodeList::operator[](std::size_t index) const {
  for (auto it = begin(); it != end(); ++it) {
    if (index-- == 0) return *it;
  }
  return Node();
}

Node NodeList::back() const {
  Node last;
  for (auto it = begin(); it != end(); ++it) last = *it;
  return last;
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

std::string join_strings(const std::vector<std::string>& parts, std::string_view separator) {
  std::string result;
  for (const auto& part : parts) {
    if (!result.empty()) result += separator;
    result += part;
  }
  return result;
}

RelationName relation_name(const Node& range_var) {
  return RelationName{range_var.str("schemaname"), range_var.str("relname"), range_var.location()};
}

namespace detail {

void push_children(const tree::Document& document, std::uint32_t at,
                   std::vector<std::uint32_t>& stack) {
  if (!document.container(at)) return;
  std::size_t first = stack.size();
  std::uint32_t end = document.cells[at].value;
  for (std::uint32_t child = at + 1; child < end; child = document.next(child)) {
    if (document.container(child)) stack.push_back(child);
  }
  std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
}

}  // namespace detail

// ---- decoding -------------------------------------------------------------------------------

namespace {

// Deep enough for what libpg_query accepts; raised further on demand.
constexpr std::size_t k_initial_depth = 4096;
constexpr std::size_t k_max_depth = std::size_t{1} << 22;

// A simdjson document (its tape) in the compact form. Returns an error message, or "" on success.
std::string compact(const simdjson::dom::document& from, std::size_t json_size,
                    tree::Document& to) {
  using tree::Cell;
  constexpr std::uint64_t k_payload = simdjson::internal::JSON_VALUE_MASK;
  constexpr std::uint64_t k_limit = std::numeric_limits<std::uint32_t>::max();
  const std::uint64_t* tape = from.tape.get();
  const std::uint8_t* string_buf = from.string_buf.get();
  // The opening root entry holds the index just past the closing one.
  auto tape_size = static_cast<std::size_t>(tape[0] & k_payload);
  // Bounds: a cell per tape entry at most; a string's bytes and 4-byte length take at most
  // twice what it took in the JSON (its quotes, at least one byte of text or a 2-byte escape).
  if (tape_size >= k_limit || json_size >= k_limit / 2) return "the parse tree is too large";
  thread_local std::vector<Cell> cells;
  thread_local std::vector<char> strings;
  thread_local std::vector<std::uint32_t> open;  // the containers not closed yet
  if (cells.size() < tape_size + 1) cells.resize(tape_size + 1);
  if (strings.size() < 2 * json_size + 8) strings.resize(2 * json_size + 8);
  open.clear();
  to.wide.clear();

  Cell* cell = cells.data();
  char* text = strings.data();
  std::uint16_t pending = 0;  // the key of the value that comes next
  bool in_object = false;     // the innermost open container is an object
  bool expect_key = false;
  auto emit = [&](CellType type, std::uint32_t value) {
    *cell++ = Cell{pending, static_cast<std::uint8_t>(type), 0, value};
    pending = 0;
    expect_key = in_object;
  };
  for (std::size_t i = 1; i + 1 < tape_size; ++i) {
    std::uint64_t word = tape[i];
    switch (static_cast<char>(word >> 56)) {
      case '{':
      case '[': {
        bool object = static_cast<char>(word >> 56) == '{';
        auto count = static_cast<std::uint32_t>((word >> 32) & 0xFFFFFF);
        open.push_back(static_cast<std::uint32_t>(cell - cells.data()));
        emit(object ? CellType::object : CellType::array, 0);
        cell[-1].count =
            static_cast<std::uint8_t>(std::min<std::uint32_t>(count, tree::k_count_saturated));
        in_object = expect_key = object;
        break;
      }
      case '}':
      case ']': {
        cells[open.back()].value = static_cast<std::uint32_t>(cell - cells.data());
        open.pop_back();
        in_object = expect_key =
            !open.empty() && cells[open.back()].type == static_cast<std::uint8_t>(CellType::object);
        break;
      }
      case '"': {
        const std::uint8_t* at = string_buf + (word & k_payload);
        std::uint32_t length = 0;
        std::memcpy(&length, at, sizeof length);
        if (expect_key) {
          pending = tree::find_fast(
              std::string_view(reinterpret_cast<const char*>(at + sizeof length), length), true);
          if (pending == 0) return "the parse tree has too many distinct field names";
          expect_key = false;
          break;
        }
        auto offset = static_cast<std::uint32_t>(text - strings.data());
        std::memcpy(text, at, sizeof length + length);
        text += sizeof length + length;
        emit(CellType::string, offset);
        break;
      }
      case 'l': {
        auto value = static_cast<std::int64_t>(tape[++i]);
        if (value >= std::numeric_limits<std::int32_t>::min() &&
            value <= std::numeric_limits<std::int32_t>::max()) {
          emit(CellType::integer, static_cast<std::uint32_t>(static_cast<std::int32_t>(value)));
        } else {
          to.wide.push_back(value);
          emit(CellType::wide, static_cast<std::uint32_t>(to.wide.size() - 1));
        }
        break;
      }
      case 'u':
      case 'd':
        ++i;
        emit(CellType::number, 0);
        break;
      case 't':
        emit(CellType::yes, 0);
        break;
      case 'f':
        emit(CellType::no, 0);
        break;
      default:
        emit(CellType::null, 0);
        break;
    }
  }
  if (cell == cells.data()) emit(CellType::null, 0);
  auto size = static_cast<std::size_t>(cell - cells.data());
  auto strings_size = static_cast<std::size_t>(text - strings.data());
  to.cells.reset(new Cell[size]);
  std::memcpy(to.cells.get(), cells.data(), size * sizeof(Cell));
  to.strings.reset(new char[std::max<std::size_t>(strings_size, 1)]);
  std::memcpy(to.strings.get(), strings.data(), strings_size);
  to.wide.shrink_to_fit();
  return {};
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

Documents::Documents() = default;
Documents::~Documents() = default;

Node Documents::load_parse_tree(std::string_view json, std::string_view source,
                                std::string* error) {
  std::string restored = restore_negative_integers(json, source);
  return load(restored.empty() ? json : std::string_view(restored), error);
}

Node Documents::load(std::string_view json, std::string* error) {
  thread_local simdjson::dom::parser parser;
  thread_local std::size_t depth = 0;
  // Parsed into a buffer reused by every load on this thread, then kept in the compact form.
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
    auto document = std::make_unique<tree::Document>();
    if (std::string failed = compact(scratch, json.size(), *document); !failed.empty()) {
      if (error) *error = failed;
      return Node();
    }
    m_documents.push_back(std::move(document));
    return Node(m_documents.back().get(), 0);
  }
}

}  // namespace sqlgate::lint
