#include "lint/table_state.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <unordered_map>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/objects.h"

namespace sqlgate::lint {

namespace {

// The columns a CHECK expression proves NOT NULL: `c IS NOT NULL`, NOT (c IS NULL), and those
// terms ANDed with anything.
void not_null_columns(const Node& expression, std::vector<std::string>& out) {
  auto column_of = [&](const Node& test) {
    Node column = test.get("arg");
    if (column.is("ColumnRef")) out.emplace_back(column.list("fields").back().as_str());
  };
  if (expression.is("BoolExpr")) {
    std::string_view op = expression.str("boolop");
    NodeList args = expression.list("args");
    if (op == "AND_EXPR") {
      for (Node arg : args) not_null_columns(arg, out);
    } else if (op == "NOT_EXPR" && args.size() == 1 && args.front().is("NullTest") &&
               args.front().str("nulltesttype") == "IS_NULL") {
      column_of(args.front());
    }
  } else if (expression.is("NullTest") && expression.str("nulltesttype") == "IS_NOT_NULL") {
    column_of(expression);
  }
}

// ADD CONSTRAINT ... USING INDEX takes a unique b-tree index on plain columns in default order,
// without a WHERE clause.
bool adoptable(const Node& index) {
  if (!index.flag("unique") || index.has("whereClause") || index.flag("nulls_not_distinct")) {
    return false;
  }
  std::string_view method = index.str("accessMethod");
  if (!method.empty() && method != "btree") return false;
  NodeList params = index.list("indexParams");
  if (params.empty()) return false;
  for (Node param : params) {
    if (param.has("expr") || !param.has("name") || param.has("opclass") || param.has("collation")) {
      return false;
    }
    if (param.str("ordering") != "SORTBY_DEFAULT" ||
        param.str("nulls_ordering") != "SORTBY_NULLS_DEFAULT") {
      return false;
    }
  }
  return true;
}

struct Column {
  std::string name;
  Node definition;               // the ColumnDef that gave its type, when known; read when asked
  bool added = false;            // in this migration
  std::optional<bool> not_null;  // when this file says
};

struct Check {
  std::string name;
  std::vector<std::string> not_null;
  bool valid = false;
};

struct Table {
  QualifiedName name;
  const Statement* created_by = nullptr;  // null: existed before the migration
  std::vector<Column> columns;
  std::vector<Check> checks;
  std::vector<std::string> dropped_constraints;  // by this file, whoever made them

  Column* column(std::string_view column_name) {
    for (auto& column : columns) {
      if (column.name == column_name) return &column;
    }
    return nullptr;
  }
};

struct Index {
  QualifiedName name;
  QualifiedName table;
  bool adoptable = false;
  std::vector<std::string> columns;
  const Statement* created_by = nullptr;
};

struct Domain {
  QualifiedName name;
  bool constrained = false;
};

// Objects by bare name, each kept with its schema as written.
template <typename T>
class ByName {
 public:
  T* find(const QualifiedName& name) {
    auto bucket = m_map.find(name.name);
    if (bucket == m_map.end()) return nullptr;
    T* loose = nullptr;
    for (auto& item : bucket->second) {
      if (item.name.schema == name.schema) return &item;
      if (!loose && item.name.matches(name)) loose = &item;
    }
    return loose;
  }
  T& get(const QualifiedName& name) {
    if (T* found = find(name)) return *found;
    auto& bucket = m_map[name.name];
    bucket.push_back(T{});
    bucket.back().name = name;
    return bucket.back();
  }
  void erase(const QualifiedName& name) {
    auto bucket = m_map.find(name.name);
    if (bucket == m_map.end()) return;
    T* found = find(name);
    if (found == nullptr) return;
    bucket->second.erase(bucket->second.begin() + (found - bucket->second.data()));
  }
  // Moves an object to a new bare name in the same schema.
  void rename(const QualifiedName& from, const std::string& to) {
    T* found = find(from);
    if (found == nullptr) return;
    T moved = std::move(*found);
    erase(from);
    moved.name.name = to;
    m_map[to].push_back(std::move(moved));
  }
  template <typename Visit>
  void each(Visit&& visit) {
    for (auto& [key, bucket] : m_map) {
      for (auto& item : bucket) visit(item);
    }
  }
  void clear() { m_map.clear(); }

 private:
  std::unordered_map<std::string, std::vector<T>> m_map;
};

// ---- what the catalog knows from the migrations before this one

// A column as the catalog knows it at one statement: the statement's own step names it, so its
// schema is the one the search path gave and renames before it are followed.
struct CatalogColumn {
  const Catalog* catalog = nullptr;
  ObjectId id = k_no_object;
  Tick tick = 0;  // the state just before the statement
};

std::optional<CatalogColumn> catalog_column(const FileContext& context, std::size_t ordinal,
                                            const QualifiedName& table, std::string_view column) {
  const Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return std::nullopt;
  std::string table_name = truncate_identifier(table.name);
  std::string column_name = truncate_identifier(column);
  for (const CatalogStep* step : catalog->steps_of(context.index, ordinal)) {
    const ObjectRef& ref = step->effect.object;
    if (ref.kind != ObjectKind::column || ref.name != column_name || ref.parent != table_name) {
      continue;
    }
    if (!table.schema.empty() && ref.schema != truncate_identifier(table.schema)) continue;
    if (step->object == k_no_object) return std::nullopt;
    return CatalogColumn{catalog, step->object, step->tick};
  }
  // A statement that names the column without a step of it (CREATE INDEX, a view's query): the
  // column as the catalog has it before the statement.
  ObjectId id = find_as_written(*catalog, context.index, ordinal, ObjectKind::column, table.schema,
                                column, table.name);
  if (id == k_no_object) return std::nullopt;
  return CatalogColumn{catalog, id, catalog->before_statement(context.index, ordinal)};
}

// A column of a view or materialized view a statement names, as the catalog has the view
// before the statement (view_column_type()).
std::optional<ColumnType> catalog_view_column(const FileContext& context, std::size_t ordinal,
                                              const QualifiedName& view, std::string_view column) {
  const Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return std::nullopt;
  // The relation the name finds, of whatever kind: a table of that name hides a view.
  ObjectId id =
      find_as_written(*catalog, context.index, ordinal, ObjectKind::table, view.schema, view.name);
  if (id == k_no_object) return std::nullopt;
  return view_column_type(context.project, *catalog, id, column,
                          catalog->before_statement(context.index, ordinal));
}

// The commands of an ALTER TABLE of that subtype naming `name`.
template <typename Visit>
void each_command(const Statement& statement, std::string_view subtype, const std::string& name,
                  Visit&& visit) {
  if (statement.kind() != "AlterTableStmt") return;
  for (Node cmd : statement.node.list("cmds")) {
    if (cmd.str("subtype") == subtype && truncate_identifier(cmd.str("name")) == name) visit(cmd);
  }
}

}  // namespace

std::optional<ColumnType> defined_type(const Node& column_def) {
  Node type_name = column_def.get("typeName");
  if (!type_name.valid()) return std::nullopt;
  ColumnType type = column_type(type_name);
  if (std::string_view integer = serial_integer(type); !integer.empty()) {
    type.name = std::string(integer);
  }
  return type;
}

std::optional<QualifiedName> defined_collation(const Node& column_def) {
  if (NodeList names = column_def.get("collClause").list("collname"); !names.empty()) {
    QualifiedName collation = QualifiedName::of(names);
    if (collation.schema == "pg_catalog") collation.schema.clear();
    return collation;
  }
  std::optional<ColumnType> type = defined_type(column_def);
  return type ? default_collation(*type) : std::nullopt;
}

Node type_definition_set_by(const Statement& statement, const std::string& column) {
  Node definition;
  each_command(statement, "AT_AlterColumnType", column,
               [&](const Node& cmd) { definition = cmd.get("def"); });
  return definition;
}

std::optional<ColumnType> type_set_by(const Statement& statement, const std::string& column) {
  Node definition = type_definition_set_by(statement, column);
  if (!definition.valid()) return std::nullopt;
  return column_type(definition.get("typeName"));
}

std::optional<QualifiedName> collation_set_by(const Statement& statement,
                                              const std::string& column) {
  Node definition = type_definition_set_by(statement, column);
  return definition.valid() ? defined_collation(definition) : std::nullopt;
}

Node type_definition_before(const Project& project, const Catalog& catalog, ObjectId id,
                            Tick tick) {
  const CatalogObject& object = catalog.object(id);
  for (auto it = object.changed.rbegin(); it != object.changed.rend(); ++it) {
    if (it->tick >= tick) continue;
    const Statement* statement = statement_at(project, *it);
    if (statement == nullptr) continue;
    Node definition = type_definition_set_by(*statement, object.ref_at(it->tick).name);
    if (definition.valid()) return definition;
  }
  return column_definition(project, catalog, id);
}

std::optional<ColumnType> column_type_before(const Project& project, const Catalog& catalog,
                                             ObjectId id, Tick tick) {
  Node definition = type_definition_before(project, catalog, id, tick);
  return definition.valid() ? defined_type(definition) : std::nullopt;
}

std::optional<QualifiedName> column_collation_before(const Project& project, const Catalog& catalog,
                                                     ObjectId id, Tick tick) {
  Node definition = type_definition_before(project, catalog, id, tick);
  return definition.valid() ? defined_collation(definition) : std::nullopt;
}

std::optional<ColumnType> selected_column_type(const Project& project, const Catalog& catalog,
                                               const Node& query, const Node& column_ref,
                                               const Origin& origin) {
  NodeList fields = column_ref.list("fields");
  if (!column_ref.is("ColumnRef") || fields.empty() || fields.size() > 2) return std::nullopt;
  for (Node field : fields) {
    if (!field.is("String")) return std::nullopt;  // `*`
  }
  std::string column = truncate_identifier(fields.back().as_str());
  std::string qualifier = fields.size() == 2 ? truncate_identifier(fields.front().as_str()) : "";
  // Names written without a schema were looked up along the statement's search path.
  std::shared_ptr<const std::vector<std::string>> path;
  for (const CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
    path = step.effect.search_path;
    break;
  }
  std::vector<std::string> ctes;
  for (Node cte : query.get("withClause").list("ctes")) {
    ctes.push_back(truncate_identifier(cte.str("ctename")));
  }
  // The items of the FROM list: the name each is referred to by, and its table (k_no_object for
  // a subquery, a function, a WITH query, a view, a join with an alias).
  std::vector<std::pair<std::string, ObjectId>> sources;
  std::function<void(const Node&)> add = [&](const Node& item) {
    if (item.is("JoinExpr") && !item.has("alias")) {
      add(item.get("larg"));
      add(item.get("rarg"));
      return;
    }
    std::string name =
        item.has("alias") ? truncate_identifier(item.get("alias").str("aliasname")) : "";
    ObjectId table = k_no_object;
    if (item.is("RangeVar")) {
      std::string relation = truncate_identifier(item.str("relname"));
      if (name.empty()) name = relation;
      bool given = item.has("schemaname");
      bool cte = !given && std::find(ctes.begin(), ctes.end(), relation) != ctes.end();
      std::string schema = given                    ? truncate_identifier(item.str("schemaname"))
                           : path && !path->empty() ? path->front()
                                                    : std::string("public");
      ObjectId id =
          cte ? k_no_object : relation_named(catalog, schema, relation, given, path, origin.tick);
      if (id != k_no_object && catalog.object(id).kind() == ObjectKind::table) table = id;
    }
    sources.emplace_back(std::move(name), table);
  };
  for (Node item : query.list("fromClause")) add(item);
  // The type of the column of that name of a source's table; `found` says whether it has one.
  auto column_of = [&](ObjectId table, bool& found) -> std::optional<ColumnType> {
    found = false;
    for (ObjectId id : catalog.columns(catalog.object(table).ref_at(origin.tick), origin.tick)) {
      if (catalog.object(id).ref_at(origin.tick).name != column) continue;
      found = true;
      return column_type_before(project, catalog, id, origin.tick);
    }
    return std::nullopt;
  };
  bool found = false;
  if (!qualifier.empty()) {
    for (const auto& [name, table] : sources) {
      if (name != qualifier) continue;
      if (table == k_no_object) return std::nullopt;
      return column_of(table, found);
    }
    return std::nullopt;
  }
  // Unqualified: exactly one source has it, and every source is known (any other might).
  std::optional<ColumnType> type;
  int owners = 0;
  for (const auto& source : sources) {
    if (source.second == k_no_object) return std::nullopt;
    auto found_type = column_of(source.second, found);
    if (found) {
      ++owners;
      type = std::move(found_type);
    }
  }
  return owners == 1 ? type : std::nullopt;
}

std::optional<ColumnType> view_column_type(const Project& project, const Catalog& catalog,
                                           ObjectId view, std::string_view column, Tick tick) {
  const CatalogObject& object = catalog.object(view);
  if (object.kind() != ObjectKind::view && object.kind() != ObjectKind::materialized_view) {
    return std::nullopt;
  }
  // The definition in force: the last CREATE OR REPLACE before the tick, else the create.
  Origin definition = object.created;
  for (const Origin& origin : object.changed) {
    if (origin.tick < tick && redefined_by(catalog, view, origin)) definition = origin;
  }
  // A column renamed since (ALTER VIEW ... RENAME COLUMN) goes by another name than its query's.
  // The catalog keeps no columns of a view: the rename's step names the view as the parent.
  for (std::size_t file : catalog.ups_before(tick)) {
    for (const CatalogStep& step : catalog.replay(file).steps) {
      const Effect& effect = step.effect;
      if (step.tick <= definition.tick || step.tick >= tick || effect.action != Action::rename ||
          effect.object.kind != ObjectKind::column) {
        continue;
      }
      const ObjectRef& named = object.ref_at(step.tick);
      if (effect.object.parent == named.name && effect.object.schema == named.schema) {
        return std::nullopt;
      }
    }
  }
  const Statement* made = statement_at(project, definition);
  if (made == nullptr) return std::nullopt;
  Node query = made->node.get("query");
  NodeList aliases = made->node.is("ViewStmt") ? made->node.list("aliases")
                                               : made->node.get("into").list("colNames");
  if (!query.is("SelectStmt") || query.has("valuesLists") ||
      (query.str("op") != "" && query.str("op") != "SETOP_NONE")) {
    return std::nullopt;
  }
  // The output of that name: the column list's, else the alias, else the column read.
  std::string wanted = truncate_identifier(column);
  Node selected;
  std::size_t i = 0;
  for (Node target : query.list("targetList")) {
    Node value = target.get("val");
    NodeList fields = value.list("fields");
    bool column_read = value.is("ColumnRef") && !fields.empty();
    if (column_read && fields.back().is("A_Star")) return std::nullopt;  // where the rest go
    std::string name = i < aliases.size()   ? truncate_identifier(aliases[i].as_str())
                       : target.has("name") ? truncate_identifier(target.str("name"))
                       : column_read        ? truncate_identifier(fields.back().as_str())
                                            : std::string();
    ++i;
    if (name != wanted) continue;
    if (selected.valid()) return std::nullopt;  // PostgreSQL refuses a name given twice
    selected = value;
  }
  if (!selected.valid()) return std::nullopt;
  return selected_column_type(project, catalog, query, selected, definition);
}

bool defines_not_null(const Node& definition, const std::vector<std::string>& keys) {
  if (is_serial(column_type(definition.get("typeName")))) return true;
  for (Node constraint : definition.list("constraints")) {
    std::string_view contype = constraint.str("contype");
    if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY" ||
        contype == "CONSTR_IDENTITY") {
      return true;
    }
  }
  std::string name = truncate_identifier(definition.str("colname"));
  return std::find(keys.begin(), keys.end(), name) != keys.end();
}

