#include "ingest/gharchive/mpi_ingest.h"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "base/byte_codec.h"
#include "base/spill_file.h"
#include "store/store.h"

namespace oscm::ingest {
namespace fs = std::filesystem;

namespace {

constexpr int kTagScan = 1;  // 8-byte file index, then an encoded GhFileScan
constexpr int kTagDone = 2;  // a rank's phase is over: its error (or none) and the ids it kept

// MPI for the lifetime of one run. Only the thread that created it calls MPI (the decompression
// threads never do).
class MpiSession {
 public:
  MpiSession() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks_);
  }
  ~MpiSession() { MPI_Finalize(); }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int ranks() const { return ranks_; }

 private:
  int rank_ = 0;
  int ranks_ = 1;
};

int MessageSize(size_t n) {
  OSCM_ASSERT(n <= static_cast<size_t>(INT_MAX), "MPI message over 2 GiB");
  return static_cast<int>(n);
}

void BcastBytes(std::string* bytes) {
  uint64_t n = bytes->size();
  MPI_Bcast(&n, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  bytes->resize(n);
  MPI_Bcast(bytes->data(), MessageSize(n), MPI_BYTE, 0, MPI_COMM_WORLD);
}

// Every rank's bytes, on rank 0 (empty elsewhere).
std::vector<std::string> GatherBytes(const std::string& mine, int rank, int ranks) {
  int n = MessageSize(mine.size());
  std::vector<int> counts(static_cast<size_t>(ranks));
  MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> displs(counts.size(), 0);
  size_t total = 0;
  for (size_t r = 0; r < counts.size(); ++r) {
    displs[r] = MessageSize(total);
    total += static_cast<size_t>(counts[r]);
  }
  std::string all(rank == 0 ? total : 0, '\0');
  MPI_Gatherv(mine.data(), n, MPI_BYTE, all.data(), counts.data(), displs.data(), MPI_BYTE, 0, MPI_COMM_WORLD);
  std::vector<std::string> out;
  if (rank == 0) {
    for (size_t r = 0; r < counts.size(); ++r) {
      out.push_back(all.substr(static_cast<size_t>(displs[r]), static_cast<size_t>(counts[r])));
    }
  }
  return out;
}

void EncodeStatus(const Status& s, ByteWriter* w) {
  w->U64(static_cast<uint64_t>(s.code()));
  w->Str(s.message());
}

bool DecodeStatus(ByteReader* r, Status* s) {
  uint64_t code = 0;
  std::string message;
  if (!r->U64(&code) || !r->Str(&message)) return false;
  *s = Status(static_cast<StatusCode>(code), std::move(message));
  return true;
}

struct JobFile {
  std::string path;
  int64_t size = 0;
  int rank = 0;
};

// What rank 0 tells every rank before the scans.
struct Setup {
  Status error;
  std::vector<JobFile> files;  // in path order
  std::string matcher;         // RepoMatcher::Encode of the store's tracked repositories
  std::set<GhScanWriter::FileKey> done;  // (path, size, checksum) to skip
};

std::string EncodeSetup(const Setup& s) {
  ByteWriter w;
  EncodeStatus(s.error, &w);
  w.U64(s.files.size());
  for (const auto& f : s.files) {
    w.Str(f.path);
    w.I64(f.size);
    w.I64(f.rank);
  }
  w.Str(s.matcher);
  w.U64(s.done.size());
  for (const auto& [path, size, checksum] : s.done) {
    w.Str(path);
    w.I64(size);
    w.Str(checksum);
  }
  return w.Take();
}

// Messages come from the same binary, so a malformed one is a bug: it aborts the rank (and mpirun
// then ends the job) rather than leave the other ranks waiting for it.
void DecodeSetup(std::string_view bytes, Setup* s) {
  ByteReader r(bytes);
  uint64_t n = 0;
  bool ok = DecodeStatus(&r, &s->error) && r.U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) {
    JobFile& f = s->files.emplace_back();
    int64_t rank = 0;
    ok = r.Str(&f.path) && r.I64(&f.size) && r.I64(&rank);
    f.rank = static_cast<int>(rank);
  }
  ok = ok && r.Str(&s->matcher) && r.U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) {
    std::string path;
    std::string checksum;
    int64_t size = 0;
    ok = r.Str(&path) && r.I64(&size) && r.Str(&checksum);
    s->done.emplace(path, size, checksum);
  }
  OSCM_ASSERT(ok && r.AtCleanEnd(), "malformed MPI setup message");
}

