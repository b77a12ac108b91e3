// SARIF 2.1.0 (OASIS), with what GitHub code scanning reads: the rules with their pages as
// help, one location per result with a full region, related locations, partial fingerprints,
// and fixes as artifact changes. Columns count Unicode code points (run.columnKind).
#include <map>

#include <nlohmann/json.hpp>

#include "lint/report/report.h"
#include "lint/sql.h"

namespace sqlgate::lint::report {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view k_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view k_root_id = "%SRCROOT%";

// RFC 3986: everything but unreserved characters and '/' is percent-encoded.
std::string percent_encode(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool keep = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                c == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

Json artifact_location(std::string_view file) {
  std::string path = ci_path(file);
  if (path.starts_with('/')) return Json{{"uri", "file://" + percent_encode(path)}};
  return Json{{"uri", percent_encode(path)}, {"uriBaseId", k_root_id}};
}

Json region(Position start, Position end) {
  return Json{{"startLine", start.line},
              {"startColumn", start.column},
              {"endLine", end.line},
              {"endColumn", end.column}};
}

// "require-if-not-exists" -> "RequireIfNotExists"
std::string pascal_case(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

std::string message_text(const Diagnostic& d) {
  return d.help.empty() ? d.message : d.message + "\nhelp: " + d.help;
}

class Positions {
 public:
  explicit Positions(const MigrationSet& set) : m_set(set) {}

  Position at(const std::string& file, std::uint32_t offset) {
    auto found = m_set.find(file);
    if (found < 0) return Position{1, 1};
    const auto& text = m_set.files[static_cast<std::size_t>(found)].text;
    auto [it, added] = m_indexes.try_emplace(file, text);
    return it->second.position(offset);
  }

 private:
  const MigrationSet& m_set;
  std::map<std::string, LineIndex> m_indexes;
};

Json rule_descriptor(const RuleInfo& rule, const RunInfo& run) {
  std::string summary(rule.summary);
  Json descriptor{{"id", rule.id},
                  {"name", pascal_case(rule.id)},
                  {"shortDescription", {{"text", summary}}},
                  {"fullDescription", {{"text", summary}}}};
  std::string page(rule.doc);
  if (page.empty()) page = summary;
  descriptor["help"] = Json{{"text", page}, {"markdown", page}};
  if (std::string url = rule_url(run.docs_url, rule); !url.empty()) descriptor["helpUri"] = url;
  descriptor["defaultConfiguration"] =
      Json{{"enabled", rule.enabled}, {"level", note_level(rule.severity)}};
  descriptor["properties"] = Json{{"tags", Json::array({to_string(rule.category)})},
                                  {"category", to_string(rule.category)},
                                  {"fix", to_string(rule.fix)}};
  return descriptor;
}

}  // namespace

void write_sarif(std::ostream& out, const LintResult& result, const MigrationSet& set,
                 const RunInfo& run) {
  // The rules that ran, then any other rule that reported.
  std::vector<RuleInfo> infos;
  if (run.rules != nullptr) {
    for (const auto& rule : run.rules->all()) {
      if (run.rules->active_anywhere(rule.info.id)) infos.push_back(rule.info);
    }
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < infos.size(); ++i) index.emplace(std::string(infos[i].id), i);
  for (const auto& d : result.diagnostics) {
    if (index.contains(d.rule)) continue;
    RuleInfo info;
    info.category = d.category;
    info.severity = d.severity;
    index.emplace(d.rule, infos.size());
    infos.push_back(info);
  }
  // RuleInfo ids are views: keep the strings of rules known only from their findings alive.
  std::vector<std::string> ids;
  ids.reserve(infos.size());
  for (const auto& [id, i] : index) {
    if (infos[i].id.empty()) {
      ids.push_back(id);
      infos[i].id = ids.back();
      infos[i].summary = infos[i].id;
    }
  }

  Json rules = Json::array();
  Json overrides = Json::array();
  for (std::size_t i = 0; i < infos.size(); ++i) {
    rules.push_back(rule_descriptor(infos[i], run));
    if (run.rules == nullptr || run.rules->find(infos[i].id) == nullptr) continue;
    // How this run configured it, where that differs from the rule's default.
    bool active = run.rules->active(infos[i].id);
    Severity severity = run.rules->severity(infos[i].id);
    if (active != infos[i].enabled || (active && severity != infos[i].severity)) {
      Json configuration{{"enabled", active}};
      if (active) configuration["level"] = note_level(severity);
      overrides.push_back(Json{{"descriptor", {{"id", infos[i].id}, {"index", i}}},
                               {"configuration", std::move(configuration)}});
    }
  }

  Json driver{{"name", "sqlgate"}};
  if (!run.version.empty()) {
    driver["version"] = run.version;
    driver["semanticVersion"] = run.version;
  }
  driver["rules"] = std::move(rules);

  Positions positions(set);
  std::vector<std::string> prints = fingerprints(result, set);
  Json results = Json::array();
  for (std::size_t n = 0; n < result.diagnostics.size(); ++n) {
    const Diagnostic& d = result.diagnostics[n];
    Json item{{"ruleId", d.rule},
              {"ruleIndex", index.at(d.rule)},
              {"level", note_level(d.severity)},
              {"message", {{"text", message_text(d)}}}};
    item["locations"] = Json::array({Json{
        {"physicalLocation",
         {{"artifactLocation", artifact_location(d.file)}, {"region", region(d.start, d.end)}}}}});
    if (!d.related.empty()) {
      Json related = Json::array();
      for (std::size_t r = 0; r < d.related.size(); ++r) {
        const Related& place = d.related[r];
        Position end = positions.at(place.file, place.range.end);
        if (end < place.start) end = place.start;
        related.push_back(Json{{"id", r + 1},
                               {"message", {{"text", place.message}}},
                               {"physicalLocation",
                                {{"artifactLocation", artifact_location(place.file)},
                                 {"region", region(place.start, end)}}}});
      }
      item["relatedLocations"] = std::move(related);
    }
    item["partialFingerprints"] = Json{{"sqlgate/v1", prints[n]}};
    if (d.fix) {
      const std::string& target = d.fix->file.empty() ? d.file : d.fix->file;
      Json replacements = Json::array();
      for (const auto& edit : d.fix->edits) {
        replacements.push_back(Json{{"deletedRegion", region(positions.at(target, edit.range.begin),
                                                             positions.at(target, edit.range.end))},
                                    {"insertedContent", {{"text", edit.text}}}});
      }
      std::string description = d.fix->title + (d.fix->safe ? "" : " (unsafe: changes behaviour)");
      item["fixes"] = Json::array({Json{
          {"description", {{"text", description}}},
          {"artifactChanges", Json::array({Json{{"artifactLocation", artifact_location(target)},
                                                {"replacements", std::move(replacements)}}})}}});
    }
    item["properties"] = Json{{"category", to_string(d.category)}};
    results.push_back(std::move(item));
  }

  Json invocation{{"executionSuccessful", result.io_errors.empty()}};
  if (!overrides.empty()) invocation["ruleConfigurationOverrides"] = std::move(overrides);
  if (!result.io_errors.empty()) {
    Json notifications = Json::array();
    for (const auto& error : result.io_errors) {
      notifications.push_back(
          Json{{"level", "error"}, {"message", {{"text", "cannot read " + error}}}});
    }
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }

  Json sarif_run{{"tool", {{"driver", std::move(driver)}}}};
  if (!run.root.empty()) {
    std::string root = run.root.generic_string();
    if (!root.ends_with('/')) root += '/';
    sarif_run["originalUriBaseIds"] =
        Json{{k_root_id, {{"uri", "file://" + percent_encode(root)}}}};
  }
  sarif_run["invocations"] = Json::array({std::move(invocation)});
  sarif_run["columnKind"] = "unicodeCodePoints";
  sarif_run["results"] = std::move(results);

  Json document{{"$schema", k_schema}, {"version", "2.1.0"}, {"runs", Json::array({sarif_run})}};
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace sqlgate::lint::report