std::vector<std::string> primary_key_columns(const Node& create) {
  std::vector<std::string> keys;
  for (Node element : create.list("tableElts")) {
    if (element.is("Constraint") && element.str("contype") == "CONSTR_PRIMARY") {
      for (Node key : element.list("keys")) keys.push_back(truncate_identifier(key.as_str()));
    }
  }
  return keys;
}

std::optional<bool> column_not_null_before(const Project& project, const Catalog& catalog,
                                           ObjectId id, Tick tick) {
  const CatalogObject& object = catalog.object(id);
  // The last SET / DROP NOT NULL of the column before `tick`.
  std::optional<bool> set;
  Tick set_at = 0;
  for (auto it = object.changed.rbegin(); it != object.changed.rend() && !set; ++it) {
    if (it->tick >= tick) continue;
    const Statement* statement = statement_at(project, *it);
    if (statement == nullptr || statement->kind() != "AlterTableStmt") continue;
    std::string name = object.ref_at(it->tick).name;
    for (Node cmd : statement->node.list("cmds")) {
      std::string_view subtype = cmd.str("subtype");
      if ((subtype == "AT_SetNotNull" || subtype == "AT_DropNotNull") &&
          truncate_identifier(cmd.str("name")) == name) {
        set = subtype == "AT_SetNotNull";
        set_at = it->tick;
      }
    }
  }
  // A primary key added on it since makes it NOT NULL (and leaves it so when dropped).
  if (object.parent != k_no_object) {
    for (ObjectId key_id : catalog.object(object.parent).children) {
      const CatalogObject& key = catalog.object(key_id);
      if (key.kind() != ObjectKind::constraint || key.contype != 'p' || key.created.tick >= tick ||
          key.created.tick <= set_at) {
        continue;
      }
      const std::string& name = object.ref_at(key.created.tick).name;
      if (std::find(key.columns.begin(), key.columns.end(), name) != key.columns.end()) {
        return true;
      }
    }
  }
  if (set) return set;
  Node definition = column_definition(project, catalog, id);
  if (!definition.valid()) return std::nullopt;
  const Statement* created = statement_at(project, object.created);
  return defines_not_null(definition, created->kind() == "CreateStmt"
                                          ? primary_key_columns(created->node)
                                          : std::vector<std::string>{});
}

namespace {

// Whether a CHECK constraint of the column's table, valid before `tick`, proves the column NOT
// NULL. A check written without a name in a statement that adds several is not told apart from
// the others, so it does not count.
// `dropped`: names of constraints the file has dropped before (a down's own drops are not in
// the catalog's state after its up).
bool catalog_not_null_check(const Project& project, const Catalog& catalog, ObjectId column,
                            Tick tick, const std::vector<std::string>& dropped) {
  const CatalogObject& column_object = catalog.object(column);
  if (column_object.parent == k_no_object) return false;
  const CatalogObject& table = catalog.object(column_object.parent);
  for (ObjectId id : table.children) {
    const CatalogObject& constraint = catalog.object(id);
    if (constraint.kind() != ObjectKind::constraint || constraint.contype != 'c' ||
        !constraint.alive_at(tick)) {
      continue;
    }
    const Statement* created = statement_at(project, constraint.created);
    if (created == nullptr) continue;
    const std::string& name = constraint.names.front().ref.name;
    if (std::find(dropped.begin(), dropped.end(), constraint.ref_at(tick).name) != dropped.end()) {
      continue;
    }
    // The check's expression and whether it was added NOT VALID.
    std::vector<Node> candidates;
    auto consider = [&](const Node& def) {
      if (def.str("contype") != "CONSTR_CHECK") return;
      if (def.has("conname") ? truncate_identifier(def.str("conname")) == name
                             : constraint.implicit) {
        candidates.push_back(def);
      }
    };
    bool in_create = created->kind() == "CreateStmt";
    if (in_create) {
      for (Node element : created->node.list("tableElts")) {
        if (element.is("Constraint")) consider(element);
        if (element.is("ColumnDef")) {
          for (Node inline_constraint : element.list("constraints")) consider(inline_constraint);
        }
      }
    } else if (created->kind() == "AlterTableStmt") {
      for (Node cmd : created->node.list("cmds")) {
        std::string_view subtype = cmd.str("subtype");
        if (subtype == "AT_AddConstraint" || subtype == "AT_AddConstraintRecurse") {
          consider(cmd.get("def"));
        } else if (subtype == "AT_AddColumn") {
          for (Node inline_constraint : cmd.get("def").list("constraints")) {
            consider(inline_constraint);
          }
        }
      }
    }
    if (candidates.size() != 1) continue;
    std::vector<std::string> proven;
    not_null_columns(candidates.front().get("raw_expr"), proven);
    std::string column_name = column_object.ref_at(constraint.created.tick).name;
    if (std::none_of(proven.begin(), proven.end(), [&](const std::string& proven_column) {
          return truncate_identifier(proven_column) == column_name;
        })) {
      continue;
    }
    // A new table's checks hold for its no rows; NOT VALID counts only until a VALIDATE.
    bool valid = in_create || !candidates.front().flag("skip_validation");
    for (const Origin& change : table.changed) {
      if (valid) break;
      if (change.tick <= constraint.created.tick || change.tick >= tick) continue;
      const Statement* statement = statement_at(project, change);
      if (statement == nullptr) continue;
      each_command(*statement, "AT_ValidateConstraint", constraint.ref_at(change.tick).name,
                   [&](const Node&) { valid = true; });
    }
    if (valid) return true;
  }
  return false;
}

}  // namespace

