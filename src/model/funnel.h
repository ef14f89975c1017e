// The user funnel: audience (starred or forked) -> user (opened or commented on an issue) ->
// contributor (opened a pull request, or a commit in git) -> core (in the core ring of some
// 12-month window). For each step, the cohort is the people first seen at that step in the 12
// months that ended a year before the evaluation date (so every one of them had a full year),
// and the rate is the share who reached the next step (or a later one) within 12 months of
// being first seen. "First seen at a step": their first appearance in the community was there.
// Audience and user steps need GH data; contributor -> core comes from git alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct FunnelStep {
  std::string from, to;  // audience, user, contributor, core
  std::optional<int64_t> cohort;   // nullopt when the data for the step is missing
  std::optional<int64_t> reached;
  std::optional<double> rate;      // reached / cohort; nullopt for an empty cohort
};

struct Funnel {
  TimeWindow cohort_window;
  std::vector<FunnelStep> steps;
};

Funnel EvaluateFunnel(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of);

}  // namespace oscm::model
