// invalid-trigger: CREATE TRIGGER that PostgreSQL refuses whatever the data, checked in its order:
// the relation's kind first (INSTEAD OF on a table, a row trigger with transition tables on a
// partitioned table, row BEFORE/AFTER or TRUNCATE on a view, a materialized view, a sequence, an
// index); TRUNCATE FOR EACH ROW; INSTEAD OF FOR EACH STATEMENT, with WHEN or columns; each
// transition table (ROW variables, on a view or foreign table, a row trigger on a partition or
// inheritance child, a timing other than AFTER, TRUNCATE, more than one event, a column list, an
// event that has no such table, twice); the same name for OLD and NEW TABLE; a WHEN that reads rows
// a statement trigger or the event does not have. CREATE EVENT TRIGGER of an event PostgreSQL
// does not have, a filter variable other than TAG, or a tag it does not know or does not fire
// event triggers for. Each message is PostgreSQL 15's. Also a trigger PostgreSQL accepts whose
// every row fails: tsvector_update_trigger() with a configuration named without its schema.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// pg_trigger's tgtype bits, as CreateTrigStmt's timing and events hold them (BEFORE, 1 << 1,
// is not read).
constexpr std::int64_t k_insert = 1 << 2;
constexpr std::int64_t k_delete = 1 << 3;
constexpr std::int64_t k_update = 1 << 4;
constexpr std::int64_t k_truncate = 1 << 5;
constexpr std::int64_t k_instead = 1 << 6;

// Whether the WHEN clause reads NEW (or OLD) values.
bool reads(const Node& when, std::string_view row) {
  bool found = false;
  lint::walk(when, [&](const Node& node) {
    if (found) return false;
    if (!node.is("ColumnRef")) return true;
    lint::NodeList fields = node.list("fields");
    if (fields.size() >= 2 && fields[0].as_str() == row) found = true;
    return !found;
  });
  return found;
}

struct Refusal {
  std::string why;  // PostgreSQL's message
  std::string help;
};

constexpr const char* k_one_event =
    "write one trigger per event, each with the transition tables its event has (NEW TABLE for "
    "INSERT and UPDATE, OLD TABLE for DELETE and UPDATE)";

// What a migration made of the relation a trigger is on, before the statement; kind empty when
// no migration made it.
struct Target {
  std::optional<lint::ObjectKind> kind;
  std::string name;          // as the statement writes it
  bool partitioned = false;  // PARTITION BY
  bool partition = false;    // PARTITION OF, or attached and not detached since
  bool child = false;        // INHERITS, or INHERIT and not NO INHERIT since
};

// What PostgreSQL checks first, on the kind of relation (CreateTrigger's relkind tests).
std::optional<Refusal> relation_refusal(const Node& trigger, const Target& on) {
  if (!on.kind) return std::nullopt;
  std::int64_t timing = trigger.num("timing");
  bool instead = (timing & k_instead) != 0;
  bool row = trigger.flag("row");
  const std::string quoted = "\"" + on.name + "\"";
  switch (*on.kind) {
    case lint::ObjectKind::table:
      if (instead) {
        return Refusal{quoted + " is a table: tables cannot have INSTEAD OF triggers",
                       "use BEFORE ... FOR EACH ROW on a table"};
      }
      if (on.partitioned && row && !trigger.list("transitionRels").empty()) {
        return Refusal{quoted +
                           " is a partitioned table: ROW triggers with transition tables are not "
                           "supported on partitioned tables",
                       "make it FOR EACH STATEMENT: a statement trigger on the partitioned table "
                       "sees the rows of all its partitions in its transition tables"};
      }
      return std::nullopt;
    case lint::ObjectKind::view:
      if (!instead && row) {
        return Refusal{quoted + " is a view: views cannot have row-level BEFORE or AFTER triggers",
                       "use INSTEAD OF ... FOR EACH ROW on a view"};
      }
      if ((trigger.num("events") & k_truncate) != 0) {
        return Refusal{quoted + " is a view: views cannot have TRUNCATE triggers",
                       "put the TRUNCATE trigger on the tables the view reads"};
      }
      return std::nullopt;
    case lint::ObjectKind::foreign_table:
      if (instead) {
        return Refusal{
            quoted + " is a foreign table: foreign tables cannot have INSTEAD OF triggers",
            "use BEFORE ... FOR EACH ROW on a foreign table"};
      }
      if (trigger.flag("isconstraint")) {
        return Refusal{
            quoted + " is a foreign table: foreign tables cannot have constraint triggers",
            "make it a plain AFTER trigger (CREATE TRIGGER, without CONSTRAINT)"};
      }
      return std::nullopt;
    case lint::ObjectKind::materialized_view:
    case lint::ObjectKind::sequence: {
      bool view = *on.kind == lint::ObjectKind::materialized_view;
      return Refusal{"relation " + quoted + " cannot have triggers: this operation is not " +
                         "supported for " + (view ? "materialized views" : "sequences"),
                     "put the trigger on a table (or on a view, INSTEAD OF)"};
    }
    case lint::ObjectKind::index:
      return Refusal{quoted + " is an index", "put the trigger on the index's table"};
    default:
      return std::nullopt;
  }
}

