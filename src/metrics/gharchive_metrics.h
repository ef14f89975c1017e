// Metrics from GitHub events of a community's tracked repositories, from GH Archive or the
// GitHub API (see activity.h for how events are classified). Bots are not people: their events
// count for nothing but stars and forks.
//
// An event count is only as complete as the time it covers. Every metric is unavailable (nullopt,
// never 0) over a window that less than kMinGhCoverage of was read: the GH Archive hours ingested
// while the repositories were tracked, and, for what the GitHub API lists in full (stars, issues,
// pull requests, comments, releases), the time up to its snapshot. Counts are what was read, not
// scaled up: a window read at 95% counts the events of those 95%.
#pragma once

#include <optional>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

// GH Archive's own record misses a few hours a year; 90% leaves room for those while keeping a
// sample of hours from passing for a year of activity.
inline constexpr double kMinGhCoverage = 0.9;

enum class GhListing {
  kArchiveOnly,  // only GH Archive has these events (forks, pushes, reviews without comments)
  kApiListed,    // the GitHub API's listings have them too
};
// The share of `w` the community's GitHub events cover for metrics of that kind (0..1).
double GhCoverage(const CommunityActivity& a, const TimeWindow& w, GhListing listing);
bool GhCovered(const CommunityActivity& a, const TimeWindow& w, GhListing listing);

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
