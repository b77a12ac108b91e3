// invalid-dml: INSERT, UPDATE and MERGE that PostgreSQL refuses whatever the rows, so the seed-data
// or backfill migration fails on its first run: VALUES rows of different lengths, more or fewer
// expressions than target columns, a column the table does not have (as the replay of the
// migrations knows it), and a value written into a GENERATED ALWAYS identity column (without
// OVERRIDING SYSTEM VALUE) or into a generated column; UPDATE and DELETE of a table a publication
// publishes them of with a row filter or column list outside its replica identity, or without a
// replica identity; SET CONSTRAINTS ... DEFERRED of a constraint that is not DEFERRABLE; TRUNCATE
// without CASCADE of a table that a foreign key of a table it does not truncate references; a
// string constant read as json or jsonb that is not valid JSON (json_constants.h); RETURNING, ON
// CONFLICT, MERGE or a data-modifying WITH that the rules of the table (CREATE RULE) make
// PostgreSQL's rewriter refuse; UPDATE ... FROM and DELETE ... USING whose list refers to the
// table written; MERGE into a view or with an unreachable WHEN clause; a write through a view
// that is not automatically updatable, or to a view column that is an expression; in a DO block,
// a SELECT without INTO and a variable that makes a column reference ambiguous. Each message is
// PostgreSQL 15's.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/pairing/common.h"
#include "rules/pairing/publications.h"
#include "rules/safety/enum_literals.h"
#include "rules/safety/identity.h"
#include "rules/safety/json_constants.h"
#include "rules/safety/materialized_views.h"
#include "rules/safety/refusal.h"
#include "rules/safety/refused_partition_ddl.h"
#include "rules/safety/replica_identity.h"
#include "rules/safety/updatable_views.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

std::string count(std::size_t n, const std::string& noun) {
  std::string text = std::to_string(n);
  text += " ";
  text += noun;
  if (n != 1) text += "s";
  return text;
}

// Whether an expression of a VALUES row or a select list stands for several columns: x.* or
// (x).*, which PostgreSQL expands to the columns of x's row type.
bool expands(const Node& expression) {
  lint::NodeList parts = expression.is("ColumnRef")       ? expression.list("fields")
                         : expression.is("A_Indirection") ? expression.list("indirection")
                                                          : lint::NodeList{};
  return !parts.empty() && parts[parts.size() - 1].is("A_Star");
}

// Whether the statement runs whatever the data: not under a DO block's IF, CASE or loop, nor in a
// block with an exception handler.
bool runs_unguarded(const lint::Statement& statement) {
  if (lint::conditional(statement)) return false;
  return std::none_of(statement.frames.begin(), statement.frames.end(),
                      [](const lint::PlpgsqlFrame& frame) { return frame.part == "loop"; });
}

// Whether `text` names `name` as a word (any case): a statement that may change the table.
bool mentions(std::string_view text, std::string_view name) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  auto word = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
  };
  if (name.empty() || text.size() < name.size()) return false;
  for (std::size_t at = 0; at + name.size() <= text.size(); ++at) {
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i)
      same = lower(text[at + i]) == lower(name[i]);
    if (!same) continue;
    if (at > 0 && word(text[at - 1])) continue;
    if (at + name.size() < text.size() && word(text[at + name.size()])) continue;
    return true;
  }
  return false;
}

// The text of what a statement runs that the replay does not follow, when any: a DO block with an
// EXECUTE (its string may be built at run time), a CALL, and the bodies of the functions the
// migrations made that it calls (a helper that adds columns, say).
std::string unfollowed(const lint::TableState& tables, const lint::ParsedFile& file,
                       const lint::Statement& statement, const lint::Statement& at) {
  std::string text;
  std::string_view own = file.slice(statement.range);
  if (statement.kind() == "CallStmt" ||
      (statement.kind() == "DoStmt" && mentions(own, "execute"))) {
    text += own;
  }
  lint::walk(statement.node, [&](const Node& node) {
    if (node.is("FuncCall")) {
      lint::QualifiedName name = lint::QualifiedName::of(node.list("funcname"));
      if (const lint::Statement* made = tables.function_definition(name, at)) {
        std::string body;
        // A BEGIN ATOMIC body is parsed: the tables it names.
        lint::walk(made->node.get("sql_body"), [&](const Node& inner) {
          if (inner.is("RangeVar")) {
            body += " ";
            body += inner.str("relname");
          }
          return true;
        });
        for (Node option : made->node.list("options")) {
          if (option.str("defname") != "as") continue;
          for (Node part : option.get("arg").list("items")) body += part.as_str();
        }
        // A body that runs built strings may change the table the call names in its arguments.
        if (mentions(body, "execute")) text += own;
        text += body;
      }
    }
    return true;
  });
  return text;
}

// Whether a statement of the ups before `at` (the earlier files, then this one up to it) runs
// something the replay does not follow that names the table: its columns may not be the ones the
// replay has.
bool changed_unseen(const lint::FileContext& context, const lint::Statement& at,
                    std::string_view table) {
  const lint::TableState& tables = context.shared<lint::TableState>(context);
  // What the replay does not follow is run by a CALL, a DO block with EXECUTE, or a SELECT
  // (PERFORM) of a function: those statements of the ups, found once for the whole set, in its
  // order.
  struct Candidate {
    std::size_t file;
    const lint::Statement* statement;
  };
  auto candidate = [](const lint::ParsedFile& file, const lint::Statement& statement) {
    std::string_view kind = statement.kind();
    if (kind == "CallStmt") return true;
    if (kind == "DoStmt") return mentions(file.slice(statement.range), "execute");
    if (kind != "SelectStmt") return false;
    bool calls = false;
    lint::walk(statement.node, [&](const Node& node) {
      calls = calls || node.is("FuncCall");
      return !calls;
    });
    return calls;
  };
  const lint::Project& project = context.project;
  const auto& candidates = project.shared<std::vector<Candidate>>([&] {
    std::vector<Candidate> found;
    for (std::size_t i = 0; i < project.size(); ++i) {
      const lint::ParsedFile* file = project.parsed(i);
      if (file == nullptr || project.source(i).role() != lint::Direction::up) continue;
      for (const lint::Statement* statement : file->all_statements()) {
        if (candidate(*file, *statement)) found.push_back(Candidate{i, statement});
      }
    }
    return found;
  });
  // The candidates of this file too when it is an up (they come after the earlier files').
  std::size_t here = context.file.ordinal(at).value_or(0);
  for (const Candidate& earlier : candidates) {
    if (earlier.file > context.index ||
        (earlier.file == context.index && earlier.statement->ordinal >= here)) {
      break;
    }
    if (mentions(unfollowed(tables, *project.parsed(earlier.file), *earlier.statement, at),
                 table)) {
      return true;
    }
  }
  if (project.source(context.index).role() == lint::Direction::up) return false;
  for (const lint::Statement* statement : context.file.all_statements()) {
    if (statement == &at) break;
    if (candidate(context.file, *statement) &&
        mentions(unfollowed(tables, context.file, *statement, at), table)) {
      return true;
    }
  }
  return false;
}

// The table a statement writes, when the replay knows all of its columns: made by a plain CREATE
// TABLE of the migrations (not LIKE, INHERITS, PARTITION OF, OF type nor CREATE TABLE AS).
struct KnownTable {
  std::string name;                  // as PostgreSQL names it in messages
  std::vector<std::string> columns;  // in order, as they stand before the statement
  std::vector<lint::ObjectId> ids;   // the same columns in the catalog
  lint::Tick tick = 0;               // just before the statement
  // No statement the replay does not follow (a DO block's EXECUTE, a function the migrations
  // made) names the table: the columns are all there is.
  bool complete = true;
};

std::optional<KnownTable> known_table(const lint::FileContext& context,
                                      const lint::Statement& statement,
                                      const lint::QualifiedName& table) {
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<lint::Tick> tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !tick) return std::nullopt;
  lint::ObjectId id =
      lint::find_as_written(context, statement, lint::ObjectKind::table, table.schema, table.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& object = catalog->object(id);
  if (object.kind() != lint::ObjectKind::table) return std::nullopt;
  const lint::ObjectRef& ref = object.ref_at(*tick);
  const lint::Statement* created = lint::statement_at(context.project, object.created);
  if (created == nullptr || !created->node.is("CreateStmt") ||
      lint::takes_keys_from_elsewhere(context.project, *catalog, ref, *tick)) {
    return std::nullopt;
  }
  KnownTable known{ref.name, {}, {}, *tick, !changed_unseen(context, statement, ref.name)};
  for (lint::ObjectId column : catalog->columns(ref, *tick)) {
    known.columns.push_back(catalog->object(column).ref_at(*tick).name);
    known.ids.push_back(column);
  }
  return known;
}

// One column an INSERT, UPDATE or MERGE action writes.
struct Target {
  std::string column;
  std::optional<std::uint32_t> location;  // where it is named (or its value, positionally)
  bool value = false;                     // some row gives it a value other than DEFAULT
};

// Which statement, or part of one, writes the rows.
enum class Form { statement, merge, on_conflict };

class Checker {
 public:
  Checker(const lint::FileContext& context, lint::Reporter& out, const lint::Statement& statement)
      : m_context(context), m_out(out), m_statement(statement) {}

