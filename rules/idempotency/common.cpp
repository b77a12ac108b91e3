#include "rules/idempotency/common.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "lint/catalog.h"
#include "lint/objects.h"
#include "lint/table_state.h"

namespace sqlgate::rules::idempotency {

using lint::Node;
using lint::NodeList;
using lint::Statement;

// ---- names and objects ------------------------------------------------------------------

std::string QualifiedName::display() const {
  return schema.empty() ? name : schema + "." + name;
}

std::string QualifiedName::sql() const {
  return lint::sql_name(schema, name);
}

std::string QualifiedName::lookup() const {
  std::string text = lint::quote_if_folded(name);
  return schema.empty() ? text : lint::quote_if_folded(schema) + "." + text;
}

bool same_name(const QualifiedName& a, const QualifiedName& b) {
  return a.name == b.name && (a.schema.empty() || b.schema.empty() || a.schema == b.schema);
}

QualifiedName name_of(const Node& range_var) {
  return QualifiedName{std::string(range_var.str("schemaname")),
                       std::string(range_var.str("relname"))};
}

QualifiedName name_of(const NodeList& names) {
  QualifiedName result;
  std::size_t count = names.size();
  if (count == 0) return result;
  result.name = std::string(names[count - 1].as_str());
  if (count >= 2) result.schema = std::string(names[count - 2].as_str());
  return result;
}

std::string object_display(const Node& object) {
  if (object.is("List")) return lint::join_names(object.list("items"));
  if (object.is("TypeName")) return lint::join_names(object.list("names"));
  if (object.is("ObjectWithArgs")) return lint::join_names(object.list("objname"));
  return std::string(object.as_str());
}

std::optional<std::vector<std::string>> routine_args(const Node& object_with_args) {
  if (object_with_args.flag("args_unspecified")) return std::nullopt;
  std::vector<std::string> args;
  for (Node type : object_with_args.list("objargs")) args.push_back(lint::canonical_type(type));
  return args;
}

std::vector<std::string> created_routine_args(const Node& create) {
  std::vector<std::string> args;
  for (Node parameter : create.list("parameters")) {
    if (!lint::input_parameter(parameter)) continue;
    args.push_back(lint::canonical_type(parameter.get("argType")));
  }
  return args;
}

std::optional<std::string> option_added(const NodeList& options) {
  for (Node option : options) {
    std::string_view action = option.str("defaction");
    if (action != "DEFELEM_SET" && action != "DEFELEM_DROP") {
      return std::string(option.str("defname"));
    }
  }
  return std::nullopt;
}

std::optional<std::string> option_dropped(const NodeList& options) {
  for (Node option : options) {
    if (option.str("defaction") == "DEFELEM_DROP") return std::string(option.str("defname"));
  }
  return std::nullopt;
}

std::string options_owner(const Node& statement) {
  std::string_view kind = statement.kind();
  if (kind == "AlterFdwStmt")
    return "ALTER FOREIGN DATA WRAPPER " + std::string(statement.str("fdwname"));
  if (kind == "AlterUserMappingStmt") {
    return "ALTER USER MAPPING ... SERVER " + std::string(statement.str("servername"));
  }
  return "ALTER SERVER " + std::string(statement.str("servername"));
}

bool ObjectKey::matches(const ObjectKey& other) const {
  return kind == other.kind && same_name(name, other.name) &&
         (parent.name.empty() == other.parent.name.empty()) &&
         (parent.name.empty() || same_name(parent, other.parent));
}

namespace {

ObjectKey key(ObjectKind kind, QualifiedName name, QualifiedName parent = {}) {
  return ObjectKey{kind, std::move(name), std::move(parent)};
}

// "[schema.]table.name" as DROP TRIGGER / RULE / POLICY ... ON table writes it.
ObjectKey on_table(ObjectKind kind, const NodeList& names) {
  ObjectKey result;
  result.kind = kind;
  std::size_t count = names.size();
  if (count == 0) return result;
  result.name.name = std::string(names[count - 1].as_str());
  if (count >= 2) result.parent.name = std::string(names[count - 2].as_str());
  if (count >= 3) result.parent.schema = std::string(names[count - 3].as_str());
  return result;
}

// The kinds of text search objects, which object_kind() leaves out: the changes of the file
// track them, and nothing else.
std::optional<ObjectKind> text_search_kind(std::string_view objtype) {
  if (objtype == "OBJECT_TSCONFIGURATION") return ObjectKind::text_search_configuration;
  if (objtype == "OBJECT_TSDICTIONARY") return ObjectKind::text_search_dictionary;
  if (objtype == "OBJECT_TSPARSER") return ObjectKind::text_search_parser;
  if (objtype == "OBJECT_TSTEMPLATE") return ObjectKind::text_search_template;
  return std::nullopt;
}

// object_kind(), or a text search object's kind.
std::optional<ObjectKind> changed_kind(std::string_view objtype) {
  if (auto kind = object_kind(objtype)) return kind;
  return text_search_kind(objtype);
}

void add_dropped(const Node& statement, ObjectChanges& changes) {
  auto kind = changed_kind(statement.str("removeType"));
  if (!kind) return;
  for (Node object : statement.list("objects")) {
    switch (*kind) {
      case ObjectKind::trigger:
      case ObjectKind::rule:
      case ObjectKind::policy:
        changes.dropped.push_back(on_table(*kind, object.list("items")));
        break;
      case ObjectKind::function:
        changes.dropped.push_back(key(*kind, name_of(object.list("objname"))));
        break;
      case ObjectKind::type:
        changes.dropped.push_back(key(*kind, name_of(object.list("names"))));
        break;
      case ObjectKind::schema:
      case ObjectKind::extension:
      case ObjectKind::event_trigger:
      case ObjectKind::publication:
        changes.dropped.push_back(key(*kind, QualifiedName{"", std::string(object.as_str())}));
        break;
      default:
        changes.dropped.push_back(key(*kind, name_of(object.list("items"))));
        break;
    }
  }
}

// The name of the constraint an ADD CONSTRAINT subcommand makes: its own, or for an unnamed
// PRIMARY KEY the one PostgreSQL gives it (table_pkey); empty for the other unnamed ones.
// PostgreSQL names the constraints of an ALTER TABLE before it runs any of its subcommands: a
// PRIMARY KEY added in the statement that drops table_pkey gets table_pkey1, so none is given
// then.
std::string added_constraint_name(const Node& statement, const Node& command,
                                  const QualifiedName& table) {
  Node def = command.get("def");
  if (def.has("conname")) return std::string(def.str("conname"));
  if (def.str("contype") != "CONSTR_PRIMARY") return {};
  std::string name = lint::make_object_name(table.name, "", "pkey");
  for (Node other : statement.list("cmds")) {
    if (other.str("subtype") == "AT_DropConstraint" && other.str("name") == name) return {};
  }
  return name;
}

void add_alter_table(const Node& statement, ObjectChanges& changes) {
  QualifiedName table = name_of(statement.get("relation"));
  for (Node command : statement.list("cmds")) {
    std::string_view subtype = command.str("subtype");
    if (subtype == "AT_AddConstraint") {
      std::string name = added_constraint_name(statement, command, table);
      if (!name.empty()) {
        changes.created.push_back(
            key(ObjectKind::table_constraint, QualifiedName{"", std::move(name)}, table));
      }
    } else if (subtype == "AT_DropConstraint") {
      changes.dropped.push_back(key(ObjectKind::table_constraint,
                                    QualifiedName{"", std::string(command.str("name"))}, table));
    } else if (subtype == "AT_AddColumn") {
      changes.created.push_back(
          key(ObjectKind::column, QualifiedName{"", std::string(command.get("def").str("colname"))},
              table));
    } else if (subtype == "AT_DropColumn") {
      changes.dropped.push_back(
          key(ObjectKind::column, QualifiedName{"", std::string(command.str("name"))}, table));
    }
  }
}

}  // namespace

std::optional<ObjectKind> object_kind(std::string_view remove_type) {
  if (remove_type == "OBJECT_TABLE") return ObjectKind::table;
  if (remove_type == "OBJECT_VIEW") return ObjectKind::view;
  if (remove_type == "OBJECT_MATVIEW") return ObjectKind::materialized_view;
  if (remove_type == "OBJECT_SEQUENCE") return ObjectKind::sequence;
  if (remove_type == "OBJECT_FOREIGN_TABLE") return ObjectKind::foreign_table;
  if (remove_type == "OBJECT_INDEX") return ObjectKind::index;
  if (remove_type == "OBJECT_FUNCTION" || remove_type == "OBJECT_PROCEDURE" ||
      remove_type == "OBJECT_ROUTINE" || remove_type == "OBJECT_AGGREGATE") {
    return ObjectKind::function;
  }
  if (remove_type == "OBJECT_TYPE" || remove_type == "OBJECT_DOMAIN") return ObjectKind::type;
  if (remove_type == "OBJECT_TRIGGER") return ObjectKind::trigger;
  if (remove_type == "OBJECT_RULE") return ObjectKind::rule;
  if (remove_type == "OBJECT_POLICY") return ObjectKind::policy;
  if (remove_type == "OBJECT_EVENT_TRIGGER") return ObjectKind::event_trigger;
  if (remove_type == "OBJECT_SCHEMA") return ObjectKind::schema;
  if (remove_type == "OBJECT_EXTENSION") return ObjectKind::extension;
  if (remove_type == "OBJECT_PUBLICATION") return ObjectKind::publication;
  return std::nullopt;
}

ObjectChanges object_changes(const Node& statement) {
  ObjectChanges changes;
  std::string_view kind = statement.kind();
  auto created = [&](ObjectKind object, QualifiedName name, QualifiedName parent = {}) {
    changes.created.push_back(key(object, std::move(name), std::move(parent)));
  };
  if (kind == "CreateStmt") {
    created(ObjectKind::table, name_of(statement.get("relation")));
  } else if (kind == "CreateTableAsStmt") {
    created(statement.str("objtype") == "OBJECT_MATVIEW" ? ObjectKind::materialized_view
                                                         : ObjectKind::table,
            name_of(statement.get("into").get("rel")));
  } else if (kind == "SelectStmt" && statement.has("intoClause")) {
    created(ObjectKind::table, name_of(statement.get("intoClause").get("rel")));
  } else if (kind == "ViewStmt") {
    created(ObjectKind::view, name_of(statement.get("view")));
  } else if (kind == "CreateSeqStmt") {
    created(ObjectKind::sequence, name_of(statement.get("sequence")));
  } else if (kind == "CreateForeignTableStmt") {
    created(ObjectKind::foreign_table, name_of(statement.get("base").get("relation")));
  } else if (kind == "IndexStmt" && !statement.str("idxname").empty()) {
    created(ObjectKind::index,
            QualifiedName{std::string(statement.get("relation").str("schemaname")),
                          std::string(statement.str("idxname"))});
  } else if (kind == "CreateFunctionStmt") {
    created(ObjectKind::function, name_of(statement.list("funcname")));
  } else if (kind == "DefineStmt") {
    std::string_view object = statement.str("kind");
    if (object == "OBJECT_AGGREGATE")
      created(ObjectKind::function, name_of(statement.list("defnames")));
    if (object == "OBJECT_TYPE") created(ObjectKind::type, name_of(statement.list("defnames")));
    if (auto text_search = text_search_kind(object)) {
      created(*text_search, name_of(statement.list("defnames")));
    }
  } else if (kind == "CreateEnumStmt" || kind == "CreateRangeStmt") {
    created(ObjectKind::type, name_of(statement.list("typeName")));
  } else if (kind == "CompositeTypeStmt") {
    created(ObjectKind::type, name_of(statement.get("typevar")));
  } else if (kind == "CreateDomainStmt") {
    created(ObjectKind::type, name_of(statement.list("domainname")));
  } else if (kind == "CreateTrigStmt") {
    created(ObjectKind::trigger, QualifiedName{"", std::string(statement.str("trigname"))},
            name_of(statement.get("relation")));
  } else if (kind == "RuleStmt") {
    created(ObjectKind::rule, QualifiedName{"", std::string(statement.str("rulename"))},
            name_of(statement.get("relation")));
  } else if (kind == "CreatePolicyStmt") {
    created(ObjectKind::policy, QualifiedName{"", std::string(statement.str("policy_name"))},
            name_of(statement.get("table")));
  } else if (kind == "CreateEventTrigStmt") {
    created(ObjectKind::event_trigger, QualifiedName{"", std::string(statement.str("trigname"))});
  } else if (kind == "CreateSchemaStmt") {
    created(ObjectKind::schema, QualifiedName{"", std::string(statement.str("schemaname"))});
  } else if (kind == "CreateExtensionStmt") {
    created(ObjectKind::extension, QualifiedName{"", std::string(statement.str("extname"))});
  } else if (kind == "CreateRoleStmt") {
    created(ObjectKind::role, QualifiedName{"", std::string(statement.str("role"))});
  } else if (kind == "CreatePublicationStmt") {
    created(ObjectKind::publication, QualifiedName{"", std::string(statement.str("pubname"))});
  } else if (kind == "AlterTableStmt") {
    add_alter_table(statement, changes);
  } else if (kind == "AlterDomainStmt") {
    QualifiedName domain = name_of(statement.list("typeName"));
    std::string_view subtype = statement.str("subtype");
    if (subtype == "C" && !statement.get("def").str("conname").empty()) {
      created(ObjectKind::domain_constraint,
              QualifiedName{"", std::string(statement.get("def").str("conname"))}, domain);
    } else if (subtype == "X") {
      changes.dropped.push_back(key(ObjectKind::domain_constraint,
                                    QualifiedName{"", std::string(statement.str("name"))}, domain));
    }
  } else if (kind == "DropStmt") {
    add_dropped(statement, changes);
  } else if (kind == "DropRoleStmt") {
    for (Node role : statement.list("roles")) {
      changes.dropped.push_back(
          key(ObjectKind::role, QualifiedName{"", std::string(role.str("rolename"))}));
    }
  }
  return changes;
}

TemplateChanges::TemplateChanges(const lint::ParsedFile& file) {
  for (const Statement& statement : file.templated()) {
    ObjectChanges changes = object_changes(statement.node);
    for (ObjectKey& key : changes.created) m_all.created.push_back(std::move(key));
    for (ObjectKey& key : changes.dropped) m_all.dropped.push_back(std::move(key));
  }
}

bool TemplateChanges::any(const std::vector<ObjectKey>& keys, const ObjectKey& key) {
  auto last = [](const QualifiedName& name) { return lint::truncate_identifier(name.name); };
  return std::any_of(keys.begin(), keys.end(), [&](const ObjectKey& other) {
    return other.kind == key.kind && last(other.name) == last(key.name) &&
           last(other.parent) == last(key.parent);
  });
}

std::vector<ObjectMove> object_moves(const Node& statement) {
  std::vector<ObjectMove> moves;
  bool rename = statement.is("RenameStmt");
  if (!rename && !statement.is("AlterObjectSchemaStmt")) return moves;
  std::string_view type = statement.str(rename ? "renameType" : "objectType");
  std::optional<ObjectKind> kind = changed_kind(type);
  if (!kind) {
    if (type == "OBJECT_COLUMN" || type == "OBJECT_TABCONSTRAINT")
      kind = ObjectKind::column;
    else if (type == "OBJECT_DOMCONSTRAINT")
      kind = ObjectKind::domain_constraint;
    else
      return moves;
  }
  std::string new_name(statement.str("newname"));
  // The object's new name: renamed in its schema, or moved with its name.
  auto moved = [&](const QualifiedName& from) {
    return rename ? QualifiedName{from.schema, new_name}
                  : QualifiedName{std::string(statement.str("newschema")), from.name};
  };
  QualifiedName table = name_of(statement.get("relation"));
  // A routine's or type's name, as the statement's object writes it.
  Node object = statement.get("object");
  QualifiedName named =
      name_of(object.is("ObjectWithArgs") ? object.list("objname") : object.list("items"));
  auto sub = [&](ObjectKind of, const QualifiedName& parent) {
    moves.push_back({key(of, QualifiedName{"", std::string(statement.str("subname"))}, parent),
                     key(of, QualifiedName{"", new_name}, parent)});
  };
  static constexpr ObjectKind k_relations[] = {
      ObjectKind::table,    ObjectKind::view,          ObjectKind::materialized_view,
      ObjectKind::sequence, ObjectKind::foreign_table, ObjectKind::index};
  switch (*kind) {
    case ObjectKind::table:
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::sequence:
    case ObjectKind::foreign_table:
    case ObjectKind::index:
      for (ObjectKind any : k_relations)
        moves.push_back({key(any, table), key(*kind, moved(table))});
      break;
    case ObjectKind::function:
    case ObjectKind::type:
    case ObjectKind::text_search_configuration:
    case ObjectKind::text_search_dictionary:
    case ObjectKind::text_search_parser:
    case ObjectKind::text_search_template:
      if (!named.name.empty()) moves.push_back({key(*kind, named), key(*kind, moved(named))});
      break;
    case ObjectKind::column:  // and table constraints
      if (!rename) break;
      if (type == "OBJECT_TABCONSTRAINT")
        sub(ObjectKind::table_constraint, table);
      else if (statement.str("relationType") == "OBJECT_TABLE")
        sub(ObjectKind::column, table);
      break;
    case ObjectKind::domain_constraint:
      if (rename) sub(*kind, named);
      break;
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      if (rename) sub(*kind, table);
      break;
    case ObjectKind::schema:
      if (rename) sub(*kind, {});
      break;
    default:
      break;
  }
  return moves;
}

// ---- unique keys and the foreign keys tied to them -----------------------------------------

namespace {

std::vector<std::string> identifiers(const NodeList& names) {
  std::vector<std::string> result;
  for (Node name : names) result.push_back(lint::truncate_identifier(name.as_str()));
  return result;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

// The key a PRIMARY KEY or UNIQUE constraint makes (of a column, when written in its
// definition); nothing for other constraints and deferrable ones.
std::optional<UniqueKey> constraint_key(const Node& constraint, const QualifiedName& table,
                                        std::string_view column, std::size_t part) {
  std::string_view type = constraint.str("contype");
  bool primary = type == "CONSTR_PRIMARY";
  if ((!primary && type != "CONSTR_UNIQUE") || constraint.flag("deferrable")) return std::nullopt;
  UniqueKey key;
  key.table = table;
  key.primary = primary;
  key.constraint = true;
  key.part = part;
  if (!constraint.has("indexname")) {
    key.columns = identifiers(constraint.list("keys"));
    if (key.columns.empty() && !column.empty()) {
      key.columns.push_back(lint::truncate_identifier(column));
    }
  }
  key.named = constraint.has("conname");
  if (key.named) {
    key.name = lint::truncate_identifier(constraint.str("conname"));
  } else if (primary) {
    key.name = lint::make_object_name(table.name, "", "pkey");
  } else if (!key.columns.empty()) {
    std::string columns;
    for (const auto& name : key.columns) columns += (columns.empty() ? "" : "_") + name;
    key.name = lint::make_object_name(table.name, columns, "key");
  }
  return key;
}

struct ForeignKeyRef {
  QualifiedName table;               // the table the foreign key is on
  QualifiedName referenced;          // the table it references
  std::vector<std::string> columns;  // the referenced columns; empty: its primary key
};

std::vector<ForeignKeyRef> foreign_keys(const Node& statement) {
  std::vector<ForeignKeyRef> keys;
  auto add = [&](const Node& constraint, const QualifiedName& table) {
    if (constraint.str("contype") != "CONSTR_FOREIGN") return;
    keys.push_back(ForeignKeyRef{table, name_of(constraint.get("pktable")),
                                 identifiers(constraint.list("pk_attrs"))});
  };
  auto column = [&](const Node& column_def, const QualifiedName& table) {
    for (Node constraint : column_def.list("constraints")) add(constraint, table);
  };
  std::string_view kind = statement.kind();
  if (kind == "CreateStmt") {
    QualifiedName table = name_of(statement.get("relation"));
    for (Node element : statement.list("tableElts")) {
      if (element.is("ColumnDef")) column(element, table);
      if (element.is("Constraint")) add(element, table);
    }
  } else if (kind == "AlterTableStmt") {
    QualifiedName table = name_of(statement.get("relation"));
    for (Node command : statement.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      if (subtype == "AT_AddConstraint") add(command.get("def"), table);
      if (subtype == "AT_AddColumn") column(command.get("def"), table);
    }
  }
  return keys;
}

// Whether the file drops the table (or its schema) before `before`, or after `after`.
bool table_dropped(const FileScope& scope, const Statement& before, const Statement& after,
                   const QualifiedName& table) {
  for (ObjectKind kind : {ObjectKind::table, ObjectKind::foreign_table}) {
    ObjectKey key{kind, table, {}};
    if (scope.dropped_before(before, key) || scope.dropped_after(after, key)) return true;
  }
  if (table.schema.empty()) return false;
  ObjectKey schema{ObjectKind::schema, QualifiedName{"", table.schema}, {}};
  return scope.dropped_before(before, schema) || scope.dropped_after(after, schema);
}

// A key's columns, sorted, with its table's name: how FileKeys finds the keys and foreign keys
// on the same columns.
std::string columns_key(const QualifiedName& table, std::vector<std::string> columns) {
  std::sort(columns.begin(), columns.end());
  std::string key = table.name;
  for (const auto& column : columns) key += '\x1f' + column;
  return key;
}

// What the unique and foreign key checks ask of a file, read once and indexed: its unique keys
// (in file order, and by name, by table and columns), its foreign keys by the table and columns
// they reference, and the statements that drop a table's constraints or columns. Each lookup
// goes to the few entries of one name, so a file of thousands of keys is not read once per key.
struct FileKeys {
  explicit FileKeys(const lint::ParsedFile& file) {
    const auto& all = file.all_statements();
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (UniqueKey& key : unique_keys(all[i]->node)) {
        std::size_t at = keys.size();
        by_name[key.name].push_back(at);
        if (key.columns.empty()) {
          columns_unknown[key.table.name].push_back(at);
        } else {
          by_columns[columns_key(key.table, key.columns)].push_back(at);
        }
        keys.emplace_back(i, std::move(key));
      }
      for (ForeignKeyRef& foreign : foreign_keys(all[i]->node)) {
        foreign_by_key[columns_key(foreign.referenced, foreign.columns)].emplace_back(
            i, std::move(foreign));
      }
      for (const ObjectKey& dropped : object_changes(all[i]->node).dropped) {
        if (dropped.kind == ObjectKind::table_constraint || dropped.kind == ObjectKind::column) {
          part_drops[dropped.parent.name].emplace_back(i, dropped.parent);
        }
      }
    }
  }
  std::vector<std::pair<std::size_t, UniqueKey>> keys;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;  // positions in keys
  std::unordered_map<std::string, std::vector<std::size_t>> by_columns;
  std::unordered_map<std::string, std::vector<std::size_t>> columns_unknown;  // by table name
  // By the referenced table's name and columns (none: its primary key), in file order.
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, ForeignKeyRef>>>
      foreign_by_key;
  // The statements that drop a constraint or column of a table, by the table's name, in order.
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, QualifiedName>>> part_drops;

  template <typename Map>
  static const typename Map::mapped_type& at(const Map& map, const std::string& key) {
    static const typename Map::mapped_type k_none;
    auto found = map.find(key);
    return found == map.end() ? k_none : found->second;
  }
};

const FileKeys& file_keys(const FileScope& scope) {
  return scope.context().shared<FileKeys>(scope.file());
}

// Whether a statement before index `before` or after index `after` drops a constraint or column
// of the table.
bool table_parts_dropped(const FileScope& scope, std::size_t before, std::size_t after,
                         const QualifiedName& table) {
  for (const auto& [at, parent] : FileKeys::at(file_keys(scope).part_drops, table.name)) {
    if ((at < before || at > after) && same_name(parent, table)) return true;
  }
  return false;
}

// Whether the table may have another unique key on exactly these columns, which PostgreSQL
// could pick for the foreign key instead: made by a statement of the file, or by an earlier
// migration.
bool other_key(const FileScope& scope, const Statement& made, const UniqueKey& key,
               const std::vector<std::string>& columns) {
  std::size_t made_at = scope.index_of(made);
  const FileKeys& file = file_keys(scope);
  for (const auto* positions : {&FileKeys::at(file.by_columns, columns_key(key.table, columns)),
                                &FileKeys::at(file.columns_unknown, key.table.name)}) {
    for (std::size_t position : *positions) {
      const auto& [at, other] = file.keys[position];
      if (at == made_at && other.part == key.part) continue;
      if (!same_name(other.table, key.table)) continue;
      if (!other.name.empty() && other.name == key.name) continue;
      return true;
    }
  }
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr) return false;
  const lint::FileReplay& replay = catalog->replay(context.index);
  if (!replay.replayed) return false;
  lint::ObjectRef table;
  table.kind = lint::ObjectKind::table;
  table.name = lint::truncate_identifier(key.table.name);
  table.schema = key.table.schema.empty() ? "public" : lint::truncate_identifier(key.table.schema);
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, scope.index_of(made))) {
    const lint::ObjectRef& object = step->effect.object;
    if (object.name == key.name &&
        (object.kind == lint::ObjectKind::constraint || object.kind == lint::ObjectKind::index)) {
      table.schema = object.schema;
    }
  }
  std::vector<lint::ObjectId> ids = catalog->constraints(table, replay.start);
  std::vector<lint::ObjectId> indexes = catalog->indexes(table, replay.start);
  ids.insert(ids.end(), indexes.begin(), indexes.end());
  for (lint::ObjectId id : ids) {
    const lint::CatalogObject& other = catalog->object(id);
    if (!other.unique || other.partial || other.contype == 'x') continue;
    if (other.ref().name == key.name) continue;
    if (!other.columns.empty() && !same_set(other.columns, columns)) continue;
    return true;
  }
  return false;
}

}  // namespace

