#include "ingest/gharchive/file_scan.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "base/ingest_stats.h"
#include "base/strings.h"
#include "ingest/gharchive/event_parser.h"
#include "ingest/gharchive/file_blocks.h"
#include "ingest/gharchive/line_source.h"

namespace oscm::ingest {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// A cheap look at a line before the full parse, since most lines of an hour belong to
// repositories nobody tracks. It reads "repo":{"id":N,"name":"owner/name",...} (the 2011+
// layouts; that object holds no nested objects or escapes) and says whether the line may be
// skipped: its repository is not tracked, and the line has the shape of a whole event (braces,
// valid UTF-8, a type and a created_at), so that a line that would be bad is never skipped
// unless it is broken only inside while keeping that shape. Anything unusual goes to the parser.
// Sets *id to the repository id it read (0 if none).
bool SkippableLine(std::string_view line, const RepoMatcher& matcher, std::string* scratch, int64_t* id) {
  *id = 0;
  if (line.size() < 2 || line.front() != '{' || line.back() != '}') return false;
  // The first "repo":{ found by its '{', rare in an event before its repo object, where '"' is not.
  constexpr std::string_view kRepo = "\"repo\":{";
  const size_t repo = FindAnchored(line, kRepo, kRepo.size() - 1);
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
  constexpr std::string_view kId = "\"id\":";
  if (const size_t id_at = obj.find(kId); id_at != std::string_view::npos) {
    for (size_t i = id_at + kId.size(); i < obj.size() && obj[i] >= '0' && obj[i] <= '9'; ++i) {
      *id = *id * 10 + (obj[i] - '0');
    }
  }
  scratch->assign(name);
  for (char& c : *scratch) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (matcher.MayMatch(*scratch, *id)) return false;
  // Found by their 'y' and '_', which JSON text has fewer of than '"'.
  constexpr std::string_view kType = "\"type\":\"";
  constexpr std::string_view kCreatedAt = "\"created_at\":\"";
  // created_at is looked for near the end first, where events keep it, so that the usual line is
  // not searched through its payload.
  constexpr size_t kNearEnd = 512;
  return FindAnchored(line, kType, 3) != kNpos &&
         (RFindAnchored(line.substr(line.size() - std::min(line.size(), kNearEnd)), kCreatedAt, 8) != kNpos ||
          FindAnchored(line, kCreatedAt, 8) != kNpos) &&
         simdjson::validate_utf8(line.data(), line.size());
}

void EncodeEvent(const GhEvent& e, ByteWriter* w) {
  w->Str(e.id);
  w->Str(e.type);
  w->I64(e.created_at);
  w->Str(e.actor);
  w->I64(e.actor_id);
  w->Str(e.repo);
  w->I64(e.repo_id);
  w->Str(e.org);
  w->Str(e.action);
  w->I64(e.number);
  w->Str(e.subject_author);
  w->I64(e.subject_created_at);
  w->Bool(e.on_pull_request);
  w->Bool(e.merged);
  w->I64(e.merged_at);
  w->U64(e.labels.size());
  for (const auto& l : e.labels) w->Str(l);
  w->Str(e.title);
  w->Str(e.ref_type);
  w->Str(e.ref);
  w->I64(e.push_size);
  w->I64(e.push_distinct);
  w->Str(e.release_tag);
  w->Bool(e.prerelease);
  w->Str(e.member);
}

bool DecodeEvent(ByteReader* r, GhEvent* e) {
  uint64_t labels = 0;
  bool ok = r->Str(&e->id) && r->Str(&e->type) && r->I64(&e->created_at) && r->Str(&e->actor) &&
            r->I64(&e->actor_id) && r->Str(&e->repo) && r->I64(&e->repo_id) && r->Str(&e->org) &&
            r->Str(&e->action) && r->I64(&e->number) && r->Str(&e->subject_author) &&
            r->I64(&e->subject_created_at) && r->Bool(&e->on_pull_request) && r->Bool(&e->merged) &&
            r->I64(&e->merged_at) && r->U64(&labels);
  e->labels.clear();
  for (uint64_t i = 0; ok && i < labels; ++i) ok = r->Str(&e->labels.emplace_back());
  return ok && r->Str(&e->title) && r->Str(&e->ref_type) && r->Str(&e->ref) && r->I64(&e->push_size) &&
         r->I64(&e->push_distinct) && r->Str(&e->release_tag) && r->Bool(&e->prerelease) && r->Str(&e->member);
}

}  // namespace

void AddToRepoMonths(const GhEvent& ev, bool actor_is_bot, RepoMonths* months) {
  if (ev.repo_id == 0) return;
  RepoMonth& m = (*months)[RepoMonthKey{ev.repo_id, MonthOf(ev.created_at)}];
  m.name = AsciiLower(ev.repo);
  const bool person = !ev.actor.empty() && !actor_is_bot;
  switch (GhKindOf(ev)) {
    case GhKind::kStar: ++m.stars; break;
    case GhKind::kFork: ++m.forks; break;
    case GhKind::kIssueOpened: m.issues_opened += person ? 1 : 0; break;
    case GhKind::kPrOpened: m.prs_opened += person ? 1 : 0; break;
    case GhKind::kPrMerged: ++m.prs_merged; break;
    case GhKind::kPush: ++m.pushes; break;
    default: break;
  }
  if (person) m.actors.AddHash(StableHash64(AsciiLower(ev.actor)));
}

