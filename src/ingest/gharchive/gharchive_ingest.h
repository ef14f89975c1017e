// IngestGhArchive: the events of tracked repositories from GH Archive files, into the store.
//
// Each file is read once as a stream and stored in its own transaction, together with its row
// in the ingest log (gh_files: path, size, CRC-32). A file already in the log is skipped, so a
// second run over the same files is a no-op, and a run interrupted at any point resumes with the
// first file it had not finished. Only events of tracked repositories are stored, deduplicated by
// event id. Repositories match case-insensitively by name or by GitHub's numeric id, so a renamed
// repository is followed under its new name. Memory does not grow with the number of events.
//
// With all_repos, every repository's monthly aggregates (gh_repo_months) are kept as well, and
// tracked repositories are optional; a file logged by a run without all_repos is read again.
//
// Each file is scanned (file_scan.h) and written by a GhScanWriter, which stores its candidates
// while the scan goes on; an MPI run (mpi_ingest.h) scans in several processes and writes with
// the same GhScanWriter. A file's checksum comes from its scan, so a new file is read once.
// Lines of untracked repositories are skipped after a cheap look at their repo object (see
// SkippableLine in file_scan.cc); such a line is checked only for the shape of an event (braces,
// valid UTF-8, a type and a created_at), so a line of an untracked repository that is broken
// inside while keeping that shape is not counted as bad. Every other line is parsed in full.
// Bad lines (not JSON, not an event, over-long) are counted per file with the first few samples;
// more than `max_bad_lines` in one file fails that file, which then stores nothing, and so does
// a file of which no line is an event (a truly empty file is logged, with 0 lines). A truncated
// or corrupt gzip fails its file the same way: its lines cannot be trusted (a corrupt deflate
// stream can decode to garbage before the decoder notices). A failed file is reported in its
// GhFileResult::error and the remaining files are still read; other errors (I/O, the store,
// cancellation) stop the run, keeping the files already committed.
// Not thread-safe: uses the caller's Store.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/progress.h"
#include "ingest/gharchive/file_scan.h"
#include "ingest/gharchive/repo_matcher.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/gh_event_writer.h"
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
// *.json.gz and *.json, sorted by path. Errors name a missing path, or a directory without
// such files.
Result<std::vector<std::string>> ExpandGhArchivePaths(const std::vector<std::string>& paths);

struct GhArchiveIngestOptions {
  std::vector<std::string> files;
  std::vector<TrackedCommunity> track;  // added to what the store already tracks
  int64_t max_bad_lines = -1;           // per file; -1: no limit
  bool all_repos = false;               // also keep every repository's monthly aggregates
  const std::atomic<bool>* cancel = nullptr;
  size_t scan_threads = 0;              // files scanned at once; 0: one per core, at most 4
  size_t event_batch = 512;             // candidates a scan hands to the writer at a time
};

struct GhFileResult {
  std::string path;
  bool skipped = false;  // already ingested (same path, size and checksum), by this run's start or since
  int64_t lines = 0;
  int64_t events_stored = 0;  // new events of tracked repositories
  int64_t bad_lines = 0;
  std::vector<std::string> samples;  // "path:line N: reason", the first few
  Status error;  // kCorruption when the file was rejected (it stored nothing)
};

// Writes scanned files into the store: the candidate events are matched to tracked repositories
// in the order the files are written (which must be the order of the files, for renames to be
// followed as one process follows them), stored with what the matcher learned, the aggregates
// merged into gh_repo_months, and the file's row added to the ingest log.
// REQUIRES: the caller holds a Transaction on the store for the writes. Not thread-safe.
class GhScanWriter {
 public:
  // Adds `options.track` to the tracked repositories and loads them. Fails when nothing is
  // tracked and all_repos is not set. REQUIRES: inside a Transaction (it may write).
  static Result<GhScanWriter> Create(store::Store& store, const GhArchiveIngestOptions& options,
                                     const BotList& bots);

  // What the store tracks, for the scans' filters.
  const RepoMatcher& matcher() const { return matcher_; }

  // The files the ingest log says need no reading in this run, as (path, size, checksum).
  using FileKey = std::tuple<std::string, int64_t, std::string>;
  Result<std::set<FileKey>> IngestedFiles();

  // Writes one file's scan (nothing for a skipped or rejected one) and returns its result. A file
  // the ingest log holds by now (another process wrote it since IngestedFiles) is skipped, and
  // the caller must roll back what its candidates wrote.
  Result<GhFileResult> Write(const GhFileScan& scan);

  // The same in pieces, for a scan still running: StartFile, WriteEvents with each batch of
  // candidates in file order, then FinishFile with the finished scan (whose `events` are the
  // last ones). A file whose transaction is rolled back instead (a rejected file, or one read
  // again) must give the matcher back its state from before the file with RestoreMatcher.
  Status StartFile();
  Status WriteEvents(const std::vector<GhEvent>& events);
  Result<GhFileResult> FinishFile(const GhFileScan& scan);
  void RestoreMatcher(RepoMatcher matcher) { matcher_ = std::move(matcher); }

 private:
  GhScanWriter(store::SqliteDb* db, RepoMatcher matcher, const BotList* bots, bool all_repos)
      : db_(db), matcher_(std::move(matcher)), bots_(bots), all_repos_(all_repos) {}
  Status WriteRepoMonths(const RepoMonths& months);

  store::SqliteDb* db_;
  RepoMatcher matcher_;
  const BotList* bots_;
  bool all_repos_;
  std::optional<store::GhEventWriter> events_;  // the file being written
  int64_t events_stored_ = 0;                   // by this file so far
  std::vector<store::GhEventWriter::Row> rows_;  // WriteEvents' scratch
};

// Whether the ingest log `done` holds the file `path` of `size` bytes. Its CRC-32 is computed
// (into *checksum) only when the log has a file of that path and size, so that a file not yet
// ingested is read once, by its scan (which sets the checksum from the bytes it reads).
Result<bool> IsIngested(const std::set<GhScanWriter::FileKey>& done, const std::string& path, int64_t size,
                        std::string* checksum);

Result<std::vector<GhFileResult>> IngestGhArchive(store::Store& store,
                                                  const GhArchiveIngestOptions& options,
                                                  const BotList& bots, ProgressSink& progress);

}  // namespace oscm::ingest
