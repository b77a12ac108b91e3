#include "lint/source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <system_error>
#include <tuple>
#include <unistd.h>
#include <unordered_set>

#include "lint/engine.h"

namespace sqlgate::lint {
namespace fs = std::filesystem;

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool ends_with_sql(std::string_view name) {
  return name.size() > 4 && iequals(name.substr(name.size() - 4), ".sql");
}

void read_text(SourceFile& file) {
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    file.read_error = std::strerror(errno);
    return;
  }
  struct stat info {};
  std::string text;
  // A regular file is read up to the size fstat gave, without the extra read that would find
  // its end; anything else (a pipe, a file whose size reads 0, as in /proc) until read returns 0.
  std::optional<std::size_t> size;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    size = static_cast<std::size_t>(info.st_size);
    text.reserve(*size);
  }
  char buffer[65536];
  bool failed = false;
  while (!size || text.size() < *size) {
    std::size_t want = size ? std::min(sizeof buffer, *size - text.size()) : sizeof buffer;
    ssize_t got = ::read(fd, buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      failed = true;
      break;
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  if (failed) {
    file.read_error = "read failed";
    return;
  }
  file.text = std::move(text);
}

// Reads the texts of the files that need them, on one thread per core (the reads are system
// calls: they overlap well).
void read_texts(std::vector<SourceFile>& files) {
  std::vector<SourceFile*> wanted;
  for (auto& file : files) {
    if (file.is_sql || file.migration) wanted.push_back(&file);
  }
  parallel_for(wanted.size(), 0, [&](std::size_t i) { read_text(*wanted[i]); });
}

struct Walker {
  const DiscoverOptions& options;
  MigrationSet& set;
  std::set<fs::path> visited;            // canonical folders entered, to stop symlink loops
  std::unordered_set<std::string> seen;  // files added, by resolved path

  // canonical: the file's resolved path, to lint a file named twice only once. The text is
  // read afterwards (read_texts).
  void add_file(fs::path path, std::string display, std::string canonical) {
    if (!seen.insert(std::move(canonical)).second) return;
    SourceFile file;
    file.path = std::move(path);
    file.display = std::move(display);
    classify(file);
    set.files.push_back(std::move(file));
  }

  void walk(const fs::path& dir, const std::string& display) {
    std::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      set.errors.push_back(display + ": cannot resolve folder: " + ec.message());
      return;
    }
    if (!visited.insert(canonical).second) {
      set.warnings.push_back(display + ": folder already visited (symlink loop?), skipped");
      return;
    }
    // The resolved path of a file in this folder is prefix + name.
    std::string prefix = canonical.native();
    if (prefix.empty() || prefix.back() != '/') prefix += '/';
    // Listed with the type the folder records (no stat per entry unless it is a link or the
    // file system does not say), then sorted by name: one component, so comparing the names
    // is comparing the paths.
    struct Entry {
      std::string name;
      unsigned char type;
    };
    std::vector<Entry> entries;
    DIR* listing = ::opendir(dir.c_str());
    if (listing == nullptr) {
      set.errors.push_back(display + ": cannot list folder: " + std::strerror(errno));
      return;
    }
    int dir_fd = ::dirfd(listing);
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(listing);
      if (entry == nullptr) {
        if (errno != 0) {
          set.errors.push_back(display + ": listing stopped: " + std::strerror(errno));
        }
        break;
      }
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = entry->d_type;
      if (type == DT_LNK || type == DT_UNKNOWN) {
        // What a link points at decides, as for the folder given on the command line.
        struct stat info {};
        if (::fstatat(dir_fd, entry->d_name, &info, 0) == 0) {
          type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
        } else {
          type = entry->d_type == DT_LNK ? DT_LNK : DT_UNKNOWN;  // DT_LNK: a broken link
        }
      }
      entries.push_back({std::string(name), type});
    }
    ::closedir(listing);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    std::string dir_prefix = dir.native();
    if (!dir_prefix.empty() && dir_prefix.back() != '/') dir_prefix += '/';
    for (auto& [name, type] : entries) {
      std::string child = display.empty() || display == "." ? name : display + "/" + name;
      if (type == DT_DIR) {
        if (options.recursive) walk(fs::path(dir_prefix + name), child);
      } else if (type == DT_REG) {
        add_file(fs::path(dir_prefix + name), std::move(child), prefix + name);
      } else if (type == DT_LNK) {
        set.warnings.push_back(child + ": broken symbolic link, skipped");
      }
    }
  }
};

std::string trim_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

Version::Version(std::string_view text) : m_raw(text) {
  if (!all_digits(text)) throw std::invalid_argument("not a version: '" + std::string(text) + "'");
  std::size_t first = text.find_first_not_of('0');
  m_digits = first == std::string_view::npos ? "0" : std::string(text.substr(first));
}

std::optional<std::int64_t> Version::as_bigint() const {
  static const std::string k_max = "9223372036854775807";
  if (m_digits.size() > k_max.size() || (m_digits.size() == k_max.size() && m_digits > k_max)) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char c : m_digits) value = value * 10 + (c - '0');
  return value;
}

