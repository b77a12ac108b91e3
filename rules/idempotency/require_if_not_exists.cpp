// require-if-not-exists: CREATE ... and ADD ... that have an IF NOT EXISTS form and do not use it.
#include <functional>

#include "lint/catalog.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

// Where "IF NOT EXISTS " goes: before a token of the statement.
using Placement = std::function<std::optional<std::size_t>(const StatementTokens&)>;

struct Candidate {
  std::string statement;  // "CREATE TABLE"
  std::string noun;       // "table"
  std::string object;     // its name, as the parser has it
  std::string shown;      // the statement as messages show it, when not "statement object"
  Node relation;          // a RangeVar that may name a temporary relation
  bool on_table = false;  // relation is the table the object is on, not the object
  std::optional<ObjectKey> key;
  Placement placement;
  int since = 0;     // PostgreSQL major version that has this IF NOT EXISTS
  std::string help;  // instead of the usual advice
  // CREATE TABLE IF NOT EXISTS: judged only after a DROP of the table that a second run cannot
  // carry out.
  bool if_not_exists = false;
};

// Before the token at a tree location, when the token before it is one of `previous`.
Placement before_location(const Statement& statement, std::optional<std::uint32_t> location,
                          std::vector<std::string_view> previous) {
  return [&statement, location, previous](const StatementTokens& tokens) {
    std::optional<std::size_t> result;
    if (!location) return result;
    auto at = tokens.at(statement.offset(location));
    if (!at || *at == 0) return result;
    for (std::string_view name : previous) {
      if (tokens.is(*at - 1, name)) result = at;
    }
    return result;
  };
}

// After the first token named `name` (and a CONCURRENTLY that follows it).
Placement after_keyword(std::string_view name) {
  return [name](const StatementTokens& tokens) {
    std::optional<std::size_t> result;
    auto at = tokens.find(name);
    if (!at) return result;
    std::size_t next = *at + 1;
    if (tokens.is(next, "CONCURRENTLY")) ++next;
    if (next < tokens.size() && !tokens.is(next, "IF_P")) result = next;
    return result;
  };
}