  // Checks the INSERT (or a MERGE's INSERT action); false when it reported.
  bool insert(const Node& relation, const lint::NodeList& cols, const Node& source,
              std::string_view overriding, Form form, const Node& with = Node()) {
    if (!table(relation)) return true;
    std::string what = form == Form::merge ? "MERGE ... INSERT into " : "INSERT INTO ";
    what += lint::sql_identifier(m_name);
    // The rows: VALUES lists, or the select list of a plain SELECT.
    std::vector<lint::NodeList> rows;
    std::optional<std::size_t> width;
    std::optional<std::uint32_t> width_at;  // the first expression past the columns
    bool starred = false;
    std::vector<std::optional<std::uint32_t>> expanded;  // where each column of an expanded list is
    if (source.valid() && source.is("SelectStmt") && !source.list("valuesLists").empty()) {
      for (Node row : source.list("valuesLists")) {
        rows.push_back(row.list("items"));
        for (Node item : rows.back()) starred = starred || expands(item);
      }
      width = rows.front().size();
      for (const lint::NodeList& row : rows) {
        if (starred) break;
        if (row.size() == *width) continue;
        report(row.empty() ? std::nullopt : row[0].first_location(), what,
               "one VALUES row has " + count(*width, "expression") + ", another " +
                   std::to_string(row.size()),
               "VALUES lists must all be the same length", "give every row the same values");
        return false;
      }
    } else if (source.valid() && source.is("SelectStmt") && source.str("op") == "SETOP_NONE" &&
               source.list("valuesLists").empty()) {
      lint::NodeList list = source.list("targetList");
      for (Node target : list) starred = starred || expands(target.get("val"));
      // * and x.* of tables the replay knows whole stand for their columns, in order.
      if (starred) {
        std::vector<With> ctes = withs(with);
        for (const With& cte : withs(source.get("withClause"))) ctes.push_back(cte);
        auto columns = select_columns(source, ctes);
        if (columns && !columns->empty()) {
          expanded = std::move(*columns);
          starred = false;
        }
      }
      std::size_t n = starred || expanded.empty() ? list.size() : expanded.size();
      if (n != 0) width = n;
    } else if (form == Form::merge && source.valid()) {  // a MERGE action's VALUES: one row
      rows.push_back(source.list("values"));
      width = rows.front().size();
      for (Node item : rows.front()) starred = starred || expands(item);
    }
    // A row with x.* or (x).* has as many values as the row type has columns: not counted.
    if (starred) {
      width.reset();
      rows.clear();
    }
    auto at = [&](std::size_t i) -> std::optional<std::uint32_t> {
      if (!rows.empty()) return rows.front()[i].first_location();
      if (!expanded.empty()) return expanded[i];
      if (source.valid() && source.is("SelectStmt")) return source.list("targetList")[i].location();
      return std::nullopt;
    };
    bool complete = m_known && m_known->complete;
    std::size_t columns = cols.empty() ? (m_known ? m_known->columns.size() : 0) : cols.size();
    if (width && (!cols.empty() || complete) && *width > columns) {
      width_at = at(columns);
      report(width_at, what,
             "it gives " + count(*width, "expression") + " for " +
                 (cols.empty() ? "the table's " + count(columns, "column")
                               : count(columns, "target column")),
             "INSERT has more expressions than target columns",
             cols.empty() ? "name the columns, or leave out the extra values"
                          : "name a column for each value, or leave out the extra values");
      return false;
    }
    if (width && !cols.empty() && *width < columns) {
      report(cols[*width].location(), what,
             "it names " + count(columns, "column") + " and gives " + count(*width, "expression"),
             "INSERT has more target columns than expressions",
             "give a value (or DEFAULT) for each column, or leave out the extra columns");
      return false;
    }
    // The columns written, each with whether a row gives it a value.
    std::vector<Target> targets;
    if (!cols.empty()) {
      for (std::size_t i = 0; i < cols.size(); ++i) {
        Node col = cols[i];
        targets.push_back({lint::truncate_identifier(col.str("name")), col.location(),
                           !col.list("indirection").empty() ? false : gives_value(rows, i)});
      }
    } else if (complete && width) {
      for (std::size_t i = 0; i < *width; ++i) {
        targets.push_back({m_known->columns[i], at(i), gives_value(rows, i)});
      }
    }
    if (!cols.empty() && missing(targets, what)) return false;
    // The values each target takes, row by row: a VALUES list's, or a plain SELECT's list (one
    // with DISTINCT, GROUP BY or ORDER BY reads its string constants as text first).
    std::vector<std::pair<std::size_t, Node>> values;
    if (!starred && !rows.empty()) {
      for (const lint::NodeList& row : rows) {
        for (std::size_t i = 0; i < std::min(row.size(), targets.size()); ++i) {
          values.emplace_back(i, row[i]);
        }
      }
    } else if (!starred && expanded.empty() && source.valid() && source.is("SelectStmt") &&
               !source.has("distinctClause") && !source.has("groupClause") &&
               !source.has("sortClause")) {
      lint::NodeList list = source.list("targetList");
      for (std::size_t i = 0; i < std::min(list.size(), targets.size()); ++i) {
        values.emplace_back(i, list[i].get("val"));
      }
    }
    if (unknown_label(targets, values, what)) return false;
    for (const Target& target : targets) {
      if (!target.value || starred) continue;
      std::optional<ColumnGeneration> generation = column(target.column);
      if (!generation) continue;
      std::string column = in_quotes(target.column);
      if (generation->generated) {
        report(target.location, what,
               "column " + lint::sql_identifier(target.column) +
                   " is a generated column and the statement gives it a value",
               "cannot insert a non-DEFAULT value into column " + column,
               "leave the column out (or write DEFAULT): PostgreSQL computes it");
        return false;
      }
      if (generation->identity == 'a' && overriding != "OVERRIDING_SYSTEM_VALUE" &&
          overriding != "OVERRIDING_USER_VALUE") {
        report(target.location, what,
               "column " + lint::sql_identifier(target.column) +
                   " is GENERATED ALWAYS AS IDENTITY and the statement gives it a value",
               "cannot insert a non-DEFAULT value into column " + column,
               "write OVERRIDING SYSTEM VALUE after the column list to keep the given ids (then "
               "move the identity past them with setval()), or leave the column out");
        return false;
      }
    }
    return true;
  }

  // ON CONFLICT's target names the table's columns, in its list (a column, or an expression's
  // columns) and its WHERE: one the known table does not have (renamed or dropped before) makes
  // PostgreSQL refuse the INSERT. Only unqualified names are read. False when it reported.
  bool conflict_target(const Node& relation, const Node& infer) {
    if (!infer.valid() || infer.has("conname") || !table(relation)) return true;
    if (!m_known || !m_known->complete) return true;
    std::vector<Target> named;
    auto columns_in = [&](const Node& expression) {
      lint::walk(expression, [&](const Node& node) {
        if (!node.is("ColumnRef")) return true;
        lint::NodeList fields = node.list("fields");
        if (fields.size() == 1 && fields[0].is("String")) {
          named.push_back({lint::truncate_identifier(fields[0].as_str()), node.location()});
        }
        return false;
      });
    };
    for (Node element : infer.list("indexElems")) {
      if (element.has("name")) {
        named.push_back({lint::truncate_identifier(element.str("name")), element.location()});
      } else {
        columns_in(element.get("expr"));
      }
    }
    columns_in(infer.get("whereClause"));
    const auto& columns = m_known->columns;
    for (const Target& target : named) {
      if (std::find(columns.begin(), columns.end(), target.column) != columns.end()) continue;
      report(target.location, "INSERT INTO " + lint::sql_identifier(m_name) + " ... ON CONFLICT",
             "its conflict target names column " + lint::sql_identifier(target.column) +
                 ", which table " + lint::sql_identifier(m_name) +
                 " does not have at this point of the migrations",
             "column " + in_quotes(target.column) + " does not exist",
             "name the key's columns as the table has them now (a unique index follows a RENAME "
             "COLUMN of its columns: write the new name)");
      return false;
    }
    return true;
  }

  void update(const Node& relation, const lint::NodeList& list, Form form) {
    if (!table(relation)) return;
    std::string what = form == Form::statement ? "UPDATE "
                       : form == Form::merge   ? "MERGE ... UPDATE of "
                                               : "INSERT INTO ";
    what += lint::sql_identifier(m_name);
    if (form == Form::on_conflict) what += " ... ON CONFLICT DO UPDATE";
    std::vector<Target> targets;
    std::vector<std::pair<std::size_t, Node>> values;  // each target's value, when one is written
    for (Node target : list) {
      Node value = target.get("val");
      bool given = !value.is("SetToDefault");
      if (value.is("MultiAssignRef")) {
        Node source = value.get("source");
        auto colno = static_cast<std::size_t>(value.num("colno"));
        value = source.is("RowExpr") && colno >= 1 && colno <= source.list("args").size()
                    ? source.list("args")[colno - 1]
                    : Node();
        given = !value.valid() || !value.is("SetToDefault");
      }
      if (!target.list("indirection").empty()) given = false;
      if (value.valid()) values.emplace_back(targets.size(), value);
      targets.push_back({lint::truncate_identifier(target.str("name")), target.location(), given});
    }
    if (missing(targets, what) || unknown_label(targets, values, what)) return;
    for (const Target& target : targets) {
      if (!target.value) continue;
      std::optional<ColumnGeneration> generation = column(target.column);
      if (!generation || (!generation->generated && generation->identity != 'a')) continue;
      report(target.location, what,
             "column " + lint::sql_identifier(target.column) +
                 (generation->generated ? " is a generated column"
                                        : " is GENERATED ALWAYS AS IDENTITY"),
             "column " + in_quotes(target.column) + " can only be updated to DEFAULT",
             generation->generated ? "leave it out: PostgreSQL computes it from the other columns"
                                   : "leave it out; to change ids, ALTER COLUMN ... SET GENERATED "
                                     "BY DEFAULT first");
      return;
    }
  }

 private:
  // A WITH query of the statement: its name and query.
  struct With {
    std::string name;
    Node query;
  };

  static std::vector<With> withs(const Node& clause) {
    std::vector<With> found;
    if (!clause.valid()) return found;
    for (Node cte : clause.list("ctes")) {
      found.push_back({lint::truncate_identifier(cte.str("ctename")), cte.get("ctequery")});
    }
    return found;
  }

  // How many columns a FROM item has: a table the replay knows whole, or a WITH query whose
  // columns are known.
  std::optional<std::size_t> relation_columns(const Node& item, const std::vector<With>& ctes,
                                              int depth) const {
    if (item.str("relname").empty()) return std::nullopt;  // not a RangeVar
    lint::QualifiedName name = lint::QualifiedName::of(lint::relation_name(item));
    if (name.schema.empty()) {
      for (auto cte = ctes.rbegin(); cte != ctes.rend(); ++cte) {
        if (cte->name == name.name) return query_columns(cte->query, ctes, depth + 1);
      }
    }
    std::optional<KnownTable> known = known_table(m_context, m_statement, name);
    if (!known || !known->complete) return std::nullopt;
    return known->columns.size();
  }

  // How many columns a WITH query gives: a plain SELECT's list, or the RETURNING list of an
  // INSERT, UPDATE or DELETE that reads no other table.
  std::optional<std::size_t> query_columns(const Node& query, const std::vector<With>& ctes,
                                           int depth) const {
    if (depth > 8 || !query.valid()) return std::nullopt;
    if (query.is("SelectStmt")) {
      if (query.str("op") != "SETOP_NONE" || query.has("withClause")) return std::nullopt;
      if (!query.list("valuesLists").empty())
        return query.list("valuesLists")[0].list("items").size();
      auto columns = select_columns(query, ctes, depth);
      if (!columns) return std::nullopt;
      return columns->size();
    }
    if (!query.is("InsertStmt") && !query.is("UpdateStmt") && !query.is("DeleteStmt")) {
      return std::nullopt;
    }
    if (!query.list("fromClause").empty() || !query.list("usingClause").empty()) {
      return std::nullopt;
    }
    return list_columns(query.list("returningList"), {query.get("relation")}, ctes, depth);
  }

  // The columns of a plain SELECT's list, each where it is written (a * or x.* once for each of
  // its columns); nullopt when a * stands for a relation whose columns are not known.
  std::optional<std::vector<std::optional<std::uint32_t>>> select_columns(
      const Node& select, const std::vector<With>& ctes, int depth = 0) const {
    std::vector<Node> from;
    for (Node item : select.list("fromClause")) from.push_back(item);
    auto count = list_columns(select.list("targetList"), from, ctes, depth);
    if (!count) return std::nullopt;
    std::vector<std::optional<std::uint32_t>> columns;
    for (Node target : select.list("targetList")) {
      std::size_t n = 1;
      if (expands(target.get("val"))) n = *star_columns(target.get("val"), from, ctes, depth);
      columns.insert(columns.end(), n, target.get("val").location());
    }
    return columns;
  }

