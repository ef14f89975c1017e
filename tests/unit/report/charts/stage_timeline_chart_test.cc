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

// Thirty communities on a 16:9 slide: every row drawn, the caption whole (dates that find no room
// are counted, not listed past the caption's two lines).
TEST(StageTimelineChartTest, ThirtyRowsOnASlide) {
  StageTimelineInput in = oscm::testing::SampleStageTimeline(ChartLanguage::kEnglish);
  const std::vector<StageTimelineRow> sample = in.rows;
  in.rows.clear();
  for (int i = 0; i < 30; ++i) {
    in.rows.push_back(sample[static_cast<size_t>(i) % sample.size()]);
    in.rows.back().name = "community-" + std::to_string(i);
  }
  in.width = 1280;
  in.height = 720;
  const std::string svg = RenderStageTimelineSvg(in);
  EXPECT_NE(svg.find("viewBox=\"0 0 1280 720\""), std::string::npos);
  for (int i = 0; i < 30; ++i) EXPECT_NE(svg.find(">community-" + std::to_string(i) + "<"), std::string::npos) << i;
  EXPECT_EQ(svg.find("Not shown"), std::string::npos);
  EXPECT_EQ(svg.find("more lines not shown"), std::string::npos);
  EXPECT_NE(svg.find("dates of stage changes not labelled (no room)"), std::string::npos);
  // Twice the rows on the same slide: rows below 16 px are left out and named.
  for (int i = 30; i < 60; ++i) {
    in.rows.push_back(sample[0]);
    in.rows.back().name = "more-" + std::to_string(i);
  }
  const std::string crowded = RenderStageTimelineSvg(in);
  EXPECT_NE(crowded.find("Not shown (no room; a taller --size shows them), "), std::string::npos);
  EXPECT_EQ(crowded.find("more lines not shown"), std::string::npos) << "the list is cut to its two lines, not the caption";
  EXPECT_NE(crowded.find("dates of stage changes not labelled"), std::string::npos);
}

TEST(StageTimelineChartTest, EmptyInputStillDraws) {
  StageTimelineInput in;
  in.title = "none";
  const std::string svg = RenderStageTimelineSvg(in);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
