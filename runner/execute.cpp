#include "runner/execute.h"

#include <algorithm>
#include <charconv>

#include "lint/plpgsql.h"

namespace sqlgate::runner {
namespace {

bool opens_transaction(const lint::Statement& statement) {
  std::string_view kind = statement.node.str("kind");
  return statement.kind() == "TransactionStmt" &&
         (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START");
}

// The transaction control statements that make a file manage its own transaction.
bool opens_or_ends_transaction(const lint::Statement& statement) {
  if (statement.kind() != "TransactionStmt") return false;
  std::string_view kind = statement.node.str("kind");
  return opens_transaction(statement) || kind == "TRANS_STMT_COMMIT" ||
         kind == "TRANS_STMT_ROLLBACK" || kind == "TRANS_STMT_PREPARE" ||
         kind == "TRANS_STMT_COMMIT_PREPARED" || kind == "TRANS_STMT_ROLLBACK_PREPARED";
}

// Decodes one UTF-8 code point at text[i]; returns its length (1 for a stray byte).
std::size_t decode(std::string_view text, std::size_t i, char32_t& code) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + length > text.size()) length = 1;
  code = length == 1 ? c : c & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
  return length;
}

// Screen columns libpq gives a character when it draws the caret line: two for East Asian wide
// characters, one for everything else (it counts zero-width characters as one).
unsigned display_width(char32_t c) {
  bool wide =
      c >= 0x1100 &&
      (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF && (c & ~0x0011U) != 0x300A && c != 0x303F) ||
       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
       (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF5F) ||
       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
       (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD));
  return wide ? 2 : 1;
}

// Byte offset where 1-based line `line` of text starts, counting lines as libpq does (\r, \n
// and \r\n each end one); nothing when the text is shorter.
std::optional<std::size_t> libpq_line_start(std::string_view text, std::uint32_t line) {
  std::uint32_t current = 1;
  std::size_t i = 0;
  while (current < line) {
    std::size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) return std::nullopt;
    i = end + 1;
    if (text[end] == '\r' && i < text.size() && text[i] == '\n') ++i;
    ++current;
  }
  return i;
}

// Line N of a DO block's body from a context line "PL/pgSQL function inline_code_block line N".
std::optional<std::uint32_t> inline_block_line(std::string_view context) {
  constexpr std::string_view k_marker = "inline_code_block line ";
  auto at = context.find(k_marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::uint32_t line = 0;
  const char* begin = context.data() + at + k_marker.size();
  auto [end, error] = std::from_chars(begin, context.data() + context.size(), line);
  if (error != std::errc() || end == begin || line == 0) return std::nullopt;
  return line;
}

// Where in the file an error inside a DO block stands: the line of the body the PL/pgSQL
// context names, refined to the failing query and PostgreSQL's position in it when found there.
std::optional<std::uint32_t> do_block_offset(const lint::ParsedFile& file,
                                             const lint::Statement& statement,
                                             const ServerMessage& message) {
  if (statement.kind() != "DoStmt") return std::nullopt;
  auto line = inline_block_line(message.context);
  auto body = lint::do_body(file.text(), statement);
  if (!line || !body || !body->exact) return std::nullopt;
  std::uint32_t body_line = file.position(body->range.begin).line;
  std::uint32_t at =
      *line == 1 ? body->range.begin : file.lines().line_start(body_line + *line - 1);
  if (at >= body->range.end) return std::nullopt;
  std::string_view text = file.text();
  if (!message.query.empty()) {
    auto found = text.find(message.query, at);
    if (found != std::string_view::npos && found + message.query.size() <= body->range.end) {
      ServerMessage inner = message;
      inner.query.clear();
      auto within = error_offset(inner, message.query);
      return static_cast<std::uint32_t>(found + within.value_or(0));
    }
  }
  return lint::skip_space_and_comments(text, at);
}

MigrationFailure failure_from(const lint::ParsedFile& file, const SqlError& error) {
  ServerMessage message = parse_server_message(error.what());
  MigrationFailure failure;
  failure.file = file.display();
  failure.sqlstate = error.sqlstate();
  failure.message = message.message.empty() ? std::string(error.what()) : message.message;
  failure.detail = message.detail;
  failure.hint = message.hint;
  failure.context = message.context;
  return failure;
}

void place(MigrationFailure& failure, const lint::ParsedFile& file, std::uint32_t offset) {
  failure.offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(file.text().size()));
  failure.position = file.position(failure.offset);
}