  std::optional<std::size_t> list_columns(const lint::NodeList& list, const std::vector<Node>& from,
                                          const std::vector<With>& ctes, int depth) const {
    std::size_t total = 0;
    for (Node target : list) {
      Node value = target.get("val");
      if (!expands(value)) {
        ++total;
        continue;
      }
      auto n = star_columns(value, from, ctes, depth);
      if (!n) return std::nullopt;
      total += *n;
    }
    return total;
  }

  // How many columns * (every FROM item) or x.* (the FROM item named x) stands for.
  std::optional<std::size_t> star_columns(const Node& star, const std::vector<Node>& from,
                                          const std::vector<With>& ctes, int depth) const {
    if (!star.is("ColumnRef")) return std::nullopt;
    lint::NodeList fields = star.list("fields");
    if (fields.size() > 2) return std::nullopt;
    std::string qualifier =
        fields.size() == 2 ? lint::truncate_identifier(fields[0].str("sval")) : std::string();
    std::size_t total = 0;
    bool found = false;
    for (const Node& item : from) {
      if (item.str("relname").empty()) return std::nullopt;  // a join, a subquery, a function
      if (!qualifier.empty()) {
        Node alias = item.get("alias");
        std::string name =
            lint::truncate_identifier(alias.valid() ? alias.str("aliasname") : item.str("relname"));
        if (name != qualifier) continue;
      }
      auto n = relation_columns(item, ctes, depth);
      if (!n) return std::nullopt;
      total += *n;
      found = true;
    }
    if (!found) return std::nullopt;
    return total;
  }

  // Reads the target table; false when the statement names none.
  bool table(const Node& relation) {
    if (!relation.valid()) return false;
    m_table = lint::QualifiedName::of(lint::relation_name(relation));
    m_known = known_table(m_context, m_statement, m_table);
    m_name = m_known ? m_known->name : lint::truncate_identifier(m_table.name);
    return true;
  }

  // Whether some row gives the i-th target a value other than DEFAULT (a SELECT always does).
  static bool gives_value(const std::vector<lint::NodeList>& rows, std::size_t i) {
    if (rows.empty()) return true;
    return std::any_of(rows.begin(), rows.end(), [&](const lint::NodeList& row) {
      return i < row.size() && !row[i].is("SetToDefault");
    });
  }

  std::optional<ColumnGeneration> column(const std::string& name) const {
    if (!m_known || !m_known->complete) return std::nullopt;
    return column_generation(m_context, m_statement, m_table, name);
  }

  // Reports the first target the known table does not have.
  bool missing(const std::vector<Target>& targets, const std::string& what) {
    if (!m_known || !m_known->complete) return false;
    for (const Target& target : targets) {
      const auto& columns = m_known->columns;
      if (std::find(columns.begin(), columns.end(), target.column) != columns.end()) continue;
      report(target.location, what,
             "table " + lint::sql_identifier(m_name) + " has no column " +
                 lint::sql_identifier(target.column) + " at this point of the migrations",
             "column " + in_quotes(target.column) + " of relation " + in_quotes(m_name) +
                 " does not exist",
             "name a column the table has (one renamed or dropped before goes by its new name "
             "or not at all), or add the column first");
      return true;
    }
    return false;
  }

  // The first value written into a column (`values`: the index of its target, and the value, in
  // the order PostgreSQL reads them) that is a string constant its enum has no label for
  // (enum_literals.h): PostgreSQL reads it when it parses the statement. Whether reported.
  bool unknown_label(const std::vector<Target>& targets,
                     const std::vector<std::pair<std::size_t, Node>>& values,
                     const std::string& what) {
    if (!m_known || !m_known->complete) return false;
    const lint::Catalog& catalog = *m_context.project.catalog();
    const auto& columns = m_known->columns;
    for (const auto& [i, value] : values) {
      if (!targets[i].value) continue;
      auto column = std::find(columns.begin(), columns.end(), targets[i].column);
      if (column == columns.end()) continue;
      lint::ObjectId id = m_known->ids[static_cast<std::size_t>(column - columns.begin())];
      auto refusal = unknown_enum_label(m_context.project, catalog, id, m_known->tick, value);
      if (!refusal) continue;
      report(value.location(), what, refusal->why, refusal->message, refusal->help);
      return true;
    }
    return false;
  }

  // The token at a location: a name, a number, a keyword, or a string constant whole.
  lint::TextRange range_at(std::optional<std::uint32_t> location) const {
    std::string_view text = m_context.file.text();
    if (location && m_statement.exact) {
      std::uint32_t begin = m_statement.offset(location);
      if (begin < text.size() && text[begin] == '*') return lint::TextRange{begin, begin + 1};
    }
    if (auto constant = string_constant_range(text, m_statement, location)) return *constant;
    return lint::token_at(m_context.file, m_statement, location);
  }

  void report(std::optional<std::uint32_t> location, const std::string& what,
              const std::string& why, const std::string& message, const std::string& help) {
    m_out.report(
        range_at(location),
        what + " fails on every run: " + why + ", and PostgreSQL refuses it (\"" + message + "\")",
        help);
  }

  const lint::FileContext& m_context;
  lint::Reporter& m_out;
  const lint::Statement& m_statement;
  lint::QualifiedName m_table;
  std::optional<KnownTable> m_known;
  std::string m_name;
};

// The publications the migrations make, found once per set.
struct Publications {
  std::vector<lint::ObjectId> ids;
};

// UPDATE, DELETE (and MERGE's, INSERT ... ON CONFLICT DO UPDATE's) of a table a publication
// publishes them of, when PostgreSQL refuses them before reading a row: a row filter reads a
// column outside the replica identity, a column list leaves out a column of it (every column for
// REPLICA IDENTITY FULL), or the table has no replica identity (NOTHING, or DEFAULT without a
// primary key). Checked in PostgreSQL's order, publication by publication.
bool check_replica_identity(const lint::FileContext& context, const lint::Statement& statement,
                            const Node& relation, bool update, const std::string& what,
                            lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !tick || !relation.valid()) return false;
  lint::RelationName written = lint::relation_name(relation);
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               written.schema, written.name);
  if (table == lint::k_no_object) return false;
  const lint::CatalogObject& object = catalog->object(table);
  const lint::ObjectRef& ref = object.ref_at(*tick);
  // A partition or a child takes its parent's publications; a partitioned table's rows are its
  // partitions'.
  if (object.kind() != lint::ObjectKind::table || object.partitioned ||
      lint::takes_keys_from_elsewhere(context.project, *catalog, ref, *tick) ||
      changed_unseen(context, statement, ref.name)) {
    return false;
  }
  const auto& publications = context.project.shared<Publications>([&] {
    Publications found;
    for (lint::ObjectId id = 0; id < catalog->size(); ++id) {
      if (catalog->object(id).kind() == lint::ObjectKind::publication) found.ids.push_back(id);
    }
    return found;
  });
  auto identity = replica_identity(context.project, *catalog, table, *tick);
  if (!identity) return false;
  auto covered = [&](const std::string& column) {
    return identity->full || std::find(identity->columns.begin(), identity->columns.end(),
                                       column) != identity->columns.end();
  };
  std::string action = update ? "update" : "delete";
  std::string verb = update ? "cannot update table " : "cannot delete from table ";
  struct Found {
    std::string why;
    std::string detail;
    std::string help;
  };
  std::optional<Found> filter;
  std::optional<Found> list;
  std::optional<std::string> publishes;  // a publication that publishes the action at all
  for (lint::ObjectId id : publications.ids) {
    if (!catalog->object(id).alive_at(*tick)) continue;
    auto state = pairing::publication_at(context.project, *catalog, id, *tick);
    if (!state || !state->publish || state->publish->count(action) == 0) continue;
    std::string name = "publication " + catalog->object(id).ref_at(*tick).name + " (made by " +
                       context.project.source(catalog->object(id).created.file).display + ")";
    const pairing::PublishedMember* member = nullptr;
    bool published = state->all_tables;
    for (const pairing::PublishedMember& candidate : state->members) {
      if (!candidate.member) continue;
      if (candidate.table == table) member = &candidate;
      if (candidate.schema && candidate.key == "schema " + ref.schema) published = true;
    }
    if (member == nullptr && !published) continue;
    if (!publishes) publishes = name;
    if (member == nullptr || !member->details) continue;
    if (!filter && member->where.valid()) {
      lint::walk(member->where, [&](const Node& node) {
        if (filter || !node.is("ColumnRef")) return !filter;
        lint::NodeList fields = node.list("fields");
        if (fields.empty() || !fields[fields.size() - 1].is("String")) return true;
        std::string column = lint::truncate_identifier(fields[fields.size() - 1].as_str());
        if (covered(column)) return true;
        filter = Found{name + " publishes the " + action + "s of " + ref.name +
                           " with a row filter on column " + column +
                           ", which is not part of the table's replica identity, " + identity->text,
                       "Column used in the publication WHERE expression is not part of the "
                       "replica identity.",
                       "filter on the replica identity's columns only, make the replica identity "
                       "cover the column (ALTER TABLE " +
                           lint::sql_identifier(ref.name) +
                           " REPLICA IDENTITY FULL) before this statement, or publish no " +
                           action + "s (WITH (publish = 'insert'))"};
        return false;
      });
    }
    if (!list && !member->columns.empty()) {
      std::vector<std::string> needed = identity->columns;
      if (identity->full) {
        needed.clear();
        for (lint::ObjectId column : catalog->columns(ref, *tick)) {
          needed.push_back(catalog->object(column).ref_at(*tick).name);
        }
      }
      for (const std::string& column : needed) {
        if (std::find(member->columns.begin(), member->columns.end(), column) !=
            member->columns.end()) {
          continue;
        }
        list = Found{name + " publishes the " + action + "s of " + ref.name +
                         " with a column list without column " + column +
                         " of the table's replica identity, " + identity->text,
                     "Column list used by the publication does not cover the replica identity.",
                     "add the replica identity's columns to the column list (ALTER PUBLICATION "
                     "... SET TABLE " +
                         lint::sql_identifier(ref.name) +
                         " (...)), give the table a replica identity the list covers, or publish "
                         "no " +
                         action + "s (WITH (publish = 'insert'))"};
        break;
      }
    }
  }
  std::string table_name = in_quotes(ref.name);
  std::optional<Found> refused = filter ? filter : list;
  if (refused) {
    out.report(statement.range,
               what + " fails on every run, whatever the rows: " + refused->why +
                   ", and PostgreSQL refuses it (\"" + verb + table_name + "\" - DETAIL: \"" +
                   refused->detail + "\")",
               refused->help);
    return true;
  }
  if (!publishes || identity->full || !identity->columns.empty()) return false;
  out.report(statement.range,
             what + " fails on every run, whatever the rows: " + *publishes + " publishes the " +
                 action + "s of " + ref.name + ", which has no replica identity (" +
                 identity->text + "), and PostgreSQL refuses it (\"" + verb + table_name +
                 " because it does not have a replica identity and publishes " + action + "s\")",
             "give " + ref.name +
                 " a primary key, or a replica identity (ALTER TABLE ... REPLICA IDENTITY FULL, "
                 "or USING INDEX of a unique index on NOT NULL columns) before this statement");
  return true;
}

