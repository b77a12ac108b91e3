// PostgreSQL 15's operator classes, as the rules that judge an index's read them.
#include "rules/safety/operator_classes.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace sqlgate::rules {
namespace {

// PostgreSQL 15's operator classes of its built-in access methods (pg_catalog's pg_opclass),
// each with the type it takes (opcintype), and pg_trgm's two.
constexpr OperatorClass k_operator_classes[] = {
    {"brin", "bit_minmax_ops", "bit"},
    {"brin", "box_inclusion_ops", "box"},
    {"brin", "bpchar_bloom_ops", "bpchar"},
    {"brin", "bpchar_minmax_ops", "bpchar"},
    {"brin", "bytea_bloom_ops", "bytea"},
    {"brin", "bytea_minmax_ops", "bytea"},
    {"brin", "char_bloom_ops", "char"},
    {"brin", "char_minmax_ops", "char"},
    {"brin", "date_bloom_ops", "date"},
    {"brin", "date_minmax_multi_ops", "date"},
    {"brin", "date_minmax_ops", "date"},
    {"brin", "float4_bloom_ops", "float4"},
    {"brin", "float4_minmax_multi_ops", "float4"},
    {"brin", "float4_minmax_ops", "float4"},
    {"brin", "float8_bloom_ops", "float8"},
    {"brin", "float8_minmax_multi_ops", "float8"},
    {"brin", "float8_minmax_ops", "float8"},
    {"brin", "inet_bloom_ops", "inet"},
    {"brin", "inet_inclusion_ops", "inet"},
    {"brin", "inet_minmax_multi_ops", "inet"},
    {"brin", "inet_minmax_ops", "inet"},
    {"brin", "int2_bloom_ops", "int2"},
    {"brin", "int2_minmax_multi_ops", "int2"},
    {"brin", "int2_minmax_ops", "int2"},
    {"brin", "int4_bloom_ops", "int4"},
    {"brin", "int4_minmax_multi_ops", "int4"},
    {"brin", "int4_minmax_ops", "int4"},
    {"brin", "int8_bloom_ops", "int8"},
    {"brin", "int8_minmax_multi_ops", "int8"},
    {"brin", "int8_minmax_ops", "int8"},
    {"brin", "interval_bloom_ops", "interval"},
    {"brin", "interval_minmax_multi_ops", "interval"},
    {"brin", "interval_minmax_ops", "interval"},
    {"brin", "macaddr8_bloom_ops", "macaddr8"},
    {"brin", "macaddr8_minmax_multi_ops", "macaddr8"},
    {"brin", "macaddr8_minmax_ops", "macaddr8"},
    {"brin", "macaddr_bloom_ops", "macaddr"},
    {"brin", "macaddr_minmax_multi_ops", "macaddr"},
    {"brin", "macaddr_minmax_ops", "macaddr"},
    {"brin", "name_bloom_ops", "name"},
    {"brin", "name_minmax_ops", "name"},
    {"brin", "numeric_bloom_ops", "numeric"},
    {"brin", "numeric_minmax_multi_ops", "numeric"},
    {"brin", "numeric_minmax_ops", "numeric"},
    {"brin", "oid_bloom_ops", "oid"},
    {"brin", "oid_minmax_multi_ops", "oid"},
    {"brin", "oid_minmax_ops", "oid"},
    {"brin", "pg_lsn_bloom_ops", "pg_lsn"},
    {"brin", "pg_lsn_minmax_multi_ops", "pg_lsn"},
    {"brin", "pg_lsn_minmax_ops", "pg_lsn"},
    {"brin", "range_inclusion_ops", "anyrange"},
    {"brin", "text_bloom_ops", "text"},
    {"brin", "text_minmax_ops", "text"},
    {"brin", "tid_bloom_ops", "tid"},
    {"brin", "tid_minmax_multi_ops", "tid"},
    {"brin", "tid_minmax_ops", "tid"},
    {"brin", "time_bloom_ops", "time"},
    {"brin", "time_minmax_multi_ops", "time"},
    {"brin", "time_minmax_ops", "time"},
    {"brin", "timestamp_bloom_ops", "timestamp"},
    {"brin", "timestamp_minmax_multi_ops", "timestamp"},
    {"brin", "timestamp_minmax_ops", "timestamp"},
    {"brin", "timestamptz_bloom_ops", "timestamptz"},
    {"brin", "timestamptz_minmax_multi_ops", "timestamptz"},
    {"brin", "timestamptz_minmax_ops", "timestamptz"},
    {"brin", "timetz_bloom_ops", "timetz"},
    {"brin", "timetz_minmax_multi_ops", "timetz"},
    {"brin", "timetz_minmax_ops", "timetz"},
    {"brin", "uuid_bloom_ops", "uuid"},
    {"brin", "uuid_minmax_multi_ops", "uuid"},
    {"brin", "uuid_minmax_ops", "uuid"},
    {"brin", "varbit_minmax_ops", "varbit"},
    {"btree", "array_ops", "anyarray"},
    {"btree", "bit_ops", "bit"},
    {"btree", "bool_ops", "bool"},
    {"btree", "bpchar_ops", "bpchar"},
    {"btree", "bpchar_pattern_ops", "bpchar"},
    {"btree", "bytea_ops", "bytea"},
    {"btree", "char_ops", "char"},
    {"btree", "cidr_ops", "inet"},
    {"btree", "date_ops", "date"},
    {"btree", "enum_ops", "anyenum"},
    {"btree", "float4_ops", "float4"},
    {"btree", "float8_ops", "float8"},
    {"btree", "inet_ops", "inet"},
    {"btree", "int2_ops", "int2"},
    {"btree", "int4_ops", "int4"},
    {"btree", "int8_ops", "int8"},
    {"btree", "interval_ops", "interval"},
    {"btree", "jsonb_ops", "jsonb"},
    {"btree", "macaddr8_ops", "macaddr8"},
    {"btree", "macaddr_ops", "macaddr"},
    {"btree", "money_ops", "money"},
    {"btree", "multirange_ops", "anymultirange"},
    {"btree", "name_ops", "name"},
    {"btree", "numeric_ops", "numeric"},
    {"btree", "oid_ops", "oid"},
    {"btree", "oidvector_ops", "oidvector"},
    {"btree", "pg_lsn_ops", "pg_lsn"},
    {"btree", "range_ops", "anyrange"},
    {"btree", "record_image_ops", "record"},
    {"btree", "record_ops", "record"},
    {"btree", "text_ops", "text"},
    {"btree", "text_pattern_ops", "text"},
    {"btree", "tid_ops", "tid"},
    {"btree", "time_ops", "time"},
    {"btree", "timestamp_ops", "timestamp"},
    {"btree", "timestamptz_ops", "timestamptz"},
    {"btree", "timetz_ops", "timetz"},
    {"btree", "tsquery_ops", "tsquery"},
    {"btree", "tsvector_ops", "tsvector"},
    {"btree", "uuid_ops", "uuid"},
    {"btree", "varbit_ops", "varbit"},
    {"btree", "varchar_ops", "text"},
    {"btree", "varchar_pattern_ops", "text"},
    {"btree", "xid8_ops", "xid8"},
    {"gin", "array_ops", "anyarray"},
    {"gin", "jsonb_ops", "jsonb"},
    {"gin", "jsonb_path_ops", "jsonb"},
    {"gin", "tsvector_ops", "tsvector"},
    {"gist", "box_ops", "box"},
    {"gist", "circle_ops", "circle"},
    {"gist", "inet_ops", "inet"},
    {"gist", "multirange_ops", "anymultirange"},
    {"gist", "point_ops", "point"},
    {"gist", "poly_ops", "polygon"},
    {"gist", "range_ops", "anyrange"},
    {"gist", "tsquery_ops", "tsquery"},
    {"gist", "tsvector_ops", "tsvector"},
    {"hash", "aclitem_ops", "aclitem"},
    {"hash", "array_ops", "anyarray"},
    {"hash", "bool_ops", "bool"},
    {"hash", "bpchar_ops", "bpchar"},
    {"hash", "bpchar_pattern_ops", "bpchar"},
    {"hash", "bytea_ops", "bytea"},
    {"hash", "char_ops", "char"},
    {"hash", "cid_ops", "cid"},
    {"hash", "cidr_ops", "inet"},
    {"hash", "date_ops", "date"},
    {"hash", "enum_ops", "anyenum"},
    {"hash", "float4_ops", "float4"},
    {"hash", "float8_ops", "float8"},
    {"hash", "inet_ops", "inet"},
    {"hash", "int2_ops", "int2"},
    {"hash", "int4_ops", "int4"},
    {"hash", "int8_ops", "int8"},
    {"hash", "interval_ops", "interval"},
    {"hash", "jsonb_ops", "jsonb"},
    {"hash", "macaddr8_ops", "macaddr8"},
    {"hash", "macaddr_ops", "macaddr"},
    {"hash", "multirange_ops", "anymultirange"},
    {"hash", "name_ops", "name"},
    {"hash", "numeric_ops", "numeric"},
    {"hash", "oid_ops", "oid"},
    {"hash", "oidvector_ops", "oidvector"},
    {"hash", "pg_lsn_ops", "pg_lsn"},
    {"hash", "range_ops", "anyrange"},
    {"hash", "record_ops", "record"},
    {"hash", "text_ops", "text"},
    {"hash", "text_pattern_ops", "text"},
    {"hash", "tid_ops", "tid"},
    {"hash", "time_ops", "time"},
    {"hash", "timestamp_ops", "timestamp"},
    {"hash", "timestamptz_ops", "timestamptz"},
    {"hash", "timetz_ops", "timetz"},
    {"hash", "uuid_ops", "uuid"},
    {"hash", "varchar_ops", "text"},
    {"hash", "varchar_pattern_ops", "text"},
    {"hash", "xid8_ops", "xid8"},
    {"hash", "xid_ops", "xid"},
    {"spgist", "box_ops", "box"},
    {"spgist", "inet_ops", "inet"},
    {"spgist", "kd_point_ops", "point"},
    {"spgist", "poly_ops", "polygon"},
    {"spgist", "quad_point_ops", "point"},
    {"spgist", "range_ops", "anyrange"},
    {"spgist", "text_ops", "text"},
    {"gin", "gin_trgm_ops", "text"},
    {"gist", "gist_trgm_ops", "text"},
};

// PostgreSQL 15's binary-coercible casts (pg_cast.castmethod = 'b'): an operator class taking the
// second type takes a column of the first.
constexpr std::pair<std::string_view, std::string_view> k_binary_casts[] = {
    {"bit", "varbit"},           {"cidr", "inet"},          {"int4", "oid"},
    {"int4", "regclass"},        {"int4", "regcollation"},  {"int4", "regconfig"},
    {"int4", "regdictionary"},   {"int4", "regnamespace"},  {"int4", "regoper"},
    {"int4", "regoperator"},     {"int4", "regproc"},       {"int4", "regprocedure"},
    {"int4", "regrole"},         {"int4", "regtype"},       {"oid", "int4"},
    {"oid", "regclass"},         {"oid", "regcollation"},   {"oid", "regconfig"},
    {"oid", "regdictionary"},    {"oid", "regnamespace"},   {"oid", "regoper"},
    {"oid", "regoperator"},      {"oid", "regproc"},        {"oid", "regprocedure"},
    {"oid", "regrole"},          {"oid", "regtype"},        {"pg_dependencies", "bytea"},
    {"pg_mcv_list", "bytea"},    {"pg_ndistinct", "bytea"}, {"pg_node_tree", "text"},
    {"regclass", "int4"},        {"regclass", "oid"},       {"regcollation", "int4"},
    {"regcollation", "oid"},     {"regconfig", "int4"},     {"regconfig", "oid"},
    {"regdictionary", "int4"},   {"regdictionary", "oid"},  {"regnamespace", "int4"},
    {"regnamespace", "oid"},     {"regoper", "int4"},       {"regoper", "oid"},
    {"regoper", "regoperator"},  {"regoperator", "int4"},   {"regoperator", "oid"},
    {"regoperator", "regoper"},  {"regproc", "int4"},       {"regproc", "oid"},
    {"regproc", "regprocedure"}, {"regprocedure", "int4"},  {"regprocedure", "oid"},
    {"regprocedure", "regproc"}, {"regrole", "int4"},       {"regrole", "oid"},
    {"regtype", "int4"},         {"regtype", "oid"},        {"text", "bpchar"},
    {"text", "varchar"},         {"varbit", "bit"},         {"varchar", "bpchar"},
    {"varchar", "text"},         {"xml", "bpchar"},         {"xml", "text"},
    {"xml", "varchar"},
};

// The operator classes that are no type's default (pg_opclass.opcdefault false), pg_trgm's too.
constexpr std::pair<std::string_view, std::string_view> k_non_default[] = {
    {"btree", "bpchar_pattern_ops"}, {"btree", "cidr_ops"},
    {"btree", "record_image_ops"},   {"btree", "text_pattern_ops"},
    {"btree", "varchar_ops"},        {"btree", "varchar_pattern_ops"},
    {"gin", "jsonb_path_ops"},       {"gist", "inet_ops"},
    {"hash", "bpchar_pattern_ops"},  {"hash", "cidr_ops"},
    {"hash", "text_pattern_ops"},    {"hash", "varchar_ops"},
    {"hash", "varchar_pattern_ops"}, {"spgist", "kd_point_ops"},
    {"gin", "gin_trgm_ops"},         {"gist", "gist_trgm_ops"},
};

}  // namespace

