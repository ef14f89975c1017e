#include "report/charts/quadrant_chart.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "report/charts/axis_ticks.h"

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
  Point Map(double x, double y) const {
    const double cx = std::clamp(x, x_min, x_max);
    const double cy = std::clamp(y, y_min, y_max);
    return {plot.x + (cx - x_min) / (x_max - x_min) * plot.w,
            plot.bottom() - (cy - y_min) / (y_max - y_min) * plot.h};
  }
};

Scale MakeScale(const QuadrantChartInput& in) {
  // Below the plot: tick labels, the axis title, then three caption lines (model and date, the
  // legend, the communities not placed).
  Box plot{84, 64, in.width - 84 - 28, in.height - 64 - 124};
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

QuadrantLayout LayOutQuadrant(const QuadrantChartInput& input) {
  const QuadrantChartInput in = Drawable(input, nullptr);
  const Scale scale = MakeScale(in);
  QuadrantLayout layout;
  layout.plot = scale.plot;
  const double h = kCornerLabelSize * (kTextAscent + kTextDescent);
  for (int q = 0; q < 4; ++q) {
    layout.quadrant_labels[q] =
        FitText(CornerLabel(in.labels, q), scale.plot.w / 2 - 2 * kCornerPad, kCornerLabelSize,
                FontWeight::kBold);
    const double w = TextWidth(layout.quadrant_labels[q], kCornerLabelSize, FontWeight::kBold);
    const double x = q % 2 == 0 ? scale.plot.x + kCornerPad : scale.plot.right() - kCornerPad - w;
    const double y = q < 2 ? scale.plot.y + kCornerPad : scale.plot.bottom() - kCornerPad - h;
    layout.quadrant_label_boxes[q] = {x, y, w, h};
  }

  std::vector<LabelRequest> requests;
  std::vector<Box> obstacles(std::begin(layout.quadrant_label_boxes),
                             std::end(layout.quadrant_label_boxes));
  std::vector<Segment> arrows;
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
    layout.names.push_back(FitText(p.name, kQuadrantMaxLabelWidth, kQuadrantLabelSize));
    requests.push_back({at, kQuadrantMarkerRadius,
                        TextWidth(layout.names.back(), kQuadrantLabelSize) + 2 * kLabelPad,
                        kQuadrantLabelSize * (kTextAscent + kTextDescent) + 2 * kLabelPad});
  }
  PlacementResult placed = PlaceLabels(requests, scale.plot, obstacles, arrows);
  layout.labels = std::move(placed.labels);
  layout.unresolved = placed.unresolved;
  return layout;
}

