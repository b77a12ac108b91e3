// unsupported-concurrently: CONCURRENTLY where PostgreSQL refuses it, so the statement fails on
// its first run: CREATE or DROP INDEX CONCURRENTLY on a partitioned table, DROP INDEX CONCURRENTLY
// of several indexes or with CASCADE, DETACH PARTITION CONCURRENTLY while the table has a DEFAULT
// partition, REFRESH MATERIALIZED VIEW CONCURRENTLY of a view that is not populated or has no
// unique index it can use, REINDEX INDEX CONCURRENTLY of an exclusion constraint's index.
#include <span>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/materialized_views.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

// The catalog's object of the materialized view a REFRESH names, as the steps of the statement
// resolve it; nullptr when the migrations do not create it.
const lint::CatalogObject* refreshed_view(const lint::Catalog& catalog,
                                          std::span<const lint::CatalogStep> steps) {
  for (const lint::CatalogStep& step : steps) {
    if (step.object != lint::k_no_object &&
        catalog.object(step.object).kind() == lint::ObjectKind::materialized_view) {
      return &catalog.object(step.object);
    }
  }
  return nullptr;
}

// Whether the view has, before `at`, a unique index that REFRESH ... CONCURRENTLY can use: on
// plain columns only, without WHERE.
bool has_usable_unique_index(const lint::Project& project, const lint::Catalog& catalog,
                             const lint::CatalogObject& view, lint::Tick at) {
  for (const auto& edge : view.dependents) {
    const lint::CatalogObject& index = catalog.object(edge.object);
    if (index.kind() != lint::ObjectKind::index || !index.alive_at(at) || !index.unique ||
        index.partial) {
      continue;
    }
    const lint::Statement* created = lint::statement_at(project, index.created);
    // Made some way sqlgate does not read: take it as usable.
    if (created == nullptr || created->kind() != "IndexStmt") return true;
    bool plain = true;
    for (lint::Node element : created->node.list("indexParams")) {
      lint::Node elem = element.is("IndexElem") ? element : element.get("IndexElem");
      if (!elem.has("name")) plain = false;
    }
    if (plain) return true;
  }
  return false;
}

void check_refresh(const lint::FileContext& context, const lint::Statement& statement,
                   std::span<const lint::CatalogStep> steps, lint::Reporter& out) {
  const lint::Node& node = statement.node;
  std::string name = lint::QualifiedName::of(lint::relation_name(node.get("relation"))).display();
  if (node.flag("skipData")) {
    out.report(statement.range,
               "REFRESH MATERIALIZED VIEW CONCURRENTLY ... WITH NO DATA fails: PostgreSQL "
               "refuses CONCURRENTLY together with WITH NO DATA",
               "write REFRESH MATERIALIZED VIEW " + name + " WITH NO DATA; without CONCURRENTLY");
    return;
  }
  // Only an up's state is known statement by statement.
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || steps.empty() || context.direction() != lint::Direction::up) return;
  const lint::CatalogObject* view = refreshed_view(*catalog, steps);
  if (view == nullptr) return;
  lint::Tick at = steps.front().tick;
  if (!populated(context.project, *view, at)) {
    auto finding = out.report(
        statement.range,
        "REFRESH MATERIALIZED VIEW CONCURRENTLY fails: " + name +
            " was made WITH NO DATA and not refreshed since, and PostgreSQL refuses CONCURRENTLY "
            "on a view that is not populated",
        "refresh it without CONCURRENTLY the first time (REFRESH MATERIALIZED VIEW " + name +
            ";), or create it WITH DATA");
    if (const lint::ParsedFile* creator = context.project.parsed(view->created.file)) {
      if (const lint::Statement* created = lint::statement_at(context.project, view->created)) {
        finding.related(*creator, created->range, "made WITH NO DATA here");
      }
    }
    return;
  }
  if (!has_usable_unique_index(context.project, *catalog, *view, at)) {
    out.report(statement.range,
               "REFRESH MATERIALIZED VIEW CONCURRENTLY fails: " + name +
                   " has no unique index on plain columns without WHERE, which PostgreSQL needs "
                   "to refresh it concurrently",
               "create one before this statement (CREATE UNIQUE INDEX ... ON " + name +
                   " (<columns that identify a row>)), or refresh without CONCURRENTLY");
  }
}

