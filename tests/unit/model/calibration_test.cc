#include "model/calibration.h"

#include <gtest/gtest.h>

#include "metrics/registry.h"
#include "model/model_loader.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

TEST(CalibrationTest, AucCountsTiesHalf) {
  EXPECT_DOUBLE_EQ(*Auc({1, 2, 3, 4}, {false, false, true, true}), 1.0);
  EXPECT_DOUBLE_EQ(*Auc({4, 3, 2, 1}, {false, false, true, true}), 0.0);
  EXPECT_DOUBLE_EQ(*Auc({1, 1, 1, 1}, {false, true, false, true}), 0.5);
  EXPECT_DOUBLE_EQ(*Auc({1, 2, 2, 3}, {false, false, true, true}), 0.875);  // one tie of four pairs
  EXPECT_FALSE(Auc({1, 2}, {true, true}).has_value());
}

size_t MetricAt(std::string_view id) {
  const auto& r = metrics::Registry();
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i].id == id) return i;
  }
  return r.size();
}

// Hand-made samples: one "commits" value and stage per row; verdict rank follows commits.
struct Fixture {
  ModelSpec model = *DefaultModel();
  std::vector<VerdictRow> rows;
  std::vector<CalibrationSample> samples;
  void Add(const std::string& repo, const std::string& verdict, int rank, double commits, int stage) {
    VerdictRow r{repo, "cncf", 0, verdict, rank, "", static_cast<int>(rows.size()) + 2};
    rows.push_back(r);
    CalibrationSample s;
    s.row = rows.size() - 1;
    s.has_history = true;
    s.stage = stage;
    s.scores.assign(model.dimensions.size(), std::nullopt);
    s.metrics.assign(metrics::Registry().size(), std::nullopt);
    s.metrics[MetricAt("commits")] = commits;
    for (const auto& st : model.stages) s.passes.push_back(std::vector<bool>(st.criteria.size(), false));
    samples.push_back(std::move(s));
  }
};

TEST(CalibrationTest, ReportsAgreementWithIntervalsAndTheStageByVerdict) {
  Fixture f;
  for (int i = 0; i < 12; ++i) {
    f.Add("s/" + std::to_string(i), "sandbox", 1, 10 + i, 1);
    f.Add("g/" + std::to_string(i), "graduated", 3, 100 + i, i < 10 ? 3 : 1);
  }
  CalibrationOptions o;
  o.resamples = 200;
  const auto reports = Calibrate(f.model, f.rows, f.samples, o);
  ASSERT_EQ(reports.size(), 1u);
  const FoundationReport& r = reports[0];
  EXPECT_EQ(r.rows, 24);
  EXPECT_EQ(r.repositories, 24);
  ASSERT_EQ(r.verdicts, (std::vector<std::string>{"sandbox", "graduated"}));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.stage_by_verdict[3][1], 10);
  EXPECT_EQ(r.stage_by_verdict[1][1], 2);
  const PredictorAgreement& stage = r.predictors[0];
  ASSERT_EQ(stage.id, "stage");
  // 10 of 12 graduated rows above every sandbox row, 2 tied with all 12: (120 + 2*12*0.5) / 144.
  EXPECT_NEAR(*stage.pairs[0].value, 132.0 / 144.0, 1e-12);
  ASSERT_TRUE(stage.pairs[0].low && stage.pairs[0].high);
  EXPECT_LE(*stage.pairs[0].low, *stage.pairs[0].value);
  EXPECT_GE(*stage.pairs[0].high, *stage.pairs[0].value);
  const auto commits = std::find_if(r.predictors.begin(), r.predictors.end(), [](const auto& p) { return p.id == "commits"; });
  ASSERT_NE(commits, r.predictors.end());
  EXPECT_DOUBLE_EQ(*commits->pairs[0].value, 1.0);
  // The same input gives the same intervals.
  const auto again = Calibrate(f.model, f.rows, f.samples, o);
  EXPECT_EQ(*again[0].predictors[0].pairs[0].low, *stage.pairs[0].low);
}

TEST(CalibrationTest, FitFindsTheSeparatingThresholdAndRewritesTheModel) {
  auto model = ParseModel(R"(name = "t"
[[indicator]]
id = "commits"
threshold = 10
[[dimension]]
id = "popularity"
  [[dimension.factor]]
  id = "f"
  indicators = { commits = 1 }
[[dimension]]
id = "commercial"
  [[dimension.factor]]
  id = "g"
  indicators = { commits = 1 }
[[stage]]
id = "trigger"
[[stage]]
id = "development"
criteria = [
  "commits >= 500 or adopters >= 1",  # a guess
]
[[stage]]
id = "crystallization"
criteria = ["adopters >= 3"]
[[stage]]
id = "popularity"
criteria = ["adopters >= 30"]
[quadrant]
x = "commercial"
y = "popularity"
)", "t.toml");
  ASSERT_OK(model);
  Fixture f;
  f.model = *model;
  // Archived projects (target trigger) had 0..9 commits, sandbox ones (target development) 40..49.
  for (int i = 0; i < 10; ++i) {
    f.Add("a/" + std::to_string(i), "archived", 0, i, 0);
    f.Add("s/" + std::to_string(i), "sandbox", 1, 40 + i, 0);
  }
  std::vector<size_t> all(f.samples.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const auto fit = FitThresholds(f.model, f.rows, f.samples, all);
  ASSERT_EQ(fit.size(), 1u);  // adopters has no value in any row: nothing to fit
  EXPECT_EQ(fit[0].after, "commits >= 40 or adopters >= 1");
  EXPECT_DOUBLE_EQ(fit[0].youden_j, 1.0);
  EXPECT_DOUBLE_EQ(fit[0].auc, 1.0);
  EXPECT_EQ(fit[0].positives, 10);
  const ModelSpec applied = ApplyFit(f.model, fit);
  EXPECT_DOUBLE_EQ(applied.stages[1].criteria[0].value, 40);
  EXPECT_EQ(applied.stages[1].criteria[0].alternatives.size(), 1u);
  const std::string text = "[[stage]]\ncriteria = [\n  \"commits >= 500 or adopters >= 1\",  # a guess\n]\n";
  std::vector<FittedCriterion> at_line = fit;
  at_line[0].line = 3;
  EXPECT_EQ(RewriteCriteria(text, at_line, {"J 1.00"}),
            "[[stage]]\ncriteria = [\n  # fitted: J 1.00\n  \"commits >= 40 or adopters >= 1\",  # a guess\n]\n");
  // Folds keep a repository's rows together and are stable.
  const auto folds = FoldsByRepository(f.rows, 5);
  EXPECT_EQ(folds, FoldsByRepository(f.rows, 5));
  for (int x : folds) EXPECT_TRUE(x >= 0 && x < 5);
}

}  // namespace
}  // namespace oscm::model
