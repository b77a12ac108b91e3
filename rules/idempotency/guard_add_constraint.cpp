// guard-add-constraint: ALTER TABLE ... ADD CONSTRAINT / PRIMARY KEY / FOREIGN KEY / UNIQUE /
// EXCLUDE (and ALTER DOMAIN ... ADD CONSTRAINT) unless the file drops that constraint first or a
// DO block guards it.
#include "lint/objects.h"
#include "lint/table_state.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"
#include "rules/pairing/common.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

std::string_view constraint_words(std::string_view type) {
  if (type == "CONSTR_CHECK") return "CHECK";
  if (type == "CONSTR_FOREIGN") return "FOREIGN KEY";
  if (type == "CONSTR_PRIMARY") return "PRIMARY KEY";
  if (type == "CONSTR_UNIQUE") return "UNIQUE";
  if (type == "CONSTR_EXCLUSION") return "EXCLUDE";
  if (type == "CONSTR_NOTNULL") return "NOT NULL";
  return "";
}

struct Judgement {
  std::string message;
  std::string help;
};

// What is wrong with an unguarded ADD of a constraint, and what to write instead.
Judgement judge(std::string_view on, const QualifiedName& owner, const Node& constraint,
                std::optional<lint::Condition> error, bool domain) {
  std::string type(constraint_words(constraint.str("contype")));
  std::string name(constraint.str("conname"));
  std::string target = owner.display();
  std::string again(k_again);
  std::string drop = std::string(domain ? "ALTER DOMAIN " : "ALTER TABLE ") + owner.sql() +
                     " DROP CONSTRAINT IF EXISTS " + lint::sql_identifier(name) + ";";
  // USING INDEX of an index the constraint is named as (or, without a name, takes the name of):
  // after the first run the index is the constraint's, under the same name.
  std::string index(constraint.str("indexname"));
  bool adopted =
      !domain && !index.empty() &&
      (name.empty() || lint::truncate_identifier(index) == lint::truncate_identifier(name));
  std::string conname = adopted && name.empty() ? lint::truncate_identifier(index) : name;
  std::string test =
      "NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = " + sql_literal(conname) +
      (domain ? " AND contypid = " : " AND conrelid = ") + sql_literal(owner.lookup()) +
      (domain ? "::regtype)" : "::regclass)");
  std::string block = "a DO block: IF " + test + " THEN ... END IF";
  if (error) block += " (or EXCEPTION WHEN " + std::string(error->name) + " THEN NULL)";
  if (adopted) {
    std::string shown = name.empty() ? "ADD " + type : "ADD CONSTRAINT " + name + " " + type;
    return {shown + " USING INDEX " + index + " fails " + again + ": the first run gave index " +
                index + " to constraint " + conname +
                ", and PostgreSQL refuses an index that already has one (index \"" + index +
                "\" is already associated with a constraint)",
            "guard it with " + block};
  }
  if (name.empty()) {
    if (constraint.str("contype") == "CONSTR_PRIMARY") {
      return {"ADD PRIMARY KEY fails " + again + ": " + std::string(on) + " " + target +
                  " already has a primary key",
              "guard it in a DO block: IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE "
              "conrelid = " +
                  sql_literal(owner.lookup()) + "::regclass AND contype = 'p') THEN ... END IF"};
    }
    return {"ADD " + type + " without a constraint name adds another constraint to " +
                std::string(on) + " " + target + " every time the migration runs",
            "name it (ADD CONSTRAINT name " + type + " ...) and guard it: " + drop +
                " before it, or " + block};
  }
  if (!index.empty()) {
    return {"ADD CONSTRAINT " + name + " " + type + " USING INDEX " + index + " fails " + again +
                ": the first run renamed index " + index + " to " + name +
                ", and PostgreSQL finds no index of the old name (index \"" + index +
                "\" does not exist)",
            "guard it with " + block};
  }
  std::string help = "guard it: " + drop + " before it, or " + block;
  if (type == "PRIMARY KEY" || type == "UNIQUE") {
    help = "guard it with " + block + "; a DROP CONSTRAINT IF EXISTS " +
           lint::sql_identifier(name) + " before it also works while no foreign key references it";
  }
  return {"ADD CONSTRAINT " + name + " " + type + " fails " + again + ": " + std::string(on) + " " +
              target + " already has it",
          help};
}