// REINDEX INDEX CONCURRENTLY of an exclusion constraint's index. (REINDEX TABLE, SCHEMA or
// DATABASE CONCURRENTLY skips such an index with a WARNING, and does not fail.)
void check_reindex(const lint::FileContext& context, const lint::Statement& statement,
                   lint::Reporter& out) {
  auto index = lint::QualifiedName::of(lint::relation_name(statement.node.get("relation")));
  lint::ObjectId id = lint::exclusion_constraint_of_index(context, statement, index);
  if (id == lint::k_no_object) return;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& constraint = catalog.object(id);
  lint::Tick at = catalog.before_statement(context.index, *context.file.ordinal(statement));
  std::string table = catalog.object(constraint.parent).ref_at(at).name;
  out.report(
      statement.range,
      "REINDEX INDEX CONCURRENTLY of " + index.display() +
          " fails: it is the index of exclusion constraint " + constraint.ref_at(at).name + " on " +
          table + " (made by " + context.project.source(constraint.created.file).display +
          "), and PostgreSQL refuses it (\"concurrent index creation for exclusion "
          "constraints is not supported\")",
      "write REINDEX INDEX " + index.display() + " without CONCURRENTLY (it blocks writes to " +
          table + " until the index is rebuilt: set a short lock_timeout before it)");
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  const auto& statements = context.file.all_statements();
  for (std::size_t s = 0; s < statements.size(); ++s) {
    const lint::Statement& statement = *statements[s];
    const lint::Node& node = statement.node;
    std::string_view kind = statement.kind();
    if (kind == "IndexStmt" && node.flag("concurrent")) {
      auto table = partitioned_table_of(context, statement);
      if (!table) continue;
      out.report(statement.range,
                 "CREATE INDEX CONCURRENTLY on partitioned table " + *table +
                     " fails: PostgreSQL refuses it (\"cannot create index on partitioned "
                     "table concurrently\")",
                 partitioned_index_recipe(node, *table, false));
    } else if (kind == "DropStmt" && node.str("removeType") == "OBJECT_INDEX" &&
               node.flag("concurrent")) {
      // Refused whatever exists: one index per statement, and not CASCADE.
      if (std::vector<lint::QualifiedName> indexes = lint::drop_objects(node); indexes.size() > 1) {
        std::vector<std::string> names;
        for (const lint::QualifiedName& index : indexes) names.push_back(index.display());
        out.report(statement.range,
                   "DROP INDEX CONCURRENTLY of " + std::to_string(indexes.size()) + " indexes (" +
                       lint::join_strings(names, ", ") +
                       ") fails: PostgreSQL refuses it (\"DROP INDEX CONCURRENTLY does not "
                       "support dropping multiple objects\")",
                   "write one DROP INDEX CONCURRENTLY statement per index");
        continue;
      }
      if (node.str("behavior") == "DROP_CASCADE") {
        out.report(statement.range,
                   "DROP INDEX CONCURRENTLY ... CASCADE fails: PostgreSQL refuses it (\"DROP "
                   "INDEX CONCURRENTLY does not support CASCADE\")",
                   "drop what depends on the index first, then DROP INDEX CONCURRENTLY without "
                   "CASCADE; or DROP INDEX ... CASCADE without CONCURRENTLY");
        continue;
      }
      auto table = partitioned_table_of(context, statement);
      if (!table) continue;
      out.report(statement.range,
                 "DROP INDEX CONCURRENTLY of an index on partitioned table " + *table +
                     " fails: PostgreSQL refuses it (\"cannot drop partitioned index "
                     "concurrently\")",
                 "write DROP INDEX without CONCURRENTLY (it drops the index of every partition "
                 "too, under ACCESS EXCLUSIVE locks: set a short lock_timeout before it)");
    } else if (kind == "AlterTableStmt") {
      for (lint::Node command : node.list("cmds")) {
        if (command.str("subtype") != "AT_DetachPartition" ||
            !command.get("def").flag("concurrent")) {
          continue;
        }
        auto partition = default_partition_of(context, statement);
        if (!partition) break;
        out.report(statement.range,
                   "DETACH PARTITION CONCURRENTLY fails: the table has a DEFAULT partition (" +
                       *partition +
                       "), and PostgreSQL refuses to detach concurrently while one exists",
                   "detach without CONCURRENTLY (it takes ACCESS EXCLUSIVE locks on the table: "
                   "plan it for a quiet time), or detach the DEFAULT partition first");
        break;
      }
    } else if (kind == "ReindexStmt" && node.str("kind") == "REINDEX_OBJECT_INDEX" &&
               lint::reindex_concurrently(node)) {
      check_reindex(context, statement, out);
    } else if (kind == "RefreshMatViewStmt" && node.flag("concurrent")) {
      std::span<const lint::CatalogStep> steps;
      if (catalog != nullptr && catalog->replay(context.index).replayed) {
        steps = catalog->steps_at(context.index, s);
      }
      check_refresh(context, statement, steps, out);
    }
  }
}

}  // namespace

lint::Rule unsupported_concurrently() {
  return {.info = {.id = "unsupported-concurrently",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "CONCURRENTLY where PostgreSQL refuses it: the statement fails"},
          .check_file = check};
}

}  // namespace sqlgate::rules
