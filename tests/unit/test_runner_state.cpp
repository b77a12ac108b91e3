// The checksum recorded in the history: SHA-256 in lower-case hex, the same for every call.
#include <string>

#include <gtest/gtest.h>

#include "runner/state.h"

namespace sqlgate::runner {
namespace {

TEST(RunnerState, Sha256MatchesTheStandardTestVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(RunnerState, Sha256GivesTheSameDigestOnEveryCall) {
  // The digest context is reused between calls: nothing of one text may leak into the next.
  std::string first = sha256_hex("CREATE TABLE a (id int);");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("CREATE TABLE a (id int);"), first);
  std::string large(1 << 20, 'x');
  EXPECT_EQ(sha256_hex(large), sha256_hex(large));
  EXPECT_NE(sha256_hex(large), sha256_hex(large + "x"));
}

}  // namespace
}  // namespace sqlgate::runner
