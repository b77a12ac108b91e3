// Names PostgreSQL folds to lower case: an unquoted UserAccount is useraccount, which does not
// match an object the migrations created quoted in mixed case ("UserAccount"). use-before-create
// reports such a name, with the object it was probably meant to be.
#pragma once

#include <cstddef>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules::ordering {

// `ref` names nothing the migrations ever made, while an object whose names differ only in case
// is there at the step: reports it (error) and returns true.
bool check_case_folded(const lint::Project& project, std::size_t file_index,
                       const lint::CatalogStep& step, const lint::ObjectRef& ref,
                       lint::Reporter& out);
// The same for a name looked up at `tick` by a statement at `range`; `in_text`: given as the
// text of a lookup ('Post'::regclass), where the double quotes go inside the string.
bool check_case_folded(const lint::Project& project, std::size_t file_index, lint::Tick tick,
                       lint::TextRange range, const lint::ObjectRef& ref, lint::Reporter& out,
                       bool in_text);

// A create in a schema that is not there while one differing only in case is: CREATE TABLE
// Billing.t after CREATE SCHEMA "Billing" (schema "billing" does not exist), or an unqualified
// CREATE under a search path none of whose schemas is there (SET search_path TO Billing: no
// schema has been selected to create in). Reports it (error) and returns true.
bool check_case_folded_schema(const lint::Project& project, std::size_t file_index,
                              const lint::CatalogStep& step, lint::Reporter& out);

}  // namespace sqlgate::rules::ordering
