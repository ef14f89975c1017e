#include "ingest/gharchive/gharchive_ingest.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/thread_name.h"
#include "ingest/gharchive/file_blocks.h"
#include "store/gh_coverage.h"

namespace oscm::ingest {
namespace fs = std::filesystem;

namespace {

using store::SqliteDb;

Status Track(store::Store& store, const std::vector<TrackedCommunity>& track) {
  if (track.empty()) return Status::Ok();
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT r.id, c.name FROM gh_repos r JOIN communities c ON c.id = r.community_id WHERE r.name = ?"));
  OSCM_ASSIGN_OR_RETURN(auto add, db.Prepare("INSERT INTO gh_repos(community_id, name) VALUES (?, ?)"));
  OSCM_ASSIGN_OR_RETURN(auto add_name, db.Prepare("INSERT OR IGNORE INTO gh_repo_names(name, repo_id) VALUES (?, ?)"));
  for (const auto& t : track) {
    OSCM_ASSIGN_OR_RETURN(const int64_t community, store.EnsureCommunity(t.community));
    for (const auto& repo : t.repos) {
      const std::string name = AsciiLower(repo);
      find.Bind(1, std::string_view(name));
      OSCM_ASSIGN_OR_RETURN(const bool exists, find.Step());
      const std::string owner = exists ? find.ColumnText(1) : "";
      find.Reset();
      if (exists) {
        if (owner != t.community) {
          return InvalidArgumentError(fmt::format("{}: already tracked for community '{}'", repo, owner));
        }
        continue;
      }
      add.Bind(1, community).Bind(2, std::string_view(name));
      OSCM_RETURN_IF_ERROR(add.Run());
      add_name.Bind(1, std::string_view(name)).Bind(2, db.LastInsertRowId());
      OSCM_RETURN_IF_ERROR(add_name.Run());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<TrackedCommunity> ParseTrackSpec(std::string_view spec) {
  const size_t eq = spec.find('=');
  auto bad = [&] {
    return InvalidArgumentError(fmt::format(
        "--community '{}': expected NAME=owner/repo[,owner/repo...]", spec));
  };
  if (eq == std::string_view::npos || eq == 0) return bad();
  TrackedCommunity t;
  t.community = std::string(Trim(spec.substr(0, eq)));
  std::string_view rest = spec.substr(eq + 1);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view repo = Trim(rest.substr(0, comma));
    const size_t slash = repo.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == repo.size() ||
        repo.find('/', slash + 1) != std::string_view::npos) {
      return bad();
    }
    t.repos.emplace_back(repo);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (t.repos.empty()) return bad();
  return t;
}

Result<std::vector<std::string>> ExpandGhArchivePaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) return NotFoundError(fmt::format("{}: no such file or directory", p));
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    const size_t before = out.size();
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (it->is_regular_file(ec) && (EndsWith(name, ".json.gz") || EndsWith(name, ".json"))) {
        out.push_back(it->path().string());
      }
    }
    if (ec) return IoError(fmt::format("{}: {}", p, ec.message()));
    if (out.size() == before) return NotFoundError(fmt::format("{}: no GH Archive files (*.json.gz, *.json) in it", p));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status TrackRepositories(store::Store& store, const std::vector<TrackedCommunity>& track) {
  if (track.empty()) return Status::Ok();
  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(store.db()));
  OSCM_RETURN_IF_ERROR(Track(store, track));
  return txn.Commit();
}

Result<GhScanWriter> GhScanWriter::Create(store::Store& store, const GhArchiveIngestOptions& options,
                                          const BotList& bots) {
  OSCM_RETURN_IF_ERROR(Track(store, options.track));
  OSCM_ASSIGN_OR_RETURN(RepoMatcher matcher, RepoMatcher::Load(store.db()));
  if (matcher.empty() && !options.all_repos) {
    return InvalidArgumentError("no repositories are tracked: name them with --community NAME=owner/repo");
  }
  return GhScanWriter(&store.db(), std::move(matcher), &bots, options.all_repos);
}

Result<std::set<GhScanWriter::FileKey>> GhScanWriter::IngestedFiles() {
  // A file read without --all-repos is read again by a run with it.
  OSCM_ASSIGN_OR_RETURN(auto logged, db_->Prepare(
      all_repos_ ? "SELECT path, size, checksum FROM gh_files WHERE all_repos = 1"
                 : "SELECT path, size, checksum FROM gh_files"));
  std::set<FileKey> done;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, logged.Step());
    if (!row) return done;
    done.emplace(logged.ColumnText(0), logged.ColumnInt(1), logged.ColumnText(2));
  }
}

