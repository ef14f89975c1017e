// Normalized records: what every source turns its input into before the store sees it.
//
// Records are plain values with provenance (the repository and object they came from); they hold
// raw identities (name, email as the source wrote them, after .mailmap) and leave resolution to
// people and organisations to ingest/identity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oscm {

struct PersonRef {
  std::string name;
  std::string email;
};

struct Signature {
  PersonRef person;
  int64_t time = 0;            // UTC Unix seconds
  int32_t offset_minutes = 0;  // the author's UTC offset, e.g. +480 for UTC+8
};

// One file's line changes in a commit (--numstat), against its first parent.
struct FileChange {
  std::string path;
  int64_t added = 0;    // -1 for binary files
  int64_t deleted = 0;  // -1 for binary files
  bool missing = false;  // a blob is absent (partial clone): counts unknown
};

struct CommitRecord {
  std::string oid;  // 40 hex digits
  Signature author;
  Signature committer;
  std::vector<std::string> parents;
  std::vector<PersonRef> coauthors;  // Co-authored-by trailers
  std::vector<PersonRef> signoffs;   // Signed-off-by trailers
  bool IsMerge() const { return parents.size() > 1; }
};

struct SemVer {
  int64_t major = 0;
  int64_t minor = 0;
  int64_t patch = 0;
  std::string prerelease;  // "rc.1"; empty for a final release
};

struct ReleaseRecord {
  std::string tag;         // "v1.2.3"
  std::string target_oid;  // the tagged commit
  int64_t time = 0;        // annotated tag date, else the tagged commit's date
  bool annotated = false;
  std::optional<SemVer> version;
  bool prerelease = false;
};

struct CommunityFileRecord {
  std::string kind;        // "license", "readme", "contributing", ... (see community_files.h)
  std::string path;        // path in the repository at HEAD
  std::string spdx;        // licence files: SPDX id where recognised
  std::string language;    // readme translations: "zh-CN", "ja", ...
  int64_t first_seen = 0;  // date of the first-parent commit where it appeared
  std::string first_oid;
  // An ADOPTERS/USERS file: the organisations it lists at the scanned commit, that commit's
  // date, and per organisation the date of the first-parent commit from which it has been listed.
  std::vector<std::string> adopters;
  std::vector<int64_t> adopters_since;
  int64_t listed_at = 0;
};

// GhEvent: one GitHub event (from GH Archive or the GitHub API), normalized across the archive's layouts.
//
// Three layouts exist: the 2015+ events API layout (`id, type, actor{login,id}, repo{name,id},
// payload, created_at, org`), the 2011-2012 layout (the same top level with legacy payloads and
// api.github.dev URLs), and the 2013-2014 timeline layout (`actor` a login string with
// `actor_attributes`, a `repository` object, no event id, `created_at` in US Pacific time with
// its offset). All become this record, with times in UTC.
struct GhEvent {
  std::string id;       // the event id, or "h" + 16 hex digits derived from the line for id-less events
  std::string type;     // "WatchEvent", "IssuesEvent", ...
  int64_t created_at = 0;  // UTC Unix seconds
  std::string actor;       // login ("" when absent)
  int64_t actor_id = 0;    // 0 when absent
  std::string repo;        // "owner/name" ("" for events without a repository)
  int64_t repo_id = 0;     // 0 when absent
  std::string org;         // organisation login, when the event carries one

  // Per type; empty or zero when the type or the layout does not carry it.
  std::string action;        // opened, closed, reopened, started, created, published, added...
  int64_t number = 0;        // issue or pull-request number
  std::string subject_author;   // login of the issue's or pull request's author
  int64_t subject_created_at = 0;
  bool on_pull_request = false;  // an IssuesEvent/IssueCommentEvent whose issue is a pull request
  bool merged = false;           // PullRequestEvent closed by a merge
  int64_t merged_at = 0;
  std::vector<std::string> labels;
  std::string title;         // IssuesEvent/PullRequestEvent: the issue's or pull request's title
  std::string ref_type;      // CreateEvent/DeleteEvent: tag, branch, repository
  std::string ref;
  int64_t push_size = 0;     // PushEvent: commits pushed
  int64_t push_distinct = 0; // PushEvent: distinct commits (= size in layouts without it)
  std::string release_tag;   // ReleaseEvent
  bool prerelease = false;
  std::string member;        // MemberEvent: the member's login
};

// What a GitHub event counts as, for the metrics (of tracked communities and of all repositories).
enum class GhKind : uint8_t {
  kStar,          // WatchEvent
  kFork,          // ForkEvent
  kIssueOpened,   // IssuesEvent opened (not a pull request)
  kIssueClosed,   // IssuesEvent closed (not a pull request)
  kIssueComment,  // IssueCommentEvent on an issue (not a pull request)
  kPrOpened,      // PullRequestEvent opened
  kPrMerged,      // PullRequestEvent closed with a merge
  kReview,        // PullRequestReviewEvent, PullRequestReviewCommentEvent
  kRelease,       // ReleaseEvent published (any action in layouts without one)
  kPush,          // PushEvent
  kOther,         // every other event: counts towards active actors only
};

inline GhKind GhKindOf(std::string_view type, std::string_view action, bool on_pull_request, bool merged) {
  if (type == "WatchEvent") return GhKind::kStar;
  if (type == "ForkEvent") return GhKind::kFork;
  if (type == "IssuesEvent" && !on_pull_request) {
    if (action == "opened") return GhKind::kIssueOpened;
    if (action == "closed") return GhKind::kIssueClosed;
  }
  if (type == "IssueCommentEvent" && !on_pull_request) return GhKind::kIssueComment;
  if (type == "PullRequestEvent") {
    if (action == "opened") return GhKind::kPrOpened;
    if (action == "closed" && merged) return GhKind::kPrMerged;
  }
  if (type == "PullRequestReviewEvent" || type == "PullRequestReviewCommentEvent") return GhKind::kReview;
  if (type == "ReleaseEvent" && (action == "published" || action.empty())) return GhKind::kRelease;
  if (type == "PushEvent") return GhKind::kPush;
  return GhKind::kOther;
}
inline GhKind GhKindOf(const GhEvent& e) { return GhKindOf(e.type, e.action, e.on_pull_request, e.merged); }

}  // namespace oscm
