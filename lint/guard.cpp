#include "lint/guard.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <pg_query.h>

#include "lint/objects.h"

namespace sqlgate::lint {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// The condition names PL/pgSQL knows that can catch what a second run of a migration raises:
// the conditions themselves and the classes they belong to.
constexpr std::array<Condition, 27> k_condition_names = {{
    condition::duplicate_object,
    condition::duplicate_table,
    condition::duplicate_column,
    condition::duplicate_function,
    condition::duplicate_schema,
    condition::duplicate_database,
    condition::invalid_table_definition,
    condition::undefined_object,
    condition::undefined_table,
    condition::undefined_column,
    condition::undefined_function,
    condition::invalid_schema_name,
    condition::invalid_catalog_name,
    condition::unique_violation,
    condition::wrong_object_type,
    condition::object_not_in_prerequisite_state,
    condition::invalid_parameter_value,
    condition::invalid_object_definition,
    condition::dependent_objects_still_exist,
    {"dependent_privilege_descriptors_still_exist", "2B000"},
    {"syntax_error_or_access_rule_violation", "42000"},
    {"integrity_constraint_violation", "23000"},
    {"data_exception", "22000"},
    {"invalid_text_representation", "22P02"},
    {"duplicate_alias", "42712"},
    condition::invalid_transaction_termination,
    condition::feature_not_supported,
}};

bool is_sqlstate(std::string_view text) {
  return text.size() == 5 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
         });
}

bool sqlstate_catches(std::string_view handler, std::string_view error) {
  if (handler == error) return true;
  // A class ("42000") catches every condition of the class.
  return handler.substr(2) == "000" && handler.substr(0, 2) == error.substr(0, 2);
}

bool is_relation_kind(std::string_view object_type) {
  return object_type == "OBJECT_TABLE" || object_type == "OBJECT_VIEW" ||
         object_type == "OBJECT_MATVIEW" || object_type == "OBJECT_INDEX" ||
         object_type == "OBJECT_SEQUENCE" || object_type == "OBJECT_FOREIGN_TABLE";
}

bool is_routine_kind(std::string_view object_type) {
  return object_type == "OBJECT_FUNCTION" || object_type == "OBJECT_PROCEDURE" ||
         object_type == "OBJECT_ROUTINE" || object_type == "OBJECT_AGGREGATE" ||
         object_type == "OBJECT_OPERATOR";
}

std::optional<Condition> unless(bool re_runnable, Condition error) {
  if (re_runnable) return std::nullopt;
  return error;
}

// What a second DROP of an object that is already gone raises.
Condition drop_error(std::string_view remove_type) {
  if (remove_type == "OBJECT_TABLE" || remove_type == "OBJECT_VIEW" ||
      remove_type == "OBJECT_MATVIEW" || remove_type == "OBJECT_SEQUENCE") {
    return condition::undefined_table;
  }
  if (remove_type == "OBJECT_SCHEMA") return condition::invalid_schema_name;
  if (is_routine_kind(remove_type)) return condition::undefined_function;
  // Indexes and foreign tables too: "index "i" does not exist" is 42704.
  return condition::undefined_object;
}

Condition rename_error(const Node& statement) {
  std::string_view type = statement.str("renameType");
  if (is_relation_kind(type)) return condition::undefined_table;
  if (type == "OBJECT_COLUMN" || type == "OBJECT_ATTRIBUTE") return condition::undefined_column;
  // A second rename of a policy meets the new name first.
  if (type == "OBJECT_POLICY") return condition::duplicate_object;
  if (is_routine_kind(type)) return condition::undefined_function;
  if (type == "OBJECT_SCHEMA") return condition::invalid_schema_name;
  if (type == "OBJECT_DATABASE") return condition::invalid_catalog_name;
  return condition::undefined_object;
}

std::optional<Condition> constraint_error(const Node& constraint) {
  std::string_view type = constraint.str("contype");
  bool named = !constraint.str("conname").empty();
  // ADD CONSTRAINT ... USING INDEX: the index belongs to the constraint after the first run,
  // under the constraint's name. A second run finds it, and refuses it ("index ... is already
  // associated with a constraint"), when it names the index so: the constraint has the index's
  // name or none (then it takes the index's). Else the index it names is gone (renamed).
  if (std::string_view index = constraint.str("indexname"); !index.empty()) {
    if (!named || truncate_identifier(index) == truncate_identifier(constraint.str("conname"))) {
      return condition::object_not_in_prerequisite_state;
    }
    return condition::undefined_object;
  }
  if (type == "CONSTR_PRIMARY") return condition::invalid_table_definition;
  if (!named) return std::nullopt;  // another constraint, under another name, each run
  if (type == "CONSTR_UNIQUE" || type == "CONSTR_EXCLUSION") return condition::duplicate_table;
  return condition::duplicate_object;
}

}  // namespace

std::optional<Condition> options_error(const NodeList& options) {
  for (Node option : options) {
    std::string_view action = option.str("defaction");
    if (action == "DEFELEM_DROP") return condition::undefined_object;
    if (action != "DEFELEM_SET") return condition::duplicate_object;
  }
  return std::nullopt;
}

bool catches(std::string_view handler_condition, const Condition& error) {
  std::string name = lower(trim(handler_condition));
  if (name == "others") return true;
  std::string_view written = trim(handler_condition);
  if (is_sqlstate(written)) return sqlstate_catches(written, error.sqlstate);
  for (const Condition& known : k_condition_names) {
    if (known.name == name) return sqlstate_catches(known.sqlstate, error.sqlstate);
  }
  return false;
}

