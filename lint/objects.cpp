#include "lint/objects.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "lint/builtins.h"
#include "lint/pg_facts.h"

namespace sqlgate::lint {

namespace {

constexpr std::size_t k_max_identifier = 63;  // NAMEDATALEN - 1

struct KindName {
  ObjectKind kind;
  std::string_view name;
  std::string_view object_type;  // the parser's ObjectType
};

constexpr KindName k_kinds[] = {
    {ObjectKind::schema, "schema", "OBJECT_SCHEMA"},
    {ObjectKind::table, "table", "OBJECT_TABLE"},
    {ObjectKind::foreign_table, "foreign table", "OBJECT_FOREIGN_TABLE"},
    {ObjectKind::column, "column", "OBJECT_COLUMN"},
    {ObjectKind::index, "index", "OBJECT_INDEX"},
    {ObjectKind::constraint, "constraint", "OBJECT_TABCONSTRAINT"},
    {ObjectKind::sequence, "sequence", "OBJECT_SEQUENCE"},
    {ObjectKind::view, "view", "OBJECT_VIEW"},
    {ObjectKind::materialized_view, "materialized view", "OBJECT_MATVIEW"},
    {ObjectKind::function, "function", "OBJECT_FUNCTION"},
    {ObjectKind::procedure, "procedure", "OBJECT_PROCEDURE"},
    {ObjectKind::aggregate, "aggregate", "OBJECT_AGGREGATE"},
    {ObjectKind::trigger, "trigger", "OBJECT_TRIGGER"},
    {ObjectKind::event_trigger, "event trigger", "OBJECT_EVENT_TRIGGER"},
    {ObjectKind::type, "type", "OBJECT_TYPE"},
    {ObjectKind::domain, "domain", "OBJECT_DOMAIN"},
    {ObjectKind::extension, "extension", "OBJECT_EXTENSION"},
    {ObjectKind::policy, "policy", "OBJECT_POLICY"},
    {ObjectKind::role, "role", "OBJECT_ROLE"},
    {ObjectKind::rule, "rule", "OBJECT_RULE"},
    {ObjectKind::operator_, "operator", "OBJECT_OPERATOR"},
    {ObjectKind::operator_class, "operator class", "OBJECT_OPCLASS"},
    {ObjectKind::operator_family, "operator family", "OBJECT_OPFAMILY"},
    {ObjectKind::collation, "collation", "OBJECT_COLLATION"},
    {ObjectKind::conversion, "conversion", "OBJECT_CONVERSION"},
    {ObjectKind::cast, "cast", "OBJECT_CAST"},
    {ObjectKind::language, "language", "OBJECT_LANGUAGE"},
    {ObjectKind::text_search_configuration, "text search configuration", "OBJECT_TSCONFIGURATION"},
    {ObjectKind::text_search_dictionary, "text search dictionary", "OBJECT_TSDICTIONARY"},
    {ObjectKind::text_search_parser, "text search parser", "OBJECT_TSPARSER"},
    {ObjectKind::text_search_template, "text search template", "OBJECT_TSTEMPLATE"},
    {ObjectKind::statistics, "statistics object", "OBJECT_STATISTIC_EXT"},
    {ObjectKind::publication, "publication", "OBJECT_PUBLICATION"},
    {ObjectKind::subscription, "subscription", "OBJECT_SUBSCRIPTION"},
    {ObjectKind::server, "server", "OBJECT_FOREIGN_SERVER"},
    {ObjectKind::foreign_data_wrapper, "foreign-data wrapper", "OBJECT_FDW"},
    {ObjectKind::user_mapping, "user mapping", "OBJECT_USER_MAPPING"},
    {ObjectKind::tablespace, "tablespace", "OBJECT_TABLESPACE"},
    {ObjectKind::database, "database", "OBJECT_DATABASE"},
    {ObjectKind::access_method, "access method", "OBJECT_ACCESS_METHOD"},
    {ObjectKind::transform, "transform", "OBJECT_TRANSFORM"},
};

std::optional<ObjectKind> kind_of(std::string_view object_type) {
  if (object_type == "OBJECT_ROUTINE") return ObjectKind::function;
  if (object_type == "OBJECT_ATTRIBUTE") return ObjectKind::column;
  if (object_type == "OBJECT_DOMCONSTRAINT") return ObjectKind::constraint;
  for (const auto& k : k_kinds) {
    if (k.object_type == object_type) return k.kind;
  }
  return std::nullopt;
}

// Kinds that live in a schema.
bool in_schema(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::schema:
    case ObjectKind::extension:
    case ObjectKind::role:
    case ObjectKind::event_trigger:
    case ObjectKind::cast:
    case ObjectKind::language:
    case ObjectKind::publication:
    case ObjectKind::subscription:
    case ObjectKind::server:
    case ObjectKind::foreign_data_wrapper:
    case ObjectKind::user_mapping:
    case ObjectKind::tablespace:
    case ObjectKind::database:
    case ObjectKind::access_method:
    case ObjectKind::transform:
      return false;
    default:
      return true;
  }
}

// The length of the longest prefix of at most `limit` bytes that ends on a character boundary.
std::size_t clip(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text.size();
  std::size_t at = limit;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

bool is_serial(std::string_view type) {
  return type == "serial" || type == "serial4" || type == "bigserial" || type == "serial8" ||
         type == "smallserial" || type == "serial2";
}

}  // namespace

std::string_view to_string(ObjectKind kind) {
  for (const auto& k : k_kinds) {
    if (k.kind == kind) return k.name;
  }
  return "object";
}

bool is_relation(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::table:
    case ObjectKind::foreign_table:
    case ObjectKind::index:
    case ObjectKind::sequence:
    case ObjectKind::view:
    case ObjectKind::materialized_view:
      return true;
    default:
      return false;
  }
}

bool has_parent(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::column:
    case ObjectKind::constraint:
    case ObjectKind::trigger:
    case ObjectKind::policy:
    case ObjectKind::rule:
      return true;
    default:
      return false;
  }
}

bool is_routine(ObjectKind kind) {
  return kind == ObjectKind::function || kind == ObjectKind::procedure ||
         kind == ObjectKind::aggregate;
}

bool is_setting(Change change) {
  return change >= Change::comment && change <= Change::constraint_timing;
}

bool RuleFacts::returning() const {
  return std::any_of(actions.begin(), actions.end(),
                     [](const RuleAction& action) { return action.returning; });
}

std::string_view command_sql(Change command) {
  switch (command) {
    case Change::insert:
      return "INSERT";
    case Change::update:
      return "UPDATE";
    case Change::delete_rows:
      return "DELETE";
    default:
      return "SELECT";
  }
}

std::string to_string(const RuleFacts& rule) {
  std::string text = "ON ";
  text += command_sql(rule.event);
  text += rule.instead ? " DO INSTEAD" : " DO ALSO";
  if (rule.actions.empty()) text += " NOTHING";
  if (rule.conditional) text += " (WHERE ...)";
  return text;
}

std::string_view to_string(Action action) {
  switch (action) {
    case Action::create:
      return "create";
    case Action::drop:
      return "drop";
    case Action::alter:
      return "alter";
    case Action::rename:
      return "rename";
    case Action::use:
      return "use";
  }
  return "alter";
}

std::string ObjectRef::display() const {
  std::string text;
  // pg_temp: a temporary object, which PostgreSQL's messages name without its session's schema.
  if (!schema.empty() && schema != "public" && schema != "pg_temp") text = schema + ".";
  if (!parent.empty()) text += parent + ".";
  text += name;
  if (is_routine(kind)) text += "(" + args.value_or("...") + ")";
  return text;
}

std::string ObjectRef::base_key() const {
  std::string key(to_string(kind));
  key += '\x1f';
  key += schema;
  key += '\x1f';
  key += parent;
  key += '\x1f';
  key += name;
  return key;
}

std::string ObjectRef::key() const {
  std::string result = base_key();
  if (args) {
    result += '\x1f';
    result += *args;
  }
  return result;
}

std::string truncate_identifier(std::string_view name) {
  return std::string(name.substr(0, clip(name, k_max_identifier)));
}

std::string make_object_name(std::string_view name1, std::string_view name2,
                             std::string_view label) {
  std::size_t overhead = 0;
  std::size_t name1chars = name1.size();
  std::size_t name2chars = name2.size();
  if (!name2.empty()) ++overhead;
  if (!label.empty()) overhead += label.size() + 1;
  std::size_t available = k_max_identifier > overhead ? k_max_identifier - overhead : 0;
  while (name1chars + name2chars > available) {
    if (name1chars > name2chars) {
      --name1chars;
    } else {
      --name2chars;
    }
  }
  name1chars = clip(name1, name1chars);
  name2chars = clip(name2, name2chars);
  std::string name(name1.substr(0, name1chars));
  if (!name2.empty()) {
    name += '_';
    name += name2.substr(0, name2chars);
  }
  if (!label.empty()) {
    name += '_';
    name += label;
  }
  return name;
}

std::string choose_name(std::string_view name1, std::string_view name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken) {
  std::string modlabel(label);
  for (int pass = 1;; ++pass) {
    std::string name = make_object_name(name1, name2, modlabel);
    if (!taken || !taken(name) || pass > 10000) return name;
    modlabel = std::string(label) + std::to_string(pass);
  }
}

std::string canonical_type(const Node& type_name) {
  auto names = string_list(type_name.list("names"));
  std::string name;
  if (!names.empty()) {
    name = truncate_identifier(names.back());
  } else {
    name = "?";
  }
  // The grammar writes char, character and char(n) as pg_catalog.bpchar; a name "char" (quoted,
  // or pg_catalog.char) is the distinct one-byte internal type, kept quoted as PostgreSQL writes
  // it so that a signature made from these names reads (and runs) as that type.
  static const std::pair<std::string_view, std::string_view> k_aliases[] = {
      {"integer", "int4"},
      {"int", "int4"},
      {"smallint", "int2"},
      {"bigint", "int8"},
      {"real", "float4"},
      {"boolean", "bool"},
      {"decimal", "numeric"},
      {"character varying", "varchar"},
      {"double precision", "float8"},
      {"timestamp with time zone", "timestamptz"},
      {"time with time zone", "timetz"}};
  for (auto [alias, canonical] : k_aliases) {
    if (name == alias) name = canonical;
  }
  if (name == "char") name = "\"char\"";
  if (type_name.flag("setof")) name = "setof " + name;
  if (!type_name.list("arrayBounds").empty()) name += "[]";
  return name;
}

namespace {

// PostgreSQL's FigureColnameInternal(): the name a select list entry written without AS takes,
// and how strong it is (2: a name of its own; 1: the type of a cast; 0: none, "?column?").
// nullopt when only the query's analysis knows it (a * expanded in a subquery).
std::optional<std::pair<int, std::string>> figure_column_name(const Node& node);

// The names of a query's columns (its leftmost SELECT's, for UNION and the like); nullopt when
// a * (SELECT *, t.*) or a statement other than a SELECT makes them known only to PostgreSQL.
std::optional<std::vector<std::string>> select_column_names(const Node& query) {
  // larg is a bare SelectStmt, without the node's name.
  if (!query.valid() || !(query.is("SelectStmt") || query.kind().empty())) return std::nullopt;
  std::string_view op = query.str("op");
  if (!op.empty() && op != "SETOP_NONE") return select_column_names(query.get("larg"));
  std::vector<std::string> names;
  NodeList values = query.list("valuesLists");
  if (!values.empty()) {
    std::size_t count = values.front().list("items").size();
    for (std::size_t i = 1; i <= count; ++i) names.push_back("column" + std::to_string(i));
    return names;
  }
  for (Node target : query.list("targetList")) {
    if (target.has("name")) {
      names.push_back(truncate_identifier(target.str("name")));
      continue;
    }
    auto figured = figure_column_name(target.get("val"));
    if (!figured) return std::nullopt;
    names.push_back(figured->first > 0 ? truncate_identifier(figured->second) : "?column?");
  }
  return names;
}

std::optional<std::pair<int, std::string>> figure_column_name(const Node& node) {
  using Figured = std::pair<int, std::string>;
  auto last_string = [](const NodeList& list) {
    std::string name;
    for (Node item : list) {
      if (item.is("String")) name = item.as_str();
    }
    return name;
  };
  if (node.is("ColumnRef")) {
    NodeList fields = node.list("fields");
    if (fields.empty() || fields.back().is("A_Star")) return std::nullopt;
    return Figured{2, std::string(fields.back().as_str())};
  }
  if (node.is("A_Indirection")) {
    std::string name = last_string(node.list("indirection"));
    if (!name.empty()) return Figured{2, name};
    return figure_column_name(node.get("arg"));
  }
  if (node.is("FuncCall")) return Figured{2, last_string(node.list("funcname"))};
  if (node.is("A_Expr") && node.str("kind") == "AEXPR_NULLIF") return Figured{2, "nullif"};
  if (node.is("TypeCast")) {
    auto figured = figure_column_name(node.get("arg"));
    if (!figured || figured->first > 1) return figured;
    std::string type = last_string(node.get("typeName").list("names"));
    if (type.empty()) return figured;
    return Figured{1, type};
  }
  if (node.is("CollateClause")) return figure_column_name(node.get("arg"));
  if (node.is("GroupingFunc")) return Figured{2, "grouping"};
  if (node.is("SubLink")) {
    std::string_view type = node.str("subLinkType");
    if (type == "EXISTS_SUBLINK") return Figured{2, "exists"};
    if (type == "ARRAY_SUBLINK") return Figured{2, "array"};
    if (type != "EXPR_SUBLINK") return Figured{0, ""};
    // The name of the subquery's one column.
    auto names = select_column_names(node.get("subselect"));
    if (!names) return std::nullopt;
    if (names->empty()) return Figured{0, ""};
    return Figured{2, names->front()};
  }
  if (node.is("CaseExpr")) {
    std::optional<Figured> figured = Figured{0, ""};
    if (node.has("defresult")) figured = figure_column_name(node.get("defresult"));
    if (!figured || figured->first > 1) return figured;
    return Figured{1, "case"};
  }
  if (node.is("A_ArrayExpr")) return Figured{2, "array"};
  if (node.is("RowExpr")) return Figured{2, "row"};
  if (node.is("CoalesceExpr")) return Figured{2, "coalesce"};
  if (node.is("MinMaxExpr")) {
    return Figured{2, node.str("op") == "IS_GREATEST" ? "greatest" : "least"};
  }
  // current_date, current_timestamp(3), session_user, ...: SVFOP_CURRENT_TIMESTAMP_N.
  // XMLELEMENT(...), XMLPARSE(...), ...: IS_XMLELEMENT (IS DOCUMENT has no name).
  auto lower_op = [](std::string_view op, std::string_view prefix) {
    op.remove_prefix(prefix.size());
    if (op.ends_with("_N")) op.remove_suffix(2);
    std::string name(op);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
  };
  if (node.is("SQLValueFunction")) return Figured{2, lower_op(node.str("op"), "SVFOP_")};
  if (node.is("XmlExpr")) {
    std::string_view op = node.str("op");
    if (op == "IS_DOCUMENT" || !op.starts_with("IS_")) return Figured{0, ""};
    return Figured{2, lower_op(op, "IS_")};
  }
  if (node.is("XmlSerialize")) return Figured{2, "xmlserialize"};
  return Figured{0, ""};
}

}  // namespace

std::optional<std::vector<std::string>> created_table_columns(const Node& statement) {
  Node query;
  Node into;
  if (statement.is("CreateTableAsStmt")) {
    query = statement.get("query");
    into = statement.get("into");
  } else if (statement.is("SelectStmt") && statement.has("intoClause")) {
    query = statement;
    into = statement.get("intoClause");
  } else {
    return std::nullopt;
  }
  auto names = select_column_names(query);
  if (!names) return std::nullopt;
  // CREATE TABLE t (a, b) AS ...: the list names the first columns.
  std::size_t i = 0;
  for (Node column : into.list("colNames")) {
    if (i == names->size()) return std::nullopt;  // PostgreSQL: too many column names
    (*names)[i++] = truncate_identifier(column.as_str());
  }
  return names;
}

// ---- the resolver ---------------------------------------------------------------------------

ObjectResolver::ObjectResolver(std::vector<std::string> search_path)
    : m_initial(std::move(search_path)) {
  if (m_initial.empty()) m_initial.push_back("public");
  m_path = std::make_shared<const std::vector<std::string>>(m_initial);
}

const std::string& ObjectResolver::default_schema() const {
  static const std::string k_public = "public";
  static const std::string k_catalog = "pg_catalog";
  bool user = false;
  for (const auto& schema : *m_path) {
    if (creation_schema(schema)) return schema;
    user = user || schema == "$user";
  }
  return user ? k_public : k_catalog;
}

struct ObjectResolver::Context {
  ObjectResolver& resolver;
  const Statement& statement;
  const NameTaken& taken;
  std::vector<Effect>& out;
  std::string schema_override;  // inside CREATE SCHEMA ... CREATE TABLE ...
  // Inside a routine's analyzed body: the first schema of its search path, empty when the path
  // has none but pg_catalog and pg_temp (an unqualified name then reaches none of the
  // migrations' objects).
  std::optional<std::string> body_schema;
  // Names chosen by this statement so far: (schema, name), relations and constraints.
  struct NameSet {
    std::vector<std::pair<std::string, std::string>> names;  // a few: a vector is enough
    bool count(const std::string& schema, const std::string& name) const {
      for (const auto& [s, n] : names) {
        if (n == name && s == schema) return true;
      }
      return false;
    }
    void insert(const std::string& schema, const std::string& name) {
      if (!count(schema, name)) names.emplace_back(schema, name);
    }
  };
  NameSet local_relations;
  NameSet local_constraints;

  std::uint32_t at(const Node& node) const { return statement.offset(node.location()); }
  std::uint32_t at(std::optional<std::uint32_t> location) const {
    return statement.offset(location);
  }

  const std::string& default_schema() const {
    if (body_schema) return *body_schema;
    return schema_override.empty() ? resolver.default_schema() : schema_override;
  }

  Effect& add(Action action, ObjectRef object, std::uint32_t offset, bool schema_given = true) {
    Effect& effect = out.emplace_back();
    effect.action = action;
    effect.object = std::move(object);
    effect.offset = offset;
    effect.schema_given = schema_given;
    if (!schema_given) effect.search_path = resolver.m_path;
    return effect;
  }

  // The foreign server a statement names (its servername).
  static ObjectRef server_ref(const Node& node) {
    ObjectRef server;
    server.kind = ObjectKind::server;
    server.name = truncate_identifier(node.str("servername"));
    return server;
  }

  // Adds a dependency on an object, built in place.
  static void depend(Effect& effect, const ObjectRef& object, bool automatic) {
    Dependency& dependency = effect.depends_on.emplace_back();
    dependency.object = object;
    dependency.automatic = automatic;
  }

