// Talent rings over the 12 months ending at the evaluation date (OSS Compass personas):
//   core     the fewest people making `core_share` of the contributions (50%);
//   regular  the next people up to core_share + regular_share (80%) who were active in at least
//            `regular_min_months` months;
//   casual   every other contributor;
//   users    people who opened or commented on issues (GH data) and contributed no code;
//   audience people who only starred or forked.
// plus the organisations of the core (each person counted once, for the organisation they
// contributed for most).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct OrgPeople {
  std::string name;  // an organisation, or "independent" / "unknown"
  int64_t people = 0;
};

struct TalentRings {
  int64_t core = 0, regular = 0, casual = 0;
  std::optional<int64_t> users, audience;  // nullopt without GH data
  std::vector<OrgPeople> core_orgs;        // most people first, then by name
};

TalentRings EvaluateRings(const ModelSpec& model, const metrics::CommunityActivity& activity, const TimeWindow& window);

// The core of a window: people indices, sorted.
std::vector<int32_t> CorePeople(const metrics::CommunityActivity& activity, const TimeWindow& window, double share);

}  // namespace oscm::model
