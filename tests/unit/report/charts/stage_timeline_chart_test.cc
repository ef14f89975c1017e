#include "report/charts/stage_timeline_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

TEST(StageTimelineChartTest, OneBandPerStageSpanAndEveryTransitionDated) {
  const StageTimelineInput in = oscm::testing::SampleStageTimeline(ChartLanguage::kEnglish);
  const std::string svg = RenderStageTimelineSvg(in);
  int bands = 0;
  for (const StageTimelineRow& row : in.rows) {
    bands += static_cast<int>(row.bands.size());
    for (const StageTransition& t : row.transitions) {
      EXPECT_NE(svg.find(">" + FormatMonth(t.month) + "</text>"), std::string::npos)
          << FormatMonth(t.month);
    }
  }
  int drawn = 0;
  for (int s = 0; s < 4; ++s)
    drawn += CountOccurrences(svg, "fill=\"" + std::string(StageColor(s)) + "\"/>");
  EXPECT_EQ(drawn, bands + 4);  // and one legend swatch per stage
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"band\">"), bands);
  EXPECT_NE(svg.find("<title>TiDB: Development 2016-05 – 2018-06</title>"),
            std::string::npos);                         // hover
  EXPECT_EQ(CountOccurrences(svg, ">2014</text>"), 1);  // year ticks
  EXPECT_EQ(CountOccurrences(svg, ">2026</text>"), 1);
}

TEST(StageTimelineChartTest, NoteUnderTheName) {
  const std::string svg =
      RenderStageTimelineSvg(oscm::testing::SampleStageTimeline(ChartLanguage::kEnglish));
  EXPECT_EQ(CountOccurrences(svg, ">declining</text>"), 1);
}

TEST(StageTimelineChartTest, StageNamesFollowTheLanguage) {
  const std::string zh =
      RenderStageTimelineSvg(oscm::testing::SampleStageTimeline(ChartLanguage::kChinese));
  for (const char* name : {"触发期", "发展期", "结晶期", "流行期"})
    EXPECT_NE(zh.find(name), std::string::npos) << name;
  EXPECT_EQ(zh.find("Crystallization"), std::string::npos);
}

TEST(StageTimelineChartTest, CloseTransitionsDoNotShareALine) {
  // Vitess changes stage in 2012-09 and 2012-12: the second date goes below the band.
  StageTimelineInput in = oscm::testing::SampleStageTimeline(ChartLanguage::kEnglish);
  const std::string svg = RenderStageTimelineSvg(in);
  auto baseline_of = [&](const std::string& label) {
    const size_t end = svg.find(">" + label + "</text>");
    const size_t y = svg.rfind(" y=\"", end);
    return std::stod(svg.substr(y + 4));
  };
  EXPECT_GT(baseline_of("2012-12"), baseline_of("2012-09") + 20);
}

TEST(StageTimelineChartTest, EmptyInputStillDraws) {
  StageTimelineInput in;
  in.title = "none";
  const std::string svg = RenderStageTimelineSvg(in);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
