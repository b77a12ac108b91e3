// invalid-foreign-key: FOREIGN KEY ... REFERENCES t (columns) that PostgreSQL refuses whatever the
// data, on a table the migrations made: no primary key or unique key on exactly the referenced
// columns (or only a DEFERRABLE one, a partial or expression index), a column count that
// differs, a referenced column named twice, key columns of types with no equality between them;
// ON DELETE SET NULL / SET DEFAULT (columns) naming a column outside the key; a permanent table
// referencing an unlogged or temporary one, an unlogged table a temporary one, a temporary table a
// permanent or unlogged one.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// A key of the referenced table a foreign key can use: a primary key, a unique constraint, or a
// unique index without WHERE or expressions.
struct Key {
  std::vector<std::string> columns;
  bool primary = false;
  bool deferrable = false;
};

// A key's or an index's columns name them as the end of the replay does: a column renamed by a
// later migration has its later name there. The names they had at the tick.
std::vector<std::string> columns_at(const lint::Catalog& catalog, const lint::ObjectRef& table,
                                    lint::Tick tick, std::vector<std::string> columns) {
  std::vector<std::string> then = columns;
  for (lint::ObjectId id : catalog.columns(table, tick)) {
    const lint::CatalogObject& column = catalog.object(id);
    const std::string& last = column.names.back().ref.name;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == last) then[i] = column.ref_at(tick).name;
    }
  }
  return then;
}

// The keys of a table the replay sees whole at a tick; nothing when it does not.
std::optional<std::vector<Key>> keys_of(const lint::FileContext& context,
                                        const lint::Catalog& catalog, const lint::ObjectRef& table,
                                        lint::Tick tick) {
  if (lint::takes_keys_from_elsewhere(context.project, catalog, table, tick)) return std::nullopt;
  std::vector<Key> keys;
  for (lint::ObjectId id : catalog.constraints(table, tick)) {
    const lint::CatalogObject& object = catalog.object(id);
    if (object.contype != 'p' && object.contype != 'u') continue;
    if (object.columns.empty()) return std::nullopt;
    Key key{columns_at(catalog, table, tick, object.columns), object.contype == 'p', false};
    const lint::Statement* made = lint::statement_at(context.project, object.created);
    if (made == nullptr) return std::nullopt;
    if (lint::has_unusual_key(made->node)) {
      auto flags = lint::key_flags(made->node, object, object.ref_at(tick).name);
      if (!flags) return std::nullopt;
      key.deferrable = flags->deferrable;
    }
    keys.push_back(std::move(key));
  }
  for (lint::ObjectId id : catalog.indexes(table, tick)) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!object.unique || object.partial || object.columns.empty()) continue;
    // The index of a primary key or unique constraint: the constraint stands for it.
    const lint::Statement* made = lint::statement_at(context.project, object.created);
    if (made == nullptr || !made->node.is("IndexStmt")) continue;
    if (std::find(object.columns.begin(), object.columns.end(), "expr") != object.columns.end()) {
      continue;
    }
    keys.push_back(Key{columns_at(catalog, table, tick, object.columns), false, false});
  }
  return keys;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

std::vector<std::string> names(const lint::NodeList& list) {
  std::vector<std::string> out;
  for (Node item : list) out.push_back(lint::truncate_identifier(item.as_str()));
  return out;
}

// The type of a column of the statement's own table: from the column the statement adds or the
// CREATE TABLE's column list, else as the migrations before it left it.
std::optional<lint::ColumnType> referencing_type(lint::TableState& tables,
                                                 const lint::Statement& statement,
                                                 const lint::QualifiedName& table,
                                                 const std::string& column) {
  if (statement.node.is("AlterTableStmt")) {
    for (Node command : statement.node.list("cmds")) {
      Node def = command.get("def");
      if (command.str("subtype") == "AT_AddColumn" &&
          lint::truncate_identifier(def.str("colname")) == column) {
        return lint::column_type(def.get("typeName"));
      }
    }
  }
  if (statement.node.is("CreateStmt")) {
    for (Node element : statement.node.list("tableElts")) {
      if (element.is("ColumnDef") && lint::truncate_identifier(element.str("colname")) == column) {
        return lint::column_type(element.get("typeName"));
      }
    }
    return std::nullopt;
  }
  return tables.column_type(table, column, statement);
}

