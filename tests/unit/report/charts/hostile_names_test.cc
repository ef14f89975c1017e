// Every string a chart takes from data, set to markup, must come out as text: the SVG holds no
// element it did not draw, and librsvg still parses it (so it is well-formed XML).
#include <gtest/gtest.h>

#include "report/charts/chart_file.h"
#include "support/chart_samples.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

constexpr char kHostile[] = "<script>alert(1)</script>\"'&\x01";
constexpr char kEscaped[] = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

void ExpectInert(const std::string& svg, const char* chart) {
  EXPECT_EQ(svg.find("<script"), std::string::npos) << chart;
  EXPECT_EQ(svg.find('\x01'), std::string::npos) << chart;
  EXPECT_NE(svg.find(kEscaped), std::string::npos) << chart;
  oscm::testing::TempDir tmp;
  const Status rendered = WriteChartFile(svg, tmp.Sub("chart.png"), {.png_scale = 0.5});
  EXPECT_TRUE(rendered.ok()) << chart << ": " << rendered.ToString();
}

TEST(HostileNamesTest, EveryChartEscapesEveryDataString) {
  const ChartLanguage en = ChartLanguage::kEnglish;

  QuadrantChartInput quadrant = oscm::testing::SampleQuadrant(en);
  quadrant.title = quadrant.model_name = quadrant.as_of = quadrant.x_title = quadrant.y_title = kHostile;
  quadrant.labels = {kHostile, kHostile, kHostile, kHostile};
  for (QuadrantPoint& p : quadrant.points) p.name = kHostile;
  const std::string quadrant_svg = RenderQuadrantSvg(quadrant);
  ExpectInert(quadrant_svg, "quadrant");
  // <title> and the drawn title, model and date in the caption, two axis titles, four quadrant
  // labels, one label per point.
  EXPECT_EQ(oscm::testing::CountOccurrences(quadrant_svg, kEscaped), 2 + 2 + 2 + 4 + 10);

  StageTimelineInput timeline = oscm::testing::SampleStageTimeline(en);
  timeline.title = timeline.as_of = kHostile;
  for (StageTimelineRow& r : timeline.rows) r.name = kHostile;
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

}  // namespace
}  // namespace oscm::report
