// What the catalog replay knows of a materialized view's data, and the statements PostgreSQL
// refuses for it: a query that scans a materialized view made WITH NO DATA and not refreshed
// since fails ("materialized view ... has not been populated").
#pragma once

#include <optional>
#include <string>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules {

// Whether the view holds data before `at`: made WITH DATA (the default) or refreshed since
// without WITH NO DATA.
bool populated(const lint::Project& project, const lint::CatalogObject& view, lint::Tick at);

// Reports, under the current rule, the first materialized view a statement's query scans that
// was made WITH NO DATA and not refreshed since: CREATE MATERIALIZED VIEW / CREATE TABLE ... AS
// (WITH DATA), SELECT [INTO], INSERT ... SELECT, UPDATE ... FROM, DELETE ... USING. `what`
// names the statement for the message.
void check_unpopulated_read(const lint::FileContext& context, const lint::Statement& statement,
                            const std::string& what, lint::Reporter& out);

}  // namespace sqlgate::rules