// Where a constraint of a CREATE TABLE stands: from its first word to the end of that line.
lint::TextRange constraint_range(const lint::ParsedFile& file, const lint::Statement& statement,
                                 const Node& constraint) {
  if (!constraint.has("location") || !statement.exact) return statement.range;
  std::uint32_t begin = statement.offset(static_cast<std::uint32_t>(constraint.num("location")));
  std::size_t end = file.text().find('\n', begin);
  if (end == std::string_view::npos || end > statement.range.end) end = statement.range.end;
  return lint::TextRange{begin, static_cast<std::uint32_t>(end)};
}

// ON DELETE SET NULL (columns) / SET DEFAULT (columns) (PostgreSQL 15) naming a column that is
// not one of the foreign key's referencing columns: PostgreSQL refuses the constraint whatever
// the data. A column the table has not gets another message; the first column wrong is reported.
// Whether it reported.
bool check_set_columns(const lint::Statement& statement, const lint::QualifiedName& table,
                       const Node& constraint, const std::vector<std::string>& columns,
                       lint::TextRange range, lint::Reporter& out) {
  for (const std::string& column : names(constraint.list("fk_del_set_cols"))) {
    if (std::find(columns.begin(), columns.end(), column) != columns.end()) continue;
    // Whether the table has the column: a CREATE TABLE without LIKE or INHERITS says it all.
    const Node& node = statement.node;
    bool made_here = node.is("CreateStmt") && node.list("inhRelations").empty();
    for (Node element : node.list("tableElts"))
      made_here = made_here && !element.is("TableLikeClause");
    bool missing = made_here && !lint::column_definition(statement, column);
    std::string action = constraint.str("fk_del_action") == "d" ? "SET DEFAULT" : "SET NULL";
    std::string message = "FOREIGN KEY (" + lint::join_strings(columns, ", ") + ") ... ON DELETE ";
    message += action;
    message += " (";
    message += column;
    message += ") fails: ";
    if (missing) {
      message += "table " + table.display() + " has no column " + column + " (\"column \"" +
                 column +
                 "\" referenced in foreign key constraint does not "
                 "exist\")";
    } else {
      message += column +
                 " is not one of the foreign key's columns, and only those can be set "
                 "when a referenced row is deleted (\"column \"" +
                 column + "\" referenced in ON DELETE SET action must be part of foreign key\")";
    }
    out.report(range, message,
               "name only referencing columns of the key in the list (" +
                   lint::join_strings(columns, ", ") +
                   "), or leave the list out to set them all; a column outside the key is set "
                   "by a trigger");
    return true;
  }
  return false;
}

// The table a statement names, as PostgreSQL finds it: a temporary table first for a name
// without schema.
lint::ObjectId find_table(const lint::FileContext& context, const lint::Statement& statement,
                          std::string_view schema, std::string_view name) {
  if (schema.empty()) {
    lint::ObjectId temporary =
        lint::find_as_written(context, statement, lint::ObjectKind::table, "pg_temp", name);
    if (temporary != lint::k_no_object) return temporary;
  }
  return lint::find_as_written(context, statement, lint::ObjectKind::table, schema, name);
}

// A table's persistence as a foreign key check sees it: nothing for a temporary table of an
// earlier migration (another session may run this one, where it is gone).
std::optional<char> persistence_of(const lint::FileContext& context,
                                   const lint::CatalogObject& table, lint::Tick tick) {
  auto kept = lint::persistence_at(context.project, table, tick);
  if (kept == 't' && table.created.file != context.index) return std::nullopt;
  return kept;
}

