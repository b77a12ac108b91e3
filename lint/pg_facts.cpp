#include "lint/pg_facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lint/builtins.h"

namespace sqlgate::lint {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// PostgreSQL's spellings of one type, as the name pg_type uses. The name comes from the parse
// tree, where an unquoted name is already folded to lower case and a quoted one ("Role") keeps
// its case: folding it again would name another type.
std::string canonical_type(std::string_view name) {
  // The grammar already writes pg_catalog.int4, pg_catalog.varchar, pg_catalog.bpchar (for
  // char(n); a quoted "char" is the one-byte type) and pg_catalog.timestamptz for the keyword
  // spellings; these are the spellings that reach the tree as bare names.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_aliases{{
      {"serial", "serial4"},
      {"bigserial", "serial8"},
      {"smallserial", "serial2"},
      {"decimal", "numeric"},
      {"boolean", "bool"},
      {"float", "float8"},
      {"integer", "int4"},
  }};
  for (const auto& [alias, canonical] : k_aliases) {
    if (name == alias) return std::string(canonical);
  }
  return std::string(name);
}

using TypeList = std::pair<std::string_view, std::string_view>;

// The entry of a built-in type in a table sorted by type name; nullptr when it has none.
template <std::size_t N>
const TypeList* entry_of(const std::array<TypeList, N>& table, std::string_view name) {
  auto found =
      std::lower_bound(table.begin(), table.end(), name,
                       [](const TypeList& item, std::string_view key) { return item.first < key; });
  return found != table.end() && found->first == name ? &*found : nullptr;
}

// Whether a space-separated list of type names has `name`.
bool lists(std::string_view names, std::string_view name) {
  while (!names.empty()) {
    std::size_t end = std::min(names.find(' '), names.size());
    if (names.substr(0, end) == name) return true;
    names.remove_prefix(std::min(end + 1, names.size()));
  }
  return false;
}

std::optional<std::int64_t> const_int(const Node& node) {
  if (!node.is("A_Const")) return std::nullopt;
  Node value = node.get("ival");
  if (!value.valid()) return std::nullopt;
  return value.num("ival");
}

bool has_name(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_text_like(const ColumnType& type) {
  return type.is("text") || (type.is("varchar") && type.modifiers.empty());
}

// Whether a value of `from` always fits `to` by the rules of binary-coercible casts between
// modifiers (varchar(n) -> varchar(m >= n), numeric(p, s) -> numeric(p2 >= p, s)).
bool widens(const ColumnType& from, const ColumnType& to) {
  if (!from.modifiers_known || !to.modifiers_known) return false;
  if (to.modifiers.empty()) return true;  // unconstrained target
  if (from.modifiers.empty()) return false;
  if (from.is("numeric")) {
    std::int64_t from_scale = from.modifiers.size() > 1 ? from.modifiers[1] : 0;
    std::int64_t to_scale = to.modifiers.size() > 1 ? to.modifiers[1] : 0;
    return to.modifiers[0] >= from.modifiers[0] && to_scale == from_scale;
  }
  return to.modifiers[0] >= from.modifiers[0];
}

}  // namespace

QualifiedName QualifiedName::of(const RelationName& relation) {
  return QualifiedName{std::string(relation.schema), std::string(relation.name)};
}

QualifiedName QualifiedName::of(const NodeList& names) {
  std::vector<std::string_view> parts = string_list(names);
  QualifiedName result;
  if (!parts.empty()) result.name = parts.back();
  if (parts.size() > 1) result.schema = parts[parts.size() - 2];
  return result;
}

std::string QualifiedName::sql() const {
  return sql_name(schema, name);
}

bool QualifiedName::matches(const QualifiedName& other) const {
  return name == other.name && (schema == other.schema || schema.empty() || other.schema.empty());
}

std::vector<QualifiedName> drop_objects(const Node& drop) {
  std::vector<QualifiedName> names;
  for (Node object : drop.list("objects")) {
    if (object.is("TypeName")) {
      names.push_back(QualifiedName::of(object.list("names")));  // DROP TYPE, DROP DOMAIN
    } else {
      names.push_back(QualifiedName::of(object.is("List") ? object.list("items") : object.items()));
    }
  }
  return names;
}

