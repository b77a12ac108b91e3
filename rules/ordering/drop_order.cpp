// drop-order: in a down or an up, a DROP that PostgreSQL refuses because something still depends on
// the object (a foreign key of another table, a view, a trigger, a default, CHECK or index that
// calls a function, a signature or column of a type, an extension's type or operator class), a DROP
// of an object that an earlier statement of the same down already took with its table or column,
// any other statement on such an object, DROP INDEX of a constraint's index, DROP FUNCTION of a
// procedure or an aggregate, and DROP TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE | FOREIGN
// TABLE of a relation of another kind.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "rules/ordering/drop_role.h"
#include "rules/ordering/relations.h"
#include "rules/ordering/rules.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using pairing::describe;
using pairing::statement_range;

// What a dependency is, for the message: "the foreign key campaign_targets_campaign_id_fkey of
// table campaign_targets", "the default of column short_links.id".
std::string dependent(const lint::Catalog& catalog, ObjectId id, lint::Tick at,
                      bool through_default = false) {
  const lint::CatalogObject& object = catalog.object(id);
  const lint::ObjectRef& ref = object.ref_at(at);
  if (object.kind() == lint::ObjectKind::constraint && object.contype == 'f') {
    return "the foreign key " + pairing::quote_identifier(ref.name) + " of table " +
           pairing::parent_sql(ref);
  }
  // A table's default: one CREATE TABLE ... (LIKE source INCLUDING DEFAULTS) copied.
  if (through_default && object.kind() == lint::ObjectKind::table) {
    return "a column default that " + describe(ref) + " copied with LIKE";
  }
  if (through_default) return "the default of " + describe(ref);
  return describe(ref);
}

// The edge by which the blocker depends on what the step drops: one of its definition rather than
// of its default when there are both.
const lint::DependencyEdge* blocking_edge(const lint::Catalog& catalog,
                                          const lint::CatalogStep& step, ObjectId blocker,
                                          bool retyped = false) {
  const lint::DependencyEdge* found = nullptr;
  auto look = [&](ObjectId member) {
    for (const auto& edge : catalog.object(member).dependents) {
      if (edge.object != blocker || !edge.alive_at(step.tick)) continue;
      // A column the down gave another type: only its default still holds the old one.
      if (retyped && edge.source == lint::DependencySource::type) continue;
      if (found == nullptr || found->source == lint::DependencySource::default_value) {
        found = &edge;
      }
    }
  };
  look(step.object);
  for (ObjectId member : step.implied) look(member);
  return found;
}

// DROP TABLE old while `table`, made with CREATE TABLE ... (LIKE old INCLUDING DEFAULTS), has
// the nextval() default of old's serial: the sequence the drop takes along (owned by a column of
// old) and that column, whose copy in `table` has the same name. Nothing when not known.
struct CopiedSequence {
  ObjectId sequence = lint::k_no_object;
  std::string column;
};

CopiedSequence copied_sequence(const lint::Catalog& catalog, const lint::CatalogStep& step,
                               ObjectId table) {
  for (ObjectId member : step.implied) {
    const lint::CatalogObject& sequence = catalog.object(member);
    if (sequence.kind() != lint::ObjectKind::sequence) continue;
    bool copied = std::any_of(
        sequence.dependents.begin(), sequence.dependents.end(), [&](const lint::DependencyEdge& e) {
          return e.object == table && e.source == lint::DependencySource::default_value &&
                 e.alive_at(step.tick);
        });
    if (!copied) continue;
    for (ObjectId column : catalog.object(step.object).children) {
      const lint::CatalogObject& object = catalog.object(column);
      if (object.kind() != lint::ObjectKind::column) continue;
      for (const auto& edge : object.depends_on) {
        if (edge.object == member && edge.source == lint::DependencySource::default_value &&
            edge.alive_at(step.tick)) {
          return {member, object.ref_at(step.tick).name};
        }
      }
    }
  }
  return {};
}

// The object the down would have to drop first to get rid of a dependent: its table for a
// constraint, trigger or policy.
ObjectId owner(const lint::Catalog& catalog, ObjectId id) {
  const lint::CatalogObject& object = catalog.object(id);
  return object.parent != lint::k_no_object ? object.parent : id;
}

