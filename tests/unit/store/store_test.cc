#include "store/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include <fmt/format.h>

#include "store/schema.h"
#include "support/test_util.h"

namespace oscm::store {
namespace {

using oscm::testing::TempDir;

TEST(StoreTest, CreatesDirectoryAndMigrates) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("a/b/oscm.db"));
  ASSERT_OK(s);
  auto stmt = s->db().Prepare("PRAGMA user_version");
  ASSERT_OK(stmt);
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->ColumnInt(0), CurrentSchemaVersion());
}

TEST(StoreTest, CommunitiesAndRepositories) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  auto a = s->EnsureCommunity("tidb");
  ASSERT_OK(a);
  auto again = s->EnsureCommunity("tidb");
  ASSERT_OK(again);
  EXPECT_EQ(*a, *again);
  ASSERT_OK(s->EnsureRepository(*a, "/src/tidb"));
  ASSERT_OK(s->EnsureRepository(*a, "/src/tikv"));
  auto repos = s->Repositories(*a);
  ASSERT_OK(repos);
  ASSERT_EQ(repos->size(), 2u);
  EXPECT_EQ((*repos)[0].location, "/src/tidb");
  auto b = s->EnsureCommunity("other");
  ASSERT_OK(b);
  auto clash = s->EnsureRepository(*b, "/src/tidb");
  ASSERT_FALSE(clash.has_value());
  EXPECT_NE(clash.error().message().find("'tidb'"), std::string::npos);
  auto names = s->CommunityNames();
  ASSERT_OK(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"other", "tidb"}));
}

TEST(StoreTest, ReopenKeepsData) {
  TempDir tmp;
  {
    auto s = Store::Open(tmp.Sub("oscm.db"));
    ASSERT_OK(s);
    ASSERT_OK(s->EnsureCommunity("etcd"));
  }
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  auto found = s->FindCommunity("etcd");
  ASSERT_OK(found);
  EXPECT_TRUE(found->has_value());
}

TEST(StoreTest, TransactionRollsBackUnlessCommitted) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  {
    auto txn = Transaction::Begin(s->db());
    ASSERT_OK(txn);
    ASSERT_OK(s->EnsureCommunity("lost"));
  }
  auto lost = s->FindCommunity("lost");
  ASSERT_OK(lost);
  EXPECT_FALSE(lost->has_value());
}

// SQLite's old 5-second busy timeout made a second writer fail while another oscm process was
// still at work; a writer now waits for it.
TEST(StoreLockTest, WriterWaitsForAnotherProcess) {
  TempDir tmp;
  const std::string path = tmp.Sub("oscm.db");
  ASSERT_OK(Store::Open(path));
  oscm::testing::OtherWriter other(path, std::chrono::milliseconds(6000));
  ASSERT_TRUE(other.ready());
  auto s = Store::Open(path);
  ASSERT_OK(s);
  auto txn = Transaction::Begin(s->db());
  ASSERT_OK(txn);
  ASSERT_OK(s->EnsureCommunity("mine"));
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(other.Release(), 0);
  auto names = s->CommunityNames();
  ASSERT_OK(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"mine", "other"}));
}

// Giving up names the process that holds the lock; the waiting side hears about it once.
TEST(StoreLockTest, GivesUpNamingTheWritingProcess) {
  TempDir tmp;
  const std::string path = tmp.Sub("oscm.db");
  ASSERT_OK(Store::Open(path));
  oscm::testing::OtherWriter other(path, std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  std::vector<std::string> announced;
  WaitOptions wait;
  wait.timeout_ms = 1500;
  wait.on_wait = [&](const std::string& message) { announced.push_back(message); };
  auto s = Store::Open(path, wait);
  ASSERT_OK(s);
  const auto start = std::chrono::steady_clock::now();
  auto txn = Transaction::Begin(s->db());
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(txn.has_value());
  EXPECT_EQ(txn.error().code(), StatusCode::kIoError);
  const std::string pid = fmt::format("pid {}", other.pid());
  EXPECT_EQ(txn.error().message(), fmt::format("the store {} is being written by another process ({}, store_test); "
                                               "gave up waiting after 1.5 s", path, pid));
  EXPECT_GE(waited, std::chrono::milliseconds(1500));
  ASSERT_EQ(announced.size(), 1u);
  EXPECT_NE(announced[0].find(pid), std::string::npos) << announced[0];
  EXPECT_EQ(other.Release(), 0);
  // The lock is free again: nothing of the failed wait stays behind.
  EXPECT_OK(Transaction::Begin(s->db()));
}

TEST(StoreLockTest, CancelEndsTheWait) {
  TempDir tmp;
  const std::string path = tmp.Sub("oscm.db");
  ASSERT_OK(Store::Open(path));
  oscm::testing::OtherWriter other(path, std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  std::atomic<bool> cancel{true};
  WaitOptions wait;
  wait.cancel = &cancel;
  auto s = Store::Open(path, wait);
  ASSERT_OK(s);
  auto txn = Transaction::Begin(s->db());
  ASSERT_FALSE(txn.has_value());
  EXPECT_EQ(txn.error().code(), StatusCode::kCancelled);
}

class StoreErrorTest : public ::testing::Test {};

TEST_F(StoreErrorTest, EmptyPathIsRefused) {
  // SQLite would open a temporary database that vanishes on close.
  auto s = Store::Open("");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreErrorTest, NotADatabase) {
  TempDir tmp;
  oscm::testing::WriteFile(tmp.Sub("junk.db"), std::string(4096, 'x'));
  auto s = Store::Open(tmp.Sub("junk.db"));
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), StatusCode::kCorruption);
  EXPECT_NE(s.error().message().find("junk.db"), std::string::npos);
}

TEST_F(StoreErrorTest, NewerSchemaIsRefused) {
  TempDir tmp;
  {
    auto db = SqliteDb::Open(tmp.Sub("new.db"));
    ASSERT_OK(db);
    ASSERT_OK(db->Exec("PRAGMA user_version = 999"));
  }
  auto s = Store::Open(tmp.Sub("new.db"));
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), StatusCode::kUnsupported);
}

TEST_F(StoreErrorTest, UnwritableLocation) {
  auto s = Store::Open("/proc/oscm-cannot-be-here/oscm.db");
  ASSERT_FALSE(s.has_value());
}

}  // namespace
}  // namespace oscm::store
