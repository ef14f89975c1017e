// Radar: each community's factor scores (0-100) on one spoke per factor, as OSS Compass draws its
// dimensions. Up to kMaxRadarOverlay communities share one radar, one outline each, with a legend
// outside it; more are drawn as small multiples, one small radar per community with the spokes
// numbered and keyed under them. A factor without a score is a gap in the outline (the two sides
// meeting it are left out, and the outline is not filled), never a point at 0; a spoke no
// community has a score for says "no data".
//
// Wiring: one axis per factor of the model, grouped by dimension (popularity's factors, then
// commercial's), one series per community from its factor scores. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/charts/chart_language.h"

namespace oscm::report {

struct RadarAxis {
  std::string name;  // the factor, in the chart's language
  int group = 0;     // 0, 1, ...: its dimension (spokes of a group are coloured alike)
};

struct RadarSeries {
  std::string name;                           // community name, from data
  std::vector<std::optional<double>> values;  // per axis, 0..100; nullopt (or NaN) = no score
};

struct RadarChartInput {
  std::string title;
  std::string caption;                  // e.g. "Model: oscm default 2026.12 · as of 2026-12-01"
  std::vector<std::string> group_names;  // per group, for the legend ("Project popularity")
  std::vector<RadarAxis> axes;
  std::vector<RadarSeries> series;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 1080;
  double height = 720;
};

inline constexpr size_t kMaxRadarOverlay = 6;

std::string RenderRadarSvg(const RadarChartInput& input);

}  // namespace oscm::report