Result<GhFileResult> GhScanWriter::Write(const GhFileScan& scan) {
  OSCM_RETURN_IF_ERROR(StartFile());
  return FinishFile(scan);
}

Status GhScanWriter::StartFile() {
  OSCM_ASSIGN_OR_RETURN(auto events, store::GhEventWriter::Create(*db_));
  events_.emplace(std::move(events));
  events_stored_ = 0;
  return Status::Ok();
}

Status GhScanWriter::WriteEvents(const std::vector<GhEvent>& events) {
  OSCM_ASSERT(events_.has_value(), "WriteEvents before StartFile");
  rows_.clear();
  for (const GhEvent& ev : events) {
    const int64_t repo = matcher_.Match(AsciiLower(ev.repo), ev.repo_id);
    if (repo != 0) rows_.push_back({repo, &ev, bots_->IsBotLogin(ev.actor)});
  }
  OSCM_ASSIGN_OR_RETURN(const int64_t stored, events_->InsertAll(rows_));
  events_stored_ += stored;
  return Status::Ok();
}

Result<GhFileResult> GhScanWriter::FinishFile(const GhFileScan& scan) {
  GhFileResult r;
  r.path = scan.path;
  r.skipped = scan.skipped;
  if (scan.skipped) return r;
  if (!scan.rejected.empty()) {
    r.error = CorruptionError(scan.rejected);
    return r;
  }
  if (scan.lines > 0 && scan.bad_lines == scan.lines) {
    // Not one event: not GH Archive data (random bytes, the wrong file), whatever the limit on bad
    // lines. The caller rolls back what was written.
    events_.reset();
    r.error = CorruptionError(fmt::format("{}: not GH Archive data: none of its {} lines is an event; the first: {}",
                                          scan.path, scan.lines, scan.samples.empty() ? "" : scan.samples.front()));
    return r;
  }
  // Another process may have logged the file since this run read the log (IngestedFiles): look
  // again, under this file's write lock, so that a file never counts twice.
  OSCM_ASSIGN_OR_RETURN(auto logged, db_->Prepare(
      all_repos_ ? "SELECT 1 FROM gh_files WHERE path = ? AND size = ? AND checksum = ? AND all_repos = 1"
                 : "SELECT 1 FROM gh_files WHERE path = ? AND size = ? AND checksum = ?"));
  logged.Bind(1, std::string_view(scan.path)).Bind(2, scan.size).Bind(3, std::string_view(scan.checksum));
  OSCM_ASSIGN_OR_RETURN(r.skipped, logged.Step());
  if (r.skipped) {
    events_.reset();
    return r;
  }
  r.lines = scan.lines;
  r.bad_lines = scan.bad_lines;
  r.samples = scan.samples;
  OSCM_RETURN_IF_ERROR(WriteEvents(scan.events));
  r.events_stored = events_stored_;
  events_.reset();
  OSCM_RETURN_IF_ERROR(matcher_.Flush(*db_));
  OSCM_RETURN_IF_ERROR(WriteRepoMonths(scan.repo_months));
  OSCM_RETURN_IF_ERROR(WriteActivity(*db_, scan.activity));
  std::string detail;
  for (const auto& sample : r.samples) detail += sample + "\n";
  OSCM_ASSIGN_OR_RETURN(auto log, db_->Prepare(
      "INSERT OR REPLACE INTO gh_files(path, size, checksum, lines, events_stored, bad_lines, detail, all_repos) "
      "VALUES (?,?,?,?,?,?,?,?)"));
  log.Bind(1, std::string_view(scan.path)).Bind(2, scan.size).Bind(3, std::string_view(scan.checksum))
      .Bind(4, r.lines).Bind(5, r.events_stored).Bind(6, r.bad_lines).Bind(7, std::string_view(detail))
      .Bind(8, int64_t{all_repos_});
  OSCM_RETURN_IF_ERROR(log.Run());
  OSCM_RETURN_IF_ERROR(store::AddFileCoverage(*db_, scan.path));
  return r;
}

