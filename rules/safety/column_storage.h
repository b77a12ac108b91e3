// What invalid-ddl reports of a column's storage settings: SET STORAGE and SET COMPRESSION (and
// a column definition's COMPRESSION) that the column's type refuses, storage and compression
// methods PostgreSQL 15 has not.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "lint/rule.h"
#include "lint/tree.h"
#include "rules/safety/refusal.h"

namespace sqlgate::rules {

// One command of an ALTER TABLE: ALTER COLUMN ... SET STORAGE, SET COMPRESSION, ADD COLUMN ...
// COMPRESSION.
std::optional<Refusal> column_storage_command(const lint::FileContext& context,
                                              const lint::Statement& statement,
                                              const lint::Node& command);

// ALTER INDEX i ALTER COLUMN n SET STATISTICS (or ALTER TABLE naming an index; the `at`th
// command): a column of the index that is not an expression, an INCLUDE one, a number beyond the
// index's columns; a statistics target below -1; a column number of a table.
std::optional<Refusal> set_statistics(const lint::FileContext& context,
                                      const lint::Statement& statement, const lint::Node& command,
                                      std::size_t at);

// A CREATE TABLE's column definitions with COMPRESSION, judged from the statement alone.
std::optional<Refusal> create_table_compression(const lint::FileContext& context,
                                                const lint::Statement& statement);

}  // namespace sqlgate::rules
