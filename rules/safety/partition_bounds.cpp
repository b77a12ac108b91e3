#include "rules/safety/partition_bounds.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/safety/identity.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// A partition of the table and the bound it was made or last attached with.
struct Partition {
  std::string name;  // "events_p0 (made by FILE)", as messages name it
  Node bound;        // a PartitionBoundSpec
  std::string bare;  // "events_p0"
};

// A partitioned table as the migrations before a statement left it.
struct Parent {
  std::string name;
  lint::QualifiedName qualified;
  std::string made_in;           // the migration file that made it
  std::string strategy;          // "hash", "range" or "list"
  std::vector<std::string> key;  // the key's columns ("" for an expression)
  std::vector<Partition> partitions;
};

// The bound the ALTER TABLE commands before the tick left the partition with, starting from
// `bound`: an ATTACH PARTITION of it to the table gives its bound, to another table or a DETACH
// PARTITION takes it away.
Node bound_after_alters(const lint::FileContext& context, const lint::CatalogObject& partition,
                        const lint::CatalogObject& table, lint::Tick tick, Node bound) {
  for (const lint::Origin& origin : partition.changed) {
    if (origin.tick >= tick) break;
    const lint::Statement* changed = lint::statement_at(context.project, origin);
    if (changed == nullptr || !changed->node.is("AlterTableStmt")) continue;
    for (Node command : changed->node.list("cmds")) {
      std::string_view type = command.str("subtype");
      if (type != "AT_AttachPartition" && type != "AT_DetachPartition") continue;
      Node def = command.get("def");
      if (lint::truncate_identifier(lint::relation_name(def.get("name")).name) !=
          partition.ref_at(origin.tick).name) {
        continue;
      }
      std::string to =
          lint::truncate_identifier(lint::relation_name(changed->node.get("relation")).name);
      bound = type == "AT_AttachPartition" && to == table.ref_at(origin.tick).name
                  ? def.get("bound")
                  : Node();
    }
  }
  return bound;
}

// The partitioned table the statement names, just before it; nothing when the migrations did not
// make it with PARTITION BY (or for a down).
std::optional<Parent> parent_before(const lint::FileContext& context,
                                    const lint::Statement& statement,
                                    const lint::RelationName& written) {
  auto tick = lint::tick_before(context, statement);
  if (!tick) return std::nullopt;
  lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::table,
                                            written.schema, written.name);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::Catalog& catalog = *context.project.catalog();
  const lint::CatalogObject& table = catalog.object(id);
  const lint::Statement* made = lint::statement_at(context.project, table.created);
  if (made == nullptr || !made->node.is("CreateStmt") || !made->node.has("partspec")) {
    return std::nullopt;
  }
  Parent parent;
  parent.name = table.ref_at(*tick).name;
  parent.qualified = {table.ref_at(*tick).schema, parent.name};
  parent.made_in = context.project.source(table.created.file).display;
  Node spec = made->node.get("partspec");
  parent.strategy = spec.str("strategy");
  for (Node element : spec.list("partParams")) {
    parent.key.push_back(element.has("name") ? lint::truncate_identifier(element.str("name"))
                                             : std::string());
  }
  std::vector<lint::ObjectId> seen;
  for (const lint::DependencyEdge& edge : table.dependents) {
    if (!edge.automatic || edge.object == lint::k_no_object) continue;
    if (std::find(seen.begin(), seen.end(), edge.object) != seen.end()) continue;
    seen.push_back(edge.object);
    const lint::CatalogObject& partition = catalog.object(edge.object);
    if (partition.kind() != lint::ObjectKind::table || !partition.alive_at(*tick)) continue;
    Node bound;
    const lint::Statement* created = lint::statement_at(context.project, partition.created);
    if (created != nullptr && created->node.is("CreateStmt") && created->node.has("partbound")) {
      bound = created->node.get("partbound");
    }
    bound = bound_after_alters(context, partition, table, *tick, bound);
    if (!bound) continue;
    std::string name = partition.ref_at(*tick).name;
    parent.partitions.push_back(
        {name + " (made by " + context.project.source(partition.created.file).display + ")", bound,
         name});
  }
  return parent;
}

