// invalid-ddl: row level security and privilege commands PostgreSQL 15 refuses, for what they
// say or for what the object they name is as the migrations before left it. Each message is
// PostgreSQL's.
#include "rules/safety/refused_privileges.h"

#include <optional>
#include <string>
#include <string_view>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct Refusal {
  std::string what;     // the command, as the message names it
  std::string why;      // empty when the command alone says it
  std::string message;  // PostgreSQL's
  std::string help;
  lint::Condition error;
};

void report(const lint::Statement& statement, const Refusal& refusal, lint::Reporter& out) {
  if (lint::conditional(statement, refusal.error)) return;
  std::string text = refusal.what;
  text +=
      refusal.why.empty() ? " fails whenever it runs" : " fails on its first run: " + refusal.why;
  text += ", and PostgreSQL refuses it (\"";
  text += refusal.message;
  text += "\")";
  out.report(statement.range, std::move(text), refusal.help);
}

constexpr lint::Condition k_syntax_error{"syntax_error", "42601"};
constexpr lint::Condition k_wrong_object_type{"wrong_object_type", "42809"};

// ---- policies

// What a policy's command refuses of its USING and WITH CHECK clauses; nothing when it takes
// them. `command` is CreatePolicyStmt's cmd_name ("all", "select", "insert", ...).
std::optional<std::pair<std::string, std::string>> policy_clauses(std::string_view command,
                                                                  bool has_using, bool has_check,
                                                                  bool create) {
  if ((command == "select" || command == "delete") && has_check) {
    std::string upper = command == "select" ? "SELECT" : "DELETE";
    // CREATE POLICY and ALTER POLICY say it in words of their own.
    return std::pair{create ? std::string("WITH CHECK cannot be applied to SELECT or DELETE")
                            : std::string("only USING expression allowed for SELECT, DELETE"),
                     "a FOR " + upper +
                         " policy has only a USING expression (the rows it lets the command "
                         "see): drop WITH CHECK, or make a FOR INSERT or FOR UPDATE policy "
                         "with it"};
  }
  if (command == "insert" && has_using) {
    return std::pair{std::string("only WITH CHECK expression allowed for INSERT"),
                     std::string("a FOR INSERT policy has only a WITH CHECK expression (the rows "
                                 "it lets the command write): write WITH CHECK (...) instead of "
                                 "USING (...)")};
  }
  return std::nullopt;
}

// The relation kinds that have no row level security, with the plural PostgreSQL's detail uses.
struct NoSecurity {
  lint::ObjectKind kind;
  std::string_view noun;    // "view"
  std::string_view plural;  // "views"
  std::string_view object;  // ALTER <object> names this kind only ("" for none)
};
constexpr NoSecurity k_no_security[] = {
    {lint::ObjectKind::view, "view", "views", "OBJECT_VIEW"},
    {lint::ObjectKind::materialized_view, "materialized view", "materialized views",
     "OBJECT_MATVIEW"},
    {lint::ObjectKind::sequence, "sequence", "sequences", "OBJECT_SEQUENCE"},
    {lint::ObjectKind::foreign_table, "foreign table", "foreign tables", "OBJECT_FOREIGN_TABLE"},
};

// The relation a statement names as written, when the migrations made it one of the kinds
// without row level security: its kind and the file that made it.
struct Insecure {
  const NoSecurity* kind = nullptr;
  std::string name;
  std::string made_by;
};
std::optional<Insecure> insecure_relation(const lint::FileContext& context,
                                          const lint::Statement& statement,
                                          const lint::RelationName& written) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  for (const NoSecurity& kind : k_no_security) {
    lint::ObjectId id =
        lint::find_as_written(context, statement, kind.kind, written.schema, written.name);
    if (id == lint::k_no_object) continue;
    const lint::CatalogObject& relation = context.project.catalog()->object(id);
    return Insecure{&kind, relation.ref_at(*tick).name,
                    context.project.source(relation.created.file).display};
  }
  return std::nullopt;
}

