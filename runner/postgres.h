// The PostgreSQL session, over libpq.
#pragma once

#include <memory>
#include <string>

#include "runner/database.h"

namespace sqlgate::runner {

// Connects with a libpq connection string or URL (empty: libpq's PG* environment).
// Throws ConnectionError with a message that never contains the password.
std::unique_ptr<Session> connect_postgres(const std::string& conninfo);

}  // namespace sqlgate::runner