// What PostgreSQL says of the trigger, in the order it checks (relation kind first, when a
// migration made the relation); nullopt when nothing.
std::optional<Refusal> refusal(const Node& trigger, const Target& on) {
  if (auto why = relation_refusal(trigger, on)) return why;
  std::int64_t timing = trigger.num("timing");
  std::int64_t events = trigger.num("events");
  bool row = trigger.flag("row");
  int count = 0;
  for (std::int64_t event : {k_insert, k_delete, k_update, k_truncate}) {
    if ((events & event) != 0) ++count;
  }
  if (row && (events & k_truncate) != 0) {
    return Refusal{"TRUNCATE FOR EACH ROW triggers are not supported",
                   "make it FOR EACH STATEMENT (TRUNCATE has no rows to fire for)"};
  }
  Node when = trigger.get("whenClause");
  if ((timing & k_instead) != 0) {
    if (!row) {
      return Refusal{"INSTEAD OF triggers must be FOR EACH ROW",
                     "make it FOR EACH ROW: an INSTEAD OF trigger does the work of each row"};
    }
    if (when.valid()) {
      return Refusal{"INSTEAD OF triggers cannot have WHEN conditions",
                     "test the condition in the trigger's function"};
    }
    if (!trigger.list("columns").empty()) {
      return Refusal{"INSTEAD OF triggers cannot have column lists",
                     "drop UPDATE OF ...: an INSTEAD OF trigger fires for every update"};
    }
  }
  lint::NodeList transitions = trigger.list("transitionRels");
  std::optional<std::string> new_table;
  std::optional<std::string> old_table;
  for (Node transition : transitions) {
    if (!transition.flag("isTable")) {
      return Refusal{"ROW variable naming in the REFERENCING clause is not supported",
                     "use OLD TABLE or NEW TABLE for naming transition tables; a row trigger's "
                     "function reads NEW and OLD"};
    }
    if (on.kind == lint::ObjectKind::foreign_table || on.kind == lint::ObjectKind::view) {
      bool view = on.kind == lint::ObjectKind::view;
      return Refusal{"\"" + on.name + "\" is a " + (view ? "view" : "foreign table") +
                         ": triggers on " + (view ? "views" : "foreign tables") +
                         " cannot have transition tables",
                     "drop the REFERENCING clause"};
    }
    if (row && (on.partition || on.child)) {
      return Refusal{std::string("ROW triggers with transition tables are not supported on ") +
                         (on.partition ? "partitions" : "inheritance children"),
                     on.partition
                         ? "put a FOR EACH STATEMENT trigger with the transition tables on the "
                           "partitioned table, or make this one FOR EACH STATEMENT"
                         : "make it FOR EACH STATEMENT"};
    }
    if (timing != 0) {
      return Refusal{"transition table name can only be specified for an AFTER trigger",
                     "make it an AFTER trigger"};
    }
    if ((events & k_truncate) != 0) {
      return Refusal{"TRUNCATE triggers with transition tables are not supported",
                     "leave TRUNCATE to a trigger of its own, without transition tables"};
    }
    if (count > 1) {
      return Refusal{"transition tables cannot be specified for triggers with more than one event",
                     k_one_event};
    }
    if (!trigger.list("columns").empty()) {
      return Refusal{"transition tables cannot be specified for triggers with column lists",
                     "drop UPDATE OF ...: compare the old and new rows in the function instead"};
    }
    bool is_new = transition.flag("isNew");
    std::string name(transition.str("name"));
    if (is_new && (events & (k_insert | k_update)) == 0) {
      return Refusal{"NEW TABLE can only be specified for an INSERT or UPDATE trigger",
                     k_one_event};
    }
    if (!is_new && (events & (k_delete | k_update)) == 0) {
      return Refusal{"OLD TABLE can only be specified for a DELETE or UPDATE trigger", k_one_event};
    }
    std::optional<std::string>& slot = is_new ? new_table : old_table;
    if (slot) {
      return Refusal{
          std::string(is_new ? "NEW" : "OLD") + " TABLE cannot be specified multiple times",
          "name one NEW TABLE and one OLD TABLE at most"};
    }
    slot = std::move(name);
  }
  if (new_table && old_table && *new_table == *old_table) {
    return Refusal{"OLD TABLE name and NEW TABLE name cannot be the same",
                   "give the old and the new rows' tables different names (OLD TABLE AS "
                   "old_rows NEW TABLE AS new_rows)"};
  }
  if (when.valid()) {
    if (!row && (reads(when, "new") || reads(when, "old"))) {
      return Refusal{"statement trigger's WHEN condition cannot reference column values",
                     "make it FOR EACH ROW, or test the rows in the function"};
    }
    if (count == 1 && (events & k_insert) != 0 && reads(when, "old")) {
      return Refusal{"INSERT trigger's WHEN condition cannot reference OLD values",
                     "an inserted row has no OLD: read NEW only"};
    }
    if (count == 1 && (events & k_delete) != 0 && reads(when, "new")) {
      return Refusal{"DELETE trigger's WHEN condition cannot reference NEW values",
                     "a deleted row has no NEW: read OLD only"};
    }
  }
  return std::nullopt;
}

