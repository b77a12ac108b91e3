// guard-create: statements that create something and have no IF NOT EXISTS / OR REPLACE form
// (CREATE TYPE, DOMAIN, POLICY, ROLE, CAST, PUBLICATION, CONSTRAINT TRIGGER, ...), unless a DO
// block guards them.
#include "lint/builtins.h"
#include "lint/catalog.h"
#include "lint/guard_match.h"
#include "lint/objects.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

struct Candidate {
  std::string statement;  // "CREATE TYPE"
  std::string noun;
  std::string object;
  std::string shown;  // the statement as messages show it, when not "statement object"
  Node relation;      // the table it is on, when it is on one
  std::optional<ObjectKey> key;
  bool drop_guards = false;  // nothing can depend on it: a DROP first makes it re-runnable
  std::string test;          // a catalog test that tells whether it exists
  bool no_block = false;     // cannot run inside a DO block (or a transaction)
};

// Without pg_catalog., as type names are written (and a regtype reads them: "Role" quoted).
std::string type_display(const Node& type_name) {
  std::string name;
  for (Node part : type_name.list("names")) {
    if (!name.empty()) name += ".";
    name += lint::quote_if_folded(part.as_str());
  }
  if (name.starts_with("pg_catalog.")) name.erase(0, 11);
  return name;
}

Candidate type_candidate(std::string statement, const QualifiedName& name,
                         std::string_view form = "") {
  Candidate c;
  c.statement = std::move(statement);
  c.noun = "type";
  c.object = name.display();
  if (!form.empty()) c.shown = c.statement + " " + c.object + " " + std::string(form);
  c.key = ObjectKey{ObjectKind::type, name, {}};
  c.test = "to_regtype(" + sql_literal(name.lookup()) + ") IS NULL";
  return c;
}