bool is_range(const lint::ColumnType& type) {
  return type.name.ends_with("range") || type.name.ends_with("multirange");
}

const OperatorClass* operator_class(std::string_view method, std::string_view name) {
  for (const OperatorClass& known : k_operator_classes) {
    if (known.method == method && known.name == name) return &known;
  }
  return nullptr;
}

bool accepts(std::string_view input, const lint::ColumnType& type) {
  if (input == "anyarray") return type.array;
  if (type.array) return false;
  std::string name(lint::serial_integer(type).empty() ? std::string_view(type.name)
                                                      : lint::serial_integer(type));
  bool multirange = name.ends_with("multirange");
  if (input == "anyrange") return is_range(type) && !multirange;
  if (input == "anymultirange") return multirange;
  if (name == input) return true;
  return std::find(std::begin(k_binary_casts), std::end(k_binary_casts),
                   std::pair<std::string_view, std::string_view>(name, input)) !=
         std::end(k_binary_casts);
}

std::string sql_type_name(const lint::ColumnType& type) {
  static constexpr std::pair<std::string_view, std::string_view> k_names[] = {
      {"int2", "smallint"},
      {"int4", "integer"},
      {"int8", "bigint"},
      {"serial2", "smallint"},
      {"serial4", "integer"},
      {"serial8", "bigint"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"bool", "boolean"},
      {"bpchar", "character"},
      {"varchar", "character varying"},
      {"varbit", "bit varying"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"time", "time without time zone"},
      {"timetz", "time with time zone"}};
  std::string name = type.name;
  for (const auto& [internal, shown] : k_names) {
    if (type.name == internal) name = shown;
  }
  if (!type.schema.empty()) name = type.schema + "." + name;
  return type.array ? name + "[]" : name;
}

bool makes_operator_class(const lint::Project& project, std::string_view name) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::ParsedFile* file = project.parsed(i);
    if (file == nullptr) continue;
    for (const lint::Statement* statement : file->all_statements()) {
      if (!statement->node.is("CreateOpClassStmt")) continue;
      lint::NodeList names = statement->node.list("opclassname");
      if (!names.empty() && names.back().as_str() == name) return true;
    }
  }
  return false;
}

bool is_default_class(std::string_view method, std::string_view name) {
  if (method == "brin")
    return !name.ends_with("_bloom_ops") && !name.ends_with("_multi_ops") &&
           name != "inet_minmax_ops";
  return std::find(std::begin(k_non_default), std::end(k_non_default),
                   std::pair<std::string_view, std::string_view>(method, name)) ==
         std::end(k_non_default);
}

}  // namespace sqlgate::rules
