// IngestGitee: a Gitee repository's stars, forks, issues, pull requests, comments, releases and
// contributors, from Gitee's Open API v5 (https://gitee.com/api/v5), into the records GitHub's
// sources fill, for communities that live on Gitee.
//
// A repository is tracked as "gitee.com/owner/name" in gh_repos (so it never meets a GitHub name
// or id in GH Archive), its snapshot goes to gh_repo_snapshots, its events to gh_events under
// "gitee:<repo id>:..." ids (gitee_records.h), its contributors to gh_repo_contributors. Every
// page is one transaction together with its gh_sync row, so an interrupted run resumes with the
// first page it had not stored.
//
// Incremental: stargazers and forks are listed again only when the repository's counts differ
// from the events stored; issues and pull requests are read newest update first
// (sort=updated&direction=desc) and stop at the first page wholly older than the last run's
// newest update (pages not in that order are read to the end); comments and releases are read
// whole, comments from the last run's newest update on (`since`). Gitee paginates with page
// numbers and a total_page header.
//
// The token (GITEE_TOKEN) goes as the access_token query parameter Gitee reads, to the API's host
// only, and never appears in a message (RestClient). A repository renamed on Gitee is followed
// (a redirect, or a new full_name for the same id): its new name is added to gh_repo_names.
// The listings' gh_sync rows are named as the GitHub source's (stargazers, issues, issue_comments,
// review_comments, releases; and pulls, forks), so a repository read whole counts as covered by
// an API listing from its creation to its snapshot, as a GitHub repository does.
// Not thread-safe: uses the caller's Store and client.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/progress.h"
#include "ingest/gitee/gitee_records.h"
#include "ingest/http/rest_client.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

// "owner/name" from "owner/name", "https://gitee.com/owner/name(.git)(/)" or
// "git@gitee.com:owner/name.git"; kInvalidArgument otherwise.
Result<std::string> ParseGiteeRepo(std::string_view text);
// Whether `location` is a gitee.com clone URL (https, ssh or scp-like).
bool IsGiteeUrl(std::string_view location);
// The name a Gitee repository is tracked under: "gitee.com/owner/name", lower case.
std::string GiteeTrackedName(std::string_view owner_name);

// RestClient options for Gitee's API at `api_url` (default https://gitee.com/api/v5).
RestClientOptions GiteeClientOptions(std::string api_url, const std::string& token, bool wait_for_reset);

struct GiteeIngestOptions {
  std::vector<std::string> repos;  // "owner/name" or a gitee.com URL
  std::string community;           // "" = the repository's owner/name, or the community it is tracked for
  int per_page = 100;
  const std::atomic<bool>* cancel = nullptr;
};

struct GiteeRepoResult {
  std::string repo;       // "owner/name" as given
  RepoSnapshot snapshot;  // as Gitee described it (full_name differs from repo after a rename)
  int64_t events_stored = 0;
  int64_t contributors = 0;
};

// Fetches the repositories in order and stops at the first error, keeping what was stored.
Result<std::vector<GiteeRepoResult>> IngestGitee(store::Store& store, const GiteeIngestOptions& options,
                                                 RestClient& client, const BotList& bots, const Clock& clock,
                                                 ProgressSink& progress);

}  // namespace oscm::ingest
