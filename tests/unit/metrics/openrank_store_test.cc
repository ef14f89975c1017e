#include "metrics/openrank_store.h"

#include <gtest/gtest.h>

#include "ingest/gharchive/gharchive_ingest.h"
#include "ingest/gharchive/openrank_activity.h"
#include "metrics/activity.h"
#include "metrics/usage_metrics.h"
#include "store/store.h"
#include "support/test_util.h"

namespace oscm::metrics {
namespace {

using oscm::testing::TempDir;

class OpenRankStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
  }

  // Adds `comments` issue comments by `actor` on `repo` in `month` ("2024-03").
  void Add(const std::string& month, int64_t repo, int64_t actor, int64_t comments) {
    ingest::RepoActivity a;
    auto t = ParseDate(month + "-15");
    ASSERT_OK(t);
    a[ingest::ActivityKey{MonthOf(*t), repo, actor}].issue_comments = comments;
    auto txn = store::Transaction::Begin(store_->db());
    ASSERT_OK(txn);
    ASSERT_OK(ingest::WriteActivity(store_->db(), a));
    ASSERT_OK(txn->Commit());
  }

  std::string Dump() {
    std::string out;
    auto q = store_->db().Prepare("SELECT month, kind, id, value, legacy FROM gh_openrank ORDER BY 1, 2, 3");
    EXPECT_OK(q);
    while (q && *q->Step()) {
      out += q->ColumnText(0) + " " + q->ColumnText(1) + " " + q->ColumnText(2) + " " +
             std::to_string(q->ColumnDouble(3)) + " " + q->ColumnText(4) + "\n";
    }
    return out;
  }

  Result<std::vector<OpenRankMonthStats>> Update(const std::atomic<bool>* cancel = nullptr) {
    NullProgress progress;
    return UpdateOpenRank(store_->db(), progress, cancel);
  }

  TempDir tmp_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(OpenRankStoreTest, ComputesChangedMonthsAndTheMonthsAfterThem) {
  Add("2024-01", 1, 10, 5);
  Add("2024-01", 2, 20, 1);
  Add("2024-02", 2, 20, 5);
  auto first = Update();
  ASSERT_OK(first);
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].month, "2024-01");
  EXPECT_EQ((*first)[0].nodes, 5);  // two repositories, two people, the background
  EXPECT_GT((*first)[0].iterations, 1);
  const std::string dump = Dump();
  // January's repository 1 is not active in February: it stays as legacy only above the minimum.
  auto jan = RepoOpenRank(store_->db(), 1, "2024-01");
  ASSERT_OK(jan);
  ASSERT_TRUE(jan->has_value());
  EXPECT_GT(**jan, 0);
  auto feb = RepoOpenRank(store_->db(), 2, "2024-02");
  ASSERT_OK(feb);
  EXPECT_GT(feb->value_or(0), 0);
  auto march = RepoOpenRank(store_->db(), 2, "2024-03");
  ASSERT_OK(march);
  EXPECT_FALSE(march->has_value());  // no OpenRank for a month without activity
  auto absent = RepoOpenRank(store_->db(), 99, "2024-02");
  ASSERT_OK(absent);
  EXPECT_EQ(absent->value_or(-1), 0);  // computed, without that repository

  // Nothing changed: nothing to compute.
  auto again = Update();
  ASSERT_OK(again);
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(Dump(), dump);

  // A change in January recomputes February too (its prior changed).
  Add("2024-01", 2, 21, 3);
  auto after = Update();
  ASSERT_OK(after);
  ASSERT_EQ(after->size(), 2u);
  EXPECT_NE(Dump(), dump);
}

TEST_F(OpenRankStoreTest, AnInterruptedUpdateResumesToTheSameValues) {
  Add("2024-01", 1, 10, 5);
  Add("2024-02", 1, 10, 2);
  Add("2024-02", 3, 30, 2);
  ASSERT_OK(Update());
  const std::string clean = Dump();

  Add("2024-01", 2, 20, 4);
  std::atomic<bool> cancel{true};
  auto stopped = Update(&cancel);
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code(), StatusCode::kCancelled);
  EXPECT_EQ(oscm::testing::QueryInt(store_->db(), "SELECT COUNT(*) FROM gh_openrank_months WHERE dirty = 1"), 2);
  ASSERT_OK(Update());

  // The same as a store that got all the activity before its first update.
  TempDir other;
  auto s = store::Store::Open(other.Sub("oscm.db"));
  ASSERT_OK(s);
  store_ = std::make_unique<store::Store>(std::move(s).value());
  const std::string resumed_dump = [&] {
    Add("2024-01", 1, 10, 5);
    Add("2024-02", 1, 10, 2);
    Add("2024-02", 3, 30, 2);
    Add("2024-01", 2, 20, 4);
    EXPECT_OK(Update());
    return Dump();
  }();
  EXPECT_NE(resumed_dump, clean);
  auto reopened = store::Store::Open(tmp_.Sub("oscm.db"));
  ASSERT_OK(reopened);
  store_ = std::make_unique<store::Store>(std::move(reopened).value());
  EXPECT_EQ(Dump(), resumed_dump);
}

TEST_F(OpenRankStoreTest, CommunityMetricIsTheMeanMonthlyOpenRankOfItsRepositories) {
  Add("2024-01", 1, 10, 5);
  Add("2024-02", 1, 10, 2);
  Add("2024-02", 2, 20, 6);
  ASSERT_OK(Update());
  ASSERT_OK(ingest::TrackRepositories(*store_, {{"one", {"o/one"}}, {"none", {"o/none"}}}));
  ASSERT_OK(store_->db().Exec("UPDATE gh_repos SET gh_id = 1 WHERE name = 'o/one'"));
  auto jan = RepoOpenRank(store_->db(), 1, "2024-01");
  auto feb = RepoOpenRank(store_->db(), 1, "2024-02");
  ASSERT_OK(jan);
  ASSERT_OK(feb);
  auto a = LoadCommunityActivity(store_->db(), "one");
  ASSERT_OK(a);
  const TimeWindow both{*ParseDate("2024-01-01"), *ParseDate("2024-03-01")};
  EXPECT_DOUBLE_EQ(OpenRank(*a, both).value_or(-1), (jan->value() + feb->value()) / 2);
  const TimeWindow later{*ParseDate("2024-03-01"), *ParseDate("2025-03-01")};
  EXPECT_FALSE(OpenRank(*a, later).has_value());  // no month of the window has an OpenRank
  // A community whose repositories' GitHub ids are unknown has none either.
  auto none = LoadCommunityActivity(store_->db(), "none");
  ASSERT_OK(none);
  EXPECT_FALSE(OpenRank(*none, both).has_value());
}

}  // namespace
}  // namespace oscm::metrics
