// Myers' O(ND) difference algorithm over lines, then unified hunks with context.
#include "lint/diff.h"

#include <algorithm>
#include <vector>

namespace sqlgate::lint {
namespace {

// Lines with their line breaks: "a\nb" is {"a\n", "b"}.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { equal = ' ', remove = '-', insert = '+' };

struct Step {
  Op op;
  std::size_t a;  // line index in before (equal, remove)
  std::size_t b;  // line index in after (equal, insert)
};

// Past this many differences the middle is shown as removed then inserted: still a correct
// diff, without the quadratic memory of tracing a huge edit.
constexpr long k_max_edits = 4000;

// The edit script between a[lo_a, hi_a) and b[lo_b, hi_b).
void myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
           std::size_t lo_a, std::size_t hi_a, std::size_t lo_b, std::size_t hi_b,
           std::vector<Step>& out) {
  long n = static_cast<long>(hi_a - lo_a);
  long m = static_cast<long>(hi_b - lo_b);
  auto same = [&](long x, long y) {
    return a[lo_a + static_cast<std::size_t>(x)] == b[lo_b + static_cast<std::size_t>(y)];
  };
  long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  // trace[d] holds v[-d..d] as it was before round d.
  std::vector<std::vector<long>> trace;
  long found = -1;
  for (long d = 0; d <= max && d <= k_max_edits; ++d) {
    std::vector<long> snapshot(static_cast<std::size_t>(2 * d + 1));
    for (long k = -d; k <= d; ++k) snapshot[static_cast<std::size_t>(k + d)] = at(k);
    trace.push_back(std::move(snapshot));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && same(x, y)) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  if (found < 0) {
    for (long x = 0; x < n; ++x) out.push_back({Op::remove, lo_a + static_cast<std::size_t>(x), 0});
    for (long y = 0; y < m; ++y) out.push_back({Op::insert, 0, lo_b + static_cast<std::size_t>(y)});
    return;
  }
  std::vector<Step> reversed;
  long x = n;
  long y = m;
  for (long d = found; d >= 0; --d) {
    const auto& snapshot = trace[static_cast<std::size_t>(d)];
    auto prev = [&](long k) { return snapshot[static_cast<std::size_t>(k + d)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && prev(k - 1) < prev(k + 1))) ? k + 1 : k - 1;
    long prev_x = d == 0 ? 0 : prev(prev_k);
    long prev_y = d == 0 ? 0 : prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      reversed.push_back(
          {Op::equal, lo_a + static_cast<std::size_t>(x), lo_b + static_cast<std::size_t>(y)});
    }
    if (d > 0) {
      if (x == prev_x) {
        reversed.push_back({Op::insert, 0, lo_b + static_cast<std::size_t>(prev_y)});
      } else {
        reversed.push_back({Op::remove, lo_a + static_cast<std::size_t>(prev_x), 0});
      }
    }
    x = prev_x;
    y = prev_y;
  }
  out.insert(out.end(), reversed.rbegin(), reversed.rend());
}

std::string range(std::size_t start, std::size_t count) {
  // A hunk side with no lines names the line before it.
  std::string text = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) {
    text += ',';
    text += std::to_string(count);
  }
  return text;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         bool created, std::size_t context) {
  if (before == after && !created) return {};
  auto a = split_lines(before);
  auto b = split_lines(after);

  std::vector<Step> steps;
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    steps.push_back({Op::equal, prefix, prefix});
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  myers(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, steps);
  for (std::size_t i = suffix; i > 0; --i) {
    steps.push_back({Op::equal, a.size() - i, b.size() - i});
  }

  std::string out = "--- ";
  if (created) {
    out += "/dev/null";
  } else {
    out += "a/";
    out += name;
  }
  out += "\n+++ b/";
  out += name;
  out += '\n';

  std::vector<std::size_t> changes;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].op != Op::equal) changes.push_back(i);
  }
  std::size_t next = 0;
  while (next < changes.size()) {
    // A hunk: changes whose gaps are short enough to share their context.
    std::size_t last = next;
    while (last + 1 < changes.size() && changes[last + 1] - changes[last] - 1 <= 2 * context) {
      ++last;
    }
    std::size_t from = changes[next] >= context ? changes[next] - context : 0;
    std::size_t to = std::min(steps.size(), changes[last] + context + 1);
    // Where each side starts: the first line of the hunk on that side, else the line before.
    std::size_t a_start = 0;
    std::size_t b_start = 0;
    std::size_t a_count = 0;
    std::size_t b_count = 0;
    bool a_seen = false;
    bool b_seen = false;
    for (std::size_t i = 0; i < to; ++i) {
      const Step& s = steps[i];
      bool on_a = s.op != Op::insert;
      bool on_b = s.op != Op::remove;
      if (i < from) {
        if (on_a) a_start = s.a + 1;
        if (on_b) b_start = s.b + 1;
        continue;
      }
      if (on_a) {
        if (!a_seen) a_start = s.a;
        a_seen = true;
        ++a_count;
      }
      if (on_b) {
        if (!b_seen) b_start = s.b;
        b_seen = true;
        ++b_count;
      }
    }
    out += "@@ -";
    out += range(a_start, a_count);
    out += " +";
    out += range(b_start, b_count);
    out += " @@\n";
    for (std::size_t i = from; i < to; ++i) {
      const Step& s = steps[i];
      std::string_view line = s.op == Op::insert ? b[s.b] : a[s.a];
      out += static_cast<char>(s.op);
      out += line;
      if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    }
    next = last + 1;
  }
  return out;
}

}  // namespace sqlgate::lint