std::vector<UniqueKey> unique_keys(const Node& statement) {
  std::vector<UniqueKey> keys;
  auto column = [&](const Node& column_def, const QualifiedName& table, std::size_t part) {
    for (Node constraint : column_def.list("constraints")) {
      if (auto key = constraint_key(constraint, table, column_def.str("colname"), part)) {
        keys.push_back(std::move(*key));
      }
    }
  };
  std::string_view kind = statement.kind();
  if (kind == "CreateStmt" || kind == "AlterTableStmt") {
    QualifiedName table = name_of(statement.get("relation"));
    bool create = kind == "CreateStmt";
    std::size_t part = 0;
    for (Node element : statement.list(create ? "tableElts" : "cmds")) {
      std::size_t at = part++;
      std::string_view subtype = element.str("subtype");
      Node definition = create ? element : element.get("def");
      if (definition.is("ColumnDef") && (create || subtype == "AT_AddColumn")) {
        column(definition, table, at);
      } else if (definition.is("Constraint") && (create || subtype == "AT_AddConstraint")) {
        if (auto key = constraint_key(definition, table, "", at)) keys.push_back(std::move(*key));
      }
    }
    // PostgreSQL names the constraints of an ALTER TABLE before it runs any of them: one written
    // without a name in the statement that drops t_pkey (t_a_key) gets t_pkey1 (t_a_key1).
    for (Node command : create ? NodeList{} : statement.list("cmds")) {
      if (command.str("subtype") != "AT_DropConstraint") continue;
      std::string dropped = lint::truncate_identifier(command.str("name"));
      for (UniqueKey& key : keys) {
        if (!key.named && key.name == dropped) key.name.clear();
      }
    }
  } else if (kind == "IndexStmt" && statement.flag("unique") && !statement.has("whereClause")) {
    UniqueKey key;
    key.table = name_of(statement.get("relation"));
    key.name = lint::truncate_identifier(statement.str("idxname"));
    key.named = true;
    for (Node param : statement.list("indexParams")) {
      std::string_view name = param.str("name");
      if (name.empty()) return keys;  // an expression: no foreign key can use it
      key.columns.push_back(lint::truncate_identifier(name));
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

std::vector<std::pair<std::size_t, const UniqueKey*>> keys_named(const FileScope& scope,
                                                                 const std::string& name) {
  const FileKeys& file = file_keys(scope);
  std::vector<std::pair<std::size_t, const UniqueKey*>> found;
  for (std::size_t position : FileKeys::at(file.by_name, name)) {
    found.emplace_back(file.keys[position].first, &file.keys[position].second);
  }
  return found;
}

const Statement* tied_foreign_key(const FileScope& scope, const Statement& drop,
                                  const Statement& made, const UniqueKey& key) {
  if (key.columns.empty() || key.name.empty()) return nullptr;
  const auto& all = scope.file().all_statements();
  std::size_t drop_at = scope.index_of(drop);
  std::size_t made_at = scope.index_of(made);
  if (made_at >= all.size() || drop_at > made_at) return nullptr;
  // The key's table made afresh, or the key dropped again once made: the second run starts
  // without it.
  if (table_dropped(scope, drop, made, key.table)) return nullptr;
  ObjectKey own =
      key.constraint
          ? ObjectKey{ObjectKind::table_constraint, QualifiedName{"", key.name}, key.table}
          : ObjectKey{ObjectKind::index, QualifiedName{key.table.schema, key.name}, {}};
  if (scope.dropped_after(made, own) != nullptr) return nullptr;
  // The first foreign key after it on those columns (or on none, for a primary key), whichever
  // statement comes first.
  const FileKeys& file = file_keys(scope);
  const ForeignKeyRef* first = nullptr;
  std::size_t first_at = all.size();
  for (bool by_primary : {false, true}) {
    if (by_primary && !key.primary) continue;
    const auto& candidates =
        FileKeys::at(file.foreign_by_key,
                     columns_key(key.table, by_primary ? std::vector<std::string>{} : key.columns));
    auto from =
        std::upper_bound(candidates.begin(), candidates.end(), made_at,
                         [](std::size_t at, const auto& entry) { return at < entry.first; });
    for (auto it = from; it != candidates.end() && it->first < first_at; ++it) {
      const auto& [i, foreign] = *it;
      if (!same_name(foreign.referenced, key.table)) continue;
      if (table_dropped(scope, drop, *all[i], foreign.table) ||
          table_parts_dropped(scope, drop_at, i, foreign.table)) {
        continue;
      }
      first = &foreign;
      first_at = i;
      break;
    }
  }
  if (first == nullptr) return nullptr;
  if (!first->columns.empty() && other_key(scope, made, key, first->columns)) return nullptr;
  return all[first_at];
}

// Whether a second run's DROP of what `made` creates works: nothing the file makes after it
// depends on it (a view reading the view, a trigger calling the function, a default), or what
// does is dropped by the file again (before the DROP, or after it was made). nullopt when there
// is no replay of the file. Otherwise what stands in the way ("view w"; empty when unknown).
std::optional<std::string> drop_blocker(const FileScope& scope, const Statement& made,
                                        const Statement& drop) {
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return std::string();
  const auto& steps = catalog->replay(context.index).steps;
  std::size_t made_at = scope.index_of(made);
  std::size_t drop_at = scope.index_of(drop);
  const lint::CatalogStep* made_step = nullptr;
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, made_at)) {
    if (step->effect.action == lint::Action::create && !step->effect.implicit) {
      made_step = step;
      break;
    }
  }
  if (made_step == nullptr) return std::string();
  // A dependency on a type reaches a table's (view's) row type too: a function taking or
  // returning films_v depends on the view films_v.
  auto same = [](const lint::ObjectRef& a, const lint::ObjectRef& b) {
    auto row_type = [](const lint::ObjectRef& type, const lint::ObjectRef& relation) {
      return type.kind == lint::ObjectKind::type && relation.kind != lint::ObjectKind::index &&
             relation.kind != lint::ObjectKind::sequence && lint::is_relation(relation.kind);
    };
    bool kinds =
        row_type(a, b) || row_type(b, a) ||
        (lint::is_relation(a.kind) ? lint::is_relation(b.kind)
                                   : lint::is_routine(a.kind) == lint::is_routine(b.kind) &&
                                         (lint::is_routine(a.kind) || a.kind == b.kind));
    return kinds && a.name == b.name && a.parent == b.parent &&
           (a.schema.empty() || b.schema.empty() || a.schema == b.schema);
  };
  auto describe = [](const lint::ObjectRef& dependent) {
    if (dependent.kind == lint::ObjectKind::column) {
      return "the default of column " + dependent.name + " of " + dependent.parent;
    }
    std::string noun(lint::to_string(dependent.kind));
    if (lint::has_parent(dependent.kind))
      return noun + " " + dependent.name + " on " + dependent.parent;
    return noun + " " + dependent.name;
  };
  // DROP ... CASCADE takes the dependent along, and the second run makes it again: unless it is
  // a column's default made with its column (CREATE TABLE or ADD COLUMN IF NOT EXISTS skip).
  bool cascade = drop.node.str("behavior") == "DROP_CASCADE";
  auto remade = [&](const lint::ObjectRef& dependent, const lint::CatalogStep& by) {
    return cascade &&
           (dependent.kind != lint::ObjectKind::column || by.effect.action == lint::Action::alter);
  };
  // Whether the file drops the dependent made by statement `made_by` again: before the DROP (a
  // second run drops it first) or after making it.
  // A trigger, foreign key or other object of a table goes with the table.
  auto takes = [&](const lint::ObjectRef& dropped, const lint::ObjectRef& dependent) {
    if (same(dropped, dependent)) return true;
    return lint::has_parent(dependent.kind) && lint::is_relation(dropped.kind) &&
           dropped.name == dependent.parent &&
           (dropped.schema.empty() || dependent.schema.empty() ||
            dropped.schema == dependent.schema);
  };
  auto dropped_again = [&](const lint::ObjectRef& dependent, std::size_t made_by) {
    return std::any_of(steps.begin(), steps.end(), [&](const lint::CatalogStep& step) {
      return step.effect.action == lint::Action::drop &&
             (step.statement < drop_at || step.statement > made_by) &&
             takes(step.effect.object, dependent);
    });
  };
  if (made_step->object != lint::k_no_object && !made_step->existed) {
    // An up: its creates are in the catalog, with the edges of what depends on them.
    for (const lint::DependencyEdge& edge : catalog->object(made_step->object).dependents) {
      if (edge.automatic) continue;
      auto by = std::find_if(steps.begin(), steps.end(),
                             [&](const lint::CatalogStep& step) { return step.tick == edge.from; });
      if (by == steps.end() || by->statement <= made_at) continue;
      const lint::ObjectRef& dependent = catalog->object(edge.object).ref_at(edge.from);
      if (remade(dependent, *by)) continue;
      if (!dropped_again(dependent, by->statement)) return describe(dependent);
    }
    return std::nullopt;
  }
  // A down: its steps keep the dependencies they name. Those a statement needs only while it runs
  // (the columns an UPDATE reads, a LANGUAGE sql body's names) leave nothing that depends on it.
  for (const lint::CatalogStep& step : steps) {
    if (step.statement <= made_at || step.effect.action == lint::Action::drop) continue;
    for (const lint::Dependency& dependency : step.effect.depends_on) {
      if (dependency.automatic || dependency.reverse ||
          dependency.source == lint::DependencySource::statement ||
          !same(dependency.object, made_step->effect.object)) {
        continue;
      }
      if (remade(step.effect.object, step)) continue;
      if (!dropped_again(step.effect.object, step.statement)) return describe(step.effect.object);
    }
  }
  return std::nullopt;
}

std::string blocked_drop_consequence(const Statement& drop, const std::string& blocker) {
  return drop.node.str("behavior") == "DROP_CASCADE"
             ? "with CASCADE takes " + blocker + " along, and the second run does not make it again"
             : "fails: " + blocker + ", made after it by this file, depends on it";
}

std::string_view drop_consequence(ObjectKind kind, const Statement& drop) {
  if (drop.node.str("behavior") == "DROP_CASCADE") {
    switch (kind) {
      case ObjectKind::view:
      case ObjectKind::materialized_view:
      case ObjectKind::function:
        return "drops it again with CASCADE, and with it whatever depends on it by then";
      case ObjectKind::type:
        return "drops the type again with CASCADE, and with it the columns that use it and their "
               "data";
      case ObjectKind::schema:
        return "drops the schema again with CASCADE, with everything in it by then, and creates "
               "it empty";
      case ObjectKind::extension:
        return "drops the extension again with CASCADE, and with it whatever uses it";
      case ObjectKind::text_search_configuration:
        return "drops it again with CASCADE, and with it the generated columns (and their data), "
               "the indexes and the views that use it";
      case ObjectKind::text_search_dictionary:
      case ObjectKind::text_search_parser:
      case ObjectKind::text_search_template:
        return "drops it again with CASCADE, and with it the text search objects that use it and "
               "what uses them";
      default:
        break;
    }
  }
  switch (kind) {
    case ObjectKind::table:
    case ObjectKind::foreign_table:
      return "drops the table and its rows again and creates it empty";
    case ObjectKind::sequence:
      return "drops the sequence and starts it again from its first value";
    case ObjectKind::view:
    case ObjectKind::materialized_view:
    case ObjectKind::function:
      return "fails once other objects depend on it (and with CASCADE drops them)";
    case ObjectKind::type:
      return "fails once a column, function or other type uses it (and with CASCADE drops those "
             "columns and their data)";
    case ObjectKind::role:
      return "fails once the role owns objects or holds privileges: roles are shared by every "
             "database of the server";
    case ObjectKind::schema:
      return "fails once the schema holds objects (and with CASCADE drops them)";
    case ObjectKind::extension:
      return "fails once objects use the extension (and with CASCADE drops them)";
    case ObjectKind::publication:
      return "breaks the subscriptions that replicate from it";
    case ObjectKind::text_search_configuration:
      return "fails once a generated column, an index or a view uses it (in to_tsvector() or "
             "the like), and with CASCADE drops those columns and their data, the indexes and the "
             "views";
    case ObjectKind::text_search_dictionary:
      return "fails once a text search configuration maps tokens to it (and with CASCADE drops "
             "that configuration and what uses it)";
    case ObjectKind::text_search_parser:
      return "fails once a text search configuration uses it (and with CASCADE drops that "
             "configuration and what uses it)";
    case ObjectKind::text_search_template:
      return "fails once a text search dictionary uses it (and with CASCADE drops that "
             "dictionary and the configurations that use it)";
    case ObjectKind::index:
    case ObjectKind::trigger:
    case ObjectKind::rule:
    case ObjectKind::policy:
    case ObjectKind::event_trigger:
    case ObjectKind::table_constraint:
    case ObjectKind::domain_constraint:
    case ObjectKind::column:
      break;
  }
  return "";
}

// ---- tokens -----------------------------------------------------------------------------

StatementTokens::StatementTokens(const lint::ParsedFile& file, const Statement& statement) {
  if (!statement.exact) return;
  for (const lint::Token& token : file.tokens(statement.range)) {
    if (token.name == "SQL_COMMENT" || token.name == "C_COMMENT") continue;
    m_tokens.push_back(token);
  }
}

bool StatementTokens::is(std::size_t index, std::string_view name) const {
  return index < m_tokens.size() && m_tokens[index].name == name;
}

bool StatementTokens::is_char(std::size_t index, char c) const {
  return index < m_tokens.size() && m_tokens[index].token == static_cast<unsigned char>(c);
}

std::optional<std::size_t> StatementTokens::at(std::uint32_t offset) const {
  auto it = std::lower_bound(
      m_tokens.begin(), m_tokens.end(), offset,
      [](const lint::Token& token, std::uint32_t value) { return token.range.begin < value; });
  if (it == m_tokens.end() || it->range.begin != offset) return std::nullopt;
  return static_cast<std::size_t>(it - m_tokens.begin());
}

std::optional<std::size_t> StatementTokens::find(std::string_view name, std::size_t from) const {
  for (std::size_t i = from; i < m_tokens.size(); ++i) {
    if (m_tokens[i].name == name) return i;
  }
  return std::nullopt;
}

std::vector<std::pair<std::size_t, std::size_t>> StatementTokens::commands(
    const Statement& statement) const {
  std::size_t count = statement.node.list("cmds").size();
  std::vector<std::pair<std::size_t, std::size_t>> result;
  auto location = statement.node.get("relation").location();
  if (!location) return result;
  auto name = at(statement.offset(location));
  if (!name) return result;
  std::size_t i = *name + 1;
  while (is_char(i, '.')) i += 2;
  if (is_char(i, '*')) ++i;
  std::size_t begin = i;
  int depth = 0;
  for (; i < m_tokens.size(); ++i) {
    if (is_char(i, '(') || is_char(i, '[')) ++depth;
    if (is_char(i, ')') || is_char(i, ']')) --depth;
    if (depth == 0 && is_char(i, ',')) {
      result.emplace_back(begin, i);
      begin = i + 1;
    }
  }
  result.emplace_back(begin, m_tokens.size());
  if (result.size() != count || begin >= m_tokens.size()) result.clear();
  return result;
}

lint::TextRange StatementTokens::range(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > m_tokens.size()) return {};
  return lint::TextRange{m_tokens[begin].range.begin, m_tokens[end - 1].range.end};
}

