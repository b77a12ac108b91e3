// golang-migrate's advisory lock: the key, and taking the keys of several state tables.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

#include "runner/database.h"

namespace sqlgate::runner {

// CRC-32 (IEEE 802.3, the polynomial of zlib and Go's hash/crc32.ChecksumIEEE).
std::uint32_t crc32_ieee(std::string_view data);

// golang-migrate's GenerateAdvisoryLockId: the additional names, then the database name, joined
// with NUL bytes; CRC-32 of that, times 1486364155, wrapping at 32 bits.
std::uint32_t advisory_lock_key(std::string_view database_name,
                                const std::vector<std::string_view>& additional_names = {});

// The key golang-migrate's postgres driver takes for a state table: schema, table, database
// name (its CLI passes the URL's path, leading slash included).
std::uint32_t state_lock_key(const StateTable& table, std::string_view database_name);

// Holds the advisory locks of a run; releases them when it goes.
class LockSet {
 public:
  // Takes each database's key in ascending key order, polling pg_try_advisory_lock (a waiting
  // session holds no snapshot between polls) until the timeout. On timeout releases what it
  // took and throws LockTimeout.
  LockSet(const std::vector<Database*>& databases, std::chrono::milliseconds timeout,
          std::chrono::milliseconds poll = std::chrono::milliseconds(50));
  ~LockSet();
  LockSet(const LockSet&) = delete;
  LockSet& operator=(const LockSet&) = delete;

 private:
  std::vector<Database*> m_held;
};

}  // namespace sqlgate::runner
