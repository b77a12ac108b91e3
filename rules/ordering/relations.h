// Looking relations up by name as PostgreSQL does, for the ordering rules.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/catalog.h"

namespace sqlgate::rules::ordering {

// The relation PostgreSQL finds under a name at a tick: tables, views, materialized views,
// indexes and sequences share one namespace per schema, and the first schema of the search path
// that has the name wins. `schema`: the one written, or the first of the path.
inline lint::ObjectId relation_named(const lint::Catalog& catalog, std::string_view schema,
                                     std::string_view name, bool schema_given,
                                     const std::shared_ptr<const std::vector<std::string>>& path,
                                     lint::Tick at) {
  auto in_schema = [&](std::string_view where) {
    for (lint::ObjectKind kind :
         {lint::ObjectKind::table, lint::ObjectKind::index, lint::ObjectKind::sequence}) {
      lint::ObjectId id = catalog.find(lint::Catalog::NameRef(kind, where, {}, name), at);
      if (id != lint::k_no_object) return id;
    }
    return lint::k_no_object;
  };
  lint::ObjectId id = in_schema(schema);
  if (id != lint::k_no_object || schema_given || !path) return id;
  for (const auto& other : *path) {
    if (other == schema) continue;
    id = in_schema(other);
    if (id != lint::k_no_object) return id;
  }
  return lint::k_no_object;
}

}  // namespace sqlgate::rules::ordering
