#include "report/charts/flywheel_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

TEST(FlywheelChartTest, LinkLabels) {
  const FlywheelLink c_p{FlywheelNode::kC, FlywheelNode::kP, 2, 0.614};
  EXPECT_EQ(FlywheelLinkLabel(c_p, ChartLanguage::kEnglish), "C→P +2 mo, ρ=0.61");
  EXPECT_EQ(FlywheelLinkLabel(c_p, ChartLanguage::kChinese), "C→P 领先 2 个月, ρ=0.61");
  EXPECT_EQ(
      FlywheelLinkLabel({FlywheelNode::kB, FlywheelNode::kC, 0, -0.2}, ChartLanguage::kEnglish),
      "B→C 0 mo, ρ=-0.20");
  EXPECT_EQ(FlywheelLinkLabel({FlywheelNode::kP, FlywheelNode::kB, 1, std::nullopt},
                              ChartLanguage::kEnglish),
            "P→B n/a");
}

TEST(FlywheelChartTest, MissingLinksAreDashedAndWidthFollowsRho) {
  const FlywheelChartInput in = oscm::testing::SampleFlywheel(ChartLanguage::kEnglish);
  const std::string svg = RenderFlywheelSvg(in);
  EXPECT_EQ(CountOccurrences(svg, "stroke-dasharray=\"6 5\""), 1);  // P→C was not measured
  EXPECT_NE(svg.find("stroke-width=\"5.77\""), std::string::npos);  // 1.5 + 7 * 0.61
  EXPECT_NE(svg.find("stroke=\"#c0504d\""), std::string::npos);     // negative ρ in red
  for (const FlywheelLink& l : in.links) {
    EXPECT_NE(svg.find(">" + FlywheelLinkLabel(l, ChartLanguage::kEnglish) + "</text>"),
              std::string::npos);
  }
  EXPECT_NE(svg.find(">+35%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">-4%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Momentum 0.48</text>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