// The partitioned table a partition belongs to at a tick; k_no_object for other objects.
ObjectId partitioned_parent(const lint::Catalog& catalog, ObjectId id, lint::Tick at) {
  for (const auto& edge : catalog.object(id).depends_on) {
    const lint::CatalogObject& parent = catalog.object(edge.object);
    if (edge.automatic && edge.alive_at(at) && parent.kind() == lint::ObjectKind::table &&
        parent.partitioned) {
      return edge.object;
    }
  }
  return lint::k_no_object;
}

// What a statement of the kind written does to an object: "changes", "renames", "uses".
std::string_view verb(lint::Action action) {
  switch (action) {
    case lint::Action::rename:
      return "renames";
    case lint::Action::use:
      return "uses";
    default:
      return "changes";
  }
}

// A statement on an object an earlier statement of the down (`earlier`) took: PostgreSQL fails
// there, or with IF EXISTS the statement does nothing (a warning).
void report_gone(const pairing::Pair& pair, const lint::CatalogStep& step,
                 const lint::CatalogStep& earlier, const std::string& what, std::string help,
                 std::string related, lint::Reporter& out) {
  auto builder =
      out.report(*pair.down_file, statement_range(*pair.down_file, step.statement),
                 what + (step.effect.if_exists ? ": the statement does nothing"
                                               : ": PostgreSQL fails here, it no longer exists"),
                 std::move(help));
  builder.related(*pair.down_file, statement_range(*pair.down_file, earlier.statement),
                  std::move(related));
  if (step.effect.if_exists) builder.at_most(lint::Severity::warning);
}

// DROP FUNCTION of a procedure or an aggregate (PostgreSQL: "f() is not a function", "f(int)
// is an aggregate function"): it fails, IF EXISTS or not. DROP ROUTINE takes any of them.
bool report_wrong_kind(const lint::Project& project, const pairing::Pair& pair,
                       const lint::CatalogStep& step, lint::Reporter& out) {
  if (step.effect.object.kind != lint::ObjectKind::function) return false;
  const lint::CatalogObject& found = project.catalog()->object(step.object);
  if (found.kind() == lint::ObjectKind::function) return false;
  const auto& statements = pair.down_file->all_statements();
  if (step.statement >= statements.size() ||
      statements[step.statement]->node.str("removeType") != "OBJECT_FUNCTION") {
    return false;
  }
  bool procedure = found.kind() == lint::ObjectKind::procedure;
  out.report(
      *pair.down_file, statement_range(*pair.down_file, step.statement),
      "DROP FUNCTION names " + describe(found.ref()) + ": PostgreSQL refuses it (" +
          (procedure ? "\"is not a function\"" : "\"is an aggregate function\"") +
          "), with IF EXISTS too",
      std::string("write DROP ") + (procedure ? "PROCEDURE" : "AGGREGATE") + " (or DROP ROUTINE)");
  return true;
}

// The relation kind a DROP statement names (DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX, SEQUENCE,
// FOREIGN TABLE); nullopt for other statements.
std::optional<lint::ObjectKind> dropped_relation_kind(const lint::ParsedFile& file,
                                                      const lint::CatalogStep& step) {
  const auto& statements = file.all_statements();
  if (step.statement >= statements.size()) return std::nullopt;
  const lint::Node& node = statements[step.statement]->node;
  if (!node.is("DropStmt")) return std::nullopt;
  std::string_view type = node.str("removeType");
  if (type == "OBJECT_TABLE") return lint::ObjectKind::table;
  if (type == "OBJECT_VIEW") return lint::ObjectKind::view;
  if (type == "OBJECT_MATVIEW") return lint::ObjectKind::materialized_view;
  if (type == "OBJECT_INDEX") return lint::ObjectKind::index;
  if (type == "OBJECT_SEQUENCE") return lint::ObjectKind::sequence;
  if (type == "OBJECT_FOREIGN_TABLE") return lint::ObjectKind::foreign_table;
  return std::nullopt;
}

