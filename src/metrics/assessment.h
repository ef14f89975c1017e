// Assessment: every registered metric for one community, over the 12 months ending at `as_of`
// and as a monthly series from the first commit's month to as_of's month.
//
// Pure function of the activity and the date: the same store and as_of give the same assessment.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"
#include "metrics/registry.h"

namespace oscm::metrics {

struct MetricResult {
  const MetricDef* def = nullptr;
  std::optional<double> value;                // over the 12-month window
  std::vector<std::optional<double>> series;  // one per month in Assessment::months
};

// Commits of the window by the authors' affiliation: each organisation, then "independent"
// and "unknown", so that a reader can check the affiliations behind the organisation metrics.
struct OrgCommits {
  std::string name;
  int64_t commits = 0;
  double share = 0;  // of the window's commits
};

// What the community's GitHub events cover of the window (see gharchive_metrics.h).
struct GhEvidence {
  size_t tracked_repositories = 0;
  int64_t window_hours = 0;
  int64_t archive_hours = 0;  // GH Archive hours of the window read for every tracked repository
  double archive_share = 0;
  // The GitHub API listed the repositories' stars, issues, pull requests and releases up to here.
  std::optional<int64_t> api_until;
};

struct Assessment {
  std::string community;
  std::vector<std::string> repositories;
  std::vector<std::string> repository_remotes;  // per repository, the URL it came from ("" unknown)
  int64_t as_of = 0;
  TimeWindow window;
  std::vector<MonthIndex> months;
  // The last month when the evaluation date is not its last day: its series values cover only
  // the days up to as_of and are not comparable with full months.
  std::optional<MonthIndex> partial_month;
  GhEvidence gh;
  std::vector<MetricResult> metrics;  // registry order
  std::vector<FileFact> files;
  std::vector<OrgCommits> org_mix;  // most commits first, then by name
  int64_t first_commit = 0;
  int64_t last_commit = 0;
};

// "Today, or the last commit's date for a repository that stopped": `now` unless the community
// has had no commit in the 12 months before it.
int64_t DefaultAsOf(const CommunityActivity& activity, int64_t now);

Assessment Assess(const CommunityActivity& activity, int64_t as_of);

}  // namespace oscm::metrics