// The UPDATE and DELETE a statement runs (a MERGE's actions, INSERT ... ON CONFLICT DO UPDATE):
// PostgreSQL checks the table's publications for each when the statement starts.
void check_replicated(const lint::FileContext& context, const lint::Statement& statement,
                      lint::Reporter& out) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  std::string table = lint::sql_identifier(lint::relation_name(relation).name);
  std::string_view kind = statement.kind();
  if (kind == "UpdateStmt") {
    check_replica_identity(context, statement, relation, true, "UPDATE " + table, out);
  } else if (kind == "DeleteStmt") {
    check_replica_identity(context, statement, relation, false, "DELETE FROM " + table, out);
  } else if (kind == "InsertStmt") {
    if (node.get("onConflictClause").str("action") != "ONCONFLICT_UPDATE") return;
    check_replica_identity(context, statement, relation, true,
                           "INSERT INTO " + table + " ... ON CONFLICT DO UPDATE", out);
  } else if (kind == "MergeStmt") {
    bool updates = false;
    bool deletes = false;
    for (Node when : node.list("mergeWhenClauses")) {
      updates = updates || when.str("commandType") == "CMD_UPDATE";
      deletes = deletes || when.str("commandType") == "CMD_DELETE";
    }
    if (updates && check_replica_identity(context, statement, relation, true,
                                          "MERGE INTO " + table + " ... UPDATE", out)) {
      return;
    }
    if (deletes) {
      check_replica_identity(context, statement, relation, false,
                             "MERGE INTO " + table + " ... DELETE", out);
    }
  }
}

// SET CONSTRAINTS c DEFERRED of a constraint that is not DEFERRABLE: PostgreSQL refuses it for
// every constraint of that name in the schemas it looks in (the search path, or the one given),
// whatever the rows. A constraint counts as NOT DEFERRABLE when it is a CHECK, or the statement
// that made it does not say DEFERRABLE of it, and nothing changed it since (ALTER CONSTRAINT).
void check_set_constraints(const lint::FileContext& context, const lint::Statement& statement,
                           lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !tick || !statement.node.flag("deferred")) return;
  for (Node named : statement.node.list("constraints")) {
    lint::RelationName written = lint::relation_name(named);
    std::string name = lint::truncate_identifier(written.name);
    for (lint::ObjectId id = 0; id < catalog->size(); ++id) {
      const lint::CatalogObject& constraint = catalog->object(id);
      if (constraint.kind() != lint::ObjectKind::constraint || !constraint.alive_at(*tick) ||
          constraint.ref_at(*tick).name != name || constraint.parent == lint::k_no_object) {
        continue;
      }
      const lint::CatalogObject& table = catalog->object(constraint.parent);
      const lint::ObjectRef& table_ref = table.ref_at(*tick);
      // In the schema given, else in one of the search path: its table is found unqualified.
      if (!written.schema.empty()
              ? table_ref.schema != written.schema
              : lint::find_as_written(context, statement, lint::ObjectKind::table, "",
                                      table_ref.name) != constraint.parent) {
        continue;
      }
      const lint::Statement* made = lint::statement_at(context.project, constraint.created);
      // A constraint trigger (CREATE CONSTRAINT TRIGGER) is a constraint of that name too.
      bool trigger = constraint.contype == 't';
      if (made == nullptr ||
          !(trigger ? made->node.is("CreateTrigStmt")
                    : made->node.is("CreateStmt") || made->node.is("AlterTableStmt"))) {
        continue;
      }
      // A CHECK constraint is never DEFERRABLE; the others as their statement says (INITIALLY
      // DEFERRED makes a constraint trigger DEFERRABLE).
      if (trigger) {
        if (made->node.flag("deferrable") || made->node.flag("initdeferred")) continue;
      } else if (constraint.contype != 'c' && lint::has_unusual_key(made->node)) {
        auto flags = lint::key_flags(made->node, constraint, constraint.names.front().ref.name);
        if (!flags || flags->deferrable) continue;
      }
      bool altered = false;
      for (const lint::Origin& change : constraint.changed) {
        altered = altered || change.tick < *tick;
      }
      if (altered) continue;
      out.report(statement.range,
                 "SET CONSTRAINTS " + name + " DEFERRED fails on every run: constraint " +
                     (trigger ? "trigger " + name + " on table " : name + " of table ") +
                     table_ref.name + " (made by " +
                     context.project.source(constraint.created.file).display +
                     ") is NOT DEFERRABLE, and PostgreSQL refuses it (\"constraint " +
                     in_quotes(name) + " is not deferrable\")",
                 trigger ? "make the constraint trigger DEFERRABLE first (drop it and create it "
                           "again with DEFERRABLE INITIALLY IMMEDIATE: ALTER TRIGGER cannot change "
                           "it), or do without deferring it: SET CONSTRAINTS ALL DEFERRED leaves "
                           "it checked at each statement"
                         : "make the constraint DEFERRABLE first (a foreign key: ALTER TABLE " +
                               table_ref.name + " ALTER CONSTRAINT " + name +
                               " DEFERRABLE; another: drop it and add it again DEFERRABLE), or "
                               "do without deferring it: SET CONSTRAINTS ALL DEFERRED leaves it "
                               "checked at each statement");
      break;
    }
  }
}

// The partitions of a partitioned table just before the tick, at every level, as the replay knows
// them (PARTITION OF, ATTACH and DETACH PARTITION).
std::vector<lint::ObjectId> partitions_of(const lint::Project& project,
                                          const lint::Catalog& catalog, lint::ObjectId table,
                                          lint::Tick tick) {
  std::vector<lint::ObjectId> found;
  std::vector<lint::ObjectId> todo{table};
  while (!todo.empty() && found.size() < 10000) {
    lint::ObjectId parent = todo.back();
    todo.pop_back();
    if (!catalog.object(parent).partitioned) continue;
    for (const lint::DependencyEdge& edge : catalog.object(parent).dependents) {
      if (!edge.automatic || std::find(found.begin(), found.end(), edge.object) != found.end()) {
        continue;
      }
      const lint::CatalogObject& child = catalog.object(edge.object);
      if (child.kind() != lint::ObjectKind::table || !child.alive_at(tick)) continue;
      auto of = partition_parent(project, catalog, edge.object, tick);
      if (!of || *of != parent) continue;
      found.push_back(edge.object);
      todo.push_back(edge.object);
    }
  }
  return found;
}

// The table and the partitioned tables it is a partition of, at every level: a foreign key to
// any of them references the table (PostgreSQL gives the key to each partition).
std::vector<lint::ObjectId> referenced_as(const lint::Project& project,
                                          const lint::Catalog& catalog, lint::ObjectId table,
                                          lint::Tick tick) {
  std::vector<lint::ObjectId> chain{table};
  while (chain.size() < 32) {
    auto parent = partition_parent(project, catalog, chain.back(), tick);
    if (!parent || *parent == lint::k_no_object) break;
    chain.push_back(*parent);
  }
  return chain;
}

// Reports a TRUNCATE that fails for a foreign key: `emptied` is the table PostgreSQL empties
// (the one `relation` names, or a partition of it), `referenced` the one the key is on (it, or a
// partitioned table it is a partition of).
void report_truncate(const lint::FileContext& context, const lint::Statement& statement,
                     const Node& relation, const lint::CatalogObject& referencing,
                     const lint::CatalogObject& key, const std::string& emptied,
                     const std::string& referenced, bool again, lint::Tick at,
                     lint::Reporter& out) {
  const lint::ObjectRef& ref = referencing.ref_at(at);
  std::string written = lint::truncate_identifier(lint::relation_name(relation).name);
  std::string shown = lint::sql_identifier(ref.name);
  std::string key_name = key.ref_at(at).name;
  std::string whose;
  if (emptied != written) {
    whose = "it empties its partition " + lint::sql_identifier(emptied) + " too, and ";
  }
  whose += "table " + shown;
  std::string it = emptied == written ? "it" : lint::sql_identifier(emptied);
  std::string references = " references " + it;
  if (referenced != emptied) {
    references =
        " references " + lint::sql_identifier(referenced) + ", which " + it + " is a partition of,";
  }
  if (!again) {
    whose += " (made by " + context.project.source(referencing.created.file).display + ")" +
             references + " with foreign key " + key_name;
  } else if (referencing.created.file == context.index) {
    whose += ", made later in this file," + references + " with foreign key " + key_name;
  } else {
    whose += references + " with foreign key " + key_name + ", added later in this file";
  }
  if (referenced != emptied) whose += " (PostgreSQL gives it each partition)";
  std::string message = "TRUNCATE " + lint::sql_identifier(written);
  message +=
      again ? " passes the first run but fails on every run after it" : " fails on every run";
  message += ": " + whose +
             ", and PostgreSQL truncates a referenced table only with the tables that "
             "reference it (\"cannot truncate a table referenced in a foreign key "
             "constraint\", \"Table " +
             in_quotes(ref.name) + " references " + in_quotes(emptied) + ".\")";
  std::string help = "add " + shown;
  help += again ? " to the TRUNCATE list, once it and its foreign key are made (PostgreSQL "
                  "empties them together), or DELETE FROM " +
                      lint::sql_identifier(written) + " (ON DELETE actions run then)"
                : " to the TRUNCATE list (PostgreSQL empties them together), or DELETE FROM " +
                      lint::sql_identifier(written) +
                      " (ON DELETE actions run then); TRUNCATE ... CASCADE empties every "
                      "referencing table";
  out.report(lint::token_at(context.file, statement, relation.location()), message, help);
}

