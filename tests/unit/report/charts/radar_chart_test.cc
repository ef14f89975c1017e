#include "report/charts/radar_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

TEST(RadarChartTest, FewCommunitiesShareOneRadar) {
  const RadarChartInput in = oscm::testing::SampleRadar(ChartLanguage::kEnglish, 5);
  const std::string svg = RenderRadarSvg(in);
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"community\">"), 5);
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"panel\">"), 0);
  for (const RadarAxis& a : in.axes) EXPECT_NE(svg.find(">" + a.name.substr(0, 8)), std::string::npos) << a.name;
  // Every community named in the legend.
  for (const RadarSeries& s : in.series) EXPECT_NE(svg.find(">" + s.name + "</text>"), std::string::npos) << s.name;
}

TEST(RadarChartTest, ManyCommunitiesAreSmallMultiplesWithNumberedSpokes) {
  const std::string svg = RenderRadarSvg(oscm::testing::SampleRadar(ChartLanguage::kEnglish, 30));
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"panel\">"), 30);
  EXPECT_NE(svg.find(">1  Users and developers<"), std::string::npos);
  EXPECT_NE(svg.find(">10  Market<"), std::string::npos);
}

TEST(RadarChartTest, AMissingScoreIsAGapNotZero) {
  RadarChartInput in = oscm::testing::SampleRadar(ChartLanguage::kEnglish, 1);
  const std::string complete = RenderRadarSvg(in);
  // Industry cases (axis 3) has a score for the first community: a closed, filled outline.
  EXPECT_EQ(CountOccurrences(complete, "<polygon"), 4 /* rings */ + 2 /* fill and outline */);
  in.series[0].values[3] = std::nullopt;
  in.series[0].values[7] = std::numeric_limits<double>::quiet_NaN();
  const std::string gaps = RenderRadarSvg(in);
  // Rings only; the outline is 10 - 4 sides (the two on each side of both gaps) and 8 dots.
  EXPECT_EQ(CountOccurrences(gaps, "<polygon"), 4);
  const size_t series = gaps.find("<g class=\"community\">");
  ASSERT_NE(series, std::string::npos);
  const std::string outline = gaps.substr(series, gaps.find("</g>", series) - series);
  EXPECT_EQ(CountOccurrences(outline, "<line"), 6);
  EXPECT_EQ(CountOccurrences(outline, "<circle"), 8);
  EXPECT_EQ(gaps.find("nan"), std::string::npos);
  EXPECT_NE(gaps.find("Industry cases no data"), std::string::npos) << "the tooltip says which factor has no score";
  // A spoke no community has a score for says so.
  EXPECT_NE(gaps.find(">no data</text>"), std::string::npos);
}

TEST(RadarChartTest, ChineseChartsHaveNoEnglishWords) {
  const std::string svg = RenderRadarSvg(oscm::testing::SampleRadar(ChartLanguage::kChinese, 3));
  for (const char* word : {"no data", "spokes", "gap", "Model"}) EXPECT_EQ(svg.find(word), std::string::npos) << word;
  EXPECT_NE(svg.find("用户与开发者"), std::string::npos);
}

TEST(RadarChartTest, HostileNamesAreText) {
  RadarChartInput in = oscm::testing::SampleRadar(ChartLanguage::kEnglish, 2);
  in.series[0].name = "<script>alert(1)</script>";
  in.axes[0].name = "<b>x</b>";
  const std::string svg = RenderRadarSvg(in);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
