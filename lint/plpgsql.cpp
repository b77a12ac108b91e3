#include "lint/plpgsql.h"

#include <algorithm>
#include <cctype>

#include <pg_query.h>

#include "lint/guard.h"

namespace sqlgate::lint {
namespace {

// PL/pgSQL nests shallowly in practice; deeper input is not expanded rather than risk the stack.
constexpr std::size_t k_max_nesting = 256;

struct Expander {
  std::string_view file_text;
  const Statement& do_statement;
  std::ptrdiff_t index;
  Documents& documents;
  DoBody body;
  DoExpansion& out;

  // Where each line of the body starts, in the file; filled on first use.
  mutable std::vector<std::uint32_t> line_starts;

  // Byte offset in the file where a 1-based PL/pgSQL line number starts.
  std::uint32_t line_offset(std::int64_t lineno) const {
    if (line_starts.empty()) {
      line_starts.push_back(body.range.begin);
      for (std::uint32_t at = body.range.begin; at < body.range.end;) {
        auto next = file_text.find('\n', at);
        if (next == std::string_view::npos || next >= body.range.end) break;
        at = static_cast<std::uint32_t>(next + 1);
        line_starts.push_back(at);
      }
    }
    if (lineno < 1) return line_starts.front();
    auto line = static_cast<std::size_t>(lineno);
    return line <= line_starts.size() ? line_starts[line - 1] : line_starts.back();
  }

  // The statement EXECUTE format('<template>', ...) runs, with stand-ins for the arguments.
  std::optional<std::string> template_of(std::string_view expression) {
    if (expression.find("format") == std::string_view::npos) return std::nullopt;
    std::string input = "SELECT ";
    input += expression;
    PgQueryParseResult result = pg_query_parse(input.c_str());
    if (result.error != nullptr) {
      pg_query_free_parse_result(result);
      return std::nullopt;
    }
    Node root = documents.load(result.parse_tree, nullptr);
    pg_query_free_parse_result(result);
    NodeList statements = root.list("stmts");
    if (statements.size() != 1) return std::nullopt;
    NodeList targets = statements[0].get("stmt").list("targetList");
    if (targets.size() != 1) return std::nullopt;
    Node call = targets[0].get("val");
    if (!call.is("FuncCall")) return std::nullopt;
    NodeList name = call.list("funcname");
    if (name.empty() || name[name.size() - 1].as_str() != "format") return std::nullopt;
    if (name.size() == 2 && name[0].as_str() != "pg_catalog") return std::nullopt;
    NodeList args = call.list("args");
    if (args.empty() || !args[0].is("A_Const") || !args[0].has("sval")) return std::nullopt;
    return format_template_sql(args[0].get("sval").str("sval"));
  }

  // Locates `text` in the body at or after the statement's line.
  std::optional<std::uint32_t> find_text(std::string_view text, std::int64_t lineno) const {
    if (!body.exact || text.empty()) return std::nullopt;
    std::uint32_t from = line_offset(lineno);
    auto at = file_text.find(text, from);
    if (at == std::string_view::npos || at + text.size() > body.range.end) return std::nullopt;
    return static_cast<std::uint32_t>(at);
  }

  void emit(std::string_view query, std::optional<std::uint32_t> at, bool exact, bool dynamic,
            const Node& plpgsql, const std::vector<PlpgsqlFrame>& frames, std::int64_t lineno,
            bool templated = false) {
    std::string input(query);
    PgQueryParseResult result = pg_query_parse(input.c_str());
    if (result.error != nullptr) {
      pg_query_free_parse_result(result);
      return;  // text PL/pgSQL rewrites (INTO targets, variables) may not parse alone
    }
    Node root = documents.load_parse_tree(result.parse_tree, input, nullptr);
    pg_query_free_parse_result(result);
    for (Node raw : root.list("stmts")) {
      Statement statement;
      statement.node = raw.get("stmt");
      if (at) {
        statement.range = TextRange{*at, *at + static_cast<std::uint32_t>(query.size())};
        statement.base = *at;
        statement.exact = exact;
      } else {
        std::uint32_t line = line_offset(lineno);
        auto end = file_text.find('\n', line);
        statement.range = TextRange{
            line, static_cast<std::uint32_t>(end == std::string_view::npos
                                                 ? file_text.size()
                                                 : std::min<std::size_t>(end, body.range.end))};
        statement.base = statement.range.begin;
        statement.exact = false;
      }
      statement.span = statement.range;
      statement.parent = index;
      statement.frames = frames;
      statement.plpgsql = plpgsql;
      statement.function = out.function;
      statement.dynamic = dynamic;
      (templated ? out.templated : out.statements).push_back(std::move(statement));
    }
  }

