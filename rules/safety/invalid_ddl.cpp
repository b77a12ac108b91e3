// invalid-ddl: DDL that PostgreSQL refuses on its first run, as the migrations before it left the
// schema: SET LOGGED of a table with a foreign key to an unlogged table, SET UNLOGGED of a table a
// logged table's foreign key references; INHERIT of a parent, or ATTACH PARTITION of a table,
// with a column the child lacks, has with another type or nullable, or a CHECK constraint the
// child lacks, or (a partition) a column the parent has not; CREATE STATISTICS on one
// column, a column twice, more than 8, with kinds PostgreSQL has not; storage parameters an
// index's access method has not (fillfactor on GIN or BRIN), or out of bounds; CLUSTER
// on an index that is not btree or gist, partial, or of another table; a generated column whose
// expression uses a generated column, DROP EXPRESSION of a column that is not one, SET or DROP
// DEFAULT or TYPE ... USING of one; a check option on a view that is not automatically
// updatable; a partition bound the partitioned table refuses (partition_bounds.h); a sequence's
// START, RESTART, MINVALUE or MAXVALUE out of range; OWNER TO and SET SCHEMA of a sequence a
// column owns; SET STORAGE or COMPRESSION a column's type refuses, SET STATISTICS of an index's
// column that is not an expression (column_storage.h); a table's storage parameters and a
// column's attribute options PostgreSQL 15 has not, or out of bounds (relation_options.h). Each
// message is PostgreSQL 15's.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "lint/builtins.h"
#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/pairing/publications.h"
#include "rules/pairing/sequences.h"
#include "rules/safety/cluster_without_index.h"
#include "rules/safety/column_storage.h"
#include "rules/safety/create_collation.h"
#include "rules/safety/dependent_privileges.h"
#include "rules/safety/enum_literals.h"
#include "rules/safety/exclusion_operators.h"
#include "rules/safety/extension_update.h"
#include "rules/safety/identity.h"
#include "rules/safety/immutable.h"
#include "rules/safety/json_constants.h"
#include "rules/safety/materialized_views.h"
#include "rules/safety/partition_bounds.h"
#include "rules/safety/partitioned.h"
#include "rules/safety/partitioned_constraints.h"
#include "rules/safety/pending_trigger_events.h"
#include "rules/safety/refusal.h"
#include "rules/safety/refused_parameters.h"
#include "rules/safety/refused_partition_ddl.h"
#include "rules/safety/refused_privileges.h"
#include "rules/safety/refused_relation_ddl.h"
#include "rules/safety/refused_subqueries.h"
#include "rules/safety/relation_kinds.h"
#include "rules/safety/relation_options.h"
#include "rules/safety/replica_identity.h"
#include "rules/safety/sequence_bounds.h"
#include "rules/safety/updatable_views.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// The migration file that made an object, as reports name it.
std::string made_in(const lint::FileContext& context, const lint::Origin& origin) {
  return context.project.source(origin.file).display;
}

// The table's persistence before a tick: 'p' (logged) or 'u' (unlogged), as its CREATE TABLE and
// every SET LOGGED / SET UNLOGGED since left it; nothing for a temporary table, or one another
// statement made.
std::optional<char> persistence(const lint::FileContext& context, const lint::CatalogObject& table,
                                lint::Tick tick) {
  auto kept = lint::persistence_at(context.project, table, tick);
  if (kept == 't') return std::nullopt;
  return kept;
}

// SET LOGGED of a table with a foreign key to an unlogged table; SET UNLOGGED of a table that a
// logged table's foreign key references. A table's references to itself do not count.
std::optional<Refusal> persistence_change(const lint::FileContext& context,
                                          const lint::Statement& statement, bool logged) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                            relation.schema, relation.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& table = catalog.object(id);
  std::string name = table.ref_at(*tick).name;
  auto other_table = [&](lint::ObjectId other) -> std::optional<Refusal> {
    if (other == id || other == lint::k_no_object) return std::nullopt;
    const lint::CatalogObject& object = catalog.object(other);
    if (object.kind() != lint::ObjectKind::table || !object.alive_at(*tick)) return std::nullopt;
    auto kept = persistence(context, object, *tick);
    if (!kept || (*kept == 'p') == logged) return std::nullopt;
    std::string them = object.ref_at(*tick).name;
    std::string where = " (made by " + made_in(context, object.created) + ")";
    if (logged) {
      return Refusal{"SET LOGGED of " + name,
                     "it has a foreign key to unlogged table " + them + where,
                     "could not change table \"" + name +
                         "\" to logged because it references unlogged table \"" + them + "\"",
                     "SET LOGGED " + them + " first, or drop the foreign key"};
    }
    return Refusal{"SET UNLOGGED of " + name,
                   "logged table " + them + where + " has a foreign key to it",
                   "could not change table \"" + name +
                       "\" to unlogged because it references logged table \"" + them + "\"",
                   "SET UNLOGGED " + them + " first, or drop its foreign key"};
  };
  for (lint::ObjectId child : table.children) {
    const lint::CatalogObject& constraint = catalog.object(child);
    if (constraint.kind() != lint::ObjectKind::constraint || constraint.contype != 'f') continue;
    if (!constraint.alive_at(*tick)) continue;
    // Ours: the table it references.
    if (!logged) continue;
    for (const lint::DependencyEdge& edge : constraint.depends_on) {
      if (auto refusal = other_table(edge.object)) return refusal;
    }
  }
  if (logged) return std::nullopt;
  for (const lint::DependencyEdge& edge : table.dependents) {
    const lint::CatalogObject& constraint = catalog.object(edge.object);
    if (constraint.kind() != lint::ObjectKind::constraint || constraint.contype != 'f') continue;
    if (!constraint.alive_at(*tick) || !edge.alive_at(*tick)) continue;
    if (auto refusal = other_table(constraint.parent)) return refusal;
  }
  return std::nullopt;
}

// Whether a statement makes a CHECK constraint NO INHERIT.
bool has_no_inherit_check(const Node& statement) {
  bool found = false;
  lint::walk(statement, [&](const Node& node) {
    if (found) return false;
    if (node.is("Constraint") && node.flag("is_no_inherit")) found = true;
    return !found;
  });
  return found;
}

// ALTER TABLE child INHERIT parent, or ALTER TABLE parent ATTACH PARTITION child (`partition`),
// where the child lacks a column of the parent, has it with another type, or nullable where the
// parent's is NOT NULL, or lacks a CHECK constraint of the parent (by name). PostgreSQL checks
// the columns in the parent's order, then its constraints; a partition must besides have no
// column the parent has not, which it checks first (in the child's order).
std::optional<Refusal> child_of(const lint::FileContext& context, const lint::Statement& statement,
                                const lint::RelationName& written,
                                const lint::RelationName& parent_written, const std::string& what,
                                bool partition) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  lint::ObjectId child_id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                  written.schema, written.name);
  lint::ObjectId parent_id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                   parent_written.schema, parent_written.name);
  if (child_id == lint::k_no_object || parent_id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& child = catalog.object(child_id);
  const lint::CatalogObject& parent = catalog.object(parent_id);
  if (child.kind() != lint::ObjectKind::table || parent.kind() != lint::ObjectKind::table) {
    return std::nullopt;
  }
  if (!lint::columns_known(context.project, catalog, child_id, *tick)) return std::nullopt;
  const lint::ObjectRef& child_ref = child.ref_at(*tick);
  const lint::ObjectRef& parent_ref = parent.ref_at(*tick);
  std::vector<std::string> child_columns;
  for (lint::ObjectId id : catalog.columns(child_ref, *tick)) {
    child_columns.push_back(catalog.object(id).ref_at(*tick).name);
  }
  std::string parent_is =
      "parent " + parent_ref.name + " (made by " + made_in(context, parent.created) + ")";
  std::string child_is = child_ref.name + " (made by " + made_in(context, child.created) + ")";
  std::vector<std::string> parent_columns;
  for (lint::ObjectId id : catalog.columns(parent_ref, *tick)) {
    parent_columns.push_back(catalog.object(id).ref_at(*tick).name);
  }
  if (partition && lint::columns_known(context.project, catalog, parent_id, *tick)) {
    for (const std::string& column : child_columns) {
      if (std::find(parent_columns.begin(), parent_columns.end(), column) != parent_columns.end()) {
        continue;
      }
      return Refusal{what, child_is + " has column " + column + ", which " + parent_is + " has not",
                     "table \"" + child_ref.name + "\" contains column \"" + column +
                         "\" not found in parent \"" + parent_ref.name + "\"",
                     "drop the column from " + child_ref.name +
                         " first, or add it to the parent: a partition has exactly its parent's "
                         "columns"};
    }
  }
  lint::QualifiedName parent_name{parent_ref.schema, parent_ref.name};
  lint::QualifiedName child_name{child_ref.schema, child_ref.name};
  for (const std::string& column : parent_columns) {
    if (std::find(child_columns.begin(), child_columns.end(), column) == child_columns.end()) {
      return Refusal{what, parent_is + " has column " + column + ", which " + child_is + " has not",
                     "child table is missing column \"" + column + "\"",
                     "add the column to " + child_ref.name +
                         " first, with the type, NOT NULL "
                         "and CHECK constraints it has in " +
                         parent_ref.name};
    }
    auto theirs = column_shape(context, statement, parent_name, column);
    auto ours = column_shape(context, statement, child_name, column);
    if (!theirs || !ours) continue;
    if (theirs->type && ours->type && theirs->type->modifiers_known &&
        ours->type->modifiers_known && !(*theirs->type == *ours->type)) {
      return Refusal{
          what,
          "column " + column + " is " + theirs->type->display() + " in " + parent_is + " and " +
              ours->type->display() + " in " + child_is,
          "child table \"" + child_ref.name + "\" has different type for column \"" + column + "\"",
          "ALTER COLUMN " + column + " TYPE " + theirs->type->display() + " in " + child_ref.name +
              " first"};
    }
    if (theirs->not_null == true && ours->not_null == false) {
      return Refusal{
          what,
          "column " + column + " is NOT NULL in " + parent_is + " and nullable in " + child_is,
          "column \"" + column + "\" in child table must be marked NOT NULL",
          "ALTER COLUMN " + column + " SET NOT NULL in " + child_ref.name + " first"};
    }
  }
  for (lint::ObjectId id : catalog.constraints(parent_ref, *tick)) {
    const lint::CatalogObject& check = catalog.object(id);
    if (check.contype != 'c') continue;
    const lint::Statement* made = lint::statement_at(context.project, check.created);
    if (made == nullptr || has_no_inherit_check(made->node)) continue;
    std::string name = check.ref_at(*tick).name;
    bool found = false;
    for (lint::ObjectId other : catalog.constraints(child_ref, *tick)) {
      const lint::CatalogObject& mine = catalog.object(other);
      if (mine.contype == 'c' && mine.ref_at(*tick).name == name) found = true;
    }
    if (!found) {
      return Refusal{
          what, parent_is + " has CHECK constraint " + name + ", which " + child_is + " has not",
          "child table is missing constraint \"" + name + "\"",
          "add the same CHECK constraint, of the same name, to " + child_ref.name + " first"};
    }
  }
  return std::nullopt;
}

