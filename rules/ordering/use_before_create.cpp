// use-before-create: a statement of an up that uses an object (alters it, writes rows into it,
// indexes it, calls it, references it from a foreign key, a view or a trigger) that only a later
// statement or a later migration creates; a table no migration creates at all is a warning,
// since it may come from outside the migrations; a column a table the replay knows whole does
// not have then. In a down: a statement that uses an object the down creates only later, when the
// state after the up does not have it then.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "lint/builtins.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/ordering/case_folded.h"
#include "rules/ordering/rules.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using pairing::describe;

// What PostgreSQL raises when a statement names an object of that kind that is not there, for
// the kinds sqlgate tells; nothing for the others.
std::optional<lint::Condition> missing_error(lint::ObjectKind kind) {
  if (lint::is_routine(kind)) return lint::condition::undefined_function;
  if (kind == lint::ObjectKind::type || kind == lint::ObjectKind::domain) {
    return lint::condition::undefined_object;
  }
  if (lint::is_relation(kind)) {
    return lint::condition::undefined_table;
  }
  if (kind == lint::ObjectKind::column) return lint::condition::undefined_column;
  if (kind == lint::ObjectKind::schema) return lint::condition::invalid_schema_name;
  if (kind == lint::ObjectKind::constraint || kind == lint::ObjectKind::trigger ||
      kind == lint::ObjectKind::rule) {
    return lint::condition::undefined_object;
  }
  return std::nullopt;
}

bool outside(const lint::ObjectRef& ref) {
  // schema_migrations is the state table of the tool that runs the migrations.
  return ref.schema == "pg_catalog" || ref.schema == "information_schema" ||
         ref.schema == "pg_temp" || ref.name == "schema_migrations";
}

// The schemas every database has from the start: never made later by a migration.
bool builtin_schema(std::string_view name) {
  return name == "public" || name == "pg_catalog" || name == "information_schema" ||
         name == "pg_toast" || name.starts_with("pg_temp");
}

// The schema a create names for its object (CREATE TABLE s.t) or SET SCHEMA moves it to, when
// no schema of that name is there: PostgreSQL fails (`schema "s" does not exist`). A name
// resolved along the search path is not one: PostgreSQL creates in the first schema of the path
// that exists.
std::optional<lint::ObjectRef> schema_named(const lint::Catalog& catalog,
                                            const lint::CatalogStep& step) {
  const lint::Effect& effect = step.effect;
  std::string schema;
  // The object itself: its columns, constraints and implicit objects name the schema it got.
  if (effect.implicit || effect.part || !effect.object.parent.empty()) return std::nullopt;
  if (effect.action == lint::Action::create && effect.schema_given && !step.existed) {
    schema = effect.object.schema;
  } else if (effect.action == lint::Action::rename && step.object != lint::k_no_object) {
    schema = effect.new_schema;
  }
  if (schema.empty() || effect.object.kind == lint::ObjectKind::schema) return std::nullopt;
  lint::ObjectRef ref{.kind = lint::ObjectKind::schema, .name = schema};
  if (catalog.find(ref, step.tick) != lint::k_no_object) return std::nullopt;
  return ref;
}

// Whether a search path holds no schema a migration's object can be made or found in: empty
// (`set_config('search_path', '', false)`, which every pg_dump file starts with), "" (`SET
// search_path = ''`: a schema of no name), pg_catalog or pg_temp. PostgreSQL then looks an
// unqualified name up in pg_catalog (and the session's temporary schema) only.
bool holds_no_schema(const std::vector<std::string>& path) {
  return std::all_of(path.begin(), path.end(), [](const std::string& schema) {
    return schema.empty() || schema == "pg_catalog" || schema == "pg_temp";
  });
}
bool empty_path(const lint::Effect& effect) {
  return effect.search_path && holds_no_schema(*effect.search_path);
}

// The statement before `before` of a file that last set search_path, to point at.
const lint::Statement* path_setter(const lint::ParsedFile& file, std::size_t before) {
  const auto& statements = file.all_statements();
  for (std::size_t i = std::min(before, statements.size()); i-- > 0;) {
    if (!statements[i]->embedded() && lint::search_path_change(statements[i]->node)) {
      return statements[i];
    }
  }
  return nullptr;
}

// "the search path is empty (SELECT pg_catalog.set_config('search_path', '', false) on line 3)".
std::string empty_path_said(const lint::ParsedFile& file, const lint::Statement* setter) {
  std::string said = "the search path holds no schema";
  if (setter == nullptr) return said;
  std::string text(
      file.text().substr(setter->range.begin, setter->range.end - setter->range.begin));
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return said + " (" + text + " on line " +
         std::to_string(file.position(setter->range.begin).line) + ")";
}

// An unqualified CREATE of an up while the search path holds no schema (empty_path()): PostgreSQL
// fails (`no schema has been selected to create in`; with pg_catalog first, a relation gets
// `permission denied to create "pg_catalog.plans"`, while other objects are made there). Reports
// it (error) and returns true.
bool check_no_creation_schema(const lint::Project& project, std::size_t file_index,
                              const lint::CatalogStep& step, lint::Reporter& out) {
  const lint::Effect& effect = step.effect;
  const lint::ObjectRef& object = effect.object;
  // An index goes to its table's schema.
  if (effect.action != lint::Action::create || effect.schema_given || effect.implicit ||
      effect.part || !object.parent.empty() || object.schema.empty() ||
      object.kind == lint::ObjectKind::index || object.schema == "pg_temp" || !empty_path(effect)) {
    return false;
  }
  const auto& path = *effect.search_path;
  auto first = std::find_if(path.begin(), path.end(), [](const auto& s) { return !s.empty(); });
  if (first != path.end() && *first == "pg_temp") return false;  // a temporary object
  // pg_catalog first: PostgreSQL refuses relations there, and makes other objects there.
  if (first != path.end() && !lint::is_relation(object.kind)) return false;
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  if (lint::conditional(statement, lint::condition::invalid_schema_name)) return true;
  const lint::Statement* setter = path_setter(file, step.statement);
  lint::ObjectRef written = object;
  written.schema.clear();
  std::string what = describe(written);
  std::string fails = first == path.end()
                          ? "no schema has been selected to create in"
                          : "permission denied to create \"pg_catalog." + object.name + "\"";
  auto builder =
      out.report(file, statement.range,
                 "this creates " + what + " without a schema while " +
                     empty_path_said(file, setter) + ": PostgreSQL fails here (" + fails + ")",
                 "write the schema it goes to (public." + lint::sql_identifier(object.name) +
                     "), or set the search path to it before this statement");
  if (setter != nullptr) builder.related(file, setter->range, "the search path is set here");
  return true;
}

// A name written without a schema while the search path holds no schema (empty_path()), of a
// relation or type that is not PostgreSQL's own: PostgreSQL looks in pg_catalog only and fails
// (`relation "accounts" does not exist`).
bool empty_path_name(const lint::CatalogStep& step, const lint::ObjectRef& ref) {
  bool type = ref.kind == lint::ObjectKind::type || ref.kind == lint::ObjectKind::domain;
  return ref.schema == "pg_catalog" && ref.parent.empty() && empty_path(step.effect) &&
         (lint::is_relation(ref.kind) || type) && !ref.name.starts_with("pg_") &&
         !(type && lint::is_builtin_type_name(ref.name));
}

// The finding of a name the statement `ordinal` of the file looks up without a schema while
// the search path holds no schema.
void report_empty_path_lookup(const lint::ParsedFile& file, std::size_t ordinal,
                              const lint::ObjectRef& ref, lint::Reporter& out) {
  const lint::Statement& statement = *file.all_statements()[ordinal];
  bool type = ref.kind == lint::ObjectKind::type || ref.kind == lint::ObjectKind::domain;
  const lint::Statement* setter = path_setter(file, ordinal);
  lint::ObjectRef written = ref;
  written.schema.clear();
  auto builder =
      out.report(file, statement.range,
                 "this names " + describe(written) + " without a schema while " +
                     empty_path_said(file, setter) +
                     ": PostgreSQL looks such a name up in pg_catalog only, and fails here (" +
                     (type ? "type \"" : "relation \"") + ref.name + "\" does not exist)",
                 "write the schema it is in (public." + lint::sql_identifier(ref.name) +
                     "), or set the search path to it before this statement");
  if (setter != nullptr) builder.related(file, setter->range, "the search path is set here");
}

void report_empty_path_name(const lint::Project& project, std::size_t file_index,
                            const lint::CatalogStep& step, const lint::ObjectRef& ref,
                            lint::Reporter& out) {
  const lint::ParsedFile& file = *project.parsed(file_index);
  if (lint::conditional(*file.all_statements()[step.statement], missing_error(ref.kind))) return;
  report_empty_path_lookup(file, step.statement, ref, out);
}

// Whether the search path the file set before its statement `ordinal` holds no schema (see
// empty_path()).
bool empty_path_before(const lint::ParsedFile& file, std::size_t ordinal) {
  const lint::Statement* setter = path_setter(file, ordinal);
  if (setter == nullptr) return false;
  auto change = lint::search_path_change(setter->node);
  return change && change->path && holds_no_schema(*change->path);
}

