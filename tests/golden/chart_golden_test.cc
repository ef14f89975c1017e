// Byte-exact SVG for every chart drawn from the fixed sample inputs (tests/support/chart_samples).
// Regenerate after an intended change: OSCM_UPDATE_GOLDEN=1 build/tests/chart_test
// and look at the result (build/tests/chart_demo DIR draws PNGs too).
#include <gtest/gtest.h>

#include "report/charts/quadrant_chart.h"
#include "support/chart_samples.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

using oscm::testing::CompareGolden;

TEST(ChartGoldenTest, Quadrant) {
  CompareGolden(RenderQuadrantSvg(oscm::testing::SampleQuadrant(ChartLanguage::kEnglish)), "charts/quadrant_en.svg");
  CompareGolden(RenderQuadrantSvg(oscm::testing::SampleQuadrant(ChartLanguage::kChinese)), "charts/quadrant_zh.svg");
}

TEST(ChartGoldenTest, SameInputSameBytes) {
  const QuadrantChartInput in = oscm::testing::SampleQuadrant(ChartLanguage::kChinese);
  EXPECT_EQ(RenderQuadrantSvg(in), RenderQuadrantSvg(in));
}

}  // namespace
}  // namespace oscm::report