// TRUNCATE without CASCADE of a table that a foreign key of a table it does not truncate
// references: PostgreSQL refuses it before it empties anything, whatever the rows (an empty
// table, ON DELETE CASCADE do not help). TRUNCATE of a partitioned table empties its partitions
// too, and a foreign key to a partitioned table references each of its partitions: a TRUNCATE of
// a partition fails when a table references its partitioned parent, one of the parent when a
// table references one of its partitions. A table's references to itself do not count. Left
// alone: a list with a table the replay does not know, and referencing tables that are a
// partition or child (TRUNCATE of their parent takes them too).
//
// A foreign key the same file makes after the TRUNCATE (CREATE TABLE IF NOT EXISTS of a table
// that references it) is there when the file runs again: the first run passes, every later one
// fails. Unless a statement of the file before the TRUNCATE drops that table or key again.
void check_truncate(const lint::FileContext& context, const lint::Statement& statement,
                    lint::Reporter& out) {
  const Node& node = statement.node;
  if (node.str("behavior") == "DROP_CASCADE") return;
  auto tick = lint::tick_before(context, statement);
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  if (!tick || catalog == nullptr || !ordinal) return;
  const lint::FileReplay& replay = catalog->replay(context.index);
  struct Truncated {
    lint::ObjectId id;
    Node relation;
  };
  std::vector<Truncated> named;
  for (Node relation : node.list("relations")) {
    lint::RelationName name = lint::relation_name(relation);
    lint::ObjectId id =
        lint::find_as_written(context, statement, lint::ObjectKind::table, name.schema, name.name);
    if (id == lint::k_no_object || catalog->object(id).kind() != lint::ObjectKind::table) return;
    named.push_back(Truncated{id, relation});
  }
  // Whether a statement of the file before the TRUNCATE drops the object (by its name).
  auto dropped_before = [&](const lint::ObjectRef& ref) {
    return std::any_of(replay.steps.begin(), replay.steps.end(), [&](const lint::CatalogStep& s) {
      return s.statement < *ordinal && s.effect.action == lint::Action::drop &&
             s.effect.object.kind == ref.kind && s.effect.object.name == ref.name &&
             s.effect.object.parent == ref.parent;
    });
  };
  // The first run, then a run again (the state the file leaves).
  for (bool again : {false, true}) {
    lint::Tick at = again ? replay.end : *tick;
    // Each table the TRUNCATE empties: those it names, and their partitions.
    std::vector<Truncated> truncated = named;
    for (const Truncated& entry : named) {
      for (lint::ObjectId partition : partitions_of(context.project, *catalog, entry.id, at)) {
        truncated.push_back(Truncated{partition, entry.relation});
      }
    }
    auto in_list = [&](lint::ObjectId id) {
      return std::any_of(truncated.begin(), truncated.end(),
                         [&](const Truncated& entry) { return entry.id == id; });
    };
    struct Found {
      const Truncated* entry;
      const lint::CatalogObject* referencing;
      const lint::CatalogObject* key;
      lint::ObjectId emptied;
      lint::ObjectId referenced;
    };
    Found found{};
    const Found* first = nullptr;
    for (const Truncated& entry : truncated) {
      const lint::CatalogObject& table = catalog->object(entry.id);
      if (!table.alive_at(at)) continue;
      for (lint::ObjectId referenced : referenced_as(context.project, *catalog, entry.id, at)) {
        for (const lint::DependencyEdge& edge : catalog->object(referenced).dependents) {
          if (edge.automatic || !edge.alive_at(at)) continue;
          const lint::CatalogObject& key = catalog->object(edge.object);
          if (key.kind() != lint::ObjectKind::constraint || key.contype != 'f' ||
              !key.alive_at(at) || key.parent == lint::k_no_object || in_list(key.parent)) {
            continue;
          }
          const lint::CatalogObject& referencing = catalog->object(key.parent);
          if (!referencing.alive_at(at)) continue;
          const lint::ObjectRef& ref = referencing.ref_at(at);
          std::string name = table.ref_at(at).name;
          if (again &&
              (key.alive_at(*tick) || key.created.file != context.index || dropped_before(ref) ||
               dropped_before(key.ref_at(at)) || name != table.ref_at(*tick).name)) {
            continue;
          }
          if (lint::takes_keys_from_elsewhere(context.project, *catalog, ref, at) ||
              changed_unseen(context, statement, ref.name) ||
              changed_unseen(context, statement, name)) {
            continue;
          }
          // PostgreSQL names the referencing table made first (of the lowest OID).
          if (first == nullptr || referencing.created.tick < first->referencing->created.tick) {
            found = Found{&entry, &referencing, &key, entry.id, referenced};
            first = &found;
          }
        }
      }
    }
    if (first != nullptr) {
      report_truncate(context, statement, first->entry->relation, *first->referencing, *first->key,
                      catalog->object(first->emptied).ref_at(at).name,
                      catalog->object(first->referenced).ref_at(at).name, again, at, out);
      return;
    }
  }
}

// TRUNCATE ONLY of a partitioned table: PostgreSQL refuses it as it opens the tables, before
// any foreign key is looked at. Whether reported.
bool check_truncate_only(const lint::FileContext& context, const lint::Statement& statement,
                         lint::Reporter& out) {
  for (Node relation : statement.node.list("relations")) {
    if (relation.flag("inh")) continue;
    lint::RelationName name = lint::relation_name(relation);
    lint::ObjectId id =
        lint::find_as_written(context, statement, lint::ObjectKind::table, name.schema, name.name);
    if (id == lint::k_no_object || !context.project.catalog()->object(id).partitioned) continue;
    std::string table = lint::sql_name(name.schema, name.name);
    out.report(
        lint::token_at(context.file, statement, relation.location()),
        "TRUNCATE ONLY " + table + " fails on every run: table " + table + " (made by " +
            context.project.source(context.project.catalog()->object(id).created.file).display +
            ") is partitioned, and a partitioned table holds no rows of its own, so "
            "PostgreSQL refuses it (\"cannot truncate only a partitioned table\")",
        "leave ONLY out (TRUNCATE " + table +
            " empties every partition), or TRUNCATE ONLY the partitions themselves");
    return true;
  }
  return false;
}

// What PostgreSQL's rewriter refuses in a statement that writes a table with rules (CREATE RULE),
// whatever the rows.
struct RuleRefusal {
  std::string why;      // which rule of the table, and what it does
  std::string message;  // PostgreSQL's, with its DETAIL or HINT
  std::string help;
  lint::ObjectId rule = lint::k_no_object;  // the rule to blame
};

// An INSERT, UPDATE, DELETE or MERGE that a statement runs (the statement itself, or one of its
// data-modifying WITH queries, `in_with`), when the rules of its table make PostgreSQL refuse it:
// MERGE into a table with rules; RETURNING when a DO INSTEAD rule runs in its place without one;
// INSERT ... ON CONFLICT into a table with an ON UPDATE rule or an ON INSERT rule with actions; and
// in WITH, rules that do not leave exactly one INSERT, UPDATE, DELETE or SELECT in its place.
// Checked in PostgreSQL's order. Rules turned off (DISABLE RULE) do not fire, but still count for
// MERGE and, ON UPDATE ones, for ON CONFLICT.
std::optional<RuleRefusal> refused_by_rules(const lint::FileContext& context,
                                            const lint::Statement& statement, const Node& node,
                                            bool in_with) {
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  Node relation = node.get("relation");
  if (catalog == nullptr || !ordinal || !relation.valid()) return std::nullopt;
  lint::RelationName written = lint::relation_name(relation);
  lint::ObjectId table = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                               written.schema, written.name);
  std::vector<lint::Catalog::TableRule> rules =
      lint::rules_before(context.project, *catalog, context.index, *ordinal, table);
  if (rules.empty()) return std::nullopt;
  lint::Tick at = catalog->before_statement(context.index, *ordinal);
  const std::string& name = catalog->object(table).ref_at(at).name;
  auto rule_words = [&](const lint::Catalog::TableRule& rule) {
    return pairing::describe_rule(*catalog, rule.id, at);
  };
  std::string_view kind = node.kind();
  if (kind == "MergeStmt") {
    return RuleRefusal{
        "the table has " + rule_words(rules.front()),
        "cannot execute MERGE on relation " + in_quotes(name) +
            "\" - DETAIL: \"MERGE is not supported for relations with rules.",
        "write it as an UPDATE ... FROM and an INSERT ... SELECT ... WHERE NOT EXISTS (...), or "
        "drop the rules of " +
            name + " (a trigger can do their work)",
        rules.front().id};
  }
  lint::Change event = kind == "InsertStmt"   ? lint::Change::insert
                       : kind == "UpdateStmt" ? lint::Change::update
                                              : lint::Change::delete_rows;
  std::vector<const lint::Catalog::TableRule*> fired;
  for (const lint::Catalog::TableRule& rule : rules) {
    if (rule.fires && rule.definition->facts->event == event) fired.push_back(&rule);
  }
  std::string command(lint::command_sql(event));
  // RETURNING needs the one unconditional DO INSTEAD rule with RETURNING when any DO INSTEAD rule
  // runs in the statement's place.
  const lint::Catalog::TableRule* instead = nullptr;
  bool returning = false;
  for (const lint::Catalog::TableRule* rule : fired) {
    const lint::RuleFacts& facts = *rule->definition->facts;
    if (facts.instead && instead == nullptr) instead = rule;
    returning = returning || facts.returning();
  }
  if (instead != nullptr && !returning && !node.list("returningList").empty()) {
    return RuleRefusal{
        rule_words(*instead) + " runs in its place and has no RETURNING",
        "cannot perform " + command + " RETURNING on relation " + in_quotes(name) +
            "\" - HINT: \"You need an unconditional ON " + command +
            " DO INSTEAD rule with a RETURNING clause.",
        "leave RETURNING out (read the rows with a SELECT first), or give the rule's action a "
        "RETURNING clause (CREATE OR REPLACE RULE ... DO INSTEAD ... RETURNING ...; only an "
        "unconditional DO INSTEAD rule may have one)",
        instead->id};
  }
  if (const lint::Catalog::TableRule* rule = lint::on_conflict_refused_by(rules);
      rule != nullptr && node.has("onConflictClause")) {
    return RuleRefusal{
        "the table has " + rule_words(*rule),
        "INSERT with ON CONFLICT clause cannot be used with table that has INSERT or UPDATE "
        "rules",
        "take the rows from a SELECT ... WHERE NOT EXISTS (SELECT 1 FROM " +
            lint::sql_identifier(name) +
            " WHERE <key matches>) in place of ON CONFLICT, or drop the rule (a trigger can do "
            "its work)",
        rule->id};
  }
  if (!in_with || fired.empty()) return std::nullopt;
  // In WITH, PostgreSQL needs exactly one statement in the query's place: the query itself (no
  // unconditional DO INSTEAD rule) and every action of the rules, in the order of their names.
  // An action on a table with rules of its own is rewritten again: not judged.
  std::size_t queries = 1;
  std::vector<const lint::Catalog::TableRule*> by_name = fired;
  std::sort(by_name.begin(), by_name.end(), [&](const auto* a, const auto* b) {
    return catalog->object(a->id).ref_at(at).name < catalog->object(b->id).ref_at(at).name;
  });
  const lint::RuleAction* only = nullptr;
  const lint::Catalog::TableRule* only_of = nullptr;
  const lint::Catalog::TableRule* unconditional = nullptr;
  const lint::Catalog::TableRule* blamed = nullptr;
  std::string refused;
  for (const lint::Catalog::TableRule* rule : by_name) {
    const lint::RuleFacts& facts = *rule->definition->facts;
    if (facts.instead && !facts.conditional) {
      queries = 0;
      if (unconditional == nullptr) unconditional = rule;
    }
    for (std::size_t k = 0; k < facts.actions.size(); ++k) {
      lint::Change written_by = facts.actions[k].command;
      if (written_by == lint::Change::insert || written_by == lint::Change::update ||
          written_by == lint::Change::delete_rows) {
        lint::ObjectId target = rule->definition->writes[k];
        if (target == lint::k_no_object || !catalog->rules(target, at).empty()) {
          return std::nullopt;
        }
      }
      only = &facts.actions[k];
      only_of = rule;
    }
    if (!facts.actions.empty() && blamed == nullptr && (facts.conditional || !facts.instead)) {
      blamed = rule;
      refused = facts.instead ? "conditional DO INSTEAD" : "DO ALSO";
    }
  }
  for (const lint::Catalog::TableRule* rule : fired) {
    queries += rule->definition->facts->actions.size();
  }
  if (queries == 1 && (only == nullptr || only->command != lint::Change::other)) {
    return std::nullopt;
  }
  std::string what;
  if (queries == 0) {
    refused = "DO INSTEAD NOTHING";
    blamed = unconditional;
    what = rule_words(*blamed) + " leaves nothing in its place";
  } else if (queries == 1) {
    refused = "DO INSTEAD NOTIFY";
    blamed = only_of;
    what = rule_words(*blamed) + " leaves only a NOTIFY in its place";
  } else {
    if (blamed == nullptr) {
      refused = "multi-statement DO INSTEAD";
      blamed = unconditional;
    }
    if (blamed == nullptr) return std::nullopt;
    what = rule_words(*blamed) + " makes it " + std::to_string(queries) + " statements";
  }
  return RuleRefusal{what,
                     refused + " rules are not supported for data-modifying statements in WITH",
                     "run the " + command +
                         " as a statement of its own, or make the rules leave exactly one "
                         "statement in its place (one unconditional DO INSTEAD rule with one "
                         "action)",
                     blamed->id};
}