std::string ColumnType::display() const {
  // A name with capitals ("Role") as SQL must write it; lower-case names stay bare (a quoted
  // "integer" would be another type).
  std::string text;
  if (!schema.empty()) text = quote_if_folded(schema) + ".";
  if (name == "int4") {
    text += "integer";
  } else if (name == "int8") {
    text += "bigint";
  } else if (name == "int2") {
    text += "smallint";
  } else if (name == "bpchar") {
    text += "char";
  } else if (name == "serial4") {
    text += "serial";
  } else if (name == "serial8") {
    text += "bigserial";
  } else if (name == "serial2") {
    text += "smallserial";
  } else {
    text += quote_if_folded(name);
  }
  if (!modifiers.empty()) {
    text += "(";
    for (std::size_t i = 0; i < modifiers.size(); ++i) {
      if (i > 0) text += ",";
      text += std::to_string(modifiers[i]);
    }
    text += ")";
  }
  if (array) text += "[]";
  return text;
}

ColumnType column_type(const Node& type_name) {
  ColumnType type;
  std::vector<std::string_view> names = string_list(type_name.list("names"));
  if (!names.empty()) {
    type.name = canonical_type(names.back());
    if (names.size() > 1 && names[names.size() - 2] != "pg_catalog") {
      type.schema = names[names.size() - 2];
    }
  }
  for (Node modifier : type_name.list("typmods")) {
    if (auto value = const_int(modifier)) {
      type.modifiers.push_back(*value);
    } else {
      type.modifiers_known = false;
    }
  }
  // timestamp(3) and time(3) keep their precision in typmods; interval's fields are not sizes.
  if (type.is("interval")) type.modifiers.clear();
  type.array = !type_name.list("arrayBounds").empty();
  type.location = type_name.location();
  return type;
}

bool is_serial(const ColumnType& type) {
  return type.schema.empty() && !type.array &&
         has_name(type.name, {"serial2", "serial4", "serial8"});
}

std::string_view serial_integer(const ColumnType& type) {
  if (!is_serial(type)) return {};
  if (type.name == "serial2") return "int2";
  if (type.name == "serial4") return "int4";
  return "int8";
}

bool is_small_integer(const ColumnType& type) {
  return type.schema.empty() && !type.array &&
         has_name(type.name, {"int2", "int4", "serial2", "serial4"});
}

TypeChange type_change(const ColumnType& from, const ColumnType& to,
                       const TypeChangeContext& context) {
  if (from == to) return TypeChange::no_rewrite;
  // Arrays are rewritten for every change checked (varchar(10)[] -> varchar(20)[] included).
  if (from.array || to.array) return TypeChange::rewrite;
  // citext's casts to and from text and varchar are binary (checked on PostgreSQL 15: the
  // table keeps its file); the indexes on the column are rebuilt, for their operator class
  // changes. A length limit still checks every row.
  bool from_citext = from.name == "citext";
  bool to_citext = to.name == "citext";
  if (from_citext || to_citext) {
    const ColumnType& other = from_citext ? to : from;
    if (from_citext && to_citext) return TypeChange::no_rewrite;
    if (other.is("text") || (other.is("varchar") && (to_citext || other.modifiers.empty()))) {
      return TypeChange::rebuilds_indexes;
    }
    return TypeChange::rewrite;
  }
  if (!from.schema.empty() || !to.schema.empty()) return TypeChange::rewrite;
  const std::string& a = from.name;
  const std::string& b = to.name;
  if (a == "varchar" && (b == "varchar" || b == "text")) {
    return b == "text" || widens(from, to) ? TypeChange::no_rewrite : TypeChange::rewrite;
  }
  if (a == "text" && is_text_like(to)) return TypeChange::no_rewrite;
  if (a == "numeric" && b == "numeric") {
    return widens(from, to) ? TypeChange::no_rewrite : TypeChange::rewrite;
  }
  if (a == "varbit" && b == "varbit") {
    return widens(from, to) ? TypeChange::no_rewrite : TypeChange::rewrite;
  }
  // bit(n) -> bit varying keeps the bits; bit(n) -> bit varying(m) is rewritten.
  if (a == "bit" && b == "varbit") {
    return to.modifiers.empty() ? TypeChange::no_rewrite : TypeChange::rewrite;
  }
  if (a == "cidr" && b == "inet") return TypeChange::no_rewrite;
  if (a == "xml" && is_text_like(to)) return TypeChange::no_rewrite;
  // Since PostgreSQL 12 the two timestamps share their storage when the session is in UTC; the
  // indexes on the column are still rebuilt (their operator class changes).
  if ((a == "timestamp" && b == "timestamptz") || (a == "timestamptz" && b == "timestamp")) {
    bool same_precision = from.modifiers == to.modifiers || to.modifiers.empty();
    if (context.pg_version >= 12 && context.session_utc && same_precision) {
      return TypeChange::rebuilds_indexes;
    }
    return TypeChange::rewrite;
  }
  return TypeChange::rewrite;
}

