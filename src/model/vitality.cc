#include "model/vitality.h"

#include "metrics/registry.h"

namespace oscm::model {

std::string_view VitalityId(VitalityState s) {
  switch (s) {
    case VitalityState::kActive: return "active";
    case VitalityState::kDeclining: return "declining";
    case VitalityState::kDormant: return "dormant";
    case VitalityState::kArchived: return "archived";
    case VitalityState::kUnknown: return "unknown";
  }
  return "active";
}

Vitality EvaluateVitality(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                          bool archived) {
  Vitality v;
  const metrics::MetricDef* def = metrics::FindMetric(model.vitality.metric);
  const TimeWindow last = TrailingMonths(as_of, 12);
  v.last_12 = def->compute(activity, last);
  v.previous_12 = def->compute(activity, Previous(last, 12));
  v.recent = def->compute(activity, TrailingMonths(as_of, model.vitality.dormant_months));
  if (archived) {
    v.state = VitalityState::kArchived;
  } else if (!v.recent) {
    v.state = VitalityState::kUnknown;
  } else if (v.recent.value_or(0) <= 0) {
    v.state = VitalityState::kDormant;
  } else if (v.previous_12.value_or(0) > 0 && *v.last_12 < model.vitality.declining_ratio * *v.previous_12) {
    v.state = VitalityState::kDeclining;
  }
  return v;
}

}  // namespace oscm::model