// The index (or other relation) whose name the index of a PRIMARY KEY, UNIQUE or EXCLUDE
// constraint the statement adds takes, when the replay has one there before it and the table has
// no constraint of that name: an index made by CREATE UNIQUE INDEX, which DROP CONSTRAINT IF EXISTS
// does not find. PostgreSQL refuses the ADD on its first run (relation "k" already exists).
const lint::CatalogObject* name_taken(const FileScope& scope, const Statement& statement,
                                      const std::string& name) {
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return nullptr;
  const lint::CatalogObject* taken = nullptr;
  for (const lint::CatalogStep* step :
       catalog->steps_of(context.index, scope.index_of(statement))) {
    const lint::Effect& effect = step->effect;
    if (effect.action != lint::Action::create || effect.object.name != name) continue;
    if (effect.object.kind == lint::ObjectKind::constraint && step->existed) return nullptr;
    if (effect.implicit && effect.object.kind == lint::ObjectKind::index && step->existed &&
        step->object != lint::k_no_object) {
      taken = &catalog->object(step->object);
    }
  }
  return taken;
}

// ADD CONSTRAINT k ... USING INDEX k after CREATE UNIQUE INDEX IF NOT EXISTS k and then DROP
// CONSTRAINT IF EXISTS k: the index keeps its name as the constraint's, so a second run's CREATE
// INDEX finds it and skips, the DROP CONSTRAINT takes it along, and the ADD finds no index
// (42704). Built after the DROP, it is made anew on every run. Whether it said so.
bool report_index_dropped_again(FileScope& scope, const Statement& statement, std::size_t command,
                                AlterCommands& commands, const QualifiedName& table,
                                const std::string& index_name, const std::string& constraint) {
  if (index_name.empty() || lint::truncate_identifier(index_name) != constraint) return false;
  ObjectKey index{ObjectKind::index, QualifiedName{table.schema, index_name}, {}};
  const Statement* made = scope.created_before(statement, index);
  if (made == nullptr || !made->node.is("IndexStmt") || !made->node.flag("if_not_exists")) {
    return false;
  }
  const Statement* drop = &statement;
  if (!FileScope::drops_constraint_earlier(statement.node, command, constraint)) {
    drop = scope.dropped_before(
        statement, ObjectKey{ObjectKind::table_constraint, QualifiedName{"", constraint}, table});
  }
  if (drop == nullptr || scope.index_of(*drop) < scope.index_of(*made)) return false;
  std::string made_line = std::to_string(scope.file().position(made->range.begin).line);
  std::string drop_line = std::to_string(scope.file().position(drop->range.begin).line);
  scope.report(statement, commands.range(command),
               "ADD CONSTRAINT " + constraint + " ... USING INDEX " + index_name + " fails " +
                   std::string(k_again) + ": the index keeps its name as the constraint's, so " +
                   "the CREATE INDEX IF NOT EXISTS on line " + made_line +
                   " finds it and skips, and the DROP CONSTRAINT on line " + drop_line +
                   " takes it along with the constraint",
               "build the index after the DROP: DROP CONSTRAINT IF EXISTS " +
                   lint::sql_identifier(constraint) + "; CREATE UNIQUE INDEX IF NOT EXISTS " +
                   lint::sql_identifier(index_name) + " ...; ADD CONSTRAINT " +
                   lint::sql_identifier(constraint) + " ... USING INDEX " +
                   lint::sql_identifier(index_name));
  return true;
}

// The name PostgreSQL chooses for the one constraint a statement adds without a name; empty
// when it adds several such (which gets which is not worked out here).
std::string implicit_name(const Statement& statement, const QualifiedName& table) {
  std::size_t unnamed = 0;
  for (Node command : statement.node.list("cmds")) {
    if (command.str("subtype") == "AT_AddConstraint" && !command.get("def").has("conname")) {
      ++unnamed;
    }
  }
  if (unnamed != 1) return {};
  lint::ObjectResolver resolver;
  for (const lint::Effect& effect : resolver.effects(statement)) {
    if (effect.action == lint::Action::create && effect.implicit &&
        effect.object.kind == lint::ObjectKind::constraint && effect.object.parent == table.name) {
      return effect.object.name;
    }
  }
  return {};
}

