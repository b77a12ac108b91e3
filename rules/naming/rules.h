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

// ASCII lower case (file names, extensions).
inline std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

// An extension that marks an editor or backup copy of a migration (sql.bak, sql~, orig...).
bool backup_extension(std::string_view extension);

}  // namespace sqlgate::rules::naming
