// What immutable-expression knows of the volatility of PostgreSQL's own functions, for the rules
// that judge other expressions PostgreSQL wants immutable.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "lint/pg_facts.h"
#include "lint/tree.h"

namespace sqlgate::rules {

// The first call in an expression of a built-in (or contrib) function that PostgreSQL 15 does not
// mark IMMUTABLE, as a message names it: "now()", "CURRENT_DATE"; nothing when none is known.
// Functions of other schemas are not judged.
std::optional<std::string> first_not_immutable_builtin(const lint::Node& expression);
// The same, with the types of the columns the expression names (by their last name; nullopt when
// not known): what a call or cast reads for its argument's type counts too (date() of a
// timestamptz reads TimeZone).
std::optional<std::string> first_not_immutable_builtin(
    const lint::Node& expression,
    const std::function<std::optional<lint::ColumnType>(std::string_view)>& columns);

}  // namespace sqlgate::rules
