// require-on-conflict: INSERT (and COPY ... FROM) that adds its rows again when the migration runs
// again: no ON CONFLICT, no WHERE NOT EXISTS over the target, nothing that clears the table first.
#include <algorithm>
#include <functional>
#include <map>
#include <unordered_set>

#include "lint/catalog.h"
#include "lint/table_state.h"
#include "lint/terms.h"
#include "rules/idempotency/common.h"
#include "rules/idempotency/rules.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::idempotency {
namespace {

using lint::Node;
using lint::Statement;

// How an INSERT keeps a second run from adding its rows again.
enum class Protection : std::uint8_t {
  none,
  on_conflict,    // ON CONFLICT: rows that meet a unique constraint or index are skipped/updated
  filtered,       // its SELECT leaves out the rows the table already has
  cleared_first,  // the file deletes or truncates the table's rows before it
  guarded,        // a DO block guards it
  misguarded,     // a DO block's IF NOT EXISTS guards it, but tests another row than it writes
  fresh_table,    // a temporary table, or one the file drops (and makes again) before or after
  moved,          // its rows are those a DELETE ... RETURNING of its WITH takes out elsewhere
};

bool reads_table(const Node& tree, const QualifiedName& target) {
  bool found = false;
  lint::walk(tree, [&](const Node& node) {
    if (found) return false;
    if (node.is("RangeVar") && same_name(name_of(node), target)) found = true;
    return !found;
  });
  return found;
}

// A column a DELETE's WHERE pins to constants: col = 'x', or col IN ('x', 'y').
struct Pinned {
  std::string column;
  std::vector<std::string> values;
};

// What a DELETE's WHERE keeps to, when it is such tests ANDed together; nullopt when it is
// anything else (then the rows it deletes are not worked out).
std::optional<std::vector<Pinned>> pinned_columns(const Node& where) {
  std::vector<Pinned> pinned;
  std::vector<Node> terms;
  if (where.is("BoolExpr") && where.str("boolop") == "AND_EXPR") {
    for (Node term : where.list("args")) terms.push_back(term);
  } else {
    terms.push_back(where);
  }
  for (const Node& term : terms) {
    if (!term.is("A_Expr")) return std::nullopt;
    Node column = term.get("lexpr");
    if (!column.is("ColumnRef")) return std::nullopt;
    std::string_view kind = term.str("kind");
    std::string op = lint::join_names(term.list("name"), ".");
    Pinned entry{std::string(column.list("fields").back().as_str()), {}};
    if (kind == "AEXPR_OP" && op == "=") {
      auto value = lint::constant_text(term.get("rexpr"));
      if (!value) return std::nullopt;
      entry.values.push_back(*value);
    } else if (kind == "AEXPR_IN" && op == "=") {
      Node list = term.get("rexpr");
      for (Node item : list.is("List") ? list.list("items") : list.items()) {
        auto value = lint::constant_text(item);
        if (!value) return std::nullopt;
        entry.values.push_back(*value);
      }
    } else {
      return std::nullopt;
    }
    pinned.push_back(std::move(entry));
  }
  return pinned;
}

// Whether NOT EXISTS (SELECT ... FROM target WHERE col = 'x') tests rows other than the one
// the INSERT writes: the INSERT ... SELECT gives constants, and one of them is not among the
// values the test pins its column to (a typo, another key): then the test finds nothing on the
// second run either, and the row is added again. Only a certain miss counts.
bool tests_other_rows(const Node& sublink, const Node& insert,
                      const std::vector<std::string>& table_columns = {}) {
  if (!insert.valid() || sublink.str("subLinkType") != "EXISTS_SUBLINK") return false;
  Node where = sublink.get("subselect").get("whereClause");
  if (!where.valid()) return false;
  auto pinned = pinned_columns(where);
  if (!pinned) return false;
  std::vector<std::string> columns;
  for (Node target : insert.list("cols")) columns.emplace_back(target.str("name"));
  if (columns.empty()) columns = table_columns;
  Node select = insert.get("selectStmt");
  if (columns.empty() || select.has("fromClause")) return false;
  // The one row it writes: a VALUES row, or the constants of a SELECT without FROM.
  std::vector<Node> values;
  lint::NodeList rows = select.list("valuesLists");
  if (rows.size() > 1) return false;
  if (rows.size() == 1) {
    Node row = rows.front();
    for (Node item : row.is("List") ? row.list("items") : row.items()) values.push_back(item);
  } else {
    for (Node target : select.list("targetList")) values.push_back(target.get("val"));
  }
  for (const Pinned& pin : *pinned) {
    auto at = std::find(columns.begin(), columns.end(), pin.column);
    if (at == columns.end()) return false;  // a column the INSERT leaves to its default
    auto position = static_cast<std::size_t>(at - columns.begin());
    if (position >= values.size()) return false;
    auto value = lint::constant_text(values[position]);
    if (!value) return false;
    if (std::find(pin.values.begin(), pin.values.end(), *value) == pin.values.end()) return true;
  }
  return false;
}

// Whether the query an INSERT takes its rows from leaves out rows the target already has:
// NOT EXISTS (... target ...), NOT IN / <> ALL (SELECT ... FROM target), EXCEPT SELECT ... FROM
// target, or LEFT JOIN target ... IS NULL. Anywhere in it: how the test combines with the
// rest of the query is the author's to judge, except a NOT EXISTS that certainly tests other
// rows than the INSERT (`insert`, when given) writes.
bool filters_existing(const Node& query, const QualifiedName& target, const Node& insert) {
  bool found = false;
  bool left_join = false;
  bool null_test = false;
  lint::walk(query, [&](const Node& node) {
    if (found) return false;
    if (node.is("BoolExpr") && node.str("boolop") == "NOT_EXPR") {
      for (Node argument : node.list("args")) {
        if (argument.is("SubLink") && reads_table(argument.get("subselect"), target) &&
            !tests_other_rows(argument, insert)) {
          found = true;  // NOT EXISTS (...), NOT x IN (...)
        }
      }
    } else if (node.is("SubLink") && node.str("subLinkType") == "ALL_SUBLINK") {
      found = reads_table(node.get("subselect"), target);
    } else if (node.is("SelectStmt") && node.str("op") == "SETOP_EXCEPT") {
      found = reads_table(node.get("rarg"), target);
    } else if (node.is("JoinExpr")) {
      std::string_view type = node.str("jointype");
      Node inner = type == "JOIN_LEFT"    ? node.get("rarg")
                   : type == "JOIN_RIGHT" ? node.get("larg")
                                          : Node();
      left_join = left_join || (inner.is("RangeVar") && same_name(name_of(inner), target));
    } else if (node.is("NullTest") && node.str("nulltesttype") == "IS_NULL") {
      null_test = true;
    }
    found = found || (left_join && null_test);
    return !found;
  });
  return found;
}

// Whether an INSERT takes its rows only from a DELETE ... RETURNING of its own WITH (`WITH moved
// AS (DELETE FROM events WHERE ... RETURNING *) INSERT INTO events_archive SELECT * FROM moved`):
// every row it writes is one that the same statement deletes, so a second run finds nothing to
// delete and inserts nothing. The query must read the WITH query so that no row comes without
// one of it: an item of its FROM (a list is a cross join), or a side of a join that keeps only
// rows of it (either of an inner join, the kept side of a LEFT or RIGHT join).
bool moves_deleted_rows(const Node& insert) {
  std::vector<std::string> deleting;
  for (Node cte : insert.get("withClause").list("ctes")) {
    Node query = cte.get("ctequery");
    if (query.is("DeleteStmt") && query.has("returningList")) {
      deleting.push_back(lint::truncate_identifier(cte.str("ctename")));
    }
  }
  Node select = insert.get("selectStmt");
  if (deleting.empty() || !select.is("SelectStmt") || select.str("op") != "SETOP_NONE" ||
      select.has("valuesLists") || select.has("withClause")) {
    return false;
  }
  std::function<bool(const Node&)> bounded = [&](const Node& item) {
    if (item.is("RangeVar")) {
      return !item.has("schemaname") &&
             std::find(deleting.begin(), deleting.end(),
                       lint::truncate_identifier(item.str("relname"))) != deleting.end();
    }
    if (!item.is("JoinExpr")) return false;
    std::string_view type = item.str("jointype");
    if (type == "JOIN_INNER") return bounded(item.get("larg")) || bounded(item.get("rarg"));
    if (type == "JOIN_LEFT") return bounded(item.get("larg"));
    if (type == "JOIN_RIGHT") return bounded(item.get("rarg"));
    return false;
  };
  for (Node item : select.list("fromClause")) {
    if (bounded(item)) return true;
  }
  return false;
}

// Whether a statement writes rows into `table`: INSERT, UPDATE, MERGE or COPY ... FROM, also in a
// WITH query.
bool writes_rows(const Node& statement, const QualifiedName& table) {
  bool found = false;
  lint::walk(statement, [&](const Node& node) {
    if (found) return false;
    if (node.is("InsertStmt") || node.is("UpdateStmt") || node.is("MergeStmt") ||
        (node.is("CopyStmt") && node.flag("is_from"))) {
      found = same_name(name_of(node.get("relation")), table);
    }
    return !found;
  });
  return found;
}

// Whether a DELETE's WHERE (`removed`, invalid for none) takes every row a SELECT's WHERE
// (`selected`) found: each condition it ANDs together is one of the SELECT's, written alike, and
// reads no other table (no subquery) nor a volatile function (random()), so that it finds the
// same rows again.
bool deletes_selected(const Node& selected, const Node& removed) {
  if (!removed.valid()) return true;
  if (!selected.valid()) return false;
  std::vector<Node> given;
  std::vector<Node> needed;
  lint::conjuncts(selected, given);
  lint::conjuncts(removed, needed);
  for (const Node& condition : needed) {
    bool subquery = false;
    lint::walk(condition, [&](const Node& node) {
      subquery = subquery || node.is("SubLink");
      return !subquery;
    });
    if (subquery || lint::volatile_call(condition)) return false;
    if (std::none_of(given.begin(), given.end(),
                     [&](const Node& have) { return lint::same_tree(have, condition); })) {
      return false;
    }
  }
  return true;
}

// Whether a DO block's statement `later` runs whenever `first` did: both at the top level, or in
// the same DO block and `later` in no construct `first` is not in.
bool runs_with(const Statement& first, const Statement& later) {
  if (first.parent != later.parent) return false;
  if (later.frames.size() > first.frames.size()) return false;
  for (std::size_t i = 0; i < later.frames.size(); ++i) {
    const lint::PlpgsqlFrame& a = first.frames[i];
    const lint::PlpgsqlFrame& b = later.frames[i];
    if (a.node.at() != b.node.at() || a.part != b.part || a.elsif.at() != b.elsif.at()) {
      return false;
    }
    if (a.part == "exception" || a.part == "loop") return false;
  }
  return true;
}

// A move in two statements: INSERT INTO target SELECT ... FROM source WHERE p, then later in the
// file DELETE FROM source WHERE p (or a part of p's ANDed conditions, or no WHERE), nothing
// writing source after it. The first run ends with no row of source that p selects (the DELETE
// took every row p selects then: a row the statements in between took out of p is out of it
// still), so a second run inserts nothing. The SELECT reads source alone and gives no row of its
// own (no aggregate without GROUP BY: count(*) answers 0 from no rows).
bool moved_by_later_delete(const FileScope& scope, const Statement& statement) {
  const Node& insert = statement.node;
  Node select = insert.get("selectStmt");
  if (insert.has("withClause") || !select.is("SelectStmt") || select.str("op") != "SETOP_NONE" ||
      select.has("valuesLists") || select.has("withClause") ||
      select.list("fromClause").size() != 1) {
    return false;
  }
  Node from = select.list("fromClause").front();
  if (!from.is("RangeVar")) return false;
  QualifiedName source = name_of(from);
  if (same_name(source, name_of(insert.get("relation")))) return false;
  if (lint::aggregates_without_group(select)) return false;
  const auto& statements = scope.file().all_statements();
  std::size_t i = scope.index_of(statement) + 1;
  for (; i < statements.size(); ++i) {
    const Statement& later = *statements[i];
    const Node& node = later.node;
    if (node.is("DeleteStmt") && same_name(name_of(node.get("relation")), source) &&
        !node.has("usingClause") && !node.has("withClause") && runs_with(statement, later) &&
        (node.get("relation").flag("inh") || !from.flag("inh")) &&
        deletes_selected(select.get("whereClause"), node.get("whereClause"))) {
      break;
    }
  }
  if (i == statements.size()) return false;
  // What the source holds at the end of the file is what a second run reads.
  for (++i; i < statements.size(); ++i) {
    if (writes_rows(statements[i]->node, source)) return false;
  }
  return true;
}

// A table the file deletes rows from or truncates: all of them, or (a DELETE whose WHERE pins
// columns to constants) only those.
struct ClearedTable {
  QualifiedName table;
  std::optional<std::vector<Pinned>> only;  // nullopt: every row, or rows not worked out
};

std::vector<ClearedTable> cleared_tables(const Node& statement) {
  std::vector<ClearedTable> tables;
  if (statement.is("DeleteStmt")) {
    Node where = statement.get("whereClause");
    // WHERE false deletes nothing.
    if (where.is("A_Const") && where.has("boolval") && !where.get("boolval").flag("boolval")) {
      return tables;
    }
    ClearedTable cleared{name_of(statement.get("relation")), std::nullopt};
    if (where.valid()) cleared.only = pinned_columns(where);
    tables.push_back(std::move(cleared));
  }
  if (statement.is("TruncateStmt")) {
    for (Node relation : statement.list("relations")) {
      tables.push_back({name_of(relation), std::nullopt});
    }
  }
  return tables;
}

// Tables the file has deleted from or truncated so far, in file order.
using Cleared = std::vector<ClearedTable>;

// Whether a DELETE that pins columns removes every row the INSERT writes: each VALUES row has,
// in each pinned column, one of the pinned constants. Rows or columns that cannot be read
// (no column list, SELECT, expressions) count as removed: only a certain miss is a miss.
bool removes_rows(const std::vector<Pinned>& pinned, const Node& insert,
                  const std::vector<std::string>& table_columns) {
  std::vector<std::string> columns;
  for (Node target : insert.list("cols")) columns.emplace_back(target.str("name"));
  if (columns.empty()) columns = table_columns;  // INSERT INTO t VALUES (...): every column
  lint::NodeList rows = insert.get("selectStmt").list("valuesLists");
  if (columns.empty() || rows.empty()) return true;
  for (const Pinned& pin : pinned) {
    auto at = std::find(columns.begin(), columns.end(), pin.column);
    if (at == columns.end()) continue;
    auto position = static_cast<std::size_t>(at - columns.begin());
    for (Node row : rows) {
      lint::NodeList values = row.is("List") ? row.list("items") : row.items();
      if (position >= values.size()) continue;
      auto value = lint::constant_text(values[position]);
      if (value && std::find(pin.values.begin(), pin.values.end(), *value) == pin.values.end()) {
        return false;
      }
    }
  }
  return true;
}

// Whether the file has removed, before the INSERT (or COPY: `insert` invalid), the rows it
// writes into the target.
bool clears(const Cleared& cleared, const QualifiedName& target, const Node& insert = {},
            const std::vector<std::string>& table_columns = {}) {
  return std::any_of(cleared.begin(), cleared.end(), [&](const ClearedTable& entry) {
    if (!same_name(entry.table, target)) return false;
    return !entry.only || !insert.valid() || removes_rows(*entry.only, insert, table_columns);
  });
}

// The step of the INSERT at `index` (in all_statements()) that writes its target, when the replay
// resolved the target.
const lint::CatalogStep* write_step(const lint::FileContext& context, std::size_t index) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return nullptr;
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, index)) {
    if (step->effect.action == lint::Action::use && step->effect.change == lint::Change::insert &&
        step->object != lint::k_no_object) {
      return step;
    }
  }
  return nullptr;
}

