// The types of a view's columns where they can be told for certain from its query and the
// catalog replay, for incompatible-replace: PostgreSQL refuses CREATE OR REPLACE VIEW that
// changes one ("cannot change data type of view column").
#pragma once

#include <optional>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/tree.h"

namespace sqlgate::rules::ordering {

// The type of each column of a view (a ViewStmt) defined by the statement at `origin`, in order,
// when known: a cast's type, a constant's (an unknown-type string or NULL is text in a view), a
// column of a table the replay knows, count() and sum(), avg(), min(), max() of a known type.
// Empty for a set operation (its branches' types are unified).
std::vector<std::optional<lint::ColumnType>> view_column_types(const lint::Project& project,
                                                               const lint::Catalog& catalog,
                                                               const lint::Node& view,
                                                               const lint::Origin& origin);

// Whether two types are different types (or type modifiers) for PostgreSQL; nullopt when it
// cannot be told (a modifier that is not a constant, one schema written and not the other).
std::optional<bool> types_differ(const lint::ColumnType& a, const lint::ColumnType& b);

}  // namespace sqlgate::rules::ordering
