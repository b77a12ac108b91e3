#include <algorithm>
#include <iomanip>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "rules/registry.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {

void add_rules(CLI::App& app, Io& io, int& exit_code) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* sub = app.add_subcommand("rules", "List every rule");
  sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub->callback([format, &io, &exit_code] {
    const auto& all = rules::all();
    if (*format == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& rule : all) {
        list.push_back({{"id", rule.info.id},
                        {"category", lint::to_string(rule.info.category)},
                        {"severity", lint::to_string(rule.info.severity)},
                        {"enabled", rule.info.enabled},
                        {"fixable", rule.info.fix != lint::FixKind::none},
                        {"fix", lint::to_string(rule.info.fix)},
                        {"summary", rule.info.summary}});
      }
      io.out << nlohmann::ordered_json{{"rules", list}}.dump(2) << '\n';
    } else {
      std::size_t width = 4;
      for (const auto& rule : all) width = std::max(width, rule.info.id.size());
      io.out << std::left << std::setw(static_cast<int>(width + 2)) << "id" << std::setw(13)
             << "category" << std::setw(9) << "severity" << std::setw(9) << "fixable"
             << "summary\n";
      for (const auto& rule : all) {
        std::string severity(lint::to_string(rule.info.severity));
        if (!rule.info.enabled) severity += "*";
        io.out << std::left << std::setw(static_cast<int>(width + 2)) << rule.info.id
               << std::setw(13) << lint::to_string(rule.info.category) << std::setw(9) << severity
               << std::setw(9)
               << (rule.info.fix == lint::FixKind::none ? "-" : lint::to_string(rule.info.fix))
               << rule.info.summary << '\n';
      }
      io.out << "\n* opt-in: off unless --enable-all, --select or the config turns it on\n";
    }
    exit_code = k_exit_ok;
  });
}

}  // namespace sqlgate::cli