std::optional<Candidate> candidate(const Statement& statement) {
  const Node& node = statement.node;
  std::string_view kind = node.kind();
  Candidate c;
  auto relation = [&](const Node& range_var, ObjectKind object, std::string what,
                      std::string noun) {
    c.statement = std::move(what);
    c.noun = std::move(noun);
    c.object = name_of(range_var).display();
    c.relation = range_var;
    c.key = ObjectKey{object, name_of(range_var), {}};
    c.placement = before_location(statement, range_var.location(), {"TABLE", "VIEW", "SEQUENCE"});
    return c;
  };
  if (kind == "CreateStmt") {
    relation(node.get("relation"), ObjectKind::table, "CREATE TABLE", "table");
    c.if_not_exists = node.flag("if_not_exists");
    if (c.if_not_exists) c.shown = "CREATE TABLE IF NOT EXISTS " + c.object;
    return c;
  }
  if (kind == "CreateForeignTableStmt") {
    if (node.get("base").flag("if_not_exists")) return std::nullopt;
    return relation(node.get("base").get("relation"), ObjectKind::foreign_table,
                    "CREATE FOREIGN TABLE", "foreign table");
  }
  if (kind == "CreateTableAsStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    if (node.str("objtype") == "OBJECT_MATVIEW") {
      return relation(node.get("into").get("rel"), ObjectKind::materialized_view,
                      "CREATE MATERIALIZED VIEW", "materialized view");
    }
    relation(node.get("into").get("rel"), ObjectKind::table, "CREATE TABLE", "table");
    c.shown = "CREATE TABLE " + c.object + " AS ...";
    return c;
  }
  if (kind == "SelectStmt" && node.has("intoClause")) {
    relation(node.get("intoClause").get("rel"), ObjectKind::table, "SELECT ... INTO", "table");
    c.shown = "SELECT ... INTO " + c.object;
    c.placement = nullptr;
    c.help = "write CREATE TABLE IF NOT EXISTS " + c.object +
             " AS SELECT ... instead (SELECT INTO has no IF NOT EXISTS)";
    return c;
  }
  if (kind == "CreateSeqStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    return relation(node.get("sequence"), ObjectKind::sequence, "CREATE SEQUENCE", "sequence");
  }
  if (kind == "IndexStmt") {
    // An unnamed index is require-index-name's: IF NOT EXISTS needs a name.
    if (node.flag("if_not_exists") || node.str("idxname").empty()) return std::nullopt;
    c.statement = node.flag("unique") ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
    c.noun = "index";
    c.object = std::string(node.str("idxname"));
    c.relation = node.get("relation");
    c.on_table = true;
    c.key = ObjectKey{
        ObjectKind::index, QualifiedName{std::string(c.relation.str("schemaname")), c.object}, {}};
    c.placement = after_keyword("INDEX");
    return c;
  }
  auto simple = [&](std::string what, std::string noun, std::string object,
                    std::string_view keyword) {
    c.statement = std::move(what);
    c.noun = std::move(noun);
    c.object = std::move(object);
    c.placement = after_keyword(keyword);
    return c;
  };
  if (kind == "CreateSchemaStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    std::string name(node.str("schemaname"));
    if (name.empty()) name = node.get("authrole").str("rolename");
    simple("CREATE SCHEMA", "schema", name, "SCHEMA");
    c.key = ObjectKey{ObjectKind::schema, QualifiedName{"", name}, {}};
    if (!node.list("schemaElts").empty()) {
      c.placement = nullptr;
      c.help =
          "CREATE SCHEMA IF NOT EXISTS cannot include schema elements: write "
          "CREATE SCHEMA IF NOT EXISTS " +
          name + "; then create each object with its own IF NOT EXISTS";
    }
    return c;
  }
  if (kind == "CreateExtensionStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    simple("CREATE EXTENSION", "extension", std::string(node.str("extname")), "EXTENSION");
    c.key = ObjectKey{ObjectKind::extension, QualifiedName{"", c.object}, {}};
    return c;
  }
  if (kind == "DefineStmt" && node.str("kind") == "OBJECT_COLLATION") {
    if (node.flag("if_not_exists")) return std::nullopt;
    simple("CREATE COLLATION", "collation", name_of(node.list("defnames")).display(), "COLLATION");
    c.since = 10;
    return c;
  }
  if (kind == "CreateForeignServerStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    return simple("CREATE SERVER", "server", std::string(node.str("servername")), "SERVER");
  }
  if (kind == "CreateStatsStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    return simple("CREATE STATISTICS", "statistics object",
                  name_of(node.list("defnames")).display(), "STATISTICS");
  }
  if (kind == "CreateUserMappingStmt") {
    if (node.flag("if_not_exists")) return std::nullopt;
    Node user = node.get("user");
    std::string role(user.str("rolename"));
    if (role.empty()) role = user.str("roletype") == "ROLESPEC_PUBLIC" ? "PUBLIC" : "CURRENT_USER";
    simple("CREATE USER MAPPING", "user mapping", "FOR " + role, "MAPPING");
    c.shown = "CREATE USER MAPPING FOR " + role + " SERVER " + std::string(node.str("servername"));
    return c;
  }
  if (kind == "AlterEnumStmt" && node.str("oldVal").empty() && !node.str("newVal").empty()) {
    if (node.flag("skipIfNewValExists")) return std::nullopt;
    simple("ALTER TYPE ... ADD VALUE", "enum label", std::string(node.str("newVal")), "VALUE_P");
    c.shown =
        "ALTER TYPE " + name_of(node.list("typeName")).display() + " ADD VALUE '" + c.object + "'";
    return c;
  }
  return std::nullopt;
}

