#include "report/charts/quadrant_chart.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"

namespace oscm::report {
namespace {

constexpr double kLabelPad = 2;
constexpr double kPreviousRadius = 3.5;
constexpr double kCornerLabelSize = 15;
constexpr double kCornerPad = 10;

// Per quadrant (top left, top right, bottom left, bottom right): background tint, marker colour
// and label colour. Leaders (top right) green, challengers blue, strategists orange, niche purple.
struct QuadrantColors {
  std::string_view tint;
  std::string_view marker;
  std::string_view text;
};
constexpr QuadrantColors kColors[4] = {{"#eaf2fb", "#1f63b5", "#1a4f8f"},
                                       {"#e9f5ec", "#2b8a3e", "#1f6b30"},
                                       {"#f4eff9", "#7048a8", "#5a3a88"},
                                       {"#fdf1e4", "#d9660b", "#a84f08"}};

struct Scale {
  Box plot;
  double x_min, x_max, y_min, y_max;
  // Inside the plot's margin: x_min..x_max spans plot.x + inset .. plot.right() - inset.
  Point Map(double x, double y) const {
    const double cx = std::clamp(x, x_min, x_max);
    const double cy = std::clamp(y, y_min, y_max);
    return {plot.x + kQuadrantInset + (cx - x_min) / (x_max - x_min) * (plot.w - 2 * kQuadrantInset),
            plot.bottom() - kQuadrantInset - (cy - y_min) / (y_max - y_min) * (plot.h - 2 * kQuadrantInset)};
  }
};

constexpr double kTop = 64;
constexpr double kLeft = 84;
constexpr double kMargin = 24;
constexpr double kBelowPlot = 56;  // tick labels and the x axis title
constexpr double kLegendGap = 28;

bool LegendBeside(const QuadrantChartInput& in) { return in.width >= 1.15 * in.height; }

// Where the plot and the legend go, for a legend `legend_height` tall when under the plot.
std::pair<Box, Box> Frames(const QuadrantChartInput& in, double legend_height) {
  if (LegendBeside(in)) {
    const double legend_w = std::clamp(in.width * 0.27, 230.0, 360.0);
    const Box plot{kLeft, kTop, in.width - kLeft - kMargin - legend_w - kLegendGap, in.height - kTop - kBelowPlot};
    return {plot, Box{plot.right() + kLegendGap, kTop, legend_w, in.height - kTop - 12}};
  }
  // Under the plot, taking at most 42% of the height.
  const double h = std::min(legend_height, in.height * 0.42);
  const Box plot{kLeft, kTop, in.width - kLeft - kMargin, in.height - kTop - kBelowPlot - h - 12};
  return {plot, Box{kMargin, plot.bottom() + kBelowPlot + 4, in.width - 2 * kMargin, h + 8}};
}

Scale MakeScale(const QuadrantChartInput& in, const Box& plot) {
  const double x_span = in.x_max > in.x_min ? in.x_max - in.x_min : 1;
  const double y_span = in.y_max > in.y_min ? in.y_max - in.y_min : 1;
  return {plot, in.x_min, in.x_min + x_span, in.y_min, in.y_min + y_span};
}

int QuadrantOf(const QuadrantChartInput& in, const QuadrantPoint& p) {
  return (p.y >= in.split_y ? 0 : 2) + (p.x >= in.split_x ? 1 : 0);
}

const std::string& CornerLabel(const QuadrantLabels& labels, int q) {
  switch (q) {
    case 0:
      return labels.top_left;
    case 1:
      return labels.top_right;
    case 2:
      return labels.bottom_left;
    default:
      return labels.bottom_right;
  }
}

bool Finite(const std::optional<double>& v) { return v && std::isfinite(*v); }

// The input without points that have no finite score (they cannot be placed; the caption names
// them), and without previous positions that are not finite.
QuadrantChartInput Drawable(const QuadrantChartInput& in, std::vector<std::string>* left_out) {
  QuadrantChartInput out = in;
  out.points.clear();
  for (const QuadrantPoint& p : in.points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      if (left_out != nullptr) left_out->push_back(p.needs.empty() ? p.name : fmt::format("{} ({})", p.name, p.needs));
      continue;
    }
    out.points.push_back(p);
    if (!Finite(p.previous_x) || !Finite(p.previous_y)) {
      out.points.back().previous_x = std::nullopt;
      out.points.back().previous_y = std::nullopt;
    }
  }
  return out;
}

}  // namespace

