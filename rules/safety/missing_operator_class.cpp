// missing-operator-class: CREATE INDEX on a column whose type has no default operator class for
// the index's access method, with none written: GIN on text or integer, GiST on text, inet or a
// timestamp, B-tree or hash on json, xml or the geometric types. PostgreSQL refuses the index
// ("data type text has no default operator class for access method "gin""), and so the
// PRIMARY KEY, UNIQUE and EXCLUDE constraints that build one. A view's (or CREATE TABLE AS's)
// DISTINCT, DISTINCT ON, GROUP BY, UNION, INTERSECT or EXCEPT over a column of a type without
// a B-tree operator class fails too ("could not identify an equality operator for type point").
// B-tree's text_pattern_ops (and the like) under a nondeterministic collation are refused, by
// CREATE INDEX and by the rebuild an ALTER COLUMN ... TYPE ... COLLATE makes.
// An operator class written that does not take the column's type (jsonb_path_ops on json,
// text_pattern_ops on integer) is refused too ("operator class ... does not accept data type").
// CREATE STATISTICS on a column of a type without a default B-tree operator class fails ("column
// ... cannot be used in statistics because its type json has no default btree operator class").
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lint/builtins.h"
#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/operator_classes.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The built-in types with no default B-tree or hash operator class, hence no ordering and no
// equality operator either (PostgreSQL 15).
bool no_ordering(std::string_view name) {
  return one_of(name, {"json", "xml", "point", "box", "polygon", "circle", "line", "lseg", "path"});
}

// Whether PostgreSQL 15 has a default operator class of the access method for the built-in type
// (checked there); nullopt for an access method not judged. btree_gin and btree_gist, when a
// migration installs them, give the scalar types one for GIN and GiST.
std::optional<bool> has_default(std::string_view method, const lint::ColumnType& type,
                                bool btree_gin, bool btree_gist) {
  if (method == "btree" || method == "hash") {
    return !no_ordering(type.name);  // an array's operator class needs its element's
  }
  if (method == "gin") {
    if (type.array || one_of(type.name, {"jsonb", "tsvector"})) return true;
    return btree_gin && !no_ordering(type.name);
  }
  if (method == "gist") {
    if (type.array) return false;
    if (one_of(type.name, {"box", "circle", "point", "polygon", "tsvector", "tsquery"}) ||
        is_range(type)) {
      return true;
    }
    return btree_gist && !no_ordering(type.name);
  }
  return std::nullopt;
}

// Whether a migration of the set installs the extension: the catalog's answer (one lookup),
// else the statements of the files (there is no replay, or it stopped before the CREATE
// EXTENSION).
bool installs(const lint::Project& project, std::string_view extension) {
  if (const lint::Catalog* catalog = project.catalog()) {
    lint::ObjectRef ref;
    ref.kind = lint::ObjectKind::extension;
    ref.name = std::string(extension);
    if (catalog->known(ref)) return true;
  }
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::ParsedFile* file = project.parsed(i);
    if (file == nullptr) continue;
    for (const lint::Statement* statement : file->all_statements()) {
      if (statement->node.is("CreateExtensionStmt") &&
          statement->node.str("extname") == extension) {
        return true;
      }
    }
  }
  return false;
}

// What to write instead, for the access method and the type.
std::string help(std::string_view method, const lint::ColumnType& type, const std::string& column) {
  bool text = one_of(type.name, {"text", "varchar", "bpchar", "citext"});
  if ((method == "gin" || method == "gist") && text) {
    return "for LIKE and similarity searches name pg_trgm's operator class (" + column +
           (method == "gin" ? " gin_trgm_ops" : " gist_trgm_ops") +
           ", after CREATE EXTENSION IF NOT EXISTS pg_trgm); for equality a plain B-tree index "
           "serves";
  }
  if (method == "gist" && one_of(type.name, {"inet", "cidr"})) {
    return "name the operator class: USING gist (" + column + " inet_ops)";
  }
  if (method == "gin" || method == "gist") {
    return std::string("use a B-tree index, or CREATE EXTENSION IF NOT EXISTS ") +
           (method == "gin" ? "btree_gin" : "btree_gist") +
           " first when the index must combine this column with others";
  }
  if (type.name == "json") {
    return "make the column jsonb (which B-tree and GIN can index), or index an expression of it "
           "((column->>'key'))";
  }
  return "index an expression of the column that has an ordering, or use GiST";
}