bool conditional(const Statement& statement, std::optional<Condition> error, bool branches) {
  for (const auto& frame : statement.frames) {
    if (frame.part == "then_body" || frame.part == "elsif" || frame.part == "else_body" ||
        frame.part == "case_when" || frame.part == "case_else" || frame.part == "exception") {
      if (branches) return true;
    }
    if (frame.node.kind() != "PLpgSQL_stmt_block" || !frame.node.has("exceptions")) continue;
    if (!error) return true;
    for (Node handler : frame.node.get("exceptions").list("exc_list")) {
      for (Node condition : handler.list("conditions")) {
        if (catches(condition.str("condname"), *error)) return true;
      }
    }
  }
  return false;
}

namespace {

// A relation of the session: a second run, in a new session, makes it afresh.
bool temporary_relation(const Node& statement) {
  std::string_view kind = statement.kind();
  Node relation;
  if (kind == "CreateStmt") relation = statement.get("relation");
  if (kind == "CreateSeqStmt") relation = statement.get("sequence");
  if (kind == "ViewStmt") relation = statement.get("view");
  if (kind == "CreateTableAsStmt") relation = statement.get("into").get("rel");
  if (kind == "SelectStmt") relation = statement.get("intoClause").get("rel");
  return relation.valid() &&
         (relation.str("relpersistence") == "t" || relation.str("schemaname") == "pg_temp");
}

}  // namespace

std::optional<Condition> repeat_error(const Node& statement) {
  std::string_view kind = statement.kind();
  if (temporary_relation(statement)) return std::nullopt;
  bool if_not_exists = statement.flag("if_not_exists");
  bool replace = statement.flag("replace");
  bool missing_ok = statement.flag("missing_ok");
  if (kind == "CreateStmt" || kind == "CreateSeqStmt") {
    return unless(if_not_exists, condition::duplicate_table);
  }
  if (kind == "CreateTableAsStmt") return unless(if_not_exists, condition::duplicate_table);
  if (kind == "CreateForeignTableStmt") {
    return unless(statement.get("base").flag("if_not_exists"), condition::duplicate_table);
  }
  if (kind == "IndexStmt") {
    // An unnamed index gets a new name, and is built again, on every run.
    return unless(if_not_exists || statement.str("idxname").empty(), condition::duplicate_table);
  }
  if (kind == "ViewStmt") return unless(replace, condition::duplicate_table);
  if (kind == "SelectStmt") {
    return unless(!statement.has("intoClause"), condition::duplicate_table);
  }
  if (kind == "ImportForeignSchemaStmt") return condition::duplicate_table;
  if (kind == "CreateSchemaStmt") return unless(if_not_exists, condition::duplicate_schema);
  if (kind == "CreatedbStmt") return condition::duplicate_database;
  if (kind == "CreateFunctionStmt") return unless(replace, condition::duplicate_function);
  if (kind == "DefineStmt") {
    std::string_view object = statement.str("kind");
    if (object == "OBJECT_AGGREGATE") return unless(replace, condition::duplicate_function);
    if (object == "OBJECT_OPERATOR") return condition::duplicate_function;
    // Text search objects collide on a catalog index: "duplicate key value violates ...".
    if (object == "OBJECT_TSPARSER" || object == "OBJECT_TSDICTIONARY" ||
        object == "OBJECT_TSTEMPLATE" || object == "OBJECT_TSCONFIGURATION") {
      return condition::unique_violation;
    }
    return unless(if_not_exists, condition::duplicate_object);
  }
  if (kind == "CreateTrigStmt" || kind == "RuleStmt" || kind == "CreateTransformStmt" ||
      kind == "CreatePLangStmt") {
    return unless(replace, condition::duplicate_object);
  }
  if (kind == "CreateExtensionStmt" || kind == "CreateForeignServerStmt" ||
      kind == "CreateUserMappingStmt" || kind == "CreateStatsStmt") {
    return unless(if_not_exists, condition::duplicate_object);
  }
  if (kind == "CreateEnumStmt" || kind == "CompositeTypeStmt" || kind == "CreateRangeStmt" ||
      kind == "CreateDomainStmt" || kind == "CreatePolicyStmt" || kind == "CreateRoleStmt" ||
      kind == "CreateCastStmt" || kind == "CreatePublicationStmt" ||
      kind == "CreateSubscriptionStmt" || kind == "CreateEventTrigStmt" ||
      kind == "CreateConversionStmt" || kind == "CreateOpClassStmt" ||
      kind == "CreateOpFamilyStmt" || kind == "CreateAmStmt" || kind == "CreateFdwStmt" ||
      kind == "CreateTableSpaceStmt") {
    return condition::duplicate_object;
  }
  if (kind == "AlterEnumStmt") {
    if (!statement.str("oldVal").empty()) return condition::invalid_parameter_value;
    return unless(statement.flag("skipIfNewValExists"), condition::duplicate_object);
  }
  if (kind == "DropStmt") return unless(missing_ok, drop_error(statement.str("removeType")));
  if (kind == "DropRoleStmt" || kind == "DropTableSpaceStmt" || kind == "DropUserMappingStmt" ||
      kind == "DropSubscriptionStmt") {
    return unless(missing_ok, condition::undefined_object);
  }
  if (kind == "DropdbStmt") return unless(missing_ok, condition::invalid_catalog_name);
  if (kind == "RenameStmt") {
    // ALTER TABLE IF EXISTS old RENAME TO new: a second run finds no table and skips.
    bool relation = is_relation_kind(statement.str("renameType"));
    return unless(relation && missing_ok, rename_error(statement));
  }
  if (kind == "AlterObjectSchemaStmt") {
    std::string_view type = statement.str("objectType");
    if (is_relation_kind(type)) return unless(missing_ok, condition::undefined_table);
    if (type == "OBJECT_EXTENSION") return std::nullopt;  // already there: nothing to do
    if (is_routine_kind(type)) return condition::undefined_function;
    return condition::undefined_object;
  }
  if (kind == "AlterDomainStmt") {
    std::string_view subtype = statement.str("subtype");
    if (subtype == "C") return constraint_error(statement.get("def"));
    if (subtype == "X") return unless(missing_ok, condition::undefined_object);
    return std::nullopt;
  }
  if (kind == "AlterExtensionContentsStmt") return condition::object_not_in_prerequisite_state;
  if (kind == "AlterPublicationStmt") {
    std::string_view action = statement.str("action");
    // SET (options) parses as AP_AddObjects without objects: it succeeds again.
    if (statement.list("pubobjects").empty()) return std::nullopt;
    if (action == "AP_AddObjects") return condition::duplicate_object;
    if (action == "AP_DropObjects") return condition::undefined_object;
    return std::nullopt;
  }
  if (kind == "AlterOpFamilyStmt") {
    return statement.flag("isDrop") ? condition::undefined_object : condition::duplicate_object;
  }
  if (kind == "AlterSubscriptionStmt") {
    std::string_view action = statement.str("kind");
    if (action == "ALTER_SUBSCRIPTION_ADD_PUBLICATION") return condition::duplicate_object;
    if (action == "ALTER_SUBSCRIPTION_DROP_PUBLICATION") {
      return condition::invalid_object_definition;
    }
    return std::nullopt;
  }
  if (kind == "AlterTSConfigurationStmt") {
    std::string_view action = statement.str("kind");
    // The mapping collides on a catalog index: "duplicate key value violates ...".
    if (action == "ALTER_TSCONFIG_ADD_MAPPING") return condition::unique_violation;
    if (action == "ALTER_TSCONFIG_DROP_MAPPING")
      return unless(missing_ok, condition::undefined_object);
    return std::nullopt;
  }
  if (kind == "AlterForeignServerStmt" || kind == "AlterFdwStmt" ||
      kind == "AlterUserMappingStmt") {
    return options_error(statement.list("options"));
  }
  if (kind == "InsertStmt") {
    // Only when a unique constraint or index meets the rows; else they are added again.
    return unless(statement.has("onConflictClause"), condition::unique_violation);
  }
  return std::nullopt;
}