std::string_view persistence_name(char persistence) {
  return persistence == 't' ? "temporary" : persistence == 'u' ? "unlogged" : "permanent";
}

// PostgreSQL's refusal of a foreign key from a table of persistence `mine` to one of `theirs`:
// a permanent table references only permanent tables, an unlogged one permanent or unlogged
// ones, a temporary one only temporary ones. Empty when it is accepted.
std::string persistence_refusal(char mine, char theirs) {
  if (mine == 'p' && theirs != 'p') {
    return "constraints on permanent tables may reference only permanent tables";
  }
  if (mine == 'u' && theirs == 't') {
    return "constraints on unlogged tables may reference only permanent or unlogged tables";
  }
  if (mine == 't' && theirs != 't') {
    return "constraints on temporary tables may reference only temporary tables";
  }
  return {};
}

// `mine`: the persistence of the referencing table, when known. A temporary table's foreign keys
// are checked for that alone.
void check_foreign_key(const lint::FileContext& context, lint::TableState& tables,
                       const lint::Statement& statement, const lint::QualifiedName& table,
                       std::optional<char> mine, const Node& constraint,
                       std::vector<std::string> columns, lint::TextRange range,
                       lint::Reporter& out) {
  if (check_set_columns(statement, table, constraint, columns, range, out)) return;
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  const lint::Catalog& catalog = *context.project.catalog();
  lint::RelationName target = lint::relation_name(constraint.get("pktable"));
  lint::QualifiedName referenced{std::string(target.schema), std::string(target.name)};
  // A table that refers to itself gets its keys in the same statement.
  if (referenced.matches(table) || table.matches(referenced)) return;
  lint::ObjectId id = find_table(context, statement, target.schema, target.name);
  if (id == lint::k_no_object) return;
  const lint::CatalogObject& object = catalog.object(id);
  if (object.kind() != lint::ObjectKind::table) return;
  lint::ObjectRef ref = object.ref_at(*tick);
  std::string fk_columns = lint::join_strings(columns, ", ");
  // PostgreSQL compares the tables' persistence before it looks for the key.
  auto theirs = persistence_of(context, object, *tick);
  if (mine && theirs) {
    std::string error = persistence_refusal(*mine, *theirs);
    if (!error.empty()) {
      std::string what = table.display();
      std::string them = referenced.display();
      std::string help =
          *mine == 't' ? "reference a temporary table, or make " + what + " a permanent table"
          : *theirs == 't'
              ? "reference a permanent table: a temporary one lasts only for the session"
              : "make " + them + " a logged table first (ALTER TABLE " + them +
                    " SET LOGGED), or create " + what + " UNLOGGED as well";
      std::string message = "FOREIGN KEY (" + fk_columns + ") REFERENCES " + them + " fails: ";
      message += what;
      message += " is ";
      message += persistence_name(*mine);
      message += " and " + them + " (made by " +
                 context.project.source(object.created.file).display + ") is ";
      message += persistence_name(*theirs);
      message += " (\"" + error + "\")";
      out.report(range, message, help);
      return;
    }
  }
  if (mine == 't') return;
  auto keys = keys_of(context, catalog, ref, *tick);
  if (!keys) return;
  std::string shown = referenced.display();
  auto fail = [&](const std::string& what, const std::string& error, const std::string& help) {
    out.report(range,
               "FOREIGN KEY (" + fk_columns + ") REFERENCES " + shown + " fails: " + what + " (\"" +
                   error + "\")",
               help);
  };
  std::vector<std::string> pk_columns = names(constraint.list("pk_attrs"));
  if (pk_columns.empty()) {
    auto primary = std::find_if(keys->begin(), keys->end(), [](const Key& k) { return k.primary; });
    if (primary == keys->end()) {
      fail(shown + " has no primary key, and a REFERENCES without columns means its primary key",
           "there is no primary key for referenced table \"" + referenced.name + "\"",
           "name the referenced columns, REFERENCES " + shown +
               " (<columns>), which must have a unique constraint; or give " + shown +
               " a primary key first");
      return;
    }
    pk_columns = primary->columns;
  } else {
    std::vector<std::string> sorted = pk_columns;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      fail("the referenced columns name one twice",
           "foreign key referenced-columns list must not contain duplicates",
           "name each referenced column once");
      return;
    }
  }
  if (columns.size() != pk_columns.size()) {
    fail(std::to_string(columns.size()) + " referencing columns against " +
             std::to_string(pk_columns.size()) + " referenced (" +
             lint::join_strings(pk_columns, ", ") + ")",
         "number of referencing and referenced columns for foreign key disagree",
         "reference as many columns as the foreign key has, in the same order");
    return;
  }
  bool found = false;
  bool deferrable = false;
  for (const Key& key : *keys) {
    if (!same_set(key.columns, pk_columns)) continue;
    if (key.deferrable) {
      deferrable = true;
    } else {
      found = true;
    }
  }
  std::string referenced_columns = lint::join_strings(pk_columns, ", ");
  if (!found) {
    if (deferrable) {
      fail("its unique key on (" + referenced_columns + ") is DEFERRABLE",
           "cannot use a deferrable unique constraint for referenced table \"" + referenced.name +
               "\"",
           "make the key NOT DEFERRABLE (drop it and add it again), or add a unique index on (" +
               referenced_columns + ") for the foreign key");
    } else {
      fail(shown + " has no primary key, unique constraint or unique index on exactly (" +
               referenced_columns + ") (one with WHERE or expressions does not count)",
           "there is no unique constraint matching given keys for referenced table \"" +
               referenced.name + "\"",
           "add a unique constraint on " + shown + " (" + referenced_columns +
               ") first, or reference its primary key");
    }
    return;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    auto mine = referencing_type(tables, statement, table, columns[i]);
    if (!mine) continue;
    lint::ObjectId column_id = lint::find_as_written(context, statement, lint::ObjectKind::column,
                                                     ref.schema, pk_columns[i], ref.name);
    if (column_id == lint::k_no_object) continue;
    auto theirs = lint::column_type_before(context.project, catalog, column_id, *tick);
    if (!theirs) continue;
    lint::ColumnType from = lint::base_type(context, statement, *mine);
    lint::ColumnType to = lint::base_type(context, statement, *theirs);
    if (lint::key_types_match(to, from) != false) continue;
    fail("key columns " + columns[i] + " and " + pk_columns[i] + " are of incompatible types, " +
             mine->display() + " and " + theirs->display() +
             " (the equality operator of the key's index on " + theirs->display() +
             " does not accept " + mine->display() + ")",
         "foreign key constraint cannot be implemented",
         "give " + columns[i] + " the type of " + shown + "." + pk_columns[i] + " (" +
             theirs->display() + ")");
    return;
  }
}

