// The model's results as charts (report/charts): the maturity quadrant of a landscape, stage
// timelines, metric series, and per community the flywheel, talent rings and funnel. Each
// function builds the chart's input from evaluations and returns the SVG; report/charts
// escapes every string from data. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "model/evaluation.h"
#include "oscm/model_spec.h"
#include "oscm/status.h"
#include "report/evaluation_report.h"

namespace oscm::store {
struct AssessmentRun;  // store/assessment_runs.h
}  // namespace oscm::store

namespace oscm::report {

// How a chart is drawn: the language of every word on it (titles, axes, metric names, units,
// legends; names from data stay as they are), its title, and its canvas.
struct ChartStyle {
  Lang lang = Lang::kEn;
  std::string title;   // "" = the chart's own, naming what it shows and `subject`
  std::string subject;  // the landscape's name, or the communities'
  double width = 0;     // canvas in pixels (report/charts/chart_size.h); 0 = the chart's own
  double height = 0;
};

std::string QuadrantSvg(const model::LandscapeEvaluation& l, const model::ModelSpec& m, const ChartStyle& style);
std::string StageTimelineSvg(const std::vector<const model::CommunityEvaluation*>& es, const ChartStyle& style);
// `metric`: a registered metric id; its monthly series for each community.
std::string MetricSeriesSvg(const std::string& metric, const std::vector<const model::CommunityEvaluation*>& es,
                            const ChartStyle& style);
std::string FlywheelSvg(const model::CommunityEvaluation& e, const ChartStyle& style);
std::string TalentRingsSvg(const model::CommunityEvaluation& e, const ChartStyle& style);
std::string FunnelSvg(const model::CommunityEvaluation& e, const ChartStyle& style);
// Each community's factor scores on one spoke per factor of the model.
std::string RadarSvg(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                     const ChartStyle& style);
// Each community's x and y dimension scores at every month end, and its path across the quadrant,
// split where `landscape` split it (its medians, when the model says so), else at the model's
// fixed split. `kept` (one list per community, from store::AssessmentRuns) adds the scores earlier
// assessments kept with this model and version, in this landscape (or alone), at their months.
std::string ScoresSvg(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                      const ChartStyle& style, const model::LandscapeEvaluation* landscape = nullptr,
                      const std::vector<std::vector<store::AssessmentRun>>* kept = nullptr);

// The flywheel, rings or funnel (`kind`) of every community, side by side.
std::string SmallMultiplesSvg(const std::string& kind, const std::vector<const model::CommunityEvaluation*>& es,
                              const ChartStyle& style);

// Whether the chart `kind` (quadrant, timeline, series, flywheel, rings, funnel, radar, scores) has anything to
// draw for these evaluations (`landscape` for the quadrant, `metric` for series): kNotFound with
// one line naming what to ingest when it has not. An empty chart is never drawn.
Status CheckChartHasData(const std::string& kind, const std::string& metric,
                         const std::vector<const model::CommunityEvaluation*>& es,
                         const model::LandscapeEvaluation* landscape);

}  // namespace oscm::report