// The storage parameters each built-in index access method takes (PostgreSQL 15); any other one
// is an "unrecognized parameter".
struct AccessMethod {
  std::string_view name;
  std::initializer_list<std::string_view> options;
};
constexpr std::string_view k_btree = "btree";
const AccessMethod k_access_methods[] = {
    {k_btree, {"fillfactor", "deduplicate_items", "vacuum_cleanup_index_scale_factor"}},
    {"hash", {"fillfactor"}},
    {"gist", {"fillfactor", "buffering"}},
    {"spgist", {"fillfactor"}},
    {"gin", {"fastupdate", "gin_pending_list_limit"}},
    {"brin", {"pages_per_range", "autosummarize"}},
};

const AccessMethod* access_method(std::string_view name) {
  for (const AccessMethod& method : k_access_methods) {
    if (method.name == name) return &method;
  }
  return nullptr;
}

// The storage parameters of an index's WITH (...) or SET (...) that PostgreSQL refuses, in the
// order written: one the index's access method does not take, or (relation_options.h) one given
// twice, a value not of its type or out of its bounds.
std::optional<Refusal> storage_options(const lint::NodeList& options, const AccessMethod* method,
                                       const std::string& what, const std::string& object,
                                       const Written& written) {
  std::vector<Node> before;
  auto values = [&]() -> std::optional<Refusal> {
    auto refusal = index_options(before, method->name, written);
    if (!refusal) return std::nullopt;
    return Refusal{what, refusal->why, refusal->message, refusal->help};
  };
  for (Node option : options) {
    std::string name(option.str("defname"));
    if (!option.has("defnamespace") &&
        std::find(method->options.begin(), method->options.end(), name) == method->options.end()) {
      if (auto refusal = values()) return refusal;
      std::string takes = lint::join_strings(
          std::vector<std::string>(method->options.begin(), method->options.end()), ", ");
      std::string help =
          "leave " + name + " out: a " + std::string(method->name) + " index takes " + takes;
      if (name == "fillfactor") {
        help += " (it has no fill factor; only btree, hash, gist and spgist indexes do)";
      }
      return Refusal{what,
                     object + " is a " + std::string(method->name) + " index, which has no " +
                         name + " parameter",
                     "unrecognized parameter \"" + name + "\"", help};
    }
    before.push_back(option);
  }
  return values();
}

// The storage parameters of a table (not a partitioned one) PostgreSQL 15 refuses.
std::optional<Refusal> table_storage(const lint::NodeList& options, TableOptions kind,
                                     const Written& written, const std::string& what) {
  auto refusal = table_options(options, kind, written);
  if (!refusal) return std::nullopt;
  return Refusal{what, refusal->why, refusal->message, refusal->help};
}

// The access method of an index a migration made with CREATE INDEX, before the statement.
const AccessMethod* index_method(const lint::FileContext& context, const lint::Statement& statement,
                                 const lint::RelationName& index) {
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::index, index.schema, index.name);
  if (id == lint::k_no_object) return nullptr;
  const lint::Statement* made =
      lint::statement_at(context.project, context.project.catalog()->object(id).created);
  if (made == nullptr || !made->node.is("IndexStmt")) return nullptr;
  std::string_view method = made->node.str("accessMethod");
  return access_method(method.empty() ? k_btree : method);
}

// CLUSTER t USING i, ALTER TABLE t CLUSTER ON i: PostgreSQL clusters on an index of t, made by
// an access method that can order a table (btree, gist), without WHERE; it checks in that order.
std::optional<Refusal> cluster_on(const lint::FileContext& context,
                                  const lint::Statement& statement, const std::string& what,
                                  std::string_view index_name) {
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               relation.schema, relation.name);
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::index,
                                            relation.schema, index_name);
  if (table == lint::k_no_object || id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& index = context.project.catalog()->object(id);
  std::string name(index_name);
  std::string made = " (made by " + made_in(context, index.created) + ")";
  // The table the index is on: the one it goes with.
  const lint::Catalog& catalog = *context.project.catalog();
  for (const lint::DependencyEdge& edge : index.depends_on) {
    if (!edge.automatic || catalog.object(edge.object).kind() != lint::ObjectKind::table) continue;
    if (edge.object == table) break;
    return Refusal{
        what,
        "index " + name + made + " is on another table, " + catalog.object(edge.object).ref().name,
        "\"" + name + "\" is not an index for table \"" + std::string(relation.name) + "\"",
        "name an index of " + std::string(relation.name)};
  }
  const lint::Statement* created = lint::statement_at(context.project, index.created);
  if (created == nullptr || !created->node.is("IndexStmt")) return std::nullopt;
  std::string_view method = created->node.str("accessMethod");
  if (method.empty()) method = k_btree;
  // The built-in methods that cannot (an extension's may: not judged).
  if (method == "gin" || method == "hash" || method == "spgist" || method == "brin") {
    return Refusal{what,
                   "index " + name + made + " is a " + std::string(method) +
                       " index, which cannot order a table",
                   "cannot cluster on index \"" + name +
                       "\" because access method does not support clustering",
                   "cluster on a btree (or gist) index of the table, one on the columns rows are "
                   "read by together"};
  }
  if (created->node.has("whereClause")) {
    return Refusal{what, "index " + name + made + " is partial (it has a WHERE)",
                   "cannot cluster on partial index \"" + name + "\"",
                   "cluster on an index without WHERE: a partial one does not hold every row"};
  }
  return std::nullopt;
}

// A column of a table that has the type at a tick, as it is, as an array or through domains over
// it: "table.column"; nothing when none.
std::optional<std::string> column_of_type(const lint::Catalog& catalog, lint::ObjectId type,
                                          lint::Tick tick, int depth = 0) {
  for (const lint::DependencyEdge& edge : catalog.object(type).dependents) {
    if (!edge.alive_at(tick)) continue;
    const lint::CatalogObject& user = catalog.object(edge.object);
    if (!user.alive_at(tick)) continue;
    if (user.kind() == lint::ObjectKind::column && user.parent != lint::k_no_object &&
        catalog.object(user.parent).kind() == lint::ObjectKind::table) {
      std::string name = catalog.object(user.parent).ref_at(tick).name;
      name += '.';
      name += user.ref_at(tick).name;
      return name;
    }
    if (user.kind() == lint::ObjectKind::domain && depth < 8) {
      if (auto found = column_of_type(catalog, edge.object, tick, depth + 1)) return found;
    }
  }
  return std::nullopt;
}

// ALTER TYPE t ALTER ATTRIBUTE a TYPE x of a composite type a table's column has: PostgreSQL
// does not rewrite the rows for it, with CASCADE or without.
std::optional<Refusal> alter_attribute(const lint::FileContext& context,
                                       const lint::Statement& statement, const Node& command) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::RelationName written = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId type = lint::find_as_written(context, statement, lint::ObjectKind::type,
                                              written.schema, written.name);
  if (type == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  auto user = column_of_type(catalog, type, *tick);
  if (!user) return std::nullopt;
  std::string name = catalog.object(type).ref_at(*tick).name;
  std::string what = "ALTER TYPE " + lint::sql_name(written.schema, written.name) +
                     " ALTER ATTRIBUTE " + std::string(command.str("name")) + " TYPE " +
                     lint::column_type(command.get("def").get("typeName")).display();
  return Refusal{what,
                 "column " + *user + " uses type " + name + " (made by " +
                     made_in(context, catalog.object(type).created) + ")",
                 "cannot alter type \"" + name + "\" because column \"" + *user + "\" uses it",
                 "CASCADE does not help: make a new type and move the column to it (ALTER TABLE "
                 "... ALTER COLUMN ... TYPE <new type> USING ROW(...)), or leave the attribute's "
                 "type"};
}