// The relation PostgreSQL finds under the name a DROP writes at a tick.
ObjectId relation_named(const lint::Catalog& catalog, const lint::Effect& effect, lint::Tick at) {
  return ordering::relation_named(catalog, effect.object.schema, effect.object.name,
                                  effect.schema_given, effect.search_path, at);
}

// DROP TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE | FOREIGN TABLE of a relation of another
// kind (PostgreSQL: "mv" is not a view, HINT: Use DROP MATERIALIZED VIEW): it fails, IF EXISTS or
// not. `found`: the relation of that name when the statement runs.
void report_wrong_relation(const lint::ParsedFile& file, const lint::CatalogStep& step,
                           lint::ObjectKind written, const lint::ObjectRef& found,
                           std::string_view first_run, lint::Reporter& out) {
  std::string keyword = pairing::sql_keyword(written);
  std::string article = written == lint::ObjectKind::index ? "an " : "a ";
  std::string message =
      "DROP " + keyword + " names " + describe(found) + ": PostgreSQL refuses it (";
  message += '"';
  message += found.name;
  message += "\" is not ";
  message += article;
  message += lint::to_string(written);
  message += "), with IF EXISTS too";
  message += first_run;
  out.report(file, statement_range(file, step.statement), message,
             "write `" + pairing::drop_sql(found) + "` instead: DROP " + keyword + " drops only " +
                 article + std::string(lint::to_string(written)));
}

// In a down: the relation the DROP finds is of another kind than it names. True when reported.
bool report_wrong_relation_kind(const lint::Project& project, const pairing::Pair& pair,
                                const std::vector<lint::CatalogStep>& steps, std::size_t i,
                                lint::Tick at, lint::Reporter& out) {
  const lint::CatalogStep& step = steps[i];
  std::optional<lint::ObjectKind> written = dropped_relation_kind(*pair.down_file, step);
  if (!written) return false;
  const lint::Catalog& catalog = *project.catalog();
  ObjectId found = step.object;
  if (found == lint::k_no_object) found = relation_named(catalog, step.effect, at);
  if (found == lint::k_no_object || catalog.object(found).kind() == *written) return false;
  // Not when an earlier statement of the down took it.
  for (std::size_t j = 0; j < i; ++j) {
    if (steps[j].effect.action != lint::Action::drop) continue;
    if (steps[j].object == found || std::find(steps[j].implied.begin(), steps[j].implied.end(),
                                              found) != steps[j].implied.end()) {
      return false;
    }
  }
  report_wrong_relation(*pair.down_file, step, *written, catalog.object(found).ref_at(at), "", out);
  return true;
}

// DROP INDEX of the index of a constraint (a primary key's, a unique or exclusion constraint's, or
// the one ADD CONSTRAINT ... USING INDEX took): PostgreSQL refuses it ("cannot drop index ...
// because constraint ... requires it"), with IF EXISTS, CONCURRENTLY and CASCADE too; DROP
// CONSTRAINT drops the index. True when reported.
bool report_constraint_index(const lint::Catalog& catalog, const lint::ParsedFile& file,
                             const lint::CatalogStep& step, lint::Tick at, bool up,
                             lint::Reporter& out) {
  if (step.object == lint::k_no_object ||
      dropped_relation_kind(file, step) != lint::ObjectKind::index) {
    return false;
  }
  const lint::CatalogObject& index = catalog.object(step.object);
  if (index.kind() != lint::ObjectKind::index) return false;
  for (const auto& edge : index.depends_on) {
    const lint::CatalogObject& constraint = catalog.object(edge.object);
    if (!edge.automatic || constraint.kind() != lint::ObjectKind::constraint ||
        !edge.alive_at(at) || !constraint.alive_at(at)) {
      continue;
    }
    const lint::ObjectRef& ref = constraint.ref_at(at);
    const std::string& name = index.ref_at(at).name;
    std::string message = "this drops index " + pairing::quote_identifier(name) +
                          ", the index of " + describe(ref) +
                          ": PostgreSQL refuses it (\"cannot drop index ";
    message += name;
    message += " because constraint ";
    message += ref.name;
    message += " on table ";
    message += ref.parent;
    message += " requires it\"), with IF EXISTS and CASCADE too";
    if (up) message += ", and the migration fails on its first run";
    out.report(file, statement_range(file, step.statement), message,
               "drop the constraint instead, which drops its index: ALTER TABLE " +
                   pairing::parent_sql(ref) + " DROP CONSTRAINT " +
                   pairing::quote_identifier(ref.name));
    return true;
  }
  return false;
}

