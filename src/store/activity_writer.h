// ActivityWriter: inserts the normalized records of one repository into the store.
//
// Used inside one Transaction; holds prepared statements and caches of identity and organisation
// ids. Inserts are idempotent: a commit, contributor or file row already stored is left as it is,
// so re-ingesting the same history changes nothing. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

struct IdentityRow {
  std::string key;
  std::string name;
  std::string email;
  std::optional<std::string> login;
  bool is_bot = false;
};

struct IngestLogRow {
  std::string source;
  std::string head;
  int64_t commits_added = 0;
  int64_t releases = 0;
  int64_t bad_records = 0;
  std::string detail;
};

class ActivityWriter {
 public:
  static Result<ActivityWriter> Create(SqliteDb& db);

  // Returns the id of the identity with `row.key`, creating it on first sight; its bot flag is
  // updated when it differs. Records the raw (name, email) alias.
  Result<int64_t> IdentityId(const IdentityRow& row, std::string_view raw_name,
                             std::string_view raw_email);
  // The id of the organisation `name`, created on first sight; its kind follows the latest
  // resolution (a built-in list may have learned that a domain is a foundation's).
  Result<int64_t> OrganisationId(const std::string& name, std::string_view kind);
  // Records that `identity_id` resolved to `org_id` by `rule` (identity_orgs), once per pair.
  Status RecordIdentityOrg(int64_t identity_id, int64_t org_id, std::string_view rule, std::string_view source);
  // Forgets the pairs recorded, after their rows were deleted for a re-resolution.
  void ForgetIdentityOrgs() { identity_orgs_.clear(); }

  // Returns the new commit's id, or nullopt (and writes nothing) when it is already stored.
  Result<std::optional<int64_t>> InsertCommit(int64_t repo_id, const CommitRecord& c,
                                              int64_t author_id, int64_t committer_id,
                                              int64_t org_id);
  Status InsertContributor(int64_t commit_id, int64_t identity_id, std::string_view role,
                           int64_t org_id);
  Status InsertFileChanges(int64_t commit_id, const std::vector<FileChange>& files);

  Status ReplaceReleases(int64_t repo_id, const std::vector<ReleaseRecord>& releases);
  // Makes the stored set equal to `files`; rows with first_seen == 0 keep their stored dates.
  Status ReplaceCommunityFiles(int64_t repo_id, const std::vector<CommunityFileRecord>& files);
  // The adopters the repository's ADOPTERS/USERS files list, as profile facts of the community
  // (origin "repo:<location>:<path>"), replacing those stored from this repository before.
  Status ReplaceRepoAdopters(int64_t community_id, const std::string& location,
                             const std::vector<CommunityFileRecord>& files);
  Status ReplaceRefs(int64_t repo_id, const std::vector<std::pair<std::string, std::string>>& refs);
  Status SetIdentityConfig(int64_t repo_id, const std::string& digest);
  Status LogIngest(int64_t repo_id, const IngestLogRow& row);

 private:
  explicit ActivityWriter(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
  std::optional<SqliteStatement> insert_identity_, select_identity_, update_bot_, insert_alias_;
  std::optional<SqliteStatement> insert_org_, select_org_, insert_commit_, insert_contributor_;
  std::optional<SqliteStatement> insert_file_, insert_numstat_done_, insert_identity_org_;
  struct CachedIdentity {
    int64_t id;
    bool is_bot;
  };
  std::unordered_map<std::string, CachedIdentity> identities_;
  std::unordered_map<std::string, int64_t> orgs_;
  std::unordered_set<std::string> aliases_;
  std::set<std::pair<int64_t, int64_t>> identity_orgs_;
};

}  // namespace oscm::store
