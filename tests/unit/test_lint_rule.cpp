// lint::Project::shared: what rules of many files, on many threads, derive from the whole set.
#include <atomic>
#include <chrono>
#include <latch>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "lint/rule.h"

namespace sqlgate::lint {
namespace {

struct Derived {
  int value = 0;
};

struct Other {
  const Derived* derived = nullptr;
};

TEST(ProjectShared, ConcurrentCallersGetOneValueBuiltOnce) {
  MigrationSet set;
  Project project(set, {}, 15);
  constexpr int k_threads = 8;
  std::atomic<int> built{0};
  std::latch start(k_threads);
  std::vector<const Derived*> seen(k_threads, nullptr);
  std::vector<std::thread> threads;
  for (int i = 0; i < k_threads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();  // all ask at once
      seen[i] = &project.shared<Derived>([&] {
        ++built;
        // Long enough for the other callers to arrive while it is being made.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return Derived{42};
      });
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(built.load(), 1);
  for (const Derived* value : seen) {
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value, seen.front());
    EXPECT_EQ(value->value, 42);
  }
  // Later callers get the same value, and make() is not called again.
  const Derived& again = project.shared<Derived>([&] {
    ++built;
    return Derived{7};
  });
  EXPECT_EQ(&again, seen.front());
  EXPECT_EQ(built.load(), 1);
}

TEST(ProjectShared, OneValuePerTypeAndMakeMayAskForAnother) {
  MigrationSet set;
  Project project(set, {}, 15);
  // make() of one type asks for another on the same thread: the lock lets it.
  const Other& other = project.shared<Other>(
      [&] { return Other{&project.shared<Derived>([] { return Derived{1}; })}; });
  const Derived& derived = project.shared<Derived>([] { return Derived{2}; });
  EXPECT_EQ(other.derived, &derived);
  EXPECT_EQ(derived.value, 1);
  // Another project has its own.
  Project second(set, {}, 15);
  EXPECT_EQ(second.shared<Derived>([] { return Derived{3}; }).value, 3);
}

}  // namespace
}  // namespace sqlgate::lint