// The statement and its data-modifying WITH queries, against the rules of the tables they
// write.
void check_rules(const lint::FileContext& context, const lint::Statement& statement,
                 lint::Reporter& out) {
  auto judge = [&](const Node& node, bool in_with) {
    std::string_view kind = node.kind();
    if (kind != "InsertStmt" && kind != "UpdateStmt" && kind != "DeleteStmt" &&
        kind != "MergeStmt") {
      return false;
    }
    auto refusal = refused_by_rules(context, statement, node, in_with);
    if (!refusal) return false;
    Node relation = node.get("relation");
    std::string table = lint::sql_identifier(lint::relation_name(relation).name);
    std::string what = kind == "InsertStmt"   ? "INSERT INTO " + table
                       : kind == "UpdateStmt" ? "UPDATE " + table
                       : kind == "DeleteStmt" ? "DELETE FROM " + table
                                              : "MERGE INTO " + table;
    if (node.has("onConflictClause")) what += " ... ON CONFLICT";
    if (!node.list("returningList").empty()) what += " ... RETURNING";
    if (in_with) what += " in WITH";
    auto builder = out.report(
        in_with ? lint::token_at(context.file, statement, relation.location()) : statement.range,
        what + " fails on every run, whatever the rows: " + refusal->why +
            ", and PostgreSQL refuses it (\"" + refusal->message + "\")",
        refusal->help);
    const lint::CatalogObject& rule = context.project.catalog()->object(refusal->rule);
    if (const lint::Statement* made = lint::statement_at(context.project, rule.created)) {
      builder.related(*context.project.parsed(rule.created.file), made->range,
                      "the rule is created here");
    }
    return true;
  };
  const Node& node = statement.node;
  // MERGE is refused as it is read; the rewriter then takes the WITH queries first.
  if (node.is("MergeStmt") && judge(node, false)) return;
  for (Node cte : node.get("withClause").list("ctes")) {
    if (judge(cte.get("ctequery"), true)) return;
  }
  if (!node.is("MergeStmt")) judge(node, false);
}

// A string constant PostgreSQL reads as json or jsonb when it parses the statement, that is not
// valid there ('dark'::jsonb, jsonb_set(v, '{theme}', 'dark')): the statement fails whatever
// the rows (json_constants.h).
void check_json_constants(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  auto malformed = malformed_json_constant(statement.node);
  if (!malformed) return;
  std::string keyword = statement.kind() == "InsertStmt"   ? "INSERT"
                        : statement.kind() == "UpdateStmt" ? "UPDATE"
                        : statement.kind() == "DeleteStmt" ? "DELETE"
                        : statement.kind() == "MergeStmt"  ? "MERGE"
                                                           : "SELECT";
  out.report(lint::token_at(context.file, statement, malformed->location),
             keyword + " fails on every run, whatever the rows: PostgreSQL reads " +
                 malformed->what + " when it parses the statement, and refuses it (\"" +
                 malformed->message + "\")",
             malformed->help);
}

// The name a FROM item gives its rows (its alias, else a table's name); empty for the rest.
std::string refname(const Node& item) {
  if (!item.is("RangeVar") && !item.is("RangeSubselect") && !item.is("RangeFunction") &&
      !item.is("RangeTableFunc") && !item.is("JoinExpr")) {
    return {};
  }
  if (item.has("alias")) return lint::truncate_identifier(item.get("alias").str("aliasname"));
  if (item.is("RangeVar")) return lint::truncate_identifier(item.str("relname"));
  return {};
}

// A reference `name.column` (or `name.*`) among the trees: its location, the first one met; and
// whether a FROM item among them takes that name (a subquery's own FROM, say), so that the
// reference may mean that one.
struct Reference {
  bool bound = false;
  std::optional<std::uint32_t> location;
};

void find_reference(const Node& tree, const std::string& name, Reference& found) {
  lint::walk(tree, [&](const Node& child) {
    if (refname(child) == name) found.bound = true;
    if (!found.location && child.is("ColumnRef")) {
      lint::NodeList fields = child.list("fields");
      if (fields.size() == 2 && fields[0].is("String") &&
          lint::truncate_identifier(fields[0].as_str()) == name) {
        found.location = child.location();
      }
    }
    return !found.bound;
  });
}

// UPDATE ... FROM or DELETE ... USING whose list refers to the table the statement writes, by
// the name it has there (its alias, else its name: `o.customer_id` in a JOIN's ON, a subquery or
// a function of the list): PostgreSQL analyzes the list without the target in reach, and
// refuses the statement ("invalid reference to FROM-clause entry for table"), whatever the rows
// (checked on 15). Left alone when an item of the list takes the same name (a subquery's own
// FROM, say): the reference may mean that one.
void check_target_in_from(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  const Node& node = statement.node;
  bool update = node.is("UpdateStmt");
  // The target is a bare RangeVar (no node kind to test, so not refname()).
  Node relation = node.get("relation");
  std::string name = lint::truncate_identifier(
      relation.has("alias") ? relation.get("alias").str("aliasname") : relation.str("relname"));
  lint::NodeList list = node.list(update ? "fromClause" : "usingClause");
  if (name.empty() || list.empty()) return;
  Reference found;
  for (Node item : list) find_reference(item, name, found);
  if (found.bound || !found.location) return;
  std::string keyword = update ? "UPDATE" : "DELETE";
  std::string clause = update ? "FROM" : "USING";
  out.report(lint::token_at(context.file, statement, found.location),
             keyword + " fails on every run, whatever the rows: its " + clause +
                 " list refers to " + name + ", the table it " +
                 (update ? "updates" : "deletes from") + ", which PostgreSQL does not let the " +
                 clause + " list see (\"invalid reference to FROM-clause entry for table \"" +
                 name + "\"\")",
             "move the condition on " + name + " to WHERE (" + clause +
                 " a JOIN b ON <a and b only> WHERE a.x = " + name +
                 ".y), where the table written is in reach, and do not name it again in " + clause);
}

// UPDATE or DELETE whose target has an alias, and that names the table by its own name
// (`UPDATE orders o SET total = orders.total + 1`, in SET, WHERE, RETURNING or the FROM or USING
// list), or INSERT INTO orders AS o that does (in ON CONFLICT's index predicate, DO UPDATE's SET
// and WHERE, or RETURNING): the alias hides the name, and PostgreSQL refuses the statement
// whatever the rows ("invalid reference to FROM-clause entry for table "orders"", checked on
// 15). Left alone when
// a FROM item (of the list or of a subquery) or a WITH query takes the name, or in PL/pgSQL (a
// variable may): the reference may mean that one.
void check_target_by_name(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  // In PL/pgSQL a variable of that name takes the reference (checked on 15).
  if (!statement.frames.empty()) return;
  const Node& node = statement.node;
  Node relation = node.get("relation");
  if (!relation.has("alias")) return;
  std::string alias = lint::truncate_identifier(relation.get("alias").str("aliasname"));
  std::string name = lint::truncate_identifier(relation.str("relname"));
  if (alias.empty() || name.empty() || alias == name) return;
  for (Node cte : node.get("withClause").list("ctes")) {
    if (lint::truncate_identifier(cte.str("ctename")) == name) return;
  }
  bool update = node.is("UpdateStmt");
  bool insert = node.is("InsertStmt");
  Reference found;
  if (insert) {
    // INSERT ... AS alias: the ON CONFLICT clause (its index predicate, DO UPDATE's SET and
    // WHERE) and RETURNING, where the target is in reach. The rows inserted (VALUES or the
    // query) do not have it in reach under any name.
    Node conflict = node.get("onConflictClause");
    find_reference(conflict.get("infer").get("whereClause"), name, found);
    find_reference(conflict.get("targetList"), name, found);
    find_reference(conflict.get("whereClause"), name, found);
    find_reference(node.get("returningList"), name, found);
  } else {
    for (const char* field : {"targetList", "whereClause", "returningList"}) {
      find_reference(node.get(field), name, found);
    }
    for (Node item : node.list(update ? "fromClause" : "usingClause")) {
      find_reference(item, name, found);
    }
  }
  if (found.bound || !found.location) return;
  std::string keyword = insert ? "INSERT" : update ? "UPDATE" : "DELETE";
  out.report(lint::token_at(context.file, statement, found.location),
             keyword + " fails on every run, whatever the rows: it names " + name +
                 " by its table name, which the alias " + alias +
                 " hides (PostgreSQL: invalid reference to FROM-clause entry for table \"" + name +
                 "\", HINT: Perhaps you meant to reference the table alias \"" + alias + "\")",
             "write " + alias + ".<column> in place of " + name +
                 ".<column>: once the table has an alias, PostgreSQL knows it by the alias only");
}

