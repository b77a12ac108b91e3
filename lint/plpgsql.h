// The statements a DO block runs, found with libpg_query's PL/pgSQL parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/pg_facts.h"
#include "lint/sql.h"

namespace sqlgate::lint {

struct DoBody {
  TextRange range;       // where the body stands in the file
  bool exact = true;     // the body's text is the file's text there (not a quoted string)
  std::string language;  // "plpgsql" unless LANGUAGE says otherwise
};

// Where the body of a DO statement stands; nothing when the tree has no body.
std::optional<DoBody> do_body(std::string_view file_text, const Statement& do_statement);

// Where the string `content` of an AS option (`as`: a DO block's, a routine's) stands in the file:
// exact when the file's text there is the content (dollar quotes, or single quotes without a
// doubled one); else the statement's range.
struct StringBody {
  TextRange range;
  bool exact = false;
};
StringBody string_body(std::string_view file_text, const Statement& statement, const Node& as,
                       std::string_view content);

struct DoExpansion {
  std::vector<Statement> statements;
  // The statements of EXECUTE format('<template>', ...): the template with each %I, %L and %s
  // replaced by a stand-in ("%I" as a quoted identifier, '%L' as a literal), so their names
  // are not the ones that run.
  std::vector<Statement> templated;
  std::vector<FileError> errors;
  Node function;  // the PL/pgSQL function the block compiles to (datums, action)
};

// The SQL statements of a DO block, in order, each with the PL/pgSQL constructs around it.
// `index` is the DO statement's index in the file.
DoExpansion expand_do(std::string_view file_text, const Statement& do_statement,
                      std::ptrdiff_t index, Documents& documents);

// The SQL of format()'s template with each %I, %s (as a quoted identifier "%I", "%s") and %L (as
// a literal '%L') stood in for, %% made %; nothing when a specifier is another or malformed.
std::optional<std::string> format_template_sql(std::string_view format);

// The text of a PL/pgSQL string constant used as a whole EXECUTE argument ('...', E'...' is
// not taken, $tag$...$tag$); nothing for anything else (format(), concatenation, variables).
struct StringConstant {
  std::string text;
  std::uint32_t prefix = 0;  // bytes before the content in the expression (the quote)
  bool exact = true;         // no escapes: content offsets map one to one
};
std::optional<StringConstant> string_constant(std::string_view expression);

// "COMMIT" or "ROLLBACK" when the PL/pgSQL body of a CREATE PROCEDURE (its whole text) ends the
// transaction it runs in; nothing when it does not, or does not parse.
std::optional<std::string> routine_ends_transaction(std::string_view create_routine);

// The procedures the PL/pgSQL body of a CREATE FUNCTION or PROCEDURE (its whole text) CALLs, by
// name as written, in the order of the body; none when it does not parse.
std::vector<QualifiedName> routine_calls(std::string_view create_routine);

// A COMMIT or ROLLBACK of a PL/pgSQL function (a DO block's tree) in the body of a block with an
// EXCEPTION clause, which runs as a subtransaction: PostgreSQL refuses it there wherever the
// function runs ("cannot commit while a subtransaction is active", 2D000), unless a handler of
// such a block catches that error (OTHERS, invalid_transaction_termination) and does not raise
// one at its top level. Nothing when there is none. A handler's own statements run after its
// block's subtransaction has ended.
struct SubtransactionEnd {
  std::string what;         // "COMMIT" or "ROLLBACK"
  std::int64_t lineno = 0;  // its line, counted from the start of the body
};
std::optional<SubtransactionEnd> ends_subtransaction(const Node& function);
// The same for the PL/pgSQL body of a CREATE PROCEDURE (its whole text).
std::optional<SubtransactionEnd> routine_ends_subtransaction(std::string_view create_routine);

}  // namespace sqlgate::lint
