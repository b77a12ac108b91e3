// ban-char-type: char(n) / character(n) columns: blank-padded, and no faster than text.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::for_each_column_definition(
      context, [&](const lint::Statement& statement, const lint::ColumnDefinition& column,
                   const lint::ColumnType& type) {
        if (!type.is("bpchar")) return;
        out.report(lint::token_at(file, statement, type.location),
                   "column " + std::string(column.name) + " is " + type.display() +
                       ": values are padded with blanks to the length, comparisons ignore trailing "
                       "blanks, and it is no faster or smaller than text",
                   "use text (with CHECK (char_length(" + std::string(column.name) +
                       ") = n) if the length matters)");
      });
}

}  // namespace

lint::Rule ban_char_type() {
  return {.info = {.id = "ban-char-type",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "char(n) pads values with blanks; use text"},
          .check_file = check};
}

}  // namespace sqlgate::rules