// Places a failure of one statement: PostgreSQL's position in it, else its line in a DO block,
// else its first token.
void place_in_statement(MigrationFailure& failure, const lint::ParsedFile& file, std::size_t index,
                        const SqlError& error, SentText sent) {
  const lint::Statement& statement = file.statements()[index];
  failure.statement = static_cast<std::ptrdiff_t>(index);
  ServerMessage message = parse_server_message(error.what());
  if (auto offset = error_offset(message, sent.text)) {
    std::int64_t at = static_cast<std::int64_t>(*offset) + sent.shift;
    if (at >= statement.range.begin && at <= statement.range.end) {
      place(failure, file, static_cast<std::uint32_t>(at));
      return;
    }
  }
  if (auto offset = do_block_offset(file, statement, message)) {
    place(failure, file, *offset);
    return;
  }
  place(failure, file, statement.range.begin);
}

// A file that runs its own transaction must also end it: inside a transaction block the
// transaction began before the current statement.
std::optional<MigrationFailure> check_closed(Session& session, const lint::ParsedFile& file) {
  Rows open = session.query("SELECT transaction_timestamp() <> statement_timestamp()");
  if (open.rows.empty() || open.rows[0][0] != "t") return std::nullopt;
  session.execute("ROLLBACK");
  MigrationFailure failure;
  failure.file = file.display();
  failure.message = "the file opens a transaction that it does not end; it was rolled back";
  failure.hint = "end it with COMMIT";
  const auto& statements = file.statements();
  for (std::size_t i = statements.size(); i-- > 0;) {
    if (opens_transaction(statements[i])) {
      failure.statement = static_cast<std::ptrdiff_t>(i);
      place(failure, file, statements[i].range.begin);
      break;
    }
  }
  return failure;
}

}  // namespace

TransactionMode transaction_mode(const lint::ParsedFile& file) {
  if (file.has_directive(lint::DirectiveKind::no_transaction)) return TransactionMode::none;
  for (const lint::Statement& statement : file.statements()) {
    if (opens_or_ends_transaction(statement)) return TransactionMode::own;
  }
  return TransactionMode::single;
}

std::string_view to_string(TransactionMode mode) {
  switch (mode) {
    case TransactionMode::single:
      return "single";
    case TransactionMode::none:
      return "none";
    case TransactionMode::own:
      break;
  }
  return "own";
}

ServerMessage parse_server_message(std::string_view text) {
  ServerMessage result;
  std::string* field = &result.message;
  bool first = true;
  bool after_line = false;
  std::size_t prefix_width = 0;  // of "LINE n: ", which the caret line counts too
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    i = end + 1;
    if (first) {
      first = false;
      auto colon = line.find(":  ");
      if (colon != std::string_view::npos && colon > 0 &&
          std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                      [](char c) { return c >= 'A' && c <= 'Z'; })) {
        result.severity = std::string(line.substr(0, colon));
        result.message = std::string(line.substr(colon + 3));
      } else {
        result.message = std::string(line);
      }
      continue;
    }
    if (after_line) {
      after_line = false;
      auto caret = line.find_first_not_of(' ');
      if (caret != std::string_view::npos && line[caret] == '^') {
        result.caret = static_cast<std::uint32_t>(caret >= prefix_width ? caret - prefix_width : 0);
        continue;
      }
    }
    struct Label {
      std::string_view prefix;
      std::string* field;
    };
    const Label labels[] = {{"DETAIL:  ", &result.detail}, {"HINT:  ", &result.hint},
                            {"QUERY:  ", &result.query},   {"CONTEXT:  ", &result.context},
                            {"LOCATION:  ", nullptr},      {"STATEMENT:  ", nullptr}};
    bool labelled = false;
    for (const Label& label : labels) {
      if (line.starts_with(label.prefix)) {
        field = label.field;
        if (field != nullptr) *field = std::string(line.substr(label.prefix.size()));
        labelled = true;
        break;
      }
    }
    if (labelled) continue;
    if (line.starts_with("LINE ") && result.line == 0) {
      std::uint32_t number = 0;
      auto [end_number, error] =
          std::from_chars(line.data() + 5, line.data() + line.size(), number);
      std::string_view rest = line.substr(static_cast<std::size_t>(end_number - line.data()));
      if (error == std::errc() && number > 0 && rest.starts_with(": ")) {
        result.line = number;
        result.line_text = std::string(rest.substr(2));
        prefix_width = static_cast<std::size_t>(end_number - line.data()) + 2;
        after_line = true;
        field = nullptr;
        continue;
      }
    }
    if (field != nullptr) {
      *field += '\n';
      *field += line;
    }
  }
  return result;
}

