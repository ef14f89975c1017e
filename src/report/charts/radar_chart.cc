#include "report/charts/radar_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "report/charts/chart_legend.h"
#include "report/charts/svg_writer.h"
#include "report/charts/time_series_chart.h"

namespace oscm::report {
namespace {

// Spoke and axis-label colours per group: popularity blue, commercial orange, then grey.
constexpr std::string_view kGroupColor[3] = {"#1f63b5", "#b35900", "#555555"};
std::string_view GroupColor(int g) { return kGroupColor[std::clamp(g, 0, 2)]; }

bool Has(const std::optional<double>& v) { return v && std::isfinite(*v); }

struct Radar {
  Point center;
  double radius;
  size_t axes;
  Point At(size_t axis, double value) const {
    // The first spoke points up; the others follow clockwise.
    const double angle = 2 * std::numbers::pi * static_cast<double>(axis) / static_cast<double>(axes) - std::numbers::pi / 2;
    const double r = radius * std::clamp(value, 0.0, 100.0) / 100;
    return {center.x + r * std::cos(angle), center.y + r * std::sin(angle)};
  }
};

// Rings at 25, 50, 75 and 100, and the spokes.
void DrawFrame(SvgWriter& svg, const Radar& radar, const RadarChartInput& in, bool ring_labels) {
  for (int ring = 1; ring <= 4; ++ring) {
    std::vector<Point> points;
    for (size_t a = 0; a < radar.axes; ++a) points.push_back(radar.At(a, ring * 25.0));
    svg.Polygon(points, {.fill = ring == 4 ? "#fafafa" : "none", .stroke = "#d9d9d9", .stroke_width = 1});
  }
  for (size_t a = 0; a < radar.axes; ++a) {
    svg.Line(radar.center, radar.At(a, 100), {.stroke = GroupColor(in.axes[a].group), .stroke_width = 0.8, .opacity = 0.5});
  }
  if (ring_labels) {
    for (int ring = 1; ring <= 4; ++ring) {
      const Point p = radar.At(0, ring * 25.0);
      svg.TextCentered(p.x + 4, p.y, std::to_string(ring * 25), {.size = 10, .fill = "#999999", .halo = true});
    }
  }
}

// One community's outline: the sides between spokes that both have a score; filled only when
// every spoke has one.
void DrawOutline(SvgWriter& svg, const Radar& radar, const RadarSeries& s, std::string_view color, double width,
                 double dot) {
  const size_t n = radar.axes;
  const bool complete = s.values.size() == n && std::all_of(s.values.begin(), s.values.end(), Has);
  auto value = [&](size_t a) { return a < s.values.size() ? s.values[a] : std::nullopt; };
  if (complete) {
    std::vector<Point> points;
    for (size_t a = 0; a < n; ++a) points.push_back(radar.At(a, *value(a)));
    svg.Polygon(points, {.fill = color, .opacity = 0.12});
    svg.Polygon(points, {.stroke = color, .stroke_width = width});
  } else {
    for (size_t a = 0; a < n; ++a) {
      const size_t b = (a + 1) % n;
      if (Has(value(a)) && Has(value(b)) && n > 1) {
        svg.Line(radar.At(a, *value(a)), radar.At(b, *value(b)), {.stroke = color, .stroke_width = width});
      }
    }
  }
  for (size_t a = 0; a < n; ++a) {
    if (Has(value(a))) svg.Circle(radar.At(a, *value(a)), dot, {.fill = color});
  }
}

// Where a spoke's label goes: beyond its end, anchored away from the centre.
struct SpokeLabel {
  Point at;
  TextAnchor anchor;
};
SpokeLabel LabelAt(const Radar& radar, size_t axis, double gap) {
  const Point end = radar.At(axis, 100);
  const double dx = end.x - radar.center.x;
  const double dy = end.y - radar.center.y;
  const double len = std::hypot(dx, dy);
  const Point at{end.x + dx / len * gap, end.y + dy / len * gap};
  const TextAnchor anchor = std::abs(dx) < len * 0.2 ? TextAnchor::kMiddle : dx > 0 ? TextAnchor::kStart : TextAnchor::kEnd;
  return {at, anchor};
}

bool NoneHas(const RadarChartInput& in, size_t axis) {
  return std::none_of(in.series.begin(), in.series.end(),
                      [&](const RadarSeries& s) { return axis < s.values.size() && Has(s.values[axis]); });
}

Legend BaseLegend(const RadarChartInput& in) {
  Legend legend(in.language);
  for (size_t g = 0; g < in.group_names.size(); ++g) {
    legend.Symbol(LegendSymbol::kLine, GroupColor(static_cast<int>(g)),
                  fmt::format("{}{}", in.group_names[g], Localized(in.language, " (spokes)", "（轴）")));
  }
  legend.Text(std::string(Localized(in.language, "A gap in an outline: that factor has no score (too little evidence).",
                                    "轮廓的缺口：该因子没有得分（证据不足）。")));
  if (!in.caption.empty()) legend.Text(in.caption);
  return legend;
}

std::string RenderOverlay(const RadarChartInput& in) {
  const ChartLanguage lang = in.language;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  Legend legend = BaseLegend(in);
  legend.Space();
  for (size_t i = 0; i < in.series.size(); ++i) legend.Symbol(LegendSymbol::kLine, SeriesColor(i), in.series[i].name);
  const bool beside = in.width >= 1.15 * in.height;
  const double legend_w = beside ? std::clamp(in.width * 0.26, 220.0, 340.0) : in.width - 48;
  const double legend_h = legend.Height(legend_w);
  const Box area = beside ? Box{24, 64, in.width - 48 - legend_w - 24, in.height - 64 - 16}
                          : Box{24, 64, in.width - 48, in.height - 64 - 16 - std::min(legend_h, in.height / 3) - 12};
  const Box legend_box = beside ? Box{area.right() + 24, 70, legend_w, in.height - 70 - 12}
                                : Box{24, area.bottom() + 12, legend_w, std::min(legend_h, in.height / 3)};

  // Labels wrap to two lines; the radius leaves room for the widest beside the radar.
  const size_t n = in.axes.size();
  const double label_w = std::min(150.0, area.w * 0.2);
  double widest = 0;
  for (const RadarAxis& a : in.axes) {
    for (const auto& l : WrapText(a.name, label_w, 12, FontWeight::kBold, 2)) widest = std::max(widest, TextWidth(l, 12, FontWeight::kBold));
  }
  const double radius = std::max(60.0, std::min((area.w - 2 * widest - 30) / 2, (area.h - 2 * 36) / 2));
  const Radar radar{{area.x + area.w / 2, area.y + area.h / 2}, radius, n};

  svg.BeginGroup("frame");
  DrawFrame(svg, radar, in, true);
  for (size_t a = 0; a < n; ++a) {
    const SpokeLabel l = LabelAt(radar, a, 10);
    std::vector<std::string> lines = WrapText(in.axes[a].name, label_w, 12, FontWeight::kBold, 2);
    if (NoneHas(in, a)) lines.push_back(std::string(Localized(lang, "no data", "无数据")));
    // Lines stacked around the label point; above the radar they grow upwards.
    const double up = radar.At(a, 100).y < radar.center.y - radius * 0.5 ? static_cast<double>(lines.size()) - 1 : 0;
    const double down = radar.At(a, 100).y > radar.center.y + radius * 0.5 ? 0.6 : 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      const bool note = NoneHas(in, a) && k + 1 == lines.size();
      svg.TextCentered(l.at.x, l.at.y + (static_cast<double>(k) - up + down) * 15, lines[k],
                       {.size = note ? 11.0 : 12.0,
                        .weight = note ? FontWeight::kRegular : FontWeight::kBold,
                        .fill = note ? "#999999" : GroupColor(in.axes[a].group),
                        .anchor = l.anchor});
    }
  }
  svg.EndGroup();