// The command tags of PostgreSQL 15 (tcop/cmdtaglist.h), each tried on PostgreSQL 15 in
// CREATE EVENT TRIGGER ... WHEN TAG IN (...): those an event trigger may name, and those it
// refuses ("event triggers are not supported for VACUUM"). Any other text is no tag ("filter
// value "CREATE INDEX CONCURRENTLY" not recognized for filter variable "tag"").
constexpr std::string_view k_event_tags[] = {
    "ALTER ACCESS METHOD",
    "ALTER AGGREGATE",
    "ALTER CAST",
    "ALTER COLLATION",
    "ALTER CONSTRAINT",
    "ALTER CONVERSION",
    "ALTER DEFAULT PRIVILEGES",
    "ALTER DOMAIN",
    "ALTER EXTENSION",
    "ALTER FOREIGN DATA WRAPPER",
    "ALTER FOREIGN TABLE",
    "ALTER FUNCTION",
    "ALTER INDEX",
    "ALTER LANGUAGE",
    "ALTER LARGE OBJECT",
    "ALTER MATERIALIZED VIEW",
    "ALTER OPERATOR",
    "ALTER OPERATOR CLASS",
    "ALTER OPERATOR FAMILY",
    "ALTER POLICY",
    "ALTER PROCEDURE",
    "ALTER PUBLICATION",
    "ALTER ROUTINE",
    "ALTER RULE",
    "ALTER SCHEMA",
    "ALTER SEQUENCE",
    "ALTER SERVER",
    "ALTER STATISTICS",
    "ALTER SUBSCRIPTION",
    "ALTER TABLE",
    "ALTER TEXT SEARCH CONFIGURATION",
    "ALTER TEXT SEARCH DICTIONARY",
    "ALTER TEXT SEARCH PARSER",
    "ALTER TEXT SEARCH TEMPLATE",
    "ALTER TRANSFORM",
    "ALTER TRIGGER",
    "ALTER TYPE",
    "ALTER USER MAPPING",
    "ALTER VIEW",
    "COMMENT",
    "CREATE ACCESS METHOD",
    "CREATE AGGREGATE",
    "CREATE CAST",
    "CREATE COLLATION",
    "CREATE CONSTRAINT",
    "CREATE CONVERSION",
    "CREATE DOMAIN",
    "CREATE EXTENSION",
    "CREATE FOREIGN DATA WRAPPER",
    "CREATE FOREIGN TABLE",
    "CREATE FUNCTION",
    "CREATE INDEX",
    "CREATE LANGUAGE",
    "CREATE MATERIALIZED VIEW",
    "CREATE OPERATOR",
    "CREATE OPERATOR CLASS",
    "CREATE OPERATOR FAMILY",
    "CREATE POLICY",
    "CREATE PROCEDURE",
    "CREATE PUBLICATION",
    "CREATE ROUTINE",
    "CREATE RULE",
    "CREATE SCHEMA",
    "CREATE SEQUENCE",
    "CREATE SERVER",
    "CREATE STATISTICS",
    "CREATE SUBSCRIPTION",
    "CREATE TABLE",
    "CREATE TABLE AS",
    "CREATE TEXT SEARCH CONFIGURATION",
    "CREATE TEXT SEARCH DICTIONARY",
    "CREATE TEXT SEARCH PARSER",
    "CREATE TEXT SEARCH TEMPLATE",
    "CREATE TRANSFORM",
    "CREATE TRIGGER",
    "CREATE TYPE",
    "CREATE USER MAPPING",
    "CREATE VIEW",
    "DROP ACCESS METHOD",
    "DROP AGGREGATE",
    "DROP CAST",
    "DROP COLLATION",
    "DROP CONSTRAINT",
    "DROP CONVERSION",
    "DROP DOMAIN",
    "DROP EXTENSION",
    "DROP FOREIGN DATA WRAPPER",
    "DROP FOREIGN TABLE",
    "DROP FUNCTION",
    "DROP INDEX",
    "DROP LANGUAGE",
    "DROP MATERIALIZED VIEW",
    "DROP OPERATOR",
    "DROP OPERATOR CLASS",
    "DROP OPERATOR FAMILY",
    "DROP OWNED",
    "DROP POLICY",
    "DROP PROCEDURE",
    "DROP PUBLICATION",
    "DROP ROUTINE",
    "DROP RULE",
    "DROP SCHEMA",
    "DROP SEQUENCE",
    "DROP SERVER",
    "DROP STATISTICS",
    "DROP SUBSCRIPTION",
    "DROP TABLE",
    "DROP TEXT SEARCH CONFIGURATION",
    "DROP TEXT SEARCH DICTIONARY",
    "DROP TEXT SEARCH PARSER",
    "DROP TEXT SEARCH TEMPLATE",
    "DROP TRANSFORM",
    "DROP TRIGGER",
    "DROP TYPE",
    "DROP USER MAPPING",
    "DROP VIEW",
    "GRANT",
    "IMPORT FOREIGN SCHEMA",
    "REFRESH MATERIALIZED VIEW",
    "REVOKE",
    "SECURITY LABEL",
    "SELECT INTO",
};
constexpr std::string_view k_unsupported_tags[] = {
    "ALTER DATABASE",
    "ALTER EVENT TRIGGER",
    "ALTER ROLE",
    "ALTER SYSTEM",
    "ALTER TABLESPACE",
    "ANALYZE",
    "BEGIN",
    "CALL",
    "CHECKPOINT",
    "CLOSE",
    "CLOSE CURSOR",
    "CLOSE CURSOR ALL",
    "CLUSTER",
    "COMMIT",
    "COMMIT PREPARED",
    "COPY",
    "COPY FROM",
    "CREATE DATABASE",
    "CREATE EVENT TRIGGER",
    "CREATE ROLE",
    "CREATE TABLESPACE",
    "DEALLOCATE",
    "DEALLOCATE ALL",
    "DECLARE CURSOR",
    "DELETE",
    "DISCARD",
    "DISCARD ALL",
    "DISCARD PLANS",
    "DISCARD SEQUENCES",
    "DISCARD TEMP",
    "DO",
    "DROP DATABASE",
    "DROP EVENT TRIGGER",
    "DROP ROLE",
    "DROP TABLESPACE",
    "EXECUTE",
    "EXPLAIN",
    "FETCH",
    "GRANT ROLE",
    "INSERT",
    "LISTEN",
    "LOAD",
    "LOCK TABLE",
    "MERGE",
    "MOVE",
    "NOTIFY",
    "PREPARE",
    "PREPARE TRANSACTION",
    "REASSIGN OWNED",
    "REINDEX",
    "RELEASE",
    "RESET",
    "REVOKE ROLE",
    "ROLLBACK",
    "ROLLBACK PREPARED",
    "SAVEPOINT",
    "SELECT",
    "SELECT FOR KEY SHARE",
    "SELECT FOR NO KEY UPDATE",
    "SELECT FOR SHARE",
    "SELECT FOR UPDATE",
    "SET",
    "SET CONSTRAINTS",
    "SHOW",
    "START TRANSACTION",
    "TRUNCATE TABLE",
    "UNLISTEN",
    "UPDATE",
    "VACUUM",
};
// The tags a table_rewrite event trigger may name; any other, known or not, is refused.
constexpr std::string_view k_rewrite_tags[] = {"ALTER MATERIALIZED VIEW", "ALTER TABLE",
                                               "ALTER TYPE"};

