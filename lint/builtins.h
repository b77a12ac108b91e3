// Names PostgreSQL 15 defines itself, and the members of its contrib extensions, as its catalogs
// list them (pg_proc, pg_type, pg_opclass, pg_depend): what a migration may call or name without
// creating it.
#pragma once

#include <string_view>

#include "lint/objects.h"

namespace sqlgate::lint {

// Whether pg_catalog has a function, aggregate or procedure of that name (in PostgreSQL 15, or a
// later version adds one that migrations often define themselves, as uuidv7). PostgreSQL searches
// pg_catalog before the schemas of the search path, so which function an unqualified call of such
// a name reaches depends on the argument types.
bool is_builtin_function(std::string_view name);
// Whether pg_catalog of PostgreSQL 15 itself has a function, aggregate or procedure of that name
// (the names is_builtin_function() adds from later versions left out).
bool is_pg15_function(std::string_view name);

// Whether pg_catalog has an operator of that name (SELECT DISTINCT oprname FROM pg_operator on
// PostgreSQL 15: "+", "||", "@>", ...).
bool is_builtin_operator(std::string_view name);

// Whether pg_cast of PostgreSQL 15 has a cast to (`target`) or from that built-in type, by its
// canonical name ("text", "int4").
bool builtin_cast_with(std::string_view type, bool target);

// Whether pg_catalog has a type of that name that migrations write unqualified: the base types of
// PostgreSQL 15 by their canonical names (int4, not integer), the pseudo-types a signature uses
// (record, void, trigger), and serial's spellings.
bool is_builtin_type_name(std::string_view name);

// The contrib extension ("citext", "pg_trgm", "uuid-ossp", ...) that has a member of that kind and
// name (operator classes: and access method) which pg_catalog does not have too; empty when none.
// Functions cover procedures and aggregates.
std::string_view extension_member(ObjectKind kind, std::string_view name,
                                  std::string_view access_method = {});

}  // namespace sqlgate::lint
