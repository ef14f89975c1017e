#include "ingest/gharchive/gharchive_ingest.h"

#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "base/file_handle.h"
#include "base/ingest_stats.h"
#include "base/strings.h"
#include "ingest/gharchive/event_parser.h"
#include "ingest/gharchive/line_source.h"
#include "store/gh_event_writer.h"

namespace oscm::ingest {
namespace fs = std::filesystem;

namespace {

using store::SqliteDb;

Result<std::string> Crc32Of(const std::string& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) return IoError(fmt::format("{}: cannot open", path));
  std::vector<unsigned char> buf(1 << 20);
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) crc = crc32(crc, buf.data(), static_cast<uInt>(n));
  if (std::ferror(f.get())) return IoError(fmt::format("{}: read error", path));
  return fmt::format("{:08x}", crc);
}

// The tracked repositories, by every name they were seen under and by GitHub id.
class RepoMatcher {
 public:
  static Result<RepoMatcher> Load(SqliteDb& db) {
    RepoMatcher m;
    OSCM_ASSIGN_OR_RETURN(auto names, db.Prepare("SELECT name, repo_id FROM gh_repo_names"));
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, names.Step());
      if (!row) break;
      m.by_name_[names.ColumnText(0)] = names.ColumnInt(1);
    }
    OSCM_ASSIGN_OR_RETURN(auto ids, db.Prepare("SELECT id, gh_id FROM gh_repos"));
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, ids.Step());
      if (!row) break;
      if (!ids.ColumnIsNull(1)) {
        m.by_gh_id_[ids.ColumnInt(1)] = ids.ColumnInt(0);
        m.gh_id_of_[ids.ColumnInt(0)] = ids.ColumnInt(1);
      }
    }
    return m;
  }

  bool empty() const { return by_name_.empty(); }

  // Whether an event with this name or id could be one of ours (Match may still say no).
  bool MayMatch(const std::string& lower_name, int64_t gh_id) const {
    return by_name_.count(lower_name) > 0 || (gh_id != 0 && by_gh_id_.count(gh_id) > 0);
  }

  // The tracked repository an event belongs to, or 0. Learns ids and new names (renames) as
  // side effects, which the caller stores with Flush.
  int64_t Match(const std::string& lower_name, int64_t gh_id) {
    if (gh_id != 0) {
      if (auto it = by_gh_id_.find(gh_id); it != by_gh_id_.end()) {
        if (!lower_name.empty() && by_name_.emplace(lower_name, it->second).second) {
          new_names_.emplace_back(lower_name, it->second);
        }
        return it->second;
      }
    }
    auto it = by_name_.find(lower_name);
    if (it == by_name_.end()) return 0;
    const int64_t repo = it->second;
    if (gh_id != 0) {
      auto known = gh_id_of_.find(repo);
      if (known != gh_id_of_.end()) return 0;  // the name now belongs to another repository
      gh_id_of_[repo] = gh_id;
      by_gh_id_[gh_id] = repo;
      new_ids_.emplace_back(repo, gh_id);
    }
    return repo;
  }

  Status Flush(SqliteDb& db) {
    OSCM_ASSIGN_OR_RETURN(auto set_id, db.Prepare("UPDATE gh_repos SET gh_id = ? WHERE id = ?"));
    for (const auto& [repo, gh_id] : new_ids_) {
      set_id.Bind(1, gh_id).Bind(2, repo);
      OSCM_RETURN_IF_ERROR(set_id.Run());
    }
    OSCM_ASSIGN_OR_RETURN(auto add_name, db.Prepare("INSERT OR IGNORE INTO gh_repo_names(name, repo_id) VALUES (?, ?)"));
    for (const auto& [name, repo] : new_names_) {
      add_name.Bind(1, std::string_view(name)).Bind(2, repo);
      OSCM_RETURN_IF_ERROR(add_name.Run());
    }
    new_ids_.clear();
    new_names_.clear();
    return Status::Ok();
  }

 private:
  std::unordered_map<std::string, int64_t> by_name_;
  std::unordered_map<int64_t, int64_t> by_gh_id_;
  std::unordered_map<int64_t, int64_t> gh_id_of_;
  std::vector<std::pair<int64_t, int64_t>> new_ids_;
  std::vector<std::pair<std::string, int64_t>> new_names_;
};

