// What a statement does to schema objects: the objects it creates, drops, alters, renames or
// writes rows into, with the implicit ones PostgreSQL makes on its own (inline constraints and
// their indexes, serial and identity sequences) and the dependencies between them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/sql.h"

namespace sqlgate::lint {

enum class ObjectKind : std::uint8_t {
  schema,
  table,
  foreign_table,
  column,
  index,
  constraint,
  sequence,
  view,
  materialized_view,
  function,
  procedure,
  aggregate,
  trigger,
  event_trigger,
  type,
  domain,
  extension,
  policy,
  role,
  rule,
  operator_,
  operator_class,
  operator_family,
  collation,
  conversion,
  cast,
  language,
  text_search_configuration,
  text_search_dictionary,
  text_search_parser,
  text_search_template,
  statistics,
  publication,
  subscription,
  server,
  foreign_data_wrapper,
  user_mapping,
  tablespace,
  database,
  access_method,
  transform,
};

// "table", "materialized view", "function", ...
std::string_view to_string(ObjectKind kind);
// Kinds that live in pg_class and so share one namespace per schema.
bool is_relation(ObjectKind kind);
// Kinds that belong to a table (or a domain, for constraints): their ObjectRef has a parent.
bool has_parent(ObjectKind kind);
// Functions, procedures and aggregates: identified by their argument types too.
bool is_routine(ObjectKind kind);

// One object, as a statement names it once its schema is resolved. Names are as PostgreSQL
// stores them: unquoted identifiers folded to lower case, all truncated to 63 bytes.
struct ObjectRef {
  ObjectKind kind = ObjectKind::table;
  std::string schema;  // empty for objects outside schemas (schemas, roles, extensions, ...)
  std::string name;
  std::string parent;  // the table of a column, constraint, trigger, policy or rule
  // Routines: the input argument types, canonical and comma-separated ("int4,text");
  // nullopt when the statement gives none (DROP FUNCTION f).
  std::optional<std::string> args;

