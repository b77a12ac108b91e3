// alter-type-dependents: ALTER TABLE ... ALTER COLUMN c TYPE while a view, materialized view,
// rule, policy, trigger, generated column or function with a SQL-standard body reads c. PostgreSQL
// refuses it, whatever the new type (0A000 "cannot alter type of a column used by a view or
// rule", "... in a policy definition", "... by a generated column", "... by a function or
// procedure"): on the first run when the dependent is there already, and on the second run when
// the same migration makes the dependent after the ALTER. And while a CHECK constraint or index
// over c does not parse again with the new type (rebuilt_dependents.h), or while a column of a
// table has t's row type ("cannot alter table ... because column ... uses its row type").
#include <algorithm>
#include <functional>
#include <string>

#include "rules/ordering/rebuilt_dependents.h"
#include "rules/ordering/rules.h"
#include "rules/ordering/type_changes.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using lint::ObjectKind;
using pairing::describe;

constexpr ObjectId k_none = lint::k_no_object;

// Whether PostgreSQL keeps a column's type fixed for a dependent of this kind.
bool pins_type(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::policy:
    case ObjectKind::rule:
    case ObjectKind::trigger:   // UPDATE OF the column, or its WHEN reads it
    case ObjectKind::column:    // a generated column that reads it
    case ObjectKind::function:  // a SQL-standard body (BEGIN ATOMIC, RETURN) that reads it
    case ObjectKind::procedure:
      return true;
    default:
      return false;
  }
}

// "view v", "policy p on t", "generated column t.g".
std::string named(const lint::ObjectRef& ref) {
  return (ref.kind == ObjectKind::column ? "generated " : "") + describe(ref);
}

std::string reason(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::policy:
      return "a column used in a policy definition";
    case ObjectKind::trigger:
      return "a column used in a trigger definition";
    case ObjectKind::column:
      return "a column used by a generated column";
    case ObjectKind::function:
    case ObjectKind::procedure:
      return "a column used by a function or procedure";
    default:
      return "a column used by a view or rule";
  }
}

// The edge of a dependent that pins the column's type, among those `wanted` takes; null when none.
const lint::DependencyEdge* pinning(
    const lint::Catalog& catalog, ObjectId column,
    const std::function<bool(const lint::DependencyEdge&)>& wanted) {
  for (const auto& edge : catalog.object(column).dependents) {
    if (edge.object == column || edge.source != lint::DependencySource::definition) continue;
    if (!pins_type(catalog.object(edge.object).kind()) || !wanted(edge)) continue;
    return &edge;
  }
  return nullptr;
}

// Whether a step of a down before `before` defines the object again (CREATE OR REPLACE): what it
// read after the up no longer counts (an up's replay ends those edges itself).
bool redefined_before(const lint::FileReplay& replay, std::size_t before, ObjectId id) {
  if (replay.direction != lint::Direction::down) return false;
  for (std::size_t j = 0; j < before; ++j) {
    const lint::CatalogStep& step = replay.steps[j];
    if (step.effect.action == lint::Action::create && step.effect.or_replace && step.object == id)
      return true;
  }
  return false;
}

// "view v is created here", or "... is defined again here" for a CREATE OR REPLACE of it.
void note_made(const lint::Project& project, lint::DiagnosticBuilder& builder, ObjectId id,
               const lint::DependencyEdge& edge, const std::string& name) {
  const lint::Catalog& catalog = *project.catalog();
  lint::Origin origin = lint::edge_origin(catalog.object(id), edge);
  const lint::ParsedFile* maker = project.parsed(origin.file);
  if (maker == nullptr) return;
  builder.related(*maker, pairing::statement_range(*maker, origin.statement),
                  name + (lint::redefined_by(catalog, id, origin) ? " is defined again here"
                                                                  : " is created here"));
}

