// What the pairing and ordering rules share: how a down relates to its up in the catalog, and
// how objects are named in messages and in the SQL a finding suggests.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules::pairing {

// An identifier as SQL needs it: bare when it is a plain lower-case name, else double-quoted.
std::string quote_identifier(std::string_view name);
// The words SQL names a kind with: "TABLE", "MATERIALIZED VIEW", "TEXT SEARCH PARSER".
std::string sql_keyword(lint::ObjectKind kind);
// "campaigns", "app.users", "f(int4)": the object's name as SQL writes it; with `qualified`,
// public too ("public.campaigns").
std::string sql_name(const lint::ObjectRef& ref, bool qualified = false);
// The table a column, constraint, trigger, policy or rule belongs to, as SQL names it.
std::string parent_sql(const lint::ObjectRef& ref, bool qualified = false);
// A constant (a VALUES item, a WHERE operand), as SQL writes it ('acme', 42, true, through a cast
// too); nothing for an expression or NULL.
std::optional<std::string> literal(lint::Node value);
// "table campaigns", "column users.email", "constraint users_pkey on users".
std::string describe(const lint::ObjectRef& ref);
// "rule soft_delete on orders (ON DELETE DO INSTEAD)": a rule with what it does at a tick.
std::string describe_rule(const lint::Catalog& catalog, lint::ObjectId rule, lint::Tick at);
// The idempotent statement that drops the object: "DROP TABLE IF EXISTS campaigns;" (with
// `qualified`, "public.campaigns").
std::string drop_sql(const lint::ObjectRef& ref, bool qualified = false);

// The range of a statement of a file (an index into all_statements()).
lint::TextRange statement_range(const lint::ParsedFile& file, std::size_t statement);
// Where a finding about a whole down goes: its first statement, else the file's start.
lint::TextRange anchor(const lint::ParsedFile& file);

// ENABLE / DISABLE and FORCE / NO FORCE ROW LEVEL SECURITY: the switch that undoes a change;
// nullopt for any other change.
std::optional<lint::Change> row_security_switch(lint::Change change);
// The ALTER TABLE command of such a switch: "DISABLE ROW LEVEL SECURITY".
std::string row_security_sql(lint::Change change);

// COMMENT ON's target as SQL: "TABLE app.users", "COLUMN users.email", "TRIGGER t ON users".
std::string comment_target(const lint::ObjectRef& ref);

// A setting change (lint::is_setting) in words, for "the up <what> but the down does not
// <undo>": what = "disables trigger audit on table users", undo = "enable it again".
struct SettingWords {
  std::string what;
  std::string undo;
};
SettingWords setting_words(const lint::Effect& effect, const lint::ObjectRef& ref);

// The statement that sets a setting change back when where it started is known: the opposite
// switch, or PostgreSQL's default for a setting `statement` (the up's) set and no earlier
// migration did (`set_before`). nullopt when the old value is needed (an owner, a tablespace, a
// sequence's options).
std::optional<std::string> setting_undo_sql(const lint::Effect& effect, const lint::ObjectRef& ref,
                                            const lint::Node& statement, bool set_before);
// How to fix a down that does not set the change back: "add `...` to the down".
std::string setting_help(const lint::Effect& effect, const lint::ObjectRef& ref,
                         const lint::Node& statement);

// Whether the changes in `later` together set back what the setting change `change` changed on
// the same object: the opposite switch of a trigger (by its name, or ALL or USER) or of
// logging; for the others, the same setting set again, every parameter or option of it.
// `missing`, when given, receives the parameters or options none of them sets.
bool sets_back(const lint::Effect& change, const std::vector<const lint::Effect*>& later,
               std::vector<std::string>* missing = nullptr);
// Whether an UPDATE of the table writes only columns `undone` accepts (the columns, alive at
// the tick, its SET names): a backfill of columns the down drops, which dropping them undoes.
bool updates_only(const lint::Catalog& catalog, lint::ObjectId table, lint::Tick tick,
                  const lint::Statement& statement,
                  const std::function<bool(lint::ObjectId)>& undone);

