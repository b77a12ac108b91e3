// Applying fixes: edits applied from the end of the text backwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"

namespace sqlgate::lint {

// The text with the edits applied. Edits that overlap an edit already taken are skipped and
// counted in *skipped (when given). Edits are taken in the order of their start offsets.
std::string apply_edits(std::string_view text, std::vector<Edit> edits,
                        std::size_t* skipped = nullptr);

}  // namespace sqlgate::lint
