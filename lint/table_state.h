// What the safety rules ask about the schema at one statement of a migration, in one place:
// is this table new in this migration, what type does this column have, which table does this
// index belong to, is there a unique index a constraint can take over, is this column already
// proven NOT NULL by a CHECK constraint.
//
// The file itself answers first: the statements before the one asked about. A table created
// earlier in the same file is new; anything else is taken to exist already (the cautious answer
// for a lock hazard). A column's type and the CHECK constraints that prove it NOT NULL come from
// the catalog replay of the earlier migrations (Project::catalog()) when the file does not say:
// the column's definition or its last ALTER ... TYPE, and checks created valid or validated
// since. Only this class reads the schema for the safety rules.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// An index a constraint can adopt with ADD CONSTRAINT ... UNIQUE / PRIMARY KEY USING INDEX: a
// unique b-tree index on plain columns in default order, without a WHERE clause.
struct UniqueIndex {
  QualifiedName name;
  const Statement* created_by = nullptr;
};

// The ColumnDef that made a column the catalog knows (in CREATE TABLE or ADD COLUMN); an invalid
// Node when something else made it (CREATE TABLE AS, LIKE, PARTITION OF, ...).
Node column_definition(const Project& project, const Catalog& catalog, ObjectId column);
// Whether the definition that made a column the catalog knows made it generated: its values are
// computed from the row's other columns.
bool generated_column(const Project& project, const Catalog& catalog, ObjectId column);
// The ColumnDef a CREATE TABLE or an ALTER TABLE ... ADD COLUMN gives the column of that name
// (folded and truncated as PostgreSQL stores it); an invalid Node when it gives none.
Node column_definition(const Statement& statement, const std::string& name);

// A column's type and collation come from one ColumnDef: that of its CREATE TABLE or ADD COLUMN,
// or that of its last ALTER COLUMN ... TYPE, which gives both anew (PostgreSQL 15: a TYPE without
// COLLATE gives the new type's default collation, even to a column of the same type). The
// collation is kept apart from ColumnType, which is a type as casts, keys and functions see it.

// The ColumnDef (type, COLLATE, USING) of an ALTER TABLE's ALTER COLUMN ... TYPE of the column;
// an invalid Node when it has none.
Node type_definition_set_by(const Statement& statement, const std::string& column);
// The type an ALTER TABLE's ALTER COLUMN ... TYPE gives the column; nothing when it has none.
std::optional<ColumnType> type_set_by(const Statement& statement, const std::string& column);
// The collation an ALTER TABLE's ALTER COLUMN ... TYPE gives the column (defined_collation());
// nothing when it has none or that is unknown.
std::optional<QualifiedName> collation_set_by(const Statement& statement,
                                              const std::string& column);

// The type a column definition (a ColumnDef) gives: a serial's integer type, since that is what
// the column has.
std::optional<ColumnType> defined_type(const Node& column_def);
// The collation a column definition (a ColumnDef, also an ALTER COLUMN ... TYPE's) gives, as
// pg_attribute.attcollation has it: the one its COLLATE clause names (pg_catalog dropped from
// the schema), else its type's default (default_collation()); nothing when that is unknown.
std::optional<QualifiedName> defined_collation(const Node& column_def);

// The ColumnDef that gave a column the catalog knows its type and collation before `tick`: its
// last ALTER COLUMN ... TYPE's, else its definition; an invalid Node when neither says (CREATE
// TABLE AS, LIKE, ...).
Node type_definition_before(const Project& project, const Catalog& catalog, ObjectId column,
                            Tick tick);
// The type a column the catalog knows has before `tick`: its last ALTER COLUMN ... TYPE, else its
// definition (a serial's integer type); nothing when neither says (CREATE TABLE AS, LIKE, ...).
std::optional<ColumnType> column_type_before(const Project& project, const Catalog& catalog,
                                             ObjectId column, Tick tick);