// The columns of the INSERT's target as the replay knows them when it runs, in their order;
// none when it does not know them.
std::vector<std::string> table_columns(const lint::FileContext& context, std::size_t index) {
  const lint::CatalogStep* step = write_step(context, index);
  if (step == nullptr) return {};
  const lint::Catalog& catalog = *context.project.catalog();
  std::vector<std::string> columns;
  for (lint::ObjectId id : catalog.columns(step->effect.object, step->tick)) {
    columns.push_back(catalog.object(id).ref_at(step->tick).name);
  }
  return columns;
}

// An INSERT in the branch of a DO block's IF NOT EXISTS (SELECT FROM t WHERE ...) that another
// INSERT of the branch guards, writing the row the test looks for (IF NOT EXISTS (SELECT FROM
// entries WHERE memo = 'opening') THEN INSERT INTO entries ...; INSERT INTO postings ...): the
// second run finds that row and skips the whole branch.
bool sibling_guarded(const FileScope& scope, const Statement& statement) {
  if (!statement.embedded()) return false;
  for (const Statement* other : scope.statements()) {
    if (other == &statement || other->parent != statement.parent || !other->node.is("InsertStmt") ||
        other->node.has("onConflictClause")) {
      continue;
    }
    lint::GuardQuery query;
    query.tables.push_back(lint::relation_name(other->node.get("relation")));
    auto mine = scope.guard(statement, query);
    if (!mine || mine->kind != lint::GuardKind::catalog_test) continue;
    auto theirs = scope.guard(*other, query);
    if (!theirs || theirs->test != mine->test || theirs->frame != mine->frame ||
        statement.frames.size() <= mine->frame || other->frames.size() <= mine->frame ||
        statement.frames[mine->frame].node.at() != other->frames[mine->frame].node.at()) {
      continue;
    }
    // The test must look for the row the other INSERT writes.
    Node test = scope.condition(*theirs);
    if (!test.is("BoolExpr") || test.str("boolop") != "NOT_EXPR" || test.list("args").size() != 1 ||
        !test.list("args").front().is("SubLink") ||
        tests_other_rows(test.list("args").front(), other->node)) {
      continue;
    }
    return true;
  }
  return false;
}

