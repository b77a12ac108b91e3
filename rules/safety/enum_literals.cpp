#include "rules/safety/enum_literals.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "lint/pg_facts.h"
#include "lint/table_state.h"

namespace sqlgate::rules {

namespace {

bool same_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<Refusal> unknown_enum_label(const lint::Project& project,
                                          const lint::Catalog& catalog, lint::ObjectId column,
                                          lint::Tick tick, const lint::Node& value) {
  if (!value.valid() || !value.is("A_Const") || !value.has("sval")) return std::nullopt;
  std::string text(value.get("sval").str("sval"));
  std::optional<lint::ColumnEnum> known = lint::column_enum_before(project, catalog, column, tick);
  if (!known) return std::nullopt;
  const auto& labels = known->labels.labels;
  if (std::any_of(labels.begin(), labels.end(),
                  [&](const lint::EnumLabel& label) { return label.label == text; })) {
    return std::nullopt;
  }
  const lint::ObjectRef& type = catalog.object(known->type).ref_at(tick);
  std::string type_name = type.schema.empty() || type.schema == "public"
                              ? lint::sql_identifier(type.name)
                              : lint::sql_name(type.schema, type.name);
  std::string listed;
  const lint::EnumLabel* folded = nullptr;
  for (const lint::EnumLabel& label : labels) {
    listed += (listed.empty() ? "" : ", ") + lint::sql_literal(label.label);
    if (folded == nullptr && same_folded(label.label, text)) folded = &label;
  }
  std::string column_name = lint::sql_identifier(catalog.object(column).ref_at(tick).name);
  Refusal refusal;
  refusal.why = "column " + column_name + " is of enum " + type_name + ", which has no label " +
                lint::sql_literal(text) + " at this point of the migrations (its labels: " +
                (listed.empty() ? "none" : listed) + ")";
  auto renamed = std::find_if(known->labels.renamed.begin(), known->labels.renamed.end(),
                              [&](const lint::EnumLabel& gone) { return gone.label == text; });
  if (renamed != known->labels.renamed.end()) {
    refusal.why += "; " + project.source(renamed->given.file).display + " renamed it";
  }
  refusal.message = "invalid input value for enum " + type_name + ": " + in_quotes(text);
  refusal.help = folded != nullptr
                     ? "labels are case-sensitive: write " + lint::sql_literal(folded->label)
                     : "write one of the enum's labels, or add the label in an earlier migration "
                       "(ALTER TYPE " +
                           type_name + " ADD VALUE " + lint::sql_literal(text) + ")";
  return refusal;
}

std::optional<lint::TextRange> string_constant_range(std::string_view file_text,
                                                     const lint::Statement& statement,
                                                     std::optional<std::uint32_t> location) {
  if (!location || !statement.exact) return std::nullopt;
  std::uint32_t begin = statement.offset(location);
  if (begin >= file_text.size() || file_text[begin] != '\'') return std::nullopt;
  std::size_t end = begin + 1;
  while (end < file_text.size() && (file_text[end] != '\'' || file_text.substr(end, 2) == "''")) {
    end += file_text[end] == '\'' ? 2 : 1;
  }
  auto close = static_cast<std::uint32_t>(std::min(end + 1, file_text.size()));
  return lint::TextRange{begin, std::min(close, statement.range.end)};
}

}  // namespace sqlgate::rules
