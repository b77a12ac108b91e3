// invalid-ddl: ALTER TABLE commands PostgreSQL refuses for what a table is as a partition, as the
// migrations before left it. Each message is PostgreSQL 15's.
#include "rules/safety/refused_partition_ddl.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/safety/identity.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct Refused {
  std::string what;
  std::string why;
  std::string message;  // PostgreSQL's
  std::string help;
  lint::Condition error;
};

constexpr lint::Condition k_invalid_definition{"invalid_table_definition", "42P16"};
constexpr lint::Condition k_wrong_object_type{"wrong_object_type", "42809"};

// Whether an ALTER TABLE of `parent` detaches the table named `name` from it (DETACH PARTITION,
// CONCURRENTLY or not). FINALIZE does not count: on a fresh database it never runs.
bool detaches(const Node& statement, const Node& command, const std::string& parent,
              const std::string& name) {
  if (command.str("subtype") != "AT_DetachPartition") return false;
  return lint::truncate_identifier(lint::relation_name(statement.get("relation")).name) == parent &&
         lint::truncate_identifier(lint::relation_name(command.get("def").get("name")).name) ==
             name;
}

}  // namespace

// The partitioned table `table` is a partition of just before the tick, as its CREATE TABLE ...
// PARTITION OF and each ATTACH and DETACH PARTITION since left it (a DETACH
// from another table fails, and changes nothing): k_no_object when it is none;
// nothing when the migrations do not tell (another statement made the table).
std::optional<lint::ObjectId> partition_parent(const lint::Project& project,
                                               const lint::Catalog& catalog, lint::ObjectId table,
                                               lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(table);
  if (object.kind() != lint::ObjectKind::table) return std::nullopt;
  const lint::Statement* made = lint::statement_at(project, object.created);
  if (made == nullptr || !(made->node.is("CreateStmt") || made->node.is("CreateTableAsStmt"))) {
    return std::nullopt;
  }
  // Made PARTITION OF it, or attached to it: the latest.
  lint::ObjectId parent = lint::k_no_object;
  lint::Tick since = 0;
  for (const lint::DependencyEdge& edge : object.depends_on) {
    if (!edge.automatic || !edge.alive_at(tick)) continue;
    const lint::CatalogObject& target = catalog.object(edge.object);
    if (target.kind() != lint::ObjectKind::table || !target.partitioned || !target.alive_at(tick)) {
      continue;
    }
    if (parent == lint::k_no_object || edge.from >= since) {
      parent = edge.object;
      since = edge.from;
    }
  }
  if (parent == lint::k_no_object) return parent;
  for (const lint::Origin& origin : object.changed) {
    if (origin.tick >= tick || origin.tick <= since) continue;
    const lint::Statement* changed = lint::statement_at(project, origin);
    if (changed == nullptr) return std::nullopt;
    if (!changed->node.is("AlterTableStmt")) continue;
    for (Node command : changed->node.list("cmds")) {
      if (detaches(changed->node, command, catalog.object(parent).ref_at(origin.tick).name,
                   object.ref_at(origin.tick).name)) {
        return lint::k_no_object;
      }
    }
  }
  return parent;
}

namespace {

// The table and its partition parents up to the partitioned table at the top (at most 32 levels);
// empty when the migrations do not tell.
std::vector<lint::ObjectId> ancestry(const lint::Project& project, const lint::Catalog& catalog,
                                     lint::ObjectId table, lint::Tick tick) {
  std::vector<lint::ObjectId> chain{table};
  while (chain.size() < 32) {
    auto parent = partition_parent(project, catalog, chain.back(), tick);
    if (!parent) return {};
    if (*parent == lint::k_no_object) return chain;
    chain.push_back(*parent);
  }
  return {};
}

class PartitionDdl {
 public:
  PartitionDdl(const lint::FileContext& context, const lint::Statement& statement, lint::Tick tick)
      : m_context(context),
        m_statement(statement),
        m_catalog(*context.project.catalog()),
        m_tick(tick) {}

