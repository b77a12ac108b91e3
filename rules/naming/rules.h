// The naming rules, one per file in rules/naming/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lint/rule.h"

namespace sqlgate::rules::naming {

lint::Rule near_miss_name();
lint::Rule backup_file();
lint::Rule invalid_timestamp();
lint::Rule non_snake_case_name();
lint::Rule version_overflow();
lint::Rule duplicate_version();
lint::Rule out_of_order();

// How a folder numbers its migrations: a 14-digit UTC timestamp (YYYYMMDDHHMMSS, what
// `migrate create` writes by default) or a sequence (`migrate create -seq`: 000001, 000002...).
enum class Convention { timestamp, sequence };
std::string_view to_string(Convention convention);
// The convention configured, else the folder's own: timestamp when most migration files have a
// 14-digit version, sequence otherwise.
Convention convention_of(const lint::MigrationSet& set,
                         std::optional<Convention> configured = std::nullopt);
// ASCII lower case (file names, extensions).
std::string lower_ascii(std::string_view text);
// Whether 14 digits are a real UTC date and time (YYYYMMDDHHMMSS, years 1970 to 9999).
bool valid_timestamp(std::string_view digits);

}  // namespace sqlgate::rules::naming