// The collation a column the catalog knows has before `tick`, from the same definition as its
// type; nothing when that is unknown.
std::optional<QualifiedName> column_collation_before(const Project& project, const Catalog& catalog,
                                                     ObjectId column, Tick tick);

// The type of a plain column reference (`placed_at`, `o.placed_at`) of one query level (a
// SelectStmt) of the statement at `origin` (a CREATE VIEW, say): that of the column of a table of
// the query's FROM list, as the catalog has it then. Named by the table's name or alias, or
// without one when every item of the list is a table the replay knows and exactly one of them has
// a column of that name. Nothing otherwise (a subquery, a function, a WITH query or a view in
// FROM, a column the replay cannot type).
std::optional<ColumnType> selected_column_type(const Project& project, const Catalog& catalog,
                                               const Node& query, const Node& column_ref,
                                               const Origin& origin);

// The type of a column of a view or materialized view before `tick`, when its query (the one in
// force then) selects it straight from a table's column: a plain column reference, with or
// without an alias (selected_column_type()). Nothing for any other output (an expression, a
// cast, `*`), for a query with set operations, and after an ALTER ... RENAME COLUMN of the view.
std::optional<ColumnType> view_column_type(const Project& project, const Catalog& catalog,
                                           ObjectId view, std::string_view column, Tick tick);

// Whether a column the catalog knows is NOT NULL before `tick`: its last SET / DROP NOT NULL or
// primary key, else its definition (NOT NULL, PRIMARY KEY, identity, serial, or a PRIMARY KEY of
// its CREATE TABLE). A dropped primary key leaves the NOT NULL (PostgreSQL 15). Nothing when
// neither says (CREATE TABLE AS, LIKE, ...).
std::optional<bool> column_not_null_before(const Project& project, const Catalog& catalog,
                                           ObjectId column, Tick tick);

// Whether a column definition (a ColumnDef) makes the column NOT NULL (a serial or identity
// column too); `keys`: the columns a table constraint of its CREATE TABLE makes the primary key.
bool defines_not_null(const Node& definition, const std::vector<std::string>& keys = {});

// The columns a CREATE TABLE's table constraints make the primary key (folded and truncated).
std::vector<std::string> primary_key_columns(const Node& create);

// What a row that does not give the column gets in it, before `tick`, as its definition and
// later SET / DROP DEFAULT, ADD / DROP IDENTITY and SET / DROP NOT NULL leave it.
enum class ColumnFill {
  anew,     // a new value on every run: a serial or identity column, a volatile default
  null,     // NULL: a nullable column of a built-in type with no default
  fixed,    // the same value on every run: a default without volatile calls
  unknown,  // not known: made by CREATE TABLE AS or LIKE, generated, of a domain, NOT NULL
};
ColumnFill column_fill(const Project& project, const Catalog& catalog, ObjectId column, Tick tick);

// Whether a row that does not give the column gets a new value in it on every run, before
// `tick` (column_fill() is ColumnFill::anew).
bool fills_anew_each_run(const Project& project, const Catalog& catalog, ObjectId column,
                         Tick tick);

class TableState {
 public:
  explicit TableState(const FileContext& context);
  ~TableState();
  TableState(const TableState&) = delete;
  TableState& operator=(const TableState&) = delete;

