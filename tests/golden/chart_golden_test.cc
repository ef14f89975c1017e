// Byte-exact SVG for every chart drawn from the fixed sample inputs (tests/support/chart_samples).
// Regenerate after an intended change: OSCM_UPDATE_GOLDEN=1 build/tests/chart_test
// and look at the result (build/tests/chart_demo DIR draws PNGs too).
#include <gtest/gtest.h>

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

TEST(ChartGoldenTest, SameInputSameBytes) {
  const QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kChinese);
  EXPECT_EQ(RenderQuadrantSvg(in), RenderQuadrantSvg(in));
}

}  // namespace
}  // namespace oscm::report
