#include "model/scores.h"

#include <algorithm>
#include <cmath>

namespace oscm::model {

double Normalise(const IndicatorSpec& spec, double raw, const PeerValues* peers) {
  double s = 0;
  const bool higher = spec.direction == Direction::kHigher;
  const std::vector<double>* values = nullptr;
  if (spec.normalisation == Normalisation::kPercentile && peers != nullptr) {
    auto it = peers->find(spec.id);
    if (it != peers->end() && it->second.size() >= 2) values = &it->second;
  }
  if (spec.normalisation == Normalisation::kLinear) {
    s = std::clamp((raw - spec.min) / (spec.max - spec.min), 0.0, 1.0);
    return higher ? s : 1 - s;
  }
  if (values != nullptr) {
    // Mid-rank percentile: the share of peers below, plus half of those equal (self included).
    double below = 0, equal = 0;
    for (double v : *values) {
      below += v < raw ? 1 : 0;
      equal += v == raw ? 1 : 0;
    }
    s = (below + 0.5 * equal) / static_cast<double>(values->size());
    return higher ? s : 1 - s;
  }
  const double x = std::max(raw, 0.0);
  s = std::log1p(x) / std::log1p(std::max(x, spec.threshold));
  return higher ? s : 1 - s;
}

std::vector<DimensionScore> ScoreDimensions(const ModelSpec& model, MetricSnapshot& metrics, const PeerValues* peers) {
  std::vector<DimensionScore> out;
  for (const DimensionSpec& d : model.dimensions) {
    DimensionScore ds;
    ds.spec = &d;
    double dim_weight = 0, dim_measured = 0, dim_sum = 0, dim_coverage = 0, dim_low = 0, dim_high = 0;
    for (const FactorSpec& f : d.factors) {
      FactorScore fs;
      fs.spec = &f;
      double total = 0, measured = 0, sum = 0;
      for (const WeightedIndicator& wi : f.indicators) {
        IndicatorScore is;
        is.spec = model.FindIndicator(wi.indicator);
        is.weight = wi.weight;
        is.raw = metrics.Get(is.spec->metric);
        if (is.raw) {
          is.score = Normalise(*is.spec, *is.raw, peers);
          measured += wi.weight;
          sum += wi.weight * *is.score;
        }
        total += wi.weight;
        fs.indicators.push_back(is);
      }
      fs.coverage = measured / total;
      fs.low = 100 * sum / total;
      fs.high = 100 * (sum + total - measured) / total;
      if (measured > 0 && fs.coverage + 1e-12 >= model.min_factor_coverage) fs.value = 100 * sum / measured;
      dim_weight += f.weight;
      dim_coverage += f.weight * fs.coverage;
      dim_low += f.weight * fs.low;
      dim_high += f.weight * fs.high;
      if (fs.value) {
        dim_measured += f.weight;
        dim_sum += f.weight * *fs.value;
      }
      ds.factors.push_back(std::move(fs));
    }
    ds.coverage = dim_coverage / dim_weight;
    ds.low = dim_low / dim_weight;
    ds.high = dim_high / dim_weight;
    if (dim_measured > 0 && ds.coverage + 1e-12 >= model.min_dimension_coverage) {
      // Sharing out the weight of unavailable factors can land outside what the measured
      // indicators allow (when an unavailable factor's measured part alone is high); the true
      // value is in the range, so the estimate is kept there.
      ds.value = std::clamp(dim_sum / dim_measured, ds.low, ds.high);
    }
    out.push_back(std::move(ds));
  }
  return out;
}

PeerValues CollectPeers(const ModelSpec& model, std::vector<MetricSnapshot>& snapshots) {
  PeerValues peers;
  for (const IndicatorSpec& i : model.indicators) {
    if (i.normalisation != Normalisation::kPercentile) continue;
    auto& values = peers[i.id];
    for (auto& s : snapshots) {
      if (auto v = s.Get(i.metric)) values.push_back(*v);
    }
  }
  return peers;
}

}  // namespace oscm::model
