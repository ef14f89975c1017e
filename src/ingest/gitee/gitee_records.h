// Gitee Open API v5's objects turned into oscm records: a repository's snapshot, and the pages
// of its stargazers, forks, issues, pull requests, comments and releases as GhEvents, the records
// GitHub's sources produce, so that the metrics read them the same way.
//
//   GET /repos/{owner}/{repo}                      id, full_name, stargazers_count, forks_count,
//                                                  watchers_count, open_issues_count, license
//                                                  (an SPDX string), created_at, pushed_at
//   GET .../stargazers                             [{login, star_at}]
//   GET .../forks                                  [{id, owner{login}, created_at}]
//   GET .../issues?state=all                       [{number: "I4ABCD", user{login}, title, state,
//                                                    created_at, updated_at, finished_at, labels}]
//   GET .../pulls?state=all                        [{number, user{login}, title, state,
//                                                    created_at, updated_at, closed_at, merged_at}]
//   GET .../issues/comments                        [{id, user{login}, created_at, target{issue{number}}}]
//   GET .../pulls/comments                         [{id, user{login}, created_at, pull_request_url,
//                                                    comment_type: diff_comment | pr_comment}]
//   GET .../releases                               [{id, tag_name, prerelease, created_at, author{login}}]
//   GET .../contributors                           [{name, email, contributions}]
// Times carry their offset ("2024-03-01T10:00:00+08:00") and become UTC.
//
// Gitee numbers issues with strings ("I4ABCD") and pull requests with integers; an issue's number
// in oscm is 2^40 plus the base-36 value of its string, so that the two never meet. Event ids are
// "gitee:<repo id>:..." like the GitHub API's "api:<repo id>:...", so fetching again stores
// nothing. Objects lacking what an event needs are skipped; a body that is not what the endpoint
// returns is kCorruption. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/github/api_records.h"
#include "oscm/status.h"

namespace oscm::ingest {

enum class GiteeResource { kStargazers, kForks, kIssues, kPulls, kIssueComments, kPullComments, kReleases };

// The oscm number of a Gitee issue ("I4ABCD"); 0 for an empty or malformed one.
int64_t GiteeIssueNumber(std::string_view ident);

Result<RepoSnapshot> ParseGiteeRepoSnapshot(std::string_view body);

struct GiteePage {
  std::vector<GhEvent> events;
  int64_t items = 0;        // objects on the page
  std::string max_updated;  // latest and earliest updated_at on the page (UTC, ISO 8601; "" if none)
  std::string min_updated;
  bool newest_first = true;  // the objects' updated_at never increases along the page
};

// One page (a JSON array) of `resource` for the repository with Gitee id `repo_id`, named
// `repo` ("gitee.com/owner/name").
Result<GiteePage> ParseGiteePage(GiteeResource resource, std::string_view body, int64_t repo_id, const std::string& repo);

struct ForgeContributor {
  std::string name;
  std::string email;
  int64_t contributions = 0;
};
Result<std::vector<ForgeContributor>> ParseGiteeContributors(std::string_view body);

}  // namespace oscm::ingest
