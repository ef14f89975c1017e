#include "metrics/ecosystem.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "support/test_util.h"

namespace oscm::metrics {
namespace {

TEST(EcosystemTest, PercentileOfAValueAmongAllRepositoriesOfAMonth) {
  oscm::testing::TempDir tmp;
  auto store = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(store);
  // Stars in 2024-03: 0, 1, 1, 5, 100 (five repositories); one repository in 2024-04.
  ASSERT_OK(store->db().Exec(
      "INSERT INTO gh_repo_months(month, repo_id, name, stars, forks, issues_opened, prs_opened, prs_merged, "
      "pushes, actors, actors_sketch) VALUES "
      "('2024-03', 1, 'a/a', 0, 0, 0, 0, 0, 1, 1, x''), ('2024-03', 2, 'b/b', 1, 0, 0, 0, 0, 0, 1, x''), "
      "('2024-03', 3, 'c/c', 1, 0, 0, 0, 0, 0, 1, x''), ('2024-03', 4, 'd/d', 5, 2, 0, 0, 0, 0, 3, x''), "
      "('2024-03', 5, 'e/e', 100, 9, 0, 0, 0, 0, 40, x''), ('2024-04', 1, 'a/a', 7, 0, 0, 0, 0, 0, 1, x'')"));
  struct Case {
    const char* metric;
    const char* month;
    double value;
    double percentile;
  };
  const Case cases[] = {
      {"stars", "2024-03", 1, 100.0 * (1 + 2 / 2.0) / 5},  // one below, two equal
      {"stars", "2024-03", 0, 10.0},
      {"stars", "2024-03", 1000, 100.0},
      {"stars", "2024-03", 3, 60.0},
      {"actors", "2024-03", 40, 90.0},
      {"stars", "2024-04", 7, 50.0},
  };
  for (const auto& c : cases) {
    auto p = RepoMonthPercentile(store->db(), c.metric, c.month, c.value);
    ASSERT_OK(p);
    ASSERT_TRUE(p->has_value()) << c.metric << " " << c.value;
    EXPECT_DOUBLE_EQ(**p, c.percentile) << c.metric << " " << c.month << " " << c.value;
  }
  auto empty = RepoMonthPercentile(store->db(), "stars", "2023-01", 1);
  ASSERT_OK(empty);
  EXPECT_FALSE(empty->has_value());
  EXPECT_FALSE(RepoMonthPercentile(store->db(), "stars; DROP TABLE x", "2024-03", 1).has_value());
}

}  // namespace
}  // namespace oscm::metrics
