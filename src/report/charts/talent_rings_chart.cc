#include "report/charts/talent_rings_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"
#include "report/charts/svg_writer.h"
#include "report/charts/time_series_chart.h"

namespace oscm::report {
namespace {

// Neutral, dark to light outwards, so that the core's organisation colours stand out. (Index 0 is
// never drawn: the core ring is drawn by organisation.)
constexpr std::string_view kRingColor[5] = {"", "#7b8794", "#a7b1bc", "#cdd4db", "#e9edf1"};
constexpr double kMinWidth = 14;
constexpr double kHole = 34;

// A ring segment between radii r0 < r1 from angle a0 to a1 (radians, clockwise from 12 o'clock).
PathData Wedge(Point c, double r0, double r1, double a0, double a1) {
  auto at = [&](double r, double a) { return Point{c.x + r * std::sin(a), c.y - r * std::cos(a)}; };
  const bool large = a1 - a0 > std::numbers::pi;
  PathData d;
  d.MoveTo(at(r1, a0))
      .ArcTo(r1, large, true, at(r1, a1))
      .LineTo(at(r0, a1))
      .ArcTo(r0, large, false, at(r0, a0))
      .Close();
  return d;
}

struct Slice {
  std::string_view name;
  double share;
  std::string_view color;
};

// The core's first seven organisations with shares clamped so that they sum to at most 1, plus
// "other" for the rest.
std::vector<Slice> CoreSlices(const TalentRingsInput& in) {
  std::vector<Slice> slices;
  double total = 0;
  for (size_t i = 0; i < in.core_organisations.size() && slices.size() < 7; ++i) {
    const double share = std::clamp(in.core_organisations[i].share, 0.0, 1.0 - total);
    if (share <= 0) continue;
    slices.push_back({in.core_organisations[i].name, share, SeriesColor(i)});
    total += share;
  }
  if (total < 1 - 1e-6)
    slices.push_back({Localized(in.language, "other", "其他"), 1 - total, "#c8c8c8"});
  return slices;
}

}  // namespace

std::string_view RingName(int ring, ChartLanguage lang) {
  switch (ring) {
    case 0:
      return Localized(lang, "Core", "核心");
    case 1:
      return Localized(lang, "Regular", "常规贡献者");
    case 2:
      return Localized(lang, "Casual", "偶尔贡献者");
    case 3:
      return Localized(lang, "Users", "用户");
    default:
      return Localized(lang, "Audience", "关注者");
  }
}

std::string RenderTalentRingsSvg(const TalentRingsInput& in) {
  const ChartLanguage lang = in.language;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);

  Legend caption(lang);
  caption.Text(std::string(Localized(lang, "Ring widths grow with the logarithm of the number of people; counts are exact.",
                                     "环宽按人数的对数增长；数字为实际人数。")));
  caption.Text(in.caption);
  const double caption_height = caption.Height(in.width - 48);
  // The rings on the left; their labels and the core's organisations in a column on the right,
  // at least as wide as its widest line.
  double column = TextWidth(Localized(lang, "Core by organisation", "核心成员所属组织"), 13, FontWeight::kBold);
  for (int i = 0; i < 5; ++i) {
    column = std::max(column, TextWidth(fmt::format("{}  {}", RingName(i, lang),
                                                    in.people[i] ? FormatCount(*in.people[i]) : std::string(Localized(lang, "no data", "无数据"))),
                                        13, i == 0 ? FontWeight::kBold : FontWeight::kRegular));
  }
  column = std::max(column, 200.0);
  const double drawing_height = in.height - 64 - 20 - caption_height - 16;
  const double max_radius = std::max(60.0, std::min(drawing_height, in.width - 24 - 10 - 40 - column - 24) / 2);
  const Point c{24 + max_radius + 10, 64 + max_radius + 10};
  double log_total = 0;
  for (const auto& n : in.people) log_total += LogPeople(n.value_or(0));
  const double room = max_radius - kHole - 5 * kMinWidth;
  double radius[6] = {kHole};
  for (int i = 0; i < 5; ++i) {
    const double l = LogPeople(in.people[i].value_or(0));
    radius[i + 1] = radius[i] + kMinWidth + (log_total > 0 ? room * l / log_total : room / 5);
  }

  svg.BeginGroup("rings");
  for (int i = 4; i >= 1; --i) {
    if (in.people[i]) {
      svg.Circle(c, radius[i + 1], {.fill = kRingColor[i], .stroke = "#ffffff", .stroke_width = 2});
    } else {
      // Not measured: an outline only, so that no one reads an empty ring as zero people.
      svg.Circle(c, radius[i + 1], {.fill = "#ffffff", .stroke = "#b0b0b0", .stroke_width = 1.2, .dash = "5 4"});
    }
  }
  svg.Circle(c, radius[1], {.fill = "#ffffff"});
  // The core ring by organisation, clockwise from 12 o'clock, largest first.
  const std::vector<Slice> slices = CoreSlices(in);
  double angle = 0;
  for (const Slice& slice : slices) {
    const double sweep = slice.share * 2 * std::numbers::pi;
    if (slice.share >= 1 - 1e-9) {
      svg.Circle(c, (radius[0] + radius[1]) / 2,
                 {.stroke = slice.color, .stroke_width = radius[1] - radius[0]});
    } else {
      svg.Path(Wedge(c, radius[0], radius[1], angle, angle + sweep),
               {.fill = slice.color, .stroke = "#ffffff", .stroke_width = 1});
    }
    angle += sweep;
  }
  svg.EndGroup();

  // Ring labels in a column on the right, core at the top; each leader runs from the middle of its
  // ring at 3 o'clock up or down to its row, so leaders never cross.
  svg.BeginGroup("ring-labels");
  const double label_x = c.x + max_radius + 40;
  const double row = 30;
  for (int i = 0; i < 5; ++i) {
    const Point on_ring{c.x + (radius[i] + radius[i + 1]) / 2, c.y};
    const double y = c.y + (i - 2) * row;
    svg.Polyline({on_ring, {on_ring.x, y}, {label_x - 6, y}},
                 {.stroke = "#555555", .stroke_width = 0.8});
    svg.Circle(on_ring, 2.5, {.fill = "#333333"});
    svg.TextCentered(label_x, y,
                     fmt::format("{}  {}", RingName(i, lang),
                                 in.people[i] ? FormatCount(*in.people[i]) : std::string(Localized(lang, "no data", "无数据"))),
                     {.size = 13,
                      .weight = i == 0 ? FontWeight::kBold : FontWeight::kRegular,
                      .fill = "#222222"});
  }
  svg.EndGroup();

  // The core's organisations, as a legend under the ring labels.
  svg.BeginGroup("organisations");
  double y = c.y + 3 * row + 12;
  svg.Text(label_x, y, Localized(lang, "Core by organisation", "核心成员所属组织"),
           {.size = 13, .weight = FontWeight::kBold, .fill = "#222222"});
  y += 22;
  for (const Slice& slice : slices) {
    if (y > in.height - 24 - caption_height) break;
    svg.Rect(label_x, y - 6, 12, 12, {.fill = slice.color}, 2);
    svg.TextCentered(label_x + 18, y,
                     fmt::format("{}  {}%", FitText(slice.name, std::max(80.0, in.width - label_x - 24 - 18 - 50), 12),
                                 SvgNumber(std::round(slice.share * 1000) / 10)),
                     {.size = 12, .fill = "#333333"});
    y += 20;
  }
  svg.EndGroup();

  caption.Draw(svg, {24, in.height - 8 - caption_height, in.width - 48, caption_height});
  return svg.Finish();
}

}  // namespace oscm::report