  // A schema-qualified name from a list of String nodes ([catalog.]schema.name).
  std::pair<ObjectRef, bool> qualified(ObjectKind kind, const NodeList& names) const {
    std::size_t count = names.size();
    ObjectRef ref;
    ref.kind = kind;
    bool given = false;
    if (count != 0) ref.name = truncate_identifier(names.back().as_str());
    if (!in_schema(kind)) return {std::move(ref), true};
    if (count >= 2) {
      ref.schema = truncate_identifier(names[count - 2].as_str());
      given = true;
    } else {
      ref.schema = default_schema();
    }
    return {std::move(ref), given};
  }

  // The schema an unqualified name of an existing relation is found in: the first schema of the
  // search path that has a relation of that name, as `taken` answers; the default schema when no
  // other one has (or nothing answers).
  const std::string& located(const std::string& name) const {
    const std::string& first = default_schema();
    if (!taken || !schema_override.empty()) return first;
    // Only a schema after the default one can change the answer: those are asked first, so that
    // the common path of one schema asks nothing.
    const std::vector<std::string>& path = *resolver.m_path;
    auto schema = std::find(path.begin(), path.end(), first);
    if (schema == path.end()) return first;
    while (++schema != path.end()) {
      if (creation_schema(*schema) && *schema != first && taken(*schema, name, true, false)) {
        return taken(first, name, true, false) ? first : *schema;
      }
    }
    return first;
  }

  // A relation a statement names: with `create`, the one it creates (an unqualified name goes to
  // the default schema); else one it looks up: a table, view, sequence or index along the path
  // (located()), a composite type in the default schema.
  std::pair<ObjectRef, bool> relation(ObjectKind kind, const Node& range_var,
                                      bool create = false) const {
    RelationName name = relation_name(range_var);
    ObjectRef ref;
    ref.kind = kind;
    ref.name = truncate_identifier(name.name);
    bool given = !name.schema.empty();
    if (given) {
      ref.schema = truncate_identifier(name.schema);
    } else {
      ref.schema = create || !is_relation(kind) ? default_schema() : located(ref.name);
    }
    // Temporary relations live in the session's own schema: outside the migrated schema.
    if (range_var.str("relpersistence") == "t" && !given) ref.schema = "pg_temp";
    return {std::move(ref), given};
  }

  static ObjectRef child(ObjectKind kind, const ObjectRef& table, std::string_view name) {
    ObjectRef ref;
    ref.kind = kind;
    ref.schema = table.schema;
    ref.parent = table.name;
    ref.name = truncate_identifier(name);
    return ref;
  }

  bool name_taken(const std::string& schema, const std::string& name, bool relations,
                  bool constraints) const {
    if (relations && local_relations.count(schema, name)) return true;
    if (constraints && local_constraints.count(schema, name)) return true;
    return taken && taken(schema, name, relations, constraints);
  }

  std::string choose(const std::string& schema, std::string_view name1, std::string_view name2,
                     std::string_view label, bool relation, bool constraint) {
    std::string name = choose_name(name1, name2, label, [&](const std::string& candidate) {
      return name_taken(schema, candidate, relation, constraint);
    });
    if (relation) local_relations.insert(schema, name);
    if (constraint) local_constraints.insert(schema, name);
    return name;
  }

  // ---- statements ----

  void run(const Node& node);
  void create_table(const Node& node, ObjectKind kind);
  void create_table_as(const Node& node);
  // The columns of the table CREATE TABLE ... AS or SELECT ... INTO makes, when their names are
  // known (created_table_columns()).
  void query_columns(const ObjectRef& table, const Node& node, std::uint32_t offset,
                     bool if_not_exists);
  void create_view(const Node& node);
  void create_index(const Node& node);
  void create_sequence(const Node& node);
  void alter_sequence(const Node& node);
  // OWNED BY table.column: the sequence goes with the table.
  void owned_by(Effect& effect, const NodeList& options);
  // SET search_path and the like (search_path_change()).
  void set_search_path(const Node& node);
  void create_function(const Node& node);
  void create_trigger(const Node& node);
  void create_schema(const Node& node);
  void define(const Node& node);
  void create_domain(const Node& node);
  void drop(const Node& node);
  void rename(const Node& node);
  void set_schema(const Node& node);
  // The object of an ALTER ... SET SCHEMA or OWNER TO: objectType with relation or object.
  std::optional<std::pair<ObjectRef, bool>> target(const Node& node);
  void alter_table(const Node& node);
  void alter_owner(const Node& node);
  void alter_domain(const Node& node);
  void comment(const Node& node);
  void grant(const Node& node);
  // SELECT nextval('s'), currval('s'), setval('s', n): the sequence a string constant names is
  // looked up when the statement is parsed (a WHERE that is false does not keep it from failing).
  void sequence_calls(const Node& node);
  // INSERT, UPDATE or DELETE: the rows it writes, and those of its data-modifying WITH queries.
  void write_rows(const Node& node);
  // The columns an INSERT, UPDATE or DELETE reads, which PostgreSQL looks up when it analyzes the
  // statement (its SET values, WHERE, FROM or USING, RETURNING, an INSERT's SELECT, WITH queries):
  // dependencies of the statement alone. Not the columns it writes (an INSERT's column list, an
  // UPDATE's SET targets, an ON CONFLICT target), which invalid-dml judges. In a DO block, an
  // unqualified name of a variable of the block is not taken for a column.
  void column_reads(Effect& effect, const Node& node);
  // WITH q AS (INSERT | UPDATE | DELETE ...): the rows each data-modifying WITH query writes.
  void modifying_ctes(const Node& node);
  void alter_other(const Node& node);

  // Table elements shared by CREATE TABLE and ALTER TABLE ADD COLUMN / ADD CONSTRAINT.
  struct PendingConstraint {
    Node constraint;
    std::string column;  // for a column constraint
  };
  // `added`: by ALTER TABLE ... ADD COLUMN, after the table's other columns.
  void add_column(const ObjectRef& table, const Node& column_def, bool if_not_exists,
                  std::vector<PendingConstraint>& constraints, bool added = false);
  void add_constraints(const ObjectRef& table, std::vector<PendingConstraint>& constraints);
  void generated_dependencies(const ObjectRef& table, const NodeList& elements, std::size_t first);
  void reads(Effect& effect, const Node& query,
             DependencySource source = DependencySource::definition);
  // The columns of `table` an expression reads, written alone or qualified with `qualifier` (the
  // table's name or alias), subqueries left out: a generated column or CHECK depends on each, and
  // DROP COLUMN is refused while it does (2BP01).
  void column_dependencies(Effect& effect, const ObjectRef& table, bool given,
                           std::string_view qualifier, const Node& expression);
  // A policy's USING and WITH CHECK expressions (CREATE | ALTER POLICY): the functions they call
  // and the tables they read, each with the source of its expression.
  void policy_expressions(Effect& effect, const Node& node);
  // Those of a view's (materialized view's) query, at every level of it.
  void view_column_dependencies(Effect& effect, const Node& query);
  // Those a function's SQL body (BEGIN ATOMIC ... END, or RETURN expr) reads or writes: its
  // queries', and the target columns of its INSERT and UPDATE. `routine`: the CREATE FUNCTION |
  // PROCEDURE, whose parameters an unqualified name may be, and whose parameters of a table's
  // row type (u public.users) read the table's columns (u.c).
  void body_column_dependencies(Effect& effect, const Node& body, const Node& routine,
                                DependencySource source = DependencySource::definition);
  // Those a policy's USING and WITH CHECK read, subqueries included: its table's columns, written
  // alone or qualified with the table's name, and the columns of the tables its subqueries read.
  void policy_column_dependencies(Effect& effect, const ObjectRef& table, bool given,
                                  const Node& policy);
  // Those a rule's actions and WHERE read and write (OLD.c and NEW.c are columns of its table).
  void rule_column_dependencies(Effect& effect, const ObjectRef& table, bool given,
                                const Node& rule);
  void create_rule(const Node& node);
  // A LANGUAGE sql body in a string that PostgreSQL analyzes when the routine is made
  // (Statement::body): a use of the routine (Change::body) with what the body names.
  void analyzed_body(const ObjectRef& routine, const Node& node, std::uint32_t offset);
  struct QueryColumns;
  ObjectRef object_name(ObjectKind kind, const Node& object, bool* given);
  std::optional<std::string> routine_args(const Node& object_with_args) const;
  void type_dependency(Effect& effect, const Node& type_name,
                       DependencySource source = DependencySource::definition);
  // What an expression uses: the functions it calls (not pg_catalog's), the types it casts to,
  // the sequences nextval('...') names.
  void expression_dependencies(Effect& effect, const Node& expression, DependencySource source);
  void call_dependency(Effect& effect, const Node& call, DependencySource source);
  // A dependency on the function a qualified name (a list of String nodes) names; none for a
  // name pg_catalog has, written alone or qualified with pg_catalog: PostgreSQL searches
  // pg_catalog first, and which function the name reaches depends on the argument types.
  Dependency* function_dependency(Effect& effect, const NodeList& names, DependencySource source);
  // A support function named by an option (SFUNC = f, FUNCTION = f, SUBTYPE_DIFF = f): PostgreSQL
  // looks it up by its name and the argument types the statement gives it, and the object made
  // depends on it (DROP FUNCTION is refused while it is there).
  void support_function(Effect& effect, const Node& option, std::vector<std::string> types);
  // CREATE OPERATOR and CREATE AGGREGATE: their argument and state types and support functions.
  void operator_dependencies(Effect& effect, const NodeList& definition);
  void aggregate_dependencies(Effect& effect, const Node& node);
  // A function named with its argument types (ObjectWithArgs: WITH FUNCTION f(coord), an
  // operator class's FUNCTION 1 f(t, t)): PostgreSQL looks up exactly that one, by its name alone
  // when the statement writes no argument types.
  void signature_dependency(Effect& effect, const Node& object_with_args);
  void create_cast(const Node& node);
  void create_range(const Node& node);
  void create_multirange(const ObjectRef& range, const Node& option);
  // The text search configuration a string constant names where a regconfig is expected (the
  // first argument of to_tsvector('english', ...), '...'::regconfig): PostgreSQL records it.
  void regconfig_dependency(Effect& effect, const Node& constant, DependencySource source);
  // The collation a COLLATE clause names (a column's, an expression's, an index element's).
  void collation_dependency(Effect& effect, const NodeList& names, DependencySource source);
  // What an index element (or an exclusion constraint's) uses: its expression, collation and
  // operator class, named or the default one of its column's type for the access method.
  void index_element_dependencies(Effect& effect, const ObjectRef& table, const Node& element,
                                  std::string_view method);
  // A dependency on an object of a kind that lives in a schema, named by a list of String nodes.
  Dependency& named_dependency(Effect& effect, ObjectKind kind, const NodeList& names,
                               DependencySource source);
  // The same for a name written in a string ('public.orders_no_seq'), split into its parts.
  void text_named_dependency(Effect& effect, ObjectKind kind, const std::vector<std::string>& parts,
                             DependencySource source);
  // The sequence made for a serial or identity column, created after the column.
  // `options`: an identity's (SEQUENCE NAME names the sequence; else PostgreSQL picks a free
  // name).
  void column_sequence(const ObjectRef& table, const std::string& column, bool identity,
                       std::uint32_t offset, bool if_not_exists, const NodeList& options = {});
};

namespace {

std::string join_args(const std::vector<std::string>& types) {
  std::string text;
  for (const auto& type : types) {
    if (!text.empty()) text += ',';
    text += type;
  }
  return text;
}

// Column names referenced by an expression, distinct, in order.
std::vector<std::string> referenced_columns(const Node& expression) {
  std::vector<std::string> columns;
  walk(expression, [&](const Node& node) {
    if (node.is("ColumnRef")) {
      NodeList fields = node.list("fields");
      Node last = fields.back();
      if (last.is("String")) {
        std::string name = truncate_identifier(last.as_str());
        if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
          columns.push_back(name);
        }
      }
      return false;
    }
    return !node.is("SubLink");
  });
  return columns;
}

// PostgreSQL's FigureIndexColname(): the name an index expression contributes to a name.
std::string expression_name(const Node& expression) {
  if (expression.is("ColumnRef")) {
    Node last = expression.list("fields").back();
    if (last.is("String")) return truncate_identifier(last.as_str());
  } else if (expression.is("FuncCall")) {
    auto names = string_list(expression.list("funcname"));
    if (!names.empty()) return truncate_identifier(names.back());
  } else if (expression.is("TypeCast")) {
    std::string inner = expression_name(expression.get("arg"));
    if (inner != "expr") return inner;
    auto names = string_list(expression.get("typeName").list("names"));
    if (!names.empty()) return truncate_identifier(names.back());
  } else if (expression.is("CoalesceExpr")) {
    return "coalesce";
  } else if (expression.is("CaseExpr")) {
    return "case";
  } else if (expression.is("CollateClause")) {
    return expression_name(expression.get("arg"));
  }
  return "expr";
}

// PostgreSQL's ChooseIndexColumnNames() + ChooseIndexNameAddition(): "a_b".
std::string name_addition(const std::vector<std::string>& columns) {
  std::string text;
  for (const auto& column : columns) {
    if (!text.empty()) text += '_';
    text += column;
    if (text.size() >= k_max_identifier + 1) break;
  }
  return text;
}

std::vector<std::string> deduplicated(std::vector<std::string> names) {
  for (std::size_t i = 1; i < names.size(); ++i) {
    std::string original = names[i];
    for (int n = 1; std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i),
                              names[i]) != names.begin() + static_cast<std::ptrdiff_t>(i);
         ++n) {
      names[i] = original + std::to_string(n);
    }
  }
  return names;
}

std::vector<std::string> index_columns(const NodeList& params) {
  std::vector<std::string> columns;
  for (Node param : params) {
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    if (element.has("name")) {
      columns.push_back(truncate_identifier(element.str("name")));
    } else if (element.has("indexcolname")) {
      columns.push_back(truncate_identifier(element.str("indexcolname")));
    } else {
      columns.push_back(expression_name(element.get("expr")));
    }
  }
  return columns;
}

// Every column a list of index elements and a WHERE clause read.
std::vector<std::string> used_columns(const NodeList& params, const Node& where) {
  std::vector<std::string> columns;
  auto add = [&](const std::string& name) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  };
  for (Node param : params) {
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    if (element.has("name")) {
      add(truncate_identifier(element.str("name")));
    } else {
      for (const auto& name : referenced_columns(element.get("expr"))) add(name);
    }
  }
  for (const auto& name : referenced_columns(where)) add(name);
  return columns;
}

std::vector<std::string> names_of(const NodeList& list) {
  std::vector<std::string> names;
  for (Node item : list) names.push_back(truncate_identifier(item.as_str()));
  return names;
}

// The names of a routine's parameters (CREATE FUNCTION), which its body may use.
std::vector<std::string> parameter_names(const Node& create) {
  std::vector<std::string> names;
  for (Node parameter : create.list("parameters")) {
    if (parameter.has("name")) names.push_back(truncate_identifier(parameter.str("name")));
  }
  return names;
}

