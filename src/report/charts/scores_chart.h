// Scores over time: how communities moved. For a few communities (up to kMaxScorePaths) three
// panels: the y dimension's score per month (project popularity by default) above the x
// dimension's (commercial maturity), and beside them the quadrant plane with the path each
// community took across it, from a ring at its first month to a dot at the last. More
// communities are drawn as small multiples, one small quadrant with its path per community.
// Months without a score are gaps, never 0. The scores that assessments kept (oscm history) are
// squares on the per-month panels, at their months.
//
// Wiring: one ScorePath per community from its score timeline (model/scores.h); titles, labels
// and splits from the model. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "report/charts/chart_language.h"
#include "report/charts/quadrant_chart.h"

namespace oscm::report {

// The scores an earlier assessment kept (oscm history) for a month: what was said then, from the
// evidence then, which later evidence may have changed.
struct KeptScore {
  MonthIndex month = 0;
  std::optional<double> x, y;
};

struct ScorePath {
  std::string name;  // community name, from data
  MonthIndex first_month = 0;
  std::vector<std::optional<double>> x;  // per month from first_month; nullopt = no score
  std::vector<std::optional<double>> y;  // same months
  std::vector<KeptScore> kept;           // drawn as squares on the per-month panels
};

struct ScoresChartInput {
  std::string title;
  std::string caption;  // e.g. "Model: oscm default 2026.12 · as of 2026-12-01"
  std::string x_title;  // the x dimension, e.g. "Commercial maturity"
  std::string y_title;
  double split_x = 50;
  double split_y = 50;
  QuadrantLabels labels;
  std::vector<ScorePath> paths;
  std::optional<MonthIndex> partial_month;  // a month not yet over: drawn apart, as in series
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 1280;
  double height = 720;
};

inline constexpr size_t kMaxScorePaths = 6;

std::string RenderScoresSvg(const ScoresChartInput& input);

}  // namespace oscm::report