// A foreign key of the replay, as column ids: each referencing column with the key column it
// references.
struct ForeignKey {
  lint::ObjectId constraint = lint::k_no_object;
  lint::ObjectId referenced = lint::k_no_object;  // the table
  std::vector<lint::ObjectId> columns;
  std::vector<lint::ObjectId> key_columns;
};

// The columns of a table whose name at `tick` is one of `names`, in that order; nothing when one
// is not found.
std::optional<std::vector<lint::ObjectId>> column_ids(const lint::Catalog& catalog,
                                                      const lint::ObjectRef& table, lint::Tick tick,
                                                      const std::vector<std::string>& names) {
  std::vector<lint::ObjectId> ids;
  std::vector<lint::ObjectId> all = catalog.columns(table, tick);
  for (const std::string& name : names) {
    auto found = std::find_if(all.begin(), all.end(), [&](lint::ObjectId id) {
      return catalog.object(id).ref_at(tick).name == name;
    });
    if (found == all.end()) return std::nullopt;
    ids.push_back(*found);
  }
  return ids;
}

// A foreign key constraint of the replay with its columns, read from the statement that made it
// as they were named right after it; nothing when that cannot be read.
std::optional<ForeignKey> foreign_key(const lint::FileContext& context,
                                      const lint::Catalog& catalog, lint::ObjectId id) {
  const lint::CatalogObject& object = catalog.object(id);
  if (object.contype != 'f' || object.parent == lint::k_no_object) return std::nullopt;
  ForeignKey key{id};
  for (const lint::DependencyEdge& edge : object.depends_on) {
    if (!edge.automatic && catalog.object(edge.object).kind() == lint::ObjectKind::table) {
      key.referenced = edge.object;
    }
  }
  const lint::Statement* made = lint::statement_at(context.project, object.created);
  if (key.referenced == lint::k_no_object || made == nullptr) return std::nullopt;
  Node definition;
  lint::walk(made->node, [&](const Node& node) {
    if (node.is("Constraint") && node.str("contype") == "CONSTR_FOREIGN" &&
        made->offset(node.location()) == object.created.offset) {
      definition = node;
    }
    return !definition.valid();
  });
  if (!definition.valid()) return std::nullopt;
  lint::Tick after = object.created.tick + 1;
  lint::ObjectRef table = catalog.object(object.parent).ref_at(after);
  lint::ObjectRef referenced = catalog.object(key.referenced).ref_at(after);
  auto columns =
      column_ids(catalog, table, after, columns_at(catalog, table, after, object.columns));
  std::vector<std::string> key_names = names(definition.list("pk_attrs"));
  if (key_names.empty()) {
    for (lint::ObjectId constraint : catalog.constraints(referenced, after)) {
      const lint::CatalogObject& primary = catalog.object(constraint);
      if (primary.contype == 'p')
        key_names = columns_at(catalog, referenced, after, primary.columns);
    }
  }
  auto key_columns = column_ids(catalog, referenced, after, key_names);
  if (!columns || !key_columns || columns->size() != key_columns->size()) return std::nullopt;
  key.columns = std::move(*columns);
  key.key_columns = std::move(*key_columns);
  return key;
}

