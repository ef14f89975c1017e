// Lifecycle stage: the highest stage of the model whose criteria pass, all lower stages passing
// too (trigger has none). Each criterion is "metric op value" over the 12 months ending at the
// evaluation date; a metric without data fails its criterion and says so. The gaps are what the
// next stage still needs: its failing criteria with the value now.
//
// The timeline evaluates the stage at every month end from the first commit's month to the
// evaluation date, smooths out runs shorter than the model's timeline.min_months, and lists the
// transitions (a community can also fall back).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"
#include "model/metric_snapshot.h"
#include "model/scores.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct CriterionResult {
  const Criterion* spec = nullptr;
  std::optional<double> value;                           // of spec->metric
  std::vector<std::optional<double>> alternative_values;  // of spec->alternatives, in order
  bool pass = false;                                     // any of them holds
};

struct StageCheck {
  const StageSpec* spec = nullptr;
  std::vector<CriterionResult> criteria;
  int passed = 0;
  int needed = 0;  // criteria that must pass (min_pass of the criteria, rounded up)
  bool pass = false;
};

struct StageResult {
  int stage = 0;                  // index into the model's stages
  std::vector<StageCheck> checks;  // one per stage, in order (trigger's is empty and passes)
  // The next stage's failing criteria ("orgs_active >= 5, now 2"), empty at the last stage.
  std::vector<std::string> gaps;
  int gaps_needed = 0;  // how many of those must still pass
  // The stage the criteria give today, when it is below `stage`: the stage is held by the
  // timeline's hysteresis (timeline.leave_months) since the month its criteria began to fail.
  std::optional<int> raw_stage;
  std::optional<MonthIndex> failing_since;
};

bool Compare(double value, CompareOp op, double target);
std::string FormatCriterionValue(const Criterion& c, std::optional<double> value);
// The values behind a criterion: "2", or with alternatives "orgs_active 2, adopters no data".
std::string FormatCriterionValues(const CriterionResult& r);

StageResult EvaluateStage(const ModelSpec& model, MetricSnapshot& metrics);
// Makes `stage` the result's stage and recomputes the gaps to the one above it.
void SetStage(StageResult* r, int stage);

struct StageTransition {
  MonthIndex month = 0;  // the month at whose end the new stage was first reached
  int from = 0;
  int to = 0;
};

struct StageTimeline {
  std::vector<MonthIndex> months;  // first commit's month .. as_of's month
  std::vector<int> stages;         // per month, at its end (the last one at as_of), with hysteresis
  std::vector<int> raw;            // per month: the stage its criteria alone give
  std::vector<StageTransition> transitions;
  // When the last stage is held above the raw one: the first month of the current failing run.
  std::optional<MonthIndex> failing_since;
};

// With `scores`, also the dimension scores at each month end (from the same monthly metrics).
StageTimeline EvaluateTimeline(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                               ScoreTimeline* scores = nullptr);

// Runs of a stage shorter than `min_months` between two others take the stage of the run before
// them (see TimelineSpec). The first and the last (ongoing) run are kept. Exposed for tests.
void SmoothStages(int min_months, std::vector<int>* stages);

// Hysteresis over monthly raw stages: up at once, down only after `leave_months` consecutive
// months below the current stage (then to the stage of that month). Exposed for tests.
std::vector<int> HoldStages(int leave_months, const std::vector<int>& raw);

}  // namespace oscm::model