// A table's column that has a composite type with an attribute of the domain (or of a domain over
// it), at a tick: the domain the attribute has and "table.column"; nothing when none. PostgreSQL
// cannot check the domain's values inside such a column.
struct CompositeUse {
  std::string domain;
  std::string column;
};
std::optional<CompositeUse> composite_column_of_domain(const lint::Catalog& catalog,
                                                       lint::ObjectId domain, lint::Tick tick,
                                                       int depth = 0) {
  for (const lint::DependencyEdge& edge : catalog.object(domain).dependents) {
    if (!edge.alive_at(tick)) continue;
    const lint::CatalogObject& user = catalog.object(edge.object);
    if (!user.alive_at(tick)) continue;
    lint::ObjectId composite = lint::k_no_object;
    if (user.kind() == lint::ObjectKind::type) composite = edge.object;
    if (user.kind() == lint::ObjectKind::column && user.parent != lint::k_no_object &&
        catalog.object(user.parent).kind() == lint::ObjectKind::type) {
      composite = user.parent;
    }
    if (composite != lint::k_no_object) {
      if (auto found = column_of_type(catalog, composite, tick)) {
        return CompositeUse{catalog.object(domain).ref_at(tick).name, *found};
      }
    }
    if (user.kind() == lint::ObjectKind::domain && depth < 8) {
      if (auto found = composite_column_of_domain(catalog, edge.object, tick, depth + 1)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

// ALTER DOMAIN d ADD CONSTRAINT (not NOT VALID), VALIDATE CONSTRAINT, SET NOT NULL while a table's
// column has a composite type with an attribute of d: PostgreSQL checks a domain's values in
// every column of it, and refuses what it cannot check, whatever the rows.
std::optional<Refusal> domain_in_composite(const lint::FileContext& context,
                                           const lint::Statement& statement) {
  const Node& node = statement.node;
  std::string_view subtype = node.str("subtype");
  std::string action;
  if (subtype == "C" && !node.get("def").flag("skip_validation")) {
    action = " ADD CONSTRAINT";
    if (node.get("def").has("conname")) action += " " + std::string(node.get("def").str("conname"));
  } else if (subtype == "V") {
    action = " VALIDATE CONSTRAINT " + std::string(node.str("name"));
  } else if (subtype == "O") {
    action = " SET NOT NULL";
  } else {
    return std::nullopt;
  }
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::QualifiedName written = lint::QualifiedName::of(node.list("typeName"));
  lint::ObjectId domain = lint::find_as_written(context, statement, lint::ObjectKind::domain,
                                                written.schema, written.name);
  if (domain == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  auto user = composite_column_of_domain(catalog, domain, *tick);
  if (!user) return std::nullopt;
  std::string name = catalog.object(domain).ref_at(*tick).name;
  std::string attribute =
      user->domain == name ? "domain " + name : "domain " + user->domain + " (over " + name + ")";
  return Refusal{
      "ALTER DOMAIN " + written.display() + action,
      "column " + user->column + " has a composite type with an attribute of " + attribute +
          ", whose values PostgreSQL cannot check there",
      "cannot alter type \"" + user->domain + "\" because column \"" + user->column + "\" uses it",
      "NOT VALID only postpones this to VALIDATE CONSTRAINT, which fails the same way: check "
      "the value with a CHECK constraint on the table instead (CHECK ((" +
          user->column.substr(user->column.find('.') + 1) +
          ").<attribute> ...)), where PostgreSQL can check it"};
}

// CREATE / ALTER SEQUENCE ... OWNED BY t.c, t in another schema than the sequence.
std::optional<Refusal> owned_by(const lint::FileContext& context,
                                const lint::Statement& statement) {
  const Node& node = statement.node;
  std::vector<std::string> parts;
  for (Node option : node.list("options")) {
    if (option.str("defname") != "owned_by") continue;
    Node names = option.get("arg");
    for (Node part : names.items().empty() ? names.list("items") : names.items()) {
      parts.push_back(lint::truncate_identifier(part.as_str()));
    }
  }
  if (parts.size() < 2) return std::nullopt;  // OWNED BY NONE
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  std::string table_schema = parts.size() >= 3 ? parts[parts.size() - 3] : std::string();
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               table_schema, parts[parts.size() - 2]);
  lint::RelationName written = lint::relation_name(node.get("sequence"));
  lint::ObjectId sequence = lint::k_no_object;
  if (node.is("AlterSeqStmt")) {
    sequence = lint::find_as_written(context, statement, lint::ObjectKind::sequence, written.schema,
                                     written.name);
  } else {
    const auto& all = context.file.all_statements();
    auto ordinal =
        static_cast<std::size_t>(std::find(all.begin(), all.end(), &statement) - all.begin());
    for (const lint::CatalogStep* step : catalog.steps_of(context.index, ordinal)) {
      if (step->effect.object.kind == lint::ObjectKind::sequence) sequence = step->object;
    }
  }
  if (table == lint::k_no_object || sequence == lint::k_no_object) return std::nullopt;
  const lint::ObjectRef& table_ref = catalog.object(table).ref_at(*tick);
  const lint::CatalogObject& made = catalog.object(sequence);
  const lint::ObjectRef& sequence_ref =
      node.is("AlterSeqStmt") ? made.ref_at(*tick) : made.names.front().ref;
  if (table_ref.schema.empty() || sequence_ref.schema.empty() ||
      table_ref.schema == sequence_ref.schema) {
    return std::nullopt;
  }
  std::string what = node.is("AlterSeqStmt") ? "ALTER SEQUENCE " : "CREATE SEQUENCE ";
  what += lint::sql_name(written.schema, written.name);
  what += " OWNED BY ";
  what += lint::join_strings(parts, ".");
  return Refusal{
      what,
      "the sequence is in schema " + sequence_ref.schema + " and table " + table_ref.name +
          " (made by " + made_in(context, catalog.object(table).created) + ") in schema " +
          table_ref.schema,
      "sequence must be in same schema as table it is linked to",
      "make the sequence in schema " + table_ref.schema + " (CREATE SEQUENCE " +
          lint::sql_name(table_ref.schema, std::string(written.name)) +
          "), or move it there first (ALTER SEQUENCE ... SET SCHEMA " + table_ref.schema + ")"};
}

// CREATE / ALTER SEQUENCE that leaves the sequence (as made and altered before, then by the
// statement's own options) with INCREMENT BY 0, a MAXVALUE or MINVALUE out of its type's range,
// MINVALUE not below MAXVALUE, START out of [MINVALUE, MAXVALUE], RESTART to a value out of it, or
// a CACHE below 1 (sequence_bounds.h). The value a sequence has when not restarted depends on the
// rows written, and is not judged.
std::optional<Refusal> sequence_range(const lint::FileContext& context,
                                      const lint::Statement& statement) {
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (catalog == nullptr || !ordinal || !catalog->replay(context.index).replayed) {
    return std::nullopt;
  }
  std::vector<const lint::CatalogStep*> steps = catalog->steps_of(context.index, *ordinal);
  const Node& node = statement.node;
  lint::RelationName written = lint::relation_name(node.get("sequence"));
  pairing::IdentityState state;
  pairing::SequenceSubject subject;
  if (node.is("CreateSeqStmt")) {
    const lint::CatalogStep* made = nullptr;
    for (const lint::CatalogStep* step : steps) {
      if (step->effect.action == lint::Action::create &&
          step->effect.object.kind == lint::ObjectKind::sequence) {
        made = step;
      }
    }
    // IF NOT EXISTS of a sequence there already: PostgreSQL skips it.
    if (made == nullptr || made->existed) return std::nullopt;
    state = pairing::state_made_by(context.project, *catalog, context.file, *made);
    subject.sequence = made->object;
  } else {
    auto tick = lint::tick_before(context, statement);
    if (!tick) return std::nullopt;
    subject.sequence = lint::find_as_written(context, statement, lint::ObjectKind::sequence,
                                             written.schema, written.name);
    if (subject.sequence == lint::k_no_object) return std::nullopt;
    state = pairing::state_before(context.project, *catalog, subject, *tick);
    pairing::apply_steps(state, context.project, *catalog, context.file, steps, subject);
  }
  std::string what = node.is("CreateSeqStmt") ? "CREATE SEQUENCE " : "ALTER SEQUENCE ";
  what += lint::sql_name(written.schema, written.name);
  std::string sequence = "sequence " + std::string(written.name);
  if (node.is("AlterSeqStmt")) {
    sequence += " (made by " + made_in(context, catalog->object(subject.sequence).created) + ")";
  }
  auto refusal = sequence_bounds_refusal(state.options, node.list("options"), context.file,
                                         statement, sequence, node.is("AlterSeqStmt"));
  if (!refusal) return std::nullopt;
  return Refusal{what, refusal->why, refusal->message, refusal->help};
}

// ALTER TABLE / ALTER INDEX ... SET (...).
std::optional<Refusal> set_options(const lint::FileContext& context,
                                   const lint::Statement& statement, const Node& options) {
  lint::NodeList items = options.is("List") ? options.list("items") : options.items();
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  std::string name = lint::sql_name(relation.schema, relation.name);
  if (statement.node.str("objtype") == "OBJECT_INDEX") {
    const AccessMethod* method = index_method(context, statement, relation);
    if (method == nullptr) return std::nullopt;
    return storage_options(items, method, "ALTER INDEX " + name + " SET (...)", name,
                           Written{context.file, statement});
  }
  std::string_view objtype = statement.node.str("objtype");
  bool view = objtype == "OBJECT_VIEW" ||
              (objtype == "OBJECT_TABLE" &&
               lint::find_as_written(context, statement, lint::ObjectKind::view, relation.schema,
                                     relation.name) != lint::k_no_object);
  if (view) {
    auto refusal = view_options(items, Written{context.file, statement});
    if (!refusal) return std::nullopt;
    return Refusal{"ALTER VIEW " + name + " SET (...)", refusal->why, refusal->message,
                   refusal->help};
  }
  if (objtype != "OBJECT_TABLE" && objtype != "OBJECT_MATVIEW") return std::nullopt;
  // A partitioned table takes none: partitioned-table-options says so.
  if (partitioned_table_of(context, statement)) return std::nullopt;
  return table_storage(items, TableOptions::alter, Written{context.file, statement},
                       (objtype == "OBJECT_TABLE" ? "ALTER TABLE " : "ALTER MATERIALIZED VIEW ") +
                           name + " SET (...)");
}

// Whether a column is NOT NULL before a tick as PostgreSQL marks it (attnotnull): its definition
// (NOT NULL, PRIMARY KEY, an identity or serial column), then the latest of its SET / DROP NOT
// NULL and the primary keys made on it (which leave it NOT NULL when they go). A domain's NOT
// NULL does not count. Nothing when something else made the column.
std::optional<bool> column_not_null(const lint::Project& project, const lint::Catalog& catalog,
                                    lint::ObjectId table, lint::ObjectId column, lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(column);
  std::optional<bool> state;
  lint::Tick last = 0;
  for (const lint::Origin& change : object.changed) {
    if (change.tick >= tick) continue;
    const lint::Statement* statement = lint::statement_at(project, change);
    if (statement == nullptr || !statement->node.is("AlterTableStmt")) continue;
    std::string name = object.ref_at(change.tick).name;
    for (Node command : statement->node.list("cmds")) {
      if (lint::truncate_identifier(command.str("name")) != name) continue;
      std::string_view subtype = command.str("subtype");
      if (subtype != "AT_SetNotNull" && subtype != "AT_DropNotNull") continue;
      state = subtype == "AT_SetNotNull";
      last = change.tick;
    }
  }
  for (lint::ObjectId child : catalog.object(table).children) {
    const lint::CatalogObject& key = catalog.object(child);
    if (key.kind() != lint::ObjectKind::constraint || key.contype != 'p') continue;
    if (key.created.tick >= tick || key.created.tick < last) continue;
    // The key's columns have their last names.
    const std::string& name = object.ref().name;
    if (std::find(key.columns.begin(), key.columns.end(), name) != key.columns.end()) return true;
  }
  if (state) return state;
  Node definition = lint::column_definition(project, catalog, column);
  if (!definition.valid()) return std::nullopt;
  if (lint::is_serial(lint::column_type(definition.get("typeName")))) return true;
  for (Node constraint : definition.list("constraints")) {
    std::string_view contype = constraint.str("contype");
    if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY" ||
        contype == "CONSTR_IDENTITY") {
      return true;
    }
  }
  return false;
}

// Whether the index is a DEFERRABLE constraint's (PostgreSQL: not immediate), as the statement
// that made the constraint says; nothing when that is not known.
std::optional<bool> deferrable_index(const lint::Project& project, const lint::Catalog& catalog,
                                     const lint::CatalogObject& index, lint::Tick tick) {
  for (const lint::DependencyEdge& edge : index.depends_on) {
    if (!edge.automatic || !edge.alive_at(tick)) continue;
    const lint::CatalogObject& constraint = catalog.object(edge.object);
    if (constraint.kind() != lint::ObjectKind::constraint || !constraint.alive_at(tick)) continue;
    const lint::Statement* made = lint::statement_at(project, constraint.created);
    if (made == nullptr) return std::nullopt;
    if (!lint::has_unusual_key(made->node)) return false;
    auto flags = lint::key_flags(made->node, constraint, constraint.names.front().ref.name);
    if (!flags) return std::nullopt;
    return flags->deferrable;
  }
  return false;
}

// ALTER COLUMN c DROP NOT NULL of a column in the table's primary key, or in the index its
// replica identity uses: PostgreSQL keeps those NOT NULL. Left to invalid-identity: a column known
// to be an identity column (PostgreSQL says so first). Not judged when the statement changes the
// table's keys or replica identity too.
std::optional<Refusal> drop_not_null(const lint::FileContext& context,
                                     const lint::Statement& statement, const Node& command) {
  for (Node other : statement.node.list("cmds")) {
    std::string_view subtype = other.str("subtype");
    if (subtype == "AT_DropConstraint" || subtype == "AT_ReplicaIdentity") return std::nullopt;
  }
  auto tick = lint::tick_before(context, statement);
  const lint::Catalog* catalog = context.project.catalog();
  if (!tick || catalog == nullptr) return std::nullopt;
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               relation.schema, relation.name);
  if (table == lint::k_no_object) return std::nullopt;
  std::string name = lint::truncate_identifier(command.str("name"));
  lint::ObjectId column = lint::k_no_object;
  for (lint::ObjectId child : catalog->object(table).children) {
    const lint::CatalogObject& object = catalog->object(child);
    if (object.kind() == lint::ObjectKind::column && object.alive_at(*tick) &&
        object.ref_at(*tick).name == name) {
      column = child;
    }
  }
  if (column == lint::k_no_object) return std::nullopt;
  lint::QualifiedName qualified{std::string(relation.schema), std::string(relation.name)};
  auto generation = column_generation(context, statement, qualified, name);
  if (generation && generation->identity != 0) return std::nullopt;
  const lint::CatalogObject& object = catalog->object(column);
  // Key and index columns follow the renames of the whole replay: they have their last names.
  auto among = [&](const lint::CatalogObject& key) {
    return std::find(key.columns.begin(), key.columns.end(), object.ref().name) !=
           key.columns.end();
  };
  std::string what = "ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                     " ALTER COLUMN " + lint::sql_identifier(name) + " DROP NOT NULL";
  for (lint::ObjectId child : catalog->object(table).children) {
    const lint::CatalogObject& key = catalog->object(child);
    if (key.kind() != lint::ObjectKind::constraint || key.contype != 'p' || !key.alive_at(*tick) ||
        !among(key)) {
      continue;
    }
    return Refusal{what,
                   "column " + name + " is in primary key " + key.ref_at(*tick).name +
                       " (made by " + made_in(context, key.created) + ")",
                   "column \"" + name + "\" is in a primary key",
                   "a primary key's columns are always NOT NULL: drop the key first (ALTER TABLE " +
                       lint::sql_name(relation.schema, relation.name) + " DROP CONSTRAINT " +
                       lint::sql_identifier(key.ref_at(*tick).name) +
                       "), or keep the column NOT NULL"};
  }
  auto identity = replica_identity(context.project, *catalog, table, *tick);
  if (identity && identity->index != lint::k_no_object) {
    const lint::CatalogObject& index = catalog->object(identity->index);
    if (index.alive_at(*tick) && among(index)) {
      std::string index_name = index.ref_at(*tick).name;
      return Refusal{what,
                     "column " + name + " is in index " + index_name +
                         ", which the table's replica identity uses",
                     "column \"" + name + "\" is in index used as replica identity",
                     "set another replica identity first (ALTER TABLE " +
                         lint::sql_name(relation.schema, relation.name) +
                         " REPLICA IDENTITY DEFAULT or FULL), or keep the column NOT NULL"};
    }
  }
  return std::nullopt;
}

// ALTER COLUMN c DROP EXPRESSION (without IF EXISTS) of a column that is not a stored generated
// column, as the migrations left it or an earlier DROP EXPRESSION of the same statement made it:
// PostgreSQL refuses it on the first run already (require-if-exists leaves it alone). Not judged
// when the statement drops the column too, or in a block whose handler catches the error.
std::optional<Refusal> drop_expression(const lint::FileContext& context,
                                       const lint::Statement& statement, std::size_t at) {
  lint::NodeList commands = statement.node.list("cmds");
  Node command = commands[at];
  if (command.flag("missing_ok")) return std::nullopt;
  std::string name = lint::truncate_identifier(command.str("name"));
  bool dropped_before = false;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::string_view subtype = commands[i].str("subtype");
    if (lint::truncate_identifier(commands[i].str("name")) != name) continue;
    if (subtype == "AT_DropColumn") return std::nullopt;
    if (subtype == "AT_DropExpression" && i < at) dropped_before = true;
  }
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::QualifiedName table{std::string(relation.schema), std::string(relation.name)};
  std::string why;
  if (dropped_before) {
    why = "an earlier DROP EXPRESSION of the statement made column " + name + " a plain column";
  } else {
    auto generation = column_generation(context, statement, table, name);
    if (!generation || generation->generated) return std::nullopt;
    why = "column " + name + " is not a generated column";
    if (generation->identity != 0) why += " (it is an identity column)";
  }
  if (lint::conditional(statement, lint::condition::object_not_in_prerequisite_state)) {
    return std::nullopt;
  }
  return Refusal{"ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                     " ALTER COLUMN " + lint::sql_identifier(name) + " DROP EXPRESSION",
                 why,
                 "column \"" + name + "\" of relation \"" +
                     lint::truncate_identifier(relation.name) +
                     "\" is not a stored generated column",
                 "leave it out: the column has no generation expression to drop (or write DROP "
                 "EXPRESSION IF EXISTS, which skips it)"};
}

// ALTER COLUMN c SET DEFAULT or DROP DEFAULT, ALTER COLUMN c TYPE ... USING of a column the
// migrations left a stored generated column: PostgreSQL refuses a default on it (its expression
// is stored as its default) and a USING expression (it computes the column again). A DROP
// EXPRESSION of the statement runs before SET DEFAULT, wherever written, and before a DROP
// DEFAULT written after it; never before a USING, which PostgreSQL checks first. Not judged when
// the statement drops the column, or in a block whose handler may catch the error.
std::optional<Refusal> generated_column_change(const lint::FileContext& context,
                                               const lint::Statement& statement, std::size_t at) {
  lint::NodeList commands = statement.node.list("cmds");
  Node command = commands[at];
  std::string_view subtype = command.str("subtype");
  bool using_expression = subtype == "AT_AlterColumnType" && command.get("def").has("raw_default");
  if (subtype != "AT_ColumnDefault" && !using_expression) return std::nullopt;
  bool set = subtype == "AT_ColumnDefault" && command.has("def");
  std::string name = lint::truncate_identifier(command.str("name"));
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::string_view other = commands[i].str("subtype");
    if (lint::truncate_identifier(commands[i].str("name")) != name) continue;
    if (other == "AT_DropColumn") return std::nullopt;
    if (other == "AT_DropExpression" && !using_expression && (set || i < at)) return std::nullopt;
  }
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::QualifiedName table{std::string(relation.schema), std::string(relation.name)};
  auto generation = column_generation(context, statement, table, name);
  if (!generation || !generation->generated) return std::nullopt;
  if (lint::conditional(statement, using_expression
                                       ? std::nullopt
                                       : std::optional(lint::condition::syntax_error))) {
    return std::nullopt;
  }
  std::string what = "ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                     " ALTER COLUMN " + lint::sql_identifier(name);
  std::string why = "column " + name + " is a generated column";
  std::string drop = "ALTER COLUMN " + lint::sql_identifier(name) + " DROP EXPRESSION";
  if (using_expression) {
    return Refusal{what + " TYPE ... USING", why,
                   "cannot specify USING when altering type of generated column",
                   "leave USING out: PostgreSQL computes the column again from its expression, "
                   "as the new type; or make it a plain column first, in an earlier statement (" +
                       drop + ")"};
  }
  std::string message = "column \"" + name + "\" of relation \"" +
                        lint::truncate_identifier(relation.name) + "\" is a generated column";
  if (set) {
    return Refusal{what + " SET DEFAULT", why, message,
                   "a generated column computes its value and takes no default: leave it out, or "
                   "make it a plain column in the same statement (" +
                       drop + ")"};
  }
  return Refusal{what + " DROP DEFAULT", why, message,
                 "a generated column has no default to drop: leave it out (" + drop +
                     " makes it a plain column, written before DROP DEFAULT)"};
}