// ALTER TABLE ... ALTER COLUMN ... TYPE of a column of a foreign key, on either side: PostgreSQL
// adds the foreign key again with the new type, and fails as ADD CONSTRAINT would when the key
// columns can no longer be compared.
void check_type_change(const lint::FileContext& context, const lint::Statement& statement,
                       const lint::QualifiedName& table, const Node& command, lint::TextRange range,
                       lint::Reporter& out) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return;
  const lint::Catalog& catalog = *context.project.catalog();
  std::string column = lint::truncate_identifier(command.str("name"));
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::column,
                                            table.schema, column, table.name);
  if (id == lint::k_no_object) return;
  const lint::CatalogObject& object = catalog.object(id);
  if (object.parent == lint::k_no_object) return;
  // The types this statement gives its columns, and the constraints it drops first.
  std::vector<std::pair<lint::ObjectId, lint::ColumnType>> changed;
  std::vector<std::string> dropped;
  for (Node other : statement.node.list("cmds")) {
    std::string_view subtype = other.str("subtype");
    if (subtype == "AT_DropConstraint")
      dropped.push_back(lint::truncate_identifier(other.str("name")));
    if (subtype != "AT_AlterColumnType") continue;
    lint::ObjectId changed_id =
        lint::find_as_written(context, statement, lint::ObjectKind::column, table.schema,
                              lint::truncate_identifier(other.str("name")), table.name);
    if (changed_id == lint::k_no_object) continue;
    changed.emplace_back(changed_id, lint::column_type(other.get("def").get("typeName")));
  }
  auto type_of = [&](lint::ObjectId column_id) -> std::optional<lint::ColumnType> {
    for (const auto& entry : changed) {
      if (entry.first == column_id) return entry.second;
    }
    return lint::column_type_before(context.project, catalog, column_id, *tick);
  };
  // The foreign keys of the table, and those that reference it.
  const lint::CatalogObject& owner = catalog.object(object.parent);
  std::vector<lint::ObjectId> keys = catalog.constraints(owner.ref_at(*tick), *tick);
  for (const lint::DependencyEdge& edge : owner.dependents) {
    if (!edge.automatic && edge.alive_at(*tick)) keys.push_back(edge.object);
  }
  std::vector<lint::ObjectId> seen;
  for (lint::ObjectId constraint : keys) {
    const lint::CatalogObject& fk = catalog.object(constraint);
    if (fk.kind() != lint::ObjectKind::constraint || fk.contype != 'f' || !fk.alive_at(*tick) ||
        std::find(seen.begin(), seen.end(), constraint) != seen.end()) {
      continue;
    }
    seen.push_back(constraint);
    std::string name = fk.ref_at(*tick).name;
    if (fk.parent == object.parent &&
        std::find(dropped.begin(), dropped.end(), name) != dropped.end()) {
      continue;
    }
    auto key = foreign_key(context, catalog, constraint);
    if (!key) continue;
    for (std::size_t i = 0; i < key->columns.size(); ++i) {
      if (key->columns[i] != id && key->key_columns[i] != id) continue;
      auto mine = type_of(key->columns[i]);
      auto theirs = type_of(key->key_columns[i]);
      if (!mine || !theirs) continue;
      lint::ColumnType from = lint::base_type(context, statement, *mine);
      lint::ColumnType to = lint::base_type(context, statement, *theirs);
      if (lint::key_types_match(to, from) != false) continue;
      // A key column as "table.column", its table as the replay names it then.
      auto shown = [&](lint::ObjectId column_id) {
        const lint::CatalogObject& key_column = catalog.object(column_id);
        const lint::ObjectRef& parent = catalog.object(key_column.parent).ref_at(*tick);
        std::string text = lint::QualifiedName{parent.schema, parent.name}.display();
        text += ".";
        text += key_column.ref_at(*tick).name;
        return text;
      };
      std::string referencing = shown(key->columns[i]);
      std::string referenced = shown(key->key_columns[i]);
      out.report(range,
                 "ALTER COLUMN " + column + " TYPE fails: PostgreSQL checks the foreign key " +
                     name + " again, and its key columns " + referencing + " and " + referenced +
                     " would be of incompatible types, " + mine->display() + " and " +
                     theirs->display() + " (\"foreign key constraint \"" + name +
                     "\" cannot be implemented\")",
                 "keep types PostgreSQL compares (integer with bigint, varchar with text), or "
                 "drop the foreign key " +
                     name + " first, change both columns, and add it again");
      return;
    }
  }
}

