// Writes a chart to a file: SVG as is, PNG and PDF rendered from the same SVG through librsvg and
// cairo, so the three formats show the same drawing (text in the font family the SVG names, which
// resolves to Noto Sans CJK through fontconfig).
// Thread-safe (no shared state of its own).
#pragma once

#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm::report {

enum class ChartFormat { kSvg, kPng, kPdf };

// The format named by `path`'s extension (.svg, .png, .pdf; case-insensitive), or
// kInvalidArgument naming the extension.
Result<ChartFormat> ChartFormatForPath(std::string_view path);

struct ChartFileOptions {
  double png_scale = 2;  // PNG pixels per SVG pixel (2 = sharp on slides and high-DPI screens)
  // The file's size, in pixels (SVG, PNG) or points (PDF); 0: from the SVG's own size (PNG at
  // png_scale, PDF at 0.75 pt per pixel). The drawing is scaled to fill it; give the SVG's aspect
  // (chart_size.h) so that nothing is stretched.
  double width = 0;
  double height = 0;
};

// Writes `svg` (a document from SvgWriter) to `path` in the format its extension names. PDF pages
// are sized at 96 SVG pixels per inch (one pixel = 0.75 pt) unless options say otherwise; an SVG
// given a size keeps its drawing (viewBox) and states the size as its width and height. Errors:
// kInvalidArgument for an unknown extension, kIoError for a path that cannot be written,
// kInternal if librsvg rejects the document.
Status WriteChartFile(std::string_view svg, const std::string& path,
                      const ChartFileOptions& options = {});

}  // namespace oscm::report