Protection protection(const FileScope& scope, const Statement& statement, std::size_t index,
                      const Node& relation, const Cleared& cleared) {
  const Node& node = statement.node;
  QualifiedName target = name_of(relation);
  if (node.has("onConflictClause")) return Protection::on_conflict;
  if (scope.fresh(statement, relation)) return Protection::fresh_table;
  if (node.has("selectStmt") && filters_existing(node.get("selectStmt"), target, node)) {
    return Protection::filtered;
  }
  if (node.has("withClause") && filters_existing(node.get("withClause"), target, Node())) {
    return Protection::filtered;
  }
  if (moves_deleted_rows(node)) return Protection::moved;
  if (moved_by_later_delete(scope, statement)) return Protection::moved;
  if (clears(
          cleared, target, node,
          node.has("cols") ? std::vector<std::string>{} : table_columns(scope.context(), index))) {
    return Protection::cleared_first;
  }
  lint::GuardQuery query;
  if (auto error = lint::repeat_error(node)) query.errors.push_back(*error);
  query.tables.push_back(lint::relation_name(relation));
  if (auto guard = scope.guard(statement, query)) {
    // IF NOT EXISTS (SELECT ... FROM target WHERE key = 'other') THEN INSERT ...: a test of
    // another row finds nothing on the second run either.
    Node test = scope.condition(*guard);
    if (test.is("BoolExpr") && test.str("boolop") == "NOT_EXPR" && test.list("args").size() == 1 &&
        test.list("args").front().is("SubLink") &&
        tests_other_rows(test.list("args").front(), node,
                         node.has("cols") ? std::vector<std::string>{}
                                          : table_columns(scope.context(), index))) {
      return Protection::misguarded;
    }
    return Protection::guarded;
  }
  if (sibling_guarded(scope, statement)) return Protection::guarded;
  return Protection::none;
}