bool is_builtin_type(const ColumnType& type) {
  return type.schema.empty() && is_builtin_type_name(type.name);
}

bool has_known_casts(const ColumnType& type) {
  return is_builtin_type(type) || type.name == "citext";
}

std::optional<QualifiedName> default_collation(const ColumnType& type) {
  if (type.schema.empty() && has_name(type.name, {"text", "varchar", "bpchar"})) {
    return QualifiedName{"", "default"};
  }
  if (type.is("name")) return QualifiedName{"", "C"};
  if (type.name == "citext") return QualifiedName{"", "default"};
  if (is_builtin_type(type)) return QualifiedName{};
  return std::nullopt;
}

bool collations_differ(const std::optional<QualifiedName>& a,
                       const std::optional<QualifiedName>& b) {
  if (!a || !b || a->name.empty() || b->name.empty()) return false;
  if (a->name != b->name) return true;
  return !a->schema.empty() && !b->schema.empty() && a->schema != b->schema;
}

bool is_string_type(const ColumnType& type) {
  return type.schema.empty() && !type.array &&
         has_name(type.name, {"text", "varchar", "bpchar", "char", "name"});
}

std::optional<bool> converts_automatically(const ColumnType& from, const ColumnType& to) {
  // Each built-in type with the other types (string types aside) it converts to without USING,
  // read from PostgreSQL 15 by trying every pair.
  static constexpr std::array<TypeList, 56> k_casts{{
      {"bit", "varbit"},
      {"bool", ""},
      {"box", "polygon"},
      {"bpchar", ""},
      {"bytea", ""},
      {"char", ""},
      {"cidr", "inet"},
      {"circle", ""},
      {"date", "timestamp timestamptz"},
      {"datemultirange", ""},
      {"daterange", ""},
      {"float4", "float8 int2 int4 int8 numeric"},
      {"float8", "float4 int2 int4 int8 numeric"},
      {"inet", "cidr"},
      {"int2", "float4 float8 int4 int8 numeric oid regclass regproc regtype"},
      {"int4", "float4 float8 int2 int8 money numeric oid regclass regproc regtype"},
      {"int4multirange", ""},
      {"int4range", ""},
      {"int8", "float4 float8 int2 int4 money numeric oid regclass regproc regtype"},
      {"int8multirange", ""},
      {"int8range", ""},
      {"interval", "time"},
      {"json", "jsonb"},
      {"jsonb", "json"},
      {"jsonpath", ""},
      {"line", ""},
      {"lseg", ""},
      {"macaddr", "macaddr8"},
      {"macaddr8", "macaddr"},
      {"money", "numeric"},
      {"name", ""},
      {"numeric", "float4 float8 int2 int4 int8 money"},
      {"numrange", ""},
      {"oid", "int4 int8 regclass regproc regtype"},
      {"path", "polygon"},
      {"pg_lsn", ""},
      {"point", "box"},
      {"polygon", "path"},
      {"regclass", "int4 int8 oid"},
      {"regproc", "int4 int8 oid"},
      {"regtype", "int4 int8 oid"},
      {"text", "regclass"},
      {"time", "interval timetz"},
      {"timestamp", "date time timestamptz"},
      {"timestamptz", "date time timestamp timetz"},
      {"timetz", "time"},
      {"tsquery", ""},
      {"tsrange", ""},
      {"tstzmultirange", ""},
      {"tstzrange", ""},
      {"tsvector", ""},
      {"uuid", ""},
      {"varbit", "bit"},
      {"varchar", "regclass"},
      {"xid", ""},
      {"xml", ""},
  }};
  auto known = [](const ColumnType& type) -> const TypeList* {
    return type.schema.empty() ? entry_of(k_casts, type.name) : nullptr;
  };
  const auto* source = known(from);
  const auto* target = known(to);
  if (source == nullptr || target == nullptr) return std::nullopt;
  bool string_target = is_string_type(ColumnType{to.name, to.schema});
  if (from.array != to.array) return !to.array && string_target;  // an array as text
  if (from.name == to.name || string_target) return true;
  return lists(source->second, to.name);
}

