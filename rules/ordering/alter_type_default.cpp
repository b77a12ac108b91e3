// alter-type-default: ALTER TABLE ... ALTER COLUMN c TYPE e, e an enum, while c has a default of
// another type. PostgreSQL casts the default to the new type with an assignment cast, and there
// is none into an enum from any other type (text included): it refuses the ALTER ("default for
// column "c" cannot be cast automatically to type e"), whatever the USING clause. The enum rebuild
// (RENAME the old type, CREATE the new one, ALTER COLUMN ... TYPE, DROP the old) meets it on
// every column with a default.
#include <algorithm>
#include <optional>
#include <string>

#include "lint/table_state.h"
#include "rules/ordering/rules.h"
#include "rules/ordering/type_changes.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using lint::ObjectKind;
using pairing::describe;

constexpr ObjectId k_none = lint::k_no_object;

bool is_enum(const lint::Statement* statement) {
  return statement != nullptr && statement->kind() == "CreateEnumStmt";
}

// The refs a type name written in the statement may stand for: its schema when written, else
// each schema of the search path the statement was read with.
std::vector<lint::ObjectRef> type_refs(const lint::ColumnType& type, const lint::Effect& effect) {
  std::vector<lint::ObjectRef> refs;
  auto add = [&](const std::string& schema) {
    lint::ObjectRef& ref = refs.emplace_back();
    ref.kind = ObjectKind::type;
    ref.schema = schema;
    ref.name = lint::truncate_identifier(type.name);
  };
  if (!type.schema.empty()) {
    add(lint::truncate_identifier(type.schema));
  } else if (effect.search_path) {
    for (const auto& schema : *effect.search_path) add(schema);
  } else {
    add(effect.object.schema);
    if (effect.object.schema != "public") add("public");
  }
  return refs;
}

// What the target type is, as far as the file and the catalog tell.
struct Target {
  bool is_enum = false;
  ObjectId id = k_none;  // the catalog's object; k_none when the file makes it itself (a down)
};

// The type an ALTER COLUMN ... TYPE names, at step `s` of the replay: an enum the file made before
// (a down's creates are not in the catalog), else the catalog's type of that name at the tick
// (less what a down renamed away before).
std::optional<Target> target_of(const lint::Project& project, const lint::Catalog& catalog,
                                const lint::FileReplay& replay, const lint::ParsedFile& file,
                                std::size_t s, const lint::ColumnType& type) {
  if (type.array) return std::nullopt;
  const lint::CatalogStep& step = replay.steps[s];
  bool down = replay.direction == lint::Direction::down;
  for (const auto& ref : type_refs(type, step.effect)) {
    if (down) {
      for (std::size_t j = s; j-- > 0;) {
        const lint::Effect& earlier = replay.steps[j].effect;
        if (earlier.action == lint::Action::create &&
            (earlier.object.kind == ObjectKind::type ||
             earlier.object.kind == ObjectKind::domain) &&
            earlier.object.schema == ref.schema && earlier.object.name == ref.name) {
          return Target{is_enum(file.all_statements()[replay.steps[j].statement]), k_none};
        }
      }
    }
    ObjectId id = catalog.find(ref, step.tick);
    if (id == k_none) continue;
    if (down) {
      bool renamed = false;
      for (std::size_t j = 0; j < s && !renamed; ++j) {
        const lint::CatalogStep& earlier = replay.steps[j];
        renamed = earlier.object == id && (earlier.effect.action == lint::Action::rename ||
                                           earlier.effect.action == lint::Action::drop);
      }
      if (renamed) continue;
    }
    const lint::CatalogObject& object = catalog.object(id);
    return Target{is_enum(lint::statement_at(project, object.created)), id};
  }
  return std::nullopt;
}

// The type object the column has at the tick (by its type edge); k_none for a built-in type or
// one the migrations do not make.
ObjectId current_type(const lint::Catalog& catalog, ObjectId column, lint::Tick tick) {
  for (const auto& edge : catalog.object(column).depends_on) {
    if (edge.source != lint::DependencySource::type || !edge.alive_at(tick)) continue;
    ObjectKind kind = catalog.object(edge.object).kind();
    if (kind == ObjectKind::type || kind == ObjectKind::domain) return edge.object;
  }
  return k_none;
}

