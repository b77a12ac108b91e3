// What a publication publishes (its tables, schemas, column lists and row filters) and its
// options, as the migrations' CREATE and ALTER PUBLICATION leave them: what down-not-reversing
// compares before the up and after the down, and what the down generator writes back.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/rule.h"

namespace sqlgate::rules::pairing {

// A table, or a schema's tables (TABLES IN SCHEMA), a publication publishes, or is known not to.
struct PublishedMember {
  std::string key;   // "#<object id>" for a table the catalog knows, "schema <name>", else its name
  std::string name;  // as SQL names it: "refunds", "TABLES IN SCHEMA app"
  bool schema = false;                       // TABLES IN SCHEMA
  lint::ObjectId table = lint::k_no_object;  // the table, when the catalog knows it
  std::string text;  // as the statement wrote it, with its columns and row filter
  bool member = true;
  bool details = true;               // false: published, with which columns and filter unknown
  std::vector<std::string> columns;  // the column list, sorted (empty: every column)
  lint::Node where;                  // the row filter (invalid: none)
};

// What the migrations say a publication publishes at some point.
struct PublicationState {
  bool exists = true;
  bool complete = false;  // every member is known (made by a migration, or SET TABLE since)
  bool all_tables = false;
  std::vector<PublishedMember> members;
  std::optional<std::set<std::string>> publish;  // insert, update, delete, truncate
  std::optional<bool> via_root;                  // publish_via_partition_root

  PublishedMember* find(const std::string& key) {
    for (PublishedMember& member : members) {
      if (member.key == key) return &member;
    }
    return nullptr;
  }
  // Whether the key is published: 1, 0, or -1 when the migrations do not say.
  int status(const std::string& key) const {
    for (const PublishedMember& member : members) {
      if (member.key == key) return member.member ? 1 : 0;
    }
    return all_tables ? 1 : complete ? 0 : -1;
  }
};

// The members a CREATE or ALTER PUBLICATION lists, their tables looked up at the tick.
std::vector<PublishedMember> listed_members(const lint::Catalog& catalog,
                                            const lint::ParsedFile& file,
                                            const lint::Statement& statement, lint::Tick tick);

// The options a CREATE or ALTER PUBLICATION ... SET (...) writes.
void apply_publication_options(PublicationState& state, const lint::Node& statement);

// Applies a statement to a publication's state: CREATE, DROP, ALTER ... ADD / DROP / SET TABLE
// and SET (options). `before`, when given, learns what the statement shows of the state the
// replay started from where that was not known: ADD TABLE of a table that was not published,
// DROP TABLE of one that was (PostgreSQL refuses either otherwise).
void apply_publication(const lint::Catalog& catalog, PublicationState& state,
                       const lint::ParsedFile& file, const lint::Statement& statement,
                       lint::Tick tick, PublicationState* before = nullptr);

// The publication a statement names: CREATE / ALTER PUBLICATION, or a DROP PUBLICATION of it.
bool names_publication(const lint::Node& node, const std::string& name);

// "publish = 'insert, update'" as PostgreSQL lists the actions.
std::string publish_sql(const std::set<std::string>& actions);

// What a publication the catalog knows publishes before a tick, as its CREATE PUBLICATION and the
// ALTER PUBLICATION since leave it; nothing when something else made it.
std::optional<PublicationState> publication_at(const lint::Project& project,
                                               const lint::Catalog& catalog, lint::ObjectId id,
                                               lint::Tick tick);

// What the publication that statement `first` of the up alters published before the up (which
// starts at `start`): from the migration that made it and the later ones that changed it; an
// empty state (nothing known) when no migration made it. nullopt when the up itself made it.
std::optional<PublicationState> publication_before(const lint::Project& project,
                                                   const lint::Catalog& catalog, std::size_t up,
                                                   std::size_t first, lint::Tick start);

// The first table an ALTER PUBLICATION ... DROP TABLE of an up (under no guard) names that the
// publication does not list just before it, also one it publishes through TABLES IN SCHEMA:
// PostgreSQL refuses it on the first run ("relation "t" is not part of the publication"). Only
// when every member is known: the publication made by a CREATE PUBLICATION of the migrations
// that runs on the first run (lint::made_on_first_run()), not FOR ALL TABLES, and changed since
// by ALTER PUBLICATION under no guard only.
struct NonMember {
  PublishedMember table;  // as the statement lists it
  std::string name;       // the table's name, as PostgreSQL's message writes it
  std::string schema;     // its schema, when the publication publishes it through that schema
};
std::optional<NonMember> dropped_non_member(const lint::Project& project,
                                            const lint::Catalog& catalog, std::size_t file,
                                            const lint::Statement& statement);

// The publications that name the table among their tables before the tick, as the ups' CREATE,
// ALTER and DROP PUBLICATION before it leave them (not one FOR ALL TABLES or TABLES IN SCHEMA,
// which publishes any table made there again): a table made again is in none of them.
std::vector<std::string> publications_of(const lint::Project& project, const lint::Catalog& catalog,
                                         lint::ObjectId table, lint::Tick tick);

}  // namespace sqlgate::rules::pairing
