// Every git metric on the tiny community (tests/support/community_fixture.cc) at 2025-06-30,
// against values worked out by hand. The window is [2024-07-01, 2025-07-01).
//
// Commits in the window (non-merge, not the bot): 2 Bob (Sat 22:00 UTC-5), 3 Carol+Dave
// (Tue 10:00 UTC+1), 5 Alice via .mailmap (Wed 14:00 UTC+8), 6 Erin (Mon 15:00 UTC), 7 Bob
// (Sat 10:00 UTC-5), 9 Alice (Fri 10:00 UTC+8).
#include "metrics/git_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "ingest/git/git_ingest.h"
#include "metrics/assessment.h"
#include "metrics/timezone_metrics.h"
#include "support/community_fixture.h"
#include "support/test_util.h"

namespace oscm::metrics {
namespace {

using oscm::testing::TempDir;

class GitMetricsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    oscm::testing::GitFixture repo(tmp_->Sub("tiny"));
    oscm::testing::BuildTinyCommunity(repo);
    auto s = store::Store::Open(tmp_->Sub("oscm.db"));
    ASSERT_OK(s);
    ingest::GitIngestOptions o;
    o.location = repo.path();
    o.community = "tiny";
    NullProgress progress;
    ASSERT_OK(ingest::IngestGit(*s, o, ingest::BotList::Builtin(), ingest::AffiliationResolver::Builtin(), progress));
    auto a = LoadCommunityActivity(s->db(), "tiny");
    ASSERT_OK(a);
    activity_ = new CommunityActivity(std::move(a).value());
  }
  static void TearDownTestSuite() {
    delete activity_;
    delete tmp_;
  }
  static TimeWindow Window() { return TrailingMonths(*ParseDate("2025-06-30"), 12); }

  static TempDir* tmp_;
  static CommunityActivity* activity_;
};
TempDir* GitMetricsTest::tmp_ = nullptr;
CommunityActivity* GitMetricsTest::activity_ = nullptr;

struct Expected {
  const char* id;
  std::optional<double> value;
};

TEST_F(GitMetricsTest, TwelveMonthValuesMatchHandCalculation) {
  const double entropy = 2.0 / 3.0 * std::log2(3.0) + 1.0 / 3.0 * std::log2(6.0);
  const Expected kExpected[] = {
      {"commits", 6},
      {"contributors_active", 5},    // Bob, Carol, Dave, Alice, Erin
      {"contributors_new", 4},       // all but Alice (first commit 2023-03)
      {"contributors_retained", 1},  // Alice, active 2023-09
      {"orgs_active", 3},            // Google, Red Hat, PingCAP (not independent Bob, unknown Erin)
      {"top_org_share", 2.0 / 6.0},  // PingCAP: commits 5 and 9
      {"elephant_factor", 1},        // PingCAP 2 of 3 affiliated commits
      {"bus_factor", 2},             // credits Bob 2, Alice 2, Carol 1, Dave 1, Erin 1 (7)
      {"releases", 2},               // v1.0.0, v1.1.0 = api/v1.1.0 (not v1.1.0-rc.1)
      {"age_months", 27},            // 2023-03-01 .. 2025-06-30
      {"tz_regions", 3},             // 2 commits in each region
      {"tz_entropy", entropy},       // offsets -300 x2, +480 x2, +60, 0
      {"working_hours_share", 4.0 / 6.0},
      {"community_files", 6},  // license, readme, readme_translation, contributing, maintainers, changelog
      {"release_months", 2},          // v1.0.0 and v1.1.0 in different months
      {"contributor_retention", 1.0},  // the previous window's only contributor, Alice, came back
      {"org_commit_share", 3.0 / 6.0},  // Carol (Google), Alice x2 (PingCAP); not Bob x2, Erin
      {"active_months", 6},  // 2024-08, 2024-09, 2025-01, 2025-02, 2025-03, 2025-06
      {"doc_languages", 1},  // README.zh-CN.md
      {"outside_contributors", 4},  // no declared vendor: all but Alice (PingCAP, the top organisation)
      {"vendor_share", std::nullopt},  // no profile
  };
  const TimeWindow w = Window();
  for (const auto& e : kExpected) {
    const MetricDef* def = FindMetric(e.id);
    ASSERT_NE(def, nullptr) << e.id;
    const auto v = def->compute(*activity_, w);
    ASSERT_EQ(v.has_value(), e.value.has_value()) << e.id;
    if (v) {
      EXPECT_NEAR(*v, *e.value, 1e-9) << e.id;
    }
  }
}

