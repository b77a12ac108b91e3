#include "lint/terms.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lint/catalog.h"
#include "lint/objects.h"

namespace sqlgate::lint {

namespace {

// A term: its marker, then its name ("c email", "o =").
std::string term(std::string_view marker, std::string_view name) {
  std::string result(marker);
  result += name;
  return result;
}

// The value of an integer constant written as a string, as int4in() reads it: white space around
// it, a sign; nullopt when it is not one or is out of int4's range.
std::optional<std::int32_t> int4_input(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\n\r\f\v");
  if (first == std::string_view::npos) return std::nullopt;
  std::size_t last = text.find_last_not_of(" \t\n\r\f\v");
  text = text.substr(first, last - first + 1);
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  std::int32_t value = 0;
  auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (code != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A constant's term: its value when the type it takes is known and the spellings of a value can
// be told apart ('f' and false for a boolean, '1' and 1 for an integer), else its spelling.
std::string constant_term(const Node& constant, std::string_view type, const TermTypes* types) {
  if (constant.flag("isnull")) return "k null";
  if (type == "regclass" && types != nullptr && types->relation && constant.has("sval")) {
    if (std::string relation = types->relation(constant.get("sval").str("sval"));
        !relation.empty()) {
      return term("k r", relation);
    }
  }
  if (type == "bool") {
    std::optional<bool> value;
    if (constant.has("boolval")) value = constant.get("boolval").flag("boolval");
    if (constant.has("sval")) value = boolean_input(constant.get("sval").str("sval"));
    if (value) return *value ? "k true" : "k false";
  } else if (type == "int4") {
    if (constant.has("sval")) {
      if (auto value = int4_input(constant.get("sval").str("sval"))) {
        return term("k ", std::to_string(*value));
      }
    }
  }
  if (constant.has("sval")) return term("k '", constant.get("sval").str("sval"));
  if (constant.has("ival")) return term("k ", std::to_string(constant.get("ival").num("ival")));
  if (constant.has("fval")) return term("k ", constant.get("fval").str("fval"));
  if (constant.has("boolval")) {
    return constant.get("boolval").flag("boolval") ? "k true" : "k false";
  }
  if (constant.has("bsval")) return term("k b", constant.get("bsval").str("bsval"));
  return {};
}

// The terms of an expression for same_terms(): counted ones, then "~"-marked ones whose count
// does not matter (the constructs a nesting may repeat), sorted.
std::vector<std::string> expression_terms(const Node& expression, const TermTypes* types,
                                          const std::map<std::string, std::string>* renamed) {
  std::vector<std::string> counted;
  std::vector<std::string> kinds;
  // Where the constants whose type is known stand, with that type, and the array bounds of
  // casts (text[] and text[][] are one type).
  std::vector<std::pair<std::uint32_t, std::string>> typed;
  std::vector<std::uint32_t> bounds;
  auto type_at = [&](const Node& node) -> std::string_view {
    for (const auto& [at, type] : typed) {
      if (at == node.at()) return type;
    }
    return {};
  };
  auto last_name = [](const NodeList& names) {
    std::string_view last;
    for (Node name : names) {
      if (name.is("String")) last = name.as_str();
    }
    return std::string(last);
  };
  if (types != nullptr && !types->whole.empty() && expression.is("A_Const")) {
    typed.emplace_back(expression.at(), types->whole);
  }
  walk(expression, [&](const Node& node) {
    std::string_view kind = node.kind();
    if (kind == "Integer" && std::find(bounds.begin(), bounds.end(), node.at()) != bounds.end()) {
      return false;
    }
    if (kind == "TypeCast") {
      for (Node bound : node.get("typeName").list("arrayBounds")) bounds.push_back(bound.at());
      if (node.get("arg").is("A_Const")) {
        typed.emplace_back(node.get("arg").at(), term_type(column_type(node.get("typeName"))));
      }
    }
    if (kind == "A_Expr" && types != nullptr && types->column && node.str("kind") == "AEXPR_OP") {
      // column op 'literal': the literal takes the column's type.
      Node left = node.get("lexpr");
      Node right = node.get("rexpr");
      if (right.is("ColumnRef")) std::swap(left, right);
      if (left.is("ColumnRef") && right.is("A_Const")) {
        std::string type = types->column(last_name(left.list("fields")));
        if (!type.empty()) typed.emplace_back(right.at(), std::move(type));
      }
    }
    if (kind.empty() || kind == "String" || kind == "TypeCast" || kind == "List" ||
        kind == "A_ArrayExpr") {
      return true;  // a cast's type, a list's brackets: not terms
    }
    if (kind == "ColumnRef") {
      std::string name = last_name(node.list("fields"));
      if (renamed != nullptr) {
        if (auto found = renamed->find(name); found != renamed->end()) name = found->second;
      }
      counted.push_back(term("c ", name));
      return false;
    }
    if (kind == "A_Const") {
      if (std::string term = constant_term(node, type_at(node), types); !term.empty()) {
        counted.push_back(std::move(term));
      }
      return false;
    }
    if (kind == "A_Expr") {
      counted.push_back(term("o ", last_name(node.list("name"))));
    } else if (kind == "FuncCall") {
      counted.push_back(term("f ", last_name(node.list("funcname"))));
    } else if (kind == "NullTest") {
      counted.push_back(term("n ", node.str("nulltesttype")));
    } else if (kind == "BooleanTest") {
      counted.push_back(term("t ", node.str("booltesttype")));
    } else if (kind == "BoolExpr") {
      kinds.push_back(term("~b ", node.str("boolop")));
    } else {
      kinds.push_back(term("~", kind));
    }
    return true;
  });
  std::sort(counted.begin(), counted.end());
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
  counted.insert(counted.end(), kinds.begin(), kinds.end());
  return counted;
}

}  // namespace

bool same_terms(const Node& a, const Node& b) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  return expression_terms(a, nullptr, nullptr) == expression_terms(b, nullptr, nullptr);
}

bool same_terms(const Node& a, const Node& b, const std::map<std::string, std::string>& b_renamed) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  return expression_terms(a, nullptr, nullptr) == expression_terms(b, nullptr, &b_renamed);
}

bool same_terms(const Node& a, const Node& b, const TermTypes& types) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  return expression_terms(a, &types, nullptr) == expression_terms(b, &types, nullptr);
}

bool same_terms(const Node& a, const TermTypes& a_types, const Node& b, const TermTypes& b_types) {
  if (!a.valid() || !b.valid()) return a.valid() == b.valid();
  return expression_terms(a, &a_types, nullptr) == expression_terms(b, &b_types, nullptr);
}

void conjuncts(const Node& expression, std::vector<Node>& out) {
  if (expression.is("BoolExpr") && expression.str("boolop") == "AND_EXPR") {
    for (Node arg : expression.list("args")) conjuncts(arg, out);
    return;
  }
  out.push_back(expression);
}

std::string term_type(const std::optional<ColumnType>& type) {
  return type && type->schema.empty() && !type->array ? type->name : std::string();
}

TermTypes column_term_types(const Project& project, const Catalog& catalog, const ObjectRef& table,
                            Tick tick) {
  TermTypes types;
  types.column = [&project, &catalog, table, tick](std::string_view name) {
    ObjectRef column;
    column.kind = ObjectKind::column;
    column.schema = table.schema;
    column.parent = table.name;
    column.name = truncate_identifier(name);
    ObjectId id = catalog.find(column, tick);
    if (id == k_no_object) return std::string();
    return term_type(column_type_before(project, catalog, id, tick));
  };
  return types;
}

}  // namespace sqlgate::lint
