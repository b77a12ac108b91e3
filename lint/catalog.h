// The schema the migrations build, replayed statically from every up in version order, and
// each down checked against the state right after its up. No database is involved.
//
// Time is a tick: every effect of every up gets one, in replay order, so "the state before this
// statement" and "the state after this migration's up" are ticks that rules can ask about.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lint/objects.h"
#include "lint/rule.h"

namespace sqlgate::lint {

using Tick = std::uint64_t;
using ObjectId = std::size_t;
inline constexpr ObjectId k_no_object = std::numeric_limits<ObjectId>::max();

// A statement of a migration file.
struct Origin {
  std::size_t file = 0;       // index in MigrationSet::files
  std::size_t statement = 0;  // index in ParsedFile::all_statements()
  std::uint32_t offset = 0;   // where the object is named in the file
  Tick tick = 0;
};

struct DependencyEdge {
  ObjectId object = k_no_object;
  bool automatic = false;  // see Dependency::automatic
  DependencySource source = DependencySource::definition;
  // A text search configuration's mapping (source mapping): the token type mapped to the
  // dictionary, an index into Catalog::tokens(); 0 for token types sqlgate cannot name (those a
  // REPLACE of a dictionary of PostgreSQL's own mapped). A default CREATE TABLE ... (LIKE
  // source INCLUDING DEFAULTS) copied (source default_value, of the new table): the name of the
  // column it went into, an index into Catalog::tokens() too.
  std::uint32_t token = 0;
  // The ticks it holds between. An edge made with its object lasts as long as the object; one an
  // ALTER made (SET DEFAULT) starts then, and ends with the statement that replaces it (another
  // SET DEFAULT, DROP DEFAULT, ALTER COLUMN ... TYPE).
  Tick from = 0;
  Tick to = std::numeric_limits<Tick>::max();

  bool alive_at(Tick tick) const { return from < tick && tick <= to; }
};

// A rule's definition: made by CREATE RULE, replaced by each CREATE OR REPLACE RULE of it.
struct RuleDefinition {
  Tick from = 0;  // in force after this tick
  std::shared_ptr<const RuleFacts> facts;
  // The table each action writes (one per action of facts), as the catalog had it when the
  // definition was made; k_no_object for a SELECT or NOTIFY, or a table it does not know. The
  // tables and columns the rule reads are its dependencies (depends_on).
  std::vector<ObjectId> writes;
};

// One object over its life: created once, maybe renamed, maybe dropped. An object dropped and
// created again is two objects.
struct CatalogObject {
  struct Name {
    ObjectRef ref;
    Tick from = 0;                               // visible after this tick
    Tick to = std::numeric_limits<Tick>::max();  // and up to this one
  };
  std::vector<Name> names;  // in time order; the last is the current one
  Origin created;
  std::optional<Origin> dropped;
  std::vector<Origin> changed;  // alters, renames, rows written (ups only)
  std::vector<DependencyEdge> depends_on;
  std::vector<DependencyEdge> dependents;
  ObjectId parent = k_no_object;  // the table of a column, constraint, trigger, policy, rule
  std::vector<ObjectId> children;
  // Constraints and indexes.
  std::vector<std::string> columns;
  std::vector<std::string> uses;  // every column read (keys, expressions, WHERE)
  bool unique = false;
  bool partial = false;
  bool partitioned = false;  // tables: PARTITION BY
  char contype = 0;
  bool implicit = false;
  // Routines: how many trailing arguments have defaults, and whether the last is VARIADIC.
  std::uint16_t optional_args = 0;
  bool variadic = false;
  // Routines with OUT (INOUT, TABLE) arguments: the types of all of them (Effect::all_args).
  std::string all_args;
  // Routines: the table whose rows they return (RETURNS [SETOF] t); k_no_object for others.
  ObjectId result_table = k_no_object;
  // Rules: their definitions, in time order.
  std::vector<RuleDefinition> rule;

