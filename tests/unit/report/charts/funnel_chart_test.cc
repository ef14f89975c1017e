#include "report/charts/funnel_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

TEST(FunnelChartTest, CountsAndConversions) {
  const std::string svg = RenderFunnelSvg(oscm::testing::SampleFunnel(ChartLanguage::kEnglish));
  for (const char* text : {">41,250</text>", ">3,870</text>", ">473</text>", ">14</text>",
                           ">↓ 4.2% within 12 months</text>", ">↓ 8.1% within 12 months</text>",
                           ">↓ n/a (no data)</text>"}) {
    EXPECT_NE(svg.find(text), std::string::npos) << text;
  }
}

TEST(FunnelChartTest, LargeConversionsAreWholePercentsAndTinyOnesKeepADecimal) {
  FunnelChartInput in = oscm::testing::SampleFunnel(ChartLanguage::kChinese);
  in.conversion[0] = 0.004;
  in.conversion[1] = std::nullopt;
  in.conversion[2] = 0.256;
  const std::string svg = RenderFunnelSvg(in);
  EXPECT_NE(svg.find(">↓ 0.4% 在 12 个月内转化</text>"), std::string::npos);
  EXPECT_NE(svg.find(">↓ 26% 在 12 个月内转化</text>"), std::string::npos);
  EXPECT_NE(svg.find(">关注者</text>"), std::string::npos);
  EXPECT_NE(svg.find(">↓ 无数据</text>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
