// Which files a change adds or modifies, from git: the CI gate on pull requests
// (`sqlgate lint --changed-since REF`).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace sqlgate::cli {

struct GitChanges {
  // Absolute, canonical paths.
  std::set<std::filesystem::path> added;    // new since REF: added, renamed, copied, untracked
  std::set<std::filesystem::path> changed;  // added or modified since REF

  bool is_added(const std::filesystem::path& file) const;
  bool is_changed(const std::filesystem::path& file) const;
};

// The files added or changed between REF and the working tree, in the git repositories that
// hold the given paths (folders or files). Throws UsageError when a path is not in a git
// repository, when REF names no commit there, or when git cannot be run.
GitChanges git_changes(const std::vector<std::string>& paths, const std::string& ref);

}  // namespace sqlgate::cli