// ALTER TABLE ... ALTER CONSTRAINT c [NOT] DEFERRABLE of a constraint that is not a foreign
// key: PostgreSQL 15 changes only foreign keys that way (checked there).
void check_alter_constraint(const lint::FileContext& context, const lint::Statement& statement,
                            const lint::QualifiedName& table, std::string_view name,
                            lint::TextRange range, lint::Reporter& out) {
  if (context.pg_version() >= 18 || !lint::tick_before(context, statement)) return;
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::constraint, table.schema,
                            lint::truncate_identifier(name), lint::truncate_identifier(table.name));
  if (id == lint::k_no_object) return;
  char type = context.project.catalog()->object(id).contype;
  std::string kind = type == 'p'   ? "a primary key"
                     : type == 'u' ? "a unique constraint"
                     : type == 'c' ? "a CHECK constraint"
                     : type == 'x' ? "an exclusion constraint"
                     : type == 't' ? "a constraint trigger"
                                   : "";
  if (kind.empty()) return;
  std::string shown = lint::truncate_identifier(name);
  out.report(range,
             "ALTER CONSTRAINT " + shown + " fails: it is " + kind +
                 ", and ALTER CONSTRAINT changes only foreign keys (\"constraint \"" + shown +
                 "\" of relation \"" + table.name + "\" is not a foreign key constraint\")",
             type == 't' ? "drop the trigger and create it again with the timing it should have "
                           "(CREATE CONSTRAINT TRIGGER ... [NOT] DEFERRABLE [INITIALLY ...])"
                         : "drop the constraint and add it again with the timing it should have "
                           "(DEFERRABLE ... in ADD CONSTRAINT)");
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.direction() != lint::Direction::up) return;
  lint::TableState tables(context);
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (node.is("CreateStmt")) {
      // CREATE TABLE IF NOT EXISTS of a table that is there does nothing.
      if (node.flag("if_not_exists")) {
        lint::RelationName name = lint::relation_name(node.get("relation"));
        if (lint::find_as_written(context, *statement, lint::ObjectKind::table, name.schema,
                                  name.name) != lint::k_no_object) {
          continue;
        }
      }
      lint::QualifiedName table =
          lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      // A temporary table's foreign keys are checked for persistence alone.
      std::string_view given = node.get("relation").str("relpersistence");
      char mine = given == "t" || table.schema == "pg_temp" ? 't' : given == "u" ? 'u' : 'p';
      for (Node element : node.list("tableElts")) {
        if (element.is("ColumnDef")) {
          for (Node constraint : element.list("constraints")) {
            if (constraint.str("contype") != "CONSTR_FOREIGN") continue;
            check_foreign_key(context, tables, *statement, table, mine, constraint,
                              {lint::truncate_identifier(element.str("colname"))},
                              constraint_range(context.file, *statement, constraint), out);
          }
        } else if (element.str("contype") == "CONSTR_FOREIGN") {
          check_foreign_key(context, tables, *statement, table, mine, element,
                            names(element.list("fk_attrs")),
                            constraint_range(context.file, *statement, element), out);
        }
      }
    } else if (node.is("AlterTableStmt")) {
      lint::RelationName relation = lint::relation_name(node.get("relation"));
      lint::QualifiedName table = lint::QualifiedName::of(relation);
      std::optional<char> mine;
      lint::ObjectId altered = find_table(context, *statement, relation.schema, relation.name);
      if (auto tick = lint::tick_before(context, *statement);
          tick && altered != lint::k_no_object) {
        mine = persistence_of(context, context.project.catalog()->object(altered), *tick);
      }
      std::size_t i = 0;
      for (Node command : node.list("cmds")) {
        // The command's range reads the statement's tokens: only for the commands judged.
        auto range = [&, at = i++] {
          return lint::alter_command_range(context.file, *statement, at);
        };
        std::string_view subtype = command.str("subtype");
        Node def = command.get("def");
        if (subtype == "AT_AddConstraint" && def.str("contype") == "CONSTR_FOREIGN") {
          check_foreign_key(context, tables, *statement, table, mine, def,
                            names(def.list("fk_attrs")), range(), out);
        } else if (subtype == "AT_AlterColumnType") {
          check_type_change(context, *statement, table, command, range(), out);
        } else if (subtype == "AT_AlterConstraint") {
          check_alter_constraint(context, *statement, table, def.str("conname"), range(), out);
        } else if (subtype == "AT_AddColumn") {
          for (Node constraint : def.list("constraints")) {
            if (constraint.str("contype") != "CONSTR_FOREIGN") continue;
            check_foreign_key(context, tables, *statement, table, mine, constraint,
                              {lint::truncate_identifier(def.str("colname"))}, range(), out);
          }
        }
      }
    }
  }
}

}  // namespace

lint::Rule invalid_foreign_key() {
  return {.info = {.id = "invalid-foreign-key",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "FOREIGN KEY that PostgreSQL refuses: no unique key on the "
                              "referenced columns, a DEFERRABLE one, counts or types that differ, "
                              "tables of persistences that cannot be tied"},
          .check_file = check};
}

}  // namespace sqlgate::rules