  ObjectKind kind() const { return names.front().ref.kind; }
  // A rule's definition at a tick (null before it was made, and for other objects).
  const RuleDefinition* rule_at(Tick tick) const;
  const ObjectRef& ref() const { return names.back().ref; }
  // The name it had at a tick (the first one before it existed).
  const ObjectRef& ref_at(Tick tick) const;
  bool alive_at(Tick tick) const;
};

// What one statement of a migration did, resolved against the catalog.
struct CatalogStep {
  std::size_t statement = 0;  // index in ParsedFile::all_statements()
  Effect effect;
  Tick tick = 0;
  // The object the effect acted on (for create: the new object; for a create that found the
  // object already there, that object); k_no_object when the name resolves to nothing.
  ObjectId object = k_no_object;
  bool existed = false;  // the object existed before this statement
  // A drop, alter or rename of a routine named without argument types while several routines of
  // that name fit along the search path: PostgreSQL refuses it (`function name "f" is not
  // unique`), and `object` is k_no_object.
  bool ambiguous = false;
  // Drops: everything that went with it (columns, indexes, constraints, owned sequences,
  // and with CASCADE the dependents), not the object itself. DROP IDENTITY: the sequence.
  std::vector<ObjectId> implied;
  // Drops without CASCADE: objects that still depend on it, so PostgreSQL refuses the drop.
  std::vector<ObjectId> blockers;
  // Dependencies of a create or use that resolve to nothing at this point.
  std::vector<ObjectRef> missing;
  // In a down: the earlier step of the same down that already took the object this one drops,
  // changes or uses.
  std::ptrdiff_t dropped_by_step = -1;
};

struct FileReplay {
  bool replayed = false;  // false for a file that did not parse or is not a migration
  Direction direction = Direction::up;
  Tick start = 0;  // the state before the file ran (for a down: right after its up)
  Tick end = 0;
  std::vector<CatalogStep> steps;
};

struct CatalogOptions {
  std::vector<std::string> search_path = {"public"};
  // Threads for reading the statements' effects (in Catalog::build) and for checking the downs;
  // 0: one per core.
  unsigned jobs = 0;
};

class CatalogBuilder;

class Catalog {
 public:
  // An ObjectRef's name as views (into an ObjectRef or an effect), for lookups that build none.
  struct NameRef {
    ObjectKind kind = ObjectKind::table;
    std::string_view schema;
    std::string_view parent;
    std::string_view name;
    const std::string* args = nullptr;  // nullptr: argument types not given
    explicit NameRef(const ObjectRef& ref)
        : kind(ref.kind),
          schema(ref.schema),
          parent(ref.parent),
          name(ref.name),
          args(ref.args ? &*ref.args : nullptr) {}
    NameRef(ObjectKind kind, std::string_view schema, std::string_view parent,
            std::string_view name)
        : kind(kind), schema(schema), parent(parent), name(name) {}
  };
  // Replays every up of the project in version order, then checks each down against the state
  // after its up. (CatalogBuild does the same while the files are still being parsed.)
  static std::shared_ptr<const Catalog> build(const Project& project,
                                              const CatalogOptions& options = {});

  // ---- time
  // The state before a migration's up ran (file is its up or its down).
  Tick before(std::size_t file) const;
  // The state right after a migration's up.
  Tick after_up(std::size_t file) const;
  // The state when every up has run.
  Tick end() const { return m_tick + 1; }