Node column_definition(const Statement& statement, const std::string& name) {
  Node found;
  if (statement.kind() == "CreateStmt") {
    for (Node element : statement.node.list("tableElts")) {
      if (element.is("ColumnDef") && truncate_identifier(element.str("colname")) == name) {
        found = element;
      }
    }
  } else if (statement.kind() == "AlterTableStmt") {
    for (Node cmd : statement.node.list("cmds")) {
      Node def = cmd.get("def");
      if (cmd.str("subtype") == "AT_AddColumn" && truncate_identifier(def.str("colname")) == name) {
        found = def;
      }
    }
  }
  return found;
}

Node column_definition(const Project& project, const Catalog& catalog, ObjectId column) {
  const CatalogObject& object = catalog.object(column);
  const Statement* created = statement_at(project, object.created);
  if (created == nullptr) return {};
  return column_definition(*created, object.names.front().ref.name);
}

bool generated_column(const Project& project, const Catalog& catalog, ObjectId column) {
  Node definition = column_definition(project, catalog, column);
  return definition.valid() && generation_expression(definition).valid();
}

ColumnFill column_fill(const Project& project, const Catalog& catalog, ObjectId column, Tick tick) {
  const CatalogObject& object = catalog.object(column);
  // The latest of each: its definition, ALTER COLUMN SET / DROP DEFAULT, ADD / DROP IDENTITY;
  // ALTER COLUMN SET / DROP NOT NULL.
  std::optional<ColumnFill> fill;
  std::optional<bool> not_null;
  for (auto it = object.changed.rbegin(); it != object.changed.rend(); ++it) {
    if (it->tick >= tick) continue;
    const Statement* statement = statement_at(project, *it);
    if (statement == nullptr || statement->kind() != "AlterTableStmt") continue;
    std::optional<ColumnFill> filled;
    std::optional<bool> nullability;
    std::string name = object.ref_at(it->tick).name;
    for (Node cmd : statement->node.list("cmds")) {
      if (truncate_identifier(cmd.str("name")) != name) continue;
      std::string_view subtype = cmd.str("subtype");
      if (subtype == "AT_ColumnDefault") {
        filled = !cmd.has("def")                             ? ColumnFill::null
                 : volatile_call(cmd.get("def")).has_value() ? ColumnFill::anew
                                                             : ColumnFill::fixed;
      } else if (subtype == "AT_AddIdentity") {
        filled = ColumnFill::anew;
      } else if (subtype == "AT_DropIdentity") {
        filled = ColumnFill::null;
      } else if (subtype == "AT_SetNotNull") {
        nullability = true;
      } else if (subtype == "AT_DropNotNull") {
        nullability = false;
      }
    }
    if (!fill) fill = filled;
    if (!not_null) not_null = nullability;
  }
  Node definition = column_definition(project, catalog, column);
  if (!definition.valid()) return fill && *fill != ColumnFill::null ? *fill : ColumnFill::unknown;
  ColumnType type = column_type(definition.get("typeName"));
  std::optional<ColumnFill> defined;
  bool declared_not_null = false;
  if (is_serial(type)) {
    defined = ColumnFill::anew;
    declared_not_null = true;
  }
  for (Node constraint : definition.list("constraints")) {
    std::string_view contype = constraint.str("contype");
    if (contype == "CONSTR_IDENTITY") {
      defined = ColumnFill::anew;
      declared_not_null = true;
    } else if (contype == "CONSTR_DEFAULT" && !defined) {
      defined = volatile_call(constraint.get("raw_expr")) ? ColumnFill::anew : ColumnFill::fixed;
    } else if (contype == "CONSTR_GENERATED") {
      return ColumnFill::unknown;
    } else if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY") {
      declared_not_null = true;
    }
  }
  if (!fill) fill = defined;
  if (fill && *fill != ColumnFill::null) return *fill;
  // No default: NULL, unless NOT NULL refuses the row or a domain gives a default of its own.
  if (not_null.value_or(declared_not_null) || !is_builtin_type(type)) return ColumnFill::unknown;
  return ColumnFill::null;
}

bool fills_anew_each_run(const Project& project, const Catalog& catalog, ObjectId column,
                         Tick tick) {
  return column_fill(project, catalog, column, tick) == ColumnFill::anew;
}

struct TableState::Replay {
  const std::vector<const Statement*>* statements = nullptr;
  std::size_t next = 0;  // statements before this one are applied
  ByName<Table> tables;
  ByName<Index> indexes;
  ByName<Domain> domains;

  void reset() {
    next = 0;
    tables.clear();
    indexes.clear();
    domains.clear();
  }

  void advance_to(std::size_t until) {
    if (until < next) reset();
    for (; next < until; ++next) apply(*(*statements)[next]);
  }

  void add_column(Table& table, const Node& column) {
    Column& added = column_named(table, std::string(column.str("colname")));
    added.definition = column;
    added.added = true;
    added.not_null = defines_not_null(column);
  }

  Column& column_named(Table& table, const std::string& name) {
    if (Column* existing = table.column(name)) return *existing;
    table.columns.push_back(Column{name, Node(), false, std::nullopt});
    return table.columns.back();
  }

  void drop_table(const QualifiedName& name) {
    Table* table = tables.find(name);
    if (table == nullptr) return;
    QualifiedName dropped = table->name;
    std::vector<QualifiedName> gone;
    indexes.each([&](Index& index) {
      if (index.table.matches(dropped)) gone.push_back(index.name);
    });
    for (const auto& index : gone) indexes.erase(index);
    tables.erase(dropped);
  }

  void alter_table(const Statement& statement) {
    const Node& node = statement.node;
    QualifiedName name = QualifiedName::of(relation_name(node.get("relation")));
    Table& table = tables.get(name);
    for (Node cmd : node.list("cmds")) {
      std::string_view subtype = cmd.str("subtype");
      Node def = cmd.get("def");
      std::string column(cmd.str("name"));
      if (subtype == "AT_AddColumn") {
        add_column(table, def);
      } else if (subtype == "AT_AlterColumnType") {
        column_named(table, column).definition = def;
      } else if (subtype == "AT_SetNotNull" || subtype == "AT_DropNotNull") {
        column_named(table, column).not_null = subtype == "AT_SetNotNull";
      } else if (subtype == "AT_AddConstraint" && def.str("contype") == "CONSTR_PRIMARY") {
        for (Node key : def.list("keys"))
          column_named(table, std::string(key.as_str())).not_null = true;
      } else if (subtype == "AT_DropColumn") {
        std::erase_if(table.columns, [&](const Column& c) { return c.name == column; });
        std::vector<QualifiedName> gone;
        indexes.each([&](Index& index) {
          if (index.table.matches(table.name) &&
              std::find(index.columns.begin(), index.columns.end(), column) !=
                  index.columns.end()) {
            gone.push_back(index.name);
          }
        });
        for (const auto& index : gone) indexes.erase(index);
      } else if (subtype == "AT_AddConstraint" && def.str("contype") == "CONSTR_CHECK") {
        Check check{std::string(def.str("conname")), {}, !def.flag("skip_validation")};
        not_null_columns(def.get("raw_expr"), check.not_null);
        table.checks.push_back(std::move(check));
      } else if (subtype == "AT_ValidateConstraint") {
        for (auto& check : table.checks) {
          if (!check.name.empty() && check.name == column) check.valid = true;
        }
      } else if (subtype == "AT_DropConstraint") {
        std::erase_if(table.checks, [&](const Check& check) { return check.name == column; });
        table.dropped_constraints.push_back(truncate_identifier(column));
      }
    }
  }

  void rename(const Node& node) {
    std::string_view type = node.str("renameType");
    QualifiedName relation = QualifiedName::of(relation_name(node.get("relation")));
    std::string new_name(node.str("newname"));
    if (type == "OBJECT_TABLE") {
      if (Table* table = tables.find(relation)) {
        QualifiedName old_name = table->name;
        indexes.each([&](Index& index) {
          if (index.table.matches(old_name)) index.table.name = new_name;
        });
        tables.rename(old_name, new_name);
      }
    } else if (type == "OBJECT_INDEX") {
      indexes.rename(relation, new_name);
    } else if (type == "OBJECT_COLUMN") {
      std::string old_column(node.str("subname"));
      Table& table = tables.get(relation);
      if (Column* column = table.column(old_column)) column->name = new_name;
      for (auto& check : table.checks) {
        for (auto& column : check.not_null) {
          if (column == old_column) column = new_name;
        }
      }
      indexes.each([&](Index& index) {
        if (!index.table.matches(table.name)) return;
        for (auto& column : index.columns) {
          if (column == old_column) column = new_name;
        }
      });
    }
  }

