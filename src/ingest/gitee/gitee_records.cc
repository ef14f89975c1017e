#include "ingest/gitee/gitee_records.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "base/time.h"
#include "ingest/github/json_fields.h"

namespace oscm::ingest {
namespace {

using simdjson::dom::element;

constexpr int64_t kIssueBase = int64_t{1} << 40;

using internal::Bool;
using internal::Int;
using internal::Login;
using internal::ParseJson;
using internal::Str;
using internal::Time;
using internal::TrailingNumber;

// ISO 8601 in UTC, for comparing updated_at values across offsets.
std::string UtcTime(element e, const char* key) {
  const int64_t t = Time(e, key);
  return t == 0 ? std::string() : FormatTimestamp(t);
}

std::vector<std::string> Labels(element item) {
  std::vector<std::string> out;
  simdjson::dom::array labels;
  if (item["labels"].get(labels) != simdjson::SUCCESS) return out;
  for (element l : labels) {
    std::string name = l.is_object() ? Str(l, "name") : std::string();
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

// An opened event and, when the issue or pull request was closed, a closed one.
void AddSubject(element item, bool pr, const std::string& prefix, GhEvent ev, GiteePage* page) {
  const std::string ident = pr ? std::to_string(Int(item, "number")) : Str(item, "number");
  ev.number = pr ? Int(item, "number") : GiteeIssueNumber(ident);
  ev.created_at = Time(item, "created_at");
  if (ev.number == 0 || ev.created_at == 0) return;
  const char* kind = pr ? "pr" : "issue";
  ev.type = pr ? "PullRequestEvent" : "IssuesEvent";
  ev.on_pull_request = pr;
  ev.actor = Login(item, "user");
  ev.subject_author = ev.actor;
  ev.subject_created_at = ev.created_at;
  ev.action = "opened";
  ev.id = fmt::format("{}:{}:{}:opened", prefix, kind, ident);
  ev.title = Str(item, "title");
  ev.labels = Labels(item);
  page->events.push_back(ev);
  const std::string state = Str(item, "state");
  int64_t closed_at = 0;
  if (pr) {
    ev.merged_at = Time(item, "merged_at");
    closed_at = ev.merged_at != 0 ? ev.merged_at : Time(item, "closed_at");
  } else if (state == "closed" || state == "rejected") {
    // Gitee records when an issue was finished; without it, its last update is the closest.
    closed_at = Time(item, "finished_at");
    if (closed_at == 0) closed_at = Time(item, "updated_at");
  }
  if (closed_at == 0) return;
  // Who closed it is not in the listing.
  ev.action = "closed";
  ev.created_at = closed_at;
  ev.actor.clear();
  ev.title.clear();
  ev.merged = ev.merged_at != 0;
  ev.id = fmt::format("{}:{}:{}:closed:{}", prefix, kind, ident, closed_at);
  page->events.push_back(std::move(ev));
}

}  // namespace

int64_t GiteeIssueNumber(std::string_view ident) {
  if (ident.size() < 2 || ident.size() > 8 || ident[0] != 'I') return 0;
  int64_t n = 0;
  for (char c : ident.substr(1)) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      digit = c - 'A' + 10;
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 10;
    } else {
      return 0;
    }
    n = n * 36 + digit;
  }
  return kIssueBase + n;
}

Result<RepoSnapshot> ParseGiteeRepoSnapshot(std::string_view body) {
  simdjson::dom::parser parser;
  OSCM_ASSIGN_OR_RETURN(element doc, ParseJson(parser, body));
  if (!doc.is_object()) return CorruptionError("repository answer is not a JSON object");
  RepoSnapshot s;
  s.gh_id = Int(doc, "id");
  s.full_name = Str(doc, "full_name");
  if (s.gh_id == 0 || s.full_name.empty()) return CorruptionError("repository object without id or full_name");
  s.stars = Int(doc, "stargazers_count");
  s.forks = Int(doc, "forks_count");
  s.watchers = Int(doc, "watchers_count");
  s.open_issues = Int(doc, "open_issues_count");
  s.license = Str(doc, "license");
  s.created_at = Time(doc, "created_at");
  s.default_branch = Str(doc, "default_branch");
  s.pushed_at = Time(doc, "pushed_at");
  return s;
}

Result<GiteePage> ParseGiteePage(GiteeResource resource, std::string_view body, int64_t repo_id, const std::string& repo) {
  const std::string prefix = fmt::format("gitee:{}", repo_id);
  simdjson::dom::parser parser;
  OSCM_ASSIGN_OR_RETURN(element doc, ParseJson(parser, body));
  simdjson::dom::array items;
  if (doc.get(items) != simdjson::SUCCESS) return CorruptionError("expected a JSON array");
  GiteePage page;
  std::string previous;
  for (element item : items) {
    ++page.items;
    if (!item.is_object()) continue;
    const std::string updated = UtcTime(item, "updated_at");
    if (!updated.empty()) {
      if (!previous.empty() && updated > previous) page.newest_first = false;
      previous = updated;
      if (updated > page.max_updated) page.max_updated = updated;
      if (page.min_updated.empty() || updated < page.min_updated) page.min_updated = updated;
    }
    GhEvent ev;
    ev.repo = repo;
    ev.repo_id = 0;  // Gitee's ids are not GitHub's: left out, so GH Archive never matches them
    switch (resource) {
      case GiteeResource::kStargazers:
        ev.type = "WatchEvent";
        ev.action = "started";
        ev.actor = Str(item, "login");
        ev.created_at = Time(item, "star_at");
        if (ev.actor.empty()) continue;
        ev.id = fmt::format("{}:star:{}", prefix, ev.actor);
        break;
      case GiteeResource::kForks: {
        ev.type = "ForkEvent";
        ev.actor = Login(item, "owner");
        ev.created_at = Time(item, "created_at");
        const int64_t id = Int(item, "id");
        if (id == 0) continue;
        ev.id = fmt::format("{}:fork:{}", prefix, id);
        break;
      }
      case GiteeResource::kIssues:
      case GiteeResource::kPulls:
        AddSubject(item, resource == GiteeResource::kPulls, prefix, std::move(ev), &page);
        continue;
      case GiteeResource::kIssueComments:
      case GiteeResource::kPullComments: {
        const bool on_pr = resource == GiteeResource::kPullComments;
        const bool diff = on_pr && Str(item, "comment_type") == "diff_comment";
        ev.type = diff ? "PullRequestReviewCommentEvent" : "IssueCommentEvent";
        ev.action = "created";
        ev.actor = Login(item, "user");
        ev.created_at = Time(item, "created_at");
        ev.on_pull_request = on_pr;
        if (on_pr) {
          ev.number = TrailingNumber(Str(item, "pull_request_url"));
        } else {
          element issue;
          if (item["target"]["issue"].get(issue) == simdjson::SUCCESS && issue.is_object()) {
            ev.number = GiteeIssueNumber(Str(issue, "number"));
          }
        }
        const int64_t id = Int(item, "id");
        if (id == 0 || ev.number == 0) continue;
        ev.id = fmt::format("{}:{}:{}", prefix, on_pr ? "pr-comment" : "comment", id);
        break;
      }
      case GiteeResource::kReleases: {
        ev.type = "ReleaseEvent";
        ev.action = "published";
        ev.actor = Login(item, "author");
        ev.created_at = Time(item, "created_at");
        ev.release_tag = Str(item, "tag_name");
        ev.prerelease = Bool(item, "prerelease");
        const int64_t id = Int(item, "id");
        if (id == 0) continue;
        ev.id = fmt::format("{}:release:{}", prefix, id);
        break;
      }
    }
    if (ev.created_at == 0 || ev.id.empty()) continue;
    page.events.push_back(std::move(ev));
  }
  return page;
}

Result<std::vector<ForgeContributor>> ParseGiteeContributors(std::string_view body) {
  simdjson::dom::parser parser;
  OSCM_ASSIGN_OR_RETURN(element doc, ParseJson(parser, body));
  simdjson::dom::array items;
  if (doc.get(items) != simdjson::SUCCESS) return CorruptionError("expected a JSON array");
  std::vector<ForgeContributor> out;
  for (element item : items) {
    if (!item.is_object()) continue;
    ForgeContributor c{Str(item, "name"), Str(item, "email"), Int(item, "contributions")};
    if (!c.name.empty() || !c.email.empty()) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace oscm::ingest
