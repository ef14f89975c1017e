#include "metrics/usage_metrics.h"

#include <algorithm>

namespace oscm::metrics {
namespace {

constexpr double kDaysPerMonth = 30.4375;

std::optional<double> LatestSnapshots(const CommunityActivity& a, const TimeWindow& w, const char* metric) {
  std::optional<double> total;
  for (const PackageFacts& p : a.usage.packages) {
    const auto it = p.snapshots.find(metric);
    if (it == p.snapshots.end()) continue;
    // The last fetched before the window's end (snapshots are by time).
    const auto& s = it->second;
    const auto last = std::lower_bound(s.begin(), s.end(), w.end,
                                       [](const auto& snap, int64_t t) { return snap.first < t; });
    if (last == s.begin()) continue;
    total = total.value_or(0) + static_cast<double>(std::prev(last)->second);
  }
  return total;
}

}  // namespace

std::optional<double> Downloads(const CommunityActivity& a, const TimeWindow& w) {
  std::optional<double> per_day;
  for (const PackageFacts& p : a.usage.packages) {
    int64_t days = 0;
    double sum = 0;
    for (const auto& [day, n] : p.downloads) {
      if (!w.Contains(day)) continue;
      ++days;
      sum += static_cast<double>(n);
    }
    if (days > 0) per_day = per_day.value_or(0) + sum / static_cast<double>(days);
    // Docker Hub gives only an all-time pull count: the rate between two counts in the window.
    const auto pulls = p.snapshots.find("pulls_total");
    if (pulls == p.snapshots.end()) continue;
    const std::pair<int64_t, int64_t>* first = nullptr;
    const std::pair<int64_t, int64_t>* last = nullptr;
    for (const auto& snap : pulls->second) {
      if (!w.Contains(snap.first)) continue;
      if (first == nullptr) first = &snap;
      last = &snap;
    }
    if (first != nullptr && last->first - first->first >= kSecondsPerDay && last->second >= first->second) {
      per_day = per_day.value_or(0) + static_cast<double>(last->second - first->second) /
                                          (static_cast<double>(last->first - first->first) / kSecondsPerDay);
    }
  }
  if (!per_day) return std::nullopt;
  return *per_day * kDaysPerMonth;
}

std::optional<double> Dependents(const CommunityActivity& a, const TimeWindow& w) {
  return LatestSnapshots(a, w, "dependents");
}

std::optional<double> DependentRepos(const CommunityActivity& a, const TimeWindow& w) {
  return LatestSnapshots(a, w, "dependent_repos");
}

std::optional<double> OpenRank(const CommunityActivity& a, const TimeWindow& w) {
  double sum = 0;
  int months = 0;
  for (const auto& [month, value] : a.usage.openrank) {
    if (!w.Contains(MonthStart(month))) continue;
    sum += value;
    ++months;
  }
  if (months == 0) return std::nullopt;
  return sum / months;
}

}  // namespace oscm::metrics
