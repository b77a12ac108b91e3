// setval-below-minimum: setval() given 0 (or less) for a sequence whose minimum is 1: as a
// constant, or as the fallback of COALESCE(max(id), 0), which an empty table (a new database:
// CI, a new environment) makes it. PostgreSQL refuses it: "setval: value 0 is out of bounds".
#include <optional>
#include <string>

#include "lint/rule.h"
#include "lint/tree.h"

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

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    lint::walk(statement->node, [&](const Node& node) {
      if (!node.is("FuncCall")) return true;
      lint::NodeList names = node.list("funcname");
      if (names.empty() || names[names.size() - 1].as_str() != "setval") return true;
      lint::NodeList args = node.list("args");
      if (args.size() < 2) return true;
      auto when = below_one(args[1]);
      if (!when) return true;
      std::string sequence = sequence_name(args[0]);
      if (sequence.empty() || own_bounds(context.project, sequence)) return true;
      lint::TextRange range = statement->range;
      if (statement->exact && node.location()) {
        std::uint32_t begin = statement->offset(node.location());
        range = lint::TextRange{begin, begin + 6};
      }
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
                              "makes 0: below the sequence's minimum, it fails"},
          .check_file = check};
}

}  // namespace sqlgate::rules