// The statement that adds the primary key or unique constraint `name` of `table` again after
// `statement` dropped it in subcommand `command` (a later subcommand of the same statement, or
// a later ALTER TABLE), with the key.
std::optional<std::pair<const Statement*, UniqueKey>> key_added_again(const FileScope& scope,
                                                                      const Statement& statement,
                                                                      std::size_t command,
                                                                      const QualifiedName& table,
                                                                      std::string_view name) {
  const auto& all = scope.file().all_statements();
  std::size_t here = scope.index_of(statement);
  for (const auto& [at, key] : keys_named(scope, std::string(name))) {
    if (at < here || !key->constraint) continue;
    if (at == here ? key->part > command
                   : all[at]->kind() == "AlterTableStmt" && same_name(key->table, table)) {
      return std::pair{all[at], *key};
    }
  }
  return std::nullopt;
}

// "ALTER TABLE t ADD CONSTRAINT k UNIQUE (a, b)", for help texts.
std::string add_text(const UniqueKey& key) {
  std::string text = "ALTER TABLE " + key.table.sql() + " ADD CONSTRAINT " +
                     lint::sql_identifier(key.name) + (key.primary ? " PRIMARY KEY" : " UNIQUE");
  if (key.columns.empty()) return text + " ...";
  std::vector<std::string> columns;
  for (const std::string& column : key.columns) columns.push_back(lint::sql_identifier(column));
  return text + " (" + lint::join_strings(columns, ", ") + ")";
}

std::string missing_test(const UniqueKey& key) {
  return "IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conname = " +
         sql_literal(key.name) + " AND conrelid = " + sql_literal(key.table.lookup()) +
         "::regclass)";
}

// ALTER TABLE t DROP CONSTRAINT [IF EXISTS] k, then ADD CONSTRAINT k PRIMARY KEY | UNIQUE, then
// a foreign key that references it: on a second run the foreign key depends on k's index, and
// the DROP fails.
void check_drop_before_key(FileScope& scope, const Statement& statement, std::size_t i,
                           const Node& command, AlterCommands& commands) {
  if (command.str("behavior") == "DROP_CASCADE") return;
  QualifiedName table = name_of(statement.node.get("relation"));
  std::string name = lint::truncate_identifier(command.str("name"));
  auto added = key_added_again(scope, statement, i, table, name);
  if (!added) return;
  const auto& [made, key] = *added;
  const Statement* foreign = tied_foreign_key(scope, statement, *made, key);
  if (foreign == nullptr) return;
  if (scope.guard(statement, lint::condition::dependent_objects_still_exist)) return;
  std::string line = std::to_string(scope.file().position(foreign->range.begin).line);
  scope
      .report(statement, commands.range(i),
              "DROP CONSTRAINT " + name + " on table " + table.display() + " fails " +
                  std::string(k_again) + ": the foreign key that line " + line +
                  " makes depends on the key's index by then, and PostgreSQL refuses to drop it",
              "add the key only when it is missing instead of dropping it first: DO $$ BEGIN " +
                  missing_test(key) + " THEN " + add_text(key) +
                  "; END IF; END $$; (with CASCADE the DROP would remove the foreign key on "
                  "every later run)")
      .related(scope.file(), foreign->range, "makes the foreign key");
}