// The INSERT's write step in an up, when the replay knows its target's keys.
const lint::CatalogStep* insert_step(const lint::FileContext& context, std::size_t index) {
  if (context.direction() != lint::Direction::up) return nullptr;
  const lint::CatalogStep* step = write_step(context, index);
  if (step == nullptr ||
      lint::takes_keys_from_elsewhere(context.project, *context.project.catalog(),
                                      step->effect.object, step->tick)) {
    return nullptr;
  }
  return step;
}

// The rule of the INSERT's target (at `index` in all_statements()) that makes PostgreSQL refuse
// ON CONFLICT there (lint::on_conflict_refused_by()), in words for a help: "rule audit on plans
// (ON UPDATE DO ALSO)"; nothing when there is none, or the replay does not know the table.
std::optional<std::string> on_conflict_refused(const lint::FileContext& context,
                                               std::size_t index) {
  const lint::CatalogStep* step = write_step(context, index);
  if (step == nullptr) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  auto rules = lint::rules_before(context.project, catalog, context.index, index, step->object);
  const lint::Catalog::TableRule* rule = lint::on_conflict_refused_by(rules);
  if (rule == nullptr) return std::nullopt;
  return pairing::describe_rule(catalog, rule->id, catalog.before_statement(context.index, index));
}

// Whether the target of the INSERT at `index` (in all_statements()), as the schema replay knows it
// when the INSERT runs, has a key ON CONFLICT can meet: a primary key, a unique constraint or
// index, or an exclusion constraint. nullopt when the replay cannot tell (a down, a table made
// outside the migrations, a name it cannot resolve).
std::optional<bool> target_has_key(const lint::FileContext& context, std::size_t index) {
  const lint::CatalogStep* step = insert_step(context, index);
  if (step == nullptr) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::ObjectRef& table = step->effect.object;
  auto unique = catalog.has_unique_key(table, step->tick);
  if (!unique || *unique) return unique;
  for (lint::ObjectId id : catalog.constraints(table, step->tick)) {
    if (catalog.object(id).contype == 'x') return true;
  }
  return false;
}

// A unique key of the INSERT's target, as the replay knows it when the INSERT runs.
struct Key {
  const lint::CatalogObject* object = nullptr;
  std::vector<std::string> columns;  // plain columns; empty when unknown or an expression
  bool known = true;                 // its columns are known and all plain
  bool constraint = false;           // a constraint (ON CONSTRAINT can name it), not an index
  bool partial = false;
  bool nulls_conflict = false;  // NULLS NOT DISTINCT
  bool deferrable = false;      // a DEFERRABLE constraint: never an arbiter
  // The CREATE UNIQUE INDEX that made an index: its elements (columns and expressions) and
  // WHERE, for matching ON CONFLICT's target; invalid for a constraint.
  Node index;
  // The columns of the table renamed since the CREATE UNIQUE INDEX (old name -> name when the
  // INSERT runs): the index follows a RENAME COLUMN, its statement's text does not.
  std::map<std::string, std::string> renamed;

  // An element's column as the INSERT names it.
  std::string column(const Node& element) const {
    std::string name = lint::truncate_identifier(element.str("name"));
    auto found = renamed.find(name);
    return found != renamed.end() ? found->second : name;
  }
};

// The table's columns whose name at `from` is not their name at `to`: old name -> new name.
std::map<std::string, std::string> renamed_columns(const lint::Catalog& catalog,
                                                   lint::ObjectId table, lint::Tick from,
                                                   lint::Tick to) {
  std::map<std::string, std::string> renamed;
  for (lint::ObjectId child : catalog.object(table).children) {
    const lint::CatalogObject& column = catalog.object(child);
    if (column.kind() != lint::ObjectKind::column || !column.alive_at(from) ||
        !column.alive_at(to)) {
      continue;
    }
    const std::string& before = column.ref_at(from).name;
    const std::string& now = column.ref_at(to).name;
    if (before != now) renamed.emplace(before, now);
  }
  return renamed;
}

// The unique keys of the INSERT's target (primary keys, unique constraints, unique indexes,
// partial ones too); nullopt when the replay cannot tell them exactly (an exclusion constraint,
// a key made by a statement it cannot read, DEFERRABLE or NULLS NOT DISTINCT in a constraint).
std::optional<std::vector<Key>> keys_of(const lint::FileContext& context,
                                        const lint::Catalog& catalog,
                                        const lint::CatalogStep& step) {
  std::vector<Key> keys;
  for (lint::ObjectId id : catalog.constraints(step.effect.object, step.tick)) {
    const lint::CatalogObject& object = catalog.object(id);
    if (object.contype == 'x') return std::nullopt;
    if (object.contype != 'p' && object.contype != 'u') continue;
    const Statement* made = lint::statement_at(context.project, object.created);
    if (made == nullptr) return std::nullopt;
    Key key;
    if (lint::has_unusual_key(made->node)) {
      auto flags = lint::key_flags(made->node, object, object.ref_at(step.tick).name);
      if (!flags) return std::nullopt;
      key.deferrable = flags->deferrable;
      key.nulls_conflict = flags->nulls_not_distinct;
    }
    key.object = &object;
    key.constraint = true;
    key.columns = object.columns;
    key.known = !key.columns.empty();
    keys.push_back(std::move(key));
  }
  for (lint::ObjectId id : catalog.indexes(step.effect.object, step.tick)) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!object.unique) continue;
    Key key;
    key.object = &object;
    key.partial = object.partial;
    const Statement* made = lint::statement_at(context.project, object.created);
    if (made != nullptr && made->node.is("IndexStmt")) {
      key.index = made->node;
      key.nulls_conflict = made->node.flag("nulls_not_distinct");
      if (step.object != lint::k_no_object) {
        key.renamed = renamed_columns(catalog, step.object, object.created.tick, step.tick);
      }
      for (Node param : made->node.list("indexParams")) {
        Node element = param.is("IndexElem") ? param : param.get("IndexElem");
        if (!element.has("name")) key.known = false;
        key.columns.push_back(key.column(element));
      }
    } else if (made != nullptr &&
               (made->node.is("CreateStmt") || made->node.is("AlterTableStmt"))) {
      continue;  // the index of a primary key or unique constraint: the constraint stands for it
    } else {
      key.known = false;  // made by a statement not read here
    }
    if (!key.known) key.columns.clear();
    keys.push_back(std::move(key));
  }
  return keys;
}