  // The table's name just before the statement.
  std::string name(lint::ObjectId id) const { return m_catalog.object(id).ref_at(m_tick).name; }
  // As SQL, schema-qualified outside public.
  std::string sql(lint::ObjectId id) const {
    const lint::ObjectRef& ref = m_catalog.object(id).ref_at(m_tick);
    return lint::sql_name(ref.schema == "public" ? std::string_view() : ref.schema, ref.name);
  }
  // The table the statement alters, as written.
  std::string written() const {
    lint::RelationName relation = lint::relation_name(m_statement.node.get("relation"));
    return lint::sql_name(relation.schema, relation.name);
  }
  std::string made(lint::ObjectId id) const {
    return name(id) + " (made by " +
           m_context.project.source(m_catalog.object(id).created.file).display + ")";
  }
  lint::ObjectId find(const lint::RelationName& written) const {
    return lint::find_as_written(m_context, m_statement, lint::ObjectKind::table, written.schema,
                                 written.name);
  }

  // ALTER TABLE p DETACH PARTITION c [CONCURRENTLY | FINALIZE].
  std::optional<Refused> detach(const Node& command) const {
    lint::RelationName written = lint::relation_name(m_statement.node.get("relation"));
    lint::RelationName partition_written = lint::relation_name(command.get("def").get("name"));
    lint::ObjectId table = find(written);
    lint::ObjectId partition = find(partition_written);
    if (table == lint::k_no_object || partition == lint::k_no_object ||
        !m_catalog.object(table).partitioned) {
      return std::nullopt;
    }
    auto parent = partition_parent(m_context.project, m_catalog, partition, m_tick);
    if (!parent) return std::nullopt;
    bool finalize = command.str("subtype") == "AT_DetachPartitionFinalize";
    std::string what = "ALTER TABLE " + lint::sql_name(written.schema, written.name) +
                       " DETACH PARTITION " +
                       lint::sql_name(partition_written.schema, partition_written.name);
    if (finalize) what += " FINALIZE";
    if (*parent == table) {
      if (!finalize) return std::nullopt;
      return Refused{what,
                     "no DETACH PARTITION ... CONCURRENTLY of " + name(partition) +
                         " is pending (FINALIZE only completes one that was cancelled or "
                         "interrupted, and on a fresh database none is)",
                     "cannot complete detaching partition \"" + name(partition) + "\"",
                     "detach it with ALTER TABLE " + sql(table) + " DETACH PARTITION " +
                         sql(partition) +
                         " (CONCURRENTLY, in a migration without a transaction, to take a "
                         "lighter lock); FINALIZE is for repairing a database by hand",
                     {"object_not_in_prerequisite_state", "55000"}};
    }
    std::string why;
    std::string help;
    if (*parent == lint::k_no_object) {
      why = made(partition) + " is not a partition of any table";
      help = "leave the DETACH out: " + name(partition) + " is not attached to " + name(table);
    } else {
      why = made(partition) + " is a partition of " + name(*parent);
      std::vector<lint::ObjectId> chain = ancestry(m_context.project, m_catalog, *parent, m_tick);
      for (std::size_t i = 1; i < chain.size(); ++i) {
        why += ", which is a partition of " + name(chain[i]);
      }
      help = "detach it from its own parent: ALTER TABLE " + sql(*parent) + " DETACH PARTITION " +
             sql(partition) + (finalize ? "" : ";");
      if (finalize) help += " (without FINALIZE)";
    }
    return Refused{what, why,
                   "relation \"" + name(partition) + "\" is not a partition of relation \"" +
                       name(table) + "\"",
                   help, lint::Condition{"undefined_table", "42P01"}};
  }

  // A column of the partitioned table at the top of the chain, as the migrations left it.
  bool inherited_column(const std::vector<lint::ObjectId>& chain, const std::string& column) const {
    lint::ObjectId root = chain.back();
    if (!lint::columns_known(m_context.project, m_catalog, root, m_tick)) return false;
    for (lint::ObjectId id : m_catalog.columns(m_catalog.object(root).ref_at(m_tick), m_tick)) {
      if (m_catalog.object(id).ref_at(m_tick).name == column) return true;
    }
    return false;
  }

