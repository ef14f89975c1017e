#include "report/metric_names.h"

#include <gtest/gtest.h>

#include "metrics/registry.h"

namespace oscm::report {
namespace {

// Every registered metric has a name and unit in both languages, so no metric id or English unit
// reaches a Chinese chart (a new metric without an entry fails here).
TEST(MetricNamesTest, EveryRegisteredMetricIsNamedInBothLanguages) {
  for (const metrics::MetricDef& def : metrics::Registry()) {
    SCOPED_TRACE(std::string(def.id));
    EXPECT_TRUE(HasMetricName(def.id));
    EXPECT_NE(MetricName(def.id, Lang::kEn), def.id);
    EXPECT_NE(MetricName(def.id, Lang::kZh), def.id);
    EXPECT_FALSE(MetricUnit(def.id, Lang::kEn).empty());
    EXPECT_FALSE(MetricUnit(def.id, Lang::kZh).empty());
    // Chinese names and units carry Chinese characters (bytes above ASCII), not English words alone.
    auto has_cjk = [](std::string_view s) {
      return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    };
    EXPECT_TRUE(has_cjk(MetricName(def.id, Lang::kZh)));
    EXPECT_TRUE(has_cjk(MetricUnit(def.id, Lang::kZh)));
  }
}

TEST(MetricNamesTest, KnownNamesAndUnknownIds) {
  EXPECT_EQ(MetricName("contributors_active", Lang::kEn), "Active contributors");
  EXPECT_EQ(MetricName("contributors_active", Lang::kZh), "活跃贡献者");
  EXPECT_EQ(MetricUnit("contributors_active", Lang::kZh), "人");
  EXPECT_EQ(MetricName("no_such_metric", Lang::kZh), "no_such_metric");
  EXPECT_FALSE(HasMetricName("no_such_metric"));
}

}  // namespace
}  // namespace oscm::report
