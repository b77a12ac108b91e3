// partitioned-table-options: storage parameters and CLUSTER ON given to a partitioned table,
// which has no storage of its own: PostgreSQL refuses them ("unrecognized parameter", "cannot mark
// index clustered in partitioned table"). They belong on the partitions.
#include <string>

#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/sql.h"
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
    std::optional<std::string> table;
    bool asked = false;
    std::size_t i = 0;
    for (lint::Node command : node.list("cmds")) {
      std::size_t at = i++;
      std::string_view subtype = command.str("subtype");
      if (subtype != "AT_SetRelOptions" && subtype != "AT_ClusterOn") continue;
      if (!asked) {
        table = partitioned_table_altered(context, *statement);
        asked = true;
      }
      if (!table) break;
      lint::TextRange range = lint::alter_command_range(context.file, *statement, at);
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
                   .summary = "Storage parameters or CLUSTER ON for a partitioned table, which "
                              "PostgreSQL refuses"},
          .check_file = check};
}

}  // namespace sqlgate::rules
