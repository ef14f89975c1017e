// A community that stops: its scores must not rise while nothing happens, and before its first
// commit there is no history to judge. On a synthetic repository ingested for real.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "ingest/git/git_ingest.h"
#include "model/evaluation.h"
#include "model/model_loader.h"
#include "support/git_fixture.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

TEST(DormancyTest, ScoresDoNotRiseWhileNothingHappens) {
  oscm::testing::TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("repo"));
  // Three years of work by six people at two companies, with releases and community files; the
  // last commit in June 2021.
  const char* people[] = {"ann@acme.io", "ben@acme.io", "cy@initech.com", "di@initech.com", "ed@gmail.com", "fi@qq.com"};
  int n = 0;
  for (int year = 2018; year <= 2021; ++year) {
    for (int month = 1; month <= 12 && !(year == 2021 && month > 6); ++month) {
      for (int k = 0; k < 3; ++k) {
        oscm::testing::FixtureCommit c;
        c.author_name = std::string(1, static_cast<char>('A' + (n % 6)));
        c.author_email = people[n % 6];
        c.date = fmt::format("{}-{:02}-{:02}T11:00:00", year, month, 3 + 7 * k);
        c.files = {{"src.txt", std::to_string(n)}};
        if (n == 0) c.files = {{"README.md", "r"}, {"LICENSE", "MIT"}, {"CONTRIBUTING.md", "c"}};
        const int i = repo.Commit(c);
        if (k == 0 && month % 3 == 0) repo.Tag(fmt::format("v{}.{}.0", year - 2017, month), i);
        ++n;
      }
    }
  }
  auto store = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(store);
  ingest::GitIngestOptions o;
  o.location = repo.path();
  o.community = "stopped";
  NullProgress progress;
  ASSERT_OK(ingest::IngestGit(*store, o, ingest::BotList::Builtin(), ingest::AffiliationResolver::Builtin(), progress));
  auto activity = metrics::LoadCommunityActivity(store->db(), "stopped");
  ASSERT_OK(activity);
  auto model = DefaultModel();
  ASSERT_OK(model);
  // Git alone measures under half of popularity; let the dimension have a value to follow.
  model->min_dimension_coverage = 0.3;

  std::optional<double> previous;
  double previous_high = 0;
  for (const char* date : {"2021-06-30", "2021-12-31", "2022-06-30", "2023-06-30", "2025-06-30", "2030-06-30"}) {
    SCOPED_TRACE(date);
    const CommunityEvaluation e = Evaluate(*model, *activity, *ParseDate(date));
    const DimensionScore& popularity = e.scores[0];
    ASSERT_TRUE(popularity.value.has_value());
    if (previous) {
      EXPECT_LE(*popularity.value, *previous + 1e-9) << "a dormant community gained popularity";
    }
    previous = popularity.value;
    previous_high = popularity.high;
  }
  EXPECT_GT(previous_high, 0);
  // Before the first commit there is no history at all.
  const CommunityEvaluation before = Evaluate(*model, *activity, *ParseDate("2017-06-30"));
  EXPECT_FALSE(before.HasHistory());
  EXPECT_EQ(FormatDate(before.first_evidence), "2018-01-03");
}

}  // namespace
}  // namespace oscm::model
