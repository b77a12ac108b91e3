// invalid-ddl: ALTER TABLE, CREATE INDEX, TRUNCATE, DROP TABLE or CLUSTER of a table that an
// INSERT earlier in the same transaction left with pending trigger events. PostgreSQL queues an
// event for each row an INSERT adds to a table with an INITIALLY DEFERRED foreign key (NULL keys
// too) or constraint trigger on INSERT, or one SET CONSTRAINTS ... DEFERRED deferred, and fires it
// at COMMIT or at SET CONSTRAINTS ... IMMEDIATE; until then those statements refuse the table
// (checked on PostgreSQL 15; RENAME, SET SCHEMA, COMMENT, GRANT, CREATE TRIGGER, REINDEX and
// CREATE STATISTICS do not). Only INSERTs certain to add a row on the first run count: VALUES,
// DEFAULT VALUES or constants without FROM, and under ON CONFLICT or WHERE NOT EXISTS (...) only
// into a table no statement before has written rows into. UPDATE and DELETE, whose rows depend on
// the data, are not followed.
#include "rules/safety/pending_trigger_events.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "lint/tree.h"
#include "rules/safety/refusal.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

constexpr lint::Condition k_object_in_use{"object_in_use", "55006"};
constexpr std::int64_t k_trigger_insert = 1 << 2;  // pg_trigger's tgtype bit for INSERT

// A constraint's timing: DEFERRABLE, and INITIALLY DEFERRED.
struct Timing {
  bool deferrable = false;
  bool deferred = false;
};

// The timing before `at` of a foreign key (as the statement that made it and each ALTER
// CONSTRAINT since left it) or of a constraint trigger on INSERT without WHEN (which fires for
// every row an INSERT adds); nothing for other constraints, or when not known.
std::optional<Timing> timing(const lint::Project& project, const lint::CatalogObject& constraint,
                             lint::Tick at) {
  const lint::Statement* made = lint::statement_at(project, constraint.created);
  if (made == nullptr) return std::nullopt;
  if (constraint.contype == 't') {
    const Node& trigger = made->node;
    if (!trigger.is("CreateTrigStmt") || (trigger.num("events") & k_trigger_insert) == 0 ||
        trigger.has("whenClause")) {
      return std::nullopt;
    }
    // ALTER CONSTRAINT fails on a constraint trigger: it keeps the timing it was made with.
    return Timing{trigger.flag("deferrable") || trigger.flag("initdeferred"),
                  trigger.flag("initdeferred")};
  }
  if (constraint.contype != 'f') return std::nullopt;
  auto flags = lint::key_flags(made->node, constraint, constraint.names.front().ref.name);
  if (!flags) return std::nullopt;
  Timing timing{flags->deferrable, flags->initially_deferred};
  for (const lint::Origin& origin : constraint.changed) {
    if (origin.tick >= at) continue;
    const lint::Statement* changed = lint::statement_at(project, origin);
    if (changed == nullptr) return std::nullopt;
    if (!changed->node.is("AlterTableStmt")) continue;
    std::string name = constraint.ref_at(origin.tick).name;
    for (Node command : changed->node.list("cmds")) {
      Node def = command.get("def");
      if (command.str("subtype") == "AT_AlterConstraint" &&
          lint::truncate_identifier(def.str("conname")) == name) {
        timing = Timing{def.flag("deferrable"), def.flag("initdeferred")};
      }
    }
  }
  return timing;
}

// Whether a WHERE is NOT EXISTS (...) tests only, ANDed.
bool only_not_exists(const Node& where) {
  if (where.is("BoolExpr") && where.str("boolop") == "AND_EXPR") {
    for (Node term : where.list("args")) {
      if (!only_not_exists(term)) return false;
    }
    return true;
  }
  if (!where.is("BoolExpr") || where.str("boolop") != "NOT_EXPR") return false;
  lint::NodeList args = where.list("args");
  return args.size() == 1 && args[0].is("SubLink") &&
         args[0].str("subLinkType") == "EXISTS_SUBLINK";
}

