// Storage parameters and attribute options PostgreSQL 15 refuses (see relation_options.h). The
// parameters, their types and bounds are PostgreSQL 15's (reloptions.c), each bound tried on
// PostgreSQL 15.18; the values are read as it reads them (parse_bool, parse_int, parse_real).
#include "rules/safety/relation_options.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/pg_facts.h"
#include "rules/safety/refusal.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

enum class Kind : unsigned char { boolean, integer, real, enumeration };

// Which relations take a parameter.
constexpr unsigned k_heap = 1;
constexpr unsigned k_toast = 2;
constexpr unsigned k_attribute = 4;
constexpr unsigned k_btree = 8;
constexpr unsigned k_hash = 16;
constexpr unsigned k_gist = 32;
constexpr unsigned k_spgist = 64;
constexpr unsigned k_gin = 128;
constexpr unsigned k_brin = 256;
constexpr unsigned k_view = 512;

struct Parameter {
  std::string_view name;
  Kind kind;
  unsigned takes;
  double min = 0;
  double max = 0;
  std::string_view values = {};                       // an enum's, compared without case
  std::string_view values_words = "auto, on or off";  // an enum's, as the help names them
};

constexpr double k_int_max = 2147483647;
constexpr double k_real_max = 1.7976931348623157e308;

const Parameter k_parameters[] = {
    {"autovacuum_enabled", Kind::boolean, k_heap | k_toast},
    {"user_catalog_table", Kind::boolean, k_heap},
    {"vacuum_truncate", Kind::boolean, k_heap | k_toast},
    {"vacuum_index_cleanup", Kind::enumeration, k_heap | k_toast, 0, 0,
     "auto on off true false yes no 1 0"},
    {"fillfactor", Kind::integer, k_heap | k_btree | k_hash | k_gist | k_spgist, 10, 100},
    {"autovacuum_vacuum_threshold", Kind::integer, k_heap | k_toast, 0, k_int_max},
    {"autovacuum_vacuum_insert_threshold", Kind::integer, k_heap | k_toast, -1, k_int_max},
    {"autovacuum_analyze_threshold", Kind::integer, k_heap, 0, k_int_max},
    {"autovacuum_vacuum_cost_limit", Kind::integer, k_heap | k_toast, 1, 10000},
    {"autovacuum_freeze_min_age", Kind::integer, k_heap | k_toast, 0, 1000000000},
    {"autovacuum_multixact_freeze_min_age", Kind::integer, k_heap | k_toast, 0, 1000000000},
    {"autovacuum_freeze_max_age", Kind::integer, k_heap | k_toast, 100000, 2000000000},
    {"autovacuum_multixact_freeze_max_age", Kind::integer, k_heap | k_toast, 10000, 2000000000},
    {"autovacuum_freeze_table_age", Kind::integer, k_heap | k_toast, 0, 2000000000},
    {"autovacuum_multixact_freeze_table_age", Kind::integer, k_heap | k_toast, 0, 2000000000},
    {"log_autovacuum_min_duration", Kind::integer, k_heap | k_toast, -1, k_int_max},
    {"toast_tuple_target", Kind::integer, k_heap, 128, 8160},
    {"parallel_workers", Kind::integer, k_heap, 0, 1024},
    {"autovacuum_vacuum_cost_delay", Kind::real, k_heap | k_toast, 0, 100},
    {"autovacuum_vacuum_scale_factor", Kind::real, k_heap | k_toast, 0, 100},
    {"autovacuum_vacuum_insert_scale_factor", Kind::real, k_heap | k_toast, 0, 100},
    {"autovacuum_analyze_scale_factor", Kind::real, k_heap, 0, 100},
    {"n_distinct", Kind::real, k_attribute, -1, k_real_max},
    {"n_distinct_inherited", Kind::real, k_attribute, -1, k_real_max},
    {"deduplicate_items", Kind::boolean, k_btree},
    {"vacuum_cleanup_index_scale_factor", Kind::real, k_btree, 0, 1e10},
    {"buffering", Kind::enumeration, k_gist, 0, 0, "auto on off"},
    {"fastupdate", Kind::boolean, k_gin},
    {"gin_pending_list_limit", Kind::integer, k_gin, 64, k_int_max},
    {"pages_per_range", Kind::integer, k_brin, 1, 131072},
    {"autosummarize", Kind::boolean, k_brin},
    {"check_option", Kind::enumeration, k_view, 0, 0, "local cascaded", "local or cascaded"},
    {"security_barrier", Kind::boolean, k_view},
    {"security_invoker", Kind::boolean, k_view},
};

