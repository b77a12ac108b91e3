// prefer-jsonb: json columns, where jsonb serves.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::for_each_column_definition(
      context, [&](const lint::Statement& statement, const lint::ColumnDefinition& column,
                   const lint::ColumnType& type) {
        if (!type.is("json")) return;
        lint::TextRange at = lint::token_at(file, statement, type.location);
        auto finding = out.report(
            at,
            "column " + std::string(column.name) +
                " is json: it is stored as text and parsed again on every access, has no equality "
                "operator (no DISTINCT, GROUP BY or UNIQUE) and no index support",
            "use jsonb, unless the exact text (key order, duplicate keys, spacing) must be kept");
        auto word = lint::replaceable_type(file, statement, column);
        if (!word) return;
        // jsonb drops duplicate keys and reorders keys: unsafe.
        finding.fix("Use jsonb", {lint::Edit{*word, "jsonb"}}, false);
      });
}

}  // namespace

lint::Rule prefer_jsonb() {
  return {.info = {.id = "prefer-jsonb",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "json where jsonb serves",
                   .fix = lint::FixKind::unsafe},
          .check_file = check};
}

}  // namespace sqlgate::rules