// What a row of the INSERT puts in a key column, as far as a conflict goes.
enum class Cell : std::uint8_t {
  value,  // a value (or something not worked out): it can conflict
  fresh,  // a new value on every run: it never conflicts with an earlier run's row
  null,   // NULL: it conflicts only under NULLS NOT DISTINCT
};

// Why a row the INSERT writes conflicts with no key on a second run, when it does not.
struct Unmeetable {
  std::string column;
  Cell cell = Cell::value;
};

// The rows an INSERT writes, column by column as a conflict sees them.
class Rows {
 public:
  Rows(const lint::FileContext& context, const lint::Catalog& catalog,
       const lint::CatalogStep& step, const Node& insert)
      : m_context(context), m_catalog(catalog), m_step(step) {
    // A row trigger may fill what the INSERT leaves NULL (a tenant from a setting, say): with
    // one on the table, a column left NULL is not judged.
    for (lint::ObjectId child : catalog.object(step.object).children) {
      const lint::CatalogObject& object = catalog.object(child);
      if (object.kind() == lint::ObjectKind::trigger && object.alive_at(step.tick)) {
        m_triggers = true;
      }
    }
    m_columns = step.effect.columns;
    m_default_values = !insert.has("selectStmt");
    if (m_columns.empty() && !m_default_values) {
      // Values by position: the table's columns, when the replay knows them all.
      m_positions_known = lint::columns_known(context.project, catalog, step.object, step.tick);
      for (lint::ObjectId id : catalog.columns(step.effect.object, step.tick)) {
        m_columns.push_back(catalog.object(id).ref_at(step.tick).name);
      }
    }
    for (Node row : insert.get("selectStmt").list("valuesLists")) {
      m_rows.push_back(row.is("List") ? row.list("items") : row.items());
    }
  }

  // VALUES rows; a SELECT or DEFAULT VALUES counts as one row.
  std::size_t count() const { return std::max<std::size_t>(m_rows.size(), 1); }

  // The constant (not NULL) a VALUES row gives the column, as PostgreSQL inserts it: invalid
  // when the row gives something else, or the table has a trigger, which may change it.
  Node constant(std::size_t row, const std::string& column) const {
    auto given = std::find(m_columns.begin(), m_columns.end(), column);
    if (m_triggers || !m_positions_known || given == m_columns.end() || row >= m_rows.size()) {
      return Node();
    }
    auto position = static_cast<std::size_t>(given - m_columns.begin());
    const lint::NodeList& values = m_rows[row];
    if (position >= values.size()) return Node();
    Node value = values[position];
    if (!value.is("A_Const") || value.flag("isnull")) return Node();
    return value;
  }

  Cell cell(std::size_t row, const std::string& column) const {
    auto given = std::find(m_columns.begin(), m_columns.end(), column);
    if (given == m_columns.end()) return filled(column);
    if (m_rows.empty()) return Cell::value;  // from a SELECT
    auto position = static_cast<std::size_t>(given - m_columns.begin());
    const lint::NodeList& values = m_rows[row];
    if (position >= values.size()) return Cell::value;
    Node value = values[position];
    if (value.is("SetToDefault")) return filled(column);
    if (value.is("A_Const") && value.flag("isnull")) return Cell::null;
    return Cell::value;
  }

 private:
  Cell filled(const std::string& column) const {
    for (lint::ObjectId id : m_catalog.columns(m_step.effect.object, m_step.tick)) {
      if (m_catalog.object(id).ref_at(m_step.tick).name != column) continue;
      switch (lint::column_fill(m_context.project, m_catalog, id, m_step.tick)) {
        case lint::ColumnFill::anew:
          return Cell::fresh;
        case lint::ColumnFill::null:
          return m_triggers ? Cell::value : Cell::null;
        case lint::ColumnFill::fixed:
        case lint::ColumnFill::unknown:
          return Cell::value;
      }
    }
    return Cell::value;
  }

  const lint::FileContext& m_context;
  const lint::Catalog& m_catalog;
  const lint::CatalogStep& m_step;
  std::vector<std::string> m_columns;
  bool m_default_values = false;
  bool m_triggers = false;
  bool m_positions_known = true;
  std::vector<lint::NodeList> m_rows;
};

// Why `row` meets no key of `keys` on a second run; nullopt when it can meet one.
std::optional<Unmeetable> meets_none(const Rows& rows, std::size_t row,
                                     const std::vector<const Key*>& keys) {
  std::optional<Unmeetable> first;
  for (const Key* key : keys) {
    if (!key->known) return std::nullopt;
    std::optional<Unmeetable> blocked;
    for (const std::string& column : key->columns) {
      Cell cell = rows.cell(row, column);
      if (cell == Cell::fresh || (cell == Cell::null && !key->nulls_conflict)) {
        blocked = Unmeetable{column, cell};
        break;
      }
    }
    if (!blocked) return std::nullopt;  // this key can conflict
    if (!first) first = blocked;
  }
  return first;
}

// Two VALUES rows of an INSERT ... ON CONFLICT DO UPDATE that give a key of the conflict target
// the same constants, column by column: the same literal, read as the same column's type, is the
// same value, so the second row meets the row the first one wrote (or updated) in the same
// command, and PostgreSQL refuses that ("ON CONFLICT DO UPDATE command cannot affect row a second
// time"), on every run. Constants written differently ('1.0' and '1.00', 'de' and 'DE' in a citext
// column) may be equal too, but are not judged.
struct RepeatedKey {
  std::size_t first = 0;
  std::size_t second = 0;
  const Key* key = nullptr;
};

std::optional<RepeatedKey> repeated_key(const Rows& rows, const std::vector<const Key*>& keys) {
  for (const Key* key : keys) {
    if (!key->known || key->partial || key->columns.empty()) continue;
    for (std::size_t second = 1; second < rows.count(); ++second) {
      for (std::size_t first = 0; first < second; ++first) {
        bool same = true;
        for (const std::string& column : key->columns) {
          Node a = rows.constant(first, column);
          Node b = rows.constant(second, column);
          same = same && a.valid() && b.valid() && lint::same_tree(a, b);
        }
        if (same) return RepeatedKey{first, second, key};
      }
    }
  }
  return std::nullopt;
}

// An expression as the message shows it: its column names (as renamed since, for an index's)
// and function names, as far as a short form goes; "<expression>" otherwise.
std::string deparsed(const Node& expression, const std::map<std::string, std::string>& renamed) {
  if (expression.is("ColumnRef")) {
    lint::NodeList fields = expression.list("fields");
    if (!fields.empty() && fields.back().is("String")) {
      std::string name(fields.back().as_str());
      auto found = renamed.find(name);
      return found != renamed.end() ? found->second : name;
    }
  }
  if (expression.is("FuncCall")) {
    std::string name;
    for (Node part : expression.list("funcname")) name = std::string(part.as_str());
    std::vector<std::string> args;
    for (Node arg : expression.list("args")) args.push_back(deparsed(arg, renamed));
    name += '(';
    name += lint::join_strings(args, ", ");
    name += ')';
    return name;
  }
  return "<expression>";
}