// A cheap look at a line before the full parse, since most lines of an hour belong to
// repositories nobody tracks. It reads "repo":{"id":N,"name":"owner/name",...} (the 2011+
// layouts; that object holds no nested objects or escapes) and says whether the line may be
// skipped: its repository is not tracked, and the line has the shape of a whole event (braces,
// valid UTF-8, a type and a created_at), so that a line that would be bad is never skipped
// unless it is broken only inside while keeping that shape. Anything unusual goes to the parser.
bool SkippableLine(std::string_view line, const RepoMatcher& matcher, std::string* scratch) {
  if (line.size() < 2 || line.front() != '{' || line.back() != '}') return false;
  constexpr std::string_view kRepo = "\"repo\":{";
  const size_t repo = line.find(kRepo);
  if (repo == std::string_view::npos) return false;
  const size_t end = line.find('}', repo);
  if (end == std::string_view::npos) return false;
  const std::string_view obj = line.substr(repo + kRepo.size(), end - repo - kRepo.size());
  constexpr std::string_view kName = "\"name\":\"";
  const size_t name_at = obj.find(kName);
  if (name_at == std::string_view::npos) return false;
  const size_t name_end = obj.find('"', name_at + kName.size());
  if (name_end == std::string_view::npos) return false;
  const std::string_view name = obj.substr(name_at + kName.size(), name_end - name_at - kName.size());
  if (name.find('\\') != std::string_view::npos || name.find('/') == std::string_view::npos) return false;
  int64_t id = 0;
  constexpr std::string_view kId = "\"id\":";
  if (const size_t id_at = obj.find(kId); id_at != std::string_view::npos) {
    for (size_t i = id_at + kId.size(); i < obj.size() && obj[i] >= '0' && obj[i] <= '9'; ++i) {
      id = id * 10 + (obj[i] - '0');
    }
  }
  scratch->assign(name);
  for (char& c : *scratch) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (matcher.MayMatch(*scratch, id)) return false;
  return line.find("\"type\":\"") != std::string_view::npos &&
         line.find("\"created_at\":\"") != std::string_view::npos &&
         simdjson::validate_utf8(line.data(), line.size());
}

}  // namespace

Status TrackRepositories(store::Store& store, const std::vector<TrackedCommunity>& track) {
  if (track.empty()) return Status::Ok();
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
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
  return txn.Commit();
}

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

