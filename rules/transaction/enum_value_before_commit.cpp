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

// Where the statement uses the label as a value of the type: a constant cast to it, or a
// constant in a statement that names a column of the type (its SET target, its INSERT column,
// a column it compares, the column whose default it sets). The location of the constant.
std::optional<std::uint32_t> use_of(const lint::FileContext& context, lint::TableState& tables,
                                    const Statement& statement, std::size_t ordinal,
                                    const Added& added) {
  std::optional<std::uint32_t> constant;
  bool cast = false;
  std::vector<std::string> columns;
  std::vector<lint::QualifiedName> relations;
  lint::walk(statement.node, [&](const Node& node) {
    if (node.is("TypeCast")) {
      Node arg = node.get("arg");
      if (arg.is("A_Const") && arg.get("sval").str("sval") == added.label &&
          names_type(node.get("typeName"), added.type)) {
        constant = arg.location();
        cast = true;
        return false;
      }
      // A column cast to another type (status::text = 'v') compares no value of the enum.
      if (arg.is("ColumnRef") && !names_type(node.get("typeName"), added.type)) return false;
    } else if (node.is("A_Const")) {
      if (!constant && node.has("sval") && node.get("sval").str("sval") == added.label) {
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
    return !cast;
  });
  if (cast) return constant;
  if (!constant) return std::nullopt;
  for (const lint::QualifiedName& relation : relations) {
    for (const std::string& column : columns) {
      auto type = type_of(context, tables, relation, column, statement, ordinal);
      if (type && !type->array &&
          lint::QualifiedName{type->schema, type->name}.matches(added.type)) {
        return constant;
      }
    }
  }
  return std::nullopt;
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
    for (const Added& value : added) {
      if (!together(*value.statement, *statement)) continue;
      if (!tables) tables.emplace(context);
      auto at = use_of(context, *tables, *statement, ordinal, value);
      if (!at) continue;
      lint::TextRange range = statement->range;
      if (statement->exact) {
        std::uint32_t begin = statement->offset(at);
        range = lint::TextRange{begin, begin + static_cast<std::uint32_t>(value.label.size() + 2)};
      }
      uses.push_back(EarlyEnumUse{value.statement, statement, range, value.type, value.label});
      break;
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
