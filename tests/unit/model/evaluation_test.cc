// The model's parts on hand-built inputs: normalisation, scores with missing data, stage
// criteria and gaps, the timeline, flywheel correlations with a known lag, rings and the funnel.
#include <gtest/gtest.h>

#include <cmath>

#include <fmt/format.h>

#include "metrics/registry.h"
#include "model/evaluation.h"
#include "model/model_loader.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

int64_t Day(const char* date) { return *ParseDate(date); }

// A small model: every part a test needs, with round thresholds.
constexpr const char* kModel = R"(
name = "test"
min_factor_coverage = 0.5

[[indicator]]
id = "commits"
threshold = 99
[[indicator]]
id = "contributors_active"
threshold = 9
[[indicator]]
id = "stars"
threshold = 99
[[indicator]]
id = "pr_merge_hours"
direction = "lower"
threshold = 99
[[indicator]]
id = "orgs_active"
normalise = "percentile"
threshold = 9
[[indicator]]
id = "top_org_share"
normalise = "linear"
min = 0.2
max = 0.6

[[dimension]]
id = "popularity"
  [[dimension.factor]]
  id = "people"
  weight = 3
  indicators = { contributors_active = 2, stars = 1, commits = 1 }
  [[dimension.factor]]
  id = "speed"
  weight = 1
  indicators = { pr_merge_hours = 1 }

[[dimension]]
id = "commercial"
  [[dimension.factor]]
  id = "investment"
  indicators = { orgs_active = 1, top_org_share = 1 }

[[stage]]
id = "trigger"
[[stage]]
id = "development"
criteria = ["contributors_active >= 3", "release_months >= 2"]
[[stage]]
id = "crystallization"
pass = 0.5
criteria = ["orgs_active >= 3", "adopters >= 3"]
[[stage]]
id = "popularity"
criteria = ["tz_regions >= 2"]

[flywheel]
months = 24
max_lag = 4
)";

ModelSpec TestModel() {
  auto m = ParseModel(kModel, "test.toml");
  EXPECT_OK(m);
  return *m;
}

