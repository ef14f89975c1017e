#include "report/charts/talent_rings_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

TEST(TalentRingsChartTest, EveryRingCountedAndCoreSplitByOrganisation) {
  const std::string svg =
      RenderTalentRingsSvg(oscm::testing::SampleTalentRings(ChartLanguage::kEnglish));
  for (const char* label :
       {">Core  14</text>", ">Regular  61</text>", ">Casual  412</text>", ">Users  3,870</text>",
        ">Audience  41,250</text>", ">PingCAP  71%</text>", ">other  4%</text>"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(CountOccurrences(svg, "<path"), 5);  // four organisations and "other"
}

TEST(TalentRingsChartTest, SharesOverOneAreClampedAndOneOrganisationIsAFullRing) {
  TalentRingsInput in = oscm::testing::SampleTalentRings(ChartLanguage::kEnglish);
  in.core_organisations = {{"a", 0.8}, {"b", 0.5}};
  std::string svg = RenderTalentRingsSvg(in);
  EXPECT_NE(svg.find(">b  20%</text>"), std::string::npos);
  EXPECT_EQ(svg.find(">other"), std::string::npos);
  in.core_organisations = {{"solo", 1.0}};
  svg = RenderTalentRingsSvg(in);
  EXPECT_EQ(CountOccurrences(svg, "<path"), 0);
  EXPECT_NE(svg.find(">solo  100%</text>"), std::string::npos);
}

TEST(TalentRingsChartTest, RingsGrowOutwardEvenWhenEmpty) {
  TalentRingsInput in;
  const std::string svg = RenderTalentRingsSvg(in);  // all zero: rings at minimum width
  EXPECT_NE(svg.find(">Audience  0</text>"), std::string::npos);
  EXPECT_NE(svg.find(">other  100%</text>"), std::string::npos);
}

// Users and audience unknown (no GitHub events): "no data" and a dashed outline, never 0.
TEST(TalentRingsChartTest, UnmeasuredRingsAreNotZero) {
  TalentRingsInput in = oscm::testing::SampleTalentRings(ChartLanguage::kEnglish);
  in.people[3] = std::nullopt;
  in.people[4] = std::nullopt;
  const std::string svg = RenderTalentRingsSvg(in);
  EXPECT_NE(svg.find(">Users  no data</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Audience  no data</text>"), std::string::npos);
  EXPECT_EQ(svg.find(">Users  0</text>"), std::string::npos);
  EXPECT_EQ(CountOccurrences(svg, "stroke-dasharray=\"5 4\""), 2);
}

}  // namespace
}  // namespace oscm::report
