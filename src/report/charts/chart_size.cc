#include "report/charts/chart_size.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace oscm::report {
namespace {

struct Preset {
  std::string_view name;
  double width, height;  // the canvas
};
constexpr Preset kPresets[] = {{"16:9", 1280, 720}, {"4:3", 960, 720}, {"1:1", 720, 720}};

// PNG pixels and PDF points per canvas pixel for a preset.
constexpr double kPresetPngScale = 1.5;
constexpr double kPdfPointsPerPixel = 0.75;  // 96 px per inch, 72 pt per inch
constexpr double kMinShortSide = 600;
constexpr double kMaxShortSide = 720;

bool ParseWhole(std::string_view s, double* out) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return false;
  *out = v;
  return true;
}

}  // namespace

Result<ChartSize> ParseChartSize(std::string_view text) {
  for (const Preset& p : kPresets) {
    if (text == p.name) return ChartSize{std::string(text), true, p.width, p.height};
  }
  const size_t x = text.find('x');
  ChartSize size{std::string(text), false, 0, 0};
  if (x == std::string_view::npos || !ParseWhole(text.substr(0, x), &size.width) ||
      !ParseWhole(text.substr(x + 1), &size.height)) {
    return InvalidArgumentError(fmt::format("--size '{}': expected 16:9, 4:3, 1:1 or WIDTHxHEIGHT (e.g. 1600x900)", text));
  }
  if (size.width < 100 || size.height < 100 || size.width > 20000 || size.height > 20000) {
    return InvalidArgumentError(fmt::format("--size '{}': width and height must be 100 to 20000", text));
  }
  if (size.width > 3 * size.height || size.height > 3 * size.width) {
    return InvalidArgumentError(fmt::format("--size '{}': too narrow a shape for a chart (at most 3:1 either way)", text));
  }
  return size;
}

Canvas ChartCanvas(const ChartSize& size, ChartFormat format) {
  if (size.preset) return {size.width, size.height};
  const double px = format == ChartFormat::kPdf ? 1 / kPdfPointsPerPixel : 1;
  const double w = size.width * px;
  const double h = size.height * px;
  const double short_side = std::min(w, h);
  const double scale = std::clamp(short_side, kMinShortSide, kMaxShortSide) / short_side;
  return {std::round(w * scale), std::round(h * scale)};
}

ChartFileOptions ChartFileOptionsFor(const ChartSize& size, ChartFormat format) {
  ChartFileOptions o;
  if (size.preset) {
    const double scale = format == ChartFormat::kPng   ? kPresetPngScale
                         : format == ChartFormat::kPdf ? kPdfPointsPerPixel
                                                       : 1;
    o.width = size.width * scale;
    o.height = size.height * scale;
  } else {
    o.width = size.width;
    o.height = size.height;
  }
  return o;
}

}  // namespace oscm::report
