#include "report/charts/quadrant_chart.h"

#include <gtest/gtest.h>

#include <string>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

// Every label inside the plot, clear of every other label, of every marker (current and 12 months
// earlier) and of the four quadrant names.
void ExpectCleanLayout(const QuadrantLayout& layout) {
  EXPECT_EQ(layout.unresolved, 0);
  std::vector<Box> markers;
  for (const Point& p : layout.positions) markers.push_back(MarkerBox(p, kQuadrantMarkerRadius));
  for (const auto& p : layout.previous) {
    if (p) markers.push_back(MarkerBox(*p, 3));
  }
  for (size_t i = 0; i < layout.labels.size(); ++i) {
    const Box& b = layout.labels[i].box;
    EXPECT_TRUE(layout.plot.Contains(b)) << "label " << i << " leaves the plot";
    for (size_t j = i + 1; j < layout.labels.size(); ++j) {
      EXPECT_FALSE(b.Overlaps(layout.labels[j].box))
          << "labels " << i << " and " << j << " overlap";
    }
    for (const Box& m : markers) EXPECT_FALSE(b.Overlaps(m)) << "label " << i << " covers a marker";
    for (const Box& q : layout.quadrant_label_boxes) EXPECT_FALSE(b.Overlaps(q)) << "label " << i;
  }
  // The quadrant names cover no point either.
  for (const Point& p : layout.positions) {
    for (const Box& q : layout.quadrant_label_boxes) EXPECT_FALSE(q.Overlaps(MarkerBox(p, kQuadrantMarkerRadius)));
  }
}

TEST(QuadrantChartTest, SampleLandscapeLaysOutCleanly) {
  for (const ChartLanguage lang : {ChartLanguage::kEnglish, ChartLanguage::kChinese}) {
    ExpectCleanLayout(LayOutQuadrant(oscm::testing::SampleQuadrant(lang)));
  }
}

TEST(QuadrantChartTest, TwelveCommunitiesWithinAFewPoints) {
  ExpectCleanLayout(LayOutQuadrant(oscm::testing::CrowdedQuadrant(12, 3)));
  ExpectCleanLayout(LayOutQuadrant(oscm::testing::CrowdedQuadrant(12, 0)));  // all on one spot
  ExpectCleanLayout(LayOutQuadrant(oscm::testing::CrowdedQuadrant(40, 12)));
}

// A landscape of 30 at every slide size: labels clear (names that find no place are numbered and
// keyed in the legend), every community either drawn or listed, the legend outside the plot.
TEST(QuadrantChartTest, ThirtyCommunitiesAtEverySize) {
  for (const ChartLanguage lang : {ChartLanguage::kEnglish, ChartLanguage::kChinese}) {
    for (const auto& [w, h] : {std::pair{1280.0, 720.0}, std::pair{960.0, 720.0}, std::pair{720.0, 720.0}}) {
      QuadrantChartInput in = oscm::testing::LandscapeQuadrant(lang, 30);
      in.width = w;
      in.height = h;
      const QuadrantLayout layout = LayOutQuadrant(in);
      SCOPED_TRACE(::testing::Message() << w << "x" << h);
      ExpectCleanLayout(layout);
      EXPECT_EQ(layout.positions.size(), 27u);  // three lack the evidence
      EXPECT_FALSE(layout.legend.Overlaps(layout.plot));
      EXPECT_LE(layout.legend.bottom(), h);
      EXPECT_LE(layout.legend.right(), w);
      const std::string svg = RenderQuadrantSvg(in);
      // Every unplaced community and every numbered one is named in the legend, none cut off.
      EXPECT_EQ(svg.find("lines not shown"), std::string::npos);
      EXPECT_EQ(svg.find("行未显示"), std::string::npos);
      for (const char* name : {"oceanbase/oceanbase", "datafuselabs/databend", "dragonflydb/dragonfly"}) {
        EXPECT_NE(svg.find(name), std::string::npos) << name;
      }
      for (size_t i = 0; i < layout.numbers.size(); ++i) {
        if (layout.numbers[i] > 0) {
          EXPECT_EQ(layout.names[i], std::to_string(layout.numbers[i]));
        }
      }
    }
  }
}

