// invalid-ddl: a foreign key added to a partitioned table with ONLY, or NOT VALID; an exclusion
// constraint on a partitioned table. PostgreSQL 15 checks ONLY first, then NOT VALID, whether
// the table has partitions or not; a partition (a plain table) takes either, and an exclusion
// constraint too. Each message is PostgreSQL 15's.
#include "rules/safety/partitioned_constraints.h"

#include <optional>
#include <string>
#include <string_view>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// The foreign key constraints a command of ALTER TABLE adds: ADD CONSTRAINT ... FOREIGN KEY, or
// a column's REFERENCES in ADD COLUMN.
std::optional<Node> added_foreign_key(const Node& command) {
  std::string_view subtype = command.str("subtype");
  Node def = command.get("def");
  if (subtype == "AT_AddConstraint" && def.str("contype") == "CONSTR_FOREIGN") return def;
  if (subtype == "AT_AddColumn") {
    for (Node constraint : def.list("constraints")) {
      if (constraint.str("contype") == "CONSTR_FOREIGN") return constraint;
    }
  }
  return std::nullopt;
}

constexpr std::string_view k_exclusion_refused =
    "exclusion constraints are not supported on partitioned tables";
constexpr std::string_view k_exclusion_help =
    "add the exclusion constraint to each partition instead (each then holds it among its own "
    "rows), or leave the table unpartitioned: PostgreSQL takes exclusion constraints on "
    "partitioned tables from version 17 on";

bool is_exclusion(const Node& constraint) {
  return constraint.is("Constraint") && constraint.str("contype") == "CONSTR_EXCLUSION";
}

// CREATE TABLE ... (..., EXCLUDE ...) PARTITION BY: refused whenever it runs (a guard that
// tests whether the table or constraint exists lets it run on a fresh database), unless IF NOT
// EXISTS finds the table there already.
void check_create(const lint::FileContext& context, const lint::Statement& statement,
                  lint::Reporter& out) {
  const Node& node = statement.node;
  if (!node.has("partspec")) return;
  Node exclusion;
  for (Node element : node.list("tableElts")) {
    if (is_exclusion(element)) {
      exclusion = element;
      break;
    }
  }
  if (!exclusion.valid() || context.pg_version() >= 17 ||
      lint::conditional(statement, lint::condition::feature_not_supported, false)) {
    return;
  }
  lint::RelationName written = lint::relation_name(node.get("relation"));
  if (node.flag("if_not_exists") &&
      lint::find_as_written(context, statement, lint::ObjectKind::table, written.schema,
                            written.name) != lint::k_no_object) {
    return;
  }
  std::string sql = lint::sql_name(written.schema, written.name);
  std::string constraint =
      exclusion.has("conname") ? " (" + std::string(exclusion.str("conname")) + ")" : "";
  out.report(statement.range,
             "CREATE TABLE " + sql + " ... PARTITION BY fails whenever it runs: it has an " +
                 "exclusion constraint" + constraint +
                 ", which a partitioned table cannot have before PostgreSQL 17, and PostgreSQL "
                 "refuses it (\"" +
                 std::string(k_exclusion_refused) + "\")",
             std::string(k_exclusion_help));
}

}  // namespace

void check_partitioned_constraints(const lint::FileContext& context,
                                   const lint::Statement& statement, lint::Reporter& out) {
  const Node& node = statement.node;
  if (node.is("CreateStmt")) check_create(context, statement, out);
  if (!node.is("AlterTableStmt") || node.str("objtype") != "OBJECT_TABLE") return;
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                            written.schema, written.name);
  if (id == lint::k_no_object) return;
  const lint::CatalogObject& table = context.project.catalog()->object(id);
  if (!table.partitioned) return;
  std::string name = table.ref_at(*tick).name;
  std::string sql = lint::sql_name(written.schema, written.name);
  std::string is = "table " + name + " (made by " +
                   context.project.source(table.created.file).display +
                   ") is partitioned (PARTITION BY)";
  bool only = !node.get("relation").flag("inh");
  std::size_t i = 0;
  for (Node command : node.list("cmds")) {
    std::size_t at = i++;
    if (command.str("subtype") == "AT_AddConstraint" && is_exclusion(command.get("def"))) {
      if (context.pg_version() >= 17 ||
          lint::conditional(statement, lint::condition::feature_not_supported, false)) {
        return;
      }
      out.report(lint::alter_command_range(context.file, statement, at),
                 "ALTER TABLE " + std::string(only ? "ONLY " : "") + sql +
                     " ADD ... EXCLUDE fails whenever it runs: " + is +
                     ", and PostgreSQL refuses it (\"" + std::string(k_exclusion_refused) + "\")",
                 std::string(k_exclusion_help));
      return;
    }
    auto constraint = added_foreign_key(command);
    if (!constraint) continue;
    if (lint::conditional(statement, lint::condition::wrong_object_type)) return;
    lint::RelationName target = lint::relation_name(constraint->get("pktable"));
    std::string referenced = lint::truncate_identifier(target.name);
    std::string what = "ALTER TABLE ";
    if (only) what += "ONLY ";
    what += sql + " ADD ";
    std::string message;
    std::string help;
    if (only) {
      what += "FOREIGN KEY";
      message = "cannot use ONLY for foreign key on partitioned table \"";
      help = "leave ONLY out (ALTER TABLE " + sql +
             " ADD ... FOREIGN KEY ...): a foreign key of a partitioned table is on all its "
             "partitions";
    } else if (constraint->flag("skip_validation")) {
      what += "FOREIGN KEY ... NOT VALID";
      message = "cannot add NOT VALID foreign key on partitioned table \"";
      help =
          "add it without NOT VALID, or add it NOT VALID to each partition (a plain table) "
          "and VALIDATE it there: PostgreSQL 15 cannot add a NOT VALID foreign key to a "
          "partitioned table";
    } else {
      continue;
    }
    message += name;
    message += "\" referencing relation \"";
    message += referenced;
    message += "\"";
    out.report(lint::alter_command_range(context.file, statement, at),
               what + " fails on its first run: " + is + ", and PostgreSQL refuses it (\"" +
                   message + "\")",
               help);
    return;  // the first refused command fails the statement
  }
}

}  // namespace sqlgate::rules
