// IngestGitHub: what git lacks, from the GitHub REST API, for tracked repositories.
//
// For each repository: its snapshot (gh_repo_snapshots), then its stargazers with their starring
// dates, issues and pull requests (opened, closed, merged), issue comments, review comments and
// releases, stored as GhEvents in gh_events, the table the GH Archive source fills, under ids
// that make a second fetch store nothing (see api_records.h).
//
// Incremental: gh_sync keeps, per repository and listing, where the next run starts: the next
// page of an interrupted listing, the last page of the stargazers (they grow at the end), or a
// `since` for the listings that take one (issues and comments: only what changed since), with
// the ETag of that first request so that an unchanged listing costs a 304. Every page is stored
// in one transaction together with its gh_sync row, so an interrupted run (Ctrl-C, a rate limit
// with --no-wait, a network failure) leaves a consistent store and the next run resumes with the
// first page it had not stored.
//
// A repository renamed on GitHub is followed (the API redirects); its new name is recorded in
// gh_repo_names and its GitHub id in gh_repos, so GH Archive events under either name match.
// Not thread-safe: uses the caller's Store and client.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/progress.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "ingest/github/api_records.h"
#include "ingest/github/github_client.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

// "owner/name" from "owner/name", "https://github.com/owner/name(.git)(/)" or
// "git@github.com:owner/name.git"; kInvalidArgument otherwise.
Result<std::string> ParseGitHubRepo(std::string_view text);
// Whether `location` is a github.com clone URL (https, ssh or scp-like).
bool IsGitHubUrl(std::string_view location);

struct GitHubIngestOptions {
  std::vector<TrackedCommunity> repos;  // tracked first (if not yet), then fetched
  int per_page = 100;
  const std::atomic<bool>* cancel = nullptr;
};

struct GitHubRepoResult {
  std::string repo;       // as tracked
  RepoSnapshot snapshot;  // as stored (full_name differs from repo after a rename)
  int64_t events_stored = 0;
};

// Fetches the repositories in order and stops at the first error, keeping what was stored.
Result<std::vector<GitHubRepoResult>> IngestGitHub(store::Store& store, const GitHubIngestOptions& options,
                                                   GitHubClient& client, const BotList& bots,
                                                   const Clock& clock, ProgressSink& progress);

}  // namespace oscm::ingest