QuadrantLabels DefaultQuadrantLabels(ChartLanguage lang) {
  return {std::string(Localized(lang, "Challengers", "挑战者")),
          std::string(Localized(lang, "Leaders", "领导者")),
          std::string(Localized(lang, "Niche players", "独特领域者")),
          std::string(Localized(lang, "Strategists", "战略者"))};
}

namespace {

// The text and box size of point i's label: its name, or its number.
struct LabelText {
  std::string text;
  double size;
  FontWeight weight;
};
LabelText LabelFor(const std::string& name, int number) {
  if (number > 0) return {std::to_string(number), kQuadrantLabelSize - 1, FontWeight::kBold};
  return {FitText(name, kQuadrantMaxLabelWidth, kQuadrantLabelSize), kQuadrantLabelSize, FontWeight::kRegular};
}

bool AnyRange(const QuadrantChartInput& in) {
  return std::any_of(in.points.begin(), in.points.end(), [](const QuadrantPoint& p) {
    return (Finite(p.x_low) && Finite(p.x_high) && *p.x_high > *p.x_low) ||
           (Finite(p.y_low) && Finite(p.y_high) && *p.y_high > *p.y_low);
  });
}

// The legend: the model and date, the symbols that appear, the numbered points' names and the
// communities not placed.
Legend BuildLegend(const QuadrantChartInput& in, const std::vector<std::string>& left_out,
                   const std::vector<int>& numbers) {
  const ChartLanguage lang = in.language;
  Legend legend(lang);
  legend.Text(lang == ChartLanguage::kChinese ? fmt::format("模型：{} · 截至 {}", in.model_name, in.as_of)
                                              : fmt::format("Model: {} · as of {}", in.model_name, in.as_of));
  legend.Space();
  legend.Symbol(LegendSymbol::kDot, "#555555",
                std::string(Localized(lang, "a community (colour: its quadrant)", "社区（颜色表示所在象限）")));
  if (std::any_of(in.points.begin(), in.points.end(), [](const QuadrantPoint& p) { return p.uncertain; })) {
    legend.Symbol(LegendSymbol::kHollowDot, "#555555",
                  std::string(Localized(lang, "place uncertain: the missing evidence could move it to another quadrant",
                                        "位置不确定：缺失的证据可能使其落入其他象限")));
  }
  if (std::any_of(in.points.begin(), in.points.end(), [](const QuadrantPoint& p) { return p.previous_x && p.previous_y; })) {
    legend.Symbol(LegendSymbol::kMove, "#555555",
                  std::string(Localized(lang, "moved from where it stood 12 months earlier", "从 12 个月前的位置移动而来")));
  }
  if (AnyRange(in)) {
    legend.Symbol(LegendSymbol::kRange, "#555555",
                  std::string(Localized(lang, "what a score could be given the missing evidence", "缺失证据下得分的可能范围")));
  }
  std::vector<std::string> key;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i] > 0) key.push_back(fmt::format("{}  {}", numbers[i], in.points[i].name));
  }
  if (!key.empty()) {
    legend.Space();
    legend.Heading(std::string(Localized(lang, "Numbered points", "编号的社区")));
    legend.Key(std::move(key));
  }
  if (!left_out.empty()) {
    legend.Space();
    legend.Heading(std::string(Localized(lang, "Not placed (too little evidence)", "未放置（证据不足）")));
    for (const std::string& l : left_out) legend.Text(l);
  }
  return legend;
}

