#include "ingest/gitee/gitee_ingest.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/forge_repo.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "store/gh_event_writer.h"
#include "store/gh_subjects.h"

namespace oscm::ingest {
namespace {

using store::SqliteDb;

constexpr std::string_view kGiteePrefixes[] = {"https://gitee.com/", "http://gitee.com/", "git@gitee.com:",
                                               "ssh://git@gitee.com/"};

enum class Mode {
  kByCount,      // listed again only when the repository's count differs from what is stored
  kNewestFirst,  // read until a page is wholly older than the last run's newest update
  kWhole,        // read whole (comments: from the last run's newest update on)
};

struct Listing {
  GiteeResource resource;
  const char* name;    // gh_sync.resource
  const char* path;    // after /repos/owner/name
  const char* params;  // fixed query parameters
  Mode mode;
  const char* count_type;  // kByCount: the event type counted
};
// Comments after issues and pull requests, so that a comment finds its subject.
constexpr Listing kListings[] = {
    {GiteeResource::kStargazers, "stargazers", "/stargazers", "", Mode::kByCount, "WatchEvent"},
    {GiteeResource::kForks, "forks", "/forks", "&sort=newest", Mode::kByCount, "ForkEvent"},
    {GiteeResource::kIssues, "issues", "/issues", "&state=all&sort=updated&direction=desc", Mode::kNewestFirst, ""},
    {GiteeResource::kPulls, "pulls", "/pulls", "&state=all&sort=updated&direction=desc", Mode::kNewestFirst, ""},
    {GiteeResource::kIssueComments, "issue_comments", "/issues/comments", "", Mode::kWhole, ""},
    {GiteeResource::kPullComments, "review_comments", "/pulls/comments", "", Mode::kWhole, ""},
    {GiteeResource::kReleases, "releases", "/releases", "", Mode::kWhole, ""},
};

struct SyncState {
  int64_t next_page = 0;  // 0: the listing's first page
  std::string since;      // newest updated_at stored (UTC ISO 8601)
};

int64_t HeaderInt(const HttpResponse& r, std::string_view name) {
  const std::string_view v = Trim(r.Header(name));
  int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && ptr == v.data() + v.size() ? out : -1;
}

class RepoSync {
 public:
  static Result<RepoSync> Create(SqliteDb& db, RestClient& client, const BotList& bots, const Clock& clock,
                                 ProgressSink& progress, const GiteeIngestOptions& options) {
    OSCM_ASSIGN_OR_RETURN(auto writer, store::GhEventWriter::Create(db));
    return RepoSync(db, client, bots, clock, progress, options, std::move(writer));
  }

  Status Run(int64_t repo_id, const std::string& name, GiteeRepoResult* result) {
    OSCM_ASSIGN_OR_RETURN(const int64_t gitee_id, SyncSnapshot(repo_id, name, &result->snapshot));
    for (const Listing& listing : kListings) {
      OSCM_RETURN_IF_ERROR(SyncListing(repo_id, gitee_id, result->snapshot, listing, &result->events_stored)
                               .WithContext(fmt::format("{} {}", result->snapshot.full_name, listing.name)));
    }
    return SyncContributors(repo_id, result->snapshot, &result->contributors)
        .WithContext(fmt::format("{} contributors", result->snapshot.full_name));
  }

 private:
  RepoSync(SqliteDb& db, RestClient& client, const BotList& bots, const Clock& clock, ProgressSink& progress,
           const GiteeIngestOptions& options, store::GhEventWriter writer)
      : db_(db), client_(client), bots_(bots), clock_(clock), progress_(progress), options_(options),
        writer_(std::move(writer)) {}

  Status CheckCancel() const {
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
      return CancelledError("interrupted");
    }
    return Status::Ok();
  }

