// The GitHub REST API's objects turned into oscm records: a repository's snapshot, and the pages
// of its stargazers, issues, comments, review comments and releases as GhEvents, the records the
// GH Archive source produces, so that the metrics read both the same way.
//
// Each event gets a stable id derived from the repository's GitHub id and what it describes
// ("api:<repo id>:star:<login>", "api:<repo id>:issue:<n>:opened", ...), so that fetching it
// again stores nothing, whatever the repository is called by then.
// An issue or pull request becomes an opened event and, when closed, a closed event at its
// closing time (for a pull request, merged with merged_at when GitHub says so). A comment's
// on_pull_request and subject fields are left for the caller, which knows the issue.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oscm/records.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct RepoSnapshot {
  int64_t gh_id = 0;
  std::string full_name;  // "owner/name" as GitHub spells it now
  int64_t stars = 0;
  int64_t forks = 0;
  int64_t watchers = 0;  // subscribers, not the legacy watchers_count (= stars)
  int64_t open_issues = 0;  // issues and pull requests, as GitHub counts them
  std::string license;      // SPDX id, "" when none
  std::vector<std::string> topics;
  bool archived = false;
  int64_t created_at = 0;
  std::string default_branch;
  int64_t pushed_at = 0;
};

// GET /repos/{owner}/{repo}. kCorruption for malformed JSON or an object without id/full_name.
Result<RepoSnapshot> ParseRepoSnapshot(std::string_view body);

enum class ApiResource {
  kStargazers,      // GET /repos/o/r/stargazers, media type application/vnd.github.star+json
  kIssues,          // GET /repos/o/r/issues?state=all (pull requests included)
  kIssueComments,   // GET /repos/o/r/issues/comments
  kReviewComments,  // GET /repos/o/r/pulls/comments
  kReleases,        // GET /repos/o/r/releases
};

struct ApiPage {
  std::vector<GhEvent> events;
  int64_t items = 0;        // objects on the page
  std::string max_updated;  // the latest updated_at on the page (ISO 8601), for `since`
};

// One page (a JSON array) of `resource` for the repository with GitHub id `repo_gh_id`, named
// `repo` ("owner/name"). Objects lacking
// what an event needs (a starring date, a number, a creation time) are skipped; a body that is
// not a JSON array is kCorruption.
Result<ApiPage> ParseApiPage(ApiResource resource, std::string_view body, int64_t repo_gh_id,
                             const std::string& repo);

}  // namespace oscm::ingest
