// PostgreSQL 15's built-in configuration parameters (pg_settings of a 15.x server, and the four
// it does not list: is_superuser, role, seed, session_authorization): what SET of one in CREATE |
// ALTER FUNCTION, ALTER ROLE and ALTER DATABASE is checked against. Names with a dot are custom
// placeholders PostgreSQL takes as they come, and are not here.
#pragma once

#include <string_view>

namespace sqlgate::rules {

struct Setting {
  enum class Type : unsigned char { boolean, integer, real, string, enumerated };
  // When it can be set: user and superuser ones by SET; the others not from a function, role or
  // database (backend ones at connection start, sighup ones in the configuration file,
  // postmaster ones at server start, internal ones never).
  enum class Context : unsigned char { user, superuser, backend, sighup, postmaster, internal };
  std::string_view name;  // lower case
  Type type;
  Context context;
  std::string_view unit;  // pg_settings.unit: "kB", "8kB", "ms", "s", "min", "B", "MB", ""
  std::string_view min;   // numeric ones' bounds, in the unit, as pg_settings has them
  std::string_view max;
};

// The built-in parameter of that name (any case; sort_mem and vacuum_mem are the old names of
// work_mem and maintenance_work_mem), or null.
const Setting* builtin_setting(std::string_view name);

}  // namespace sqlgate::rules
