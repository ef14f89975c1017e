#include "report/charts/small_multiples.h"

#include <algorithm>
#include <cmath>

#include "report/charts/chart_legend.h"
#include "report/charts/svg_writer.h"
#include "report/charts/time_series_chart.h"

namespace oscm::report {
namespace {

constexpr double kTop = 60;
constexpr double kMargin = 24;
constexpr double kGap = 8;

}  // namespace

std::string RenderSmallMultiplesSvg(const SmallMultiplesInput& in) {
  const size_t n = std::max<size_t>(in.panels.size(), 1);
  Legend caption(in.language);
  if (!in.caption.empty()) caption.Text(in.caption);
  double width = in.width;
  double height = in.height;
  if (width <= 0 || height <= 0) {
    // Near a 16:9 whole at the natural scale: columns ~ sqrt(n * (16/9) * ph / pw).
    const double pw = in.panel_width * kNaturalPanelScale + kGap;
    const double ph = in.panel_height * kNaturalPanelScale + kGap;
    const size_t columns = std::clamp<size_t>(
        static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(n) * 16.0 / 9.0 * ph / pw))), 1, n);
    const size_t rows = (n + columns - 1) / columns;
    width = 2 * kMargin + static_cast<double>(columns) * pw;
    const double caption_h = caption.empty() ? 0 : caption.Height(width - 2 * kMargin) + 12;
    height = kTop + static_cast<double>(rows) * ph + caption_h + 12;
  }
  const double caption_h = caption.empty() ? 0 : caption.Height(width - 2 * kMargin) + 12;
  const Box area{kMargin, kTop, width - 2 * kMargin, height - kTop - 12 - caption_h};
  const Grid grid = ChooseGrid(n, area.w, area.h, in.panel_width / in.panel_height, 0);
  const double cell_w = area.w / static_cast<double>(grid.columns);
  const double cell_h = area.h / static_cast<double>(grid.rows);
  // One scale for every panel: the cell less the gap, the panel's aspect kept.
  const double scale = std::max(0.0, std::min((cell_w - kGap) / in.panel_width, (cell_h - kGap) / in.panel_height));

  SvgWriter svg(width, height, in.title);
  svg.Title(in.title);
  for (size_t i = 0; i < in.panels.size(); ++i) {
    const double x = area.x + static_cast<double>(i % grid.columns) * cell_w;
    const double y = area.y + static_cast<double>(i / grid.columns) * cell_h;
    svg.BeginGroup("panel");
    svg.Rect(x, y, in.panel_width * scale, in.panel_height * scale, {.stroke = "#e0e0e0", .stroke_width = 1});
    svg.Embed(in.panels[i], x, y, in.panel_width * scale, in.panel_height * scale);
    svg.EndGroup();
  }
  if (!caption.empty()) caption.Draw(svg, {kMargin, height - 8 - (caption_h - 12), width - 2 * kMargin, caption_h - 12});
  return svg.Finish();
}

}  // namespace oscm::report