// Whether PostgreSQL matches the argument types a statement lists for a routine against every
// argument of one too, OUT ones included (Effect::all_args_match): for a PROCEDURE or ROUTINE
// whose list writes no modes. DROP FUNCTION takes the input types only.
bool matches_all_args(std::string_view object_type, const Node& object) {
  if (object_type != "OBJECT_PROCEDURE" && object_type != "OBJECT_ROUTINE") return false;
  if (!(object.is("ObjectWithArgs") || object.has("objname")) || object.flag("args_unspecified")) {
    return false;
  }
  for (Node parameter : object.list("objfuncargs")) {
    if (parameter.str("mode") != "FUNC_PARAM_DEFAULT") return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> ObjectResolver::Context::routine_args(const Node& owa) const {
  if (owa.flag("args_unspecified")) return std::nullopt;
  std::vector<std::string> types;
  for (Node type : owa.list("objargs")) types.push_back(canonical_type(type));
  return join_args(types);
}

void ObjectResolver::Context::text_named_dependency(Effect& effect, ObjectKind kind,
                                                    const std::vector<std::string>& parts,
                                                    DependencySource source) {
  Dependency& dependency = effect.depends_on.emplace_back();
  dependency.object.kind = kind;
  dependency.object.name = truncate_identifier(parts.back());
  dependency.source = source;
  dependency.schema_given = parts.size() >= 2;
  if (dependency.schema_given) {
    dependency.object.schema = truncate_identifier(parts[parts.size() - 2]);
  } else {
    dependency.object.schema = default_schema();
    effect.search_path = resolver.m_path;
  }
}

Dependency& ObjectResolver::Context::named_dependency(Effect& effect, ObjectKind kind,
                                                      const NodeList& names,
                                                      DependencySource source) {
  std::size_t count = names.size();
  Dependency& dependency = effect.depends_on.emplace_back();
  dependency.object.kind = kind;
  dependency.source = source;
  if (count != 0) dependency.object.name = truncate_identifier(names.back().as_str());
  dependency.schema_given = count >= 2;
  if (dependency.schema_given) {
    dependency.object.schema = truncate_identifier(names[count - 2].as_str());
  } else {
    dependency.object.schema = default_schema();
    effect.search_path = resolver.m_path;
  }
  return dependency;
}

void ObjectResolver::Context::type_dependency(Effect& effect, const Node& type_name,
                                              DependencySource source) {
  NodeList list = type_name.list("names");
  std::size_t count = list.size();
  // table.column%TYPE: the column's type, looked up once; nothing depends on the table.
  if (count == 0 || type_name.flag("pct_type")) return;
  std::string_view last = list.back().as_str();
  std::string_view qualifier = count >= 2 ? list[count - 2].as_str() : std::string_view();
  if (count >= 2 && qualifier == "pg_catalog") return;
  if (count == 1 && is_builtin_type_name(last)) return;
  Dependency& dependency = named_dependency(effect, ObjectKind::type, list, source);
  // Also written with the extension's schema (public.citext, as pg_dump writes it).
  dependency.extension = extension_member(ObjectKind::type, dependency.object.name);
}

namespace {

// The names a list of options sets: DefElem names ("fillfactor", "toast.autovacuum_enabled"), a
// routine's SET / RESET as "set:<parameter>" ("set:*" for RESET ALL). RESTART of a sequence is
// left out: it moves the counter, which no down sets back.
std::vector<std::string> option_names(const NodeList& options) {
  std::vector<std::string> names;
  for (Node option : options) {
    std::string_view name = option.str("defname");
    if (name.empty() || name == "restart") continue;
    if (name == "set") {
      Node set = option.get("arg");
      std::string_view parameter = set.str("name");
      names.push_back("set:" + (parameter.empty() ? std::string("*") : std::string(parameter)));
      continue;
    }
    std::string_view space = option.str("defnamespace");
    names.push_back(space.empty() ? std::string(name)
                                  : std::string(space) + "." + std::string(name));
  }
  return names;
}

// What an ALTER TABLE command without a column changes on the table.
Change table_change(std::string_view type) {
  static const std::unordered_map<std::string_view, Change> k_changes = {
      {"AT_EnableRowSecurity", Change::enable_row_security},
      {"AT_DisableRowSecurity", Change::disable_row_security},
      {"AT_ForceRowSecurity", Change::force_row_security},
      {"AT_NoForceRowSecurity", Change::no_force_row_security},
      {"AT_ChangeOwner", Change::owner},
      {"AT_SetRelOptions", Change::storage_parameters},
      {"AT_ResetRelOptions", Change::storage_parameters},
      {"AT_ReplaceRelOptions", Change::storage_parameters},
      {"AT_ReplicaIdentity", Change::replica_identity},
      {"AT_EnableTrig", Change::enable_trigger},
      {"AT_EnableAlwaysTrig", Change::enable_trigger},
      {"AT_EnableReplicaTrig", Change::enable_trigger},
      {"AT_EnableTrigAll", Change::enable_trigger},
      {"AT_EnableTrigUser", Change::enable_trigger},
      {"AT_DisableTrig", Change::disable_trigger},
      {"AT_DisableTrigAll", Change::disable_trigger},
      {"AT_DisableTrigUser", Change::disable_trigger},
      {"AT_SetLogged", Change::set_logged},
      {"AT_SetUnLogged", Change::set_unlogged},
      {"AT_ClusterOn", Change::clustering},
      {"AT_DropCluster", Change::clustering},
      {"AT_SetTableSpace", Change::tablespace},
      {"AT_SetAccessMethod", Change::access_method},
  };
  auto found = k_changes.find(type);
  return found == k_changes.end() ? Change::other : found->second;
}

// What sqlgate knows of an argument's type, as Dependency::call says it.
std::string argument_type(const Node& argument) {
  if (argument.is("TypeCast")) return canonical_type(argument.get("typeName"));
  if (argument.is("A_Const")) {
    if (argument.has("sval") || argument.flag("isnull")) return "unknown";
    if (argument.has("ival")) return "int4";
    if (argument.has("boolval")) return "bool";
  }
  return {};
}

// nextval('s') and its like take a regclass: a string literal there (or one cast to regclass)
// names the sequence once, when the default is stored, and the default depends on it. Cast to
// text, the name is looked up each time the default runs, and nothing depends on the sequence.
std::optional<std::string> regclass_constant(const Node& argument) {
  Node constant = argument;
  if (argument.is("TypeCast")) {
    auto names = string_list(argument.get("typeName").list("names"));
    if (names.empty() || names.back() != "regclass") return std::nullopt;
    constant = argument.get("arg");
  }
  if (!constant.is("A_Const") || !constant.has("sval")) return std::nullopt;
  return constant_text(constant);
}

bool takes_sequence(std::string_view function) {
  return function == "nextval" || function == "currval" || function == "setval";
}

// How many arguments the form of a pg_catalog function that takes a regconfig first has
// (to_tsvector(regconfig, text)); 0 for the other functions. Other forms of some (ts_headline
// with 3) cannot be told apart from the ones without a configuration.
std::size_t regconfig_call_arguments(std::string_view function) {
  if (function == "to_tsvector" || function == "to_tsquery" || function == "plainto_tsquery" ||
      function == "phraseto_tsquery" || function == "websearch_to_tsquery") {
    return 2;
  }
  if (function == "json_to_tsvector" || function == "jsonb_to_tsvector") return 3;
  if (function == "ts_headline") return 4;
  return 0;
}

// The text search configurations of pg_catalog, which an unqualified name reaches first.
bool is_builtin_ts_config(std::string_view name) {
  static constexpr std::string_view k_configs[] = {
      "arabic",    "armenian",   "basque",   "catalan", "danish",     "dutch",
      "english",   "finnish",    "french",   "german",  "greek",      "hindi",
      "hungarian", "indonesian", "irish",    "italian", "lithuanian", "nepali",
      "norwegian", "portuguese", "romanian", "russian", "serbian",    "simple",
      "spanish",   "swedish",    "tamil",    "turkish", "yiddish"};
  return std::find(std::begin(k_configs), std::end(k_configs), name) != std::end(k_configs);
}

// PostgreSQL's own text search dictionaries: simple and a snowball stemmer for each language
// it has a configuration of.
bool is_builtin_ts_dictionary(std::string_view name) {
  constexpr std::string_view k_stem = "_stem";
  if (name == "simple") return true;
  if (!name.ends_with(k_stem)) return false;
  std::string_view language = name.substr(0, name.size() - k_stem.size());
  return language != "simple" && is_builtin_ts_config(language);
}

// Whether a type name is regconfig (pg_catalog's).
bool is_regconfig(const NodeList& names) {
  auto parts = string_list(names);
  return !parts.empty() && parts.back() == "regconfig" &&
         (parts.size() == 1 || parts[parts.size() - 2] == "pg_catalog");
}

}  // namespace

void ObjectResolver::Context::expression_dependencies(Effect& effect, const Node& expression,
                                                      DependencySource source) {
  walk(expression, [&](const Node& node) {
    if (node.is("FuncCall")) {
      call_dependency(effect, node, source);
    } else if (node.is("TypeCast")) {
      type_dependency(effect, node.get("typeName"), source);
      if (is_regconfig(node.get("typeName").list("names"))) {
        regconfig_dependency(effect, node.get("arg"), source);
      }
    } else if (node.is("CollateClause")) {
      collation_dependency(effect, node.list("collname"), source);
    }
    return true;
  });
}

void ObjectResolver::Context::regconfig_dependency(Effect& effect, const Node& constant,
                                                   DependencySource source) {
  if (!constant.is("A_Const") || !constant.has("sval")) return;
  auto text = constant_text(constant);
  if (!text) return;
  std::vector<std::string> parts = text_name_parts(*text);
  if (parts.empty() || parts.size() > 2) return;
  if (parts.size() == 2 ? parts.front() == "pg_catalog" : is_builtin_ts_config(parts.back())) {
    return;
  }
  text_named_dependency(effect, ObjectKind::text_search_configuration, parts, source);
}

void ObjectResolver::Context::collation_dependency(Effect& effect, const NodeList& names,
                                                   DependencySource source) {
  std::size_t count = names.size();
  if (count == 0 || count > 2) return;
  std::string_view name = names.back().as_str();
  // pg_catalog's, which every search path reaches first.
  if (count == 2 ? names.front().as_str() == "pg_catalog"
                 : name == "C" || name == "POSIX" || name == "default" || name == "ucs_basic") {
    return;
  }
  named_dependency(effect, ObjectKind::collation, names, source);
}

void ObjectResolver::Context::index_element_dependencies(Effect& effect, const ObjectRef& table,
                                                         const Node& element,
                                                         std::string_view method) {
  expression_dependencies(effect, element.get("expr"), DependencySource::definition);
  collation_dependency(effect, element.list("collation"), DependencySource::definition);
  NodeList opclass = element.list("opclass");
  if (opclass.empty()) {
    // Under btree, hash and brin PostgreSQL's own classes serve every built-in type.
    if (!element.has("name") || (method != "gist" && method != "gin")) return;
    Dependency& dependency = effect.depends_on.emplace_back();
    dependency.object = child(ObjectKind::column, table, element.str("name"));
    dependency.default_opclass_of = method;
    return;
  }
  if (opclass.size() > 2) return;
  if (opclass.size() == 2 && opclass.front().as_str() == "pg_catalog") return;
  Dependency& dependency =
      named_dependency(effect, ObjectKind::operator_class, opclass, DependencySource::definition);
  dependency.extension =
      extension_member(ObjectKind::operator_class, dependency.object.name, method);
}

void ObjectResolver::Context::call_dependency(Effect& effect, const Node& call,
                                              DependencySource source) {
  NodeList names = call.list("funcname");
  std::size_t count = names.size();
  if (count == 0 || count > 3) return;
  std::string_view name = names.back().as_str();
  bool builtin_schema = count >= 2 && names[count - 2].as_str() == "pg_catalog";
  NodeList args = call.list("args");
  if ((count == 1 || builtin_schema) && takes_sequence(name) && !args.empty()) {
    auto text = regclass_constant(args.front());
    std::vector<std::string> parts = text ? text_name_parts(*text) : std::vector<std::string>();
    if (!parts.empty() && parts.size() <= 3) {
      text_named_dependency(effect, ObjectKind::sequence, parts, source);
    }
  }
  if ((count == 1 || builtin_schema) && args.size() == regconfig_call_arguments(name)) {
    regconfig_dependency(effect, args.front(), source);
  }
  Dependency* dependency = function_dependency(effect, names, source);
  if (dependency == nullptr) return;
  std::vector<std::string> types;
  for (Node argument : args) types.push_back(argument_type(argument));
  dependency->call = std::move(types);
}

Dependency* ObjectResolver::Context::function_dependency(Effect& effect, const NodeList& names,
                                                         DependencySource source) {
  std::size_t count = names.size();
  if (count == 0 || count > 3) return nullptr;
  if (count >= 2 && names[count - 2].as_str() == "pg_catalog") return nullptr;
  if (count == 1 && is_builtin_function(names.back().as_str())) return nullptr;
  Dependency& dependency = named_dependency(effect, ObjectKind::function, names, source);
  dependency.extension = extension_member(ObjectKind::function, dependency.object.name);
  return &dependency;
}

namespace {

// The option of that name in a definition list (CREATE AGGREGATE's, OPERATOR's, TYPE's): an
// invalid Node when the statement does not give it.
Node option_named(const NodeList& definition, std::string_view name) {
  for (Node option : definition) {
    if (option.str("defname") == name) return option;
  }
  return {};
}

// The canonical type an option names (STYPE = int, LEFTARG = text); empty when it names none.
std::string option_type(const Node& option) {
  Node arg = option.get("arg");
  return arg.is("TypeName") ? canonical_type(arg) : std::string();
}

}  // namespace

void ObjectResolver::Context::support_function(Effect& effect, const Node& option,
                                               std::vector<std::string> types) {
  Node arg = option.get("arg");
  if (!arg.is("TypeName")) return;
  Dependency* dependency =
      function_dependency(effect, arg.list("names"), DependencySource::definition);
  if (dependency != nullptr) dependency->call = std::move(types);
}

void ObjectResolver::Context::operator_dependencies(Effect& effect, const NodeList& definition) {
  // A prefix operator takes its right argument only.
  std::vector<std::string> types;
  for (std::string_view side : {"leftarg", "rightarg"}) {
    Node option = option_named(definition, side);
    if (!option) continue;
    types.push_back(option_type(option));
    if (option.get("arg").is("TypeName")) type_dependency(effect, option.get("arg"));
  }
  Node function = option_named(definition, "function");
  support_function(effect, function ? function : option_named(definition, "procedure"), types);
}

void ObjectResolver::Context::aggregate_dependencies(Effect& effect, const Node& node) {
  NodeList definition = node.list("definition");
  // Its input types: those of an ordered-set aggregate's direct arguments first (before ORDER
  // BY), then those it aggregates. The old form names one (BASETYPE), or none for "any".
  std::vector<std::string> direct;
  std::vector<std::string> aggregated;
  NodeList args = node.list("args");
  if (!args.empty()) {
    NodeList parameters =
        args.front().items().empty() ? args.front().list("items") : args.front().items();
    std::int64_t direct_count = args.size() >= 2 ? args[1].as_int() : -1;
    for (Node parameter : parameters) {
      if (!parameter.is("FunctionParameter")) continue;
      type_dependency(effect, parameter.get("argType"));
      std::string type = canonical_type(parameter.get("argType"));
      if (std::cmp_less(direct.size(), direct_count)) {
        direct.push_back(std::move(type));
      } else {
        aggregated.push_back(std::move(type));
      }
    }
  } else if (Node base = option_named(definition, "basetype")) {
    std::string type = option_type(base);
    if (type != "any") aggregated.push_back(std::move(type));
    if (base.get("arg").is("TypeName")) type_dependency(effect, base.get("arg"));
  }
  // The transition function takes the state and the aggregated values; the final function the
  // state, the direct arguments and, with FINALFUNC_EXTRA, the aggregated ones; the same for
  // the moving-aggregate forms (MSTYPE, MSFUNC, MINVFUNC, MFINALFUNC).
  for (std::string_view mode : {"", "m"}) {
    std::string prefix(mode);
    Node state = option_named(definition, prefix + "stype");
    if (!state) continue;
    if (state.get("arg").is("TypeName")) type_dependency(effect, state.get("arg"));
    std::vector<std::string> transition{option_type(state)};
    transition.insert(transition.end(), aggregated.begin(), aggregated.end());
    support_function(effect, option_named(definition, prefix + "sfunc"), transition);
    if (!prefix.empty()) {
      support_function(effect, option_named(definition, "minvfunc"), transition);
    }
    std::vector<std::string> final{option_type(state)};
    final.insert(final.end(), direct.begin(), direct.end());
    if (option_named(definition, prefix + "finalfunc_extra")) {
      final.insert(final.end(), aggregated.begin(), aggregated.end());
    }
    support_function(effect, option_named(definition, prefix + "finalfunc"), final);
  }
  if (Node state = option_named(definition, "stype")) {
    std::string type = option_type(state);
    support_function(effect, option_named(definition, "combinefunc"), {type, type});
  }
  support_function(effect, option_named(definition, "serialfunc"), {"internal"});
  support_function(effect, option_named(definition, "deserialfunc"), {"bytea", "internal"});
}

void ObjectResolver::Context::create_cast(const Node& node) {
  ObjectRef ref;
  ref.kind = ObjectKind::cast;
  ref.name =
      canonical_type(node.get("sourcetype")) + " AS " + canonical_type(node.get("targettype"));
  Effect& effect = add(Action::create, ref, statement.range.begin);
  type_dependency(effect, node.get("sourcetype"));
  type_dependency(effect, node.get("targettype"));
  if (node.has("func")) signature_dependency(effect, node.get("func"));
}

void ObjectResolver::Context::signature_dependency(Effect& effect, const Node& object_with_args) {
  Dependency* dependency =
      function_dependency(effect, object_with_args.list("objname"), DependencySource::definition);
  if (dependency != nullptr) dependency->object.args = routine_args(object_with_args);
}

void ObjectResolver::Context::create_range(const Node& node) {
  auto [ref, given] = qualified(ObjectKind::type, node.list("typeName"));
  Effect& effect = add(Action::create, ref, statement.range.begin, given);
  NodeList parameters = node.list("params");
  Node subtype = option_named(parameters, "subtype");
  if (subtype && subtype.get("arg").is("TypeName")) type_dependency(effect, subtype.get("arg"));
  // SUBTYPE_DIFF takes two values of the subtype, CANONICAL a value of the range type (made
  // first as a shell type).
  std::string type = subtype ? option_type(subtype) : std::string();
  support_function(effect, option_named(parameters, "subtype_diff"), {type, type});
  support_function(effect, option_named(parameters, "canonical"), {ref.name});
  create_multirange(ref, option_named(parameters, "multirange_type_name"));
}

// PostgreSQL 14+ makes a multirange type with each range type: named by MULTIRANGE_TYPE_NAME, or
// the range's name with "multi" put before its first "range" (floatrange: floatmultirange), or
// with "_multirange" appended, in the range's schema. It is part of the range type: it goes with
// it, and cannot be dropped alone.
void ObjectResolver::Context::create_multirange(const ObjectRef& range, const Node& option) {
  ObjectRef multirange = range;
  bool given = true;
  Node arg = option.get("arg");
  if (arg.is("TypeName")) {
    std::tie(multirange, given) = qualified(ObjectKind::type, arg.list("names"));
  } else if (arg.is("String")) {
    multirange.schema = default_schema();
    multirange.name = truncate_identifier(arg.as_str());
    given = false;
  } else if (std::size_t at = range.name.find("range"); at != std::string::npos) {
    multirange.name =
        truncate_identifier(range.name.substr(0, at) + "multi" + range.name.substr(at));
  } else {
    multirange.name = truncate_identifier(range.name + "_multirange");
  }
  Effect& created = add(Action::create, multirange, statement.range.begin, given);
  created.implicit = true;
  created.depends_on.push_back({range, true});
}

ObjectRef ObjectResolver::Context::object_name(ObjectKind kind, const Node& object, bool* given) {
  *given = true;
  ObjectRef ref;
  ref.kind = kind;
  if (object.is("String")) {
    ref.name = truncate_identifier(object.as_str());
    if (in_schema(kind)) {
      ref.schema = default_schema();
      *given = false;
    }
    return ref;
  }
  if (object.is("TypeName")) {
    auto [r, g] = qualified(kind, object.list("names"));
    *given = g;
    return r;
  }
  // ALTER FUNCTION holds its ObjectWithArgs as a struct, not as a node: it has no kind.
  if (object.is("ObjectWithArgs") || object.has("objname")) {
    auto [r, g] = qualified(kind, object.list("objname"));
    r.args = routine_args(object);
    *given = g;
    return r;
  }
  if (object.is("List")) {
    NodeList items = object.list("items");
    if (has_parent(kind)) {
      // [schema.]table.name
      auto parts = string_list(items);
      if (parts.size() >= 2) {
        ref.name = truncate_identifier(parts.back());
        ref.parent = truncate_identifier(parts[parts.size() - 2]);
        if (parts.size() >= 3) {
          ref.schema = truncate_identifier(parts[parts.size() - 3]);
        } else {
          ref.schema = default_schema();
          *given = false;
        }
      }
      return ref;
    }
    if (kind == ObjectKind::cast || kind == ObjectKind::transform) {
      std::string name;
      for (Node item : items) {
        if (!name.empty()) name += " AS ";
        name += item.is("TypeName") ? canonical_type(item) : std::string(item.as_str());
      }
      ref.name = name;
      return ref;
    }
    if (kind == ObjectKind::operator_class || kind == ObjectKind::operator_family) {
      // [access method, [schema,] name]
      auto parts = string_list(items);
      if (!parts.empty()) {
        ref.name = truncate_identifier(parts.back());
        if (parts.size() >= 3) {
          ref.schema = truncate_identifier(parts[parts.size() - 2]);
        } else {
          ref.schema = default_schema();
          *given = false;
        }
      }
      return ref;
    }
    auto [r, g] = qualified(kind, items);
    *given = g;
    return r;
  }
  return ref;
}

void ObjectResolver::Context::reads(Effect& effect, const Node& query, DependencySource source) {
  std::set<std::string> ctes;
  walk(query, [&](const Node& node) {
    if (node.is("CommonTableExpr")) ctes.insert(std::string(node.str("ctename")));
    return true;
  });
  std::set<std::string> seen;
  walk(query, [&](const Node& node) {
    if (node.is("RangeVar")) {
      RelationName name = relation_name(node);
      if (name.schema.empty() && ctes.count(std::string(name.name)) != 0) return false;
      auto [ref, given] = relation(ObjectKind::table, node);
      // pg_catalog's own relations; an unqualified name under a path with no schema is looked for
      // there, and one of another name is not found.
      if (ref.schema == "information_schema" ||
          (ref.schema == "pg_catalog" && (given || ref.name.starts_with("pg_")))) {
        return false;
      }
      if (seen.insert(ref.key()).second) {
        Dependency& dependency = effect.depends_on.emplace_back();
        dependency.object = std::move(ref);
        dependency.source = source;
        dependency.schema_given = given;
        if (!given) effect.search_path = resolver.m_path;
      }
      return false;
    }
    return true;
  });
}

void ObjectResolver::Context::policy_expressions(Effect& effect, const Node& node) {
  for (std::string_view field : {"qual", "with_check"}) {
    auto source = field == "qual" ? DependencySource::policy_using : DependencySource::policy_check;
    reads(effect, node.get(field), source);
    expression_dependencies(effect, node.get(field), source);
  }
}

void ObjectResolver::Context::column_dependencies(Effect& effect, const ObjectRef& table,
                                                  bool given, std::string_view qualifier,
                                                  const Node& expression) {
  std::set<std::string> seen;
  walk(expression, [&](const Node& node) {
    if (node.is("SubLink") || node.is("RangeSubselect")) return false;
    if (!node.is("ColumnRef")) return true;
    NodeList fields = node.list("fields");
    std::string name;
    if (fields.size() == 1 && fields[0].is("String")) {
      name = truncate_identifier(fields[0].as_str());
    } else if (fields.size() == 2 && fields[0].is("String") && fields[1].is("String") &&
               truncate_identifier(fields[0].as_str()) == qualifier) {
      name = truncate_identifier(fields[1].as_str());
    }
    if (name.empty() || !seen.insert(name).second) return false;
    Dependency& dependency = effect.depends_on.emplace_back();
    dependency.object = child(ObjectKind::column, table, name);
    dependency.schema_given = given;
    if (!given) effect.search_path = resolver.m_path;
    return false;
  });
}

// The columns a query reads, which PostgreSQL records as a view's dependencies: those named in
// any clause at any level, qualified ones through the names in scope (aliases), `*` as every
// column of the tables then, and the columns a join's USING or NATURAL matches, on both sides.
// An unqualified name in a query over several tables is the column of whichever has one; the
// replay, which knows their columns, tells.
struct ObjectResolver::Context::QueryColumns {
  Context& context;
  Effect& effect;
  std::set<std::string> seen;
  // A function's parameters: an unqualified name of one is a column only when a table has it.
  std::vector<std::string> parameters;
  DependencySource source = DependencySource::definition;
  // Those of a table's row type (u public.users): `u.c` is column c of the table, and `u.*` every
  // column, when no range of the query is named u.
  struct RowParameter {
    std::string name;
    ObjectRef table;
    bool given = false;
  };
  std::vector<RowParameter> row_parameters;
  // Whether the columns an INSERT, UPDATE or ON CONFLICT names as the ones it writes count.
  bool targets = true;

  // A table, subquery, function or WITH query a query level reads from.
  struct Range {
    std::string name;                // the alias, or the table's name
    std::optional<ObjectRef> table;  // nullopt: not a table (its columns are not columns)
    bool given = false;
    bool renamed = false;  // an alias with column names: the columns go by other names
    // A function in FROM: its call, whose result rows (of a table's row type, which only the
    // replay knows) the columns are of.
    std::optional<Dependency> rows;
  };
  struct Scope {
    std::vector<Range> ranges;
    const Scope* outer = nullptr;
    std::vector<std::string> ctes;  // the WITH queries of this level

    bool is_cte(std::string_view name) const {
      for (const Scope* scope = this; scope != nullptr; scope = scope->outer) {
        if (std::find(scope->ctes.begin(), scope->ctes.end(), name) != scope->ctes.end()) {
          return true;
        }
      }
      return false;
    }
  };

  Dependency& add_dependency(ObjectRef ref, bool given) {
    Dependency& dependency = effect.depends_on.emplace_back();
    dependency.object = std::move(ref);
    dependency.source = source;
    dependency.schema_given = given;
    if (!given) effect.search_path = context.resolver.m_path;
    return dependency;
  }

  void column(const Range& range, std::string_view name) {
    if (range.rows && !range.renamed) {
      std::string key = "()" + range.rows->object.key() + "." + std::string(name);
      if (!seen.insert(key).second) return;
      Dependency& dependency = effect.depends_on.emplace_back(*range.rows);
      dependency.result_column = name;
      dependency.source = source;
      if (!dependency.schema_given) effect.search_path = context.resolver.m_path;
      return;
    }
    if (!range.table || range.renamed) return;
    ObjectRef ref = child(ObjectKind::column, *range.table, name);
    if (!seen.insert(ref.key()).second) return;
    add_dependency(std::move(ref), range.given);
  }

  // Every column of the range's table (those the other one has too, for NATURAL).
  void all_columns(const Range& range, const Range* shared = nullptr) {
    if (!range.table || (shared != nullptr && (!shared->table || shared->renamed))) return;
    std::string key = "*" + range.table->key();
    if (shared != nullptr) key += "|" + shared->table->key();
    if (!seen.insert(key).second) return;
    Dependency& dependency = add_dependency(*range.table, range.given);
    dependency.all_columns = true;
    if (shared != nullptr) {
      Dependency& other = dependency.shared_with.emplace_back();
      other.object = *shared->table;
      other.schema_given = shared->given;
      if (!shared->given) effect.search_path = context.resolver.m_path;
    }
  }

  // The column of that name of whichever table among the ranges has one.
  void any_column(std::span<const Range> ranges, std::string_view name) {
    std::vector<Dependency> candidates;
    std::string key = "?" + std::string(name);
    for (const Range& range : ranges) {
      if (!range.table || range.renamed) continue;
      Dependency& candidate = candidates.emplace_back();
      candidate.object = child(ObjectKind::column, *range.table, name);
      candidate.schema_given = range.given;
      if (!range.given) effect.search_path = context.resolver.m_path;
      key += "|" + range.table->key();
    }
    if (candidates.empty() || !seen.insert(key).second) return;
    Dependency& dependency = effect.depends_on.emplace_back();
    dependency.object = candidates.front().object;
    dependency.source = source;
    dependency.schema_given = candidates.front().schema_given;
    dependency.any_of = std::move(candidates);
  }

  static const Range* find(const Scope& scope, std::string_view name, std::string_view schema) {
    for (const Scope* level = &scope; level != nullptr; level = level->outer) {
      for (const Range& range : level->ranges) {
        if (range.name != name) continue;
        if (!schema.empty() && (!range.table || range.table->schema != schema)) continue;
        return &range;
      }
    }
    return nullptr;
  }

  void column_ref(const Node& node, const Scope& scope, const std::vector<std::string>& outputs) {
    NodeList fields = node.list("fields");
    std::size_t count = fields.size();
    if (count == 0) return;
    bool star = fields[count - 1].is("A_Star");
    for (std::size_t i = 0; i + (star ? 1 : 0) < count; ++i) {
      if (!fields[i].is("String")) return;
    }
    auto field = [&](std::size_t i) { return truncate_identifier(fields[i].as_str()); };
    if (star && count == 1) {
      for (const Range& range : scope.ranges) all_columns(range);
      return;
    }
    if (count == 1) {
      std::string name = field(0);
      if (std::find(outputs.begin(), outputs.end(), name) != outputs.end()) return;
      // A level without FROM items (a subquery `(SELECT f(team_id))`) finds the name in the
      // levels around it.
      const Scope* own = &scope;
      while (own->ranges.empty() && own->outer != nullptr) own = own->outer;
      bool outer_ranges = false;
      for (const Scope* level = own->outer; level != nullptr; level = level->outer) {
        if (!level->ranges.empty()) outer_ranges = true;
      }
      // A name of a range is its whole row when no table of the query has a column so named.
      bool parameter = std::find(parameters.begin(), parameters.end(), name) != parameters.end();
      if (own->ranges.size() == 1 && !outer_ranges && find(*own, name, {}) == nullptr &&
          !parameter) {
        column(own->ranges.front(), name);
      } else {
        any_column(own->ranges, name);
      }
      return;
    }
    std::size_t qualifier = count - 2;
    if (qualifier > 1) return;
    const Range* range = find(scope, field(qualifier), qualifier == 1 ? field(0) : std::string());
    // PostgreSQL tries a parameter after the ranges: u.c of a row-typed parameter u.
    if (range == nullptr && qualifier == 0) {
      range_of_parameter(field(0), [&](const Range& row) {
        if (star) {
          all_columns(row);
        } else {
          row_type_column(row, field(count - 1));
        }
      });
    }
    if (range == nullptr) return;
    if (star) {
      all_columns(*range);
    } else {
      column(*range, field(count - 1));
    }
  }

  // Calls use(range) with the table of the row-typed parameter of that name, if there is one.
  template <typename Use>
  void range_of_parameter(std::string_view name, Use&& use) {
    for (const RowParameter& parameter : row_parameters) {
      if (parameter.name == name) use(Range{parameter.name, parameter.table, parameter.given});
    }
  }

  // Column `name` of the table of a row-typed value: a dependency when the type is a table's.
  void row_type_column(const Range& row, std::string_view name) {
    ObjectRef ref = child(ObjectKind::column, *row.table, name);
    if (!seen.insert(ref.key()).second) return;
    add_dependency(std::move(ref), row.given).row_type_column = true;
  }

  static bool no_ranges(const Scope& scope) {
    for (const Scope* level = &scope; level != nullptr; level = level->outer) {
      if (!level->ranges.empty()) return false;
    }
    return true;
  }

  void expression(const Node& expression, const Scope& scope,
                  const std::vector<std::string>& outputs = {}) {
    walk(expression, [&](const Node& node) {
      // (u).c of a row-typed parameter u, in a query that reads from no table (where u could
      // also be a column or a range's whole row).
      if (node.is("A_Indirection") && no_ranges(scope)) {
        NodeList fields = node.get("arg").list("fields");
        NodeList indirection = node.list("indirection");
        if (node.get("arg").is("ColumnRef") && fields.size() == 1 && fields[0].is("String") &&
            !indirection.empty() && indirection[0].is("String")) {
          range_of_parameter(truncate_identifier(fields[0].as_str()), [&](const Range& row) {
            row_type_column(row, truncate_identifier(indirection[0].as_str()));
          });
        }
      }
      if (node.is("SubLink")) {
        this->expression(node.get("testexpr"), scope);
        query(node.get("subselect"), &scope);
        return false;
      }
      if (node.is("ColumnRef")) {
        column_ref(node, scope, outputs);
        return false;
      }
      return true;
    });
  }

  // A function in FROM (FROM search_orders('[]') s), named by its alias or else its name: one
  // call without a column definition list (ROWS FROM of several is not followed).
  void function_range(const Node& item, Scope& scope, std::string alias) {
    Range& range = scope.ranges.emplace_back();
    range.name = std::move(alias);
    range.renamed = item.has("alias") && !item.get("alias").list("colnames").empty();
    NodeList functions = item.list("functions");
    if (functions.size() != 1 || item.flag("is_rowsfrom") || !item.list("coldeflist").empty()) {
      return;
    }
    NodeList pair = functions[0].list("items");
    if (pair.size() == 0 || !pair[0].is("FuncCall")) return;
    Effect call;
    context.call_dependency(call, pair[0], source);
    for (Dependency& dependency : call.depends_on) {
      if (dependency.call && dependency.object.kind == ObjectKind::function) {
        range.rows = std::move(dependency);
      }
    }
    if (range.name.empty()) {
      NodeList names = pair[0].list("funcname");
      if (names.size() != 0) range.name = truncate_identifier(names.back().as_str());
    }
  }

  // Adds the ranges of a FROM item to the scope; join conditions go to `conditions`.
  void from_item(const Node& item, Scope& scope, std::vector<Node>& conditions) {
    auto alias_name = [](const Node& of) {
      return of.has("alias") ? truncate_identifier(of.get("alias").str("aliasname"))
                             : std::string();
    };
    if (item.is("RangeVar")) {
      Range& range = scope.ranges.emplace_back();
      RelationName name = relation_name(item);
      std::string alias = alias_name(item);
      range.renamed = item.has("alias") && !item.get("alias").list("colnames").empty();
      if (name.schema.empty() && scope.is_cte(truncate_identifier(name.name))) {
        range.name = alias.empty() ? truncate_identifier(name.name) : alias;
        return;
      }
      auto [ref, given] = context.relation(ObjectKind::table, item);
      range.name = alias.empty() ? ref.name : alias;
      if (ref.schema == "pg_catalog" || ref.schema == "information_schema") return;
      range.table = std::move(ref);
      range.given = given;
      return;
    }
    if (item.is("JoinExpr")) {
      std::size_t first = scope.ranges.size();
      from_item(item.get("larg"), scope, conditions);
      std::size_t middle = scope.ranges.size();
      from_item(item.get("rarg"), scope, conditions);
      std::size_t last = scope.ranges.size();
      if (item.has("quals")) conditions.push_back(item.get("quals"));
      std::span<const Range> all(scope.ranges);
      for (const std::string& name : names_of(item.list("usingClause"))) {
        any_column(all.subspan(first, middle - first), name);
        any_column(all.subspan(middle, last - middle), name);
      }
      if (item.flag("isNatural")) {
        for (std::size_t left = first; left < middle; ++left) {
          for (std::size_t right = middle; right < last; ++right) {
            if (scope.ranges[left].renamed || scope.ranges[right].renamed) continue;
            all_columns(scope.ranges[left], &scope.ranges[right]);
            all_columns(scope.ranges[right], &scope.ranges[left]);
          }
        }
      }
      // Columns of a join named by its alias are not looked up.
      if (item.has("alias")) scope.ranges.push_back({alias_name(item), std::nullopt});
      return;
    }
    if (item.is("RangeSubselect")) query(item.get("subquery"), &scope);
    if (item.is("RangeFunction")) {
      function_range(item, scope, alias_name(item));
      return;
    }
    scope.ranges.push_back({alias_name(item), std::nullopt});
  }

  void query(const Node& select, const Scope* outer) {
    if (!select.is("SelectStmt")) return;
    Scope scope;
    scope.outer = outer;
    NodeList ctes = select.get("withClause").list("ctes");
    for (Node cte : ctes) scope.ctes.push_back(truncate_identifier(cte.str("ctename")));
    for (Node cte : ctes) query(cte.get("ctequery"), &scope);
    if (select.has("larg")) {
      query(select.get("larg"), &scope);
      query(select.get("rarg"), &scope);
      return;
    }
    std::vector<Node> conditions;
    for (Node item : select.list("fromClause")) from_item(item, scope, conditions);
    for (const Node& condition : conditions) expression(condition, scope);
    std::vector<std::string> outputs;
    for (Node target : select.list("targetList")) {
      if (target.has("name")) outputs.push_back(truncate_identifier(target.str("name")));
    }
    for (std::string_view field : {"targetList", "whereClause", "havingClause", "windowClause"}) {
      expression(select.get(field), scope);
    }
    // ORDER BY and DISTINCT ON a name of the output is the output column; so is GROUP BY one that
    // no table has (the replay, which knows, is not asked: the name is left out).
    for (std::string_view field : {"sortClause", "distinctClause", "groupClause"}) {
      expression(select.get(field), scope, outputs);
    }
    grouped_keys(select, scope);
  }

  // The tables of a query level with GROUP BY whose columns its select list, HAVING or ORDER BY
  // read ungrouped (Dependency::grouped), each with its columns the GROUP BY names. Columns are
  // read qualified with the table's name or alias, or unqualified when the level reads one table;
  // those in a function's arguments (an aggregate's, maybe) and in subqueries are not counted.
  // Left alone: GROUPING SETS, ROLLUP and CUBE.
  void grouped_keys(const Node& select, const Scope& scope) {
    NodeList group = select.list("groupClause");
    if (group.empty()) return;
    // The range and column a column reference names at this level.
    auto named = [&](const Node& ref) -> std::pair<const Range*, std::string> {
      NodeList fields = ref.list("fields");
      for (Node field : fields) {
        if (!field.is("String")) return {nullptr, {}};
      }
      if (fields.size() == 1 && scope.ranges.size() == 1) {
        return {&scope.ranges.front(), truncate_identifier(fields[0].as_str())};
      }
      if (fields.size() != 2) return {nullptr, {}};
      std::string qualifier = truncate_identifier(fields[0].as_str());
      for (const Range& range : scope.ranges) {
        if (range.name == qualifier) return {&range, truncate_identifier(fields[1].as_str())};
      }
      return {nullptr, {}};
    };
    std::map<const Range*, std::vector<std::string>> grouped;
    for (Node item : group) {
      if (item.is("GroupingSet")) return;
      if (!item.is("ColumnRef")) continue;
      auto [range, column] = named(item);
      if (range != nullptr) grouped[range].push_back(column);
    }
    std::vector<const Range*> ungrouped;
    for (std::string_view field : {"targetList", "havingClause", "sortClause"}) {
      walk(select.get(field), [&](const Node& node) {
        if (node.is("FuncCall") || node.is("SubLink")) return false;
        if (!node.is("ColumnRef")) return true;
        auto [range, column] = named(node);
        auto found = grouped.find(range);
        if (found != grouped.end() && range->table && !range->renamed &&
            std::find(found->second.begin(), found->second.end(), column) == found->second.end() &&
            std::find(ungrouped.begin(), ungrouped.end(), range) == ungrouped.end()) {
          ungrouped.push_back(range);
        }
        return false;
      });
    }
    for (const Range* range : ungrouped) {
      if (!seen.insert("group by " + range->table->key()).second) continue;
      add_dependency(*range->table, range->given).grouped = grouped[range];
    }
  }

  // A SELECT, INSERT, UPDATE or DELETE (of a SQL-standard body, or a rule's action), `outer` the
  // names around it; false for other statements. For an INSERT, UPDATE or DELETE: the target
  // table's columns it names; an INSERT without a column list writes the first ones, which only
  // the replay knows (not followed). Its WITH queries are read too, data-modifying ones included.
  bool statement(const Node& node, const Scope* outer) {
    bool insert = node.is("InsertStmt");
    bool update = node.is("UpdateStmt");
    if (node.is("SelectStmt")) {
      query(node, outer);
      return true;
    }
    if (!insert && !update && !node.is("DeleteStmt")) return false;
    Scope scope;
    scope.outer = outer;
    NodeList ctes = node.get("withClause").list("ctes");
    for (Node cte : ctes) scope.ctes.push_back(truncate_identifier(cte.str("ctename")));
    for (Node cte : ctes) statement(cte.get("ctequery"), &scope);
    Node relation_node = node.get("relation");
    auto [table, given] = context.relation(ObjectKind::table, relation_node);
    Range target{relation_node.has("alias")
                     ? truncate_identifier(relation_node.get("alias").str("aliasname"))
                     : table.name,
                 table, given};
    scope.ranges.push_back(target);
    std::vector<Node> conditions;
    if (insert) {
      if (targets) {
        for (Node named : node.list("cols")) column(target, truncate_identifier(named.str("name")));
      }
      // The SELECT or VALUES does not see the target table; it sees the WITH queries.
      Scope source;
      source.outer = outer;
      source.ctes = scope.ctes;
      Node select = node.get("selectStmt");
      query(select, &source);
      expression(select.get("valuesLists"), source);
      // ON CONFLICT: the columns of its target; DO UPDATE reads the whole EXCLUDED row, every
      // column of the table.
      Node conflict = node.get("onConflictClause");
      if (targets) {
        for (Node element : conflict.get("infer").list("indexElems")) {
          if (element.has("name")) column(target, truncate_identifier(element.str("name")));
        }
        expression(conflict.get("infer"), scope);
        if (conflict.str("action") == "ONCONFLICT_UPDATE") all_columns(target);
      }
    } else {
      for (Node item : node.list(update ? "fromClause" : "usingClause")) {
        from_item(item, scope, conditions);
      }
      for (Node assignment : node.list("targetList")) {
        if (targets) column(target, truncate_identifier(assignment.str("name")));
        expression(assignment.get("val"), scope);
      }
      expression(node.get("whereClause"), scope);
    }
    for (const Node& condition : conditions) expression(condition, scope);
    expression(node.get("returningList"), scope);
    return true;
  }
};

void ObjectResolver::Context::view_column_dependencies(Effect& effect, const Node& query) {
  QueryColumns{*this, effect, {}}.query(query, nullptr);
}

void ObjectResolver::Context::body_column_dependencies(Effect& effect, const Node& body,
                                                       const Node& routine,
                                                       DependencySource source) {
  QueryColumns reader{*this, effect, {}, parameter_names(routine), source};
  for (Node parameter : routine.list("parameters")) {
    Node type = parameter.get("argType");
    NodeList names = type.list("names");
    if (!parameter.has("name") || !input_parameter(parameter) || type.flag("pct_type") ||
        !type.list("arrayBounds").empty() || names.size() == 0 || names.size() > 2 ||
        (names.size() == 1 && is_builtin_type_name(names[0].as_str())) ||
        (names.size() == 2 && names[0].as_str() == "pg_catalog")) {
      continue;
    }
    auto [table, given] = qualified(ObjectKind::table, names);
    reader.row_parameters.push_back(
        {truncate_identifier(parameter.str("name")), std::move(table), given});
  }
  walk(body, [&](const Node& node) {
    if (node.is("ReturnStmt")) {
      reader.expression(node.get("returnval"), QueryColumns::Scope{});
      return false;
    }
    return !reader.statement(node, nullptr);
  });
}

void ObjectResolver::Context::policy_column_dependencies(Effect& effect, const ObjectRef& table,
                                                         bool given, const Node& policy) {
  QueryColumns reader{*this, effect, {}};
  QueryColumns::Scope rows;
  rows.ranges.push_back({table.name, table, given});
  for (std::string_view field : {"qual", "with_check"}) reader.expression(policy.get(field), rows);
}

void ObjectResolver::Context::rule_column_dependencies(Effect& effect, const ObjectRef& table,
                                                       bool given, const Node& rule) {
  QueryColumns reader{*this, effect, {}};
  // OLD and NEW stand for the rule's table, by those names only: an unqualified name is not
  // looked up in them.
  QueryColumns::Scope rows;
  rows.ranges.push_back({"old", table, given});
  rows.ranges.push_back({"new", table, given});
  reader.expression(rule.get("whereClause"), rows);
  for (Node action : rule.list("actions")) reader.statement(action, &rows);
}

namespace {
// A string constant ('open'), which PostgreSQL makes a constant of the type it is given to.
bool string_constant(const Node& expression) {
  return expression.is("A_Const") && expression.has("sval");
}
}  // namespace

void ObjectResolver::Context::add_column(const ObjectRef& table, const Node& column_def,
                                         bool if_not_exists,
                                         std::vector<PendingConstraint>& constraints, bool added) {
  std::string column_name = truncate_identifier(column_def.str("colname"));
  Effect& column =
      add(Action::create, child(ObjectKind::column, table, column_name), at(column_def), true);
  column.if_not_exists = if_not_exists;
  depend(column, table, true);
  Node type_name = column_def.get("typeName");
  NodeList type_names = type_name.list("names");
  bool serial = type_names.size() == 1 && is_serial(type_names.front().as_str());
  if (!serial) type_dependency(column, type_name, DependencySource::type);
  collation_dependency(column, column_def.get("collClause").list("collname"),
                       DependencySource::type);
  bool identity = false;
  NodeList identity_options;
  for (Node constraint : column_def.list("constraints")) {
    std::string_view type = constraint.str("contype");
    if (type == "CONSTR_IDENTITY") {
      identity = true;
      identity_options = constraint.list("options");
    }
    if (type == "CONSTR_PRIMARY" || type == "CONSTR_UNIQUE" || type == "CONSTR_FOREIGN" ||
        type == "CONSTR_CHECK" || type == "CONSTR_EXCLUSION") {
      constraints.push_back({constraint, column_name});
    }
  }
  // What a default uses (a function, a sequence by name in nextval('orders_no_seq')): DROP is
  // refused while the default is there, and DROP ... CASCADE takes the default. A generated
  // column's expression is the column's own: CASCADE takes the column.
  for (Node constraint : column_def.list("constraints")) {
    std::string_view type = constraint.str("contype");
    if (type == "CONSTR_DEFAULT") {
      expression_dependencies(column, constraint.get("raw_expr"), DependencySource::default_value);
      column.literal_default = string_constant(constraint.get("raw_expr"));
      // DEFAULT 'site_search' on a regconfig column: a regconfig constant, which names the
      // configuration once.
      if (is_regconfig(type_names)) {
        regconfig_dependency(column, constraint.get("raw_expr"), DependencySource::default_value);
      }
    } else if (type == "CONSTR_GENERATED") {
      expression_dependencies(column, constraint.get("raw_expr"), DependencySource::definition);
      // And the columns it is computed from: DROP COLUMN of one is refused while it is there.
      // (In CREATE TABLE they may come after it: generated_dependencies records them.)
      if (added) column_dependencies(column, table, true, table.name, constraint.get("raw_expr"));
    }
  }
  if (serial || identity) {
    column_sequence(table, column_name, identity, at(column_def), if_not_exists, identity_options);
  }
}

void ObjectResolver::Context::column_sequence(const ObjectRef& table, const std::string& column,
                                              bool identity, std::uint32_t offset,
                                              bool if_not_exists, const NodeList& options) {
  ObjectRef sequence;
  sequence.kind = ObjectKind::sequence;
  sequence.schema = table.schema;
  sequence.name.clear();
  for (Node option : options) {
    if (option.str("defname") != "sequence_name") continue;
    Node names = option.get("arg");
    sequence =
        qualified(ObjectKind::sequence, names.items().empty() ? names.list("items") : names.items())
            .first;
    local_relations.insert(sequence.schema, sequence.name);
  }
  if (sequence.name.empty()) {
    sequence.name = choose(table.schema, table.name, column, "seq", true, false);
  }
  Effect& created = add(Action::create, sequence, offset, true);
  created.implicit = true;
  created.if_not_exists = if_not_exists;
  ObjectRef owner = child(ObjectKind::column, table, column);
  // Owned by the column: it goes with the column, and so with the table.
  created.depends_on.push_back({owner, true});
  // And the column needs it: a serial's default draws from it (DROP DEFAULT ends that), an
  // identity column requires it. DROP SEQUENCE is refused while the column is there.
  Dependency& needed = created.depends_on.emplace_back();
  needed.object = std::move(owner);
  needed.reverse = true;
  needed.source = identity ? DependencySource::definition : DependencySource::default_value;
}

void ObjectResolver::Context::add_constraints(const ObjectRef& table,
                                              std::vector<PendingConstraint>& constraints) {
  const std::string& schema = table.schema;
  auto constraint_columns = [](const PendingConstraint& pending) {
    std::string_view type = pending.constraint.str("contype");
    std::vector<std::string> columns;
    if (type == "CONSTR_FOREIGN") {
      columns = names_of(pending.constraint.list("fk_attrs"));
    } else if (type == "CONSTR_EXCLUSION") {
      for (Node pair : pending.constraint.list("exclusions")) {
        NodeList items = pair.list("items");
        std::vector<std::string> element = index_columns(items);
        if (!element.empty()) columns.push_back(element.front());
      }
    } else {
      columns = names_of(pending.constraint.list("keys"));
    }
    if (columns.empty() && !pending.column.empty()) columns.push_back(pending.column);
    return columns;
  };

  // CHECK constraints are named first, then the indexes (the primary key first), then the
  // foreign keys: the order PostgreSQL creates them in.
  for (const auto& pending : constraints) {
    const Node& c = pending.constraint;
    if (c.str("contype") != "CONSTR_CHECK") continue;
    std::string name;
    bool named = c.has("conname");
    std::vector<std::string> vars = referenced_columns(c.get("raw_expr"));
    if (named) {
      name = truncate_identifier(c.str("conname"));
      local_constraints.insert(schema, name);
    } else {
      name = choose(schema, table.name, vars.size() == 1 ? vars.front() : std::string(), "check",
                    false, true);
    }
    Effect& effect = add(Action::create, child(ObjectKind::constraint, table, name), at(c));
    effect.implicit = !named;
    effect.contype = 'c';
    effect.columns = vars;
    depend(effect, table, true);
    expression_dependencies(effect, c.get("raw_expr"), DependencySource::definition);
  }

  struct IndexConstraint {
    const PendingConstraint* pending;
    std::vector<std::string> columns;
    std::string name;
    bool primary;
    bool exclusion;
  };
  std::vector<IndexConstraint> indexes;
  auto add_index_constraint = [&](const PendingConstraint& pending) {
    std::string_view type = pending.constraint.str("contype");
    IndexConstraint index{&pending, constraint_columns(pending),
                          pending.constraint.has("conname")
                              ? truncate_identifier(pending.constraint.str("conname"))
                              : std::string(),
                          type == "CONSTR_PRIMARY", type == "CONSTR_EXCLUSION"};
    for (auto& prior : indexes) {
      // PostgreSQL makes one index of two that are alike in every part (UNIQUE PRIMARY KEY):
      // columns, INCLUDE, WHERE, NULLS NOT DISTINCT and DEFERRABLE.
      const Node& a = pending.constraint;
      const Node& b = prior.pending->constraint;
      if (prior.columns == index.columns && prior.exclusion == index.exclusion &&
          !a.has("where_clause") && !b.has("where_clause") &&
          same_tree(a.get("including"), b.get("including")) &&
          a.flag("nulls_not_distinct") == b.flag("nulls_not_distinct") &&
          a.flag("deferrable") == b.flag("deferrable") &&
          a.flag("initdeferred") == b.flag("initdeferred")) {
        if (prior.name.empty()) prior.name = index.name;
        return;
      }
    }
    indexes.push_back(std::move(index));
  };
  for (const auto& pending : constraints) {
    if (pending.constraint.str("contype") == "CONSTR_PRIMARY") add_index_constraint(pending);
  }
  for (const auto& pending : constraints) {
    std::string_view type = pending.constraint.str("contype");
    if (type == "CONSTR_UNIQUE" || type == "CONSTR_EXCLUSION") add_index_constraint(pending);
  }
  for (auto& index : indexes) {
    const Node& c = index.pending->constraint;
    bool named = !index.name.empty();
    std::string name = index.name;
    if (!named && c.has("indexname")) {
      // ADD UNIQUE | PRIMARY KEY USING INDEX i without a name: the constraint takes the index's.
      name = truncate_identifier(c.str("indexname"));
      local_constraints.insert(schema, name);
    } else if (!named) {
      if (index.primary) {
        name = choose(schema, table.name, "", "pkey", true, true);
      } else {
        // The INCLUDE columns join the name too (UNIQUE (a) INCLUDE (b): t_a_b_key).
        std::vector<std::string> named_by = index.columns;
        for (auto& column : names_of(c.list("including"))) named_by.push_back(column);
        name = choose(schema, table.name, name_addition(deduplicated(named_by)),
                      index.exclusion ? "excl" : "key", true, true);
      }
    } else {
      local_relations.insert(schema, name);
      local_constraints.insert(schema, name);
    }
    Effect& constraint = add(Action::create, child(ObjectKind::constraint, table, name), at(c));
    constraint.implicit = !named;
    constraint.contype = index.primary ? 'p' : (index.exclusion ? 'x' : 'u');
    constraint.columns = index.columns;
    std::vector<std::string> uses = index.columns;
    for (const auto& name : referenced_columns(c.get("where_clause"))) uses.push_back(name);
    constraint.uses = uses;
    constraint.unique = !index.exclusion;
    depend(constraint, table, true);
    if (index.exclusion) {
      std::string_view method = c.has("access_method") ? c.str("access_method") : "btree";
      for (const ExclusionElement& element : exclusion_elements(c)) {
        index_element_dependencies(constraint, table, element.element, method);
      }
      expression_dependencies(constraint, c.get("where_clause"), DependencySource::definition);
    }
    if (c.has("indexname")) {
      // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's, renamed to it.
      ObjectRef existing;
      existing.kind = ObjectKind::index;
      existing.schema = schema;
      existing.name = truncate_identifier(c.str("indexname"));
      if (existing.name != name) {
        Effect& renamed = add(Action::rename, existing, at(c));
        renamed.new_name = name;
      }
      // ... and goes with it: DROP CONSTRAINT drops the index.
      existing.name = name;
      Effect& owned = add(Action::alter, existing, at(c));
      owned.depends_on.push_back({child(ObjectKind::constraint, table, name), true});
      continue;
    }
    ObjectRef index_ref;
    index_ref.kind = ObjectKind::index;
    index_ref.schema = schema;
    index_ref.name = name;
    Effect& created = add(Action::create, index_ref, at(c));
    created.implicit = true;
    created.columns = index.columns;
    created.uses = uses;
    created.unique = !index.exclusion;
    depend(created, table, true);
    created.depends_on.push_back({child(ObjectKind::constraint, table, name), true});
  }

  for (const auto& pending : constraints) {
    const Node& c = pending.constraint;
    if (c.str("contype") != "CONSTR_FOREIGN") continue;
    std::vector<std::string> columns = constraint_columns(pending);
    bool named = c.has("conname");
    std::string name =
        named ? truncate_identifier(c.str("conname"))
              : choose(schema, table.name, name_addition(columns), "fkey", false, true);
    if (named) local_constraints.insert(schema, name);
    Effect& effect = add(Action::create, child(ObjectKind::constraint, table, name), at(c));
    effect.implicit = !named;
    effect.contype = 'f';
    effect.columns = columns;
    effect.referenced = names_of(c.list("pk_attrs"));
    depend(effect, table, true);
    auto [referenced, given] = relation(ObjectKind::table, c.get("pktable"));
    (void)given;
    effect.depends_on.push_back({referenced, false});
  }
  constraints.clear();
}

void ObjectResolver::Context::create_table(const Node& node, ObjectKind kind) {
  NodeList elements = node.list("tableElts");
  // The table, a column and maybe its sequence, constraints and their indexes: room for most.
  out.reserve(out.size() + 2 * elements.size() + 4);
  auto [table, given] = relation(kind, node.get("relation"), true);
  Effect& created = add(Action::create, table, at(node.get("relation")), given);
  created.if_not_exists = node.flag("if_not_exists");
  created.partitioned = node.has("partspec");
  std::size_t first = out.size();
  local_relations.insert(table.schema, table.name);
  // A partition goes with its partitioned table (DROP TABLE takes it along); a child of INHERITS
  // makes the DROP of its parent fail without CASCADE.
  bool partition = node.has("partbound");
  for (Node parent : node.list("inhRelations")) {
    auto [ref, g] = relation(ObjectKind::table, parent);
    (void)g;
    out.back().depends_on.push_back({ref, partition});
  }
  if (node.has("ofTypename")) type_dependency(out.back(), node.get("ofTypename"));
  bool if_not_exists = node.flag("if_not_exists");
  std::vector<PendingConstraint> constraints;
  for (Node element : elements) {
    if (element.is("ColumnDef")) {
      add_column(table, element, if_not_exists, constraints);
    } else if (element.is("Constraint")) {
      constraints.push_back({element, {}});
    } else if (element.is("TableLikeClause")) {
      auto [ref, g] = relation(ObjectKind::table, element.get("relation"));
      (void)g;
      constexpr std::int64_t k_like_defaults = 1 << 3;  // CREATE_TABLE_LIKE_DEFAULTS
      if ((element.num("options") & k_like_defaults) != 0) {
        Dependency& copied = out[first - 1].depends_on.emplace_back();
        copied.object = ref;
        copied.source = DependencySource::default_value;
        copied.copies_defaults = true;
      }
      Effect& use = add(Action::use, ref, at(element.get("relation")), g);
      use.change = Change::other;
    }
  }
  generated_dependencies(table, elements, first);
  for (Node element : node.list("constraints")) constraints.push_back({element, {}});
  add_constraints(table, constraints);
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].if_not_exists = if_not_exists;
    out[i].part = true;
  }
}