// Whether a step of the file before `before` drops an object under the dependent's name: the
// second run drops the one the first run made, before it reaches the ALTER.
bool dropped_first(const lint::FileReplay& replay, std::size_t before, const lint::ObjectRef& ref) {
  for (std::size_t j = 0; j < before; ++j) {
    const lint::CatalogStep& step = replay.steps[j];
    if (step.effect.action == lint::Action::drop && step.effect.object.base_key() == ref.base_key())
      return true;
  }
  return false;
}

// Whether a step of the file before `before` drops the object, or takes it along (a down's
// drops do not end the objects of the replay).
bool gone_before(const lint::FileReplay& replay, std::size_t before, ObjectId id) {
  for (std::size_t j = 0; j < before; ++j) {
    const lint::CatalogStep& step = replay.steps[j];
    if (step.effect.action != lint::Action::drop) continue;
    if (step.object == id ||
        std::find(step.implied.begin(), step.implied.end(), id) != step.implied.end()) {
      return true;
    }
  }
  return false;
}

// Whether a definition reads the column: names it, or reads every column of its table (*).
bool reads_column(const lint::Effect& effect, const lint::ObjectRef& column) {
  auto names = [&](const lint::Dependency& dependency, ObjectKind kind, std::string_view parent,
                   std::string_view name) {
    return dependency.object.kind == kind && dependency.object.parent == parent &&
           dependency.object.name == name &&
           (!dependency.schema_given || dependency.object.schema == column.schema);
  };
  for (const lint::Dependency& dependency : effect.depends_on) {
    if (dependency.source != lint::DependencySource::definition) continue;
    if (dependency.all_columns) {
      if (dependency.shared_with.empty() &&
          names(dependency, ObjectKind::table, "", column.parent)) {
        return true;
      }
      continue;
    }
    if (names(dependency, ObjectKind::column, column.parent, column.name)) return true;
    for (const lint::Dependency& candidate : dependency.any_of) {
      if (names(candidate, ObjectKind::column, column.parent, column.name)) return true;
    }
  }
  return false;
}

// In a down: a later step that makes a dependent reading the column (the view its up dropped,
// made again after the type is changed back), still there when the down ends. The first run
// makes it; the second finds it there. The down's creates make no objects of the replay, so the
// steps are read as written.
const lint::CatalogStep* made_later_in_down(const lint::FileReplay& replay, std::size_t s,
                                            const lint::ObjectRef& column) {
  if (replay.direction != lint::Direction::down) return nullptr;
  for (std::size_t j = s + 1; j < replay.steps.size(); ++j) {
    const lint::CatalogStep& later = replay.steps[j];
    const lint::Effect& effect = later.effect;
    if (effect.action != lint::Action::create || !pins_type(effect.object.kind) ||
        !reads_column(effect, column) || dropped_first(replay, s, effect.object)) {
      continue;
    }
    bool dropped_after = false;
    for (std::size_t k = j + 1; k < replay.steps.size(); ++k) {
      const lint::Effect& drop = replay.steps[k].effect;
      if (drop.action == lint::Action::drop && drop.object.base_key() == effect.object.base_key()) {
        dropped_after = true;
      }
    }
    if (!dropped_after) return &later;
  }
  return nullptr;
}

