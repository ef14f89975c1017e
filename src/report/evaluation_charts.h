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

namespace oscm::report {

std::string QuadrantSvg(const model::LandscapeEvaluation& l, const model::ModelSpec& m, Lang lang);
std::string StageTimelineSvg(const std::string& title, const std::vector<const model::CommunityEvaluation*>& es,
                             Lang lang);
// `metric`: a registered metric id; its monthly series for each community.
std::string MetricSeriesSvg(const std::string& metric, const std::vector<const model::CommunityEvaluation*>& es, Lang lang);
std::string FlywheelSvg(const model::CommunityEvaluation& e, Lang lang);
std::string TalentRingsSvg(const model::CommunityEvaluation& e, Lang lang);
std::string FunnelSvg(const model::CommunityEvaluation& e, Lang lang);

// Whether the chart `kind` (quadrant, timeline, series, flywheel, rings, funnel) has anything to
// draw for these evaluations (`landscape` for the quadrant, `metric` for series): kNotFound with
// one line naming what to ingest when it has not. An empty chart is never drawn.
Status CheckChartHasData(const std::string& kind, const std::string& metric,
                         const std::vector<const model::CommunityEvaluation*>& es,
                         const model::LandscapeEvaluation* landscape);

}  // namespace oscm::report