// "HASH", "RANGE", "LIST", as PARTITION BY writes them.
std::string strategy_sql(std::string_view strategy) {
  return strategy == "hash" ? "HASH" : strategy == "range" ? "RANGE" : "LIST";
}

}  // namespace

std::optional<BoundRefusal> bound_form(const lint::FileContext& context,
                                       const lint::Statement& statement,
                                       const lint::RelationName& written, const Node& bound) {
  auto parent = parent_before(context, statement, written);
  if (!parent) return std::nullopt;
  std::string is = parent->name + " (made by " + parent->made_in + ") is partitioned by " +
                   strategy_sql(parent->strategy);
  if (bound.flag("is_default")) {
    if (parent->strategy != "hash") return std::nullopt;
    return BoundRefusal{is, "a hash-partitioned table may not have a default partition",
                        "leave out DEFAULT: hash partitions take every row once their remainders "
                        "cover every value; create the partitions of the remainders not covered "
                        "yet (FOR VALUES WITH (MODULUS m, REMAINDER r))"};
  }
  std::string_view strategy = bound.str("strategy");
  std::string_view expected = parent->strategy == "hash"    ? "h"
                              : parent->strategy == "range" ? "r"
                              : parent->strategy == "list"  ? "l"
                                                            : "";
  if (expected.empty() || strategy.empty()) return std::nullopt;
  if (strategy != expected) {
    std::string help = "write the bound of a " + parent->strategy + " partition: FOR VALUES ";
    help += parent->strategy == "hash"    ? "WITH (MODULUS m, REMAINDER r)"
            : parent->strategy == "range" ? "FROM (...) TO (...)"
                                          : "IN (...)";
    return BoundRefusal{is + " and the bound is another strategy's",
                        "invalid bound specification for a " + parent->strategy + " partition",
                        help};
  }
  if (strategy == "h") {
    std::int64_t modulus = bound.num("modulus");
    std::int64_t remainder = bound.num("remainder");
    if (modulus <= 0) {
      return BoundRefusal{"its MODULUS is " + std::to_string(modulus),
                          "modulus for hash partition must be an integer value greater than zero",
                          "give a MODULUS of 1 or more"};
    }
    if (remainder >= modulus) {
      return BoundRefusal{"its REMAINDER " + std::to_string(remainder) +
                              " is not below its MODULUS " + std::to_string(modulus),
                          "remainder for hash partition must be less than modulus",
                          "give a REMAINDER from 0 to " + std::to_string(modulus - 1)};
    }
  }
  if (strategy == "r") {
    for (std::string_view end : {"lowerdatums", "upperdatums"}) {
      if (bound.list(end).size() == parent->key.size()) continue;
      std::string word = end == "lowerdatums" ? "FROM" : "TO";
      std::string gives = word + " gives " + std::to_string(bound.list(end).size());
      gives += bound.list(end).size() == 1 ? " value and " : " values and ";
      gives += parent->name + "'s key has " + std::to_string(parent->key.size());
      gives += parent->key.size() == 1 ? " column" : " columns";
      return BoundRefusal{
          gives, word + " must specify exactly one value per partitioning column",
          "give one value (or MINVALUE, MAXVALUE) for each column of the partition key"};
    }
  }
  return std::nullopt;
}

