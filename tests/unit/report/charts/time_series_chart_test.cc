#include "report/charts/time_series_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

std::string SeriesGroup(const std::string& svg) {
  const size_t begin = svg.find("<g class=\"series\">");
  return svg.substr(begin, svg.find("</g>", begin) - begin);
}

TEST(TimeSeriesChartTest, GapsBreakTheLineAndLoneMonthsAreDots) {
  TimeSeriesChartInput in;
  in.series = {{"a", 2024 * 12, {1, std::nullopt, 2, 3, std::nullopt, std::nullopt, 4}}};
  const std::string series = SeriesGroup(RenderTimeSeriesSvg(in));
  EXPECT_EQ(CountOccurrences(series, "<polyline"), 1);  // 2, 3
  EXPECT_EQ(CountOccurrences(series, "<circle"), 2);    // 1 and 4 stand alone
}

TEST(TimeSeriesChartTest, NiceTicksFromZero) {
  TimeSeriesChartInput in;
  in.series = {{"a", 2024 * 12, {12, 40, 87}}, {"b", 2024 * 12 + 1, {3}}};
  const std::string svg = RenderTimeSeriesSvg(in);
  for (const char* tick :
       {">0</text>", ">20</text>", ">40</text>", ">60</text>", ">80</text>", ">100</text>"}) {
    EXPECT_NE(svg.find(tick), std::string::npos) << tick;
  }
  EXPECT_EQ(svg.find(">120</text>"), std::string::npos);
}

TEST(TimeSeriesChartTest, SampleHasOneLinePerRunAndALegendEntryPerSeries) {
  const TimeSeriesChartInput in = oscm::testing::SampleTimeSeries(ChartLanguage::kEnglish);
  const std::string svg = RenderTimeSeriesSvg(in);
  EXPECT_EQ(CountOccurrences(SeriesGroup(svg), "<polyline"), 5);  // one series has a gap
  for (const MetricSeries& s : in.series)
    EXPECT_NE(svg.find(">" + s.name + "</text>"), std::string::npos);
}

TEST(TimeSeriesChartTest, NoDataSaysSo) {
  TimeSeriesChartInput in;
  in.language = ChartLanguage::kChinese;
  in.series = {{"a", 2024 * 12, {std::nullopt, std::nullopt}}};
  EXPECT_NE(RenderTimeSeriesSvg(in).find(">无数据</text>"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