// The built-in index access methods.
struct Method {
  std::string_view name;
  unsigned takes;
};
constexpr Method k_methods[] = {{"btree", k_btree},   {"hash", k_hash}, {"gist", k_gist},
                                {"spgist", k_spgist}, {"gin", k_gin},   {"brin", k_brin}};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string whole_number(double value) {
  return std::to_string(static_cast<long long>(value));
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// PostgreSQL's parse_real (and, rounded, parse_int): strtod's number, then only white space;
// NaN and out of double's range are not read.
std::optional<double> reads_as_number(const std::string& value) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  double number = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE || std::isnan(number)) return std::nullopt;
  while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r' || *end == '\f' ||
         *end == '\v') {
    ++end;
  }
  if (*end != '\0') return std::nullopt;
  return number;
}

// An integer value the parse tree leaves out (0 or negative), read from the text: the sign and
// the number after the parameter's "=".
std::optional<std::string> integer_written(const Node& option, const Written& written) {
  if (!written.statement.exact || !option.location()) return std::nullopt;
  std::uint32_t from = written.statement.offset(option.location());
  if (from >= written.statement.range.end) return std::nullopt;
  bool after_equals = false;
  bool negative = false;
  for (const lint::Token& token : written.file.tokens({from, written.statement.range.end})) {
    std::string_view text = written.file.slice(token.range);
    if (!after_equals) {
      if (text == "=") after_equals = true;
      continue;
    }
    if (text == "-") {
      negative = !negative;
    } else if (text != "+") {
      if (token.name != "ICONST") return std::nullopt;
      std::string number = negative ? "-" : "";
      number += text;
      return number;
    }
  }
  return std::nullopt;
}

// The text of a parameter's value as PostgreSQL stores it (defGetString): "true" when none;
// nothing when it is not one sqlgate reads.
std::optional<std::string> value_text(const Node& option, const Written& written) {
  if (!option.has("arg")) return std::string("true");
  Node value = option.get("arg");
  if (value.is("Integer")) {
    if (value.has("ival")) return std::to_string(value.as_int());
    return integer_written(option, written);
  }
  if (value.is("Float")) return std::string(value.str("fval"));
  if (value.is("String")) return std::string(value.str("sval"));
  if (value.is("Boolean")) return std::string(value.flag("boolval") ? "true" : "false");
  if (value.is("TypeName")) {
    lint::NodeList names = value.list("names");
    if (names.size() == 1 && !value.has("typmods") && !value.has("arrayBounds")) {
      return std::string(names[0].as_str());
    }
  }
  return std::nullopt;
}

// The parameters a relation (of `takes`) has.
std::string known_names(unsigned takes) {
  std::vector<std::string> names;
  for (const Parameter& parameter : k_parameters) {
    if ((parameter.takes & takes) != 0) names.emplace_back(parameter.name);
  }
  return lint::join_strings(names, ", ");
}

// A parameter the relation has not; the help names one it begins (a name cut short).
OptionRefusal unknown(const std::string& name, unsigned takes, std::string_view relation) {
  std::string help;
  for (const Parameter& parameter : k_parameters) {
    if ((parameter.takes & takes) != 0 && parameter.name.size() > name.size() &&
        parameter.name.substr(0, name.size()) == name) {
      help = "write " + std::string(parameter.name) + "; ";
      break;
    }
  }
  help += "a " + std::string(relation) + " takes " + known_names(takes);
  return OptionRefusal{"PostgreSQL 15 has no " + std::string(relation) + " parameter " + name,
                       "unrecognized parameter " + in_quotes(name), help};
}

// One parameter's value: read as its type, then within its bounds.
std::optional<OptionRefusal> bad_value(const Parameter& parameter, const Node& option,
                                       const Written& written) {
  auto text = value_text(option, written);
  if (!text) return std::nullopt;
  std::string name(parameter.name);
  auto invalid = [&](std::string_view type, std::string_view takes) {
    return OptionRefusal{
        name + " is " + std::string(takes) + ", and " + in_quotes(*text) + " is not one",
        "invalid value for " + std::string(type) + " option " + in_quotes(name) + ": " + *text,
        "give " + name + " " + std::string(takes)};
  };
  switch (parameter.kind) {
    case Kind::boolean:
      if (lint::parse_bool(*text)) return std::nullopt;
      return invalid("boolean", "a boolean (true, false, on, off, yes, no, 1, 0)");
    case Kind::enumeration:
      for (std::size_t from = 0; from < parameter.values.size();) {
        std::size_t to = std::min(parameter.values.find(' ', from), parameter.values.size());
        if (same_ignoring_case(*text, parameter.values.substr(from, to - from))) {
          return std::nullopt;
        }
        from = to + 1;
      }
      return invalid("enum", parameter.values_words);
    case Kind::integer:
    case Kind::real: {
      bool integer = parameter.kind == Kind::integer;
      auto number = reads_as_number(*text);
      if (number && integer) {
        *number = std::rint(*number);
        if (*number > k_int_max || *number < -k_int_max - 1) number.reset();
      }
      if (!number) {
        return integer ? invalid("integer", "a whole number")
                       : invalid("floating point", "a number");
      }
      if (*number >= parameter.min && *number <= parameter.max) return std::nullopt;
      std::string range = whole_number(parameter.min);
      std::string why = name + " " + *text;
      std::string help;
      if (parameter.max == k_real_max) {
        why += " is below " + range;
        help = "give " + name +
               " a count of distinct values, or between -1 and 0 the count as a fraction of the "
               "rows, negated (-1: every value distinct)";
      } else {
        range += " and ";
        range += whole_number(parameter.max);
        why += " is not between " + range;
        help = "give " + name + " a value between " + range;
      }
      return OptionRefusal{why, "value " + *text + " out of bounds for option " + in_quotes(name),
                           help};
    }
  }
  return std::nullopt;
}