namespace {

// An integer constant (a larger one is a Float of digits); nothing for anything else.
std::optional<std::int64_t> integer_constant(const Node& value) {
  if (!value.is("A_Const")) return std::nullopt;
  if (value.has("ival")) return value.get("ival").num("ival");
  if (!value.has("fval")) return std::nullopt;
  std::string_view text = value.get("fval").str("fval");
  std::int64_t number = 0;
  auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (code != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// A value of a list bound as its literal says it, for equality: the same text is the same value
// of any type; nothing for an expression.
std::optional<std::string> list_value(const Node& value) {
  if (!value.is("A_Const")) return std::nullopt;
  if (value.flag("isnull")) return std::string("NULL");
  if (auto number = integer_constant(value)) return std::to_string(*number);
  if (value.has("sval")) {
    std::string text = "'";
    text += value.get("sval").str("sval");
    text += '\'';
    return text;
  }
  if (value.has("boolval"))
    return std::string(value.get("boolval").flag("boolval") ? "true" : "false");
  return std::nullopt;
}

// How the values of a range key column are ordered, as far as literals tell.
enum class Order : std::uint8_t { none, integer, date, timestamp };

// A value of a range bound: MINVALUE (-1), MAXVALUE (1) or a value (0) of the column's order.
struct Datum {
  int infinite = 0;
  std::int64_t number = 0;
  std::string text;  // an ISO date or timestamp, as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"
  std::string shown;
};

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::optional<Datum> range_datum(const Node& value, Order order) {
  Datum datum;
  if (value.is("ColumnRef") && value.list("fields").size() == 1) {
    std::string_view word = value.list("fields")[0].as_str();
    if (word == "minvalue") datum.infinite = -1;
    if (word == "maxvalue") datum.infinite = 1;
    if (datum.infinite == 0) return std::nullopt;
    datum.shown = datum.infinite < 0 ? "MINVALUE" : "MAXVALUE";
    return datum;
  }
  if (order == Order::integer) {
    auto number = integer_constant(value);
    if (!number) return std::nullopt;
    datum.number = *number;
    datum.shown = std::to_string(*number);
    return datum;
  }
  if (order == Order::none || !value.is("A_Const") || !value.has("sval")) return std::nullopt;
  std::string text(value.get("sval").str("sval"));
  bool date = text.size() >= 10 && digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2) &&
              text[7] == '-' && digits(text, 8, 2);
  if (!date) return std::nullopt;
  datum.shown = "'" + text + "'";
  if (text.size() == 10) {
    if (order == Order::timestamp) text += " 00:00:00";
  } else if (order == Order::timestamp && text.size() == 19 &&
             (text[10] == ' ' || text[10] == 'T') && digits(text, 11, 2) && text[13] == ':' &&
             digits(text, 14, 2) && text[16] == ':' && digits(text, 17, 2)) {
    text[10] = ' ';
  } else {
    return std::nullopt;
  }
  datum.text = text;
  return datum;
}

// The values of FROM (...) or TO (...); nothing when one of them cannot be ordered.
std::optional<std::vector<Datum>> range_end(const lint::NodeList& values,
                                            const std::vector<Order>& orders) {
  if (values.size() != orders.size()) return std::nullopt;
  std::vector<Datum> datums;
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto datum = range_datum(values[i], orders[i]);
    if (!datum) return std::nullopt;
    datums.push_back(*datum);
  }
  return datums;
}

// Compares two bounds column by column; MINVALUE and MAXVALUE end the comparison.
int compare(const std::vector<Datum>& a, const std::vector<Datum>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].infinite != b[i].infinite) return a[i].infinite < b[i].infinite ? -1 : 1;
    if (a[i].infinite != 0) return 0;
    if (a[i].number != b[i].number) return a[i].number < b[i].number ? -1 : 1;
    if (a[i].text != b[i].text) return a[i].text < b[i].text ? -1 : 1;
  }
  return 0;
}

std::string shown(const std::vector<Datum>& datums) {
  std::string text = "(";
  for (const Datum& datum : datums) {
    if (text.size() > 1) text += ", ";
    text += datum.shown;
  }
  text += ')';
  return text;
}

// The order of the values of each column of the key; nothing when one is not known.
std::optional<std::vector<Order>> key_orders(const lint::FileContext& context,
                                             const lint::Statement& statement,
                                             const Parent& parent) {
  std::vector<Order> orders;
  for (const std::string& column : parent.key) {
    if (column.empty()) return std::nullopt;
    auto shape = column_shape(context, statement, parent.qualified, column);
    if (!shape || !shape->type || !shape->type->schema.empty() || shape->type->array) {
      return std::nullopt;
    }
    const std::string& type = shape->type->name;
    if (type == "int2" || type == "int4" || type == "int8" || type == "numeric") {
      orders.push_back(Order::integer);
    } else if (type == "date") {
      orders.push_back(Order::date);
    } else if (type == "timestamp" || type == "timestamptz") {
      orders.push_back(Order::timestamp);
    } else {
      return std::nullopt;
    }
  }
  return orders;
}

