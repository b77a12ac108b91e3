// no-transaction-marker: a statement PostgreSQL refuses inside a transaction block needs
// `-- sqlgate:no-transaction` (the runner wraps every other file in one); a marker nothing
// needs gives up atomicity for nothing.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "lint/plpgsql.h"
#include "lint/table_state.h"
#include "lint/transaction.h"
#include "rules/transaction/transaction.h"

namespace sqlgate::rules::transaction {
namespace {

using lint::Node;

bool has_defelem(const Node& node, std::string_view list, std::string_view name) {
  for (Node option : node.list(list)) {
    if (option.str("defname") == name) return true;
  }
  return false;
}

// An option written `name = false` (or off, 0).
bool option_is_false(const Node& node, std::string_view list, std::string_view name) {
  for (Node option : node.list(list)) {
    if (option.str("defname") != name) continue;
    Node arg = option.get("arg");
    std::string_view value = arg.as_str();
    if (value == "false" || value == "off" || value == "0") return true;
    if (arg.is("Integer") && arg.as_int() == 0) return true;
    if (arg.is("Boolean") && !arg.flag("boolval")) return true;
  }
  return false;
}

// What PostgreSQL (checked on 15) refuses to run inside a transaction block; nullopt for the
// rest. pg_version gates ALTER TYPE ... ADD VALUE, allowed in a transaction since 12.
std::optional<std::string> outside_transaction_only(const lint::Statement& statement,
                                                    int pg_version) {
  const Node& node = statement.node;
  std::string_view kind = node.kind();
  if (kind == "IndexStmt" && node.flag("concurrent")) return "CREATE INDEX CONCURRENTLY";
  if (kind == "DropStmt" && node.flag("concurrent")) return "DROP INDEX CONCURRENTLY";
  if (kind == "ReindexStmt") {
    if (lint::reindex_concurrently(node)) return "REINDEX CONCURRENTLY";
    std::string_view object = node.str("kind");
    if (object == "REINDEX_OBJECT_SCHEMA") return "REINDEX SCHEMA";
    if (object == "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    if (object == "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    return std::nullopt;
  }
  if (kind == "VacuumStmt" && node.flag("is_vacuumcmd")) return "VACUUM";
  if (kind == "CreatedbStmt") return "CREATE DATABASE";
  if (kind == "DropdbStmt") return "DROP DATABASE";
  if (kind == "AlterDatabaseStmt" && has_defelem(node, "options", "tablespace")) {
    return "ALTER DATABASE ... SET TABLESPACE";
  }
  if (kind == "AlterSystemStmt") return "ALTER SYSTEM";
  if (kind == "CreateTableSpaceStmt") return "CREATE TABLESPACE";
  if (kind == "DropTableSpaceStmt") return "DROP TABLESPACE";
  if (kind == "AlterEnumStmt" && pg_version < 12 && !node.has("oldVal")) {
    return "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
  }
  if (kind == "ClusterStmt" && !node.has("relation")) return "CLUSTER without a table";
  if (kind == "DiscardStmt" && node.str("target") == "DISCARD_ALL") return "DISCARD ALL";
  if (kind == "CreateSubscriptionStmt" && !option_is_false(node, "options", "connect") &&
      !option_is_false(node, "options", "create_slot")) {
    return "CREATE SUBSCRIPTION that creates a replication slot";
  }
  if (kind == "AlterSubscriptionStmt") {
    std::string_view what = node.str("kind");
    if (what == "ALTER_SUBSCRIPTION_REFRESH") return "ALTER SUBSCRIPTION ... REFRESH PUBLICATION";
    if ((what == "ALTER_SUBSCRIPTION_SET_PUBLICATION" ||
         what == "ALTER_SUBSCRIPTION_ADD_PUBLICATION" ||
         what == "ALTER_SUBSCRIPTION_DROP_PUBLICATION") &&
        !option_is_false(node, "options", "refresh")) {
      return "ALTER SUBSCRIPTION ... PUBLICATION with refresh";
    }
    return std::nullopt;
  }
  if (kind == "AlterTableStmt") {
    for (Node command : node.list("cmds")) {
      Node partition = command.get("def");
      if (command.str("subtype") == "AT_DetachPartition" && partition.flag("concurrent")) {
        return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
      }
    }
  }
  return std::nullopt;
}

// A DO block whose PL/pgSQL commits or rolls back (a backfill that commits between batches):
// PostgreSQL allows that only when the DO runs outside a transaction block, else "invalid
// transaction termination" (2D000).
std::optional<std::string> ends_transaction(const Node& function) {
  std::optional<std::string> found;
  lint::walk(function, [&](const Node& node) {
    if (found) return false;
    if (node.is("PLpgSQL_stmt_commit")) found = "COMMIT inside a DO block";
    if (node.is("PLpgSQL_stmt_rollback")) found = "ROLLBACK inside a DO block";
    return !found;
  });
  return found;
}

// A CALL of a procedure a migration made in PL/pgSQL whose body commits or rolls back: like such
// a DO block, it runs only outside a transaction block (checked on 15).
struct CommittingCall {
  std::string what;     // "CALL backfill(), whose body COMMITs"
  std::string call;     // "CALL backfill()'s procedure", for report_subtransaction_end()
  bool always = false;  // the procedure has SET clauses or SECURITY DEFINER: refused anyway
  // The COMMIT or ROLLBACK the body runs inside a block with an EXCEPTION clause, when it does:
  // refused anyway (report_subtransaction_end()).
  std::optional<lint::SubtransactionEnd> in_subtransaction;
};

// What a PL/pgSQL procedure a migration made before `at` ends its transaction with, when it does:
// its body's COMMIT or ROLLBACK, or that of a procedure its body CALLs (a CALL in a procedure
// called outside a transaction block may commit too), followed `depth` calls deep. `always`:
// the procedure, or one on the way, has SET clauses or SECURITY DEFINER, where PostgreSQL refuses
// it anyway. `through`: the CALLs on the way, for the message.
std::optional<std::string> procedure_ends_transaction(const lint::QualifiedName& name,
                                                      const lint::Statement& at,
                                                      const lint::TableState& tables, int depth,
                                                      bool& always, std::string& through) {
  auto definition = tables.procedure_definition(name, at);
  if (!definition) return std::nullopt;
  bool plpgsql = false;
  bool atomic = false;
  for (Node option : definition->statement->node.list("options")) {
    std::string_view option_name = option.str("defname");
    if (option_name == "language") plpgsql = option.get("arg").as_str() == "plpgsql";
    if (option_name == "set") atomic = true;
    if (option_name == "security" && option.get("arg").flag("boolval")) atomic = true;
  }
  if (!plpgsql || !definition->statement->exact) return std::nullopt;
  auto ends = lint::routine_ends_transaction(definition->text);
  if (!ends && depth > 0) {
    for (const lint::QualifiedName& callee : lint::routine_calls(definition->text)) {
      std::string inner;
      ends = procedure_ends_transaction(callee, at, tables, depth - 1, always, inner);
      if (ends) {
        through = " through CALL " + callee.display() + "()" + inner;
        break;
      }
    }
  }
  if (ends && atomic) always = true;
  return ends;
}

std::optional<CommittingCall> committing_call(const lint::Statement& statement,
                                              const lint::TableState& tables) {
  if (!statement.node.is("CallStmt")) return std::nullopt;
  Node call = statement.node.get("funccall");
  lint::QualifiedName name = lint::QualifiedName::of(call.list("funcname"));
  bool always = false;
  std::string through;
  auto ends = procedure_ends_transaction(name, statement, tables, 4, always, through);
  if (!ends) return std::nullopt;
  auto definition = tables.procedure_definition(name, statement);
  std::string called = "CALL " + name.display() + "()";
  std::string what = called + " (the procedure runs " + *ends + through + ")";
  if (statement.embedded()) what += " in a DO block";
  if (statement.embedded()) called += " in a DO block";
  return CommittingCall{what, called + "'s procedure", always,
                        lint::routine_ends_subtransaction(definition->text)};
}

// A COMMIT or ROLLBACK (`what`) that a DO block or a CALLed procedure runs inside a block with an
// EXCEPTION clause: PostgreSQL runs such a block as a subtransaction, and refuses to end the
// transaction in it whether the file runs in a transaction or not (checked on 15).
void report_subtransaction_end(lint::Reporter& out, lint::TextRange range, const std::string& what,
                               const std::string& where) {
  bool commit = what == "COMMIT";
  out.report(range,
             where + " runs " + what +
                 " inside a block with an EXCEPTION clause, which PostgreSQL runs as a "
                 "subtransaction: it refuses the " +
                 what + " there with -- sqlgate:no-transaction too (\"cannot " +
                 (commit ? "commit" : "roll back") +
                 " while a subtransaction is active\"; in a transaction, \"invalid transaction "
                 "termination\")",
             "end the transaction outside any block with an EXCEPTION clause: put the handler "
             "in an inner BEGIN ... EXCEPTION ... END around the statements it protects, and " +
                 what + " after that block");
}

// Where a DO block's COMMIT or ROLLBACK stands: the word on its line of the body, else the
// whole statement.
lint::TextRange subtransaction_end_range(const lint::ParsedFile& file,
                                         const lint::Statement& statement,
                                         const lint::SubtransactionEnd& end) {
  std::string_view text = file.text();
  auto body = lint::do_body(text, statement);
  if (!body || !body->exact || end.lineno < 1) return statement.range;
  std::size_t at = body->range.begin;
  for (std::int64_t line = 1; line < end.lineno; ++line) {
    at = text.find('\n', at);
    if (at == std::string_view::npos || at >= body->range.end) return statement.range;
    ++at;
  }
  std::size_t line_end = std::min<std::size_t>(text.find('\n', at), body->range.end);
  std::string line(text.substr(at, line_end - at));
  for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string word = end.what == "COMMIT" ? "commit" : "rollback";
  auto found = line.find(word);
  if (found == std::string::npos) return statement.range;
  auto begin = static_cast<std::uint32_t>(at + found);
  return lint::TextRange{begin, begin + static_cast<std::uint32_t>(word.size())};
}

// The comment's whole line when it stands alone on it, else the comment itself.
lint::TextRange removal_range(const lint::ParsedFile& file, const lint::Directive& directive) {
  std::string_view text = file.text();
  lint::TextRange range = directive.range;
  if (!directive.trailing) range.begin = file.lines().line_start(directive.line);
  while (range.begin > 0 && directive.trailing &&
         (text[range.begin - 1] == ' ' || text[range.begin - 1] == '\t')) {
    --range.begin;
  }
  if (directive.trailing) return range;
  if (range.end < text.size() && text[range.end] == '\r') ++range.end;
  if (range.end < text.size() && text[range.end] == '\n') ++range.end;
  return range;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  bool marked = file.has_directive(lint::DirectiveKind::no_transaction);
  bool manages = lint::manages_own_transaction(file);
  bool needed = false;
  bool in_block = false;
  // In a DO block such a statement fails whatever the transaction: PostgreSQL runs the block as
  // a function, and refuses it there ("cannot be executed from a function").
  for (const lint::Statement& statement : file.embedded()) {
    auto what = outside_transaction_only(statement, context.pg_version());
    if (!what) continue;
    needed = true;  // where it belongs once moved out of the block
    out.report(statement.range,
               *what +
                   " cannot run in a DO block: PostgreSQL runs the block as a function and "
                   "refuses it there (\"cannot be executed from a function\"), with the marker "
                   "or without",
               "write it as a statement of its own, outside the DO block, in a file that starts "
               "with -- sqlgate:no-transaction (its IF [NOT] EXISTS form makes it re-runnable "
               "without a guard)");
  }
  // The committing CALL each top-level statement makes (itself, or a DO block's). A procedure
  // with SET clauses or SECURITY DEFINER may not commit at all ("invalid transaction
  // termination" outside a transaction block too).
  lint::TableState tables(context);
  std::vector<std::optional<CommittingCall>> calls(file.statements().size());
  auto note_call = [&](const lint::Statement& statement, std::size_t top) {
    auto call = committing_call(statement, tables);
    if (!call) return;
    if (top < calls.size() && !calls[top]) calls[top] = call;
    if (call->in_subtransaction) {
      report_subtransaction_end(out, statement.range, call->in_subtransaction->what, call->call);
      return;
    }
    if (!call->always) return;
    out.report(statement.range,
               call->what +
                   " fails with the marker or without: the procedure has SET clauses or "
                   "SECURITY DEFINER, and PostgreSQL refuses a COMMIT or ROLLBACK there "
                   "(\"invalid transaction termination\")",
               "remove the SET clauses and SECURITY DEFINER from the procedure (set search_path "
               "in its body instead), or do not end the transaction inside it");
  };
  for (std::size_t i = 0; i < file.statements().size(); ++i) note_call(file.statements()[i], i);
  for (const lint::Statement& statement : file.embedded()) {
    note_call(statement, static_cast<std::size_t>(statement.parent));
  }
  const auto& statements = file.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const lint::Statement& statement = statements[i];
    lint::TransactionKind kind = lint::transaction_kind(statement);
    if (kind == lint::TransactionKind::begin) {
      in_block = true;
      continue;
    }
    if (kind == lint::TransactionKind::commit || kind == lint::TransactionKind::rollback ||
        kind == lint::TransactionKind::prepare) {
      in_block = lint::chains(statement);
      continue;
    }
    auto what = outside_transaction_only(statement, context.pg_version());
    if (!what && statement.node.is("DoStmt")) {
      if (auto end = lint::ends_subtransaction(file.do_function(i))) {
        // Refused with the marker too: the marker is not what the file lacks.
        report_subtransaction_end(out, subtransaction_end_range(file, statement, *end), end->what,
                                  "this DO block");
        needed = true;
        continue;
      }
      what = ends_transaction(file.do_function(i));
    }
    if (!what && calls[i] && calls[i]->in_subtransaction) {
      needed = true;  // refused with the marker too (note_call() says so)
      continue;
    }
    if (!what && calls[i] && !calls[i]->always) what = calls[i]->what;
    if (!what) continue;
    needed = true;
    if (manages) {
      if (in_block) {
        out.report(statement.range,
                   *what +
                       " cannot run inside a transaction block, and this one stands between "
                       "the file's BEGIN and COMMIT",
                   "move it after COMMIT, or into a migration of its own that starts with "
                   "-- sqlgate:no-transaction");
      }
      continue;
    }
    if (marked) continue;
    // Every such finding carries the same edit; applying fixes takes it once.
    out.report(
           statement.range,
           *what + " cannot run inside a transaction block, and sqlgate runs each migration in one",
           "put -- sqlgate:no-transaction at the top of the file: sqlgate then runs it statement "
           "by "
           "statement under golang-migrate's dirty protocol (keep such a file to the statements "
           "that need it)")
        .fix("Add -- sqlgate:no-transaction",
             {lint::Edit{lint::TextRange{0, 0}, "-- sqlgate:no-transaction\n"}});
  }
  // ALTER TYPE ... ADD VALUE and a later use of the value: in the one transaction the file runs
  // in without the marker, PostgreSQL refuses the use (55P04); with it each statement commits.
  if (marked && !needed && !manages) {
    lint::TransactionLayout layout(file);
    auto apart = [&](const lint::Statement& added, const lint::Statement& user) {
      std::ptrdiff_t transaction = layout.transaction_of(added);
      return transaction == lint::TransactionLayout::k_alone ||
             layout.transaction_of(user) != transaction;
    };
    // ADD CONSTRAINT ... NOT VALID and its VALIDATE: in one transaction the scan would hold the
    // lock ADD CONSTRAINT took (ban-validate-in-same-transaction); each commits on its own here.
    needed = !enum_values_used_early(context, apart).empty() ||
             !validated_with_add(context, apart).empty();
  }
  if (!marked || needed) return;
  for (const lint::Directive& directive : file.directives()) {
    if (directive.kind != lint::DirectiveKind::no_transaction) continue;
    out.report(directive.range,
               "nothing in this file needs -- sqlgate:no-transaction; without it sqlgate runs the "
               "file and its version bump in one transaction, all or nothing",
               "remove the marker; if the file must run outside a transaction for another "
               "reason, say why: -- sqlgate:ignore-file no-transaction-marker -- <reason>")
        .at_most(lint::Severity::warning)
        .fix("Remove -- sqlgate:no-transaction", {lint::Edit{removal_range(file, directive), ""}},
             false);
  }
}

}  // namespace

lint::Rule no_transaction_marker() {
  return lint::Rule{
      .info = {.id = "no-transaction-marker",
               .category = lint::Category::transaction,
               .severity = lint::Severity::error,
               .summary = "A statement that cannot run in a transaction needs "
                          "-- sqlgate:no-transaction; the marker needs such a statement",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::transaction
