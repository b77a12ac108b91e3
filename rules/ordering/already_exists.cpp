// already-exists: a statement of an up that creates an object (a table, an index, a column, a
// named constraint, a type, a function of that signature, ...) which the migrations before it,
// or an earlier statement of the same migration, already made and did not drop: PostgreSQL fails
// on the first run, on a fresh database ("relation "items" already exists", "column "price" of
// relation "items" already exists"). Two branches that each add the same column are where it
// is met. With IF NOT EXISTS the statement does nothing instead; when its definition differs
// from the one in place (another column type, another index definition), that is a warning: the
// new one never takes.
#include <optional>
#include <set>
#include <string>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "rules/ordering/relations.h"
#include "rules/ordering/rules.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectKind;

// The ADD COLUMN IF NOT EXISTS column's type, when it differs from the column in place.
std::optional<std::pair<std::string, std::string>> other_type(const lint::Project& project,
                                                              const lint::Catalog& catalog,
                                                              const lint::CatalogStep& step,
                                                              const lint::Statement& statement) {
  if (step.effect.object.kind != ObjectKind::column || !statement.node.is("AlterTableStmt")) {
    return std::nullopt;
  }
  for (lint::Node command : statement.node.list("cmds")) {
    lint::Node def = command.get("def");
    if (command.str("subtype") != "AT_AddColumn" ||
        lint::truncate_identifier(def.str("colname")) != step.effect.object.name) {
      continue;
    }
    lint::ColumnType wanted = lint::column_type(def.get("typeName"));
    auto there = lint::column_type_before(project, catalog, step.object, step.tick);
    if (!there || *there == wanted) return std::nullopt;
    // Spellings of one type (int and integer, varchar and character varying) compare equal.
    if (there->name == wanted.name && there->schema == wanted.schema &&
        there->array == wanted.array && (wanted.modifiers.empty() || !wanted.modifiers_known)) {
      return std::nullopt;
    }
    return std::pair{there->display(), wanted.display()};
  }
  return std::nullopt;
}

// Whether two index keys (IndexElem lists) are the same: the same columns or expressions, operator
// classes and collations, in the same order and directions (ASC and NULLS LAST written or not).
bool same_keys(const lint::NodeList& a, const lint::NodeList& b) {
  if (a.size() != b.size()) return false;
  auto ordering = [](const lint::Node& elem) {
    std::string_view order = elem.str("ordering");
    return order == "SORTBY_DESC" ? "DESC" : "ASC";
  };
  auto nulls = [&](const lint::Node& elem) {
    std::string_view written = elem.str("nulls_ordering");
    if (written == "SORTBY_NULLS_FIRST") return true;
    if (written == "SORTBY_NULLS_LAST") return false;
    return std::string_view(ordering(elem)) == "DESC";
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    lint::Node x = a[i].is("IndexElem") ? a[i] : a[i].get("IndexElem");
    lint::Node y = b[i].is("IndexElem") ? b[i] : b[i].get("IndexElem");
    if (x.str("name") != y.str("name") || !lint::same_tree(x.get("expr"), y.get("expr")) ||
        !lint::same_tree(x.get("collation"), y.get("collation")) ||
        !lint::same_tree(x.get("opclass"), y.get("opclass")) ||
        !lint::same_tree(x.get("opclassopts"), y.get("opclassopts")) ||
        std::string_view(ordering(x)) != ordering(y) || nulls(x) != nulls(y)) {
      return false;
    }
  }
  return true;
}