// Whether the column has a default when the ALTER COLUMN ... TYPE of `statement` reaches it:
// the catalog's answer before the statement, the earlier statements of a down, then the commands
// of the statement before the TYPE. nullopt when not known.
std::optional<bool> has_default(const lint::Project& project, const lint::Catalog& catalog,
                                const lint::FileReplay& replay, std::size_t s, ObjectId column) {
  const lint::CatalogStep& step = replay.steps[s];
  bool down = replay.direction == lint::Direction::down;
  // The tick before the statement's first step.
  lint::Tick tick = step.tick;
  std::size_t first = s;
  while (first > 0 && replay.steps[first - 1].statement == step.statement) --first;
  if (!down) tick = replay.steps[first].tick;
  std::optional<bool> result;
  switch (lint::column_fill(project, catalog, column, tick)) {
    case lint::ColumnFill::fixed:
    case lint::ColumnFill::anew:
      result = true;
      break;
    case lint::ColumnFill::null:
      result = false;
      break;
    case lint::ColumnFill::unknown:
      break;
  }
  if (down) {
    for (std::size_t j = 0; j < first; ++j) {
      const lint::CatalogStep& earlier = replay.steps[j];
      if (earlier.object != column || earlier.effect.action != lint::Action::alter) continue;
      if (earlier.effect.change == lint::Change::set_default) result = true;
      if (earlier.effect.change == lint::Change::drop_default) result = false;
    }
  }
  return result;
}

// The commands of the ALTER TABLE before its ALTER COLUMN name TYPE: whether they drop (false) or
// set (true) the column's default; nullopt when they do neither.
std::optional<bool> default_set_before_type(const lint::Statement& statement,
                                            const std::string& name) {
  std::optional<bool> result;
  if (statement.kind() != "AlterTableStmt") return result;
  for (lint::Node cmd : statement.node.list("cmds")) {
    if (lint::truncate_identifier(cmd.str("name")) != name) continue;
    std::string_view subtype = cmd.str("subtype");
    if (subtype == "AT_AlterColumnType") break;
    if (subtype == "AT_ColumnDefault") result = cmd.has("def");
  }
  return result;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for_each_type_change(
      project, catalog,
      [&](std::size_t, const lint::ParsedFile& parsed, const lint::FileReplay& replay,
          std::size_t s, const lint::CatalogStep& step) {
        const lint::ParsedFile* file = &parsed;
        const lint::Statement& statement = *file->all_statements()[step.statement];
        const lint::ObjectRef& column = catalog.object(step.object).ref_at(step.tick);
        std::optional<lint::ColumnType> type = lint::type_set_by(statement, column.name);
        if (!type) return;
        std::optional<Target> target = target_of(project, catalog, replay, *file, s, *type);
        if (!target || !target->is_enum) return;
        // A down that changed the column's type before: its type is not the catalog's.
        bool retyped = false;
        for (std::size_t j = 0; j < s && !retyped; ++j) {
          retyped = replay.steps[j].object == step.object &&
                    replay.steps[j].statement != step.statement &&
                    replay.steps[j].effect.change == lint::Change::set_type;
        }
        if (retyped && replay.direction == lint::Direction::down) return;
        ObjectId from = current_type(catalog, step.object, step.tick);
        if (target->id != k_none && from == target->id) return;
        std::string from_text;
        if (from != k_none) {
          from_text = describe(catalog.object(from).ref_at(step.tick));
        } else {
          // Not a type the migrations make: the same name may still be the same type.
          std::optional<lint::ColumnType> before =
              lint::column_type_before(project, catalog, step.object, step.tick);
          if (!before || before->name == type->name) return;
          from_text = "type " + before->display();
        }
        std::optional<bool> defaulted = default_set_before_type(statement, column.name);
        if (!defaulted) {
          defaulted = has_default(project, catalog, replay, s, step.object);
        }
        if (!defaulted || !*defaulted) return;
        std::string table = pairing::parent_sql(column);
        std::string name = pairing::quote_identifier(column.name);
        std::string alter =
            "ALTER TABLE " + table + " ALTER COLUMN " + name + " TYPE " + type->display();
        std::string help = "drop the default before the type changes and set it again after, in ";
        help += "one statement: ALTER TABLE " + table + " ALTER COLUMN " + name +
                " DROP DEFAULT, ALTER COLUMN " + name + " TYPE " + type->display() +
                " USING ..., ALTER COLUMN " + name + " SET DEFAULT ...";
        out.report(*file, pairing::statement_range(*file, step.statement),
                   alter + " while the column has a default of " + from_text +
                       ": PostgreSQL refuses it (\"default for column ... cannot be cast "
                       "automatically\"), whatever the USING clause: nothing casts another type "
                       "to an enum implicitly",
                   help);
      });
}

}  // namespace

lint::Rule alter_type_default() {
  return {.info = {.id = "alter-type-default",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "ALTER COLUMN ... TYPE to an enum while the column has a default of "
                              "another type"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