TEST(NormaliseTest, LogLinearAndPercentile) {
  const ModelSpec m = TestModel();
  const IndicatorSpec& commits = *m.FindIndicator("commits");
  EXPECT_DOUBLE_EQ(Normalise(commits, 0, nullptr), 0);
  EXPECT_NEAR(Normalise(commits, 9, nullptr), 0.5, 1e-12);  // log(10)/log(100)
  EXPECT_DOUBLE_EQ(Normalise(commits, 99, nullptr), 1);
  EXPECT_DOUBLE_EQ(Normalise(commits, 5000, nullptr), 1);  // saturates
  const IndicatorSpec& merge = *m.FindIndicator("pr_merge_hours");  // lower is better
  EXPECT_DOUBLE_EQ(Normalise(merge, 0, nullptr), 1);
  EXPECT_NEAR(Normalise(merge, 9, nullptr), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(Normalise(merge, 500, nullptr), 0);
  const IndicatorSpec& share = *m.FindIndicator("top_org_share");
  EXPECT_DOUBLE_EQ(Normalise(share, 0.1, nullptr), 0);
  EXPECT_NEAR(Normalise(share, 0.4, nullptr), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(Normalise(share, 0.9, nullptr), 1);
  const IndicatorSpec& orgs = *m.FindIndicator("orgs_active");
  const PeerValues peers = {{"orgs_active", {1, 2, 3, 4}}};
  EXPECT_DOUBLE_EQ(Normalise(orgs, 3, &peers), 0.625);  // 2 below + half of itself, of 4
  EXPECT_DOUBLE_EQ(Normalise(orgs, 1, &peers), 0.125);
  const PeerValues alone = {{"orgs_active", {3}}};  // a landscape of one: log saturation with T
  EXPECT_NEAR(Normalise(orgs, 3, &alone), std::log(4.0) / std::log(10.0), 1e-12);
}

TEST(ScoresTest, MissingIndicatorsShareTheirWeightAndThinFactorsAreUnavailable) {
  const ModelSpec m = TestModel();
  // contributors_active (weight 2 of 4) only: the factor's coverage is 0.5, its value that score.
  MetricSnapshot s({{"contributors_active", 9.0}});
  auto scores = ScoreDimensions(m, s, nullptr);
  ASSERT_EQ(scores.size(), 2u);
  const auto& pop = scores[0];
  EXPECT_DOUBLE_EQ(pop.factors[0].coverage, 0.5);
  ASSERT_TRUE(pop.factors[0].value.has_value());
  EXPECT_NEAR(*pop.factors[0].value, 100.0, 1e-9);
  EXPECT_FALSE(pop.factors[1].value.has_value()) << "no merge times: unavailable, not zero";
  EXPECT_DOUBLE_EQ(pop.factors[1].coverage, 0);
  EXPECT_DOUBLE_EQ(pop.coverage, (3 * 0.5 + 1 * 0) / 4.0);
  // 37.5% measured is below the default min_dimension_coverage (0.5): one factor cannot stand
  // for the dimension...
  EXPECT_FALSE(pop.value.has_value());
  // ...though its range says what is known: 9 contributors scored 1 with weight 2 of the factor's 4.
  EXPECT_NEAR(pop.low, (3 * 50.0 + 1 * 0.0) / 4, 1e-9);
  EXPECT_NEAR(pop.high, 100.0, 1e-9);
  // With a lower minimum, the unavailable factor's weight goes to the others.
  ModelSpec lenient = m;
  lenient.min_dimension_coverage = 0.3;
  auto shared = ScoreDimensions(lenient, s, nullptr);
  ASSERT_TRUE(shared[0].value.has_value());
  EXPECT_NEAR(*shared[0].value, 100.0, 1e-9) << "the unavailable factor's weight goes to the others";
  // stars alone (weight 1 of 4) is below the 0.5 minimum coverage.
  MetricSnapshot thin({{"stars", 99.0}});
  auto thin_scores = ScoreDimensions(m, thin, nullptr);
  EXPECT_FALSE(thin_scores[0].factors[0].value.has_value());
  EXPECT_DOUBLE_EQ(thin_scores[0].factors[0].coverage, 0.25);
  EXPECT_FALSE(thin_scores[0].value.has_value());
  EXPECT_FALSE(thin_scores[1].value.has_value());
  // Everything measured: weighted means.
  MetricSnapshot full({{"contributors_active", 9.0}, {"stars", 0.0}, {"commits", 99.0}, {"pr_merge_hours", 9.0},
                       {"orgs_active", 9.0}, {"top_org_share", 0.4}});
  auto f = ScoreDimensions(m, full, nullptr);
  const double people = 100 * (2 * 1.0 + 1 * 0.0 + 1 * 1.0) / 4;  // 75
  const double speed = 100 * 0.5;
  EXPECT_NEAR(*f[0].value, (3 * people + 1 * speed) / 4, 1e-9);
  EXPECT_DOUBLE_EQ(f[0].coverage, 1);
  EXPECT_NEAR(*f[1].value, 100 * (1.0 + 0.5) / 2, 1e-9);
}

// A realistic community under the default model, with evidence taken away: the range always
// widens and holds the score that fuller evidence gives.
TEST(ScoresTest, LessEvidenceWidensTheRangeAndKeepsTheFullerScoreInside) {
  auto model = DefaultModel();
  ASSERT_OK(model);
  std::map<std::string, std::optional<double>> full = {
      {"contributors_active", 120}, {"contributors_new", 40}, {"issue_authors", 300}, {"active_actors", 2000},
      {"stars", 1500}, {"forks", 300}, {"commits", 2400}, {"releases", 9}, {"release_months", 7},
      {"age_months", 70}, {"bus_factor", 6}, {"pr_merge_hours", 40}, {"adopters", 12}, {"adopter_industries", 4},
      {"issue_first_response_hours", 20}, {"issue_close_hours", 300}, {"issues_closed", 900},
      {"contributor_retention", 0.35}, {"community_files", 7}, {"events_held", 3}, {"doc_languages", 1},
      {"reviewers", 60}, {"vendor_age_years", 6}, {"roadmap_published", 1}, {"foundation_level", 2},
      {"org_commit_share", 0.6}, {"orgs_active", 8}, {"working_hours_share", 0.6}, {"vendor_share", 0.4},
      {"business_models", 2}, {"commercial_offerings", 2}, {"commercial_vendors", 3}, {"elephant_factor", 2},
      {"downloads", 200000}, {"dependent_repos", 800}, {"dependents", 300}, {"openrank", 40}};
  MetricSnapshot all(full);
  const auto reference = ScoreDimensions(*model, all, nullptr);
  std::vector<std::string> ids;
  for (const auto& [id, v] : full) ids.push_back(id);
  // Every single metric removed, then growing random sets (a fixed seed: the same cases each run).
  std::vector<std::vector<std::string>> removals;
  for (const auto& id : ids) removals.push_back({id});
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> r;
    for (const auto& id : ids) {
      seed = seed * 1664525u + 1013904223u;
      if ((seed >> 16) % 3 == 0) r.push_back(id);
    }
    removals.push_back(r);
  }
  for (const auto& removed : removals) {
    auto values = full;
    for (const auto& id : removed) values.erase(id);
    MetricSnapshot less(values);
    const auto scores = ScoreDimensions(*model, less, nullptr);
    for (size_t d = 0; d < scores.size(); ++d) {
      SCOPED_TRACE(fmt::format("{} without {} metrics", scores[d].spec->id, removed.size()));
      ASSERT_TRUE(reference[d].value.has_value());
      EXPECT_LE(scores[d].low, reference[d].low + 1e-9);
      EXPECT_GE(scores[d].high, reference[d].high - 1e-9);
      EXPECT_LE(scores[d].low, *reference[d].value + 1e-9);
      EXPECT_GE(scores[d].high, *reference[d].value - 1e-9);
      if (scores[d].value) {
        EXPECT_GE(*scores[d].value, scores[d].low - 1e-9);
        EXPECT_LE(*scores[d].value, scores[d].high + 1e-9);
      }
      for (size_t f = 0; f < scores[d].factors.size(); ++f) {
        EXPECT_LE(scores[d].factors[f].low, reference[d].factors[f].low + 1e-9);
        EXPECT_GE(scores[d].factors[f].high, reference[d].factors[f].high - 1e-9);
      }
    }
  }
  // With everything measured the range is the value itself.
  for (const auto& d : reference) {
    EXPECT_NEAR(d.low, *d.value, 1e-9);
    EXPECT_NEAR(d.high, *d.value, 1e-9);
  }
}

// "Would need" and the charts' captions name the source of every missing indicator: a metric
// from a source they do not know would be left out of the list, or named wrongly.
TEST(EvidenceTest, EveryMetricSourceIsNamed) {
  for (const metrics::MetricDef& def : metrics::Registry()) {
    bool named = false;
    for (const EvidenceSource& src : EvidenceSources()) named = named || src.id == def.source;
    EXPECT_TRUE(named) << def.id << ": source " << def.source;
  }
}

TEST(StageTest, HighestStageWithAllLowerStagesPassing) {
  const ModelSpec m = TestModel();
  {
    MetricSnapshot s({{"contributors_active", 5.0}, {"release_months", 3.0}, {"orgs_active", 1.0}});
    const StageResult r = EvaluateStage(m, s);
    EXPECT_EQ(m.stages[static_cast<size_t>(r.stage)].id, "development");
    EXPECT_TRUE(r.checks[1].pass);
    EXPECT_FALSE(r.checks[2].pass);
    EXPECT_EQ(r.checks[2].needed, 1);
    EXPECT_EQ(r.gaps_needed, 1);
    EXPECT_EQ(r.gaps, (std::vector<std::string>{"orgs_active >= 3, now 1", "adopters >= 3, now no data"}));
  }
  {
    // Crystallization's criteria pass (half is enough), but development's do not: trigger.
    MetricSnapshot s({{"contributors_active", 2.0}, {"release_months", 3.0}, {"orgs_active", 5.0}, {"tz_regions", 3.0}});
    const StageResult r = EvaluateStage(m, s);
    EXPECT_EQ(r.stage, 0);
    EXPECT_TRUE(r.checks[2].pass);
    EXPECT_EQ(r.gaps, (std::vector<std::string>{"contributors_active >= 3, now 2"}));
  }
  {
    MetricSnapshot s({{"contributors_active", 3.0}, {"release_months", 2.0}, {"adopters", 3.0}, {"tz_regions", 2.0}});
    const StageResult r = EvaluateStage(m, s);
    EXPECT_EQ(r.stage, 3);
    EXPECT_TRUE(r.gaps.empty());
  }
  {
    // A metric without data fails its criterion.
    MetricSnapshot s({{"release_months", 2.0}});
    EXPECT_EQ(EvaluateStage(m, s).stage, 0);
  }
}

TEST(StageTest, CompareOperators) {
  EXPECT_TRUE(Compare(5, CompareOp::kGe, 5));
  EXPECT_FALSE(Compare(5, CompareOp::kGt, 5));
  EXPECT_TRUE(Compare(0.49, CompareOp::kLt, 0.5));
  EXPECT_TRUE(Compare(0.5, CompareOp::kLe, 0.5));
  EXPECT_TRUE(Compare(1, CompareOp::kEq, 1));
  EXPECT_TRUE(Compare(1, CompareOp::kNe, 2));
}

// An activity of `n` people; contributions and commits are added by the tests.
metrics::CommunityActivity People(int n) {
  metrics::CommunityActivity a;
  a.name = "hand-built";
  a.repositories = {"/tmp/hand-built"};
  for (int i = 0; i < n; ++i) {
    a.people.push_back(fmt::format("p{} <p{}@example.com>", i, i));
    a.people_login.push_back(fmt::format("p{}", i));
    a.first_contribution.push_back(INT64_MAX);
  }
  return a;
}

void Contribute(metrics::CommunityActivity* a, int person, int64_t time, int32_t org = -1) {
  a->contributions.push_back(metrics::ContributionFact{time, person, org, org >= 0 ? metrics::Affiliation::kCompany
                                                                                  : metrics::Affiliation::kIndependent});
  a->commits.push_back(metrics::CommitFact{time, 0, org, metrics::Affiliation::kIndependent});
  auto& first = a->first_contribution[static_cast<size_t>(person)];
  first = std::min(first, time);
  if (a->first_commit == 0 || time < a->first_commit) a->first_commit = time;
  a->last_commit = std::max(a->last_commit, time);
}

void Sort(metrics::CommunityActivity* a) {
  auto by_time = [](const auto& x, const auto& y) { return x.time < y.time; };
  std::stable_sort(a->contributions.begin(), a->contributions.end(), by_time);
  std::stable_sort(a->commits.begin(), a->commits.end(), by_time);
  std::stable_sort(a->gh_events.begin(), a->gh_events.end(), by_time);
}

TEST(TimelineTest, HoldStagesEntersAtOnceAndLeavesLate) {
  struct Case {
    int leave;
    std::vector<int> raw, held;
  };
  const std::vector<Case> cases = {
      {1, {0, 1, 0, 1, 0}, {0, 1, 0, 1, 0}},                // leave at once: every flip shows
      {3, {0, 1, 0, 1, 0, 1}, {0, 1, 1, 1, 1, 1}},          // wavering: held
      {3, {0, 1, 0, 0, 0, 0}, {0, 1, 1, 1, 0, 0}},          // three failing months: left
      {2, {0, 2, 1, 1, 2, 0, 0}, {0, 2, 2, 1, 2, 2, 0}},    // down to the stage of that month
      {3, {1, 2, 3, 1, 3, 3}, {1, 2, 3, 3, 3, 3}},
      {2, {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.raw));
    EXPECT_EQ(HoldStages(c.leave, c.raw), c.held);
  }
}

// A metric wavering at a threshold month after month: without hysteresis the stage flips every
// month; with leave_months the headline holds, says so, and is left only when the metric stays down.
TEST(TimelineTest, HysteresisHoldsTheStageWhileAMetricWavers) {
  std::string text = kModel;
  const std::string from = "criteria = [\"contributors_active >= 3\", \"release_months >= 2\"]";
  text.replace(text.find(from), from.size(), "criteria = [\"commits >= 25 or adopters >= 1\"]");
  text += "\n[timeline]\nmin_months = 1\nleave_months = 3\n";
  auto held_model = ParseModel(text, "t.toml");
  ASSERT_OK(held_model);
  EXPECT_EQ(held_model->stages[1].criteria[0].alternatives.size(), 1u);
  ModelSpec flipping = *held_model;
  flipping.timeline.leave_months = 1;
  // Two commits a month for a year, then the trailing 12-month count alternates 25, 24, 25, 24.
  auto a = People(1);
  const MonthIndex first = MonthOf(Day("2022-01-01"));
  std::vector<int> per_month(12, 2);
  for (int m = 12; m < 36; ++m) per_month.push_back(per_month[static_cast<size_t>(m - 12)] + (m % 2 == 0 ? 1 : -1));
  for (size_t m = 0; m < per_month.size(); ++m) {
    for (int k = 0; k < per_month[m]; ++k) Contribute(&a, 0, MonthStart(first + static_cast<MonthIndex>(m)) + (k + 1) * 3600);
  }
  Sort(&a);
  const int64_t as_of = MonthStart(first + 36) - kSecondsPerDay;  // the end of a month whose count is 24
  const StageTimeline flips = EvaluateTimeline(flipping, a, as_of);
  EXPECT_GE(flips.transitions.size(), 10u);
  const StageTimeline held = EvaluateTimeline(*held_model, a, as_of);
  EXPECT_EQ(held.transitions.size(), 1u) << "entered once, never left";
  EXPECT_EQ(held.stages.back(), 1);
  EXPECT_EQ(held.raw.back(), 0);
  ASSERT_TRUE(held.failing_since.has_value());
  EXPECT_EQ(*held.failing_since, first + 35);
  const CommunityEvaluation e = Evaluate(*held_model, a, as_of);
  EXPECT_EQ(e.stage.stage, 1);
  ASSERT_TRUE(e.stage.raw_stage.has_value());
  EXPECT_EQ(*e.stage.raw_stage, 0);
  // Quiet for good: the stage is left after three failing month ends.
  const StageTimeline later = EvaluateTimeline(*held_model, a, MonthStart(first + 40));
  EXPECT_EQ(later.stages.back(), 0);
  // The alternative passes the criterion on its own: a declared adopter.
  MetricSnapshot declared({{"commits", 2.0}, {"adopters", 1.0}});
  EXPECT_EQ(EvaluateStage(*held_model, declared).stage, 1);
  MetricSnapshot neither({{"commits", 2.0}, {"adopters", 0.0}});
  const StageResult r = EvaluateStage(*held_model, neither);
  EXPECT_EQ(r.stage, 0);
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_EQ(r.gaps[0], "commits >= 25 or adopters >= 1, now commits 2, adopters 0");
}

TEST(TimelineTest, TransitionsUpAndDown) {
  std::string text = kModel;
  const std::string from = "criteria = [\"contributors_active >= 3\", \"release_months >= 2\"]";
  text.replace(text.find(from), from.size(), "criteria = [\"contributors_active >= 3\"]");
  auto m = ParseModel(text, "t.toml");
  ASSERT_OK(m);
  auto a = People(3);
  Contribute(&a, 0, Day("2024-01-15"));
  Contribute(&a, 1, Day("2024-03-15"));
  Contribute(&a, 2, Day("2024-05-15"));
  Sort(&a);
  const StageTimeline t = EvaluateTimeline(*m, a, Day("2025-03-31"));
  EXPECT_EQ(FormatMonth(t.months.front()), "2024-01");
  EXPECT_EQ(FormatMonth(t.months.back()), "2025-03");
  ASSERT_EQ(t.transitions.size(), 2u);
  // Three people by the end of May 2024; the window ending 2025-01-31 starts 2024-02-01 and
  // loses the January contributor.
  EXPECT_EQ(FormatMonth(t.transitions[0].month), "2024-05");
  EXPECT_EQ(t.transitions[0].from, 0);
  EXPECT_EQ(t.transitions[0].to, 1);
  EXPECT_EQ(FormatMonth(t.transitions[1].month), "2025-01");
  EXPECT_EQ(t.transitions[1].to, 0);
}

TEST(TimelineTest, ShortRunsJoinTheStageBeforeThem) {
  struct Case {
    std::vector<int> raw;
    std::vector<int> smooth;
  };
  const Case kCases[] = {
      {{0, 0, 1, 0, 0, 1, 1, 1}, {0, 0, 0, 0, 0, 1, 1, 1}},     // one month of development
      {{1, 1, 1, 2, 2, 1, 1, 1, 2}, {1, 1, 1, 1, 1, 1, 1, 1, 2}},  // the ongoing run is kept
      {{0, 1, 1, 1, 2, 1, 2, 2, 2}, {0, 1, 1, 1, 1, 1, 2, 2, 2}},  // the first run too
      {{0, 0, 0, 1, 1, 1, 0, 0, 0}, {0, 0, 0, 1, 1, 1, 0, 0, 0}},  // three months is a run
  };
  for (const auto& c : kCases) {
    std::vector<int> s = c.raw;
    SmoothStages(3, &s);
    EXPECT_EQ(s, c.smooth);
  }
}

TEST(VitalityTest, ActiveDecliningDormantArchived) {
  const ModelSpec m = TestModel();  // commits; dormant after 6 months; declining below 70%
  auto a = People(1);
  // 10 commits in the year before 2024-07-01, 6 in the year after: declining (6 < 7).
  for (int i = 0; i < 10; ++i) Contribute(&a, 0, Day("2023-08-01") + i * 20 * kSecondsPerDay);
  for (int i = 0; i < 6; ++i) Contribute(&a, 0, Day("2024-10-01") + i * 30 * kSecondsPerDay);  // to 2025-02-28
  Sort(&a);
  const Vitality v = EvaluateVitality(m, a, Day("2025-06-30"), /*archived=*/false);
  EXPECT_EQ(v.state, VitalityState::kDeclining);
  EXPECT_EQ(*v.last_12, 6);
  EXPECT_EQ(*v.previous_12, 10);
  // Nothing after 2025-02-28: dormant in the six months to 2025-09-30.
  EXPECT_EQ(EvaluateVitality(m, a, Day("2025-09-30"), false).state, VitalityState::kDormant);
  EXPECT_EQ(EvaluateVitality(m, a, Day("2024-12-31"), false).state, VitalityState::kActive);
  EXPECT_EQ(EvaluateVitality(m, a, Day("2025-06-30"), /*archived=*/true).state, VitalityState::kArchived);
  EXPECT_EQ(VitalityId(VitalityState::kDormant), "dormant");
  metrics::CommunityActivity no_git;  // known only from GH Archive: no commits to judge by
  EXPECT_EQ(EvaluateVitality(m, no_git, Day("2025-06-30"), false).state, VitalityState::kUnknown);
}

TEST(FlywheelTest, SpearmanOnKnownSeries) {
  EXPECT_NEAR(*Spearman({1, 2, 3, 4, 5}, {10, 20, 30, 40, 50}), 1, 1e-12);
  EXPECT_NEAR(*Spearman({1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}), -1, 1e-12);
  EXPECT_NEAR(*Spearman({1, 2, 3, 4}, {1, 1, 2, 2}), 2 * std::sqrt(0.2), 1e-12);  // ties take mean ranks
  EXPECT_FALSE(Spearman({1, 2, 3, 4}, {7, 7, 7, 7}).has_value());
  EXPECT_FALSE(Spearman({1, 2, 3}, {1, 2, 3}).has_value());
}

TEST(FlywheelTest, FindsTheLagAtWhichTalentLeadsProduct) {
  const ModelSpec m = TestModel();  // 24 months, lags up to 4
  // Talent (contributors per month) follows an irregular pattern; product (commits) repeats it
  // two months later.
  const int kPattern[] = {3, 7, 2, 9, 4, 4, 8, 1, 6, 10, 2, 5, 7, 3, 9, 6, 1, 8, 5, 2, 10, 4, 6, 3};
  auto a = People(10);
  const MonthIndex first = MonthOf(Day("2023-01-01"));
  for (int i = 0; i < 24; ++i) {
    for (int p = 0; p < kPattern[i]; ++p) {
      a.contributions.push_back({MonthStart(first + i) + 3600 * (p + 1), p, -1, metrics::Affiliation::kIndependent});
    }
    const int lagged = i >= 2 ? kPattern[i - 2] : 5;
    for (int c = 0; c < 3 * lagged; ++c) a.commits.push_back({MonthStart(first + i) + 60 * (c + 1), 0, -1, metrics::Affiliation::kIndependent});
  }
  a.first_commit = MonthStart(first);
  std::fill(a.first_contribution.begin(), a.first_contribution.end(), MonthStart(first));
  Sort(&a);
  const Flywheel f = EvaluateFlywheel(m, a, Day("2024-12-31"));
  ASSERT_EQ(f.months.size(), 24u);
  EXPECT_EQ(f.c.values[3], 9);
  EXPECT_EQ(f.p.values[5], 27);
  const FlywheelLink& cp = f.links[1];
  EXPECT_EQ(cp.a, "c");
  EXPECT_EQ(cp.b, "p");
  ASSERT_TRUE(cp.best_lag.has_value());
  EXPECT_EQ(*cp.best_lag, 2) << "talent leads product by two months";
  EXPECT_NEAR(*cp.best_rho, 1.0, 1e-12);
  ASSERT_EQ(cp.rho.size(), 9u);  // lags -4..4
  EXPECT_LT(*cp.rho[4], 0.9) << "same-month changes are not the ones that match";
  ASSERT_EQ(f.new_contributors.size(), 24u);
  EXPECT_EQ(f.new_contributors[0], 10) << "everyone's first contribution is in the first month";
  EXPECT_EQ(f.new_contributors[1], 0);
  // B (no organisations, no adopters) never varies: no correlation, not a zero.
  EXPECT_FALSE(f.links[0].best_rho.has_value());
  ASSERT_TRUE(f.c.growth.has_value());
  int last = 0, before = 0;
  for (int i = 0; i < 12; ++i) before += kPattern[i];
  for (int i = 12; i < 24; ++i) last += kPattern[i];
  EXPECT_NEAR(*f.c.growth, static_cast<double>(last) / before - 1, 1e-12);
}

TEST(RingsTest, CoreRegularCasualUsersAudience) {
  const ModelSpec m = TestModel();
  auto a = People(5);
  a.orgs = {"PingCAP"};
  // 20 contributions: p0 10 (core: half), p1 6 in three months (regular, up to 80%), p2 2 (past
  // 80%: casual), p3 and p4 one each.
  for (int i = 0; i < 10; ++i) Contribute(&a, 0, Day("2025-01-10") + i * 3600, 0);
  for (int i = 0; i < 6; ++i) Contribute(&a, 1, Day("2025-02-10") + (i % 3) * 31 * kSecondsPerDay);
  Contribute(&a, 2, Day("2025-03-01"));
  Contribute(&a, 2, Day("2025-04-01"));
  Contribute(&a, 3, Day("2025-03-02"));
  Contribute(&a, 4, Day("2025-03-03"));
  // GitHub: u1 opens an issue and stars (a user); p1 (a contributor, by login) comments; s1 only stars.
  a.gh_archive_hours = {{Day("2020-01-01"), Day("2026-01-01")}};  // every hour read
  a.gh_actors = {"u1", "P1", "s1"};
  a.gh_first_seen = {Day("2025-01-01"), Day("2025-01-01"), Day("2025-01-01")};
  a.gh_events = {{Day("2025-02-01"), GhKind::kIssueOpened, 0},
                 {Day("2025-02-02"), GhKind::kStar, 0},
                 {Day("2025-02-03"), GhKind::kIssueComment, 1},
                 {Day("2025-02-04"), GhKind::kStar, 2}};
  Sort(&a);
  const TalentRings r = EvaluateRings(m, a, TrailingMonths(Day("2025-06-30"), 12));
  EXPECT_EQ(r.core, 1);
  EXPECT_EQ(r.regular, 1);
  EXPECT_EQ(r.casual, 3);
  EXPECT_EQ(r.users, 1);
  EXPECT_EQ(r.audience, 1);
  ASSERT_EQ(r.core_orgs.size(), 1u);
  EXPECT_EQ(r.core_orgs[0].name, "PingCAP");
  EXPECT_EQ(r.core_orgs[0].people, 1);
  EXPECT_EQ(CorePeople(a, TrailingMonths(Day("2025-06-30"), 12), 0.5), (std::vector<int32_t>{0}));
}

TEST(FunnelTest, ConversionWithinAYearOfFirstSight) {
  const ModelSpec m = TestModel();
  auto a = People(3);
  // Contributors: p0 since 2022 (regular), p1 first in the cohort and then core, p2 first in the
  // cohort with one commit.
  for (int i = 0; i < 5; ++i) Contribute(&a, 0, Day("2022-06-01") + i * 40 * kSecondsPerDay);
  for (int i = 0; i < 10; ++i) Contribute(&a, 1, Day("2023-08-10") + i * 3 * kSecondsPerDay);
  Contribute(&a, 2, Day("2023-08-20"));
  a.gh_archive_hours = {{Day("2020-01-01"), Day("2026-01-01")}};  // every hour read
  a.gh_actors = {"a1", "a2", "a3", "a4", "a5", "a6"};
  a.gh_first_seen.assign(6, 0);
  using K = GhKind;
  a.gh_events = {
      {Day("2023-08-01"), K::kStar, 0},  {Day("2024-03-01"), K::kIssueOpened, 0},   // a1: audience -> user
      {Day("2023-09-01"), K::kStar, 1},                                              // a2: stays audience
      {Day("2022-01-01"), K::kStar, 2},  {Day("2023-09-05"), K::kIssueOpened, 2},    // a3: seen before the cohort
      {Day("2023-10-01"), K::kFork, 3},  {Day("2024-11-01"), K::kIssueOpened, 3},    // a4: more than a year later
      {Day("2023-12-01"), K::kIssueOpened, 4}, {Day("2024-02-01"), K::kPrOpened, 4}, // a5: user -> contributor
      {Day("2024-01-01"), K::kIssueComment, 5},                                      // a6: stays a user
  };
  Sort(&a);
  const Funnel f = EvaluateFunnel(m, a, Day("2025-06-30"));
  EXPECT_EQ(FormatDate(f.cohort_window.begin), "2023-07-01");
  ASSERT_EQ(f.steps.size(), 3u);
  EXPECT_EQ(f.steps[0].from, "audience");
  EXPECT_EQ(*f.steps[0].cohort, 3);  // a1, a2, a4
  EXPECT_EQ(*f.steps[0].reached, 1);
  EXPECT_EQ(*f.steps[1].cohort, 2);  // a5, a6
  EXPECT_EQ(*f.steps[1].reached, 1);
  EXPECT_EQ(*f.steps[2].cohort, 2);  // p1, p2
  EXPECT_EQ(*f.steps[2].reached, 1);
  EXPECT_DOUBLE_EQ(*f.steps[2].rate, 0.5);
  // Without GitHub events covering the cohort and its year, only contributor -> core is measured,
  // though some events are stored.
  a.gh_archive_hours = {{Day("2023-07-01"), Day("2023-08-01")}};
  const Funnel git_only = EvaluateFunnel(m, a, Day("2025-06-30"));
  EXPECT_FALSE(git_only.steps[0].cohort.has_value());
  EXPECT_FALSE(git_only.steps[1].cohort.has_value());
  EXPECT_EQ(*git_only.steps[2].cohort, 2);
}

TEST(QuadrantTest, SplitAndLabels) {
  EXPECT_EQ(QuadrantOf(60, 70, 50, 50), QuadrantKind::kLeaders);
  EXPECT_EQ(QuadrantOf(40, 70, 50, 50), QuadrantKind::kChallengers);
  EXPECT_EQ(QuadrantOf(60, 30, 50, 50), QuadrantKind::kStrategists);
  EXPECT_EQ(QuadrantOf(40, 30, 50, 50), QuadrantKind::kNichePlayers);
  EXPECT_EQ(QuadrantOf(50, 50, 50, 50), QuadrantKind::kLeaders) << "the split value belongs to the high side";
  EXPECT_EQ(QuadrantId(QuadrantKind::kNichePlayers), "niche_players");
}

TEST(QuadrantTest, MedianSplitOverALandscape) {
  std::string text = kModel;
  text += "\n[quadrant]\nsplit = \"median\"\n";
  auto m = ParseModel(text, "t.toml");
  ASSERT_OK(m);
  // Three communities with 1, 4 and 9 contributors: popularity scores rise with them.
  std::vector<metrics::CommunityActivity> acts;
  for (int n : {1, 4, 9}) {
    auto a = People(n);
    for (int p = 0; p < n; ++p) Contribute(&a, p, Day("2025-03-01") + p * 60);
    Sort(&a);
    acts.push_back(std::move(a));
  }
  std::vector<const metrics::CommunityActivity*> ptrs;
  for (const auto& a : acts) ptrs.push_back(&a);
  const auto l = EvaluateLandscape(*m, "test", ptrs, Day("2025-06-30"));
  ASSERT_EQ(l.communities.size(), 3u);
  const double y1 = *l.communities[1].quadrant->y;
  EXPECT_DOUBLE_EQ(l.split_y, y1) << "the median of three is the middle one";
  EXPECT_LT(*l.communities[0].quadrant->y, y1);
  EXPECT_GT(*l.communities[2].quadrant->y, y1);
  // Commercial scores tie (no organisations), so x sits on its median: the high side.
  EXPECT_DOUBLE_EQ(*l.communities[0].quadrant->x, l.split_x);
  EXPECT_EQ(l.communities[0].quadrant->kind, QuadrantKind::kStrategists);
  EXPECT_EQ(l.communities[2].quadrant->kind, QuadrantKind::kLeaders);
  EXPECT_FALSE(l.communities[2].quadrant->prev_y.has_value()) << "no history a year before: nothing to compare";
}

}  // namespace
}  // namespace oscm::model
