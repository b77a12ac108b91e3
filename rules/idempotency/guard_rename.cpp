// guard-rename: RENAME (and SET SCHEMA) of a column, constraint, index, table or other object,
// unless it is a no-op on a repeat (ALTER TABLE IF EXISTS old RENAME TO new, while nothing in
// the file makes the old name again), guarded, or marked run-once.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"
#include "rules/safety/relation_kinds.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

struct Kind {
  std::string_view object_type;
  std::string_view words;  // ALTER <words>
  std::string_view noun;
};

constexpr Kind k_kinds[] = {
    {"OBJECT_TABLE", "TABLE", "table"},
    {"OBJECT_VIEW", "VIEW", "view"},
    {"OBJECT_MATVIEW", "MATERIALIZED VIEW", "materialized view"},
    {"OBJECT_INDEX", "INDEX", "index"},
    {"OBJECT_SEQUENCE", "SEQUENCE", "sequence"},
    {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE", "foreign table"},
    {"OBJECT_TYPE", "TYPE", "type"},
    {"OBJECT_DOMAIN", "DOMAIN", "domain"},
    {"OBJECT_FUNCTION", "FUNCTION", "function"},
    {"OBJECT_PROCEDURE", "PROCEDURE", "procedure"},
    {"OBJECT_ROUTINE", "ROUTINE", "routine"},
    {"OBJECT_AGGREGATE", "AGGREGATE", "aggregate"},
    {"OBJECT_SCHEMA", "SCHEMA", "schema"},
    {"OBJECT_ROLE", "ROLE", "role"},
    {"OBJECT_DATABASE", "DATABASE", "database"},
    {"OBJECT_TRIGGER", "TRIGGER", "trigger"},
    {"OBJECT_POLICY", "POLICY", "policy"},
    {"OBJECT_RULE", "RULE", "rule"},
    {"OBJECT_COLLATION", "COLLATION", "collation"},
    {"OBJECT_CONVERSION", "CONVERSION", "conversion"},
    {"OBJECT_STATISTIC_EXT", "STATISTICS", "statistics object"},
    {"OBJECT_PUBLICATION", "PUBLICATION", "publication"},
    {"OBJECT_SUBSCRIPTION", "SUBSCRIPTION", "subscription"},
    {"OBJECT_EVENT_TRIGGER", "EVENT TRIGGER", "event trigger"},
    {"OBJECT_FOREIGN_SERVER", "SERVER", "server"},
    {"OBJECT_FDW", "FOREIGN DATA WRAPPER", "foreign-data wrapper"},
    {"OBJECT_TABLESPACE", "TABLESPACE", "tablespace"},
    {"OBJECT_OPERATOR", "OPERATOR", "operator"},
    {"OBJECT_OPCLASS", "OPERATOR CLASS", "operator class"},
    {"OBJECT_OPFAMILY", "OPERATOR FAMILY", "operator family"},
    {"OBJECT_LANGUAGE", "LANGUAGE", "language"},
    {"OBJECT_TSPARSER", "TEXT SEARCH PARSER", "text search parser"},
    {"OBJECT_TSDICTIONARY", "TEXT SEARCH DICTIONARY", "text search dictionary"},
    {"OBJECT_TSTEMPLATE", "TEXT SEARCH TEMPLATE", "text search template"},
    {"OBJECT_TSCONFIGURATION", "TEXT SEARCH CONFIGURATION", "text search configuration"},
};

const Kind* find_kind(std::string_view object_type) {
  for (const Kind& kind : k_kinds) {
    if (kind.object_type == object_type) return &kind;
  }
  return nullptr;
}

bool is_relation_kind(std::string_view object_type) {
  return object_type == "OBJECT_TABLE" || object_type == "OBJECT_VIEW" ||
         object_type == "OBJECT_MATVIEW" || object_type == "OBJECT_INDEX" ||
         object_type == "OBJECT_SEQUENCE" || object_type == "OBJECT_FOREIGN_TABLE";
}

struct Rename {
  std::string statement;   // as the message shows it
  std::string gone;        // what a second run no longer finds
  bool if_exists = false;  // an IF EXISTS before the relation makes it a no-op on a repeat
  // A relation renamed or moved: what a second run meets when the file makes the old name again.
  bool relation = false;
  std::string new_name;  // its name afterwards, as a lookup writes it (schema.name)
  bool written_if_exists = false;
};

std::optional<Rename> rename_of(const Node& node) {
  std::string_view kind = node.kind();
  if (kind == "AlterEnumStmt") {
    if (node.str("oldVal").empty()) return std::nullopt;
    return Rename{"ALTER TYPE " + name_of(node.list("typeName")).display() + " RENAME VALUE '" +
                      std::string(node.str("oldVal")) + "' TO '" + std::string(node.str("newVal")) +
                      "'",
                  "the label '" + std::string(node.str("oldVal")) + "' is gone"};
  }
  if (kind == "AlterObjectSchemaStmt") {
    std::string_view type = node.str("objectType");
    if (type == "OBJECT_EXTENSION") return std::nullopt;  // a repeat finds it there: no error
    const Kind* object = find_kind(type);
    if (object == nullptr) return std::nullopt;
    bool relation = is_relation_kind(type);
    bool missing_ok = relation && node.flag("missing_ok");
    std::string name =
        relation ? name_of(node.get("relation")).display() : object_display(node.get("object"));
    Rename rename{"ALTER " + std::string(object->words) + (missing_ok ? " IF EXISTS " : " ") +
                      name + " SET SCHEMA " + std::string(node.str("newschema")),
                  "the " + std::string(object->noun) + " is no longer there", relation};
    rename.relation = relation;
    rename.written_if_exists = missing_ok;
    if (relation) {
      rename.new_name = QualifiedName{std::string(node.str("newschema")),
                                      std::string(node.get("relation").str("relname"))}
                            .lookup();
    }
    return rename;
  }
  if (kind != "RenameStmt") return std::nullopt;
  std::string_view type = node.str("renameType");
  std::string new_name(node.str("newname"));
  std::string old_name(node.str("subname"));
  if (is_relation_kind(type)) {
    const Kind* object = find_kind(type);
    bool missing_ok = node.flag("missing_ok");
    QualifiedName old = name_of(node.get("relation"));
    Rename rename{"ALTER " + std::string(object->words) + (missing_ok ? " IF EXISTS " : " ") +
                      old.display() + " RENAME TO " + new_name,
                  "the " + std::string(object->noun) + " has its new name", true};
    rename.relation = true;
    rename.written_if_exists = missing_ok;
    rename.new_name = QualifiedName{old.schema, new_name}.lookup();
    return rename;
  }
  std::string relation = name_of(node.get("relation")).display();
  std::string_view on_type = node.str("relationType");
  const Kind* on = find_kind(on_type);
  std::string owner = on != nullptr && !relation.empty()
                          ? "ALTER " + std::string(on->words) + " " + relation + " "
                          : "ALTER TABLE " + relation + " ";
  if (type == "OBJECT_COLUMN") {
    return Rename{owner + "RENAME COLUMN " + old_name + " TO " + new_name,
                  "the column has its new name"};
  }
  if (type == "OBJECT_ATTRIBUTE") {
    return Rename{"ALTER TYPE " + relation + " RENAME ATTRIBUTE " + old_name + " TO " + new_name,
                  "the attribute has its new name"};
  }
  if (type == "OBJECT_TABCONSTRAINT") {
    return Rename{"ALTER TABLE " + relation + " RENAME CONSTRAINT " + old_name + " TO " + new_name,
                  "the constraint has its new name"};
  }
  if (type == "OBJECT_DOMCONSTRAINT") {
    return Rename{"ALTER DOMAIN " + object_display(node.get("object")) + " RENAME CONSTRAINT " +
                      old_name + " TO " + new_name,
                  "the constraint has its new name"};
  }
  const Kind* object = find_kind(type);
  if (object == nullptr) return std::nullopt;
  std::string name = old_name;
  if (type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" || type == "OBJECT_RULE") {
    name += " ON " + relation;
  } else if (name.empty()) {
    name = object_display(node.get("object"));
  }
  return Rename{"ALTER " + std::string(object->words) + " " + name + " RENAME TO " + new_name,
                "the " + std::string(object->noun) + " has its new name"};
}

// Whether a statement makes a relation of this kind under the old name, in the schema as
// written (both unqualified, or the same schema), and not in the schema it is moved to.
bool makes_old_name(const Statement& made, ObjectKind kind, const QualifiedName& old,
                    const std::string& moved_to) {
  for (const ObjectKey& created : object_changes(made.node).created) {
    if (created.kind == kind && created.name.name == old.name &&
        created.name.schema == old.schema &&
        (moved_to.empty() || created.name.schema != moved_to)) {
      return true;
    }
  }
  return false;
}

constexpr ObjectKind k_relation_kinds[] = {
    ObjectKind::table,    ObjectKind::view,          ObjectKind::materialized_view,
    ObjectKind::sequence, ObjectKind::foreign_table, ObjectKind::index};

// The statement after a relation's rename or move that makes a relation under its old name
// (and schema) again, or renames or moves another one onto it (the swap: t to t_old, then t_new
// to t): a second run then finds a relation under the old name, and renames or moves it too.
const Statement* made_again(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  QualifiedName old = name_of(node.get("relation"));
  std::string moved_to(node.is("AlterObjectSchemaStmt") ? node.str("newschema") : "");
  for (ObjectKind kind : k_relation_kinds) {
    const Statement* made = scope.created_after(statement, ObjectKey{kind, old, {}});
    if (made != nullptr && makes_old_name(*made, kind, old, moved_to)) return made;
  }
  for (ObjectKind kind : k_relation_kinds) {
    if (const Statement* onto = scope.moved_onto_after(statement, ObjectKey{kind, old, {}})) {
      return onto;
    }
  }
  return nullptr;
}

// Whether a statement renames or moves a relation (rather than making one).
bool moves_relation(const Statement& statement) {
  return statement.node.is("RenameStmt") || statement.node.is("AlterObjectSchemaStmt");
}

// Whether what a later rename or move (`onto`) takes is gone when a second run reaches it: the
// first run moved it away, and the file does not make it again before (the down of a swap:
// t to t_new, t_old to t, DROP TABLE t_new; a second run finds no t_old).
bool moved_from_gone(const FileScope& scope, const Statement& onto) {
  for (const ObjectMove& move : object_moves(onto.node)) {
    if (scope.exists_on_rerun(onto, move.from) == true) return false;
  }
  return true;
}

// The line of a statement, as a finding names it.
std::string line_of(const FileScope& scope, const Statement& statement) {
  return std::to_string(scope.file().position(statement.range.begin).line);
}

// The statement before a rename or move that makes the object under its old name, with no DROP
// of that name between them: the second run makes it there again (the first run renamed it
// away), and then renames the new one. A statement a DO block runs is left out: what guards it
// is not followed here.
const Statement* made_before(FileScope& scope, const Statement& statement, const ObjectKey& key,
                             const std::function<bool(const Statement&)>& makes) {
  const Statement* made = scope.created_before(statement, key);
  if (made == nullptr || made->embedded() || !makes(*made)) return nullptr;
  const Statement* dropped = scope.dropped_before(statement, key);
  if (dropped != nullptr && scope.index_of(*dropped) > scope.index_of(*made)) return nullptr;
  return made;
}

const Statement* relation_made_before(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  QualifiedName old = name_of(node.get("relation"));
  std::string moved_to(node.is("AlterObjectSchemaStmt") ? node.str("newschema") : "");
  for (ObjectKind kind : k_relation_kinds) {
    const Statement* made = made_before(
        scope, statement, ObjectKey{kind, old, {}},
        [&](const Statement& made) { return makes_old_name(made, kind, old, moved_to); });
    if (made != nullptr) return made;
  }
  return nullptr;
}

// Whether another statement of the file, before this one or after it, renames or moves away a
// relation of that name (a column of that table, when `column` is given).
bool renamed_away(const FileScope& scope, const Statement& statement, const QualifiedName& name,
                  std::string_view column = {}) {
  ObjectKey key = column.empty()
                      ? ObjectKey{ObjectKind::table, name, {}}
                      : ObjectKey{ObjectKind::column, QualifiedName{"", std::string(column)}, name};
  return scope.moved_away_before(statement, key) != nullptr ||
         scope.moved_away_after(statement, key) != nullptr;
}

// Whether the file drops, renames or moves away the relation under its new name (or in its new
// schema), before the rename or after it: ALTER TABLE t RENAME TO t_old; CREATE TABLE t ...;
// INSERT ... FROM t_old; DROP TABLE t_old; runs again as it ran first, and so do CREATE TABLE
// t_new ...; DROP TABLE t; ALTER TABLE t_new RENAME TO t; and the swap CREATE TABLE t_new ...;
// ALTER TABLE t RENAME TO t_old; ALTER TABLE t_new RENAME TO t; DROP TABLE t_old.
bool new_name_freed(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  QualifiedName old = name_of(node.get("relation"));
  QualifiedName renamed = node.is("AlterObjectSchemaStmt")
                              ? QualifiedName{std::string(node.str("newschema")), old.name}
                              : QualifiedName{old.schema, std::string(node.str("newname"))};
  for (ObjectKind kind : k_relation_kinds) {
    ObjectKey key{kind, renamed, {}};
    if (scope.dropped_after(statement, key) != nullptr ||
        scope.dropped_before(statement, key) != nullptr) {
      return true;
    }
  }
  return renamed_away(scope, statement, renamed);
}

// Whether a statement after this one in the file drops the relation, renames it or moves it to
// another schema.
bool relation_gone_after(const FileScope& scope, const Statement& statement,
                         const QualifiedName& name) {
  for (ObjectKind kind : k_relation_kinds) {
    ObjectKey key{kind, name, {}};
    if (scope.dropped_after(statement, key) != nullptr ||
        scope.moved_away_after(statement, key) != nullptr) {
      return true;
    }
  }
  return false;
}

// ALTER TABLE ... RENAME COLUMN a TO b with ADD COLUMN a earlier or later in the file: the
// statement that adds a again.
const Statement* column_made_again(FileScope& scope, const Statement& statement, bool& before) {
  const Node& node = statement.node;
  if (!node.is("RenameStmt") || node.str("renameType") != "OBJECT_COLUMN") return nullptr;
  if (node.str("relationType") != "OBJECT_TABLE" && !node.str("relationType").empty()) {
    return nullptr;
  }
  QualifiedName table = name_of(node.get("relation"));
  ObjectKey old{ObjectKind::column, QualifiedName{"", std::string(node.str("subname"))}, table};
  const Statement* made = made_before(scope, statement, old, [](const Statement&) { return true; });
  before = made != nullptr;
  if (made == nullptr) made = scope.created_after(statement, old);
  return made;
}

// Whether on a second run every name the rename moves is there and every name it moves onto is
// free, as the file's own statements leave them.
bool swaps(const FileScope& scope, const Statement& statement) {
  std::vector<ObjectMove> moves = object_moves(statement.node);
  if (moves.empty()) return false;
  bool there = false;
  for (const ObjectMove& move : moves) {
    there = there || scope.exists_on_rerun(statement, move.from) == true;
  }
  return there && scope.exists_on_rerun(statement, moves.front().to) == false;
}

// A guard around the rename alone: the second run skips it, and what the file made again
// stays beside what the first run renamed.
bool guarded(FileScope& scope, const Statement& statement, lint::Condition error) {
  lint::GuardQuery query;
  query.errors.push_back(error);
  query.new_name_only = true;
  return scope.guard(statement, query).has_value();
}

// A rename or move whose old name the file makes again: what its finding names.
struct Remade {
  std::string old;            // the object renamed, as the statement names it
  std::string renamed;        // its name afterwards
  std::string missing;        // a test that the new name does not exist yet
  lint::Condition duplicate;  // what the second run raises: the new name exists
};

Remade relation_remade(const Statement& statement, const Rename& rename) {
  return Remade{name_of(statement.node.get("relation")).display(), rename.new_name,
                "to_regclass(" + sql_literal(rename.new_name) + ") IS NULL",
                lint::condition::duplicate_table};
}

void report_made_again(FileScope& scope, const Statement& statement, const Rename& rename,
                       const Remade& remade, const Statement& made, bool before) {
  const std::string& old = remade.old;
  bool move = statement.node.is("AlterObjectSchemaStmt");
  std::string plain = rename.statement;
  if (rename.written_if_exists) plain.replace(plain.find(" IF EXISTS "), 11, " ");
  std::string line = std::to_string(scope.file().position(made.range.begin).line);
  std::string away = std::string("(the first run ") + (move ? "moved" : "renamed") + " it away)";
  std::string message;
  std::string help;
  if (!before && moves_relation(made)) {
    // The swap: another relation renamed (moved) onto the old name. Guarding this statement
    // alone leaves that rename to fail on the second run: the old name is taken.
    std::string other = name_of(made.node.get("relation")).display();
    bool other_move = made.node.is("AlterObjectSchemaStmt");
    message = rename.statement + " fails " + std::string(k_again) + ": line " + line + " " +
              (other_move ? "moves " : "renames ") + other + " to " + old +
              " afterwards, so the second run finds that relation under the name, " +
              (move ? "moves" : "renames") + " it too, and " + remade.renamed + " already exists";
    help = "run the swap only while " + remade.renamed +
           " does not exist yet: this statement, line " + line + "'s and those that make " + other +
           ", together in one DO block, IF " + remade.missing +
           " THEN ... END IF (guarding this one alone leaves line " + line + " to fail: " + old +
           " is taken)";
  } else if (!before) {
    message = rename.statement + " fails " + std::string(k_again) + ": the file makes " + old +
              " again afterwards, so the second run " + (move ? "moves" : "renames") + " the new " +
              old + " too, and " + remade.renamed + " already exists";
    help = "run it only while " + remade.renamed + " does not exist yet: DO $$ BEGIN IF " +
           remade.missing + " THEN " + plain + "; END IF; END $$;";
  } else {
    message = guarded(scope, statement, remade.duplicate)
                  ? rename.statement + " is guarded, but line " + line + " makes " + old +
                        " again first on every later run " + away +
                        ": the second run leaves that new " + old + " beside " + remade.renamed
                  : rename.statement + " fails " + std::string(k_again) + ": line " + line +
                        " makes " + old + " again first " + away + ", so the second run " +
                        (move ? "moves" : "renames") + " that new " + old + " too, and " +
                        remade.renamed + " already exists";
    help = "create it under its new name (" + remade.renamed +
           ") when that does not exist yet, or run the CREATE and the " +
           (move ? "move" : "rename") + " together in one DO block: IF " + remade.missing +
           " THEN ...; " + plain + "; END IF";
  }
  if (rename.written_if_exists) {
    help += " (IF EXISTS does not help: " + old + " exists again)";
  }
  scope.report(statement, statement.range, std::move(message), std::move(help))
      .related(scope.file(), made.range,
               (moves_relation(made) ? "gives the name " : "makes ") + old + " again");
}

// The relation under a rename's new name: the first run's result that an earlier statement of
// the file drops, renames or moves away again (the down of a swap: t to t_new, then t_old to
// t): the statement that does, or null.
const Statement* new_name_taken_before(const FileScope& scope, const Statement& statement,
                                       const QualifiedName& renamed) {
  for (ObjectKind kind : k_relation_kinds) {
    ObjectKey key{kind, renamed, {}};
    if (const Statement* taken = scope.moved_away_before(statement, key)) return taken;
    if (const Statement* taken = scope.dropped_before(statement, key)) return taken;
  }
  return nullptr;
}

// The help for a swap that a second run must not run again: guard all of it with a test of the
// relation it renames back (gone once it ran).
std::string swap_guard_help(const FileScope& scope, const Statement& first, const Statement& last,
                            const std::string& source) {
  return "run the swap only while " + source + " is there: lines " + line_of(scope, first) +
         " to " + line_of(scope, last) + " together in one DO block, IF to_regclass(" +
         sql_literal(source) +
         ") IS NOT NULL THEN ... END IF, or mark it -- sqlgate:run-once <reason>";
}

// A rename of a relation that a later rename gives the name back to (`onto`: the down of a
// swap, t to t_new, t_old to t, DROP TABLE t_new), while what that later rename takes is gone
// on a second run: the second run renames the first run's result away, which the later rename
// does not replace. It stops there (relation "t_old" does not exist), or, with IF EXISTS, goes
// on and leaves no t; the DROP of t_new then drops the rows.
void report_swap_rerun(FileScope& scope, const Statement& statement, const Rename& rename,
                       const Statement& onto) {
  const Node& node = statement.node;
  QualifiedName old = name_of(node.get("relation"));
  QualifiedName renamed = node.is("AlterObjectSchemaStmt")
                              ? QualifiedName{std::string(node.str("newschema")), old.name}
                              : QualifiedName{old.schema, std::string(node.str("newname"))};
  QualifiedName source = name_of(onto.node.get("relation"));
  const Statement* drop = nullptr;
  for (ObjectKind kind : k_relation_kinds) {
    if (drop == nullptr) drop = scope.dropped_after(statement, ObjectKey{kind, renamed, {}});
  }
  bool skips = onto.node.flag("missing_ok");
  std::string line = line_of(scope, onto);
  std::string message = rename.statement + " does not do on a second run what it did on the " +
                        "first: " + old.display() + " is then the relation that line " + line +
                        (onto.node.is("AlterObjectSchemaStmt") ? " moved " : " renamed ") +
                        source.display() + " to, and the second run " +
                        (node.is("AlterObjectSchemaStmt") ? "moves" : "renames") + " that one to " +
                        renamed.display() + "; ";
  if (!skips) {
    message += "line " + line + " then fails: relation \"" + source.name + "\" does not exist";
  } else if (drop != nullptr) {
    message += "line " + line + " finds no " + source.display() + " and skips, and line " +
               line_of(scope, *drop) + " drops " + renamed.display() + ": the table " +
               old.display() + " and its rows are lost";
  } else {
    message += "line " + line + " finds no " + source.display() + " and skips, which leaves no " +
               old.display();
  }
  std::string help =
      swap_guard_help(scope, statement, drop != nullptr ? *drop : onto, source.lookup());
  if (skips) help += " (IF EXISTS on line " + line + " lets the second run go on)";
  scope.report(statement, statement.range, std::move(message), std::move(help))
      .related(scope.file(), onto.range, "gives " + old.display() + " its name back");
}

// ---- routines: ALTER FUNCTION | PROCEDURE | ROUTINE ... RENAME TO | SET SCHEMA

// A routine's rename or move: its name and input argument types as the statement writes them
// (nullopt when it writes none), and its name afterwards.
struct RoutineMove {
  QualifiedName old;
  std::optional<std::vector<std::string>> args;
  QualifiedName renamed;
  std::string moved_to;  // SET SCHEMA: the schema
};

std::optional<RoutineMove> routine_move(const Node& node) {
  bool rename = node.is("RenameStmt");
  if (!rename && !node.is("AlterObjectSchemaStmt")) return std::nullopt;
  std::string_view type = node.str(rename ? "renameType" : "objectType");
  if (type != "OBJECT_FUNCTION" && type != "OBJECT_PROCEDURE" && type != "OBJECT_ROUTINE") {
    return std::nullopt;
  }
  Node object = node.get("object");
  RoutineMove move;
  move.old = name_of(object.list("objname"));
  if (move.old.name.empty()) return std::nullopt;
  move.args = routine_args(object);
  if (rename) {
    move.renamed = QualifiedName{move.old.schema, std::string(node.str("newname"))};
  } else {
    move.moved_to = std::string(node.str("newschema"));
    move.renamed = QualifiedName{move.moved_to, move.old.name};
  }
  return move;
}

// Whether a statement makes the routine under its old name (with the argument types the rename
// names, when it names them), in the schema as written, and not in the schema it is moved to.
bool makes_routine(const Statement& made, const RoutineMove& move) {
  if (!made.node.is("CreateFunctionStmt")) return false;
  QualifiedName name = name_of(made.node.list("funcname"));
  if (name.name != move.old.name || name.schema != move.old.schema) return false;
  if (!move.moved_to.empty() && name.schema == move.moved_to) return false;
  return !move.args || *move.args == created_routine_args(made.node);
}

// Whether the file drops, renames or moves away a routine under the new name, before the rename
// or after it: the second run then renames the one made again onto a free name.
bool routine_name_freed(const FileScope& scope, const Statement& statement,
                        const RoutineMove& move) {
  ObjectKey key{ObjectKind::function, move.renamed, {}};
  return scope.dropped_before(statement, key) != nullptr ||
         scope.dropped_after(statement, key) != nullptr ||
         scope.moved_away_before(statement, key) != nullptr ||
         scope.moved_away_after(statement, key) != nullptr;
}

Remade routine_remade(const RoutineMove& move) {
  std::string args;
  if (move.args) {
    // Appended piece by piece: g++ 12 warns of a false overlap (-Wrestrict) in "(" + ... once
    // inlined here.
    args += '(';
    args += lint::join_strings(*move.args, ", ");
    args += ')';
  }
  std::string lookup = sql_literal(move.renamed.lookup() + args);
  return Remade{move.old.display() + args, move.renamed.display() + args,
                (move.args ? "to_regprocedure(" : "to_regproc(") + lookup + ") IS NULL",
                lint::condition::duplicate_function};
}

// A routine made again under its old name, before the rename or move (CREATE OR REPLACE
// FUNCTION f ...; ALTER FUNCTION f RENAME TO g) or after it: the second run renames (moves) that
// new one too, onto a name the first run took. Whether it reported.
bool check_routine_made_again(FileScope& scope, const Statement& statement, const Rename& rename) {
  auto move = routine_move(statement.node);
  if (!move) return false;
  ObjectKey key{ObjectKind::function, move->old, {}};
  auto makes = [&](const Statement& made) { return makes_routine(made, *move); };
  const Statement* made = made_before(scope, statement, key, makes);
  bool before = made != nullptr;
  if (made == nullptr) {
    made = scope.created_after(statement, key);
    if (made != nullptr && !makes(*made)) made = nullptr;
  }
  if (made == nullptr || routine_name_freed(scope, statement, *move)) return false;
  // Made again afterwards: only a test of the new name guards it.
  Remade remade = routine_remade(*move);
  if (!before && guarded(scope, statement, remade.duplicate)) return true;
  report_made_again(scope, statement, rename, remade, *made, before);
  return true;
}

void report_column_made_again(FileScope& scope, const Statement& statement, const Rename& rename,
                              const Statement& made, bool before) {
  const Node& node = statement.node;
  QualifiedName table = name_of(node.get("relation"));
  std::string old(node.str("subname"));
  std::string renamed(node.str("newname"));
  std::string line = std::to_string(scope.file().position(made.range.begin).line);
  std::string message = rename.statement + " fails " + std::string(k_again) + ": line " + line +
                        " adds column " + old + " again" +
                        (before ? " first (the first run renamed it away)" : "") +
                        ", so the second run finds both " + old + " and " + renamed + ", and " +
                        renamed + " already exists";
  if (before && guarded(scope, statement, lint::condition::duplicate_column)) {
    message = rename.statement + " is guarded, but line " + line + " adds column " + old +
              " again first on every later run (the first run renamed it away): the second " +
              "run leaves it beside " + renamed;
  }
  std::string test = "NOT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = " +
                     sql_literal(table.lookup()) +
                     "::regclass AND attname = " + sql_literal(renamed) + " AND NOT attisdropped)";
  std::string help =
      before ? "add the column under its new name (" + renamed +
                   "), or run the ADD COLUMN and the rename together in one DO block: IF " + test +
                   " THEN ... END IF"
             : "run it only while column " + renamed + " does not exist yet: a DO block, IF " +
                   test + " THEN ... END IF (a test of " + old + " finds the one added again)";
  scope.report(statement, statement.range, std::move(message), std::move(help))
      .related(scope.file(), made.range, "adds column " + old + " again");
}

// ---- exchanges: renames that swap two names (a TO tmp, b TO a, tmp TO b)

// The renames of the file among the columns of one table, or the relations of one schema, in
// file order: each name's origin, the names first met as a rename's source (there before the
// file), and the renames.
struct Exchange {
  bool columns = false;
  QualifiedName owner;  // the table, or the schema (name empty for none written)
  std::map<std::string, std::string> origin;
  std::set<std::string> seen;
  std::set<std::string> before;
  // Each rename, with the name it moves, the name it gives, and the origin of what it moves.
  struct Step {
    const Statement* statement = nullptr;
    std::string from;
    std::string to;
    std::string origin;
  };
  std::vector<Step> renames;
};

// Whether the file makes or drops an object under the name: the exchange is then a rebuild,
// which the other checks judge.
bool made_or_dropped(const FileScope& scope, const Exchange& exchange, const Statement& at,
                     const std::string& name) {
  std::vector<ObjectKey> keys;
  if (exchange.columns) {
    keys.push_back(ObjectKey{ObjectKind::column, QualifiedName{"", name}, exchange.owner});
  } else {
    for (ObjectKind kind : k_relation_kinds) {
      keys.push_back(ObjectKey{kind, QualifiedName{exchange.owner.name, name}, {}});
    }
  }
  for (const ObjectKey& key : keys) {
    if (scope.created_before(at, key) != nullptr || scope.created_after(at, key) != nullptr ||
        scope.dropped_before(at, key) != nullptr || scope.dropped_after(at, key) != nullptr) {
      return true;
    }
  }
  return false;
}

// Whether every string a guard's test compares with is a name the exchange leaves in place (the
// table, its schema, the names renamed): such a test finds the same on the second run.
bool tests_names_only(const FileScope& scope, const lint::Guard& guard, const Exchange& exchange,
                      const std::set<std::string>& names, const Node& relation) {
  Node condition = scope.condition(guard);
  if (!condition.valid()) return false;
  bool names_only = true;
  lint::walk(condition, [&](const Node& node) {
    if (!names_only) return false;
    if (!node.is("A_Const") || !node.has("sval")) return true;
    std::string value(node.get("sval").str("sval"));
    names_only = names.count(value) > 0 || value == relation.str("relname") ||
                 value == relation.str("schemaname") || value == exchange.owner.name ||
                 value == "public";
    return false;
  });
  return names_only;
}

// An exchange of two names by renames (a TO tmp, b TO a, tmp TO b: GitLab's int to bigint
// swap): a second run finds both names again and exchanges them back. A guard that tests only
// the names passes again; one that tests what the exchange changes (the column's type) keeps it
// from running twice.
void check_exchanges(FileScope& scope) {
  std::map<std::string, Exchange> exchanges;
  for (const Statement* statement : scope.statements()) {
    const Node& node = statement->node;
    if (!node.is("RenameStmt")) continue;
    std::string_view type = node.str("renameType");
    bool columns = type == "OBJECT_COLUMN" &&
                   (node.str("relationType") == "OBJECT_TABLE" || node.str("relationType").empty());
    if (!columns && !is_relation_kind(type)) continue;
    QualifiedName relation = name_of(node.get("relation"));
    QualifiedName owner = columns ? relation : QualifiedName{"", relation.schema};
    std::string from = columns ? std::string(node.str("subname")) : relation.name;
    std::string to(node.str("newname"));
    Exchange& exchange = exchanges[(columns ? "column " : "relation ") + owner.display()];
    exchange.columns = columns;
    exchange.owner = owner;
    std::string origin = from;
    if (auto it = exchange.origin.find(from); it != exchange.origin.end()) {
      origin = it->second;
      exchange.origin.erase(it);
    } else if (exchange.seen.count(from) == 0) {
      exchange.before.insert(from);
    }
    exchange.seen.insert(from);
    exchange.seen.insert(to);
    exchange.origin[to] = origin;
    exchange.renames.push_back({statement, from, to, origin});
  }
  for (const auto& entry : exchanges) {
    const Exchange& exchange = entry.second;
    std::vector<std::string> swapped;
    for (const auto& [name, origin] : exchange.origin) {
      if (name != origin && exchange.before.count(name) > 0 && exchange.before.count(origin) > 0) {
        swapped.push_back(name);
      }
    }
    if (swapped.size() < 2) continue;
    // The renames that move the exchanged objects, and the names they pass through.
    std::vector<const Statement*> steps;
    std::set<std::string> names;
    for (const Exchange::Step& step : exchange.renames) {
      if (std::find(swapped.begin(), swapped.end(), step.origin) == swapped.end()) continue;
      steps.push_back(step.statement);
      names.insert(step.from);
      names.insert(step.to);
    }
    const Statement& first = *steps.front();
    bool rebuild = false;
    for (const std::string& name : names) {
      rebuild = rebuild || made_or_dropped(scope, exchange, first, name);
    }
    if (rebuild) continue;
    Node relation = first.node.get("relation");
    if (exchange.columns && scope.fresh(first, relation)) continue;
    auto guard = scope.guard(first, lint::GuardQuery{});
    if (guard && !tests_names_only(scope, *guard, exchange, names, relation)) continue;
    std::string listed = swapped[0] + " and " + swapped[1];
    if (swapped.size() > 2) listed = lint::join_strings(swapped, ", ");
    std::string what = exchange.columns ? "columns " + listed + " of " + exchange.owner.display()
                                        : "relations " + listed;
    std::string message = "the renames from line " +
                          std::to_string(scope.file().position(first.range.begin).line) +
                          " exchange " + what + ": " + std::string(k_again) +
                          ", they find both names there and exchange them back";
    if (guard) {
      std::string test;
      for (char c : guard->test) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space) test += c;
        if (space && !test.empty() && test.back() != ' ') test += ' ';
      }
      message += "; the guard (" + test +
                 ") tests only names the exchange leaves in place, so it passes again";
    }
    std::string help =
        exchange.columns
            ? "guard the renames with a test of what they change, such as the column's type: "
              "IF (SELECT data_type FROM information_schema.columns WHERE table_name = " +
                  sql_literal(exchange.owner.name) +
                  " AND column_name = " + sql_literal(swapped[0]) +
                  ") = '<its type before>' THEN ... END IF, or mark it "
                  "-- sqlgate:run-once <reason>"
            : "guard the renames with a test of what they change (not of the names, which are "
              "all there again), or mark it -- sqlgate:run-once <reason>";
    auto finding = scope.report(first, first.range, std::move(message), std::move(help));
    for (std::size_t i = 1; i < steps.size(); ++i) {
      finding.related(scope.file(), steps[i]->range, "renames too");
    }
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  check_exchanges(scope);
  for (const Statement* statement : scope.statements()) {
    const Node& node = statement->node;
    auto rename = rename_of(node);
    if (!rename) continue;
    // ALTER VIEW of a materialized view (and the like) fails on its first run: invalid-ddl.
    if (rename->relation && names_other_kind(context, *statement)) continue;
    Node relation = node.get("relation");
    if (rename->relation && !scope.temporary(*statement, relation)) {
      // Made again before it: the second run makes it anew there, then renames it onto the name
      // the first run gave the old one. A guard around the rename alone leaves the new one
      // behind, so none is looked for.
      if (const Statement* made = relation_made_before(scope, *statement)) {
        // The new name dropped or renamed away first or afterwards: the second run renames the
        // new one onto a free name.
        if (new_name_freed(scope, *statement)) continue;
        report_made_again(scope, *statement, *rename, relation_remade(*statement, *rename), *made,
                          true);
        continue;
      } else if (const Statement* made = made_again(scope, *statement)) {
        // Dropped under the new name later: the second run renames the new one, and that
        // works; unless the old name came back by a rename of what the second run no longer
        // finds (the down of a swap), which leaves the first run's result renamed away.
        if (new_name_freed(scope, *statement)) {
          if (moves_relation(*made) && moved_from_gone(scope, *made) &&
              !scope.guard(*statement, lint::GuardQuery{}) &&
              !scope.guard(*made, lint::GuardQuery{})) {
            report_swap_rerun(scope, *statement, *rename, *made);
          }
          continue;
        }
        // The second run meets the new name taken: only a test of the new name guards it.
        if (guarded(scope, *statement, lint::condition::duplicate_table)) continue;
        report_made_again(scope, *statement, *rename, relation_remade(*statement, *rename), *made,
                          false);
        continue;
      }
    }
    if (check_routine_made_again(scope, *statement, *rename)) continue;
    // A column added again: the second run finds the old name and the new one both, unless the
    // file drops or renames away the new one first or afterwards.
    bool before = false;
    if (relation.valid() && !scope.fresh(*statement, relation)) {
      if (const Statement* made = column_made_again(scope, *statement, before)) {
        ObjectKey renamed{ObjectKind::column, QualifiedName{"", std::string(node.str("newname"))},
                          name_of(relation)};
        if (scope.dropped_before(*statement, renamed) != nullptr ||
            scope.dropped_after(*statement, renamed) != nullptr ||
            renamed_away(scope, *statement, name_of(relation), renamed.name.name)) {
          continue;
        }
        if (before) {
          report_column_made_again(scope, *statement, *rename, *made, true);
          continue;
        }
        if (guarded(scope, *statement, lint::condition::duplicate_column)) continue;
        report_column_made_again(scope, *statement, *rename, *made, false);
        continue;
      }
    }
    // A second run finds nothing to rename and skips.
    if (rename->written_if_exists) continue;
    // ALTER VIEW IF EXISTS s.v RENAME COLUMN ..., and later in the file the relation is dropped,
    // renamed or moved away: a second run finds no s.v and skips.
    if (!rename->relation && relation.valid() && node.flag("missing_ok") &&
        relation_gone_after(scope, *statement, name_of(relation))) {
      continue;
    }
    // The swap: the file makes the old name again and frees the new one (TypeORM's enum change:
    // ALTER TYPE e RENAME TO e_old; CREATE TYPE e ...; ... DROP TYPE e_old), so a second run
    // finds the old name there and the new one free, and renames as the first did.
    if (swaps(scope, *statement)) continue;
    // A column or constraint of a table this file makes afresh has its old name again; a table
    // renamed twice does not.
    if (relation.valid() && (rename->if_exists ? scope.temporary(*statement, relation)
                                               : scope.fresh(*statement, relation))) {
      continue;
    }
    if (auto never = scope.compares_type_never_held(*statement)) {
      std::string message = rename->statement;
      message += " never runs, not even the first time: the IF around it needs ";
      message += *never;
      message += ", which no run finds, so the migration leaves the old name in place";
      scope.report(*statement, statement->range, message,
                   "compare data_type with the name information_schema gives the type, or "
                   "udt_name with the internal one");
      continue;
    }
    if (scope.guard(*statement, lint::repeat_error(node))) continue;
    if (scope.never_true(*statement)) {
      // The guard says why it finds nothing (report() adds it).
      scope.report(*statement, statement->range,
                   rename->statement +
                       " never runs, not even the first time: the IF EXISTS around it finds "
                       "nothing on any run, so the migration leaves the old name in place",
                   "write the names the test compares as the catalog keeps them: a name created "
                   "in double quotes keeps its case ('User' for \"User\"); or drop the guard "
                   "and mark the rename -- sqlgate:run-once <reason>");
      continue;
    }
    std::string help =
        "guard it in a DO block that tests the catalog first (IF EXISTS (SELECT "
        "FROM information_schema... / pg_catalog...) THEN ... END IF), or mark "
        "it -- sqlgate:run-once <reason>";
    // An earlier statement takes away what this one named on the first run (the down of a
    // swap: t to t_new, then t_old to t): a second run that skipped this rename would leave no
    // t, so IF EXISTS is no fix.
    const Statement* taken = nullptr;
    if (rename->if_exists && node.is("RenameStmt")) {
      QualifiedName old = name_of(relation);
      taken = new_name_taken_before(scope, *statement,
                                    QualifiedName{old.schema, std::string(node.str("newname"))});
    }
    if (taken != nullptr) {
      QualifiedName old = name_of(relation);
      // The swap ends with the DROP of what the earlier statement renamed away, when there is one.
      const Statement* last = statement;
      for (const ObjectMove& move : object_moves(taken->node)) {
        const Statement* drop = scope.dropped_after(*statement, move.to);
        if (drop != nullptr && scope.index_of(*drop) > scope.index_of(*last)) last = drop;
      }
      help = swap_guard_help(scope, *taken, *last, old.lookup()) +
             " (IF EXISTS does not help: line " + line_of(scope, *taken) + " has taken " +
             std::string(node.str("newname")) +
             ", which this statement made on the first run, away again by then, and a second "
             "run that skipped this rename would go on without it)";
    } else if (rename->if_exists) {
      help =
          "write IF EXISTS after ALTER ...: a second run then finds nothing to rename and "
          "skips it";
    }
    auto finding =
        scope.report(*statement, statement->range,
                     rename->statement + " fails " + std::string(k_again) + ": " + rename->gone,
                     std::move(help));
    if (!rename->if_exists || taken != nullptr) continue;
    StatementTokens tokens(scope.file(), *statement);
    auto at = tokens.at(statement->offset(relation.location()));
    if (at && *at > 0 &&
        (tokens.is(*at - 1, "TABLE") || tokens.is(*at - 1, "INDEX") || tokens.is(*at - 1, "VIEW") ||
         tokens.is(*at - 1, "SEQUENCE"))) {
      FileScope::fix(finding, *statement, "Add IF EXISTS",
                     std::vector<lint::Edit>{insert_before(tokens[*at], "IF EXISTS ")}, true);
    }
  }
}

}  // namespace

lint::Rule guard_rename() {
  return lint::Rule{
      .info = {.id = "guard-rename",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "RENAME of a column, constraint, index or table fails when the "
                          "migration runs again unless guarded or marked run-once",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
