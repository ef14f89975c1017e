#include "report/charts/time_series_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

struct Extent {
  MonthIndex first = std::numeric_limits<MonthIndex>::max();
  MonthIndex last = std::numeric_limits<MonthIndex>::min();
  double lo = 0;  // counts start at zero; a negative series extends the axis down
  double hi = 0;
  bool empty() const { return first > last; }
};

Extent ExtentOf(const std::vector<MetricSeries>& series) {
  Extent e;
  for (const MetricSeries& s : series) {
    for (size_t i = 0; i < s.values.size(); ++i) {
      if (!s.values[i] || !std::isfinite(*s.values[i])) continue;
      const MonthIndex m = s.first_month + static_cast<MonthIndex>(i);
      e.first = std::min(e.first, m);
      e.last = std::max(e.last, m);
      e.lo = std::min(e.lo, *s.values[i]);
      e.hi = std::max(e.hi, *s.values[i]);
    }
  }
  return e;
}

// One series in a plot box: runs of months with values as lines, gaps left open, a lone month as
// a dot, the month not yet over as a dashed segment to a hollow point.
void DrawSeries(SvgWriter& svg, const MetricSeries& s, std::optional<MonthIndex> partial, std::string_view color,
                bool dashed, double width, const auto& x_of, const auto& y_of) {
  const Paint paint{.stroke = color, .stroke_width = width, .dash = dashed ? "6 3" : ""};
  std::vector<Point> run;
  auto flush = [&] {
    if (run.size() == 1) svg.Circle(run[0], width + 0.3, {.fill = color});
    if (run.size() > 1) svg.Polyline(run, paint);
    run.clear();
  };
  for (size_t k = 0; k < s.values.size(); ++k) {
    if (!s.values[k] || !std::isfinite(*s.values[k])) {
      flush();
      continue;
    }
    const MonthIndex m = s.first_month + static_cast<MonthIndex>(k);
    const Point at{x_of(m), y_of(*s.values[k])};
    if (partial && m == *partial) {
      if (!run.empty()) svg.Line(run.back(), at, {.stroke = color, .stroke_width = width * 0.7, .dash = "3 3"});
      flush();
      svg.Circle(at, width + 1.3, {.fill = "#ffffff", .stroke = color, .stroke_width = width * 0.7});
      continue;
    }
    run.push_back(at);
  }
  flush();
}

Legend Caption(const TimeSeriesChartInput& in, bool empty) {
  Legend caption(in.language);
  if (in.partial_month && !empty) {
    caption.Symbol(LegendSymbol::kHollowDot, "#777777",
                   fmt::format("{} {}", Localized(in.language, "dashed, hollow point: the month not yet over,",
                                                  "虚线与空心点：未结束的月份"),
                               FormatMonth(*in.partial_month)));
  }
  if (!in.caption.empty()) caption.Text(in.caption);
  return caption;
}

}  // namespace

std::string_view SeriesColor(size_t i) {
  // Tableau 10: distinct for most colour-vision deficiencies and in greyscale print.
  constexpr std::string_view kColors[10] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return kColors[i % 10];
}

Grid ChooseGrid(size_t n, double width, double height, double aspect, double min_height) {
  Grid best{std::max<size_t>(n, 1), 1};
  double best_score = std::numeric_limits<double>::infinity();
  for (size_t columns = 1; columns <= std::max<size_t>(n, 1); ++columns) {
    const size_t rows = (std::max<size_t>(n, 1) + columns - 1) / columns;
    const double w = width / static_cast<double>(columns);
    const double h = height / static_cast<double>(rows);
    // Too low a panel costs more than a wrong shape.
    const double score = std::abs(std::log((w / h) / aspect)) + (h < min_height ? 10 + (min_height - h) : 0);
    if (score < best_score) {
      best_score = score;
      best = {columns, rows};
    }
  }
  return best;
}

namespace {

std::string RenderOnePlot(const TimeSeriesChartInput& in, const Extent& extent) {
  const bool empty = extent.empty();
  const MonthIndex first = empty ? 0 : extent.first;
  const MonthIndex last = empty ? 0 : extent.last;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);

  // Legend: swatches flowing left to right under the title, wrapping as needed.
  svg.BeginGroup("legend");
  double lx = 24;
  double ly = 62;
  for (size_t i = 0; i < in.series.size(); ++i) {
    const std::string name = FitText(in.series[i].name, 300, 12);
    const double w = 28 + TextWidth(name, 12) + 18;
    if (lx + w > in.width - 24 && lx > 24) {
      lx = 24;
      ly += 20;
    }
    svg.Line({lx, ly}, {lx + 20, ly}, {.stroke = SeriesColor(i), .stroke_width = 3, .dash = i >= 10 ? "6 3" : ""});
    svg.TextCentered(lx + 26, ly, name, {.size = 12, .fill = "#333333"});
    lx += w;
  }
  svg.EndGroup();

  const Legend caption = Caption(in, empty);
  const double caption_height = caption.Height(in.width - 48);
  const std::vector<double> ticks = NiceTicks(extent.lo, extent.hi, 6);
  double tick_width = 0;
  for (const double t : ticks) tick_width = std::max(tick_width, TextWidth(FormatTick(t), 11));
  const double left = 24 + tick_width + 10;
  const double right = in.width - 28;
  const double top = ly + 48;  // room for the y title above the axis
  const double bottom = in.height - 12 - caption_height - 34;  // year labels between plot and caption
  const double y0 = ticks.front();
  const double y1 = ticks.back();
  const double span = static_cast<double>(std::max<MonthIndex>(last - first, 1));
  auto x_of = [&](MonthIndex m) { return left + (m - first) / span * (right - left); };
  auto y_of = [&](double v) { return bottom - (v - y0) / (y1 - y0) * (bottom - top); };