// The last change an up made to the object before the tick among those `which` accepts: the
// step, and where its statement is.
struct EarlierChange {
  lint::Origin origin;
  const lint::CatalogStep* step = nullptr;
};
std::optional<EarlierChange> last_change_before(const lint::Catalog& catalog, lint::ObjectId id,
                                                lint::Tick tick,
                                                const std::function<bool(lint::Change)>& which);
// Whether a migration made the change to the object before the tick.
bool changed_before(const lint::Catalog& catalog, lint::ObjectId id, lint::Tick tick,
                    lint::Change change);
// Whether a storage parameter of the relation was set before the tick: in the statement that
// created it (WITH (...), a view's WITH CHECK OPTION) or by an ALTER of an earlier migration.
bool parameters_set_before(const lint::Project& project, const lint::Catalog& catalog,
                           lint::ObjectId id, lint::Tick tick);
// Whether an ALTER's storage parameter commands are all RESET (...).
bool resets_only(const lint::Node& statement);
// Settings that are a switch with two positions: a trigger on or off, a table logged or not.
bool is_switch(lint::Change change);

// The roles a list of RoleSpec nodes names, as SQL writes them: a role's name (quoted when it
// must be), PUBLIC, CURRENT_USER, SESSION_USER or CURRENT_ROLE.
std::vector<std::string> role_names(const lint::NodeList& roles);
// The same for one RoleSpec; nullopt for anything else.
std::optional<std::string> role_name(const lint::Node& role);
// Whether a list of RoleSpec nodes names the role (as role_names() writes it).
bool lists_role(const lint::NodeList& roles, const std::string& role);
// The role an ALTER ... OWNER TO (ALTER TABLE ... OWNER TO) gives its object to, as role_name()
// writes it; nullopt for any other statement.
std::optional<std::string> new_owner(const lint::Node& statement);
// Whether objects of the kind have an owner of their own (pg_shdepend records it, and DROP ROLE
// of the owner is refused): not columns, constraints, indexes, triggers, policies and rules (their
// table's owner is theirs), nor roles, casts, access methods, transforms, user mappings and text
// search parsers and templates.
bool has_owner(lint::ObjectKind kind);
// The role the statement that made the object gave it to, as role_name() writes it: CREATE SCHEMA
// ... AUTHORIZATION r, or r of a SET ROLE r before it in its file (an object belongs to the role
// that makes it). nullopt for the role running the migrations, and for a kind without an owner.
std::optional<std::string> created_owner(const lint::Project& project, const lint::Catalog& catalog,
                                         lint::ObjectId id);
// The role the migrations last gave the object to before the tick: the last OWNER TO of an up
// (ALTER TABLE ... OWNER TO of the table whose column owns a sequence included), else the role
// that made it (created_owner()). nullopt when no migration named its owner.
std::optional<std::string> owner_before(const lint::Project& project, const lint::Catalog& catalog,
                                        lint::ObjectId id, lint::Tick tick);

// The role the statements of a file run as before statement `before`: the last SET ROLE's (as
// role_name() writes it); nullopt without one, after RESET ROLE or SET ROLE NONE (the role
// running the migrations).
std::optional<std::string> session_role(const lint::ParsedFile& file, std::size_t before);
// The privileges a GRANT or REVOKE names on the object itself (ALL: each of the kind); those on
// columns are left out.
std::set<std::string> object_privileges(const lint::Node& statement, lint::ObjectKind kind);

// The REVOKE that undoes a GRANT's privileges on one of its objects, for some of its grantees.
std::string revoke_sql(const lint::Node& grant, const lint::ObjectRef& object,
                       const std::vector<std::string>& roles);
