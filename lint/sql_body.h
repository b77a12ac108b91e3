// The body of a LANGUAGE sql function or procedure written as a string (AS $$ ... $$), which
// PostgreSQL parses and analyzes when CREATE FUNCTION | PROCEDURE runs: with
// check_function_bodies on (the default), unless an argument is polymorphic. Each statement is
// analyzed with the catalog as it is then, under the routine's own SET clauses (its search_path),
// before any of them runs: a table the body itself creates is unknown there. Utility statements
// (CREATE, ALTER, DROP, ...) are only parsed.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "lint/sql.h"

namespace sqlgate::lint {

// The value `SET check_function_bodies ...` or `SELECT set_config('check_function_bodies', ...)`
// gives it (RESET and SET ... TO DEFAULT: on); nullopt for other statements and values it does not
// read.
std::optional<bool> sets_check_function_bodies(const Node& statement);

// The statements PostgreSQL analyzes in the string body of a CREATE FUNCTION | PROCEDURE ...
// LANGUAGE sql that runs with check_function_bodies on: its queries, INSERT, UPDATE, DELETE,
// MERGE and CALL, and the query of a CREATE TABLE AS, EXPLAIN or DECLARE (the statement's node
// is that query). Located in the file as a DO block's statements are (exact when the body is
// dollar-quoted or has no doubled quote). Nothing when PostgreSQL analyzes no body there: another
// language, a body in SQL (BEGIN ATOMIC, RETURN), a polymorphic argument, the routine's own SET
// check_function_bodies = off, or a body that does not parse.
std::optional<std::vector<Statement>> analyzed_sql_body(std::string_view file_text,
                                                        const Statement& create,
                                                        Documents& documents);

}  // namespace sqlgate::lint