  void visit_list(const Node& owner, std::string_view part, const NodeList& list,
                  std::vector<PlpgsqlFrame>& frames, const Node& elsif = Node()) {
    if (frames.size() >= k_max_nesting) return;
    std::size_t i = 0;
    for (Node child : list) {
      frames.push_back(PlpgsqlFrame{owner, part, elsif, i++});
      visit(child, frames);
      frames.pop_back();
    }
  }

  void visit(const Node& statement, std::vector<PlpgsqlFrame>& frames) {
    std::string_view kind = statement.kind();
    std::int64_t lineno = statement.num("lineno");
    if (kind == "PLpgSQL_stmt_block") {
      visit_list(statement, "body", statement.list("body"), frames);
      Node handlers = statement.get("exceptions").get("exc_list");
      for (Node handler : handlers.items()) {
        visit_list(statement, "exception", handler.list("action"), frames, handler);
      }
    } else if (kind == "PLpgSQL_stmt_if") {
      visit_list(statement, "then_body", statement.list("then_body"), frames);
      for (Node elsif : statement.list("elsif_list")) {
        visit_list(statement, "elsif", elsif.list("stmts"), frames, elsif);
      }
      visit_list(statement, "else_body", statement.list("else_body"), frames);
    } else if (kind == "PLpgSQL_stmt_case") {
      for (Node when : statement.list("case_when_list")) {
        visit_list(statement, "case_when", when.list("stmts"), frames, when);
      }
      visit_list(statement, "case_else", statement.list("else_stmts"), frames);
    } else if (kind == "PLpgSQL_stmt_loop" || kind == "PLpgSQL_stmt_while" ||
               kind == "PLpgSQL_stmt_fori" || kind == "PLpgSQL_stmt_fors" ||
               kind == "PLpgSQL_stmt_forc" || kind == "PLpgSQL_stmt_foreach_a" ||
               kind == "PLpgSQL_stmt_dynfors") {
      visit_list(statement, "loop", statement.list("body"), frames);
    } else if (kind == "PLpgSQL_stmt_execsql" || kind == "PLpgSQL_stmt_call") {
      std::string_view query =
          statement.get(kind == "PLpgSQL_stmt_call" ? "expr" : "sqlstmt").get("query").as_str();
      auto at = find_text(query, lineno);
      emit(query, at, at.has_value(), false, statement, frames, lineno);
    } else if (kind == "PLpgSQL_stmt_perform") {
      // PERFORM f(x) runs SELECT f(x): PL/pgSQL hands the query over with PERFORM replaced by
      // "SELECT " (as long as the keyword), so the rest is the file's text.
      std::string_view query = statement.get("expr").get("query").as_str();
      constexpr std::string_view k_select = "SELECT ";
      if (!query.starts_with(k_select)) return;
      auto rest = find_text(query.substr(k_select.size()), lineno);
      // The statement starts at the PERFORM before that text.
      std::optional<std::uint32_t> at = rest;
      if (rest) {
        std::uint32_t end = *rest;
        while (end > body.range.begin &&
               std::isspace(static_cast<unsigned char>(file_text[end - 1]))) {
          --end;
        }
        constexpr std::string_view k_perform = "perform";
        if (end >= body.range.begin + k_perform.size() &&
            std::equal(
                k_perform.begin(), k_perform.end(), file_text.begin() + end - k_perform.size(),
                [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
          at = end - static_cast<std::uint32_t>(k_perform.size());
        }
      }
      emit(query, at, false, false, statement, frames, lineno);
    } else if (kind == "PLpgSQL_stmt_dynexecute") {
      std::string_view expression = statement.get("query").get("query").as_str();
      auto constant = string_constant(expression);
      if (!constant) {
        if (std::optional<std::string> sql = template_of(expression)) {
          auto at = find_text(expression, lineno);
          emit(*sql, at, false, true, statement, frames, lineno, true);
        }
        return;
      }
      auto at = find_text(expression, lineno);
      std::optional<std::uint32_t> content;
      if (at) content = *at + constant->prefix;
      emit(constant->text, content, at.has_value() && constant->exact, true, statement, frames,
           lineno);
    }
  }
};

}  // namespace

std::optional<DoBody> do_body(std::string_view file_text, const Statement& do_statement) {
  DoBody body;
  body.language = "plpgsql";
  Node as;
  for (Node arg : do_statement.node.list("args")) {
    std::string_view name = arg.str("defname");
    if (name == "as") as = arg;
    if (name == "language") body.language = std::string(arg.get("arg").as_str());
  }
  if (!as.valid()) return std::nullopt;
  StringBody located = string_body(file_text, do_statement, as, as.get("arg").as_str());
  body.range = located.range;
  body.exact = located.exact;
  return body;
}

StringBody string_body(std::string_view file_text, const Statement& statement, const Node& as,
                       std::string_view content) {
  StringBody body{statement.range, false};
  auto location = as.location();
  if (!statement.exact || !location || *location >= file_text.size()) return body;
  std::uint32_t at = statement.offset(*location);
  // CREATE FUNCTION's option stands at its AS keyword; a DO statement's at the string.
  if (file_text.size() > at + 2 && (file_text[at] == 'a' || file_text[at] == 'A') &&
      (file_text[at + 1] == 's' || file_text[at + 1] == 'S')) {
    at = skip_space_and_comments(file_text, at + 2);
    if (at >= file_text.size()) return body;
  }
  std::uint32_t begin = at;
  if (file_text[at] == '$') {
    auto close = file_text.find('$', at + 1);
    if (close == std::string_view::npos) return body;
    begin = static_cast<std::uint32_t>(close + 1);
  } else if (file_text[at] == '\'') {
    begin = at + 1;
  } else {
    return body;
  }
  if (file_text.substr(begin, content.size()) == content) {
    body.range = TextRange{begin, begin + static_cast<std::uint32_t>(content.size())};
    body.exact = true;
  }
  return body;
}

std::optional<std::string> format_template_sql(std::string_view format) {
  std::string sql;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      sql += format[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < format.size() && format[j] == '%') {
      sql += '%';
      i = j;
      continue;
    }
    // %[position$][-][width]type, width a number or * (with an optional position$).
    auto digits = [&] {
      while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) ++j;
    };
    auto position = [&] {  // n$, or nothing
      std::size_t start = j;
      digits();
      if (j < format.size() && format[j] == '$' && j > start) {
        ++j;
      } else {
        j = start;
      }
    };
    position();
    if (j < format.size() && format[j] == '-') ++j;
    if (j < format.size() && format[j] == '*') {
      ++j;
      position();
    } else {
      digits();
    }
    if (j >= format.size()) return std::nullopt;
    char type = format[j];
    if (type == 'I' || type == 's') {
      sql += type == 'I' ? "\"%I\"" : "\"%s\"";
    } else if (type == 'L') {
      sql += "'%L'";
    } else {
      return std::nullopt;
    }
    i = j;
  }
  return sql;
}

std::optional<StringConstant> string_constant(std::string_view expression) {
  std::string_view text = expression;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  auto lead = static_cast<std::uint32_t>(expression.size() - text.size());
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    StringConstant result;
    result.prefix = lead + 1;
    std::string_view inner = text.substr(1, text.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == '\'') {
        if (i + 1 < inner.size() && inner[i + 1] == '\'') {
          result.text += '\'';
          result.exact = false;
          ++i;
          continue;
        }
        return std::nullopt;  // 'a' || 'b': not one constant
      }
      result.text += inner[i];
    }
    return result;
  }
  if (text.size() >= 2 && text.front() == '$') {
    auto close = text.find('$', 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view tag = text.substr(0, close + 1);
    if (text.size() < 2 * tag.size() || !text.ends_with(tag)) return std::nullopt;
    std::string_view inner = text.substr(tag.size(), text.size() - 2 * tag.size());
    if (inner.find(tag) != std::string_view::npos) return std::nullopt;
    return StringConstant{std::string(inner), lead + static_cast<std::uint32_t>(tag.size()), true};
  }
  return std::nullopt;
}

