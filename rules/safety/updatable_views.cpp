#include "rules/safety/updatable_views.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// Built-in aggregate functions a view's select list plausibly calls.
constexpr std::string_view k_aggregates[] = {
    "array_agg", "avg",      "bit_and",         "bit_or",          "bool_and",  "bool_or",
    "count",     "every",    "json_agg",        "json_object_agg", "jsonb_agg", "jsonb_object_agg",
    "max",       "min",      "percentile_cont", "percentile_disc", "stddev",    "string_agg",
    "sum",       "variance", "xmlagg"};
// Built-in set-returning functions a select list plausibly calls.
constexpr std::string_view k_set_returning[] = {"generate_series",
                                                "json_array_elements",
                                                "json_array_elements_text",
                                                "json_each",
                                                "json_each_text",
                                                "json_object_keys",
                                                "jsonb_array_elements",
                                                "jsonb_array_elements_text",
                                                "jsonb_each",
                                                "jsonb_each_text",
                                                "jsonb_object_keys",
                                                "regexp_matches",
                                                "regexp_split_to_table",
                                                "string_to_table",
                                                "unnest"};

// What a view's select list returns that keeps the view from being automatically updatable:
// "aggregate functions", "window functions", "set-returning functions"; nothing when none
// (subqueries are their own).
std::optional<std::string> select_list_calls(const lint::NodeList& targets) {
  bool aggregate = false;
  bool window = false;
  bool set_returning = false;
  for (Node target : targets) {
    lint::walk(target, [&](const Node& node) {
      if (node.is("SubLink")) return false;
      if (!node.is("FuncCall")) return true;
      lint::NodeList names = node.list("funcname");
      std::string_view name = names.empty() ? std::string_view() : names.back().as_str();
      bool builtin = names.size() == 1 || names[0].as_str() == "pg_catalog";
      auto among = [&](const auto& list) {
        return builtin && std::find(std::begin(list), std::end(list), name) != std::end(list);
      };
      if (node.has("over")) {
        window = true;
      } else if (node.flag("agg_star") || node.flag("agg_distinct") || node.has("agg_filter") ||
                 !node.list("agg_order").empty() || among(k_aggregates)) {
        aggregate = true;
      } else if (among(k_set_returning)) {
        set_returning = true;
      }
      return true;
    });
  }
  if (aggregate) return "aggregate functions";
  if (window) return "window functions";
  if (set_returning) return "set-returning functions";
  return std::nullopt;
}

}  // namespace

// Why a view's query is not automatically updatable, as PostgreSQL 15's hint says it, in the
// order it checks; nothing when it is (as far as the query tells: the relation it selects from
// is taken to be a table or an updatable view).
std::optional<std::string> not_auto_updatable(const Node& query) {
  if (!query.is("SelectStmt")) return std::nullopt;
  std::string_view op = query.str("op");
  if (!op.empty() && op != "SETOP_NONE") {
    return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
  }
  const std::string single =
      "Views that do not select from a single table or view are not automatically updatable.";
  if (!query.list("valuesLists").empty()) return single;
  if (!query.list("distinctClause").empty()) {
    return "Views containing DISTINCT are not automatically updatable.";
  }
  if (!query.list("groupClause").empty()) {
    return "Views containing GROUP BY are not automatically updatable.";
  }
  if (query.has("havingClause")) return "Views containing HAVING are not automatically updatable.";
  if (query.has("withClause")) return "Views containing WITH are not automatically updatable.";
  if (query.has("limitCount") || query.has("limitOffset")) {
    return "Views containing LIMIT or OFFSET are not automatically updatable.";
  }
  if (auto calls = select_list_calls(query.list("targetList"))) {
    return "Views that return " + *calls + " are not automatically updatable.";
  }
  lint::NodeList from = query.list("fromClause");
  if (from.size() != 1) return single;
  if (from[0].is("RangeTableSample")) {
    return "Views containing TABLESAMPLE are not automatically updatable.";
  }
  if (!from[0].is("RangeVar")) return single;
  bool column = false;
  for (Node target : query.list("targetList")) {
    Node value = target.get("val");
    column = column || value.is("ColumnRef");
  }
  if (!column) return std::string(k_no_updatable_columns);
  return std::nullopt;
}

const lint::Statement* view_definition(const lint::FileContext& context,
                                       const lint::Statement& statement, lint::ObjectId id) {
  auto tick = lint::tick_before(context, statement);
  if (!tick || id == lint::k_no_object) return nullptr;
  const lint::CatalogObject& object = context.project.catalog()->object(id);
  const lint::Statement* found = nullptr;
  std::vector<lint::Origin> origins{object.created};
  origins.insert(origins.end(), object.changed.begin(), object.changed.end());
  for (const lint::Origin& origin : origins) {
    if (origin.tick >= *tick) break;
    const lint::Statement* defined = lint::statement_at(context.project, origin);
    if (defined != nullptr && defined->kind() == "ViewStmt") found = defined;
  }
  return found;
}

}  // namespace sqlgate::rules