std::string overlap(const std::string& partition, const std::string& other) {
  std::string message = "partition \"";
  message += partition;
  message += "\" would overlap partition \"";
  message += other;
  message += '"';
  return message;
}

std::optional<BoundRefusal> hash_conflict(const Parent& parent, const std::string& partition,
                                          const Node& bound) {
  struct Hash {
    std::int64_t modulus;
    std::int64_t remainder;
    std::string name;
    std::string bare;
  };
  std::vector<Hash> existing;
  for (const Partition& other : parent.partitions) {
    if (other.bound.str("strategy") != "h") continue;
    std::int64_t their_modulus = other.bound.num("modulus");
    std::int64_t their_remainder = other.bound.num("remainder");
    // One PostgreSQL refused (the replay does not know it failed) is not there.
    if (their_modulus <= 0 || their_remainder < 0 || their_remainder >= their_modulus) continue;
    existing.push_back({their_modulus, their_remainder, other.name, other.bare});
  }
  if (existing.empty()) return std::nullopt;
  std::sort(existing.begin(), existing.end(), [](const Hash& a, const Hash& b) {
    return a.modulus != b.modulus ? a.modulus < b.modulus : a.remainder < b.remainder;
  });
  std::int64_t modulus = bound.num("modulus");
  std::int64_t remainder = bound.num("remainder");
  if (modulus <= 0 || remainder < 0 || remainder >= modulus) return std::nullopt;
  // The last existing (modulus, remainder) not above the new one: PostgreSQL checks the moduli
  // next to it.
  std::ptrdiff_t offset = -1;
  for (std::size_t i = 0; i < existing.size(); ++i) {
    const Hash& e = existing[i];
    if (e.modulus < modulus || (e.modulus == modulus && e.remainder <= remainder)) {
      offset = static_cast<std::ptrdiff_t>(i);
    }
  }
  auto factor = [&](const Hash& other, bool divisible) {
    return BoundRefusal{"partition " + other.name + " of " + parent.name + " has MODULUS " +
                            std::to_string(other.modulus) + ", " +
                            (divisible ? "which " + std::to_string(modulus) + " is no multiple of"
                                       : "which " + std::to_string(modulus) + " does not divide"),
                        "every hash partition modulus must be a factor of the next larger modulus",
                        "give a MODULUS that the smaller moduli divide and that divides the larger "
                        "ones (powers of two split evenly)"};
  };
  if (offset < 0) {
    if (existing.front().modulus % modulus != 0) return factor(existing.front(), false);
  } else {
    const Hash& previous = existing[static_cast<std::size_t>(offset)];
    if (modulus % previous.modulus != 0) return factor(previous, true);
    if (static_cast<std::size_t>(offset) + 1 < existing.size()) {
      const Hash& next = existing[static_cast<std::size_t>(offset) + 1];
      if (next.modulus % modulus != 0) return factor(next, false);
    }
  }
  // The remainders modulo the greatest existing modulus that the new partition would take: each
  // one an existing partition takes is an overlap.
  std::int64_t greatest = existing.back().modulus;
  std::int64_t at = remainder >= greatest ? remainder % greatest : remainder;
  for (int steps = 0; steps < 1000000; ++steps) {
    for (const Hash& e : existing) {
      if (at % e.modulus != e.remainder) continue;
      return BoundRefusal{
          "partition " + e.name + " of " + parent.name + " has MODULUS " +
              std::to_string(e.modulus) + ", REMAINDER " + std::to_string(e.remainder) +
              ", which takes rows of MODULUS " + std::to_string(modulus) + ", REMAINDER " +
              std::to_string(remainder) + " too",
          overlap(partition, e.bare),
          "pick a remainder no partition takes yet; to split partition " + e.bare +
              ", detach it, create the partitions of the larger modulus and move its rows into "
              "them"};
    }
    at += modulus;
    if (at >= greatest) break;
  }
  return std::nullopt;
}

