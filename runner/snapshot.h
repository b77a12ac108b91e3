// A live database's catalog, read from pg_catalog, and the difference between two snapshots:
// what verify compares after each up and down.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/sql.h"
#include "runner/database.h"

namespace sqlgate::runner {

struct SnapshotOptions {
  // Tables left out with everything that belongs to them (columns, indexes, constraints, owned
  // sequences, triggers, rows): the runner's state tables. "schema.table", or a bare name for
  // that table in any schema.
  std::vector<std::string> excluded_tables{std::string(k_default_table),
                                           std::string(k_history_table)};
  // Tables with at most this many rows have the set of their keys compared; bigger ones only
  // their row count.
  std::int64_t max_rows = 10000;
  // Roles whose settings in every database (ALTER ROLE r SET ...) are read: roles belong to the
  // whole server, and others may change theirs meanwhile. "" stands for the session's user.
  // Settings in this database (ALTER ROLE ... IN DATABASE, ALTER DATABASE ... SET) are read for
  // every role. roles_with_settings() names those migrations set.
  std::vector<std::string> roles;
};

// The roles whose settings the files set or reset (ALTER ROLE r [IN DATABASE d] SET / RESET),
// for SnapshotOptions::roles: "" for CURRENT_USER, SESSION_USER and CURRENT_ROLE.
std::vector<std::string> roles_with_settings(const std::vector<const lint::ParsedFile*>& files);

// One object: its definition as PostgreSQL prints it, and the object it belongs to (the table
// of a column, an index, a trigger...), empty for none.
struct SnapshotObject {
  std::string definition;
  std::string parent;

  bool operator==(const SnapshotObject&) const = default;
};

// The rows of one table: how many, and for small tables the values of their primary key (of
// every column when there is none), sorted, repeats kept.
struct TableRows {
  // "id", "org_id, user_id"; for whole rows, their columns by name ("body, title"), those a
  // sequence fills left out; empty when only the count is compared.
  std::string key_columns;
  std::int64_t count = 0;
  bool keyed = false;  // keys were read (count <= max_rows)
  std::vector<std::string> keys;

  bool operator==(const TableRows&) const = default;
};

struct Snapshot {
  // By object: "table public.users", "column public.users.email", "index public.users_pkey",
  // "function public.touch()", "privileges on table public.users", "comment on ..."
  std::map<std::string, SnapshotObject> objects;
  // By table object ("table public.users").
  std::map<std::string, TableRows> rows;

  bool operator==(const Snapshot&) const = default;
};

// Reads the catalog of the session's database: schemas; tables, columns (type, nullability,
// default, identity, generated, collation), constraints, indexes (with validity), sequences
// (their definition, not their value), views and materialized views, functions, procedures and
// aggregates, triggers, rules, policies and row-level security, types, enum labels in order,
// domains, extensions, comments, privileges and default privileges, collations, operators,
// casts, statistics, publications, foreign servers, event triggers; and the rows of every table.
// Objects of extensions are represented by their extension; roles, which belong to the whole
// server, are left out, but not their settings in this database (ALTER ROLE ... IN DATABASE ...
// SET), those of options.roles in every database (ALTER ROLE ... SET), and this database's (ALTER
// DATABASE ... SET): "setting search_path of role app". Two round trips; the session's settings
// are left as they were.
Snapshot take_snapshot(Session& session, const SnapshotOptions& options = {});

// Takes snapshots again and again on one session: the catalog query is prepared on first use,
// since planning it costs as much as running it. The prepared statement is the only state it
// leaves in the session (deallocated when the reader goes).
class SnapshotReader {
 public:
  SnapshotReader(Session& session, SnapshotOptions options = {});
  ~SnapshotReader();
  SnapshotReader(const SnapshotReader&) = delete;
  SnapshotReader& operator=(const SnapshotReader&) = delete;

  Snapshot take();

 private:
  Session& m_session;
  SnapshotOptions m_options;
  std::string m_statement;  // the prepared statement's name
  bool m_prepared = false;
};

struct Difference {
  std::string object;
  std::optional<std::string> before;  // nothing: the object did not exist
  std::optional<std::string> after;   // nothing: the object is gone

  bool operator==(const Difference&) const = default;
};

// What changed from `before` to `after`, ordered by object. A part of an object that is itself
// added or removed (the columns of a dropped table) is left out: the object says it. Rows are
// described by their count and the keys added or removed ("3 rows" -> "6 rows; added (id)=(4),
// ...").
std::vector<Difference> diff(const Snapshot& before, const Snapshot& after);

}  // namespace sqlgate::runner
