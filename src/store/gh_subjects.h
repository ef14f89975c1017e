// The issues and pull requests of a tracked repository, as stored (gh_events), for the comments
// a forge's API lists without them: which subject a comment is on, who opened it and when (the
// first-response metrics need both). Not thread-safe: uses the caller's connection.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

struct GhSubject {
  bool pull_request = false;
  std::string author;
  int64_t created_at = 0;
};
using GhSubjects = std::unordered_map<int64_t, GhSubject>;  // by number

// The opened issues and pull requests of `repo_id` (gh_repos.id), by number.
Result<GhSubjects> LoadGhSubjects(SqliteDb& db, int64_t repo_id);

// Sets a comment's subject fields from `subjects` (nothing when its number is not there).
void FillSubject(const GhSubjects& subjects, GhEvent* comment);

}  // namespace oscm::store