// The same for GRANT ... ON ALL TABLES (SEQUENCES, ...) IN SCHEMA: the REVOKE on all of them.
std::string revoke_in_schema_sql(const lint::Node& grant, const std::vector<std::string>& roles);

// The grantees of a GRANT on one of its objects whose privileges a down has to take back:
// role_names() of its grantees, less those that held everything it gives them before `tick` (the
// start of the up; privileges_before()): PUBLIC given what it holds on every new object of the
// kind (EXECUTE on a routine, unless the default privileges took it when the object was made, or
// an earlier migration revoked it), a role an earlier GRANT or the default privileges gave it.
std::vector<std::string> grantees_to_revoke(const lint::Project& project,
                                            const lint::Catalog& catalog, const lint::Node& grant,
                                            lint::ObjectId id, lint::Tick tick);

// Which grantees of a REVOKE on one of its objects held privileges there before `tick` (the
// start of the up) that the down must grant back: a role an earlier migration granted to (its
// last GRANT or REVOKE there being a GRANT; `granted_by` receives that GRANT), or PUBLIC for
// what it holds on every new object of the kind (EXECUTE on a routine, ...), unless the default
// privileges did not give it when the object was made (creation_privileges()) or an earlier
// migration revoked it.
struct PriorHolder {
  std::string role;
  std::optional<lint::Origin> granted_by;  // none: PUBLIC's default privilege
};
std::vector<PriorHolder> prior_holders(const lint::Project& project, const lint::Catalog& catalog,
                                       const lint::Node& revoke, lint::ObjectId id,
                                       lint::Tick tick);
// Every privilege ALL gives on an object of the kind (on a column with `column`), in lower case
// and in the order PostgreSQL lists them.
std::vector<std::string_view> all_privileges(lint::ObjectKind kind, bool column);
// A privilege a role holds on an object, or on one of its columns (column empty: the object's
// own), as GRANT names them: the role as role_name() writes it, the privilege in lower case.
struct Privilege {
  std::string role;
  std::string privilege;
  std::string column;
  auto operator<=>(const Privilege&) const = default;
};
using Privileges = std::set<Privilege>;
// Applies a GRANT or REVOKE on an object of the kind to what roles hold there: ALL is each
// privilege of the kind, and a REVOKE on the object takes the privilege on its columns too.
void apply_grant(Privileges& held, const lint::Node& statement, lint::ObjectKind kind);
// Whether the role holds the privilege: on the column, or on the object (which covers it).
bool holds(const Privileges& held, const Privilege& privilege);
// The words ALTER DEFAULT PRIVILEGES names the kind of object with, for the kinds whose new
// objects it gives privileges on: TABLES (tables, views, materialized views, foreign tables),
// SEQUENCES, FUNCTIONS (procedures and aggregates too), TYPES (domains too) and SCHEMAS.
std::optional<std::string_view> default_privileges_objects(lint::ObjectKind kind);
// What roles hold on the object when an up made it (the owner's own privileges left out), as
// PostgreSQL sets its ACL: for a kind ALTER DEFAULT PRIVILEGES covers, the default privileges in
// force then for its owner (the role running the migrations, or the one a SET ROLE before made it
// as) in every schema and in its schema; for the others, what PUBLIC holds on every new object of
// the kind (USAGE on a language, CONNECT and TEMPORARY on a database).
Privileges creation_privileges(const lint::Project& project, const lint::Catalog& catalog,
                               lint::ObjectId id);
// The same for an object of the kind made in the schema at `tick` by `made_by` (the role of a SET
// ROLE before, "" for the migrations' own role; nullopt when not known: PUBLIC's defaults only),
// with the default privileges the ups had given by then, and those the statements of `down`
// before `before` changed.
Privileges creation_privileges(const lint::Project& project, const lint::Catalog& catalog,
                               lint::ObjectKind kind, const std::string& schema,
                               const std::optional<std::string>& made_by, lint::Tick tick,
                               const lint::ParsedFile* down = nullptr, std::size_t before = 0);
