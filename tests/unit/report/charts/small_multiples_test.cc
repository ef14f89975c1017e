#include "report/charts/small_multiples.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

SmallMultiplesInput Rings(int n, double width, double height) {
  SmallMultiplesInput in;
  in.title = "Talent rings (synthetic)";
  in.caption = "as of 2026-09-01";
  in.width = width;
  in.height = height;
  for (int i = 0; i < n; ++i) {
    TalentRingsInput panel = oscm::testing::SampleTalentRings(ChartLanguage::kEnglish);
    panel.title = "community-" + std::to_string(i);
    panel.width = in.panel_width;
    panel.height = in.panel_height;
    in.panels.push_back(RenderTalentRingsSvg(panel));
  }
  return in;
}

TEST(SmallMultiplesTest, EveryPanelNestedOnceAtOneScale) {
  for (const auto& [w, h] : {std::pair{0.0, 0.0}, std::pair{1280.0, 720.0}, std::pair{720.0, 720.0}}) {
    const std::string svg = RenderSmallMultiplesSvg(Rings(30, w, h));
    EXPECT_EQ(CountOccurrences(svg, "<g class=\"panel\">"), 30);
    // One root and one nested document per panel, each with its viewBox kept.
    EXPECT_EQ(CountOccurrences(svg, "<svg "), 31);
    EXPECT_EQ(CountOccurrences(svg, "</svg>"), 31);
    EXPECT_EQ(CountOccurrences(svg, "viewBox=\"0 0 640 420\""), 30);
    for (int i = 0; i < 30; ++i) EXPECT_NE(svg.find(">community-" + std::to_string(i) + "<"), std::string::npos);
    // Every nested panel has the same size.
    const size_t first = svg.find("<svg x=");
    const size_t width_at = svg.find(" width=", first);
    const std::string size = svg.substr(width_at, svg.find(" viewBox", width_at) - width_at);
    EXPECT_EQ(CountOccurrences(svg, size + " viewBox"), 30) << size;
  }
}

TEST(SmallMultiplesTest, NaturalSizeIsNearSixteenByNine) {
  const std::string svg = RenderSmallMultiplesSvg(Rings(30, 0, 0));
  // 6 columns of 0.6 x 640 (+ gaps) and 5 rows.
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2400\"", 0), 0u) << svg.substr(0, 120);
}

}  // namespace
}  // namespace oscm::report