// The parameters of one namespace (none, or toast), in the order written: unknown, given twice,
// a value not read or out of bounds.
// Parameters the relation has not are refused, unless `skip_unknown` (another check judges them).
std::optional<OptionRefusal> parameters(const std::vector<Node>& options, unsigned takes,
                                        std::string_view relation, const Written& written,
                                        bool skip_unknown = false) {
  std::vector<std::string> seen;
  for (const Node& option : options) {
    std::string name(option.str("defname"));
    const Parameter* found = nullptr;
    for (const Parameter& parameter : k_parameters) {
      if ((parameter.takes & takes) != 0 && parameter.name == name) found = &parameter;
    }
    if (found == nullptr) {
      if (skip_unknown) continue;
      return unknown(name, takes, relation);
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      return OptionRefusal{name + " is given twice",
                           "parameter " + in_quotes(name) + " specified more than once",
                           "give " + name + " once"};
    }
    seen.push_back(name);
    if (auto refusal = bad_value(*found, option, written)) return refusal;
  }
  return std::nullopt;
}

OptionRefusal namespace_refusal(std::string_view space, std::string_view relation) {
  std::string name(space);
  std::string why = "PostgreSQL has no parameter namespace " + name + " for ";
  why += relation == "index" ? "an " : "a ";
  why += relation;
  return OptionRefusal{why, "unrecognized parameter namespace " + in_quotes(name),
                       relation == "table" ? "write toast.<parameter> or the parameter alone"
                                           : "write the parameter without a namespace"};
}

// The options of a relation that takes no namespace (a view, a column): a namespace is refused
// first, then each parameter as written.
std::optional<OptionRefusal> options_without_namespace(const lint::NodeList& options,
                                                       unsigned takes, std::string_view relation,
                                                       const Written& written) {
  std::vector<Node> all;
  for (Node option : options) {
    std::string_view space = option.str("defnamespace");
    if (!space.empty()) return namespace_refusal(space, relation);
    all.push_back(option);
  }
  return parameters(all, takes, relation, written);
}

}  // namespace

std::optional<OptionRefusal> table_options(const lint::NodeList& options, TableOptions statement,
                                           const Written& written) {
  std::vector<Node> heap;
  std::vector<Node> toast;
  for (Node option : options) {
    std::string_view space = option.str("defnamespace");
    if (!space.empty() && space != "toast") return namespace_refusal(space, "table");
  }
  for (Node option : options) {
    bool in_toast = option.str("defnamespace") == "toast";
    if (!in_toast && option.str("defname") == "oids" && statement == TableOptions::create) {
      // oids = false is accepted and ignored; true is refused before any other parameter.
      auto text = value_text(option, written);
      if (text && lint::parse_bool(*text) == true) {
        return OptionRefusal{"a table has no OIDs since PostgreSQL 12",
                             "tables declared WITH OIDS are not supported",
                             "leave oids out: give the table an identity column if it needs one"};
      }
      continue;
    }
    (in_toast ? toast : heap).push_back(option);
  }
  if (auto refusal = parameters(heap, k_heap, "table", written)) return refusal;
  if (statement == TableOptions::alter) return std::nullopt;
  return parameters(toast, k_toast, "TOAST table", written);
}

std::optional<OptionRefusal> view_options(const lint::NodeList& options, const Written& written) {
  return options_without_namespace(options, k_view, "view", written);
}

std::optional<OptionRefusal> attribute_options(const lint::NodeList& options,
                                               const Written& written) {
  return options_without_namespace(options, k_attribute, "column", written);
}

std::optional<OptionRefusal> index_options(const std::vector<lint::Node>& options,
                                           std::string_view method, const Written& written) {
  unsigned takes = 0;
  for (const Method& known : k_methods) {
    if (known.name == method) takes = known.takes;
  }
  if (takes == 0) return std::nullopt;
  std::vector<Node> all;
  for (Node option : options) {
    std::string_view space = option.str("defnamespace");
    if (!space.empty()) return namespace_refusal(space, "index");
    all.push_back(option);
  }
  return parameters(all, takes, "index", written, true);
}

}  // namespace sqlgate::rules
