#include "metrics/registry.h"

#include <gtest/gtest.h>

#include <set>

#include "support/test_util.h"

namespace oscm::metrics {
namespace {

TEST(RegistryTest, IdsTheModelReliesOnAreRegistered) {
  for (const char* id : {"commits", "contributors_active", "contributors_new", "contributors_retained",
                         "orgs_active", "top_org_share", "elephant_factor", "bus_factor", "releases",
                         "age_months", "tz_regions", "tz_entropy", "working_hours_share", "community_files"}) {
    EXPECT_NE(FindMetric(id), nullptr) << id;
  }
  EXPECT_EQ(FindMetric("no_such_metric"), nullptr);
}

TEST(RegistryTest, SortedUniqueSnakeCaseAndDocumented) {
  std::set<std::string_view> seen;
  std::string_view prev;
  for (const auto& m : Registry()) {
    EXPECT_TRUE(seen.insert(m.id).second) << m.id;
    EXPECT_LT(prev, m.id);
    prev = m.id;
    EXPECT_EQ(m.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string_view::npos) << m.id;
    EXPECT_GT(m.description.size(), 20u) << m.id;
    EXPECT_NE(m.compute, nullptr) << m.id;
  }
}

TEST(RegistryTest, DocsAreGeneratedFromTheRegistry) {
  // docs/metrics.md must be what `oscm metrics --format markdown` prints.
  auto r = oscm::testing::RunCommand({oscm::testing::OscmBinary(), "metrics", "--format", "markdown"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, oscm::testing::ReadFile(oscm::testing::SourcePath("docs/metrics.md")))
      << "regenerate with: build/oscm metrics --format markdown > docs/metrics.md";
}

}  // namespace
}  // namespace oscm::metrics