Result<bool> IsIngested(const std::set<GhScanWriter::FileKey>& done, const std::string& path, int64_t size,
                        std::string* checksum) {
  const auto it = done.lower_bound({path, size, ""});
  if (it == done.end() || std::get<0>(*it) != path || std::get<1>(*it) != size) return false;
  OSCM_ASSIGN_OR_RETURN(*checksum, Crc32Of(path));
  return done.count({path, size, *checksum}) > 0;
}

Status GhScanWriter::WriteRepoMonths(const RepoMonths& months) {
  if (months.empty()) return Status::Ok();
  OSCM_ASSIGN_OR_RETURN(auto get, db_->Prepare(
      "SELECT stars, forks, issues_opened, prs_opened, prs_merged, pushes, actors_sketch FROM gh_repo_months "
      "WHERE month = ? AND repo_id = ?"));
  OSCM_ASSIGN_OR_RETURN(auto put, db_->Prepare(
      "INSERT OR REPLACE INTO gh_repo_months(month, repo_id, name, stars, forks, issues_opened, prs_opened, "
      "prs_merged, pushes, actors, actors_sketch) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  // In key order, so that consecutive rows are neighbours in the table's B-tree.
  std::vector<const std::pair<const RepoMonthKey, RepoMonth>*> sorted;
  sorted.reserve(months.size());
  for (const auto& entry : months) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return std::tie(a->first.month, a->first.repo_id) < std::tie(b->first.month, b->first.repo_id);
  });
  std::string month;
  MonthIndex month_index = -1;
  for (const auto* entry : sorted) {
    const RepoMonthKey& key = entry->first;
    const RepoMonth& add = entry->second;
    if (key.month != month_index) month = FormatMonth(month_index = key.month);
    get.Bind(1, std::string_view(month)).Bind(2, key.repo_id);
    OSCM_ASSIGN_OR_RETURN(const bool exists, get.Step());
    RepoMonth m = add;
    if (exists) {
      m.stars += get.ColumnInt(0);
      m.forks += get.ColumnInt(1);
      m.issues_opened += get.ColumnInt(2);
      m.prs_opened += get.ColumnInt(3);
      m.prs_merged += get.ColumnInt(4);
      m.pushes += get.ColumnInt(5);
      const std::string bytes = get.ColumnText(6);
      ByteReader reader(bytes);
      DistinctSketch stored;
      if (!stored.Decode(&reader)) {
        return CorruptionError(fmt::format("gh_repo_months {} {}: bad actors_sketch", month, key.repo_id));
      }
      m.actors.Merge(stored);
    }
    get.Reset();
    ByteWriter sketch;
    m.actors.Encode(&sketch);
    put.Bind(1, std::string_view(month)).Bind(2, key.repo_id).Bind(3, std::string_view(m.name)).Bind(4, m.stars)
        .Bind(5, m.forks).Bind(6, m.issues_opened).Bind(7, m.prs_opened).Bind(8, m.prs_merged).Bind(9, m.pushes)
        .Bind(10, static_cast<int64_t>(std::llround(m.actors.Estimate()))).BindBlob(11, sketch.data());
    OSCM_RETURN_IF_ERROR(put.Run());
  }
  return Status::Ok();
}

