// already-exists: a statement of an up that creates an object (a table, an index, a column, a
// named constraint, a type, a function of that signature, ...) which the migrations before it,
// or an earlier statement of the same migration, already made and did not drop: PostgreSQL fails
// on the first run, on a fresh database ("relation "items" already exists", "column "price" of
// relation "items" already exists"). Two branches that each add the same column are where it
// is met. With IF NOT EXISTS the statement does nothing instead; when its definition differs
// from the one in place (another column type), that is a warning: the new one never takes.
#include <optional>
#include <set>
#include <string>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
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

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog* catalog = project.catalog();
  if (catalog == nullptr) return;
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
      if (effect.if_not_exists) {
        if (!step.existed || step.object == lint::k_no_object) continue;
        types = other_type(project, *catalog, step, statement);
        if (!types) continue;
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
      reported.insert(step.statement);
      if (effect.action == lint::Action::rename) {
        auto builder =
            out.report(file, statement.range,
                       "this renames " + what + " to " + effect.new_name + ", a name " +
                           pairing::describe(object.ref_at(step.tick)) + " has (created " + where +
                           "): PostgreSQL fails here on its first run (\"already exists\")",
                       "rename or drop " + pairing::describe(object.ref_at(step.tick)) +
                           " first, or pick a name that is free");
        if (creator != nullptr) {
          builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                          "created here");
        }
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