// Whether a create makes the object a dependency names: the same name, of the same kind (any
// relation for a table, a type or a domain for a type).
bool makes(const lint::ObjectRef& made, const lint::ObjectRef& used) {
  if (made.name != used.name || made.schema != used.schema || made.parent != used.parent) {
    return false;
  }
  auto type_like = [](lint::ObjectKind kind) {
    return kind == lint::ObjectKind::type || kind == lint::ObjectKind::domain;
  };
  return made.kind == used.kind || (lint::is_relation(made.kind) && lint::is_relation(used.kind)) ||
         (type_like(made.kind) && type_like(used.kind));
}

// The name a create gives its object, or a rename (SET SCHEMA) the object it renames.
lint::ObjectRef made_name(const lint::Effect& effect) {
  lint::ObjectRef made = effect.object;
  if (effect.action != lint::Action::rename) return made;
  if (!effect.new_name.empty()) made.name = effect.new_name;
  if (!effect.new_schema.empty()) made.schema = effect.new_schema;
  return made;
}

// How a finding names what uses the object: the statement, or the LANGUAGE sql body of the routine
// it makes, which PostgreSQL analyzes then.
std::string user(const lint::CatalogStep& step) {
  if (step.effect.change != lint::Change::body) return "this uses ";
  std::string kind(lint::to_string(step.effect.object.kind));
  std::string create = kind == "procedure" ? "CREATE PROCEDURE" : "CREATE FUNCTION";
  return "this " + kind + "'s LANGUAGE sql body, which PostgreSQL analyzes when " + create +
         " runs, uses ";
}

// What a step of a down uses by name: the dependencies of what it creates (the columns and
// tables a view reads, a column's type, an index's table), or the object it changes. A
// dependency named by a call, by every column of a table or by an operator class is left out.
std::vector<lint::ObjectRef> down_uses(const lint::CatalogStep& step) {
  std::vector<lint::ObjectRef> refs;
  const lint::Effect& effect = step.effect;
  auto add = [&](const lint::ObjectRef& ref, bool schema_given) {
    if (schema_given || !effect.search_path) {
      refs.push_back(ref);
      return;
    }
    for (const auto& schema : *effect.search_path) {
      lint::ObjectRef candidate = ref;
      candidate.schema = schema;
      refs.push_back(std::move(candidate));
    }
  };
  if (effect.action != lint::Action::create && effect.change != lint::Change::body) {
    if (step.object == lint::k_no_object && step.dropped_by_step < 0 && !effect.if_exists) {
      add(effect.object, effect.schema_given);
    }
    return refs;
  }
  for (const auto& dependency : effect.depends_on) {
    if (dependency.reverse || dependency.call || dependency.all_columns ||
        !dependency.default_opclass_of.empty() || !dependency.extension.empty()) {
      continue;
    }
    if (!dependency.any_of.empty()) continue;  // down_any_of() asks about those
    add(dependency.object, dependency.schema_given);
  }
  return refs;
}

// A down: a statement that uses an object the down itself creates only later, while the state
// after the up (less what the down's earlier statements dropped) does not have it.
void check_downs(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const pairing::Pair& pair : pairing::pairs(project)) {
    const auto& steps = pair.down_replay->steps;
    const lint::ParsedFile& file = *pair.down_file;
    lint::Tick at = pair.down_replay->start;
    // Whether a step before `before` made (or renamed something to) the object.
    auto made_before = [&](const lint::ObjectRef& ref, std::size_t before) {
      for (std::size_t j = 0; j < before; ++j) {
        const lint::Effect& effect = steps[j].effect;
        if ((effect.action == lint::Action::create || effect.action == lint::Action::rename) &&
            makes(made_name(effect), ref)) {
          return true;
        }
      }
      return false;
    };
    // Whether the object of that name is there when step `before` runs.
    auto there = [&](const lint::ObjectRef& ref, std::size_t before) {
      if (made_before(ref, before)) return true;
      ObjectId id = catalog.find(ref, at);
      if (id == lint::k_no_object) {
        // A schema every database has (public) is there until the down drops it.
        if (ref.kind != lint::ObjectKind::schema || !builtin_schema(ref.name)) return false;
        for (std::size_t j = 0; j < before; ++j) {
          const lint::Effect& earlier = steps[j].effect;
          if (earlier.action == lint::Action::drop && earlier.object.kind == ref.kind &&
              earlier.object.name == ref.name) {
            return false;
          }
        }
        return true;
      }
      for (std::size_t j = 0; j < before; ++j) {
        const lint::CatalogStep& earlier = steps[j];
        if (earlier.effect.action == lint::Action::rename && earlier.object == id) return false;
        if (earlier.effect.action != lint::Action::drop) continue;
        if (earlier.object == id || std::find(earlier.implied.begin(), earlier.implied.end(), id) !=
                                        earlier.implied.end()) {
          return false;
        }
      }
      return true;
    };
    // The later step of the down that creates the object (or renames one to its name).
    auto made_later = [&](const lint::ObjectRef& ref, std::size_t after) -> std::ptrdiff_t {
      for (std::size_t j = after + 1; j < steps.size(); ++j) {
        const lint::Effect& effect = steps[j].effect;
        if ((effect.action == lint::Action::create || effect.action == lint::Action::rename) &&
            makes(made_name(effect), ref)) {
          return static_cast<std::ptrdiff_t>(j);
        }
      }
      return -1;
    };
    std::set<std::pair<std::size_t, std::string>> reported;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const lint::CatalogStep& step = steps[i];
      const lint::Statement& statement = *file.all_statements()[step.statement];
      if (lint::conditional(statement)) continue;
      // The candidates of one name (a dependency looked up along the search path, or a column
      // of whichever table of a query has it) count as one use: any of them there will do.
      std::vector<std::vector<lint::ObjectRef>> uses;
      for (auto& ref : down_uses(step)) uses.push_back({std::move(ref)});
      if (step.effect.action == lint::Action::create) {
        for (const auto& dependency : step.effect.depends_on) {
          if (dependency.any_of.empty()) continue;
          std::vector<lint::ObjectRef>& candidates = uses.emplace_back();
          for (const auto& column : dependency.any_of) candidates.push_back(column.object);
        }
      }
      for (const auto& candidates : uses) {
        if (candidates.empty() || outside(candidates.front())) continue;
        bool found = false;
        std::ptrdiff_t later = -1;
        const lint::ObjectRef* used = &candidates.front();
        for (const auto& ref : candidates) {
          if (there(ref, i)) {
            found = true;
            break;
          }
          if (later < 0) {
            later = made_later(ref, i);
            if (later >= 0) used = &ref;
          }
        }
        if (found || later < 0) continue;
        if (!reported.insert({step.statement, used->key()}).second) continue;
        const lint::CatalogStep& creator = steps[static_cast<std::size_t>(later)];
        bool renamed = creator.effect.action == lint::Action::rename;
        out.report(file, statement.range,
                   user(step) + describe(*used) + " before the down " +
                       (renamed ? "renames it back" : "creates it") +
                       " (later in this down): PostgreSQL fails here",
                   renamed ? "move this statement after the rename"
                           : "create " + describe(*used) +
                                 " before this statement, or move this statement after its "
                                 "creation")
            .related(file, pairing::statement_range(file, creator.statement),
                     renamed ? "renamed back here" : "created here");
      }
    }
  }
}

// What a name that resolves to nothing lost, and how: the object itself, or for a column
// (constraint, trigger, ...) whose table's name is gone, the table.
struct Lost {
  lint::ObjectRef ref;
  lint::Catalog::NameLoss loss;
};
std::optional<Lost> lost(const lint::Catalog& catalog, const lint::ObjectRef& ref, lint::Tick at) {
  // Named as the kind it was (a view for a table, a domain for a type).
  auto as_was = [&](lint::ObjectRef name, const lint::Catalog::NameLoss& loss) {
    name.kind = catalog.object(loss.object).kind();
    return Lost{std::move(name), loss};
  };
  if (lint::has_parent(ref.kind) && !ref.parent.empty()) {
    lint::ObjectRef table{
        .kind = lint::ObjectKind::table, .schema = ref.schema, .name = ref.parent};
    if (catalog.find(table, at) == lint::k_no_object) {
      if (auto loss = catalog.lost_before(table, at)) return as_was(std::move(table), *loss);
    }
  }
  if (auto loss = catalog.lost_before(ref, at)) return as_was(ref, *loss);
  return std::nullopt;
}

// Whether an extension provides an object of that name: it may be installed outside the
// migrations, whatever they made and dropped under the name.
bool extension_name(const lint::ObjectRef& ref) {
  if (ref.kind != lint::ObjectKind::operator_class) {
    return !lint::extension_member(ref.kind, ref.name).empty();
  }
  for (std::string_view method : {"btree", "hash", "gist", "gin", "spgist", "brin"}) {
    if (!lint::extension_member(ref.kind, ref.name, method).empty()) return true;
  }
  return false;
}