// A rank's list of files: its expanded paths with sizes, or why it could not list them.
std::string ListFiles(const std::vector<std::string>& paths) {
  ByteWriter w;
  auto files = ExpandGhArchivePaths(paths);
  std::vector<std::pair<std::string, int64_t>> sized;
  Status error = files.status();
  if (files) {
    for (const auto& f : *files) {
      std::error_code ec;
      const auto size = static_cast<int64_t>(fs::file_size(f, ec));
      if (ec) {
        error = IoError(fmt::format("{}: {}", f, ec.message()));
        break;
      }
      sized.emplace_back(f, size);
    }
  }
  w.Str(error.message());
  w.U64(error.ok() ? sized.size() : 0);
  if (error.ok()) {
    for (const auto& [path, size] : sized) {
      w.Str(path);
      w.I64(size);
    }
  }
  return w.Take();
}

// Rank 0: the job's files and who reads them, from every rank's list.
Status PlanFiles(const std::vector<std::string>& lists, const std::set<std::pair<std::string, int64_t>>& logged,
                 std::vector<JobFile>* files) {
  std::vector<std::vector<std::pair<std::string, int64_t>>> named(lists.size());
  for (size_t r = 0; r < lists.size(); ++r) {
    ByteReader reader(lists[r]);
    std::string error;
    uint64_t n = 0;
    bool ok = reader.Str(&error) && reader.U64(&n);
    if (ok && !error.empty()) return NotFoundError(fmt::format("rank {}: {}", r, error));
    for (uint64_t i = 0; ok && i < n; ++i) {
      auto& f = named[r].emplace_back();
      ok = reader.Str(&f.first) && reader.I64(&f.second);
    }
    if (!ok) return InternalError("MPI file list is malformed");
  }
  // Ranks that name the same files (one machine, or the nodes that share a filesystem) split
  // them by size; a file that ranks with different lists name goes to the lowest such group.
  // Equal lists are equal bytes, since every rank encodes its list the same way.
  std::map<std::string_view, std::vector<int>> ranks_by_list;
  for (size_t r = 0; r < lists.size(); ++r) ranks_by_list[lists[r]].push_back(static_cast<int>(r));
  std::vector<const std::vector<int>*> groups;
  for (const auto& [list, ranks] : ranks_by_list) groups.push_back(&ranks);
  std::sort(groups.begin(), groups.end(), [](const auto* a, const auto* b) { return a->front() < b->front(); });
  std::map<std::string, JobFile> by_path;
  for (const std::vector<int>* group : groups) {
    std::vector<std::pair<std::string, int64_t>> files_of_group;
    std::vector<int64_t> weights;
    for (const auto& [path, size] : named[static_cast<size_t>(group->front())]) {
      if (by_path.count(path) > 0) continue;
      files_of_group.emplace_back(path, size);
      // Files the log already holds are (most likely) skipped, so they weigh nothing.
      weights.push_back(logged.count({path, size}) > 0 ? 0 : size);
    }
    const std::vector<int> owner = AssignFilesBySize(weights, static_cast<int>(group->size()));
    for (size_t i = 0; i < files_of_group.size(); ++i) {
      const auto& [path, size] = files_of_group[i];
      by_path.emplace(path, JobFile{path, size, (*group)[static_cast<size_t>(owner[i])]});
    }
  }
  for (auto& [path, f] : by_path) files->push_back(std::move(f));
  return Status::Ok();
}

// Rank 0's side of the messages: partial results into the spill file, phase ends counted.
class Collector {
 public:
  Collector(SpillFile* spill, int ranks) : spill_(spill), ranks_(ranks) {}

  void StartPhase() { pending_ = ranks_ - 1; }
  const Status& failure() const { return failure_; }
  // Every (rank, id) of the events the ranks kept in the phase.
  const std::vector<std::pair<int, int64_t>>& kept_ids() const { return kept_ids_; }

  void Fail(int rank, const Status& s) {
    if (failure_.ok()) failure_ = Status(s.code(), fmt::format("rank {}: {}", rank, s.message()));
  }

  void AddKeptIds(int rank, const std::unordered_set<int64_t>& ids) {
    for (const int64_t id : ids) kept_ids_.emplace_back(rank, id);
  }

