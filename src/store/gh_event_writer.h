// GhEventWriter: stores GitHub events of tracked repositories (table gh_events), whichever source
// read them (GH Archive, the GitHub API). Events are keyed by id, so storing one twice changes
// nothing. Used inside the caller's Transaction; not thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

class GhEventWriter {
 public:
  static Result<GhEventWriter> Create(SqliteDb& db);

  // Stores `ev` for the tracked repository `repo_id` (gh_repos.id). Returns whether it was new.
  Result<bool> Insert(int64_t repo_id, const GhEvent& ev, bool actor_is_bot);

 private:
  GhEventWriter(SqliteDb* db, SqliteStatement insert) : db_(db), insert_(std::move(insert)) {}

  SqliteDb* db_;
  SqliteStatement insert_;
  std::string labels_;
};

}  // namespace oscm::store
