#include "report/charts/funnel_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

constexpr std::string_view kStepColor[4] = {"#bcd5ea", "#86b2d8", "#4e86b8", "#2b5d8a"};
constexpr std::string_view kStepText[4] = {"#16324d", "#16324d", "#ffffff", "#ffffff"};

std::string PercentText(double fraction) {
  const double p = fraction * 100;
  // Small conversions keep a decimal (0.4% is not 0%).
  return (p < 10 ? SvgNumber(std::round(p * 10) / 10) : SvgNumber(std::round(p))) + "%";
}

}  // namespace

std::string_view FunnelStepName(int step, ChartLanguage lang) {
  switch (step) {
    case 0:
      return Localized(lang, "Audience", "关注者");
    case 1:
      return Localized(lang, "Users", "用户");
    case 2:
      return Localized(lang, "Contributors", "贡献者");
    default:
      return Localized(lang, "Core", "核心");
  }
}

std::string RenderFunnelSvg(const FunnelChartInput& in) {
  const ChartLanguage lang = in.language;
  SvgWriter svg(in.width, in.height, in.title);
  svg.Title(in.title);

  Legend caption(lang);
  caption.Text(std::string(Localized(lang, "Bar widths grow with the logarithm of the number of people; counts are exact.",
                                     "条宽按人数的对数增长；数字为实际人数。")));
  caption.Text(in.caption);
  const double caption_height = caption.Height(in.width - 48);
  // Four bars and three gaps (each 0.7 of a bar) between the title and the caption.
  const double top = 70;
  const double room = in.height - top - 16 - caption_height;
  const double kBarHeight = std::clamp(room / (4 + 3 * 0.7), 40.0, 80.0);
  const double kGap = kBarHeight * 0.7;
  const double center = in.width / 2;
  const double max_width = in.width - 2 * 150;
  const double min_width = 150;  // wide enough for the step name and count
  double max_log = 0;
  for (const auto& n : in.people) max_log = std::max(max_log, LogPeople(n.value_or(0)));
  double widths[4];
  for (int i = 0; i < 4; ++i) {
    // An unmeasured step is drawn as wide as the widest, outlined: the funnel's shape must not
    // come from missing data.
    const double l = in.people[i] ? LogPeople(*in.people[i]) : max_log;
    widths[i] = min_width + (max_log > 0 ? (max_width - min_width) * l / max_log : 0);
  }

  svg.BeginGroup("funnel");
  for (int i = 0; i < 4; ++i) {
    const double y = top + i * (kBarHeight + kGap);
    if (i < 3) {
      // A pale trapezoid joins this bar to the next, and the conversion sits on it.
      const double next_y = y + kBarHeight + kGap;
      svg.Polygon({{center - widths[i] / 2, y + kBarHeight},
                   {center + widths[i] / 2, y + kBarHeight},
                   {center + widths[i + 1] / 2, next_y},
                   {center - widths[i + 1] / 2, next_y}},
                  {.fill = "#eef3f8"});
      const std::string conversion =
          in.conversion[i] ? fmt::format("↓ {} {}", PercentText(*in.conversion[i]),
                                         Localized(lang, "within 12 months", "在 12 个月内转化"))
                           : std::string(Localized(lang, "↓ n/a (no data)", "↓ 无数据"));
      svg.TextCentered(center, y + kBarHeight + kGap / 2, conversion,
                       {.size = 12,
                        .weight = FontWeight::kBold,
                        .fill = in.conversion[i] ? "#333333" : "#999999",
                        .anchor = TextAnchor::kMiddle});
    }
    const bool measured = in.people[i].has_value();
    if (measured) {
      svg.Rect(center - widths[i] / 2, y, widths[i], kBarHeight, {.fill = kStepColor[i]}, 4);
    } else {
      svg.Rect(center - widths[i] / 2, y, widths[i], kBarHeight,
               {.fill = "#ffffff", .stroke = "#b0b0b0", .stroke_width = 1.2, .dash = "5 4"}, 4);
    }
    svg.TextCentered(center, y + kBarHeight * 0.34, FunnelStepName(i, lang),
                     {.size = 13, .fill = measured ? kStepText[i] : "#777777", .anchor = TextAnchor::kMiddle});
    svg.TextCentered(center, y + kBarHeight * 0.7,
                     measured ? FormatCount(*in.people[i]) : std::string(Localized(lang, "no data", "无数据")),
                     {.size = 17,
                      .weight = FontWeight::kBold,
                      .fill = measured ? kStepText[i] : "#999999",
                      .anchor = TextAnchor::kMiddle});
  }
  svg.EndGroup();

  caption.Draw(svg, {24, in.height - 8 - caption_height, in.width - 48, caption_height});
  return svg.Finish();
}

}  // namespace oscm::report