TEST(WindowMonthsTest, ATrailingYearNeverCountsThirteenMonths) {
  auto months = [](MonthIndex first, int n) {
    std::set<MonthIndex> s;
    for (int i = 0; i < n; ++i) s.insert(first + i);
    return s;
  };
  const TimeWindow mid = TrailingMonths(*ParseDate("2026-12-04"), 12);  // 2025-12-05 .. 2026-12-04
  const MonthIndex dec25 = MonthOf(*ParseDate("2025-12-01"));
  struct Case {
    const char* name;
    std::set<MonthIndex> active;
    TimeWindow w;
    size_t expected;
  };
  const std::vector<Case> cases = {
      {"every calendar month touched", months(dec25, 13), mid, 12},
      {"only the two partial ends", {dec25, dec25 + 12}, mid, 1},
      {"one partial end", {dec25 + 12}, mid, 1},
      {"full months only", months(dec25 + 1, 11), mid, 11},
      {"nothing", {}, mid, 0},
      {"a window of whole months", months(dec25, 12), TrailingMonths(*ParseDate("2026-11-30"), 12), 12},
      {"one month", {dec25}, MonthWindow(dec25), 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(WindowMonthsCount(c.active, c.w), c.expected);
  }
}

TEST_F(GitMetricsTest, EmptyWindowGivesZeroCountsAndNullShares) {
  const TimeWindow w = TrailingMonths(*ParseDate("2022-06-30"), 12);  // before the first commit
  EXPECT_EQ(*Commits(*activity_, w), 0);
  EXPECT_FALSE(TopOrgShare(*activity_, w).has_value());
  EXPECT_FALSE(BusFactor(*activity_, w).has_value());
  EXPECT_FALSE(ElephantFactor(*activity_, w).has_value());
  EXPECT_FALSE(TzEntropy(*activity_, w).has_value());
  EXPECT_FALSE(AgeMonths(*activity_, w).has_value());
  // After the last commit the history is still there, and says nobody carries the work.
  const TimeWindow after = TrailingMonths(*ParseDate("2027-06-30"), 12);
  EXPECT_EQ(*Commits(*activity_, after), 0);
  EXPECT_EQ(*BusFactor(*activity_, after), 0);
  EXPECT_EQ(*ElephantFactor(*activity_, after), 0);
  EXPECT_EQ(*ActiveMonths(*activity_, after), 0);
  EXPECT_FALSE(TopOrgShare(*activity_, after).has_value());  // a share of nothing
  // A community ages only while it is active: two dormant years add nothing to its age.
  EXPECT_EQ(*AgeMonths(*activity_, after), *AgeMonths(*activity_, TrailingMonths(*ParseDate("2025-06-30"), 12)));
}

TEST_F(GitMetricsTest, AssessmentSeriesAndDefaultDate) {
  const Assessment a = Assess(*activity_, *ParseDate("2025-06-30"));
  ASSERT_EQ(a.months.size(), 28u);  // 2023-03 .. 2025-06
  EXPECT_EQ(FormatMonth(a.months.front()), "2023-03");
  const auto& commits = *std::find_if(a.metrics.begin(), a.metrics.end(), [](const MetricResult& m) { return m.def->id == "commits"; });
  double total = 0;
  for (const auto& v : commits.series) total += v.value_or(0);
  EXPECT_EQ(total, 8);  // every non-merge human commit: 0, 1, 2, 3, 5, 6, 7, 9
  EXPECT_EQ(*commits.series[static_cast<size_t>(MonthOf(*ParseDate("2024-08-04")) - a.months.front())], 1);
  // Window commits by affiliation: Alice 5, 9 (PingCAP), Bob 2, 7 (independent), Carol 3 (Google),
  // Erin 6 (noreply: unknown). Ties by name.
  ASSERT_EQ(a.org_mix.size(), 4u);
  const std::pair<std::string, int64_t> kMix[] = {{"PingCAP", 2}, {"independent", 2}, {"Google", 1}, {"unknown", 1}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(a.org_mix[i].name, kMix[i].first);
    EXPECT_EQ(a.org_mix[i].commits, kMix[i].second);
    EXPECT_NEAR(a.org_mix[i].share, static_cast<double>(kMix[i].second) / 6.0, 1e-12);
  }
  // A community with no commit in the last 12 months is assessed at its last commit.
  EXPECT_EQ(DefaultAsOf(*activity_, *ParseDate("2030-01-01")), activity_->last_commit);
  EXPECT_EQ(DefaultAsOf(*activity_, *ParseDate("2025-12-01")), *ParseDate("2025-12-01"));
}

TEST(HalfCoverCountTest, Table) {
  struct Case {
    std::vector<int64_t> counts;
    std::optional<double> expected;
  };
  const Case kCases[] = {{{}, std::nullopt},  {{0, 0}, std::nullopt}, {{10}, 1}, {{5, 5}, 1},
                         {{4, 3, 3}, 2},      {{1, 1, 1, 1, 1}, 3},   {{1, 9}, 1}};
  for (const auto& c : kCases) EXPECT_EQ(HalfCoverCount(c.counts), c.expected);
}

TEST(RegionTest, Boundaries) {
  EXPECT_EQ(RegionOfOffset(-600), TzRegion::kAmericas);  // Hawaii
  EXPECT_EQ(RegionOfOffset(-180), TzRegion::kAmericas);  // Brazil
  EXPECT_EQ(RegionOfOffset(-60), TzRegion::kEuropeAfrica);  // Azores
  EXPECT_EQ(RegionOfOffset(0), TzRegion::kEuropeAfrica);
  EXPECT_EQ(RegionOfOffset(240), TzRegion::kEuropeAfrica);  // Dubai
  EXPECT_EQ(RegionOfOffset(330), TzRegion::kAsiaPacific);   // India
  EXPECT_EQ(RegionOfOffset(780), TzRegion::kAsiaPacific);   // New Zealand summer
}

}  // namespace
}  // namespace oscm::metrics