// The constraints, triggers and rules an ALTER TABLE or ALTER DOMAIN names by commands the
// effects do not carry as objects: VALIDATE CONSTRAINT, ENABLE [ALWAYS | REPLICA] and DISABLE
// TRIGGER or RULE by name (not ALL or USER); and the constraint an INSERT's ON CONFLICT ON
// CONSTRAINT names.
std::vector<lint::ObjectRef> children_named(const lint::Catalog& catalog,
                                            const lint::Statement& statement,
                                            const lint::CatalogStep& step) {
  std::vector<lint::ObjectRef> refs;
  if (step.object == lint::k_no_object) return refs;
  const lint::CatalogObject& object = catalog.object(step.object);
  const lint::ObjectRef& on = object.ref_at(step.tick);
  const lint::Node& node = statement.node;
  if (step.effect.action == lint::Action::use && node.is("InsertStmt") &&
      object.kind() == lint::ObjectKind::table) {
    // INSERT ... ON CONFLICT ON CONSTRAINT name. A unique index of that name is no constraint
    // either, but require-on-conflict says so.
    std::string name =
        lint::truncate_identifier(node.get("onConflictClause").get("infer").str("conname"));
    if (name.empty()) return refs;
    for (lint::ObjectId index : catalog.indexes(on, step.tick)) {
      if (catalog.object(index).ref_at(step.tick).name == name) return refs;
    }
    refs.push_back(lint::ObjectRef{.kind = lint::ObjectKind::constraint,
                                   .schema = on.schema,
                                   .name = name,
                                   .parent = on.name});
    return refs;
  }
  if (step.effect.action != lint::Action::alter) return refs;
  auto add = [&](lint::ObjectKind kind, std::string_view name) {
    if (name.empty()) return;
    lint::ObjectRef ref{.kind = kind,
                        .schema = on.schema,
                        .name = lint::truncate_identifier(name),
                        .parent = on.name};
    refs.push_back(std::move(ref));
  };
  if (node.is("AlterDomainStmt")) {
    if (object.kind() == lint::ObjectKind::domain && node.str("subtype") == "V") {
      add(lint::ObjectKind::constraint, node.str("name"));
    }
    return refs;
  }
  if (!node.is("AlterTableStmt") || !lint::is_relation(object.kind())) return refs;
  for (lint::Node command : node.list("cmds")) {
    std::string_view subtype = command.str("subtype");
    if (subtype == "AT_ValidateConstraint" || subtype == "AT_ValidateConstraintRecurse") {
      add(lint::ObjectKind::constraint, command.str("name"));
    } else if (subtype == "AT_EnableTrig" || subtype == "AT_EnableAlwaysTrig" ||
               subtype == "AT_EnableReplicaTrig" || subtype == "AT_DisableTrig") {
      add(lint::ObjectKind::trigger, command.str("name"));
    } else if (subtype == "AT_EnableRule" || subtype == "AT_EnableAlwaysRule" ||
               subtype == "AT_EnableReplicaRule" || subtype == "AT_DisableRule") {
      add(lint::ObjectKind::rule, command.str("name"));
    }
  }
  return refs;
}

// Whether a statement of an up after the one that took the name and before the use names it in
// its text while the replay of it does nothing under that name: dynamic SQL (EXECUTE format(...)),
// a function it calls or an extension's script may have made the name again, unseen.
bool named_unseen(const lint::Project& project, const lint::ObjectRef& ref,
                  const lint::Origin& from, std::size_t file_index, std::size_t statement) {
  const lint::Catalog& catalog = *project.catalog();
  auto about = [&](const lint::CatalogStep& step) {
    const lint::Effect& effect = step.effect;
    auto names = [&](const lint::ObjectRef& other) {
      return other.name == ref.name || other.parent == ref.name;
    };
    if (names(effect.object) || effect.new_name == ref.name ||
        std::any_of(step.missing.begin(), step.missing.end(), names)) {
      return true;
    }
    if (ref.kind == lint::ObjectKind::schema) {
      // An object the statement makes, moves or names in the schema: the replay sees it there.
      return effect.object.schema == ref.name || effect.new_schema == ref.name ||
             std::any_of(effect.depends_on.begin(), effect.depends_on.end(),
                         [&](const lint::Dependency& dependency) {
                           return dependency.object.schema == ref.name ||
                                  (dependency.object.kind == lint::ObjectKind::schema &&
                                   dependency.object.name == ref.name);
                         });
    }
    if (ref.kind != lint::ObjectKind::column) return false;
    // A column the statement reads (an index's key, a view's column) is one the replay sees.
    auto listed = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), ref.name) != list.end();
    };
    return listed(effect.columns) || listed(effect.uses) || listed(effect.referenced) ||
           std::any_of(effect.depends_on.begin(), effect.depends_on.end(),
                       [&](const lint::Dependency& dependency) {
                         return dependency.object.kind == lint::ObjectKind::column &&
                                dependency.object.name == ref.name;
                       });
  };
  for (std::size_t f = from.file; f <= file_index; ++f) {
    const lint::FileReplay& replay = catalog.replay(f);
    const lint::ParsedFile* file = project.parsed(f);
    if (!replay.replayed || replay.direction != lint::Direction::up || file == nullptr) continue;
    const auto& all = file->all_statements();
    std::size_t end = f == file_index ? statement : all.size();
    for (std::size_t k = f == from.file ? from.statement + 1 : 0; k < end; ++k) {
      if (all[k]->embedded()) continue;
      std::string_view text =
          file->text().substr(all[k]->range.begin, all[k]->range.end - all[k]->range.begin);
      if (!lint::mentions(text, ref.name) ||
          (!ref.parent.empty() && !lint::mentions(text, ref.parent))) {
        continue;
      }
      // The statement, and those its DO block runs.
      bool seen = false;
      for (std::size_t j = k; j < all.size() && (j == k || all[j]->embedded()) && !seen; ++j) {
        for (const lint::CatalogStep& step : catalog.steps_at(f, j)) {
          std::vector<lint::ObjectRef> children = children_named(catalog, *all[j], step);
          seen = seen || about(step) ||
                 std::find(children.begin(), children.end(), ref) != children.end();
        }
      }
      if (!seen) return true;
    }
  }
  return false;
}

// A statement of an up that names an object an earlier statement renamed away or dropped, when
// nothing made the name again: PostgreSQL fails there on a fresh database. Left alone when the
// statement that took the name runs under a guard (an IF, a block with a handler): sqlgate cannot
// tell whether it ran; and for a name an extension provides.
void report_lost(const lint::Project& project, std::size_t file_index, std::size_t statement_index,
                 std::string_view uses, const lint::ObjectRef& ref,
                 const lint::Catalog::NameLoss& loss, lint::Reporter& out) {
  const lint::Statement* taker = lint::statement_at(project, loss.by);
  const lint::ParsedFile* taker_file = project.parsed(loss.by.file);
  if (taker == nullptr || taker_file == nullptr || lint::conditional(*taker) ||
      extension_name(ref) || named_unseen(project, ref, loss.by, file_index, statement_index)) {
    return;
  }
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[statement_index];
  std::string where = loss.by.file == file_index
                          ? std::string("an earlier statement of this migration")
                          : project.source(loss.by.file).display;
  const lint::ObjectRef& next = loss.renamed_to;
  std::string what = where + (loss.dropped                ? " dropped it"
                              : next.schema != ref.schema ? " moved it to schema " + next.schema
                                                          : " renamed it to " + next.name);
  std::string help = "use the name it has now, " + next.display();
  if (loss.dropped) help = "create " + describe(ref) + " again before this statement, or drop it";
  std::string gone = ", which no longer exists (";
  // A column (constraint, trigger, ...) that went with its table when the table was renamed or
  // moved: it kept its own name, and the table that has the old name now (the new one of a swap)
  // is another one.
  if (!loss.dropped && !ref.parent.empty() && next.name == ref.name &&
      (next.parent != ref.parent || next.schema != ref.schema)) {
    lint::ObjectRef table{
        .kind = lint::ObjectKind::table, .schema = next.schema, .name = next.parent};
    gone = ", which is not on the table named " + ref.parent + " now (";
    what = where + (next.schema != ref.schema ? " moved the table it is on to schema " + next.schema
                                              : " renamed the table it is on to " + next.parent);
    help = "name the table it is on now, " + table.display() + ", or create it on " + ref.parent +
           " before this statement";
  }
  out.report(file, statement.range,
             std::string(uses) + describe(ref) + gone + what +
                 "): PostgreSQL fails here on a fresh database",
             std::move(help))
      .related(*taker_file, pairing::statement_range(*taker_file, loss.by.statement),
               loss.dropped ? "dropped here" : "renamed here");
}

// Whether a CHECK constraint that went with its table when the table was renamed away (a swap:
// orders to orders_old, orders_new to orders) has a copy of the same name on the table that has
// the old name now: CREATE TABLE ... (LIKE t INCLUDING CONSTRAINTS, or INCLUDING ALL) of the
// constraint's table, made while the table had the constraint, copies its CHECK constraints with
// their names (not its foreign keys, triggers, policies or rules, and its keys' and indexes' under
// names of the new table's).
bool copied_by_like(const lint::Project& project, const lint::Catalog& catalog,
                    const lint::ObjectRef& ref, const lint::Catalog::NameLoss& loss,
                    lint::Tick at) {
  if (ref.kind != lint::ObjectKind::constraint || loss.dropped || ref.parent.empty()) return false;
  const lint::CatalogObject& constraint = catalog.object(loss.object);
  if (constraint.contype != 'c' || constraint.parent == lint::k_no_object) return false;
  lint::ObjectRef table_ref{
      .kind = lint::ObjectKind::table, .schema = ref.schema, .name = ref.parent};
  ObjectId table = catalog.find(table_ref, at);
  if (table == lint::k_no_object || table == constraint.parent) return false;
  const lint::Origin& made = catalog.object(table).created;
  const lint::Statement* create = lint::statement_at(project, made);
  if (create == nullptr || !create->node.is("CreateStmt") || !constraint.alive_at(made.tick)) {
    return false;
  }
  constexpr std::int64_t k_like_constraints = 1 << 2;  // CREATE_TABLE_LIKE_CONSTRAINTS
  for (lint::Node element : create->node.list("tableElts")) {
    if (!element.is("TableLikeClause") || (element.num("options") & k_like_constraints) == 0) {
      continue;
    }
    lint::Node source = element.get("relation");
    ObjectId copied =
        lint::find_as_written(catalog, made.file, made.statement, lint::ObjectKind::table,
                              lint::truncate_identifier(source.str("schemaname")),
                              lint::truncate_identifier(source.str("relname")));
    if (copied == constraint.parent) return true;
  }
  return false;
}