  // The nearest parent with a CHECK constraint or foreign key of that name, which its partitions
  // take with the same name; k_no_object when none has.
  lint::ObjectId constraint_owner(const std::vector<lint::ObjectId>& chain,
                                  const std::string& constraint) const {
    for (std::size_t i = 1; i < chain.size(); ++i) {
      for (lint::ObjectId id :
           m_catalog.constraints(m_catalog.object(chain[i]).ref_at(m_tick), m_tick)) {
        const lint::CatalogObject& object = m_catalog.object(id);
        if ((object.contype == 'c' || object.contype == 'f') &&
            object.ref_at(m_tick).name == constraint) {
          return chain[i];
        }
      }
    }
    return lint::k_no_object;
  }

  // A command of ALTER TABLE c, c a partition (chain: c, its parent, ..., the top table).
  std::optional<Refused> on_partition(const Node& command,
                                      const std::vector<lint::ObjectId>& chain) const {
    lint::ObjectId partition = chain.front();
    std::string table = written();
    std::string root = sql(chain.back());
    std::string is = made(partition) + " is a partition of " + name(chain[1]);
    std::string_view subtype = command.str("subtype");
    std::string column = lint::truncate_identifier(command.str("name"));
    std::string ident = lint::sql_identifier(column);
    if (subtype == "AT_AddColumn") {
      std::string added = lint::truncate_identifier(command.get("def").str("colname"));
      return Refused{"ALTER TABLE " + table + " ADD COLUMN " + lint::sql_identifier(added), is,
                     "cannot add column to a partition",
                     "a partition has exactly its partitioned table's columns: add the column to " +
                         root + " (ALTER TABLE " + root + " ADD COLUMN ...), which adds it to " +
                         "every partition",
                     k_wrong_object_type};
    }
    if (subtype == "AT_AddInherit" || subtype == "AT_DropInherit") {
      return Refused{
          "ALTER TABLE " + table + (subtype == "AT_AddInherit" ? " INHERIT " : " NO INHERIT ") +
              lint::sql_name(lint::relation_name(command.get("def")).schema,
                             lint::relation_name(command.get("def")).name),
          is, "cannot change inheritance of a partition",
          "detach it first (ALTER TABLE " + sql(chain[1]) + " DETACH PARTITION " + table + ")",
          k_wrong_object_type};
    }
    if ((subtype == "AT_DropColumn" || subtype == "AT_AlterColumnType") &&
        inherited_column(chain, column)) {
      bool drop = subtype == "AT_DropColumn";
      return Refused{
          "ALTER TABLE " + table + (drop ? " DROP COLUMN " : " ALTER COLUMN ") + ident +
              (drop ? "" : " TYPE ..."),
          is + ", whose column " + column + " it inherits",
          (drop ? "cannot drop inherited column \"" : "cannot alter inherited column \"") + column +
              "\"",
          (drop ? "drop the column from " : "change its type in ") + root + " (ALTER TABLE " +
              root + (drop ? " DROP COLUMN " : " ALTER COLUMN ") + ident +
              (drop ? "), which drops it from every partition"
                    : " TYPE ...), which changes it in every partition"),
          k_invalid_definition};
    }
    if (subtype == "AT_DropNotNull" && inherited_column(chain, column)) {
      lint::ObjectId top = chain.back();
      const lint::ObjectRef& ref = m_catalog.object(top).ref_at(m_tick);
      auto shape = column_shape(m_context, m_statement, {ref.schema, ref.name}, column);
      if (!shape || shape->not_null != true) return std::nullopt;
      return Refused{"ALTER TABLE " + table + " ALTER COLUMN " + ident + " DROP NOT NULL",
                     is + ", and column " + column + " is NOT NULL in " + name(top),
                     "column \"" + column + "\" is marked NOT NULL in parent table",
                     "a partition keeps its parent's NOT NULL: drop it in " + root +
                         " (ALTER TABLE " + root + " ALTER COLUMN " + ident +
                         " DROP NOT NULL), which drops it in every partition, or keep it",
                     k_invalid_definition};
    }
    if (subtype == "AT_DropConstraint") {
      lint::ObjectId owner = constraint_owner(chain, column);
      if (owner == lint::k_no_object) return std::nullopt;
      return Refused{"ALTER TABLE " + table + " DROP CONSTRAINT " + ident,
                     is + ", which takes constraint " + column + " from " + made(owner),
                     "cannot drop inherited constraint \"" + column + "\" of relation \"" +
                         name(partition) + "\"",
                     "drop it from " + sql(owner) + " (ALTER TABLE " + sql(owner) +
                         " DROP CONSTRAINT " + ident + "), which drops it from every partition",
                     k_invalid_definition};
    }
    return std::nullopt;
  }

