#include "tools/sqlgate/git_changes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tools/sqlgate/app.h"

namespace sqlgate::cli {
namespace fs = std::filesystem;

namespace {

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs git with the arguments given (no shell), capturing what it prints.
Output run_git(const std::vector<std::string>& args) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    throw UsageError(std::string("--changed-since: cannot run git: ") + std::strerror(errno));
  }
  pid_t pid = fork();
  if (pid < 0) {
    throw UsageError(std::string("--changed-since: cannot run git: ") + std::strerror(errno));
  }
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    if (in >= 0) dup2(in, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> argv;
    static char git[] = "git";
    argv.push_back(git);
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp("git", argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  Output output;
  // Read both pipes without blocking on one while the other fills.
  int fds[2] = {out_pipe[0], err_pipe[0]};
  std::string* sinks[2] = {&output.out, &output.err};
  bool open_fds[2] = {true, true};
  char buffer[65536];
  while (open_fds[0] || open_fds[1]) {
    fd_set set;
    FD_ZERO(&set);
    int highest = -1;
    for (int i = 0; i < 2; ++i) {
      if (!open_fds[i]) continue;
      FD_SET(fds[i], &set);
      highest = std::max(highest, fds[i]);
    }
    if (select(highest + 1, &set, nullptr, nullptr, nullptr) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (!open_fds[i] || !FD_ISSET(fds[i], &set)) continue;
      ssize_t n = read(fds[i], buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        open_fds[i] = false;
      }
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  if (output.status == 127 && output.out.empty()) {
    throw UsageError("--changed-since: cannot run git (is it installed?)");
  }
  return output;
}

std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

fs::path absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path) : result;
}

void add_repository(const fs::path& given, const std::string& ref, GitChanges& changes) {
  std::error_code ec;
  fs::path folder = fs::is_directory(given, ec) ? given : given.parent_path();
  if (folder.empty()) folder = ".";
  Output top = run_git({"-C", folder.string(), "rev-parse", "--show-toplevel"});
  if (top.status != 0) {
    throw UsageError("--changed-since: " + given.string() +
                     " is not in a git repository (the option compares with a git revision)");
  }
  std::string root_text = top.out;
  while (!root_text.empty() && (root_text.back() == '\n' || root_text.back() == '\r')) {
    root_text.pop_back();
  }
  fs::path root(root_text);
  Output commit = run_git({"-C", root.string(), "rev-parse", "--verify", "--quiet",
                           "--end-of-options", ref + "^{commit}"});
  if (commit.status != 0) {
    throw UsageError("--changed-since: unknown git revision '" + ref + "' in " + root.string() +
                     " (in CI, fetch it first: git fetch origin <branch>)");
  }
  std::string base = commit.out.substr(0, commit.out.find('\n'));
  Output diff = run_git({"-C", root.string(), "diff", "--name-status", "-z", "-M", base, "--"});
  if (diff.status != 0) {
    throw UsageError("--changed-since: git diff failed: " + diff.err);
  }
  std::vector<std::string> fields = split_nul(diff.out);
  for (std::size_t i = 0; i < fields.size();) {
    const std::string& status = fields[i];
    if (status.empty()) {
      ++i;
      continue;
    }
    char kind = status[0];
    if ((kind == 'R' || kind == 'C') && i + 2 < fields.size()) {
      fs::path path = absolute_path(root / fields[i + 2]);
      changes.added.insert(path);
      changes.changed.insert(path);
      i += 3;
      continue;
    }
    if (i + 1 >= fields.size()) break;
    fs::path path = absolute_path(root / fields[i + 1]);
    if (kind == 'A') changes.added.insert(path);
    if (kind != 'D') changes.changed.insert(path);
    i += 2;
  }
  Output untracked =
      run_git({"-C", root.string(), "ls-files", "--others", "--exclude-standard", "-z", "--"});
  if (untracked.status == 0) {
    for (const auto& file : split_nul(untracked.out)) {
      if (file.empty()) continue;
      fs::path path = absolute_path(root / file);
      changes.added.insert(path);
      changes.changed.insert(path);
    }
  }
}

}  // namespace

bool GitChanges::is_added(const fs::path& file) const {
  return added.count(absolute_path(file)) != 0;
}

bool GitChanges::is_changed(const fs::path& file) const {
  return changed.count(absolute_path(file)) != 0;
}

GitChanges git_changes(const std::vector<std::string>& paths, const std::string& ref) {
  if (ref.empty() || ref.front() == '-') {
    throw UsageError("--changed-since: '" + ref + "' is not a git revision");
  }
  GitChanges changes;
  std::set<fs::path> seen;
  for (const auto& path : paths) {
    if (!seen.insert(absolute_path(path)).second) continue;
    add_repository(path, ref, changes);
  }
  return changes;
}

}  // namespace sqlgate::cli