// The object that requires the one a DROP of an object of kind `kind` drops: one of that kind
// it depends on automatically, which takes it along, alive at `at` and not dropped by the same
// statement. k_no_object when there is none.
ObjectId required_by(const lint::Catalog& catalog, const std::vector<lint::CatalogStep>& steps,
                     std::size_t i, lint::Tick at, lint::ObjectKind kind) {
  const lint::CatalogStep& step = steps[i];
  if (step.object == lint::k_no_object) return lint::k_no_object;
  const lint::CatalogObject& object = catalog.object(step.object);
  if (object.kind() != kind) return lint::k_no_object;
  for (const auto& edge : object.depends_on) {
    const lint::CatalogObject& other = catalog.object(edge.object);
    if (!edge.automatic || other.kind() != kind || !edge.alive_at(at) || !other.alive_at(at)) {
      continue;
    }
    bool together = false;
    for (const lint::CatalogStep& same : steps) {
      together = together || (same.statement == step.statement && same.object == edge.object &&
                              same.effect.action == lint::Action::drop);
    }
    if (!together) return edge.object;
  }
  return lint::k_no_object;
}

// A DROP of an object that another one requires, which takes it along: PostgreSQL refuses it
// ("cannot drop type floatmultirange because type floatrange requires it"), with IF EXISTS and
// CASCADE too, unless the same statement drops the other one. True when reported.
// - DROP TYPE of the multirange type of a range type (made with it by CREATE TYPE ... AS RANGE);
// - DROP INDEX of a partition's index attached to a partitioned index (ALTER INDEX p ATTACH
//   PARTITION c), CONCURRENTLY too: DROP INDEX p drops the index of each partition with it.
bool report_required(const lint::Catalog& catalog, const lint::ParsedFile& file,
                     const std::vector<lint::CatalogStep>& steps, std::size_t i, lint::Tick at,
                     bool up, lint::Reporter& out) {
  struct Requirement {
    lint::ObjectKind kind;
    std::string_view word;     // "type"
    std::string_view role;     // what the object is to the one that requires it
    std::string_view options;  // those that do not help
    std::string_view instead;  // the help, before the DROP of the other one
  };
  static constexpr Requirement k_requirements[] = {
      {lint::ObjectKind::type, "type", "the multirange type of range type", "IF EXISTS and CASCADE",
       "drop the range type instead, which takes its multirange type along: DROP TYPE "},
      {lint::ObjectKind::index, "index", "attached to partitioned index",
       "IF EXISTS, CONCURRENTLY and CASCADE",
       "drop the partitioned index instead, which drops the index of each partition with it: "
       "DROP INDEX "},
  };
  const lint::CatalogStep& step = steps[i];
  for (const Requirement& requirement : k_requirements) {
    if (requirement.kind == lint::ObjectKind::index &&
        dropped_relation_kind(file, step) != lint::ObjectKind::index) {
      continue;
    }
    ObjectId owner = required_by(catalog, steps, i, at, requirement.kind);
    if (owner == lint::k_no_object) continue;
    const std::string& name = catalog.object(step.object).ref_at(at).name;
    const lint::ObjectRef& ref = catalog.object(owner).ref_at(at);
    std::string word(requirement.word);
    std::string message = "this drops " + word + " " + pairing::quote_identifier(name) + ", " +
                          std::string(requirement.role) + " " + pairing::sql_name(ref) +
                          ": PostgreSQL refuses it (\"cannot drop " + word + " " + name +
                          " because " + word + " " + ref.name + " requires it\"), with " +
                          std::string(requirement.options) + " too";
    if (up) message += ", and the migration fails on its first run";
    out.report(
        file, statement_range(file, step.statement), message,
        std::string(requirement.instead) + pairing::sql_name(ref) + ", and remove this statement");
    return true;
  }
  return false;
}

