// The PostgreSQL session, over libpq.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runner/database.h"

namespace sqlgate::runner {

// Connects with a libpq connection string or URL (empty: libpq's PG* environment).
// Throws ConnectionError with a message that never contains the password.
std::unique_ptr<Session> connect_postgres(const std::string& conninfo);

// The same connection (a URL or a key=value string) naming another database (the same one when
// `database` is empty), as a key=value string. golang-migrate's x- parameters are dropped from a
// URL. Throws std::invalid_argument when libpq cannot read it; the message never contains the
// text, which may hold a password.
std::string conninfo_with_database(const std::string& conninfo, const std::string& database);

// A libpq key=value connection string from keywords and values (quoted as libpq wants).
std::string make_conninfo(const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace sqlgate::runner