// The columns a generated column of CREATE TABLE is computed from, which may come after it: a
// dependency of the generated column on each (ALTER COLUMN ... TYPE and DROP COLUMN of one are
// refused while it is there), made by whichever of the two columns comes second.
void ObjectResolver::Context::generated_dependencies(const ObjectRef& table,
                                                     const NodeList& elements, std::size_t first) {
  std::unordered_map<std::string, std::size_t> columns;  // name -> index of its effect
  for (std::size_t i = first; i < out.size(); ++i) {
    const Effect& effect = out[i];
    if (effect.action == Action::create && effect.object.kind == ObjectKind::column) {
      columns.emplace(effect.object.name, i);
    }
  }
  for (Node element : elements) {
    if (!element.is("ColumnDef")) continue;
    auto generated = columns.find(truncate_identifier(element.str("colname")));
    if (generated == columns.end()) continue;
    std::size_t index = generated->second;
    Effect reading;
    if (Node expression = generation_expression(element); expression.valid()) {
      column_dependencies(reading, table, true, table.name, expression);
    }
    for (Dependency& dependency : reading.depends_on) {
      auto source = columns.find(dependency.object.name);
      if (source == columns.end() || source->second == index) continue;
      if (source->second < index) {
        out[index].depends_on.push_back(std::move(dependency));
      } else {
        Dependency& reverse = out[source->second].depends_on.emplace_back();
        reverse.object = out[index].object;
        reverse.reverse = true;
      }
    }
  }
}

