// What the idempotency rules share: which statements they judge (run-once directives, DO
// blocks), guards, session-scoped relations, objects a file drops before it creates them or
// creates and drops again, and the tokens fixes are built from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::rules::idempotency {

// A name as the parser has it; the schema is empty when not written.
struct QualifiedName {
  std::string schema;
  std::string name;

  // "schema.name", or "name".
  std::string display() const;
  // As SQL writes it: "Post", app."Role".
  std::string sql() const;
  // As the text of a lookup by name reads it ('"Post"'::regclass, to_regtype('app."Role"')), each
  // part as lint::quote_if_folded() writes it; sql_literal() makes it the literal.
  std::string lookup() const;
};

// The same object when the names match and, where both are written, so do the schemas.
bool same_name(const QualifiedName& a, const QualifiedName& b);
QualifiedName name_of(const lint::Node& range_var);  // a RangeVar
QualifiedName name_of(const lint::NodeList& names);  // a list of String nodes
// The name of an object as DROP, RENAME and the like list it (a List of names, a TypeName, an
// ObjectWithArgs or a String).
std::string object_display(const lint::Node& object);
// A routine's input argument types as a statement names them (an ObjectWithArgs), canonical;
// nullopt when the name is written without them (DROP FUNCTION f).
std::optional<std::vector<std::string>> routine_args(const lint::Node& object_with_args);
// The input argument types of the routine CREATE FUNCTION | PROCEDURE makes, canonical.
std::vector<std::string> created_routine_args(const lint::Node& create);
// The first option of an OPTIONS (...) list of an ALTER that adds (ADD, or no action) or drops
// (DROP) one, when it has one: its name.
std::optional<std::string> option_added(const lint::NodeList& options);
std::optional<std::string> option_dropped(const lint::NodeList& options);
// "ALTER SERVER name", "ALTER FOREIGN DATA WRAPPER name" or "ALTER USER MAPPING ... SERVER name".
std::string options_owner(const lint::Node& statement);
// An SQL string literal, for the catalog tests help texts suggest.
using lint::sql_literal;
// The EXISTS subqueries of a condition that must find something (`found`) or nothing for the
// condition to be `when_true`: through NOT, the arguments of AND (when true) and of OR (when
// false).
void exists_required(const lint::Node& expression, bool when_true, bool found,
                     std::vector<lint::Node>& out);
// Likewise the to_reg*() calls (to_regtype('x')) a condition tests with IS [NOT] NULL, that must
// find something (`found`) or nothing for it to be `when_true`.
void lookups_required(const lint::Node& expression, bool when_true, bool found,
                      std::vector<lint::Node>& out);

// An object a statement creates or drops, to match a DROP with a CREATE in the same file.
enum class ObjectKind : std::uint8_t {
  table,
  view,
  materialized_view,
  sequence,
  foreign_table,
  index,
  function,  // functions, procedures and aggregates: matched by name, not signature
  type,      // base, enum, composite and range types, and domains
  trigger,
  rule,
  policy,
  event_trigger,
  table_constraint,
  domain_constraint,
  schema,
  extension,
  role,
  publication,
  column,  // a table's (ALTER TABLE ... ADD / DROP COLUMN): parent is the table
  // Text search objects: made, dropped, renamed and moved, not otherwise tracked.
  text_search_configuration,
  text_search_dictionary,
  text_search_parser,
  text_search_template,
};

// The kind an OBJECT_* type of DROP, COMMENT or ALTER names (functions, procedures, routines
// and aggregates as function; types and domains as type); nullopt for the kinds not tracked.
std::optional<ObjectKind> object_kind(std::string_view objtype);

struct ObjectKey {
  ObjectKind kind = ObjectKind::table;
  QualifiedName name;
  QualifiedName parent;  // the table of a trigger, rule, policy or constraint; the domain

  bool matches(const ObjectKey& other) const;
};

// The objects a statement (or one ALTER subcommand) creates and drops.
struct ObjectChanges {
  std::vector<ObjectKey> created;
  std::vector<ObjectKey> dropped;
};
ObjectChanges object_changes(const lint::Node& statement);

// What the statements of a file's EXECUTE format() templates make and drop (object_changes() of
// each), for the checks that judge a template by its form: the names %I and %s stand for are not
// known, so an object of the same kind and last name (its parent's last name too) counts as the
// same one, whatever its schema.
class TemplateChanges {
 public:
  explicit TemplateChanges(const lint::ParsedFile& file);
  bool made(const ObjectKey& key) const { return any(m_all.created, key); }
  bool dropped(const ObjectKey& key) const { return any(m_all.dropped, key); }

 private:
  static bool any(const std::vector<ObjectKey>& keys, const ObjectKey& key);
  ObjectChanges m_all;
};