// A statement of an up that uses an object a later statement or migration creates.
void report_later(const lint::Project& project, std::size_t file_index, std::size_t statement_index,
                  std::string_view uses, const lint::ObjectRef& ref, ObjectId later,
                  lint::Reporter& out) {
  const lint::CatalogObject& object = project.catalog()->object(later);
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::ParsedFile* creator = project.parsed(object.created.file);
  bool same = object.created.file == file_index;
  auto builder = out.report(
      file, file.all_statements()[statement_index]->range,
      std::string(uses) + describe(ref) + " before it is created (" +
          (same ? std::string("later in this migration")
                : "by a later migration, " + project.source(object.created.file).display) +
          "): PostgreSQL fails here",
      "create " + describe(ref) +
          " before this statement, or move this statement after its creation");
  if (creator != nullptr) {
    builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                    "created here");
  }
}

// The system columns every table has, which no migration makes.
bool system_column(std::string_view name) {
  return name == "ctid" || name == "xmin" || name == "xmax" || name == "cmin" || name == "cmax" ||
         name == "tableoid";
}

// The columns a create of an up names on tables by name: a CREATE INDEX's keys, expressions,
// WHERE and INCLUDE; a primary key's, unique constraint's or foreign key's keys, a CHECK's
// expression; a foreign key's referenced columns.
// As the statement named them (the catalog's objects follow later renames).
std::vector<lint::ObjectRef> columns_named(const lint::Catalog& catalog,
                                           const lint::CatalogStep& step) {
  std::vector<lint::ObjectRef> refs;
  const lint::Effect& effect = step.effect;
  if (effect.action != lint::Action::create || step.existed || step.object == lint::k_no_object) {
    return refs;
  }
  lint::ObjectKind kind = effect.object.kind;
  // An exclusion constraint's elements (and its index's) are named as PostgreSQL names index
  // columns, an expression by its function: not columns. The index of a key has its columns.
  if (!(kind == lint::ObjectKind::index && !effect.implicit) &&
      !(kind == lint::ObjectKind::constraint && effect.contype != 'x')) {
    return refs;
  }
  const lint::CatalogObject& object = catalog.object(step.object);
  auto add = [&](ObjectId table, const std::vector<std::string>& names) {
    if (table == lint::k_no_object) return;
    const lint::ObjectRef& on = catalog.object(table).ref_at(step.tick);
    for (const std::string& name : names) {
      if (name == "expr") continue;   // an expression (or a column so named: sqlgate cannot tell)
      if (name == on.name) continue;  // the table's whole row (CHECK (t IS NOT NULL))
      lint::ObjectRef column{
          .kind = lint::ObjectKind::column, .schema = on.schema, .name = name, .parent = on.name};
      if (std::find(refs.begin(), refs.end(), column) == refs.end()) refs.push_back(column);
    }
  };
  // The table it is on, and for a foreign key the table it references.
  ObjectId table = kind == lint::ObjectKind::constraint ? object.parent : lint::k_no_object;
  ObjectId referenced = lint::k_no_object;
  for (const lint::DependencyEdge& edge : object.depends_on) {
    if (catalog.object(edge.object).kind() != lint::ObjectKind::table) continue;
    if (edge.automatic && kind == lint::ObjectKind::index) table = edge.object;
    if (!edge.automatic && effect.contype == 'f') referenced = edge.object;
  }
  if (table != lint::k_no_object && catalog.object(table).kind() == lint::ObjectKind::table) {
    add(table, effect.uses.empty() ? effect.columns : effect.uses);
  }
  add(referenced, effect.referenced);
  return refs;
}

// The columns a GRANT or REVOKE lists for a table (GRANT UPDATE (username, website) ON t):
// PostgreSQL looks each up by its name then (column "website" of relation "t" does not exist).
std::vector<lint::ObjectRef> columns_granted(const lint::Catalog& catalog,
                                             const lint::Statement& statement,
                                             const lint::CatalogStep& step) {
  std::vector<lint::ObjectRef> refs;
  const lint::Effect& effect = step.effect;
  if (effect.action != lint::Action::alter ||
      (effect.change != lint::Change::grant && effect.change != lint::Change::revoke) ||
      step.object == lint::k_no_object || !statement.node.is("GrantStmt") ||
      catalog.object(step.object).kind() != lint::ObjectKind::table) {
    return refs;
  }
  const lint::ObjectRef& on = catalog.object(step.object).ref_at(step.tick);
  for (lint::Node privilege : statement.node.list("privileges")) {
    for (lint::Node col : privilege.list("cols")) {
      lint::ObjectRef column{.kind = lint::ObjectKind::column,
                             .schema = on.schema,
                             .name = lint::truncate_identifier(col.as_str()),
                             .parent = on.name};
      if (!column.name.empty() && std::find(refs.begin(), refs.end(), column) == refs.end()) {
        refs.push_back(std::move(column));
      }
    }
  }
  return refs;
}

// A column an up names that its table, which the replay sees whole, does not have then. A column
// a later statement or migration makes: use before create (not one the same statement makes:
// ALTER TABLE runs its ADD COLUMN before its other subcommands). One an earlier statement renamed
// away or dropped: that statement. Else no migration makes it. Whatever a statement in between
// names the column in its text while the replay sees nothing of it (dynamic SQL, a function
// call) may have made it: left alone.
// False when the table is not there: what became of it is the finding.
bool check_column(const lint::Project& project, std::size_t file_index,
                  const lint::CatalogStep& step, const lint::ObjectRef& ref, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  if (ref.parent.empty()) return false;
  lint::ObjectRef table_ref{
      .kind = lint::ObjectKind::table, .schema = ref.schema, .name = ref.parent};
  ObjectId table = catalog.find(table_ref, step.tick);
  if (table == lint::k_no_object) return false;
  if (system_column(ref.name) || !lint::columns_known(project, catalog, table, step.tick) ||
      catalog.find(ref, step.tick) != lint::k_no_object) {
    return true;
  }
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  ObjectId later = catalog.created_after(ref, step.tick);
  if (later != lint::k_no_object) {
    const lint::Origin& created = catalog.object(later).created;
    if (created.file != file_index || created.statement != step.statement) {
      report_later(project, file_index, step.statement, user(step), ref, later, out);
    }
    return true;
  }
  if (auto loss = catalog.lost_before(ref, step.tick)) {
    report_lost(project, file_index, step.statement, user(step), ref, *loss, out);
    return true;
  }
  if (named_unseen(project, ref, catalog.object(table).created, file_index, step.statement)) {
    return true;
  }
  if (check_case_folded(project, file_index, step, ref, out)) return true;
  out.report(file, statement.range,
             user(step) + describe(ref) + ", which no migration creates: " +
                 describe(catalog.object(table).ref_at(step.tick)) +
                 " has no such column here, and PostgreSQL fails on a fresh database",
             "name a column the table has, or add it in an earlier statement");
  return true;
}

// Whether the replay knows every constraint, trigger and rule of the table or domain: a table
// whose columns it knows (a plain CREATE TABLE of the migrations, never made a child or a
// partition, which take their parent's checks, foreign keys and row triggers), or a domain
// that CREATE DOMAIN of the migrations made.
bool children_known(const lint::Project& project, const lint::Catalog& catalog, ObjectId id,
                    lint::Tick at) {
  const lint::CatalogObject& object = catalog.object(id);
  if (object.kind() == lint::ObjectKind::table)
    return lint::columns_known(project, catalog, id, at);
  if (object.kind() != lint::ObjectKind::domain) return false;
  const lint::Statement* created = lint::statement_at(project, object.created);
  if (created == nullptr || !created->node.is("CreateDomainStmt")) return false;
  return std::all_of(object.changed.begin(), object.changed.end(), [&](const lint::Origin& origin) {
    return origin.tick >= at || lint::statement_at(project, origin) != nullptr;
  });
}