  // ---- objects
  const CatalogObject& object(ObjectId id) const { return m_objects[id]; }
  std::size_t size() const { return m_objects.size(); }
  // The object of that name alive at a tick (relations of any relation kind when the ref's
  // kind is table; types and domains alike; overloads when the ref has no argument types).
  ObjectId find(const ObjectRef& ref, Tick at) const;
  // The same for a name given as views: no ObjectRef to build.
  ObjectId find(const NameRef& ref, Tick at) const;
  // The token type names of text search configuration mappings, and the column names of LIKE's
  // copied defaults (DependencyEdge::token).
  const std::vector<std::string>& tokens() const { return m_tokens; }
  // The first object of that name created after a tick (use before create).
  ObjectId created_after(const ObjectRef& ref, Tick at) const;
  // What a statement that names a routine without argument types (DROP FUNCTION f, ALTER
  // FUNCTION f ...) may mean at a tick: the routines of that name of the kinds it looks among
  // (procedures for a procedure, else functions and aggregates), in the schema of its effect or,
  // written without one, along the effect's search path, where one in an earlier schema hides one
  // of the same argument types in a later one; those `gone` says are gone left out. With two or
  // more, PostgreSQL refuses the statement (`function name "f" is not unique`).
  std::vector<ObjectId> overloads(const Effect& effect, Tick at,
                                  const std::function<bool(ObjectId)>& gone = {}) const;
  // How the name came to name nothing by a tick: the object that had it last before then, and
  // the statement of an up that took it away (renamed it, or the table it belongs to, or dropped
  // it). nullopt when no object ever had it before the tick, or one has it then.
  struct NameLoss {
    ObjectId object = k_no_object;
    Origin by;
    bool dropped = false;
    ObjectRef renamed_to;  // the name it took, when renamed
  };
  std::optional<NameLoss> lost_before(const ObjectRef& ref, Tick at) const;
  // Whether an object of that name ever existed.
  bool known(const ObjectRef& ref) const;
  // A primary key, unique or exclusion constraint and its index share a name, and a rename of
  // either renames both: the other one of the pair at a tick (k_no_object when there is none).
  ObjectId key_partner(ObjectId id, Tick at) const;

  bool existed_before(const ObjectRef& ref, std::size_t file) const;
  // The migration statement that created the object alive at a tick under that name.
  std::optional<Origin> created_by(const ObjectRef& ref, Tick at) const;

  // The children of a table at a tick, in creation order.
  std::vector<ObjectId> columns(const ObjectRef& table, Tick at) const;
  std::vector<ObjectId> constraints(const ObjectRef& table, Tick at) const;
  std::vector<ObjectId> indexes(const ObjectRef& table, Tick at) const;
  // The rules of a table (CREATE RULE ... TO it) at a tick, in creation order, with the
  // definition each has then; those of one event (Change::insert, update or delete_rows) when
  // given.
  struct TableRule {
    ObjectId id = k_no_object;
    const RuleDefinition* definition = nullptr;
    // Whether the rewriter applies it: false once ALTER TABLE ... DISABLE RULE (or ENABLE
    // REPLICA RULE) turned it off (rules_before() says; rules() leaves it true).
    bool fires = true;
  };
  std::vector<TableRule> rules(ObjectId table, Tick at,
                               std::optional<Change> event = std::nullopt) const;
  // Whether the table has a primary key, a unique constraint or a unique index (partial ones
  // included) at a tick; on exactly these columns (any order) when given. nullopt when the
  // catalog does not know the table (created outside the migrations, say).
  std::optional<bool> has_unique_key(const ObjectRef& table, Tick at,
                                     const std::vector<std::string>* columns = nullptr) const;

  // Every schema an object the migrations made was in at some time, sorted: where to look for an
  // object known by its name only.
  const std::vector<std::string>& schemas() const { return m_schemas; }

  // ---- per file
  const FileReplay& replay(std::size_t file) const { return m_files[file]; }
  // The ups that ran before a tick (their replay started before it), in the order they ran.
  std::span<const std::size_t> ups_before(Tick at) const;
  // The tick before a statement of an up ran.
  Tick before_statement(std::size_t file, std::size_t statement) const;
  // What one statement (an index into all_statements()) did, resolved: for an INSERT, the
  // step whose effect.object is its table with the schema the search path gave, and whose
  // tick is the state has_unique_key() should be asked about.
  std::vector<const CatalogStep*> steps_of(std::size_t file, std::size_t statement) const;
  // The same steps, as the run of the file's steps they are (found by binary search).
  std::span<const CatalogStep> steps_at(std::size_t file, std::size_t statement) const;