void ObjectResolver::Context::create_table_as(const Node& node) {
  Node into = node.get("into");
  bool matview = node.str("objtype") == "OBJECT_MATVIEW";
  auto [ref, given] =
      relation(matview ? ObjectKind::materialized_view : ObjectKind::table, into.get("rel"), true);
  Effect& effect = add(Action::create, ref, at(into.get("rel")), given);
  effect.if_not_exists = node.flag("if_not_exists");
  if (matview) {
    reads(effect, node.get("query"));
    view_column_dependencies(effect, node.get("query"));
    expression_dependencies(effect, node.get("query"), DependencySource::definition);
  } else {
    // A table made from a query keeps its rows, not the query: nothing depends on what it read.
    reads(effect, node.get("query"), DependencySource::statement);
    query_columns(ref, node, at(into.get("rel")), effect.if_not_exists);
  }
}

void ObjectResolver::Context::query_columns(const ObjectRef& table, const Node& node,
                                            std::uint32_t offset, bool if_not_exists) {
  auto names = created_table_columns(node);
  if (!names) return;
  for (const std::string& name : *names) {
    Effect& column = add(Action::create, child(ObjectKind::column, table, name), offset);
    column.if_not_exists = if_not_exists;
    column.part = true;
    depend(column, table, true);
  }
}

