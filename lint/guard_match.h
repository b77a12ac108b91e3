// Whether a guard's catalog test can find what the statements it guards create, drop, alter or
// rename. A test that cannot (it compares typname = 'OrderStatus' while the type is stored as
// orderstatus, or looks in pg_tables for a view) gives the same answer on every run, so the
// second run does again what the first did.
//
// Only what is certain is judged: literal names compared with = or IN with the name columns of
// catalogs whose content is known, to_regclass('...') and the like with a literal, and
// '...'::regclass casts. A test that reads anything else, or compares a name column with a
// variable, format(), a concatenation or a parameter, may find the object.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/objects.h"
#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// An object a guarded statement names, as PostgreSQL stores its name.
struct GuardTarget {
  ObjectRef object;
  bool schema_given = false;      // the statement wrote the schema (else search_path decides)
  std::string new_name;           // a rename: the name it gets
  std::string new_schema;         // SET SCHEMA: the schema it moves to
  bool old_name = true;           // false: a test must find it under its new name or schema
  bool composite = false;         // a composite type (pg_class and to_regclass() find it too),
                                  // or its attribute (information_schema.attributes lists it)
  bool login = true;              // a role: false when CREATE ROLE gives it no LOGIN
  char contype = 0;               // a constraint: 'x' for EXCLUDE, ...
  Action action = Action::alter;  // what the statement does to it
  bool may_exist = false;         // made IF NOT EXISTS or OR REPLACE: it may be there before
  // A column's, constraint's, ...: the name a later rename of the file gives the table it is on,
  // which a test may find it under after the first run (see GuardAnalysis).
  std::string new_parent;
  // A table's membership of a publication (ALTER PUBLICATION ... ADD | SET | DROP TABLE), as
  // pg_publication_tables lists it: the object is the publication, its parent the table and its
  // schema the table's.
  bool member = false;
  // False when the schema the statement wrote is not on the search path the file set before it
  // (SELECT pg_catalog.set_config('search_path', '', false), then public.accounts): a lookup
  // of its name without a schema (to_regclass('accounts')) does not find it.
  bool on_path = true;
};

// An object a branch of a DO block makes, then drops or renames away, unconditionally: the first
// run leaves it missing, as it found it, so a test that looks for it (or for what is on it)
// answers alike on every run, and finds it by no name it had in that branch.
struct Transient {
  ObjectRef object;           // kind, schema, name and parent, as a GuardTarget's
  bool schema_given = false;  // as the statements wrote it
  std::string why;            // "the branch makes table t (line 4) and drops t (line 6), so ..."
};

// The objects a statement creates, drops, alters or renames, the main one first. With
// `old_names` false, a rename's target is only its new name.
std::vector<GuardTarget> guard_targets(const Statement& statement, bool old_names = true);

// Many targets (every statement's of a file), grouped once so that a test is judged against
// them in time that does not grow with their number: whether a test finds a target depends on
// its names only where the test writes one of them. So the targets are kept by each name they
// have, and in groups that agree on everything but their names; a test is judged against the
// targets that have a name it writes, and against one target of each group.
class TargetIndex {
 public:
  // The target (and the statement it comes from) must outlive the index.
  void add(const GuardTarget& target, const Statement* owner);

  struct Entry {
    const GuardTarget* target;
    const Statement* owner;
  };
  const std::vector<std::vector<Entry>>& groups() const { return m_groups; }
  // The targets that have this name, parent, schema, new name or new schema.
  const std::vector<Entry>& named(std::string_view value) const;

 private:
  std::vector<std::vector<Entry>> m_groups;
  std::unordered_map<std::uint64_t, std::size_t> m_group_of;
  std::unordered_map<std::string_view, std::vector<Entry>> m_named;
};

// Why a test (the parse tree of SELECT <condition>, or of a query) cannot find any of the
// targets, said of the first one (or of one that it finds only by a name `transients` leave
// missing); nothing when it may find one, or cannot be judged. With `others`, the test may also
// find any target there that `skip` does not reject. A target is not found by a name, or on a
// table, that `transients` lists.
std::optional<std::string> guard_mismatch(
    const Node& test, const std::vector<const GuardTarget*>& targets,
    const TargetIndex* others = nullptr,
    const std::function<bool(const TargetIndex::Entry&)>& skip = {},
    const std::vector<Transient>* transients = nullptr);

// The object a failed lookup in an EXCEPTION-guarded block names: PERFORM 'x'::regclass raises
// undefined_table while x does not exist. The condition it raises, its literal, and whether
// it finds one of the targets; nothing when the expression is not such a lookup.
struct FailedLookup {
  std::string_view sqlstate;
  bool finds_target = false;
};
std::optional<FailedLookup> failed_lookup(const Node& query,
                                          const std::vector<GuardTarget>& targets);

}  // namespace sqlgate::lint