std::optional<Refusal> create_policy(const lint::FileContext& context,
                                     const lint::Statement& statement) {
  const Node& node = statement.node;
  lint::RelationName table = lint::relation_name(node.get("table"));
  std::string what = "CREATE POLICY " + std::string(node.str("policy_name")) + " ON " +
                     lint::sql_name(table.schema, table.name);
  // PostgreSQL reads the clauses before it looks the relation up.
  if (auto clauses =
          policy_clauses(node.str("cmd_name"), node.has("qual"), node.has("with_check"), true)) {
    return Refusal{what, "", clauses->first, clauses->second, k_syntax_error};
  }
  auto relation = insecure_relation(context, statement, table);
  if (!relation) return std::nullopt;
  std::string noun(relation->kind->noun);
  return Refusal{what, relation->name + " is a " + noun + " (made by " + relation->made_by + ")",
                 "\"" + relation->name + "\" is not a table",
                 "policies are of tables: make the policy on the table the " + noun +
                     " reads (a view reads it with its owner's rights unless it is made WITH "
                     "(security_invoker = true))",
                 k_wrong_object_type};
}

std::optional<Refusal> alter_policy(const lint::FileContext& context,
                                    const lint::Statement& statement) {
  const Node& node = statement.node;
  if (!node.has("qual") && !node.has("with_check")) return std::nullopt;
  lint::RelationName table = lint::relation_name(node.get("table"));
  std::string name = lint::truncate_identifier(node.str("policy_name"));
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::policy, table.schema, name,
                            lint::truncate_identifier(table.name));
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& policy = context.project.catalog()->object(id);
  const lint::Statement* made = lint::statement_at(context.project, policy.created);
  if (made == nullptr || !made->node.is("CreatePolicyStmt")) return std::nullopt;
  std::string_view command = made->node.str("cmd_name");
  auto clauses = policy_clauses(command, node.has("qual"), node.has("with_check"), false);
  if (!clauses) return std::nullopt;
  std::string upper;
  for (char c : command) upper += static_cast<char>(c - 'a' + 'A');
  return Refusal{"ALTER POLICY " + name + " ON " + lint::sql_name(table.schema, table.name),
                 name + " is a FOR " + upper + " policy (made by " +
                     context.project.source(policy.created.file).display + ")",
                 clauses->first, clauses->second, k_syntax_error};
}

// ALTER TABLE r ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY of a view, materialized
// view, sequence or foreign table (ALTER VIEW and the like name their own kind only).
std::optional<Refusal> row_security(const lint::FileContext& context,
                                    const lint::Statement& statement) {
  static constexpr std::pair<std::string_view, std::string_view> k_actions[] = {
      {"AT_EnableRowSecurity", "ENABLE ROW SECURITY"},
      {"AT_DisableRowSecurity", "DISABLE ROW SECURITY"},
      {"AT_ForceRowSecurity", "FORCE ROW SECURITY"},
      {"AT_NoForceRowSecurity", "NO FORCE ROW SECURITY"},
  };
  const Node& node = statement.node;
  std::string_view action;
  for (Node command : node.list("cmds")) {
    for (const auto& [subtype, name] : k_actions) {
      if (command.str("subtype") == subtype && action.empty()) action = name;
    }
  }
  if (action.empty()) return std::nullopt;
  lint::RelationName written = lint::relation_name(node.get("relation"));
  auto relation = insecure_relation(context, statement, written);
  if (!relation) return std::nullopt;
  std::string_view objtype = node.str("objtype");
  if (objtype != "OBJECT_TABLE" && objtype != relation->kind->object) return std::nullopt;
  std::string noun(relation->kind->noun);
  std::string what = "ALTER TABLE " + lint::sql_name(written.schema, written.name) + " ";
  what += action.substr(0, action.size() - 8);  // "ENABLE ROW " + "LEVEL SECURITY"
  what += "LEVEL SECURITY";
  std::string message = "ALTER action ";
  message += action;
  message += " cannot be performed on relation \"" + relation->name +
             "\": This operation is not supported for ";
  message += relation->kind->plural;
  return Refusal{what, relation->name + " is a " + noun + " (made by " + relation->made_by + ")",
                 message,
                 "row level security is a table's: turn it on for the table the " + noun +
                     " reads, and drop the command",
                 k_wrong_object_type};
}

}  // namespace

void check_refused_privileges(const lint::FileContext& context, const lint::Statement& statement,
                              lint::Reporter& out) {
  const Node& node = statement.node;
  std::optional<Refusal> refusal;
  if (node.is("CreatePolicyStmt")) {
    refusal = create_policy(context, statement);
  } else if (node.is("AlterPolicyStmt")) {
    refusal = alter_policy(context, statement);
  } else if (node.is("AlterTableStmt")) {
    refusal = row_security(context, statement);
  }
  if (refusal) report(statement, *refusal, out);
}

}  // namespace sqlgate::rules
