// A thin read-only view over libpg_query's JSON parse tree, decoded with simdjson's DOM.
//
// libpg_query writes a node held through a Node* field as {"KindName": {fields}} and a node
// held through a typed field (RangeVar* relation, TypeName* typeName) as its bare {fields}.
// Node unwraps the first form and remembers its kind; fields at their default value (false,
// 0, empty) are absent from the JSON and read as that default here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace sqlgate::lint {

class NodeList;

class Node {
 public:
  Node() = default;
  explicit Node(simdjson::dom::element element);

  bool valid() const { return m_valid; }
  explicit operator bool() const { return m_valid; }

  // The node's type name ("CreateStmt", "String", ...), or "" for a bare struct or value.
  std::string_view kind() const { return m_kind; }
  bool is(std::string_view kind) const { return m_valid && m_kind == kind; }

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

  // The inner object of a wrapped node, else the value itself.
  simdjson::dom::element body() const { return m_body; }
  // The value as it stands in the JSON, wrapper included.
  simdjson::dom::element element() const { return m_element; }

 private:
  simdjson::dom::element m_element;
  simdjson::dom::element m_body;
  std::string_view m_kind;
  bool m_valid = false;
};

class NodeList {
 public:
  class iterator {
   public:
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(simdjson::dom::array::iterator it) : m_it(it) {}
    Node operator*() const { return Node(*m_it); }
    iterator& operator++() {
      ++m_it;
      return *this;
    }
    bool operator==(const iterator& other) const { return m_it == other.m_it; }
    bool operator!=(const iterator& other) const { return m_it != other.m_it; }

   private:
    simdjson::dom::array::iterator m_it;
  };

  NodeList() = default;
  explicit NodeList(simdjson::dom::array array) : m_array(array), m_valid(true) {}

  iterator begin() const { return m_valid ? iterator(m_array.begin()) : iterator(); }
  iterator end() const { return m_valid ? iterator(m_array.end()) : iterator(); }
  std::size_t size() const { return m_valid ? m_array.size() : 0; }
  bool empty() const { return size() == 0; }
  Node operator[](std::size_t index) const;
  Node front() const { return (*this)[0]; }
  Node back() const { return size() == 0 ? Node() : (*this)[size() - 1]; }

 private:
  simdjson::dom::array m_array;
  bool m_valid = false;
};

// The strings of a list of String nodes: ["public", "users"] from a qualified name.
std::vector<std::string_view> string_list(const NodeList& list);
// "public.users" from such a list.
std::string join_names(const NodeList& list, std::string_view separator = ".");

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
// Pushes the children of an element onto a stack so that they pop in document order.
void push_children(simdjson::dom::element element, std::vector<simdjson::dom::element>& stack);
}  // namespace detail

template <typename Visitor>
void walk(const Node& node, Visitor&& visit) {
  if (!node.valid()) return;
  // Iterative: parse trees of deeply nested expressions are deeper than a thread's stack.
  std::vector<simdjson::dom::element> stack{node.element()};
  while (!stack.empty()) {
    simdjson::dom::element element = stack.back();
    stack.pop_back();
    if (element.type() == simdjson::dom::element_type::OBJECT) {
      Node current(element);
      if (!visit(current)) continue;
      detail::push_children(current.body(), stack);
    } else {
      detail::push_children(element, stack);
    }
  }
}

// Owns the decoded JSON documents that Nodes point into.
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
  std::vector<std::unique_ptr<simdjson::dom::document>> m_documents;
};

}  // namespace sqlgate::lint