  // The table was created in this migration before `at` and is still there: no other session
  // can be using it, so nothing done to it before the migration commits is a lock hazard.
  bool is_new_table(const QualifiedName& table, const Statement& at) const;
  // The statement that created it, when it is new.
  const Statement* created_by(const QualifiedName& table, const Statement& at) const;
  // The column was added in this migration before `at` (ADD COLUMN, or with its new table).
  bool is_new_column(const QualifiedName& table, std::string_view column,
                     const Statement& at) const;
  // The column's type before `at`, when known (from this file, else from the migrations before
  // it; `at` must be a statement that names the column, as ALTER COLUMN does).
  std::optional<ColumnType> column_type(const QualifiedName& table, std::string_view column,
                                        const Statement& at) const;
  // The column's collation before `at`, when known, from the definition that gave its type (this
  // file's, else that of the migrations before it).
  std::optional<QualifiedName> column_collation(const QualifiedName& table, std::string_view column,
                                                const Statement& at) const;
  // The table an index is on, when known (from this file, or from the other direction of the
  // migration: the up that created the index a down drops).
  std::optional<QualifiedName> table_of_index(const QualifiedName& index,
                                              const Statement& at) const;
  // A unique index on exactly these columns, in this order, that a constraint can adopt.
  std::optional<UniqueIndex> unique_index(const QualifiedName& table,
                                          const std::vector<std::string_view>& columns,
                                          const Statement& at) const;
  // A validated CHECK constraint proves the column NOT NULL (so SET NOT NULL skips its scan from
  // PostgreSQL 12 on): one from this file, or one from the migrations before it when `at` names
  // the column (as SET NOT NULL does).
  bool has_not_null_check(const QualifiedName& table, std::string_view column,
                          const Statement& at) const;
  // The column is NOT NULL before `at`: from this file when it says (its definition, SET / DROP
  // NOT NULL, ADD PRIMARY KEY), else from the migrations before it when `at` names the column.
  bool is_not_null(const QualifiedName& table, std::string_view column, const Statement& at) const;
  // The volatility PostgreSQL records for a function that a migration creates before `at` (this
  // file, or an up before it in the set): 'i' (IMMUTABLE), 's' (STABLE) or 'v' (VOLATILE, also
  // the default when CREATE FUNCTION says neither). Nothing when no migration creates it.
  std::optional<char> function_volatility(const QualifiedName& function, const Statement& at) const;
  // The last CREATE FUNCTION of that name before `at` (this file, or an up before it); null when
  // no migration creates it.
  const Statement* function_definition(const QualifiedName& function, const Statement& at) const;
  // The last CREATE PROCEDURE of that name before `at` (this file, or an up before it) and its
  // text as written; nothing when no migration creates it.
  struct Definition {
    const Statement* statement = nullptr;
    std::string_view text;
  };
  std::optional<Definition> procedure_definition(const QualifiedName& procedure,
                                                 const Statement& at) const;
  // The domain was created in this migration before `at`.
  bool is_new_domain(const QualifiedName& domain, const Statement& at) const;
  // Whether a domain has CHECK or NOT NULL constraints, when known.
  std::optional<bool> domain_has_constraints(const QualifiedName& domain,
                                             const Statement& at) const;

 private:
  struct Tables;
  struct Replay;
  // Which names are bound to tables created in this file, and from which statement on: built
  // once per file, answers is_new_table for any statement (every rule asks it, in any order).
  const Tables& tables() const;
  // The schema as the statements before `at` left it, for the rarer questions (columns, indexes,
  // checks, domains). Rules ask in file order, so the replay moves forwards.
  Replay& before(const Statement& at) const;
  std::size_t ordinal(const Statement& at) const;
  // The ColumnDef that gave the column its type and collation before `at`: this file's, else that
  // of the migrations before it (invalid when they do not say). `in_file`: this file settles it;
  // `unknown`: neither knows the column as a table's (a view's, say).
  struct TypeSource {
    Node definition;
    bool in_file = false;
    bool unknown = false;
  };
  TypeSource type_source(const QualifiedName& table, std::string_view column,
                         const Statement& at) const;

  const FileContext* m_context;
  mutable std::unique_ptr<Tables> m_tables;
  mutable std::unique_ptr<Replay> m_replay;
  // The CREATE FUNCTION and CREATE PROCEDURE statements of the ups before this file.
  std::span<const Definition> earlier_routines() const;
  // The indexes the partner file (a down's up) creates, by name: (index, table) in file order.
  using NamedIndexes =
      std::unordered_map<std::string, std::vector<std::pair<QualifiedName, QualifiedName>>>;
  mutable std::optional<NamedIndexes> m_partner_indexes;
};