TEST(QuadrantChartTest, CommunitiesInTheCorners) {
  QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kChinese);
  in.points = {{"左下角 bottom left", 0, 0, {}, {}},
               {"右上角的一个很长的社区名称 top right", 100, 100, 90, 95},
               {"top left", 0, 100, {}, {}},
               {"bottom right", 100, 0, {}, {}},
               {"out of range", 140, -20, {}, {}},
               {"领导者", 96, 97, {}, {}}};
  const QuadrantLayout layout = LayOutQuadrant(in);
  ExpectCleanLayout(layout);
  // Clamped to the axis range, which ends inside the plot: a dot at 100 is drawn whole.
  EXPECT_DOUBLE_EQ(layout.positions[4].x, layout.plot.right() - kQuadrantInset);
  EXPECT_DOUBLE_EQ(layout.positions[4].y, layout.plot.bottom() - kQuadrantInset);
  for (const Point& p : layout.positions) EXPECT_TRUE(layout.plot.Contains(MarkerBox(p, kQuadrantMarkerRadius)));
}

TEST(QuadrantChartTest, MapsScoresAndSplits) {
  QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kEnglish);
  in.points = {{"a", 0, 0, {}, {}}, {"b", 100, 100, 100, 100}, {"c", 50, 25, 10, 25}};
  const QuadrantLayout layout = LayOutQuadrant(in);
  const double inner_w = layout.plot.w - 2 * kQuadrantInset;
  EXPECT_DOUBLE_EQ(layout.positions[0].x, layout.plot.x + kQuadrantInset);
  EXPECT_DOUBLE_EQ(layout.positions[0].y, layout.plot.bottom() - kQuadrantInset);
  EXPECT_DOUBLE_EQ(layout.positions[1].x, layout.plot.right() - kQuadrantInset);
  EXPECT_DOUBLE_EQ(layout.positions[1].y, layout.plot.y + kQuadrantInset);
  EXPECT_DOUBLE_EQ(layout.positions[2].x, layout.plot.x + layout.plot.w / 2);
  EXPECT_FALSE(layout.previous[0]);  // none given
  EXPECT_FALSE(layout.previous[1]);  // did not move
  ASSERT_TRUE(layout.previous[2]);
  EXPECT_DOUBLE_EQ(layout.previous[2]->x, layout.plot.x + kQuadrantInset + inner_w / 10);
}

TEST(QuadrantChartTest, HostileNamesAreText) {
  QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kEnglish);
  in.title = "<script>alert(1)</script>";
  in.x_title = "x\"/><script>";
  in.labels.top_right = "<b>Leaders</b>";
  in.model_name = "m&m";
  in.points.push_back({"<script>alert(1)</script>", 20, 80, 10, 70});
  const std::string svg = RenderQuadrantSvg(in);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("m&amp;m"), std::string::npos);
}

TEST(QuadrantChartTest, PointsCarryTheirScoresAsTooltips) {
  const std::string en = RenderQuadrantSvg(oscm::testing::SampleQuadrant(ChartLanguage::kEnglish));
  EXPECT_NE(
      en.find("<g class=\"point\">\n<title>TiDB: Commercial maturity 78.0, Project popularity 81.0 "
              "(12 months earlier: 70.0, 74.0)</title>\n<circle"),
      std::string::npos);
  const std::string zh = RenderQuadrantSvg(oscm::testing::SampleQuadrant(ChartLanguage::kChinese));
  EXPECT_NE(zh.find("<title>StoneDB 石原子: 商业成熟度 21.0, 项目流行性 17.0</title>"),
            std::string::npos);
}

TEST(QuadrantChartTest, DefaultLabelsFollowTheStudy) {
  const QuadrantLabels zh = DefaultQuadrantLabels(ChartLanguage::kChinese);
  EXPECT_EQ(zh.top_right, "领导者");
  EXPECT_EQ(zh.top_left, "挑战者");
  EXPECT_EQ(zh.bottom_right, "战略者");
  EXPECT_EQ(zh.bottom_left, "独特领域者");
  EXPECT_EQ(DefaultQuadrantLabels(ChartLanguage::kEnglish).bottom_left, "Niche players");
}

}  // namespace
}  // namespace oscm::report