namespace {

// Whether `matcher` knows the repository id of an event a scan dropped: a filter that lacked it
// (it was learned from a file another thread scanned) left out an event of a tracked repository.
bool KnowsAny(const RepoMatcher& matcher, const std::vector<int64_t>& dropped_ids) {
  return std::any_of(dropped_ids.begin(), dropped_ids.end(), [&](int64_t id) { return matcher.KnowsId(id); });
}

}  // namespace

Result<std::vector<GhFileResult>> IngestGhArchive(store::Store& store, const GhArchiveIngestOptions& options,
                                                  const BotList& bots, ProgressSink& progress) {
  // The files' sizes, for their log rows and for one progress line for the run (the bytes read, of
  // their total). A file that cannot be looked at stops the run before anything is read or stored.
  std::vector<uint64_t> sizes;
  for (const auto& path : options.files) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return IoError(fmt::format("{}: {}", path, ec.message()));
    sizes.push_back(static_cast<uint64_t>(size));
  }
  OSCM_ASSIGN_OR_RETURN(auto track, store::Transaction::Begin(store.db()));
  OSCM_ASSIGN_OR_RETURN(GhScanWriter writer, GhScanWriter::Create(store, options, bots));
  OSCM_RETURN_IF_ERROR(track.Commit());
  OSCM_ASSIGN_OR_RETURN(const auto done, writer.IngestedFiles());
  GhScanOptions scan_options;
  scan_options.max_bad_lines = options.max_bad_lines;
  scan_options.all_repos = options.all_repos;
  scan_options.cancel = options.cancel;
  scan_options.event_batch = std::max<size_t>(1, options.event_batch);
  const size_t n = options.files.size();
  FilesProgress run_progress(&progress, n == 1 ? fs::path(options.files[0]).filename().string()
                                               : fmt::format("{} files", n),
                             sizes);

  // Reads file f into `scan` with `filter` (which learns ids and names as it goes). `take_events`,
  // when set, receives the candidates as they are found.
  auto scan_file = [&](size_t f, RepoMatcher& filter, GhFileScan* scan, std::vector<int64_t>* dropped_ids,
                       std::function<void(std::vector<GhEvent>&&)> take_events) -> Status {
    scan->path = options.files[f];
    scan->size = static_cast<int64_t>(sizes[f]);
    OSCM_ASSIGN_OR_RETURN(scan->skipped, IsIngested(done, scan->path, scan->size, &scan->checksum));
    if (!scan->skipped) {
      GhScanOptions file_options = scan_options;
      file_options.take_events = std::move(take_events);
      OSCM_RETURN_IF_ERROR(ScanGhFile(filter, bots, file_options, run_progress.File(f), "", scan, dropped_ids));
    }
    run_progress.Finished(f);
    return Status::Ok();
  };

  // Files are scanned several at a time, each scanning thread with its own copy of the matcher as
  // a filter, and written in path order on this thread, a file per transaction. The candidates of
  // a file are written while it is still being scanned (the scan hands them over in batches), so
  // that writing overlaps reading. A filter can lack a repository id that an earlier file,
  // scanned on another thread, taught the writer (a renamed repository); the ids of the events a
  // scan dropped show it, and that file is rolled back and scanned again with the writer's
  // matcher, as one thread reading the files in order would have. Scanning stays at most `ahead`
  // files in front of the writing, so memory does not grow with the number of files.
  struct Slot {
    std::vector<std::vector<GhEvent>> batches;  // candidates handed over, not yet written
    GhFileScan scan;
    std::vector<int64_t> dropped_ids;
    Status status;
    bool ready = false;  // the scan is over: scan, dropped_ids and status are set
  };
  const size_t threads = std::clamp<size_t>(options.scan_threads > 0 ? options.scan_threads
                                                                      : std::thread::hardware_concurrency(),
                                            1, std::max<size_t>(1, std::min<size_t>(n, 4)));
  const size_t ahead = threads + 1;
  std::vector<Slot> slots(n);
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0;     // the next file to scan
  size_t written = 0;  // files written
  bool stop = false;
  std::vector<RepoMatcher> filters(threads, writer.matcher());
  std::vector<std::thread> scanners;
  for (size_t t = 0; t < threads; ++t) {
    scanners.emplace_back([&, t] {
      SetThreadName("oscm-scan");
      while (true) {
        size_t f = 0;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return stop || next >= n || next < written + ahead; });
          if (stop || next >= n) return;
          f = next++;
        }
        auto take_events = [&, f](std::vector<GhEvent>&& batch) {
          std::lock_guard<std::mutex> lock(mu);
          slots[f].batches.push_back(std::move(batch));
          cv.notify_all();
        };
        GhFileScan scan;
        std::vector<int64_t> dropped_ids;
        // With one scanning thread the filter knows all the writer knows: nothing to check.
        Status status = scan_file(f, filters[t], &scan, threads > 1 ? &dropped_ids : nullptr, take_events);
        std::lock_guard<std::mutex> lock(mu);
        slots[f].scan = std::move(scan);
        slots[f].dropped_ids = std::move(dropped_ids);
        slots[f].status = std::move(status);
        slots[f].ready = true;
        cv.notify_all();
      }
    });
  }
  std::vector<GhFileResult> results;
  auto write_file = [&](size_t f) -> Status {
    const RepoMatcher before = writer.matcher();
    std::optional<store::Transaction> txn;
    auto begin = [&]() -> Status {
      OSCM_ASSIGN_OR_RETURN(auto t, store::Transaction::Begin(store.db()));
      txn.emplace(std::move(t));
      return writer.StartFile();
    };
    OSCM_RETURN_IF_ERROR(begin());
    Slot s;
    while (true) {
      std::vector<std::vector<GhEvent>> batches;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return slots[f].ready || !slots[f].batches.empty(); });
        batches.swap(slots[f].batches);
        if (slots[f].ready) s = std::move(slots[f]);
      }
      for (const auto& batch : batches) OSCM_RETURN_IF_ERROR(writer.WriteEvents(batch));
      if (s.ready) break;
    }
    OSCM_RETURN_IF_ERROR(s.status);
    const bool read_again = !s.scan.skipped && s.scan.rejected.empty() && KnowsAny(before, s.dropped_ids);
    if (read_again || !s.scan.rejected.empty()) {
      // Nothing of this file may stay: neither the candidates written so far nor what the matcher
      // learned from them.
      txn.reset();
      writer.RestoreMatcher(before);
      if (read_again) {
        RepoMatcher exact = before;
        s.scan = GhFileScan();
        OSCM_RETURN_IF_ERROR(scan_file(f, exact, &s.scan, nullptr, nullptr));
      }
      OSCM_RETURN_IF_ERROR(begin());
    }
    OSCM_ASSIGN_OR_RETURN(GhFileResult r, writer.FinishFile(s.scan));
    if (r.skipped || !r.error.ok()) {
      // Logged by another process meanwhile, or rejected: what this file's candidates wrote goes.
      txn.reset();
      writer.RestoreMatcher(before);
    } else {
      // An interrupt that came after the scan still stops the run before this file is kept.
      if (options.cancel != nullptr && options.cancel->load()) return CancelledError("interrupted");
      OSCM_RETURN_IF_ERROR(txn->Commit());
    }
    results.push_back(std::move(r));
    return Status::Ok();
  };
  auto write_all = [&]() -> Status {
    for (size_t f = 0; f < n; ++f) {
      OSCM_RETURN_IF_ERROR(write_file(f));
      std::lock_guard<std::mutex> lock(mu);
      ++written;
      cv.notify_all();
    }
    return Status::Ok();
  };
  const Status status = write_all();
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    cv.notify_all();
  }
  for (auto& t : scanners) t.join();
  progress.Done();
  if (!status.ok()) return status;
  return results;
}

}  // namespace oscm::ingest
