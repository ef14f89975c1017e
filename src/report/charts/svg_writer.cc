#include "report/charts/svg_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "oscm/status.h"

namespace oscm::report {

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string SvgNumber(double v) {
  if (!std::isfinite(v)) v = 0;
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

void PathData::Append(char command, std::initializer_list<double> values) {
  if (!d_.empty()) d_ += ' ';
  d_ += command;
  for (const double v : values) {
    d_ += ' ';
    d_ += SvgNumber(v);
  }
}

PathData& PathData::MoveTo(Point p) {
  Append('M', {p.x, p.y});
  return *this;
}
PathData& PathData::LineTo(Point p) {
  Append('L', {p.x, p.y});
  return *this;
}
PathData& PathData::QuadTo(Point control, Point p) {
  Append('Q', {control.x, control.y, p.x, p.y});
  return *this;
}
PathData& PathData::ArcTo(double radius, bool large_arc, bool sweep, Point p) {
  Append('A', {radius, radius, 0, large_arc ? 1.0 : 0.0, sweep ? 1.0 : 0.0, p.x, p.y});
  return *this;
}
PathData& PathData::Close() {
  Append('Z', {});
  return *this;
}

SvgWriter::SvgWriter(double width, double height, std::string_view title)
    : width_(width), height_(height) {
  out_ = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" "
      "font-family=\"{2}\">\n<title>{3}</title>\n<rect width=\"{0}\" height=\"{1}\" "
      "fill=\"#ffffff\"/>\n",
      SvgNumber(width), SvgNumber(height), kChartFontFamily, XmlEscape(title));
}

void SvgWriter::PaintAttributes(const Paint& paint) {
  out_ += fmt::format(" fill=\"{}\"", paint.fill);
  if (paint.stroke != "none") {
    out_ += fmt::format(" stroke=\"{}\" stroke-width=\"{}\"", paint.stroke,
                        SvgNumber(paint.stroke_width));
    if (!paint.dash.empty()) out_ += fmt::format(" stroke-dasharray=\"{}\"", paint.dash);
  }
  if (paint.opacity != 1) out_ += fmt::format(" opacity=\"{}\"", SvgNumber(paint.opacity));
}

void SvgWriter::Rect(double x, double y, double w, double h, const Paint& paint,
                     double corner_radius) {
  out_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", SvgNumber(x),
                      SvgNumber(y), SvgNumber(w), SvgNumber(h));
  if (corner_radius > 0) out_ += fmt::format(" rx=\"{}\"", SvgNumber(corner_radius));
  PaintAttributes(paint);
  out_ += "/>\n";
}

void SvgWriter::Line(Point a, Point b, const Paint& paint) {
  out_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"", SvgNumber(a.x),
                      SvgNumber(a.y), SvgNumber(b.x), SvgNumber(b.y));
  PaintAttributes(paint);
  out_ += "/>\n";
}

namespace {
std::string PointList(const std::vector<Point>& points) {
  std::string s;
  for (const Point& p : points) {
    if (!s.empty()) s += ' ';
    s += SvgNumber(p.x) + "," + SvgNumber(p.y);
  }
  return s;
}
}  // namespace

void SvgWriter::Polyline(const std::vector<Point>& points, const Paint& paint) {
  out_ += fmt::format("<polyline points=\"{}\" stroke-linejoin=\"round\"", PointList(points));
  PaintAttributes(paint);
  out_ += "/>\n";
}

void SvgWriter::Polygon(const std::vector<Point>& points, const Paint& paint) {
  out_ += fmt::format("<polygon points=\"{}\"", PointList(points));
  PaintAttributes(paint);
  out_ += "/>\n";
}

void SvgWriter::Circle(Point center, double radius, const Paint& paint) {
  out_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\"", SvgNumber(center.x),
                      SvgNumber(center.y), SvgNumber(radius));
  PaintAttributes(paint);
  out_ += "/>\n";
}

void SvgWriter::Path(const PathData& d, const Paint& paint) {
  out_ += fmt::format("<path d=\"{}\"", d.str());
  PaintAttributes(paint);
  out_ += "/>\n";
}

std::string WithDisplaySize(std::string_view svg, double width, double height) {
  // SvgWriter writes the root's width and height first, before the viewBox.
  const size_t begin = svg.find(" width=\"");
  const size_t view_box = svg.find(" viewBox=\"");
  if (begin == std::string_view::npos || view_box == std::string_view::npos || view_box < begin) return std::string(svg);
  return fmt::format("{} width=\"{}\" height=\"{}\"{}", svg.substr(0, begin), SvgNumber(width), SvgNumber(height),
                     svg.substr(view_box));
}

