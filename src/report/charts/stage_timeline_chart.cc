#include "report/charts/stage_timeline_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "report/charts/axis_ticks.h"
#include "report/charts/chart_legend.h"
#include "report/charts/label_placement.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

constexpr double kMaxRowHeight = 58;
constexpr double kMinRowHeight = 16;
constexpr double kTop = 96;
constexpr double kAxisHeight = 30;  // year labels under the rows
constexpr double kDateSize = 11;
constexpr double kMaxNameWidth = 260;  // longer community names are cut with "…"

// Text colour that reads on each stage colour.
constexpr std::string_view kStageText[4] = {"#3d3500", "#0d3b1e", "#ffffff", "#ffffff"};

struct Rows {
  double height;      // of one row
  double band;        // of its band
  double name_size;
  bool notes;         // room for a note under the name
  size_t shown;       // rows drawn (the rest are listed)
};

Rows FitRows(size_t rows, double available, bool fixed) {
  if (rows == 0) return {kMaxRowHeight, 24, 13, true, 0};
  double h = fixed ? std::clamp(available / static_cast<double>(rows), kMinRowHeight, kMaxRowHeight) : kMaxRowHeight;
  const size_t shown = fixed ? std::min(rows, static_cast<size_t>(std::max(1.0, std::floor(available / h)))) : rows;
  const double band = std::clamp(h * 0.42, 10.0, 24.0);
  const double name_size = std::clamp(h * 0.5, 10.0, 13.0);
  return {h, band, name_size, h >= 34, shown};
}

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
  for (const StageTimelineRow& row : in.rows) {
    for (const StageBand& b : row.bands) {
      first = std::min(first, b.from);
      last = std::max(last, b.to);
    }
  }
  if (first > last) first = last = 0;

  // The caption under the chart, and what could not be drawn (known once rows and dates are
  // placed, so the caption is measured with room for two lines of it).
  const double text_width = in.width - 48;
  Legend caption(lang);
  caption.Text(lang == ChartLanguage::kChinese
                   ? fmt::format("每月末的生命周期阶段 · 截至 {} · 标注为进入新阶段的月份", in.as_of)
                   : fmt::format("Lifecycle stage at each month end · as of {} · dates mark the first month in a new stage",
                                 in.as_of));
  const bool fixed = in.height > 0;
  const double caption_room = caption.Height(text_width) + (fixed ? 2 * Legend::kLineHeight : 0);
  const double available = fixed ? in.height - kTop - 6 - kAxisHeight - caption_room - 16 : 0;
  Rows rows = FitRows(in.rows.size(), available, fixed);
  // Rows left out are named in two more caption lines.
  if (rows.shown < in.rows.size()) rows = FitRows(in.rows.size(), available - 2 * Legend::kLineHeight, fixed);

  double name_width = 0;
  for (size_t r = 0; r < rows.shown; ++r) {
    name_width = std::max(name_width, TextWidth(FitText(in.rows[r].name, kMaxNameWidth, rows.name_size, FontWeight::kBold),
                                                rows.name_size, FontWeight::kBold));
  }
  const double left = 24 + std::max(name_width, 60.0) + 16;
  const double right = in.width - 28;
  const double axis_y = kTop + static_cast<double>(rows.shown) * rows.height + 6;
  const double months = static_cast<double>(last + 1 - first);
  auto x_of = [&](MonthIndex m) { return left + (m - first) / months * (right - left); };
  auto band_y = [&](size_t r) { return kTop + static_cast<double>(r) * rows.height + (rows.height - rows.band) / 2; };

  // Transition months above the band, else below; a date that would touch another date, a band
  // or a name (of any row) is left out and listed in the caption.
  std::vector<Box> taken;
  for (size_t r = 0; r < rows.shown; ++r) {
    for (const StageBand& b : in.rows[r].bands) taken.push_back({x_of(b.from), band_y(r), x_of(b.to + 1) - x_of(b.from), rows.band});
    taken.push_back({24, band_y(r), left - 24, rows.band});
  }
  struct DateLabel {
    size_t row;
    double x;  // the transition
    std::optional<Box> box;
    std::string text;
  };
  std::vector<DateLabel> dates;
  std::vector<std::string> unlabelled;
  for (size_t r = 0; r < rows.shown; ++r) {
    const StageTimelineRow& row = in.rows[r];
    const double y = band_y(r);
    for (const StageTransition& t : row.transitions) {
      DateLabel d{r, x_of(t.month), std::nullopt, FormatMonth(t.month)};
      const double w = TextWidth(d.text, kDateSize);
      const double label_x = std::clamp(d.x - w / 2, left, in.width - 8 - w);
      const double h = kDateSize * (kTextAscent + kTextDescent);
      // Dates keep a few pixels from each other and from bands.
      auto padded = [](const Box& b) { return Box{b.x - 3, b.y - 1, b.w + 6, b.h + 2}; };
      for (const Box& c : {Box{label_x, y - 3 - h, w, h}, Box{label_x, y + rows.band + 3, w, h}}) {
        if (c.y < kTop - 14 || c.bottom() > axis_y) continue;
        if (std::none_of(taken.begin(), taken.end(), [&](const Box& b) { return b.Overlaps(padded(c)); })) {
          d.box = c;
          taken.push_back(padded(c));
          break;
        }
      }
      if (!d.box) unlabelled.push_back(fmt::format("{} {} {}", row.name, d.text, StageName(t.to_stage, lang)));
      dates.push_back(std::move(d));
    }
  }
  if (rows.shown < in.rows.size()) {
    std::string names;
    for (size_t r = rows.shown; r < in.rows.size(); ++r) names += (names.empty() ? "" : ", ") + in.rows[r].name;
    const std::string text =
        lang == ChartLanguage::kChinese
            ? fmt::format("{} 个社区未显示（空间不足，更高的 --size 可显示）：{}", in.rows.size() - rows.shown, names)
            : fmt::format("Not shown (no room; a taller --size shows them), {}: {}", in.rows.size() - rows.shown, names);
    std::string cut;
    for (const std::string& line : WrapText(text, text_width, Legend::kTextSize, FontWeight::kRegular, 2)) {
      cut += (cut.empty() || lang == ChartLanguage::kChinese ? "" : " ") + line;
    }
    caption.Text(std::move(cut), "#444444");
  }
  if (!unlabelled.empty()) {
    std::string list;
    for (const auto& u : unlabelled) list += (list.empty() ? "" : "; ") + u;
    std::string text = fmt::format("{}{}", Localized(lang, "Dates not labelled (no room): ", "未标注的日期（空间不足）："), list);
    // A list longer than two lines would crowd the caption out: say how many, and where they are.
    if (WrapText(text, text_width, Legend::kTextSize).size() > 2) {
      text = lang == ChartLanguage::kChinese
                 ? fmt::format("{} 个阶段变化日期未标注（空间不足）；每个色带的提示信息给出其起止月份", unlabelled.size())
                 : fmt::format("{} dates of stage changes not labelled (no room); each band's tooltip gives its months",
                               unlabelled.size());
    }
    caption.Text(std::move(text), "#444444");
  }
  const double caption_top = axis_y + kAxisHeight + 4;
  const double height = fixed ? in.height : caption_top + caption.Height(text_width) + 12;

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
  for (const YearTick& t : YearTicks(first, last, static_cast<int>(std::max(2.0, (right - left) / 60)))) {
    const double x = x_of(t.month);
    svg.Line({x, kTop - 8}, {x, axis_y}, {.stroke = "#e3e3e3", .stroke_width = 1});
    svg.Line({x, axis_y}, {x, axis_y + 5}, {.stroke = "#888888", .stroke_width = 1});
    svg.Text(x, axis_y + 20, std::to_string(t.year), {.size = 11, .fill = "#666666", .anchor = TextAnchor::kMiddle});
  }
  svg.Line({left, axis_y}, {right, axis_y}, {.stroke = "#888888", .stroke_width = 1});
  svg.EndGroup();

  for (size_t r = 0; r < rows.shown; ++r) {
    const StageTimelineRow& row = in.rows[r];
    const double y = band_y(r);
    const bool note = rows.notes && !row.note.empty();
    svg.BeginGroup("community", note || row.note.empty() ? "" : fmt::format("{}: {}", row.name, row.note));
    // With a note, name and note share the band's height as two lines.
    const double name_y = y + rows.band / 2 - (note ? 7 : 0);
    svg.TextCentered(left - 16, name_y, FitText(row.name, kMaxNameWidth, rows.name_size, FontWeight::kBold),
                     {.size = rows.name_size, .weight = FontWeight::kBold, .fill = "#222222", .anchor = TextAnchor::kEnd});
    if (note) {
      svg.TextCentered(left - 16, name_y + 16, FitText(row.note, kMaxNameWidth, 11),
                       {.size = 11, .fill = "#777777", .anchor = TextAnchor::kEnd});
    }
    for (const StageBand& b : row.bands) {
      const double x0 = x_of(b.from);
      const double x1 = x_of(b.to + 1);
      const std::string_view name = StageName(b.stage, lang);
      svg.BeginGroup("band", fmt::format("{}: {} {} – {}", row.name, name, FormatMonth(b.from), FormatMonth(b.to)));
      svg.Rect(x0, y, x1 - x0, rows.band, {.fill = StageColor(b.stage)});
      const double label_size = std::min(11.0, rows.band - 2);
      if (TextWidth(name, label_size) + 8 <= x1 - x0 && b.stage >= 0 && b.stage < 4 && label_size >= 9) {
        svg.TextCentered((x0 + x1) / 2, y + rows.band / 2, name,
                         {.size = label_size, .fill = kStageText[b.stage], .anchor = TextAnchor::kMiddle});
      }
      svg.EndGroup();
    }
    for (const DateLabel& d : dates) {
      if (d.row != r) continue;
      svg.Line({d.x, y - 2}, {d.x, y + rows.band + 2}, {.stroke = "#222222", .stroke_width = 1.2});
      if (d.box) svg.Text(d.box->x, d.box->y + kDateSize * kTextAscent, d.text, {.size = kDateSize, .fill = "#333333"});
    }
    svg.EndGroup();
  }

  caption.Draw(svg, {24, caption_top, text_width, height - caption_top - 8});
  return svg.Finish();
}

}  // namespace oscm::report
