#include "ingest/git/git_ingest.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <thread>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "base/batch_pipe.h"
#include "base/strings.h"
#include "ingest/git/commit_walk.h"
#include "ingest/git/community_scan.h"
#include "ingest/git/git_repo.h"
#include "ingest/git/numstat.h"
#include "ingest/git/tags.h"
#include "ingest/identity/identity_resolver.h"
#include "store/activity_writer.h"

namespace oscm::ingest {
namespace {

using store::SqliteDb;

Result<std::unordered_set<std::string>> StoredCommits(SqliteDb& db, int64_t repo_id) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT oid FROM commits WHERE repo_id = ?"));
  stmt.Bind(1, repo_id);
  std::unordered_set<std::string> out;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    out.insert(stmt.ColumnText(0));
  }
  return out;
}

Result<std::set<std::string>> StoredCommunityPaths(SqliteDb& db, int64_t repo_id) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT path FROM community_files WHERE repo_id = ?"));
  stmt.Bind(1, repo_id);
  std::set<std::string> out;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    out.insert(stmt.ColumnText(0));
  }
  return out;
}

// The first-parent line ending at `head`, oldest first, from the stored commits.
Result<std::vector<std::string>> FirstParentChain(SqliteDb& db, int64_t repo_id, const std::string& head) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT oid, parents FROM commits WHERE repo_id = ?"));
  stmt.Bind(1, repo_id);
  std::unordered_map<std::string, std::string> first_parent;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    std::string parents = stmt.ColumnText(1);
    parents.resize(std::min(parents.size(), parents.find(' ')));
    first_parent.emplace(stmt.ColumnText(0), std::move(parents));
  }
  std::vector<std::string> chain;
  for (auto it = first_parent.find(head); it != first_parent.end(); it = first_parent.find(it->second)) {
    chain.push_back(it->first);
    if (chain.size() > first_parent.size()) break;  // a cycle cannot happen in git; be safe anyway
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// SQLite's page cache while line changes are computed: on git/git, 16 MiB instead of 128 took
// 9 MB off the peak at no cost in time.
constexpr int64_t kNumstatPageCacheKiB = 16384;

// Sets the store's page cache size (PRAGMA cache_size) for the life of this object.
class PageCacheLimit {
 public:
  static Result<PageCacheLimit> Set(SqliteDb& db, int64_t kib) {
    OSCM_ASSIGN_OR_RETURN(auto get, db.Prepare("PRAGMA cache_size"));
    OSCM_ASSIGN_OR_RETURN(const bool row, get.Step());
    const int64_t previous = row ? get.ColumnInt(0) : -2000;  // SQLite's default
    OSCM_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA cache_size = -{}", kib)));
    return PageCacheLimit(&db, previous);
  }
  PageCacheLimit(PageCacheLimit&& other) noexcept : db_(std::exchange(other.db_, nullptr)), previous_(other.previous_) {}
  PageCacheLimit(const PageCacheLimit&) = delete;
  PageCacheLimit& operator=(const PageCacheLimit&) = delete;
  PageCacheLimit& operator=(PageCacheLimit&&) = delete;
  ~PageCacheLimit() {
    // Best effort: only speed depends on it.
    if (db_ != nullptr) (void)db_->Exec(fmt::format("PRAGMA cache_size = {}", previous_));
  }

 private:
  PageCacheLimit(SqliteDb* db, int64_t previous) : db_(db), previous_(previous) {}
  SqliteDb* db_;
  int64_t previous_;
};

// Non-merge commits of the repository whose line changes are not stored yet.
Result<std::vector<NumstatJob>> PendingNumstat(SqliteDb& db, int64_t repo_id) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT c.id, c.oid, c.parents FROM commits c WHERE c.repo_id = ? AND c.parent_count <= 1 AND NOT EXISTS "
      "(SELECT 1 FROM numstat_done d WHERE d.commit_id = c.id) ORDER BY c.id"));
  stmt.Bind(1, repo_id);
  std::vector<NumstatJob> jobs;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    jobs.push_back(NumstatJob{stmt.ColumnInt(0), stmt.ColumnText(1), stmt.ColumnText(2)});
  }
  return jobs;
}

}  // namespace

