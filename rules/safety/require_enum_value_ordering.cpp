// require-enum-value-ordering: ALTER TYPE ... ADD VALUE without BEFORE or AFTER puts the value
// last, which matters wherever the enum is sorted or compared.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    if (statement->kind() != "AlterEnumStmt") continue;
    const lint::Node& node = statement->node;
    if (node.str("newVal").empty() || node.has("newValNeighbor") || node.has("oldVal")) continue;
    out.report(statement->range,
               "ADD VALUE '" + std::string(node.str("newVal")) + "' to enum " +
                   lint::join_names(node.list("typeName")) +
                   " without BEFORE or AFTER sorts it after every existing value: ORDER BY, <, "
                   "> and MIN/MAX on the enum follow that order",
               "say where it belongs: ADD VALUE '" + std::string(node.str("newVal")) +
                   "' BEFORE '...' or AFTER '...' (or keep it last on purpose)");
  }
}

}  // namespace

lint::Rule require_enum_value_ordering() {
  return {.info = {.id = "require-enum-value-ordering",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::info,
                   .summary = "ALTER TYPE ... ADD VALUE without BEFORE or AFTER"},
          .check_file = check};
}

}  // namespace sqlgate::rules
