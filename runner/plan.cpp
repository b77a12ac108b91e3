#include "runner/plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "runner/errors.h"
#include "runner/state.h"

namespace sqlgate::runner {
namespace {

std::string label(const VersionStatus& status) {
  return std::to_string(status.version) + (status.name.empty() ? "" : " " + status.name);
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += "\n  " + line;
  return text;
}

}  // namespace

std::vector<SourceMigration> index_migrations(const lint::MigrationSet& set) {
  std::map<std::int64_t, SourceMigration> by_version;
  std::vector<std::string> too_big;
  for (std::size_t i = 0; i < set.files.size(); ++i) {
    const lint::SourceFile& file = set.files[i];
    if (!file.migration) continue;
    auto version = file.migration->version.as_bigint();
    if (!version) {
      too_big.push_back(file.display);
      continue;
    }
    SourceMigration& entry = by_version[*version];
    entry.version = *version;
    std::ptrdiff_t& slot = file.migration->direction == lint::Direction::up ? entry.up : entry.down;
    if (slot >= 0) {
      throw RunRefused("duplicate migration version " + std::to_string(*version) + ": " +
                       set.files[static_cast<std::size_t>(slot)].display + " and " + file.display +
                       "; give one of them a new version");
    }
    slot = static_cast<std::ptrdiff_t>(i);
    if (entry.name.empty() || file.migration->direction == lint::Direction::up) {
      entry.name = file.migration->name;
    }
  }
  if (!too_big.empty()) {
    std::string list;
    for (const auto& name : too_big) list += "\n  " + name;
    throw RunRefused(
        "these versions do not fit golang-migrate's version column (bigint, at most "
        "9223372036854775807):" +
        list + "\nrename them with a 14-digit timestamp or a sequence number");
  }
  std::vector<SourceMigration> migrations;
  migrations.reserve(by_version.size());
  for (auto& [version, entry] : by_version) migrations.push_back(std::move(entry));
  return migrations;
}

bool SourceStatus::drift() const {
  return std::any_of(versions.begin(), versions.end(),
                     [](const VersionStatus& v) { return v.edited || v.file_missing; });
}

const VersionStatus* SourceStatus::find(std::int64_t version) const {
  auto it = std::lower_bound(
      versions.begin(), versions.end(), version,
      [](const VersionStatus& status, std::int64_t value) { return status.version < value; });
  return it != versions.end() && it->version == version ? &*it : nullptr;
}

SourceStatus compute_status(const lint::MigrationSet& set,
                            const std::vector<SourceMigration>& migrations, const StateRow& state,
                            const std::vector<HistoryEntry>& history) {
  std::vector<std::int64_t> file_versions;
  file_versions.reserve(migrations.size());
  for (const auto& migration : migrations) file_versions.push_back(migration.version);

  std::set<std::int64_t> applied;
  std::map<std::int64_t, const HistoryEntry*> last_up;
  std::map<std::int64_t, std::string> recorded_names;
  // The version moved from `from` to `to` without a record of each migration (another tool,
  // force): as golang-migrate reads it, every version in between went with it.
  auto reconcile = [&](std::int64_t from, std::int64_t to) {
    if (to > from) {
      auto begin = std::upper_bound(file_versions.begin(), file_versions.end(), from);
      auto end = std::upper_bound(file_versions.begin(), file_versions.end(), to);
      applied.insert(begin, end);
    } else if (to < from) {
      applied.erase(applied.upper_bound(to), applied.upper_bound(from));
      for (auto it = last_up.upper_bound(to); it != last_up.end() && it->first <= from;) {
        it = last_up.erase(it);
      }
    }
  };
  std::int64_t at = k_nil_version;
  for (const HistoryEntry& row : history) {
    if (!row.name.empty()) recorded_names[row.version] = row.name;
    if (row.version_before != at) reconcile(at, row.version_before);
    if (row.action == "up" || row.action == "down") {
      if (row.status == "applied") {
        if (row.action == "up") {
          applied.insert(row.version);
          last_up[row.version] = &row;
        } else {
          applied.erase(row.version);
          last_up.erase(row.version);
        }
      }
    } else {  // force, recover: the version was set, not migrated
      reconcile(row.version_before, row.version_after);
      if (row.action == "force" && row.version_after >= 0) applied.insert(row.version_after);
    }
    at = row.version_after;
  }
  reconcile(at, state.version);
  if (state.version >= 0) applied.insert(state.version);

  SourceStatus status;
  status.state = state;
  std::map<std::int64_t, VersionStatus> by_version;
  for (const auto& migration : migrations) {
    VersionStatus& entry = by_version[migration.version];
    entry.version = migration.version;
    entry.name = migration.name;
    entry.up = migration.up;
    entry.down = migration.down;
  }
  for (std::int64_t version : applied) {
    VersionStatus& entry = by_version[version];
    entry.version = version;
    entry.applied = true;
    if (entry.name.empty()) {
      auto name = recorded_names.find(version);
      if (name != recorded_names.end()) entry.name = name->second;
    }
  }
  for (auto& [version, entry] : by_version) {
    entry.dirty = state.dirty && version == state.version;
    if (auto it = last_up.find(version); it != last_up.end()) entry.last_run = *it->second;
    if (entry.applied) {
      entry.file_missing = entry.up < 0;
      if (entry.up >= 0) {
        entry.checksum = sha256_hex(set.files[static_cast<std::size_t>(entry.up)].text);
        entry.edited = entry.last_run && !entry.last_run->checksum.empty() &&
                       entry.last_run->checksum != entry.checksum;
      }
    } else {
      entry.out_of_order = entry.up >= 0 && version < state.version;
    }
    status.versions.push_back(std::move(entry));
  }
  return status;
}

std::vector<PlannedStep> make_plan(const SourceStatus& status, const PlanRequest& request) {
  if (status.state.dirty) throw DirtyDatabase(status.state.version);
  const auto& versions = status.versions;
  std::vector<PlannedStep> steps;

  auto check_up = [&](std::int64_t limit) {
    std::vector<std::string> drift;
    std::vector<std::string> out_of_order;
    for (const auto& v : versions) {
      if (v.edited) {
        drift.push_back(label(v) + ": edited after it was applied (SHA-256 recorded " +
                        v.last_run->checksum.substr(0, 12) + "..., now " +
                        v.checksum.substr(0, 12) + "...)");
      }
      if (v.file_missing) drift.push_back(label(v) + ": applied, but its up file is gone");
      if (v.out_of_order && v.version <= limit) out_of_order.push_back(label(v));
    }
    if (!drift.empty() && !request.allow_drift) {
      throw RunRefused(
          "applied migrations differ from their files:" + join_lines(drift) +
          "\nrestore the files as they were applied, or write a new migration for the change; "
          "--allow-drift runs anyway");
    }
    if (!out_of_order.empty() && !request.allow_out_of_order) {
      throw RunRefused("pending migrations below the applied version " +
                       std::to_string(status.state.version) +
                       " (golang-migrate would skip them):" + join_lines(out_of_order) +
                       "\ngive them versions above it, or run them with --allow-out-of-order");
    }
  };
  auto plan_up = [&](std::int64_t limit, std::optional<std::int64_t> count) {
    check_up(limit);
    std::int64_t at = status.state.version;
    for (const auto& v : versions) {
      if (count && static_cast<std::int64_t>(steps.size()) >= *count) break;
      if (!v.pending() || v.version > limit) continue;
      PlannedStep step{v.version,
                       v.name,
                       lint::Direction::up,
                       static_cast<std::size_t>(v.up),
                       at,
                       std::max(at, v.version)};
      at = step.after;
      steps.push_back(std::move(step));
    }
  };
  auto plan_down = [&](std::int64_t floor, std::optional<std::int64_t> count) {
    std::vector<const VersionStatus*> applied;
    for (const auto& v : versions) {
      if (v.applied) applied.push_back(&v);
    }
    std::int64_t at = status.state.version;
    for (std::size_t i = applied.size(); i-- > 0;) {
      const VersionStatus& v = *applied[i];
      if (v.version <= floor) break;
      if (count && static_cast<std::int64_t>(steps.size()) >= *count) break;
      if (v.down < 0) {
        throw RunRefused("version " + label(v) + " has no down file" +
                         (v.up < 0 ? " (nor an up file)" : "") +
                         ": it cannot be reverted; write its down migration, or `sqlgate force` "
                         "the version after reverting it by hand");
      }
      std::int64_t after = i > 0 ? applied[i - 1]->version : k_nil_version;
      steps.push_back(PlannedStep{v.version, v.name, lint::Direction::down,
                                  static_cast<std::size_t>(v.down), at, after});
      at = after;
    }
  };

  switch (request.goal) {
    case Goal::up:
      plan_up(INT64_MAX, request.count);
      break;
    case Goal::down:
      plan_down(k_nil_version, request.count.value_or(1));
      break;
    case Goal::down_all:
      plan_down(k_nil_version, std::nullopt);
      break;
    case Goal::to_version: {
      const VersionStatus* target = status.find(request.target);
      if (target == nullptr || (target->up < 0 && target->down < 0 && !target->applied)) {
        throw std::invalid_argument("no migration with version " + std::to_string(request.target));
      }
      if (target->applied) {
        plan_down(target->version, std::nullopt);
      } else {
        if (target->up < 0) {
          throw std::invalid_argument("version " + std::to_string(request.target) +
                                      " has no up file to migrate to");
        }
        plan_up(target->version, std::nullopt);
      }
      break;
    }
  }
  return steps;
}

}  // namespace sqlgate::runner
