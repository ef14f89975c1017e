#include "report/charts/axis_ticks.h"

#include <fmt/format.h>

#include <algorithm>
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

double LogPeople(int64_t people) {
  return std::log10(1 + static_cast<double>(std::max<int64_t>(people, 0)));
}

std::string FormatCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::vector<YearTick> YearTicks(MonthIndex first, MonthIndex last, int max_labels) {
  const int first_year = static_cast<int>(FloorDiv(first + 11, 12));  // first January >= first
  const int last_year = static_cast<int>(FloorDiv(last, 12));
  std::vector<YearTick> ticks;
  if (last_year < first_year) return ticks;
  int step = 1;
  for (const int s : {1, 2, 5, 10, 20, 50, 100}) {
    step = s;
    if ((last_year - first_year) / s + 1 <= max_labels) break;
  }
  for (int y = (first_year + step - 1) / step * step; y <= last_year; y += step)
    ticks.push_back({y * 12, y});
  return ticks;
}

}  // namespace oscm::report