// What a RENAME or SET SCHEMA moves: the object from its old key to its new one. A relation's
// old key is given for every relation kind (ALTER TABLE renames a view or an index as well);
// its new key has the kind the statement names.
struct ObjectMove {
  ObjectKey from;
  ObjectKey to;
};
std::vector<ObjectMove> object_moves(const lint::Node& statement);

// The tokens of a statement, comments left out; empty when the statement's text in the file
// is not the text the parser saw (then no fix can be built).
class StatementTokens {
 public:
  StatementTokens(const lint::ParsedFile& file, const lint::Statement& statement);

  bool empty() const { return m_tokens.empty(); }
  std::size_t size() const { return m_tokens.size(); }
  const lint::Token& operator[](std::size_t index) const { return m_tokens[index]; }
  bool is(std::size_t index, std::string_view name) const;
  bool is_char(std::size_t index, char c) const;
  // The token that starts at a byte offset of the file.
  std::optional<std::size_t> at(std::uint32_t offset) const;
  // The first token named `name` at or after `from`.
  std::optional<std::size_t> find(std::string_view name, std::size_t from = 0) const;
  // The tokens [begin, end) of each subcommand of an ALTER TABLE / ALTER TYPE statement, in
  // order; empty when they cannot be told apart.
  std::vector<std::pair<std::size_t, std::size_t>> commands(const lint::Statement& statement) const;
  lint::TextRange range(std::size_t begin, std::size_t end) const;

 private:
  std::vector<lint::Token> m_tokens;
};

// Where the subcommands of an ALTER TABLE / ALTER TYPE statement stand. The statement's tokens
// are scanned on first use: only for a statement that gets a finding.
class AlterCommands {
 public:
  AlterCommands(const lint::ParsedFile& file, const lint::Statement& statement)
      : m_file(&file), m_statement(&statement) {}

  const StatementTokens& tokens();
  // The tokens [begin, end) of subcommand `index`; nothing when they cannot be told apart.
  std::optional<std::pair<std::size_t, std::size_t>> tokens_of(std::size_t index);
  // Its text, or the statement's when it cannot be told apart.
  lint::TextRange range(std::size_t index);

 private:
  const lint::ParsedFile* m_file;
  const lint::Statement* m_statement;
  std::optional<StatementTokens> m_tokens;
  std::vector<std::pair<std::size_t, std::size_t>> m_commands;
};

// The start of a statement as an edit rewrites it, for help texts: from its first token to the
// end of the line the edit is on, white space runs made single spaces, cut near `limit`.
std::string rewritten_head(const lint::ParsedFile& file, const lint::Statement& statement,
                           const lint::Edit& edit, std::size_t limit = 100);

// Inserts text before a token.
lint::Edit insert_before(const lint::Token& token, std::string text);

// One file as the idempotency rules see it.
class FileScope {
 public:
  FileScope(const lint::FileContext& context, lint::Reporter& out);
  ~FileScope();
  FileScope(const FileScope&) = delete;
  FileScope& operator=(const FileScope&) = delete;

  const lint::ParsedFile& file() const { return m_context.file; }
  // The statement's index in file().all_statements() (their count when it is not one of them).
  std::size_t index_of(const lint::Statement& statement) const;
  const lint::FileContext& context() const { return m_context; }
  int pg_version() const { return m_context.pg_version(); }
  lint::Reporter& out() { return m_out; }

  // The statements to judge, in file order: the statements DO blocks run, not the DO
  // statements themselves; none marked run-once, and none at all in a run-once file.
  const std::vector<const lint::Statement*>& statements() const;
  // The statements of the file's EXECUTE format() templates to judge (ParsedFile::templated()):
  // none of a DO block marked run-once, and none at all in a run-once file.
  std::vector<const lint::Statement*> templates() const;

  // A relation of this session only: created TEMPORARY earlier in the file, or in pg_temp.
  bool temporary(const lint::Statement& at, const lint::Node& range_var) const;
  bool temporary(const lint::Statement& at, const QualifiedName& name) const;
  // A table (or materialized view, or foreign table) whose content and dependent objects are
  // new on every run: temporary, or dropped by this file before `at` (and made again) or after
  // it. Indexes, columns, constraints, triggers and rows on it do not meet the previous run's.
  bool fresh(const lint::Statement& at, const lint::Node& range_var) const;