// What roles hold on the object before the tick, as far as the migrations say: what it was made
// with (creation_privileges()), then the GRANTs and REVOKEs naming the object, in order.
Privileges privileges_before(const lint::Project& project, const lint::Catalog& catalog,
                             lint::ObjectId id, lint::Tick tick);
// The statements of a file that change what roles hold on objects they do not name one by one
// (DROP OWNED BY, GRANT or REVOKE ... ON ALL ... IN SCHEMA), by index in all_statements().
std::vector<std::size_t> broad_privilege_statements(const lint::ParsedFile& file);
// Whether a GRANT or REVOKE ... ON ALL TABLES (SEQUENCES, FUNCTIONS, PROCEDURES, ROUTINES) IN
// SCHEMA reaches an object of the kind in the schema.
bool reaches_in_schema(const lint::Node& statement, lint::ObjectKind kind,
                       const std::string& schema);
// Applies to what roles hold on an object (of the kind, in the schema) the statements of a file
// before `end` that change it, in order: its GRANTs and REVOKEs (among `steps`, the file's steps
// on the object), those on ALL ... IN SCHEMA of its schema and DROP OWNED BY (among `broad`,
// broad_privilege_statements()).
void replay_privileges(Privileges& held, const lint::ParsedFile& file,
                       const std::vector<std::size_t>& broad,
                       const std::vector<const lint::CatalogStep*>& steps, lint::ObjectKind kind,
                       const std::string& schema, std::size_t end = static_cast<std::size_t>(-1));
// The GRANTs that give the privileges back, on the object a GRANT or REVOKE names.
std::string grant_sql(const lint::Node& statement, const lint::ObjectRef& object,
                      const std::vector<Privilege>& privileges);
// The REVOKEs that take the privileges, on the object a GRANT or REVOKE names.
std::string revoke_privileges_sql(const lint::Node& statement, const lint::ObjectRef& object,
                                  const std::vector<Privilege>& privileges);
// The GRANTs (`grant`) or REVOKEs of the privileges on the object, named as its kind is.
std::string object_privileges_sql(const lint::ObjectRef& object,
                                  const std::vector<Privilege>& privileges, bool grant);
// "UPDATE from web_user, SELECT (email, name) from PUBLIC" (with "to": "... to web_user").
std::string privileges_words(const std::vector<Privilege>& privileges,
                             std::string_view preposition = "from");

// The GRANT that gives back what a REVOKE took from some roles, on one of its objects.
std::string grant_back_sql(const lint::Node& revoke, const lint::ObjectRef& object,
                           const std::vector<std::string>& roles);

// The ALTER DEFAULT PRIVILEGES that takes back what one (a GRANT) gives, from some of its
// grantees: the same FOR ROLE, IN SCHEMA, privileges and kind of object.
std::string default_privileges_revoke_sql(const lint::Node& statement,
                                          const std::vector<std::string>& roles);
// The ALTER DEFAULT PRIVILEGES that gives back what one (a REVOKE) takes, to some of its
// grantees.
std::string default_privileges_grant_sql(const lint::Node& statement,
                                         const std::vector<std::string>& roles);
// One entry of what ALTER DEFAULT PRIVILEGES gives, as pg_default_acl keys it: the role whose
// new objects it is about (empty: the role running the migration), the schema (empty: every
// schema), the kind of object, then the grantee and the privilege.
struct DefaultPrivilege {
  std::string owner;
  std::string schema;
  std::string_view objects;  // TABLES, SEQUENCES, FUNCTIONS, TYPES or SCHEMAS
  std::string grantee;
  std::string privilege;
  bool operator==(const DefaultPrivilege&) const = default;
};