  void apply(const Statement& statement) {
    const Node& node = statement.node;
    std::string_view kind = statement.kind();
    if (kind == "CreateStmt") {
      QualifiedName name = QualifiedName::of(relation_name(node.get("relation")));
      drop_table(name);
      Table& table = tables.get(name);
      table.created_by = &statement;
      for (Node element : node.list("tableElts")) {
        if (element.is("ColumnDef")) add_column(table, element);
      }
      for (const std::string& key : primary_key_columns(node)) {
        column_named(table, key).not_null = true;
      }
    } else if (kind == "CreateTableAsStmt" || (kind == "SelectStmt" && node.has("intoClause"))) {
      Node into = kind == "SelectStmt" ? node.get("intoClause") : node.get("into");
      QualifiedName name = QualifiedName::of(relation_name(into.get("rel")));
      drop_table(name);
      tables.get(name).created_by = &statement;
    } else if (kind == "AlterTableStmt") {
      alter_table(statement);
    } else if (kind == "IndexStmt") {
      QualifiedName table = QualifiedName::of(relation_name(node.get("relation")));
      QualifiedName name{table.schema, std::string(node.str("idxname"))};
      if (name.name.empty()) return;
      Index& index = indexes.get(name);
      index = Index{name, table, adoptable(node), {}, &statement};
      if (index.adoptable) {
        for (Node param : node.list("indexParams")) index.columns.emplace_back(param.str("name"));
      }
    } else if (kind == "DropStmt") {
      std::string_view type = node.str("removeType");
      for (const QualifiedName& name : drop_objects(node)) {
        if (type == "OBJECT_TABLE" || type == "OBJECT_MATVIEW") drop_table(name);
        if (type == "OBJECT_INDEX") indexes.erase(name);
        if (type == "OBJECT_DOMAIN") domains.erase(name);
      }
    } else if (kind == "RenameStmt") {
      rename(node);
    } else if (kind == "CreateDomainStmt") {
      Domain& domain = domains.get(QualifiedName::of(node.list("domainname")));
      domain.constrained = false;
      for (Node constraint : node.list("constraints")) {
        std::string_view type = constraint.str("contype");
        if (type == "CONSTR_CHECK" || type == "CONSTR_NOTNULL") domain.constrained = true;
      }
    }
  }
};

struct TableState::Tables {
  // A name bound, from statement `from` on, to a table created in this file (`created_by`), to
  // one that existed before the migration (nullptr), or to nothing (`present` false).
  struct Binding {
    std::size_t from;
    std::string_view schema;
    const Statement* created_by;
    bool present;
  };
  std::unordered_map<std::string_view, std::vector<Binding>> names;

  // The binding of a name in force at statement `at`.
  const Binding* at(std::string_view schema, std::string_view name, std::size_t ordinal) const {
    auto bucket = names.find(name);
    if (bucket == names.end()) return nullptr;
    const Binding* found = nullptr;
    for (const Binding& binding : bucket->second) {
      if (binding.from > ordinal) break;
      if (binding.schema == schema || binding.schema.empty() || schema.empty()) found = &binding;
    }
    return found;
  }

  void bind(std::string_view schema, std::string_view name, std::size_t from,
            const Statement* created_by, bool present) {
    names[name].push_back(Binding{from, schema, created_by, present});
  }

  void read(const Statement& statement, std::size_t ordinal) {
    const Node& node = statement.node;
    std::string_view kind = statement.kind();
    std::size_t from = ordinal + 1;  // in force for the statements after this one
    Node relation;
    if (kind == "CreateStmt") {
      relation = node.get("relation");
    } else if (kind == "CreateTableAsStmt") {
      relation = node.get("into").get("rel");
    } else if (kind == "SelectStmt" && node.has("intoClause")) {
      relation = node.get("intoClause").get("rel");
    }
    if (relation.valid()) {
      bind(relation.str("schemaname"), relation.str("relname"), from, &statement, true);
      return;
    }
    if (kind == "DropStmt") {
      std::string_view type = node.str("removeType");
      if (type != "OBJECT_TABLE" && type != "OBJECT_MATVIEW") return;
      for (Node object : node.list("objects")) {
        std::vector<std::string_view> parts =
            string_list(object.is("List") ? object.list("items") : object.items());
        if (parts.empty()) continue;
        std::string_view schema = parts.size() > 1 ? parts[parts.size() - 2] : "";
        if (const Binding* current = at(schema, parts.back(), ordinal);
            current && current->present) {
          bind(current->schema, parts.back(), from, nullptr, false);
        }
      }
    } else if (kind == "RenameStmt" && node.str("renameType") == "OBJECT_TABLE") {
      Node old_name = node.get("relation");
      std::string_view schema = old_name.str("schemaname");
      const Binding* current = at(schema, old_name.str("relname"), ordinal);
      // A table that existed before the migration keeps being an old table under its new name.
      const Statement* created = current && current->present ? current->created_by : nullptr;
      std::string_view new_schema = current && current->present ? current->schema : schema;
      bind(new_schema, old_name.str("relname"), from, nullptr, false);
      bind(new_schema, node.str("newname"), from, created, true);
    }
  }
};

TableState::TableState(const FileContext& context) : m_context(&context) {}

const TableState::Tables& TableState::tables() const {
  if (!m_tables) {
    m_tables = std::make_unique<Tables>();
    const auto& all = m_context->file.all_statements();
    for (std::size_t i = 0; i < all.size(); ++i) m_tables->read(*all[i], i);
  }
  return *m_tables;
}

std::size_t TableState::ordinal(const Statement& at) const {
  // all_statements() is each top-level statement followed by those its DO block runs; the
  // embedded statements are stored in that order too.
  const ParsedFile& file = m_context->file;
  const auto& top = file.statements();
  const auto& embedded = file.embedded();
  auto parent_before = [&](std::ptrdiff_t index) {
    return static_cast<std::size_t>(
        std::lower_bound(embedded.begin(), embedded.end(), index,
                         [](const Statement& s, std::ptrdiff_t i) { return s.parent < i; }) -
        embedded.begin());
  };
  if (!embedded.empty() && &at >= embedded.data() && &at < embedded.data() + embedded.size()) {
    auto j = static_cast<std::size_t>(&at - embedded.data());
    return static_cast<std::size_t>(at.parent) + 1 + j;
  }
  if (!top.empty() && &at >= top.data() && &at < top.data() + top.size()) {
    auto i = &at - top.data();
    return static_cast<std::size_t>(i) + parent_before(i);
  }
  return 0;
}
TableState::~TableState() = default;

TableState::Replay& TableState::before(const Statement& at) const {
  if (!m_replay) {
    m_replay = std::make_unique<Replay>();
    m_replay->statements = &m_context->file.all_statements();
  }
  m_replay->advance_to(ordinal(at));
  return *m_replay;
}

const Statement* TableState::created_by(const QualifiedName& table, const Statement& at) const {
  const Tables::Binding* binding = tables().at(table.schema, table.name, ordinal(at));
  return binding == nullptr || !binding->present ? nullptr : binding->created_by;
}

bool TableState::is_new_table(const QualifiedName& table, const Statement& at) const {
  return created_by(table, at) != nullptr;
}

bool TableState::is_new_column(const QualifiedName& table, std::string_view column,
                               const Statement& at) const {
  Replay& replay = before(at);
  Table* found = replay.tables.find(table);
  if (found == nullptr) return false;
  const Column* entry = found->column(column);
  return entry != nullptr && (entry->added || found->created_by != nullptr);
}

TableState::TypeSource TableState::type_source(const QualifiedName& table, std::string_view column,
                                               const Statement& at) const {
  Replay& replay = before(at);
  Table* found = replay.tables.find(table);
  const Column* entry = found == nullptr ? nullptr : found->column(column);
  if (entry != nullptr && entry->definition.valid()) return {entry->definition, true, false};
  // A table created in this file that does not have the column: nothing earlier can say more.
  // (A materialized view's columns are its query's, which the catalog reads.)
  bool matview = found != nullptr && found->created_by != nullptr &&
                 found->created_by->kind() == "CreateTableAsStmt" &&
                 found->created_by->node.str("objtype") == "OBJECT_MATVIEW";
  if (entry != nullptr || (found != nullptr && found->created_by != nullptr && !matview)) {
    return {Node(), true, false};
  }
  auto known = catalog_column(*m_context, ordinal(at), table, column);
  if (!known) return {Node(), false, true};
  return {type_definition_before(m_context->project, *known->catalog, known->id, known->tick),
          false, false};
}

std::optional<ColumnType> TableState::column_type(const QualifiedName& table,
                                                  std::string_view column,
                                                  const Statement& at) const {
  TypeSource source = type_source(table, column, at);
  if (source.definition.valid()) {
    // This file's definitions as written (a serial stays serial), the catalog's as stored.
    return source.in_file ? lint::column_type(source.definition.get("typeName"))
                          : defined_type(source.definition);
  }
  if (source.unknown) return catalog_view_column(*m_context, ordinal(at), table, column);
  return std::nullopt;
}

std::optional<QualifiedName> TableState::column_collation(const QualifiedName& table,
                                                          std::string_view column,
                                                          const Statement& at) const {
  Node definition = type_source(table, column, at).definition;
  return definition.valid() ? defined_collation(definition) : std::nullopt;
}

std::optional<QualifiedName> TableState::table_of_index(const QualifiedName& index,
                                                        const Statement& at) const {
  Replay& replay = before(at);
  if (const Index* found = replay.indexes.find(index)) return found->table;
  // A down drops what its up created: the up says which table the index is on.
  if (!m_partner_indexes) {
    m_partner_indexes.emplace();
    if (const ParsedFile* partner = m_context->partner()) {
      for (const Statement* statement : partner->all_statements()) {
        if (statement->kind() != "IndexStmt") continue;
        auto table = QualifiedName::of(relation_name(statement->node.get("relation")));
        QualifiedName name{table.schema, std::string(statement->node.str("idxname"))};
        (*m_partner_indexes)[name.name].emplace_back(name, std::move(table));
      }
    }
  }
  auto named = m_partner_indexes->find(index.name);
  if (named == m_partner_indexes->end()) return std::nullopt;
  for (const auto& [name, table] : named->second) {
    if (name.matches(index)) return table;
  }
  return std::nullopt;
}

std::optional<UniqueIndex> TableState::unique_index(const QualifiedName& table,
                                                    const std::vector<std::string_view>& columns,
                                                    const Statement& at) const {
  Replay& replay = before(at);
  std::optional<UniqueIndex> result;
  replay.indexes.each([&](Index& index) {
    if (result || !index.adoptable || !index.table.matches(table)) return;
    if (index.columns.size() != columns.size()) return;
    if (std::equal(columns.begin(), columns.end(), index.columns.begin())) {
      result = UniqueIndex{index.name, index.created_by};
    }
  });
  return result;
}