  // The PL/pgSQL guard that keeps a second run of a DO block's statement from doing harm.
  // When a catalog test stands around the statement but cannot find what it guards, why is
  // kept, and report() adds it to the statement's findings.
  std::optional<lint::Guard> guard(const lint::Statement& statement,
                                   const lint::GuardQuery& query) const;
  std::optional<lint::Guard> guard(const lint::Statement& statement,
                                   std::optional<lint::Condition> error) const;
  // The expression a guard tests, parsed (GuardAnalysis::condition()).
  lint::Node condition(const lint::Guard& guard) const {
    return m_facts.guards.condition(guard.test);
  }
  // Whether a statement of a DO block runs only while a catalog test around it finds what the
  // statement changes, named in the test in another case than the catalog keeps it: IF EXISTS
  // (... table_name = 'user' ...) THEN ALTER TABLE "User" ... finds nothing on the first run or
  // any later one, so the statement never runs.
  bool never_true(const lint::Statement& statement) const;
  // The IF (ELSIF) conditions a statement of a DO block runs in the THEN branch of, parsed,
  // innermost first.
  std::vector<lint::Node> then_conditions(const lint::Statement& statement) const;
  // A statement of a DO block that runs only while an IF around it finds information_schema's
  // data_type equal to a name it never holds: the type's internal name ('int4', 'varchar',
  // 'timestamptz'), which udt_name holds, where data_type spells the type as SQL does (integer,
  // character varying, timestamp with time zone). What the test compares and what data_type
  // holds instead: "data_type = 'int4' (information_schema spells it integer)".
  std::optional<std::string> compares_type_never_held(const lint::Statement& statement) const;

  // The statement before `at` in this file that drops the object, or null.
  const lint::Statement* dropped_before(const lint::Statement& at, const ObjectKey& key) const;
  // The statement after `at` in this file that drops the object (a scratch object), or null.
  const lint::Statement* dropped_after(const lint::Statement& at, const ObjectKey& key) const;
  // The statement before `at` in this file that creates the object, or null.
  const lint::Statement* created_before(const lint::Statement& at, const ObjectKey& key) const;
  // The statement after `at` in this file that creates the object again, or null.
  const lint::Statement* created_after(const lint::Statement& at, const ObjectKey& key) const;
  // The statement before (after) `at` that renames the object (or moves it to another schema)
  // away from its key, or null.
  const lint::Statement* moved_away_before(const lint::Statement& at, const ObjectKey& key) const;
  const lint::Statement* moved_away_after(const lint::Statement& at, const ObjectKey& key) const;
  // The statement before (after) `at` that renames or moves another object onto the key, or null.
  const lint::Statement* moved_onto_before(const lint::Statement& at, const ObjectKey& key) const;
  const lint::Statement* moved_onto_after(const lint::Statement& at, const ObjectKey& key) const;
  // Whether the object is there when a second run reaches `at`, as far as this file tells: what
  // the nearest statement before `at` that makes, drops, renames or moves it left, else what the
  // file's last such statement after `at` left; nullopt when the file does neither.
  std::optional<bool> exists_on_rerun(const lint::Statement& at, const ObjectKey& key) const;
  // Whether an ALTER TABLE statement drops the constraint in a subcommand before `command`, or
  // adds it by name in one after.
  static bool drops_constraint_earlier(const lint::Node& statement, std::size_t command,
                                       std::string_view name);
  static bool adds_constraint_later(const lint::Node& statement, std::size_t command,
                                    std::string_view name);
  // The same for a column: dropped in a subcommand before `command`, added in one after.
  static bool drops_column_earlier(const lint::Node& statement, std::size_t command,
                                   std::string_view name);
  static bool adds_column_later(const lint::Node& statement, std::size_t command,
                                std::string_view name);

  // A finding on a statement: at `range` when the statement's text is exact, else at the
  // statement (whose DO block text was rewritten) and without a fix. The message ends with why
  // the guard around it does not protect it, when guard() found one that cannot.
  lint::DiagnosticBuilder report(const lint::Statement& statement, lint::TextRange range,
                                 std::string message, std::string help);
  // Attaches a fix when there is one and the statement's text is exact.
  static void fix(lint::DiagnosticBuilder& finding, const lint::Statement& statement,
                  std::string title, std::optional<std::vector<lint::Edit>> edits, bool safe);

 private:
  const lint::Statement* find_change(const lint::Statement& at, const ObjectKey& object,
                                     bool created, bool after, bool moved = false) const;
  // What the file creates and drops, by kind and name, in statement order; a rename or move is
  // a change of each of its keys that is `moved` (and created for the new key).
  struct Change {
    ObjectKey key;
    std::size_t statement = 0;  // index in all_statements()
    bool created = false;
    bool moved = false;
  };
  const std::vector<Change>* changes_of(const ObjectKey& key) const;
  // Adds the triggers a DROP FUNCTION ... CASCADE of the file takes.
  void cascade_to_triggers(std::unordered_map<std::string, std::vector<Change>>& by_key) const;