std::optional<Condition> repeat_error(const Node& statement, const Node& command) {
  if (!statement.is("AlterTableStmt")) return repeat_error(statement);
  std::string_view subtype = command.str("subtype");
  bool missing_ok = command.flag("missing_ok");
  if (subtype == "AT_AddColumn") return unless(missing_ok, condition::duplicate_column);
  if (subtype == "AT_DropColumn") return unless(missing_ok, condition::undefined_column);
  if (subtype == "AT_DropConstraint") return unless(missing_ok, condition::undefined_object);
  if (subtype == "AT_AddConstraint") return constraint_error(command.get("def"));
  // ALTER INDEX ... ATTACH PARTITION of an index already attached does nothing.
  if (subtype == "AT_AttachPartition" && statement.str("objtype") == "OBJECT_INDEX") {
    return std::nullopt;
  }
  if (subtype == "AT_AttachPartition" || subtype == "AT_DropOf") {
    return condition::wrong_object_type;
  }
  if (subtype == "AT_DetachPartition" || subtype == "AT_DropInherit") {
    return condition::undefined_table;
  }
  if (subtype == "AT_AddInherit") return condition::duplicate_table;
  if (subtype == "AT_AddIdentity") return condition::object_not_in_prerequisite_state;
  if (subtype == "AT_GenericOptions" || subtype == "AT_AlterColumnGenericOptions") {
    return options_error(command.get("def").list("items"));
  }
  if (subtype == "AT_DropIdentity" || subtype == "AT_DropExpression") {
    return unless(missing_ok, condition::object_not_in_prerequisite_state);
  }
  return std::nullopt;
}

// ---- guard analysis ---------------------------------------------------------------------

// A place in a DO block: the statement at index `index` of the list that frames[frame] holds.
struct GuardAnalysis::Place {
  std::size_t frame = 0;
  std::size_t index = 0;
};

// What a catalog test must be able to find, and why the first one that could not did not.
struct GuardAnalysis::Judging {
  const std::vector<const GuardTarget*>* targets = nullptr;
  // Then the other statements' targets, those `skip` does not reject.
  const TargetIndex* others = nullptr;
  std::function<bool(const TargetIndex::Entry&)> skip;
  // What the branch whose test it is leaves missing.
  const std::vector<Transient>* transients = nullptr;
  std::optional<std::string> mismatch;
};