bool TableState::has_not_null_check(const QualifiedName& table, std::string_view column,
                                    const Statement& at) const {
  Replay& replay = before(at);
  Table* found = replay.tables.find(table);
  if (found != nullptr &&
      std::any_of(found->checks.begin(), found->checks.end(), [&](const Check& check) {
        return check.valid && std::find(check.not_null.begin(), check.not_null.end(), column) !=
                                  check.not_null.end();
      })) {
    return true;
  }
  if (found != nullptr && found->created_by != nullptr) return false;
  auto known = catalog_column(*m_context, ordinal(at), table, column);
  static const std::vector<std::string> k_none;
  return known &&
         catalog_not_null_check(m_context->project, *known->catalog, known->id, known->tick,
                                found != nullptr ? found->dropped_constraints : k_none);
}

bool TableState::is_not_null(const QualifiedName& table, std::string_view column,
                             const Statement& at) const {
  Replay& replay = before(at);
  Table* found = replay.tables.find(table);
  if (found != nullptr) {
    if (Column* known = found->column(column); known != nullptr && known->not_null) {
      return *known->not_null;
    }
    if (found->created_by != nullptr) return false;
  }
  auto known = catalog_column(*m_context, ordinal(at), table, column);
  return known &&
         column_not_null_before(m_context->project, *known->catalog, known->id, known->tick)
             .value_or(false);
}

namespace {

// The volatility a CREATE FUNCTION gives, when the statement creates `function`.
std::optional<char> created_volatility(const Statement& statement, const QualifiedName& function) {
  if (statement.kind() != "CreateFunctionStmt" || statement.node.flag("is_procedure")) {
    return std::nullopt;
  }
  if (!QualifiedName::of(statement.node.list("funcname")).matches(function)) return std::nullopt;
  char volatility = 'v';
  for (Node option : statement.node.list("options")) {
    if (option.str("defname") != "volatility") continue;
    std::string_view value = option.get("arg").as_str();
    if (value == "immutable") volatility = 'i';
    if (value == "stable") volatility = 's';
  }
  return volatility;
}

}  // namespace

std::span<const TableState::Definition> TableState::earlier_routines() const {
  // The routines the ups create, in the set's order (migrations by version, then other files),
  // collected once for the whole set; those of the files before this one are a prefix.
  struct Routines {
    std::vector<Definition> definitions;
    std::vector<std::size_t> file;  // the file of each
  };
  const Project& project = m_context->project;
  const Routines& routines = project.shared<Routines>([&] {
    Routines found;
    for (std::size_t i = 0; i < project.size(); ++i) {
      const ParsedFile* file = project.parsed(i);
      if (file == nullptr || project.source(i).role() != Direction::up) continue;
      for (const Statement* statement : file->all_statements()) {
        if (statement->kind() != "CreateFunctionStmt") continue;
        found.definitions.push_back(Definition{statement, file->slice(statement->range)});
        found.file.push_back(i);
      }
    }
    return found;
  });
  std::size_t count = static_cast<std::size_t>(
      std::lower_bound(routines.file.begin(), routines.file.end(), m_context->index) -
      routines.file.begin());
  return std::span<const Definition>(routines.definitions.data(), count);
}

const Statement* TableState::function_definition(const QualifiedName& function,
                                                 const Statement& at) const {
  const Statement* found = nullptr;
  for (const Definition& definition : earlier_routines()) {
    if (created_volatility(*definition.statement, function)) found = definition.statement;
  }
  for (const Statement* statement : m_context->file.all_statements()) {
    if (statement == &at) break;
    if (created_volatility(*statement, function)) found = statement;
  }
  return found;
}

std::optional<TableState::Definition> TableState::procedure_definition(
    const QualifiedName& procedure, const Statement& at) const {
  auto names = [&](const Statement& statement) {
    return statement.kind() == "CreateFunctionStmt" && statement.node.flag("is_procedure") &&
           QualifiedName::of(statement.node.list("funcname")).matches(procedure);
  };
  std::optional<Definition> found;
  for (const Definition& definition : earlier_routines()) {
    if (names(*definition.statement)) found = definition;
  }
  for (const Statement* statement : m_context->file.all_statements()) {
    if (statement == &at) break;
    if (names(*statement)) found = Definition{statement, m_context->file.slice(statement->range)};
  }
  return found;
}

std::optional<char> TableState::function_volatility(const QualifiedName& function,
                                                    const Statement& at) const {
  const Statement* definition = function_definition(function, at);
  if (definition == nullptr) return std::nullopt;
  return created_volatility(*definition, function);
}

bool TableState::is_new_domain(const QualifiedName& domain, const Statement& at) const {
  return domain_has_constraints(domain, at).has_value();
}

std::optional<bool> TableState::domain_has_constraints(const QualifiedName& domain,
                                                       const Statement& at) const {
  Replay& replay = before(at);
  const Domain* found = replay.domains.find(domain);
  if (found == nullptr) return std::nullopt;
  return found->constrained;
}

namespace {

// Why an index cannot back a constraint, as PostgreSQL checks it: not unique, on expressions,
// partial; nothing when it can.
std::optional<Unadoptable> unadoptable(const std::string& name, bool partial, bool expressions,
                                       bool unique) {
  using Reason = Unadoptable::Reason;
  if (!unique) {
    return Unadoptable{Reason::not_unique, name + " is not a unique index",
                       "\"" + name + "\" is not a unique index"};
  }
  if (expressions) {
    return Unadoptable{Reason::expressions, name + " is an index on expressions",
                       "index \"" + name + "\" contains expressions"};
  }
  if (partial) {
    return Unadoptable{Reason::partial, name + " is a partial index (it has a WHERE)",
                       "\"" + name + "\" is a partial index"};
  }
  return std::nullopt;
}

// Whether a CREATE INDEX has an expression among its key columns.
bool has_expressions(const Node& index) {
  for (Node param : index.list("indexParams")) {
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    if (!element.has("name")) return true;
  }
  return false;
}

// The first key column of a CREATE INDEX that another operator class, collation or order than its
// column's default takes: a *_pattern_ops class, DESC, NULLS FIRST, or a COLLATE other than the
// column's (as the migrations before `statement` defined it, when they did). PostgreSQL makes a
// constraint only of an index that sorts as one it builds itself would.
std::optional<Unadoptable> unsorted_column(const FileContext& context, const Statement& statement,
                                           const QualifiedName& table, const std::string& name,
                                           const Node& index) {
  std::size_t number = 0;
  for (Node param : index.list("indexParams")) {
    ++number;
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    std::string column = truncate_identifier(element.str("name"));
    std::string how;
    NodeList opclass = element.list("opclass");
    if (!opclass.empty() && opclass[opclass.size() - 1].as_str().ends_with("_pattern_ops")) {
      how = "operator class " + std::string(opclass[opclass.size() - 1].as_str());
    } else if (element.str("ordering") == "SORTBY_DESC") {
      how = "DESC order";
    } else if (element.str("nulls_ordering") == "SORTBY_NULLS_FIRST") {
      how = "NULLS FIRST";
    } else if (NodeList collation = element.list("collation"); !collation.empty()) {
      std::string given(collation[collation.size() - 1].as_str());
      ObjectId id =
          find_as_written(context, statement, ObjectKind::column, table.schema, column, table.name);
      if (id == k_no_object) continue;
      Node definition = column_definition(context.project, *context.project.catalog(), id);
      if (!definition.valid()) continue;
      NodeList own = definition.get("collClause").list("collname");
      std::string has = own.empty() ? "default" : std::string(own[own.size() - 1].as_str());
      if (given == has) continue;
      how = "collation \"" + given + "\" (the column's is \"" + has + "\")";
    } else {
      continue;
    }
    return Unadoptable{Unadoptable::Reason::sorting,
                       name + " is an index whose column " + column + " has " + how,
                       "index \"" + name + "\" column number " + std::to_string(number) +
                           " does not have default sorting behavior"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Unadoptable> unadoptable_index(const FileContext& context, const Statement& statement,
                                             const QualifiedName& table,
                                             std::string_view index_name) {
  std::string name = truncate_identifier(index_name);
  std::optional<Unadoptable> why;
  const ParsedFile* creator = nullptr;
  TextRange made;
  const auto& all = context.file.all_statements();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!ordinal) return std::nullopt;
  auto at = all.begin() + static_cast<std::ptrdiff_t>(*ordinal);
  for (auto it = all.begin(); it != at; ++it) {
    const Node& node = (*it)->node;
    if (!node.is("IndexStmt") || truncate_identifier(node.str("idxname")) != name) continue;
    why = unadoptable(name, node.has("whereClause"), has_expressions(node), node.flag("unique"));
    if (!why) why = unsorted_column(context, statement, table, name, node);
    creator = &context.file;
    made = (*it)->range;
  }
  if (creator == nullptr) {
    // The index is in its table's schema.
    ObjectId table_id =
        find_as_written(context, statement, ObjectKind::table, table.schema, table.name);
    if (table_id == k_no_object) return std::nullopt;
    const Catalog* catalog = context.project.catalog();
    ObjectId id = find_as_written(context, statement, ObjectKind::index,
                                  catalog->object(table_id).ref().schema, name);
    if (id == k_no_object) return std::nullopt;
    const CatalogObject& index = catalog->object(id);
    // The catalog names an expression's column as PostgreSQL would ("lower"): the CREATE INDEX
    // tells.
    const Statement* created = statement_at(context.project, index.created);
    bool expressions =
        created != nullptr && created->node.is("IndexStmt") && has_expressions(created->node);
    why = unadoptable(name, index.partial, expressions, index.unique);
    if (!why && created != nullptr && created->node.is("IndexStmt")) {
      why = unsorted_column(context, statement, table, name, created->node);
    }
    creator = context.project.parsed(index.created.file);
    if (creator == nullptr || index.created.statement >= creator->all_statements().size()) {
      creator = nullptr;
    } else {
      made = creator->all_statements()[index.created.statement]->range;
    }
  }
  if (!why) return std::nullopt;
  why->creator = creator;
  why->made = made;
  return why;
}

ObjectId find_as_written(const FileContext& context, const Statement& statement, ObjectKind kind,
                         std::string_view schema, std::string_view name, std::string_view parent) {
  const Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return k_no_object;
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!ordinal) return k_no_object;
  return find_as_written(*catalog, context.index, *ordinal, kind, schema, name, parent);
}

ObjectId relation_as_written(const FileContext& context, const Statement& statement,
                             std::string_view schema, std::string_view name) {
  for (ObjectKind kind : {ObjectKind::table, ObjectKind::view, ObjectKind::materialized_view,
                          ObjectKind::index, ObjectKind::sequence, ObjectKind::foreign_table}) {
    ObjectId id = find_as_written(context, statement, kind, schema, name);
    if (id != k_no_object) return id;
  }
  return k_no_object;
}

ObjectId exclusion_constraint_of_index(const FileContext& context, const Statement& statement,
                                       const QualifiedName& index) {
  ObjectId id = find_as_written(context, statement, ObjectKind::index, index.schema, index.name);
  if (id == k_no_object) return k_no_object;
  const Catalog& catalog = *context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!ordinal) return k_no_object;
  ObjectId constraint = catalog.key_partner(id, catalog.before_statement(context.index, *ordinal));
  if (constraint == k_no_object || catalog.object(constraint).contype != 'x') return k_no_object;
  return constraint;
}

std::optional<Tick> tick_before(const FileContext& context, const Statement& statement) {
  const Catalog* catalog = context.project.catalog();
  if (context.direction() != Direction::up || catalog == nullptr ||
      !catalog->replay(context.index).replayed) {
    return std::nullopt;
  }
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!ordinal) return std::nullopt;
  return catalog->before_statement(context.index, *ordinal);
}