DoExpansion expand_do(std::string_view file_text, const Statement& do_statement,
                      std::ptrdiff_t index, Documents& documents) {
  DoExpansion out;
  auto body = do_body(file_text, do_statement);
  if (!body || body->language != "plpgsql") return out;
  std::string input(file_text.substr(do_statement.range.begin,
                                     do_statement.range.end - do_statement.range.begin));
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(input.c_str());
  if (result.error != nullptr) {
    out.errors.push_back(FileError{"syntax-error",
                                   std::string("in DO block: ") + result.error->message,
                                   do_statement.range.begin});
    pg_query_free_plpgsql_parse_result(result);
    return out;
  }
  std::string decode_error;
  Node root = documents.load(result.plpgsql_funcs, &decode_error);
  pg_query_free_plpgsql_parse_result(result);
  if (!root.valid()) return out;
  if (!root.items().empty()) out.function = root.items().front();
  Expander expander{file_text, do_statement, index, documents, *body, out, {}};
  std::vector<PlpgsqlFrame> frames;
  for (Node function : root.items()) {
    expander.visit(function.get("action"), frames);
  }
  return out;
}

std::optional<std::string> routine_ends_transaction(std::string_view create_routine) {
  std::string input(create_routine);
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(input.c_str());
  std::optional<std::string> found;
  if (result.error == nullptr && result.plpgsql_funcs != nullptr) {
    // Node kinds stand in the JSON as keys; a string value holding the same word would be
    // lowercased (an identifier) or inside a query's text, never followed by a quote and ':'.
    std::string_view json = result.plpgsql_funcs;
    if (json.find("\"PLpgSQL_stmt_commit\":") != std::string_view::npos) {
      found = "COMMIT";
    } else if (json.find("\"PLpgSQL_stmt_rollback\":") != std::string_view::npos) {
      found = "ROLLBACK";
    }
  }
  pg_query_free_plpgsql_parse_result(result);
  return found;
}

