// Axis helpers shared by the charts: "nice" tick values and compact tick labels.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/time.h"

namespace oscm::report {

// About `target` evenly spaced ticks at 1, 2 or 5 x 10^k that cover [lo, hi]: the first tick is
// <= lo and the last >= hi. REQUIRES: target >= 2. A degenerate range (lo == hi) is widened.
std::vector<double> NiceTicks(double lo, double hi, int target);

// A tick label: "0", "25", "2.5", "1.2k", "15k", "3M"; at most 3 significant digits shown.
std::string FormatTick(double v);

// log10(1 + people), 0 for negative counts: the scale of ring and funnel widths.
double LogPeople(int64_t people);

// A whole number with thousands separators: "52,310".
std::string FormatCount(int64_t n);

// Ticks for a monthly time axis over [first, last]: January of every `step`th year, with step
// 1, 2, 5, 10, ... chosen so that at most `max_labels` ticks fall in the range.
struct YearTick {
  MonthIndex month;  // a January
  int year;
};
std::vector<YearTick> YearTicks(MonthIndex first, MonthIndex last, int max_labels);

}  // namespace oscm::report
