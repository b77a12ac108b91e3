// enum-value-before-commit: ALTER TYPE ... ADD VALUE 'v', and a later statement of the same
// transaction that uses 'v' as a value of that type: PostgreSQL refuses it ("unsafe use of new
// value", 55P04) until the transaction that added it commits.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "lint/tree.h"
#include "rules/transaction/transaction.h"

namespace sqlgate::rules {

namespace {

using lint::Node;
using lint::Statement;

struct Added {
  const Statement* statement;
  lint::QualifiedName type;
  std::string label;
};

// Whether a type name (a TypeName node) is the enum's: the same name, and the same schema when
// both write one.
bool names_type(const Node& type_name, const lint::QualifiedName& type) {
  return lint::QualifiedName::of(type_name.list("names")).matches(type);
}

// The column's type before `at` (all_statements()[ordinal]): from the file, else from the
// catalog replay of the migrations before it (an unqualified table looked up along the search
// path the statement was read with).
std::optional<lint::ColumnType> type_of(const lint::FileContext& context, lint::TableState& tables,
                                        const lint::QualifiedName& table, const std::string& column,
                                        const Statement& at, std::size_t ordinal) {
  if (auto type = tables.column_type(table, column, at)) return type;
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return std::nullopt;
  lint::ObjectId id = lint::find_as_written(
      *catalog, context.index, ordinal, lint::ObjectKind::column, table.schema, column, table.name);
  if (id == lint::k_no_object) return std::nullopt;
  return lint::column_type_before(context.project, *catalog, id,
                                  catalog->before_statement(context.index, ordinal));
}

// Whether argument `i` of a call (a FuncCall) goes to a parameter of the enum, where PostgreSQL
// reads a string constant as a value of it: the call's name reaches a routine the migrations made
// before the statement, the only one of that name in its schema, whose i-th input parameter is of
// the type (or an array of it). Positional arguments only.
bool argument_of_type(const lint::FileContext& context, std::size_t ordinal, const Node& call,
                      std::size_t i, const lint::QualifiedName& type) {
  const lint::Catalog* catalog = context.project.catalog();
  lint::QualifiedName name = lint::QualifiedName::of(call.list("funcname"));
  if (catalog == nullptr || !catalog->replay(context.index).replayed || name.name.empty() ||
      name.schema == "pg_catalog") {
    return false;
  }
  lint::Tick at = catalog->before_statement(context.index, ordinal);
  lint::ObjectId id = lint::k_no_object;
  for (lint::ObjectKind kind : {lint::ObjectKind::function, lint::ObjectKind::procedure}) {
    if (id == lint::k_no_object) {
      id = lint::find_as_written(*catalog, context.index, ordinal, kind, name.schema, name.name);
    }
  }
  if (id == lint::k_no_object) return false;
  lint::Effect routine;
  routine.object = catalog->object(id).ref_at(at);
  routine.object.args.reset();
  if (catalog->overloads(routine, at).size() != 1) return false;
  const Statement* created = lint::statement_at(context.project, catalog->object(id).created);
  if (created == nullptr || !created->node.is("CreateFunctionStmt")) return false;
  std::size_t k = 0;
  for (Node parameter : created->node.list("parameters")) {
    if (!lint::input_parameter(parameter)) continue;
    if (k++ == i) return names_type(parameter.get("argType"), type);
  }
  return false;
}

// Whether a string constant is the label, or an array literal with the label among its elements
// ('{a,w}', '{"w"}', '{{w}}'): PostgreSQL reads the elements with the enum's input function too.
bool holds_label(std::string_view text, const std::string& label) {
  if (text == label) return true;
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return false;
  std::string element;
  bool quoted = false;
  bool was_quoted = false;
  auto ends = [&]() {
    std::string_view trimmed = element;
    if (!was_quoted) {
      while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    }
    bool found = trimmed == label;
    element.clear();
    was_quoted = false;
    return found;
  };
  for (std::size_t k = 0; k < text.size(); ++k) {
    char c = text[k];
    if (c == '\\' && k + 1 < text.size()) {
      element += text[++k];
    } else if (c == '"') {
      if (!quoted && element.find_first_not_of(' ') == std::string::npos) element.clear();
      quoted = !quoted;
      was_quoted = true;
    } else if (!quoted && was_quoted && c == ' ') {
      continue;  // blanks after a quoted element
    } else if (!quoted && (c == ',' || c == '{' || c == '}')) {
      if (ends()) return true;
    } else {
      element += c;
    }
  }
  return false;
}

// The location of a string constant in the subtree that holds the label.
std::optional<std::uint32_t> constant_in(const Node& node, const std::string& label) {
  std::optional<std::uint32_t> found;
  lint::walk(node, [&](const Node& child) {
    if (found) return false;
    if (child.is("A_Const") && child.has("sval") &&
        holds_label(child.get("sval").str("sval"), label)) {
      found = child.location();
    }
    return !found;
  });
  return found;
}

// Whether a column of that type takes a constant as a value of another type than the enum: a
// type known to be neither the enum (nor an array of it) nor a domain, which might be over it.
bool other_type(const lint::FileContext& context, const Statement& statement,
                const std::optional<lint::ColumnType>& type, const Added& added) {
  if (!type || lint::QualifiedName{type->schema, type->name}.matches(added.type)) return false;
  if (lint::is_builtin_type(*type)) return true;
  // Types and domains share their names: what the name finds is one or the other.
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::type, type->schema, type->name);
  return id != lint::k_no_object &&
         context.project.catalog()->object(id).kind() == lint::ObjectKind::type;
}

// The locations of the constants an UPDATE's SET or an INSERT's VALUES or SELECT list writes as
// they are into a column of its target that is of another type than the enum
// (`UPDATE payments SET status = 'refunded'` where payments.status is of another enum): PostgreSQL
// reads them with that type's input function, whatever else the statement reads.
std::vector<std::uint32_t> written_as_other(const lint::FileContext& context,
                                            lint::TableState& tables, const Node& node,
                                            const Statement& statement, std::size_t ordinal,
                                            const Added& added) {
  std::vector<std::uint32_t> found;
  auto target = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
  auto written = [&](std::string_view column, const Node& value) {
    if (!value.is("A_Const") || !value.location()) return;
    auto type =
        type_of(context, tables, target, lint::truncate_identifier(column), statement, ordinal);
    if (other_type(context, statement, type, added)) found.push_back(*value.location());
  };
  if (node.is("UpdateStmt")) {
    for (Node item : node.list("targetList")) {
      if (!item.has("indirection")) written(item.str("name"), item.get("val"));
    }
  } else if (node.is("InsertStmt")) {
    std::vector<std::string_view> columns;
    for (Node item : node.list("cols")) {
      if (item.has("indirection")) return found;
      columns.push_back(item.str("name"));
    }
    Node select = node.get("selectStmt");
    auto row = [&](const std::vector<Node>& values) {
      for (std::size_t i = 0; i < values.size() && i < columns.size(); ++i) {
        written(columns[i], values[i]);
      }
    };
    for (Node list : select.list("valuesLists")) {
      std::vector<Node> values;
      for (Node value : list.list("items")) values.push_back(value);
      row(values);
    }
    if (!select.has("op") || select.str("op") == "SETOP_NONE") {
      std::vector<Node> values;
      for (Node item : select.list("targetList")) values.push_back(item.get("val"));
      row(values);
    }
  }
  return found;
}

// Where the statement uses the label as a value of the type: a constant cast to it or to its
// array type (ARRAY['v']::e[], '{v}'::e[]), a default or CHECK of a column, a function's
// argument or a domain it declares of the type, or a constant in a statement that names a
// column of the type or of its array type (its SET target, its INSERT column, a column it
// compares, the column whose default it sets). PostgreSQL reads such a constant with the enum's
// input function when it parses the statement. `tree`: the statement's, or that of a statement of
// the LANGUAGE sql body it makes (which PostgreSQL analyzes then). The location of the constant,
// in `tree`'s text.
std::optional<std::uint32_t> use_of(const lint::FileContext& context, lint::TableState& tables,
                                    const Node& tree, const Statement& statement,
                                    std::size_t ordinal, const Added& added) {
  std::optional<std::uint32_t> constant;
  std::vector<std::uint32_t> other;       // constants written into a column of another type
  std::optional<std::uint32_t> declared;  // a constant of what the statement declares of the type
  std::vector<std::string> columns;
  std::vector<std::string> typed;  // columns the statement declares of the type
  std::vector<lint::QualifiedName> relations;
  lint::walk(tree, [&](const Node& node) {
    if (declared) return false;
    if (node.is("TypeCast")) {
      Node arg = node.get("arg");
      if (names_type(node.get("typeName"), added.type)) {
        if (arg.is("A_Const") || arg.is("A_ArrayExpr")) declared = constant_in(arg, added.label);
        if (declared) return false;
      }
      // A column cast to another type (status::text = 'v') compares no value of the enum.
      if (arg.is("ColumnRef") && !names_type(node.get("typeName"), added.type)) return false;
    } else if (node.is("ColumnDef")) {
      if (names_type(node.get("typeName"), added.type)) {
        typed.push_back(lint::truncate_identifier(node.str("colname")));
        declared = constant_in(node, added.label);  // its DEFAULT, its CHECK
        return false;
      }
    } else if (node.is("FunctionParameter")) {
      if (names_type(node.get("argType"), added.type)) {
        declared = constant_in(node.get("defexpr"), added.label);
      }
      return false;
    } else if (node.is("CreateDomainStmt")) {
      if (names_type(node.get("typeName"), added.type)) {
        declared = constant_in(node, added.label);
        return false;
      }
    } else if (node.is("FuncCall")) {
      // A constant given to a parameter of the type ('messages.update' to authorize()).
      lint::NodeList args = node.list("args");
      for (std::size_t i = 0; i < args.size() && !declared; ++i) {
        Node arg = args[i];
        if (arg.is("A_Const") && arg.has("sval") &&
            holds_label(arg.get("sval").str("sval"), added.label) &&
            argument_of_type(context, ordinal, node, i, added.type)) {
          declared = arg.location();
        }
      }
      if (declared) return false;
    } else if (node.is("UpdateStmt") || node.is("InsertStmt")) {
      for (std::uint32_t at : written_as_other(context, tables, node, statement, ordinal, added)) {
        other.push_back(at);
      }
    } else if (node.is("A_Const")) {
      if (!constant && node.has("sval") && holds_label(node.get("sval").str("sval"), added.label) &&
          std::find(other.begin(), other.end(), node.location().value_or(0)) == other.end()) {
        constant = node.location();
      }
    } else if (node.is("ColumnRef")) {
      lint::NodeList fields = node.list("fields");
      if (!fields.empty() && fields.back().is("String")) {
        columns.push_back(lint::truncate_identifier(fields.back().as_str()));
      }
    } else if (node.is("ResTarget") || node.is("AlterTableCmd")) {
      if (!node.str("name").empty()) columns.push_back(lint::truncate_identifier(node.str("name")));
    } else if (node.has("relname")) {  // a RangeVar (a field of that type has no node name)
      relations.push_back(lint::QualifiedName::of(lint::relation_name(node)));
    }
    return true;
  });
  if (declared) return declared;
  if (!constant) return std::nullopt;
  for (const std::string& column : columns) {
    if (std::find(typed.begin(), typed.end(), column) != typed.end()) return constant;
  }
  for (const lint::QualifiedName& relation : relations) {
    for (const std::string& column : columns) {
      auto type = type_of(context, tables, relation, column, statement, ordinal);
      if (type && lint::QualifiedName{type->schema, type->name}.matches(added.type)) {
        return constant;
      }
    }
  }
  return std::nullopt;
}

// Where the quoted constant at `at` (a location in the statement's tree) stands in the file: the
// label, or the array literal that holds it; the statement when its locations are not exact.
lint::TextRange constant_range(std::string_view text, const Statement& statement, std::uint32_t at,
                               const std::string& label) {
  if (!statement.exact) return statement.range;
  std::uint32_t begin = statement.offset(at);
  std::uint32_t end = begin + static_cast<std::uint32_t>(label.size() + 2);
  if (begin < text.size() && text[begin] == '\'') {
    std::size_t close = begin + 1;
    while (close < text.size() && text[close] != '\'') close += 1;
    if (close < text.size()) end = static_cast<std::uint32_t>(close + 1);
  }
  return lint::TextRange{begin, end};
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  lint::TransactionLayout layout(context.file);
  auto together = [&](const Statement& added, const Statement& user) {
    std::ptrdiff_t transaction = layout.transaction_of(added);
    return transaction != lint::TransactionLayout::k_alone &&
           layout.transaction_of(user) == transaction;
  };
  for (const transaction::EarlyEnumUse& use :
       transaction::enum_values_used_early(context, together)) {
    out.report(use.range,
               "'" + use.label + "' is used as a value of " + use.type.display() +
                   " in the transaction whose ALTER TYPE adds it: PostgreSQL refuses that "
                   "until the transaction commits (unsafe use of new value, 55P04), so the "
                   "migration fails",
               "add the value in a migration of its own, before the one that uses it")
        .related(context.file, use.added->range, "the value is added here");
  }
}

}  // namespace

