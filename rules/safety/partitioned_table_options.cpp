// partitioned-table-options: storage parameters and CLUSTER ON given to a partitioned table,
// which has no storage of its own: PostgreSQL refuses them ("unrecognized parameter", "cannot mark
// index clustered in partitioned table"), and ALTER INDEX ... SET or RESET of a partitioned
// index ("This operation is not supported for partitioned indexes."). They belong on the
// partitions.
#include <string>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/sql.h"
#include "lint/table_state.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

constexpr std::string_view k_help =
    "set it on each partition instead (ALTER TABLE <partition> SET (...)), and in the CREATE "
    "TABLE ... PARTITION OF of the partitions to come";

// The name of the first storage parameter a SET (...) gives.
std::string first_option(const lint::Node& options) {
  lint::NodeList items = options.is("List") ? options.list("items") : options.items();
  return items.empty() ? std::string() : std::string(items[0].str("defname"));
}

// The partitioned table whose index an ALTER INDEX names (a partitioned index: CREATE INDEX on
// a partitioned table, ON ONLY too, or its primary key's or unique constraint's): as the catalog
// replay knows it, else as CREATE INDEX and CREATE TABLE ... PARTITION BY earlier in the file
// made them.
std::optional<std::string> partitioned_index_of(const lint::FileContext& context,
                                                const lint::Statement& statement) {
  auto index = lint::QualifiedName::of(lint::relation_name(statement.node.get("relation")));
  if (const lint::Catalog* catalog = context.project.catalog();
      catalog != nullptr && catalog->replay(context.index).replayed) {
    lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::index,
                                              index.schema, index.name);
    if (id == lint::k_no_object) return std::nullopt;
    lint::Tick at = catalog->before_statement(context.index, *context.file.ordinal(statement));
    for (const lint::DependencyEdge& edge : catalog->object(id).depends_on) {
      const lint::CatalogObject& table = catalog->object(edge.object);
      if (!edge.automatic || !lint::is_relation(table.kind())) continue;
      if (!table.partitioned) return std::nullopt;
      const lint::ObjectRef& ref = table.ref_at(at);
      return lint::sql_name(ref.schema, ref.name);
    }
    return std::nullopt;
  }
  std::optional<std::string> made;
  for (const lint::Statement* earlier : context.file.all_statements()) {
    if (earlier == &statement) break;
    if (!earlier->node.is("IndexStmt") || lint::truncate_identifier(earlier->node.str("idxname")) !=
                                              lint::truncate_identifier(index.name)) {
      continue;
    }
    made = partitioned_in_file(
        context, *earlier,
        lint::QualifiedName::of(lint::relation_name(earlier->node.get("relation"))));
  }
  return made;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    const lint::Node& node = statement->node;
    if (node.is("CreateStmt") && node.has("partspec") && !node.list("options").empty()) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      std::string table = lint::sql_name(relation.schema, relation.name);
      out.report(statement->range,
                 "CREATE TABLE " + table + " ... PARTITION BY ... WITH (" +
                     std::string(node.list("options")[0].str("defname")) +
                     " ...) fails: a partitioned table has no storage of its own, and PostgreSQL "
                     "takes no storage parameter for it (\"unrecognized parameter\")",
                 std::string(k_help));
      continue;
    }
    if (!node.is("AlterTableStmt")) continue;
    // ALTER INDEX of a partitioned index takes no SET or RESET; ALTER TABLE of a partitioned
    // table no SET or CLUSTER ON.
    bool index = node.str("objtype") == "OBJECT_INDEX";
    std::optional<std::string> table;
    bool asked = false;
    std::size_t i = 0;
    for (lint::Node command : node.list("cmds")) {
      std::size_t at = i++;
      std::string_view subtype = command.str("subtype");
      bool options = subtype == "AT_SetRelOptions" || (index && subtype == "AT_ResetRelOptions");
      if (!options && (index || subtype != "AT_ClusterOn")) continue;
      if (!asked) {
        table = index ? partitioned_index_of(context, *statement)
                      : partitioned_table_altered(context, *statement);
        asked = true;
      }
      if (!table) break;
      lint::TextRange range = lint::alter_command_range(context.file, *statement, at);
      if (index) {
        std::string action = subtype == "AT_SetRelOptions" ? "SET" : "RESET";
        std::string name(node.get("relation").str("relname"));
        out.report(range,
                   "ALTER INDEX " + name + " " + action + " (" + first_option(command.get("def")) +
                       " ...) fails: " + name + " is an index of partitioned table " + *table +
                       ", which has no storage of its own (each partition's index has), and "
                       "PostgreSQL refuses it (\"ALTER action " +
                       action + " cannot be performed on relation \"" + name +
                       "\"\": \"This operation is not supported for partitioned indexes.\")",
                   "set it on the index of each partition instead (ALTER INDEX <partition's "
                   "index> SET (...)); CREATE INDEX ... WITH (...) on the partitioned table "
                   "gives it to the partitions' indexes it makes");
        break;  // the first refused command fails the statement
      }
      if (subtype == "AT_ClusterOn") {
        out.report(range,
                   "CLUSTER ON of partitioned table " + *table +
                       " fails: PostgreSQL clusters partitions, not the partitioned table "
                       "(\"cannot mark index clustered in partitioned table\")",
                   "mark the index of each partition: ALTER TABLE <partition> CLUSTER ON "
                   "<its index>");
      } else {
        out.report(range,
                   "SET (" + first_option(command.get("def")) + " ...) on partitioned table " +
                       *table +
                       " fails: a partitioned table has no storage of its own, and PostgreSQL "
                       "takes no storage parameter for it (\"unrecognized parameter\")",
                   std::string(k_help));
      }
    }
  }
}

}  // namespace

lint::Rule partitioned_table_options() {
  return {.info = {.id = "partitioned-table-options",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "Storage parameters or CLUSTER ON for a partitioned table, or "
                              "storage parameters for a partitioned index, which PostgreSQL "
                              "refuses"},
          .check_file = check};
}

}  // namespace sqlgate::rules