  // "users", "public.users.email", "f(int4,text)": for messages.
  std::string display() const;
  // Identity without the argument types (what overloads share).
  std::string base_key() const;
  // Identity: base_key() plus the argument types when known.
  std::string key() const;
  bool operator==(const ObjectRef& other) const = default;
};

enum class Action : std::uint8_t {
  create,  // CREATE (OR REPLACE), ADD COLUMN, ADD CONSTRAINT, implicit objects
  drop,    // DROP, DROP COLUMN, DROP CONSTRAINT
  alter,   // any other change to an existing object
  rename,  // RENAME (new_name) or SET SCHEMA (new_schema)
  use,     // rows written (INSERT, UPDATE, DELETE, TRUNCATE, COPY FROM) or read by DDL
};
std::string_view to_string(Action action);

// What an alter or use does, when rules care.
enum class Change : std::uint8_t {
  none,
  set_not_null,
  drop_not_null,
  set_default,
  drop_default,
  set_type,
  add_value,     // ALTER TYPE ... ADD VALUE
  rename_value,  // ALTER TYPE ... RENAME VALUE
  insert,
  update,
  delete_rows,
  truncate,
  replace,                // CREATE OR REPLACE (the create effect carries or_replace too)
  drop_identity,          // ALTER COLUMN ... DROP IDENTITY: the column's sequence goes with it
  drop_expression,        // ALTER COLUMN ... DROP EXPRESSION: a generated column made plain
  grant,                  // GRANT ... ON the object (the statement names the grantees)
  revoke,                 // REVOKE ... ON the object
  enable_row_security,    // ALTER TABLE ... ENABLE ROW LEVEL SECURITY
  disable_row_security,   // ... DISABLE ROW LEVEL SECURITY
  force_row_security,     // ... FORCE ROW LEVEL SECURITY
  no_force_row_security,  // ... NO FORCE ROW LEVEL SECURITY
  // Settings of an object, which stay until something sets them again. Where one statement can
  // set several, the effect's `columns` name the ones it sets.
  comment,             // COMMENT ON
  owner,               // OWNER TO
  storage_parameters,  // SET (...) / RESET (...) of a relation; columns: the parameters
  replica_identity,    // ALTER TABLE ... REPLICA IDENTITY
  enable_trigger,      // ENABLE [ALWAYS | REPLICA] TRIGGER; columns: its name, or ALL or USER
  disable_trigger,     // DISABLE TRIGGER; columns: as for enable_trigger
  set_logged,          // ALTER TABLE ... SET LOGGED
  set_unlogged,        // ALTER TABLE ... SET UNLOGGED
  clustering,          // CLUSTER ON / SET WITHOUT CLUSTER
  tablespace,          // SET TABLESPACE
  access_method,       // SET ACCESS METHOD
  // ALTER COLUMN SET STATISTICS / STORAGE / COMPRESSION / (...) / RESET (...), and the options of
  // an identity's sequence; columns: "statistics", "storage", "compression" or the options
  column_setting,
  sequence_options,   // ALTER SEQUENCE; columns: the options (RESTART is not one)
  routine_options,    // ALTER FUNCTION | PROCEDURE; columns: the attributes ("set:search_path")
  constraint_timing,  // ALTER TABLE ... ALTER CONSTRAINT: [NOT] DEFERRABLE, INITIALLY ...
  detach_partition,  // ALTER TABLE ... DETACH PARTITION p (the effect on p): it no longer goes with
                     // it
  // A use of the routine CREATE FUNCTION | PROCEDURE makes: PostgreSQL analyzes its LANGUAGE sql
  // body, a string (Statement::body), then. The dependencies are what the body names, looked up
  // along the routine's own search path (the effect's); each must be there, and nothing depends
  // on it afterwards (DependencySource::statement: PostgreSQL records none for such a body).
  body,
  // CALL of a procedure: a use of it, named without argument types (the call's arguments are in
  // the statement). The replay changes nothing of it.
  call,
  other,
};

// The settings above: what a down sets back rather than drops.
bool is_setting(Change change);

// What makes one object depend on another: which later statements end the dependency.
enum class DependencySource : std::uint8_t {
  definition,  // the object's definition: the dependency lasts as long as the object
  type,        // a column's type: ALTER COLUMN ... TYPE replaces it
  // A column's (or domain's) default: SET DEFAULT and DROP DEFAULT replace it, and DROP ...
  // CASCADE of what it uses takes the default, not the column.
  default_value,
  // Needed only while the statement runs (CREATE TABLE AS reads its query): it must exist then,
  // and nothing depends on it afterwards.
  statement,
  // A text search configuration's mapping of the token types its effect's `columns` name to a
  // dictionary (ALTER TEXT SEARCH CONFIGURATION ... ADD | ALTER MAPPING ... WITH): a later ADD,
  // ALTER or DROP MAPPING of the same token types, or a REPLACE of the dictionary, ends it.
  mapping,
  // What a policy's USING (WITH CHECK) expression calls and reads: ALTER POLICY ... USING (WITH
  // CHECK) replaces it, an ALTER POLICY without it keeps it.
  policy_using,
  policy_check,
  // A composite type's attribute's type: DROP ... CASCADE of it takes the attribute, not the
  // composite type.
  attribute,
};

struct Dependency {
  ObjectRef object;
  // True when the dependent goes with the object it depends on (an index with its table, a
  // column with its table); false when it blocks a DROP without CASCADE (a foreign key on the
  // table it references, a view on the tables it reads, a trigger on its function).
  bool automatic = false;
  DependencySource source = DependencySource::definition;
  // Written without a schema: looked up along the effect's search path (object.schema is the
  // first schema of it).
  bool schema_given = true;
  // The other way round: `object` depends on the object the effect creates (a serial column's
  // default on the sequence made for it, which is created after the column).
  bool reverse = false;
  // A function call: the function is chosen among the overloads of its name by the arguments, as
  // PostgreSQL chooses. One entry per argument: its canonical type when the call states it (a
  // cast, a number, true/false), "unknown" for a string literal or NULL (which fit any type),
  // empty when sqlgate cannot tell.
  std::optional<std::vector<std::string>> call;
  // The extension that provides the object when no migration creates it (a citext column, a
  // gin_trgm_ops index, a uuid_generate_v4() default): the dependency is on that extension.
  std::string extension;
  // An index element (or exclusion element) on a plain column without an operator class: the
  // dependency is on the default operator class of the column's type for this access method,
  // and `object` is the column. A contrib extension provides some (btree_gist's for a bigint
  // under gist): the dependency is then on that extension.
  std::string default_opclass_of;
  // CREATE TABLE ... (LIKE source INCLUDING DEFAULTS | ALL): `object` is the source table, whose
  // defaults the new table copies with what they use (nextval() of a serial's sequence).
  bool copies_defaults = false;
  // A column a view's query reads that only the replay can name, when it knows the tables'
  // columns. all_columns: every column `object` (a table) has then (SELECT *, t.*); with
  // shared_with, only those the table there has too (a NATURAL JOIN's columns). any_of: the column
  // `object.name` of whichever of these tables (column refs of that name) has one, when exactly
  // one does (an unqualified name in a query over several tables); `object` is the first.
  bool all_columns = false;
  std::vector<Dependency> shared_with;
  std::vector<Dependency> any_of;
  // A column read through a value of a table's row type (`u.c`, u a parameter of type
  // public.users): `object` is column c of the relation of the type's name. A dependency only
  // when that name is a table's when the statement runs; nothing is missing when it is another
  // type's (a composite type's attributes are not followed) or is not there.
  bool row_type_column = false;
  // A routine's result type (RETURNS t, RETURNS SETOF t): the catalog notes the table t names,
  // when it names one, as the table whose rows the routine returns.
  bool result = false;
  // A column of the rows a function in a query's FROM returns (FROM search_orders('[]')):
  // `object` and `call` are the function's, as for a call, and this the column's name. A
  // dependency on that column of the table whose rows the function returns (RETURNS SETOF
  // orders), when the call reaches one function that returns a table's rows; nothing otherwise.
  std::string result_column;
  // A query level with GROUP BY that reads a column of `object` (a table) it does not group by,
  // outside a function's arguments: PostgreSQL takes that only when the table's primary key is
  // among the columns grouped (these, of that table), and the view then depends on the primary
  // key constraint (functional dependency). A dependency on the primary key when its columns are
  // all here; nothing otherwise.
  std::optional<std::vector<std::string>> grouped;
};

// CREATE RULE: what PostgreSQL's rewriter does with a statement on the rule's table. The objects
// its actions and WHERE read and write (tables, the columns they name, functions they call) are
// the effect's depends_on, as PostgreSQL records them.
struct RuleAction {
  Change command = Change::none;  // insert, update, delete_rows; other for NOTIFY; none: SELECT
  bool returning = false;
  // The table an INSERT, UPDATE or DELETE writes (kind table; no name for the others), looked up
  // along the effect's search path when schema_given is false.
  ObjectRef table;
  bool schema_given = true;
};
struct RuleFacts {
  Change event = Change::none;      // ON INSERT | UPDATE | DELETE: insert, update, delete_rows
  bool instead = false;             // DO INSTEAD; false: DO ALSO
  bool conditional = false;         // a WHERE condition: it applies to the rows it holds for
  std::vector<RuleAction> actions;  // none: DO INSTEAD NOTHING (or DO ALSO NOTHING)