  // Receives what has arrived, or with `wait`, everything until every rank has ended the phase.
  // Never stops early: a failure here is recorded, so that every rank still hears the verdict.
  void Drain(bool wait) {
    while (true) {
      MPI_Status st;
      int arrived = 0;
      if (wait && pending_ > 0) {
        MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
        arrived = 1;
      } else {
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &st);
      }
      if (arrived == 0) return;
      int count = 0;
      MPI_Get_count(&st, MPI_BYTE, &count);
      std::string buf(static_cast<size_t>(count), '\0');
      MPI_Recv(buf.data(), count, MPI_BYTE, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (st.MPI_TAG == kTagScan) {
        uint64_t index = 0;
        OSCM_ASSERT(buf.size() >= sizeof index, "malformed MPI scan message");
        std::memcpy(&index, buf.data(), sizeof index);
        if (Status s = spill_->Put(index, std::string_view(buf).substr(sizeof index)); !s.ok()) Fail(0, s);
      } else if (st.MPI_TAG == kTagDone) {
        --pending_;
        ByteReader r(buf);
        Status status;
        uint64_t n = 0;
        bool ok = DecodeStatus(&r, &status) && r.U64(&n);
        for (uint64_t i = 0; ok && i < n; ++i) {
          int64_t id = 0;
          ok = r.I64(&id);
          kept_ids_.emplace_back(st.MPI_SOURCE, id);
        }
        OSCM_ASSERT(ok, "malformed MPI done message");
        if (!status.ok()) Fail(st.MPI_SOURCE, status);
      }
      if (wait && pending_ == 0) return;
    }
  }

 private:
  SpillFile* spill_;
  int ranks_;
  int pending_ = 0;
  Status failure_;
  std::vector<std::pair<int, int64_t>> kept_ids_;
};

// One rank's part of the job.
class RankScanner {
 public:
  RankScanner(const MpiSession& mpi, const Setup& setup, RepoMatcher filter, const GhArchiveIngestOptions& options,
              const BotList& bots, ProgressSink& progress, SpillFile* results, SpillFile* other_ids,
              Collector* collector)
      : mpi_(mpi), setup_(setup), filter_(std::move(filter)), bots_(bots), progress_(progress),
        results_(results), other_ids_(other_ids), collector_(collector) {
    scan_options_.max_bad_lines = options.max_bad_lines;
    scan_options_.all_repos = options.all_repos;
    scan_options_.cancel = options.cancel;
    if (collector_ != nullptr) {
      // Rank 0 takes the others' results while it scans, so that they never wait for it, and
      // stops early when one of them failed.
      scan_options_.poll = [this] {
        collector_->Drain(false);
        return collector_->failure().ok() ? Status::Ok() : CancelledError("another rank failed");
      };
    }
  }

  // Phase 1 scans every file of this rank; phase 2 reads again the files whose dropped events
  // carry one of the `rescan` ids, now keeping those events.
  Status Run(int phase, const std::vector<int64_t>& rescan) {
    if (phase == 2) {
      if (rescan.empty()) return Status::Ok();
      filter_.AddMayMatchIds(rescan);
    }
    for (size_t i = 0; i < setup_.files.size(); ++i) {
      const JobFile& f = setup_.files[i];
      if (f.rank != mpi_.rank()) continue;
      if (phase == 2 && !NeedsRescan(i, rescan)) continue;
      if (collector_ != nullptr) OSCM_RETURN_IF_ERROR(scan_options_.poll());
      GhFileScan scan;
      scan.path = f.path;
      scan.size = f.size;
      OSCM_ASSIGN_OR_RETURN(scan.skipped, IsIngested(setup_.done, f.path, f.size, &scan.checksum));
      std::vector<int64_t> other_ids;
      if (!scan.skipped) {
        const std::string label = fmt::format("rank {}/{}: file {}/{} {}", mpi_.rank(), mpi_.ranks(), i + 1,
                                              setup_.files.size(), fs::path(f.path).filename().string());
        OSCM_RETURN_IF_ERROR(ScanGhFile(filter_, bots_, scan_options_, progress_, label, &scan, &other_ids));
      }
      for (const GhEvent& ev : scan.events) {
        if (ev.repo_id != 0) kept_ids_.insert(ev.repo_id);
      }
      if (phase == 1 && mpi_.ranks() > 1 && !other_ids.empty()) {
        ByteWriter ids;
        for (const int64_t id : other_ids) ids.I64(id);
        OSCM_RETURN_IF_ERROR(other_ids_->Put(i, ids.data()));
      }
      ByteWriter encoded;
      EncodeGhFileScan(scan, &encoded);
      if (collector_ != nullptr) {
        OSCM_RETURN_IF_ERROR(results_->Put(i, encoded.data()));
      } else {
        const uint64_t index = i;
        std::string msg(sizeof index, '\0');
        std::memcpy(msg.data(), &index, sizeof index);
        msg += encoded.data();
        MPI_Send(msg.data(), MessageSize(msg.size()), MPI_BYTE, 0, kTagScan, MPI_COMM_WORLD);
      }
    }
    return Status::Ok();
  }