// The entries an ALTER DEFAULT PRIVILEGES statement names.
std::vector<DefaultPrivilege> default_privileges(const lint::Node& statement);
// Whether a REVOKE's entry takes back a GRANT's (a statement without FOR ROLE is about the role
// running the migrations, which may be the one named: not told apart).
bool takes_back(const DefaultPrivilege& revoke, const DefaultPrivilege& grant);
// Applies an ALTER DEFAULT PRIVILEGES to the entries held, a DROP SCHEMA (its entries go with
// it), a DROP OWNED BY (the entries the roles own, and what others give them, go) or an ALTER
// SCHEMA / ROLE ... RENAME (the entries follow it); any other statement changes nothing.
void apply_default_privileges(std::vector<DefaultPrivilege>& held, const lint::Node& statement);
// What pg_default_acl holds before an up that starts at `start`, as far as the migrations say:
// PostgreSQL's defaults for PUBLIC, then the ALTER DEFAULT PRIVILEGES of the earlier ups (and
// their DROP SCHEMA and DROP OWNED BY). Computed once per set.
std::vector<DefaultPrivilege> default_privileges_before(const lint::Project& project,
                                                        const lint::Catalog& catalog,
                                                        lint::Tick start);
// Entries as PostgreSQL's DETAIL names them: "on new sequences in schema public (USAGE, SELECT)",
// "on new tables (SELECT)" for those given in every schema.
std::string default_privileges_words(const std::vector<DefaultPrivilege>& entries);
// Whether an entry is among those held.
bool holds_default(const std::vector<DefaultPrivilege>& held, const DefaultPrivilege& entry);
// The entries an up's ALTER DEFAULT PRIVILEGES ... REVOKE takes that were held before the up
// and still before the statement (not granted by the up itself): what its down grants back.
// Nothing for a GRANT, or a REVOKE GRANT OPTION FOR (the option, not the privileges).
std::vector<DefaultPrivilege> default_privileges_taken(
    const lint::Node& revoke, const std::vector<DefaultPrivilege>& before_up,
    const std::vector<DefaultPrivilege>& before_statement);
// The statement that last defined an object before a tick: the CREATE that made it, or a later
// CREATE OR REPLACE of it.
struct Definition {
  lint::Origin origin;
  const lint::ParsedFile* file = nullptr;
  const lint::Statement* statement = nullptr;
};
std::optional<Definition> last_definition(const lint::Project& project,
                                          const lint::CatalogObject& object, lint::Tick tick);
// Whether two statements define an object alike: the same statement kind and the same tokens,
// up to spacing, comments, the case of keywords and names, OR REPLACE and IF NOT EXISTS.
bool same_definition(const lint::ParsedFile& a_file, const lint::Statement& a,
                     const lint::ParsedFile& b_file, const lint::Statement& b);
// Whether a CREATE OR REPLACE of the up gives the object another definition than it had.
bool replaces_definition(const lint::Project& project, const lint::Catalog& catalog,
                         lint::ObjectId id, std::size_t up);

// The key columns of a primary key, unique or exclusion constraint: those it lists, or, made with
// USING INDEX, those of the index.
std::vector<std::string> key_columns(const lint::Project& project, const lint::Catalog& catalog,
                                     lint::ObjectId key);
// The same for the constraint the down's step k makes (USING INDEX: the columns of the index the
// down made, or had after the up).
std::vector<std::string> down_key_columns(const lint::Catalog& catalog,
                                          const lint::FileReplay& down, std::size_t k);
// Whether a primary key sets the column NOT NULL, which it was not before `start`: the key lists
// it, and dropping the key leaves it NOT NULL.
bool key_sets_not_null(const lint::Project& project, const lint::Catalog& catalog,
                       lint::ObjectId key, lint::ObjectId column, lint::Tick start);