const Statement* definition_of(const FileContext& context, const Statement& statement,
                               ObjectKind kind, std::string_view schema, std::string_view name) {
  ObjectId id = find_as_written(context, statement, kind, schema, name);
  if (id == k_no_object) return nullptr;
  return statement_at(context.project, context.project.catalog()->object(id).created);
}

ColumnType base_type(const FileContext& context, const Statement& statement, ColumnType type) {
  // A domain over an array is left as it is; a domain over a domain is followed a few levels.
  for (int depth = 0; depth < 8 && !type.array; ++depth) {
    const Statement* made =
        definition_of(context, statement, ObjectKind::domain, type.schema, type.name);
    if (made == nullptr || !made->node.is("CreateDomainStmt")) break;
    type = column_type(made->node.get("typeName"));
  }
  return type;
}

// Whether a statement that made a constraint gives any key NULLS NOT DISTINCT or DEFERRABLE:
// then each constraint's own node says which it is.
bool has_unusual_key(const Node& statement) {
  bool found = false;
  walk(statement, [&](const Node& node) {
    if (found) return false;
    if ((node.is("Constraint") || node.is("IndexStmt")) &&
        (node.flag("nulls_not_distinct") || node.flag("deferrable") ||
         node.str("contype") == "CONSTR_ATTR_DEFERRABLE" ||
         node.str("contype") == "CONSTR_ATTR_DEFERRED")) {
      found = true;
    }
    return !found;
  });
  return found;
}

// What the statement that made a primary key, unique, exclusion or foreign key constraint says of
// it: DEFERRABLE, NULLS NOT DISTINCT. Found by the constraint's name, else as the only one of its
// type on those columns; nothing when not found. A column constraint's DEFERRABLE is a node of its
// own after it in the column's list.
std::optional<KeyFlags> key_flags(const Node& statement, const CatalogObject& object,
                                  const std::string& name) {
  std::string_view type = object.contype == 'p'   ? "CONSTR_PRIMARY"
                          : object.contype == 'f' ? "CONSTR_FOREIGN"
                          : object.contype == 'x' ? "CONSTR_EXCLUSION"
                                                  : "CONSTR_UNIQUE";
  std::optional<KeyFlags> named;
  std::optional<KeyFlags> unnamed;
  int unnamed_count = 0;
  auto consider = [&](const Node& constraint, const std::vector<std::string>& columns,
                      bool deferrable, bool deferred) {
    if (constraint.str("contype") != type) return;
    KeyFlags flags{deferrable || deferred || constraint.flag("deferrable"),
                   constraint.flag("nulls_not_distinct"),
                   deferred || constraint.flag("initdeferred")};
    if (constraint.has("conname")) {
      if (truncate_identifier(constraint.str("conname")) == name) named = flags;
    } else if (columns == object.columns) {
      unnamed = flags;
      ++unnamed_count;
    }
  };
  walk(statement, [&](const Node& node) {
    if (node.is("ColumnDef")) {
      std::vector<std::string> column{truncate_identifier(node.str("colname"))};
      NodeList constraints = node.list("constraints");
      for (auto it = constraints.begin(); it != constraints.end(); ++it) {
        // DEFERRABLE and INITIALLY DEFERRED follow the constraint as nodes of their own.
        bool deferrable = false;
        bool deferred = false;
        auto next = it;
        for (++next; next != constraints.end(); ++next) {
          std::string_view attribute = (*next).str("contype");
          if (!attribute.starts_with("CONSTR_ATTR_")) break;
          if (attribute == "CONSTR_ATTR_DEFERRABLE") deferrable = true;
          if (attribute == "CONSTR_ATTR_DEFERRED") deferred = true;
        }
        consider(*it, column, deferrable, deferred);
      }
      return false;
    }
    if (!node.is("Constraint")) return true;
    std::vector<std::string> columns;
    // An exclusion constraint's columns (an expression's has no name here: such a constraint is
    // found by its name only).
    for (const ExclusionElement& element : exclusion_elements(node)) {
      columns.push_back(truncate_identifier(element.element.str("name")));
    }
    for (Node key : node.list(type == "CONSTR_FOREIGN" ? "fk_attrs" : "keys")) {
      columns.push_back(truncate_identifier(key.as_str()));
    }
    consider(node, columns, false, false);
    return false;
  });
  if (named) return named;
  if (unnamed_count == 1) return unnamed;
  return std::nullopt;
}

// A table whose keys the replay does not see: made with LIKE (INCLUDING INDEXES copies them),
// as a partition or child or attached as a partition (it takes its parent's), or of a composite
// type.
bool takes_keys_from_elsewhere(const Project& project, const Catalog& catalog,
                               const ObjectRef& table, Tick at) {
  auto origin = catalog.created_by(table, at);
  if (!origin) return true;
  const Statement* created = statement_at(project, *origin);
  if (created == nullptr) return true;
  const Node& node = created->node;
  if (!node.is("CreateStmt")) return !node.is("CreateTableAsStmt");
  if (node.has("inhRelations") || node.has("partbound") || node.has("ofTypename")) return true;
  for (Node element : node.list("tableElts")) {
    if (element.is("TableLikeClause")) return true;
  }
  // ALTER TABLE parent ATTACH PARTITION table: it takes the parent's keys then.
  ObjectId id = catalog.find(table, at);
  if (id == k_no_object) return true;
  const CatalogObject& object = catalog.object(id);
  for (const Origin& change : object.changed) {
    if (change.tick > at) continue;
    const Statement* altered = statement_at(project, change);
    if (altered == nullptr || !altered->node.is("AlterTableStmt")) continue;
    for (Node command : altered->node.list("cmds")) {
      if (command.str("subtype") == "AT_AttachPartition" &&
          relation_name(command.get("def").get("name")).name == object.ref_at(change.tick).name) {
        return true;
      }
    }
  }
  return false;
}

std::optional<char> persistence_at(const Project& project, const CatalogObject& table, Tick at) {
  if (table.ref_at(table.created.tick).schema == "pg_temp") return 't';
  const Statement* made = statement_at(project, table.created);
  if (made == nullptr) return std::nullopt;
  Node relation;
  if (made->node.is("CreateStmt")) relation = made->node.get("relation");
  if (made->node.is("CreateTableAsStmt")) relation = made->node.get("into").get("rel");
  std::string_view given = relation.valid() ? relation.str("relpersistence") : "";
  if (given != "p" && given != "u") return std::nullopt;
  char now = given[0];
  for (const Origin& change : table.changed) {
    if (change.tick >= at) continue;
    const Statement* alter = statement_at(project, change);
    if (alter == nullptr || !alter->node.is("AlterTableStmt")) continue;
    for (Node command : alter->node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      if (subtype == "AT_SetLogged") now = 'p';
      if (subtype == "AT_SetUnLogged") now = 'u';
    }
  }
  return now;
}

namespace {

// The kinds whose CREATE fails when the name is taken, as the catalog tells them apart.
bool created_once(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::schema:
    case ObjectKind::table:
    case ObjectKind::column:
    case ObjectKind::index:
    case ObjectKind::constraint:
    case ObjectKind::sequence:
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::function:
    case ObjectKind::procedure:
    case ObjectKind::trigger:
    case ObjectKind::type:
    case ObjectKind::domain:
    case ObjectKind::extension:
    case ObjectKind::policy:
    case ObjectKind::publication:
      return true;
    default:
      return false;
  }
}

// The schemas a CREATE FUNCTION or PROCEDURE names its argument types in ("" where it names
// none). The catalog's signatures leave them out: s1.t and s2.t are one there.
std::vector<std::string> argument_schemas(const Node& statement) {
  std::vector<std::string> schemas;
  for (Node parameter : statement.list("parameters")) {
    if (!input_parameter(parameter)) continue;
    auto names = string_list(parameter.get("argType").list("names"));
    std::string schema = names.size() > 1 ? truncate_identifier(names[names.size() - 2]) : "";
    schemas.push_back(schema == "pg_catalog" ? std::string() : schema);
  }
  return schemas;
}

// Whether a temporary table made by this statement goes at the end of its transaction (ON
// COMMIT DROP). The replay keeps it, as the statement's other effects.
bool dropped_on_commit(const Statement* made) {
  if (made == nullptr) return false;
  const Node& node = made->node;
  if (node.is("CreateStmt")) return node.str("oncommit") == "ONCOMMIT_DROP";
  if (node.is("CreateTableAsStmt")) return node.get("into").str("onCommit") == "ONCOMMIT_DROP";
  return false;
}