  // Inheriting from `parent` (CREATE TABLE ... INHERITS, ALTER TABLE ... INHERIT): PostgreSQL
  // refuses a partitioned table and a partition as a parent of inheritance.
  std::optional<Refused> inherit_from(const lint::RelationName& parent, const std::string& what,
                                      bool create) const {
    lint::ObjectId id = find(parent);
    if (id == lint::k_no_object) return std::nullopt;
    if (m_catalog.object(id).partitioned) {
      return Refused{what, made(id) + " is partitioned (PARTITION BY)",
                     "cannot inherit from partitioned table \"" + name(id) + "\"",
                     "make the table a partition of it instead (CREATE TABLE ... PARTITION OF " +
                         sql(id) + " FOR VALUES ..., or ALTER TABLE " + sql(id) +
                         " ATTACH PARTITION ...)",
                     k_wrong_object_type};
    }
    auto of = partition_parent(m_context.project, m_catalog, id, m_tick);
    if (!of || *of == lint::k_no_object) return std::nullopt;
    return Refused{what, made(id) + " is a partition of " + name(*of),
                   create ? "cannot inherit from partition \"" + name(id) + "\""
                          : std::string("cannot inherit from a partition"),
                   "a partition cannot be a parent of inheritance: inherit from a table that is "
                   "not partitioned, or make the table a partition of " +
                       sql(*of),
                   k_wrong_object_type};
  }

  // ALTER TABLE c RENAME COLUMN a TO b, c a partition.
  std::optional<Refused> rename(const std::vector<lint::ObjectId>& chain) const {
    std::string column = lint::truncate_identifier(m_statement.node.str("subname"));
    if (!inherited_column(chain, column)) return std::nullopt;
    std::string root = sql(chain.back());
    std::string ident = lint::sql_identifier(column);
    std::string to = lint::sql_identifier(m_statement.node.str("newname"));
    return Refused{"ALTER TABLE " + written() + " RENAME COLUMN " + ident + " TO " + to,
                   made(chain.front()) + " is a partition of " + name(chain[1]) +
                       ", whose column " + column + " it inherits",
                   "cannot rename inherited column \"" + column + "\"",
                   "rename it in " + root + " (ALTER TABLE " + root + " RENAME COLUMN " + ident +
                       " TO " + to + "), which renames it in every partition",
                   k_invalid_definition};
  }

