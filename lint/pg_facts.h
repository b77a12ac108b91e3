// Facts about what PostgreSQL does that the safety rules share: column types and which type
// changes rewrite a table, which functions are volatile, which time zones are UTC, and where the
// parts of a statement stand in the text (for findings and fixes). Each fact was checked on
// PostgreSQL 15 (see the rule pages for how).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/rule.h"
#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// A name as written: schema empty when unqualified. Two names match when their names are equal
// and their schemas are equal or one of them is unqualified.
struct QualifiedName {
  std::string schema;
  std::string name;

  static QualifiedName of(const RelationName& relation);
  // From a list of String nodes: ["public", "users"] or ["users"].
  static QualifiedName of(const NodeList& names);
  bool matches(const QualifiedName& other) const;
  std::string display() const { return schema.empty() ? name : schema + "." + name; }
  // As SQL text: each part as sql_identifier() writes it ("C", "default", app.ci).
  std::string sql() const;
};

// A column type as written, with PostgreSQL's aliases folded: "int4" for int, integer and int4;
// "varchar" for character varying; "bpchar" for char(n) and character(n); "timestamptz" for
// timestamp with time zone; "numeric" for decimal.
struct ColumnType {
  std::string name;                     // as pg_type has it, without the pg_catalog qualifier
  std::string schema;                   // as written, empty when none or pg_catalog
  std::vector<std::int64_t> modifiers;  // (10) or (10, 2); empty when none
  bool modifiers_known = true;          // false when a modifier is not an integer constant
  bool array = false;
  std::optional<std::uint32_t> location;  // of the type name, in the parsed text

  // A built-in (or unqualified) type of that canonical name.
  bool is(std::string_view canonical) const { return schema.empty() && name == canonical; }
  // As a reader writes it: "varchar(10)", "numeric(10,2)[]".
  std::string display() const;
  bool operator==(const ColumnType& other) const {
    return name == other.name && schema == other.schema && modifiers == other.modifiers &&
           modifiers_known == other.modifiers_known && array == other.array;
  }
};

// What a CREATE COLLATION (DefineStmt) defines, as pg_collation keeps it: the provider (libc by
// default), LC_COLLATE and LC_CTYPE (LOCALE sets both), whether it is deterministic ("true" by
// default, else "false"), or the collation it copies (FROM); VERSION is left out.
std::map<std::string, std::string> collation_definition(const Node& create);

// The type of a TypeName node (a ColumnDef's typeName, a cast's target).
ColumnType column_type(const Node& type_name);

// serial, bigserial, smallserial and their serial2/4/8 spellings.
bool is_serial(const ColumnType& type);
// The integer type behind a serial type ("int4" for serial), else empty.
std::string_view serial_integer(const ColumnType& type);
// smallint or integer (and their serials): keys of these types run out.
bool is_small_integer(const ColumnType& type);

enum class TypeChange : std::uint8_t {
  rewrite,           // the table and its indexes are rewritten under ACCESS EXCLUSIVE
  rebuilds_indexes,  // the table is kept, but the indexes on the column are rebuilt
  no_rewrite,        // a catalog change only
};

struct TypeChangeContext {
  int pg_version = 15;
  bool session_utc = false;  // the session's TimeZone is UTC (SET in the same file)
};

// What ALTER COLUMN ... TYPE from `from` to `to` (without USING, or USING the column itself)
// does to the table. Checked on PostgreSQL 15 by comparing pg_class.relfilenode before and after.
TypeChange type_change(const ColumnType& from, const ColumnType& to,
                       const TypeChangeContext& context);

// A type PostgreSQL itself defines (int4, text, timestamptz, uuid, ...), not an extension's,
// a domain or an enum: type_change() knows the casts between these, and only these.
bool is_builtin_type(const ColumnType& type);
// A built-in type, or citext: the types whose casts type_change() knows.
bool has_known_casts(const ColumnType& type);

// Whether ALTER COLUMN ... TYPE `to` without USING is accepted for a column of type `from`:
// PostgreSQL converts the values only by an implicit or assignment cast ("column c cannot be
// cast automatically to type t" otherwise). Any type goes to a string type; a string type goes
// to no other type but regclass. Known for the built-in types (and arrays of them, element by
// element), as PostgreSQL 15's pg_cast has them; nullopt for the others.
std::optional<bool> converts_automatically(const ColumnType& from, const ColumnType& to);
// Whether PostgreSQL 15 implements a foreign key whose column of type `fk` references a key
// column of type `pk` ("foreign key constraint ... cannot be implemented" otherwise): the
// equality operator of the key index's operator class must take the referencing type, either
// as a cross-type member of its operator family (int4 = int8) or after an implicit cast to the
// class's input type (varchar to text). Read from PostgreSQL 15 by trying every pair of built-in
// types with a btree operator class, citext and their arrays; type modifiers play no part.
// nullopt for a type not tried (enums, extension types but citext, domains: pass the base type).
std::optional<bool> key_types_match(const ColumnType& pk, const ColumnType& fk);
// text, varchar, char(n), "char" or name (not an array of one): what every type converts to.
bool is_string_type(const ColumnType& type);

