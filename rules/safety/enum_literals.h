// A string constant written into a column of an enum (INSERT ... VALUES, UPDATE ... SET, a
// column's DEFAULT) is read with the enum's input function when PostgreSQL parses the statement,
// before any row: a text that is not a label of the enum then fails the statement on every run
// (`invalid input value for enum "Role": "admin"`), even an UPDATE that matches no row.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "lint/catalog.h"
#include "lint/sql.h"
#include "lint/tree.h"
#include "rules/safety/refusal.h"

namespace sqlgate::rules {

// The refusal of `value` written into `column` just before `tick` (its why, message and help;
// `what` is left to the caller): when `value` is a string constant, the column is of an enum
// whose labels the replay knows then (lint::column_enum_before()), and none of them is the text.
// Nothing otherwise.
std::optional<Refusal> unknown_enum_label(const lint::Project& project,
                                          const lint::Catalog& catalog, lint::ObjectId column,
                                          lint::Tick tick, const lint::Node& value);

// Where a string constant of the statement stands in the file, quotes included (`location` is
// where its tree puts it); nothing when no constant starts there or the locations are not exact.
std::optional<lint::TextRange> string_constant_range(std::string_view file_text,
                                                     const lint::Statement& statement,
                                                     std::optional<std::uint32_t> location);

}  // namespace sqlgate::rules
