#include "report/charts/time_series_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "report/charts/axis_ticks.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {

std::string_view SeriesColor(size_t i) {
  // Tableau 10: distinct for most colour-vision deficiencies and in greyscale print.
  constexpr std::string_view kColors[10] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return kColors[i % 10];
}

std::string RenderTimeSeriesSvg(const TimeSeriesChartInput& in) {
  MonthIndex first = std::numeric_limits<MonthIndex>::max();
  MonthIndex last = std::numeric_limits<MonthIndex>::min();
  double lo = 0;  // counts start at zero; a negative series extends the axis down
  double hi = 0;
  for (const MetricSeries& s : in.series) {
    for (size_t i = 0; i < s.values.size(); ++i) {
      if (!s.values[i] || !std::isfinite(*s.values[i])) continue;
      const MonthIndex m = s.first_month + static_cast<MonthIndex>(i);
      first = std::min(first, m);
      last = std::max(last, m);
      lo = std::min(lo, *s.values[i]);
      hi = std::max(hi, *s.values[i]);
    }
  }
  const bool empty = first > last;
  if (empty) first = last = 0;

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
    svg.Line({lx, ly}, {lx + 20, ly},
             {.stroke = SeriesColor(i), .stroke_width = 3, .dash = i >= 10 ? "6 3" : ""});
    svg.TextCentered(lx + 26, ly, name, {.size = 12, .fill = "#333333"});
    lx += w;
  }
  svg.EndGroup();

  const std::vector<double> ticks = NiceTicks(lo, hi, 6);
  double tick_width = 0;
  for (const double t : ticks) tick_width = std::max(tick_width, TextWidth(FormatTick(t), 11));
  const double left = 24 + tick_width + 10;
  const double right = in.width - 28;
  const double top = ly + 48;  // room for the y title above the axis
  const double bottom = in.height - 58;
  const double y0 = ticks.front();
  const double y1 = ticks.back();
  const double span = static_cast<double>(std::max<MonthIndex>(last - first, 1));
  auto x_of = [&](MonthIndex m) { return left + (m - first) / span * (right - left); };
  auto y_of = [&](double v) { return bottom - (v - y0) / (y1 - y0) * (bottom - top); };

  svg.BeginGroup("axes");
  for (const double t : ticks) {
    const double y = y_of(t);
    svg.Line({left, y}, {right, y}, {.stroke = t == 0 ? "#999999" : "#e6e6e6", .stroke_width = 1});
    svg.TextCentered(left - 8, y, FormatTick(t),
                     {.size = 11, .fill = "#666666", .anchor = TextAnchor::kEnd});
  }
  for (const YearTick& t : YearTicks(first, last, 12)) {
    const double x = x_of(t.month);
    svg.Line({x, bottom}, {x, bottom + 5}, {.stroke = "#888888", .stroke_width = 1});
    svg.Text(x, bottom + 19, std::to_string(t.year),
             {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  svg.Text(24, top - 16, in.y_title, {.size = 12, .fill = "#444444"});
  if (empty) {
    svg.TextCentered((left + right) / 2, (top + bottom) / 2,
                     Localized(in.language, "no data", "无数据"),
                     {.size = 14, .fill = "#999999", .anchor = TextAnchor::kMiddle});
  }
  svg.EndGroup();

  svg.BeginGroup("series");
  for (size_t i = 0; i < in.series.size(); ++i) {
    const MetricSeries& s = in.series[i];
    const Paint paint{.stroke = SeriesColor(i), .stroke_width = 2.2, .dash = i >= 10 ? "6 3" : ""};
    std::vector<Point> run;
    auto flush = [&] {
      if (run.size() == 1)
        svg.Circle(run[0], 2.5, {.fill = SeriesColor(i)});  // a lone month between gaps
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
      if (in.partial_month && m == *in.partial_month) {
        if (!run.empty()) svg.Line(run.back(), at, {.stroke = SeriesColor(i), .stroke_width = 1.6, .dash = "3 3"});
        flush();
        svg.Circle(at, 3.5, {.fill = "#ffffff", .stroke = SeriesColor(i), .stroke_width = 1.6});
        continue;
      }
      run.push_back(at);
    }
    flush();
  }
  svg.EndGroup();

  svg.Footnote(0, in.caption);
  if (in.partial_month && !empty) {
    svg.Footnote(1, fmt::format("{} {}", Localized(in.language, "Hollow point, dashed: a month not yet over,",
                                                   "空心点与虚线：未结束的月份"),
                                FormatMonth(*in.partial_month)));
  }
  return svg.Finish();
}

}  // namespace oscm::report