QuadrantLayout LayOut(const QuadrantChartInput& in, const std::vector<std::string>& left_out) {
  QuadrantLayout layout;
  layout.legend_beside = LegendBeside(in);
  layout.numbers.assign(in.points.size(), 0);
  auto place = [&](double legend_height) {
    std::tie(layout.plot, layout.legend) = Frames(in, legend_height);
    const Scale scale = MakeScale(in, layout.plot);
    const Box& plot = layout.plot;
    std::vector<Box> markers;
    for (const QuadrantPoint& p : in.points) markers.push_back(MarkerBox(scale.Map(p.x, p.y), kQuadrantMarkerRadius + 2));
    const double h = kCornerLabelSize * (kTextAscent + kTextDescent);
    for (int q = 0; q < 4; ++q) {
      layout.quadrant_labels[q] =
          FitText(CornerLabel(in.labels, q), plot.w / 2 - 2 * kCornerPad, kCornerLabelSize, FontWeight::kBold);
      const double w = TextWidth(layout.quadrant_labels[q], kCornerLabelSize, FontWeight::kBold);
      // In its corner, or moved along the edge towards the middle until it covers no point.
      const double room = std::max(0.0, plot.w / 2 - 2 * kCornerPad - w);
      for (double shift = 0;; shift += 8) {
        const double along = std::min(shift, room);
        const double x = q % 2 == 0 ? plot.x + kCornerPad + along : plot.right() - kCornerPad - w - along;
        const double y = q < 2 ? plot.y + kCornerPad : plot.bottom() - kCornerPad - h;
        layout.quadrant_label_boxes[q] = {x, y, w, h};
        const Box& b = layout.quadrant_label_boxes[q];
        if (shift >= room || std::none_of(markers.begin(), markers.end(), [&](const Box& m) { return m.Overlaps(b); })) break;
      }
    }
    std::vector<Box> obstacles(std::begin(layout.quadrant_label_boxes), std::end(layout.quadrant_label_boxes));
    std::vector<Segment> arrows;
    layout.positions.clear();
    layout.previous.clear();
    for (const QuadrantPoint& p : in.points) {
      const Point at = scale.Map(p.x, p.y);
      layout.positions.push_back(at);
      std::optional<Point> before;
      if (p.previous_x && p.previous_y) {
        const Point b = scale.Map(*p.previous_x, *p.previous_y);
        // A move shorter than the marker itself would draw an arrow hidden under the dot.
        if (std::hypot(b.x - at.x, b.y - at.y) > kQuadrantMarkerRadius + kPreviousRadius + 2) {
          before = b;
          obstacles.push_back(MarkerBox(b, kPreviousRadius));
          arrows.push_back({b, at});
        }
      }
      layout.previous.push_back(before);
    }
    // Names first; a name that lands far from its point or on something gives way to a number,
    // and the rest are placed again around the numbers.
    for (int round = 0; round < 4; ++round) {
      std::vector<LabelRequest> requests;
      layout.names.clear();
      for (size_t i = 0; i < in.points.size(); ++i) {
        const LabelText t = LabelFor(in.points[i].name, layout.numbers[i]);
        layout.names.push_back(t.text);
        requests.push_back({layout.positions[i], kQuadrantMarkerRadius, TextWidth(t.text, t.size, t.weight) + 2 * kLabelPad,
                            t.size * (kTextAscent + kTextDescent) + 2 * kLabelPad});
      }
      PlacementResult placed = PlaceLabels(requests, plot, obstacles, arrows);
      layout.labels = std::move(placed.labels);
      layout.unresolved = placed.unresolved;
      bool changed = false;
      for (size_t i = 0; i < in.points.size(); ++i) {
        if (layout.numbers[i] > 0) continue;
        const Point near = NearestPointOnBox(layout.labels[i].box, layout.positions[i]);
        const double gap = std::hypot(near.x - layout.positions[i].x, near.y - layout.positions[i].y);
        if (layout.labels[i].overlaps || gap > kQuadrantMaxLeader + kQuadrantMarkerRadius) {
          layout.numbers[i] = -1;
          changed = true;
        }
      }
      if (!changed) break;
      int next = 0;
      for (int& n : layout.numbers) n = n != 0 ? ++next : 0;
    }
  };
  const double width = in.width - 2 * kMargin;
  place(BuildLegend(in, left_out, layout.numbers).Height(width));
  if (!layout.legend_beside && std::any_of(layout.numbers.begin(), layout.numbers.end(), [](int n) { return n > 0; })) {
    // The key makes the legend taller and the plot shorter: place again on the shorter plot.
    const std::vector<int> numbered = layout.numbers;
    place(BuildLegend(in, left_out, numbered).Height(width));
  }
  return layout;
}

}  // namespace

QuadrantLayout LayOutQuadrant(const QuadrantChartInput& input) {
  std::vector<std::string> left_out;
  return LayOut(Drawable(input, &left_out), left_out);
}

