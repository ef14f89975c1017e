// Vitality: beside the growth stage, whether the community is still moving. From the model's
// vitality metric (commits by default):
//   archived   the repository is declared archived (GitHub's flag, when that source is present);
//   dormant    no activity in the last `dormant_months` months;
//   declining  the last 12 months below `declining_ratio` of the 12 months before;
//   active     otherwise;
//   unknown    the vitality metric has no data (say, a community known only from GH Archive).
// A community can be in crystallization and declining.
#pragma once

#include <optional>
#include <string>

#include "metrics/activity.h"
#include "oscm/model_spec.h"

namespace oscm::model {

enum class VitalityState { kActive, kDeclining, kDormant, kArchived, kUnknown };
std::string_view VitalityId(VitalityState s);  // "active", ...

struct Vitality {
  VitalityState state = VitalityState::kActive;
  std::optional<double> last_12;      // the metric over the last 12 months
  std::optional<double> previous_12;  // over the 12 months before
  std::optional<double> recent;       // over the last dormant_months months
};

Vitality EvaluateVitality(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                          bool archived);

}  // namespace oscm::model