// Whether the object may be gone by the tick in ways the replay does not follow: a temporary
// table of an earlier migration made ON COMMIT DROP (or an object on one), a DROP OWNED BY
// between its creation and the tick, a schema it was made in renamed or dropped since. A
// temporary table made without ON COMMIT DROP lasts until the connection closes: golang-migrate
// and `sqlgate up` run every pending migration on one connection, so on a new database it is
// there (see session_temporary).
bool may_be_gone(const Project& project, const Catalog& catalog, const CatalogObject& object,
                 std::size_t file, std::size_t statement, Tick at) {
  const ObjectRef& made = object.ref_at(object.created.tick);
  if (object.created.file != file) {
    auto gone_at_commit = [&](ObjectId id) {
      if (id == k_no_object) return false;
      const CatalogObject& table = catalog.object(id);
      return table.ref_at(table.created.tick).schema == "pg_temp" &&
             dropped_on_commit(statement_at(project, table.created));
    };
    if (made.schema == "pg_temp" && dropped_on_commit(statement_at(project, object.created))) {
      return true;
    }
    if (gone_at_commit(object.parent)) return true;
    for (const DependencyEdge& edge : object.depends_on) {
      if (gone_at_commit(edge.object)) return true;
    }
  }
  if (!made.schema.empty()) {
    ObjectRef schema{ObjectKind::schema, "", made.schema};
    if (catalog.find(schema, object.created.tick) != catalog.find(schema, at)) return true;
  }
  for (std::size_t f = 0; f < project.size(); ++f) {
    const FileReplay& replay = catalog.replay(f);
    const ParsedFile* parsed = project.parsed(f);
    if (!replay.replayed || replay.direction != Direction::up || parsed == nullptr ||
        replay.end < object.created.tick || replay.start > at) {
      continue;
    }
    const auto& statements = parsed->all_statements();
    std::size_t first = f == object.created.file ? object.created.statement + 1 : 0;
    std::size_t last = f == file ? std::min(statement, statements.size()) : statements.size();
    for (std::size_t s = first; s < last; ++s) {
      if (statements[s]->node.is("DropOwnedStmt")) return true;
    }
  }
  return false;
}

}  // namespace

bool session_temporary(const Catalog& catalog, const CatalogObject& object) {
  auto temporary = [&](ObjectId id) {
    if (id == k_no_object) return false;
    const CatalogObject& table = catalog.object(id);
    return table.ref_at(table.created.tick).schema == "pg_temp";
  };
  if (object.ref_at(object.created.tick).schema == "pg_temp" || temporary(object.parent)) {
    return true;
  }
  return std::any_of(object.depends_on.begin(), object.depends_on.end(),
                     [&](const DependencyEdge& edge) { return temporary(edge.object); });
}

const CatalogObject* made_already(const Project& project, const Catalog& catalog, std::size_t file,
                                  const CatalogStep& step) {
  const Effect& effect = step.effect;
  if (step.object == k_no_object || !created_once(effect.object.kind)) return nullptr;
  ObjectId taken = k_no_object;
  // The index of a PRIMARY KEY, UNIQUE or EXCLUDE constraint takes the constraint's name, which
  // another relation may have (the index a renamed table kept): "relation ... already exists".
  // An implicit name is chosen free (an identity's sequence given SEQUENCE NAME is not: a serial's
  // or an identity's sequence found there was named); a part of a CREATE TABLE that found its
  // table there is not made.
  bool named = (!effect.implicit && !effect.part) || effect.object.kind == ObjectKind::index ||
               effect.object.kind == ObjectKind::sequence;
  if (effect.action == Action::create && step.existed && named && !effect.or_replace) {
    taken = step.object;
  } else if (effect.action == Action::create && !step.existed && is_relation(effect.object.kind) &&
             !effect.or_replace && !effect.if_not_exists) {
    // Relations of every kind share one namespace per schema: a sequence, an index or a table
    // named as a relation of another kind that is there.
    for (ObjectKind kind : {ObjectKind::table, ObjectKind::sequence, ObjectKind::index}) {
      ObjectRef other = effect.object;
      other.kind = kind;
      other.parent.clear();
      ObjectId id = catalog.find(other, step.tick);
      if (id != k_no_object && id != step.object) {
        taken = id;
        break;
      }
    }
  } else if (effect.action == Action::rename &&
             (!effect.new_name.empty() || !effect.new_schema.empty())) {
    // RENAME TO a name another object of its kind (a relation: of any kind) has, or SET SCHEMA
    // to a schema where one has its name.
    ObjectRef target = catalog.object(step.object).ref_at(step.tick);
    if (!effect.new_name.empty()) target.name = effect.new_name;
    if (!effect.new_schema.empty()) target.schema = effect.new_schema;
    taken = catalog.find(target, step.tick);
    if (taken == step.object) taken = k_no_object;
  }
  if (taken == k_no_object) return nullptr;
  const ParsedFile* parsed = project.parsed(file);
  if (parsed == nullptr || step.statement >= parsed->all_statements().size() ||
      conditional(*parsed->all_statements()[step.statement])) {
    return nullptr;
  }
  const CatalogObject& object = catalog.object(taken);
  // What an earlier statement made under a guard may not be there.
  const Statement* made = statement_at(project, object.created);
  const Statement& making = *parsed->all_statements()[step.statement];
  if (made == nullptr || conditional(*made) || object.created.file > file ||
      (made->node.is("CreateFunctionStmt") && making.node.is("CreateFunctionStmt") &&
       argument_schemas(made->node) != argument_schemas(making.node)) ||
      (object.created.file == file && object.created.statement >= step.statement) ||
      may_be_gone(project, catalog, object, file, step.statement, step.tick)) {
    return nullptr;
  }
  return &object;
}

namespace {

// A test of pg_enum in a guard around an ADD VALUE or RENAME VALUE of `type` (an IF's condition),
// answered with the labels the type has then: EXISTS / NOT EXISTS (SELECT ... FROM pg_enum [JOIN
// pg_type, pg_namespace] WHERE enumlabel = 'x' AND typname = 't' [AND nspname = 's']), and these
// joined by AND, OR, NOT. Nothing for any other test, or one of another type. A test of the label
// alone (no typname: any enum's) is true when `any_has` says an enum certainly has the label (the
// type itself, with these labels, or another); it is never certainly false (an enum made outside
// the migrations may have it).
class LabelTest {
 public:
  using AnyHas = std::function<bool(std::string_view)>;
  LabelTest(const ObjectRef& type, const std::vector<EnumLabel>& labels, AnyHas any_has = {})
      : m_type(type), m_labels(labels), m_any_has(std::move(any_has)) {}

  std::optional<bool> answer(const Node& expression) const {
    if (expression.is("BoolExpr")) {
      std::string_view op = expression.str("boolop");
      NodeList args = expression.list("args");
      if (op == "NOT_EXPR") {
        if (args.size() != 1) return std::nullopt;
        std::optional<bool> inner = answer(args.front());
        if (!inner) return std::nullopt;
        return !*inner;
      }
      bool all = op == "AND_EXPR";
      // AND is false once one is, OR true once one is, whatever the others.
      bool unknown = false;
      for (Node arg : args) {
        std::optional<bool> value = answer(arg);
        if (!value) {
          unknown = true;
        } else if (*value != all) {
          return !all;
        }
      }
      if (unknown) return std::nullopt;
      return all;
    }
    if (expression.is("SubLink") && expression.str("subLinkType") == "EXISTS_SUBLINK") {
      return exists(expression.get("subselect"));
    }
    return std::nullopt;
  }

 private:
  const ObjectRef& m_type;
  const std::vector<EnumLabel>& m_labels;
  AnyHas m_any_has;

  static bool is_catalog(const Node& range_var, std::string_view name) {
    std::string_view schema = range_var.str("schemaname");
    return range_var.str("relname") == name && (schema.empty() || schema == "pg_catalog");
  }

  // The tables of a FROM list and the ON conditions of its joins; false for anything but
  // pg_enum, pg_type and pg_namespace.
  static bool tables(const Node& item, bool& has_enum, std::vector<Node>& conditions) {
    if (item.is("JoinExpr")) {
      if (item.has("quals")) conditions.push_back(item.get("quals"));
      return tables(item.get("larg"), has_enum, conditions) &&
             tables(item.get("rarg"), has_enum, conditions);
    }
    if (!item.is("RangeVar")) return false;
    if (is_catalog(item, "pg_enum")) {
      has_enum = true;
      return true;
    }
    return is_catalog(item, "pg_type") || is_catalog(item, "pg_namespace");
  }

  static void conjuncts(const Node& expression, std::vector<Node>& out) {
    if (expression.is("BoolExpr") && expression.str("boolop") == "AND_EXPR") {
      for (Node arg : expression.list("args")) conjuncts(arg, out);
    } else {
      out.push_back(expression);
    }
  }

  static std::string_view column_name(const Node& node) {
    if (!node.is("ColumnRef")) return {};
    NodeList fields = node.list("fields");
    return !fields.empty() && fields.back().is("String") ? fields.back().as_str()
                                                         : std::string_view();
  }

  std::optional<bool> exists(const Node& select) const {
    if (!select.is("SelectStmt") || select.has("groupClause") || select.has("havingClause") ||
        select.has("limitCount") || select.has("withClause") || select.has("larg")) {
      return std::nullopt;
    }
    bool has_enum = false;
    std::vector<Node> conditions;
    for (Node item : select.list("fromClause")) {
      if (!tables(item, has_enum, conditions)) return std::nullopt;
    }
    if (!has_enum) return std::nullopt;
    if (select.has("whereClause")) conditions.push_back(select.get("whereClause"));
    std::vector<Node> terms;
    for (const Node& condition : conditions) conjuncts(condition, terms);
    std::optional<std::string> label;
    bool typed = false;
    bool schema_given = false;
    for (const Node& term : terms) {
      if (!term.is("A_Expr") || term.str("kind") != "AEXPR_OP") return std::nullopt;
      NodeList names = term.list("name");
      if (names.size() != 1 || names.front().as_str() != "=") return std::nullopt;
      Node left = term.get("lexpr");
      Node right = term.get("rexpr");
      if (!column_name(left).empty() && !column_name(right).empty()) continue;  // a join
      if (column_name(left).empty()) std::swap(left, right);
      std::string_view column = column_name(left);
      if (!right.is("A_Const") || !right.has("sval")) return std::nullopt;
      std::string_view value = right.get("sval").str("sval");
      if (column == "enumlabel") {
        if (label && *label != value) return false;
        label = std::string(value);
      } else if (column == "typname") {
        if (value != m_type.name) return std::nullopt;
        typed = true;
      } else if (column == "nspname") {
        if (value != m_type.schema) return std::nullopt;
        schema_given = true;
      } else {
        return std::nullopt;
      }
    }
    if (!label) return std::nullopt;
    bool has = std::any_of(m_labels.begin(), m_labels.end(),
                           [&](const EnumLabel& known) { return known.label == *label; });
    if (typed) return has;
    if (schema_given || !m_any_has || !(has || m_any_has(*label))) return std::nullopt;
    return true;
  }
};

}  // namespace

