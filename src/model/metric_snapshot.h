// MetricSnapshot: registered metrics of one community over one window, computed on first use and
// kept, so that scores, criteria and gaps asking for the same metric compute it once.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/time.h"
#include "metrics/activity.h"
#include "metrics/registry.h"

namespace oscm::model {

class MetricSnapshot {
 public:
  MetricSnapshot(const metrics::CommunityActivity& activity, TimeWindow window)
      : activity_(&activity), window_(window) {}
  // Fixed values and no activity: metrics not given are unavailable. For values computed
  // elsewhere, and for tests of the model on hand-built metric sets.
  explicit MetricSnapshot(std::map<std::string, std::optional<double>> values) : cache_(std::move(values)) {}

  // The metric's value, or nullopt when it is unavailable (or not registered: the model loader
  // rejects unknown ids, so that does not happen with a loaded model).
  std::optional<double> Get(const std::string& metric) {
    auto it = cache_.find(metric);
    if (it != cache_.end()) return it->second;
    const metrics::MetricDef* def = metrics::FindMetric(metric);
    std::optional<double> v =
        def != nullptr && activity_ != nullptr ? def->compute(*activity_, window_) : std::nullopt;
    cache_.emplace(metric, v);
    return v;
  }

 private:
  const metrics::CommunityActivity* activity_ = nullptr;
  TimeWindow window_;
  std::map<std::string, std::optional<double>> cache_;
};

}  // namespace oscm::model