// ALTER TABLE t REPLICA IDENTITY USING INDEX i: PostgreSQL takes an index of t that is unique,
// immediate (not a DEFERRABLE constraint's), without expressions, not partial, whose key columns
// are all NOT NULL; it checks in that order. The statement's own SET NOT NULL and ADD PRIMARY KEY
// run before it.
std::optional<Refusal> replica_identity_index(const lint::FileContext& context,
                                              const lint::Statement& statement,
                                              const Node& command) {
  Node identity = command.get("def");
  if (identity.str("identity_type") != "i" || !identity.has("name")) return std::nullopt;
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               relation.schema, relation.name);
  if (table == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  std::string name = lint::truncate_identifier(identity.str("name"));
  // The index is looked up in its table's schema.
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::index,
                                            catalog.object(table).ref_at(*tick).schema, name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& index = catalog.object(id);
  std::string what = "ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                     " REPLICA IDENTITY USING INDEX " + name;
  std::string made = " (made by " + made_in(context, index.created) + ")";
  auto refusal = [&](std::string why, std::string kind) {
    return Refusal{what, "index " + name + made + " is " + why,
                   "cannot use " + kind + " index \"" + name + "\" as replica identity",
                   "make a unique index without expressions or WHERE, on NOT NULL columns, and "
                   "not a DEFERRABLE constraint's (the primary key is one), or use REPLICA "
                   "IDENTITY FULL"};
  };
  for (const lint::DependencyEdge& edge : index.depends_on) {
    if (!edge.automatic || catalog.object(edge.object).kind() != lint::ObjectKind::table) continue;
    if (edge.object == table) break;
    return Refusal{
        what,
        "index " + name + made + " is on another table, " +
            catalog.object(edge.object).ref_at(*tick).name,
        "\"" + name + "\" is not an index for table \"" + std::string(relation.name) + "\"",
        "name an index of " + std::string(relation.name)};
  }
  if (!index.unique) return refusal("not unique", "non-unique");
  if (deferrable_index(context.project, catalog, index, *tick) == true) {
    return refusal("a DEFERRABLE constraint's", "non-immediate");
  }
  const lint::Statement* created = lint::statement_at(context.project, index.created);
  if (created == nullptr) {
    if (index.partial) return refusal("partial (it has a WHERE)", "partial");
    return std::nullopt;
  }
  std::vector<std::string> keys;
  if (created->node.is("IndexStmt")) {
    for (Node param : created->node.list("indexParams")) {
      Node element = param.is("IndexElem") ? param : param.get("IndexElem");
      if (!element.has("name")) return refusal("on an expression", "expression");
      keys.push_back(lint::truncate_identifier(element.str("name")));
    }
  } else {
    keys = index.columns;
  }
  if (index.partial) return refusal("partial (it has a WHERE)", "partial");
  for (Node other : statement.node.list("cmds")) {
    if (other.str("subtype") != "AT_AddConstraint") continue;
    if (other.get("def").str("contype") == "CONSTR_PRIMARY") return std::nullopt;
  }
  for (const std::string& key : keys) {
    bool set_here = false;
    for (Node other : statement.node.list("cmds")) {
      set_here = set_here || (other.str("subtype") == "AT_SetNotNull" &&
                              lint::truncate_identifier(other.str("name")) == key);
    }
    if (set_here) continue;
    lint::ObjectId column = lint::k_no_object;
    for (lint::ObjectId child : catalog.columns(catalog.object(table).ref_at(*tick), *tick)) {
      if (catalog.object(child).ref_at(*tick).name == key) column = child;
    }
    if (column == lint::k_no_object) return std::nullopt;
    if (column_not_null(context.project, catalog, table, column, *tick) != false) continue;
    return Refusal{what, "column " + key + " of index " + name + made + " is nullable",
                   "index \"" + name + "\" cannot be used as replica identity because column \"" +
                       key + "\" is nullable",
                   "ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                       " ALTER COLUMN " + key +
                       " SET NOT NULL first (in the same statement too), or use REPLICA IDENTITY "
                       "FULL"};
  }
  return std::nullopt;
}