namespace {

constexpr int k_max_depth = 4;

// The statement list of a frame's part.
NodeList part_list(const PlpgsqlFrame& frame) {
  std::string_view part = frame.part;
  if (part == "body" || part == "loop") return frame.node.list("body");
  if (part == "exception") return frame.elsif.list("action");
  if (part == "then_body") return frame.node.list("then_body");
  if (part == "elsif" || part == "case_when") return frame.elsif.list("stmts");
  if (part == "else_body") return frame.node.list("else_body");
  if (part == "case_else") return frame.node.list("else_stmts");
  return NodeList();
}

std::string_view expression_text(const Node& expression) {
  return expression.get("query").as_str();
}

// The statements before a place, nearest first: earlier in its list, then before the construct
// that holds it, outwards.
template <typename ListOf, typename Visitor>
void for_each_preceding(const Statement& statement, std::size_t frame, std::size_t index,
                        ListOf&& list_of, Visitor&& visit) {
  for (std::size_t k = frame + 1; k-- > 0;) {
    if (k >= statement.frames.size()) continue;
    const std::vector<Node>& list = list_of(k).statements;
    std::size_t end = k == frame ? index : statement.frames[k].index;
    for (std::size_t j = std::min(end, list.size()); j-- > 0;) {
      if (visit(list[j], k, j)) return;
    }
  }
}

bool same_elsif(const Node& a, const Node& b) {
  return a.num("lineno") == b.num("lineno") &&
         expression_text(a.get("cond")) == expression_text(b.get("cond"));
}

bool same_when(const Node& a, const Node& b) {
  return a.num("lineno") == b.num("lineno") &&
         expression_text(a.get("expr")) == expression_text(b.get("expr"));
}

// The tests a branch is taken after.
std::vector<std::string_view> branch_tests(const PlpgsqlFrame& frame) {
  std::vector<std::string_view> tests;
  std::string_view part = frame.part;
  if (frame.node.is("PLpgSQL_stmt_if")) {
    tests.push_back(expression_text(frame.node.get("cond")));
    if (part == "then_body") return tests;
    for (Node elsif : frame.node.list("elsif_list")) {
      tests.push_back(expression_text(elsif.get("cond")));
      if (part == "elsif" && same_elsif(elsif, frame.elsif)) break;
    }
  } else if (frame.node.is("PLpgSQL_stmt_case")) {
    if (Node selector = frame.node.get("t_expr")) tests.push_back(expression_text(selector));
    for (Node when : frame.node.list("case_when_list")) {
      tests.push_back(expression_text(when.get("expr")));
      if (part == "case_when" && same_when(when, frame.elsif)) break;
    }
  }
  return tests;
}

bool raises_again(const Node& handler) {
  constexpr std::int64_t k_error_level = 21;  // elog.h's ERROR
  for (Node action : handler.list("action")) {
    if (action.is("PLpgSQL_stmt_raise") &&
        action.num("elog_level", k_error_level) >= k_error_level) {
      return true;
    }
  }
  return false;
}

bool ends_with_return(const NodeList& list) {
  return !list.empty() && list.back().is("PLpgSQL_stmt_return");
}

bool names_table(const RelationName& wanted, const Node& range_var) {
  RelationName found = relation_name(range_var);
  return found.name == wanted.name &&
         (found.schema.empty() || wanted.schema.empty() || found.schema == wanted.schema);
}

constexpr std::array<std::string_view, 9> k_catalog_lookups = {
    "to_regclass",    "to_regtype",      "to_regproc", "to_regprocedure", "to_regoper",
    "to_regoperator", "to_regnamespace", "to_regrole", "to_regcollation",
};

// The variable an assignment ("name := expression") sets, and its expression.
std::optional<std::pair<std::string, std::string_view>> split_assignment(std::string_view text) {
  auto at = text.find(":=");
  std::size_t length = 2;
  if (at == std::string_view::npos) {
    at = text.find('=');
    length = 1;
  }
  if (at == std::string_view::npos) return std::nullopt;
  return std::make_pair(lower(trim(text.substr(0, at))), trim(text.substr(at + length)));
}

}  // namespace

GuardAnalysis::GuardAnalysis(const ParsedFile& file)
    : m_file(&file), m_documents(std::make_unique<Documents>()) {}

GuardAnalysis::~GuardAnalysis() = default;

Node GuardAnalysis::expression_tree(std::string_view expression) const {
  if (auto it = m_expressions.find(expression); it != m_expressions.end()) return it->second;
  // A condition or an assignment's value is an expression; PERFORM and SELECT INTO hold a query.
  std::string_view text = trim(expression);
  std::size_t word = 0;
  while (word < text.size() && std::isalpha(static_cast<unsigned char>(text[word]))) ++word;
  std::string head = lower(text.substr(0, word));
  bool query_text = head == "select" || head == "with" || head == "values" || head == "table";
  std::string query = query_text ? std::string(expression) : "SELECT " + std::string(expression);
  Node root;
  PgQueryParseResult result = pg_query_parse(query.c_str());
  if (result.error == nullptr)
    root = m_documents->load_parse_tree(result.parse_tree, query, nullptr);
  pg_query_free_parse_result(result);
  m_expressions.emplace(std::string(expression), root);
  return root;
}

Node GuardAnalysis::condition(std::string_view test) const {
  Node root = expression_tree(test);
  NodeList statements = root.list("stmts");
  if (statements.size() != 1) return Node();
  Node select = statements.front().get("stmt");
  NodeList targets = select.list("targetList");
  if (!select.is("SelectStmt") || select.has("fromClause") || targets.size() != 1) return Node();
  return targets.front().get("val");
}

Node GuardAnalysis::do_function(const Statement& statement) const {
  if (statement.parent < 0) return Node();
  return m_file->do_function(static_cast<std::size_t>(statement.parent));
}

