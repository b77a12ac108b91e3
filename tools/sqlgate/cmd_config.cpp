// `sqlgate config --print`: the effective configuration and where each value came from.
#include <filesystem>
#include <memory>
#include <variant>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "lint/config.h"
#include "rules/registry.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ConfigCommandArgs {
  ConfigArgs config;
  bool print = false;
  std::string format = "text";
};

Json option_json(const lint::OptionValue& value) {
  return std::visit([](const auto& v) { return Json(v); }, value);
}

std::string level_name(bool active, lint::Severity severity) {
  return active ? std::string(lint::to_string(severity)) : "off";
}

Json rule_entry_json(const lint::RuleConfig& entry) {
  Json value = Json::object();
  if (entry.has_level) {
    value["severity"] = entry.severity ? std::string(lint::to_string(*entry.severity)) : "off";
  }
  for (const auto& [name, option] : entry.options.values()) value[name] = option_json(option);
  if (value.size() == 1 && value.contains("severity")) return value["severity"];
  return value;
}

// Every setting as (key, value, origin), in the order the reference documents them.
struct Row {
  std::string key;
  Json value;
  std::string origin;
};

std::vector<Row> settings(const lint::Config& config) {
  std::vector<Row> rows;
  if (config.sources.value.empty()) {
    rows.push_back({"paths", Json(config.paths.value), config.paths.origin.describe()});
  } else {
    Json sources = Json::object();
    for (std::size_t i = 0; i < config.sources.value.size(); ++i) {
      const auto& source = config.sources.value[i];
      sources[source.name] = Json{{"path", source.path}, {"table", config.table_for(i)}};
    }
    rows.push_back({"sources", std::move(sources), config.sources.origin.describe()});
    if (config.paths.origin.kind == lint::Origin::Kind::flag) {
      rows.push_back({"paths", Json(config.paths.value), config.paths.origin.describe()});
    }
  }
  rows.push_back({"pg_version", config.pg_version.value, config.pg_version.origin.describe()});
  rows.push_back(
      {"fail_on", lint::to_string(config.fail_on.value), config.fail_on.origin.describe()});
  rows.push_back({"naming", lint::to_string(config.naming.value), config.naming.origin.describe()});
  rows.push_back({"migrations_table", config.migrations_table.value,
                  config.migrations_table.origin.describe()});
  rows.push_back({"lock_timeout", lint::format_duration(config.lock_timeout.value),
                  config.lock_timeout.origin.describe()});
  rows.push_back({"docs_url", config.docs_url.value, config.docs_url.origin.describe()});
  return rows;
}

// The level of every rule (and its options) and where it came from: the rule's own entry, its
// category's, or the default.
std::vector<Row> rule_rows(const lint::Config& config, const lint::RuleSet& rules) {
  std::vector<Row> rows;
  for (const auto& rule : rules.all()) {
    std::string id(rule.info.id);
    std::string origin = "default";
    auto category = config.rules.find(std::string(lint::to_string(rule.info.category)));
    if (category != config.rules.end() && category->second.has_level) {
      origin = category->second.origin.describe() + " (rules." + category->first + ")";
    }
    auto own = config.rules.find(id);
    if (own != config.rules.end()) origin = own->second.origin.describe();
    Json value = level_name(rules.active(id), rules.severity(id));
    const lint::RuleOptions& options = rules.options(id);
    if (!options.empty()) {
      value = Json{{"severity", value}};
      for (const auto& [name, option] : options.values()) value[name] = option_json(option);
    }
    rows.push_back({id, std::move(value), origin});
  }
  return rows;
}

void print_rows(std::ostream& out, const std::vector<Row>& rows, const std::string& indent) {
  std::size_t key_width = 0;
  std::size_t value_width = 0;
  std::vector<std::string> values;
  for (const auto& row : rows) {
    key_width = std::max(key_width, row.key.size());
    values.push_back(row.value.is_string() ? row.value.get<std::string>() : row.value.dump());
    if (values.back().empty()) values.back() = "(none)";
    value_width = std::max(value_width, std::min<std::size_t>(values.back().size(), 48));
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out << indent << rows[i].key << std::string(key_width - rows[i].key.size() + 2, ' ')
        << values[i];
    std::size_t pad = values[i].size() < value_width ? value_width - values[i].size() : 0;
    out << std::string(pad + 2, ' ') << "# " << rows[i].origin << '\n';
  }
}

int run_config(const ConfigCommandArgs& args, Io& io) {
  if (!args.print) throw UsageError("config: say what to do: --print");
  lint::RuleSet rules = rules::make_rule_set();
  lint::Config config = load_config(args.config, rules);
  rules.configure(config.selection(rules));
  auto cwd = std::filesystem::current_path();

  if (args.format == "json") {
    Json document = Json::object();
    document["file"] = config.file ? Json(config.file->string()) : Json(nullptr);
    Json values = Json::object();
    for (const auto& row : settings(config)) {
      values[row.key] = Json{{"value", row.value}, {"origin", row.origin}};
    }
    document["settings"] = std::move(values);
    document["lint_paths"] = config.lint_paths(cwd);
    Json rule_levels = Json::object();
    for (const auto& row : rule_rows(config, rules)) {
      rule_levels[row.key] = Json{{"value", row.value}, {"origin", row.origin}};
    }
    document["rules"] = std::move(rule_levels);
    Json overrides = Json::array();
    for (const auto& entry : config.overrides) {
      Json rules_json = Json::object();
      for (const auto& [name, rule] : entry.rules) rules_json[name] = rule_entry_json(rule);
      overrides.push_back(Json{{"files", entry.files},
                               {"rules", std::move(rules_json)},
                               {"origin", entry.origin.describe()}});
    }
    document["overrides"] = std::move(overrides);
    io.out << document.dump(2) << '\n';
    return k_exit_ok;
  }

  io.out << "# configuration file: "
         << (config.file ? config.file->string() : "none (no .sqlgate.json here or above)") << '\n';
  print_rows(io.out, settings(config), "");
  io.out << "\n# linted: ";
  auto paths = config.lint_paths(cwd);
  for (std::size_t i = 0; i < paths.size(); ++i) io.out << (i ? " " : "") << paths[i];
  io.out << "\n\nrules:\n";
  std::vector<Row> configured;
  for (auto& row : rule_rows(config, rules)) {
    if (row.origin != "default") configured.push_back(std::move(row));
  }
  print_rows(io.out, configured, "  ");
  io.out << "  (every other rule: its default level; `sqlgate rules` lists them)\n";
  if (!config.overrides.empty()) {
    io.out << "\noverrides (later ones win):\n";
    for (const auto& entry : config.overrides) {
      Json rules_json = Json::object();
      for (const auto& [name, rule] : entry.rules) rules_json[name] = rule_entry_json(rule);
      io.out << "  files " << Json(entry.files).dump() << ": " << rules_json.dump() << "  # "
             << entry.origin.describe() << '\n';
    }
  }
  return k_exit_ok;
}

}  // namespace

void add_config(CLI::App& app, Io& io, int& exit_code) {
  auto args = std::make_shared<ConfigCommandArgs>();
  CLI::App* sub = app.add_subcommand(
      "config", "Show the effective configuration (.sqlgate.json and flags) and its origins");
  sub->add_flag("--print", args->print, "Print every setting with where it came from");
  sub->add_option("--format", args->format, "Output format (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  add_config_options(*sub, args->config);
  sub->callback([args, &io, &exit_code] { exit_code = run_config(*args, io); });
}

}  // namespace sqlgate::cli
