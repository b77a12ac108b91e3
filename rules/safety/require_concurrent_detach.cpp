// require-concurrent-detach: ALTER TABLE ... DETACH PARTITION without CONCURRENTLY (PostgreSQL
// 14 and later have it).
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

void check(const lint::FileContext& context, lint::Reporter& out) {
  if (context.pg_version() < 14) return;  // no concurrent form to recommend
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<lint::TransactionLayout> layout;
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() != "AlterTableStmt") continue;
    const lint::Node& node = statement->node;
    auto parent = lint::QualifiedName::of(lint::relation_name(node.get("relation")));
    lint::NodeList cmds = node.list("cmds");
    for (std::size_t i = 0; i < cmds.size(); ++i) {
      lint::Node cmd = cmds[i];
      if (cmd.str("subtype") != "AT_DetachPartition") continue;
      lint::Node partition = cmd.get("def");
      if (partition.flag("concurrent")) continue;
      if (tables.is_new_table(parent, *statement)) continue;
      // With a DEFAULT partition PostgreSQL refuses CONCURRENTLY: there is nothing to demand.
      if (default_partition_of(context, *statement)) continue;
      auto child = lint::QualifiedName::of(lint::relation_name(partition.get("name")));
      auto finding = out.report(
          lint::alter_command_range(file, *statement, i),
          "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE locks on " +
              parent.display() + " and " + child.display() +
              ": every read and write of the partitioned table waits",
          statement->embedded()
              ? "CONCURRENTLY cannot run inside a DO block: move ALTER TABLE ... DETACH "
                "PARTITION ... CONCURRENTLY out of it, into a file marked "
                "-- sqlgate:no-transaction"
              : "write DETACH PARTITION " + child.display() +
                    " CONCURRENTLY (PostgreSQL 14+), alone in its ALTER TABLE, in a file "
                    "marked -- sqlgate:no-transaction; it is refused when the table has a "
                    "DEFAULT partition");
      if (!layout) layout.emplace(file);
      if (cmds.size() != 1 || !layout->runs_alone(*statement) || !statement->exact) continue;
      auto at = lint::token_at(file, *statement, partition.get("name").location());
      // The partition's name may be qualified: insert after its last part.
      std::vector<lint::Token> tokens =
          file.tokens(lint::TextRange{at.begin, statement->range.end});
      if (tokens.empty()) continue;
      std::uint32_t end = tokens[0].range.end;
      for (std::size_t t = 1; t + 1 < tokens.size() && tokens[t].name == "ASCII_46"; t += 2) {
        end = tokens[t + 1].range.end;
      }
      finding.fix("Add CONCURRENTLY", {lint::Edit{lint::TextRange{end, end}, " CONCURRENTLY"}});
    }
  }
}

}  // namespace

lint::Rule require_concurrent_detach() {
  return {.info = {.id = "require-concurrent-detach",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "DETACH PARTITION without CONCURRENTLY blocks the partitioned table "
                              "(PostgreSQL 14+)",
                   .fix = lint::FixKind::safe},
          .check_file = check};
}

}  // namespace sqlgate::rules
