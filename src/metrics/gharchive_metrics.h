// Metrics from GH Archive events of a community's tracked repositories (see activity.h for how
// events are classified). Every one is unavailable (nullopt) for a community without GH Archive
// data, never zero. Bots are not people: their events count for nothing but stars and forks.
#pragma once

#include <optional>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

std::optional<double> Stars(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> StarsTotal(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> Forks(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> IssuesOpened(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> IssuesClosed(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> IssueAuthors(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> PrsOpened(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> PrsMerged(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> PrAuthors(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> Reviewers(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> IssueFirstResponseHours(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> IssueCloseHours(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> PrMergeHours(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ReleasesPublished(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> ActiveActors(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> NewActors(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> TitleLanguages(const CommunityActivity& a, const TimeWindow& w);

// The median of `values` (mean of the middle two for an even count); nullopt when empty.
std::optional<double> Median(std::vector<double> values);

}  // namespace oscm::metrics
