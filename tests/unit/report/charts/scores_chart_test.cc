#include "report/charts/scores_chart.h"

#include <gtest/gtest.h>

#include "support/chart_samples.h"

namespace oscm::report {
namespace {

using oscm::testing::CountOccurrences;

TEST(ScoresChartTest, FewCommunitiesGetTimePanelsAndPaths) {
  const std::string svg = RenderScoresSvg(oscm::testing::SampleScores(ChartLanguage::kEnglish, 5));
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"path\">"), 5);
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"panel\">"), 0);
  EXPECT_NE(svg.find(">Project popularity</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Commercial maturity</text>"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

TEST(ScoresChartTest, ManyCommunitiesAreSmallMultiples) {
  const std::string svg = RenderScoresSvg(oscm::testing::SampleScores(ChartLanguage::kEnglish, 30));
  EXPECT_EQ(CountOccurrences(svg, "<g class=\"panel\">"), 30);
}

TEST(ScoresChartTest, MonthsWithoutScoresAreGaps) {
  ScoresChartInput in = oscm::testing::SampleScores(ChartLanguage::kEnglish, 1);
  auto lines_in_path = [](const std::string& svg) {
    const size_t at = svg.find("<g class=\"path\">");
    return CountOccurrences(svg.substr(at, svg.find("</g>", at) - at), "<polyline");
  };
  EXPECT_EQ(lines_in_path(RenderScoresSvg(in)), 1);
  for (size_t k = 20; k < 24; ++k) in.paths[0].y[k] = std::nullopt;
  EXPECT_EQ(lines_in_path(RenderScoresSvg(in)), 2) << "the path breaks where a score is missing";
  // A community without any score is named, not drawn at 0.
  in.paths.push_back({"empty", in.paths[0].first_month, std::vector<std::optional<double>>(5), std::vector<std::optional<double>>(5)});
  for (int i = 0; i < 6; ++i) in.paths.push_back(in.paths[0]);
  const std::string many = RenderScoresSvg(in);
  EXPECT_NE(many.find(">no scores<"), std::string::npos);
}

// Kept assessments are squares at their months, on both time panels when both scores were
// given, with a legend line; one outside the months drawn, or without a score, is left out.
TEST(ScoresChartTest, KeptAssessmentsAreSquaresAtTheirMonths) {
  ScoresChartInput in = oscm::testing::SampleScores(ChartLanguage::kEnglish, 1);
  const std::string without = RenderScoresSvg(in);
  EXPECT_EQ(without.find("assessments kept"), std::string::npos);
  const MonthIndex first = in.paths[0].first_month;
  in.paths[0].kept = {KeptScore{first + 3, 40.0, 60.0}, KeptScore{first + 5, std::nullopt, 61.0},
                      KeptScore{first - 100, 10.0, 10.0}};
  const std::string with = RenderScoresSvg(in);
  EXPECT_EQ(CountOccurrences(with, "<rect") - CountOccurrences(without, "<rect"), 3 + 1) << "3 squares, 1 legend swatch";
  EXPECT_NE(with.find("squares: the scores assessments kept"), std::string::npos);
}

TEST(ScoresChartTest, ChineseChartsHaveNoEnglishWords) {
  for (const int n : {3, 20}) {
    const std::string svg = RenderScoresSvg(oscm::testing::SampleScores(ChartLanguage::kChinese, n));
    for (const char* word : {"Dashed", "path", "Model", "Leaders", "x:"}) {
      EXPECT_EQ(svg.find(std::string(">") + word), std::string::npos) << word;
    }
  }
}

}  // namespace
}  // namespace oscm::report
