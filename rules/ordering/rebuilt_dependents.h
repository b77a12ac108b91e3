// What ALTER COLUMN ... TYPE does to the CHECK constraints and indexes over the column: PostgreSQL
// takes their stored definitions (as pg_get_constraintdef and pg_get_indexdef write them, every
// constant with the type it took) and parses them again with the column's new type. A definition
// that no longer parses makes the ALTER fail.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules::ordering {

struct FailedRebuild {
  lint::ObjectId dependent = lint::k_no_object;
  std::string error;         // PostgreSQL's: "operator does not exist: ticket_status = text"
  std::string why;           // what in the definition meets the new type
  std::string hint;          // how to write it for the new type, when there is a usual way
  std::string type;          // the new type, as written
  bool enumeration = false;  // the column, not an enum before, is made one
};

// The first CHECK constraint or index over the column of the type change at step `s` of a
// replayed file whose definition PostgreSQL cannot parse again with the new type, among those
// `there` says are there when the statement runs. Judged only where it is certain: the column
// of a built-in type or of an enum compared with a constant of another family of types (numbers,
// strings, booleans, enums; each enum its own), given to a built-in function of strings or of
// numbers that has no version for the new type, or read as a condition when it is no longer a
// boolean; and an index expression or predicate that is no longer immutable with the new type
// (date() of a timestamptz).
std::optional<FailedRebuild> failed_rebuild(const lint::Project& project,
                                            const lint::Catalog& catalog, std::size_t file,
                                            const lint::FileReplay& replay, std::size_t s,
                                            const std::function<bool(lint::ObjectId)>& there);

}  // namespace sqlgate::rules::ordering
