#include "store/community_admin.h"

#include <fmt/format.h>

namespace oscm::store {
namespace {

Result<int64_t> Count(SqliteDb& db, const char* sql, int64_t id) {
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
  q.Bind(1, id);
  OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
  return row ? q.ColumnInt(0) : 0;
}

}  // namespace

Status RenameCommunity(Store& store, const std::string& from, const std::string& to) {
  if (to.empty()) return InvalidArgumentError("a community's new name cannot be empty");
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(const int64_t id, store.CommunityId(from));
  OSCM_ASSIGN_OR_RETURN(const std::optional<int64_t> taken, store.FindCommunity(to));
  if (taken && *taken != id) {
    return InvalidArgumentError(fmt::format("community '{}' already exists in {}", to, store.path()));
  }
  OSCM_ASSIGN_OR_RETURN(auto update, db.Prepare("UPDATE communities SET name = ? WHERE id = ?"));
  update.Bind(1, std::string_view(to)).Bind(2, id);
  OSCM_RETURN_IF_ERROR(update.Run());
  return txn.Commit();
}

Result<RemovedCounts> RemoveCommunity(Store& store, const std::string& name) {
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(const int64_t id, store.CommunityId(name));
  RemovedCounts counts;
  OSCM_ASSIGN_OR_RETURN(counts.repositories, Count(db, "SELECT count(*) FROM repositories WHERE community_id = ?", id));
  OSCM_ASSIGN_OR_RETURN(counts.commits, Count(db, "SELECT count(*) FROM commits WHERE repo_id IN "
                                                  "(SELECT id FROM repositories WHERE community_id = ?)", id));
  OSCM_ASSIGN_OR_RETURN(counts.github_repositories, Count(db, "SELECT count(*) FROM gh_repos WHERE community_id = ?", id));
  OSCM_ASSIGN_OR_RETURN(counts.profile_facts, Count(db, "SELECT count(*) FROM profile_facts WHERE community_id = ?", id));
  OSCM_ASSIGN_OR_RETURN(counts.packages, Count(db, "SELECT count(*) FROM packages WHERE community_id = ?", id));
  // Children before parents (foreign keys are enforced).
  constexpr const char* kDeletes[] = {
      "DELETE FROM commit_contributors WHERE commit_id IN (SELECT c.id FROM commits c JOIN repositories r ON r.id = c.repo_id WHERE r.community_id = ?1)",
      "DELETE FROM commit_files WHERE commit_id IN (SELECT c.id FROM commits c JOIN repositories r ON r.id = c.repo_id WHERE r.community_id = ?1)",
      "DELETE FROM numstat_done WHERE commit_id IN (SELECT c.id FROM commits c JOIN repositories r ON r.id = c.repo_id WHERE r.community_id = ?1)",
      "DELETE FROM commits WHERE repo_id IN (SELECT id FROM repositories WHERE community_id = ?1)",
      "DELETE FROM repo_refs WHERE repo_id IN (SELECT id FROM repositories WHERE community_id = ?1)",
      "DELETE FROM releases WHERE repo_id IN (SELECT id FROM repositories WHERE community_id = ?1)",
      "DELETE FROM community_files WHERE repo_id IN (SELECT id FROM repositories WHERE community_id = ?1)",
      "DELETE FROM ingest_log WHERE repo_id IN (SELECT id FROM repositories WHERE community_id = ?1)",
      "DELETE FROM repositories WHERE community_id = ?1",
      "DELETE FROM gh_repo_names WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_events WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_repo_snapshots WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_sync WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_coverage WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_repo_contributors WHERE repo_id IN (SELECT id FROM gh_repos WHERE community_id = ?1)",
      "DELETE FROM gh_repos WHERE community_id = ?1",
      "DELETE FROM profile_facts WHERE community_id = ?1",
      "DELETE FROM package_downloads WHERE package_id IN (SELECT id FROM packages WHERE community_id = ?1)",
      "DELETE FROM package_snapshots WHERE package_id IN (SELECT id FROM packages WHERE community_id = ?1)",
      "DELETE FROM package_sync WHERE package_id IN (SELECT id FROM packages WHERE community_id = ?1)",
      "DELETE FROM packages WHERE community_id = ?1",
      "DELETE FROM assessment_scores WHERE run_id IN (SELECT id FROM assessment_runs WHERE community_id = ?1)",
      "DELETE FROM assessment_runs WHERE community_id = ?1",
      "DELETE FROM communities WHERE id = ?1",
  };
  for (const char* sql : kDeletes) {
    OSCM_ASSIGN_OR_RETURN(auto del, db.Prepare(sql));
    del.Bind(1, id);
    OSCM_RETURN_IF_ERROR(del.Run().WithContext(sql));
  }
  OSCM_RETURN_IF_ERROR(txn.Commit());
  return counts;
}

}  // namespace oscm::store
