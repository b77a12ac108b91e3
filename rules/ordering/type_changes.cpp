// The types an ALTER COLUMN ... TYPE names and leaves behind, as the replay knows them.
#include "rules/ordering/type_changes.h"

#include <vector>

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using lint::ObjectKind;

constexpr ObjectId k_none = lint::k_no_object;

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

}  // namespace

bool makes_enum(const lint::Statement* statement) {
  return statement != nullptr && statement->kind() == "CreateEnumStmt";
}

std::optional<Target> target_of(const lint::Project& project, const lint::Catalog& catalog,
                                const lint::FileReplay& replay, const lint::ParsedFile& file,
                                std::size_t s, const lint::ColumnType& type) {
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
          return Target{makes_enum(file.all_statements()[replay.steps[j].statement]), k_none};
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
    return Target{makes_enum(lint::statement_at(project, object.created)), id};
  }
  return std::nullopt;
}

ObjectId current_type(const lint::Catalog& catalog, ObjectId column, lint::Tick tick) {
  for (const auto& edge : catalog.object(column).depends_on) {
    if (edge.source != lint::DependencySource::type || !edge.alive_at(tick)) continue;
    ObjectKind kind = catalog.object(edge.object).kind();
    if (kind == ObjectKind::type || kind == ObjectKind::domain) return edge.object;
  }
  return k_none;
}

std::string type_name_at(const lint::Catalog& catalog, const lint::FileReplay& replay,
                         std::size_t s, ObjectId type) {
  const lint::CatalogStep& step = replay.steps[s];
  const lint::ObjectRef& ref = catalog.object(type).ref_at(step.tick);
  std::string name = ref.name;
  if (replay.direction == lint::Direction::down) {
    for (std::size_t j = 0; j < s; ++j) {
      const lint::CatalogStep& earlier = replay.steps[j];
      if (earlier.object == type && earlier.effect.action == lint::Action::rename &&
          !earlier.effect.new_name.empty()) {
        name = earlier.effect.new_name;
      }
    }
  }
  return shown_type_name(ref.schema, name);
}

std::string shown_type_name(const std::string& schema, const std::string& name) {
  if (schema.empty() || schema == "public" || schema == "pg_catalog") return name;
  return schema + "." + name;
}

}  // namespace sqlgate::rules::ordering
