#include "runner/lock.h"

#include <algorithm>
#include <array>
#include <thread>

#include "runner/errors.h"

namespace sqlgate::runner {
namespace {

constexpr std::uint32_t k_lock_salt = 1486364155u;

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}

constexpr std::array<std::uint32_t, 256> k_crc_table = make_crc_table();

std::string seconds(std::chrono::milliseconds timeout) {
  auto ms = timeout.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

}  // namespace

std::uint32_t crc32_ieee(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char c : data) {
    crc = k_crc_table[(crc ^ static_cast<unsigned char>(c)) & 0xFFu] ^ (crc >> 8);
  }
  return crc ^ 0xFFFFFFFFu;
}

std::uint32_t advisory_lock_key(std::string_view database_name,
                                const std::vector<std::string_view>& additional_names) {
  std::string joined;
  for (std::string_view name : additional_names) {
    joined.append(name);
    joined.push_back('\0');
  }
  joined.append(database_name);
  return crc32_ieee(joined) * k_lock_salt;  // unsigned: wraps at 32 bits, as Go's uint32 does
}

std::uint32_t state_lock_key(const StateTable& table, std::string_view database_name) {
  return advisory_lock_key(database_name, {table.schema, table.table});
}

LockSet::LockSet(const std::vector<Database*>& databases, std::chrono::milliseconds timeout,
                 std::chrono::milliseconds poll) {
  std::vector<Database*> order = databases;
  std::sort(order.begin(), order.end(),
            [](Database* a, Database* b) { return a->lock_key() < b->lock_key(); });
  // Two sources sharing a state table share a key: take it once.
  order.erase(std::unique(order.begin(), order.end(),
                          [](Database* a, Database* b) { return a->lock_key() == b->lock_key(); }),
              order.end());
  auto deadline = std::chrono::steady_clock::now() + timeout;
  try {
    for (Database* database : order) {
      while (!database->try_lock()) {
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
          std::string holder = database->lock_holder();
          throw LockTimeout("timeout: can't acquire database lock: advisory lock " +
                            std::to_string(database->lock_key()) + " (" +
                            database->table().display() + ") is still held" +
                            (holder.empty() ? std::string() : " by " + holder) + " after " +
                            seconds(timeout) +
                            "; another migration is running (raise --lock-timeout to wait longer)");
        }
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(poll, deadline - now));
      }
      m_held.push_back(database);
    }
  } catch (...) {
    for (auto it = m_held.rbegin(); it != m_held.rend(); ++it) {
      try {
        (*it)->unlock();
      } catch (...) {
      }
    }
    throw;
  }
}

LockSet::~LockSet() {
  for (auto it = m_held.rbegin(); it != m_held.rend(); ++it) {
    try {
      (*it)->unlock();
    } catch (...) {
      // A lost connection releases session locks by itself.
    }
  }
}

}  // namespace sqlgate::runner