const StatementTokens& AlterCommands::tokens() {
  if (!m_tokens) {
    m_tokens.emplace(*m_file, *m_statement);
    m_commands = m_tokens->commands(*m_statement);
  }
  return *m_tokens;
}

std::optional<std::pair<std::size_t, std::size_t>> AlterCommands::tokens_of(std::size_t index) {
  tokens();
  if (index >= m_commands.size()) return std::nullopt;
  return m_commands[index];
}

lint::TextRange AlterCommands::range(std::size_t index) {
  auto span = tokens_of(index);
  if (!span) return m_statement->range;
  return m_tokens->range(span->first, span->second);
}

std::string rewritten_head(const lint::ParsedFile& file, const Statement& statement,
                           const lint::Edit& edit, std::size_t limit) {
  std::string_view text = file.text();
  std::uint32_t end = edit.range.end;
  while (end < statement.range.end && text[end] != '\n') ++end;
  std::string head(text.substr(statement.range.begin, edit.range.begin - statement.range.begin));
  head += edit.text;
  head += text.substr(edit.range.end, end - edit.range.end);
  std::string result;
  for (char c : head) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (result.empty() || result.back() == ' ')) continue;
    result += space ? ' ' : c;
  }
  while (!result.empty() && result.back() == ' ') result.pop_back();
  if (result.size() > limit) {
    auto cut = result.rfind(' ', limit);
    result.resize(cut == std::string::npos ? limit : cut);
    result += " ...";
  } else if (end < statement.range.end) {
    result += " ...";
  }
  return result;
}

