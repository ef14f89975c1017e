// The model's results as charts (report/charts): the maturity quadrant of a landscape, stage
// timelines, metric series, and per community the flywheel, talent rings and funnel. Each
// function builds the chart's input from evaluations and returns the SVG; report/charts
// escapes every string from data. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "model/evaluation.h"
#include "oscm/model_spec.h"
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

}  // namespace oscm::report