 private:
  const lint::FileContext& m_context;
  const lint::Statement& m_statement;
  const lint::Catalog& m_catalog;
  lint::Tick m_tick;
};

// ALTER COLUMN ... TYPE or DROP COLUMN of a column of the partitioned table's partition key:
// PostgreSQL keeps a partitioned table's key as it was made, whatever the new type.
std::optional<Refused> key_column(const lint::FileContext& context,
                                  const lint::Statement& statement, const Node& command) {
  std::string_view subtype = command.str("subtype");
  if (subtype != "AT_DropColumn" && subtype != "AT_AlterColumnType") return std::nullopt;
  std::string column = lint::truncate_identifier(command.str("name"));
  auto table = partition_key_table(context, statement, column);
  if (!table) return std::nullopt;
  bool drop = subtype == "AT_DropColumn";
  std::string ident = lint::sql_identifier(column);
  lint::RelationName written = lint::relation_name(statement.node.get("relation"));
  return Refused{
      "ALTER TABLE " + lint::sql_name(written.schema, written.name) +
          (drop ? " DROP COLUMN " : " ALTER COLUMN ") + ident + (drop ? "" : " TYPE ..."),
      "column " + column + " is part of the partition key of " + *table + " (PARTITION BY)",
      std::string(drop ? "cannot drop" : "cannot alter") + " column \"" + column +
          "\" because it is part of the partition key of relation \"" + *table + "\"",
      std::string(drop ? "a partitioned table keeps its partition key's columns"
                       : "a partition key column keeps its type") +
          ": create a new table partitioned " +
          (drop ? "by other columns" : "by a column of the new type") +
          ", copy the rows into it, then drop the old table and rename the new one",
      k_invalid_definition};
}

void report(const lint::Statement& statement, const lint::TextRange& range, const Refused& refused,
            lint::Reporter& out) {
  if (lint::conditional(statement, refused.error)) return;
  out.report(range,
             refused.what + " fails on its first run: " + refused.why +
                 ", and PostgreSQL refuses it (\"" + refused.message + "\")",
             refused.help);
}

}  // namespace

void check_refused_partition_ddl(const lint::FileContext& context, const lint::Statement& statement,
                                 lint::Reporter& out) {
  const Node& node = statement.node;
  bool alter = node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TABLE";
  bool create =
      node.is("CreateStmt") && !node.has("partbound") && !node.list("inhRelations").empty();
  bool rename = node.is("RenameStmt") && node.str("renameType") == "OBJECT_COLUMN" &&
                node.str("relationType") == "OBJECT_TABLE";
  if (!alter && !rename && !create) return;
  auto tick = lint::tick_before(context, statement);
  if (!tick) {
    // A down: only a partition key's column is judged (the replay knows the key there too).
    if (!alter) return;
    std::size_t i = 0;
    for (Node command : node.list("cmds")) {
      std::size_t at = i++;
      if (auto refused = key_column(context, statement, command)) {
        report(statement, lint::alter_command_range(context.file, statement, at), *refused, out);
        return;
      }
    }
    return;
  }
  PartitionDdl ddl(context, statement, *tick);
  lint::ObjectId table = ddl.find(lint::relation_name(node.get("relation")));
  std::vector<lint::ObjectId> chain;
  if (table != lint::k_no_object) {
    chain = ancestry(context.project, *context.project.catalog(), table, *tick);
  }
  if (create) {
    if (table != lint::k_no_object) return;  // IF NOT EXISTS of a table there: skipped
    for (Node parent : node.list("inhRelations")) {
      lint::RelationName written = lint::relation_name(parent);
      if (auto refused = ddl.inherit_from(written,
                                          "CREATE TABLE " + ddl.written() + " ... INHERITS (" +
                                              lint::sql_name(written.schema, written.name) + ")",
                                          true)) {
        report(statement, statement.range, *refused, out);
        return;
      }
    }
    return;
  }
  if (rename) {
    if (chain.size() < 2) return;
    if (auto refused = ddl.rename(chain)) report(statement, statement.range, *refused, out);
    return;
  }
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    std::string_view subtype = command.str("subtype");
    std::optional<Refused> refused;
    if (subtype == "AT_DetachPartition" || subtype == "AT_DetachPartitionFinalize") {
      refused = ddl.detach(command);
    } else if (chain.size() >= 2) {
      refused = ddl.on_partition(command, chain);
    } else if (auto key = key_column(context, statement, command)) {
      refused = std::move(key);
    } else if (subtype == "AT_AddInherit") {
      lint::RelationName parent = lint::relation_name(command.get("def"));
      refused = ddl.inherit_from(
          parent,
          "ALTER TABLE " + ddl.written() + " INHERIT " + lint::sql_name(parent.schema, parent.name),
          false);
    }
    if (!refused) continue;
    report(statement, lint::alter_command_range(context.file, statement, at), *refused, out);
    return;  // the first refused command fails the statement
  }
}

}  // namespace sqlgate::rules