// A statement that names a function without its argument types (DROP FUNCTION IF EXISTS f)
// while two or more functions of that name exist, in its schema or, written without one, along
// the search path (Catalog::overloads()): PostgreSQL refuses it ("function name is not unique"),
// IF EXISTS or not. In a down (`up` false, `at` the state its up left) those it already dropped
// do not count; in an up (`at` the step's own state) the migration fails on its first run.
bool report_ambiguous(const lint::Catalog& catalog, const lint::ParsedFile& file,
                      const std::vector<lint::CatalogStep>& steps, std::size_t i, lint::Tick at,
                      bool up, lint::Reporter& out) {
  const lint::CatalogStep& step = steps[i];
  const lint::ObjectRef& named = step.effect.object;
  auto dropped = [&](ObjectId id) {
    for (std::size_t j = 0; j < i; ++j) {
      if (steps[j].effect.action != lint::Action::drop) continue;
      if (steps[j].object == id || std::find(steps[j].implied.begin(), steps[j].implied.end(),
                                             id) != steps[j].implied.end()) {
        return true;
      }
    }
    return false;
  };
  std::vector<ObjectId> found = catalog.overloads(step.effect, at, dropped);
  if (found.size() < 2) return false;
  std::vector<std::string> overloads;
  bool path = false;
  for (ObjectId id : found) {
    const lint::ObjectRef& ref = catalog.object(id).ref_at(at);
    overloads.push_back(describe(ref));
    path = path || ref.schema != catalog.object(found.front()).ref_at(at).schema;
  }
  std::sort(overloads.begin(), overloads.end());
  std::string list = lint::join_strings(overloads, ", ");
  bool drop = step.effect.action == lint::Action::drop;
  out.report(file, statement_range(file, step.statement),
             "this names " + pairing::quote_identifier(named.name) +
                 " without argument types while " + std::to_string(overloads.size()) +
                 (named.kind == lint::ObjectKind::procedure ? " procedures" : " functions") +
                 " of that name exist" + (path ? " along the search path" : "") + " (" + list +
                 "): PostgreSQL refuses it (\"function name is not unique\")" +
                 (drop ? ", with IF EXISTS too" : "") +
                 (up ? ", and the migration fails on its first run" : ""),
             "name each with its argument types, as in `DROP " +
                 std::string(named.kind == lint::ObjectKind::procedure ? "PROCEDURE" : "FUNCTION") +
                 " IF EXISTS " +
                 (step.effect.schema_given ? pairing::sql_name(named)
                                           : pairing::quote_identifier(named.name)) +
                 "(<argument types>);`, once per overload" + (path ? ", with its schema" : ""));
  return true;
}

