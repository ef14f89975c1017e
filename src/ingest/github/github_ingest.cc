#include "ingest/github/github_ingest.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/forge_repo.h"
#include "store/gh_event_writer.h"
#include "store/gh_subjects.h"

namespace oscm::ingest {
namespace {

using store::SqliteDb;

// The listings fetched for each repository, in order (comments after issues, so that a comment
// finds its issue).
struct Listing {
  ApiResource resource;
  const char* name;    // gh_sync.resource
  const char* path;    // after /repos/owner/name
  const char* params;  // fixed query parameters
  bool since;          // takes `since` (sorted by updated_at, ascending)
  const char* accept;  // media type; "" = the default
};
constexpr Listing kListings[] = {
    {ApiResource::kStargazers, "stargazers", "/stargazers", "", false, "application/vnd.github.star+json"},
    {ApiResource::kIssues, "issues", "/issues", "&state=all&sort=updated&direction=asc", true, ""},
    {ApiResource::kIssueComments, "issue_comments", "/issues/comments", "&sort=updated&direction=asc", true, ""},
    {ApiResource::kReviewComments, "review_comments", "/pulls/comments", "&sort=updated&direction=asc", true, ""},
    {ApiResource::kReleases, "releases", "/releases", "", false, ""},
};

struct SyncState {
  std::string url;  // "" = the listing's first page
  std::string since;
  std::string etag;
};

class RepoSync {
 public:
  static Result<RepoSync> Create(SqliteDb& db, GitHubClient& client, const BotList& bots, const Clock& clock,
                                 ProgressSink& progress, const GitHubIngestOptions& options) {
    OSCM_ASSIGN_OR_RETURN(auto writer, store::GhEventWriter::Create(db));
    return RepoSync(db, client, bots, clock, progress, options, std::move(writer));
  }

  Status Run(int64_t repo_id, const std::string& name, GitHubRepoResult* result) {
    OSCM_RETURN_IF_ERROR(SyncSnapshot(repo_id, name, &result->snapshot));
    for (const Listing& listing : kListings) {
      OSCM_RETURN_IF_ERROR(SyncListing(repo_id, result->snapshot, listing, &result->events_stored)
                               .WithContext(fmt::format("{} {}", result->snapshot.full_name, listing.name)));
    }
    return Status::Ok();
  }

 private:
  RepoSync(SqliteDb& db, GitHubClient& client, const BotList& bots, const Clock& clock, ProgressSink& progress,
           const GitHubIngestOptions& options, store::GhEventWriter writer)
      : db_(db), client_(client), bots_(bots), clock_(clock), progress_(progress), options_(options),
        writer_(std::move(writer)) {}

  Status CheckCancel() const {
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
      return CancelledError("interrupted");
    }
    return Status::Ok();
  }