bool mentions(std::string_view text, std::string_view name) {
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
  };
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (name.empty() || name.size() > text.size()) return false;
  // A plain loop: std::search with a folding predicate costs several times more per character,
  // and this runs over whole files.
  const char first = lower(name.front());
  for (std::size_t at = 0; at + name.size() <= text.size(); ++at) {
    if (lower(text[at]) != first) continue;
    std::size_t k = 1;
    while (k < name.size() && lower(text[at + k]) == lower(name[k])) ++k;
    if (k < name.size()) continue;
    std::size_t end = at + name.size();
    if ((at == 0 || !word(text[at - 1])) && (end == text.size() || !word(text[end]))) return true;
  }
  return false;
}

namespace {

// Whether a statement of an up after the type was made and before `at` may change its labels
// where the replay does not see it (enum_labels_before()).
bool labels_changed_unseen(const Project& project, const Catalog& catalog, ObjectId id, Tick at) {
  const CatalogObject& type = catalog.object(id);
  auto named = [&](std::string_view text) {
    return std::any_of(type.names.begin(), type.names.end(), [&](const CatalogObject::Name& name) {
      return mentions(text, name.ref.name);
    });
  };
  for (std::size_t f = 0; f < project.size(); ++f) {
    const FileReplay& replay = catalog.replay(f);
    const ParsedFile* file = project.parsed(f);
    if (!replay.replayed || replay.direction != Direction::up || file == nullptr ||
        replay.end <= type.created.tick || replay.start >= at) {
      continue;
    }
    const auto& all = file->all_statements();
    for (std::size_t k = f == type.created.file ? type.created.statement + 1 : 0; k < all.size();
         ++k) {
      if (catalog.before_statement(f, k) >= at) break;
      const Statement& statement = *all[k];
      const Node& node = statement.node;
      if ((node.is("InsertStmt") || node.is("UpdateStmt") || node.is("DeleteStmt")) &&
          relation_name(node.get("relation")).name == "pg_enum") {
        return true;
      }
      if (statement.embedded()) continue;
      std::string_view text =
          file->text().substr(statement.range.begin, statement.range.end - statement.range.begin);
      if (!named(text) || !mentions(text, "value")) continue;
      // The statement, and those its DO block runs.
      bool seen = false;
      for (std::size_t j = k; j < all.size() && (j == k || all[j]->embedded()) && !seen; ++j) {
        for (const CatalogStep& step : catalog.steps_at(f, j)) seen = seen || step.object == id;
      }
      if (!seen) return true;
    }
  }
  return false;
}

}  // namespace

namespace {

std::optional<bool> runs_with(const ParsedFile& file, const Statement& statement,
                              const LabelTest& test) {
  GuardAnalysis guards(file);
  for (const PlpgsqlFrame& frame : statement.frames) {
    if (frame.node.is("PLpgSQL_stmt_block")) {
      if (frame.node.has("exceptions")) return std::nullopt;
      continue;
    }
    if (!frame.node.is("PLpgSQL_stmt_if") || !frame.node.list("elsif_list").empty() ||
        (frame.part != "then_body" && frame.part != "else_body")) {
      return std::nullopt;
    }
    Node condition = guards.condition(frame.node.get("cond").get("query").as_str());
    if (!condition) return std::nullopt;
    std::optional<bool> taken = test.answer(condition);
    if (!taken) return std::nullopt;
    if (*taken != (frame.part == "then_body")) return false;
  }
  return true;
}

// Whether an enum other than `type`, alive at the tick, certainly has the label then: made by a
// CREATE TYPE ... AS ENUM of the migrations that runs on the first run, with the label, and
// changed since by no ALTER TYPE.
bool other_enum_has(const Project& project, const Catalog& catalog, ObjectId type,
                    std::string_view label, Tick tick) {
  for (ObjectId id = 0; id < catalog.size(); ++id) {
    const CatalogObject& other = catalog.object(id);
    if (id == type || other.kind() != ObjectKind::type || !other.alive_at(tick)) continue;
    const Statement* created = statement_at(project, other.created);
    const ParsedFile* made_in = project.parsed(other.created.file);
    if (created == nullptr || made_in == nullptr || !created->node.is("CreateEnumStmt")) continue;
    auto values = string_list(created->node.list("vals"));
    if (std::find(values.begin(), values.end(), label) == values.end() ||
        !made_on_first_run(*made_in, *created)) {
      continue;
    }
    auto changes = changes_before(project, other, tick);
    if (std::none_of(changes.begin(), changes.end(), [](const ObjectChange& change) {
          return change.statement->node.is("AlterEnumStmt");
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<bool> runs_with_labels(const ParsedFile& file, const Statement& statement,
                                     const ObjectRef& type, const std::vector<EnumLabel>& labels) {
  return runs_with(file, statement, LabelTest(type, labels));
}

bool made_on_first_run(const ParsedFile& file, const Statement& created) {
  if (!conditional(created)) return true;
  GuardAnalysis guards(file);
  GuardQuery query;
  query.errors.push_back(condition::duplicate_object);
  std::string mismatch;
  std::optional<Guard> guard = guards.find(created, query, &mismatch);
  return guard && guard->kind == GuardKind::catalog_test && mismatch.empty();
}

std::optional<EnumLabels> enum_labels_before(const Project& project, const Catalog& catalog,
                                             const CatalogStep& step) {
  if (step.object == k_no_object) return std::nullopt;
  return enum_labels_before(project, catalog, step.object, step.tick);
}

std::optional<EnumLabels> enum_labels_before(const Project& project, const Catalog& catalog,
                                             ObjectId id, Tick tick) {
  const CatalogObject& type = catalog.object(id);
  const Statement* created = statement_at(project, type.created);
  const ParsedFile* made_in = project.parsed(type.created.file);
  if (created == nullptr || made_in == nullptr || !created->node.is("CreateEnumStmt") ||
      type.created.tick >= tick) {
    return std::nullopt;
  }
  if (!made_on_first_run(*made_in, *created)) return std::nullopt;
  EnumLabels known;
  std::vector<EnumLabel>& labels = known.labels;
  for (std::string_view value : string_list(created->node.list("vals"))) {
    labels.push_back({std::string(value), type.created});
  }
  auto find = [&](std::string_view label) {
    return std::find_if(labels.begin(), labels.end(),
                        [&](const EnumLabel& taken) { return taken.label == label; });
  };
  // Applies an ADD VALUE or RENAME VALUE; false when the labels are no longer known.
  auto apply = [&](const Node& node, const Origin& origin) {
    std::string_view added = node.str("newVal");
    if (node.has("oldVal")) {
      auto old = find(node.str("oldVal"));
      if (old == labels.end()) return false;
      known.renamed.push_back({old->label, origin});
      *old = {std::string(added), origin};
    } else if (find(added) == labels.end()) {
      // BEFORE or AFTER a label that is not there fails, and adds nothing.
      if (node.has("newValNeighbor") && find(node.str("newValNeighbor")) == labels.end()) {
        return true;
      }
      labels.push_back({std::string(added), origin});
    }
    return true;
  };
  for (const ObjectChange& change : changes_before(project, type, tick)) {
    if (!change.statement->node.is("AlterEnumStmt")) continue;  // RENAME TO, OWNER TO, ...
    if (conditional(*change.statement)) {
      const ParsedFile* file = project.parsed(change.origin.file);
      if (file == nullptr) return std::nullopt;
      auto any_has = [&](std::string_view label) {
        return other_enum_has(project, catalog, id, label, change.origin.tick);
      };
      std::optional<bool> ran = runs_with(
          *file, *change.statement, LabelTest(type.ref_at(change.origin.tick), labels, any_has));
      if (!ran) return std::nullopt;
      if (!*ran) continue;
    }
    if (!apply(change.statement->node, change.origin)) return std::nullopt;
  }
  if (labels_changed_unseen(project, catalog, id, tick)) return std::nullopt;
  return known;
}

std::optional<ColumnEnum> column_enum_before(const Project& project, const Catalog& catalog,
                                             ObjectId column, Tick tick) {
  for (const DependencyEdge& edge : catalog.object(column).depends_on) {
    if (edge.source != DependencySource::type || !edge.alive_at(tick) ||
        catalog.object(edge.object).kind() != ObjectKind::type) {
      continue;
    }
    // The edge is the element type's for an array column.
    std::optional<ColumnType> type = column_type_before(project, catalog, column, tick);
    if (!type || type->array) return std::nullopt;
    std::optional<EnumLabels> labels = enum_labels_before(project, catalog, edge.object, tick);
    if (!labels) return std::nullopt;
    return ColumnEnum{edge.object, std::move(*labels)};
  }
  return std::nullopt;
}

std::optional<EnumLabel> enum_label_taken(const Project& project, const Catalog& catalog,
                                          std::size_t file, const CatalogStep& step) {
  const Effect& effect = step.effect;
  if (effect.action != Action::alter || step.object == k_no_object || effect.if_not_exists ||
      (effect.change != Change::add_value && effect.change != Change::rename_value)) {
    return std::nullopt;
  }
  const ParsedFile* parsed = project.parsed(file);
  if (parsed == nullptr || step.statement >= parsed->all_statements().size()) return std::nullopt;
  const Statement& statement = *parsed->all_statements()[step.statement];
  if (!statement.node.is("AlterEnumStmt") || conditional(statement, condition::duplicate_object)) {
    return std::nullopt;
  }
  std::optional<EnumLabels> known = enum_labels_before(project, catalog, step);
  if (!known) return std::nullopt;
  auto find = [&](std::string_view label) {
    return std::find_if(known->labels.begin(), known->labels.end(),
                        [&](const EnumLabel& taken) { return taken.label == label; });
  };
  // RENAME VALUE of a label that is not there fails on that first ("is not an existing enum
  // label"); of a label to itself, on "already exists".
  const Node& node = statement.node;
  if (node.has("oldVal") && find(node.str("oldVal")) == known->labels.end()) return std::nullopt;
  auto taken = find(node.str("newVal"));
  if (taken == known->labels.end()) return std::nullopt;
  return *taken;
}

}  // namespace sqlgate::lint