  const std::unordered_set<int64_t>& kept_ids() const { return kept_ids_; }

 private:
  bool NeedsRescan(size_t index, const std::vector<int64_t>& ids) {
    if (!other_ids_->Has(index)) return false;
    auto bytes = other_ids_->Get(index);
    if (!bytes) return true;  // cannot tell: read the file again
    ByteReader r(*bytes);
    int64_t id = 0;
    while (r.I64(&id)) {
      if (std::binary_search(ids.begin(), ids.end(), id)) return true;
    }
    return false;
  }

  const MpiSession& mpi_;
  const Setup& setup_;
  RepoMatcher filter_;
  const BotList& bots_;
  ProgressSink& progress_;
  SpillFile* results_;
  SpillFile* other_ids_;
  Collector* collector_;  // rank 0 only
  GhScanOptions scan_options_;
  std::unordered_set<int64_t> kept_ids_;
};

std::string EncodeDone(const Status& s, const std::unordered_set<int64_t>& ids) {
  ByteWriter w;
  EncodeStatus(s, &w);
  w.U64(ids.size());
  for (const int64_t id : ids) w.I64(id);
  return w.Take();
}

// After a phase, rank 0 tells everyone whether the job goes on, and which ids each rank kept.
std::string EncodeVerdict(const Status& failure, const std::vector<std::pair<int, int64_t>>& kept) {
  ByteWriter w;
  EncodeStatus(failure, &w);
  w.U64(kept.size());
  for (const auto& [rank, id] : kept) {
    w.I64(rank);
    w.I64(id);
  }
  return w.Take();
}

struct Verdict {
  Status failure;
  bool any_kept = false;        // whether any rank kept an event with a repository id
  std::vector<int64_t> others;  // the ids kept by the other ranks, sorted
};

Verdict DecodeVerdict(std::string_view bytes, int rank) {
  ByteReader r(bytes);
  Verdict v;
  uint64_t n = 0;
  bool ok = DecodeStatus(&r, &v.failure) && r.U64(&n);
  v.any_kept = n > 0;
  for (uint64_t i = 0; ok && i < n; ++i) {
    int64_t from = 0;
    int64_t id = 0;
    ok = r.I64(&from) && r.I64(&id);
    if (from != rank) v.others.push_back(id);
  }
  OSCM_ASSERT(ok, "malformed MPI verdict message");
  std::sort(v.others.begin(), v.others.end());
  v.others.erase(std::unique(v.others.begin(), v.others.end()), v.others.end());
  return v;
}

}  // namespace

std::vector<int> AssignFilesBySize(const std::vector<int64_t>& weights, int ranks) {
  int64_t total = 0;
  for (const int64_t w : weights) total += w;
  std::vector<int> owner(weights.size(), 0);
  int64_t before = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    // The rank whose share of the total holds the middle of this file.
    const double middle = static_cast<double>(before) + static_cast<double>(weights[i]) / 2;
    const int r = total == 0 ? static_cast<int>(i * static_cast<size_t>(ranks) / weights.size())
                             : static_cast<int>(middle * ranks / static_cast<double>(total));
    owner[i] = std::clamp(r, 0, ranks - 1);
    before += weights[i];
  }
  return owner;
}