bool GuardAnalysis::reads_catalog(std::string_view expression,
                                  const std::vector<RelationName>& tables) const {
  Node tree = expression_tree(expression);
  bool found = false;
  walk(tree, [&](const Node& node) {
    if (found) return false;
    if (node.is("RangeVar")) {
      std::string_view schema = node.str("schemaname");
      std::string_view name = node.str("relname");
      if (schema == "pg_catalog" || schema == "information_schema" ||
          (schema.empty() && name.starts_with("pg_"))) {
        found = true;
      }
      for (const auto& table : tables) found = found || names_table(table, node);
    } else if (node.is("FuncCall")) {
      NodeList names = node.list("funcname");
      std::string_view name = names.empty() ? std::string_view() : names.back().as_str();
      found = std::find(k_catalog_lookups.begin(), k_catalog_lookups.end(), name) !=
              k_catalog_lookups.end();
    }
    return !found;
  });
  return found;
}

bool GuardAnalysis::tests_catalog(std::string_view expression, const Statement& statement,
                                  const Place& place, const GuardQuery& query, Judging& judging,
                                  int depth) const {
  if (reads_catalog(expression, query.tables)) {
    auto mismatch = guard_mismatch(expression_tree(expression), *judging.targets, judging.others,
                                   judging.skip, judging.transients);
    if (!mismatch) return true;
    if (!judging.mismatch) judging.mismatch = std::move(mismatch);
  }
  if (depth >= k_max_depth) return false;
  // FOUND, or a variable set earlier from a catalog query.
  std::vector<std::string> variables;
  walk(expression_tree(expression), [&](const Node& node) {
    if (node.is("ColumnRef")) {
      NodeList fields = node.list("fields");
      if (fields.size() == 1 && fields.front().is("String")) {
        variables.push_back(lower(fields.front().as_str()));
      }
      return false;
    }
    return !node.is("SubLink");  // names inside a subquery are its columns
  });
  return std::any_of(variables.begin(), variables.end(), [&](const std::string& name) {
    return variable_from_catalog(name, statement, place, query, judging, depth);
  });
}

const GuardAnalysis::StatementList& GuardAnalysis::list_of(const Statement& statement,
                                                           std::size_t frame) const {
  // A list is known by its path from the DO block: the part and the index in each frame.
  std::string key = std::to_string(statement.parent);
  for (std::size_t k = 0; k <= frame && k < statement.frames.size(); ++k) {
    const PlpgsqlFrame& f = statement.frames[k];
    key.append("/").append(f.part).append("#").append(std::to_string(f.elsif.num("lineno")));
    if (k < frame) key.append(":").append(std::to_string(f.index));
  }
  auto it = m_lists.find(key);
  if (it != m_lists.end()) return *it->second;
  auto list = std::make_unique<StatementList>();
  if (frame < statement.frames.size()) {
    for (Node node : part_list(statement.frames[frame])) {
      if (node.is("PLpgSQL_stmt_if") && ends_with_return(node.list("then_body"))) {
        list->returns.push_back(list->statements.size());
      }
      list->statements.push_back(node);
    }
  }
  return *m_lists.emplace(std::move(key), std::move(list)).first->second;
}

bool GuardAnalysis::variable_from_catalog(std::string_view name, const Statement& statement,
                                          const Place& place, const GuardQuery& query,
                                          Judging& judging, int depth) const {
  bool result = false;
  bool assigned = false;
  auto lists = [&](std::size_t k) -> const StatementList& { return list_of(statement, k); };
  for_each_preceding(
      statement, place.frame, place.index, lists,
      [&](const Node& previous, std::size_t frame, std::size_t index) {
        Place there{frame, index};
        std::string_view kind = previous.kind();
        if (name == "found") {
          // The nearest statement that sets FOUND decides.
          if (kind == "PLpgSQL_stmt_perform") {
            result = tests_catalog(expression_text(previous.get("expr")), statement, there, query,
                                   judging, depth + 1);
            return assigned = true;
          }
          if (kind == "PLpgSQL_stmt_execsql") {
            result =
                previous.flag("into") && tests_catalog(expression_text(previous.get("sqlstmt")),
                                                       statement, there, query, judging, depth + 1);
            return assigned = true;
          }
          if (kind == "PLpgSQL_stmt_fetch" || kind == "PLpgSQL_stmt_fors" ||
              kind == "PLpgSQL_stmt_fori" || kind == "PLpgSQL_stmt_forc" ||
              kind == "PLpgSQL_stmt_dynfors" || kind == "PLpgSQL_stmt_foreach_a") {
            return assigned = true;
          }
          return false;
        }
        if (kind == "PLpgSQL_stmt_execsql" && previous.flag("into")) {
          Node target = previous.get("target");
          bool sets = lower(target.str("refname")) == name;
          for (Node field : target.list("fields")) {
            sets = sets || lower(field.str("name")) == name;
          }
          if (!sets) return false;
          result = tests_catalog(expression_text(previous.get("sqlstmt")), statement, there, query,
                                 judging, depth + 1);
          return assigned = true;
        }
        if (kind == "PLpgSQL_stmt_assign") {
          auto assignment = split_assignment(expression_text(previous.get("expr")));
          if (!assignment || assignment->first != name) return false;
          result = tests_catalog(assignment->second, statement, there, query, judging, depth + 1);
          return assigned = true;
        }
        return false;
      });
  if (assigned || name == "found") return result;
  // DECLARE name type := expression;
  for (Node datum : do_function(statement).list("datums")) {
    if (lower(datum.str("refname")) != name) continue;
    std::string_view initial = expression_text(datum.get("default_val"));
    return !initial.empty() &&
           tests_catalog(initial, statement, Place{0, 0}, query, judging, depth + 1);
  }
  return false;
}

