// Renaming and removing a community, each in one transaction.
#pragma once

#include <cstdint>
#include <string>

#include "oscm/status.h"
#include "store/store.h"

namespace oscm::store {

// Renames community `from` to `to`: kNotFound when `from` is not in the store, kInvalidArgument
// when `to` is empty or already a community. Everything stays attached (it refers to the id).
Status RenameCommunity(Store& store, const std::string& from, const std::string& to);

struct RemovedCounts {
  int64_t repositories = 0;      // git repositories
  int64_t commits = 0;
  int64_t github_repositories = 0;
  int64_t profile_facts = 0;
  int64_t packages = 0;
};

// Removes community `name` and every row that is its own: its git repositories with their commits,
// refs, releases, files and ingest log; its tracked GitHub repositories with their events,
// snapshots and sync state; its profile facts; its packages with their figures. Rows other
// communities may share stay (its assessment history goes with it): people, organisations, GH Archive files read and the monthly figures
// of every GitHub repository (--all-repos), OpenRank. kNotFound when it is not in the store.
Result<RemovedCounts> RemoveCommunity(Store& store, const std::string& name);

}  // namespace oscm::store