// A column of a table whose type is the altered table's row type (or an array of it), there when
// the statement runs: PostgreSQL refuses every ALTER COLUMN ... TYPE of the table ("cannot alter
// table "orders" because column "order_snapshots.snapshot" uses its row type"), whatever the new
// type. Reported; whether there was one.
bool report_row_type_column(const lint::Project& project, const lint::FileReplay& replay,
                            std::size_t s, const std::string& alter, const lint::TextRange& range,
                            const lint::ParsedFile& file, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::CatalogStep& step = replay.steps[s];
  ObjectId table = catalog.object(step.object).parent;
  if (table == k_none) return false;
  for (const auto& edge : catalog.object(table).dependents) {
    const lint::CatalogObject& column = catalog.object(edge.object);
    if (edge.source != lint::DependencySource::type || column.kind() != ObjectKind::column ||
        column.parent == k_none || catalog.object(column.parent).kind() != ObjectKind::table ||
        !edge.alive_at(step.tick) || !column.alive_at(step.tick) ||
        gone_before(replay, s, edge.object)) {
      continue;
    }
    const lint::ObjectRef& ref = column.ref_at(step.tick);
    const lint::ObjectRef& altered = catalog.object(table).ref_at(step.tick);
    std::string name = ref.parent + "." + ref.name;
    auto builder = out.report(
        file, range,
        alter + " while column " + name + " has the table's row type: PostgreSQL refuses to " +
            "change a column type of a table whose row type a column uses (\"cannot alter table "
            "\"" +
            altered.name + "\" because column \"" + name + "\" uses its row type\"), whatever " +
            "the new type",
        "store the row as jsonb before this statement (ALTER TABLE " + pairing::parent_sql(ref) +
            " ALTER COLUMN " + pairing::quote_identifier(ref.name) + " TYPE jsonb USING to_jsonb(" +
            pairing::quote_identifier(ref.name) + ")), or drop that column first");
    if (const lint::ParsedFile* creator = project.parsed(column.created.file)) {
      builder.related(*creator, pairing::statement_range(*creator, column.created.statement),
                      "column " + name + " is created here");
    }
    return true;
  }
  return false;
}