lint::Edit insert_before(const lint::Token& token, std::string text) {
  return lint::Edit{lint::TextRange{token.range.begin, token.range.begin}, std::move(text)};
}

// ---- the file ---------------------------------------------------------------------------

FileScope::FileScope(const lint::FileContext& context, lint::Reporter& out)
    : m_context(context),
      m_out(out),
      m_facts(context.shared<Facts>(context.file)),
      m_discard(out.rule(), lint::Severity::error, m_discarded, &context.file) {}

bool FileScope::fails_first(const Statement& statement) const {
  if (!m_facts.fail_first) {
    std::vector<bool>& fails = m_facts.fail_first.emplace();
    const lint::Catalog* catalog = m_context.project.catalog();
    if (catalog != nullptr && m_context.direction() == lint::Direction::up &&
        catalog->replay(m_context.index).replayed) {
      fails.assign(file().all_statements().size(), false);
      for (const lint::CatalogStep& step : catalog->replay(m_context.index).steps) {
        if (step.statement < fails.size() && !step.effect.if_not_exists &&
            (lint::made_already(m_context.project, *catalog, m_context.index, step) != nullptr ||
             lint::enum_label_taken(m_context.project, *catalog, m_context.index, step))) {
          fails[step.statement] = true;
        }
      }
    }
  }
  std::size_t at = index_of(statement);
  return at < m_facts.fail_first->size() && (*m_facts.fail_first)[at];
}