Status ScanGhFile(RepoMatcher& filter, const BotList& bots, const GhScanOptions& options,
                  ProgressSink& progress, std::string_view progress_label, GhFileScan* scan,
                  std::vector<int64_t>* other_ids) {
  const std::string& path = scan->path;
  // Decompression runs a few chunks ahead on its own thread while this one parses.
  OSCM_ASSIGN_OR_RETURN(auto source, OpenLineSource(path, kDefaultMaxLineBytes, /*background=*/true));
  EventParser parser;
  GhEvent ev;
  std::string scratch;
  IngestStats bad;
  const bool tracking = !filter.empty();
  std::string_view line;
  auto reject = [&](const Status& why) {
    scan->rejected = why.message();
    scan->events.clear();
    scan->repo_months.clear();
    scan->activity.clear();
    return Status::Ok();
  };
  while (true) {
    auto more = source->Next(&line);
    if (!more.has_value()) {
      if (more.error().code() == StatusCode::kCorruption) return reject(more.error());
      return more.error();
    }
    if (!*more) break;
    if ((source->line_number() & 4095) == 0) {
      progress.Update(progress_label, source->bytes_read(), static_cast<uint64_t>(scan->size), ProgressUnit::kBytes);
      if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
        return CancelledError("interrupted");
      }
      if (options.poll) OSCM_RETURN_IF_ERROR(options.poll());
    }
    int64_t skipped_id = 0;
    if (!options.all_repos && SkippableLine(line, filter, &scratch, &skipped_id)) {
      if (other_ids != nullptr && skipped_id != 0) other_ids->push_back(skipped_id);
      continue;
    }
    if (Status s = parser.ParsePadded(line, &ev); !s.ok()) {
      bad.AddBad(fmt::format("{}:{}: {}", path, source->line_number(), s.message()));
      continue;
    }
    if (options.all_repos) {
      const bool bot = bots.IsBotLogin(ev.actor);
      AddToRepoMonths(ev, bot, &scan->repo_months);
      AddToActivity(ev, bot, &scan->activity);
    }
    if (!tracking) continue;
    const std::string lower = AsciiLower(ev.repo);
    if (!filter.MayMatch(lower, ev.repo_id)) {
      if (other_ids != nullptr && ev.repo_id != 0) other_ids->push_back(ev.repo_id);
      continue;
    }
    filter.Match(lower, ev.repo_id);
    scan->events.push_back(std::move(ev));  // Parse starts ev afresh
    if (options.take_events && scan->events.size() >= options.event_batch) {
      options.take_events(std::move(scan->events));
      scan->events.clear();
      scan->events.reserve(options.event_batch);
    }
  }
  if (other_ids != nullptr) {
    std::sort(other_ids->begin(), other_ids->end());
    other_ids->erase(std::unique(other_ids->begin(), other_ids->end()), other_ids->end());
  }
  const auto long_lines = static_cast<int64_t>(source->long_lines_skipped());
  for (int64_t i = 0; i < long_lines; ++i) bad.AddBad(fmt::format("{}: a line longer than {} bytes", path, kDefaultMaxLineBytes));
  scan->checksum = FormatCrc32(source->file_crc32());
  scan->lines = static_cast<int64_t>(source->line_number());
  scan->bad_lines = bad.bad;
  scan->samples = bad.samples;
  if (options.max_bad_lines >= 0 && scan->bad_lines > options.max_bad_lines) {
    return reject(CorruptionError(fmt::format("{}: {} bad lines, more than --max-bad-lines {}; the first: {}", path,
                                              scan->bad_lines, options.max_bad_lines, scan->samples.front())));
  }
  return Status::Ok();
}

void EncodeGhFileScan(const GhFileScan& scan, ByteWriter* w) {
  w->Str(scan.path);
  w->I64(scan.size);
  w->Str(scan.checksum);
  w->Bool(scan.skipped);
  w->Str(scan.rejected);
  w->I64(scan.lines);
  w->I64(scan.bad_lines);
  w->U64(scan.samples.size());
  for (const auto& s : scan.samples) w->Str(s);
  w->U64(scan.events.size());
  for (const auto& e : scan.events) EncodeEvent(e, w);
  w->U64(scan.repo_months.size());
  for (const auto& [key, m] : scan.repo_months) {
    w->I64(key.repo_id);
    w->I64(key.month);
    w->Str(m.name);
    for (const int64_t v : {m.stars, m.forks, m.issues_opened, m.prs_opened, m.prs_merged, m.pushes}) w->I64(v);
    m.actors.Encode(w);
  }
  EncodeActivity(scan.activity, w);
}

Status DecodeGhFileScan(std::string_view bytes, GhFileScan* scan) {
  ByteReader r(bytes);
  *scan = GhFileScan();
  uint64_t n = 0;
  bool ok = r.Str(&scan->path) && r.I64(&scan->size) && r.Str(&scan->checksum) && r.Bool(&scan->skipped) &&
            r.Str(&scan->rejected) && r.I64(&scan->lines) && r.I64(&scan->bad_lines) && r.U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) ok = r.Str(&scan->samples.emplace_back());
  ok = ok && r.U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) ok = DecodeEvent(&r, &scan->events.emplace_back());
  ok = ok && r.U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) {
    RepoMonthKey key;
    int64_t month = 0;
    ok = r.I64(&key.repo_id) && r.I64(&month);
    key.month = static_cast<MonthIndex>(month);
    RepoMonth& m = scan->repo_months[key];
    ok = ok && r.Str(&m.name) && r.I64(&m.stars) && r.I64(&m.forks) && r.I64(&m.issues_opened) &&
         r.I64(&m.prs_opened) && r.I64(&m.prs_merged) && r.I64(&m.pushes) && m.actors.Decode(&r);
  }
  ok = ok && DecodeActivity(&r, &scan->activity);
  if (!ok || !r.AtCleanEnd()) return InternalError("GH Archive scan: malformed partial result");
  return Status::Ok();
}

}  // namespace oscm::ingest