  svg.BeginGroup("axes");
  for (const double t : ticks) {
    const double y = y_of(t);
    svg.Line({left, y}, {right, y}, {.stroke = t == 0 ? "#999999" : "#e6e6e6", .stroke_width = 1});
    svg.TextCentered(left - 8, y, FormatTick(t), {.size = 11, .fill = "#666666", .anchor = TextAnchor::kEnd});
  }
  for (const YearTick& t : YearTicks(first, last, static_cast<int>(std::max(2.0, (right - left) / 60)))) {
    const double x = x_of(t.month);
    svg.Line({x, bottom}, {x, bottom + 5}, {.stroke = "#888888", .stroke_width = 1});
    svg.Text(x, bottom + 19, std::to_string(t.year), {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  svg.Text(24, top - 16, in.y_title, {.size = 12, .fill = "#444444"});
  if (empty) {
    svg.TextCentered((left + right) / 2, (top + bottom) / 2, Localized(in.language, "no data", "无数据"),
                     {.size = 14, .fill = "#999999", .anchor = TextAnchor::kMiddle});
  }
  svg.EndGroup();

  svg.BeginGroup("series");
  for (size_t i = 0; i < in.series.size(); ++i) {
    DrawSeries(svg, in.series[i], in.partial_month, SeriesColor(i), i >= 10, 2.2, x_of, y_of);
  }
  svg.EndGroup();

  caption.Draw(svg, {24, in.height - 8 - caption_height, in.width - 48, caption_height});
  return svg.Finish();
}

std::string RenderSmallMultiples(const TimeSeriesChartInput& in, const Extent& extent) {
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  const Legend caption = Caption(in, extent.empty());
  const double caption_height = caption.Height(in.width - 48);
  const std::vector<double> ticks = NiceTicks(extent.lo, extent.hi, 3);
  const double y0 = ticks.front();
  const double y1 = ticks.back();
  double tick_width = 0;
  for (const double t : ticks) tick_width = std::max(tick_width, TextWidth(FormatTick(t), 10));
  // The unit over the first column; then the grid.
  svg.Text(24, 64, in.y_title, {.size = 12, .fill = "#444444"});
  const Box area{24 + tick_width + 6, 76, in.width - 24 - tick_width - 6 - 20, in.height - 76 - 12 - caption_height - 22};
  const Grid grid = ChooseGrid(in.series.size(), area.w, area.h, 2.2, 60);
  const double cell_w = area.w / static_cast<double>(grid.columns);
  const double cell_h = area.h / static_cast<double>(grid.rows);
  const double span = static_cast<double>(std::max<MonthIndex>(extent.last - extent.first, 1));

  for (size_t i = 0; i < in.series.size(); ++i) {
    const size_t col = i % grid.columns;
    const size_t row = i / grid.columns;
    const Box cell{area.x + static_cast<double>(col) * cell_w, area.y + static_cast<double>(row) * cell_h, cell_w, cell_h};
    // Name over the panel; the plot under it, with room between panels.
    const Box plot{cell.x + 4, cell.y + 20, cell.w - 14, cell.h - 20 - (row + 1 == grid.rows ? 4 : 10)};
    auto x_of = [&](MonthIndex m) { return plot.x + (m - extent.first) / span * plot.w; };
    auto y_of = [&](double v) { return plot.bottom() - (v - y0) / (y1 - y0) * plot.h; };
    svg.BeginGroup("panel", in.series[i].name);
    svg.Text(plot.x, cell.y + 14, FitText(in.series[i].name, plot.w, 12, FontWeight::kBold),
             {.size = 12, .weight = FontWeight::kBold, .fill = "#333333"});
    svg.Rect(plot.x, plot.y, plot.w, plot.h, {.fill = "#f7f7f7"});
    for (const double t : ticks) {
      svg.Line({plot.x, y_of(t)}, {plot.right(), y_of(t)}, {.stroke = t == 0 ? "#bbbbbb" : "#e3e3e3", .stroke_width = 0.8});
      if (col == 0) {
        svg.TextCentered(plot.x - 5, y_of(t), FormatTick(t), {.size = 10, .fill = "#777777", .anchor = TextAnchor::kEnd});
      }
    }
    DrawSeries(svg, in.series[i], in.partial_month, SeriesColor(0), false, 1.4, x_of, y_of);
    svg.EndGroup();
    if (row + 1 == grid.rows || i + grid.columns >= in.series.size()) {
      // Under the bottom panel of each column: its first and last year.
      if (!extent.empty()) {
        svg.Text(plot.x, plot.bottom() + 13, std::to_string(FloorDiv(extent.first, 12)), {.size = 10, .fill = "#777777"});
        svg.Text(plot.right(), plot.bottom() + 13, std::to_string(FloorDiv(extent.last, 12)),
                 {.size = 10, .fill = "#777777", .anchor = TextAnchor::kEnd});
      }
    }
  }
  caption.Draw(svg, {24, in.height - 8 - caption_height, in.width - 48, caption_height});
  return svg.Finish();
}

}  // namespace

std::string RenderTimeSeriesSvg(const TimeSeriesChartInput& in) {
  const Extent extent = ExtentOf(in.series);
  return in.series.size() > kMaxSeriesLines ? RenderSmallMultiples(in, extent) : RenderOnePlot(in, extent);
}

}  // namespace oscm::report