// A constraint, trigger or rule an up names (VALIDATE, ENABLE, DISABLE, DROP without IF EXISTS,
// RENAME, COMMENT ON) on a table or domain whose every one the replay knows, when no migration
// makes it: PostgreSQL fails on a fresh database (`constraint "c" of relation "t" does not
// exist`). Left alone when a statement in between names it, or the table, while the replay sees
// nothing of it there.
void check_child(const lint::Project& project, std::size_t file_index,
                 const lint::CatalogStep& step, const lint::ObjectRef& ref, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  if (ref.parent.empty()) return;
  // A foreign key's internal triggers, named by their OIDs.
  if (ref.kind == lint::ObjectKind::trigger && ref.name.starts_with("RI_ConstraintTrigger")) {
    return;
  }
  ObjectId parent = lint::k_no_object;
  for (lint::ObjectKind kind : {lint::ObjectKind::table, lint::ObjectKind::domain}) {
    lint::ObjectRef parent_ref{.kind = kind, .schema = ref.schema, .name = ref.parent};
    parent = catalog.find(parent_ref, step.tick);
    if (parent != lint::k_no_object) break;
  }
  if (parent == lint::k_no_object || !children_known(project, catalog, parent, step.tick)) return;
  // A statement in between that names the table while the replay sees nothing of it may have
  // made it: a function that adds an audit trigger (SELECT audit.track('orders')).
  const lint::Origin& created = catalog.object(parent).created;
  lint::ObjectRef whole{
      .kind = catalog.object(parent).kind(), .schema = ref.schema, .name = ref.parent};
  if (named_unseen(project, ref, created, file_index, step.statement) ||
      named_unseen(project, whole, created, file_index, step.statement)) {
    return;
  }
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::ObjectRef& on = catalog.object(parent).ref_at(step.tick);
  out.report(file, file.all_statements()[step.statement]->range,
             "this uses " + describe(ref) + ", which no migration creates: " + describe(on) +
                 " has no such " + std::string(lint::to_string(ref.kind)) +
                 " here, and PostgreSQL fails on a fresh database",
             "name a " + std::string(lint::to_string(ref.kind)) + " that " + on.name +
                 " has, or create it in an earlier statement");
}

// An IMPORT FOREIGN SCHEMA of an up without LIMIT TO: it makes a foreign table of each table of
// the remote schema (but those of EXCEPT), which the migrations do not name.
struct Import {
  lint::Tick tick;
  std::string schema;
  std::vector<std::string> except;
};

std::vector<Import> imports_of_unknown_tables(const lint::Project& project,
                                              const lint::Catalog& catalog) {
  std::vector<Import> imports;
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    const auto& all = project.parsed(i)->all_statements();
    for (std::size_t ordinal = 0; ordinal < all.size(); ++ordinal) {
      const lint::Node& node = all[ordinal]->node;
      if (!node.is("ImportForeignSchemaStmt") ||
          node.str("list_type") == "FDW_IMPORT_SCHEMA_LIMIT_TO") {
        continue;
      }
      Import import{catalog.before_statement(i, ordinal),
                    lint::truncate_identifier(node.str("local_schema")),
                    {}};
      for (lint::Node range_var : node.list("table_list")) {
        import.except.push_back(lint::truncate_identifier(lint::relation_name(range_var).name));
      }
      imports.push_back(std::move(import));
    }
  }
  return imports;
}

// Whether such an import may have made the table before `tick`.
bool imported(const std::vector<Import>& imports, const lint::ObjectRef& ref, lint::Tick tick) {
  return std::any_of(imports.begin(), imports.end(), [&](const Import& import) {
    return import.tick <= tick && import.schema == ref.schema &&
           std::find(import.except.begin(), import.except.end(), ref.name) == import.except.end();
  });
}

// Whether a CREATE FUNCTION | PROCEDURE | AGGREGATE names its signature in a way the replay's
// canonical argument types may not match PostgreSQL's lookup: a %TYPE argument, a procedure's
// OUT argument (which its DROP or ALTER may list), an aggregate (ORDER BY, *).
bool signature_uncertain(const lint::Statement* created) {
  if (created == nullptr || !created->node.is("CreateFunctionStmt")) return true;
  bool procedure = created->node.flag("is_procedure");
  for (lint::Node parameter : created->node.list("parameters")) {
    std::string_view mode = parameter.str("mode");
    if (parameter.get("argType").flag("pct_type")) return true;
    if (procedure && (mode == "FUNC_PARAM_OUT" || mode == "FUNC_PARAM_INOUT")) return true;
  }
  return false;
}

// A statement of an up that names a routine by a signature (DROP, ALTER, GRANT, REVOKE, COMMENT
// ON FUNCTION f(integer)) that no routine of that name has then, while the migrations made the
// name with other argument types only: PostgreSQL fails (`function f(integer) does not exist`).
// Only when every schema the name may resolve to lacks the signature, every overload there was
// made by a plain CREATE FUNCTION or PROCEDURE of the migrations, and neither pg_catalog nor a
// contrib extension has a routine of that name; left alone when a statement in between names it
// while the replay sees nothing of it (dynamic SQL).
void check_signature(const lint::Project& project, std::size_t file_index,
                     const lint::CatalogStep& step, const lint::ObjectRef& ref,
                     lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  if (!ref.args || ref.kind == lint::ObjectKind::aggregate || lint::is_builtin_function(ref.name) ||
      extension_name(ref)) {
    return;
  }
  for (char c : *ref.args) {
    if (c == '_' || c == '?') return;  // _int4 (int4[] by another name), an unknown type
  }
  // An argument written as a column's type (orders.id%TYPE): the replay does not resolve it.
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  std::string text(
      file.text().substr(statement.range.begin, statement.range.end - statement.range.begin));
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.find("%type") != std::string::npos) return;
  std::vector<std::string> schemas{ref.schema};
  if (!step.effect.schema_given && step.effect.search_path) schemas = *step.effect.search_path;
  std::vector<ObjectId> overloads;
  for (const std::string& schema : schemas) {
    lint::ObjectRef in = ref;
    in.schema = schema;
    if (catalog.find(in, step.tick) != lint::k_no_object) return;
    in.args.reset();
    for (ObjectId id = 0; id < catalog.size(); ++id) {
      const lint::CatalogObject& object = catalog.object(id);
      if (!lint::is_routine(object.kind()) || !object.alive_at(step.tick)) continue;
      const lint::ObjectRef& now = object.ref_at(step.tick);
      if (now.schema != schema || now.name != ref.name) continue;
      if (!now.args || object.kind() == lint::ObjectKind::aggregate ||
          signature_uncertain(lint::statement_at(project, object.created))) {
        return;
      }
      overloads.push_back(id);
    }
  }
  if (overloads.empty()) return;
  const lint::CatalogObject& first = catalog.object(overloads.front());
  if (named_unseen(project, ref, first.created, file_index, step.statement)) return;
  std::string made;
  for (ObjectId id : overloads) {
    if (!made.empty()) made += ", ";
    made += catalog.object(id).ref_at(step.tick).display();
  }
  auto builder =
      out.report(file, statement.range,
                 "this names " + describe(ref) + ", but the migrations make " + ref.name +
                     " only as " + made + ": PostgreSQL fails here on a fresh database (" +
                     std::string(lint::to_string(ref.kind)) + " does not exist)",
                 "name the argument types " + ref.name +
                     " was created with, or create this signature in "
                     "an earlier statement");
  if (const lint::ParsedFile* creator = project.parsed(first.created.file)) {
    builder.related(*creator, pairing::statement_range(*creator, first.created.statement),
                    "created here");
  }
}

// A procedure's arguments as CALL fills them, from the CREATE PROCEDURE that last defined it
// before a tick: every one in order, OUT ones too (PostgreSQL 14 and later take an argument for
// each), and how many at the end have defaults. nullopt when the replay may not know them (made
// by other means, a %TYPE or VARIADIC argument).
struct CallSignature {
  const lint::ObjectRef* ref = nullptr;  // its name at the tick
  const lint::Statement* definition = nullptr;
  lint::Origin origin;
  std::vector<std::string> types;
  std::vector<std::string> shown;  // "int8", "OUT int2"
  std::size_t inputs = 0;
  std::size_t defaults = 0;
};
std::optional<CallSignature> call_signature(const lint::Project& project,
                                            const lint::CatalogObject& routine, lint::Tick tick) {
  CallSignature signature;
  signature.ref = &routine.ref_at(tick);
  auto consider = [&](const lint::Origin& origin) {
    const lint::Statement* statement = lint::statement_at(project, origin);
    if (origin.tick < tick && statement != nullptr && statement->node.is("CreateFunctionStmt")) {
      signature.definition = statement;
      signature.origin = origin;
    }
  };
  consider(routine.created);
  for (const lint::Origin& origin : routine.changed) consider(origin);
  if (signature.definition == nullptr) return std::nullopt;
  for (lint::Node parameter : signature.definition->node.list("parameters")) {
    std::string_view mode = parameter.str("mode");
    lint::Node type = parameter.get("argType");
    if (mode == "FUNC_PARAM_VARIADIC" || mode == "FUNC_PARAM_TABLE" || type.flag("pct_type")) {
      return std::nullopt;
    }
    signature.types.push_back(lint::canonical_type(type));
    bool out = mode == "FUNC_PARAM_OUT";
    signature.shown.push_back((out                          ? "OUT "
                               : mode == "FUNC_PARAM_INOUT" ? "INOUT "
                                                            : "") +
                              signature.types.back());
    if (!out) ++signature.inputs;
    if (parameter.has("defexpr")) ++signature.defaults;
  }
  return signature;
}

