#include "rules/safety/partitioned.h"

#include <algorithm>
#include <span>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

// The catalog's steps for a statement of the file; empty when there is no replay of it.
std::span<const lint::CatalogStep> steps_of(const lint::FileContext& context,
                                            const lint::Statement& statement) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return {};
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!ordinal) return {};
  return catalog->steps_at(context.index, *ordinal);
}

// Whether an ALTER TABLE command attaches (true) or detaches (false) the partition `name`, as
// DEFAULT when attaching; nothing when it does neither.
std::optional<bool> attaches_as_default(const lint::Node& command, const std::string& name) {
  std::string_view type = command.str("subtype");
  if (type != "AT_AttachPartition" && type != "AT_DetachPartition") return std::nullopt;
  lint::Node partition = command.get("def");
  if (lint::truncate_identifier(lint::relation_name(partition.get("name")).name) != name) {
    return std::nullopt;
  }
  return type == "AT_AttachPartition" && partition.get("bound").flag("is_default");
}

}  // namespace

std::optional<std::string> default_partition_of(const lint::FileContext& context,
                                                const lint::Statement& statement) {
  const lint::Catalog* catalog = context.project.catalog();
  std::string parent_name =
      lint::truncate_identifier(lint::relation_name(statement.node.get("relation")).name);
  std::span<const lint::CatalogStep> steps = steps_of(context, statement);
  for (const lint::CatalogStep& step : steps) {
    if (step.object == lint::k_no_object || step.effect.object.kind != lint::ObjectKind::table ||
        step.effect.object.name != parent_name) {
      continue;
    }
    // Before the statement; a down starts from the state its up left.
    lint::Tick at = context.direction() == lint::Direction::down
                        ? catalog->replay(context.index).start
                        : steps.front().tick;
    for (const auto& edge : catalog->object(step.object).dependents) {
      const lint::CatalogObject& partition = catalog->object(edge.object);
      if (!edge.automatic || partition.kind() != lint::ObjectKind::table ||
          !partition.alive_at(at)) {
        continue;
      }
      bool is_default = false;
      if (const lint::Statement* created = lint::statement_at(context.project, partition.created)) {
        is_default =
            created->kind() == "CreateStmt" && created->node.get("partbound").flag("is_default");
      }
      for (const lint::Origin& origin : partition.changed) {
        if (origin.tick >= at) break;
        const lint::Statement* changed = lint::statement_at(context.project, origin);
        if (changed == nullptr || changed->kind() != "AlterTableStmt") continue;
        for (lint::Node command : changed->node.list("cmds")) {
          auto attached = attaches_as_default(command, partition.ref_at(origin.tick).name);
          if (attached) is_default = *attached;
        }
      }
      if (is_default) {
        const lint::ObjectRef& ref = partition.ref_at(at);
        return lint::sql_name(ref.schema, ref.name);
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> partitioned_table_of(const lint::FileContext& context,
                                                const lint::Statement& statement) {
  const lint::Catalog* catalog = context.project.catalog();
  for (const lint::CatalogStep& step : steps_of(context, statement)) {
    if (step.object == lint::k_no_object) continue;
    lint::ObjectId table = lint::k_no_object;
    if ((step.effect.action == lint::Action::use || step.effect.action == lint::Action::alter) &&
        lint::is_relation(step.effect.object.kind)) {
      table = step.object;  // CREATE INDEX ... ON table, ALTER TABLE table
    } else if (step.effect.action == lint::Action::drop &&
               step.effect.object.kind == lint::ObjectKind::index) {
      for (const auto& edge : catalog->object(step.object).depends_on) {
        if (edge.automatic && lint::is_relation(catalog->object(edge.object).kind())) {
          table = edge.object;
        }
      }
    }
    if (table == lint::k_no_object || !catalog->object(table).partitioned) continue;
    const lint::ObjectRef& ref = catalog->object(table).ref_at(step.tick);
    return lint::sql_name(ref.schema, ref.name);
  }
  return std::nullopt;
}

std::optional<std::string> partitioned_in_file(const lint::FileContext& context,
                                               const lint::Statement& until,
                                               const lint::QualifiedName& table) {
  std::optional<std::string> made;
  for (const lint::Statement* earlier : context.file.all_statements()) {
    if (earlier == &until) break;
    if (!earlier->node.is("CreateStmt")) continue;
    auto created = lint::QualifiedName::of(lint::relation_name(earlier->node.get("relation")));
    if (!created.matches(table)) continue;
    if (earlier->node.has("partspec")) {
      made = lint::sql_name(created.schema, created.name);
    } else {
      made.reset();
    }
  }
  return made;
}

std::optional<std::string> partitioned_table_altered(const lint::FileContext& context,
                                                     const lint::Statement& statement) {
  if (auto table = partitioned_table_of(context, statement)) return table;
  return partitioned_in_file(
      context, statement,
      lint::QualifiedName::of(lint::relation_name(statement.node.get("relation"))));
}

std::string partitioned_index_recipe(const lint::Node& index, const std::string& table,
                                     bool no_transaction) {
  std::string name =
      index.str("idxname").empty() ? std::string("<index>") : std::string(index.str("idxname"));
  std::string create = index.flag("unique") ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
  std::string_view method = index.str("accessMethod");
  std::string definition = method.empty() || method == "btree"
                               ? std::string(" (...)")
                               : " USING " + std::string(method) + " (...)";
  std::vector<std::string> kept = {"columns"};
  if (!index.list("indexIncludingParams").empty()) kept.push_back("INCLUDE");
  if (index.has("whereClause")) kept.push_back("WHERE");
  std::string same = " with the same " + lint::join_strings(kept, ", ") +
                     " (ATTACH refuses an index whose definition differs)";
  return "write " + create + " " + name + " ON ONLY " + table + definition +
         ", then for each partition " + create + " CONCURRENTLY on the partition" + same +
         (no_transaction ? " (in a file marked -- sqlgate:no-transaction)" : "") +
         " and ALTER INDEX " + name +
         " ATTACH PARTITION <partition index>; the index is valid once all are attached";
}

std::optional<std::string> partition_key_table(const lint::FileContext& context,
                                               const lint::Statement& statement,
                                               std::string_view column) {
  const lint::Catalog* catalog_ptr = context.project.catalog();
  if (catalog_ptr == nullptr || !catalog_ptr->replay(context.index).replayed) return std::nullopt;
  lint::RelationName written = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId table_id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                  written.schema, written.name);
  if (table_id == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *catalog_ptr;
  const lint::CatalogObject& table = catalog.object(table_id);
  const lint::Statement* made = lint::statement_at(context.project, table.created);
  if (!table.partitioned || made == nullptr || !made->node.has("partspec")) return std::nullopt;
  lint::ObjectId column_id = lint::find_as_written(context, statement, lint::ObjectKind::column,
                                                   written.schema, column, written.name);
  if (column_id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& made_column = catalog.object(column_id);
  // A column the CREATE TABLE made, by the name it had there.
  if (made_column.created.file != table.created.file ||
      made_column.created.statement != table.created.statement) {
    return std::nullopt;
  }
  const std::string& original = made_column.names.front().ref.name;
  bool in_key = false;
  for (lint::Node element : made->node.get("partspec").list("partParams")) {
    if (element.has("name")) {
      in_key = in_key || lint::truncate_identifier(element.str("name")) == original;
      continue;
    }
    lint::walk(element.get("expr"), [&](const lint::Node& node) {
      if (!node.is("ColumnRef")) return true;
      lint::NodeList fields = node.list("fields");
      if (!fields.empty() && fields[fields.size() - 1].is("String") &&
          lint::truncate_identifier(fields[fields.size() - 1].as_str()) == original) {
        in_key = true;
      }
      return false;
    });
  }
  if (!in_key) return std::nullopt;
  return lint::truncate_identifier(written.name);
}

}  // namespace sqlgate::rules
