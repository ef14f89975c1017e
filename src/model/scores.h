// Dimension scores (popularity, commercial): 0..100 from factors, each factor from weighted
// indicators, each indicator a metric normalised to 0..1 (see oscm/model_spec.h).
//
// Missing data: an indicator whose metric is unavailable is left out and its weight shared among
// the factor's other indicators; a factor whose measured weight is below the model's
// min_factor_coverage is unavailable (never zero) and left out of its dimension the same way; a
// dimension whose measured weight is below min_dimension_coverage is unavailable, so that one
// measured factor cannot stand for a whole dimension.
//
// Every factor and dimension carries its coverage (the share of its indicator weight measured)
// and its range: the lowest and highest value it could take whatever the missing indicators
// turned out to be (all 0 ... all 1). Less evidence widens the range and never moves it off the
// value fuller evidence gives. The value itself is the estimate with missing weight shared out,
// kept inside the range.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/metric_snapshot.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct IndicatorScore {
  const IndicatorSpec* spec = nullptr;
  double weight = 0;             // within its factor, as written in the model
  std::optional<double> raw;     // the metric's value
  std::optional<double> score;   // 0..1
};

struct FactorScore {
  const FactorSpec* spec = nullptr;
  std::optional<double> value;  // 0..100; nullopt when coverage < min_factor_coverage
  double coverage = 0;          // 0..1
  double low = 0, high = 100;   // the range given the missing indicators
  std::vector<IndicatorScore> indicators;
};

struct DimensionScore {
  const DimensionSpec* spec = nullptr;
  std::optional<double> value;  // 0..100; nullopt when coverage < min_dimension_coverage
  double coverage = 0;          // factor-weighted mean of the factors' coverage
  double low = 0, high = 100;   // the range given everything missing
  std::vector<FactorScore> factors;
};

// Dimension scores at every month end, as StageTimeline has stages (the last month's at the
// evaluation date): the path a community took. Percentile indicators fall back to their log
// saturation here, as there are no peers per month.
struct ScoreTimeline {
  std::vector<MonthIndex> months;
  std::vector<std::vector<std::optional<double>>> values;  // per dimension (model order), per month
};

// The raw values of an indicator's metric across a landscape (one per community with a value),
// for percentile normalisation.
using PeerValues = std::map<std::string, std::vector<double>>;

// 0..1 for one raw value. `peers` may be null or lack the indicator: percentile indicators then
// fall back to log saturation with their threshold.
double Normalise(const IndicatorSpec& spec, double raw, const PeerValues* peers);

std::vector<DimensionScore> ScoreDimensions(const ModelSpec& model, MetricSnapshot& metrics, const PeerValues* peers);

// The peer values of every percentile indicator for these snapshots (one per community).
PeerValues CollectPeers(const ModelSpec& model, std::vector<MetricSnapshot>& snapshots);

}  // namespace oscm::model