FileScope::~FileScope() = default;

const std::vector<const Statement*>& FileScope::statements() const {
  if (m_facts.statements) return *m_facts.statements;
  std::vector<const Statement*>& result = m_facts.statements.emplace();
  const lint::ParsedFile& file = m_context.file;
  if (file.has_directive(lint::DirectiveKind::run_once_file)) return result;
  for (const Statement* statement : file.all_statements()) {
    if (statement->kind() == "DoStmt") continue;
    if (!file.directives_for(*statement, lint::DirectiveKind::run_once).empty()) continue;
    result.push_back(statement);
  }
  return result;
}

std::vector<const Statement*> FileScope::templates() const {
  std::vector<const Statement*> result;
  const lint::ParsedFile& file = m_context.file;
  if (file.has_directive(lint::DirectiveKind::run_once_file)) return result;
  for (const Statement& statement : file.templated()) {
    if (statement.parent >= 0 &&
        static_cast<std::size_t>(statement.parent) < file.statements().size() &&
        !file.directives_for(file.statements()[statement.parent], lint::DirectiveKind::run_once)
             .empty()) {
      continue;
    }
    result.push_back(&statement);
  }
  return result;
}

std::size_t FileScope::index_of(const Statement& statement) const {
  const auto& all = m_context.file.all_statements();
  auto& index = m_facts.index;
  if (index.empty()) {
    for (std::size_t i = 0; i < all.size(); ++i) index.emplace(all[i], i);
  }
  auto it = index.find(&statement);
  return it == index.end() ? all.size() : it->second;
}

