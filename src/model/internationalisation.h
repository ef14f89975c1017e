// Internationalisation over the 12 months ending at the evaluation date: where contributors work
// (shares of commits per time-zone region, entropy of UTC offsets), what language people write
// issue and pull-request titles in (by script, GH data), and which languages the docs are
// translated into.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::model {

struct Internationalisation {
  // Americas, Europe-Africa, Asia-Pacific; nullopt without commits in the window.
  std::optional<std::array<double, 3>> region_shares;
  std::optional<double> tz_entropy;
  int64_t titles = 0;  // titles classified (GH data)
  std::optional<std::array<double, 3>> title_shares;  // Chinese, English, other
  std::vector<std::string> doc_languages;  // sorted
};

Internationalisation EvaluateInternationalisation(const metrics::CommunityActivity& activity, const TimeWindow& window);

}  // namespace oscm::model