Result<GitIngestResult> IngestGit(store::Store& store, const GitIngestOptions& options,
                                  const BotList& bots, const AffiliationResolver& affiliations,
                                  ProgressSink& progress) {
  LibGit2Scope libgit2;
  OSCM_ASSIGN_OR_RETURN(GitRepo repo, GitRepo::Open(options.location, options.cache_dir, progress));
  OSCM_ASSIGN_OR_RETURN(const std::vector<RefTip> tips, repo.Tips(options.branch, options.all_branches));

  GitIngestResult result;
  result.location = repo.location();
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
  result.community = options.community;
  if (result.community.empty()) {
    // A repository ingested before stays in its community; a new one is named after itself.
    OSCM_ASSIGN_OR_RETURN(auto known_repo, store.FindRepository(repo.location()));
    result.community = repo.DefaultName();
    if (known_repo) {
      OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT name FROM communities WHERE id = ?"));
      stmt.Bind(1, known_repo->community_id);
      OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
      if (row) result.community = stmt.ColumnText(0);
    } else {
      // Two clones in folders of one name (two "repo"s) must not silently become one community:
      // adding a repository to a community that has others takes an explicit --community.
      OSCM_ASSIGN_OR_RETURN(auto other, db.Prepare(
          "SELECT r.location FROM repositories r JOIN communities c ON c.id = r.community_id WHERE c.name = ? "
          "ORDER BY r.id LIMIT 1"));
      other.Bind(1, std::string_view(result.community));
      OSCM_ASSIGN_OR_RETURN(const bool taken, other.Step());
      if (taken) {
        return InvalidArgumentError(fmt::format(
            "{}: community '{}' already holds another repository ({}); name this one with --community NAME, "
            "or give --community {} to add it to that community",
            repo.location(), result.community, other.ColumnText(0), result.community));
      }
    }
  }
  OSCM_ASSIGN_OR_RETURN(const int64_t community_id, store.EnsureCommunity(result.community));
  OSCM_ASSIGN_OR_RETURN(const store::RepositoryRow repo_row, store.EnsureRepository(community_id, repo.location()));
  {
    // Where it came from, for reports that must not show a local path (updated when it changed).
    const std::string remote = repo.RemoteUrl();
    OSCM_ASSIGN_OR_RETURN(auto set_remote, db.Prepare(
        "UPDATE repositories SET remote = ?1 WHERE id = ?2 AND remote IS NOT ?1"));
    set_remote.Bind(2, repo_row.id);
    if (remote.empty()) {
      set_remote.BindNull(1);
    } else {
      set_remote.Bind(1, std::string_view(remote));
    }
    OSCM_RETURN_IF_ERROR(set_remote.Run());
  }
  OSCM_ASSIGN_OR_RETURN(store::ActivityWriter writer, store::ActivityWriter::Create(db));
  IdentityResolver identities(bots, affiliations, writer);

  // Walk only what is not stored yet.
  OSCM_ASSIGN_OR_RETURN(const std::unordered_set<std::string> stored, StoredCommits(db, repo_row.id));
  WalkOptions walk;
  for (const auto& t : tips) walk.tips.push_back(t.oid);
  walk.stored = &stored;
  walk.now = options.now;
  walk.cancel = options.cancel;

  // Resolves one person of a commit (at the commit's date), counting malformed identities.
  auto resolve = [&](const CommitRecord& c, const PersonRef& p, std::string_view role) -> Result<ResolvedIds> {
    OSCM_ASSIGN_OR_RETURN(const ResolvedIds ids, identities.Resolve(p, c.author.time));
    if (ids.malformed && role != "committer") {
      result.stats.AddBad(fmt::format("commit {}: malformed {} identity '{} <{}>'", c.oid, role,
                                      SanitizeUtf8(p.name), SanitizeUtf8(p.email)));
    }
    return ids;
  };
  auto store_commit = [&](CommitRecord& c) -> Status {
    OSCM_ASSIGN_OR_RETURN(const ResolvedIds author, resolve(c, c.author.person, "author"));
    OSCM_ASSIGN_OR_RETURN(const ResolvedIds committer, resolve(c, c.committer.person, "committer"));
    OSCM_ASSIGN_OR_RETURN(const std::optional<int64_t> commit_id,
                          writer.InsertCommit(repo_row.id, c, author.identity_id, committer.identity_id, author.org_id));
    if (!commit_id) return Status::Ok();
    ++result.commits_added;
    OSCM_RETURN_IF_ERROR(writer.InsertContributor(*commit_id, author.identity_id, "author", author.org_id));
    for (const auto& [people, role] : {std::pair{&c.coauthors, "coauthor"}, std::pair{&c.signoffs, "signoff"}}) {
      for (const PersonRef& p : *people) {
        OSCM_ASSIGN_OR_RETURN(const ResolvedIds ids, resolve(c, p, role));
        OSCM_RETURN_IF_ERROR(writer.InsertContributor(*commit_id, ids.identity_id, role, ids.org_id));
      }
    }
    return Status::Ok();
  };

  // Reading objects (inflate, parse) and writing rows (resolve, SQLite) overlap on two threads.
  BatchPipe<CommitRecord> pipe;
  IngestStats walk_stats;
  Status walk_status;
  std::thread reader([&] {
    walk_status = WalkCommits(repo, walk, [&](CommitRecord&& c) -> Status {
      return pipe.Push(std::move(c)) ? Status::Ok() : CancelledError("writer stopped");
    }, progress, &walk_stats);
    pipe.Close();
  });
  Status write_status;
  std::vector<CommitRecord> batch;
  while (write_status.ok() && pipe.Pop(&batch)) {
    for (CommitRecord& c : batch) {
      write_status = store_commit(c);
      if (!write_status.ok()) break;
    }
  }
  if (!write_status.ok()) pipe.Stop();
  reader.join();
  OSCM_RETURN_IF_ERROR(write_status);
  OSCM_RETURN_IF_ERROR(walk_status);
  result.stats.Merge(walk_stats);
  progress.Done();

  // Organisations and bot flags follow the affiliation data in force now.
  const std::string digest = identities.Digest();
  if (repo_row.identity_config != digest) {
    if (!repo_row.identity_config.empty()) {
      OSCM_RETURN_IF_ERROR(identities.Reresolve(db, repo_row.id));
      result.reresolved = true;
    }
    OSCM_RETURN_IF_ERROR(writer.SetIdentityConfig(repo_row.id, digest));
  }

  if (options.numstat) {
    OSCM_ASSIGN_OR_RETURN(const std::vector<NumstatJob> jobs, PendingNumstat(db, repo_row.id));
    // Line changes are appended in commit order, which a small page cache serves as fast as the
    // store's 128 MiB; the memory goes to the packs instead (numstat.cc; bench/RESULTS.md, #17).
    OSCM_ASSIGN_OR_RETURN(const PageCacheLimit cache_limit, PageCacheLimit::Set(db, kNumstatPageCacheKiB));
    OSCM_RETURN_IF_ERROR(ComputeNumstat(
        repo.path(), jobs, options.threads,
        [&](const NumstatJob& job, const std::vector<FileChange>& changes) {
          for (const FileChange& f : changes) {
            if (f.missing) {
              result.stats.AddBad(fmt::format("commit {}: {}: blob not in the repository (partial "
                                              "clone?); line counts unknown", job.oid, f.path));
            }
          }
          return writer.InsertFileChanges(job.commit_id, changes);
        },
        progress, options.cancel));
    progress.Done();
    result.numstat_commits = static_cast<int64_t>(jobs.size());
  }

  OSCM_ASSIGN_OR_RETURN(const std::vector<ReleaseRecord> releases, ReadReleases(repo));
  OSCM_RETURN_IF_ERROR(writer.ReplaceReleases(repo_row.id, releases));
  result.releases = static_cast<int64_t>(releases.size());

  // Community files are read from the first tip (HEAD or the chosen branch).
  OSCM_ASSIGN_OR_RETURN(const std::set<std::string> known, StoredCommunityPaths(db, repo_row.id));
  OSCM_ASSIGN_OR_RETURN(const std::vector<CommunityFileRecord> files, ScanCommunityFiles(repo, tips.front().oid, known, [&] { return FirstParentChain(db, repo_row.id, tips.front().oid); }));
  OSCM_RETURN_IF_ERROR(writer.ReplaceCommunityFiles(repo_row.id, files));
  OSCM_RETURN_IF_ERROR(writer.ReplaceRepoAdopters(community_id, repo_row.location, files));
  result.community_files = static_cast<int64_t>(files.size());

  std::vector<std::pair<std::string, std::string>> refs;
  for (const auto& t : tips) refs.emplace_back(t.ref, t.oid);
  OSCM_RETURN_IF_ERROR(writer.ReplaceRefs(repo_row.id, refs));

  if (result.commits_added > 0 || result.numstat_commits > 0 || result.reresolved) {
    store::IngestLogRow log;
    log.source = "git";
    for (const auto& t : tips) log.head += fmt::format("{}{} {}", log.head.empty() ? "" : "; ", t.ref, t.oid);
    log.commits_added = result.commits_added;
    log.releases = result.releases;
    log.bad_records = result.stats.bad;
    for (const auto& s : result.stats.samples) log.detail += s + "\n";
    OSCM_RETURN_IF_ERROR(writer.LogIngest(repo_row.id, log));
  }
  if (options.max_bad >= 0 && result.stats.bad > options.max_bad) {
    return CorruptionError(fmt::format("{}: {} bad records, more than --max-bad {}; the first: {}",
                                       result.location, result.stats.bad, options.max_bad,
                                       result.stats.samples.front()));
  }
  if (options.cancel != nullptr && options.cancel->load()) return CancelledError("interrupted");
  OSCM_RETURN_IF_ERROR(txn.Commit());
  return result;
}

}  // namespace oscm::ingest