// CALL of a procedure the migrations make, while the procedures of that name (along the search
// path) do not take its arguments: none takes as many (OUT arguments count: `procedure
// f(integer) does not exist`), or two or more take them with the same types in every place the
// call fills, which nothing tells apart (`procedure f(integer, integer) is not unique`: CREATE OR
// REPLACE PROCEDURE with another argument list made a second one beside the first). Left alone
// for named arguments, a procedure whose arguments the replay may not know, and one a statement
// in between may have made unseen (dynamic SQL). Whether reported.
bool check_call(const lint::Project& project, std::size_t file_index, const lint::CatalogStep& step,
                lint::Reporter& out) {
  if (step.effect.change != lint::Change::call || step.object == lint::k_no_object) return false;
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  lint::Node call = statement.node.get("funccall");
  if (!statement.node.is("CallStmt") || call.flag("func_variadic") ||
      lint::conditional(statement)) {
    return false;
  }
  lint::NodeList args = call.list("args");
  for (lint::Node argument : args) {
    if (argument.is("NamedArgExpr")) return false;
  }
  std::size_t count = args.size();
  const lint::Catalog& catalog = *project.catalog();
  std::vector<CallSignature> all;
  std::vector<std::size_t> taking;
  for (ObjectId id : catalog.overloads(step.effect, step.tick)) {
    auto signature = call_signature(project, catalog.object(id), step.tick);
    if (!signature) return false;
    std::size_t fewest = signature->types.size() - signature->defaults;
    if (count >= fewest && count <= signature->types.size()) taking.push_back(all.size());
    all.push_back(std::move(*signature));
  }
  if (all.empty() || taking.size() == 1) return false;
  auto same_places = [&](std::size_t k) {
    for (std::size_t place = 0; place < count; ++place) {
      if (all[k].types[place] != all[taking.front()].types[place]) return false;
    }
    return true;
  };
  if (taking.size() > 1 && !std::all_of(taking.begin(), taking.end(), same_places)) return false;
  const CallSignature* first = &all.front();
  const CallSignature* last = &all.front();
  for (const CallSignature& signature : all) {
    if (signature.origin.tick < first->origin.tick) first = &signature;
    if (signature.origin.tick > last->origin.tick) last = &signature;
  }
  if (named_unseen(project, step.effect.object, first->origin, file_index, step.statement)) {
    return false;
  }
  const std::string& name = step.effect.object.name;
  auto shown = [&](const CallSignature& signature) {
    return "procedure " + name + "(" + lint::join_strings(signature.shown, ", ") + ")";
  };
  std::string arguments = std::to_string(count) + (count == 1 ? " argument" : " arguments");
  std::string error = "(\"procedure " + name + "(...) ";
  if (taking.empty()) {
    std::string made;
    bool outs = false;
    for (const CallSignature& signature : all) {
      made += (made.empty() ? "" : ", ") + shown(signature);
      outs = outs || (signature.inputs != signature.types.size() &&
                      count + signature.defaults >= signature.inputs && count <= signature.inputs);
    }
    auto builder = out.report(
        file, statement.range,
        "CALL " + name + " passes " + arguments + ", but the migrations make " + name +
            " only as " + made + ": PostgreSQL fails here " + error + "does not exist\")",
        outs ? "pass an argument for each OUT parameter too (NULL in a CALL statement, a variable "
               "in PL/pgSQL): PostgreSQL 14 and later count them in CALL"
             : "pass the arguments " + name +
                   " takes, or create that signature in an earlier "
                   "statement");
    if (const lint::ParsedFile* creator = project.parsed(last->origin.file)) {
      builder.related(*creator, last->definition->range, "defined here");
    }
    return true;
  }
  std::string made;
  for (std::size_t k : taking) made += (made.empty() ? "" : ", ") + shown(all[k]);
  auto builder = out.report(
      file, statement.range,
      "CALL " + name + " passes " + arguments + ", which " + std::to_string(taking.size()) +
          " procedures of that name take alike (" + made +
          ": the same types in every place the call fills): PostgreSQL fails here " + error +
          "is not unique\")",
      "CREATE OR REPLACE PROCEDURE with another argument list makes a second procedure beside "
      "the first, and keeps both: drop the one it was meant to replace (`DROP PROCEDURE IF "
      "EXISTS " +
          pairing::sql_name(*first->ref) + ";`), or pass every argument of the one meant");
  if (const lint::ParsedFile* creator = project.parsed(last->origin.file)) {
    builder.related(*creator, last->definition->range, "makes another procedure of that name");
  }
  return true;
}

// ALTER TYPE ... ADD VALUE ... BEFORE | AFTER 'x' or RENAME VALUE 'x' TO ... of an up, while the
// enum has no label 'x' (lint::enum_labels_before()): PostgreSQL fails there on the first run
// ("\"x\" is not an existing enum label"), ADD VALUE IF NOT EXISTS of a label that is there
// aside (it skips before it looks for the other). Whether reported.
bool check_enum_label(const lint::Project& project, std::size_t file_index,
                      const lint::CatalogStep& step, lint::Reporter& out) {
  const lint::Effect& effect = step.effect;
  if (effect.action != lint::Action::alter ||
      (effect.change != lint::Change::add_value && effect.change != lint::Change::rename_value)) {
    return false;
  }
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  const lint::Node& node = statement.node;
  if (!node.is("AlterEnumStmt")) return false;
  bool rename = node.has("oldVal");
  if (!rename && !node.has("newValNeighbor")) return false;
  std::string label(rename ? node.str("oldVal") : node.str("newValNeighbor"));
  const lint::Catalog& catalog = *project.catalog();
  std::optional<lint::EnumLabels> known = lint::enum_labels_before(project, catalog, step);
  if (!known) return false;
  auto has = [&](std::string_view value) {
    return std::any_of(known->labels.begin(), known->labels.end(),
                       [&](const lint::EnumLabel& l) { return l.label == value; });
  };
  if (has(label) || (!rename && effect.if_not_exists && has(node.str("newVal")))) return false;
  const lint::ObjectRef& type = catalog.object(step.object).ref_at(step.tick);
  std::optional<bool> runs = lint::runs_with_labels(file, statement, type, known->labels);
  if (!runs || !*runs) return false;
  const lint::EnumLabel* renamed = nullptr;
  for (const lint::EnumLabel& gone : known->renamed) {
    if (gone.label == label) renamed = &gone;
  }
  std::string quoted = "'" + label + "'";
  std::string what =
      rename ? "RENAME VALUE " + quoted + " TO '" + std::string(node.str("newVal")) + "'"
             : "ADD VALUE '" + std::string(node.str("newVal")) + "' " +
                   (node.flag("newValIsAfter") ? "AFTER " : "BEFORE ") + quoted;
  std::string message = what + " names the label " + quoted + " of " + describe(type) + ", which ";
  std::string help;
  std::string labels;
  for (const lint::EnumLabel& l : known->labels) {
    labels += labels.empty() ? "'" : ", '";
    labels += l.label + "'";
  }
  if (renamed != nullptr) {
    // The label it took the place of: the one of that origin.
    std::string now;
    for (const lint::EnumLabel& l : known->labels) {
      if (l.given.file == renamed->given.file && l.given.statement == renamed->given.statement) {
        now = l.label;
      }
    }
    std::string where = renamed->given.file == file_index
                            ? std::string("an earlier statement of this migration")
                            : project.source(renamed->given.file).display;
    message += "it no longer has (" + where + " renamed it" +
               (now.empty() ? std::string() : " to '" + now + "'") + ")";
    help = now.empty() ? "name a label the type has then: " + labels
                       : "name the label it has now, '" + now + "'";
  } else {
    message += "it does not have (its labels then: " + labels + ")";
    help = "name a label the type has then: " + labels;
  }
  message += ": PostgreSQL fails here on a fresh database, saying that \"" + label +
             "\" is not an existing enum label";
  const lint::Origin& origin =
      renamed != nullptr ? renamed->given : catalog.object(step.object).created;
  auto builder = out.report(file, statement.range, message, help);
  if (const lint::ParsedFile* where = project.parsed(origin.file)) {
    builder.related(*where, pairing::statement_range(*where, origin.statement),
                    renamed != nullptr ? "renamed here" : "type created here");
  }
  return true;
}

// The texts an expression gives as a relation's name for PostgreSQL to look up: a constant cast
// to regclass ('Post'::regclass, cast when the statement is read, whatever runs), and with
// `runs` (the expression surely runs) the first argument of pg_get_serial_sequence('User', 'id')
// when only calls lead to it.
void text_lookups(const lint::Node& expression, bool runs, std::vector<std::string>& out) {
  lint::walk(expression, [&](const lint::Node& node) {
    if (node.is("TypeCast")) {
      lint::NodeList type = node.get("typeName").list("names");
      lint::Node constant = node.get("arg");
      if (!type.empty() && type.back().as_str() == "regclass" && constant.is("A_Const") &&
          constant.has("sval")) {
        out.emplace_back(constant.get("sval").str("sval"));
      }
    }
    return true;
  });
  if (!runs) return;
  std::vector<lint::Node> calls{expression};
  while (!calls.empty()) {
    lint::Node node = calls.back();
    calls.pop_back();
    if (node.is("TypeCast")) calls.push_back(node.get("arg"));
    if (!node.is("FuncCall")) continue;
    lint::NodeList name = node.list("funcname");
    lint::NodeList args = node.list("args");
    bool builtin = name.size() == 1 || (name.size() == 2 && name[0].as_str() == "pg_catalog");
    if (builtin && name.back().as_str() == "pg_get_serial_sequence" && args.size() == 2 &&
        args[0].is("A_Const") && args[0].has("sval")) {
      out.emplace_back(args[0].get("sval").str("sval"));
    }
    for (lint::Node arg : args) calls.push_back(arg);
  }
}

