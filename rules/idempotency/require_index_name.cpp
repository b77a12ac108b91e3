// require-index-name: CREATE INDEX without a name adds another index on every run.
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

// The name PostgreSQL picks when it is free: table_column[_column...]_idx, with a function's
// name for an expression on a function call and "expr" for any other; cut to the length of an
// identifier.
std::string default_name(const Node& index) {
  std::string name(index.get("relation").str("relname"));
  for (Node element : index.list("indexParams")) {
    std::string_view column = element.str("name");
    Node expression = element.get("expr");
    if (column.empty() && expression.is("FuncCall")) {
      lint::NodeList names = expression.list("funcname");
      if (!names.empty()) column = names.back().as_str();
    }
    name += "_";
    name += column.empty() ? std::string_view("expr") : column;
  }
  name += "_idx";
  constexpr std::size_t k_max_identifier = 63;
  if (name.size() > k_max_identifier) name.resize(k_max_identifier);
  return name;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  for (const Statement* statement : scope.statements()) {
    const Node& node = statement->node;
    if (statement->kind() != "IndexStmt" || !node.str("idxname").empty()) continue;
    Node relation = node.get("relation");
    if (scope.fresh(*statement, relation)) continue;
    // Nothing fails on the second run: only a test can guard it.
    if (scope.guard(*statement, std::nullopt)) continue;
    std::string table = name_of(relation).display();
    std::string name = default_name(node);
    scope.report(
        *statement, statement->range,
        "CREATE INDEX without a name on " + table + " builds another index " + std::string(k_again),
        "name it and add IF NOT EXISTS: CREATE " +
            std::string(node.flag("unique") ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + name +
            " ON " + table + " ...");
  }
}

}  // namespace

lint::Rule require_index_name() {
  return lint::Rule{
      .info = {.id = "require-index-name",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "CREATE INDEX without a name adds another index every time the "
                          "migration runs"},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