std::vector<Point> ArrowHead(Point tip, Point direction, double length, double half_width) {
  const double norm = std::hypot(direction.x, direction.y);
  const double ux = norm > 0 ? direction.x / norm : 1;
  const double uy = norm > 0 ? direction.y / norm : 0;
  const Point base{tip.x - ux * length, tip.y - uy * length};
  return {tip,
          {base.x - uy * half_width, base.y + ux * half_width},
          {base.x + uy * half_width, base.y - ux * half_width}};
}

void SvgWriter::Arrow(Point from, Point to, std::string_view color, double width, double head) {
  const double len = std::hypot(to.x - from.x, to.y - from.y);
  if (len <= 0) return;
  // The shaft stops inside the head so that its square end never pokes out of the tip.
  const double shaft = std::max(0.0, len - head * 0.8);
  const Point end{from.x + (to.x - from.x) * shaft / len, from.y + (to.y - from.y) * shaft / len};
  Line(from, end, {.stroke = color, .stroke_width = width});
  Polygon(ArrowHead(to, {to.x - from.x, to.y - from.y}, head, head * 0.45), {.fill = color});
}

void SvgWriter::Text(double x, double y, std::string_view text, const TextStyle& style) {
  out_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"", SvgNumber(x), SvgNumber(y),
                      SvgNumber(style.size));
  if (style.weight == FontWeight::kBold) out_ += " font-weight=\"bold\"";
  if (style.anchor == TextAnchor::kMiddle) out_ += " text-anchor=\"middle\"";
  if (style.anchor == TextAnchor::kEnd) out_ += " text-anchor=\"end\"";
  out_ += fmt::format(" fill=\"{}\"", style.fill);
  if (style.halo) {
    out_ +=
        " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
  }
  if (style.rotate != 0) {
    out_ += fmt::format(" transform=\"rotate({} {} {})\"", SvgNumber(style.rotate), SvgNumber(x),
                        SvgNumber(y));
  }
  out_ += ">" + XmlEscape(text) + "</text>\n";
}

void SvgWriter::TextCentered(double x, double y, std::string_view text, const TextStyle& style) {
  Text(x, y + style.size * kTextCenterToBaseline, text, style);
}

void SvgWriter::Title(std::string_view text) {
  Text(24, 38, FitText(text, width_ - 48, 20, FontWeight::kBold),
       {.size = 20, .weight = FontWeight::kBold, .fill = "#111111"});
}

void SvgWriter::Footnote(int line, std::string_view text) {
  Text(24, height_ - 14 - 20 * line, FitText(text, width_ - 48, 12),
       {.size = 12, .fill = "#666666"});
}

void SvgWriter::Embed(std::string_view document, double x, double y, double w, double h) {
  // The document's root <svg ...> becomes a nested <svg> placed in the box; its viewBox keeps
  // its own coordinates.
  const size_t root_end = document.find('>');
  const size_t view_box = document.find(" viewBox=\"");
  if (root_end == std::string_view::npos || view_box == std::string_view::npos || view_box > root_end) return;
  const size_t vb_begin = view_box + 10;
  const size_t vb_end = document.find('"', vb_begin);
  out_ += fmt::format("<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"{}\">", SvgNumber(x), SvgNumber(y),
                      SvgNumber(w), SvgNumber(h), document.substr(vb_begin, vb_end - vb_begin));
  out_ += document.substr(root_end + 1);
}

void SvgWriter::BeginGroup(std::string_view css_class, std::string_view tooltip) {
  ++open_groups_;
  out_ += css_class.empty() ? std::string("<g>\n") : fmt::format("<g class=\"{}\">\n", css_class);
  if (!tooltip.empty()) out_ += fmt::format("<title>{}</title>\n", XmlEscape(tooltip));
}

void SvgWriter::EndGroup() {
  OSCM_ASSERT(open_groups_ > 0, "EndGroup without BeginGroup");
  --open_groups_;
  out_ += "</g>\n";
}

std::string SvgWriter::Finish() {
  OSCM_ASSERT(open_groups_ == 0, "unbalanced groups");
  return out_ + "</svg>\n";
}

}  // namespace oscm::report
