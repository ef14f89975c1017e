// Developer tool: draws every chart for the sample inputs into a directory, as SVG, PNG and PDF,
// in English and Chinese, to look at while working on the charts.
//   build/tests/chart_demo OUT_DIR
#include <cstdio>
#include <filesystem>
#include <string>
#include <tuple>

#include "report/charts/chart_file.h"
#include "support/chart_samples.h"

namespace {

int Write(const std::string& svg, const std::string& base) {
  int failures = 0;
  for (const char* ext : {".svg", ".png", ".pdf"}) {
    const oscm::Status s = oscm::report::WriteChartFile(svg, base + ext);
    if (!s.ok()) {
      std::fprintf(stderr, "error: %s\n", s.ToString().c_str());
      ++failures;
    }
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: chart_demo OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::filesystem::create_directories(dir);
  using oscm::report::ChartLanguage;
  int failures = 0;
  for (const ChartLanguage lang : {ChartLanguage::kEnglish, ChartLanguage::kChinese}) {
    const std::string suffix = lang == ChartLanguage::kChinese ? "_zh" : "_en";
    failures += Write(oscm::report::RenderQuadrantSvg(oscm::testing::SampleQuadrant(lang)),
                      dir + "/quadrant" + suffix);
    failures +=
        Write(oscm::report::RenderStageTimelineSvg(oscm::testing::SampleStageTimeline(lang)),
              dir + "/timeline" + suffix);
    failures += Write(oscm::report::RenderTimeSeriesSvg(oscm::testing::SampleTimeSeries(lang)),
                      dir + "/series" + suffix);
    failures += Write(oscm::report::RenderFlywheelSvg(oscm::testing::SampleFlywheel(lang)),
                      dir + "/flywheel" + suffix);
    failures += Write(oscm::report::RenderTalentRingsSvg(oscm::testing::SampleTalentRings(lang)),
                      dir + "/rings" + suffix);
    failures += Write(oscm::report::RenderFunnelSvg(oscm::testing::SampleFunnel(lang)),
                      dir + "/funnel" + suffix);
  }
  for (const int n : {5, 30}) {
    for (const auto& [name, w, h] : {std::tuple{"16x9", 1280.0, 720.0}, std::tuple{"4x3", 960.0, 720.0},
                                     std::tuple{"1x1", 720.0, 720.0}}) {
      for (const ChartLanguage lang : {ChartLanguage::kEnglish, ChartLanguage::kChinese}) {
        const std::string base = dir + "/" + std::to_string(n) + "_" + name + (lang == ChartLanguage::kChinese ? "_zh" : "_en");
        auto quadrant = oscm::testing::LandscapeQuadrant(lang, n);
        auto radar = oscm::testing::SampleRadar(lang, n);
        auto scores = oscm::testing::SampleScores(lang, n);
        quadrant.width = radar.width = scores.width = w;
        quadrant.height = radar.height = scores.height = h;
        failures += Write(oscm::report::RenderQuadrantSvg(quadrant), base + "_quadrant");
        failures += Write(oscm::report::RenderRadarSvg(radar), base + "_radar");
        failures += Write(oscm::report::RenderScoresSvg(scores), base + "_scores");
      }
    }
  }
  failures += Write(oscm::report::RenderQuadrantSvg(oscm::testing::CrowdedQuadrant(12, 3)),
                    dir + "/quadrant_crowded12");
  failures += Write(oscm::report::RenderQuadrantSvg(oscm::testing::CrowdedQuadrant(40, 12)),
                    dir + "/quadrant_crowded40");
  return failures == 0 ? 0 : 1;
}
