// What the migrations tell of whether PostgreSQL writes through a view: whether its query is
// automatically updatable (as PostgreSQL 15's rewriter judges it), and the statement that defined
// it. invalid-ddl refuses WITH CHECK OPTION on a view that is not; invalid-dml an INSERT, UPDATE
// or DELETE through it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lint/catalog.h"
#include "lint/rule.h"
#include "lint/tree.h"

namespace sqlgate::rules {

// PostgreSQL 15's DETAIL for a view that has no updatable columns (refused for INSERT and
// UPDATE, not for DELETE).
inline constexpr std::string_view k_no_updatable_columns =
    "Views that have no updatable columns are not automatically updatable.";

// Why a view's query is not automatically updatable, as PostgreSQL 15's hint says it, in the
// order it checks; nothing when it is (as far as the query tells: the relation it selects from
// is taken to be a table or an updatable view).
std::optional<std::string> not_auto_updatable(const lint::Node& query);

// The last CREATE [OR REPLACE] VIEW of the migrations before `statement` that defined the view
// `id`; null when unknown (or for a statement of a down).
const lint::Statement* view_definition(const lint::FileContext& context,
                                       const lint::Statement& statement, lint::ObjectId id);

}  // namespace sqlgate::rules
