// PackResidency: keeps the pages of a repository's pack files that this process has mapped (and
// so counts as resident) under a limit, by giving them back to the page cache.
//
// libgit2 maps pack files whole (1 GiB windows on 64-bit) and never unmaps a page it has touched,
// so an ingest that reads every blob of a long history (--numstat on git/git: a 496 MB pack) ends
// up with the whole pack resident. libgit2's own window limits (GIT_OPT_SET_MWINDOW_MAPPED_LIMIT)
// bound that, but unmap and re-map windows so often that the same run took 60-100% more CPU.
// Trim() instead drops this process's mappings of the pages (madvise MADV_DONTNEED on the
// read-only, never-written pack mappings, found in /proc/self/maps): the file's contents stay in
// the page cache, and a page read again is mapped again, so what libgit2 sees does not change.
// Linux only. Thread-safe: Trim() may run while other threads read from the packs.
#pragma once

#include <cstddef>
#include <string>

#include "oscm/status.h"

namespace oscm::ingest {

class PackResidency {
 public:
  // Packs are the files under `objects_dir` (a repository's objects/ directory) whose names end
  // in ".pack"; `limit_bytes` is how much of them may stay mapped before Trim() gives pages back.
  PackResidency(std::string objects_dir, size_t limit_bytes)
      : objects_dir_(std::move(objects_dir)), limit_bytes_(limit_bytes) {}

  // When this process's resident file-backed memory is over the limit, gives back the resident
  // pages of its pack mappings. Returns the bytes of mappings it advised (0 when under the
  // limit). Cheap when under the limit: one read of /proc/self/statm.
  Result<size_t> Trim();

 private:
  std::string objects_dir_;
  size_t limit_bytes_;
};

}  // namespace oscm::ingest
