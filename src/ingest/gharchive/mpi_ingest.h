// IngestGhArchiveMpi: IngestGhArchive split across the processes (ranks) of an MPI job, started
// as `mpirun -np N oscm ingest gharchive FILES... --mpi`.
//
// Files. Every rank expands its own FILES|DIRS. Ranks whose lists are the same (all of them on one
// machine or a shared filesystem; the ranks of one node given that node's files) split those
// files into contiguous runs of about equal size (AssignFilesBySize). A file in the lists of
// ranks that differ goes to the group of the lowest rank. The job orders files by path, as one
// process does, so paths must name the same file wherever they appear.
//
// Work. Each rank scans its files with the one-process pipeline (file_scan.h, two threads per
// file) and sends every file's partial result to rank 0 as soon as it has it; rank 0, which scans
// too, keeps them in a temporary file. Rank 0 alone opens the store. Once every rank has reported
// success, rank 0 writes all files in path order, in one transaction, with the GhScanWriter one
// process uses, so the store ends up exactly as one process would leave it (same events, ids,
// names, aggregates and log rows).
//
// Renames. A rank's filter learns tracked repositories' ids only from its own files, so an event
// of a renamed repository in one rank's file may carry an id that only another rank has seen.
// Each scan therefore notes the repository ids of the events it did not keep (on disk); after the
// scans, the ranks exchange the ids of the events they kept, and a rank reads again any file
// holding an id another rank kept (in practice only around a rename), now keeping those events.
//
// Failure. A rank that fails (an unreadable file or store, Ctrl-C, any error that would stop a
// one-process run) makes the whole run fail with that rank's error, and the store is untouched:
// nothing is written before every rank has succeeded. A rank that dies makes mpirun end the job
// before rank 0 writes. Rejected files (corrupt gzip, too many bad lines) are per-file results,
// reported as in one process. Unlike one process (one transaction per file), an interrupted MPI
// run keeps nothing: the next run reads every file again.
//
// Memory per rank: one file's partial result at a time (plus, on rank 0, the store's page cache).
#pragma once

#include <string>
#include <vector>

#include "base/progress.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "ingest/identity/bots.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct MpiIngestOutcome {
  int rank = 0;
  int ranks = 1;
  std::vector<GhFileResult> files;  // rank 0: every file of the job, in path order
  bool failed = false;              // other ranks: the job failed (rank 0 returns the error)
};

// Initialises MPI and finalises it before returning; call once, from every rank. `paths` are this
// rank's FILES|DIRS; `options.files` is ignored. The store at `db_path` is opened by rank 0 only.
// On rank 0, an error is the job's (naming the rank that failed); other ranks set `failed`.
Result<MpiIngestOutcome> IngestGhArchiveMpi(const std::string& db_path, const std::vector<std::string>& paths,
                                            const GhArchiveIngestOptions& options, const BotList& bots,
                                            ProgressSink& progress);

// The rank that reads each file: contiguous runs of files whose weights (sizes) add up to about
// total / ranks each: a file goes to the rank whose share holds its middle. Deterministic.
std::vector<int> AssignFilesBySize(const std::vector<int64_t>& weights, int ranks);

}  // namespace oscm::ingest
