#include "lint/sql.h"

#include <algorithm>
#include <cstring>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <simdjson.h>

#include "lint/plpgsql.h"
#include "lint/sql_body.h"

namespace sqlgate::lint {

// ---- line index -------------------------------------------------------------------------

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') m_starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

Position LineIndex::position(std::uint32_t offset) const {
  if (m_starts.empty()) return Position{1, 1};
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - m_starts.begin());  // 1-based
  std::uint32_t start = m_starts[line - 1];
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{static_cast<std::uint32_t>(line), column};
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0 || m_starts.empty()) return 0;
  if (line > m_starts.size()) return static_cast<std::uint32_t>(m_text.size());
  return m_starts[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > m_starts.size()) return {};
  std::uint32_t start = m_starts[line - 1];
  std::uint32_t end =
      line < m_starts.size() ? m_starts[line] - 1 : static_cast<std::uint32_t>(m_text.size());
  std::string_view text = m_text.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::uint32_t LineIndex::offset(Position position) const {
  std::uint32_t at = line_start(position.line);
  std::string_view line = line_text(position.line);
  std::uint32_t column = 1;
  std::size_t i = 0;
  while (i < line.size() && column < position.column) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    ++column;
  }
  return at + static_cast<std::uint32_t>(i);
}

// ---- encoding ---------------------------------------------------------------------------

std::optional<EncodingProblem> check_encoding(std::string_view text) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    auto at = static_cast<std::uint32_t>(static_cast<const char*>(nul) - text.data());
    return EncodingProblem{at, "NUL byte at byte offset " + std::to_string(at) +
                                   ": PostgreSQL rejects it and the parser would stop there"};
  }
  if (simdjson::validate_utf8(text.data(), text.size())) return std::nullopt;
  // Slow path: find where it goes wrong.
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    unsigned char c = byte(i);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    }
    bool ok = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) ok = false;
      code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (ok && ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
               (length == 4 && (code < 0x10000 || code > 0x10FFFF)))) {
      ok = false;
    }
    if (!ok) {
      auto at = static_cast<std::uint32_t>(i);
      return EncodingProblem{at, "invalid UTF-8 at byte offset " + std::to_string(at) +
                                     ": PostgreSQL rejects the file"};
    }
    i += length;
  }
  return EncodingProblem{0, "invalid UTF-8: PostgreSQL rejects the file"};
}

std::uint32_t byte_offset_of_char(std::string_view text, std::int64_t char_position) {
  if (char_position <= 1) return 0;
  std::int64_t seen = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == char_position) return static_cast<std::uint32_t>(i);
    ++seen;
  }
  return static_cast<std::uint32_t>(text.size());
}

// ---- tokens -----------------------------------------------------------------------------

std::uint32_t skip_space_and_comments(std::string_view text, std::uint32_t from) {
  std::size_t i = from;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      int depth = 0;  // PostgreSQL's block comments nest
      while (i < text.size()) {
        if (text.compare(i, 2, "/*") == 0) {
          ++depth;
          i += 2;
        } else if (text.compare(i, 2, "*/") == 0) {
          i += 2;
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
    } else {
      break;
    }
  }
  return static_cast<std::uint32_t>(i);
}

std::vector<Token> scan_tokens(std::string_view text, std::uint32_t base) {
  std::vector<Token> tokens;
  std::string input(text);
  PgQueryScanResult result = pg_query_scan(input.c_str());
  if (result.error == nullptr) {
    PgQuery__ScanResult* scan = pg_query__scan_result__unpack(
        nullptr, result.pbuf.len, reinterpret_cast<const uint8_t*>(result.pbuf.data));
    if (scan != nullptr) {
      tokens.reserve(scan->n_tokens);
      for (std::size_t i = 0; i < scan->n_tokens; ++i) {
        const PgQuery__ScanToken* t = scan->tokens[i];
        Token token;
        token.range = TextRange{base + static_cast<std::uint32_t>(t->start),
                                base + static_cast<std::uint32_t>(t->end)};
        token.token = static_cast<int>(t->token);
        const ProtobufCEnumValue* value =
            protobuf_c_enum_descriptor_get_value(&pg_query__token__descriptor, t->token);
        if (value != nullptr) token.name = value->name;
        token.keyword = t->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
        tokens.push_back(token);
      }
      pg_query__scan_result__free_unpacked(scan, nullptr);
    }
  }
  pg_query_free_scan_result(result);
  return tokens;
}

// ---- statements -------------------------------------------------------------------------

