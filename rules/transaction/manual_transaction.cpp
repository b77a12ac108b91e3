// manual-transaction: a migration with its own BEGIN ... COMMIT; the runner already gives each
// migration one transaction, shared with its version bump.
#include <string>

#include "lint/transaction.h"
#include "rules/transaction/transaction.h"

namespace sqlgate::rules::transaction {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// A statement with its ';' and, when nothing else shares its line, the whole line.
lint::TextRange statement_lines(const lint::ParsedFile& file, const lint::Statement& statement) {
  std::string_view text = file.text();
  lint::TextRange range = statement.range;
  std::uint32_t after = lint::skip_space_and_comments(text, range.end);
  if (after < text.size() && text[after] == ';') range.end = after + 1;
  std::uint32_t begin = range.begin;
  while (begin > 0 && is_blank(text[begin - 1])) --begin;
  std::uint32_t end = range.end;
  while (end < text.size() && is_blank(text[end])) ++end;
  bool line_start = begin == 0 || text[begin - 1] == '\n';
  bool line_end = end == text.size() || text[end] == '\n';
  if (line_start && line_end) {
    range.begin = begin;
    range.end = end < text.size() ? end + 1 : end;
  }
  return range;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  const auto& statements = file.statements();
  const lint::Statement* first = nullptr;
  std::size_t controls = 0;
  for (const lint::Statement& statement : statements) {
    if (!lint::controls_transaction(lint::transaction_kind(statement))) continue;
    if (first == nullptr) first = &statement;
    ++controls;
  }
  if (first == nullptr) return;
  auto finding = out.report(
      first->range,
      "this migration runs its own transaction; sqlgate already runs each migration in one, "
      "together with its version bump",
      "remove BEGIN and COMMIT: sqlgate then applies the file and records its version all or "
      "nothing; as written it runs under the dirty protocol, and a failure leaves the database "
      "dirty");
  // The fix, only for the plain shape: BEGIN first, COMMIT last, nothing else in between.
  const lint::Statement& begin = statements.front();
  const lint::Statement& commit = statements.back();
  if (controls == 2 && statements.size() > 2 && &begin == first &&
      lint::transaction_kind(begin) == lint::TransactionKind::begin && !begin.node.has("options") &&
      lint::transaction_kind(commit) == lint::TransactionKind::commit && !lint::chains(commit)) {
    finding.fix("Remove BEGIN and COMMIT", {lint::Edit{statement_lines(file, begin), ""},
                                            lint::Edit{statement_lines(file, commit), ""}});
  }
}

}  // namespace

lint::Rule manual_transaction() {
  return lint::Rule{
      .info = {.id = "manual-transaction",
               .category = lint::Category::transaction,
               .severity = lint::Severity::warning,
               .summary = "The migration runs its own BEGIN ... COMMIT; the runner already "
                          "wraps each migration in a transaction",
               .fix = lint::FixKind::safe},
      .check_file = check};
}

}  // namespace sqlgate::rules::transaction
