#include "ingest/gharchive/gharchive_ingest.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "base/strings.h"
#include "store/gh_event_writer.h"

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
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (it->is_regular_file(ec) && (EndsWith(name, ".json.gz") || EndsWith(name, ".json"))) {
        out.push_back(it->path().string());
      }
    }
    if (ec) return IoError(fmt::format("{}: {}", p, ec.message()));
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
  GhFileResult r;
  r.path = scan.path;
  r.skipped = scan.skipped;
  if (scan.skipped) return r;
  if (!scan.rejected.empty()) {
    r.error = CorruptionError(scan.rejected);
    return r;
  }
  r.lines = scan.lines;
  r.bad_lines = scan.bad_lines;
  r.samples = scan.samples;
  OSCM_ASSIGN_OR_RETURN(auto events, store::GhEventWriter::Create(*db_));
  for (const GhEvent& ev : scan.events) {
    const int64_t repo = matcher_.Match(AsciiLower(ev.repo), ev.repo_id);
    if (repo == 0) continue;
    OSCM_ASSIGN_OR_RETURN(const bool stored, events.Insert(repo, ev, bots_->IsBot(ev.actor, "", ev.actor)));
    r.events_stored += stored ? 1 : 0;
  }
  OSCM_RETURN_IF_ERROR(matcher_.Flush(*db_));
  OSCM_RETURN_IF_ERROR(WriteRepoMonths(scan.repo_months));
  std::string detail;
  for (const auto& sample : r.samples) detail += sample + "\n";
  OSCM_ASSIGN_OR_RETURN(auto log, db_->Prepare(
      "INSERT OR REPLACE INTO gh_files(path, size, checksum, lines, events_stored, bad_lines, detail, all_repos) "
      "VALUES (?,?,?,?,?,?,?,?)"));
  log.Bind(1, std::string_view(scan.path)).Bind(2, scan.size).Bind(3, std::string_view(scan.checksum))
      .Bind(4, r.lines).Bind(5, r.events_stored).Bind(6, r.bad_lines).Bind(7, std::string_view(detail))
      .Bind(8, int64_t{all_repos_});
  OSCM_RETURN_IF_ERROR(log.Run());
  return r;
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
  OSCM_ASSIGN_OR_RETURN(auto track, store::Transaction::Begin(store.db()));
  OSCM_ASSIGN_OR_RETURN(GhScanWriter writer, GhScanWriter::Create(store, options, bots));
  OSCM_RETURN_IF_ERROR(track.Commit());
  OSCM_ASSIGN_OR_RETURN(const auto done, writer.IngestedFiles());
  const GhScanOptions scan_options{options.max_bad_lines, options.all_repos, options.cancel, {}};
  const size_t n = options.files.size();
  LockedProgress locked(&progress);

  // Reads file f into `scan` with `filter` (which learns ids and names as it goes).
  auto scan_file = [&](size_t f, RepoMatcher& filter, GhFileScan* scan, std::vector<int64_t>* dropped_ids) -> Status {
    scan->path = options.files[f];
    std::error_code ec;
    scan->size = static_cast<int64_t>(fs::file_size(scan->path, ec));
    if (ec) return IoError(fmt::format("{}: {}", scan->path, ec.message()));
    OSCM_ASSIGN_OR_RETURN(scan->checksum, Crc32Of(scan->path));
    scan->skipped = done.count({scan->path, scan->size, scan->checksum}) > 0;
    if (scan->skipped) return Status::Ok();
    const std::string label = fmt::format("file {}/{} {}", f + 1, n, fs::path(scan->path).filename().string());
    return ScanGhFile(filter, bots, scan_options, locked, label, scan, dropped_ids);
  };

  // Files are scanned several at a time, each scanning thread with its own copy of the matcher as
  // a filter, and written in path order on this thread, a file per transaction. A filter can lack
  // a repository id that an earlier file, scanned on another thread, taught the writer (a renamed
  // repository); the ids of the events a scan dropped show it, and that file is scanned again with
  // the writer's matcher, as one thread reading the files in order would have. Scanning stays at
  // most `ahead` files in front of the writing, so memory does not grow with the number of files.
  struct Slot {
    GhFileScan scan;
    std::vector<int64_t> dropped_ids;
    Status status;
    bool ready = false;
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
      while (true) {
        size_t f = 0;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return stop || next >= n || next < written + ahead; });
          if (stop || next >= n) return;
          f = next++;
        }
        Slot s;
        // With one scanning thread the filter knows all the writer knows: nothing to check.
        s.status = scan_file(f, filters[t], &s.scan, threads > 1 ? &s.dropped_ids : nullptr);
        std::lock_guard<std::mutex> lock(mu);
        slots[f] = std::move(s);
        slots[f].ready = true;
        cv.notify_all();
      }
    });
  }
  std::vector<GhFileResult> results;
  auto write_all = [&]() -> Status {
    for (size_t f = 0; f < n; ++f) {
      Slot s;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return slots[f].ready; });
        s = std::move(slots[f]);
      }
      OSCM_RETURN_IF_ERROR(s.status);
      if (!s.scan.skipped && s.scan.rejected.empty() && KnowsAny(writer.matcher(), s.dropped_ids)) {
        RepoMatcher exact = writer.matcher();
        s.scan = GhFileScan();
        OSCM_RETURN_IF_ERROR(scan_file(f, exact, &s.scan, nullptr));
      }
      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(store.db()));
      OSCM_ASSIGN_OR_RETURN(GhFileResult r, writer.Write(s.scan));
      OSCM_RETURN_IF_ERROR(txn.Commit());
      results.push_back(std::move(r));
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