std::strong_ordering Version::operator<=>(const Version& other) const {
  if (m_digits.size() != other.m_digits.size()) return m_digits.size() <=> other.m_digits.size();
  int c = m_digits.compare(other.m_digits);
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::string_view to_string(Direction direction) {
  return direction == Direction::up ? "up" : "down";
}

std::optional<MigrationName> parse_migration_name(std::string_view filename) {
  // ^([0-9]+)_(.*)\.(down|up)\.(.*)$ with a greedy name: the last ".up." or ".down." wins.
  std::size_t digits = 0;
  while (digits < filename.size() && filename[digits] >= '0' && filename[digits] <= '9') ++digits;
  if (digits == 0 || digits >= filename.size() || filename[digits] != '_') return std::nullopt;
  if (filename.find('\n') != std::string_view::npos) return std::nullopt;
  std::string_view rest = filename.substr(digits + 1);
  for (std::size_t pos = rest.size(); pos-- > 0;) {
    if (rest[pos] != '.') continue;
    for (auto [word, direction] : {std::pair{std::string_view(".up."), Direction::up},
                                   std::pair{std::string_view(".down."), Direction::down}}) {
      if (rest.substr(pos, word.size()) == word) {
        MigrationName result;
        result.version = Version(filename.substr(0, digits));
        result.name = std::string(rest.substr(0, pos));
        result.direction = direction;
        result.extension = std::string(rest.substr(pos + word.size()));
        return result;
      }
    }
  }
  return std::nullopt;
}

void classify(SourceFile& file) {
  std::string name = file.path.filename().string();
  file.is_sql = ends_with_sql(name);
  file.migration.reset();
  if (auto parsed = parse_migration_name(name); parsed && parsed->extension == "sql") {
    file.migration = Migration{parsed->version, parsed->name, parsed->direction, -1};
  }
}

Direction SourceFile::role() const {
  if (migration) return migration->direction;
  std::string name = path.filename().string();
  constexpr std::string_view k_down = "down.sql";
  if (name.size() >= k_down.size() &&
      iequals(std::string_view(name).substr(name.size() - k_down.size()), k_down)) {
    return Direction::down;
  }
  return Direction::up;
}

const SourceFile* MigrationSet::partner(const SourceFile& file) const {
  if (!file.migration || file.migration->partner < 0) return nullptr;
  return &files[static_cast<std::size_t>(file.migration->partner)];
}

std::vector<std::size_t> MigrationSet::migrations() const {
  std::vector<std::size_t> result;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].migration) result.push_back(i);
  }
  return result;
}

std::string MigrationSet::not_applied_warning() const {
  std::vector<const SourceFile*> others;
  for (const SourceFile& file : files) {
    if (file.is_sql && !file.migration) others.push_back(&file);
  }
  if (others.empty()) return {};
  std::string names;
  constexpr std::size_t k_shown = 3;
  for (std::size_t i = 0; i < others.size() && i < k_shown; ++i) {
    names += (i == 0 ? "" : ", ") + others[i]->display;
  }
  if (others.size() > k_shown) names += " and " + std::to_string(others.size() - k_shown) + " more";
  bool one = others.size() == 1;
  return std::to_string(others.size()) + (one ? " .sql file is" : " .sql files are") +
         " not named as a migration (VERSION_name.up.sql, VERSION_name.down.sql) and " +
         (one ? "is" : "are") + " never applied: " + names + " (sqlgate lint names the fix)";
}

std::ptrdiff_t MigrationSet::find(std::string_view display) const {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].display == display) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

MigrationSet make_set(std::vector<SourceFile> files) {
  MigrationSet set;
  // Migrations first, by (version, direction, name, display); then the others by display.
  // An order of indexes is sorted, and each file moved once.
  auto before = [](const SourceFile& a, const SourceFile& b) {
    if (a.migration.has_value() != b.migration.has_value()) return a.migration.has_value();
    if (a.migration) {
      const Migration& x = *a.migration;
      const Migration& y = *b.migration;
      if (auto c = x.version <=> y.version; c != 0) return c < 0;
      if (x.direction != y.direction) return x.direction < y.direction;
      if (int c = x.name.compare(y.name); c != 0) return c < 0;
    }
    return a.display < b.display;
  };
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return before(files[a], files[b]); });
  set.files.reserve(files.size());
  for (std::size_t i : order) set.files.push_back(std::move(files[i]));
  // Pair each migration with the other direction of its version, preferring the same name.
  // Files of one version are adjacent after the sort: pair within each run.
  std::size_t run_begin = 0;
  while (run_begin < set.files.size() && set.files[run_begin].migration) {
    const Version& version = set.files[run_begin].migration->version;
    std::size_t run_end = run_begin;
    while (run_end < set.files.size() && set.files[run_end].migration &&
           set.files[run_end].migration->version == version) {
      ++run_end;
    }
    for (std::size_t i = run_begin; i < run_end; ++i) {
      auto& mine = *set.files[i].migration;
      mine.partner = -1;
      for (std::size_t j = run_begin; j < run_end; ++j) {
        const auto& theirs = *set.files[j].migration;
        if (theirs.direction == mine.direction) continue;
        if (mine.partner < 0) mine.partner = static_cast<std::ptrdiff_t>(j);
        if (theirs.name == mine.name) {
          mine.partner = static_cast<std::ptrdiff_t>(j);
          break;
        }
      }
    }
    run_begin = run_end;
  }
  return set;
}

MigrationSet discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  MigrationSet set;
  Walker walker{options, set, {}, {}};
  for (const auto& given : paths) {
    std::string display = trim_trailing_slashes(given);
    fs::path path(display);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
      throw SourceError(display + ": no such file or folder");
    }
    if (ec) throw SourceError(display + ": cannot access: " + ec.message());
    if (fs::is_directory(status)) {
      walker.walk(path, display);
    } else {
      fs::path canonical = fs::weakly_canonical(path, ec);
      std::size_t before = set.files.size();
      walker.add_file(path, display, (ec ? path : canonical).native());
      if (set.files.size() > before && !set.files.back().is_sql && !set.files.back().migration) {
        set.warnings.push_back(display + ": not a .sql file, not linted");
      }
    }
  }
  read_texts(set.files);
  MigrationSet sorted = make_set(std::move(set.files));
  sorted.warnings = std::move(set.warnings);
  sorted.errors = std::move(set.errors);
  return sorted;
}

}  // namespace sqlgate::lint
