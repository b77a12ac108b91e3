#include <gtest/gtest.h>

#include "lint/transaction.h"

namespace sqlgate::lint {
namespace {

struct Parsed {
  SourceFile source;
  std::unique_ptr<ParsedFile> file;

  explicit Parsed(std::string text) {
    source.path = "1_x.up.sql";
    source.display = "1_x.up.sql";
    source.text = std::move(text);
    classify(source);
    file = ParsedFile::parse(source);
  }
  const Statement& at(std::size_t n) const { return *file->all_statements().at(n); }
};

TEST(TransactionLayout, TheRunnerWrapsAPlainFile) {
  Parsed parsed("CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n");
  TransactionLayout layout(*parsed.file);
  EXPECT_FALSE(layout.manages_own_transactions());
  EXPECT_FALSE(layout.no_transaction());
  EXPECT_EQ(layout.transaction_of(parsed.at(0)), 0);
  EXPECT_EQ(layout.transaction_of(parsed.at(1)), 0);
  EXPECT_TRUE(layout.in_transaction_block(parsed.at(1)));
  EXPECT_FALSE(layout.runs_alone(parsed.at(1)));
}

TEST(TransactionLayout, ANoTransactionFileRunsEachStatementAlone) {
  Parsed parsed(
      "-- sqlgate:no-transaction\n"
      "CREATE INDEX CONCURRENTLY a_id ON a (id);\n"
      "DO $$ BEGIN CREATE INDEX b_id ON b (id); END $$;\n");
  TransactionLayout layout(*parsed.file);
  EXPECT_TRUE(layout.no_transaction());
  EXPECT_EQ(layout.transaction_of(parsed.at(0)), TransactionLayout::k_alone);
  EXPECT_TRUE(layout.runs_alone(parsed.at(0)));
  EXPECT_FALSE(layout.in_transaction_block(parsed.at(0)));
  // A DO block is one statement: what it runs shares its transaction, and is in a block.
  ASSERT_TRUE(parsed.at(2).embedded());
  EXPECT_TRUE(layout.in_transaction_block(parsed.at(2)));
  EXPECT_FALSE(layout.runs_alone(parsed.at(2)));
}

TEST(TransactionLayout, AFileWithItsOwnTransactionsRunsAsWritten) {
  Parsed parsed(
      "-- sqlgate:no-transaction\n"
      "SELECT 1;\n"           // 0: outside
      "BEGIN;\n"              // 1
      "SELECT 2;\n"           // 2: first block
      "COMMIT;\n"             // 3
      "SELECT 3;\n"           // 4: outside
      "START TRANSACTION;\n"  // 5
      "SELECT 4;\n"           // 6: second block
      "COMMIT AND CHAIN;\n"   // 7: the block goes on
      "SELECT 5;\n"           // 8
      "ROLLBACK;\n");         // 9
  TransactionLayout layout(*parsed.file);
  EXPECT_TRUE(layout.manages_own_transactions());
  EXPECT_EQ(layout.transaction_of(parsed.at(0)), TransactionLayout::k_alone);
  EXPECT_EQ(layout.transaction_of(parsed.at(2)), layout.transaction_of(parsed.at(1)));
  EXPECT_EQ(layout.transaction_of(parsed.at(3)), layout.transaction_of(parsed.at(2)));
  EXPECT_EQ(layout.transaction_of(parsed.at(4)), TransactionLayout::k_alone);
  EXPECT_NE(layout.transaction_of(parsed.at(6)), layout.transaction_of(parsed.at(2)));
  EXPECT_EQ(layout.transaction_of(parsed.at(8)), layout.transaction_of(parsed.at(6)));
  EXPECT_TRUE(layout.runs_alone(parsed.at(4)));
  EXPECT_FALSE(layout.runs_alone(parsed.at(2)));
  EXPECT_TRUE(is_begin(parsed.at(5)));
  EXPECT_FALSE(is_end(parsed.at(7)));
  EXPECT_TRUE(is_end(parsed.at(9)));
}

}  // namespace
}  // namespace sqlgate::lint