namespace {

// The key of an object's changes ("3:users"): its kind and name. Written into one buffer per
// thread, so that a lookup allocates nothing; each use reads it before the next call.
const std::string& bucket(const ObjectKey& key) {
  thread_local std::string text;
  char digits[12];
  auto written = std::to_chars(digits, digits + sizeof digits, static_cast<int>(key.kind));
  text.assign(digits, written.ptr);
  text += ':';
  text += key.name.name;
  return text;
}

}  // namespace

void FileScope::cascade_to_triggers(
    std::unordered_map<std::string, std::vector<Change>>& by_key) const {
  // DROP FUNCTION ... CASCADE drops the triggers that execute it: those the file creates are
  // gone again when a second run reaches the statement after the drop.
  const auto& all = m_context.file.all_statements();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Node& drop = all[i]->node;
    if (!drop.is("DropStmt") || drop.str("behavior") != "DROP_CASCADE") continue;
    for (const ObjectKey& dropped : object_changes(drop).dropped) {
      if (dropped.kind != ObjectKind::function) continue;
      for (const Statement* statement : all) {
        const Node& trigger = statement->node;
        if (!trigger.is("CreateTrigStmt") ||
            !key(ObjectKind::function, name_of(trigger.list("funcname"))).matches(dropped)) {
          continue;
        }
        for (ObjectKey& made : object_changes(trigger).created) {
          std::vector<Change>& changes = by_key[bucket(made)];
          changes.push_back(Change{std::move(made), i, false});
          std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
            return a.statement < b.statement;
          });
        }
      }
    }
  }
}

const std::vector<FileScope::Change>* FileScope::changes_of(const ObjectKey& key) const {
  auto& by_key = m_facts.changes;
  if (!by_key) {
    by_key.emplace();
    const auto& all = m_context.file.all_statements();
    for (std::size_t i = 0; i < all.size(); ++i) {
      ObjectChanges changes = object_changes(all[i]->node);
      for (auto& created : changes.created) {
        (*by_key)[bucket(created)].push_back(Change{std::move(created), i, true});
      }
      for (auto& dropped : changes.dropped) {
        (*by_key)[bucket(dropped)].push_back(Change{std::move(dropped), i, false});
      }
      for (auto& move : object_moves(all[i]->node)) {
        (*by_key)[bucket(move.from)].push_back(Change{std::move(move.from), i, false, true});
        (*by_key)[bucket(move.to)].push_back(Change{std::move(move.to), i, true, true});
      }
    }
    cascade_to_triggers(*by_key);
  }
  auto it = by_key->find(bucket(key));
  return it == by_key->end() ? nullptr : &it->second;
}

namespace {

// The name of the temporary relation a statement creates.
std::optional<std::string_view> temporary_relation(const Node& statement) {
  Node relation;
  std::string_view kind = statement.kind();
  if (kind == "CreateStmt") relation = statement.get("relation");
  if (kind == "CreateTableAsStmt") relation = statement.get("into").get("rel");
  if (kind == "SelectStmt") relation = statement.get("intoClause").get("rel");
  if (kind == "ViewStmt") relation = statement.get("view");
  if (kind == "CreateSeqStmt") relation = statement.get("sequence");
  if (!relation.valid()) return std::nullopt;
  if (relation.str("relpersistence") != "t" && relation.str("schemaname") != "pg_temp") {
    return std::nullopt;
  }
  return relation.str("relname");
}

}  // namespace

