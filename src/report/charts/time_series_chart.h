// Metric time series: one monthly metric (active contributors, stars, organisations, ...) for one
// or more communities as lines on one chart, with a legend above the plot and "nice" y ticks.
// Months without a value are gaps in the line, never zeros. More than kMaxSeriesLines series
// would tangle, so they are drawn as small multiples instead: one small panel per community, all
// on the same scales.
//
// Wiring: one MetricSeries per community from the assessment's monthly series of one metric id;
// the y title names the metric and its unit. Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "report/charts/chart_language.h"

namespace oscm::report {

struct MetricSeries {
  std::string name;                           // community name, from data
  MonthIndex first_month = 0;                 // the month of values[0]
  std::vector<std::optional<double>> values;  // one per month; nullopt (or NaN) = no data, a gap
};

struct TimeSeriesChartInput {
  std::string title;    // e.g. "Active contributors per month"
  std::string y_title;  // e.g. "people"
  std::string caption;  // e.g. "as of 2026-09-01 · source: git"
  std::vector<MetricSeries> series;
  // A month that is not over (the evaluation date falls inside it): its values count only some of
  // its days, so it is drawn apart (a dashed segment to a hollow point), never as a full month.
  std::optional<MonthIndex> partial_month;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 900;
  double height = 480;
};

// The line colour of the i-th series (ten distinct colours, then repeated with dashes).
std::string_view SeriesColor(size_t i);

inline constexpr size_t kMaxSeriesLines = 8;

// Columns and rows of a grid of `n` panels in a `width` x `height` area whose panels come closest
// to `aspect` (width / height) while at least `min_height` tall when possible.
struct Grid {
  size_t columns = 1;
  size_t rows = 1;
};
Grid ChooseGrid(size_t n, double width, double height, double aspect, double min_height);

std::string RenderTimeSeriesSvg(const TimeSeriesChartInput& input);

}  // namespace oscm::report