// B-tree's pattern operator classes compare bytes, which PostgreSQL refuses under a
// nondeterministic collation ("nondeterministic collations are not supported for operator class
// "text_pattern_ops""); hash's classes of those names accept it. The class an index element names,
// when it is one of them.
std::string pattern_class(const Node& element) {
  lint::NodeList names = element.list("opclass");
  if (names.empty()) return {};
  std::string name(names.back().as_str());
  return one_of(name, {"text_pattern_ops", "varchar_pattern_ops", "bpchar_pattern_ops"})
             ? name
             : std::string();
}

// The column an index element keys on: its name, or the column of `(column COLLATE x)`; and the
// COLLATE it writes (of the element or of that expression), as a list of names.
struct KeyedColumn {
  std::string name;
  lint::NodeList collation;
};
std::optional<KeyedColumn> keyed_column(const Node& element) {
  if (element.has("name")) {
    return KeyedColumn{std::string(element.str("name")), element.list("collation")};
  }
  Node expression = element.get("expr");
  if (!expression.is("CollateClause") || !element.list("collation").empty()) return std::nullopt;
  Node column = expression.get("arg");
  if (!column.is("ColumnRef") || column.list("fields").size() != 1 ||
      !column.list("fields")[0].is("String")) {
    return std::nullopt;
  }
  return KeyedColumn{std::string(column.list("fields")[0].as_str()), expression.list("collname")};
}

// The built-in type (a domain's base type) of a column, and its type as declared.
struct Typed {
  lint::ColumnType declared;
  lint::ColumnType type;
};

class Checker {
 public:
  Checker(const lint::FileContext& context, lint::Reporter& out)
      : m_context(context), m_out(out), m_tables(context) {}

