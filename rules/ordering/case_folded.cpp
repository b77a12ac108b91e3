#include "rules/ordering/case_folded.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using lint::ObjectKind;

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

// Kinds one name lookup finds alike: relations, types and domains.
int kind_group(ObjectKind kind) {
  if (lint::is_relation(kind)) return -1;
  if (kind == ObjectKind::domain) return static_cast<int>(ObjectKind::type);
  return static_cast<int>(kind);
}

std::string folded_key(ObjectKind kind, std::string_view schema, std::string_view parent,
                       std::string_view name) {
  std::string key = std::to_string(kind_group(kind));
  key += '\x1f';
  key += lower(schema);
  key += '\x1f';
  key += lower(parent);
  key += '\x1f';
  key += lower(name);
  return key;
}

// The objects any of whose names has an upper-case letter, by their names folded to lower case.
struct MixedCase {
  std::unordered_map<std::string, std::vector<ObjectId>> by_folded;
};

const MixedCase& mixed_case(const lint::Project& project, const lint::Catalog& catalog) {
  return project.shared<MixedCase>([&catalog] {
    MixedCase mixed;
    for (ObjectId id = 0; id < catalog.size(); ++id) {
      for (const auto& name : catalog.object(id).names) {
        const lint::ObjectRef& ref = name.ref;
        if (!has_upper(ref.schema) && !has_upper(ref.parent) && !has_upper(ref.name)) continue;
        std::vector<ObjectId>& ids =
            mixed.by_folded[folded_key(ref.kind, ref.schema, ref.parent, ref.name)];
        if (ids.empty() || ids.back() != id) ids.push_back(id);
      }
    }
    return mixed;
  });
}

// The object there at `tick` whose name differs from `ref`'s only in case.
ObjectId case_variant(const lint::Project& project, const lint::Catalog& catalog,
                      const lint::ObjectRef& ref, lint::Tick tick) {
  const MixedCase& mixed = mixed_case(project, catalog);
  auto it = mixed.by_folded.find(folded_key(ref.kind, ref.schema, ref.parent, ref.name));
  if (it == mixed.by_folded.end()) return lint::k_no_object;
  for (ObjectId id : it->second) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!object.alive_at(tick)) continue;
    const lint::ObjectRef& now = object.ref_at(tick);
    if (kind_group(now.kind) == kind_group(ref.kind) && lower(now.name) == lower(ref.name) &&
        lower(now.schema) == lower(ref.schema) && lower(now.parent) == lower(ref.parent) &&
        !(now.name == ref.name && now.schema == ref.schema && now.parent == ref.parent)) {
      return id;
    }
  }
  return lint::k_no_object;
}

// Schemas PostgreSQL has in every database.
bool builtin_schema(std::string_view name) {
  return name == "public" || name == "pg_catalog" || name == "information_schema" ||
         name.starts_with("pg_temp") || name == "pg_toast";
}

lint::ObjectRef schema_ref(std::string_view name) {
  return lint::ObjectRef{.kind = ObjectKind::schema, .schema = {}, .name = std::string(name)};
}

bool schema_there(const lint::Catalog& catalog, std::string_view name, lint::Tick tick) {
  return builtin_schema(name) || catalog.find(schema_ref(name), tick) != lint::k_no_object;
}

const lint::Statement& statement_of(const lint::Project& project, std::size_t file_index,
                                    const lint::CatalogStep& step) {
  return *project.parsed(file_index)->all_statements()[step.statement];
}

}  // namespace

bool check_case_folded(const lint::Project& project, std::size_t file_index,
                       const lint::CatalogStep& step, const lint::ObjectRef& ref,
                       lint::Reporter& out) {
  return check_case_folded(project, file_index, step.tick,
                           statement_of(project, file_index, step).range, ref, out, false);
}

