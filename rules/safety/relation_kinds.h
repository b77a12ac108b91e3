// invalid-ddl's checks of statements that name a relation as of another kind than it is, as the
// migrations before left it: COMMENT ON TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | INDEX of a
// relation of another kind, ALTER VIEW or ALTER MATERIALIZED VIEW (RENAME, SET SCHEMA, OWNER TO,
// SET (...), ...) of a relation that is not one, and the table commands PostgreSQL refuses on a
// view: ALTER TABLE ... ADD COLUMN, ADD CONSTRAINT, SET NOT NULL, ..., CREATE INDEX, TRUNCATE
// (often of the view left with a table's old name after a rename).
#pragma once

#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

// Reports each such refusal of the statement as invalid-ddl.
void check_relation_kinds(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out);

// Whether the relation a statement names is a view, as the migrations before it left it: the
// lock rules leave table commands on it alone (PostgreSQL refuses them, and this check says so).
bool names_view(const lint::FileContext& context, const lint::Statement& statement,
                const lint::QualifiedName& relation);

// Whether a COMMENT ON, ALTER VIEW or ALTER MATERIALIZED VIEW statement names a relation of
// another kind than it is, which PostgreSQL refuses on the first run (other rules then say
// nothing of what it would have done).
bool names_other_kind(const lint::FileContext& context, const lint::Statement& statement);

}  // namespace sqlgate::rules