namespace {

// Where the statement starts that PostgreSQL's parser rejects, for an error the grammar raises
// without a position (CREATE OR REPLACE CONSTRAINT TRIGGER is not supported): the statements as
// the scanner splits them, parsed one by one. 0 when none fails alone.
std::uint32_t failing_statement(const std::string& text) {
  std::uint32_t at = 0;
  PgQuerySplitResult split = pg_query_split_with_scanner(text.c_str());
  if (split.error == nullptr) {
    for (int i = 0; i < split.n_stmts; ++i) {
      const PgQuerySplitStmt* part = split.stmts[i];
      if (part->stmt_location < 0 || part->stmt_len < 0 ||
          static_cast<std::size_t>(part->stmt_location) + part->stmt_len > text.size()) {
        break;
      }
      std::string statement = text.substr(part->stmt_location, part->stmt_len);
      PgQueryParseResult alone = pg_query_parse(statement.c_str());
      bool failed = alone.error != nullptr;
      pg_query_free_parse_result(alone);
      if (!failed) continue;
      auto begin = static_cast<std::uint32_t>(part->stmt_location);
      at = std::min(skip_space_and_comments(text, begin),
                    static_cast<std::uint32_t>(part->stmt_location + part->stmt_len));
      break;
    }
  }
  pg_query_free_split_result(split);
  return at;
}

}  // namespace

std::uint32_t Statement::offset(std::optional<std::uint32_t> location) const {
  if (!location || !exact) return range.begin;
  return base + *location;
}

std::vector<Statement> split_statements(const Node& root, std::string_view text,
                                        std::uint32_t base) {
  std::vector<Statement> statements;
  auto size = static_cast<std::uint32_t>(text.size());
  for (Node raw : root.list("stmts")) {
    Statement statement;
    statement.node = raw.get("stmt");
    auto location = static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(raw.num("stmt_location"), 0, static_cast<std::int64_t>(size)));
    std::int64_t length = raw.num("stmt_len");
    std::uint32_t end = length > 0 ? static_cast<std::uint32_t>(std::min<std::int64_t>(
                                         location + length, static_cast<std::int64_t>(size)))
                                   : size;
    std::uint32_t begin = std::min(skip_space_and_comments(text, location), end);
    while (end > begin && std::strchr(" \t\r\n\f\v", text[end - 1]) != nullptr) --end;
    statement.span = TextRange{base + location, base + end};
    statement.range = TextRange{base + begin, base + end};
    statement.base = base;
    statements.push_back(std::move(statement));
  }
  return statements;
}

class FileBuilder {
 public:
  static void build(ParsedFile& file) {
    std::string_view text = file.text();
    if (auto problem = check_encoding(text)) {
      file.m_error = FileError{"invalid-encoding", problem->message, problem->offset};
      return;
    }
    PgQueryParseResult result = pg_query_parse(file.m_source->text.c_str());
    if (result.error != nullptr) {
      std::uint32_t at = result.error->cursorpos > 0
                             ? byte_offset_of_char(text, result.error->cursorpos)
                             : failing_statement(file.m_source->text);
      std::string message = result.error->message;
      if (message.starts_with("memory exhausted")) {
        // Bison's words for its stack limit (10,000 levels): say what the author can change.
        message = "the statement nests too deeply for PostgreSQL's parser, which rejects it (" +
                  message + ")";
      }
      file.m_error = FileError{"syntax-error", std::move(message), at};
      pg_query_free_parse_result(result);
      return;
    }
    std::string decode_error;
    Node root = file.m_documents->load_parse_tree(result.parse_tree, text, &decode_error);
    pg_query_free_parse_result(result);
    if (!root.valid()) {
      file.m_error = FileError{"syntax-error",
                               "the parse tree could not be decoded (" + decode_error + ")", 0};
      return;
    }
    read_statements(file, root);
    for (std::size_t i = 0; i < file.m_statements.size(); ++i) {
      const Statement& statement = file.m_statements[i];
      if (statement.kind() != "DoStmt") continue;
      DoExpansion expansion =
          expand_do(text, statement, static_cast<std::ptrdiff_t>(i), *file.m_documents);
      for (auto& inner : expansion.statements) file.m_embedded.push_back(std::move(inner));
      for (auto& inner : expansion.templated) file.m_templated.push_back(std::move(inner));
      for (auto& error : expansion.errors) file.m_block_errors.push_back(std::move(error));
      if (expansion.function.valid()) file.m_do_functions.emplace_back(i, expansion.function);
    }
    std::vector<Statement*> in_order;
    for (std::size_t i = 0, e = 0; i < file.m_statements.size(); ++i) {
      in_order.push_back(&file.m_statements[i]);
      while (e < file.m_embedded.size() &&
             file.m_embedded[e].parent == static_cast<std::ptrdiff_t>(i)) {
        in_order.push_back(&file.m_embedded[e++]);
      }
    }
    // check_function_bodies as the statements before each CREATE FUNCTION leave it.
    bool check_bodies = true;
    for (Statement* statement : in_order) {
      statement->ordinal = static_cast<std::uint32_t>(file.m_all.size());
      file.m_all.push_back(statement);
      if (auto set = sets_check_function_bodies(statement->node)) {
        check_bodies = *set;
      } else if (check_bodies && statement->kind() == "CreateFunctionStmt") {
        if (auto body = analyzed_sql_body(text, *statement, *file.m_documents)) {
          file.m_bodies.push_back(std::make_unique<std::vector<Statement>>(std::move(*body)));
          statement->body = file.m_bodies.back().get();
        }
      }
    }
    if (text.find("sqlgate:") != std::string_view::npos) read_directives(file);
  }