// Whether two tags are the same, in any case (PostgreSQL compares them with pg_strcasecmp).
bool same_tag(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

template <std::size_t N>
bool has_tag(const std::string_view (&tags)[N], std::string_view tag) {
  return std::any_of(std::begin(tags), std::end(tags),
                     [&](std::string_view known) { return same_tag(known, tag); });
}

// CREATE EVENT TRIGGER that PostgreSQL refuses: an event it does not have, a filter variable
// other than TAG (or TAG twice), a tag it does not know, or one of a command event triggers do
// not fire for (for table_rewrite: any but ALTER TABLE, ALTER TYPE, ALTER MATERIALIZED VIEW).
// Checked in PostgreSQL's order.
std::optional<Refusal> event_refusal(const Node& node) {
  std::string event(node.str("eventname"));
  bool rewrite = event == "table_rewrite";
  if (!rewrite && event != "ddl_command_start" && event != "ddl_command_end" &&
      event != "sql_drop") {
    return Refusal{"unrecognized event name \"" + event + "\"",
                   "use ddl_command_start, ddl_command_end, sql_drop or table_rewrite"};
  }
  std::vector<std::string_view> tags;
  bool tagged = false;
  for (Node filter : node.list("whenclause")) {
    std::string variable(filter.str("defname"));
    if (variable != "tag") {
      return Refusal{"unrecognized filter variable \"" + variable + "\"",
                     "filter on TAG, the only filter variable: WHEN TAG IN ('CREATE TABLE', ...)"};
    }
    if (tagged) {
      return Refusal{"filter variable \"tag\" specified more than once",
                     "name all the tags in one WHEN TAG IN (...)"};
    }
    tagged = true;
    tags = lint::string_list(filter.get("arg").list("items"));
  }
  for (std::string_view tag : tags) {
    std::string text(tag);
    if (rewrite) {
      if (has_tag(k_rewrite_tags, tag)) continue;
      return Refusal{"event triggers are not supported for " + text,
                     "a table_rewrite event trigger fires only for ALTER TABLE, ALTER TYPE and "
                     "ALTER MATERIALIZED VIEW: name only those tags, or use ddl_command_end"};
    }
    if (has_tag(k_event_tags, tag)) continue;
    if (has_tag(k_unsupported_tags, tag)) {
      return Refusal{"event triggers are not supported for " + text,
                     "leave the tag out: event triggers do not fire for " + text};
    }
    // The longest known tag the text starts with: CREATE INDEX for CREATE INDEX CONCURRENTLY.
    std::string_view stem;
    for (std::string_view known : k_event_tags) {
      if (known.size() > stem.size() && known.size() < tag.size() && tag[known.size()] == ' ' &&
          same_tag(known, tag.substr(0, known.size()))) {
        stem = known;
      }
    }
    std::string help = "write the command tag PostgreSQL gives the command (as psql shows it)";
    if (!stem.empty())
      help = "write '" + std::string(stem) + "', the tag PostgreSQL gives " + text + " too";
    return Refusal{"filter value \"" + text + "\" not recognized for filter variable \"tag\"",
                   help};
  }
  return std::nullopt;
}

// The relation a trigger is on, as the migrations made it before the statement.
Target target(const lint::FileContext& context, const lint::Statement& statement,
              const Node& relation) {
  lint::RelationName name = lint::relation_name(relation);
  Target on;
  on.name = std::string(name.name);
  lint::ObjectId id = lint::k_no_object;
  for (lint::ObjectKind kind :
       {lint::ObjectKind::table, lint::ObjectKind::sequence, lint::ObjectKind::index}) {
    if (id == lint::k_no_object) {
      id = lint::find_as_written(context, statement, kind, name.schema, name.name);
    }
  }
  if (id == lint::k_no_object) return on;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& object = catalog.object(id);
  on.kind = object.kind();
  on.partitioned = object.partitioned;
  if (object.kind() != lint::ObjectKind::table) return on;
  // Partition or child: made so, then attached, detached, INHERIT, NO INHERIT since.
  const lint::Statement* created = lint::statement_at(context.project, object.created);
  int parents = 0;
  if (created != nullptr && created->node.is("CreateStmt")) {
    on.partition = created->node.has("partbound");
    if (!on.partition) parents = static_cast<int>(created->node.list("inhRelations").size());
  }
  const auto& all = context.file.all_statements();
  std::size_t ordinal = context.file.ordinal(statement).value_or(all.size());
  bool down = catalog.replay(context.index).direction == lint::Direction::down;
  lint::Tick tick =
      down ? catalog.after_up(context.index) : catalog.before_statement(context.index, ordinal);
  for (const lint::ObjectChange& change : lint::changes_before(context.project, object, tick)) {
    if (!change.statement->node.is("AlterTableStmt")) continue;
    const std::string& now = object.ref_at(change.origin.tick).name;
    bool on_it = lint::truncate_identifier(
                     lint::relation_name(change.statement->node.get("relation")).name) == now;
    for (Node command : change.statement->node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      bool names_it = command.has("def") && command.get("def").has("name") &&
                      lint::truncate_identifier(
                          lint::relation_name(command.get("def").get("name")).name) == now;
      if (subtype == "AT_AttachPartition" && names_it) on.partition = true;
      if ((subtype == "AT_DetachPartition" || subtype == "AT_DetachPartitionFinalize") &&
          names_it) {
        on.partition = false;
      }
      if (subtype == "AT_AddInherit" && on_it) ++parents;
      if (subtype == "AT_DropInherit" && on_it && parents > 0) --parents;
    }
  }
  on.child = parents > 0;
  return on;
}

// A row trigger that runs PostgreSQL's tsvector_update_trigger(tsvector_column, config, column,
// ...) BEFORE INSERT or UPDATE with a text search configuration named without its schema
// ('english'): PostgreSQL accepts the trigger, and every row it fires for fails ("text search
// configuration name "english" must be schema-qualified"). The configuration's name as written.
std::optional<std::string> unqualified_ts_config(const Node& trigger) {
  auto function = lint::string_list(trigger.list("funcname"));
  if (function.empty() || function.back() != "tsvector_update_trigger" || function.size() > 2 ||
      (function.size() == 2 && function.front() != "pg_catalog")) {
    return std::nullopt;
  }
  constexpr std::int64_t k_before = 1 << 1;
  std::int64_t events = trigger.num("events");
  if (!trigger.flag("row") || (trigger.num("timing") & k_before) == 0 ||
      (events & (k_insert | k_update)) == 0) {
    return std::nullopt;  // PostgreSQL fails on another check first
  }
  lint::NodeList args = trigger.list("args");
  if (args.size() < 3) return std::nullopt;
  std::string config(args[1].as_str());
  if (lint::text_name_parts(config).size() != 1) return std::nullopt;
  return config;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (node.is("CreateEventTrigStmt")) {
      if (std::optional<Refusal> why = event_refusal(node)) {
        out.report(statement->range,
                   "CREATE EVENT TRIGGER " + std::string(node.str("trigname")) +
                       " fails on every run: PostgreSQL refuses it (\"" + why->why + "\")",
                   why->help);
      }
      continue;
    }
    if (!node.is("CreateTrigStmt")) continue;
    if (auto config = unqualified_ts_config(node)) {
      out.report(statement->range,
                 "CREATE TRIGGER " + std::string(node.str("trigname")) +
                     " names the text search configuration '" + *config +
                     "' without its schema: PostgreSQL accepts the trigger, but "
                     "tsvector_update_trigger() requires a schema-qualified name, so every row "
                     "the trigger fires for fails (\"text search configuration name \"" +
                     *config + "\" must be schema-qualified\")",
                 "qualify the configuration: 'pg_catalog." + *config +
                     "' for PostgreSQL's own, or the schema it was created in");
    }
    std::optional<Refusal> why = refusal(node, target(context, *statement, node.get("relation")));
    if (!why) continue;
    out.report(statement->range,
               "CREATE TRIGGER " + std::string(node.str("trigname")) +
                   " fails on every run: PostgreSQL refuses it (\"" + why->why + "\")",
               why->help);
  }
}

}  // namespace

lint::Rule invalid_trigger() {
  return {.info = {.id = "invalid-trigger",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "CREATE TRIGGER that PostgreSQL refuses: transition tables with "
                              "several events or a column list, TRUNCATE FOR EACH ROW, a WHEN "
                              "that reads rows the trigger has not, INSTEAD OF on a table; CREATE "
                              "EVENT TRIGGER of an unknown event or command tag"},
          .check_file = check};
}

}  // namespace sqlgate::rules