void ObjectResolver::Context::create_view(const Node& node) {
  auto [ref, given] = relation(ObjectKind::view, node.get("view"), true);
  Effect& effect = add(Action::create, ref, at(node.get("view")), given);
  effect.or_replace = node.flag("replace");
  reads(effect, node.get("query"));
  view_column_dependencies(effect, node.get("query"));
  expression_dependencies(effect, node.get("query"), DependencySource::definition);
}

void ObjectResolver::Context::create_index(const Node& node) {
  Node relation_node = node.get("relation");
  NodeList params = node.list("indexParams");
  Node where = node.get("whereClause");
  bool is_constraint = node.flag("isconstraint");
  auto [table, given] = relation(ObjectKind::table, relation_node);
  std::uint32_t offset = at(relation_node);
  Effect& use = add(Action::use, table, offset, given);
  use.change = Change::other;
  std::vector<std::string> columns = index_columns(params);
  ObjectRef index;
  index.kind = ObjectKind::index;
  index.schema = table.schema;
  bool named = node.has("idxname");
  if (named) {
    index.name = truncate_identifier(node.str("idxname"));
    local_relations.insert(index.schema, index.name);
  } else {
    std::string_view label = node.flag("primary") ? "pkey" : is_constraint ? "key" : "idx";
    // The INCLUDE columns join the name too (ON t (a) INCLUDE (b): t_a_b_idx).
    std::vector<std::string> named_by = columns;
    for (auto& column : index_columns(node.list("indexIncludingParams"))) {
      named_by.push_back(column);
    }
    index.name = choose(table.schema, table.name,
                        label == "pkey" ? std::string() : name_addition(deduplicated(named_by)),
                        label, true, is_constraint);
  }
  Effect& effect = add(Action::create, std::move(index), offset, given);
  effect.implicit = !named;
  effect.if_not_exists = node.flag("if_not_exists");
  effect.uses = used_columns(params, where);
  for (const auto& column : used_columns(node.list("indexIncludingParams"), Node())) {
    effect.uses.push_back(column);
  }
  effect.columns = std::move(columns);
  effect.unique = node.flag("unique");
  effect.partial = where.valid();
  effect.depends_on.push_back({std::move(table), true});
  // The functions and types of its expressions and WHERE clause, and the operator classes it
  // names (gin_trgm_ops, an extension's).
  std::string_view method = node.has("accessMethod") ? node.str("accessMethod") : "btree";
  ObjectRef on = effect.depends_on.back().object;  // a copy: the elements add to the list
  for (Node param : params) {
    index_element_dependencies(effect, on, param.is("IndexElem") ? param : param.get("IndexElem"),
                               method);
  }
  expression_dependencies(effect, where, DependencySource::definition);
}

void ObjectResolver::Context::create_sequence(const Node& node) {
  auto [ref, given] = relation(ObjectKind::sequence, node.get("sequence"), true);
  Effect& effect = add(Action::create, ref, at(node.get("sequence")), given);
  effect.if_not_exists = node.flag("if_not_exists");
  owned_by(effect, node.list("options"));
}

void ObjectResolver::Context::owned_by(Effect& effect, const NodeList& options) {
  for (Node option : options) {
    if (option.str("defname") != "owned_by") continue;
    Node arg = option.get("arg");  // a List of names
    auto parts = string_list(arg.items().empty() ? arg.list("items") : arg.items());
    if (parts.size() >= 2) {
      // Owned by a column: the sequence goes with it (and with its table).
      ObjectRef table;
      table.kind = ObjectKind::table;
      table.name = truncate_identifier(parts[parts.size() - 2]);
      table.schema =
          parts.size() >= 3 ? truncate_identifier(parts[parts.size() - 3]) : default_schema();
      effect.depends_on.push_back({child(ObjectKind::column, table, parts.back()), true});
    }
  }
}

void ObjectResolver::Context::alter_sequence(const Node& node) {
  auto [ref, given] = relation(ObjectKind::sequence, node.get("sequence"));
  Effect& effect = add(Action::alter, ref, at(node.get("sequence")), given);
  effect.columns = option_names(node.list("options"));
  effect.change = effect.columns.empty() ? Change::other : Change::sequence_options;
  effect.if_exists = node.flag("missing_ok");
  owned_by(effect, node.list("options"));
}

std::optional<std::vector<std::string>> routine_search_path(const Node& create) {
  std::optional<std::vector<std::string>> path;
  for (Node option : create.list("options")) {
    if (option.str("defname") != "set" || option.get("arg").str("kind") != "VAR_SET_VALUE")
      continue;
    auto change = search_path_change(option.get("arg"));
    if (change && change->path) path = std::move(change->path);
  }
  return path;
}

void ObjectResolver::Context::create_function(const Node& node) {
  bool procedure = node.flag("is_procedure");
  auto [ref, given] =
      qualified(procedure ? ObjectKind::procedure : ObjectKind::function, node.list("funcname"));
  std::vector<std::string> types;
  std::vector<std::string> all_types;
  std::uint16_t optional = 0;
  bool variadic = false;
  for (Node parameter : node.list("parameters")) {
    all_types.push_back(canonical_type(parameter.get("argType")));
    if (!input_parameter(parameter)) continue;
    types.push_back(all_types.back());
    if (parameter.has("defexpr")) ++optional;
    if (parameter.str("mode") == "FUNC_PARAM_VARIADIC") variadic = true;
  }
  ref.args = join_args(types);
  Node first = node.list("funcname").front();
  std::uint32_t offset = at(first.location() ? first : node);
  Effect& effect = add(Action::create, ref, offset, given);
  effect.or_replace = node.flag("replace");
  effect.optional_args = optional;
  effect.variadic = variadic;
  if (all_types.size() != types.size()) effect.all_args = join_args(all_types);
  // The types of its arguments and result (OUT and TABLE columns, SETOF and arrays too).
  for (Node parameter : node.list("parameters")) type_dependency(effect, parameter.get("argType"));
  std::size_t before = effect.depends_on.size();
  Node returns = node.get("returnType");
  type_dependency(effect, returns);
  if (effect.depends_on.size() > before && returns.list("arrayBounds").empty()) {
    effect.depends_on.back().result = true;  // RETURNS [SETOF] t: maybe a table's rows
  }
  // A body in SQL (BEGIN ATOMIC ... END, or RETURN expr) is parsed when the function is made,
  // and PostgreSQL records what it reads: DROP TABLE is refused while the function is there. A
  // LANGUAGE sql body in a string ($$ ... $$) is analyzed then too, but PostgreSQL records
  // nothing of it.
  if (node.has("sql_body")) {
    reads(effect, node.get("sql_body"));
    expression_dependencies(effect, node.get("sql_body"), DependencySource::definition);
    body_column_dependencies(effect, node.get("sql_body"), node);
  } else if (statement.body != nullptr) {
    analyzed_body(ref, node, offset);
  }
}

void ObjectResolver::Context::analyzed_body(const ObjectRef& routine, const Node& node,
                                            std::uint32_t offset) {
  // The routine's SET search_path applies while PostgreSQL analyzes the body; pg_catalog is
  // searched first all the same.
  std::shared_ptr<const std::vector<std::string>> path = resolver.m_path;
  if (auto own = routine_search_path(node)) {
    path = std::make_shared<const std::vector<std::string>>(std::move(*own));
  }
  std::string first;
  for (const std::string& schema : *path) {
    if (creation_schema(schema)) {
      first = schema;
      break;
    }
  }
  auto session = resolver.m_path;
  resolver.m_path = path;
  body_schema = first;
  Effect& effect = add(Action::use, routine, offset);
  effect.change = Change::body;
  for (const Statement& inner : *statement.body) {
    reads(effect, inner.node, DependencySource::statement);
    expression_dependencies(effect, inner.node, DependencySource::statement);
    body_column_dependencies(effect, inner.node, node, DependencySource::statement);
  }
  resolver.m_path = std::move(session);
  body_schema.reset();
  if (effect.depends_on.empty()) out.pop_back();  // names nothing PostgreSQL would look up
}

void ObjectResolver::Context::create_trigger(const Node& node) {
  auto [table, given] = relation(ObjectKind::table, node.get("relation"));
  ObjectRef trigger = child(ObjectKind::trigger, table, node.str("trigname"));
  Effect& effect = add(Action::create, trigger, at(node.get("relation")), given);
  effect.or_replace = node.flag("replace");
  depend(effect, table, true);
  NodeList names = node.list("funcname");
  Dependency& function =
      named_dependency(effect, ObjectKind::function, names, DependencySource::definition);
  function.object.args = "";
  // moddatetime(), an extension's trigger function.
  function.extension = extension_member(ObjectKind::function, function.object.name);
  expression_dependencies(effect, node.get("whenClause"), DependencySource::definition);
  // The columns of UPDATE OF and those its WHEN clause reads (NEW.c, OLD.c): PostgreSQL refuses
  // DROP COLUMN while the trigger is there.
  std::vector<std::string> columns = names_of(node.list("columns"));
  walk(node.get("whenClause"), [&](const Node& part) {
    if (!part.is("ColumnRef")) return !part.is("SubLink");
    NodeList fields = part.list("fields");
    if (fields.size() == 2 && fields.front().is("String") && fields.back().is("String")) {
      std::string_view row = fields.front().as_str();
      std::string name = truncate_identifier(fields.back().as_str());
      if ((row == "new" || row == "old") &&
          std::find(columns.begin(), columns.end(), name) == columns.end()) {
        columns.push_back(std::move(name));
      }
    }
    return false;
  });
  for (const auto& column : columns) {
    effect.depends_on.push_back({child(ObjectKind::column, table, column), false});
  }
  if (node.flag("isconstraint")) {
    // A constraint trigger is a constraint too (pg_constraint, contype 't'), of the trigger's
    // name: COMMENT ON CONSTRAINT names it, and it goes with the trigger. Renaming either leaves
    // the other's name as it was.
    ObjectRef trigger_ref = effect.object;  // a copy: the next add() may move the effect
    Effect& constraint = add(Action::create, child(ObjectKind::constraint, table, trigger_ref.name),
                             at(node.get("relation")), given);
    constraint.implicit = true;
    constraint.contype = 't';
    depend(constraint, table, true);
    depend(constraint, trigger_ref, true);
  }
}

namespace {
// The rows a statement (or a rule's event) writes: insert, update, delete_rows; none for others.
Change command_change(std::string_view command) {
  if (command == "CMD_INSERT" || command == "InsertStmt") return Change::insert;
  if (command == "CMD_UPDATE" || command == "UpdateStmt") return Change::update;
  if (command == "CMD_DELETE" || command == "DeleteStmt") return Change::delete_rows;
  return Change::none;
}
}  // namespace

void ObjectResolver::Context::create_rule(const Node& node) {
  auto [table, given] = relation(ObjectKind::table, node.get("relation"));
  Effect& effect = add(Action::create, child(ObjectKind::rule, table, node.str("rulename")),
                       at(node.get("relation")), given);
  effect.or_replace = node.flag("replace");
  depend(effect, table, true);
  auto facts = std::make_shared<RuleFacts>();
  facts->event = command_change(node.str("event"));
  facts->instead = node.flag("instead");
  facts->conditional = node.has("whereClause");
  for (Node action : node.list("actions")) {
    RuleAction& done = facts->actions.emplace_back();
    done.command = action.is("NotifyStmt") ? Change::other : command_change(action.kind());
    done.returning = !action.list("returningList").empty();
    if (done.command == Change::none || done.command == Change::other) continue;
    auto [written, written_given] = relation(ObjectKind::table, action.get("relation"));
    done.table = std::move(written);
    done.schema_given = written_given;
    if (!written_given) effect.search_path = resolver.m_path;
    Dependency& target = effect.depends_on.emplace_back();
    target.object = done.table;
    target.schema_given = written_given;
  }
  effect.rule = std::move(facts);
  // What its actions and WHERE read and write, as PostgreSQL records it: the tables they write
  // (above) and read, the columns they name, the functions and types they use.
  reads(effect, node);
  rule_column_dependencies(effect, table, given, node);
  expression_dependencies(effect, node, DependencySource::definition);
}

void ObjectResolver::Context::create_schema(const Node& node) {
  ObjectRef schema;
  schema.kind = ObjectKind::schema;
  std::string_view name = node.str("schemaname");
  if (name.empty()) name = node.get("authrole").str("rolename");
  schema.name = truncate_identifier(name);
  Effect& effect = add(Action::create, schema, statement.range.begin);
  effect.if_not_exists = node.flag("if_not_exists");
  std::string saved = schema_override;
  schema_override = schema.name;
  for (Node element : node.list("schemaElts")) run(element);
  schema_override = saved;
}

void ObjectResolver::Context::define(const Node& node) {
  std::string_view type = node.str("kind");
  auto kind = kind_of(type);
  if (!kind) return;
  auto [ref, given] = qualified(*kind, node.list("defnames"));
  if (*kind == ObjectKind::aggregate) {
    NodeList args = node.list("args");
    std::vector<std::string> types;
    if (!args.empty()) {
      for (Node parameter :
           args.front().items().empty() ? args.front().list("items") : args.front().items()) {
        if (parameter.is("FunctionParameter")) {
          types.push_back(canonical_type(parameter.get("argType")));
        }
      }
      ref.args = join_args(types);
    }
  }
  Effect& effect = add(Action::create, ref, statement.range.begin, given);
  effect.if_not_exists = node.flag("if_not_exists");
  effect.or_replace = node.flag("replace");
  if (*kind == ObjectKind::aggregate) aggregate_dependencies(effect, node);
  if (*kind == ObjectKind::operator_) operator_dependencies(effect, node.list("definition"));
  if (*kind == ObjectKind::text_search_dictionary) {
    // TEMPLATE = unaccent (dict_int's intdict_template, dict_xsyn's xsyn_template): a template
    // of an extension, which the dictionary then depends on. PostgreSQL's own templates (simple,
    // synonym, ispell, ...) and those the migrations make are left alone.
    Node option = option_named(node.list("definition"), "template");
    Node names = option.get("arg");
    NodeList parts = names.is("TypeName") ? names.list("names") : NodeList{};
    std::string_view extension =
        parts.empty() || (parts.size() == 2 && parts[0].as_str() == "pg_catalog")
            ? std::string_view{}
            : extension_member(ObjectKind::text_search_template,
                               truncate_identifier(parts.back().as_str()));
    if (!extension.empty()) {
      Dependency& dependency = named_dependency(effect, ObjectKind::text_search_template, parts,
                                                DependencySource::definition);
      dependency.extension = extension;
    }
  }
}

void ObjectResolver::Context::create_domain(const Node& node) {
  auto [ref, given] = qualified(ObjectKind::domain, node.list("domainname"));
  Effect& effect = add(Action::create, ref, statement.range.begin, given);
  type_dependency(effect, node.get("typeName"));
  collation_dependency(effect, node.get("collClause").list("collname"),
                       DependencySource::definition);
  for (Node constraint : node.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_DEFAULT") {
      expression_dependencies(effect, constraint.get("raw_expr"), DependencySource::default_value);
    }
  }
  std::size_t check = 0;
  for (Node constraint : node.list("constraints")) {
    if (constraint.str("contype") != "CONSTR_CHECK") continue;
    std::string name =
        constraint.has("conname")
            ? truncate_identifier(constraint.str("conname"))
            : (check++ == 0 ? make_object_name(ref.name, "", "check")
                            : make_object_name(ref.name, "", "check") + std::to_string(check - 1));
    Effect& c = add(Action::create, child(ObjectKind::constraint, ref, name), at(constraint));
    c.implicit = !constraint.has("conname");
    c.contype = 'c';
    c.depends_on.push_back({ref, true});
    expression_dependencies(c, constraint.get("raw_expr"), DependencySource::definition);
  }
}

void ObjectResolver::Context::drop(const Node& node) {
  auto kind = kind_of(node.str("removeType"));
  if (!kind) return;
  bool cascade = node.str("behavior") == "DROP_CASCADE";
  bool if_exists = node.flag("missing_ok");
  for (Node object : node.list("objects")) {
    bool given = true;
    ObjectRef ref = object_name(*kind, object, &given);
    auto location = object.first_location();
    Effect& effect =
        add(Action::drop, std::move(ref), location ? at(location) : statement.range.begin, given);
    effect.if_exists = if_exists;
    effect.cascade = cascade;
    effect.all_args_match = matches_all_args(node.str("removeType"), object);
  }
}

void ObjectResolver::Context::rename(const Node& node) {
  auto kind = kind_of(node.str("renameType"));
  if (!kind) return;
  ObjectRef ref;
  bool given = true;
  std::uint32_t offset = statement.range.begin;
  Node relation_node = node.get("relation");
  if (has_parent(*kind) && relation_node) {
    auto [table, g] = relation(ObjectKind::table, relation_node);
    ref = child(*kind, table, node.str("subname"));
    given = g;
    offset = at(relation_node);
  } else if (*kind == ObjectKind::constraint && node.has("object")) {
    bool g = true;
    ObjectRef domain = object_name(ObjectKind::domain, node.get("object"), &g);
    ref = child(ObjectKind::constraint, domain, node.str("subname"));
    given = g;
  } else if (relation_node) {
    auto [r, g] = relation(*kind, relation_node);
    ref = r;
    given = g;
    offset = at(relation_node);
  } else if (node.has("object")) {
    ref = object_name(*kind, node.get("object"), &given);
  } else {
    ref.kind = *kind;
    ref.name = truncate_identifier(node.str("subname"));
  }
  Effect& effect = add(Action::rename, ref, offset, given);
  effect.new_name = truncate_identifier(node.str("newname"));
  effect.if_exists = node.flag("missing_ok");
  effect.all_args_match = matches_all_args(node.str("renameType"), node.get("object"));
}

std::optional<std::pair<ObjectRef, bool>> ObjectResolver::Context::target(const Node& node) {
  auto kind = kind_of(node.str("objectType"));
  if (!kind) return std::nullopt;
  if (node.has("relation")) return relation(*kind, node.get("relation"));
  bool given = true;
  ObjectRef ref = object_name(*kind, node.get("object"), &given);
  return std::pair{ref, given};
}

void ObjectResolver::Context::set_schema(const Node& node) {
  auto found = target(node);
  if (!found) return;
  auto& [ref, given] = *found;
  Effect& effect = add(Action::rename, ref, statement.range.begin, given);
  effect.new_name = ref.name;
  effect.new_schema = truncate_identifier(node.str("newschema"));
  effect.if_exists = node.flag("missing_ok");
  effect.all_args_match = matches_all_args(node.str("objectType"), node.get("object"));
}