// The table a publication lists, as PostgreSQL names it in messages: "schema.table".
std::string published_table(const lint::FileContext& context, const lint::Statement& statement,
                            const lint::RelationName& relation) {
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               relation.schema, relation.name);
  std::string schema = relation.schema.empty() ? "public" : std::string(relation.schema);
  std::string name = lint::truncate_identifier(relation.name);
  if (table != lint::k_no_object) {
    const lint::ObjectRef& ref = context.project.catalog()->object(table).ref();
    if (!ref.schema.empty()) schema = ref.schema;
    name = ref.name;
  }
  return schema + "." + name;
}

// What the publication an ALTER PUBLICATION of an up names publishes before it, as its CREATE
// PUBLICATION and the ALTER PUBLICATION since left it, and the migration that made it; nullopt
// when no migration made it.
struct AlteredPublication : pairing::PublicationState {
  std::string made_in;
};
std::optional<AlteredPublication> altered_publication(const lint::FileContext& context,
                                                      const lint::Statement& statement) {
  auto tick = lint::tick_before(context, statement);
  auto ordinal = context.file.ordinal(statement);
  if (!tick || !ordinal) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  lint::ObjectId id = lint::k_no_object;
  for (const lint::CatalogStep* step : catalog.steps_of(context.index, *ordinal)) {
    if (step->effect.object.kind == lint::ObjectKind::publication) id = step->object;
  }
  if (id == lint::k_no_object) return std::nullopt;
  auto state = pairing::publication_at(context.project, catalog, id, *tick);
  if (!state) return std::nullopt;
  return AlteredPublication{std::move(*state), made_in(context, catalog.object(id).created)};
}

// CREATE / ALTER PUBLICATION ... ADD / SET with a column list in a publication that has TABLES IN
// SCHEMA: PostgreSQL refuses both in one publication, whichever comes first (an ADD is judged
// with what the publication has, as the migrations before made it).
std::optional<Refusal> publication_column_list(const lint::FileContext& context,
                                               const lint::Statement& statement) {
  const Node& node = statement.node;
  bool create = node.is("CreatePublicationStmt");
  std::string_view action = node.str("action");
  if (!create && action != "AP_AddObjects" && action != "AP_SetObjects") return std::nullopt;
  std::string publication = lint::truncate_identifier(node.str("pubname"));
  bool schemas = false;
  std::optional<std::string> listed;  // the first table listed with a column list
  for (Node spec : node.list("pubobjects")) {
    std::string_view type = spec.str("pubobjtype");
    if (type == "PUBLICATIONOBJ_TABLES_IN_SCHEMA" ||
        type == "PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA") {
      schemas = true;
    } else if (!listed && !spec.get("pubtable").list("columns").empty()) {
      listed = published_table(context, statement,
                               lint::relation_name(spec.get("pubtable").get("relation")));
    }
  }
  std::string what = create ? "CREATE PUBLICATION " : "ALTER PUBLICATION ";
  what += publication;
  auto column_list = [&](const std::string& table, std::string why) {
    return Refusal{what, std::move(why),
                   "cannot use column list for relation \"" + table + "\" in publication \"" +
                       publication + "\"",
                   "publish " + table +
                       " without a column list, or in a publication of its own (FOR TABLE ... "
                       "(columns)) apart from the one FOR TABLES IN SCHEMA"};
  };
  if (schemas && listed) {
    return column_list(*listed, "it lists table " + *listed +
                                    " with a column list and TABLES IN SCHEMA, which PostgreSQL "
                                    "does not take together");
  }
  if (create || action == "AP_SetObjects" || (!schemas && !listed)) return std::nullopt;
  auto state = altered_publication(context, statement);
  if (!state) return std::nullopt;
  std::string made = " (made by " + state->made_in + ")";
  for (const pairing::PublishedMember& member : state->members) {
    if (!member.member || !member.details) continue;
    if (listed && member.schema) {
      return column_list(*listed, "publication " + publication + made + " has " + member.name);
    }
    if (schemas && !member.schema && !member.columns.empty()) {
      return Refusal{
          what,
          "publication " + publication + made + " publishes " + member.name + " with a column list",
          "cannot add schema to publication \"" + publication + "\"",
          "publish the schema's tables in a publication of its own, or SET the "
          "publication's tables without column lists first"};
    }
  }
  return std::nullopt;
}

// ALTER PUBLICATION p ADD / SET / DROP TABLE (or TABLES IN SCHEMA) of a publication made FOR ALL
// TABLES: PostgreSQL refuses any change of its tables, first run or not.
std::optional<Refusal> publication_for_all_tables(const lint::FileContext& context,
                                                  const lint::Statement& statement) {
  const Node& node = statement.node;
  if (!node.is("AlterPublicationStmt") || node.list("pubobjects").empty()) return std::nullopt;
  auto state = altered_publication(context, statement);
  if (!state || !state->all_tables) return std::nullopt;
  std::string publication = lint::truncate_identifier(node.str("pubname"));
  bool schemas = false;
  for (Node spec : node.list("pubobjects")) {
    std::string_view type = spec.str("pubobjtype");
    schemas = schemas || type == "PUBLICATIONOBJ_TABLES_IN_SCHEMA" ||
              type == "PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA";
  }
  std::string_view action = node.str("action");
  std::string verb = action == "AP_AddObjects"    ? "ADD"
                     : action == "AP_DropObjects" ? "DROP"
                                                  : "SET";
  return Refusal{
      "ALTER PUBLICATION " + publication + " " + verb + (schemas ? " TABLES IN SCHEMA" : " TABLE"),
      "publication " + publication + " (made by " + state->made_in +
          ") is FOR ALL TABLES, which publishes every table already: " +
          (schemas ? "schemas" : "tables") + " cannot be added to or dropped from it",
      "publication " + in_quotes(publication) + " is defined as FOR ALL TABLES",
      "leave the statement out (the publication publishes every table, new ones "
      "too), or publish the tables in a publication of their own (FOR TABLE ...)"};
}

// Why a publication's row filter (a WHERE of one of its tables) is one PostgreSQL refuses: it may
// use the table's columns (not system columns, not of a type of the migrations' or an
// extension's), constants, built-in operators and types, and immutable built-in functions; no
// aggregate, window function or subquery. Nothing when nothing is known to be refused.
struct RefusedFilter {
  std::string why;
  std::string message;  // PostgreSQL's
};
std::optional<RefusedFilter> refused_row_filter(const lint::FileContext& context,
                                                const lint::Statement& statement,
                                                const lint::RelationName& relation,
                                                const Node& where) {
  auto user_type = [&](const lint::ColumnType& type) {
    if (lint::is_builtin_type(type)) return false;
    return lint::find_as_written(context, statement, lint::ObjectKind::type, type.schema,
                                 type.name) != lint::k_no_object ||
           !lint::extension_member(lint::ObjectKind::type, type.name).empty();
  };
  auto tick = lint::tick_before(context, statement);
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               relation.schema, relation.name);
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::string> found;
  std::string message = "invalid publication WHERE expression";
  // Aggregates and window functions are refused before anything else.
  lint::walk(where, [&](const Node& node) {
    if (found || !node.is("FuncCall")) return !found;
    lint::NodeList names = node.list("funcname");
    std::string_view name = names.empty() ? "" : names[names.size() - 1].as_str();
    if (node.has("over")) {
      found = "it calls the window function " + std::string(name) + "()";
      message = "window functions are not allowed in WHERE";
    } else if (node.flag("agg_star") || node.flag("agg_distinct") || node.has("agg_filter") ||
               node.flag("agg_within_group") || node.has("agg_order") ||
               (names.size() == 1 &&
                (name == "count" || name == "sum" || name == "min" || name == "max" ||
                 name == "avg" || name == "array_agg" || name == "string_agg"))) {
      found = "it calls the aggregate " + std::string(name) + "()";
      message = "aggregate functions are not allowed in WHERE";
    }
    return !found;
  });
  lint::walk(where, [&](const Node& node) {
    if (found) return false;
    if (node.is("SubLink")) {
      found = "it has a subquery";
    } else if (node.is("SQLValueFunction")) {
      std::string_view op = node.str("op");
      found = "it reads " + std::string(op.substr(op.find("SVFOP_") == 0 ? 6 : 0));
    } else if (node.is("TypeCast")) {
      lint::ColumnType type = lint::column_type(node.get("typeName"));
      if (user_type(type)) found = "it casts to type " + type.display() + ", not a built-in one";
    } else if (node.is("FuncCall")) {
      lint::QualifiedName function = lint::QualifiedName::of(node.list("funcname"));
      if ((!function.schema.empty() && function.schema != "pg_catalog") ||
          !lint::is_builtin_function(function.name)) {
        found = "it calls " + function.display() + "(), not a built-in function";
      } else if (auto call = first_not_immutable_builtin(node)) {
        found = "it calls " + *call + ", which PostgreSQL does not mark IMMUTABLE";
      }
    } else if (node.is("ColumnRef")) {
      lint::NodeList fields = node.list("fields");
      if (fields.empty() || !fields[fields.size() - 1].is("String")) return true;
      std::string column = lint::truncate_identifier(fields[fields.size() - 1].as_str());
      for (std::string_view system : {"ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"}) {
        if (column == system) found = "it reads the system column " + column;
      }
      if (found || !tick || table == lint::k_no_object) return !found;
      for (lint::ObjectId id : catalog->columns(catalog->object(table).ref_at(*tick), *tick)) {
        if (catalog->object(id).ref_at(*tick).name != column) continue;
        auto type = lint::column_type_before(context.project, *catalog, id, *tick);
        if (type && user_type(*type)) {
          found =
              "it reads column " + column + " of type " + type->display() + ", not a built-in type";
        }
      }
    }
    return !found;
  });
  if (!found) return std::nullopt;
  return RefusedFilter{*found, message};
}