std::optional<Candidate> candidate(const Node& node) {
  std::string_view kind = node.kind();
  Candidate c;
  auto plain = [&](std::string statement, std::string noun, std::string object, std::string test) {
    c.statement = std::move(statement);
    c.noun = std::move(noun);
    c.object = std::move(object);
    c.test = std::move(test);
    return c;
  };
  if (kind == "CreateEnumStmt") {
    return type_candidate("CREATE TYPE", name_of(node.list("typeName")), "AS ENUM");
  }
  if (kind == "CreateRangeStmt") {
    return type_candidate("CREATE TYPE", name_of(node.list("typeName")), "AS RANGE");
  }
  if (kind == "CompositeTypeStmt") {
    return type_candidate("CREATE TYPE", name_of(node.get("typevar")), "AS (...)");
  }
  if (kind == "DefineStmt" && node.str("kind") == "OBJECT_TYPE") {
    return type_candidate("CREATE TYPE", name_of(node.list("defnames")));
  }
  if (kind == "CreateDomainStmt") {
    Candidate domain = type_candidate("CREATE DOMAIN", name_of(node.list("domainname")));
    domain.noun = "domain";
    return domain;
  }
  if (kind == "CreateRoleStmt") {
    std::string_view type = node.str("stmt_type");
    std::string word = type == "ROLESTMT_USER"    ? "USER"
                       : type == "ROLESTMT_GROUP" ? "GROUP"
                                                  : "ROLE";
    std::string name(node.str("role"));
    plain("CREATE " + word, "role", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + sql_literal(name) + ")");
    c.key = ObjectKey{ObjectKind::role, QualifiedName{"", name}, {}};
    return c;
  }
  if (kind == "CreatePolicyStmt") {
    c.relation = node.get("table");
    std::string name(node.str("policy_name"));
    plain("CREATE POLICY", "policy", name + " ON " + name_of(c.relation).display(),
          "NOT EXISTS (SELECT FROM pg_catalog.pg_policies WHERE policyname = " + sql_literal(name) +
              " AND tablename = " + sql_literal(c.relation.str("relname")) + ")");
    c.key = ObjectKey{ObjectKind::policy, QualifiedName{"", name}, name_of(c.relation)};
    c.drop_guards = true;
    return c;
  }
  if (kind == "CreateTrigStmt" && node.flag("isconstraint") && !node.flag("replace")) {
    c.relation = node.get("relation");
    std::string name(node.str("trigname"));
    plain("CREATE CONSTRAINT TRIGGER", "trigger", name + " ON " + name_of(c.relation).display(),
          "NOT EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgname = " + sql_literal(name) +
              " AND tgrelid = " + sql_literal(name_of(c.relation).lookup()) + "::regclass)");
    c.key = ObjectKey{ObjectKind::trigger, QualifiedName{"", name}, name_of(c.relation)};
    c.drop_guards = true;
    return c;
  }
  if (kind == "CreateEventTrigStmt") {
    std::string name(node.str("trigname"));
    plain("CREATE EVENT TRIGGER", "event trigger", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = " +
              sql_literal(name) + ")");
    c.key = ObjectKey{ObjectKind::event_trigger, QualifiedName{"", name}, {}};
    c.drop_guards = true;
    return c;
  }
  if (kind == "CreateCastStmt") {
    std::string source = type_display(node.get("sourcetype"));
    std::string target = type_display(node.get("targettype"));
    plain("CREATE CAST", "cast", "(" + source + " AS " + target + ")",
          "NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = " + sql_literal(source) +
              "::regtype AND casttarget = " + sql_literal(target) + "::regtype)");
    return c;
  }
  if (kind == "CreatePublicationStmt") {
    std::string name(node.str("pubname"));
    plain("CREATE PUBLICATION", "publication", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_publication WHERE pubname = " + sql_literal(name) +
              ")");
    c.key = ObjectKey{ObjectKind::publication, QualifiedName{"", name}, {}};
    return c;
  }
  if (kind == "CreateSubscriptionStmt") {
    std::string name(node.str("subname"));
    plain("CREATE SUBSCRIPTION", "subscription", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_subscription WHERE subname = " +
              sql_literal(name) + ")");
    c.no_block = true;
    return c;
  }
  if (kind == "DefineStmt") {
    std::string_view object = node.str("kind");
    std::string name = name_of(node.list("defnames")).display();
    if (object == "OBJECT_OPERATOR") {
      return plain("CREATE OPERATOR", "operator", name,
                   "NOT EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprname = " +
                       sql_literal(name_of(node.list("defnames")).name) + ")");
    }
    struct TextSearch {
      std::string_view kind, noun, catalog;
      ObjectKind key;
    };
    constexpr TextSearch k_text_search[] = {
        {"OBJECT_TSPARSER", "parser", "pg_ts_parser WHERE prsname", ObjectKind::text_search_parser},
        {"OBJECT_TSDICTIONARY", "dictionary", "pg_ts_dict WHERE dictname",
         ObjectKind::text_search_dictionary},
        {"OBJECT_TSTEMPLATE", "template", "pg_ts_template WHERE tmplname",
         ObjectKind::text_search_template},
        {"OBJECT_TSCONFIGURATION", "configuration", "pg_ts_config WHERE cfgname",
         ObjectKind::text_search_configuration},
    };
    const TextSearch* form = nullptr;
    for (const auto& known : k_text_search) {
      if (known.kind == object) form = &known;
    }
    if (form == nullptr) return std::nullopt;
    std::string noun(form->noun);
    std::string upper = noun;
    for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
    plain("CREATE TEXT SEARCH " + upper, "text search " + noun, name,
          "NOT EXISTS (SELECT FROM pg_catalog." + std::string(form->catalog) + " = " +
              sql_literal(name_of(node.list("defnames")).name) + ")");
    c.key = ObjectKey{form->key, name_of(node.list("defnames")), {}};
    return c;
  }
  if (kind == "CreateConversionStmt") {
    std::string name = name_of(node.list("conversion_name")).display();
    return plain("CREATE CONVERSION", "conversion", name,
                 "NOT EXISTS (SELECT FROM pg_catalog.pg_conversion WHERE conname = " +
                     sql_literal(name_of(node.list("conversion_name")).name) + ")");
  }
  if (kind == "CreateOpClassStmt" || kind == "CreateOpFamilyStmt") {
    bool family = kind == "CreateOpFamilyStmt";
    std::string name = name_of(node.list(family ? "opfamilyname" : "opclassname")).display();
    return plain(family ? "CREATE OPERATOR FAMILY" : "CREATE OPERATOR CLASS",
                 family ? "operator family" : "operator class", name,
                 std::string("NOT EXISTS (SELECT FROM pg_catalog.") +
                     (family ? "pg_opfamily WHERE opfname = " : "pg_opclass WHERE opcname = ") +
                     sql_literal(name_of(node.list(family ? "opfamilyname" : "opclassname")).name) +
                     ")");
  }
  if (kind == "CreateAmStmt") {
    std::string name(node.str("amname"));
    return plain(
        "CREATE ACCESS METHOD", "access method", name,
        "NOT EXISTS (SELECT FROM pg_catalog.pg_am WHERE amname = " + sql_literal(name) + ")");
  }
  if (kind == "CreateFdwStmt") {
    std::string name(node.str("fdwname"));
    return plain("CREATE FOREIGN DATA WRAPPER", "foreign-data wrapper", name,
                 "NOT EXISTS (SELECT FROM pg_catalog.pg_foreign_data_wrapper WHERE fdwname = " +
                     sql_literal(name) + ")");
  }
  if (kind == "ImportForeignSchemaStmt") {
    plain("IMPORT FOREIGN SCHEMA", "foreign table",
          std::string(node.str("remote_schema")) + " INTO " + std::string(node.str("local_schema")),
          "NOT EXISTS (SELECT FROM information_schema.foreign_tables WHERE "
          "foreign_table_schema = " +
              sql_literal(node.str("local_schema")) + ")");
    return c;
  }
  if (kind == "CreateTableSpaceStmt" || kind == "CreatedbStmt") {
    bool database = kind == "CreatedbStmt";
    plain(database ? "CREATE DATABASE" : "CREATE TABLESPACE", database ? "database" : "tablespace",
          std::string(node.str(database ? "dbname" : "tablespacename")), "");
    c.no_block = true;
    return c;
  }
  if (kind == "AlterExtensionContentsStmt" && node.num("action") > 0) {
    plain("ALTER EXTENSION", "member", std::string(node.str("extname")),
          "NOT EXISTS (SELECT FROM pg_catalog.pg_depend WHERE deptype = 'e' AND ...)");
    c.shown = "ALTER EXTENSION " + c.object + " ADD " + object_display(node.get("object"));
    return c;
  }
  if (kind == "AlterOpFamilyStmt" && !node.flag("isDrop")) {
    std::string name = name_of(node.list("opfamilyname")).display();
    plain("ALTER OPERATOR FAMILY", "member", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_amop WHERE amopfamily = (SELECT oid FROM "
          "pg_catalog.pg_opfamily WHERE opfname = " +
              sql_literal(name_of(node.list("opfamilyname")).name) + ") AND ...)");
    c.shown =
        "ALTER OPERATOR FAMILY " + name + " USING " + std::string(node.str("amname")) + " ADD ...";
    return c;
  }
  if (kind == "AlterSubscriptionStmt" && node.str("kind") == "ALTER_SUBSCRIPTION_ADD_PUBLICATION") {
    std::string name(node.str("subname"));
    std::string publications = lint::join_names(node.list("publication"), ", ");
    plain("ALTER SUBSCRIPTION", "publication", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_subscription WHERE subname = " +
              sql_literal(name) + " AND " + sql_literal(node.list("publication").front().as_str()) +
              " = ANY (subpublications))");
    c.shown = "ALTER SUBSCRIPTION " + name + " ADD PUBLICATION " + publications;
    return c;
  }
  if (kind == "AlterTSConfigurationStmt" && node.str("kind") == "ALTER_TSCONFIG_ADD_MAPPING") {
    std::string name = name_of(node.list("cfgname")).display();
    std::string tokens = lint::join_names(node.list("tokentype"), ", ");
    plain("ALTER TEXT SEARCH CONFIGURATION", "mapping", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.pg_ts_config c "
          "ON c.oid = m.mapcfg WHERE c.cfgname = " +
              sql_literal(name_of(node.list("cfgname")).name) + " AND ...)");
    c.shown = "ALTER TEXT SEARCH CONFIGURATION " + name + " ADD MAPPING FOR " + tokens;
    return c;
  }
  if (kind == "AlterForeignServerStmt" || kind == "AlterFdwStmt" ||
      kind == "AlterUserMappingStmt") {
    auto option = option_added(node.list("options"));
    if (!option) return std::nullopt;
    std::string what = options_owner(node);
    plain(what, "option", *option,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_options_to_table(<its options column>) WHERE "
          "option_name = " +
              sql_literal(*option) + ")");
    c.shown = what + " OPTIONS (ADD " + *option + " ...)";
    return c;
  }
  // ALTER PUBLICATION p SET (options) parses as AP_AddObjects with no objects: re-runnable.
  if (kind == "AlterPublicationStmt" && node.str("action") == "AP_AddObjects" &&
      !node.list("pubobjects").empty()) {
    std::string name(node.str("pubname"));
    // A table by the names pg_publication_tables lists it with (schemaname public when none is
    // written, as the search path usually has it).
    std::string member = " AND ...";
    Node first = node.list("pubobjects").front();
    if (first.str("pubobjtype") == "PUBLICATIONOBJ_TABLE") {
      QualifiedName table = name_of(first.get("pubtable").get("relation"));
      member = " AND schemaname = " + sql_literal(table.schema.empty() ? "public" : table.schema) +
               " AND tablename = " + sql_literal(table.name);
    }
    plain("ALTER PUBLICATION", "member", name,
          "NOT EXISTS (SELECT FROM pg_catalog.pg_publication_tables WHERE pubname = " +
              sql_literal(name) + member + ")");
    c.shown = "ALTER PUBLICATION " + name + " ADD ...";
    return c;
  }
  return std::nullopt;
}

// A statement a DO block runs that makes an object whose name pg_catalog's own objects of that
// kind share: an operator, a function or aggregate, a type, a cast. A catalog test that looks
// the name up and constrains nothing else finds pg_catalog's object before the first run.
struct Shared {
  std::string_view catalog;  // "pg_operator", "pg_proc", "pg_type", "pg_cast"
  std::string name;          // the name the test must not compare alone
  std::string source;        // a cast's types, canonical
  std::string target;
  std::string shown;   // "CREATE OPERATOR +"
  std::string noun;    // "operator"
  std::string test;    // a test that finds only this object
  std::string schema;  // a type's schema, when the statement writes it
};

// `any_type`: a type or domain whatever its name (the earlier migrations may have made one of
// that name in another schema), not only one of pg_catalog's names.
std::optional<Shared> shared_name(const Statement& statement, bool any_type = false) {
  const Node& node = statement.node;
  Shared s;
  if (node.is("CreateCastStmt")) {
    s.catalog = "pg_cast";
    s.source = lint::canonical_type(node.get("sourcetype"));
    s.target = lint::canonical_type(node.get("targettype"));
    s.shown = "CREATE CAST (" + type_display(node.get("sourcetype")) + " AS " +
              type_display(node.get("targettype")) + ")";
    s.noun = "cast";
    s.test = "NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = " +
             sql_literal(type_display(node.get("sourcetype"))) +
             "::regtype AND casttarget = " + sql_literal(type_display(node.get("targettype"))) +
             "::regtype)";
    return s;
  }
  auto targets = lint::guard_targets(statement);
  if (targets.empty() || targets.front().action != lint::Action::create) return std::nullopt;
  const lint::GuardTarget& made = targets.front();
  const lint::ObjectRef& object = made.object;
  s.name = object.name;
  if (object.kind == lint::ObjectKind::operator_ && node.is("DefineStmt")) {
    if (!lint::is_builtin_operator(s.name)) return std::nullopt;
    std::string left = "NONE";
    std::string right = "NONE";
    for (Node element : node.list("definition")) {
      std::string_view option = element.str("defname");
      if (option == "leftarg") left = lint::canonical_type(element.get("arg"));
      if (option == "rightarg") right = lint::canonical_type(element.get("arg"));
    }
    std::string signature = name_of(node.list("defnames")).display();
    signature += "(";
    signature += left;
    signature += ",";
    signature += right;
    signature += ")";
    s.catalog = "pg_operator";
    s.shown = "CREATE OPERATOR " + s.name;
    s.noun = "operator";
    s.test = "to_regoperator(" + sql_literal(signature) + ") IS NULL";
    return s;
  }
  if (lint::is_routine(object.kind)) {
    if (!lint::is_pg15_function(s.name)) return std::nullopt;
    std::string signature = object.schema.empty() || !made.schema_given
                                ? object.name
                                : object.schema + "." + object.name;
    signature += "(";
    signature += object.args.value_or("");
    signature += ")";
    s.catalog = "pg_proc";
    s.noun = std::string(lint::to_string(object.kind));
    std::string upper = s.noun;
    for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
    s.shown = "CREATE " + upper + " " + s.name;
    s.test = "to_regprocedure(" + sql_literal(signature) + ") IS NULL";
    return s;
  }
  if (object.kind == lint::ObjectKind::type || object.kind == lint::ObjectKind::domain) {
    if (!any_type &&
        (!lint::is_builtin_type_name(s.name) || s.name.find("serial") != std::string::npos)) {
      return std::nullopt;
    }
    s.schema = made.schema_given ? object.schema : std::string();
    s.catalog = "pg_type";
    s.noun = std::string(lint::to_string(object.kind));
    s.shown = (object.kind == lint::ObjectKind::domain ? "CREATE DOMAIN " : "CREATE TYPE ") +
              (made.schema_given ? object.schema + "." + s.name : s.name);
    s.test = "NOT EXISTS (SELECT FROM pg_catalog.pg_type WHERE typname = " + sql_literal(s.name) +
             " AND typnamespace = " +
             (made.schema_given ? sql_literal(object.schema) + "::regnamespace"
                                : std::string("current_schema()::regnamespace")) +
             ")";
    return s;
  }
  return std::nullopt;
}

// The type name a literal cast to regtype (or oid) holds, canonical for the common spellings.
std::optional<std::string> regtype_literal(Node value) {
  bool regtype = false;
  while (value.is("TypeCast")) {
    std::string_view type = value.get("typeName").list("names").back().as_str();
    if (type == "regtype") regtype = true;
    value = value.get("arg");
  }
  if (!regtype || !value.is("A_Const") || !value.has("sval")) return std::nullopt;
  std::string name(value.get("sval").str("sval"));
  if (name.starts_with("pg_catalog.")) name.erase(0, 11);
  constexpr std::pair<std::string_view, std::string_view> k_aliases[] = {
      {"integer", "int4"},
      {"int", "int4"},
      {"bigint", "int8"},
      {"smallint", "int2"},
      {"boolean", "bool"},
      {"real", "float4"},
      {"double precision", "float8"},
      {"character varying", "varchar"},
      {"decimal", "numeric"},
      {"timestamp with time zone", "timestamptz"},
      {"timestamp without time zone", "timestamp"},
      {"time with time zone", "timetz"},
      {"time without time zone", "time"},
      {"bit varying", "varbit"}};
  for (const auto& [alias, canonical] : k_aliases) {
    if (name == alias) return std::string(canonical);
  }
  return name;
}

// The columns a subquery's WHERE compares with literals: nothing when the subquery reads more
// than one catalog, or its WHERE holds anything but `column = literal` joined by AND.
struct Lookup {
  std::string catalog;
  std::vector<std::pair<std::string, Node>> equals;  // column, the literal side
};

std::optional<Lookup> catalog_lookup(const Node& select) {
  if (!select.is("SelectStmt") || select.list("fromClause").size() != 1) return std::nullopt;
  Node from = select.list("fromClause").front();
  if (!from.is("RangeVar")) return std::nullopt;
  std::string_view schema = from.str("schemaname");
  if (!schema.empty() && schema != "pg_catalog") return std::nullopt;
  Lookup lookup{std::string(from.str("relname")), {}};
  std::vector<Node> conjuncts{select.get("whereClause")};
  while (!conjuncts.empty()) {
    Node term = conjuncts.back();
    conjuncts.pop_back();
    if (!term.valid()) return std::nullopt;
    if (term.is("BoolExpr") && term.str("boolop") == "AND_EXPR") {
      for (Node arg : term.list("args")) conjuncts.push_back(arg);
      continue;
    }
    if (!term.is("A_Expr") || term.str("kind") != "AEXPR_OP" ||
        term.list("name").back().as_str() != "=") {
      return std::nullopt;
    }
    Node column = term.get("lexpr");
    Node value = term.get("rexpr");
    if (!column.is("ColumnRef")) std::swap(column, value);
    if (!column.is("ColumnRef") || value.is("ColumnRef")) return std::nullopt;
    Node field = column.list("fields").back();
    if (!field.is("String")) return std::nullopt;
    lookup.equals.emplace_back(std::string(field.as_str()), value);
  }
  return lookup;
}

// The literal string a value holds (possibly cast to text or name).
std::optional<std::string> name_literal(Node value) {
  while (value.is("TypeCast")) {
    std::string_view type = value.get("typeName").list("names").back().as_str();
    if (type != "text" && type != "name" && type != "varchar") return std::nullopt;
    value = value.get("arg");
  }
  if (!value.is("A_Const") || !value.has("sval")) return std::nullopt;
  return std::string(value.get("sval").str("sval"));
}

// What pg_catalog's own objects that the lookup finds are ("pg_catalog's own + operators"), when
// it constrains nothing that tells the statement's object apart from them.
// `tested` receives the literal it compares with, as SQL.
std::optional<std::string> finds_builtin(const Lookup& lookup, const Shared& shared,
                                         std::string& tested) {
  if (lookup.catalog != shared.catalog || lookup.equals.empty()) return std::nullopt;
  if (shared.catalog == "pg_cast") {
    std::string side;
    std::string type;
    for (const auto& [column, value] : lookup.equals) {
      if (column != "castsource" && column != "casttarget") return std::nullopt;
      if (!side.empty() && side != column) return std::nullopt;
      auto literal = regtype_literal(value);
      if (!literal) return std::nullopt;
      side = column;
      type = *literal;
    }
    bool target = side == "casttarget";
    if (type != (target ? shared.target : shared.source)) return std::nullopt;
    if (!lint::builtin_cast_with(type, target)) return std::nullopt;
    tested = sql_literal(type) + "::regtype";
    return std::string("pg_catalog's own casts ") + (target ? "to " : "from ") + type;
  }
  std::string_view name_column = shared.catalog == "pg_operator" ? "oprname"
                                 : shared.catalog == "pg_proc"   ? "proname"
                                                                 : "typname";
  for (const auto& [column, value] : lookup.equals) {
    if (column != name_column) return std::nullopt;
    auto literal = name_literal(value);
    if (!literal || *literal != shared.name) return std::nullopt;
  }
  tested = sql_literal(shared.name);
  if (shared.catalog == "pg_operator") return "pg_catalog's own " + shared.name + " operators";
  if (shared.catalog == "pg_proc") return "pg_catalog's own " + shared.name + "()";
  return "pg_catalog's own type " + shared.name;
}

// A type (a domain, or a relation's row type) of the name in another schema than the one a CREATE
// TYPE or CREATE DOMAIN makes it in ("public" when it writes none), that the migrations made
// before the statement: a test of pg_type's typname alone finds it ("type public.invoice_status,
// which an earlier migration made"). Nothing for a down, or when there is none.
std::optional<std::string> made_elsewhere(FileScope& scope, const Statement& statement,
                                          const Shared& shared) {
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  auto ordinal = context.file.ordinal(statement);
  if (catalog == nullptr || !ordinal || context.direction() != lint::Direction::up ||
      !catalog->replay(context.index).replayed) {
    return std::nullopt;
  }
  lint::Tick at = catalog->before_statement(context.index, *ordinal);
  std::string schema = shared.schema.empty() ? std::string("public") : shared.schema;
  // One of the name in its own schema: the test finds it too, and rightly skips the CREATE.
  if (catalog->find(lint::Catalog::NameRef(lint::ObjectKind::type, schema, {}, shared.name), at) !=
          lint::k_no_object ||
      catalog->find(lint::Catalog::NameRef(lint::ObjectKind::table, schema, {}, shared.name), at) !=
          lint::k_no_object) {
    return std::nullopt;
  }
  // The first made of those in the other schemas (looked up by name in each, not by a pass over
  // every object: this runs for every such guard of the set).
  lint::ObjectId first = lint::k_no_object;
  for (const std::string& other : catalog->schemas()) {
    if (other == schema) continue;
    for (lint::ObjectKind kind :
         {lint::ObjectKind::type, lint::ObjectKind::domain, lint::ObjectKind::table,
          lint::ObjectKind::view, lint::ObjectKind::materialized_view,
          lint::ObjectKind::foreign_table}) {
      lint::ObjectId id = catalog->find(lint::Catalog::NameRef(kind, other, {}, shared.name), at);
      if (id != lint::k_no_object && id < first) first = id;
    }
  }
  if (first == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject* elsewhere = &catalog->object(first);
  const lint::ObjectRef& ref = elsewhere->ref_at(at);
  lint::ObjectKind kind = elsewhere->kind();
  std::string by = elsewhere->created.file == context.index ? "this migration made before it"
                                                            : "an earlier migration made";
  return std::string(lint::is_relation(kind) ? "the row type of " : "") +
         std::string(lint::to_string(kind)) + " " + lint::sql_name(ref.schema, ref.name) +
         ", which " + by;
}

// A to_regtype('name') test, the name without a schema, under a search path the file set (before
// the DO block) that lists another schema where the migrations made a type, domain or relation
// of the name before the statement, while the schema the CREATE makes it in (the one it writes,
// else the first on the path that exists) has none: the lookup finds that one. What it finds,
// and the path, as words; nothing for a down, or when unsure.
std::optional<std::string> found_along_path(FileScope& scope, const Statement& statement,
                                            const Shared& shared, const Node& call) {
  const lint::FileContext& context = scope.context();
  const lint::Catalog* catalog = context.project.catalog();
  auto ordinal = context.file.ordinal(statement);
  lint::NodeList names = call.list("funcname");
  lint::NodeList args = call.list("args");
  if (catalog == nullptr || !ordinal || context.direction() != lint::Direction::up ||
      !catalog->replay(context.index).replayed || shared.catalog != "pg_type" ||
      names.back().as_str() != "to_regtype" || args.size() != 1 || !args.front().is("A_Const") ||
      !args.front().has("sval")) {
    return std::nullopt;
  }
  std::vector<std::string> parts = lint::text_name_parts(args.front().get("sval").str("sval"));
  if (parts.size() != 1 || parts.front() != shared.name) return std::nullopt;
  // The path the file set before the DO block.
  std::optional<std::vector<std::string>> path;
  const auto& statements = context.file.statements();
  for (std::size_t i = 0; i < statements.size() && i < static_cast<std::size_t>(statement.parent);
       ++i) {
    if (auto change = lint::search_path_change(statements[i].node)) path = change->path;
  }
  if (!path) return std::nullopt;
  lint::Tick at = catalog->before_statement(context.index, *ordinal);
  auto schema_exists = [&](const std::string& schema) {
    return schema == "public" ||
           catalog->find(lint::Catalog::NameRef(lint::ObjectKind::schema, "", "", schema), at) !=
               lint::k_no_object;
  };
  std::string target = shared.schema;
  for (const std::string& schema : *path) {
    if (!target.empty()) break;
    if (lint::creation_schema(schema) && schema_exists(schema)) target = schema;
  }
  if (target.empty()) return std::nullopt;
  for (const std::string& schema : *path) {
    if (!lint::creation_schema(schema)) continue;
    for (lint::ObjectKind kind :
         {lint::ObjectKind::type, lint::ObjectKind::domain, lint::ObjectKind::table,
          lint::ObjectKind::view, lint::ObjectKind::materialized_view,
          lint::ObjectKind::foreign_table}) {
      lint::ObjectId id = catalog->find(lint::Catalog::NameRef(kind, schema, {}, shared.name), at);
      if (id == lint::k_no_object) continue;
      if (schema == target) return std::nullopt;  // its own: rightly found
      const lint::CatalogObject& found = catalog->object(id);
      std::string by = found.created.file == context.index ? "this migration made before it"
                                                           : "an earlier migration made";
      return std::string(lint::is_relation(kind) ? "the row type of " : "") +
             std::string(lint::to_string(kind)) + " " + lint::sql_name(schema, shared.name) +
             ", which " + by + " (the search path set before it is " +
             lint::join_strings(*path, ", ") + ")";
    }
  }
  return std::nullopt;
}

// A DO block's statement that a catalog test keeps from ever running: the test finds
// pg_catalog's own object of the same name before the first run, as on every later one.
bool never_runs(FileScope& scope, const Statement& statement) {
  if (!statement.embedded()) return false;
  auto shared = shared_name(statement);
  bool builtin = shared.has_value();
  if (!shared) shared = shared_name(statement, true);
  if (!shared) return false;
  auto guard = scope.guard(statement, lint::GuardQuery{});
  if (!guard || (guard->kind != lint::GuardKind::catalog_test &&
                 guard->kind != lint::GuardKind::early_return)) {
    return false;
  }
  // Whether the statement runs while the test is true: in the THEN of the IF (or the ELSIF,
  // CASE WHEN) that tests it; else only while it is false (an ELSE, an IF ... RETURN before it).
  bool when_true = false;
  if (guard->kind == lint::GuardKind::catalog_test) {
    const lint::PlpgsqlFrame& frame = statement.frames[guard->frame];
    if (frame.part == "then_body") {
      when_true = frame.node.get("cond").get("query").as_str() == guard->test;
    } else if (frame.part == "elsif") {
      when_true = frame.elsif.get("cond").get("query").as_str() == guard->test;
    } else if (frame.part == "case_when") {
      return false;
    }
  }
  std::vector<Node> subqueries;
  exists_required(scope.condition(*guard), when_true, false, subqueries);
  for (const Node& subquery : subqueries) {
    auto lookup = catalog_lookup(subquery);
    if (!lookup) continue;
    std::string tested_value;
    auto found = finds_builtin(*lookup, *shared, tested_value);
    if (found && !builtin) found = made_elsewhere(scope, statement, *shared);
    if (!found) continue;
    std::string tested = lookup->equals.front().first;
    tested += " = ";
    tested += tested_value;
    scope.report(statement, statement.range,
                 shared->shown + " never runs, not even the first time: the guard's test of " +
                     lookup->catalog + " (" + tested + ") already finds " + *found + ", so the " +
                     shared->noun + " is never made and what uses it fails",
                 "test for this " + shared->noun + " only: IF " + shared->test + " THEN " +
                     shared->shown + " ...; END IF;");
    return true;
  }
  if (builtin) return false;
  std::vector<Node> calls;
  lookups_required(scope.condition(*guard), when_true, false, calls);
  for (const Node& call : calls) {
    auto found = found_along_path(scope, statement, *shared, call);
    if (!found) continue;
    std::string tested =
        "to_regtype(" + sql_literal(call.list("args").front().get("sval").str("sval")) + ")";
    scope.report(statement, statement.range,
                 shared->shown + " never runs, not even the first time: the guard's test " +
                     tested + " looks the name up along the search path and already finds " +
                     *found + ", so the " + shared->noun + " is never made here and what uses it " +
                     "gets the other one",
                 "test for this " + shared->noun + " only: IF " + shared->test + " THEN " +
                     shared->shown + " ...; END IF;");
    return true;
  }
  return false;
}

struct Finding {
  std::string statement;
  std::string message_tail;  // what a second run meets
  std::string test;
};

// ALTER TABLE / ALTER TYPE subcommands that add something and have no IF NOT EXISTS.
std::optional<Finding> alter_command(const Node& statement, const Node& command) {
  std::string_view subtype = command.str("subtype");
  std::string target = name_of(statement.get("relation")).display();
  if (subtype == "AT_AddColumn" && statement.str("objtype") == "OBJECT_TYPE") {
    std::string name(command.get("def").str("colname"));
    return Finding{"ALTER TYPE " + target + " ADD ATTRIBUTE " + name,
                   "the type already has the attribute",
                   "NOT EXISTS (SELECT FROM information_schema.attributes WHERE udt_name = " +
                       sql_literal(statement.get("relation").str("relname")) +
                       " AND attribute_name = " + sql_literal(name) + ")"};
  }
  // ALTER INDEX ... ATTACH PARTITION of an index already attached does nothing.
  if (subtype == "AT_AttachPartition" && statement.str("objtype") != "OBJECT_INDEX") {
    QualifiedName partition = name_of(command.get("def").get("name"));
    return Finding{"ALTER TABLE " + target + " ATTACH PARTITION " + partition.display(),
                   "it is already a partition",
                   "NOT EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = " +
                       sql_literal(partition.lookup()) + "::regclass)"};
  }
  if (subtype == "AT_AddInherit") {
    QualifiedName parent = name_of(command.get("def"));
    return Finding{
        "ALTER TABLE " + target + " INHERIT " + parent.display(), "it already inherits from it",
        "NOT EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = " +
            sql_literal(name_of(statement.get("relation")).lookup()) +
            "::regclass AND inhparent = " + sql_literal(parent.lookup()) + "::regclass)"};
  }
  if (subtype == "AT_GenericOptions" || subtype == "AT_AlterColumnGenericOptions") {
    auto option = option_added(command.get("def").list("items"));
    if (!option) return std::nullopt;
    std::string column(command.str("name"));
    return Finding{"ALTER FOREIGN TABLE " + target +
                       (column.empty() ? std::string() : " ALTER COLUMN " + column) +
                       " OPTIONS (ADD " + *option + " ...)",
                   "the option is already set",
                   "NOT EXISTS (SELECT FROM pg_catalog.pg_options_to_table(<its options column>) "
                   "WHERE option_name = " +
                       sql_literal(*option) + ")"};
  }
  if (subtype == "AT_AddIdentity") {
    std::string column(command.str("name"));
    return Finding{"ALTER TABLE " + target + " ALTER COLUMN " + column +
                       " ADD GENERATED ... AS "
                       "IDENTITY",
                   "the column is already an identity column",
                   "NOT EXISTS (SELECT FROM information_schema.columns WHERE table_name = " +
                       sql_literal(statement.get("relation").str("relname")) +
                       " AND column_name = " + sql_literal(column) + " AND is_identity = 'YES')"};
  }
  return std::nullopt;
}

std::string guard_help(std::string_view statement, std::optional<lint::Condition> error,
                       const std::string& test) {
  std::string help = "guard it in a DO block: DO $$ BEGIN IF " +
                     (test.empty() ? std::string("<catalog test>") : test) + " THEN " +
                     std::string(statement) + " ...; END IF; END $$;";
  if (error) {
    help += " (or catch the error: BEGIN ... EXCEPTION WHEN " + std::string(error->name) +
            " THEN NULL; END)";
  }
  return help + ", or mark it -- sqlgate:run-once <reason>";
}

// An ATTACH PARTITION of a table a second run finds no partition there: the file detaches it
// (or drops it) before, or leaves it detached at its end.
bool detached_on_rerun(const FileScope& scope, const Statement& statement, const Node& command) {
  if (command.str("subtype") != "AT_AttachPartition" ||
      statement.node.str("objtype") == "OBJECT_INDEX") {
    return false;
  }
  auto state = partition_on_rerun(scope, statement, name_of(command.get("def").get("name")));
  return state && !state->attached;
}

void check_alter_table(FileScope& scope, const Statement& statement) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  AlterCommands commands(scope.file(), statement);
  std::size_t index = 0;
  for (Node command : node.list("cmds")) {
    std::size_t i = index++;
    auto finding = alter_command(node, command);
    if (!finding) continue;
    if (scope.fresh(statement, relation)) return;
    if (detached_on_rerun(scope, statement, command)) continue;
    auto error = lint::repeat_error(node, command);
    if (scope.guard(statement, error)) continue;
    lint::TextRange range = commands.range(i);
    scope.report(statement, range,
                 finding->statement + " fails " + std::string(k_again) + ": " +
                     finding->message_tail + ", and it has no IF NOT EXISTS",
                 guard_help(finding->statement, error, finding->test));
  }
}

// EXECUTE format('CREATE TYPE %I.project_status AS ENUM (...)', s) in a DO block (a loop over
// every tenant's schema) with nothing around it that tests or catches the error: the second run
// finds the object there. Judged by the template's form, as require-if-not-exists judges its
// CREATEs: the names %I and %s stand for are not known, so a DROP of the object (or of the table
// it is on) in any template of the file is taken to make way for it.
void check_templates(FileScope& scope) {
  TemplateChanges templates(scope.file());
  for (const Statement* statement : scope.templates()) {
    auto c = candidate(statement->node);
    if (!c || c->no_block || (c->key && templates.dropped(*c->key))) continue;
    if (c->relation.valid() &&
        templates.dropped(ObjectKey{ObjectKind::table, name_of(c->relation), {}})) {
      continue;
    }
    auto error = lint::repeat_error(statement->node);
    if (lint::conditional(*statement, error)) continue;
    std::string shown = c->shown.empty() ? c->statement + " " + c->object : c->shown;
    scope.report(*statement, statement->range,
                 "EXECUTE format(...) runs " + shown + ", which fails " + std::string(k_again) +
                     ": the " + c->noun + " already exists, and there is no IF NOT EXISTS form",
                 "run the EXECUTE only when the catalog lacks the " + c->noun +
                     " (IF NOT EXISTS (<catalog test, with the names format() fills in>) THEN "
                     "EXECUTE ... END IF)" +
                     (error ? ", or catch the error a second run raises around it: BEGIN "
                              "EXECUTE ...; EXCEPTION WHEN " +
                                  std::string(error->name) + " THEN NULL; END"
                            : std::string()));
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  check_templates(scope);
  for (const Statement* statement : scope.statements()) {
    if (statement->kind() == "AlterTableStmt") {
      check_alter_table(scope, *statement);
      continue;
    }
    if (never_runs(scope, *statement)) continue;
    auto c = candidate(statement->node);
    if (!c) continue;
    if (c->relation.valid() && scope.fresh(*statement, c->relation)) continue;
    const Statement* dropped = c->key ? scope.dropped_before(*statement, *c->key) : nullptr;
    if (dropped != nullptr && c->drop_guards) continue;
    // Created and dropped again in this file: the second run creates it afresh. So it does when
    // the file renames it away first or afterwards (TypeORM's enum swap).
    if (c->key && scope.dropped_after(*statement, *c->key)) continue;
    if (c->key && dropped == nullptr && scope.exists_on_rerun(*statement, *c->key) == false) {
      continue;
    }
    auto error = lint::repeat_error(statement->node);
    if (scope.guard(*statement, error)) continue;

    std::string help;
    if (c->no_block) {
      help = c->statement +
             " cannot run inside a DO block or a transaction: create it outside "
             "the migrations, or mark it -- sqlgate:run-once <reason>";
    } else {
      help = guard_help(c->statement, error, c->test);
    }
    std::string shown = c->shown.empty() ? c->statement + " " + c->object : c->shown;
    if (dropped != nullptr) {
      scope.report(*statement, statement->range,
                   "the DROP before " + shown + " is no guard: a second run's DROP " +
                       std::string(drop_consequence(c->key->kind, *dropped)),
                   "instead of the DROP, " + help);
      continue;
    }
    scope.report(*statement, statement->range,
                 shown + " fails " + std::string(k_again) + ": the " + c->noun +
                     " already exists, and there is no IF NOT EXISTS form",
                 std::move(help));
  }
}

}  // namespace

lint::Rule guard_create() {
  return lint::Rule{
      .info = {.id = "guard-create",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "CREATE TYPE, DOMAIN, POLICY, ROLE, ... (no IF NOT EXISTS form) outside "
                          "a guarded DO block fails when the migration runs again"},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