// The collation a column of `type` gets when no COLLATE clause names one, as PostgreSQL 15's
// pg_type.typcollation has it: "default" for text, varchar, char(n), citext and their arrays,
// "C" for name; a collation without a name for the other built-in types, which are not
// collatable; nothing for the rest (a domain may have a collation of its own, an extension's
// type any).
std::optional<QualifiedName> default_collation(const ColumnType& type);
// Whether two collations (pg_catalog dropped from their schemas) are known to be other ones, as
// pg_attribute.attcollation compares them: both known and collatable, and named otherwise, or
// alike in two schemas both written. "C" and "POSIX" are two collations.
bool collations_differ(const std::optional<QualifiedName>& a,
                       const std::optional<QualifiedName>& b);

// True when some source type reaches `to` without a rewrite (varchar(n) -> text, say): with the
// source unknown, such a change cannot be judged.
bool reachable_without_rewrite(const ColumnType& to, const TypeChangeContext& context);

// Whether a SELECT gives one row even when the tables it reads are empty: an aggregate without
// GROUP BY (count(*) is 0), HAVING without GROUP BY. Window functions give a row per row.
bool aggregates_without_group(const Node& select);

// The first call in an expression of a function PostgreSQL marks volatile (random(),
// gen_random_uuid(), clock_timestamp(), nextval(), ...): its name, else nothing. Functions it does
// not know (user-defined ones) are not reported: their volatility cannot be known from the file.
std::optional<std::string> volatile_call(const Node& expression);

// Built-in functions PostgreSQL marks stable or immutable that defaults commonly call (now(),
// lower(), date_trunc(), jsonb_build_object()...): no migration needs to be searched for them.
bool is_known_non_volatile(const QualifiedName& function);

// The functions an expression calls, in order.
std::vector<QualifiedName> function_calls(const Node& expression);

// A routine's parameter (a FunctionParameter) that a call passes: IN, INOUT or VARIADIC; not OUT,
// not a column of RETURNS TABLE.
bool input_parameter(const Node& parameter);
// One that the routine returns: OUT, INOUT or a column of RETURNS TABLE.
bool output_parameter(const Node& parameter);

// An A_Const NULL (DEFAULT NULL), possibly cast (NULL::text).
bool is_null_constant(const Node& expression);

// A time zone name whose offset from UTC is always zero: 'UTC', 'Etc/UTC', 'GMT', 'Zulu', '0'...
bool is_utc_zone(std::string_view zone);

// PostgreSQL's parse_bool() (a setting's or a storage parameter's value): a prefix of true,
// false, yes, no (any case), of on or off (two letters at least), 1 or 0; nullopt for the rest.
std::optional<bool> parse_bool(std::string_view value);
// PostgreSQL's boolin() (text read as a boolean: 'yes'::boolean, set_config()'s is_local):
// parse_bool() after white space is trimmed from both ends.
std::optional<bool> boolean_input(std::string_view text);

// The value a SET statement (VariableSetStmt) gives, as text: "5s", "0", "UTC". Empty for
// SET ... TO DEFAULT, RESET and values that are not constants.
std::string set_value(const Node& variable_set);
// Each value of a SET ... TO list, as text: {"app", "pg_temp"} for search_path = app, pg_temp.
// Empty for SET ... TO DEFAULT, RESET, and a list with a value that is not a constant.
std::vector<std::string> set_values(const Node& variable_set);

// Where each command of an ALTER TABLE (or ALTER INDEX ...) statement stands in the file, split
// at the top-level commas after the relation name; one range per command in `cmds`. Empty when
// the statement is not exact or the text does not split into as many commands.
std::vector<TextRange> alter_command_ranges(const ParsedFile& file, const Statement& statement);

// The range of the command `index` of an ALTER TABLE: the command when it can be located, else
// the whole statement.
TextRange alter_command_range(const ParsedFile& file, const Statement& statement,
                              std::size_t index);

// The first token of a range with this name ("INDEX", "CONCURRENTLY"), at or after `from`.
std::optional<Token> find_token(const std::vector<Token>& tokens, std::string_view name,
                                std::size_t from = 0);

// The objects a DropStmt names (DROP TABLE a, s.b: "a" and "s.b"; DROP DOMAIN and DROP TYPE too).
std::vector<QualifiedName> drop_objects(const Node& drop);

