// What immutable-expression knows of the volatility of PostgreSQL's own functions, for the rules
// that judge other expressions PostgreSQL wants immutable.
#pragma once

#include <optional>
#include <string>

#include "lint/tree.h"

namespace sqlgate::rules {

// The first call in an expression of a built-in (or contrib) function that PostgreSQL 15 does not
// mark IMMUTABLE, as a message names it: "now()", "CURRENT_DATE"; nothing when none is known.
// Functions of other schemas are not judged.
std::optional<std::string> first_not_immutable_builtin(const lint::Node& expression);

}  // namespace sqlgate::rules