// CREATE PUBLICATION ... WHERE (...), ALTER PUBLICATION ... ADD / SET TABLE ... WHERE (...) with a
// row filter PostgreSQL refuses.
std::optional<Refusal> publication_row_filter(const lint::FileContext& context,
                                              const lint::Statement& statement) {
  const Node& node = statement.node;
  if (node.is("AlterPublicationStmt") && node.str("action") == "AP_DropObjects") {
    return std::nullopt;
  }
  for (Node spec : node.list("pubobjects")) {
    Node table = spec.get("pubtable");
    if (!table.valid() || !table.has("whereClause")) continue;
    lint::RelationName relation = lint::relation_name(table.get("relation"));
    auto why = refused_row_filter(context, statement, relation, table.get("whereClause"));
    if (!why) continue;
    std::string what =
        node.is("CreatePublicationStmt") ? "CREATE PUBLICATION " : "ALTER PUBLICATION ";
    what += lint::truncate_identifier(node.str("pubname"));
    return Refusal{what,
                   "the row filter of table " + lint::sql_name(relation.schema, relation.name) +
                       " is not one PostgreSQL takes: " + why->why,
                   why->message,
                   "a row filter may use the table's columns, constants, built-in operators and "
                   "types and immutable built-in functions only: compare with a constant (a fixed "
                   "date, not now()), or filter on the subscriber's side"};
  }
  return std::nullopt;
}

// The bound of a new partition of `parent`: as PostgreSQL reads it against the table's strategy
// (`form`), else against the partitions the table has.
std::optional<Refusal> partition_bound(const lint::FileContext& context,
                                       const lint::Statement& statement,
                                       const lint::RelationName& parent,
                                       const lint::RelationName& partition, const Node& bound,
                                       const std::string& what, bool form) {
  auto refused = form ? bound_form(context, statement, parent, bound)
                      : bound_conflict(context, statement, parent,
                                       lint::truncate_identifier(partition.name), bound);
  if (!refused) return std::nullopt;
  return Refusal{what, refused->why, refused->message, refused->help};
}

void report(const lint::TextRange& range, const Refusal& refusal, lint::Reporter& out) {
  out.report(range,
             refusal.what + " fails on its first run: " + refusal.why +
                 ", and PostgreSQL refuses it (\"" + refusal.message + "\")",
             refusal.help);
}

void check_alter_table(const lint::FileContext& context, const lint::Statement& statement,
                       lint::Reporter& out) {
  std::size_t i = 0;
  for (Node command : statement.node.list("cmds")) {
    std::size_t at = i++;
    std::string_view subtype = command.str("subtype");
    std::optional<Refusal> refusal;
    if (subtype == "AT_SetLogged" || subtype == "AT_SetUnLogged") {
      refusal = persistence_change(context, statement, subtype == "AT_SetLogged");
    } else if (subtype == "AT_AddInherit") {
      lint::RelationName child = lint::relation_name(statement.node.get("relation"));
      lint::RelationName parent = lint::relation_name(command.get("def"));
      refusal = child_of(context, statement, child, parent,
                         "ALTER TABLE " + lint::sql_name(child.schema, child.name) + " INHERIT " +
                             lint::sql_name(parent.schema, parent.name),
                         false);
    } else if (subtype == "AT_AttachPartition" && statement.node.str("objtype") == "OBJECT_TABLE") {
      lint::RelationName parent = lint::relation_name(statement.node.get("relation"));
      lint::RelationName child = lint::relation_name(command.get("def").get("name"));
      std::string what = "ALTER TABLE " + lint::sql_name(parent.schema, parent.name) +
                         " ATTACH PARTITION " + lint::sql_name(child.schema, child.name);
      refusal = partition_bound(context, statement, parent, child, command.get("def").get("bound"),
                                what, true);
      if (!refusal) refusal = child_of(context, statement, child, parent, what, true);
      if (!refusal) {
        refusal = partition_bound(context, statement, parent, child,
                                  command.get("def").get("bound"), what, false);
      }
    } else if (subtype == "AT_AlterColumnType" && statement.node.str("objtype") == "OBJECT_TYPE") {
      refusal = alter_attribute(context, statement, command);
    } else if (subtype == "AT_ClusterOn") {
      lint::RelationName relation = lint::relation_name(statement.node.get("relation"));
      std::string index(command.str("name"));
      refusal = cluster_on(
          context, statement,
          "ALTER TABLE " + lint::sql_name(relation.schema, relation.name) + " CLUSTER ON " + index,
          index);
    } else if (subtype == "AT_SetRelOptions") {
      refusal = set_options(context, statement, command.get("def"));
    } else if (subtype == "AT_ReplicaIdentity") {
      refusal = replica_identity_index(context, statement, command);
    } else if (subtype == "AT_DropNotNull") {
      refusal = drop_not_null(context, statement, command);
    } else if (auto column = column_storage_command(context, statement, command)) {
      refusal = std::move(column);
    } else if (auto statistics = set_statistics(context, statement, command, at)) {
      refusal = std::move(statistics);
    } else if (subtype == "AT_DropExpression") {
      refusal = drop_expression(context, statement, at);
    } else if (subtype == "AT_ColumnDefault" || subtype == "AT_AlterColumnType") {
      refusal = generated_column_change(context, statement, at);
    }
    if (!refusal) continue;
    report(lint::alter_command_range(context.file, statement, at), *refusal, out);
  }
}

// CREATE STATISTICS that PostgreSQL refuses from the statement alone, checked in its order: more
// than 8 columns, a single column, a column named twice, an unknown kind, kinds for a single
// expression. An expression that is a bare column, (a), counts as the column.
std::optional<Refusal> statistics(const Node& create) {
  std::vector<std::string> columns;
  std::size_t expressions = 0;
  for (Node element : create.list("exprs")) {
    Node expression = element.get("expr");
    if (element.has("name")) {
      columns.push_back(lint::truncate_identifier(element.str("name")));
    } else if (expression.is("ColumnRef") && expression.list("fields").size() == 1 &&
               expression.list("fields")[0].is("String")) {
      columns.push_back(lint::truncate_identifier(expression.list("fields")[0].as_str()));
    } else {
      ++expressions;
    }
  }
  std::string what = "CREATE STATISTICS";
  lint::NodeList names = create.list("defnames");
  if (!names.empty()) {
    what += ' ';
    what += lint::QualifiedName::of(names).display();
  }
  if (columns.size() > 8) {
    return Refusal{what, "it names " + std::to_string(columns.size()) + " columns",
                   "cannot have more than 8 columns in statistics",
                   "split it into statistics of 8 columns or fewer, each on columns that are "
                   "queried together"};
  }
  if (columns.size() == 1 && expressions == 0) {
    return Refusal{
        what, "it names one column only (" + columns.front() + ")",
        "extended statistics require at least 2 columns",
        "name two columns or more (ON a, b), or one expression (ON (lower(a))); "
        "ANALYZE already keeps statistics of each column (ALTER TABLE ... ALTER COLUMN " +
            columns.front() + " SET STATISTICS ... samples more of it)"};
  }
  std::vector<std::string> sorted = columns;
  std::sort(sorted.begin(), sorted.end());
  auto twice = std::adjacent_find(sorted.begin(), sorted.end());
  if (twice != sorted.end()) {
    return Refusal{what, "it names column " + *twice + " twice",
                   "duplicate column name in statistics definition", "name each column once"};
  }
  for (Node kind : create.list("stat_types")) {
    std::string_view name = kind.as_str();
    if (name != "ndistinct" && name != "dependencies" && name != "mcv") {
      return Refusal{what, "it asks for a kind of statistics PostgreSQL has not",
                     "unrecognized statistics kind \"" + std::string(name) + "\"",
                     "ask for ndistinct, dependencies or mcv, or leave the list out for all "
                     "three"};
    }
  }
  if (columns.empty() && expressions == 1 && !create.list("stat_types").empty()) {
    return Refusal{what, "it is on a single expression and names kinds of statistics",
                   "when building statistics on a single expression, statistics kinds may not be "
                   "specified",
                   "leave out the list of kinds: statistics on one expression are what ANALYZE "
                   "keeps of a column"};
  }
  return std::nullopt;
}

// The first column a generation expression names (its last name, as PostgreSQL folds it) that
// `generated` says is a generated column.
template <typename Generated>
std::optional<std::string> generated_reference(const Node& expression, Generated&& generated) {
  std::optional<std::string> found;
  lint::walk(expression, [&](const Node& node) {
    if (found) return false;
    if (!node.is("ColumnRef")) return true;
    lint::NodeList fields = node.list("fields");
    if (fields.empty() || !fields.back().is("String")) return false;
    std::string column = lint::truncate_identifier(fields.back().as_str());
    if (generated(column)) found = column;
    return false;
  });
  return found;
}