std::optional<std::uint32_t> error_offset(const ServerMessage& message, std::string_view sent) {
  if (message.line == 0 || !message.query.empty()) return std::nullopt;
  auto start = libpq_line_start(sent, message.line);
  if (!start) return std::nullopt;
  std::size_t end = sent.find_first_of("\r\n", *start);
  if (end == std::string_view::npos) end = sent.size();
  std::string line(sent.substr(*start, end - *start));
  std::replace(line.begin(), line.end(), '\t', ' ');  // libpq shows tabs as spaces

  // libpq cuts long lines, marking each cut with "...".
  std::string_view shown = message.line_text;
  std::uint32_t caret = message.caret;
  std::optional<std::size_t> from;
  for (bool cut_end : {false, true}) {
    std::string_view visible = shown;
    if (cut_end) {
      if (!visible.ends_with("...")) continue;
      visible.remove_suffix(3);
    }
    if (std::string_view(line).starts_with(visible)) {
      from = 0;
      break;
    }
    if (visible.starts_with("...")) {
      auto found = line.find(visible.substr(3));
      if (found != std::string::npos) {
        from = found;
        caret = caret >= 3 ? caret - 3 : 0;
        break;
      }
    }
  }
  if (!from) return std::nullopt;
  std::size_t i = *from;
  std::uint32_t column = 0;
  while (i < line.size() && column < caret) {
    char32_t code = 0;
    std::size_t length = decode(line, i, code);
    column += display_width(code);
    i += length;
  }
  return static_cast<std::uint32_t>(*start + i);
}

std::string MigrationFailure::summary() const {
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": " +
         message;
}

MigrationFailure locate_failure(Session& session, const lint::ParsedFile& file,
                                const SqlError& error, SentText sent) {
  MigrationFailure failure = failure_from(file, error);
  const auto& statements = file.statements();
  ServerMessage message = parse_server_message(error.what());
  if (auto offset = error_offset(message, sent.text)) {
    std::int64_t at = static_cast<std::int64_t>(*offset) + sent.shift;
    if (at >= 0 && at <= static_cast<std::int64_t>(file.text().size())) {
      place(failure, file, static_cast<std::uint32_t>(at));
      for (std::size_t i = 0; i < statements.size(); ++i) {
        if (at >= statements[i].span.begin && at <= statements[i].span.end) {
          failure.statement = static_cast<std::ptrdiff_t>(i);
          break;
        }
      }
      return failure;
    }
  }

  // Replay the statements in a transaction that is rolled back.
  TransactionMode mode = transaction_mode(file);
  if (mode == TransactionMode::own) session.execute("ROLLBACK");
  session.execute("BEGIN");
  std::optional<std::size_t> failed;
  std::optional<SqlError> replayed;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (mode == TransactionMode::own && opens_or_ends_transaction(statements[i])) continue;
    std::string text(file.slice(statements[i].range));
    try {
      session.execute(text);
    } catch (const SqlError& e) {
      failed = i;
      replayed = e;
      break;
    }
  }
  session.execute("ROLLBACK");
  if (!failed) {
    // Nothing failed alone: the error came at COMMIT (a deferred constraint) or from outside.
    place(failure, file, statements.empty() ? 0 : statements.back().range.begin);
    return failure;
  }
  std::string text(file.slice(statements[*failed].range));
  place_in_statement(failure, file, *failed, *replayed,
                     SentText{text, statements[*failed].range.begin});
  return failure;
}

std::optional<MigrationFailure> execute_migration(Session& session, const lint::ParsedFile& file) {
  std::string_view text = file.text();
  if (auto problem = lint::check_encoding(text)) {
    MigrationFailure failure;
    failure.file = file.display();
    failure.message = problem->message;
    place(failure, file, problem->offset);
    return failure;
  }
  if (!file.error() && file.statements().empty()) return std::nullopt;  // comments only

  if (transaction_mode(file) == TransactionMode::none) {
    const auto& statements = file.statements();
    for (std::size_t i = 0; i < statements.size(); ++i) {
      std::string statement(file.slice(statements[i].range));
      try {
        session.execute(statement);
      } catch (const SqlError& e) {
        MigrationFailure failure = failure_from(file, e);
        place_in_statement(failure, file, i, e, SentText{statement, statements[i].range.begin});
        return failure;
      }
    }
    return std::nullopt;
  }
  std::string whole(text);
  try {
    session.execute(whole);
  } catch (const SqlError& e) {
    return locate_failure(session, file, e, SentText{whole, 0});
  }
  if (transaction_mode(file) == TransactionMode::own) return check_closed(session, file);
  return std::nullopt;
}

}  // namespace sqlgate::runner
