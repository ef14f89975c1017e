// Small multiples: one chart per community (flywheel, talent rings, funnel, ...) side by side in a
// grid under one title, on shared terms, so that a landscape's communities can be compared at a
// glance. Each panel is a document from SvgWriter drawn on its own canvas (panel_width x
// panel_height) and nested, scaled alike, in its grid cell; its own title names the community.
//
// Wiring: the panels from the per-community chart functions, each given the panel canvas and the
// community's name as title. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "report/charts/chart_language.h"

namespace oscm::report {

struct SmallMultiplesInput {
  std::string title;
  std::string caption;
  std::vector<std::string> panels;  // SVG documents from SvgWriter, panel_width x panel_height each
  double panel_width = 640;
  double panel_height = 420;
  ChartLanguage language = ChartLanguage::kEnglish;
  // The canvas; 0: as large as the panels need at kNaturalPanelScale (columns and rows near a
  // 16:9 whole).
  double width = 0;
  double height = 0;
};

inline constexpr double kNaturalPanelScale = 0.6;

std::string RenderSmallMultiplesSvg(const SmallMultiplesInput& input);

}  // namespace oscm::report
