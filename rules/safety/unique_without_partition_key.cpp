// unique-without-partition-key: a PRIMARY KEY, UNIQUE constraint or unique index on a partitioned
// table that leaves out a column of the partition key (PostgreSQL enforces uniqueness per
// partition only, so it refuses: "unique constraint on partitioned table must include all
// partitioning columns"), or any of them when the partition key has an expression.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct PartitionKey {
  std::vector<std::string> columns;
  bool expressions = false;
};

// The partition key a CREATE TABLE ... PARTITION BY gives; nullopt for any other statement.
std::optional<PartitionKey> partition_key(const Node& statement) {
  if (!statement.is("CreateStmt") || !statement.has("partspec")) return std::nullopt;
  PartitionKey key;
  for (Node element : statement.get("partspec").list("partParams")) {
    Node part = element.is("PartitionElem") ? element : element.get("PartitionElem");
    if (part.has("name")) {
      key.columns.push_back(lint::truncate_identifier(part.str("name")));
    } else {
      key.expressions = true;
    }
  }
  return key;
}

// What PostgreSQL says of a unique key on those columns; nullopt when it accepts it.
std::optional<std::string> refusal(const PartitionKey& key, const std::vector<std::string>& columns,
                                   std::string_view what, std::string_view table) {
  if (key.expressions) {
    return "unsupported " + std::string(what) +
           " constraint with partition key definition: the partition key of " + std::string(table) +
           " has an expression";
  }
  for (const std::string& column : key.columns) {
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
      return "unique constraint on partitioned table must include all partitioning columns: " +
             std::string(what) + " constraint on table " + std::string(table) + " lacks column " +
             column + " which is part of the partition key";
    }
  }
  return std::nullopt;
}

std::vector<std::string> names(const lint::NodeList& list) {
  std::vector<std::string> result;
  for (Node name : list) result.push_back(lint::truncate_identifier(name.as_str()));
  return result;
}

std::string_view constraint_words(const Node& constraint) {
  return constraint.str("contype") == "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
}

bool is_unique_key(const Node& constraint) {
  std::string_view type = constraint.str("contype");
  return (type == "CONSTR_PRIMARY" || type == "CONSTR_UNIQUE") && !constraint.has("indexname");
}

// The partition key of a table a statement names: made earlier in this file, else by the
// migration that created it (as the catalog has it before the statement).
std::optional<PartitionKey> key_of(const lint::FileContext& context, const lint::Statement& at,
                                   const Node& relation) {
  lint::QualifiedName table = lint::QualifiedName::of(lint::relation_name(relation));
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog != nullptr && catalog->replay(context.index).replayed) {
    const lint::Statement* made =
        lint::definition_of(context, at, lint::ObjectKind::table, table.schema, table.name);
    return made == nullptr ? std::nullopt : partition_key(made->node);
  }
  const auto& all = context.file.all_statements();
  auto position =
      all.begin() + static_cast<std::ptrdiff_t>(context.file.ordinal(at).value_or(all.size()));
  std::optional<PartitionKey> key;
  for (auto it = all.begin(); it != position; ++it) {
    const Node& node = (*it)->node;
    if (!node.is("CreateStmt")) continue;
    if (lint::QualifiedName::of(lint::relation_name(node.get("relation"))).matches(table)) {
      key = partition_key(node);
    }
  }
  return key;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  auto report = [&](const lint::Statement& statement, const std::string& why) {
    out.report(statement.range, "the statement fails on every run: " + why,
               "add the partition key's columns to the key (uniqueness is enforced within each "
               "partition), or keep the constraint on each partition instead of the partitioned "
               "table");
  };
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (node.is("CreateStmt")) {
      std::optional<PartitionKey> key = partition_key(node);
      if (!key) continue;
      std::string table(node.get("relation").str("relname"));
      for (Node element : node.list("tableElts")) {
        if (element.is("ColumnDef")) {
          for (Node constraint : element.list("constraints")) {
            if (!is_unique_key(constraint)) continue;
            std::vector<std::string> columns{lint::truncate_identifier(element.str("colname"))};
            if (auto why = refusal(*key, columns, constraint_words(constraint), table)) {
              report(*statement, *why);
            }
          }
        } else if (element.is("Constraint") && is_unique_key(element)) {
          if (auto why =
                  refusal(*key, names(element.list("keys")), constraint_words(element), table)) {
            report(*statement, *why);
          }
        }
      }
    } else if (node.is("AlterTableStmt")) {
      for (Node command : node.list("cmds")) {
        Node constraint = command.get("def");
        if (command.str("subtype") != "AT_AddConstraint" || !is_unique_key(constraint)) continue;
        std::optional<PartitionKey> key = key_of(context, *statement, node.get("relation"));
        if (!key) break;
        std::string table(node.get("relation").str("relname"));
        if (auto why = refusal(*key, names(constraint.list("keys")), constraint_words(constraint),
                               table)) {
          report(*statement, *why);
        }
      }
    } else if (node.is("IndexStmt") && node.flag("unique")) {
      std::optional<PartitionKey> key = key_of(context, *statement, node.get("relation"));
      if (!key) continue;
      std::vector<std::string> columns;
      for (Node param : node.list("indexParams")) {
        Node element = param.is("IndexElem") ? param : param.get("IndexElem");
        if (element.has("name")) columns.push_back(lint::truncate_identifier(element.str("name")));
      }
      std::string table(node.get("relation").str("relname"));
      if (auto why = refusal(*key, columns, "UNIQUE", table)) report(*statement, *why);
    }
  }
}

}  // namespace

lint::Rule unique_without_partition_key() {
  return {.info = {.id = "unique-without-partition-key",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "A primary key, unique constraint or unique index on a partitioned "
                              "table without every column of the partition key: PostgreSQL "
                              "refuses it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
