// A query over a materialized view made WITH NO DATA: PostgreSQL refuses to scan it until a
// REFRESH MATERIALIZED VIEW (without WITH NO DATA) fills it. A plain view over it, or another
// materialized view made WITH NO DATA, is made fine; a query that scans it, when it runs, fails.
#include "rules/safety/materialized_views.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

bool populated(const lint::Project& project, const lint::CatalogObject& view, lint::Tick at) {
  bool data = true;
  if (const lint::Statement* created = lint::statement_at(project, view.created)) {
    data = !created->node.get("into").flag("skipData");
  }
  for (const lint::Origin& origin : view.changed) {
    if (origin.tick >= at) break;
    const lint::Statement* changed = lint::statement_at(project, origin);
    if (changed != nullptr && changed->kind() == "RefreshMatViewStmt") {
      data = !changed->node.flag("skipData");
    }
  }
  return data;
}

void check_unpopulated_read(const lint::FileContext& context, const lint::Statement& statement,
                            const std::string& what, lint::Reporter& out) {
  const lint::Node& node = statement.node;
  if (node.is("CreateTableAsStmt") && node.get("into").flag("skipData")) return;
  if (lint::conditional(statement, lint::Condition{"object_not_in_prerequisite_state", "55000"})) {
    return;
  }
  auto tick = lint::tick_before(context, statement);
  const lint::Catalog* catalog = context.project.catalog();
  if (!tick || catalog == nullptr) return;
  // The statement's own target, and the names its WITH queries give.
  std::vector<std::uint32_t> targets;
  for (const lint::Node& target :
       {node.get("relation"), node.get("into").get("rel"), node.get("intoClause").get("rel")}) {
    if (auto at = target.location()) targets.push_back(*at);
  }
  std::vector<std::string> ctes;
  lint::walk(node, [&](const lint::Node& item) {
    if (item.is("CommonTableExpr")) ctes.emplace_back(item.str("ctename"));
    return true;
  });
  bool reported = false;
  lint::walk(node, [&](const lint::Node& item) {
    if (reported) return false;
    if (!item.is("RangeVar")) return true;
    auto at = item.location();
    if (at && std::find(targets.begin(), targets.end(), *at) != targets.end()) return true;
    lint::RelationName name = lint::relation_name(item);
    if (name.schema.empty() &&
        std::find(ctes.begin(), ctes.end(), lint::truncate_identifier(name.name)) != ctes.end()) {
      return true;
    }
    lint::ObjectId id = lint::find_as_written(
        context, statement, lint::ObjectKind::materialized_view, name.schema, name.name);
    if (id == lint::k_no_object) return true;
    const lint::CatalogObject& view = catalog->object(id);
    if (populated(context.project, view, *tick)) return true;
    std::string shown = lint::sql_name(name.schema, name.name);
    std::string message = what + " fails on its first run: it reads materialized view " + shown +
                          " (made WITH NO DATA by " +
                          context.project.source(view.created.file).display +
                          ", not refreshed since), and PostgreSQL refuses to scan it "
                          "(\"materialized view \"" +
                          view.ref_at(*tick).name + "\" has not been populated\")";
    auto finding =
        out.report(at ? lint::token_at(context.file, statement, *at) : statement.range, message,
                   "REFRESH MATERIALIZED VIEW " + shown +
                       " before it (it fills the view), or make " + shown + " WITH DATA");
    if (const lint::ParsedFile* creator = context.project.parsed(view.created.file)) {
      if (const lint::Statement* created = lint::statement_at(context.project, view.created)) {
        finding.related(*creator, created->range, "made WITH NO DATA here");
      }
    }
    reported = true;
    return false;
  });
}

}  // namespace sqlgate::rules