// Whether ON CONFLICT's target elements are the key's, in any order: the same columns, and
// expressions with the same terms (lower(email) for lower(email)).
bool same_elements(const Key& key, const lint::NodeList& target) {
  std::vector<Node> elements;
  if (key.index.valid()) {
    for (Node param : key.index.list("indexParams")) {
      elements.push_back(param.is("IndexElem") ? param : param.get("IndexElem"));
    }
  } else if (!key.known) {
    return false;
  }
  std::size_t count = key.index.valid() ? elements.size() : key.columns.size();
  if (count != target.size()) return false;
  std::vector<bool> used(count, false);
  for (Node wanted : target) {
    bool found = false;
    for (std::size_t i = 0; i < count && !found; ++i) {
      if (used[i]) continue;
      if (!key.index.valid()) {
        found =
            wanted.has("name") && lint::truncate_identifier(wanted.str("name")) == key.columns[i];
      } else if (wanted.has("name") || elements[i].has("name")) {
        found = wanted.has("name") && elements[i].has("name") &&
                lint::truncate_identifier(wanted.str("name")) == key.column(elements[i]);
      } else {
        found = lint::same_terms(wanted.get("expr"), elements[i].get("expr"), key.renamed);
      }
      if (found) used[i] = true;
    }
    if (!found) return false;
  }
  return true;
}

// A key's elements as ON CONFLICT writes them: "(tenant_id, lower(email))".
std::string key_display(const Key& key) {
  std::string shown = "(";
  if (!key.index.valid()) {
    shown += lint::join_strings(key.columns, ", ");
    shown += ')';
    return shown;
  }
  std::vector<std::string> elements;
  for (Node param : key.index.list("indexParams")) {
    Node element = param.is("IndexElem") ? param : param.get("IndexElem");
    elements.push_back(element.has("name") ? key.column(element)
                                           : deparsed(element.get("expr"), key.renamed));
  }
  shown += lint::join_strings(elements, ", ");
  shown += ')';
  return shown;
}

// A test of a boolean column as PostgreSQL's planner simplifies it before it compares ON
// CONFLICT's WHERE with an index's predicate (eval_const_expressions): `b`, `b = true`,
// `b = 't'`, `true = b`, `b <> false` are `b`; `NOT b`, `b = false`, `b = 'f'`, `b <> true` are
// `NOT b`. The column and whether it must be true; nullopt for any other condition (`b IS FALSE`
// stays what it is).
std::optional<std::pair<std::string, bool>> boolean_test(const Node& condition,
                                                         const lint::TermTypes& types) {
  auto column = [](const Node& node) {
    lint::NodeList fields = node.list("fields");
    return fields.empty() ? std::string() : lint::truncate_identifier(fields.back().as_str());
  };
  if (condition.is("ColumnRef")) return std::pair{column(condition), true};
  if (condition.is("BoolExpr") && condition.str("boolop") == "NOT_EXPR" &&
      condition.list("args").size() == 1 && condition.list("args")[0].is("ColumnRef")) {
    return std::pair{column(condition.list("args")[0]), false};
  }
  if (!condition.is("A_Expr") || condition.str("kind") != "AEXPR_OP") return std::nullopt;
  std::string_view op = condition.list("name").back().as_str();
  if (op != "=" && op != "<>") return std::nullopt;
  Node left = condition.get("lexpr");
  Node right = condition.get("rexpr");
  if (right.is("ColumnRef")) std::swap(left, right);
  if (!left.is("ColumnRef")) return std::nullopt;
  std::string name = column(left);
  bool boolean = types.column && types.column(name) == "bool";
  if (right.is("TypeCast")) {
    boolean = boolean || lint::column_type(right.get("typeName")).is("bool");
    right = right.get("arg");
  }
  if (!right.is("A_Const")) return std::nullopt;
  std::optional<bool> value;
  if (right.has("boolval")) value = right.get("boolval").flag("boolval");
  if (boolean && right.has("sval")) value = lint::boolean_input(right.get("sval").str("sval"));
  if (!value) return std::nullopt;
  return std::pair{name, op == "=" ? *value : !*value};
}

// Whether ON CONFLICT's WHERE implies a partial index's predicate, as far as PostgreSQL's
// inference is sure to find it: each of the predicate's ANDed conditions is one of the WHERE's,
// the same terms (with the columns the table renamed since the index was made under their new
// names) or the same test of a boolean column.
bool implies(const Node& where, const Node& predicate,
             const std::map<std::string, std::string>& renamed, const lint::TermTypes& types) {
  if (!where.valid()) return false;
  std::vector<Node> given;
  std::vector<Node> needed;
  lint::conjuncts(where, given);
  lint::conjuncts(predicate, needed);
  for (const Node& condition : needed) {
    auto test = boolean_test(condition, types);
    bool found = false;
    if (test) {
      if (auto found_name = renamed.find(test->first); found_name != renamed.end()) {
        test->first = found_name->second;
      }
    }
    for (const Node& have : given) {
      found = found || lint::same_terms(have, condition, renamed) ||
              lint::same_terms(have, condition, types) ||
              (test && boolean_test(have, types) == test);
    }
    if (!found) return false;
  }
  return true;
}

// What is wrong with an ON CONFLICT on a table whose keys the replay knows.
struct ConflictProblem {
  std::string message;
  std::string help;
};

