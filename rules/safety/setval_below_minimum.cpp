// setval-below-minimum: setval() given 0 (or less) for a sequence whose minimum is 1: as a
// constant, or as the fallback of COALESCE(max(id), 0), which an empty table (a new database:
// CI, a new environment) makes it; and a constant out of the bounds (MINVALUE..MAXVALUE) of a
// sequence the migrations made. PostgreSQL refuses it: "setval: value 0 is out of bounds".
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/pairing/sequences.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// An integer constant's value (the parser folds a minus sign into it: -5 is a constant).
std::optional<std::int64_t> integer(const Node& node) {
  if (!node.is("A_Const") || !node.has("ival")) return std::nullopt;
  return node.get("ival").num("ival");
}

// How the value can come out below 1: "always" for a constant, "when the table is empty" for a
// COALESCE whose fallback is (of an aggregate, or of a subquery's); nullopt when it cannot, as
// far as is seen.
std::optional<std::string> below_one(const Node& value) {
  if (auto constant = integer(value)) {
    if (*constant < 1) return "always";
    return std::nullopt;
  }
  if (value.is("CoalesceExpr")) {
    lint::NodeList args = value.list("args");
    if (args.empty()) return std::nullopt;
    if (auto fallback = below_one(args[args.size() - 1]); fallback) {
      return std::string("when the table it reads is empty");
    }
    return std::nullopt;
  }
  if (value.is("SubLink") && value.str("subLinkType") == "EXPR_SUBLINK") {
    lint::NodeList targets = value.get("subselect").list("targetList");
    if (targets.size() != 1) return std::nullopt;
    return below_one(targets[0].get("val"));
  }
  return std::nullopt;
}

// The sequence's name as setval's first argument gives it: a string constant, or one cast to
// regclass.
std::string sequence_name(const Node& argument) {
  Node constant = argument.is("TypeCast") ? argument.get("arg") : argument;
  if (!constant.is("A_Const") || !constant.has("sval")) return {};
  return std::string(constant.get("sval").str("sval"));
}

// Whether a CREATE or ALTER SEQUENCE of the project gives a sequence of that (last) name a
// MINVALUE, a START or a negative INCREMENT: its minimum is not known to be 1.
bool own_bounds(const lint::Project& project, const std::string& name) {
  std::string bare = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::ParsedFile* file = project.parsed(i);
    if (file == nullptr) continue;
    for (const lint::Statement* statement : file->all_statements()) {
      const Node& node = statement->node;
      if (!node.is("CreateSeqStmt") && !node.is("AlterSeqStmt")) continue;
      if (node.get("sequence").str("relname") != bare) continue;
      for (Node option : node.list("options")) {
        std::string_view defname = option.str("defname");
        if (defname == "minvalue" || defname == "increment") return true;
      }
    }
  }
  return false;
}

// The sequence setval's first argument names, as the migrations before the statement left it:
// a name in a string ('orders_id_seq', 'public.orders_id_seq'::regclass), or
// pg_get_serial_sequence('table', 'column') (the sequence the column owns: a serial's or an
// identity's). k_no_object when not known.
struct NamedSequence {
  lint::ObjectId sequence = lint::k_no_object;
  std::string name;
};
NamedSequence named_sequence(const lint::FileContext& context, const lint::Statement& statement,
                             const Node& argument, lint::Tick tick) {
  const lint::Catalog& catalog = *context.project.catalog();
  std::string text = sequence_name(argument);
  if (!text.empty()) {
    std::vector<std::string> parts = lint::text_name_parts(text);
    if (parts.empty() || parts.size() > 2) return {};
    std::string schema = parts.size() == 2 ? parts[0] : std::string();
    return {
        lint::find_as_written(context, statement, lint::ObjectKind::sequence, schema, parts.back()),
        parts.back()};
  }
  if (!argument.is("FuncCall")) return {};
  lint::NodeList names = argument.list("funcname");
  lint::NodeList args = argument.list("args");
  if (names.empty() || names[names.size() - 1].as_str() != "pg_get_serial_sequence" ||
      args.size() != 2) {
    return {};
  }
  std::string table = sequence_name(args[0]);
  std::string column = sequence_name(args[1]);  // taken as written, not folded
  std::vector<std::string> parts = lint::text_name_parts(table);
  if (column.empty() || parts.empty() || parts.size() > 2) return {};
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::column,
                            parts.size() == 2 ? parts[0] : std::string(), column, parts.back());
  if (id == lint::k_no_object) return {};
  NamedSequence found;
  for (const lint::DependencyEdge& edge : catalog.object(id).dependents) {
    const lint::CatalogObject& other = catalog.object(edge.object);
    if (edge.automatic && edge.alive_at(tick) && other.kind() == lint::ObjectKind::sequence &&
        other.alive_at(tick)) {
      found = {edge.object, other.ref_at(tick).name};
    }
  }
  return found;
}