  Result<SyncState> LoadState(int64_t repo_id, std::string_view resource) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare("SELECT url, since, etag FROM gh_sync WHERE repo_id = ? AND resource = ?"));
    q.Bind(1, repo_id).Bind(2, resource);
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) return SyncState{};
    return SyncState{q.ColumnText(0), q.ColumnText(1), q.ColumnText(2)};
  }

  Status SaveState(int64_t repo_id, std::string_view resource, const SyncState& s) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "INSERT OR REPLACE INTO gh_sync(repo_id, resource, url, since, etag) VALUES (?,?,?,?,?)"));
    q.Bind(1, repo_id).Bind(2, resource).Bind(3, std::string_view(s.url)).Bind(4, std::string_view(s.since))
        .Bind(5, std::string_view(s.etag));
    return q.Run();
  }

  Result<bool> LoadSnapshot(int64_t repo_id, RepoSnapshot* s) {
    OSCM_ASSIGN_OR_RETURN(auto q, db_.Prepare(
        "SELECT r.gh_id, s.full_name, s.stars, s.forks, s.watchers, s.open_issues, s.license, s.topics, "
        "s.archived, s.created_at, s.default_branch, s.pushed_at "
        "FROM gh_repo_snapshots s JOIN gh_repos r ON r.id = s.repo_id WHERE s.repo_id = ?"));
    q.Bind(1, repo_id);
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) return false;
    s->gh_id = q.ColumnInt(0);
    s->full_name = q.ColumnText(1);
    s->stars = q.ColumnInt(2);
    s->forks = q.ColumnInt(3);
    s->watchers = q.ColumnInt(4);
    s->open_issues = q.ColumnInt(5);
    s->license = q.ColumnText(6);
    s->topics.clear();
    const std::string topics = q.ColumnText(7);
    for (std::string_view t : SplitLines(topics)) s->topics.emplace_back(t);
    s->archived = q.ColumnInt(8) != 0;
    s->created_at = q.ColumnInt(9);
    s->default_branch = q.ColumnText(10);
    s->pushed_at = q.ColumnInt(11);
    return true;
  }

  Status SyncSnapshot(int64_t repo_id, const std::string& name, RepoSnapshot* snap) {
    OSCM_RETURN_IF_ERROR(CheckCancel());
    progress_.Update(fmt::format("{}: repository", name), 0, 0);
    OSCM_ASSIGN_OR_RETURN(SyncState state, LoadState(repo_id, "repo"));
    OSCM_ASSIGN_OR_RETURN(const bool stored, LoadSnapshot(repo_id, snap));
    OSCM_ASSIGN_OR_RETURN(HttpResponse r, client_.Get("/repos/" + name, stored ? state.etag : ""));
    if (r.status == 304) return Status::Ok();
    auto parsed = ParseRepoSnapshot(r.body);
    if (!parsed) return parsed.error().WithContext(fmt::format("{}: repository", name));
    *snap = std::move(parsed).value();

    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
    OSCM_ASSIGN_OR_RETURN(auto owner, db_.Prepare("SELECT id, name FROM gh_repos WHERE gh_id = ? AND id != ?"));
    owner.Bind(1, snap->gh_id).Bind(2, repo_id);
    OSCM_ASSIGN_OR_RETURN(const bool taken, owner.Step());
    if (taken) {
      return InvalidArgumentError(fmt::format("{}: is {} on GitHub, which is tracked as {}", name,
                                              snap->full_name, owner.ColumnText(1)));
    }
    OSCM_ASSIGN_OR_RETURN(auto known, db_.Prepare("SELECT gh_id FROM gh_repos WHERE id = ?"));
    known.Bind(1, repo_id);
    OSCM_ASSIGN_OR_RETURN(const bool row, known.Step());
    if (row && !known.ColumnIsNull(0) && known.ColumnInt(0) != snap->gh_id) {
      return InvalidArgumentError(fmt::format(
          "{}: now names another repository on GitHub (id {}, tracked as id {})", name, snap->gh_id, known.ColumnInt(0)));
    }
    OSCM_ASSIGN_OR_RETURN(auto set_id, db_.Prepare("UPDATE gh_repos SET gh_id = ? WHERE id = ?"));
    set_id.Bind(1, snap->gh_id).Bind(2, repo_id);
    OSCM_RETURN_IF_ERROR(set_id.Run());
    OSCM_ASSIGN_OR_RETURN(auto add_name, db_.Prepare("INSERT OR IGNORE INTO gh_repo_names(name, repo_id) VALUES (?, ?)"));
    add_name.Bind(1, std::string_view(AsciiLower(snap->full_name))).Bind(2, repo_id);
    OSCM_RETURN_IF_ERROR(add_name.Run());
    std::string topics;
    for (const auto& t : snap->topics) topics += t + "\n";
    OSCM_ASSIGN_OR_RETURN(auto save, db_.Prepare(
        "INSERT OR REPLACE INTO gh_repo_snapshots(repo_id, fetched_at, full_name, stars, forks, watchers, "
        "open_issues, license, topics, archived, created_at, default_branch, pushed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    save.Bind(1, repo_id).Bind(2, clock_.NowUnix()).Bind(3, std::string_view(snap->full_name)).Bind(4, snap->stars)
        .Bind(5, snap->forks).Bind(6, snap->watchers).Bind(7, snap->open_issues)
        .Bind(8, std::string_view(snap->license)).Bind(9, std::string_view(topics)).Bind(10, int64_t{snap->archived})
        .Bind(11, snap->created_at).Bind(12, std::string_view(snap->default_branch)).Bind(13, snap->pushed_at);
    OSCM_RETURN_IF_ERROR(save.Run());
    OSCM_RETURN_IF_ERROR(SaveState(repo_id, "repo", SyncState{"", "", std::string(r.Header("etag"))}));
    return txn.Commit();
  }

  std::string FirstPage(const RepoSnapshot& snap, const Listing& listing, const std::string& since) const {
    std::string url = fmt::format("{}/repos/{}{}?per_page={}{}", client_.api_url(), snap.full_name, listing.path,
                                  options_.per_page, listing.params);
    if (listing.since && !since.empty()) url += "&since=" + since;
    return url;
  }

  Status SyncListing(int64_t repo_id, const RepoSnapshot& snap, const Listing& listing, int64_t* stored) {
    OSCM_ASSIGN_OR_RETURN(SyncState state, LoadState(repo_id, listing.name));
    std::string url = state.url.empty() ? FirstPage(snap, listing, state.since) : state.url;
    std::string etag = state.etag;
    store::GhSubjects subjects;
    const bool comments = listing.resource == ApiResource::kIssueComments ||
                          listing.resource == ApiResource::kReviewComments;
    if (comments) {
      OSCM_ASSIGN_OR_RETURN(subjects, store::LoadGhSubjects(db_, repo_id));
    }
    const bool stars = listing.resource == ApiResource::kStargazers;
    for (int page_no = 1; !url.empty(); ++page_no) {
      OSCM_RETURN_IF_ERROR(CheckCancel());
      progress_.Update(fmt::format("{}: {} page {}", snap.full_name, listing.name, page_no), static_cast<uint64_t>(*stored),
                       stars ? static_cast<uint64_t>(snap.stars) : 0);
      auto got = client_.Get(url, etag, listing.accept);
      // The repository was just found, so a listing that is not there is one GitHub does not
      // keep for it (issues disabled: 410): nothing to store.
      if (!got && got.error().code() == StatusCode::kNotFound) return Status::Ok();
      if (!got) return got.error();
      const HttpResponse& r = *got;
      if (r.status == 304) return Status::Ok();  // nothing changed since the last run
      auto parsed = ParseApiPage(listing.resource, r.body, snap.gh_id, snap.full_name);
      if (!parsed) return parsed.error().WithContext(url);
      ApiPage page = std::move(parsed).value();
      const std::string next = NextPageUrl(r.Header("link"));

      OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db_));
      for (GhEvent& ev : page.events) {
        if (comments) store::FillSubject(subjects, &ev);
        OSCM_ASSIGN_OR_RETURN(const bool added, writer_.Insert(repo_id, ev, bots_.IsBotLogin(ev.actor)));
        *stored += added ? 1 : 0;
      }
      if (listing.since) state.since = std::max(state.since, page.max_updated);
      if (!next.empty()) {
        state.url = next;  // an interrupted listing resumes here
        state.etag.clear();
      } else {
        // The next run starts again at the last page for the stargazers (new stars are added at
        // the end), else at the first page from `since`. This answer's ETag is worth keeping
        // when that is the page just read, and it was not full (a full last page would not
        // change when a new page appears).
        state.url = stars ? url : "";
        const std::string next_start = stars ? url : FirstPage(snap, listing, state.since);
        const bool reusable = next_start == url && !(stars && page.items >= options_.per_page);
        state.etag = reusable ? std::string(r.Header("etag")) : "";
      }
      OSCM_RETURN_IF_ERROR(SaveState(repo_id, listing.name, state));
      OSCM_RETURN_IF_ERROR(txn.Commit());
      url = next;
      etag.clear();
    }
    return Status::Ok();
  }

  SqliteDb& db_;
  GitHubClient& client_;
  const BotList& bots_;
  const Clock& clock_;
  ProgressSink& progress_;
  const GitHubIngestOptions& options_;
  store::GhEventWriter writer_;
};