void ObjectResolver::Context::alter_table(const Node& node) {
  auto kind = kind_of(node.str("objtype")).value_or(ObjectKind::table);
  if (kind == ObjectKind::type) {
    // ALTER TYPE of a composite type: its attributes.
    auto [type, given] = relation(ObjectKind::type, node.get("relation"));
    Effect& effect = add(Action::alter, type, at(node.get("relation")), given);
    effect.change = Change::other;
    return;
  }
  // Named locals, not a structured binding: lambdas below capture them.
  auto resolved = relation(kind, node.get("relation"));
  const ObjectRef table = resolved.first;
  const bool given = resolved.second;
  Effect& whole = add(Action::alter, table, at(node.get("relation")), given);
  whole.if_exists = node.flag("missing_ok");
  std::vector<PendingConstraint> constraints;
  for (Node command : node.list("cmds")) {
    std::string_view type = command.str("subtype");
    std::string column = truncate_identifier(command.str("name"));
    auto column_effect = [&](Action action, Change change) -> Effect& {
      Effect& effect =
          add(action, child(ObjectKind::column, table, column), at(node.get("relation")), given);
      effect.change = change;
      return effect;
    };
    if (type == "AT_AddColumn" || type == "AT_AddColumnToView") {
      std::size_t first = out.size();
      add_column(table, command.get("def"), command.flag("missing_ok"), constraints, true);
      add_constraints(table, constraints);
      for (std::size_t i = first; i < out.size(); ++i) {
        out[i].if_not_exists = command.flag("missing_ok");
        out[i].schema_given = given;
        out[i].part = i > first;
      }
    } else if (type == "AT_DropColumn") {
      Effect& effect = column_effect(Action::drop, Change::none);
      effect.if_exists = command.flag("missing_ok");
      effect.cascade = command.str("behavior") == "DROP_CASCADE";
    } else if (type == "AT_SetNotNull") {
      column_effect(Action::alter, Change::set_not_null);
    } else if (type == "AT_DropNotNull") {
      column_effect(Action::alter, Change::drop_not_null);
    } else if (type == "AT_ColumnDefault") {
      Effect& effect = column_effect(
          Action::alter, command.has("def") ? Change::set_default : Change::drop_default);
      // The new default's dependencies replace the old one's.
      expression_dependencies(effect, command.get("def"), DependencySource::default_value);
      effect.literal_default = string_constant(command.get("def"));
    } else if (type == "AT_AlterColumnType") {
      Effect& effect = column_effect(Action::alter, Change::set_type);
      type_dependency(effect, command.get("def").get("typeName"), DependencySource::type);
      collation_dependency(effect, command.get("def").get("collClause").list("collname"),
                           DependencySource::type);
    } else if (type == "AT_AddConstraint" || type == "AT_AddConstraintRecurse") {
      std::size_t first = out.size();
      constraints.push_back({command.get("def"), {}});
      add_constraints(table, constraints);
      for (std::size_t i = first; i < out.size(); ++i) out[i].schema_given = given;
    } else if (type == "AT_DropConstraint" || type == "AT_DropConstraintRecurse") {
      Effect& effect = add(Action::drop, child(ObjectKind::constraint, table, column),
                           at(node.get("relation")), given);
      effect.if_exists = command.flag("missing_ok");
      effect.cascade = command.str("behavior") == "DROP_CASCADE";
    } else if (type == "AT_AlterConstraint") {
      std::string name = truncate_identifier(command.get("def").str("conname"));
      add(Action::alter, child(ObjectKind::constraint, table, name), at(node.get("relation")),
          given)
          .change = Change::constraint_timing;
    } else if (type == "AT_DropIdentity") {
      column_effect(Action::alter, Change::drop_identity);
    } else if (type == "AT_AddIdentity") {
      column_effect(Action::alter, Change::other);
      column_sequence(table, column, true, at(node.get("relation")), false,
                      command.get("def").list("options"));
      out.back().schema_given = given;
    } else if (!column.empty() && (type == "AT_SetStatistics" || type == "AT_SetStorage" ||
                                   type == "AT_SetCompression")) {
      Effect& effect = column_effect(Action::alter, Change::column_setting);
      effect.columns.emplace_back(type == "AT_SetStatistics" ? "statistics"
                                  : type == "AT_SetStorage"  ? "storage"
                                                             : "compression");
    } else if (!column.empty() &&
               (type == "AT_SetOptions" || type == "AT_ResetOptions" || type == "AT_SetIdentity")) {
      std::vector<std::string> names = option_names(command.get("def").list("items"));
      Effect& effect =
          column_effect(Action::alter, names.empty() ? Change::other : Change::column_setting);
      effect.columns = std::move(names);
    } else if (!column.empty() && type == "AT_DropExpression") {
      column_effect(Action::alter, Change::drop_expression).if_exists = command.flag("missing_ok");
    } else if (!column.empty() && type == "AT_AlterColumnGenericOptions") {
      column_effect(Action::alter, Change::other);
    } else if (type == "AT_AttachPartition" || type == "AT_DetachPartition" ||
               type == "AT_DetachPartitionFinalize") {
      Node partition = command.get("def").get("name");
      // ALTER TABLE attaches a table, ALTER INDEX an index; attached, it goes with its parent.
      auto [ref, g] =
          relation(kind == ObjectKind::index ? ObjectKind::index : ObjectKind::table, partition);
      Effect& effect = add(Action::alter, ref, at(partition), g);
      // FINALIZE completes a DETACH ... CONCURRENTLY, which does not run in a migration's
      // transaction.
      effect.change = type == "AT_DetachPartition" ? Change::detach_partition : Change::other;
      if (type == "AT_AttachPartition") effect.depends_on.push_back({table, true});
      Effect& on_table = add(Action::alter, table, at(node.get("relation")), given);
      on_table.change = Change::other;
    } else {
      Effect& effect = add(Action::alter, table, at(node.get("relation")), given);
      effect.change = table_change(type);
      effect.if_exists = node.flag("missing_ok");
      if (effect.change == Change::storage_parameters) {
        effect.columns = option_names(command.get("def").list("items"));
      } else if (effect.change == Change::enable_trigger ||
                 effect.change == Change::disable_trigger) {
        effect.columns.emplace_back(type.ends_with("TrigAll")    ? "ALL"
                                    : type.ends_with("TrigUser") ? "USER"
                                                                 : column);
      }
    }
  }
}

void ObjectResolver::Context::alter_owner(const Node& node) {
  auto found = target(node);
  if (!found) return;
  auto& [ref, given] = *found;
  Effect& effect = add(Action::alter, ref, statement.range.begin, given);
  effect.change = Change::owner;
  effect.all_args_match = matches_all_args(node.str("objectType"), node.get("object"));
}

void ObjectResolver::Context::alter_domain(const Node& node) {
  auto [domain, given] = qualified(ObjectKind::domain, node.list("typeName"));
  std::string_view subtype = node.str("subtype");
  if (subtype == "C") {
    Node constraint = node.get("def");
    std::string name = constraint.has("conname") ? truncate_identifier(constraint.str("conname"))
                                                 : make_object_name(domain.name, "", "check");
    Effect& c = add(Action::create, child(ObjectKind::constraint, domain, name),
                    statement.range.begin, given);
    c.implicit = !constraint.has("conname");
    c.contype = 'c';
    c.depends_on.push_back({domain, true});
  } else if (subtype == "X") {
    Effect& c = add(Action::drop, child(ObjectKind::constraint, domain, node.str("name")),
                    statement.range.begin, given);
    c.if_exists = node.flag("missing_ok");
    c.cascade = node.str("behavior") == "DROP_CASCADE";
  } else {
    Effect& effect = add(Action::alter, domain, statement.range.begin, given);
    effect.change = subtype == "O"   ? Change::set_not_null
                    : subtype == "N" ? Change::drop_not_null
                    : subtype == "T"
                        ? (node.has("def") ? Change::set_default : Change::drop_default)
                        : Change::other;
    if (subtype == "T") {
      expression_dependencies(effect, node.get("def"), DependencySource::default_value);
    }
  }
}

void ObjectResolver::Context::comment(const Node& node) {
  auto kind = kind_of(node.str("objtype"));
  if (!kind) return;
  bool given = true;
  ObjectRef ref;
  Node object = node.get("object");
  if (*kind == ObjectKind::column) {
    auto parts = string_list(object.list("items"));
    if (parts.size() < 2) return;
    ref.kind = ObjectKind::column;
    ref.name = truncate_identifier(parts.back());
    ref.parent = truncate_identifier(parts[parts.size() - 2]);
    if (parts.size() >= 3) {
      ref.schema = truncate_identifier(parts[parts.size() - 3]);
    } else {
      ref.schema = default_schema();
      given = false;
    }
  } else {
    ref = object_name(*kind, object, &given);
  }
  Effect& effect = add(Action::alter, std::move(ref), statement.range.begin, given);
  effect.change = Change::comment;
  effect.all_args_match = matches_all_args(node.str("objtype"), object);
}

// GRANT and REVOKE on named objects (not ALL ... IN SCHEMA): a change of each.
void ObjectResolver::Context::grant(const Node& node) {
  Change change = node.flag("is_grant") ? Change::grant : Change::revoke;
  if (node.str("targtype") == "ACL_TARGET_ALL_IN_SCHEMA") {
    static const std::unordered_map<std::string_view, std::pair<ObjectKind, std::string_view>>
        k_all = {{"OBJECT_TABLE", {ObjectKind::table, "tables"}},
                 {"OBJECT_SEQUENCE", {ObjectKind::sequence, "sequences"}},
                 {"OBJECT_FUNCTION", {ObjectKind::function, "functions"}},
                 {"OBJECT_PROCEDURE", {ObjectKind::procedure, "procedures"}},
                 {"OBJECT_ROUTINE", {ObjectKind::function, "routines"}}};
    auto all = k_all.find(node.str("objtype"));
    if (all == k_all.end()) return;
    for (Node schema : node.list("objects")) {
      ObjectRef ref;
      ref.kind = all->second.first;
      ref.schema = truncate_identifier(schema.as_str());
      ref.name = all->second.second;
      Effect& effect = add(Action::alter, std::move(ref), statement.range.begin);
      effect.change = change;
      effect.all_in_schema = true;
    }
    return;
  }
  if (node.str("targtype") != "ACL_TARGET_OBJECT") return;
  auto kind = kind_of(node.str("objtype"));
  if (!kind) return;
  for (Node object : node.list("objects")) {
    ObjectRef ref;
    bool given = true;
    if (object.is("RangeVar")) {
      std::tie(ref, given) = relation(*kind, object);
    } else {
      ref = object_name(*kind, object, &given);
    }
    if (ref.name.empty()) continue;
    Effect& effect = add(Action::alter, std::move(ref), statement.range.begin, given);
    effect.change = change;
    effect.all_args_match = matches_all_args(node.str("objtype"), object);
  }
}