namespace {

bool handled(const std::vector<Node>& handlers, const Condition& error) {
  for (const Node& handler : handlers) {
    for (Node condition : handler.list("conditions")) {
      if (catches(condition.str("condname"), error)) return true;
    }
  }
  return false;
}

// What a second run of a statement raises, all of its ALTER subcommands taken together: the
// first error, when every failing subcommand's is `handled`.
std::optional<Condition> statement_error(const Node& node, const std::vector<Node>& handlers) {
  if (!node.is("AlterTableStmt")) return repeat_error(node);
  std::optional<Condition> first;
  for (Node command : node.list("cmds")) {
    auto error = repeat_error(node, command);
    if (!error) continue;
    if (!handled(handlers, *error)) return error;
    if (!first) first = error;
  }
  return first;
}

}  // namespace

// A statement that runs, unconditionally, before this one in the block of frames[frame], and
// whose second run raises what the block's handlers catch: the rest of the block is skipped.
std::optional<Condition> GuardAnalysis::fails_first(const Statement& statement, std::size_t frame,
                                                    const std::vector<Node>& handlers) const {
  for (const Statement& earlier : m_file->embedded()) {
    if (&earlier == &statement) break;
    if (earlier.parent != statement.parent || earlier.frames.size() != frame + 1) continue;
    const PlpgsqlFrame& there = earlier.frames[frame];
    if (there.part != "body" || there.index >= statement.frames[frame].index) continue;
    bool same_block = true;
    for (std::size_t k = 0; k <= frame && same_block; ++k) {
      same_block = earlier.frames[k].part == statement.frames[k].part &&
                   (k == frame || earlier.frames[k].index == statement.frames[k].index);
    }
    if (!same_block) continue;
    auto error = statement_error(earlier.node, handlers);
    if (error && handled(handlers, *error)) return error;
  }
  return std::nullopt;
}

void GuardAnalysis::mark_path(const Statement& statement, std::vector<GuardTarget>& targets) const {
  const auto& statements = m_file->statements();
  if (!m_paths) {
    m_paths.emplace();
    std::optional<std::vector<std::string>> path;
    for (const Statement& top : statements) {
      m_paths->push_back(path);
      if (auto change = search_path_change(top.node)) path = change->path;
    }
  }
  std::size_t top = statement.embedded() ? static_cast<std::size_t>(statement.parent)
                                         : static_cast<std::size_t>(&statement - statements.data());
  if (top >= m_paths->size() || !(*m_paths)[top]) return;
  const std::vector<std::string>& path = *(*m_paths)[top];
  for (GuardTarget& target : targets) {
    const std::string& schema = target.object.schema;
    // PostgreSQL searches pg_catalog and the session's temporary schema whatever the path says.
    target.on_path = !target.schema_given || schema.empty() || schema == "pg_catalog" ||
                     schema == "pg_temp" ||
                     std::find(path.begin(), path.end(), schema) != path.end();
  }
}

const std::vector<const GuardTarget*>& GuardAnalysis::own_targets(const Statement& statement,
                                                                  const GuardQuery& query) const {
  auto& cached = m_own_targets[query.new_name_only ? 1 : 0];
  if (auto it = cached.find(&statement); it != cached.end()) return it->second.view;
  OwnTargets& own = cached[&statement];
  own.targets = guard_targets(statement, !query.new_name_only);
  follow_renames(own.targets, statement);
  mark_path(statement, own.targets);
  for (const GuardTarget& target : own.targets) own.view.push_back(&target);
  return own.view;
}

void GuardAnalysis::follow_renames(std::vector<GuardTarget>& targets,
                                   const Statement& owner) const {
  if (!m_renames) {
    m_renames.emplace();
    for (const Statement* statement : m_file->all_statements()) {
      if (!statement->node.is("RenameStmt")) continue;
      for (const GuardTarget& target : guard_targets(*statement)) {
        if (target.action != Action::rename || !is_relation(target.object.kind) ||
            target.new_name.empty()) {
          continue;
        }
        (*m_renames)[target.object.name].push_back(RelationRename{
            statement->ordinal, target.object.schema, target.schema_given, target.new_name});
      }
    }
  }
  if (m_renames->empty()) return;
  for (GuardTarget& target : targets) {
    if (target.object.parent.empty()) continue;
    std::string name = target.object.parent;
    std::uint32_t after = owner.ordinal;
    // The first rename of the table after the statement, then the first of its new name after
    // that one, ...
    for (int step = 0; step < 8; ++step) {
      auto renames = m_renames->find(name);
      if (renames == m_renames->end()) break;
      const RelationRename* next = nullptr;
      for (const RelationRename& rename : renames->second) {
        bool same_schema =
            !rename.schema_given || !target.schema_given || rename.schema == target.object.schema;
        if (rename.ordinal > after && same_schema) {
          next = &rename;
          break;
        }
      }
      if (next == nullptr) break;
      name = next->new_name;
      after = next->ordinal;
    }
    if (name != target.object.parent) target.new_parent = name;
  }
}

const TargetIndex& GuardAnalysis::file_targets() const {
  if (!m_all_targets) {
    m_all_targets.emplace();
    for (const Statement* other : m_file->all_statements()) {
      std::vector<GuardTarget> targets = guard_targets(*other);
      follow_renames(targets, *other);
      mark_path(*other, targets);
      for (GuardTarget& target : targets) m_all_targets->emplace_back(other, std::move(target));
    }
    for (const auto& [owner, target] : *m_all_targets) m_file_index.add(target, owner);
  }
  return m_file_index;
}

