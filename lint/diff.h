// Unified diffs of two texts, line by line (what `sqlgate lint --diff` prints).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sqlgate::lint {

// The unified diff from `before` to `after` with `context` lines around each change, headed
// "--- a/NAME" and "+++ b/NAME" ("/dev/null" for a side that does not exist). Empty when the
// texts are equal. A last line without a line break is marked "\ No newline at end of file".
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         bool created = false, std::size_t context = 3);

}  // namespace sqlgate::lint
