#include "report/charts/axis_ticks.h"

#include <fmt/format.h>

#include <cmath>

#include "oscm/status.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {

std::vector<double> NiceTicks(double lo, double hi, int target) {
  OSCM_ASSERT(target >= 2, "at least two ticks");
  if (!(hi > lo)) {
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.5;
    lo -= pad;
    hi += pad;
  }
  const double raw = (hi - lo) / (target - 1);
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  }
  std::vector<double> ticks;
  const double first = std::floor(lo / step + 1e-9) * step;
  for (int i = 0;; ++i) {
    const double t = first + i * step;
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    if (t >= hi - step * 1e-9) break;
  }
  return ticks;
}

std::string FormatTick(double v) {
  const double a = std::abs(v);
  if (a >= 1e6) return SvgNumber(std::round(v / 1e4) / 100) + "M";
  if (a >= 1e4) return SvgNumber(std::round(v / 1e3)) + "k";
  if (a >= 1e3) return SvgNumber(std::round(v / 1e2) / 10) + "k";
  return SvgNumber(v);
}

}  // namespace oscm::report
