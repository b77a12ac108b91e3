// require-drop-before-concurrent-index: CREATE INDEX CONCURRENTLY IF NOT EXISTS with nothing
// that removes an invalid index left by an earlier failed build.
#include <algorithm>
#include <cctype>

#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

// Where the file first mentions pg_index.indisvalid (a validity check), or the end of the text.
std::size_t first_validity_check(std::string_view text) {
  static constexpr std::string_view k_word = "indisvalid";
  auto it = std::search(text.begin(), text.end(), k_word.begin(), k_word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  return static_cast<std::size_t>(it - text.begin());
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::vector<lint::QualifiedName> dropped;  // DROP INDEX ... IF EXISTS seen so far
  std::optional<std::size_t> validity_check;
  for (const lint::Statement* statement : file.all_statements()) {
    const lint::Node& node = statement->node;
    if (statement->kind() == "DropStmt" && node.str("removeType") == "OBJECT_INDEX" &&
        node.flag("missing_ok")) {
      for (auto& name : lint::drop_objects(node)) dropped.push_back(std::move(name));
      continue;
    }
    if (statement->kind() != "IndexStmt" || !node.flag("concurrent") ||
        !node.flag("if_not_exists") || node.str("idxname").empty()) {
      continue;
    }
    auto table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    if (tables.is_new_table(table, *statement)) continue;
    // On a partitioned table the statement fails anyway (unsupported-concurrently).
    if (partitioned_table_of(context, *statement)) continue;
    lint::QualifiedName index{table.schema, std::string(node.str("idxname"))};
    bool guarded =
        std::any_of(dropped.begin(), dropped.end(),
                    [&](const lint::QualifiedName& name) { return name.matches(index); });
    if (!validity_check) validity_check = first_validity_check(file.text());
    if (guarded || *validity_check < statement->range.begin) continue;
    std::string drop =
        "DROP INDEX CONCURRENTLY IF EXISTS " + lint::sql_name(index.schema, index.name);
    auto finding = out.report(
        statement->range,
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS keeps the INVALID index a failed or cancelled "
        "earlier build leaves behind: the retry succeeds without building " +
            index.display(),
        "drop a leftover first: " + drop +
            "; before it (or check pg_index.indisvalid and rebuild only an invalid index)");
    if (!statement->embedded() && statement->exact) {
      finding.fix("Drop a leftover invalid index first",
                  {lint::Edit{lint::TextRange{statement->range.begin, statement->range.begin},
                              drop + ";\n"}},
                  false);
    }
  }
}

}  // namespace

lint::Rule require_drop_before_concurrent_index() {
  return {.info = {.id = "require-drop-before-concurrent-index",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .summary = "CREATE INDEX CONCURRENTLY IF NOT EXISTS keeps an invalid index from "
                              "a failed build",
                   .fix = lint::FixKind::unsafe},
          .check_file = check};
}

}  // namespace sqlgate::rules