  // Whether an action has RETURNING (PostgreSQL allows it in one action of an unconditional
  // DO INSTEAD rule only).
  bool returning() const;
};
// "ON DELETE DO INSTEAD", "ON UPDATE DO ALSO", "ON INSERT DO INSTEAD NOTHING", with " (WHERE ...)"
// for a conditional rule: what a rule is, for messages.
std::string to_string(const RuleFacts& rule);
// "INSERT", "UPDATE", "DELETE" for Change::insert, update, delete_rows; "SELECT" otherwise.
std::string_view command_sql(Change command);

struct Effect {
  Action action = Action::alter;
  ObjectRef object;
  Change change = Change::none;
  std::string new_name;    // rename: the new name (same kind, schema and parent)
  std::string new_schema;  // SET SCHEMA: the new schema
  bool if_exists = false;
  bool if_not_exists = false;
  bool or_replace = false;
  bool cascade = false;
  // Made by PostgreSQL on its own: an inline constraint, its index, a serial's sequence.
  bool implicit = false;
  // Part of the create just before it (a column of CREATE TABLE, a constraint written inline in
  // ADD COLUMN): PostgreSQL skips it when IF NOT EXISTS finds that object already there.
  bool part = false;
  // True when the statement wrote the schema; false when it was resolved by search_path.
  bool schema_given = true;
  std::uint32_t offset = 0;  // where the object is named, as an offset into the file
  std::vector<Dependency> depends_on;

