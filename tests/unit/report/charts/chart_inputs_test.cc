// Charts on hostile and degenerate inputs. Every string a chart takes from data, set to markup,
// must come out as text: the SVG holds no element it did not draw, and librsvg still parses it (so
// it is well-formed XML). Empty and non-finite inputs still give a valid document.
#include <gtest/gtest.h>

#include <limits>

#include "report/charts/chart_file.h"
#include "support/chart_samples.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

// librsvg parses and renders `svg`.
void ExpectRenders(const std::string& svg, const char* chart) {
  oscm::testing::TempDir tmp;
  const Status rendered = WriteChartFile(svg, tmp.Sub("chart.png"), {.png_scale = 0.5});
  EXPECT_TRUE(rendered.ok()) << chart << ": " << rendered.ToString();
}

constexpr char kHostile[] = "<script>alert(1)</script>\"'&\x01";
constexpr char kEscaped[] = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

void ExpectInert(const std::string& svg, const char* chart) {
  EXPECT_EQ(svg.find("<script"), std::string::npos) << chart;
  EXPECT_EQ(svg.find('\x01'), std::string::npos) << chart;
  EXPECT_NE(svg.find(kEscaped), std::string::npos) << chart;
  ExpectRenders(svg, chart);
}

TEST(ChartInputsTest, EveryChartEscapesEveryDataString) {
  const ChartLanguage en = ChartLanguage::kEnglish;

  QuadrantChartInput quadrant = oscm::testing::SampleQuadrant(en);
  quadrant.title = quadrant.model_name = quadrant.as_of = quadrant.x_title = quadrant.y_title =
      kHostile;
  quadrant.labels = {kHostile, kHostile, kHostile, kHostile};
  for (QuadrantPoint& p : quadrant.points) p.name = kHostile;
  const std::string quadrant_svg = RenderQuadrantSvg(quadrant);
  ExpectInert(quadrant_svg, "quadrant");
  // <title> and the drawn title, model and date in the caption, two axis titles, four quadrant
  // labels, one label per point, and per point a tooltip with its name and both axis titles.
  EXPECT_EQ(oscm::testing::CountOccurrences(quadrant_svg, kEscaped), 2 + 2 + 2 + 4 + 10 + 10 * 3);

  StageTimelineInput timeline = oscm::testing::SampleStageTimeline(en);
  timeline.title = timeline.as_of = kHostile;
  for (StageTimelineRow& r : timeline.rows) r.name = r.note = kHostile;
  ExpectInert(RenderStageTimelineSvg(timeline), "timeline");

  TimeSeriesChartInput series = oscm::testing::SampleTimeSeries(en);
  series.title = series.y_title = series.caption = kHostile;
  for (MetricSeries& s : series.series) s.name = kHostile;
  ExpectInert(RenderTimeSeriesSvg(series), "series");

  FlywheelChartInput flywheel = oscm::testing::SampleFlywheel(en);
  flywheel.title = flywheel.caption = kHostile;
  ExpectInert(RenderFlywheelSvg(flywheel), "flywheel");

  TalentRingsInput rings = oscm::testing::SampleTalentRings(en);
  rings.title = rings.caption = kHostile;
  for (OrganisationShare& o : rings.core_organisations) o.name = kHostile;
  ExpectInert(RenderTalentRingsSvg(rings), "rings");

  FunnelChartInput funnel = oscm::testing::SampleFunnel(en);
  funnel.title = funnel.caption = kHostile;
  ExpectInert(RenderFunnelSvg(funnel), "funnel");
}

TEST(ChartInputsTest, EmptyInputsStillDraw) {
  ExpectRenders(RenderQuadrantSvg({}), "quadrant");
  ExpectRenders(RenderStageTimelineSvg({}), "timeline");
  ExpectRenders(RenderTimeSeriesSvg({}), "series");
  ExpectRenders(RenderFlywheelSvg({}), "flywheel");
  ExpectRenders(RenderTalentRingsSvg({}), "rings");
  ExpectRenders(RenderFunnelSvg({}), "funnel");
}

TEST(ChartInputsTest, NonFiniteNumbersNeverReachTheSvg) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  QuadrantChartInput quadrant = oscm::testing::SampleQuadrant(ChartLanguage::kEnglish);
  quadrant.points.push_back({"nan", nan, inf, nan, -inf});
  TimeSeriesChartInput series = oscm::testing::SampleTimeSeries(ChartLanguage::kEnglish);
  series.series[0].values[3] = nan;
  FlywheelChartInput flywheel = oscm::testing::SampleFlywheel(ChartLanguage::kEnglish);
  flywheel.links[0].rho = nan;
  flywheel.growth[0] = inf;
  const std::string quadrant_svg = RenderQuadrantSvg(quadrant);
  // Listed in the legend, under its heading.
  const size_t heading = quadrant_svg.find(">Not placed (too little evidence)</text>");
  ASSERT_NE(heading, std::string::npos);
  EXPECT_NE(quadrant_svg.find(">nan</text>", heading), std::string::npos);
  EXPECT_EQ(LayOutQuadrant(quadrant).positions.size(), quadrant.points.size() - 1);
  EXPECT_EQ(oscm::testing::CountOccurrences(quadrant_svg, "nan"), 1);  // the name, in the legend
  for (const std::string& svg : {RenderTimeSeriesSvg(series), RenderFlywheelSvg(flywheel)}) {
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
    ExpectRenders(svg, "non-finite");
  }
  ExpectRenders(quadrant_svg, "quadrant");
}

TEST(ChartInputsTest, LongNamesAreCut) {
  QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kChinese);
  in.points[0].name = std::string(60, 'W') + "分布式数据库";
  const QuadrantLayout layout = LayOutQuadrant(in);
  EXPECT_EQ(layout.unresolved, 0);
  EXPECT_TRUE(layout.names[0].ends_with("…"));
  EXPECT_LE(layout.labels[0].box.w, kQuadrantMaxLabelWidth + 4);
}

}  // namespace
}  // namespace oscm::report
