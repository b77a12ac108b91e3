// require-concurrent-reindex: REINDEX without CONCURRENTLY (PostgreSQL 12 and later have it), but
// of an exclusion constraint's index, which has no concurrent rebuild.
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

// The exclusion constraints of a table a REINDEX TABLE names, as the migrations before it left
// them: REINDEX TABLE CONCURRENTLY skips their indexes, with a WARNING.
std::vector<std::string> exclusion_constraints(const lint::FileContext& context,
                                               const lint::Statement& statement,
                                               const lint::QualifiedName& table) {
  std::vector<std::string> names;
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::table, table.schema, table.name);
  if (id == lint::k_no_object) return names;
  const lint::Catalog& catalog = *context.project.catalog();
  lint::Tick at = catalog.before_statement(context.index, *context.file.ordinal(statement));
  for (lint::ObjectId child : catalog.object(id).children) {
    const lint::CatalogObject& constraint = catalog.object(child);
    if (constraint.kind() == lint::ObjectKind::constraint && constraint.contype == 'x' &&
        constraint.alive_at(at)) {
      names.push_back(constraint.ref_at(at).name);
    }
  }
  return names;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<lint::TransactionLayout> layout;
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "ReindexStmt") continue;
    const lint::Node& node = statement->node;
    std::string_view kind = node.str("kind");
    if (kind == "REINDEX_OBJECT_SYSTEM" || lint::reindex_concurrently(node)) continue;
    std::string target;
    std::string_view keyword;
    if (kind == "REINDEX_OBJECT_INDEX" || kind == "REINDEX_OBJECT_TABLE") {
      auto name = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      std::optional<lint::QualifiedName> table = name;
      if (kind == "REINDEX_OBJECT_INDEX") {
        // An exclusion constraint's index has no concurrent rebuild: PostgreSQL refuses it.
        if (lint::exclusion_constraint_of_index(context, *statement, name) != lint::k_no_object) {
          continue;
        }
        table = tables.table_of_index(name, *statement);
      }
      if (table && tables.is_new_table(*table, *statement)) continue;
      keyword = kind == "REINDEX_OBJECT_INDEX" ? "INDEX" : "TABLE";
      target = (kind == "REINDEX_OBJECT_INDEX" ? "index " : "table ") + name.display();
    } else if (kind == "REINDEX_OBJECT_SCHEMA") {
      keyword = "SCHEMA";
      target = "every table of schema " + std::string(node.str("name"));
    } else {
      keyword = "DATABASE";
      target = "every table of the database";
    }
    bool available = context.pg_version() >= 12;
    std::string help;
    if (!available) {
      help =
          "before PostgreSQL 12 there is no REINDEX CONCURRENTLY: build a replacement with "
          "CREATE INDEX CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY, then "
          "rename the new one";
    } else if (statement->embedded()) {
      help = "CONCURRENTLY cannot run inside a DO block: move REINDEX " + std::string(keyword) +
             " CONCURRENTLY out of it, into a file marked -- sqlgate:no-transaction";
    } else {
      help = "write REINDEX " + std::string(keyword) +
             " CONCURRENTLY (PostgreSQL 12+) in a file marked -- sqlgate:no-transaction";
    }
    if (available && kind == "REINDEX_OBJECT_TABLE") {
      auto table = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      std::vector<std::string> skipped = exclusion_constraints(context, *statement, table);
      if (!skipped.empty()) {
        help += " (it skips, with a WARNING, the index of exclusion constraint" +
                std::string(skipped.size() > 1 ? "s " : " ") + lint::join_strings(skipped, ", ") +
                ": PostgreSQL rebuilds an exclusion constraint's index only without "
                "CONCURRENTLY)";
      }
    }
    auto finding = out.report(statement->range,
                              "REINDEX without CONCURRENTLY of " + target +
                                  " blocks writes to each table (SHARE lock) and every query "
                                  "that would use the index (ACCESS EXCLUSIVE on it) until "
                                  "it is rebuilt",
                              std::move(help));
    if (!available) continue;
    if (!layout) layout.emplace(file);
    if (!layout->runs_alone(*statement)) continue;
    // The object keyword follows REINDEX and its optional parenthesised options.
    if (auto edit = lint::insert_after_token(file, *statement, keyword, " CONCURRENTLY")) {
      finding.fix("Add CONCURRENTLY", {*edit});
    }
  }
}

}  // namespace

lint::Rule require_concurrent_reindex() {
  return {.info = {.id = "require-concurrent-reindex",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "REINDEX without CONCURRENTLY blocks writes and the index's readers",
                   .fix = lint::FixKind::safe},
          .check_file = check};
}

}  // namespace sqlgate::rules
