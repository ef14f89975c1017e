// ComputeNumstat: per-file added/deleted line counts of commits against their first parent,
// like `git log --numstat --no-renames`, computed on several threads.
//
// Each worker opens its own libgit2 repository handle (libgit2 objects are not shared between
// threads). Merge commits get no file changes, as in `git log --numstat` without -m.
#pragma once

#include <atomic>
#include <cstdint>
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

// Returns one vector per job, in job order. `repo_path` is GitRepo::path(). `threads` 0 means one
// per hardware thread. Progress is reported from the calling thread.
Result<std::vector<std::vector<FileChange>>> ComputeNumstat(const std::string& repo_path,
                                                            const std::vector<NumstatJob>& jobs,
                                                            unsigned threads, ProgressSink& progress,
                                                            const std::atomic<bool>* cancel);

}  // namespace oscm::ingest
