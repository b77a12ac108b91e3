// Comparing expressions by their terms (same_terms(), declared in tree.h), told what is known of
// the types PostgreSQL gives their constants.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// The types PostgreSQL gives an expression's constants, where known, each a built-in scalar type
// as ColumnType names it ("bool", "int4"; "" when not known): that of the whole expression (a
// default takes its column's type), and that of a column it names (in `col = 'f'` the literal
// takes the column's type).
struct TermTypes {
  std::string whole;
  std::function<std::string(std::string_view column)> column;
  // The relation a regclass constant names ('customers_id_seq'::regclass), as "schema.name" where
  // the text gives no schema: PostgreSQL stores the relation, not the text. Empty when not known
  // (the constant is compared by its spelling).
  std::function<std::string(std::string_view text)> relation;
};

// same_terms(), with a constant compared by the value it has in the type it takes where that type
// is known: 'f', 'false', 'no' and false are one boolean, '1' and 1 one integer (PostgreSQL
// stores the same constant for both). Only these: a bigint's '1' and 1 differ (the one is stored
// as an int8 constant, the other as an int4 one under a cast), and so do other types' spellings.
bool same_terms(const Node& a, const Node& b, const TermTypes& types);
// The same, where the two expressions were written under different settings (each its own
// search path for the relations its regclass constants name).
bool same_terms(const Node& a, const TermTypes& a_types, const Node& b, const TermTypes& b_types);

// The conditions an expression ANDs together (itself when it is no AND), appended to `out`.
void conjuncts(const Node& expression, std::vector<Node>& out);

// A type as TermTypes names it: a built-in scalar type's name, else "".
std::string term_type(const std::optional<ColumnType>& type);

// The TermTypes of expressions on a table (a CHECK, an index's WHERE, ON CONFLICT's WHERE): the
// types its columns have before `tick`, as column_type_before() knows them. The project and the
// catalog must outlive the result.
TermTypes column_term_types(const Project& project, const Catalog& catalog, const ObjectRef& table,
                            Tick tick);

}  // namespace sqlgate::lint
