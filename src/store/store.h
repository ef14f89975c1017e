// Store: the SQLite file that every oscm stage reads and writes.
//
// Opening a store creates it (and its directory) if needed and applies pending migrations. Several
// processes may open one store at once (see sqlite.h for how they wait for each other).
// Communities group repositories; a repository (identified by its location: absolute path or
// URL) belongs to exactly one community. Not thread-safe: one Store per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

struct RepositoryRow {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string location;
  std::string identity_config;
};

class Store {
 public:
  // An empty `path` is kInvalidArgument (SQLite would open a temporary database).
  static Result<Store> Open(const std::string& path, const WaitOptions& wait = {});

  SqliteDb& db() { return db_; }
  const std::string& path() const { return db_.path(); }

  Result<std::optional<int64_t>> FindCommunity(const std::string& name);
  // The community's id; kNotFound, naming the store, when there is none of that name.
  Result<int64_t> CommunityId(const std::string& name);
  Result<int64_t> EnsureCommunity(const std::string& name);
  Result<std::vector<std::string>> CommunityNames();

  Result<std::optional<RepositoryRow>> FindRepository(const std::string& location);
  // Creates the repository under `community_id`, or returns it if it is already there; a
  // repository that belongs to another community is an error naming both.
  Result<RepositoryRow> EnsureRepository(int64_t community_id, const std::string& location);
  Result<std::vector<RepositoryRow>> Repositories(int64_t community_id);

 private:
  explicit Store(SqliteDb db) : db_(std::move(db)) {}
  SqliteDb db_;
};

}  // namespace oscm::store
