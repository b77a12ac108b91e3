// What the replay of the migrations knows of how a column gets its values: whether it is an
// identity column (ALWAYS or BY DEFAULT) or a generated one, as its definition and every ALTER
// TABLE since left it (the replay invalid-identity checks its commands against).
#pragma once

#include <optional>
#include <string>

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

struct ColumnGeneration {
  char identity = 0;       // 'a' GENERATED ALWAYS, 'd' BY DEFAULT, 0 not an identity column
  bool generated = false;  // GENERATED ALWAYS AS (...) STORED
};

// The column of the table as it stands just before `statement`; nothing when the migrations do
// not tell (a table made outside them, by LIKE, INHERITS, PARTITION OF or CREATE TABLE AS).
std::optional<ColumnGeneration> column_generation(const lint::FileContext& context,
                                                  const lint::Statement& statement,
                                                  const lint::QualifiedName& table,
                                                  const std::string& column);

// Whether the column is NOT NULL and its type, as its definition and every ALTER TABLE since
// leave them just before `statement` (each nullopt when not known); nothing when the migrations
// do not tell, as for column_generation().
struct ColumnShape {
  std::optional<bool> not_null;
  std::optional<lint::ColumnType> type;
};
std::optional<ColumnShape> column_shape(const lint::FileContext& context,
                                        const lint::Statement& statement,
                                        const lint::QualifiedName& table,
                                        const std::string& column);

}  // namespace sqlgate::rules