// DROP INDEX [IF EXISTS] k before the file adds constraint k (a primary key, unique or exclusion
// constraint, whose index is named as it): on a second run the index is the constraint's, and
// PostgreSQL refuses to drop it (2BP01), CASCADE or not.
void check_drop_index(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.str("removeType") != "OBJECT_INDEX") return;
  const auto& all = scope.file().all_statements();
  std::size_t here = scope.index_of(statement);
  for (Node object : node.list("objects")) {
    QualifiedName index = name_of(object.list("items"));
    std::string name = lint::truncate_identifier(index.name);
    for (const auto& [at, named] : keys_named(scope, name)) {
      const UniqueKey& key = *named;
      const Statement& made = *all[at];
      if (at <= here || made.kind() != "AlterTableStmt" || !key.constraint ||
          !(index.schema.empty() || key.table.schema.empty() || index.schema == key.table.schema)) {
        continue;
      }
      ObjectKey constraint{ObjectKind::table_constraint, QualifiedName{"", name}, key.table};
      bool gone = scope.dropped_before(statement, constraint) != nullptr ||
                  scope.dropped_after(made, constraint) != nullptr;
      for (ObjectKind kind : {ObjectKind::table, ObjectKind::foreign_table}) {
        ObjectKey table{kind, key.table, {}};
        gone = gone || scope.dropped_before(statement, table) != nullptr ||
               scope.dropped_after(made, table) != nullptr;
      }
      if (gone) break;
      if (scope.guard(statement, lint::condition::dependent_objects_still_exist)) return;
      std::string line = std::to_string(scope.file().position(made.range.begin).line);
      scope
          .report(statement, statement.range,
                  "DROP INDEX " + index.display() + " fails " + std::string(k_again) +
                      ": by then it is the index of constraint " + name + ", which line " + line +
                      " adds to table " + key.table.display() +
                      ", and PostgreSQL refuses to drop it (CASCADE or not)",
                  "run the DROP INDEX and the ADD CONSTRAINT together in a DO block, only when "
                  "pg_catalog.pg_constraint lacks the constraint: DO $$ BEGIN " +
                      missing_test(key) + " THEN DROP INDEX IF EXISTS " + index.sql() + "; " +
                      add_text(key) + "; END IF; END $$;")
          .related(scope.file(), made.range, "adds constraint " + name);
      break;
    }
  }
}