std::string RenderQuadrantSvg(const QuadrantChartInput& input) {
  std::vector<std::string> left_out;
  const QuadrantChartInput in = Drawable(input, &left_out);
  const ChartLanguage lang = in.language;
  const QuadrantLayout layout = LayOutQuadrant(in);
  const Scale scale = MakeScale(in);
  const Box& plot = layout.plot;
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
    svg.Text(x, plot.bottom() + 18, FormatTick(t),
             {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  for (const double t : NiceTicks(scale.y_min, scale.y_max, 6)) {
    if (t < scale.y_min || t > scale.y_max) continue;
    const double y = scale.Map(scale.x_min, t).y;
    svg.Line({plot.x, y}, {plot.right(), y}, {.stroke = "#ffffff", .stroke_width = 1});
    svg.TextCentered(plot.x - 8, y, FormatTick(t),
                     {.size = 11, .fill = "#666666", .anchor = TextAnchor::kEnd});
  }
  svg.Rect(plot.x, plot.y, plot.w, plot.h, {.stroke = "#b8b8b8", .stroke_width = 1});
  svg.Line({split.x, plot.y}, {split.x, plot.bottom()},
           {.stroke = "#8a8a8a", .stroke_width = 1.2, .dash = "6 4"});
  svg.Line({plot.x, split.y}, {plot.right(), split.y},
           {.stroke = "#8a8a8a", .stroke_width = 1.2, .dash = "6 4"});
  svg.Text(
      plot.x + plot.w / 2, plot.bottom() + 44, FitText(in.x_title, plot.w, 14, FontWeight::kBold),
      {.size = 14, .weight = FontWeight::kBold, .fill = "#333333", .anchor = TextAnchor::kMiddle});
  svg.TextCentered(plot.x - 50, plot.y + plot.h / 2,
                   FitText(in.y_title, plot.h, 14, FontWeight::kBold),
                   {.size = 14,
                    .weight = FontWeight::kBold,
                    .fill = "#333333",
                    .anchor = TextAnchor::kMiddle,
                    .rotate = -90});
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
    svg.Circle(from, kPreviousRadius,
               {.fill = "#ffffff", .stroke = "#8c8c8c", .stroke_width = 1.2});
    svg.Arrow({from.x + (to.x - from.x) * start, from.y + (to.y - from.y) * start},
              {from.x + (to.x - from.x) * stop, from.y + (to.y - from.y) * stop}, "#8c8c8c", 1.3,
              7);
  }
  svg.EndGroup();

  // What each score could be given the missing evidence: bars through the point, clamped to the
  // plot. A point whose bars stay inside its quadrant is placed with certainty.
  svg.BeginGroup("ranges");
  for (size_t i = 0; i < in.points.size(); ++i) {
    const QuadrantPoint& p = in.points[i];
    const Point at = layout.positions[i];
    const std::string_view color = kColors[QuadrantOf(in, p)].marker;
    auto clamp_x = [&](double v) { return std::clamp(v, in.x_min, in.x_max); };
    auto clamp_y = [&](double v) { return std::clamp(v, in.y_min, in.y_max); };
    const Paint bar{.stroke = color, .stroke_width = 1.4, .opacity = 0.55};
    if (Finite(p.x_low) && Finite(p.x_high) && *p.x_high > *p.x_low) {
      const double x0 = scale.Map(clamp_x(*p.x_low), p.y).x, x1 = scale.Map(clamp_x(*p.x_high), p.y).x;
      svg.Line({x0, at.y}, {x1, at.y}, bar);
      svg.Line({x0, at.y - 4}, {x0, at.y + 4}, bar);
      svg.Line({x1, at.y - 4}, {x1, at.y + 4}, bar);
    }
    if (Finite(p.y_low) && Finite(p.y_high) && *p.y_high > *p.y_low) {
      const double y0 = scale.Map(p.x, clamp_y(*p.y_low)).y, y1 = scale.Map(p.x, clamp_y(*p.y_high)).y;
      svg.Line({at.x, y0}, {at.x, y1}, bar);
      svg.Line({at.x - 4, y0}, {at.x + 4, y0}, bar);
      svg.Line({at.x - 4, y1}, {at.x + 4, y1}, bar);
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
    std::string tooltip =
        fmt::format("{}: {} {:.1f}, {} {:.1f}", p.name, in.x_title, p.x, in.y_title, p.y);
    if (layout.previous[i]) {
      tooltip += fmt::format("{}{:.1f}, {:.1f}{}",
                             Localized(lang, " (12 months earlier: ", "（12 个月前："),
                             *p.previous_x, *p.previous_y, Localized(lang, ")", "）"));
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
    svg.Text(b.x + kLabelPad, b.y + kLabelPad + kQuadrantLabelSize * kTextAscent, layout.names[i],
             {.size = kQuadrantLabelSize, .fill = "#1a1a1a", .halo = true});
  }
  svg.EndGroup();

  const bool any_range = std::any_of(in.points.begin(), in.points.end(), [](const QuadrantPoint& p) {
    return Finite(p.x_low) && Finite(p.x_high) && (*p.x_high > *p.x_low || (Finite(p.y_low) && Finite(p.y_high) && *p.y_high > *p.y_low));
  });
  svg.Footnote(2, lang == ChartLanguage::kChinese ? fmt::format("模型：{} · 截至 {}", in.model_name, in.as_of)
                                                  : fmt::format("Model: {} · as of {}", in.model_name, in.as_of));
  svg.Footnote(1, fmt::format("{}{}", Localized(lang, "Small grey ring → dot: movement over 12 months",
                                                "小灰圈 → 点：近 12 个月的变化"),
                              any_range ? Localized(lang, " · bars: what a score could be given the missing evidence · hollow dot: quadrant uncertain",
                                                    " · 线段：缺失证据下得分的可能范围 · 空心点：象限不确定")
                                        : ""));
  if (!left_out.empty()) {
    svg.Footnote(
        0, fmt::format("{}{}", Localized(lang, "Not placed (too little evidence): ", "未放置（证据不足）："),
                       fmt::join(left_out, "; ")));
  }
  return svg.Finish();
}

}  // namespace oscm::report