// Whether an INSERT adds a row on its first run, as far as the statement tells: VALUES, DEFAULT
// VALUES or a SELECT of constants (no FROM); under ON CONFLICT or a WHERE NOT EXISTS (...) guard,
// only into a table that is `empty` then.
bool adds_rows(const Node& insert, bool empty) {
  bool guarded = insert.has("onConflictClause");
  Node select = insert.get("selectStmt");
  if (select.valid() && select.list("valuesLists").empty()) {
    std::string_view op = select.str("op");
    if ((!op.empty() && op != "SETOP_NONE") || select.has("fromClause") ||
        select.list("targetList").empty() || !select.list("groupClause").empty() ||
        select.has("havingClause") || select.has("limitCount") || select.has("limitOffset")) {
      return false;
    }
    if (select.has("whereClause")) {
      if (!only_not_exists(select.get("whereClause"))) return false;
      guarded = true;
    }
  }
  return !guarded || empty;
}

// Whether a statement before `at` may have written rows into the table: it was made with rows
// (CREATE TABLE ... AS), or a statement that writes rows (or runs code that may) changed it.
bool written_before(const lint::Project& project, const lint::CatalogObject& table, lint::Tick at) {
  const lint::Statement* made = lint::statement_at(project, table.created);
  if (made == nullptr || !made->node.is("CreateStmt")) return true;
  for (const lint::Origin& origin : table.changed) {
    if (origin.tick >= at) continue;
    const lint::Statement* changed = lint::statement_at(project, origin);
    if (changed == nullptr) return true;
    std::string_view kind = changed->kind();
    if (kind == "InsertStmt" || kind == "CopyStmt" || kind == "MergeStmt" || kind == "DoStmt" ||
        kind == "CallStmt" || kind == "SelectStmt" || kind == "UpdateStmt") {
      return true;
    }
  }
  return false;
}

// An event an INSERT queued: the table, the INSERT, and the constraint whose trigger waits.
struct Queued {
  lint::ObjectId table = lint::k_no_object;
  const lint::Statement* by = nullptr;
  lint::ObjectId constraint = lint::k_no_object;
  bool initially = false;  // deferred by its timing, not by SET CONSTRAINTS
};

// The tables a statement refuses while they have pending trigger events, as written, and what
// PostgreSQL's message calls the statement.
std::vector<lint::QualifiedName> refused_tables(const lint::Statement& statement,
                                                std::string& verb) {
  const Node& node = statement.node;
  auto named = [](const Node& relation) {
    return lint::QualifiedName::of(lint::relation_name(relation));
  };
  std::vector<lint::QualifiedName> tables;
  if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TABLE") {
    verb = "ALTER TABLE";
    tables.push_back(named(node.get("relation")));
  } else if (node.is("IndexStmt")) {
    verb = "CREATE INDEX";
    tables.push_back(named(node.get("relation")));
  } else if (node.is("ClusterStmt") && node.has("relation")) {
    verb = "CLUSTER";
    tables.push_back(named(node.get("relation")));
  } else if (node.is("TruncateStmt")) {
    verb = "TRUNCATE";
    for (Node relation : node.list("relations")) tables.push_back(named(relation));
  } else if (node.is("DropStmt") && node.str("removeType") == "OBJECT_TABLE") {
    verb = "DROP TABLE";
    tables = lint::drop_objects(node);
  }
  return tables;
}

}  // namespace

