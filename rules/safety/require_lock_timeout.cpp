// require-lock-timeout (opt-in): a statement that takes a lock blocking reads or writes on an
// existing table, with no lock_timeout (or statement_timeout) set before it in the file.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/transaction.h"

namespace sqlgate::rules {

namespace {

struct Lock {
  lint::QualifiedName table;
  std::string_view mode;
};

// ALTER TABLE commands that take only SHARE UPDATE EXCLUSIVE (reads and writes go on).
bool weak_alter(const lint::Node& cmd) {
  std::string_view subtype = cmd.str("subtype");
  if (subtype == "AT_DetachPartition") return cmd.get("def").flag("concurrent");
  return subtype == "AT_ValidateConstraint" || subtype == "AT_SetStatistics" ||
         subtype == "AT_ClusterOn" || subtype == "AT_DropCluster" || subtype == "AT_SetOptions" ||
         subtype == "AT_ResetOptions";
}

// The first lock the statement takes that blocks reads or writes of a table, if any.
std::optional<Lock> strong_lock(const lint::Statement& statement) {
  const lint::Node& node = statement.node;
  std::string_view kind = statement.kind();
  auto relation = [&](const lint::Node& range_var) {
    return lint::QualifiedName::of(lint::relation_name(range_var));
  };
  if (kind == "AlterTableStmt") {
    if (node.str("objtype") != "OBJECT_TABLE") return std::nullopt;
    for (lint::Node cmd : node.list("cmds")) {
      if (weak_alter(cmd)) continue;
      std::string_view subtype = cmd.str("subtype");
      lint::Node def = cmd.get("def");
      bool foreign = subtype == "AT_AddConstraint" && def.str("contype") == "CONSTR_FOREIGN";
      return Lock{relation(node.get("relation")),
                  foreign ? "a SHARE ROW EXCLUSIVE lock" : "an ACCESS EXCLUSIVE lock"};
    }
    return std::nullopt;
  }
  if (kind == "IndexStmt" && !node.flag("concurrent")) {
    return Lock{relation(node.get("relation")), "a SHARE lock"};
  }
  if (kind == "DropStmt" && !node.flag("concurrent")) {
    std::string_view type = node.str("removeType");
    if (type != "OBJECT_TABLE" && type != "OBJECT_INDEX") return std::nullopt;
    std::vector<lint::QualifiedName> names = lint::drop_objects(node);
    if (names.empty()) return std::nullopt;
    return Lock{names.front(), "an ACCESS EXCLUSIVE lock"};
  }
  if (kind == "RenameStmt") {
    std::string_view type = node.str("renameType");
    if (type == "OBJECT_TABLE" || type == "OBJECT_COLUMN" || type == "OBJECT_INDEX" ||
        type == "OBJECT_TABCONSTRAINT") {
      return Lock{relation(node.get("relation")), "an ACCESS EXCLUSIVE lock"};
    }
    return std::nullopt;
  }
  if (kind == "TruncateStmt") {
    return Lock{relation(node.list("relations").front()), "an ACCESS EXCLUSIVE lock"};
  }
  // LOCK TABLE in SHARE mode (5) or stronger blocks writes; ACCESS EXCLUSIVE is 8, the default.
  if (kind == "LockStmt" && node.num("mode", 8) >= 5) {
    return Lock{relation(node.list("relations").front()), "the lock LOCK TABLE asks for"};
  }
  if (kind == "CreateTrigStmt")
    return Lock{relation(node.get("relation")), "a SHARE ROW EXCLUSIVE lock"};
  if (kind == "CreatePolicyStmt" || kind == "AlterPolicyStmt") {
    return Lock{relation(node.get("table")), "an ACCESS EXCLUSIVE lock"};
  }
  if (kind == "ClusterStmt" && node.has("relation")) {
    return Lock{relation(node.get("relation")), "an ACCESS EXCLUSIVE lock"};
  }
  if (kind == "RefreshMatViewStmt" && !node.flag("concurrent")) {
    return Lock{relation(node.get("relation")), "an ACCESS EXCLUSIVE lock"};
  }
  if (kind == "ReindexStmt" && node.has("relation")) {
    if (lint::reindex_concurrently(node)) return std::nullopt;
    return Lock{relation(node.get("relation")), "a SHARE lock"};
  }
  if (kind == "CreateStmt") {
    // A foreign key to an existing table locks that table.
    for (lint::Node element : node.list("tableElts")) {
      lint::NodeList constraints = element.list("constraints");
      if (element.is("Constraint") && element.str("contype") == "CONSTR_FOREIGN") {
        return Lock{relation(element.get("pktable")), "a SHARE ROW EXCLUSIVE lock"};
      }
      for (lint::Node constraint : constraints) {
        if (constraint.str("contype") == "CONSTR_FOREIGN") {
          return Lock{relation(constraint.get("pktable")), "a SHARE ROW EXCLUSIVE lock"};
        }
      }
    }
  }
  return std::nullopt;
}

// lock_timeout or statement_timeout set: to something other than 0 (or DEFAULT), and whether
// only for the transaction (SET LOCAL, set_config(..., true)).
struct TimeoutSet {
  bool on = false;
  bool local = false;
};

std::optional<TimeoutSet> sets_timeout(const lint::Statement& statement) {
  const lint::Node& node = statement.node;
  if (statement.kind() == "VariableSetStmt") {
    std::string_view name = node.str("name");
    if (name != "lock_timeout" && name != "statement_timeout") return std::nullopt;
    std::string value = lint::set_value(node);
    return TimeoutSet{!value.empty() && value != "0", node.flag("is_local")};
  }
  if (statement.kind() == "SelectStmt") {
    std::optional<TimeoutSet> result;
    lint::walk(node, [&](const lint::Node& item) {
      if (!item.is("FuncCall") || item.list("funcname").back().as_str() != "set_config") {
        return true;
      }
      lint::NodeList args = item.list("args");
      if (args.size() < 2) return false;
      std::string_view name = args[0].get("sval").str("sval");
      if (name != "lock_timeout" && name != "statement_timeout") return false;
      std::string_view value = args[1].get("sval").str("sval");
      // is_local: true, or a text PostgreSQL reads as true.
      bool local = false;
      if (args.size() >= 3) {
        lint::Node flag = args[2];
        std::string text = lint::constant_text(flag).value_or("");
        local = (flag.is("A_Const") && flag.get("boolval").flag("boolval")) || text == "true" ||
                text == "t" || text == "on" || text == "yes" || text == "1";
      }
      result = TimeoutSet{!value.empty() && value != "0", local};
      return false;
    });
    return result;
  }
  return std::nullopt;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::TransactionLayout layout(file);
  bool timeout = false;
  // A timeout set for the transaction only holds in it; in a statement that runs alone (a file
  // marked -- sqlgate:no-transaction) it holds for nothing after.
  bool local = false;           // the timeout holds in one transaction only
  std::ptrdiff_t local_to = 0;  // that one
  const lint::Statement* void_local = nullptr;
  for (const lint::Statement* statement : file.all_statements()) {
    if (auto set = sets_timeout(*statement)) {
      std::ptrdiff_t transaction = layout.transaction_of(*statement);
      if (set->on && set->local) {
        if (transaction == lint::TransactionLayout::k_alone) {
          void_local = statement;
        } else if (!timeout || local) {
          local = true;
          local_to = transaction;
          timeout = true;
        }
      } else {
        timeout = set->on;
        local = false;
      }
      continue;
    }
    if (timeout && local && layout.transaction_of(*statement) != local_to) {
      timeout = false;
      local = false;
    }
    if (timeout) continue;
    auto lock = strong_lock(*statement);
    if (!lock || tables.is_new_table(lock->table, *statement)) continue;
    std::string message = "no lock_timeout is set before this statement, which takes " +
                          std::string(lock->mode) + " on existing table " + lock->table.display() +
                          ": while it waits behind a long transaction, every query on the table "
                          "queues behind it";
    std::string help =
        "start the file with SET lock_timeout = '5s'; (retry the migration if it times "
        "out), or set it for the migration role";
    if (void_local != nullptr) {
      message += " (the SET LOCAL on line " +
                 std::to_string(file.position(void_local->range.begin).line) +
                 " sets nothing: it runs outside a transaction block, and PostgreSQL says "
                 "\"SET LOCAL can only be used in transaction blocks\")";
      help =
          "write SET lock_timeout = '5s'; without LOCAL: in a file marked -- "
          "sqlgate:no-transaction it holds for the rest of the session's statements";
    }
    out.report(statement->range, message, help);
    return;  // one finding per file: the first statement that needs it
  }
}

}  // namespace

lint::Rule require_lock_timeout() {
  return {.info = {.id = "require-lock-timeout",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::warning,
                   .enabled = false,
                   .summary = "a strong lock on an existing table without SET lock_timeout before "
                              "it (opt-in)"},
          .check_file = check};
}

}  // namespace sqlgate::rules