  // Constraints and indexes: the key columns ("expr" entries stand for expressions);
  // INSERT: the target columns; ALTER TEXT SEARCH CONFIGURATION ... MAPPING: the token types it
  // maps (none: every one, for a REPLACE without FOR); ALTER POLICY: "using" and "with check" for
  // the expressions it replaces.
  std::vector<std::string> columns;
  // Constraints and indexes: every column they read (keys, expressions, WHERE, INCLUDE), which
  // DROP COLUMN takes them with.
  std::vector<std::string> uses;
  bool unique = false;       // a unique index, or a primary key or unique constraint
  bool partial = false;      // an index with WHERE
  bool partitioned = false;  // a table created with PARTITION BY
  // GRANT / REVOKE ... ON ALL TABLES | SEQUENCES | FUNCTIONS | PROCEDURES | ROUTINES IN SCHEMA:
  // from ObjectResolver, one effect per schema, object.name saying which objects ("tables",
  // "sequences", "functions", "procedures", "routines"); the catalog's replay makes it one effect
  // per object of the schema at that point, each with this set.
  bool all_in_schema = false;
  char contype = 0;  // constraints: 'p' primary key, 'u', 'f', 'c', 'x' exclusion
  // Foreign keys: the referenced columns; empty when the statement names none (the primary key).
  std::vector<std::string> referenced;
  // A column's default (CREATE TABLE, ADD COLUMN, SET DEFAULT) written as a string constant:
  // PostgreSQL stores a constant of the column's type ('open'::ticket_status).
  bool literal_default = false;
  // Routines: how many trailing arguments have defaults, and whether the last is VARIADIC.
  std::uint16_t optional_args = 0;
  bool variadic = false;
  // CREATE FUNCTION | PROCEDURE with OUT (INOUT, TABLE) arguments: the types of every argument in
  // order, OUT ones too, comma-separated as object.args; empty for a routine without them.
  std::string all_args;
  // A statement on a PROCEDURE or ROUTINE that lists argument types without modes (DROP
  // PROCEDURE p(bigint, smallint)): PostgreSQL takes them as the input types, and also as the
  // types of every argument (all_args), OUT ones included.
  bool all_args_match = false;
  // The search path unqualified names were resolved with (schema_given false, or a dependency
  // written without a schema).
  std::shared_ptr<const std::vector<std::string>> search_path;
  // CREATE RULE: when the rule applies and what it runs.
  std::shared_ptr<const RuleFacts> rule;
};

// Truncates an identifier to 63 bytes at a character boundary, as PostgreSQL does.
std::string truncate_identifier(std::string_view name);

// PostgreSQL's makeObjectName(): name1_name2_label, the longer of name1 and name2 shortened
// until the whole fits in 63 bytes. name2 may be empty.
std::string make_object_name(std::string_view name1, std::string_view name2,
                             std::string_view label);

// PostgreSQL's ChooseRelationName()/ChooseConstraintName(): make_object_name(), then with
// label1, label2, ... until `taken` says the name is free.
std::string choose_name(std::string_view name1, std::string_view name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken);

// The canonical text of a type name ("int4", "varchar", "my_enum[]"), for argument lists.
std::string canonical_type(const Node& type_name);

// The columns of the table CREATE TABLE ... AS or SELECT ... INTO makes, named as PostgreSQL
// names them (an alias; a column's name; a function's; a cast's type; else "?column?"), the
// statement's column list naming the first; nullopt when only PostgreSQL can tell (SELECT *,
// t.*, EXECUTE) or the statement is neither.
std::optional<std::vector<std::string>> created_table_columns(const Node& statement);

// A statement that sets a run-time parameter: SET [LOCAL] name ..., SET name TO DEFAULT, RESET
// name, RESET ALL, DISCARD ALL, or a SELECT of nothing but [pg_catalog.]set_config('name', 'value',
// is_local) with constant arguments.
struct SettingChange {
  std::string name;  // empty for RESET ALL and DISCARD ALL, which reset every one
  // SET LOCAL, set_config(..., true): until the end of the transaction (nothing outside one).
  bool local = false;
  // SET's values, or set_config()'s one; nullopt: back to the default (RESET, DEFAULT).
  std::optional<std::vector<std::string>> values;
  bool set_config = false;  // by set_config(): the value is the text of a list to read
};
std::optional<SettingChange> setting_change(const Node& statement);

// A statement that changes search_path (setting_change()).
struct SearchPathChange {
  // The schemas as PostgreSQL reads the value: each value of SET is one schema, written as it is
  // (SET search_path = 'a, b' names the schema "a, b"); set_config() reads a list (unquoted names
  // folded to lower case, "" a schema of no name). Empty: no schema at all. nullopt: back to the
  // path the session started with.
  std::optional<std::vector<std::string>> path;
  bool local = false;
};
std::optional<SearchPathChange> search_path_change(const Node& statement);

// Whether a schema of a search path is one unqualified CREATEs may go to: not "$user" (a schema
// named after the role, which sqlgate cannot tell), pg_temp, pg_catalog or "" (a schema of no
// name, which never exists: SET search_path = '').
bool creation_schema(std::string_view schema);
// The schemas the SET search_path of a CREATE FUNCTION | PROCEDURE lists (none for ''); nullopt
// when it sets none, or sets FROM CURRENT (the session's path).
std::optional<std::vector<std::string>> routine_search_path(const Node& create);

// Reads statements in file order and says what each does to which objects. It follows
// `SET search_path` within the file. An unqualified table, view, sequence or index a statement
// looks up by a RangeVar (FROM, REFERENCES, ALTER TABLE, CREATE INDEX ... ON) takes the first
// schema of the path that has a relation of the name, as `taken` answers; other unqualified
// names (and those a statement creates) take the first schema of the path creation_schema()
// accepts; with none, pg_catalog (PostgreSQL searches only pg_catalog then, and an unqualified
// CREATE fails: no schema has been selected to create in), or public for a path of "$user" only.
class ObjectResolver {
 public:
  explicit ObjectResolver(std::vector<std::string> search_path = {"public"});

  // The effects of one statement, in the order PostgreSQL applies them. Implicit names are
  // chosen as PostgreSQL chooses them, asking `taken` whether a name is already used in a
  // schema by a relation (relations true) or by a constraint (constraints true).
  using NameTaken = std::function<bool(const std::string& schema, const std::string& name,
                                       bool relations, bool constraints)>;
  std::vector<Effect> effects(const Statement& statement, const NameTaken& taken = {});

  // The schemas unqualified names are looked up in, first first.
  const std::vector<std::string>& search_path() const { return *m_path; }
  const std::string& default_schema() const;
  // The next statements run each in a transaction of their own (a -- sqlgate:no-transaction
  // file): SET LOCAL search_path and set_config(..., true) there end with the statement, and
  // change nothing for the statements after it.
  void set_autocommit(bool autocommit) { m_autocommit = autocommit; }

 private:
  struct Context;
  std::shared_ptr<const std::vector<std::string>> m_path;
  std::vector<std::string> m_initial;
  bool m_autocommit = false;
};

}  // namespace sqlgate::lint
