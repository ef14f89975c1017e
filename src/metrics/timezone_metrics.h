// Metrics from the author's local time of each commit (its UTC offset): how global a community
// is, and how much of its work happens in office hours.
//
// Regions by UTC offset: Americas <= UTC-2; Europe-Africa (with the Middle East) UTC-1 .. UTC+4;
// Asia-Pacific > UTC+4. Caveat: machines set to UTC put their owners in Europe-Africa.
#pragma once

#include <optional>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

enum class TzRegion { kAmericas = 0, kEuropeAfrica = 1, kAsiaPacific = 2 };
TzRegion RegionOfOffset(int32_t offset_minutes);

std::optional<double> TzRegions(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> TzEntropy(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> WorkingHoursShare(const CommunityActivity& a, const TimeWindow& w);

}  // namespace oscm::metrics
