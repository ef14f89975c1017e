#include "report/charts/flywheel_chart.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "report/charts/chart_legend.h"
#include "report/charts/label_placement.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

constexpr double kNodeRadius = 64;
constexpr double kLinkLabelSize = 13;
constexpr std::string_view kNodeColor[3] = {"#4e79a7", "#59a14f", "#f28e2b"};

char Letter(FlywheelNode n) {
  return n == FlywheelNode::kB ? 'B' : n == FlywheelNode::kC ? 'C' : 'P';
}
int Index(FlywheelNode n) { return static_cast<int>(n); }

std::string_view NodeName(int i, ChartLanguage lang) {
  switch (i) {
    case 0:
      return Localized(lang, "Enterprise users", "企业用户");
    case 1:
      return Localized(lang, "Talent", "人才");
    default:
      return Localized(lang, "Product", "产品");
  }
}

std::string Percent(double fraction) {
  const double p = std::round(fraction * 100);
  return fmt::format("{}{}%", p > 0 ? "+" : "", SvgNumber(p));
}

bool Measured(const FlywheelLink& l) { return l.lag_months && l.rho && std::isfinite(*l.rho); }
bool Finite(const std::optional<double>& v) { return v && std::isfinite(*v); }

}  // namespace

std::string FlywheelLinkLabel(const FlywheelLink& link, ChartLanguage lang) {
  const std::string pair = fmt::format("{}→{}", Letter(link.from), Letter(link.to));
  if (!Measured(link)) return fmt::format("{} {}", pair, Localized(lang, "n/a", "无数据"));
  const std::string rho = fmt::format("ρ={:.2f}", *link.rho);
  return lang == ChartLanguage::kChinese
             ? fmt::format("{} 领先 {} 个月, {}", pair, *link.lag_months, rho)
             : fmt::format("{} {}{} mo, {}", pair, *link.lag_months > 0 ? "+" : "",
                           *link.lag_months, rho);
}

