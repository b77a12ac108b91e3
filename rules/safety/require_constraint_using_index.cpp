// require-constraint-using-index: ADD UNIQUE or PRIMARY KEY on an existing table builds its
// index under ACCESS EXCLUSIVE; build it CONCURRENTLY first and adopt it with USING INDEX (on a
// partitioned table, on each partition). And USING INDEX where PostgreSQL refuses it.
#include <algorithm>

#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

// Replaces "UNIQUE (a, b)" or "PRIMARY KEY (a, b)" by "... USING INDEX idx" when nothing but
// the key list follows the keyword (no INCLUDE, WITH, USING INDEX TABLESPACE or attributes).
std::optional<lint::Edit> adopt_edit(const lint::ParsedFile& file, lint::TextRange command,
                                     bool primary, const std::string& index) {
  std::vector<lint::Token> tokens = file.tokens(command);
  std::optional<lint::Token> keyword = lint::find_token(tokens, primary ? "PRIMARY" : "UNIQUE");
  if (!keyword) return std::nullopt;
  std::size_t i = 0;
  while (i < tokens.size() && tokens[i].range.begin < keyword->range.begin) ++i;
  i += primary ? 2 : 1;  // PRIMARY KEY, or UNIQUE
  if (i >= tokens.size() || tokens[i].name != "ASCII_40") return std::nullopt;
  int depth = 0;
  for (; i < tokens.size(); ++i) {
    if (tokens[i].name == "ASCII_40") ++depth;
    if (tokens[i].name == "ASCII_41" && --depth == 0) break;
  }
  if (i + 1 != tokens.size()) return std::nullopt;
  std::string text = primary ? "PRIMARY KEY" : "UNIQUE";
  return lint::Edit{lint::TextRange{keyword->range.begin, tokens[i].range.end},
                    text + " USING INDEX " + lint::sql_identifier(index)};
}

// On a partitioned table neither USING INDEX nor CREATE INDEX CONCURRENTLY is taken: each
// partition adopts an index of its own, and the partitioned table's key then takes those over.
std::string partitioned_help(std::string_view what) {
  return "on each partition, CREATE UNIQUE INDEX CONCURRENTLY (in a no-transaction file) and "
         "ADD CONSTRAINT ... " +
         std::string(what) + " USING INDEX it; then ADD " + std::string(what) +
         " (...) on the partitioned table attaches those instead of building indexes (PostgreSQL "
         "refuses USING INDEX and CONCURRENTLY on a partitioned table)";
}

// ADD COLUMN ... UNIQUE / PRIMARY KEY.
void check_column(const lint::QualifiedName& table, const lint::Node& def, lint::TextRange range,
                  bool partitioned, lint::Reporter& out) {
  for (lint::Node constraint : def.list("constraints")) {
    std::string_view kind = constraint.str("contype");
    if (kind != "CONSTR_UNIQUE" && kind != "CONSTR_PRIMARY") continue;
    std::string what = kind == "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
    out.report(range,
               "ADD COLUMN " + std::string(def.str("colname")) + " " + what +
                   " builds a unique index on existing table " + table.display() +
                   " under an ACCESS EXCLUSIVE lock: no reads or writes until it is built",
               partitioned ? "add the column and fill it; then " + partitioned_help(what)
                           : "add the column, fill it, CREATE UNIQUE INDEX CONCURRENTLY on it, "
                             "then ADD CONSTRAINT ... " +
                                 what + " USING INDEX");
    return;
  }
}

