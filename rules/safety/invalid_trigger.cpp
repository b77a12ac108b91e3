// invalid-trigger: CREATE TRIGGER that PostgreSQL refuses whatever the data: transition tables
// (REFERENCING ... TABLE) with more than one event, a column list, a timing other than AFTER, an
// event that has no such table, or TRUNCATE; TRUNCATE FOR EACH ROW; a WHEN that reads rows a
// statement trigger or the event does not have; INSTEAD OF on a table, and a row-level BEFORE or
// AFTER trigger on a view. Each message is PostgreSQL 15's.
#include <algorithm>
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// pg_trigger's tgtype bits, as CreateTrigStmt's timing and events hold them.
constexpr std::int64_t k_before = 1 << 1;
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

// What PostgreSQL says of the trigger, from the statement alone; nullopt when nothing.
std::optional<Refusal> refusal(const Node& trigger) {
  std::int64_t timing = trigger.num("timing");
  std::int64_t events = trigger.num("events");
  bool row = trigger.flag("row");
  int count = 0;
  for (std::int64_t event : {k_insert, k_delete, k_update, k_truncate}) {
    if ((events & event) != 0) ++count;
  }
  lint::NodeList transitions = trigger.list("transitionRels");
  if (!transitions.empty()) {
    if ((timing & (k_before | k_instead)) != 0) {
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
    for (Node transition : transitions) {
      bool is_new = transition.flag("isNew");
      if (is_new && (events & (k_insert | k_update)) == 0) {
        return Refusal{"NEW TABLE can only be specified for an INSERT or UPDATE trigger",
                       k_one_event};
      }
      if (!is_new && (events & (k_delete | k_update)) == 0) {
        return Refusal{"OLD TABLE can only be specified for a DELETE or UPDATE trigger",
                       k_one_event};
      }
    }
  }
  if (row && (events & k_truncate) != 0) {
    return Refusal{"TRUNCATE FOR EACH ROW triggers are not supported",
                   "make it FOR EACH STATEMENT (TRUNCATE has no rows to fire for)"};
  }
  Node when = trigger.get("whenClause");
  if (when.valid()) {
    if ((timing & k_instead) != 0) {
      return Refusal{"INSTEAD OF triggers cannot have WHEN conditions",
                     "test the condition in the trigger's function"};
    }
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
  if ((timing & k_instead) != 0 && !trigger.list("columns").empty()) {
    return Refusal{"INSTEAD OF triggers cannot have column lists",
                   "drop UPDATE OF ...: an INSTEAD OF trigger fires for every update"};
  }
  return std::nullopt;
}

// The kind of the relation a trigger is on, when a migration made it before the statement.
std::optional<lint::ObjectKind> relation_kind(const lint::FileContext& context,
                                              const lint::Statement& statement,
                                              const Node& relation) {
  lint::RelationName name = lint::relation_name(relation);
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::table, name.schema, name.name);
  if (id == lint::k_no_object) return std::nullopt;
  return context.project.catalog()->object(id).kind();
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (!node.is("CreateTrigStmt")) continue;
    std::optional<Refusal> why = refusal(node);
    if (!why) {
      std::optional<lint::ObjectKind> kind =
          relation_kind(context, *statement, node.get("relation"));
      std::string name(node.get("relation").str("relname"));
      bool instead = (node.num("timing") & k_instead) != 0;
      if (instead && (kind == lint::ObjectKind::table || kind == lint::ObjectKind::foreign_table)) {
        why = Refusal{"\"" + name + "\" is a table: tables cannot have INSTEAD OF triggers",
                      "use BEFORE ... FOR EACH ROW on a table"};
      } else if (!instead && node.flag("row") && kind == lint::ObjectKind::view) {
        why = Refusal{
            "\"" + name + "\" is a view: views cannot have row-level BEFORE or AFTER triggers",
            "use INSTEAD OF ... FOR EACH ROW on a view"};
      }
    }
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
                              "that reads rows the trigger has not, INSTEAD OF on a table"},
          .check_file = check};
}

}  // namespace sqlgate::rules
