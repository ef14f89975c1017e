// The metric registry: every metric oscm computes, declared as data (id, unit, description,
// compute function), in one table. `oscm metrics` and docs/metrics.md are generated from it.
//
// A compute function returns the metric's value over a window, or nullopt when it cannot be
// computed there (for example a share when there were no commits). Metric ids are stable forever.
// The registry is immutable; compute functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

using ComputeFn = std::optional<double> (*)(const CommunityActivity&, const TimeWindow&);

struct MetricDef {
  std::string_view id;
  std::string_view unit;    // "count", "share", "bits", "months", "hours"
  std::string_view source;  // "git", "gharchive", "profile", "packages"
  std::string_view description;
  ComputeFn compute;
};

// All metrics, sorted by id.
const std::vector<MetricDef>& Registry();
const MetricDef* FindMetric(std::string_view id);

}  // namespace oscm::metrics