// The community a repository is fetched for: the one named, else the one it is tracked for,
// else its name.
Result<std::vector<TrackedCommunity>> ResolveCommunities(SqliteDb& db, const std::vector<TrackedCommunity>& repos) {
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(
      "SELECT c.name, r.name FROM gh_repo_names n JOIN gh_repos r ON r.id = n.repo_id "
      "JOIN communities c ON c.id = r.community_id WHERE n.name = ?"));
  std::vector<TrackedCommunity> out;
  for (const auto& t : repos) {
    for (std::string repo : t.repos) {
      std::string community = t.community;
      q.Bind(1, std::string_view(AsciiLower(repo)));
      OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
      if (row) {
        // Known, perhaps under another name (a rename): the name it is tracked as.
        if (community.empty()) community = q.ColumnText(0);
        repo = q.ColumnText(1);
      } else if (community.empty()) {
        community = repo;  // owner/name, as a git ingest of its clone names it
      }
      q.Reset();
      out.push_back(TrackedCommunity{community, {repo}});
    }
  }
  return out;
}

// The first column of every row of `sql`.
Result<std::set<std::string>> Names(SqliteDb& db, const char* sql) {
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
  std::set<std::string> names;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) return names;
    names.insert(q.ColumnText(0));
  }
}

// A repository this run began to track and then could not read at all (a name GitHub does not
// know, no network) is tracked no longer, and the community this run created for it goes too
// unless another repository is in it: a failed run leaves no empty community behind. Once
// anything of it is stored, the tracking stays (a later run resumes from there).
Status UntrackIfNothingStored(SqliteDb& db, int64_t repo_id, bool community_is_new) {
  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(auto stored, db.Prepare(
      "SELECT community_id, EXISTS(SELECT 1 FROM gh_repo_snapshots WHERE repo_id = ?1) OR "
      "EXISTS(SELECT 1 FROM gh_sync WHERE repo_id = ?1) OR EXISTS(SELECT 1 FROM gh_events WHERE repo_id = ?1) "
      "FROM gh_repos WHERE id = ?1"));
  stored.Bind(1, repo_id);
  OSCM_ASSIGN_OR_RETURN(const bool row, stored.Step());
  if (!row || stored.ColumnInt(1) != 0) return Status::Ok();
  const int64_t community = stored.ColumnInt(0);
  stored.Reset();
  for (const char* sql : {"DELETE FROM gh_repo_names WHERE repo_id = ?1", "DELETE FROM gh_repos WHERE id = ?1"}) {
    OSCM_ASSIGN_OR_RETURN(auto del, db.Prepare(sql));
    del.Bind(1, repo_id);
    OSCM_RETURN_IF_ERROR(del.Run());
  }
  if (community_is_new) {
    OSCM_ASSIGN_OR_RETURN(auto del, db.Prepare(
        "DELETE FROM communities WHERE id = ?1 AND NOT EXISTS(SELECT 1 FROM gh_repos WHERE community_id = ?1)"));
    del.Bind(1, community);
    OSCM_RETURN_IF_ERROR(del.Run());
  }
  return txn.Commit();
}

}  // namespace

