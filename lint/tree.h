// A thin read-only view over libpg_query's JSON parse tree.
//
// libpg_query writes a node held through a Node* field as {"KindName": {fields}} and a node
// held through a typed field (RangeVar* relation, TypeName* typeName) as its bare {fields}.
// Node unwraps the first form and remembers its kind; fields at their default value (false,
// 0, empty) are absent from the JSON and read as that default here.
//
// The JSON is decoded with simdjson's DOM, then kept in a compact form of its own (a Document):
// one 8-byte cell per value in document order, field names interned once for the process, and
// the string values in one buffer. A tree is kept for every file of a set, so this is most of
// what linting a large set holds in memory.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::lint {

namespace tree {

// What a cell holds.
enum class CellType : std::uint8_t {
  object,   // value: the index just past its last descendant
  array,    // value: the same
  string,   // value: the offset of its text in the document's strings
  integer,  // value: an int32
  wide,     // value: the index of an int64 in the document's wide numbers
  number,   // a number that is not an int64 (a double, a huge unsigned): reads as 0
  yes,
  no,
  null,
};

// One value of a document. key: the interned name of the field it is the value of (0 in an
// array or at the root). count: the number of children of a container, saturated.
struct Cell {
  std::uint16_t key;
  std::uint8_t type;
  std::uint8_t count;
  std::uint32_t value;
};
static_assert(sizeof(Cell) == 8);

inline constexpr std::uint8_t k_count_saturated = 255;

struct Document {
  std::unique_ptr<Cell[]> cells;
  std::unique_ptr<char[]> strings;  // each: 4-byte length, then the bytes
  std::vector<std::int64_t> wide;

  CellType type(std::uint32_t at) const { return static_cast<CellType>(cells[at].type); }
  bool container(std::uint32_t at) const {
    return type(at) == CellType::object || type(at) == CellType::array;
  }
  // The index of the next sibling of the value at `at`.
  std::uint32_t next(std::uint32_t at) const { return container(at) ? cells[at].value : at + 1; }
  std::string_view string(std::uint32_t at) const;
};

// The interned field names: 0 is no name.
std::uint16_t find_key(std::string_view name);
std::string_view key_name(std::uint16_t key);
// Whether a name is a node type's ("CreateStmt"): it starts with an upper-case letter.
bool key_is_kind(std::uint16_t key);

}  // namespace tree

class NodeList;

class Node {
 public:
  Node() = default;
  Node(const tree::Document* document, std::uint32_t at);

  bool valid() const { return m_document != nullptr; }
  explicit operator bool() const { return valid(); }

  // The node's type name ("CreateStmt", "String", ...), or "" for a bare struct or value.
  std::string_view kind() const { return tree::key_name(m_kind); }
  bool is(std::string_view kind) const { return valid() && this->kind() == kind; }

  // A field of the node; an invalid Node when absent.
  Node get(std::string_view field) const;
  Node operator[](std::string_view field) const { return get(field); }
  bool has(std::string_view field) const { return get(field).valid(); }

  // Scalar fields, read as their default when absent.
  std::string_view str(std::string_view field) const;
  std::int64_t num(std::string_view field, std::int64_t fallback = 0) const;
  bool flag(std::string_view field) const;
  NodeList list(std::string_view field) const;

  // This value as a string: a JSON string, or the text of a String node ({"String": {"sval"}}).
  std::string_view as_str() const;
  // This value as an integer: a JSON number, or an Integer node's ival.
  std::int64_t as_int() const;
  // This value as an array (empty when it is not one).
  NodeList items() const;

  // The "location" field: a byte offset into the text that was parsed, when known.
  std::optional<std::uint32_t> location() const;

  // The lowest "location" anywhere in this subtree, when any.
  std::optional<std::uint32_t> first_location() const;

  // Where the value stands in its document, wrapper included, and its inner object.
  const tree::Document* document() const { return m_document; }
  std::uint32_t at() const { return m_at; }
  std::uint32_t body() const { return m_body; }

 private:
  const tree::Document* m_document = nullptr;
  std::uint32_t m_at = 0;
  std::uint32_t m_body = 0;
  std::uint16_t m_kind = 0;
};

// Whether two values are the same tree but for where they were written (their "location"
// fields): the same fields, kinds, strings and numbers, in the same order. Two invalid Nodes are
// the same; an invalid and a valid one are not.
bool same_tree(const Node& a, const Node& b);