// ON CONFLICT (columns) or ON CONSTRAINT name that no key of the table answers to, which
// PostgreSQL refuses; or ON CONFLICT whose rows can never conflict again, so that every run adds
// them again (or fails on another key): a key column the INSERT leaves to a serial, identity or
// volatile default, or to NULL (NULLs never conflict, unless NULLS NOT DISTINCT).
std::optional<ConflictProblem> conflict_problem(const lint::FileContext& context, std::size_t index,
                                                const Node& insert, const std::string& table) {
  const lint::CatalogStep* step = insert_step(context, index);
  if (step == nullptr) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  Node clause = insert.get("onConflictClause");
  if (clause.get("infer").has("conname")) {
    // A CHECK or FOREIGN KEY constraint has no index for a conflict to meet.
    std::string name = lint::truncate_identifier(clause.get("infer").str("conname"));
    for (lint::ObjectId id : catalog.constraints(step->effect.object, step->tick)) {
      const lint::CatalogObject& object = catalog.object(id);
      if ((object.contype != 'c' && object.contype != 'f') ||
          object.ref_at(step->tick).name != name) {
        continue;
      }
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT ON CONSTRAINT " + name + " names a " +
              (object.contype == 'c' ? "CHECK" : "FOREIGN KEY") +
              " constraint, which no conflict can meet: PostgreSQL refuses the INSERT "
              "(\"constraint in ON CONFLICT clause has no associated index\")",
          "name a primary key or unique constraint of " + table +
              ", or its columns: ON CONFLICT (<key columns>)"};
    }
  }
  if (clause.get("infer").has("conname") && clause.str("action") == "ONCONFLICT_UPDATE") {
    std::string name = lint::truncate_identifier(clause.get("infer").str("conname"));
    for (lint::ObjectId id : catalog.constraints(step->effect.object, step->tick)) {
      const lint::CatalogObject& object = catalog.object(id);
      if (object.contype != 'x' || object.ref_at(step->tick).name != name) continue;
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT ON CONSTRAINT " + name +
              " DO UPDATE names an exclusion constraint: PostgreSQL refuses the INSERT (\"ON "
              "CONFLICT DO UPDATE not supported with exclusion constraints\")",
          "use DO NOTHING with the exclusion constraint, or name a unique key for DO UPDATE"};
    }
  }
  Node infer = insert.get("onConflictClause").get("infer");
  // PostgreSQL never takes a DEFERRABLE constraint as an arbiter; without a target it checks
  // every key, and refuses the INSERT when it reaches a deferrable one (whenever no other key
  // conflicts first, as on the first run).
  auto deferrable = [&](const std::string& name) {
    return ConflictProblem{
        "INSERT INTO " + table + " ... ON CONFLICT " +
            (infer.valid() ? "uses" : "without a target checks every key, among them") +
            " constraint " + name +
            ", which is DEFERRABLE: PostgreSQL refuses the INSERT (\"ON CONFLICT does not "
            "support deferrable unique constraints/exclusion constraints as arbiters\")",
        "make " + name +
            " NOT DEFERRABLE (drop it and add it again), or insert with WHERE NOT EXISTS (...) "
            "in place of ON CONFLICT" +
            (infer.valid() ? std::string() : std::string(", or name another key as the target"))};
  };
  // An exclusion constraint is an arbiter without a target, or when ON CONSTRAINT names it (a
  // list of columns infers unique keys only).
  if (!infer.valid() || infer.has("conname")) {
    for (lint::ObjectId id : catalog.constraints(step->effect.object, step->tick)) {
      const lint::CatalogObject& object = catalog.object(id);
      std::string name = object.ref_at(step->tick).name;
      if (object.contype != 'x' ||
          (infer.valid() && lint::truncate_identifier(infer.str("conname")) != name)) {
        continue;
      }
      const Statement* made = lint::statement_at(context.project, object.created);
      if (made == nullptr || !lint::has_unusual_key(made->node)) continue;
      auto flags = lint::key_flags(made->node, object, name);
      if (flags && flags->deferrable) return deferrable(name);
    }
  }
  auto keys = keys_of(context, catalog, *step);
  if (!keys || keys->empty()) return std::nullopt;  // no key at all: target_has_key() says it
  std::vector<const Key*> arbiters;
  if (!infer.valid()) {
    for (const Key& key : *keys) arbiters.push_back(&key);
  } else if (infer.has("conname")) {
    std::string name = lint::truncate_identifier(infer.str("conname"));
    const Key* index_named = nullptr;
    for (const Key& key : *keys) {
      if (key.object->ref_at(step->tick).name != name) continue;
      if (key.constraint)
        arbiters.push_back(&key);
      else
        index_named = &key;
    }
    if (arbiters.empty() && index_named != nullptr) {
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT ON CONSTRAINT " + name +
              " names a unique index, not a constraint: PostgreSQL refuses the INSERT (constraint "
              "\"" +
              name + "\" does not exist)",
          index_named->known && !index_named->partial
              ? "write ON CONFLICT (" + lint::join_strings(index_named->columns, ", ") + ") instead"
              : "name the index's columns instead: ON CONFLICT (<its columns>)"};
    }
    if (arbiters.empty()) return std::nullopt;  // a constraint the replay may not know
  } else {
    std::vector<std::string> target;
    for (Node element : infer.list("indexElems")) {
      target.push_back(element.has("name") ? lint::truncate_identifier(element.str("name"))
                                           : deparsed(element.get("expr"), {}));
    }
    Node where = infer.get("whereClause");
    lint::TermTypes types =
        lint::column_term_types(context.project, catalog, step->effect.object, step->tick);
    const Key* partial_match = nullptr;
    for (const Key& key : *keys) {
      // A key whose columns and expressions are not known might be the one.
      if (!key.known && !key.index.valid()) return std::nullopt;
      if (!same_elements(key, infer.list("indexElems"))) continue;
      if (key.partial && !implies(where, key.index.get("whereClause"), key.renamed, types)) {
        partial_match = &key;
        continue;
      }
      arbiters.push_back(&key);
    }
    if (arbiters.empty()) {
      std::string names = lint::join_strings(target, ", ");
      if (partial_match != nullptr) {
        return ConflictProblem{
            "INSERT INTO " + table + " ... ON CONFLICT (" + names +
                ") matches only the partial unique index " +
                partial_match->object->ref_at(step->tick).name +
                ", which ON CONFLICT uses only when it repeats the index's WHERE: PostgreSQL "
                "refuses the INSERT (no unique or exclusion constraint matching the ON CONFLICT "
                "specification)",
            "add the index's predicate: ON CONFLICT (" + names + ") WHERE <the index's WHERE>"};
      }
      std::vector<std::string> known;
      for (const Key& key : *keys) {
        if (!key.partial) known.push_back(key_display(key));
      }
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT (" + names + ") matches no unique key of " +
              table + " (a key must have exactly these columns): PostgreSQL refuses the INSERT",
          known.empty()
              ? "give " + table + " a unique constraint on (" + names + ")"
              : "name the columns of one of its keys, " + lint::join_strings(known, ", ") +
                    ", or add a unique constraint on (" + names + ")"};
    }
  }
  for (const Key* key : arbiters) {
    if (key->deferrable) return deferrable(key->object->ref_at(step->tick).name);
  }
  Rows rows(context, catalog, *step, insert);
  if (clause.str("action") == "ONCONFLICT_UPDATE") {
    if (auto repeated = repeated_key(rows, arbiters)) {
      std::string key = key_display(*repeated->key);
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT DO UPDATE gives the key " + key +
              " the same values in VALUES rows " + std::to_string(repeated->first + 1) + " and " +
              std::to_string(repeated->second + 1) +
              ": the second row meets the row the first one wrote, and PostgreSQL refuses the "
              "INSERT on every run (\"ON CONFLICT DO UPDATE command cannot affect row a second "
              "time\")",
          "keep one row per key in the VALUES list (the values the last one gives, as DO UPDATE "
          "would have left them)"};
    }
  }
  for (std::size_t row = 0; row < rows.count(); ++row) {
    auto why = meets_none(rows, row, arbiters);
    if (!why) continue;
    if (why->cell == Cell::fresh) {
      return ConflictProblem{
          "INSERT INTO " + table + " ... ON CONFLICT adds its rows again (or fails on another " +
              "key) when the migration runs again: the key it can conflict on includes " +
              why->column + ", which the INSERT does not give and which gets a new value on " +
              "every run, so no row ever conflicts",
          "give " + why->column +
              " explicitly, or put a unique constraint on the columns that identify a row (a "
              "code or name) and write ON CONFLICT (<those columns>)"};
    }
    return ConflictProblem{
        "INSERT INTO " + table + " ... ON CONFLICT adds its rows again (or fails on another " +
            "key) when the migration runs again: the key it can conflict on includes " +
            why->column + ", which the INSERT leaves NULL, and a NULL is never equal to " +
            "another, so the row never conflicts",
        context.project.pg_version() >= 15
            ? "give " + why->column +
                  " a value, or declare the key UNIQUE NULLS NOT DISTINCT so that NULLs conflict"
            : "give " + why->column + " a value"};
  }
  return std::nullopt;
}