Result<MpiIngestOutcome> IngestGhArchiveMpi(const std::string& db_path, const std::vector<std::string>& paths,
                                            const GhArchiveIngestOptions& options, const BotList& bots,
                                            ProgressSink& progress) {
  MpiSession mpi;
  MpiIngestOutcome outcome;
  outcome.rank = mpi.rank();
  outcome.ranks = mpi.ranks();
  NullProgress quiet;
  ProgressSink& my_progress = mpi.rank() == 0 ? progress : quiet;

  // Setup: rank 0 opens the store, plans the files and tells everyone.
  const std::vector<std::string> lists = GatherBytes(ListFiles(paths), mpi.rank(), mpi.ranks());
  std::optional<store::Store> store;
  std::optional<store::Transaction> txn;  // the whole job, from the tracked repositories on
  std::optional<GhScanWriter> writer;
  Setup setup;
  std::string setup_bytes;
  if (mpi.rank() == 0) {
    setup.error = [&]() -> Status {
      OSCM_ASSIGN_OR_RETURN(store::Store s, store::Store::Open(db_path));
      store.emplace(std::move(s));
      OSCM_ASSIGN_OR_RETURN(store::Transaction t, store::Transaction::Begin(store->db()));
      txn.emplace(std::move(t));
      OSCM_ASSIGN_OR_RETURN(GhScanWriter w, GhScanWriter::Create(*store, options, bots));
      writer.emplace(std::move(w));
      ByteWriter m;
      writer->matcher().Encode(&m);
      setup.matcher = m.Take();
      OSCM_ASSIGN_OR_RETURN(setup.done, writer->IngestedFiles());
      std::set<std::pair<std::string, int64_t>> logged_sizes;
      for (const auto& [path, size, checksum] : setup.done) logged_sizes.emplace(path, size);
      return PlanFiles(lists, logged_sizes, &setup.files);
    }();
    if (!setup.error.ok()) setup.files.clear(), setup.done.clear();
    setup_bytes = EncodeSetup(setup);
  }
  BcastBytes(&setup_bytes);
  if (mpi.rank() != 0) DecodeSetup(setup_bytes, &setup);
  if (!setup.error.ok()) {
    if (mpi.rank() == 0) return setup.error;
    outcome.failed = true;
    return outcome;
  }
  ByteReader matcher_bytes(setup.matcher);
  Result<RepoMatcher> filter = RepoMatcher::Decode(&matcher_bytes);
  OSCM_ASSERT(filter.has_value(), "malformed MPI setup message");

  // Scans: phase 1 reads every file; phase 2 reads again the files that may hold events of a
  // renamed repository whose id another rank learned.
  // From here to the last verdict, no rank may leave early: the others would wait for it.
  SpillFile results;
  SpillFile other_ids;
  Collector collector(&results, mpi.ranks());
  RankScanner scanner(mpi, setup, std::move(filter).value(), options, bots, my_progress, &results, &other_ids,
                      mpi.rank() == 0 ? &collector : nullptr);
  std::vector<int64_t> rescan;
  for (int phase = 1; phase <= 2; ++phase) {
    collector.StartPhase();
    const Status scanned = scanner.Run(phase, rescan);
    std::string verdict;
    if (mpi.rank() == 0) {
      if (!scanned.ok()) collector.Fail(0, scanned);
      collector.AddKeptIds(0, scanner.kept_ids());
      collector.Drain(/*wait=*/true);
      verdict = EncodeVerdict(collector.failure(), collector.kept_ids());
    } else {
      const std::string done = EncodeDone(scanned, scanner.kept_ids());
      MPI_Send(done.data(), MessageSize(done.size()), MPI_BYTE, 0, kTagDone, MPI_COMM_WORLD);
    }
    BcastBytes(&verdict);
    Verdict v = DecodeVerdict(verdict, mpi.rank());
    if (!v.failure.ok()) {
      if (mpi.rank() == 0) return v.failure;
      outcome.failed = true;  // rank 0 reports why
      return outcome;
    }
    // Every rank takes the same decision, since a phase ends with a collective call.
    if (mpi.ranks() == 1 || !v.any_kept) break;
    rescan = std::move(v.others);
  }
  if (mpi.rank() != 0) return outcome;

  // Rank 0 writes every file in path order, in the job's transaction.
  for (size_t i = 0; i < setup.files.size(); ++i) {
    my_progress.Update("writing", i, setup.files.size());
    OSCM_ASSIGN_OR_RETURN(const std::string bytes, results.Get(i));
    GhFileScan scan;
    OSCM_RETURN_IF_ERROR(DecodeGhFileScan(bytes, &scan));
    OSCM_ASSIGN_OR_RETURN(GhFileResult r, writer->Write(scan));
    outcome.files.push_back(std::move(r));
  }
  OSCM_RETURN_IF_ERROR(txn->Commit());
  my_progress.Done();
  return outcome;
}

}  // namespace oscm::ingest