  void statement(const lint::Statement& statement, std::size_t at) {
    const Node& node = statement.node;
    if (node.is("IndexStmt")) {
      index(statement);
      pattern_index(statement, at);
    }
    if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TABLE") {
      pattern_retype(statement, at);
    }
    if (node.is("CreateStmt")) {
      lint::QualifiedName table =
          lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      for (Node element : node.list("tableElts")) {
        if (element.is("Constraint")) constraint(statement, table, element, "");
        if (!element.is("ColumnDef")) continue;
        for (Node inline_constraint : element.list("constraints")) {
          constraint(statement, table, inline_constraint, std::string(element.str("colname")));
        }
      }
    }
    if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TABLE") {
      lint::QualifiedName table =
          lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      for (Node command : node.list("cmds")) {
        std::string_view subtype = command.str("subtype");
        Node def = command.get("def");
        if (subtype == "AT_AddConstraint") constraint(statement, table, def, "");
        if (subtype != "AT_AddColumn") continue;
        for (Node inline_constraint : def.list("constraints")) {
          constraint(statement, table, inline_constraint, std::string(def.str("colname")));
        }
      }
    }
    if (node.is("CreateStatsStmt")) statistics(statement);
    if (node.is("ViewStmt")) {
      lint::RelationName view = lint::relation_name(node.get("view"));
      query(statement, node.get("query"), "CREATE VIEW " + lint::sql_name(view.schema, view.name));
    }
    if (node.is("CreateTableAsStmt") && node.has("query")) {
      lint::RelationName into = lint::relation_name(node.get("into").get("rel"));
      std::string what =
          node.str("objtype") == "OBJECT_MATVIEW" ? "CREATE MATERIALIZED VIEW " : "CREATE TABLE ";
      what += lint::sql_name(into.schema, into.name);
      query(statement, node.get("query"), what);
    }
  }

 private:
  // The type of a column of `table` before the statement, or as the statement itself defines it
  // (CREATE TABLE, ADD COLUMN); nothing when not known or not built in.
  std::optional<Typed> column(const lint::Statement& statement, const lint::QualifiedName& table,
                              const std::string& name) {
    std::optional<lint::ColumnType> declared;
    Node defined = lint::column_definition(statement, lint::truncate_identifier(name));
    if (defined.valid()) {
      declared = lint::defined_type(defined);
    } else {
      declared = m_tables.column_type(table, name, statement);
    }
    if (!declared) return std::nullopt;
    // A domain's operator classes are its base type's.
    lint::ColumnType type = lint::base_type(m_context, statement, *declared);
    if (!lint::is_builtin_type(type)) return std::nullopt;
    return Typed{*declared, type};
  }

  bool has(std::string_view method, const lint::ColumnType& type) {
    if ((method == "gin" || method == "gist") && !m_btree_gin) {
      m_btree_gin = installs(m_context.project, "btree_gin");
      m_btree_gist = installs(m_context.project, "btree_gist");
    }
    return has_default(method, type, m_btree_gin.value_or(false), m_btree_gist.value_or(false))
        .value_or(true);
  }

  // An index element's operator class, written without a schema, that only a contrib extension
  // has for the access method (pg_trgm's gin_trgm_ops, btree_gin's int4_ops for GIN), where no
  // migration creates that extension or an operator class of that name: PostgreSQL refuses the
  // index (`operator class "gin_trgm_ops" does not exist for access method "gin"`) unless the
  // extension was installed outside the migrations, hence a warning.
  void extension_class(const lint::Statement& statement, const std::string& method) {
    for (Node param : statement.node.list("indexParams")) {
      Node element = param.is("IndexElem") ? param : param.get("IndexElem");
      lint::NodeList names = element.list("opclass");
      if (names.size() != 1) continue;
      std::string name(names.front().as_str());
      std::string_view extension =
          lint::extension_member(lint::ObjectKind::operator_class, name, method);
      if (extension.empty() || installs(m_context.project, extension) ||
          makes_operator_class(m_context.project, name)) {
        continue;
      }
      std::string shown = element.has("name") ? std::string(element.str("name")) : "...";
      shown += ' ';
      shown += name;
      m_out
          .report(statement.range,
                  "CREATE INDEX ... USING " + method + " (" + shown + ") fails unless extension " +
                      std::string(extension) +
                      " is installed: no migration creates it, and pg_catalog has no " + name +
                      " (\"operator class \"" + name + "\" does not exist for access method \"" +
                      method + "\"\")",
                  "run CREATE EXTENSION IF NOT EXISTS " + std::string(extension) +
                      " in a migration before this one")
          .at_most(lint::Severity::warning);
      return;
    }
  }

  // CREATE STATISTICS on a column of a type without a default B-tree operator class: PostgreSQL
  // keeps statistics only of values it can sort, and checks each column as it reads it.
  void statistics(const lint::Statement& statement) {
    const Node& node = statement.node;
    lint::NodeList relations = node.list("relations");
    if (relations.size() != 1 || !relations[0].is("RangeVar")) return;
    lint::QualifiedName table = lint::QualifiedName::of(lint::relation_name(relations[0]));
    for (Node element : node.list("exprs")) {
      if (!element.has("name")) continue;
      std::string name(element.str("name"));
      std::optional<Typed> typed = column(statement, table, name);
      if (!typed || has("btree", typed->type)) continue;
      std::string type = sql_type_name(typed->declared);
      std::string what = "CREATE STATISTICS";
      if (lint::NodeList names = node.list("defnames"); !names.empty()) {
        what += " " + lint::QualifiedName::of(names).display();
      }
      std::string column = lint::truncate_identifier(name);
      m_out.report(statement.range,
                   what + " fails: column " + column + " is " + type +
                       ", which has no default B-tree operator class (no ordering), and "
                       "PostgreSQL keeps statistics only of what it can sort (\"column \"" +
                       column + "\" cannot be used in statistics because its type " + type +
                       " has no default btree operator class\")",
                   typed->type.name == "json"
                       ? "leave " + column + " out, or make it jsonb (which has one)"
                       : "leave " + column + " out of the statistics");
      return;
    }
  }

  void index(const lint::Statement& statement) {
    const Node& node = statement.node;
    std::string method(node.has("accessMethod") ? node.str("accessMethod") : "btree");
    if (!one_of(method, {"btree", "hash", "gin", "gist", "spgist", "brin"})) return;
    lint::QualifiedName table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    for (Node param : node.list("indexParams")) {
      Node element = param.is("IndexElem") ? param : param.get("IndexElem");
      if (!element.has("name")) continue;
      std::string name(element.str("name"));
      std::optional<lint::ColumnType> declared = m_tables.column_type(table, name, statement);
      if (!declared) continue;
      lint::ColumnType type = lint::base_type(m_context, statement, *declared);
      if (!lint::is_builtin_type(type)) continue;
      if (!element.list("opclass").empty()) {
        if (named_class(statement, method, element, *declared, type)) return;
        continue;
      }
      if (has(method, type)) continue;
      if (type.array && (method == "btree" || method == "hash")) {
        array_of_unordered(statement, "CREATE INDEX ... USING " + method + " (" + name + ")",
                           method, *declared, type, name);
        return;
      }
      m_out.report(statement.range,
                   "CREATE INDEX ... USING " + method + " (" + name + ") fails: type " +
                       declared->display() + " has no default operator class for " + method +
                       " (\"data type " + declared->display() +
                       " has no default operator class for access method " + method + "\")",
                   help(method, type, name));
      return;
    }
    // Nothing else reported: an operator class only an extension has.
    extension_class(statement, method);
  }

  // An index element's operator class, written, that does not take the column's type: jsonb_ops
  // or jsonb_path_ops on json, text_pattern_ops on integer, int4_ops on bigint, pg_trgm's classes
  // on anything but text and varchar. PostgreSQL refuses the index ("operator class
  // "jsonb_path_ops" does not accept data type json"). Only PostgreSQL's own classes (and
  // pg_trgm's) are judged, by name, unless a migration makes one of that name. Whether reported.
  bool named_class(const lint::Statement& statement, const std::string& method, const Node& element,
                   const lint::ColumnType& declared, const lint::ColumnType& type) {
    lint::NodeList names = element.list("opclass");
    if (names.size() > 2 || (names.size() == 2 && names[0].as_str() != "pg_catalog")) {
      return false;
    }
    std::string name(names.back().as_str());
    const OperatorClass* known = operator_class(method, name);
    if (known == nullptr || accepts(known->input, type) ||
        makes_operator_class(m_context.project, name)) {
      return false;
    }
    std::string column(element.str("name"));
    std::string written = names.size() == 2 ? "pg_catalog." + name : name;
    std::string input(known->input);
    lint::ColumnType taken;
    taken.name = input;
    std::string takes = input.starts_with("any") ? input.substr(3) : sql_type_name(taken);
    std::string help;
    if (input == "jsonb" && type.name == "json") {
      help = "make the column jsonb (ALTER COLUMN " + column + " TYPE jsonb USING " + column +
             "::jsonb), or index the expression ((" + column + "::jsonb) " + name + ")";
    } else if (input.starts_with("any")) {
      help = "name an operator class for " + declared.display() + ", or none (its default one)";
    } else {
      help = "name an operator class for " + declared.display() +
             ", or none (its default one); or index the expression ((" + column +
             "::" + taken.display() + ") " + name + ")";
    }
    m_out.report(statement.range,
                 "CREATE INDEX ... USING " + method + " (" + column + " " + name +
                     ") fails: operator class " + name + " takes " + takes + ", and column " +
                     column + " is " + declared.display() + " (\"operator class \"" + written +
                     "\" does not accept data type " + sql_type_name(declared) + "\")",
                 help);
    return true;
  }

  // The tick of a statement of an up in the replay; nullopt without one. (A down is replayed
  // against the state its up left, which its own ALTER COLUMN statements do not change.)
  std::optional<lint::Tick> tick_of(std::size_t at) const {
    const lint::Catalog* catalog = m_context.project.catalog();
    if (catalog == nullptr || m_context.direction() != lint::Direction::up ||
        !catalog->replay(m_context.index).replayed) {
      return std::nullopt;
    }
    auto steps = catalog->steps_at(m_context.index, at);
    if (steps.empty()) return std::nullopt;
    return steps.front().tick;
  }

  // The collation a COLLATE of a statement (of the file `file`) names, when the migrations made
  // it.
  lint::ObjectId collation_named(std::size_t file, std::size_t at,
                                 const lint::NodeList& names) const {
    std::vector<std::string_view> parts = lint::string_list(names);
    if (parts.empty() || parts.size() > 2) return lint::k_no_object;
    return lint::find_as_written(*m_context.project.catalog(), file, at,
                                 lint::ObjectKind::collation,
                                 parts.size() == 2 ? parts[0] : std::string_view(), parts.back());
  }

  // Whether a collation the migrations made is nondeterministic (CREATE COLLATION ...
  // deterministic = false).
  bool nondeterministic(lint::ObjectId id) const {
    if (id == lint::k_no_object) return false;
    const lint::CatalogObject& collation = m_context.project.catalog()->object(id);
    if (collation.kind() != lint::ObjectKind::collation) return false;
    const lint::Statement* created = lint::statement_at(m_context.project, collation.created);
    return created != nullptr && created->node.is("DefineStmt") &&
           lint::collation_definition(created->node)["deterministic"] == "false";
  }

  // The collation (one the migrations made) a column has at a tick.
  lint::ObjectId column_collation(lint::ObjectId column, lint::Tick at) const {
    const lint::Catalog& catalog = *m_context.project.catalog();
    for (const auto& edge : catalog.object(column).depends_on) {
      if (catalog.object(edge.object).kind() == lint::ObjectKind::collation && edge.alive_at(at)) {
        return edge.object;
      }
    }
    return lint::k_no_object;
  }

  void report_pattern(const lint::Statement& statement, const std::string& what,
                      const std::string& opclass, lint::ObjectId collation, std::string help) {
    std::string name = m_context.project.catalog()->object(collation).ref().name;
    m_out.report(statement.range,
                 what + " fails: " + opclass + " compares bytes, and PostgreSQL refuses it under " +
                     "the nondeterministic collation " + name +
                     " (\"nondeterministic collations are not supported for operator class \"" +
                     opclass + "\"\")",
                 std::move(help));
  }

  // CREATE INDEX ... (column text_pattern_ops) on a column of a nondeterministic collation the
  // migrations made (or with COLLATE naming one).
  void pattern_index(const lint::Statement& statement, std::size_t at) {
    const Node& node = statement.node;
    if (node.has("accessMethod") && node.str("accessMethod") != "btree") return;
    std::optional<lint::Tick> tick = tick_of(at);
    if (!tick) return;
    lint::RelationName table = lint::relation_name(node.get("relation"));
    for (Node param : node.list("indexParams")) {
      Node element = param.is("IndexElem") ? param : param.get("IndexElem");
      std::string opclass = pattern_class(element);
      std::optional<KeyedColumn> keyed = keyed_column(element);
      if (opclass.empty() || !keyed) continue;
      lint::ObjectId collation = lint::k_no_object;
      if (!keyed->collation.empty()) {
        collation = collation_named(m_context.index, at, keyed->collation);
      } else {
        lint::ObjectId column =
            lint::find_as_written(*m_context.project.catalog(), m_context.index, at,
                                  lint::ObjectKind::column, table.schema, keyed->name, table.name);
        if (column != lint::k_no_object) collation = column_collation(column, *tick);
      }
      if (!nondeterministic(collation)) continue;
      report_pattern(statement, "CREATE INDEX ... (" + keyed->name + " " + opclass + ")", opclass,
                     collation,
                     "key it under a deterministic collation: ((" + keyed->name +
                         " COLLATE \"C\") " + opclass + "), which LIKE 'abc%' COLLATE \"C\" uses");
      return;
    }
  }

  // ALTER COLUMN ... TYPE ... COLLATE of a nondeterministic collation while an index keys the
  // column with a pattern operator class: PostgreSQL rebuilds the index under the new collation,
  // and the rebuild fails. A COLLATE the index element wrote is kept, unless it was the column's
  // own when the index was made (PostgreSQL then keeps none).
  void pattern_retype(const lint::Statement& statement, std::size_t at) {
    std::optional<lint::Tick> tick = tick_of(at);
    if (!tick) return;
    const lint::Catalog& catalog = *m_context.project.catalog();
    lint::RelationName table = lint::relation_name(statement.node.get("relation"));
    for (Node command : statement.node.list("cmds")) {
      if (command.str("subtype") != "AT_AlterColumnType") continue;
      lint::ObjectId collation = collation_named(
          m_context.index, at, command.get("def").get("collClause").list("collname"));
      if (!nondeterministic(collation)) continue;
      std::string name = lint::truncate_identifier(command.str("name"));
      lint::ObjectId column = lint::find_as_written(
          catalog, m_context.index, at, lint::ObjectKind::column, table.schema, name, table.name);
      if (column == lint::k_no_object || catalog.object(column).parent == lint::k_no_object) {
        continue;
      }
      for (const auto& edge : catalog.object(catalog.object(column).parent).dependents) {
        const lint::CatalogObject& index = catalog.object(edge.object);
        if (index.kind() != lint::ObjectKind::index || !index.alive_at(*tick)) continue;
        const lint::Statement* created = lint::statement_at(m_context.project, index.created);
        if (created == nullptr || !created->node.is("IndexStmt") ||
            (created->node.has("accessMethod") && created->node.str("accessMethod") != "btree")) {
          continue;
        }
        for (Node param : created->node.list("indexParams")) {
          Node element = param.is("IndexElem") ? param : param.get("IndexElem");
          std::string opclass = pattern_class(element);
          std::optional<KeyedColumn> keyed = keyed_column(element);
          if (opclass.empty() || !keyed || lint::truncate_identifier(keyed->name) != name) continue;
          if (!keyed->collation.empty()) {
            lint::ObjectId own =
                collation_named(index.created.file, index.created.statement, keyed->collation);
            if (own == lint::k_no_object || own != column_collation(column, index.created.tick)) {
              continue;
            }
          }
          report_pattern(statement,
                         "ALTER COLUMN " + name + " TYPE ... COLLATE " +
                             catalog.object(collation).ref().name + " rebuilds index " +
                             index.ref_at(*tick).name + " (" + name + " " + opclass + "), which",
                         opclass, collation,
                         "drop index " + index.ref_at(*tick).name +
                             " before this statement, and make it again after it keyed ((" + name +
                             " COLLATE \"C\") " + opclass + ")");
          return;
        }
      }
    }
  }

  // A B-tree or hash index on an array of a type without comparison (or hashing): PostgreSQL
  // accepts it (anyarray's operator class), and then compares or hashes the elements of each
  // value it holds. A hash index fails on the first row, a B-tree one on the second: the build
  // when the table has them, else the INSERT (checked on PostgreSQL 15).
  void array_of_unordered(const lint::Statement& statement, const std::string& what,
                          std::string_view method, const lint::ColumnType& declared,
                          const lint::ColumnType& type, const std::string& column) {
    lint::ColumnType element = type;
    element.array = false;
    bool hash = method == "hash";
    std::string element_name = element.display();
    std::string help = type.name == "json"
                           ? "make the column jsonb[] (jsonb has equality, ordering and hashing)"
                           : "leave the column out of the index (or key), or index an expression "
                             "of a type that has equality ((" +
                                 column + "::text))";
    m_out.report(statement.range,
                 what + " on type " + declared.display() + " is accepted, but " +
                     (hash ? "hashing" : "comparing") + " its values fails: type " + element_name +
                     " has no " + (hash ? "hash" : "comparison") +
                     " function, so from the table's " + (hash ? "first" : "second") +
                     " row on, the index build or the INSERT fails (\"could not "
                     "identify a " +
                     (hash ? "hash" : "comparison") + " function for type " + element_name + "\")",
                 help);
  }

  // A PRIMARY KEY, UNIQUE or EXCLUDE constraint builds an index: B-tree for the first two.
  void constraint(const lint::Statement& statement, const lint::QualifiedName& table,
                  const Node& constraint, const std::string& inline_column) {
    if (!constraint.is("Constraint") || constraint.has("indexname")) return;
    std::string_view contype = constraint.str("contype");
    std::string kind;
    std::string method = "btree";
    std::vector<std::string> columns;
    if (contype == "CONSTR_PRIMARY" || contype == "CONSTR_UNIQUE") {
      kind = contype == "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
      for (Node key : constraint.list("keys")) columns.emplace_back(key.as_str());
      if (columns.empty() && !inline_column.empty()) columns.push_back(inline_column);
    } else if (contype == "CONSTR_EXCLUSION") {
      kind = "EXCLUDE";
      if (constraint.has("access_method")) method = constraint.str("access_method");
      if (!one_of(method, {"btree", "hash", "gin", "gist"})) return;
      for (const lint::ExclusionElement& pair : lint::exclusion_elements(constraint)) {
        Node element = pair.element;
        if (!element.is("IndexElem") || !element.has("name") || !element.list("opclass").empty()) {
          continue;
        }
        columns.emplace_back(element.str("name"));
      }
    } else {
      return;
    }
    for (const std::string& name : columns) {
      std::optional<Typed> typed = column(statement, table, name);
      if (!typed || has(method, typed->type)) continue;
      std::string shown = typed->declared.display();
      std::string what = kind;
      if (kind == "EXCLUDE" && method != "btree") what += " USING " + method;
      what += " (" + name + ")";
      if (typed->type.array && (method == "btree" || method == "hash")) {
        array_of_unordered(statement, what + " of " + table.display(), method, typed->declared,
                           typed->type, name);
        return;
      }
      std::string help;
      if (typed->type.name == "json") {
        help = "make the column jsonb, which has equality and a B-tree operator class";
      } else if (method != "gist" && has("gist", typed->type)) {
        help = "to keep equal values out use EXCLUDE USING gist (" + name +
               " WITH ~=), which GiST's operator class for " + typed->type.display() + " has";
      } else {
        help =
            "key the constraint on a column whose type has equality, or make it a unique index "
            "on an expression that has (CREATE UNIQUE INDEX ... ((" +
            name + "::text)))";
      }
      m_out.report(statement.range,
                   what + " of " + table.display() + " fails: type " + shown +
                       " has no default operator class for " + method +
                       ", which the constraint's index needs (\"data type " + shown +
                       " has no default operator class for access method \"" + method + "\"\")",
                   help);
      return;
    }
  }

  // The tables a SELECT reads, by the name (or alias) it can qualify their columns with;
  // `opaque` when it reads something else too (a subquery, a function, a WITH query), whose
  // columns an unqualified name may be.
  struct Scope {
    std::vector<std::pair<std::string, lint::QualifiedName>> tables;
    bool opaque = false;
  };

  void from_item(const Node& item, const std::vector<std::string>& with_names, Scope& scope) {
    if (item.is("JoinExpr")) {
      from_item(item.get("larg"), with_names, scope);
      from_item(item.get("rarg"), with_names, scope);
      return;
    }
    if (!item.is("RangeVar")) {
      scope.opaque = true;
      return;
    }
    lint::RelationName relation = lint::relation_name(item);
    std::string name = lint::truncate_identifier(relation.name);
    if (relation.schema.empty() &&
        std::find(with_names.begin(), with_names.end(), name) != with_names.end()) {
      scope.opaque = true;
      return;
    }
    std::string alias =
        item.has("alias") ? lint::truncate_identifier(item.get("alias").str("aliasname")) : name;
    scope.tables.emplace_back(alias, lint::QualifiedName::of(relation));
  }

  // The table and type of a plain column reference; nothing for anything else, an ambiguous or
  // unknown column.
  std::optional<std::pair<lint::QualifiedName, Typed>> resolve(const lint::Statement& statement,
                                                               const Scope& scope,
                                                               const Node& expression) {
    if (!expression.is("ColumnRef")) return std::nullopt;
    lint::NodeList fields = expression.list("fields");
    for (Node field : fields) {
      if (!field.is("String")) return std::nullopt;
    }
    std::optional<std::pair<lint::QualifiedName, Typed>> found;
    if (fields.size() == 1 && !scope.opaque) {
      std::string name(fields[0].as_str());
      for (const auto& entry : scope.tables) {
        std::optional<Typed> typed = column(statement, entry.second, name);
        if (!typed) continue;
        if (found) return std::nullopt;
        found.emplace(entry.second, *typed);
      }
    } else if (fields.size() == 2) {
      std::string table = lint::truncate_identifier(fields[0].as_str());
      std::string name(fields[1].as_str());
      for (const auto& entry : scope.tables) {
        if (entry.first != table) continue;
        std::optional<Typed> typed = column(statement, entry.second, name);
        if (typed) found.emplace(entry.second, *typed);
      }
    }
    return found;
  }

  // A view's (or CREATE TABLE AS's) query: DISTINCT, DISTINCT ON, GROUP BY, UNION (not ALL),
  // INTERSECT and EXCEPT compare values with the type's equality operator, which json, xml and
  // the geometric types (and arrays of them) have not.
  // The SELECTs of a query (its WITH queries, both sides of a set operation, subqueries in FROM),
  // each with the set operation that compares its rows (UNION, INTERSECT, EXCEPT), if any.
  void selects_of(const Node& select, std::string_view compared,
                  std::vector<std::string>& with_names,
                  std::vector<std::pair<Node, std::string_view>>& selects) {
    // The sides of a set operation are SelectStmts without the node's name.
    if (!select.valid() || (!select.is("SelectStmt") && !select.kind().empty())) return;
    for (Node cte : select.get("withClause").list("ctes")) {
      with_names.push_back(lint::truncate_identifier(cte.str("ctename")));
      if (cte.get("ctequery").is("SelectStmt")) {
        selects_of(cte.get("ctequery"), "", with_names, selects);
      }
    }
    if (select.has("larg")) {
      std::string_view op = select.str("op");
      std::string_view compares = compared;
      if (compares.empty() && op == "SETOP_INTERSECT") compares = "INTERSECT";
      if (compares.empty() && op == "SETOP_EXCEPT") compares = "EXCEPT";
      if (compares.empty() && op == "SETOP_UNION" && !select.flag("all")) compares = "UNION";
      selects_of(select.get("larg"), compares, with_names, selects);
      selects_of(select.get("rarg"), compares, with_names, selects);
      return;
    }
    selects.emplace_back(select, compared);
    lint::walk(select.get("fromClause"), [&](const Node& node) {
      if (!node.is("RangeSubselect")) return true;
      selects_of(node.get("subquery"), "", with_names, selects);
      return false;
    });
  }

  void query(const lint::Statement& statement, const Node& root, const std::string& what) {
    std::vector<std::string> with_names;
    std::vector<std::pair<Node, std::string_view>> selects;
    selects_of(root, "", with_names, selects);
    for (const auto& entry : selects) {
      const Node& select = entry.first;
      if (select.has("op") && select.str("op") != "SETOP_NONE") continue;
      Scope scope;
      for (Node item : select.list("fromClause")) from_item(item, with_names, scope);
      std::vector<std::pair<std::string, Node>> uses;  // what compares, the expression
      auto targets = [&](const std::string& clause) {
        for (Node target : select.list("targetList")) uses.emplace_back(clause, target.get("val"));
      };
      lint::NodeList distinct = select.list("distinctClause");
      // SELECT DISTINCT has one empty item; DISTINCT ON (...) its expressions.
      if (!distinct.empty() && distinct.front().kind().empty()) {
        targets("DISTINCT");
      } else {
        // DISTINCT ON (name) is the output column of that name first, as ORDER BY is.
        for (Node on : distinct) {
          lint::NodeList fields = on.list("fields");
          bool output = false;
          for (Node target : select.list("targetList")) {
            output = output || (on.is("ColumnRef") && fields.size() == 1 && target.has("name") &&
                                target.str("name") == fields[0].as_str());
          }
          if (!output) uses.emplace_back("DISTINCT ON", on);
        }
      }
      for (Node group : select.list("groupClause")) uses.emplace_back("GROUP BY", group);
      if (!entry.second.empty()) targets(std::string(entry.second));
      for (const auto& use : uses) {
        auto resolved = resolve(statement, scope, use.second);
        if (!resolved) continue;
        const Typed& typed = resolved->second;
        if (!no_ordering(typed.type.name)) continue;
        std::string column(use.second.list("fields").back().as_str());
        // PostgreSQL names the base type of a domain here.
        std::string shown = typed.type.display();
        m_out.report(statement.range,
                     what + " fails: its " + use.first + " compares column " + column + " of " +
                         resolved->first.display() + ", of type " + shown +
                         ", which has no equality operator (\"could not identify an equality "
                         "operator for type " +
                         shown + "\")",
                     typed.type.name == "json"
                         ? "make the column jsonb, or compare " + column +
                               "::jsonb; UNION ALL compares nothing"
                         : "compare a rendering that has equality (" + column +
                               "::text), or leave the column out of the comparison; UNION ALL "
                               "compares nothing");
        return;
      }
    }
  }

  const lint::FileContext& m_context;
  lint::Reporter& m_out;
  lint::TableState m_tables;
  std::optional<bool> m_btree_gin;
  std::optional<bool> m_btree_gist;
};

void check(const lint::FileContext& context, lint::Reporter& out) {
  Checker checker(context, out);
  const auto& statements = context.file.all_statements();
  for (std::size_t s = 0; s < statements.size(); ++s) checker.statement(*statements[s], s);
}

}  // namespace

lint::Rule missing_operator_class() {
  return {.info = {.id = "missing-operator-class",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "CREATE INDEX, PRIMARY KEY, UNIQUE or EXCLUDE on a column whose "
                              "type has no default operator class for the access method (GIN on "
                              "text, B-tree on json or point), CREATE STATISTICS on one without "
                              "a B-tree class, a view's DISTINCT, GROUP BY or UNION over one "
                              "without equality: PostgreSQL refuses it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