// find_as_written for a statement of the file being linted, as the catalog has the set just
// before it; k_no_object when the object is unknown or the set has no replay.
ObjectId find_as_written(const FileContext& context, const Statement& statement, ObjectKind kind,
                         std::string_view schema, std::string_view name,
                         std::string_view parent = {});

// The relation a statement names as written, of whatever kind it is (a table, a view, a
// materialized view, an index, a sequence, a foreign table: they share one namespace), as the
// catalog has the set just before it; k_no_object when unknown.
ObjectId relation_as_written(const FileContext& context, const Statement& statement,
                             std::string_view schema, std::string_view name);

// The exclusion constraint whose index is the index a statement names as written (REINDEX INDEX
// i), as the migrations before the statement left it; k_no_object when the index is unknown or
// is not an exclusion constraint's.
ObjectId exclusion_constraint_of_index(const FileContext& context, const Statement& statement,
                                       const QualifiedName& index);

// The catalog's state just before a statement of an up; nothing for a down or without a replay.
std::optional<Tick> tick_before(const FileContext& context, const Statement& statement);

// The statement of the migrations that made the object a statement names (as
// find_as_written finds it); null when unknown.
const Statement* definition_of(const FileContext& context, const Statement& statement,
                               ObjectKind kind, std::string_view schema, std::string_view name);

// What PostgreSQL converts and indexes a value of `type` as: the base type of a domain the
// migrations made before `statement` (through domains over domains), else the type itself.
ColumnType base_type(const FileContext& context, const Statement& statement, ColumnType type);

// Why ADD CONSTRAINT ... USING INDEX cannot adopt an index, as this file before `statement` (else
// the migrations before it) made it: PostgreSQL refuses an index that is not unique, one with
// expressions, a partial index, and one with a key column in another operator class, collation
// or order than the column's (text_pattern_ops, COLLATE "C", DESC, NULLS FIRST), in that order.
// Nothing when it can, or when the index is unknown. (On a partitioned table it refuses USING
// INDEX before it looks at the index.)
struct Unadoptable {
  enum class Reason { not_unique, expressions, partial, sorting };
  Reason reason = Reason::partial;
  std::string why;                      // "orders_idx is a partial index (it has a WHERE)", ...
  std::string message;                  // PostgreSQL's: "\"orders_idx\" is a partial index"
  const ParsedFile* creator = nullptr;  // the file that made the index, when known
  TextRange made;                       // its CREATE INDEX there
};
std::optional<Unadoptable> unadoptable_index(const FileContext& context, const Statement& statement,
                                             const QualifiedName& table,
                                             std::string_view index_name);

// Whether a statement that made a constraint gives any key NULLS NOT DISTINCT or DEFERRABLE
// (then key_flags() says which).
bool has_unusual_key(const Node& statement);

// What the statement that made a primary key, unique, exclusion or foreign key constraint says of
// it: DEFERRABLE (INITIALLY DEFERRED, which makes it DEFERRABLE too), NULLS NOT DISTINCT. Found by
// the constraint's name, else as the only one of its type on those columns; nothing when not
// found.
struct KeyFlags {
  bool deferrable = false;
  bool nulls_not_distinct = false;
  bool initially_deferred = false;
};
std::optional<KeyFlags> key_flags(const Node& statement, const CatalogObject& object,
                                  const std::string& name);

// A table's persistence just before a tick, as PostgreSQL keeps it in relpersistence: 't' for a
// temporary table (made in pg_temp), else 'p' (permanent) or 'u' (unlogged) as its CREATE TABLE
// (or CREATE TABLE ... AS) and every ALTER TABLE ... SET LOGGED / SET UNLOGGED before the tick
// left it; nothing when another statement made it.
std::optional<char> persistence_at(const Project& project, const CatalogObject& table, Tick at);

// A table whose keys the replay does not see: made with LIKE (INCLUDING INDEXES copies them),
// as a partition or child (it takes its parent's), or of a composite type.
bool takes_keys_from_elsewhere(const Project& project, const Catalog& catalog,
                               const ObjectRef& table, Tick at);