  // What the file's idempotency rules all read: made by the first of them, then shared.
  struct Facts {
    explicit Facts(const lint::ParsedFile& file) : guards(file) {}
    lint::GuardAnalysis guards;
    std::optional<std::unordered_map<std::string, std::vector<Change>>> changes;
    std::unordered_map<const lint::Statement*, std::size_t> index;
    // Temporary relations the file creates: name, index in all_statements().
    std::optional<std::vector<std::pair<std::string, std::size_t>>> temporaries;
    std::optional<std::vector<const lint::Statement*>> statements;
    // The statements (by index in all_statements()) that create what an earlier migration or
    // statement already made: they fail on the first run (already-exists says so), so what a
    // second run would do is moot.
    std::optional<std::vector<bool>> fail_first;
  };
  bool fails_first(const lint::Statement& statement) const;

  const lint::FileContext& m_context;
  lint::Reporter& m_out;
  Facts& m_facts;
  // Why the guard around a statement cannot find what it guards (see guard()).
  mutable std::unordered_map<const lint::Statement*, std::string> m_mismatches;
  // Where the findings on a statement that fails on its first run go, unreported.
  std::vector<lint::Diagnostic> m_discarded;
  lint::Reporter m_discard;
};

// A key a foreign key can reference, as a statement makes it: a PRIMARY KEY or UNIQUE constraint
// (CREATE TABLE, ALTER TABLE ... ADD), or a unique index (CREATE UNIQUE INDEX). Deferrable
// constraints and partial or expression indexes are left out: no foreign key can use them.
struct UniqueKey {
  QualifiedName table;
  // The constraint's or index's name; for a constraint written without one, the name PostgreSQL
  // gives it when it needs no number (t_pkey, t_a_b_key), else empty.
  std::string name;
  std::vector<std::string> columns;  // empty when unknown (ADD CONSTRAINT ... USING INDEX)
  bool named = false;                // the name is written
  bool primary = false;
  bool constraint = false;  // a constraint (its index is named as it), not an index alone
  std::size_t part = 0;     // the ALTER TABLE subcommand or CREATE TABLE element that makes it
};
std::vector<UniqueKey> unique_keys(const lint::Node& statement);
// The unique keys the file's statements make named `name` (the constraint's or index's), in
// file order, with the statement's index in all_statements(): the file's keys are read once.
std::vector<std::pair<std::size_t, const UniqueKey*>> keys_named(const FileScope& scope,
                                                                 const std::string& name);

// The statement after `made` that makes a foreign key PostgreSQL ties to `key`, which `made`
// makes after `drop` dropped it: on a second run the foreign key is there, and the DROP fails
// (2BP01, dependent_objects_still_exist). A foreign key ties to the referenced table's primary
// key when it lists no columns, else to the first unique key (oldest first) on exactly its
// columns: none is reported while another key of the table on those columns may be that one
// (made by this file or by an earlier migration), nor when the file drops the foreign key, its
// table or columns, or the key's table, before `drop` or after they are made. Null when none.
const lint::Statement* tied_foreign_key(const FileScope& scope, const lint::Statement& drop,
                                        const lint::Statement& made, const UniqueKey& key);

// Whether table `partition` is a partition when a second run reaches `at`, as far as this file
// tells: the first run leaves it as the file's ATTACH PARTITION, DETACH PARTITION, CREATE TABLE
// (... PARTITION OF) and DROP TABLE statements of it leave it, and the second run's statements
// before `at` change that; nullopt when the file does none of them. `parent` is the table it is
// a partition of.
struct PartitionOnRerun {
  bool attached = false;
  QualifiedName parent;
};
std::optional<PartitionOnRerun> partition_on_rerun(const FileScope& scope,
                                                   const lint::Statement& at,
                                                   const QualifiedName& partition);

// Why a DROP of an object of this kind earlier in the file does not make its CREATE re-runnable
// (empty for the kinds where it does: nothing can depend on them). With CASCADE the DROP does not
// fail: it takes along what depends on the object by then.
std::string_view drop_consequence(ObjectKind kind, const lint::Statement& drop);

// Whether a second run's DROP of what `made` creates works: nothing the file makes after it
// depends on it (a view reading the view, a trigger calling the function, a foreign key
// referencing the table, a default), or what does is dropped by the file again (before the DROP,
// or after it was made). nullopt when there is no replay of the file. Otherwise what stands in
// the way ("view w"; empty when unknown).
std::optional<std::string> drop_blocker(const FileScope& scope, const lint::Statement& made,
                                        const lint::Statement& drop);

// What a second run's DROP of `made`'s object does when drop_blocker() names `blocker`: "fails:
// view w, made after it by this file, depends on it", or with CASCADE "takes view w along, ...".
std::string blocked_drop_consequence(const lint::Statement& drop, const std::string& blocker);

// "the migration runs again": the words every idempotency message ends with.
inline constexpr std::string_view k_again = "when the migration runs again";

}  // namespace sqlgate::rules::idempotency
