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

// The statement of the file that attaches the index to a partitioned index (ALTER INDEX parent
// ATTACH PARTITION index), if any: once attached, PostgreSQL refuses to drop it ("cannot drop index
// ... because index ... requires it").
const lint::Statement* attached_by(const lint::ParsedFile& file, const lint::QualifiedName& index) {
  for (const lint::Statement* statement : file.all_statements()) {
    const lint::Node& node = statement->node;
    if (statement->kind() != "AlterTableStmt" || node.str("objtype") != "OBJECT_INDEX") continue;
    for (lint::Node command : node.list("cmds")) {
      if (command.str("subtype") != "AT_AttachPartition") continue;
      lint::Node child = command.get("def").get("name");
      if (lint::QualifiedName::of(lint::relation_name(child)).matches(index)) return statement;
    }
  }
  return nullptr;
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
    std::string message =
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS keeps the INVALID index a failed or cancelled "
        "earlier build leaves behind: the retry succeeds without building " +
        index.display();
    if (const lint::Statement* attach = attached_by(file, index)) {
      // A DROP before it would fail on the second run, the index attached by then.
      out.report(statement->range, std::move(message),
                 "check pg_index.indisvalid first and rebuild only an invalid index (SELECT "
                 "indisvalid FROM pg_index WHERE indexrelid = to_regclass('" +
                     lint::sql_name(index.schema, index.name) + "')): a plain " + drop +
                     " before it fails on the second run, when the index is attached to the "
                     "partitioned index (line " +
                     std::to_string(file.position(attach->range.begin).line) +
                     ") and PostgreSQL refuses to drop it");
      continue;
    }
    auto finding = out.report(
        statement->range, std::move(message),
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