  Result<SyncState> LoadState(int64_t repo_id, std::string_view resource) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare("SELECT url, since FROM gh_sync WHERE repo_id = ? AND resource = ?"));
    q.Bind(1, repo_id).Bind(2, resource);
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) return SyncState{};
    SyncState s;
    s.since = q.ColumnText(1);
    const std::string page = q.ColumnText(0);
    std::from_chars(page.data(), page.data() + page.size(), s.next_page);
    return s;
  }

  Status SaveState(int64_t repo_id, std::string_view resource, const SyncState& s) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "INSERT OR REPLACE INTO gh_sync(repo_id, resource, url, since, etag) VALUES (?,?,?,?,'')"));
    q.Bind(1, repo_id).Bind(2, resource).Bind(3, std::string_view(s.next_page > 0 ? std::to_string(s.next_page) : ""))
        .Bind(4, std::string_view(s.since));
    return q.Run();
  }

  // The repository's snapshot; returns its Gitee id (kept in gh_sync's "gitee_repo" row, since
  // gh_repos.gh_id holds GitHub ids only).
  Result<int64_t> SyncSnapshot(int64_t repo_id, const std::string& name, RepoSnapshot* snap) {
    OSCM_RETURN_IF_ERROR(CheckCancel());
    progress_.Update(fmt::format("{}: repository", name), 0, 0);
    OSCM_ASSIGN_OR_RETURN(HttpResponse r, client_.Get("/repos/" + name));
    auto parsed = ParseGiteeRepoSnapshot(r.body);
    if (!parsed) return parsed.error().WithContext(fmt::format("{}: repository", name));
    *snap = std::move(parsed).value();
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_ASSIGN_OR_RETURN(SyncState known, LoadState(repo_id, "gitee_repo"));
    const std::string id = std::to_string(snap->gh_id);
    if (!known.since.empty() && known.since != id) {
      return InvalidArgumentError(fmt::format("gitee.com/{}: now names another repository (Gitee id {}, tracked as id {})",
                                              name, id, known.since));
    }
    OSCM_ASSIGN_OR_RETURN(auto add_name, db_.Prepare("INSERT OR IGNORE INTO gh_repo_names(name, repo_id) VALUES (?, ?)"));
    add_name.Bind(1, std::string_view(GiteeTrackedName(snap->full_name))).Bind(2, repo_id);
    OSCM_RETURN_IF_ERROR(add_name.Run());
    OSCM_ASSIGN_OR_RETURN(auto save, db_.Prepare(
        "INSERT OR REPLACE INTO gh_repo_snapshots(repo_id, fetched_at, full_name, stars, forks, watchers, "
        "open_issues, license, topics, archived, created_at, default_branch, pushed_at) VALUES (?,?,?,?,?,?,?,?,'',0,?,?,?)"));
    save.Bind(1, repo_id).Bind(2, clock_.NowUnix()).Bind(3, std::string_view(snap->full_name)).Bind(4, snap->stars)
        .Bind(5, snap->forks).Bind(6, snap->watchers).Bind(7, snap->open_issues).Bind(8, std::string_view(snap->license))
        .Bind(9, snap->created_at).Bind(10, std::string_view(snap->default_branch)).Bind(11, snap->pushed_at);
    OSCM_RETURN_IF_ERROR(save.Run());
    OSCM_RETURN_IF_ERROR(SaveState(repo_id, "gitee_repo", SyncState{0, id}));
    OSCM_RETURN_IF_ERROR(txn.Commit());
    return snap->gh_id;
  }

  Result<int64_t> StoredCount(int64_t repo_id, const char* type) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare("SELECT COUNT(*) FROM gh_events WHERE repo_id = ? AND type = ?"));
    q.Bind(1, repo_id).Bind(2, std::string_view(type));
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    return row ? q.ColumnInt(0) : 0;
  }

  Status SyncListing(int64_t repo_id, int64_t gitee_id, const RepoSnapshot& snap, const Listing& listing,
                     int64_t* stored) {
    OSCM_ASSIGN_OR_RETURN(SyncState state, LoadState(repo_id, listing.name));
    if (listing.mode == Mode::kByCount && state.next_page == 0) {
      const int64_t expected = listing.resource == GiteeResource::kStargazers ? snap.stars : snap.forks;
      OSCM_ASSIGN_OR_RETURN(const int64_t have, StoredCount(repo_id, listing.count_type));
      // Nothing new: the listing stays complete as stored (its gh_sync row says it was read).
      if (have == expected) return SaveState(repo_id, listing.name, state);
    }
    store::GhSubjects subjects;
    const bool comments = listing.resource == GiteeResource::kIssueComments ||
                          listing.resource == GiteeResource::kPullComments;
    if (comments) {
      OSCM_ASSIGN_OR_RETURN(subjects, store::LoadGhSubjects(db_, repo_id));
    }
    const std::string repo = GiteeTrackedName(snap.full_name);
    std::string newest = state.since;
    for (int64_t page = std::max<int64_t>(state.next_page, 1);; ++page) {
      OSCM_RETURN_IF_ERROR(CheckCancel());
      progress_.Update(fmt::format("{}: {} page {}", snap.full_name, listing.name, page), static_cast<uint64_t>(*stored), 0);
      std::string path = fmt::format("/repos/{}{}?page={}&per_page={}{}", snap.full_name, listing.path, page,
                                     options_.per_page, listing.params);
      if (comments && !state.since.empty()) path += "&since=" + state.since;
      auto got = client_.Get(path);
      // The repository was just found: a listing that is not there is one Gitee does not keep
      // for it (issues or pull requests turned off).
      if (!got && got.error().code() == StatusCode::kNotFound) return Status::Ok();
      if (!got) return got.error();
      auto parsed = ParseGiteePage(listing.resource, got->body, gitee_id, repo);
      if (!parsed) return parsed.error().WithContext(client_.Redact(client_.base_url() + path));
      GiteePage& p = *parsed;
      const int64_t total_pages = HeaderInt(*got, "total_page");
      bool more = total_pages >= 0 ? page < total_pages : p.items >= options_.per_page;
      // Newest first: a page wholly older than the last run's newest update ends the reading.
      if (listing.mode == Mode::kNewestFirst && !state.since.empty() && p.newest_first && !p.min_updated.empty() &&
          p.min_updated < state.since) {
        more = false;
      }
      newest = std::max(newest, p.max_updated);

      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
      for (GhEvent& ev : p.events) {
        if (comments) store::FillSubject(subjects, &ev);
        OSCM_ASSIGN_OR_RETURN(const bool added, writer_.Insert(repo_id, ev, bots_.IsBotLogin(ev.actor)));
        *stored += added ? 1 : 0;
      }
      // An interrupted listing resumes at the next page; a finished one starts afresh next time,
      // from its newest update.
      OSCM_RETURN_IF_ERROR(SaveState(repo_id, listing.name, more ? SyncState{page + 1, state.since} : SyncState{0, newest}));
      OSCM_RETURN_IF_ERROR(txn.Commit());
      if (!more) return Status::Ok();
    }
  }

  Status SyncContributors(int64_t repo_id, const RepoSnapshot& snap, int64_t* count) {
    OSCM_RETURN_IF_ERROR(CheckCancel());
    auto got = client_.Get(fmt::format("/repos/{}/contributors", snap.full_name));
    if (!got && got.error().code() == StatusCode::kNotFound) return Status::Ok();
    if (!got) return got.error();
    OSCM_ASSIGN_OR_RETURN(const auto contributors, ParseGiteeContributors(got->body));
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_ASSIGN_OR_RETURN(auto clear, db_.Prepare("DELETE FROM gh_repo_contributors WHERE repo_id = ?"));
    clear.Bind(1, repo_id);
    OSCM_RETURN_IF_ERROR(clear.Run());
    OSCM_ASSIGN_OR_RETURN(auto put, db_.Prepare(
        "INSERT INTO gh_repo_contributors(repo_id, name, email, contributions) VALUES (?,?,?,?) "
        "ON CONFLICT(repo_id, name, email) DO UPDATE SET contributions = contributions + excluded.contributions"));
    for (const auto& c : contributors) {
      put.Bind(1, repo_id).Bind(2, std::string_view(c.name)).Bind(3, std::string_view(c.email)).Bind(4, c.contributions);
      OSCM_RETURN_IF_ERROR(put.Run());
    }
    *count = static_cast<int64_t>(contributors.size());
    return txn.Commit();
  }

  SqliteDb& db_;
  RestClient& client_;
  const BotList& bots_;
  const Clock& clock_;
  ProgressSink& progress_;
  const GiteeIngestOptions& options_;
  store::GhEventWriter writer_;
};

}  // namespace