// Read from PostgreSQL 15: a table with a primary key of each type below, and a table with a
// column of each type (and the same with arrays of them) referencing it.
std::optional<bool> key_types_match(const ColumnType& pk, const ColumnType& fk) {
  // Each type with a default btree operator class and the other types a key of it accepts.
  static constexpr std::array<TypeList, 46> k_accepts{{
      {"bit", "varbit"},
      {"bool", ""},
      {"bpchar", "text varchar"},
      {"bytea", ""},
      {"char", ""},
      {"cidr", "inet"},
      {"citext", ""},
      {"date", "timestamp timestamptz"},
      {"datemultirange", ""},
      {"daterange", ""},
      {"float4", "float8 int2 int4 int8 numeric"},
      {"float8", "float4 int2 int4 int8 numeric"},
      {"inet", "cidr"},
      {"int2", "int4 int8"},
      {"int4", "int2 int8"},
      {"int4multirange", ""},
      {"int4range", ""},
      {"int8", "int2 int4"},
      {"int8multirange", ""},
      {"int8range", ""},
      {"interval", "time"},
      {"jsonb", ""},
      {"macaddr", "macaddr8"},
      {"macaddr8", "macaddr"},
      {"money", ""},
      {"name", "bpchar text varchar"},
      {"numeric", "int2 int4 int8"},
      {"numrange", ""},
      {"oid", "int2 int4 int8 regclass regproc regtype"},
      {"pg_lsn", ""},
      {"regclass", "int2 int4 int8 oid regproc regtype"},
      {"regproc", "int2 int4 int8 oid regclass regtype"},
      {"regtype", "int2 int4 int8 oid regclass regproc"},
      {"text", "bpchar char citext name varchar"},
      {"time", ""},
      {"timestamp", "date timestamptz"},
      {"timestamptz", "date timestamp"},
      {"timetz", "time"},
      {"tsquery", ""},
      {"tsrange", ""},
      {"tstzmultirange", ""},
      {"tstzrange", ""},
      {"tsvector", ""},
      {"uuid", ""},
      {"varbit", "bit"},
      {"varchar", "bpchar char citext name text"},
  }};
  // Tried as referencing types too: the types above and those without a btree operator class.
  static constexpr std::array<std::string_view, 11> k_unordered{
      "box",  "circle", "json",    "jsonpath", "line", "lseg",
      "path", "point",  "polygon", "xid",      "xml"};
  auto name_of = [](const ColumnType& type) -> std::string_view {
    if (type.name == "citext") return type.name;  // in whichever schema the extension is
    if (!type.schema.empty()) return {};
    std::string_view serial = serial_integer(type);
    return serial.empty() ? std::string_view(type.name) : serial;
  };
  std::string_view key = name_of(pk);
  std::string_view referencing = name_of(fk);
  const TypeList* accepts = entry_of(k_accepts, key);
  if (accepts == nullptr) return std::nullopt;
  if (entry_of(k_accepts, referencing) == nullptr &&
      std::find(k_unordered.begin(), k_unordered.end(), referencing) == k_unordered.end()) {
    return std::nullopt;
  }
  // An array key accepts only an array of its own element type.
  if (pk.array || fk.array) return pk.array == fk.array && key == referencing;
  if (key == referencing) return true;
  return lists(accepts->second, referencing);
}

bool reachable_without_rewrite(const ColumnType& to, const TypeChangeContext& context) {
  if (to.array || !to.schema.empty()) return false;
  if (has_name(to.name, {"text", "varchar", "numeric", "varbit", "inet"})) return true;
  if (to.name == "timestamptz" || to.name == "timestamp") {
    return context.pg_version >= 12 && context.session_utc;
  }
  return false;
}

// Whether a query gives one row even when the tables it reads are empty: an aggregate without
// GROUP BY (count(*) is 0), HAVING without GROUP BY.
bool aggregates_without_group(const Node& select) {
  if (select.has("groupClause")) return false;
  if (select.has("havingClause")) return true;
  static const std::unordered_set<std::string_view> k_aggregates = {"count",
                                                                    "sum",
                                                                    "min",
                                                                    "max",
                                                                    "avg",
                                                                    "array_agg",
                                                                    "string_agg",
                                                                    "bool_and",
                                                                    "bool_or",
                                                                    "every",
                                                                    "json_agg",
                                                                    "jsonb_agg",
                                                                    "json_object_agg",
                                                                    "jsonb_object_agg",
                                                                    "xmlagg",
                                                                    "bit_and",
                                                                    "bit_or",
                                                                    "bit_xor",
                                                                    "stddev",
                                                                    "variance",
                                                                    "range_agg",
                                                                    "range_intersect_agg",
                                                                    "percentile_cont",
                                                                    "percentile_disc",
                                                                    "mode"};
  bool found = false;
  walk(select.get("targetList"), [&](const Node& node) {
    if (found || node.is("SubLink")) return false;
    if (!node.is("FuncCall")) return true;
    NodeList names = node.list("funcname");
    if (node.flag("agg_star") || node.flag("agg_distinct") || node.has("agg_filter") ||
        node.has("agg_order") ||
        (!names.empty() && k_aggregates.count(names[names.size() - 1].as_str()) != 0)) {
      if (!node.has("over")) found = true;  // a window function gives a row per row
    }
    return true;
  });
  return found;
}

