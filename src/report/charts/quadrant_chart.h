// The maturity quadrant: the communities of one landscape as points on two 0-100 scores, the
// plane split into four labelled quadrants, each point named (labels never overlap each other,
// never cover a point and never leave the plot) with an arrow from where it stood 12 months
// earlier. The plot keeps a margin inside its axes, so a point at 0 or 100 is drawn whole. A
// point whose name finds no place near it (a crowded landscape) is labelled with a number instead,
// and the legend, outside the plot (beside it on a wide canvas, under it on a tall one), keys the
// numbers to names, explains the symbols, and lists the communities that could not be placed with
// what evidence would place them.
//
// Wiring: x is the model's x dimension (commercial maturity 商业成熟度 by default) and y its y
// dimension (project popularity 项目流行性); split_x/split_y are the model's split points (fixed or
// the landscape median); the quadrant labels are given by position so that a model that swaps the
// axes needs no special case. DefaultQuadrantLabels gives the study's labels for the default axes.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/charts/chart_language.h"
#include "report/charts/label_placement.h"

namespace oscm::report {

struct QuadrantPoint {
  std::string name;  // community name, from data (escaped on output)
  // Clamped to [x_min, x_max] and [y_min, y_max] when drawn. A point whose x or y is not finite
  // (an unavailable score) is left out of the plot, and the caption names it.
  double x = 0;
  double y = 0;
  // Position 12 months before as_of; drawn as a hollow dot with an arrow to the point when both
  // are present.
  std::optional<double> previous_x;
  std::optional<double> previous_y;
  // The range each score could take given the evidence that is missing, drawn as bars through
  // the point; the point is hollow when the ranges reach another quadrant (its place is uncertain).
  std::optional<double> x_low, x_high, y_low, y_high;
  bool uncertain = false;
  // For a point that cannot be placed: what evidence would place it, for the caption.
  std::string needs;
};

struct QuadrantLabels {
  std::string top_left;
  std::string top_right;
  std::string bottom_left;
  std::string bottom_right;
};

// Leaders 领导者 top right, Challengers 挑战者 top left (high popularity, low commercial),
// Strategists 战略者 bottom right, Niche players 独特领域者 bottom left: x = commercial,
// y = popularity.
QuadrantLabels DefaultQuadrantLabels(ChartLanguage lang);

struct QuadrantChartInput {
  std::string title;       // e.g. "Distributed SQL databases"
  std::string model_name;  // for the caption, e.g. "default"
  std::string as_of;       // for the caption, "YYYY-MM-DD"
  std::string x_title;     // e.g. "Commercial maturity 商业成熟度"
  std::string y_title;
  double x_min = 0;
  double x_max = 100;
  double y_min = 0;
  double y_max = 100;
  double split_x = 50;
  double split_y = 50;
  QuadrantLabels labels;
  std::vector<QuadrantPoint> points;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 1080;  // pixels
  double height = 720;
};

// Where everything goes, in pixels; exposed for tests and for the HTML report's image maps. The
// per-point vectors follow the drawn points (input order, without the left-out ones).
struct QuadrantLayout {
  Box plot;
  Box legend;                                  // outside the plot
  bool legend_beside = false;                  // beside the plot (wide canvas), else under it
  std::vector<Point> positions;                // per input point
  std::vector<std::optional<Point>> previous;  // per input point
  std::vector<PlacedLabel> labels;             // per input point
  std::vector<std::string> names;              // per input point, as drawn (long ones end in "…")
  std::vector<int> numbers;                    // per input point: 0 when named, else its key number
  Box quadrant_label_boxes[4];                 // top left, top right, bottom left, bottom right
  std::string quadrant_labels[4];              // as drawn
  int unresolved = 0;                          // labels that could not be placed cleanly
};

inline constexpr double kQuadrantLabelSize = 13;
inline constexpr double kQuadrantMarkerRadius = 6;
inline constexpr double kQuadrantMaxLabelWidth = 240;  // longer names are cut with "…"
// Farther than this from its point (or overlapping anything), a name gives way to a number.
inline constexpr double kQuadrantMaxLeader = 48;
// Between the plot's edge and where the axis range starts and ends.
inline constexpr double kQuadrantInset = 16;

QuadrantLayout LayOutQuadrant(const QuadrantChartInput& input);
std::string RenderQuadrantSvg(const QuadrantChartInput& input);

}  // namespace oscm::report
