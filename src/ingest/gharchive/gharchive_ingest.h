// IngestGhArchive: the events of tracked repositories from GH Archive files, into the store.
//
// Each file is read once as a stream and stored in its own transaction, together with its row
// in the ingest log (gh_files: path, size, CRC-32). A file already in the log is skipped, so a
// second run over the same files is a no-op, and a run interrupted at any point resumes with the
// first file it had not finished. Only events of tracked repositories are stored, deduplicated by
// event id. Repositories match case-insensitively by name or by GitHub's numeric id, so a renamed
// repository is followed under its new name. Memory does not grow with the number of events.
//
// Lines of untracked repositories are skipped after a cheap look at their repo object (see
// SkippableLine in the .cc); such a line is checked only for the shape of an event (braces,
// valid UTF-8, a type and a created_at), so a line of an untracked repository that is broken
// inside while keeping that shape is not counted as bad. Every other line is parsed in full.
// Bad lines (not JSON, not an event, over-long) are counted per file with the first few samples;
// more than `max_bad_lines` in one file fails that file, which then stores nothing. A truncated
// or corrupt gzip fails its file the same way: its lines cannot be trusted (a corrupt deflate
// stream can decode to garbage before the decoder notices). A failed file is reported in its
// GhFileResult::error and the remaining files are still read; other errors (I/O, the store,
// cancellation) stop the run, keeping the files already committed.
// Not thread-safe: uses the caller's Store.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "base/progress.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

struct TrackedCommunity {
  std::string community;
  std::vector<std::string> repos;  // "owner/name"
};

// Parses "tidb=pingcap/tidb,tikv/tikv" into a TrackedCommunity.
Result<TrackedCommunity> ParseTrackSpec(std::string_view spec);

// Tracks the repositories (gh_repos, by lower-case name) for their communities, in one
// transaction. A repository tracked for another community is kInvalidArgument naming both.
Status TrackRepositories(store::Store& store, const std::vector<TrackedCommunity>& track);

// The GH Archive files named by `paths`: files as given, directories searched (recursively) for
// *.json.gz and *.json, sorted by path. Errors name a missing path.
Result<std::vector<std::string>> ExpandGhArchivePaths(const std::vector<std::string>& paths);

struct GhArchiveIngestOptions {
  std::vector<std::string> files;
  std::vector<TrackedCommunity> track;  // added to what the store already tracks
  int64_t max_bad_lines = -1;           // per file; -1: no limit
  const std::atomic<bool>* cancel = nullptr;
};

struct GhFileResult {
  std::string path;
  bool skipped = false;  // already ingested (same path, size and checksum)
  int64_t lines = 0;
  int64_t events_stored = 0;  // new events of tracked repositories
  int64_t bad_lines = 0;
  std::vector<std::string> samples;  // "path:line N: reason", the first few
  Status error;  // kCorruption when the file was rejected (it stored nothing)
};

Result<std::vector<GhFileResult>> IngestGhArchive(store::Store& store,
                                                  const GhArchiveIngestOptions& options,
                                                  const BotList& bots, ProgressSink& progress);

}  // namespace oscm::ingest
