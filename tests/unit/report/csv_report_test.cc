#include "report/csv_report.h"

#include <gtest/gtest.h>

#include "metrics/registry.h"

namespace oscm::report {
namespace {

TEST(CsvReportTest, FieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(CsvField("etcd"), "etcd");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("分布式, 数据库"), "\"分布式, 数据库\"");
}

TEST(CsvReportTest, MetricRegistryHasARowPerMetric) {
  const std::string csv = RenderMetricRegistryCsv();
  EXPECT_EQ(csv.rfind("id,unit,source,description\n", 0), 0u);
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), metrics::Registry().size() + 1);
  EXPECT_NE(csv.find("\ncontributors_active,count,git,"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