// Calls visit(statement, table, cmd, index) for each command of each ALTER TABLE in the file
// (top-level and in DO blocks), in file order.
template <typename Visit>
void for_each_alter_command(const ParsedFile& file, Visit&& visit) {
  for (const Statement* statement : file.all_statements()) {
    if (statement->kind() != "AlterTableStmt") continue;
    QualifiedName table = QualifiedName::of(relation_name(statement->node.get("relation")));
    NodeList cmds = statement->node.list("cmds");
    for (std::size_t i = 0; i < cmds.size(); ++i) visit(*statement, table, cmds[i], i);
  }
}

// The range of a statement's node location, one token long when it can be scanned, else the
// statement's range. For findings that point at a name or keyword.
TextRange token_at(const ParsedFile& file, const Statement& statement,
                   std::optional<std::uint32_t> location);

// A column a statement defines or retypes: CREATE TABLE's columns, ALTER TABLE ... ADD COLUMN,
// ALTER COLUMN ... TYPE.
struct ColumnDefinition {
  enum class Origin : std::uint8_t { create_table, add_column, alter_type };
  Origin origin = Origin::create_table;
  Node column;     // the ColumnDef
  Node type_name;  // its TypeName
  std::string_view name;
  std::size_t command = 0;  // the ALTER TABLE command's index
  // Part of the table's primary key (inline, or in CREATE TABLE's PRIMARY KEY (...)).
  bool primary_key = false;
  // GENERATED ... AS IDENTITY.
  bool identity = false;
};
std::vector<ColumnDefinition> column_definitions(const Statement& statement);

// The generation expression of a column definition (GENERATED ALWAYS AS (...) STORED); an invalid
// Node when the column is not generated.
Node generation_expression(const Node& column_def);

// A column definition of a file, with its statement and its type.
struct FileColumn {
  const Statement* statement;
  ColumnDefinition column;
  ColumnType type;
};
// Every column definition of the file, in file order (top level and in DO blocks): made once
// per file for all the rules that read them.
const std::vector<FileColumn>& file_columns(const FileContext& context);

// Calls visit(statement, column, type) for each column definition in the file, in file order.
template <typename Visit>
void for_each_column_definition(const FileContext& context, Visit&& visit) {
  for (const FileColumn& column : file_columns(context)) {
    visit(*column.statement, column.column, column.type);
  }
}

// Where a column's type name stands, when a fix may replace it: a single word (not qualified),
// in CREATE TABLE or ADD COLUMN (a type change is not the place), in an exact statement.
std::optional<TextRange> replaceable_type(const ParsedFile& file, const Statement& statement,
                                          const ColumnDefinition& column);

// An edit inserting `text` right after the first token named `token` (after a parenthesised
// option list when the statement opens with one, as REINDEX (VERBOSE) TABLE does).
std::optional<Edit> insert_after_token(const ParsedFile& file, const Statement& statement,
                                       std::string_view token, std::string text);

// An element of an exclusion constraint (EXCLUDE USING gist (room_id WITH =, ...)): the column
// or expression (an IndexElem) and the operator's name as written ("=", or its schema too).
struct ExclusionElement {
  Node element;
  NodeList op;
};
std::vector<ExclusionElement> exclusion_elements(const Node& constraint);

// Whether a REINDEX statement is CONCURRENTLY: REINDEX ... CONCURRENTLY, or REINDEX
// (CONCURRENTLY) ..., but not (CONCURRENTLY false).
bool reindex_concurrently(const Node& reindex);

// A name as PostgreSQL reads it back where keywords do not matter (the text of a regclass or
// regtype lookup, a name in a message): bare when folding leaves it as it is (lower-case letters,
// digits, _ and $), else double-quoted ("Role", "order-items").
std::string quote_if_folded(std::string_view name);
// An identifier as SQL text: bare when PostgreSQL reads it back unchanged (lower case, not a
// keyword), else double-quoted.
std::string sql_identifier(std::string_view name);
// "schema.name" or "name", each part as sql_identifier() writes it.
std::string sql_name(std::string_view schema, std::string_view name);
// A constant as its text ('theme' gives theme, 42 gives 42), under any casts; nullopt for
// anything else.
std::optional<std::string> constant_text(const Node& value);
// A standard SQL string literal: 'it''s'.
std::string sql_literal(std::string_view text);

// The parts of a qualified name given as text ('app.users', '"MyTable"'), as PostgreSQL reads
// the text of a regclass and nextval()'s argument: split at dots outside double quotes,
// unquoted parts (identifier characters only) folded to lower case, "" inside quotes one
// quote. Empty when malformed or not a plain name ('int[]', 'a-b').
std::vector<std::string> text_name_parts(std::string_view text);
// The double-quoted identifier that starts at text[at] (a '"'), "" standing for ": its name, with
// `at` moved past its closing quote; nullopt when nothing closes it.
std::optional<std::string> quoted_identifier(std::string_view text, std::size_t& at);

}  // namespace sqlgate::lint