bool check_case_folded(const lint::Project& project, std::size_t file_index, lint::Tick tick,
                       lint::TextRange range, const lint::ObjectRef& ref, lint::Reporter& out,
                       bool in_text) {
  const lint::Catalog& catalog = *project.catalog();
  if (catalog.known(ref)) return false;
  ObjectId variant = case_variant(project, catalog, ref, tick);
  if (variant == lint::k_no_object) return false;
  const lint::ObjectRef& there = catalog.object(variant).ref_at(tick);
  const lint::ParsedFile& file = *project.parsed(file_index);
  std::string written = pairing::describe(ref);
  std::string meant = pairing::describe(there);
  std::string quoted = there.parent.empty() ? lint::sql_name(there.schema, there.name)
                                            : lint::sql_identifier(there.name);
  out.report(file, range,
             "this names " + written + ", which no migration creates: PostgreSQL folds a name " +
                 (in_text ? "given as text" : "written") +
                 " without double quotes to lower case, and it does not match " + meant +
                 ", which the migrations made with upper-case letters; PostgreSQL fails here",
             in_text ? "write the name in double quotes inside the string, exactly as it was "
                       "created: " +
                           lint::sql_literal(there.schema.empty() || there.schema == "public"
                                                 ? lint::quote_if_folded(there.name)
                                                 : lint::quote_if_folded(there.schema) + "." +
                                                       lint::quote_if_folded(there.name))
                     : "write the name in double quotes, exactly as it was created: " + quoted);
  return true;
}

bool check_case_folded_schema(const lint::Project& project, std::size_t file_index,
                              const lint::CatalogStep& step, lint::Reporter& out) {
  const lint::Effect& effect = step.effect;
  const lint::ObjectRef& object = effect.object;
  if (effect.action != lint::Action::create || effect.implicit || effect.part ||
      object.kind == ObjectKind::schema || object.kind == ObjectKind::index ||
      !object.parent.empty() || object.schema.empty()) {
    return false;
  }
  const lint::Catalog& catalog = *project.catalog();
  const lint::ParsedFile& file = *project.parsed(file_index);
  const lint::Statement& statement = statement_of(project, file_index, step);
  if (lint::conditional(statement, lint::condition::invalid_schema_name)) return false;
  // The schemas it may go to: the one written, else each of the search path.
  std::vector<std::string> schemas;
  if (effect.schema_given || !effect.search_path) {
    schemas.push_back(object.schema);
  } else {
    schemas = *effect.search_path;
  }
  std::string variants;
  for (const std::string& schema : schemas) {
    // "$user": a schema named after the role that runs the migrations, which sqlgate cannot tell.
    if (schema.starts_with("$") || schema_there(catalog, schema, step.tick)) return false;
    ObjectId variant = case_variant(project, catalog, schema_ref(schema), step.tick);
    // A schema unknown to the migrations with no such twin may be made outside them.
    if (variant == lint::k_no_object) return false;
    if (!variants.empty()) variants += ", ";
    variants += lint::sql_identifier(catalog.object(variant).ref_at(step.tick).name);
  }
  if (schemas.empty()) return false;
  std::string noun(lint::to_string(object.kind));
  if (effect.schema_given) {
    out.report(file, statement.range,
               "this creates " + noun + " " + object.name + " in schema " +
                   lint::sql_identifier(object.schema) +
                   ", which does not exist: PostgreSQL folds a name written without double quotes "
                   "to lower case, and it does not match schema " +
                   variants + ", which the migrations made; PostgreSQL fails here",
               "write the schema in double quotes, exactly as it was created: " + variants);
  } else {
    out.report(file, statement.range,
               "no schema of the search path (" + lint::join_strings(schemas, ", ") +
                   ") exists, so PostgreSQL fails here (no schema has been selected to create in): "
                   "a name written without double quotes in SET search_path is folded to lower "
                   "case, and it does not match schema " +
                   variants + ", which the migrations made",
               "write the schema in double quotes in SET search_path, exactly as it was created: " +
                   variants);
  }
  return true;
}

}  // namespace sqlgate::rules::ordering
