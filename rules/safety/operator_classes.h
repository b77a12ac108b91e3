// PostgreSQL 15's operator classes of its built-in access methods (and pg_trgm's), the types
// each takes, and which are no type's default: what CREATE INDEX and the rebuild of an index
// after ALTER COLUMN ... TYPE accept.
#pragma once

#include <string>
#include <string_view>

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

struct OperatorClass {
  std::string_view method;
  std::string_view name;
  std::string_view input;  // the type it takes (opcintype): "text", "anyarray", ...
};

// The operator class of that name for the access method; null when PostgreSQL 15 has none.
const OperatorClass* operator_class(std::string_view method, std::string_view name);

// Whether an operator class taking `input` takes a column of the built-in type, as PostgreSQL's
// IsBinaryCoercible() answers: the same type, a binary-coercible cast, or a polymorphic input
// (anyarray takes every array, anyrange every range; a built-in type is no enum nor composite).
bool accepts(std::string_view input, const lint::ColumnType& type);

// Whether the operator class is some type's default for the access method (pg_opclass.opcdefault).
// PostgreSQL writes a default one in an index's definition only for a column of another type,
// and every other one always: that one the rebuild after ALTER COLUMN ... TYPE keeps.
bool is_default_class(std::string_view method, std::string_view name);

// A range or multirange type.
bool is_range(const lint::ColumnType& type);

// A built-in type as PostgreSQL's messages name it (format_type(), without modifiers).
std::string sql_type_name(const lint::ColumnType& type);

// Whether a migration of the set makes an operator class of that name (CREATE OPERATOR CLASS).
bool makes_operator_class(const lint::Project& project, std::string_view name);

}  // namespace sqlgate::rules