std::optional<BoundRefusal> range_conflict(const lint::FileContext& context,
                                           const lint::Statement& statement, const Parent& parent,
                                           const std::string& partition, const Node& bound) {
  auto orders = key_orders(context, statement, parent);
  if (!orders) return std::nullopt;
  auto lower = range_end(bound.list("lowerdatums"), *orders);
  auto upper = range_end(bound.list("upperdatums"), *orders);
  if (!lower || !upper) return std::nullopt;
  if (compare(*lower, *upper) >= 0) {
    return BoundRefusal{
        "its lower bound " + shown(*lower) + " is not below its upper bound " + shown(*upper),
        "empty range bound specified for partition \"" + partition + "\"",
        "give a lower bound below the upper one: FROM is inclusive, TO exclusive"};
  }
  const Partition* first = nullptr;
  std::vector<Datum> first_lower;
  std::vector<Datum> first_upper;
  for (const Partition& other : parent.partitions) {
    if (other.bound.str("strategy") != "r") continue;
    auto their_lower = range_end(other.bound.list("lowerdatums"), *orders);
    auto their_upper = range_end(other.bound.list("upperdatums"), *orders);
    if (!their_lower || !their_upper) continue;
    if (compare(*lower, *their_upper) >= 0 || compare(*their_lower, *upper) >= 0) continue;
    if (first == nullptr || compare(*their_lower, first_lower) < 0) {
      first = &other;
      first_lower = *their_lower;
      first_upper = *their_upper;
    }
  }
  if (first == nullptr) return std::nullopt;
  return BoundRefusal{"partition " + first->name + " of " + parent.name + " takes FROM " +
                          shown(first_lower) + " TO " + shown(first_upper) + ", which meets FROM " +
                          shown(*lower) + " TO " + shown(*upper),
                      overlap(partition, first->bare),
                      "start the range where " + first->bare + "'s ends, or end it where " +
                          first->bare + "'s starts"};
}

std::optional<BoundRefusal> list_conflict(const Parent& parent, const std::string& partition,
                                          const Node& bound) {
  for (Node value : bound.list("listdatums")) {
    auto ours = list_value(value);
    if (!ours) continue;
    for (const Partition& other : parent.partitions) {
      if (other.bound.str("strategy") != "l") continue;
      for (Node their : other.bound.list("listdatums")) {
        if (list_value(their) != ours) continue;
        return BoundRefusal{
            "partition " + other.name + " of " + parent.name + " holds " + *ours + " already",
            overlap(partition, other.bare),
            "leave " + *ours + " out, or take it out of " + other.bare +
                " first (detach it and make it again without the value)"};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<BoundRefusal> bound_conflict(const lint::FileContext& context,
                                           const lint::Statement& statement,
                                           const lint::RelationName& written,
                                           const std::string& partition, const Node& bound) {
  auto parent = parent_before(context, statement, written);
  if (!parent) return std::nullopt;
  if (bound.flag("is_default")) {
    for (const Partition& other : parent->partitions) {
      if (!other.bound.flag("is_default")) continue;
      return BoundRefusal{parent->name + " has DEFAULT partition " + other.name + " already",
                          "partition \"" + partition +
                              "\" conflicts with existing default partition \"" + other.bare + "\"",
                          "a table has one DEFAULT partition: give this one bounds, or detach " +
                              other.bare + " first"};
    }
    return std::nullopt;
  }
  std::string_view strategy = bound.str("strategy");
  if (strategy == "h" && parent->strategy == "hash")
    return hash_conflict(*parent, partition, bound);
  if (strategy == "r" && parent->strategy == "range") {
    return range_conflict(context, statement, *parent, partition, bound);
  }
  if (strategy == "l" && parent->strategy == "list")
    return list_conflict(*parent, partition, bound);
  return std::nullopt;
}

}  // namespace sqlgate::rules
