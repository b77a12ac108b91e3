// Database URLs: golang-migrate's x- parameters taken out before libpq sees the URL, and the
// password masked in everything sqlgate prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::runner {

// What the x- parameters of a URL ask for.
struct UrlOptions {
  std::string migrations_table;  // x-migrations-table (empty: schema_migrations)
  bool migrations_table_quoted = false;
  std::optional<int> statement_timeout_ms;  // x-statement-timeout, in milliseconds
};

struct DatabaseTarget {
  // What libpq gets: the URL without its x- parameters, or the connection string as given.
  std::string conninfo;
  // golang-migrate's database name for the lock key: the URL's path, percent-decoded, with its
  // leading slash ("/mydb"); nullopt when there is no path (the server's current_database()
  // is used then, as golang-migrate does).
  std::optional<std::string> url_path;
  UrlOptions options;
  // x- parameters sqlgate does not know: the run goes on, the user is told.
  std::vector<std::string> warnings;
};

// Splits a postgres:// or postgresql:// URL; any other text (a libpq key=value string, a
// database name, empty for the PG* environment) goes to libpq unchanged. Throws
// std::invalid_argument for a malformed x- value, naming it (and never the password).
DatabaseTarget parse_database_target(std::string_view text);

// The URL or connection string with its password replaced by "xxxxx": the userinfo's password,
// a password= query parameter, a password= keyword.
std::string mask_password(std::string_view url_or_conninfo);

// A message with every occurrence of the connection's password replaced by "xxxxx".
std::string redact_password(std::string_view message, std::string_view url_or_conninfo);

// golang-migrate's x-migrations-table-quoted form: "schema"."table" or "table".
struct QuotedTable {
  std::string schema;  // empty when not given
  std::string table;
};
QuotedTable parse_quoted_table(std::string_view text);

}  // namespace sqlgate::runner
