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
#include "oscm/model_spec.h"

namespace oscm::model {

struct CriterionResult {
  const Criterion* spec = nullptr;
  std::optional<double> value;
  bool pass = false;
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
};

bool Compare(double value, CompareOp op, double target);
std::string FormatCriterionValue(const Criterion& c, std::optional<double> value);

StageResult EvaluateStage(const ModelSpec& model, MetricSnapshot& metrics);

struct StageTransition {
  MonthIndex month = 0;  // the month at whose end the new stage was first reached
  int from = 0;
  int to = 0;
};

struct StageTimeline {
  std::vector<MonthIndex> months;  // first commit's month .. as_of's month
  std::vector<int> stages;         // per month, at its end (the last one at as_of)
  std::vector<StageTransition> transitions;
};

StageTimeline EvaluateTimeline(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of);

// Runs of a stage shorter than `min_months` between two others take the stage of the run before
// them (see TimelineSpec). The first and the last (ongoing) run are kept. Exposed for tests.
void SmoothStages(int min_months, std::vector<int>* stages);

}  // namespace oscm::model
