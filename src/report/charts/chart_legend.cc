#include "report/charts/chart_legend.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/charts/chart_language.h"
#include "report/charts/text_metrics.h"

namespace oscm::report {
namespace {

constexpr double kSwatch = 22;     // symbol width
constexpr double kSwatchGap = 8;   // between symbol and text
constexpr double kKeyGap = 18;     // between key columns
constexpr double kSpace = 8;

}  // namespace

void Legend::Heading(std::string text) { items_.push_back({Item::Kind::kHeading, std::move(text), "#333333"}); }
void Legend::Text(std::string text, std::string_view color) {
  items_.push_back({Item::Kind::kText, std::move(text), color});
}
void Legend::Symbol(LegendSymbol symbol, std::string_view color, std::string text) {
  items_.push_back({Item::Kind::kSymbol, std::move(text), color, symbol});
}
void Legend::Key(std::vector<std::string> entries) {
  items_.push_back({Item::Kind::kKey, "", "#333333", LegendSymbol::kNone, std::move(entries)});
}
void Legend::Space() { items_.push_back({Item::Kind::kSpace, "", ""}); }

std::vector<Legend::Line> Legend::Lines(double width, double* height) const {
  std::vector<Line> lines;
  double y = 0;
  auto add = [&](const Item& item, std::string text, double x, bool first) {
    lines.push_back({&item, std::move(text), x, y + kTextSize * kTextAscent, first});
  };
  for (const Item& item : items_) {
    switch (item.kind) {
      case Item::Kind::kSpace:
        y += kSpace;
        break;
      case Item::Kind::kHeading:
      case Item::Kind::kText: {
        const FontWeight weight = item.kind == Item::Kind::kHeading ? FontWeight::kBold : FontWeight::kRegular;
        bool first = true;
        for (std::string& l : WrapText(item.text, width, kTextSize, weight)) {
          add(item, std::move(l), 0, first);
          first = false;
          y += kLineHeight;
        }
        break;
      }
      case Item::Kind::kSymbol: {
        const double indent = kSwatch + kSwatchGap;
        bool first = true;
        for (std::string& l : WrapText(item.text, width - indent, kTextSize)) {
          add(item, std::move(l), indent, first);
          first = false;
          y += kLineHeight;
        }
        break;
      }
      case Item::Kind::kKey: {
        double widest = 0;
        for (const auto& e : item.entries) widest = std::max(widest, TextWidth(e, kTextSize));
        const double column = std::min(widest, width) + kKeyGap;
        const size_t columns = std::max<size_t>(1, static_cast<size_t>((width + kKeyGap) / column));
        const size_t rows = (item.entries.size() + columns - 1) / columns;
        // Down the first column, then the next, as one reads a list.
        for (size_t r = 0; r < rows; ++r) {
          for (size_t c = 0; c < columns; ++c) {
            const size_t k = c * rows + r;
            if (k >= item.entries.size()) continue;
            add(item, FitText(item.entries[k], column - kKeyGap, kTextSize), static_cast<double>(c) * column, c == 0);
          }
          y += kLineHeight;
        }
        break;
      }
    }
  }
  *height = y;
  return lines;
}

double Legend::Height(double width) const {
  double height = 0;
  Lines(width, &height);
  return height;
}

void Legend::Draw(SvgWriter& svg, const Box& box) const {
  double height = 0;
  const std::vector<Line> lines = Lines(box.w, &height);
  // The lines that fit; when some do not, the last row that fits says how many rows are left.
  auto fits = [&](const Line& l) { return box.y + l.y + kTextSize * kTextDescent <= box.bottom(); };
  size_t shown = 0;
  while (shown < lines.size() && fits(lines[shown])) ++shown;
  if (shown < lines.size() && shown > 0) {
    // Rows left out, counting the one the note replaces.
    const double last_y = lines[shown - 1].y;
    while (shown > 0 && lines[shown - 1].y == last_y) --shown;
    double prev = -1;
    size_t rows = 0;
    for (size_t k = shown; k < lines.size(); ++k) {
      if (lines[k].y != prev) ++rows;
      prev = lines[k].y;
    }
    svg.Text(box.x, box.y + last_y,
             fmt::format(fmt::runtime(Localized(lang_, "… {} more lines not shown", "… 另有 {} 行未显示")), rows),
             {.size = kTextSize, .fill = "#888888"});
  }
  for (size_t k = 0; k < shown; ++k) {
    const Line& l = lines[k];
    const Item& item = *l.item;
    if (item.kind == Item::Kind::kSymbol && l.first) {
      DrawLegendSymbol(svg, item.symbol, item.color, box.x, box.y + l.y - kTextSize * 0.33);
    }
    const bool heading = item.kind == Item::Kind::kHeading;
    svg.Text(box.x + l.x, box.y + l.y, l.text,
             {.size = kTextSize,
              .weight = heading ? FontWeight::kBold : FontWeight::kRegular,
              .fill = item.kind == Item::Kind::kText ? item.color : heading ? "#333333" : "#444444"});
  }
}

void DrawLegendSymbol(SvgWriter& svg, LegendSymbol symbol, std::string_view color, double x, double y) {
  switch (symbol) {
    case LegendSymbol::kNone:
      break;
    case LegendSymbol::kDot:
      svg.Circle({x + 11, y}, 5, {.fill = color, .stroke = "#ffffff", .stroke_width = 1.2});
      break;
    case LegendSymbol::kHollowDot:
      svg.Circle({x + 11, y}, 4.2, {.fill = "#ffffff", .stroke = color, .stroke_width = 2.2});
      break;
    case LegendSymbol::kMove:
      svg.Circle({x + 3, y}, 2.6, {.fill = "#ffffff", .stroke = "#8c8c8c", .stroke_width = 1.1});
      svg.Arrow({x + 6, y}, {x + 16, y}, "#8c8c8c", 1.2, 5);
      svg.Circle({x + 19.5, y}, 3, {.fill = color});
      break;
    case LegendSymbol::kRange:
      svg.Line({x + 1, y}, {x + 21, y}, {.stroke = color, .stroke_width = 1.4, .opacity = 0.7});
      svg.Line({x + 1, y - 4}, {x + 1, y + 4}, {.stroke = color, .stroke_width = 1.4, .opacity = 0.7});
      svg.Line({x + 21, y - 4}, {x + 21, y + 4}, {.stroke = color, .stroke_width = 1.4, .opacity = 0.7});
      break;
    case LegendSymbol::kLine:
      svg.Line({x, y}, {x + 22, y}, {.stroke = color, .stroke_width = 3});
      break;
    case LegendSymbol::kDashedLine:
      svg.Line({x, y}, {x + 22, y}, {.stroke = color, .stroke_width = 2, .dash = "4 3"});
      break;
    case LegendSymbol::kSquare:
      svg.Rect(x + 4, y - 6, 12, 12, {.fill = color}, 2);
      break;
    case LegendSymbol::kNoData:
      svg.Rect(x + 2, y - 6, 18, 12, {.fill = "#ffffff", .stroke = "#b0b0b0", .stroke_width = 1.2, .dash = "3 2"}, 2);
      break;
  }
}

}  // namespace oscm::report
