// golang-migrate's state table and sqlgate's history table on PostgreSQL: the Database
// implementation the runner uses.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "runner/database.h"

namespace sqlgate::runner {

// The session's current_schema() (empty when the search_path names no existing schema) and
// current_database(), in one round trip.
struct SessionInfo {
  std::string current_schema;
  std::string current_database;
};
SessionInfo session_info(Session& session);

// The Database for one state table, over a session the caller keeps open. lock_database is the
// database name golang-migrate would put in the lock key (see state_lock_key()).
std::unique_ptr<Database> open_state(Session& session, StateTable table, std::string lock_database);

// SHA-256 of a text, lowercase hex.
std::string sha256_hex(std::string_view text);

}  // namespace sqlgate::runner