void check_pending_trigger_events(const lint::FileContext& context, lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  if (context.direction() != lint::Direction::up || catalog == nullptr ||
      !catalog->replay(context.index).replayed) {
    return;
  }
  const lint::Project& project = context.project;
  lint::TransactionLayout layout(context.file);
  std::vector<Queued> pending;
  // SET CONSTRAINTS of the transaction so far: ALL, then each name given since.
  bool all_set = false;  // SET CONSTRAINTS ALL ran
  bool all_deferred = false;
  std::map<std::string, bool> named;
  std::optional<std::ptrdiff_t> transaction;
  const auto& statements = context.file.all_statements();
  for (std::size_t s = 0; s < statements.size(); ++s) {
    const lint::Statement& statement = *statements[s];
    const Node& node = statement.node;
    std::ptrdiff_t id = layout.transaction_of(statement);
    if (id == lint::TransactionLayout::k_alone || transaction != id) {
      pending.clear();
      all_set = false;
      named.clear();
    }
    transaction = id;
    lint::Tick at = catalog->before_statement(context.index, s);
    if (node.is("ConstraintsSetStmt")) {
      // A guarded SET CONSTRAINTS ... IMMEDIATE may fire the events: taken to.
      bool deferred = node.flag("deferred");
      if (deferred && lint::conditional(statement)) continue;
      lint::NodeList names = node.list("constraints");
      if (names.empty()) {
        if (!deferred) pending.clear();
        all_set = true;
        all_deferred = deferred;
        named.clear();
        continue;
      }
      for (Node name : names) {
        std::string constraint = lint::truncate_identifier(name.str("relname"));
        named[constraint] = deferred;
        if (deferred) continue;
        std::erase_if(pending, [&](const Queued& queued) {
          return catalog->object(queued.constraint).ref_at(at).name == constraint;
        });
      }
      continue;
    }
    if (node.is("InsertStmt")) {
      if (lint::conditional(statement)) continue;
      lint::RelationName written = lint::relation_name(node.get("relation"));
      lint::ObjectId id_table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                      written.schema, written.name);
      if (id_table == lint::k_no_object) continue;
      const lint::CatalogObject& table = catalog->object(id_table);
      // A partition's or a child's events are on the table that holds the rows.
      if (table.kind() != lint::ObjectKind::table || table.partitioned ||
          lint::takes_keys_from_elsewhere(project, *catalog, table.ref_at(at), at) ||
          !adds_rows(node, !written_before(project, table, at))) {
        continue;
      }
      for (lint::ObjectId child : table.children) {
        const lint::CatalogObject& constraint = catalog->object(child);
        if (constraint.kind() != lint::ObjectKind::constraint || !constraint.alive_at(at)) {
          continue;
        }
        std::optional<Timing> how = timing(project, constraint, at);
        if (!how || !how->deferrable) continue;
        auto set = named.find(constraint.ref_at(at).name);
        bool deferred = set != named.end() ? set->second : all_set ? all_deferred : how->deferred;
        if (deferred) {
          pending.push_back(
              Queued{id_table, &statement, child, set == named.end() && !all_set && how->deferred});
        }
      }
      continue;
    }
    if (pending.empty()) continue;
    std::string verb;
    for (const lint::QualifiedName& written : refused_tables(statement, verb)) {
      lint::ObjectId id_table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                                      written.schema, written.name);
      const Queued* queued = nullptr;
      for (const Queued& entry : pending) {
        if (entry.table == id_table && queued == nullptr) queued = &entry;
      }
      if (id_table == lint::k_no_object || queued == nullptr ||
          lint::conditional(statement, k_object_in_use, false)) {
        continue;
      }
      const lint::CatalogObject& constraint = catalog->object(queued->constraint);
      std::string name = catalog->object(id_table).ref_at(at).name;
      std::string what = constraint.contype == 't' ? "constraint trigger " : "foreign key ";
      what += constraint.ref_at(at).name;
      what += " (made by " + project.source(constraint.created.file).display + ")";
      std::string timing_is =
          queued->initially ? "is INITIALLY DEFERRED" : "is deferred by SET CONSTRAINTS";
      std::uint32_t line = context.file.position(queued->by->range.begin).line;
      auto finding = out.report(
          statement.range,
          verb + " " + name + " fails on its first run: the INSERT into " + name + " on line " +
              std::to_string(line) + " queued a trigger event for each row it adds, which " + what +
              " " + timing_is +
              " and so fires only at COMMIT, and PostgreSQL refuses it while "
              "the events are pending (\"cannot " +
              verb + " " + in_quotes(name) + " because it has pending trigger events\")",
          "write SET CONSTRAINTS ALL IMMEDIATE; before it (the pending checks run there), "
          "or move the INSERT after it, or into a migration of its own");
      finding.related(context.file, queued->by->range, "the INSERT that queued the events");
      return;  // the migration stops there
    }
  }
}

}  // namespace sqlgate::rules