void report(FileScope& scope, const Statement& statement, const Candidate& c,
            const Statement* dropped) {
  std::string shown = c.shown.empty() ? c.statement + " " + c.object : c.shown;
  if (dropped != nullptr) {
    // Re-runnable on its own, but not harmless: say what the DROP does on a second run. A
    // foreign key, view or the like made after it by the file makes that DROP fail.
    std::optional<std::string> blocker = drop_blocker(scope, statement, *dropped);
    bool blocked = blocker && !blocker->empty();
    if (c.if_not_exists && !blocked) return;
    std::string without = c.if_not_exists
                              ? std::string("leave out the DROP")
                              : "write " + c.statement + " IF NOT EXISTS without the DROP";
    std::string help =
        blocked && dropped->node.str("behavior") != "DROP_CASCADE"
            ? "drop " + *blocker + " (IF EXISTS) before the DROP of " + c.object + ", or " + without
            : without +
                  ", or mark the file -- sqlgate:run-once-file <reason> when it is meant to "
                  "rebuild the " +
                  c.noun;
    scope.report(statement, statement.range,
                 "the DROP before " + shown + " is no guard: a second run" +
                     (blocked ? "'s DROP " + blocked_drop_consequence(*dropped, *blocker)
                              : " " + std::string(drop_consequence(c.key->kind, *dropped))),
                 help);
    return;
  }
  if (c.if_not_exists) return;
  bool available = scope.pg_version() >= c.since;
  std::string message =
      shown + " fails " + std::string(k_again) + ": the " + c.noun + " already exists";
  std::string help = c.help;
  if (help.empty()) {
    help = available ? "add IF NOT EXISTS: the second run then skips it"
                     : "PostgreSQL " + std::to_string(scope.pg_version()) +
                           " has no IF NOT EXISTS here (it came in " + std::to_string(c.since) +
                           "): create it in a DO block guarded by a catalog test";
  }
  std::optional<lint::Edit> edit;
  if (available && c.placement) {
    StatementTokens tokens(scope.file(), statement);
    if (auto at = c.placement(tokens)) edit = insert_before(tokens[*at], "IF NOT EXISTS ");
  }
  if (edit && c.help.empty()) help = "write " + rewritten_head(scope.file(), statement, *edit);
  auto finding = scope.report(statement, statement.range, std::move(message), std::move(help));
  if (edit) {
    FileScope::fix(finding, statement, "Add IF NOT EXISTS", std::vector<lint::Edit>{*edit}, true);
  }
}

// Whether the file renames the object away after `at`, and leaves its name free, with nothing
// before `at` that makes, drops or renames it: a second run finds the name free there.
bool renamed_away_after(const FileScope& scope, const Statement& at, const ObjectKey& key) {
  return scope.moved_away_after(at, key) != nullptr && scope.created_before(at, key) == nullptr &&
         scope.dropped_before(at, key) == nullptr && scope.moved_away_before(at, key) == nullptr &&
         scope.moved_onto_before(at, key) == nullptr && scope.exists_on_rerun(at, key) == false;
}

