#include "lint/guard_match.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <unordered_set>

#include "lint/pg_facts.h"

namespace sqlgate::lint {
namespace {

// What a name column of a catalog holds about the object a row describes.
enum class Role : std::uint8_t { name, parent, schema };

struct ColumnRole {
  std::string_view column;
  Role role = Role::name;
};

// A catalog table or view whose rows are known: which objects it lists, and its name columns.
struct Catalog {
  std::string_view schema;  // "pg_catalog" or "information_schema"
  std::string_view name;
  std::string_view lists;  // for messages: "tables, views and foreign tables"
  bool (*holds)(const GuardTarget&);
  std::array<ColumnRole, 4> columns;
};

bool one_of(ObjectKind kind, std::initializer_list<ObjectKind> kinds) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool relation_or_composite(const GuardTarget& t) {
  return is_relation(t.object.kind) || (t.object.kind == ObjectKind::type && t.composite);
}

bool type_or_row_type(const GuardTarget& t) {
  // Every table, view, materialized view and foreign table has a row type; sequences and
  // indexes have none.
  return one_of(t.object.kind,
                {ObjectKind::type, ObjectKind::domain, ObjectKind::table, ObjectKind::view,
                 ObjectKind::materialized_view, ObjectKind::foreign_table});
}

bool routine(const GuardTarget& t) {
  return is_routine(t.object.kind);
}

using K = ObjectKind;
constexpr Role k_name = Role::name;
constexpr Role k_parent = Role::parent;
constexpr Role k_schema = Role::schema;

// Checked on PostgreSQL 15: pg_tables lists ordinary and partitioned tables only;
// information_schema.tables lists tables, views and foreign tables, not materialized views or
// sequences; information_schema.table_constraints leaves EXCLUDE constraints out; pg_user lists
// only roles with LOGIN; pg_type has no row type for sequences and indexes.
const Catalog k_catalogs[] = {
    {"pg_catalog",
     "pg_class",
     "relations and composite types",
     relation_or_composite,
     {{{"relname", k_name}}}},
    {"pg_catalog",
     "pg_tables",
     "tables",
     [](const GuardTarget& t) { return t.object.kind == K::table; },
     {{{"tablename", k_name}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_views",
     "views",
     [](const GuardTarget& t) { return t.object.kind == K::view; },
     {{{"viewname", k_name}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_matviews",
     "materialized views",
     [](const GuardTarget& t) { return t.object.kind == K::materialized_view; },
     {{{"matviewname", k_name}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_sequences",
     "sequences",
     [](const GuardTarget& t) { return t.object.kind == K::sequence; },
     {{{"sequencename", k_name}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_indexes",
     "indexes",
     [](const GuardTarget& t) { return t.object.kind == K::index; },
     {{{"indexname", k_name}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_type",
     "types, domains and the row types of tables and views",
     type_or_row_type,
     {{{"typname", k_name}}}},
    {"pg_catalog",
     "pg_roles",
     "roles",
     [](const GuardTarget& t) { return t.object.kind == K::role; },
     {{{"rolname", k_name}}}},
    {"pg_catalog",
     "pg_authid",
     "roles",
     [](const GuardTarget& t) { return t.object.kind == K::role; },
     {{{"rolname", k_name}}}},
    {"pg_catalog",
     "pg_user",
     "roles that can log in",
     [](const GuardTarget& t) { return t.object.kind == K::role && t.login; },
     {{{"usename", k_name}}}},
    {"pg_catalog",
     "pg_shadow",
     "roles that can log in",
     [](const GuardTarget& t) { return t.object.kind == K::role && t.login; },
     {{{"usename", k_name}}}},
    {"pg_catalog",
     "pg_namespace",
     "schemas",
     [](const GuardTarget& t) { return t.object.kind == K::schema; },
     {{{"nspname", k_name}}}},
    {"pg_catalog",
     "pg_constraint",
     "constraints",
     [](const GuardTarget& t) { return t.object.kind == K::constraint; },
     {{{"conname", k_name}}}},
    {"pg_catalog",
     "pg_trigger",
     "triggers",
     [](const GuardTarget& t) { return t.object.kind == K::trigger; },
     {{{"tgname", k_name}}}},
    {"pg_catalog",
     "pg_policy",
     "policies",
     [](const GuardTarget& t) { return t.object.kind == K::policy; },
     {{{"polname", k_name}}}},
    {"pg_catalog",
     "pg_policies",
     "policies",
     [](const GuardTarget& t) { return t.object.kind == K::policy; },
     {{{"policyname", k_name}, {"tablename", k_parent}, {"schemaname", k_schema}}}},
    {"pg_catalog",
     "pg_proc",
     "functions, procedures and aggregates",
     routine,
     {{{"proname", k_name}}}},
    {"pg_catalog",
     "pg_extension",
     "extensions",
     [](const GuardTarget& t) { return t.object.kind == K::extension; },
     {{{"extname", k_name}}}},
    {"pg_catalog",
     "pg_event_trigger",
     "event triggers",
     [](const GuardTarget& t) { return t.object.kind == K::event_trigger; },
     {{{"evtname", k_name}}}},
    {"pg_catalog",
     "pg_publication",
     "publications",
     [](const GuardTarget& t) { return t.object.kind == K::publication; },
     {{{"pubname", k_name}}}},
    // A row for each table of a publication: a publication target is the membership when it is
    // one (GuardTarget::member), else any of its tables.
    {"pg_catalog",
     "pg_publication_tables",
     "the tables of publications",
     [](const GuardTarget& t) { return t.object.kind == K::publication; },
     {{{"pubname", k_name}, {"tablename", k_parent}, {"schemaname", k_schema}}}},
    {"information_schema",
     "tables",
     "tables, views and foreign tables",
     [](const GuardTarget& t) {
       return one_of(t.object.kind, {K::table, K::view, K::foreign_table});
     },
     {{{"table_name", k_name}, {"table_schema", k_schema}}}},
    {"information_schema",
     "views",
     "views",
     [](const GuardTarget& t) { return t.object.kind == K::view; },
     {{{"table_name", k_name}, {"table_schema", k_schema}}}},
    {"information_schema",
     "columns",
     "columns of tables and views",
     [](const GuardTarget& t) { return t.object.kind == K::column && !t.composite; },
     {{{"column_name", k_name}, {"table_name", k_parent}, {"table_schema", k_schema}}}},
    {"information_schema",
     "attributes",
     "attributes of composite types",
     [](const GuardTarget& t) { return t.object.kind == K::column && t.composite; },
     {{{"attribute_name", k_name}, {"udt_name", k_parent}, {"udt_schema", k_schema}}}},
    {"information_schema",
     "table_constraints",
     "CHECK, NOT NULL, UNIQUE, PRIMARY KEY and FOREIGN KEY constraints",
     [](const GuardTarget& t) { return t.object.kind == K::constraint && t.contype != 'x'; },
     {{{"constraint_name", k_name},
       {"table_name", k_parent},
       {"table_schema", k_schema},
       {"constraint_schema", k_schema}}}},
    {"information_schema",
     "schemata",
     "schemas",
     [](const GuardTarget& t) { return t.object.kind == K::schema; },
     {{{"schema_name", k_name}}}},
    {"information_schema",
     "sequences",
     "sequences",
     [](const GuardTarget& t) { return t.object.kind == K::sequence; },
     {{{"sequence_name", k_name}, {"sequence_schema", k_schema}}}},
    {"information_schema",
     "routines",
     "functions and procedures",
     routine,
     {{{"routine_name", k_name}, {"routine_schema", k_schema}}}},
};

// A lookup of a name: to_regclass('x') or 'x'::regclass.
struct Lookup {
  std::string_view function;  // to_regclass
  std::string_view type;      // regclass
  std::string_view lists;
  std::string_view sqlstate;  // what the cast raises when nothing has that name
  bool (*holds)(const GuardTarget&);
};

const Lookup k_lookups[] = {
    {"to_regclass", "regclass", "relations and composite types", "42P01", relation_or_composite},
    {"to_regtype", "regtype", "types, domains and the row types of tables and views", "42704",
     type_or_row_type},
    {"to_regnamespace", "regnamespace", "schemas", "3F000",
     [](const GuardTarget& t) { return t.object.kind == K::schema; }},
    {"to_regrole", "regrole", "roles", "42704",
     [](const GuardTarget& t) { return t.object.kind == K::role; }},
    {"to_regproc", "regproc", "functions, procedures and aggregates", "42883", routine},
    {"to_regprocedure", "regprocedure", "functions, procedures and aggregates", "42883", routine},
};

// Lookups sqlgate cannot judge (operators, collations).
constexpr std::array<std::string_view, 4> k_other_lookups = {"to_regoper", "to_regoperator",
                                                             "to_regcollation", "regoper"};

// The string a literal (possibly cast to text, name, varchar) holds.
std::optional<std::string> string_literal(const Node& node) {
  Node value = node;
  if (value.is("TypeCast")) {
    std::string type(value.get("typeName").list("names").back().as_str());
    if (type != "text" && type != "name" && type != "varchar" && type != "bpchar" &&
        type != "sql_identifier") {
      return std::nullopt;
    }
    value = value.get("arg");
  }
  if (!value.is("A_Const") || !value.has("sval")) return std::nullopt;
  return std::string(value.get("sval").str("sval"));
}

// A qualified name as a lookup reads it (text_name_parts), each part truncated; nothing when it
// is not a plain name (arrays, modifiers, ...). A routine's argument list is left out.
std::optional<std::vector<std::string>> parse_name(std::string_view text, bool routine_args) {
  if (routine_args) {
    // The name ends at the first parenthesis outside double quotes.
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') quoted = !quoted;
      if (text[i] == '(' && !quoted) {
        text = text.substr(0, i);
        break;
      }
    }
  }
  std::vector<std::string> parts = text_name_parts(text);
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  for (auto& part : parts) {
    if (part.empty()) return std::nullopt;
    part = truncate_identifier(part);
  }
  return parts;
}

// Whether a transient is the object of that kind (a relation: any relation), schema, name and
// parent.
bool is_transient(const Transient& t, ObjectKind kind, const std::string& schema, bool schema_given,
                  std::string_view name, std::string_view parent) {
  bool same_kind = is_relation(t.object.kind) ? is_relation(kind) : t.object.kind == kind;
  return same_kind && t.object.name == name && t.object.parent == parent &&
         t.schema_given == schema_given && t.object.schema == schema;
}

// The names a test may compare with (views into the target: at most two).
struct Expected {
  std::array<std::string_view, 2> slots;
  std::size_t count = 0;
  bool known = false;
  // Names it had that a transient leaves missing after the first run, and that transient.
  std::array<std::pair<std::string_view, const Transient*>, 2> missing;
  std::size_t missing_count = 0;
  const std::string_view* begin() const { return slots.data(); }
  const std::string_view* end() const { return slots.data() + count; }
  bool has(std::string_view value) const { return std::find(begin(), end(), value) != end(); }
  // Every name it had is left missing: nothing finds it.
  const Transient* gone() const {
    return count == 0 && missing_count != 0 ? missing[0].second : nullptr;
  }
  // The transient that leaves it missing under this name, if one does.
  const Transient* left_missing(std::string_view value) const {
    for (std::size_t i = 0; i < missing_count; ++i) {
      if (missing[i].first == value) return missing[i].second;
    }
    return nullptr;
  }
};

Expected expected(const GuardTarget& t, Role role,
                  const std::vector<Transient>* transients = nullptr) {
  Expected e;
  // A name of the target, or of the table it is on (a relation in its schema).
  auto add = [&](const std::string& value, ObjectKind kind, const std::string& schema,
                 bool schema_given, std::string_view parent) {
    if (value.empty()) return;
    if (transients != nullptr) {
      for (const Transient& transient : *transients) {
        if (is_transient(transient, kind, schema, schema_given, value, parent)) {
          e.missing[e.missing_count++] = {value, &transient};
          return;
        }
      }
    }
    e.slots[e.count++] = value;
  };
  const ObjectRef& o = t.object;
  if (role == Role::name) {
    if (t.old_name || t.new_name.empty()) add(o.name, o.kind, o.schema, t.schema_given, o.parent);
    const std::string& schema = t.new_schema.empty() ? o.schema : t.new_schema;
    add(t.new_name, o.kind, schema, t.schema_given || !t.new_schema.empty(), o.parent);
  } else if (role == Role::parent) {
    add(o.parent, ObjectKind::table, o.schema, t.schema_given, "");
    add(t.new_parent, ObjectKind::table, o.schema, t.schema_given, "");
  } else if (t.schema_given || !t.new_schema.empty()) {
    for (const std::string* schema : {&o.schema, &t.new_schema}) {
      bool wanted =
          schema == &t.new_schema || (t.schema_given && (t.old_name || t.new_schema.empty()));
      if (wanted && !schema->empty()) e.slots[e.count++] = *schema;
    }
  }
  e.known = e.count != 0;
  return e;
}

// "is named orderstatus", "is on table orders", "is in schema app"; a name created in double
// quotes in mixed case is shown so ("OrderStatus"), as the catalog keeps it.
std::string described(const GuardTarget& t, Role role) {
  std::string noun(to_string(t.object.kind));
  auto q = [](const std::string& name) { return quote_if_folded(name); };
  if (t.member && role == Role::parent) return "the table is named " + q(t.object.parent);
  if (t.member && role == Role::schema) return "the table is in schema " + q(t.object.schema);
  if (role == Role::parent) {
    if (!t.new_parent.empty()) {
      return "the " + noun + " is on " + q(t.object.parent) + ", renamed " + q(t.new_parent) +
             " later";
    }
    return "the " + noun + " is on " + q(t.object.parent);
  }
  if (role == Role::schema) {
    std::string schema = t.new_schema.empty() ? t.object.schema : t.new_schema;
    if (!t.new_schema.empty() && t.old_name && t.schema_given) {
      return "the " + noun + " moves from schema " + q(t.object.schema) + " to " + q(t.new_schema);
    }
    return "the " + noun + " is in schema " + q(schema);
  }
  if (!t.new_name.empty()) {
    if (!t.old_name) return "the " + noun + " is renamed to " + q(t.new_name);
    return "the " + noun + " renamed is " + q(t.object.name) + " (to " + q(t.new_name) + ")";
  }
  return "the " + noun + " is named " + q(t.object.name);
}

std::string display(const Catalog& catalog) {
  return catalog.schema == "pg_catalog"
             ? std::string(catalog.name)
             : std::string(catalog.schema) + "." + std::string(catalog.name);
}

const Catalog* find_catalog(const Node& range_var) {
  std::string_view schema = range_var.str("schemaname");
  std::string_view name = range_var.str("relname");
  if (schema.empty() && name.starts_with("pg_")) schema = "pg_catalog";
  for (const Catalog& catalog : k_catalogs) {
    if (catalog.schema == schema && catalog.name == name) return &catalog;
  }
  return nullptr;
}

bool is_scope(const Node& node) {
  return node.is("SelectStmt") && node.has("fromClause");
}

// One SELECT ... FROM of a test, over catalogs.
struct Scope {
  struct Relation {
    const Catalog* catalog = nullptr;  // null: not a catalog sqlgate knows
    std::string alias;
  };
  std::vector<Relation> relations;
  // What each name column of a relation is compared with.
  struct Use {
    std::size_t relation = 0;
    std::string_view column;
    // As PostgreSQL stores names (truncated to 63 bytes); empty: compared with something else,
    // or used otherwise.
    std::vector<std::string> literals;
    std::string shown;  // typname = 'x'
  };
  std::vector<Use> uses;
};

void add_relations(const Node& item, Scope& scope) {
  if (item.is("RangeVar")) {
    Scope::Relation relation{find_catalog(item), std::string(item.get("alias").str("aliasname"))};
    if (relation.alias.empty()) relation.alias = item.str("relname");
    scope.relations.push_back(std::move(relation));
  } else if (item.is("JoinExpr")) {
    add_relations(item.get("larg"), scope);
    add_relations(item.get("rarg"), scope);
  } else {
    scope.relations.push_back(Scope::Relation{});
  }
}

// The relation and column a ColumnRef names, when it is a name column of a known catalog.
std::optional<std::pair<std::size_t, std::string_view>> resolve(const Scope& scope,
                                                                const Node& column_ref) {
  NodeList fields = column_ref.list("fields");
  std::size_t count = fields.size();
  if (count == 0 || !fields.back().is("String")) return std::nullopt;
  std::string_view column = fields.back().as_str();
  auto names_column = [&](std::size_t r) {
    const Catalog* catalog = scope.relations[r].catalog;
    if (catalog == nullptr) return false;
    return std::any_of(catalog->columns.begin(), catalog->columns.end(),
                       [&](const ColumnRole& c) { return c.column == column; });
  };
  std::optional<std::size_t> found;
  if (count == 1) {
    for (std::size_t r = 0; r < scope.relations.size(); ++r) {
      if (!names_column(r)) continue;
      if (found) return std::nullopt;  // ambiguous
      found = r;
    }
  } else {
    std::string_view qualifier = fields[count - 2].as_str();
    for (std::size_t r = 0; r < scope.relations.size(); ++r) {
      if (scope.relations[r].alias == qualifier && names_column(r)) found = r;
    }
  }
  if (!found) return std::nullopt;
  return std::make_pair(*found, column);
}

// Visits a scope's own nodes: not those of the SELECTs nested in it.
template <typename Visitor>
void walk_scope(const Node& select, Visitor&& visit) {
  walk(select, [&](const Node& node) {
    if (node.at() != select.at() && node.is("SelectStmt")) return false;
    return visit(node);
  });
}

Scope read_scope(const Node& select) {
  Scope scope;
  for (Node item : select.list("fromClause")) add_relations(item, scope);
  std::set<std::uint32_t> consumed;
  auto record = [&](const Node& column_ref, std::vector<std::string> literals, std::string shown) {
    auto at = resolve(scope, column_ref);
    if (!at) return;
    consumed.insert(column_ref.at());
    for (std::string& literal : literals) literal = truncate_identifier(literal);
    scope.uses.push_back(Scope::Use{at->first, at->second, std::move(literals), std::move(shown)});
  };
  // name_column = 'literal', 'literal' = name_column, name_column IN ('a', 'b'), outside NOT.
  walk_scope(select, [&](const Node& node) {
    if (node.is("BoolExpr") && node.str("boolop") == "NOT_EXPR") return false;
    if (!node.is("A_Expr")) return true;
    std::string_view kind = node.str("kind");
    NodeList name = node.list("name");
    if (name.size() != 1 || name.front().as_str() != "=") return true;
    Node left = node.get("lexpr");
    Node right = node.get("rexpr");
    if (kind.empty() || kind == "AEXPR_OP") {
      if (!left.is("ColumnRef")) std::swap(left, right);
      auto literal = string_literal(right);
      if (left.is("ColumnRef") && literal) {
        std::string column(left.list("fields").back().as_str());
        record(left, {*literal}, column + " = " + sql_literal(*literal));
      }
    } else if (kind == "AEXPR_IN" && left.is("ColumnRef")) {
      std::vector<std::string> literals;
      std::string shown;
      for (Node item : right.items().empty() ? right.list("items") : right.items()) {
        auto literal = string_literal(item);
        if (!literal) return true;
        shown += (shown.empty() ? "" : ", ") + sql_literal(*literal);
        literals.push_back(*literal);
      }
      if (!literals.empty()) {
        std::string column(left.list("fields").back().as_str());
        record(left, literals, column + " IN (" + shown + ")");
      }
    }
    return true;
  });
  // Any other use of a name column: it may find any name.
  walk_scope(select, [&](const Node& node) {
    if (node.is("ColumnRef") && consumed.count(node.at()) == 0) {
      if (auto at = resolve(scope, node))
        scope.uses.push_back(Scope::Use{at->first, at->second, {}, ""});
    }
    return true;
  });
  return scope;
}

Role role_of(const Catalog& catalog, std::string_view column) {
  for (const ColumnRole& c : catalog.columns) {
    if (c.column == column) return c.role;
  }
  return Role::name;
}

struct Verdict {
  bool unknown = false;  // cannot be judged: it may find anything
  bool finds = false;
  std::string why;  // when it does not find the target
};

// "the guard tests typname = 'x', but " and why a transient leaves the target missing.
std::string left_missing_why(std::string_view tested, const Transient& transient) {
  return "the guard tests " + std::string(tested) + ", but " + transient.why;
}

// Whether a scope can find a target; `explain`: say why not (only the first target's reason is
// shown, and a file has many targets). A target is not found by a name `transients` leave
// missing.
Verdict judge_scope(const Scope& scope, const GuardTarget& target, bool explain,
                    const std::vector<Transient>* transients) {
  Verdict verdict;
  std::vector<bool> holder(scope.relations.size(), false);
  bool any = false;
  for (std::size_t r = 0; r < scope.relations.size(); ++r) {
    const Catalog* catalog = scope.relations[r].catalog;
    if (catalog == nullptr) return Verdict{true, true, ""};
    holder[r] = catalog->holds(target);
    any = any || holder[r];
  }
  if (!any) {
    if (!explain) return verdict;
    std::string noun(to_string(target.object.kind));
    if (target.object.kind == ObjectKind::constraint && target.contype == 'x') {
      noun = "EXCLUDE constraint";
    }
    const Catalog& first = *scope.relations.front().catalog;
    verdict.why = "the guard looks in " + display(first) + ", which lists only " +
                  std::string(first.lists) + ", not " + noun + " " +
                  quote_if_folded(target.object.name);
    if (first.name == "pg_user" || first.name == "pg_shadow") {
      verdict.why += " (CREATE ROLE makes a role without LOGIN unless it says LOGIN)";
    }
    return verdict;
  }
  for (Role role : {Role::name, Role::parent, Role::schema}) {
    Expected want = expected(target, role, transients);
    if (const Transient* gone = want.gone()) {
      if (!explain) return verdict;
      auto tested = std::find_if(scope.uses.begin(), scope.uses.end(),
                                 [](const Scope::Use& use) { return !use.literals.empty(); });
      verdict.why = left_missing_why(
          tested == scope.uses.end() ? display(*scope.relations.front().catalog) : tested->shown,
          *gone);
      return verdict;
    }
    if (!want.known) continue;
    bool compared = false;
    bool free = false;
    bool match = false;
    const Transient* left = nullptr;  // leaves missing what the test compares with
    std::string shown;
    for (const Scope::Use& use : scope.uses) {
      const Catalog& catalog = *scope.relations[use.relation].catalog;
      Role used;
      if (holder[use.relation]) {
        used = role_of(catalog, use.column);
      } else if (catalog.name == "pg_namespace" || catalog.name == "schemata") {
        used = Role::schema;  // the schema of the object a holder lists
      } else {
        continue;
      }
      if (used != role) continue;
      if (use.literals.empty()) {
        free = true;
        continue;
      }
      compared = true;
      if (shown.empty()) shown = use.shown;
      for (const std::string& stored : use.literals) {
        match = match || want.has(stored);
        if (left == nullptr) left = want.left_missing(stored);
      }
    }
    if (compared && !free && !match) {
      if (explain) {
        verdict.why = left != nullptr
                          ? left_missing_why(shown, *left)
                          : "the guard tests " + shown + ", but " + described(target, role);
      }
      return verdict;
    }
  }
  verdict.finds = true;
  return verdict;
}

struct LookupCall {
  const Lookup* lookup = nullptr;
  std::optional<std::string> literal;
  std::string shown;
  // The literal's name parts as the lookup reads them; nullopt when it does not parse.
  std::optional<std::vector<std::string>> parts;
};

LookupCall with_parts(LookupCall call) {
  if (call.literal) call.parts = parse_name(*call.literal, call.lookup->type == "regprocedure");
  return call;
}

// to_regclass('x') or 'x'::regclass; unknown lookups have no `lookup` and no literal.
std::optional<LookupCall> lookup_call(const Node& node) {
  if (node.is("FuncCall")) {
    NodeList names = node.list("funcname");
    std::string_view name = names.empty() ? std::string_view() : names.back().as_str();
    for (const Lookup& lookup : k_lookups) {
      if (lookup.function != name) continue;
      NodeList args = node.list("args");
      LookupCall call{&lookup, std::nullopt, "", std::nullopt};
      if (args.size() == 1) call.literal = string_literal(args.front());
      if (call.literal) call.shown = std::string(name) + "(" + sql_literal(*call.literal) + ")";
      return with_parts(std::move(call));
    }
    if (std::find(k_other_lookups.begin(), k_other_lookups.end(), name) != k_other_lookups.end()) {
      return LookupCall{};
    }
    return std::nullopt;
  }
  if (node.is("TypeCast")) {
    std::string_view type = node.get("typeName").list("names").back().as_str();
    for (const Lookup& lookup : k_lookups) {
      if (lookup.type != type) continue;
      LookupCall call{&lookup, string_literal(node.get("arg")), "", std::nullopt};
      if (call.literal) call.shown = sql_literal(*call.literal) + "::" + std::string(type);
      return with_parts(std::move(call));
    }
    if (std::find(k_other_lookups.begin(), k_other_lookups.end(), type) != k_other_lookups.end()) {
      return LookupCall{};
    }
  }
  return std::nullopt;
}

Verdict judge_lookup(const LookupCall& call, const GuardTarget& target, bool explain,
                     const std::vector<Transient>* transients = nullptr) {
  if (call.lookup == nullptr || !call.literal || !call.parts) return Verdict{true, true, ""};
  const std::vector<std::string>& parts = *call.parts;
  if (!call.lookup->holds(target)) {
    if (!explain) return Verdict{false, false, ""};
    return Verdict{false, false,
                   "the guard tests " + call.shown + ", which finds only " +
                       std::string(call.lookup->lists) + ", not " +
                       std::string(to_string(target.object.kind)) + " " +
                       quote_if_folded(target.object.name)};
  }
  auto misses = [&](Role role) {
    return Verdict{false, false,
                   explain ? "the guard tests " + call.shown + ", but " + described(target, role)
                           : std::string()};
  };
  Expected names = expected(target, Role::name, transients);
  const Transient* left = names.gone();
  if (left == nullptr && names.known && !names.has(parts.back())) {
    left = names.left_missing(parts.back());
    if (left == nullptr) return misses(Role::name);
  }
  if (left != nullptr) {
    return Verdict{false, false, explain ? left_missing_why(call.shown, *left) : std::string()};
  }
  Expected schemas = expected(target, Role::schema);
  if (parts.size() >= 2 && schemas.known && !schemas.has(parts[parts.size() - 2])) {
    return misses(Role::schema);
  }
  if (parts.size() == 1 && !target.on_path) {
    if (!explain) return Verdict{false, false, ""};
    return Verdict{false, false,
                   "the guard tests " + call.shown +
                       ", which looks the name up along the search path, but " +
                       described(target, Role::schema) +
                       ", which the search path set before it does not hold"};
  }
  return Verdict{false, true, ""};
}

bool reads_relation(const Node& test) {
  bool found = false;
  walk(test, [&](const Node& node) {
    found = found || node.is("RangeVar");
    return !found;
  });
  return found;
}

}  // namespace

namespace {

// What a test's verdict on a target depends on besides the target's names: its kind and
// flags, and which of its names it has (see expected()).
std::uint64_t signature(const GuardTarget& t) {
  std::uint64_t key = static_cast<std::uint64_t>(t.object.kind);
  key = key << 8 | static_cast<unsigned char>(t.contype);
  auto bit = [&](bool value) { key = key << 1 | (value ? 1 : 0); };
  bit(t.composite);
  bit(t.login);
  bit(t.member);
  bit(t.old_name);
  bit(t.schema_given);
  bit(t.on_path);
  bit(t.object.name.empty());
  bit(t.new_name.empty());
  bit(t.object.parent.empty());
  bit(t.object.schema.empty());
  bit(t.new_schema.empty());
  bit(t.new_parent.empty());
  return key;
}

// Each name a target may be found by.
template <typename F>
void each_name(const GuardTarget& t, F&& f) {
  for (const std::string* value : {&t.object.name, &t.new_name, &t.object.parent, &t.new_parent,
                                   &t.object.schema, &t.new_schema}) {
    if (!value->empty()) f(std::string_view(*value));
  }
}

}  // namespace

void TargetIndex::add(const GuardTarget& target, const Statement* owner) {
  Entry entry{&target, owner};
  auto [group, added] = m_group_of.emplace(signature(target), m_groups.size());
  if (added) m_groups.emplace_back();
  m_groups[group->second].push_back(entry);
  std::string_view last;
  each_name(target, [&](std::string_view value) {
    if (value == last) return;  // a target listed once under each of its names
    last = value;
    m_named[value].push_back(entry);
  });
}

const std::vector<TargetIndex::Entry>& TargetIndex::named(std::string_view value) const {
  static const std::vector<Entry> none;
  auto found = m_named.find(value);
  return found == m_named.end() ? none : found->second;
}

std::optional<std::string> guard_mismatch(
    const Node& test, const std::vector<const GuardTarget*>& targets, const TargetIndex* others,
    const std::function<bool(const TargetIndex::Entry&)>& skip,
    const std::vector<Transient>* transients) {
  if (transients != nullptr && transients->empty()) transients = nullptr;
  if (!test.valid() || targets.empty()) return std::nullopt;
  std::vector<Scope> scopes;
  std::vector<LookupCall> lookups;
  walk(test, [&](const Node& node) {
    if (is_scope(node)) scopes.push_back(read_scope(node));
    return true;
  });
  // Lookups on their own; those inside a SELECT ... FROM are part of its conditions
  // (conrelid = 'orders'::regclass).
  walk(test, [&](const Node& node) {
    if (is_scope(node)) return false;
    if (auto call = lookup_call(node)) {
      lookups.push_back(*call);
      return false;
    }
    return true;
  });
  if (scopes.empty() && lookups.empty()) return std::nullopt;
  if (scopes.empty() && reads_relation(test)) return std::nullopt;
  // Every name the test writes: a target none of whose names is here gets the same verdict as
  // any other target of its group.
  std::unordered_set<std::string_view> written;
  for (const Scope& scope : scopes) {
    for (const Scope::Use& use : scope.uses)
      written.insert(use.literals.begin(), use.literals.end());
  }
  for (const LookupCall& call : lookups) {
    if (call.parts) written.insert(call.parts->begin(), call.parts->end());
  }
  auto unwritten = [&](const GuardTarget& t) {
    bool any = false;
    each_name(t, [&](std::string_view value) { any = any || written.count(value) != 0; });
    return !any;
  };
  auto usable = [&](const TargetIndex::Entry& entry) { return !skip || !skip(entry); };
  std::optional<std::string> why;
  // Why a target that the test would find is not there after the first run: said rather than
  // `why`, which is only about the first target.
  std::optional<std::string> why_missing;
  enum class Found : std::uint8_t { yes, no, left_missing };
  auto consider = [&](const auto& judge) {
    auto finds = [&](const GuardTarget& t) {
      Verdict verdict = judge(t, false, transients);
      if (verdict.unknown || verdict.finds) return Found::yes;
      if (transients == nullptr) return Found::no;
      Verdict anyway = judge(t, false, nullptr);
      if (!anyway.unknown && !anyway.finds) return Found::no;
      if (!why_missing) why_missing = judge(t, true, transients).why;
      return Found::left_missing;
    };
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (finds(*targets[i]) == Found::yes) return true;
      if (i == 0 && !why) why = judge(*targets[i], true, transients).why;
    }
    if (others == nullptr) return false;
    for (std::string_view value : written) {
      for (const TargetIndex::Entry& entry : others->named(value)) {
        if (usable(entry) && finds(*entry.target) == Found::yes) return true;
      }
    }
    for (const auto& group : others->groups()) {
      for (const TargetIndex::Entry& entry : group) {
        if (!usable(entry) || !unwritten(*entry.target)) continue;
        Found found = finds(*entry.target);
        if (found == Found::yes) return true;
        // The group's other targets that the test does not name fare the same (those a
        // transient leaves missing no better), unless a transient left this one missing.
        if (found == Found::no) break;
      }
    }
    return false;
  };
  for (const Scope& scope : scopes) {
    if (consider([&](const GuardTarget& t, bool explain, const std::vector<Transient>* left) {
          return judge_scope(scope, t, explain, left);
        })) {
      return std::nullopt;
    }
  }
  for (const LookupCall& call : lookups) {
    if (consider([&](const GuardTarget& t, bool explain, const std::vector<Transient>* left) {
          return judge_lookup(call, t, explain, left);
        })) {
      return std::nullopt;
    }
  }
  return why_missing ? why_missing : why;
}

std::optional<FailedLookup> failed_lookup(const Node& query,
                                          const std::vector<GuardTarget>& targets) {
  // SELECT 'x'::regclass, and nothing else.
  Node select = query;
  walk(query, [&](const Node& node) {
    if (!select.is("SelectStmt") && node.is("SelectStmt")) select = node;
    return !select.is("SelectStmt");
  });
  if (!select.is("SelectStmt") || select.has("fromClause") || select.has("whereClause")) {
    return std::nullopt;
  }
  NodeList list = select.list("targetList");
  if (list.size() != 1) return std::nullopt;
  Node value = list.front().get("val");
  if (!value.is("TypeCast")) return std::nullopt;
  auto call = lookup_call(value);
  if (!call || call->lookup == nullptr || !call->literal) return std::nullopt;
  FailedLookup result{call->lookup->sqlstate, false};
  for (const GuardTarget& target : targets) {
    Verdict verdict = judge_lookup(*call, target, false);
    result.finds_target = result.finds_target || (verdict.finds && !verdict.unknown);
  }
  return result;
}

std::vector<GuardTarget> guard_targets(const Statement& statement, bool old_names) {
  ObjectResolver resolver;
  std::vector<Effect> effects = resolver.effects(statement);
  std::vector<GuardTarget> targets;
  const Node& node = statement.node;
  bool login = true;
  if (node.is("CreateRoleStmt")) {
    login = node.str("stmt_type") == "ROLESTMT_USER";
    for (Node option : node.list("options")) {
      if (option.str("defname") != "canlogin") continue;
      Node arg = option.get("arg");
      login = arg.is("Boolean") ? arg.flag("boolval") : arg.as_int() != 0;
    }
  }
  for (const Effect& effect : effects) {
    GuardTarget target;
    target.object = effect.object;
    target.schema_given = effect.schema_given;
    target.contype = effect.contype;
    target.action = effect.action;
    target.may_exist = effect.if_not_exists || effect.or_replace;
    if (effect.action == Action::rename) {
      target.new_name = effect.new_name;
      target.new_schema = effect.new_schema;
      target.old_name = old_names;
    }
    // A composite type, or an attribute of one (ALTER TYPE ... RENAME ATTRIBUTE).
    target.composite = (node.is("CompositeTypeStmt") && effect.object.kind == ObjectKind::type) ||
                       (node.is("RenameStmt") && node.str("renameType") == "OBJECT_ATTRIBUTE" &&
                        effect.object.kind == ObjectKind::column);
    target.login = effect.object.kind != ObjectKind::role || !node.is("CreateRoleStmt") || login;
    targets.push_back(std::move(target));
  }
  // The main object first: what the statement creates, drops or renames, rather than the table
  // an ALTER TABLE alters or what comes with it.
  std::vector<GuardTarget> ordered;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < effects.size(); ++i) {
      const Effect& e = effects[i];
      bool main = e.action != Action::alter && e.action != Action::use && !e.implicit && !e.part;
      if ((pass == 0) == main) ordered.push_back(targets[i]);
    }
  }
  // ALTER TYPE t ADD | DROP | ALTER ATTRIBUTE a: the attribute first (information_schema.attributes
  // lists it), then the type.
  if (node.is("AlterTableStmt") && node.str("objtype") == "OBJECT_TYPE" && !ordered.empty()) {
    std::vector<GuardTarget> attributes;
    for (Node command : node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      bool add = subtype == "AT_AddColumn";
      if (!add && subtype != "AT_DropColumn" && subtype != "AT_AlterColumnType") continue;
      std::string name =
          truncate_identifier(add ? command.get("def").str("colname") : command.str("name"));
      if (name.empty()) continue;
      GuardTarget attribute = ordered.front();
      attribute.object.kind = ObjectKind::column;
      attribute.object.parent = attribute.object.name;
      attribute.object.name = std::move(name);
      attribute.composite = true;
      attribute.action = add                          ? Action::create
                         : subtype == "AT_DropColumn" ? Action::drop
                                                      : Action::alter;
      attributes.push_back(std::move(attribute));
    }
    ordered.insert(ordered.begin(), attributes.begin(), attributes.end());
  }
  // ALTER PUBLICATION p ADD | SET | DROP TABLE t: t's membership of p (what
  // pg_publication_tables lists) stands for the publication, which it names too.
  if (node.is("AlterPublicationStmt")) {
    std::vector<GuardTarget> members;
    for (Node spec : node.list("pubobjects")) {
      if (spec.str("pubobjtype") != "PUBLICATIONOBJ_TABLE") return ordered;  // TABLES IN SCHEMA
      RelationName table = relation_name(spec.get("pubtable").get("relation"));
      if (table.name.empty()) return ordered;
      GuardTarget member;
      member.object.kind = ObjectKind::publication;
      member.object.name = truncate_identifier(node.str("pubname"));
      member.object.parent = truncate_identifier(table.name);
      member.object.schema = truncate_identifier(table.schema);
      member.schema_given = !table.schema.empty();
      member.member = true;
      member.action = node.str("action") == "AP_DropObjects" ? Action::drop : Action::create;
      members.push_back(std::move(member));
    }
    if (members.empty()) return ordered;
    ordered.erase(std::remove_if(ordered.begin(), ordered.end(),
                                 [](const GuardTarget& t) {
                                   return t.object.kind == ObjectKind::publication;
                                 }),
                  ordered.end());
    ordered.insert(ordered.begin(), members.begin(), members.end());
  }
  return ordered;
}

}  // namespace sqlgate::lint