 private:
  static void read_statements(ParsedFile& file, const Node& root) {
    file.m_statements = split_statements(root, file.text(), 0);
  }

  static void read_directives(ParsedFile& file) {
    std::string_view text = file.text();
    for (const Token& token : scan_tokens(text)) {
      if (token.name == "SQL_COMMENT" || token.name == "C_COMMENT") {
        file.m_comments.push_back(Comment{token.range, file.slice(token.range)});
      }
    }
    // Comments inside DO bodies are part of a string token: scan the bodies that mention us.
    for (const auto& comment : expand_do_comments(file)) file.m_comments.push_back(comment);
    std::sort(file.m_comments.begin(), file.m_comments.end(),
              [](const Comment& a, const Comment& b) { return a.range.begin < b.range.begin; });

    for (const Comment& comment : file.m_comments) {
      auto directive = parse_directive(comment.text, comment.range.begin);
      if (!directive) continue;
      Position at = file.position(comment.range.begin);
      directive->line = at.line;
      std::uint32_t line_start = file.m_lines.line_start(at.line);
      std::string_view before = text.substr(line_start, comment.range.begin - line_start);
      directive->trailing = before.find_first_not_of(" \t\r") != std::string_view::npos;
      for (std::size_t i = 0; i < file.m_all.size(); ++i) {
        const Statement* statement = file.m_all[i];
        if (directive->trailing) {
          // A trailing comment belongs to the last statement that starts before it.
          if (statement->range.begin < comment.range.begin) {
            directive->statement = static_cast<std::ptrdiff_t>(i);
          }
        } else if (statement->range.begin >= comment.range.end) {
          directive->statement = static_cast<std::ptrdiff_t>(i);
          break;
        }
      }
      file.m_directives.push_back(std::move(*directive));
    }
  }

  // Comments in the DO bodies of the file.
  static std::vector<Comment> expand_do_comments(const ParsedFile& file) {
    std::vector<Comment> comments;
    for (const Statement& statement : file.m_statements) {
      if (statement.kind() != "DoStmt") continue;
      auto body = do_body(file.text(), statement);
      if (!body || !body->exact) continue;
      std::string_view text =
          file.text().substr(body->range.begin, body->range.end - body->range.begin);
      if (text.find("sqlgate:") == std::string_view::npos) continue;
      for (const Token& token : scan_tokens(text, body->range.begin)) {
        if (token.name == "SQL_COMMENT" || token.name == "C_COMMENT") {
          comments.push_back(Comment{token.range, file.slice(token.range)});
        }
      }
    }
    return comments;
  }
};

ParsedFile::ParsedFile(const SourceFile& source)
    : m_source(&source), m_lines(source.text), m_documents(std::make_unique<Documents>()) {}

ParsedFile::~ParsedFile() = default;

std::unique_ptr<ParsedFile> ParsedFile::parse(const SourceFile& source) {
  std::unique_ptr<ParsedFile> file(new ParsedFile(source));
  FileBuilder::build(*file);
  return file;
}

Node ParsedFile::do_function(std::size_t statement) const {
  auto it =
      std::lower_bound(m_do_functions.begin(), m_do_functions.end(), statement,
                       [](const auto& entry, std::size_t index) { return entry.first < index; });
  return it != m_do_functions.end() && it->first == statement ? it->second : Node();
}

bool ParsedFile::has_directive(DirectiveKind kind) const {
  return std::any_of(m_directives.begin(), m_directives.end(),
                     [&](const Directive& d) { return d.kind == kind; });
}

std::vector<const Directive*> ParsedFile::directives_for(const Statement& statement,
                                                         DirectiveKind kind) const {
  std::vector<const Directive*> result;
  for (const Directive& directive : m_directives) {
    if (directive.kind != kind || directive.statement < 0) continue;
    const Statement* target = m_all[static_cast<std::size_t>(directive.statement)];
    // A directive before a DO statement covers the statements it runs too.
    if (target == &statement ||
        (statement.embedded() &&
         target == &m_statements[static_cast<std::size_t>(statement.parent)])) {
      result.push_back(&directive);
    }
  }
  return result;
}

std::vector<Token> ParsedFile::tokens(TextRange range) const {
  return scan_tokens(slice(range), range.begin);
}

}  // namespace sqlgate::lint
