// Byte-exact SVG for every chart drawn from the fixed sample inputs (tests/support/chart_samples).
// Regenerate after an intended change: OSCM_UPDATE_GOLDEN=1 build/tests/chart_test
// and look at the result (build/tests/chart_demo DIR draws PNGs too).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <tuple>

#include "support/chart_samples.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

using oscm::testing::CompareGolden;

TEST(ChartGoldenTest, EveryChartInBothLanguages) {
  for (const ChartLanguage lang : {ChartLanguage::kEnglish, ChartLanguage::kChinese}) {
    const std::string suffix = lang == ChartLanguage::kChinese ? "_zh.svg" : "_en.svg";
    CompareGolden(RenderQuadrantSvg(oscm::testing::SampleQuadrant(lang)),
                  "charts/quadrant" + suffix);
    CompareGolden(RenderStageTimelineSvg(oscm::testing::SampleStageTimeline(lang)),
                  "charts/timeline" + suffix);
    CompareGolden(RenderTimeSeriesSvg(oscm::testing::SampleTimeSeries(lang)),
                  "charts/series" + suffix);
    CompareGolden(RenderFlywheelSvg(oscm::testing::SampleFlywheel(lang)),
                  "charts/flywheel" + suffix);
    CompareGolden(RenderTalentRingsSvg(oscm::testing::SampleTalentRings(lang)),
                  "charts/rings" + suffix);
    CompareGolden(RenderFunnelSvg(oscm::testing::SampleFunnel(lang)), "charts/funnel" + suffix);
  }
}

// A landscape of 5 and of 30 communities at each size a slide needs: nothing overlaps (checked in
// quadrant_chart_test), nothing is clipped, unplaceable names keyed by number.
TEST(ChartGoldenTest, QuadrantAtFiveAndThirtyCommunities) {
  for (const int n : {5, 30}) {
    for (const auto& [name, w, h] : {std::tuple{"16x9", 1280.0, 720.0}, std::tuple{"4x3", 960.0, 720.0}, std::tuple{"1x1", 720.0, 720.0}}) {
      QuadrantChartInput in = oscm::testing::LandscapeQuadrant(ChartLanguage::kEnglish, n);
      in.width = w;
      in.height = h;
      CompareGolden(RenderQuadrantSvg(in), fmt::format("charts/quadrant_{}_{}.svg", n, name));
    }
  }
  CompareGolden(RenderQuadrantSvg(oscm::testing::LandscapeQuadrant(ChartLanguage::kChinese, 30)), "charts/quadrant_30_16x9_zh.svg");
}

TEST(ChartGoldenTest, RadarAndScoresOverTime) {
  for (const int n : {1, 5, 30}) {
    CompareGolden(RenderRadarSvg(oscm::testing::SampleRadar(ChartLanguage::kEnglish, n)), fmt::format("charts/radar_{}_en.svg", n));
    CompareGolden(RenderScoresSvg(oscm::testing::SampleScores(ChartLanguage::kEnglish, n)), fmt::format("charts/scores_{}_en.svg", n));
  }
  CompareGolden(RenderRadarSvg(oscm::testing::SampleRadar(ChartLanguage::kChinese, 5)), "charts/radar_5_zh.svg");
  CompareGolden(RenderScoresSvg(oscm::testing::SampleScores(ChartLanguage::kChinese, 5)), "charts/scores_5_zh.svg");
}

TEST(ChartGoldenTest, SameInputSameBytes) {
  const QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kChinese);
  EXPECT_EQ(RenderQuadrantSvg(in), RenderQuadrantSvg(in));
}

}  // namespace
}  // namespace oscm::report