void check_table(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  QualifiedName table = name_of(relation);
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    if (command.str("subtype") == "AT_DropConstraint" && !scope.fresh(statement, relation)) {
      check_drop_before_key(scope, statement, i, command, commands);
    }
    if (command.str("subtype") != "AT_AddConstraint") continue;
    Node constraint = command.get("def");
    std::string_view type = constraint.str("contype");
    if (constraint_words(type).empty()) continue;
    if (scope.fresh(statement, relation)) return;
    std::string name(constraint.str("conname"));
    // The name PostgreSQL gives one written without a name (orders_pkey, orders_number_check,
    // orders_customer_id_fkey): a DROP CONSTRAINT IF EXISTS of that name guards it as well.
    std::string dropped_name = name.empty() ? implicit_name(statement, table) : name;
    // ADD ... USING INDEX renamed the index on the first run: dropping the constraint then
    // drops the index too, so the second run needs the file to build it again first.
    std::string index_name(constraint.str("indexname"));
    // An index PostgreSQL cannot adopt (partial, on expressions), or any on a partitioned table,
    // fails the first run already; require-constraint-using-index says so.
    if (!index_name.empty() &&
        (partitioned_table_altered(scope.context(), statement) ||
         lint::unadoptable_index(scope.context(), statement,
                                 lint::QualifiedName{table.schema, table.name}, index_name))) {
      continue;
    }
    bool index_made =
        index_name.empty() ||
        scope.created_before(
            statement, ObjectKey{ObjectKind::index, QualifiedName{table.schema, index_name}, {}}) !=
            nullptr;
    ObjectKey key{ObjectKind::table_constraint, QualifiedName{"", dropped_name}, table};
    bool dropped_first =
        !dropped_name.empty() && (FileScope::drops_constraint_earlier(node, i, dropped_name) ||
                                  scope.dropped_before(statement, key));
    if (!dropped_name.empty() && index_made) {
      if (dropped_first && report_index_dropped_again(scope, statement, i, commands, table,
                                                      index_name, dropped_name)) {
        continue;
      }
      if (dropped_first) continue;
      if (!name.empty() && scope.dropped_after(statement, key)) continue;
    }
    // The file builds the index under its own name, and ADD CONSTRAINT renames it to the
    // constraint's: a second run's CREATE INDEX IF NOT EXISTS finds no index of that name and
    // builds another one, guard or no guard around the ADD.
    if (!index_name.empty() && index_made && !dropped_first &&
        lint::truncate_identifier(index_name) != dropped_name) {
      scope.report(statement, commands.range(i),
                   "ADD CONSTRAINT " + dropped_name + " ... USING INDEX " + index_name +
                       " renames the index to " + dropped_name + ": " + std::string(k_again) +
                       ", CREATE INDEX IF NOT EXISTS " + index_name +
                       " earlier in the file finds no index of that name and builds a second one",
                   "name the index " + dropped_name +
                       " (as the constraint), so that PostgreSQL does not rename it and the "
                       "second run finds it; or drop the constraint first");
      continue;
    }
    auto error = lint::repeat_error(node, command);
    if (scope.guard(statement, error)) continue;
    lint::TextRange range = commands.range(i);
    // Its index's name taken already: the first run fails. In an up, already-exists says so; a
    // down runs on the state its up left, which the replay knows as well.
    if (const lint::CatalogObject* taken =
            name.empty() || !index_name.empty() ? nullptr : name_taken(scope, statement, name)) {
      if (scope.context().direction() == lint::Direction::up) continue;
      const lint::CatalogObject& object = *taken;
      const lint::Project& project = scope.context().project;
      std::string held = pairing::describe(object.ref_at(object.created.tick));
      auto builder = scope.report(
          statement, range,
          "ADD CONSTRAINT " + name + " " + std::string(constraint_words(type)) +
              " fails on its first run, not only when the migration runs again: the "
              "constraint's index would be named " +
              name + ", the name of " + held + " (made by " +
              project.source(object.created.file).display +
              "), which belongs to no constraint, so no DROP CONSTRAINT removes it: PostgreSQL "
              "refuses the ADD (relation \"" +
              name + "\" already exists)",
          "if the index is what was there before the up, leave the ADD CONSTRAINT out; else drop "
          "it first (DROP INDEX IF EXISTS " +
              lint::sql_identifier(name) + ";), or make it the constraint's: ADD CONSTRAINT " +
              lint::sql_identifier(name) + " " + std::string(constraint_words(type)) +
              " USING INDEX " + lint::sql_identifier(name));
      if (const lint::ParsedFile* owner = project.parsed(object.created.file)) {
        builder.related(*owner, pairing::statement_range(*owner, object.created.statement),
                        "created here");
      }
      continue;
    }
    Judgement judgement = judge("table", table, constraint, error, false);
    auto finding = scope.report(statement, range, judgement.message, judgement.help);
    // Nothing can reference a CHECK, FOREIGN KEY or EXCLUDE constraint: dropping it first is
    // a certain rewrite, but it validates the constraint again on every run.
    bool droppable =
        type == "CONSTR_CHECK" || type == "CONSTR_FOREIGN" || type == "CONSTR_EXCLUSION";
    auto span = commands.tokens_of(i);
    if (!name.empty() && droppable && span) {
      const StatementTokens& tokens = commands.tokens();
      auto [begin, end] = *span;
      auto keyword = tokens.find("CONSTRAINT", begin);
      if (tokens.is(begin, "ADD_P") && keyword && *keyword + 1 < end) {
        std::string written(scope.file().slice(tokens[*keyword + 1].range));
        FileScope::fix(finding, statement, "Drop the constraint first",
                       std::vector<lint::Edit>{insert_before(
                           tokens[begin], "DROP CONSTRAINT IF EXISTS " + written + ", ")},
                       false);
      }
    }
  }
}

void check_domain(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  if (node.str("subtype") != "C") return;
  Node constraint = node.get("def");
  if (constraint_words(constraint.str("contype")).empty()) return;
  QualifiedName domain = name_of(node.list("typeName"));
  std::string name(constraint.str("conname"));
  if (!name.empty()) {
    ObjectKey key{ObjectKind::domain_constraint, QualifiedName{"", name}, domain};
    if (scope.dropped_before(statement, key) || scope.dropped_after(statement, key)) return;
  }
  auto error = lint::repeat_error(node);
  if (scope.guard(statement, error)) return;
  Judgement judgement = judge("domain", domain, constraint, error, true);
  scope.report(statement, statement.range, judgement.message, judgement.help);
}

