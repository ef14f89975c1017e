// Metrics from commits, people and organisations (see activity.h for what counts as a commit,
// a contribution and an organisation). Each function has the registry's ComputeFn shape. For a
// community with no git repository every one is unavailable (nullopt), never zero.
#pragma once

#include <cstddef>
#include <optional>
#include <set>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

// How many months of `w` the calendar months `months` (those with some activity in `w`) make:
// a 12-month window ending mid-month touches 13 calendar months, but never counts more than 12.
size_t WindowMonthsCount(const std::set<MonthIndex>& months, const TimeWindow& w);

std::optional<double> Commits(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ContributorsActive(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ContributorsNew(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ContributorsRetained(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> OrgsActive(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> TopOrgShare(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ElephantFactor(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> BusFactor(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> Releases(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> AgeMonths(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> CommunityFiles(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ReleaseMonths(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ContributorRetention(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> OrgCommitShare(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ActiveMonths(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> DocLanguages(const CommunityActivity& a, const TimeWindow& w);

// Smallest number of the largest counts whose sum reaches half of the total; nullopt when the
// total is zero. Exposed for tests.
std::optional<double> HalfCoverCount(std::vector<int64_t> counts);

}  // namespace oscm::metrics
