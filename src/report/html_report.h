// The HTML report: one self-contained page (styles and charts inline, no scripts, no network
// fetches, works from file://) for a landscape or a single community. It shows the summary (stage,
// vitality, scores with their coverage, quadrant), the gaps to the next stage, every chart, the
// evidence behind the stage (each criterion with its value) and the scores (each indicator's raw
// value and score), the metrics, the profile facts with their sources, the data coverage and the
// model used.
//
// Every string that comes from data is escaped; charts are SVG made by report/charts, which
// escapes its own text. Pure function; the same input renders byte-identically.
#pragma once

#include <string>
#include <vector>

#include "model/evaluation.h"
#include "oscm/model_spec.h"
#include "report/evaluation_report.h"

namespace oscm::report {

struct HtmlChart {
  std::string id;     // anchor: "quadrant", "timeline", "tikv-flywheel", ...
  std::string title;
  std::string svg;    // an <svg> element
};

struct HtmlCommunity {
  const model::CommunityEvaluation* evaluation = nullptr;
  std::vector<HtmlChart> charts;
};

struct HtmlReportInput {
  std::string title;  // the landscape's name, or the community's
  int64_t as_of = 0;
  const model::ModelSpec* model = nullptr;
  Lang lang = Lang::kEn;
  std::vector<HtmlChart> charts;  // landscape-wide: quadrant, stage timelines, series
  std::vector<HtmlCommunity> communities;
  std::string split;  // "fixed 50 / 50" or "medians 41.6 / 36.5"; empty for a single community
};

std::string RenderHtmlReport(const HtmlReportInput& input);

// &, <, >, " and ' as character references.
std::string HtmlEscape(std::string_view text);

}  // namespace oscm::report