std::optional<std::string> volatile_call(const Node& expression) {
  // Volatile in pg_proc (PostgreSQL 15) or in the extensions migrations use for defaults
  // (uuid-ossp, pgcrypto, pg_uuidv7), and PostgreSQL 16-18's new ones.
  static constexpr std::array<std::string_view, 21> k_volatile{
      "random",
      "random_normal",
      "gen_random_uuid",
      "uuidv4",
      "uuidv7",
      "uuid_generate_v1",
      "uuid_generate_v1mc",
      "uuid_generate_v4",
      "uuid_generate_v7",
      "gen_random_bytes",
      "gen_salt",
      "clock_timestamp",
      "timeofday",
      "nextval",
      "currval",
      "lastval",
      "setval",
      "txid_status",
      "current_query",
      "set_config",
      "lo_create",
  };
  std::optional<std::string> found;
  walk(expression, [&](const Node& node) {
    if (found) return false;
    if (node.is("FuncCall")) {
      NodeList names = node.list("funcname");
      std::string name(names.back().as_str());  // "NOW"() is not now()
      if (std::find(k_volatile.begin(), k_volatile.end(), name) != k_volatile.end()) {
        found = name;
        return false;
      }
    }
    return true;
  });
  return found;
}

bool is_known_non_volatile(const QualifiedName& function) {
  if (!function.schema.empty() && function.schema != "pg_catalog") return false;
  static constexpr std::array<std::string_view, 24> k_stable_or_immutable{
      "now",
      "statement_timestamp",
      "transaction_timestamp",
      "timezone",
      "lower",
      "upper",
      "date_trunc",
      "to_timestamp",
      "to_char",
      "jsonb_build_object",
      "json_build_object",
      "jsonb_build_array",
      "json_build_array",
      "array_to_string",
      "md5",
      "concat",
      "replace",
      "substr",
      "length",
      "char_length",
      "make_interval",
      "to_jsonb",
      "current_setting",
      "btrim",
  };
  return std::find(k_stable_or_immutable.begin(), k_stable_or_immutable.end(), function.name) !=
         k_stable_or_immutable.end();
}

std::vector<QualifiedName> function_calls(const Node& expression) {
  std::vector<QualifiedName> calls;
  walk(expression, [&](const Node& node) {
    if (node.is("FuncCall")) calls.push_back(QualifiedName::of(node.list("funcname")));
    return true;
  });
  return calls;
}

bool input_parameter(const Node& parameter) {
  std::string_view mode = parameter.str("mode");
  return mode != "FUNC_PARAM_OUT" && mode != "FUNC_PARAM_TABLE";
}

bool output_parameter(const Node& parameter) {
  std::string_view mode = parameter.str("mode");
  return mode == "FUNC_PARAM_OUT" || mode == "FUNC_PARAM_INOUT" || mode == "FUNC_PARAM_TABLE";
}

bool is_null_constant(const Node& expression) {
  if (expression.is("TypeCast")) return is_null_constant(expression.get("arg"));
  return expression.is("A_Const") && expression.flag("isnull");
}

bool is_utc_zone(std::string_view zone) {
  std::string name = lower(zone);
  return has_name(name, {"utc",       "etc/utc",
                         "gmt",       "etc/gmt",
                         "zulu",      "etc/zulu",
                         "uct",       "etc/uct",
                         "universal", "etc/universal",
                         "greenwich", "etc/greenwich",
                         "gmt0",      "etc/gmt0",
                         "gmt+0",     "gmt-0",
                         "etc/gmt+0", "etc/gmt-0",
                         "utc0",      "0",
                         "+0",        "-0",
                         "z"});
}

std::optional<bool> parse_bool(std::string_view value) {
  std::string lower;
  for (char c : value) lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  auto prefix_of = [&](std::string_view word, std::size_t least) {
    return lower.size() >= least && word.starts_with(lower);
  };
  if (lower == "1" || prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2)) {
    return true;
  }
  if (lower == "0" || prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2)) {
    return false;
  }
  return std::nullopt;
}

