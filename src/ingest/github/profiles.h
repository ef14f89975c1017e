// Contributor profiles: the public `company` of a community's most active GitHub logins, from
// GET /users/{login}, cached in gh_profiles. They are evidence of affiliation for people whose
// email says nothing about an employer (see ingest/identity/org_evidence.h for how they are used).
//
// Only git identities with a GitHub login (learned from noreply addresses) are fetched: a GitHub
// actor is not linked to any commit, so its profile would change no metric. The most active
// first (by authored commits), at most `max_logins`, skipping logins fetched less than
// `max_age_seconds` ago; a login GitHub does not know (404) is cached with no company. Each
// profile is stored in its own transaction, so an interrupted run keeps what it fetched.
// Not thread-safe: uses the caller's Store and client.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/progress.h"
#include "ingest/github/github_client.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

struct ProfileFetchOptions {
  int max_logins = 100;
  int64_t max_age_seconds = 90 * 86400;
  const std::atomic<bool>* cancel = nullptr;
};

struct ProfileFetchResult {
  int64_t fetched = 0;    // profiles asked for and stored
  int64_t cached = 0;     // fresh enough in the store
  int64_t companies = 0;  // of the fetched, how many name a company
};

// The logins to fetch for `communities`, most commits first (exposed for tests).
Result<std::vector<std::string>> ActiveLogins(store::SqliteDb& db, const std::vector<std::string>& communities,
                                              int max_logins);

Result<ProfileFetchResult> FetchContributorProfiles(store::Store& store, const std::vector<std::string>& communities,
                                                    GitHubClient& client, const Clock& clock,
                                                    const ProfileFetchOptions& options, ProgressSink& progress);

}  // namespace oscm::ingest
