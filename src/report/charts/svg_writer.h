// SvgWriter: builds one SVG document from drawing primitives, byte-identical across runs.
//
// Every coordinate goes through SvgNumber (fixed precision, no locale, no "-0"), and every string
// passed as text is XML-escaped, so text from data (community names, organisations) can never
// become markup: "<script>" is drawn as the eight characters it is. Colours, dash patterns and
// path data are trusted strings written by chart code, never data.
// Not thread-safe; one writer per document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/charts/text_metrics.h"

namespace oscm::report {

// Escapes & < > " ' and drops characters XML 1.0 forbids (C0 controls other than tab, LF, CR).
std::string XmlEscape(std::string_view s);

// `v` with at most two decimals, trailing zeros removed: 12, 12.5, 0.33, -4.1.
std::string SvgNumber(double v);

struct Point {
  double x = 0;
  double y = 0;
};

// Fill and stroke of a shape. Colours are SVG colour strings ("#1f77b4", "none").
struct Paint {
  std::string_view fill = "none";
  std::string_view stroke = "none";
  double stroke_width = 1;
  std::string_view dash;  // stroke-dasharray, e.g. "5 4"; empty for a solid line
  double opacity = 1;     // applies to fill and stroke
};

enum class TextAnchor { kStart, kMiddle, kEnd };

struct TextStyle {
  double size = 12;
  FontWeight weight = FontWeight::kRegular;
  std::string_view fill = "#222222";
  TextAnchor anchor = TextAnchor::kStart;
  bool halo = false;  // a white outline behind the glyphs, for text over lines and shapes
  double rotate = 0;  // degrees, around (x, y)
};

// Builds path data ("M 1 2 L 3 4 Z") with SvgNumber formatting.
class PathData {
 public:
  PathData& MoveTo(Point p);
  PathData& LineTo(Point p);
  PathData& QuadTo(Point control, Point p);
  // Circular arc to `p` (SVG "A" command).
  PathData& ArcTo(double radius, bool large_arc, bool sweep, Point p);
  PathData& Close();
  const std::string& str() const { return d_; }

 private:
  void Append(char command, std::initializer_list<double> values);
  std::string d_;
};

class SvgWriter {
 public:
  // A `width` x `height` pixel document with a white background; `title` becomes <title>.
  SvgWriter(double width, double height, std::string_view title);

  void Rect(double x, double y, double w, double h, const Paint& paint, double corner_radius = 0);
  void Line(Point a, Point b, const Paint& paint);
  void Polyline(const std::vector<Point>& points, const Paint& paint);
  void Polygon(const std::vector<Point>& points, const Paint& paint);
  void Circle(Point center, double radius, const Paint& paint);
  void Path(const PathData& d, const Paint& paint);
  // A straight arrow from `from` to `to` whose filled head (length `head`) ends exactly at `to`.
  void Arrow(Point from, Point to, std::string_view color, double width, double head);
  // One line of text with its baseline at y.
  void Text(double x, double y, std::string_view text, const TextStyle& style);
  // One line of text vertically centred on y.
  void TextCentered(double x, double y, std::string_view text, const TextStyle& style);
  // The chart's title, top left (bold, 20 px), cut with "…" to fit the width.
  void Title(std::string_view text);
  // A grey 12 px note at the bottom left: line 0 is the last line, line 1 the one above it.
  void Footnote(int line, std::string_view text);
  // <g> with optional class (a trusted identifier; useful to tests and to CSS in the HTML report)
  // and optional tooltip (a <title> child, escaped; browsers show it on hover).
  // Another document from SvgWriter (trusted: it escaped its own text) drawn into the box at
  // (x, y) of size w x h, scaled to fit with its aspect kept.
  void Embed(std::string_view document, double x, double y, double w, double h);

  void BeginGroup(std::string_view css_class = {}, std::string_view tooltip = {});
  void EndGroup();

  double width() const { return width_; }
  double height() const { return height_; }
  // The finished document. REQUIRES: groups balanced.
  std::string Finish();

 private:
  void PaintAttributes(const Paint& paint);
  std::string out_;
  double width_;
  double height_;
  int open_groups_ = 0;
};

// `svg` (a document from SvgWriter) shown at `width` x `height`: the root element's width and
// height say so, and its viewBox keeps the drawing's own coordinates.
std::string WithDisplaySize(std::string_view svg, double width, double height);

// The filled head of an arrow ending at `tip`, pointing along `direction` (need not be unit).
std::vector<Point> ArrowHead(Point tip, Point direction, double length, double half_width);

}  // namespace oscm::report
