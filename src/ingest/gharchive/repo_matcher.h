// RepoMatcher: which tracked repository a GitHub event belongs to.
//
// Tracked repositories are known by every (lower-case) name they were seen under and by GitHub's
// numeric id. Match follows renames: an event whose id is a tracked repository's is that
// repository's, whatever its name, and teaches the matcher the new name; an event matched by
// name teaches the repository's id, once. What Match learns depends on the order of the events,
// so a scan split across processes replays Match in file order in one place (see mpi_ingest.h)
// and uses the other copies only as filters (MayMatch).
// Not thread-safe; copyable, so that a filter copy can learn ahead of the real one.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/byte_codec.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::ingest {

class RepoMatcher {
 public:
  // The tracked repositories in the store (gh_repos, gh_repo_names).
  static Result<RepoMatcher> Load(store::SqliteDb& db);

  bool empty() const { return by_name_.empty(); }

  // Whether an event with this name or id could be one of ours (Match may still say no).
  bool MayMatch(const std::string& lower_name, int64_t gh_id) const {
    return by_name_.count(lower_name) > 0 ||
           (gh_id != 0 && (by_gh_id_.count(gh_id) > 0 || extra_ids_.count(gh_id) > 0));
  }

  // Whether `gh_id` is a tracked repository's GitHub id (learned or stored; not AddMayMatchIds').
  bool KnowsId(int64_t gh_id) const { return by_gh_id_.count(gh_id) > 0; }

  // The tracked repository (gh_repos.id) an event belongs to, or 0. Learns ids and new names
  // (renames) as side effects, which Flush stores.
  int64_t Match(const std::string& lower_name, int64_t gh_id);

  // Makes MayMatch true for these ids too (ids other processes learned); Match ignores them.
  void AddMayMatchIds(const std::vector<int64_t>& ids) { extra_ids_.insert(ids.begin(), ids.end()); }

  // Stores what Match learned since the last Flush (or Load).
  Status Flush(store::SqliteDb& db);

  // The matcher's state, for another process (learned-but-unflushed facts included).
  void Encode(ByteWriter* w) const;
  static Result<RepoMatcher> Decode(ByteReader* r);

 private:
  std::unordered_map<std::string, int64_t> by_name_;
  std::unordered_map<int64_t, int64_t> by_gh_id_;
  std::unordered_map<int64_t, int64_t> gh_id_of_;
  std::unordered_set<int64_t> extra_ids_;
  std::vector<std::pair<int64_t, int64_t>> new_ids_;
  std::vector<std::pair<std::string, int64_t>> new_names_;
};

}  // namespace oscm::ingest