Result<std::vector<GhFileResult>> IngestGhArchive(store::Store& store,
                                                  const GhArchiveIngestOptions& options,
                                                  const BotList& bots, ProgressSink& progress) {
  OSCM_RETURN_IF_ERROR(TrackRepositories(store, options.track));
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(RepoMatcher matcher, RepoMatcher::Load(db));
  if (matcher.empty()) {
    return InvalidArgumentError("no repositories are tracked: name them with --community NAME=owner/repo");
  }
  OSCM_ASSIGN_OR_RETURN(auto seen, db.Prepare("SELECT 1 FROM gh_files WHERE path = ? AND size = ? AND checksum = ?"));
  OSCM_ASSIGN_OR_RETURN(auto writer, store::GhEventWriter::Create(db));
  OSCM_ASSIGN_OR_RETURN(auto log, db.Prepare(
      "INSERT INTO gh_files(path, size, checksum, lines, events_stored, bad_lines, detail) VALUES (?,?,?,?,?,?,?)"));

  std::vector<GhFileResult> results;
  EventParser parser;
  GhEvent ev;
  std::string scratch;
  // Reads one file into the store in one transaction; kCorruption leaves the store untouched.
  auto IngestFile = [&](const std::string& path, int64_t size, const std::string& checksum, size_t f,
                        GhFileResult* r) -> Status {
    // Decompression runs a few chunks ahead on its own thread while this one parses.
    OSCM_ASSIGN_OR_RETURN(auto source, OpenLineSource(path, kDefaultMaxLineBytes, /*background=*/true));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
    IngestStats bad;
    std::string_view line;
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool more, source->Next(&line));
      if (!more) break;
      if ((source->line_number() & 4095) == 0) {
        progress.Update(fmt::format("file {}/{} {}", f + 1, options.files.size(),
                                    fs::path(path).filename().string()),
                        source->bytes_read(), static_cast<uint64_t>(size), ProgressUnit::kBytes);
        if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
          return CancelledError("interrupted");
        }
      }
      if (SkippableLine(line, matcher, &scratch)) continue;
      Status s = parser.Parse(line, &ev);
      if (!s.ok()) {
        bad.AddBad(fmt::format("{}:{}: {}", path, source->line_number(), s.message()));
        continue;
      }
      const int64_t repo = matcher.Match(AsciiLower(ev.repo), ev.repo_id);
      if (repo == 0) continue;
      OSCM_ASSIGN_OR_RETURN(const bool stored, writer.Insert(repo, ev, bots.IsBot(ev.actor, "", ev.actor)));
      r->events_stored += stored ? 1 : 0;
    }
    const auto long_lines = static_cast<int64_t>(source->long_lines_skipped());
    for (int64_t i = 0; i < long_lines; ++i) bad.AddBad(fmt::format("{}: a line longer than {} bytes", path, kDefaultMaxLineBytes));
    r->lines = static_cast<int64_t>(source->line_number());
    r->bad_lines = bad.bad;
    r->samples = bad.samples;
    if (options.max_bad_lines >= 0 && r->bad_lines > options.max_bad_lines) {
      return CorruptionError(fmt::format("{}: {} bad lines, more than --max-bad-lines {}; the first: {}", path,
                                         r->bad_lines, options.max_bad_lines, r->samples.front()));
    }
    OSCM_RETURN_IF_ERROR(matcher.Flush(db));
    std::string detail;
    for (const auto& sample : r->samples) detail += sample + "\n";
    log.Bind(1, std::string_view(path)).Bind(2, size).Bind(3, std::string_view(checksum)).Bind(4, r->lines)
        .Bind(5, r->events_stored).Bind(6, r->bad_lines).Bind(7, std::string_view(detail));
    OSCM_RETURN_IF_ERROR(log.Run());
    OSCM_RETURN_IF_ERROR(txn.Commit());
    return Status::Ok();
  };

  for (size_t f = 0; f < options.files.size(); ++f) {
    const std::string& path = options.files[f];
    GhFileResult r;
    r.path = path;
    std::error_code ec;
    const auto size = static_cast<int64_t>(fs::file_size(path, ec));
    if (ec) return IoError(fmt::format("{}: {}", path, ec.message()));
    OSCM_ASSIGN_OR_RETURN(const std::string checksum, Crc32Of(path));
    seen.Bind(1, std::string_view(path)).Bind(2, size).Bind(3, std::string_view(checksum));
    OSCM_ASSIGN_OR_RETURN(const bool done, seen.Step());
    seen.Reset();
    if (done) {
      r.skipped = true;
      results.push_back(std::move(r));
      continue;
    }
    Status st = IngestFile(path, size, checksum, f, &r);
    if (st.code() == StatusCode::kCorruption) {
      // A broken file (truncated or corrupt gzip, too many bad lines) stores nothing, and the
      // remaining files are still read; the caller reports the failure.
      r.error = st;
      r.events_stored = 0;
      // Forget the ids and names learned from the rolled-back file.
      OSCM_ASSIGN_OR_RETURN(matcher, RepoMatcher::Load(db));
    } else {
      OSCM_RETURN_IF_ERROR(st);
    }
    results.push_back(std::move(r));
  }
  progress.Done();
  return results;
}

}  // namespace oscm::ingest
