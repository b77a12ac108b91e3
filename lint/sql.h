// One SQL file parsed once with libpg_query: statements with byte ranges, the statements its
// DO blocks run, comments and directives, and a line index.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/directives.h"
#include "lint/source.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// 1-based line/column from byte offsets; columns count Unicode code points.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  Position position(std::uint32_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_starts.size()); }
  // Byte offset where a 1-based line starts.
  std::uint32_t line_start(std::uint32_t line) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(std::uint32_t line) const;
  // Byte offset of a 1-based line and code-point column (clamped to the line).
  std::uint32_t offset(Position position) const;

 private:
  std::string_view m_text;
  std::vector<std::uint32_t> m_starts;
};

// A construct of a DO block's PL/pgSQL that encloses an embedded statement.
struct PlpgsqlFrame {
  Node node;  // PLpgSQL_stmt_block, PLpgSQL_stmt_if, a loop, ...
  // Which part of it holds the statement: "body", "then_body", "elsif", "else_body",
  // "exception" (inside a handler), "loop".
  std::string_view part;
  Node elsif;  // for part "elsif": the PLpgSQL_if_elsif taken
  // Index of the statement (or of the construct holding it) in that part's list.
  std::size_t index = 0;
};

struct Statement {
  Node node;               // the statement ("CreateStmt", "AlterTableStmt", ...)
  TextRange range;         // from its first token to its end, the ';' excluded
  TextRange span;          // with the comments and blank lines before it
  std::uint32_t base = 0;  // add to a location in `node` to get an offset into the file
  // True when the tree's locations map exactly into the file; false for text the parser saw
  // rewritten (an EXECUTE of a string constant, a DO body in single quotes).
  bool exact = true;

  // Set for a statement a DO block runs:
  std::ptrdiff_t parent = -1;        // index of the DO statement in statements()
  std::vector<PlpgsqlFrame> frames;  // enclosing PL/pgSQL constructs, outermost first
  Node plpgsql;                      // the PL/pgSQL statement (execsql, dynexecute, perform)
  Node function;                     // the PL/pgSQL function of the block (its datums)
  bool dynamic = false;              // from EXECUTE of a constant string
  // Its index in ParsedFile::all_statements().
  std::uint32_t ordinal = 0;
  // A CREATE FUNCTION | PROCEDURE ... LANGUAGE sql whose string body PostgreSQL analyzes when the
  // routine is made: the statements it analyzes (analyzed_sql_body()); null for other statements.
  const std::vector<Statement>* body = nullptr;

  std::string_view kind() const { return node.kind(); }
  bool embedded() const { return parent >= 0; }
  // An offset into the file from a location in the tree (the statement's start when absent).
  std::uint32_t offset(std::optional<std::uint32_t> location) const;
};

struct Comment {
  TextRange range;
  std::string_view text;
};

struct Token {
  TextRange range;
  int token = 0;          // PgQuery__Token value
  std::string_view name;  // its name: "IDENT", "IF_P", "SCONST", "SQL_COMMENT", ...
  bool keyword = false;
};

// Why a file could not be linted past its first step.
struct FileError {
  std::string rule;  // "syntax-error" or "invalid-encoding"
  std::string message;
  std::uint32_t offset = 0;
};

class ParsedFile {
 public:
  // Parses the file's text. Never throws for bad SQL: the error is recorded instead.
  // The source must outlive the result.
  static std::unique_ptr<ParsedFile> parse(const SourceFile& source);
  static std::unique_ptr<ParsedFile> parse(SourceFile&& source) = delete;

  ParsedFile(const ParsedFile&) = delete;
  ParsedFile& operator=(const ParsedFile&) = delete;
  ~ParsedFile();

  const SourceFile& source() const { return *m_source; }
  std::string_view text() const { return m_source->text; }
  const std::string& display() const { return m_source->display; }
  const LineIndex& lines() const { return m_lines; }
  Position position(std::uint32_t offset) const { return m_lines.position(offset); }

  // Set when the file could not be parsed; statements() is then empty.
  const std::optional<FileError>& error() const { return m_error; }
  // Errors in DO blocks' PL/pgSQL (the rest of the file parsed).
  const std::vector<FileError>& block_errors() const { return m_block_errors; }

  // The top-level statements, in order.
  const std::vector<Statement>& statements() const { return m_statements; }
  // The statements DO blocks run, in order; parent says which DO.
  const std::vector<Statement>& embedded() const { return m_embedded; }
  // The statements DO blocks run with EXECUTE format('<template>', ...), the arguments stood in
  // for (see DoExpansion): not in all_statements(), as the names they show are not the ones that
  // run; for the checks that judge a statement's form alone.
  const std::vector<Statement>& templated() const { return m_templated; }
  // Every statement in file order: each top-level statement followed by those its DO runs.
  const std::vector<const Statement*>& all_statements() const { return m_all; }
  // The index in all_statements() of one of this file's statements; nullopt for another's.
  std::optional<std::size_t> ordinal(const Statement& statement) const {
    if (statement.ordinal >= m_all.size() || m_all[statement.ordinal] != &statement) {
      return std::nullopt;
    }
    return statement.ordinal;
  }
  // The PL/pgSQL function a top-level DO statement compiles to; invalid for other statements.
  Node do_function(std::size_t statement) const;

  // Comments and directives are read only when the file mentions "sqlgate:".
  const std::vector<Comment>& comments() const { return m_comments; }
  const std::vector<Directive>& directives() const { return m_directives; }
  bool has_directive(DirectiveKind kind) const;
  // The directives of a kind that apply to a statement (run-once before it, say).
  std::vector<const Directive*> directives_for(const Statement& statement,
                                               DirectiveKind kind) const;

  // The text of a range.
  std::string_view slice(TextRange range) const {
    return text().substr(range.begin, range.end - range.begin);
  }

  // The tokens of a range of this file (calls the scanner: use it for fixes, not hot paths).
  std::vector<Token> tokens(TextRange range) const;

 private:
  explicit ParsedFile(const SourceFile& source);
  friend class FileBuilder;

  const SourceFile* m_source;
  LineIndex m_lines;
  std::optional<FileError> m_error;
  std::vector<FileError> m_block_errors;
  std::vector<Statement> m_statements;
  std::vector<Statement> m_embedded;
  std::vector<Statement> m_templated;
  std::vector<const Statement*> m_all;
  std::vector<std::pair<std::size_t, Node>> m_do_functions;       // by statement index, ascending
  std::vector<std::unique_ptr<std::vector<Statement>>> m_bodies;  // Statement::body
  std::vector<Comment> m_comments;
  std::vector<Directive> m_directives;
  std::unique_ptr<Documents> m_documents;
};

// The statements of a parse tree (its "stmts") of `text`, with their ranges in it shifted by base.
std::vector<Statement> split_statements(const Node& root, std::string_view text,
                                        std::uint32_t base);

// Tokens of a text, offsets shifted by base. Empty when the scanner fails (a lexer error).
std::vector<Token> scan_tokens(std::string_view text, std::uint32_t base = 0);

// The first byte offset at or after `from` that is not white space or a comment.
std::uint32_t skip_space_and_comments(std::string_view text, std::uint32_t from);

// Byte offset of the first NUL or invalid UTF-8 sequence, with what is wrong there.
struct EncodingProblem {
  std::uint32_t offset;
  std::string message;
};
std::optional<EncodingProblem> check_encoding(std::string_view text);

// Byte offset of a 1-based code-point position (PostgreSQL's cursor positions).
std::uint32_t byte_offset_of_char(std::string_view text, std::int64_t char_position);

}  // namespace sqlgate::lint