// ALTER TABLE ... ADD [COLUMN] name without IF NOT EXISTS, subcommand by subcommand; and with or
// without it, one whose name the file renames away (before or after it), which a second run adds
// again.
void check_add_columns(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  std::string_view type = node.str("objtype");
  if (type != "OBJECT_TABLE" && type != "OBJECT_FOREIGN_TABLE") return;  // ALTER TYPE: no form
  Node relation = node.get("relation");
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    if (command.str("subtype") != "AT_AddColumn") continue;
    bool if_not_exists = command.flag("missing_ok");
    if (scope.fresh(statement, relation)) return;
    if (scope.guard(statement, lint::repeat_error(node, command))) continue;
    Node column = command.get("def");
    std::string name(column.str("colname"));
    // Dropped by the file before (DROP COLUMN c, ADD COLUMN c of another type) or after: the
    // second run finds it gone.
    ObjectKey key{ObjectKind::column, QualifiedName{"", name}, name_of(relation)};
    if (FileScope::drops_column_earlier(node, i, name) || scope.dropped_before(statement, key) ||
        scope.dropped_after(statement, key)) {
      continue;
    }
    // Found by scanning the tokens: only for a finding.
    auto range = [&] { return commands.range(i); };
    // Renamed away later (the swap of a widened key: ADD id_new, RENAME id TO id_old, RENAME
    // id_new TO id, DROP id_old): a second run finds no such column and adds it again, and the
    // renames and drops after it then act on what the first run left (the data of the swap).
    // IF NOT EXISTS finds no such column either.
    if (const Statement* moved = scope.moved_away_after(statement, key)) {
      std::string line = std::to_string(scope.file().position(moved->range.begin).line);
      scope
          .report(statement, range(),
                  "ADD COLUMN " + name + " succeeds a second time " + std::string(k_again) +
                      ": line " + line +
                      " renames the column away, so the second run adds an empty " + name +
                      " and repeats what follows on the columns the first run left",
                  "run the whole change in a DO block that first tests the state before it (the "
                  "old column still there, or its type), so that a second run skips it")
          .related(scope.file(), moved->range, "renames " + name + " away");
      continue;
    }
    // Renamed away before, and not made again in between, to a name the file frees again later
    // (RENAME id TO uuid, ADD id serial, DROP uuid): a second run renames away the column the
    // first run added and adds another, with new values (a serial's from a new sequence),
    // however the ADD is written. A rename whose new name stays fails on the second run first
    // (guard-rename's); once guarded, the ADD finds the column.
    const Statement* moved = scope.moved_away_before(statement, key);
    if (moved != nullptr && scope.exists_on_rerun(statement, key) == false &&
        moved->node.is("RenameStmt") && moved->node.str("renameType") == "OBJECT_COLUMN") {
      ObjectKey renamed{ObjectKind::column,
                        QualifiedName{"", lint::truncate_identifier(moved->node.str("newname"))},
                        name_of(relation)};
      if (scope.dropped_after(*moved, renamed) == nullptr &&
          scope.moved_away_after(*moved, renamed) == nullptr) {
        moved = nullptr;
      }
    } else {
      moved = nullptr;
    }
    if (moved != nullptr) {
      std::string line = std::to_string(scope.file().position(moved->range.begin).line);
      scope
          .report(statement, range(),
                  "ADD COLUMN " + name + " succeeds a second time " + std::string(k_again) +
                      ": line " + line + " renames the column away before it, so the second " +
                      "run renames away the " + name +
                      " the first run added and adds another, filled " +
                      "anew, and repeats what follows on the columns the first run left",
                  "run the whole change in a DO block that first tests the state before it (the "
                  "old column still there, or its type), so that a second run skips it")
          .related(scope.file(), moved->range, "renames " + name + " away");
      continue;
    }
    if (if_not_exists) continue;
    auto finding =
        scope.report(statement, range(),
                     "ADD COLUMN " + name + " fails " + std::string(k_again) + ": table " +
                         name_of(relation).display() + " already has the column",
                     "write ADD COLUMN IF NOT EXISTS " + name + ": the second run then skips it");
    const StatementTokens& tokens = commands.tokens();
    auto at = tokens.at(statement.offset(column.location()));
    if (at && *at > 0 && (tokens.is(*at - 1, "COLUMN") || tokens.is(*at - 1, "ADD_P"))) {
      FileScope::fix(finding, statement, "Add IF NOT EXISTS",
                     std::vector<lint::Edit>{insert_before(tokens[*at], "IF NOT EXISTS ")}, true);
    }
  }
}