// A generated column whose expression names a generated column (itself, another of the same
// CREATE TABLE, before or after it, one an earlier ADD COLUMN of the ALTER TABLE adds, or one
// the table already has): PostgreSQL computes generated columns from the others only.
void check_generated_references(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out) {
  const Node& node = statement.node;
  auto refusal = [](const std::string& what, const std::string& column, const std::string& other) {
    std::string why = "the generated column ";
    why += column;
    why += " uses ";
    why += other == column ? "itself" : "the generated column " + other;
    return Refusal{what, why,
                   "cannot use generated column \"" + other + "\" in column generation expression",
                   "write " + other +
                       "'s own expression in its place: a generated column is "
                       "computed from ordinary columns only"};
  };
  if (node.is("CreateStmt")) {
    std::vector<std::string> generated;
    for (Node element : node.list("tableElts")) {
      if (element.is("ColumnDef") && generation_expression(element)) {
        generated.push_back(lint::truncate_identifier(element.str("colname")));
      }
    }
    if (generated.empty()) return;
    lint::RelationName relation = lint::relation_name(node.get("relation"));
    for (Node element : node.list("tableElts")) {
      Node expression = element.is("ColumnDef") ? generation_expression(element) : Node();
      if (!expression) continue;
      auto other = generated_reference(expression, [&](const std::string& column) {
        return std::find(generated.begin(), generated.end(), column) != generated.end();
      });
      if (!other) continue;
      std::string column = lint::truncate_identifier(element.str("colname"));
      report(
          statement.range,
          refusal("CREATE TABLE " + lint::sql_name(relation.schema, relation.name), column, *other),
          out);
      return;
    }
    return;
  }
  if (!node.is("AlterTableStmt") || node.str("objtype") != "OBJECT_TABLE") return;
  lint::RelationName relation = lint::relation_name(node.get("relation"));
  lint::QualifiedName table = lint::QualifiedName::of(relation);
  std::vector<std::string> added;  // the generated columns the earlier commands add
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    if (command.str("subtype") != "AT_AddColumn") continue;
    Node def = command.get("def");
    Node expression = generation_expression(def);
    if (!expression) continue;
    std::string column = lint::truncate_identifier(def.str("colname"));
    auto other = generated_reference(expression, [&](const std::string& name) {
      if (std::find(added.begin(), added.end(), name) != added.end()) return true;
      auto generation = column_generation(context, statement, table, name);
      return generation && generation->generated;
    });
    added.push_back(column);
    if (!other) continue;
    report(lint::alter_command_range(context.file, statement, at),
           refusal("ALTER TABLE " + lint::sql_name(relation.schema, relation.name) +
                       " ADD COLUMN " + column,
                   column, *other),
           out);
  }
}

// The query of the view as the last CREATE [OR REPLACE] VIEW of the migrations before
// `statement` defined it; an invalid Node when unknown.
Node view_query(const lint::FileContext& context, const lint::Statement& statement,
                const lint::RelationName& view) {
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::view, view.schema, view.name);
  const lint::Statement* defined = view_definition(context, statement, id);
  return defined != nullptr ? defined->node.get("query") : Node();
}

// WITH [LOCAL | CASCADED] CHECK OPTION (or WITH (check_option = ...)) in CREATE VIEW, and ALTER
// VIEW ... SET (check_option = ...), of a view that is not automatically updatable: PostgreSQL
// refuses it.
void check_check_option(const lint::FileContext& context, const lint::Statement& statement,
                        lint::Reporter& out) {
  const Node& node = statement.node;
  auto has_check_option = [](const lint::NodeList& options) {
    bool found = false;
    for (Node option : options) found = found || option.str("defname") == "check_option";
    return found;
  };
  Node query;
  std::string what;
  lint::TextRange range = statement.range;
  if (node.is("ViewStmt")) {
    std::string_view option = node.str("withCheckOption");
    if ((option.empty() || option == "NO_CHECK_OPTION") &&
        !has_check_option(node.list("options"))) {
      return;
    }
    lint::RelationName view = lint::relation_name(node.get("view"));
    what = "CREATE VIEW " + lint::sql_name(view.schema, view.name) + " ... WITH CHECK OPTION";
    query = node.get("query");
  } else if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_VIEW") {
    std::size_t i = 0;
    for (Node command : node.list("cmds")) {
      std::size_t at = i++;
      if (command.str("subtype") != "AT_SetRelOptions" ||
          !has_check_option(command.get("def").list("items"))) {
        continue;
      }
      lint::RelationName view = lint::relation_name(node.get("relation"));
      what = "ALTER VIEW " + lint::sql_name(view.schema, view.name) + " SET (check_option = ...)";
      query = view_query(context, statement, view);
      range = lint::alter_command_range(context.file, statement, at);
      break;
    }
  }
  if (!query) return;
  std::optional<std::string> hint = not_auto_updatable(query);
  if (!hint) return;
  std::string why = "the view is not automatically updatable (\"";
  why += *hint;
  why += "\")";
  report(range,
         Refusal{what, why, "WITH CHECK OPTION is supported only on automatically updatable views",
                 "leave out the check option: it can only guard a view that selects plain columns "
                 "of one table or updatable view, without DISTINCT, GROUP BY, aggregates, window "
                 "functions, UNION, WITH or LIMIT; guard the rows with a CHECK constraint on the "
                 "table, or with an INSTEAD OF trigger on the view"},
         out);
}

// The role an OWNER TO names (nothing for CURRENT_USER, SESSION_USER, CURRENT_ROLE).
std::optional<std::string> owner_role(const Node& role_spec) {
  if (role_spec.str("roletype") != "ROLESPEC_CSTRING") return std::nullopt;
  return lint::truncate_identifier(role_spec.str("rolename"));
}

// The role the latest OWNER TO before the tick gave the object (its own, or its table's, which
// moves the sequences the table's columns own); nothing when none did, or it named no role.
std::optional<std::string> last_owner(const lint::FileContext& context,
                                      const lint::CatalogObject& object, lint::Tick tick) {
  std::optional<std::string> owner;
  for (const lint::Origin& change : object.changed) {
    if (change.tick >= tick) break;
    const lint::Statement* changed = lint::statement_at(context.project, change);
    if (changed == nullptr) continue;
    if (changed->node.is("AlterTableStmt")) {
      for (Node cmd : changed->node.list("cmds")) {
        if (cmd.str("subtype") == "AT_ChangeOwner") owner = owner_role(cmd.get("newowner"));
      }
    } else if (changed->node.is("AlterOwnerStmt")) {
      owner = owner_role(changed->node.get("newowner"));
    }
  }
  return owner;
}

