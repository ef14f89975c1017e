// WalkCommits: streams the commits reachable from some tips, stopping at commits already stored.
//
// Each commit becomes a CommitRecord with .mailmap applied to the author, the committer and every
// trailer identity. The walk is depth-first from the tips in order, parents in order, so the same
// repository and tips give the same order and a re-run assigns the same store ids. Each commit
// object is read once (a libgit2 revwalk would read it twice). Commits with unusable
// dates are repaired (an author date before 1990 or in the future takes the committer date when
// that one is sane) or skipped, and counted in `stats` either way.
//
// Not thread-safe; uses the caller's GitRepo.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/ingest_stats.h"
#include "base/progress.h"
#include "ingest/git/git_repo.h"
#include "oscm/records.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct WalkOptions {
  std::vector<std::string> tips;  // oids to start from
  const std::unordered_set<std::string>* stored = nullptr;  // oids already ingested: not walked
  int64_t now = 0;                // dates after now + 1 day are "in the future"
  const std::atomic<bool>* cancel = nullptr;  // polled; set by a signal handler
};

using CommitSink = std::function<Status(CommitRecord&&)>;

Status WalkCommits(const GitRepo& repo, const WalkOptions& options, const CommitSink& sink,
                   ProgressSink& progress, IngestStats* stats);

}  // namespace oscm::ingest
