// What the catalog replay knows of the partitioned table a statement acts on: whether it is
// partitioned (created with PARTITION BY), and whether it has a DEFAULT partition. PostgreSQL
// builds or drops an index on a partitioned table and on each of its partitions at once, and
// does neither CONCURRENTLY; it detaches no partition CONCURRENTLY while a DEFAULT one exists.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/sql.h"

namespace sqlgate::rules {

// The partitioned table that a CREATE INDEX is on, that an index a DROP INDEX drops is on, or
// that an ALTER TABLE alters ("public.events"); nothing when the catalog does not know it as
// partitioned.
std::optional<std::string> partitioned_table_of(const lint::FileContext& context,
                                                const lint::Statement& statement);

// The partitioned table an ALTER TABLE alters ("public.events"): as the catalog replay knows it,
// else as a CREATE TABLE ... PARTITION BY earlier in the file made it; nothing when neither says
// it is partitioned.
std::optional<std::string> partitioned_table_altered(const lint::FileContext& context,
                                                     const lint::Statement& statement);

// The table as the last CREATE TABLE of it in the file before `until` made it ("public.events"),
// when that was PARTITION BY; nothing else.
std::optional<std::string> partitioned_in_file(const lint::FileContext& context,
                                               const lint::Statement& until,
                                               const lint::QualifiedName& table);

// The DEFAULT partition ("public.events_default") that the table an ALTER TABLE statement acts on
// has before it, as the migrations made it (PARTITION OF ... DEFAULT, ATTACH PARTITION ...
// DEFAULT, not detached since); nothing when the catalog knows none.
std::optional<std::string> default_partition_of(const lint::FileContext& context,
                                                const lint::Statement& statement);

// The way to build the index a CREATE INDEX statement describes on a partitioned table without
// holding every partition's writes: made ON ONLY the table, then each partition's built
// CONCURRENTLY and attached, as help text ("write CREATE UNIQUE INDEX i ON ONLY public.t (...),
// then ..."). An attached index must match the parent's definition, so UNIQUE, the method and
// INCLUDE / WHERE are carried over. `no_transaction`: say that the builds need a file marked
// -- sqlgate:no-transaction.
std::string partitioned_index_recipe(const lint::Node& index, const std::string& table,
                                     bool no_transaction);
// The partitioned table ("payments") whose partition key has `column` of the table an ALTER TABLE
// alters, as the migrations before made it: named in its CREATE TABLE's PARTITION BY, or read by
// an expression there, and followed through RENAME COLUMN since. PostgreSQL refuses ALTER COLUMN
// ... TYPE and DROP COLUMN of such a column (in an up or a down). Nothing when it is none, or
// the replay does not tell.
std::optional<std::string> partition_key_table(const lint::FileContext& context,
                                               const lint::Statement& statement,
                                               std::string_view column);

}  // namespace sqlgate::rules
