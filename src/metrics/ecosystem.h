// Where a repository stands among all of GitHub's, from the monthly aggregates of every repository
// (gh_repo_months, written by `oscm ingest gharchive --all-repos`).
#pragma once

#include <optional>
#include <string_view>

#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::metrics {

// The metrics gh_repo_months holds, by column name.
inline constexpr std::string_view kRepoMonthMetrics[] = {"stars",      "forks",      "issues_opened", "prs_opened",
                                                         "prs_merged", "pushes",     "actors"};

// The percentile rank (0..100) of `value` for `metric` among the repositories with any event in
// `month` ("2024-03"): the percentage of them with a smaller value plus half the percentage with
// an equal one (the mid-rank, so that ties do not all land at the top). nullopt when the month
// has no repositories. An unknown metric is kInvalidArgument.
Result<std::optional<double>> RepoMonthPercentile(store::SqliteDb& db, std::string_view metric,
                                                  std::string_view month, double value);

}  // namespace oscm::metrics