bool FileScope::temporary(const Statement& at, const Node& range_var) const {
  return range_var.str("relpersistence") == "t" || temporary(at, name_of(range_var));
}

bool FileScope::fresh(const Statement& at, const Node& range_var) const {
  if (temporary(at, range_var)) return true;
  for (ObjectKind kind :
       {ObjectKind::table, ObjectKind::materialized_view, ObjectKind::foreign_table}) {
    ObjectKey relation{kind, name_of(range_var), {}};
    if (dropped_before(at, relation) || dropped_after(at, relation)) return true;
  }
  return false;
}

bool FileScope::temporary(const Statement& at, const QualifiedName& name) const {
  if (name.schema == "pg_temp") return true;
  if (!name.schema.empty()) return false;
  auto& temporaries = m_facts.temporaries;
  if (!temporaries) {
    temporaries.emplace();
    const auto& all = m_context.file.all_statements();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (auto created = temporary_relation(all[i]->node)) {
        temporaries->emplace_back(std::string(*created), i);
      }
    }
  }
  std::size_t end = index_of(at);
  return std::any_of(temporaries->begin(), temporaries->end(), [&](const auto& created) {
    return created.second < end && created.first == name.name;
  });
}

std::optional<lint::Guard> FileScope::guard(const Statement& statement,
                                            const lint::GuardQuery& query) const {
  std::string mismatch;
  auto found = m_facts.guards.find(statement, query, &mismatch);
  if (found || mismatch.empty()) {
    m_mismatches.erase(&statement);
  } else {
    m_mismatches[&statement] = std::move(mismatch);
  }
  return found;
}

namespace {

// Whether a test compares a name with a literal that differs from one of the targets' names in
// case alone ('user' for "User").
bool names_in_other_case(const Node& test, const std::vector<lint::GuardTarget>& targets) {
  auto folded = [](std::string_view text) {
    std::string result(text);
    for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
  };
  bool found = false;
  lint::walk(test, [&](const Node& node) {
    if (found || !node.is("A_Const") || !node.has("sval")) return !found;
    std::string_view literal = node.get("sval").str("sval");
    for (const lint::GuardTarget& target : targets) {
      for (const std::string* name :
           {&target.object.name, &target.object.parent, &target.object.schema, &target.new_name}) {
        if (!name->empty() && *name != literal && folded(*name) == folded(literal)) found = true;
      }
    }
    return false;
  });
  return found;
}

}  // namespace

namespace {

// Calls leaf(e, when_true) on each part of a condition that must be `when_true` for it to be:
// through NOT, the arguments of AND (when true) and of OR (when false).
template <typename Leaf>
void each_required(const Node& expression, bool when_true, Leaf&& leaf) {
  if (expression.is("BoolExpr")) {
    std::string_view op = expression.str("boolop");
    if (op == "NOT_EXPR") {
      each_required(expression.list("args").front(), !when_true, leaf);
    } else if ((op == "AND_EXPR" && when_true) || (op == "OR_EXPR" && !when_true)) {
      for (Node arg : expression.list("args")) each_required(arg, when_true, leaf);
    }
    return;
  }
  leaf(expression, when_true);
}

}  // namespace

void exists_required(const Node& expression, bool when_true, bool found, std::vector<Node>& out) {
  each_required(expression, when_true, [&](const Node& part, bool must_be_true) {
    if (must_be_true == found && part.is("SubLink") &&
        part.str("subLinkType") == "EXISTS_SUBLINK") {
      out.push_back(part.get("subselect"));
    }
  });
}

void lookups_required(const Node& expression, bool when_true, bool found, std::vector<Node>& out) {
  each_required(expression, when_true, [&](const Node& part, bool must_be_true) {
    if (!part.is("NullTest") || !part.get("arg").is("FuncCall")) return;
    NodeList names = part.get("arg").list("funcname");
    if (names.empty() || !names.back().as_str().starts_with("to_reg")) return;
    // IS NOT NULL true, or IS NULL false: the lookup finds it.
    bool finds = (part.str("nulltesttype") == "IS_NOT_NULL") == must_be_true;
    if (finds == found) out.push_back(part.get("arg"));
  });
}

std::vector<Node> FileScope::then_conditions(const Statement& statement) const {
  std::vector<Node> conditions;
  for (std::size_t k = statement.frames.size(); k-- > 0;) {
    const lint::PlpgsqlFrame& frame = statement.frames[k];
    if (!frame.node.is("PLpgSQL_stmt_if")) continue;
    Node test;
    if (frame.part == "then_body") test = frame.node.get("cond");
    if (frame.part == "elsif") test = frame.elsif.get("cond");
    if (test.valid()) conditions.push_back(m_facts.guards.condition(test.get("query").as_str()));
  }
  return conditions;
}

bool FileScope::never_true(const Statement& statement) const {
  if (!statement.embedded()) return false;
  std::vector<lint::GuardTarget> targets = lint::guard_targets(statement);
  std::vector<const lint::GuardTarget*> own;
  for (const lint::GuardTarget& target : targets) own.push_back(&target);
  if (own.empty()) return false;
  for (const Node& condition : then_conditions(statement)) {
    std::vector<Node> subqueries;
    exists_required(condition, true, true, subqueries);
    for (const Node& subquery : subqueries) {
      if (lint::guard_mismatch(subquery, own) && names_in_other_case(subquery, targets)) {
        return true;
      }
    }
  }
  return false;
}

namespace {

// The spelling information_schema's data_type gives a type whose internal name (udt_name) is
// `name`; nullopt when the two are spelled alike or the name is not one of these.
std::optional<std::string_view> data_type_spelling(std::string_view name) {
  static const std::unordered_map<std::string_view, std::string_view> k_spellings = {
      {"int2", "smallint"},
      {"int4", "integer"},
      {"int", "integer"},
      {"int8", "bigint"},
      {"serial", "integer"},
      {"bigserial", "bigint"},
      {"smallserial", "smallint"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"bool", "boolean"},
      {"varchar", "character varying"},
      {"bpchar", "character"},
      {"char", "character"},
      {"decimal", "numeric"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"time", "time without time zone"},
      {"timetz", "time with time zone"},
      {"varbit", "bit varying"},
      {"user-defined", "USER-DEFINED"},
      {"array", "ARRAY"}};
  auto found = k_spellings.find(name);
  if (found == k_spellings.end()) return std::nullopt;
  return found->second;
}

// Whether a SELECT reads one of information_schema's views (columns, attributes, domains, ...)
// alone.
bool reads_information_schema(const Node& select) {
  NodeList from = select.list("fromClause");
  return from.size() == 1 && from.front().is("RangeVar") &&
         from.front().str("schemaname") == "information_schema";
}

// Whether an expression reads information_schema's column data_type: `data_type` (`c.data_type`)
// within a subquery of information_schema (`in_view`), or a scalar subquery of one selecting it.
bool reads_data_type(const Node& expression, bool in_view) {
  if (expression.is("ColumnRef")) {
    NodeList fields = expression.list("fields");
    return in_view && !fields.empty() && fields.back().as_str() == "data_type";
  }
  if (expression.is("SubLink") && expression.str("subLinkType") == "EXPR_SUBLINK") {
    Node select = expression.get("subselect");
    NodeList targets = select.list("targetList");
    return targets.size() == 1 && reads_information_schema(select) &&
           reads_data_type(targets.front().get("val"), true);
  }
  return false;
}

// A comparison `data_type = 'int4'` among what the condition needs `when_true` (in EXISTS
// subqueries of information_schema that must find rows too).
std::optional<std::string> type_never_held(const Node& condition, bool when_true,
                                           bool in_view = false) {
  std::optional<std::string> found;
  each_required(condition, when_true, [&](const Node& part, bool must_be_true) {
    if (found) return;
    if (part.is("SubLink") && part.str("subLinkType") == "EXISTS_SUBLINK" && must_be_true) {
      Node select = part.get("subselect");
      Node where = select.get("whereClause");
      if (where.valid() && reads_information_schema(select)) {
        found = type_never_held(where, true, true);
      }
      return;
    }
    if (!must_be_true || !part.is("A_Expr") || part.str("kind") != "AEXPR_OP") return;
    NodeList op = part.list("name");
    if (op.empty() || op.back().as_str() != "=") return;
    Node left = part.get("lexpr");
    Node right = part.get("rexpr");
    if (!reads_data_type(left, in_view)) std::swap(left, right);
    if (!reads_data_type(left, in_view) || !right.is("A_Const") || !right.has("sval")) return;
    std::string_view literal = right.get("sval").str("sval");
    if (auto spelling = data_type_spelling(literal)) {
      found = "data_type = " + lint::sql_literal(literal) + " (information_schema spells it " +
              std::string(*spelling) + "; " + lint::sql_literal(literal) +
              " is how udt_name spells it)";
    }
  });
  return found;
}

}  // namespace

