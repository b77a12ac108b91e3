#include "lint/fix.h"

#include <algorithm>

namespace sqlgate::lint {

std::string apply_edits(std::string_view text, std::vector<Edit> edits, std::size_t* skipped) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.range.begin < b.range.begin ||
           (a.range.begin == b.range.begin && a.range.end < b.range.end);
  });
  // Keep the first of overlapping edits; identical edits (two findings, one fix) count once.
  std::vector<Edit> taken;
  std::size_t dropped = 0;
  for (auto& edit : edits) {
    if (edit.range.end < edit.range.begin || edit.range.end > text.size()) {
      ++dropped;
      continue;
    }
    if (!taken.empty()) {
      const Edit& last = taken.back();
      if (last == edit) continue;
      bool overlaps = edit.range.begin < last.range.end ||
                      (edit.range.begin == last.range.begin && last.range.begin == last.range.end &&
                       edit.range.begin == edit.range.end);
      if (overlaps) {
        ++dropped;
        continue;
      }
    }
    taken.push_back(std::move(edit));
  }
  if (skipped) *skipped = dropped;
  std::string result(text);
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
    result.replace(it->range.begin, it->range.end - it->range.begin, it->text);
  }
  return result;
}

}  // namespace sqlgate::lint