std::string RenderQuadrantSvg(const QuadrantChartInput& input) {
  std::vector<std::string> left_out;
  const QuadrantChartInput in = Drawable(input, &left_out);
  const ChartLanguage lang = in.language;
  const QuadrantLayout layout = LayOut(in, left_out);
  const Box& plot = layout.plot;
  const Scale scale = MakeScale(in, plot);
  const Point split = scale.Map(in.split_x, in.split_y);
  SvgWriter svg(in.width, in.height, in.title);

  svg.Title(in.title);

  svg.BeginGroup("quadrants");
  const Box areas[4] = {{plot.x, plot.y, split.x - plot.x, split.y - plot.y},
                        {split.x, plot.y, plot.right() - split.x, split.y - plot.y},
                        {plot.x, split.y, split.x - plot.x, plot.bottom() - split.y},
                        {split.x, split.y, plot.right() - split.x, plot.bottom() - split.y}};
  for (int q = 0; q < 4; ++q) {
    svg.Rect(areas[q].x, areas[q].y, areas[q].w, areas[q].h, {.fill = kColors[q].tint});
  }
  svg.EndGroup();

  svg.BeginGroup("axes");
  for (const double t : NiceTicks(scale.x_min, scale.x_max, 6)) {
    if (t < scale.x_min || t > scale.x_max) continue;
    const double x = scale.Map(t, scale.y_min).x;
    svg.Line({x, plot.y}, {x, plot.bottom()}, {.stroke = "#ffffff", .stroke_width = 1});
    svg.Text(x, plot.bottom() + 18, FormatTick(t), {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  for (const double t : NiceTicks(scale.y_min, scale.y_max, 6)) {
    if (t < scale.y_min || t > scale.y_max) continue;
    const double y = scale.Map(scale.x_min, t).y;
    svg.Line({plot.x, y}, {plot.right(), y}, {.stroke = "#ffffff", .stroke_width = 1});
    svg.TextCentered(plot.x - 8, y, FormatTick(t), {.size = 11, .fill = "#666666", .anchor = TextAnchor::kEnd});
  }
  svg.Rect(plot.x, plot.y, plot.w, plot.h, {.stroke = "#b8b8b8", .stroke_width = 1});
  svg.Line({split.x, plot.y}, {split.x, plot.bottom()}, {.stroke = "#8a8a8a", .stroke_width = 1.2, .dash = "6 4"});
  svg.Line({plot.x, split.y}, {plot.right(), split.y}, {.stroke = "#8a8a8a", .stroke_width = 1.2, .dash = "6 4"});
  svg.Text(plot.x + plot.w / 2, plot.bottom() + 44, FitText(in.x_title, plot.w, 14, FontWeight::kBold),
           {.size = 14, .weight = FontWeight::kBold, .fill = "#333333", .anchor = TextAnchor::kMiddle});
  svg.TextCentered(plot.x - 50, plot.y + plot.h / 2, FitText(in.y_title, plot.h, 14, FontWeight::kBold),
                   {.size = 14, .weight = FontWeight::kBold, .fill = "#333333", .anchor = TextAnchor::kMiddle, .rotate = -90});
  svg.EndGroup();

  svg.BeginGroup("quadrant-labels");
  for (int q = 0; q < 4; ++q) {
    const Box& b = layout.quadrant_label_boxes[q];
    svg.Text(b.x, b.y + kCornerLabelSize * kTextAscent, layout.quadrant_labels[q],
             {.size = kCornerLabelSize, .weight = FontWeight::kBold, .fill = kColors[q].text});
  }
  svg.EndGroup();

  svg.BeginGroup("movement");
  for (size_t i = 0; i < in.points.size(); ++i) {
    if (!layout.previous[i]) continue;
    const Point from = *layout.previous[i];
    const Point to = layout.positions[i];
    const double len = std::hypot(to.x - from.x, to.y - from.y);
    const double stop = (len - kQuadrantMarkerRadius - 1.5) / len;
    const double start = kPreviousRadius / len;
    svg.Circle(from, kPreviousRadius, {.fill = "#ffffff", .stroke = "#8c8c8c", .stroke_width = 1.2});
    svg.Arrow({from.x + (to.x - from.x) * start, from.y + (to.y - from.y) * start},
              {from.x + (to.x - from.x) * stop, from.y + (to.y - from.y) * stop}, "#8c8c8c", 1.3, 7);
  }
  svg.EndGroup();

  // What each score could be given the missing evidence: bars through the point, clamped to the
  // axis range. Many points' bars would hide the points, so in a crowded plot they are fainter.
  svg.BeginGroup("ranges");
  const bool crowded = in.points.size() > 10;
  for (size_t i = 0; i < in.points.size(); ++i) {
    const QuadrantPoint& p = in.points[i];
    const Point at = layout.positions[i];
    const std::string_view color = kColors[QuadrantOf(in, p)].marker;
    const Paint bar{.stroke = color, .stroke_width = crowded ? 1.0 : 1.4, .opacity = crowded ? 0.3 : 0.55};
    const double cap = crowded ? 0 : 4;
    if (Finite(p.x_low) && Finite(p.x_high) && *p.x_high > *p.x_low) {
      const double x0 = scale.Map(*p.x_low, p.y).x, x1 = scale.Map(*p.x_high, p.y).x;
      svg.Line({x0, at.y}, {x1, at.y}, bar);
      if (cap > 0) {
        svg.Line({x0, at.y - cap}, {x0, at.y + cap}, bar);
        svg.Line({x1, at.y - cap}, {x1, at.y + cap}, bar);
      }
    }
    if (Finite(p.y_low) && Finite(p.y_high) && *p.y_high > *p.y_low) {
      const double y0 = scale.Map(p.x, *p.y_low).y, y1 = scale.Map(p.x, *p.y_high).y;
      svg.Line({at.x, y0}, {at.x, y1}, bar);
      if (cap > 0) {
        svg.Line({at.x - cap, y0}, {at.x + cap, y0}, bar);
        svg.Line({at.x - cap, y1}, {at.x + cap, y1}, bar);
      }
    }
  }
  svg.EndGroup();

  svg.BeginGroup("points");
  for (size_t i = 0; i < in.points.size(); ++i) {
    const PlacedLabel& label = layout.labels[i];
    if (!label.leader) continue;
    const Point at = layout.positions[i];
    const Point near = NearestPointOnBox(label.box, at);
    const double len = std::hypot(near.x - at.x, near.y - at.y);
    const Point start{at.x + (near.x - at.x) * kQuadrantMarkerRadius / len,
                      at.y + (near.y - at.y) * kQuadrantMarkerRadius / len};
    svg.Line(start, near, {.stroke = "#9a9a9a", .stroke_width = 0.8});
  }
  for (size_t i = 0; i < in.points.size(); ++i) {
    // The exact scores on hover (in a browser or the HTML report).
    const QuadrantPoint& p = in.points[i];
    std::string tooltip = fmt::format("{}: {} {:.1f}, {} {:.1f}", p.name, in.x_title, p.x, in.y_title, p.y);
    if (layout.previous[i]) {
      tooltip += fmt::format("{}{:.1f}, {:.1f}{}", Localized(lang, " (12 months earlier: ", "（12 个月前："), *p.previous_x,
                             *p.previous_y, Localized(lang, ")", "）"));
    }
    if (Finite(p.x_low) && Finite(p.x_high) && Finite(p.y_low) && Finite(p.y_high)) {
      tooltip += fmt::format("{}{:.0f}–{:.0f}, {:.0f}–{:.0f}", Localized(lang, "; could be ", "；可能为 "), *p.x_low,
                             *p.x_high, *p.y_low, *p.y_high);
    }
    svg.BeginGroup(p.uncertain ? "point uncertain" : "point", tooltip);
    const std::string_view color = kColors[QuadrantOf(in, p)].marker;
    if (p.uncertain) {
      svg.Circle(layout.positions[i], kQuadrantMarkerRadius - 1, {.fill = "#ffffff", .stroke = color, .stroke_width = 2.5});
    } else {
      svg.Circle(layout.positions[i], kQuadrantMarkerRadius, {.fill = color, .stroke = "#ffffff", .stroke_width = 1.5});
    }
    svg.EndGroup();
  }
  for (size_t i = 0; i < in.points.size(); ++i) {
    const Box& b = layout.labels[i].box;
    const LabelText t = LabelFor(in.points[i].name, layout.numbers[i]);
    svg.Text(b.x + kLabelPad, b.y + kLabelPad + t.size * kTextAscent, layout.names[i],
             {.size = t.size, .weight = t.weight, .fill = "#1a1a1a", .halo = true});
  }
  svg.EndGroup();

  svg.BeginGroup("legend");
  BuildLegend(in, left_out, layout.numbers).Draw(svg, layout.legend);
  svg.EndGroup();
  return svg.Finish();
}

}  // namespace oscm::report