// A MERGE that PostgreSQL refuses as it reads it, before the rewriter looks at rules: a WHEN
// [NOT] MATCHED clause after an unconditional one of the same kind (it could never run), then a
// target that is a view or a materialized view (PostgreSQL 15 merges into tables only, whatever
// triggers the view has). Whether reported.
bool check_merge(const lint::FileContext& context, const lint::Statement& statement,
                 lint::Reporter& out) {
  const Node& node = statement.node;
  Node relation = node.get("relation");
  std::string table = lint::sql_identifier(lint::relation_name(relation).name);
  lint::NodeList clauses = node.list("mergeWhenClauses");
  // A clause has no location in the tree: its WHEN keyword, the n-th outside parentheses and
  // CASE expressions.
  auto clause_range = [&](std::size_t n) {
    std::vector<lint::TextRange> whens;
    if (statement.exact) {
      int depth = 0;
      for (const lint::Token& token : context.file.tokens(statement.range)) {
        std::string_view name = token.name;
        if (name == "ASCII_40" || name == "CASE") ++depth;
        if ((name == "ASCII_41" || name == "END_P") && depth > 0) --depth;
        if (name == "WHEN" && depth == 0) whens.push_back(token.range);
      }
    }
    return whens.size() == clauses.size() ? whens[n] : statement.range;
  };
  bool terminal[2] = {false, false};
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    Node when = clauses[i];
    bool matched = when.flag("matched");
    if (terminal[matched ? 1 : 0]) {
      std::string clause = matched ? "WHEN MATCHED" : "WHEN NOT MATCHED";
      out.report(clause_range(i),
                 "MERGE INTO " + table + " fails on every run: this " + clause +
                     " clause comes after an unconditional " + clause +
                     " clause, which takes every row first, and PostgreSQL refuses it "
                     "(\"unreachable WHEN clause specified after unconditional WHEN clause\")",
                 "put the clauses with an AND condition first and the unconditional " + clause +
                     " clause last");
      return true;
    }
    if (!when.has("condition")) terminal[matched ? 1 : 0] = true;
  }
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !relation.valid()) return false;
  lint::RelationName written = lint::relation_name(relation);
  lint::ObjectId id = lint::relation_as_written(context, statement, written.schema, written.name);
  if (id == lint::k_no_object) return false;
  const lint::CatalogObject& object = catalog->object(id);
  bool view = object.kind() == lint::ObjectKind::view;
  if (!view && object.kind() != lint::ObjectKind::materialized_view) return false;
  std::string kind = view ? "view" : "materialized view";
  auto builder = out.report(
      lint::token_at(context.file, statement, relation.location()),
      "MERGE INTO " + table + " fails on every run: " + table + " is a " + kind +
          ", and PostgreSQL 15 merges into tables only (\"cannot execute MERGE on relation " +
          in_quotes(lint::truncate_identifier(written.name)) +
          "\" - DETAIL: \"This operation is not supported for " + kind + "s.\")",
      view ? "MERGE INTO the view's table, or write it as an UPDATE of the view and an INSERT INTO "
             "the view ... SELECT ... WHERE NOT EXISTS (...)"
           : "MERGE INTO the tables the materialized view reads, then REFRESH MATERIALIZED VIEW");
  if (const lint::Statement* made = lint::statement_at(context.project, object.created)) {
    builder.related(*context.project.parsed(object.created.file), made->range,
                    "the " + kind + " is created here");
  }
  return true;
}

// Whether an expression of a view's select list is surely not a plain column of its relation
// (PostgreSQL cannot write through it): a call, an operator, a constant, a CASE... A cast is not
// judged (a cast to the column's own type is dropped), nor f(t) of a whole row t (PostgreSQL
// reads it as the column f of t).
bool computed(const Node& value, const Node& from) {
  if (value.is("FuncCall")) {
    lint::NodeList args = value.list("args");
    if (args.size() != 1 || !args[0].is("ColumnRef")) return true;
    lint::NodeList fields = args[0].list("fields");
    std::string row = fields.size() == 1 && fields[0].is("String")
                          ? lint::truncate_identifier(fields[0].as_str())
                          : std::string();
    Node alias = from.get("alias");
    std::string name =
        lint::truncate_identifier(alias.valid() ? alias.str("aliasname") : from.str("relname"));
    return row.empty() || row != name;
  }
  for (const char* kind :
       {"A_Const", "A_Expr", "BoolExpr", "CaseExpr", "CoalesceExpr", "MinMaxExpr", "SubLink",
        "NullTest", "BooleanTest", "A_ArrayExpr", "SQLValueFunction", "RowExpr"}) {
    if (value.is(kind)) return true;
  }
  return false;
}

// INSERT, UPDATE or DELETE through a view the migrations made, that PostgreSQL's rewriter refuses
// whatever the rows: the view is not automatically updatable (a join, GROUP BY, DISTINCT, ...:
// not_auto_updatable()) and has no INSTEAD OF trigger for the event; or it is, and the statement
// writes a column of it that is an expression (lower(email)), not a column of its relation. Left
// alone: a view with a rule (an unconditional DO INSTEAD one lets the statement through), or
// with a trigger or a column rename the replay may not see. Whether reported.
bool check_view_write(const lint::FileContext& context, const lint::Statement& statement,
                      lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  const Node& node = statement.node;
  Node relation = node.get("relation");
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !relation.valid() || !tick) return false;
  lint::RelationName written = lint::relation_name(relation);
  lint::ObjectId id = lint::relation_as_written(context, statement, written.schema, written.name);
  if (id == lint::k_no_object || catalog->object(id).kind() != lint::ObjectKind::view) return false;
  const lint::CatalogObject& view = catalog->object(id);
  const lint::Statement* defined = view_definition(context, statement, id);
  std::string name = view.ref_at(*tick).name;
  if (defined == nullptr || changed_unseen(context, statement, name)) return false;
  for (const lint::Origin& change : view.changed) {
    if (change.tick >= *tick) break;
    const lint::Statement* changed = lint::statement_at(context.project, change);
    if (changed == nullptr ||
        (changed->node.is("RenameStmt") && changed->node.str("renameType") == "OBJECT_COLUMN")) {
      return false;
    }
  }
  std::string_view kind = statement.kind();
  constexpr std::int64_t k_instead = 1 << 6;  // pg_trigger's tgtype bits
  std::int64_t event = kind == "InsertStmt" ? 1 << 2 : kind == "DeleteStmt" ? 1 << 3 : 1 << 4;
  // A rule or an INSTEAD OF trigger of the event on a relation of that name (in any schema).
  for (lint::ObjectId other = 0; other < catalog->size(); ++other) {
    const lint::CatalogObject& object = catalog->object(other);
    if ((object.kind() != lint::ObjectKind::rule && object.kind() != lint::ObjectKind::trigger) ||
        !object.alive_at(*tick)) {
      continue;
    }
    const lint::Statement* made = lint::statement_at(context.project, object.created);
    if (made == nullptr) return false;
    Node on = made->node.get("relation");
    if (object.parent != id &&
        (!on.valid() || lint::truncate_identifier(lint::relation_name(on).name) != name)) {
      continue;
    }
    if (object.kind() == lint::ObjectKind::rule || !made->node.is("CreateTrigStmt") ||
        ((made->node.num("timing") & k_instead) != 0 && (made->node.num("events") & event) != 0)) {
      return false;
    }
  }
  std::string verb = kind == "InsertStmt"   ? "insert into"
                     : kind == "UpdateStmt" ? "update"
                                            : "delete from";
  std::string command = kind == "InsertStmt"   ? "INSERT"
                        : kind == "UpdateStmt" ? "UPDATE"
                                               : "DELETE";
  std::string shown = lint::sql_identifier(name);
  std::string what = (kind == "InsertStmt"   ? "INSERT INTO "
                      : kind == "UpdateStmt" ? "UPDATE "
                                             : "DELETE FROM ") +
                     shown + " fails on every run, whatever the rows: ";
  Node query = defined->node.get("query");
  std::optional<std::string> hint = not_auto_updatable(query);
  if (hint && *hint == k_no_updatable_columns) {
    // A DELETE needs no column; a cast may be a plain column after all.
    if (kind == "DeleteStmt") return false;
    for (Node target : query.list("targetList")) {
      if (target.get("val").is("TypeCast") || target.get("val").is("CollateClause")) return false;
    }
  }
  if (hint) {
    std::string text = "the view " + shown +
                       " is not automatically updatable and has no INSTEAD OF " + command +
                       " trigger nor an unconditional ON " + command +
                       " DO INSTEAD rule, and PostgreSQL refuses it (\"cannot " + verb + " view " +
                       in_quotes(name) + "\" - DETAIL: \"" + *hint + "\")";
    out.report(lint::token_at(context.file, statement, relation.location()), what + text,
               command + " the view's tables directly, or give the view an INSTEAD OF " + command +
                   " trigger (CREATE TRIGGER ... INSTEAD OF " + command + " ON " + shown +
                   " FOR EACH ROW ...) before this statement");
    return true;
  }
  if (kind == "DeleteStmt") return false;
  // The view's columns by name: its column list, else each select list entry's name.
  lint::NodeList aliases = defined->node.list("aliases");
  lint::NodeList targets = query.list("targetList");
  lint::NodeList from = query.list("fromClause");
  if (from.size() != 1) return false;
  auto column_name = [&](std::size_t i) -> std::string {
    if (i < aliases.size()) return lint::truncate_identifier(aliases[i].as_str());
    Node target = targets[i];
    if (target.has("name")) return lint::truncate_identifier(target.str("name"));
    Node value = target.get("val");
    lint::NodeList parts = value.is("ColumnRef")  ? value.list("fields")
                           : value.is("FuncCall") ? value.list("funcname")
                                                  : lint::NodeList{};
    if (parts.empty() || !parts[parts.size() - 1].is("String")) return {};
    return lint::truncate_identifier(parts[parts.size() - 1].as_str());
  };
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (expands(targets[i].get("val")) && !aliases.empty()) return false;
  }
  lint::NodeList written_columns = node.list(kind == "InsertStmt" ? "cols" : "targetList");
  for (Node column : written_columns) {
    std::string wanted = lint::truncate_identifier(column.str("name"));
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (expands(targets[i].get("val")) || column_name(i) != wanted) continue;
      if (!computed(targets[i].get("val"), from[0])) break;
      std::string quoted = in_quotes(wanted);
      out.report(lint::token_at(context.file, statement, column.location()),
                 what + "column " + lint::sql_identifier(wanted) + " of view " + shown +
                     " is an expression of its query, not a column of its table, and PostgreSQL "
                     "refuses it (\"cannot " +
                     (kind == "InsertStmt" ? "insert into" : "update") + " column " + quoted +
                     " of view " + in_quotes(name) +
                     "\" - DETAIL: \"View columns that are not columns of their base relation are "
                     "not updatable.\")",
                 "leave the column out, or write the table's column through the table itself");
      return true;
    }
  }
  return false;
}

// A SELECT (VALUES, WITH ... SELECT) or an INSERT, UPDATE or DELETE ... RETURNING that a DO block
// runs as a statement of its own, without INTO: PL/pgSQL runs it, then refuses its rows ("query
// has no destination for result data"). Only one that runs on every run (runs_unguarded(), and
// no RETURN or RAISE before it in its block); EXECUTE, PERFORM and a FOR loop's query are fine.
void check_no_destination(const lint::Statement& statement, lint::Reporter& out) {
  const Node& step = statement.plpgsql;
  if (statement.dynamic || !step.is("PLpgSQL_stmt_execsql") || step.flag("into")) return;
  std::string_view kind = statement.kind();
  bool select = kind == "SelectStmt";
  if (!select && statement.node.list("returningList").empty()) return;
  for (const lint::PlpgsqlFrame& frame : statement.frames) {
    if (frame.part != "body") continue;
    lint::NodeList body = frame.node.list("body");
    for (std::size_t i = 0; i < frame.index && i < body.size(); ++i) {
      if (body[i].is("PLpgSQL_stmt_return") || body[i].is("PLpgSQL_stmt_raise")) return;
    }
  }
  std::string what = select ? "this SELECT of the DO block" : "this statement's RETURNING";
  out.report(statement.range,
             "the DO block fails on every run: " + what +
                 " returns rows and nothing takes them (no INTO), and PL/pgSQL refuses it "
                 "(\"query has no destination for result data\"" +
                 (select ? ", HINT: \"If you want to discard the results of a SELECT, use "
                           "PERFORM instead.\")"
                         : ")"),
             select ? "write PERFORM in place of SELECT to run it for its effects, SELECT ... INTO "
                      "a variable to keep a value, or leave it out"
                    : "leave out RETURNING, or add INTO a variable after it");
}