std::optional<bool> boolean_input(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  return parse_bool(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string set_value(const Node& variable_set) {
  if (variable_set.str("kind") != "VAR_SET_VALUE") return {};
  NodeList args = variable_set.list("args");
  if (args.size() != 1 || !args.front().is("A_Const")) return {};
  return constant_text(args.front()).value_or(std::string());
}

std::vector<std::string> set_values(const Node& variable_set) {
  std::vector<std::string> values;
  if (variable_set.str("kind") != "VAR_SET_VALUE") return values;
  for (Node arg : variable_set.list("args")) {
    std::optional<std::string> text = arg.is("A_Const") ? constant_text(arg) : std::nullopt;
    if (!text) return {};
    values.push_back(std::move(*text));
  }
  return values;
}

std::vector<TextRange> alter_command_ranges(const ParsedFile& file, const Statement& statement) {
  std::vector<TextRange> ranges;
  if (!statement.exact) return ranges;
  Node relation = statement.node.get("relation");
  auto at = relation.location();
  if (!at) return ranges;
  std::uint32_t relation_start = statement.offset(at);
  std::vector<Token> tokens = file.tokens(statement.range);
  std::size_t i = 0;
  while (i < tokens.size() && tokens[i].range.begin < relation_start) ++i;
  // The relation's name: parts joined by dots, then an optional '*'.
  if (i < tokens.size()) ++i;
  while (i + 1 < tokens.size() && tokens[i].name == "ASCII_46") i += 2;
  if (i < tokens.size() && tokens[i].name == "ASCII_42") ++i;
  int depth = 0;
  bool open = false;
  TextRange current;
  for (; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.name == "SQL_COMMENT" || token.name == "C_COMMENT") continue;
    if (token.name == "ASCII_40" || token.name == "ASCII_91") ++depth;
    if (token.name == "ASCII_41" || token.name == "ASCII_93") --depth;
    if (depth == 0 && token.name == "ASCII_44") {
      if (open) ranges.push_back(current);
      open = false;
      continue;
    }
    if (!open) current.begin = token.range.begin;
    open = true;
    current.end = token.range.end;
  }
  if (open) ranges.push_back(current);
  if (ranges.size() != statement.node.list("cmds").size()) ranges.clear();
  return ranges;
}

TextRange alter_command_range(const ParsedFile& file, const Statement& statement,
                              std::size_t index) {
  std::vector<TextRange> ranges = alter_command_ranges(file, statement);
  return index < ranges.size() ? ranges[index] : statement.range;
}

std::optional<Token> find_token(const std::vector<Token>& tokens, std::string_view name,
                                std::size_t from) {
  for (std::size_t i = from; i < tokens.size(); ++i) {
    if (tokens[i].name == name) return tokens[i];
  }
  return std::nullopt;
}

TextRange token_at(const ParsedFile& file, const Statement& statement,
                   std::optional<std::uint32_t> location) {
  if (!location || !statement.exact) return statement.range;
  std::uint32_t begin = statement.offset(location);
  std::string_view text = file.text();
  if (begin >= text.size()) return statement.range;
  std::uint32_t end = begin;
  if (text[begin] == '"') {
    end = begin + 1;
    while (end < text.size()) {
      if (text[end] == '"') {
        if (end + 1 < text.size() && text[end + 1] == '"') {
          end += 2;
          continue;
        }
        ++end;
        break;
      }
      ++end;
    }
  } else {
    auto word = [](char c) {
      auto u = static_cast<unsigned char>(c);
      return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
    };
    while (end < text.size() && word(text[end])) ++end;
  }
  if (end == begin) return statement.range;
  return TextRange{begin, std::min(end, statement.range.end)};
}

Node generation_expression(const Node& column_def) {
  for (Node constraint : column_def.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_GENERATED") return constraint.get("raw_expr");
  }
  return {};
}

std::vector<ColumnDefinition> column_definitions(const Statement& statement) {
  std::vector<ColumnDefinition> columns;
  auto inline_facts = [](ColumnDefinition& column) {
    for (Node constraint : column.column.list("constraints")) {
      std::string_view kind = constraint.str("contype");
      if (kind == "CONSTR_PRIMARY") column.primary_key = true;
      if (kind == "CONSTR_IDENTITY") column.identity = true;
    }
  };
  const Node& node = statement.node;
  if (statement.kind() == "CreateStmt") {
    std::vector<std::string_view> keys;
    for (Node element : node.list("tableElts")) {
      if (element.is("Constraint") && element.str("contype") == "CONSTR_PRIMARY") {
        for (std::string_view key : string_list(element.list("keys"))) keys.push_back(key);
      }
    }
    for (Node element : node.list("tableElts")) {
      if (!element.is("ColumnDef")) continue;
      ColumnDefinition column{ColumnDefinition::Origin::create_table, element,
                              element.get("typeName"), element.str("colname")};
      inline_facts(column);
      if (std::find(keys.begin(), keys.end(), column.name) != keys.end()) {
        column.primary_key = true;
      }
      columns.push_back(column);
    }
  } else if (statement.kind() == "AlterTableStmt") {
    NodeList cmds = node.list("cmds");
    for (std::size_t i = 0; i < cmds.size(); ++i) {
      Node cmd = cmds[i];
      std::string_view subtype = cmd.str("subtype");
      Node def = cmd.get("def");
      if (subtype == "AT_AddColumn") {
        ColumnDefinition column{ColumnDefinition::Origin::add_column, def, def.get("typeName"),
                                def.str("colname"), i};
        inline_facts(column);
        columns.push_back(column);
      } else if (subtype == "AT_AlterColumnType") {
        columns.push_back(ColumnDefinition{ColumnDefinition::Origin::alter_type, def,
                                           def.get("typeName"), cmd.str("name"), i});
      }
    }
  }
  return columns;
}

namespace {

struct FileColumns {
  explicit FileColumns(const ParsedFile& file) {
    for (const Statement* statement : file.all_statements()) {
      for (ColumnDefinition& column : column_definitions(*statement)) {
        ColumnType type = column_type(column.type_name);
        columns.push_back(FileColumn{statement, std::move(column), std::move(type)});
      }
    }
  }
  std::vector<FileColumn> columns;
};

}  // namespace

const std::vector<FileColumn>& file_columns(const FileContext& context) {
  return context.shared<FileColumns>(context.file).columns;
}

std::optional<TextRange> replaceable_type(const ParsedFile& file, const Statement& statement,
                                          const ColumnDefinition& column) {
  if (column.origin == ColumnDefinition::Origin::alter_type || !statement.exact)
    return std::nullopt;
  ColumnType type = column_type(column.type_name);
  if (!type.schema.empty()) return std::nullopt;
  TextRange at = token_at(file, statement, type.location);
  if (at == statement.range) return std::nullopt;
  // pg_catalog.json written out: the word found is the schema.
  std::uint32_t next = skip_space_and_comments(file.text(), at.end);
  if (next < file.text().size() && file.text()[next] == '.') return std::nullopt;
  return at;
}

std::vector<ExclusionElement> exclusion_elements(const Node& constraint) {
  std::vector<ExclusionElement> elements;
  for (Node pair : constraint.list("exclusions")) {
    NodeList items = pair.items().empty() ? pair.list("items") : pair.items();
    if (items.size() != 2) continue;
    Node op = items[1];
    elements.push_back({items[0], op.items().empty() ? op.list("items") : op.items()});
  }
  return elements;
}

bool reindex_concurrently(const Node& reindex) {
  for (Node option : reindex.list("params")) {
    if (option.str("defname") != "concurrently") continue;
    Node arg = option.get("arg");
    if (!arg.valid()) return true;
    if (arg.is("Boolean")) return arg.flag("boolval");
    if (arg.is("Integer")) return arg.as_int() != 0;
    std::string_view value = arg.as_str();
    return !(value == "false" || value == "off" || value == "0");
  }
  return false;
}

std::optional<Edit> insert_after_token(const ParsedFile& file, const Statement& statement,
                                       std::string_view token, std::string text) {
  if (!statement.exact) return std::nullopt;
  std::vector<Token> tokens = file.tokens(statement.range);
  std::size_t from = 0;
  if (tokens.size() > 1 && tokens[1].name == "ASCII_40") {
    if (auto close = find_token(tokens, "ASCII_41")) {
      while (from < tokens.size() && tokens[from].range.begin < close->range.end) ++from;
    }
  }
  auto found = find_token(tokens, token, from);
  if (!found) return std::nullopt;
  return Edit{TextRange{found->range.end, found->range.end}, std::move(text)};
}

namespace {

// Whether a name written bare is read back as itself, keywords aside.
bool folds_to_itself(std::string_view name) {
  bool simple = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name[0] != '$';
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
      simple = false;
    }
  }
  return simple;
}