// The object a create step of an up finds already there, or that has the name a rename step
// gives, made by an earlier statement of the set that runs whatever its guard (not under a DO
// block's IF): PostgreSQL fails there on the first run, unless the create is IF NOT EXISTS (then
// it does nothing). Null for any other step.
const CatalogObject* made_already(const Project& project, const Catalog& catalog, std::size_t file,
                                  const CatalogStep& step);

// Whether the object is a temporary table, or on one (an index, a trigger): made_already finds
// one of an earlier migration only when it lasts for the session (not ON COMMIT DROP), which it
// does through every migration of one `up`.
bool session_temporary(const Catalog& catalog, const CatalogObject& object);

// Whether a text names an identifier (any case, not as part of a longer word).
bool mentions(std::string_view text, std::string_view name);

// Whether a statement of `file` that makes an object runs on the first run of the set: under no
// guard, or under one that tests for the object it makes (IF to_regtype('t') IS NULL, IF NOT
// EXISTS (SELECT FROM pg_publication WHERE pubname = 'p')).
bool made_on_first_run(const ParsedFile& file, const Statement& created);

// A label of an enum, and the statement that gave it (the CREATE TYPE, an ADD VALUE, a RENAME
// VALUE) or took it away.
struct EnumLabel {
  std::string label;
  Origin given;
};

// The labels of an enum the migrations made, as the first run of the set leaves them just before
// a step of an up that names the enum. Only when the replay knows them: the enum was made by
// CREATE TYPE ... AS ENUM of the migrations (under no guard, or one that tests for the type), and
// changed since by ADD VALUE and RENAME VALUE under no guard, or under IFs whose tests of pg_enum
// for a label of the type the labels answer (IF EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON
// t.oid = e.enumtypid WHERE t.typname = 'job_state' AND e.enumlabel = 'available') THEN ...).
// Not when a statement in between may change them unseen: an INSERT, UPDATE or DELETE of pg_enum,
// or one whose text names the type and VALUE while the replay sees no ALTER TYPE of it there
// (EXECUTE format('ALTER TYPE %I ADD VALUE %L', ...)).
// `renamed`: the labels a RENAME VALUE took away since, each with that statement.
struct EnumLabels {
  std::vector<EnumLabel> labels;
  std::vector<EnumLabel> renamed;
};
std::optional<EnumLabels> enum_labels_before(const Project& project, const Catalog& catalog,
                                             const CatalogStep& step);
// The same for the enum `type` just before `tick`.
std::optional<EnumLabels> enum_labels_before(const Project& project, const Catalog& catalog,
                                             ObjectId type, Tick tick);

// The enum a column the catalog knows is of just before `tick` (not an array of it, nor a domain
// over it), with its labels then, when the replay knows them (enum_labels_before()).
struct ColumnEnum {
  ObjectId type = k_no_object;
  EnumLabels labels;
};
std::optional<ColumnEnum> column_enum_before(const Project& project, const Catalog& catalog,
                                             ObjectId column, Tick tick);

// Whether an ALTER TYPE ... ADD VALUE or RENAME VALUE of `type` (a statement of `file`) runs on the
// first run of the set: true under no guard; under IFs, as the labels the type has then answer
// their tests of pg_enum (as enum_labels_before() reads them). Nothing when the labels do not
// answer a test, or a block around it has an exception handler.
std::optional<bool> runs_with_labels(const ParsedFile& file, const Statement& statement,
                                     const ObjectRef& type, const std::vector<EnumLabel>& labels);

// An enum label an ALTER TYPE ... ADD VALUE (without IF NOT EXISTS) or RENAME VALUE of an up
// gives, which the enum already has then (enum_labels_before()): PostgreSQL fails there on the
// first run (`enum label "issued" already exists`). The label and the statement that gave it;
// nothing for any other step.
std::optional<EnumLabel> enum_label_taken(const Project& project, const Catalog& catalog,
                                          std::size_t file, const CatalogStep& step);

}  // namespace sqlgate::lint
