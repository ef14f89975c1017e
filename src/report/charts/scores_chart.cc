#include "report/charts/scores_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"
#include "report/charts/label_placement.h"
#include "report/charts/svg_writer.h"
#include "report/charts/time_series_chart.h"

namespace oscm::report {
namespace {

constexpr std::string_view kTint[4] = {"#eaf2fb", "#e9f5ec", "#f4eff9", "#fdf1e4"};  // TL, TR, BL, BR
constexpr std::string_view kCornerText[4] = {"#1a4f8f", "#1f6b30", "#5a3a88", "#a84f08"};
constexpr double kInset = 10;

bool Has(const std::optional<double>& v) { return v && std::isfinite(*v); }

struct Months {
  MonthIndex first = std::numeric_limits<MonthIndex>::max();
  MonthIndex last = std::numeric_limits<MonthIndex>::min();
  bool empty() const { return first > last; }
};

Months MonthsOf(const ScoresChartInput& in) {
  Months m;
  for (const ScorePath& p : in.paths) {
    for (size_t i = 0; i < p.x.size() || i < p.y.size(); ++i) {
      const bool any = (i < p.x.size() && Has(p.x[i])) || (i < p.y.size() && Has(p.y[i]));
      if (!any) continue;
      m.first = std::min(m.first, p.first_month + static_cast<MonthIndex>(i));
      m.last = std::max(m.last, p.first_month + static_cast<MonthIndex>(i));
    }
  }
  return m;
}

// The quadrant plane in `plot`: tints, split lines and, when `corners`, the quadrant names.
struct Plane {
  Box plot;
  Point Map(double x, double y) const {
    return {plot.x + kInset + std::clamp(x, 0.0, 100.0) / 100 * (plot.w - 2 * kInset),
            plot.bottom() - kInset - std::clamp(y, 0.0, 100.0) / 100 * (plot.h - 2 * kInset)};
  }
};

std::vector<Box> DrawPlane(SvgWriter& svg, const Plane& plane, const ScoresChartInput& in, bool corners, bool ticks) {
  const Box& p = plane.plot;
  const Point split = plane.Map(in.split_x, in.split_y);
  const Box areas[4] = {{p.x, p.y, split.x - p.x, split.y - p.y},
                        {split.x, p.y, p.right() - split.x, split.y - p.y},
                        {p.x, split.y, split.x - p.x, p.bottom() - split.y},
                        {split.x, split.y, p.right() - split.x, p.bottom() - split.y}};
  for (int q = 0; q < 4; ++q) svg.Rect(areas[q].x, areas[q].y, areas[q].w, areas[q].h, {.fill = kTint[q]});
  svg.Rect(p.x, p.y, p.w, p.h, {.stroke = "#c8c8c8", .stroke_width = 1});
  svg.Line({split.x, p.y}, {split.x, p.bottom()}, {.stroke = "#8a8a8a", .stroke_width = 1, .dash = "5 4"});
  svg.Line({p.x, split.y}, {p.right(), split.y}, {.stroke = "#8a8a8a", .stroke_width = 1, .dash = "5 4"});
  if (ticks) {
    for (const double t : {0.0, 50.0, 100.0}) {
      svg.Text(plane.Map(t, 0).x, p.bottom() + 15, FormatTick(t), {.size = 10, .fill = "#777777", .anchor = TextAnchor::kMiddle});
      svg.TextCentered(p.x - 5, plane.Map(0, t).y, FormatTick(t), {.size = 10, .fill = "#777777", .anchor = TextAnchor::kEnd});
    }
  }
  std::vector<Box> boxes;
  if (!corners) return boxes;
  const std::string* names[4] = {&in.labels.top_left, &in.labels.top_right, &in.labels.bottom_left, &in.labels.bottom_right};
  for (int q = 0; q < 4; ++q) {
    const std::string text = FitText(*names[q], p.w / 2 - 12, 12, FontWeight::kBold);
    const double w = TextWidth(text, 12, FontWeight::kBold);
    const double x = q % 2 == 0 ? p.x + 6 : p.right() - 6 - w;
    const double y = q < 2 ? p.y + 5 : p.bottom() - 5 - 12 * (kTextAscent + kTextDescent);
    svg.Text(x, y + 12 * kTextAscent, text, {.size = 12, .weight = FontWeight::kBold, .fill = kCornerText[q]});
    boxes.push_back({x, y, w, 12 * (kTextAscent + kTextDescent)});
  }
  return boxes;
}

// One community's path: runs of months with both scores as lines, a ring at its first month, a
// dot at its last, a small dot every January. Returns the last point.
std::optional<Point> DrawPath(SvgWriter& svg, const Plane& plane, const ScorePath& p, std::string_view color,
                              double width) {
  std::vector<Point> run, januaries;
  std::optional<Point> first, last;
  auto flush = [&] {
    if (run.size() > 1) svg.Polyline(run, {.stroke = color, .stroke_width = width, .opacity = 0.85});
    run.clear();
  };
  const size_t n = std::min(p.x.size(), p.y.size());
  for (size_t i = 0; i < n; ++i) {
    if (!Has(p.x[i]) || !Has(p.y[i])) {
      flush();
      continue;
    }
    const Point at = plane.Map(*p.x[i], *p.y[i]);
    if (!first) first = at;
    last = at;
    run.push_back(at);
    if ((p.first_month + static_cast<MonthIndex>(i)) % 12 == 0) januaries.push_back(at);
  }
  flush();
  // Over the line, so that they show.
  for (const Point& at : januaries) svg.Circle(at, width * 1.2, {.fill = color});
  if (first) svg.Circle(*first, 3.5, {.fill = "#ffffff", .stroke = color, .stroke_width = 1.5});
  if (last) svg.Circle(*last, 5, {.fill = color, .stroke = "#ffffff", .stroke_width = 1.2});
  return last;
}

Legend Caption(const ScoresChartInput& in, bool many) {
  const ChartLanguage lang = in.language;
  Legend caption(lang);
  caption.Symbol(LegendSymbol::kMove, "#555555",
                 std::string(Localized(lang, "the path across the quadrant, from a ring at the first month to a dot at the last; small dots: each January",
                                       "在象限中的路径：圆圈为第一个月，实心点为最后一个月；小点为每年一月")));
  if (many) {
    caption.Text(lang == ChartLanguage::kChinese
                     ? fmt::format("横轴：{}；纵轴：{}。右上 {} · 左上 {} · 右下 {} · 左下 {}", in.x_title, in.y_title,
                                   in.labels.top_right, in.labels.top_left, in.labels.bottom_right, in.labels.bottom_left)
                     : fmt::format("x: {}; y: {}. Top right {} · top left {} · bottom right {} · bottom left {}", in.x_title,
                                   in.y_title, in.labels.top_right, in.labels.top_left, in.labels.bottom_right,
                                   in.labels.bottom_left));
  }
  const bool kept = std::any_of(in.paths.begin(), in.paths.end(), [](const ScorePath& p) { return !p.kept.empty(); });
  if (kept && !many) {
    caption.Symbol(LegendSymbol::kSquare, "#555555",
                   std::string(Localized(lang, "squares: the scores assessments kept at their dates (oscm history), from the evidence then",
                                         "方块：历次评估在其日期记录的得分（oscm history），依据当时的证据")));
  }
  if (in.partial_month) {
    caption.Text(fmt::format("{} {}", Localized(lang, "Dashed, hollow point: the month not yet over,", "虚线与空心点：未结束的月份"),
                             FormatMonth(*in.partial_month)));
  }
  if (!in.caption.empty()) caption.Text(in.caption);
  return caption;
}

// Scores per month of one dimension, one line per community.
void DrawTimePanel(SvgWriter& svg, const Box& box, const std::string& title, const ScoresChartInput& in, const Months& months,
                   bool x_dimension) {
  svg.Text(box.x, box.y + 12, FitText(title, box.w, 13, FontWeight::kBold), {.size = 13, .weight = FontWeight::kBold, .fill = "#333333"});
  const Box plot{box.x + 28, box.y + 22, box.w - 28, box.h - 22 - 18};
  const double span = static_cast<double>(std::max<MonthIndex>(months.last - months.first, 1));
  auto x_of = [&](MonthIndex m) { return plot.x + (m - months.first) / span * plot.w; };
  auto y_of = [&](double v) { return plot.bottom() - std::clamp(v, 0.0, 100.0) / 100 * plot.h; };
  for (const double t : {0.0, 25.0, 50.0, 75.0, 100.0}) {
    svg.Line({plot.x, y_of(t)}, {plot.right(), y_of(t)}, {.stroke = t == 0 ? "#999999" : "#e6e6e6", .stroke_width = 1});
    if (static_cast<int>(t) % 50 == 0) {
      svg.TextCentered(plot.x - 6, y_of(t), FormatTick(t), {.size = 10, .fill = "#777777", .anchor = TextAnchor::kEnd});
    }
  }
  const double split = x_dimension ? in.split_x : in.split_y;
  svg.Line({plot.x, y_of(split)}, {plot.right(), y_of(split)}, {.stroke = "#8a8a8a", .stroke_width = 1, .dash = "5 4"});
  if (!months.empty()) {
    for (const YearTick& t : YearTicks(months.first, months.last, static_cast<int>(std::max(2.0, plot.w / 55)))) {
      svg.Line({x_of(t.month), plot.bottom()}, {x_of(t.month), plot.bottom() + 4}, {.stroke = "#888888", .stroke_width = 1});
      svg.Text(x_of(t.month), plot.bottom() + 15, std::to_string(t.year), {.size = 10, .fill = "#777777", .anchor = TextAnchor::kMiddle});
    }
  }
  for (size_t i = 0; i < in.paths.size(); ++i) {
    const ScorePath& p = in.paths[i];
    MetricSeries s{p.name, p.first_month, x_dimension ? p.x : p.y};
    std::vector<Point> run;
    const std::string_view color = SeriesColor(i);
    auto flush = [&] {
      if (run.size() == 1) svg.Circle(run[0], 2, {.fill = color});
      if (run.size() > 1) svg.Polyline(run, {.stroke = color, .stroke_width = 1.8});
      run.clear();
    };
    for (size_t k = 0; k < s.values.size(); ++k) {
      if (!Has(s.values[k])) {
        flush();
        continue;
      }
      const MonthIndex m = s.first_month + static_cast<MonthIndex>(k);
      const Point at{x_of(m), y_of(*s.values[k])};
      if (in.partial_month && m == *in.partial_month) {
        if (!run.empty()) svg.Line(run.back(), at, {.stroke = color, .stroke_width = 1.2, .dash = "3 3"});
        flush();
        svg.Circle(at, 3, {.fill = "#ffffff", .stroke = color, .stroke_width = 1.2});
        continue;
      }
      run.push_back(at);
    }
    flush();
    for (const KeptScore& k : p.kept) {
      const std::optional<double>& v = x_dimension ? k.x : k.y;
      if (!Has(v) || months.empty() || k.month < months.first || k.month > months.last) continue;
      svg.Rect(x_of(k.month) - 4, y_of(*v) - 4, 8, 8, {.fill = color, .stroke = "#ffffff", .stroke_width = 1.2});
    }
  }
}

std::string RenderFew(const ScoresChartInput& in, const Months& months) {
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  svg.BeginGroup("legend");
  double lx = 24, ly = 62;
  for (size_t i = 0; i < in.paths.size(); ++i) {
    const std::string name = FitText(in.paths[i].name, 300, 12);
    const double w = 28 + TextWidth(name, 12) + 18;
    if (lx + w > in.width - 24 && lx > 24) {
      lx = 24;
      ly += 20;
    }
    svg.Line({lx, ly}, {lx + 20, ly}, {.stroke = SeriesColor(i), .stroke_width = 3});
    svg.TextCentered(lx + 26, ly, name, {.size = 12, .fill = "#333333"});
    lx += w;
  }
  svg.EndGroup();
  const Legend caption = Caption(in, false);
  const double caption_h = caption.Height(in.width - 48);
  const Box area{24, ly + 22, in.width - 48, in.height - ly - 22 - 12 - caption_h - 10};
  Box top, bottom, quad;
  if (in.width >= 1.15 * in.height) {
    // Time panels on the left, the plane on the right (square when it can be).
    const double side = std::min(area.h, area.w * 0.45);
    quad = {area.right() - side + 30, area.y, side - 30, side - 34};
    const double left_w = quad.x - area.x - 40;
    top = {area.x, area.y, left_w, area.h / 2 - 4};
    bottom = {area.x, area.y + area.h / 2 + 4, left_w, area.h / 2 - 4};
  } else {
    // Time panels side by side above the plane.
    const double panel_h = area.h * 0.38;
    top = {area.x, area.y, area.w / 2 - 12, panel_h};
    bottom = {area.x + area.w / 2 + 12, area.y, area.w / 2 - 12, panel_h};
    const double side = std::min(area.w, area.h - panel_h - 16);
    quad = {area.x + (area.w - side) / 2 + 15, area.y + panel_h + 16, side - 30, side - 34};
  }
  svg.BeginGroup("scores");
  DrawTimePanel(svg, top, in.y_title, in, months, false);
  DrawTimePanel(svg, bottom, in.x_title, in, months, true);
  svg.EndGroup();

  svg.BeginGroup("paths");
  const Plane plane{quad};
  std::vector<Box> obstacles = DrawPlane(svg, plane, in, true, true);
  svg.Text(quad.x + quad.w / 2, quad.bottom() + 30, FitText(in.x_title, quad.w - 60, 11), {.size = 11, .fill = "#555555", .anchor = TextAnchor::kMiddle});
  svg.TextCentered(quad.x - 22, quad.y + quad.h / 2, FitText(in.y_title, quad.h - 60, 11),
                   {.size = 11, .fill = "#555555", .anchor = TextAnchor::kMiddle, .rotate = -90});
  std::vector<LabelRequest> requests;
  std::vector<size_t> labelled;
  for (size_t i = 0; i < in.paths.size(); ++i) {
    svg.BeginGroup("path", in.paths[i].name);
    const std::optional<Point> end = DrawPath(svg, plane, in.paths[i], SeriesColor(i), 1.6);
    svg.EndGroup();
    if (!end) continue;
    const std::string name = FitText(in.paths[i].name, 160, 12);
    requests.push_back({*end, 5, TextWidth(name, 12) + 4, 12 * (kTextAscent + kTextDescent) + 4});
    labelled.push_back(i);
  }
  const PlacementResult placed = PlaceLabels(requests, quad, obstacles);
  for (size_t k = 0; k < labelled.size(); ++k) {
    const Box& b = placed.labels[k].box;
    if (placed.labels[k].leader) {
      svg.Line(requests[k].anchor, NearestPointOnBox(b, requests[k].anchor), {.stroke = "#9a9a9a", .stroke_width = 0.8});
    }
    svg.Text(b.x + 2, b.y + 2 + 12 * kTextAscent, FitText(in.paths[labelled[k]].name, 160, 12),
             {.size = 12, .fill = "#1a1a1a", .halo = true});
  }
  svg.EndGroup();
  caption.Draw(svg, {24, in.height - 8 - caption_h, in.width - 48, caption_h});
  return svg.Finish();
}

std::string RenderMany(const ScoresChartInput& in) {
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  const Legend caption = Caption(in, true);
  const double caption_h = std::min(caption.Height(in.width - 48), in.height * 0.3);
  const Box area{24, 60, in.width - 48, in.height - 60 - 12 - caption_h - 10};
  const Grid grid = ChooseGrid(in.paths.size(), area.w, area.h, 1.15, 80);
  const double cell_w = area.w / static_cast<double>(grid.columns);
  const double cell_h = area.h / static_cast<double>(grid.rows);
  for (size_t i = 0; i < in.paths.size(); ++i) {
    const Box cell{area.x + static_cast<double>(i % grid.columns) * cell_w, area.y + static_cast<double>(i / grid.columns) * cell_h,
                   cell_w, cell_h};
    svg.BeginGroup("panel", in.paths[i].name);
    svg.Text(cell.x + 4, cell.y + 13, FitText(in.paths[i].name, cell.w - 8, 12, FontWeight::kBold),
             {.size = 12, .weight = FontWeight::kBold, .fill = "#333333"});
    const double side = std::max(20.0, std::min(cell.w - 10, cell.h - 22));
    const Plane plane{{cell.x + 4, cell.y + 18, side, side}};
    DrawPlane(svg, plane, in, false, false);
    if (!DrawPath(svg, plane, in.paths[i], SeriesColor(0), 1.3)) {
      svg.TextCentered(plane.plot.x + side / 2, plane.plot.y + side / 2, Localized(in.language, "no scores", "无得分"),
                       {.size = 10, .fill = "#999999", .anchor = TextAnchor::kMiddle, .halo = true});
    }
    svg.EndGroup();
  }
  caption.Draw(svg, {24, in.height - 8 - caption_h, in.width - 48, caption_h});
  return svg.Finish();
}

}  // namespace

std::string RenderScoresSvg(const ScoresChartInput& in) {
  const Months months = MonthsOf(in);
  return in.paths.size() > kMaxScorePaths ? RenderMany(in) : RenderFew(in, months);
}

}  // namespace oscm::report