// index: the statement's place in all_statements().
void check_insert(FileScope& scope, const Statement& statement, std::size_t index,
                  const Cleared& cleared) {
  Node relation = statement.node.get("relation");
  std::string table = name_of(relation).display();
  Protection protected_by = protection(scope, statement, index, relation, cleared);
  switch (protected_by) {
    case Protection::none:
    case Protection::misguarded: {
      // A NOT EXISTS that is there but tests another row than the one written.
      bool misses = protected_by == Protection::misguarded;
      lint::walk(statement.node.get("selectStmt"), [&](const Node& node) {
        if (node.is("SubLink") && tests_other_rows(node, statement.node)) misses = true;
        return !misses;
      });
      std::string not_exists = "take the rows from a SELECT ... WHERE NOT EXISTS (SELECT 1 FROM " +
                               table + " WHERE <key matches>)";
      auto refused = on_conflict_refused(scope.context(), index);
      scope.report(
          statement, statement.range,
          "INSERT INTO " + table +
              " without ON CONFLICT adds its rows again (or fails "
              "on a unique key) " +
              std::string(k_again) +
              (misses ? ": its NOT EXISTS tests other values than the row it writes, so "
                        "it finds nothing on the second run either"
                      : ""),
          refused ? not_exists + ": PostgreSQL refuses ON CONFLICT on " + table + ", which has " +
                        *refused
                  : "add ON CONFLICT (<key>) DO NOTHING or DO UPDATE SET ..., or " + not_exists);
      break;
    }
    case Protection::on_conflict:
      // Refused whatever the keys when the table has INSERT or UPDATE rules: invalid-dml's.
      if (on_conflict_refused(scope.context(), index)) break;
      // ON CONFLICT protects only rows that meet a unique constraint or index of the table.
      if (target_has_key(scope.context(), index) == false) {
        bool inferred = statement.node.get("onConflictClause").has("infer");
        scope.report(
            statement, statement.range,
            inferred ? "INSERT INTO " + table +
                           " ... ON CONFLICT names a key the table does not have: the earlier "
                           "migrations give " +
                           table +
                           " no primary key, unique constraint or unique index, so PostgreSQL "
                           "refuses the INSERT"
                     : "INSERT INTO " + table +
                           " ... ON CONFLICT DO NOTHING adds its rows again: the earlier "
                           "migrations give " +
                           table +
                           " no primary key, unique constraint or unique index for a conflict "
                           "to meet",
            "give " + table +
                " a primary key or unique constraint on the columns that identify a row (in "
                "this migration or an earlier one), then write ON CONFLICT (<those columns>)");
      } else if (auto problem = conflict_problem(scope.context(), index, statement.node, table)) {
        scope.report(statement, statement.range, problem->message, problem->help);
      }
      break;
    case Protection::filtered:
    case Protection::cleared_first:
    case Protection::guarded:
    case Protection::fresh_table:
    case Protection::moved:
      break;
  }
}

// index: the statement's place in all_statements().
void check_copy(FileScope& scope, const Statement& statement, std::size_t index,
                const Cleared& cleared) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  if (!node.flag("is_from") || !relation.valid()) return;
  QualifiedName target = name_of(relation);
  if (scope.fresh(statement, relation) || clears(cleared, target)) return;
  lint::GuardQuery query{{lint::condition::unique_violation}, {lint::relation_name(relation)}};
  if (scope.guard(statement, query)) return;
  auto refused = on_conflict_refused(scope.context(), index);
  scope.report(
      statement, statement.range,
      "COPY " + target.display() +
          " FROM adds its rows again (or fails on a unique "
          "key) " +
          std::string(k_again),
      "COPY into a temporary table, then INSERT INTO " + target.display() +
          (refused ? " SELECT ... FROM it WHERE NOT EXISTS (SELECT 1 FROM " + target.display() +
                         " WHERE <key matches>): PostgreSQL refuses ON CONFLICT on " +
                         target.display() + ", which has " + *refused
                   : " SELECT ... FROM it ON CONFLICT DO NOTHING"));
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  FileScope scope(context, out);
  std::vector<const Statement*> judged = scope.statements();
  std::unordered_set<const Statement*> judge(judged.begin(), judged.end());
  Cleared cleared;
  const auto& all = context.file.all_statements();
  for (std::size_t index = 0; index < all.size(); ++index) {
    const Statement* statement = all[index];
    if (judge.contains(statement)) {
      if (statement->kind() == "InsertStmt") check_insert(scope, *statement, index, cleared);
      if (statement->kind() == "CopyStmt") check_copy(scope, *statement, index, cleared);
    }
    for (auto& table : cleared_tables(statement->node)) cleared.push_back(std::move(table));
  }
}

}  // namespace

lint::Rule require_on_conflict() {
  return lint::Rule{
      .info = {.id = "require-on-conflict",
               .category = lint::Category::idempotency,
               .severity = lint::Severity::error,
               .summary = "INSERT without ON CONFLICT or a NOT EXISTS guard adds its rows again "
                          "when the migration runs again"},
      .check_file = check};
}

}  // namespace sqlgate::rules::idempotency
