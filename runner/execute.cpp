#include "runner/execute.h"

#include <algorithm>
#include <charconv>

#include "lint/plpgsql.h"
#include "lint/transaction.h"

namespace sqlgate::runner {
namespace {

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
                                             const ServerError& error) {
  if (statement.kind() != "DoStmt") return std::nullopt;
  auto line = inline_block_line(error.context);
  auto body = lint::do_body(file.text(), statement);
  if (!line || !body || !body->exact) return std::nullopt;
  std::uint32_t body_line = file.position(body->range.begin).line;
  std::uint32_t at =
      *line == 1 ? body->range.begin : file.lines().line_start(body_line + *line - 1);
  if (at >= body->range.end) return std::nullopt;
  std::string_view text = file.text();
  if (!error.internal_query.empty()) {
    auto found = text.find(error.internal_query, at);
    if (found != std::string_view::npos && found + error.internal_query.size() <= body->range.end) {
      auto within = error_offset(error.internal_position, error.internal_query);
      return static_cast<std::uint32_t>(found + within.value_or(0));
    }
  }
  return lint::skip_space_and_comments(text, at);
}

MigrationFailure failure_from(const lint::ParsedFile& file, const SqlError& error) {
  const ServerError& fields = error.fields();
  MigrationFailure failure;
  failure.file = file.display();
  failure.sqlstate = fields.sqlstate;
  failure.message = fields.message.empty() ? std::string(error.what()) : fields.message;
  failure.detail = fields.detail;
  failure.hint = fields.hint;
  failure.context = fields.context;
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
  if (auto offset = error_offset(error.position(), sent.text)) {
    std::int64_t at = static_cast<std::int64_t>(*offset) + sent.shift;
    if (at >= statement.range.begin && at <= statement.range.end) {
      place(failure, file, static_cast<std::uint32_t>(at));
      return;
    }
  }
  if (auto offset = do_block_offset(file, statement, error.fields())) {
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
    if (lint::is_begin(statements[i])) {
      failure.statement = static_cast<std::ptrdiff_t>(i);
      place(failure, file, statements[i].range.begin);
      break;
    }
  }
  return failure;
}

}  // namespace

RunMode run_mode(const lint::ParsedFile& file) {
  if (file.has_directive(lint::DirectiveKind::no_transaction)) return RunMode::no_transaction;
  return lint::manages_own_transaction(file) ? RunMode::own_transaction : RunMode::transaction;
}

std::optional<std::uint32_t> error_offset(int position, std::string_view sent) {
  if (position <= 0) return std::nullopt;
  std::uint32_t offset = lint::byte_offset_of_char(sent, position);
  if (offset > sent.size()) return std::nullopt;
  return offset;
}

std::string MigrationFailure::summary() const {
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": " +
         message;
}

MigrationFailure locate_failure(Session& session, const lint::ParsedFile& file,
                                const SqlError& error, SentText sent) {
  MigrationFailure failure = failure_from(file, error);
  const auto& statements = file.statements();
  // PostgreSQL's position in the text sent, placed in the file.
  auto place_sent_position = [&] {
    auto offset = error_offset(error.position(), sent.text);
    if (!offset) return false;
    std::int64_t at = static_cast<std::int64_t>(*offset) + sent.shift;
    if (at < 0 || at > static_cast<std::int64_t>(file.text().size())) return false;
    place(failure, file, static_cast<std::uint32_t>(at));
    for (std::size_t i = 0; i < statements.size(); ++i) {
      if (at >= statements[i].span.begin && at <= statements[i].span.end) {
        failure.statement = static_cast<std::ptrdiff_t>(i);
        break;
      }
    }
    return true;
  };
  // A file the parser rejects has no statements to replay; PostgreSQL's position of a syntax
  // error is in the text as sent. Any other position is not trusted to name the statement: an
  // error raised while PostgreSQL rebuilds an index or a constraint (ALTER COLUMN ... TYPE)
  // carries the position of the expression in the statement that once made it.
  if ((file.error() || statements.empty()) && place_sent_position()) return failure;

  // Replay the statements in a transaction that is rolled back.
  RunMode mode = run_mode(file);
  if (mode == RunMode::own_transaction) session.execute("ROLLBACK");
  session.execute("BEGIN");
  std::optional<std::size_t> failed;
  std::optional<SqlError> replayed;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (mode == RunMode::own_transaction &&
        lint::controls_transaction(lint::transaction_kind(statements[i]))) {
      continue;
    }
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
    if (place_sent_position()) return failure;
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

  if (run_mode(file) == RunMode::no_transaction) {
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
  if (run_mode(file) == RunMode::own_transaction) {
    std::string whole(text);
    try {
      session.execute(whole);
    } catch (const SqlError& e) {
      return locate_failure(session, file, e, SentText{whole, 0});
    }
    return check_closed(session, file);
  }
  // In one transaction, as `sqlgate up` runs it: a file of one statement sent alone would run
  // outside any, where CREATE INDEX CONCURRENTLY, VACUUM or a CALL of a procedure that commits
  // succeed, though they fail under `up`. A line break first: the file may end inside a --
  // comment.
  constexpr std::string_view k_begin = "BEGIN;\n";
  std::string sent(k_begin);
  sent += text;
  sent += "\n;\nCOMMIT;";
  try {
    session.execute(sent);
  } catch (const SqlError& e) {
    session.execute("ROLLBACK");  // after an error the rest of the string, COMMIT too, is skipped
    return locate_failure(session, file, e,
                          SentText{sent, -static_cast<std::int64_t>(k_begin.size())});
  }
  return std::nullopt;
}

}  // namespace sqlgate::runner