// DROP INDEX [IF EXISTS] i before CREATE UNIQUE INDEX i (the index rebuilt), when a foreign key
// the file makes afterwards references its columns: on a second run the foreign key depends on
// the index, and the DROP fails (2BP01).
void check_drop_unique_index(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.str("removeType") != "OBJECT_INDEX" || node.str("behavior") == "DROP_CASCADE") return;
  for (Node object : node.list("objects")) {
    QualifiedName index = name_of(object.list("items"));
    const Statement* made = scope.created_after(statement, ObjectKey{ObjectKind::index, index, {}});
    if (made == nullptr) continue;
    for (const UniqueKey& key : unique_keys(made->node)) {
      const Statement* foreign = tied_foreign_key(scope, statement, *made, key);
      if (foreign == nullptr) continue;
      if (scope.guard(statement, lint::condition::dependent_objects_still_exist)) return;
      std::string line = std::to_string(scope.file().position(foreign->range.begin).line);
      std::string columns = lint::join_strings(key.columns, ", ");
      scope
          .report(statement, statement.range,
                  "DROP INDEX " + index.display() + " fails " + std::string(k_again) +
                      ": the foreign key that line " + line + " makes on " + key.table.display() +
                      " (" + columns +
                      ") depends on the index by then, and PostgreSQL refuses to drop it",
                  "leave out the DROP INDEX and write CREATE UNIQUE INDEX IF NOT EXISTS " +
                      key.name + " ON " + key.table.display() + " (" + columns +
                      "): a second run then keeps the index (to change it, build the new one "
                      "under another name)")
          .related(scope.file(), foreign->range, "makes the foreign key");
      return;
    }
  }
}

// Relations of a kind PostgreSQL keeps in pg_class: a DROP of one kind names the others' names too.
bool relation_kind(lint::ObjectKind kind) {
  using K = lint::ObjectKind;
  return kind == K::table || kind == K::view || kind == K::materialized_view ||
         kind == K::foreign_table || kind == K::sequence;
}

// DROP MATERIALIZED VIEW m, then CREATE MATERIALIZED VIEW m (a rebuild): a second run's DROP
// fails only on what depends on m then (2BP01), and its rows are derived, so nothing is lost. It
// holds when each object that depends on what the CREATE makes is made by this file after it and
// is gone before the DROP on a second run: dropped by the file before the DROP, or taken by the
// DROP's CASCADE (and then each of its own dependents alike). An up's objects may also get
// dependents from later migrations (a view on m): the replay knows them, and then it does not
// hold. A down runs again only once the later migrations are undone: its own statements are all.
bool same_relation(const lint::ObjectRef& a, const lint::ObjectRef& b) {
  return a.name == b.name && a.schema == b.schema && a.parent == b.parent &&
         (a.kind == b.kind || (relation_kind(a.kind) && relation_kind(b.kind)));
}

bool rebuilt_with_dependents(const FileScope& scope, const Statement& create,
                             const Statement& drop) {
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return false;
  const lint::FileReplay& replay = catalog->replay(context.index);
  std::size_t drop_at = scope.index_of(drop);
  bool cascade = drop.node.str("behavior") == "DROP_CASCADE";
  // Whether a statement of the file before the DROP drops an object of that name.
  auto dropped_first = [&](const lint::ObjectRef& ref) {
    for (const lint::CatalogStep& step : replay.steps) {
      if (step.statement >= drop_at) break;
      if (step.effect.action == lint::Action::drop && same_relation(step.effect.object, ref)) {
        return true;
      }
    }
    return false;
  };
  // The objects of the file made after statement `after` that depend on `ref` (not as an index
  // does on its table): each must be gone before the DROP.
  std::function<bool(const lint::ObjectRef&, std::size_t, int)> rebuilt =
      [&](const lint::ObjectRef& ref, std::size_t after, int depth) {
        if (depth > 16) return false;
        for (const lint::CatalogStep& step : replay.steps) {
          if (step.statement <= after || step.effect.action != lint::Action::create) continue;
          for (const lint::Dependency& dependency : step.effect.depends_on) {
            if (dependency.automatic || dependency.reverse ||
                !same_relation(dependency.object, ref)) {
              continue;
            }
            if (dropped_first(step.effect.object)) break;
            if (!cascade || !rebuilt(step.effect.object, step.statement, depth + 1)) return false;
            break;
          }
        }
        return true;
      };
  std::size_t create_at = scope.index_of(create);
  bool found = false;
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, create_at)) {
    if (step->effect.action != lint::Action::create) continue;
    if (!rebuilt(step->effect.object, create_at, 0)) return false;
    found = true;
    if (context.direction() != lint::Direction::up) continue;
    if (step->object == lint::k_no_object || step->existed) return false;
    // Anything a later migration makes on it (recursively: on what the file makes on it).
    std::function<bool(lint::ObjectId, int)> inside = [&](lint::ObjectId id, int depth) {
      if (depth > 16) return false;
      for (const lint::DependencyEdge& edge : catalog->object(id).dependents) {
        if (edge.automatic) continue;
        if (catalog->object(edge.object).created.file != context.index ||
            !inside(edge.object, depth + 1)) {
          return false;
        }
      }
      return true;
    };
    if (!inside(step->object, 0)) return false;
  }
  return found;
}

