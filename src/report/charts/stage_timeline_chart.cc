#include "report/charts/stage_timeline_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "report/charts/axis_ticks.h"
#include "report/charts/label_placement.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

constexpr double kRowHeight = 58;
constexpr double kBandHeight = 24;
constexpr double kTop = 96;
constexpr double kBottom = 64;
constexpr double kNameSize = 13;
constexpr double kDateSize = 11;
constexpr double kMaxNameWidth = 260;  // longer community names are cut with "…"

// Text colour that reads on each stage colour.
constexpr std::string_view kStageText[4] = {"#3d3500", "#0d3b1e", "#ffffff", "#ffffff"};

}  // namespace

std::string_view StageColor(int stage) {
  // Viridis at four steps: the order of the stages reads as light to dark.
  constexpr std::string_view kColors[4] = {"#f3d250", "#5ec962", "#2c7fb8", "#4b2a7f"};
  return stage >= 0 && stage < 4 ? kColors[stage] : "#cccccc";
}

std::string RenderStageTimelineSvg(const StageTimelineInput& in) {
  const ChartLanguage lang = in.language;
  MonthIndex first = std::numeric_limits<MonthIndex>::max();
  MonthIndex last = std::numeric_limits<MonthIndex>::min();
  double name_width = 0;
  for (const StageTimelineRow& row : in.rows) {
    name_width = std::max(name_width,
                          TextWidth(FitText(row.name, kMaxNameWidth, kNameSize, FontWeight::kBold),
                                    kNameSize, FontWeight::kBold));
    for (const StageBand& b : row.bands) {
      first = std::min(first, b.from);
      last = std::max(last, b.to);
    }
  }
  if (first > last) first = last = 0;
  const double left = 24 + std::max(name_width, 60.0) + 16;
  const double right = in.width - 28;
  const double height = kTop + static_cast<double>(in.rows.size()) * kRowHeight + 6 + kBottom;
  const double months = static_cast<double>(last + 1 - first);
  auto x_of = [&](MonthIndex m) { return left + (m - first) / months * (right - left); };

  SvgWriter svg(in.width, height, in.title);
  svg.Title(in.title);

  svg.BeginGroup("legend");
  double lx = 24;
  for (int s = 0; s < 4; ++s) {
    svg.Rect(lx, 56, 14, 14, {.fill = StageColor(s)}, 2);
    const std::string_view name = StageName(s, lang);
    svg.TextCentered(lx + 20, 63, name, {.size = 12, .fill = "#333333"});
    lx += 20 + TextWidth(name, 12) + 22;
  }
  svg.EndGroup();

  svg.BeginGroup("axis");
  const double axis_y = kTop + static_cast<double>(in.rows.size()) * kRowHeight + 6;
  for (const YearTick& t : YearTicks(first, last, 12)) {
    const double x = x_of(t.month);
    svg.Line({x, kTop - 8}, {x, axis_y}, {.stroke = "#e3e3e3", .stroke_width = 1});
    svg.Line({x, axis_y}, {x, axis_y + 5}, {.stroke = "#888888", .stroke_width = 1});
    svg.Text(x, axis_y + 20, std::to_string(t.year),
             {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  svg.Line({left, axis_y}, {right, axis_y}, {.stroke = "#888888", .stroke_width = 1});
  svg.EndGroup();

  for (size_t r = 0; r < in.rows.size(); ++r) {
    const StageTimelineRow& row = in.rows[r];
    const double band_y =
        kTop + static_cast<double>(r) * kRowHeight + (kRowHeight - kBandHeight) / 2;
    svg.BeginGroup("community");
    // With a note, name and note share the band's height as two lines.
    const double name_y = band_y + kBandHeight / 2 - (row.note.empty() ? 0 : 7);
    svg.TextCentered(left - 16, name_y,
                     FitText(row.name, kMaxNameWidth, kNameSize, FontWeight::kBold),
                     {.size = kNameSize,
                      .weight = FontWeight::kBold,
                      .fill = "#222222",
                      .anchor = TextAnchor::kEnd});
    if (!row.note.empty()) {
      svg.TextCentered(left - 16, name_y + 16, FitText(row.note, kMaxNameWidth, 11),
                       {.size = 11, .fill = "#777777", .anchor = TextAnchor::kEnd});
    }
    for (const StageBand& b : row.bands) {
      const double x0 = x_of(b.from);
      const double x1 = x_of(b.to + 1);
      const std::string_view name = StageName(b.stage, lang);
      svg.BeginGroup("band", fmt::format("{}: {} {} – {}", row.name, name, FormatMonth(b.from),
                                         FormatMonth(b.to)));
      svg.Rect(x0, band_y, x1 - x0, kBandHeight, {.fill = StageColor(b.stage)});
      if (TextWidth(name, 11) + 8 <= x1 - x0 && b.stage >= 0 && b.stage < 4) {
        svg.TextCentered((x0 + x1) / 2, band_y + kBandHeight / 2, name,
                         {.size = 11, .fill = kStageText[b.stage], .anchor = TextAnchor::kMiddle});
      }
      svg.EndGroup();
    }
    // Transition months above the band; one that would collide with the previous label goes below.
    std::vector<Box> taken;
    for (const StageTransition& t : row.transitions) {
      const double x = x_of(t.month);
      const std::string label = FormatMonth(t.month);
      const double w = TextWidth(label, kDateSize);
      const double label_x = std::clamp(x - w / 2, left, in.width - 8 - w);
      const Box above{label_x, band_y - 4 - kDateSize, w, kDateSize};
      const Box below{label_x, band_y + kBandHeight + 4, w, kDateSize};
      // Labels that would touch count as colliding: keep a gap of a few pixels between dates.
      auto padded = [](const Box& b) { return Box{b.x - 4, b.y, b.w + 8, b.h}; };
      const bool use_above =
          std::none_of(taken.begin(), taken.end(), [&](const Box& b) { return b.Overlaps(padded(above)); });
      const Box& box = use_above ? above : below;
      taken.push_back(padded(box));
      svg.Line({x, use_above ? band_y - 3 : band_y + kBandHeight + 3},
               {x, use_above ? band_y + kBandHeight : band_y},
               {.stroke = "#222222", .stroke_width = 1.2});
      svg.Text(box.x, box.y + kDateSize * 0.85, label, {.size = kDateSize, .fill = "#333333"});
    }
    svg.EndGroup();
  }

  const std::string caption =
      lang == ChartLanguage::kChinese
          ? fmt::format("每月末的生命周期阶段 · 截至 {} · 标注为进入新阶段的月份", in.as_of)
          : fmt::format(
                "Lifecycle stage at each month end · as of {} · dates mark the first month in a "
                "new stage",
                in.as_of);
  svg.Footnote(0, caption);
  return svg.Finish();
}

}  // namespace oscm::report