// ALTER SEQUENCE (or ALTER TABLE) s OWNER TO r, SET SCHEMA x of a sequence a column owns (a
// serial's, an identity's, OWNED BY): PostgreSQL moves it only with its table (ALTER TABLE t
// OWNER TO, SET SCHEMA). SET SCHEMA fails whatever the schema; OWNER TO fails unless r owns the
// sequence already: judged when an earlier OWNER TO gave it another role, or r is a role the
// migrations made (not the one that made the sequence).
std::optional<Refusal> owned_sequence_change(const lint::FileContext& context,
                                             const lint::Statement& statement) {
  const Node& node = statement.node;
  Node relation;
  std::optional<std::string> role;
  std::string change;
  if (node.is("AlterObjectSchemaStmt") &&
      (node.str("objectType") == "OBJECT_SEQUENCE" || node.str("objectType") == "OBJECT_TABLE")) {
    relation = node.get("relation");
    change = " SET SCHEMA " + lint::sql_identifier(node.str("newschema"));
  } else if (node.is("AlterTableStmt") &&
             (node.str("objtype") == "OBJECT_SEQUENCE" || node.str("objtype") == "OBJECT_TABLE")) {
    lint::NodeList cmds = node.list("cmds");
    if (cmds.size() != 1 || cmds[0].str("subtype") != "AT_ChangeOwner") return std::nullopt;
    role = owner_role(cmds[0].get("newowner"));
    if (!role) return std::nullopt;
    relation = node.get("relation");
    change = " OWNER TO " + lint::sql_identifier(*role);
  } else {
    return std::nullopt;
  }
  const lint::Catalog* catalog = context.project.catalog();
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !tick) return std::nullopt;
  lint::RelationName written = lint::relation_name(relation);
  lint::ObjectId sequence = lint::find_as_written(context, statement, lint::ObjectKind::sequence,
                                                  written.schema, written.name);
  if (sequence == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& made = catalog->object(sequence);
  lint::ObjectId column = lint::k_no_object;
  for (const lint::DependencyEdge& edge : made.depends_on) {
    if (edge.automatic && edge.alive_at(*tick) &&
        catalog->object(edge.object).kind() == lint::ObjectKind::column &&
        catalog->object(edge.object).alive_at(*tick)) {
      column = edge.object;
    }
  }
  if (column == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& owner = catalog->object(column);
  std::string table = catalog->object(owner.parent).ref_at(*tick).name;
  std::string linked =
      lint::sql_identifier(table) + "." + lint::sql_identifier(owner.ref_at(*tick).name);
  std::string what =
      node.is("AlterObjectSchemaStmt")
          ? node.str("objectType") == "OBJECT_TABLE" ? "ALTER TABLE " : "ALTER SEQUENCE "
      : node.str("objtype") == "OBJECT_TABLE" ? "ALTER TABLE "
                                              : "ALTER SEQUENCE ";
  what += lint::sql_name(written.schema, written.name);
  what += change;
  std::string sequence_name = made.ref_at(*tick).name;
  if (!role) {
    return Refusal{what,
                   "sequence " + sequence_name + " belongs to column " + linked +
                       ", and moves only with its table",
                   "cannot move an owned sequence into another schema",
                   "move the table: ALTER TABLE " + lint::sql_identifier(table) + change +
                       " moves the sequences its columns own with it"};
  }
  std::optional<std::string> before = last_owner(context, made, *tick);
  std::string why;
  if (before) {
    if (*before == *role) return std::nullopt;
    why = "sequence " + sequence_name + " belongs to column " + linked + " and to role " + *before +
          " (an earlier OWNER TO)";
  } else {
    lint::ObjectRef role_ref;
    role_ref.kind = lint::ObjectKind::role;
    role_ref.name = *role;
    lint::ObjectId made_role = catalog->find(role_ref, *tick);
    if (made_role == lint::k_no_object) return std::nullopt;
    why = "sequence " + sequence_name + " belongs to column " + linked +
          " and to the role that made it, not to " + *role + ", a role " +
          made_in(context, catalog->object(made_role).created) + " creates";
  }
  return Refusal{what, why, "cannot change owner of sequence \"" + sequence_name + "\"",
                 "change the table's owner: ALTER TABLE " + lint::sql_identifier(table) + change +
                     " gives the sequences its columns own to " + *role + " too"};
}

// A string constant PostgreSQL reads as json or jsonb when it parses the statement (a column's
// DEFAULT '{a'::jsonb, a CHECK, a view's query, an index expression), that is not valid there
// (json_constants.h). The DML statements are invalid-dml's.
void check_json_constants(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  std::string_view kind = statement.kind();
  if (kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt" || kind == "MergeStmt" ||
      kind == "SelectStmt" || lint::conditional(statement)) {
    return;
  }
  auto malformed = malformed_json_constant(statement.node);
  if (!malformed) return;
  out.report(lint::token_at(context.file, statement, malformed->location),
             "the statement fails on its first run: PostgreSQL reads " + malformed->what +
                 " when it parses it, and refuses it (\"" + malformed->message + "\")",
             malformed->help);
}

// A column's DEFAULT written as a string constant that is not a label of the column's enum
// (enum_literals.h): CREATE TABLE, ALTER TABLE ... ADD COLUMN, ALTER COLUMN ... SET DEFAULT.
// PostgreSQL reads the constant as the column's type when it stores the default, and refuses it.
// An ALTER TABLE that also changes the column's type is left alone (PostgreSQL changes the type
// first, whatever the order of the commands).
void check_enum_defaults(const lint::FileContext& context, const lint::Statement& statement,
                         lint::Reporter& out) {
  const Node& node = statement.node;
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if ((!node.is("CreateStmt") && !node.is("AlterTableStmt")) || catalog == nullptr || !ordinal ||
      !lint::tick_before(context, statement) || lint::conditional(statement)) {
    return;
  }
  for (const lint::CatalogStep& step : catalog->steps_at(context.index, *ordinal)) {
    const lint::Effect& effect = step.effect;
    if (!effect.literal_default || effect.object.kind != lint::ObjectKind::column ||
        step.object == lint::k_no_object ||
        (effect.action == lint::Action::create && step.existed)) {
      continue;
    }
    const std::string& column = effect.object.name;
    Node value;
    if (effect.action == lint::Action::create) {
      for (Node constraint : lint::column_definition(statement, column).list("constraints")) {
        if (constraint.str("contype") == "CONSTR_DEFAULT") value = constraint.get("raw_expr");
      }
    } else {
      for (Node command : node.list("cmds")) {
        if (lint::truncate_identifier(command.str("name")) != column) continue;
        if (command.str("subtype") == "AT_AlterColumnType") return;
        if (command.str("subtype") == "AT_ColumnDefault") value = command.get("def");
      }
    }
    auto refusal = unknown_enum_label(context.project, *catalog, step.object, step.tick + 1, value);
    if (!refusal) continue;
    lint::RelationName relation = lint::relation_name(node.get("relation"));
    refusal->what = (node.is("CreateStmt") ? "CREATE TABLE " : "ALTER TABLE ") +
                    lint::sql_name(relation.schema, relation.name) + " ... " +
                    (effect.action == lint::Action::create ? "DEFAULT " : "SET DEFAULT ") +
                    lint::sql_literal(value.get("sval").str("sval"));
    auto range = string_constant_range(context.file.text(), statement, value.location());
    report(range ? *range : statement.range, *refusal, out);
    return;
  }
}

// ALTER PUBLICATION ... DROP TABLE of a table the publication does not list then
// (pairing::dropped_non_member()): PostgreSQL refuses it on the first run.
void check_publication_drop(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr) return;
  auto dropped = pairing::dropped_non_member(context.project, *catalog, context.index, statement);
  if (!dropped) return;
  std::string publication = lint::sql_identifier(statement.node.str("pubname"));
  Refusal refusal;
  refusal.what = "ALTER PUBLICATION " + publication + " DROP TABLE " + dropped->table.name;
  refusal.message = "relation " + in_quotes(dropped->name) + " is not part of the publication";
  if (!dropped->schema.empty()) {
    refusal.why = "publication " + publication + " publishes table " + dropped->table.name +
                  " only through TABLES IN SCHEMA " + lint::sql_identifier(dropped->schema) +
                  ", whose tables cannot be dropped one by one";
    refusal.help =
        "to leave the table out, publish the schema's other tables one by one (ALTER "
        "PUBLICATION " +
        publication + " SET TABLE ...), or keep it published";
  } else {
    refusal.why = "publication " + publication + " does not list table " + dropped->table.name +
                  " at this point of the migrations (a table's place in a publication goes with "
                  "that table: one made again, or renamed into the name, is not in it)";
    refusal.help = "leave the statement out: the table is not published";
  }
  report(statement.range, refusal, out);
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  check_pending_trigger_events(context, out);
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (auto refusal = owned_sequence_change(context, *statement);
        refusal && !lint::conditional(*statement, lint::condition::feature_not_supported)) {
      report(statement->range, *refusal, out);
    }
    if (node.is("AlterTableStmt")) check_alter_table(context, *statement, out);
    check_generated_references(context, *statement, out);
    check_check_option(context, *statement, out);
    check_refused_relation_ddl(context, *statement, out);
    check_refused_subqueries(context, *statement, out);
    check_relation_kinds(context, *statement, out);
    check_refused_privileges(context, *statement, out);
    check_dependent_privileges(context, *statement, out);
    check_refused_partition_ddl(context, *statement, out);
    check_partitioned_constraints(context, *statement, out);
    check_exclusion_operators(context, *statement, out);
    check_create_collation(context, *statement, out);
    check_refused_parameters(context, *statement, out);
    check_cluster_without_index(context, *statement, out);
    if (node.is("CreateTableAsStmt")) {
      check_unpopulated_read(context, *statement,
                             node.str("objtype") == "OBJECT_MATVIEW"
                                 ? "CREATE MATERIALIZED VIEW ... AS (WITH DATA)"
                                 : "CREATE TABLE ... AS",
                             out);
    }
    if (node.is("SelectStmt") && node.has("intoClause")) {
      check_unpopulated_read(context, *statement, "SELECT ... INTO", out);
    }
    check_extension_update(context, *statement, out);
    check_json_constants(context, *statement, out);
    check_enum_defaults(context, *statement, out);
    check_publication_drop(context, *statement, out);
    if (node.is("IndexStmt") && !node.list("options").empty()) {
      std::string_view name = node.str("accessMethod");
      std::string index = node.has("idxname") ? std::string(node.str("idxname")) : "the index";
      const AccessMethod* method = access_method(name.empty() ? k_btree : name);
      if (method == nullptr) continue;
      if (auto refusal = storage_options(node.list("options"), method,
                                         "CREATE INDEX " + index + " ... WITH (...)", index,
                                         Written{context.file, *statement})) {
        report(statement->range, *refusal, out);
      }
    }
    // A partitioned table takes no storage parameter at all: partitioned-table-options says so.
    if (node.is("CreateStmt") && !node.list("options").empty() && !node.has("partspec")) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      std::string table = lint::sql_name(relation.schema, relation.name);
      if (auto refusal = table_storage(node.list("options"), TableOptions::create,
                                       Written{context.file, *statement},
                                       "CREATE TABLE " + table + " ... WITH (...)")) {
        report(statement->range, *refusal, out);
      }
    }
    if (node.is("ViewStmt") && !node.list("options").empty()) {
      lint::RelationName relation = lint::relation_name(node.get("view"));
      if (auto refusal = view_options(node.list("options"), Written{context.file, *statement})) {
        report(
            statement->range,
            Refusal{"CREATE VIEW " + lint::sql_name(relation.schema, relation.name) + " WITH (...)",
                    refusal->why, refusal->message, refusal->help},
            out);
      }
    }
    if (node.is("CreateTableAsStmt") && !node.get("into").list("options").empty()) {
      lint::RelationName relation = lint::relation_name(node.get("into").get("rel"));
      std::string table = lint::sql_name(relation.schema, relation.name);
      bool view = node.str("objtype") == "OBJECT_MATVIEW";
      if (auto refusal = table_storage(node.get("into").list("options"), TableOptions::create,
                                       Written{context.file, *statement},
                                       (view ? "CREATE MATERIALIZED VIEW " : "CREATE TABLE ") +
                                           table + " WITH (...) AS ...")) {
        report(statement->range, *refusal, out);
      }
    }
    if (node.is("CreateStmt")) {
      if (auto column = create_table_compression(context, *statement)) {
        report(statement->range, *column, out);
      }
    }
    if (node.is("CreateStmt") && node.has("partbound") && node.list("inhRelations").size() == 1) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      lint::RelationName parent = lint::relation_name(node.list("inhRelations")[0]);
      // IF NOT EXISTS of a table there already: PostgreSQL skips it before reading the bound.
      if (lint::find_as_written(context, *statement, lint::ObjectKind::table, relation.schema,
                                relation.name) != lint::k_no_object) {
        continue;
      }
      std::string what = "CREATE TABLE " + lint::sql_name(relation.schema, relation.name) +
                         " PARTITION OF " + lint::sql_name(parent.schema, parent.name);
      auto refusal =
          partition_bound(context, *statement, parent, relation, node.get("partbound"), what, true);
      if (!refusal) {
        refusal = partition_bound(context, *statement, parent, relation, node.get("partbound"),
                                  what, false);
      }
      if (refusal) report(statement->range, *refusal, out);
    }
    if (node.is("ClusterStmt") && node.has("relation") && node.has("indexname")) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      std::string index(node.str("indexname"));
      if (auto refusal = cluster_on(
              context, *statement,
              "CLUSTER " + lint::sql_name(relation.schema, relation.name) + " USING " + index,
              index)) {
        report(statement->range, *refusal, out);
      }
    }
    if (node.is("CreateSeqStmt") || node.is("AlterSeqStmt")) {
      if (auto refusal = sequence_range(context, *statement)) {
        report(statement->range, *refusal, out);
      } else if (auto refusal = owned_by(context, *statement)) {
        report(statement->range, *refusal, out);
      }
    }
    if (node.is("CreateStatsStmt")) {
      if (auto refusal = statistics(node)) report(statement->range, *refusal, out);
    }
    if (node.is("AlterDomainStmt")) {
      if (auto refusal = domain_in_composite(context, *statement);
          refusal && !lint::conditional(*statement, lint::condition::feature_not_supported)) {
        report(statement->range, *refusal, out);
      }
    }
    if (node.is("CreatePublicationStmt") || node.is("AlterPublicationStmt")) {
      auto refusal = publication_for_all_tables(context, *statement);
      if (!refusal) refusal = publication_column_list(context, *statement);
      if (!refusal) refusal = publication_row_filter(context, *statement);
      if (refusal) report(statement->range, *refusal, out);
    }
  }
}

}  // namespace

lint::Rule invalid_ddl() {
  return {
      .info = {.id = "invalid-ddl",
               .category = lint::Category::safety,
               .severity = lint::Severity::error,
               .summary = "DDL that PostgreSQL refuses on its first run, as the migrations "
                          "before left the schema: SET LOGGED of a table that references an "
                          "unlogged one, INHERIT or ATTACH PARTITION of a table whose "
                          "columns differ from its parent's, "
                          "CREATE STATISTICS on one column, fillfactor on a GIN index, CLUSTER "
                          "ON a GIN index, a partition bound that overlaps another partition's, "
                          "a sequence's START above its MAXVALUE, ALTER TABLE of a table with "
                          "pending trigger events"},
      .check_file = check};
}

}  // namespace sqlgate::rules
