// The user funnel: audience → user → contributor → core, one bar per step with its number of
// people, and between steps the share of people first seen at one step who reached the next
// within 12 months.
//
// Scale: bar widths grow with log10(1 + people) (steps differ by orders of magnitude); counts are
// printed on every bar, and the caption says the scale is logarithmic.
//
// Wiring: the model's funnel output. A conversion the data cannot give (no GH Archive data for
// the first steps) is nullopt and shows as "n/a". Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "report/charts/chart_language.h"

namespace oscm::report {

struct FunnelChartInput {
  std::string title;
  std::string caption;  // e.g. "people first seen 2024-09 to 2025-08 · source: GH Archive, git"
  // Audience, user, contributor, core; nullopt for a step nothing measured (the first two need
  // GitHub events): drawn as an outlined bar saying so, never as 0 people.
  std::optional<int64_t> people[4] = {0, 0, 0, 0};
  // conversion[i]: share (0..1) of step i's people who reached step i + 1 within 12 months.
  std::optional<double> conversion[3];
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 760;
  double height = 480;
};

// Step 0..3: audience, user, contributor, core.
std::string_view FunnelStepName(int step, ChartLanguage lang);

std::string RenderFunnelSvg(const FunnelChartInput& input);

}  // namespace oscm::report