// A whole-number constant (the parser folds a minus sign into it; one beyond int4 is a Float).
std::optional<std::int64_t> whole_number(const Node& node) {
  if (auto constant = integer(node)) return constant;
  if (!node.is("A_Const") || !node.has("fval")) return std::nullopt;
  std::string_view text = node.get("fval").str("fval");
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// setval(s, n) with a constant n out of s's bounds, as the migrations before made and altered
// it (MINVALUE, MAXVALUE, AS integer or smallint, an identity's or a serial's type). Whether the
// statement was judged (the sequence and its bounds are known).
bool out_of_bounds(const lint::FileContext& context, const lint::Statement& statement,
                   const Node& call, lint::TextRange range, lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  lint::NodeList args = call.list("args");
  std::optional<std::int64_t> value = whole_number(args[1]);
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !value || !tick) return false;
  NamedSequence named = named_sequence(context, statement, args[0], *tick);
  if (named.sequence == lint::k_no_object) return false;
  pairing::SequenceSubject subject{
      named.sequence, pairing::identity_column_of(context.project, *catalog, named.sequence)};
  pairing::SequenceOptions bounds =
      pairing::state_before(context.project, *catalog, subject, *tick).options;
  if (!bounds.minvalue || !bounds.maxvalue) return false;
  if (*value >= *bounds.minvalue && *value <= *bounds.maxvalue) return true;
  std::string range_text =
      std::to_string(*bounds.minvalue) + ".." + std::to_string(*bounds.maxvalue);
  bool above = *value > *bounds.maxvalue;
  std::string message =
      "setval(..., " + std::to_string(*value) + ") fails always: sequence " + named.name +
      " (made by " + context.project.source(catalog->object(named.sequence).created.file).display +
      ") takes values from " + std::to_string(*bounds.minvalue) + " to " +
      std::to_string(*bounds.maxvalue) + " (\"setval: value " + std::to_string(*value) +
      " is out of bounds for sequence \"" + named.name + "\" (" + range_text + ")\")";
  std::string help = "give a value from " + std::to_string(*bounds.minvalue) + " to " +
                     std::to_string(*bounds.maxvalue);
  if (above) {
    help += ", or raise its MAXVALUE first (";
    help += subject.column != lint::k_no_object
                ? std::string(
                      "ALTER TABLE ... ALTER COLUMN ... SET MAXVALUE, with a wider column "
                      "type if it needs one")
                : "ALTER SEQUENCE " + named.name + " MAXVALUE ..., AS bigint if it needs it";
    help += ")";
  } else {
    help += ", or lower its MINVALUE first";
  }
  out.report(range, message, help);
  return true;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    lint::walk(statement->node, [&](const Node& node) {
      if (!node.is("FuncCall")) return true;
      lint::NodeList names = node.list("funcname");
      if (names.empty() || names[names.size() - 1].as_str() != "setval") return true;
      lint::NodeList args = node.list("args");
      if (args.size() < 2) return true;
      lint::TextRange range = statement->range;
      if (statement->exact && node.location()) {
        std::uint32_t begin = statement->offset(node.location());
        range = lint::TextRange{begin, begin + 6};
      }
      if (out_of_bounds(context, *statement, node, range, out)) return false;
      auto when = below_one(args[1]);
      if (!when) return true;
      std::string sequence = sequence_name(args[0]);
      if (sequence.empty() || own_bounds(context.project, sequence)) return true;
      bool always = *when == "always";
      out.report(range,
                 "setval('" + sequence + "', ...) fails " + *when + ": the value is " +
                     (always ? "below 1" : "0 then") +
                     ", and a sequence's minimum is 1 unless it was given another (\"setval: "
                     "value 0 is out of bounds\")",
                 always ? "give a value of at least 1: setval('" + sequence +
                              "', 1, false) makes "
                              "the next value 1"
                        : "add 1 to the fallback and let setval not count it as used: setval('" +
                              sequence +
                              "', COALESCE(max(id), 0) + 1, false) makes the next value max + 1, "
                              "and 1 on an empty table");
      return false;
    });
  }
}

}  // namespace

lint::Rule setval_below_minimum() {
  return {.info = {.id = "setval-below-minimum",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "setval() to 0, or to COALESCE(max(id), 0) that an empty table "
                              "makes 0, or to a constant above the sequence's MAXVALUE: out of "
                              "its bounds, it fails"},
          .check_file = check};
}

}  // namespace sqlgate::rules
