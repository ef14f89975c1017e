// ModelSpec: the maturity model as data, loaded from a TOML file (models/default.toml is the one
// that ships; see model/model_loader.h and docs/model.md for the file's shape).
//
// Indicators turn registered metrics into 0..1 scores; dimensions (popularity, commercial) are
// weighted factors of indicators; stages are ordered sets of criteria on metric values; the
// quadrant says which dimension is which axis and where the plane is split.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace oscm::model {

enum class Direction { kHigher, kLower };

// How an indicator's raw value becomes a 0..1 score.
enum class Normalisation {
  kLog,         // log(1+x)/log(1+max(x,T)) (OpenSSF criticality score); lower-is-better: 1 - that
  kPercentile,  // rank among the landscape's communities; alone: falls back to kLog with T
  kLinear,      // (x-min)/(max-min), clamped
};

struct IndicatorSpec {
  std::string id;
  std::string metric;  // a registered metric id
  Direction direction = Direction::kHigher;
  Normalisation normalisation = Normalisation::kLog;
  double threshold = 0;  // T for kLog (and kPercentile's fallback)
  double min = 0, max = 0;  // kLinear
  int line = 0;
};

struct WeightedIndicator {
  std::string indicator;  // an IndicatorSpec id
  double weight = 1;
};

struct FactorSpec {
  std::string id;
  std::string name_en, name_zh;
  double weight = 1;
  std::vector<WeightedIndicator> indicators;
  int line = 0;
};

struct DimensionSpec {
  std::string id;  // "popularity", "commercial"
  std::string name_en, name_zh;
  std::vector<FactorSpec> factors;
  int line = 0;
};

enum class CompareOp { kGe, kGt, kLe, kLt, kEq, kNe };

struct Criterion {
  std::string metric;  // a registered metric id, over the 12 months ending at the evaluation date
  CompareOp op = CompareOp::kGe;
  double value = 0;
  std::string text;  // as written: "orgs_active >= 5", or "orgs_active >= 3 or adopters >= 3"
  int line = 0;
  // "A or B or C": the criterion passes when any of them does; the first is the criterion's own
  // metric/op/value, the others are here (each without alternatives). Measured evidence comes
  // first by convention, declared facts (a profile) as alternatives.
  std::vector<Criterion> alternatives;
};

struct StageSpec {
  std::string id;  // trigger, development, crystallization, popularity
  std::string name_en, name_zh;
  std::vector<Criterion> criteria;
  double min_pass = 1;  // share of criteria that must pass (1 = all)
  int line = 0;
};

enum class QuadrantKind { kLeaders, kChallengers, kStrategists, kNichePlayers };

struct QuadrantSpec {
  std::string x = "commercial";
  std::string y = "popularity";
  bool median_split = false;  // split at the landscape's medians instead of split_x/split_y
  double split_x = 50, split_y = 50;
  // Per QuadrantKind: {English, Chinese}.
  std::array<std::array<std::string, 2>, 4> labels = {{{"Leaders", "领导者"},
                                                       {"Challengers", "挑战者"},
                                                       {"Strategists", "战略者"},
                                                       {"Niche players", "独特领域者"}}};
};

struct VitalitySpec {
  std::string metric = "commits";  // the activity whose trend decides
  int dormant_months = 6;          // no activity in this many months: dormant
  double declining_ratio = 0.7;    // last 12 months below this share of the 12 before: declining
};

struct RingsSpec {
  double core_share = 0.5;     // core: fewest people making this share of contributions
  double regular_share = 0.3;  // regular: the next people up to core_share + regular_share...
  int regular_min_months = 2;  // ...who were active in at least this many months
};

struct TimelineSpec {
  // A stage must hold this many consecutive month ends to count in the timeline; shorter runs
  // (a metric wavering around a threshold) are absorbed by the stage before them. The ongoing
  // run at the evaluation date always counts.
  int min_months = 3;
  // Hysteresis: a stage is entered as soon as its criteria pass, and left only after they have
  // failed at this many consecutive month ends, so that a metric wavering at a threshold does not
  // flip the headline. 1: leave at once.
  int leave_months = 1;
};

struct FlywheelSpec {
  int months = 36;  // the series compared end at the evaluation date
  int max_lag = 6;
};

struct ModelSpec {
  std::string path;  // the file it was loaded from ("<builtin>" for the shipped default)
  std::string name;
  std::string version;
  double min_factor_coverage = 0.5;     // a factor with less of its weight measured is unavailable
  double min_dimension_coverage = 0.5;  // a dimension with less of its weight measured is unavailable
  std::vector<IndicatorSpec> indicators;
  std::vector<DimensionSpec> dimensions;
  std::vector<StageSpec> stages;  // ordered, first = trigger
  QuadrantSpec quadrant;
  VitalitySpec vitality;
  RingsSpec rings;
  TimelineSpec timeline;
  FlywheelSpec flywheel;

  const IndicatorSpec* FindIndicator(const std::string& id) const;
  const DimensionSpec* FindDimension(const std::string& id) const;
};

}  // namespace oscm::model
