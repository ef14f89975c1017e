#include "ingest/github/api_records.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "ingest/github/json_fields.h"

namespace oscm::ingest {
namespace {

using simdjson::dom::element;

using internal::Bool;
using internal::Int;
using internal::Login;
using internal::ParseJson;
using internal::Str;
using internal::Time;
using internal::TrailingNumber;

// `ev` comes with the repository filled in.
void AddIssue(element issue, const std::string& prefix, GhEvent ev, ApiPage* page) {
  ev.number = Int(issue, "number");
  ev.created_at = Time(issue, "created_at");
  if (ev.number == 0 || ev.created_at == 0) return;
  element pr;
  const bool is_pr = issue["pull_request"].get(pr) == simdjson::SUCCESS && pr.is_object();
  const std::string kind = is_pr ? "pr" : "issue";
  ev.type = is_pr ? "PullRequestEvent" : "IssuesEvent";
  ev.on_pull_request = is_pr;
  ev.actor = Login(issue, "user");
  ev.subject_author = ev.actor;
  ev.subject_created_at = ev.created_at;
  ev.action = "opened";
  ev.id = fmt::format("{}:{}:{}:opened", prefix, kind, ev.number);
  ev.title = Str(issue, "title");
  simdjson::dom::array labels;
  if (issue["labels"].get(labels) == simdjson::SUCCESS) {
    for (element l : labels) {
      std::string name = Str(l, "name");
      if (!name.empty()) ev.labels.push_back(std::move(name));
    }
  }
  page->events.push_back(ev);
  const int64_t closed_at = Time(issue, "closed_at");
  if (closed_at == 0) return;
  // Closed (again) at this time; who closed it is not in the listing.
  ev.action = "closed";
  ev.created_at = closed_at;
  ev.actor.clear();
  ev.title.clear();
  ev.merged_at = is_pr ? Time(pr, "merged_at") : 0;
  ev.merged = ev.merged_at != 0;
  ev.id = fmt::format("{}:{}:{}:closed:{}", prefix, kind, ev.number, closed_at);
  page->events.push_back(std::move(ev));
}

}  // namespace

Result<RepoSnapshot> ParseRepoSnapshot(std::string_view body) {
  simdjson::dom::parser parser;
  OSCM_ASSIGN_OR_RETURN(element doc, ParseJson(parser, body));
  RepoSnapshot s;
  s.gh_id = Int(doc, "id");
  s.full_name = Str(doc, "full_name");
  if (s.gh_id == 0 || s.full_name.empty()) return CorruptionError("repository object without id or full_name");
  s.stars = Int(doc, "stargazers_count");
  s.forks = Int(doc, "forks_count");
  s.watchers = Int(doc, "subscribers_count");
  s.open_issues = Int(doc, "open_issues_count");
  element license;
  if (doc["license"].get(license) == simdjson::SUCCESS && license.is_object()) s.license = Str(license, "spdx_id");
  simdjson::dom::array topics;
  if (doc["topics"].get(topics) == simdjson::SUCCESS) {
    for (element t : topics) {
      std::string_view v;
      if (t.get(v) == simdjson::SUCCESS) s.topics.emplace_back(v);
    }
  }
  s.archived = Bool(doc, "archived");
  s.created_at = Time(doc, "created_at");
  s.default_branch = Str(doc, "default_branch");
  s.pushed_at = Time(doc, "pushed_at");
  return s;
}

Result<ApiPage> ParseApiPage(ApiResource resource, std::string_view body, int64_t repo_gh_id,
                             const std::string& repo) {
  const std::string prefix = fmt::format("api:{}", repo_gh_id);
  simdjson::dom::parser parser;
  OSCM_ASSIGN_OR_RETURN(element doc, ParseJson(parser, body));
  simdjson::dom::array items;
  if (doc.get(items) != simdjson::SUCCESS) return CorruptionError("expected a JSON array");
  ApiPage page;
  for (element item : items) {
    ++page.items;
    if (!item.is_object()) continue;
    std::string updated = Str(item, "updated_at");
    if (updated > page.max_updated) page.max_updated = std::move(updated);
    GhEvent ev;
    ev.repo = repo;
    ev.repo_id = repo_gh_id;
    switch (resource) {
      case ApiResource::kStargazers:
        ev.type = "WatchEvent";
        ev.action = "started";
        ev.actor = Login(item, "user");
        ev.created_at = Time(item, "starred_at");
        ev.id = fmt::format("{}:star:{}", prefix, ev.actor);
        break;
      case ApiResource::kIssues:
        AddIssue(item, prefix, std::move(ev), &page);
        continue;
      case ApiResource::kIssueComments:
      case ApiResource::kReviewComments: {
        const bool review = resource == ApiResource::kReviewComments;
        ev.type = review ? "PullRequestReviewCommentEvent" : "IssueCommentEvent";
        ev.action = "created";
        ev.actor = Login(item, "user");
        ev.created_at = Time(item, "created_at");
        ev.number = TrailingNumber(Str(item, review ? "pull_request_url" : "issue_url"));
        ev.on_pull_request = review;
        const int64_t id = Int(item, "id");
        if (id == 0 || ev.number == 0) continue;
        ev.id = fmt::format("{}:{}:{}", prefix, review ? "review-comment" : "comment", id);
        break;
      }
      case ApiResource::kReleases: {
        if (Bool(item, "draft")) continue;
        ev.type = "ReleaseEvent";
        ev.action = "published";
        ev.actor = Login(item, "author");
        ev.created_at = Time(item, "published_at");
        ev.release_tag = Str(item, "tag_name");
        ev.prerelease = Bool(item, "prerelease");
        const int64_t id = Int(item, "id");
        if (id == 0) continue;
        ev.id = fmt::format("{}:release:{}", prefix, id);
        break;
      }
    }
    if (ev.created_at == 0 || ev.id.empty() || (resource == ApiResource::kStargazers && ev.actor.empty())) continue;
    page.events.push_back(std::move(ev));
  }
  return page;
}

}  // namespace oscm::ingest
