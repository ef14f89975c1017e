// Stage timeline: for each community a horizontal bar through time, coloured by its lifecycle
// stage at each month end (触发期 trigger, 发展期 development, 结晶期 crystallization, 流行期
// popularity), with the month of every transition marked; several communities are stacked on one
// time axis for comparison. A transition's date goes above its band, else below it, where it
// overlaps no other date, band or name (of any row); a date with no such place is left out and
// listed under the chart.
//
// Wiring: one StageTimelineRow per community from the model's stage timeline; consecutive months
// in the same stage become one StageBand, and each change of stage one StageTransition. Months
// are MonthIndex values (base/time.h). Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/time.h"
#include "report/charts/chart_language.h"

namespace oscm::report {

struct StageBand {
  int stage = 0;        // 0 trigger, 1 development, 2 crystallization, 3 popularity
  MonthIndex from = 0;  // first month in the stage
  MonthIndex to = 0;    // last month in the stage (inclusive); REQUIRES: to >= from
};

struct StageTransition {
  MonthIndex month = 0;  // the first month in the new stage; labelled "YYYY-MM"
  int to_stage = 0;
};

struct StageTimelineRow {
  std::string name;  // community name, from data
  // A short grey note under the name, e.g. the vitality overlay ("declining", "衰退"); the caller
  // words it in the chart's language. Empty for none.
  std::string note;
  std::vector<StageBand> bands;
  std::vector<StageTransition> transitions;
};

struct StageTimelineInput {
  std::string title;
  std::string as_of;  // "YYYY-MM-DD", for the caption
  std::vector<StageTimelineRow> rows;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 900;  // pixels
  // 0: as tall as the rows need. Otherwise the rows share what the height leaves them (down to
  // 16 px each; the notes go when a row is too low for two lines, and rows that still do not fit
  // are left out and listed under the chart).
  double height = 0;
};

// The colour of stage 0..3 (light to dark: yellow, green, blue, purple).
std::string_view StageColor(int stage);

std::string RenderStageTimelineSvg(const StageTimelineInput& input);

}  // namespace oscm::report