namespace transaction {

std::vector<EarlyEnumUse> enum_values_used_early(
    const lint::FileContext& context,
    const std::function<bool(const Statement&, const Statement&)>& together) {
  std::vector<EarlyEnumUse> uses;
  // Before PostgreSQL 12, ADD VALUE cannot run in a transaction at all (no-transaction-marker).
  if (context.pg_version() < 12) return uses;
  std::vector<Added> added;
  std::optional<lint::TableState> tables;
  const auto& all = context.file.all_statements();
  for (std::size_t ordinal = 0; ordinal < all.size(); ++ordinal) {
    const Statement* statement = all[ordinal];
    const Node& node = statement->node;
    if (node.is("AlterEnumStmt")) {
      if (node.str("oldVal").empty() && !node.str("newVal").empty()) {
        added.push_back(Added{statement, lint::QualifiedName::of(node.list("typeName")),
                              std::string(node.str("newVal"))});
      }
      continue;
    }
    // The statement, and the statements of the LANGUAGE sql body it makes.
    std::vector<const Statement*> parts{statement};
    if (statement->body != nullptr) {
      for (const Statement& inner : *statement->body) parts.push_back(&inner);
    }
    bool found = false;
    for (const Added& value : added) {
      if (!together(*value.statement, *statement)) continue;
      if (!tables) tables.emplace(context);
      for (const Statement* part : parts) {
        auto at = use_of(context, *tables, part->node, *statement, ordinal, value);
        if (!at) continue;
        uses.push_back(EarlyEnumUse{value.statement, statement,
                                    constant_range(context.file.text(), *part, *at, value.label),
                                    value.type, value.label});
        found = true;
        break;
      }
      if (found) break;
    }
  }
  return uses;
}

}  // namespace transaction

lint::Rule enum_value_before_commit() {
  return {.info = {.id = "enum-value-before-commit",
                   .category = lint::Category::transaction,
                   .severity = lint::Severity::error,
                   .summary = "An enum value used in the transaction that adds it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