constexpr std::string_view kGitHubUrlPrefixes[] = {"https://github.com/", "http://github.com/", "git@github.com:",
                                                   "ssh://git@github.com/"};

bool IsGitHubUrl(std::string_view location) { return HasForgePrefix(location, kGitHubUrlPrefixes); }

Result<std::string> ParseGitHubRepo(std::string_view text) {
  return ParseForgeRepo(text, kGitHubUrlPrefixes, "https://github.com/");
}

Result<std::vector<GitHubRepoResult>> IngestGitHub(store::Store& store, const GitHubIngestOptions& options,
                                                   GitHubClient& client, const BotList& bots,
                                                   const Clock& clock, ProgressSink& progress) {
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(const auto track, ResolveCommunities(db, options.repos));
  // What was there before, so that a repository this run cannot read at all is not left behind.
  OSCM_ASSIGN_OR_RETURN(const std::set<std::string> known_repos, Names(db, "SELECT name FROM gh_repo_names"));
  OSCM_ASSIGN_OR_RETURN(const std::set<std::string> known_communities, Names(db, "SELECT name FROM communities"));
  OSCM_RETURN_IF_ERROR(TrackRepositories(store, track));
  OSCM_ASSIGN_OR_RETURN(RepoSync sync, RepoSync::Create(db, client, bots, clock, progress, options));
  OSCM_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT repo_id FROM gh_repo_names WHERE name = ?"));
  std::vector<GitHubRepoResult> results;
  for (const auto& t : track) {
    GitHubRepoResult r;
    r.repo = t.repos.front();
    find.Bind(1, std::string_view(AsciiLower(r.repo)));
    OSCM_ASSIGN_OR_RETURN(const bool row, find.Step());
    if (!row) return InternalError(fmt::format("{}: not tracked after tracking it", r.repo));
    const int64_t repo_id = find.ColumnInt(0);
    find.Reset();
    Status s = sync.Run(repo_id, r.repo, &r);
    progress.Done();
    if (!s.ok() && !known_repos.count(AsciiLower(r.repo))) {
      OSCM_RETURN_IF_ERROR(UntrackIfNothingStored(db, repo_id, !known_communities.count(t.community)));
    }
    OSCM_RETURN_IF_ERROR(s.WithContext("github"));
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace oscm::ingest
