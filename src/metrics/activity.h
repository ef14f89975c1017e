// CommunityActivity: the facts about one community that metrics are computed from, loaded from
// the store once and held in time-sorted arrays so that any window is a binary search away.
//
// Definitions shared by every metric:
//   - a *commit* is a non-merge commit whose author is not a bot (merges record integration, not
//     work; bots are not contributors);
//   - a *contribution* is one person credited on such a commit: its author and each co-author;
//   - the *organisation* of a commit or contribution is the author's affiliation at the commit
//     date (see ingest/identity/affiliation.h); "independent" and "unknown" are not organisations.
// Commits present in several repositories of a community (forks, mirrors) count once.
// Immutable after loading; safe to read from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/script_language.h"
#include "metrics/usage.h"
#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::metrics {

// How an author was affiliated at a commit's date (see ingest/identity/org_evidence.h).
// Commercial metrics count companies only: a foundation's address says nothing about who pays
// its committer, and a university is not a vendor.
enum class Affiliation : uint8_t { kCompany, kFoundation, kAcademic, kIndependent, kUnknown };

struct CommitFact {
  int64_t time = 0;  // author time, UTC
  int32_t offset_minutes = 0;
  int32_t org = -1;  // index into orgs (a company, foundation or institution), or -1
  Affiliation affiliation = Affiliation::kUnknown;
  int32_t link = -1;  // index into org_links: the evidence behind `org`
  bool company() const { return affiliation == Affiliation::kCompany; }
};

struct ContributionFact {
  int64_t time = 0;
  int32_t person = 0;  // index into people
  int32_t org = -1;
  Affiliation affiliation = Affiliation::kUnknown;
  int32_t link = -1;
  bool company() const { return affiliation == Affiliation::kCompany; }
};

// How one person's stored affiliation was counted: the organisation the address gave
// (`stored`), and what the evidence made of it (see ingest/identity/org_evidence.h).
struct OrgLinkFact {
  std::string stored;    // the stored organisation ("solo.dev", "Google", "independent")
  std::string name;      // as counted ("independent" for a personal domain)
  Affiliation affiliation = Affiliation::kUnknown;
  std::string rule;      // builtin-map, email-domain, shared-domain, personal-domain, github-profile, ...
  std::string evidence;  // "google.com", "solo.dev used by 1 person and in no map", ...
};

struct ReleaseFact {
  int64_t time = 0;
  std::string tag;
  std::string version;     // "3.6.1" (with "-rc.1" for a pre-release); "" when not a version
  bool prerelease = false;
  bool github = false;     // a GitHub release (GH Archive or the API), not a git tag
};

// A version as the project released it (see ReleasedVersions): once, however many tags and
// GitHub releases name it.
struct VersionRelease {
  int64_t time = 0;
  std::string version;        // "2.0.0"
  bool from_candidate = false;  // only release candidates were tagged: dated by the last one
};

struct FileFact {
  std::string kind;
  std::string path;
  std::string spdx;
  std::string language;
  int64_t first_seen = 0;
};

struct GhEventFact {
  int64_t time = 0;
  GhKind kind = GhKind::kOther;
  int32_t actor = -1;           // index into gh_actors; -1 for none or a bot
  int32_t repo = 0;             // index into gh_repos
  int64_t number = 0;           // issue or pull-request number
  int32_t subject_author = -1;  // index into gh_actors
  int64_t subject_created_at = 0;
  int64_t merged_at = 0;
  TextLanguage title_language = TextLanguage::kNone;  // of an opened issue's or PR's title
};

// A fact from the community's profile (see ingest/profile/profile.h for the kinds), or an
// adopter listed in one of its repositories' ADOPTERS files.
struct ProfileFactRow {
  std::string kind;
  std::string name;
  std::string detail;
  int64_t since = 0;  // 0 when not declared
  std::string source;
  int64_t as_of = 0;
  // When the fact holds from: its `since` date when declared, else the date it was known on.
  int64_t effective() const { return since != 0 ? since : as_of; }
};

struct CommunityActivity {
  std::string name;
  std::vector<std::string> repositories;  // locations
  std::vector<std::string> repository_remotes;  // per location, the URL it came from ("" unknown)
  std::vector<CommitFact> commits;              // sorted by time
  std::vector<ContributionFact> contributions;  // sorted by time
  std::vector<int64_t> first_contribution;      // per person: earliest contribution time
  std::vector<std::string> people;              // per person: display "Name <email>"
  std::vector<std::string> people_login;        // per person: lower-case GitHub login, or ""
  std::vector<std::string> orgs;                // organisation names (companies, foundations, institutions)
  std::vector<OrgLinkFact> org_links;           // per (identity, stored organisation) pair seen
  // GH Archive hours read for every tracked repository (sorted, disjoint), and whether the GitHub
  // API listed each kind of event in full up to its snapshot (see GhCoverage).
  std::vector<TimeWindow> gh_archive_hours;
  std::vector<TimeWindow> gh_api_covered;
  std::vector<ReleaseFact> releases;            // git tags and GitHub releases, sorted by time
  std::vector<VersionRelease> versions;         // ReleasedVersions(releases), sorted by time
  std::vector<FileFact> files;                  // sorted by kind, path
  // GH Archive: events of the community's tracked repositories (sorted by time), their actors
  // (people; bots are dropped) and the time each actor was first seen.
  // Every tracked repository the GitHub API described is archived (and at least one was).
  bool archived = false;
  std::vector<std::string> gh_repos;
  std::vector<GhEventFact> gh_events;
  std::vector<std::string> gh_actors;
  std::vector<int64_t> gh_first_seen;
  // Profile: declared facts and repository-listed adopters, by kind then declaration order.
  bool has_profile = false;  // a profile was ingested for the community
  std::vector<ProfileFactRow> profile;
  // Users and influence: package downloads and dependents, OpenRank (usage.h).
  UsageFacts usage;
  int64_t first_commit = 0;  // earliest commit of any kind (0 when none)
  int64_t last_commit = 0;

  std::span<const CommitFact> CommitsIn(const TimeWindow& w) const;
  std::span<const ContributionFact> ContributionsIn(const TimeWindow& w) const;
  std::span<const GhEventFact> GhEventsIn(const TimeWindow& w) const;
};

// The versions a project released, from its tags and GitHub releases (sorted by time):
//   - a final version counts once, dated by its first tag or GitHub release (multi-module
//     repositories tag one version many times: v3.6.1, api/v3.6.1, client/v3.6.1);
//   - a version tagged only as release candidates (Apache projects vote on a candidate and never
//     tag the final: apache-carbondata-2.0.0-rc3) counts once, dated by its last candidate, when
//     no final tag or release of that version exists;
//   - other pre-releases (alpha, beta, dev ...) do not count.
std::vector<VersionRelease> ReleasedVersions(const std::vector<ReleaseFact>& releases);

// Loads the community `name`. kNotFound names the community when it is not in the store.
Result<CommunityActivity> LoadCommunityActivity(store::SqliteDb& db, const std::string& name);

}  // namespace oscm::metrics
