// RepoActivity: every person's activity on every repository per month, gathered from GH Archive
// with --all-repos as OpenRank's input (metrics/openrank.h), and written to gh_activity.
//
// Counts per (month, repository id, actor) of what OpenDigger's OpenRank weighs: issues opened,
// issue comments, issues closed, review comments, pull requests opened and pushes. Bots are left
// out, as OpenDigger leaves them out (X-lab2017/open-digger issue 793), and so are issues whose
// title starts "[snyk]" and events without a repository id. People are keyed by GitHub's user id;
// the 2013-2014 timeline layout has none, so there a negative key is derived from the login.
// Counts add, so the activity of several files or processes merges in any order, exactly.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>

#include "base/byte_codec.h"
#include "base/time.h"
#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::ingest {

struct ActivityKey {
  MonthIndex month = 0;
  int64_t repo_id = 0;
  int64_t actor_id = 0;
  bool operator==(const ActivityKey&) const = default;
};
struct ActivityKeyHash {
  size_t operator()(const ActivityKey& k) const {
    // Unsigned: the derived actor keys are large negative numbers, and signed overflow is undefined.
    const uint64_t h = (static_cast<uint64_t>(k.repo_id) * 1000003u + static_cast<uint64_t>(k.actor_id)) * 31u +
                       static_cast<uint64_t>(k.month);
    return std::hash<uint64_t>()(h);
  }
};
struct ActivityCounts {
  int64_t issues_opened = 0;
  int64_t issue_comments = 0;
  int64_t issues_closed = 0;
  int64_t review_comments = 0;
  int64_t prs_opened = 0;
  int64_t pushes = 0;
};
using RepoActivity = std::unordered_map<ActivityKey, ActivityCounts, ActivityKeyHash>;

// The actor key of gh_activity for an event's actor.
int64_t ActivityActorId(const GhEvent& ev);

// Adds one event to `out` (nothing for events OpenRank does not weigh).
void AddToActivity(const GhEvent& ev, bool actor_is_bot, RepoActivity* out);

void EncodeActivity(const RepoActivity& activity, ByteWriter* w);
bool DecodeActivity(ByteReader* r, RepoActivity* activity);

// Adds `activity` to gh_activity and marks its months' OpenRank out of date.
// REQUIRES: inside a Transaction.
Status WriteActivity(store::SqliteDb& db, const RepoActivity& activity);

}  // namespace oscm::ingest
