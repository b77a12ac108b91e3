// require-concurrent-reindex: REINDEX without CONCURRENTLY (PostgreSQL 12 and later have it).
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

bool has_option(const lint::Node& node, std::string_view name) {
  for (lint::Node option : node.list("params")) {
    if (option.str("defname") == name) {
      // (CONCURRENTLY false) turns it off.
      lint::Node arg = option.get("arg");
      return !(arg.valid() && arg.is("Boolean") && !arg.flag("boolval")) &&
             !(arg.valid() && arg.as_str() == "false");
    }
  }
  return false;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<lint::TransactionLayout> layout;
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "ReindexStmt") continue;
    const lint::Node& node = statement->node;
    std::string_view kind = node.str("kind");
    if (kind == "REINDEX_OBJECT_SYSTEM" || has_option(node, "concurrently")) continue;
    std::string target;
    std::string_view keyword;
    if (kind == "REINDEX_OBJECT_INDEX" || kind == "REINDEX_OBJECT_TABLE") {
      auto name = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
      std::optional<lint::QualifiedName> table = name;
      if (kind == "REINDEX_OBJECT_INDEX") table = tables.table_of_index(name, *statement);
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
