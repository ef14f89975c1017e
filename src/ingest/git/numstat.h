// ComputeNumstat: per-file added/deleted line counts of commits against their first parent,
// exactly as `git log --numstat --no-renames` prints them (binary files: -1/-1), computed on
// several threads.
//
// The tree diff descends only into subtrees whose ids differ, added and deleted files are
// counted without a diff, and modified files are diffed with libgit2's xdiff. Each worker opens
// its own libgit2 repository handle (libgit2 objects are not shared between threads). Merge
// commits are not jobs, as `git log --numstat` without -m shows none. A blob the repository
// lacks (partial clones) gives a FileChange marked `missing`, not an error: oscm never fetches.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/progress.h"
#include "oscm/records.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct NumstatJob {
  int64_t commit_id = 0;  // the store's id, carried through for the caller
  std::string oid;
  std::string parent_oid;  // empty for a root commit
};

// Called on the calling thread, once per job, in job order.
using NumstatSink = std::function<Status(const NumstatJob&, const std::vector<FileChange>&)>;

// `repo_path` is GitRepo::path(); `threads` 0 means one per hardware thread. Workers run a bounded
// number of jobs ahead of the sink, so memory does not grow with the number of commits. The first
// error (from a worker, the sink, or `cancel`) stops the run and is returned.
Status ComputeNumstat(const std::string& repo_path, const std::vector<NumstatJob>& jobs,
                      unsigned threads, const NumstatSink& sink, ProgressSink& progress,
                      const std::atomic<bool>* cancel);

}  // namespace oscm::ingest
