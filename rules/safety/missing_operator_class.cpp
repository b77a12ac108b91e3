// missing-operator-class: CREATE INDEX on a column whose type has no default operator class for
// the index's access method, with none written: GIN on text or integer, GiST on text, inet or a
// timestamp, B-tree or hash on json, xml or the geometric types. PostgreSQL refuses the index
// ("data type text has no default operator class for access method "gin"").
#include <algorithm>
#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_range(const lint::ColumnType& type) {
  return type.name.ends_with("range") || type.name.ends_with("multirange");
}

// Whether PostgreSQL 15 has a default operator class of the access method for the built-in type
// (checked there); nullopt for an access method not judged. btree_gin and btree_gist, when a
// migration installs them, give the scalar types one for GIN and GiST.
std::optional<bool> has_default(std::string_view method, const lint::ColumnType& type,
                                bool btree_gin, bool btree_gist) {
  auto no_ordering = [](std::string_view name) {
    return one_of(name,
                  {"json", "xml", "point", "box", "polygon", "circle", "line", "lseg", "path"});
  };
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
// else the statements of the files, when there is no replay.
bool installs(const lint::Project& project, std::string_view extension) {
  if (const lint::Catalog* catalog = project.catalog()) {
    lint::ObjectRef ref;
    ref.kind = lint::ObjectKind::extension;
    ref.name = std::string(extension);
    return catalog->known(ref);
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

void check(const lint::FileContext& context, lint::Reporter& out) {
  std::optional<bool> btree_gin;
  std::optional<bool> btree_gist;
  lint::TableState tables(context);
  for (const lint::Statement* statement : context.file.all_statements()) {
    const Node& node = statement->node;
    if (!node.is("IndexStmt")) continue;
    std::string method(node.has("accessMethod") ? node.str("accessMethod") : "btree");
    if (!one_of(method, {"btree", "hash", "gin", "gist"})) continue;
    lint::QualifiedName table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    for (Node param : node.list("indexParams")) {
      Node element = param.is("IndexElem") ? param : param.get("IndexElem");
      if (!element.has("name") || !element.list("opclass").empty()) continue;
      std::string column(element.str("name"));
      std::optional<lint::ColumnType> declared = tables.column_type(table, column, *statement);
      if (!declared) continue;
      // A domain's operator classes are its base type's.
      std::optional<lint::ColumnType> type = lint::base_type(context, *statement, *declared);
      if (!lint::is_builtin_type(*type)) continue;
      if ((method == "gin" || method == "gist") && !btree_gin) {
        btree_gin = installs(context.project, "btree_gin");
        btree_gist = installs(context.project, "btree_gist");
      }
      std::optional<bool> found =
          has_default(method, *type, btree_gin.value_or(false), btree_gist.value_or(false));
      if (!found || *found) continue;
      out.report(statement->range,
                 "CREATE INDEX ... USING " + method + " (" + column + ") fails: type " +
                     declared->display() + " has no default operator class for " + method +
                     " (\"data type " + declared->display() +
                     " has no default operator class for access method " + method + "\")",
                 help(method, *type, column));
      break;
    }
  }
}

}  // namespace

lint::Rule missing_operator_class() {
  return {.info = {.id = "missing-operator-class",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "CREATE INDEX on a column whose type has no default operator class "
                              "for the access method (GIN on text, B-tree on json): PostgreSQL "
                              "refuses it"},
          .check_file = check};
}

}  // namespace sqlgate::rules