  svg.BeginGroup("series");
  for (size_t i = 0; i < in.series.size(); ++i) {
    std::string tooltip = in.series[i].name + ":";
    for (size_t a = 0; a < n; ++a) {
      const auto& v = a < in.series[i].values.size() ? in.series[i].values[a] : std::nullopt;
      tooltip += fmt::format(" {} {};", in.axes[a].name, Has(v) ? fmt::format("{:.1f}", *v) : std::string(Localized(lang, "no data", "无数据")));
    }
    tooltip.pop_back();
    svg.BeginGroup("community", tooltip);
    DrawOutline(svg, radar, in.series[i], SeriesColor(i), 2.2, 3.2);
    svg.EndGroup();
  }
  svg.EndGroup();

  svg.BeginGroup("legend");
  legend.Draw(svg, legend_box);
  svg.EndGroup();
  return svg.Finish();
}

std::string RenderSmallMultiples(const RadarChartInput& in) {
  const ChartLanguage lang = in.language;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  // Under the grid: the numbered spokes' names, then the notes.
  Legend legend = BaseLegend(in);
  std::vector<std::string> key;
  for (size_t a = 0; a < in.axes.size(); ++a) key.push_back(fmt::format("{}  {}", a + 1, in.axes[a].name));
  legend.Space();
  legend.Key(std::move(key));
  const double legend_h = std::min(legend.Height(in.width - 48), in.height * 0.4);
  const Box area{24, 60, in.width - 48, in.height - 60 - 12 - legend_h - 8};
  const Grid grid = ChooseGrid(in.series.size(), area.w, area.h, 1.1, 90);
  const double cell_w = area.w / static_cast<double>(grid.columns);
  const double cell_h = area.h / static_cast<double>(grid.rows);
  const size_t n = in.axes.size();
  for (size_t i = 0; i < in.series.size(); ++i) {
    const Box cell{area.x + static_cast<double>(i % grid.columns) * cell_w, area.y + static_cast<double>(i / grid.columns) * cell_h,
                   cell_w, cell_h};
    const double radius = std::max(12.0, std::min(cell.w - 28, cell.h - 18 - 22) / 2);
    const Radar radar{{cell.x + cell.w / 2, cell.y + 18 + 11 + radius}, radius, n};
    svg.BeginGroup("panel", in.series[i].name);
    svg.Text(cell.x + cell.w / 2, cell.y + 13, FitText(in.series[i].name, cell.w - 8, 12, FontWeight::kBold),
             {.size = 12, .weight = FontWeight::kBold, .fill = "#333333", .anchor = TextAnchor::kMiddle});
    DrawFrame(svg, radar, in, false);
    if (radius >= 28) {
      for (size_t a = 0; a < n; ++a) {
        const SpokeLabel l = LabelAt(radar, a, 6);
        svg.TextCentered(l.at.x, l.at.y, std::to_string(a + 1),
                         {.size = 9, .fill = GroupColor(in.axes[a].group), .anchor = TextAnchor::kMiddle});
      }
    }
    const bool none = std::none_of(in.series[i].values.begin(), in.series[i].values.end(), Has);
    if (none) {
      svg.TextCentered(radar.center.x, radar.center.y, Localized(lang, "no data", "无数据"),
                       {.size = 11, .fill = "#999999", .anchor = TextAnchor::kMiddle, .halo = true});
    } else {
      DrawOutline(svg, radar, in.series[i], SeriesColor(0), 1.5, 2);
    }
    svg.EndGroup();
  }
  svg.BeginGroup("legend");
  legend.Draw(svg, {24, in.height - 12 - legend_h, in.width - 48, legend_h});
  svg.EndGroup();
  return svg.Finish();
}

}  // namespace

std::string RenderRadarSvg(const RadarChartInput& in) {
  return in.series.size() > kMaxRadarOverlay ? RenderSmallMultiples(in) : RenderOverlay(in);
}

}  // namespace oscm::report