// What a CREATE INDEX IF NOT EXISTS would make differently from the index of that name in place
// (made by an earlier CREATE INDEX): "keys", "WHERE", ...; empty when the same.
// PostgreSQL compares the name only: the statement does nothing, and the index keeps its own.
std::vector<std::string> index_changes(const lint::Project& project, const lint::Catalog& catalog,
                                       const lint::CatalogStep& step,
                                       const lint::Statement& statement) {
  if (step.effect.object.kind != ObjectKind::index || !statement.node.is("IndexStmt")) return {};
  const lint::CatalogObject& index = catalog.object(step.object);
  if (index.kind() != ObjectKind::index) return {};
  const lint::Statement* earlier = lint::statement_at(project, index.created);
  if (earlier == nullptr || !earlier->node.is("IndexStmt")) return {};
  const lint::Node& now = statement.node;
  const lint::Node& then = earlier->node;
  std::vector<std::string> changes;
  // The table: the one the index is on, against the one the statement names (when known).
  lint::RelationName table = lint::relation_name(now.get("relation"));
  lint::ObjectId named = relation_named(
      catalog, table.schema.empty() ? std::string_view(step.effect.object.schema) : table.schema,
      table.name, !table.schema.empty(), step.effect.search_path, step.tick);
  for (const auto& edge : index.depends_on) {
    const lint::CatalogObject& on = catalog.object(edge.object);
    if (edge.automatic && lint::is_relation(on.kind()) && edge.alive_at(step.tick) &&
        named != lint::k_no_object && named != edge.object) {
      changes.push_back("table (it is on " + pairing::describe(on.ref_at(step.tick)) + ")");
    }
  }
  if (now.str("accessMethod") != then.str("accessMethod")) {
    std::string method = "access method (it uses ";
    method += then.str("accessMethod");
    method += ")";
    changes.push_back(method);
  }
  if (now.flag("unique") != then.flag("unique")) {
    changes.push_back(then.flag("unique") ? "UNIQUE (it is)" : "UNIQUE (it is not)");
  }
  if (now.flag("nulls_not_distinct") != then.flag("nulls_not_distinct")) {
    changes.push_back("NULLS NOT DISTINCT");
  }
  if (!same_keys(now.list("indexParams"), then.list("indexParams"))) {
    changes.push_back("keys");
  }
  if (!lint::same_tree(now.get("indexIncludingParams"), then.get("indexIncludingParams"))) {
    changes.push_back("INCLUDE columns");
  }
  if (!lint::same_terms(now.get("whereClause"), then.get("whereClause"))) {
    changes.push_back("WHERE");
  }
  return changes;
}

// An identity column's SEQUENCE NAME (the one name of a column's sequence a statement gives)
// that a relation has already: PostgreSQL takes the name as given, and fails.
void taken_sequence_name(lint::Reporter& out, const lint::ParsedFile& file,
                         const lint::Statement& statement, const std::string& name,
                         const lint::CatalogObject& object, lint::Tick tick,
                         const std::string& where, const lint::ParsedFile* creator) {
  std::string message = "the identity column's SEQUENCE NAME " + name + " is taken: ";
  message += pairing::describe(object.ref_at(tick));
  message += " has it (created " + where +
             "), and PostgreSQL fails here on its first run "
             "(\"relation \"" +
             name + "\" already exists\")";
  std::string help = "drop or rename " + pairing::describe(object.ref_at(tick)) +
                     " in a statement before this one (a default that uses it goes first: DROP "
                     "DEFAULT), or give SEQUENCE NAME a name that is free";
  auto builder = out.report(file, statement.range, message, help);
  if (creator != nullptr) {
    builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                    "created here");
  }
}

