// IngestGit: brings one git repository's history into the store, incrementally.
//
// Everything one call writes happens in a single transaction: if it fails or is cancelled, the
// store is exactly as it was before the call. A repeated call with nothing new changes nothing.
// Not thread-safe (uses the caller's Store); numstat runs on its own worker threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "base/ingest_stats.h"
#include "base/progress.h"
#include "ingest/identity/affiliation.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

struct GitIngestOptions {
  std::string location;        // path or URL
  std::string community;       // "" = its community if stored, else the directory name
  std::string branch;          // "" = HEAD
  bool all_branches = false;   // every local and remote-tracking branch
  bool numstat = false;        // per-file line changes
  unsigned threads = 0;        // numstat workers; 0 = one per hardware thread
  std::string cache_dir;       // where URLs are cloned
  int64_t max_bad = -1;        // more bad records than this fails the ingest (nothing stored); -1: no limit
  int64_t now = 0;             // for "date in the future" checks
  const std::atomic<bool>* cancel = nullptr;
};

struct GitIngestResult {
  std::string community;
  std::string location;
  int64_t commits_added = 0;
  int64_t numstat_commits = 0;
  int64_t releases = 0;
  int64_t community_files = 0;
  bool reresolved = false;  // affiliation/bot data changed, organisations recomputed
  IngestStats stats;        // bad records (malformed identities, implausible dates)
};

Result<GitIngestResult> IngestGit(store::Store& store, const GitIngestOptions& options,
                                  const BotList& bots, const AffiliationResolver& affiliations,
                                  ProgressSink& progress);

}  // namespace oscm::ingest