// EXECUTE format('ALTER TABLE %I.tasks ADD CONSTRAINT tasks_project_id_fkey FOREIGN KEY ...', s)
// in a DO block (a loop over every tenant's schema) with nothing around it that tests or catches
// the error: the second run finds the constraint there. Judged by the template's form, as
// require-if-not-exists judges its CREATEs: the names %I and %s stand for are not known, so a
// DROP of the constraint or of its table in any template of the file (DROP CONSTRAINT IF EXISTS
// before the ADD) is taken to make way for it. ADD ... USING INDEX is left alone.
void check_templates(FileScope& scope, const lint::ParsedFile& file) {
  TemplateChanges templates(file);
  for (const Statement* each : scope.templates()) {
    const Statement& statement = *each;
    const Node& node = statement.node;
    if (!node.is("AlterTableStmt") || node.str("objtype") != "OBJECT_TABLE") continue;
    QualifiedName table = name_of(node.get("relation"));
    if (templates.dropped(ObjectKey{ObjectKind::table, table, {}})) continue;
    for (Node command : node.list("cmds")) {
      if (command.str("subtype") != "AT_AddConstraint") continue;
      Node constraint = command.get("def");
      std::string type(constraint_words(constraint.str("contype")));
      if (type.empty() || constraint.has("indexname")) continue;
      std::string name(constraint.str("conname"));
      std::string dropped_name = name.empty() ? implicit_name(statement, table) : name;
      if (!dropped_name.empty() &&
          templates.dropped(
              ObjectKey{ObjectKind::table_constraint, QualifiedName{"", dropped_name}, table})) {
        continue;
      }
      auto error = lint::repeat_error(node, command);
      if (lint::conditional(statement, error)) continue;
      Judgement judgement = judge("table", table, constraint, error, false);
      // The help as the template has to be written: the names stay stand-ins.
      std::string in_template = "format('" + table.display() + "', ...)";
      std::string test =
          "IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE " +
          (name.empty() && type == "PRIMARY KEY" ? std::string("contype = 'p'")
                                                 : "conname = " + sql_literal(dropped_name)) +
          " AND conrelid = " + in_template + "::regclass) THEN EXECUTE ... END IF";
      std::string help;
      if (name.empty()) {
        help = type == "PRIMARY KEY"
                   ? "run the EXECUTE only when the table has no primary key: " + test
                   : "name it (ADD CONSTRAINT name " + type +
                         " ...) in the format() template, "
                         "and run the EXECUTE only when the table lacks it";
      } else if (type == "PRIMARY KEY" || type == "UNIQUE") {
        help = "run the EXECUTE only when the table lacks it: " + test +
               "; DROP CONSTRAINT IF EXISTS " + lint::sql_identifier(name) +
               " before the ADD in the template also works while no foreign key references it";
      } else {
        help = "write DROP CONSTRAINT IF EXISTS " + lint::sql_identifier(name) +
               " before the ADD in the format() template (ALTER TABLE " + table.display() +
               " DROP CONSTRAINT IF EXISTS " + lint::sql_identifier(name) + ", ADD CONSTRAINT " +
               lint::sql_identifier(name) +
               " ...), or run the EXECUTE only when the table lacks it: " + test;
      }
      scope.report(
          statement, statement.range,
          "EXECUTE format(...) runs ALTER TABLE " + table.display() + ": " + judgement.message,
          help);
    }
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  check_templates(scope, context.file);
  for (const Statement* statement : scope.statements()) {
    if (statement->kind() == "AlterTableStmt") check_table(scope, *statement);
    if (statement->kind() == "AlterDomainStmt") check_domain(scope, *statement);
    if (statement->kind() == "DropStmt") check_drop_index(scope, *statement);
  }
}

}  // namespace

lint::Rule guard_add_constraint() {
  return lint::Rule{
      .info = {.id = "guard-add-constraint",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "ADD CONSTRAINT without a DROP CONSTRAINT IF EXISTS before it or a "
                          "guarding DO block fails when the migration runs again",
               .fix = lint::FixKind::unsafe},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