// A CHECK constraint or index over the column that PostgreSQL cannot parse again with the new
// type, reported; whether there was one.
bool report_failed_rebuild(const lint::Project& project, std::size_t i,
                           const lint::FileReplay& replay, std::size_t s, const std::string& alter,
                           const lint::TextRange& range, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::CatalogStep& step = replay.steps[s];
  std::optional<FailedRebuild> failed =
      failed_rebuild(project, catalog, i, replay, s, [&](ObjectId id) {
        if (!catalog.object(id).alive_at(step.tick) || gone_before(replay, s, id)) return false;
        // An ALTER TABLE drops its constraints before it changes types, wherever it writes it.
        for (std::size_t j = s + 1; j < replay.steps.size(); ++j) {
          const lint::CatalogStep& later = replay.steps[j];
          if (later.statement != step.statement) break;
          if (later.effect.action == lint::Action::drop && later.object == id) return false;
        }
        return true;
      });
  if (!failed) return false;
  const lint::CatalogObject& dependent = catalog.object(failed->dependent);
  const lint::ObjectRef& ref = dependent.ref_at(step.tick);
  bool index = dependent.kind() == ObjectKind::index;
  std::string name = describe(ref);
  std::string message = alter;
  message += ' ';
  message += failed->type;
  message += " fails: PostgreSQL parses ";
  message += name;
  message += " again with the new type, and ";
  message += failed->why;
  message += " (\"";
  message += failed->error;
  message += "\")";
  std::string help = "drop ";
  help += name;
  help += " before this statement (";
  help += pairing::drop_sql(ref);
  help += ") and make it again after it, written for the new type";
  if (!failed->hint.empty()) {
    help += ": ";
    help += failed->hint;
  }
  if (!index && failed->enumeration) help += " (an enum needs no CHECK of its values)";
  auto builder = out.report(*project.parsed(i), range, message, help);
  if (const lint::ParsedFile* creator = project.parsed(dependent.created.file)) {
    builder.related(*creator, pairing::statement_range(*creator, dependent.created.statement),
                    name + " is created here");
  }
  return true;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for_each_type_change(
      project, catalog,
      [&](std::size_t i, const lint::ParsedFile& parsed, const lint::FileReplay& replay,
          std::size_t s, const lint::CatalogStep& step) {
        const lint::ParsedFile* file = &parsed;
        const lint::ObjectRef& column = catalog.object(step.object).ref_at(step.tick);
        std::string alter = "ALTER TABLE " + pairing::parent_sql(column) + " ALTER COLUMN " +
                            pairing::quote_identifier(column.name) + " TYPE";
        lint::TextRange range = pairing::statement_range(*file, step.statement);
        // There already: the first run fails.
        const lint::DependencyEdge* pin =
            pinning(catalog, step.object, [&](const lint::DependencyEdge& edge) {
              return edge.alive_at(step.tick) && catalog.object(edge.object).alive_at(step.tick) &&
                     !gone_before(replay, s, edge.object) &&
                     !redefined_before(replay, s, edge.object);
            });
        if (pin != nullptr) {
          const lint::CatalogObject& dependent = catalog.object(pin->object);
          const lint::ObjectRef& ref = dependent.ref_at(step.tick);
          auto builder = out.report(
              *file, range,
              alter + " while " + named(ref) +
                  (dependent.kind() == ObjectKind::rule ? " uses it" : " reads it") +
                  ": PostgreSQL refuses to change the type of " + reason(dependent.kind()) +
                  ", whatever the new type",
              "drop " + named(ref) + " before this statement and make it again after it (" +
                  pairing::drop_sql(ref) + " ... CREATE ...), in this migration");
          note_made(project, builder, pin->object, *pin, named(ref));
          return;
        }
        // A column of the table's row type: the first run fails.
        if (report_row_type_column(project, replay, s, alter, range, *file, out)) return;
        // Parsed again with the new type, and refused: the first run fails.
        if (report_failed_rebuild(project, i, replay, s, alter, range, out)) return;
        // Made (or defined again) later in this migration and still there at its end: the second
        // run fails.
        const lint::DependencyEdge* later =
            pinning(catalog, step.object, [&](const lint::DependencyEdge& edge) {
              const lint::CatalogObject& dependent = catalog.object(edge.object);
              return edge.from > step.tick && edge.alive_at(replay.end) &&
                     dependent.alive_at(replay.end) &&
                     lint::edge_origin(dependent, edge).file == i &&
                     !dropped_first(replay, s, dependent.ref_at(replay.end));
            });
        if (later == nullptr) {
          // A down's creates make no objects of the replay: its later steps, as written.
          const lint::CatalogStep* remade = made_later_in_down(replay, s, column);
          if (remade == nullptr) return;
          const lint::ObjectRef& ref = remade->effect.object;
          out.report(*file, range,
                     alter + " fails when the migration runs again: this down makes " + named(ref) +
                         " after it, which reads the column, and PostgreSQL refuses to change "
                         "the type of " +
                         reason(ref.kind) + ", whatever the new type",
                     "drop " + named(ref) + " before this statement (" + pairing::drop_sql(ref) +
                         "): each run then changes the type before making it again")
              .related(*file, pairing::statement_range(*file, remade->statement),
                       named(ref) + " is created here");
          return;
        }
        const lint::CatalogObject& dependent = catalog.object(later->object);
        const lint::ObjectRef& ref = dependent.ref_at(replay.end);
        bool again =
            lint::redefined_by(catalog, later->object, lint::edge_origin(dependent, *later));
        auto builder =
            out.report(*file, range,
                       alter + " fails when the migration runs again: this migration " +
                           (again ? "defines " + named(ref) + " again (CREATE OR REPLACE)"
                                  : "makes " + named(ref)) +
                           " after it, which reads the column, and PostgreSQL refuses "
                           "to change the type of " +
                           reason(dependent.kind()) + ", whatever the new type",
                       "drop " + named(ref) + " before this statement (" + pairing::drop_sql(ref) +
                           "): each run then changes the type before making it again");
        note_made(project, builder, later->object, *later, named(ref));
      });
}

}  // namespace

lint::Rule alter_type_dependents() {
  return {.info = {.id = "alter-type-dependents",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "ALTER COLUMN ... TYPE of a column a view, rule, policy, "
                              "trigger, generated column or SQL-standard function body reads, "
                              "that a CHECK or index over it cannot take, or of a table whose row "
                              "type a column uses"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