 private:
  friend class CatalogBuilder;
  friend class CatalogBuild;
  std::vector<CatalogObject> m_objects;
  std::vector<FileReplay> m_files;
  std::vector<std::size_t> m_ups;  // the ups replayed, in the order they ran (start ascending)
  // Objects by a hash of a name, each list in insertion order; lookups compare the names, so a
  // hash shared by two names only makes a list longer.
  class NameIndex {
   public:
    static constexpr std::uint32_t k_end = std::numeric_limits<std::uint32_t>::max();
    // Appends id to the list of hash.
    void add(std::uint64_t hash, ObjectId id);
    // The first link of the list of hash, then next(link) until k_end.
    std::uint32_t first(std::uint64_t hash) const;
    std::uint32_t next(std::uint32_t link) const { return m_links[link].next; }
    ObjectId id(std::uint32_t link) const { return m_links[link].id; }

   private:
    struct Slot {
      std::uint64_t hash = 0;
      std::uint32_t first = k_end;  // k_end: a free slot
      std::uint32_t last = k_end;
    };
    struct Link {
      ObjectId id;
      std::uint32_t next;
    };
    std::vector<Slot> m_slots;  // open addressing, a power of two in size
    std::vector<Link> m_links;
    std::size_t m_used = 0;
    std::size_t slot_of(std::uint64_t hash) const;
  };
  // Every object by each of its names (kind, schema, parent, name).
  NameIndex m_by_name;
  // The kinds m_by_name holds any object of: lookups of the others need no probe.
  std::array<bool, 64> m_kinds{};
  // Relations and constraints by schema and name (for choosing implicit names).
  NameIndex m_relation_names;
  NameIndex m_constraint_names;
  std::vector<std::string> m_tokens = {std::string()};
  std::vector<std::string> m_schemas;
  Tick m_tick = 0;