// A constraint's DEFERRABLE and INITIALLY DEFERRED.
struct ConstraintTiming {
  bool deferrable = false;
  bool deferred = false;
  bool operator==(const ConstraintTiming&) const = default;
};
// "NOT DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED" or "DEFERRABLE INITIALLY IMMEDIATE".
std::string timing_sql(ConstraintTiming timing);
// The Constraint node a statement writes at an offset into the file (the catalog places a
// constraint where its node starts); `column` receives the column of a ColumnDef it is written
// in, `timing` its DEFERRABLE and INITIALLY (for a column's, from the attributes after it).
lint::Node constraint_at(const lint::Statement& statement, std::uint32_t offset,
                         std::string& column, ConstraintTiming* timing = nullptr);
// The timing the statement's last ALTER CONSTRAINT of the named constraint sets; nullopt when
// it has none.
std::optional<ConstraintTiming> timing_set_by(const lint::Statement& statement,
                                              std::string_view constraint);
// A constraint's timing before the tick: set by its last ALTER CONSTRAINT, else as the statement
// that made it wrote it; nullopt when the migrations do not say.
std::optional<ConstraintTiming> timing_before(const lint::Project& project,
                                              const lint::Catalog& catalog, lint::ObjectId id,
                                              lint::Tick tick);

// The ALTER CONSTRAINT that sets the constraint's timing back to what it was at the tick.
std::optional<std::string> timing_undo_sql(const lint::Project& project,
                                           const lint::Catalog& catalog, lint::ObjectId id,
                                           lint::Tick tick);

// The down declares itself irreversible (-- sqlgate:irreversible <reason>).
bool irreversible(const lint::ParsedFile& down);

// A migration's up and down, both parsed and replayed.
struct Pair {
  std::size_t up = 0;
  std::size_t down = 0;
  const lint::ParsedFile* up_file = nullptr;
  const lint::ParsedFile* down_file = nullptr;
  const lint::FileReplay* up_replay = nullptr;
  const lint::FileReplay* down_replay = nullptr;
};
// Every replayed up with a replayed down, in version order.
std::vector<Pair> pairs(const lint::Project& project);
// Whether a primary key the pair's up added on the column's table set the column NOT NULL, which
// it was not before the up.
bool key_made_not_null(const lint::Project& project, const lint::Catalog& catalog,
                       lint::ObjectId column, const Pair& pair);
// The replayed ups that ran before the tick (the start of an up: those before it), in the order
// they ran.
std::vector<std::size_t> ups_before(const lint::Project& project, const lint::Catalog& catalog,
                                    lint::Tick start);

// A file's steps by the object they act on, each list in file order: what a check asks about
// one object's other steps, without a pass over the whole file for each step.
class StepsByObject {
 public:
  explicit StepsByObject(const lint::FileReplay& replay);
  // The steps that act on the object (none for k_no_object).
  const std::vector<const lint::CatalogStep*>& of(lint::ObjectId id) const;

 private:
  std::unordered_map<lint::ObjectId, std::vector<const lint::CatalogStep*>> m_steps;
};
// The effects of the other steps in `steps` that alter the step's object, in file order.
std::vector<const lint::Effect*> other_alters(const StepsByObject& steps,
                                              const lint::CatalogStep& step);

// Whether the down, before its statement `before`, writes DROP OWNED BY the role.
bool drops_owned(const Pair& pair, const std::string& role,
                 std::size_t before = static_cast<std::size_t>(-1));

// Every object the down takes, explicitly or with what it drops.
std::unordered_set<lint::ObjectId> taken_by(const lint::FileReplay& down);

// The names (base keys) the down creates, or renames something to: a down that rebuilds a
// table drops it and makes it again under its old name.
std::unordered_set<std::string> made_by(const lint::FileReplay& down);

// Whether the up created the object, or what it belongs to (the table of a column).
bool created_by(const lint::Catalog& catalog, lint::ObjectId id, std::size_t up);

// Whether the up created, changed, renamed or dropped the object (or created what it belongs
// to).
bool touched_by(const lint::Catalog& catalog, lint::ObjectId id, std::size_t up);

}  // namespace sqlgate::rules::pairing