// ALTER TYPE ... ADD VALUE or RENAME VALUE ... TO a label the enum already has.
void check_enum_labels(const lint::Project& project, const lint::Catalog& catalog,
                       lint::Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    const lint::ParsedFile& file = *project.parsed(i);
    for (const auto& step : replay.steps) {
      std::optional<lint::EnumLabel> taken = lint::enum_label_taken(project, catalog, i, step);
      if (!taken) continue;
      const lint::Statement& statement = *file.all_statements()[step.statement];
      const lint::Node& node = statement.node;
      std::string type = pairing::describe(catalog.object(step.object).ref_at(step.tick));
      std::string label = "'" + taken->label + "'";
      const lint::ParsedFile* giver = project.parsed(taken->given.file);
      std::string where = taken->given.file == i
                              ? std::string("earlier in this migration")
                              : "by " + project.source(taken->given.file).display;
      bool rename = node.has("oldVal");
      std::string message = rename ? "this renames the label '" + std::string(node.str("oldVal")) +
                                         "' of " + type + " to " + label
                                   : "this adds the label " + label + " to " + type;
      message += ", which it already has (given " + where +
                 "): PostgreSQL fails here on its first run (\"enum label \"" + taken->label +
                 "\" already exists\")";
      std::string help =
          rename ? "PostgreSQL cannot merge two labels nor drop one: pick a label that is free, "
                   "or move the rows to " +
                       label + " and rebuild the type without '" + std::string(node.str("oldVal")) +
                       "'"
                 : "leave the ADD VALUE out (or write ADD VALUE IF NOT EXISTS if it may be "
                   "missing)";
      auto builder = out.report(file, statement.range, message, help);
      if (giver != nullptr) {
        builder.related(*giver, pairing::statement_range(*giver, taken->given.statement),
                        "label given here");
      }
    }
  }
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog* catalog = project.catalog();
  if (catalog == nullptr) return;
  check_enum_labels(project, *catalog, out);
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog->replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    const lint::ParsedFile& file = *project.parsed(i);
    std::set<std::size_t> reported;
    for (const auto& step : replay.steps) {
      const lint::Effect& effect = step.effect;
      if (reported.count(step.statement) != 0) continue;
      const lint::Statement& statement = *file.all_statements()[step.statement];
      // IF NOT EXISTS of what is there is reported only for a column of another type.
      std::optional<std::pair<std::string, std::string>> types;
      std::vector<std::string> changes;  // of an index
      if (effect.if_not_exists) {
        if (!step.existed || step.object == lint::k_no_object) continue;
        types = other_type(project, *catalog, step, statement);
        if (!types) changes = index_changes(project, *catalog, step, statement);
        if (!types && changes.empty()) continue;
      }
      const lint::CatalogObject* found = lint::made_already(project, *catalog, i, step);
      if (found == nullptr) continue;
      const lint::CatalogObject& object = *found;
      const lint::ParsedFile* creator = project.parsed(object.created.file);
      std::string where = object.created.file == i
                              ? std::string("earlier in this migration")
                              : "by " + project.source(object.created.file).display;
      std::string what = pairing::describe(effect.object);
      if (types) {
        reported.insert(step.statement);
        auto builder = out.report(
            file, statement.range,
            "ADD COLUMN IF NOT EXISTS " + effect.object.name + " " + types->second +
                " does nothing: " + what + " was already added " + where + ", as " + types->first +
                ", and keeps that type",
            "if the column must be " + types->second + ", change its type (ALTER COLUMN " +
                effect.object.name + " TYPE " + types->second +
                "); else write the type it has, or leave the ADD COLUMN out");
        builder.at_most(lint::Severity::warning);
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "added here");
        }
        continue;
      }
      if (!changes.empty()) {
        reported.insert(step.statement);
        const std::string& name = effect.object.name;
        std::string message = "CREATE INDEX IF NOT EXISTS " + name + " does nothing: ";
        message +=
            what + " was already created " + where + ", with a definition that differs in its ";
        message += lint::join_strings(changes, ", ");
        message += ", and PostgreSQL keeps that one (\"relation \"" + name +
                   "\" already exists, skipping\")";
        // A DROP INDEX of the name before it, in this file, that found nothing: written without
        // the schema, it looked along the search path, which does not reach the index.
        const lint::CatalogStep* missed = nullptr;
        for (const auto& earlier : replay.steps) {
          if (earlier.statement >= step.statement) break;
          if (earlier.effect.action == lint::Action::drop &&
              earlier.effect.object.kind == ObjectKind::index &&
              earlier.effect.object.name == name && earlier.object == lint::k_no_object &&
              !earlier.effect.schema_given) {
            missed = &earlier;
          }
        }
        std::string help = "give the new index a name of its own (and drop " + name +
                           " after it, if it is no longer wanted), or drop " + name +
                           " before this statement to build it again";
        if (missed != nullptr) {
          help = "write the schema in the DROP INDEX before it (DROP INDEX IF EXISTS " +
                 pairing::sql_name(object.ref_at(step.tick)) +
                 "): without it, the DROP looks along the search path and drops nothing";
        }
        auto builder = out.report(file, statement.range, message, help);
        builder.at_most(lint::Severity::warning);
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
        if (missed != nullptr) {
          builder.related(file, pairing::statement_range(file, missed->statement),
                          "this DROP finds no index " + name + " along the search path");
        }
        continue;
      }
      reported.insert(step.statement);
      if (effect.action == lint::Action::rename) {
        std::string other = pairing::describe(object.ref_at(step.tick));
        std::string change =
            !effect.new_schema.empty()
                ? "moves " + what + " to schema " + effect.new_schema + ", where " + other +
                      " has its name"
                : "renames " + what + " to " + effect.new_name + ", a name " + other + " has";
        auto builder =
            out.report(file, statement.range,
                       "this " + change + " (created " + where +
                           "): PostgreSQL fails here on its first run (\"already exists\")",
                       "rename or drop " + pairing::describe(object.ref_at(step.tick)) +
                           " first, or pick a name that is free");
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
        continue;
      }
      if (effect.implicit && effect.object.kind == ObjectKind::sequence) {
        taken_sequence_name(out, file, statement, effect.object.name, object, step.tick, where,
                            creator);
        continue;
      }
      if (effect.implicit && effect.object.kind == ObjectKind::index) {
        // The index of a named key constraint, whose name an index of another table has.
        std::string owner;
        for (const auto& edge : object.depends_on) {
          const lint::CatalogObject& on = catalog->object(edge.object);
          if (edge.automatic && lint::is_relation(on.kind()) && edge.alive_at(step.tick)) {
            owner = " of " + pairing::describe(on.ref_at(step.tick));
          }
        }
        const std::string& name = effect.object.name;
        std::string message = "the constraint's index takes its name, " + name + ", which ";
        message += pairing::describe(object.ref_at(step.tick));
        message += owner;
        message += " already has (created " + where +
                   "): PostgreSQL fails here on its first run (\"relation \"" + name +
                   "\" already exists\")";
        std::string help = object.kind() == ObjectKind::index
                               ? "rename that index first (ALTER INDEX " + name + " RENAME TO " +
                                     name + "_old), or give the constraint a name that is free"
                               : std::string("give the constraint a name that is free");
        auto builder = out.report(file, statement.range, message, help);
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
        continue;
      }
      if (object.kind() != effect.object.kind) {
        std::string message = "this creates " + what + ", a name ";
        message += pairing::describe(object.ref_at(step.tick));
        message += " already has (created " + where +
                   "): relations of every kind share one namespace, and PostgreSQL fails here on "
                   "its first run (\"already exists\")";
        auto builder =
            out.report(file, statement.range, message,
                       "pick a name that is free, or drop or rename the other relation first");
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
        continue;
      }
      if (object.created.file != i && lint::session_temporary(*catalog, object)) {
        // A temporary table lasts until the connection closes, and one `up` runs every pending
        // migration on one connection.
        std::string message = "this creates " + what + ", which was already created " + where +
                              " and is still there when both run in one up: a temporary table "
                              "made without ON COMMIT DROP lasts until the connection closes, "
                              "and sqlgate up (as migrate up) applies every pending migration on "
                              "one connection, so on a new database PostgreSQL fails here "
                              "(\"relation \"" +
                              effect.object.name + "\" already exists\")";
        auto builder = out.report(
            file, statement.range, message,
            "make the earlier one CREATE TEMP TABLE ... ON COMMIT DROP (or drop it at the end of "
            "its migration), or drop it with IF EXISTS before this one");
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
        continue;
      }
      auto builder = out.report(
          file, statement.range,
          "this creates " + what + ", which was already created " + where +
              ": PostgreSQL fails here on its first run (\"already exists\")",
          "leave it out if the earlier one is what you want, or drop or rename the earlier one "
          "first; IF NOT EXISTS would hide the clash, not resolve it");
      if (creator != nullptr) {
        builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                        "created here");
      }
    }
  }
}

}  // namespace

lint::Rule already_exists() {
  return lint::Rule{
      .info = {.id = "already-exists",
               .category = lint::Category::ordering,
               .severity = lint::Severity::error,
               .summary = "A statement creates what an earlier migration already created: "
                          "PostgreSQL fails on the first run"},
      .check_set = check};
}

}  // namespace sqlgate::rules::ordering