// A variable of a DO block's DECLARE with the name of a column that an INSERT, UPDATE, DELETE or
// SELECT of the block names unqualified: with PL/pgSQL's default variable_conflict = error,
// PostgreSQL refuses the statement when it plans it ("column reference "x" is ambiguous"). Only
// the outermost block's variables (in scope everywhere), and a reference made where a table the
// replay knows whole, with that column, is in reach (so PostgreSQL surely reads it as a column);
// not when the block has a #variable_conflict directive, nor when the file sets
// plpgsql.variable_conflict.
class ShadowedColumns {
 public:
  ShadowedColumns(const lint::FileContext& context, const lint::Statement& statement,
                  std::vector<std::string> variables)
      : m_context(context), m_statement(statement), m_variables(std::move(variables)) {}

  // A reference that is both a variable and a column.
  struct Found {
    std::uint32_t location;
    std::string column;
    std::string table;
  };

  // The first such reference.
  std::optional<Found> find() {
    const Node& node = m_statement.node;
    std::string_view kind = node.kind();
    std::vector<Known> visible;
    for (Node cte : node.get("withClause").list("ctes")) {
      m_ctes.push_back(lint::truncate_identifier(cte.str("ctename")));
    }
    if (kind == "SelectStmt") {
      select(node, visible);
    } else if (kind == "UpdateStmt" || kind == "DeleteStmt") {
      add(node.get("relation"), visible);
      for (Node item : node.list(kind == "UpdateStmt" ? "fromClause" : "usingClause")) {
        add(item, visible);
      }
      for (Node target : node.list("targetList")) walk(target.get("val"), visible);
      walk(node.get("whereClause"), visible);
      walk(node.get("returningList"), visible);
    } else if (kind == "InsertStmt") {
      std::vector<Known> none;
      select(node.get("selectStmt"), none);
      add(node.get("relation"), visible);
      Node conflict = node.get("onConflictClause");
      for (Node target : conflict.list("targetList")) walk(target.get("val"), visible);
      walk(conflict.get("whereClause"), visible);
      walk(node.get("returningList"), visible);
    }
    return m_found;
  }

 private:
  struct Known {
    std::string table;
    std::vector<std::string> columns;
  };

  // A FROM item's known tables (through joins); WITH queries hide tables of their name.
  void add(const Node& item, std::vector<Known>& visible) {
    if (!item.valid()) return;
    if (item.is("JoinExpr")) {
      add(item.get("larg"), visible);
      add(item.get("rarg"), visible);
      return;
    }
    if (item.str("relname").empty()) return;
    lint::QualifiedName name = lint::QualifiedName::of(lint::relation_name(item));
    if (name.schema.empty() && std::find(m_ctes.begin(), m_ctes.end(), name.name) != m_ctes.end()) {
      return;
    }
    std::optional<KnownTable> known = known_table(m_context, m_statement, name);
    if (known && known->complete) visible.push_back({known->name, known->columns});
  }

  // A SELECT (a subquery): its FROM list joins what is in reach; its expressions are read.
  void select(const Node& query, std::vector<Known> visible) {
    if (!query.valid() || !query.is("SelectStmt") || m_found) return;
    for (Node cte : query.get("withClause").list("ctes")) {
      m_ctes.push_back(lint::truncate_identifier(cte.str("ctename")));
    }
    if (query.str("op") != "SETOP_NONE" && !query.str("op").empty()) {
      select(query.get("larg"), visible);
      select(query.get("rarg"), visible);
      return;
    }
    for (Node item : query.list("fromClause")) add(item, visible);
    for (const char* field : {"targetList", "whereClause", "havingClause", "groupClause"}) {
      walk(query.get(field), visible);
    }
  }

  void walk(const Node& tree, const std::vector<Known>& visible) {
    lint::walk(tree, [&](const Node& node) {
      if (m_found) return false;
      if (node.is("SubLink")) {
        walk(node.get("testexpr"), visible);
        select(node.get("subselect"), visible);
        return false;
      }
      if (!node.is("ColumnRef")) return true;
      lint::NodeList fields = node.list("fields");
      if (fields.size() != 1 || !fields[0].is("String")) return false;
      std::string name = lint::truncate_identifier(fields[0].as_str());
      if (std::find(m_variables.begin(), m_variables.end(), name) == m_variables.end()) {
        return false;
      }
      for (const Known& known : visible) {
        if (std::find(known.columns.begin(), known.columns.end(), name) == known.columns.end()) {
          continue;
        }
        if (auto at = node.location()) m_found = Found{*at, name, known.table};
        break;
      }
      return false;
    });
  }

  const lint::FileContext& m_context;
  const lint::Statement& m_statement;
  std::vector<std::string> m_variables;
  std::vector<std::string> m_ctes;
  std::optional<Found> m_found;
};

void check_shadowed_columns(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out) {
  const Node& step = statement.plpgsql;
  if (statement.dynamic || statement.parent < 0 ||
      !(step.is("PLpgSQL_stmt_execsql") || step.is("PLpgSQL_stmt_perform")) ||
      mentions(context.file.text(), "plpgsql.variable_conflict")) {
    return;
  }
  const lint::Statement& block =
      context.file.statements()[static_cast<std::size_t>(statement.parent)];
  if (mentions(context.file.slice(block.range), "variable_conflict")) return;
  std::string_view kind = statement.kind();
  if (kind != "SelectStmt" && kind != "InsertStmt" && kind != "UpdateStmt" &&
      kind != "DeleteStmt") {
    return;
  }
  Node function = context.file.do_function(static_cast<std::size_t>(statement.parent));
  // The outermost block's DECLARE comes before its BEGIN.
  std::int64_t begin = function.get("action").num("lineno");
  std::vector<std::string> variables;
  for (Node datum : function.list("datums")) {
    if (!datum.is("PLpgSQL_var")) continue;
    std::int64_t line = datum.num("lineno");
    if (line > 0 && line < begin) variables.push_back(std::string(datum.str("refname")));
  }
  if (variables.empty()) return;
  auto found = ShadowedColumns(context, statement, variables).find();
  if (!found) return;
  const std::string& column = found->column;
  out.report(lint::token_at(context.file, statement, found->location),
             "the DO block fails on every run: " + column + " here is both its variable " + column +
                 " and a column of table " + lint::sql_identifier(found->table) +
                 ", and PL/pgSQL refuses it (\"column reference " + in_quotes(column) +
                 " is ambiguous\", DETAIL: \"It could refer to either a PL/pgSQL variable or a "
                 "table column.\")",
             "qualify the column with its table or alias (t." + column +
                 "), or rename the variable (v_" + column + ")");
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  for (const lint::Statement* statement : context.file.all_statements()) {
    std::string_view kind = statement->kind();
    if (kind == "ConstraintsSetStmt" && runs_unguarded(*statement)) {
      check_set_constraints(context, *statement, out);
    }
    if (kind == "TruncateStmt" && runs_unguarded(*statement) &&
        !check_truncate_only(context, *statement, out)) {
      check_truncate(context, *statement, out);
    }
    if (((kind == "SelectStmt" && !statement->node.has("intoClause")) || kind == "InsertStmt" ||
         kind == "UpdateStmt" || kind == "DeleteStmt") &&
        runs_unguarded(*statement)) {
      check_unpopulated_read(context, *statement,
                             kind == "SelectStmt"   ? "SELECT"
                             : kind == "InsertStmt" ? "INSERT"
                             : kind == "UpdateStmt" ? "UPDATE"
                                                    : "DELETE",
                             out);
    }
    if (runs_unguarded(*statement)) {
      check_no_destination(*statement, out);
      check_shadowed_columns(context, *statement, out);
    }
    if (kind == "SelectStmt" && runs_unguarded(*statement)) {
      check_json_constants(context, *statement, out);
      check_rules(context, *statement, out);
    }
    if (kind != "InsertStmt" && kind != "UpdateStmt" && kind != "MergeStmt" &&
        kind != "DeleteStmt") {
      continue;
    }
    if (!runs_unguarded(*statement)) continue;
    check_json_constants(context, *statement, out);
    if (kind == "UpdateStmt" || kind == "DeleteStmt")
      check_target_in_from(context, *statement, out);
    if (kind != "MergeStmt") check_target_by_name(context, *statement, out);
    const Node& node = statement->node;
    Node relation = node.get("relation");
    if (kind == "MergeStmt" && check_merge(context, *statement, out)) continue;
    if (kind != "MergeStmt" && check_view_write(context, *statement, out)) continue;
    check_rules(context, *statement, out);
    check_replicated(context, *statement, out);
    if (kind == "DeleteStmt") continue;
    if (kind == "InsertStmt") {
      Checker checker(context, out, *statement);
      Node conflict = node.get("onConflictClause");
      if (checker.insert(relation, node.list("cols"), node.get("selectStmt"), node.str("override"),
                         Form::statement, node.get("withClause")) &&
          checker.conflict_target(relation, conflict.get("infer")) &&
          conflict.str("action") == "ONCONFLICT_UPDATE") {
        checker.update(relation, conflict.list("targetList"), Form::on_conflict);
      }
    } else if (kind == "UpdateStmt") {
      Checker(context, out, *statement).update(relation, node.list("targetList"), Form::statement);
    } else {
      for (Node when : node.list("mergeWhenClauses")) {
        std::string_view command = when.str("commandType");
        if (command == "CMD_INSERT") {
          Checker(context, out, *statement)
              .insert(relation, when.list("targetList"), when, when.str("override"), Form::merge);
        } else if (command == "CMD_UPDATE") {
          Checker(context, out, *statement).update(relation, when.list("targetList"), Form::merge);
        }
      }
    }
  }
}

}  // namespace

lint::Rule invalid_dml() {
  return {.info = {.id = "invalid-dml",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "INSERT, UPDATE, DELETE, MERGE or TRUNCATE PostgreSQL refuses "
                              "whatever the rows: VALUES of the wrong length, a column the table "
                              "does not have, a value for a GENERATED ALWAYS identity or a "
                              "generated column, a string that is not a label of the column's "
                              "enum, an UPDATE of a table published with a row filter "
                              "outside its replica identity, SET CONSTRAINTS ... DEFERRED of a NOT "
                              "DEFERRABLE constraint, a TRUNCATE of a table another table's "
                              "foreign key references, an UPDATE ... FROM that refers to the "
                              "table written, an aliased UPDATE or INSERT target named by its "
                              "table name, RETURNING, ON CONFLICT or MERGE that the table's "
                              "rules refuse, MERGE into a view, a write through a view that is "
                              "not automatically updatable, a DO block's SELECT without INTO or "
                              "ambiguous column reference"},
          .check_file = check};
}

}  // namespace sqlgate::rules