// A DROP (without CASCADE) of what something still depends on, which PostgreSQL refuses: in a
// down (`up` false, `at` the state its up left) or in an up (`at` the step's own state), where
// the migration fails on its first run.
void report_blocked(const lint::Project& project, const lint::ParsedFile& file,
                    const std::vector<lint::CatalogStep>& steps, std::size_t i, lint::Tick at,
                    bool up, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::CatalogStep& step = steps[i];
  lint::TextRange range = statement_range(file, step.statement);
  const lint::ObjectRef& target = catalog.object(step.object).ref_at(at);
  ObjectId blocker = step.blockers.front();
  ObjectId first = owner(catalog, blocker);
  // The statement of this file that drops the dependent, when there is one.
  std::ptrdiff_t later = -1;
  for (std::size_t j = i + 1; j < steps.size() && later < 0; ++j) {
    if (steps[j].effect.action != lint::Action::drop) continue;
    if (steps[j].object == blocker || steps[j].object == first) {
      later = static_cast<std::ptrdiff_t>(j);
    }
    for (ObjectId implied : steps[j].implied) {
      if (implied == blocker) later = static_cast<std::ptrdiff_t>(j);
    }
  }
  bool retyped = false;
  // The down's CREATE OR REPLACE of the dependent before this statement: it depends on what that
  // definition names.
  std::ptrdiff_t redefined = -1;
  for (std::size_t j = 0; j < i && !up; ++j) {
    retyped =
        retyped || (steps[j].effect.change == lint::Change::set_type &&
                    steps[j].effect.action == lint::Action::alter && steps[j].object == blocker);
    if (steps[j].effect.action == lint::Action::create && steps[j].effect.or_replace &&
        steps[j].object == blocker && target.kind != lint::ObjectKind::schema) {
      redefined = static_cast<std::ptrdiff_t>(j);
    }
  }
  // After the down's CREATE OR REPLACE, the dependent's edges after the up are not what it holds.
  const lint::DependencyEdge* edge =
      redefined >= 0 ? nullptr : blocking_edge(catalog, step, blocker, retyped);
  bool through_default = edge != nullptr && edge->source == lint::DependencySource::default_value;
  // A foreign key that references the partitioned table this partition belongs to.
  ObjectId partition_of = edge == nullptr && catalog.object(blocker).contype == 'f'
                              ? partitioned_parent(catalog, step.object, at)
                              : lint::k_no_object;
  std::string message = "this drops " + describe(target) + " while " +
                        dependent(catalog, blocker, at, through_default);
  if (partition_of != lint::k_no_object) {
    // The table of the partition tree the foreign key names.
    ObjectId referenced = partition_of;
    for (ObjectId up = partition_of; up != lint::k_no_object;
         up = partitioned_parent(catalog, up, at)) {
      const auto& dependents = catalog.object(up).dependents;
      if (std::any_of(dependents.begin(), dependents.end(),
                      [&](const lint::DependencyEdge& e) { return e.object == blocker; })) {
        referenced = up;
        break;
      }
    }
    message += ", which references the partitioned table " +
               pairing::sql_name(catalog.object(referenced).ref_at(at)) +
               " and so each of its partitions,";
  }
  if (target.kind == lint::ObjectKind::type && partition_of == lint::k_no_object) {
    // Through the multirange type that goes with a range type.
    for (ObjectId member : step.implied) {
      const lint::CatalogObject& type = catalog.object(member);
      if (type.kind() != lint::ObjectKind::type) continue;
      if (std::any_of(type.dependents.begin(), type.dependents.end(),
                      [&](const lint::DependencyEdge& e) { return e.object == blocker; })) {
        message += ", which uses the multirange type " + pairing::sql_name(type.ref_at(at)) +
                   " made with it,";
        break;
      }
    }
  }
  message += " still depends on it: PostgreSQL refuses the drop";
  if (up) message += ", and the migration fails on its first run";
  if (step.blockers.size() > 1) {
    message += " (and " + std::to_string(step.blockers.size() - 1) + " more dependents)";
  }
  // What to drop first: what the file's later statement drops (the dependent, its table, or
  // what takes it with CASCADE); else the dependent, or its table.
  std::string first_sql;
  if (later >= 0) {
    ObjectId taken = steps[static_cast<std::size_t>(later)].object;
    first_sql = taken == blocker ? dependent(catalog, blocker, at)
                                 : describe(catalog.object(taken).ref_at(at));
  } else {
    first_sql = dependent(catalog, blocker, at);
    if (first != blocker) first_sql += " (or " + describe(catalog.object(first).ref_at(at)) + ")";
  }
  // An object the up moved into the schema (SET SCHEMA): moving it out again is the way.
  bool moved_in = target.kind == lint::ObjectKind::schema && edge != nullptr &&
                  edge->from != catalog.object(blocker).created.tick;
  std::string help = moved_in ? "move " + dependent(catalog, blocker, at) +
                                    " out of it before this statement (ALTER ... SET SCHEMA), or "
                                    "drop " +
                                    first_sql + " first"
                              : "drop " + first_sql + " first";
  if (partition_of != lint::k_no_object) {
    help += ", or detach it before this statement (ALTER TABLE " +
            pairing::sql_name(catalog.object(partition_of).ref_at(at)) + " DETACH PARTITION " +
            pairing::sql_name(target) + ")";
  }
  const lint::ObjectRef& blocker_ref = catalog.object(blocker).ref_at(at);
  if (through_default && blocker_ref.kind == lint::ObjectKind::column) {
    help += ", or drop the default before this statement (ALTER TABLE " +
            pairing::parent_sql(blocker_ref) + " ALTER COLUMN " +
            pairing::quote_identifier(blocker_ref.name) + " DROP DEFAULT)";
  }
  if (through_default && blocker_ref.kind == lint::ObjectKind::table) {
    // The table LIKE made keeps the serial's sequence when it owns it: the sequence then goes
    // with it, not with the table dropped (checked on 15).
    CopiedSequence copied = copied_sequence(catalog, step, blocker);
    std::string sequence = copied.sequence != lint::k_no_object
                               ? pairing::sql_name(catalog.object(copied.sequence).ref_at(at))
                               : "<the serial's sequence>";
    std::string column =
        copied.column.empty() ? "<column>" : pairing::quote_identifier(copied.column);
    // Not ALTER COLUMN ... SET DEFAULT, which PostgreSQL takes too: the replay does not know
    // the columns LIKE made, and would still see the copied default.
    std::string keep = "give " + describe(blocker_ref) +
                       " the sequence before this statement, so that it goes with that table "
                       "(ALTER SEQUENCE " +
                       sequence + " OWNED BY " + pairing::sql_name(blocker_ref) + "." + column +
                       ")";
    help = up ? keep + "; or " + help : help + ", or " + keep;
  }
  if (target.kind == lint::ObjectKind::text_search_dictionary &&
      blocker_ref.kind == lint::ObjectKind::text_search_configuration) {
    std::string remap = "ALTER TEXT SEARCH CONFIGURATION " + pairing::sql_name(blocker_ref) +
                        " ALTER MAPPING FOR ... WITH ...";
    help += ", or map its token types to other dictionaries before this statement (" + remap + ")";
  }
  if (blocker_ref.kind == lint::ObjectKind::policy && lint::is_routine(target.kind)) {
    help +=
        ", or give the policy expressions that do not call it before this statement (ALTER "
        "POLICY " +
        pairing::quote_identifier(blocker_ref.name) + " ON " + pairing::parent_sql(blocker_ref) +
        " USING (...) WITH CHECK (...))";
  }
  help += up ? " (and make it again after, if it is to stay), or with CASCADE when losing it is "
               "meant"
             : ": a down drops in reverse order of creation, dependents before what they use";
  auto builder = out.report(file, range, message, help);
  if (later >= 0) {
    builder.related(file, statement_range(file, steps[static_cast<std::size_t>(later)].statement),
                    first_sql + " is dropped only here, later");
  }
  if (redefined >= 0) {
    builder.related(file,
                    statement_range(file, steps[static_cast<std::size_t>(redefined)].statement),
                    dependent(catalog, blocker, at) + " is defined again here");
    return;
  }
  const lint::CatalogObject& blocking = catalog.object(blocker);
  lint::Origin origin = edge != nullptr ? lint::edge_origin(blocking, *edge) : blocking.created;
  if (const lint::ParsedFile* creator = project.parsed(origin.file)) {
    builder.related(*creator, statement_range(*creator, origin.statement),
                    origin.tick == blocking.created.tick
                        ? dependent(catalog, blocker, at) + " is created here"
                    : moved_in ? dependent(catalog, blocker, at) + " is moved into it here"
                    : lint::redefined_by(catalog, blocker, origin)
                        ? dependent(catalog, blocker, at) + " is defined again here"
                        : dependent(catalog, blocker, at, through_default) + " is set here");
  }
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const pairing::Pair& pair : pairing::pairs(project)) {
    const auto& steps = pair.down_replay->steps;
    lint::Tick at = pair.down_replay->start;
    std::size_t reported_statement = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const lint::CatalogStep& step = steps[i];
      if (step.effect.action != lint::Action::create && lint::is_routine(step.effect.object.kind) &&
          !step.effect.object.args && step.statement != reported_statement &&
          report_ambiguous(catalog, *pair.down_file, steps, i, at, false, out)) {
        reported_statement = step.statement;
        continue;
      }
      if (step.effect.action == lint::Action::create || step.statement == reported_statement) {
        continue;
      }
      if (step.effect.action != lint::Action::drop) {
        // Once per statement: ALTER TABLE names the table, then each column it touches.
        if (step.object == lint::k_no_object && step.dropped_by_step >= 0) {
          report_gone(pair, step, steps[static_cast<std::size_t>(step.dropped_by_step)],
                      "this " + std::string(verb(step.effect.action)) + " " +
                          describe(step.effect.object) + " after the down dropped it",
                      "move this statement before the DROP, or remove it", "dropped here", out);
          reported_statement = step.statement;
        }
        continue;
      }
      if (step.object != lint::k_no_object && report_wrong_kind(project, pair, step, out)) {
        continue;
      }
      if (report_wrong_relation_kind(project, pair, steps, i, at, out)) {
        reported_statement = step.statement;
        continue;
      }
      if (report_constraint_index(catalog, *pair.down_file, step, at, false, out) ||
          report_required(catalog, *pair.down_file, steps, i, at, false, out)) {
        reported_statement = step.statement;
        continue;
      }
      if (step.object == lint::k_no_object) {
        if (step.dropped_by_step < 0) continue;
        const lint::CatalogStep& earlier = steps[static_cast<std::size_t>(step.dropped_by_step)];
        if (earlier.effect.object.key() == step.effect.object.key()) {
          report_gone(pair, step, earlier,
                      "this drops " + describe(step.effect.object) + " a second time",
                      "remove this statement", "dropped here first", out);
        } else {
          report_gone(pair, step, earlier,
                      "this drops " + describe(step.effect.object) + " after " +
                          describe(earlier.effect.object) + " already took it",
                      "drop " + describe(step.effect.object) + " before " +
                          describe(earlier.effect.object) + ", or remove this statement",
                      "dropped here with " + describe(earlier.effect.object), out);
        }
        continue;
      }
      if (step.blockers.empty()) continue;
      report_blocked(project, *pair.down_file, steps, i, at, false, out);
    }
  }
  // An up's DROP of what something still depends on fails on its first run.
  for (std::size_t f = 0; f < project.size(); ++f) {
    const lint::FileReplay& replay = catalog.replay(f);
    const lint::ParsedFile* file = project.parsed(f);
    if (!replay.replayed || replay.direction != lint::Direction::up || file == nullptr) continue;
    for (std::size_t i = 0; i < replay.steps.size(); ++i) {
      const lint::CatalogStep& step = replay.steps[i];
      if (step.ambiguous &&
          report_ambiguous(catalog, *file, replay.steps, i, step.tick, true, out)) {
        continue;
      }
      if (step.effect.action != lint::Action::drop) continue;
      if (std::optional<lint::ObjectKind> written = dropped_relation_kind(*file, step)) {
        // A relation of another kind there: the first run fails. (One the file makes after this
        // statement fails the second run: require-if-exists tells.)
        ObjectId found = step.object;
        if (found == lint::k_no_object) found = relation_named(catalog, step.effect, step.tick);
        if (found != lint::k_no_object && catalog.object(found).kind() != *written) {
          report_wrong_relation(*file, step, *written, catalog.object(found).ref_at(step.tick),
                                ", and the migration fails on its first run", out);
          continue;
        }
      }
      if (report_constraint_index(catalog, *file, step, step.tick, true, out) ||
          report_required(catalog, *file, replay.steps, i, step.tick, true, out)) {
        continue;
      }
      if (step.object == lint::k_no_object || step.blockers.empty()) continue;
      report_blocked(project, *file, replay.steps, i, step.tick, true, out);
    }
  }
  check_role_drops(project, out);
}

}  // namespace

lint::Rule drop_order() {
  return {.info = {.id = "drop-order",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "A down drops an object before what depends on it, or after it "
                              "is already gone"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