// EXECUTE format('CREATE INDEX orders_placed_at_idx ON %I.orders ...', s) in a DO block, with
// nothing around it that tests or catches: the second run makes the same objects again.
void check_templates(FileScope& scope, const lint::ParsedFile& file) {
  const auto& templated = file.templated();
  // A DROP of the same kind and name the same block runs before it (its schema may be a stand-in):
  // the second run drops what the first made, then makes it again.
  auto dropped_before = [&](std::size_t at, const Candidate& c) {
    for (std::size_t i = 0; i < at; ++i) {
      const Statement& drop = templated[i];
      if (drop.parent != templated[at].parent || !drop.node.is("DropStmt")) continue;
      for (Node object : drop.node.list("objects")) {
        lint::NodeList parts = object.list("items");
        if (!parts.empty() && lint::truncate_identifier(parts[parts.size() - 1].as_str()) ==
                                  lint::truncate_identifier(c.key ? c.key->name.name : c.object)) {
          return true;
        }
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < templated.size(); ++i) {
    const Statement& statement = templated[i];
    auto c = candidate(statement);
    if (!c || c->if_not_exists ||
        lint::conditional(statement, lint::repeat_error(statement.node)) || dropped_before(i, *c)) {
      continue;
    }
    std::string shown = c->shown.empty() ? c->statement + " " + c->object : c->shown;
    scope.report(statement, statement.range,
                 "EXECUTE format(...) runs " + shown + ", which fails " + std::string(k_again) +
                     ": the " + c->noun + " already exists",
                 c->help.empty() ? "write IF NOT EXISTS in the format() template: the second run "
                                   "then skips what the first made"
                                 : c->help);
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  check_templates(scope, context.file);
  for (const Statement* statement : scope.statements()) {
    if (statement->kind() == "AlterTableStmt") {
      check_add_columns(scope, *statement);
      continue;
    }
    if (statement->kind() == "DropStmt") {
      check_drop_unique_index(scope, *statement);
      continue;
    }
    auto c = candidate(*statement);
    if (!c) continue;
    if (c->relation.valid() && (c->on_table ? scope.fresh(*statement, c->relation)
                                            : scope.temporary(*statement, c->relation))) {
      continue;
    }
    // Created and dropped again in this file: the second run creates it afresh.
    if (c->key && scope.dropped_after(*statement, *c->key)) continue;
    if (scope.guard(*statement, lint::repeat_error(statement->node))) continue;
    const Statement* dropped = c->key ? scope.dropped_before(*statement, *c->key) : nullptr;
    // Renamed away afterwards, and not touched before (a swap: CREATE TABLE t_new ...; DROP
    // TABLE t; ALTER TABLE t_new RENAME TO t): the second run finds the name free.
    if (c->key && renamed_away_after(scope, *statement, *c->key)) continue;
    // Dropping an index first only rebuilds it.
    if (dropped != nullptr && c->key->kind == ObjectKind::index) continue;
    // A materialized view rebuilt with everything that depends on it: only rebuilt again.
    if (dropped != nullptr && c->key->kind == ObjectKind::materialized_view &&
        rebuilt_with_dependents(scope, *statement, *dropped)) {
      continue;
    }
    report(scope, *statement, *c, dropped);
  }
}

}  // namespace

lint::Rule require_if_not_exists() {
  return lint::Rule{
      .info = {.id = "require-if-not-exists",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "CREATE or ADD without IF NOT EXISTS fails when the migration runs again",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