// Whether a SELECT surely computes its select list once at least: it reads no table, or folds
// every row into one with an aggregate (max(id), count(*)) and no GROUP BY.
bool computes_targets(const lint::Node& select) {
  if (!select.has("fromClause") && !select.has("whereClause")) return true;
  if (select.has("groupClause") || select.has("havingClause")) return false;
  static constexpr std::string_view k_aggregates[] = {"max", "min", "count", "sum", "avg"};
  bool aggregate = false;
  for (lint::Node target : select.list("targetList")) {
    lint::walk(target, [&](const lint::Node& node) {
      if (node.is("SubLink")) return false;
      if (node.is("FuncCall") && !node.has("over")) {
        std::string_view name = node.list("funcname").back().as_str();
        aggregate = aggregate || std::find(std::begin(k_aggregates), std::end(k_aggregates),
                                           name) != std::end(k_aggregates);
      }
      return !aggregate;
    });
  }
  return aggregate;
}

// The IF conditions a DO block surely tests: those of the IF statements of its outermost
// block and of the blocks nested in it without an exception handler, up to a RETURN.
void tested_conditions(const lint::Node& block, std::vector<std::string_view>& out) {
  if (!block.is("PLpgSQL_stmt_block") || block.get("exceptions").valid()) return;
  for (lint::Node step : block.list("body")) {
    if (step.is("PLpgSQL_stmt_return")) return;
    if (step.is("PLpgSQL_stmt_if")) out.push_back(step.get("cond").get("query").as_str());
    if (step.is("PLpgSQL_stmt_block")) tested_conditions(step, out);
  }
}

// A relation an up names by text ('Post'::regclass, pg_get_serial_sequence('User', 'id') where
// it surely runs, in a statement or in the IF test of a DO block), which PostgreSQL reads as SQL
// reads a name, folded to lower case unless double-quoted: when only a relation whose name
// differs in case is there, PostgreSQL fails (relation "post" does not exist).
void check_text_lookups(const lint::Project& project, std::size_t file_index, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::ParsedFile& file = *project.parsed(file_index);
  // Nothing to look for in a file that names neither (most): its trees are not walked.
  if (!lint::mentions(file.text(), "regclass") &&
      !lint::mentions(file.text(), "pg_get_serial_sequence")) {
    return;
  }
  const auto& all = file.all_statements();
  std::optional<lint::GuardAnalysis> conditions;
  std::set<std::pair<std::uint32_t, std::string>> reported;
  for (std::size_t ordinal = 0; ordinal < all.size(); ++ordinal) {
    const lint::Statement& statement = *all[ordinal];
    std::vector<std::string> texts;
    const lint::Node& node = statement.node;
    text_lookups(node, false, texts);
    if (node.is("SelectStmt") && computes_targets(node)) {
      for (lint::Node target : node.list("targetList"))
        text_lookups(target.get("val"), true, texts);
    }
    if (node.is("DoStmt") && !statement.embedded()) {
      std::size_t index = static_cast<std::size_t>(&statement - file.statements().data());
      std::vector<std::string_view> tests;
      tested_conditions(file.do_function(index).get("action"), tests);
      if (!tests.empty() && !conditions) conditions.emplace(file);
      for (std::string_view test : tests) text_lookups(conditions->condition(test), true, texts);
    }
    if (texts.empty() || lint::conditional(statement, lint::condition::undefined_table)) continue;
    lint::Tick tick = catalog.before_statement(file_index, ordinal);
    for (const std::string& text : texts) {
      std::vector<std::string> parts = lint::text_name_parts(text);
      if (parts.empty() || parts.size() > 2) continue;
      lint::ObjectRef ref{.kind = lint::ObjectKind::table,
                          .schema = parts.size() == 2 ? lint::truncate_identifier(parts.front())
                                                      : std::string("public"),
                          .name = lint::truncate_identifier(parts.back())};
      if (outside(ref) || ref.name.starts_with("pg_")) continue;
      if (parts.size() == 1 && empty_path_before(file, ordinal)) {
        // Looked up in pg_catalog only: relation "customers" does not exist.
        if (reported.insert({statement.range.begin, ref.key()}).second) {
          lint::ObjectRef looked_up = ref;
          looked_up.schema = "pg_catalog";
          report_empty_path_lookup(file, ordinal, looked_up, out);
        }
        continue;
      }
      if (lint::find_as_written(catalog, file_index, ordinal, lint::ObjectKind::table,
                                parts.size() == 2 ? ref.schema : std::string(),
                                ref.name) != lint::k_no_object) {
        continue;
      }
      if (!reported.insert({statement.range.begin, ref.key()}).second) continue;
      check_case_folded(project, file_index, tick, statement.range, ref, out, true);
    }
  }
}

// SET CONSTRAINTS c of an up, when no constraint is named c then (in the schema written, or in
// any) while one was before, renamed or dropped by an earlier statement, or one gets the name
// only later: PostgreSQL looks the name up at once (constraint "c" does not exist).
void check_set_constraints(const lint::Project& project, std::size_t file_index,
                           std::size_t ordinal, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[ordinal];
  if (!statement.node.is("ConstraintsSetStmt") ||
      lint::conditional(statement, lint::condition::undefined_object)) {
    return;
  }
  lint::Tick tick = catalog.before_statement(file_index, ordinal);
  for (lint::Node named : statement.node.list("constraints")) {
    lint::RelationName written = lint::relation_name(named);
    std::string name = lint::truncate_identifier(written.name);
    std::string schema = lint::truncate_identifier(written.schema);
    bool there = false;
    std::vector<lint::ObjectRef> had;  // the names constraints had, in that schema
    for (ObjectId id = 0; id < catalog.size() && !there; ++id) {
      const lint::CatalogObject& object = catalog.object(id);
      if (object.kind() != lint::ObjectKind::constraint) continue;
      for (const auto& past : object.names) {
        const lint::ObjectRef& ref = past.ref;
        if (ref.name != name || (!schema.empty() && ref.schema != schema)) continue;
        if (object.alive_at(tick) && object.ref_at(tick).name == name) there = true;
        had.push_back(ref);
      }
    }
    if (there) continue;
    for (const lint::ObjectRef& ref : had) {
      if (auto loss = catalog.lost_before(ref, tick)) {
        report_lost(project, file_index, ordinal, "this uses ", ref, *loss, out);
        return;
      }
      ObjectId later = catalog.created_after(ref, tick);
      if (later != lint::k_no_object) {
        report_later(project, file_index, ordinal, "this uses ", ref, later, out);
        return;
      }
    }
  }
}

// PostgreSQL's words for a name that resolves to nothing.
std::string not_found(const lint::ObjectRef& ref) {
  if (lint::is_routine(ref.kind)) {
    return std::string(lint::to_string(ref.kind)) + " " + ref.name + "(...) does not exist";
  }
  std::string kind =
      lint::is_relation(ref.kind) ? "relation" : std::string(lint::to_string(ref.kind));
  return kind + " \"" + ref.name + "\" does not exist";
}

// The statement of the file before `before` that last sets the session's search path (SET
// [LOCAL] search_path, set_config('search_path', ...)); nullptr when none does. `void_local` is
// set when it is a SET LOCAL (set_config(..., true)) that a -- sqlgate:no-transaction file runs
// in a transaction of its own: it changes nothing for the statements after it.
const lint::Statement* path_set_before(const lint::ParsedFile& file, std::size_t before,
                                       bool& void_local) {
  const lint::Statement* found = nullptr;
  const auto& statements = file.all_statements();
  std::optional<lint::TransactionLayout> layout;
  for (std::size_t s = 0; s < before && s < statements.size(); ++s) {
    auto change = lint::search_path_change(statements[s]->node);
    if (!change) continue;
    found = statements[s];
    void_local = false;
    if (change->local && !found->embedded() &&
        file.has_directive(lint::DirectiveKind::no_transaction)) {
      if (!layout) layout.emplace(file);
      void_local = layout->transaction_of(*found) == lint::TransactionLayout::k_alone;
    }
  }
  return found;
}

