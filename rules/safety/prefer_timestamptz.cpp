// prefer-timestamptz: timestamp (without time zone) columns.
#include "lint/pg_facts.h"
#include "lint/rule.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::for_each_column_definition(
      context, [&](const lint::Statement& statement, const lint::ColumnDefinition& column,
                   const lint::ColumnType& type) {
        if (!type.is("timestamp")) return;
        lint::TextRange at = lint::token_at(file, statement, type.location);
        auto finding = out.report(
            at,
            "column " + std::string(column.name) +
                " is timestamp without time zone: it stores the wall-clock time of whatever "
                "zone the writer's session had, so two instants can look equal and one instant "
                "can look different",
            "use timestamptz: it stores an instant and shows it in each session's zone");
        auto word = lint::replaceable_type(file, statement, column);
        if (!word) return;
        // timestamp[(p)] [WITHOUT TIME ZONE] -> timestamptz[(p)]
        std::vector<lint::Token> tokens =
            file.tokens(lint::TextRange{word->begin, statement.range.end});
        if (tokens.empty() || tokens[0].name != "TIMESTAMP") return;
        std::vector<lint::Edit> edits{lint::Edit{tokens[0].range, "timestamptz"}};
        std::size_t i = 1;
        if (i + 2 < tokens.size() && tokens[i].name == "ASCII_40") i += 3;  // (p)
        if (i + 2 < tokens.size() && tokens[i].name == "WITHOUT" && tokens[i + 1].name == "TIME" &&
            tokens[i + 2].name == "ZONE") {
          edits.push_back(
              lint::Edit{lint::TextRange{tokens[i - 1].range.end, tokens[i + 2].range.end}, ""});
        }
        // Reading existing values in another zone changes their meaning: unsafe.
        finding.fix("Use timestamptz", std::move(edits), false);
      });
}

}  // namespace

lint::Rule prefer_timestamptz() {
  return {.info = {.id = "prefer-timestamptz",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "timestamp without time zone where timestamptz serves",
                   .fix = lint::FixKind::unsafe},
          .check_file = check};
}

}  // namespace sqlgate::rules