std::optional<std::string> FileScope::compares_type_never_held(const Statement& statement) const {
  if (!statement.embedded()) return std::nullopt;
  for (const Node& condition : then_conditions(statement)) {
    if (auto why = type_never_held(condition, true)) return why;
  }
  return std::nullopt;
}

std::optional<lint::Guard> FileScope::guard(const Statement& statement,
                                            std::optional<lint::Condition> error) const {
  lint::GuardQuery query;
  if (error) query.errors.push_back(*error);
  return guard(statement, query);
}

const Statement* FileScope::find_change(const Statement& at, const ObjectKey& object, bool created,
                                        bool after, bool moved) const {
  const auto& all = m_context.file.all_statements();
  const std::vector<Change>* changes = changes_of(object);
  if (changes == nullptr) return nullptr;
  std::size_t here = std::min(index_of(at), all.size());
  auto matches = [&](const Change& change) {
    return change.created == created && change.moved == moved && change.key.matches(object);
  };
  if (after) {
    for (const Change& change : *changes) {
      if (change.statement > here && matches(change)) return all[change.statement];
    }
  } else {
    for (auto it = changes->rbegin(); it != changes->rend(); ++it) {  // the nearest first
      if (it->statement < here && matches(*it)) return all[it->statement];
    }
  }
  return nullptr;
}

const Statement* FileScope::dropped_before(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, false, false);
}

const Statement* FileScope::dropped_after(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, false, true);
}

const Statement* FileScope::created_before(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, true, false);
}

const Statement* FileScope::created_after(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, true, true);
}

const Statement* FileScope::moved_away_before(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, false, false, true);
}

const Statement* FileScope::moved_away_after(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, false, true, true);
}

const Statement* FileScope::moved_onto_before(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, true, false, true);
}

const Statement* FileScope::moved_onto_after(const Statement& at, const ObjectKey& object) const {
  return find_change(at, object, true, true, true);
}

std::optional<bool> FileScope::exists_on_rerun(const Statement& at, const ObjectKey& object) const {
  const std::vector<Change>* changes = changes_of(object);
  if (changes == nullptr) return std::nullopt;
  std::size_t here = index_of(at);
  const Change* before = nullptr;
  const Change* last = nullptr;
  for (const Change& change : *changes) {
    if (change.statement == here || !change.key.matches(object)) continue;
    if (change.statement < here) before = &change;
    last = &change;
  }
  if (before != nullptr) return before->created;
  if (last != nullptr) return last->created;
  return std::nullopt;
}

namespace {

// Whether a subcommand of the ALTER TABLE before `command` (or after it) is of the subtype and
// names `name`: the one it drops, or the one its definition adds.
bool subcommand_names(const Node& statement, std::size_t command, bool after,
                      std::string_view subtype, std::string_view name) {
  std::size_t i = 0;
  for (Node cmd : statement.list("cmds")) {
    std::size_t at = i++;
    if (after ? at <= command : at >= command) continue;
    if (cmd.str("subtype") != subtype) continue;
    std::string_view named = subtype == "AT_AddConstraint" ? cmd.get("def").str("conname")
                             : subtype == "AT_AddColumn"   ? cmd.get("def").str("colname")
                                                           : cmd.str("name");
    if (named == name) return true;
  }
  return false;
}

}  // namespace

bool FileScope::drops_constraint_earlier(const Node& statement, std::size_t command,
                                         std::string_view name) {
  return subcommand_names(statement, command, false, "AT_DropConstraint", name);
}

bool FileScope::adds_constraint_later(const Node& statement, std::size_t command,
                                      std::string_view name) {
  return subcommand_names(statement, command, true, "AT_AddConstraint", name);
}

bool FileScope::drops_column_earlier(const Node& statement, std::size_t command,
                                     std::string_view name) {
  return subcommand_names(statement, command, false, "AT_DropColumn", name);
}

bool FileScope::adds_column_later(const Node& statement, std::size_t command,
                                  std::string_view name) {
  return subcommand_names(statement, command, true, "AT_AddColumn", name);
}

lint::DiagnosticBuilder FileScope::report(const Statement& statement, lint::TextRange range,
                                          std::string message, std::string help) {
  if (!statement.exact || range.end <= range.begin) range = statement.range;
  if (fails_first(statement)) return m_discard.report(range, std::move(message), std::move(help));
  if (auto it = m_mismatches.find(&statement); it != m_mismatches.end()) {
    message += "; " + it->second;
  }
  return m_out.report(range, std::move(message), std::move(help));
}

void FileScope::fix(lint::DiagnosticBuilder& finding, const Statement& statement, std::string title,
                    std::optional<std::vector<lint::Edit>> edits, bool safe) {
  if (!statement.exact || !edits || edits->empty()) return;
  finding.fix(std::move(title), std::move(*edits), safe);
}

// ---- partitions --------------------------------------------------------------------------

namespace {

// Where table `partition` stands as a statement of the file leaves it.
struct PartitionState {
  enum class Is : std::uint8_t { unknown, gone, table, partition } is = Is::unknown;
  QualifiedName parent;
};

// What a statement does to table `partition`'s place as a partition. A CREATE TABLE IF NOT
// EXISTS makes it only where there is none.
void partition_change(const Node& statement, const QualifiedName& partition,
                      PartitionState& state) {
  using Is = PartitionState::Is;
  std::string_view kind = statement.kind();
  if (kind == "AlterTableStmt" && statement.str("objtype") != "OBJECT_INDEX") {
    QualifiedName parent = name_of(statement.get("relation"));
    for (Node command : statement.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      if (subtype != "AT_AttachPartition" && subtype != "AT_DetachPartition" &&
          subtype != "AT_DetachPartitionFinalize") {
        continue;
      }
      if (!same_name(name_of(command.get("def").get("name")), partition)) continue;
      state = subtype == "AT_AttachPartition" ? PartitionState{Is::partition, parent}
                                              : PartitionState{Is::table, {}};
    }
  } else if (kind == "CreateStmt" && same_name(name_of(statement.get("relation")), partition)) {
    if (statement.flag("if_not_exists") && state.is != Is::unknown && state.is != Is::gone) {
      return;
    }
    state = PartitionState{Is::table, {}};
    if (!statement.has("partbound")) return;
    for (Node parent : statement.list("inhRelations")) {
      state = PartitionState{Is::partition, name_of(parent)};
    }
  } else if (kind == "DropStmt" && statement.str("removeType") == "OBJECT_TABLE") {
    for (Node object : statement.list("objects")) {
      if (same_name(name_of(object.list("items")), partition)) state = PartitionState{Is::gone, {}};
    }
  }
}

}  // namespace

std::optional<PartitionOnRerun> partition_on_rerun(const FileScope& scope, const Statement& at,
                                                   const QualifiedName& partition) {
  const auto& statements = scope.file().all_statements();
  std::size_t here = scope.index_of(at);
  // The first run leaves what the file's statements do, the second starts there.
  PartitionState state;
  for (const Statement* statement : statements) partition_change(statement->node, partition, state);
  for (std::size_t i = 0; i < here && i < statements.size(); ++i) {
    partition_change(statements[i]->node, partition, state);
  }
  if (state.is == PartitionState::Is::unknown) return std::nullopt;
  return PartitionOnRerun{state.is == PartitionState::Is::partition, state.parent};
}

}  // namespace sqlgate::rules::idempotency