namespace {

bool list_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The schemas of a list as set_config() gives it ('a, "B c"'), read as PostgreSQL's
// SplitIdentifierString() reads it: a name in double quotes as written ("" for one "), one
// without folded to lower case; nullopt when PostgreSQL refuses the value (invalid list syntax).
std::optional<std::vector<std::string>> schema_list(std::string_view text) {
  std::vector<std::string> path;
  std::size_t at = 0;
  while (at < text.size() && list_space(text[at])) ++at;
  if (at == text.size()) return path;  // '': no schema at all
  while (true) {
    std::string name;
    if (text[at] == '"') {
      auto quoted = quoted_identifier(text, at);
      if (!quoted) return std::nullopt;  // mismatched quotes
      name = std::move(*quoted);
    } else {
      std::size_t begin = at;
      while (at < text.size() && text[at] != ',' && !list_space(text[at])) ++at;
      if (at == begin) return std::nullopt;  // an empty name without quotes
      for (char c : text.substr(begin, at - begin)) {
        name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
    }
    path.push_back(truncate_identifier(name));
    while (at < text.size() && list_space(text[at])) ++at;
    if (at == text.size()) return path;
    if (text[at] != ',') return std::nullopt;
    ++at;
    while (at < text.size() && list_space(text[at])) ++at;
  }
}

// A boolean constant (true, false, 'on', 1); nullopt for anything else.
std::optional<bool> bool_constant(const Node& node) {
  if (!node.is("A_Const")) return std::nullopt;
  if (node.has("boolval")) return node.get("boolval").flag("boolval");
  if (node.has("ival")) return node.get("ival").as_int() != 0;
  if (node.has("sval")) return boolean_input(node.get("sval").str("sval"));
  return std::nullopt;
}

}  // namespace

std::optional<SettingChange> setting_change(const Node& statement) {
  SettingChange change;
  if (statement.is("VariableSetStmt")) {
    std::string_view kind = statement.str("kind");
    change.local = statement.flag("is_local");
    if (kind == "VAR_RESET_ALL") return change;
    change.name = statement.str("name");
    if (kind == "VAR_SET_DEFAULT" || kind == "VAR_RESET") return change;
    if (kind != "VAR_SET_VALUE") return std::nullopt;
    std::vector<std::string> values;
    for (Node arg : statement.list("args")) {
      Node value = arg.get("sval");
      values.emplace_back(value.has("sval") ? value.str("sval") : arg.as_str());
    }
    change.values = std::move(values);
    return change;
  }
  if (statement.is("DiscardStmt")) {
    if (statement.str("target") != "DISCARD_ALL") return std::nullopt;
    return change;
  }
  if (!statement.is("SelectStmt")) return std::nullopt;
  NodeList targets = statement.list("targetList");
  if (targets.size() != 1 || statement.has("fromClause")) return std::nullopt;
  Node call = targets.front().get("val");
  if (!call.is("FuncCall")) return std::nullopt;
  NodeList name = call.list("funcname");
  if (name.empty() || name.back().as_str() != "set_config") return std::nullopt;
  if (name.size() == 2 && name.front().as_str() != "pg_catalog") return std::nullopt;
  NodeList args = call.list("args");
  if (args.size() != 3 || !args[0].is("A_Const") || !args[1].is("A_Const")) return std::nullopt;
  change.name = args[0].get("sval").str("sval");
  change.values = std::vector<std::string>{std::string(args[1].get("sval").str("sval"))};
  change.local = bool_constant(args[2]).value_or(false);
  change.set_config = true;
  return change;
}

std::optional<SearchPathChange> search_path_change(const Node& statement) {
  auto setting = setting_change(statement);
  if (!setting || (!setting->name.empty() && setting->name != "search_path")) return std::nullopt;
  SearchPathChange change;
  change.local = setting->local;
  if (!setting->values) return change;
  if (setting->set_config) {
    // SELECT [pg_catalog.]set_config('search_path', 'a, b', is_local): what pg_dump writes, and
    // what a migration uses to set the path for its transaction.
    change.path = schema_list(setting->values->front());
    if (!change.path) return std::nullopt;  // PostgreSQL refuses it: the path stays
    return change;
  }
  // SET quotes each value as an identifier: 'a, b' is one schema of that name.
  change.path.emplace();
  for (const std::string& value : *setting->values) {
    change.path->push_back(truncate_identifier(value));
  }
  return change;
}

bool creation_schema(std::string_view schema) {
  return !schema.empty() && schema != "$user" && schema != "pg_temp" && schema != "pg_catalog";
}

void ObjectResolver::Context::set_search_path(const Node& node) {
  auto change = search_path_change(node);
  if (!change || (change->local && resolver.m_autocommit)) return;
  resolver.m_path = std::make_shared<const std::vector<std::string>>(
      change->path ? std::move(*change->path) : resolver.m_initial);
}

void ObjectResolver::Context::sequence_calls(const Node& node) {
  walk(node, [&](const Node& call) {
    if (!call.is("FuncCall")) return true;
    NodeList names = call.list("funcname");
    NodeList args = call.list("args");
    std::size_t count = names.size();
    if ((count != 1 && (count != 2 || names.front().as_str() != "pg_catalog")) ||
        !takes_sequence(names.back().as_str()) || args.empty()) {
      return true;
    }
    auto text = regclass_constant(args.front());
    std::vector<std::string> parts = text ? text_name_parts(*text) : std::vector<std::string>();
    if (parts.empty() || parts.size() > 3) return true;
    ObjectRef sequence;
    sequence.kind = ObjectKind::sequence;
    sequence.name = truncate_identifier(parts.back());
    bool given = parts.size() >= 2;
    sequence.schema = given ? truncate_identifier(parts[parts.size() - 2]) : default_schema();
    add(Action::use, std::move(sequence), at(args.front()), given).change = Change::other;
    return true;
  });
}

void ObjectResolver::Context::run(const Node& node) {
  std::string_view kind = node.kind();
  if (kind == "CreateStmt") {
    create_table(node, ObjectKind::table);
  } else if (kind == "CreateForeignTableStmt") {
    std::size_t table = out.size();
    create_table(node.get("base"), ObjectKind::foreign_table);
    // DROP SERVER without CASCADE is refused while a foreign table of it remains.
    if (table < out.size()) depend(out[table], server_ref(node), false);
  } else if (kind == "ImportForeignSchemaStmt" &&
             node.str("list_type") == "FDW_IMPORT_SCHEMA_LIMIT_TO") {
    // LIMIT TO (a, b): a foreign table of each name in the INTO schema (without LIMIT TO, or
    // with EXCEPT, the tables are the remote schema's, which the migrations do not say). Their
    // columns are the remote tables'.
    for (Node range_var : node.list("table_list")) {
      ObjectRef table;
      table.kind = ObjectKind::foreign_table;
      table.schema = truncate_identifier(node.str("local_schema"));
      table.name = truncate_identifier(relation_name(range_var).name);
      Effect& effect = add(Action::create, std::move(table), at(range_var));
      ObjectRef server;
      server.kind = ObjectKind::server;
      server.name = truncate_identifier(node.str("server_name"));
      depend(effect, server, false);
    }
  } else if (kind == "CreateTableAsStmt") {
    create_table_as(node);
  } else if (kind == "SelectStmt" && node.has("intoClause")) {
    auto [ref, given] = relation(ObjectKind::table, node.get("intoClause").get("rel"), true);
    Effect& effect = add(Action::create, ref, at(node.get("intoClause").get("rel")), given);
    reads(effect, node, DependencySource::statement);
    query_columns(ref, node, at(node.get("intoClause").get("rel")), false);
  } else if (kind == "ViewStmt") {
    create_view(node);
  } else if (kind == "IndexStmt") {
    create_index(node);
  } else if (kind == "CreateSeqStmt") {
    create_sequence(node);
  } else if (kind == "AlterSeqStmt") {
    alter_sequence(node);
  } else if (kind == "CreateFunctionStmt") {
    create_function(node);
  } else if (kind == "CallStmt") {
    Node call = node.get("funccall");
    NodeList names = call.list("funcname");
    if (names.size() == 0 || names.size() > 3 ||
        (names.size() >= 2 && names[names.size() - 2].as_str() == "pg_catalog")) {
      return;
    }
    auto [ref, given] = qualified(ObjectKind::procedure, names);
    add(Action::use, ref, at(call), given).change = Change::call;
  } else if (kind == "AlterFunctionStmt") {
    auto object_kind = kind_of(node.str("objtype")).value_or(ObjectKind::function);
    bool given = true;
    ObjectRef ref = object_name(object_kind, node.get("func"), &given);
    Effect& effect = add(Action::alter, ref, statement.range.begin, given);
    effect.columns = option_names(node.list("actions"));
    effect.change = effect.columns.empty() ? Change::other : Change::routine_options;
    effect.all_args_match = matches_all_args(node.str("objtype"), node.get("func"));
  } else if (kind == "CreateTrigStmt") {
    create_trigger(node);
  } else if (kind == "CreateEventTrigStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::event_trigger;
    ref.name = truncate_identifier(node.str("trigname"));
    Effect& effect = add(Action::create, ref, statement.range.begin);
    auto [function, g] = qualified(ObjectKind::function, node.list("funcname"));
    (void)g;
    function.args = "";
    effect.depends_on.push_back({function, false});
  } else if (kind == "CreatePolicyStmt") {
    auto [table, given] = relation(ObjectKind::table, node.get("table"));
    Effect& effect = add(Action::create, child(ObjectKind::policy, table, node.str("policy_name")),
                         at(node.get("table")), given);
    depend(effect, table, true);
    policy_expressions(effect, node);
    policy_column_dependencies(effect, table, given, node);
  } else if (kind == "AlterPolicyStmt") {
    auto [table, given] = relation(ObjectKind::table, node.get("table"));
    Effect& effect = add(Action::alter, child(ObjectKind::policy, table, node.str("policy_name")),
                         at(node.get("table")), given);
    effect.change = Change::other;
    // USING and WITH CHECK replace what the old expression called; TO roles alone keeps it.
    if (node.has("qual")) effect.columns.push_back("using");
    if (node.has("with_check")) effect.columns.push_back("with check");
    policy_expressions(effect, node);
  } else if (kind == "RuleStmt") {
    create_rule(node);
  } else if (kind == "CompositeTypeStmt") {
    auto [ref, given] = relation(ObjectKind::type, node.get("typevar"), true);
    Effect& effect = add(Action::create, ref, at(node.get("typevar")), given);
    for (Node column : node.list("coldeflist")) {
      type_dependency(effect, column.get("typeName"), DependencySource::attribute);
    }
  } else if (kind == "CreateRangeStmt") {
    create_range(node);
  } else if (kind == "CreateEnumStmt") {
    auto [ref, given] = qualified(ObjectKind::type, node.list("typeName"));
    add(Action::create, ref, statement.range.begin, given);
  } else if (kind == "AlterEnumStmt") {
    auto [ref, given] = qualified(ObjectKind::type, node.list("typeName"));
    Effect& effect = add(Action::alter, ref, statement.range.begin, given);
    effect.change = node.has("oldVal") ? Change::rename_value : Change::add_value;
    effect.if_not_exists = node.flag("skipIfNewValExists");
  } else if (kind == "DefineStmt") {
    define(node);
  } else if (kind == "CreateDomainStmt") {
    create_domain(node);
  } else if (kind == "AlterDomainStmt") {
    alter_domain(node);
  } else if (kind == "CreateExtensionStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::extension;
    ref.name = truncate_identifier(node.str("extname"));
    Effect& effect = add(Action::create, ref, statement.range.begin);
    effect.if_not_exists = node.flag("if_not_exists");
    // SCHEMA s: the extension depends on the schema it lives in (DROP SCHEMA s is refused).
    for (Node option : node.list("options")) {
      if (option.str("defname") != "schema") continue;
      Dependency& dependency = effect.depends_on.emplace_back();
      dependency.object.kind = ObjectKind::schema;
      dependency.object.name = truncate_identifier(option.get("arg").as_str());
    }
  } else if (kind == "AlterExtensionStmt" || kind == "AlterExtensionContentsStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::extension;
    ref.name = truncate_identifier(node.str("extname"));
    add(Action::alter, ref, statement.range.begin).change = Change::other;
  } else if (kind == "CreateSchemaStmt") {
    create_schema(node);
  } else if (kind == "CreateRoleStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::role;
    ref.name = truncate_identifier(node.str("role"));
    add(Action::create, ref, statement.range.begin);
  } else if (kind == "AlterRoleStmt" || kind == "AlterRoleSetStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::role;
    ref.name = truncate_identifier(node.get("role").str("rolename"));
    if (!ref.name.empty()) add(Action::alter, ref, statement.range.begin).change = Change::other;
  } else if (kind == "DropRoleStmt") {
    for (Node role : node.list("roles")) {
      ObjectRef ref;
      ref.kind = ObjectKind::role;
      ref.name = truncate_identifier(role.str("rolename"));
      add(Action::drop, ref, statement.range.begin).if_exists = node.flag("missing_ok");
    }
  } else if (kind == "DropStmt") {
    drop(node);
  } else if (kind == "RenameStmt") {
    rename(node);
  } else if (kind == "AlterObjectSchemaStmt") {
    set_schema(node);
  } else if (kind == "AlterTableStmt") {
    alter_table(node);
  } else if (kind == "AlterOwnerStmt") {
    alter_owner(node);
  } else if (kind == "CommentStmt") {
    comment(node);
  } else if (kind == "ClusterStmt") {
    // CLUSTER t USING i marks i as the table's clustering index, as ALTER TABLE t CLUSTER ON i
    // does (CLUSTER t alone uses the index marked already).
    if (node.has("relation") && !node.str("indexname").empty()) {
      auto [table, given] = relation(ObjectKind::table, node.get("relation"));
      add(Action::alter, table, at(node.get("relation")), given).change = Change::clustering;
    }
  } else if (kind == "GrantStmt") {
    grant(node);
  } else if (kind == "CreateStatsStmt") {
    auto [ref, given] = qualified(ObjectKind::statistics, node.list("defnames"));
    Effect& effect = add(Action::create, ref, statement.range.begin, given);
    effect.if_not_exists = node.flag("if_not_exists");
    // The columns it covers, named or read by an expression: DROP COLUMN of any takes it.
    for (Node element : node.list("exprs")) {
      Node stats = element.is("StatsElem") ? element : element.get("StatsElem");
      std::vector<std::string> names;
      if (stats.has("name")) {
        names.push_back(truncate_identifier(stats.str("name")));
      } else {
        names = referenced_columns(stats.get("expr"));
      }
      for (auto& name : names) {
        if (std::find(effect.uses.begin(), effect.uses.end(), name) == effect.uses.end()) {
          effect.uses.push_back(std::move(name));
        }
      }
    }
    for (Node range_var : node.list("relations")) {
      auto [table, g] = relation(ObjectKind::table, range_var);
      (void)g;
      out.back().depends_on.push_back({table, true});
    }
  } else if (kind == "CreateOpClassStmt" || kind == "CreateOpFamilyStmt") {
    auto [ref, given] = qualified(
        kind == "CreateOpClassStmt" ? ObjectKind::operator_class : ObjectKind::operator_family,
        node.list(kind == "CreateOpClassStmt" ? "opclassname" : "opfamilyname"));
    Effect& effect = add(Action::create, ref, statement.range.begin, given);
    if (kind == "CreateOpClassStmt") {
      type_dependency(effect, node.get("datatype"));
      // Its support functions (FUNCTION 1 f(t, t), itemtype 2): DROP FUNCTION is refused while
      // the operator class is there, DROP OPERATOR CLASS takes them.
      for (Node item : node.list("items")) {
        if (item.num("itemtype") == 2 && item.has("name")) {
          signature_dependency(effect, item.get("name"));
        }
      }
    }
  } else if (kind == "CreateConversionStmt") {
    auto [ref, given] = qualified(ObjectKind::conversion, node.list("conversion_name"));
    add(Action::create, ref, statement.range.begin, given);
  } else if (kind == "CreateCastStmt") {
    create_cast(node);
  } else if (kind == "CreateTransformStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::transform;
    ref.name = canonical_type(node.get("type_name")) + " AS " + std::string(node.str("lang"));
    add(Action::create, ref, statement.range.begin).or_replace = node.flag("replace");
  } else if (kind == "CreatePLangStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::language;
    ref.name = truncate_identifier(node.str("plname"));
    add(Action::create, ref, statement.range.begin).or_replace = node.flag("replace");
  } else if (kind == "CreatePublicationStmt" || kind == "CreateSubscriptionStmt" ||
             kind == "CreateForeignServerStmt" || kind == "CreateFdwStmt" ||
             kind == "CreateTableSpaceStmt" || kind == "CreatedbStmt" || kind == "CreateAmStmt") {
    ObjectRef ref;
    std::string_view field;
    if (kind == "CreatePublicationStmt") {
      ref.kind = ObjectKind::publication;
      field = "pubname";
    } else if (kind == "CreateSubscriptionStmt") {
      ref.kind = ObjectKind::subscription;
      field = "subname";
    } else if (kind == "CreateForeignServerStmt") {
      ref.kind = ObjectKind::server;
      field = "servername";
    } else if (kind == "CreateFdwStmt") {
      ref.kind = ObjectKind::foreign_data_wrapper;
      field = "fdwname";
    } else if (kind == "CreateTableSpaceStmt") {
      ref.kind = ObjectKind::tablespace;
      field = "tablespacename";
    } else if (kind == "CreatedbStmt") {
      ref.kind = ObjectKind::database;
      field = "dbname";
    } else {
      ref.kind = ObjectKind::access_method;
      field = "amname";
    }
    ref.name = truncate_identifier(node.str(field));
    add(Action::create, ref, statement.range.begin).if_not_exists = node.flag("if_not_exists");
  } else if (kind == "CreateUserMappingStmt" || kind == "DropUserMappingStmt") {
    ObjectRef ref;
    ref.kind = ObjectKind::user_mapping;
    // By (user, server): FOR PUBLIC is a mapping of its own, apart from every role's;
    // CURRENT_ROLE is CURRENT_USER (and so is the keyword USER).
    Node user = node.get("user");
    std::string_view type = user.str("roletype");
    ref.name = type == "ROLESPEC_PUBLIC"         ? "PUBLIC"
               : type == "ROLESPEC_CURRENT_USER" ? "CURRENT_USER"
               : type == "ROLESPEC_CURRENT_ROLE" ? "CURRENT_USER"
               : type == "ROLESPEC_SESSION_USER" ? "SESSION_USER"
                                                 : truncate_identifier(user.str("rolename"));
    ref.name += " SERVER ";
    ref.name += truncate_identifier(node.str("servername"));
    Effect& effect = add(kind == "CreateUserMappingStmt" ? Action::create : Action::drop, ref,
                         statement.range.begin);
    // A user mapping blocks DROP SERVER without CASCADE too.
    if (kind == "CreateUserMappingStmt") depend(effect, server_ref(node), false);
    effect.if_not_exists = node.flag("if_not_exists");
    effect.if_exists = node.flag("missing_ok");
  } else if (kind == "DropdbStmt" || kind == "DropTableSpaceStmt" ||
             kind == "DropSubscriptionStmt") {
    ObjectRef ref;
    ref.kind = kind == "DropdbStmt"           ? ObjectKind::database
               : kind == "DropTableSpaceStmt" ? ObjectKind::tablespace
                                              : ObjectKind::subscription;
    ref.name = truncate_identifier(node.str(kind == "DropdbStmt"           ? "dbname"
                                            : kind == "DropTableSpaceStmt" ? "tablespacename"
                                                                           : "subname"));
    add(Action::drop, ref, statement.range.begin).if_exists = node.flag("missing_ok");
  } else if (kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt") {
    std::size_t first = out.size();
    write_rows(node);
    column_reads(out[first], node);
  } else if (kind == "TruncateStmt") {
    for (Node range_var : node.list("relations")) {
      auto [table, given] = relation(ObjectKind::table, range_var);
      add(Action::use, table, at(range_var), given).change = Change::truncate;
    }
  } else if (kind == "CopyStmt" && node.flag("is_from") && node.has("relation")) {
    auto [table, given] = relation(ObjectKind::table, node.get("relation"));
    add(Action::use, table, at(node.get("relation")), given).change = Change::insert;
  } else if (kind == "RefreshMatViewStmt") {
    auto [view, given] = relation(ObjectKind::materialized_view, node.get("relation"));
    add(Action::use, view, at(node.get("relation")), given).change = Change::other;
  } else if (kind == "VariableSetStmt" || kind == "DiscardStmt") {
    set_search_path(node);
  } else if (kind == "SelectStmt") {
    set_search_path(node);
    sequence_calls(node);
    modifying_ctes(node);
  } else {
    alter_other(node);
  }
}

void ObjectResolver::Context::write_rows(const Node& node) {
  std::string_view kind = node.kind();
  auto [table, given] = relation(ObjectKind::table, node.get("relation"));
  Effect& effect = add(Action::use, table, at(node.get("relation")), given);
  effect.change = kind == "InsertStmt"   ? Change::insert
                  : kind == "UpdateStmt" ? Change::update
                                         : Change::delete_rows;
  if (kind == "InsertStmt") {
    for (Node target : node.list("cols")) {
      effect.columns.push_back(truncate_identifier(target.str("name")));
    }
  }
  modifying_ctes(node);
}

void ObjectResolver::Context::column_reads(Effect& effect, const Node& node) {
  std::vector<std::string> variables;
  for (Node datum : statement.function.list("datums")) {
    variables.push_back(truncate_identifier(datum.str("refname")));
  }
  QueryColumns reader{*this, effect, {}, std::move(variables), DependencySource::statement};
  reader.targets = false;
  std::size_t first = effect.depends_on.size();
  reader.statement(node, nullptr);
  // `*` reads every column a table has, whatever they are: only the table can be missing, and
  // what a statement reads a table from is not judged here.
  effect.depends_on.erase(
      std::remove_if(effect.depends_on.begin() + static_cast<std::ptrdiff_t>(first),
                     effect.depends_on.end(),
                     [](const Dependency& dependency) { return dependency.all_columns; }),
      effect.depends_on.end());
}

void ObjectResolver::Context::modifying_ctes(const Node& node) {
  // PostgreSQL allows them only in the WITH of the top-level statement, and runs each exactly
  // once, whether the outer query reads it or not.
  for (Node cte : node.get("withClause").list("ctes")) {
    Node query = cte.get("ctequery");
    if (query.is("InsertStmt") || query.is("UpdateStmt") || query.is("DeleteStmt")) {
      write_rows(query);
    }
  }
}

void ObjectResolver::Context::alter_other(const Node& node) {
  // The other ALTERs of one named object: what they change, sqlgate does not model.
  struct Alter {
    std::string_view statement;
    ObjectKind kind;
    std::string_view field;
  };
  static constexpr Alter k_alters[] = {
      {"AlterEventTrigStmt", ObjectKind::event_trigger, "trigname"},
      {"AlterTypeStmt", ObjectKind::type, "typeName"},
      {"AlterStatsStmt", ObjectKind::statistics, "defnames"},
      {"AlterPublicationStmt", ObjectKind::publication, "pubname"},
      {"AlterSubscriptionStmt", ObjectKind::subscription, "subname"},
      {"AlterForeignServerStmt", ObjectKind::server, "servername"},
      {"AlterFdwStmt", ObjectKind::foreign_data_wrapper, "fdwname"},
      {"AlterCollationStmt", ObjectKind::collation, "collname"},
      {"AlterOperatorStmt", ObjectKind::operator_, "opername"},
      {"AlterTSDictionaryStmt", ObjectKind::text_search_dictionary, "dictname"},
      {"AlterTSConfigurationStmt", ObjectKind::text_search_configuration, "cfgname"},
      {"AlterOpFamilyStmt", ObjectKind::operator_family, "opfamilyname"},
      {"AlterDatabaseStmt", ObjectKind::database, "dbname"},
      {"AlterDatabaseSetStmt", ObjectKind::database, "dbname"},
      {"AlterTableSpaceOptionsStmt", ObjectKind::tablespace, "tablespacename"},
  };
  for (const Alter& alter : k_alters) {
    if (node.kind() != alter.statement) continue;
    Node name = node.get(alter.field);
    bool given = true;
    ObjectRef ref;
    if (name.items().size() > 0) {
      auto [r, g] = qualified(alter.kind, name.items());
      ref = r;
      given = g;
    } else if (name.is("ObjectWithArgs")) {
      ref = object_name(alter.kind, name, &given);
    } else {
      ref.kind = alter.kind;
      ref.name = truncate_identifier(name.as_str());
    }
    if (ref.name.empty()) return;
    Effect& effect = add(Action::alter, ref, statement.range.begin, given);
    effect.change = Change::other;
    // ALTER EVENT TRIGGER ... ENABLE [REPLICA | ALWAYS] / DISABLE: a trigger switched, by its
    // name as for ALTER TABLE ... ENABLE / DISABLE TRIGGER.
    if (alter.kind == ObjectKind::event_trigger) {
      effect.change =
          node.str("tgenabled") == "D" ? Change::disable_trigger : Change::enable_trigger;
      effect.columns.push_back(ref.name);
    }
    // ADD | ALTER | DROP MAPPING FOR token types [WITH dictionaries], ALTER MAPPING [FOR token
    // types] REPLACE old WITH new: the token types in `columns` (none: every one), the
    // dictionaries they are mapped to as mapping dependencies, and for REPLACE the old one as a
    // dependency of the statement (pg_catalog's when PostgreSQL's own).
    if (alter.kind == ObjectKind::text_search_configuration) {
      for (Node token : node.list("tokentype")) {
        effect.columns.push_back(truncate_identifier(token.as_str()));
      }
      NodeList dictionaries = node.list("dicts");
      bool replace = node.flag("replace");
      for (std::size_t i = 0; i < dictionaries.size(); ++i) {
        Node names = dictionaries[i];
        NodeList parts = names.items().empty() ? names.list("items") : names.items();
        bool builtin = parts.size() == 2
                           ? parts[0].as_str() == "pg_catalog"
                           : parts.size() == 1 && is_builtin_ts_dictionary(parts[0].as_str());
        bool old = replace && i == 0;
        if (builtin && !old) continue;
        Dependency& dictionary =
            named_dependency(effect, ObjectKind::text_search_dictionary, parts,
                             old ? DependencySource::statement : DependencySource::mapping);
        if (builtin) {
          dictionary.object.schema = "pg_catalog";
          dictionary.schema_given = true;
        } else {
          // unaccent, the dictionary of the extension of that name.
          dictionary.extension =
              extension_member(ObjectKind::text_search_dictionary, dictionary.object.name);
        }
      }
    }
    return;
  }
}

std::vector<Effect> ObjectResolver::effects(const Statement& statement, const NameTaken& taken) {
  std::vector<Effect> out;
  Context context{*this, statement, taken, out, {}, {}, {}};
  context.run(statement.node);
  return out;
}

}  // namespace sqlgate::lint