  // The object of that name as exactly that kind.
  // parts: the hash of the name's schema, parent and name.
  ObjectId find_named(const NameRef& ref, ObjectKind kind, std::uint64_t parts, Tick at) const;
  // Calls visit(id, name) for each object alive at a tick with the ref's name then, of a kind a
  // lookup of the ref's kind finds (a function's: functions, procedures and aggregates), whatever
  // its argument types, with the name it has then.
  template <typename Visit>
  void each_overload(const NameRef& ref, Tick at, Visit&& visit) const;
  std::vector<ObjectId> children(const ObjectRef& table, ObjectKind kind, Tick at) const;
};

// The statement an origin names; null when its file has no parse.
const Statement* statement_at(const Project& project, const Origin& origin);

// The statements that changed an object (CatalogObject::changed) before tick `before` (and after
// tick `after`, when given), in the order they ran, each once: a statement that changes the object
// twice (an ALTER TABLE with two commands, a GRANT of two privileges) comes with its first origin.
struct ObjectChange {
  Origin origin;
  const Statement* statement = nullptr;
};
std::vector<ObjectChange> changes_before(const Project& project, const CatalogObject& object,
                                         Tick before, std::optional<Tick> after = std::nullopt);

// The statement that made a dependency edge of an object (one of its depends_on, or the dependent's
// half of it): among the object's changes, the one at whose tick the edge starts (a CREATE OR
// REPLACE that defined it again, SET DEFAULT, SET SCHEMA), else its create.
Origin edge_origin(const CatalogObject& dependent, const DependencyEdge& edge);

// Whether an origin of an object's changes is a CREATE OR REPLACE of it in an up, which defined
// it again.
bool redefined_by(const Catalog& catalog, ObjectId id, const Origin& origin);

// The rules of a table just before a statement of a replayed file (an up; or a down, against
// the state after its up, less the rules the down dropped before the statement, alone or with
// what they belong to), with the definition each has then and whether it fires: ALTER TABLE ...
// DISABLE RULE and ENABLE REPLICA RULE turn a rule off, ENABLE [ALWAYS] RULE on again. Those of
// one event (Change::insert, update or delete_rows) when given.
std::vector<Catalog::TableRule> rules_before(const Project& project, const Catalog& catalog,
                                             std::size_t file, std::size_t statement,
                                             ObjectId table,
                                             std::optional<Change> event = std::nullopt);

// Among a table's rules (rules_before()), the one that makes PostgreSQL refuse INSERT ... ON
// CONFLICT into it ("INSERT with ON CONFLICT clause cannot be used with table that has INSERT or
// UPDATE rules"): an ON UPDATE rule (turned off or not), or an ON INSERT rule with actions that
// fires. Null when there is none.
const Catalog::TableRule* on_conflict_refused_by(const std::vector<Catalog::TableRule>& rules);

// Whether the replay knows every column a table has at a tick: one made by a plain CREATE TABLE
// (not LIKE, INHERITS, PARTITION OF, OF a type), or by CREATE TABLE ... AS or SELECT ... INTO
// whose columns' names are known (not SELECT *), that has not become a child (INHERIT) or a
// partition (ATTACH PARTITION) since, whose parent's columns it would take.
bool columns_known(const Project& project, const Catalog& catalog, ObjectId table, Tick at);

// The object a statement of a replayed file names as written (`schema` empty when the statement
// gives none), as the catalog has it just before the statement: an unqualified name is looked up
// along the search path the statement was read with (what the file's SET search_path made it).
// `parent` is the table of a column, constraint, trigger or index. k_no_object when there is no
// such object, or no replay of the file.
ObjectId find_as_written(const Catalog& catalog, std::size_t file, std::size_t statement,
                         ObjectKind kind, std::string_view schema, std::string_view name,
                         std::string_view parent = {});

// The relation PostgreSQL finds under a name at a tick: tables, views, materialized views,
// indexes and sequences share one namespace per schema, and the first schema of the search path
// that has the name wins. `schema`: the one written, or the first of the path.
ObjectId relation_named(const Catalog& catalog, std::string_view schema, std::string_view name,
                        bool schema_given,
                        const std::shared_ptr<const std::vector<std::string>>& path, Tick at);

// Builds a Catalog while the files of a project are parsed: the replay of the ups runs in
// version order on one thread, each file as soon as its parse is in the project, while other
// threads parse the files after it. Then the downs, in parallel.
//   CatalogBuild build(project, options);
//   std::thread replay([&] { catalog = build.replay(); });
//   ... for each file, from any thread: put its parse in the project, then build.prepare(i);
//   replay.join();
class CatalogBuild {
 public:
  CatalogBuild(const Project& project, CatalogOptions options);
  ~CatalogBuild();
  CatalogBuild(const CatalogBuild&) = delete;
  CatalogBuild& operator=(const CatalogBuild&) = delete;

  // Reads the effects of the statements of file i (none when it has no parse) and lets the
  // replay take it. Once per file; files may come from several threads at once.
  void prepare(std::size_t file);
  // Returns the catalog once every file was prepared and replayed.
  std::shared_ptr<const Catalog> replay();
  // Makes replay() return at once, without a catalog: the files will not all come.
  void abandon();

 private:
  void wait_for(std::size_t file);

  CatalogOptions m_options;
  std::shared_ptr<Catalog> m_catalog;
  std::unique_ptr<CatalogBuilder> m_builder;
  std::unique_ptr<std::atomic<bool>[]> m_ready;
  std::atomic<bool> m_abandoned{false};
  std::atomic<std::size_t> m_done{0};  // files prepared
  // The replay sleeps until this many files are prepared.
  std::atomic<std::size_t> m_wake_at{std::numeric_limits<std::size_t>::max()};
  std::mutex m_mutex;
  std::condition_variable m_arrived;
};

}  // namespace sqlgate::lint