std::string double_quoted(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string quote_if_folded(std::string_view name) {
  return folds_to_itself(name) ? std::string(name) : double_quoted(name);
}

std::string sql_identifier(std::string_view name) {
  bool simple = folds_to_itself(name);
  if (simple) {
    // A keyword would be read as that keyword (or be refused): the scanner tells. Scanning costs
    // far more than the rest, and messages name the same few identifiers again and again.
    thread_local std::unordered_map<std::string, bool> k_plain;
    auto known = k_plain.find(std::string(name));
    if (known != k_plain.end()) {
      simple = known->second;
    } else {
      std::vector<Token> tokens = scan_tokens(name);
      simple = tokens.size() == 1 && tokens[0].name == "IDENT";
      if (k_plain.size() >= 4096) k_plain.clear();
      k_plain.emplace(name, simple);
    }
  }
  return simple ? std::string(name) : double_quoted(name);
}

std::string sql_name(std::string_view schema, std::string_view name) {
  if (schema.empty()) return sql_identifier(name);
  return sql_identifier(schema) + "." + sql_identifier(name);
}

std::optional<std::string> constant_text(const Node& value) {
  Node constant = value;
  while (constant.is("TypeCast")) constant = constant.get("arg");
  if (!constant.is("A_Const")) return std::nullopt;
  if (Node text = constant.get("sval"); text.valid()) return std::string(text.str("sval"));
  if (Node integer = constant.get("ival"); integer.valid()) {
    return std::to_string(integer.num("ival"));
  }
  if (Node number = constant.get("fval"); number.valid()) return std::string(number.str("fval"));
  return std::nullopt;
}

std::string sql_literal(std::string_view text) {
  std::string result = "'";
  for (char c : text) {
    result += c;
    if (c == '\'') result += '\'';
  }
  return result + "'";
}

std::optional<std::string> quoted_identifier(std::string_view text, std::size_t& at) {
  std::string name;
  for (++at;; ++at) {
    if (at >= text.size()) return std::nullopt;
    if (text[at] == '"') {
      if (at + 1 < text.size() && text[at + 1] == '"') {
        name += '"';
        ++at;
        continue;
      }
      ++at;
      return name;
    }
    name += text[at];
  }
}

std::vector<std::string> text_name_parts(std::string_view text) {
  std::vector<std::string> parts;
  std::string part;
  bool quoted_part = false;
  std::size_t i = 0;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size() && blank(text[i])) ++i;
  for (;;) {
    if (i < text.size() && text[i] == '"') {
      quoted_part = true;
      auto name = quoted_identifier(text, i);
      if (!name) return {};  // unterminated
      part = std::move(*name);
    } else {
      // An identifier: a letter, _ or a non-ASCII byte first, then digits and $ too.
      auto identifier = [](char c, bool first) {
        auto u = static_cast<unsigned char>(c);
        return std::isalpha(u) || c == '_' || u >= 0x80 ||
               (!first && (std::isdigit(u) || c == '$'));
      };
      while (i < text.size() && identifier(text[i], part.empty())) {
        part += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        ++i;
      }
    }
    if (part.empty() && !quoted_part) return {};
    parts.push_back(std::move(part));
    part.clear();
    quoted_part = false;
    while (i < text.size() && blank(text[i])) ++i;
    if (i == text.size()) return parts;
    if (text[i] != '.') return {};
    ++i;
    while (i < text.size() && blank(text[i])) ++i;
  }
}

