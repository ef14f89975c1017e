// GhEvent: one GitHub event from GH Archive, normalized across the archive's layouts.
//
// Three layouts exist: the 2015+ events API layout (`id, type, actor{login,id}, repo{name,id},
// payload, created_at, org`), the 2011-2012 layout (the same top level with legacy payloads and
// api.github.dev URLs), and the 2013-2014 timeline layout (`actor` a login string with
// `actor_attributes`, a `repository` object, no event id, `created_at` in US Pacific time with
// its offset). All become this record, with times in UTC.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace oscm {

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
  std::string subject_author;   // login of the or pull request's author
  int64_t subject_created_at = 0;
  bool on_pull_request = false;  // an IssuesEvent/IssueCommentEvent whose issue is a pull request
  bool merged = false;           // PullRequestEvent closed by a merge
  int64_t merged_at = 0;
  std::vector<std::string> labels;
  std::string ref_type;      // CreateEvent/DeleteEvent: tag, branch, repository
  std::string ref;
  int64_t push_size = 0;     // PushEvent: commits pushed
  int64_t push_distinct = 0; // PushEvent: distinct commits (= size in layouts without it)
  std::string release_tag;   // ReleaseEvent
  bool prerelease = false;
  std::string member;        // MemberEvent: the member's login
};

}  // namespace oscm