// Whether two expressions are made of the same terms: the same columns, constants, operators,
// functions and NULL tests, as many times each, and the same kinds of AND, OR, NOT and other
// constructs, however their ANDs and ORs are nested or parenthesized, with or without casts, and
// `IN (...)` the same as `= ANY (ARRAY[...])`. A definition written again in another hand (pg_dump
// writes every cast and parenthesis, PostgreSQL stores an IN as = ANY) is the same definition;
// `x > 0` and `x >= 0`, or a value added to a list, are not. Two invalid Nodes are the same.
bool same_terms(const Node& a, const Node& b);
// The same, with the columns b names renamed first (old name -> new name): an index's expression
// or predicate as written, against one written after a RENAME COLUMN of what it uses.
bool same_terms(const Node& a, const Node& b, const std::map<std::string, std::string>& b_renamed);

class NodeList {
 public:
  class iterator {
   public:
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const tree::Document* document, std::uint32_t at) : m_document(document), m_at(at) {}
    Node operator*() const { return Node(m_document, m_at); }
    iterator& operator++() {
      m_at = m_document->next(m_at);
      return *this;
    }
    bool operator==(const iterator& other) const { return m_at == other.m_at; }
    bool operator!=(const iterator& other) const { return m_at != other.m_at; }

   private:
    const tree::Document* m_document = nullptr;
    std::uint32_t m_at = 0;
  };

  NodeList() = default;
  NodeList(const tree::Document* document, std::uint32_t at) : m_document(document), m_at(at) {}

  iterator begin() const { return m_document ? iterator(m_document, m_at + 1) : iterator(); }
  iterator end() const {
    return m_document ? iterator(m_document, m_document->cells[m_at].value) : iterator();
  }
  std::size_t size() const;
  bool empty() const { return begin() == end(); }
  Node operator[](std::size_t index) const;
  Node front() const { return (*this)[0]; }
  Node back() const;

 private:
  const tree::Document* m_document = nullptr;
  std::uint32_t m_at = 0;
};

// The strings of a list of String nodes: ["public", "users"] from a qualified name.
std::vector<std::string_view> string_list(const NodeList& list);
// "public.users" from such a list.
std::string join_names(const NodeList& list, std::string_view separator = ".");
// "a, b, c" from strings and a separator.
std::string join_strings(const std::vector<std::string>& parts, std::string_view separator);

// A relation named in a statement (a RangeVar): its schema when written, its name, location.
struct RelationName {
  std::string_view schema;
  std::string_view name;
  std::optional<std::uint32_t> location;
};
RelationName relation_name(const Node& range_var);

// Visits every node of a subtree, depth first, the root included. Returning false from the
// visitor skips that node's children.
template <typename Visitor>
void walk(const Node& node, Visitor&& visit);

namespace detail {
// Pushes the containers among the children of the value at `at` onto a stack so that they pop
// in document order.
void push_children(const tree::Document& document, std::uint32_t at,
                   std::vector<std::uint32_t>& stack);
}  // namespace detail

template <typename Visitor>
void walk(const Node& node, Visitor&& visit) {
  if (!node.valid()) return;
  const tree::Document& document = *node.document();
  // Iterative: parse trees of deeply nested expressions are deeper than a thread's stack.
  std::vector<std::uint32_t> stack{node.at()};
  while (!stack.empty()) {
    std::uint32_t at = stack.back();
    stack.pop_back();
    if (document.type(at) == tree::CellType::object) {
      Node current(&document, at);
      if (!visit(current)) continue;
      detail::push_children(document, current.body(), stack);
    } else {
      detail::push_children(document, at, stack);
    }
  }
}

// Owns the decoded documents that Nodes point into.
class Documents {
 public:
  Documents();
  ~Documents();
  Documents(const Documents&) = delete;
  Documents& operator=(const Documents&) = delete;

  // Decodes JSON text; returns the root, or an error message.
  Node load(std::string_view json, std::string* error);
  // Decodes the parse tree libpg_query wrote for `source`, first restoring what its JSON loses:
  // a negative integer constant is written like 0 (`"ival": {}`), so its value is read back
  // from the source at the constant's location.
  Node load_parse_tree(std::string_view json, std::string_view source, std::string* error);

 private:
  std::vector<std::unique_ptr<tree::Document>> m_documents;
};

}  // namespace sqlgate::lint