// What a CREATE COLLATION defines, as pg_collation keeps it: the provider (libc by default),
// LC_COLLATE and LC_CTYPE (LOCALE sets both), whether it is deterministic (by default it is), or
// the collation it copies (FROM); VERSION is left out (PostgreSQL fills in the current one).
std::map<std::string, std::string> collation_definition(const Node& create) {
  std::map<std::string, std::string> options{{"provider", "libc"}, {"deterministic", "true"}};
  for (Node option : create.list("definition")) {
    std::string name(option.str("defname"));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    Node arg = option.get("arg");
    std::string value;
    if (name == "from") {
      std::vector<std::string> parts;
      for (Node part : arg.items()) parts.emplace_back(part.as_str());
      if (parts.empty()) {
        for (Node part : arg.list("items")) parts.emplace_back(part.as_str());
      }
      value = join_strings(parts, ".");
    } else if (arg.is("TypeName")) {
      auto names = string_list(arg.list("names"));
      if (!names.empty()) value = std::string(names.back());
    } else if (arg.is("Boolean")) {
      value = arg.flag("boolval") ? "true" : "false";
    } else if (arg.valid()) {
      value = std::string(arg.as_str());
    } else {
      value = "true";
    }
    if (name == "provider" || name == "deterministic") {
      for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (name == "deterministic") {
      value =
          value == "false" || value == "off" || value == "0" || value == "no" ? "false" : "true";
    }
    if (name == "version") continue;
    if (name == "locale") {
      options["lc_collate"] = value;
      options["lc_ctype"] = value;
    } else {
      options[name] = value;
    }
  }
  return options;
}

}  // namespace sqlgate::lint
