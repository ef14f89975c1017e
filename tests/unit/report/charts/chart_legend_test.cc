#include "report/charts/chart_legend.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

TEST(ChartLegendTest, TextWrapsToTheBoxWidth) {
  Legend legend(ChartLanguage::kEnglish);
  legend.Text("place uncertain: the missing evidence could move it to another quadrant");
  EXPECT_DOUBLE_EQ(legend.Height(1000), Legend::kLineHeight);
  EXPECT_GE(legend.Height(150), 3 * Legend::kLineHeight);
  Legend zh(ChartLanguage::kChinese);
  zh.Text("位置不确定：缺失的证据可能使其落入其他象限位置不确定：缺失的证据可能使其落入其他象限");
  EXPECT_GE(zh.Height(150), 3 * Legend::kLineHeight) << "Chinese has no spaces and still wraps";
}

TEST(ChartLegendTest, KeyEntriesGoInColumns) {
  Legend narrow(ChartLanguage::kEnglish);
  Legend wide(ChartLanguage::kEnglish);
  std::vector<std::string> key;
  for (int i = 1; i <= 12; ++i) key.push_back(std::to_string(i) + "  community-" + std::to_string(i));
  narrow.Key(key);
  wide.Key(key);
  EXPECT_GT(narrow.Height(160), wide.Height(900));
  EXPECT_LE(wide.Height(900), 4 * Legend::kLineHeight);
}

TEST(ChartLegendTest, WhatDoesNotFitIsCountedNotDrawnOutside) {
  Legend legend(ChartLanguage::kEnglish);
  for (int i = 0; i < 10; ++i) legend.Text("line " + std::to_string(i));
  SvgWriter svg(400, 200, "");
  legend.Draw(svg, {10, 10, 300, 4 * Legend::kLineHeight});
  const std::string out = svg.Finish();
  EXPECT_NE(out.find(">line 0<"), std::string::npos);
  EXPECT_EQ(out.find(">line 9<"), std::string::npos);
  EXPECT_NE(out.find("more lines not shown"), std::string::npos);
  // All of it fits in a tall box: nothing is counted.
  SvgWriter tall(400, 400, "");
  legend.Draw(tall, {10, 10, 300, legend.Height(300)});
  const std::string all = tall.Finish();
  EXPECT_NE(all.find(">line 9<"), std::string::npos);
  EXPECT_EQ(all.find("not shown"), std::string::npos);
}

}  // namespace
}  // namespace oscm::report
