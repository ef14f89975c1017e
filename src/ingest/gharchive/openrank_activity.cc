#include "ingest/gharchive/openrank_activity.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/distinct_sketch.h"
#include "base/strings.h"

namespace oscm::ingest {

int64_t ActivityActorId(const GhEvent& ev) {
  if (ev.actor_id > 0) return ev.actor_id;
  // Negative, so that it never meets a real id.
  return -static_cast<int64_t>(StableHash64(AsciiLower(ev.actor)) >> 2) - 1;
}

void AddToActivity(const GhEvent& ev, bool actor_is_bot, RepoActivity* out) {
  if (ev.repo_id == 0 || ev.actor.empty() || actor_is_bot) return;
  int64_t ActivityCounts::*field = nullptr;
  const std::string& t = ev.type;
  if (t == "IssuesEvent") {
    if (ev.action == "opened") field = &ActivityCounts::issues_opened;
    if (ev.action == "closed") field = &ActivityCounts::issues_closed;
  } else if (t == "IssueCommentEvent") {
    field = &ActivityCounts::issue_comments;
  } else if (t == "PullRequestReviewCommentEvent") {
    field = &ActivityCounts::review_comments;
  } else if (t == "PullRequestEvent") {
    if (ev.action == "opened") field = &ActivityCounts::prs_opened;
  } else if (t == "PushEvent") {
    field = &ActivityCounts::pushes;
  }
  if (field == nullptr) return;
  // Automated security pull requests and issues (OpenDigger leaves them out).
  if (ev.action == "opened" && ev.title.size() >= 6 && IEquals(std::string_view(ev.title).substr(0, 6), "[snyk]")) return;
  ++((*out)[ActivityKey{MonthOf(ev.created_at), ev.repo_id, ActivityActorId(ev)}].*field);
}

void EncodeActivity(const RepoActivity& activity, ByteWriter* w) {
  w->U64(activity.size());
  for (const auto& [k, c] : activity) {
    w->I64(k.month);
    w->I64(k.repo_id);
    w->I64(k.actor_id);
    for (const int64_t v : {c.issues_opened, c.issue_comments, c.issues_closed, c.review_comments, c.prs_opened, c.pushes}) {
      w->I64(v);
    }
  }
}

bool DecodeActivity(ByteReader* r, RepoActivity* activity) {
  uint64_t n = 0;
  if (!r->U64(&n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    int64_t month = 0;
    ActivityKey k;
    if (!r->I64(&month) || !r->I64(&k.repo_id) || !r->I64(&k.actor_id)) return false;
    k.month = static_cast<MonthIndex>(month);
    ActivityCounts c;
    if (!r->I64(&c.issues_opened) || !r->I64(&c.issue_comments) || !r->I64(&c.issues_closed) ||
        !r->I64(&c.review_comments) || !r->I64(&c.prs_opened) || !r->I64(&c.pushes)) {
      return false;
    }
    ActivityCounts& sum = (*activity)[k];
    sum.issues_opened += c.issues_opened;
    sum.issue_comments += c.issue_comments;
    sum.issues_closed += c.issues_closed;
    sum.review_comments += c.review_comments;
    sum.prs_opened += c.prs_opened;
    sum.pushes += c.pushes;
  }
  return true;
}

Status WriteActivity(store::SqliteDb& db, const RepoActivity& activity) {
  if (activity.empty()) return Status::Ok();
  OSCM_ASSIGN_OR_RETURN(auto put, db.Prepare(
      "INSERT INTO gh_activity(month, repo_id, actor_id, issues_opened, issue_comments, issues_closed, "
      "review_comments, prs_opened, pushes) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(month, repo_id, actor_id) DO UPDATE SET "
      "issues_opened = issues_opened + excluded.issues_opened, issue_comments = issue_comments + excluded.issue_comments, "
      "issues_closed = issues_closed + excluded.issues_closed, review_comments = review_comments + excluded.review_comments, "
      "prs_opened = prs_opened + excluded.prs_opened, pushes = pushes + excluded.pushes"));
  // In key order, so that consecutive rows are neighbours in the table's B-tree.
  std::vector<const RepoActivity::value_type*> sorted;
  sorted.reserve(activity.size());
  for (const auto& entry : activity) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return std::tie(a->first.month, a->first.repo_id, a->first.actor_id) <
           std::tie(b->first.month, b->first.repo_id, b->first.actor_id);
  });
  std::set<MonthIndex> months;
  std::string month;
  MonthIndex month_index = -1;
  for (const auto* entry : sorted) {
    const ActivityKey& k = entry->first;
    const ActivityCounts& c = entry->second;
    if (k.month != month_index) {
      month = FormatMonth(month_index = k.month);
      months.insert(k.month);
    }
    put.Bind(1, std::string_view(month)).Bind(2, k.repo_id).Bind(3, k.actor_id).Bind(4, c.issues_opened)
        .Bind(5, c.issue_comments).Bind(6, c.issues_closed).Bind(7, c.review_comments).Bind(8, c.prs_opened)
        .Bind(9, c.pushes);
    OSCM_RETURN_IF_ERROR(put.Run());
  }
  OSCM_ASSIGN_OR_RETURN(auto dirty, db.Prepare(
      "INSERT INTO gh_openrank_months(month, dirty, nodes, edges, iterations) VALUES (?, 1, 0, 0, 0) "
      "ON CONFLICT(month) DO UPDATE SET dirty = 1"));
  for (const MonthIndex m : months) {
    dirty.Bind(1, std::string_view(FormatMonth(m)));
    OSCM_RETURN_IF_ERROR(dirty.Run());
  }
  return Status::Ok();
}

}  // namespace oscm::ingest
