#include "store/assessment_runs.h"

#include <gtest/gtest.h>

#include "store/community_admin.h"
#include "support/test_util.h"

namespace oscm::store {
namespace {

using oscm::testing::TempDir;

AssessmentRun MakeRun(int64_t as_of, std::optional<std::string> stage, std::optional<double> popularity,
                  int64_t recorded_at) {
  AssessmentRun r;
  r.community = "tikv";
  r.as_of = as_of;
  r.model = "oscm default";
  r.model_version = "2026.12";
  r.recorded_at = recorded_at;
  r.stage = std::move(stage);
  r.scores = {RunScore{"popularity", popularity, 30, 80, 0.6}, RunScore{"commercial", std::nullopt, 10, 70, 0.3}};
  return r;
}

TEST(AssessmentRunsTest, KeepsEachDistinctOutcomeInDateOrder) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  ASSERT_OK(s->EnsureCommunity("tikv"));
  // Out of date order, and one repeated: the repeat adds nothing.
  auto added = RecordAssessmentRun(*s, MakeRun(2000, "development", 55.5, 100));
  ASSERT_OK(added);
  EXPECT_TRUE(*added);
  ASSERT_OK(RecordAssessmentRun(*s, MakeRun(1000, "trigger", 20.25, 101)));
  added = RecordAssessmentRun(*s, MakeRun(2000, "development", 55.5, 102));
  ASSERT_OK(added);
  EXPECT_FALSE(*added) << "the same outcome for the same date is kept once";
  // New evidence for the same date changes the score: kept beside the first.
  added = RecordAssessmentRun(*s, MakeRun(2000, "development", 61.0, 103));
  ASSERT_OK(added);
  EXPECT_TRUE(*added);
  // Placed in a landscape: another row, even with the same scores.
  AssessmentRun placed = MakeRun(2000, "development", 61.0, 104);
  placed.landscape = "kv-stores";
  placed.quadrant = "leaders";
  placed.quadrant_possible = {"leaders", "challengers"};
  ASSERT_OK(RecordAssessmentRun(*s, placed));
  // The same place, now certain: news.
  placed.quadrant_possible = {"leaders"};
  added = RecordAssessmentRun(*s, placed);
  ASSERT_OK(added);
  EXPECT_TRUE(*added);

  auto runs = AssessmentRuns(*s, "tikv");
  ASSERT_OK(runs);
  ASSERT_EQ(runs->size(), 5u);
  EXPECT_EQ((*runs)[0].as_of, 1000);
  EXPECT_EQ((*runs)[0].stage, "trigger");
  EXPECT_EQ((*runs)[1].recorded_at, 100);
  EXPECT_EQ((*runs)[2].recorded_at, 103);
  EXPECT_EQ((*runs)[3].quadrant, "leaders");
  EXPECT_EQ((*runs)[3].landscape, "kv-stores");
  EXPECT_EQ((*runs)[3].quadrant_possible, (std::vector<std::string>{"leaders", "challengers"}));
  EXPECT_EQ((*runs)[4].quadrant_possible, (std::vector<std::string>{"leaders"}));
  // Scores come back in the model's order, with no data as no data.
  ASSERT_EQ((*runs)[2].scores.size(), 2u);
  EXPECT_EQ((*runs)[2].scores[0].dimension, "popularity");
  EXPECT_EQ((*runs)[2].scores[0].value, 61.0);
  EXPECT_EQ((*runs)[2].scores[1].dimension, "commercial");
  EXPECT_FALSE((*runs)[2].scores[1].value.has_value());
  EXPECT_DOUBLE_EQ((*runs)[2].scores[1].high, 70);
}

TEST(AssessmentRunsTest, NoHistoryIsKeptAsNoStage) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  ASSERT_OK(s->EnsureCommunity("tikv"));
  ASSERT_OK(RecordAssessmentRun(*s, MakeRun(1000, std::nullopt, std::nullopt, 1)));
  auto added = RecordAssessmentRun(*s, MakeRun(1000, "trigger", std::nullopt, 2));
  ASSERT_OK(added);
  EXPECT_TRUE(*added) << "a stage where there was none is news";
  auto runs = AssessmentRuns(*s, "tikv");
  ASSERT_OK(runs);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_FALSE((*runs)[0].stage.has_value());
}

TEST(AssessmentRunsTest, UnknownCommunityAndRemoval) {
  TempDir tmp;
  auto s = Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  auto missing = RecordAssessmentRun(*s, MakeRun(1000, "trigger", 1.0, 1));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  EXPECT_FALSE(AssessmentRuns(*s, "tikv").has_value());
  ASSERT_OK(s->EnsureCommunity("tikv"));
  ASSERT_OK(RecordAssessmentRun(*s, MakeRun(1000, "trigger", 1.0, 1)));
  // Renaming keeps the history; removing takes it away.
  ASSERT_TRUE(RenameCommunity(*s, "tikv", "TiKV").ok());
  auto renamed = AssessmentRuns(*s, "TiKV");
  ASSERT_OK(renamed);
  EXPECT_EQ(renamed->size(), 1u);
  ASSERT_OK(RemoveCommunity(*s, "TiKV"));
  ASSERT_OK(s->EnsureCommunity("TiKV"));
  auto after = AssessmentRuns(*s, "TiKV");
  ASSERT_OK(after);
  EXPECT_TRUE(after->empty());
}

}  // namespace
}  // namespace oscm::store
