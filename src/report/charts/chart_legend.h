// Legend: the notes beside or under a plot (what each symbol means, the model and date, names
// keyed by number, what could not be drawn), laid out in a box outside the plot so that they never
// cover data. Items flow top to bottom; text wraps to the box's width; a key's entries go in as
// many columns as fit. What does not fit in the box's height is cut, and the last line says how
// many lines were left out.
// Not thread-safe; build one per chart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/charts/chart_language.h"
#include "report/charts/label_placement.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {

enum class LegendSymbol {
  kNone,
  kDot,         // a filled marker
  kHollowDot,   // an outlined marker
  kMove,        // small grey ring, arrow, dot: a move
  kRange,       // a bar with end caps: a range
  kLine,        // a line swatch
  kDashedLine,  // a dashed line swatch
  kSquare,      // a filled square swatch
  kNoData,      // a dashed outline: not measured
};

class Legend {
 public:
  explicit Legend(ChartLanguage lang) : lang_(lang) {}
  static constexpr double kTextSize = 12;
  static constexpr double kLineHeight = 17;

  void Heading(std::string text);
  void Text(std::string text, std::string_view color = "#555555");
  void Symbol(LegendSymbol symbol, std::string_view color, std::string text);
  // Short entries ("3  etcd") in columns.
  void Key(std::vector<std::string> entries);
  // A gap before the next item.
  void Space();
  bool empty() const { return items_.empty(); }

  // Height of everything at `width`.
  double Height(double width) const;
  // Draws into `box` (top left first); lines below its bottom are left out and counted in the
  // last line drawn.
  void Draw(SvgWriter& svg, const Box& box) const;

 private:
  struct Item {
    enum class Kind { kHeading, kText, kSymbol, kKey, kSpace } kind;
    std::string text;
    std::string_view color;
    LegendSymbol symbol = LegendSymbol::kNone;
    std::vector<std::string> entries;
  };
  struct Line {
    const Item* item = nullptr;
    std::string text;
    double x = 0;  // offset from the box's left
    double y = 0;  // baseline offset from the box's top
    bool first = false;  // the item's first line (where its symbol goes)
  };
  // The lines at `width`, and the height they take.
  std::vector<Line> Lines(double width, double* height) const;

  ChartLanguage lang_;
  std::vector<Item> items_;
};

// Draws `symbol` in the 22 x 12 px swatch whose left edge is x and vertical centre y.
void DrawLegendSymbol(SvgWriter& svg, LegendSymbol symbol, std::string_view color, double x, double y);

}  // namespace oscm::report