// ADD CONSTRAINT ... UNIQUE / PRIMARY KEY USING INDEX i where PostgreSQL refuses it: on a
// partitioned table, or of an index that cannot back a constraint (not unique, with expressions,
// partial, or not in its columns' default operator class, collation and order).
void check_adopted(const lint::FileContext& context, const lint::Statement& statement,
                   const lint::QualifiedName& table, const lint::Node& def, lint::TextRange range,
                   const std::optional<std::string>& partitioned, lint::Reporter& out) {
  using Reason = lint::Unadoptable::Reason;
  std::string name = lint::truncate_identifier(def.str("indexname"));
  bool primary = def.str("contype") == "CONSTR_PRIMARY";
  std::string what = primary ? "PRIMARY KEY" : "UNIQUE";
  if (partitioned) {
    out.report(range,
               "ADD " + what + " USING INDEX " + name + " fails: " + *partitioned +
                   " is a partitioned table, and PostgreSQL refuses it (\"ALTER TABLE / ADD "
                   "CONSTRAINT USING INDEX is not supported on partitioned tables\")",
               partitioned_help(what));
    return;
  }
  auto problem = lint::unadoptable_index(context, statement, table, name);
  if (!problem) return;
  std::string help;
  switch (problem->reason) {
    case Reason::partial:
      help =
          "keep the partial unique index as it is (it enforces uniqueness where its WHERE "
          "holds, and ON CONFLICT can use it with that WHERE), or build a plain unique index "
          "CONCURRENTLY for the constraint";
      break;
    case Reason::sorting:
      help =
          "build a unique index on the plain columns CONCURRENTLY, without an operator class, "
          "COLLATE, DESC or NULLS FIRST, and adopt that one; keep the other index for the "
          "queries that need its order";
      break;
    default:
      help = "build a unique index on the plain columns CONCURRENTLY and adopt that one";
  }
  auto finding = out.report(range,
                            "ADD " + what + " USING INDEX " + name + " fails: " + problem->why +
                                ", and PostgreSQL refuses it (\"" + problem->message + "\")",
                            std::move(help));
  if (problem->creator != nullptr) {
    finding.related(*problem->creator, problem->made, "the index is created here");
  }
}

// ADD [CONSTRAINT name] UNIQUE / PRIMARY KEY (...).
void check_constraint(const lint::ParsedFile& file, lint::TableState& tables,
                      const lint::Statement& statement, const lint::QualifiedName& table,
                      const lint::Node& def, lint::TextRange range, bool partitioned,
                      lint::Reporter& out) {
  std::string_view kind = def.str("contype");
  if ((kind != "CONSTR_UNIQUE" && kind != "CONSTR_PRIMARY") || def.has("indexname")) return;
  bool primary = kind == "CONSTR_PRIMARY";
  std::string what = primary ? "PRIMARY KEY" : "UNIQUE";
  std::string message = "ADD " + what + " builds its index on existing table " + table.display() +
                        " under an ACCESS EXCLUSIVE lock: no reads or writes until it is built";
  if (primary) message += " (and makes each key column NOT NULL, scanning the table)";
  if (partitioned) {
    out.report(range, std::move(message), partitioned_help(what));
    return;
  }
  std::vector<std::string_view> keys = lint::string_list(def.list("keys"));
  auto existing = tables.unique_index(table, keys, statement);
  if (!existing) {
    out.report(range, std::move(message),
               "first CREATE UNIQUE INDEX CONCURRENTLY on (" +
                   lint::join_names(def.list("keys"), ", ") +
                   ") in a no-transaction file, then ADD CONSTRAINT ... " + what +
                   " USING INDEX that index");
    return;
  }
  auto finding =
      out.report(range, std::move(message),
                 "index " + existing->name.display() + " already covers these columns: write " +
                     what + " USING INDEX " + existing->name.name);
  if (existing->created_by != nullptr) {
    finding.related(file, existing->created_by->range, "the unique index is created here");
  }
  if (!statement.exact || range == statement.range) return;
  if (auto edit = adopt_edit(file, range, primary, existing->name.name)) {
    // The index is renamed to the constraint's name: unsafe.
    finding.fix("Adopt index " + existing->name.name, {*edit}, false);
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  lint::for_each_alter_command(
      file, [&](const lint::Statement& statement, const lint::QualifiedName& table, lint::Node cmd,
                std::size_t i) {
        std::string_view subtype = cmd.str("subtype");
        if (subtype != "AT_AddConstraint" && subtype != "AT_AddColumn") return;
        bool adopted = subtype == "AT_AddConstraint" && cmd.get("def").has("indexname");
        if (!adopted && tables.is_new_table(table, statement)) return;
        lint::TextRange range = lint::alter_command_range(file, statement, i);
        std::optional<std::string> partitioned = partitioned_table_altered(context, statement);
        if (adopted) {
          check_adopted(context, statement, table, cmd.get("def"), range, partitioned, out);
          return;
        }
        if (subtype == "AT_AddColumn") {
          check_column(table, cmd.get("def"), range, partitioned.has_value(), out);
        } else {
          check_constraint(file, tables, statement, table, cmd.get("def"), range,
                           partitioned.has_value(), out);
        }
      });
}

}  // namespace

lint::Rule require_constraint_using_index() {
  return {.info = {.id = "require-constraint-using-index",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ADD UNIQUE or PRIMARY KEY on an existing table without USING INDEX "
                              "builds the index under ACCESS EXCLUSIVE",
                   .fix = lint::FixKind::unsafe},
          .check_file = check};
}

}  // namespace sqlgate::rules
