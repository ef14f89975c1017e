#include "metrics/timezone_metrics.h"

#include <cmath>
#include <map>

namespace oscm::metrics {

TzRegion RegionOfOffset(int32_t offset_minutes) {
  if (offset_minutes <= -120) return TzRegion::kAmericas;
  if (offset_minutes <= 240) return TzRegion::kEuropeAfrica;
  return TzRegion::kAsiaPacific;
}

std::optional<double> TzRegions(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty()) return std::nullopt;
  int64_t per_region[3] = {0, 0, 0};
  for (const auto& c : commits) ++per_region[static_cast<int>(RegionOfOffset(c.offset_minutes))];
  int regions = 0;
  for (int64_t n : per_region) regions += (n * 10 >= static_cast<int64_t>(commits.size())) ? 1 : 0;
  return regions;
}

std::optional<double> TzEntropy(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty()) return std::nullopt;
  std::map<int32_t, int64_t> per_offset;
  for (const auto& c : commits) ++per_offset[c.offset_minutes];
  double h = 0;
  const auto total = static_cast<double>(commits.size());
  for (const auto& [offset, n] : per_offset) {
    const double p = static_cast<double>(n) / total;
    h -= p * std::log2(p);
  }
  return h == 0 ? 0.0 : h;  // no "-0"
}

std::optional<double> WorkingHoursShare(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty()) return std::nullopt;
  int64_t in_hours = 0;
  for (const auto& c : commits) {
    const int64_t local = c.time + int64_t{c.offset_minutes} * 60;
    const int day = DayOfWeek(local);
    const int hour = HourOfDay(local);
    in_hours += (day < 5 && hour >= 9 && hour < 18) ? 1 : 0;
  }
  return static_cast<double>(in_hours) / static_cast<double>(commits.size());
}

}  // namespace oscm::metrics
