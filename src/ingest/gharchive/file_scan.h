// ScanGhFile: one GH Archive file read into a GhFileScan, the file's mergeable partial result,
// without touching the store.
//
// A scan keeps (1) the candidate events: every event a RepoMatcher filter says may belong to a
// tracked repository (a superset of what the store will keep; the writer decides with the real
// matcher, in file order), (2) the file's line and bad-line counts with the first samples,
// (3) with all_repos, the per-repository monthly aggregates of every repository in the file and
// the per-person activity OpenRank weighs.
// Its size grows with the tracked repositories' events and the repositories in one file, never
// with the file's other events. Scans of different files are independent, so they can run in
// other processes; GhFileScan is encoded for the trip (EncodeGhFileScan / DecodeGhFileScan).
//
// Lines of untracked repositories are skipped after a cheap look at their repo object unless
// all_repos is set (see SkippableLine in the .cc). Bad lines are counted per file with the first
// few samples; more than max_bad_lines, or a truncated or corrupt gzip, rejects the file: its
// GhFileScan has `rejected` set and nothing else to store.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/distinct_sketch.h"
#include "base/progress.h"
#include "base/time.h"
#include "ingest/gharchive/openrank_activity.h"
#include "ingest/gharchive/repo_matcher.h"
#include "ingest/identity/bots.h"
#include "oscm/records.h"
#include "oscm/status.h"

namespace oscm::ingest {

// One repository's activity in one month (--all-repos). Counts add and sketches merge, so the
// aggregates of several files (or processes) combine in any order.
struct RepoMonth {
  std::string name;  // lower-case; the last name seen (in file order)
  int64_t stars = 0;
  int64_t forks = 0;
  int64_t issues_opened = 0;  // by people (not bots), as the issues_opened metric
  int64_t prs_opened = 0;     // by people, as prs_opened
  int64_t prs_merged = 0;
  int64_t pushes = 0;         // PushEvents
  DistinctSketch actors;      // people (not bots) with any event, as active_actors
};

struct RepoMonthKey {
  int64_t repo_id = 0;  // GitHub's repository id
  MonthIndex month = 0;
  bool operator==(const RepoMonthKey&) const = default;
};
struct RepoMonthKeyHash {
  size_t operator()(const RepoMonthKey& k) const {
    return std::hash<int64_t>()(k.repo_id * 1000003 + k.month);
  }
};
using RepoMonths = std::unordered_map<RepoMonthKey, RepoMonth, RepoMonthKeyHash>;

// Adds one event to the aggregates. Events without a repository id are not counted.
void AddToRepoMonths(const GhEvent& ev, bool actor_is_bot, RepoMonths* months);

struct GhFileScan {
  std::string path;
  int64_t size = 0;
  std::string checksum;  // CRC-32, 8 hex digits
  bool skipped = false;  // already in the ingest log: nothing was read
  std::string rejected;  // why the file was rejected (it then stores nothing), or empty
  int64_t lines = 0;
  int64_t bad_lines = 0;
  std::vector<std::string> samples;  // "path:N: reason", the first few
  std::vector<GhEvent> events;       // candidates, in file order
  RepoMonths repo_months;            // with all_repos
  RepoActivity activity;             // with all_repos: OpenRank's input (openrank_activity.h)
};

struct GhScanOptions {
  int64_t max_bad_lines = -1;  // per file; -1: no limit
  bool all_repos = false;
  const std::atomic<bool>* cancel = nullptr;
  // Called every few thousand lines, on the scanning thread; an error stops the scan with it.
  std::function<Status()> poll;
  // When set, takes the candidates found so far, a few hundred at a time, on the scanning thread
  // and in file order, so that they can be written while the scan goes on; scan->events then
  // holds only the last ones. A rejected file's already-taken candidates must be dropped.
  std::function<void(std::vector<GhEvent>&& batch)> take_events;
  size_t event_batch = 512;  // candidates per take_events call
};

// Reads `scan->path` into `scan` (whose path and size the caller sets; a scan that ends cleanly
// sets the checksum from the bytes it read). `filter` picks
// the candidates and learns as it goes (RepoMatcher::Match). `other_ids`, when given, receives
// the repository ids of the events that were not kept, sorted and without duplicates (so that
// ids learned in other processes can be checked for; see mpi_ingest.cc). A rejected file is a
// result (`rejected`); errors are for what stops a whole run: I/O errors, cancellation, a failed
// poll.
Status ScanGhFile(RepoMatcher& filter, const BotList& bots, const GhScanOptions& options,
                  ProgressSink& progress, std::string_view progress_label, GhFileScan* scan,
                  std::vector<int64_t>* other_ids = nullptr);

void EncodeGhFileScan(const GhFileScan& scan, ByteWriter* w);
Status DecodeGhFileScan(std::string_view bytes, GhFileScan* scan);

}  // namespace oscm::ingest
