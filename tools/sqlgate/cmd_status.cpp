#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "runner/runner.h"
#include "tools/sqlgate/runner_cli.h"

namespace sqlgate::cli {
namespace {

std::string state_of(const runner::VersionStatus& v) {
  if (v.dirty) return "dirty";
  if (v.file_missing) return "file missing";
  if (v.edited) return "edited";
  if (v.applied) return "applied";
  if (v.out_of_order) return "out of order";
  if (v.up < 0) return "no up file";
  return "pending";
}

std::string duration(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1fms", ms);
  return buffer;
}

nlohmann::ordered_json version_json(std::int64_t version) {
  return version == runner::k_nil_version ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(version);
}

void write_json(std::ostream& out, const std::vector<runner::Source>& sources,
                const std::vector<runner::SourceStatus>& statuses) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& source = sources[i];
    const auto& status = statuses[i];
    nlohmann::ordered_json migrations = nlohmann::ordered_json::array();
    for (const auto& v : status.versions) {
      nlohmann::ordered_json entry{{"version", v.version},
                                   {"name", v.name},
                                   {"status", state_of(v)},
                                   {"applied", v.applied}};
      entry["up_file"] =
          v.up >= 0
              ? nlohmann::ordered_json(source.set.files[static_cast<std::size_t>(v.up)].display)
              : nlohmann::ordered_json(nullptr);
      entry["down_file"] =
          v.down >= 0
              ? nlohmann::ordered_json(source.set.files[static_cast<std::size_t>(v.down)].display)
              : nlohmann::ordered_json(nullptr);
      if (v.last_run) {
        entry["applied_at"] = v.last_run->applied_at;
        entry["duration_ms"] = v.last_run->duration_ms;
        entry["applied_by"] = v.last_run->applied_by;
        entry["checksum"] = v.last_run->checksum;
      } else {
        entry["applied_at"] = nullptr;
        entry["duration_ms"] = nullptr;
        entry["applied_by"] = nullptr;
        entry["checksum"] = nullptr;
      }
      if (v.applied && v.up >= 0) entry["file_checksum"] = v.checksum;
      migrations.push_back(std::move(entry));
    }
    list.push_back({{"name", source.name},
                    {"path", source.dir},
                    {"table", source.db->table().display()},
                    {"version", version_json(status.state.version)},
                    {"dirty", status.state.dirty},
                    {"drift", status.drift()},
                    {"migrations", std::move(migrations)}});
  }
  out << nlohmann::ordered_json{{"sources", list}}.dump(2) << '\n';
}

void write_text(std::ostream& out, const std::vector<runner::Source>& sources,
                const std::vector<runner::SourceStatus>& statuses) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& source = sources[i];
    const auto& status = statuses[i];
    if (i > 0) out << '\n';
    out << "source " << source.name << ": " << source.dir << " -> " << source.db->table().display()
        << ", version ";
    if (status.state.version == runner::k_nil_version) {
      out << "none";
    } else {
      out << status.state.version;
    }
    if (status.state.dirty) out << " (dirty)";
    out << '\n';
    if (status.versions.empty()) {
      out << "  no migrations\n";
      continue;
    }
    std::size_t version_width = 7;
    std::size_t name_width = 4;
    for (const auto& v : status.versions) {
      version_width = std::max(version_width, std::to_string(v.version).size());
      name_width = std::max(name_width, v.name.size());
    }
    auto row = [&](const std::string& version, const std::string& name, const std::string& state,
                   const std::string& at, const std::string& took) {
      std::string line = "  " + version + std::string(version_width - version.size() + 2, ' ') +
                         name + std::string(name_width - name.size() + 2, ' ') + state +
                         std::string(state.size() < 14 ? 14 - state.size() : 1, ' ') + at +
                         std::string(at.size() < 22 ? 22 - at.size() : 1, ' ') + took;
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    };
    row("version", "name", "status", "applied at", "duration");
    for (const auto& v : status.versions) {
      row(std::to_string(v.version), v.name, state_of(v), v.last_run ? v.last_run->applied_at : "",
          v.last_run ? duration(v.last_run->duration_ms) : "");
    }
  }
}

}  // namespace

void add_status(CLI::App& app, Io& io, int& exit_code) {
  auto settings = std::make_shared<RunnerSettings>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* sub = app.add_subcommand(
      "status",
      "Every migration of every source: applied, pending, out of order, edited, file missing");
  sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  add_connection_options(*sub, *settings);
  sub->callback([settings, format, &io, &exit_code] {
    exit_code = run_guarded(io, *settings, false, [&](RunnerContext& context) {
      runner::Runner runner(*context.session, context.sources, context.rules, context.options);
      auto statuses = runner.status();
      if (*format == "json") {
        write_json(io.out, context.sources, statuses);
      } else {
        write_text(io.out, context.sources, statuses);
      }
      return k_exit_ok;
    });
  });
}

}  // namespace sqlgate::cli