std::string RenderFlywheelSvg(const FlywheelChartInput& in) {
  const ChartLanguage lang = in.language;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);
  if (Finite(in.momentum)) {
    svg.Text(24, 62,
             fmt::format("{} {:.2f}", Localized(lang, "Momentum", "飞轮动量"), *in.momentum),
             {.size = 13, .fill = "#444444"});
  }

  const std::string legend =
      std::string(Localized(lang,
                            "X→Y +n mo: X leads Y by n months · width: |ρ| (rank correlation) · %: "
                            "12-month growth · association, not cause",
                            "X→Y 领先 n 个月：X 领先 Y n 个月 · 线宽：|ρ|（秩相关） · 百分比：12 "
                            "个月增长 · 表示关联，不代表因果"));
  Legend caption(lang);
  caption.Text(legend);
  caption.Text(in.caption);
  const double caption_height = caption.Height(in.width - 48);
  // The drawing between the title (and momentum) and the caption.
  const Box area{16, 72, in.width - 32, in.height - 72 - 16 - caption_height};

  // B at the top, C bottom right, P bottom left: the cycle B→C→P→B runs clockwise. The triangle's
  // height is 1.5 radii; with the nodes it takes 1.5 r + 2 node radii.
  const double radius = std::max(40.0, std::min(area.w * 0.34, (area.h - 2 * kNodeRadius - 8) / 1.5));
  const Point center{area.x + area.w / 2, area.y + kNodeRadius + 4 + radius};
  const Point nodes[3] = {{center.x, center.y - radius},
                          {center.x + radius * std::cos(std::numbers::pi / 6),
                           center.y + radius * std::sin(std::numbers::pi / 6)},
                          {center.x - radius * std::cos(std::numbers::pi / 6),
                           center.y + radius * std::sin(std::numbers::pi / 6)}};

  struct Shape {
    const FlywheelLink* link;
    Point start, control, shaft_end, tip;
    double width;
    std::string_view color;
    std::string label;
  };
  std::vector<Shape> shapes;
  std::vector<Segment> curves;
  std::vector<LabelRequest> requests;
  for (const FlywheelLink& link : in.links) {
    const Point a = nodes[Index(link.from)];
    const Point b = nodes[Index(link.to)];
    if (Index(link.from) == Index(link.to)) continue;
    // A quadratic curve bowed to the left of its direction, so that X→Y and Y→X never overlap.
    const Point control{(a.x + b.x) / 2 + (b.y - a.y) * 0.32, (a.y + b.y) / 2 - (b.x - a.x) * 0.32};
    // Trim both ends to the node circles (plus a gap for the arrow head).
    auto along = [&](Point from, Point toward, double dist) {
      const double l = std::hypot(toward.x - from.x, toward.y - from.y);
      return Point{from.x + (toward.x - from.x) * dist / l,
                   from.y + (toward.y - from.y) * dist / l};
    };
    const bool measured = Measured(link);
    const double width = measured ? 1.5 + 7 * std::min(1.0, std::abs(*link.rho)) : 1.5;
    const double head = 10 + width * 1.2;
    const Point tip = along(b, control, kNodeRadius + 4);
    Shape shape{&link,
                along(a, control, kNodeRadius + 6),
                control,
                along(tip, control, head * 0.8),
                tip,
                width,
                !measured        ? "#b3b3b3"
                : *link.rho >= 0 ? "#3b6e8f"
                                 : "#c0504d",
                FlywheelLinkLabel(link, lang)};
    // The curve as line segments (labels avoid crossing curves), and its label anchored at its
    // apex.
    Point prev = shape.start;
    for (int k = 1; k <= 12; ++k) {
      const double t = k / 12.0;
      const Point p{
          (1 - t) * (1 - t) * shape.start.x + 2 * t * (1 - t) * control.x + t * t * shape.tip.x,
          (1 - t) * (1 - t) * shape.start.y + 2 * t * (1 - t) * control.y + t * t * shape.tip.y};
      curves.push_back({prev, p});
      prev = p;
    }
    const Point apex{(shape.start.x + 2 * control.x + shape.tip.x) / 4,
                     (shape.start.y + 2 * control.y + shape.tip.y) / 4};
    const FontWeight weight = measured ? FontWeight::kBold : FontWeight::kRegular;
    requests.push_back({apex, width / 2 + 3, TextWidth(shape.label, kLinkLabelSize, weight) + 4,
                        kLinkLabelSize * (kTextAscent + kTextDescent) + 4});
    shapes.push_back(std::move(shape));
  }
  std::vector<Box> node_boxes;
  for (const Point& n : nodes) node_boxes.push_back(MarkerBox(n, kNodeRadius));
  const PlacementResult placed = PlaceLabels(requests, area, node_boxes, curves);

  svg.BeginGroup("links");
  for (const Shape& shape : shapes) {
    svg.Path(PathData().MoveTo(shape.start).QuadTo(shape.control, shape.shaft_end),
             {.stroke = shape.color,
              .stroke_width = shape.width,
              .dash = Measured(*shape.link) ? "" : "6 5"});
    const double head = 10 + shape.width * 1.2;
    svg.Polygon(ArrowHead(shape.tip, {shape.tip.x - shape.control.x, shape.tip.y - shape.control.y},
                          head, head * 0.5),
                {.fill = shape.color});
  }
  for (size_t i = 0; i < shapes.size(); ++i) {
    const Box& box = placed.labels[i].box;
    if (placed.labels[i].leader) {
      svg.Line(requests[i].anchor, NearestPointOnBox(box, requests[i].anchor),
               {.stroke = "#9a9a9a", .stroke_width = 0.8});
    }
    const bool measured = Measured(*shapes[i].link);
    svg.Text(box.x + 2, box.y + 2 + kLinkLabelSize * kTextAscent, shapes[i].label,
             {.size = kLinkLabelSize,
              .weight = measured ? FontWeight::kBold : FontWeight::kRegular,
              .fill = measured ? "#222222" : "#8c8c8c",
              .halo = true});
  }
  svg.EndGroup();

  svg.BeginGroup("nodes");
  for (int i = 0; i < 3; ++i) {
    svg.Circle(nodes[i], kNodeRadius,
               {.fill = kNodeColor[i], .stroke = "#ffffff", .stroke_width = 3});
    const std::string letter(1, "BCP"[i]);
    svg.TextCentered(nodes[i].x, nodes[i].y - 14, letter,
                     {.size = 34,
                      .weight = FontWeight::kBold,
                      .fill = "#ffffff",
                      .anchor = TextAnchor::kMiddle});
    svg.TextCentered(nodes[i].x, nodes[i].y + 16, NodeName(i, lang),
                     {.size = 13, .fill = "#ffffff", .anchor = TextAnchor::kMiddle});
    svg.TextCentered(nodes[i].x, nodes[i].y + 35,
                     Finite(in.growth[i]) ? Percent(*in.growth[i]) : std::string(Localized(lang, "n/a", "无数据")),
                     {.size = 12,
                      .weight = FontWeight::kBold,
                      .fill = "#ffffff",
                      .anchor = TextAnchor::kMiddle});
  }
  svg.EndGroup();

  caption.Draw(svg, {24, in.height - 8 - caption_height, in.width - 48, caption_height});
  return svg.Finish();
}

}  // namespace oscm::report
