// prefer-text-over-varchar: varchar(n) columns, where text with a CHECK constraint serves and can
// change its limit without a lock.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::for_each_column_definition(
      context, [&](const lint::Statement& statement, const lint::ColumnDefinition& column,
                   const lint::ColumnType& type) {
        if (!type.is("varchar") || type.modifiers.empty()) return;
        std::string name(column.name);
        out.report(lint::token_at(file, statement, type.location),
                   "column " + name + " is " + type.display() +
                       ": changing its limit later is an ALTER COLUMN TYPE (a rewrite when it "
                       "shrinks), while a CHECK on text changes with NOT VALID and VALIDATE",
                   "use text with CHECK (char_length(" + name +
                       ") <= " + std::to_string(type.modifiers.front()) + ")");
      });
}

}  // namespace

lint::Rule prefer_text_over_varchar() {
  return {.info = {.id = "prefer-text-over-varchar",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "varchar(n) where text with a CHECK constraint serves"},
          .check_file = check};
}

}  // namespace sqlgate::rules