namespace {

// PostgreSQL's elog level ERROR, which RAISE without a level and RAISE EXCEPTION use.
constexpr std::int64_t k_elog_error = 21;

// What ends_subtransaction() looks for below `node`: `inside` when it runs in the body of a block
// with an EXCEPTION clause whose error no handler around catches.
void find_subtransaction_end(const Node& node, bool inside, bool caught,
                             std::optional<SubtransactionEnd>& found) {
  walk(node, [&](const Node& child) {
    if (found) return false;
    if (inside && !caught && child.is("PLpgSQL_stmt_commit")) {
      found = SubtransactionEnd{"COMMIT", child.num("lineno")};
    }
    if (inside && !caught && child.is("PLpgSQL_stmt_rollback")) {
      found = SubtransactionEnd{"ROLLBACK", child.num("lineno")};
    }
    if (!child.is("PLpgSQL_stmt_block") || !child.has("exceptions")) return !found;
    bool catches_it = caught;
    for (Node handler : child.get("exceptions").list("exc_list")) {
      // A handler that raises an error at its top level (RAISE; RAISE EXCEPTION) fails the
      // block all the same.
      bool raises = false;
      for (Node statement : handler.list("action")) {
        raises = raises || (statement.is("PLpgSQL_stmt_raise") &&
                            statement.num("elog_level") == k_elog_error);
      }
      for (Node condition : handler.list("conditions")) {
        catches_it = catches_it || (!raises && catches(condition.str("condname"),
                                                       condition::invalid_transaction_termination));
      }
      // A handler runs once its block's subtransaction has been rolled back.
      for (Node statement : handler.list("action")) {
        find_subtransaction_end(statement, inside, caught, found);
      }
    }
    for (Node statement : child.list("body")) {
      find_subtransaction_end(statement, true, catches_it, found);
    }
    return false;
  });
}

}  // namespace

std::optional<SubtransactionEnd> ends_subtransaction(const Node& function) {
  std::optional<SubtransactionEnd> found;
  find_subtransaction_end(function, false, false, found);
  return found;
}

namespace {

// Calls visit(root, documents) with the tree of the PL/pgSQL functions of a CREATE FUNCTION or
// PROCEDURE (its whole text), when it parses.
template <typename Visit>
void with_routine_functions(std::string_view create_routine, Visit&& visit) {
  std::string input(create_routine);
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(input.c_str());
  if (result.error == nullptr && result.plpgsql_funcs != nullptr) {
    Documents documents;
    Node root = documents.load(result.plpgsql_funcs, nullptr);
    visit(root, documents);
  }
  pg_query_free_plpgsql_parse_result(result);
}

}  // namespace

std::vector<QualifiedName> routine_calls(std::string_view create_routine) {
  std::vector<QualifiedName> found;
  with_routine_functions(create_routine, [&](const Node& root, Documents& documents) {
    walk(root, [&](const Node& node) {
      if (!node.is("PLpgSQL_stmt_call")) return true;
      std::string query(node.get("expr").get("query").as_str());
      PgQueryParseResult call = pg_query_parse(query.c_str());
      if (call.error == nullptr) {
        Node tree = documents.load(call.parse_tree, nullptr);
        for (Node raw : tree.list("stmts")) {
          Node statement = raw.get("stmt");
          if (statement.is("CallStmt")) {
            found.push_back(QualifiedName::of(statement.get("funccall").list("funcname")));
          }
        }
      }
      pg_query_free_parse_result(call);
      return false;
    });
  });
  return found;
}

std::optional<SubtransactionEnd> routine_ends_subtransaction(std::string_view create_routine) {
  std::optional<SubtransactionEnd> found;
  with_routine_functions(create_routine, [&](const Node& root, Documents&) {
    for (Node function : root.items()) {
      if (!found) found = ends_subtransaction(function);
    }
  });
  return found;
}

}  // namespace sqlgate::lint