bool IsGiteeUrl(std::string_view location) { return HasForgePrefix(location, kGiteePrefixes); }

Result<std::string> ParseGiteeRepo(std::string_view text) {
  return ParseForgeRepo(text, kGiteePrefixes, "https://gitee.com/");
}

std::string GiteeTrackedName(std::string_view owner_name) { return "gitee.com/" + AsciiLower(owner_name); }

RestClientOptions GiteeClientOptions(std::string api_url, const std::string& token, bool wait_for_reset) {
  RestClientOptions o;
  o.service = "Gitee API";
  o.base_url = std::move(api_url);
  if (!token.empty()) o.auth_query = "access_token=" + token;
  o.token_hint = ", or with a token in GITEE_TOKEN";
  o.wait_for_reset = wait_for_reset;
  return o;
}

Result<std::vector<GiteeRepoResult>> IngestGitee(store::Store& store, const GiteeIngestOptions& options,
                                                 RestClient& client, const BotList& bots, const Clock& clock,
                                                 ProgressSink& progress) {
  SqliteDb& db = store.db();
  // The community: the one named, else the one the repository is tracked for, else its name.
  OSCM_ASSIGN_OR_RETURN(auto tracked_for, db.Prepare(
      "SELECT c.name, r.name FROM gh_repo_names n JOIN gh_repos r ON r.id = n.repo_id "
      "JOIN communities c ON c.id = r.community_id WHERE n.name = ?"));
  struct Target {
    std::string repo;     // owner/name as given
    std::string tracked;  // gh_repos.name: the name it was first tracked under (renames keep it)
    std::string community;
  };
  std::vector<Target> targets;
  std::vector<TrackedCommunity> track;
  for (const auto& given : options.repos) {
    OSCM_ASSIGN_OR_RETURN(const std::string repo, ParseGiteeRepo(given));
    Target t{repo, GiteeTrackedName(repo), options.community};
    tracked_for.Bind(1, std::string_view(t.tracked));
    OSCM_ASSIGN_OR_RETURN(const bool row, tracked_for.Step());
    if (row) {
      if (t.community.empty()) t.community = tracked_for.ColumnText(0);
      t.tracked = tracked_for.ColumnText(1);
    } else if (t.community.empty()) {
      t.community = repo;  // owner/name, as a git ingest of its clone names it
    }
    tracked_for.Reset();
    track.push_back(TrackedCommunity{t.community, {t.tracked}});
    targets.push_back(std::move(t));
  }
  OSCM_RETURN_IF_ERROR(TrackRepositories(store, track));
  OSCM_ASSIGN_OR_RETURN(RepoSync sync, RepoSync::Create(db, client, bots, clock, progress, options));
  OSCM_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT repo_id FROM gh_repo_names WHERE name = ?"));
  std::vector<GiteeRepoResult> results;
  for (const Target& t : targets) {
    GiteeRepoResult r;
    r.repo = t.repo;
    find.Bind(1, std::string_view(t.tracked));
    OSCM_ASSIGN_OR_RETURN(const bool row, find.Step());
    if (!row) return InternalError(fmt::format("{}: not tracked after tracking it", t.repo));
    const int64_t repo_id = find.ColumnInt(0);
    find.Reset();
    Status s = sync.Run(repo_id, t.repo, &r);
    progress.Done();
    OSCM_RETURN_IF_ERROR(s.WithContext("gitee"));
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace oscm::ingest