// A name written without a schema that the search path in force does not reach, while the
// migrations make an object of that name in another schema, where that path is the routine's own
// (a LANGUAGE sql body under SET search_path = '': PostgreSQL analyzes the body when CREATE
// FUNCTION runs, looking the name up in pg_catalog and along that path) or one the file set (SET
// LOCAL search_path = billing, public over a table of app). PostgreSQL fails. True when reported.
// A path that only the configuration gives is not judged: the role or the database may set
// another one.
bool check_body_path(const lint::Project& project, std::size_t file_index,
                     const lint::CatalogStep& step, const lint::ObjectRef& ref,
                     lint::Reporter& out) {
  const lint::Effect& effect = step.effect;
  // The path the statement was read with (a constraint of a CREATE TABLE keeps none of its own).
  std::shared_ptr<const std::vector<std::string>> search_path = effect.search_path;
  for (const lint::CatalogStep& other : project.catalog()->steps_at(file_index, step.statement)) {
    if (search_path) break;
    search_path = other.effect.search_path;
  }
  if (ref.kind == lint::ObjectKind::column || !search_path) return false;
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = *file.all_statements()[step.statement];
  bool body = effect.change == lint::Change::body;
  const lint::Statement* set = nullptr;
  bool void_local = false;
  if (body) {
    if (!lint::routine_search_path(statement.node)) return false;
  } else {
    set = path_set_before(file, step.statement, void_local);
    if (set == nullptr) return false;
  }
  const auto& path = *search_path;
  bool unqualified = std::any_of(effect.depends_on.begin(), effect.depends_on.end(),
                                 [&](const lint::Dependency& dependency) {
                                   return !dependency.schema_given && dependency.object == ref;
                                 }) ||
                     (!body && !effect.schema_given && effect.object == ref);
  // What a create depends on is kept as the names it misses: a relation the statement writes
  // without a schema (a view's FROM, REFERENCES).
  if (!unqualified && !body && lint::is_relation(ref.kind)) {
    lint::walk(statement.node, [&](const lint::Node& node) {
      // A RangeVar, or a field of that type (REFERENCES' pktable) written without the node's name.
      if (node.has("relname") && !node.has("schemaname") &&
          lint::truncate_identifier(node.str("relname")) == ref.name) {
        unqualified = true;
      }
      return !unqualified;
    });
  }
  if (!unqualified) return false;
  // The object of that name elsewhere: the one there when the statement runs, else any.
  const lint::Catalog& catalog = *project.catalog();
  std::optional<lint::ObjectRef> elsewhere;
  for (ObjectId id = 0; id < catalog.size(); ++id) {
    const lint::CatalogObject& object = catalog.object(id);
    for (const auto& name : object.names) {
      lint::ObjectRef candidate = name.ref;
      candidate.args.reset();
      lint::ObjectRef wanted = ref;
      wanted.schema = candidate.schema;
      wanted.args.reset();
      if (!makes(candidate, wanted) ||
          std::find(path.begin(), path.end(), candidate.schema) != path.end()) {
        continue;
      }
      bool there =
          object.alive_at(step.tick) && object.ref_at(step.tick).schema == candidate.schema;
      if (!elsewhere || there) elsewhere = object.ref_at(step.tick);
      if (there) break;
    }
  }
  if (!elsewhere) return false;
  std::string written;
  for (const std::string& schema : path) {
    if (!written.empty()) written += ", ";
    written += schema;
  }
  if (written.empty()) written = "''";
  std::string qualify = "qualify the name (" + lint::sql_name(elsewhere->schema, elsewhere->name) +
                        "), or add schema " + elsewhere->schema + " to ";
  lint::ObjectRef bare = ref;
  bare.schema.clear();
  if (set != nullptr && void_local) {
    out.report(file, statement.range,
               user(step) + describe(bare) +
                   " written without a schema; the SET LOCAL search_path " +
                   "before it changes nothing in a -- sqlgate:no-transaction file, where each " +
                   "statement runs in a transaction of its own (PostgreSQL: \"SET LOCAL can only " +
                   "be used in transaction blocks\"), so the path is " + written +
                   ", which does not reach schema " + elsewhere->schema +
                   ", where the migrations make it, and PostgreSQL fails (" + not_found(ref) + ")",
               "qualify the name (" + lint::sql_name(elsewhere->schema, elsewhere->name) +
                   "), or use SET search_path (without LOCAL) in this file")
        .related(file, set->range, "this SET LOCAL ends with its own statement");
    return true;
  }
  if (set != nullptr) {
    out.report(file, statement.range,
               user(step) + describe(bare) + " written without a schema, and the search path " +
                   written + " this migration set does not reach schema " + elsewhere->schema +
                   ", where the migrations make it: PostgreSQL looks the name up along that "
                   "path only, and fails (" +
                   not_found(ref) + ")",
               qualify + "that search path")
        .related(file, set->range, "the search path set here");
    return true;
  }
  std::string routine(lint::to_string(effect.object.kind));
  out.report(file, statement.range,
             user(step) + describe(ref) + " written without a schema, and the " + routine +
                 "'s SET search_path = " + written + " does not reach schema " + elsewhere->schema +
                 ", where the migrations make it: PostgreSQL looks the body's names up in "
                 "pg_catalog and along that path only, and fails (" +
                 not_found(ref) + ")",
             qualify + "the " + routine + "'s SET search_path");
  return true;
}

void check(const lint::Project& project, lint::Reporter& out) {
  check_downs(project, out);
  const lint::Catalog& catalog = *project.catalog();
  std::vector<Import> imports = imports_of_unknown_tables(project, catalog);
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    const lint::ParsedFile& file = *project.parsed(i);
    check_text_lookups(project, i, out);
    for (std::size_t ordinal = 0; ordinal < file.all_statements().size(); ++ordinal) {
      check_set_constraints(project, i, ordinal, out);
    }
    std::set<std::pair<std::size_t, std::string>> reported;
    // ALTER TABLE IF EXISTS of a table that is not there: PostgreSQL skips the whole statement,
    // its ADD COLUMN and ADD CONSTRAINT too.
    std::size_t skipped = static_cast<std::size_t>(-1);
    for (const auto& step : replay.steps) {
      const lint::Statement& statement = *file.all_statements()[step.statement];
      const lint::Effect& effect = step.effect;
      if (step.statement == skipped) continue;
      if (check_enum_label(project, i, step, out)) continue;
      if (check_call(project, i, step, out)) continue;
      if (step.object == lint::k_no_object && effect.action == lint::Action::alter &&
          effect.if_exists) {
        skipped = step.statement;
        continue;
      }
      if (check_no_creation_schema(project, i, step, out)) continue;
      if (check_case_folded_schema(project, i, step, out)) {
        lint::ObjectRef schema{.kind = lint::ObjectKind::schema, .name = effect.object.schema};
        reported.insert({step.statement, schema.key()});
        continue;
      }
      std::vector<lint::ObjectRef> refs = step.missing;
      if (step.object == lint::k_no_object && effect.action != lint::Action::create &&
          !(effect.action == lint::Action::drop && effect.if_exists) &&
          !(effect.action == lint::Action::rename && effect.if_exists)) {
        refs.push_back(effect.object);
      }
      if (auto schema = schema_named(catalog, step)) refs.push_back(std::move(*schema));
      for (auto& column : columns_named(catalog, step)) refs.push_back(std::move(column));
      for (auto& column : columns_granted(catalog, statement, step)) {
        refs.push_back(std::move(column));
      }
      for (auto& child : children_named(catalog, statement, step)) {
        if (catalog.find(child, step.tick) == lint::k_no_object) refs.push_back(std::move(child));
      }
      for (const auto& ref : refs) {
        if (empty_path_name(step, ref)) {
          if (reported.insert({step.statement, ref.key()}).second) {
            report_empty_path_name(project, i, step, ref, out);
          }
          continue;
        }
        if (outside(ref) || lint::conditional(statement, missing_error(ref.kind))) continue;
        if (!reported.insert({step.statement, ref.key()}).second) continue;
        if (ref.kind == lint::ObjectKind::column && check_column(project, i, step, ref, out)) {
          continue;
        }
        lint::TextRange range = statement.range;
        bool child = ref.kind == lint::ObjectKind::constraint ||
                     ref.kind == lint::ObjectKind::trigger || ref.kind == lint::ObjectKind::rule;
        bool builtin = ref.kind == lint::ObjectKind::schema && builtin_schema(ref.name);
        ObjectId later = builtin ? lint::k_no_object : catalog.created_after(ref, step.tick);
        if (later != lint::k_no_object) {
          // ALTER TABLE ... ADD CONSTRAINT c NOT VALID, VALIDATE CONSTRAINT c: made first.
          const lint::Origin& created = project.catalog()->object(later).created;
          if (!child || created.file != i || created.statement != step.statement) {
            report_later(project, i, step.statement, user(step), ref, later, out);
          }
          continue;
        }
        if (auto gone = lost(catalog, ref, step.tick)) {
          if (copied_by_like(project, catalog, gone->ref, gone->loss, step.tick)) continue;
          if (gone->ref.key() == ref.key() ||
              reported.insert({step.statement, gone->ref.key()}).second) {
            report_lost(project, i, step.statement, user(step), gone->ref, gone->loss, out);
          }
          continue;
        }
        if (child) {
          check_child(project, i, step, ref, out);
          continue;
        }
        if (check_body_path(project, i, step, ref, out)) continue;
        if (check_case_folded(project, i, step, ref, out)) continue;
        if (lint::is_routine(ref.kind) && step.object == lint::k_no_object &&
            ref == effect.object) {
          check_signature(project, i, step, ref, out);
          continue;
        }
        // A name of pg_catalog's (pg_class, pg_stat_activity), which PostgreSQL searches first.
        bool table = ref.kind == lint::ObjectKind::table && !ref.name.starts_with("pg_");
        if (!table || catalog.known(ref) || imported(imports, ref, step.tick)) continue;
        // Once per file is enough for a table that comes from outside.
        if (!reported.insert({static_cast<std::size_t>(-1), ref.key()}).second) continue;
        out.report(file, range,
                   "no migration creates " + describe(ref) + " before this statement uses it",
                   "if it comes from outside the migrations (another tool, an extension), "
                   "ignore this; otherwise create it in an earlier migration")
            .at_most(lint::Severity::warning);
      }
    }
  }
}

}  // namespace

lint::Rule use_before_create() {
  return {.info = {.id = "use-before-create",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "An up or a down uses an object that is created only later"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