namespace {

// Which branch of an IF or CASE (frames[branch] of a statement) holds the statement.
std::string branch_key(const Statement& statement, std::size_t branch) {
  const PlpgsqlFrame& frame = statement.frames[branch];
  return std::to_string(statement.parent) + "/" + std::to_string(frame.node.at()) + "/" +
         std::string(frame.part) + "/" + std::to_string(frame.elsif.valid() ? frame.elsif.at() : 0);
}

// The frame of the IF or CASE branch that a statement runs in whenever it runs: the innermost
// frame that is not a block's body. Nothing when that is not such a branch (a loop, a handler).
std::optional<std::size_t> branch_of(const Statement& statement) {
  for (std::size_t k = statement.frames.size(); k-- > 0;) {
    std::string_view part = statement.frames[k].part;
    if (part == "body") continue;
    if (part == "then_body" || part == "elsif" || part == "else_body" || part == "case_when" ||
        part == "case_else") {
      return k;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<Transient>* GuardAnalysis::transients(const Statement& statement,
                                                        std::size_t branch) const {
  // Only a branch that drops or renames something away can leave what it makes missing: with no
  // such statement in any DO block the file's targets are not needed.
  auto leaves_something = [&] {
    for (const Statement* other : m_file->all_statements()) {
      if (!other->embedded()) continue;
      for (const GuardTarget& target : guard_targets(*other)) {
        if (target.action == Action::drop || target.action == Action::rename) return true;
      }
    }
    return false;
  };
  if (!m_transients) {
    m_transients.emplace();
    if (!leaves_something()) return nullptr;
    file_targets();
    // What each statement does to an object (of a kind, schema, parent and name), in file order:
    // makes it (`made`), or drops or renames it away.
    struct Event {
      const Statement* owner = nullptr;
      bool made = false;
      bool may_exist = false;
      bool renamed = false;  // made by renaming another onto it, or renamed away
      std::string other;     // the other name of a rename
    };
    struct Object {
      ObjectRef ref;
      bool schema_given = false;
      bool consistent = true;  // every statement names it with the same schema
      std::vector<Event> events;
    };
    std::map<std::string, Object> objects;
    auto record = [&](const ObjectRef& ref, bool schema_given, Event event) {
      std::string key = std::string(is_relation(ref.kind) ? "relation" : to_string(ref.kind)) +
                        "/" + ref.parent + "/" + ref.name;
      auto [it, added] = objects.try_emplace(key);
      Object& object = it->second;
      if (added) {
        object.ref = ref;
        object.schema_given = schema_given;
      }
      object.consistent = object.consistent && object.schema_given == schema_given &&
                          object.ref.schema == ref.schema;
      object.events.push_back(std::move(event));
    };
    for (const auto& [owner, target] : *m_all_targets) {
      if (target.action == Action::create) {
        record(target.object, target.schema_given, Event{owner, true, target.may_exist, false, ""});
      } else if (target.action == Action::drop) {
        record(target.object, target.schema_given, Event{owner, false, false, false, ""});
      } else if (target.action == Action::rename) {
        ObjectRef to = target.object;
        if (!target.new_name.empty()) to.name = target.new_name;
        if (!target.new_schema.empty()) to.schema = target.new_schema;
        record(target.object, target.schema_given, Event{owner, false, false, true, to.name});
        record(to, target.schema_given || !target.new_schema.empty(),
               Event{owner, true, false, true, target.object.name});
      }
    }
    for (auto& [key, object] : objects) {
      const std::vector<Event>& events = object.events;
      const Event& first = events.front();
      const Event& last = events.back();
      // Missing before the first run (a CREATE without IF NOT EXISTS, or a rename onto it, fails
      // otherwise) and after it.
      if (!object.consistent || !first.made || first.may_exist || last.made) continue;
      auto branch_at = branch_of(*first.owner);
      if (!first.owner->embedded() || !branch_at) continue;
      std::string where = branch_key(*first.owner, *branch_at);
      bool together = std::all_of(events.begin(), events.end(), [&](const Event& event) {
        auto at = branch_of(*event.owner);
        return event.owner->embedded() && at && branch_key(*event.owner, *at) == where;
      });
      if (!together) continue;
      auto line = [&](const Event& event) {
        return std::to_string(m_file->position(event.owner->range.begin).line);
      };
      std::string name = object.ref.name;
      std::string shown = object.schema_given ? object.ref.schema + "." + name : name;
      std::string noun(to_string(object.ref.kind));
      std::string why = "the branch ";
      why += first.renamed
                 ? "renames " + noun + " " + (object.schema_given ? object.ref.schema + "." : "") +
                       first.other + " to " + name
                 : "makes " + noun + " " + shown;
      why += " (line " + line(first) + ") and ";
      why += last.renamed ? "renames " + name + " to " + last.other : "drops " + name;
      why += " (line " + line(last) + "), so the test finds no " + shown + " on any run";
      (*m_transients)[where].push_back(Transient{object.ref, object.schema_given, std::move(why)});
    }
  }
  auto found = m_transients->find(branch_key(statement, branch));
  return found == m_transients->end() ? nullptr : &found->second;
}

// BEGIN PERFORM 'x'::regclass; EXCEPTION WHEN undefined_table THEN <statement> END: the
// handler runs only while x is missing, and makes it.
bool GuardAnalysis::lookup_handler(const Statement& statement, std::size_t frame) const {
  const PlpgsqlFrame& block = statement.frames[frame];
  if (!block.node.is("PLpgSQL_stmt_block") || block.part != "exception") return false;
  NodeList body = block.node.list("body");
  if (body.empty()) return false;
  std::vector<GuardTarget> targets;
  bool finds = false;
  for (Node step : body) {
    std::string_view query;
    if (step.is("PLpgSQL_stmt_perform")) query = expression_text(step.get("expr"));
    if (step.is("PLpgSQL_stmt_execsql") && step.flag("into")) {
      query = expression_text(step.get("sqlstmt"));
    }
    if (query.empty()) return false;
    if (targets.empty()) targets = guard_targets(statement);
    auto lookup = failed_lookup(expression_tree(query), targets);
    if (!lookup) return false;
    bool caught = false;
    for (Node condition : block.elsif.list("conditions")) {
      caught = caught || catches(condition.str("condname"), Condition{"", lookup->sqlstate});
    }
    if (!caught) return false;
    finds = finds || lookup->finds_target;
  }
  return finds;
}

namespace {

// Whether a statement runs before the test of the IF / CASE that frames[branch] of `statement`
// is: earlier in the file, and not in one of that construct's branches.
bool before_test(const Statement& other, const Statement& statement, std::size_t branch) {
  if (other.range.begin >= statement.range.begin) return false;
  if (other.parent != statement.parent || other.frames.size() <= branch) return true;
  for (std::size_t k = 0; k <= branch; ++k) {
    if (other.frames[k].node.at() != statement.frames[k].node.at()) return true;
  }
  return false;
}

}  // namespace

std::optional<Guard> GuardAnalysis::find(const Statement& statement, const GuardQuery& query,
                                         std::string* mismatch) const {
  if (!statement.embedded()) return std::nullopt;
  const auto& frames = statement.frames;
  std::optional<std::string> why;
  // `branch`: the frame of the IF / CASE whose test it is, for a test that stands around the
  // statement (frames.size() for an earlier IF ... RETURN).
  auto judged = [&](std::string_view test, const Place& place, std::size_t branch) {
    // What the statement itself changes first: a test that finds one of those needs no more.
    // Only a test that misses them is judged against everything the file changes.
    const std::vector<Transient>* left =
        branch < frames.size() ? transients(statement, branch) : nullptr;
    Judging judging;
    judging.targets = &own_targets(statement, query);
    judging.transients = left;
    bool found = tests_catalog(test, statement, place, query, judging, 0);
    if (!found && judging.mismatch) {
      judging = Judging{};
      judging.targets = &own_targets(statement, query);
      judging.others = &file_targets();
      judging.transients = left;
      // A relation or column renamed away whose old name the file makes again: that one is not
      // what the test must find.
      const auto& own = *judging.targets;
      const ObjectRef* renamed_away = nullptr;
      if (query.new_name_only && !own.empty() &&
          (!own.front()->new_name.empty() || !own.front()->new_schema.empty())) {
        renamed_away = &own.front()->object;
      }
      judging.skip = [&](const TargetIndex::Entry& other) {
        if (other.owner == &statement) return true;
        // Made, dropped or renamed before the test, outside its branches: the test finds it as
        // the first run left it on every run (IF NOT EXISTS (... conname = 'a_fkey') THEN ADD
        // CONSTRAINT b_fkey after the block that adds a_fkey never adds b_fkey).
        if (branch < frames.size() && other.target->action != Action::alter &&
            other.target->action != Action::use && before_test(*other.owner, statement, branch)) {
          return true;
        }
        if (renamed_away == nullptr) return false;
        const ObjectRef& object = other.target->object;
        bool same_kind = is_relation(renamed_away->kind) ? is_relation(object.kind)
                                                         : object.kind == renamed_away->kind;
        return same_kind && object.name == renamed_away->name &&
               object.parent == renamed_away->parent;
      };
      found = tests_catalog(test, statement, place, query, judging, 0);
    }
    if (!found && judging.mismatch && !why) why = std::move(judging.mismatch);
    return found;
  };
  for (std::size_t k = frames.size(); k-- > 0;) {
    const PlpgsqlFrame& frame = frames[k];
    if (frame.node.is("PLpgSQL_stmt_block") && frame.part == "body") {
      std::vector<Node> handlers;
      for (Node handler : frame.node.get("exceptions").list("exc_list")) {
        if (!raises_again(handler)) handlers.push_back(handler);
      }
      for (const Node& handler : handlers) {
        for (Node condition : handler.list("conditions")) {
          std::string_view name = condition.str("condname");
          for (const Condition& error : query.errors) {
            if (catches(name, error)) {
              return Guard{GuardKind::exception_handler, k, std::string(name)};
            }
          }
        }
      }
      if (!handlers.empty()) {
        if (auto first = fails_first(statement, k, handlers)) {
          return Guard{GuardKind::not_reached, k, std::string(first->name)};
        }
      }
    }
    if (!query.new_name_only && lookup_handler(statement, k)) {
      return Guard{GuardKind::failed_lookup, k, "lookup"};
    }
    if (k > 0) {
      Place here{k - 1, frames[k - 1].index};
      for (std::string_view test : branch_tests(frame)) {
        if (!test.empty() && judged(test, here, k)) {
          return Guard{GuardKind::catalog_test, k, std::string(test)};
        }
      }
    }
    // IF <catalog test> THEN RETURN; END IF; before it, in the same list.
    const StatementList& list = list_of(statement, k);
    for (auto it = list.returns.rbegin(); it != list.returns.rend(); ++it) {
      std::size_t j = *it;
      if (j >= frame.index) continue;
      std::string_view test = expression_text(list.statements[j].get("cond"));
      if (judged(test, Place{k, j}, frames.size())) {
        return Guard{GuardKind::early_return, k, std::string(test)};
      }
    }
  }
  if (mismatch != nullptr && why) *mismatch = *why;
  return std::nullopt;
}

}  // namespace sqlgate::lint
